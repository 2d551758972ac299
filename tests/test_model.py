"""Saved .model3 files (tests/models/) load and run with the Névé algorithms inside."""
import os

import numpy as np
from qgis.core import QgsProcessingModelAlgorithm

from helpers import read_raster, run, write_raster

MODELS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "models")


def load_model(name):
    model = QgsProcessingModelAlgorithm()
    assert model.fromFile(os.path.join(MODELS, name + ".model3"))
    return model


def test_saved_model_with_cloudmask_runs(neve_provider, tmp_path):
    model = load_model("cloudmask")
    ok, problems = model.validate()
    assert ok, problems
    scl = np.array([[0, 3, 4], [8, 9, 10], [11, 6, 5]], dtype=np.uint8)
    out = str(tmp_path / "model_mask.tif")
    result = run(model, {"scl": write_raster(tmp_path / "scl.tif", scl), "cloudmask:cloud_mask": out})
    assert result["cloudmask:cloud_mask"] == out
    expected = np.where(scl == 0, 255, np.isin(scl, [3, 8, 9, 10])).astype(np.uint8)
    assert np.array_equal(read_raster(out), expected)


def test_saved_model_chains_refinecloudmask_into_snowmap_and_passes_the_snowline_on(neve_provider, tmp_path):
    from synthetic import Scene, make_dem, make_theia_product

    model = load_model("snowmap")
    ok, problems = model.validate()
    assert ok, problems
    scene = Scene.small(size=240)
    product = make_theia_product(tmp_path, scene)
    dem = make_dem(tmp_path / "dem.tif", scene)
    snow_path, snowline_path = str(tmp_path / "snow.tif"), str(tmp_path / "snowline.tif")
    result = run(model, {"product": product, "dem": dem, "snowmap:snow_map": snow_path,
                         "snowline:snowline": snowline_path})
    assert result["snowmap:snow_map"] == snow_path
    snow_map = read_raster(snow_path)
    assert set(np.unique(snow_map)) == {0, 100, 205, 255}
    # the refined mask (buffered by 480 m) makes more cloud than the product's own mask
    direct = str(tmp_path / "direct.tif")
    run("neve:snowmap", {"INPUT_PRODUCT": product, "DEM": dem, "OUTPUT": direct})
    assert (snow_map == 205).sum() > (read_raster(direct) == 205).sum()
    # the snowline elevation went on to the next algorithm as a number: a raster of that constant value
    snowline = read_raster(snowline_path)
    assert np.isfinite(snowline).all() and np.unique(snowline).size == 1
    assert 1000 < float(snowline[0, 0]) < scene.snowline
