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


def test_saved_model_feeds_a_list_of_maps_and_a_snowmap_output_to_snowseason(neve_provider, tmp_path):
    """A "Multiple layers" model input and a neve:snowmap step both feed neve:snowseason's INPUTS."""
    import datetime

    import rasterio
    from synthetic import Scene, make_dem, make_theia_product

    model = load_model("snowseason")
    ok, problems = model.validate()
    assert ok, problems
    scene = Scene.small(size=240)                              # acquired 2021-06-15: the snow map's date
    product = make_theia_product(tmp_path, scene)
    dem = make_dem(tmp_path / "dem.tif", scene)
    shape = scene.shape(20)
    profile = dict(driver="GTiff", width=shape[1], height=shape[0], count=1, dtype="uint8", crs=scene.crs,
                   transform=scene.transform(20))
    maps = []
    for name, code in (("snow_20210605.tif", 0), ("snow_20210625.tif", 100)):   # no snow, then snow
        with rasterio.open(tmp_path / name, "w", **profile) as dst:
            dst.write(np.full(shape, code, np.uint8), 1)
        maps.append(str(tmp_path / name))
    scd_path, nobs_path = str(tmp_path / "scd.tif"), str(tmp_path / "nobs.tif")
    # the snow map made in the model has no date in its (temporary) name: neve:snowseason reads the
    # acquisition date neve:snowmap writes in its ACQUISITION_DATE tag (DATES left empty)
    result = run(model, {"maps": maps, "product": product, "dem": dem, "dates": "",
                         "season:scd": scd_path, "season:nobs": nobs_path})
    assert result["season:scd"] == scd_path
    # Season 2020-09-01 .. 2021-08-31 (365 days) of the earliest map; days 277 (no snow), 287 (the snow
    # map), 297 (snow). Snow map snow: snow from ceil((277 + 287) / 2) = 282 to 364: 83 days; no snow:
    # from ceil((287 + 297) / 2) = 292: 73 days; cloud or no data: from ceil((277 + 297) / 2) = 287: 78.
    start = datetime.date(2020, 9, 1)
    assert [(datetime.date(2021, 6, d) - start).days for d in (5, 15, 25)] == [277, 287, 297]
    scd, nobs = read_raster(scd_path), read_raster(nobs_path)
    direct = str(tmp_path / "direct.tif")
    run("neve:snowmap", {"INPUT_PRODUCT": product, "DEM": dem, "OUTPUT": direct})
    snow_map = read_raster(direct)
    with rasterio.open(direct) as src:
        assert src.tags()["ACQUISITION_DATE"] == "2021-06-15T10:56:31Z"
    expected = np.where(snow_map == 100, 83, np.where(snow_map == 0, 73, 78))
    assert np.array_equal(scd, expected)
    assert np.array_equal(nobs, np.where(snow_map <= 100, 3, 2))
    assert {0, 100, 205} <= set(np.unique(snow_map).tolist())   # every case is present


def test_saved_model_chains_waterclouds_sievemask_dilatemask_and_cloudshadows(neve_provider, tmp_path):
    """Clouds over water -> sieve -> buffer, and the sieved clouds' shadows, on hand-made 10 m layers."""
    model = load_model("cloudrefinement")
    ok, problems = model.validate()
    assert ok, problems
    swir = np.full((12, 10), 100, np.int16)          # reflectance 0.01
    swir[8:10, 3:5] = 900                             # 0.09 over water: a cloud of 400 m2
    swir[5, 8] = 900                                  # a cloud of 100 m2: sieved away (minimum 200 m2)
    swir[1, 1] = 900                                  # on land: not a cloud over water
    water = np.zeros((12, 10), np.uint8)
    water[4:, :] = 1
    nir = np.full((12, 10), 3000, np.int16)           # 0.3: not dark
    nir[5:7, 3:5] = 500                               # 0.05: dark, 30 m north of the cloud
    buffered, shadows = str(tmp_path / "buffered.tif"), str(tmp_path / "shadows.tif")
    result = run(model, {"swir": write_raster(tmp_path / "swir.tif", swir),
                         "water": write_raster(tmp_path / "water.tif", water),
                         "nir": write_raster(tmp_path / "nir.tif", nir),
                         "buffer:buffered": buffered, "shadows:shadows": shadows})
    assert result["buffer:buffered"] == buffered and result["shadows:shadows"] == shadows
    rows, cols = np.mgrid[0:12, 0:10]
    near = np.zeros((12, 10), bool)
    for r in (8, 9):
        for c in (3, 4):
            near |= ((rows - r) * 10) ** 2 + ((cols - c) * 10) ** 2 <= 20 ** 2
    assert np.array_equal(read_raster(buffered), near.astype(np.uint8))
    # sun 45 degrees from the south: a cloud at 30 m casts its shadow 3 rows north, on the dark pixels
    expected = np.zeros((12, 10), np.uint8)
    expected[5:7, 3:5] = 1
    assert np.array_equal(read_raster(shadows), expected)
