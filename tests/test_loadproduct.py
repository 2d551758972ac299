"""neve:loadproduct through processing.run: the VRT stacks, the decoded masks, the summary, loading in
QGIS, a model and qgis_process, every bad input of issue 3, and the HTML helpers of report.py.

Expected values come from elsewhere than the algorithm: the scene's truth (tests/synthetic.py), the band
files read directly with rasterio and (DN + offset) / 10000 computed in double precision, the SCL file
of the real Sen2Cor product, values read off its metadata by hand, and the product reader for the
reflectance the stacks must reproduce. The VRTs are read with rasterio, unscaled by hand with the scale
and offset they declare.
"""
import glob
import os
import re
import shutil
import zipfile
from xml.etree import ElementTree

import numpy as np
import pytest
import rasterio
from qgis.core import QgsProcessingException, QgsProcessingFeedback
from rasterio.windows import Window

from conftest import shared_path
from helpers import BILLION_LAUGHS, layer_tree, leftovers, load_outputs, read_raster, run
from qgis.core import QgsApplication, QgsRasterLayer
from processing.gui.Postprocessing import handleAlgorithmResults
from test_ui_widgets import dialogs_ready  # noqa: F401 (a fixture)
from neve.plugin.io.readers import open_product
from test_qgis_process import profile, qgis_process  # noqa: F401 (profile: the installed plugin, a fixture)

SAFE_NAME = "S2A_MSIL2A_20221005T115411_N0400_R023_T29UNU_20221005T164454.SAFE"
SAFE = shared_path("real", "sen2cor", SAFE_NAME)
GRANULE = glob.glob(os.path.join(SAFE, "GRANULE", "*"))[0]
SCL_20M = glob.glob(os.path.join(GRANULE, "IMG_DATA", "R20m", "*_SCL_20m.jp2"))[0]
CROPS = sorted(glob.glob(os.path.join(shared_path("real", "theia-muscate", "product-crops"), "*", "*")))
R1, R2 = ("B2", "B3", "B4", "B8"), ("B5", "B6", "B7", "B8A", "B11", "B12")
WAVELENGTHS = {"B2": 490, "B3": 560, "B4": 665, "B5": 705, "B6": 740, "B7": 783, "B8": 842, "B8A": 865,
               "B11": 1610, "B12": 2190}
MASKS = ("CLOUD", "SHADOW", "WATER", "SNOW", "NODATA")
# a patch of exact zero reflectance in B4 and B11: Sen2Cor 04.00 writes it as DN 1000 (see test_qgis_*)
ZERO_PATCH = dict(x=100.0, y=100.0, width=200.0, height=200.0, reflectance={"B4": 0.0, "B11": 0.0})


# --- helpers ----------------------------------------------------------------------------------------

class Log(QgsProcessingFeedback):
    """A feedback that keeps what the algorithm writes to the log."""

    def __init__(self):
        super().__init__()
        self.infos, self.warnings = [], []

    def pushInfo(self, info):  # noqa: N802
        self.infos.append(info)
        super().pushInfo(info)

    def pushWarning(self, warning):  # noqa: N802
        self.warnings.append(warning)
        super().pushWarning(warning)


def outputs(folder, skip=()):
    """Every output of neve:loadproduct in ``folder``; names in ``skip`` set to None (skipped)."""
    folder = str(folder)
    values = {"OUTPUT_R1": os.path.join(folder, "r1.vrt"), "OUTPUT_R2": os.path.join(folder, "r2.vrt"),
              "OUTPUT_HTML": os.path.join(folder, "summary.html")}
    values.update({"OUTPUT_" + m: os.path.join(folder, m.lower() + ".tif") for m in MASKS})
    values.update(dict.fromkeys(skip))
    return values


def load(source, folder, skip=(), feedback=None, **parameters):
    values = dict(outputs(folder, skip), INPUT_PRODUCT=str(source), **parameters)
    return run("neve:loadproduct", values, feedback=feedback)


def unscaled(vrt, band):
    """Band ``band`` (1-based) of a VRT as GDAL's unscaling defines it: raw * scale + offset, computed in
    double precision and rounded once to float32; NaN where the raw value is the band's no-data."""
    with rasterio.open(vrt) as src:
        raw = src.read(band)
        scale, offset, nodata = src.scales[band - 1], src.offsets[band - 1], src.nodatavals[band - 1]
    values = (raw.astype(np.float64) * scale + offset).astype(np.float32)
    values[raw == nodata] = np.nan
    return values


def expected_reflectance(dn, offset, nodata):
    """(DN + offset) / 10000 in double precision rounded once to float32; NaN where DN is no data."""
    values = ((dn.astype(np.float64) + offset) / 10000.0).astype(np.float32)
    values[dn == nodata] = np.nan
    return values


def vrt_sources(vrt):
    root = ElementTree.parse(vrt).getroot()
    return [element.text for element in root.iter("SourceFilename")]


def zip_folder(folder, zip_path):
    """Zip ``folder`` as products are distributed: its files under the folder's own name."""
    top = os.path.basename(folder)
    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for dirpath, _dirs, files in os.walk(folder):
            for name in files:
                path = os.path.join(dirpath, name)
                archive.write(path, os.path.join(top, os.path.relpath(path, folder)))
    return str(zip_path)


def writable_copy(source, target):
    shutil.copytree(source, target)
    for dirpath, _dirs, files in os.walk(target):
        os.chmod(dirpath, 0o755)
        for name in files:
            os.chmod(os.path.join(dirpath, name), 0o644)
    return str(target)


# --- generated products ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def scene():
    from synthetic import Patch, Scene

    small = Scene.small()
    return small.replace(patches=small.patches + (Patch(**ZERO_PATCH),))


@pytest.fixture(scope="module")
def generated(scene, tmp_path_factory):
    from synthetic import make_sen2cor_product, make_theia_product

    out = tmp_path_factory.mktemp("generated")
    return {
        "theia": make_theia_product(out / "theia", scene),
        "theia-zip": make_theia_product(out / "theia-zip", scene, zip=True),
        "sen2cor-04.00": make_sen2cor_product(out / "sen2cor", scene, baseline="04.00"),
        "sen2cor-04.00-zip": make_sen2cor_product(out / "sen2cor-zip", scene, baseline="04.00", zip=True),
        "sen2cor-02.14": make_sen2cor_product(out / "sen2cor-old", scene, baseline="02.14"),
    }


GENERATED = ["theia", "theia-zip", "sen2cor-04.00", "sen2cor-04.00-zip", "sen2cor-02.14"]


def band_file(product_path, band, resolution):
    """The band file of a generated product folder, found with glob (not with the reader)."""
    if "SENTINEL2" in os.path.basename(product_path):
        return glob.glob(os.path.join(product_path, "*_FRE_{}.tif".format(band)))[0]
    code = "B8A" if band == "B8A" else "B{:02d}".format(int(band[1:]))
    return glob.glob(os.path.join(product_path, "GRANULE", "*", "IMG_DATA", "R{}m".format(resolution),
                                  "*_{}_{}m.jp2".format(code, resolution)))[0]


@pytest.mark.parametrize("which", GENERATED)
def test_stacks_hold_the_reflectance_of_the_reader_and_of_the_files(neve_provider, generated, which, tmp_path):
    path = generated[which]
    theia = which.startswith("theia")
    result = load(path, tmp_path / "out")
    assert result["OUTPUT_R1"] == str(tmp_path / "out" / "r1.vrt")
    offset = -1000.0 if "04.00" in which else 0.0
    nodata = -10000 if theia else 0
    with open_product(path) as product:
        for key, bands, resolution in (("OUTPUT_R1", R1, 10), ("OUTPUT_R2", R2, 20)):
            vrt = result[key]
            with rasterio.open(vrt) as src:
                grid = product.grid(resolution)
                assert (src.width, src.height, src.crs, src.transform) == (grid.width, grid.height, grid.crs,
                                                                          grid.transform)
                assert src.descriptions == tuple("{} ({} nm)".format(b, WAVELENGTHS[b]) for b in bands)
                assert src.scales == (1e-4,) * len(bands)
                assert src.offsets == (offset / 10000.0,) * len(bands)
            for index, band in enumerate(bands, start=1):
                values = unscaled(vrt, index)
                np.testing.assert_array_equal(values, product.read_reflectance(band), err_msg=band)
                if not which.endswith("zip"):
                    dn = read_raster(band_file(path, band, resolution))
                    np.testing.assert_array_equal(values, expected_reflectance(dn, offset, nodata), err_msg=band)
                assert np.isnan(values).any() and np.nanmax(values) - np.nanmin(values) > 0.2, band
            # the product's own files, in place: inside the zip for a zip, never extracted or copied
            for source in vrt_sources(vrt):
                if which.endswith("zip"):
                    assert source.startswith("/vsizip/" + str(path) + "/"), source
                else:
                    assert source.startswith(str(path) + os.sep) and os.path.exists(source), source
    assert leftovers(tmp_path / "out") == sorted(["r1.vrt", "r2.vrt", "summary.html"]
                                                 + [m.lower() + ".tif" for m in MASKS])


def scene_masks(scene, theia):
    """The decoded masks expected from the scene's truth at 20 m: the encoded layers of the product
    (CLM, MG2, EDG or SCL) decoded by hand."""
    t = scene.truth(resolution=20)
    if theia:
        nodata = t.edg == 1
        decoded = {"CLOUD": t.clm > 0, "SHADOW": (t.clm & (32 | 64)) > 0, "WATER": (t.mg2 & 1) > 0,
                   "SNOW": (t.mg2 & 4) > 0}
    else:
        nodata = t.scl == 0
        decoded = {"CLOUD": np.isin(t.scl, [3, 8, 9, 10]), "SHADOW": t.scl == 3, "WATER": t.scl == 6,
                   "SNOW": t.scl == 11}
    encoded = {kind: np.where(nodata, 255, mask).astype(np.uint8) for kind, mask in decoded.items()}
    encoded["NODATA"] = nodata.astype(np.uint8)
    return encoded, decoded, nodata


@pytest.mark.parametrize("which", GENERATED)
def test_masks_are_the_scene_truth_at_20m(neve_provider, generated, scene, which, tmp_path):
    result = load(generated[which], tmp_path)
    encoded, decoded, nodata = scene_masks(scene, which.startswith("theia"))
    for kind in MASKS:
        path = result["OUTPUT_" + kind]
        np.testing.assert_array_equal(read_raster(path), encoded[kind], err_msg=kind)
        with rasterio.open(path) as src:
            assert src.transform == scene.transform(20) and src.crs.to_string() == scene.crs
            assert src.profile["tiled"] and src.profile["compress"] == "deflate" and src.dtypes == ("uint8",)
            assert src.nodata == (None if kind == "NODATA" else 255)
    for kind, mask in decoded.items():
        assert (mask & ~nodata).any() and (~mask & ~nodata).any(), kind
    assert nodata.any()


@pytest.mark.parametrize("which", ["theia", "sen2cor-04.00-zip"])
def test_summary_outputs_log_and_html(neve_provider, generated, scene, which, tmp_path):
    log = Log()
    result = load(generated[which], tmp_path, feedback=log)
    theia = which.startswith("theia")
    _encoded, decoded, nodata = scene_masks(scene, theia)
    valid = ~nodata
    cloud = 100.0 * (decoded["CLOUD"] & valid).sum() / valid.sum()
    snow = 100.0 * (decoded["SNOW"] & valid).sum() / valid.sum()
    assert 5 < cloud < 50 and 5 < snow < 50
    assert result["CLOUD_PERCENT"] == pytest.approx(cloud, rel=1e-12)
    assert result["SNOW_PERCENT"] == pytest.approx(snow, rel=1e-12)
    assert result["ACQUISITION_DATE"] == "2021-06-15T10:56:31.024Z"
    assert (result["TILE"], result["PLATFORM"]) == ("T31TCH", "Sentinel-2A")
    assert result["PRODUCT_VERSION"] == ("3.1" if theia else "04.00")
    zenith, azimuth = scene.mean_sun_angles()
    assert (result["SUN_ZENITH"], result["SUN_AZIMUTH"]) == pytest.approx((zenith, azimuth), abs=1e-4)
    # Theia: MAJA's flag in the metadata; Sen2Cor: MAJA's rule (glint angle < 30 deg) on the mean angles
    assert scene.sunglint_detected() and result["SUNGLINT"] is True
    name = os.path.basename(generated[which]).replace(".zip", "").replace(".SAFE", "")
    assert result["PRODUCT_NAME"] == name
    # the log
    text = "\n".join(log.infos)
    assert "Summary of " + name in text
    assert "Cloud: {:.2f} %".format(cloud) in text and "Snow: {:.2f} %".format(snow) in text
    assert "Mean sun zenith angle: {:.2f}°".format(zenith) in text
    assert "Acquisition (UTC): 2021-06-15 10:56:31" in text
    assert ("Reflectance: DN / 10000, no data -10000" if theia else
            "Reflectance: (DN \u2212 1000) / 10000, no data 0") in text
    assert re.search(r"Sunglint likely: yes \(MAJA's (flag|rule)", text)
    assert ("SunGlintDetected: yes" if theia else "CLOUDY_PIXEL_PERCENTAGE: ") in text
    # the HTML page: the same numbers, valid XML-like structure, an inline chart
    with open(result["OUTPUT_HTML"], encoding="utf-8") as f:
        page = f.read()
    assert page.startswith("<!DOCTYPE html>") and "<title>Summary of {}</title>".format(name) in page
    for value in ("T31TCH", "Sentinel-2A", "{:.2f} %".format(cloud), "{:.2f} %".format(snow),
                  "{:.2f}°".format(azimuth), "2021-06-16 03:12:45", result["OUTPUT_CLOUD"]):
        assert value in page, value
    # one chart (matplotlib, inline SVG) of five bars
    assert page.count("<svg") == 1 and len(re.findall(r'<g id="bar-\d+">', page)) == 5


def test_no_sunglint_on_the_other_side_of_the_track(neve_provider, tmp_path):
    from synthetic import Scene, make_sen2cor_product, make_theia_product

    scene = Scene.small(glint=False)
    assert not scene.sunglint_detected()
    for path in (make_theia_product(tmp_path / "theia", scene), make_sen2cor_product(tmp_path / "s2c", scene)):
        result = load(path, tmp_path / "out", skip=["OUTPUT_R1", "OUTPUT_R2"] + ["OUTPUT_" + m for m in MASKS])
        assert result["SUNGLINT"] is False, path


def test_sre_stacks_for_theia_and_one_reflectance_for_sen2cor(neve_provider, generated, scene, tmp_path):
    log = Log()
    result = load(generated["theia-zip"], tmp_path / "theia", REFLECTANCE=1, feedback=log)
    assert all("_SRE_" in source for source in vrt_sources(result["OUTPUT_R2"]))
    with open_product(generated["theia-zip"], reflectance="SRE") as product:
        for index, band in enumerate(R2, start=1):
            np.testing.assert_array_equal(unscaled(result["OUTPUT_R2"], index), product.read_reflectance(band))
    # slopes make SRE differ from FRE on the mountain
    t = scene.truth(resolution=20)
    assert not np.allclose(t.sre("B11")[~t.nodata], t.reflectance("B11")[~t.nodata], atol=1e-3)
    log = Log()
    result = load(generated["sen2cor-02.14"], tmp_path / "sen2cor", REFLECTANCE=1, feedback=log)
    assert any("SRE exists in Theia products only" in info for info in log.infos)
    assert os.path.exists(result["OUTPUT_R1"])


# --- loading in QGIS --------------------------------------------------------------------------------

@pytest.mark.parametrize("which", ["theia-zip", "sen2cor-04.00"])
def test_qgis_shows_reflectance_and_keeps_reflectance_zero(neve_provider, generated, which, tmp_path):
    """QGIS unscales the VRT (Float32 reflectance); no-data stays no data, and the patch of reflectance
    exactly 0 (Sen2Cor 04.00: DN 1000, where QGIS 3.22 would compare with the raw no-data 0) stays data."""
    from qgis.core import QgsPointXY, QgsRasterLayer

    result = load(generated[which], tmp_path)
    layer = QgsRasterLayer(result["OUTPUT_R1"], "r1")
    assert layer.isValid() and layer.bandCount() == 4
    provider = layer.dataProvider()
    assert provider.dataType(3) == 6  # Qgis.Float32: the scale and offset are applied
    assert layer.bandName(3) == "Band 3: B4 (665 nm)"
    x0, y0 = 300000.0, 4800000.0  # the scene's upper-left corner
    value, ok = provider.sample(QgsPointXY(x0 + ZERO_PATCH["x"] + 55, y0 - ZERO_PATCH["y"] - 55), 3)
    assert ok and value == 0.0
    value, ok = provider.sample(QgsPointXY(x0 + 4795, y0 - 5), 3)  # the nodata border, east
    assert not ok
    with rasterio.open(result["OUTPUT_R1"]) as src:
        expected = src.read(3, window=Window(200, 10, 1, 1))[0, 0] * src.scales[2] + src.offsets[2]
    value, ok = provider.sample(QgsPointXY(x0 + 2005, y0 - 105), 3)
    assert ok and value == pytest.approx(expected, abs=1e-7) and 0.02 < value < 1.0
    block = provider.block(3, layer.extent(), layer.width(), layer.height())
    assert not block.isNoData(15, 15) and block.value(15, 15) == 0.0
    # every output loads as a valid raster layer
    for key in ["OUTPUT_R2"] + ["OUTPUT_" + m for m in MASKS]:
        assert QgsRasterLayer(result[key], key).isValid(), key


def test_outputs_are_loaded_and_styled_like_in_the_dialog(neve_provider, generated, tmp_path):
    """As the Processing dialog does: layer outputs carry the destination project; the stacks follow
    them, and the post-processors name, style, group and order the layers once QGIS loads them (issue 17:
    one group named after the product, masks above images, the 20 m stack unchecked, the distinguishing
    word first, whatever order QGIS loads them in; a second run gets names of its own)."""
    from qgis.core import (QgsContrastEnhancement, QgsMultiBandColorRenderer, QgsPalettedRasterRenderer,
                           QgsProcessingContext, QgsProcessingOutputLayerDefinition, QgsProject)

    project = QgsProject()
    context = QgsProcessingContext()
    context.setProject(project)
    values = outputs(tmp_path)
    for m in MASKS:
        values["OUTPUT_" + m] = QgsProcessingOutputLayerDefinition(values["OUTPUT_" + m], project)
    values["INPUT_PRODUCT"] = generated["theia"]
    run("neve:loadproduct", values, context=context)
    to_load = context.layersToLoadOnCompletion()
    assert set(to_load) == {values["OUTPUT_R1"], values["OUTPUT_R2"]} | {
        values["OUTPUT_" + m].sink.staticValue() for m in MASKS}
    second = tmp_path / "second"
    second.mkdir()
    second_values = outputs(second)
    for m in MASKS:
        second_values["OUTPUT_" + m] = QgsProcessingOutputLayerDefinition(second_values["OUTPUT_" + m], project)
    second_values["INPUT_PRODUCT"] = generated["theia"]
    load_outputs("neve:loadproduct", second_values, project)  # another run, loaded first
    algorithm = QgsApplication.processingRegistry().algorithmById("neve:loadproduct")
    assert handleAlgorithmResults(algorithm, context, QgsProcessingFeedback(), False, values)
    QgsApplication.processEvents()  # what QGIS does later (it removes layers left without a tree node)
    names = ["Cloud mask", "Cloud shadow mask", "Water mask", "Snow mask", "No-data mask",
             "10 m reflectance stack (B2, B3, B4, B8)", "20 m reflectance stack (B5, B6, B7, B8A, B11, B12)"]
    tree = layer_tree(project)
    assert [group for group, _layers in tree] == ["T31TCH 2021-06-15"]
    # the run loaded last on top, each run in its order; the run loaded first got the plain names
    assert tree[0][1] == [(name + " \u00b7 T31TCH 2021-06-15 (2)", name != names[-1]) for name in names] + [
        (name + " \u00b7 T31TCH 2021-06-15", name != names[-1]) for name in names]
    layers = {layer.name(): layer for layer in project.mapLayers().values()}
    r1 = layers["10 m reflectance stack (B2, B3, B4, B8) \u00b7 T31TCH 2021-06-15 (2)"].renderer()
    assert isinstance(r1, QgsMultiBandColorRenderer)
    assert (r1.redBand(), r1.greenBand(), r1.blueBand()) == (3, 2, 1)  # B4, B3, B2
    enhancement = r1.redContrastEnhancement()  # a reflectance stretch 0 to 0.3, not QGIS's cumulative cut
    assert enhancement.contrastEnhancementAlgorithm() == QgsContrastEnhancement.StretchToMinimumMaximum
    assert (enhancement.minimumValue(), enhancement.maximumValue()) == (0.0, pytest.approx(0.3))
    r2 = layers["20 m reflectance stack (B5, B6, B7, B8A, B11, B12) \u00b7 T31TCH 2021-06-15"].renderer()
    assert (r2.redBand(), r2.greenBand(), r2.blueBand()) == (5, 4, 1)  # B11, B8A, B5
    snow = layers["Snow mask \u00b7 T31TCH 2021-06-15"].renderer()
    assert isinstance(snow, QgsPalettedRasterRenderer)
    assert [(c.value, c.label) for c in snow.classes()] == [(0, "No snow"), (1, "Snow"), (255, "No data")]


def test_the_10m_stack_asked_for_alone_is_loaded_from_the_dialog(neve_provider, generated, dialogs_ready,
                                                                   qtbot, tmp_path):
    """Issue 17: Névé's dialog hands a file output that is a layer over with the project to load it into,
    so the 10 m stack asked for alone is loaded, in natural colours; a plain path (scripts, batch runs)
    still loads nothing."""
    from qgis.core import QgsProcessingOutputLayerDefinition, QgsProject

    from neve.ui.dialog import NeveAlgorithmDialog

    algorithm = QgsApplication.processingRegistry().algorithmById("neve:loadproduct")
    dialog = algorithm.createCustomParametersWidget(None)
    qtbot.addWidget(dialog)
    assert isinstance(dialog, NeveAlgorithmDialog)
    r1 = str(tmp_path / "r1.vrt")
    dialog.setParameters(dict({"INPUT_PRODUCT": generated["theia"], "OUTPUT_R1": r1},
                              **{"OUTPUT_" + m: None for m in MASKS}))
    parameters = dialog.createProcessingParameters()
    assert isinstance(parameters["OUTPUT_R1"], QgsProcessingOutputLayerDefinition)
    assert parameters["OUTPUT_R1"].destinationProject is QgsProject.instance()
    project = QgsProject()
    only_r1 = {"INPUT_PRODUCT": generated["theia"], "OUTPUT_R1": QgsProcessingOutputLayerDefinition(r1, project)}
    load_outputs("neve:loadproduct", only_r1, project)
    assert layer_tree(project) == [("T31TCH 2021-06-15",
                                    [("10 m reflectance stack (B2, B3, B4, B8) \u00b7 T31TCH 2021-06-15", True)])]


def test_plain_paths_load_nothing(neve_provider, generated, tmp_path):
    from qgis.core import QgsProcessingContext, QgsProject

    context = QgsProcessingContext()
    context.setProject(QgsProject())
    run("neve:loadproduct", dict(outputs(tmp_path), INPUT_PRODUCT=generated["theia"]), context=context)
    assert context.layersToLoadOnCompletion() == {}


def test_a_model_passes_the_stack_and_the_numbers_on(neve_provider, generated, tmp_path):
    """loadproduct in a model: its 20 m VRT feeds native:rasterlayerstatistics (QGIS unscales it), its
    acquisition date is a model output."""
    from qgis.core import (QgsProcessingModelAlgorithm, QgsProcessingModelChildAlgorithm,
                           QgsProcessingModelChildParameterSource as Source, QgsProcessingModelOutput,
                           QgsProcessingModelParameter, QgsProcessingParameterFile)

    model = QgsProcessingModelAlgorithm("load and measure", "Névé tests")
    model.addModelParameter(QgsProcessingParameterFile("product", "Product"), QgsProcessingModelParameter("product"))
    load_child = QgsProcessingModelChildAlgorithm("neve:loadproduct")
    load_child.setChildId("load")
    load_child.addParameterSources("INPUT_PRODUCT", [Source.fromModelParameter("product")])
    load_child.addParameterSources("REFLECTANCE", [Source.fromStaticValue(0)])
    date = QgsProcessingModelOutput("date")
    date.setChildOutputName("ACQUISITION_DATE")
    load_child.setModelOutputs({"date": date})
    model.addChildAlgorithm(load_child)
    stats = QgsProcessingModelChildAlgorithm("native:rasterlayerstatistics")
    stats.setChildId("stats")
    stats.addParameterSources("INPUT", [Source.fromChildOutput("load", "OUTPUT_R2")])
    stats.addParameterSources("BAND", [Source.fromStaticValue(5)])  # B11
    mean = QgsProcessingModelOutput("mean")
    mean.setChildOutputName("MEAN")
    stats.setModelOutputs({"mean": mean})
    model.addChildAlgorithm(stats)
    ok, problems = model.validate()
    assert ok, problems
    result = run(model, {"product": generated["theia-zip"]})
    assert result["load:date"] == "2021-06-15T10:56:31.024Z"
    with open_product(generated["theia-zip"]) as product:
        b11 = product.read_reflectance("B11").astype(np.float64)
    assert result["stats:mean"] == pytest.approx(np.nanmean(b11), rel=1e-6)


def test_qgis_process_runs_it(profile, generated, tmp_path):
    """qgis_process (no iface, the plugin installed from its zip): file outputs and the numbers."""
    import json

    args = ["{}={}".format(k, v) for k, v in outputs(tmp_path, skip=["OUTPUT_SHADOW", "OUTPUT_WATER"]).items()
            if v is not None]
    result = qgis_process(profile, "run", "neve:loadproduct", "--json", "--",
                          "INPUT_PRODUCT=" + generated["sen2cor-04.00-zip"], *args)
    assert result.returncode == 0, result.stdout + result.stderr
    results = json.loads(result.stdout)["results"]
    assert results["ACQUISITION_DATE"] == "2021-06-15T10:56:31.024Z" and results["TILE"] == "T31TCH"
    assert results["OUTPUT_R2"] == str(tmp_path / "r2.vrt")
    assert leftovers(tmp_path) == sorted(["r1.vrt", "r2.vrt", "summary.html", "cloud.tif", "snow.tif",
                                          "nodata.tif"])


# --- the real Sen2Cor product and the real Theia crops ------------------------------------------------

@pytest.fixture(scope="module")
def real_zip(tmp_path_factory):
    return zip_folder(SAFE, tmp_path_factory.mktemp("real") / (SAFE_NAME[:-5] + ".zip"))


def sen2cor_60m(band):
    code = "B8A" if band == "B8A" else "B{:02d}".format(int(band[1:]))
    return glob.glob(os.path.join(GRANULE, "IMG_DATA", "R60m", "*_{}_60m.jp2".format(code)))[0]


@pytest.mark.parametrize("kind", ["folder", "zip"])
def test_real_sen2cor_product(neve_provider, real_zip, kind, tmp_path):
    """The real baseline-04.00 product (60 m bands, 20 m SCL): the 20 m stack repeats each 60 m pixel
    3 x 3 with (DN - 1000) / 10000 to the last bit; masks are the SCL classes; sun angles are those of
    MTD_TL.xml (read off by hand); the 10 m stack is skipped (the product carries no B8 at all)."""
    source = SAFE if kind == "folder" else real_zip
    result = load(source, tmp_path, skip=["OUTPUT_R1"])
    assert result["OUTPUT_R1"] is None and not os.path.exists(tmp_path / "r1.vrt")
    assert (result["SUN_ZENITH"], result["SUN_AZIMUTH"]) == (57.820574357679, 172.840206897213)
    assert (result["TILE"], result["PRODUCT_VERSION"]) == ("T29UNU", "04.00")
    assert result["ACQUISITION_DATE"] == "2022-10-05T11:54:11.024Z"
    windows60 = [Window(0, 0, 1830, 300), Window(900, 300, 200, 150), Window(1500, 1500, 330, 330)]
    if kind == "zip":
        windows60 = windows60[1:2]  # the same files, read through /vsizip/: slower, one window is enough
    for index, band in enumerate(R2, start=1):
        with rasterio.open(sen2cor_60m(band)) as src:
            dn = src.read(1)
        assert (dn == 0).any() and ((dn > 0) & (dn < 1000)).any() and (dn == 1000).any()
        with rasterio.open(result["OUTPUT_R2"]) as vrt:
            scale, offset, nodata = vrt.scales[index - 1], vrt.offsets[index - 1], vrt.nodatavals[index - 1]
            for w in windows60:
                expected = expected_reflectance(
                    dn[w.row_off:w.row_off + w.height, w.col_off:w.col_off + w.width], -1000, 0)
                expected = np.repeat(np.repeat(expected, 3, axis=0), 3, axis=1)
                raw = vrt.read(index, window=Window(w.col_off * 3, w.row_off * 3, w.width * 3, w.height * 3))
                values = (raw.astype(np.float64) * scale + offset).astype(np.float32)
                values[raw == nodata] = np.nan
                np.testing.assert_array_equal(values, expected, err_msg=band)
    for source_path in vrt_sources(result["OUTPUT_R2"]):
        assert source_path.startswith("/vsizip/" + real_zip if kind == "zip" else SAFE)
    scl = read_raster(SCL_20M)
    assert set(np.unique(scl)) <= set(range(12))
    cloud = read_raster(result["OUTPUT_CLOUD"])
    assert np.array_equal(cloud == 1, np.isin(scl, [3, 8, 9, 10]))
    assert np.array_equal(cloud == 255, scl == 0) and set(np.unique(cloud)) == {0, 1, 255}
    np.testing.assert_array_equal(read_raster(result["OUTPUT_NODATA"]), (scl == 0).astype(np.uint8))
    np.testing.assert_array_equal(read_raster(result["OUTPUT_WATER"]) == 1, scl == 6)
    valid = scl != 0
    assert result["CLOUD_PERCENT"] == pytest.approx(100.0 * np.isin(scl, [3, 8, 9, 10]).sum() / valid.sum(),
                                                    rel=1e-12)
    assert result["SNOW_PERCENT"] == pytest.approx(100.0 * (scl == 11).sum() / valid.sum(), rel=1e-12)
    assert result["SUNGLINT"] is False  # sun zenith 58 deg, view zenith 9 deg: far from specular


def test_real_sen2cor_10m_stack_needs_b8(neve_provider, tmp_path):
    with pytest.raises(QgsProcessingException, match=r"lacks B8, needed for the 10 m reflectance stack.*"
                                                     r"Skip that output"):
        load(SAFE, tmp_path)
    assert leftovers(tmp_path) == []


def test_real_theia_crop_recognised_by_its_naming(neve_provider, tmp_path):
    """A real crop (no metadata, CLM/EDG/SAT at 10 m only, no MG2): stacks from its FRE files, the cloud
    and no-data masks from CLM_R1 and EDG_R1 taken at 20 m; water and snow have no source."""
    crop = CROPS[0]
    name = os.path.basename(crop)
    log = Log()
    result = load(crop, tmp_path, skip=["OUTPUT_WATER", "OUTPUT_SNOW"], feedback=log)
    assert result["PRODUCT_NAME"] == name and result["TILE"] == "T" + name.split("_T")[1][:5]
    assert result["ACQUISITION_DATE"] == "2017-06-13T07:12:16.460Z"
    assert result["SUN_ZENITH"] is None and result["SNOW_PERCENT"] is None
    assert any("has no MTD_ALL.xml" in w for w in log.warnings)
    for key, bands in (("OUTPUT_R1", R1), ("OUTPUT_R2", R2)):
        for index, band in enumerate(bands, start=1):
            dn = read_raster(glob.glob(os.path.join(crop, "*_FRE_{}.tif".format(band)))[0])
            np.testing.assert_array_equal(unscaled(result[key], index), expected_reflectance(dn, 0, -10000))
    edg = read_raster(glob.glob(os.path.join(crop, "MASKS", "*_EDG_R1.tif"))[0])[::2, ::2]
    clm = read_raster(glob.glob(os.path.join(crop, "MASKS", "*_CLM_R1.tif"))[0])[::2, ::2]
    with rasterio.open(result["OUTPUT_CLOUD"]) as src:
        cloud = src.read(1)
    rows, cols = cloud.shape
    np.testing.assert_array_equal(cloud, np.where(edg[:rows, :cols] > 0, 255, clm[:rows, :cols] > 0))
    with pytest.raises(QgsProcessingException, match="has no mask to make Water mask, Snow mask from"):
        load(crop, tmp_path / "default")
    assert leftovers(tmp_path / "default") == []


# --- bad inputs: a clear error, nothing written ---------------------------------------------------------

def expect_error(source, folder, match, **parameters):
    folder.mkdir(exist_ok=True)
    with pytest.raises(QgsProcessingException, match=match) as error:
        load(source, folder, **parameters)
    assert leftovers(folder) == []
    return str(error.value)


def test_no_product_is_a_clear_error(neve_provider, tmp_path):
    expect_error("", tmp_path / "out", "No product: give a Sentinel-2 L2A product")


def test_folder_that_is_no_product(neve_provider, tmp_path):
    folder = tmp_path / "holiday_photos"
    folder.mkdir()
    (folder / "beach.jpg").write_bytes(b"not an image")
    message = expect_error(folder, tmp_path / "out", "This folder is not a Sentinel-2 L2A product")
    assert "beach.jpg" in message


def test_zip_with_no_product(neve_provider, tmp_path):
    with zipfile.ZipFile(tmp_path / "photos.zip", "w") as archive:
        archive.writestr("holiday/beach.jpg", b"not an image")
    expect_error(tmp_path / "photos.zip", tmp_path / "out", "This zip is not a Sentinel-2 L2A product")


@pytest.mark.parametrize("evil", ["../../evil.sh", "/tmp/evil.sh"])
def test_zip_with_path_traversal_names(neve_provider, generated, tmp_path, evil):
    shutil.copy(generated["theia-zip"], tmp_path / "product.zip")
    with zipfile.ZipFile(tmp_path / "product.zip", "a") as archive:
        archive.writestr(zipfile.ZipInfo(evil), b"rm -rf ~")
    message = expect_error(tmp_path / "product.zip", tmp_path / "out", "points outside the zip")
    assert evil in message and not os.path.exists("/tmp/evil.sh")


@pytest.mark.parametrize("which, pattern", [("theia", "*_FRE_B8.tif"), ("sen2cor-04.00", "*_B11_20m.jp2"),
                                            ("theia", "MASKS/*_CLM_R2.tif")])
def test_truncated_file(neve_provider, generated, tmp_path, which, pattern):
    """A band file cut in half is named before anything is written; a truncated mask file fails while
    the masks are being written, and the files already begun are removed."""
    folder = writable_copy(generated[which], tmp_path / os.path.basename(generated[which]))
    path = (glob.glob(os.path.join(folder, pattern)) or
            glob.glob(os.path.join(folder, "GRANULE", "*", "IMG_DATA", "R20m", pattern)))[0]
    with open(path, "r+b") as f:
        f.truncate(os.path.getsize(path) // 2)
    message = expect_error(folder, tmp_path / "out", "damaged or truncated")
    assert os.path.basename(path) in message
    # and inside a zip
    zipped = zip_folder(folder, tmp_path / "cut.zip")
    assert os.path.basename(path) in expect_error(zipped, tmp_path / "out-zip", "damaged or truncated")


def test_missing_band(neve_provider, generated, tmp_path):
    folder = writable_copy(generated["theia"], tmp_path / os.path.basename(generated["theia"]))
    os.remove(glob.glob(os.path.join(folder, "*_FRE_B11.tif"))[0])
    expect_error(folder, tmp_path / "out", r"lacks B11, needed for the 20 m reflectance stack")
    # the rest loads once that output is skipped; the reader's warning is in the log
    log = Log()
    result = load(folder, tmp_path / "rest", skip=["OUTPUT_R2"], feedback=log)
    assert os.path.exists(result["OUTPUT_R1"]) and result["OUTPUT_R2"] is None
    assert any("lists band B11, but its file is missing" in w for w in log.warnings)


def test_malformed_metadata(neve_provider, generated, tmp_path):
    folder = writable_copy(generated["theia"], tmp_path / os.path.basename(generated["theia"]))
    metadata = glob.glob(os.path.join(folder, "*_MTD_ALL.xml"))[0]
    with open(metadata, "r+b") as f:
        f.truncate(os.path.getsize(metadata) // 2)
    assert os.path.basename(metadata) in expect_error(folder, tmp_path / "out", "is not well-formed XML")




def test_hostile_metadata(neve_provider, generated, tmp_path):
    folder = writable_copy(generated["sen2cor-04.00"], tmp_path / os.path.basename(generated["sen2cor-04.00"]))
    with open(os.path.join(folder, "MTD_MSIL2A.xml"), "w") as f:
        f.write(BILLION_LAUGHS)
    message = expect_error(folder, tmp_path / "out", "declares a document type or entities")
    assert "MTD_MSIL2A.xml" in message


def test_level_1c_product(neve_provider, tmp_path):
    l1c = tmp_path / "S2A_MSIL1C_20221005T115411_N0400_R023_T29UNU_20221005T132442.SAFE"
    l1c.mkdir()
    (l1c / "MTD_MSIL1C.xml").write_text("<Level-1C_User_Product/>")
    expect_error(l1c, tmp_path / "out", "is a Level-1C product")


def test_cancel_leaves_nothing(neve_provider, generated, tmp_path):
    """Cancelled once the masks are written (to their temporary files): nothing is left."""
    feedback = QgsProcessingFeedback()
    feedback.progressChanged.connect(lambda _progress: feedback.cancel())
    (tmp_path / "out").mkdir()
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        load(generated["theia"], tmp_path / "out", feedback=feedback)
    assert leftovers(tmp_path / "out") == []


def test_errors_in_french(neve_provider, tmp_path):
    from neve.plugin.i18n import install_translator, remove_translator

    assert install_translator("fr") == "fr"
    try:
        expect_error("", tmp_path / "empty", "Aucun produit : donnez un produit Sentinel-2 L2A")
        expect_error(SAFE, tmp_path / "b8", "Il manque B8 à S2A_MSIL2A_.*Ignorez cette sortie")
    finally:
        remove_translator()
    expect_error("", tmp_path / "english", "No product")


# --- report.py ------------------------------------------------------------------------------------------

def test_report_escapes_and_lays_out():
    from neve.plugin.pipeline import report

    page = report.page("A <b> & c", [report.heading("Tables"), report.table([("x<y", 1.5), ("none", None)],
                                                                          header=("name", "value")),
                                     report.bullet_list(["<script>"])], language="fr")
    assert "<title>A &lt;b&gt; &amp; c</title>" in page and '<html lang="fr">' in page
    assert "<td>x&lt;y</td><td class=\"number\">1.5</td>" in page and "<td>none</td><td>\u2013</td>" in page
    assert "<li>&lt;script&gt;</li>" in page and "<script>" not in page
    assert report.bullet_list([]) == ""
    png = report.png_image(b"\x89PNG", "a <chart>")
    assert png == '<img src="data:image/png;base64,iVBORw==" alt="a &lt;chart&gt;">'


def test_report_bar_chart_scales_bars():
    from neve.plugin.pipeline import report

    svg = report.bar_chart([("half", 50.0), ("none", None), ("over", 150.0), ("<x>", 0.0)], unit="%",
                           maximum=100.0, width=500)
    ElementTree.fromstring(svg)  # well-formed
    # matplotlib draws each bar as a rectangle path in a group named after it: its width in pixels
    bars = dict(re.findall(r'<g id="bar-(\d+)">\s*<path d="([^"]*)"', svg))
    widths = {}
    for index, path in bars.items():
        xs = [float(x) for x in re.findall(r"[ML] ([0-9.]+) ", path)]
        widths[int(index)] = max(xs) - min(xs)
    assert sorted(widths) == [0, 2, 3]  # None: no bar
    assert widths[0] == pytest.approx(widths[2] / 2) and widths[2] > 100  # over the maximum: clipped
    assert widths[3] == 0.0
    assert "50.0\u00a0%" in svg and "&lt;x&gt;" in svg and "\u2013" in svg


def test_report_write_text_is_atomic(tmp_path):
    from neve.plugin.pipeline import report

    path = report.write_text(tmp_path / "sub" / "page.html", "é")
    assert open(path, encoding="utf-8").read() == "é" and os.listdir(tmp_path / "sub") == ["page.html"]
    with pytest.raises(TypeError):  # fails while writing: the temporary file goes too
        report.write_text(tmp_path / "sub" / "other.html", 42)
    assert os.listdir(tmp_path / "sub") == ["page.html"]


def test_stacks_say_which_bands_are_red_green_and_blue(neve_provider, generated, tmp_path):
    """Issue 17: the VRTs carry the colour interpretation of their composite (natural colours for 10 m,
    B11, B8A, B5 for 20 m), so that any viewer shows them in colour; the other bands stay undefined."""
    from rasterio.enums import ColorInterp

    result = load(generated["theia"], tmp_path)
    with rasterio.open(result["OUTPUT_R1"]) as src:  # B2, B3, B4, B8
        assert src.colorinterp == (ColorInterp.blue, ColorInterp.green, ColorInterp.red, ColorInterp.undefined)
    with rasterio.open(result["OUTPUT_R2"]) as src:  # B5, B6, B7, B8A, B11, B12
        assert src.colorinterp == (ColorInterp.blue, ColorInterp.undefined, ColorInterp.undefined, ColorInterp.green,
                                   ColorInterp.red, ColorInterp.undefined)


def test_layers_keep_their_order_when_qgis_puts_new_layers_into_the_group(neve_provider, generated, tmp_path):
    """In the desktop QGIS puts a new layer above the current one, which may be in the scene's group
    already: the order of a run stays its own whatever order and place QGIS loads them in."""
    from qgis.core import QgsProject

    from neve.plugin.processing.layers import place

    project = QgsProject()
    root = project.layerTreeRoot()
    layers = [QgsRasterLayer(generated["theia"] + "/MASKS/" + f, str(i)) for i, f in enumerate(
        sorted(os.listdir(generated["theia"] + "/MASKS"))[:5])]
    for rank in (3, 0, 4, 1, 2):  # loaded in another order, each put at the top of the group as QGIS does
        project.addMapLayer(layers[rank], False)
        group = root.findGroup("scene")
        (group or root).insertLayer(0, layers[rank])
        place(root, layers[rank], "scene", "run", rank, True, False)
    QgsApplication.processEvents()  # QGIS removes (queued) the layers left without a node: none is
    assert [n.layer().name() for n in root.findGroup("scene").children()] == ["0", "1", "2", "3", "4"]
    assert len(project.mapLayers()) == 5
    # a layer of another scene put by QGIS inside this group: its own group goes beside, above
    other = QgsRasterLayer(layers[0].source(), "other")
    project.addMapLayer(other, False)
    root.findGroup("scene").insertLayer(2, other)
    place(root, other, "another scene", "run 2", 0, True, False)
    QgsApplication.processEvents()
    assert [g.name() for g in root.children()] == ["another scene", "scene"]
    assert len(root.findGroup("scene").children()) == 5
