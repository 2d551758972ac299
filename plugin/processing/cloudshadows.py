"""neve:cloudshadows, "Cloud shadows from sun geometry": shadows found by projecting the clouds.

Each cloud object (8-connected) is moved along the sun direction for every cloud height from
``HEIGHT_MIN`` to ``HEIGHT_MAX`` by ``HEIGHT_STEP`` metres, corrected for the viewing parallax (the
image shows the cloud itself displaced away from the satellite): ``core/cloud.shadow_shift``. Each
object keeps the height whose projection holds the largest fraction of dark pixels (NIR B8A or SWIR B11
strictly below a threshold, ``core/cloud.dark_pixels``) among the clear pixels it covers, if that
fraction is above ``MIN_DARK_FRACTION``; its shadow is the projected object there. With ``SWEPT``
the shadow is the whole area swept by the objects over the range of heights instead.

Angles (degrees, the metadata's conventions: azimuths of the directions of the sun and of the satellite
seen from the ground): from the product, each object taking the angles of its centroid from the 5 km
sun grids and the viewing grids averaged over the bands (``core/cloud.angles_at_points``), or from the
mean angles when the product has no grids; or given as numbers.

The whole raster is processed at once (``core/cloud.cloud_shadows``: about 10 bytes a pixel), at 20 m
with a product by default: 300 MB on a tile. Also holds what neve:refinecloudmask reuses.
"""
import contextlib

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
)

from ..i18n import tr
from .legacy import NeveAlgorithm, cancelled_error
from .dilatemask import add_resolution_parameter, layer_values_mask
from .inputs import (
    INPUT_PRODUCT,
    add_product_parameter,
    add_scale_parameters,
    check_layer_grids,
    metric_pixel_size,
    open_input,
)
from .styles import shadow_mask_legend, style_output
from .waterclouds import add_layer_grid_parameter, layer_grid, read_band_pixels

# The clouds that cast the shadows searched for: MAJA CLM bits 2 and 3 (clouds of the mono- and
# multi-temporal reflectance tests), not the thinnest clouds (4) nor the cirrus seen in the 1.38 um band
# (7); Sen2Cor SCL classes 8 and 9 (clouds of medium and high probability), not thin cirrus (10).
CASTER_BITS = (2, 3)
CASTER_CLASSES = (8, 9)
DARK_BANDS = ("B8A", "B11")
# Dark-pixel thresholds (reflectance): NIR 0.15 as the Sentinel-2 cloud and shadow masking tutorial of
# Google Earth Engine with s2cloudless (NIR_DRK_THRESH); SWIR 0.10, Névé's choice: about half the SWIR
# reflectance of vegetation and bare soil, above that of water.
DEFAULT_DARK_NIR = 0.15
DEFAULT_DARK_SWIR = 0.10
# Heights: python-fmask scans 200 m to 12 km (GRASS i.sentinel.mask 1 to 4 km), by 100 m here.
DEFAULT_HEIGHT_MIN, DEFAULT_HEIGHT_MAX, DEFAULT_HEIGHT_STEP = 200.0, 12000.0, 100.0
MAX_HEIGHT = 20000.0
# Névé's choice: a projection must be mostly dark to be taken as the object's shadow.
DEFAULT_MIN_DARK_FRACTION = 0.5


def dark_test_labels():
    return [tr("NIR (B8A) below the NIR threshold"), tr("SWIR (B11) below the SWIR threshold")]


def angle_source_labels():
    return [tr("From the product (angle grids, else mean angles)"), tr("The numbers below")]


def add_shadow_parameters(algorithm, with_layer=True):
    """The dark test, heights and angles of the shadow search, on ``algorithm``."""
    if with_layer:
        algorithm.add_parameter(
            QgsProcessingParameterRasterLayer("DARK_BAND", tr("Dark-test band layer (NIR or SWIR)"),
                                              optional=True),
            tr("The band of the dark test as a layer (NIR B8A or B8, or SWIR B11, as chosen below), used "
               "when no product is given; reflectance = (value + offset) / scale (advanced parameters)."))
    algorithm.add_parameter(
        QgsProcessingParameterEnum("DARK_TEST", tr("Dark test"), options=dark_test_labels(), defaultValue=0),
        tr("Which band tells the dark pixels a shadow is made of: the near infrared (B8A with a product), "
           "dark in shadows over land, or the SWIR (B11)."))
    algorithm.add_parameter(
        QgsProcessingParameterNumber("DARK_THRESHOLD_NIR", tr("NIR dark threshold (reflectance, 0 to 1)"),
                                     QgsProcessingParameterNumber.Double, defaultValue=DEFAULT_DARK_NIR,
                                     minValue=0.0, maxValue=1.0),
        tr("With the NIR test, a pixel is dark when its NIR reflectance is below this (strict). 0.15: the "
           "value of Google Earth Engine's Sentinel-2 cloud and shadow masking tutorial (s2cloudless)."))
    algorithm.add_parameter(
        QgsProcessingParameterNumber("DARK_THRESHOLD_SWIR", tr("SWIR dark threshold (reflectance, 0 to 1)"),
                                     QgsProcessingParameterNumber.Double, defaultValue=DEFAULT_DARK_SWIR,
                                     minValue=0.0, maxValue=1.0),
        tr("With the SWIR test, a pixel is dark when its B11 reflectance is below this (strict). 0.10: "
           "Névé's choice, about half the SWIR reflectance of vegetation and bare soil."))
    algorithm.add_parameter(
        QgsProcessingParameterNumber("HEIGHT_MIN", tr("Lowest cloud height (m)"),
                                     QgsProcessingParameterNumber.Double, defaultValue=DEFAULT_HEIGHT_MIN,
                                     minValue=0.0, maxValue=MAX_HEIGHT),
        tr("Cloud heights are tried from this one up. python-fmask: 200 m to 12 km; GRASS i.sentinel.mask: "
           "1 to 4 km."))
    algorithm.add_parameter(
        QgsProcessingParameterNumber("HEIGHT_MAX", tr("Highest cloud height (m)"),
                                     QgsProcessingParameterNumber.Double, defaultValue=DEFAULT_HEIGHT_MAX,
                                     minValue=0.0, maxValue=MAX_HEIGHT),
        tr("Cloud heights are tried up to this one (python-fmask: 12 km)."))
    algorithm.add_parameter(
        QgsProcessingParameterNumber("HEIGHT_STEP", tr("Height step (m)"), QgsProcessingParameterNumber.Double,
                                     defaultValue=DEFAULT_HEIGHT_STEP, minValue=1.0, maxValue=MAX_HEIGHT),
        tr("Step between the heights tried. Default 100 m."), advanced=True)
    algorithm.add_parameter(
        QgsProcessingParameterNumber("MIN_DARK_FRACTION", tr("Minimum dark fraction"),
                                     QgsProcessingParameterNumber.Double,
                                     defaultValue=DEFAULT_MIN_DARK_FRACTION, minValue=0.0, maxValue=1.0),
        tr("A cloud gets a shadow only if, at its best height, more than this fraction of the clear pixels "
           "its projection covers are dark. Default 0.5 (Névé's choice: mostly dark); 0 keeps every best "
           "match."), advanced=True)
    algorithm.add_parameter(
        QgsProcessingParameterBoolean("SWEPT", tr("Whole swept area"), defaultValue=False),
        tr("Instead of the shadow at each cloud's best height, the whole area the clouds sweep from the "
           "lowest to the highest height (a cautious mask, dark pixels or not)."))
    algorithm.add_parameter(
        QgsProcessingParameterEnum("ANGLES", tr("Sun and viewing angles"), options=angle_source_labels(),
                                   defaultValue=0),
        tr("From the product: each cloud takes the angles of its centre from the product's 5 km sun and "
           "viewing angle grids (viewing angles averaged over the bands), or the product's mean angles when "
           "it has no grids. Or the numbers below, for layers."))
    for name, label, default, maximum, help_text in (
            ("SUN_ZENITH", tr("Sun zenith angle (degrees)"), 30.0, 89.0,
             tr("Used with angles given as numbers: the sun's angle from the vertical.")),
            ("SUN_AZIMUTH", tr("Sun azimuth angle (degrees)"), 150.0, 360.0,
             tr("Used with angles given as numbers: direction of the sun seen from the ground, clockwise "
                "from north (the convention of the products' metadata).")),
            ("VIEW_ZENITH", tr("Viewing zenith angle (degrees)"), 0.0, 89.0,
             tr("Used with angles given as numbers: the satellite's angle from the vertical (0 to about 12 "
                "for Sentinel-2).")),
            ("VIEW_AZIMUTH", tr("Viewing azimuth angle (degrees)"), 0.0, 360.0,
             tr("Used with angles given as numbers: direction of the satellite seen from the ground, "
                "clockwise from north."))):
        algorithm.add_parameter(
            QgsProcessingParameterNumber(name, label, QgsProcessingParameterNumber.Double, defaultValue=default,
                                         minValue=0.0, maxValue=maximum), help_text, advanced=True)


class ShadowSettings:
    """The shadow-search parameters of an algorithm, read and checked."""

    def __init__(self, algorithm, parameters, context):
        self.dark_band = DARK_BANDS[algorithm.parameterAsEnum(parameters, "DARK_TEST", context)]
        name = "DARK_THRESHOLD_NIR" if self.dark_band == "B8A" else "DARK_THRESHOLD_SWIR"
        self.dark_threshold = algorithm.parameterAsDouble(parameters, name, context)
        self.height_min = algorithm.parameterAsDouble(parameters, "HEIGHT_MIN", context)
        self.height_max = algorithm.parameterAsDouble(parameters, "HEIGHT_MAX", context)
        self.height_step = algorithm.parameterAsDouble(parameters, "HEIGHT_STEP", context)
        self.min_dark_fraction = algorithm.parameterAsDouble(parameters, "MIN_DARK_FRACTION", context)
        self.swept = algorithm.parameterAsBool(parameters, "SWEPT", context)
        self.from_product = algorithm.parameterAsEnum(parameters, "ANGLES", context) == 0
        self.numbers = [algorithm.parameterAsDouble(parameters, name, context)
                        for name in ("SUN_ZENITH", "SUN_AZIMUTH", "VIEW_ZENITH", "VIEW_AZIMUTH")]
        if self.height_min > self.height_max:
            raise QgsProcessingException(tr(
                "The lowest cloud height ({low:g} m) is above the highest ({high:g} m).").format(
                low=self.height_min, high=self.height_max))
        if (self.height_max - self.height_min) / self.height_step > 10000:
            raise QgsProcessingException(tr(
                "{count:.0f} heights to try: take a larger height step.").format(
                count=(self.height_max - self.height_min) / self.height_step))

    def angles(self, product, grid, feedback=None):
        """The four angles for ``core/cloud.cloud_shadows``: numbers, or functions of the pixel position
        on ``grid`` from the product's grids, or the product's mean angles."""
        if not self.from_product:
            return self.numbers
        return product_angles(product, grid, feedback)

    def shadows(self, clouds, dark, no_data, pixel_size, angles):
        from ..core import cloud

        return cloud.cloud_shadows(clouds, dark, pixel_size, *angles, height_min=self.height_min,
                                   height_max=self.height_max, height_step=self.height_step,
                                   swept=self.swept, nodata=no_data, min_dark_fraction=self.min_dark_fraction)


def product_angles(product, grid, feedback=None):
    """Sun zenith, sun azimuth, viewing zenith and viewing azimuth of ``product`` for the shadow search:
    functions of the position (row, column of ``grid``) from the 5 km grids, the viewing grids averaged
    over the bands; the mean angles when the grids are missing; a translated error when both are."""
    import numpy as np

    from ..core import cloud

    name = product.name if product is not None else tr("Band layers")
    sun = product.sun_angle_grids if product is not None else None
    views = [g for g in (product.viewing_angle_grids or {}).values()
             if g is not None and sun is not None and g.zenith.shape == sun.zenith.shape] \
        if product is not None else []
    if sun is not None and views:
        view_zenith = cloud.merge_detector_grids([g.zenith for g in views])
        view_azimuth = cloud.merge_detector_grids([g.azimuth for g in views], azimuth=True)
        t = grid.transform

        def at(values, azimuth):
            def angle(rows, cols):
                x = t.c + (np.asarray(cols) + 0.5) * t.a
                y = t.f + (np.asarray(rows) + 0.5) * t.e
                return cloud.angles_at_points(values, sun.x0, sun.y0, sun.col_step, -sun.row_step, x, y,
                                              azimuth=azimuth)
            return angle

        return [at(sun.zenith, False), at(sun.azimuth, True), at(view_zenith, False), at(view_azimuth, True)]
    mean_views = [a for a in (product.viewing_angles or {}).values() if a is not None] if product else []
    if product is not None and product.sun_angles is not None and mean_views:
        if feedback is not None:
            feedback.pushWarning(tr("{product} has no angle grids: the mean sun and viewing angles are used.")
                                 .format(product=name))
        view_zenith = float(np.mean([a.zenith for a in mean_views]))
        radians = np.radians([a.azimuth for a in mean_views])
        view_azimuth = float(np.degrees(np.arctan2(np.sin(radians).mean(), np.cos(radians).mean())) % 360)
        return [product.sun_angles.zenith, product.sun_angles.azimuth, view_zenith, view_azimuth]
    raise QgsProcessingException(tr(
        "{product} has no sun and viewing angles: give the angles as numbers (\"Sun and viewing angles\")."
    ).format(product=name))


def product_casters(product, grid, window):
    """(shadow-casting clouds, no data) of a product on a window: CLM bits 2, 3 or SCL 8, 9."""
    import numpy as np

    selection = CASTER_BITS if "CLM" in product.masks else CASTER_CLASSES
    clouds = product.read_mask("cloud", grid, window, selection=selection)
    if "EDG" in product.masks or "SCL" in product.masks:
        no_data = product.read_mask("nodata", grid, window)
    else:
        no_data = np.zeros(clouds.shape, bool)
    return clouds & ~no_data, no_data


class CloudShadowsAlgorithm(NeveAlgorithm):
    CLOUDS = "CLOUDS"
    DARK_BAND = "DARK_BAND"
    RESOLUTION = "RESOLUTION"
    OUTPUT = "OUTPUT"
    OUTPUT_HEIGHT = "OUTPUT_HEIGHT"
    CLOUD_OBJECTS = "CLOUD_OBJECTS"
    SHADOW_OBJECTS = "SHADOW_OBJECTS"

    GROUP = "clouds"

    def name(self):
        return "cloudshadows"

    def displayName(self):  # noqa: N802 (QGIS API name)
        return tr("Cloud shadows from sun geometry")

    def shortDescription(self):  # noqa: N802 (QGIS API name)
        return tr("Shadows found by projecting each cloud along the sun direction over a range of heights and "
                  "keeping the best match with dark pixels (1 shadow, 0 not, 255 no data).")

    def shortHelpString(self):  # noqa: N802 (QGIS API name)
        return tr(
            "<p>Finds the shadows of the clouds: each cloud (a group of touching cloud pixels) is moved along "
            "the sun direction by H tan(sun zenith), away from the sun, for cloud heights H from the lowest "
            "to the highest, corrected for the viewing parallax (the image shows the cloud itself displaced "
            "by H tan(view zenith) away from the satellite). Each cloud keeps the height whose projection "
            "covers the largest fraction of dark pixels among the clear pixels it covers; its shadow is the "
            "projection there, if that fraction is above the minimum dark fraction. Or, when asked, the whole "
            "area swept over the range of heights.</p>"
            "<p><b>Clouds</b>: from a product, MAJA CLM bits 2 and 3 (clouds of the reflectance tests; not the "
            "thinnest clouds, bit 4, nor cirrus, bit 7) or Sen2Cor SCL classes 8 and 9; or a cloud mask "
            "layer (non-zero values are cloud), for example from \"Clouds over water\" or \"Cloud mask from a "
            "product's mask\".</p>"
            "<p><b>Dark pixels</b>: NIR (B8A) below 0.15, or SWIR (B11) below 0.10.</p>"
            "<p><b>Angles</b> from the product's 5 km angle grids at each cloud's centre, or given as "
            "numbers. Heights: python-fmask scans 200 m to 12 km, GRASS i.sentinel.mask 1 to 4 km.</p>"
            "<p>The whole raster is processed at once (about 10 bytes a pixel): with a product, at 20 m by "
            "default. Outputs: the shadow mask (1 shadow, 0 not, 255 no data) and optionally each cloud's "
            "height in metres.</p>")

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        add_product_parameter(self)
        self.add_parameter(
            QgsProcessingParameterRasterLayer(self.CLOUDS, tr("Cloud mask layer"), optional=True),
            tr("The clouds whose shadows are searched for (non-zero values except no data), used when no "
               "product is given. Its grid is the output's; it must be in a projected CRS in metres."))
        add_shadow_parameters(self)
        add_resolution_parameter(self, self.RESOLUTION)
        add_layer_grid_parameter(self)
        add_scale_parameters(self)
        self.add_parameter(QgsProcessingParameterRasterDestination(self.OUTPUT, tr("Cloud shadows")))
        self.add_parameter(QgsProcessingParameterRasterDestination(
            self.OUTPUT_HEIGHT, tr("Cloud heights (m)"), optional=True, createByDefault=False),
            tr("Optional: on each cloud's pixels, the height found for it in metres (float32; no data where "
               "no shadow was found)."))
        self.addOutput(QgsProcessingOutputNumber(self.CLOUD_OBJECTS, tr("Number of clouds")))
        self.addOutput(QgsProcessingOutputNumber(self.SHADOW_OBJECTS, tr("Number of clouds with a shadow")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API name)
        import numpy as np

        from ..core import cloud, masks
        from ..io import raster
        from ..io.products import ProductError

        self.check_ranges(parameters, context)
        settings = ShadowSettings(self, parameters, context)
        output_path = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        height_path = self.parameterAsOutputLayer(parameters, self.OUTPUT_HEIGHT, context) or None
        resample = self.parameterAsBool(parameters, "RESAMPLE", context)

        with raster.bounded_gdal_cache(), contextlib.ExitStack() as stack:
            layer = self.parameterAsRasterLayer(parameters, self.CLOUDS, context)
            has_product = bool(self.parameterAsFile(parameters, INPUT_PRODUCT, context))
            if not has_product and layer is None:
                raise QgsProcessingException(tr(
                    "No input: give a Sentinel-2 L2A product, or the cloud mask and dark-test band layers."))
            if has_product:
                product = stack.enter_context(open_input(self, parameters, context, feedback,
                                                         required=[settings.dark_band]))
                if "CLM" not in product.masks and "SCL" not in product.masks:
                    raise QgsProcessingException(tr("{product} has no cloud mask (CLM or SCL).").format(
                        product=product.name))
                grid = product.grid(self.parameterAsInt(parameters, self.RESOLUTION, context))
                source_name = product.name

                def read_clouds(window):
                    return product_casters(product, grid, window)
            else:
                import rasterio

                product = stack.enter_context(open_input(self, parameters, context, feedback,
                                                         bands={settings.dark_band: self.DARK_BAND},
                                                         required=[settings.dark_band]))
                grid = layer_grid(layer.source())
                source_name = layer.name()
                check_layer_grids({self.parameterDefinition(self.DARK_BAND).description():
                                   product.file(settings.dark_band)}, grid, layer.name(), resample)
                dataset = stack.enter_context(rasterio.open(layer.source()))

                def read_clouds(window):
                    return layer_values_mask(dataset.read(1, window=window), dataset.nodata, [])
            pixel_size = metric_pixel_size(grid, source_name)
            angles = settings.angles(product if product.kind != "bands" else None, grid, feedback)

            clouds = np.zeros(grid.shape, bool)
            dark = np.zeros(grid.shape, bool)
            no_data = np.zeros(grid.shape, bool)
            for block in raster.blocks(grid.width, grid.height, raster.DEFAULT_BLOCK_ROWS):
                if feedback.isCanceled():
                    raise cancelled_error()
                try:
                    casters, missing = read_clouds(block.read)
                    reflectance = read_band_pixels(product, settings.dark_band, grid, block.read)
                except ProductError as error:
                    raise QgsProcessingException(str(error))
                rows = slice(block.write.row_off, block.write.row_off + block.write.height)
                no_data[rows] = missing | np.isnan(reflectance)
                clouds[rows] = casters & ~no_data[rows]
                dark[rows] = cloud.dark_pixels(reflectance, settings.dark_threshold)
                feedback.setProgress(40.0 * (block.index + 1) / block.count)
            if feedback.isCanceled():
                raise cancelled_error()
            found = settings.shadows(clouds, dark, no_data, pixel_size, angles)
            del dark
            feedback.setProgress(80.0)
            if feedback.isCanceled():
                raise cancelled_error()
            count = int(found.heights.size)
            with_shadow = int(np.count_nonzero(np.isfinite(found.heights)))
            feedback.pushInfo(tr("{count} clouds, {found} with a shadow.").format(count=count, found=with_shadow))

            writer = stack.enter_context(raster.GeoTiffWriter(
                output_path, grid.width, grid.height, grid.crs, grid.transform, "uint8",
                nodata=masks.MASK_NODATA))
            height_writer = None
            if height_path:
                height_writer = stack.enter_context(raster.GeoTiffWriter(
                    height_path, grid.width, grid.height, grid.crs, grid.transform, "float32",
                    nodata=float("nan")))
                lookup = np.concatenate([[np.nan], found.heights]).astype(np.float32)
            for block in raster.blocks(grid.width, grid.height, raster.DEFAULT_BLOCK_ROWS):
                if feedback.isCanceled():
                    raise cancelled_error()
                rows = slice(block.write.row_off, block.write.row_off + block.write.height)
                writer.write(masks.encode_mask(found.mask[rows] & ~no_data[rows], no_data[rows]), block.write)
                if height_writer is not None:
                    height_writer.write(lookup[found.labels[rows]], block.write)
                feedback.setProgress(80.0 + 20.0 * (block.index + 1) / block.count)

        style_output(context, output_path, shadow_mask_legend(), tr("Cloud shadows"))
        results = {self.OUTPUT: output_path, self.CLOUD_OBJECTS: count, self.SHADOW_OBJECTS: with_shadow}
        if height_path:
            results[self.OUTPUT_HEIGHT] = height_path
        return results
