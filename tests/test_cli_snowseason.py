"""``python3 -m neve snowseason`` against ``processing.run("neve:snowseason")``: the same values give the same
bytes and the same results.

The command runs in a subprocess of Debian's ``/usr/bin/python3`` whose ``PYTHONPATH`` holds only a
``neve`` symlink to the repository and a ``qgis`` module that cannot be imported: the command line
needs no QGIS.
"""
import json
import os
import subprocess

import numpy as np
import pytest
import rasterio

from conftest import ROOT
from helpers import run, write_raster

S, N, C, X = 100, 0, 205, 255
OUTPUTS = ("OUTPUT_SCD", "OUTPUT_SOD", "OUTPUT_SMOD", "OUTPUT_NOBS", "OUTPUT_NSP", "OUTPUT_DAILY")


def write_maps(folder):
    """Eight small maps of October and November 2018 with every way of giving a date, two maps on the same
    day, a uint16 map whose no-data value is a clear code, a map on a finer grid; and a DEM."""
    rng = np.random.default_rng(11)
    folder.mkdir()

    def codes(shape=(9, 12)):
        return rng.choice([N, S, 40, C, 254, X], size=shape, p=[.35, .3, .05, .2, .05, .05]).astype(np.uint8)

    maps = []
    for name in ("snow_20181002.tif", "SENTINEL2A_20181012-103512-456_L2B-SNOW_T31TCH_C_V1-7_SNW_R2.tif",
                 "snow_2018-10-22.tif", "snow_20181022_second.tif", "snow_20181115.tif"):
        maps.append(write_raster(folder / name, codes(), pixel_size=(20.0, 20.0)))
    tagged = write_raster(folder / "snowmap_b.tif", codes(), pixel_size=(20.0, 20.0))
    with rasterio.open(tagged, "r+") as dst:
        dst.update_tags(ACQUISITION_DATE="2018-11-01T10:45:12Z")
    maps.append(tagged)
    # uint16 with snow-map codes only (issue 11: values that are no code, such as 300, are refused)
    wide = rng.choice([0, 100, 205, 254, 255], size=(9, 12)).astype(np.uint16)
    maps.append(write_raster(folder / "wide_20181105.tif", wide, pixel_size=(20.0, 20.0), nodata=0))
    maps.append(write_raster(folder / "fine_20181108.tif", codes((16, 20)), pixel_size=(10.0, 10.0),
                             origin=(600030.0, 5099970.0)))
    dem = rng.uniform(300, 900, size=(5, 7)).astype(np.float32)
    dem_path = write_raster(folder / "dem.tif", dem, pixel_size=(40.0, 40.0), origin=(599980.0, 5100020.0))
    reference = write_raster(folder / "grid.tif", np.zeros((7, 10), np.uint8), pixel_size=(20.0, 20.0),
                             origin=(600040.0, 5099980.0))
    return maps, dem_path, reference


def command_line(values):
    """The arguments of ``python3 -m neve snowseason`` for Processing parameters ``values``."""
    arguments = ["snowseason"]
    for name, value in values.items():
        arguments.append("--" + name.lower().replace("_", "-"))
        arguments.extend(str(v) for v in value) if isinstance(value, list) else arguments.append(str(value))
    return arguments + ["--json"]


def run_command_line(tmp_path, values):
    path = tmp_path / "pythonpath"
    path.mkdir()
    os.symlink(ROOT, path / "neve")
    (path / "qgis.py").write_text("raise ImportError('no QGIS here')\n")
    env = dict(os.environ, PYTHONPATH=str(path), LANGUAGE="en", LC_ALL="C.UTF-8")
    return subprocess.run(["/usr/bin/python3", "-m", "neve", *command_line(values)], cwd=str(tmp_path),
                          capture_output=True, text=True, timeout=300, env=env)


@pytest.mark.parametrize("case", ["defaults", "options"])
def test_command_line_writes_the_bytes_and_results_of_processing(neve_provider, tmp_path, case):
    maps, dem, reference = write_maps(tmp_path / "maps")
    values = {"INPUTS": maps, "DEM": dem}
    if case == "options":
        values = {"INPUTS": maps[:5], "DATES": "2018-10-02,\n, , 2018-10-23, ", "DATE_START": "2018-10-05",
                  "DATE_STOP": "2018-11-10", "DATE_MARGIN": 6, "REFERENCE_GRID": reference, "DEM": dem,
                  "ELEVATION_BAND": 150.0, "MIN_SNOW_DAYS": 3, "NSP_COUNT": 1, "NOBS_PERIOD_ONLY": True}
    folders = {door: tmp_path / door for door in ("qgis", "cli")}
    outputs = {door: dict({name: str(folder / (name.lower() + ".tif")) for name in OUTPUTS},
                          OUTPUT_REPORT=str(folder / "season.html")) for door, folder in folders.items()}
    expected = run("neve:snowseason", dict(values, **outputs["qgis"]))

    result = run_command_line(tmp_path, dict(values, **outputs["cli"]))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        key: value.replace(str(folders["qgis"]), str(folders["cli"])) if isinstance(value, str) else value
        for key, value in expected.items()}
    for name, path in outputs["qgis"].items():
        with open(path, "rb") as made_by_qgis, open(outputs["cli"][name], "rb") as made_by_cli:
            assert made_by_qgis.read() == made_by_cli.read(), name
    assert expected["MAPS_USED"] == (8 if case == "defaults" else 5)
    with rasterio.open(outputs["cli"]["OUTPUT_SCD"]) as scd, rasterio.open(outputs["cli"]["OUTPUT_NOBS"]) as nobs:
        assert scd.read(1).max() > 0 and nobs.read(1).max() > 1
    assert "fine_20181108 is on another grid" in result.stderr or case == "options"
