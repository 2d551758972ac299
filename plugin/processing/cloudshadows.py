"""neve:cloudshadows, "Cloud shadows from sun geometry": the adapter of ``pipeline/shadows.py`` to QGIS
Processing.

The parameters are declared in ``pipeline/algorithms/cloudshadows.py``; here only the outputs are styled:
the shadows shown, the cloud heights (raw numbers) under them, unchecked.
"""
from ..pipeline.algorithms import cloudshadows
from .base import NeveAlgorithm
from .styles import paletted, shadow_mask_legend


class CloudShadowsAlgorithm(NeveAlgorithm):
    DECLARATION = staticmethod(cloudshadows.spec)

    def postprocess(self, results, values, parameters, context, feedback):
        run = self.output_run(results, values, parameters, context)
        run.load("OUTPUT", paletted(shadow_mask_legend()))
        run.load("OUTPUT_HEIGHT", visible=False)
