"""Declaration of ``snowmap``, "Snow map (Theia/LIS method)"; the job is ``pipeline/snowmap.py``."""
from ...core.defaults import DARKCLOUD_SIZE, LIS_DEFAULTS, LIS_OPTIONS, MIN_ELEVATION_BAND
from ...i18n import tr
from ..spec import (BOOLEAN, ENUM, FILE_OUT, INTEGER, NUMBER, RASTER, RASTER_OUT, VECTOR_OUT, AlgorithmSpec, Output,
                    Param)
from ..thresholds import threshold_param
from . import common, runner

#: The kinds of cloud mask layer, in the order of the options (saved models store the index: new kinds go
#: last).
MASK_TYPES = ("clm", "scl", "binary", "qa_pixel")
FSC_FORMULAS = ("gascoin2020", "linear")
SNOW_THRESHOLDS = ("NDSI_PASS1", "RED_PASS1", "NDSI_PASS2", "RED_PASS2", "RED_DARKCLOUD", "RED_BACKTOCLOUD")


def cloud_mask_type_options():
    return (("clm", tr("MAJA cloud mask CLM (bits)")),
            ("scl", tr("Sen2Cor scene classification SCL (classes)")),
            ("binary", tr("Binary cloud mask (non-zero = cloud)")),
            ("qa_pixel", tr("Landsat QA_PIXEL (USGS bits)")))


def water_source_options():
    return (("none", tr("None: water may be snow (LIS default)")),
            ("product", tr("The product's water mask (MAJA MG2 bit 0, Sen2Cor SCL class 6)")),
            ("layer", tr("The water mask layer")))


def fsc_formula_options():
    return (("gascoin2020", tr("Gascoin et al. 2020: 0.5 tanh(2.65 NDSI - 1.42) + 0.5")),
            ("linear", tr("Linear (older LIS): 1.45 NDSI - 0.01")))


def spec():
    lis = tr("Let-It-Snow (Theia Snow collection)")
    parameters = [
        common.product_param(),
        Param("GREEN", RASTER, tr("Green band (B3)"),
              tr("Used when no product is given: the green band (B3, 10 m or 20 m) as digital numbers."),
              optional=True),
        Param("RED", RASTER, tr("Red band (B4)"),
              tr("Used when no product is given: the red band (B4, 10 m or 20 m) as digital numbers."),
              optional=True),
        Param("SWIR", RASTER, tr("SWIR band (B11)"),
              tr("Used when no product is given: the SWIR band (B11, 20 m; Landsat 8 and 9: B6, 30 m). The map is "
                 "made on its grid, and its no-data pixels are the map's no data."), optional=True),
        *common.scale_params(),
        Param("CLOUD_MASK", RASTER, tr("Cloud mask"),
              tr("A cloud mask layer, for example the output of neve:refinecloudmask or of neve:cloudmask. With a "
                 "product it replaces the product's own mask (CLM or SCL); without a "
                 "product it is required. Pixels equal to the layer's no-data value are not cloud."),
              optional=True),
        Param("CLOUD_MASK_TYPE", ENUM, tr("Kind of cloud mask"),
              tr("How to read the cloud mask layer. MAJA CLM bits: any bit is cloud, bits 5 and 6 are shadows "
                 "and bit 7 high clouds, which stay cloud whatever the dark-cloud test says. Sen2Cor SCL: "
                 "classes 3, 8, 9 and 10 are cloud, 3 is shadow and 10 high cloud. Binary: non-zero is cloud, "
                 "with no shadow or high cloud. Landsat QA_PIXEL (USGS): bits 1 to 4 (dilated cloud, cirrus, "
                 "cloud, cloud shadow) are cloud, bit 4 is shadow and bit 2 (cirrus) high cloud."),
              default="clm", options=cloud_mask_type_options(), source=lis),
        Param("DEM", RASTER, tr("Digital elevation model"),
              tr("Elevations in metres, in any CRS and resolution: resampled onto the map's grid (20 m, Landsat "
                 "30 m) with cubic splines. Pixels without elevation get no pass 2. Without a DEM, pass 2 is "
                 "skipped."),
              optional=True),
        Param("TCD", RASTER, tr("Tree cover density"),
              tr("Tree cover density in percent (0 to 100, above 100 unknown), such as the Copernicus layer LIS "
                 "uses. Needed for the on-ground fractional snow cover and the QC flags."), optional=True),
        Param("WATER_MASK", RASTER, tr("Water mask"),
              tr("Water bodies, for example EU-Hydro rasterised, as LIS 1.11 takes them (water_mask_path): "
                 "non-zero pixels (other than the layer's no-data) are water. Water pixels are never snow, and "
                 "the QC water bit comes from this layer. Giving it chooses it as the source of water."),
              optional=True),
        *(threshold_param(name) for name in SNOW_THRESHOLDS),
        Param("DZ", NUMBER, tr("Elevation band height (m)"),
              tr("Height of the elevation bands of the snowline histogram, in metres. LIS default 100."),
              default=LIS_DEFAULTS["DZ"], minimum=MIN_ELEVATION_BAND, source=lis),
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
        Param("RESIZE_FACTOR", INTEGER, tr("Resize factor of the dark-cloud test"),
              tr("The red band is averaged over this many pixels of the map for the dark-cloud test. At the "
                 "default, 12 (LIS on Sentinel-2: 12 pixels of 20 m), the factor is that of the averaging size "
                 "below on the map's grid: 240 m, i.e. 12 at 20 m and 8 at 30 m (LIS on Landsat 8). Any other "
                 "value is used as it is."),
              default=LIS_DEFAULTS["RESIZE_FACTOR"], minimum=1, advanced=True, source=lis),
        Param("DARKCLOUD_SIZE", NUMBER, tr("Averaging size of the dark-cloud test (m)"),
              tr("The red band is averaged over this size for the dark-cloud test while the resize factor is "
                 "at its default: 240 m, LIS's 12 pixels of 20 m on Sentinel-2 and 8 pixels of 30 m on Landsat "
                 "8 (the size divided by the pixel size, rounded)."),
              default=DARKCLOUD_SIZE, minimum=1.0, optional=True, advanced=True, source=lis),
        Param("NODATA_CODE", INTEGER, tr("No-data code of the map"),
              tr("Value of the map's no-data pixels: 255 (LIS 1.6 and later, the Theia Snow collection today) "
                 "or 254 (LIS up to 1.5)."),
              default=LIS_DEFAULTS["NODATA_CODE"], minimum=254, maximum=255, source=lis),
        Param("SNOWLINE_COUNT_NODATA", BOOLEAN, tr("Count no-data pixels in the snowline histogram (as LIS)"),
              tr("LIS builds the elevation histogram over every pixel, no data included, so that no-data "
                 "pixels count as clear and snow-free; the map is LIS's only that way. Uncheck to leave them "
                 "out (the snowline then ignores the swath edge)."),
              default=True, advanced=True, source=lis),
        Param("FSC_FORMULA", ENUM, tr("Fractional snow cover formula"),
              tr("How the NDSI of a snow pixel gives its fractional snow cover: Gascoin et al. 2020, calibrated "
                 "on Sentinel-2 (LIS default), or the older linear formula."),
              default="gascoin2020", options=fsc_formula_options(), advanced=True, source=lis),
        *lis_options(lis),
        Param("OUTPUT", RASTER_OUT, tr("Snow map"),
              tr("0 no snow, 100 snow, 205 cloud, the no-data code where a band has no data or a layer does not "
                 "reach (uint8).")),
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
                 "above 90 %, 4 snow under thin cloud, 5 tree cover unknown, 6 shaded snow (snow in the cast "
                 "shadow of the relief, with the shaded snow option)."), optional=True, create_by_default=False),
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
            "the two passes of Let-It-Snow, with your thresholds, on Theia or Sen2Cor products, and at 30 m on "
            "Landsat 8 and 9 products (Theia or USGS Collection 2)."),
        help=help_text(), parameters=common.grouped(parameters, advanced_groups()), outputs=outputs,
        run=runner("snowmap"), inputs=("INPUT_PRODUCT", "GREEN", "RED", "SWIR"))


def advanced_groups():
    """The advanced parameters of the dialog, by group (the dialog shows ten ordinary parameters: the
    product, the cloud mask, the DEM and the thresholds)."""
    groups = {
        common.layers_group(): ("GREEN", "RED", "SWIR", "REFLECTANCE_SCALE", "REFLECTANCE_OFFSET"),
        tr("Snowline and pass 2 (LIS)"): ("DZ", "FSNOW_LIM", "FCLEAR_LIM", "FSNOW_TOTAL_LIM", "SNOWLINE_COUNT_NODATA"),
        tr("Water and shaded snow"): ("WATER_MASK", "WATER_SOURCE", "SHADED_SNOW", "SUN_ZENITH", "SUN_AZIMUTH"),
        tr("Fractional snow cover"): ("TCD", "FSC_FORMULA"),
        tr("LIS options (off by default)"): ("STRICT_CLOUD_MASK", "REMOVE_SNOW_INSIDE_CLOUD",
                                             "REMOVE_SNOW_INSIDE_CLOUD_DILATION_RADIUS",
                                             "REMOVE_SNOW_INSIDE_CLOUD_THRESHOLD", "REMOVE_SNOW_INSIDE_CLOUD_MIN_AREA"),
        tr("Other LIS settings"): ("RESIZE_FACTOR", "DARKCLOUD_SIZE", "NODATA_CODE"),
    }
    return {name: group for group, names in groups.items() for name in names}


def lis_options(lis):
    """The LIS options that are off by default, the source of water and the shaded snow (advanced)."""
    return (
        Param("STRICT_CLOUD_MASK", BOOLEAN, tr("Strict cloud mask (LIS strict_cloud_mask)"),
              tr("LIS's strict_cloud_mask: a snow pixel of pass 1 or 2 stays snow only when it is not in the "
                 "back-to-cloud mask (original cloud with a red reflectance above the red threshold, back to cloud); "
                 "such pixels "
                 "are mapped as cloud. Off by default, as in LIS."),
              default=LIS_OPTIONS["STRICT_CLOUD_MASK"], optional=True, advanced=True, source=lis),
        Param("REMOVE_SNOW_INSIDE_CLOUD", BOOLEAN, tr("Remove snow inside clouds (LIS pass 1.5)"),
              tr("LIS's rm_snow_inside_cloud (\"pass 1.5\"): the pass-1 snow objects (4-connected) larger than "
                 "the minimum area whose surrounding ring (the object dilated by a disk of the dilation radius, "
                 "minus snow) is more than the threshold cloud go back to cloud, and into the cloud mask of the "
                 "snowline and of pass 2. Off by default, as in LIS."),
              default=LIS_OPTIONS["RM_SNOW_INSIDE_CLOUD"], optional=True, advanced=True, source=lis),
        Param("REMOVE_SNOW_INSIDE_CLOUD_DILATION_RADIUS", INTEGER, tr("Pass 1.5: dilation radius (pixels)"),
              tr("LIS's rm_snow_inside_cloud_dilation_radius: radius in pixels of the disk that makes the ring "
                 "around a snow object. LIS default 5."),
              default=LIS_OPTIONS["RM_SNOW_INSIDE_CLOUD_DILATION_RADIUS"], minimum=0, maximum=1000, optional=True,
              advanced=True, source=lis),
        Param("REMOVE_SNOW_INSIDE_CLOUD_THRESHOLD", NUMBER, tr("Pass 1.5: cloud fraction of the ring"),
              tr("LIS's rm_snow_inside_cloud_threshold: a snow object goes back to cloud when more than this "
                 "fraction of its ring is cloud (0 to 1). LIS default 0.85."),
              default=LIS_OPTIONS["RM_SNOW_INSIDE_CLOUD_THRESHOLD"], minimum=0.0, maximum=1.0, optional=True,
              advanced=True, source=lis),
        Param("REMOVE_SNOW_INSIDE_CLOUD_MIN_AREA", INTEGER, tr("Pass 1.5: minimum object area (pixels)"),
              tr("LIS's rm_snow_inside_cloud_min_area: only snow objects of more than this many pixels are "
                 "looked at. LIS default 25000."),
              default=LIS_OPTIONS["RM_SNOW_INSIDE_CLOUD_MIN_AREA"], minimum=0, optional=True, advanced=True,
              source=lis),
        Param("WATER_SOURCE", ENUM, tr("Source of water"),
              tr("Where water comes from (LIS 1.11's water mask): none (LIS's default: water may be snow; the QC "
                 "water bit then comes from the product's mask when it has one), the product's own water mask, "
                 "or the water mask layer. Water pixels are never snow (Névé keeps them as no snow or cloud, "
                 "where LIS 1.11 makes them no data), and the QC water bit comes from the chosen source."),
              default="none", options=water_source_options(), optional=True, advanced=True, source=lis),
        Param("SHADED_SNOW", BOOLEAN, tr("Flag snow in the cast shadow of the relief (QC bit 6)"),
              tr("Needs a DEM and the sun angles (the product's, or the sun zenith and azimuth angles below): a "
                 "pixel is in "
                 "cast shadow when the terrain towards the sun rises above the sun's elevation; snow detected "
                 "there gets bit 6 of the QC flags."),
              default=False, optional=True, advanced=True),
        Param("SUN_ZENITH", NUMBER, tr("Sun zenith angle (degrees)"),
              tr("For the shaded snow: the sun zenith angle, replacing the product's mean angle (needed with "
                 "layers, which have no metadata)."), minimum=0.0, maximum=90.0, optional=True, advanced=True),
        Param("SUN_AZIMUTH", NUMBER, tr("Sun azimuth angle (degrees)"),
              tr("For the shaded snow: the sun azimuth angle, clockwise from north, replacing the product's "
                 "mean angle."), minimum=0.0, maximum=360.0, optional=True, advanced=True),
    )


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
        "7. the map: 100 snow, else 205 cloud, else 0; no data where a band has none (a 10 m band: over the "
        "whole 20 m pixel) or a layer does not reach.</p>"
        "<p>Without a DEM, pass 2 is skipped. Defaults: LIS parameter schema (Theia Snow collection); "
        "no-data code 255 since LIS 1.6 (254 before).</p>"
        "<p><b>Landsat 8 and 9</b> (Theia/MUSCATE L2A, or USGS Collection 2 Level-2 from its folder or "
        ".tar): the LIS Landsat settings, green B3, red B4 and SWIR B6, on the 30 m grid, the dark-cloud "
        "test over 240 m (8 pixels); clouds from the CLM (Theia) or from QA_PIXEL (USGS: bits 1 to 4 are "
        "cloud, bit 4 shadow, bit 2 high cloud).</p>"
        "<p><b>Options</b> (advanced, off by default as in LIS): the strict cloud mask (strict_cloud_mask); "
        "the removal of snow inside clouds (rm_snow_inside_cloud, \"pass 1.5\"); a water mask (LIS 1.11), from "
        "a layer or the product, where snow is never mapped; the shaded snow, snow in the cast shadow of the "
        "relief (QC bit 6), from the DEM and the sun angles.</p>"
        "<p><b>Outputs</b>: the map; optionally the LIS bit field of intermediate layers (bit 0 pass-1 "
        "snow, 1 pass-2 snow, 2 cloud before refinement, 3 refined cloud, 4 original cloud, 5 slope "
        "flag MG2 &gt;= 64), the NDSI, the fractional snow cover on top of canopy (FSC, percent), and "
        "with a tree cover density layer the on-ground FSC and the QC flags; snow and cloud polygons "
        "(GeoPackage); an HTML report with the elevation histogram and the snowline; the snowline "
        "elevation and the snow and cloud percentages as numbers for the modeler.</p>")
