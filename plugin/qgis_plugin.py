"""The QGIS plugin object: translator, Processing provider, Raster menu and toolbar.

Life cycle (QGIS calls these):
- ``__init__``: install the translator from the QGIS locale, before anything creates a string;
- ``initProcessing``: register the Processing provider (``qgis_process`` calls only this, without iface);
- ``initGui``: the provider, then a "Névé" submenu under the Raster menu and a "Névé" toolbar whose
  button lists the same entries, in the order a user works (load a product; cloud masks, the one-step
  recipe first; snow; the season; tune) with separators between, each with its group's icon, and the
  "Tune thresholds" action (menu and toolbar, its own icon) that opens and closes the panel of
  ``ui/tune_panel.py`` (created the first time it is opened);
- ``unload``: remove all of it again, the panel, its preview layers and its thread included.
"""
from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QObject, Qt
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction, QMenu, QToolButton

from .i18n import install_translator, remove_translator, tr
from .resources import ICON_PATH, TUNE_ICON, icon_path

MENU_NAME = "&Névé"
TOOLBAR_OBJECT_NAME = "NeveToolbar"
#: The sections of the menu, in the order a user works, and the algorithm that comes first in its section.
MENU_SECTIONS = ("products", "clouds", "snow", "season")
SEASON_ALGORITHMS = ("snowseason", "snowstats", "snowarchive")
FIRST_IN_SECTION = ("loadproduct", "refinecloudmask", "snowmap", "snowseason")


def menu_section(algorithm):
    """The menu section of a Processing algorithm of the provider."""
    if algorithm.name() in SEASON_ALGORITHMS:
        return "season"
    return algorithm.groupId() if algorithm.groupId() in MENU_SECTIONS else MENU_SECTIONS[-1]


def menu_order(algorithms):
    """``algorithms`` grouped by section in :data:`MENU_SECTIONS` order: the first of each section, then
    the others in the order of their declarations (``pipeline/algorithms/DECLARATIONS``), then by name."""
    from .pipeline.algorithms import names

    declared = names()

    def key(algorithm):
        name = algorithm.name()
        return (MENU_SECTIONS.index(menu_section(algorithm)), name not in FIRST_IN_SECTION,
                declared.index(name) if name in declared else len(declared), algorithm.displayName())

    return sorted(algorithms, key=key)


class NevePlugin(QObject):
    def __init__(self, iface):
        super().__init__()
        self.iface = iface
        self.provider = None
        self.actions = []
        self.toolbar = None
        self.toolbar_menu = None
        self.tune_action = None
        self.tune_panel = None
        self.language = install_translator()

    # -- Processing ---------------------------------------------------------------------------
    def initProcessing(self):  # noqa: N802 (QGIS API name)
        from .processing.provider import NeveProvider

        if self.provider is None:
            provider = NeveProvider()
            # the registry refuses (and deletes) a second provider with the same id
            if QgsApplication.processingRegistry().addProvider(provider):
                self.provider = provider

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

        provider = self.provider or QgsApplication.processingRegistry().providerById("neve")
        section = None
        for algorithm in menu_order(provider.algorithms()):
            if section is not None and menu_section(algorithm) != section:
                self._add_separator(main_window)
            section = menu_section(algorithm)
            action = QAction(algorithm.icon(), algorithm.displayName() + "…", main_window)
            action.setObjectName("neve_action_" + algorithm.name())
            action.setToolTip(algorithm.shortDescription() or algorithm.displayName())
            action.triggered.connect(lambda _checked=False, alg_id=algorithm.id(): self.open_dialog(alg_id))
            self.iface.addPluginToRasterMenu(MENU_NAME, action)
            self.toolbar_menu.addAction(action)
            self.actions.append(action)
        self._add_separator(main_window, toolbar_menu=False)  # the tuning panel has its toolbar button

        self.tune_action = QAction(QIcon(icon_path(TUNE_ICON)), tr("Tune thresholds…"), main_window)
        self.tune_action.setObjectName("neve_action_tune_thresholds")
        self.tune_action.setToolTip(tr("Névé: see what the snow and cloud thresholds do on your scene"))
        self.tune_action.setCheckable(True)
        self.tune_action.toggled.connect(self.set_tune_panel_visible)
        self.iface.addPluginToRasterMenu(MENU_NAME, self.tune_action)
        self.toolbar.addAction(self.tune_action)

    def _add_separator(self, parent, toolbar_menu=True):
        separator = QAction(parent)
        separator.setSeparator(True)
        self.iface.addPluginToRasterMenu(MENU_NAME, separator)
        if toolbar_menu:
            self.toolbar_menu.addAction(separator)
        self.actions.append(separator)

    def show_tune_panel(self):
        """Open the "Tune thresholds" panel."""
        self.tune_action.setChecked(True)

    def set_tune_panel_visible(self, visible):
        if visible and self.tune_panel is None:
            from ..ui.tune_panel import TunePanel

            self.tune_panel = TunePanel(self.iface, self.iface.mainWindow())
            self.tune_panel.closedStateChanged.connect(
                lambda closed: self.tune_action.setChecked(not closed))
            self.iface.addDockWidget(Qt.RightDockWidgetArea, self.tune_panel)
        if self.tune_panel is not None:
            self.tune_panel.setUserVisible(visible)

    def open_dialog(self, algorithm_id):
        """Open the Processing dialog of an algorithm, as the Processing toolbox does."""
        import processing

        processing.execAlgorithmDialog(algorithm_id, {})

    def unload(self):
        if self.tune_panel is not None:
            self.tune_panel.shutdown()
            self.iface.removeDockWidget(self.tune_panel)
            self.tune_panel.deleteLater()
            self.tune_panel = None
        if self.tune_action is not None:
            self.iface.removePluginRasterMenu(MENU_NAME, self.tune_action)
            self.tune_action.deleteLater()
            self.tune_action = None
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
