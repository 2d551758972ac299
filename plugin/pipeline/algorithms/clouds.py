"""Parameters that the cloud-mask algorithms declare alike: the mask of a layer and its values, the
resolution with a product, the parallax height, the water test, the layers' grids, the shadow search.

The keys of their options are the values the jobs receive (``pipeline/spec.py``); the defaults are those
of ``core/defaults.py``. Light imports only, as every declaration.
"""
from ...core.defaults import CLOUD_RESOLUTION, MATCHED_SHADOW_DEFAULTS, PARALLAX_HEIGHT, SHADOW_DEFAULTS
from ...i18n import tr
from ..spec import BOOLEAN, ENUM, INTEGER, NUMBER, RASTER, STRING, Param
from ..thresholds import threshold_param

MAX_PARALLAX_HEIGHT = 20000.0   # metres: above the highest clouds (contrails)
MAX_HEIGHT = 20000.0            # metres: the highest cloud height the shadow search takes

#: SWIR band of the water test (MAJA: B12, "SWIR when available").
SWIR_BANDS = ("B12", "B11")
#: Where the sunglint threshold applies ("automatic", the default: per pixel with angle grids, the scene flag
#: with a product without them, else never, with a warning; appended last so that saved choices keep their
#: index).
SUNGLINT_MODES = ("pixel", "scene", "always", "never", "automatic")
DEFAULT_SUNGLINT = "automatic"
#: How a water layer is read.
WATER_KINDS = ("nonzero", "mg2", "scl")
#: The dark test of the shadow search, and its band with a product.
DARK_TESTS = ("nir", "swir")
SHADOW_METHODS = ("projection", "matched")
DARK_BANDS = {"nir": "B8A", "swir": "B11"}
#: Where the sun and viewing angles of the shadow search come from ("automatic", the default: the product's
#: when there is a product, else the numbers, with a warning; appended last).
ANGLE_SOURCES = ("product", "numbers", "automatic")
DEFAULT_ANGLES = "automatic"


def mask_values_param(help_text):
    """``VALUES``: the values of a mask raster that count as mask (empty: every non-zero value)."""
    return Param("VALUES", STRING, tr("Values that count as mask"), help_text, default="", optional=True)


def resolution_param(optional=False):
    """``RESOLUTION``: the output's pixel size with a product (10 or 20 m)."""
    return Param("RESOLUTION", INTEGER, tr("Resolution with a product (m)"),
                 tr("Pixel size of the output when the input is a Sentinel-2 product: 10 or 20 m (the Theia Snow "
                    "collection works at 20 m; the product's masks exist at both). Landsat products are read on "
                    "their 30 m grid."),
                 default=CLOUD_RESOLUTION, minimum=10, maximum=60, optional=optional, advanced=True,
                 source=tr("Let-It-Snow (Theia Snow collection)"))


def parallax_param():
    """``PARALLAX_HEIGHT``: the buffer also covers the parallax between the bands of a cloud at that height."""
    return Param("PARALLAX_HEIGHT", NUMBER, tr("Parallax height (m, 0 = off)"),
                 tr("The 12 bands of Sentinel-2 look in slightly different directions, so a cloud at this height "
                    "appears at a different place in each band (larger for higher clouds, such as contrails). "
                    "Above 0, the buffer also covers every displacement between the bands' viewing directions for "
                    "a cloud at this height (from the product's per-band mean viewing angles: needs a product). "
                    "0 (default): a plain disk, as MAJA."),
                 default=PARALLAX_HEIGHT, minimum=0.0, maximum=MAX_PARALLAX_HEIGHT, source=tr("MAJA"))


def swir_band_options():
    return (("B12", tr("B12 (2190 nm), as MAJA; Landsat B7")), ("B11", tr("B11 (1610 nm), the other SWIR band; Landsat B6")))


def sunglint_options():
    return (("pixel", tr("Per pixel, from the sun and viewing angle grids")),
            ("scene", tr("The product's scene flag (MAJA)")),
            ("always", tr("Always")),
            ("never", tr("Never")),
            ("automatic", tr("Automatic: per pixel with angle grids, else the scene flag, else never")))


def water_kind_options():
    return (("nonzero", tr("Water mask (non-zero values are water)")),
            ("mg2", tr("MAJA MG2 (bit 0 is water)")),
            ("scl", tr("Sen2Cor SCL (class 6 is water)")))


def water_cloud_params(with_thresholds=True):
    """SWIR band, (the thresholds of the table,) sunglint mode and kind of water layer."""
    parameters = [
        Param("SWIR_BAND", ENUM, tr("SWIR band"),
              tr("The band of the test: B12 as MAJA (its parameters: \"SWIR when available\"), or B11."),
              default=SWIR_BANDS[0], options=swir_band_options(), source=tr("MAJA"))]
    if with_thresholds:
        parameters += [threshold_param(name) for name in ("THRESHOLD", "THRESHOLD_SUNGLINT", "SUNGLINT_ANGLE")]
    parameters += [
        Param("SUNGLINT", ENUM, tr("Sunglint"),
              tr("Where the higher threshold applies. Per pixel: where the angle between the viewing "
                 "direction and the specular reflection of the sun is below the sunglint angle, from the "
                 "product's sun and viewing angle grids of the SWIR band (MAJA itself does not do this; needs a "
                 "product with angle grids). The product's scene flag: MAJA's SunGlintDetected, or MAJA's rule "
                 "on the mean angles when the product has no such flag (Sen2Cor). Always, or never. Automatic "
                 "(default): per pixel when the product has angle grids, else the scene flag of the product, "
                 "else (layers without a product) never, with a warning in the log."),
              default=DEFAULT_SUNGLINT, options=sunglint_options()),
        Param("WATER_KIND", ENUM, tr("Kind of water layer"),
              tr("How to read the water layer: non-zero values are water (a water mask), MAJA MG2 bit 0, or "
                 "Sen2Cor SCL class 6."),
              default=WATER_KINDS[0], options=water_kind_options()),
    ]
    return parameters


def resample_param():
    """``RESAMPLE``: layers on other grids are resampled instead of refused."""
    return Param("RESAMPLE", BOOLEAN, tr("Resample layers on other grids"),
                 tr("Layers must lie on the grid of the first one (same CRS, pixel size and extent); a layer on "
                    "another grid is refused unless this is ticked: it is then resampled (masks with nearest "
                    "neighbour, reflectance with cubic convolution)."),
                 default=False, advanced=True)


def dark_test_options():
    return (("nir", tr("NIR (B8A, Landsat B5) below the NIR threshold")),
            ("swir", tr("SWIR (B11, Landsat B6) below the SWIR threshold")))


def shadow_method_options():
    return (("projection", tr("Best projection over dark pixels (Névé 0.1)")),
            ("matched", tr("Potential shadows matched per cloud (Fmask)")))


def angle_source_options():
    return (("product", tr("From the product (angle grids, else mean angles)")),
            ("numbers", tr("The numbers below")),
            ("automatic", tr("Automatic: from the product when there is one, else the numbers below")))


def shadow_params(with_layer=True):
    """The dark test, heights and angles of the shadow search (and the dark-test band layer)."""
    fmask, neve, s2cloudless = tr("python-fmask"), tr("Névé"), tr("Google Earth Engine (s2cloudless)")
    parameters = []
    if with_layer:
        parameters.append(Param(
            "DARK_BAND", RASTER, tr("Dark-test band layer (NIR or SWIR)"),
            tr("The band of the dark test as a layer (NIR B8A or B8, or SWIR B11, as chosen below), used "
               "when no product is given; reflectance = (value + offset) / scale (advanced parameters)."),
            optional=True))
    parameters += [
        Param("DARK_TEST", ENUM, tr("Dark test"),
              tr("Which band tells the dark pixels a shadow is made of: the near infrared (B8A with a product), "
                 "dark in shadows over land, or the SWIR (B11)."),
              default=DARK_TESTS[0], options=dark_test_options(), source=s2cloudless),
        Param("DARK_THRESHOLD_NIR", NUMBER, tr("NIR dark threshold (reflectance, 0 to 1)"),
              tr("With the NIR test, a pixel is dark when its NIR reflectance is below this (strict). 0.15: the "
                 "value of Google Earth Engine's Sentinel-2 cloud and shadow masking tutorial (s2cloudless)."),
              default=SHADOW_DEFAULTS["DARK_THRESHOLD_NIR"], minimum=0.0, maximum=1.0, source=s2cloudless),
        Param("DARK_THRESHOLD_SWIR", NUMBER, tr("SWIR dark threshold (reflectance, 0 to 1)"),
              tr("With the SWIR test, a pixel is dark when its B11 reflectance is below this (strict). 0.10: "
                 "Névé's choice, about half the SWIR reflectance of vegetation and bare soil."),
              default=SHADOW_DEFAULTS["DARK_THRESHOLD_SWIR"], minimum=0.0, maximum=1.0, source=neve),
        Param("HEIGHT_MIN", NUMBER, tr("Lowest cloud height (m)"),
              tr("Cloud heights are tried from this one up. python-fmask: 200 m to 12 km; GRASS i.sentinel.mask: "
                 "1 to 4 km."),
              default=SHADOW_DEFAULTS["HEIGHT_MIN"], minimum=0.0, maximum=MAX_HEIGHT, source=fmask),
        Param("HEIGHT_MAX", NUMBER, tr("Highest cloud height (m)"),
              tr("Cloud heights are tried up to this one (python-fmask: 12 km)."),
              default=SHADOW_DEFAULTS["HEIGHT_MAX"], minimum=0.0, maximum=MAX_HEIGHT, source=fmask),
        Param("HEIGHT_STEP", NUMBER, tr("Height step (m)"), tr("Step between the heights tried. Default 100 m."),
              default=SHADOW_DEFAULTS["HEIGHT_STEP"], minimum=1.0, maximum=MAX_HEIGHT, advanced=True,
              source=neve),
        Param("MIN_DARK_FRACTION", NUMBER, tr("Minimum dark fraction"),
              tr("A cloud gets a shadow only if, at its best height, more than this fraction of the clear pixels "
                 "its projection covers are dark. Default 0.5 (Névé's choice: mostly dark); 0 keeps every best "
                 "match."),
              default=SHADOW_DEFAULTS["MIN_DARK_FRACTION"], minimum=0.0, maximum=1.0, advanced=True, source=neve),
        Param("SWEPT", BOOLEAN, tr("Whole swept area"),
              tr("Instead of the shadow at each cloud's best height, the whole area the clouds sweep from the "
                 "lowest to the highest height (a cautious mask, dark pixels or not)."), default=False),
        Param("ANGLES", ENUM, tr("Sun and viewing angles"),
              tr("From the product: each cloud takes the angles of its centre from the product's 5 km sun and "
                 "viewing angle grids (viewing angles averaged over the bands), or the product's mean angles when "
                 "it has no grids. Or the numbers below, for layers. Automatic (default): the product's angles "
                 "when there is a product that has them, else the numbers below, with a warning in the log."),
              default=DEFAULT_ANGLES, options=angle_source_options()),
    ]
    parameters += matched_shadow_params()
    for name, label, maximum, help_text in (
            ("SUN_ZENITH", tr("Sun zenith angle (degrees)"), 89.0,
             tr("Used with angles given as numbers: the sun's angle from the vertical.")),
            ("SUN_AZIMUTH", tr("Sun azimuth angle (degrees)"), 360.0,
             tr("Used with angles given as numbers: direction of the sun seen from the ground, clockwise "
                "from north (the convention of the products' metadata).")),
            ("VIEW_ZENITH", tr("Viewing zenith angle (degrees)"), 89.0,
             tr("Used with angles given as numbers: the satellite's angle from the vertical (0 to about 12 "
                "for Sentinel-2).")),
            ("VIEW_AZIMUTH", tr("Viewing azimuth angle (degrees)"), 360.0,
             tr("Used with angles given as numbers: direction of the satellite seen from the ground, "
                "clockwise from north."))):
        parameters.append(Param(name, NUMBER, label, help_text, default=SHADOW_DEFAULTS[name], minimum=0.0,
                                maximum=maximum, advanced=True, decimals=1))
    return parameters


def matched_shadow_params():
    """The method of the shadow search, the matched method's settings and the buffer."""
    fmask, neve = tr("Fmask (Zhu and Woodcock 2012)"), tr("Névé")
    return [
        Param("SHADOW_METHOD", ENUM, tr("Shadow method"),
              tr("Best projection over dark pixels: each cloud's projection that holds the most dark pixels "
                 "(the method of Névé 0.1). Potential shadows matched per cloud: pixels darker than their "
                 "surroundings in the NIR (B8A) and the SWIR (B11), found by a flood fill as in Fmask, or below "
                 "the NIR dark threshold, kept where the projection of a cloud at its matching heights touches "
                 "them; dark surfaces far from the clouds' projections (water, forest) are left out. It beats "
                 "the dark test alone on every labelled scene of the benchmark."),
              default=SHADOW_METHODS[0], options=shadow_method_options(), optional=True, source=neve),
        Param("MATCH_DARKER", NUMBER, tr("Matched shadows: darker than the surroundings by"),
              tr("A pixel is a potential shadow when its NIR and its SWIR both lie more than this fraction below "
                 "their flood fill (the level its surroundings hold it at). Default 0.15."),
              default=MATCHED_SHADOW_DEFAULTS["DARKER"], minimum=0.0, maximum=1.0, optional=True, advanced=True,
              source=neve),
        Param("MATCH_TOLERANCE", NUMBER, tr("Matched shadows: height tolerance"),
              tr("A cloud's projection counts at every height where its share of potential shadow reaches this "
                 "fraction of its best share (1: the best height only). Default 0.7."),
              default=MATCHED_SHADOW_DEFAULTS["TOLERANCE"], minimum=0.0, maximum=1.0, optional=True,
              advanced=True, source=neve),
        Param("SHADOW_BUFFER", NUMBER, tr("Shadow buffer (m)"),
              tr("The shadows found are buffered by this distance (exact disk; python-fmask buffers its shadows "
                 "by 300 m). 0: no buffer."),
              default=MATCHED_SHADOW_DEFAULTS["BUFFER"], minimum=0.0, maximum=MAX_HEIGHT, optional=True,
              advanced=True, source=fmask),
    ]


def potential_band_params():
    """The bands of the potential-shadow layer as layers (the matched method without a product)."""
    return [
        Param("NIR_BAND", RASTER, tr("NIR band layer (B8A or B8)"),
              tr("With the matched shadow method and no product: the near infrared band (B8A, or B8) as a layer "
                 "on the cloud mask's grid; reflectance = (value + offset) / scale."), optional=True),
        Param("SWIR_BAND", RASTER, tr("SWIR band layer (B11)"),
              tr("With the matched shadow method and no product: the SWIR band B11 as a layer on the cloud "
                 "mask's grid."), optional=True),
    ]
