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
