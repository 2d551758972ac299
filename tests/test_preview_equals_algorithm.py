"""One snow recipe, one cloud recipe: the preview of the "Tune thresholds" panel at 20 m equals ``neve:snowmap``
and ``neve:refinecloudmask`` (shadow search off) run on the same window, pixel for pixel, for several sets of
thresholds (pass 2 run and skipped; buffers of 0 to 500 m, water thresholds low and high).

The window is cut out of a generated Theia product (bands at 10 and 20 m, CLM, DEM) as layers; the algorithm
runs on those layers through ``processing.run``, the preview reads the same layers through the panel's
``PreviewSource`` over their whole extent at 20 m.
"""
import numpy as np
import pytest

from helpers import read_raster, run
from synthetic import Scene, make_dem, make_theia_product

# (row, column, height, width) of the window on the product's 20 m grid
WINDOW = (30, 20, 160, 180)

THRESHOLD_SETS = [
    {},                                                           # the LIS defaults: pass 2 runs
    {"NDSI_PASS1": 0.30, "RED_PASS1": 0.15, "NDSI_PASS2": 0.10, "DISTANCE": 0, "THRESHOLD": 0.02},
    {"RED_DARKCLOUD": 0.60, "RED_BACKTOCLOUD": 0.25, "DISTANCE": 240, "THRESHOLD": 0.08},
    {"RED_DARKCLOUD": 0.05, "NDSI_PASS2": 0.05, "RED_PASS2": 0.01, "DISTANCE": 500, "THRESHOLD": 0.3},
    {"NDSI_PASS1": 0.97, "RED_PASS1": 0.95, "NDSI_PASS2": 0.9, "RED_PASS2": 0.9},   # no pass-1 snow: no pass 2
    {"NDSI_PASS1": 0.80, "RED_PASS1": 0.75, "DISTANCE": 60},       # too little snow for pass 2
]
SNOW_NAMES = ("NDSI_PASS1", "RED_PASS1", "NDSI_PASS2", "RED_PASS2", "RED_DARKCLOUD", "RED_BACKTOCLOUD")


def crop(source, target, window, factor):
    """Cut ``window`` (on the 20 m grid) out of ``source`` whose pixels are ``factor`` times finer."""
    from osgeo import gdal

    gdal.UseExceptions()
    row, col, height, width = window
    gdal.Translate(target, source, srcWin=[col * factor, row * factor, width * factor, height * factor],
                   creationOptions=["TILED=YES", "COMPRESS=DEFLATE"])
    return target


@pytest.fixture(scope="module")
def layers(tmp_path_factory):
    import glob
    import os

    folder = tmp_path_factory.mktemp("window")
    scene = Scene.small(size=480)
    product = make_theia_product(str(folder), scene)
    dem = make_dem(str(folder / "dem.tif"), scene)

    def member(pattern):
        return glob.glob(os.path.join(product, pattern))[0]

    return {
        "B3": crop(member("*_FRE_B3.tif"), str(folder / "b3.tif"), WINDOW, 2),
        "B4": crop(member("*_FRE_B4.tif"), str(folder / "b4.tif"), WINDOW, 2),
        "B11": crop(member("*_FRE_B11.tif"), str(folder / "b11.tif"), WINDOW, 1),
        "B12": crop(member("*_FRE_B12.tif"), str(folder / "b12.tif"), WINDOW, 1),
        "CLM": crop(member("MASKS/*_CLM_R2.tif"), str(folder / "clm.tif"), WINDOW, 1),
        "MG2": crop(member("MASKS/*_MG2_R2.tif"), str(folder / "mg2.tif"), WINDOW, 1),
        "DEM": crop(dem, str(folder / "dem_window.tif"), WINDOW, 1),
    }


def preview_maps(layers, threshold_sets):
    from neve.plugin.pipeline.preview import preview_grid
    from neve.ui.preview import PreviewSource, compute_preview, read_view
    from neve.ui.tune_panel import default_values

    source = PreviewSource(bands=tuple((b, layers[b]) for b in ("B3", "B4", "B11", "B12")),
                           masks=(("CLM", layers["CLM"]), ("MG2", layers["MG2"])), dem=layers["DEM"])
    with source.open() as product:
        whole = product.grid(20)
        grid = preview_grid(whole, whole.bounds, whole.width, whole.height)
        assert (grid.width, grid.height, grid.resolution) == (whole.width, whole.height, 20.0)
        data = read_view(product, grid, source.dem)
    maps = []
    assert data.sunglint == "never"     # band layers: no angles
    for changes in threshold_sets:
        values = dict(default_values(), **changes)
        maps.append(compute_preview(data, values))
    return maps


@pytest.mark.slow
def test_the_preview_at_20_m_is_the_snow_map_of_the_algorithm_pixel_for_pixel(neve_provider, layers, tmp_path):
    previews = preview_maps(layers, THRESHOLD_SETS)
    pass2 = []
    for index, (changes, (preview, _cloud, statistics)) in enumerate(zip(THRESHOLD_SETS, previews)):
        out = str(tmp_path / "snow_{}.tif".format(index))
        snow_changes = {name: value for name, value in changes.items() if name in SNOW_NAMES}
        results = run("neve:snowmap", dict(snow_changes, GREEN=layers["B3"], RED=layers["B4"], SWIR=layers["B11"],
                                           CLOUD_MASK=layers["CLM"], CLOUD_MASK_TYPE=0, DEM=layers["DEM"],
                                           OUTPUT=out, OUTPUT_HTML_FILE=None))
        algorithm = read_raster(out)
        differing = int(np.count_nonzero(algorithm != preview))
        assert differing == 0, "threshold set {}: {} pixels differ".format(changes, differing)
        assert statistics["snowline"] == results["SNOWLINE_ELEVATION"]
        assert statistics["snow"] == pytest.approx(results["SNOW_PERCENT"])
        assert statistics["cloud"] == pytest.approx(results["CLOUD_PERCENT"])
        pass2.append(results["SNOWLINE_ELEVATION"] is not None)
    # the sets cover both branches of the method: pass 2 run and skipped
    assert any(pass2) and not all(pass2)
    assert len({p[0].tobytes() for p in previews}) >= 4   # and maps that differ


@pytest.mark.slow
def test_the_preview_at_20_m_has_the_refined_cloud_classes_of_the_algorithm(neve_provider, layers, tmp_path):
    from neve.plugin.pipeline.preview import MASK_CLOUD, MASK_WATER_CLOUD
    from neve.ui.tune_panel import default_values

    previews = preview_maps(layers, THRESHOLD_SETS)
    buffers, water_clouds = set(), set()
    for index, (changes, (_snow, preview, _statistics)) in enumerate(zip(THRESHOLD_SETS, previews)):
        values = dict(default_values(), **changes)
        out = str(tmp_path / "classes_{}.tif".format(index))
        run("neve:refinecloudmask", {
            "CLM": layers["CLM"], "SWIR": layers["B12"], "WATER": layers["MG2"], "WATER_KIND": 1,   # MG2 bits
            "PRESET": 3, "DISTANCE": values["DISTANCE"], "THRESHOLD": values["THRESHOLD"],        # custom
            "THRESHOLD_SUNGLINT": values["THRESHOLD_SUNGLINT"], "SUNGLINT_ANGLE": values["SUNGLINT_ANGLE"],
            "SUNGLINT": 3, "SHADOWS": False, "OUTPUT": str(tmp_path / "clm_{}.tif".format(index)),
            "OUTPUT_CLASSES": out})
        algorithm = read_raster(out)
        shown = np.where(preview == MASK_WATER_CLOUD, MASK_CLOUD, preview)   # water clouds are clouds
        differing = int(np.count_nonzero(algorithm != shown))
        assert differing == 0, "threshold set {}: {} pixels differ".format(changes, differing)
        buffers.add(int(np.count_nonzero(algorithm == 3)))
        water_clouds.add(int(np.count_nonzero(preview == MASK_WATER_CLOUD)))
    assert len(buffers) >= 3 and len(water_clouds) >= 2 and max(water_clouds) > 0   # the sets change the mask
