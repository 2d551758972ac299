"""The cloud-mask algorithms on the command line: ``python3 -m neve ALGORITHM`` (Debian's Python, the plugin
found through a ``neve`` symlink on PYTHONPATH) writes the same bytes as ``processing.run`` with the same
values, and gives the same numbers with ``--json``.

Options are given as a user types them: option choices by their key (``--mask-type scl``) or their number
in the QGIS list, lists as several values (``--clm-bits 1 5``), yes/no as true/false.
"""
import json
import os
import subprocess

import numpy as np
import pytest

from conftest import _SESSION_DIR
from helpers import read_raster, run, write_raster
from synthetic import Scene, make_theia_product

PYTHON = "/usr/bin/python3"


def neve_cli(algorithm, arguments, cwd):
    """Run ``python3 -m neve ALGORITHM ARGUMENTS --json``; (exit status, results, standard error)."""
    env = dict(os.environ, PYTHONPATH=_SESSION_DIR, LANGUAGE="en")
    env.pop("QGIS_PREFIX_PATH", None)
    result = subprocess.run([PYTHON, "-m", "neve", algorithm, *arguments, "--json"], capture_output=True, text=True,
                            cwd=str(cwd), env=env, timeout=300)
    results = json.loads(result.stdout) if result.returncode == 0 and result.stdout.strip() else None
    return result.returncode, results, result.stderr


@pytest.fixture(scope="module")
def product(tmp_path_factory):
    """A small Theia product (1.2 km): clouds, shadows, lakes with sunglint, a no-data border, angle grids."""
    return make_theia_product(tmp_path_factory.mktemp("cli_clouds"), Scene.small(size=120))


@pytest.fixture(scope="module")
def layers(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cli_layers")
    rng = np.random.default_rng(7)
    clm = rng.integers(0, 256, (23, 17)).astype(np.uint8)
    clm[rng.random(clm.shape) < 0.6] = 0
    mask = (rng.random((40, 30)) < 0.4).astype(np.uint8)
    mask[rng.random(mask.shape) < 0.03] = 9
    return {"clm": write_raster(folder / "clm.tif", clm), "mask": write_raster(folder / "mask.tif", mask, nodata=9)}


# (algorithm, Processing parameters, command-line arguments, outputs, numbers the results hold)
CASES = {
    "cloudmask": ("cloudmask", lambda p, l: ({"INPUT": l["clm"], "MASK_TYPE": 0, "CLM_BITS": [1, 5]},
                                            ["--input", l["clm"], "--mask-type", "clm", "--clm-bits", "1", "5"]),
                  ("OUTPUT",), ()),
    "cloudmask_product": ("cloudmask", lambda p, l: ({"INPUT_PRODUCT": p, "RESOLUTION": 10},
                                                    ["--input-product", p, "--resolution", "10"]), ("OUTPUT",), ()),
    "dilatemask": ("dilatemask", lambda p, l: ({"INPUT_PRODUCT": p, "DISTANCE": 60, "PARALLAX_HEIGHT": 12000},
                                              ["--input-product", p, "--distance", "60", "--parallax-height", "12000"]),
                   ("OUTPUT",), ()),
    "waterclouds": ("waterclouds", lambda p, l: ({"INPUT_PRODUCT": p, "THRESHOLD": 0.03},
                                                ["--input-product", p, "--threshold", "0.03"]),
                    ("OUTPUT", "OUTPUT_GLINT"), ("WATER_CLOUD_PERCENT",)),
    "cloudshadows": ("cloudshadows", lambda p, l: ({"INPUT_PRODUCT": p, "HEIGHT_MIN": 500, "HEIGHT_MAX": 4000,
                                                    "DARK_TEST": 1},
                                                   ["--input-product", p, "--height-min", "500", "--height-max", "4000",
                                                    "--dark-test", "swir"]),
                     ("OUTPUT", "OUTPUT_HEIGHT"), ("CLOUD_OBJECTS", "SHADOW_OBJECTS")),
    "sievemask": ("sievemask", lambda p, l: ({"INPUT": l["mask"], "MIN_OBJECT_AREA": 500, "MIN_HOLE_AREA": 300,
                                              "CONNECTIVITY": 1, "VALUES": "1"},
                                             ["--input", l["mask"], "--min-object-area", "500", "--min-hole-area",
                                              "300", "--connectivity", "4", "--values", "1"]),
                  ("OUTPUT",), ()),
    "refinecloudmask": ("refinecloudmask", lambda p, l: ({"INPUT_PRODUCT": p, "PRESET": 3, "DISTANCE": 100,
                                                          "THRESHOLD": 0.05, "SUNGLINT": 1, "HEIGHT_MAX": 4000},
                                                         ["--input-product", p, "--preset", "custom", "--distance",
                                                          "100", "--threshold", "0.05", "--sunglint", "1",
                                                          "--height-max", "4000"]),
                        ("OUTPUT", "OUTPUT_CLASSES"), ("CLOUD_PERCENT", "SHADOW_PERCENT", "BUFFER_PERCENT")),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_command_line_writes_the_bytes_of_processing_run(neve_provider, product, layers, tmp_path, case):
    algorithm, make, outputs, numbers = CASES[case]
    parameters, arguments = make(product, layers)
    for folder in ("qgis", "cli"):
        (tmp_path / folder).mkdir()
    parameters = dict(parameters, **{name: str(tmp_path / "qgis" / (name.lower() + ".tif")) for name in outputs})
    arguments = list(arguments)
    for name in outputs:
        arguments += ["--" + name.lower().replace("_", "-"), str(tmp_path / "cli" / (name.lower() + ".tif"))]

    expected = run("neve:" + algorithm, parameters)
    status, results, stderr = neve_cli(algorithm, arguments, tmp_path)

    assert status == 0, stderr
    for name in outputs:
        qgis_file, cli_file = tmp_path / "qgis" / (name.lower() + ".tif"), tmp_path / "cli" / (name.lower() + ".tif")
        assert results[name] == str(cli_file)
        assert qgis_file.read_bytes() == cli_file.read_bytes(), name
    for name in numbers:
        assert results[name] == pytest.approx(expected[name]), name
    assert np.unique(read_raster(str(tmp_path / "cli" / (outputs[0].lower() + ".tif")))).size > 1  # not uniform


def test_command_line_bad_input_is_exit_2_with_the_message_and_no_output(layers, tmp_path):
    status, _results, stderr = neve_cli("cloudmask", ["--input", layers["clm"], "--clm-bits",
                                                      "--output", str(tmp_path / "mask.tif")], tmp_path)
    assert status == 2
    assert "No bit or class is selected" in stderr and "Traceback" not in stderr
    status, _results, stderr = neve_cli("refinecloudmask", ["--clm", layers["clm"]], tmp_path)
    assert status == 2
    assert "No output file was given for Refined cloud mask (CLM bits)." in stderr
    assert os.listdir(tmp_path) == []


def test_command_line_follows_the_preset_rule_of_every_door(neve_provider, product, tmp_path):
    """Issue 17: a preset with a value of its own on the command line is the same run as in batch, models
    and qgis_process (the value wins, with a warning), byte for byte; the preset alone gives its values."""
    (tmp_path / "qgis").mkdir()
    (tmp_path / "cli").mkdir()
    outputs = {"OUTPUT": "bits.tif", "OUTPUT_CLASSES": "classes.tif"}
    expected = run("neve:refinecloudmask", dict({"INPUT_PRODUCT": product, "PRESET": 1, "DISTANCE": 100,
                                                 "SHADOWS": False},
                                                **{k: str(tmp_path / "qgis" / v) for k, v in outputs.items()}))
    status, results, stderr = neve_cli("refinecloudmask", [
        "--input-product", product, "--preset", "theia_2017", "--distance", "100", "--shadows", "false",
        "--output", str(tmp_path / "cli" / "bits.tif"), "--output-classes", str(tmp_path / "cli" / "classes.tif")],
        tmp_path)
    assert status == 0, stderr
    for name in outputs.values():
        assert (tmp_path / "qgis" / name).read_bytes() == (tmp_path / "cli" / name).read_bytes()
    assert results["BUFFER_PERCENT"] == pytest.approx(expected["BUFFER_PERCENT"])
    assert "Buffer distance (m): the value given, 100 m, is used instead of 240 m of the preset" in stderr
    assert "buffer 100 m, SWIR thresholds over water 0.08 and 0.25" in stderr
    assert "These values are those of no preset (custom values)." in stderr
