"""neve:loadproduct, "Load a Sentinel-2 L2A product": the adapter of ``pipeline/product.py`` to QGIS
Processing.

The parameters are declared in ``pipeline/algorithms/loadproduct.py``; here the dialog's check of the
product, and the loading of the outputs: the masks named and styled, the VRT stacks loaded as colour
composites in the project that receives the masks.
"""
from qgis.core import QgsProcessingContext, QgsProcessingOutputLayerDefinition, QgsProcessingUtils

from ..pipeline.algorithms import loadproduct
from ..pipeline.algorithms.common import INPUT_PRODUCT
from .base import NeveAlgorithm
from .styles import (
    CompositeStyle,
    cloud_mask_legend,
    nodata_mask_legend,
    shadow_mask_legend,
    snow_mask_legend,
    style_output,
    water_mask_legend,
)

#: Stack output -> the bands of the colour composite shown when it is loaded (red, green, blue).
COMPOSITES = {"OUTPUT_R1": ("B4", "B3", "B2"), "OUTPUT_R2": ("B11", "B8A", "B5"), "OUTPUT_XS": ("B4", "B3", "B2")}


def mask_legends():
    return {"cloud": cloud_mask_legend(), "shadow": shadow_mask_legend(), "water": water_mask_legend(),
            "snow": snow_mask_legend(), "nodata": nodata_mask_legend()}


def layer_prefix(details):
    """"T31TCH 2021-06-15 · " (tile, or Landsat path/row, and acquisition date of the product), or nothing."""
    date = details.acquisition.strftime("%Y-%m-%d") if details.acquisition else ""
    prefix = " ".join(p for p in (details.tile or details.path_row, date) if p)
    return prefix + " \u00b7 " if prefix else ""


class LoadProductAlgorithm(NeveAlgorithm):
    DECLARATION = staticmethod(loadproduct.spec)

    def checkParameterValues(self, parameters, context):  # noqa: N802 (QGIS API name)
        if not self.parameterAsFile(parameters, INPUT_PRODUCT, context):
            return False, loadproduct.no_product_error().message()
        return super().checkParameterValues(parameters, context)

    def postprocess(self, results, values, parameters, context, feedback):
        prefix = layer_prefix(results.details)
        legends = mask_legends()
        for name, kind in loadproduct.MASKS.items():
            if values[name]:
                style_output(context, values[name], legends[kind], prefix + self.spec.parameter(name).label)
        self.load_stacks(values, parameters, context, prefix, results)

    def load_stacks(self, values, parameters, context, prefix, results=None):
        """Open the VRT stacks on completion in the project that receives the masks (or that a caller
        gave with a QgsProcessingOutputLayerDefinition): a file output has no "open" check box of its
        own, and batch runs or models that load nothing must not get layers."""
        project = None
        for name in loadproduct.MASKS:
            path = values[name]
            if path and context.willLoadLayerOnCompletion(path):
                project = context.layerToLoadOnCompletionDetails(path).project
                break
        for name, (_resolution, bands) in loadproduct.ALL_STACKS.items():
            path = values[name]
            if not path or (results is not None and not results.get(name)):  # not the product's mission
                continue
            value = parameters.get(name)
            target = value.destinationProject if isinstance(value, QgsProcessingOutputLayerDefinition) else None
            target = target or project
            if target is None:
                continue
            label = prefix + self.spec.parameter(name).label
            details = QgsProcessingContext.LayerDetails(label, target, name, QgsProcessingUtils.LayerHint.Raster)
            details.setPostProcessor(CompositeStyle(*(bands.index(b) + 1 for b in COMPOSITES[name]),
                                                    layer_name=label))
            context.addLayerToLoadOnCompletion(path, details)
