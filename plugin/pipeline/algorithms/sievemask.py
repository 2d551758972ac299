"""Declaration of ``sievemask``, "Remove small objects and fill small holes"; the job is ``pipeline/sieve.py``."""
from ...core.defaults import SIEVE_MIN_AREA
from ...i18n import tr
from ..spec import ENUM, NUMBER, RASTER, RASTER_OUT, AlgorithmSpec, Param
from . import clouds, common, runner

MAX_AREA = 1.0e9  # m2: 1000 km2, about a tenth of a tile
#: Which pixels touch: by their sides and corners (8), or by their sides only (4).
CONNECTIVITIES = (8, 4)


def connectivity_options():
    return ((8, tr("8: sides and corners")), (4, tr("4: sides only")))


def spec():
    grass = tr("GRASS i.sentinel.mask")
    parameters = (
        common.product_param(),
        Param("INPUT", RASTER, tr("Mask raster"),
              tr("The mask to clean, for example a cloud mask. When given, it is used even if a product is "
                 "given too."), optional=True),
        clouds.mask_values_param(
            tr("Values of the mask raster that belong to the mask, separated by commas, ranges with a dash "
               "(1, 2, 5-7). Empty (default): every non-zero value except no data.")),
        Param("MIN_OBJECT_AREA", NUMBER, tr("Minimum object area (m²)"),
              tr("Objects of the mask smaller than this are removed (an object of exactly this area stays). "
                 "GRASS i.sentinel.mask: 50000 m² for clouds, 10000 m² for shadows. 0: keep every object."),
              default=SIEVE_MIN_AREA, minimum=0.0, maximum=MAX_AREA, source=grass),
        Param("MIN_HOLE_AREA", NUMBER, tr("Minimum hole area (m²)"),
              tr("Holes in the mask smaller than this are filled (a hole of exactly this area stays). No-data "
                 "pixels are never filled. 0: keep every hole."),
              default=SIEVE_MIN_AREA, minimum=0.0, maximum=MAX_AREA, source=grass),
        Param("CONNECTIVITY", ENUM, tr("Connectivity"),
              tr("Which pixels touch: by their sides and corners (8, default) or by their sides only (4)."),
              default=CONNECTIVITIES[0], options=connectivity_options(), advanced=True),
        clouds.resolution_param(),
        Param("OUTPUT", RASTER_OUT, tr("Sieved mask")),
    )
    return AlgorithmSpec(
        name="sievemask", group="clouds", display_name=tr("Remove small objects and fill small holes"),
        short_description=tr("Sieve of a mask with areas in square metres: small objects removed, small holes "
                             "filled (1 mask, 0 outside, 255 no data)."),
        help=help_text(), parameters=parameters, outputs=(), run=runner("sieve"),
        inputs=("INPUT_PRODUCT", "INPUT"))


def help_text():
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
        "Sen2Cor SCL classes 8, 9 and 10). Output: 1 mask, 0 outside, 255 no data.</p>"
        "<p><b>Landsat 8 and 9</b> products (Theia/MUSCATE, or USGS Collection 2 from its folder or .tar) are read on "
        "their 30 m grid; the clouds of a USGS product are its QA_PIXEL bits 2 (cirrus) and 3 (cloud), its no "
        "data bit 0.</p>")
