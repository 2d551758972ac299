"""The science, the readers, the pipelines and the command line run where QGIS cannot be imported, and make
the same files as the Processing algorithms.

Each run is a subprocess of Debian's Python whose path starts with a folder holding a ``qgis`` package
that raises ImportError, and a ``neve`` symlink to the repository: ``import qgis`` fails there as on a
server or a cluster worker without QGIS.
"""
import json
import os
import subprocess


import pytest

from conftest import ROOT
from helpers import run
from synthetic import Scene, make_dem, make_theia_product

PYTHON = "/usr/bin/python3"


@pytest.fixture(scope="module")
def no_qgis_path(tmp_path_factory):
    folder = tmp_path_factory.mktemp("no-qgis")
    (folder / "qgis").mkdir()
    (folder / "qgis" / "__init__.py").write_text('raise ImportError("QGIS is not available here")\n')
    os.symlink(ROOT, str(folder / "neve"))
    return str(folder)


def python(no_qgis_path, *args, cwd=None, env=None):
    environment = dict(os.environ, PYTHONPATH=no_qgis_path, **(env or {}))
    environment.pop("QT_QPA_PLATFORM", None)
    return subprocess.run([PYTHON, *args], cwd=cwd, env=environment, capture_output=True, text=True, timeout=300)


def test_qgis_is_not_importable_there(no_qgis_path):
    result = python(no_qgis_path, "-c", "import qgis")
    assert result.returncode != 0 and "QGIS is not available here" in result.stderr


def test_core_io_and_every_pipeline_module_import_without_qgis(no_qgis_path):
    code = (
        "import importlib, pkgutil, sys\n"
        "import neve.plugin.pipeline as pipeline\n"
        "names = ['neve.plugin.core', 'neve.plugin.io', 'neve.plugin.errors', 'neve.plugin.i18n', 'neve.plugin.cli']\n"
        "for package in ('neve.plugin.core', 'neve.plugin.io', 'neve.plugin.pipeline',\n"
        "                'neve.plugin.pipeline.algorithms'):\n"
        "    module = importlib.import_module(package)\n"
        "    names += [package + '.' + m.name for m in pkgutil.iter_modules(module.__path__)]\n"
        "for name in names:\n"
        "    importlib.import_module(name)\n"
        "assert not any(m == 'qgis' or m.startswith('qgis.') for m in sys.modules), 'qgis was imported'\n"
        "print(len(names))\n")
    result = python(no_qgis_path, "-c", code)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) > 15


@pytest.fixture(scope="module")
def product(tmp_path_factory):
    folder = tmp_path_factory.mktemp("product")
    scene = Scene.small(size=240)
    return make_theia_product(str(folder), scene), make_dem(str(folder / "dem.tif"), scene)


@pytest.mark.slow
def test_a_snow_map_from_the_command_line_is_the_processing_one_byte_for_byte(no_qgis_path, product, tmp_path,
                                                                              neve_provider):
    path, dem = product
    names = ("OUTPUT", "OUTPUT_BITS", "OUTPUT_NDSI", "OUTPUT_FSC")
    cli = {name: str(tmp_path / "cli" / (name.lower() + ".tif")) for name in names}
    qgis = {name: str(tmp_path / "qgis" / (name.lower() + ".tif")) for name in names}
    args = ["-m", "neve", "snowmap", "--input-product", path, "--dem", dem, "--ndsi-pass1", "0.35", "--json"]
    for name in names:
        args += ["--" + name.lower().replace("_", "-"), cli[name]]
    result = python(no_qgis_path, *args)
    assert result.returncode == 0, result.stderr
    numbers = json.loads(result.stdout)

    expected = run("neve:snowmap", dict(qgis, INPUT_PRODUCT=path, DEM=dem, NDSI_PASS1=0.35, OUTPUT_HTML_FILE=None))
    for name in names:
        with open(cli[name], "rb") as a, open(qgis[name], "rb") as b:
            assert a.read() == b.read(), name
    for key in ("SNOWLINE_ELEVATION", "SNOW_PERCENT", "CLOUD_PERCENT"):
        assert numbers[key] == expected[key]
    assert numbers["SNOWLINE_ELEVATION"] is not None


@pytest.mark.slow
def test_a_refined_cloud_mask_from_the_command_line_is_the_processing_one_byte_for_byte(no_qgis_path, product,
                                                                                        tmp_path, neve_provider):
    path, _dem = product
    names = ("OUTPUT", "OUTPUT_CLASSES")
    cli = {name: str(tmp_path / "cli" / (name.lower() + ".tif")) for name in names}
    qgis = {name: str(tmp_path / "qgis" / (name.lower() + ".tif")) for name in names}
    args = ["-m", "neve", "refinecloudmask", "--input-product", path, "--preset", "theia_2017", "--json"]
    for name in names:
        args += ["--" + name.lower().replace("_", "-"), cli[name]]
    result = python(no_qgis_path, *args)
    assert result.returncode == 0, result.stderr
    numbers = json.loads(result.stdout)
    expected = run("neve:refinecloudmask", dict(qgis, INPUT_PRODUCT=path, PRESET=1))
    for name in names:
        with open(cli[name], "rb") as a, open(qgis[name], "rb") as b:
            assert a.read() == b.read(), name
    for key in ("CLOUD_PERCENT", "SHADOW_PERCENT", "BUFFER_PERCENT"):
        assert numbers[key] == expected[key]
    assert numbers["BUFFER_PERCENT"] > 0


def test_without_pyqt_messages_stay_english(no_qgis_path, tmp_path):
    folder = tmp_path / "no-pyqt"
    (folder / "PyQt5").mkdir(parents=True)
    (folder / "PyQt5" / "__init__.py").write_text('raise ImportError("no PyQt5 here")\n')
    os.symlink(os.path.join(no_qgis_path, "qgis"), str(folder / "qgis"))
    os.symlink(ROOT, str(folder / "neve"))
    missing = str(tmp_path / "nothing_here.zip")
    result = python(str(folder), "-m", "neve", "snowmap", "--input-product", missing, "--output",
                    str(tmp_path / "s.tif"), env={"LANG": "fr_FR.UTF-8", "LANGUAGE": "fr"})
    assert result.returncode == 2
    assert "does not exist" in result.stderr and "Traceback" not in result.stderr


def test_bad_input_exits_with_2_and_a_message_in_the_users_language(no_qgis_path, tmp_path):
    missing = str(tmp_path / "nothing_here.zip")
    english = python(no_qgis_path, "-m", "neve", "snowmap", "--input-product", missing, "--output",
                     str(tmp_path / "s.tif"), env={"LANG": "C"})
    assert english.returncode == 2
    assert "does not exist" in english.stderr and "Traceback" not in english.stderr
    french = python(no_qgis_path, "-m", "neve", "snowmap", "--input-product", missing, "--output",
                    str(tmp_path / "s.tif"), env={"LANG": "fr_FR.UTF-8", "LANGUAGE": "fr"})
    assert french.returncode == 2
    assert "n'existe pas" in french.stderr and "Traceback" not in french.stderr
    assert not os.path.exists(str(tmp_path / "s.tif"))


def test_help_lists_every_parameter_with_its_default_and_source(no_qgis_path):
    result = python(no_qgis_path, "-m", "neve", "snowmap", "--help", env={"LANG": "C", "COLUMNS": "200"})
    assert result.returncode == 0, result.stderr
    text = " ".join(result.stdout.split())
    for flag in ("--input-product", "--dem", "--ndsi-pass1", "--red-darkcloud", "--output", "--output-html-file",
                 "--cloud-mask-type", "--snowline-count-nodata"):
        assert flag in text
    assert "default 0.4, from Let-It-Snow (Theia Snow collection)" in text
    assert "clm (0)" in text    # an option choice by key or by its QGIS number


def test_an_unknown_algorithm_and_a_bad_number_exit_with_2(no_qgis_path):
    unknown = python(no_qgis_path, "-m", "neve", "snowmapp", env={"LANG": "C"})
    assert unknown.returncode == 2 and "snowmap" in unknown.stderr
    bad = python(no_qgis_path, "-m", "neve", "snowmap", "--ndsi-pass1", "high", env={"LANG": "C"})
    assert bad.returncode == 2 and "high is not a number" in bad.stderr
    listing = python(no_qgis_path, "-m", "neve", "list", env={"LANG": "C"})
    assert listing.returncode == 0 and "snowmap" in listing.stdout and "refinecloudmask" in listing.stdout


