"""Synthetic Sentinel-2 L2A products whose truth is known: Theia/MUSCATE (MAJA) and ESA Sen2Cor (SAFE).

Tests, the demo and the benchmarks describe a scene, write it as a product laid out like a real one, and
compare what the code under test finds with the scene's truth::

    from synthetic import Scene, Cloud, Lake, Patch, make_theia_product, make_sen2cor_product, make_dem

    scene = Scene.small()                                   # 480 x 480 px at 10 m, about 0.2 s to write
    folder = make_theia_product(tmp_path, scene)            # SENTINEL2A_..._L2A_T31TCH_C_V3-1/
    zipped = make_theia_product(tmp_path, scene, zip=True)  # the same, as a .zip of that folder
    safe = make_sen2cor_product(tmp_path, scene, baseline="04.00")   # S2A_MSIL2A_..._N0400_...SAFE
    dem = make_dem(tmp_path / "dem.tif", scene)             # 20 m, the scene's CRS (exact values)
    dem_ll = make_dem(tmp_path / "dem_4326.tif", scene, crs="EPSG:4326")  # 1" in lon/lat, exact too
    truth = scene.truth(resolution=20)                      # or scene.truth(Window(...), 10)
    truth.reflectance("B11"), truth.snow, truth.cloud, truth.clm, truth.scl, truth.dem, ...

Command line (writes the product and prints its path)::

    python tests/synthetic.py theia OUTDIR [--preset small|full] [--size N] [--zip] [--dem]
    python tests/synthetic.py sen2cor OUTDIR [--baseline 04.00|02.14] [--size N] [--zip] [--dem]
    python tests/synthetic.py usgs OUTDIR [--size N] [--tar]              (Landsat 8, USGS Collection 2)
    python tests/synthetic.py theia-landsat OUTDIR [--size N] [--zip]     (Landsat 8, Theia/MUSCATE)

Landsat 8 and 9 products of the same scenes (30 m, both layouts): ``tests/synthetic_landsat.py``.

Public API
----------
``Scene(...)``  a frozen dataclass; presets ``Scene.small(size=480, glint=True)`` (a mountain with snow,
    two clouds with shadows, a thin cloud over snow, a cirrus, the shadow of a cloud outside the image, a
    lake with sunglint and one without, a saturated patch, a nodata border) and ``Scene.full_tile()``
    (10980 x 10980 px). Change anything with ``dataclasses.replace(scene, ...)`` or ``scene.replace(...)``.
``Mountain(x, y, height, radius)``, ``Lake(x, y, radius, glint=False)``,
    ``Cloud(x, y, radius, height, kind="thick"|"thin"|"high", shadow=None, multitemporal=False)``,
    ``Patch(x, y, width, height, reflectance={band: value}, saturated=(bands,))``: the scene's parts.
``scene.truth(window=None, resolution=10) -> Truth``: every layer of the scene on a window of the grid
    of that resolution (metres), computed from pixel coordinates only, so any block can be made alone.
``make_theia_product(out_dir, scene=None, zip=False, atb=True) -> path`` (folder, or .zip of it).
``make_sen2cor_product(out_dir, scene=None, baseline="04.00", zip=False) -> path`` (.SAFE or .zip).
``make_dem(path, scene=None, crs=None, resolution=None, margin=0.0) -> path``.
``scene.statistics(resolution=20)``: percentages of the scene (the values written in the metadata).
``scene.sun_angles(x, y)``, ``scene.view_angles(band, x, y)``, ``scene.glint_angle(band[, x, y])``,
    ``scene.shadow_offset(cloud)``, ``scene.parallax(cloud, band)``, ``scene.sunglint_detected()``: geometry.
``theia_product_id(scene)``, ``sen2cor_product_name(scene, baseline)``: product names.
``theia_reflectance_dn(r)``, ``sen2cor_reflectance_dn(r, baseline)``, ``sen2cor_offset(baseline)``: encodings.
``sun_angle_grids(scene)``, ``view_angle_grids(scene, band)``: the 5 km grids written in the metadata.

Coordinates and geometry
------------------------
Everything in a scene is placed in metres from its upper-left corner: ``x`` to the east, ``y`` to the
south (``easting = scene.ulx + x``, ``northing = scene.uly - y``). A pixel belongs to a disk (cloud,
lake, shadow) when its centre lies within ``radius`` (``<=``); to a patch when its centre is in
``[x, x + width) x [y, y + height)``. The truth of a grid of resolution ``r`` is sampled at its pixel
centres, so the 20 m grid is not the average of the 10 m one (as with real bands of different
resolutions).

Angles follow the Sentinel-2 metadata: zenith from the vertical, azimuth clockwise from north, the
direction from the ground towards the sun (sun angles) or towards the satellite (viewing angles).
The sun and view angles are affine functions of position (so the 5 km grids written in the metadata,
interpolated bilinearly, give them back exactly, up to the 6 significant digits written): sun angles
vary slowly across the scene (``sun_*_gradient``, degrees per km), the view zenith grows away from
the satellite's ground track (``view_zenith_gradient``), the view azimuth is constant, each band adds
the small offsets of a real product (``VIEW_ANGLE_OFFSETS``). The swath is cut by a straight edge
parallel to the ground track (tilted by ``track_angle`` from grid north), on the side away from the
satellite; 12 detectors of ``detector_width`` metres side by side, detector 12 (or 1) at the edge.

Clouds, shadows and parallax. A cloud of radius R is a disk at height H above its ground position
(x, y). Its shadow is the same disk moved on the ground by ``H tan(sun zenith)`` away from the sun:
``(dx, dy) = H tan(sz) * (-sin(saz), +cos(saz))`` (dy positive southwards). In band b it is seen moved
by ``H tan(view zenith_b)`` away from the satellite: ``H tan(vz_b) * (-sin(vaz_b), +cos(vaz_b))``; so
the shadow lies, relative to the cloud as seen, at the sun shift minus the view shift. Angles are taken
at the cloud's ground position; relief is ignored in these projections. Clouds are composited from the
lowest to the highest: ``reflectance = t * below + (1 - t) * cloud`` with the transmittance ``t`` of
``CLOUD_TRANSMITTANCE`` (thick 0, thin 0.6, high 0.8). Masks use the union over the 12 L2A bands of
where a cloud is seen. Thick clouds cast shadows by default, thin and high (cirrus) clouds do not. A
cloud none of whose views meets the valid part of the image is "outside the image": its shadow is
flagged as CLM bit 6 instead of bit 5.

Surface. Elevation = ``base_elevation`` + sum of Gaussian mountains (``radius`` is the Gaussian sigma);
inside a lake the ground is flat at the elevation of the lake's centre. Snow fraction =
``clip((dem - snowline) / snow_transition, 0, 1)`` (a step at the snowline when ``snow_transition`` is 0);
``snow`` is a fraction >= 0.5, i.e. ``dem > snowline`` with a step. Land above ``treeline`` is rock (Sen2Cor
class 5), below it vegetation (class 4). Water replaces snow in lakes; a lake with ``glint=True`` adds
``GLINT_REFLECTANCE`` (B12 0.083: above MAJA's 0.04 threshold for clouds over water, below the 0.16 used
when sunglint is expected). Reflectances (0..1, ``SURFACE_REFLECTANCE``) are chosen to be obviously snow
(NDSI 0.87, red 0.86) or not (vegetation NDSI -0.5); a ``Patch`` puts exact values on chosen bands
(and/or flags bands as saturated). Cloud shadows multiply the surface by ``CLOUD_SHADOW_FACTOR``.
FRE is this flat reflectance; SRE multiplies the surface part by the illumination of the slope
``DIFFUSE_FRACTION + (1 - DIFFUSE_FRACTION) * max(cos i, 0) / cos(sun zenith)``.

Truth layers (``Truth`` attributes, arrays of the window's shape)
-----------------------------------------------------------------
Ground, defined everywhere (nodata included): ``dem`` (m), ``slope_x``/``slope_y`` (dz/d-east,
dz/d-north), ``snow_fraction``, ``snow``, ``water``, ``glint``, ``rock``, ``sun_zenith``, ``sun_azimuth``,
``cos_incidence``, ``illumination``, ``water_vapour`` (g/cm2), ``aot``, ``shadow_ground`` (under any cloud
shadow), ``surface(band)`` (reflectance before shadows and clouds). Observation, False/NaN where ``nodata``:
``cloud`` (any kind), ``cloud_thick``, ``cloud_thin``, ``cloud_high``, ``cloud_multitemporal``,
``cloud_height`` (m, of the highest),
``shadow`` (shadow of a cloud of the image, not hidden by a cloud), ``shadow_outside`` (of a cloud
outside the image), ``topographic_shadow`` (cos i <= 0), ``sun_tangent`` (0 < cos i < cos 85 deg),
``sun_too_low`` (sun zenith > 80 deg), ``hidden_surface`` (slope facing away from the B2 view),
``any_saturated``; per band: ``reflectance(band)`` (FRE), ``sre(band)``, ``cloud_in(band)``,
``saturated(band)``, ``view_zenith(band)``, ``view_azimuth(band)``, ``glint_angle(band)`` (degrees, per
pixel), ``detector(band)``. Encoded product layers: ``clm``, ``mg2``, ``sat("R1"|"R2")``, ``edg``,
``scl``, ``cloud_probability``, ``snow_probability``.

Product encodings
-----------------
Theia: FRE/SRE int16 = round(reflectance * 10000), nodata -10000 (GeoTIFF nodata tag set), values may be
negative or above 10000; ATB uint8 (band 1 water vapour * 20, band 2 AOT * 200, 0 = nodata). Masks uint8:
CLM thick cloud bits 0,1,2 (+3 if multitemporal), high cloud bits 0,1,7, thin cloud bit 4, shadow bits
0,5, shadow of a cloud outside the image bits 0,6; MG2 bit 0 water, 1 any cloud, 2 snow not under a
cloud, 3 cloud shadow, 4 topographic shadow, 5 hidden surface, 6 sun too low, 7 sun tangent; SAT one
bit per band of the group (R1 B2,B3,B4,B8; R2 B5,B6,B7,B8A,B11,B12); EDG 1 outside the swath (all other
masks 0 there); IAB (only with ATB) and DFP all 0. Files are tiled (256) DEFLATE GeoTIFFs written strip by strip.
The MTD_ALL.xml follows MAJA's template (its temporary node name replaced by ``Image``), its mask list
naming the merged CLM/MG2/SAT/EDG files with 1-based ``bit_number`` as in the template; the viewing
grids follow the real metadata (``Band_Viewing_Incidence_Angles_Grids_List/
Viewing_Incidence_Angles_Grids[@detector_id]``, NaN outside a detector's footprint). Quality indices:
CloudPercent and SnowPercent (integer percent of valid 20 m pixels with any cloud / MG2 snow),
SunGlintDetected (MAJA's rule: glint angle < 30 deg for a band, mean angles), CirrusDetected (any high
cloud), HotSpotDetected (angle between sun and view directions < 10 deg, a convention of this
generator), RainDetected false.
Sen2Cor: bands uint16 lossless JPEG2000, DN = reflectance * 10000 - BOA_ADD_OFFSET (1000 from baseline
04.00, 0 before), clipped to 1..65534, 65535 where saturated, 0 = nodata; SCL 0..11 (precedence:
nodata 0, saturated 1, thick cloud 9, thin 8, cirrus 10, cloud shadow 3, water 6, snow 11,
topographic shadow 2, rock 5, vegetation 4); TCI, AOT (* 1000), WVP (* 1000), QI_DATA (MSK_CLDPRB,
MSK_SNWPRB, MSK_CLASSI_B00 from 04.00, MSK_DETFOO, MSK_QUALIT, PVI). Not written: HTML/, rep_info/,
AUX_DATA files, datastrip metadata, and the GML masks of baselines before 04.00.
"""
import argparse
import collections
import hashlib
import math
import os
import shutil
import sys
import uuid
import warnings
import zipfile
import xml.etree.ElementTree as ET
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

import numpy as np
import rasterio
import rasterio.errors
from rasterio.transform import from_origin
from rasterio.warp import transform as warp_transform
from rasterio.windows import Window

# --------------------------------------------------------------------------------------------------
# Bands, values and encodings
# --------------------------------------------------------------------------------------------------

BANDS = ("B1", "B2", "B3", "B4", "B5", "B6", "B7", "B8", "B8A", "B9", "B10", "B11", "B12")
L2A_BANDS = tuple(b for b in BANDS if b != "B10")
THEIA_GROUPS = {"R1": ("B2", "B3", "B4", "B8"), "R2": ("B5", "B6", "B7", "B8A", "B11", "B12")}
THEIA_RESOLUTION = {"R1": 10, "R2": 20}
NATIVE_RESOLUTION = {"B1": 60, "B2": 10, "B3": 10, "B4": 10, "B5": 20, "B6": 20, "B7": 20, "B8": 10,
                     "B8A": 20, "B9": 60, "B10": 60, "B11": 20, "B12": 20}
SEN2COR_BAND_ID = {band: index for index, band in enumerate(BANDS)}  # bandId of the SAFE metadata
SEN2COR_FILES = {  # band files of each IMG_DATA folder, in the order of the real MTD_MSIL2A.xml
    10: ("B02", "B03", "B04", "B08", "TCI", "AOT", "WVP"),
    20: ("B01", "B02", "B03", "B04", "B05", "B06", "B07", "B8A", "B11", "B12", "TCI", "AOT", "WVP", "SCL"),
    60: ("B01", "B02", "B03", "B04", "B05", "B06", "B07", "B8A", "B09", "B11", "B12", "TCI", "AOT", "WVP",
         "SCL"),
}

REFLECTANCE_SCALE = 10000
THEIA_NODATA = -10000
SEN2COR_OFFSET = -1000  # BOA_ADD_OFFSET from processing baseline 04.00 on; none before
SEN2COR_SATURATED = 65535

SURFACE_REFLECTANCE = {  # surface reflectance (0..1) per class and band
    "vegetation": dict(B1=0.030, B2=0.035, B3=0.060, B4=0.040, B5=0.100, B6=0.250, B7=0.300, B8=0.330,
                       B8A=0.350, B9=0.300, B11=0.180, B12=0.090),
    "rock": dict(B1=0.100, B2=0.110, B3=0.130, B4=0.150, B5=0.170, B6=0.190, B7=0.200, B8=0.210,
                 B8A=0.220, B9=0.180, B11=0.280, B12=0.220),
    "snow": dict(B1=0.920, B2=0.900, B3=0.880, B4=0.860, B5=0.840, B6=0.800, B7=0.770, B8=0.740,
                 B8A=0.700, B9=0.550, B11=0.060, B12=0.040),
    "water": dict(B1=0.070, B2=0.060, B3=0.050, B4=0.030, B5=0.020, B6=0.012, B7=0.010, B8=0.008,
                  B8A=0.007, B9=0.004, B11=0.004, B12=0.003),
}
GLINT_REFLECTANCE = dict(B1=0.100, B2=0.100, B3=0.100, B4=0.100, B5=0.100, B6=0.100, B7=0.100,
                         B8=0.100, B8A=0.100, B9=0.095, B11=0.090, B12=0.080)
CLOUD_REFLECTANCE = {
    "thick": dict(B1=0.620, B2=0.600, B3=0.580, B4=0.570, B5=0.570, B6=0.560, B7=0.560, B8=0.550,
                  B8A=0.550, B9=0.400, B11=0.480, B12=0.380),
    "high": dict(B1=0.460, B2=0.450, B3=0.450, B4=0.450, B5=0.450, B6=0.450, B7=0.450, B8=0.450,
                 B8A=0.450, B9=0.300, B11=0.150, B12=0.100),
}
CLOUD_REFLECTANCE["thin"] = CLOUD_REFLECTANCE["thick"]
CLOUD_TRANSMITTANCE = {"thick": 0.0, "thin": 0.6, "high": 0.8}
CLOUD_KINDS = ("thick", "thin", "high")
CLOUD_SHADOW_FACTOR = 0.3
DIFFUSE_FRACTION = 0.2
SATURATED_REFLECTANCE = 1.6
CLOUD_PROBABILITY = {"thick": 100, "thin": 55, "high": 20}  # Sen2Cor MSK_CLDPRB, percent

# CLM bits set by each phenomenon (bit 0 = value 1); MG2 bits
CLM_THICK, CLM_MULTITEMPORAL, CLM_THIN, CLM_HIGH = (0, 1, 2), (3,), (4,), (0, 1, 7)
CLM_SHADOW, CLM_SHADOW_OUTSIDE = (0, 5), (0, 6)
MG2_WATER, MG2_CLOUD, MG2_SNOW, MG2_CLOUD_SHADOW = 0, 1, 2, 3
MG2_TOPOGRAPHIC_SHADOW, MG2_HIDDEN_SURFACE, MG2_SUN_TOO_LOW, MG2_SUN_TANGENT = 4, 5, 6, 7
SCL_NODATA, SCL_SATURATED, SCL_DARK, SCL_CLOUD_SHADOW, SCL_VEGETATION, SCL_NOT_VEGETATED = 0, 1, 2, 3, 4, 5
SCL_WATER, SCL_UNCLASSIFIED, SCL_CLOUD_MEDIUM, SCL_CLOUD_HIGH, SCL_CIRRUS, SCL_SNOW = 6, 7, 8, 9, 10, 11
SCL_NAMES = ("SC_NODATA", "SC_SATURATED_DEFECTIVE", "SC_DARK_FEATURE_SHADOW", "SC_CLOUD_SHADOW",
             "SC_VEGETATION", "SC_NOT_VEGETATED", "SC_WATER", "SC_UNCLASSIFIED", "SC_CLOUD_MEDIUM_PROBA",
             "SC_CLOUD_HIGH_PROBA", "SC_THIN_CIRRUS", "SC_SNOW_ICE")

GLINT_THRESHOLD = 30.0    # degrees, MAJA's sunglint test on mean angles
HOT_SPOT_THRESHOLD = 10.0  # degrees, this generator's convention
TANGENT_INCIDENCE = 85.0   # degrees: sun tangent to the slope from this local incidence angle
SUN_TOO_LOW_ZENITH = 80.0  # degrees
ANGLE_GRID_STEP = 5000.0   # metres
WATER_VAPOUR_SCALE, AOT_SCALE = 20, 200          # Theia ATB quantification
SEN2COR_AOT_SCALE, SEN2COR_WVP_SCALE = 1000, 1000

# Viewing angle offsets of each band from B2 (zenith, azimuth; degrees), from the mean angles of the
# real product S2A_MSIL2A_20221005T115411_N0400_R023_T29UNU (MTD_TL.xml).
VIEW_ANGLE_OFFSETS = {"B1": (0.169, 1.566), "B2": (0.0, 0.0), "B3": (0.023, 0.340), "B4": (0.055, 0.690),
                      "B5": (0.074, 0.859), "B6": (0.095, 1.042), "B7": (0.114, 1.238), "B8": (0.010, 0.170),
                      "B8A": (0.139, 1.422), "B9": (0.194, 1.756), "B10": (0.042, 0.513),
                      "B11": (0.094, 0.943), "B12": (0.156, 1.405)}
# Sensor constants written in the metadata (real values of Sentinel-2A, per band of BANDS)
SOLAR_IRRADIANCE = (1884.69, 1959.66, 1823.24, 1512.06, 1424.64, 1287.61, 1162.08, 1041.63, 955.32, 812.92,
                    367.15, 245.59, 85.25)
PHYSICAL_GAIN = (4.10589348, 3.75167664, 4.17821228, 4.50978749, 5.19090354, 4.85492584, 4.51619442,
                 6.13591171, 5.1160038, 8.49525017, 54.83199041, 35.15974393, 106.2130944)
WAVELENGTH = ((412, 456, 442.7), (456, 533, 492.7), (538, 583, 559.8), (646, 684, 664.6), (695, 714, 704.1),
              (731, 749, 740.5), (769, 797, 782.8), (760, 907, 832.8), (837, 881, 864.7), (932, 958, 945.1),
              (1337, 1412, 1373.5), (1539, 1682, 1613.7), (2078, 2320, 2202.4))

GTIFF_OPTIONS = dict(driver="GTiff", tiled=True, compress="deflate", zlevel=1, num_threads="all_cpus")
JP2_OPTIONS = dict(driver="JP2OpenJPEG", QUALITY=100, REVERSIBLE="YES")
DEFAULT_BLOCK_ROWS = 256  # rows per strip: a multiple of the GeoTIFF tile height
GTIFF_TILE = 256
GDAL_CACHE_BYTES = 256 * 2 ** 20  # GDAL block cache while writing (its default grows with the RAM)
JP2_MEMORY_BUDGET = 600 * 2 ** 20  # bytes of JP2 bands held in memory at once (GDAL encodes on close)
STRIP_THREADS = 2  # threads computing strips while the main thread writes (the files do not depend on it)


# --------------------------------------------------------------------------------------------------
# Scene description
# --------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Mountain:
    """A Gaussian mountain: summit at (x, y) metres from the scene's upper-left corner (x east, y south),
    ``height`` metres above the base elevation, ``radius`` the Gaussian sigma in metres."""
    x: float
    y: float
    height: float
    radius: float


@dataclass(frozen=True)
class Lake:
    """A round lake (centre x, y and radius in metres); ``glint`` adds sunglint to its reflectance."""
    x: float
    y: float
    radius: float
    glint: bool = False


@dataclass(frozen=True)
class Cloud:
    """A round cloud at ``height`` metres above its ground position (x, y), ``radius`` metres.

    ``kind``: "thick" (opaque), "thin" (CLM bit 4, Sen2Cor class 8) or "high" (cirrus: CLM bit 7,
    Sen2Cor class 10). ``shadow``: whether it casts a shadow (default: thick clouds only).
    ``multitemporal``: thick cloud also flagged by the multi-temporal test (CLM bit 3).
    """
    x: float
    y: float
    radius: float
    height: float
    kind: str = "thick"
    shadow: bool = None
    multitemporal: bool = False

    def __post_init__(self):
        if self.kind not in CLOUD_KINDS:
            raise ValueError("cloud kind must be one of {}".format(CLOUD_KINDS))

    @property
    def casts_shadow(self):
        return self.kind == "thick" if self.shadow is None else bool(self.shadow)


@dataclass(frozen=True)
class Patch:
    """A rectangle of ground (upper-left x, y, width, height in metres) with exact reflectances.

    ``reflectance`` maps bands to values (any value, negative or above 1 included) that replace the
    surface reflectance there; ``saturated`` lists bands flagged saturated (their reflectance is the
    patch value if given, else ``SATURATED_REFLECTANCE``). Clouds and shadows still apply on top.
    """
    x: float
    y: float
    width: float
    height: float
    reflectance: dict = field(default_factory=dict)
    saturated: tuple = ()


@dataclass(frozen=True)
class Scene:
    """A Sentinel-2 scene whose every pixel is known. Positions in metres from the upper-left corner."""
    size: int = 480                      # pixels at R1 (10 m); R2 has size // 2, 60 m size // 6
    pixel_size: float = 10.0             # metres at R1
    crs: str = "EPSG:32631"
    ulx: float = 300000.0                # upper-left corner of the scene in the CRS
    uly: float = 4800000.0
    tile: str = "31TCH"
    platform: str = "SENTINEL2A"         # Theia spelling; Sen2Cor's is derived (S2A)
    acquisition: datetime = datetime(2021, 6, 15, 10, 56, 31, 24000)  # UTC
    production: datetime = datetime(2021, 6, 16, 3, 12, 45, 0)        # UTC
    product_version: str = "3-1"         # Theia "Vx-y"
    product_type: str = "C"              # Theia letter before the version
    relative_orbit: int = 51
    absolute_orbit: int = 31151
    # ground
    base_elevation: float = 600.0
    mountains: tuple = ()
    snowline: float = 1800.0
    snow_transition: float = 0.0         # metres of elevation over which the snow fraction goes 0 -> 1
    treeline: float = 1400.0
    lakes: tuple = ()
    patches: tuple = ()
    texture: float = 0.0                 # relative amplitude of a smooth multiplicative texture (0: none)
    water_vapour: float = 1.2            # g/cm2 at the centre
    water_vapour_gradient: tuple = (0.004, 0.002)   # g/cm2 per km (x east, y south)
    aot: float = 0.12
    aot_gradient: tuple = (0.0005, -0.0003)         # per km
    # atmosphere
    clouds: tuple = ()
    # geometry (angles in degrees at the scene centre; gradients in degrees per km, x east, y south)
    sun_zenith: float = 25.0
    sun_azimuth: float = 130.0
    sun_zenith_gradient: tuple = (-0.0012, -0.009)
    sun_azimuth_gradient: tuple = (0.017, 0.0)
    view_zenith: float = 8.0             # band B2
    view_zenith_gradient: float = 0.08   # per km, growing away from the ground track
    view_azimuth: float = 282.0          # band B2; the satellite is west of the scene when sin < 0
    track_angle: float = 12.0            # angle of the ground track from grid north
    swath_edge_x: float = None           # x where the swath edge crosses the top row (None: no edge)
    detector_width: float = 24000.0

    def __post_init__(self):
        if self.size <= 0 or self.size % 2:
            raise ValueError("scene size must be a positive even number of 10 m pixels")
        for cloud in self.clouds:
            if not isinstance(cloud, Cloud):
                raise TypeError("clouds must be Cloud objects")
        e = self.extent
        corners = np.array([0.0, e, 0.0, e]), np.array([0.0, 0.0, e, e])
        if np.min(self.view_angles("B2", *corners)[0]) <= 0:
            raise ValueError("the scene must lie on one side of the ground track (view zenith > 0)")

    def replace(self, **changes):
        return replace(self, **changes)

    # ---- presets ------------------------------------------------------------------------------

    @classmethod
    def small(cls, size=480, glint=True, **changes):
        """A mountain with snow above 1800 m, two thick clouds with shadows (one over a lake), a thin
        cloud over the snow, a cirrus, the shadow of a cloud lying outside the image, a lake with
        sunglint and one without, a patch whose B2/B3 are saturated, and a nodata border (east).

        Laid out for 480 px (4.8 km); other sizes scale positions and radii, not heights. ``glint``
        sets the viewing geometry: True (default), the satellite looks from the west (view azimuth
        282 deg) and the glint angle is about 18 deg (MAJA's flag raised); False, it looks from the east
        (102 deg, glint angle about 32 deg, no flag) and the nodata border is on the west.
        """
        k = size * 10.0 / 4800.0
        view_azimuth = 282.0 if glint else 102.0
        edge = 4550.0 if glint else 600.0
        scene = cls(
            size=size,
            mountains=(Mountain(2300 * k, 2200 * k, 2200.0, 1200 * k), Mountain(3800 * k, 900 * k, 900.0, 600 * k)),
            lakes=(Lake(800 * k, 3700 * k, 350 * k, glint=True), Lake(2500 * k, 4250 * k, 280 * k, glint=False)),
            clouds=(
                Cloud(1500 * k, 1700 * k, 380 * k, 2000.0, "thick"),
                Cloud(2650 * k, 4150 * k, 250 * k, 1000.0, "thick"),
                Cloud(2900 * k, 2000 * k, 320 * k, 3000.0, "thin"),
                Cloud(1900 * k, 2700 * k, 450 * k, 9000.0, "high"),
                Cloud(1800 * k, 4800 * k + 500.0, 300 * k, 1500.0, "thick"),
            ),
            patches=(Patch(2200 * k, 1900 * k, 120 * k, 120 * k, saturated=("B2", "B3")),),
            view_azimuth=view_azimuth,
            swath_edge_x=edge * k,
        )
        return replace(scene, **changes) if changes else scene

    @classmethod
    def full_tile(cls, size=10980, **changes):
        """A full Sentinel-2 tile (10980 x 10980 px at 10 m, 109.8 km): a mountain range with snow
        above 1600 m, 12 lakes (4 with glint), 36 clouds of all kinds, a nodata border on the east.

        Laid out for 10980 px; other sizes scale positions and radii, not heights.
        """
        k = size / 10980.0
        extent = 109800.0
        rng = np.random.default_rng(20210615)
        mountains = tuple(Mountain(float(x) * k, float(y) * k, float(h), float(r) * k) for x, y, h, r in zip(
            rng.uniform(0.15, 0.85, 7) * extent, rng.uniform(0.15, 0.85, 7) * extent,
            rng.uniform(1200, 2600, 7), rng.uniform(4000, 12000, 7)))
        lakes = tuple(Lake(float(x) * k, float(y) * k, float(r) * k, glint=bool(i % 3 == 0)) for i, (x, y, r)
                      in enumerate(zip(rng.uniform(0.05, 0.8, 12) * extent, rng.uniform(0.05, 0.95, 12) * extent,
                                       rng.uniform(300, 1500, 12))))
        kinds = ("thick",) * 24 + ("thin",) * 6 + ("high",) * 6
        clouds = []
        for kind in kinds:
            height = {"thick": rng.uniform(800, 4000), "thin": rng.uniform(2000, 6000),
                      "high": rng.uniform(7000, 11000)}[kind]
            radius = {"thick": rng.uniform(600, 4000), "thin": rng.uniform(1500, 5000),
                      "high": rng.uniform(3000, 9000)}[kind]
            clouds.append(Cloud(float(rng.uniform(0, 1.05) * extent * k), float(rng.uniform(0, 1.05) * extent * k),
                                float(radius * k), float(height), kind, multitemporal=bool(rng.random() < 0.3)))
        patches = (Patch(30000 * k, 90000 * k, 600 * k, 600 * k, saturated=("B2", "B3", "B4")),)
        scene = cls(size=size, base_elevation=400.0, snowline=1600.0, treeline=1300.0, mountains=mountains,
                    lakes=lakes, clouds=tuple(clouds), patches=patches, swath_edge_x=104000.0 * k,
                    sun_zenith=28.0, sun_azimuth=135.0)
        return replace(scene, **changes) if changes else scene

    # ---- grid ---------------------------------------------------------------------------------

    @property
    def extent(self):
        """Width (= height) of the scene in metres."""
        return self.size * self.pixel_size

    def shape(self, resolution):
        """(rows, cols) of the grid of ``resolution`` metres; the extent must be a multiple of it."""
        n = self.extent / float(resolution)
        if abs(n - round(n)) > 1e-6:
            raise ValueError("{} m does not divide the scene extent ({} m)".format(resolution, self.extent))
        return int(round(n)), int(round(n))

    def transform(self, resolution):
        return from_origin(self.ulx, self.uly, float(resolution), float(resolution))

    @property
    def bounds(self):
        """(left, bottom, right, top) in the scene's CRS."""
        return self.ulx, self.uly - self.extent, self.ulx + self.extent, self.uly

    def truth(self, window=None, resolution=10):
        """All layers of the scene on ``window`` (a rasterio Window; None: everything) of the grid of
        ``resolution`` metres. See :class:`Truth`."""
        return Truth(self, window, resolution)

    # ---- geometry (x, y: metres from the upper-left corner, arrays or scalars) -----------------

    @property
    def centre(self):
        return self.extent / 2.0, self.extent / 2.0

    @property
    def _tilt(self):
        return math.radians(self.track_angle)

    @property
    def satellite_side(self):
        """-1 when the satellite is west of the scene (view azimuth in the western half), else +1."""
        return -1 if math.sin(math.radians(self.view_azimuth)) < 0 else 1

    def across_track(self, x, y):
        """Signed distance (m, eastwards) across the ground track from the line through the corner."""
        return (np.asarray(x) + np.asarray(y) * math.tan(self._tilt)) * math.cos(self._tilt)

    def _edge_position(self):
        if self.swath_edge_x is not None:
            return self.across_track(self.swath_edge_x, 0.0)
        # no edge in the scene: a virtual one far beyond the scene, away from the satellite
        return float(self.across_track(*self.centre)) - self.satellite_side * 2.5 * self.detector_width

    def valid(self, x, y):
        """True inside the swath (the side of the edge towards the satellite)."""
        if self.swath_edge_x is None:
            return np.ones(np.broadcast(np.asarray(x), np.asarray(y)).shape, dtype=bool)
        return -self.satellite_side * (self.across_track(x, y) - self._edge_position()) <= 0

    def detector(self, x, y):
        """Detector number (1..12) seeing (x, y): detector 12 at an eastern edge, 1 at a western one."""
        distance = -self.satellite_side * (self._edge_position() - self.across_track(x, y))
        # distance >= 0 inside the swath, counted from the edge towards the satellite
        steps = np.floor(np.maximum(distance, 0) / self.detector_width).astype(int)
        if self.satellite_side < 0:   # edge on the east: 12, 11, ... westwards
            return np.clip(12 - steps, 1, 12)
        return np.clip(1 + steps, 1, 12)

    def sun_angles(self, x, y):
        """(zenith, azimuth) of the sun in degrees at (x, y)."""
        cx, cy = self.centre
        dx, dy = (np.asarray(x) - cx) / 1000.0, (np.asarray(y) - cy) / 1000.0
        zenith = self.sun_zenith + self.sun_zenith_gradient[0] * dx + self.sun_zenith_gradient[1] * dy
        azimuth = self.sun_azimuth + self.sun_azimuth_gradient[0] * dx + self.sun_azimuth_gradient[1] * dy
        return zenith, np.mod(azimuth, 360.0)

    def view_angles(self, band, x, y):
        """(zenith, azimuth) of the view of ``band`` in degrees at (x, y)."""
        zenith = self._view_zenith(band, x, y)
        azimuth = np.mod(self.view_azimuth + VIEW_ANGLE_OFFSETS[band][1] + np.zeros_like(zenith), 360.0)
        return zenith, azimuth

    def _view_zenith(self, band, x, y):
        s = self.across_track(x, y) - self.across_track(*self.centre)
        # the zenith grows away from the ground track, i.e. away from the satellite
        return self.view_zenith + VIEW_ANGLE_OFFSETS[band][0] - self.satellite_side * self.view_zenith_gradient * s / 1000.0

    def mean_sun_angles(self):
        return tuple(float(a) for a in self.sun_angles(*self.centre))

    def mean_view_angles(self, band):
        return tuple(float(a) for a in self.view_angles(band, *self.centre))

    def glint_angle(self, band, x=None, y=None):
        """Angle (deg) between the view direction and the specular direction of the sun, MAJA's formula
        acos(sin sz sin vz cos(saz - vaz + pi) + cos sz cos vz), at (x, y) or with mean angles."""
        if x is None:
            sz, saz = self.mean_sun_angles()
            vz, vaz = self.mean_view_angles(band)
        else:
            sz, saz = self.sun_angles(x, y)
            vz, vaz = self.view_angles(band, x, y)
        return _angle_between(sz, saz + 180.0, vz, vaz)

    def hot_spot_angle(self, band):
        """Angle (deg) between the directions of the sun and of the satellite (mean angles)."""
        sz, saz = self.mean_sun_angles()
        vz, vaz = self.mean_view_angles(band)
        return _angle_between(sz, saz, vz, vaz)

    def sunglint_detected(self):
        """MAJA's scene flag: the glint angle of some band is below 30 deg (mean angles)."""
        return any(self.glint_angle(band) < GLINT_THRESHOLD for band in BANDS)

    def hot_spot_detected(self):
        return any(self.hot_spot_angle(band) < HOT_SPOT_THRESHOLD for band in BANDS)

    def shadow_offset(self, cloud):
        """(dx, dy) metres from a cloud's ground position to its shadow."""
        zenith, azimuth = self.sun_angles(cloud.x, cloud.y)
        return _ground_shift(cloud.height, zenith, azimuth)

    def parallax(self, cloud, band):
        """(dx, dy) metres from a cloud's ground position to where ``band`` sees it."""
        zenith, azimuth = self.view_angles(band, cloud.x, cloud.y)
        return _ground_shift(cloud.height, zenith, azimuth)

    def cloud_in_image(self, cloud):
        """Whether some band sees the cloud over the valid part of the image."""
        polygon = self.valid_polygon()
        for band in L2A_BANDS:
            dx, dy = self.parallax(cloud, band)
            if _disk_meets_polygon(cloud.x + dx, cloud.y + dy, cloud.radius, polygon):
                return True
        return False

    def valid_polygon(self):
        """Corners (x, y) of the valid part of the scene (the square cut by the swath edge)."""
        e = self.extent
        square = [(0.0, 0.0), (e, 0.0), (e, e), (0.0, e)]
        if self.swath_edge_x is None:
            return square
        tan = math.tan(self._tilt)
        # keep the side of the line x = swath_edge_x - y tan towards the satellite
        keep = (lambda p: p[0] <= self.swath_edge_x - p[1] * tan) if self.satellite_side < 0 else \
            (lambda p: p[0] >= self.swath_edge_x - p[1] * tan)
        return _clip_polygon(square, keep, lambda p, q: _edge_crossing(p, q, self.swath_edge_x, tan))

    # ---- ground fields -------------------------------------------------------------------------

    def elevation(self, x, y):
        """Ground elevation (m) at (x, y), lakes flat at the elevation of their centre."""
        x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
        z = self._mountains(x, y)
        grid = x.ndim == 2 and y.ndim == 2 and x.shape[0] == 1 and y.shape[1] == 1 and z.shape == (y.size, x.size)
        for lake in self.lakes:
            if grid:
                # a row of x and a column of y: only the rows and columns within the radius can be inside
                # (a sum of two squares is at least each of them), the same test made on them alone
                dx2, dy2, r2 = (x[0] - lake.x) ** 2, (y[:, 0] - lake.y) ** 2, lake.radius ** 2
                cols, rows = np.flatnonzero(dx2 <= r2), np.flatnonzero(dy2 <= r2)
                if not cols.size or not rows.size:
                    continue
                block = slice(rows[0], rows[-1] + 1), slice(cols[0], cols[-1] + 1)
                inside = dx2[None, block[1]] + dy2[block[0], None] <= r2
                if np.any(inside):
                    z[block] = np.where(inside, self._mountains(np.float64(lake.x), np.float64(lake.y)), z[block])
                continue
            inside = (x - lake.x) ** 2 + (y - lake.y) ** 2 <= lake.radius ** 2
            if np.any(inside):
                z = np.where(inside, self._mountains(np.float64(lake.x), np.float64(lake.y)), z)
        return z

    def _mountains(self, x, y):
        z = np.float64(self.base_elevation)
        for m in self.mountains:
            # written as a product so that a row vector times a column vector costs two 1-D exps
            z = z + m.height * np.exp(-(x - m.x) ** 2 / (2 * m.radius ** 2)) * \
                np.exp(-(y - m.y) ** 2 / (2 * m.radius ** 2))
        return z

    def _mountains_gradient(self, x, y):
        """(dz/dx, dz/dy) of the mountains, x east and y south."""
        shape = np.broadcast(np.asarray(x), np.asarray(y)).shape
        if not self.mountains or not shape:
            gx = gy = np.float64(0.0)
            for m in self.mountains:
                ex = np.exp(-(x - m.x) ** 2 / (2 * m.radius ** 2))
                ey = np.exp(-(y - m.y) ** 2 / (2 * m.radius ** 2))
                gx = gx - m.height * ((x - m.x) / m.radius ** 2 * ex) * ey
                gy = gy - m.height * ex * ((y - m.y) / m.radius ** 2 * ey)
            return gx, gy
        # the same operations on arrays: sums made in place, the products in one reused array
        gx, gy, term = np.zeros(shape), np.zeros(shape), np.empty(shape)
        for m in self.mountains:
            ex = np.exp(-(x - m.x) ** 2 / (2 * m.radius ** 2))
            ey = np.exp(-(y - m.y) ** 2 / (2 * m.radius ** 2))
            np.subtract(gx, np.multiply(m.height * ((x - m.x) / m.radius ** 2 * ex), ey, out=term), out=gx)
            np.subtract(gy, np.multiply(m.height * ex, (y - m.y) / m.radius ** 2 * ey, out=term), out=gy)
        return gx, gy

    # ---- statistics and names ----------------------------------------------------------------

    def statistics(self, resolution=20, block_rows=DEFAULT_BLOCK_ROWS):
        """Counts and percentages of the scene on the grid of ``resolution`` (the metadata's values)."""
        stats = _Statistics()
        rows, cols = self.shape(resolution)
        for row in range(0, rows, block_rows):
            stats.add(self.truth(Window(0, row, cols, min(block_rows, rows - row)), resolution))
        return stats.result()


def _ground_shift(height, zenith, azimuth):
    """Ground displacement (dx east, dy south) of something at ``height`` projected along a direction
    of ``zenith``/``azimuth`` (towards the sun or the satellite): it moves away from that direction."""
    d = height * np.tan(np.radians(zenith))
    return -d * np.sin(np.radians(azimuth)), d * np.cos(np.radians(azimuth))


def _angle_between(zenith1, azimuth1, zenith2, azimuth2):
    z1, z2 = np.radians(zenith1), np.radians(zenith2)
    cos = np.sin(z1) * np.sin(z2) * np.cos(np.radians(azimuth1 - azimuth2)) + np.cos(z1) * np.cos(z2)
    return np.degrees(np.arccos(np.clip(cos, -1.0, 1.0)))


def _edge_crossing(p, q, edge_x, tan):
    """Point of segment p-q on the line x = edge_x - y tan."""
    fp, fq = p[0] - (edge_x - p[1] * tan), q[0] - (edge_x - q[1] * tan)
    t = fp / (fp - fq)
    return p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])


def _clip_polygon(polygon, keep, crossing):
    """Sutherland-Hodgman clipping of a convex polygon by one half-plane."""
    out = []
    for i, p in enumerate(polygon):
        q = polygon[(i + 1) % len(polygon)]
        if keep(p):
            out.append(p)
            if not keep(q):
                out.append(crossing(p, q))
        elif keep(q):
            out.append(crossing(p, q))
    return out


def _disk_meets_polygon(cx, cy, radius, polygon):
    """Whether a disk meets a convex polygon (corners in order)."""
    if len(polygon) < 3:
        return False
    inside = True
    sign = 0
    best = float("inf")
    for i, p in enumerate(polygon):
        q = polygon[(i + 1) % len(polygon)]
        cross = (q[0] - p[0]) * (cy - p[1]) - (q[1] - p[1]) * (cx - p[0])
        if cross != 0:
            if sign == 0:
                sign = 1 if cross > 0 else -1
            elif (cross > 0) != (sign > 0):
                inside = False
        ex, ey = q[0] - p[0], q[1] - p[1]
        t = max(0.0, min(1.0, ((cx - p[0]) * ex + (cy - p[1]) * ey) / (ex * ex + ey * ey)))
        best = min(best, math.hypot(cx - p[0] - t * ex, cy - p[1] - t * ey))
    return inside or best <= radius


# --------------------------------------------------------------------------------------------------
# Truth on a window
# --------------------------------------------------------------------------------------------------

class cached_property:  # noqa: N801 (functools.cached_property without its lock)
    """A property computed once per instance: ``functools.cached_property`` without the lock that Python
    3.11 shares between all the instances of a class, so that two threads computing two strips do not
    wait for each other."""

    def __init__(self, function):
        self.function = function
        self.__doc__ = function.__doc__

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.function(instance)
        return value


class Truth:
    """Every layer of a scene on a window of the grid of ``resolution`` metres (see module docstring).

    Layers are computed when first used and kept. ``x`` (1, cols) and ``y`` (rows, 1) are the pixel
    centres in metres from the scene's upper-left corner.
    """

    def __init__(self, scene, window=None, resolution=10, strict=True):
        """``strict=False`` allows a grid whose resolution does not divide the scene (quicklooks)."""
        self.scene = scene
        self.resolution = float(resolution)
        if window is None:
            rows, cols = scene.shape(resolution)
            window = Window(0, 0, cols, rows)
        self.window = window
        row0, col0 = int(window.row_off), int(window.col_off)
        height, width = int(window.height), int(window.width)
        if strict:
            rows, cols = scene.shape(resolution)
            if row0 < 0 or col0 < 0 or row0 + height > rows or col0 + width > cols:
                raise ValueError("window {} outside the {} x {} grid".format(window, rows, cols))
        self.row0, self.col0, self.shape = row0, col0, (height, width)
        self.x = ((col0 + np.arange(width) + 0.5) * self.resolution)[None, :]
        self.y = ((row0 + np.arange(height) + 0.5) * self.resolution)[:, None]
        self._cache = {}

    # ---- helpers ------------------------------------------------------------------------------

    def _full(self, value, dtype):
        return np.full(self.shape, value, dtype=dtype)

    def _disk(self, cx, cy, radius):
        """(row slice, col slice, mask) of the window's pixels whose centre is within a disk, or None."""
        r = self.resolution
        c_lo = max(math.ceil((cx - radius) / r - 0.5) - self.col0, 0)
        c_hi = min(math.floor((cx + radius) / r - 0.5) - self.col0 + 1, self.shape[1])
        r_lo = max(math.ceil((cy - radius) / r - 0.5) - self.row0, 0)
        r_hi = min(math.floor((cy + radius) / r - 0.5) - self.row0 + 1, self.shape[0])
        if c_lo >= c_hi or r_lo >= r_hi:
            return None
        xs, ys = self.x[:, c_lo:c_hi], self.y[r_lo:r_hi, :]
        mask = (xs - cx) ** 2 + (ys - cy) ** 2 <= radius ** 2
        if not mask.any():
            return None
        return slice(r_lo, r_hi), slice(c_lo, c_hi), mask

    def _rectangle(self, x, y, width, height):
        r = self.resolution
        c_lo = max(math.ceil(x / r - 0.5) - self.col0, 0)
        c_hi = min(math.ceil((x + width) / r - 0.5) - self.col0, self.shape[1])
        r_lo = max(math.ceil(y / r - 0.5) - self.row0, 0)
        r_hi = min(math.ceil((y + height) / r - 0.5) - self.row0, self.shape[0])
        if c_lo >= c_hi or r_lo >= r_hi:
            return None
        return slice(r_lo, r_hi), slice(c_lo, c_hi)

    # ---- ground -------------------------------------------------------------------------------

    @cached_property
    def dem(self):
        """Elevation (m), float32."""
        return np.broadcast_to(self.scene.elevation(self.x, self.y), self.shape).astype(np.float32)

    @cached_property
    def _gradient(self):
        gx, gy = self.scene._mountains_gradient(self.x, self.y)
        gx = np.broadcast_to(gx, self.shape).astype(np.float32)
        gy = np.broadcast_to(gy, self.shape).astype(np.float32)
        for lake in self.scene.lakes:
            hit = self._disk(lake.x, lake.y, lake.radius)
            if hit:
                rs, cs, m = hit
                gx[rs, cs][m] = 0.0
                gy[rs, cs][m] = 0.0
        return gx, -gy  # dz/d-east, dz/d-north

    @property
    def slope_x(self):
        """dz/d-east (m/m)."""
        return self._gradient[0]

    @property
    def slope_y(self):
        """dz/d-north (m/m)."""
        return self._gradient[1]

    @cached_property
    def water(self):
        water = self._full(False, bool)
        for lake in self.scene.lakes:
            hit = self._disk(lake.x, lake.y, lake.radius)
            if hit:
                rs, cs, m = hit
                water[rs, cs] |= m
        return water

    @cached_property
    def glint(self):
        """Water of a lake that shows sunglint."""
        glint = self._full(False, bool)
        for lake in self.scene.lakes:
            hit = self._disk(lake.x, lake.y, lake.radius) if lake.glint else None
            if hit:
                rs, cs, m = hit
                glint[rs, cs] |= m
        return glint

    @cached_property
    def snow_fraction(self):
        s = self.scene
        if s.snow_transition > 0:
            fraction = np.clip((self.dem - s.snowline) / s.snow_transition, 0.0, 1.0).astype(np.float32)
        else:
            fraction = (self.dem > s.snowline).astype(np.float32)
        fraction[self.water] = 0.0
        return fraction

    @cached_property
    def snow(self):
        """Ground mostly under snow (snow fraction >= 0.5; dem > snowline with a step)."""
        if self.scene.snow_transition > 0:
            return self.snow_fraction >= 0.5
        return self.snow_fraction > 0

    @cached_property
    def rock(self):
        """Land above the treeline (bare, Sen2Cor 'not vegetated' when not snow)."""
        return (self.dem > self.scene.treeline) & ~self.water

    @cached_property
    def nodata(self):
        return ~np.broadcast_to(self.scene.valid(self.x, self.y), self.shape)

    @cached_property
    def _sun(self):
        zenith, azimuth = self.scene.sun_angles(self.x, self.y)
        return (np.broadcast_to(zenith, self.shape).astype(np.float32),
                np.broadcast_to(azimuth, self.shape).astype(np.float32))

    @property
    def sun_zenith(self):
        return self._sun[0]

    @property
    def sun_azimuth(self):
        return self._sun[1]

    def view_zenith(self, band):
        return np.broadcast_to(self.scene.view_angles(band, self.x, self.y)[0], self.shape).astype(np.float32)

    def view_azimuth(self, band):
        return np.broadcast_to(self.scene.view_angles(band, self.x, self.y)[1], self.shape).astype(np.float32)

    def glint_angle(self, band):
        """Glint angle (deg) per pixel from the per-pixel angles of ``band``."""
        return np.broadcast_to(self.scene.glint_angle(band, self.x, self.y), self.shape).astype(np.float32)

    def detector(self, band=None):
        """Detector number seeing each pixel (same footprints for every band here), 0 outside the swath."""
        detector = np.broadcast_to(self.scene.detector(self.x, self.y), self.shape).astype(np.uint8)
        return np.where(self.nodata, 0, detector).astype(np.uint8)

    @cached_property
    def _normal_length(self):
        """Length of the (unnormalised) ground normal (-p, -q, 1)."""
        p, q = self._gradient
        return np.sqrt(1.0 + p * p + q * q)

    def _cos_towards(self, zenith, azimuth):
        """Cosine of the angle between the ground normal and a direction (zenith, azimuth in degrees)."""
        p, q = self._gradient
        z, a = np.radians(zenith), np.radians(azimuth)
        sin_z = np.sin(z)
        return ((-p * sin_z * np.sin(a) - q * sin_z * np.cos(a) + np.cos(z)) / self._normal_length).astype(np.float32)

    @cached_property
    def cos_incidence(self):
        """Cosine of the local solar incidence angle on the slope."""
        return self._cos_towards(self.sun_zenith, self.sun_azimuth)

    @cached_property
    def illumination(self):
        """Factor from flat (FRE) to slope (SRE) reflectance of the ground."""
        cos_sun = np.cos(np.radians(self.sun_zenith))
        return (DIFFUSE_FRACTION + (1 - DIFFUSE_FRACTION) * np.maximum(self.cos_incidence, 0) / cos_sun
                ).astype(np.float32)

    @cached_property
    def topographic_shadow(self):
        return (self.cos_incidence <= 0) & ~self.nodata

    @cached_property
    def sun_tangent(self):
        return (self.cos_incidence > 0) & (self.cos_incidence < math.cos(math.radians(TANGENT_INCIDENCE))) \
            & ~self.nodata

    @cached_property
    def sun_too_low(self):
        return (self.sun_zenith > SUN_TOO_LOW_ZENITH) & ~self.nodata

    @cached_property
    def hidden_surface(self):
        zenith = self.scene._view_zenith("B2", self.x, self.y)
        azimuth = self.scene.view_angles("B2", self.x, self.y[:1])[1]   # the same on every row: one row
        return (self._cos_towards(np.broadcast_to(zenith, self.shape), azimuth) <= 0) & ~self.nodata

    @cached_property
    def water_vapour(self):
        s = self.scene
        cx, cy = s.centre
        wv = s.water_vapour + s.water_vapour_gradient[0] * (self.x - cx) / 1000.0 + \
            s.water_vapour_gradient[1] * (self.y - cy) / 1000.0
        return np.broadcast_to(wv, self.shape).astype(np.float32)

    @cached_property
    def aot(self):
        s = self.scene
        cx, cy = s.centre
        aot = s.aot + s.aot_gradient[0] * (self.x - cx) / 1000.0 + s.aot_gradient[1] * (self.y - cy) / 1000.0
        return np.broadcast_to(aot, self.shape).astype(np.float32)

    @cached_property
    def _texture(self):
        if not self.scene.texture:
            return None
        tx = np.sin(self.x / 137.0) + 0.5 * np.sin(self.x / 31.0)
        ty = np.sin(self.y / 113.0) + 0.5 * np.sin(self.y / 43.0)
        return (1.0 + self.scene.texture * tx * ty / 2.25).astype(np.float32)

    # ---- clouds and shadows --------------------------------------------------------------------

    @cached_property
    def _cloud_order(self):
        clouds = sorted(self.scene.clouds, key=lambda c: c.height)
        return [(c, self.scene.cloud_in_image(c)) for c in clouds]

    def cloud_in(self, band):
        """Dict kind -> bool array of where ``band`` sees a cloud of that kind (valid pixels)."""
        key = ("clouds", band)
        if key not in self._cache:
            layers = {kind: self._full(False, bool) for kind in CLOUD_KINDS}
            layers["multitemporal"] = self._full(False, bool)
            for cloud, _ in self._cloud_order:
                dx, dy = self.scene.parallax(cloud, band)
                hit = self._disk(cloud.x + dx, cloud.y + dy, cloud.radius)
                if hit:
                    rs, cs, m = hit
                    layers[cloud.kind][rs, cs] |= m
                    if cloud.multitemporal and cloud.kind == "thick":
                        layers["multitemporal"][rs, cs] |= m
            for layer in layers.values():
                layer &= ~self.nodata
            self._cache[key] = layers
        return self._cache[key]

    @cached_property
    def _cloud_union(self):
        """Union over the L2A bands of where each kind of cloud is seen, and the highest cloud's height
        (stamped directly, without keeping one layer per band)."""
        union = {kind: self._full(False, bool) for kind in CLOUD_KINDS + ("multitemporal",)}
        height = self._full(0.0, np.float32)
        for cloud, _ in self._cloud_order:  # ascending heights: the last one stamped is the highest
            for band in L2A_BANDS:
                dx, dy = self.scene.parallax(cloud, band)
                hit = self._disk(cloud.x + dx, cloud.y + dy, cloud.radius)
                if hit:
                    rs, cs, m = hit
                    union[cloud.kind][rs, cs] |= m
                    if cloud.multitemporal and cloud.kind == "thick":
                        union["multitemporal"][rs, cs] |= m
                    height[rs, cs][m] = cloud.height
        for layer in union.values():
            layer &= ~self.nodata
        height[self.nodata] = 0.0
        return union, height

    @property
    def cloud_thick(self):
        return self._cloud_union[0]["thick"]

    @property
    def cloud_thin(self):
        return self._cloud_union[0]["thin"]

    @property
    def cloud_high(self):
        return self._cloud_union[0]["high"]

    @property
    def cloud_multitemporal(self):
        return self._cloud_union[0]["multitemporal"]

    @cached_property
    def cloud(self):
        """Any cloud seen by any L2A band."""
        return self.cloud_thick | self.cloud_thin | self.cloud_high

    @property
    def cloud_height(self):
        """Height (m) of the highest cloud seen at the pixel, 0 without cloud."""
        return self._cloud_union[1]

    @cached_property
    def _shadows(self):
        inside, outside = self._full(False, bool), self._full(False, bool)
        for cloud, in_image in self._cloud_order:
            if not cloud.casts_shadow:
                continue
            dx, dy = self.scene.shadow_offset(cloud)
            hit = self._disk(cloud.x + dx, cloud.y + dy, cloud.radius)
            if hit:
                rs, cs, m = hit
                (inside if in_image else outside)[rs, cs] |= m
        return inside, outside

    @cached_property
    def shadow_ground(self):
        """Ground in the shadow of any cloud (hidden by a cloud or not, nodata included)."""
        return self._shadows[0] | self._shadows[1]

    @cached_property
    def shadow(self):
        """Shadow of a cloud of the image, not hidden by a cloud, on valid pixels."""
        return self._shadows[0] & ~self.cloud & ~self.nodata

    @cached_property
    def shadow_outside(self):
        """Shadow of a cloud outside the image, not hidden by a cloud, on valid pixels."""
        return self._shadows[1] & ~self._shadows[0] & ~self.cloud & ~self.nodata

    # ---- saturation and reflectance ------------------------------------------------------------

    def saturated(self, band):
        sat = self._full(False, bool)
        for patch in self.scene.patches:
            if band in patch.saturated:
                hit = self._rectangle(patch.x, patch.y, patch.width, patch.height)
                if hit:
                    sat[hit] = True
        return sat & ~self.nodata

    @cached_property
    def any_saturated(self):
        sat = self._full(False, bool)
        for band in L2A_BANDS:
            sat |= self.saturated(band)
        return sat

    def surface(self, band):
        """Flat surface reflectance of ``band`` before shadows and clouds (ground truth, no nodata)."""
        key = ("surface", band)
        if key not in self._cache:
            refl = SURFACE_REFLECTANCE
            land = np.where(self.rock, np.float32(refl["rock"][band]), np.float32(refl["vegetation"][band]))
            fraction = self.snow_fraction  # mixed so that fractions 0 and 1 give the table values exactly
            r = (land * (1 - fraction) + np.float32(refl["snow"][band]) * fraction).astype(np.float32)
            water = np.float32(refl["water"][band])
            r[self.water] = water
            r[self.glint] = water + np.float32(GLINT_REFLECTANCE[band])
            if self._texture is not None:
                r *= self._texture
            for patch in self.scene.patches:
                if band in patch.reflectance:
                    hit = self._rectangle(patch.x, patch.y, patch.width, patch.height)
                    if hit:
                        r[hit] = np.float32(patch.reflectance[band])
            self._cache[key] = r
        return self._cache[key]

    def _observed(self, band, flat):
        r = self.surface(band).copy()
        r[self.shadow_ground] *= np.float32(CLOUD_SHADOW_FACTOR)
        if not flat:
            r *= self.illumination
        for cloud, _ in self._cloud_order:
            dx, dy = self.scene.parallax(cloud, band)
            hit = self._disk(cloud.x + dx, cloud.y + dy, cloud.radius)
            if hit:
                rs, cs, m = hit
                t = np.float32(CLOUD_TRANSMITTANCE[cloud.kind])
                block = r[rs, cs]
                block[m] = t * block[m] + (1 - t) * np.float32(CLOUD_REFLECTANCE[cloud.kind][band])
        for patch in self.scene.patches:
            if band in patch.saturated:
                hit = self._rectangle(patch.x, patch.y, patch.width, patch.height)
                if hit:
                    r[hit] = np.float32(patch.reflectance.get(band, SATURATED_REFLECTANCE))
        r[self.nodata] = np.nan
        return r

    def reflectance(self, band):
        """Flat surface reflectance seen in ``band`` (Theia FRE), 0..1 float32, NaN on nodata."""
        key = ("fre", band)
        if key not in self._cache:
            self._cache[key] = self._observed(band, flat=True)
        return self._cache[key]

    def sre(self, band):
        """Reflectance without slope correction (Theia SRE), 0..1 float32, NaN on nodata."""
        key = ("sre", band)
        if key not in self._cache:
            self._cache[key] = self._observed(band, flat=False)
        return self._cache[key]

    # ---- encoded masks -------------------------------------------------------------------------

    @cached_property
    def clm(self):
        """MAJA CLM bit field (uint8)."""
        clm = self._full(0, np.uint8)
        for layer, bits in ((self.cloud_thick, CLM_THICK), (self.cloud_multitemporal, CLM_MULTITEMPORAL),
                            (self.cloud_thin, CLM_THIN), (self.cloud_high, CLM_HIGH),
                            (self.shadow, CLM_SHADOW), (self.shadow_outside, CLM_SHADOW_OUTSIDE)):
            clm[layer] |= np.uint8(_bit_value(bits))
        return clm

    @cached_property
    def mg2(self):
        """MAJA MG2 bit field (uint8)."""
        mg2 = self._full(0, np.uint8)
        layers = {MG2_WATER: self.water & ~self.nodata, MG2_CLOUD: self.cloud,
                  MG2_SNOW: self.snow & ~self.cloud & ~self.nodata,
                  MG2_CLOUD_SHADOW: self.shadow | self.shadow_outside,
                  MG2_TOPOGRAPHIC_SHADOW: self.topographic_shadow, MG2_HIDDEN_SURFACE: self.hidden_surface,
                  MG2_SUN_TOO_LOW: self.sun_too_low, MG2_SUN_TANGENT: self.sun_tangent}
        for bit, layer in layers.items():
            mg2[layer] |= np.uint8(1 << bit)
        return mg2

    def sat(self, group):
        """MAJA SAT bit field of group "R1" or "R2": bit i for the i-th band of the group."""
        sat = self._full(0, np.uint8)
        for bit, band in enumerate(THEIA_GROUPS[group]):
            sat[self.saturated(band)] |= np.uint8(1 << bit)
        return sat

    @property
    def edg(self):
        return self.nodata.astype(np.uint8)

    @cached_property
    def scl(self):
        """Sen2Cor scene classification (uint8, classes 0..11)."""
        scl = self._full(SCL_VEGETATION, np.uint8)
        for layer, value in ((self.rock, SCL_NOT_VEGETATED), (self.topographic_shadow, SCL_DARK),
                             (self.snow, SCL_SNOW), (self.water, SCL_WATER),
                             (self.shadow | self.shadow_outside, SCL_CLOUD_SHADOW), (self.cloud_high, SCL_CIRRUS),
                             (self.cloud_thin, SCL_CLOUD_MEDIUM), (self.cloud_thick, SCL_CLOUD_HIGH),
                             (self.any_saturated, SCL_SATURATED), (self.nodata, SCL_NODATA)):
            scl[layer] = value
        return scl

    @cached_property
    def cloud_probability(self):
        """Sen2Cor MSK_CLDPRB (percent, uint8)."""
        prob = self._full(0, np.uint8)
        for kind in ("high", "thin", "thick"):
            prob[self._cloud_union[0][kind]] = CLOUD_PROBABILITY[kind]
        return prob

    @cached_property
    def snow_probability(self):
        """Sen2Cor MSK_SNWPRB (percent, uint8): snow fraction of clear pixels."""
        prob = np.round(self.snow_fraction * 100).astype(np.uint8)
        prob[self.cloud | self.nodata] = 0
        return prob


def _bit_value(bits):
    value = 0
    for bit in bits:
        value |= 1 << bit
    return value


class _Statistics:
    """Counts accumulated over blocks, for the quality indices of the metadata."""

    def __init__(self):
        self.counts = {}

    def add(self, truth):
        valid = ~truth.nodata
        layers = {"pixels": np.ones(truth.shape, bool), "valid": valid, "cloud": truth.cloud,
                  "cloud_high": truth.cloud_high, "snow_mg2": (truth.mg2 & (1 << MG2_SNOW)) != 0,
                  "snow": truth.snow & valid, "water": truth.water & valid,
                  "shadow": truth.shadow | truth.shadow_outside, "saturated": truth.any_saturated}
        scl = truth.scl
        for value in range(12):
            layers["scl_{}".format(value)] = scl == value
        for name, layer in layers.items():
            self.counts[name] = self.counts.get(name, 0) + int(np.count_nonzero(layer))
        self.counts["aot_sum"] = self.counts.get("aot_sum", 0.0) + float(truth.aot[valid].sum())
        self.counts["wv_sum"] = self.counts.get("wv_sum", 0.0) + float(truth.water_vapour[valid].sum())

    def result(self):
        c = dict(self.counts)
        valid = max(c["valid"], 1)
        c["cloud_percent"] = 100.0 * c["cloud"] / valid
        c["snow_percent"] = 100.0 * c["snow_mg2"] / valid
        c["nodata_percent"] = 100.0 * (c["pixels"] - c["valid"]) / max(c["pixels"], 1)
        c["scl_percent"] = {v: 100.0 * c["scl_{}".format(v)] / valid for v in range(1, 12)}
        c["mean_aot"] = c["aot_sum"] / valid
        c["mean_water_vapour"] = c["wv_sum"] / valid
        return c


# --------------------------------------------------------------------------------------------------
# Writing rasters block by block
# --------------------------------------------------------------------------------------------------

class _Raster:
    """One output file: where, how, and the function making its pixels from a Truth."""

    def __init__(self, path, dtype, make, count=1, nodata=None, driver="GTiff", descriptions=None):
        self.path, self.dtype, self.make, self.count = path, dtype, make, count
        self.nodata, self.driver, self.descriptions = nodata, driver, descriptions

    def profile(self, scene, resolution):
        rows, cols = scene.shape(resolution)
        profile = dict(width=cols, height=rows, count=self.count, dtype=self.dtype, crs=scene.crs,
                       transform=scene.transform(resolution))
        if self.driver == "GTiff":
            profile.update(GTIFF_OPTIONS, blockxsize=GTIFF_TILE, blockysize=GTIFF_TILE,
                           predictor=2 if np.dtype(self.dtype).itemsize > 1 else 1)
            if self.nodata is not None:
                profile["nodata"] = self.nodata
        else:
            profile.update(JP2_OPTIONS)
        return profile

    def nbytes(self, scene, resolution):
        rows, cols = scene.shape(resolution)
        return rows * cols * self.count * np.dtype(self.dtype).itemsize


def _write_rasters(scene, resolution, rasters, block_rows=DEFAULT_BLOCK_ROWS, on_block=None):
    """Write ``rasters`` (all on the grid of ``resolution``) strip by strip, one Truth per strip.

    The strips are computed by :data:`STRIP_THREADS` threads, ahead of the one that writes them in order
    (and calls ``on_block`` in order): every pixel is computed from its coordinates alone, so the files are
    the same whatever thread computed a strip; GDAL compresses in its own threads."""
    if not rasters:
        return
    rows, cols = scene.shape(resolution)
    windows = [Window(0, row, cols, min(block_rows, rows - row)) for row in range(0, rows, block_rows)]

    def strip(window):
        truth = scene.truth(window, resolution)
        arrays = []
        for raster in rasters:
            data = np.asarray(raster.make(truth))
            if data.ndim == 2:
                data = data[None]
            arrays.append(data.astype(raster.dtype, copy=False))
        return (truth if on_block is not None else None), arrays

    with rasterio.Env(GDAL_PAM_ENABLED="NO", GDAL_CACHEMAX=GDAL_CACHE_BYTES), \
            ThreadPoolExecutor(max_workers=STRIP_THREADS, thread_name_prefix="synthetic") as pool:
        datasets, pending = [], collections.deque()
        try:
            for raster in rasters:
                os.makedirs(os.path.dirname(raster.path), exist_ok=True)
                ds = rasterio.open(raster.path, "w", **raster.profile(scene, resolution))
                datasets.append(ds)
                if raster.descriptions:
                    for index, text in enumerate(raster.descriptions, start=1):
                        ds.set_band_description(index, text)
            pending.extend(pool.submit(strip, window) for window in windows[:STRIP_THREADS])
            for index, window in enumerate(windows):
                truth, arrays = pending.popleft().result()
                if index + STRIP_THREADS < len(windows):
                    pending.append(pool.submit(strip, windows[index + STRIP_THREADS]))
                for ds, data in zip(datasets, arrays):
                    ds.write(data, window=window)
                if on_block is not None:
                    on_block(truth)
                del truth, arrays
        finally:
            for future in pending:
                future.cancel()
            for ds in datasets:
                ds.close()


def _write_in_groups(scene, resolution, rasters, block_rows=DEFAULT_BLOCK_ROWS, on_block=None):
    """Like _write_rasters, but JPEG2000 files (held in memory until encoded) in groups that fit
    JP2_MEMORY_BUDGET; ``on_block`` sees the strips of the first group only."""
    group, total, first = [], 0, True
    for raster in rasters:
        size = raster.nbytes(scene, resolution)
        if group and total + size > JP2_MEMORY_BUDGET:
            _write_rasters(scene, resolution, group, block_rows, on_block if first else None)
            group, total, first = [], 0, False
        group.append(raster)
        total += size
    _write_rasters(scene, resolution, group, block_rows, on_block if first else None)


def _encode_reflectance(values, offset=0, low=-32767, high=32767, nodata=None, saturated=None):
    # round(reflectance * 10000) - offset, clipped, in one float64 array; NaN is 0 (or nodata, below)
    values = np.asarray(values)
    dn = values.astype(np.float64)
    if nodata is None:
        np.nan_to_num(dn, copy=False, nan=0.0)
    np.multiply(dn, REFLECTANCE_SCALE, out=dn)
    np.round(dn, out=dn)
    if offset:
        np.subtract(dn, offset, out=dn)
    np.clip(dn, low, high, out=dn)
    if saturated is not None:
        dn[saturated] = SEN2COR_SATURATED
    if nodata is not None:
        dn[np.isnan(values)] = nodata
    return dn


def theia_reflectance_dn(values):
    """int16 DN of Theia FRE/SRE for reflectances ``values`` (NaN = nodata -> -10000)."""
    dn = _encode_reflectance(values, low=THEIA_NODATA + 1, high=32767, nodata=THEIA_NODATA)
    return dn.astype(np.int16)


def sen2cor_offset(baseline):
    """BOA_ADD_OFFSET of a processing baseline ("04.00" -> -1000, "02.14" -> 0)."""
    return SEN2COR_OFFSET if _baseline_tuple(baseline) >= (4, 0) else 0


def _baseline_tuple(baseline):
    major, minor = baseline.split(".")
    return int(major), int(minor)


def sen2cor_reflectance_dn(values, baseline="04.00", saturated=None):
    """uint16 DN of Sen2Cor bands: reflectance * 10000 - BOA_ADD_OFFSET, 0 = nodata (NaN)."""
    offset = sen2cor_offset(baseline)
    dn = _encode_reflectance(values, offset=offset, low=1, high=SEN2COR_SATURATED - 1, nodata=0,
                             saturated=saturated)
    return dn.astype(np.uint16)


def _quantize(values, scale, nodata_mask, low=1, high=255):
    dn = np.clip(np.round(values * scale), low, high)
    dn[nodata_mask] = 0
    return dn


# --------------------------------------------------------------------------------------------------
# Names
# --------------------------------------------------------------------------------------------------

def theia_product_id(scene):
    """SENTINEL2A_YYYYMMDD-HHMMSS-mmm_L2A_T{tile}_{C|D}_V{x}-{y}"""
    t = scene.acquisition
    return "{}_{:%Y%m%d-%H%M%S}-{:03d}_L2A_T{}_{}_V{}".format(
        scene.platform, t, t.microsecond // 1000, scene.tile, scene.product_type, scene.product_version)


def _sen2cor_mission(scene):
    return "S2" + scene.platform[-1]


def _baseline_code(baseline):
    major, minor = baseline.split(".")
    return "N{:02d}{:02d}".format(int(major), int(minor))


def sen2cor_product_name(scene, baseline="04.00"):
    """S2A_MSIL2A_{sensing}_N{baseline}_R{orbit}_T{tile}_{generation}.SAFE"""
    return "{}_MSIL2A_{:%Y%m%dT%H%M%S}_{}_R{:03d}_T{}_{:%Y%m%dT%H%M%S}.SAFE".format(
        _sen2cor_mission(scene), scene.acquisition, _baseline_code(baseline), scene.relative_orbit,
        scene.tile, scene.production)


def _iso(t, digits=3):
    text = t.strftime("%Y-%m-%dT%H:%M:%S")
    if digits:
        text += ".{:06d}".format(t.microsecond)[:digits + 1]
    return text + "Z"


def _crs_info(crs):
    """(EPSG code, name) of a CRS, e.g. (32631, "WGS 84 / UTM zone 31N")."""
    from osgeo import osr
    srs = osr.SpatialReference()
    srs.SetFromUserInput(str(crs))
    srs.AutoIdentifyEPSG()
    return int(srs.GetAuthorityCode(None)), srs.GetName()


def _lonlat(scene, xs, ys):
    """Longitudes, latitudes of scene points (x, y metres from the corner)."""
    east = [scene.ulx + x for x in xs]
    north = [scene.uly - y for y in ys]
    lon, lat = warp_transform(scene.crs, "EPSG:4326", east, north)
    return lon, lat


# --------------------------------------------------------------------------------------------------
# Angle grids of the metadata
# --------------------------------------------------------------------------------------------------

def angle_grid_nodes(scene):
    """(x, y) of the 5 km grid nodes, first at the upper-left corner, enough to cover the extent."""
    n = int(math.ceil(scene.extent / ANGLE_GRID_STEP - 1e-9)) + 1
    nodes = np.arange(n) * ANGLE_GRID_STEP
    return nodes[None, :], nodes[:, None]


def sun_angle_grids(scene):
    """(zenith, azimuth) on the grid nodes."""
    x, y = angle_grid_nodes(scene)
    zenith, azimuth = scene.sun_angles(x, y)
    shape = (y.shape[0], x.shape[1])
    return np.broadcast_to(zenith, shape), np.broadcast_to(azimuth, shape)


def view_angle_grids(scene, band):
    """{detector: (zenith, azimuth)} on the grid nodes, NaN where the detector does not see (with a
    margin of one node, so that bilinear interpolation inside its footprint has four values)."""
    x, y = angle_grid_nodes(scene)
    shape = (y.shape[0], x.shape[1])
    zenith, azimuth = (np.broadcast_to(a, shape) for a in scene.view_angles(band, x, y))
    margin = ANGLE_GRID_STEP * (abs(math.cos(scene._tilt)) + abs(math.sin(scene._tilt)))
    grids = {}
    for detector in scene_detectors(scene):
        near = np.zeros(shape, bool)
        for dx in (-margin, 0.0, margin):
            for dy in (-margin, 0.0, margin):
                xs, ys = x + dx, y + dy
                near |= np.broadcast_to((scene.detector(xs, ys) == detector) & scene.valid(xs, ys), shape)
        grids[detector] = (np.where(near, zenith, np.nan), np.where(near, azimuth, np.nan))
    return grids


def scene_detectors(scene):
    """Detectors seeing some valid part of the scene, in increasing order."""
    polygon = scene.valid_polygon()
    s = [float(scene.across_track(px, py)) for px, py in polygon]
    lo, hi = min(s), max(s)
    probes = np.linspace(lo, hi, 200)
    # detector of an across-track position: evaluate on points of the top row with that s
    cos = math.cos(scene._tilt)
    return sorted(set(int(d) for d in scene.detector(probes / cos, np.zeros_like(probes))))


def _values_text(row):
    return " ".join("NaN" if not np.isfinite(v) else "{:.6g}".format(v) for v in row)


# --------------------------------------------------------------------------------------------------
# XML helpers
# --------------------------------------------------------------------------------------------------

def _el(parent, tag, text=None, **attributes):
    element = ET.SubElement(parent, tag, {k.rstrip("_"): str(v) for k, v in attributes.items()})
    if text is not None:
        element.text = str(text)
    return element


def _write_xml(root, path, declaration='<?xml version="1.0" encoding="UTF-8"?>\n'):
    ET.indent(root, space="  ")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(declaration)
        f.write(ET.tostring(root, encoding="unicode"))
        f.write("\n")


def _fmt(value, digits=12):
    return "{:.{}g}".format(float(value), digits)


# --------------------------------------------------------------------------------------------------
# Theia / MUSCATE product
# --------------------------------------------------------------------------------------------------

def make_theia_product(out_dir, scene=None, zip=False, atb=True, block_rows=DEFAULT_BLOCK_ROWS):
    """Write a Theia/MUSCATE MAJA L2A product of ``scene`` (default ``Scene.small()``) in ``out_dir``.

    Returns the product folder, or with ``zip=True`` the path of ``<ID>.zip`` holding that folder (the
    folder itself is then removed). ``atb`` writes ATB_R1/R2. Memory stays bounded whatever the size:
    every file is written strip by strip (``block_rows`` rows).
    """
    scene = scene or Scene.small()
    product_id = theia_product_id(scene)
    folder = _new_folder(out_dir, product_id, zip)
    os.makedirs(os.path.join(folder, "MASKS"))
    stats = _Statistics()
    files = []
    for group in ("R1", "R2"):
        resolution = THEIA_RESOLUTION[group] * scene.pixel_size / 10.0
        rasters = []
        for kind in ("FRE", "SRE"):
            for band in THEIA_GROUPS[group]:
                make = (lambda t, b=band: theia_reflectance_dn(t.reflectance(b))) if kind == "FRE" else \
                    (lambda t, b=band: theia_reflectance_dn(t.sre(b)))
                rasters.append(_Raster(os.path.join(folder, "{}_{}_{}.tif".format(product_id, kind, band)),
                                       "int16", make, nodata=THEIA_NODATA))
        if atb:
            rasters.append(_Raster(os.path.join(folder, "{}_ATB_{}.tif".format(product_id, group)), "uint8",
                                   lambda t: np.stack([_quantize(t.water_vapour, WATER_VAPOUR_SCALE, t.nodata),
                                                       _quantize(t.aot, AOT_SCALE, t.nodata)]),
                                   count=2, nodata=0, descriptions=("Water_Vapor_Content",
                                                                    "Aerosol_Optical_Thickness")))
        masks = {"CLM": lambda t: t.clm, "MG2": lambda t: t.mg2, "SAT": lambda t, g=group: t.sat(g),
                 "EDG": lambda t: t.edg, "DFP": lambda t: np.zeros(t.shape, np.uint8)}
        if atb:  # interpolation flags of the ATB file (none here)
            masks["IAB"] = lambda t: np.zeros(t.shape, np.uint8)
        for name, make in masks.items():
            rasters.append(_Raster(os.path.join(folder, "MASKS", "{}_{}_{}.tif".format(product_id, name, group)),
                                   "uint8", make))
        _write_rasters(scene, resolution, rasters, block_rows, stats.add if group == "R2" else None)
        files += [r.path for r in rasters]
    _write_quicklook(scene, os.path.join(folder, "{}_QKL_ALL.jpg".format(product_id)))
    _write_theia_metadata(scene, folder, product_id, stats.result(), atb)
    if zip:
        return _zip_folder(folder, os.path.join(str(out_dir), product_id + ".zip"))
    return folder


def _new_folder(out_dir, name, staging):
    """Path of a new product folder ``out_dir/name`` (replacing an older one) or, when the product is
    to be zipped, of ``name`` in a private staging folder of ``out_dir`` (so that a folder and a zip of
    the same product can sit side by side)."""
    parent = str(out_dir)
    if staging:
        parent = os.path.join(parent, ".staging-{}-{}".format(os.getpid(), uuid.uuid4().hex[:8]))
    folder = os.path.join(parent, name)
    if os.path.exists(folder):
        shutil.rmtree(folder)
    os.makedirs(folder)
    return folder


def _quicklook_resolution(scene, largest=1000):
    step = scene.pixel_size * 2
    while scene.extent / step > largest:
        step += scene.pixel_size * 2
    return step


def _rgb_bytes(truth, bands=("B4", "B3", "B2"), top=0.25):
    rgb = []
    for band in bands:
        value = np.nan_to_num(truth.reflectance(band), nan=0.0)
        channel = np.clip(np.round(value / top * 254) + 1, 1, 255).astype(np.uint8)
        channel[truth.nodata] = 0
        rgb.append(channel)
    return np.stack(rgb)


def _write_quicklook(scene, path):
    resolution = _quicklook_resolution(scene)
    n = int(scene.extent // resolution)
    truth = Truth(scene, Window(0, 0, n, n), resolution, strict=False)
    with rasterio.Env(GDAL_PAM_ENABLED="NO"), warnings.catch_warnings():
        warnings.simplefilter("ignore", rasterio.errors.NotGeoreferencedWarning)  # a quicklook has none
        with rasterio.open(path, "w", driver="JPEG", width=n, height=n, count=3, dtype="uint8",
                           QUALITY=85) as dst:
            dst.write(_rgb_bytes(truth))


def _theia_mask_entries(product_id, atb):
    """(nature, [(attributes, file)]) of the distributed mask list (merged files, 1-based bits)."""
    def per_group(name, bit=None):
        out = []
        for group in ("R1", "R2"):
            attributes = {"group_id": group}
            if bit is not None:
                attributes["bit_number"] = bit
            out.append((attributes, "MASKS/{}_{}_{}.tif".format(product_id, name, group)))
        return out

    def per_band(name):
        out = []
        for group in ("R1", "R2"):
            for bit, band in enumerate(THEIA_GROUPS[group], start=1):
                out.append(({"band_id": band, "bit_number": bit},
                            "MASKS/{}_{}_{}.tif".format(product_id, name, group)))
        return out

    entries = []
    if atb:
        entries += [("WVC_Interpolation", per_group("IAB", 1)), ("AOT_Interpolation", per_group("IAB", 2))]
    entries += [("Detailed_Cloud", per_group("CLM")), ("Defective_Pixel", per_band("DFP")),
                ("Detector_Footprint", []), ("Edge", per_group("EDG")), ("Saturation", per_band("SAT"))]
    for nature, bit in (("Water", 1), ("Cloud", 2), ("Snow", 3), ("Cloud_Shadow", 4), ("Topography_Shadow", 5),
                        ("Hidden_Surface", 6), ("Sun_Too_Low", 7), ("Tangent_Sun", 8)):
        entries.append((nature, per_group("MG2", bit)))
    return entries


def _muscate_document(product_id, project, zone):
    """The root of a MUSCATE metadata document, with its identification and the dataset's (whose element is
    returned too, for what follows)."""
    root = ET.Element("Muscate_Metadata_Document", {
        "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
        "xsi:noNamespaceSchemaLocation": "Muscate_Metadata.xsd"})
    ident = _el(root, "Metadata_Identification")
    _el(ident, "METADATA_FORMAT", "METADATA_MUSCATE", version="1.16")
    _el(ident, "METADATA_PROFILE", "USER")
    _el(ident, "METADATA_INFORMATION", "EXPERT")

    dataset = _el(root, "Dataset_Identification")
    _el(dataset, "IDENTIFIER", product_id.rsplit("_V", 1)[0])
    _el(dataset, "AUTHORITY", "THEIA")
    _el(dataset, "PRODUCER", "MUSCATE")
    _el(dataset, "PROJECT", project)
    _el(dataset, "GEOGRAPHICAL_ZONE", zone, type="Tile" if zone.startswith("T") else "Site")
    return root, dataset


def _write_theia_metadata(scene, folder, product_id, stats, atb):
    epsg, crs_name = _crs_info(scene.crs)
    root, dataset = _muscate_document(product_id, "SENTINEL2", "T" + scene.tile)
    _el(dataset, "ORIGINAL_DATA_DIFFUSER", "PEPS")

    chars = _el(root, "Product_Characteristics")
    _el(chars, "PRODUCT_ID", product_id)
    _el(chars, "ACQUISITION_DATE", _iso(scene.acquisition))
    _el(chars, "PRODUCTION_DATE", _iso(scene.production))
    _el(chars, "PRODUCT_VERSION", scene.product_version.replace("-", "."))
    _el(chars, "PRODUCT_LEVEL", "L2A")
    _el(chars, "PLATFORM", scene.platform)
    _el(chars, "ORBIT_NUMBER", scene.relative_orbit, type="Orbit")
    utc = _el(chars, "UTC_Acquisition_Range")
    _el(utc, "MEAN", _iso(scene.acquisition))
    _el(utc, "DATE_PRECISION", "0.001", unit="s")
    theia_bands = ("B2", "B3", "B4", "B5", "B6", "B7", "B8", "B8A", "B11", "B12")
    global_list = _el(chars, "Band_Global_List", count=len(theia_bands))
    for band in theia_bands:
        _el(global_list, "BAND_ID", band)
    groups = _el(chars, "Band_Group_List")
    for group, bands in THEIA_GROUPS.items():
        band_list = _el(_el(groups, "Group", group_id=group), "Band_List", count=len(bands))
        for band in bands:
            _el(band_list, "BAND_ID", band)

    product = _el(_el(root, "Product_Organisation"), "Muscate_Product")
    _el(product, "QUICKLOOK", "{}_QKL_ALL.jpg".format(product_id), bands_id="B4,B3,B2")
    images = _el(product, "Image_List")
    for nature, kind in (("Surface_Reflectance", "SRE"), ("Flat_Reflectance", "FRE")):
        image = _el(images, "Image")
        _image_properties(image, "Image_Properties", nature, "int16")
        files = _el(image, "Image_File_List")
        for band in theia_bands:
            _el(files, "IMAGE_FILE", "{}_{}_{}.tif".format(product_id, kind, band), band_id=band)
    if atb:
        for nature, number in (("Water_Vapor_Content", 1), ("Aerosol_Optical_Thickness", 2)):
            image = _el(images, "Image")
            _image_properties(image, "Image_Properties", nature, "byte")
            files = _el(image, "Image_File_List")
            for group in ("R1", "R2"):
                _el(files, "IMAGE_FILE", "{}_ATB_{}.tif".format(product_id, group), group_id=group,
                    band_number=number)
    masks = _el(product, "Mask_List")
    for nature, entries in _theia_mask_entries(product_id, atb):
        mask = _el(masks, "Mask")
        _image_properties(mask, "Mask_Properties", nature, "byte")
        files = _el(mask, "Mask_File_List")
        for attributes, name in entries:
            _el(files, "MASK_FILE", name, **attributes)
    data = _el(_el(product, "Data_List"), "Data")
    data_properties = _el(data, "Data_Properties")
    _el(data_properties, "NATURE", "Job_Processing_Informations_File")
    _el(data_properties, "FORMAT", "application/xml")
    _el(_el(data, "Data_File_List"), "DATA_FILE", "DATA/{}_JPI_ALL.xml".format(product_id), group_id="ALL")

    geopos = _el(root, "Geoposition_Informations")
    crs_el = _el(geopos, "Coordinate_Reference_System")
    _el(crs_el, "GEO_TABLES", "EPSG")
    horizontal = _el(crs_el, "Horizontal_Coordinate_System")
    _el(horizontal, "HORIZONTAL_CS_TYPE", "PROJECTED")
    _el(horizontal, "HORIZONTAL_CS_NAME", crs_name)
    _el(horizontal, "HORIZONTAL_CS_CODE", epsg)
    for tag, cs_tag in (("Raster_CS", "RASTER_CS_TYPE"), ("Metadata_CS", "METADATA_CS_TYPE")):
        cs = _el(geopos, tag)
        _el(cs, cs_tag, "CELL")
        _el(cs, "PIXEL_ORIGIN", 0)
    geopositioning = _el(geopos, "Geopositioning")
    points = _el(geopositioning, "Global_Geopositioning")
    e = scene.extent
    corners = (("upperLeft", 0, 0), ("upperRight", e, 0), ("lowerRight", e, e), ("lowerLeft", 0, e),
               ("center", e / 2, e / 2))
    lons, lats = _lonlat(scene, [c[1] for c in corners], [c[2] for c in corners])
    for (name, x, y), lon, lat in zip(corners, lons, lats):
        point = _el(points, "Point", name=name)
        _el(point, "LAT", _fmt(lat))
        _el(point, "LON", _fmt(lon))
        _el(point, "X", _fmt(scene.ulx + x))
        _el(point, "Y", _fmt(scene.uly - y))
    group_list = _el(geopositioning, "Group_Geopositioning_List")
    for group in ("R1", "R2"):
        resolution = THEIA_RESOLUTION[group] * scene.pixel_size / 10.0
        rows, cols = scene.shape(resolution)
        g = _el(group_list, "Group_Geopositioning", group_id=group)
        for tag, value in (("ULX", scene.ulx), ("ULY", scene.uly), ("XDIM", resolution), ("YDIM", -resolution),
                           ("NROWS", rows), ("NCOLS", cols)):
            _el(g, tag, _fmt(value))

    geometric = _el(root, "Geometric_Informations")
    means = _el(geometric, "Mean_Value_List")
    sun = _el(means, "Sun_Angles")
    sz, saz = scene.mean_sun_angles()
    _el(sun, "ZENITH_ANGLE", _fmt(sz, 15), unit="deg")
    _el(sun, "AZIMUTH_ANGLE", _fmt(saz, 15), unit="deg")
    view_list = _el(means, "Mean_Viewing_Incidence_Angle_List")
    for band in BANDS:
        vz, vaz = scene.mean_view_angles(band)
        view = _el(view_list, "Mean_Viewing_Incidence_Angle", band_id=band)
        _el(view, "ZENITH_ANGLE", _fmt(vz, 15), unit="deg")
        _el(view, "AZIMUTH_ANGLE", _fmt(vaz, 15), unit="deg")
    grids = _el(geometric, "Angles_Grids_List")
    sun_grids = _el(grids, "Sun_Angles_Grids")
    for tag, values in zip(("Zenith", "Azimuth"), sun_angle_grids(scene)):
        _theia_grid(sun_grids, tag, values)
    viewing = _el(grids, "Viewing_Incidence_Angles_Grids_List")
    for band in BANDS:
        band_grids = _el(viewing, "Band_Viewing_Incidence_Angles_Grids_List", band_id=band)
        for detector, (zenith, azimuth) in view_angle_grids(scene, band).items():
            det = _el(band_grids, "Viewing_Incidence_Angles_Grids", detector_id="{:02d}".format(detector))
            _theia_grid(det, "Zenith", zenith)
            _theia_grid(det, "Azimuth", azimuth)

    radiometric = _el(root, "Radiometric_Informations")
    _el(radiometric, "REFLECTANCE_QUANTIFICATION_VALUE", REFLECTANCE_SCALE)
    _el(radiometric, "WATER_VAPOR_CONTENT_QUANTIFICATION_VALUE", WATER_VAPOUR_SCALE)
    _el(radiometric, "AEROSOL_OPTICAL_THICKNESS_QUANTIFICATION_VALUE", AOT_SCALE)
    specials = _el(radiometric, "Special_Values_List")
    _el(specials, "SPECIAL_VALUE", THEIA_NODATA, name="nodata")
    _el(specials, "SPECIAL_VALUE", 0, name="water_vapor_content_nodata")
    _el(specials, "SPECIAL_VALUE", 0, name="aerosol_optical_thickness_nodata")
    spectral = _el(radiometric, "Spectral_Band_Informations_List")
    for index, band in enumerate(BANDS):
        info = _el(spectral, "Spectral_Band_Informations", band_id=band)
        coefficients = _el(_el(info, "Calibration_Coefficients_Lists"), "Native_Coefficients_List")
        _el(coefficients, "COEFFICIENT", PHYSICAL_GAIN[index], name="PhysicalGain")
        _el(info, "SOLAR_IRRADIANCE", SOLAR_IRRADIANCE[index], unit="W/m²/µm")
        _el(info, "SPATIAL_RESOLUTION", NATIVE_RESOLUTION[band], unit="m")
        _el(info, "Wavelength")
        _el(info, "Spectral_Response")

    quality = _el(_el(_el(root, "Quality_Informations"), "Current_Product"), "Product_Quality_List", level="N2")
    product_quality = _el(quality, "Product_Quality")
    source = _el(product_quality, "Source_Product")
    _el(source, "PRODUCT_ID", product_id)
    _el(source, "ACQUISITION_DATE", _iso(scene.acquisition))
    _el(source, "PRODUCTION_DATE", _iso(scene.production))
    indices = _el(product_quality, "Global_Index_List")
    flags = (("CloudPercent", int(round(stats["cloud_percent"]))),
             ("SnowPercent", int(round(stats["snow_percent"]))),
             ("RainDetected", False), ("HotSpotDetected", scene.hot_spot_detected()),
             ("SunGlintDetected", scene.sunglint_detected()), ("CirrusDetected", stats["cloud_high"] > 0))
    for name, value in flags:
        _el(indices, "QUALITY_INDEX", str(value).lower() if isinstance(value, bool) else value, name=name)

    jobs = _el(_el(root, "Production_Informations"), "Processing_Jobs_List")
    job = _el(jobs, "Job")
    _el(job, "WORKPLAN_ID", "synthetic_l2_{:%Y%m%d}".format(scene.production))
    _el(job, "STEP_ID", "maja_l2")
    _el(job, "JOB_ID", 1)
    _el(job, "PRODUCER_NAME", "MUSCATE")
    _el(job, "START_PRODUCTION_DATE", _iso(scene.production - timedelta(minutes=20), 6))
    _el(job, "END_PRODUCTION_DATE", _iso(scene.production, 6))
    products = _el(job, "Products_List")
    l1c_id = "{}_{:%Y%m%d-%H%M%S}-{:03d}_L1C_T{}_C_V1-0".format(
        scene.platform, scene.acquisition, scene.acquisition.microsecond // 1000, scene.tile)
    for list_tag, pid in (("Inputs_List", l1c_id), ("Outputs_List", product_id)):
        p = _el(_el(products, list_tag), "PRODUCT")
        _el(p, "PRODUCT_ID", pid)
        _el(p, "ACQUISITION_DATE", _iso(scene.acquisition))
        _el(p, "PRODUCTION_DATE", _iso(scene.production))
    _write_xml(root, os.path.join(folder, product_id + "_MTD_ALL.xml"))
    _write_job_information(scene, os.path.join(folder, "DATA", product_id + "_JPI_ALL.xml"), product_id)


def _write_job_information(scene, path, product_id):
    """DATA/<ID>_JPI_ALL.xml: the processing job (a short record here)."""
    root = ET.Element("Job_Processing_Information")
    _el(root, "PRODUCT_ID", product_id)
    _el(root, "PROCESSOR", "MAJA (synthetic)")
    _el(root, "START_PRODUCTION_DATE", _iso(scene.production - timedelta(minutes=20), 6))
    _el(root, "END_PRODUCTION_DATE", _iso(scene.production, 6))
    _write_xml(root, path)


def _image_properties(parent, tag, nature, encoding):
    properties = _el(parent, tag)
    _el(properties, "NATURE", nature)
    _el(properties, "FORMAT", "image/tiff")
    _el(properties, "ENCODING", encoding)
    _el(properties, "ENDIANNESS", "LittleEndian")
    _el(properties, "COMPRESSION", "DEFLATE")


def _theia_grid(parent, tag, values):
    grid = _el(parent, tag, step_unit="m", values_unit="deg")
    _el(grid, "COL_STEP", _fmt(ANGLE_GRID_STEP))
    _el(grid, "ROW_STEP", _fmt(ANGLE_GRID_STEP))
    values_list = _el(grid, "Values_List")
    for row in values:
        _el(values_list, "VALUES", _values_text(row))


# --------------------------------------------------------------------------------------------------
# Sen2Cor product
# --------------------------------------------------------------------------------------------------

class _SafeNames:
    """Names of a synthetic SAFE."""

    def __init__(self, scene, baseline):
        self.scene, self.baseline = scene, baseline
        self.mission = _sen2cor_mission(scene)
        self.product = sen2cor_product_name(scene, baseline)
        sensing = scene.acquisition
        self.datastrip_start = sensing - timedelta(seconds=4, microseconds=sensing.microsecond)
        centre = "ATOS"
        self.granule = "L2A_T{}_A{:06d}_{:%Y%m%dT%H%M%S}".format(scene.tile, scene.absolute_orbit,
                                                                self.datastrip_start)
        self.datastrip = "DS_{}_{:%Y%m%dT%H%M%S}_S{:%Y%m%dT%H%M%S}".format(centre, scene.production,
                                                                       self.datastrip_start)
        code = "N{}".format(baseline)
        self.tile_id = "{}_OPER_MSI_L2A_TL_{}_{:%Y%m%dT%H%M%S}_A{:06d}_T{}_{}".format(
            self.mission, centre, scene.production, scene.absolute_orbit, scene.tile, code)
        self.l1c_tile_id = "{}_OPER_MSI_L1C_TL_{}_{:%Y%m%dT%H%M%S}_A{:06d}_T{}_{}".format(
            self.mission, centre, scene.production - timedelta(hours=1), scene.absolute_orbit, scene.tile, code)
        self.datastrip_id = "{}_OPER_MSI_L2A_DS_{}_{:%Y%m%dT%H%M%S}_S{:%Y%m%dT%H%M%S}_{}".format(
            self.mission, centre, scene.production, self.datastrip_start, code)
        self.prefix = "T{}_{:%Y%m%dT%H%M%S}".format(scene.tile, sensing)

    def image(self, code, resolution):
        """Path (from the SAFE root, no extension) of IMG_DATA/R{res}m/T{tile}_{date}_{code}_{res}m."""
        return "GRANULE/{}/IMG_DATA/R{}m/{}_{}_{}m".format(self.granule, resolution, self.prefix, code, resolution)

    def qi(self, name):
        return "GRANULE/{}/QI_DATA/{}".format(self.granule, name)


def _band_of_code(code):
    """"B02" -> "B2", "B8A" -> "B8A"."""
    return "B8A" if code == "B8A" else "B{}".format(int(code[1:]))


def _code_of_band(band):
    return "B8A" if band == "B8A" else "B{:02d}".format(int(band[1:]))


def make_sen2cor_product(out_dir, scene=None, baseline="04.00", zip=False, block_rows=DEFAULT_BLOCK_ROWS):
    """Write a Sen2Cor L2A SAFE of ``scene`` (default ``Scene.small()``) with processing ``baseline``
    ("04.00" and later: BOA_ADD_OFFSET -1000, DN = reflectance * 10000 + 1000; earlier: no offset).

    Returns the .SAFE folder or, with ``zip=True``, ``<name>.zip`` holding it (folder removed). The
    scene size must be a multiple of 6 (60 m grid). JPEG2000 encoding is slow: meant for small scenes.
    """
    scene = scene or Scene.small()
    if (scene.extent / (6 * scene.pixel_size)) % 1:
        raise ValueError("Sen2Cor products need a scene size multiple of 6 (60 m grid)")
    names = _SafeNames(scene, baseline)
    safe = _new_folder(out_dir, names.product, zip)
    granule = os.path.join(safe, "GRANULE", names.granule)
    for sub in ("AUX_DATA", "QI_DATA", "IMG_DATA/R10m", "IMG_DATA/R20m", "IMG_DATA/R60m"):
        os.makedirs(os.path.join(granule, sub))
    os.makedirs(os.path.join(safe, "DATASTRIP", names.datastrip, "QI_DATA"))
    modern = _baseline_tuple(baseline) >= (4, 0)
    stats = _Statistics()
    scale = scene.pixel_size / 10.0
    for resolution in (10, 20, 60):
        rasters = []
        for code in SEN2COR_FILES[resolution]:
            path = os.path.join(safe, names.image(code, resolution) + ".jp2")
            if code == "SCL":
                rasters.append(_Raster(path, "uint8", lambda t: t.scl, driver="JP2"))
            elif code == "TCI":
                rasters.append(_Raster(path, "uint8", lambda t: _tci(t), count=3, driver="JP2"))
            elif code == "AOT":
                rasters.append(_Raster(path, "uint16", lambda t: _quantize(t.aot, SEN2COR_AOT_SCALE, t.nodata,
                                                                           high=65535), driver="JP2"))
            elif code == "WVP":
                rasters.append(_Raster(path, "uint16", lambda t: _quantize(t.water_vapour, SEN2COR_WVP_SCALE,
                                                                           t.nodata, high=65535), driver="JP2"))
            else:
                band = _band_of_code(code)
                rasters.append(_Raster(path, "uint16", lambda t, b=band: sen2cor_reflectance_dn(
                    t.reflectance(b), baseline, t.saturated(b)), driver="JP2"))
        if resolution == 20:
            rasters += [_Raster(os.path.join(safe, names.qi("MSK_CLDPRB_20m.jp2")), "uint8",
                                lambda t: t.cloud_probability, driver="JP2"),
                        _Raster(os.path.join(safe, names.qi("MSK_SNWPRB_20m.jp2")), "uint8",
                                lambda t: t.snow_probability, driver="JP2")]
        if resolution == 60:
            rasters += [_Raster(os.path.join(safe, names.qi("MSK_CLDPRB_60m.jp2")), "uint8",
                                lambda t: t.cloud_probability, driver="JP2"),
                        _Raster(os.path.join(safe, names.qi("MSK_SNWPRB_60m.jp2")), "uint8",
                                lambda t: t.snow_probability, driver="JP2")]
            if modern:
                rasters.append(_Raster(os.path.join(safe, names.qi("MSK_CLASSI_B00.jp2")), "uint8",
                                       lambda t: np.stack([t.cloud_thick | t.cloud_thin, t.cloud_high,
                                                           t.snow & ~t.cloud & ~t.nodata]).astype(np.uint8),
                                       count=3, driver="JP2"))
        if modern:
            for band in BANDS:
                if NATIVE_RESOLUTION[band] != resolution:
                    continue
                code = _code_of_band(band)
                rasters.append(_Raster(os.path.join(safe, names.qi("MSK_DETFOO_{}.jp2".format(code))), "uint8",
                                       lambda t, b=band: t.detector(b), driver="JP2"))
                rasters.append(_Raster(os.path.join(safe, names.qi("MSK_QUALIT_{}.jp2".format(code))), "uint8",
                                       lambda t, b=band: _qualit(t, b), count=8, driver="JP2"))
        _write_in_groups(scene, resolution * scale, rasters, block_rows, stats.add if resolution == 20 else None)
    _write_pvi(scene, os.path.join(safe, names.qi("{}_PVI.jp2".format(names.prefix))))
    result = stats.result()
    _write_mtd_tl(scene, names, os.path.join(granule, "MTD_TL.xml"), result, modern)
    _write_mtd_msil2a(scene, names, os.path.join(safe, "MTD_MSIL2A.xml"), result)
    _write_inspire(scene, os.path.join(safe, "INSPIRE.xml"))
    _write_manifest(scene, names, safe)
    if zip:
        return _zip_folder(safe, os.path.join(str(out_dir), names.product[:-len(".SAFE")] + ".zip"))
    return safe


def _tci(truth):
    return _rgb_bytes(truth, ("B4", "B3", "B2"), top=0.2)


def _qualit(truth, band):
    """MSK_QUALIT: 8 bands (lost/degraded ancillary and MSI data, defective, nodata, partially
    corrected, saturated in L1A); only the saturation band is set here, as the real product's are 0."""
    out = np.zeros((8,) + truth.shape, np.uint8)
    out[7] = truth.saturated(band)
    return out


def _write_pvi(scene, path):
    resolution = 320 * scene.pixel_size / 10.0
    n = max(1, int(scene.extent // resolution))
    truth = Truth(scene, Window(0, 0, n, n), resolution, strict=False)
    with rasterio.Env(GDAL_PAM_ENABLED="NO"):
        with rasterio.open(path, "w", width=n, height=n, count=3, dtype="uint8", crs=scene.crs,
                           transform=scene.transform(resolution), **JP2_OPTIONS) as dst:
            dst.write(_tci(truth))


def _safe_grid(parent, tag, values):
    grid = _el(parent, tag)
    _el(grid, "COL_STEP", int(ANGLE_GRID_STEP), unit="m")
    _el(grid, "ROW_STEP", int(ANGLE_GRID_STEP), unit="m")
    values_list = _el(grid, "Values_List")
    for row in values:
        _el(values_list, "VALUES", _values_text(row))


def _image_content_qi(parent, stats, tile_level):
    p = stats["scl_percent"]
    cloudy = p[SCL_CLOUD_MEDIUM] + p[SCL_CLOUD_HIGH] + p[SCL_CIRRUS]
    qi = _el(parent, "Image_Content_QI")
    entries = []
    if tile_level:
        entries.append(("CLOUDY_PIXEL_PERCENTAGE", cloudy))
    entries += [("CLOUDY_PIXEL_OVER_LAND_PERCENTAGE", cloudy)]
    if tile_level:
        entries.append(("DEGRADED_MSI_DATA_PERCENTAGE", 0.0))
    entries += [("NODATA_PIXEL_PERCENTAGE", stats["nodata_percent"]),
                ("SATURATED_DEFECTIVE_PIXEL_PERCENTAGE", p[SCL_SATURATED]),
                ("DARK_FEATURES_PERCENTAGE", p[SCL_DARK]),
                ("CLOUD_SHADOW_PERCENTAGE", p[SCL_CLOUD_SHADOW]),
                ("VEGETATION_PERCENTAGE", p[SCL_VEGETATION]),
                ("NOT_VEGETATED_PERCENTAGE", p[SCL_NOT_VEGETATED]),
                ("WATER_PERCENTAGE", p[SCL_WATER]),
                ("UNCLASSIFIED_PERCENTAGE", p[SCL_UNCLASSIFIED]),
                ("MEDIUM_PROBA_CLOUDS_PERCENTAGE", p[SCL_CLOUD_MEDIUM]),
                ("HIGH_PROBA_CLOUDS_PERCENTAGE", p[SCL_CLOUD_HIGH]),
                ("THIN_CIRRUS_PERCENTAGE", p[SCL_CIRRUS]),
                ("SNOW_ICE_PERCENTAGE", p[SCL_SNOW])]
    for tag, value in entries:
        _el(qi, tag, "{:.6f}".format(value))
    for tag, value in (("RADIATIVE_TRANSFER_ACCURACY", "0.0"), ("WATER_VAPOUR_RETRIEVAL_ACCURACY", "0.0"),
                       ("AOT_RETRIEVAL_ACCURACY", "0.0"), ("AOT_RETRIEVAL_METHOD", "SEN2COR_DDV"),
                       ("GRANULE_MEAN_AOT", "{:.6f}".format(stats["mean_aot"])),
                       ("GRANULE_MEAN_WV", "{:.6f}".format(stats["mean_water_vapour"])),
                       ("OZONE_SOURCE", "AUX_ECMWFT"), ("OZONE_VALUE", "321.750572")):
        _el(qi, tag, value)
    return cloudy


def _write_mtd_tl(scene, names, path, stats, modern):
    ns = "https://psd-14.sentinel2.eo.esa.int/PSD/S2_PDI_Level-2A_Tile_Metadata.xsd"
    root = ET.Element("n1:Level-2A_Tile_ID", {
        "xmlns:n1": ns, "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance", "xsi:schemaLocation": ns})
    general = _el(root, "n1:General_Info")
    _el(general, "L1C_TILE_ID", names.l1c_tile_id, metadataLevel="Brief")
    _el(general, "TILE_ID", names.tile_id, metadataLevel="Brief")
    _el(general, "DATASTRIP_ID", names.datastrip_id, metadataLevel="Standard")
    _el(general, "DOWNLINK_PRIORITY", "NOMINAL", metadataLevel="Standard")
    _el(general, "SENSING_TIME", _iso(scene.acquisition + timedelta(seconds=2), 6), metadataLevel="Standard")
    archiving = _el(general, "Archiving_Info", metadataLevel="Expertise")
    _el(archiving, "ARCHIVING_CENTRE", "ATOS")
    _el(archiving, "ARCHIVING_TIME", _iso(scene.production + timedelta(minutes=30), 6))

    geometric = _el(root, "n1:Geometric_Info")
    geocoding = _el(geometric, "Tile_Geocoding", metadataLevel="Brief")
    epsg, crs_name = _crs_info(scene.crs)
    _el(geocoding, "HORIZONTAL_CS_NAME", crs_name.replace("WGS 84", "WGS84"))
    _el(geocoding, "HORIZONTAL_CS_CODE", "EPSG:{}".format(epsg))
    resolutions = (10, 20, 60)
    for nominal in resolutions:
        rows, cols = scene.shape(nominal * scene.pixel_size / 10.0)
        size = _el(geocoding, "Size", resolution=nominal)
        _el(size, "NROWS", rows)
        _el(size, "NCOLS", cols)
    for nominal in resolutions:
        resolution = nominal * scene.pixel_size / 10.0
        geoposition = _el(geocoding, "Geoposition", resolution=nominal)
        for tag, value in (("ULX", scene.ulx), ("ULY", scene.uly), ("XDIM", resolution), ("YDIM", -resolution)):
            _el(geoposition, tag, _fmt(value))
    angles = _el(geometric, "Tile_Angles", metadataLevel="Standard")
    sun = _el(angles, "Sun_Angles_Grid")
    for tag, values in zip(("Zenith", "Azimuth"), sun_angle_grids(scene)):
        _safe_grid(sun, tag, values)
    mean_sun = _el(angles, "Mean_Sun_Angle")
    sz, saz = scene.mean_sun_angles()
    _el(mean_sun, "ZENITH_ANGLE", _fmt(sz, 15), unit="deg")
    _el(mean_sun, "AZIMUTH_ANGLE", _fmt(saz, 15), unit="deg")
    for band in BANDS:
        for detector, (zenith, azimuth) in view_angle_grids(scene, band).items():
            grids = _el(angles, "Viewing_Incidence_Angles_Grids", bandId=SEN2COR_BAND_ID[band], detectorId=detector)
            _safe_grid(grids, "Zenith", zenith)
            _safe_grid(grids, "Azimuth", azimuth)
    mean_view = _el(angles, "Mean_Viewing_Incidence_Angle_List")
    for band in BANDS:
        vz, vaz = scene.mean_view_angles(band)
        view = _el(mean_view, "Mean_Viewing_Incidence_Angle", bandId=SEN2COR_BAND_ID[band])
        _el(view, "ZENITH_ANGLE", _fmt(vz, 15), unit="deg")
        _el(view, "AZIMUTH_ANGLE", _fmt(vaz, 15), unit="deg")

    quality = _el(root, "n1:Quality_Indicators_Info", metadataLevel="Standard")
    _image_content_qi(quality, stats, tile_level=True)
    pixel_qi = _el(quality, "Pixel_Level_QI", geometry="FULL_RESOLUTION")
    if modern:
        for band in BANDS:
            code = _code_of_band(band)
            for kind in ("MSK_DETFOO", "MSK_QUALIT"):
                _el(pixel_qi, "MASK_FILENAME", names.qi("{}_{}.jp2".format(kind, code)),
                    bandId=SEN2COR_BAND_ID[band], type=kind)
        _el(pixel_qi, "MASK_FILENAME", names.qi("MSK_CLASSI_B00.jp2"), type="MSK_CLASSI")
    for resolution in (20, 60):
        for kind in ("MSK_CLDPRB", "MSK_SNWPRB"):
            _el(pixel_qi, "MASK_FILENAME", names.qi("{}_{}m.jp2".format(kind, resolution)), type=kind)
    _el(quality, "PVI_FILENAME", names.qi("{}_PVI.jp2".format(names.prefix)))
    _write_xml(root, path, '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n')


def _footprint_lat_lon(scene):
    polygon = scene.valid_polygon()
    polygon = polygon + polygon[:1]
    lon, lat = _lonlat(scene, [p[0] for p in polygon], [p[1] for p in polygon])
    return " ".join("{} {}".format(_fmt(a, 15), _fmt(o, 15)) for a, o in zip(lat, lon)) + " "


def _write_mtd_msil2a(scene, names, path, stats):
    ns = "https://psd-14.sentinel2.eo.esa.int/PSD/User_Product_Level-2A.xsd"
    root = ET.Element("n1:Level-2A_User_Product", {
        "xmlns:n1": ns, "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance", "xsi:schemaLocation": ns})
    general = _el(root, "n1:General_Info")
    info = _el(general, "Product_Info")
    _el(info, "PRODUCT_START_TIME", _iso(scene.acquisition))
    _el(info, "PRODUCT_STOP_TIME", _iso(scene.acquisition))
    _el(info, "PRODUCT_URI", names.product)
    _el(info, "PROCESSING_LEVEL", "Level-2A")
    _el(info, "PRODUCT_TYPE", "S2MSI2A")
    _el(info, "PROCESSING_BASELINE", names.baseline)
    _el(info, "PRODUCT_DOI", "https://doi.org/10.5270/S2_-znk9xsj")
    _el(info, "GENERATION_TIME", _iso(scene.production, 6))
    _el(info, "PREVIEW_IMAGE_URL", "Not applicable")
    _el(info, "PREVIEW_GEO_INFO", "Not applicable")
    datatake = _el(info, "Datatake", datatakeIdentifier="G{}_{:%Y%m%dT%H%M%S}_{:06d}_N{}".format(
        names.mission, scene.acquisition, scene.absolute_orbit, names.baseline))
    _el(datatake, "SPACECRAFT_NAME", "Sentinel-2" + scene.platform[-1])
    _el(datatake, "DATATAKE_TYPE", "INS-NOBS")
    _el(datatake, "DATATAKE_SENSING_START", _iso(scene.acquisition))
    _el(datatake, "SENSING_ORBIT_NUMBER", scene.relative_orbit)
    _el(datatake, "SENSING_ORBIT_DIRECTION", "DESCENDING")
    _el(_el(info, "Query_Options", completeSingleTile="true"), "PRODUCT_FORMAT", "SAFE_COMPACT")
    granules = _el(_el(info, "Product_Organisation"), "Granule_List")
    granule = _el(granules, "Granule", datastripIdentifier=names.datastrip_id, granuleIdentifier=names.tile_id,
                  imageFormat="JPEG2000")
    for resolution in (10, 20, 60):
        for code in SEN2COR_FILES[resolution]:
            _el(granule, "IMAGE_FILE", names.image(code, resolution))

    image = _el(general, "Product_Image_Characteristics")
    for text, index in (("NODATA", 0), ("SATURATED", SEN2COR_SATURATED)):
        special = _el(image, "Special_Values")
        _el(special, "SPECIAL_VALUE_TEXT", text)
        _el(special, "SPECIAL_VALUE_INDEX", index)
    order = _el(image, "Image_Display_Order")
    for tag, value in (("RED_CHANNEL", 3), ("GREEN_CHANNEL", 2), ("BLUE_CHANNEL", 1)):
        _el(order, tag, value)
    quantification = _el(image, "QUANTIFICATION_VALUES_LIST")
    _el(quantification, "BOA_QUANTIFICATION_VALUE", REFLECTANCE_SCALE, unit="none")
    _el(quantification, "AOT_QUANTIFICATION_VALUE", "{:.1f}".format(SEN2COR_AOT_SCALE), unit="none")
    _el(quantification, "WVP_QUANTIFICATION_VALUE", "{:.1f}".format(SEN2COR_WVP_SCALE), unit="cm")
    if sen2cor_offset(names.baseline):
        offsets = _el(image, "BOA_ADD_OFFSET_VALUES_LIST")
        for band in BANDS:
            _el(offsets, "BOA_ADD_OFFSET", sen2cor_offset(names.baseline), band_id=SEN2COR_BAND_ID[band])
    conversion = _el(image, "Reflectance_Conversion")
    day = scene.acquisition.timetuple().tm_yday
    _el(conversion, "U", _fmt(1.0 / (1 - 0.01673 * math.cos(0.0172 * (day - 4))) ** 2, 15))
    irradiances = _el(conversion, "Solar_Irradiance_List")
    for index, band in enumerate(BANDS):
        _el(irradiances, "SOLAR_IRRADIANCE", SOLAR_IRRADIANCE[index], bandId=index, unit="W/m²/µm")
    spectral = _el(image, "Spectral_Information_List")
    for index, band in enumerate(BANDS):
        si = _el(spectral, "Spectral_Information", bandId=index, physicalBand=band)
        _el(si, "RESOLUTION", NATIVE_RESOLUTION[band])
        low, high, central = WAVELENGTH[index]
        wavelength = _el(si, "Wavelength")
        _el(wavelength, "MIN", low, unit="nm")
        _el(wavelength, "MAX", high, unit="nm")
        _el(wavelength, "CENTRAL", central, unit="nm")
        response = _el(si, "Spectral_Response")
        _el(response, "STEP", 1, unit="nm")
        _el(response, "VALUES", " ".join(["1"] * (high - low + 1)))  # a flat response (synthetic)
    for index, band in enumerate(BANDS):
        _el(image, "PHYSICAL_GAINS", PHYSICAL_GAIN[index], bandId=index)
    _el(image, "REFERENCE_BAND", 3)
    classes = _el(image, "Scene_Classification_List")
    for index, name in enumerate(SCL_NAMES):
        entry = _el(classes, "Scene_Classification_ID")
        _el(entry, "SCENE_CLASSIFICATION_TEXT", name)
        _el(entry, "SCENE_CLASSIFICATION_INDEX", index)

    geometric = _el(root, "n1:Geometric_Info")
    footprint = _el(geometric, "Product_Footprint")
    _el(_el(_el(footprint, "Product_Footprint"), "Global_Footprint"), "EXT_POS_LIST", _footprint_lat_lon(scene))
    _el(footprint, "RASTER_CS_TYPE", "POINT")
    _el(footprint, "PIXEL_ORIGIN", 1)
    crs = _el(geometric, "Coordinate_Reference_System")
    _el(crs, "GEO_TABLES", "EPSG", version="1")
    _el(crs, "HORIZONTAL_CS_TYPE", "GEOGRAPHIC")

    auxiliary = _el(root, "n1:Auxiliary_Data_Info")
    gipps = _el(auxiliary, "GIPP_List")
    for kind, version in (("GIP_PROBAS", _baseline_code(names.baseline)[1:]), ("GIP_L2ACSC", "0001"),
                          ("GIP_L2ACAC", "0001")):
        _el(gipps, "GIPP_FILENAME", "{}_OPER_{}_MPC__{:%Y%m%dT%H%M%S}_V20150622T000000_21000101T000000_B00".format(
            names.mission, kind, scene.production - timedelta(days=200)), type=kind, version=version)
    _el(auxiliary, "PRODUCTION_DEM_TYPE", "CopernicusDEM90")
    _el(auxiliary, "IERS_BULLETIN_FILENAME", "None")
    _el(_el(auxiliary, "GRI_List"), "GRI_FILENAME", "None")
    _el(auxiliary, "ECMWF_DATA_REF", "None")
    _el(_el(auxiliary, "LUT_List"), "LUT_FILENAME", "None")
    _el(auxiliary, "SNOW_CLIMATOLOGY_MAP", "GlobalSnowMap.tiff")
    _el(auxiliary, "ESACCI_WaterBodies_Map", "ESACCI-LC-L4-WB-Map-150m-P13Y-2000-v4.0.tif")
    _el(auxiliary, "ESACCI_LandCover_Map", "ESACCI-LC-L4-LCCS-Map-300m-P1Y-2015-v2.0.7.tif")
    _el(auxiliary, "ESACCI_SnowCondition_Map_Dir", "ESACCI-LC-L4-Snow-Cond-500m-MONTHLY-2000-2012-v2.4")

    quality = _el(root, "n1:Quality_Indicators_Info")
    coverage = _el(quality, "Cloud_Coverage_Assessment")
    technical = _el(quality, "Technical_Quality_Assessment")
    _el(technical, "DEGRADED_ANC_DATA_PERCENTAGE", "0.0")
    _el(technical, "DEGRADED_MSI_DATA_PERCENTAGE", 0)
    checks = _el(_el(quality, "Quality_Control_Checks"), "Quality_Inspections")
    for check in ("FORMAT_CORRECTNESS", "GENERAL_QUALITY", "GEOMETRIC_QUALITY", "L2A_QUALITY",
                  "RADIOMETRIC_QUALITY", "SENSOR_QUALITY"):
        _el(checks, "quality_check", "PASSED", checkType=check)
    _el(quality.find("Quality_Control_Checks"), "Failed_Inspections")
    coverage.text = "{:.6f}".format(_image_content_qi(quality, stats, tile_level=False))
    _write_xml(root, path, '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n')


def _write_inspire(scene, path):
    """A short ISO 19139 record (bounding box and time), as in the SAFE's INSPIRE.xml."""
    ns = {"gmd": "http://www.isotc211.org/2005/gmd", "gco": "http://www.isotc211.org/2005/gco",
          "gml": "http://www.opengis.net/gml"}
    root = ET.Element("gmd:MD_Metadata", {"xmlns:" + k: v for k, v in ns.items()})
    _el(_el(root, "gmd:fileIdentifier"), "gco:CharacterString", "publisher")
    identification = _el(_el(root, "gmd:identificationInfo"), "gmd:MD_DataIdentification")
    extent = _el(_el(identification, "gmd:extent"), "gmd:EX_Extent")
    box = _el(_el(extent, "gmd:geographicElement"), "gmd:EX_GeographicBoundingBox")
    e = scene.extent
    lon, lat = _lonlat(scene, [0, e, e, 0], [0, 0, e, e])
    for tag, value in (("westBoundLongitude", min(lon)), ("eastBoundLongitude", max(lon)),
                       ("southBoundLatitude", min(lat)), ("northBoundLatitude", max(lat))):
        _el(_el(box, "gmd:" + tag), "gco:Decimal", _fmt(value))
    period = _el(_el(_el(extent, "gmd:temporalElement"), "gmd:EX_TemporalExtent"), "gmd:extent")
    period = _el(period, "gml:TimePeriod", **{"gml:id": "acquisition"})
    _el(period, "gml:beginPosition", _iso(scene.acquisition))
    _el(period, "gml:endPosition", _iso(scene.acquisition))
    _write_xml(root, path, '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n')


def _write_manifest(scene, names, safe):
    """manifest.safe: the XFDU package map, metadata and every file with its size and SHA3-256."""
    root = ET.Element("xfdu:XFDU", {"xmlns:gml": "http://www.opengis.net/gml",
                                    "xmlns:safe": "http://www.esa.int/safe/sentinel/1.1",
                                    "xmlns:xfdu": "urn:ccsds:schema:xfdu:1",
                                    "version": "esa/safe/sentinel/1.1/sentinel-2/msi/archive_l2a_user_product"})
    files = []
    for folder, _, filenames in os.walk(safe):
        for filename in sorted(filenames):
            if filename != "manifest.safe":
                files.append(os.path.relpath(os.path.join(folder, filename), safe).replace(os.sep, "/"))
    files.sort()
    package = _el(_el(root, "informationPackageMap"), "xfdu:contentUnit", dmdID="acquisitionPeriod platform",
                  pdiID="processing", textInfo="SENTINEL-2 MSI Level-2A User Product", unitType="Product_Level-2A")
    identifiers = []
    for index, name in enumerate(files):
        identifier = "{}_{}".format(os.path.splitext(os.path.basename(name))[0], index)
        identifiers.append(identifier)
        unit = _el(package, "xfdu:contentUnit", ID=identifier + "_Unit", unitType="Data Unit")
        _el(unit, "dataObjectPointer", dataObjectID=identifier)
    metadata = _el(root, "metadataSection")
    period = _el(_el(_el(_el(metadata, "metadataObject", ID="acquisitionPeriod", category="DMD",
                              classification="DESCRIPTION"), "metadataWrap", mimeType="text/xml",
                         textInfo="Acquisition Period", vocabularyName="Sentinel-SAFE"), "xmlData"),
                 "safe:acquisitionPeriod")
    _el(period, "safe:startTime", _iso(scene.acquisition))
    platform = _el(_el(_el(_el(metadata, "metadataObject", ID="platform", category="DMD",
                                classification="DESCRIPTION"), "metadataWrap", mimeType="text/xml",
                           textInfo="Platform Description", vocabularyName="Sentinel-SAFE"), "xmlData"),
                   "safe:platform")
    _el(platform, "safe:familyName", "SENTINEL")
    _el(platform, "safe:number", "2" + scene.platform[-1])
    _el(_el(_el(_el(metadata, "metadataObject", ID="processing", category="PDI", classification="PROVENANCE"),
                "metadataWrap", mimeType="text/xml", textInfo="Processing", vocabularyName="Sentinel-SAFE"),
            "xmlData"), "safe:processing", name="Generation of Level-2A User Product", start=_iso(scene.production, 6))
    frame = _el(_el(_el(_el(metadata, "metadataObject", ID="measurementFrameSet", category="DMD",
                             classification="DESCRIPTION"), "metadataWrap", mimeType="text/xml",
                        textInfo="Frame Set", vocabularyName="Sentinel-SAFE"), "xmlData"), "safe:frameSet")
    _el(_el(frame, "safe:footPrint", srsName="http://www.opengis.net/gml/srs/epsg.xml#4326"), "gml:coordinates",
        _footprint_lat_lon(scene))
    objects = _el(root, "dataObjectSection")
    for identifier, name in zip(identifiers, files):
        path = os.path.join(safe, name)
        digest = hashlib.sha3_256()
        with open(path, "rb") as f:
            for chunk in iter(lambda: f.read(1 << 22), b""):
                digest.update(chunk)
        mime = "application/xml" if name.endswith(".xml") else "application/octet-stream"
        stream = _el(_el(objects, "dataObject", ID=identifier), "byteStream", mimeType=mime,
                     size=os.path.getsize(path))
        _el(stream, "fileLocation", href="./" + name, locatorType="URL")
        _el(stream, "checksum", digest.hexdigest().upper(), checksumName="SHA3-256")
    _write_xml(root, os.path.join(safe, "manifest.safe"), '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n')


# --------------------------------------------------------------------------------------------------
# DEM and zip
# --------------------------------------------------------------------------------------------------

def make_dem(path, scene=None, crs=None, resolution=None, margin=0.0, block_rows=DEFAULT_BLOCK_ROWS):
    """Write the scene's DEM as a float32 tiled GeoTIFF (no resampling: every pixel is the exact
    elevation at its centre, whatever the CRS).

    ``crs``: default the scene's; ``resolution`` in the units of ``crs``: default 20 m in the scene's
    CRS (the R2 grid exactly), 30 m in another projected CRS, 1 arc-second in a geographic one.
    ``margin`` (m) enlarges the covered area beyond the scene on every side.
    """
    scene = scene or Scene.small()
    path = str(path)
    same = crs is None or rasterio.crs.CRS.from_user_input(crs) == rasterio.crs.CRS.from_user_input(scene.crs)
    crs = scene.crs if crs is None else crs
    target = rasterio.crs.CRS.from_user_input(crs)
    if resolution is None:
        resolution = 20.0 * scene.pixel_size / 10.0 if same else (1.0 / 3600 if target.is_geographic else 30.0)
    left, bottom, right, top = scene.bounds
    left, bottom, right, top = left - margin, bottom - margin, right + margin, top + margin
    if not same:
        from rasterio.warp import transform_bounds
        left, bottom, right, top = transform_bounds(scene.crs, target, left, bottom, right, top, densify_pts=51)
    cols = int(math.ceil((right - left) / resolution - 1e-9))
    rows = int(math.ceil((top - bottom) / resolution - 1e-9))
    transform = from_origin(left, top, resolution, resolution)
    profile = dict(GTIFF_OPTIONS, width=cols, height=rows, count=1, dtype="float32", crs=target,
                   transform=transform, blockxsize=GTIFF_TILE, blockysize=GTIFF_TILE, predictor=3)
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with rasterio.Env(GDAL_PAM_ENABLED="NO", GDAL_CACHEMAX=GDAL_CACHE_BYTES), \
            rasterio.open(path, "w", **profile) as dst:
        dst.update_tags(AREA_OR_POINT="Area")
        xs = left + (np.arange(cols) + 0.5) * resolution
        for row in range(0, rows, block_rows):
            height = min(block_rows, rows - row)
            ys = top - (row + np.arange(height) + 0.5) * resolution
            if same:
                z = scene.elevation((xs - scene.ulx)[None, :], (scene.uly - ys)[:, None])
                z = np.broadcast_to(z, (height, cols))
            else:
                gx, gy = np.meshgrid(xs, ys)
                east, north = warp_transform(target, scene.crs, gx.ravel(), gy.ravel())
                z = scene.elevation(np.asarray(east) - scene.ulx, scene.uly - np.asarray(north))
                z = z.reshape(height, cols)
            dst.write(z.astype(np.float32)[None], window=Window(0, row, cols, height))
    return path


def _zip_folder(folder, zip_path):
    """Zip ``folder`` (entries under its own name, as distributed) and remove it with its staging
    folder; rasters stored, text deflated."""
    base = os.path.dirname(folder)
    tmp = zip_path + ".partial"
    with zipfile.ZipFile(tmp, "w", allowZip64=True) as z:
        for current, dirs, filenames in os.walk(folder):
            dirs.sort()
            relative = os.path.relpath(current, base)
            z.write(current, relative + "/")
            for filename in sorted(filenames):
                full = os.path.join(current, filename)
                stored = filename.lower().endswith((".tif", ".jp2", ".jpg"))
                z.write(full, os.path.join(relative, filename),
                        compress_type=zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED)
    os.replace(tmp, zip_path)
    shutil.rmtree(base if os.path.basename(base).startswith(".staging-") else folder)
    return zip_path


# --------------------------------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------------------------------

def main(argv=None):
    parser = argparse.ArgumentParser(description="Write a synthetic Sentinel-2 L2A product.")
    parser.add_argument("format", choices=("theia", "sen2cor", "usgs", "theia-landsat"))
    parser.add_argument("out_dir")
    parser.add_argument("--preset", choices=("small", "full"), default="small")
    parser.add_argument("--size", type=int, help="pixels at 10 m (default: 480 small, 10980 full)")
    parser.add_argument("--zip", action="store_true", help="write the .zip of the product instead")
    parser.add_argument("--tar", action="store_true", help="usgs: write the .tar of the product instead")
    parser.add_argument("--baseline", default="04.00", help="Sen2Cor processing baseline (04.00, 02.14...)")
    parser.add_argument("--no-glint", action="store_true", help="small preset: geometry without sunglint")
    parser.add_argument("--dem", action="store_true", help="also write the DEM (<tile>_DEM.tif)")
    parser.add_argument("--dem-crs", help="CRS of the DEM (default: the scene's)")
    parser.add_argument("--dem-resolution", type=float, help="resolution of the DEM in its CRS units")
    args = parser.parse_args(argv)
    os.makedirs(args.out_dir, exist_ok=True)
    if args.preset == "small":
        scene = Scene.small(size=args.size or 480, glint=not args.no_glint)
    else:
        scene = Scene.full_tile(size=args.size or 10980)
    if args.format in ("usgs", "theia-landsat"):
        import synthetic_landsat

        if args.format == "usgs":
            path = synthetic_landsat.make_usgs_product(args.out_dir, scene, tar=args.tar)
        else:
            path = synthetic_landsat.make_theia_landsat_product(args.out_dir, scene, zip=args.zip)
    elif args.format == "theia":
        path = make_theia_product(args.out_dir, scene, zip=args.zip)
    else:
        path = make_sen2cor_product(args.out_dir, scene, baseline=args.baseline, zip=args.zip)
    print(path)
    if args.dem:
        print(make_dem(os.path.join(args.out_dir, "T{}_DEM.tif".format(scene.tile)), scene, crs=args.dem_crs,
                       resolution=args.dem_resolution))
    return 0


if __name__ == "__main__":
    sys.exit(main())
