"""neve:snowarchive, "Snow maps of an archive": the adapter of ``pipeline/archive.py`` to QGIS Processing.

The parameters are declared in ``pipeline/algorithms/snowarchive.py``, which also names the packages the
algorithm needs (dask, distributed): without them the plugin loads and ``canExecute`` says what to install.
Here only the season outputs of each tile are loaded, styled as neve:snowseason styles them, each season in
its group ("T31TCH 2020-09-01 – 2021-08-31"), the snow cover duration shown and the others unchecked.
"""
import datetime
import os

from ..pipeline.algorithms import snowarchive, snowseason
from .base import NeveAlgorithm
from .styles import observations_ramp, ramp, season_day_ramp, snow_days_ramp, snow_onsets_ramp


class SnowArchiveAlgorithm(NeveAlgorithm):
    DECLARATION = staticmethod(snowarchive.spec)

    def postprocess(self, results, values, parameters, context, feedback):
        details = results.details
        labels = snowseason.output_labels()
        for season in details.seasons:
            if season.get("status") not in ("done", "skipped"):
                continue
            start = datetime.date.fromisoformat(season.get("period_start") or season["start"])
            stop = datetime.date.fromisoformat(season.get("period_stop") or season["stop"])
            n_days = (stop - start).days + 1
            maps = season.get("maps_used") or len(season.get("maps", []))
            styles = {"OUTPUT_SCD": ramp(snow_days_ramp(n_days)),
                      "OUTPUT_SOD": ramp(season_day_ramp(start, n_days)),
                      "OUTPUT_SMOD": ramp(season_day_ramp(start, n_days)),
                      "OUTPUT_NOBS": ramp(observations_ramp(maps)),
                      "OUTPUT_NSP": ramp(snow_onsets_ramp(), discrete=True)}
            scene = "{} {} \u2013 {}".format(season["tile"], start.isoformat(), stop.isoformat())
            run = self.output_run(results, values, parameters, context, scene=scene)
            for name in snowseason.SEASON_OUTPUTS:
                record = season.get("outputs", {}).get(name)
                path = os.path.join(details.outputs.output_folder, record["path"]) if record else None
                run.load_file(name, context.project(), styles[name], label=labels[name],
                              visible=name == "OUTPUT_SCD", path=path)
