"""Cast shadows of the relief (plugin/core/relief.py): exact on generated ridges whose shadow is known in
closed form, for suns from every side; the same by chunks of lines; NaN and edge cases."""
import math

import numpy as np
import pytest

from neve.plugin.core import relief

PIXEL = 20.0


def ridge(height, width, axis, crest, peak=900.0, slope_west=1.6, slope_east=0.7, base=1200.0):
    """A triangular ridge running north-south (``axis`` "ns": elevation depends on the column) or east-west
    ("ew": on the row), crest on pixel ``crest``, flanks of the given slopes (m/m) on the low-index and
    high-index sides."""
    n = width if axis == "ns" else height
    x = (np.arange(n) - crest) * PIXEL
    z = base + np.where(x < 0, np.maximum(0.0, peak + slope_west * x), np.maximum(0.0, peak - slope_east * x))
    return np.repeat(z[None, :], height, axis=0) if axis == "ns" else np.repeat(z[:, None], width, axis=1)


def expected_ns(dem_row, crest, zenith, azimuth):
    """Closed form for a north-south ridge: with a sun in the east (sin azimuth > 0), a pixel west of the crest
    is in shadow iff the crest rises above it by more than (ray length to the crest) x tan(elevation), the ray
    length being the east-west distance over |sin azimuth|; and symmetrically for a sun in the west. Returns
    the shadow and the smallest margin |rise - ray x tan| over the pixels (to check no case is a tie)."""
    tan = math.cos(math.radians(zenith)) / math.sin(math.radians(zenith))
    east = math.sin(math.radians(azimuth))
    cols = np.arange(dem_row.size)
    distance = (crest - cols) * PIXEL if east > 0 else (cols - crest) * PIXEL
    rise = dem_row[crest] - dem_row
    need = distance / abs(east) * tan
    shadow = (distance > 0) & (rise > need)
    margin = np.abs(rise - need)[distance > 0].min()
    return shadow, margin


# azimuths within 45 degrees of east or west: the sun's ray crosses every column, and the ridge does not vary
# along the rows, so the sideways steps of the lines read the same elevations as the exact ray
@pytest.mark.parametrize("azimuth", [50.0, 73.5, 90.0, 107.0, 134.0, 226.0, 251.0, 270.0, 288.0, 314.0])
@pytest.mark.parametrize("zenith", [35.0, 55.0, 68.0, 79.0])
def test_exact_on_a_north_south_ridge(zenith, azimuth):
    height, width, crest = 400, 70, 35
    dem = ridge(height, width, "ns", crest)
    shade = relief.cast_shadows(dem, (PIXEL, PIXEL), zenith, azimuth)
    want, margin = expected_ns(dem[0], crest, zenith, azimuth)
    assert margin > 1e-6                    # no pixel on the exact edge of the shadow
    # rows far enough from the top and bottom edges that the ray reaches the crest inside the array
    drift = int(math.ceil(crest * abs(math.cos(math.radians(azimuth)) / math.sin(math.radians(azimuth))))) + 2
    inner = shade[drift:height - drift]
    assert np.array_equal(inner, np.repeat(want[None, :], inner.shape[0], axis=0))
    # the sun-facing side and the crest are lit; sunny cases have a shadow and the steep side does cast one
    assert not shade[:, crest].any()


@pytest.mark.parametrize("azimuth", [0.0, 20.0, 160.0, 180.0, 200.0, 340.0])
@pytest.mark.parametrize("zenith", [40.0, 66.0, 80.0])
def test_exact_on_an_east_west_ridge_with_a_northern_or_southern_sun(zenith, azimuth):
    height, width, crest = 70, 400, 35
    dem = ridge(height, width, "ew", crest)
    shade = relief.cast_shadows(dem, (PIXEL, PIXEL), zenith, azimuth)
    # the same closed form with rows for columns: rows grow southwards, so a sun in the north (cos azimuth > 0)
    # is seen towards the lower rows and shades the rows south of the crest
    tan = math.cos(math.radians(zenith)) / math.sin(math.radians(zenith))
    north = math.cos(math.radians(azimuth))
    rows = np.arange(height)
    column = dem[:, 0]
    distance = (rows - crest) * PIXEL if north > 0 else (crest - rows) * PIXEL
    need = distance / abs(north) * tan
    rise = column[crest] - column
    want = (distance > 0) & (rise > need)
    assert np.abs(rise - need)[distance > 0].min() > 1e-6
    drift = int(math.ceil(crest * abs(math.sin(math.radians(azimuth)) / north))) + 2
    inner = shade[:, drift:width - drift]
    assert np.array_equal(inner, np.repeat(want[:, None], inner.shape[1], axis=1))
    assert want.any() or zenith < 60      # a low sun always casts a shadow here


def test_a_shadow_that_reaches_the_plain_has_the_length_of_the_closed_form():
    # a wall 300 m high from column 40 on, sun from the east at 30 degrees of elevation: the plain is in shadow
    # for 300 / tan(30) = 519.6 m west of the wall's first column, i.e. the 25 pixel centres 20 .. 500 m away
    dem = np.zeros((5, 60))
    dem[:, 40:] = 300.0
    shade = relief.cast_shadows(dem, (PIXEL, PIXEL), 60.0, 90.0)
    assert shade.sum(axis=1).tolist() == [25] * 5
    assert shade[:, 15:40].all() and not shade[:, :15].any() and not shade[:, 40:].any()


def test_chunks_of_lines_give_the_same_shadows():
    rng = np.random.default_rng(3)
    dem = rng.normal(size=(130, 90)).cumsum(axis=0).cumsum(axis=1) * 5.0
    for azimuth in (10.0, 65.0, 135.0, 190.0, 260.0, 300.0):
        whole = relief.cast_shadows(dem, (PIXEL, PIXEL), 62.0, azimuth)
        assert np.array_equal(relief.cast_shadows(dem, (PIXEL, PIXEL), 62.0, azimuth, lines_per_chunk=3), whole)
        out = np.ones(dem.shape, bool)
        assert relief.cast_shadows(dem, (PIXEL, PIXEL), 62.0, azimuth, out=out) is out
        assert np.array_equal(out, whole)


@pytest.mark.parametrize("azimuth", [25.0, 70.0, 130.0, 160.0, 215.0, 250.0, 290.0, 335.0])
def test_a_window_with_its_terrain_towards_the_sun_has_the_shadows_of_the_whole(azimuth):
    rng = np.random.default_rng(11)
    dem = rng.normal(size=(90, 110)).cumsum(axis=0).cumsum(axis=1) * 4.0
    whole = relief.cast_shadows(dem, (PIXEL, PIXEL), 64.0, azimuth, origin=(1000, 2000))
    # a window reaching the array's edges on the sun's sides: it holds all the terrain its pixels look at
    east, north = math.sin(math.radians(azimuth)), math.cos(math.radians(azimuth))
    rows = slice(0, 60) if north > 0 else slice(30, 90)
    cols = slice(40, 110) if east > 0 else slice(0, 70)
    window = relief.cast_shadows(dem[rows, cols], (PIXEL, PIXEL), 64.0, azimuth,
                                 origin=(1000 + rows.start, 2000 + cols.start))
    assert np.array_equal(window, whole[rows, cols])
    assert relief.lattice_origin(__import__("affine").Affine(20.0, 0, 600000.0, 0, -20.0, 5100000.0), 2, 3) == (
        -5100000 // 20 + 2, 30003)


def test_turning_the_dem_turns_the_shadows():
    rng = np.random.default_rng(5)
    dem = rng.normal(size=(70, 70)).cumsum(axis=0).cumsum(axis=1) * 4.0
    shade = relief.cast_shadows(dem, (PIXEL, PIXEL), 58.0, 90.0)
    # turned a quarter clockwise (north becomes east), the sun from the east now comes from the south
    turned = relief.cast_shadows(np.rot90(dem, k=-1), (PIXEL, PIXEL), 58.0, 180.0)
    assert np.array_equal(turned, np.rot90(shade, k=-1))
    mirrored = relief.cast_shadows(dem[:, ::-1], (PIXEL, PIXEL), 58.0, 270.0)
    assert np.array_equal(mirrored, shade[:, ::-1])


def test_nan_zenith_and_pixel_sizes():
    dem = np.zeros((4, 30))
    dem[:, 20] = 500.0
    dem[1, 5] = np.nan
    shade = relief.cast_shadows(dem, (PIXEL, PIXEL), 45.0, 90.0)
    assert not shade[1, 5] and shade[0, 5]                      # NaN: never in shadow
    dem[1, 20] = np.nan
    assert not relief.cast_shadows(dem, (PIXEL, PIXEL), 45.0, 90.0)[1, :20].any()   # NaN casts nothing
    assert not relief.cast_shadows(dem, (PIXEL, PIXEL), 0.0, 90.0).any()             # the sun at the zenith
    assert relief.cast_shadows(dem, (PIXEL, PIXEL), 90.0, 90.0)[0, :20].all()         # on the horizon
    # non-square pixels: 40 m wide, 20 m high, a wall 100 m high, sun from the east at 45 degrees: 100 m of
    # shadow, over the pixel centres 40 and 80 m from the wall
    wall = np.zeros((3, 30))
    wall[:, 20] = 100.0
    assert relief.cast_shadows(wall, (40.0, 20.0), 45.0, 90.0)[0].nonzero()[0].tolist() == [18, 19]
    # and 20 m wide, 40 m high with a sun from the north: the rows 40 and 80 m south of an east-west wall
    assert relief.cast_shadows(wall.T.copy(), (20.0, 40.0), 45.0, 0.0)[:, 0].nonzero()[0].tolist() == [21, 22]
    with pytest.raises(ValueError):
        relief.cast_shadows(dem, (PIXEL, PIXEL), 95.0, 90.0)
    assert relief.shadow_length(1000.0, 45.0) == pytest.approx(1000.0)
    assert relief.shadow_length(1000.0, 0.0) == 0.0
