"""Raster files: blocks with halos, and GeoTIFF outputs written safely.

Full Sentinel-2 tiles (10980 x 10980 at 10 m) are processed in horizontal strips of whole rows, so that
memory stays bounded whatever the raster size. A neighbourhood operation asks for a ``halo``: each strip
is read with that many extra rows above and below, and only its inner rows are written, so the result
does not depend on the strip height.

Outputs are tiled, compressed GeoTIFFs written to a hidden temporary file beside the destination and
renamed over it only when everything went well: a failure or a cancel leaves nothing half-written.
"""
import contextlib
import os
import uuid
from dataclasses import dataclass

import numpy as np
import rasterio
from rasterio.windows import Window

DEFAULT_BLOCK_ROWS = 1024
GDAL_CACHE_MB = 256

GTIFF_PROFILE = {
    "driver": "GTiff",
    "tiled": True,
    "blockxsize": 512,
    "blockysize": 512,
    "compress": "deflate",
    "num_threads": "all_cpus",
    "bigtiff": "if_safer",
}


@dataclass(frozen=True)
class Block:
    """One strip: ``read`` is the window to read (inner rows plus halo, clipped to the raster),
    ``write`` the inner window, and ``inner`` the rows of the read array that belong to ``write``."""

    read: Window
    write: Window
    inner: slice
    index: int
    count: int


def blocks(width, height, block_rows=DEFAULT_BLOCK_ROWS, halo=0):
    """Strips of ``block_rows`` whole rows covering a ``width`` x ``height`` raster, with ``halo`` rows."""
    block_rows = max(1, int(block_rows))
    count = max(1, -(-height // block_rows))
    for index in range(count):
        row0 = index * block_rows
        row1 = min(height, row0 + block_rows)
        top = max(0, row0 - halo)
        bottom = min(height, row1 + halo)
        yield Block(
            read=Window(0, top, width, bottom - top),
            write=Window(0, row0, width, row1 - row0),
            inner=slice(row0 - top, row1 - top),
            index=index,
            count=count,
        )


def predictor_for(dtype):
    kind = np.dtype(dtype).kind
    if kind == "f":
        return 3
    if np.dtype(dtype).itemsize > 1:
        return 2
    return 1


@contextlib.contextmanager
def bounded_gdal_cache(megabytes=GDAL_CACHE_MB):
    """Limit GDAL's block cache while a whole raster streams through it, then restore it.

    GDAL caches every block it reads or writes, up to 5 % of the RAM by default: streaming a full tile
    would otherwise fill the cache with blocks that are never read again and inflate memory use.
    """
    from osgeo import gdal

    previous = gdal.GetCacheMax()
    if previous > megabytes * 2 ** 20:
        gdal.SetCacheMax(megabytes * 2 ** 20)
    try:
        yield
    finally:
        gdal.SetCacheMax(previous)


class GeoTiffWriter:
    """A GeoTIFF written block by block to a temporary file, renamed to ``path`` on success.

    Use as a context manager; leaving the ``with`` block through an exception deletes the
    temporary file and leaves any existing ``path`` untouched.
    """

    def __init__(self, path, width, height, crs, transform, dtype, nodata=None, count=1,
                 band_names=None, tags=None):
        self.path = os.path.abspath(path)
        folder, name = os.path.split(self.path)
        self.tmp_path = os.path.join(folder, ".{}.{}.partial.tif".format(name, uuid.uuid4().hex[:8]))
        self.profile = dict(GTIFF_PROFILE, width=width, height=height, count=count, dtype=dtype,
                            crs=crs, transform=transform, nodata=nodata, predictor=predictor_for(dtype))
        self.band_names = band_names
        self.tags = tags
        self.dataset = None

    def __enter__(self):
        os.makedirs(os.path.dirname(self.path), exist_ok=True)
        self.dataset = rasterio.open(self.tmp_path, "w", **self.profile)
        if self.band_names:
            for index, name in enumerate(self.band_names, start=1):
                self.dataset.set_band_description(index, name)
        if self.tags:
            self.dataset.update_tags(**self.tags)
        return self

    def write(self, array, window, band=1):
        self.dataset.write(array, band, window=window)

    def __exit__(self, exc_type, exc, tb):
        try:
            self.dataset.close()
        finally:
            if exc_type is None:
                os.replace(self.tmp_path, self.path)
            else:
                remove_quietly(self.tmp_path)
        return False


def remove_quietly(path):
    for candidate in (path, path + ".aux.xml"):
        try:
            os.remove(candidate)
        except OSError:
            pass
