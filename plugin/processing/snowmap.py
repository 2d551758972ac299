"""neve:snowmap, "Snow map (Theia/LIS method)": the adapter of ``pipeline/snowmap.py`` to QGIS Processing.

The parameters are declared in ``pipeline/algorithms/snowmap.py``; here only the loaded outputs are styled.
"""
from ..i18n import tr
from ..pipeline.algorithms import snowmap
from .base import NeveAlgorithm
from .styles import fsc_ramp, qc_legend, snow_bits_legend, snow_map_legend, style_output, style_ramp_output


class SnowMapAlgorithm(NeveAlgorithm):
    DECLARATION = staticmethod(snowmap.spec)

    def postprocess(self, results, values, parameters, context, feedback):
        details = results.details
        code = values["NODATA_CODE"]
        style_output(context, values["OUTPUT"], snow_map_legend(code), tr("Snow map"))
        if values["OUTPUT_BITS"]:
            style_output(context, values["OUTPUT_BITS"], snow_bits_legend(details.bits_present),
                         tr("Bit field of the intermediate layers"))
        for name, label in (("OUTPUT_FSC", tr("Fractional snow cover on top of canopy")),
                            ("OUTPUT_FSC_OG", tr("Fractional snow cover on ground"))):
            if values[name]:
                style_ramp_output(context, values[name], fsc_ramp(code), label, discrete=True)
        if values["OUTPUT_QC"]:
            style_output(context, values["OUTPUT_QC"], qc_legend(details.qc_present),
                         tr("Quality flags of the fractional snow cover"))
