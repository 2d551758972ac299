"""neve:refinecloudmask, "Refine a cloud mask (Theia recipe)": the adapter of ``pipeline/refine.py`` to QGIS
Processing.

The parameters are declared in ``pipeline/algorithms/refinecloudmask.py``; here only the class raster is
styled.
"""
from ..i18n import tr
from ..pipeline.algorithms import refinecloudmask
from .base import NeveAlgorithm
from .styles import refined_classes_legend, style_output


class RefineCloudMaskAlgorithm(NeveAlgorithm):
    DECLARATION = staticmethod(refinecloudmask.spec)

    def postprocess(self, results, values, parameters, context, feedback):
        style_output(context, values["OUTPUT_CLASSES"], refined_classes_legend(), tr("Refined cloud classes"))
