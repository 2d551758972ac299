"""neve:loadproduct, "Load a Sentinel-2 L2A product": the adapter of ``pipeline/product.py`` to QGIS
Processing.

The parameters are declared in ``pipeline/algorithms/loadproduct.py``; here the dialog's check of the
product, and the loading of the outputs in the group of the product, masks above images: the masks
styled and shown, the 10 m stack (Landsat: the 30 m stack) in natural colours and the 20 m stack in false
colours, stretched over reflectance (the 20 m stack unchecked). The stacks are files (VRTs), which QGIS does not load by itself:
they are loaded into the project that receives the masks, or the one their value names (Névé's dialog
names it for a stack asked for alone, ``LOADED_FILE_OUTPUTS``).
"""
from ..pipeline import naming
from ..pipeline.algorithms import loadproduct
from ..pipeline.algorithms.common import INPUT_PRODUCT
from .base import NeveAlgorithm
from .styles import (cloud_mask_legend, composite, nodata_mask_legend, paletted, shadow_mask_legend,
                     snow_mask_legend, water_mask_legend)

#: The stacks shown when loaded (the 20 m one is loaded unchecked: it hides what lies under it).
SHOWN_STACKS = ("OUTPUT_R1", "OUTPUT_XS")


def mask_legends():
    return {"cloud": cloud_mask_legend(), "shadow": shadow_mask_legend(), "water": water_mask_legend(),
            "snow": snow_mask_legend(), "nodata": nodata_mask_legend()}


def scene_label(details, values):
    """"T31TCH 2021-06-15" (tile, or Landsat path/row, and acquisition date of the product), else from its
    name."""
    date = details.acquisition.strftime("%Y-%m-%d") if details.acquisition else ""
    label = " ".join(p for p in (details.tile or getattr(details, "path_row", None), date) if p)
    return label or naming.scene_label([values.get(INPUT_PRODUCT)])


class LoadProductAlgorithm(NeveAlgorithm):
    DECLARATION = staticmethod(loadproduct.spec)
    LOADED_FILE_OUTPUTS = tuple(loadproduct.ALL_STACKS)

    def checkParameterValues(self, parameters, context):  # noqa: N802 (QGIS API name)
        if not self.parameterAsFile(parameters, INPUT_PRODUCT, context):
            return False, loadproduct.no_product_error().message()
        return super().checkParameterValues(parameters, context)

    def postprocess(self, results, values, parameters, context, feedback):
        run = self.output_run(results, values, parameters, context, scene=scene_label(results.details, values))
        legends = mask_legends()
        for name, kind in loadproduct.MASKS.items():
            run.load(name, paletted(legends[kind]))
        for name, (_resolution, bands) in loadproduct.ALL_STACKS.items():
            if not results.get(name):  # not the product's mission: not written
                run.load_file(name, None)
                continue
            colours, top = loadproduct.COMPOSITES[name]
            style = composite(*(bands.index(band) + 1 for band in colours), maximum=top)
            run.load_file(name, run.destination_project(name), style, visible=name in SHOWN_STACKS)
