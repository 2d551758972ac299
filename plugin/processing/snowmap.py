"""neve:snowmap, "Snow map (Theia/LIS method)": the two-pass snow map of the Theia Snow collection.

The method is ``core/snow.py``, step by step (DOMAIN.md section 5); this module reads the inputs onto the
20 m grid, runs the steps over the image in strips and writes the outputs.

Two sweeps, because the snowline needs pass 1 over the whole image before pass 2 can run:

1. read every strip once: green and red at 10 m brought to 20 m (``snow.cubic_downsample``, GDAL's cubic
   warp as LIS calls it), SWIR, the cloud mask, the DEM (cubic spline onto the 20 m grid, any CRS), MG2
   and the tree cover; run pass 1 and keep what pass 2 needs (the 20 m digital numbers, one byte of
   flags, the DEM) in memory, or in a temporary folder when the image is large (deleted at the end, also
   on error or cancel);
2. the elevation histogram of the kept DEM and pass-1 snow gives the snowline zs;
3. the kept strips, read again with a halo for the 240 m red of the dark-cloud test, give pass 2, the map
   and the optional outputs, written block by block to temporary files renamed only when all succeeded.
"""
import contextlib
import math
import os
import tempfile

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterVectorDestination,
    QgsProcessingUtils,
)

from ..core.defaults import LIS_DEFAULTS
from ..i18n import tr
from .base import NeveAlgorithm, cancelled_error
from .inputs import add_product_parameter, add_scale_parameters, open_input
from .styles import fsc_ramp, qc_legend, snow_bits_legend, snow_map_legend, style_output, style_ramp_output
from .thresholds import THRESHOLDS

#: Rows of the 20 m grid per strip (read at call time: tests use small strips). Strips of 128 rows keep the
#: work arrays of a strip in the processor's cache better than larger ones (measured: a fifth less CPU time
#: than 512 on a full tile) and memory low; the 240 m red needs 20 rows of halo on each side.
BLOCK_ROWS = 128
#: GDAL's block cache while the inputs stream through (strips are read once; the cache only needs the
#: tiles shared by two strips).
GDAL_CACHE_MB = 64
#: What is kept between the two sweeps stays in memory up to this size, else goes to a temporary folder.
SCRATCH_IN_MEMORY_MB = 768

MASK_TYPES = ("clm", "scl", "binary")
FSC_FORMULAS = ("gascoin2020", "linear")

# Flags kept between the sweeps, one byte per pixel.
FLAG_SNOW1, FLAG_ALL_CLOUD, FLAG_SHADOW, FLAG_HIGH, FLAG_WATER, FLAG_MG2_BIT6, FLAG_MG2_BIT7 = (
    1, 2, 4, 8, 16, 32, 64)

# Codes of the thresholds problems of core.snow.threshold_errors, as parameter names.
THRESHOLD_PARAMETERS = {"ndsi_pass1": "NDSI_PASS1", "red_pass1": "RED_PASS1", "ndsi_pass2": "NDSI_PASS2",
                        "red_pass2": "RED_PASS2", "dz": "DZ", "resize_factor": "RESIZE_FACTOR",
                        "fsnow_lim": "FSNOW_LIM", "fclear_lim": "FCLEAR_LIM",
                        "fsnow_total_lim": "FSNOW_TOTAL_LIM", "nodata_code": "NODATA_CODE"}


def cloud_mask_type_labels():
    return [
        tr("MAJA cloud mask CLM (bits)"),
        tr("Sen2Cor scene classification SCL (classes)"),
        tr("Binary cloud mask (non-zero = cloud)"),
    ]


def fsc_formula_labels():
    return [
        tr("Gascoin et al. 2020: 0.5 tanh(2.65 NDSI - 1.42) + 0.5"),
        tr("Linear (older LIS): 1.45 NDSI - 0.01"),
    ]


class SnowMapAlgorithm(NeveAlgorithm):
    GREEN = "GREEN"
    RED = "RED"
    SWIR = "SWIR"
    CLOUD_MASK = "CLOUD_MASK"
    CLOUD_MASK_TYPE = "CLOUD_MASK_TYPE"
    DEM = "DEM"
    TCD = "TCD"
    DZ = "DZ"
    FSNOW_LIM = "FSNOW_LIM"
    FCLEAR_LIM = "FCLEAR_LIM"
    FSNOW_TOTAL_LIM = "FSNOW_TOTAL_LIM"
    RESIZE_FACTOR = "RESIZE_FACTOR"
    NODATA_CODE = "NODATA_CODE"
    SNOWLINE_COUNT_NODATA = "SNOWLINE_COUNT_NODATA"
    FSC_FORMULA = "FSC_FORMULA"
    OUTPUT = "OUTPUT"
    OUTPUT_BITS = "OUTPUT_BITS"
    OUTPUT_NDSI = "OUTPUT_NDSI"
    OUTPUT_FSC = "OUTPUT_FSC"
    OUTPUT_FSC_OG = "OUTPUT_FSC_OG"
    OUTPUT_QC = "OUTPUT_QC"
    OUTPUT_VECTOR = "OUTPUT_VECTOR"
    OUTPUT_HTML_FILE = "OUTPUT_HTML_FILE"
    SNOWLINE_ELEVATION = "SNOWLINE_ELEVATION"
    SNOW_PERCENT = "SNOW_PERCENT"
    CLOUD_PERCENT = "CLOUD_PERCENT"

    GROUP = "snow"

    def name(self):
        return "snowmap"

    def displayName(self):  # noqa: N802 (QGIS API name)
        return tr("Snow map (Theia/LIS method)")

    def shortDescription(self):  # noqa: N802 (QGIS API name)
        return tr("The 20 m snow map of the Theia Snow collection (0 no snow, 100 snow, 205 cloud) made with "
                  "the two passes of Let-It-Snow, with your thresholds, on Theia or Sen2Cor products.")

    def shortHelpString(self):  # noqa: N802 (QGIS API name)
        return tr(
            "<p>Maps snow at 20 m with the method of the Theia Snow collection, Let-It-Snow (LIS): with the "
            "default thresholds (the LIS defaults) the map is the one LIS makes from the same product.</p>"
            "<p><b>Inputs</b>: a Theia (MAJA) or Sen2Cor L2A product, or the green (B3), red (B4) and SWIR "
            "(B11) bands as layers; a cloud mask (the product's own, or a layer such as the output of "
            "<i>neve:refinecloudmask</i>); a digital elevation model in any CRS and resolution (resampled "
            "onto the 20 m grid with cubic splines). Green and red are brought from 10 m to 20 m with "
            "cubic convolution, as LIS does.</p>"
            "<p><b>Method</b> (reflectances in 0..1, all comparisons strict): 1. cloud layers from the "
            "mask; 2. dark-cloud test: the red band averaged over 240 m (resize factor 12); cloud pixels "
            "whose averaged red is not above the dark-cloud threshold leave the cloud mask (shadows and "
            "high clouds stay); 3. back to cloud: original cloud pixels with a red above the back-to-cloud "
            "threshold are mapped as cloud unless snow is found there; 4. pass 1 on cloud-free pixels: "
            "NDSI and red above the pass-1 thresholds; 5. snowline: the DEM is cut into elevation bands of "
            "DZ metres; the lowest band where more than FCLEAR_LIM of the pixels are clear and more than "
            "FSNOW_LIM of the clear pixels are snow gives the snowline, two bands lower; 6. pass 2, above "
            "the snowline only, on pixels outside the refined cloud mask: NDSI and red above the pass-2 "
            "thresholds; it runs only when pass 1 found snow on more than FSNOW_TOTAL_LIM of the image; "
            "7. the map: 100 snow, else 205 cloud, else 0; no data where the SWIR band has none.</p>"
            "<p>Without a DEM, pass 2 is skipped. Defaults: LIS parameter schema (Theia Snow collection); "
            "no-data code 255 since LIS 1.6 (254 before).</p>"
            "<p><b>Outputs</b>: the map; optionally the LIS bit field of intermediate layers (bit 0 pass-1 "
            "snow, 1 pass-2 snow, 2 cloud before refinement, 3 refined cloud, 4 original cloud, 5 slope "
            "flag MG2 &gt;= 64), the NDSI, the fractional snow cover on top of canopy (FSC, percent), and "
            "with a tree cover density layer the on-ground FSC and the QC flags; snow and cloud polygons "
            "(GeoPackage); an HTML report with the elevation histogram and the snowline; the snowline "
            "elevation and the snow and cloud percentages as numbers for the modeler.</p>")

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        add_product_parameter(self)
        for name, label, help_text in (
                (self.GREEN, tr("Green band (B3)"), tr("Used when no product is given: the green band (B3, "
                                                       "10 m or 20 m) as digital numbers.")),
                (self.RED, tr("Red band (B4)"), tr("Used when no product is given: the red band (B4, 10 m "
                                                   "or 20 m) as digital numbers.")),
                (self.SWIR, tr("SWIR band (B11)"), tr("Used when no product is given: the SWIR band (B11, "
                                                      "20 m). The map is made on its grid, and its no-data "
                                                      "pixels are the map's no data."))):
            self.add_parameter(QgsProcessingParameterRasterLayer(name, label, optional=True), help_text)
        add_scale_parameters(self)
        self.add_parameter(
            QgsProcessingParameterRasterLayer(self.CLOUD_MASK, tr("Cloud mask"), optional=True),
            tr("A cloud mask layer, for example the output of neve:refinecloudmask or of neve:cloudmask. With a "
               "product it replaces the product's own mask (CLM or SCL); without a "
               "product it is required. Pixels equal to the layer's no-data value are not cloud."))
        self.add_parameter(
            QgsProcessingParameterEnum(self.CLOUD_MASK_TYPE, tr("Kind of cloud mask"),
                                       options=cloud_mask_type_labels(), defaultValue=0),
            tr("How to read the cloud mask layer. MAJA CLM bits: any bit is cloud, bits 5 and 6 are shadows "
               "and bit 7 high clouds, which stay cloud whatever the dark-cloud test says. Sen2Cor SCL: "
               "classes 3, 8, 9 and 10 are cloud, 3 is shadow and 10 high cloud. Binary: non-zero is cloud, "
               "with no shadow or high cloud."))
        self.add_parameter(
            QgsProcessingParameterRasterLayer(self.DEM, tr("Digital elevation model"), optional=True),
            tr("Elevations in metres, in any CRS and resolution: resampled onto the 20 m grid with cubic "
               "splines. Pixels without elevation get no pass 2. Without a DEM, pass 2 is skipped."))
        self.add_parameter(
            QgsProcessingParameterRasterLayer(self.TCD, tr("Tree cover density"), optional=True),
            tr("Tree cover density in percent (0 to 100, above 100 unknown), such as the Copernicus layer LIS "
               "uses. Needed for the on-ground fractional snow cover and the QC flags."))
        for name in ("NDSI_PASS1", "RED_PASS1", "NDSI_PASS2", "RED_PASS2", "RED_DARKCLOUD", "RED_BACKTOCLOUD"):
            self.addParameter(THRESHOLDS[name].parameter())
        self.add_parameter(
            QgsProcessingParameterNumber(self.DZ, tr("Elevation band height (m)"),
                                         QgsProcessingParameterNumber.Double, defaultValue=LIS_DEFAULTS["DZ"],
                                         minValue=0.0),
            tr("Height of the elevation bands of the snowline histogram, in metres. LIS default 100."))
        self.add_parameter(
            QgsProcessingParameterNumber(self.FSNOW_LIM, tr("Snow fraction of a snowy band"),
                                         QgsProcessingParameterNumber.Double,
                                         defaultValue=LIS_DEFAULTS["FSNOW_LIM"], minValue=0.0, maxValue=1.0),
            tr("An elevation band is snowy when more than this fraction of its clear pixels are pass-1 snow "
               "(0 to 1). LIS default 0.10."))
        self.add_parameter(
            QgsProcessingParameterNumber(self.FCLEAR_LIM, tr("Clear fraction of a snowy band"),
                                         QgsProcessingParameterNumber.Double,
                                         defaultValue=LIS_DEFAULTS["FCLEAR_LIM"], minValue=0.0, maxValue=1.0),
            tr("An elevation band counts only when more than this fraction of its pixels are clear "
               "(0 to 1). LIS default 0.10."))
        self.add_parameter(
            QgsProcessingParameterNumber(self.FSNOW_TOTAL_LIM, tr("Snow fraction needed for pass 2"),
                                         QgsProcessingParameterNumber.Double,
                                         defaultValue=LIS_DEFAULTS["FSNOW_TOTAL_LIM"], minValue=0.0,
                                         maxValue=1.0),
            tr("Pass 2 runs only when pass 1 found snow on more than this fraction of the image (0 to 1). "
               "LIS default 0.001 (0.1 %)."))
        self.add_parameter(
            QgsProcessingParameterNumber(self.RESIZE_FACTOR, tr("Resize factor of the dark-cloud test"),
                                         QgsProcessingParameterNumber.Integer,
                                         defaultValue=LIS_DEFAULTS["RESIZE_FACTOR"], minValue=1),
            tr("The red band is averaged over this many 20 m pixels (12: 240 m) for the dark-cloud test. "
               "LIS default 12."), advanced=True)
        self.add_parameter(
            QgsProcessingParameterNumber(self.NODATA_CODE, tr("No-data code of the map"),
                                         QgsProcessingParameterNumber.Integer,
                                         defaultValue=LIS_DEFAULTS["NODATA_CODE"], minValue=254, maxValue=255),
            tr("Value of the map's no-data pixels: 255 (LIS 1.6 and later, the Theia Snow collection today) "
               "or 254 (LIS up to 1.5)."))
        self.add_parameter(
            QgsProcessingParameterBoolean(self.SNOWLINE_COUNT_NODATA,
                                          tr("Count no-data pixels in the snowline histogram (as LIS)"),
                                          defaultValue=True),
            tr("LIS builds the elevation histogram over every pixel, no data included, so that no-data "
               "pixels count as clear and snow-free; the map is LIS's only that way. Uncheck to leave them "
               "out (the snowline then ignores the swath edge)."), advanced=True)
        self.add_parameter(
            QgsProcessingParameterEnum(self.FSC_FORMULA, tr("Fractional snow cover formula"),
                                       options=fsc_formula_labels(), defaultValue=0),
            tr("How the NDSI of a snow pixel gives its fractional snow cover: Gascoin et al. 2020, calibrated "
               "on Sentinel-2 (LIS default), or the older linear formula."), advanced=True)

        self.add_parameter(QgsProcessingParameterRasterDestination(self.OUTPUT, tr("Snow map")),
                           tr("0 no snow, 100 snow, 205 cloud, the no-data code where the SWIR band has no "
                              "data (uint8)."))
        for name, label, help_text in (
                (self.OUTPUT_BITS, tr("Bit field of the intermediate layers"),
                 tr("LIS's bit field: bit 0 pass-1 snow, 1 pass-2 snow, 2 cloud before refinement, 3 refined "
                    "cloud, 4 original cloud, 5 slope flag (MG2 >= 64).")),
                (self.OUTPUT_NDSI, tr("NDSI"), tr("The NDSI (float32), no data where the map has none.")),
                (self.OUTPUT_FSC, tr("Fractional snow cover on top of canopy"),
                 tr("FSC in percent (1 to 100) on snow pixels; 0 no snow, 205 cloud, the no-data code.")),
                (self.OUTPUT_FSC_OG, tr("Fractional snow cover on ground"),
                 tr("Needs the tree cover density: FSC / (1 - tree cover), in percent; codes as the FSC.")),
                (self.OUTPUT_QC, tr("Quality flags of the fractional snow cover"),
                 tr("Needs the tree cover density. Bits: 0 sun too low, 1 sun tangent, 2 water, 3 tree cover "
                    "above 90 %, 4 snow under thin cloud, 5 tree cover unknown, 6 shaded snow (not "
                    "computed)."))):
            self.add_parameter(QgsProcessingParameterRasterDestination(name, label, optional=True,
                                                                       createByDefault=False), help_text)
        self.add_parameter(
            QgsProcessingParameterVectorDestination(self.OUTPUT_VECTOR, tr("Snow and cloud polygons"),
                                                    optional=True, createByDefault=False),
            tr("Polygons of the snow (DN 100) and cloud (DN 205) pixels of the map, in a GeoPackage, with the "
               "fields DN and class."))
        self.add_parameter(
            QgsProcessingParameterFileDestination(self.OUTPUT_HTML_FILE, tr("Report"),
                                                  tr("HTML files (*.html)"), optional=True,
                                                  createByDefault=True),
            tr("An HTML page with the elevation histogram (snow, cloud and clear fractions per band, the "
               "snowline marked) and the numbers of the run."))
        self.addOutput(QgsProcessingOutputNumber(self.SNOWLINE_ELEVATION, tr("Snowline elevation (m)")))
        self.addOutput(QgsProcessingOutputNumber(self.SNOW_PERCENT, tr("Snow (% of the valid pixels)")))
        self.addOutput(QgsProcessingOutputNumber(self.CLOUD_PERCENT, tr("Cloud (% of the valid pixels)")))

    # ----------------------------------------------------------------------------------------------

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API name)
        from ..io.raster import bounded_gdal_cache

        settings = self.read_settings(parameters, context)
        outputs = self.read_destinations(parameters, context)
        with bounded_gdal_cache(GDAL_CACHE_MB), contextlib.ExitStack() as stack:
            inputs = SnowInputs(self, parameters, context, feedback, settings, stack)
            if inputs.tcd is None and (outputs[self.OUTPUT_FSC_OG] or outputs[self.OUTPUT_QC]):
                raise QgsProcessingException(tr(
                    "The on-ground fractional snow cover and the QC flags need a tree cover density layer "
                    "(TCD)."))
            run = SnowRun(self, inputs, settings, outputs, feedback, stack)
            run.first_sweep()
            run.snowline()
            run.second_sweep()
            run.finish()
        results = run.results()
        self.style_outputs(context, outputs, settings, run)
        return results

    # ----------------------------------------------------------------------------------------------

    def read_settings(self, parameters, context):
        """The thresholds and options, checked (a translated message for each problem)."""
        from ..core import snow

        settings = {name: self.parameterAsDouble(parameters, name, context)
                    for name in ("NDSI_PASS1", "RED_PASS1", "NDSI_PASS2", "RED_PASS2", "RED_DARKCLOUD",
                                 "RED_BACKTOCLOUD", self.DZ, self.FSNOW_LIM, self.FCLEAR_LIM,
                                 self.FSNOW_TOTAL_LIM)}
        settings[self.RESIZE_FACTOR] = self.parameterAsInt(parameters, self.RESIZE_FACTOR, context)
        settings[self.NODATA_CODE] = self.parameterAsInt(parameters, self.NODATA_CODE, context)
        settings[self.SNOWLINE_COUNT_NODATA] = self.parameterAsBool(parameters, self.SNOWLINE_COUNT_NODATA,
                                                                    context)
        settings[self.FSC_FORMULA] = FSC_FORMULAS[self.parameterAsEnum(parameters, self.FSC_FORMULA, context)]
        settings[self.CLOUD_MASK_TYPE] = MASK_TYPES[self.parameterAsEnum(parameters, self.CLOUD_MASK_TYPE,
                                                                         context)]
        problems = snow.threshold_errors(**{name.lower(): value for name, value in settings.items()
                                            if name.lower() in THRESHOLD_PARAMETERS})
        if problems:
            raise QgsProcessingException(" ".join(threshold_message(code, THRESHOLD_PARAMETERS[name], settings)
                                                  for code, name in problems))
        return settings

    def read_destinations(self, parameters, context):
        outputs = {self.OUTPUT: self.parameterAsOutputLayer(parameters, self.OUTPUT, context)}
        for name in (self.OUTPUT_BITS, self.OUTPUT_NDSI, self.OUTPUT_FSC, self.OUTPUT_FSC_OG, self.OUTPUT_QC,
                     self.OUTPUT_VECTOR):
            outputs[name] = self.parameterAsOutputLayer(parameters, name, context) or None
        outputs[self.OUTPUT_HTML_FILE] = self.parameterAsFileOutput(parameters, self.OUTPUT_HTML_FILE,
                                                                    context) or None
        if not outputs[self.OUTPUT]:
            raise QgsProcessingException(tr("No output file was given for the snow map."))
        if outputs[self.OUTPUT_VECTOR] and not outputs[self.OUTPUT_VECTOR].lower().endswith(".gpkg"):
            raise QgsProcessingException(tr(
                "The snow and cloud polygons are written as a GeoPackage: give a file name ending in .gpkg "
                "(not {path}).").format(path=outputs[self.OUTPUT_VECTOR]))
        return outputs

    def style_outputs(self, context, outputs, settings, run):
        code = settings[self.NODATA_CODE]
        style_output(context, outputs[self.OUTPUT], snow_map_legend(code), tr("Snow map"))
        if outputs[self.OUTPUT_BITS]:
            style_output(context, outputs[self.OUTPUT_BITS], snow_bits_legend(run.bits_present),
                         tr("Bit field of the intermediate layers"))
        for name, label in ((self.OUTPUT_FSC, tr("Fractional snow cover on top of canopy")),
                            (self.OUTPUT_FSC_OG, tr("Fractional snow cover on ground"))):
            if outputs[name]:
                style_ramp_output(context, outputs[name], fsc_ramp(code), label, discrete=True)
        if outputs[self.OUTPUT_QC]:
            style_output(context, outputs[self.OUTPUT_QC], qc_legend(run.qc_present),
                         tr("Quality flags of the fractional snow cover"))


def threshold_message(code, parameter, settings):
    """The translated message of a problem code of ``core.snow.threshold_errors``."""
    from ..core import snow

    if code == snow.ERROR_NDSI_PASS2_ABOVE_PASS1:
        return tr("The NDSI threshold of pass 2 ({pass2:g}) is above that of pass 1 ({pass1:g}): pass 2 must "
                  "not be stricter than pass 1.").format(pass2=settings["NDSI_PASS2"], pass1=settings["NDSI_PASS1"])
    if code == snow.ERROR_RED_PASS2_ABOVE_PASS1:
        return tr("The red threshold of pass 2 ({pass2:g}) is above that of pass 1 ({pass1:g}): pass 2 must "
                  "not be stricter than pass 1.").format(pass2=settings["RED_PASS2"], pass1=settings["RED_PASS1"])
    if code == snow.ERROR_NOT_POSITIVE:
        return tr("{parameter} must be above 0 (it is {value:g}).").format(parameter=parameter,
                                                                          value=settings[parameter])
    if code == snow.ERROR_NOT_FRACTION:
        return tr("{parameter} is a fraction: it must lie between 0 and 1 (it is {value:g}).").format(
            parameter=parameter, value=settings[parameter])
    return tr("The no-data code must be 254 or 255 (it is {value}).").format(value=settings[parameter])


def read_error(path, error):
    return QgsProcessingException(tr(
        "Could not read {file}: the file is damaged or truncated (GDAL: {error}).").format(file=path, error=error))


# --------------------------------------------------------------------------------------------------
# Inputs on the 20 m grid
# --------------------------------------------------------------------------------------------------

class BandReader:
    """Digital numbers of one band on strips of the output grid: read as they are when the band is on
    that grid, brought from a finer grid whose pixels it groups by ``snow.cubic_downsample`` (LIS's cubic
    warp, 10 m to 20 m), warped by GDAL (cubic) from any other grid."""

    def __init__(self, dataset, grid, nodata):
        from ..io.raster import Grid, aligned_factor

        self.dataset, self.grid, self.nodata = dataset, grid, nodata
        self.source = Grid.of(dataset)
        self.fill = nodata if nodata is not None else 0
        self.aligned = aligned_factor(self.source, grid)
        self.mode = "warp" if self.aligned is None else ("same" if self.aligned[0] == 1 else "aligned")
        self.dtype = dataset.dtypes[0]

    def read(self, window):
        from rasterio.windows import Window

        from ..core import snow
        from ..io.raster import RasterReadError, read_onto_grid

        try:
            target = self.grid.window_grid(window)
            if self.mode == "same":
                return read_onto_grid(self.dataset, target, fill=self.fill)
            if self.mode == "warp":
                return read_onto_grid(self.dataset, target, resampling="cubic", nodata=self.nodata,
                                      fill=self.fill)
            factor, col, row = self.aligned
            margin = snow.cubic_halo(factor)
            top = row + factor * int(window.row_off) - margin
            left = col + factor * int(window.col_off) - margin
            rows = factor * int(window.height) + 2 * margin
            cols = factor * int(window.width) + 2 * margin
            fine = read_onto_grid(self.dataset, self.source.window_grid(Window(left, top, cols, rows)),
                                  fill=self.fill)
        except RasterReadError as error:
            raise read_error(error.path, error.detail)
        values, _invalid = snow.cubic_downsample(fine, factor, self.nodata, first_row=top, first_col=left,
                                                 height=self.source.height, width=self.source.width)
        return values


class SnowInputs:
    """The inputs of the method on the output grid: the product or layers, the cloud mask, the DEM, the
    tree cover, resolved and checked before anything is written."""

    def __init__(self, algorithm, parameters, context, feedback, settings, stack):
        from ..io.products import ProductError
        from ..io.raster import Grid, RasterReadError, open_raster

        alg = algorithm
        self.warnings = []      # shown at the end, in the log and the report
        self.product = stack.enter_context(open_input(
            alg, parameters, context, feedback,
            bands={"B3": alg.GREEN, "B4": alg.RED, "B11": alg.SWIR}, required=("B3", "B4", "B11")))
        product = self.product
        self.name = product.name

        def open_path(path):
            try:
                return stack.enter_context(open_raster(path))
            except RasterReadError as error:
                raise read_error(error.path, error.detail)

        def layer_source(name):
            layer = alg.parameterAsRasterLayer(parameters, name, context)
            return layer.source() if layer is not None else None

        # the grid: the product's 20 m grid, or the SWIR layer's
        try:
            swir_path = product.file("B11", 20)
            swir = open_path(swir_path)
            self.grid = product.grid(20) if product.kind != "bands" else Grid.of(swir)
        except ProductError as error:
            raise QgsProcessingException(str(error))

        self.bands = {}
        for band, parameter in (("B3", alg.GREEN), ("B4", alg.RED), ("B11", alg.SWIR)):
            dataset = swir if band == "B11" else open_path(product.file(band, 10))
            if product.kind == "bands":
                self.check_crs(dataset, alg.parameterDefinition(parameter).description())
            nodata = product.reflectance_nodata if product.reflectance_nodata is not None else dataset.nodata
            self.bands[band] = BandReader(dataset, self.grid, nodata)
        self.scale = float(product.reflectance_scale)
        self.offsets = {band: float(product.reflectance_offsets.get(band, 0.0)) for band in self.bands}

        # the cloud mask: a layer, else the product's own
        mask_source = layer_source(alg.CLOUD_MASK)
        self.mask_type = settings[alg.CLOUD_MASK_TYPE]
        self.mask_dataset = None
        if mask_source:
            self.mask_dataset = open_path(mask_source)
            self.check_mask(self.mask_dataset, alg.parameterDefinition(alg.CLOUD_MASK).description())
            self.mask_name = os.path.basename(mask_source)
        elif "CLM" in product.masks:
            self.mask_type, self.mask_name = "clm", "CLM"
        elif "SCL" in product.masks:
            self.mask_type, self.mask_name = "scl", "SCL"
        elif product.kind == "bands":
            raise QgsProcessingException(tr("No cloud mask: give a cloud mask layer with the bands."))
        else:
            raise QgsProcessingException(tr(
                "{product} has no cloud mask (CLM or SCL): give a cloud mask layer.").format(product=product.name))
        self.has_mg2 = "MG2" in product.masks
        self.has_water = bool({"MG2", "SCL"} & set(product.masks)) and product.kind != "bands"

        # DEM and tree cover
        self.dem = None
        dem_source = layer_source(alg.DEM)
        if dem_source:
            self.dem = open_path(dem_source)
            self.check_crs(self.dem, alg.parameterDefinition(alg.DEM).description())
            self.dem_covers = overlaps(self.dem, self.grid)
            if not self.dem_covers:
                self.warnings.append(tr("The DEM does not cover the scene: pass 2 is skipped."))
        else:
            self.warnings.append(tr("No DEM was given: pass 2 (above the snowline) is skipped."))
        self.tcd = None
        tcd_source = layer_source(alg.TCD)
        if tcd_source:
            self.tcd = open_path(tcd_source)
            self.check_crs(self.tcd, alg.parameterDefinition(alg.TCD).description())

    def check_crs(self, dataset, label):
        if dataset.crs is None and (self.grid.crs is not None or dataset.transform != self.grid.transform):
            raise QgsProcessingException(tr(
                "{layer} ({file}) has no coordinate reference system: Névé cannot place it on the map's grid."
            ).format(layer=label, file=dataset.name))

    def check_mask(self, dataset, label):
        import numpy as np

        self.check_crs(dataset, label)
        dtype = np.dtype(dataset.dtypes[0])
        if dtype.kind not in "ui":
            raise QgsProcessingException(tr(
                "{name} holds {dtype} values: a cloud mask holds whole numbers. Is it a reflectance band rather "
                "than a mask?").format(name=os.path.basename(dataset.name), dtype=dtype.name))
        if self.mask_type in ("clm", "scl") and dtype != np.uint8:
            raise QgsProcessingException(tr(
                "{name} holds {dtype} values, but MAJA masks and the Sen2Cor SCL are 8-bit (uint8). Is this "
                "the right file, or should the kind of cloud mask be \"Binary\"?").format(
                name=os.path.basename(dataset.name), dtype=dtype.name))

    # reading one strip (a window of the output grid)
    def read_cloud_layers(self, window):
        """Cloud layers of step 1 on ``window``."""
        import numpy as np

        from ..core import snow
        from ..io.raster import RasterReadError, read_onto_grid

        if self.mask_dataset is not None:
            try:
                values = read_onto_grid(self.mask_dataset, self.grid.window_grid(window), fill=0)
            except RasterReadError as error:
                raise read_error(error.path, error.detail)
            if self.mask_dataset.nodata is not None:
                values = np.where(values == self.mask_dataset.nodata, 0, values)
        else:
            values = self.read_product("read_raw", self.mask_name, window)
        if self.mask_type == "scl":
            if values.max(initial=0) > 11:
                raise QgsProcessingException(tr(
                    "The cloud mask {name} holds the value {value}, but a Sen2Cor scene classification only "
                    "has classes 0 to 11. Is it the SCL file, or should the kind of cloud mask be another?"
                ).format(name=self.mask_name, value=int(values.max())))
            return snow.cloud_layers_from_scl(values)
        if self.mask_type == "clm":
            return snow.cloud_layers_from_clm(values)
        return snow.cloud_layers_from_mask(values)

    def read_product(self, method, name, window):
        from ..io.products import ProductError

        try:
            return getattr(self.product, method)(name, self.grid, window)
        except ProductError as error:
            raise QgsProcessingException(str(error))

    def read_dem(self, window):
        """Elevations (float32, NaN without DEM) on ``window``; None without a DEM."""
        return self.read_resampled(self.dem, window, "cubic_spline") if self.dem is not None else None

    def read_tcd(self, window):
        """Tree cover density (percent, float32; 255 = unknown) on ``window``; None without TCD."""
        import numpy as np

        if self.tcd is None:
            return None
        values = self.read_resampled(self.tcd, window, "nearest")
        return np.where(np.isnan(values), np.float32(255), values)

    def read_resampled(self, dataset, window, resampling):
        import numpy as np

        from ..io.raster import RasterReadError, read_onto_grid

        nodata = dataset.nodata

        def convert(values):
            values = values.astype(np.float32)
            if nodata is not None:
                values[values == np.float32(nodata)] = np.nan
            return values

        try:
            return read_onto_grid(dataset, self.grid.window_grid(window), resampling=resampling, nodata=np.nan,
                                  convert=convert)
        except RasterReadError as error:
            raise read_error(error.path, error.detail)


def overlaps(dataset, grid):
    """Whether ``dataset`` covers some of ``grid`` (bounds compared in the grid's CRS)."""
    from rasterio.warp import transform_bounds

    left, bottom, right, top = dataset.bounds
    if dataset.crs is not None and grid.crs is not None and dataset.crs != grid.crs:
        try:
            left, bottom, right, top = transform_bounds(dataset.crs, grid.crs, left, bottom, right, top,
                                                        densify_pts=21)
        except Exception:  # noqa: BLE001 (projection errors: let the reading decide)
            return True
    g_left, g_bottom, g_right, g_top = grid.bounds
    return left < g_right and right > g_left and bottom < g_top and top > g_bottom


# --------------------------------------------------------------------------------------------------
# The run: what is kept between the sweeps, the sweeps, the outputs
# --------------------------------------------------------------------------------------------------

class Scratch:
    """Arrays of the whole image kept between the two sweeps: in memory, or as files of a temporary folder
    (removed when the run ends, whatever happens) when they would take more than
    :data:`SCRATCH_IN_MEMORY_MB`."""

    def __init__(self, shape, fields, stack):
        import shutil

        import numpy as np

        self.arrays = {}
        total = sum(np.dtype(dtype).itemsize for dtype in fields.values()) * shape[0] * shape[1]
        folder = None
        if total > SCRATCH_IN_MEMORY_MB * 2 ** 20:
            folder = tempfile.mkdtemp(prefix="neve-snowmap-", dir=QgsProcessingUtils.tempFolder())
            stack.callback(shutil.rmtree, folder, ignore_errors=True)
            stack.callback(self.close)      # runs first: files still mapped cannot be removed on Windows
        for name, dtype in fields.items():
            if folder is None:
                self.arrays[name] = np.empty(shape, dtype=dtype)
            else:
                self.arrays[name] = np.memmap(os.path.join(folder, name + ".dat"), dtype=dtype, mode="w+",
                                              shape=shape)

    def close(self):
        """Unmap the files (the run is over: nothing reads them any more)."""
        for array in self.arrays.values():
            mapping = getattr(array, "_mmap", None)
            if mapping is not None:
                with contextlib.suppress(Exception):
                    mapping.close()
        self.arrays.clear()

    def __getitem__(self, name):
        return self.arrays[name]


class SnowRun:
    """One run of the method over the image: the two sweeps and what they find."""

    def __init__(self, algorithm, inputs, settings, outputs, feedback, stack):
        import numpy as np

        self.alg, self.inputs, self.settings, self.outputs = algorithm, inputs, settings, outputs
        self.feedback, self.stack = feedback, stack
        self.grid = inputs.grid
        self.block_rows = BLOCK_ROWS
        self.dtypes = {band: np.dtype(reader.dtype if reader.mode != "aligned" or reader.dtype[0] != "f"
                                      else "float32") for band, reader in inputs.bands.items()}
        fields = {"green": self.dtypes["B3"], "red": self.dtypes["B4"], "swir": self.dtypes["B11"],
                  "flags": np.uint8}
        if inputs.dem is not None:
            fields["dem"] = np.float32
        if inputs.tcd is not None:
            fields["tcd"] = np.float32
        self.scratch = Scratch(self.grid.shape, fields, stack)
        self.dem_range = [math.inf, -math.inf]
        self.snow1_pixels = 0
        self.counted_pixels = 0
        self.counts = None
        self.edges = None
        self.line = None
        self.zs = None
        self.map_counts = np.zeros(4, dtype=np.int64)
        self.bits_present = set()
        self.qc_present = set()
        self.warnings = list(inputs.warnings)

    # helpers
    def blocks(self, halo=0):
        from ..io.raster import blocks

        return blocks(self.grid.width, self.grid.height, self.block_rows, halo)

    def progress(self, start, span, block):
        if self.feedback.isCanceled():
            raise cancelled_error()
        self.feedback.setProgress(start + span * (block.index + 1) / block.count)

    def reflectance(self, dn, band):
        """(DN + offset) / scale, by division (exact at the thresholds, see core/snow.py)."""
        import numpy as np

        offset = self.inputs.offsets[band]
        values = np.add(dn, offset, dtype=np.float64) if offset else dn.astype(np.float64)
        values /= self.inputs.scale
        return values

    def ndsi(self, green, swir):
        """NDSI on the digital numbers plus their offsets (exact, scale-free)."""
        from ..core import snow

        offsets = (self.inputs.offsets["B3"], self.inputs.offsets["B11"])
        if offsets == (0.0, 0.0):
            return snow.ndsi(green, swir)
        if all(float(o).is_integer() for o in offsets) and green.dtype.kind in "iu" and swir.dtype.kind in "iu":
            return snow.ndsi(green.astype("int64") + int(offsets[0]), swir.astype("int64") + int(offsets[1]))
        return snow.ndsi(green + offsets[0], swir + offsets[1])

    def nodata(self, dn, band):
        """Missing pixels of a band's DN (its nodata value, NaN)."""
        import numpy as np

        nodata = self.inputs.bands[band].nodata
        missing = np.isnan(dn) if dn.dtype.kind == "f" else np.zeros(dn.shape, dtype=bool)
        if nodata is not None and not (isinstance(nodata, float) and math.isnan(nodata)):
            missing |= dn == nodata
        return missing

    # sweep 1 -------------------------------------------------------------------------------------
    def first_sweep(self):
        """Read every strip once, run pass 1, keep what the snowline and pass 2 need. Green and red (read
        and brought to 20 m) and the other inputs of a strip are read by three tasks of a pool of two
        threads, the next strip's while this one's pass 1 runs: numpy and GDAL work outside Python's lock,
        so two cores share the work."""
        from concurrent.futures import ThreadPoolExecutor

        import numpy as np

        from ..core import snow

        s, inputs, scratch = self.settings, self.inputs, self.scratch
        count_nodata = s[self.alg.SNOWLINE_COUNT_NODATA]
        water = inputs.has_water and bool(self.outputs[self.alg.OUTPUT_QC])

        def read_others(window):
            data = {"swir": inputs.bands["B11"].read(window), "layers": inputs.read_cloud_layers(window)}
            if inputs.has_mg2:
                data["mg2"] = inputs.read_product("read_raw", "MG2", window)
            if water:
                data["water"] = inputs.read_product("read_mask", "water", window)
            if inputs.dem is not None:
                data["dem"] = inputs.read_dem(window)
            if inputs.tcd is not None:
                data["tcd"] = inputs.read_tcd(window)
            return data

        def submit(pool, window):
            return [pool.submit(inputs.bands["B3"].read, window), pool.submit(inputs.bands["B4"].read, window),
                    pool.submit(read_others, window)]

        # The next strip is read while this one is computed; a file is never read by two tasks at once
        # (the next strip's tasks start once this strip's are done).
        strips = list(self.blocks())
        with ThreadPoolExecutor(max_workers=2, thread_name_prefix="neve-snowmap") as pool:
            pending = submit(pool, strips[0].write)
            for index, block in enumerate(strips):
                rows = slice(int(block.write.row_off), int(block.write.row_off + block.write.height))
                green, red_dn, data = (task.result() for task in pending)
                pending = submit(pool, strips[index + 1].write) if index + 1 < len(strips) else []
                swir, layers = data["swir"], data["layers"]
                ndsi = self.ndsi(green, swir)
                red = self.reflectance(red_dn, "B4")
                snow1 = snow.first_pass(ndsi, red, layers.all_cloud, s["NDSI_PASS1"], s["RED_PASS1"])

                flags = (snow1 * np.uint8(FLAG_SNOW1)) | (layers.all_cloud * np.uint8(FLAG_ALL_CLOUD))
                flags |= (layers.shadow * np.uint8(FLAG_SHADOW)) | (layers.high * np.uint8(FLAG_HIGH))
                if "mg2" in data:   # bits 6 (sun too low) and 7 (sun tangent) of MG2
                    flags |= ((data["mg2"] >> 6) & 3).astype(np.uint8) * np.uint8(FLAG_MG2_BIT6)
                if "water" in data:
                    flags |= data["water"] * np.uint8(FLAG_WATER)
                scratch["green"][rows], scratch["red"][rows], scratch["swir"][rows] = green, red_dn, swir
                scratch["flags"][rows] = flags
                if "dem" in data:
                    dem = data["dem"]
                    scratch["dem"][rows] = dem
                    if np.isfinite(dem).any():
                        self.dem_range = [min(self.dem_range[0], float(np.nanmin(dem))),
                                          max(self.dem_range[1], float(np.nanmax(dem)))]
                if "tcd" in data:
                    scratch["tcd"][rows] = data["tcd"]
                # the total snow fraction of pass 1 (LIS compute_percent over the image, no data included)
                counted = None if count_nodata else ~self.nodata(swir, "B11")
                self.snow1_pixels += int(np.count_nonzero(snow1 if counted is None else snow1 & counted))
                self.counted_pixels += snow1.size if counted is None else int(np.count_nonzero(counted))
                self.progress(0, 55, block)

    # snowline --------------------------------------------------------------------------------------
    def snowline(self):
        """The elevation histogram of the kept DEM and pass-1 snow, and the snowline zs."""
        import numpy as np

        from ..core import snow

        s = self.settings
        if self.inputs.dem is None or not self.dem_range[0] <= self.dem_range[1]:
            if self.inputs.dem is not None and self.inputs.dem_covers:
                self.warnings.append(tr("The DEM has no elevation over the scene: pass 2 is skipped."))
            return
        self.edges = snow.dem_bin_edges(self.dem_range[0], self.dem_range[1], s["DZ"])
        if self.edges is None:
            self.warnings.append(tr(
                "The DEM spans less than one elevation band ({low:.0f} to {high:.0f} m, bands of {dz:g} m): "
                "no snowline, pass 2 is skipped.").format(low=self.dem_range[0], high=self.dem_range[1],
                                                          dz=s["DZ"]))
            return
        scratch, include_nodata = self.scratch, s[self.alg.SNOWLINE_COUNT_NODATA]

        def histogram(block):
            rows = slice(int(block.write.row_off), int(block.write.row_off + block.write.height))
            flags = scratch["flags"][rows]
            return snow.snowline_histogram(scratch["dem"][rows], (flags & FLAG_ALL_CLOUD) != 0,
                                           (flags & FLAG_SNOW1) != 0, self.edges,
                                           nodata=self.nodata(scratch["swir"][rows], "B11"),
                                           include_nodata=include_nodata)

        counts = np.zeros((len(self.edges) - 1, 2, 2), dtype=np.int64)
        for block, strip_counts in self.in_pool(histogram, self.blocks()):
            counts += strip_counts
            self.progress(55, 5, block)
        self.counts = counts
        self.line = snow.snowline_elevation(counts, self.edges, s["DZ"], s["FSNOW_LIM"], s["FCLEAR_LIM"],
                                            s["FSNOW_TOTAL_LIM"])
        # Pass 2 needs pass-1 snow on more than FSNOW_TOTAL_LIM of the image (LIS compute_percent over the
        # whole pass-1 image, pixels without DEM included).
        enough = self.snow1_fraction() > s["FSNOW_TOTAL_LIM"]
        if self.line.zs is None:
            self.warnings.append(tr("No elevation band is snowy: no snowline, pass 2 is skipped."))
        elif not enough:
            self.warnings.append(tr(
                "Pass 1 found snow on {percent:.3f} % of the image, not more than {limit:g} %: pass 2 is "
                "skipped.").format(percent=100.0 * self.snow1_fraction(), limit=100.0 * s["FSNOW_TOTAL_LIM"]))
        else:
            self.zs = self.line.zs

    def snow1_fraction(self):
        return self.snow1_pixels / self.counted_pixels if self.counted_pixels else 0.0

    # sweep 2 -------------------------------------------------------------------------------------
    def second_sweep(self):
        """Dark-cloud test, back to cloud, pass 2 and the map, strip by strip; the outputs written."""
        import numpy as np

        from ..core import snow
        from ..io.raster import GeoTiffWriter

        s, alg, grid = self.settings, self.alg, self.grid
        code = s[alg.NODATA_CODE]

        # the acquisition date travels with the maps, so that neve:snowseason dates them by itself
        acquisition = self.inputs.product.acquisition
        tags = {"ACQUISITION_DATE": acquisition.strftime("%Y-%m-%dT%H:%M:%SZ")} if acquisition else None

        def writer(name, dtype, nodata=None):
            path = self.outputs[name]
            if not path:
                return None
            return self.stack.enter_context(GeoTiffWriter(path, grid.width, grid.height, grid.crs,
                                                          grid.transform, dtype, nodata=nodata, tags=tags))

        writers = {
            alg.OUTPUT: writer(alg.OUTPUT, "uint8", code),
            alg.OUTPUT_BITS: writer(alg.OUTPUT_BITS, "uint8"),
            alg.OUTPUT_NDSI: writer(alg.OUTPUT_NDSI, "float32", float("nan")),
            alg.OUTPUT_FSC: writer(alg.OUTPUT_FSC, "uint8", code),
            alg.OUTPUT_FSC_OG: writer(alg.OUTPUT_FSC_OG, "uint8", code),
            alg.OUTPUT_QC: writer(alg.OUTPUT_QC, "uint8"),
        }
        wanted = {name for name, w in writers.items() if w is not None}
        self.map_scratch = np.empty(grid.shape, dtype=np.uint8) if self.outputs[alg.OUTPUT_VECTOR] else None
        halo = snow.dark_cloud_halo(grid.height, s[alg.RESIZE_FACTOR])
        for block, strip in self.in_pool(lambda b: self.second_pass_strip(b, wanted), self.blocks(halo)):
            for name, values in strip.items():
                if name in writers:
                    writers[name].write(values, block.write)
            snow_map = strip[alg.OUTPUT]
            self.map_counts += snow.map_counts(snow_map, code)
            if self.map_scratch is not None:
                self.map_scratch[int(block.write.row_off):int(block.write.row_off + block.write.height)] = snow_map
            for name, present in ((alg.OUTPUT_BITS, self.bits_present), (alg.OUTPUT_QC, self.qc_present)):
                if name in strip:
                    present.update(np.flatnonzero(np.bincount(strip[name].ravel(), minlength=256)).tolist())
            self.progress(60, 35, block)
        self.snow_percent, self.cloud_percent = snow.snow_cloud_percent(self.map_counts)
        tags = {"ZS": "" if self.zs is None else "{:g}".format(self.zs),
                "SNOW_PERCENT": "{:.4f}".format(self.snow_percent),
                "CLOUD_PERCENT": "{:.4f}".format(self.cloud_percent),
                "NODATA_CODE": str(code), "METHOD": "Let-It-Snow (LIS) two-pass snow detection"}
        writers[alg.OUTPUT].dataset.update_tags(**tags)

    def second_pass_strip(self, block, wanted):
        """Steps 2, 3, 6 and 7 of the method on one strip (read with the halo of the 240 m red) from what
        the first sweep kept; returns the strip of each output in ``wanted`` (the map always)."""
        import numpy as np

        from ..core import snow

        s, alg, scratch, inputs = self.settings, self.alg, self.scratch, self.inputs
        top, bottom = int(block.read.row_off), int(block.read.row_off + block.read.height)
        r0, r1 = int(block.write.row_off), int(block.write.row_off + block.write.height)
        rows = slice(r0, r1)
        red_halo = scratch["red"][top:bottom]
        red_coarse = snow.coarse_red(self.reflectance(red_halo, "B4"), first_row=top, rows=range(r0, r1),
                                     height=self.grid.height, resize_factor=s[alg.RESIZE_FACTOR],
                                     red_nodata=self.nodata(red_halo, "B4"),
                                     quantification=self.inputs.scale if self.dtypes["B4"].kind in "iu" else None)
        flags = scratch["flags"][rows]
        all_cloud = (flags & FLAG_ALL_CLOUD) != 0
        shadow, high = (flags & FLAG_SHADOW) != 0, (flags & FLAG_HIGH) != 0
        snow1 = (flags & FLAG_SNOW1) != 0
        ndsi = self.ndsi(scratch["green"][rows], scratch["swir"][rows])
        red = self.reflectance(scratch["red"][rows], "B4")
        nodata = self.nodata(scratch["swir"][rows], "B11")

        cloud_refined = snow.dark_cloud_test(all_cloud, shadow, high, red_coarse, s["RED_DARKCLOUD"])
        back = snow.back_to_cloud(all_cloud, red, s["RED_BACKTOCLOUD"])
        dem = scratch["dem"][rows] if inputs.dem is not None else None
        snow2 = snow.second_pass(ndsi, red, dem, cloud_refined, self.zs, s["NDSI_PASS2"], s["RED_PASS2"])
        snow_map = snow.snow_map(snow1, snow2, cloud_refined, back, nodata, s[alg.NODATA_CODE])
        out = {alg.OUTPUT: snow_map}

        mg2 = None          # MG2 bits 6 and 7, as kept
        if inputs.has_mg2:
            mg2 = ((flags & np.uint8(FLAG_MG2_BIT6 | FLAG_MG2_BIT7)) // np.uint8(FLAG_MG2_BIT6)) << np.uint8(6)
        if alg.OUTPUT_BITS in wanted:
            slope = snow.slope_flag(mg2) if mg2 is not None else None
            out[alg.OUTPUT_BITS] = snow.snow_bits(snow1, snow2, all_cloud, cloud_refined, all_cloud, slope)
        if alg.OUTPUT_NDSI in wanted:
            values = ndsi.astype(np.float32)
            values[nodata] = np.nan
            out[alg.OUTPUT_NDSI] = values
        if alg.OUTPUT_FSC in wanted or alg.OUTPUT_FSC_OG in wanted:
            fsc = snow.fsc_toc(ndsi, s[alg.FSC_FORMULA])
            if alg.OUTPUT_FSC in wanted:
                out[alg.OUTPUT_FSC] = snow.fsc_codes(snow_map, fsc)
            if alg.OUTPUT_FSC_OG in wanted:
                out[alg.OUTPUT_FSC_OG] = snow.fsc_codes(snow_map, snow.fsc_og(fsc, scratch["tcd"][rows]))
        if alg.OUTPUT_QC in wanted:
            water = (flags & FLAG_WATER) != 0 if inputs.has_water else None
            out[alg.OUTPUT_QC] = snow.qc_flags(snow_map, all_cloud, mg2, water, scratch["tcd"][rows])
        return out

    def in_pool(self, function, blocks):
        """``(block, function(block))`` for every block, in order; two strips are computed at once by a pool
        of two threads (numpy works outside Python's lock), while this thread takes the results."""
        from collections import deque
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(max_workers=2, thread_name_prefix="neve-snowmap") as pool:
            pending = deque()
            for block in blocks:
                pending.append((block, pool.submit(function, block)))
                if len(pending) >= 2:
                    done, task = pending.popleft()
                    yield done, task.result()
            while pending:
                done, task = pending.popleft()
                yield done, task.result()

    # vector, report ------------------------------------------------------------------------------
    def finish(self):
        """The polygons and the report, written before the rasters are renamed (all or nothing)."""
        alg = self.alg
        if self.outputs[alg.OUTPUT_VECTOR]:
            polygonize(self.map_scratch, self.grid, self.outputs[alg.OUTPUT_VECTOR], self.feedback, self.stack)
            self.feedback.setProgress(98)
        if self.outputs[alg.OUTPUT_HTML_FILE]:
            from ..io.raster import output_file
            from .report import write_text

            html = snow_report(self)
            write_text(self.stack.enter_context(output_file(self.outputs[alg.OUTPUT_HTML_FILE])), html)
        for warning in self.warnings:
            self.feedback.pushWarning(warning)
        self.feedback.setProgress(100)

    def results(self):
        alg, outputs = self.alg, self.outputs
        results = {alg.OUTPUT: outputs[alg.OUTPUT],
                   alg.SNOWLINE_ELEVATION: self.zs,
                   alg.SNOW_PERCENT: self.snow_percent,
                   alg.CLOUD_PERCENT: self.cloud_percent}
        for name in (alg.OUTPUT_BITS, alg.OUTPUT_NDSI, alg.OUTPUT_FSC, alg.OUTPUT_FSC_OG, alg.OUTPUT_QC,
                     alg.OUTPUT_VECTOR, alg.OUTPUT_HTML_FILE):
            if outputs[name]:
                results[name] = outputs[name]
        return results


def polygonize(snow_map, grid, path, feedback, stack):
    """Snow (100) and cloud (205) polygons of ``snow_map`` in a GeoPackage at ``path`` (fields DN and
    class, the class name translated), written to a temporary file renamed with the other outputs."""
    import numpy as np
    from osgeo import gdal, ogr, osr

    from ..core import snow
    from ..io.raster import output_file

    def write(temporary):
        driver = gdal.GetDriverByName("MEM")
        source = driver.Create("", grid.width, grid.height, 2, gdal.GDT_Byte)
        source.SetGeoTransform(grid.transform.to_gdal())
        srs = None
        if grid.crs is not None:
            srs = osr.SpatialReference()
            srs.ImportFromWkt(grid.crs.to_wkt())
            source.SetProjection(grid.crs.to_wkt())
        source.GetRasterBand(1).WriteArray(snow_map)
        source.GetRasterBand(2).WriteArray(((snow_map == snow.SNOW) | (snow_map == snow.CLOUD)).astype(np.uint8))
        out = ogr.GetDriverByName("GPKG").CreateDataSource(temporary)
        if out is None:
            raise QgsProcessingException(tr("Could not create {path}.").format(path=path))
        layer = out.CreateLayer("snow_cloud", srs, ogr.wkbPolygon)
        layer.CreateField(ogr.FieldDefn("DN", ogr.OFTInteger))
        field = ogr.FieldDefn("class", ogr.OFTString)
        layer.CreateField(field)

        def progress(fraction, _message, _data):
            if feedback.isCanceled():
                return 0
            feedback.setProgress(95 + 3 * fraction)
            return 1

        layer.StartTransaction()
        result = gdal.Polygonize(source.GetRasterBand(1), source.GetRasterBand(2), layer, 0, [],
                                 callback=progress)
        if feedback.isCanceled():
            layer.RollbackTransaction()
            out = None
            raise cancelled_error()
        layer.CommitTransaction()
        if result != 0:
            out = None
            raise QgsProcessingException(tr("Could not write the polygons to {path}.").format(path=path))
        names = {snow.SNOW: tr("snow"), snow.CLOUD: tr("cloud")}
        for value, label in names.items():
            out.ExecuteSQL("UPDATE \"snow_cloud\" SET \"class\" = '{}' WHERE \"DN\" = {}".format(
                label.replace("'", "''"), value))
        out = None
        source = None

    write(stack.enter_context(output_file(path)))


def snow_report(run):
    """The HTML report of ``run``: the numbers, the elevation histogram with the snowline, the warnings."""
    import numpy as np

    from ..core import snow
    from ..i18n import qgis_language
    from . import report

    alg, s, inputs = run.alg, run.settings, run.inputs
    yes, no = tr("yes"), tr("no")

    def number(value, decimals=2):
        return None if value is None else round(float(value), decimals)

    product = inputs.product
    summary = [
        (tr("Input"), inputs.name),
        (tr("Acquisition"), product.acquisition.strftime("%Y-%m-%d %H:%M UTC") if product.acquisition else None),
        (tr("Grid"), tr("{width} x {height} pixels of {size:g} m").format(
            width=run.grid.width, height=run.grid.height, size=run.grid.resolution)),
        (tr("Cloud mask"), inputs.mask_name),
        (tr("Snowline elevation zs (m)"), number(run.zs, 0)),
        (tr("Pass 2"), yes if run.zs is not None else no),
        (tr("Pass-1 snow (% of the image)"), number(100.0 * run.snow1_fraction(), 3)),
        (tr("Snow (% of the valid pixels)"), number(run.snow_percent)),
        (tr("Cloud (% of the valid pixels)"), number(run.cloud_percent)),
    ]
    no_snow, snow_pixels, cloud, nodata = (int(c) for c in run.map_counts)
    counts = [(tr("No snow"), no_snow), (tr("Snow"), snow_pixels), (tr("Cloud"), cloud), (tr("No data"), nodata)]
    parameters = [(name, "{:g}".format(s[name]), "{:g}".format(LIS_DEFAULTS[name]))
                  for name in ("NDSI_PASS1", "RED_PASS1", "NDSI_PASS2", "RED_PASS2", "RED_DARKCLOUD",
                               "RED_BACKTOCLOUD", "DZ", "FSNOW_LIM", "FCLEAR_LIM", "FSNOW_TOTAL_LIM",
                               "RESIZE_FACTOR", "NODATA_CODE")]
    parts = [report.heading(tr("Result")), report.table(summary),
             report.table(counts, header=(tr("Class"), tr("Pixels")))]
    parts.append(report.heading(tr("Elevation histogram")))
    if run.counts is None:
        parts.append(report.paragraph(tr("No elevation histogram: no DEM, or no elevation over the scene.")))
    else:
        data = snow.elevation_histogram(run.counts, run.edges)
        centres = data["z_centre"]
        series = [
            (tr("Cloud fraction"), list(zip(centres, data["cloud_fraction"])), "line", "#ff00ff"),
            (tr("Clear fraction"), list(zip(centres, data["clear_fraction"])), "line", "#8c7853"),
            (tr("Snow fraction of the clear pixels"), list(zip(centres, data["snow_fraction"])), "line",
             "#0099cc"),
        ]
        low, high = float(run.edges[0]), float(run.edges[-1])
        step = max(1, int(math.ceil(len(centres) / 8.0)))
        x_ticks = [(float(run.edges[i]), "{:.0f}".format(run.edges[i])) for i in range(0, len(run.edges), step)]
        y_ticks = [(v, "{:.2f}".format(v)) for v in (0.0, 0.25, 0.5, 0.75, 1.0)]
        markers = []
        if run.line is not None and run.line.zs is not None:
            markers.append((run.line.zs, tr("snowline {zs:.0f} m").format(zs=run.line.zs)))
        parts.append(report.xy_chart(series, (low, high), (0.0, 1.0), x_ticks, y_ticks,
                                     x_title=tr("Elevation (m)"), y_title=tr("Fraction"), markers=markers))
        parts.append(report.paragraph(tr(
            "Bands of {width:.1f} m from {low:.0f} to {high:.0f} m. A band is snowy when more than {fclear:g} of "
            "its pixels are clear and more than {fsnow:g} of its clear pixels are pass-1 snow; the snowline is "
            "two bands below the lowest snowy band.").format(width=(high - low) / len(centres), low=low, high=high,
                                                             fclear=s["FCLEAR_LIM"], fsnow=s["FSNOW_LIM"])))
        first = run.line.snowy_bin if run.line is not None else None
        rows = []
        for i in range(len(centres)):
            rows.append(("{:.0f} - {:.0f}{}".format(data["z_min"][i], data["z_max"][i],
                                                    " *" if first is not None and i == first else ""),
                         int(data["total"][i]), int(data["cloud"][i]), int(data["snow"][i]),
                         int(data["no_snow"][i]),
                         None if np.isnan(data["clear_fraction"][i]) else round(float(data["clear_fraction"][i]), 3),
                         None if np.isnan(data["snow_fraction"][i]) else round(float(data["snow_fraction"][i]), 3)))
        parts.append(report.table(rows, header=(tr("Elevation (m)"), tr("Pixels"), tr("Cloud"), tr("Clear snow"),
                                                tr("Clear, no snow"), tr("Clear fraction"),
                                                tr("Snow fraction of the clear pixels"))))
        if first is not None:
            parts.append(report.paragraph(tr("* the lowest snowy band.")))
    parts.append(report.heading(tr("Parameters")))
    parts.append(report.table(parameters, header=(tr("Parameter"), tr("Value"), tr("LIS default"))))
    if run.warnings:
        parts.append(report.heading(tr("Warnings")))
        parts.append(report.bullet_list(run.warnings, "warnings"))
    language = qgis_language()
    return report.page(tr("Snow map of {product}").format(product=inputs.name), parts,
                       language=language if language.isalpha() and len(language) == 2 else "en")
