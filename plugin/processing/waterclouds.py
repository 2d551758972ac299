"""neve:waterclouds, "Clouds over water (SWIR test, sunglint-aware)": the adapter of
``pipeline/waterclouds.py`` to QGIS Processing.

The parameters are declared in ``pipeline/algorithms/waterclouds.py``; here only the outputs are styled:
the clouds over water shown, the glint angle under them, unchecked.
"""
from ..pipeline.algorithms import waterclouds
from .base import NeveAlgorithm
from .styles import glint_angle_ramp, paletted, ramp, water_cloud_legend


class WaterCloudsAlgorithm(NeveAlgorithm):
    DECLARATION = staticmethod(waterclouds.spec)

    def postprocess(self, results, values, parameters, context, feedback):
        run = self.output_run(results, values, parameters, context)
        run.load("OUTPUT", paletted(water_cloud_legend()))
        run.load("OUTPUT_GLINT", ramp(glint_angle_ramp()), visible=False)
