"""neve:snowstats, "Snow statistics by zone and elevation": the adapter of ``pipeline/stats.py`` to QGIS
Processing.

The parameters are declared in ``pipeline/algorithms/snowstats.py``; here the zones layer is named and
styled by its last snow percentage when QGIS loads it.
"""
from ..i18n import tr
from ..pipeline.algorithms import snowstats
from .base import NeveAlgorithm
from .styles import style_zone_output


class SnowStatsAlgorithm(NeveAlgorithm):
    DECLARATION = staticmethod(snowstats.spec)

    def postprocess(self, results, values, parameters, context, feedback):
        if values["OUTPUT_TABLE"]:
            style_zone_output(context, values["OUTPUT_TABLE"], tr("Snow statistics"))
        if values["OUTPUT_ZONES"]:
            style_zone_output(context, values["OUTPUT_ZONES"], tr("Zones with their statistics"),
                              field="last_snow_percent")
