"""neve:refinecloudmask, "Refine a cloud mask (Theia recipe)": from a product to a refined CLM in one step.

The recipe of MAJA's February 2018 production change, on any product, with presets or custom values:

1. clouds over water (neve:waterclouds): the SWIR test on water pixels, sunglint-aware;
2. cloud shadows (neve:cloudshadows, optional): each cloud object (the product's clouds of the
   reflectance tests and the clouds over water) projected along the sun direction over the range of
   heights, kept where it best matches dark pixels;
3. buffer (neve:dilatemask): the clouds MAJA masks (CLM bits 1, 2, 3, 7) and the clouds over water,
   buffered by the distance, with the parallax between the bands when asked;
4. ``core/cloud.refine_clm``: a bit mask compatible with MAJA's CLM, each bit keeping its meaning
   (clouds over water join bits 0, 1, 2; projected shadows bits 0 and 5; the buffer bits 0 and 1; no
   data 0 as in MAJA, whose no data is EDG), and a class raster (0 clear, 1 cloud, 2 cloud shadow,
   3 buffer, 255 no data) with a translated legend.

A Sen2Cor SCL is first written as CLM bits: classes 8 and 9 (clouds of medium and high probability) as
bits 0, 1, 2 (a cloud of the mono-temporal tests), class 10 (thin cirrus) as bits 0, 1, 7, class 3
(cloud shadow) as bits 0, 5; class 0 is no data.

Order of the work, so that each input is read once at the output's resolution and memory stays bounded
(about 4 bytes a pixel of the output grid, plus the shadow search on a 20 m grid):

- pass 1, strips: CLM (or SCL), water, SWIR, no data (and the dark band when the shadows are searched on
  the output grid): the clouds over water, kept with the CLM and the no data for the whole raster;
- when the output is finer than 20 m (10 m), the shadows are searched on the product's 20 m grid
  (pass 1 again there, on the 20 m files) and brought back by nearest neighbour;
- the shadow search on the whole raster (``core/cloud.cloud_shadows``);
- pass 2, strips with the buffer's halo: buffer, ``refine_clm``, both outputs written.
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
from .cloudshadows import CASTER_BITS, ShadowSettings, add_shadow_parameters
from .dilatemask import (
    PRODUCT_CLOUD_BITS,
    add_parallax_parameter,
    add_resolution_parameter,
    product_parallax_shifts,
)
from .inputs import (
    INPUT_PRODUCT,
    add_product_parameter,
    add_scale_parameters,
    check_layer_grids,
    metric_pixel_size,
    open_input,
)
from .styles import refined_classes_legend, style_output
from ..pipeline.thresholds import PRESETS, THRESHOLDS, preset_labels
from .legacy import threshold_parameter
from .waterclouds import (
    SWIR_BANDS,
    add_layer_grid_parameter,
    add_water_cloud_parameters,
    grid_factor,
    layer_grid,
    open_water_test,
    read_band_pixels,
)

PRESET_KEYS = ("theia_2018", "theia_2017", "no_buffer", "custom")
RECIPE_THRESHOLDS = ("DISTANCE", "THRESHOLD", "THRESHOLD_SUNGLINT", "SUNGLINT_ANGLE")
SHADOW_RESOLUTION = 20  # metres: the shadow search on a finer output runs on this grid


def preset_option_labels():
    labels = preset_labels()
    return [labels["theia_2018"], labels["theia_2017"], labels["no_buffer"],
            tr("Custom values (the parameters below)")]


def clm_from_scl(scl):
    """CLM bits (uint8) of a Sen2Cor SCL: 8, 9 -> bits 0, 1, 2; 10 -> bits 0, 1, 7; 3 -> bits 0, 5."""
    import numpy as np

    from ..core import masks

    lookup = np.zeros(256, dtype=np.uint8)
    lookup[[masks.SCL_CLOUD_MEDIUM, masks.SCL_CLOUD_HIGH]] = masks.bit_value(
        [masks.CLM_SUMMARY, masks.CLM_ALL_CLOUDS, masks.CLM_MONO_TEMPORAL])
    lookup[masks.SCL_CIRRUS] = masks.bit_value([masks.CLM_SUMMARY, masks.CLM_ALL_CLOUDS, masks.CLM_HIGH_CLOUDS])
    lookup[masks.SCL_CLOUD_SHADOW] = masks.bit_value([masks.CLM_SUMMARY, masks.CLM_SHADOWS])
    return lookup[np.asarray(scl).astype(np.uint8, copy=False)]


def read_clm(product, grid, window):
    """The product's CLM bits on a window (a Sen2Cor SCL written as CLM bits)."""
    if "CLM" in product.masks:
        return product.read_raw("CLM", grid, window)
    return clm_from_scl(product.read_raw("SCL", grid, window))


def coarser_grid(product, grid):
    """(the 20 m grid for the shadow search, its factor) when ``grid`` is finer by a whole factor and
    shares its corner; else (``grid``, 1)."""
    if abs(grid.transform.a) >= SHADOW_RESOLUTION:
        return grid, 1
    coarse = product.grid(SHADOW_RESOLUTION) if product.kind != "bands" else grid.with_resolution(SHADOW_RESOLUTION)
    factor = grid_factor(grid, coarse)
    return (coarse, factor) if factor else (grid, 1)


class RefineCloudMaskAlgorithm(NeveAlgorithm):
    CLM = "CLM"
    SCL = "SCL"
    SWIR = "SWIR"
    WATER = "WATER"
    DARK_BAND = "DARK_BAND"
    PRESET = "PRESET"
    PARALLAX_HEIGHT = "PARALLAX_HEIGHT"
    SHADOWS = "SHADOWS"
    RESOLUTION = "RESOLUTION"
    OUTPUT = "OUTPUT"
    OUTPUT_CLASSES = "OUTPUT_CLASSES"
    CLOUD_PERCENT = "CLOUD_PERCENT"
    SHADOW_PERCENT = "SHADOW_PERCENT"
    BUFFER_PERCENT = "BUFFER_PERCENT"

    GROUP = "clouds"

    def name(self):
        return "refinecloudmask"

    def displayName(self):  # noqa: N802 (QGIS API name)
        return tr("Refine a cloud mask (Theia recipe)")

    def shortDescription(self):  # noqa: N802 (QGIS API name)
        return tr("From a product to a refined MAJA-compatible cloud mask in one step: clouds over water, "
                  "projected shadows and buffer, with Theia's presets or your own values.")

    def shortHelpString(self):  # noqa: N802 (QGIS API name)
        return tr(
            "<p>Applies MAJA's cloud-mask refinements of February 2018 to any Sentinel-2 L2A product, "
            "Theia or Sen2Cor (which does not buffer its clouds), in one step:</p>"
            "<ol><li><b>Clouds over water</b>: a water pixel is cloud when its SWIR reflectance is above the "
            "threshold, or above the sunglint threshold where sunglint is likely (as \"Clouds over "
            "water\");</li>"
            "<li><b>Cloud shadows</b> (optional): each cloud, clouds over water included, projected along the "
            "sun direction over the range of heights, kept where it best matches dark pixels (as \"Cloud "
            "shadows from sun geometry\");</li>"
            "<li><b>Buffer</b>: the clouds MAJA masks (CLM bits 1, 2, 3 and 7, not the thinnest clouds alone) "
            "and the clouds over water, buffered by the distance (as \"Buffer a mask by a distance\"), "
            "with the parallax between the bands when a parallax height is given.</li></ol>"
            "<p><b>Presets</b>: Theia production since February 2018 (buffer 480 m, thresholds 0.04 and "
            "0.16), Theia May 2017 to February 2018 (240 m, 0.08 and 0.25), No buffer (0 m, 0.04 and 0.16; "
            "Sen2Cor does not buffer), or custom values: the buffer distance and the thresholds below apply "
            "only with custom values.</p>"
            "<p><b>Outputs</b>: a bit mask compatible with MAJA's CLM, so that any tool reading CLM reads it: "
            "each bit keeps its meaning, refined (clouds over water join bits 0, 1 and 2; projected shadows "
            "bits 0 and 5; the buffer bits 0 and 1; no data is 0, as in MAJA). A Sen2Cor SCL is written as CLM "
            "bits first (classes 8 and 9: bits 0, 1, 2; 10: bits 0, 1, 7; 3: bits 0, 5). And a class raster: "
            "clear, cloud, cloud shadow, buffer, no data.</p>")

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        add_product_parameter(self)
        self.add_parameter(
            QgsProcessingParameterRasterLayer(self.CLM, tr("MAJA CLM layer"), optional=True),
            tr("Without a product: the MAJA cloud mask CLM (bits) to refine. Its grid is the output's."))
        self.add_parameter(
            QgsProcessingParameterRasterLayer(self.SCL, tr("Sen2Cor SCL layer"), optional=True),
            tr("Without a product and without CLM: the Sen2Cor scene classification, written as CLM bits; its "
               "class 6 is then the water unless a water layer is given."))
        self.add_parameter(
            QgsProcessingParameterRasterLayer(self.SWIR, tr("SWIR reflectance layer"), optional=True),
            tr("Without a product: the SWIR band of the water test (B12, or B11 when chosen)."))
        self.add_parameter(
            QgsProcessingParameterRasterLayer(self.WATER, tr("Water layer"), optional=True),
            tr("Where the water is (a water mask, a MAJA MG2 or a Sen2Cor SCL: say which below). Needed with "
               "a CLM layer; with a product it replaces the product's water."))
        self.add_parameter(
            QgsProcessingParameterRasterLayer(self.DARK_BAND, tr("Dark-test band layer (NIR or SWIR)"),
                                              optional=True),
            tr("Without a product, for the shadows: the NIR (B8A or B8) or SWIR (B11) band of the dark test."))
        self.add_parameter(
            QgsProcessingParameterEnum(self.PRESET, tr("Preset"), options=preset_option_labels(), defaultValue=0),
            tr("The recipe's values: Theia production since February 2018 (480 m, 0.04, 0.16), Theia May 2017 "
               "to February 2018 (240 m, 0.08, 0.25), No buffer (0 m, 0.04, 0.16), or custom values (the "
               "buffer distance, thresholds and sunglint angle below). Sunglint angle: 30 degrees in every "
               "preset (MAJA)."))
        custom_only = tr("Used only with the preset \"Custom values\"; the other presets set it.")
        for name in RECIPE_THRESHOLDS:
            parameter = threshold_parameter(name)
            parameter.setHelp(parameter.help() + " " + custom_only)
            self.addParameter(parameter)
        add_water_cloud_parameters(self, with_thresholds=False)
        add_parallax_parameter(self, self.PARALLAX_HEIGHT)
        self.add_parameter(
            QgsProcessingParameterBoolean(self.SHADOWS, tr("Project cloud shadows"), defaultValue=True),
            tr("Search the shadows of the clouds (clouds over water included) from the sun geometry and add "
               "them as CLM bits 0 and 5. MAJA detects shadows itself, but not those of the clouds over water "
               "it missed before February 2018."))
        add_shadow_parameters(self, with_layer=False)
        add_resolution_parameter(self, self.RESOLUTION)
        add_layer_grid_parameter(self)
        add_scale_parameters(self)
        self.add_parameter(QgsProcessingParameterRasterDestination(
            self.OUTPUT, tr("Refined cloud mask (CLM bits)")))
        self.add_parameter(QgsProcessingParameterRasterDestination(
            self.OUTPUT_CLASSES, tr("Refined cloud classes")))
        self.addOutput(QgsProcessingOutputNumber(self.CLOUD_PERCENT, tr("Cloud, percent of the valid pixels")))
        self.addOutput(QgsProcessingOutputNumber(self.SHADOW_PERCENT,
                                                 tr("Cloud shadow, percent of the valid pixels")))
        self.addOutput(QgsProcessingOutputNumber(self.BUFFER_PERCENT, tr("Buffer, percent of the valid pixels")))

    # -- parameters -------------------------------------------------------------------------------------
    def recipe_values(self, parameters, context):
        """(preset key, {DISTANCE, THRESHOLD, THRESHOLD_SUNGLINT, SUNGLINT_ANGLE})."""
        preset = PRESET_KEYS[self.parameterAsEnum(parameters, self.PRESET, context)]
        if preset == "custom":
            return preset, {name: self.parameterAsDouble(parameters, name, context) for name in RECIPE_THRESHOLDS}
        return preset, {name: float(PRESETS[preset][name]) for name in RECIPE_THRESHOLDS}

    def open_product(self, parameters, context, feedback, stack, swir_band, dark_band, shadows):
        """The product of ``INPUT_PRODUCT`` or of the layers, the output grid (checked) and the name of
        what gives that grid."""
        has_product = bool(self.parameterAsFile(parameters, INPUT_PRODUCT, context))
        resample = self.parameterAsBool(parameters, "RESAMPLE", context)
        bands = {swir_band: self.SWIR}
        if shadows:
            bands[dark_band] = self.DARK_BAND
        required = [swir_band] + ([dark_band] if shadows else [])
        if not has_product:
            if self.parameterAsRasterLayer(parameters, self.CLM, context) is None and \
                    self.parameterAsRasterLayer(parameters, self.SCL, context) is None:
                raise QgsProcessingException(tr(
                    "No input: give a Sentinel-2 L2A product, or the layers (a MAJA CLM or a Sen2Cor SCL, the "
                    "SWIR band, the water and, for the shadows, the dark-test band)."))
        product = stack.enter_context(open_input(self, parameters, context, feedback, bands=bands,
                                                 masks={"CLM": self.CLM, "SCL": self.SCL}, required=required))
        if "CLM" not in product.masks and "SCL" not in product.masks:
            raise QgsProcessingException(
                tr("{product} has no cloud mask (CLM or SCL).").format(product=product.name))
        if product.kind != "bands":
            return product, product.grid(self.parameterAsInt(parameters, self.RESOLUTION, context)), product.name
        reference = "CLM" if "CLM" in product.masks else "SCL"
        reference_layer = self.parameterAsRasterLayer(parameters, reference, context)
        grid = layer_grid(reference_layer.source())
        others = {self.parameterDefinition(self.SWIR).description(): product.file(swir_band)}
        if shadows:
            others[self.parameterDefinition(self.DARK_BAND).description()] = product.file(dark_band)
        if reference == "CLM" and "SCL" in product.masks:
            others[self.parameterDefinition(self.SCL).description()] = product.file("SCL")
        check_layer_grids(others, grid, reference_layer.name(), resample)
        return product, grid, reference_layer.name()

    # -- the recipe -------------------------------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API name)
        import numpy as np

        from ..core import cloud, masks
        from ..io import raster
        from ..io.products import ProductError

        self.check_ranges(parameters, context)
        preset, values = self.recipe_values(parameters, context)
        swir_band = SWIR_BANDS[self.parameterAsEnum(parameters, "SWIR_BAND", context)]
        height = self.parameterAsDouble(parameters, self.PARALLAX_HEIGHT, context)
        shadows_on = self.parameterAsBool(parameters, self.SHADOWS, context)
        settings = ShadowSettings(self, parameters, context) if shadows_on else None
        output_path = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        classes_path = self.parameterAsOutputLayer(parameters, self.OUTPUT_CLASSES, context)
        feedback.pushInfo(tr(
            "Recipe: {preset}; buffer {distance:g} m, SWIR thresholds over water {threshold:g} and {sunglint:g} "
            "with sunglint (below {angle:g} degrees).").format(
            preset=preset_option_labels()[PRESET_KEYS.index(preset)], distance=values["DISTANCE"],
            threshold=values["THRESHOLD"], sunglint=values["THRESHOLD_SUNGLINT"], angle=values["SUNGLINT_ANGLE"]))

        with raster.bounded_gdal_cache(), contextlib.ExitStack() as stack:
            product, grid, source_name = self.open_product(parameters, context, feedback, stack, swir_band,
                                                           settings.dark_band if settings else None, shadows_on)
            pixel_size = metric_pixel_size(grid, source_name)
            distance = values["DISTANCE"]
            if height > 0 and product.kind == "bands":
                raise QgsProcessingException(tr(
                    "The parallax buffer needs a Sentinel-2 L2A product for its viewing angles: give the "
                    "product, or set the parallax height to 0."))
            shifts = product_parallax_shifts(product, height) if height > 0 else None
            buffering = distance > 0 or shifts is not None
            halo = cloud.dilation_halo(distance, pixel_size, shifts) if buffering else 0
            water_test, _, _ = open_water_test(self, parameters, context, feedback, stack, values=values,
                                               product=product, grid=grid, reference_name=source_name)
            shadow_grid, factor = coarser_grid(product, grid) if shadows_on else (grid, 1)
            angles = None
            if shadows_on:
                angles = settings.angles(product if product.kind != "bands" else None, shadow_grid, feedback)
                shadow_test = water_test if factor == 1 else open_water_test(
                    self, parameters, context, feedback, stack, values=values, product=product,
                    grid=shadow_grid, check_grid=False)[0]

            water_cloud_bits = np.uint8(masks.bit_value(cloud.CLM_WATER_CLOUD_BITS))

            def read(block_window, test, target, with_dark):
                """(CLM with the clouds over water joined to bits 0, 1, 2 (the first step of refine_clm,
                made here so that one array holds both), no data, dark pixels, dark band's no data)."""
                try:
                    clm = read_clm(product, target, block_window)
                    water_clouds, no_data, _glint, _water = test(block_window)
                    clm[water_clouds] |= water_cloud_bits
                    if not with_dark:
                        return clm, no_data, None, None
                    reflectance = read_band_pixels(product, settings.dark_band, target, block_window)
                    dark = cloud.dark_pixels(reflectance, settings.dark_threshold)
                    return clm, no_data, dark, np.isnan(reflectance)
                except ProductError as error:
                    raise QgsProcessingException(str(error))

            # Pass 1: the CLM with the clouds over water, and the no data, of the whole raster.
            clm = np.zeros(grid.shape, np.uint8)
            no_data = np.zeros(grid.shape, bool)
            same_grid_shadows = shadows_on and factor == 1
            if same_grid_shadows:
                dark = np.zeros(grid.shape, bool)
                search_nodata = np.zeros(grid.shape, bool)
            for block in raster.blocks(grid.width, grid.height, raster.DEFAULT_BLOCK_ROWS):
                if feedback.isCanceled():
                    raise cancelled_error()
                rows = slice(block.write.row_off, block.write.row_off + block.write.height)
                clm[rows], no_data[rows], dark_part, missing = read(block.read, water_test, grid, same_grid_shadows)
                if same_grid_shadows:
                    dark[rows] = dark_part
                    search_nodata[rows] = no_data[rows] | missing
                feedback.setProgress(35.0 * (block.index + 1) / block.count)

            # The shadows, on the output grid or on the 20 m grid.
            shadow = None
            if shadows_on:
                if factor == 1:
                    casters = masks.any_bit_set(clm, CASTER_BITS) & ~no_data
                else:
                    casters, dark, search_nodata = self.coarse_inputs(shadow_grid, shadow_test, read, feedback)
                if feedback.isCanceled():
                    raise cancelled_error()
                found = settings.shadows(casters, dark, search_nodata, metric_pixel_size(shadow_grid, source_name),
                                         angles)
                shadow = found.mask
                del casters, dark, search_nodata, found
                feedback.pushInfo(tr("Shadows searched on a {resolution:g} m grid.").format(
                    resolution=abs(shadow_grid.transform.a)))
            feedback.setProgress(65.0)

            # Pass 2: buffer and refined CLM, by strips with the buffer's halo.
            writer = stack.enter_context(raster.GeoTiffWriter(
                output_path, grid.width, grid.height, grid.crs, grid.transform, "uint8", nodata=None))
            class_writer = stack.enter_context(raster.GeoTiffWriter(
                classes_path, grid.width, grid.height, grid.crs, grid.transform, "uint8",
                nodata=cloud.CLASS_NODATA))
            counts = np.zeros(256, np.int64)
            for block in raster.blocks(grid.width, grid.height, raster.DEFAULT_BLOCK_ROWS, halo):
                if feedback.isCanceled():
                    raise cancelled_error()
                read_rows = slice(block.read.row_off, block.read.row_off + block.read.height)
                rows = slice(block.write.row_off, block.write.row_off + block.write.height)
                buffer = None
                if buffering:
                    # the clouds MAJA masks, the clouds over water (joined to bits 0, 1, 2) among them
                    clouds = masks.any_bit_set(clm[read_rows], PRODUCT_CLOUD_BITS) & ~no_data[read_rows]
                    buffer = cloud.dilate(clouds, distance, pixel_size, shifts)[block.inner]
                shadow_part = None
                if shadow is not None:
                    shadow_part = shadow[rows] if factor == 1 else upsample(shadow, factor, rows, grid.width)
                bits, classes = cloud.refine_clm(clm[rows], None, shadow_part, buffer, no_data[rows])
                writer.write(bits, block.write)
                class_writer.write(classes, block.write)
                counts += np.bincount(classes.ravel(), minlength=256)
                feedback.setProgress(65.0 + 35.0 * (block.index + 1) / block.count)

        style_output(context, classes_path, refined_classes_legend(), tr("Refined cloud classes"))
        valid = int(counts.sum() - counts[cloud.CLASS_NODATA])

        def percent(value):  # a Python float: qgis_process cannot write numpy numbers
            return 100.0 * int(counts[value]) / valid if valid else 0.0

        return {self.OUTPUT: output_path, self.OUTPUT_CLASSES: classes_path,
                self.CLOUD_PERCENT: percent(cloud.CLASS_CLOUD), self.SHADOW_PERCENT: percent(cloud.CLASS_SHADOW),
                self.BUFFER_PERCENT: percent(cloud.CLASS_BUFFER)}

    def coarse_inputs(self, shadow_grid, shadow_test, read, feedback):
        """Shadow casters, dark pixels and no data on the 20 m grid (read from the product there)."""
        import numpy as np

        from ..core import masks
        from ..io import raster

        casters = np.zeros(shadow_grid.shape, bool)
        dark = np.zeros(shadow_grid.shape, bool)
        search_nodata = np.zeros(shadow_grid.shape, bool)
        for block in raster.blocks(shadow_grid.width, shadow_grid.height, raster.DEFAULT_BLOCK_ROWS):
            if feedback.isCanceled():
                raise cancelled_error()
            rows = slice(block.write.row_off, block.write.row_off + block.write.height)
            clm, no_data, dark_part, missing = read(block.read, shadow_test, shadow_grid, True)
            casters[rows] = masks.any_bit_set(clm, CASTER_BITS) & ~no_data
            dark[rows] = dark_part
            search_nodata[rows] = no_data | missing
            feedback.setProgress(35.0 + 15.0 * (block.index + 1) / block.count)
        return casters, dark, search_nodata


def upsample(coarse, factor, rows, width):
    """Rows ``rows`` of the fine grid (``factor`` times finer, same corner) from the boolean ``coarse``
    raster, by nearest neighbour."""
    import numpy as np

    fine_rows = np.arange(rows.start, rows.stop) // factor
    fine_cols = np.arange(width) // factor
    return coarse[fine_rows[:, None], fine_cols[None, :]]
