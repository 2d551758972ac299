"""Run by the real QGIS desktop (qgis --code): checks what the user sees of Névé and takes screenshots.

Driven by scripts/desktop.py through environment variables; it ends QGIS itself. With NEVE_SAMPLE_DIR
it also generates a small sample product (tests/synthetic.py), loads it with neve:loadproduct, opens
the Tune thresholds panel on it and lets the live preview draw before the screenshots.
"""
import json
import os
import sys

from qgis.core import QgsProject, QgsRasterLayer
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication, QToolBar
from qgis.utils import iface, plugins

OUT = os.environ["NEVE_SCREENSHOT_DIR"]
LANGUAGE = os.environ.get("NEVE_LANGUAGE", "en")
REPORT = os.environ["NEVE_REPORT"]
checks = {}
notes = {}


def grab(widget, name):
    path = os.path.join(OUT, "{}_{}.png".format(name, LANGUAGE))
    widget.grab().save(path)
    notes[name] = path


def neve_menu():
    for action in iface.rasterMenu().actions():
        if action.menu() is not None and action.text().replace("&", "") == "Névé":
            return action.menu()
    return None


def step_check():
    iface.mainWindow().resize(1500, 950)
    plugin = plugins.get("neve")
    checks["plugin loaded"] = plugin is not None
    menu = neve_menu()
    checks["Raster > Névé menu"] = menu is not None and len(menu.actions()) > 0
    if menu is not None:
        notes["menu entries"] = [a.text() for a in menu.actions()]
    toolbar = iface.mainWindow().findChild(QToolBar, "NeveToolbar")
    checks["Névé toolbar"] = toolbar is not None and toolbar.isVisible()
    if plugin is not None and hasattr(plugin, "show_tune_panel"):
        plugin.show_tune_panel()
        if os.environ.get("NEVE_SAMPLE_DIR"):
            open_sample(plugin)
    QTimer.singleShot(6000, step_screenshots)


def natural_colours(layer, top=0.3):
    """Red B4, green B3, blue B2, stretched over reflectance 0 .. ``top``."""
    from qgis.core import QgsContrastEnhancement, QgsMultiBandColorRenderer

    renderer = QgsMultiBandColorRenderer(layer.dataProvider(), 3, 2, 1)
    for band, setter in ((3, renderer.setRedContrastEnhancement), (2, renderer.setGreenContrastEnhancement),
                         (1, renderer.setBlueContrastEnhancement)):
        enhancement = QgsContrastEnhancement(layer.dataProvider().dataType(band))
        enhancement.setContrastEnhancementAlgorithm(QgsContrastEnhancement.StretchToMinimumMaximum)
        enhancement.setMinimumValue(0.0)
        enhancement.setMaximumValue(top)
        setter(enhancement)
    layer.setRenderer(renderer)


def open_sample(plugin):
    """A small generated Theia product with a DEM, its 10 m stack as background, in the panel."""
    import processing

    sys.path.insert(0, os.path.join(os.environ["NEVE_ROOT"], "tests"))
    from synthetic import Scene, make_dem, make_theia_product

    folder = os.environ["NEVE_SAMPLE_DIR"]
    os.makedirs(folder, exist_ok=True)
    scene = Scene.small(size=960)
    product = make_theia_product(folder, scene)
    dem = QgsRasterLayer(make_dem(os.path.join(folder, "dem.tif"), scene), "DEM")
    results = processing.run("neve:loadproduct", {
        "INPUT_PRODUCT": product, "OUTPUT_R1": os.path.join(folder, "r1.vrt"),
        "OUTPUT_R2": os.path.join(folder, "r2.vrt"), "OUTPUT_CLOUD": "TEMPORARY_OUTPUT",
        "OUTPUT_SHADOW": None, "OUTPUT_WATER": None, "OUTPUT_SNOW": None, "OUTPUT_NODATA": None,
        "OUTPUT_HTML": os.path.join(folder, "summary.html")})
    background = QgsRasterLayer(results["OUTPUT_R1"], "Sentinel-2 10 m")
    natural_colours(background)
    project = QgsProject.instance()
    project.addMapLayer(dem, False)
    project.addMapLayer(background)
    iface.mapCanvas().setDestinationCrs(background.crs())
    iface.mapCanvas().setExtent(background.extent())
    plugin.tune_panel.set_product(product, dem)
    checks["sample product previewed"] = plugin.tune_panel.source is not None


def step_screenshots():
    main_window = iface.mainWindow()
    grab(main_window, "qgis")
    if plugins.get("neve") is not None and getattr(plugins["neve"], "tune_panel", None) is not None:
        grab(plugins["neve"].tune_panel, "tune_panel")
        grab(plugins["neve"].tune_panel.widget().widget(), "tune_panel_full")
        checks["Tune thresholds panel"] = plugins["neve"].tune_panel.isVisible()
    menu = neve_menu()
    if menu is not None:
        iface.rasterMenu().popup(main_window.mapToGlobal(main_window.rect().topLeft()))
        menu.popup(main_window.mapToGlobal(main_window.rect().center()))
        QTimer.singleShot(500, lambda: finish(menu))
    else:
        finish(None)


def finish(menu):
    if menu is not None:
        grab(menu, "menu")
        menu.hide()
        iface.rasterMenu().hide()
    with open(REPORT, "w") as f:
        json.dump({"checks": checks, "notes": notes}, f, ensure_ascii=False, indent=2)
    QApplication.instance().exit(0)


QTimer.singleShot(3000, step_check)
