"""Declaration of ``cloudshadows``, "Cloud shadows from sun geometry"; the job is ``pipeline/shadows.py``."""
from ...i18n import tr
from ..spec import NUMBER, RASTER, RASTER_OUT, AlgorithmSpec, Output, Param
from . import clouds, common, runner


def spec():
    parameters = (
        common.product_param(),
        Param("CLOUDS", RASTER, tr("Cloud mask layer"),
              tr("The clouds whose shadows are searched for (non-zero values except no data), used when no "
                 "product is given. Its grid is the output's; it must be in a projected CRS in metres."),
              optional=True),
        *clouds.shadow_params(),
        *clouds.potential_band_params(),
        clouds.resolution_param(),
        clouds.resample_param(),
        *common.scale_params(),
        Param("OUTPUT", RASTER_OUT, tr("Cloud shadows")),
        Param("OUTPUT_HEIGHT", RASTER_OUT, tr("Cloud heights (m)"),
              tr("Optional: on each cloud's pixels, the height found for it in metres (float32; no data where "
                 "no shadow was found)."), optional=True, create_by_default=False),
    )
    outputs = (Output("CLOUD_OBJECTS", NUMBER, tr("Number of clouds")),
               Output("SHADOW_OBJECTS", NUMBER, tr("Number of clouds with a shadow")))
    return AlgorithmSpec(
        name="cloudshadows", group="clouds", display_name=tr("Cloud shadows from sun geometry"),
        short_description=tr("Shadows found by projecting each cloud along the sun direction over a range of "
                             "heights and keeping the best match with dark pixels (1 shadow, 0 not, 255 no "
                             "data)."),
        help=help_text(), parameters=parameters, outputs=outputs, run=runner("shadows"),
        inputs=("INPUT_PRODUCT", "CLOUDS", "DARK_BAND"))


def help_text():
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
        "<p><b>Matched shadows</b> (shadow method): instead of the dark pixels, the potential shadows, pixels "
        "darker than their surroundings in the NIR (B8A) and the SWIR (B11) by a flood fill as in Fmask, or "
        "below the NIR dark threshold; each cloud's projection marks every height within the tolerance of its "
        "best match, and the potential-shadow objects it touches are its shadow. With layers, give the NIR and "
        "SWIR band layers. The shadows can be buffered.</p>"
        "<p><b>Angles</b> from the product's 5 km angle grids at each cloud's centre, or given as "
        "numbers. Heights: python-fmask scans 200 m to 12 km, GRASS i.sentinel.mask 1 to 4 km.</p>"
        "<p>The whole raster is processed at once (about 10 bytes a pixel): with a product, at 20 m by "
        "default. Outputs: the shadow mask (1 shadow, 0 not, 255 no data) and optionally each cloud's "
        "height in metres.</p>"
        "<p><b>Landsat 8 and 9</b> products are read on their 30 m grid, with the NIR B5 or the SWIR B6 for the "
        "dark test, the sun angles of the metadata and a view at nadir; the clouds of a USGS product are its "
        "QA_PIXEL bit 3 (cloud).</p>")
