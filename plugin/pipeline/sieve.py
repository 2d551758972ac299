"""A sieve of a mask with areas in square metres (``sievemask``): small objects removed, small holes filled.

::

    from neve.plugin.pipeline.sieve import SieveInputs, SieveOutputs, SieveParams, sieve_mask

    sieve_mask(SieveInputs(input="clouds.tif"), SieveParams(min_object_area=50000, min_hole_area=10000),
               SieveOutputs(output="sieved.tif"))

Objects are the connected components of the mask (8-connectivity by default: diagonal neighbours join;
4 on request). First every object of area below ``min_object_area`` is removed
(``core/cloud.remove_small_objects``), then every hole, a component of pixels that are neither mask nor
no data, of area below ``min_hole_area`` is filled (``core/cloud.fill_small_holes``); an object or a
hole whose area equals the minimum stays. Areas are pixel counts times the pixel area, so the raster
must be in a projected CRS in metres. Objects and holes cut by the raster's edge or by no data count
with the area they have inside.

Strips: an 8-connected component of ``n`` pixels spans at most ``n`` rows, so the two steps are exact
on strips read with ``sieve_halo`` rows for each step above and below (``core/cloud.sieve_halo``), the
strips being at least four halos tall. When a strip read with its halos would exceed three quarters of
the raster (halos adding up to about 1400 rows on a 10 m tile: minimum areas above about 70000 m2 each),
the raster is labelled whole instead (about 7 bytes a pixel: 850 MB on a 10 m tile, 210 MB at 20 m).
"""
import contextlib
from dataclasses import dataclass, field

from ..core import cloud, masks
from ..core.defaults import CLOUD_RESOLUTION, SIEVE_MIN_AREA
from ..i18n import tr
from ..io import raster
from .algorithms.sievemask import CONNECTIVITIES
from .algorithms.sievemask import spec as declaration
from .cloudinputs import check_option, check_output, open_mask_source
from .feedback import as_feedback, checkpoint
from .jobs import job
from .inputs import metric_pixel_size
from .spec import from_values, not_a_result, results_of

WHOLE_FRACTION = 0.75  # label the whole raster when a strip and its halos would be taller than this


@dataclass(frozen=True)
class SieveInputs:
    """A mask raster (``input``, used even when a product is given too), or the clouds of a product."""

    input_product: str = None
    input: str = None


@dataclass(frozen=True)
class SieveParams:
    """``values`` of the mask raster that are mask ("1, 2, 5-7"; empty: every non-zero value); minimum
    areas in m2 (0: the step is off); ``connectivity`` 8 or 4; ``resolution`` with a product (m)."""

    values: str = ""
    min_object_area: float = SIEVE_MIN_AREA
    min_hole_area: float = SIEVE_MIN_AREA
    connectivity: int = CONNECTIVITIES[0]
    resolution: int = CLOUD_RESOLUTION


@dataclass(frozen=True)
class SieveOutputs:
    output: str = None


@dataclass(frozen=True)
class SieveResult:
    outputs: SieveOutputs = field(metadata=not_a_result())
    whole: bool = field(default=False, metadata=not_a_result())  # labelled whole rather than in strips


def run(values, feedback=None):
    """The ``sievemask`` algorithm on ``values`` (see ``pipeline/spec.py``): its results dictionary."""
    result = sieve_mask(from_values(SieveInputs, values), from_values(SieveParams, values),
                        from_values(SieveOutputs, values), feedback)
    return results_of(result.outputs, result)


def strip_rows(halo, default_rows):
    """Rows per strip for a sieve whose halo is ``halo`` rows above and below: at least the default,
    and four halos, so that the halo is at most half of what is read."""
    return max(int(default_rows), 4 * int(halo))


@job(declaration)
def sieve_mask(inputs, params=SieveParams(), outputs=SieveOutputs(), feedback=None):
    """Write the sieved mask of ``inputs`` to ``outputs.output``; a :class:`SieveResult`.

    Raises :class:`~..errors.NeveError` for bad inputs (nothing written) and ``Cancelled`` when
    ``feedback`` asks to stop (nothing written either)."""
    feedback = as_feedback(feedback)
    check_output(outputs.output, declaration().parameter("OUTPUT").label)
    min_object, min_hole = float(params.min_object_area), float(params.min_hole_area)
    check_option(params.connectivity, CONNECTIVITIES)
    connectivity = int(params.connectivity)
    whole = False
    with raster.bounded_gdal_cache(), contextlib.ExitStack() as stack:
        source = open_mask_source(inputs.input_product, inputs.input, params.values,
                                  params.resolution or CLOUD_RESOLUTION, stack, feedback)
        grid = source.grid
        px, py = metric_pixel_size(grid, source.name)
        pixel_area = px * py
        # The hole step needs the object step right on its own halo: halos add up.
        halo = cloud.sieve_halo(min_object, pixel_area) + cloud.sieve_halo(min_hole, pixel_area)
        rows = strip_rows(halo, raster.DEFAULT_BLOCK_ROWS)
        if rows + 2 * halo >= WHOLE_FRACTION * grid.height:
            rows, halo, whole = grid.height, 0, True  # the whole raster at once
            feedback.info(tr("Minimum areas this large: the whole mask is labelled at once."))
        writer = stack.enter_context(raster.GeoTiffWriter(
            outputs.output, grid.width, grid.height, grid.crs, grid.transform, "uint8", nodata=masks.MASK_NODATA))
        for block in raster.blocks(grid.width, grid.height, rows, halo):
            checkpoint(feedback)
            mask, no_data = source.read(block.read)
            mask = cloud.remove_small_objects(mask, min_object, pixel_area, connectivity)
            checkpoint(feedback)
            mask = cloud.fill_small_holes(mask, min_hole, pixel_area, connectivity, nodata=no_data)
            writer.write(masks.encode_mask(mask[block.inner], no_data[block.inner]), block.write)
            feedback.progress(100.0 * (block.index + 1) / block.count)
    return SieveResult(outputs=outputs, whole=whole)
