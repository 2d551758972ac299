"""neve:snowseason, "Snow season synthesis": the adapter of ``pipeline/season.py`` to QGIS Processing.

The parameters are declared in ``pipeline/algorithms/snowseason.py``; here only the loaded outputs are styled.
"""
from ..i18n import tr
from ..pipeline.algorithms import snowseason
from .base import NeveAlgorithm
from .styles import (observations_ramp, season_day_ramp, snow_days_ramp, snow_mask_legend, snow_onsets_ramp,
                     style_output, style_ramp_output)


class SnowSeasonAlgorithm(NeveAlgorithm):
    DECLARATION = staticmethod(snowseason.spec)

    def postprocess(self, results, values, parameters, context, feedback):
        details = results.details
        labels = snowseason.output_labels()
        ramps = {"OUTPUT_SCD": (snow_days_ramp(details.n_days), False),
                 "OUTPUT_SOD": (season_day_ramp(details.date_start, details.n_days), False),
                 "OUTPUT_SMOD": (season_day_ramp(details.date_start, details.n_days), False),
                 "OUTPUT_NOBS": (observations_ramp(details.n_dates), False),
                 "OUTPUT_NSP": (snow_onsets_ramp(), True)}
        for name, (stops, discrete) in ramps.items():
            if values[name]:
                style_ramp_output(context, values[name], stops, labels[name], discrete)
        if values["OUTPUT_DAILY"]:
            style_output(context, values["OUTPUT_DAILY"], snow_mask_legend(), tr("Daily snow"))
