"""neve:cloudmask, "Cloud mask from a product's mask": the adapter of ``pipeline/cloudmask.py`` to QGIS
Processing.

The parameters are declared in ``pipeline/algorithms/cloudmask.py``; here only the output is styled.
"""
from ..pipeline.algorithms import cloudmask
from .base import NeveAlgorithm
from .styles import cloud_mask_legend, paletted


class CloudMaskAlgorithm(NeveAlgorithm):
    DECLARATION = staticmethod(cloudmask.spec)

    def postprocess(self, results, values, parameters, context, feedback):
        self.output_run(results, values, parameters, context).load("OUTPUT", paletted(cloud_mask_legend()))
