"""Styles of the Névé outputs, applied by a layer post-processor when QGIS loads an output.

Each legend is a list of ``(value, colour, label)``; labels are translated, so the legend is in the
user's language. :func:`style_output` is called from ``processAlgorithm`` and does nothing when the
output is not going to be loaded (batch runs, ``qgis_process``).
"""
from qgis.core import (
    QgsPalettedRasterRenderer,
    QgsProcessingLayerPostProcessorInterface,
    QgsRasterLayer,
)
from qgis.PyQt.QtGui import QColor

from ..i18n import tr


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


class PalettedStyle(QgsProcessingLayerPostProcessorInterface):
    """Give a loaded raster output a paletted renderer with a translated legend."""

    # QGIS keeps only a C++ pointer to a post-processor: Python must keep the object alive.
    _alive = []

    def __init__(self, legend, layer_name=None):
        super().__init__()
        self.legend = legend
        self.layer_name = layer_name
        PalettedStyle._alive.append(self)

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 (QGIS API name)
        if not isinstance(layer, QgsRasterLayer) or not layer.isValid():
            return
        classes = [QgsPalettedRasterRenderer.Class(value, QColor(colour), label)
                   for value, colour, label in self.legend]
        layer.setRenderer(QgsPalettedRasterRenderer(layer.dataProvider(), 1, classes))
        if self.layer_name:
            layer.setName(self.layer_name)
        layer.triggerRepaint()


def style_output(context, output_path, legend, layer_name=None):
    """Attach a paletted style to ``output_path`` if QGIS will load it once the algorithm is done."""
    if context.willLoadLayerOnCompletion(output_path):
        details = context.layerToLoadOnCompletionDetails(output_path)
        details.setPostProcessor(PalettedStyle(legend, layer_name))
