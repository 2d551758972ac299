"""Outputs never destroy inputs (pipeline/paths.py): every door refuses, before any work, an output on an
input file, inside an input product, on an input zip, or two outputs on one file."""
import glob
import hashlib
import os

import pytest
from qgis.core import QgsProcessingException

from helpers import run
from synthetic import Scene, make_dem, make_theia_product


def digest(path):
    if os.path.isdir(path):
        return sorted((os.path.relpath(p, path), digest(p)) for p in glob.glob(os.path.join(path, "**"),
                                                                                  recursive=True)
                      if os.path.isfile(p))
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


@pytest.fixture(scope="module")
def theia(tmp_path_factory):
    folder = tmp_path_factory.mktemp("product")
    scene = Scene.small(size=120)
    product = make_theia_product(str(folder), scene)
    zipped = make_theia_product(str(folder / "zip"), scene, zip=True)
    return product, zipped, make_dem(str(folder / "dem.tif"), scene)


def case_list(product, zipped, dem, tmp_path):
    b11 = glob.glob(os.path.join(product, "*_FRE_B11.tif"))[0]
    clm = glob.glob(os.path.join(product, "MASKS", "*_CLM_R2.tif"))[0]
    metadata = glob.glob(os.path.join(product, "*_MTD_ALL.xml"))[0]
    link = str(tmp_path / "link_to_dem.tif")
    os.symlink(dem, link)
    return [
        ("neve:snowmap", {"INPUT_PRODUCT": product, "DEM": dem, "OUTPUT": b11}, "inside the input product"),
        ("neve:snowmap", {"INPUT_PRODUCT": zipped, "DEM": dem, "OUTPUT": zipped}, "is an input"),
        ("neve:snowmap", {"INPUT_PRODUCT": product, "DEM": dem, "OUTPUT": dem}, "is an input"),
        ("neve:snowmap", {"INPUT_PRODUCT": product, "DEM": link, "OUTPUT": dem}, "is an input"),
        ("neve:snowmap", {"INPUT_PRODUCT": product, "OUTPUT": str(tmp_path / "s.tif"), "OUTPUT_BITS": clm},
         "inside the input product"),
        ("neve:snowmap", {"INPUT_PRODUCT": metadata, "DEM": dem, "OUTPUT": str(tmp_path / "s.tif"),
                          "OUTPUT_HTML_FILE": metadata}, "is an input"),
        ("neve:snowmap", {"INPUT_PRODUCT": product, "OUTPUT": str(tmp_path / "same.tif"),
                          "OUTPUT_NDSI": str(tmp_path / "sub" / ".." / "same.tif")}, "are the same file"),
    ]


def test_each_output_that_would_destroy_an_input_is_refused_and_nothing_changes(neve_provider, theia, tmp_path):
    product, zipped, dem = theia
    for algorithm, parameters, message in case_list(product, zipped, dem, tmp_path):
        before = [digest(p) for p in (product, zipped, dem)]
        with pytest.raises(QgsProcessingException) as caught:
            run(algorithm, parameters)
        text = str(caught.value)
        assert message in text, text
        assert [digest(p) for p in (product, zipped, dem)] == before, parameters
    assert not os.path.exists(str(tmp_path / "same.tif"))
