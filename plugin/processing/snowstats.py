"""neve:snowstats, "Snow statistics by zone and elevation": the adapter of ``pipeline/stats.py`` to QGIS
Processing.

The parameters are declared in ``pipeline/algorithms/snowstats.py``; here the outputs are loaded in the
group of the tile and the dates of the maps ("T31TCH 2021-06-15 – 2021-07-03"): the zones styled by their
last snow percentage and shown, the table below them.
"""
from ..pipeline import naming
from ..pipeline.algorithms import snowstats
from .base import NeveAlgorithm
from .styles import snow_percent_zones


def series_label(values, details=None):
    """"T31TCH 2021-06-15 – 2021-07-03": the tile the maps' names tell and the first and last dates of the
    statistics (else those of the maps' names), else the name of the zones or of the first map."""
    scenes = [naming.scene_of(path) for path in values.get("INPUTS") or []]
    tiles = [tile for tile, _date in scenes if tile]
    table_dates = getattr(getattr(details, "rows", None), "dates", None) or []
    dates = sorted(str(getattr(d, "isoformat", lambda: d)()) for d in table_dates) or \
        sorted(date for _tile, date in scenes if date)
    period = ("{} \u2013 {}".format(dates[0], dates[-1]) if dates[0] != dates[-1] else dates[0]) if dates else None
    label = " ".join(p for p in (tiles[0] if tiles else None, period) if p)
    return label or naming.scene_label([values.get("ZONES")] + list(values.get("INPUTS") or []))


class SnowStatsAlgorithm(NeveAlgorithm):
    DECLARATION = staticmethod(snowstats.spec)

    def postprocess(self, results, values, parameters, context, feedback):
        run = self.output_run(results, values, parameters, context, scene=series_label(values, results.details))
        run.load("OUTPUT_ZONES", snow_percent_zones("last_snow_percent"))
        run.load("OUTPUT_TABLE")
