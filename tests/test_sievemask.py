"""neve:sievemask on hand-made masks (areas at the minimum, 8- and 4-connectivity, holes and no data),
in strips and whole, on a generated product, and its errors.

The reference for random masks is a plain breadth-first flood fill written here (no scipy labelling).
"""
from collections import deque

import numpy as np
import pytest
from qgis.core import QgsProcessingException

from helpers import leftovers, read_raster, run, write_raster
from synthetic import Scene, make_theia_product
from test_dilatemask import CancelAfterFirstBlock

NODATA = 255


def components(mask, connectivity):
    """Lists of (row, col) of the connected components of ``mask``, by flood fill."""
    height, width = mask.shape
    steps = [(-1, 0), (1, 0), (0, -1), (0, 1)]
    if connectivity == 8:
        steps += [(-1, -1), (-1, 1), (1, -1), (1, 1)]
    seen = np.zeros(mask.shape, bool)
    found = []
    for r0, c0 in zip(*np.nonzero(mask)):
        if seen[r0, c0]:
            continue
        seen[r0, c0] = True
        queue, pixels = deque([(r0, c0)]), []
        while queue:
            r, c = queue.popleft()
            pixels.append((r, c))
            for dr, dc in steps:
                rr, cc = r + dr, c + dc
                if 0 <= rr < height and 0 <= cc < width and mask[rr, cc] and not seen[rr, cc]:
                    seen[rr, cc] = True
                    queue.append((rr, cc))
        found.append(pixels)
    return found


def reference_sieve(mask, nodata, min_object, min_hole, pixel_area, connectivity=8):
    mask = mask & ~nodata
    kept = np.zeros(mask.shape, bool)
    for pixels in components(mask, connectivity):
        if len(pixels) * pixel_area >= min_object:
            kept[tuple(np.array(pixels).T)] = True
    filled = kept.copy()
    for pixels in components(~kept & ~nodata, connectivity):
        if len(pixels) * pixel_area < min_hole:
            filled[tuple(np.array(pixels).T)] = True
    out = filled.astype(np.uint8)
    out[nodata] = NODATA
    return out


def sieve(tmp_path, array, nodata=None, pixel_size=(10.0, 10.0), name="sieve", **parameters):
    source = write_raster(tmp_path / (name + "_in.tif"), array, nodata=nodata, pixel_size=pixel_size)
    out = str(tmp_path / "out" / (name + ".tif"))
    run("neve:sievemask", dict({"INPUT": source, "OUTPUT": out}, **parameters))
    return read_raster(out)


def picture(text):
    """uint8 array from rows of '.' (0), 'X' (1) and 'n' (no data, 9)."""
    codes = {".": 0, "X": 1, "n": 9}
    return np.array([[codes[c] for c in row.split()] for row in text.strip().splitlines()], np.uint8)


MASK = picture("""
X . . . . . . . . . . .
. X . . . X X . . . . .
. . X . . X X . . X X X
. . . . . . . . . X . X
. . . . . . . . . X X X
X X X . . . . . . . . .
X . X . . . . . . . . n
X X X . . . . . . . . X
""")


def test_objects_at_the_minimum_stay_and_diagonals_join(neve_provider, tmp_path):
    # 100 m2 pixels, minimum 400 m2: the diagonal line (3 pixels) goes, the 2 x 2 square (400 m2, equal to
    # the minimum) stays, the ring (8) and the frame in the corner (8) stay; the lone pixel next to no
    # data goes. No hole filling.
    out = sieve(tmp_path, MASK, nodata=9, MIN_OBJECT_AREA=400, MIN_HOLE_AREA=0)
    expected = picture("""
. . . . . . . . . . . .
. . . . . X X . . . . .
. . . . . X X . . X X X
. . . . . . . . . X . X
. . . . . . . . . X X X
X X X . . . . . . . . .
X . X . . . . . . . . n
X X X . . . . . . . . .
""")
    expected[expected == 9] = NODATA
    assert np.array_equal(out, expected)
    # With 4-connectivity the diagonal line is three objects of 100 m2: gone at 200 m2 too; the others stay.
    out4 = sieve(tmp_path, MASK, nodata=9, MIN_OBJECT_AREA=200, MIN_HOLE_AREA=0, CONNECTIVITY=1, name="four")
    assert np.array_equal(out4, expected)
    # With 8-connectivity at 300 m2 the diagonal (300 m2) stays.
    out8 = sieve(tmp_path, MASK, nodata=9, MIN_OBJECT_AREA=300, MIN_HOLE_AREA=0, name="eight")
    assert out8[0, 0] == out8[1, 1] == out8[2, 2] == 1


def test_small_holes_filled_not_no_data(neve_provider, tmp_path):
    array = picture("""
X X X X X X X X
X . X X . . X X
X X X X . . X X
X X X X X X X X
X X . . . X n X
X X . . . X X X
X X X X X X X X
""")
    # Holes: 1 pixel (100 m2), 4 pixels (400 m2), 6 pixels (600 m2); no data is never filled.
    out = sieve(tmp_path, array, nodata=9, MIN_OBJECT_AREA=0, MIN_HOLE_AREA=400)
    expected = np.where(array == 9, NODATA, 1).astype(np.uint8)
    expected[1:3, 4:6] = 0  # the 400 m2 hole equals the minimum: it stays
    expected[4:6, 2:5] = 0
    assert np.array_equal(out, expected)
    out = sieve(tmp_path, array, nodata=9, MIN_OBJECT_AREA=0, MIN_HOLE_AREA=401, name="fill4")
    expected[1:3, 4:6] = 1
    assert np.array_equal(out, expected)


def test_non_square_pixels_area(neve_provider, tmp_path):
    array = picture("""
X . . .
X . . X
. . . X
""")
    # 10 x 20 m pixels: 200 m2 each; two objects of 400 m2 stay at 400, go at 401.
    assert sieve(tmp_path, array, pixel_size=(10.0, 20.0), MIN_OBJECT_AREA=400, MIN_HOLE_AREA=0).sum() == 4
    assert sieve(tmp_path, array, pixel_size=(10.0, 20.0), MIN_OBJECT_AREA=401, MIN_HOLE_AREA=0,
                 name="b").sum() == 0


@pytest.mark.parametrize("block_rows", [3, 8, 1024])
def test_strips_and_whole_equal_a_flood_fill_reference(neve_provider, tmp_path, monkeypatch, block_rows):
    from neve.plugin.io import raster

    monkeypatch.setattr(raster, "DEFAULT_BLOCK_ROWS", block_rows)
    rng = np.random.default_rng(11)
    array = (rng.random((70, 30)) < 0.45).astype(np.uint8)
    array[rng.random(array.shape) < 0.03] = 9
    array[10:40, 15] = 1  # a tall thin object spanning strips
    nodata = array == 9
    for min_object, min_hole, connectivity in [(500, 300, 8), (900, 200, 4), (3000, 3000, 8)]:
        out = sieve(tmp_path, array, nodata=9, MIN_OBJECT_AREA=min_object, MIN_HOLE_AREA=min_hole,
                    CONNECTIVITY=0 if connectivity == 8 else 1, name="s{}".format(min_object))
        expected = reference_sieve(array == 1, nodata, min_object, min_hole, 100.0, connectivity)
        assert np.array_equal(out, expected), (min_object, min_hole, connectivity)


def test_product_clouds_sieved(neve_provider, tmp_path):
    scene = Scene.small(size=120)
    path = make_theia_product(tmp_path, scene)
    out = str(tmp_path / "sieved.tif")
    run("neve:sievemask", {"INPUT_PRODUCT": path, "MIN_OBJECT_AREA": 40000, "MIN_HOLE_AREA": 4000, "OUTPUT": out})
    truth = scene.truth(resolution=20)
    clouds = (truth.clm & 0b10001110) != 0
    expected = reference_sieve(clouds, truth.nodata, 40000, 4000, 400.0)
    assert np.array_equal(read_raster(out), expected)


@pytest.mark.parametrize("crs, parameters, message", [
    ("EPSG:4326", {}, "geographic CRS"),
    ("EPSG:32632", {"MIN_OBJECT_AREA": -5}, "out of range"),
    ("EPSG:32632", {"MIN_HOLE_AREA": 2e9}, "out of range"),
])
def test_bad_input_gets_a_clear_error_and_no_output(neve_provider, tmp_path, crs, parameters, message):
    pixel = (0.0001, 0.0001) if crs == "EPSG:4326" else (10.0, 10.0)
    origin = (10.0, 45.0) if crs == "EPSG:4326" else (600000.0, 5100000.0)
    source = write_raster(tmp_path / "in.tif", np.ones((5, 5), np.uint8), pixel_size=pixel, origin=origin, crs=crs)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    with pytest.raises(QgsProcessingException, match=message):
        run("neve:sievemask", dict({"INPUT": source, "OUTPUT": str(out_dir / "s.tif")}, **parameters))
    assert leftovers(out_dir) == []


def test_cancel_leaves_no_output(neve_provider, tmp_path, monkeypatch):
    from neve.plugin.io import raster

    monkeypatch.setattr(raster, "DEFAULT_BLOCK_ROWS", 4)
    source = write_raster(tmp_path / "in.tif", np.ones((40, 10), np.uint8))
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        run("neve:sievemask", {"INPUT": source, "MIN_OBJECT_AREA": 200, "MIN_HOLE_AREA": 200,
                               "OUTPUT": str(out_dir / "s.tif")}, feedback=CancelAfterFirstBlock())
    assert leftovers(out_dir) == []


def test_errors_in_french(neve_provider, tmp_path):
    from test_i18n import switch_language

    source = write_raster(tmp_path / "in.tif", np.ones((5, 5), np.uint8))
    try:
        assert switch_language(neve_provider, "fr_FR") == "fr"
        with pytest.raises(QgsProcessingException, match="Aire minimale des objets"):
            run("neve:sievemask", {"INPUT": source, "MIN_OBJECT_AREA": -1, "OUTPUT": str(tmp_path / "s.tif")})
    finally:
        switch_language(neve_provider, "en_GB")
