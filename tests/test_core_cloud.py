"""plugin/core/cloud.py against cases worked out by hand and independent references.

References: scipy's exact Euclidean distance transform (for the buffer), brute-force pair tests in
integer or plain float arithmetic (buffer, parallax stadium), scenes built with known cloud heights
(shadows), and small arrays whose expected output is written out below.
"""
import math

import numpy as np
import pytest
import rasterio
from rasterio.windows import Window
from scipy import ndimage

from conftest import shared_path
from neve.plugin.core import cloud

REAL_MASK = ("real", "cloudmask-10m", "T19GBQ_20170725_cloudmask_10m.tif")


def picture(text):
    """Boolean array from rows of '.' (False) and 'X' (True)."""
    return np.array([[c == "X" for c in row.split()] for row in text.strip().splitlines()])


def edt_buffer(mask, distance, px, py):
    """Reference buffer: scipy's exact distance transform, thresholded (<=)."""
    if not mask.any():
        return np.zeros_like(mask)
    return ndimage.distance_transform_edt(~mask, sampling=(py, px)) <= distance


def brute_buffer(mask, distance, px, py):
    """Reference buffer in integer arithmetic: every output pixel against every mask pixel
    (integer pixel sizes and distance, so the test at the threshold is exact)."""
    height, width = mask.shape
    rows, cols = np.mgrid[0:height, 0:width]
    out = np.zeros_like(mask)
    for r, c in zip(*np.nonzero(mask)):
        out |= ((cols - c) * px) ** 2 + ((rows - r) * py) ** 2 <= distance ** 2
    return out


def near_segment(east, north, a, b, distance):
    """Points within ``distance`` of the segment a-b: near an end, or beside the segment."""
    ax, ay = a
    bx, by = b
    near_end = ((east - ax) ** 2 + (north - ay) ** 2 <= distance ** 2) | \
               ((east - bx) ** 2 + (north - by) ** 2 <= distance ** 2)
    length = math.hypot(bx - ax, by - ay)
    if length == 0:
        return near_end
    along = ((east - ax) * (bx - ax) + (north - ay) * (by - ay)) / length
    across = np.abs((east - ax) * (by - ay) - (north - ay) * (bx - ax)) / length
    return near_end | ((along >= 0) & (along <= length) & (across <= distance))


def in_triangle(east, north, a, b, c):
    """Barycentric test, closed triangle."""
    (ax, ay), (bx, by), (cx, cy) = a, b, c
    det = (by - cy) * (ax - cx) + (cx - bx) * (ay - cy)
    if det == 0:
        return np.zeros(np.shape(east), dtype=bool)
    l1 = ((by - cy) * (east - cx) + (cx - bx) * (north - cy)) / det
    l2 = ((cy - ay) * (east - cx) + (ax - cx) * (north - cy)) / det
    return (l1 >= 0) & (l2 >= 0) & (1 - l1 - l2 >= 0)


def brute_parallax_buffer(mask, distance, px, py, shifts):
    """Reference parallax buffer for one or two shifts: within ``distance`` of the triangle (or segment)
    made of the origin and the shifts, placed on some mask pixel centre."""
    height, width = mask.shape
    rows, cols = np.mgrid[0:height, 0:width]
    corners = [(0.0, 0.0)] + [tuple(s) for s in shifts]
    out = np.zeros_like(mask)
    for r, c in zip(*np.nonzero(mask)):
        east, north = (cols - c) * px, -(rows - r) * py
        hit = np.zeros_like(mask)
        for i in range(len(corners)):
            for j in range(i + 1, len(corners)):
                hit |= near_segment(east, north, corners[i], corners[j], distance)
        if len(corners) == 3:
            hit |= in_triangle(east, north, *corners)
        out |= hit
    return out


def in_strips(function, array, halo, rows_per_strip):
    """``function`` applied to strips of whole rows read with ``halo`` rows, inner rows kept."""
    parts = []
    for top in range(0, array.shape[0], rows_per_strip):
        bottom = min(top + rows_per_strip, array.shape[0])
        first, last = max(top - halo, 0), min(bottom + halo, array.shape[0])
        parts.append(function(array[first:last])[top - first:top - first + bottom - top])
    return np.concatenate(parts)


# ---------------------------------------------------------------------------------------------------
# Buffer
# ---------------------------------------------------------------------------------------------------

def test_buffer_of_one_pixel_is_the_digital_disk_threshold_included():
    mask = np.zeros((15, 15), dtype=bool)
    mask[7, 7] = True
    # Lattice points with i^2 + j^2 <= r^2 (Gauss's circle problem): 29 for r = 3, 81 for r = 5.
    out30 = cloud.dilate(mask, 30, (10, 10))
    assert out30.sum() == 29
    assert out30[7, 10] and out30[4, 7]  # exactly 30 m: inside (<=)
    assert out30[9, 9]  # 28.3 m
    assert not out30[8, 10]  # 31.6 m
    out50 = cloud.dilate(mask, 50, (10, 10))
    assert out50.sum() == 81
    assert out50[7 + 3, 7 + 4] and out50[7 - 4, 7 - 3]  # 3-4-5 triangle: exactly 50 m
    assert out50[7, 12] and not out50[8, 12]  # 50 m in, 51 m out
    assert not out50[7 + 4, 7 + 4]  # 56.6 m


def test_buffer_honours_non_square_pixels():
    mask = np.zeros((7, 13), dtype=bool)
    mask[3, 6] = True
    # px = 10, py = 20, d = 50: row 0 |dx| <= 5; rows +-1 (10 dx)^2 <= 2100: |dx| <= 4;
    # rows +-2 (10 dx)^2 <= 900: |dx| <= 3 (exactly 50 m at dx = 3); rows +-3 are 60 m away.
    expected = picture("""
        . . . . . . . . . . . . .
        . . . X X X X X X X . . .
        . . X X X X X X X X X . .
        . X X X X X X X X X X X .
        . . X X X X X X X X X . .
        . . . X X X X X X X . . .
        . . . . . . . . . . . . .
    """)
    np.testing.assert_array_equal(cloud.dilate(mask, 50, (10, 20)), expected)
    assert cloud.dilation_halo(50, (10, 20)) == 2


@pytest.fixture(params=["default chunks", "small chunks"])
def chunking(request, monkeypatch):
    """The buffer with its default row chunks, and with chunks of a few rows (many chunk borders)."""
    if request.param == "small chunks":
        monkeypatch.setattr(cloud, "_chunk_rows", lambda height, halo, words_per_row: 7)
    return request.param


def test_buffer_matches_the_exact_distance_transform_on_random_masks(chunking):
    rng = np.random.default_rng(20180202)
    widths = [1, 7, 63, 64, 65, 127, 128, 129, 200]
    for trial in range(60):
        height, width = int(rng.integers(1, 90)), int(rng.choice(widths))
        mask = rng.random((height, width)) < rng.choice([0.002, 0.02, 0.2])
        px, py = float(rng.choice([10, 20, 60, 7.5])), float(rng.choice([10, 20, 60, 7.5]))
        distance = float(rng.choice([0, 10, 30, 45.5, 50, 240, 480, 700]))
        got = cloud.dilate(mask, distance, (px, py))
        np.testing.assert_array_equal(got, edt_buffer(mask, distance, px, py),
                                      err_msg=str((trial, height, width, px, py, distance)))


@pytest.mark.parametrize("distance, px, py", [(30, 10, 10), (50, 10, 10), (50, 10, 20), (25, 3, 4),
                                              (100, 60, 80), (700, 10, 10), (130, 5, 12)])
def test_buffer_exact_at_pixel_multiples_and_pythagorean_triples(distance, px, py):
    rng = np.random.default_rng(distance + px + py)
    mask = rng.random((40, 150)) < 0.01
    mask[0, 0] = mask[-1, -1] = mask[20, 63] = mask[21, 64] = True  # edges and a word boundary
    np.testing.assert_array_equal(cloud.dilate(mask, distance, (px, py)),
                                  brute_buffer(mask, distance, px, py))


def test_buffer_crosses_word_boundaries_from_isolated_pixels(chunking):
    mask = np.zeros((5, 300), dtype=bool)
    mask[2, [0, 63, 64, 127, 128, 200, 299]] = True
    for distance in (10, 630, 640, 650, 1000):  # up to 100 pixels, more than a 64-pixel word
        np.testing.assert_array_equal(cloud.dilate(mask, distance, (10, 10)),
                                      brute_buffer(mask, distance, 10, 10), err_msg=str(distance))


def test_buffer_in_strips_with_halo_equals_the_whole_array(chunking):
    rng = np.random.default_rng(7)
    mask = rng.random((157, 211)) < 0.01
    for distance, size, shifts in [(480, (10, 10), None), (50, (10, 20), None), (240, (20, 20), None),
                                   (100, (10, 10), [(-35.0, 12.0), (20.0, -60.0)])]:
        halo = cloud.dilation_halo(distance, size, shifts)
        whole = cloud.dilate(mask, distance, size, shifts)
        for rows in (1, 16, 50, 200):
            strips = in_strips(lambda a: cloud.dilate(a, distance, size, shifts), mask, halo, rows)
            np.testing.assert_array_equal(strips, whole, err_msg=str((distance, size, shifts, rows)))


def test_halo_is_the_largest_row_offset():
    assert cloud.dilation_halo(480, (10, 10)) == 48
    assert cloud.dilation_halo(30, (10, 10)) == 3
    assert cloud.dilation_halo(45, (10, 10)) == 4
    assert cloud.dilation_halo(0, (10, 10)) == 0
    assert cloud.dilation_halo(480, (20, 60)) == 8
    # A shift of 100 m to the north reaches 10 rows up, plus the 30 m disk: 13 rows.
    assert cloud.dilation_halo(30, (10, 10), [(0.0, 100.0)]) == 13


def test_buffer_of_zero_is_the_mask_and_bad_arguments_are_refused():
    mask = np.random.default_rng(1).random((20, 70)) < 0.2
    np.testing.assert_array_equal(cloud.dilate(mask, 0, (10, 10)), mask)
    np.testing.assert_array_equal(cloud.dilate(mask.astype(np.uint8) * 3, 0, (10, 10)), mask)
    assert cloud.dilate(np.zeros((0, 5), dtype=bool), 100, (10, 10)).shape == (0, 5)
    with pytest.raises(ValueError):
        cloud.dilate(mask, -1, (10, 10))
    with pytest.raises(ValueError):
        cloud.dilate(mask, float("nan"), (10, 10))
    with pytest.raises(ValueError):
        cloud.dilate(mask, 10, (0, 10))


def test_buffer_of_the_real_10m_mask_matches_the_distance_transform(chunking):
    with rasterio.open(shared_path(*REAL_MASK)) as src:
        px, py = abs(src.transform.a), abs(src.transform.e)
        values = src.read(1, window=Window(0, 6000, 3000, 700))
    mask = values != 0
    assert 0.01 < mask.mean() < 0.9  # real clouds in the window
    expected = edt_buffer(mask, 480, px, py)
    np.testing.assert_array_equal(cloud.dilate(mask, 480, (px, py)), expected)
    halo = cloud.dilation_halo(480, (px, py))
    np.testing.assert_array_equal(in_strips(lambda a: cloud.dilate(a, 480, (px, py)), mask, halo, 256),
                                  expected)


# ---------------------------------------------------------------------------------------------------
# Parallax
# ---------------------------------------------------------------------------------------------------

def test_ground_shift_and_parallax_shifts_by_hand():
    # Seen from 45 degrees to the east, a point 1000 m up lands 1000 m to the west.
    east, north = cloud.ground_shift(1000, 45, 90)
    assert east == pytest.approx(-1000) and north == pytest.approx(0, abs=1e-9)
    # Lit by a sun in the south at 45 degrees, its shadow falls 1000 m to the north.
    east, north = cloud.ground_shift(1000, 45, 180)
    assert east == pytest.approx(0, abs=1e-9) and north == pytest.approx(1000)
    shifts = cloud.parallax_shifts(1000, [45, 45], [90, 270])
    np.testing.assert_allclose(shifts, [[-1000, 0], [1000, 0]], atol=1e-9)
    np.testing.assert_allclose(cloud.parallax_shifts(1000, [45, 45], [90, 270], reference=0),
                               [[0, 0], [2000, 0]], atol=1e-9)
    np.testing.assert_allclose(cloud.parallax_shifts(1000, [45, 45], [90, 270], reference=(500, 0)),
                               [[-1500, 0], [500, 0]], atol=1e-9)
    np.testing.assert_array_equal(cloud.parallax_shifts(0, [5.1, 5.4], [100, 104]), np.zeros((2, 2)))


def test_parallax_buffer_by_hand():
    mask = np.zeros((9, 11), dtype=bool)
    mask[4, 4] = True
    # 20 m to the east, 10 m buffer, 10 m pixels: a stadium three pixels long.
    expected_east = picture("""
        . . . . . . . . . . .
        . . . . . . . . . . .
        . . . . . . . . . . .
        . . . . X X X . . . .
        . . . X X X X X . . .
        . . . . X X X . . . .
        . . . . . . . . . . .
        . . . . . . . . . . .
        . . . . . . . . . . .
    """)
    np.testing.assert_array_equal(cloud.dilate(mask, 10, (10, 10), [(20.0, 0.0)]), expected_east)
    # 20 m to the north: up the rows; the corner pixels are 14.1 m from the segment's ends.
    expected_north = picture("""
        . . . . . . . . . . .
        . . . . X . . . . . .
        . . . X X X . . . . .
        . . . X X X . . . . .
        . . . X X X . . . . .
        . . . . X . . . . . .
        . . . . . . . . . . .
        . . . . . . . . . . .
        . . . . . . . . . . .
    """)
    np.testing.assert_array_equal(cloud.dilate(mask, 10, (10, 10), [(0.0, 20.0)]), expected_north)
    # All shifts zero: the plain disk.
    np.testing.assert_array_equal(cloud.dilate(mask, 30, (10, 10), np.zeros((3, 2))),
                                  cloud.dilate(mask, 30, (10, 10)))


def test_parallax_buffer_matches_a_brute_force_stadium_and_triangle(chunking):
    rng = np.random.default_rng(2017)
    for trial in range(12):
        mask = rng.random((30, 70)) < 0.01
        mask[15, 35] = True
        px, py = float(rng.choice([10, 20])), float(rng.choice([10, 20]))
        shifts = rng.uniform(-90, 90, size=(int(rng.integers(1, 3)), 2))
        distance = float(rng.uniform(5, 60))
        np.testing.assert_array_equal(cloud.dilate(mask, distance, (px, py), shifts),
                                      brute_parallax_buffer(mask, distance, px, py, shifts),
                                      err_msg=str((trial, px, py, shifts, distance)))
    # A large triangle and a 1 m buffer on 10 m pixels: most rows of the footprint only have pixels
    # inside the triangle, none within 1 m of an edge.
    mask = np.zeros((30, 40), dtype=bool)
    mask[22, 5] = True
    shifts = [(155.0, 47.0), (33.0, 161.0)]
    got = cloud.dilate(mask, 1, (10, 10), shifts)
    np.testing.assert_array_equal(got, brute_parallax_buffer(mask, 1, 10, 10, shifts))
    assert got[22 - 7, 5 + 6]  # 60 m east, 70 m north: near the triangle's centroid (62.7, 69.3)


# ---------------------------------------------------------------------------------------------------
# Sieve
# ---------------------------------------------------------------------------------------------------

def test_minimum_pixel_count_from_areas():
    assert cloud.sieve_min_pixels(200, 100) == 2  # 2 pixels = 200 m2 is not below 200 m2
    assert cloud.sieve_min_pixels(250, 100) == 3
    assert cloud.sieve_min_pixels(0, 100) == 0
    assert cloud.sieve_min_pixels(50000, 100) == 500  # GRASS i.sentinel.mask's cloud minimum at 10 m
    assert cloud.sieve_min_pixels(0.3, 0.1) == 3  # 3 * 0.1 rounds above 0.3 in floats: kept
    assert cloud.sieve_halo(200, 100) == 1
    assert cloud.sieve_halo(0, 100) == 0


def test_remove_small_objects_by_hand_8_and_4_connectivity():
    mask = picture("""
        . . . . . . . .
        . X . . . X X .
        . . . . . . X .
        . . X . . . . .
        . . . X . . . .
        . . . . . . . .
    """)
    # Objects: 1 pixel (100 m2), a diagonal pair (200 m2 with 8-connectivity), an L of 3 (300 m2).
    kept_200 = picture("""
        . . . . . . . .
        . . . . . X X .
        . . . . . . X .
        . . X . . . . .
        . . . X . . . .
        . . . . . . . .
    """)
    np.testing.assert_array_equal(cloud.remove_small_objects(mask, 200, 100), kept_200)
    kept_250 = picture("""
        . . . . . . . .
        . . . . . X X .
        . . . . . . X .
        . . . . . . . .
        . . . . . . . .
        . . . . . . . .
    """)
    np.testing.assert_array_equal(cloud.remove_small_objects(mask, 250, 100), kept_250)
    # With 4-connectivity the diagonal pair is two objects of 100 m2.
    np.testing.assert_array_equal(cloud.remove_small_objects(mask, 200, 100, connectivity=4), kept_250)
    np.testing.assert_array_equal(cloud.remove_small_objects(mask, 100, 100), mask)


def test_fill_small_holes_by_hand_with_nodata():
    mask = picture("""
        . . . . . . . . .
        . X X X X X X X .
        . X . X X . . X .
        . X X X X . . X .
        . X X X X X X X .
        . . . . . . . . .
    """)
    filled_200 = picture("""
        . . . . . . . . .
        . X X X X X X X .
        . X X X X . . X .
        . X X X X . . X .
        . X X X X X X X .
        . . . . . . . . .
    """)
    # The 1-pixel hole (100 m2) is filled, the 4-pixel hole (400 m2) and the outside are not.
    np.testing.assert_array_equal(cloud.fill_small_holes(mask, 200, 100), filled_200)
    # The outside touches the array edge but is large: never filled, even with a large minimum.
    filled_500 = cloud.fill_small_holes(mask, 500, 100)
    assert filled_500[2:4, 5:7].all() and not filled_500[0].any()
    # A no-data pixel in the big hole: 3 pixels left (300 m2 < 400 m2) are filled, the no-data one not.
    nodata = np.zeros_like(mask)
    nodata[2, 5] = True
    filled = cloud.fill_small_holes(mask, 400, 100, nodata=nodata)
    assert filled[2, 6] and filled[3, 5] and filled[3, 6] and not filled[2, 5]


def test_sieve_in_strips_with_halo_equals_the_whole_array():
    rng = np.random.default_rng(3)
    mask = rng.random((120, 90)) < 0.4
    for min_area in (300, 700, 1200):
        halo = cloud.sieve_halo(min_area, 100)
        for function in (cloud.remove_small_objects, cloud.fill_small_holes):
            whole = function(mask, min_area, 100)
            assert (whole != mask).any()  # the threshold matters on this mask
            for rows in (5, 17, 40):
                strips = in_strips(lambda a: function(a, min_area, 100), mask, halo, rows)
                np.testing.assert_array_equal(strips, whole, err_msg=str((function, min_area, rows)))


# ---------------------------------------------------------------------------------------------------
# Sunglint and clouds over water
# ---------------------------------------------------------------------------------------------------

def test_glint_angle_by_hand():
    # Sensor in the north, sun in the south, same zenith: exact specular reflection.
    assert cloud.glint_angle(30, 180, 30, 0) == pytest.approx(0, abs=1e-5)
    # Sensor at nadir: the angle to the specular direction is the sun zenith.
    assert cloud.glint_angle(40, 150, 0, 0) == pytest.approx(40)
    # Sensor on the sun's side at the same zenith: cos d = -sin^2 30 + cos^2 30 = 1/2.
    assert cloud.glint_angle(30, 180, 30, 180) == pytest.approx(60)
    np.testing.assert_allclose(cloud.glint_angle(np.array([30, 40]), 180, np.array([[30], [0]]), 0),
                               [[0, 10], [30, 40]], atol=1e-5)
    assert cloud.scene_sunglint(30, 180, [5, 25], [100, 355])  # second band at about 5 degrees
    assert not cloud.scene_sunglint(57.8, 172.8, [9.2, 9.3], [289, 290])  # the Irish Sen2Cor scene


def test_angles_on_pixels_reproduces_a_linear_field():
    # Nodes 5 km apart from the tile's upper-left corner (x 300000, y 5000000), rows southwards.
    rows, cols = np.mgrid[0:23, 0:23]
    grid = 20 + 0.1 * cols - 0.05 * rows
    x = 300000 + 10 * (np.arange(0, 10980, 997) + 0.5)
    y = 5000000 - 10 * (np.arange(0, 10980, 1301) + 0.5)
    got = cloud.angles_on_pixels(grid, 300000, 5000000, 5000, -5000, x, y)
    expected = 20 + 0.1 * (x[None, :] - 300000) / 5000 - 0.05 * (5000000 - y[:, None]) / 5000
    assert got.shape == (y.size, x.size) and got.dtype == np.float32
    np.testing.assert_allclose(got, expected, atol=1e-4)


def test_angles_on_pixels_nan_nodes_and_azimuth_wrap():
    grid = np.array([[10.0, 20.0], [30.0, np.nan]])
    # x a half cell in, y a quarter: weights 0.375, 0.375, 0.125 and 0.125 on the NaN node,
    # renormalised: (0.375 * 10 + 0.375 * 20 + 0.125 * 30) / 0.875.
    got = cloud.angles_on_pixels(grid, 0, 0, 100, -100, [50.0], [-25.0])
    assert got[0, 0] == pytest.approx(15 / 0.875, rel=1e-6)
    for azimuth in (False, True):
        all_nan = cloud.angles_on_pixels(np.full((2, 2), np.nan), 0, 0, 100, -100, [50.0], [-25.0],
                                         azimuth=azimuth)
        assert np.isnan(all_nan).all()
    # Beyond the outer nodes: the border value.
    assert cloud.angles_on_pixels(grid, 0, 0, 100, -100, [-500.0], [0.0])[0, 0] == pytest.approx(10)
    # Azimuths 350 and 10: half way is north, not 180; a quarter of the way is
    # -atan(0.5 tan 10 degrees) (the two unit vectors have the same northern part cos 10).
    azimuths = np.array([[350.0, 10.0]])
    mid = cloud.angles_on_pixels(azimuths, 0, 0, 100, -100, [50.0], [0.0], azimuth=True)[0, 0]
    assert min(mid, 360 - mid) == pytest.approx(0, abs=1e-4)
    quarter = cloud.angles_on_pixels(azimuths, 0, 0, 100, -100, [25.0], [0.0], azimuth=True)[0, 0]
    assert quarter == pytest.approx(360 - math.degrees(math.atan(0.5 * math.tan(math.radians(10)))),
                                    abs=1e-4)


def test_angles_at_points_by_hand_and_like_angles_on_pixels():
    grid = np.array([[10.0, 20.0], [30.0, np.nan]])
    # Same weights as above: 0.375, 0.375, 0.125 and 0.125 on the NaN node, renormalised.
    got = cloud.angles_at_points(grid, 0, 0, 100, -100, np.array([50.0, -500.0]), np.array([-25.0, 0.0]))
    assert got.shape == (2,)
    assert got[0] == pytest.approx(15 / 0.875) and got[1] == pytest.approx(10)
    assert np.isnan(cloud.angles_at_points(np.full((2, 2), np.nan), 0, 0, 100, -100, [50.0], [-25.0],
                                           azimuth=True)).all()
    mid = cloud.angles_at_points(np.array([[350.0, 10.0]]), 0, 0, 100, -100, [50.0], [0.0], azimuth=True)[0]
    assert min(mid, 360 - mid) == pytest.approx(0, abs=1e-9)
    # A linear field at scattered points, worked out from the plane's equation.
    rows, cols = np.mgrid[0:23, 0:23]
    plane = 20 + 0.1 * cols - 0.05 * rows
    x = 300000 + np.array([5.0, 12345.0, 70000.0, 109795.0])
    y = 5000000 - np.array([109795.0, 5.0, 33333.0, 60000.0])
    expected = 20 + 0.1 * (x - 300000) / 5000 - 0.05 * (5000000 - y) / 5000
    np.testing.assert_allclose(cloud.angles_at_points(plane, 300000, 5000000, 5000, -5000, x, y), expected,
                               rtol=0, atol=1e-9)


def test_shadows_with_angles_as_functions_of_position():
    # A sun zenith varying linearly with the row: each object takes the value at its centroid, which
    # for a linear field is the mean over its pixels (the array form), so the results are the same.
    cloud_mask, dark, expected = shadow_scene()
    rows = np.arange(80, dtype=float)[:, None] * np.ones((1, 80))
    zenith = 45.0 + 0.01 * (rows - 51.5)  # 45 degrees at cloud A's centroid row
    seen = []

    def zenith_at(r, c):
        seen.append((np.asarray(r).copy(), np.asarray(c).copy()))
        return 45.0 + 0.01 * (np.asarray(r) - 51.5)

    by_function = cloud.cloud_shadows(cloud_mask, dark, (20, 20), zenith_at,
                                      lambda r, c: np.full(np.shape(r), 180.0), 0, 0, 200, 1000, 100)
    by_array = cloud.cloud_shadows(cloud_mask, dark, (20, 20), zenith, 180, 0, 0, 200, 1000, 100)
    np.testing.assert_array_equal(by_function.mask, by_array.mask)
    np.testing.assert_array_equal(by_function.heights, by_array.heights)
    # Called once, with the centroids of the two objects: A rows 50..53, cols 10..15; B rows 60..62,
    # cols 50..54.
    (r, c), = seen
    order = np.argsort(r)
    np.testing.assert_allclose(r[order], [51.5, 61.0])
    np.testing.assert_allclose(c[order], [12.5, 52.0])
    # A function returning NaN for an object: no shadow for it.
    nan_for_b = cloud.cloud_shadows(cloud_mask, dark, (20, 20),
                                    lambda r, c: np.where(np.asarray(r) > 55, np.nan, 45.0), 180, 0, 0,
                                    200, 1000, 100)
    assert np.isnan(nan_for_b.heights[nan_for_b.labels[60, 50] - 1])
    assert not nan_for_b.mask[:, 45:].any()


def test_merge_detector_grids():
    nan = np.nan
    d1 = np.array([[5.0, 6.0, nan], [5.5, nan, nan]])
    d2 = np.array([[nan, 8.0, 9.0], [nan, nan, 9.5]])
    np.testing.assert_allclose(cloud.merge_detector_grids([d1, d2]), [[5, 7, 9], [5.5, nan, 9.5]])
    a1 = np.array([[350.0, nan, 340.0]])
    a2 = np.array([[10.0, 100.0, 350.0]])
    merged = cloud.merge_detector_grids([a1, a2], azimuth=True)
    assert min(merged[0, 0], 360 - merged[0, 0]) == pytest.approx(0, abs=1e-9)
    assert merged[0, 1] == pytest.approx(100)
    assert merged[0, 2] == pytest.approx(345)


def test_water_clouds_strict_thresholds_and_sunglint():
    swir = np.array([[399, 400, 401, 1599, 1600, 1601, -10000]]) / 10000  # FRE DN / 10000
    swir[0, -1] = np.nan
    water = np.ones(swir.shape, dtype=bool)
    no_glint = cloud.water_clouds(swir, water, False)
    np.testing.assert_array_equal(no_glint, [[False, False, True, True, True, True, False]])
    glint = cloud.water_clouds(swir, water, True)
    np.testing.assert_array_equal(glint, [[False, False, False, False, False, True, False]])
    land = cloud.water_clouds(swir, np.zeros_like(water), False)
    assert not land.any()
    # Per pixel glint angles: glint is likely below 30 degrees (strict).
    swir2 = np.full((1, 3), 0.1)
    angles = np.array([[29.9, 30.0, np.nan]])
    np.testing.assert_array_equal(cloud.water_clouds(swir2, np.ones((1, 3), bool), angles),
                                  [[False, True, True]])
    # The May 2017 preset's thresholds
    old = cloud.PRESETS["theia_2017"]
    np.testing.assert_array_equal(
        cloud.water_clouds(np.array([0.08, 0.081, 0.25, 0.251]), np.ones(4, bool),
                           np.array([0, 0, 1, 1], bool), old["threshold"], old["threshold_sunglint"]),
        [False, True, False, True])


# ---------------------------------------------------------------------------------------------------
# Shadows
# ---------------------------------------------------------------------------------------------------

def shadow_scene():
    """80 x 80 pixels of 20 m; cloud A (4 x 6) at 400 m and cloud B (3 x 5) at 600 m; sun in the south
    at 45 degrees, sensor at nadir: the shadows lie 20 and 30 rows to the north."""
    cloud_mask = np.zeros((80, 80), dtype=bool)
    cloud_mask[50:54, 10:16] = True
    cloud_mask[60:63, 50:55] = True
    shadow = np.zeros_like(cloud_mask)
    shadow[30:34, 10:16] = True
    shadow[30:33, 50:55] = True
    rng = np.random.default_rng(5)
    dark = shadow | (rng.random(cloud_mask.shape) < 0.05)
    return cloud_mask, dark, shadow


def test_shadows_found_at_the_cloud_heights():
    cloud_mask, dark, expected = shadow_scene()
    found = cloud.cloud_shadows(cloud_mask, dark, (20, 20), 45, 180, 0, 0, 200, 1000, 100)
    np.testing.assert_array_equal(found.mask, expected)
    labels_a, labels_b = found.labels[50, 10], found.labels[60, 50]
    assert found.heights[labels_a - 1] == 400 and found.heights[labels_b - 1] == 600
    np.testing.assert_array_equal(found.dark_fraction, [1.0, 1.0])
    # The same angles given per pixel
    same = cloud.cloud_shadows(cloud_mask, dark, (20, 20), np.full((80, 80), 45.0), np.full((80, 80), 180.0),
                               np.zeros((80, 80)), np.zeros((80, 80)), 200, 1000, 100)
    np.testing.assert_array_equal(same.mask, expected)
    np.testing.assert_array_equal(same.heights, found.heights)


def test_shadows_with_per_pixel_angles_and_nan_angles():
    cloud_mask, dark, expected = shadow_scene()
    sun_zenith = np.full((80, 80), 45.0)
    sun_zenith[50, 10:16] = np.nan  # part of cloud A: its mean comes from the other pixels
    sun_zenith[60:63, 50:55] = np.nan  # all of cloud B: its geometry is unknown
    sun_azimuth = np.full((80, 80), 180.0)
    sun_azimuth[51, 10:13] = 170.0  # A's mean azimuth: circular mean of 170 and 190, so 180
    sun_azimuth[51, 13:16] = 190.0
    for swept in (False, True):
        found = cloud.cloud_shadows(cloud_mask, dark, (20, 20), sun_zenith, sun_azimuth, 0, 0,
                                    200, 1000, 100, swept=swept)
        label_a, label_b = found.labels[50, 10], found.labels[60, 50]
        assert found.heights[label_a - 1] == 400 and np.isnan(found.heights[label_b - 1])
        assert not found.mask[:, 45:].any()  # nothing from B
    found = cloud.cloud_shadows(cloud_mask, dark, (20, 20), sun_zenith, sun_azimuth, 0, 0, 200, 1000, 100)
    np.testing.assert_array_equal(found.mask[:, :45], expected[:, :45])


def test_shadows_corrected_for_the_viewing_parallax():
    # Sensor 45 degrees to the east: the image shows a cloud at H displaced H to the west, so from the
    # cloud as seen its shadow is H to the north and H to the east.
    cloud_mask = np.zeros((80, 80), dtype=bool)
    cloud_mask[50:54, 10:16] = True
    expected = np.zeros_like(cloud_mask)
    expected[30:34, 30:36] = True  # H = 400 m = 20 pixels
    east, north = cloud.shadow_shift(400, 45, 180, 45, 90)
    assert east == pytest.approx(400) and north == pytest.approx(400)
    found = cloud.cloud_shadows(cloud_mask, expected, (20, 20), 45, 180, 45, 90, 200, 1000, 100)
    np.testing.assert_array_equal(found.mask, expected)
    assert found.heights.tolist() == [400]


def test_runs_painted_by_batches_as_one_by_one():
    rng = np.random.default_rng(8)
    rows = rng.integers(-3, 23, 200)
    first = rng.integers(-10, 40, 200)
    last = first + rng.integers(0, 12, 200)
    expected = np.zeros((20, 30), dtype=bool)
    for r, a, b in zip(rows, first, last):
        if 0 <= r < 20:
            expected[r, max(a, 0):max(b + 1, 0)] = True
    for batch in (1, 7, 1 << 22):
        np.testing.assert_array_equal(cloud._paint_runs((20, 30), rows, first, last, batch_pixels=batch), expected)


def test_shadows_on_rows_wider_than_65536_pixels():
    # Counts of clear and dark pixels are packed in one prefix sum; past 65535 columns they take 64 bits.
    # Sun 45 degrees high in the east: a cloud at 200 m casts its shadow 20 pixels (10 m) to the west.
    for width in (65535, 70000):
        cloud_mask = np.zeros((3, width), dtype=bool)
        cloud_mask[1, 65500:65510] = True
        expected = np.zeros_like(cloud_mask)
        expected[1, 65480:65490] = True
        dark = expected.copy()
        dark[:, :60000] = True  # many dark pixels before: large counts on the row
        found = cloud.cloud_shadows(cloud_mask, dark, (10, 10), 45, 90, 0, 0, 100, 300, 100)
        np.testing.assert_array_equal(found.mask, expected)
        assert found.heights.tolist() == [200]


def test_shadow_pixels_under_clouds_are_left_out():
    cloud_mask, _, expected = shadow_scene()
    cloud_mask[30:32, 10:16] = True  # another cloud over half of A's shadow
    expected[30:32, 10:16] = False
    dark = expected.copy()  # dark only where the shadows are visible: the new cloud finds none
    found = cloud.cloud_shadows(cloud_mask, dark, (20, 20), 45, 180, 0, 0, 200, 1000, 100)
    label_a, label_c = found.labels[50, 10], found.labels[30, 10]
    assert found.heights[label_a - 1] == 400 and found.dark_fraction[label_a - 1] == 1.0
    assert np.isnan(found.heights[label_c - 1])
    np.testing.assert_array_equal(found.mask, expected)


def test_no_dark_pixels_no_shadow():
    cloud_mask, _, _ = shadow_scene()
    found = cloud.cloud_shadows(cloud_mask, np.zeros_like(cloud_mask), (20, 20), 45, 180, 0, 0,
                                200, 1000, 100)
    assert not found.mask.any() and np.isnan(found.heights).all()
    empty = cloud.cloud_shadows(np.zeros((5, 5), bool), np.ones((5, 5), bool), (20, 20), 45, 180, 0, 0)
    assert not empty.mask.any() and empty.heights.size == 0


def test_swept_shadow_area():
    cloud_mask = np.zeros((80, 80), dtype=bool)
    cloud_mask[60:62, 30:32] = True
    dark = np.zeros_like(cloud_mask)
    dark[40:42, 30:32] = True  # the shadow at 400 m
    found = cloud.cloud_shadows(cloud_mask, dark, (20, 20), 45, 180, 0, 0, 200, 600, 100, swept=True)
    # Heights 200 to 600 m move the 2 x 2 cloud 10 to 30 rows north: rows 30..51, columns 30..31.
    expected = np.zeros_like(cloud_mask)
    expected[30:52, 30:32] = True
    np.testing.assert_array_equal(found.mask, expected)
    assert found.heights.tolist() == [400]


def test_swept_area_along_an_oblique_segment_matches_dense_sampling():
    cloud_mask = np.zeros((120, 120), dtype=bool)
    cloud_mask[100:104, 70:73] = True  # the sweep reaches 85 rows north and 15 columns west
    cloud_mask[102, 73] = True
    found = cloud.cloud_shadows(cloud_mask, np.zeros_like(cloud_mask), (20, 20), 37, 160, 8, 100,
                                300, 2500, 100, swept=True)
    # Reference: the cloud moved by the rounded shadow shift at 20001 heights from 300 to 2500 m.
    # Sun and view each put the cloud H tan(zenith) away from them; the shadow is the difference.
    expected = np.zeros_like(cloud_mask)
    rows, cols = np.nonzero(cloud_mask)
    def away_from(zenith, azimuth, h):  # (east, north) on the ground, opposite to the azimuth
        a = math.radians(azimuth)
        return -h * math.tan(math.radians(zenith)) * np.array([math.sin(a), math.cos(a)])

    for h in np.linspace(300, 2500, 20001):
        east, north = away_from(37, 160, h) - away_from(8, 100, h)
        expected[rows + math.floor(-north / 20 + 0.5), cols + math.floor(east / 20 + 0.5)] = True
    expected &= ~cloud_mask
    np.testing.assert_array_equal(found.mask, expected)


def test_dark_pixels_strict():
    np.testing.assert_array_equal(cloud.dark_pixels(np.array([0.1, 0.15, 0.2, np.nan]), 0.15),
                                  [True, False, False, False])


# ---------------------------------------------------------------------------------------------------
# Recipe
# ---------------------------------------------------------------------------------------------------

def test_presets_of_the_seed_post():
    assert cloud.PRESETS["theia_2018"] == {"distance": 480.0, "threshold": 0.04, "threshold_sunglint": 0.16}
    assert cloud.PRESETS["theia_2017"] == {"distance": 240.0, "threshold": 0.08, "threshold_sunglint": 0.25}
    assert cloud.PRESETS["no_buffer"]["distance"] == 0
    assert cloud.DEFAULT_PRESET == "theia_2018"


def test_refine_clm_bits_and_classes_by_hand():
    #             0  1  2   3   4   5   6   7    8   9  10  11
    clm = np.array([0, 0, 0, 0, 2, 16, 32, 64, 128, 1, 0, 2], dtype=np.uint8)
    water = np.array([0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], dtype=bool)
    shadow = np.array([0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0], dtype=bool)
    buffer = np.array([0, 1, 0, 1, 1, 1, 1, 0, 0, 0, 1, 0], dtype=bool)
    nodata = np.array([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0], dtype=bool)
    bits, classes = cloud.refine_clm(clm, water, shadow, buffer, nodata)
    expected_bits = [
        0,            # clear
        1 | 2 | 4,    # water cloud (bits 0, 1, 2), buffer adds nothing new
        1 | 32,       # projected shadow: bits 0 and 5
        1 | 2,        # buffer: bits 0 and 1
        2 | 1,        # cloud (bit 1) in the buffer: bit 0 added
        16 | 1 | 2,   # thin cloud in the buffer
        32 | 1 | 2,   # shadow in the buffer
        64,           # shadow of a cloud outside the image
        128,          # cirrus
        1,            # summary bit alone
        0,            # no data
        2 | 1 | 4,    # cloud that is also a water cloud
    ]
    np.testing.assert_array_equal(bits, expected_bits)
    np.testing.assert_array_equal(classes, [0, 1, 2, 3, 1, 1, 2, 2, 1, 1, 255, 1])
    assert bits.dtype == np.uint8 and classes.dtype == np.uint8
    # Nothing computed: the CLM unchanged, classes from its bits.
    bits, classes = cloud.refine_clm(clm)
    np.testing.assert_array_equal(bits, clm)
    np.testing.assert_array_equal(classes, [0, 0, 0, 0, 1, 1, 2, 2, 1, 1, 0, 1])
