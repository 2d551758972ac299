"""The HTML report of a snow season (``snowseason``'s ``OUTPUT_REPORT``): the season's numbers, the
snow-covered area through the season (observed per date, interpolated per day), the maps and their dates,
and with a DEM the snow days against elevation; and the names of the sources of the maps' dates, shared
with the log."""
import datetime
import math

import numpy as np

from ..core import season
from ..i18n import current_language, tr
from . import report
from .mapdates import date_source_labels  # noqa: F401 (the names of the sources of the maps' dates, shared)




def _percent(part, whole):
    return round(100.0 * part / whole, 1) if whole else None


def season_report(maps, used, date_start, date_stop, margin, grid, grid_name, totals, unique_days, band_width,
                  with_dem):
    """The HTML page of a run (texts translated here, laid out by :mod:`.report`): ``maps`` and ``used``
    are the ``pipeline.season.SeasonMap`` given and used, ``totals`` the ``pipeline.season.SeasonTotals``."""
    n_days = (date_stop - date_start).days + 1
    parts = [report.heading(tr("Season")), report.table([
        (tr("Start (day 0)"), date_start.isoformat()),
        (tr("End"), date_stop.isoformat()),
        (tr("Days"), n_days),
        (tr("Date margin (days)"), margin),
        (tr("Maps given"), len(maps)),
        (tr("Maps used"), len(used)),
        (tr("Dates used"), len(unique_days)),
        (tr("Grid"), tr("{name}: {width} x {height} pixels of {size:g}, {crs}").format(
            name=grid_name, width=grid.width, height=grid.height, size=grid.resolution,
            crs=grid.crs.to_string())),
        (tr("Pixels with at least one clear observation"), tr("{count} ({percent} %)").format(
            count=totals.observed, percent=_percent(totals.observed, totals.pixels))),
        (tr("Mean snow days of those pixels"),
         round(totals.scd_sum / totals.observed, 1) if totals.observed else None),
    ])]

    # snow-covered area through the season
    observed_fraction, cloud_fraction = season.observed_snow_fraction(totals.date_counts)
    interpolated = (100.0 * totals.snow_pixels / totals.observed) if totals.observed else \
        np.full(n_days, np.nan)
    low, high = min(0, int(unique_days[0])), max(n_days - 1, int(unique_days[-1]))
    ticks = []
    month = datetime.date(date_start.year, date_start.month, 1)
    while True:
        day = (month - date_start).days
        if day > high:
            break
        if day >= low:
            ticks.append((day, month.strftime("%Y-%m")))
        month = datetime.date(month.year + month.month // 12, month.month % 12 + 1, 1)
    if len(ticks) > 7:                   # labels of about 50 pixels on a 570-pixel axis
        ticks = ticks[::-(-len(ticks) // 7)]
    markers = []
    if low < 0 or high > n_days - 1:
        markers = [(0, date_start.isoformat()), (n_days - 1, date_stop.isoformat())]
    parts += [
        report.heading(tr("Snow-covered area through the season")),
        report.paragraph(tr("Points: snow fraction of the clear pixels of each date. Line: snow fraction, "
                            "interpolated for each day, of the pixels with at least one clear observation.")),
        report.xy_chart(
            [(tr("Interpolated, per day"), list(enumerate(interpolated.tolist())), "line", "#2171b5"),
             (tr("Observed, per date"), list(zip(unique_days.tolist(), (100.0 * observed_fraction).tolist())),
              "points", "#d94801")],
            (low, high), (0, 100), x_ticks=ticks, y_ticks=[(v, str(v)) for v in range(0, 101, 20)],
            x_title=tr("Date"), y_title=tr("Snow-covered area (%)"), markers=markers),
    ]

    # the maps
    rows = []
    sources = date_source_labels()
    used_index = {id(m): i for i, m in enumerate(used)}
    for item in sorted(maps, key=lambda m: (m.day, m.index)):
        if id(item) in used_index:
            no_snow, snow, cloud, nodata = totals.map_counts[used_index[id(item)]].tolist()
            clear = no_snow + snow
            rows.append((item.date.isoformat(), item.day, item.name, sources[item.date_source],
                         _percent(clear, clear + cloud + nodata), _percent(cloud, clear + cloud + nodata),
                         _percent(snow, clear)))
        else:
            rows.append((item.date.isoformat(), item.day, item.name, sources[item.date_source], None, None,
                         tr("ignored")))
    parts += [report.heading(tr("Maps")),
              report.table(rows, header=(tr("Date"), tr("Day"), tr("Map"), tr("Date from"), tr("Clear (%)"),
                                         tr("Cloud (%)"), tr("Snow (% of clear)")))]

    # snow days against elevation
    if with_dem:
        parts.append(report.heading(tr("Snow days against elevation")))
        bands = sorted(totals.elevation.items())
        if bands:
            points = [((band + 0.5) * band_width, total / pixels) for band, (total, pixels) in bands]
            elevations = [p[0] for p in points]
            z0, z1 = min(elevations) - band_width, max(elevations) + band_width
            top = max(max(p[1] for p in points), 1.0)
            parts.append(report.xy_chart(
                [(tr("Mean snow days"), [(scd, z) for z, scd in points], "line", "#2171b5"),
                 ("", [(scd, z) for z, scd in points], "points", "#2171b5")],
                (0, top * 1.05), (z0, z1), x_ticks=_nice_ticks(0, top), y_ticks=_nice_ticks(z0, z1),
                x_title=tr("Mean snow days (SCD)"), y_title=tr("Elevation (m)")))
            parts.append(report.table(
                [("{:g} \u2013 {:g}".format(band * band_width, (band + 1) * band_width), pixels,
                  round(total / pixels, 1)) for band, (total, pixels) in bands],
                header=(tr("Elevation (m)"), tr("Pixels"), tr("Mean snow days"))))
        else:
            parts.append(report.paragraph(tr("The DEM does not cover any pixel with a clear observation.")))
    return report.page(tr("Snow season synthesis"), parts, language=current_language())


def _nice_ticks(low, high, count=6):
    """About ``count`` round tick values between ``low`` and ``high``."""
    span = max(high - low, 1e-9)
    raw = span / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = min((m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw), default=10 * magnitude)
    first = math.ceil(low / step) * step
    ticks = []
    value = first
    while value <= high + 1e-9:
        ticks.append((value, "{:g}".format(value)))
        value += step
    return ticks
