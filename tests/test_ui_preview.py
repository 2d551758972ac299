"""The live preview: its grid, its science on a hand-made scene whose every pixel is worked out below, the
worker thread that computes only the newest request, and the layers it leaves (none, once stopped)."""
import os

import numpy as np
import pytest
import rasterio
from affine import Affine
from qgis.core import QgsProject

from helpers import UTM32N, write_raster

SIZE = 40          # pixels a side, 20 m: 800 m x 800 m
ORIGIN = (600000.0, 5100000.0)
DISTANCE = 40      # m: two pixels, small enough to follow by hand

# -- the hand-made scene -----------------------------------------------------------------------------
# rows 0-9   snow:   green 0.80, red 0.70, SWIR 0.10 -> NDSI 0.778; DEM 2000 m
# rows 10-19 cloud:  CLM bit 1; green 0.90, red 0.90, SWIR 0.50 -> NDSI 0.286; DEM 1900 m
# rows 20-29 land:   green 0.10, red 0.10, SWIR 0.30 -> NDSI -0.5; DEM 500 m
# rows 30-39 lake:   MG2 bit 0 (water); green 0.05, red 0.03, SWIR (B11) 0.02; B12 0.02 in columns
#                    0-19, 0.06 in columns 20-39; DEM 400 m
# column 39          nodata in every band (-10000)
REGIONS = {  # rows -> (green, red, B11, B12, CLM, MG2, DEM)
    range(0, 10): (0.80, 0.70, 0.10, 0.10, 0, 0, 2000.0),
    range(10, 20): (0.90, 0.90, 0.50, 0.50, 2, 0, 1900.0),
    range(20, 30): (0.10, 0.10, 0.30, 0.30, 0, 0, 500.0),
    range(30, 40): (0.05, 0.03, 0.02, 0.02, 0, 1, 400.0),
}


def write_scene(folder):
    """The scene as band rasters (int16 DN x 10000, nodata -10000), CLM, MG2 and DEM; returns sources."""
    layers = {name: np.zeros((SIZE, SIZE), dtype) for name, dtype in (
        ("B3", np.int16), ("B4", np.int16), ("B11", np.int16), ("B12", np.int16), ("CLM", np.uint8),
        ("MG2", np.uint8), ("DEM", np.float32))}
    for rows, values in REGIONS.items():
        for name, value in zip(("B3", "B4", "B11", "B12", "CLM", "MG2", "DEM"), values):
            layers[name][rows.start:rows.stop] = round(value * 10000) if name.startswith("B") else value
    layers["B12"][30:40, 20:40] = 600
    for band in ("B3", "B4", "B11", "B12"):
        layers[band][:, 39] = -10000
    paths = {}
    for name, array in layers.items():
        nodata = -10000 if name.startswith("B") else None
        paths[name] = write_raster(os.path.join(str(folder), name + ".tif"), array, pixel_size=(20.0, 20.0),
                                   origin=ORIGIN, nodata=nodata)
    return paths


def expected_snow_map(red_darkcloud=0.30):
    """Snow map by hand. Snowline: DEM 400..2000 m gives 16 bins of 100 m; the first snowy bin is the
    last one (the snow rows; the cloud rows share it but are not clear), i.e. bin 15; two bins lower,
    bin 13 [1700, 1800): zs = 1700 m, and pass 2 runs (pass-1 snow on 390 of 1600 pixels)."""
    out = np.zeros((SIZE, SIZE), np.uint8)
    out[0:10] = 100
    # cloud rows: red averaged to 240 m stays far above 0.30 there (0.5 or more), so they stay cloud;
    # with a dark-cloud threshold above every red value (0.95) they leave the cloud mask, and pass 2
    # (DEM 1900 > 1700, NDSI 0.286 > 0.15, red 0.90 > 0.04) makes them snow
    out[10:20] = 205 if red_darkcloud < 0.5 else 100
    out[:, 39] = 255
    return out


def expected_cloud_mask():
    """Refined cloud mask by hand, 40 m buffer (2 pixels: offsets with dx^2 + dy^2 <= 4)."""
    out = np.zeros((SIZE, SIZE), np.uint8)
    out[8:10] = 3          # buffer above the cloud rows
    out[20:22] = 3         # and below
    out[10:20] = 1         # the product's cloud
    out[28:30, 20:40] = 3  # buffer above the water clouds
    out[29, 19] = 3        # diagonal neighbour (1, 1)
    out[30:40, 18:20] = 3  # buffer left of them
    out[30:40, 20:40] = 4  # water clouds (MASK_WATER_CLOUD): B12 0.06 > 0.04 (no angles: no sunglint)
    out[:, 39] = 255
    return out


def values(**changes):
    from neve.ui.tune_panel import default_values

    result = default_values()
    result["DISTANCE"] = DISTANCE
    result.update(changes)
    return result


@pytest.fixture
def scene(tmp_path, qgis_app):
    return write_scene(tmp_path)


def band_source(paths, dem=True):
    from neve.ui.preview import PreviewSource

    return PreviewSource(bands=tuple((b, paths[b]) for b in ("B3", "B4", "B11", "B12")),
                         masks=(("CLM", paths["CLM"]), ("MG2", paths["MG2"])), dem=paths["DEM"] if dem else None)


def whole_scene_view():
    from neve.ui.preview import View

    crs = rasterio.crs.CRS.from_string(UTM32N).to_wkt()
    return View((ORIGIN[0], ORIGIN[1] - SIZE * 20, ORIGIN[0] + SIZE * 20, ORIGIN[1]), crs, SIZE, SIZE)


# -- the grid ---------------------------------------------------------------------------------------

def tile_grid():
    from neve.plugin.io.raster import Grid

    return Grid(UTM32N, Affine(20.0, 0, 600000.0, 0, -20.0, 5100000.0), 5490, 5490)


def test_a_whole_tile_on_a_1000_pixel_screen_is_previewed_at_120_m():
    from neve.ui.preview import preview_grid

    # 109.8 km on 1000 pixels: 109.8 m per screen pixel, rounded up to 6 x 20 m
    grid = preview_grid(tile_grid(), (600000.0, 4990200.0, 709800.0, 5100000.0), 1000, 1000)
    assert grid.resolution == 120.0
    assert (grid.width, grid.height) == (915, 915)  # ceil(109800 / 120)
    assert grid.transform.c == 600000.0 and grid.transform.f == 5100000.0


def test_a_zoomed_view_uses_the_product_20_m_pixels_aligned_on_its_grid():
    from neve.ui.preview import preview_grid

    # 10 km x 5 km on 1000 x 500 pixels: 10 m per screen pixel, never finer than 20 m
    grid = preview_grid(tile_grid(), (610010.0, 5090000.0, 620010.0, 5095000.0), 1000, 500)
    assert grid.resolution == 20.0
    assert (grid.transform.c, grid.transform.f) == (610000.0, 5095000.0)  # a corner of a 20 m pixel
    assert (grid.width, grid.height) == (501, 250)  # ceil(10010 / 20), 5000 / 20


def test_a_view_beyond_the_product_is_clipped_or_misses_it():
    from neve.ui.preview import preview_grid

    grid = preview_grid(tile_grid(), (700000.0, 5000000.0, 720000.0, 5020000.0), 1000, 1000)
    assert grid.resolution == 20.0  # 20 m per screen pixel
    assert (grid.transform.c, grid.transform.f) == (700000.0, 5020000.0)
    assert (grid.width, grid.height) == (490, 1000)  # the tile ends at 709800
    assert preview_grid(tile_grid(), (800000.0, 5000000.0, 810000.0, 5010000.0), 100, 100) is None


def test_the_preview_grid_never_exceeds_1000_pixels_a_side():
    from neve.ui.preview import preview_grid

    # a tall, narrow screen: 30 km wide on 3000 pixels would be 10 m, but 1000 pixels at most: 40 m
    grid = preview_grid(tile_grid(), (600000.0, 5070000.0, 630000.0, 5100000.0), 3000, 3000)
    assert grid.resolution == 40.0 and (grid.width, grid.height) == (750, 750)


# -- the science on the hand-made scene ---------------------------------------------------------------

def test_read_and_compute_give_the_hand_worked_snow_map_cloud_mask_and_statistics(scene):
    from neve.ui.preview import compute_preview, preview_grid, read_view

    source = band_source(scene)
    product = source.open()
    try:
        grid = preview_grid(product.grid(20), (ORIGIN[0], ORIGIN[1] - 800, ORIGIN[0] + 800, ORIGIN[1]),
                            SIZE, SIZE)
        assert (grid.width, grid.height, grid.resolution) == (SIZE, SIZE, 20.0)
        data = read_view(product, grid, source.dem)
    finally:
        product.close()
    snow_map, cloud_mask, statistics = compute_preview(data, values())
    np.testing.assert_array_equal(snow_map, expected_snow_map())
    np.testing.assert_array_equal(cloud_mask, expected_cloud_mask())
    valid = SIZE * (SIZE - 1)
    assert statistics["valid"] == valid
    assert statistics["snow"] == pytest.approx(100 * 390 / valid)
    assert statistics["cloud"] == pytest.approx(100 * 390 / valid)
    assert statistics["clear"] == pytest.approx(100 * 780 / valid)
    refined = 390 + 4 * 39 + 10 * 19 + 2 * 19 + 1 + 2 * 10  # cloud, its buffer, water clouds, theirs
    assert statistics["refined_cloud"] == pytest.approx(100 * refined / valid)
    assert statistics["snowline"] == 1700 and statistics["has_dem"]

    # NDSI histogram of the valid pixels: 390 at 0.778, 390 at 0.286, 390 at -0.5, 390 at 0.429
    counts, edges = data.histograms["ndsi"]
    assert counts.sum() == valid
    assert counts[np.searchsorted(edges, 0.7778) - 1] == 390
    counts, edges = data.histograms["swir_water"]  # B12 over the lake: 200 at 0.02, 190 at 0.06
    assert counts.sum() == 390 and counts[4] == 200 and counts[12] == 190  # bins of 0.005

    # moving thresholds: dark clouds leave the cloud mask and become pass-2 snow; no buffer
    snow_map, cloud_mask, _statistics = compute_preview(data, values(RED_DARKCLOUD=0.95, DISTANCE=0))
    np.testing.assert_array_equal(snow_map, expected_snow_map(red_darkcloud=0.95))
    assert not (cloud_mask == 3).any()
    # a water threshold above the lake's SWIR: no cloud over water
    _snow_map, cloud_mask, _statistics = compute_preview(data, values(THRESHOLD=0.06))
    assert not (cloud_mask == 4).any()  # 0.06 is not strictly above 0.06


def test_without_dem_there_is_no_snowline_and_no_pass_2(scene):
    from neve.ui.preview import compute_preview, preview_grid, read_view

    source = band_source(scene, dem=False)
    with source.open() as product:
        grid = preview_grid(product.grid(20), product.grid(20).bounds, SIZE, SIZE)
        data = read_view(product, grid)
    snow_map, _cloud_mask, statistics = compute_preview(data, values(RED_DARKCLOUD=0.95))
    assert statistics["snowline"] is None and not statistics["has_dem"]
    assert (snow_map[10:20, :39] == 205).all()  # out of the dark-cloud mask, but back to cloud (red 0.9)


# -- the worker and the controller ---------------------------------------------------------------

def read_layer(layer):
    with rasterio.open(layer.source()) as dataset:
        return dataset.read(1)


def test_the_controller_shows_the_newest_result_as_two_styled_layers_and_stops_cleanly(scene, qtbot):
    from neve.ui.preview import PREVIEW_PROPERTY, PreviewController

    project = QgsProject.instance()
    controller = PreviewController(project)
    controller.set_source(band_source(scene))
    shown = []
    controller.computed.connect(lambda result: shown.append(result.generation))

    # five changes in a row, as a dragged slider makes: the last one wins
    for red in (0.30, 0.50, 0.70, 0.90, 0.95):
        generation = controller.request(values(RED_DARKCLOUD=red), whole_scene_view())
    assert generation == 5
    assert shown == []  # request() returned at once: the work is done in the worker thread
    qtbot.waitUntil(lambda: bool(shown) and shown[-1] == 5, timeout=10000)
    assert shown == sorted(set(shown))  # never an older result after a newer one

    layers = controller.layers()
    assert [layer.name() for layer in layers] == ["Snow map (preview)", "Refined cloud mask (preview)"]
    assert all(layer.customProperty(PREVIEW_PROPERTY) for layer in layers)
    np.testing.assert_array_equal(read_layer(layers[0]), expected_snow_map(red_darkcloud=0.95))
    np.testing.assert_array_equal(read_layer(layers[1]), expected_cloud_mask())
    assert layers[0].renderer().type() == "paletted"
    group = project.layerTreeRoot().findGroup("Névé preview")
    assert group is not None and [c.layerId() for c in group.children()] == [l.id() for l in layers]

    # a new value on the same view: the same layers, their source switched to the new file
    ids = [layer.id() for layer in layers]
    controller.request(values(RED_DARKCLOUD=0.30), whole_scene_view())
    qtbot.waitUntil(lambda: shown[-1] == 6, timeout=10000)
    assert [layer.id() for layer in controller.layers()] == ids
    np.testing.assert_array_equal(read_layer(controller.layers()[0]), expected_snow_map())

    worker, folder = controller.worker, controller.folder
    controller.stop()
    assert worker.isFinished() and controller.worker is None
    assert not os.path.exists(folder)
    assert not [l for l in project.mapLayers().values() if l.customProperty(PREVIEW_PROPERTY)]
    assert project.layerTreeRoot().findGroup("Névé preview") is None


def test_a_newer_request_cancels_the_computation_in_progress(scene):
    from neve.ui.preview import PreviewRequest, PreviewWorker, Superseded

    worker = PreviewWorker(os.path.dirname(scene["DEM"]))  # not started: compute() runs in this thread
    first = PreviewRequest(1, band_source(scene), whole_scene_view(), tuple(sorted(values().items())))
    worker.submit(PreviewRequest(2, first.source, first.view, first.values))
    with pytest.raises(Superseded):
        worker.compute(first)  # it stops at its first checkpoint: a newer request is waiting


def test_a_view_that_misses_the_input_removes_the_layers_and_reports_no_pixel(scene, qtbot):
    from neve.ui.preview import PreviewController, View

    controller = PreviewController(QgsProject.instance())
    controller.set_source(band_source(scene))
    results = []
    controller.computed.connect(results.append)
    controller.request(values(), whole_scene_view())
    qtbot.waitUntil(lambda: len(results) == 1, timeout=10000)
    assert len(controller.layers()) == 2
    far = View((ORIGIN[0] + 10000, ORIGIN[1] - 1000, ORIGIN[0] + 11000, ORIGIN[1]), whole_scene_view().crs, 50, 50)
    controller.request(values(), far)
    qtbot.waitUntil(lambda: len(results) == 2, timeout=10000)
    assert results[-1].grid is None and results[-1].statistics["valid"] == 0
    assert controller.layers() == []
    controller.stop()


def whole_scene_grid_transform():
    return Affine(20.0, 0.0, ORIGIN[0], 0.0, -20.0, ORIGIN[1])


def test_a_view_in_another_crs_is_reprojected_to_the_product(scene, qtbot):
    from rasterio.warp import transform_bounds

    from neve.ui.preview import PreviewController, View

    controller = PreviewController(QgsProject.instance())
    controller.set_source(band_source(scene))
    results = []
    controller.computed.connect(results.append)
    view = whole_scene_view()
    lonlat = transform_bounds(UTM32N, "EPSG:4326", *view.bounds)
    controller.request(values(), View(lonlat, rasterio.crs.CRS.from_epsg(4326).to_wkt(), 400, 400))
    qtbot.waitUntil(lambda: len(results) == 1, timeout=10000)
    # the lon/lat box holds the whole scene (and more) on 400 pixels: finer than 20 m, so the product's
    # own pixels, the part of the box inside the product
    assert results[0].grid.transform == whole_scene_grid_transform()
    np.testing.assert_array_equal(results[0].snow_map, expected_snow_map())
    controller.stop()


def test_a_damaged_input_is_reported_not_raised(tmp_path, qtbot, qgis_app):
    from neve.ui.preview import PreviewController

    paths = write_scene(tmp_path)
    source = band_source(paths)
    controller = PreviewController(QgsProject.instance())
    controller.set_source(source)
    with open(paths["B11"], "r+b") as f:  # cut the SWIR band short
        f.truncate(2000)
    messages = []
    controller.failed.connect(messages.append)
    controller.request(values(), whole_scene_view())
    qtbot.waitUntil(lambda: bool(messages), timeout=10000)
    assert "B11" in messages[0]
    assert controller.layers() == []
    controller.stop()


def test_clouds_over_water_use_the_glint_angle_of_each_pixel_as_neve_waterclouds(tmp_path, qgis_app):
    """On a generated Theia product (lakes with and without sunglint), the preview's clouds over water
    are the SWIR test on the scene's truth: on water pixels, B12 above the sunglint threshold where the
    true glint angle is below the sunglint angle, above the other threshold elsewhere."""
    from synthetic import Scene, make_theia_product

    from neve.ui.preview import MASK_WATER_CLOUD, PreviewSource, compute_preview, preview_grid, read_view

    scene = Scene.small(size=240)
    source = PreviewSource(product=make_theia_product(tmp_path, scene))
    with source.open() as product:
        grid = preview_grid(product.grid(20), product.grid(20).bounds, 120, 120)
        data = read_view(product, grid)
    truth = scene.truth(resolution=20)
    assert grid.shape == truth.dem.shape
    glint = truth.glint_angle("B12")  # about 17.9 to 18.2 degrees over this small scene
    water = ((truth.mg2 & 1) != 0) & ~data.nodata
    assert data.sunglint == "pixel"     # the product has angle grids
    # the glint angle is computed on the water pixels (where the water test needs it)
    np.testing.assert_allclose(data.glint_angle[water], glint[water], atol=0.01)
    b12 = truth.reflectance("B12")

    # sunglint angle above every pixel's glint angle, below all of them, and between them
    for sunglint_angle in (30.0, 10.0, float(np.median(glint[water]))):
        _snow, cloud_mask, statistics = compute_preview(data, values(SUNGLINT_ANGLE=sunglint_angle, DISTANCE=0))
        limit = np.where(glint < sunglint_angle, 0.16, 0.04)
        expected = water & (b12 > limit) & ~data.all_cloud  # the product's own clouds show as such
        certain = np.abs(glint - sunglint_angle) > 0.01  # interpolated angles agree to 0.01 degree
        np.testing.assert_array_equal((cloud_mask == MASK_WATER_CLOUD)[certain], expected[certain])
        assert statistics["sunglint_water"] == pytest.approx(
            100.0 * np.count_nonzero(water & (glint < sunglint_angle)) / np.count_nonzero(water), abs=1.0)
    # the lake with sunglint (B12 0.083) is cloud only where the threshold without sunglint applies
    _snow, with_glint, _statistics = compute_preview(data, values(SUNGLINT_ANGLE=30.0, DISTANCE=0))
    _snow, without, _statistics = compute_preview(data, values(SUNGLINT_ANGLE=10.0, DISTANCE=0))
    assert np.count_nonzero(without == MASK_WATER_CLOUD) > np.count_nonzero(with_glint == MASK_WATER_CLOUD)
