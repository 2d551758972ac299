"""neve:cloudshadows, "Cloud shadows from sun geometry": the adapter of ``pipeline/shadows.py`` to QGIS
Processing.

The parameters are declared in ``pipeline/algorithms/cloudshadows.py``; here only the output is styled.
"""
from ..i18n import tr
from ..pipeline.algorithms import cloudshadows
from .base import NeveAlgorithm
from .styles import shadow_mask_legend, style_output


class CloudShadowsAlgorithm(NeveAlgorithm):
    DECLARATION = staticmethod(cloudshadows.spec)

    def postprocess(self, results, values, parameters, context, feedback):
        style_output(context, values["OUTPUT"], shadow_mask_legend(), tr("Cloud shadows"))
