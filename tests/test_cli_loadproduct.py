"""``python3 -m neve loadproduct``: the same files and the same results as ``processing.run``, without QGIS.

The command runs in a subprocess of Debian's /usr/bin/python3 with only a folder holding a ``neve``
symlink to the repository on ``PYTHONPATH``, and a ``sitecustomize.py`` there that makes ``import qgis``
fail: the job, its reader and its report must not need QGIS. Its masks and VRT stacks must be the same
bytes as those of ``processing.run`` with the same values, its summary page the same but for the folder
the files were written to, and its ``--json`` results the algorithm's results.
"""
import filecmp
import json
import os
import subprocess

import pytest

from conftest import ROOT
from helpers import leftovers, run

MASKS = ("CLOUD", "SHADOW", "WATER", "SNOW", "NODATA")
NO_QGIS = 'import sys\nsys.modules["qgis"] = None  # "import qgis" raises ImportError, as without QGIS\n'


@pytest.fixture(scope="module")
def products(tmp_path_factory):
    from synthetic import Scene, make_sen2cor_product, make_theia_product

    out = tmp_path_factory.mktemp("products")
    scene = Scene.small()
    return {"theia": make_theia_product(out / "theia", scene),
            "sen2cor-zip": make_sen2cor_product(out / "sen2cor", scene, baseline="04.00", zip=True)}


@pytest.fixture(scope="module")
def python_path(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pythonpath")
    os.symlink(ROOT, folder / "neve")
    (folder / "sitecustomize.py").write_text(NO_QGIS)
    return str(folder)


def neve_command(python_path, *args):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "QGIS", "LANG", "LC_"))}
    env.update(PYTHONPATH=python_path, LANGUAGE="en")
    return subprocess.run(["/usr/bin/python3", "-m", "neve", *args], capture_output=True, text=True, env=env,
                          timeout=300, cwd=python_path)


def destinations(folder, skip=()):
    """Every file output of neve:loadproduct in ``folder``, those in ``skip`` left out."""
    values = {"OUTPUT_R1": folder / "r1.vrt", "OUTPUT_R2": folder / "r2.vrt", "OUTPUT_HTML": folder / "summary.html"}
    values.update({"OUTPUT_" + m: folder / (m.lower() + ".tif") for m in MASKS})
    return {name: str(path) for name, path in values.items() if name not in skip}


def options(values):
    """``--output-r1 PATH ...`` of a values dictionary."""
    args = []
    for name, value in values.items():
        args += ["--" + name.lower().replace("_", "-"), str(value)]
    return args


def test_help_without_qgis(python_path):
    result = neve_command(python_path, "loadproduct", "--help")
    assert result.returncode == 0, result.stderr
    assert "--input-product PRODUCT" in result.stdout and "fre (0)" in result.stdout
    assert "[default fre, from Let-It-Snow (Theia Snow collection)]" in " ".join(result.stdout.split())
    check = subprocess.run(["/usr/bin/python3", "-c", "import qgis"], capture_output=True, text=True,
                           env=dict(os.environ, PYTHONPATH=python_path))
    assert check.returncode != 0 and "import of qgis halted" in check.stderr


@pytest.mark.parametrize("which, reflectance, skip", [
    ("theia", ("sre", 1), ()),
    ("sen2cor-zip", None, ("OUTPUT_R1", "OUTPUT_SHADOW", "OUTPUT_WATER")),
])
def test_same_files_and_results_as_processing_run(neve_provider, products, python_path, tmp_path, which,
                                                  reflectance, skip):
    product = products[which]
    in_qgis, on_cli = destinations(tmp_path / "qgis", skip), destinations(tmp_path / "cli", skip)
    parameters = dict(in_qgis, INPUT_PRODUCT=product)
    args = ["loadproduct", "--input-product", product, *options(on_cli), "--json"]
    if reflectance:
        parameters["REFLECTANCE"] = reflectance[1]
        args += ["--reflectance", reflectance[0]]
    expected = run("neve:loadproduct", parameters)
    result = neve_command(python_path, *args)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "Summary of " in result.stderr
    got = json.loads(result.stdout)

    # the same results: the same keys, the same values, the paths of the files it was told to write
    assert set(got) == set(expected)
    for name, value in expected.items():
        if name in in_qgis:
            assert value == in_qgis[name] and got[name] == on_cli[name], name
        else:
            assert got[name] == value, name
    for name in skip:
        assert expected[name] is None and got[name] is None
    assert expected["ACQUISITION_DATE"] == "2021-06-15T10:56:31.024Z" and 0 < got["CLOUD_PERCENT"] < 100

    # the same bytes
    assert leftovers(tmp_path / "cli") == leftovers(tmp_path / "qgis") == sorted(
        os.path.basename(p) for p in on_cli.values())
    for name in in_qgis:
        if name != "OUTPUT_HTML":
            assert filecmp.cmp(in_qgis[name], on_cli[name], shallow=False), name
    with open(in_qgis["OUTPUT_HTML"], encoding="utf-8") as f:
        page = f.read().replace(str(tmp_path / "qgis"), "FOLDER")
    with open(on_cli["OUTPUT_HTML"], encoding="utf-8") as f:
        assert f.read().replace(str(tmp_path / "cli"), "FOLDER") == page


def test_bad_input_exit_status_message_and_nothing_written(neve_provider, python_path, tmp_path):
    from qgis.core import QgsProcessingException

    folder = tmp_path / "holiday_photos"
    folder.mkdir()
    (folder / "beach.jpg").write_bytes(b"not an image")
    with pytest.raises(QgsProcessingException) as error:
        run("neve:loadproduct", dict(destinations(tmp_path / "qgis"), INPUT_PRODUCT=str(folder)))
    result = neve_command(python_path, "loadproduct", "--input-product", str(folder),
                          *options(destinations(tmp_path / "cli")))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.strip() == "Error: " + str(error.value)
    assert "This folder is not a Sentinel-2 L2A product" in result.stderr
    # no product at all: the message of the dialog's check
    result = neve_command(python_path, "loadproduct", *options(destinations(tmp_path / "cli")))
    assert result.returncode == 2 and result.stderr.startswith("Error: No product: give a Sentinel-2 L2A")
    assert leftovers(tmp_path / "cli") == [] and leftovers(tmp_path / "qgis") == []
