"""neve:snowmap end to end: generated products with known snow, hand-made rasters, the odd cases.

The reference map is the LIS method written again here, straightforwardly and independently of
plugin/core/snow.py: GDAL itself resamples (gdal.Warp, as LIS calls it: cubic from 10 m to 20 m, bilinear
to 240 m and nearest back), thresholds are compared on the digital numbers (LIS compares DN with
threshold x 10000), the snowline histogram is a loop over the elevation bands.
"""
import glob
import math
import os
import tempfile

import numpy as np
import pytest
import rasterio
from qgis.core import QgsProcessingException, QgsProcessingFeedback

from helpers import leftovers, read_raster, run, write_raster
from synthetic import Scene, make_dem, make_sen2cor_product, make_theia_product

LIS = dict(ndsi1=0.40, red1=2000, ndsi2=0.15, red2=400, dark=3000, back=1000, dz=100.0, fsnow=0.10,
           fclear=0.10, ftotal=0.001, factor=12)


# --------------------------------------------------------------------------------------------------
# The reference: LIS as LIS runs it, with GDAL
# --------------------------------------------------------------------------------------------------

def warp(source, tmp_path, name, **options):
    from osgeo import gdal
    gdal.UseExceptions()
    target = str(tmp_path / name)
    gdal.Warp(target, source, **options)
    return gdal.Open(target).ReadAsArray()


def coarse_red_lis(red20, nodata, tmp_path, factor=12):
    """LIS extract_red_nn: bilinear to floor(W/12) x floor(H/12), nearest back (kernel ratio forced to the
    geometric one, see core/snow.coarse_red)."""
    height, width = red20.shape
    source = write_raster(tmp_path / "red20.tif", red20, pixel_size=(20.0, 20.0), nodata=nodata)
    ratio = repr((width // factor) / width)
    coarse = str(tmp_path / "red_coarse.tif")
    warp(source, tmp_path, "red_coarse.tif", resampleAlg="bilinear", width=width // factor,
         height=height // factor, warpOptions=["XSCALE=" + ratio, "YSCALE=" + ratio])
    return warp(coarse, tmp_path, "red_nn.tif", resampleAlg="near", width=width, height=height)


def lis_reference(green, red, swir, all_cloud, shadow, high, dem, tmp_path, nodata=-10000, offset=0, p=LIS,
                  count_nodata=True):
    """The LIS map from 20 m DN (offset added to every DN), cloud layers and a DEM (NaN: no elevation).
    ``count_nodata=False``: the snowline histogram and the total snow fraction leave the nodata pixels out.
    Returns (map, zs or None)."""
    g, r, s = (np.asarray(a, np.float64) + offset for a in (green, red, swir))
    no_data = swir == nodata
    coarse = coarse_red_lis(red, nodata, tmp_path, p["factor"]).astype(np.float64) + offset
    coarse_valid = coarse_red_lis(red, nodata, tmp_path, p["factor"]) != nodata
    with np.errstate(divide="ignore", invalid="ignore"):
        ndsi = (g - s) / (g + s)
    refined = (all_cloud & coarse_valid & (coarse > p["dark"])) | shadow | high
    back = all_cloud & (r > p["back"])
    snow1 = ~all_cloud & (ndsi > p["ndsi1"]) & (r > p["red1"])
    zs = None
    if dem is not None and np.isfinite(dem).any():
        low, high_z = float(np.nanmin(dem)), float(np.nanmax(dem))
        n = int((high_z - low) // p["dz"])
        width = (high_z - low) / n
        index = np.minimum(np.floor((dem - low) / width), n - 1)
        counted = np.ones(dem.shape, bool) if count_nodata else ~no_data
        for i in range(n):
            band = (index == i) & counted
            total, clear = band.sum(), (band & ~all_cloud).sum()
            if total and clear / total > p["fclear"] and (band & snow1).sum() / clear > p["fsnow"]:
                j = max(i - 2, 0)
                zs = math.floor(low + (j + 0.5) * width - p["dz"] / 2)
                break
        if (snow1 & counted).sum() / counted.sum() <= p["ftotal"]:
            zs = None
    snow2 = np.zeros(snow1.shape, bool)
    if zs is not None:
        with np.errstate(invalid="ignore"):
            snow2 = ~refined & (dem > zs) & (ndsi > p["ndsi2"]) & (r > p["red2"])
    out = np.where(snow1 | snow2, 100, np.where(refined | back, 205, 0)).astype(np.uint8)
    out[no_data] = 255
    return out, zs


def theia_files(product):
    def one(pattern):
        return glob.glob(os.path.join(product, pattern))[0]
    return {"B3": one("*_FRE_B3.tif"), "B4": one("*_FRE_B4.tif"), "B11": one("*_FRE_B11.tif"),
            "CLM": one("MASKS/*_CLM_R2.tif"), "MG2": one("MASKS/*_MG2_R2.tif")}


def theia_reference(product, dem_path, tmp_path, dem=None, count_nodata=True):
    files = theia_files(product)
    green = warp(files["B3"], tmp_path, "green20.tif", resampleAlg="cubic", xRes=20, yRes=20)
    red = warp(files["B4"], tmp_path, "red20.tif", resampleAlg="cubic", xRes=20, yRes=20)
    swir, clm = read_raster(files["B11"]), read_raster(files["CLM"])
    if dem is None and dem_path:
        dem = read_raster(dem_path).astype(np.float64)
    return lis_reference(green, red, swir, clm > 0, (clm & 96) > 0, (clm & 128) > 0, dem, tmp_path,
                         count_nodata=count_nodata)


@pytest.fixture(scope="module")
def theia(tmp_path_factory):
    folder = tmp_path_factory.mktemp("theia")
    scene = Scene.small()
    product = make_theia_product(folder, scene)
    dem = make_dem(folder / "dem.tif", scene)
    return scene, product, dem


def snowmap(out_dir, **parameters):
    os.makedirs(str(out_dir), exist_ok=True)
    parameters.setdefault("OUTPUT", os.path.join(str(out_dir), "snow.tif"))
    return run("neve:snowmap", parameters)


# --------------------------------------------------------------------------------------------------
# Generated products with known snow
# --------------------------------------------------------------------------------------------------

def test_theia_map_is_the_lis_map_and_finds_the_snowline(neve_provider, theia, tmp_path):
    scene, product, dem = theia
    result = snowmap(tmp_path, INPUT_PRODUCT=product, DEM=dem)
    ours = read_raster(result["OUTPUT"])
    expected, zs = theia_reference(product, dem, tmp_path)
    assert np.array_equal(ours, expected)
    assert result["SNOWLINE_ELEVATION"] == zs
    # every code occurs: snow from both passes, cloud, no snow, the nodata border
    assert set(np.unique(ours)) == {0, 100, 205, 255}
    valid = expected != 255
    assert result["SNOW_PERCENT"] == pytest.approx(100.0 * np.count_nonzero(expected == 100) / valid.sum())
    assert result["CLOUD_PERCENT"] == pytest.approx(100.0 * np.count_nonzero(expected == 205) / valid.sum())
    # the snowline found (two bands above zs) is within one band of the generated one (1800 m)
    span = float(read_raster(dem).max() - read_raster(dem).min())
    width = span / (span // 100)
    assert abs(zs + 2 * width - scene.snowline) <= width
    # the truth: cloud-free snow of the scene is snow in the map
    truth = scene.truth(resolution=20)
    clear_snow = truth.snow & ~truth.cloud & ~truth.shadow & ~truth.shadow_outside & ~truth.nodata
    assert (ours[clear_snow] == 100).mean() > 0.99


def test_snowline_without_the_nodata_pixels(neve_provider, theia, tmp_path):
    """The cleaner option: nodata pixels (the swath edge) left out of the histogram and of the total."""
    scene, product, dem = theia
    result = snowmap(tmp_path, INPUT_PRODUCT=product, DEM=dem, SNOWLINE_COUNT_NODATA=False)
    expected, zs = theia_reference(product, dem, tmp_path, count_nodata=False)
    assert np.array_equal(read_raster(result["OUTPUT"]), expected)
    assert zs is not None and result["SNOWLINE_ELEVATION"] == zs


def test_zip_folder_and_layers_give_the_same_map_batch_friendly(neve_provider, theia, tmp_path):
    """Batch mode: processing.run over several inputs in a loop, files and layers only."""
    from qgis.core import (QgsProcessingDestinationParameter, QgsProcessingParameterBoolean,
                           QgsProcessingParameterEnum, QgsProcessingParameterFile, QgsProcessingParameterNumber,
                           QgsProcessingParameterRasterLayer)

    scene, product, dem = theia
    zipped = make_theia_product(tmp_path / "zip", scene, zip=True)
    files = theia_files(product)
    runs = [dict(INPUT_PRODUCT=product), dict(INPUT_PRODUCT=zipped),
            dict(GREEN=files["B3"], RED=files["B4"], SWIR=files["B11"], CLOUD_MASK=files["CLM"], CLOUD_MASK_TYPE=0)]
    maps = []
    for index, parameters in enumerate(runs):
        result = snowmap(tmp_path / "batch{}".format(index), DEM=dem, **parameters)
        maps.append(read_raster(result["OUTPUT"]))
    assert np.array_equal(maps[0], maps[1]) and np.array_equal(maps[0], maps[2])
    plain = (QgsProcessingParameterFile, QgsProcessingParameterRasterLayer, QgsProcessingParameterNumber,
             QgsProcessingParameterEnum, QgsProcessingParameterBoolean, QgsProcessingDestinationParameter)
    algorithm = neve_provider.algorithm("snowmap")
    assert all(isinstance(p, plain) for p in algorithm.parameterDefinitions())


def test_sen2cor_offset_and_scene_classes(neve_provider, tmp_path):
    scene = Scene.small(size=240)
    product = make_sen2cor_product(tmp_path, scene, baseline="04.00")
    dem = make_dem(tmp_path / "dem.tif", scene)
    result = snowmap(tmp_path / "out", INPUT_PRODUCT=product, DEM=dem)

    def band(name):
        return glob.glob(os.path.join(product, "GRANULE", "*", "IMG_DATA", "*", "*_{}.jp2".format(name)))[0]

    # at full resolution: GDAL would otherwise read the JPEG2000's own 20 m level (a wavelet average)
    options = dict(resampleAlg="cubic", xRes=20, yRes=20, srcNodata=0, overviewLevel="NONE")
    green = warp(band("B03_10m"), tmp_path, "g.tif", **options)
    red = warp(band("B04_10m"), tmp_path, "r.tif", **options)
    swir, scl = read_raster(band("B11_20m")), read_raster(band("SCL_20m"))
    # reflectance = (DN - 1000) / 10000 since baseline 04.00: NDSI and red on DN - 1000
    expected, zs = lis_reference(green.astype(np.int32), red.astype(np.int32), swir.astype(np.int32),
                                 np.isin(scl, [3, 8, 9, 10]), scl == 3, scl == 10,
                                 read_raster(dem).astype(np.float64), tmp_path, nodata=0, offset=-1000)
    ours = read_raster(result["OUTPUT"])
    assert np.array_equal(ours, expected)
    assert zs is not None and result["SNOWLINE_ELEVATION"] == zs
    assert (ours == 100).any() and (ours == 255).any()
    # Sen2Cor's own snow class 11 is not a cloud: clear snow of the scene is snow
    assert (ours[scl == 11] == 100).mean() > 0.99


def test_scene_without_snow(neve_provider, tmp_path):
    scene = Scene.small(size=240, snowline=9000.0)
    product = make_theia_product(tmp_path, scene)
    dem = make_dem(tmp_path / "dem.tif", scene)
    out = tmp_path / "out"
    result = snowmap(out, INPUT_PRODUCT=product, DEM=dem, OUTPUT_HTML_FILE=str(out / "report.html"),
                     OUTPUT_BITS=str(out / "bits.tif"))
    assert result["SNOWLINE_ELEVATION"] is None
    # no snowy band: no pass 2; pass 1 keeps only its own false alarms (water at the edge of the thick
    # cloud over the lake, whose red the cubic resampling brightens): a single pixel here
    assert not (read_raster(result["OUTPUT_BITS"]) & 2).any()
    assert result["SNOW_PERCENT"] < 0.01
    html = open(result["OUTPUT_HTML_FILE"], encoding="utf-8").read()
    assert "No elevation band is snowy" in html and "<svg" in html


def test_dem_covering_part_of_the_scene(neve_provider, theia, tmp_path):
    scene, product, _dem = theia
    partial = make_dem(tmp_path / "dem_part.tif", scene, margin=-1500.0)   # the central 1.8 km only
    result = snowmap(tmp_path / "out", INPUT_PRODUCT=product, DEM=partial)
    # the reference with the DEM where it exists (on the 20 m grid: rows and columns 75..164)
    with rasterio.open(partial) as src:
        assert src.transform.c == scene.ulx + 1500.0 and src.width == 90
        dem = np.full((240, 240), np.nan)
        dem[75:165, 75:165] = src.read(1)
    expected, zs = theia_reference(product, None, tmp_path, dem=dem)
    ours = read_raster(result["OUTPUT"])
    assert np.array_equal(ours, expected)
    assert result["SNOWLINE_ELEVATION"] == zs


def test_dem_in_another_crs(neve_provider, theia, tmp_path):
    scene, product, dem = theia
    lonlat = make_dem(tmp_path / "dem_4326.tif", scene, crs="EPSG:4326", margin=200.0)
    same = snowmap(tmp_path / "same", INPUT_PRODUCT=product, DEM=dem)
    other = snowmap(tmp_path / "other", INPUT_PRODUCT=product, DEM=lonlat)
    band = 2200.0 / 21
    assert abs(other["SNOWLINE_ELEVATION"] - same["SNOWLINE_ELEVATION"]) <= band
    a, b = read_raster(same["OUTPUT"]), read_raster(other["OUTPUT"])
    assert (a == b).mean() > 0.99


def test_bands_on_different_grids(neve_provider, theia, tmp_path):
    scene, product, dem = theia
    files = theia_files(product)
    reference = read_raster(snowmap(tmp_path / "product", INPUT_PRODUCT=product, DEM=dem)["OUTPUT"])
    # red already at 20 m, resampled by GDAL as LIS does: the very same map
    red20 = str(tmp_path / "red20.tif")
    warp(files["B4"], tmp_path, "red20.tif", resampleAlg="cubic", xRes=20, yRes=20)
    layers = dict(GREEN=files["B3"], RED=red20, SWIR=files["B11"], CLOUD_MASK=files["CLM"], DEM=dem)
    # except where the 20 m red has no data (GDAL's warp leaves a fringe at the swath's edge that the 10 m red
    # partly covers): no data in any band is no data in the map (issue 11)
    expected = reference.copy()
    expected[read_raster(red20) == -10000] = 255
    assert np.array_equal(read_raster(snowmap(tmp_path / "red20", **layers)["OUTPUT"]), expected)
    # green in another CRS (UTM 32N, 10 m): warped by GDAL onto the 20 m grid, a close map
    green_32632 = str(tmp_path / "green_32632.tif")
    warp(files["B3"], tmp_path, "green_32632.tif", dstSRS="EPSG:32632", xRes=10, yRes=10, resampleAlg="near")
    layers["GREEN"] = green_32632
    other = read_raster(snowmap(tmp_path / "green_utm32", **layers)["OUTPUT"])
    assert (other == reference).mean() > 0.97
    # no data where the map with the 20 m red has none, and where the warped green has none (issue 11: a few
    # pixels of the swath's slanted edge, which the green layer no longer reaches once warped)
    from neve.plugin.io.raster import Grid, read_onto_grid

    with rasterio.open(files["B11"]) as swir, rasterio.open(green_32632) as green:
        green_missing = read_onto_grid(green, Grid.of(swir), resampling="cubic", nodata=-10000) == -10000
    assert np.array_equal(other == 255, (expected == 255) | green_missing)


# --------------------------------------------------------------------------------------------------
# Hand-made rasters
# --------------------------------------------------------------------------------------------------

def hand_layers(tmp_path, green, red, swir, mask, dem=None, mask_nodata=None):
    out = {}
    for name, array, nodata in (("GREEN", green, -10000), ("RED", red, -10000), ("SWIR", swir, -10000),
                                ("CLOUD_MASK", mask, mask_nodata), ("DEM", dem, None)):
        if array is not None:
            out[name] = write_raster(tmp_path / (name.lower() + ".tif"), np.asarray(array), pixel_size=(20.0, 20.0),
                                     nodata=nodata)
    return out


def test_strict_thresholds_and_cloud_tests_by_hand(neve_provider, tmp_path):
    # One pixel per case, on the 20 m grid (no resampling). RESIZE_FACTOR 1: the "averaged" red is the
    # pixel's own red, so the dark-cloud test reads red > 0.30 on each pixel.
    #              A     B     C     D       E     F     G     H
    green = [[7000, 7001, 7001, 7001, 2000, 2000, 2000, 7001]]
    swir = [[3000, 2999, 2999, -10000, 1500, 1500, 1500, 2999]]
    red = [[2001, 2000, 2001, 2001, 3000, 1000, 3001, 2001]]
    cloud = [[0, 0, 0, 0, 1, 1, 1, 1]]
    # A: NDSI exactly 0.40, not above -> 0; B: red exactly 0.20 -> 0; C: NDSI 0.4002, red 0.2001 -> snow;
    # D: SWIR nodata -> 255; E: cloud, red 0.30 not above the dark-cloud threshold: leaves the mask, but red
    # above 0.10 sends it back to cloud -> 205; F: cloud, red 0.10 not above 0.10: no longer cloud -> 0;
    # G: cloud, red 0.3001 -> refined cloud -> 205; H: snow-like but in the cloud mask: no pass-1 snow,
    # back to cloud -> 205
    layers = hand_layers(tmp_path, np.array(green, np.int16), np.array(red, np.int16), np.array(swir, np.int16),
                         np.array(cloud, np.uint8))
    result = snowmap(tmp_path / "out", RESIZE_FACTOR=1, CLOUD_MASK_TYPE=2, **layers)
    assert read_raster(result["OUTPUT"]).tolist() == [[0, 0, 100, 255, 205, 0, 205, 205]]
    result = snowmap(tmp_path / "out254", RESIZE_FACTOR=1, CLOUD_MASK_TYPE=2, NODATA_CODE=254, **layers)
    assert read_raster(result["OUTPUT"]).tolist() == [[0, 0, 100, 254, 205, 0, 205, 205]]
    assert result["SNOWLINE_ELEVATION"] is None


def test_fully_cloudy_scene(neve_provider, tmp_path):
    shape = (36, 36)
    dem = np.repeat(np.linspace(1000, 3000, 36)[:, None], 36, axis=1).astype(np.float32)
    layers = hand_layers(tmp_path, np.full(shape, 5000, np.int16), np.full(shape, 5000, np.int16),
                         np.full(shape, 4000, np.int16), np.ones(shape, np.uint8), dem=dem)
    result = snowmap(tmp_path / "out", CLOUD_MASK_TYPE=2, OUTPUT_HTML_FILE=str(tmp_path / "out" / "r.html"),
                     **layers)
    # bright cloud everywhere (red 0.5 averaged is 0.5 > 0.30): all cloud, no clear band, no snowline
    assert (read_raster(result["OUTPUT"]) == 205).all()
    assert result["CLOUD_PERCENT"] == 100.0 and result["SNOW_PERCENT"] == 0.0
    assert result["SNOWLINE_ELEVATION"] is None


def test_binary_mask_nodata_is_not_cloud(neve_provider, tmp_path):
    # a mask from neve:cloudmask: 1 cloud, 0 clear, 255 no data (its nodata value)
    green = np.full((2, 3), 7001, np.int16)
    swir = np.full((2, 3), 2999, np.int16)
    red = np.full((2, 3), 2001, np.int16)
    mask = np.array([[0, 1, 255], [255, 1, 0]], np.uint8)
    layers = hand_layers(tmp_path, green, red, swir, mask, mask_nodata=255)
    result = snowmap(tmp_path / "out", RESIZE_FACTOR=1, CLOUD_MASK_TYPE=2, **layers)
    assert read_raster(result["OUTPUT"]).tolist() == [[100, 205, 100], [100, 205, 100]]


def test_optional_outputs(neve_provider, theia, tmp_path):
    scene, product, dem = theia
    out = tmp_path / "out"
    tcd = np.zeros((240, 240), np.uint8)
    tcd[:, 100:] = 95          # dense forest on the right
    tcd[:, 200:] = 255         # unknown on the far right
    tcd_path = write_raster(tmp_path / "tcd.tif", tcd, pixel_size=(20.0, 20.0), origin=(scene.ulx, scene.uly),
                            crs=scene.crs)
    names = ("OUTPUT_BITS", "OUTPUT_NDSI", "OUTPUT_FSC", "OUTPUT_FSC_OG", "OUTPUT_QC")
    paths = {name: str(out / (name.lower() + ".tif")) for name in names}
    result = snowmap(out, INPUT_PRODUCT=product, DEM=dem, TCD=tcd_path, OUTPUT_VECTOR=str(out / "poly.gpkg"),
                     OUTPUT_HTML_FILE=str(out / "report.html"), **paths)
    snow_map = read_raster(result["OUTPUT"])
    files = theia_files(product)
    green = warp(files["B3"], tmp_path, "g.tif", resampleAlg="cubic", xRes=20, yRes=20).astype(np.float64)
    swir = read_raster(files["B11"]).astype(np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        ndsi = (green - swir) / (green + swir)
    valid = snow_map != 255
    snow = snow_map == 100

    # NDSI: float32 of the NDSI within [-1, 1] (issue 11: a 10 m band's no data at the swath's edge reaches a
    # fringe of the 20 m pixels, mapped as LIS does), NaN where the map has no data
    assert np.array_equal(read_raster(paths["OUTPUT_NDSI"])[valid], np.clip(ndsi, -1, 1).astype(np.float32)[valid])
    assert np.isnan(read_raster(paths["OUTPUT_NDSI"])[~valid]).all()
    # FSC: 100 min(0.5 tanh(2.65 NDSI - 1.42) + 0.5, 1) truncated, on snow pixels; codes elsewhere
    fsc = read_raster(paths["OUTPUT_FSC"])
    expected = np.clip(np.trunc(100 * np.minimum(0.5 * np.tanh(2.65 * ndsi - 1.42) + 0.5, 1)), 1, 100)
    assert np.array_equal(fsc[snow], expected[snow].astype(np.uint8))
    assert np.array_equal(fsc[~snow], snow_map[~snow])
    # FSC on ground: TCD 0 -> same as TOC; TCD 95 -> FSC / 0.05 capped at 100; TCD 255 (unknown) -> TOC
    og = read_raster(paths["OUTPUT_FSC_OG"])
    toc = 100 * np.minimum(0.5 * np.tanh(2.65 * ndsi - 1.42) + 0.5, 1)
    left, middle, right = snow.copy(), snow.copy(), snow.copy()
    left[:, 100:] = False
    middle[:, :100] = middle[:, 200:] = False
    right[:, :200] = False
    assert np.array_equal(og[left], fsc[left]) and np.array_equal(og[right], fsc[right])
    assert np.array_equal(og[middle], np.clip(np.trunc(np.minimum(toc / 0.05, 100)), 1, 100)[middle].astype(np.uint8))
    # QC: bit 3 dense tree cover (TCD 95), bit 5 unknown (255), bit 4 snow of the original cloud mask
    qc = read_raster(paths["OUTPUT_QC"])
    clm = read_raster(files["CLM"])
    assert np.array_equal((qc & 8) != 0, (tcd > 90) & (tcd <= 100))
    assert np.array_equal((qc & 32) != 0, tcd > 100)
    assert np.array_equal((qc & 16) != 0, (clm > 0) & snow)
    # bits: bit 0 pass-1 snow, 1 pass-2 snow (together: the map's snow), 4 original cloud = CLM > 0
    bits = read_raster(paths["OUTPUT_BITS"])
    assert np.array_equal(((bits & 3) != 0), snow)
    assert np.array_equal((bits & 16) != 0, clm > 0) and np.array_equal((bits & 4) != 0, clm > 0)
    assert ((bits & 2) != 0).any()         # pass 2 found snow the first pass missed
    # polygons: snow (DN 100) and cloud (205) only, with their class names, covering the map's pixels
    from osgeo import ogr
    source = ogr.Open(result["OUTPUT_VECTOR"])
    layer = source.GetLayer(0)
    area = {100: 0.0, 205: 0.0}
    for feature in layer:
        assert (feature.GetField("DN"), feature.GetField("class")) in ((100, "snow"), (205, "cloud"))
        area[feature.GetField("DN")] += feature.GetGeometryRef().GetArea()
    assert area[100] == pytest.approx(400.0 * snow.sum()) and area[205] == pytest.approx(400.0 * (snow_map == 205).sum())
    html = open(result["OUTPUT_HTML_FILE"], encoding="utf-8").read()
    assert "<svg" in html and "snowline {:.0f} m".format(result["SNOWLINE_ELEVATION"]) in html
    with rasterio.open(result["OUTPUT"]) as dataset:
        assert dataset.tags()["ZS"] == "{:g}".format(result["SNOWLINE_ELEVATION"])
        assert dataset.profile["tiled"] and dataset.profile["compress"] == "deflate" and dataset.nodata == 255


# --------------------------------------------------------------------------------------------------
# Strips, scratch files, cancel, errors
# --------------------------------------------------------------------------------------------------

def test_result_does_not_depend_on_the_strip_height_nor_on_scratch_files(neve_provider, theia, tmp_path,
                                                                          monkeypatch):
    from neve.plugin.pipeline import lis as module

    scene, product, dem = theia
    names = ("OUTPUT", "OUTPUT_BITS", "OUTPUT_FSC", "OUTPUT_NDSI")

    def outputs(folder):
        paths = {name: str(tmp_path / folder / (name.lower() + ".tif")) for name in names}
        result = snowmap(tmp_path / folder, INPUT_PRODUCT=product, DEM=dem, **paths)
        return result["SNOWLINE_ELEVATION"], [read_raster(paths[name]) for name in names]

    zs, whole = outputs("whole")
    # 7 rows per strip: fewer than the 19 rows of halo of the 240 m red (the halo spans several strips)
    monkeypatch.setattr(module, "BLOCK_ROWS", 7)
    monkeypatch.setattr(module, "SCRATCH_IN_MEMORY_MB", 0)
    strip_zs, strips = outputs("strips")
    assert strip_zs == zs
    for a, b in zip(whole, strips):
        assert np.array_equal(a, b, equal_nan=True)


class CancelAfterFirstStrip(QgsProcessingFeedback):
    def setProgress(self, progress):  # noqa: N802 (QGIS API name)
        super().setProgress(progress)
        self.cancel()


def test_cancel_leaves_nothing(neve_provider, theia, tmp_path, monkeypatch):

    from neve.plugin.pipeline import lis as module

    scene, product, dem = theia
    monkeypatch.setattr(module, "BLOCK_ROWS", 50)
    monkeypatch.setattr(module, "SCRATCH_IN_MEMORY_MB", 0)
    before = set(glob.glob(os.path.join(tempfile.gettempdir(), "neve-snowmap-*")))
    out = tmp_path / "out"
    out.mkdir()
    outputs = {name: str(out / (name.lower() + ".tif")) for name in ("OUTPUT", "OUTPUT_BITS", "OUTPUT_NDSI")}
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        run("neve:snowmap", dict(outputs, INPUT_PRODUCT=product, DEM=dem, OUTPUT_VECTOR=str(out / "p.gpkg"),
                                 OUTPUT_HTML_FILE=str(out / "r.html")), feedback=CancelAfterFirstStrip())
    assert leftovers(out) == []
    assert set(glob.glob(os.path.join(tempfile.gettempdir(), "neve-snowmap-*"))) == before


@pytest.mark.parametrize("parameters, message", [
    ({"NDSI_PASS2": 0.5}, "NDSI threshold of pass 2 \\(0.5\\) is above that of pass 1 \\(0.4\\)"),
    ({"RED_PASS2": 0.3}, "red threshold of pass 2 \\(0.3\\) is above that of pass 1 \\(0.2\\)"),
    ({"DZ": 0}, "0 is out of range; give a value of at least 1"),
    ({"OUTPUT_FSC_OG": "fsc_og.tif"}, "tree cover density"),
    ({"OUTPUT_VECTOR": "polygons.shp"}, "GeoPackage"),
    ({"CLOUD_MASK": "float_mask.tif"}, "float32 values: a cloud mask holds whole numbers"),
    ({"CLOUD_MASK": "scl_13.tif", "CLOUD_MASK_TYPE": 1}, "holds the value 13"),
    ({"DEM": "dem_no_crs.tif"}, "has no coordinate reference system"),
])
def test_bad_input_gets_a_clear_message_and_no_output(neve_provider, theia, tmp_path, parameters, message):
    scene, product, dem = theia
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    write_raster(inputs / "float_mask.tif", np.zeros((240, 240), np.float32), pixel_size=(20, 20),
                 origin=(scene.ulx, scene.uly), crs=scene.crs)
    write_raster(inputs / "scl_13.tif", np.full((240, 240), 13, np.uint8), pixel_size=(20, 20),
                 origin=(scene.ulx, scene.uly), crs=scene.crs)
    with rasterio.open(inputs / "dem_no_crs.tif", "w", driver="GTiff", width=4, height=4, count=1,
                       dtype="float32") as dst:
        dst.write(np.zeros((1, 4, 4), np.float32))
    out = tmp_path / "out"
    out.mkdir()
    values = {k: (str(inputs / v) if k in ("CLOUD_MASK", "DEM") else str(out / v) if k.startswith("OUTPUT")
                  else v) for k, v in parameters.items()}
    values.setdefault("DEM", dem)
    with pytest.raises(QgsProcessingException, match=message):
        run("neve:snowmap", dict(values, INPUT_PRODUCT=product, OUTPUT=str(out / "snow.tif")))
    assert leftovers(out) == []


def test_no_input_and_missing_layers(neve_provider, tmp_path):
    with pytest.raises(QgsProcessingException, match="No input"):
        run("neve:snowmap", {"OUTPUT": str(tmp_path / "snow.tif")})
    green = write_raster(tmp_path / "g.tif", np.zeros((4, 4), np.int16), pixel_size=(20, 20))
    with pytest.raises(QgsProcessingException, match="lacks B4, B11"):
        run("neve:snowmap", {"GREEN": green, "OUTPUT": str(tmp_path / "snow.tif")})
    swir = write_raster(tmp_path / "s.tif", np.zeros((4, 4), np.int16), pixel_size=(20, 20))
    with pytest.raises(QgsProcessingException, match="No cloud mask"):
        run("neve:snowmap", {"GREEN": green, "RED": green, "SWIR": swir, "OUTPUT": str(tmp_path / "snow.tif")})
    assert not (tmp_path / "snow.tif").exists()


def test_message_in_french(neve_provider, theia, tmp_path):
    from test_i18n import switch_language

    scene, product, dem = theia
    try:
        assert switch_language(neve_provider, "fr_FR") == "fr"
        with pytest.raises(QgsProcessingException, match="la passe 2 ne doit pas être plus stricte"):
            run("neve:snowmap", {"INPUT_PRODUCT": product, "NDSI_PASS1": 0.1, "OUTPUT": str(tmp_path / "s.tif")})
        assert neve_provider.algorithm("snowmap").displayName() == "Carte de neige (méthode Theia/LIS)"
    finally:
        switch_language(neve_provider, "en_GB")


def test_loaded_map_gets_its_legend(neve_provider, theia, tmp_path):
    """In QGIS: the map named after the scene with its legend, the polygons over it styled by class in the
    colours of the map, semi-transparent with an outline (issue 17), the raw bit field unchecked below."""
    import processing
    from qgis.core import QgsApplication, QgsCategorizedSymbolRenderer, QgsPalettedRasterRenderer, QgsProject

    from helpers import layer_tree

    scene, product, dem = theia
    processing.runAndLoadResults("neve:snowmap", {"INPUT_PRODUCT": product, "NODATA_CODE": 254,
                                                  "OUTPUT": str(tmp_path / "snow.tif"),
                                                  "OUTPUT_VECTOR": str(tmp_path / "snow.gpkg"),
                                                  "OUTPUT_BITS": str(tmp_path / "bits.tif")})
    QgsApplication.processEvents()  # what QGIS does later (it removes layers left without a tree node)
    try:
        project = QgsProject.instance()
        layer, = project.mapLayersByName("Snow map \u00b7 T31TCH 2021-06-15")
        renderer = layer.renderer()
        assert isinstance(renderer, QgsPalettedRasterRenderer)
        assert [(c.value, c.label) for c in renderer.classes()] == [
            (0, "No snow"), (100, "Snow"), (205, "Cloud"), (254, "No data")]
        colours = {c.value: c.color.name() for c in renderer.classes()}
        polygons, = project.mapLayersByName("Snow and cloud polygons \u00b7 T31TCH 2021-06-15")
        renderer = polygons.renderer()
        assert isinstance(renderer, QgsCategorizedSymbolRenderer) and renderer.classAttribute() == "DN"
        categories = {int(c.value()): c for c in renderer.categories()}
        assert set(categories) == {100, 205} and categories[100].label() == "Snow"
        for value, category in categories.items():
            fill = category.symbol().symbolLayer(0).fillColor()
            assert fill.name() == colours[value] and 0.2 < fill.alphaF() < 0.8   # see-through, the map's colour
            assert category.symbol().symbolLayer(0).strokeColor().alpha() == 255
        assert categories[100].symbol().color().name() != categories[205].symbol().color().name()
        assert layer_tree(project) == [("T31TCH 2021-06-15", [
            ("Snow and cloud polygons \u00b7 T31TCH 2021-06-15", True), ("Snow map \u00b7 T31TCH 2021-06-15", True),
            ("Bit field of the intermediate layers \u00b7 T31TCH 2021-06-15", False)])]
    finally:
        QgsProject.instance().removeAllMapLayers()
        QgsProject.instance().layerTreeRoot().removeAllChildren()


def test_dialog_gives_the_lis_defaults_and_its_values_run(neve_provider, theia, tmp_path, qgis_iface, monkeypatch):
    """The algorithm dialog (threshold sliders included): its default values are LIS's, and running with what
    the dialog gives works."""
    from processing.gui.AlgorithmDialog import AlgorithmDialog
    from qgis.gui import QgsBrowserGuiModel

    from neve.plugin.core.defaults import LIS_DEFAULTS

    model = QgsBrowserGuiModel()
    monkeypatch.setattr(qgis_iface, "browserModel", lambda: model, raising=False)
    scene, product, dem = theia
    dialog = AlgorithmDialog(neve_provider.algorithm("snowmap").create(), False, qgis_iface.mainWindow())
    try:
        values = dialog.mainWidget().createProcessingParameters()
    finally:
        dialog.reject()
        dialog.deleteLater()
    for name, default in LIS_DEFAULTS.items():
        assert values[name] == default, name
    values.update(INPUT_PRODUCT=product, DEM=dem, OUTPUT=str(tmp_path / "snow.tif"),
                  OUTPUT_HTML_FILE=str(tmp_path / "report.html"))
    result = run("neve:snowmap", values)
    assert os.path.exists(result["OUTPUT"]) and os.path.exists(result["OUTPUT_HTML_FILE"])


def test_the_log_sums_up_the_result(neve_provider, theia, tmp_path):
    """Issue 17: as neve:loadproduct sums up a product, the log says the snowline, the snow and cloud
    percentages and what became of pass 2 (in French with a decimal comma and a space before colons)."""
    from test_i18n import switch_language
    from test_loadproduct import Log

    scene, product, dem = theia
    log = Log()
    result = run("neve:snowmap", {"INPUT_PRODUCT": product, "DEM": dem, "OUTPUT": str(tmp_path / "s.tif")},
                 feedback=log)
    assert result["SNOWLINE_ELEVATION"] is not None
    start = log.infos.index(next(line for line in log.infos if line.startswith("Snow map of SENTINEL2A_")))
    assert log.infos[start + 1:start + 5] == [
        "  Snowline elevation: {:.0f} m".format(result["SNOWLINE_ELEVATION"]),
        "  Snow: {:.1f} % of the valid pixels".format(result["SNOW_PERCENT"]),
        "  Cloud: {:.1f} % of the valid pixels".format(result["CLOUD_PERCENT"]),
        "  Pass 2: run above the snowline ({:.0f} m)".format(result["SNOWLINE_ELEVATION"])]
    log = Log()
    run("neve:snowmap", {"INPUT_PRODUCT": product, "OUTPUT": str(tmp_path / "t.tif")}, feedback=log)
    assert "  Pass 2: skipped, no DEM" in log.infos and "  Snowline elevation: none" in log.infos
    try:
        switch_language(neve_provider, "fr_FR")
        log = Log()
        result = run("neve:snowmap", {"INPUT_PRODUCT": product, "DEM": dem, "OUTPUT": str(tmp_path / "u.tif")},
                     feedback=log)
        snow = "{:.1f}".format(result["SNOW_PERCENT"]).replace(".", ",")
        assert "  Neige : {} % des pixels valides".format(snow) in log.infos
        assert "  Altitude de la limite d'enneigement : {:.0f} m".format(result["SNOWLINE_ELEVATION"]) in log.infos
    finally:
        switch_language(neve_provider, "en_GB")


def test_temporary_outputs_are_named_after_the_scene(neve_provider, theia, tmp_path):
    """Issue 17: a temporary output is "snow_map_T31TCH_2021-06-15.tif", not QGIS's "OUTPUT.tif", so that the
    report of the next run names its input usefully."""
    scene, product, dem = theia
    refined = run("neve:refinecloudmask", {"INPUT_PRODUCT": product, "SHADOWS": False,
                                           "OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_CLASSES": "TEMPORARY_OUTPUT"})
    assert os.path.basename(refined["OUTPUT"]) == "refined_cloud_mask_clm_bits_T31TCH_2021-06-15.tif"
    assert os.path.basename(refined["OUTPUT_CLASSES"]) == "refined_cloud_classes_T31TCH_2021-06-15.tif"
    assert os.path.exists(refined["OUTPUT"])
    result = run("neve:snowmap", {"INPUT_PRODUCT": product, "CLOUD_MASK": refined["OUTPUT"],
                                  "OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_HTML_FILE": "TEMPORARY_OUTPUT"})
    assert os.path.basename(result["OUTPUT"]) == "snow_map_T31TCH_2021-06-15.tif"
    assert os.path.basename(result["OUTPUT_HTML_FILE"]) == "report_T31TCH_2021-06-15.html"
    with open(result["OUTPUT_HTML_FILE"], encoding="utf-8") as f:
        page = f.read()
    assert "refined_cloud_mask_clm_bits_T31TCH_2021-06-15.tif" in page and "OUTPUT.tif" not in page
