"""HTML reports of the Névé algorithms: one page of headings, tables, lists and charts.

Callers pass texts already translated with ``tr()``; this module only escapes and lays them out, so a
report is in the user's language. A page is self-contained (inline CSS, inline SVG, PNG as a data URI),
so that QGIS's Results Viewer, a browser or an e-mail show it alike::

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
    """An inline SVG chart of horizontal bars: ``values`` is a list of (label, number or None).

    Bars are scaled to ``maximum`` (default the largest value); each bar is labelled on its left and
    its value, with ``decimals`` decimals and ``unit``, written on its right. None draws no bar.
    """
    label_width, value_width, gap = 170, 80, 6
    plot_width = max(width - label_width - value_width, 10)
    numbers = [v for _label, v in values if v is not None]
    top = maximum if maximum is not None else max(numbers, default=0)
    height = len(values) * (bar_height + gap) + gap
    parts = ["<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" role=\"img\" "
             "style=\"font-family:sans-serif;font-size:{fs}px\">".format(w=width, h=height, fs=int(bar_height * 0.7))]
    for index, (label, value) in enumerate(values):
        y = gap + index * (bar_height + gap)
        middle = y + bar_height / 2.0
        parts.append("<text x=\"{x}\" y=\"{y:.1f}\" text-anchor=\"end\" dominant-baseline=\"middle\">{t}</text>".format(
            x=label_width - gap, y=middle, t=escape(label)))
        if value is None:
            text = MISSING
            length = 0.0
        else:
            text = "{}{sep}{unit}".format(number(value, ".{}f".format(decimals)), sep="\u00a0" if unit else "",
                                          unit=unit)
            length = plot_width * min(max(value / top, 0.0), 1.0) if top > 0 else 0.0
            parts.append("<rect x=\"{x}\" y=\"{y}\" width=\"{w:.1f}\" height=\"{h}\" fill=\"{c}\"/>".format(
                x=label_width, y=y, w=length, h=bar_height, c=escape(colour)))
        parts.append("<text x=\"{x:.1f}\" y=\"{y:.1f}\" dominant-baseline=\"middle\">{t}</text>".format(
            x=label_width + length + gap, y=middle, t=escape(text)))
    parts.append("</svg>")
    return "".join(parts)


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
    from ..io.raster import output_file

    with contextlib.ExitStack() as own:
        temporary = (stack or own).enter_context(output_file(path))
        with open(temporary, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
    return os.path.abspath(path)


def xy_chart(series, x_range, y_range, x_ticks=(), y_ticks=(), x_title="", y_title="", markers=(),
             width=640, height=300):
    """An inline SVG chart of lines and points on two numeric axes.

    ``series``: list of ``(label, points, kind, colour)``, ``points`` a list of ``(x, y)`` (points with a
    missing or NaN coordinate are left out; a line is broken there), ``kind`` "line" or "points".
    ``x_range``, ``y_range``: ``(low, high)``; ``x_ticks``, ``y_ticks``: ``(value, label)`` pairs, with
    grid lines; ``markers``: ``(x, label)`` pairs drawn as dashed vertical lines. The labels of the
    series form a legend above the plot (a series with an empty label has no entry).
    """
    import math

    left, right, top, bottom = 56, 16, 28, 44
    plot_w, plot_h = max(width - left - right, 10), max(height - top - bottom, 10)
    (x0, x1), (y0, y1) = x_range, y_range
    x1 = x1 if x1 != x0 else x0 + 1
    y1 = y1 if y1 != y0 else y0 + 1

    def sx(x):
        return left + (x - x0) / (x1 - x0) * plot_w

    def sy(y):
        return top + plot_h - (y - y0) / (y1 - y0) * plot_h

    def valid(point):
        return all(v is not None and math.isfinite(v) for v in point)

    out = ["<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" role=\"img\" "
           "style=\"font-family:sans-serif;font-size:11px\">".format(w=width, h=height),
           "<rect x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{h}\" fill=\"none\" stroke=\"#888\"/>".format(
               x=left, y=top, w=plot_w, h=plot_h)]
    for value, label in x_ticks:
        x = sx(value)
        out.append("<line x1=\"{x:.1f}\" y1=\"{t}\" x2=\"{x:.1f}\" y2=\"{b}\" stroke=\"#ddd\"/>"
                   "<text x=\"{x:.1f}\" y=\"{ty}\" text-anchor=\"middle\">{text}</text>".format(
                       x=x, t=top, b=top + plot_h, ty=top + plot_h + 14, text=escape(label)))
    for value, label in y_ticks:
        y = sy(value)
        out.append("<line x1=\"{l}\" y1=\"{y:.1f}\" x2=\"{r}\" y2=\"{y:.1f}\" stroke=\"#ddd\"/>"
                   "<text x=\"{tx}\" y=\"{y:.1f}\" text-anchor=\"end\" dominant-baseline=\"middle\">{text}"
                   "</text>".format(l=left, r=left + plot_w, y=y, tx=left - 4, text=escape(label)))
    for value, label in markers:
        x = sx(value)
        out.append("<line x1=\"{x:.1f}\" y1=\"{t}\" x2=\"{x:.1f}\" y2=\"{b}\" stroke=\"#555\" "
                   "stroke-dasharray=\"4 3\"/><text x=\"{x:.1f}\" y=\"{ty}\" text-anchor=\"middle\" "
                   "fill=\"#555\">{text}</text>".format(x=x, t=top, b=top + plot_h, ty=top - 4,
                                                       text=escape(label)))
    legend_x = left
    for label, points, kind, colour in series:
        colour = escape(colour)
        if kind == "line":
            path, pen_down = [], False
            for point in points:
                if not valid(point):
                    pen_down = False
                    continue
                path.append("{}{:.1f},{:.1f}".format("L" if pen_down else "M", sx(point[0]), sy(point[1])))
                pen_down = True
            if path:
                out.append("<path d=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"1.5\"/>".format(
                    " ".join(path), colour))
            if label:
                out.append("<line x1=\"{a}\" y1=\"10\" x2=\"{b}\" y2=\"10\" stroke=\"{c}\" stroke-width=\"2\"/>".format(
                    a=legend_x, b=legend_x + 16, c=colour))
        else:
            out.extend("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3\" fill=\"{}\"/>".format(sx(x), sy(y), colour)
                       for x, y in points if valid((x, y)))
            if label:
                out.append("<circle cx=\"{x}\" cy=\"10\" r=\"3\" fill=\"{c}\"/>".format(x=legend_x + 8, c=colour))
        if label:
            out.append("<text x=\"{x}\" y=\"10\" dominant-baseline=\"middle\">{t}</text>".format(
                x=legend_x + 20, t=escape(label)))
            legend_x += 28 + 7 * len(str(label))
    out.append("<text x=\"{x:.1f}\" y=\"{y}\" text-anchor=\"middle\">{t}</text>".format(
        x=left + plot_w / 2.0, y=height - 6, t=escape(x_title)))
    out.append("<text x=\"12\" y=\"{y:.1f}\" text-anchor=\"middle\" transform=\"rotate(-90 12 {y:.1f})\">"
               "{t}</text>".format(y=top + plot_h / 2.0, t=escape(y_title)))
    out.append("</svg>")
    return "".join(out)
