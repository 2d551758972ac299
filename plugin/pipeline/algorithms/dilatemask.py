"""Declaration of ``dilatemask``, "Buffer a mask by a distance"; the job is ``pipeline/buffer.py``."""
from ...i18n import tr
from ..spec import RASTER, RASTER_OUT, AlgorithmSpec, Param
from ..thresholds import threshold_param
from . import clouds, common, runner


def spec():
    parameters = (
        common.product_param(),
        Param("INPUT", RASTER, tr("Mask raster"),
              tr("The mask to buffer, for example a cloud mask made by \"Cloud mask from a product's mask\". "
                 "When given, it is buffered even if a product is given too (the product then only "
                 "provides the viewing angles of the parallax)."), optional=True),
        clouds.mask_values_param(
            tr("Values of the mask raster that are buffered, separated by commas, ranges with a dash "
               "(1, 2, 5-7). Empty (default): every non-zero value except no data.")),
        threshold_param("DISTANCE"),
        clouds.parallax_param(),
        clouds.resolution_param(),
        Param("OUTPUT", RASTER_OUT, tr("Buffered mask")),
    )
    return AlgorithmSpec(
        name="dilatemask", group="clouds", display_name=tr("Buffer a mask by a distance"),
        short_description=tr("Exact Euclidean buffer of a mask (1 buffered, 0 outside, 255 no data), optionally "
                             "extended by the parallax between the bands."),
        help=help_text(), parameters=parameters, outputs=(), run=runner("buffer"),
        inputs=("INPUT_PRODUCT", "INPUT"))


def help_text():
    return tr(
        "<p>Buffers (dilates) a mask by a distance in metres, as MAJA dilates its cloud mask: 480 m in "
        "Theia production since February 2018, 240 m from May 2017 to February 2018; Sen2Cor does not "
        "buffer.</p>"
        "<p><b>Exact definition</b>: an output pixel is 1 when the Euclidean distance between its "
        "centre and the centre of some mask pixel is at most the distance, 0 otherwise, 255 where the "
        "input is no data. Pixel width and height come from the raster (non-square pixels are "
        "honoured); the result is the same whatever the size of the blocks it is computed in. The "
        "raster must be in a projected CRS in metres.</p>"
        "<p><b>Mask</b>: a raster layer, whose listed values count as mask (default: every non-zero "
        "value except no data); or, without a layer, the clouds of a Sentinel-2 L2A product: MAJA CLM "
        "bits 1, 2, 3 and 7 (every cloud except the thinnest, not shadows), or Sen2Cor SCL classes 8, "
        "9 and 10, with no data from EDG or SCL 0. For another choice, make the mask with \"Cloud mask "
        "from a product's mask\" and give it as the layer.</p>"
        "<p><b>Parallax</b>: with a parallax height above 0 and a product (for its per-band viewing "
        "angles), the buffer also covers where the bands see a cloud at that height.</p>"
        "<p><b>Landsat 8 and 9</b> products (Theia/MUSCATE, or USGS Collection 2 from its folder or .tar) are read on "
        "their 30 m grid; the clouds of a USGS product are its QA_PIXEL bits 2 (cirrus) and 3 (cloud), its no "
        "data bit 0.</p>")
