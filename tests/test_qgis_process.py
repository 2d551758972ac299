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
