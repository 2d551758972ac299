"""The "Névé" Processing provider (id ``neve``): the list of algorithms and what they may write."""
from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..i18n import tr
from ..resources import ICON_PATH
from .cloudmask import CloudMaskAlgorithm
from .cloudshadows import CloudShadowsAlgorithm
from .dilatemask import DilateMaskAlgorithm
from .loadproduct import LoadProductAlgorithm
from .refinecloudmask import RefineCloudMaskAlgorithm
from .sievemask import SieveMaskAlgorithm
from .snowarchive import SnowArchiveAlgorithm
from .snowmap import SnowMapAlgorithm
from .snowseason import SnowSeasonAlgorithm
from .snowstats import SnowStatsAlgorithm
from .waterclouds import WaterCloudsAlgorithm


class NeveProvider(QgsProcessingProvider):
    def id(self):
        return "neve"

    def name(self):
        return "Névé"

    def longName(self):  # noqa: N802 (QGIS API name)
        return tr("Névé: cloud masks and snow maps for Sentinel-2")

    def icon(self):
        return QIcon(ICON_PATH)

    def svgIconPath(self):  # noqa: N802 (QGIS API name)
        return ICON_PATH

    def loadAlgorithms(self):  # noqa: N802 (QGIS API name)
        for algorithm_class in (CloudMaskAlgorithm, LoadProductAlgorithm, CloudShadowsAlgorithm,
                                DilateMaskAlgorithm, RefineCloudMaskAlgorithm, SieveMaskAlgorithm,
                                WaterCloudsAlgorithm, SnowSeasonAlgorithm, SnowMapAlgorithm, SnowStatsAlgorithm,
                                SnowArchiveAlgorithm):
            self.addAlgorithm(algorithm_class())

    def supportedOutputRasterLayerExtensions(self):  # noqa: N802 (QGIS API name)
        return ["tif"]

    def supportedOutputVectorLayerExtensions(self):  # noqa: N802 (QGIS API name)
        return ["gpkg"]

    def supportedOutputTableExtensions(self):  # noqa: N802 (QGIS API name)
        return ["gpkg", "csv"]
