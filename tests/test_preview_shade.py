"""The panel's shaded area: the cast shadows of the relief over the view, as over the whole product (the DEM
is read with a margin towards the sun), shown as a third preview layer; and the MAJA era in the panel's
description of a Theia product."""
import numpy as np
import pytest

from synthetic import Scene, make_dem, make_theia_product


@pytest.fixture(scope="module")
def low_sun(tmp_path_factory):
    folder = tmp_path_factory.mktemp("low_sun")
    scene = Scene.small(sun_zenith=72.0)
    return make_theia_product(str(folder), scene), make_dem(str(folder / "dem.tif"), scene)


def test_the_shaded_area_of_a_view_is_that_of_the_whole_product(neve_provider, low_sun):
    import contextlib

    from rasterio.windows import Window

    from neve.plugin.core import relief
    from neve.plugin.io.readers import open_product
    from neve.plugin.pipeline.feedback import Feedback
    from neve.plugin.pipeline.preview import preview_grid, read_snow_view
    from neve.plugin.pipeline.snowmap import ProductSource, SnowMapInputs, SnowMapParams

    product_path, dem = low_sun
    with open_product(product_path) as product, contextlib.ExitStack() as stack:
        whole = product.grid(20)
        source = ProductSource(SnowMapInputs(dem=dem), SnowMapParams(), stack, Feedback(), product=product)
        full_dem = source.read_resampled(source.dem, Window(0, 0, whole.width, whole.height), "cubic_spline")
        sun = product.sun_angles
        everywhere = relief.cast_shadows(full_dem, (20.0, 20.0), sun.zenith, sun.azimuth,
                                         origin=relief.lattice_origin(whole.transform))
        assert 0.01 < everywhere.mean() < 0.5
        # a window in the middle, at 20 m: its shaded area is the whole product's, ridges outside included
        left, bottom, right, top = whole.bounds
        bounds = (left + 2000.0, bottom + 2400.0, right - 2600.0, top - 1800.0)
        grid = preview_grid(whole, bounds, 1000, 1000)
        assert grid.resolution == 20.0
        view = read_snow_view(product, grid, dem)
    col = int(round((grid.transform.c - whole.transform.c) / 20.0))
    row = int(round((whole.transform.f - grid.transform.f) / 20.0))
    expected = everywhere[row:row + grid.height, col:col + grid.width]
    assert view.shade is not None and view.shade.any()
    assert np.array_equal(view.shade, expected)
    # without the margin the edge facing the sun would miss shadows cast from outside the view
    alone = relief.cast_shadows(view.arrays["dem"], (20.0, 20.0), sun.zenith, sun.azimuth,
                                origin=relief.lattice_origin(grid.transform))
    assert not np.array_equal(alone, expected)


def test_the_panel_shows_the_shaded_area_and_the_maja_era(neve_provider, low_sun, qtbot, tmp_path):
    from qgis.core import QgsProject

    from neve.ui.preview import PreviewController, PreviewSource, View
    from neve.ui.tune_panel import default_values

    product_path, dem = low_sun
    source = PreviewSource(product=product_path, dem=dem)
    _extent, _crs, text = source.check()
    assert "MAJA parameters" in text
    project = QgsProject.instance()
    controller = PreviewController(project)
    try:
        controller.set_source(source)
        with source.open() as product:
            left, bottom, right, top = product.grid(20).bounds
            wkt = product.crs.to_wkt()
        with qtbot.waitSignal(controller.computed, timeout=60000) as blocker:
            controller.request(default_values(), View((left, bottom, right, top), wkt, 400, 400))
        assert blocker.args[0].shade_path is not None
        names = sorted(layer.name() for layer in controller.layers())
        assert names == sorted(["Snow map (preview)", "Refined cloud mask (preview)",
                                "Cast shadow of the relief (preview)"])
    finally:
        controller.stop()
    assert controller.layers() == []
