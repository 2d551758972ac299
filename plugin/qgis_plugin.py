"""The QGIS plugin object: translator, Processing provider, Raster menu and toolbar.

Life cycle (QGIS calls these):
- ``__init__``: install the translator from the QGIS locale, before anything creates a string;
- ``initProcessing``: register the Processing provider (``qgis_process`` calls only this, without iface);
- ``initGui``: the provider, then a "Névé" submenu under the Raster menu and a "Névé" toolbar whose
  button lists the same entries;
- ``unload``: remove all of it again.
"""
import os

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QObject
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction, QMenu, QToolButton

from .i18n import install_translator, remove_translator, tr

PLUGIN_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ICON_PATH = os.path.join(PLUGIN_DIR, "icon.svg")
MENU_NAME = "&Névé"
TOOLBAR_OBJECT_NAME = "NeveToolbar"


class NevePlugin(QObject):
    def __init__(self, iface):
        super().__init__()
        self.iface = iface
        self.provider = None
        self.actions = []
        self.toolbar = None
        self.toolbar_menu = None
        self.language = install_translator()

    # -- Processing ---------------------------------------------------------------------------
    def initProcessing(self):  # noqa: N802 (QGIS API name)
        from .processing.provider import NeveProvider

        if self.provider is None:
            self.provider = NeveProvider()
            QgsApplication.processingRegistry().addProvider(self.provider)

    # -- GUI ------------------------------------------------------------------------------------
    def initGui(self):  # noqa: N802 (QGIS API name)
        self.initProcessing()
        icon = QIcon(ICON_PATH)
        main_window = self.iface.mainWindow()

        self.toolbar = self.iface.addToolBar("Névé")
        self.toolbar.setObjectName(TOOLBAR_OBJECT_NAME)
        self.toolbar.setToolTip(tr("Névé: cloud masks and snow maps for Sentinel-2"))
        self.toolbar_menu = QMenu(main_window)
        button = QToolButton(self.toolbar)
        button.setIcon(icon)
        button.setToolTip(tr("Névé: cloud masks and snow maps for Sentinel-2"))
        button.setPopupMode(QToolButton.InstantPopup)
        button.setMenu(self.toolbar_menu)
        self.toolbar.addWidget(button)

        for algorithm in sorted(self.provider.algorithms(), key=lambda a: (a.group(), a.displayName())):
            action = QAction(algorithm.icon(), algorithm.displayName() + "…", main_window)
            action.setObjectName("neve_action_" + algorithm.name())
            action.setToolTip(algorithm.shortDescription() or algorithm.displayName())
            action.triggered.connect(lambda _checked=False, alg_id=algorithm.id(): self.open_dialog(alg_id))
            self.iface.addPluginToRasterMenu(MENU_NAME, action)
            self.toolbar_menu.addAction(action)
            self.actions.append(action)

    def open_dialog(self, algorithm_id):
        """Open the Processing dialog of an algorithm, as the Processing toolbox does."""
        import processing

        processing.execAlgorithmDialog(algorithm_id, {})

    def unload(self):
        for action in self.actions:
            self.iface.removePluginRasterMenu(MENU_NAME, action)
            action.deleteLater()
        self.actions = []
        if self.toolbar is not None:
            self.iface.mainWindow().removeToolBar(self.toolbar)
            self.toolbar.deleteLater()
            self.toolbar = None
        if self.toolbar_menu is not None:
            self.toolbar_menu.deleteLater()
            self.toolbar_menu = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        remove_translator()
