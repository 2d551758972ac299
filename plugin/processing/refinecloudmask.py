"""neve:refinecloudmask, "Refine a cloud mask (Theia recipe)": the adapter of ``pipeline/refine.py`` to QGIS
Processing.

The parameters are declared in ``pipeline/algorithms/refinecloudmask.py`` (its presets too: the dialog's
preset list sets the values, ``ui/widgets.py``); here the styled class raster is shown above the CLM bits,
which are there for other tools, unchecked.
"""
from ..pipeline.algorithms import refinecloudmask
from .base import NeveAlgorithm
from .styles import paletted, refined_classes_legend


class RefineCloudMaskAlgorithm(NeveAlgorithm):
    DECLARATION = staticmethod(refinecloudmask.spec)

    def postprocess(self, results, values, parameters, context, feedback):
        run = self.output_run(results, values, parameters, context)
        run.load("OUTPUT_CLASSES", paletted(refined_classes_legend()))
        run.load("OUTPUT", visible=False)
