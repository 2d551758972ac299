"""Test harness: the real QGIS 3.22 (pytest-qgis, offscreen), the plugin imported as ``neve``.

- The repository is the plugin folder whatever its name: a symlink ``neve`` to it in a temporary folder
  put first on ``sys.path`` lets every test ``import neve``.
- QGIS runs with a throwaway profile (pytest-qgis keeps it in ``.qgis-settings/``, git-ignored), so
  tests never touch a user's settings, and in English unless a test switches the locale.
- ``RealMenusIface`` is pytest-qgis's QgisInterface with real Qt menus and toolbars for the parts the
  plugin uses, so that menu tests look at real QMenu/QToolBar objects.
"""
import os
import shutil
import sys
import tempfile

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared")
SHARED_DATA = os.path.join(SHARED, "data")

_SESSION_DIR = tempfile.mkdtemp(prefix="neve-tests-")
os.symlink(ROOT, os.path.join(_SESSION_DIR, "neve"))
sys.path.insert(0, _SESSION_DIR)
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # tests/ helpers (synthetic products)
if "/usr/share/qgis/python/plugins" not in sys.path:
    sys.path.append("/usr/share/qgis/python/plugins")  # the Processing framework
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


_PLUGINS = []


def pytest_sessionfinish(session, exitstatus):
    shutil.rmtree(_SESSION_DIR, ignore_errors=True)


def shared_path(*parts):
    """A file of ../shared/data, or skip-free failure: the test data is part of the contract."""
    path = os.path.join(SHARED_DATA, *parts)
    assert os.path.exists(path), "missing shared test data: " + path
    return path


@pytest.fixture(scope="session")
def qgis_processing_ready(qgis_app):
    """QGIS with the Processing framework initialised (native algorithms and models)."""
    from processing.core.Processing import Processing
    from qgis.analysis import QgsNativeAlgorithms
    from qgis.core import QgsApplication

    if QgsApplication.processingRegistry().providerById("native") is None:
        QgsApplication.processingRegistry().addProvider(QgsNativeAlgorithms())
    Processing.initialize()
    return qgis_app


@pytest.fixture
def neve_provider(qgis_processing_ready):
    """The registered Névé provider, registered through the plugin's initProcessing() when it is not
    (the plugin life-cycle tests unregister it)."""
    import neve
    from qgis.core import QgsApplication, QgsSettings

    provider = QgsApplication.processingRegistry().providerById("neve")
    if provider is None:
        QgsSettings().setValue("locale/overrideFlag", True)
        QgsSettings().setValue("locale/userLocale", "en_GB")
        plugin = neve.classFactory(None)
        plugin.initProcessing()
        provider = plugin.provider
        _PLUGINS.append(plugin)  # QGIS keeps its plugin objects alive (qgis.utils.plugins): so do we
    return provider


@pytest.fixture
def without_neve_provider(qgis_processing_ready):
    """No Névé provider registered, as when QGIS starts: for tests of the plugin's life cycle."""
    from qgis.core import QgsApplication

    registry = QgsApplication.processingRegistry()
    if registry.providerById("neve") is not None:
        registry.removeProvider(registry.providerById("neve"))
    yield
    if registry.providerById("neve") is not None:
        registry.removeProvider(registry.providerById("neve"))


@pytest.fixture
def real_iface(qgis_iface):
    """pytest-qgis's iface whose Raster menu and toolbars are real Qt objects in its main window."""
    from qgis.PyQt.QtWidgets import QMenu

    window = qgis_iface.mainWindow()
    raster_menu = window.menuBar().addMenu("&Raster")

    class RealMenusIface:
        def __init__(self, base):
            self._base = base

        def __getattr__(self, name):
            return getattr(self._base, name)

        def mainWindow(self):  # noqa: N802
            return window

        def rasterMenu(self):  # noqa: N802
            return raster_menu

        def addToolBar(self, name):  # noqa: N802
            return window.addToolBar(name)

        def addPluginToRasterMenu(self, name, action):  # noqa: N802
            submenu = next((a.menu() for a in raster_menu.actions() if a.menu() and a.text() == name),
                           None)
            if submenu is None:
                submenu = QMenu(name, raster_menu)
                raster_menu.addMenu(submenu)
            submenu.addAction(action)

        def removePluginRasterMenu(self, name, action):  # noqa: N802
            for menu_action in raster_menu.actions():
                submenu = menu_action.menu()
                if submenu is not None and menu_action.text() == name:
                    submenu.removeAction(action)
                    if not submenu.actions():
                        raster_menu.removeAction(menu_action)

    yield RealMenusIface(qgis_iface)
    window.menuBar().removeAction(raster_menu.menuAction())
