"""Run by the real QGIS desktop (qgis --code): checks what the user sees of Névé and takes screenshots.

Driven by scripts/desktop.py through environment variables; it ends QGIS itself.
"""
import json
import os

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
    QTimer.singleShot(1500, step_screenshots)


def step_screenshots():
    main_window = iface.mainWindow()
    grab(main_window, "qgis")
    if plugins.get("neve") is not None and getattr(plugins["neve"], "tune_panel", None) is not None:
        grab(plugins["neve"].tune_panel, "tune_panel")
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
