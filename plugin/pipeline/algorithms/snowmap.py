"""Declaration of ``snowmap``, "Snow map (Theia/LIS method)"; the job is ``pipeline/snowmap.py``."""
from ...core.defaults import LIS_DEFAULTS
from ...i18n import tr
from ..spec import (BOOLEAN, ENUM, FILE_OUT, INTEGER, NUMBER, RASTER, RASTER_OUT, VECTOR_OUT, AlgorithmSpec, Output,
                    Param)
from ..thresholds import threshold_param
from . import common, runner

MASK_TYPES = ("clm", "scl", "binary")
FSC_FORMULAS = ("gascoin2020", "linear")
SNOW_THRESHOLDS = ("NDSI_PASS1", "RED_PASS1", "NDSI_PASS2", "RED_PASS2", "RED_DARKCLOUD", "RED_BACKTOCLOUD")


def cloud_mask_type_options():
    return (("clm", tr("MAJA cloud mask CLM (bits)")),
            ("scl", tr("Sen2Cor scene classification SCL (classes)")),
            ("binary", tr("Binary cloud mask (non-zero = cloud)")))


def fsc_formula_options():
    return (("gascoin2020", tr("Gascoin et al. 2020: 0.5 tanh(2.65 NDSI - 1.42) + 0.5")),
            ("linear", tr("Linear (older LIS): 1.45 NDSI - 0.01")))


def spec():
    lis = tr("Let-It-Snow (Theia Snow collection)")
    layers, snowline, fsc, other = (common.layers_group(), tr("Snowline and pass 2 (LIS)"),
                                    tr("Fractional snow cover"), tr("Other LIS settings"))
    parameters = [
        common.product_param(),
        *common.in_group((
            Param("GREEN", RASTER, tr("Green band (B3)"),
                  tr("Used when no product is given: the green band (B3, 10 m or 20 m) as digital numbers."),
                  optional=True),
            Param("RED", RASTER, tr("Red band (B4)"),
                  tr("Used when no product is given: the red band (B4, 10 m or 20 m) as digital numbers."),
                  optional=True),
            Param("SWIR", RASTER, tr("SWIR band (B11)"),
                  tr("Used when no product is given: the SWIR band (B11, 20 m). The map is made on its grid, and "
                     "its no-data pixels are the map's no data."), optional=True),
            *common.scale_params()), layers),
        Param("CLOUD_MASK", RASTER, tr("Cloud mask"),
              tr("A cloud mask layer, for example the output of neve:refinecloudmask or of neve:cloudmask. With a "
                 "product it replaces the product's own mask (CLM or SCL); without a "
                 "product it is required. Pixels equal to the layer's no-data value are not cloud."),
              optional=True),
        Param("CLOUD_MASK_TYPE", ENUM, tr("Kind of cloud mask"),
              tr("How to read the cloud mask layer. MAJA CLM bits: any bit is cloud, bits 5 and 6 are shadows "
                 "and bit 7 high clouds, which stay cloud whatever the dark-cloud test says. Sen2Cor SCL: "
                 "classes 3, 8, 9 and 10 are cloud, 3 is shadow and 10 high cloud. Binary: non-zero is cloud, "
                 "with no shadow or high cloud."),
              default="clm", options=cloud_mask_type_options(), source=lis),
        Param("DEM", RASTER, tr("Digital elevation model"),
              tr("Elevations in metres, in any CRS and resolution: resampled onto the 20 m grid with cubic "
                 "splines. Pixels without elevation get no pass 2. Without a DEM, pass 2 is skipped."),
              optional=True),
        *(threshold_param(name) for name in SNOW_THRESHOLDS),
        *common.in_group((
            Param("DZ", NUMBER, tr("Elevation band height (m)"),
                  tr("Height of the elevation bands of the snowline histogram, in metres. LIS default 100."),
                  default=LIS_DEFAULTS["DZ"], minimum=0.0, source=lis),
            Param("FSNOW_LIM", NUMBER, tr("Snow fraction of a snowy band"),
                  tr("An elevation band is snowy when more than this fraction of its clear pixels are pass-1 snow "
                     "(0 to 1). LIS default 0.10."),
                  default=LIS_DEFAULTS["FSNOW_LIM"], minimum=0.0, maximum=1.0, source=lis),
            Param("FCLEAR_LIM", NUMBER, tr("Clear fraction of a snowy band"),
                  tr("An elevation band counts only when more than this fraction of its pixels are clear "
                     "(0 to 1). LIS default 0.10."),
                  default=LIS_DEFAULTS["FCLEAR_LIM"], minimum=0.0, maximum=1.0, source=lis),
            Param("FSNOW_TOTAL_LIM", NUMBER, tr("Snow fraction needed for pass 2"),
                  tr("Pass 2 runs only when pass 1 found snow on more than this fraction of the image (0 to 1). "
                     "LIS default 0.001 (0.1 %)."),
                  default=LIS_DEFAULTS["FSNOW_TOTAL_LIM"], minimum=0.0, maximum=1.0, source=lis),
            Param("SNOWLINE_COUNT_NODATA", BOOLEAN, tr("Count no-data pixels in the snowline histogram (as LIS)"),
                  tr("LIS builds the elevation histogram over every pixel, no data included, so that no-data "
                     "pixels count as clear and snow-free; the map is LIS's only that way. Uncheck to leave them "
                     "out (the snowline then ignores the swath edge)."),
                  default=True, source=lis)), snowline),
        *common.in_group((
            Param("TCD", RASTER, tr("Tree cover density"),
                  tr("Tree cover density in percent (0 to 100, above 100 unknown), such as the Copernicus layer "
                     "LIS uses. Needed for the on-ground fractional snow cover and the QC flags."), optional=True),
            Param("FSC_FORMULA", ENUM, tr("Fractional snow cover formula"),
                  tr("How the NDSI of a snow pixel gives its fractional snow cover: Gascoin et al. 2020, "
                     "calibrated on Sentinel-2 (LIS default), or the older linear formula."),
                  default="gascoin2020", options=fsc_formula_options(), source=lis)), fsc),
        *common.in_group((
            Param("RESIZE_FACTOR", INTEGER, tr("Resize factor of the dark-cloud test"),
                  tr("The red band is averaged over this many 20 m pixels (12: 240 m) for the dark-cloud test. "
                     "LIS default 12."),
                  default=LIS_DEFAULTS["RESIZE_FACTOR"], minimum=1, source=lis),
            Param("NODATA_CODE", INTEGER, tr("No-data code of the map"),
                  tr("Value of the map's no-data pixels: 255 (LIS 1.6 and later, the Theia Snow collection today) "
                     "or 254 (LIS up to 1.5)."),
                  default=LIS_DEFAULTS["NODATA_CODE"], minimum=254, maximum=255, source=lis)), other),
        Param("OUTPUT", RASTER_OUT, tr("Snow map"),
              tr("0 no snow, 100 snow, 205 cloud, the no-data code where the SWIR band has no data (uint8).")),
        Param("OUTPUT_BITS", RASTER_OUT, tr("Bit field of the intermediate layers"),
              tr("LIS's bit field: bit 0 pass-1 snow, 1 pass-2 snow, 2 cloud before refinement, 3 refined "
                 "cloud, 4 original cloud, 5 slope flag (MG2 >= 64)."), optional=True, create_by_default=False),
        Param("OUTPUT_NDSI", RASTER_OUT, tr("NDSI"), tr("The NDSI (float32), no data where the map has none."),
              optional=True, create_by_default=False),
        Param("OUTPUT_FSC", RASTER_OUT, tr("Fractional snow cover on top of canopy"),
              tr("FSC in percent (1 to 100) on snow pixels; 0 no snow, 205 cloud, the no-data code."),
              optional=True, create_by_default=False),
        Param("OUTPUT_FSC_OG", RASTER_OUT, tr("Fractional snow cover on ground"),
              tr("Needs the tree cover density: FSC / (1 - tree cover), in percent; codes as the FSC."),
              optional=True, create_by_default=False),
        Param("OUTPUT_QC", RASTER_OUT, tr("Quality flags of the fractional snow cover"),
              tr("Needs the tree cover density. Bits: 0 sun too low, 1 sun tangent, 2 water, 3 tree cover "
                 "above 90 %, 4 snow under thin cloud, 5 tree cover unknown, 6 shaded snow (not "
                 "computed)."), optional=True, create_by_default=False),
        Param("OUTPUT_VECTOR", VECTOR_OUT, tr("Snow and cloud polygons"),
              tr("Polygons of the snow (DN 100) and cloud (DN 205) pixels of the map, in a GeoPackage, with the "
                 "fields DN and class."), optional=True, create_by_default=False),
        Param("OUTPUT_HTML_FILE", FILE_OUT, tr("Report"),
              tr("An HTML page with the elevation histogram (snow, cloud and clear fractions per band, the "
                 "snowline marked) and the numbers of the run."),
              optional=True, create_by_default=True, file_filter=tr("HTML files (*.html)")),
    ]
    outputs = (
        Output("SNOWLINE_ELEVATION", NUMBER, tr("Snowline elevation (m)")),
        Output("SNOW_PERCENT", NUMBER, tr("Snow (% of the valid pixels)")),
        Output("CLOUD_PERCENT", NUMBER, tr("Cloud (% of the valid pixels)")),
    )
    return AlgorithmSpec(
        name="snowmap", group="snow", display_name=tr("Snow map (Theia/LIS method)"),
        short_description=tr(
            "The 20 m snow map of the Theia Snow collection (0 no snow, 100 snow, 205 cloud) made with "
            "the two passes of Let-It-Snow, with your thresholds, on Theia or Sen2Cor products."),
        help=help_text(), parameters=tuple(parameters), outputs=outputs, run=runner("snowmap"),
        inputs=("INPUT_PRODUCT", "GREEN", "RED", "SWIR"))


def help_text():
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
        "NDSI and red above the pass-1 thresholds; 5. snowline: the DEM is cut into elevation bands (the "
        "<i>elevation band height</i>, 100 m); the lowest band where more than the <i>clear fraction of a "
        "snowy band</i> (0.10) of the pixels are clear and more than the <i>snow fraction of a snowy "
        "band</i> (0.10) of the clear pixels are snow gives the snowline, two bands lower; 6. pass 2, "
        "above the snowline only, on pixels outside the refined cloud mask: NDSI and red above the pass-2 "
        "thresholds; it runs only when pass 1 found snow on more than the <i>snow fraction needed for "
        "pass 2</i> (0.001) of the image; "
        "7. the map: 100 snow, else 205 cloud, else 0; no data where the SWIR band has none.</p>"
        "<p>Without a DEM, pass 2 is skipped. Defaults: LIS parameter schema (Theia Snow collection); "
        "no-data code 255 since LIS 1.6 (254 before).</p>"
        "<p><b>Outputs</b>: the map; optionally the LIS bit field of intermediate layers (bit 0 pass-1 "
        "snow, 1 pass-2 snow, 2 cloud before refinement, 3 refined cloud, 4 original cloud, 5 slope "
        "flag MG2 &gt;= 64), the NDSI, the fractional snow cover on top of canopy (FSC, percent), and "
        "with a tree cover density layer the on-ground FSC and the QC flags; snow and cloud polygons "
        "(GeoPackage); an HTML report with the elevation histogram and the snowline; the snowline "
        "elevation and the snow and cloud percentages as numbers for the modeler.</p>")
