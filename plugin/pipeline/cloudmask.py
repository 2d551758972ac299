"""A binary cloud mask from a product's mask or a mask raster (``cloudmask``): 1 cloud, 0 clear, 255 no data.

::

    from neve.plugin.pipeline.cloudmask import CloudMaskInputs, CloudMaskOutputs, CloudMaskParams, cloud_mask

    cloud_mask(CloudMaskInputs(input="SCL_20m.jp2"), CloudMaskParams(mask_type="scl"),
               CloudMaskOutputs(output="clouds.tif"))

A MAJA CLM or MG2 counts the chosen bits, a Sen2Cor SCL the chosen classes, a Landsat QA_PIXEL the chosen
bits, another raster the listed values (every non-zero value when none is listed). From a product the mask
is its CLM (or MG2 when that kind is chosen) with no data from EDG, its SCL, or its QA_PIXEL (no data: bit
0), on its grid of ``resolution`` metres (Landsat: its 30 m grid).
"""
import contextlib
from dataclasses import dataclass, field

import numpy as np

from ..core import masks
from ..core.defaults import CLOUD_RESOLUTION
from ..errors import NeveError
from ..i18n import QT_TR_NOOP, tr
from ..io import raster
from .algorithms.cloudmask import (DEFAULT_CLM_BITS, DEFAULT_MG2_BITS, DEFAULT_QA_PIXEL_BITS, DEFAULT_SCL_CLASSES,
                                   MASK_TYPES)
from .algorithms.cloudmask import spec as declaration
from .cloudinputs import check_option, check_output, mask_selection, product_grid
from .feedback import as_feedback, checkpoint
from .jobs import job
from .inputs import layer_name, looks_like_scl, open_input
from .spec import from_values, not_a_result, results_of


@dataclass(frozen=True)
class CloudMaskInputs:
    """A product (``input_product``), or a mask raster (``input``), used when no product is given."""

    input_product: str = None
    input: str = None


@dataclass(frozen=True)
class CloudMaskParams:
    """``mask_type``: one of :data:`~.algorithms.cloudmask.MASK_TYPES`; the bits, classes or values
    (text such as "1, 2, 5-7") that count as cloud for each; the resolution with a product (m)."""

    mask_type: str = MASK_TYPES[0]
    clm_bits: tuple = DEFAULT_CLM_BITS
    mg2_bits: tuple = DEFAULT_MG2_BITS
    scl_classes: tuple = DEFAULT_SCL_CLASSES
    qa_pixel_bits: tuple = DEFAULT_QA_PIXEL_BITS
    values: str = ""
    resolution: int = CLOUD_RESOLUTION


@dataclass(frozen=True)
class CloudMaskOutputs:
    output: str = None


@dataclass(frozen=True)
class CloudMaskResult:
    outputs: CloudMaskOutputs = field(metadata=not_a_result())
    mask_type: str = field(default=None, metadata=not_a_result())   # the kind of mask read


def run(values, feedback=None):
    """The ``cloudmask`` algorithm on ``values`` (see ``pipeline/spec.py``): its results dictionary."""
    result = cloud_mask(from_values(CloudMaskInputs, values), from_values(CloudMaskParams, values),
                        from_values(CloudMaskOutputs, values), feedback)
    return results_of(result.outputs, result)


@job(declaration)
def cloud_mask(inputs, params=CloudMaskParams(), outputs=CloudMaskOutputs(), feedback=None):
    """Write the cloud mask of ``inputs`` to ``outputs.output``; a :class:`CloudMaskResult`.

    Raises :class:`~..errors.NeveError` for bad inputs (nothing written) and ``Cancelled`` when
    ``feedback`` asks to stop (nothing written either)."""
    feedback = as_feedback(feedback)
    check_output(outputs.output, declaration().parameter("OUTPUT").label)
    kind = params.mask_type
    check_option(kind, MASK_TYPES)
    with raster.bounded_gdal_cache(), contextlib.ExitStack() as stack:
        if inputs.input_product:
            product = stack.enter_context(open_input(inputs.input_product, feedback=feedback))
            mask_name = product_mask(product, kind)
            source_name = product.name
            kind = mask_name.lower()
            grid = product_grid(product, params.resolution or CLOUD_RESOLUTION, feedback)
            has_nodata_mask = "EDG" in product.masks or mask_name in ("SCL", "QA_PIXEL")

            def read(window):
                values = product.read_raw(mask_name, grid, window)
                if has_nodata_mask:
                    return values, product.read_mask("nodata", grid, window)
                return values, np.zeros(values.shape, bool)
        else:
            if not inputs.input:
                raise NeveError("no_input", QT_TR_NOOP("No input: give a Sentinel-2 L2A product or a mask raster."))
            src = stack.enter_context(raster.open_raster(inputs.input))
            source_name = layer_name(inputs.input)
            if kind == "clm" and looks_like_scl(src, inputs.input):
                kind = "scl"
                feedback.warning(tr(
                    "{name} is a Sen2Cor scene classification (SCL), by its name and its values (0 to 11), not a "
                    "MAJA cloud mask (CLM) as the kind of mask says: it is read as an SCL.").format(name=source_name))
            check_mask_type(source_name, np.dtype(src.dtypes[0]), kind)
            grid, nodata = raster.Grid.of(src), src.nodata

            def read(window):
                values = src.read(1, window=window)
                no_data = values == nodata if nodata is not None else np.zeros(values.shape, bool)
                if kind == "qa_pixel":   # bit 0: fill
                    no_data |= masks.any_bit_set(values, [masks.QA_FILL])
                return values, no_data

        selection = cloud_selection(params, kind)
        writer = stack.enter_context(raster.GeoTiffWriter(outputs.output, grid.width, grid.height, grid.crs,
                                                          grid.transform, "uint8", nodata=masks.MASK_NODATA))
        for block in raster.blocks(grid.width, grid.height):
            checkpoint(feedback)
            values, no_data = read(block.read)
            if kind == "scl":
                if values.max(initial=0) >= masks.SCL_CLASS_COUNT:
                    raise NeveError("not_scl", QT_TR_NOOP(
                        "{name} holds the value {value}, but a Sen2Cor scene classification only has classes 0 to "
                        "11. Is this the SCL file (read at full resolution)?"),
                        name=source_name, value=int(values.max()))
                no_data |= values == masks.SCL_NODATA
                cloud = masks.in_classes(values, selection)
            elif kind == "values":
                cloud = masks.in_classes(values, selection) if selection else values != 0
            elif kind == "qa_pixel":
                no_data |= masks.any_bit_set(values, [masks.QA_FILL])
                cloud = masks.any_bit_set(values, selection)
            else:
                cloud = masks.any_bit_set(values, selection)
            writer.write(masks.encode_mask(cloud & ~no_data, no_data), block.write)
            feedback.progress(100.0 * (block.index + 1) / block.count)
    return CloudMaskResult(outputs=outputs, mask_type=kind)


def cloud_selection(params, kind):
    """The bits, classes or values that count as cloud, checked."""
    if kind == "values":
        return mask_selection(params.values)
    selection = list({"clm": params.clm_bits, "mg2": params.mg2_bits, "scl": params.scl_classes,
                      "qa_pixel": params.qa_pixel_bits}[kind] or ())
    if not selection:
        raise NeveError("nothing_selected", QT_TR_NOOP(
            "No bit or class is selected: choose at least one that counts as cloud."))
    return selection


def product_mask(product, kind):
    """The product's mask file to read: SCL for Sen2Cor, QA_PIXEL for USGS Landsat, CLM (or MG2 when chosen)
    for Theia (Sentinel-2 and Landsat)."""
    if "SCL" in product.masks:
        return "SCL"
    if "QA_PIXEL" in product.masks:
        return "QA_PIXEL"
    if kind == "mg2" and "MG2" in product.masks:
        return "MG2"
    if "CLM" in product.masks:
        return "CLM"
    raise NeveError("no_cloud_mask", QT_TR_NOOP("{product} has no cloud mask (CLM, MG2, SCL or QA_PIXEL)."),
                    product=product.name)


def check_mask_type(name, dtype, kind):
    if dtype.kind not in "ui":
        raise NeveError("mask_not_integer", QT_TR_NOOP(
            "{name} holds {dtype} values: a mask holds whole numbers. Is it a reflectance band rather than a "
            "mask?"), name=name, dtype=dtype.name)
    if kind == "qa_pixel" and dtype != np.uint16:
        raise NeveError("mask_not_uint16", QT_TR_NOOP(
            "{name} holds {dtype} values, but a Landsat QA_PIXEL is 16-bit (uint16). Is this the right file, or "
            "should the kind of mask be another?"), name=name, dtype=dtype.name)
    if kind in ("clm", "mg2", "scl") and dtype != np.uint8:
        raise NeveError("mask_not_uint8", QT_TR_NOOP(
            "{name} holds {dtype} values, but MAJA masks and the Sen2Cor SCL are 8-bit (uint8). Is this the right "
            "file, or should the kind of mask be \"Other raster\"?"), name=name, dtype=dtype.name)
