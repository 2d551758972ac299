"""Declaration of ``cloudmask``, "Cloud mask from a product's mask"; the job is ``pipeline/cloudmask.py``."""
import dataclasses

from ...i18n import tr
from ..spec import ENUM, RASTER, RASTER_OUT, STRING, AlgorithmSpec, Param
from . import clouds, common, runner

#: The kinds of mask: MAJA CLM and MG2 bit fields, Sen2Cor SCL classes, any raster's values, the USGS
#: Landsat QA_PIXEL bit field. Saved models store the index of the option: new kinds go last.
MASK_TYPES = ("clm", "mg2", "scl", "values", "qa_pixel")
#: The choice of the Theia Snow collection (LIS): every CLM bit (CLM > 0), MG2 bit 1 (all clouds), SCL
#: classes 3, 8, 9, 10 (cloud shadow, clouds of medium and high probability, thin cirrus).
DEFAULT_CLM_BITS = tuple(range(8))
DEFAULT_MG2_BITS = (1,)
DEFAULT_SCL_CLASSES = (3, 8, 9, 10)
#: QA_PIXEL: dilated cloud, cirrus, cloud, cloud shadow (bits 1 to 4), the clouds of the snow map.
DEFAULT_QA_PIXEL_BITS = (1, 2, 3, 4)


def mask_type_options():
    return (("clm", tr("MAJA cloud mask CLM (bits)")),
            ("mg2", tr("MAJA geophysical mask MG2 (bits)")),
            ("scl", tr("Sen2Cor scene classification SCL (classes)")),
            ("values", tr("Other raster (values)")),
            ("qa_pixel", tr("Landsat QA_PIXEL (USGS bits)")))


def clm_bit_options():
    return tuple(enumerate((
        tr("Bit 0: all clouds except the thinnest, and all shadows"),
        tr("Bit 1: all clouds except the thinnest"),
        tr("Bit 2: clouds from mono-temporal thresholds"),
        tr("Bit 3: clouds from multi-temporal thresholds"),
        tr("Bit 4: thinnest clouds"),
        tr("Bit 5: shadows of clouds detected in the image"),
        tr("Bit 6: shadows of clouds outside the image"),
        tr("Bit 7: high clouds (cirrus band)"),
    )))


def mg2_bit_options():
    return tuple(enumerate((
        tr("Bit 0: water"),
        tr("Bit 1: all clouds"),
        tr("Bit 2: snow"),
        tr("Bit 3: cloud shadows"),
        tr("Bit 4: topographic shadows"),
        tr("Bit 5: hidden surfaces"),
        tr("Bit 6: sun too low for slope correction"),
        tr("Bit 7: sun tangent to slope"),
    )))


def qa_pixel_bit_options():
    return tuple(enumerate((
        tr("Bit 0: fill (no data)"),
        tr("Bit 1: dilated cloud"),
        tr("Bit 2: cirrus"),
        tr("Bit 3: cloud"),
        tr("Bit 4: cloud shadow"),
        tr("Bit 5: snow"),
        tr("Bit 6: clear"),
        tr("Bit 7: water"),
        tr("Bit 8: cloud confidence, low bit (set: low or high)"),
        tr("Bit 9: cloud confidence, high bit (set: medium or high)"),
        tr("Bit 10: cloud shadow confidence, low bit"),
        tr("Bit 11: cloud shadow confidence, high bit (set: medium or high)"),
        tr("Bit 12: snow and ice confidence, low bit"),
        tr("Bit 13: snow and ice confidence, high bit (set: medium or high)"),
        tr("Bit 14: cirrus confidence, low bit"),
        tr("Bit 15: cirrus confidence, high bit (set: medium or high)"),
    )))


def scl_class_options():
    return tuple(enumerate((
        tr("0: no data"),
        tr("1: saturated or defective"),
        tr("2: dark area or topographic shadow"),
        tr("3: cloud shadow"),
        tr("4: vegetation"),
        tr("5: not vegetated"),
        tr("6: water"),
        tr("7: unclassified"),
        tr("8: cloud, medium probability"),
        tr("9: cloud, high probability"),
        tr("10: thin cirrus"),
        tr("11: snow or ice"),
    )))


def spec():
    lis = tr("Let-It-Snow (Theia Snow collection)")
    parameters = (
        common.product_param(),
        Param("INPUT", RASTER, tr("Mask raster"),
              tr("The mask layer of a product: a MAJA CLM or MG2 file, a Sen2Cor SCL file, a Landsat QA_PIXEL "
                 "file or any single-band classified raster. Used when no product is given."), optional=True),
        Param("MASK_TYPE", ENUM, tr("Kind of mask"),
              tr("How to read the mask raster: MAJA bit fields, Sen2Cor classes, plain values or the USGS "
                 "Landsat QA_PIXEL bits."),
              default=MASK_TYPES[0], options=mask_type_options()),
        Param("CLM_BITS", ENUM, tr("CLM bits that count as cloud"),
              tr("Used with a MAJA CLM. Default all bits (CLM > 0), as in the Theia Snow collection."),
              default=list(DEFAULT_CLM_BITS), options=clm_bit_options(), multiple=True, optional=True, source=lis),
        Param("MG2_BITS", ENUM, tr("MG2 bits that count as cloud"),
              tr("Used with a MAJA MG2. Default bit 1, all clouds."),
              default=list(DEFAULT_MG2_BITS), options=mg2_bit_options(), multiple=True, optional=True),
        Param("SCL_CLASSES", ENUM, tr("SCL classes that count as cloud"),
              tr("Used with a Sen2Cor SCL. Default 3, 8, 9, 10, as in the Theia Snow method for Sen2Cor."),
              default=list(DEFAULT_SCL_CLASSES), options=scl_class_options(), multiple=True, optional=True,
              source=lis),
        Param("QA_PIXEL_BITS", ENUM, tr("QA_PIXEL bits that count as cloud"),
              tr("Used with a Landsat QA_PIXEL (USGS Collection 2). Default bits 1 to 4: dilated cloud, cirrus, "
                 "cloud and cloud shadow, the clouds of the snow map. Bits 8 to 15 are two-bit confidences (0 "
                 "none, 1 low, 2 medium, 3 high): the high bit of a pair is set for medium and high."),
              default=list(DEFAULT_QA_PIXEL_BITS), options=qa_pixel_bit_options(), multiple=True, optional=True,
              source=tr("USGS Landsat Collection 2")),
        Param("VALUES", STRING, tr("Values that count as cloud"),
              tr("Used with another raster: values separated by commas, ranges with a dash "
                 "(1, 2, 5-7). Empty: every non-zero value."), default="", optional=True),
        dataclasses.replace(
            clouds.resolution_param(optional=True),
            help=tr("Pixel size of the output when the input is a Sentinel-2 product: 10 or 20 m (the Theia Snow "
                    "collection works at 20 m). Landsat products are read on their 30 m grid.")),
        Param("OUTPUT", RASTER_OUT, tr("Cloud mask")),
    )
    return AlgorithmSpec(
        name="cloudmask", group="clouds", display_name=tr("Cloud mask from a product's mask"),
        short_description=tr("A binary cloud mask (1 cloud, 0 clear, 255 no data) from a MAJA CLM or MG2 mask, "
                             "a Sen2Cor SCL, a Landsat QA_PIXEL or any classified raster."),
        help=help_text(), parameters=parameters, outputs=(), run=runner("cloudmask"),
        inputs=("INPUT_PRODUCT", "INPUT"))


def help_text():
    return tr(
        "<p>Makes a binary cloud mask from the mask layer of a Sentinel-2 L2A product: "
        "1 = cloud, 0 = clear, 255 = no data (uint8, tiled and compressed GeoTIFF).</p>"
        "<p><b>MAJA CLM</b> (Theia): a pixel is cloud when at least one of the chosen bits is set. "
        "The default, all bits (CLM &gt; 0), is the choice of the Theia Snow collection (LIS).</p>"
        "<p><b>MAJA MG2</b>: same with the bits of the geophysical mask (default: bit 1, all clouds).</p>"
        "<p><b>Sen2Cor SCL</b>: a pixel is cloud when its class is one of the chosen classes. "
        "The default, classes 3, 8, 9 and 10 (cloud shadow, clouds of medium and high probability, "
        "thin cirrus), is the choice of LIS for Sen2Cor products. Class 0 is no data.</p>"
        "<p><b>Other raster</b>: a pixel is cloud when its value is one of the listed values, "
        "for example <i>1, 2, 5-7</i>; left empty, every non-zero value counts.</p>"
        "<p>Pixels equal to the input's no-data value are no data in the output.</p>"
    ) + tr(
        "<p><b>Landsat QA_PIXEL</b> (USGS Collection 2): a pixel is cloud when at least one of the chosen "
        "bits is set; the default, bits 1 to 4 (dilated cloud, cirrus, cloud, cloud shadow), is the cloud "
        "mask of the snow map. Bit 0 (fill) is no data.</p>"
    ) + tr(
        "<p><b>From a product</b>: the mask comes from the product itself, read in place: the CLM of a "
        "Theia product (or its MG2 when that kind is chosen), with no data from its EDG mask, or the "
        "SCL of a Sen2Cor product, at the chosen resolution (10 or 20 m; masks are resampled with "
        "nearest neighbour, never through JPEG2000 reduced resolutions); the QA_PIXEL of a USGS Landsat "
        "product (the CLM of a Theia Landsat product) on its 30 m grid.</p>")
