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
import html
import os
import uuid

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
        number = isinstance(value, (int, float)) and not isinstance(value, bool)
        return "<{tag}{cls}>{text}</{tag}>".format(tag=tag, cls=" class=\"number\"" if number else "",
                                                 text=escape(value))

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
            text = "{:.{d}f}{sep}{unit}".format(value, d=decimals, sep="\u00a0" if unit else "", unit=unit)
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


def write_text(path, text):
    """Write ``text`` (UTF-8) to ``path`` through a hidden temporary file beside it, renamed at the end:
    a failure leaves neither a half-written ``path`` nor the temporary file."""
    path = os.path.abspath(path)
    folder, name = os.path.split(path)
    os.makedirs(folder, exist_ok=True)
    temporary = os.path.join(folder, ".{}.{}.partial".format(name, uuid.uuid4().hex[:8]))
    try:
        with open(temporary, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        os.replace(temporary, path)
    except BaseException:
        try:
            os.remove(temporary)
        except OSError:
            pass
        raise
    return path
