"""neve:sievemask, "Remove small objects and fill small holes": the adapter of ``pipeline/sieve.py`` to QGIS
Processing.

The parameters are declared in ``pipeline/algorithms/sievemask.py``; here only the output is styled.
"""
from ..i18n import tr
from ..pipeline.algorithms import sievemask
from .base import NeveAlgorithm
from .styles import sieved_mask_legend, style_output


class SieveMaskAlgorithm(NeveAlgorithm):
    DECLARATION = staticmethod(sievemask.spec)

    def postprocess(self, results, values, parameters, context, feedback):
        style_output(context, values["OUTPUT"], sieved_mask_legend(), tr("Sieved mask"))
