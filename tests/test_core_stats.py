"""core/stats.py: what each code counts for, same-date overlap, elevation bins, aspect, pixel areas,
counting by cell and code (uniform blocks included), the regional snowline against a brute-force search,
the cloud-corrected estimate."""
import math

import numpy as np
import pytest
from affine import Affine

from neve.plugin.core import stats


def brute_force_snowline(elevation, snow, candidates):
    """The lowest of ``candidates`` minimising (snow pixels below it) + (snow-free pixels at or above it)
    over clear pixels (``snow``: True snow, False snow-free), and that minimum's share: by counting."""
    best, best_cost = None, None
    for candidate in candidates:
        cost = int(np.count_nonzero(snow & (elevation < candidate)) + np.count_nonzero(~snow & (elevation >= candidate)))
        if best_cost is None or cost < best_cost:
            best, best_cost = candidate, cost
    return best, best_cost / snow.size


def test_code_columns_no_snow_snow_fraction_cloud_nodata():
    columns = stats.code_columns()
    assert columns.shape == (256, stats.N_COLUMNS)
    assert columns[0].tolist() == [1, 0, 0, 0, 0]
    assert columns[100].tolist() == [0, 1, 1, 0, 0]
    assert columns[37].tolist() == [0, 1, 0.37, 0, 0]
    assert columns[205].tolist() == [0, 0, 0, 1, 0]
    for code in (101, 204, 206, 254, 255):
        assert columns[code].tolist() == [0, 0, 0, 0, 1]
    assert (columns.sum(axis=1)[[0, 205, 255]] == 1).all()
    # a map whose no-data value is a clear code: those pixels are no data
    assert stats.code_columns(nodata=0)[0].tolist() == [0, 0, 0, 0, 1]
    assert stats.code_columns(nodata=255)[255].tolist() == [0, 0, 0, 0, 1]


def test_as_codes_of_wider_integers_makes_out_of_range_values_no_data():
    values = np.array([[-1, 0, 100], [205, 256, 70000]], dtype=np.int32)
    assert stats.as_codes(values).tolist() == [[255, 0, 100], [205, 255, 255]]


def test_overlap_clear_beats_cloud_beats_nodata_then_the_first_listed():
    table = stats.rank_table()
    mine = stats.observation_ranks(np.array([0, 205, 255, 100, 205, 0]), table)
    other_codes = np.array([205, 100, 205, 0, 205, 0])
    outside = np.array([False, False, False, False, False, True])
    other = stats.observation_ranks(other_codes, table, outside)
    assert mine.tolist() == [3, 2, 1, 3, 2, 3]
    assert other.tolist() == [2, 3, 2, 3, 2, 0]
    # the other map listed after: it wins only with a better observation
    assert stats.overlap_losers(mine, other, other_first=False).tolist() == [False, True, True, False, False, False]
    # listed first: it wins ties too, but never where it has no pixel
    assert stats.overlap_losers(mine, other, other_first=True).tolist() == [False, True, True, True, True, False]


def test_elevation_bins_and_their_edges():
    z = np.array([[-0.5, 0.0, 9.999, 10.0, 99.99], [100.0, 1234.5, np.nan, 2500.0, 2509.99]], dtype=np.float32)
    bins = stats.elevation_bins(z, 100.0, 10.0)
    assert bins.dtype == np.int32
    assert bins.tolist() == [[-1, 0, 0, 1, 9], [10, 123, stats.UNKNOWN_BIN, 250, 250]]
    assert stats.bin_edges(0, 2, 100.0, 10.0).tolist() == [0, 10, 20, 30]
    # a band that is not a whole number of steps: its last fine bin is shorter
    bins = stats.elevation_bins(np.array([0.0, 29.0, 30.0, 34.9, 35.0, 64.9, 70.0]), 35.0, 10.0)
    assert bins.tolist() == [0, 2, 3, 3, 4, 6, 8]
    assert stats.band_of(bins, 35.0, 10.0).tolist() == [0, 0, 0, 0, 1, 1, 2]
    assert stats.bin_edges(2, 5, 35.0, 10.0).tolist() == [20, 30, 35, 45, 55]


def plane(shape, east, north, base=1000.0, size=20.0):
    """A DEM rising ``east`` metres per metre eastwards and ``north`` northwards."""
    rows, cols = np.indices(shape, dtype=np.float64)
    return base + east * cols * size + north * (-rows) * size


@pytest.mark.parametrize("east, north, four, eight", [
    (0.0, -0.5, "N", "N"),        # falls towards the north: faces north
    (-0.5, -0.5, None, "NE"),
    (-0.5, 0.0, "E", "E"),
    (-0.5, 0.5, None, "SE"),
    (0.0, 0.5, "S", "S"),
    (0.5, 0.5, None, "SW"),
    (0.5, 0.0, "W", "W"),
    (0.5, -0.5, None, "NW"),
    (0.0, 0.0, "flat", "flat"),
    (0.01, 0.0, "flat", "flat"),  # 0.6 degree: under the 1 degree of a slope
])
def test_aspect_classes_of_planes(east, north, four, eight):
    dem = plane((6, 7), east, north)
    for kind, expected in (("4", four), ("8", eight)):
        if expected is None:
            continue
        classes = stats.aspect_classes(dem, 20.0, 20.0, kind, 1.0)
        labels = stats.aspect_labels(kind)
        assert {labels[c] for c in classes.ravel()} == {expected}, (kind, east, north)


def test_aspect_unknown_without_elevation_and_none_without_classes():
    dem = plane((5, 5), 0.3, 0.0)
    dem[2, 2] = np.nan
    classes = stats.aspect_classes(dem, 20.0, 20.0, "4", 1.0)
    labels = stats.aspect_labels("4")
    assert labels[classes[2, 2]] == "unknown" and labels[classes[2, 1]] == "unknown"   # its neighbours too
    assert labels[classes[0, 0]] == "W"
    assert stats.aspect_labels("none") == () and not stats.aspect_classes(dem, 20.0, 20.0, "none", 1.0).any()


def test_pixel_areas_projected_and_geographic():
    assert stats.pixel_areas(Affine(20.0, 0, 0, 0, -20.0, 0), 0, 3).tolist() == [400.0] * 3
    assert stats.pixel_areas(Affine(1.0, 0, 0, 0, -1.0, 0), 0, 1, unit=0.3048)[0] == pytest.approx(0.3048 ** 2)
    # a whole-Earth grid of one-degree cells adds up to the sphere's area; rows near the pole are small
    areas = stats.pixel_areas(Affine(1.0, 0, -180.0, 0, -1.0, 90.0), 0, 180, geographic=True)
    assert 360 * areas.sum() == pytest.approx(4 * math.pi * stats.EARTH_RADIUS ** 2, rel=1e-12)
    assert areas[0] < areas[89] and areas[89] == pytest.approx(areas[90])


def random_strip(shape, rng, blocky=True):
    """Codes with uniform areas (cloud, snow, no snow, no data) and ragged or fractional parts."""
    codes = rng.choice(np.array([0, 100, 205, 255], np.uint8), size=(shape[0] // 8 + 1, shape[1] // 8 + 1))
    codes = np.repeat(np.repeat(codes, 8, axis=0), 8, axis=1)[:shape[0], :shape[1]].copy()
    if blocky:
        noisy = rng.random(shape) < 0.05
        codes[noisy] = rng.choice(np.array([0, 37, 100, 205, 3], np.uint8), size=int(noisy.sum()))
    return codes


@pytest.mark.parametrize("shape, block", [((64, 96), 16), ((77, 101), 16), ((70, 130), 32), ((5, 9), 16)])
def test_block_counts_equal_counting_every_pixel(shape, block):
    rng = np.random.default_rng(shape[0] * shape[1])
    zone = rng.integers(0, 4, size=shape).astype(np.uint16)          # 0: outside every zone
    bins = rng.integers(-3, 5, size=shape).astype(np.int32)
    bins[rng.random(shape) < 0.1] = stats.UNKNOWN_BIN
    aspect = rng.integers(0, 3, size=shape).astype(np.uint8)
    cells, cell_zone, cell_bin, cell_aspect = stats.encode_cells(zone, bins, aspect, 3)
    # the cells are the distinct triples of the pixels inside zones
    inside = zone > 0
    triples = set(zip((zone[inside] - 1).tolist(), bins[inside].tolist(), aspect[inside].tolist()))
    assert set(zip(cell_zone.tolist(), cell_bin.tolist(), cell_aspect.tolist())) == triples
    assert (cells[~inside] == cell_zone.size).all()
    n = cell_zone.size
    counter = stats.BlockCounts(cells, n, block)
    for trial in range(4):
        codes = random_strip(shape, rng, blocky=trial % 2 == 0)
        expected = stats.code_counts(stats.code_index(cells), codes, n)
        present, counts = counter.counts(codes)
        assert set(np.flatnonzero(expected.sum(axis=0))) <= set(present.tolist())
        assert np.array_equal(counts, expected[:, present])
        # hand count of one cell and code
        c = int(cells[inside][0])
        code = int(codes[inside][0])
        assert counts[c, present.tolist().index(code)] == np.count_nonzero((cells == c) & (codes == code))
        skip = rng.random(shape) < 0.3
        present, counts = counter.counts(codes, skip=skip)
        expected = stats.code_counts(stats.code_index(np.where(skip, n, cells)), codes, n)
        assert np.array_equal(counts, expected[:, present])
        weights = rng.random((shape[0], 1))
        present, sums = counter.counts(codes, weights=weights)
        for k, code in enumerate(present.tolist()):
            for cell in (0, n - 1):
                assert sums[cell, k] == pytest.approx(np.sum(np.broadcast_to(weights, shape)[(cells == cell) & (codes == code)]))


def test_uniform_blocks():
    codes = np.zeros((32, 40), np.uint8)
    codes[:16, 16:32] = 205
    codes[20, 3] = 100
    uniform, code = stats.uniform_blocks(codes, 16)
    assert uniform.tolist() == [[True, True], [False, True]]
    assert code.tolist() == [[0, 205], [0, 0]]


def test_cell_columns_in_square_metres():
    counts = np.array([[2, 1, 3, 0], [0, 4, 0, 1]])        # codes 0, 50, 100, 205 in two cells
    columns = stats.code_columns()[[0, 50, 100, 205]]
    values = stats.cell_columns(counts, columns, 400.0)
    assert values.tolist() == [[800, 1600, 1400, 0, 0], [0, 1600, 800, 400, 0]]


def test_regional_snowline_equals_a_brute_force_search_over_every_candidate():
    rng = np.random.default_rng(14)
    for trial in range(60):
        n = int(rng.integers(1, 400))
        elevation = rng.uniform(500, 3000, n).astype(np.float32)
        if trial % 3 == 0:
            elevation = np.round(elevation / 50.0).astype(np.float32) * 50.0      # ties on the edges
        line = rng.uniform(800, 2800)
        snow = (elevation + rng.normal(0, 300 if trial % 2 else 50, n)) > line
        if trial % 10 == 0:
            snow[:] = trial % 20 == 0                                           # all snow, or none
        band_width, step = (100.0, 10.0) if trial % 4 else (100.0, 30.0)
        bins = stats.elevation_bins(elevation, band_width, step)
        first, last = int(bins.min()), int(bins.max())
        edges = stats.bin_edges(first, last, band_width, step)
        snow_count = np.bincount(bins[snow] - first, minlength=last - first + 1)
        free_count = np.bincount(bins[~snow] - first, minlength=last - first + 1)
        found = stats.regional_snowline(snow_count, free_count, edges)
        expected = brute_force_snowline(elevation.astype(np.float64), snow, edges)
        assert found[0] == expected[0] and found[1] == pytest.approx(expected[1], abs=1e-12), trial
        # many zones at once: only the bins with pixels, the same answer
        present = np.flatnonzero(snow_count + free_count)
        zones, lines, shares = stats.regional_snowlines(np.full(present.size, 7), present + first, snow_count[present],
                                                        free_count[present], band_width, step)
        assert zones.tolist() == [7] and lines[0] == expected[0] and shares[0] == pytest.approx(expected[1])


def test_regional_snowline_of_a_perfect_map_and_without_clear_pixels():
    snow = np.array([0, 0, 0, 5, 7])
    free = np.array([3, 4, 2, 0, 0])
    edges = np.array([1000, 1100, 1200, 1300, 1400, 1500])
    assert stats.regional_snowline(snow, free, edges) == (1300.0, 0.0)
    assert stats.regional_snowline(np.zeros(3), np.zeros(3), edges[:4]) == (None, None)
    assert stats.regional_snowline(np.array([0, 0]), np.array([1, 1]), edges[:3]) == (1200.0, 0.0)  # above the top
    assert stats.regional_snowline(np.array([1, 1]), np.array([0, 0]), edges[:3]) == (1000.0, 0.0)  # at the bottom


def test_cloud_corrected_snow_takes_the_nearest_band_for_a_band_without_clear_pixels():
    snow = np.array([0.0, 30.0, 0.0, 0.0, 80.0])
    clear = np.array([100.0, 100.0, 0.0, 0.0, 100.0])
    cloud = np.array([0.0, 100.0, 50.0, 40.0, 0.0])
    centres = np.array([1050.0, 1150.0, 1250.0, 1350.0, 1450.0])
    estimate, fraction = stats.cloud_corrected_snow(snow, clear, cloud, centres)
    # band 3 (1250) is nearest to 1150 (0.3); band 4 (1350) nearest to 1450 (0.8)
    assert fraction.tolist() == [0.0, 0.3, 0.3, 0.8, 0.8]
    assert estimate.tolist() == pytest.approx([0.0, 60.0, 15.0, 32.0, 80.0])
    # equally near: the mean of the two
    estimate, fraction = stats.cloud_corrected_snow(np.array([10.0, 0.0, 50.0]), np.array([100.0, 0.0, 100.0]),
                                                    np.array([0.0, 10.0, 0.0]), np.array([0.0, 1.0, 2.0]))
    assert fraction[1] == pytest.approx(0.3) and estimate[1] == pytest.approx(3.0)
    assert np.isnan(stats.cloud_corrected_snow([0.0], [0.0], [5.0], [1.0])[0]).all()


def test_nearest_fractions_per_zone_as_cloud_corrected_snow():
    rng = np.random.default_rng(3)
    groups, centres, fraction = [], [], []
    for zone in range(5):
        n = int(rng.integers(1, 8))
        c = np.sort(rng.choice(np.arange(20), n, replace=False)) * 100.0 + 50.0
        f = rng.random(n)
        f[rng.random(n) < 0.4] = np.nan
        groups += [zone] * n
        centres += c.tolist()
        fraction += f.tolist()
    completed = stats.nearest_fractions(np.array(groups), np.array(centres), np.array(fraction))
    for zone in range(5):
        mine = np.array(groups) == zone
        f = np.array(fraction)[mine]
        clear = np.where(np.isnan(f), 0.0, 1.0)
        expected = stats.cloud_corrected_snow(np.nan_to_num(f), clear, np.ones(f.size), np.array(centres)[mine])[1]
        assert np.allclose(completed[mine], expected, equal_nan=True)


def test_padded_strips_and_every_code_count_as_contiguous_ones():
    # a strip read into rows padded to 8 bytes is looked at eight codes at a time, without a copy
    rng = np.random.default_rng(7)
    shape = (48, 83)
    codes = random_strip(shape, rng, blocky=True)
    codes[:16, :16] = 37                                  # a uniform block of an unusual code
    codes[30:40, 50:70] = rng.integers(0, 256, size=(10, 20))    # every code: slots by look-up
    padded = stats.padded_codes(*shape)
    padded[...] = codes
    assert padded.strides[0] % 8 == 0 and not padded.flags.c_contiguous
    assert all(np.array_equal(a, b) for a, b in zip(stats.uniform_blocks(padded), stats.uniform_blocks(codes)))
    cells = rng.integers(0, 5, size=shape)
    counter = stats.BlockCounts(cells, 4)
    expected = stats.code_counts(stats.code_index(cells), codes, 4)
    for strip in (codes, padded):
        present, counts = counter.counts(strip)
        assert np.array_equal(counts, expected[:, present])
        assert set(present.tolist()) == set(np.unique(codes).tolist())


def test_observation_ranks_of_every_code_are_those_of_the_table():
    codes = np.arange(256, dtype=np.uint8)
    for nodata in (None, 0, 205, 254):
        table = stats.rank_table(nodata)
        assert stats.observation_ranks(codes, table).tolist() == table.tolist()
