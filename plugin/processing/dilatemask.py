"""neve:dilatemask, "Buffer a mask by a distance": the adapter of ``pipeline/buffer.py`` to QGIS Processing.

The parameters are declared in ``pipeline/algorithms/dilatemask.py``; here only the output is styled.
"""
from ..pipeline.algorithms import dilatemask
from .base import NeveAlgorithm
from .styles import buffer_mask_legend, paletted


class DilateMaskAlgorithm(NeveAlgorithm):
    DECLARATION = staticmethod(dilatemask.spec)

    def postprocess(self, results, values, parameters, context, feedback):
        self.output_run(results, values, parameters, context).load("OUTPUT", paletted(buffer_mask_legend()))
