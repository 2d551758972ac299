"""neve:waterclouds, "Clouds over water (SWIR test, sunglint-aware)": MAJA's test of February 2018.

A water pixel (MAJA MG2 bit 0, Sen2Cor SCL class 6, or a user's water layer) is cloud when its SWIR
reflectance (B12 by default, B11 selectable) is above ``THRESHOLD`` (0.04), or above
``THRESHOLD_SUNGLINT`` (0.16) where sunglint is likely (``core/cloud.water_clouds``, strict tests).
Sunglint is likely, depending on ``SUNGLINT``:

- per pixel (default): where the glint angle (``core/cloud.glint_angle``) is below ``SUNGLINT_ANGLE``,
  from the product's 5 km sun angle grids and the viewing grids of the SWIR band tested, interpolated
  bilinearly at each pixel centre (``core/cloud.angles_on_pixels``); MAJA itself does not do this;
- the product's scene flag: MAJA's ``SunGlintDetected`` quality index (Theia) or, when the product
  does not carry it (Sen2Cor), MAJA's rule on the mean angles (``core/cloud.scene_sunglint``);
- always, or never.

Comparisons are made in single precision, the precision of the reflectances, so that a reflectance
equal to a threshold is not above it. On a grid finer than the SWIR band (10 m for B12), each pixel is
tested with the value of the band's pixel it lies in (:func:`read_band_pixels`): cubic convolution
would overshoot at shores and invent clouds over water there. The glint angle is only computed where
the two thresholds disagree (and everywhere for its optional output).

Also holds :class:`WaterCloudTest`, the per-window test that neve:refinecloudmask reuses.
"""
import contextlib

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
)

from ..i18n import tr
from .legacy import NeveAlgorithm, cancelled_error
from .dilatemask import add_resolution_parameter
from .inputs import add_product_parameter, add_scale_parameters, check_layer_grids, open_input
from .styles import glint_angle_ramp, style_output, style_ramp_output, water_cloud_legend
from ..pipeline.thresholds import THRESHOLDS
from .legacy import threshold_parameter

SWIR_BANDS = ("B12", "B11")
SUNGLINT_MODES = ("pixel", "scene", "always", "never")
WATER_KINDS = ("nonzero", "mg2", "scl")


def swir_band_labels():
    return [tr("B12 (2190 nm), as MAJA"), tr("B11 (1610 nm), the other SWIR band")]


def sunglint_mode_labels():
    return [tr("Per pixel, from the sun and viewing angle grids"),
            tr("The product's scene flag (MAJA)"),
            tr("Always"),
            tr("Never")]


def water_kind_labels():
    return [tr("Water mask (non-zero values are water)"),
            tr("MAJA MG2 (bit 0 is water)"),
            tr("Sen2Cor SCL (class 6 is water)")]


def grid_factor(fine, coarse):
    """The whole factor by which ``coarse`` is coarser than ``fine`` when both share their upper-left
    corner, CRS and orientation (a pixel of ``fine`` then lies in one pixel of ``coarse``); else None.

    :func:`~..io.raster.aligned_factor` with these further conditions: ``fine`` has columns eastwards
    and rows southwards, the factor is 2 or more and whole to 1e-9, no offset, and ``coarse`` covers
    ``fine``."""
    from ..io.raster import aligned_factor

    t = fine.transform
    aligned = aligned_factor(fine, coarse)
    if aligned is None or t.a <= 0 or t.e >= 0:
        return None
    factor, col, row = aligned
    if factor < 2 or (col, row) != (0, 0) or abs(coarse.transform.a / t.a - factor) > 1e-9:
        return None
    if coarse.width * factor < fine.width or coarse.height * factor < fine.height:
        return None
    return factor


def read_band_pixels(product, band, grid, window):
    """Reflectance of ``band`` on a window of ``grid`` for a threshold test: on a grid finer than the
    band's own (a 20 m band on the 10 m grid), each pixel takes the value of the band's pixel it lies in
    (nearest neighbour), so that the test is made on the band's own values; cubic convolution would
    overshoot at sharp edges (a shore) and invent clouds or shadows there. Otherwise the product
    reader's reading (cubic convolution when resampling)."""
    import numpy as np
    from rasterio.windows import Window

    native = product.bands.get(band)
    if product.kind != "bands" and native and native > abs(grid.transform.a):
        coarse = product.grid(native)
        factor = grid_factor(grid, coarse)
        if factor:
            row0, col0 = int(window.row_off), int(window.col_off)
            height, width = int(window.height), int(window.width)
            r0, c0 = row0 // factor, col0 // factor
            r1 = min((row0 + height - 1) // factor + 1, coarse.height)
            c1 = min((col0 + width - 1) // factor + 1, coarse.width)
            values = product.read_reflectance(band, coarse, Window(c0, r0, c1 - c0, r1 - r0))
            rows = np.arange(row0, row0 + height) // factor - r0
            cols = np.arange(col0, col0 + width) // factor - c0
            return values[rows[:, None], cols[None, :]]
    return product.read_reflectance(band, grid, window)


class GlintField:
    """The glint angle (degrees, float32) at the pixel centres of ``grid``, from a product's sun angle
    grids and the viewing grids of ``band``; a translated error when the product lacks them."""

    def __init__(self, product, grid, band):
        sun = product.sun_angle_grids if product is not None else None
        view = (product.viewing_angle_grids or {}).get(band) if product is not None else None
        if sun is None or view is None:
            name = product.name if product is not None else tr("Band layers")
            raise QgsProcessingException(tr(
                "{product} has no sun and viewing angle grids ({band}) in its metadata, which per-pixel "
                "sunglint needs. Choose the product's scene flag, \"always\" or \"never\" for sunglint."
            ).format(product=name, band=band))
        self.sun, self.view, self.grid = sun, view, grid

    def angles(self, row_start, row_stop, col_start, col_stop):
        """Glint angle on rows ``row_start:row_stop`` and columns ``col_start:col_stop`` of the grid."""
        import numpy as np

        from ..core import cloud

        t = self.grid.transform
        x = t.c + (np.arange(col_start, col_stop) + 0.5) * t.a
        y = t.f + (np.arange(row_start, row_stop) + 0.5) * t.e

        def on_pixels(angle_grid, values, azimuth):
            # AngleGrid rows go south by row_step: a north-up grid's step in y is -row_step.
            return cloud.angles_on_pixels(values, angle_grid.x0, angle_grid.y0, angle_grid.col_step,
                                          -angle_grid.row_step, x, y, azimuth=azimuth)

        return cloud.glint_angle(on_pixels(self.sun, self.sun.zenith, False),
                                 on_pixels(self.sun, self.sun.azimuth, True),
                                 on_pixels(self.view, self.view.zenith, False),
                                 on_pixels(self.view, self.view.azimuth, True))

    def at(self, rows, cols):
        """Glint angle (float32) at the pixels ``(rows, cols)`` of the grid (integer arrays)."""
        import numpy as np

        from ..core import cloud

        t = self.grid.transform
        x = t.c + (np.asarray(cols) + 0.5) * t.a
        y = t.f + (np.asarray(rows) + 0.5) * t.e

        def at_points(angle_grid, values, azimuth):
            return cloud.angles_at_points(values, angle_grid.x0, angle_grid.y0, angle_grid.col_step,
                                          -angle_grid.row_step, x, y, azimuth=azimuth).astype(np.float32)

        return cloud.glint_angle(at_points(self.sun, self.sun.zenith, False),
                                 at_points(self.sun, self.sun.azimuth, True),
                                 at_points(self.view, self.view.zenith, False),
                                 at_points(self.view, self.view.azimuth, True))


def scene_sunglint_flag(product, sunglint_angle):
    """(flag, how it was found): MAJA's SunGlintDetected, else MAJA's rule on the mean angles."""
    from ..core import cloud

    if product is not None:
        flag = product.quality.get("SunGlintDetected")
        if isinstance(flag, bool):
            return flag, tr("the product's SunGlintDetected flag")
        sun = product.sun_angles
        views = [a for a in (product.viewing_angles or {}).values() if a is not None]
        if sun is not None and views:
            flag = cloud.scene_sunglint(sun.zenith, sun.azimuth, [v.zenith for v in views],
                                        [v.azimuth for v in views], sunglint_angle)
            return flag, tr("MAJA's rule on the mean sun and viewing angles")
    name = product.name if product is not None else tr("Band layers")
    raise QgsProcessingException(tr(
        "{product} has neither a sunglint flag nor mean sun and viewing angles, which the scene flag needs. "
        "Choose \"always\" or \"never\" for sunglint.").format(product=name))


def decode_water(values, kind, nodata):
    """(water, no data) of a water layer's values: ``kind`` one of :data:`WATER_KINDS`."""
    import numpy as np

    from ..core import masks

    if kind == "mg2":
        return masks.any_bit_set(values.astype(np.int64, copy=False), [masks.MG2_WATER]), \
            np.zeros(values.shape, bool)
    if kind == "scl":
        return values == masks.SCL_WATER, values == masks.SCL_NODATA
    if nodata is not None and nodata == nodata:
        no_data = values == nodata
    else:
        no_data = np.isnan(values) if values.dtype.kind == "f" else np.zeros(values.shape, bool)
    return (values != 0) & ~no_data, no_data


class WaterCloudTest:
    """Clouds over water on windows of ``grid``: reads SWIR, water and no data, applies the test.

    ``water_layer``: an open rasterio dataset (a user's water layer, decoded as ``water_kind``) or None
    (the product's water: MG2 bit 0, SCL class 6). ``mode``: one of :data:`SUNGLINT_MODES`. With
    ``glint_everywhere`` the glint angle is computed on every pixel (for an output), otherwise only
    around the water pixels.
    """

    def __init__(self, product, grid, swir_band, water_layer, water_kind, mode, threshold,
                 threshold_sunglint, sunglint_angle, glint_everywhere=False, feedback=None):
        import numpy as np

        self.product, self.grid, self.swir_band = product, grid, swir_band
        self.water_layer, self.water_kind = water_layer, water_kind
        self.mode = mode
        self.threshold, self.threshold_sunglint = np.float32(threshold), np.float32(threshold_sunglint)
        self.sunglint_angle = sunglint_angle
        self.glint_everywhere = glint_everywhere
        self.field = GlintField(product, grid, swir_band) if mode == "pixel" or glint_everywhere else None
        self.scene_flag = None
        if mode == "scene":
            self.scene_flag, how = scene_sunglint_flag(product, sunglint_angle)
            if feedback is not None:
                feedback.pushInfo(tr("Sunglint for the whole scene: {flag} ({how}).").format(
                    flag=tr("yes") if self.scene_flag else tr("no"), how=how))
        elif mode in ("always", "never"):
            self.scene_flag = mode == "always"
        if water_layer is None and "MG2" not in product.masks and "SCL" not in product.masks:
            raise QgsProcessingException(tr(
                "{product} has no water mask (MAJA MG2 or Sen2Cor SCL): give a water layer.").format(
                product=product.name))

    def nodata(self, window):
        """The product's no data (EDG, SCL 0) on ``window``."""
        import numpy as np

        if "EDG" in self.product.masks or "SCL" in self.product.masks:
            return self.product.read_mask("nodata", self.grid, window)
        shape = (int(window.height), int(window.width))
        return np.zeros(shape, bool)

    def water(self, window):
        """(water, no data of the water layer) on ``window``."""
        import numpy as np

        from ..io.raster import read_onto_grid

        if self.water_layer is None:
            water = self.product.read_mask("water", self.grid, window)
            return water, np.zeros(water.shape, bool)
        values = read_onto_grid(self.water_layer, self.grid.window_grid(window), resampling="nearest",
                                fill=self.water_layer.nodata if self.water_layer.nodata is not None else 0)
        return decode_water(values, self.water_kind, self.water_layer.nodata)

    def __call__(self, window):
        """(clouds over water, no data, glint angle or None, water) on ``window`` of the grid."""
        import numpy as np

        from ..core import cloud

        swir = read_band_pixels(self.product, self.swir_band, self.grid, window)
        water, water_nodata = self.water(window)
        no_data = self.nodata(window) | np.isnan(swir) | water_nodata
        water &= ~no_data
        glint = None
        if self.field is not None:
            glint = self.window_glint(window, water, swir)
        sunglint = glint if self.mode == "pixel" else self.scene_flag
        found = cloud.water_clouds(swir, water, sunglint, self.threshold, self.threshold_sunglint,
                                   self.sunglint_angle)
        return found & ~no_data, no_data, glint, water

    def window_glint(self, window, water, swir):
        """Glint angle on the window: everywhere when asked (an output), else only on the water pixels
        the two thresholds disagree on (NaN elsewhere, which counts as no sunglint; the other pixels are
        cloud, or not, whatever the sunglint)."""
        import numpy as np

        row0, col0 = int(window.row_off), int(window.col_off)
        height, width = water.shape
        if self.glint_everywhere:
            return self.field.angles(row0, row0 + height, col0, col0 + width)
        glint = np.full(water.shape, np.nan, dtype=np.float32)
        undecided = water & ((swir > self.threshold) != (swir > self.threshold_sunglint))
        rows, cols = np.nonzero(undecided)
        if rows.size:
            glint[rows, cols] = self.field.at(row0 + rows, col0 + cols)
        return glint


def layer_grid(source):
    """The :class:`~..io.raster.Grid` of a raster layer's source."""
    import rasterio

    from ..io.raster import Grid

    with rasterio.open(source) as dataset:
        return Grid.of(dataset)


def add_water_cloud_parameters(algorithm, with_thresholds=True, threshold_help=None):
    """SWIR band, sunglint mode, water kind (and the thresholds of the table) on ``algorithm``."""
    algorithm.add_parameter(
        QgsProcessingParameterEnum("SWIR_BAND", tr("SWIR band"), options=swir_band_labels(), defaultValue=0),
        tr("The band of the test: B12 as MAJA (its parameters: \"SWIR when available\"), or B11."))
    if with_thresholds:
        for name in ("THRESHOLD", "THRESHOLD_SUNGLINT", "SUNGLINT_ANGLE"):
            parameter = threshold_parameter(name)
            if threshold_help:
                parameter.setHelp(parameter.help() + " " + threshold_help)
            algorithm.addParameter(parameter)
    algorithm.add_parameter(
        QgsProcessingParameterEnum("SUNGLINT", tr("Sunglint"), options=sunglint_mode_labels(), defaultValue=0),
        tr("Where the higher threshold applies. Per pixel (default): where the angle between the viewing "
           "direction and the specular reflection of the sun is below the sunglint angle, from the product's "
           "sun and viewing angle grids of the SWIR band (MAJA itself does not do this; needs a product with "
           "angle grids). The product's scene flag: MAJA's SunGlintDetected, or MAJA's rule on the mean angles "
           "when the product has no such flag (Sen2Cor). Always, or never."))
    algorithm.add_parameter(
        QgsProcessingParameterEnum("WATER_KIND", tr("Kind of water layer"), options=water_kind_labels(),
                                   defaultValue=0),
        tr("How to read the water layer: non-zero values are water (a water mask), MAJA MG2 bit 0, or "
           "Sen2Cor SCL class 6."))


def add_layer_grid_parameter(algorithm):
    algorithm.add_parameter(
        QgsProcessingParameterBoolean("RESAMPLE", tr("Resample layers on other grids"), defaultValue=False),
        tr("Layers must lie on the grid of the first one (same CRS, pixel size and extent); a layer on "
           "another grid is refused unless this is ticked: it is then resampled (masks with nearest "
           "neighbour, reflectance with cubic convolution)."), advanced=True)


def open_water_test(algorithm, parameters, context, feedback, stack, want_glint=False, values=None,
                    product=None, grid=None, check_grid=True, reference_name=None):
    """The :class:`WaterCloudTest` of the parameters, with its product and grid: the product of
    ``INPUT_PRODUCT`` or of the SWIR layer. ``values`` (a dict of THRESHOLD, THRESHOLD_SUNGLINT,
    SUNGLINT_ANGLE) replaces the parameters of those names; ``product`` and ``grid`` an opened input;
    ``check_grid=False`` resamples a water layer on another grid (an internal coarser grid);
    ``reference_name`` names the layer whose grid ``grid`` is, in messages (default: the SWIR layer)."""
    import rasterio

    swir_band = SWIR_BANDS[algorithm.parameterAsEnum(parameters, "SWIR_BAND", context)]
    mode = SUNGLINT_MODES[algorithm.parameterAsEnum(parameters, "SUNGLINT", context)]
    water_kind = WATER_KINDS[algorithm.parameterAsEnum(parameters, "WATER_KIND", context)]
    resample = algorithm.parameterAsBool(parameters, "RESAMPLE", context)
    if product is None:
        product = stack.enter_context(open_input(algorithm, parameters, context, feedback,
                                                 bands={swir_band: "SWIR"}, required=[swir_band]))
    if grid is None:
        if product.kind == "bands":
            grid = layer_grid(product.file(swir_band))
        else:
            grid = product.grid(algorithm.parameterAsInt(parameters, "RESOLUTION", context))
    water_layer = algorithm.parameterAsRasterLayer(parameters, "WATER", context)
    water_dataset = None
    if water_layer is not None:
        reference = reference_name or (product.name if product.kind != "bands" else
                                       algorithm.parameterDefinition("SWIR").description())
        check_layer_grids({water_layer.name(): water_layer.source()}, grid, reference,
                          resample or not check_grid)
        water_dataset = stack.enter_context(rasterio.open(water_layer.source()))
    elif product.kind == "bands" and "MG2" not in product.masks and "SCL" not in product.masks:
        raise QgsProcessingException(tr("No water: give the water layer (or a product)."))
    values = values or {name: algorithm.parameterAsDouble(parameters, name, context)
                        for name in ("THRESHOLD", "THRESHOLD_SUNGLINT", "SUNGLINT_ANGLE")}
    test = WaterCloudTest(product, grid, swir_band, water_dataset, water_kind, mode, values["THRESHOLD"],
                          values["THRESHOLD_SUNGLINT"], values["SUNGLINT_ANGLE"], want_glint, feedback)
    return test, product, grid


class WaterCloudsAlgorithm(NeveAlgorithm):
    SWIR = "SWIR"
    WATER = "WATER"
    RESOLUTION = "RESOLUTION"
    OUTPUT = "OUTPUT"
    OUTPUT_GLINT = "OUTPUT_GLINT"
    WATER_CLOUD_PERCENT = "WATER_CLOUD_PERCENT"

    GROUP = "clouds"

    def name(self):
        return "waterclouds"

    def displayName(self):  # noqa: N802 (QGIS API name)
        return tr("Clouds over water (SWIR test, sunglint-aware)")

    def shortDescription(self):  # noqa: N802 (QGIS API name)
        return tr("MAJA's SWIR test for clouds over water (1 cloud over water, 0 not, 255 no data), with "
                  "sunglint per pixel, from the scene flag, always or never.")

    def shortHelpString(self):  # noqa: N802 (QGIS API name)
        return tr(
            "<p>Finds clouds over water as MAJA does since February 2018: a water pixel is cloud when its "
            "SWIR reflectance is above the threshold (0.04 in Theia production since February 2018, 0.08 "
            "before), or above the sunglint threshold (0.16, 0.25 before) where sunglint is likely. Both "
            "tests are strict: a reflectance equal to a threshold is not above it.</p>"
            "<p><b>Water</b>: from the product (MAJA MG2 bit 0, Sen2Cor SCL class 6) or from a water layer "
            "(which replaces the product's water when given).</p>"
            "<p><b>Sunglint</b> per pixel (default): the glint angle, between the viewing direction and the "
            "specular reflection of the sun, is computed at each pixel from the product's 5 km sun and "
            "viewing angle grids of the SWIR band; sunglint is likely where it is below the sunglint angle "
            "(MAJA: 30 degrees). MAJA itself raises one flag for the whole scene, from mean angles: choose "
            "the product's scene flag to do the same.</p>"
            "<p>At 10 m, each pixel is tested with the value of the 20 m SWIR pixel it lies in.</p>"
            "<p>Output: 1 cloud over water, 0 elsewhere, 255 no data; optionally the glint angle in "
            "degrees.</p>")

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        add_product_parameter(self)
        self.add_parameter(
            QgsProcessingParameterRasterLayer(self.SWIR, tr("SWIR reflectance layer"), optional=True),
            tr("The SWIR band (B12, or B11 when chosen) as a layer, used when no product is given; "
               "reflectance = (value + offset) / scale (advanced parameters). Its grid is the output's."))
        self.add_parameter(
            QgsProcessingParameterRasterLayer(self.WATER, tr("Water layer"), optional=True),
            tr("Where the water is: a water mask, a MAJA MG2 or a Sen2Cor SCL (say which below). Needed "
               "without a product; with a product it replaces the product's water."))
        add_water_cloud_parameters(self)
        add_resolution_parameter(self, self.RESOLUTION)
        add_layer_grid_parameter(self)
        add_scale_parameters(self)
        self.add_parameter(QgsProcessingParameterRasterDestination(self.OUTPUT, tr("Clouds over water")))
        self.add_parameter(QgsProcessingParameterRasterDestination(
            self.OUTPUT_GLINT, tr("Glint angle (degrees)"), optional=True, createByDefault=False),
            tr("Optional: the glint angle at each pixel, in degrees (float32), from the product's angle "
               "grids; 0 is the exact specular reflection of the sun."))
        self.addOutput(QgsProcessingOutputNumber(self.WATER_CLOUD_PERCENT,
                                                 tr("Percent of the water pixels found cloudy")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API name)
        import numpy as np

        from ..core import masks
        from ..io import raster
        from ..io.products import ProductError

        self.check_ranges(parameters, context)
        output_path = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        glint_path = self.parameterAsOutputLayer(parameters, self.OUTPUT_GLINT, context) or None
        water_count = cloud_count = 0
        with raster.bounded_gdal_cache(), contextlib.ExitStack() as stack:
            test, _product, grid = open_water_test(self, parameters, context, feedback, stack,
                                                   want_glint=glint_path is not None)
            writer = stack.enter_context(raster.GeoTiffWriter(
                output_path, grid.width, grid.height, grid.crs, grid.transform, "uint8",
                nodata=masks.MASK_NODATA))
            glint_writer = None
            if glint_path:
                glint_writer = stack.enter_context(raster.GeoTiffWriter(
                    glint_path, grid.width, grid.height, grid.crs, grid.transform, "float32",
                    nodata=float("nan")))
            for block in raster.blocks(grid.width, grid.height, raster.DEFAULT_BLOCK_ROWS):
                if feedback.isCanceled():
                    raise cancelled_error()
                try:
                    found, no_data, glint, water = test(block.read)
                except ProductError as error:
                    raise QgsProcessingException(str(error))
                water_count += int(np.count_nonzero(water & ~no_data))
                cloud_count += int(np.count_nonzero(found))
                writer.write(masks.encode_mask(found, no_data), block.write)
                if glint_writer is not None:
                    glint = glint.astype(np.float32, copy=True)
                    glint[no_data] = np.nan
                    glint_writer.write(glint, block.write)
                feedback.setProgress(100.0 * (block.index + 1) / block.count)

        style_output(context, output_path, water_cloud_legend(), tr("Clouds over water"))
        results = {self.OUTPUT: output_path,
                   self.WATER_CLOUD_PERCENT: 100.0 * cloud_count / water_count if water_count else 0.0}
        if glint_path:
            style_ramp_output(context, glint_path, glint_angle_ramp(), tr("Glint angle"))
            results[self.OUTPUT_GLINT] = glint_path
        return results
