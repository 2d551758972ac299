"""The "Tune thresholds" panel in a real QGIS (offscreen): input, sliders, histograms, preview layers,
presets, run parameters, and the plugin's action; closing and unloading leave nothing behind."""
import json

import numpy as np
import pytest
import rasterio
from qgis.core import QgsCoordinateReferenceSystem, QgsProject, QgsRasterLayer, QgsRectangle, QgsSettings
from qgis.PyQt.QtCore import QPoint, Qt, QTimer
from qgis.PyQt.QtWidgets import QApplication, QDockWidget, QInputDialog, QToolBar

from test_ui_preview import (DISTANCE, ORIGIN, SIZE, expected_cloud_mask, expected_snow_map, write_scene)
from test_ui_widgets import dialogs_ready, drag, make_algorithm  # noqa: F401 (fixture)

SNOW_PARAMETERS = {"NDSI_PASS1", "RED_PASS1", "NDSI_PASS2", "RED_PASS2", "RED_DARKCLOUD", "RED_BACKTOCLOUD"}
CLOUD_PARAMETERS = {"DISTANCE", "THRESHOLD", "THRESHOLD_SUNGLINT", "SUNGLINT_ANGLE"}


@pytest.fixture
def project(qgis_iface, qgis_canvas, qgis_parent):
    """An empty project; the map window shown (so that the canvas has its size, 598 x 598 pixels) in
    the scene's CRS. Emptied and hidden again afterwards."""
    project = QgsProject.instance()
    project.removeAllMapLayers()
    project.layerTreeRoot().removeAllChildren()
    qgis_parent.show()
    QApplication.processEvents()
    qgis_canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:32632"))
    yield project
    project.removeAllMapLayers()
    project.layerTreeRoot().removeAllChildren()
    qgis_parent.hide()


@pytest.fixture
def clean_presets(qgis_app):
    from neve.ui.presets import SETTINGS_KEY

    QgsSettings().remove(SETTINGS_KEY)
    yield
    QgsSettings().remove(SETTINGS_KEY)


@pytest.fixture
def panel(qgis_iface, project, qtbot):
    from neve.ui.tune_panel import TunePanel

    panel = TunePanel(qgis_iface)
    qtbot.addWidget(panel)
    yield panel
    panel.shutdown()


def scene_layers(folder, project):
    """The hand-made scene of test_ui_preview as layers of the project, as a user would load them."""
    layers = {}
    for name, path in write_scene(folder).items():
        layer = QgsRasterLayer(path, name, "gdal")
        assert layer.isValid()
        project.addMapLayer(layer)
        layers[name] = layer
    return layers


def choose_layers(panel, layers, dem=True):
    panel.layers_mode.setChecked(True)
    for key in ("B3", "B4", "B11", "B12", "MG2"):
        panel.layer_combos[key].setLayer(layers[key])
    panel.layer_combos["MASK"].setLayer(layers["CLM"])
    if dem:
        panel.dem_combo.setLayer(layers["DEM"])


def show_scene(canvas):
    canvas.setExtent(QgsRectangle(ORIGIN[0], ORIGIN[1] - SIZE * 20, ORIGIN[0] + SIZE * 20, ORIGIN[1]))


def preview_values(panel, key):
    layer = {l.name(): l for l in panel.preview.layers()}[
        {"snow": "Snow map (preview)", "cloud": "Refined cloud mask (preview)"}[key]]
    with rasterio.open(layer.source()) as dataset:
        return dataset.read(1)


def wait_for_preview(qtbot, panel, check, timeout=10000):
    """Wait until the preview layers exist and ``check(snow, cloud)`` holds."""
    def ready():
        if len(panel.preview.layers()) != 2:
            return False
        return bool(check(preview_values(panel, "snow"), preview_values(panel, "cloud")))
    qtbot.waitUntil(ready, timeout=timeout)


def test_without_input_the_panel_is_disabled_with_a_hint(panel):
    panel.show()
    assert not panel.tuning.isEnabled()
    assert panel.hint.text().startswith("Choose a Sentinel-2 L2A product")
    assert not any(button.isEnabled() for button in panel.run_buttons.values())
    assert panel.preview.layers() == [] and panel.preview.worker is None


def test_a_folder_that_is_not_a_product_is_explained_and_keeps_the_panel_disabled(panel, tmp_path):
    panel.show()
    panel.product_file.setFilePath(str(tmp_path))
    assert not panel.tuning.isEnabled()
    assert "not a Sentinel-2 L2A product" in panel.hint.text()


def test_moving_a_slider_updates_spin_box_histogram_line_and_preview(panel, project, qgis_canvas, qtbot,
                                                                    tmp_path):
    layers = scene_layers(tmp_path, project)
    show_scene(qgis_canvas)
    panel.show()
    choose_layers(panel, layers)
    assert panel.tuning.isEnabled()
    panel.sliders["DISTANCE"].setValue(DISTANCE)
    wait_for_preview(qtbot, panel, lambda snow, cloud: (snow == expected_snow_map()).all()
                     and (cloud == expected_cloud_mask()).all())
    # the preview layers are not offered as inputs
    excepted = {layer.id() for layer in panel.layer_combos["B3"].exceptedLayerList()}
    assert excepted == {layer.id() for layer in panel.preview.layers()}
    qtbot.waitUntil(lambda: "snow 25.0 %" in panel.statistics.text(), timeout=5000)
    assert "Snowline: 1700 m" in panel.statistics.text()

    # the dark-cloud slider to its end (1.0, above every red value): the clouds become pass-2 snow
    slider = panel.sliders["RED_DARKCLOUD"]
    slider.slider.setFocus()
    qtbot.keyClick(slider.slider, Qt.Key_End)
    assert slider.spin_box.value() == 1.0
    assert panel.values["RED_DARKCLOUD"] == 1.0
    assert panel.histograms["red"].line_value("RED_DARKCLOUD") == 1.0
    wait_for_preview(qtbot, panel, lambda snow, cloud: (snow == expected_snow_map(red_darkcloud=1.0)).all())

    # dragging the water threshold line to 0.1 moves its slider and removes the clouds over water
    histogram = panel.histograms["swir_water"]
    histogram.resize(212, 100)  # 200 px for 0..0.5: 400 px per unit of reflectance, from x = 6
    start = QPoint(round(histogram.x_for_value(0.04)), 50)
    drag(histogram, start, QPoint(6 + 40, 50))
    assert panel.sliders["THRESHOLD"].value() == pytest.approx(0.1)
    assert panel.values["THRESHOLD"] == pytest.approx(0.1)
    wait_for_preview(qtbot, panel, lambda snow, cloud: not (cloud == 2).any())


def test_presets_apply_save_rename_and_delete_from_the_panel(panel, project, clean_presets, qtbot, tmp_path):
    from neve.ui import presets

    choose_layers(panel, scene_layers(tmp_path, project), dem=False)
    assert panel.save_button.isEnabled()
    builtin = {p.key: p for p in presets.builtin_presets()}
    index = panel.preset_combo.findText(builtin["theia_2017"].label)
    panel.preset_combo.setCurrentIndex(index)
    panel.preset_combo.activated.emit(index)  # what choosing it with the mouse emits
    assert panel.values["DISTANCE"] == 240 and panel.sliders["DISTANCE"].spin_box.value() == 240
    assert panel.values["THRESHOLD"] == 0.08 and panel.values["THRESHOLD_SUNGLINT"] == 0.25
    assert not panel.rename_button.isEnabled() and not panel.delete_button.isEnabled()  # built-in

    panel.sliders["NDSI_PASS1"].setValue(0.35)

    def answer(text):
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog):  # not shown yet: look again soon
            QTimer.singleShot(20, lambda: answer(text))
            return
        dialog.setTextValue(text)
        dialog.accept()

    QTimer.singleShot(0, lambda: answer("Cévennes, spring"))
    qtbot.mouseClick(panel.save_button, Qt.LeftButton)
    assert panel.preset_combo.currentText() == "Cévennes, spring"
    assert panel.rename_button.isEnabled() and panel.delete_button.isEnabled()
    stored = json.loads(QgsSettings().value(presets.SETTINGS_KEY, "", type=str))
    assert stored["Cévennes, spring"]["NDSI_PASS1"] == 0.35 and stored["Cévennes, spring"]["DISTANCE"] == 240

    panel.rename_preset("Cévennes, spring", "Cévennes")
    assert panel.preset_combo.currentText() == "Cévennes"
    panel.apply_preset(builtin["theia_2018"])
    assert panel.values["DISTANCE"] == 480 and panel.values["NDSI_PASS1"] == 0.40
    panel.apply_preset(panel.selected_preset())
    assert panel.values["NDSI_PASS1"] == 0.35 and panel.values["DISTANCE"] == 240
    panel.delete_preset("Cévennes")
    assert panel.preset_combo.findText("Cévennes") == -1
    assert presets.user_presets() == []


def test_run_parameters_carry_the_panel_values_as_plain_numbers(qgis_processing_ready):
    from neve.ui.tune_panel import default_values, run_parameters

    values = dict(default_values(), NDSI_PASS1=0.333, DISTANCE=240)
    snow = run_parameters("neve:snowmap", values, "/data/S2.zip")
    assert set(snow) == SNOW_PARAMETERS | {"INPUT_PRODUCT"}
    assert snow["INPUT_PRODUCT"] == "/data/S2.zip" and snow["NDSI_PASS1"] == 0.333
    cloud = run_parameters("neve:refinecloudmask", values, "/data/S2.zip")
    assert set(cloud) == CLOUD_PARAMETERS | {"INPUT_PRODUCT"}
    assert cloud["DISTANCE"] == 240 and type(cloud["DISTANCE"]) is int

    # with the algorithm at hand, exactly the thresholds it declares (and its INPUT_PRODUCT)
    algorithm = make_algorithm()
    assert run_parameters("x", values, "/data/S2.zip", algorithm) == {
        "INPUT_PRODUCT": "/data/S2.zip", "NDSI_PASS1": 0.333, "DISTANCE": 240, "SUNGLINT_ANGLE": 30.0}


def test_run_on_the_whole_product_opens_the_prefilled_processing_dialog(panel, dialogs_ready, qtbot,  # noqa: F811
                                                                       tmp_path, neve_provider):
    from synthetic import Scene, make_theia_product

    from neve.ui.tune_panel import CLOUD_ALGORITHM, SNOW_ALGORITHM

    path = make_theia_product(tmp_path, Scene.small(size=120))
    panel.product_file.setFilePath(path)
    assert panel.tuning.isEnabled(), panel.hint.text()
    assert "SENTINEL2" in panel.hint.text()
    panel.sliders["DISTANCE"].setValue(300)
    panel.sliders["NDSI_PASS1"].setValue(0.45)

    algorithm = make_algorithm()  # declares INPUT_PRODUCT, NDSI_PASS1, DISTANCE, SUNGLINT_ANGLE
    seen = {}

    def inspect_and_close():
        from processing.gui.AlgorithmDialog import AlgorithmDialog

        dialogs = [w for w in QApplication.allWidgets() if isinstance(w, AlgorithmDialog) and w.isVisible()]
        if not dialogs:  # not shown yet: look again soon
            QTimer.singleShot(20, inspect_and_close)
            return
        seen.update(dialogs[0].mainWidget().createProcessingParameters())
        dialogs[0].reject()

    QTimer.singleShot(0, inspect_and_close)
    panel.run_on_whole_product(algorithm.id())  # modal, as from the button: returns once closed
    assert seen["INPUT_PRODUCT"] == path
    assert seen["DISTANCE"] == 300 and seen["NDSI_PASS1"] == 0.45 and seen["SUNGLINT_ANGLE"] == 30.0

    # the real algorithms: their dialogs open prefilled with the panel's values (and a disabled button
    # in a version without them)
    from qgis.core import QgsApplication

    panel.update_run_buttons()
    for algorithm_id, thresholds in ((SNOW_ALGORITHM, SNOW_PARAMETERS), (CLOUD_ALGORITHM, CLOUD_PARAMETERS)):
        exists = QgsApplication.processingRegistry().algorithmById(algorithm_id) is not None
        assert panel.run_buttons[algorithm_id].isEnabled() == exists
        if not exists:
            assert panel.run_on_whole_product(algorithm_id) is None
            continue
        seen.clear()
        QTimer.singleShot(0, inspect_and_close)
        qtbot.mouseClick(panel.run_buttons[algorithm_id], Qt.LeftButton)
        assert seen["INPUT_PRODUCT"] == path
        assert {name: seen[name] for name in thresholds} == {name: panel.values[name] for name in thresholds}


def test_the_snow_map_can_use_the_refined_cloud_mask_previewed(panel, dialogs_ready, qtbot, tmp_path,  # noqa: F811
                                                               neve_provider, monkeypatch):
    """Issue 17: "Snow map…" offers the refined cloud mask previewed above it: ticked, the dialog of
    neve:refinecloudmask opens first with the panel's values, then neve:snowmap's with its output as the
    cloud mask (run here for real: the dialogs' Run is processing.run). Unticked, the product's own mask."""
    import processing
    from synthetic import Scene, make_theia_product

    from neve.ui.tune_panel import CLOUD_ALGORITHM, SNOW_ALGORITHM

    path = make_theia_product(tmp_path, Scene.small(size=120))
    panel.product_file.setFilePath(path)
    panel.update_run_buttons()
    panel.sliders["DISTANCE"].setValue(200)
    panel.sliders["NDSI_PASS1"].setValue(0.45)
    calls = []

    def dialog(algorithm_id, parameters):  # what the user does in each dialog: Run
        calls.append((algorithm_id, dict(parameters)))
        outputs = {"OUTPUT": str(tmp_path / "{}{}.tif".format(algorithm_id[5:], len(calls)))}
        if algorithm_id == CLOUD_ALGORITHM:
            outputs["OUTPUT_CLASSES"] = str(tmp_path / "classes.tif")
        return processing.run(algorithm_id, dict(parameters, SHADOWS=False, **outputs)
                              if algorithm_id == CLOUD_ALGORITHM else dict(parameters, **outputs))

    monkeypatch.setattr(processing, "execAlgorithmDialog", dialog)
    assert panel.use_refined.isEnabled() and not panel.use_refined.isChecked()
    qtbot.mouseClick(panel.run_buttons[SNOW_ALGORITHM], Qt.LeftButton)
    assert [c[0] for c in calls] == [SNOW_ALGORITHM] and "CLOUD_MASK" not in calls[0][1]

    calls.clear()
    panel.use_refined.setChecked(True)
    assert panel.run_buttons[SNOW_ALGORITHM].text() == "Refined cloud mask, then snow map…"
    qtbot.mouseClick(panel.run_buttons[SNOW_ALGORITHM], Qt.LeftButton)
    (first, refine), (second, snow) = calls
    assert (first, second) == (CLOUD_ALGORITHM, SNOW_ALGORITHM)
    assert refine["DISTANCE"] == 200 and refine["INPUT_PRODUCT"] == path
    assert snow["CLOUD_MASK"] == str(tmp_path / "refinecloudmask1.tif") and snow["CLOUD_MASK_TYPE"] == 0
    assert snow["NDSI_PASS1"] == 0.45 and snow["INPUT_PRODUCT"] == path
    assert (tmp_path / "snowmap2.tif").exists()
    # remembered for the next time the panel opens
    assert QgsSettings().value("neve/snow_map_with_refined_cloud_mask", False, type=bool)
    panel.use_refined.setChecked(False)


def test_closing_the_panel_leaves_no_layer_thread_or_signal(panel, project, qgis_canvas, qtbot, tmp_path):
    from neve.ui.preview import PREVIEW_PROPERTY

    def connections():
        return (qgis_canvas.receivers(qgis_canvas.extentsChanged),
                qgis_canvas.receivers(qgis_canvas.destinationCrsChanged),
                project.receivers(project.layerWillBeRemoved[str]))

    before = connections()
    layers = scene_layers(tmp_path, project)
    show_scene(qgis_canvas)
    panel.show()
    choose_layers(panel, layers, dem=False)
    wait_for_preview(qtbot, panel, lambda snow, cloud: True)
    assert connections() == tuple(n + 1 for n in before)
    worker = panel.preview.worker

    panel.close()
    assert worker.isFinished() and panel.preview.worker is None
    assert not [l for l in project.mapLayers().values() if l.customProperty(PREVIEW_PROPERTY)]
    assert connections() == before

    panel.show()  # opened again: the preview comes back
    wait_for_preview(qtbot, panel, lambda snow, cloud: True)
    panel.close()
    assert not [l for l in project.mapLayers().values() if l.customProperty(PREVIEW_PROPERTY)]


# -- the plugin's action ---------------------------------------------------------------------------

@pytest.fixture
def dock_iface(real_iface):
    """real_iface whose docks go into its main window, as in QGIS."""
    window = real_iface.mainWindow()

    class DockIface:
        def __getattr__(self, name):
            return getattr(real_iface, name)

        def addDockWidget(self, area, dock):  # noqa: N802
            window.addDockWidget(area, dock)

        def removeDockWidget(self, dock):  # noqa: N802
            window.removeDockWidget(dock)

    return DockIface()


def test_the_plugin_opens_and_closes_the_panel_from_menu_and_toolbar_and_unloads_cleanly(
        qgis_processing_ready, dock_iface, project, qgis_canvas, qtbot, tmp_path, monkeypatch):
    import neve
    from neve.plugin.processing.provider import NeveProvider
    from neve.ui.preview import PREVIEW_PROPERTY
    from qgis.PyQt.QtCore import QCoreApplication, QEvent

    from test_plugin import neve_submenu

    # Other tests keep a "neve" provider registered for the whole session (conftest's neve_provider);
    # this plugin instance registers its provider under another id, so that both can coexist.
    monkeypatch.setattr(NeveProvider, "id", lambda self: "neveuitest")

    receivers = qgis_canvas.receivers(qgis_canvas.extentsChanged)
    plugin = neve.classFactory(dock_iface)
    plugin.initGui()
    try:
        menu_action = next(a for a in neve_submenu(dock_iface).actions()
                           if a.objectName() == "neve_action_tune_thresholds")
        toolbar = dock_iface.mainWindow().findChild(QToolBar, "NeveToolbar")
        assert menu_action in toolbar.actions()
        assert menu_action.text() == "Tune thresholds…"

        menu_action.trigger()
        panel = plugin.tune_panel
        assert isinstance(panel, QDockWidget) and panel.isUserVisible()
        assert dock_iface.mainWindow().dockWidgetArea(panel) == Qt.RightDockWidgetArea
        assert menu_action.isChecked()

        layers = scene_layers(tmp_path, project)
        show_scene(qgis_canvas)
        choose_layers(panel, layers, dem=False)
        wait_for_preview(qtbot, panel, lambda snow, cloud: True)

        panel.close()  # the dock's close button
        assert not menu_action.isChecked()
        assert panel.preview.worker is None and panel.preview.layers() == []

        plugin.show_tune_panel()  # as scripts/desktop_scenario.py does
        assert plugin.tune_panel is panel and panel.isUserVisible()
        wait_for_preview(qtbot, panel, lambda snow, cloud: True)
        worker = panel.preview.worker
    finally:
        plugin.unload()
    assert plugin.tune_panel is None
    assert worker.isFinished()
    assert not [l for l in project.mapLayers().values() if l.customProperty(PREVIEW_PROPERTY)]
    assert qgis_canvas.receivers(qgis_canvas.extentsChanged) == receivers
    assert neve_submenu(dock_iface) is None
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    assert dock_iface.mainWindow().findChild(QDockWidget, "NeveTunePanel") is None


def test_the_panel_is_in_french_when_qgis_is(qgis_iface, project, qtbot):
    from neve.plugin.i18n import install_translator
    from neve.ui.tune_panel import TunePanel

    settings = QgsSettings()
    settings.setValue("locale/userLocale", "fr_FR")
    try:
        assert install_translator() == "fr"
        panel = TunePanel(qgis_iface)
        qtbot.addWidget(panel)
        assert panel.windowTitle() == "Névé : ajuster les seuils"
        assert panel.hint.text().startswith("Choisissez un produit Sentinel-2 L2A")
        assert "Distance du tampon" in panel.sliders["DISTANCE"].spin_box.toolTip()
        panel.shutdown()
    finally:
        settings.setValue("locale/userLocale", "en_GB")
        install_translator()


def test_a_pass_2_stricter_than_pass_1_is_pointed_out(panel):
    assert panel.warning.isHidden()
    panel.sliders["NDSI_PASS2"].setValue(0.5)  # above pass 1's 0.40
    assert not panel.warning.isHidden()
    assert "NDSI threshold of pass 2 is above that of pass 1" in panel.warning.text()
    panel.sliders["NDSI_PASS2"].setValue(0.40)  # equal is allowed
    assert panel.warning.isHidden()


def test_the_refined_cloud_mask_run_uses_the_panel_values_not_a_preset(neve_provider):
    from neve.ui.tune_panel import CLOUD_ALGORITHM, default_values, run_parameters
    from qgis.core import QgsApplication

    algorithm = QgsApplication.processingRegistry().algorithmById(CLOUD_ALGORITHM)
    if algorithm is None:
        pytest.skip("this version has no " + CLOUD_ALGORITHM)
    values = dict(default_values(), DISTANCE=300, THRESHOLD=0.05)
    parameters = run_parameters(CLOUD_ALGORITHM, values, "/data/S2.zip", algorithm)
    preset = algorithm.parameterDefinition("PRESET")
    assert preset.options()[parameters["PRESET"]] == "Custom values (the parameters below)"
    assert parameters["DISTANCE"] == 300 and parameters["THRESHOLD"] == 0.05
    assert parameters["INPUT_PRODUCT"] == "/data/S2.zip"
    assert {name for name in parameters if name in values} == CLOUD_PARAMETERS
