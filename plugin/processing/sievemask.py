"""neve:sievemask, "Remove small objects and fill small holes": the adapter of ``pipeline/sieve.py`` to QGIS
Processing.

The parameters are declared in ``pipeline/algorithms/sievemask.py``; here only the output is styled.
"""
from ..pipeline.algorithms import sievemask
from .base import NeveAlgorithm
from .styles import paletted, sieved_mask_legend


class SieveMaskAlgorithm(NeveAlgorithm):
    DECLARATION = staticmethod(sievemask.spec)

    def postprocess(self, results, values, parameters, context, feedback):
        self.output_run(results, values, parameters, context).load("OUTPUT", paletted(sieved_mask_legend()))
