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

    ``reflectance``: "FRE" or "SRE" (Theia); ``reflectance_offsets``: the distinct offsets of the bands;
    ``sunglint``: True, False or None (unknown), ``sunglint_source``: "flag" (MAJA's flag in the
    metadata), "rule" (MAJA's rule on the mean angles) or None; ``percents``: mask kind -> percent of the
    valid 20 m pixels (no data: of all pixels), None when the product cannot tell; ``quality``: the
    product's quality indicators; ``warnings``: the product reader's."""

    name: str
    kind: str
    platform: str = None
    tile: str = None
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
    percents: dict = field(default_factory=dict)
    quality: dict = field(default_factory=dict)
    warnings: tuple = ()


def summary_rows(summary):
    """(label, value) of the product's description, values as text."""
    s = summary
    kind = {"theia": tr("Theia/MUSCATE (MAJA)"), "sen2cor": tr("ESA Sen2Cor")}.get(s.kind, s.kind)
    version_label = tr("Processing baseline") if s.kind == "sen2cor" else tr("Product version")
    offsets = list(s.reflectance_offsets)
    if offsets == [0.0]:
        formula = tr("DN / {scale:g}, no data {nodata}")
    else:
        formula = tr("(DN {offset}) / {scale:g}, no data {nodata}")
    offset_text = ", ".join(("+ {:g}" if o >= 0 else "\u2212 {:g}").format(abs(o)) for o in offsets)
    rows = [
        (tr("Product"), s.name),
        (tr("Producer"), kind),
        (tr("Platform"), s.platform),
        (tr("Tile"), s.tile),
        (tr("Acquisition (UTC)"), _date_text(s.acquisition)),
        (tr("Production (UTC)"), _date_text(s.production)),
        (version_label, s.version),
        (tr("Reflectance"), formula.format(offset=offset_text, scale=s.reflectance_scale,
                                            nodata=s.reflectance_nodata)),
    ]
    if s.kind == "theia":
        rows.append((tr("Theia reflectance"), s.reflectance))
    rows += [
        (tr("Mean sun zenith angle"), _number(s.sun_zenith, 2, "°")),
        (tr("Mean sun azimuth angle"), _number(s.sun_azimuth, 2, "°")),
        (tr("Sunglint likely"), _yes_no(s.sunglint) + " (" + sunglint_source_text(s.sunglint_source) + ")"),
    ]
    return rows


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
    lines.append("  " + tr("Percent of the valid pixels at 20 m, from the decoded masks:"))
    lines += ["    " + label_value(label, _number(value, 2, " %")) for label, value in mask_rows(summary)]
    if summary.quality:
        lines.append("  " + tr("Quality indicators of the product:"))
        lines += ["    " + label_value(k, _flag_text(v)) for k, v in summary.quality.items()]
    return lines


def summary_page(summary, files):
    """The HTML page of the summary; ``files``: output name -> path of the files written."""
    parts = [report.heading(tr("Product")), report.table(summary_rows(summary))]
    parts.append(report.heading(tr("Masks at 20 m")))
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
