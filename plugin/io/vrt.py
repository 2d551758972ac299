"""GDAL virtual rasters (VRT) stacking band files where they are, written as XML text.

A stack references its band files by their GDAL paths (``/vsizip/...`` inside a zip: nothing is
extracted or copied), so it is written at once and takes no room. Each band keeps the digital numbers as
stored, with GDAL's scale and offset set so that a reader that unscales (QGIS) shows the physical value
``(DN + offset) / scale`` (Névé's convention, the products' ``reflectance_offsets`` and
``reflectance_scale``)::

    sources = [BandFile.of(path, dataset) for path, dataset in ...]
    text = stack_vrt(grid, [VrtBand(source, "B4 (665 nm)", scale=10000.0, offset=-1000.0, nodata=0)
                            for source in sources], metadata=[("TILE", "T31TCH")])
"""
from dataclasses import dataclass
from xml.etree import ElementTree as ET

import numpy as np

#: numpy dtype name -> GDAL data type name of a VRT.
GDAL_TYPES = {"uint8": "Byte", "int8": "Int8", "uint16": "UInt16", "int16": "Int16", "uint32": "UInt32",
              "int32": "Int32", "float32": "Float32", "float64": "Float64"}


@dataclass(frozen=True)
class BandFile:
    """One band file of a stack: its GDAL path and what the VRT needs to know about it (band 1)."""

    path: str
    width: int
    height: int
    dtype: str
    transform: object
    crs: object
    block: tuple    # (rows, columns) of a block

    @classmethod
    def of(cls, path, dataset):
        """The :class:`BandFile` of ``path``, opened as the rasterio ``dataset``."""
        return cls(path, dataset.width, dataset.height, dataset.dtypes[0], dataset.transform, dataset.crs,
                   tuple(dataset.block_shapes[0]))

    @property
    def resolution(self):
        return abs(self.transform.a)


@dataclass(frozen=True)
class VrtBand:
    """A band of a stack: its file, description and metadata (``(key, value)`` pairs of text, in GDAL's
    default domain and in the IMAGERY domain), no-data value of the digital numbers, how they become
    physical values: ``(DN + offset) / scale``, and its colour interpretation ("Red", "Green", "Blue": the
    band viewers show in that colour; None: undefined)."""

    source: BandFile
    description: str
    metadata: tuple = ()
    imagery: tuple = ()
    nodata: float = None
    scale: float = 1.0
    offset: float = 0.0
    color_interp: str = None


def vrt_nodata(dtype, nodata, scale, add_offset):
    """(VRT data type, VRT no-data value, whether source no-data pixels must be mapped to it).

    QGIS 3.22 compares the unscaled values of a band (reflectance) with its raw no-data value. With
    Sen2Cor's offset -1000 and no-data 0, the digital number 1000 (reflectance exactly 0, frequent over
    dark water) would be shown as no data. In that case the VRT band is Int32 and its no-data a value no
    digital number has and no reflectance equals (the source's no-data pixels are mapped to it)."""
    if nodata is None or np.dtype(dtype).kind not in "iu":
        return dtype, nodata, False
    info = np.iinfo(dtype)

    def collides(raw):
        dn = raw * scale - add_offset  # the digital number whose reflectance equals ``raw``
        return dn != raw and dn == int(dn) and info.min <= dn <= info.max

    if not collides(nodata):
        return dtype, nodata, False
    for candidate in (-1, int(info.min) - 1, -2 ** 31):
        if not info.min <= candidate <= info.max and not collides(candidate):
            return "int32", candidate, True
    return dtype, nodata, False


def stack_vrt(grid, bands, metadata=()):
    """The XML text of a VRT stacking ``bands`` (:class:`VrtBand`) on ``grid`` (a ``io.raster.Grid``), one
    VRT band each; ``metadata``: ``(key, value)`` pairs of the dataset (those without a value are left
    out). A band whose file has another resolution or extent than ``grid`` is placed by its transform
    (GDAL repeats coarser pixels, nearest neighbour)."""
    root = ET.Element("VRTDataset", rasterXSize=str(grid.width), rasterYSize=str(grid.height))
    ET.SubElement(root, "SRS", dataAxisToSRSAxisMapping="1,2").text = grid.crs.to_wkt()
    ET.SubElement(root, "GeoTransform").text = ", ".join(repr(float(v)) for v in grid.transform.to_gdal())
    dataset_metadata = ET.SubElement(root, "Metadata")
    for key, value in metadata:
        if value:
            ET.SubElement(dataset_metadata, "MDI", key=key).text = str(value)
    for index, vrt_band in enumerate(bands, start=1):
        source = vrt_band.source
        scale = 1.0 / vrt_band.scale
        add_offset = float(vrt_band.offset)
        nodata = vrt_band.nodata
        dtype, vrt_no_data, remap = vrt_nodata(source.dtype, nodata, vrt_band.scale, add_offset)
        band = ET.SubElement(root, "VRTRasterBand", dataType=GDAL_TYPES[str(dtype)], band=str(index))
        ET.SubElement(band, "Description").text = vrt_band.description
        if vrt_band.color_interp:
            ET.SubElement(band, "ColorInterp").text = vrt_band.color_interp
        for domain, items in ((None, vrt_band.metadata), ("IMAGERY", vrt_band.imagery)):
            if items:
                element = ET.SubElement(band, "Metadata", **({"domain": domain} if domain else {}))
                for key, value in items:
                    ET.SubElement(element, "MDI", key=key).text = value
        if vrt_no_data is not None:
            ET.SubElement(band, "NoDataValue").text = repr(vrt_no_data)
        ET.SubElement(band, "Offset").text = repr(add_offset * scale)
        ET.SubElement(band, "Scale").text = repr(scale)
        element = ET.SubElement(band, "ComplexSource" if remap else "SimpleSource")
        ET.SubElement(element, "SourceFilename", relativeToVRT="0").text = source.path
        ET.SubElement(element, "SourceBand").text = "1"
        ET.SubElement(element, "SourceProperties", RasterXSize=str(source.width), RasterYSize=str(source.height),
                      DataType=GDAL_TYPES[source.dtype], BlockXSize=str(source.block[1]),
                      BlockYSize=str(source.block[0]))
        ET.SubElement(element, "SrcRect", xOff="0", yOff="0", xSize=str(source.width), ySize=str(source.height))
        g, s = grid.transform, source.transform
        ET.SubElement(element, "DstRect", xOff=repr((s.c - g.c) / g.a + 0.0), yOff=repr((s.f - g.f) / g.e + 0.0),
                      xSize=repr(source.width * s.a / g.a), ySize=repr(source.height * s.e / g.e))
        if remap:
            ET.SubElement(element, "NODATA").text = repr(nodata)
    ET.indent(root)
    return ET.tostring(root, encoding="unicode") + "\n"
