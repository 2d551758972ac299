"""neve:dilatemask against its exact definition: hand-made masks (distances at the threshold, non-square
pixels, strip boundaries, no data), generated products (their clouds, the parallax between the bands)
and its errors.

References are written independently of core/cloud.py: a brute-force pair test in integer arithmetic,
scipy's exact Euclidean distance transform, and GEOS (QgsGeometry) distances to the convex hull of the
bands' displacements for the parallax buffer.
"""
import math

import numpy as np
import pytest
import rasterio
from qgis.core import QgsGeometry, QgsPointXY, QgsProcessingException, QgsProcessingFeedback
from scipy import ndimage

from helpers import leftovers, read_raster, run, write_raster
from synthetic import BANDS, Scene, make_theia_product

NODATA = 255


class CancelAfterFirstBlock(QgsProcessingFeedback):
    """A user pressing Cancel once the first block is done."""

    def setProgress(self, progress):  # noqa: N802 (QGIS API name)
        super().setProgress(progress)
        if progress > 0:
            self.cancel()


@pytest.fixture
def small_blocks(monkeypatch):
    """Strips of 7 rows instead of 1024: every test raster spans several strips."""
    from neve.plugin.io import raster

    monkeypatch.setattr(raster, "DEFAULT_BLOCK_ROWS", 7)
    return 7


def brute_buffer(mask, distance, px, py):
    """Every output pixel against every mask pixel, in integers: (dx px)^2 + (dy py)^2 <= d^2."""
    height, width = mask.shape
    rows, cols = np.mgrid[0:height, 0:width]
    out = np.zeros(mask.shape, bool)
    for r, c in zip(*np.nonzero(mask)):
        out |= ((cols - c) * px) ** 2 + ((rows - r) * py) ** 2 <= distance ** 2
    return out


def dilatemask(tmp_path, array, pixel_size=(10.0, 10.0), nodata=None, name="mask", **parameters):
    source = write_raster(tmp_path / (name + "_in.tif"), array, pixel_size=pixel_size, nodata=nodata)
    out = str(tmp_path / "out" / (name + ".tif"))
    result = run("neve:dilatemask", dict({"INPUT": source, "OUTPUT": out}, **parameters))
    assert result["OUTPUT"] == out
    return read_raster(out)


def test_distance_at_the_threshold_is_inside(neve_provider, tmp_path):
    mask = np.zeros((21, 21), np.uint8)
    mask[10, 10] = 1
    out = dilatemask(tmp_path, mask, DISTANCE=50)
    # 50 m on 10 m pixels: (5, 0) and the 3-4-5 triangle (3, 4) are exactly 50 m away: inside;
    # (4, 4) is 56.6 m, (5, 1) 51 m: outside.
    for dy, dx, inside in [(0, 5, 1), (5, 0, 1), (3, 4, 1), (-4, -3, 1), (4, 4, 0), (1, 5, 0), (0, 6, 0)]:
        assert out[10 + dy, 10 + dx] == inside, (dy, dx)
    assert np.array_equal(out, brute_buffer(mask == 1, 50, 10, 10).astype(np.uint8))
    assert out.sum() == 81  # the lattice points of a radius-5 disk (Gauss circle problem, r = 5)


def test_a_distance_with_decimals_from_a_script_is_honoured(neve_provider, tmp_path):
    # The dialog's slider steps by whole metres; processing.run and models may give 49.6 m, which is not
    # rounded to 50 m: (5, 0) and (3, 4), exactly 50 m away, stay outside.
    mask = np.zeros((21, 21), np.uint8)
    mask[10, 10] = 1
    out = dilatemask(tmp_path, mask, DISTANCE=49.6)
    assert out[10, 15] == 0 and out[13, 14] == 0 and out[10, 14] == 1
    assert np.array_equal(out, brute_buffer(mask == 1, 49.6, 10, 10).astype(np.uint8))


def test_non_square_pixels_are_honoured(neve_provider, tmp_path):
    mask = np.zeros((15, 25), np.uint8)
    mask[7, 12] = 1
    out = dilatemask(tmp_path, mask, pixel_size=(10.0, 20.0), DISTANCE=50)
    # 2 rows (40 m) and 3 columns (30 m) is exactly 50 m: inside; 2 rows and 4 columns is not;
    # 3 rows is 60 m: outside whatever the column.
    assert out[9, 15] == 1 and out[5, 9] == 1 and out[9, 16] == 0 and out[10, 12] == 0
    assert out[7, 17] == 1 and out[7, 18] == 0 and out[4, 12] == 0
    assert np.array_equal(out, brute_buffer(mask == 1, 50, 10, 20).astype(np.uint8))


def test_same_result_whatever_the_strip_height(neve_provider, tmp_path, monkeypatch):
    from neve.plugin.io import raster

    rng = np.random.default_rng(4)
    mask = (rng.random((60, 45)) < 0.01).astype(np.uint8)
    mask[6:8, 20] = 1  # on both sides of a 7-row strip boundary
    mask[13, 3] = 1
    expected = brute_buffer(mask == 1, 35, 10, 10).astype(np.uint8)
    for rows in (1, 5, 7, 1024):
        monkeypatch.setattr(raster, "DEFAULT_BLOCK_ROWS", rows)
        assert np.array_equal(dilatemask(tmp_path, mask, DISTANCE=35, name="rows{}".format(rows)), expected), rows


def test_nodata_is_255_and_never_mask_and_values_choose_the_mask(neve_provider, tmp_path, small_blocks):
    array = np.zeros((20, 20), np.uint8)
    array[5, 5] = 2
    array[15, 15] = 3
    array[0:2, :] = 9  # no data: not buffered, and 255 in the output even within the distance
    array[10, 0] = 9
    out = dilatemask(tmp_path, array, nodata=9, DISTANCE=20)
    expected = brute_buffer((array != 0) & (array != 9), 20, 10, 10).astype(np.uint8)
    expected[array == 9] = NODATA
    assert np.array_equal(out, expected)
    # only the value 3
    out = dilatemask(tmp_path, array, nodata=9, DISTANCE=20, VALUES="3", name="only3")
    expected = brute_buffer(array == 3, 20, 10, 10).astype(np.uint8)
    expected[array == 9] = NODATA
    assert np.array_equal(out, expected)


def test_distance_zero_is_the_mask(neve_provider, tmp_path):
    mask = (np.random.default_rng(1).random((9, 11)) < 0.3).astype(np.uint8)
    assert np.array_equal(dilatemask(tmp_path, mask, DISTANCE=0), mask)


def test_output_is_a_tiled_compressed_geotiff_on_the_input_grid(neve_provider, tmp_path):
    mask = np.zeros((12, 8), np.uint8)
    dilatemask(tmp_path, mask, pixel_size=(10.0, 20.0), DISTANCE=30)
    with rasterio.open(tmp_path / "mask_in.tif") as src, rasterio.open(tmp_path / "out" / "mask.tif") as out:
        assert out.crs == src.crs and out.transform == src.transform
        assert out.profile["tiled"] and out.profile["compress"] == "deflate"
        assert out.dtypes[0] == "uint8" and out.nodata == NODATA


# -- products ----------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def product(tmp_path_factory):
    scene = Scene.small(size=240)
    return scene, make_theia_product(tmp_path_factory.mktemp("dilate"), scene)


def clm_clouds(clm):
    """MAJA CLM bits 1, 2, 3, 7: every cloud except the thinnest alone, not the shadows."""
    return (clm & 0b10001110) != 0


def edt_buffer(mask, distance, px, py):
    return ndimage.distance_transform_edt(~mask, sampling=(py, px)) <= distance


@pytest.mark.parametrize("resolution", [20, 10])
def test_product_clouds_buffered_with_its_nodata(neve_provider, product, tmp_path, resolution):
    scene, path = product
    out = str(tmp_path / "buffer.tif")
    run("neve:dilatemask", {"INPUT_PRODUCT": path, "DISTANCE": 100, "RESOLUTION": resolution, "OUTPUT": out})
    truth = scene.truth(resolution=resolution)
    expected = edt_buffer(clm_clouds(truth.clm) & ~truth.nodata, 100, resolution, resolution).astype(np.uint8)
    expected[truth.nodata] = NODATA
    got = read_raster(out)
    assert got.shape == truth.shape
    assert np.array_equal(got, expected)


def hull_of_parallax(scene, height):
    """The bands' displacements (east, north) of a cloud at ``height`` seen from each band, from the
    scene's own geometry (away from the satellite by H tan(view zenith)), relative to their mean, and
    their convex hull as a GEOS geometry."""
    points = []
    for band in BANDS:
        zenith, azimuth = scene.mean_view_angles(band)
        length = height * math.tan(math.radians(zenith))
        points.append((-length * math.sin(math.radians(azimuth)), -length * math.cos(math.radians(azimuth))))
    points = np.array(points)
    points -= points.mean(axis=0)
    hull = QgsGeometry.fromMultiPointXY([QgsPointXY(*p) for p in points]).convexHull()
    return points, hull


def test_parallax_buffer_surrounds_the_bands_displacements(neve_provider, product, tmp_path):
    scene, path = product
    height, distance = 20000.0, 40.0
    points, hull = hull_of_parallax(scene, height)
    assert max(np.ptp(points[:, 0]), np.ptp(points[:, 1])) > 50  # a real stretch at 20 km
    mask = np.zeros((40, 40), np.uint8)
    mask[20, 20] = mask[8, 30] = 1
    expected = np.zeros(mask.shape, np.uint8)
    ambiguous = np.zeros(mask.shape, bool)
    for r, c in zip(*np.nonzero(mask)):
        for rr in range(40):
            for cc in range(40):
                east, north = (cc - c) * 10.0, -(rr - r) * 10.0
                d = hull.distance(QgsGeometry.fromPointXY(QgsPointXY(east, north)))
                if d <= distance:
                    expected[rr, cc] = 1
                if abs(d - distance) < 1e-3:
                    ambiguous[rr, cc] = True
    out = dilatemask(tmp_path, mask, DISTANCE=distance, PARALLAX_HEIGHT=height, INPUT_PRODUCT=path)
    assert np.array_equal(out[~ambiguous], expected[~ambiguous])
    assert ambiguous.sum() < 4
    # without the parallax: the plain disk, smaller
    plain = dilatemask(tmp_path, mask, DISTANCE=distance, INPUT_PRODUCT=path, name="plain")
    assert np.array_equal(plain, brute_buffer(mask == 1, 40, 10, 10).astype(np.uint8))
    assert out.sum() > plain.sum() and np.all(out >= plain)


# -- errors, cancel, language ------------------------------------------------------------------------

@pytest.mark.parametrize("crs, parameters, message", [
    ("EPSG:4326", {}, "geographic CRS"),
    ("EPSG:32632", {"DISTANCE": 6000}, "out of range"),
    ("EPSG:32632", {"DISTANCE": -1}, "out of range"),
    ("EPSG:32632", {"PARALLAX_HEIGHT": 1000}, "needs a Sentinel-2 L2A product"),
    ("EPSG:32632", {"VALUES": "1, two"}, "whole numbers"),
])
def test_bad_input_gets_a_clear_error_and_no_output(neve_provider, tmp_path, crs, parameters, message):
    pixel = (0.0001, 0.0001) if crs == "EPSG:4326" else (10.0, 10.0)
    origin = (10.0, 45.0) if crs == "EPSG:4326" else (600000.0, 5100000.0)
    source = write_raster(tmp_path / "in.tif", np.ones((5, 5), np.uint8), pixel_size=pixel, origin=origin, crs=crs)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    with pytest.raises(QgsProcessingException, match=message):
        run("neve:dilatemask", dict({"INPUT": source, "OUTPUT": str(out_dir / "buffer.tif")}, **parameters))
    assert leftovers(out_dir) == []


def test_no_input_is_a_clear_error(neve_provider, tmp_path):
    with pytest.raises(QgsProcessingException, match="No input"):
        run("neve:dilatemask", {"OUTPUT": str(tmp_path / "buffer.tif")})
    assert leftovers(tmp_path) == []


def test_cancel_leaves_no_output(neve_provider, tmp_path, small_blocks):
    source = write_raster(tmp_path / "in.tif", np.ones((40, 10), np.uint8))
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    feedback = CancelAfterFirstBlock()
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        run("neve:dilatemask", {"INPUT": source, "DISTANCE": 20, "OUTPUT": str(out_dir / "b.tif")},
            feedback=feedback)
    assert feedback.isCanceled()
    assert leftovers(out_dir) == []


def test_errors_in_french(neve_provider, tmp_path):
    from test_i18n import switch_language

    source = write_raster(tmp_path / "in.tif", np.ones((5, 5), np.uint8), pixel_size=(0.0001, 0.0001),
                          origin=(10.0, 45.0), crs="EPSG:4326")
    try:
        assert switch_language(neve_provider, "fr_FR") == "fr"
        with pytest.raises(QgsProcessingException, match="SCR géographique"):
            run("neve:dilatemask", {"INPUT": source, "OUTPUT": str(tmp_path / "b.tif")})
        with pytest.raises(QgsProcessingException, match="hors limites"):
            run("neve:dilatemask", {"INPUT": source, "DISTANCE": 9999, "OUTPUT": str(tmp_path / "b.tif")})
    finally:
        switch_language(neve_provider, "en_GB")
