"""Declaration of ``waterclouds``, "Clouds over water (SWIR test, sunglint-aware)"; the job is
``pipeline/waterclouds.py``."""
from ...i18n import tr
from ..spec import NUMBER, RASTER, RASTER_OUT, AlgorithmSpec, Output, Param
from . import clouds, common, runner


def spec():
    parameters = (
        common.product_param(),
        Param("SWIR", RASTER, tr("SWIR reflectance layer"),
              tr("The SWIR band (B12, or B11 when chosen) as a layer, used when no product is given; "
                 "reflectance = (value + offset) / scale (advanced parameters). Its grid is the output's."),
              optional=True),
        Param("WATER", RASTER, tr("Water layer"),
              tr("Where the water is: a water mask, a MAJA MG2 or a Sen2Cor SCL (say which below). Needed "
                 "without a product; with a product it replaces the product's water."), optional=True),
        *clouds.water_cloud_params(),
        clouds.resolution_param(),
        clouds.resample_param(),
        *common.scale_params(),
        Param("OUTPUT", RASTER_OUT, tr("Clouds over water")),
        Param("OUTPUT_GLINT", RASTER_OUT, tr("Glint angle (degrees)"),
              tr("Optional: the glint angle at each pixel, in degrees (float32), from the product's angle "
                 "grids; 0 is the exact specular reflection of the sun."), optional=True, create_by_default=False),
    )
    outputs = (Output("WATER_CLOUD_PERCENT", NUMBER, tr("Percent of the water pixels found cloudy")),)
    return AlgorithmSpec(
        name="waterclouds", group="clouds", display_name=tr("Clouds over water (SWIR test, sunglint-aware)"),
        short_description=tr("MAJA's SWIR test for clouds over water (1 cloud over water, 0 not, 255 no data), "
                             "with sunglint per pixel, from the scene flag, always or never."),
        help=help_text(), parameters=parameters, outputs=outputs, run=runner("waterclouds"),
        inputs=("INPUT_PRODUCT", "SWIR", "WATER"))


def help_text():
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
        "degrees.</p>"
        "<p><b>Landsat 8 and 9</b> products are read on their 30 m grid, with B7 for B12 and B6 for B11, water "
        "from MG2 (Theia) or QA_PIXEL bit 7 (USGS). Landsat looks at nadir and its products have no viewing "
        "angle grids: per pixel, the glint angle is that of the mean sun angles and a vertical view.</p>")
