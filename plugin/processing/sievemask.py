"""neve:sievemask, "Remove small objects and fill small holes": a sieve with areas in square metres.

Objects are the connected components of the mask (8-connectivity by default: diagonal neighbours join;
4 on request). First every object of area below ``MIN_OBJECT_AREA`` is removed
(``core/cloud.remove_small_objects``), then every hole, a component of pixels that are neither mask nor
no data, of area below ``MIN_HOLE_AREA`` is filled (``core/cloud.fill_small_holes``); an object or a
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

from qgis.core import (
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
)

from ..i18n import tr
from .legacy import NeveAlgorithm, cancelled_error
from .dilatemask import add_resolution_parameter, open_mask_source
from .inputs import add_product_parameter, metric_pixel_size
from .styles import sieved_mask_legend, style_output

# GRASS i.sentinel.mask removes clouds smaller than 50000 m2 (its cloud_threshold default).
DEFAULT_MIN_AREA = 50000.0
MAX_AREA = 1.0e9  # 1000 km2, about a tenth of a tile
CONNECTIVITIES = (8, 4)
WHOLE_FRACTION = 0.75  # label the whole raster when a strip and its halos would be taller than this


def strip_rows(halo, default_rows):
    """Rows per strip for a sieve whose halo is ``halo`` rows above and below: at least the default,
    and four halos, so that the halo is at most half of what is read."""
    return max(int(default_rows), 4 * int(halo))


class SieveMaskAlgorithm(NeveAlgorithm):
    INPUT = "INPUT"
    VALUES = "VALUES"
    MIN_OBJECT_AREA = "MIN_OBJECT_AREA"
    MIN_HOLE_AREA = "MIN_HOLE_AREA"
    CONNECTIVITY = "CONNECTIVITY"
    RESOLUTION = "RESOLUTION"
    OUTPUT = "OUTPUT"

    GROUP = "clouds"

    def name(self):
        return "sievemask"

    def displayName(self):  # noqa: N802 (QGIS API name)
        return tr("Remove small objects and fill small holes")

    def shortDescription(self):  # noqa: N802 (QGIS API name)
        return tr("Sieve of a mask with areas in square metres: small objects removed, small holes filled "
                  "(1 mask, 0 outside, 255 no data).")

    def shortHelpString(self):  # noqa: N802 (QGIS API name)
        return tr(
            "<p>Cleans a mask: removes its objects (groups of touching mask pixels) smaller than the minimum "
            "object area, then fills its holes (groups of touching pixels outside the mask, no data "
            "excluded) smaller than the minimum hole area. An object or a hole whose area equals the "
            "minimum stays. Areas are in square metres: the number of pixels times the pixel area, so the "
            "raster must be in a projected CRS in metres.</p>"
            "<p>Pixels touch by their sides and corners (8-connectivity, default) or by their sides only "
            "(4-connectivity). Objects and holes cut by the edge of the raster or by no data count with the "
            "area they have inside.</p>"
            "<p>Defaults: 50000 m² for both, the minimum cloud area of GRASS i.sentinel.mask; using the same "
            "area for holes treats the mask and its background alike, as GDAL's sieve filter does. 0 turns "
            "a step off.</p>"
            "<p><b>Mask</b>: a raster layer, whose listed values count as mask (default every non-zero value "
            "except no data), or the clouds of a Sentinel-2 L2A product (MAJA CLM bits 1, 2, 3 and 7, "
            "Sen2Cor SCL classes 8, 9 and 10). Output: 1 mask, 0 outside, 255 no data.</p>")

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        add_product_parameter(self)
        self.add_parameter(
            QgsProcessingParameterRasterLayer(self.INPUT, tr("Mask raster"), optional=True),
            tr("The mask to clean, for example a cloud mask. When given, it is used even if a product is "
               "given too."))
        self.add_parameter(
            QgsProcessingParameterString(self.VALUES, tr("Values that count as mask"), defaultValue="",
                                         optional=True),
            tr("Values of the mask raster that belong to the mask, separated by commas, ranges with a dash "
               "(1, 2, 5-7). Empty (default): every non-zero value except no data."))
        self.add_parameter(
            QgsProcessingParameterNumber(self.MIN_OBJECT_AREA, tr("Minimum object area (m²)"),
                                         QgsProcessingParameterNumber.Double, defaultValue=DEFAULT_MIN_AREA,
                                         minValue=0.0, maxValue=MAX_AREA),
            tr("Objects of the mask smaller than this are removed (an object of exactly this area stays). "
               "GRASS i.sentinel.mask: 50000 m² for clouds, 10000 m² for shadows. 0: keep every object."))
        self.add_parameter(
            QgsProcessingParameterNumber(self.MIN_HOLE_AREA, tr("Minimum hole area (m²)"),
                                         QgsProcessingParameterNumber.Double, defaultValue=DEFAULT_MIN_AREA,
                                         minValue=0.0, maxValue=MAX_AREA),
            tr("Holes in the mask smaller than this are filled (a hole of exactly this area stays). No-data "
               "pixels are never filled. 0: keep every hole."))
        self.add_parameter(
            QgsProcessingParameterEnum(self.CONNECTIVITY, tr("Connectivity"),
                                       options=[tr("8: sides and corners"), tr("4: sides only")], defaultValue=0),
            tr("Which pixels touch: by their sides and corners (8, default) or by their sides only (4)."),
            advanced=True)
        add_resolution_parameter(self, self.RESOLUTION)
        self.add_parameter(QgsProcessingParameterRasterDestination(self.OUTPUT, tr("Sieved mask")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API name)
        from ..core import cloud, masks
        from ..io import raster
        from ..io.products import ProductError

        self.check_ranges(parameters, context)
        min_object = self.parameterAsDouble(parameters, self.MIN_OBJECT_AREA, context)
        min_hole = self.parameterAsDouble(parameters, self.MIN_HOLE_AREA, context)
        connectivity = CONNECTIVITIES[self.parameterAsEnum(parameters, self.CONNECTIVITY, context)]
        output_path = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)

        with raster.bounded_gdal_cache(), contextlib.ExitStack() as stack:
            source = open_mask_source(self, parameters, context, feedback, stack, self.INPUT, self.VALUES,
                                      self.RESOLUTION)
            grid = source.grid
            px, py = metric_pixel_size(grid, source.name)
            pixel_area = px * py
            # The hole step needs the object step right on its own halo: halos add up.
            halo = cloud.sieve_halo(min_object, pixel_area) + cloud.sieve_halo(min_hole, pixel_area)
            rows = strip_rows(halo, raster.DEFAULT_BLOCK_ROWS)
            if rows + 2 * halo >= WHOLE_FRACTION * grid.height:
                rows, halo = grid.height, 0  # the whole raster at once
                feedback.pushInfo(tr("Minimum areas this large: the whole mask is labelled at once."))
            writer = stack.enter_context(raster.GeoTiffWriter(
                output_path, grid.width, grid.height, grid.crs, grid.transform, "uint8",
                nodata=masks.MASK_NODATA))
            for block in raster.blocks(grid.width, grid.height, rows, halo):
                if feedback.isCanceled():
                    raise cancelled_error()
                try:
                    mask, no_data = source.read(block.read)
                except ProductError as error:
                    raise QgsProcessingException(str(error))
                mask = cloud.remove_small_objects(mask, min_object, pixel_area, connectivity)
                if feedback.isCanceled():
                    raise cancelled_error()
                mask = cloud.fill_small_holes(mask, min_hole, pixel_area, connectivity, nodata=no_data)
                writer.write(masks.encode_mask(mask[block.inner], no_data[block.inner]), block.write)
                feedback.setProgress(100.0 * (block.index + 1) / block.count)

        style_output(context, output_path, sieved_mask_legend(), tr("Sieved mask"))
        return {self.OUTPUT: output_path}
