"""The kinds of the parameters of an algorithm (``pipeline/spec.py`` documents the value of each)."""

PRODUCT, RASTER, RASTERS, VECTOR, FILES = "product", "raster", "rasters", "vector", "files"
NUMBER, INTEGER, BOOLEAN, ENUM, STRING, DATE, FOLDER = "number", "integer", "boolean", "enum", "string", "date", \
    "folder"
FIELD, CRS, EXTENT = "field", "crs", "extent"
RASTER_OUT, VECTOR_OUT, FILE_OUT, FOLDER_OUT = "raster_out", "vector_out", "file_out", "folder_out"
DESTINATIONS = (RASTER_OUT, VECTOR_OUT, FILE_OUT, FOLDER_OUT)
LAYERS = (RASTER, RASTERS, VECTOR)
