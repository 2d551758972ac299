"""The missions Névé reads, and which of their bands plays which part: the one place where "the SWIR band of
the snow test" becomes B11 on Sentinel-2 and B6 on Landsat 8 and 9 (DOMAIN.md sections 2, 5 and 8).

Products expose their bands under their own names ("B1" .. "B7" on Landsat, "B2" .. "B12" on Sentinel-2);
the jobs ask for a *role* and get the product's band for it (``io.products.Product.band_for``)::

    band(SENTINEL2, "swir")  -> "B11"     band(LANDSAT, "swir")  -> "B6"
    band(SENTINEL2, "swir2") -> "B12"     band(LANDSAT, "swir2") -> "B7"

Roles: ``blue``, ``green``, ``red``, ``nir`` (the narrow NIR: Sentinel-2 B8A at 20 m, Landsat B5),
``swir`` (1.6 um: the SWIR of the NDSI, of LIS and of the dark test of the shadow search) and ``swir2``
(2.2 um: MAJA's band of the test of clouds over water, "SWIR when available").

Options that existing saved models store under Sentinel-2 band names (the water test's ``SWIR_BAND`` "B12"
or "B11") name roles through :data:`SENTINEL2_ROLES`: on Landsat "B12" is B7 and "B11" is B6.

Pure data: no numpy, so that declarations can import it.
"""
from .defaults import DARKCLOUD_SIZE

SENTINEL2, LANDSAT = "sentinel2", "landsat"
MISSIONS = (SENTINEL2, LANDSAT)

#: Role -> band name, per mission. LIS: green B3, red B4, SWIR B11 on Sentinel-2; green B3, red B4, SWIR B6
#: on Landsat 8 (LIS's Landsat 8 settings).
BANDS = {
    SENTINEL2: {"blue": "B2", "green": "B3", "red": "B4", "nir": "B8A", "swir": "B11", "swir2": "B12"},
    LANDSAT: {"blue": "B2", "green": "B3", "red": "B4", "nir": "B5", "swir": "B6", "swir2": "B7"},
}

#: The Sentinel-2 band names that options store, and the role each stands for on any mission.
SENTINEL2_ROLES = {role_band: role for role, role_band in BANDS[SENTINEL2].items()}

#: The pixel size (m) of the snow map and of the cloud masks of a product: the grid of its SWIR band (the
#: Theia Snow collection: 20 m on Sentinel-2, 30 m on Landsat 8).
NATIVE_RESOLUTION = {SENTINEL2: 20, LANDSAT: 30}

#: Landsat 8 and 9 OLI: every reflective band of a Level-2 product at 30 m.
LANDSAT_BANDS = ("B1", "B2", "B3", "B4", "B5", "B6", "B7")
LANDSAT_RESOLUTION = 30

#: Nominal central wavelengths in nanometres, per mission (Sentinel-2 MSI; Landsat 8 OLI, Landsat 9 OLI-2
#: within a few nm).
CENTRAL_WAVELENGTH_NM = {
    SENTINEL2: {"B2": 490, "B3": 560, "B4": 665, "B5": 705, "B6": 740, "B7": 783, "B8": 842, "B8A": 865,
                "B11": 1610, "B12": 2190},
    LANDSAT: {"B1": 443, "B2": 482, "B3": 561, "B4": 655, "B5": 865, "B6": 1609, "B7": 2201},
}



def band(mission, role):
    """The band of ``mission`` that plays ``role`` ("green", "swir", ...); KeyError for an unknown one."""
    return BANDS[mission][role]


def role_of_option(name):
    """The role of a band option stored under its Sentinel-2 name ("B12" -> "swir2", "B8A" -> "nir")."""
    return SENTINEL2_ROLES[name]


def dark_cloud_factor(pixel_size, size=DARKCLOUD_SIZE):
    """The resize factor of the dark-cloud test on pixels of ``pixel_size`` metres: ``size`` / pixel size
    rounded (12 at 20 m, 8 at 30 m), at least 1."""
    return max(1, int(round(float(size) / float(pixel_size))))
