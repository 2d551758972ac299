"""The built zip, installed in a throwaway QGIS profile, seen and run by qgis_process (no iface)."""
import json
import os
import subprocess
import sys
import zipfile

import numpy as np
import pytest

from conftest import ROOT
from helpers import read_raster, write_raster


@pytest.fixture(scope="module")
def profile(tmp_path_factory):
    """A QGIS configuration folder whose default profile has the plugin installed from the zip."""
    base = tmp_path_factory.mktemp("qgis-config")
    zip_path = str(base / "neve.zip")
    subprocess.run(["/usr/bin/python3", os.path.join(ROOT, "scripts", "build_zip.py"), zip_path], check=True,
                   stdout=subprocess.DEVNULL)
    plugins = base / "profiles" / "default" / "python" / "plugins"
    plugins.mkdir(parents=True)
    with zipfile.ZipFile(zip_path) as archive:
        names = archive.namelist()
        assert all(n.startswith("neve/") for n in names)
        assert not any("/tests/" in n or n.endswith(".pyc") for n in names)
        assert "neve/i18n/neve_fr.qm" in names
        archive.extractall(plugins)
    settings = base / "profiles" / "default" / "QGIS"
    settings.mkdir(parents=True)
    (settings / "QGIS3.ini").write_text("[PythonPlugins]\nneve=true\n")
    return base


def qgis_process(profile, *args, language=None):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QGIS_CUSTOM_CONFIG_PATH=str(profile))
    ini = profile / "profiles" / "default" / "QGIS" / "QGIS3.ini"
    locale = ("[locale]\noverrideFlag=true\nuserLocale={}\n".format(language) if language else "")
    ini.write_text("[PythonPlugins]\nneve=true\n" + locale)
    return subprocess.run(["qgis_process.bin", *args], env=env, capture_output=True, text=True, timeout=120)


def test_list_shows_the_provider_and_its_algorithms(profile):
    result = qgis_process(profile, "list")
    assert result.returncode == 0, result.stderr
    assert "Névé" in result.stdout
    assert "neve:cloudmask" in result.stdout


def test_run_cloudmask(profile, tmp_path):
    scl = np.array([[0, 3, 4], [8, 9, 10], [11, 6, 5]], dtype=np.uint8)
    source = write_raster(tmp_path / "scl.tif", scl)
    out = tmp_path / "mask.tif"
    result = qgis_process(profile, "run", "neve:cloudmask", "--json", "--", "INPUT=" + source, "MASK_TYPE=2",
                          "OUTPUT=" + str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    assert json.loads(result.stdout)["results"]["OUTPUT"] == str(out)
    expected = np.where(scl == 0, 255, np.isin(scl, [3, 8, 9, 10])).astype(np.uint8)
    assert np.array_equal(read_raster(out), expected)


def test_help_is_french_when_qgis_is_french(profile):
    result = qgis_process(profile, "help", "neve:cloudmask", language="fr")
    assert result.returncode == 0, result.stderr
    assert "Masque de nuages" in result.stdout
    assert "Cloud mask from a product's mask" not in result.stdout


def test_bad_input_fails_with_message_and_no_output(profile, tmp_path):
    source = write_raster(tmp_path / "reflectance.tif", np.full((3, 3), 0.2, np.float32))
    out = tmp_path / "mask.tif"
    result = qgis_process(profile, "run", "neve:cloudmask", "--", "INPUT=" + source, "OUTPUT=" + str(out))
    assert result.returncode != 0
    assert "float32" in result.stdout + result.stderr
    assert not out.exists()


def test_run_snowmap_with_its_numbers(profile, tmp_path):
    from synthetic import Scene, make_dem, make_theia_product

    scene = Scene.small(size=240)
    product = make_theia_product(tmp_path, scene)
    dem = make_dem(tmp_path / "dem.tif", scene)
    out = tmp_path / "snow.tif"
    result = qgis_process(profile, "run", "neve:snowmap", "--json", "--", "INPUT_PRODUCT=" + product,
                          "DEM=" + dem, "NDSI_PASS1=0.4", "OUTPUT=" + str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    results = json.loads(result.stdout)["results"]
    assert results["OUTPUT"] == str(out)
    assert 1000 < results["SNOWLINE_ELEVATION"] < scene.snowline and 0 < results["SNOW_PERCENT"] < 100
    assert set(np.unique(read_raster(out))) == {0, 100, 205, 255}


def test_run_snowseason_with_several_maps(profile, tmp_path):
    # 2018-10-01 no snow, 2018-10-11 snow; season 2018-10-01 .. 2018-10-20 (20 days): snow from day 5 to 19
    first = write_raster(tmp_path / "snow_20181001.tif", np.array([[0, 205]], np.uint8))
    second = write_raster(tmp_path / "snow_20181011.tif", np.array([[100, 100]], np.uint8))
    scd, report = tmp_path / "scd.tif", tmp_path / "season.html"
    result = qgis_process(profile, "run", "neve:snowseason", "--json", "--", "INPUTS=" + first, "INPUTS=" + second,
                          "DATE_START=2018-10-01", "DATE_STOP=2018-10-20", "OUTPUT_SCD=" + str(scd),
                          "OUTPUT_REPORT=" + str(report))
    assert result.returncode == 0, result.stdout + result.stderr
    results = json.loads(result.stdout)["results"]
    assert results["OUTPUT_SCD"] == str(scd) and results["OUTPUT_REPORT"] == str(report)
    assert results["PERIOD_START"] == "2018-10-01" and results["MAPS_USED"] == 2
    # left: no snow 0, snow 10 -> snow from day 5: 15 days; right: snow only seen on day 10 -> 20 days
    assert read_raster(scd).tolist() == [[15, 20]]
    assert "<svg" in report.read_text(encoding="utf-8")


def test_run_snowstats_with_zones_a_field_and_a_dem(profile, tmp_path):
    # two zones of two pixels each on a 2 x 4 map of 10 m; the DEM puts the left pixels at 150 m, the right at
    # 350 m: zone "low" is snow-free, zone "high" half snow and half cloud
    snow = write_raster(tmp_path / "snow_20181011.tif", np.array([[0, 0, 100, 205], [0, 0, 100, 205]], np.uint8))
    dem = write_raster(tmp_path / "dem.tif", np.array([[150, 150, 350, 350]] * 2, np.float32))
    x0, y0 = 600000.0, 5100000.0
    features = [{"type": "Feature", "properties": {"basin": name}, "geometry": {"type": "Polygon", "coordinates": [
        [[x0 + a, y0 - 20], [x0 + b, y0 - 20], [x0 + b, y0], [x0 + a, y0], [x0 + a, y0 - 20]]]}}
        for name, a, b in (("low", 0, 20), ("high", 20, 40))]
    zones = tmp_path / "zones.geojson"
    zones.write_text(json.dumps({"type": "FeatureCollection", "crs": {"type": "name", "properties": {
        "name": "urn:ogc:def:crs:EPSG::32632"}}, "features": features}))
    table = tmp_path / "stats.csv"
    result = qgis_process(profile, "run", "neve:snowstats", "--json", "--", "INPUTS=" + snow, "ZONES=" + str(zones),
                          "ZONE_FIELD=basin", "DEM=" + dem, "OUTPUT_TABLE=" + str(table))
    assert result.returncode == 0, result.stdout + result.stderr
    results = json.loads(result.stdout)["results"]
    assert results["MAPS_USED"] == 1 and results["ZONES_COUNT"] == 2
    import csv

    with open(table, encoding="utf-8") as f:
        rows = {(r["zone"], r["elevation_band"]): r for r in csv.DictReader(f)}
    assert float(rows[("low", "all")]["no_snow_km2"]) == pytest.approx(400e-6)
    assert float(rows[("high", "300-400")]["snow_km2"]) == pytest.approx(200e-6)
    assert float(rows[("high", "all")]["cloud_km2"]) == pytest.approx(200e-6)
    assert rows[("high", "all")]["reliable"] == "1" and rows[("low", "all")]["snowline_m"] == "160.0"


def test_list_shows_the_cloud_refinement_algorithms(profile):
    result = qgis_process(profile, "list")
    assert result.returncode == 0, result.stderr
    for algorithm in ("dilatemask", "waterclouds", "cloudshadows", "sievemask", "refinecloudmask"):
        assert "neve:" + algorithm in result.stdout, algorithm


def test_run_dilatemask(profile, tmp_path):
    mask = np.zeros((9, 9), np.uint8)
    mask[4, 4] = 1
    out = tmp_path / "buffer.tif"
    result = qgis_process(profile, "run", "neve:dilatemask", "--json", "--",
                          "INPUT=" + write_raster(tmp_path / "m.tif", mask), "DISTANCE=20", "OUTPUT=" + str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    assert json.loads(result.stdout)["results"]["OUTPUT"] == str(out)
    rows, cols = np.mgrid[0:9, 0:9]
    assert np.array_equal(read_raster(out), (((rows - 4) ** 2 + (cols - 4) ** 2) * 100 <= 400).astype(np.uint8))


def test_run_sievemask_waterclouds_and_cloudshadows(profile, tmp_path):
    # sieve: the lone pixel (100 m2) goes, the 2 x 2 block (400 m2) stays
    mask = np.zeros((12, 10), np.uint8)
    mask[8:10, 3:5] = 1
    mask[2, 7] = 1
    sieved = tmp_path / "sieved.tif"
    result = qgis_process(profile, "run", "neve:sievemask", "--", "INPUT=" + write_raster(tmp_path / "m.tif", mask),
                          "MIN_OBJECT_AREA=200", "MIN_HOLE_AREA=0", "OUTPUT=" + str(sieved))
    assert result.returncode == 0, result.stdout + result.stderr
    expected = np.zeros((12, 10), np.uint8)
    expected[8:10, 3:5] = 1
    assert np.array_equal(read_raster(sieved), expected)
    # clouds over water: SWIR 0.05 on water, 0.03 on water, 0.05 on land; threshold 0.04, no sunglint
    swir = write_raster(tmp_path / "swir.tif", np.array([[500, 300, 500]], np.int16))
    water = write_raster(tmp_path / "water.tif", np.array([[1, 1, 0]], np.uint8))
    clouds = tmp_path / "clouds.tif"
    result = qgis_process(profile, "run", "neve:waterclouds", "--json", "--", "SWIR=" + swir, "WATER=" + water,
                          "SUNGLINT=3", "OUTPUT=" + str(clouds))
    assert result.returncode == 0, result.stdout + result.stderr
    assert read_raster(clouds).tolist() == [[1, 0, 0]]
    assert json.loads(result.stdout)["results"]["WATER_CLOUD_PERCENT"] == 50
    # shadows of the sieved cloud with angles as numbers: sun 45 degrees from the south, dark pixels 30 m north
    nir = np.full((12, 10), 3000, np.int16)
    nir[5:7, 3:5] = 500
    shadows = tmp_path / "shadows.tif"
    result = qgis_process(profile, "run", "neve:cloudshadows", "--json", "--", "CLOUDS=" + str(sieved),
                          "DARK_BAND=" + write_raster(tmp_path / "nir.tif", nir), "ANGLES=1", "SUN_ZENITH=45",
                          "SUN_AZIMUTH=180", "VIEW_ZENITH=0", "HEIGHT_MIN=10", "HEIGHT_MAX=40", "HEIGHT_STEP=10",
                          "OUTPUT=" + str(shadows))
    assert result.returncode == 0, result.stdout + result.stderr
    assert json.loads(result.stdout)["results"]["SHADOW_OBJECTS"] == 1
    expected = np.zeros((12, 10), np.uint8)
    expected[5:7, 3:5] = 1
    assert np.array_equal(read_raster(shadows), expected)


def test_run_refinecloudmask_like_processing_run(profile, neve_provider, tmp_path):
    from helpers import run
    from synthetic import Scene, make_theia_product

    product = make_theia_product(tmp_path, Scene.small(size=120))
    bits, classes = tmp_path / "bits.tif", tmp_path / "classes.tif"
    result = qgis_process(profile, "run", "neve:refinecloudmask", "--json", "--", "INPUT_PRODUCT=" + product,
                          "PRESET=3", "DISTANCE=240", "SHADOWS=false", "OUTPUT=" + str(bits),
                          "OUTPUT_CLASSES=" + str(classes))
    assert result.returncode == 0, result.stdout + result.stderr
    results = json.loads(result.stdout)["results"]
    direct = run("neve:refinecloudmask", {"INPUT_PRODUCT": product, "PRESET": 3, "DISTANCE": 240, "SHADOWS": False,
                                          "OUTPUT": str(tmp_path / "b.tif"),
                                          "OUTPUT_CLASSES": str(tmp_path / "c.tif")})
    assert np.array_equal(read_raster(bits), read_raster(tmp_path / "b.tif"))
    assert np.array_equal(read_raster(classes), read_raster(tmp_path / "c.tif"))
    assert results["BUFFER_PERCENT"] == pytest.approx(direct["BUFFER_PERCENT"]) and direct["BUFFER_PERCENT"] > 0


def test_refinecloudmask_error_in_french(profile, tmp_path):
    source = write_raster(tmp_path / "clm.tif", np.zeros((3, 3), np.uint8), pixel_size=(0.0002, 0.0002),
                          origin=(1.0, 43.0), crs="EPSG:4326")
    swir = write_raster(tmp_path / "swir.tif", np.zeros((3, 3), np.int16), pixel_size=(0.0002, 0.0002),
                        origin=(1.0, 43.0), crs="EPSG:4326")
    out = tmp_path / "bits.tif"
    result = qgis_process(profile, "run", "neve:refinecloudmask", "--", "CLM=" + source, "SWIR=" + swir,
                          "WATER=" + source, "SUNGLINT=3", "SHADOWS=false", "OUTPUT=" + str(out),
                          "OUTPUT_CLASSES=" + str(tmp_path / "classes.tif"), language="fr")
    assert result.returncode != 0
    assert "SCR géographique" in result.stdout + result.stderr
    assert not out.exists()
