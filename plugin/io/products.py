"""Sentinel-2 L2A products: Theia/MUSCATE (MAJA), ESA Sen2Cor (SAFE), or a plain set of band rasters; and
Landsat 8 and 9 Level-2 products, Theia/MUSCATE or USGS Collection 2, read by ``io/landsat.py``.

One entry point per kind of input, one :class:`Product` for all of them::

    from neve.plugin.io.readers import open_product

    with open_product("SENTINEL2B_20180220-105624-457_L2A_T31TCH_C_V1-4.zip") as product:
        grid = product.grid(20)                                   # the tile's 20 m pixels
        for block in blocks(grid.width, grid.height):
            red = product.read_reflectance("B4", grid, block.read)   # 10 m band, cubic to 20 m, 0..1
            cloud = product.read_mask("cloud", grid, block.read)     # CLM > 0 (Theia) / SCL 3, 8, 9, 10

- ``io/readers.open_product`` takes a product folder, its .zip (read in place through GDAL's /vsizip/,
  never extracted), a USGS .tar (through /vsitar/), or the product's metadata file (``*_MTD_ALL.xml``,
  ``MTD_MSIL2A.xml``, ``*_MTL.xml``, ``*_MTL.txt``).
  Files are found by their naming pattern, as LIS does (``*_FRE_B11.tif``, ``MASKS/*_CLM_R2.tif``,
  ``IMG_DATA/R20m/*_B11_20m.jp2``, ``*_SCL_20m.jp2``); dates, version, tile, scale, offset, nodata,
  angles and quality flags come from the metadata (DOMAIN.md sections 2 and 3).
- :func:`open_bands` takes band rasters given one by one (layers of the modeler or of batch mode),
  with their scale, offset and nodata, so that algorithms read layers with the same code.

What a :class:`Product` gives (``None`` or empty when the product does not carry it):

- ``kind`` ("theia", "sen2cor", "usgs" or "bands"), ``mission`` ("sentinel2" or "landsat",
  ``core/missions.py``), ``name``, ``platform`` ("Sentinel-2A", "Landsat 8"), ``tile`` ("T31TCH"),
  ``site`` (a Theia site that is not a tile), ``path_row`` (Landsat WRS-2 "198/030"), ``acquisition``
  and ``production`` (datetimes in UTC), ``version`` (Theia product version "1.4", Sen2Cor processing
  baseline "04.00", USGS collection and tier "02 T1"), ``level`` ("L2A", "L2SP").
- ``quality``: Theia ``QUALITY_INDEX`` values (CloudPercent, SnowPercent, SunGlintDetected, ...) and
  for Sen2Cor the percentages of its metadata (CLOUDY_PIXEL_PERCENTAGE, SNOW_ICE_PERCENTAGE, ...);
  numbers as int/float, "True"/"False" as bool.
- ``reflectance_scale``, ``reflectance_offsets`` (band -> offset added to the digital number) and
  ``reflectance_nodata``: reflectance = (DN + offset) / scale; Sen2Cor's BOA_ADD_OFFSET is -1000
  from processing baseline 04.00 on and 0 before.
- ``sun_angles`` (:class:`Angles`, mean zenith and azimuth in degrees), ``sun_angle_grids``
  (:class:`AngleGrid`, 5000 m steps, first value at the tile's upper-left corner, NaN where missing),
  ``viewing_angles`` and ``viewing_angle_grids`` per band (the grids combine the detectors: NaN-aware
  mean of zeniths, circular mean of azimuths).
- ``bands`` and ``masks``: what the product holds, name -> native (finest) resolution in metres.
  Bands are "B2", "B3", "B4", "B5", "B6", "B7", "B8", "B8A", "B11", "B12" (and "B1", "B9" in Sen2Cor);
  Landsat's own "B1" .. "B7" (all at 30 m); "B02" etc. are accepted as input. Masks: "CLM", "MG2", "EDG",
  "SAT" (Theia), "SCL", "CLDPRB", "SNWPRB" (Sen2Cor), "QA_PIXEL" (USGS). Which band plays which part
  (the SWIR of the snow test is B11 on Sentinel-2, B6 on Landsat): :meth:`Product.band_for`.
- ``warnings``: translated notes about what the product lacks (no metadata, no angles, ...).
- ``crs``, :meth:`Product.grid` (the tile's :class:`~.raster.Grid` at 10, 20 or 60 m; 30 m for Landsat),
  ``native_resolution`` (the pixel size of the product's SWIR band: 20 m, Landsat 30 m),
  :meth:`Product.file` (GDAL path of a band or mask file, e.g. to load it as a layer; QGIS 3.22
  Processing wants a layer object for a /vsizip/ path, not the path string), :meth:`Product.require`
  (check up front that the bands and masks an algorithm needs are there).
- ``files``: name -> {resolution: GDAL path} of every band and mask file found.

Reading, always by window, memory proportional to the window (a full tile is never loaded):

- :meth:`Product.read_reflectance` -> float32 reflectance 0..1, NaN for nodata; resampled with cubic
  convolution when the grid is not the file's own (as LIS does for 10 m bands used at 20 m).
- :meth:`Product.read_raw` -> the file's values (masks, digital numbers), nearest or mode.
- :meth:`Product.read_mask` (or :meth:`Product.read_masks`, several kinds from one read) -> a boolean
  mask decoded from CLM/MG2/EDG (Theia) or SCL (Sen2Cor):
  "cloud" (default: the LIS choice, CLM > 0 or SCL 3, 8, 9, 10, or QA_PIXEL bits 1 to 4), "shadow",
  "high_cloud", "water", "snow", "nodata".

When a grid has another resolution than a file, the product's file at that resolution is used if it
has one (Sen2Cor B11_20m.jp2 for a 20 m grid, Theia CLM_R2 for a 20 m grid), else its finest file,
resampled. Masks are always read at full resolution and then resampled with nearest or mode: never
through JPEG2000 reduced-resolution levels (they turn SCL classes into invalid values 12, 13).

Everything that can go wrong with an input raises :class:`ProductError` with a translated message
that says what was expected and what was found; nothing is ever written. Metadata XML is parsed
without any document type or entity declaration (refused: "billion laughs" and external entities),
zip member names are checked against path traversal, and GDAL read errors (a truncated band file) are
raised, naming the file, instead of being returned as zeros (GDAL's multi-threaded JPEG2000 decoder
only logs its errors: a .jp2 is therefore checked for truncation when it is opened).
"""
import math
import os
import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from datetime import datetime, timezone
from xml.etree import ElementTree
from xml.parsers import expat

import numpy as np

from ..core import masks as mask_codes
from ..core import missions
from ..errors import NeveError
from ..i18n import tr
from .raster import (GEOTIFF_DRIVERS, JPEG2000_DRIVERS, VRT_DRIVERS, Grid, RasterReadError, aligned_factor,
                     drivers_by_name, open_raster, read_onto_grid)

THEIA, SEN2COR, BANDS, USGS = "theia", "sen2cor", "bands", "usgs"

BAND_NAMES = ("B2", "B3", "B4", "B5", "B6", "B7", "B8", "B8A", "B11", "B12")
SEN2COR_ONLY_BANDS = ("B1", "B9")
# Sen2Cor numbers the bands 0..12 in its metadata (bandId).
SEN2COR_BAND_IDS = ("B1", "B2", "B3", "B4", "B5", "B6", "B7", "B8", "B8A", "B9", "B10", "B11", "B12")
NATIVE_RESOLUTION = {"B1": 60, "B2": 10, "B3": 10, "B4": 10, "B5": 20, "B6": 20, "B7": 20, "B8": 10,
                     "B8A": 20, "B9": 60, "B10": 60, "B11": 20, "B12": 20}
THEIA_RESOLUTIONS = {"R1": 10, "R2": 20, "R3": 60}
MASK_NAMES = ("CLM", "MG2", "EDG", "SAT", "SCL", "CLDPRB", "SNWPRB", "QA_PIXEL")
# Value a mask takes outside the raster's extent: EDG 1 is "outside the swath", SCL 0 is "no data",
# QA_PIXEL 1 is bit 0, "fill".
MASK_FILL = {"EDG": 1, "QA_PIXEL": 1}

# Format defaults (DOMAIN.md), used when a Theia product comes without its metadata.
THEIA_SCALE, THEIA_NODATA = 10000.0, -10000
SEN2COR_NODATA = 0
SEN2COR_OFFSET_FROM_BASELINE = ("04.00", -1000.0)

# Decoded masks: for each kind, the mask files that give it and how: bits of a bit field, classes, or
# any non-zero value. The first file the product has is used.
MASK_KINDS = {
    "cloud": (("CLM", "bits", mask_codes.LIS_CLM_BITS), ("SCL", "classes", mask_codes.LIS_SCL_CLASSES),
              ("QA_PIXEL", "bits", mask_codes.LIS_QA_PIXEL_BITS)),
    "shadow": (("CLM", "bits", (mask_codes.CLM_SHADOWS, mask_codes.CLM_SHADOWS_OUTSIDE)),
               ("SCL", "classes", (mask_codes.SCL_CLOUD_SHADOW,)), ("QA_PIXEL", "bits", (mask_codes.QA_CLOUD_SHADOW,))),
    "high_cloud": (("CLM", "bits", (mask_codes.CLM_HIGH_CLOUDS,)), ("SCL", "classes", (mask_codes.SCL_CIRRUS,)),
                   ("QA_PIXEL", "bits", (mask_codes.QA_CIRRUS,))),
    "water": (("MG2", "bits", (mask_codes.MG2_WATER,)), ("SCL", "classes", (mask_codes.SCL_WATER,)),
              ("QA_PIXEL", "bits", (mask_codes.QA_WATER,))),
    "snow": (("MG2", "bits", (mask_codes.MG2_SNOW,)), ("SCL", "classes", (mask_codes.SCL_SNOW,)),
             ("QA_PIXEL", "bits", (mask_codes.QA_SNOW,))),
    "nodata": (("EDG", "nonzero", None), ("SCL", "classes", (mask_codes.SCL_NODATA,)),
               ("QA_PIXEL", "bits", (mask_codes.QA_FILL,))),
}

MAX_XML_BYTES = 64 * 1024 * 1024
# SENTINEL2B_20180220-105624-457_L2A_T31TCH_C_V1-4
THEIA_ID = re.compile(r"(SENTINEL2[A-Z])_(\d{8}-\d{6}-\d{3})_(L[0-9A-Z]+)_T?(\d{2}[A-Z]{3})_[A-Z]_V(\d+)-(\d+)",
                      re.IGNORECASE)
THEIA_BAND_FILE = re.compile(r"_(FRE|SRE)_(B\d{1,2}A?)\.tif$", re.IGNORECASE)
THEIA_MASK_FILE = re.compile(r"_(CLM|MG2|EDG|SAT)_(R[123])\.tif$", re.IGNORECASE)
SEN2COR_BAND_FILE = re.compile(r"_(B\d{2}|B8A)_(10|20|60)m\.jp2$", re.IGNORECASE)
SEN2COR_SCL_FILE = re.compile(r"_SCL_(20|60)m\.jp2$", re.IGNORECASE)
SEN2COR_QI_FILE = re.compile(r"MSK_(CLDPRB|SNWPRB)_(20|60)m\.jp2$", re.IGNORECASE)
TILE_IN_NAME = re.compile(r"_T(\d{2}[A-Z]{3})(?:_|$)")


class ProductError(NeveError):
    """An input that is not a readable Sentinel-2 L2A product (a :class:`~..errors.NeveError`)."""


@dataclass(frozen=True)
class Angles:
    """A direction in degrees: zenith from the vertical, azimuth clockwise from north."""

    zenith: float
    azimuth: float


@dataclass
class AngleGrid:
    """Angles in degrees sampled every ``col_step`` metres eastwards and ``row_step`` metres
    southwards from (``x0``, ``y0``), the tile's upper-left corner, in the product's CRS.

    ``zenith[i, j]`` and ``azimuth[i, j]`` are the angles at (x0 + j col_step, y0 - i row_step);
    NaN where the product gives none.
    """

    zenith: np.ndarray
    azimuth: np.ndarray
    x0: float
    y0: float
    col_step: float = 5000.0
    row_step: float = 5000.0
    crs: object = None

    @property
    def transform(self):
        """The grid as a raster: each value is the centre of a ``col_step`` x ``row_step`` pixel."""
        from affine import Affine

        return Affine(self.col_step, 0.0, self.x0 - self.col_step / 2.0,
                      0.0, -self.row_step, self.y0 + self.row_step / 2.0)


# --- names ------------------------------------------------------------------------------------------

def band_name(name):
    """The normalised band name: "B02", "b2", "2" -> "B2"; "B8A", "B08A", "8a" -> "B8A".
    Raises :class:`ProductError` for a name that is not a Sentinel-2 band."""
    match = re.fullmatch(r"\s*B?0*(\d{1,2})(A?)\s*", str(name).upper())
    normalised = "B{}{}".format(int(match.group(1)), match.group(2)) if match else None
    if normalised not in NATIVE_RESOLUTION:
        raise ProductError(tr("\"{name}\" is not a Sentinel-2 band: expected one of {bands}.").format(
            name=name, bands=", ".join(BAND_NAMES)))
    return normalised


def platform_name(text):
    """"SENTINEL2A", "Sentinel-2A", "S2A" -> "Sentinel-2A"; other text unchanged."""
    match = re.fullmatch(r"\s*(?:SENTINEL-?2|S2)([A-Z])\s*", (text or "").upper())
    return "Sentinel-2{}".format(match.group(1)) if match else (text or None)


def _tile_name(text):
    match = re.search(r"T?(\d{2}[A-Z]{3})", text or "")
    return "T" + match.group(1) if match else None


def _datetime(text):
    """A UTC datetime from ISO text such as 2017-06-13T07:12:16.460Z (any fraction length)."""
    if not text:
        return None
    match = re.fullmatch(r"\s*(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?\s*(Z|[+-]00:?00)?\s*",
                         text)
    if match is None:
        return None
    year, month, day, hour, minute, second = (int(g) for g in match.groups()[:6])
    microsecond = int(((match.group(7) or "0") + "000000")[:6])
    return datetime(year, month, day, hour, minute, second, microsecond, tzinfo=timezone.utc)


def _theia_id_datetime(text):
    """The acquisition time in a Theia identifier: 20170613-071216-460 -> 2017-06-13T07:12:16.460Z."""
    match = re.fullmatch(r"(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-(\d{3})", text)
    values = [int(g) for g in match.groups()]
    return datetime(*values[:6], values[6] * 1000, tzinfo=timezone.utc)


def _value(text):
    """Metadata text as a number or a bool when it is one."""
    if text is None:
        return None
    if text.lower() in ("true", "false"):
        return text.lower() == "true"
    for kind in (int, float):
        try:
            return kind(text)
        except ValueError:
            pass
    return text


# --- XML, safely ------------------------------------------------------------------------------------

class _RefusedDeclaration(Exception):
    pass


def parse_xml(data, label):
    """The root element of the XML document ``data`` (bytes), with namespace prefixes removed from
    tag and attribute names. Document type and entity declarations are refused before anything is
    expanded (entity expansion bombs, external entities); ``label`` names the file in errors."""
    if len(data) > MAX_XML_BYTES:
        raise ProductError(tr("{file} is larger than {size} MB: this is not product metadata.").format(
            file=label, size=MAX_XML_BYTES // (1024 * 1024)))

    def local(name):
        return name.rsplit(":", 1)[-1]

    def refuse(*_args):
        raise _RefusedDeclaration()

    builder = ElementTree.TreeBuilder()
    parser = expat.ParserCreate()
    parser.buffer_text = True
    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.UnparsedEntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse
    parser.StartElementHandler = lambda tag, attrs: builder.start(
        local(tag), {local(k): v for k, v in attrs.items()})
    parser.EndElementHandler = lambda tag: builder.end(local(tag))
    parser.CharacterDataHandler = builder.data
    try:
        parser.Parse(data, True)
    except _RefusedDeclaration:
        raise ProductError(tr(
            "{file} declares a document type or entities (<!DOCTYPE>, <!ENTITY>). Product metadata "
            "never does: the file is refused for safety.").format(file=label)) from None
    except expat.ExpatError as exc:
        raise ProductError(tr(
            "{file} is not well-formed XML ({error}): the metadata is damaged or incomplete.").format(
            file=label, error=expat.ErrorString(exc.code) + ", line {}".format(exc.lineno))) from None
    return builder.close()


def _text(element, path):
    """Stripped text at ``path`` under ``element``; None when absent, empty or a template placeholder."""
    if element is None:
        return None
    found = element.find(path)
    if found is None or found.text is None:
        return None
    text = " ".join(found.text.split())
    return None if not text or text.startswith("NOT_INITIALIZED") else text


def _float(element, path):
    text = _text(element, path)
    try:
        return float(text) if text is not None else None
    except ValueError:
        return None


def _values_grid(element, label):
    """A 2-D float array from a ``Values_List`` of ``VALUES`` rows ("NaN" allowed); None when empty."""
    rows = [row.text.split() for row in element.iter("VALUES") if row.text and row.text.strip()]
    if not rows:
        return None
    if any(len(row) != len(rows[0]) for row in rows):
        raise ProductError(tr("The angle grids of {file} have rows of different lengths: the metadata "
                              "is damaged.").format(file=label))
    try:
        return np.array(rows, dtype=np.float64)
    except ValueError:
        raise ProductError(tr("The angle grids of {file} hold values that are not numbers: the metadata "
                              "is damaged.").format(file=label)) from None


def _zenith_azimuth_grids(element, label):
    """(zenith, azimuth, col_step, row_step) of an element holding ``Zenith`` and ``Azimuth`` grids."""
    zenith_element, azimuth_element = element.find("Zenith"), element.find("Azimuth")
    if zenith_element is None or azimuth_element is None:
        return None
    zenith, azimuth = _values_grid(zenith_element, label), _values_grid(azimuth_element, label)
    if zenith is None or azimuth is None:
        return None
    if zenith.shape != azimuth.shape:
        raise ProductError(tr("The zenith and azimuth grids of {file} differ in size: the metadata is "
                              "damaged.").format(file=label))
    col_step = _float(zenith_element, "COL_STEP") or 5000.0
    row_step = _float(zenith_element, "ROW_STEP") or 5000.0
    return zenith, azimuth, col_step, row_step


def combine_detectors(zeniths, azimuths):
    """One viewing grid from the grids of several detectors (each NaN outside its detector): the
    NaN-aware mean of zeniths and the circular mean of azimuths (359 and 1 give 0, not 180); NaN where
    no detector has a value."""
    zeniths, azimuths = np.asarray(zeniths, dtype=np.float64), np.asarray(azimuths, dtype=np.float64)
    valid = ~np.isnan(zeniths) & ~np.isnan(azimuths)
    count = valid.sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        zenith = np.where(valid, zeniths, 0.0).sum(axis=0) / count
        radians = np.radians(np.where(valid, azimuths, 0.0))
        east = np.where(valid, np.sin(radians), 0.0).sum(axis=0)
        north = np.where(valid, np.cos(radians), 0.0).sum(axis=0)
        azimuth = np.degrees(np.arctan2(east, north)) % 360.0
        azimuth[azimuth >= 360.0] -= 360.0  # -1e-15 % 360 rounds to 360
    zenith[count == 0] = np.nan
    azimuth[count == 0] = np.nan
    return zenith, azimuth


# --- where the files are: a folder or a zip --------------------------------------------------------

class _Folder:
    """Files of a folder, by relative path with "/" separators."""

    def __init__(self, root):
        self.root = os.path.abspath(root)
        self.label = self.root

    def files(self, under="", depth=None):
        top = os.path.join(self.root, *under.split("/")) if under else self.root
        found = []
        for dirpath, dirnames, filenames in os.walk(top):
            relative = os.path.relpath(dirpath, self.root).replace(os.sep, "/")
            relative = "" if relative == "." else relative
            level = relative.count("/") + 1 if relative else 0
            if depth is not None and level >= depth:
                dirnames[:] = []
            dirnames.sort()
            found.extend(posixpath.join(relative, name) for name in sorted(filenames))
        return found

    def read(self, member):
        path = self.gdal_path(member)
        try:
            with open(path, "rb") as f:
                # a buffer the size of the file (bounded): not MAX_XML_BYTES for a 30 KB metadata file
                return f.read(min(os.fstat(f.fileno()).st_size, MAX_XML_BYTES) + 1)
        except OSError as exc:
            raise ProductError(tr("Could not read {file}: {error}.").format(file=path, error=exc.strerror))

    def gdal_path(self, member):
        return os.path.join(self.root, *member.split("/"))


class MemberList:
    """Files of an archive (zip or tar) by their member names (``self.names``, sorted)."""

    names = ()

    def files(self, under="", depth=None):
        prefix = under + "/" if under else ""
        found = []
        for name in self.names:
            if name.startswith(prefix):
                relative = name[len(prefix):]
                if depth is None or relative.count("/") <= depth:
                    found.append(relative)
        return found


class _Zip(MemberList):
    """Members of a zip file, read in place (never extracted); names checked against path traversal."""

    def __init__(self, path):
        self.path = os.path.abspath(path)
        self.label = self.path
        try:
            with zipfile.ZipFile(self.path) as archive:
                names = [info.filename for info in archive.infolist() if not info.is_dir()]
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            raise ProductError(tr("{file} is not a readable zip file ({error}): it may be damaged or "
                                  "incompletely downloaded.").format(file=self.path, error=exc)) from None
        for name in names:
            parts = re.split(r"[/\\]", name)
            if name.startswith(("/", "\\")) or re.match(r"[A-Za-z]:", name) or ".." in parts:
                raise ProductError(tr(
                    "{file} holds a file named \"{name}\", which points outside the zip (an absolute path "
                    "or \"..\"). A product never does: the zip is refused for safety.").format(
                    file=self.path, name=name))
        self.names = sorted(names)

    def read(self, member):
        try:
            with zipfile.ZipFile(self.path) as archive, archive.open(member) as f:
                # the size the zip declares (bounded); a member never gives more than it declares
                return f.read(min(archive.getinfo(member).file_size, MAX_XML_BYTES) + 1)
        except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError) as exc:
            raise ProductError(tr("Could not read {file} in {zip} ({error}): the zip may be damaged.").format(
                file=member, zip=self.path, error=exc)) from None

    def gdal_path(self, member):
        return "/vsizip/{}/{}".format(self.path, member)


def _listing(files, count=8):
    shown = ", ".join(files[:count]) if files else tr("nothing")
    return shown + (", ..." if len(files) > count else "")


def without_metadata(product, name, scale, nodata):
    """A Theia product delivered without its MTD_ALL.xml: the format's ``scale`` and ``nodata``, and a
    warning saying what is missing."""
    product.reflectance_scale, product.reflectance_nodata = scale, nodata
    product.warnings.append(tr(
        "{product} has no MTD_ALL.xml: dates, tile and version come from its name, the scale "
        "({scale:g}) and nodata ({nodata}) from the Theia format; it has no angles and no quality "
        "flags.").format(product=name, scale=scale, nodata=nodata))


# --- the product ------------------------------------------------------------------------------------

@dataclass(eq=False, repr=False)
class Product:
    """A Sentinel-2 L2A product (see the module documentation for every attribute). Use it as a context
    manager, or call :meth:`close`, to close the files it opened."""

    kind: str
    name: str
    path: str
    platform: str = None
    tile: str = None
    mission: str = missions.SENTINEL2
    site: str = None
    path_row: str = None
    acquisition: datetime = None
    production: datetime = None
    version: str = None
    level: str = "L2A"
    quality: dict = field(default_factory=dict)
    reflectance_scale: float = 10000.0
    reflectance_offsets: dict = field(default_factory=dict)
    reflectance_nodata: float = None
    sun_angles: Angles = None
    sun_angle_grids: AngleGrid = None
    viewing_angles: dict = field(default_factory=dict)
    viewing_angle_grids: dict = field(default_factory=dict)
    crs: object = None
    warnings: list = field(default_factory=list)
    # name -> {resolution in metres: GDAL path}
    files: dict = field(default_factory=dict, repr=False)
    # resolution -> Grid from the metadata
    metadata_grids: dict = field(default_factory=dict, repr=False)
    _datasets: dict = field(default_factory=dict, repr=False, init=False)
    _grids_checked: set = field(default_factory=set, repr=False, init=False)

    def __repr__(self):
        return "Product(kind={!r}, name={!r})".format(self.kind, self.name)

    # what the product holds
    @property
    def bands(self):
        """Band name -> native (finest available) resolution in metres."""
        return {name: min(files) for name, files in self.files.items() if name in NATIVE_RESOLUTION}

    @property
    def masks(self):
        """Mask name ("CLM", "MG2", "EDG", "SAT", "SCL", ...) -> native resolution in metres."""
        return {name: min(files) for name, files in self.files.items() if name not in NATIVE_RESOLUTION}

    def band_for(self, role):
        """The product's band that plays ``role`` ("green", "red", "nir", "swir", "swir2", "blue"):
        ``core/missions.py`` (the SWIR of the snow test is B11 on Sentinel-2, B6 on Landsat)."""
        return missions.band(self.mission, role)

    @property
    def native_resolution(self):
        """The pixel size in metres of the grid of the product's snow map and cloud masks, that of its SWIR
        band (``band_for("swir")``): 20 m on Sentinel-2 (even in a product cut down to its 60 m files), 30 m
        on Landsat; for band layers, the SWIR layer's."""
        files = self.files.get(self.band_for("swir"))
        if self.kind == BANDS and files:
            return min(files)
        return missions.NATIVE_RESOLUTION[self.mission]

    def require(self, names):
        """Raise :class:`ProductError` unless the product has every band or mask of ``names``."""
        wanted = [band_name(n) if n.upper() not in MASK_NAMES else n.upper() for n in names]
        missing = [n for n in wanted if n not in self.files]
        if missing:
            raise ProductError(tr(
                "{product} lacks {missing}; it has {found}.").format(
                product=self.name, missing=", ".join(missing),
                found=", ".join(sorted(self.files, key=_file_order)) or tr("nothing")))

    def file(self, name, resolution=None):
        """The GDAL path of band or mask ``name``: the file at ``resolution`` when the product has one,
        else the finest file."""
        key = name.upper() if name.upper() in MASK_NAMES else band_name(name)
        if key not in self.files:
            self.require([key])
        files = self.files[key]
        return files.get(resolution, files[min(files)])

    def grid(self, resolution):
        """The product's :class:`~.raster.Grid` at ``resolution`` metres (10, 20 or 60): from the
        metadata, else from a file at that resolution, else the extent of the finest file."""
        resolution = int(resolution)
        if resolution in self.metadata_grids:
            return self.metadata_grids[resolution]
        for files in sorted(self.files.values(), key=lambda f: sorted(f)):
            if resolution in files:
                return Grid.of(self._dataset(files[resolution]))
        finest = min(r for files in self.files.values() for r in files)
        any_file = next(files[finest] for files in self.files.values() if finest in files)
        return Grid.of(self._dataset(any_file)).with_resolution(resolution)

    # reading
    def read_reflectance(self, band, grid=None, window=None, resampling="cubic"):
        """Surface reflectance of ``band`` (0..1, float32, NaN for nodata) on ``grid`` (default the
        file's own grid), in ``window`` of it (a rasterio Window; default all of it). Values may fall
        slightly below 0 or above 1, as in the products."""
        band = band_name(band)
        path = self.file(band, grid.resolution if grid is not None else None)
        dataset = self._dataset(path)
        target = (grid or Grid.of(dataset))
        target = target.window_grid(window) if window is not None else target
        scale = np.float32(self.reflectance_scale)
        offset = np.float32(self.reflectance_offsets.get(band, 0.0))
        nodata = self.reflectance_nodata if self.reflectance_nodata is not None else dataset.nodata

        def to_reflectance(dn):
            values = (dn.astype(np.float32) + offset) / scale
            if nodata is not None:
                values[dn == nodata] = np.nan
            return values

        return self._read(path, target, resampling, np.nan, np.nan, to_reflectance)

    def read_raw(self, name, grid=None, window=None, resampling="nearest"):
        """The values of band or mask ``name`` as stored (digital numbers, bit fields, classes) on
        ``grid`` in ``window``; resample masks with "nearest" or "mode" only. Pixels outside the file
        get its nodata value (EDG: 1, outside the swath)."""
        key = name.upper() if name.upper() in MASK_NAMES else band_name(name)
        path = self.file(key, grid.resolution if grid is not None else None)
        dataset = self._dataset(path)
        target = (grid or Grid.of(dataset))
        target = target.window_grid(window) if window is not None else target
        if key in NATIVE_RESOLUTION:
            fill = self.reflectance_nodata if self.reflectance_nodata is not None else (dataset.nodata or 0)
        else:
            fill = MASK_FILL.get(key, 0)
        return self._read(path, target, resampling, None, fill, None)

    def read_mask(self, kind, grid=None, window=None, resampling="nearest", selection=None):
        """Boolean mask ``kind`` ("cloud", "shadow", "high_cloud", "water", "snow", "nodata") decoded
        from the product's masks: CLM, MG2 bits and EDG for Theia, SCL classes for Sen2Cor.
        ``selection`` replaces the default bits (Theia) or classes (Sen2Cor), e.g. CLM bits (1, 5, 6, 7).
        The raw mask is resampled first (``resampling`` "nearest" or "mode"), then decoded."""
        return self.read_masks((kind,), grid, window, resampling, selection)[kind]

    def read_masks(self, kinds, grid=None, window=None, resampling="nearest", selection=None):
        """``{kind: boolean mask}`` for several kinds of :meth:`read_mask`, each mask file read once
        (a Sen2Cor SCL gives cloud, shadow, water, snow and nodata from one read)."""
        raw, decoded = {}, {}
        for kind in kinds:
            if kind not in MASK_KINDS:
                raise ValueError("unknown mask kind {!r}".format(kind))
            source = next(((mask, how, default) for mask, how, default in MASK_KINDS[kind]
                           if mask in self.files), None)
            if source is None:
                sources = " / ".join(mask for mask, _how, _default in MASK_KINDS[kind])
                raise ProductError(tr("{product} has no mask to tell \"{kind}\" from: it needs {sources}."
                                      ).format(product=self.name, kind=kind, sources=sources))
            mask, how, default = source
            if mask not in raw:
                values = self.read_raw(mask, grid, window, resampling)
                if values.dtype.kind == "f":  # masks stored as floats (crops made by other tools)
                    values = values.astype(np.int64)
                raw[mask] = values
            values = raw[mask]
            chosen = default if selection is None else selection
            if how == "nonzero":
                decoded[kind] = values != 0
            elif how == "bits":
                decoded[kind] = mask_codes.any_bit_set(values, chosen)
            else:
                decoded[kind] = mask_codes.in_classes(values, chosen)
        return decoded

    def _read(self, path, grid, resampling, nodata, fill, convert):
        try:
            return read_onto_grid(self._dataset(path), grid, resampling=resampling, nodata=nodata, fill=fill,
                                  convert=convert)
        except RasterReadError as exc:
            raise _damaged(path, exc) from None

    def _dataset(self, path):
        dataset = self._datasets.get(path)
        if dataset is None:
            dataset = self._open(path)
            if self.kind != BANDS:
                self._check_grids(path)
        return dataset

    def _open(self, path):
        """Open a file of the product, only with the driver of the format its name says (a product's
        band and mask files are GeoTIFF or JPEG2000: a ``*.tif`` holding VRT XML is refused, never read;
        layers given one by one are opened by their extension's format, or any for other extensions)."""
        dataset = self._datasets.get(path)
        if dataset is None:
            drivers = "name"
            if self.kind != BANDS:
                drivers = drivers_by_name(path) or (GEOTIFF_DRIVERS + JPEG2000_DRIVERS)
                drivers = drivers if drivers != VRT_DRIVERS else GEOTIFF_DRIVERS + JPEG2000_DRIVERS
            try:
                dataset = open_raster(path, drivers=drivers)
            except RasterReadError as exc:
                raise _damaged(path, exc) from None
            self._datasets[path] = dataset
        return dataset

    def _check_grids(self, path):
        """Every file of the product at the resolution of ``path`` must lie on the same grid (the one most
        of them share), itself on the pixels of the metadata's grid of that resolution (a crop of a tile is
        fine): a band of another size, or shifted, would be read against the others pixel for pixel. A
        :class:`ProductError` names the file."""
        resolution = next((r for files in self.files.values() for r, p in files.items() if p == path), None)
        if resolution is None or resolution in self._grids_checked:
            return
        self._grids_checked.add(resolution)
        members = [(name, files[resolution]) for name, files in sorted(self.files.items(),
                                                                        key=lambda item: _file_order(item[0]))
                   if resolution in files]
        grids = [(name, member, Grid.of(self._open(member))) for name, member in members]
        shared = [grid for _name, _member, grid in grids]
        reference = max(shared, key=lambda grid: sum(_same_pixels(grid, other) for other in shared))
        metadata = self.metadata_grids.get(resolution)
        for name, member, grid in grids:
            expected = reference
            if _same_pixels(grid, reference) and metadata is not None:
                on_metadata = aligned_factor(metadata, grid)
                if on_metadata is not None and on_metadata[0] == 1:
                    continue
                expected = metadata
            elif _same_pixels(grid, reference):
                continue
            raise ProductError(tr(
                "{product}: {name} ({file}) is not on the product's {resolution} m grid: it has {grid}, the "
                "product {reference}. The product is damaged or was altered: download it again.").format(
                product=self.name, name=name, file=member, resolution=resolution, grid=_describe(grid),
                reference=_describe(expected)))

    def close(self):
        """Close the files opened for reading."""
        for dataset in self._datasets.values():
            dataset.close()
        self._datasets.clear()

    def __enter__(self):
        return self

    def __exit__(self, *_exc):
        self.close()
        return False


def _same_pixels(a, b):
    """Whether grids ``a`` and ``b`` have the same pixels (CRS, size, origin and pixel size)."""
    return (a.width, a.height) == (b.width, b.height) and aligned_factor(a, b) == (1, 0, 0)


def _describe(grid):
    left, _bottom, _right, top = grid.bounds
    return tr("{width} x {height} pixels of {size:g} m from ({x:.0f}, {y:.0f})").format(
        width=grid.width, height=grid.height, size=grid.resolution, x=left, y=top)


def _damaged(path, exc):
    return ProductError(tr(
        "Could not read {file}: the file is damaged or truncated (GDAL: {error}). Download the product "
        "again.").format(file=path, error=exc.detail))


def _file_order(name):
    order = list(SEN2COR_BAND_IDS) + list(MASK_NAMES)
    return order.index(name) if name in order else len(order)


# --- opening ----------------------------------------------------------------------------------------

def open_bands(bands, masks=None, scale=10000.0, offset=0.0, nodata=None):
    """A :class:`Product` of kind "bands" from rasters given one by one: ``bands`` maps band names
    ("B3", "B04", ...) to file paths or GDAL layer sources, ``masks`` maps "CLM", "MG2", "EDG" or "SCL"
    to theirs. Reflectance = (DN + ``offset``) / ``scale``; ``nodata`` (a DN) defaults to each file's
    own nodata value."""
    product = Product(kind=BANDS, name=tr("Band layers"), path=None, reflectance_scale=float(scale),
                      reflectance_nodata=nodata)
    named = [(band_name(b), source) for b, source in bands.items()]
    for mask in (masks or {}):
        if mask.upper() not in MASK_NAMES:
            raise ProductError(tr("\"{name}\" is not a mask Névé knows: expected one of {masks}.").format(
                name=mask, masks=", ".join(MASK_NAMES)))
    named += [(m.upper(), source) for m, source in (masks or {}).items()]
    for name, source in named:
        if not source:
            raise ProductError(tr("No raster was given for {name}.").format(name=name))
        source = os.fspath(source)
        dataset = product._dataset(source)
        resolution = int(round(abs(dataset.transform.a))) or abs(dataset.transform.a)
        product.files[name] = {resolution: source}
        if name in NATIVE_RESOLUTION:
            product.reflectance_offsets[name] = float(offset)
        product.crs = product.crs or dataset.crs
    return product


def _read_xml(container, member):
    return parse_xml(container.read(member), posixpath.join(container.label, member))


def _open_theia(container, root, members, reflectance):
    product_id = None
    files = {}
    listed_bands = set()
    for member in members:
        name = posixpath.basename(member)
        band_match, mask_match = THEIA_BAND_FILE.search(name), THEIA_MASK_FILE.search(name)
        if band_match and band_match.group(1).upper() == reflectance:
            band = band_name(band_match.group(2))
            files.setdefault(band, {})[NATIVE_RESOLUTION[band]] = container.gdal_path(posixpath.join(root, member))
        elif mask_match and (member.count("/") == 0 or member.upper().startswith("MASKS/")):
            mask, group = mask_match.group(1).upper(), mask_match.group(2).upper()
            files.setdefault(mask, {})[THEIA_RESOLUTIONS[group]] = container.gdal_path(posixpath.join(root, member))
        id_match = THEIA_ID.match(name)
        if id_match and product_id is None:
            product_id = id_match
    metadata = next((m for m in members if m.count("/") == 0 and m.upper().endswith("_MTD_ALL.XML")), None)
    folder_name = posixpath.basename(root) or os.path.splitext(os.path.basename(container.label))[0]
    id_match = THEIA_ID.match(posixpath.basename(metadata)) if metadata else None
    id_match = id_match or product_id or THEIA_ID.match(folder_name)
    name = id_match.group(0) if id_match else folder_name
    level = id_match.group(3).upper() if id_match else None
    product = Product(kind=THEIA, name=name, path=None, files=files,
                      reflectance_offsets={band: 0.0 for band in NATIVE_RESOLUTION})
    if id_match:
        product.platform = platform_name(id_match.group(1))
        product.acquisition = _theia_id_datetime(id_match.group(2))
        product.tile = "T" + id_match.group(4).upper()
        product.version = "{}.{}".format(int(id_match.group(5)), int(id_match.group(6)))

    if metadata is None:
        without_metadata(product, name, THEIA_SCALE, THEIA_NODATA)
    else:
        label = posixpath.join(container.label, root, metadata)
        document = _read_xml(container, posixpath.join(root, metadata))
        listed_bands = _read_theia_metadata(product, document, label, reflectance)
        level = (_text(document, "Product_Characteristics/PRODUCT_LEVEL") or level or "").upper() or None
    if level is not None and level != "L2A":
        raise ProductError(tr(
            "{product} is a product of level {level}. Névé needs a Level-2A product (surface reflectance) "
            "made by MAJA or Sen2Cor.").format(product=name, level=level))
    for band in sorted(listed_bands - set(files), key=_file_order):
        product.warnings.append(tr("The metadata of {product} lists band {band}, but its file is missing."
                                   ).format(product=name, band=band))
    _check_has_bands(product, container, root, members)
    return product


def _read_theia_metadata(product, document, label, reflectance):
    """Fill ``product`` from a Theia MTD_ALL.xml; returns the bands its metadata lists."""
    characteristics = document.find("Product_Characteristics")
    product.acquisition = _datetime(_text(characteristics, "ACQUISITION_DATE")) or product.acquisition
    product.production = _datetime(_text(characteristics, "PRODUCTION_DATE"))
    product.version = _text(characteristics, "PRODUCT_VERSION") or product.version
    product.platform = platform_name(_text(characteristics, "PLATFORM")) or product.platform
    for zone in document.iterfind("Dataset_Identification/GEOGRAPHICAL_ZONE"):
        if zone.get("type", "Tile") == "Tile" and _tile_name(_text(zone, ".")):
            product.tile = _tile_name(_text(zone, "."))

    radiometry = document.find(".//Radiometric_Informations")
    scale = _float(radiometry, "REFLECTANCE_QUANTIFICATION_VALUE")
    nodata = None
    for special in (radiometry.iter("SPECIAL_VALUE") if radiometry is not None else ()):
        if special.get("name") == "nodata":
            nodata = _value(_text(special, "."))
    if scale is None:
        product.warnings.append(tr("{file} gives no REFLECTANCE_QUANTIFICATION_VALUE: {scale:g} is used, "
                                   "as in the Theia format.").format(file=label, scale=THEIA_SCALE))
    else:
        _check_quantification(scale, "REFLECTANCE_QUANTIFICATION_VALUE", label)
    product.reflectance_scale = scale or THEIA_SCALE
    product.reflectance_nodata = nodata if nodata is not None else THEIA_NODATA

    crs_code = _text(document, ".//Horizontal_Coordinate_System/HORIZONTAL_CS_CODE")
    product.crs = _crs(crs_code)
    for group in document.iter("Group_Geopositioning"):
        resolution = THEIA_RESOLUTIONS.get((group.get("group_id") or "").upper())
        grid = _metadata_grid(product.crs, group)
        if resolution and grid is not None:
            product.metadata_grids[resolution] = grid

    geometry = document.find(".//Geometric_Informations")
    sun = geometry.find(".//Mean_Value_List/Sun_Angles") if geometry is not None else None
    product.sun_angles = _angles(sun)
    for mean in (geometry.iter("Mean_Viewing_Incidence_Angle") if geometry is not None else ()):
        angles = _angles(mean)
        if angles is not None and mean.get("band_id"):
            product.viewing_angles[band_name(mean.get("band_id"))] = angles
    origin = _grid_origin(product)
    sun_grids = geometry.find(".//Angles_Grids_List/Sun_Angles_Grids") if geometry is not None else None
    product.sun_angle_grids = _angle_grid(sun_grids, origin, product.crs, label)
    band_grids = geometry.iter("Band_Viewing_Incidence_Angles_Grids_List") if geometry is not None else ()
    for band_element in band_grids:
        detectors = [_zenith_azimuth_grids(d, label) for d in band_element.iter("Viewing_Incidence_Angles_Grids")]
        _set_viewing_grid(product, band_element.get("band_id"), [d for d in detectors if d], origin)
    if product.sun_angles is None or product.sun_angle_grids is None:
        product.warnings.append(tr("{file} gives no sun angles, or not all of them.").format(file=label))

    indices = document.find(".//Quality_Informations/Current_Product")
    if indices is None:
        indices = document.find(".//Quality_Informations")
    for index in (indices.iter("QUALITY_INDEX") if indices is not None else ()):
        if index.get("name"):
            product.quality.setdefault(index.get("name"), _value(_text(index, ".")))

    listed = set()
    nature = "Flat_Reflectance" if reflectance == "FRE" else "Surface_Reflectance"
    for image in document.iterfind(".//Image_List/*"):
        if _text(image, "Image_Properties/NATURE") == nature:
            for image_file in image.iter("IMAGE_FILE"):
                if image_file.get("band_id"):
                    listed.add(band_name(image_file.get("band_id")))
    return listed


def _open_sen2cor(container, root, members):
    name = posixpath.basename(root) or os.path.basename(container.label)
    name = re.sub(r"\.(SAFE|zip)$", "", name, flags=re.IGNORECASE)
    label = posixpath.join(container.label, root, "MTD_MSIL2A.xml")
    document = _read_xml(container, posixpath.join(root, "MTD_MSIL2A.xml"))
    info = document.find(".//Product_Info")
    product_type = _text(info, "PRODUCT_TYPE") or ""
    level = _text(info, "PROCESSING_LEVEL") or ""
    if (product_type and "2A" not in product_type.upper()) or (level and "2A" not in level.upper()):
        raise ProductError(tr(
            "{product} is a product of type {type} ({level}). Névé needs a Level-2A product (surface "
            "reflectance) made by Sen2Cor or MAJA.").format(product=name, type=product_type, level=level))
    product = Product(kind=SEN2COR, name=_text(info, "PRODUCT_URI") or name, path=None)
    product.name = re.sub(r"\.SAFE$", "", product.name, flags=re.IGNORECASE)
    product.acquisition = _datetime(_text(info, "PRODUCT_START_TIME")) or _datetime(
        _text(info, ".//DATATAKE_SENSING_START"))
    product.production = _datetime(_text(info, "GENERATION_TIME"))
    product.version = _text(info, "PROCESSING_BASELINE")
    product.platform = platform_name(_text(info, ".//SPACECRAFT_NAME"))
    tile = TILE_IN_NAME.search(product.name)
    product.tile = "T" + tile.group(1) if tile else None

    characteristics = document.find(".//Product_Image_Characteristics")
    scale = _float(characteristics, ".//BOA_QUANTIFICATION_VALUE")
    if scale is not None:
        _check_quantification(scale, "BOA_QUANTIFICATION_VALUE", label)
    product.reflectance_scale = scale or 10000.0
    product.reflectance_nodata = SEN2COR_NODATA
    for special in (characteristics.iter("Special_Values") if characteristics is not None else ()):
        if (_text(special, "SPECIAL_VALUE_TEXT") or "").upper() == "NODATA":
            product.reflectance_nodata = _value(_text(special, "SPECIAL_VALUE_INDEX"))
    offsets = {}
    for offset in (characteristics.iter("BOA_ADD_OFFSET") if characteristics is not None else ()):
        index = _value(offset.get("band_id"))
        if isinstance(index, int) and 0 <= index < len(SEN2COR_BAND_IDS):
            offsets[SEN2COR_BAND_IDS[index]] = float(_text(offset, "."))
    baseline, baseline_offset = SEN2COR_OFFSET_FROM_BASELINE
    if not offsets and _baseline_number(product.version) >= float(baseline):
        offsets = {band: baseline_offset for band in SEN2COR_BAND_IDS}
        product.warnings.append(tr(
            "{file} gives no BOA_ADD_OFFSET although its processing baseline is {version}: the offset "
            "{offset:g} of baselines {baseline} and later is used.").format(
            file=label, version=product.version, offset=baseline_offset, baseline=baseline))
    product.reflectance_offsets = {band: offsets.get(band, 0.0) for band in SEN2COR_BAND_IDS}

    quality = document.find(".//Quality_Indicators_Info")
    if quality is not None:
        cloud = _text(quality, "Cloud_Coverage_Assessment")
        if cloud is not None:
            product.quality["Cloud_Coverage_Assessment"] = _value(cloud)
        _read_quality_items(product, quality.find("Image_Content_QI"))

    granules = sorted({m.split("/")[1] for m in members if m.startswith("GRANULE/") and m.count("/") >= 2})
    if len(granules) > 1:
        raise ProductError(tr("{product} holds several tiles ({tiles}): Névé reads one tile per product."
                              ).format(product=product.name, tiles=", ".join(granules)))
    files = {}
    for member in members:
        base = posixpath.basename(member)
        path = container.gdal_path(posixpath.join(root, member))
        band_match, scl_match, qi_match = (SEN2COR_BAND_FILE.search(base), SEN2COR_SCL_FILE.search(base),
                                           SEN2COR_QI_FILE.search(base))
        if band_match and "/IMG_DATA/" in "/" + member:
            band = band_name(band_match.group(1))
            files.setdefault(band, {})[int(band_match.group(2))] = path
        elif scl_match and "/IMG_DATA/" in "/" + member:
            files.setdefault("SCL", {})[int(scl_match.group(1))] = path
        elif qi_match:
            files.setdefault(qi_match.group(1).upper(), {})[int(qi_match.group(2))] = path
    product.files = files

    tile_metadata = next((m for m in members if re.fullmatch(r"GRANULE/[^/]+/MTD_TL\.xml", m)), None)
    if tile_metadata is None:
        product.warnings.append(tr("{product} has no GRANULE/*/MTD_TL.xml: it has no angles.").format(
            product=product.name))
    else:
        _read_sen2cor_tile_metadata(product, _read_xml(container, posixpath.join(root, tile_metadata)),
                                    posixpath.join(container.label, root, tile_metadata))
    _check_has_bands(product, container, root, members)
    return product


def _read_sen2cor_tile_metadata(product, document, label):
    geocoding = document.find(".//Tile_Geocoding")
    product.crs = _crs(_text(geocoding, "HORIZONTAL_CS_CODE"))
    tile = TILE_IN_NAME.search(_text(document, ".//TILE_ID") or "")
    product.tile = product.tile or ("T" + tile.group(1) if tile else None)
    if geocoding is not None:
        sizes = {s.get("resolution"): s for s in geocoding.iter("Size")}
        for position in geocoding.iter("Geoposition"):
            size = sizes.get(position.get("resolution"))
            grid = _metadata_grid(product.crs, position, size)
            if grid is not None:
                product.metadata_grids[int(position.get("resolution"))] = grid
    angles = document.find(".//Tile_Angles")
    product.sun_angles = _angles(angles.find("Mean_Sun_Angle")) if angles is not None else None
    origin = _grid_origin(product)
    product.sun_angle_grids = _angle_grid(angles.find("Sun_Angles_Grid") if angles is not None else None,
                                          origin, product.crs, label)
    if angles is not None:
        for mean in angles.iter("Mean_Viewing_Incidence_Angle"):
            index = _value(mean.get("bandId"))
            if isinstance(index, int) and 0 <= index < len(SEN2COR_BAND_IDS) and _angles(mean):
                product.viewing_angles[SEN2COR_BAND_IDS[index]] = _angles(mean)
        by_band = {}
        for detector in angles.iter("Viewing_Incidence_Angles_Grids"):
            index = _value(detector.get("bandId"))
            grids = _zenith_azimuth_grids(detector, label)
            if isinstance(index, int) and 0 <= index < len(SEN2COR_BAND_IDS) and grids:
                by_band.setdefault(SEN2COR_BAND_IDS[index], []).append(grids)
        for band, detectors in by_band.items():
            _set_viewing_grid(product, band, detectors, origin)
    if product.sun_angles is None or product.sun_angle_grids is None:
        product.warnings.append(tr("{file} gives no sun angles, or not all of them.").format(file=label))
    _read_quality_items(product, document.find(".//Quality_Indicators_Info/Image_Content_QI"))


def _check_quantification(scale, name, label):
    """A :class:`ProductError` unless the quantification value ``scale`` is a positive finite number:
    reflectance = DN / scale would be NaN, infinite or of the wrong sign everywhere."""
    if not (math.isfinite(scale) and scale > 0):
        raise ProductError(tr(
            "{file} gives {value:g} as {name}: reflectance = digital number / {name} cannot be computed with it "
            "(it must be a positive number, 10000 in Sentinel-2 products). The metadata is damaged.").format(
            file=label, value=scale, name=name))


def _baseline_number(text):
    try:
        return float(text)
    except (TypeError, ValueError):
        return 0.0


def _read_quality_items(product, element):
    for item in (element if element is not None else ()):
        if len(item) == 0 and _text(item, ".") is not None:
            product.quality[item.tag] = _value(_text(item, "."))


def _check_has_bands(product, container, root, members):
    if not any(name in NATIVE_RESOLUTION for name in product.files):
        raise ProductError(tr(
            "{product} has no reflectance band file: the product is incomplete. Found in {path}: {files}."
        ).format(product=product.name, path=posixpath.join(container.label, root), files=_listing(members)))


def _crs(code):
    from rasterio.crs import CRS

    match = re.search(r"(\d{4,5})\s*$", code or "")
    return CRS.from_epsg(int(match.group(1))) if match else None


def _metadata_grid(crs, position, size=None):
    """A Grid from ULX, ULY, XDIM, YDIM and NROWS, NCOLS (in ``position`` or ``size``)."""
    from affine import Affine

    size = size if size is not None else position
    values = [_float(position, k) for k in ("ULX", "ULY", "XDIM", "YDIM")] + \
             [_float(size, k) for k in ("NROWS", "NCOLS")]
    if crs is None or any(v is None for v in values):
        return None
    ulx, uly, xdim, ydim, rows, cols = values
    return Grid(crs, Affine(xdim, 0.0, ulx, 0.0, ydim, uly), int(cols), int(rows))


def _grid_origin(product):
    """The tile's upper-left corner, where angle grids start."""
    grids = product.metadata_grids
    if grids:
        transform = grids[min(grids)].transform
        return transform.c, transform.f
    return None


def _angles(element):
    if element is None:
        return None
    zenith, azimuth = _float(element, "ZENITH_ANGLE"), _float(element, "AZIMUTH_ANGLE")
    return Angles(zenith, azimuth) if zenith is not None and azimuth is not None else None


def _angle_grid(element, origin, crs, label):
    grids = _zenith_azimuth_grids(element, label) if element is not None else None
    if grids is None or origin is None:
        return None
    zenith, azimuth, col_step, row_step = grids
    return AngleGrid(zenith, azimuth, origin[0], origin[1], col_step, row_step, crs)


def _set_viewing_grid(product, band_id, detectors, origin):
    if not detectors or origin is None or not band_id:
        return
    shape = detectors[0][0].shape
    detectors = [d for d in detectors if d[0].shape == shape]
    zenith, azimuth = combine_detectors([d[0] for d in detectors], [d[1] for d in detectors])
    product.viewing_angle_grids[band_name(band_id)] = AngleGrid(
        zenith, azimuth, origin[0], origin[1], detectors[0][2], detectors[0][3], product.crs)


