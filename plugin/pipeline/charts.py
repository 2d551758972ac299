"""Charts of the HTML reports, drawn by matplotlib as inline SVG (text kept as text, so that a page stays
searchable and its labels in the user's language).

matplotlib is optional: QGIS ships it on Debian (python3-matplotlib) and in OSGeo4W, but the plugin
loads and runs without it. Without it a chart is replaced by a note saying what to install
(:func:`missing_note`) and the job warns once (:func:`missing_warning`).

No pyplot: each chart is a ``matplotlib.figure.Figure`` of its own, rendered by the SVG backend (or Agg
for PNG), so that nothing here touches the backend another QGIS plugin chose, and two jobs may draw at
once. Output is deterministic (no date, a fixed salt for the ids).
"""
import html
import io
import re

from ..i18n import tr

DPI = 100


def available():
    """Whether matplotlib can be imported."""
    try:
        import matplotlib  # noqa: F401
        from matplotlib.figure import Figure  # noqa: F401
    except ImportError:
        return False
    return True


def install_hint():
    return tr("On Debian or Ubuntu install python3-matplotlib; on Windows open the OSGeo4W Shell and run: "
              "python -m pip install matplotlib.")


def missing_warning():
    """The warning of a job whose report has charts, when matplotlib is missing."""
    return tr("The report has no charts: they are drawn by the Python package matplotlib, which cannot be "
              "imported.") + " " + install_hint()


def missing_note():
    """HTML shown in place of a chart when matplotlib is missing."""
    return "<p class=\"note\">{}</p>".format(html.escape(
        tr("(Chart not drawn: it needs the Python package matplotlib.)") + " " + install_hint(), quote=True))


def figure(width, height):
    """A new ``Figure`` of ``width`` x ``height`` pixels."""
    from matplotlib.figure import Figure

    return Figure(figsize=(width / DPI, height / DPI), dpi=DPI)


def style_axes(axes):
    """The look shared by the reports' charts: light grid, no top and right frame."""
    axes.grid(True, color="#dddddd", linewidth=0.8)
    axes.set_axisbelow(True)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    axes.tick_params(labelsize=9)


def svg(fig, title=""):
    """The figure as an inline ``<svg>`` element (no XML declaration), with ``title`` for screen
    readers."""
    import matplotlib

    buffer = io.StringIO()
    # a fixed salt: the same page from every door (QGIS, the command line), byte for byte; matplotlib's ids
    # are hashes of what they define, so two charts of a page share an id only for the same definition
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "neve"}):
        fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None, "Format": None,
                                                   "Type": None})
    text = buffer.getvalue()
    start = text.find("<svg")
    text = text[start:]
    text = re.sub(r"<svg ", "<svg role=\"img\" ", text, count=1)
    if title:
        heading = "<title>{}</title>".format(html.escape(str(title), quote=True))
        text = re.sub(r"(<svg[^>]*>)", lambda m: m.group(1) + heading, text, count=1)
    return text


def png(fig):
    """The figure as PNG bytes (Agg)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    buffer = io.BytesIO()
    FigureCanvasAgg(fig).print_png(buffer, metadata={"Software": None})
    return buffer.getvalue()


def date_axis(axes):
    """Dates on the x axis written as numbers (2018-01, 15), whatever the language."""
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter

    locator = AutoDateLocator(minticks=3, maxticks=8)
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(ConciseDateFormatter(
        locator, formats=["%Y", "%Y-%m", "%d", "%H:%M", "%H:%M", "%S.%f"],
        zero_formats=["", "%Y", "%Y-%m", "%m-%d", "%H:%M", "%H:%M"],
        offset_formats=["", "", "", "", "", ""]))
