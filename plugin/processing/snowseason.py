"""neve:snowseason, "Snow season synthesis": the adapter of ``pipeline/season.py`` to QGIS Processing.

The parameters are declared in ``pipeline/algorithms/snowseason.py``; here the loaded outputs are styled,
grouped under the tile and the season, the snow cover duration shown and the others unchecked.
"""
import datetime

from ..pipeline import naming
from ..pipeline.algorithms import snowseason
from .base import NeveAlgorithm
from .styles import (observations_ramp, paletted, ramp, season_day_ramp, snow_days_ramp, snow_mask_legend,
                     snow_onsets_ramp)


def season_label(values, details):
    """"T31TCH 2020-09-01 – 2021-08-31": the tile of the first map (when its name tells one) and the period."""
    tile, _date = naming.scene_of((values.get("INPUTS") or [None])[0])
    stop = details.date_start + datetime.timedelta(days=max(details.n_days - 1, 0))
    period = "{} \u2013 {}".format(details.date_start.isoformat(), stop.isoformat())
    return " ".join(p for p in (tile, period) if p)


class SnowSeasonAlgorithm(NeveAlgorithm):
    DECLARATION = staticmethod(snowseason.spec)

    def postprocess(self, results, values, parameters, context, feedback):
        details = results.details
        run = self.output_run(results, values, parameters, context, scene=season_label(values, details))
        styles = {"OUTPUT_SCD": ramp(snow_days_ramp(details.n_days)),
                  "OUTPUT_SOD": ramp(season_day_ramp(details.date_start, details.n_days)),
                  "OUTPUT_SMOD": ramp(season_day_ramp(details.date_start, details.n_days)),
                  "OUTPUT_NOBS": ramp(observations_ramp(details.n_dates)),
                  "OUTPUT_NSP": ramp(snow_onsets_ramp(), discrete=True)}
        for name in snowseason.SEASON_OUTPUTS:
            run.load(name, styles[name], visible=name == "OUTPUT_SCD")
        run.load("OUTPUT_DAILY", paletted(snow_mask_legend()), visible=False)
