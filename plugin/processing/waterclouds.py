"""neve:waterclouds, "Clouds over water (SWIR test, sunglint-aware)": the adapter of
``pipeline/waterclouds.py`` to QGIS Processing.

The parameters are declared in ``pipeline/algorithms/waterclouds.py``; here only the outputs are styled.
"""
from ..i18n import tr
from ..pipeline.algorithms import waterclouds
from .base import NeveAlgorithm
from .styles import glint_angle_ramp, style_output, style_ramp_output, water_cloud_legend


class WaterCloudsAlgorithm(NeveAlgorithm):
    DECLARATION = staticmethod(waterclouds.spec)

    def postprocess(self, results, values, parameters, context, feedback):
        style_output(context, values["OUTPUT"], water_cloud_legend(), tr("Clouds over water"))
        if values["OUTPUT_GLINT"]:
            style_ramp_output(context, values["OUTPUT_GLINT"], glint_angle_ramp(), tr("Glint angle"))
