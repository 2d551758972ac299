"""Declaration of ``loadproduct``, "Load a Sentinel-2 L2A product" (or a Landsat one); the job is
``pipeline/product.py``."""
import dataclasses

from ...core import missions
from ...errors import NeveError
from ...i18n import QT_TR_NOOP, tr
from ..spec import BOOLEAN, ENUM, FILE_OUT, NUMBER, RASTER_OUT, STRING, AlgorithmSpec, Output, Param
from . import common, runner

#: The Theia reflectances (file names *_FRE_*, *_SRE_*); the first, flat reflectance, is the default.
REFLECTANCES = ("fre", "sre")
DEFAULT_REFLECTANCE = REFLECTANCES[0]
#: Stack output -> (resolution in metres, bands in the order of the VRT's bands): Sentinel-2 products.
STACKS = {
    "OUTPUT_R1": (10, ("B2", "B3", "B4", "B8")),
    "OUTPUT_R2": (20, ("B5", "B6", "B7", "B8A", "B11", "B12")),
}
#: The same for Landsat products: their 30 m bands.
LANDSAT_STACKS = {"OUTPUT_XS": (missions.LANDSAT_RESOLUTION, missions.LANDSAT_BANDS)}
#: Every stack output, and the mission whose products have it.
ALL_STACKS = dict(STACKS, **LANDSAT_STACKS)
STACK_MISSIONS = dict({name: missions.SENTINEL2 for name in STACKS},
                      **{name: missions.LANDSAT for name in LANDSAT_STACKS})
#: Stack output -> the bands of its colour composite (red, green, blue: their colour interpretation in the
#: VRT, and how QGIS shows the stack) and the top of its reflectance stretch: natural colours 0 to 0.3 (as
#: the demo's quicklook), Sentinel-2's false colours B11, B8A, B5 (snow cyan, clouds white, vegetation
#: green) 0 to 0.5, Landsat's natural colours B4, B3, B2.
COMPOSITES = {"OUTPUT_R1": (("B4", "B3", "B2"), 0.3), "OUTPUT_R2": (("B11", "B8A", "B5"), 0.5),
              "OUTPUT_XS": (("B4", "B3", "B2"), 0.3)}
#: Mask output -> kind of mask of the product reader (``io.products.MASK_KINDS``), in the order of the
#: summary.
MASKS = {"OUTPUT_CLOUD": "cloud", "OUTPUT_SHADOW": "shadow", "OUTPUT_WATER": "water", "OUTPUT_SNOW": "snow",
         "OUTPUT_NODATA": "nodata"}


def reflectance_options():
    return (("fre", tr("FRE: flat reflectance (slope-corrected), as the Theia Snow collection uses")),
            ("sre", tr("SRE: surface reflectance without slope correction")))


def no_product_error():
    """The error of a run without a product (the dialog says it before QGIS's own check)."""
    return NeveError("no_product", QT_TR_NOOP(
        "No product: give a Sentinel-2 L2A product (its folder, its .zip or its metadata file) or a Landsat one. "
        "This algorithm "
        "loads whole products, not single layers."))


def spec():
    vrt_filter = tr("GDAL virtual rasters (*.vrt)")
    vrt_help = tr("A small VRT file pointing to the product's band files (keep the product where it is).")
    product = dataclasses.replace(
        common.product_param(), optional=False,
        label=tr("Sentinel-2 or Landsat L2A product (folder, .zip, .tar or metadata file)"),
        help=tr("A Theia/MUSCATE (MAJA) product or an ESA Sen2Cor product, as downloaded: its .zip (read "
                "without unzipping), its folder, or its metadata file (*_MTD_ALL.xml, MTD_MSIL2A.xml). Landsat 8 "
                "and 9: a Theia/MUSCATE Landsat L2A product (folder or .zip) or a USGS Collection 2 Level-2 "
                "product (folder, .tar or *_MTL.xml)."))
    parameters = [
        product,
        Param("REFLECTANCE", ENUM, tr("Theia reflectance"),
              tr("Theia products carry two reflectances: FRE, corrected for the slopes' illumination (used by "
                 "the Theia Snow collection), and SRE, without that correction. Sen2Cor products have one."),
              default=DEFAULT_REFLECTANCE, options=reflectance_options(), advanced=True,
              source=tr("Let-It-Snow (Theia Snow collection)")),
        Param("OUTPUT_R1", FILE_OUT, tr("10 m reflectance stack (B2, B3, B4, B8)"), vrt_help, optional=True,
              file_filter=vrt_filter),
        Param("OUTPUT_R2", FILE_OUT, tr("20 m reflectance stack (B5, B6, B7, B8A, B11, B12)"), vrt_help,
              optional=True, file_filter=vrt_filter),
        Param("OUTPUT_XS", FILE_OUT, tr("30 m reflectance stack of a Landsat product (B1 to B7)"),
              tr("A small VRT file pointing to the band files of a Landsat product (keep the product where it "
                 "is). Sentinel-2 products have the 10 m and 20 m stacks instead."), optional=True,
              create_by_default=False, file_filter=vrt_filter),
        Param("OUTPUT_CLOUD", RASTER_OUT, tr("Cloud mask"), optional=True),
        Param("OUTPUT_SHADOW", RASTER_OUT, tr("Cloud shadow mask"), optional=True),
        Param("OUTPUT_WATER", RASTER_OUT, tr("Water mask"), optional=True),
        Param("OUTPUT_SNOW", RASTER_OUT, tr("Snow mask"), optional=True),
        Param("OUTPUT_NODATA", RASTER_OUT, tr("No-data mask"), optional=True),
        Param("OUTPUT_HTML", FILE_OUT, tr("Summary"), optional=True, file_filter=tr("HTML files (*.html)")),
    ]
    outputs = (
        Output("PRODUCT_NAME", STRING, tr("Product name")),
        Output("ACQUISITION_DATE", STRING, tr("Acquisition date and time (UTC, ISO 8601)")),
        Output("TILE", STRING, tr("Tile")),
        Output("PLATFORM", STRING, tr("Platform")),
        Output("PRODUCT_VERSION", STRING, tr("Product version (Theia) or processing baseline (Sen2Cor)")),
        Output("CLOUD_PERCENT", NUMBER, tr("Cloud percent of the valid pixels")),
        Output("SNOW_PERCENT", NUMBER, tr("Snow percent of the valid pixels")),
        Output("SUN_ZENITH", NUMBER, tr("Mean sun zenith angle (degrees)")),
        Output("SUN_AZIMUTH", NUMBER, tr("Mean sun azimuth angle (degrees)")),
        Output("SUNGLINT", BOOLEAN, tr("Sunglint likely")),
        Output("MAJA_ERA", STRING, tr("MAJA parametrisation of the cloud mask (Theia, from the production date)")),
        Output("MAJA_CLOUD_BUFFER", NUMBER, tr("Cloud buffer of that parametrisation (m)")),
        Output("MISSION", STRING, tr("Mission (Sentinel-2, Landsat)")),
        Output("PATH_ROW", STRING, tr("Landsat path and row (WRS-2)")),
    )
    return AlgorithmSpec(
        name="loadproduct", group="products", display_name=tr("Load a Sentinel-2 or Landsat L2A product"),
        short_description=tr(
            "Reflectance stacks at 10 and 20 m, the decoded cloud, shadow, water, snow and no-data masks, and a "
            "summary of a Theia/MAJA or Sen2Cor product."),
        help=help_text(), parameters=tuple(parameters), outputs=outputs, run=runner("product"))


def help_text():
    return tr(
        "<p>Loads a Sentinel-2 L2A product, Theia/MUSCATE (MAJA) or ESA Sen2Cor, from its folder, its "
        ".zip (read without unzipping) or its metadata file.</p>"
        "<p><b>Reflectance stacks</b>: two virtual rasters (VRT), the 10 m bands B2, B3, B4, B8 and the "
        "20 m bands B5, B6, B7, B8A, B11, B12. They point to the product's own band files, so they are "
        "written at once and take no room; keep the product where it is. The values are the digital "
        "numbers of the product, with the product's scale and offset recorded in the VRT: QGIS shows "
        "surface reflectance (0 to 1), Sen2Cor's offset of processing baseline 04.00 and later "
        "included. Bands are named with their central wavelength. A band the product holds only at a "
        "coarser resolution is shown with its pixels repeated.</p>"
        "<p><b>Masks</b> at 20 m, decoded from the product: cloud (the choice of the Theia Snow "
        "collection: any CLM bit, or SCL classes 3, 8, 9, 10, cloud shadows included), cloud shadow "
        "(CLM bits 5 and 6, or SCL 3), water (MG2 bit 0, or SCL 6), snow (MG2 bit 2, or SCL 11): "
        "1 in the mask, 0 outside, 255 no data. The no-data mask is 1 outside the swath (EDG, or SCL "
        "0). Skip the outputs you do not need.</p>"
        "<p><b>MAJA parameters</b>: for a Theia product, which parametrisation of MAJA's cloud mask made it, "
        "from its production date (the product version did not always change with them): theia_2016 (before "
        "May 2017: 480 m buffer, SWIR over water 0.08, 0.25 with sunglint), theia_2017 (May 2017 to 1 February "
        "2018: 240 m, 0.08, 0.25), theia_2018 (since 2 February 2018: 480 m, 0.04, 0.16). neve:refinecloudmask "
        "brings a product to the current parameters.</p>"
        "<p><b>Summary</b>: acquisition and production dates, tile, platform, product version or "
        "processing baseline, mean sun angles, cloud and snow percent of the valid pixels (counted on "
        "the masks above), the sunglint flag (MAJA's flag, or MAJA's rule on the mean angles for "
        "Sen2Cor) and the product's other quality indicators, in the log and as an HTML page. The "
        "same values are outputs that a model can pass on.</p>"
        "<p><b>Landsat 8 and 9</b> (Theia/MUSCATE L2A, or USGS Collection 2 Level-2 from its folder or "
        ".tar): one stack of the 30 m bands B1 to B7 instead of the 10 m and 20 m stacks, the masks at 30 m "
        "(the CLM, MG2 and EDG of Theia, or the USGS QA_PIXEL bits: cloud bits 1 to 4, shadow 4, water 7, "
        "snow 5, no data 0), and the mission and the path and row (or the Theia tile or site) in the "
        "summary.</p>")
