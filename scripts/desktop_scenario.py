"""Run by the real QGIS desktop (qgis --code): checks what the user sees of Névé and takes screenshots.

Driven by scripts/desktop.py through environment variables; it ends QGIS itself. The scenario is a
generator of steps (:func:`scenario`): each ``yield`` gives QGIS's event loop back until a condition holds
(a run finished, a preview drawn) or a delay passed, so that dialogs run as they do for a user.

Without NEVE_SAMPLE_DIR: the plugin, its menu and toolbar, the tuning panel. With it, as a user works on a
generated sample (two Theia products of a small scene, a DEM):

1. every algorithm run from Névé's own dialog (``createCustomParametersWidget``, as the toolbox and the
   Raster › Névé menu open it), its outputs loaded by QGIS: a screenshot of the Layers panel after each
   (``layers_<algorithm>_<language>.png``) and a check of the scene's group, names and visibility;
2. the dialog of neve:refinecloudmask after choosing a preset (``refine_dialog_<language>.png``);
3. the batch dialog of neve:snowmap on the two products, with their reports (QGIS 3.22's batch dialog
   failed on HTML outputs: issue 17);
4. the tuning panel on the product with its live preview (``tune_panel_full_<language>.png``), the main
   window (``qgis_<language>.png``) and the Raster › Névé menu (``menu_<language>.png``).
"""
import json
import os
import re
import sys
import time
import traceback

from qgis.core import QgsApplication, QgsLayerTreeGroup, QgsLayerTreeLayer, QgsProject, QgsRasterLayer
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtWidgets import QApplication, QDockWidget, QToolBar
from qgis.utils import iface, plugins

OUT = os.environ["NEVE_SCREENSHOT_DIR"]
LANGUAGE = os.environ.get("NEVE_LANGUAGE", "en")
REPORT = os.environ["NEVE_REPORT"]
SAMPLE = os.environ.get("NEVE_SAMPLE_DIR")
checks = {}
notes = {}


# -- the driver ---------------------------------------------------------------------------------------

def wait(milliseconds):
    """A step that lets QGIS work for ``milliseconds``."""
    deadline = time.monotonic() + milliseconds / 1000.0
    return lambda: time.monotonic() >= deadline


def until(condition, timeout=120):
    """A step that lets QGIS work until ``condition()`` holds (or ``timeout`` seconds passed)."""
    deadline = time.monotonic() + timeout
    return lambda: condition() or time.monotonic() >= deadline


def drive(steps, condition=None):
    try:
        if condition is None or condition():
            condition = next(steps)
        QTimer.singleShot(50, lambda: drive(steps, condition))
    except StopIteration:
        finish()
    except Exception:  # a failed scenario still reports and ends QGIS
        notes["error"] = traceback.format_exc()
        checks["scenario ran to its end"] = False
        finish()


def finish():
    with open(REPORT, "w") as f:
        json.dump({"checks": checks, "notes": notes}, f, ensure_ascii=False, indent=2)
    QApplication.instance().exit(0)


# -- what the user sees -------------------------------------------------------------------------------

def grab(widget, name):
    path = os.path.join(OUT, "{}_{}.png".format(name, LANGUAGE))
    widget.grab().save(path)
    notes[name] = path


def neve_menu():
    for action in iface.rasterMenu().actions():
        if action.menu() is not None and action.text().replace("&", "") == "Névé":
            return action.menu()
    return None


def dock(object_name):
    return iface.mainWindow().findChild(QDockWidget, object_name)


def layer_tree():
    """The Layers panel as data: [(group, [(layer, checked), ...]), ...] from the top."""
    tree = []
    for node in QgsProject.instance().layerTreeRoot().children():
        if isinstance(node, QgsLayerTreeGroup):
            tree.append((node.name(), [(c.layer().name(), c.itemVisibilityChecked()) for c in node.children()
                                       if isinstance(c, QgsLayerTreeLayer)]))
        elif isinstance(node, QgsLayerTreeLayer):
            tree.append((None, [(node.layer().name(), node.itemVisibilityChecked())]))
    return tree


def collapse_all_but(group_name):
    for node in QgsProject.instance().layerTreeRoot().children():
        if isinstance(node, QgsLayerTreeGroup):
            node.setExpanded(node.name() == group_name)


class Run:
    """An algorithm run from Névé's dialog as a user runs it: the dialog opened, filled, Run clicked."""

    def __init__(self, algorithm_id, parameters, prepare=None):
        algorithm = QgsApplication.processingRegistry().algorithmById(algorithm_id)
        self.labels = {p.name(): p.description() for p in algorithm.parameterDefinitions()}
        self.dialog = algorithm.createCustomParametersWidget(iface.mainWindow())
        self.dialog.setParameters(parameters)
        if prepare is not None:
            prepare(self.dialog)
        self.results = None
        self.dialog.algorithmFinished.connect(self.finished)
        self.dialog.show()

    def finished(self, successful, results):
        self.results = dict(results) if successful else {}

    def start(self):
        self.dialog.runAlgorithm()

    def done(self):
        return self.results is not None

    def close(self):
        self.dialog.close()


def run_from_dialog(algorithm_id, parameters, prepare=None):
    """Steps: run ``algorithm_id`` from its dialog filled with ``parameters``; the generator returns the
    :class:`Run` (``run = yield from run_from_dialog(...)``)."""
    run = Run(algorithm_id, parameters, prepare)
    yield wait(300)
    run.start()
    yield until(run.done, timeout=180)
    run.close()
    yield wait(500)
    return run


def check_group(name, scene, expected):
    """Check the scene's group: its first layers are ``expected`` [(label, checked)] named "label · scene"."""
    groups = dict(layer_tree())
    layers = groups.get(scene, [])
    wanted = [("{} \u00b7 {}".format(label, scene), checked) for label, checked in expected]
    found = [(re.sub(r" \(\d+\)$", "", layer), checked) for layer, checked in layers[:len(wanted)]]  # "… (2)"
    checks["{}: outputs in the group of {}, ordered, raw ones unchecked".format(name, scene)] = found == wanted
    notes["layers after " + name] = layers


# -- the scenario ---------------------------------------------------------------------------------------

def scenario():
    yield wait(2500)
    main_window = iface.mainWindow()
    main_window.resize(1500, 950)
    plugin = plugins.get("neve")
    checks["plugin loaded"] = plugin is not None
    menu = neve_menu()
    checks["Raster > Névé menu"] = menu is not None and len(menu.actions()) > 0
    if menu is not None:
        notes["menu entries"] = [a.text() for a in menu.actions()]
    toolbar = main_window.findChild(QToolBar, "NeveToolbar")
    checks["Névé toolbar"] = toolbar is not None and toolbar.isVisible()
    if toolbar is not None:
        icons = [toolbar.widgetForAction(a).icon().pixmap(24, 24).toImage() for a in toolbar.actions()]
        checks["two toolbar buttons with different icons"] = len(icons) == 2 and icons[0] != icons[1]
    for name in ("Browser", "Browser2"):
        if dock(name) is not None:
            dock(name).hide()  # more room for the Layers panel

    if SAMPLE and plugin is not None:
        yield from sample_scenario(plugin)
    elif plugin is not None:
        plugin.show_tune_panel()
        yield wait(1500)
        grab(plugin.tune_panel.widget().widget(), "tune_panel_full")
        checks["Tune thresholds panel"] = plugin.tune_panel.isVisible()

    grab(main_window, "qgis")
    if menu is not None:
        iface.rasterMenu().popup(main_window.mapToGlobal(main_window.rect().topLeft()))
        menu.popup(main_window.mapToGlobal(main_window.rect().center()))
        yield wait(500)
        grab(menu, "menu")
        menu.hide()
        iface.rasterMenu().hide()
    checks.setdefault("scenario ran to its end", True)


def sample_scenario(plugin):
    import processing

    sys.path.insert(0, os.path.join(os.environ["NEVE_ROOT"], "tests"))
    from synthetic import Scene, make_dem, make_theia_product

    os.makedirs(SAMPLE, exist_ok=True)
    scene = Scene.small(size=960)
    product = make_theia_product(os.path.join(SAMPLE, "june"), scene)
    later = make_theia_product(os.path.join(SAMPLE, "july"), scene.replace(
        acquisition=scene.acquisition.replace(month=7, day=3)))
    dem_path = make_dem(os.path.join(SAMPLE, "dem.tif"), scene)
    dem = QgsRasterLayer(dem_path, "DEM")
    QgsProject.instance().addMapLayer(dem, False)  # a layer of the project, not shown
    june, july = "T31TCH 2021-06-15", "T31TCH 2021-07-03"
    temporary = "TEMPORARY_OUTPUT"
    layers_dock = dock("Layers")
    if layers_dock is not None:
        iface.mainWindow().resizeDocks([layers_dock], [440], Qt.Horizontal)  # the names whole

    def shoot(name, group=june):
        collapse_all_but(group)
        yield wait(400)
        if layers_dock is not None:
            grab(layers_dock, "layers_" + name)

    # 1. load the product: masks above the 10 m stack in natural colours, the 20 m stack unchecked
    run = yield from run_from_dialog("neve:loadproduct", {
        "INPUT_PRODUCT": product, "OUTPUT_R1": temporary, "OUTPUT_R2": temporary, "OUTPUT_CLOUD": temporary,
        "OUTPUT_SHADOW": temporary, "OUTPUT_WATER": temporary, "OUTPUT_SNOW": temporary,
        "OUTPUT_NODATA": temporary, "OUTPUT_HTML": os.path.join(SAMPLE, "summary.html")})
    label = run.labels
    check_group("loadproduct", june, [(label[n], n != "OUTPUT_R2") for n in (
        "OUTPUT_CLOUD", "OUTPUT_SHADOW", "OUTPUT_WATER", "OUTPUT_SNOW", "OUTPUT_NODATA", "OUTPUT_R1", "OUTPUT_R2")])
    canvas = iface.mapCanvas()
    first = QgsProject.instance().mapLayersByName("{} \u00b7 {}".format(label["OUTPUT_R1"], june))
    if first:
        canvas.setDestinationCrs(first[0].crs())
        canvas.setExtent(first[0].extent())
    yield wait(500)
    yield from shoot("loadproduct")
    # the stacks in colour: the 10 m one alone shown, stretched over reflectance 0 to 0.3
    shown = {}
    for layer in QgsProject.instance().mapLayers().values():
        node = QgsProject.instance().layerTreeRoot().findLayer(layer.id())
        if node is not None:
            shown[layer.id()] = node.itemVisibilityChecked()
            node.setItemVisibilityChecked(layer.name().startswith(label["OUTPUT_R1"]))
    yield wait(1500)
    grab(canvas, "stack_10m")
    for layer_id, visible in shown.items():
        QgsProject.instance().layerTreeRoot().findLayer(layer_id).setItemVisibilityChecked(visible)

    # 2. the refine dialog after choosing a preset, then its run: classes shown above the CLM bits
    def choose_2017(dialog):
        preset = dialog.mainWidget().wrappers["PRESET"]
        preset.widget.setCurrentIndex(1)
        preset.widget.activated.emit(1)

    run = Run("neve:refinecloudmask", {"INPUT_PRODUCT": product, "OUTPUT": temporary, "OUTPUT_CLASSES": temporary},
              choose_2017)
    run.dialog.resize(940, 780)
    yield wait(800)
    grab(run.dialog, "refine_dialog")
    parameters = run.dialog.createProcessingParameters()
    checks["refine dialog: the preset chosen sets its values"] = (
        parameters["PRESET"], parameters["DISTANCE"], parameters["THRESHOLD"]) == (1, 240, 0.08)
    run.start()
    yield until(run.done, timeout=180)
    run.close()
    yield wait(500)
    refined = run.results.get("OUTPUT")
    label = run.labels
    check_group("refinecloudmask", june, [(label["OUTPUT_CLASSES"], True), (label["OUTPUT"], False)])
    yield from shoot("refinecloudmask")

    # 3. the snow map with the refined mask: polygons over the map, the bit field unchecked
    run = yield from run_from_dialog("neve:snowmap", {
        "INPUT_PRODUCT": product, "CLOUD_MASK": refined, "DEM": dem_path, "OUTPUT": temporary,
        "OUTPUT_VECTOR": os.path.join(SAMPLE, "snow_polygons.gpkg"), "OUTPUT_BITS": temporary,
        "OUTPUT_HTML_FILE": os.path.join(SAMPLE, "snow_report.html")})
    snow_map = run.results.get("OUTPUT")
    label = run.labels
    check_group("snowmap", june, [(label["OUTPUT_VECTOR"], True), (label["OUTPUT"], True), (label["OUTPUT_BITS"], False)])
    yield from shoot("snowmap")

    # 4. the building blocks of the cloud recipe
    blocks = (("cloudmask", {"INPUT_PRODUCT": product, "OUTPUT": temporary}, [("OUTPUT", True)]),
              ("dilatemask", {"INPUT_PRODUCT": product, "OUTPUT": temporary}, [("OUTPUT", True)]),
              ("waterclouds", {"INPUT_PRODUCT": product, "OUTPUT": temporary, "OUTPUT_GLINT": temporary},
               [("OUTPUT", True), ("OUTPUT_GLINT", False)]),
              ("cloudshadows", {"INPUT_PRODUCT": product, "OUTPUT": temporary}, [("OUTPUT", True)]),
              ("sievemask", {"INPUT_PRODUCT": product, "OUTPUT": temporary}, [("OUTPUT", True)]))
    for name, parameters, expected in blocks:
        run = yield from run_from_dialog("neve:" + name, parameters)
        check_group(name, june, [(run.labels[n], shown) for n, shown in expected])
        yield from shoot(name)

    # 5. the batch dialog of neve:snowmap on the two products, with their reports
    yield from batch_on_two_products([product, later])

    # 6. the season of the two maps
    snow_label = QgsApplication.processingRegistry().algorithmById("neve:snowmap").parameterDefinition(
        "OUTPUT").description()
    july_map = next((l.source() for l in QgsProject.instance().mapLayers().values()
                     if l.name().startswith(snow_label + " \u00b7 " + july)), None)
    checks["the batch run's map of the second product is loaded in its group"] = july_map is not None
    run = yield from run_from_dialog("neve:snowseason", {
        "INPUTS": [snow_map, july_map], "OUTPUT_SCD": temporary, "OUTPUT_SOD": temporary,
        "OUTPUT_SMOD": temporary, "OUTPUT_NOBS": temporary, "OUTPUT_NSP": temporary})
    season = "T31TCH 2020-09-01 \u2013 2021-08-31"
    check_group("snowseason", season, [(run.labels[n], n == "OUTPUT_SCD") for n in (
        "OUTPUT_SCD", "OUTPUT_SOD", "OUTPUT_SMOD", "OUTPUT_NOBS", "OUTPUT_NSP")])
    yield from shoot("snowseason", season)

    # 7. statistics of the two maps over the whole extent: the zones styled and shown, the table below
    run = yield from run_from_dialog("neve:snowstats", {
        "INPUTS": [snow_map, july_map], "DEM": dem_path, "OUTPUT_TABLE": temporary, "OUTPUT_ZONES": temporary})
    series = "T31TCH 2021-06-15 \u2013 2021-07-03"
    check_group("snowstats", series, [(run.labels["OUTPUT_ZONES"], True), (run.labels["OUTPUT_TABLE"], True)])
    yield from shoot("snowstats", series)
    if dock("ResultsViewer") is not None:
        dock("ResultsViewer").hide()

    # 8. the tuning panel on the product, its live preview drawn
    collapse_all_but(june)
    plugin.show_tune_panel()
    panel = plugin.tune_panel
    panel.set_product(product, dem)
    checks["sample product previewed"] = panel.source is not None
    yield until(lambda: len(panel.preview.layers()) == 2 and "%" in panel.statistics.text(), timeout=60)
    # the 2017 preset: values off their defaults show the spin boxes' clear buttons beside the whole value
    preset = next(i for i in range(panel.preset_combo.count())
                  if getattr(panel.preset_combo.itemData(i), "key", None) == "theia_2017")
    panel.preset_combo.setCurrentIndex(preset)
    panel.apply_preset(panel.preset_combo.itemData(preset))
    yield wait(2500)
    spin_box = panel.sliders["DISTANCE"].spin_box
    checks["tuning panel: a spin box shows its whole value beside its clear button"] = \
        spin_box.width() >= spin_box.fontMetrics().horizontalAdvance(spin_box.text()) + 50
    grab(panel.widget().widget(), "tune_panel_full")
    checks["Tune thresholds panel"] = panel.isVisible()


def batch_on_two_products(products):
    from processing.core.ProcessingResults import resultsList
    from processing.gui.BatchAlgorithmDialog import BatchAlgorithmDialog
    from processing.tools import dataobjects

    algorithm = QgsApplication.processingRegistry().createAlgorithmById("neve:snowmap")
    dialog = BatchAlgorithmDialog(algorithm, parent=iface.mainWindow())
    dialog.show()
    yield wait(500)
    panel = dialog.mainWidget()
    panel.checkLoadLayersOnCompletion.setChecked(True)
    context = dataobjects.createContext()
    reports = [os.path.join(SAMPLE, "batch_report{}.html".format(row)) for row in range(2)]
    for row, product in enumerate(products):
        while panel.batchRowCount() <= row:
            panel.addRow()
        panel.wrappers[row][panel.parameter_to_column["INPUT_PRODUCT"]].setParameterValue(product, context)
        for name, value in (("OUTPUT", os.path.join(SAMPLE, "batch_snow{}.tif".format(row))),
                            ("OUTPUT_HTML_FILE", reports[row])):
            panel.tblParameters.cellWidget(row + 1, panel.parameter_to_column[name]).setValue(value)
    before = len(resultsList.getResults())
    try:
        dialog.runAlgorithm()  # QGIS 3.22: TypeError here when a report is a QgsProcessingOutputHtml
        error = None
    except Exception:
        error = traceback.format_exc()
    yield wait(500)
    added = [r.filename for r in resultsList.getResults()[before:]]
    checks["batch dialog on two products: no error, both reports in the Results Viewer"] = (
        error is None and all(os.path.exists(r) for r in reports) and all(r in added for r in reports))
    if error:
        notes["batch error"] = error
    dialog.close()
    yield wait(300)


QTimer.singleShot(500, lambda: drive(scenario()))
