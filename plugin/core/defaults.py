"""The production values Névé starts from, with where each comes from (DOMAIN.md sections 4 and 5).

Pure data (no numpy, no scipy), so that the Processing layer can declare its parameter defaults from it
even when the science packages are missing.
"""

#: Snow: the defaults of the Theia Snow collection processor, Let-It-Snow (LIS). Source: LIS parameter
#: schema (``doc/atbd/schema.json`` of let-it-snow), where reflectance thresholds are given in
#: milli-reflectance (red_pass1 200, red_pass2 40, red_darkcloud 300, red_backtocloud 100, multiplied by
#: ``multi`` = 10 for Theia products in DN x 10000) and ndsi_pass1 0.4, ndsi_pass2 0.15, dz 100,
#: fsnow_lim 0.1, fclear_lim 0.1, fsnow_total_lim 0.001, rf 12. Nodata code: 254 up to LIS 1.5, 255 since
#: (``LABEL_NO_DATA`` of ``lis_constant``). Keyword arguments of core/snow.py are the lower-case names.
LIS_DEFAULTS = {
    "NDSI_PASS1": 0.40,
    "RED_PASS1": 0.20,
    "NDSI_PASS2": 0.15,
    "RED_PASS2": 0.04,
    "RED_DARKCLOUD": 0.30,
    "RED_BACKTOCLOUD": 0.10,
    "DZ": 100,
    "FSNOW_LIM": 0.10,
    "FCLEAR_LIM": 0.10,
    "FSNOW_TOTAL_LIM": 0.001,
    "RESIZE_FACTOR": 12,
    "NODATA_CODE": 255,
}

#: The size in metres over which the dark-cloud test of LIS averages the red band: LIS's resize factor
#: of 12 on the 20 m grid of Sentinel-2 (``rf`` of the parameter schema), 8 on the 30 m grid of Landsat 8
#: (LIS's Landsat 8 settings), both 240 m. neve:snowmap derives its resize factor from it and the pixel size
#: unless RESIZE_FACTOR is given another value than its default.
DARKCLOUD_SIZE = LIS_DEFAULTS["RESIZE_FACTOR"] * 20.0

#: The lowest elevation band height (DZ of neve:snowmap, ELEVATION_BAND of neve:snowseason), in metres, and
#: the most elevation bands a histogram or a report may have (limits, not defaults: a DZ of 1e-6 m made 23 GB
#: of histogram, 0.001 m a report of 337 MB). 1000 bands of 5 m span the Earth's relief.
MIN_ELEVATION_BAND = 1.0
MAX_ELEVATION_BANDS = 1000

#: Snow season synthesis (neve:snowseason, ``core/season.py``): the defaults of LIS's yearly syntheses
#: (let-it-snow, ``s2snow`` modules ``snow_synthesis``, ``compute_SOD_SMOD``, ``compute_NOBS`` and
#: ``compute_NSP``): maps up to 15 days before the start or after the end of the period steer the
#: interpolation at its ends (``date_margin``); SOD and SMOD only where SCD is more than 10 days
#: (``sum > 10``); NOBS counts the margin dates too. NSP counts snow onsets, what ``compute_NSP`` means
#: to count (its 8-bit difference counts melts too: "changes", see ``core/season.py``). The report's
#: elevation bands are the ``dz`` of LIS's snowline histogram.
SEASON_DEFAULTS = {
    "DATE_MARGIN": 15,
    "MIN_SNOW_DAYS": 10,
    "NSP_COUNT": "onsets",
    "NOBS_PERIOD_ONLY": False,
    "ELEVATION_BAND": float(LIS_DEFAULTS["DZ"]),
}

#: The longest date margin accepted, in days (a limit, not a default: here so that the declaration of
#: neve:snowseason states it without importing the science).
MAX_DATE_MARGIN = 10000

#: Cloud refinement: MAJA's parameters in Theia production (seed post "Improvements of MAJA cloud masks
#: in production", February 2018; thresholds checked against MAJA's parameter description).
CLOUD_PRESETS = {
    # Theia production since 2 February 2018: 480 m buffer again ("undetected clouds are considered
    # as aerosols"), SWIR threshold over water halved to 0.04, 0.16 when sunglint is likely (the post
    # writes 0.016: a typo, the same sentence calls it higher than 0.04).
    "theia_2018": {"distance": 480.0, "threshold": 0.04, "threshold_sunglint": 0.16},
    # Theia from May 2017 to February 2018: buffer reduced to 240 m after complaints from users in very
    # cloudy countries; thresholds over water still the former 0.08 and 0.25.
    "theia_2017": {"distance": 240.0, "threshold": 0.08, "threshold_sunglint": 0.25},
    # No buffer (Sen2Cor does not dilate its clouds); water thresholds of the current production.
    "no_buffer": {"distance": 0.0, "threshold": 0.04, "threshold_sunglint": 0.16},
}
DEFAULT_CLOUD_PRESET = "theia_2018"

#: MAJA's sunglint test: likely when the glint angle is below this, in degrees (DOMAIN.md section 4).
SUNGLINT_ANGLE = 30.0

#: The cloud-mask algorithms (neve:cloudmask, dilatemask, waterclouds, cloudshadows, sievemask,
#: refinecloudmask): the pixel size in metres of their output when the input is a product. 20 m, the grid
#: of the Theia Snow collection; the products' masks exist at 10 and 20 m.
CLOUD_RESOLUTION = 20

#: The parallax buffer is off by default (0 m): a plain disk, as MAJA.
PARALLAX_HEIGHT = 0.0

#: The shadow search of neve:cloudshadows and neve:refinecloudmask (DOMAIN.md section 4).
SHADOW_DEFAULTS = {
    # Dark-pixel thresholds (reflectance): NIR 0.15 as the Sentinel-2 cloud and shadow masking tutorial of
    # Google Earth Engine with s2cloudless (NIR_DRK_THRESH); SWIR 0.10, Névé's choice: about half the SWIR
    # reflectance of vegetation and bare soil, above that of water.
    "DARK_THRESHOLD_NIR": 0.15,
    "DARK_THRESHOLD_SWIR": 0.10,
    # Heights: python-fmask scans 200 m to 12 km (GRASS i.sentinel.mask 1 to 4 km), by 100 m here.
    "HEIGHT_MIN": 200.0,
    "HEIGHT_MAX": 12000.0,
    "HEIGHT_STEP": 100.0,
    # Névé's choice: a projection must be mostly dark to be taken as the object's shadow.
    "MIN_DARK_FRACTION": 0.5,
    # Angles given as numbers (for layers without metadata): a plausible mid-latitude morning sun and a
    # satellite at the vertical, to be replaced by the scene's.
    "SUN_ZENITH": 30.0,
    "SUN_AZIMUTH": 150.0,
    "VIEW_ZENITH": 0.0,
    "VIEW_AZIMUTH": 0.0,
}

#: neve:sievemask: GRASS i.sentinel.mask removes clouds smaller than 50000 m2 (its cloud_threshold
#: default); the same area for holes treats the mask and its background alike.
SIEVE_MIN_AREA = 50000.0

#: The options of LIS that are off by default, with LIS's parameter values (keys of the ``cloud`` section
#: of LIS's configuration, read by ``snow_detector.py`` of LIS 1.5): ``strict_cloud_mask`` (false) and
#: "pass 1.5", ``rm_snow_inside_cloud`` (false) with ``rm_snow_inside_cloud_dilation_radius`` 5 (pixels),
#: ``rm_snow_inside_cloud_threshold`` 0.85 (cloud fraction of the ring) and ``rm_snow_inside_cloud_min_area``
#: 25000 (pixels). DOMAIN.md section 8.
LIS_OPTIONS = {
    "STRICT_CLOUD_MASK": False,
    "RM_SNOW_INSIDE_CLOUD": False,
    "RM_SNOW_INSIDE_CLOUD_DILATION_RADIUS": 5,
    "RM_SNOW_INSIDE_CLOUD_THRESHOLD": 0.85,
    "RM_SNOW_INSIDE_CLOUD_MIN_AREA": 25000,
}

#: Which MAJA cloud-mask parametrisation Theia's production used, by production date (UTC), oldest first:
#: ``key``, the first production day ``start`` and the first day after the era ``end`` (ISO dates, None:
#: open), and the era's buffer ``distance`` (m) and SWIR thresholds over water (``threshold``, and
#: ``threshold_sunglint`` when sunglint is likely). ``core/maja.py`` reads it; docs/MAJA_ERAS.md explains it.
#: Source: O. Hagolle, "Improvements of MAJA cloud masks in production", CESBIO multitemp blog, February
#: 2018 (https://www.cesbio.cnrs.fr/multitemp/?p=12817): the buffer was 480 m originally, "reduced to 240 m
#: in May 2017" (no day given: the era starts on 1 May 2017 and a production date in May 2017 is uncertain,
#: :data:`MAJA_UNCERTAIN_PERIOD`), and "since the 2nd of February" 2018 the buffer is 480 m again with SWIR
#: thresholds over water of 0.04 (0.16 with sunglint) instead of 0.08 (0.25), which had not changed in May
#: 2017. The two later eras are the presets "theia_2017" and "theia_2018" of :data:`CLOUD_PRESETS`.
MAJA_ERAS = (
    dict(key="theia_2016", start=None, end="2017-05-01", distance=480.0, threshold=0.08, threshold_sunglint=0.25),
    dict(key="theia_2017", start="2017-05-01", end="2018-02-02", **CLOUD_PRESETS["theia_2017"]),
    dict(key="theia_2018", start="2018-02-02", end=None, **CLOUD_PRESETS["theia_2018"]),
)
#: The month the blog post gives without a day (first day, first day after): a production date in it may
#: belong to either of the two eras it separates.
MAJA_UNCERTAIN_PERIOD = ("2017-05-01", "2017-06-01")

#: The matched cloud shadows of neve:cloudshadows and neve:refinecloudmask (``core/shadows.py``, after
#: Fmask, Zhu & Woodcock 2012): a pixel is a potential shadow when its NIR and SWIR both lie more than
#: DARKER (a fraction) below their flood fill, or its NIR below the NIR dark threshold; a cloud's projection
#: marks every height whose score reaches TOLERANCE times its best, if the best is above MIN_FRACTION.
#: Névé's choices, checked on the labelled Landsat crops (docs/BENCHMARKS.md, scripts/score_shadows.py).
MATCHED_SHADOW_DEFAULTS = {
    "DARKER": 0.15,
    "TOLERANCE": 0.7,
    "MIN_FRACTION": 0.3,
    "BUFFER": 0.0,
}

#: Snow statistics by zone and elevation (neve:snowstats, ``core/stats.py``). Elevation bands of 100 m,
#: the ``dz`` of LIS's snowline histogram; a zone and date are reliable when at least half of their
#: area is clear (issue 14); the regional snowline (Krajčí, Holko & Parajka 2014) searched every 10 m,
#: finer than the vertical accuracy of the DEMs used with Sentinel-2 (SRTM, Copernicus GLO-30: several
#: metres); a slope under 1 degree has no aspect (flat), as valley floors of a 20 m DEM resampled from
#: 30 m show slopes of a fraction of a degree in arbitrary directions.
STATS_DEFAULTS = {
    "BAND_WIDTH": float(LIS_DEFAULTS["DZ"]),
    "MIN_CLEAR": 0.5,
    "SNOWLINE_STEP": 10.0,
    "FLAT_SLOPE": 1.0,
}
