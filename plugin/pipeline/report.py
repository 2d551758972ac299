"""HTML reports of the Névé algorithms: one page of headings, tables, lists and charts.

Callers pass texts already translated with ``tr()``; this module only escapes and lays them out, so a
report is in the user's language. A page is self-contained (inline CSS, inline SVG charts drawn by
matplotlib through ``charts.py``, PNG as a data URI), so that QGIS's Results Viewer, a browser or an
e-mail show it alike::

    from . import report

    html = report.page(tr("Summary of {product}").format(product=name), [
        report.heading(tr("Product")),
        report.table([(tr("Tile"), "T31TCH"), (tr("Cloud"), "12.5 %")]),
        report.bar_chart([(tr("Cloud"), 12.5), (tr("Snow"), 30.0)], unit="%", maximum=100),
        report.bullet_list(warnings),
    ])
    report.write_text(path, html)      # a temporary file renamed at the end

Every function returns a string of HTML; ``None`` cells are shown as a dash.
"""
import base64
import contextlib
import html
import os

from ..i18n import number

STYLE = (
    "body{font-family:sans-serif;font-size:10pt;margin:1em;color:#222}"
    "h1{font-size:14pt}h2{font-size:12pt;margin-top:1.2em}"
    "table{border-collapse:collapse;margin:.4em 0}"
    "th,td{border:1px solid #ccc;padding:.2em .6em;text-align:left;vertical-align:top}"
    "th{background:#eee}td.number{text-align:right}"
    "ul.warnings li{color:#8a4b00}"
    "p.note{color:#666;font-style:italic}"
)
MISSING = "\u2013"  # en dash


def escape(value):
    """``value`` as HTML text (``None`` as a dash)."""
    return MISSING if value is None else html.escape(str(value), quote=True)


def page(title, parts, language="en"):
    """A whole HTML document titled ``title`` whose body is ``parts`` (HTML strings) under an h1."""
    return ("<!DOCTYPE html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>{title}</title>"
            "<style>{style}</style></head>\n<body>\n<h1>{title}</h1>\n{body}\n</body></html>\n").format(
        lang=escape(language), title=escape(title), style=STYLE, body="\n".join(parts))


def heading(text, level=2):
    return "<h{level}>{text}</h{level}>".format(level=int(level), text=escape(text))


def paragraph(text):
    return "<p>{}</p>".format(escape(text))


def table(rows, header=None):
    """A table of ``rows`` (sequences of cells); numbers are right-aligned; ``header`` a row of titles."""
    def cell(value, tag="td"):
        is_number = isinstance(value, (int, float)) and not isinstance(value, bool)
        return "<{tag}{cls}>{text}</{tag}>".format(tag=tag, cls=" class=\"number\"" if is_number else "",
                                                 text=escape(number(value, "") if is_number else value))

    lines = ["<table>"]
    if header:
        lines.append("<tr>" + "".join(cell(h, "th") for h in header) + "</tr>")
    lines.extend("<tr>" + "".join(cell(c) for c in row) + "</tr>" for row in rows)
    lines.append("</table>")
    return "\n".join(lines)


def bullet_list(items, css_class=None):
    """An unordered list of ``items``; empty string when there is none."""
    if not items:
        return ""
    return "<ul{}>\n{}\n</ul>".format(" class=\"{}\"".format(escape(css_class)) if css_class else "",
                                      "\n".join("<li>{}</li>".format(escape(i)) for i in items))


def bar_chart(values, unit="", maximum=None, width=480, bar_height=18, colour="#4a7ebb", decimals=1):
    """A chart of horizontal bars drawn by matplotlib (inline SVG): ``values`` is a list of (label, number
    or None).

    Bars are scaled to ``maximum`` (default the largest value) and clipped to it; each bar is labelled on
    its left and its value, with ``decimals`` decimals and ``unit``, written on its right; None draws no
    bar and a dash. ``width`` in pixels; each bar takes ``bar_height`` pixels. Without matplotlib, a note
    saying what to install (``charts.missing_note``).
    """
    from . import charts

    if not charts.available():
        return charts.missing_note()
    numbers = [v for _label, v in values if v is not None]
    top = maximum if maximum is not None else max(numbers, default=0)
    top = top if top > 0 else 1.0
    fig = charts.figure(width, len(values) * (bar_height + 6) + 12)
    axes = fig.add_axes([0.34, 0.02, 0.5, 0.96])
    positions = list(range(len(values)))[::-1]          # the first value on top
    for index, (position, (label, value)) in enumerate(zip(positions, values)):
        if value is None:
            text, length = MISSING, 0.0
        else:
            text = "{}{sep}{unit}".format(number(value, ".{}f".format(decimals)), sep="\u00a0" if unit else "",
                                          unit=unit)
            length = min(max(value, 0.0), top)
            bar = axes.barh(position, length, height=0.75, color=colour)
            bar.patches[0].set_gid("bar-{}".format(index))
        axes.text(length + top * 0.02, position, text, va="center", fontsize=9)
    axes.set_xlim(0, top)
    axes.set_ylim(-0.5, len(values) - 0.5)
    axes.set_yticks(positions)
    axes.set_yticklabels([str(label) for label, _value in values], fontsize=9)
    axes.set_xticks([])
    for side in ("top", "right", "bottom"):
        axes.spines[side].set_visible(False)
    axes.tick_params(axis="y", length=0)
    return charts.svg(fig)


def png_image(data, alt, width=None):
    """An <img> holding the PNG bytes ``data`` (a data URI: the page stays one file)."""
    return "<img src=\"data:image/png;base64,{data}\" alt=\"{alt}\"{width}>".format(
        data=base64.b64encode(data).decode("ascii"), alt=escape(alt),
        width=" width=\"{}\"".format(int(width)) if width else "")


def write_text(path, text, stack=None):
    """Write ``text`` (UTF-8) to ``path`` through a hidden temporary file beside it, renamed at the end
    (``io.raster.output_file``): a failure leaves neither a half-written ``path`` nor the temporary file.
    With ``stack`` (a ``contextlib.ExitStack``), the renaming waits until the stack closes without an
    error, together with the algorithm's other outputs. Returns ``path`` made absolute."""
    from ..io.raster import output_file, write_error

    with contextlib.ExitStack() as own:
        temporary = (stack or own).enter_context(output_file(path))
        try:
            with open(temporary, "w", encoding="utf-8", newline="\n") as f:
                f.write(text)
        except OSError as error:   # a full disk, a quota: the sentence names the file asked for
            raise write_error(os.path.abspath(path), error.strerror or str(error), error) from None
    return os.path.abspath(path)


def xy_chart(series, x_range, y_range, x_ticks=(), y_ticks=(), x_title="", y_title="", markers=(),
             width=640, height=300):
    """A chart of lines and points on two numeric axes, drawn by matplotlib (inline SVG).

    ``series``: list of ``(label, points, kind, colour)``, ``points`` a list of ``(x, y)`` (points with a
    missing or NaN coordinate are left out; a line is broken there), ``kind`` "line" or "points".
    ``x_range``, ``y_range``: ``(low, high)``; ``x_ticks``, ``y_ticks``: ``(value, label)`` pairs, with
    grid lines; ``markers``: ``(x, label)`` pairs drawn as dashed vertical lines. The labels of the
    series form a legend above the plot (a series with an empty label has no entry). ``width`` and
    ``height`` in pixels. Without matplotlib, a note saying what to install (``charts.missing_note``).
    """
    import math

    from . import charts

    if not charts.available():
        return charts.missing_note()

    def number(value):
        return float(value) if value is not None and math.isfinite(value) else float("nan")

    fig = charts.figure(width, height)
    axes = fig.add_axes([0.1, 0.16, 0.86, 0.7])
    axes.patch.set_gid("plot-area")                     # named in the SVG, with each series, for tests
    for index, (label, points, kind, colour) in enumerate(series):
        xs = [number(x) for x, _y in points]
        ys = [number(y) for _x, y in points]
        if kind == "line":
            (line,) = axes.plot(xs, ys, color=colour, linewidth=1.5, label=label or "_nolegend_")
        else:
            (line,) = axes.plot(xs, ys, linestyle="none", marker="o", markersize=4, color=colour,
                                label=label or "_nolegend_")
        line.set_gid("series-{}".format(index))
    (x0, x1), (y0, y1) = x_range, y_range
    axes.set_xlim(x0, x1 if x1 != x0 else x0 + 1)
    axes.set_ylim(y0, y1 if y1 != y0 else y0 + 1)
    if x_ticks:
        axes.set_xticks([value for value, _label in x_ticks])
        axes.set_xticklabels([str(label) for _value, label in x_ticks])
    if y_ticks:
        axes.set_yticks([value for value, _label in y_ticks])
        axes.set_yticklabels([str(label) for _value, label in y_ticks])
    for value, label in markers:
        axes.axvline(value, color="#555555", linestyle=(0, (4, 3)), linewidth=1.0)
        axes.annotate(str(label), (value, 1.0), xycoords=("data", "axes fraction"), xytext=(0, 3),
                      textcoords="offset points", ha="center", va="bottom", fontsize=9, color="#555555")
    axes.set_xlabel(x_title, fontsize=9)
    axes.set_ylabel(y_title, fontsize=9)
    charts.style_axes(axes)
    if any(label for label, _points, _kind, _colour in series):
        axes.legend(fontsize=8, loc="lower left", bbox_to_anchor=(0.0, 1.06 if markers else 1.0), ncol=3,
                    frameon=False)
    return charts.svg(fig)
