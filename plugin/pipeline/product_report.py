"""The summary of a product (``loadproduct``): the data (:class:`ProductSummary`), its lines for the log and
its HTML page (``OUTPUT_HTML``), in the language of the installed translation."""
from dataclasses import dataclass, field
from datetime import datetime

from ..i18n import current_language, label_value, number, tr
from . import report
from .algorithms.loadproduct import MASKS

#: The kinds of mask of the summary, in its order.
MASK_ORDER = tuple(MASKS.values())


@dataclass(frozen=True)
class ProductSummary:
    """What the log and the HTML page say about a product.

    ``mission``: "Sentinel-2" or "Landsat"; ``path_row``: the Landsat path and row; ``site``: a Theia site
    that is not a tile; ``mask_resolution``: the pixel size of the masks counted (20 m, Landsat 30 m);
    ``reflectance``: "FRE" or "SRE" (Theia); ``reflectance_offsets``: the distinct offsets of the bands;
    ``sunglint``: True, False or None (unknown), ``sunglint_source``: "flag" (MAJA's flag in the
    metadata), "rule" (MAJA's rule on the mean angles) or None; ``percents``: mask kind -> percent of the
    valid 20 m pixels (no data: of all pixels), None when the product cannot tell; ``quality``: the
    product's quality indicators; ``warnings``: the product reader's."""

    name: str
    kind: str
    platform: str = None
    tile: str = None
    mission: str = None
    path_row: str = None
    site: str = None
    mask_resolution: float = 20
    acquisition: datetime = None
    production: datetime = None
    version: str = None
    reflectance: str = "FRE"
    reflectance_scale: float = 10000.0
    reflectance_offsets: tuple = (0.0,)
    reflectance_nodata: float = None
    sun_zenith: float = None
    sun_azimuth: float = None
    sunglint: bool = None
    sunglint_source: str = None
    maja_era: object = None         # core.maja.Era of a Theia product (None: another kind, or no date)
    percents: dict = field(default_factory=dict)
    quality: dict = field(default_factory=dict)
    warnings: tuple = ()


def summary_rows(summary):
    """(label, value) of the product's description, values as text."""
    s = summary
    kind = {"theia": tr("Theia/MUSCATE (MAJA)"), "sen2cor": tr("ESA Sen2Cor"),
            "usgs": tr("USGS Landsat Collection 2 Level-2")}.get(s.kind, s.kind)
    version_label = {"sen2cor": tr("Processing baseline"), "usgs": tr("Collection and tier")}.get(
        s.kind, tr("Product version"))
    offsets = list(s.reflectance_offsets)
    if offsets == [0.0]:
        formula = tr("DN / {scale:g}, no data {nodata}").format(scale=s.reflectance_scale, nodata=s.reflectance_nodata)
    elif all(float(o).is_integer() for o in offsets):
        offset_text = ", ".join(("+ {:g}" if o >= 0 else "\u2212 {:g}").format(abs(o)) for o in offsets)
        formula = tr("(DN {offset}) / {scale:g}, no data {nodata}").format(
            offset=offset_text, scale=s.reflectance_scale, nodata=s.reflectance_nodata)
    else:   # USGS: DN x mult + add, written as the metadata writes it
        add_text = ", ".join(("+ {:g}" if o >= 0 else "\u2212 {:g}").format(abs(o / s.reflectance_scale))
                             for o in offsets)
        formula = tr("DN × {mult:g} {add}, no data {nodata}").format(
            mult=1.0 / s.reflectance_scale, add=add_text, nodata=s.reflectance_nodata)
    rows = [
        (tr("Product"), s.name),
        (tr("Mission"), s.mission),
        (tr("Producer"), kind),
        (tr("Platform"), s.platform),
        (tr("Tile"), s.tile),
        (tr("Acquisition (UTC)"), _date_text(s.acquisition)),
        (tr("Production (UTC)"), _date_text(s.production)),
        (version_label, s.version),
    ]
    if s.kind == "theia":
        rows.append((tr("MAJA parameters"), maja_text(s)))
    rows += [
        (tr("Reflectance"), formula),
    ]
    if s.path_row:
        rows.insert(5, (tr("Path/row"), s.path_row))
    if s.site:
        rows.insert(5, (tr("Site"), s.site))
    if s.kind == "theia":
        rows.append((tr("Theia reflectance"), s.reflectance))
    rows += [
        (tr("Mean sun zenith angle"), _number(s.sun_zenith, 2, "°")),
        (tr("Mean sun azimuth angle"), _number(s.sun_azimuth, 2, "°")),
        (tr("Sunglint likely"), _yes_no(s.sunglint) + " (" + sunglint_source_text(s.sunglint_source) + ")"),
    ]
    return rows


def maja_text(summary):
    """Which MAJA parametrisation made the product's cloud mask, in words."""
    from .eras import era_labels, era_parameters

    era = summary.maja_era
    if era is None:
        return tr("unknown: the metadata give no production date")
    text = "{} ({})".format(era_labels()[era.key], era_parameters(era))
    if era.uncertain:
        text += " " + tr("(produced in May 2017: the 240 m buffer started that month, on a day the source does "
                         "not give, so it may have been the 480 m one)")
    return text


def sunglint_source_text(source):
    if source == "flag":
        return tr("MAJA's flag in the metadata")
    if source == "rule":
        return tr("MAJA's rule on the mean angles: glint angle below 30° for some band")
    return tr("unknown: the product gives no flag and no angles")


def mask_rows(summary):
    """(label, percent or None) of each kind of mask."""
    labels = {"cloud": tr("Cloud"), "shadow": tr("Cloud shadow"), "water": tr("Water"), "snow": tr("Snow"),
              "nodata": tr("No data (of all pixels)")}
    return [(labels[kind], summary.percents.get(kind)) for kind in MASK_ORDER]


def summary_lines(summary):
    """The summary as lines of text, for the log."""
    lines = [tr("Summary of {product}").format(product=summary.name)]
    lines += ["  " + label_value(label, "\u2013" if value is None else value) for label, value in summary_rows(summary)]
    lines.append("  " + tr("Percent of the valid pixels at {resolution:g} m, from the decoded masks:").format(
        resolution=summary.mask_resolution))
    lines += ["    " + label_value(label, _number(value, 2, " %")) for label, value in mask_rows(summary)]
    if summary.quality:
        lines.append("  " + tr("Quality indicators of the product:"))
        lines += ["    " + label_value(k, _flag_text(v)) for k, v in summary.quality.items()]
    return lines


def summary_page(summary, files):
    """The HTML page of the summary; ``files``: output name -> path of the files written."""
    parts = [report.heading(tr("Product")), report.table(summary_rows(summary))]
    parts.append(report.heading(tr("Masks at {resolution:g} m").format(resolution=summary.mask_resolution)))
    parts.append(report.paragraph(tr("Percent of the valid pixels, counted on the masks decoded by Névé.")))
    rows = mask_rows(summary)
    parts.append(report.table([(label, _number(value, 2, " %")) for label, value in rows],
                              header=(tr("Mask"), tr("Percent"))))
    parts.append(report.bar_chart(rows, unit="%", maximum=100.0))
    if summary.quality:
        parts.append(report.heading(tr("Quality indicators of the product")))
        parts.append(report.table([(k, _flag_text(v)) for k, v in summary.quality.items()],
                                  header=(tr("Indicator"), tr("Value"))))
    if summary.warnings:
        parts.append(report.heading(tr("Warnings")))
        parts.append(report.bullet_list(summary.warnings, "warnings"))
    if files:
        parts.append(report.heading(tr("Files written")))
        parts.append(report.table(sorted(files.items())))
    return report.page(tr("Summary of {product}").format(product=summary.name), parts,
                       language=current_language())


def _date_text(moment):
    return moment.strftime("%Y-%m-%d %H:%M:%S") if moment is not None else None


def _number(value, decimals, unit=""):
    return "\u2013" if value is None else number(value, ".{}f".format(decimals)) + unit


def _yes_no(value):
    return {True: tr("yes"), False: tr("no")}.get(value, tr("unknown"))


def _flag_text(value):
    return _yes_no(value) if isinstance(value, bool) else str(value)
