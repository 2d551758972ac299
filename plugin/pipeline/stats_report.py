"""The HTML report of ``snowstats`` (``OUTPUT_HTML``): the run, the definitions, the site series (the dated
maps cropped to one zone), and per zone the snow-covered area through time by elevation band with the
cloud-corrected estimate and the cloudy dates marked, the regional snowline through time, and its
table of dates. Charts by matplotlib (``pipeline/charts.py``)."""
import datetime

import numpy as np

from ..i18n import current_language, tr
from . import charts, report

#: Zones with charts (the others have their table only).
MAX_CHART_ZONES = 60
#: Dates in the site series (evenly chosen past it).
MAX_SITE_DATES = 48
#: Colours of the site series, as the snow map's legend (processing/styles.py).
NO_SNOW_COLOUR, SNOW_COLOUR, CLOUD_COLOUR = (0x8c, 0x78, 0x53), (0x00, 0xe5, 0xff), (0xff, 0x00, 0xff)
NODATA_COLOUR, OUTSIDE_COLOUR = (0xd9, 0xd9, 0xd9), (0xff, 0xff, 0xff)


def stats_report(rows, summaries, maps, counter, params, warnings):
    """The page of a run of ``pipeline.stats.snow_stats``."""
    from .mapdates import date_source_labels

    drawing = charts.available()
    used = [m for m in maps if m.used]
    aspect_names = {"none": tr("none"), "4": tr("4 classes (N, E, S, W)"), "8": tr("8 classes (N, NE, ..., NW)")}
    summary = [
        (tr("Maps given"), len(maps)),
        (tr("Maps counted"), len(used)),
        (tr("Dates"), len({m.date for m in used})),
        (tr("Grids (tiles and CRSs)"), len(counter.grids)),
        (tr("Zones"), len(summaries)),
        (tr("Elevation bands (m)"), "{:g}".format(params.band_width) if counter.dem is not None else tr("no DEM")),
        (tr("Aspect classes"), aspect_names.get(params.aspect, params.aspect)),
        (tr("Reliable when the clear share is at least"), "{:g}".format(params.min_clear)),
        (tr("Regional snowline searched every (m)"),
         "{:g}".format(params.snowline_step) if counter.dem is not None else tr("no DEM")),
    ]
    parts = [report.table(summary), report.heading(tr("Definitions")), report.paragraph(tr(
        "Areas in km2 come from each map's own grid. Where maps of one date overlap, each ground pixel "
        "counts once: a clear observation wins over cloud, cloud over no data, then the map listed first. "
        "Snow-covered area: snow pixels, a fractional snow cover counting as its fraction of the pixel. "
        "Snow %: of the clear area (snow and no snow). A zone and date is reliable when its clear share is "
        "at least {min_clear:g}.").format(min_clear=params.min_clear)),
        report.paragraph(tr(
            "Cloud-corrected snow cover (an estimate): the snow fraction of the clear area of each elevation "
            "band applied to the band's clear and cloudy area, summed over the bands; a band without any clear "
            "pixel takes the fraction of the nearest band. Regional snowline (Krajčí, Holko & Parajka 2014): "
            "the elevation that minimises the snow pixels below it plus the snow-free pixels above it, over "
            "the clear pixels of the zone; its uncertainty is the share of clear pixels it misclassifies."))]
    site = counter.site
    if site is not None:
        parts.append(report.heading(tr("Site series: {zone}").format(zone=site.name)))
        parts.append(site_series(site, counter) if drawing else charts.missing_note())

    colours = band_colours(rows) if drawing and counter.dem is not None else {}
    if colours:
        parts.append(report.heading(tr("Snow-covered area by elevation band")))
        parts.append(band_legend(colours, params.band_width))
    by_zone = {}
    for row in rows:
        if row.is_total or (row.aspect == "all"):
            by_zone.setdefault(row.zone, []).append(row)
    for number, zone_summary in enumerate(summaries):
        zone_rows = by_zone.get(zone_summary.zone, [])
        parts.append(report.heading(tr("Zone {zone}").format(zone=zone_summary.zone)))
        totals = [r for r in zone_rows if r.is_total]
        if not totals:
            parts.append(report.paragraph(tr("No map covers this zone.")))
            continue
        parts.append(report.paragraph(tr(
            "{dates} dates, {reliable} reliable. Means over the reliable dates: snow-covered area {snow} km2, "
            "snow {percent} % of the clear area, estimate {estimate} km2, regional snowline {line} m.").format(
            dates=zone_summary.dates, reliable=zone_summary.reliable_dates, snow=_number(zone_summary.mean_snow_km2, 3),
            percent=_number(zone_summary.mean_snow_percent, 1), estimate=_number(zone_summary.mean_estimate_km2, 3),
            line=_number(zone_summary.mean_snowline, 0))))
        if number < MAX_CHART_ZONES:
            parts.append(zone_chart(zone_summary.zone, zone_rows, params, counter.dem is not None, colours)
                         if drawing else charts.missing_note())
        elif number == MAX_CHART_ZONES:
            parts.append(report.paragraph(tr("Charts are drawn for the first {count} zones only.").format(
                count=MAX_CHART_ZONES)))
        parts.append(report.table(
            [(r.date.isoformat(), r.maps, _number(r.snow_km2, 3), _number(r.estimate_km2, 3),
              _number(100.0 * r.clear_share, 1), _number(r.snow_percent, 1), _number(r.snowline, 0),
              _number(None if r.misclassified is None else 100.0 * r.misclassified, 1),
              tr("yes") if r.reliable else tr("no")) for r in totals],
            header=(tr("Date"), tr("Maps"), tr("Snow (km2)"), tr("Estimate (km2)"), tr("Clear (%)"),
                    tr("Snow (% of clear)"), tr("Snowline (m)"), tr("Misclassified (%)"), tr("Reliable"))))

    sources = date_source_labels()
    parts.append(report.heading(tr("Maps")))
    parts.append(report.table(
        [(m.date.isoformat(), m.name, sources[m.date_source], m.dataset.crs.to_string(),
          "{:g}".format(m.grid.resolution), tr("yes") if m.used else tr("no"))
         for m in sorted(maps, key=lambda m: (m.date, m.index))],
        header=(tr("Date"), tr("Map"), tr("Date from"), tr("CRS"), tr("Pixel size"), tr("Counted"))))
    if warnings:
        parts.append(report.heading(tr("Warnings")))
        parts.append(report.bullet_list(warnings, "warnings"))
    return report.page(tr("Snow statistics by zone and elevation"), parts, language=current_language())


def _number(value, decimals):
    return None if value is None else round(float(value), decimals)


def _as_datetime(date):
    return datetime.datetime(date.year, date.month, date.day)


def band_colours(rows):
    """Colour (RGBA) of each elevation band of the report (its lower limit), the same in every chart:
    the "terrain" colour map from the lowest to the highest band."""
    from matplotlib import colormaps

    lows = sorted({r.band_min for r in rows if r.band_min is not None})
    if not lows:
        return {}
    ramp = colormaps["terrain"]
    span = max(lows[-1] - lows[0], 1.0)
    return {low: ramp(0.05 + 0.8 * (low - lows[0]) / span) for low in lows}


def band_legend(colours, band_width):
    """The colour scale of the elevation bands, drawn once for all the zones' charts."""
    from matplotlib.colors import BoundaryNorm, ListedColormap
    from matplotlib.cm import ScalarMappable

    lows = sorted(colours)
    fig = charts.figure(760, 70)
    axes = fig.add_axes([0.08, 0.55, 0.84, 0.25])
    boundaries = lows + [lows[-1] + band_width]
    mappable = ScalarMappable(norm=BoundaryNorm(boundaries, len(lows)),
                              cmap=ListedColormap([colours[low] for low in lows]))
    bar = fig.colorbar(mappable, cax=axes, orientation="horizontal")
    bar.ax.tick_params(labelsize=8)
    bar.set_label(tr("Elevation band (m)"), fontsize=9)
    return charts.svg(fig, tr("Colours of the elevation bands"))


def zone_chart(zone, rows, params, has_dem, colours):
    """Two panels: the snow-covered area through time, stacked by elevation band (``colours``: by lower
    limit) or the total, with the cloud-corrected estimate and the unreliable dates marked; the
    regional snowline through time."""
    totals = [r for r in rows if r.is_total]
    dates = [_as_datetime(r.date) for r in totals]
    fig = charts.figure(760, 500 if has_dem else 300)
    if has_dem:
        area_axes, line_axes = fig.subplots(2, 1, sharex=True, gridspec_kw={"height_ratios": [3, 2]})
    else:
        area_axes, line_axes = fig.subplots(1, 1), None
    bands = sorted({(r.band_min, r.band) for r in rows if r.aspect == "all" and r.band_min is not None},
                   key=lambda b: b[0])
    index = {r.date: i for i, r in enumerate(totals)}
    if has_dem and bands:
        values = np.zeros((len(bands), len(totals)))
        position = {band: k for k, (_low, band) in enumerate(bands)}
        for r in rows:
            if r.aspect == "all" and r.band in position:
                values[position[r.band], index[r.date]] = r.snow_km2
        area_axes.stackplot(dates, values, colors=[colours[low] for low, _band in bands], linewidth=0)
    else:
        area_axes.fill_between(dates, [r.snow_km2 for r in totals], color="#00b8d9", alpha=0.8, linewidth=0)
    estimate = [np.nan if r.estimate_km2 is None else r.estimate_km2 for r in totals]
    area_axes.plot(dates, estimate, color="#222222", linewidth=1.2, marker=".", markersize=4,
                   label=tr("Cloud-corrected estimate"))
    cloudy = [d for d, r in zip(dates, totals) if not r.reliable]
    if cloudy:
        area_axes.plot(cloudy, [0.0] * len(cloudy), linestyle="none", marker="x", color="#ff00ff", markersize=6,
                       clip_on=False, label=tr("Cloudy date (clear share below {min:g})").format(min=params.min_clear))
    area_axes.set_ylabel(tr("Snow-covered area (km2)"), fontsize=9)
    area_axes.set_ylim(bottom=0)
    area_axes.legend(fontsize=8, loc="lower left", bbox_to_anchor=(0.0, 1.0), ncol=2, frameon=False)
    charts.style_axes(area_axes)
    if line_axes is not None:
        lines = [np.nan if r.snowline is None else r.snowline for r in totals]
        line_axes.plot(dates, lines, color="#2171b5", linewidth=1.0)
        reliable = [(d, v) for d, v, r in zip(dates, lines, totals) if r.reliable]
        unreliable = [(d, v) for d, v, r in zip(dates, lines, totals) if not r.reliable]
        if reliable:
            line_axes.plot(*zip(*reliable), linestyle="none", marker="o", markersize=4, color="#2171b5",
                           label=tr("Reliable date"))
        if unreliable:
            line_axes.plot(*zip(*unreliable), linestyle="none", marker="o", markersize=4, markerfacecolor="white",
                           color="#2171b5", label=tr("Cloudy date"))
        line_axes.set_ylabel(tr("Regional snowline (m)"), fontsize=9)
        line_axes.legend(fontsize=8, loc="lower left", bbox_to_anchor=(0.0, 1.0), ncol=2, frameon=False)
        charts.style_axes(line_axes)
        charts.date_axis(line_axes)
    else:
        charts.date_axis(area_axes)
    if len(dates) == 1:
        area_axes.set_xlim(dates[0] - datetime.timedelta(days=5), dates[0] + datetime.timedelta(days=5))
    fig.subplots_adjust(left=0.09, right=0.98, top=0.92, bottom=0.08, hspace=0.3)
    return charts.svg(fig, tr("Snow-covered area and regional snowline of {zone}").format(zone=zone))


def colour_pictures(pictures):
    """RGB pictures (uint8) of snow map codes: no snow, snow (a fractional cover between no snow and snow),
    cloud, no data, and outside (255)."""
    out = []
    for codes in pictures:
        rgb = np.empty(codes.shape + (3,), dtype=np.float64)
        rgb[:] = NODATA_COLOUR
        fraction = np.clip(codes.astype(np.float64) / 100.0, 0.0, 1.0)[..., None]
        clear = (codes <= 100)[..., None]
        mixed = (1.0 - fraction) * np.array(NO_SNOW_COLOUR) + fraction * np.array(SNOW_COLOUR)
        rgb = np.where(clear, mixed, rgb)
        rgb[codes == 205] = CLOUD_COLOUR
        rgb[codes == 255] = OUTSIDE_COLOUR
        out.append(rgb.astype(np.uint8))
    return out


def site_series(site, counter):
    """The dated pictures of the site in a strip of small multiples, with a legend."""
    from matplotlib.patches import Patch

    pictures = site.pictures()
    dates = [t.date for t in counter.totals]
    shown = [i for i, p in enumerate(pictures) if (p != 255).any()]
    if not shown:
        return report.paragraph(tr("No map covers this zone."))
    if len(shown) > MAX_SITE_DATES:
        shown = [shown[int(round(k))] for k in np.linspace(0, len(shown) - 1, MAX_SITE_DATES)]
    images = colour_pictures([pictures[i] for i in shown])
    columns = min(8, len(images))
    lines = -(-len(images) // columns)
    height, width = images[0].shape[:2]
    cell = 92
    aspect = height / float(width)
    fig = charts.figure(cell * columns + 20, int(lines * (cell * aspect + 22)) + 40)
    axes = fig.subplots(lines, columns, squeeze=False)
    for k, axis in enumerate(axes.ravel()):
        axis.set_axis_off()
        if k < len(images):
            axis.imshow(images[k], interpolation="nearest")
            axis.set_title(dates[shown[k]].isoformat(), fontsize=8)
    fig.legend(handles=[Patch(color=np.array(c) / 255.0, label=label) for c, label in (
        (NO_SNOW_COLOUR, tr("No snow")), (SNOW_COLOUR, tr("Snow")), (CLOUD_COLOUR, tr("Cloud")),
        (NODATA_COLOUR, tr("No data")))], loc="lower center", ncol=4, fontsize=8, frameon=False)
    fig.subplots_adjust(left=0.01, right=0.99, top=0.95, bottom=0.1, wspace=0.05, hspace=0.3)
    return charts.svg(fig, tr("Site series of {zone}").format(zone=site.name))
