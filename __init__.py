"""Névé, a QGIS plugin: cloud-mask refinement and snow maps for Sentinel-2 L2A products.

QGIS calls :func:`classFactory` with its interface (``iface``); ``qgis_process`` passes no interface and
only calls ``initProcessing()`` on the returned object.
"""


def classFactory(iface):  # noqa: N802 (QGIS API name)
    from .plugin.qgis_plugin import NevePlugin

    return NevePlugin(iface)
