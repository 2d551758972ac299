"""neve:dilatemask, "Buffer a mask by a distance": the adapter of ``pipeline/buffer.py`` to QGIS Processing.

The parameters are declared in ``pipeline/algorithms/dilatemask.py``; here only the output is styled.
"""
from ..i18n import tr
from ..pipeline.algorithms import dilatemask
from .base import NeveAlgorithm
from .styles import buffer_mask_legend, style_output


class DilateMaskAlgorithm(NeveAlgorithm):
    DECLARATION = staticmethod(dilatemask.spec)

    def postprocess(self, results, values, parameters, context, feedback):
        style_output(context, values["OUTPUT"], buffer_mask_legend(), tr("Buffered mask"))
