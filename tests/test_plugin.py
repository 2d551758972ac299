"""The plugin as QGIS sees it: classFactory, provider, Raster menu, toolbar, unload."""
from qgis.core import QgsApplication
from qgis.PyQt.QtWidgets import QToolBar


def neve_submenu(iface):
    for action in iface.rasterMenu().actions():
        if action.menu() is not None and action.text() == "&Névé":
            return action.menu()
    return None


def test_plugin_loads_registers_provider_menu_and_toolbar_and_unloads_cleanly(without_neve_provider,
                                                                              real_iface):
    import neve

    plugin = neve.classFactory(real_iface)
    plugin.initGui()
    try:
        provider = QgsApplication.processingRegistry().providerById("neve")
        assert provider is plugin.provider
        assert provider.name() == "Névé"
        menu = neve_submenu(real_iface)
        assert menu is not None
        menu_ids = {a.objectName() for a in menu.actions()}
        assert {"neve_action_" + alg.name() for alg in provider.algorithms()} <= menu_ids
        toolbar = real_iface.mainWindow().findChild(QToolBar, "NeveToolbar")
        assert toolbar is not None and toolbar.isVisibleTo(real_iface.mainWindow())
        assert len(plugin.toolbar_menu.actions()) == len(provider.algorithms())
    finally:
        plugin.unload()
    assert QgsApplication.processingRegistry().providerById("neve") is None
    assert neve_submenu(real_iface) is None
    QgsApplication.processEvents()
    from qgis.PyQt.QtCore import QCoreApplication, QEvent
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    assert real_iface.mainWindow().findChild(QToolBar, "NeveToolbar") is None


def test_plugin_loads_without_iface_as_qgis_process_does(without_neve_provider):
    import neve

    plugin = neve.classFactory(None)
    plugin.initProcessing()
    try:
        assert QgsApplication.processingRegistry().algorithmById("neve:cloudmask") is not None
    finally:
        plugin.unload()
    assert QgsApplication.processingRegistry().providerById("neve") is None
