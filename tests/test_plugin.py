"""The plugin as QGIS sees it: classFactory, provider, Raster menu, toolbar, unload."""
from qgis.core import QgsApplication
from qgis.PyQt.QtWidgets import QToolBar, QToolButton


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
        entries = [a for a in plugin.toolbar_menu.actions() if not a.isSeparator()]
        assert len(entries) == len(provider.algorithms())
        # the order a user works, sections apart: load; clouds (the recipe first); snow; season; tune
        order = [a.objectName().replace("neve_action_", "") if not a.isSeparator() else "|" for a in menu.actions()]
        assert order == ["loadproduct", "|", "refinecloudmask", "cloudmask", "dilatemask", "waterclouds",
                         "cloudshadows", "sievemask", "|", "snowmap", "|", "snowseason", "snowstats", "snowarchive", "|",
                         "tune_thresholds"]
        # one icon per group, another for the season, another for the panel: no two toolbar buttons alike
        icons = {name: menu.actions()[order.index(name)].icon().cacheKey() for name in
                 ("loadproduct", "refinecloudmask", "cloudmask", "snowmap", "snowseason", "tune_thresholds")}
        from neve.plugin.resources import ICON_PATH, algorithm_icon_path

        paths = {alg.name(): alg.svgIconPath() for alg in provider.algorithms()}
        assert paths["refinecloudmask"] == paths["cloudmask"] == paths["sievemask"]
        assert len({paths["loadproduct"], paths["cloudmask"], paths["snowmap"], paths["snowseason"], ICON_PATH}) == 5
        assert paths["snowmap"] == algorithm_icon_path(provider.algorithm("snowmap").spec)
        buttons = [toolbar.widgetForAction(a) for a in toolbar.actions()]
        assert len(buttons) == 2 and all(isinstance(b, QToolButton) for b in buttons)
        assert buttons[0].icon().pixmap(24, 24).toImage() != buttons[1].icon().pixmap(24, 24).toImage()
        assert icons  # every entry has an icon
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


def test_plugin_loads_without_scipy_and_rasterio_and_says_what_to_install(tmp_path):
    from helpers import verdicts_without

    for language, words in (("en_GB", ("needs the Python packages", "scipy, rasterio", "python3-rasterio")),
                            ("fr_FR", ("a besoin des paquets Python", "scipy, rasterio", "python3-rasterio"))):
        verdicts = verdicts_without(("scipy", "rasterio"), language, tmp_path / language)
        assert len(verdicts) >= 9
        for algorithm, (can_execute, message) in verdicts.items():
            assert not can_execute, algorithm
            assert all(word in message for word in words), (algorithm, message)
