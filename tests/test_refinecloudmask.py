"""neve:refinecloudmask (the Theia recipe) against a reference written here from the issue's definition:
clouds over water join CLM bits 0, 1, 2; projected shadows bits 0 and 5; the buffer (scipy's exact
distance transform of the clouds MAJA masks and the clouds over water) bits 0 and 1; no data 0; classes
clear, cloud, cloud shadow, buffer, no data. Presets with the values of the seed post, custom values,
Sen2Cor, layers, 10 m with shadows searched at 20 m, the parallax, errors.
"""
import glob

import numpy as np
import pytest
from qgis.core import QgsProcessingException
from scipy import ndimage

from helpers import layer_tree, leftovers, read_raster, run, write_raster
from synthetic import Lake, Patch, Scene, make_sen2cor_product, make_theia_product
from test_cloudshadows import shadow_scene
from test_dilatemask import CancelAfterFirstBlock

# The seed post of February 2018 (DOMAIN.md section 4): buffer (m), SWIR over water, with sunglint.
SEED_PRESETS = {0: (480.0, 0.04, 0.16), 1: (240.0, 0.08, 0.25), 2: (0.0, 0.04, 0.16)}
CLOUD_BITS = 0b10011110      # bits 1, 2, 3, 4, 7: a cloud in the class raster
BUFFERED_BITS = 0b10001110   # bits 1, 2, 3, 7: the clouds MAJA masks (not the thinnest alone)
SHADOW_BITS = 0b01100000     # bits 5, 6


def water_scene():
    """Scene.small without sunglint (glint angle about 32 degrees) and a third lake, in the clear, with a
    patch of B12 = 0.05: a cloud over water at 0.04 (February 2018), not at 0.08 (2017)."""
    scene = Scene.small(size=240, glint=False)
    return scene.replace(lakes=scene.lakes + (Lake(1900, 1000, 150),),
                         patches=scene.patches + (Patch(1820, 940, 160, 120, reflectance={"B12": 0.05}),))


@pytest.fixture(scope="module")
def scene():
    return water_scene()


@pytest.fixture(scope="module")
def theia(scene, tmp_path_factory):
    return make_theia_product(tmp_path_factory.mktemp("refine"), scene)


def reference(truth, distance, threshold, threshold_sunglint, clm=None, water=None, nodata=None,
              sunglint=None, shadow=None):
    """(bits, classes) of the recipe on the truth's grid, in integers and with scipy's EDT."""
    clm = (truth.clm if clm is None else clm).astype(np.uint8)
    water = truth.water if water is None else water
    nodata = truth.nodata if nodata is None else nodata
    resolution = truth.resolution
    dn = np.round(truth.reflectance("B12").astype(np.float64) * 10000)
    glint = truth.glint_angle("B12") < 30 if sunglint is None else np.full(truth.shape, sunglint)
    limit = np.where(glint, round(threshold_sunglint * 10000), round(threshold * 10000))
    water_clouds = water & ~nodata & (dn > limit)
    bits = clm | np.where(water_clouds, 0b111, 0).astype(np.uint8)
    if shadow is not None:
        bits |= np.where(shadow, 0b100001, 0).astype(np.uint8)
    is_cloud = ((bits & CLOUD_BITS) != 0) | (bits == 1)
    is_shadow = (bits & SHADOW_BITS) != 0
    buffer = np.zeros(truth.shape, bool)
    if distance > 0:
        clouds = ((bits & BUFFERED_BITS) != 0) & ~nodata
        buffer = ndimage.distance_transform_edt(~clouds, sampling=resolution) <= distance
        bits |= np.where(buffer, 0b11, 0).astype(np.uint8)
    classes = np.zeros(truth.shape, np.uint8)
    classes[buffer] = 3
    classes[is_shadow] = 2
    classes[is_cloud] = 1
    bits[nodata] = 0
    classes[nodata] = 255
    return bits, classes


def refine(tmp_path, name="refined", **parameters):
    out, classes = str(tmp_path / (name + "_bits.tif")), str(tmp_path / (name + "_classes.tif"))
    result = run("neve:refinecloudmask", dict({"OUTPUT": out, "OUTPUT_CLASSES": classes}, **parameters))
    return read_raster(out), read_raster(classes), result


def test_scene_has_clouds_over_water_for_2018_only(scene):
    truth = scene.truth(resolution=20)
    dn = np.round(truth.reflectance("B12").astype(np.float64) * 10000)
    water = truth.water & ~truth.nodata & ~truth.cloud
    assert (water & (dn == 500)).sum() > 10
    assert truth.glint_angle("B12")[truth.water].min() > 30.5


@pytest.mark.parametrize("preset", [0, 1, 2])
def test_presets_give_the_recipe_with_the_seed_values(neve_provider, scene, theia, tmp_path, preset):
    bits, classes, result = refine(tmp_path, INPUT_PRODUCT=theia, PRESET=preset, SHADOWS=False)
    want_bits, want_classes = reference(scene.truth(resolution=20), *SEED_PRESETS[preset])
    assert np.array_equal(bits, want_bits)
    assert np.array_equal(classes, want_classes)
    valid = (want_classes != 255).sum()
    for key, value in (("CLOUD_PERCENT", 1), ("SHADOW_PERCENT", 2), ("BUFFER_PERCENT", 3)):
        assert result[key] == pytest.approx(100.0 * (want_classes == value).sum() / valid)


def test_presets_differ_as_in_production(neve_provider, scene, theia, tmp_path):
    runs = {p: refine(tmp_path, name=str(p), INPUT_PRODUCT=theia, PRESET=p, SHADOWS=False) for p in (0, 1, 2)}
    assert runs[0][2]["BUFFER_PERCENT"] > runs[1][2]["BUFFER_PERCENT"] > runs[2][2]["BUFFER_PERCENT"] == 0
    # the patch of 0.05 over water is cloud in 2018 (0.04), not in 2017 (0.08)
    assert runs[0][2]["CLOUD_PERCENT"] > runs[1][2]["CLOUD_PERCENT"]


def test_custom_values_apply_with_the_custom_preset(neve_provider, scene, theia, tmp_path):
    custom = dict(DISTANCE=100, THRESHOLD=0.06, THRESHOLD_SUNGLINT=0.2, SUNGLINT_ANGLE=35)
    bits, classes, _ = refine(tmp_path, INPUT_PRODUCT=theia, PRESET=3, SHADOWS=False, **custom)
    truth = scene.truth(resolution=20)
    # glint angles of about 32 degrees: below 35, so the sunglint threshold 0.2 applies everywhere
    want_bits, want_classes = reference(truth, 100, 0.06, 0.2, sunglint=True)
    assert np.array_equal(bits, want_bits) and np.array_equal(classes, want_classes)


def test_values_given_win_over_a_named_preset_with_a_warning(neve_provider, scene, theia, tmp_path):
    """Issue 17: a buffer of 1000 m with the default preset is 1000 m, not 480 m, and the log says so;
    the values at their defaults take the preset's (batch, models, qgis_process and scripts alike)."""
    from test_loadproduct import Log

    truth = scene.truth(resolution=20)
    log = Log()
    out = str(tmp_path / "b.tif")
    run("neve:refinecloudmask", {"INPUT_PRODUCT": theia, "PRESET": 0, "SHADOWS": False, "DISTANCE": 1000,
                                 "OUTPUT": out, "OUTPUT_CLASSES": str(tmp_path / "c.tif")}, feedback=log)
    assert np.array_equal(read_raster(out), reference(truth, 1000, 0.04, 0.16)[0])
    assert any("Buffer distance" in w and "1000 m" in w and "480 m" in w for w in log.warnings), log.warnings
    assert any("buffer 1000 m" in line for line in log.infos)
    assert "These values are those of no preset (custom values)." in log.infos
    # 2017 with a buffer of its own: 100 m, and the 2017 thresholds for the values left at their defaults
    bits, _, _ = refine(tmp_path, name="p1", INPUT_PRODUCT=theia, PRESET=1, SHADOWS=False, DISTANCE=100,
                        THRESHOLD=0.04, THRESHOLD_SUNGLINT=0.16)
    assert np.array_equal(bits, reference(truth, 100, 0.08, 0.25)[0])
    # the preset's own values given: no warning, the preset named
    log = Log()
    run("neve:refinecloudmask", {"INPUT_PRODUCT": theia, "PRESET": 1, "SHADOWS": False, "DISTANCE": 240,
                                 "THRESHOLD": 0.08, "OUTPUT": str(tmp_path / "b2.tif"),
                                 "OUTPUT_CLASSES": str(tmp_path / "c2.tif")}, feedback=log)
    assert log.warnings == []
    assert "These values are those of the preset \"Theia May 2017 to February 2018\"." in log.infos
    # custom values that are a preset's: the log names the preset
    log = Log()
    run("neve:refinecloudmask", {"INPUT_PRODUCT": theia, "PRESET": 3, "SHADOWS": False, "DISTANCE": 0,
                                 "OUTPUT": str(tmp_path / "b3.tif"), "OUTPUT_CLASSES": str(tmp_path / "c3.tif")},
        feedback=log)
    assert "These values are those of the preset \"No buffer\"." in log.infos and log.warnings == []


def test_sen2cor_scl_is_refined_as_clm_bits(neve_provider, scene, tmp_path):
    path = make_sen2cor_product(tmp_path, scene)
    bits, classes, _ = refine(tmp_path, INPUT_PRODUCT=path, SHADOWS=False)
    truth = scene.truth(resolution=20)
    scl = truth.scl
    clm = np.zeros(scl.shape, np.uint8)
    clm[(scl == 8) | (scl == 9)] = 0b111         # bits 0, 1, 2
    clm[scl == 10] = 0b10000011                  # bits 0, 1, 7
    clm[scl == 3] = 0b100001                     # bits 0, 5
    want_bits, want_classes = reference(truth, 480, 0.04, 0.16, clm=clm, water=scl == 6, nodata=scl == 0)
    assert np.array_equal(bits, want_bits) and np.array_equal(classes, want_classes)


def product_file(folder, pattern):
    found, = glob.glob(str(folder) + "/" + pattern)
    return found


def test_layers_give_what_the_product_gives(neve_provider, scene, theia, tmp_path):
    from_product = refine(tmp_path, name="product", INPUT_PRODUCT=theia, SHADOWS=False, SUNGLINT=3)
    layers = refine(tmp_path, name="layers", CLM=product_file(theia, "MASKS/*_CLM_R2.tif"),
                    SWIR=product_file(theia, "*_FRE_B12.tif"), WATER=product_file(theia, "MASKS/*_MG2_R2.tif"),
                    WATER_KIND=1, SHADOWS=False, SUNGLINT=3)
    assert np.array_equal(from_product[0], layers[0]) and np.array_equal(from_product[1], layers[1])
    want_bits, _ = reference(scene.truth(resolution=20), 480, 0.04, 0.16, sunglint=False)
    assert np.array_equal(layers[0], want_bits)


def test_projected_shadows_join_bits_0_and_5(neve_provider, tmp_path):
    # A CLM whose shadows were missed (bits 5 and 6 cleared, bit 0 only where a cloud is): the recipe
    # puts back the generator's shadows from the sun geometry.
    scene = shadow_scene()
    theia = make_theia_product(tmp_path, scene)
    truth = scene.truth(resolution=20)
    clm = truth.clm & ~np.uint8(SHADOW_BITS) & ~np.uint8(1)
    clm |= ((clm & BUFFERED_BITS) != 0).astype(np.uint8)
    clm_layer = write_raster(tmp_path / "clm.tif", clm, pixel_size=(20.0, 20.0), origin=(scene.ulx, scene.uly),
                             crs=scene.crs)
    sun_zenith, sun_azimuth = scene.mean_sun_angles()
    view_zenith, view_azimuth = scene.mean_view_angles("B8A")
    bits, classes, result = refine(
        tmp_path, CLM=clm_layer, SWIR=product_file(theia, "*_FRE_B12.tif"),
        WATER=product_file(theia, "MASKS/*_MG2_R2.tif"), WATER_KIND=1, SUNGLINT=3,
        DARK_BAND=product_file(theia, "*_FRE_B8A.tif"), ANGLES=1, SUN_ZENITH=sun_zenith, SUN_AZIMUTH=sun_azimuth,
        VIEW_ZENITH=view_zenith, VIEW_AZIMUTH=view_azimuth, HEIGHT_MIN=500, HEIGHT_MAX=6000, PRESET=2)
    added = (bits & 0b100000) != 0
    both = (added & truth.shadow).sum()
    assert both / (added | truth.shadow).sum() > 0.85
    assert np.all(bits[added] & 1)
    assert np.array_equal(classes == 2, added & ~(((clm & CLOUD_BITS) != 0)))
    assert result["SHADOW_PERCENT"] > 0


def test_ten_metres_with_shadows_searched_at_20_metres(neve_provider, tmp_path):
    # No water in this scene: the recipe's shadow casters are those of neve:cloudshadows, whose 20 m
    # result, brought to 10 m, is what the recipe adds as bit 5.
    scene = shadow_scene()
    theia = make_theia_product(tmp_path, scene)
    shadows_20m = str(tmp_path / "shadows.tif")
    run("neve:cloudshadows", {"INPUT_PRODUCT": theia, "OUTPUT": shadows_20m})
    bits, classes, _ = refine(tmp_path, INPUT_PRODUCT=theia, RESOLUTION=10, PRESET=2)
    truth = scene.truth(resolution=10)
    assert bits.shape == truth.shape
    projected = np.kron(read_raster(shadows_20m) == 1, np.ones((2, 2), bool))
    assert projected.sum() > 100
    want_bits, want_classes = reference(truth, 0, 0.04, 0.16, shadow=projected, sunglint=False)
    assert np.array_equal(bits, want_bits) and np.array_equal(classes, want_classes)


def test_parallax_buffer_is_the_dilatemask_one(neve_provider, scene, theia, tmp_path):
    no_water_clouds = dict(PRESET=3, DISTANCE=240, THRESHOLD=1.0, THRESHOLD_SUNGLINT=1.0, SHADOWS=False)
    bits, classes, _ = refine(tmp_path, INPUT_PRODUCT=theia, PARALLAX_HEIGHT=12000, **no_water_clouds)
    dilated = str(tmp_path / "dilated.tif")
    run("neve:dilatemask", {"INPUT_PRODUCT": theia, "DISTANCE": 240, "PARALLAX_HEIGHT": 12000, "OUTPUT": dilated})
    buffer = read_raster(dilated)
    truth = scene.truth(resolution=20)
    valid = ~truth.nodata
    assert np.array_equal(((bits & 2) != 0)[valid], (((truth.clm & 2) != 0) | (buffer == 1))[valid])
    plain, _, _ = refine(tmp_path, name="plain", INPUT_PRODUCT=theia, **no_water_clouds)
    assert ((bits & 2) != 0).sum() > ((plain & 2) != 0).sum()


@pytest.mark.parametrize("parameters, message", [
    ({"CLM": "MASKS/*_CLM_R1.tif"}, "not on the grid of"),
    ({"PRESET": 3, "DISTANCE": 6000}, "out of range"),
    ({"PARALLAX_HEIGHT": 5000}, "needs a Sentinel-2 L2A product"),
    ({"WATER": None}, "No water"),
    ({"SUNGLINT": 0}, "angle grids"),
    ({"ANGLES": 0, "SHADOWS": True}, "angles as numbers"),
    ({"CLM": None, "SWIR": None, "WATER": None}, "No input"),
])
def test_bad_input_gets_a_clear_error_and_no_output(neve_provider, theia, tmp_path, parameters, message):
    full = {"CLM": "MASKS/*_CLM_R2.tif", "SWIR": "*_FRE_B12.tif", "WATER": "MASKS/*_MG2_R2.tif",
            "DARK_BAND": "*_FRE_B8A.tif", "WATER_KIND": 1, "SUNGLINT": 3, "SHADOWS": False}
    full.update(parameters)
    full = {k: (product_file(theia, v) if isinstance(v, str) and "*" in v else v) for k, v in full.items()
            if v is not None}
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    with pytest.raises(QgsProcessingException, match=message):
        run("neve:refinecloudmask", dict(full, OUTPUT=str(out_dir / "b.tif"),
                                         OUTPUT_CLASSES=str(out_dir / "c.tif")))
    assert leftovers(out_dir) == []


def test_geographic_layers_are_refused(neve_provider, tmp_path):
    def layer(name, dtype):
        return write_raster(tmp_path / name, np.ones((5, 5), dtype), pixel_size=(0.0002, 0.0002),
                            origin=(1.0, 43.0), crs="EPSG:4326")

    out_dir = tmp_path / "out"
    out_dir.mkdir()
    with pytest.raises(QgsProcessingException, match="geographic CRS"):
        run("neve:refinecloudmask", {"CLM": layer("clm.tif", np.uint8), "SWIR": layer("b12.tif", np.int16),
                                     "WATER": layer("water.tif", np.uint8), "SUNGLINT": 3, "SHADOWS": False,
                                     "OUTPUT": str(out_dir / "b.tif"), "OUTPUT_CLASSES": str(out_dir / "c.tif")})
    assert leftovers(out_dir) == []


def test_cancel_leaves_no_output(neve_provider, theia, tmp_path, monkeypatch):
    from neve.plugin.io import raster

    monkeypatch.setattr(raster, "DEFAULT_BLOCK_ROWS", 16)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    for cancel_at in (1.0, 70.0):  # in the first pass, and while writing

        class Cancel(CancelAfterFirstBlock):
            def setProgress(self, progress):  # noqa: N802
                super(CancelAfterFirstBlock, self).setProgress(progress)
                if progress >= cancel_at:
                    self.cancel()

        with pytest.raises(QgsProcessingException, match="Cancelled"):
            run("neve:refinecloudmask", {"INPUT_PRODUCT": theia, "OUTPUT": str(out_dir / "b.tif"),
                                         "OUTPUT_CLASSES": str(out_dir / "c.tif")}, feedback=Cancel())
        assert leftovers(out_dir) == []


def test_errors_in_french(neve_provider, theia, tmp_path):
    from test_i18n import switch_language

    try:
        assert switch_language(neve_provider, "fr_FR") == "fr"
        with pytest.raises(QgsProcessingException, match="grille"):
            run("neve:refinecloudmask", {
                "CLM": product_file(theia, "MASKS/*_CLM_R1.tif"), "SWIR": product_file(theia, "*_FRE_B12.tif"),
                "WATER": product_file(theia, "MASKS/*_MG2_R2.tif"), "WATER_KIND": 1, "SUNGLINT": 3,
                "SHADOWS": False, "OUTPUT": str(tmp_path / "b.tif"), "OUTPUT_CLASSES": str(tmp_path / "c.tif")})
    finally:
        switch_language(neve_provider, "en_GB")


@pytest.mark.parametrize("language, labels", [
    ("en_GB", ["Clear", "Cloud", "Cloud shadow", "Cloud buffer", "No data"]),
    ("fr_FR", ["Clair", "Nuage", "Ombre de nuage", "Tampon des nuages", "Pas de données"]),
])
def test_class_raster_loaded_with_its_legend_in_the_user_language(neve_provider, theia, tmp_path, language, labels):
    """As the Processing dialog does: the outputs are loaded in the project and the class raster gets a
    paletted style whose legend follows the QGIS language."""
    from processing.gui.Postprocessing import handleAlgorithmResults
    from qgis.core import (QgsApplication, QgsPalettedRasterRenderer, QgsProcessingContext, QgsProcessingFeedback,
                           QgsProcessingOutputLayerDefinition, QgsProject)
    from test_i18n import switch_language

    try:
        switch_language(neve_provider, language)
        project = QgsProject()
        context = QgsProcessingContext()
        context.setProject(project)
        values = {"INPUT_PRODUCT": theia, "SHADOWS": False,
                  "OUTPUT": QgsProcessingOutputLayerDefinition(str(tmp_path / "bits.tif"), project),
                  "OUTPUT_CLASSES": QgsProcessingOutputLayerDefinition(str(tmp_path / "classes.tif"), project)}
        run("neve:refinecloudmask", values, context=context)
        algorithm = QgsApplication.processingRegistry().algorithmById("neve:refinecloudmask")
        assert handleAlgorithmResults(algorithm, context, QgsProcessingFeedback(), False, values)
        QgsApplication.processEvents()  # what QGIS does later (it removes layers left without a tree node)
        layers = {layer.name(): layer for layer in project.mapLayers().values()}
        classes = algorithm.outputDefinition("OUTPUT_CLASSES").description() + " \u00b7 T31TCH 2021-06-15"
        renderer = layers[classes].renderer()
        assert isinstance(renderer, QgsPalettedRasterRenderer)
        assert [(c.value, c.label) for c in renderer.classes()] == list(zip([0, 1, 2, 3, 255], labels))
        assert len(layers) == 2
        # issue 17: in the product's group, the styled classes shown above the raw CLM bits, unchecked
        bits = algorithm.outputDefinition("OUTPUT").description() + " \u00b7 T31TCH 2021-06-15"
        assert layer_tree(project) == [("T31TCH 2021-06-15", [(classes, True), (bits, False)])]
    finally:
        switch_language(neve_provider, "en_GB")


def test_water_layer_on_another_grid_names_the_cloud_mask_layer(neve_provider, theia, tmp_path):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    with pytest.raises(QgsProcessingException, match=r"_MG2_R1 is not on the grid of \S+_CLM_R2"):
        run("neve:refinecloudmask", {
            "CLM": product_file(theia, "MASKS/*_CLM_R2.tif"), "SWIR": product_file(theia, "*_FRE_B12.tif"),
            "WATER": product_file(theia, "MASKS/*_MG2_R1.tif"), "WATER_KIND": 1, "SUNGLINT": 3, "SHADOWS": False,
            "OUTPUT": str(out_dir / "b.tif"), "OUTPUT_CLASSES": str(out_dir / "c.tif")})
    assert leftovers(out_dir) == []


@pytest.mark.parametrize("algorithm, defaults", [
    ("dilatemask", {"DISTANCE": 480, "PARALLAX_HEIGHT": 0}),
    ("sievemask", {"MIN_OBJECT_AREA": 50000, "MIN_HOLE_AREA": 50000, "CONNECTIVITY": 0}),
    # SUNGLINT 4, "automatic" (issue 11: per pixel with angle grids, as this product has)
    ("waterclouds", {"THRESHOLD": 0.04, "THRESHOLD_SUNGLINT": 0.16, "SUNGLINT_ANGLE": 30, "SUNGLINT": 4}),
    ("cloudshadows", {"HEIGHT_MIN": 200, "HEIGHT_MAX": 12000, "DARK_TEST": 0, "SWEPT": False}),
    ("refinecloudmask", {"PRESET": 0, "DISTANCE": 480, "SHADOWS": True, "PARALLAX_HEIGHT": 0}),
])
def test_dialog_builds_with_the_defaults_and_its_values_run(neve_provider, theia, tmp_path, qgis_iface, monkeypatch,
                                                            algorithm, defaults):
    """The algorithm dialog builds (threshold sliders included); with the product chosen in it, its values
    run and write every output."""
    import os

    from processing.gui.AlgorithmDialog import AlgorithmDialog
    from qgis.core import QgsProcessingContext, QgsProcessingOutputLayerDefinition
    from qgis.gui import QgsBrowserGuiModel

    model = QgsBrowserGuiModel()
    monkeypatch.setattr(qgis_iface, "browserModel", lambda: model, raising=False)
    dialog = AlgorithmDialog(neve_provider.algorithm(algorithm).create(), False, qgis_iface.mainWindow())
    try:
        panel = dialog.mainWidget()
        panel.wrappers["INPUT_PRODUCT"].setParameterValue(theia, QgsProcessingContext())
        values = panel.createProcessingParameters()
    finally:
        dialog.reject()
        dialog.deleteLater()
    for name, value in defaults.items():
        assert values[name] == pytest.approx(value), name
    outputs = [name for name, value in values.items() if isinstance(value, QgsProcessingOutputLayerDefinition)]
    assert outputs
    values.update({name: str(tmp_path / (name.lower() + ".tif")) for name in outputs})
    result = run("neve:" + algorithm, values)
    assert all(os.path.exists(result[name]) for name in outputs)


@pytest.mark.parametrize("parameters", [
    {},
    {"PRESET": 1, "SUNGLINT": 1},
    {"PRESET": 2, "RESOLUTION": 10},
    {"PRESET": 3, "DISTANCE": 100, "THRESHOLD": 0.06, "THRESHOLD_SUNGLINT": 0.2, "SUNGLINT_ANGLE": 35},
    {"PRESET": 3, "DISTANCE": 240, "PARALLAX_HEIGHT": 12000, "SWIR_BAND": 1, "SUNGLINT": 3},
])
def test_classes_in_memory_are_those_of_the_whole_product_run(neve_provider, theia, tmp_path, parameters):
    """pipeline/refine.refined_classes (the tuning panel's preview, without shadows) composes the strips as the
    job does: on the job's grid it gives the job's class raster, pixel for pixel."""
    from neve.plugin.io.readers import open_product
    from neve.plugin.pipeline.algorithms.refinecloudmask import spec
    from neve.plugin.pipeline.refine import RefineParams, refined_classes
    from neve.plugin.pipeline.spec import complete_values, from_values

    _bits, classes, _result = refine(tmp_path, INPUT_PRODUCT=theia, SHADOWS=False, **parameters)
    declaration = spec()
    values = {name: declaration.parameter(name).key_of(value) if declaration.parameter(name).options else value
              for name, value in parameters.items()}
    params = from_values(RefineParams, complete_values(declaration, dict(values, SHADOWS=False)))
    with open_product(theia) as product:
        in_memory = refined_classes(product, product.grid(parameters.get("RESOLUTION", 20)), params)
    assert in_memory.dtype == np.uint8 and set(np.unique(in_memory)) <= {0, 1, 2, 3, 255}
    assert np.array_equal(in_memory, classes)


@pytest.mark.parametrize("custom", [None, {"DISTANCE": 100, "THRESHOLD": 0.03}])
def test_classes_in_memory_on_a_window_are_those_of_a_run_on_the_layers_cut_to_it(neve_provider, theia, tmp_path,
                                                                                   custom):
    """The preview's case: a window of the product at 20 m, in memory, against the algorithm run on the
    product's CLM, B12 and MG2 cut to that window."""
    import rasterio
    from rasterio.windows import Window

    from neve.plugin.io.readers import open_product
    from neve.plugin.pipeline.refine import RefineParams, refined_classes

    with open_product(theia) as product:
        window = Window(15, 25, 90, 80)
        grid = product.grid(20).window_grid(window)
        layers = {}
        for name, pattern in (("CLM", "MASKS/*_CLM_R2.tif"), ("SWIR", "*_FRE_B12.tif"), ("WATER", "MASKS/*_MG2_R2.tif")):
            with rasterio.open(product_file(theia, pattern)) as source:
                layers[name] = write_raster(tmp_path / (name + ".tif"), source.read(1, window=window),
                                            pixel_size=(20.0, 20.0), origin=(grid.transform.c, grid.transform.f),
                                            crs=source.crs, nodata=source.nodata)
        params = RefineParams.custom(custom, sunglint="never") if custom else RefineParams(sunglint="never")
        in_memory = refined_classes(product, grid, params)
    preset = dict(PRESET=3, **custom) if custom else {}
    _bits, classes, _result = refine(tmp_path, WATER_KIND=1, SUNGLINT=3, SHADOWS=False, **layers, **preset)
    assert {1, 3} <= set(np.unique(classes))
    assert np.array_equal(in_memory, classes)
