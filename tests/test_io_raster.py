"""The shared file primitives of plugin/io/raster.py, and the translated range check of every algorithm."""
import os

import numpy as np
import pytest
from affine import Affine
from qgis.core import QgsProcessingException

from helpers import leftovers, run, write_raster


def test_output_file_renames_on_success_and_leaves_nothing_on_error(tmp_path):
    from neve.plugin.io.raster import output_file

    target = tmp_path / "out" / "report.html"
    with output_file(target) as temporary:
        assert os.path.dirname(temporary) == str(tmp_path / "out") and os.path.basename(temporary)[0] == "."
        assert temporary.endswith(".html")
        open(temporary, "w").write("done")
    assert target.read_text() == "done" and leftovers(tmp_path / "out") == ["report.html"]

    with pytest.raises(RuntimeError):
        with output_file(target) as temporary:
            open(temporary, "w").write("half")
            open(temporary + ".aux.xml", "w").write("side file")
            raise RuntimeError("failed half-way")
    assert target.read_text() == "done"                      # the earlier file is untouched
    assert leftovers(tmp_path / "out") == ["report.html"]     # no temporary, no side file


def test_geotiff_writer_failure_leaves_no_file(tmp_path):
    from neve.plugin.io.raster import GeoTiffWriter
    from rasterio.windows import Window

    with pytest.raises(ValueError):
        with GeoTiffWriter(str(tmp_path / "mask.tif"), 4, 4, "EPSG:32632", Affine(10, 0, 0, 0, -10, 0),
                           "uint8") as writer:
            writer.write(np.ones((2, 4), np.uint8), Window(0, 0, 4, 2))
            raise ValueError("stop")
    assert leftovers(tmp_path) == []


def test_blocks_cover_every_row_once_with_clipped_halos():
    from neve.plugin.io.raster import blocks

    strips = list(blocks(7, 10, block_rows=4, halo=3))
    assert [(b.write.row_off, b.write.height) for b in strips] == [(0, 4), (4, 4), (8, 2)]
    assert [(b.read.row_off, b.read.height) for b in strips] == [(0, 7), (1, 9), (5, 5)]
    for b in strips:   # the inner rows of the read window are the written rows
        assert b.read.row_off + b.inner.start == b.write.row_off
        assert b.inner.stop - b.inner.start == b.write.height


@pytest.mark.parametrize("target, expected", [
    (Affine(10, 0, 1000, 0, -10, 5000), (1, 0, 0)),        # the same pixels
    (Affine(10, 0, 1030, 0, -10, 4980), (1, 3, 2)),        # the same pixels, shifted by whole pixels
    (Affine(20, 0, 1000, 0, -20, 5000), (2, 0, 0)),        # 2 x 2 blocks
    (Affine(60, 0, 1020, 0, -60, 4990), (6, 2, 1)),        # 6 x 6 blocks, corner on a source pixel
    (Affine(20, 0, 1005, 0, -20, 5000), None),             # corner inside a source pixel
    (Affine(15, 0, 1000, 0, -15, 5000), None),             # not a whole factor
    (Affine(20, 0, 1000, 0, -10, 5000), None),             # not the same factor in x and y
])
def test_aligned_factor(target, expected):
    from neve.plugin.io.raster import Grid, aligned_factor

    source = Grid("EPSG:32632", Affine(10, 0, 1000, 0, -10, 5000), 100, 100)
    assert aligned_factor(source, Grid("EPSG:32632", target, 10, 10)) == expected
    if expected:
        assert aligned_factor(source, Grid("EPSG:32633", target, 10, 10)) is None   # another CRS


def test_read_ahead_gives_every_item_in_order_and_raises_what_the_reading_raises():
    import threading

    from neve.plugin.io.raster import read_ahead

    readers = set()

    def read(item):
        readers.add(threading.current_thread().name)
        if item == 7:
            raise OSError("damaged strip")
        return item * item

    assert list(read_ahead(read, range(5))) == [(i, i * i) for i in range(5)]
    assert list(read_ahead(read, range(5), depth=3)) == [(i, i * i) for i in range(5)]
    assert list(read_ahead(read, [])) == []
    assert readers and threading.current_thread().name not in readers   # read by another thread
    seen = []
    with pytest.raises(OSError, match="damaged strip"):
        for item, _value in read_ahead(read, range(10)):
            seen.append(item)
    assert seen == list(range(7))


def test_write_behind_writes_in_order_and_raises_a_failed_write_in_the_caller():
    from neve.plugin.io.raster import WriteBehind

    class Writer:
        def __init__(self, fail_at=None):
            self.written, self.fail_at = [], fail_at

        def write(self, array, window, band=1):
            if window == self.fail_at:
                raise OSError("disk full")
            self.written.append((window, array, band))

    writer = Writer()
    with WriteBehind(writer, depth=2) as output:
        for index in range(20):
            output.write(index * 10, index)
    assert [window for window, _array, _band in writer.written] == list(range(20))
    assert [array for _window, array, _band in writer.written] == [10 * i for i in range(20)]

    writer = Writer(fail_at=3)
    with pytest.raises(OSError, match="disk full"):
        with WriteBehind(writer) as output:
            for index in range(20):
                output.write(None, index)
    assert [window for window, _array, _band in writer.written] == [0, 1, 2]   # nothing after the failure

    writer = Writer()
    with pytest.raises(RuntimeError, match="cancelled"):
        with WriteBehind(writer, depth=50) as output:
            for index in range(20):
                output.write(None, index)
            raise RuntimeError("cancelled")
    assert len(writer.written) <= 20     # the strips waiting are dropped, the thread is gone


def coarse_grids(rng, width, height, count):
    """Random grids whose pixels are whole blocks of the 10 m pixels of a raster at (300000, 4800000):
    factors 2 to 24, anywhere from three grid pixels before the raster to past its end (partial blocks on
    every side)."""
    from neve.plugin.io.raster import Grid

    for _ in range(count):
        factor = int(rng.integers(2, 25))
        col, row = int(rng.integers(-3 * factor, width)), int(rng.integers(-3 * factor, height))
        yield Grid("EPSG:32631", Affine(10.0 * factor, 0, 300000.0 + 10 * col, 0, -10.0 * factor, 4800000.0 - 10 * row),
                   int(rng.integers(1, 60)), int(rng.integers(1, 60)))


def test_a_coarse_nearest_grid_takes_the_pixel_under_each_centre_as_the_warper_did(tmp_path, monkeypatch):
    """read_onto_grid on a grid of whole blocks of the raster's pixels, nearest neighbour, without the
    warper (decimated reads from a GeoTIFF, rows at full resolution from a JPEG2000 file, a GeoTIFF with
    overviews or a VRT), gives exactly the values of GDAL's warper (the way it was read before) and of the
    rule: the pixel under the centre, the one starting at the centre for an even factor; outside the
    raster, the no-data value or the fill. Converted values (reflectance with NaN) too; large reads split
    between two threads too."""
    import subprocess

    import rasterio
    from rasterio.transform import from_origin

    from neve.plugin.io import raster

    rng = np.random.default_rng(13)
    height, width = 700, 600
    values = rng.integers(-200, 12000, (height, width)).astype(np.int16)
    values[:40, :50] = -10000                    # no data
    profile = dict(driver="GTiff", width=width, height=height, count=1, dtype="int16", crs="EPSG:32631",
                   transform=from_origin(300000.0, 4800000.0, 10.0, 10.0), nodata=-10000, tiled=True,
                   blockxsize=256, blockysize=256, compress="deflate")
    tiff, overviews = str(tmp_path / "band.tif"), str(tmp_path / "overviews.tif")
    for path in (tiff, overviews):
        with rasterio.open(path, "w", **profile) as dataset:
            dataset.write(values, 1)
    with rasterio.open(overviews, "r+") as dataset:
        dataset.build_overviews([2, 4, 8], rasterio.enums.Resampling.average)   # never to be used
    vrt = str(tmp_path / "band.vrt")
    subprocess.run(["gdal_translate", "-q", "-of", "VRT", tiff, vrt], check=True)
    classes = rng.integers(0, 12, (height, width)).astype(np.uint8)      # an SCL-like mask in JPEG2000
    jp2 = str(tmp_path / "classes.jp2")
    with rasterio.open(jp2, "w", driver="JP2OpenJPEG", width=width, height=height, count=1, dtype="uint8",
                       crs="EPSG:32631", transform=profile["transform"], QUALITY=100, REVERSIBLE="YES") as dataset:
        dataset.write(classes, 1)

    def reflectance(dn):
        out = dn.astype(np.float32) / np.float32(10000)
        out[dn == -10000] = np.nan
        return out

    def rule(array, grid, background):
        factor, col, row = raster.aligned_factor(raster.Grid("EPSG:32631", profile["transform"], width, height), grid)
        out = np.full(grid.shape, background, dtype=array.dtype)
        r = row + factor * np.arange(grid.height) + factor // 2     # the centre's pixel
        c = col + factor * np.arange(grid.width) + factor // 2
        inside = ((r >= 0) & (r < height))[:, None] & ((c >= 0) & (c < width))[None, :]
        out[inside] = array[np.clip(r, 0, height - 1)[:, None], np.clip(c, 0, width - 1)[None, :]][inside]
        return out

    warp = raster._warp_onto_grid
    warping = []

    def warped(*args):
        warping.append(True)
        try:
            return warp(*args)
        finally:
            warping.pop()

    def only_asked(*args):
        assert warping, "the warper was used"
        return warp(*args)

    monkeypatch.setattr(raster, "_warp_onto_grid", only_asked)
    options = [({}, 0), ({"fill": 7}, 7), ({"nodata": -10000}, -10000), ({"max_source_pixels": 5000}, 0),
               ({"nodata": np.nan, "convert": reflectance}, np.nan)]
    for path, array in ((tiff, values), (overviews, values), (vrt, values), (jp2, classes)):
        with rasterio.open(path) as dataset:
            for grid in coarse_grids(rng, width, height, 30):
                for kwargs, background in options:
                    if path == jp2 and ("convert" in kwargs or "nodata" in kwargs):
                        continue    # classes: no reflectance, no -10000
                    got = raster.read_onto_grid(dataset, grid, **kwargs)
                    settings = dict(dict(nodata=None, fill=0, convert=lambda v: v,
                                         max_source_pixels=raster.MAX_SOURCE_PIXELS), **kwargs)
                    before = warped(dataset, grid, 1, "nearest", settings["nodata"], settings["fill"],
                                    settings["convert"], raster.MAX_SOURCE_PIXELS)
                    assert got.dtype == before.dtype
                    np.testing.assert_array_equal(got, before, err_msg="{} {} {}".format(path, grid, kwargs))
                    expected = rule(settings["convert"](array), grid, background)
                    np.testing.assert_array_equal(got, expected)
    # a large read in two halves, by two threads (each its own handle on the file)
    monkeypatch.setattr(raster, "PARALLEL_SOURCE_PIXELS", 1000)
    with rasterio.open(tiff) as dataset:
        for grid in coarse_grids(rng, width, height, 20):
            np.testing.assert_array_equal(raster.read_onto_grid(dataset, grid), rule(values, grid, 0))


def test_numbers_out_of_range_get_a_translated_message_and_no_output(neve_provider, tmp_path):
    from test_i18n import switch_language

    mask = write_raster(tmp_path / "mask.tif", np.eye(5, dtype=np.uint8))
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    parameters = {"INPUT": mask, "DISTANCE": 6000, "OUTPUT": str(out_dir / "buffer.tif")}
    with pytest.raises(QgsProcessingException, match="6000 is out of range; give a value from 0 to 5000"):
        run("neve:dilatemask", parameters)
    try:
        assert switch_language(neve_provider, "fr_FR") == "fr"
        with pytest.raises(QgsProcessingException, match="6000"):
            run("neve:dilatemask", parameters)
        from qgis.core import QgsProcessingContext
        message = neve_provider.algorithm("dilatemask").range_problem(parameters, QgsProcessingContext())
        assert "Distance du tampon" in message and "5000" in message and "out of range" not in message
    finally:
        switch_language(neve_provider, "en_GB")
    assert leftovers(out_dir) == []
