"""neve:snowarchive, "Snow maps of an archive": the adapter of ``pipeline/archive.py`` to QGIS Processing.

The parameters are declared in ``pipeline/algorithms/snowarchive.py``, which also names the packages the
algorithm needs (dask, distributed): without them the plugin loads and ``canExecute`` says what to install.
Here only the season outputs of each tile are loaded, styled as neve:snowseason styles them.
"""
import datetime
import os

from ..pipeline.algorithms import snowarchive, snowseason
from .base import NeveAlgorithm
from .styles import load_ramp_output, observations_ramp, season_day_ramp, snow_days_ramp, snow_onsets_ramp


class SnowArchiveAlgorithm(NeveAlgorithm):
    DECLARATION = staticmethod(snowarchive.spec)

    def postprocess(self, results, values, parameters, context, feedback):
        details = results.details
        for season in details.seasons:
            if season.get("status") not in ("done", "skipped"):
                continue
            start = datetime.date.fromisoformat(season.get("period_start") or season["start"])
            stop = datetime.date.fromisoformat(season.get("period_stop") or season["stop"])
            n_days = (stop - start).days + 1
            labels = snowseason.output_labels()
            maps = season.get("maps_used") or len(season.get("maps", []))
            ramps = {"OUTPUT_SCD": (snow_days_ramp(n_days), False),
                     "OUTPUT_SOD": (season_day_ramp(start, n_days), False),
                     "OUTPUT_SMOD": (season_day_ramp(start, n_days), False),
                     "OUTPUT_NOBS": (observations_ramp(maps), False),
                     "OUTPUT_NSP": (snow_onsets_ramp(), True)}
            for name, (stops, discrete) in ramps.items():
                record = season.get("outputs", {}).get(name)
                if record:
                    path = os.path.join(details.outputs.output_folder, record["path"])
                    load_ramp_output(context, path, stops, "{} {}".format(season["tile"], labels[name]),
                                     discrete)
