"""Styles of the Névé outputs, applied when QGIS loads an output (``processing/layers.py`` names, groups
and orders the loaded layers and calls these).

Each legend is a list of ``(value, colour, label)``; labels are translated, so the legend is in the
user's language. A *style* is a function ``style(layer)`` that gives a loaded layer its renderer:
:func:`paletted` (classes), :func:`ramp` (a colour ramp), :func:`composite` (three bands of reflectance
stretched over a range) and :func:`polygons` (polygons by class, semi-transparent).

:func:`style_output` and :func:`style_ramp_output` attach a style alone (no group, no order) and do
nothing when the output is not going to be loaded (batch runs without loading, ``qgis_process``).
"""
from qgis.core import (
    QgsPalettedRasterRenderer,
    QgsProcessingLayerPostProcessorInterface,
    QgsRasterLayer,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QColor

from ..i18n import label_value, tr


# -- styles -------------------------------------------------------------------------------------------

def paletted(legend):
    """A paletted renderer of band 1 with the classes of ``legend``."""
    def style(layer):
        if not isinstance(layer, QgsRasterLayer) or not layer.isValid():
            return
        classes = [QgsPalettedRasterRenderer.Class(value, QColor(colour), label) for value, colour, label in legend]
        layer.setRenderer(QgsPalettedRasterRenderer(layer.dataProvider(), 1, classes))
        layer.triggerRepaint()
    return style


def ramp(stops, discrete=False):
    """A pseudocolour renderer of band 1: ``stops`` is a list of ``(value, colour, label)``, colours
    interpolated between stops (``discrete``: each stop colours the values up to it)."""
    def style(layer):
        from qgis.core import QgsColorRampShader, QgsRasterShader, QgsSingleBandPseudoColorRenderer

        if not isinstance(layer, QgsRasterLayer) or not layer.isValid():
            return
        shader_function = QgsColorRampShader(stops[0][0], stops[-1][0])
        shader_function.setColorRampType(QgsColorRampShader.Discrete if discrete else QgsColorRampShader.Interpolated)
        shader_function.setColorRampItemList([QgsColorRampShader.ColorRampItem(float(value), QColor(colour), label)
                                              for value, colour, label in stops])
        shader = QgsRasterShader()
        shader.setRasterShaderFunction(shader_function)
        renderer = QgsSingleBandPseudoColorRenderer(layer.dataProvider(), 1, shader)
        renderer.setClassificationMin(stops[0][0])
        renderer.setClassificationMax(stops[-1][0])
        layer.setRenderer(renderer)
        layer.triggerRepaint()
    return style


def composite(red, green, blue, maximum, minimum=0.0):
    """A colour composite of bands ``red``, ``green``, ``blue`` (1-based), each stretched linearly from
    ``minimum`` to ``maximum`` reflectance (the VRT stacks hold reflectance: QGIS applies their scale and
    offset). QGIS's default stretch (a cumulative cut of each band) leaves a snowy scene black."""
    def style(layer):
        from qgis.core import QgsContrastEnhancement, QgsMultiBandColorRenderer

        if not isinstance(layer, QgsRasterLayer) or not layer.isValid() or layer.bandCount() < max(red, green, blue):
            return
        renderer = QgsMultiBandColorRenderer(layer.dataProvider(), red, green, blue)
        for band, setter in ((red, renderer.setRedContrastEnhancement), (green, renderer.setGreenContrastEnhancement),
                             (blue, renderer.setBlueContrastEnhancement)):
            enhancement = QgsContrastEnhancement(layer.dataProvider().dataType(band))
            enhancement.setContrastEnhancementAlgorithm(QgsContrastEnhancement.StretchToMinimumMaximum)
            enhancement.setMinimumValue(minimum)
            enhancement.setMaximumValue(maximum)
            setter(enhancement)
        layer.setRenderer(renderer)
        layer.triggerRepaint()
    return style


def polygons(field, classes, opacity=0.45):
    """Polygons coloured by the value of ``field``: ``classes`` is a list of ``(value, colour, label)``;
    the fill is semi-transparent (``opacity``) with an outline of the full colour, so that what lies under
    the polygons stays visible."""
    def style(layer):
        from qgis.core import QgsCategorizedSymbolRenderer, QgsFillSymbol, QgsRendererCategory

        if not isinstance(layer, QgsVectorLayer) or not layer.isValid():
            return
        categories = []
        for value, colour, label in classes:
            fill = QColor(colour)
            fill.setAlphaF(opacity)
            outline = QColor(colour).darker(130)
            symbol = QgsFillSymbol.createSimple({
                "color": "{},{},{},{}".format(fill.red(), fill.green(), fill.blue(), fill.alpha()),
                "outline_color": "{},{},{},255".format(outline.red(), outline.green(), outline.blue()),
                "outline_width": "0.3"})
            categories.append(QgsRendererCategory(value, symbol, label))
        layer.setRenderer(QgsCategorizedSymbolRenderer(field, categories))
        layer.triggerRepaint()
    return style


class _Styler(QgsProcessingLayerPostProcessorInterface):
    """A post-processor that only styles and names (:func:`style_output`)."""

    # QGIS keeps only a C++ pointer to a post-processor: Python must keep the object alive.
    _alive = []

    def __init__(self, style, layer_name=None):
        super().__init__()
        self.style = style
        self.layer_name = layer_name
        _Styler._alive.append(self)

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 (QGIS API name)
        if not layer.isValid():
            return
        self.style(layer)
        if self.layer_name:
            layer.setName(self.layer_name)


def cloud_mask_legend():
    return [
        (0, "#00000000", tr("Clear")),
        (1, "#ff00ff", tr("Cloud")),
        (255, "#00000000", tr("No data")),
    ]


def mask_legend():
    return [
        (0, "#00000000", tr("Outside the mask")),
        (1, "#ff00ff", tr("Mask")),
        (255, "#00000000", tr("No data")),
    ]


def style_output(context, output_path, legend, layer_name=None):
    """Attach a paletted style to ``output_path`` if QGIS will load it once the algorithm is done."""
    if context.willLoadLayerOnCompletion(output_path):
        context.layerToLoadOnCompletionDetails(output_path).setPostProcessor(_Styler(paletted(legend), layer_name))


def shadow_mask_legend():
    return [
        (0, "#00000000", tr("No cloud shadow")),
        (1, "#6a3d9a", tr("Cloud shadow")),
        (255, "#00000000", tr("No data")),
    ]


def water_mask_legend():
    return [
        (0, "#00000000", tr("Not water")),
        (1, "#1f78b4", tr("Water")),
        (255, "#00000000", tr("No data")),
    ]


def snow_mask_legend():
    return [
        (0, "#00000000", tr("No snow")),
        (1, "#00e5ff", tr("Snow")),
        (255, "#00000000", tr("No data")),
    ]


def nodata_mask_legend():
    return [
        (0, "#00000000", tr("Data")),
        (1, "#000000", tr("No data")),
    ]


# --- Cloud-mask refinement (dilatemask, sievemask, waterclouds, cloudshadows, refinecloudmask) -----

def buffer_mask_legend():
    return [
        (0, "#00000000", tr("Outside the buffer")),
        (1, "#ff7f00", tr("Mask and its buffer")),
        (255, "#00000000", tr("No data")),
    ]


def sieved_mask_legend():
    return [
        (0, "#00000000", tr("Outside the mask")),
        (1, "#ff00ff", tr("Mask, small objects removed and small holes filled")),
        (255, "#00000000", tr("No data")),
    ]


def water_cloud_legend():
    return [
        (0, "#00000000", tr("No cloud over water")),
        (1, "#e31a1c", tr("Cloud over water")),
        (255, "#00000000", tr("No data")),
    ]


def refined_classes_legend():
    """The class raster of neve:refinecloudmask (values of core/cloud.refine_clm)."""
    return [
        (0, "#00000000", tr("Clear")),
        (1, "#ff00ff", tr("Cloud")),
        (2, "#6a3d9a", tr("Cloud shadow")),
        (3, "#ffbf00", tr("Cloud buffer")),
        (255, "#00000000", tr("No data")),
    ]


def glint_angle_ramp():
    """Glint angle in degrees: 0 is the exact specular geometry; MAJA's sunglint test is below 30."""
    return [
        (0.0, "#ffffff", tr("0° (specular reflection of the sun)")),
        (30.0, "#fdae61", tr("30° (MAJA's sunglint angle)")),
        (90.0, "#2c7bb6", tr("90°")),
    ]


def style_ramp_output(context, output_path, stops, layer_name=None, discrete=False):
    """Attach a colour ramp style to ``output_path`` if QGIS will load it once the algorithm is done."""
    if context.willLoadLayerOnCompletion(output_path):
        context.layerToLoadOnCompletionDetails(output_path).setPostProcessor(
            _Styler(ramp(stops, discrete), layer_name))


# --- Snow season synthesis (neve:snowseason): colour ramps ----------------------------------------

def snow_days_ramp(n_days):
    """Snow days 0 .. ``n_days``: transparent at 0, light to dark blue."""
    quarter, half = max(1, n_days // 4), max(2, n_days // 2)
    return [
        (0, "#00000000", tr("No snow day")),
        (1, "#deebf7", tr("{days} days").format(days=1)),
        (quarter, "#9ecae1", tr("{days} days").format(days=quarter)),
        (half, "#3182bd", tr("{days} days").format(days=half)),
        (max(n_days, half + 1), "#08306b", tr("{days} days").format(days=max(n_days, half + 1))),
    ]


def season_day_ramp(date_start, n_days):
    """Day numbers of the season (0 = ``date_start``, a datetime.date) labelled by date at the start of
    each quarter of the period, yellow (autumn) to green (summer); 0 is transparent (no snow period)."""
    import datetime

    colours = ["#fee391", "#fe9929", "#cc4c02", "#6a51a3", "#2171b5", "#41ab5d"]
    last = max(n_days - 1, 1)
    stops = [(0, "#00000000", tr("None (10 snow days or fewer), or {date}").format(
        date=date_start.isoformat()))]
    for index, colour in enumerate(colours):
        day = max(1, round(index * last / (len(colours) - 1)))
        if day > stops[-1][0]:
            stops.append((day, colour, (date_start + datetime.timedelta(days=day)).isoformat()))
    return stops


def observations_ramp(maximum):
    """Clear observations 0 .. ``maximum``: red for none, grey to dark green."""
    maximum = max(int(maximum), 2)
    return [
        (0, "#d7301f", tr("Never clear")),
        (1, "#f0f0f0", "1"),
        (maximum, "#005a32", str(maximum)),
    ]


def snow_onsets_ramp():
    """Snow onsets 0, 1, 2, 3, 4 or more (discrete)."""
    return [
        (0, "#00000000", "0"),
        (1, "#c6dbef", "1"),
        (2, "#6baed6", "2"),
        (3, "#2171b5", "3"),
        (65535, "#08306b", tr("4 or more")),
    ]


# --- Snow map (neve:snowmap) ---------------------------------------------------------------------

def snow_map_legend(nodata_code=255):
    """The snow map of the Theia Snow collection: 0 no snow, 100 snow, 205 cloud, nodata 254 or 255."""
    return [
        (0, "#8c7853", tr("No snow")),
        (100, "#00e5ff", tr("Snow")),
        (205, "#ff00ff", tr("Cloud")),
        (int(nodata_code), "#00000000", tr("No data")),
    ]


def fsc_ramp(nodata_code=255):
    """Fractional snow cover codes (discrete): 0 no snow, 1..100 % in tenths, light to deep blue,
    205 cloud, the nodata code."""
    blues = ["#eff3ff", "#dbe6f8", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c",
             "#08306b", "#041d45"]
    stops = [(0, "#8c7853", tr("No snow"))]
    for tenth, colour in enumerate(blues):
        stops.append((10 * (tenth + 1), colour, tr("{low} to {high} %").format(low=10 * tenth + 1,
                                                                                high=10 * (tenth + 1))))
    stops.append((205, "#ff00ff", tr("Cloud")))
    stops.append((int(nodata_code), "#00000000", tr("No data")))
    return stops


def snow_bit_names():
    """Meaning of each bit of LIS's bit field of intermediate layers (bit 0 first)."""
    return [tr("pass-1 snow"), tr("pass-2 snow"), tr("cloud before refinement"), tr("refined cloud"),
            tr("original cloud"), tr("slope flag")]


def qc_bit_names():
    """Meaning of each bit of the QC flags of the fractional snow cover (bit 0 first)."""
    return [tr("sun too low"), tr("sun tangent"), tr("water"), tr("tree cover above 90 %"),
            tr("snow under thin cloud"), tr("tree cover unknown"), tr("shaded snow")]


def _bits_legend(values, names, colours):
    """A paletted legend of the bit-field ``values`` present: each labelled with the names of its bits,
    coloured by its first bit in ``colours`` order (bit, colour); 0 transparent."""
    legend = []
    for value in sorted(int(v) for v in values):
        bits = [bit for bit in range(len(names)) if value & (1 << bit)]
        label = ", ".join(names[bit] for bit in bits) if bits else tr("None")
        colour = next((c for bit, c in colours if value & (1 << bit)), "#00000000")
        legend.append((value, colour, label_value(value, label)))
    return legend


def snow_bits_legend(values):
    """Legend of the LIS bit field for the ``values`` present in the output."""
    colours = ((0, "#00e5ff"), (1, "#1f78b4"), (3, "#ff00ff"), (4, "#fbb4f9"), (2, "#fbb4f9"), (5, "#bdbdbd"))
    return _bits_legend(values, snow_bit_names(), colours)


def qc_legend(values):
    """Legend of the QC flags for the ``values`` present in the output."""
    colours = ((4, "#6a3d9a"), (2, "#1f78b4"), (3, "#33a02c"), (0, "#e31a1c"), (1, "#ff7f00"), (6, "#b15928"),
               (5, "#bdbdbd"))
    return _bits_legend(values, qc_bit_names(), colours)


def snow_polygon_classes():
    """The snow and cloud polygons of neve:snowmap by their field DN, in the colours of the map."""
    return [(100, "#00e5ff", tr("Snow")), (205, "#ff00ff", tr("Cloud"))]


def snow_percent_zones(field):
    """Zones coloured by the snow percentage of ``field`` (0 to 100), white to snow blue, outlined; without
    that field, QGIS's own style."""
    def style(layer):
        from qgis.core import QgsFillSymbol, QgsGraduatedSymbolRenderer, QgsRendererRange

        if not isinstance(layer, QgsVectorLayer) or not layer.isValid() or layer.fields().indexOf(field) < 0:
            return
        colours = ["#f7fbff", "#c6dbef", "#6baed6", "#2171b5", "#08306b"]
        ranges = []
        for k, colour in enumerate(colours):
            low, high = 20.0 * k, 20.0 * (k + 1)
            symbol = QgsFillSymbol.createSimple({"color": colour, "outline_color": "#555555"})
            ranges.append(QgsRendererRange(low, high, symbol, tr("{low:g} to {high:g} % snow").format(
                low=low, high=high)))
        layer.setRenderer(QgsGraduatedSymbolRenderer(field, ranges))
        layer.triggerRepaint()
    return style
