"""The options of LIS that are off by default (``strict_cloud_mask``, "pass 1.5" ``rm_snow_inside_cloud``),
the water mask (LIS 1.11) and the shaded snow, against a step-by-step reimplementation of LIS 1.5.

The reference (:func:`lis15`) follows ``python/s2snow/snow_detector.py`` of LIS 1.5 step by step, on whole
arrays, as LIS does it: pass 1; a working copy of the cloud mask; pass 1.5 with scipy's ``label`` over the
whole image, the objects taken one after the other in the order of their labels, each dilated over the whole
image by LIS's disk, its ring read in the snow mask as the loop leaves it, the cloud fraction from a
``bincount`` of the ring's cloud values, the removed objects then written into the cloud copy; the refined
cloud mask with LIS's "donut" condition (the cloud copy differs from the original); the snowline histogram
over the pass-1 snow and the cloud copy; pass 2; the final mask with or without the strict condition. The
240 m red comes from GDAL (``test_snowmap.coarse_red_lis``), not from Névé's code.
"""
import math

import numpy as np
import pytest
from scipy import ndimage

from helpers import read_raster, run, write_raster
from test_snowmap import LIS, coarse_red_lis

OPTIONS = dict(radius=5, threshold=0.85, min_area=25000)


# --------------------------------------------------------------------------------------------------
# The reference: LIS 1.5, step by step
# --------------------------------------------------------------------------------------------------

def lis_pass1_5(snow_mask, cloud_mask, radius, threshold, min_area):
    """LIS 1.5 ``pass1_5`` on 0/1 uint8 arrays: returns the updated (snow, cloud) arrays."""
    initial = snow_mask.copy()
    labels, count = ndimage.label(snow_mask)
    y, x = np.ogrid[-radius:radius + 1, -radius:radius + 1]
    structure = np.zeros((2 * radius + 1, 2 * radius + 1))
    structure[x ** 2 + y ** 2 <= radius ** 2] = 1
    values, sizes = np.unique(labels, return_counts=True)
    area = dict(zip(values.tolist(), sizes.tolist()))
    for label in range(1, count + 1):
        if area[label] <= min_area:
            continue
        grown = ndimage.binary_dilation(np.where(labels == label, 1, 0), structure)
        ring = np.where((snow_mask == 0) & (grown == 1))
        histogram = np.bincount(cloud_mask[ring])
        fraction = 0
        if len(histogram) > 1:
            fraction = float(histogram[1]) / (histogram[0] + histogram[1])
        if fraction > threshold:
            snow_mask = np.where(labels == label, 0, snow_mask)
    cloud_mask = np.where((snow_mask == 0) & (initial == 1), 1, cloud_mask)
    return snow_mask, cloud_mask


def lis15(green, red, swir, all_cloud, shadow, high, dem, coarse, strict=False, pass1_5=None, water=None,
          p=LIS):
    """The LIS 1.5 map from 20 m DN (nodata -10000), the cloud layers, a DEM and the GDAL 240 m red (DN).
    ``pass1_5``: None, or a dict of radius, threshold, min_area. ``water``: LIS 1.11's water mask, whose
    pixels are never snow here (Névé's choice; LIS 1.11 makes them no data). Returns (map, zs, pass1)."""
    g, r, s = (np.asarray(a, np.float64) for a in (green, red, swir))
    no_data = swir == -10000
    with np.errstate(divide="ignore", invalid="ignore"):
        ndsi = (g - s) / (g + s)
    all_cloud_u8 = all_cloud.astype(np.uint8)
    pass1 = ((all_cloud_u8 != 1) & (ndsi > p["ndsi1"]) & (r > p["red1"])).astype(np.uint8)
    if water is not None:
        pass1[water] = 0
    cloud_pass1 = all_cloud_u8.copy()
    if pass1_5 is not None:
        pass1, cloud_pass1 = lis_pass1_5(pass1, cloud_pass1, **pass1_5)
    coarse_valid = coarse != -10000
    donuts = all_cloud_u8 != cloud_pass1
    refined = (all_cloud & coarse_valid & (coarse > p["dark"])) | shadow | high | donuts
    back = all_cloud & (r > p["back"])
    snow_fraction = pass1.sum() / pass1.size
    zs = None
    if dem is not None:
        low, top = float(dem.min()), float(dem.max())
        n = int((top - low) // p["dz"])
        width = (top - low) / n
        index = np.minimum(np.floor((dem - low) / width), n - 1)
        for i in range(n):
            band = index == i
            total, clear = band.sum(), (band & (cloud_pass1 == 0)).sum()
            if total and clear / total > p["fclear"] and (band & (pass1 == 1)).sum() / clear > p["fsnow"]:
                zs = math.floor(low + (max(i - 2, 0) + 0.5) * width - p["dz"] / 2)
                break
        if snow_fraction <= p["ftotal"]:
            zs = None
    pass2 = np.zeros(pass1.shape, bool)
    if zs is not None:
        pass2 = ~refined & (dem > zs) & (ndsi > p["ndsi2"]) & (r > p["red2"])
        if water is not None:
            pass2 &= ~water
    snow = (pass1 == 1) | pass2
    if strict:
        snow &= ~back
    out = np.where(snow, 100, np.where(refined | back, 205, 0)).astype(np.uint8)
    out[no_data] = 255
    return out, zs, pass1 == 1, cloud_pass1 == 1


# --------------------------------------------------------------------------------------------------
# Scenes
# --------------------------------------------------------------------------------------------------

def scene(seed, height=96, width=84):
    """20 m DN with snow fields of every size, some ringed by cloud, a cloud over snow with a bright red (the
    strict mask's case), a DEM rising southwards, and a strip of nodata."""
    rng = np.random.default_rng(seed)
    dem = (np.repeat(np.linspace(800, 2600, height)[:, None], width, axis=1)
           + rng.integers(0, 60, (height, width))).astype(np.float32)
    snowy = dem > 1700
    # blobs of snow anywhere, and rings of cloud around some of them
    blobs = ndimage.gaussian_filter(rng.random((height, width)), 3) > 0.52
    snowy |= blobs
    green = np.where(snowy, 6500, 2200) + rng.integers(-400, 400, (height, width))
    swir = np.where(snowy, 1100, 1900) + rng.integers(-200, 200, (height, width))
    red = np.where(snowy, 6000, 1500) + rng.integers(-500, 500, (height, width))
    cloud = ndimage.binary_dilation(blobs, iterations=3) & ~blobs
    cloud &= rng.random((height, width)) < 0.97          # rings almost complete
    cloud |= ndimage.gaussian_filter(rng.random((height, width)), 4) > 0.56
    # thin snow for pass 2 at mid slope
    thin = (dem > 1500) & (dem <= 1700) & ~blobs
    green[thin], swir[thin], red[thin] = 2600, 1400, 1000
    # bright snow under part of the cloud mask (back to cloud): strict keeps it cloud
    red[cloud & snowy] = 6000
    swir[:, :3] = -10000
    clm = np.where(cloud, 2, 0).astype(np.uint8)
    clm[60:64, 10:20] = 32                                 # a cloud shadow
    return (green.astype(np.int16), red.astype(np.int16), swir.astype(np.int16), clm, dem)


class ArraySource:
    """A ``pipeline.lis`` source over whole arrays on a 20 m grid."""

    has_tcd = has_mg2 = False

    def __init__(self, green, red, swir, clm, dem, water=None, sun=None):
        from rasterio.transform import from_origin

        from neve.plugin.core import snow
        from neve.plugin.io.raster import Grid
        from neve.plugin.pipeline import lis

        self.arrays = {"green": green, "red": red, "swir": swir, "dem": dem}
        self.layers = snow.cloud_layers_from_clm(clm)
        self.water = water
        self.has_water = water is not None
        self.has_dem = dem is not None
        self.grid = Grid(None, from_origin(600000.0, 5100000.0, 20.0, 20.0), green.shape[1], green.shape[0])
        self.dtypes = {"B3": green.dtype, "B4": red.dtype, "B11": swir.dtype}
        self.radiometry = lis.Radiometry(10000.0, {}, {"B3": -10000, "B4": -10000, "B11": -10000})
        self.sun, self.pixel_size = sun, (20.0, 20.0)

    def read(self, window):
        from neve.plugin.pipeline import lis

        rows = lis.rows_of(window)
        out = {name: values[rows] for name, values in self.arrays.items() if values is not None}
        out["layers"] = type(self.layers)(*(layer[rows] for layer in self.layers))
        if self.water is not None:
            out["water"] = self.water[rows]
        return out


def run_lis(source, block_rows=None, wanted=(), in_memory_mb=None, scratch_dir=None, **options):
    import contextlib

    from neve.plugin.pipeline import lis
    from neve.plugin.pipeline.feedback import Feedback
    from neve.plugin.pipeline.snowmap import SnowMapParams

    params = SnowMapParams(**options)
    sink = lis.ArraySink(source.grid, params.nodata_code)
    with contextlib.ExitStack() as stack:
        result = lis.run_lis(source, params, wanted, sink, Feedback(), stack, block_rows=block_rows,
                             in_memory_mb=in_memory_mb, scratch_dir=scratch_dir)
    return sink.arrays, result


def reference(tmp_path, green, red, swir, clm, dem, **kwargs):
    coarse = coarse_red_lis(red, -10000, tmp_path)
    return lis15(green, red, swir, clm > 0, (clm & 96) > 0, (clm & 128) > 0, dem, coarse.astype(np.float64),
                 **kwargs)


# --------------------------------------------------------------------------------------------------
# Pass 1.5 in core
# --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("seed", [1, 2, 3])
def test_snow_inside_cloud_is_lis_pass_1_5(seed):
    from neve.plugin.core import snow

    green, red, swir, clm, dem = scene(seed)
    ndsi = snow.ndsi(green, swir)
    snow1 = snow.first_pass(ndsi, red / 10000.0, clm > 0)
    for radius, threshold, min_area in ((5, 0.85, 20), (2, 0.5, 5), (3, 0.3, 0), (1, 0.0, 40)):
        found = snow.snow_inside_cloud(snow1, clm > 0, radius, threshold, min_area)
        removed = snow.removed_snow(found.labels, found.removed)
        want_snow, want_cloud = lis_pass1_5(snow1.astype(np.uint8), (clm > 0).astype(np.uint8), radius, threshold,
                                            min_area)
        assert np.array_equal(snow1 & ~removed, want_snow == 1)
        assert np.array_equal((clm > 0) | removed, want_cloud == 1)
        assert found.count == ndimage.label(snow1)[1]
    # the scenes do exercise the step: some objects go, some stay
    found = snow.snow_inside_cloud(snow1, clm > 0, 5, 0.85, 20)
    assert 0 < found.removed.size < int((np.bincount(found.labels.ravel())[1:] > 20).sum())


def test_pass_1_5_takes_the_objects_in_label_order_with_the_snow_mask_as_the_loop_leaves_it():
    from neve.plugin.core import snow

    # A (label 1) and B (label 2), 3 x 3 each, one clear column between them, cloud all around. Radius 2:
    # A's ring is 22 cloud pixels of 25 (0.88), and so is B's while A is snow; once A is gone, its pixels
    # (not snow, not cloud) join B's ring: 22 of 28 (0.79). With a threshold of 0.8, A goes and B stays,
    # where a snow mask not updated in the loop would send both to cloud.
    snow1 = np.zeros((14, 20), bool)
    snow1[3:6, 3:6] = True                  # A
    snow1[3:6, 7:10] = True                 # B
    cloud = np.zeros((14, 20), bool)
    cloud[0:9, 0:13] = True
    cloud[snow1] = False
    cloud[3:6, 6] = False                   # the clear column between A and B
    found = snow.snow_inside_cloud(snow1, cloud, dilation_radius=2, threshold=0.8, min_area=0)
    assert found.removed.tolist() == [1]
    want_snow, _ = lis_pass1_5(snow1.astype(np.uint8), cloud.astype(np.uint8), 2, 0.8, 0)
    assert np.array_equal(snow1 & ~snow.removed_snow(found.labels, found.removed), want_snow == 1)


def test_pass_1_5_areas_and_thresholds_are_strict():
    from neve.plugin.core import snow

    snow1 = np.zeros((9, 9), bool)
    snow1[3:6, 3:6] = True                  # 9 pixels
    cloud = ~snow1
    cloud[0, :] = False                     # a ring of radius 1 is all cloud
    assert snow.snow_inside_cloud(snow1, cloud, 1, 0.99, 8).removed.tolist() == [1]
    assert snow.snow_inside_cloud(snow1, cloud, 1, 0.99, 9).removed.size == 0      # 9 is not > 9
    assert snow.snow_inside_cloud(snow1, cloud, 1, 1.0, 8).removed.size == 0       # 1.0 is not > 1.0
    # no cloud around: fraction 0, never above a threshold of 0
    assert snow.snow_inside_cloud(snow1, np.zeros_like(snow1), 1, 0.0, 0).removed.size == 0
    assert snow.disk(2).astype(int).tolist() == [[0, 0, 1, 0, 0], [0, 1, 1, 1, 0], [1, 1, 1, 1, 1],
                                                  [0, 1, 1, 1, 0], [0, 0, 1, 0, 0]]


# --------------------------------------------------------------------------------------------------
# The composition (pipeline.lis.run_lis), in strips and with scratch files
# --------------------------------------------------------------------------------------------------

CASES = [
    dict(),
    dict(strict_cloud_mask=True),
    dict(remove_snow_inside_cloud=True, remove_snow_inside_cloud_min_area=20),
    dict(remove_snow_inside_cloud=True, remove_snow_inside_cloud_min_area=5,
         remove_snow_inside_cloud_dilation_radius=2, remove_snow_inside_cloud_threshold=0.5, strict_cloud_mask=True),
]


@pytest.mark.parametrize("seed", [1, 4])
@pytest.mark.parametrize("options", CASES)
def test_each_option_equals_lis_1_5_step_by_step(tmp_path, seed, options):
    green, red, swir, clm, dem = scene(seed)
    pass1_5 = None
    if options.get("remove_snow_inside_cloud"):
        pass1_5 = dict(radius=options.get("remove_snow_inside_cloud_dilation_radius", 5),
                       threshold=options.get("remove_snow_inside_cloud_threshold", 0.85),
                       min_area=options["remove_snow_inside_cloud_min_area"])
    want, zs, pass1, cloud_pass1 = reference(tmp_path, green, red, swir, clm, dem,
                                             strict=options.get("strict_cloud_mask", False), pass1_5=pass1_5)
    source = ArraySource(green, red, swir, clm, dem)
    whole, result = run_lis(source, wanted=("bits",), **options)
    assert result.zs == zs
    # pass 2 runs, except where pass 1.5 with a small radius and threshold sends the snowfield to cloud
    assert (zs is None) == (options.get("remove_snow_inside_cloud_threshold", 1) == 0.5)
    assert np.array_equal(whole["map"], want)
    # the bit field: pass-1 snow after pass 1.5, the cloud mask it updated (bit 2), the original one (bit 4)
    assert np.array_equal((whole["bits"] & 1) != 0, pass1)
    assert np.array_equal((whole["bits"] & 4) != 0, cloud_pass1)
    assert np.array_equal((whole["bits"] & 16) != 0, clm > 0)
    # strips of any height and scratch files give the same
    strips, strip_result = run_lis(source, block_rows=7, wanted=("bits",), in_memory_mb=0, scratch_dir=str(tmp_path),
                                   **options)
    assert np.array_equal(strips["map"], whole["map"]) and np.array_equal(strips["bits"], whole["bits"])
    assert strip_result.zs == zs
    if pass1_5:
        assert result.removed_objects > 0
        assert result.removed_pixels == int(np.count_nonzero(cloud_pass1 & (clm == 0)))


def test_the_options_change_the_map_where_lis_says():
    green, red, swir, clm, dem = scene(1)
    source = ArraySource(green, red, swir, clm, dem)
    default, _ = run_lis(source)
    strict, _ = run_lis(source, strict_cloud_mask=True)
    back = (clm > 0) & (red > 1000)
    changed = default["map"] != strict["map"]
    # strict: only snow of the back-to-cloud mask changes, to cloud
    assert changed.any() and (default["map"][changed] == 100).all() and (strict["map"][changed] == 205).all()
    assert back[changed].all()
    removed, result = run_lis(source, remove_snow_inside_cloud=True, remove_snow_inside_cloud_min_area=20)
    changed = default["map"] != removed["map"]
    # pass 1.5: snow objects ringed by cloud go to cloud (pass 2 cannot take them back: refined cloud)
    assert result.removed_pixels > 0 and (removed["map"][changed] == 205).sum() >= result.removed_pixels


# --------------------------------------------------------------------------------------------------
# Water
# --------------------------------------------------------------------------------------------------

def test_water_is_never_snow_and_gives_the_qc_water_bit(tmp_path):
    green, red, swir, clm, dem = scene(2)
    water = np.zeros(green.shape, bool)
    water[70:90, 40:80] = True              # a lake where snow would be found
    source = ArraySource(green, red, swir, clm, dem, water=water)
    want, zs, _pass1, _cloud = reference(tmp_path, green, red, swir, clm, dem, water=water)
    out, result = run_lis(source, wanted=("qc",), water_source="layer")
    assert np.array_equal(out["map"], want) and result.zs == zs
    assert not (out["map"][water] == 100).any()
    assert np.array_equal((out["qc"] & 4) != 0, water)
    # without the option the same water only fills the QC bit, and snow is found on it
    plain, _ = run_lis(source, wanted=("qc",))
    assert (plain["map"][water] == 100).any() and np.array_equal((plain["qc"] & 4) != 0, water)


# --------------------------------------------------------------------------------------------------
# Through neve:snowmap (layers) and the preview
# --------------------------------------------------------------------------------------------------

def layers_of(tmp_path, green, red, swir, clm, dem, water=None, tcd=None):
    out = {}
    for name, array, nodata in (("GREEN", green, -10000), ("RED", red, -10000), ("SWIR", swir, -10000),
                                ("CLOUD_MASK", clm, None), ("DEM", dem, None), ("WATER_MASK", water, None),
                                ("TCD", tcd, None)):
        if array is not None:
            out[name] = write_raster(tmp_path / (name.lower() + ".tif"), np.asarray(array), pixel_size=(20.0, 20.0),
                                     nodata=nodata)
    return out


def test_snowmap_options_through_processing(neve_provider, tmp_path):
    green, red, swir, clm, dem = scene(3)
    water = np.zeros(green.shape, np.uint8)
    water[70:90, 40:80] = 1
    layers = layers_of(tmp_path, green, red, swir, clm, dem, water=water)
    want, zs, _, _ = reference(tmp_path, green, red, swir, clm, dem, strict=True, water=water == 1,
                               pass1_5=dict(radius=3, threshold=0.8, min_area=10))
    result = run("neve:snowmap", dict(layers, CLOUD_MASK_TYPE=0, OUTPUT=str(tmp_path / "snow.tif"),
                                      STRICT_CLOUD_MASK=True, REMOVE_SNOW_INSIDE_CLOUD=True,
                                      REMOVE_SNOW_INSIDE_CLOUD_DILATION_RADIUS=3,
                                      REMOVE_SNOW_INSIDE_CLOUD_THRESHOLD=0.8,
                                      REMOVE_SNOW_INSIDE_CLOUD_MIN_AREA=10,
                                      OUTPUT_HTML_FILE=str(tmp_path / "report.html")))
    assert np.array_equal(read_raster(result["OUTPUT"]), want)
    assert result["SNOWLINE_ELEVATION"] == zs
    report = open(str(tmp_path / "report.html"), encoding="utf-8").read()
    assert "pass 1.5" in report and "Strict cloud mask" in report


def test_snowmap_water_source_choices_and_messages(neve_provider, tmp_path):
    from qgis.core import QgsProcessingException

    green, red, swir, clm, dem = scene(3)
    layers = layers_of(tmp_path, green, red, swir, clm, dem)
    out = str(tmp_path / "snow.tif")
    with pytest.raises(QgsProcessingException, match="no water mask layer was given"):
        run("neve:snowmap", dict(layers, CLOUD_MASK_TYPE=0, OUTPUT=out, WATER_SOURCE=2))
    with pytest.raises(QgsProcessingException, match="has no water mask"):
        run("neve:snowmap", dict(layers, CLOUD_MASK_TYPE=0, OUTPUT=out, WATER_SOURCE=1))
    with pytest.raises(QgsProcessingException, match="needs the sun angles"):
        run("neve:snowmap", dict(layers, CLOUD_MASK_TYPE=0, OUTPUT=out, SHADED_SNOW=True,
                                 TCD=write_raster(tmp_path / "tcd.tif", np.zeros(green.shape, np.uint8),
                                                  pixel_size=(20.0, 20.0)),
                                 OUTPUT_QC=str(tmp_path / "qc.tif")))


def test_shaded_snow_is_qc_bit_6(neve_provider, tmp_path):
    from neve.plugin.core import relief

    height, width = 60, 80
    # a ridge running north-south, crest at column 40, snow everywhere, the sun low in the east
    x = np.arange(width) * 20.0
    dem = np.repeat(np.maximum(0.0, 1500.0 - np.abs(x - 800.0) * 2.0)[None, :], height, axis=0).astype(np.float32)
    dem += 1000.0
    green = np.full((height, width), 6500, np.int16)
    swir = np.full((height, width), 1100, np.int16)
    red = np.full((height, width), 6000, np.int16)
    red[:, :10] = 1500                      # no snow there
    clm = np.zeros((height, width), np.uint8)
    tcd = np.zeros((height, width), np.uint8)
    layers = layers_of(tmp_path, green, red, swir, clm, dem, tcd=tcd)
    result = run("neve:snowmap", dict(layers, CLOUD_MASK_TYPE=0, OUTPUT=str(tmp_path / "snow.tif"),
                                      OUTPUT_QC=str(tmp_path / "qc.tif"), SHADED_SNOW=True, SUN_ZENITH=70.0,
                                      SUN_AZIMUTH=100.0))
    qc, snow_map = read_raster(result["OUTPUT_QC"]), read_raster(result["OUTPUT"])
    # the layers' grid starts at (600000, 5100000): the digital lines of the lattice of that grid
    shade = relief.cast_shadows(dem, (20.0, 20.0), 70.0, 100.0, origin=(5100000 // 20, 600000 // 20))
    assert shade.any() and shade[:, 40:].sum() == 0                 # west of the crest only
    assert np.array_equal((qc & 64) != 0, shade & (snow_map == 100))
    assert ((qc & 64) != 0).sum() < shade.sum()                     # shaded but not snow: no flag
    # off by default: bit 6 clear
    plain = run("neve:snowmap", dict(layers, CLOUD_MASK_TYPE=0, OUTPUT=str(tmp_path / "snow2.tif"),
                                     OUTPUT_QC=str(tmp_path / "qc2.tif")))
    assert not (read_raster(plain["OUTPUT_QC"]) & 64).any()


@pytest.mark.parametrize("options", [dict(STRICT_CLOUD_MASK=True),
                                     dict(REMOVE_SNOW_INSIDE_CLOUD=True, REMOVE_SNOW_INSIDE_CLOUD_MIN_AREA=20)])
def test_the_preview_at_20_m_has_the_options_of_the_algorithm(neve_provider, tmp_path, options):
    from neve.plugin.io.products import open_bands
    from neve.plugin.pipeline.preview import preview_grid, read_snow_view, snow_preview

    green, red, swir, clm, dem = scene(4)
    layers = layers_of(tmp_path, green, red, swir, clm, dem)
    result = run("neve:snowmap", dict(layers, CLOUD_MASK_TYPE=0, OUTPUT=str(tmp_path / "snow.tif"), **options))
    with open_bands({"B3": layers["GREEN"], "B4": layers["RED"], "B11": layers["SWIR"]},
                    {"CLM": layers["CLOUD_MASK"]}) as product:
        whole = product.grid(20)
        grid = preview_grid(whole, whole.bounds, whole.width, whole.height)
        view = read_snow_view(product, grid, layers["DEM"])
    preview, lis_result = snow_preview(view, options)
    assert np.array_equal(preview, read_raster(result["OUTPUT"]))
    assert lis_result.zs == result["SNOWLINE_ELEVATION"]


def test_the_product_water_is_never_snow(neve_provider, tmp_path):
    import glob
    import os

    from synthetic import Scene, make_dem, make_theia_product

    scene = Scene.small(size=240)
    product = make_theia_product(str(tmp_path), scene)
    dem = make_dem(str(tmp_path / "dem.tif"), scene)
    mg2 = read_raster(glob.glob(os.path.join(product, "MASKS", "*_MG2_R2.tif"))[0])
    water = (mg2 & 1) != 0
    tcd = write_raster(tmp_path / "tcd.tif", np.zeros(mg2.shape, np.uint8), pixel_size=(20.0, 20.0),
                       origin=(scene.ulx, scene.uly), crs=scene.crs)
    outputs = dict(OUTPUT=str(tmp_path / "snow.tif"), OUTPUT_QC=str(tmp_path / "qc.tif"), TCD=tcd)
    result = run("neve:snowmap", dict(outputs, INPUT_PRODUCT=product, DEM=dem, WATER_SOURCE=1))
    snow_map, qc = read_raster(result["OUTPUT"]), read_raster(result["OUTPUT_QC"])
    assert water.any() and not (snow_map[water] == 100).any()
    assert np.array_equal((qc & 4) != 0, water)
    plain = run("neve:snowmap", dict(INPUT_PRODUCT=product, DEM=dem, OUTPUT=str(tmp_path / "plain.tif")))
    changed = read_raster(plain["OUTPUT"]) != snow_map
    assert water[changed].all()         # only water pixels change
