"""LIS snow detection, step by step (plugin/core/snow.py), on hand-made arrays.

Every expected value is worked out by hand in the comments (or, for the coarse red, checked against GDAL
itself, the program LIS calls). Reflectances are written as DN / 10000, the way the reader computes them,
so that "exactly at the threshold" means what it says (2000 / 10000 == 0.2 in floating point).
"""
import math

import numpy as np
import pytest

from neve.plugin.core import snow


def refl(*dn):
    return np.array(dn, dtype=np.float64) / 10000.0


# --------------------------------------------------------------------------------------------------
# Parameters
# --------------------------------------------------------------------------------------------------

def test_lis_defaults_are_the_documented_ones():
    assert snow.LIS_DEFAULTS == {
        "NDSI_PASS1": 0.40, "RED_PASS1": 0.20, "NDSI_PASS2": 0.15, "RED_PASS2": 0.04,
        "RED_DARKCLOUD": 0.30, "RED_BACKTOCLOUD": 0.10, "DZ": 100, "FSNOW_LIM": 0.10, "FCLEAR_LIM": 0.10,
        "FSNOW_TOTAL_LIM": 0.001, "RESIZE_FACTOR": 12, "NODATA_CODE": 255}


def test_threshold_errors():
    defaults = {name.lower(): value for name, value in snow.LIS_DEFAULTS.items()}
    assert snow.threshold_errors(**defaults) == []
    # equal passes are allowed; pass 2 stricter than pass 1 is not
    assert snow.threshold_errors(ndsi_pass1=0.3, ndsi_pass2=0.3, red_pass1=0.1, red_pass2=0.1) == []
    assert snow.threshold_errors(ndsi_pass1=0.40, ndsi_pass2=0.41) == [
        (snow.ERROR_NDSI_PASS2_ABOVE_PASS1, "ndsi_pass2")]
    assert snow.threshold_errors(red_pass1=0.20, red_pass2=0.25) == [
        (snow.ERROR_RED_PASS2_ABOVE_PASS1, "red_pass2")]
    assert snow.threshold_errors(dz=0, resize_factor=0) == [
        (snow.ERROR_NOT_POSITIVE, "dz"), (snow.ERROR_NOT_POSITIVE, "resize_factor")]
    assert snow.threshold_errors(fclear_lim=1.5, fsnow_total_lim=-0.1) == [
        (snow.ERROR_NOT_FRACTION, "fclear_lim"), (snow.ERROR_NOT_FRACTION, "fsnow_total_lim")]
    assert snow.threshold_errors(nodata_code=0) == [(snow.ERROR_BAD_NODATA_CODE, "nodata_code")]


# --------------------------------------------------------------------------------------------------
# Step 0: NDSI, cloud layers
# --------------------------------------------------------------------------------------------------

def test_ndsi():
    # (0.875 - 0.375) / (0.875 + 0.375) = 0.5 / 1.25 = 0.4 exactly (all dyadic but the quotient, which is
    # rounded like the literal 0.4); from DN the same value: 5000 / 12500.
    value = snow.ndsi(np.array([0.875, 0.75, 0.0]), np.array([0.375, 0.25, 0.0]))
    assert value[0] == 0.4 and value[1] == 0.5 and np.isnan(value[2])
    assert snow.ndsi(np.array([8750], np.int16), np.array([3750], np.int16))[0] == 0.4
    # MAJA nodata in SWIR only: (500 + 10000) / (500 - 10000) < 0
    assert snow.ndsi(np.array([500]), np.array([-10000]))[0] < 0


def test_cloud_layers_from_clm():
    clm = np.array([0, 1, 2, 32, 64, 96, 128, 255], np.uint8)
    layers = snow.cloud_layers_from_clm(clm)
    # all_cloud: any bit; shadow: bit 5 (32) or 6 (64); high: bit 7 (128)
    assert layers.all_cloud.tolist() == [False, True, True, True, True, True, True, True]
    assert layers.shadow.tolist() == [False, False, False, True, True, True, False, True]
    assert layers.high.tolist() == [False, False, False, False, False, False, True, True]


def test_cloud_layers_from_scl():
    scl = np.arange(12, dtype=np.uint8)
    layers = snow.cloud_layers_from_scl(scl)
    # all_cloud: 3 shadow, 8, 9 clouds, 10 cirrus; shadow: 3; high: 10. Snow (11), water (6) are not cloud.
    assert np.flatnonzero(layers.all_cloud).tolist() == [3, 8, 9, 10]
    assert np.flatnonzero(layers.shadow).tolist() == [3]
    assert np.flatnonzero(layers.high).tolist() == [10]


def test_cloud_layers_from_binary_mask():
    layers = snow.cloud_layers_from_mask(np.array([0, 1, 2, 0], np.uint8))
    assert layers.all_cloud.tolist() == [False, True, True, False]
    assert not layers.shadow.any() and not layers.high.any()


def test_slope_flag():
    # MG2 >= 64: bit 6 or bit 7 set
    assert snow.slope_flag(np.array([0, 63, 64, 128, 200], np.uint8)).tolist() == [False, False, True, True, True]


# --------------------------------------------------------------------------------------------------
# Strict comparisons at the exact thresholds
# --------------------------------------------------------------------------------------------------

def test_first_pass_is_strict():
    ndsi = np.array([0.40, 0.5, 0.5, 0.5, 0.401])
    red = refl(3000, 2000, 2001, 5000, 2001)
    cloud = np.array([False, False, False, True, False])
    # 0: NDSI exactly 0.40 -> no; 1: red exactly 0.20 -> no; 2: both above -> snow; 3: cloud -> no;
    # 4: both just above -> snow
    assert snow.first_pass(ndsi, red, cloud).tolist() == [False, False, True, False, True]


def test_second_pass_is_strict():
    ndsi = np.array([0.15, 0.2, 0.2, 0.2, 0.2, 0.151])
    red = refl(1000, 400, 401, 401, 401, 401)
    dem = np.array([2000, 2000, 1500, 1500.5, 2000, 2000])
    refined = np.array([False, False, False, False, True, False])
    # zs = 1500: 0 NDSI exactly 0.15 no; 1 red exactly 0.04 no; 2 DEM exactly zs no; 3 DEM above yes;
    # 4 refined cloud no; 5 yes
    assert snow.second_pass(ndsi, red, dem, refined, 1500).tolist() == [False, False, False, True, False, True]
    # without DEM or without zs: no pass 2
    assert not snow.second_pass(ndsi, red, None, refined, 1500).any()
    assert not snow.second_pass(ndsi, red, dem, refined, None).any()


def test_back_to_cloud_is_strict():
    cloud = np.array([True, True, False])
    # red exactly 0.10 stays out; 0.1001 comes back; a clear pixel never
    assert snow.back_to_cloud(cloud, refl(1000, 1001, 9000)).tolist() == [False, True, False]


def test_dark_cloud_test():
    all_cloud = np.array([True, True, True, True, True, False])
    shadow = np.array([False, False, False, True, False, False])
    high = np.array([False, False, False, False, True, False])
    coarse = np.array([0.30, 0.3001, np.nan, 0.0, 0.0, 0.9])
    # 0 coarse red exactly 0.30: leaves the mask; 1 above: stays; 2 nodata: leaves; 3 shadow and 4 high
    # stay whatever the red; 5 not cloud: not cloud
    assert snow.dark_cloud_test(all_cloud, shadow, high, coarse).tolist() == [
        False, True, False, True, True, False]


# --------------------------------------------------------------------------------------------------
# Step 2: the coarse red (GDAL's bilinear downsampling, LIS's grid)
# --------------------------------------------------------------------------------------------------

def halves(width, height, split, left, right):
    red = np.full((height, width), right, dtype=np.float64)
    red[:, :split] = left
    return red


def test_coarse_red_is_a_tent_average_not_a_block_mean():
    # 24 x 24 pixels, factor 12: 2 x 2 coarse pixels 12 pixels wide, centres at x = 6 and 18 (in pixels).
    # Columns 0-11 red 0.1, 12-23 red 0.5 (rows all alike, so only x matters).
    # GDAL's shrinking bilinear: weight 12 - |j + 0.5 - 6| (in twelfths) for |...| < 12, i.e. j = 0..17:
    #   j = 0..11: 12 - (5.5, 4.5, ..., 0.5, 0.5, ..., 5.5) -> 144 - 36 = 108 on 0.1
    #   j = 12..17: 12 - (6.5 .. 11.5) = 5.5 + 4.5 + 3.5 + 2.5 + 1.5 + 0.5 = 18 on 0.5
    #   (108 x 0.1 + 18 x 0.5) / 126 = 19.8 / 126 = 0.157142.. -> 1571 DN -> 0.1571
    # and by symmetry (108 x 0.5 + 18 x 0.1) / 126 = 55.8 / 126 = 0.442857.. -> 4429 DN -> 0.4429.
    # (A 12 x 12 block mean would give 0.1 and 0.5, 4-pixel bilinear 0.1 and 0.5 too.)
    out = snow.coarse_red(halves(24, 24, 12, 0.1, 0.5))
    assert out.shape == (24, 24)
    assert (out[:, :12] == 0.1571).all() and (out[:, 12:] == 0.4429).all()
    exact = snow.coarse_red(halves(24, 24, 12, 0.1, 0.5), quantification=None)
    assert exact[0, 0] == pytest.approx(19.8 / 126) and exact[0, 23] == pytest.approx(55.8 / 126)


def test_coarse_red_partial_blocks_at_the_edge_stretch_the_grid():
    # 30 pixels: floor(30 / 12) = 2 coarse pixels 15 pixels wide (no third, partial block of 6 pixels).
    # Columns 0-14 red 0.1, 15-29 red 0.5. Coarse centre 0 at x = 7.5, tent half-width 15:
    #   weights 15 - |j - 7| for j = 0..21: j = 0..14 -> 225 - 2 x (1 + .. + 7) = 169 on 0.1,
    #   j = 15..21 -> 7 + 6 + .. + 1 = 28 on 0.5: (16.9 + 14) / 197 = 0.156852.. -> 1569 DN
    #   coarse 1: (169 x 0.5 + 28 x 0.1) / 197 = 87.3 / 197 = 0.443147.. -> 4431 DN
    # Nearest neighbour back: column j -> floor((2j + 1) x 2 / 60): 0..14 -> 0, 15..29 -> 1.
    out = snow.coarse_red(halves(30, 30, 15, 0.1, 0.5))
    assert snow.coarse_grid_size(30, 30) == (2, 2)
    assert (out[:, :15] == 0.1569).all() and (out[:, 15:] == 0.4431).all()
    # the same along y (transpose)
    out_t = snow.coarse_red(halves(30, 30, 15, 0.1, 0.5).T)
    assert (out_t[:15] == 0.1569).all() and (out_t[15:] == 0.4431).all()


def test_coarse_red_nodata():
    red = np.full((24, 24), 0.2)
    nodata = np.zeros((24, 24), bool)
    # a nodata pixel with a wild value in coarse pixel (1, 1): left out of the average (still 0.2)
    red[20, 20], nodata[20, 20] = 9.0, True
    # the pixel under the centre of coarse pixel (0, 0) (x = y = 6) is nodata: the coarse pixel is nodata
    # although the rest of its kernel is valid (GDAL skips it)
    red[6, 6], nodata[6, 6] = 9.0, True
    out = snow.coarse_red(red, red_nodata=nodata)
    assert np.isnan(out[:12, :12]).all()
    assert (out[12:, 12:] == 0.2).all() and (out[:12, 12:] == 0.2).all()
    # non-finite values are nodata by default
    red2 = np.full((24, 24), 0.2)
    red2[6, 18] = np.nan
    assert np.isnan(snow.coarse_red(red2)[:12, 12:]).all()


def test_coarse_red_needs_its_halo():
    red = np.random.default_rng(1).random((60, 40))
    halo = snow.dark_cloud_halo(60)
    assert halo == math.ceil(1.5 * 60 / 5) + 1 == 19
    with pytest.raises(ValueError):
        snow.coarse_red(red[20:40], first_row=20, rows=range(20, 40), height=60)
    # with the halo it works
    snow.coarse_red(red[20 - halo:40 + halo], first_row=20 - halo, rows=range(20, 40), height=60)


@pytest.mark.parametrize("strip_rows", [1, 7, 12, 29, 100])
def test_coarse_red_does_not_depend_on_the_strip_height(strip_rows):
    rng = np.random.default_rng(5)
    height, width = 100, 77
    red = rng.integers(0, 10000, (height, width)) / 10000.0
    nodata = rng.random((height, width)) < 0.1
    whole = snow.coarse_red(red, red_nodata=nodata)
    halo = snow.dark_cloud_halo(height)
    parts = []
    for row0 in range(0, height, strip_rows):
        row1 = min(height, row0 + strip_rows)
        top, bottom = max(0, row0 - halo), min(height, row1 + halo)
        parts.append(snow.coarse_red(red[top:bottom], first_row=top, rows=range(row0, row1), height=height,
                                     red_nodata=nodata[top:bottom]))
    assert np.array_equal(np.concatenate(parts), whole, equal_nan=True)


def test_coarse_red_equals_gdal_warp_as_lis_calls_it(tmp_path):
    """Reference: GDAL itself, called as LIS's extract_red_nn does (bilinear to floor(W/12) x floor(H/12),
    then nearest back to W x H), with the kernel ratio set to the geometric ratio (see the docstring)."""
    from osgeo import gdal
    gdal.UseExceptions()
    rng = np.random.default_rng(11)
    for size in (37, 61):
        dn = rng.integers(0, 10000, (size, size)).astype(np.int16)
        dn[rng.random((size, size)) < 0.15] = -10000
        dn[:, :size // 4] = -10000
        source, coarse, back = (str(tmp_path / name) for name in ("red.tif", "coarse.tif", "nn.tif"))
        dataset = gdal.GetDriverByName("GTiff").Create(source, size, size, 1, gdal.GDT_Int16)
        dataset.SetGeoTransform((600000.0, 20.0, 0.0, 5000000.0, 0.0, -20.0))
        dataset.GetRasterBand(1).WriteArray(dn)
        dataset.GetRasterBand(1).SetNoDataValue(-10000)
        dataset = None
        ratio = repr((size // 12) / size)
        gdal.Warp(coarse, source, resampleAlg=gdal.GRIORA_Bilinear, width=size / 12, height=size / 12,
                  warpOptions=["XSCALE=" + ratio, "YSCALE=" + ratio])
        gdal.Warp(back, coarse, resampleAlg=gdal.GRIORA_NearestNeighbour, width=size, height=size)
        expected = gdal.Open(back).ReadAsArray().astype(np.float64)
        expected = np.where(expected == -10000, np.nan, expected / 10000.0)
        ours = snow.coarse_red(dn / 10000.0, red_nodata=dn == -10000)
        assert np.array_equal(ours, expected, equal_nan=True)


# --------------------------------------------------------------------------------------------------
# Step 0: green and red from 10 m to 20 m (cubic, as GDAL's warper)
# --------------------------------------------------------------------------------------------------

def padded(dn, fill=0):
    """``dn`` with the 3-pixel margin cubic_downsample needs around the footprint (values ignored)."""
    margin = snow.cubic_halo(2)
    rows, cols = dn.shape
    out = np.full((rows + rows % 2 + 2 * margin, cols + cols % 2 + 2 * margin), fill, dtype=dn.dtype)
    out[margin:margin + rows, margin:margin + cols] = dn
    return out, dict(first_row=-margin, first_col=-margin, height=rows, width=cols)


def test_cubic_weights_of_a_factor_of_2():
    # cubic(d / 2) at d = 0.5, 1.5, 2.5, 3.5 pixels from the centre of a 20 m pixel, a = -0.5:
    # 1.5 x^3 - 2.5 x^2 + 1 at x = 0.25 and 0.75: 111/128, 29/128; -0.5 x^3 + 2.5 x^2 - 4 x + 2 at 1.25, 1.75:
    # -9/128, -3/128
    assert snow.cubic_halo(2) == 3
    offsets, weights = snow._cubic_taps(2)
    assert offsets.tolist() == [-3, -2, -1, 0, 1, 2, 3, 4]
    assert (weights * 128).tolist() == [-3, -9, 29, 111, 111, 29, -9, -3]


def test_cubic_downsample_of_a_ramp_by_hand():
    # columns hold 100 x column. Away from the edges (k = 2..5) the kernel (columns 2k - 3 .. 2k + 4) is
    # symmetric about column 2k + 0.5, so the 20 m pixel is 100 (2k + 0.5) = 200 k + 50. Near the edges the
    # kernel is cut and renormalised (weights /128):
    # k = 0: columns 0..4, weights 111, 111, 29, -9, -3 (sum 239): 100 (111 + 58 - 27 - 12) / 239 = 54.39 -> 54
    # k = 1: columns 0..6, weights -9, 29, 111, 111, 29, -9, -3 (sum 259):
    #        100 (29 + 222 + 333 + 116 - 45 - 18) / 259 = 63700 / 259 = 245.9 -> 246
    # k = 6: columns 9..15, weights -3, -9, 29, 111, 111, 29, -9 (sum 259):
    #        100 (-27 - 90 + 319 + 1332 + 1443 + 406 - 135) / 259 = 324800 / 259 = 1254.05 -> 1254
    # k = 7: columns 11..15, weights -3, -9, 29, 111, 111 (sum 239):
    #        100 (-33 - 108 + 377 + 1554 + 1665) / 239 = 345500 / 239 = 1445.6 -> 1446
    dn = np.tile(np.arange(16, dtype=np.int16) * 100, (8, 1))
    values, invalid = snow.cubic_downsample(*padded(dn)[:1], **padded(dn)[1])
    assert not invalid.any()
    assert values.shape == (4, 8)
    assert values[0].tolist() == [54, 246, 450, 650, 850, 1050, 1254, 1446]
    assert (values == values[0]).all()  # constant along the columns: rows change nothing


def test_cubic_downsample_nodata_and_rounding_by_hand():
    # 4 x 4 pixels, one 20 m pixel per 2 x 2; everything 1000 except one pixel of nodata and one 2000
    dn = np.full((4, 4), 1000, np.int16)
    dn[3, 3] = -10000          # under the centre of the lower-right 20 m pixel: it is nodata
    dn[0, 0] = -10000          # not under a centre: left out, the others renormalised
    dn[1, 2] = 2000
    values, invalid = snow.cubic_downsample(*padded(dn)[:1], nodata=-10000, **padded(dn)[1])
    assert invalid.tolist() == [[False, False], [False, True]]
    assert values[1, 1] == -10000
    # upper-right pixel (rows 0..1, columns 2..3): row weights 111, 111, 29, -9 (rows 0..3), column weights
    # -9, 29, 111, 111 (columns 0..3), 242 x 242 = 58564 in all; pixels (0, 0) and (3, 3) are missing, with
    # weights 111 x -9 and -9 x 111: the valid weights add up to 58564 + 2 x 999 = 60562. All 1000 except
    # (1, 2) = 2000, weight 111 x 111: value = 1000 + 1000 x 12321 / 60562 = 1203.4 -> 1203
    assert values[0, 1] == 1203


@pytest.mark.parametrize("size, dtype, nodata, fraction", [
    ((40, 60), np.int16, -10000, 0.0),      # no nodata (GDAL's path without masks)
    ((40, 60), np.int16, -10000, 0.05),
    ((41, 61), np.int16, -10000, 0.2),      # odd sizes: the last 20 m pixels are half outside the image
    ((64, 64), np.uint16, 0, 0.1),          # Sen2Cor: uint16, nodata 0
    ((30, 30), np.int16, -10000, 0.3),      # values next to nodata: moved off it as GDAL does
])
def test_cubic_downsample_equals_gdal_warp_as_lis_calls_it(tmp_path, size, dtype, nodata, fraction):
    """Reference: GDAL itself, called as LIS does (gdal.Warp(resampleAlg=cubic, xRes=20, yRes=20))."""
    from osgeo import gdal
    gdal.UseExceptions()
    rng = np.random.default_rng(size[0] + int(100 * fraction))
    low, high = ((-10003, -9996) if fraction == 0.3 else (1 if nodata == 0 else -300, 16000))
    dn = rng.integers(low, high, size).astype(dtype)
    if fraction:
        dn[rng.random(size) < fraction] = nodata
        dn[:, :5] = nodata
    source, warped = str(tmp_path / "green.tif"), str(tmp_path / "green_20m.tif")
    kind = gdal.GDT_Int16 if dtype == np.int16 else gdal.GDT_UInt16
    dataset = gdal.GetDriverByName("GTiff").Create(source, size[1], size[0], 1, kind)
    dataset.SetGeoTransform((600000.0, 10.0, 0.0, 5000000.0, 0.0, -10.0))
    dataset.GetRasterBand(1).WriteArray(dn)
    dataset.GetRasterBand(1).SetNoDataValue(nodata)
    dataset = None
    gdal.Warp(warped, source, resampleAlg="cubic", xRes=20, yRes=20)
    expected = gdal.Open(warped).ReadAsArray()
    array, where = padded(dn, fill=7)
    values, invalid = snow.cubic_downsample(array, 2, nodata, **where)
    assert values.dtype == dtype
    assert np.array_equal(values, expected)
    assert np.array_equal(invalid, expected == nodata)


def test_cubic_downsample_in_small_row_chunks_equals_gdal(tmp_path, monkeypatch):
    """The work is done in chunks of output rows (4 here): chunk edges change nothing."""
    monkeypatch.setattr(snow, "_CUBIC_CHUNK_BYTES", 0)
    test_cubic_downsample_equals_gdal_warp_as_lis_calls_it(tmp_path, (41, 61), np.int16, -10000, 0.2)


@pytest.mark.parametrize("strip_rows", [1, 3, 8])
def test_cubic_downsample_strips_equal_the_whole(strip_rows):
    rng = np.random.default_rng(3)
    dn = rng.integers(0, 9000, (26, 18)).astype(np.int16)
    dn[rng.random(dn.shape) < 0.1] = -10000
    whole, whole_invalid = snow.cubic_downsample(*padded(dn)[:1], nodata=-10000, **padded(dn)[1])
    margin = snow.cubic_halo(2)
    rows = []
    for r0 in range(0, 13, strip_rows):
        r1 = min(13, r0 + strip_rows)
        top, bottom = 2 * r0 - margin, 2 * r1 + margin      # image rows, may lie outside the image
        strip = np.full((bottom - top, 18 + 2 * margin), 555, np.int16)
        inside = slice(max(top, 0), min(bottom, 26))
        strip[inside.start - top:inside.stop - top, margin:margin + 18] = dn[inside]
        values, _ = snow.cubic_downsample(strip, 2, -10000, first_row=top, first_col=-margin, height=26, width=18)
        rows.append(values)
    assert np.array_equal(np.concatenate(rows), whole)


# --------------------------------------------------------------------------------------------------
# Step 5: snowline
# --------------------------------------------------------------------------------------------------

def bins_scene(groups):
    """DEM, all_cloud, snow1 arrays from groups (elevation, count, cloud, snow)."""
    dem, cloud, snow1 = [], [], []
    for elevation, count, is_cloud, is_snow in groups:
        dem += [elevation] * count
        cloud += [is_cloud] * count
        snow1 += [is_snow] * count
    return np.array(dem, np.float64), np.array(cloud), np.array(snow1)


def test_dem_bin_edges():
    # floor((1500 - 1000) / 100) = 5 bins of 100 m
    assert snow.dem_bin_edges(1000, 1500, 100).tolist() == [1000, 1100, 1200, 1300, 1400, 1500]
    # floor(250 / 100) = 2 bins of 125 m
    assert snow.dem_bin_edges(1000, 1250, 100).tolist() == [1000, 1125, 1250]
    # ITK computes the width in single precision: 700 / 3 = 233.3333.. is 233.33332824707031 as a float
    # (float spacing at 233 is 2^-16), so the first inner edge is 1233.3333282470703, not 1233.3333333
    assert snow.dem_bin_edges(1000, 1700, 200)[1] == 1233.3333282470703
    # less than one bin: no histogram, no zs
    assert snow.dem_bin_edges(1000, 1099, 100) is None
    assert snow.dem_bin_edges(5, 5, 100) is None


def test_snowline_histogram_bins_and_counts():
    edges = snow.dem_bin_edges(1000, 1250, 100)                # 1000 | 1125 | 1250
    dem = np.array([1000, 1124.9, 1125, 1250, 1200])
    cloud = np.array([False, True, False, False, False])
    snow1 = np.array([False, False, True, False, True])
    counts = snow.snowline_histogram(dem, cloud, snow1, edges)
    # bin 0: 1000 (clear, no snow), 1124.9 (cloud); bin 1: 1125 (lower edge, snow), 1250 (the maximum goes
    # into the last bin, no snow), 1200 (snow)
    assert counts.tolist() == [[[1, 1], [0, 0]], [[1, 0], [2, 0]]]


def test_zs_two_bins_below_the_first_snowy_bin():
    # 5 bins of 100 m from 1000 to 1500, 10 pixels each (the maximum, 1500, in bin 4), all clear:
    # bin 0, 1: no snow; bin 2: 1 snow of 10 = 0.10, not > 0.10; bin 3: 2 of 10 = 0.2 -> first snowy bin 3
    # zs: bin 3 - 2 = bin 1, centre 1150, minus dz/2 = 1100 (its lower edge: bins are exactly dz wide)
    # total snow fraction 3 / 50 = 0.06 > 0.001: pass 2
    groups = [(1000, 10, False, False), (1100, 10, False, False), (1200, 9, False, False),
              (1200, 1, False, True), (1300, 8, False, False), (1300, 2, False, True), (1500, 10, False, False)]
    dem, cloud, snow1 = bins_scene(groups)
    edges = snow.dem_bin_edges(dem.min(), dem.max(), 100)
    result = snow.snowline_elevation(snow.snowline_histogram(dem, cloud, snow1, edges), edges)
    assert result.snowy_bin == 3 and result.zs == 1100
    assert result.snow_fraction == 3 / 50 and result.pass2
    assert snow.snowline_elevation(snow.snowline_histogram(dem, cloud, snow1, edges), edges,
                                   rule="lower_edge").zs == 1100


def test_zs_clear_fraction_is_strict():
    # bin 2: 9 cloud + 1 clear snow: clear fraction 1/10 = 0.10, not > 0.10 -> not snowy although all its
    # clear pixels are snow; bin 3: 8 cloud + 2 clear, 1 snow: clear 0.2, snow 0.5 -> first snowy bin 3
    groups = [(1000, 10, False, False), (1100, 10, False, False), (1200, 9, True, False),
              (1200, 1, False, True), (1300, 8, True, False), (1300, 1, False, False), (1300, 1, False, True),
              (1500, 10, False, False)]
    dem, cloud, snow1 = bins_scene(groups)
    edges = snow.dem_bin_edges(1000, 1500, 100)
    result = snow.snowline_elevation(snow.snowline_histogram(dem, cloud, snow1, edges), edges)
    assert result.snowy_bin == 3 and result.zs == 1100


@pytest.mark.parametrize("snowy_bin", [0, 1])
def test_zs_when_the_first_snowy_bin_is_below_2(snowy_bin):
    # first snowy bin 0 or 1: max(i - 2, 0) = 0 -> zs = centre 1050 - 50 = 1000
    groups = [(1000 + 100 * b, 10, False, False) for b in range(6)] + [(1000 + 100 * snowy_bin, 5, False, True)]
    dem, cloud, snow1 = bins_scene(groups)
    edges = snow.dem_bin_edges(1000, 1500, 100)
    result = snow.snowline_elevation(snow.snowline_histogram(dem, cloud, snow1, edges), edges)
    assert result.snowy_bin == snowy_bin and result.zs == 1000


def test_no_snowy_bin_no_pass2():
    dem, cloud, snow1 = bins_scene([(1000, 10, False, False), (1500, 10, True, False)])
    edges = snow.dem_bin_edges(1000, 1500, 100)
    result = snow.snowline_elevation(snow.snowline_histogram(dem, cloud, snow1, edges), edges)
    assert result.zs is None and result.snowy_bin is None and not result.pass2
    # a DEM flatter than dz: no bins, no zs
    assert snow.snowline_elevation(None, None) == (None, None, 0.0, False)


def test_zs_with_bins_wider_than_dz():
    # min 1000, max 1250: 2 bins of 125 m. Bin 1 snowy -> j = 0, centre 1062.5:
    # LIS: floor(1062.5 - 50) = 1012; lower edge (DOMAIN.md wording): 1000
    dem, cloud, snow1 = bins_scene([(1000, 10, False, False), (1250, 5, False, False), (1250, 5, False, True)])
    edges = snow.dem_bin_edges(1000, 1250, 100)
    counts = snow.snowline_histogram(dem, cloud, snow1, edges)
    assert snow.snowline_elevation(counts, edges).zs == 1012
    assert snow.snowline_elevation(counts, edges, rule="lower_edge").zs == 1000


def test_total_snow_fraction_must_exceed_one_in_a_thousand():
    # one snowy bin with 1 snow pixel and 1 clear pixel (0.5 > 0.1); all other pixels clear, no snow.
    # 1000 pixels: 1 / 1000 = 0.001, not > 0.001 -> zs found but no pass 2; 999 pixels: pass 2.
    for total, expected in ((1000, False), (999, True)):
        groups = [(1000, total - 2, False, False), (1500, 1, False, False), (1500, 1, False, True)]
        dem, cloud, snow1 = bins_scene(groups)
        edges = snow.dem_bin_edges(1000, 1500, 100)
        result = snow.snowline_elevation(snow.snowline_histogram(dem, cloud, snow1, edges), edges)
        assert result.zs == 1200 and result.snow_fraction == 1 / total and result.pass2 is expected


def test_nodata_pixels_in_the_histogram():
    # bin 3: 2 snow + 8 clear no snow + 15 nodata pixels (CLM 0, no snow), bins 0-2 and 4 clear no snow.
    # LIS (include_nodata): 2 / 25 = 0.08 -> not snowy, no zs; without nodata: 2 / 10 = 0.2 -> bin 3, zs 1100
    groups = [(1000, 10, False, False), (1100, 10, False, False), (1200, 10, False, False),
              (1300, 2, False, True), (1300, 8, False, False), (1300, 15, False, False), (1500, 10, False, False)]
    dem, cloud, snow1 = bins_scene(groups)
    nodata = np.zeros(dem.shape, bool)
    nodata[-25:-10] = True
    edges = snow.dem_bin_edges(1000, 1500, 100)
    lis = snow.snowline_elevation(snow.snowline_histogram(dem, cloud, snow1, edges, nodata), edges)
    clean = snow.snowline_elevation(snow.snowline_histogram(dem, cloud, snow1, edges, nodata,
                                                            include_nodata=False), edges)
    assert lis.zs is None
    assert clean.zs == 1100 and clean.snow_fraction == 2 / 50


def test_bins_centred_below_minus_413_are_skipped():
    # DEM from -1000 (e.g. a nodata value) to 500: 15 bins of 100 m, centres -950 .. 450.
    # Bin 0 (centre -950) fully snowy is skipped (LIS's validity test); bin 6 (-400..-300, centre -350) is
    # the first snowy bin -> j = 4, centre -550 -> zs = floor(-550 - 50) = -600.
    groups = [(-1000, 5, False, True)] + [(-1000 + 100 * b, 10, False, False) for b in range(1, 16)]
    groups += [(-400, 5, False, True)]
    dem, cloud, snow1 = bins_scene(groups)
    edges = snow.dem_bin_edges(-1000, 500, 100)
    result = snow.snowline_elevation(snow.snowline_histogram(dem, cloud, snow1, edges), edges)
    assert result.snowy_bin == 6 and result.zs == -600


def test_histogram_counts_add_up_across_strips():
    rng = np.random.default_rng(3)
    dem = rng.integers(800, 2600, (40, 30)).astype(np.float64)
    cloud = rng.random((40, 30)) < 0.3
    snow1 = (rng.random((40, 30)) < 0.4) & ~cloud
    edges = snow.dem_bin_edges(dem.min(), dem.max(), 100)
    whole = snow.snowline_histogram(dem, cloud, snow1, edges)
    for rows in (1, 7, 40):
        parts = sum(snow.snowline_histogram(dem[r:r + rows], cloud[r:r + rows], snow1[r:r + rows], edges)
                    for r in range(0, 40, rows))
        assert np.array_equal(parts, whole)
    assert whole.sum() == 40 * 30


def test_integer_dem_bins_as_float_dem():
    # LIS reads the DEM as int16; integer elevations take a lookup path: same counts as the same values
    # given as floats, including values on the bin edges (1125, 1250 with bins 125 m wide here)
    rng = np.random.default_rng(4)
    dem = rng.integers(1000, 1251, (60, 50)).astype(np.int16)
    dem[0, :3] = (1000, 1125, 1250)
    cloud = rng.random((60, 50)) < 0.3
    snow1 = rng.random((60, 50)) < 0.3
    edges = snow.dem_bin_edges(1000, 1250, 100)
    as_int = snow.snowline_histogram(dem, cloud, snow1, edges)
    assert np.array_equal(as_int, snow.snowline_histogram(dem.astype(np.float64), cloud, snow1, edges))
    assert as_int.sum() == 3000


def test_elevation_histogram_report_data():
    dem, cloud, snow1 = bins_scene([(1000, 6, False, False), (1000, 2, False, True), (1000, 2, True, False),
                                    (1100, 4, True, False)])
    edges = snow.dem_bin_edges(1000, 1100, 50)                # 1000 | 1050 | 1100
    report = snow.elevation_histogram(snow.snowline_histogram(dem, cloud, snow1, edges), edges)
    assert report["z_centre"].tolist() == [1025, 1075]
    assert report["total"].tolist() == [10, 4] and report["cloud"].tolist() == [2, 4]
    assert report["snow"].tolist() == [2, 0] and report["no_snow"].tolist() == [6, 0]
    # bin 0: snow 2 of 8 clear = 0.25, cloud 2 of 10, clear 8 of 10; bin 1 all cloud: snow fraction NaN
    assert report["snow_fraction"][0] == 0.25 and np.isnan(report["snow_fraction"][1])
    assert report["cloud_fraction"].tolist() == [0.2, 1.0] and report["clear_fraction"].tolist() == [0.8, 0.0]


# --------------------------------------------------------------------------------------------------
# Step 7: map, bits, percentages
# --------------------------------------------------------------------------------------------------

def test_snow_map_codes():
    snow1 = np.array([1, 0, 0, 0, 0, 1, 0], bool)
    snow2 = np.array([0, 1, 0, 0, 0, 0, 0], bool)
    refined = np.array([0, 0, 1, 0, 0, 0, 0], bool)
    back = np.array([0, 0, 0, 1, 0, 1, 0], bool)
    nodata = np.array([0, 0, 0, 0, 0, 0, 1], bool)
    # snow wins over cloud (pixel 5: snow and back-to-cloud); cloud = refined or back; nodata last
    assert snow.snow_map(snow1, snow2, refined, back, nodata).tolist() == [100, 100, 205, 205, 0, 100, 255]
    assert snow.snow_map(snow1, snow2, refined, back, nodata, nodata_code=254)[-1] == 254
    # LIS's strict_cloud_mask option: snow inside the back-to-cloud mask is cloud
    assert snow.snow_map(snow1, snow2, refined, back, nodata, strict_cloud_mask=True)[5] == 205


def test_snow_bits():
    one, zero = np.array([True]), np.array([False])
    # bits: 0 pass 1, 1 pass 2, 2 cloud before refinement, 3 refined cloud, 4 original cloud, 5 slope
    assert snow.snow_bits(one, zero, zero, zero, zero)[0] == 1
    assert snow.snow_bits(zero, one, zero, zero, zero)[0] == 2
    assert snow.snow_bits(zero, zero, one, one, one)[0] == 4 + 8 + 16
    assert snow.snow_bits(one, one, one, one, one, slope=one)[0] == 63
    assert snow.snow_bits(zero, zero, zero, zero, zero, slope=one)[0] == 32


def test_snow_and_cloud_percent_of_non_nodata_pixels():
    counts = snow.map_counts(np.array([0, 100, 205, 255, 100, 255], np.uint8))
    assert counts.tolist() == [1, 2, 1, 2]
    # 4 non-nodata pixels: snow 2 / 4 = 50 %, cloud 1 / 4 = 25 %
    assert snow.snow_cloud_percent(counts) == (50.0, 25.0)
    assert snow.snow_cloud_percent(snow.map_counts(np.array([255, 255]))) == (0.0, 0.0)
    # counts of strips add up
    strips = snow.map_counts(np.array([0, 100, 205])) + snow.map_counts(np.array([255, 100, 255]))
    assert strips.tolist() == counts.tolist()


# --------------------------------------------------------------------------------------------------
# Fractional snow cover and QC flags
# --------------------------------------------------------------------------------------------------

def test_fsc_toc_formulas():
    ndsi = np.array([0.5, 1.0, 0.2])
    gascoin = [100 * min(0.5 * math.tanh(2.65 * x - 1.42) + 0.5, 1) for x in ndsi]
    # 0.5: 0.5 tanh(-0.095) + 0.5 = 45.26.. %; 1.0: 0.5 tanh(1.23) + 0.5 = 92.13.. %
    assert snow.fsc_toc(ndsi) == pytest.approx(gascoin, abs=1e-12)
    assert snow.fsc_toc(ndsi)[0] == pytest.approx(45.264, abs=1e-3)
    # linear: 1.45 x 0.5 - 0.01 = 0.715 -> 71.5; 1.45 - 0.01 = 1.44 -> capped at 100; 0.28 -> 28
    assert snow.fsc_toc(ndsi, formula="linear") == pytest.approx([71.5, 100.0, 28.0])
    with pytest.raises(ValueError):
        snow.fsc_toc(ndsi, formula="other")


def test_fsc_toc_lis_steps():
    # NDSI 0.4599 -> 45 % -> f(0.45) = 0.5 tanh(-0.2275) + 0.5 = 0.38797.. -> 38 %
    assert snow.fsc_toc(np.array([0.4599]), lis_steps=True)[0] == 38.0
    assert snow.fsc_toc(np.array([0.4599]))[0] == pytest.approx(100 * (0.5 * math.tanh(2.65 * 0.4599 - 1.42) + 0.5))


def test_fsc_og():
    toc = np.array([45.0, 60.0, 45.0, 45.0, 30.0])
    tcd = np.array([50, 50, 255, 100, 0])
    # 45 / (1 - 0.5) = 90; 60 / 0.5 = 120 -> 100; TCD unknown -> FSC_TOC; TCD 100 -> 100; TCD 0 -> 30
    assert snow.fsc_og(toc, tcd).tolist() == [90.0, 100.0, 45.0, 100.0, 30.0]


def test_fsc_codes():
    codes = snow.fsc_codes(np.array([0, 100, 205, 255, 100], np.uint8), np.array([0, 45.7, 0, 0, 100.0]))
    # FSC truncated on snow pixels, the map's codes elsewhere
    assert codes.tolist() == [0, 45, 205, 255, 100] and codes.dtype == np.uint8


def test_qc_flags():
    snow_map = np.array([100, 0, 100, 0, 0, 0, 100], np.uint8)
    all_cloud = np.array([1, 1, 0, 0, 0, 0, 0], bool)
    mg2 = np.array([64, 128, 0, 0, 0, 0, 0], np.uint8)
    water = np.array([0, 0, 1, 0, 0, 0, 0], bool)
    tcd = np.array([0, 0, 0, 95, 90, 255, 100])
    shaded = np.array([0, 0, 0, 0, 0, 0, 1], bool)
    flags = snow.qc_flags(snow_map, all_cloud, mg2, water, tcd, shaded)
    # 0: sun too low (1) + snow under cloud (16); 1: sun tangent (2), cloud without snow; 2: water (4);
    # 3: TCD 95 > 90 (8); 4: TCD 90 not > 90; 5: TCD 255 unknown (32); 6: TCD 100 dense (8) + shaded (64)
    assert flags.tolist() == [17, 2, 4, 8, 0, 32, 72]
    # without TCD the tree cover is unknown everywhere (bit 5)
    assert (snow.qc_flags(snow_map) == 32).all()


# --------------------------------------------------------------------------------------------------
# The whole method on a scene, in one piece and in strips
# --------------------------------------------------------------------------------------------------

def detect(green_dn, red_dn, swir_dn, layers, dem, strip_rows=None, include_nodata=True):
    """The method as the final algorithm runs it: sweep 1 (histogram), zs, sweep 2 (passes, map)."""
    height = green_dn.shape[0]
    strip_rows = strip_rows or height
    nodata = swir_dn == -10000
    red, red_nodata = red_dn / 10000.0, red_dn == -10000
    edges = snow.dem_bin_edges(dem.min(), dem.max(), 100)
    counts = 0
    for row0 in range(0, height, strip_rows):
        rows = slice(row0, row0 + strip_rows)
        ndsi = snow.ndsi(green_dn[rows], swir_dn[rows])
        snow1 = snow.first_pass(ndsi, red[rows], layers.all_cloud[rows])
        counts = counts + snow.snowline_histogram(dem[rows], layers.all_cloud[rows], snow1, edges,
                                                  nodata[rows], include_nodata)
    line = snow.snowline_elevation(counts, edges)
    zs = line.zs if line.pass2 else None
    halo = snow.dark_cloud_halo(height)
    maps = []
    for row0 in range(0, height, strip_rows):
        rows = slice(row0, min(height, row0 + strip_rows))
        top, bottom = max(0, row0 - halo), min(height, rows.stop + halo)
        coarse = snow.coarse_red(red[top:bottom], first_row=top, rows=range(rows.start, rows.stop),
                                 height=height, red_nodata=red_nodata[top:bottom])
        ndsi = snow.ndsi(green_dn[rows], swir_dn[rows])
        snow1 = snow.first_pass(ndsi, red[rows], layers.all_cloud[rows])
        refined = snow.dark_cloud_test(layers.all_cloud[rows], layers.shadow[rows], layers.high[rows], coarse)
        back = snow.back_to_cloud(layers.all_cloud[rows], red[rows])
        snow2 = snow.second_pass(ndsi, red[rows], dem[rows], refined, zs)
        maps.append(snow.snow_map(snow1, snow2, refined, back, nodata[rows]))
    return np.concatenate(maps), line


def scene(seed=7, height=72, width=50):
    rng = np.random.default_rng(seed)
    dem = np.repeat(np.linspace(900, 2700, height)[:, None], width, axis=1) + rng.integers(0, 50, (height, width))
    high = dem > 1900
    green = np.where(high, 7000, 2000) + rng.integers(-900, 900, (height, width))
    swir = np.where(high, 1200, 1800) + rng.integers(-300, 300, (height, width))
    red = np.where(high, 6500, 1500) + rng.integers(-900, 900, (height, width))
    # a mid-slope band of thin snow: pass 2 material (NDSI about 0.3, red about 0.1)
    thin = (dem > 1600) & (dem <= 1900)
    green[thin], swir[thin], red[thin] = 2600, 1400, 1000
    swir[:, :6] = -10000                       # a strip of nodata at the swath edge (SWIR nodata)
    red[:, :4] = -10000
    clm = np.zeros((height, width), np.uint8)
    clm[10:30, 20:40] = 2                      # a cloud
    clm[40:44, 30:45] = 32                     # a cloud shadow
    return green.astype(np.int16), red.astype(np.int16), swir.astype(np.int16), clm, dem


@pytest.mark.parametrize("strip_rows", [5, 13, 24, 71])
def test_the_map_does_not_depend_on_the_strip_height(strip_rows):
    green, red, swir, clm, dem = scene()
    layers = snow.cloud_layers_from_clm(clm)
    whole, line = detect(green, red, swir, layers, dem)
    strips, strip_line = detect(green, red, swir, layers, dem, strip_rows=strip_rows)
    assert line == strip_line and line.pass2
    assert np.array_equal(whole, strips)
    # pass 2 finds the thin snow of the band between 1600 and 1900 m above zs (pass 1 cannot: NDSI 0.3)
    band = (dem > line.zs + 60) & (dem <= 1900)
    band[:, :6] = False
    band[10:30, 20:40] = False
    assert band.any() and (whole[band] == 100).all()
    # the scene exercises every code: snow, no snow, cloud, nodata from the SWIR band
    assert set(np.unique(whole)) == {0, 100, 205, 255}
    assert (whole[:, :6] == 255).all() and (whole[:, 6:] != 255).all()


def test_nodata_comes_from_the_swir_band():
    green, red, swir, clm, dem = scene()
    layers = snow.cloud_layers_from_clm(clm)
    # red nodata where SWIR is valid is not map nodata; SWIR nodata where red and green are valid is
    red[:, 10] = -10000
    swir[60, 40] = -10000
    result, _ = detect(green, red, swir, layers, dem)
    assert (result[:, 10] != 255).all() and result[60, 40] == 255


def test_sen2cor_classes_in_the_method():
    green, red, swir, _clm, dem = scene()
    scl = np.full(green.shape, 5, np.uint8)      # not vegetated
    scl[10:30, 20:40] = 9                        # cloud, high probability
    scl[40:44, 30:45] = 3                        # cloud shadow: stays cloud whatever the red
    scl[50:52, :] = 11                           # Sen2Cor's snow class is not a cloud
    result, _ = detect(green, red, swir, snow.cloud_layers_from_scl(scl), dem)
    assert (result[40:44, 30:45] == 205).all()
    assert (result[50:52, 6:] == 100).all()      # high and bright: pass-1 snow
