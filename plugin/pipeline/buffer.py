"""The exact Euclidean buffer of a mask (``dilatemask``), with the parallax between the bands when asked.

::

    from neve.plugin.pipeline.buffer import BufferInputs, BufferOutputs, BufferParams, buffer_mask

    buffer_mask(BufferInputs(input_product="SENTINEL2A_..._V1-4.zip"), BufferParams(distance=480),
                BufferOutputs(output="buffer.tif"))

Exact definition (``core/cloud.dilate``): an output pixel is 1 when the Euclidean distance between its
centre and the centre of some mask pixel is at most ``distance`` metres (pixel width and height from the
raster, non-square pixels honoured), 0 otherwise, 255 where the input is no data. The raster is processed
in strips read with ``dilation_halo`` rows above and below, so the result does not depend on the strip
height. With ``parallax_height`` > 0 each mask pixel also stands for the places where the product's bands
see a cloud at that height (``core/cloud.parallax_shifts`` from the per-band mean viewing angles): the
buffer surrounds the convex hull of those displacements.

The mask: a raster layer and its values, or the clouds of a product
(:data:`~.cloudinputs.PRODUCT_CLOUD_BITS` of CLM, :data:`~.cloudinputs.PRODUCT_CLOUD_CLASSES` of SCL).
"""
import contextlib
from dataclasses import dataclass, field

import numpy as np

from ..core import cloud, masks
from ..core.defaults import CLOUD_PRESETS, CLOUD_RESOLUTION, DEFAULT_CLOUD_PRESET, PARALLAX_HEIGHT
from ..i18n import tr
from ..io import raster
from .algorithms.dilatemask import spec as declaration
from .cloudinputs import check_output, open_mask_source, parallax_needs_product, product_parallax_shifts
from .feedback import as_feedback, checkpoint
from .jobs import job
from .inputs import metric_pixel_size
from .spec import from_values, not_a_result, results_of


#: GDAL's block cache during the job: small, so that the output's blocks are compressed and written as
#: the strips come (by the threads that read and write), not all at the end when the file is closed.
GDAL_CACHE_MB = 48


@dataclass(frozen=True)
class BufferInputs:
    """A mask raster (``input``, buffered even when a product is given too), or the clouds of a product
    (``input_product``, which also gives the viewing angles of the parallax)."""

    input_product: str = None
    input: str = None


@dataclass(frozen=True)
class BufferParams:
    """``values``: the values of the mask raster that are buffered ("1, 2, 5-7"; empty: every non-zero
    value); ``distance`` in metres; ``parallax_height`` in metres (0: off); ``resolution`` with a product."""

    values: str = ""
    distance: float = CLOUD_PRESETS[DEFAULT_CLOUD_PRESET]["distance"]
    parallax_height: float = PARALLAX_HEIGHT
    resolution: int = CLOUD_RESOLUTION


@dataclass(frozen=True)
class BufferOutputs:
    output: str = None


@dataclass(frozen=True)
class BufferResult:
    outputs: BufferOutputs = field(metadata=not_a_result())
    parallax_spread: float = field(default=None, metadata=not_a_result())  # metres, with the parallax


def run(values, feedback=None):
    """The ``dilatemask`` algorithm on ``values`` (see ``pipeline/spec.py``): its results dictionary."""
    result = buffer_mask(from_values(BufferInputs, values), from_values(BufferParams, values),
                         from_values(BufferOutputs, values), feedback)
    return results_of(result.outputs, result)


@job(declaration)
def buffer_mask(inputs, params=BufferParams(), outputs=BufferOutputs(), feedback=None):
    """Write the buffer of the mask of ``inputs`` to ``outputs.output``; a :class:`BufferResult`.

    Raises :class:`~..errors.NeveError` for bad inputs (nothing written) and ``Cancelled`` when
    ``feedback`` asks to stop (nothing written either)."""
    feedback = as_feedback(feedback)
    check_output(outputs.output, declaration().parameter("OUTPUT").label)
    distance, height = float(params.distance), float(params.parallax_height)
    spread = None
    with raster.bounded_gdal_cache(GDAL_CACHE_MB), contextlib.ExitStack() as stack:
        source = open_mask_source(inputs.input_product, inputs.input, params.values,
                                  params.resolution or CLOUD_RESOLUTION, stack, feedback)
        grid = source.grid
        pixel_size = metric_pixel_size(grid, source.name)
        shifts = None
        if height > 0:
            if source.product is None:
                raise parallax_needs_product()
            shifts = product_parallax_shifts(source.product, height)
            spread = float(np.hypot(*(shifts[:, None, :] - shifts[None, :, :]).transpose(2, 0, 1)).max())
            feedback.info(tr("Parallax of a cloud at {height:g} m between the bands: up to {spread:.0f} m.").format(
                height=height, spread=spread))
        halo = cloud.dilation_halo(distance, pixel_size, shifts)
        writer = stack.enter_context(raster.GeoTiffWriter(
            outputs.output, grid.width, grid.height, grid.crs, grid.transform, "uint8", nodata=masks.MASK_NODATA))
        # three strips at once: the next one read, this one buffered, the previous one written
        output = stack.enter_context(raster.WriteBehind(writer))
        strips = raster.blocks(grid.width, grid.height, raster.DEFAULT_BLOCK_ROWS, halo)
        for block, (mask, no_data) in raster.read_ahead(lambda strip: source.read(strip.read), strips):
            checkpoint(feedback)
            buffered = cloud.dilate(mask, distance, pixel_size, shifts)[block.inner]
            output.write(masks.encode_mask(buffered, no_data[block.inner]), block.write)
            feedback.progress(100.0 * (block.index + 1) / block.count)
    return BufferResult(outputs=outputs, parallax_spread=spread)
