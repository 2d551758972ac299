"""Saved .model3 files (tests/models/) load and run with the Névé algorithms inside."""
import os

import numpy as np
import pytest
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


def test_saved_model_chains_snowmap_steps_and_batch_maps_into_snowstats(neve_provider, tmp_path):
    """Two products mapped by neve:snowmap steps and a map made beforehand (the batch run's outputs, a
    "Multiple layers" input) counted by neve:snowstats over zones named by a field, with a DEM."""
    import datetime
    import json

    import rasterio
    from osgeo import ogr
    from synthetic import Scene, make_dem, make_theia_product

    model = load_model("snowstats")
    ok, problems = model.validate()
    assert ok, problems
    scenes = [Scene.small(size=240), Scene.small(size=240, acquisition=datetime.datetime(2021, 6, 25, 10, 56, 31))]
    products = [make_theia_product(tmp_path / "p{}".format(k), scene) for k, scene in enumerate(scenes)]
    dem = make_dem(tmp_path / "dem.tif", scenes[0])
    shape = scenes[0].shape(20)
    earlier = str(tmp_path / "snow_20210605.tif")       # a map of the batch run, all snow
    with rasterio.open(earlier, "w", driver="GTiff", width=shape[1], height=shape[0], count=1, dtype="uint8",
                       crs=scenes[0].crs, transform=scenes[0].transform(20)) as dst:
        dst.write(np.full(shape, 100, np.uint8), 1)
    left, bottom, right, top = scenes[0].bounds
    middle = (left + right) / 2.0
    zones = {"type": "FeatureCollection",
             "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::32631"}},
             "features": [{"type": "Feature", "properties": {"basin": name},
                           "geometry": {"type": "Polygon", "coordinates": [[[x0, bottom], [x1, bottom], [x1, top],
                                                                            [x0, top], [x0, bottom]]]}}
                          for name, x0, x1 in (("west", left, middle), ("east", middle, right))]}
    zones_path = tmp_path / "zones.geojson"
    zones_path.write_text(json.dumps(zones))
    outputs = {"stats:table": str(tmp_path / "stats.gpkg"), "stats:zones_statistics": str(tmp_path / "zones.gpkg"),
               "stats:report": str(tmp_path / "report.html")}
    result = run(model, dict(outputs, product_1=products[0], product_2=products[1], maps=[earlier],
                             zones=str(zones_path), zone_field="basin", dem=dem))
    assert result["stats:table"] == outputs["stats:table"]
    dataset = ogr.Open(outputs["stats:table"])
    rows = [(f.GetField("zone"), f.GetFieldAsString("date"), f.GetField("snow_km2"), f.GetField("snowline_m"))
            for f in dataset.GetLayer(0) if f.GetField("elevation_band") == "all" and f.GetField("aspect") == "all"]
    assert sorted({(zone, date[:10]) for zone, date, _snow, _line in rows}) == [
        (zone, date) for zone in ("east", "west") for date in ("2021/06/05", "2021/06/15", "2021/06/25")]
    half = (right - left) * (top - bottom) / 2 * 1e-6
    assert all(snow == pytest.approx(half) for zone, date, snow, _line in rows if date.startswith("2021/06/05"))
    # the products' maps were made by the model's snowmap steps and dated by their ACQUISITION_DATE tag
    assert any(line is not None for _zone, date, _snow, line in rows if date.startswith("2021/06/15"))
    assert "Site series: west" in open(outputs["stats:report"], encoding="utf-8").read()
