"""neve:snowmap, "Snow map (Theia/LIS method)": the adapter of ``pipeline/snowmap.py`` to QGIS Processing.

The parameters are declared in ``pipeline/algorithms/snowmap.py``; here the loaded outputs are styled and
ordered: the snow and cloud polygons (semi-transparent, by class) over the map, shown; the fractional snow
cover, QC flags, NDSI and bit field below, unchecked.
"""
from ..pipeline.algorithms import snowmap
from .base import NeveAlgorithm
from .styles import (fsc_ramp, paletted, polygons, qc_legend, ramp, snow_bits_legend, snow_map_legend,
                     snow_polygon_classes)


class SnowMapAlgorithm(NeveAlgorithm):
    DECLARATION = staticmethod(snowmap.spec)

    def postprocess(self, results, values, parameters, context, feedback):
        details = results.details
        code = values["NODATA_CODE"]
        run = self.output_run(results, values, parameters, context)
        run.load("OUTPUT_VECTOR", polygons("DN", snow_polygon_classes()))
        run.load("OUTPUT", paletted(snow_map_legend(code)))
        run.load("OUTPUT_FSC", ramp(fsc_ramp(code), discrete=True), visible=False)
        run.load("OUTPUT_FSC_OG", ramp(fsc_ramp(code), discrete=True), visible=False)
        run.load("OUTPUT_QC", paletted(qc_legend(details.qc_present)), visible=False)
        run.load("OUTPUT_NDSI", visible=False)
        run.load("OUTPUT_BITS", paletted(snow_bits_legend(details.bits_present)), visible=False)
