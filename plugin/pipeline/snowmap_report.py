"""The HTML report of a snow map (``snowmap``'s ``OUTPUT_HTML_FILE``): the numbers, the elevation histogram
with the snowline, the parameters against the LIS defaults, the warnings."""
import math

import numpy as np

from ..core import snow
from ..core.defaults import LIS_DEFAULTS
from ..i18n import current_language, tr
from . import report

REPORTED_PARAMETERS = ("NDSI_PASS1", "RED_PASS1", "NDSI_PASS2", "RED_PASS2", "RED_DARKCLOUD", "RED_BACKTOCLOUD",
                       "DZ", "FSNOW_LIM", "FCLEAR_LIM", "FSNOW_TOTAL_LIM", "RESIZE_FACTOR", "NODATA_CODE")


def snow_report(source, params, result, warnings):
    """The page of a run: ``source`` (``pipeline.snowmap.ProductSource``), ``params``, the
    ``pipeline.lis.LisResult`` and the warnings."""
    yes, no = tr("yes"), tr("no")

    def number(value, decimals=2):
        return None if value is None else round(float(value), decimals)

    product, grid = source.product, source.grid
    summary = [
        (tr("Input"), source.name),
        (tr("Acquisition"), product.acquisition.strftime("%Y-%m-%d %H:%M UTC") if product.acquisition else None),
        (tr("Grid"), tr("{width} x {height} pixels of {size:g} m").format(
            width=grid.width, height=grid.height, size=grid.resolution)),
        (tr("Cloud mask"), source.mask_name),
        (tr("Snowline elevation zs (m)"), number(result.zs, 0)),
        (tr("Pass 2"), yes if result.zs is not None else no),
        (tr("Pass-1 snow (% of the image)"), number(100.0 * result.snow1_fraction, 3)),
        (tr("Snow (% of the valid pixels)"), number(result.snow_percent)),
        (tr("Cloud (% of the valid pixels)"), number(result.cloud_percent)),
    ]
    summary.extend(option_rows(source, params, result))
    no_snow, snow_pixels, cloud, nodata = (int(c) for c in result.map_counts)
    counts = [(tr("No snow"), no_snow), (tr("Snow"), snow_pixels), (tr("Cloud"), cloud), (tr("No data"), nodata)]
    parameters = [(name, "{:g}".format(getattr(params, name.lower())), "{:g}".format(LIS_DEFAULTS[name]))
                  for name in REPORTED_PARAMETERS]
    parts = [report.heading(tr("Result")), report.table(summary),
             report.table(counts, header=(tr("Class"), tr("Pixels")))]
    parts.append(report.heading(tr("Elevation histogram")))
    if result.counts is None:
        parts.append(report.paragraph(tr("No elevation histogram: no DEM, or no elevation over the scene.")))
    else:
        parts.extend(histogram_parts(result, params))
    parts.append(report.heading(tr("Parameters")))
    parts.append(report.table(parameters, header=(tr("Parameter"), tr("Value"), tr("LIS default"))))
    if warnings:
        parts.append(report.heading(tr("Warnings")))
        parts.append(report.bullet_list(warnings, "warnings"))
    return report.page(tr("Snow map of {product}").format(product=source.name), parts, language=current_language())


def option_rows(source, params, result):
    """Rows of the summary for the options of the run (LIS's off-by-default options, water, shaded snow)."""
    yes, no = tr("yes"), tr("no")
    rows = [(tr("Strict cloud mask (LIS strict_cloud_mask)"), yes if params.strict_cloud_mask else no)]
    if params.remove_snow_inside_cloud:
        removed = tr("{objects} objects, {pixels} pixels back to cloud (radius {radius} pixels, threshold "
                     "{threshold:g}, objects of more than {area} pixels)").format(
            objects=result.removed_objects, pixels=result.removed_pixels,
            radius=params.remove_snow_inside_cloud_dilation_radius,
            threshold=params.remove_snow_inside_cloud_threshold, area=params.remove_snow_inside_cloud_min_area)
    else:
        removed = no
    rows.append((tr("Snow inside clouds (LIS pass 1.5)"), removed))
    water = getattr(source, "water_source", "none")
    labels = {"none": tr("not used"), "product": tr("the product's water mask"), "layer": tr("the water mask layer")}
    rows.append((tr("Water, never snow"), labels.get(water, water)))
    if result.shaded_pixels is not None:
        zenith, azimuth = source.sun
        rows.append((tr("Cast shadow of the relief (pixels)"), tr(
            "{pixels} (sun zenith {zenith:.2f}, azimuth {azimuth:.2f} degrees)").format(
            pixels=result.shaded_pixels, zenith=zenith, azimuth=azimuth)))
    return rows


def histogram_parts(result, params):
    edges = result.edges
    data = snow.elevation_histogram(result.counts, edges)
    centres = data["z_centre"]
    series = [
        (tr("Cloud fraction"), list(zip(centres, data["cloud_fraction"])), "line", "#ff00ff"),
        (tr("Clear fraction"), list(zip(centres, data["clear_fraction"])), "line", "#8c7853"),
        (tr("Snow fraction of the clear pixels"), list(zip(centres, data["snow_fraction"])), "line", "#0099cc"),
    ]
    low, high = float(edges[0]), float(edges[-1])
    step = max(1, int(math.ceil(len(centres) / 8.0)))
    x_ticks = [(float(edges[i]), "{:.0f}".format(edges[i])) for i in range(0, len(edges), step)]
    y_ticks = [(v, "{:.2f}".format(v)) for v in (0.0, 0.25, 0.5, 0.75, 1.0)]
    markers = []
    if result.line is not None and result.line.zs is not None:
        markers.append((result.line.zs, tr("snowline {zs:.0f} m").format(zs=result.line.zs)))
    parts = [report.xy_chart(series, (low, high), (0.0, 1.0), x_ticks, y_ticks, x_title=tr("Elevation (m)"),
                             y_title=tr("Fraction"), markers=markers)]
    parts.append(report.paragraph(tr(
        "Bands of {width:.1f} m from {low:.0f} to {high:.0f} m. A band is snowy when more than {fclear:g} of "
        "its pixels are clear and more than {fsnow:g} of its clear pixels are pass-1 snow; the snowline is "
        "two bands below the lowest snowy band.").format(width=(high - low) / len(centres), low=low, high=high,
                                                         fclear=params.fclear_lim, fsnow=params.fsnow_lim)))
    first = result.line.snowy_bin if result.line is not None else None
    rows = []
    for i in range(len(centres)):
        rows.append(("{:.0f} - {:.0f}{}".format(data["z_min"][i], data["z_max"][i],
                                                " *" if first is not None and i == first else ""),
                     int(data["total"][i]), int(data["cloud"][i]), int(data["snow"][i]), int(data["no_snow"][i]),
                     None if np.isnan(data["clear_fraction"][i]) else round(float(data["clear_fraction"][i]), 3),
                     None if np.isnan(data["snow_fraction"][i]) else round(float(data["snow_fraction"][i]), 3)))
    parts.append(report.table(rows, header=(tr("Elevation (m)"), tr("Pixels"), tr("Cloud"), tr("Clear snow"),
                                            tr("Clear, no snow"), tr("Clear fraction"),
                                            tr("Snow fraction of the clear pixels"))))
    if first is not None:
        parts.append(report.paragraph(tr("* the lowest snowy band.")))
    return parts
