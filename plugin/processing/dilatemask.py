"""neve:dilatemask, "Buffer a mask by a distance": the exact Euclidean buffer of issue 4, with the
parallax-aware extension, and what the cloud-refinement algorithms share.

Exact definition (``core/cloud.dilate``): an output pixel is 1 when the Euclidean distance between its
centre and the centre of some mask pixel is at most ``DISTANCE`` metres (pixel width and height from
the raster, non-square pixels honoured), 0 otherwise, 255 where the input is no data. The raster is
processed in strips read with ``dilation_halo`` rows above and below, so the result does not depend on
the strip height. With ``PARALLAX_HEIGHT`` > 0 each mask pixel also stands for the places where the
product's bands see a cloud at that height (``core/cloud.parallax_shifts`` from the per-band mean
viewing angles): the buffer surrounds the convex hull of those displacements.

Shared by the cloud-refinement algorithms (dilatemask, sievemask, waterclouds, cloudshadows,
refinecloudmask), what is specific to masks: :func:`open_mask_source` (a mask from a raster layer and
its values, or from a product's clouds), :func:`layer_values_mask`, :func:`product_clouds` (the clouds
of :data:`PRODUCT_CLOUD_BITS` or :data:`PRODUCT_CLOUD_CLASSES`), :func:`product_parallax_shifts`, and
the parameters :func:`add_resolution_parameter` and :func:`add_parallax_parameter`. Their range checks
are :class:`~.base.NeveAlgorithm`'s, their input checks (metric CRS, layers on one grid) in ``inputs``.
"""
import contextlib
import math

from qgis.core import (
    QgsProcessingException,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
)

from ..i18n import tr
from .legacy import NeveAlgorithm, cancelled_error
from .inputs import INPUT_PRODUCT, add_product_parameter, metric_pixel_size, open_input
from .styles import buffer_mask_legend, style_output
from ..pipeline.thresholds import THRESHOLDS
from .legacy import threshold_parameter

# A product's clouds for the buffer, the sieve and as shadow casters: the clouds MAJA masks, i.e. CLM
# bits 1 (all clouds except the thinnest), 2 (mono-temporal), 3 (multi-temporal) and 7 (cirrus band),
# not the thinnest clouds alone (bit 4) nor shadows (5, 6); Sen2Cor SCL classes 8, 9 (clouds of medium
# and high probability) and 10 (thin cirrus), not 3 (shadow).
PRODUCT_CLOUD_BITS = (1, 2, 3, 7)
PRODUCT_CLOUD_CLASSES = (8, 9, 10)
MAX_PARALLAX_HEIGHT = 20000.0


def layer_values_mask(values, nodata, selection):
    """(mask, no data) of an array read from a raster layer: mask = one of ``selection`` (a list of
    values) or, when it is empty, any non-zero value; no data = the layer's no-data value (NaN too)."""
    import numpy as np

    from ..core import masks

    if nodata is not None and isinstance(nodata, float) and math.isnan(nodata):
        no_data = np.isnan(values)
    elif nodata is not None:
        no_data = values == nodata
    else:
        no_data = np.isnan(values) if values.dtype.kind == "f" else np.zeros(values.shape, bool)
    if selection:
        mask = masks.in_classes(values, selection)
    else:
        mask = values != 0
    return mask & ~no_data, no_data


def product_clouds(product, grid, window):
    """(clouds, no data) of a product on a window of ``grid``: :data:`PRODUCT_CLOUD_BITS` of CLM or
    :data:`PRODUCT_CLOUD_CLASSES` of SCL; no data from EDG or SCL 0."""
    import numpy as np

    selection = PRODUCT_CLOUD_BITS if "CLM" in product.masks else PRODUCT_CLOUD_CLASSES
    clouds = product.read_mask("cloud", grid, window, selection=selection)
    if "EDG" in product.masks or "SCL" in product.masks:
        no_data = product.read_mask("nodata", grid, window)
    else:
        no_data = np.zeros(clouds.shape, bool)
    return clouds & ~no_data, no_data


class MaskSource:
    """A mask read by window: from a raster layer (``values`` counting as mask) or a product's clouds.
    ``grid`` is the grid read, ``name`` names the source in messages, ``product`` the product when one
    was given (angles), ``read(window) -> (mask, no data)``."""

    def __init__(self, grid, name, read, product=None):
        self.grid, self.name, self.read, self.product = grid, name, read, product


def open_mask_source(algorithm, parameters, context, feedback, stack, input_name, values_name,
                     resolution_name):
    """The mask of ``input_name`` (a raster layer) or, without it, of ``INPUT_PRODUCT`` (its clouds);
    the product is opened whenever it is given, for its angles. Everything is closed by ``stack``."""
    import rasterio

    from ..io.raster import Grid
    from .cloudmask import parse_values

    layer = algorithm.parameterAsRasterLayer(parameters, input_name, context)
    product = None
    if algorithm.parameterAsFile(parameters, INPUT_PRODUCT, context):
        product = stack.enter_context(open_input(algorithm, parameters, context, feedback))
    if layer is not None:
        text = algorithm.parameterAsString(parameters, values_name, context) or ""
        try:
            selection = parse_values(text)
        except ValueError:
            raise QgsProcessingException(
                tr("Could not read the values \"{text}\": write whole numbers separated by commas, "
                   "ranges with a dash, for example 1, 2, 5-7.").format(text=text))
        try:
            dataset = stack.enter_context(rasterio.open(layer.source()))
        except rasterio.errors.RasterioError as error:
            raise QgsProcessingException(tr("Could not read {name}: {error}").format(name=layer.name(),
                                                                                      error=error))
        nodata = dataset.nodata

        def read(window):
            return layer_values_mask(dataset.read(1, window=window), nodata, selection)

        return MaskSource(Grid.of(dataset), layer.name(), read, product)
    if product is None:
        raise QgsProcessingException(
            tr("No input: give a Sentinel-2 L2A product or a mask raster."))
    if "CLM" not in product.masks and "SCL" not in product.masks:
        raise QgsProcessingException(
            tr("{product} has no cloud mask (CLM or SCL).").format(product=product.name))
    grid = product.grid(algorithm.parameterAsInt(parameters, resolution_name, context))
    return MaskSource(grid, product.name, lambda window: product_clouds(product, grid, window), product)


def product_parallax_shifts(product, height):
    """``(n, 2)`` displacements (east, north) in metres between where the product's bands see a cloud at
    ``height`` metres and where the mask puts it (the mean of the bands), from the per-band mean
    viewing angles; a translated error when the product has none."""
    from ..core.cloud import parallax_shifts

    angles = [a for _band, a in sorted((product.viewing_angles or {}).items()) if a is not None]
    if len(angles) < 2:
        raise QgsProcessingException(tr(
            "{product} has no per-band viewing angles in its metadata: the parallax buffer needs them. "
            "Set the parallax height to 0.").format(product=product.name))
    return parallax_shifts(height, [a.zenith for a in angles], [a.azimuth for a in angles])


def add_resolution_parameter(algorithm, name="RESOLUTION", default=20):
    algorithm.add_parameter(
        QgsProcessingParameterNumber(name, tr("Resolution with a product (m)"),
                                     QgsProcessingParameterNumber.Integer, defaultValue=default,
                                     minValue=10, maxValue=60),
        tr("Pixel size of the output when the input is a product: 10 or 20 m (the Theia Snow collection "
           "works at 20 m; the product's masks exist at both)."), advanced=True)


def add_parallax_parameter(algorithm, name="PARALLAX_HEIGHT"):
    algorithm.add_parameter(
        QgsProcessingParameterNumber(name, tr("Parallax height (m, 0 = off)"),
                                     QgsProcessingParameterNumber.Double, defaultValue=0.0, minValue=0.0,
                                     maxValue=MAX_PARALLAX_HEIGHT),
        tr("The 12 bands of Sentinel-2 look in slightly different directions, so a cloud at this height "
           "appears at a different place in each band (larger for higher clouds, such as contrails). "
           "Above 0, the buffer also covers every displacement between the bands' viewing directions for "
           "a cloud at this height (from the product's per-band mean viewing angles: needs a product). "
           "0 (default): a plain disk, as MAJA."))


class DilateMaskAlgorithm(NeveAlgorithm):
    INPUT = "INPUT"
    VALUES = "VALUES"
    DISTANCE = "DISTANCE"
    PARALLAX_HEIGHT = "PARALLAX_HEIGHT"
    RESOLUTION = "RESOLUTION"
    OUTPUT = "OUTPUT"

    GROUP = "clouds"

    def name(self):
        return "dilatemask"

    def displayName(self):  # noqa: N802 (QGIS API name)
        return tr("Buffer a mask by a distance")

    def shortDescription(self):  # noqa: N802 (QGIS API name)
        return tr("Exact Euclidean buffer of a mask (1 buffered, 0 outside, 255 no data), optionally "
                  "extended by the parallax between the bands.")

    def shortHelpString(self):  # noqa: N802 (QGIS API name)
        return tr(
            "<p>Buffers (dilates) a mask by a distance in metres, as MAJA dilates its cloud mask: 480 m in "
            "Theia production since February 2018, 240 m from May 2017 to February 2018; Sen2Cor does not "
            "buffer.</p>"
            "<p><b>Exact definition</b>: an output pixel is 1 when the Euclidean distance between its "
            "centre and the centre of some mask pixel is at most the distance, 0 otherwise, 255 where the "
            "input is no data. Pixel width and height come from the raster (non-square pixels are "
            "honoured); the result is the same whatever the size of the blocks it is computed in. The "
            "raster must be in a projected CRS in metres.</p>"
            "<p><b>Mask</b>: a raster layer, whose listed values count as mask (default: every non-zero "
            "value except no data); or, without a layer, the clouds of a Sentinel-2 L2A product: MAJA CLM "
            "bits 1, 2, 3 and 7 (every cloud except the thinnest, not shadows), or Sen2Cor SCL classes 8, "
            "9 and 10, with no data from EDG or SCL 0. For another choice, make the mask with \"Cloud mask "
            "from a product's mask\" and give it as the layer.</p>"
            "<p><b>Parallax</b>: with a parallax height above 0 and a product (for its per-band viewing "
            "angles), the buffer also covers where the bands see a cloud at that height.</p>")

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        add_product_parameter(self)
        self.add_parameter(
            QgsProcessingParameterRasterLayer(self.INPUT, tr("Mask raster"), optional=True),
            tr("The mask to buffer, for example a cloud mask made by \"Cloud mask from a product's mask\". "
               "When given, it is buffered even if a product is given too (the product then only "
               "provides the viewing angles of the parallax)."))
        self.add_parameter(
            QgsProcessingParameterString(self.VALUES, tr("Values that count as mask"), defaultValue="",
                                         optional=True),
            tr("Values of the mask raster that are buffered, separated by commas, ranges with a dash "
               "(1, 2, 5-7). Empty (default): every non-zero value except no data."))
        self.addParameter(threshold_parameter("DISTANCE"))
        add_parallax_parameter(self, self.PARALLAX_HEIGHT)
        add_resolution_parameter(self, self.RESOLUTION)
        self.add_parameter(QgsProcessingParameterRasterDestination(self.OUTPUT, tr("Buffered mask")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API name)
        import numpy as np

        from ..core import cloud, masks
        from ..io import raster
        from ..io.products import ProductError

        self.check_ranges(parameters, context)
        distance = self.parameterAsDouble(parameters, self.DISTANCE, context)
        height = self.parameterAsDouble(parameters, self.PARALLAX_HEIGHT, context)
        output_path = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)

        with raster.bounded_gdal_cache(), contextlib.ExitStack() as stack:
            source = open_mask_source(self, parameters, context, feedback, stack, self.INPUT, self.VALUES,
                                      self.RESOLUTION)
            grid = source.grid
            pixel_size = metric_pixel_size(grid, source.name)
            shifts = None
            if height > 0:
                if source.product is None:
                    raise QgsProcessingException(tr(
                        "The parallax buffer needs a Sentinel-2 L2A product for its viewing angles: give "
                        "the product, or set the parallax height to 0."))
                shifts = product_parallax_shifts(source.product, height)
                spread = float(np.hypot(*(shifts[:, None, :] - shifts[None, :, :]).transpose(2, 0, 1)).max())
                feedback.pushInfo(tr("Parallax of a cloud at {height:g} m between the bands: up to {spread:.0f} m."
                                     ).format(height=height, spread=spread))
            halo = cloud.dilation_halo(distance, pixel_size, shifts)
            writer = stack.enter_context(raster.GeoTiffWriter(
                output_path, grid.width, grid.height, grid.crs, grid.transform, "uint8",
                nodata=masks.MASK_NODATA))
            for block in raster.blocks(grid.width, grid.height, raster.DEFAULT_BLOCK_ROWS, halo):
                if feedback.isCanceled():
                    raise cancelled_error()
                try:
                    mask, no_data = source.read(block.read)
                except ProductError as error:
                    raise QgsProcessingException(str(error))
                buffered = cloud.dilate(mask, distance, pixel_size, shifts)[block.inner]
                writer.write(masks.encode_mask(buffered, no_data[block.inner]), block.write)
                feedback.setProgress(100.0 * (block.index + 1) / block.count)

        style_output(context, output_path, buffer_mask_legend(), tr("Buffered mask"))
        return {self.OUTPUT: output_path}
