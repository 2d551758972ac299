"""Small helpers shared by the tests: tiny GeoTIFFs, running algorithms, files left behind."""
import glob
import os

import numpy as np
import rasterio
from rasterio.transform import from_origin

UTM32N = "EPSG:32632"


def write_raster(path, array, pixel_size=(10.0, 10.0), origin=(600000.0, 5100000.0), crs=UTM32N,
                 nodata=None):
    """Write a single-band (2-D array) or multi-band (3-D array) GeoTIFF and return its path."""
    array = np.asarray(array)
    bands = array[None] if array.ndim == 2 else array
    transform = from_origin(origin[0], origin[1], pixel_size[0], pixel_size[1])
    with rasterio.open(path, "w", driver="GTiff", width=bands.shape[2], height=bands.shape[1],
                       count=bands.shape[0], dtype=bands.dtype, crs=crs, transform=transform,
                       nodata=nodata) as dst:
        dst.write(bands)
    return str(path)


def read_raster(path, band=1):
    with rasterio.open(path) as src:
        return src.read(band)


def run(algorithm_id, parameters, context=None, feedback=None):
    """processing.run as a user's script calls it; returns the results dictionary."""
    import processing

    return processing.run(algorithm_id, parameters, context=context, feedback=feedback)


def leftovers(folder):
    """Files in ``folder`` that a failed or cancelled run must not leave (outputs, partial files)."""
    return sorted(os.path.basename(p) for p in glob.glob(os.path.join(str(folder), "*"))
                  + glob.glob(os.path.join(str(folder), ".*")))
