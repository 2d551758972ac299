"""Landsat 8 and 9 Level-2 products, read into the same :class:`~.products.Product` as Sentinel-2 products.

``readers.open_product`` recognises them and calls the readers of this module; every algorithm that takes
a Sentinel-2 product then takes them, finding its bands by role (``Product.band_for``: green B3, red B4,
SWIR B6, SWIR 2.2 um B7, NIR B5; ``core/missions.py``) on their 30 m grid (``Product.native_resolution``).

**Theia/MUSCATE Landsat 8** (MAJA), ``LANDSAT8-OLITIRS-XS_YYYYMMDD-HHMMSS-mmm_L2A_<tile or site>_<C|D>_V<x>-<y>``:
the MUSCATE layout and ``MTD_ALL.xml`` of Sentinel-2 (DOMAIN.md section 2) with 30 m bands ``*_FRE_B1..B7.tif``
(and SRE), the geopositioning group ``XS`` and the masks ``MASKS/*_CLM_XS.tif``, ``*_MG2_XS.tif``,
``*_EDG_XS.tif``, ``*_SAT_XS.tif`` (the bits of the Sentinel-2 masks). Folder or .zip.

**USGS Collection 2 Level-2** (``LC08_L2SP_PPPRRR_YYYYMMDD_yyyymmdd_02_T1``, ``LC09_...``; ``L2SR`` too):
``*_SR_B1..B7.TIF`` (uint16, no data 0), ``*_QA_PIXEL.TIF`` (uint16 bits, ``core/masks.py``) and the
metadata ``*_MTL.xml`` (read first) or ``*_MTL.txt`` (the same groups in ODL text). Reflectance is
``DN x REFLECTANCE_MULT_BAND_n + REFLECTANCE_ADD_BAND_n`` of the group ``LEVEL2_SURFACE_REFLECTANCE_PARAMETERS``
(2.75e-05 and -0.2 in Collection 2; the group ``LEVEL1_RADIOMETRIC_RESCALING`` of the same file uses the
same names for top-of-atmosphere values and is never read), written for the product as
``(DN + offset) / scale`` with ``scale = 1 / mult`` and ``offset = add / mult``; the sun's azimuth and
elevation come from ``IMAGE_ATTRIBUTES`` (zenith = 90 - elevation), the WRS-2 path and row, dates,
collection and tier from the metadata too. Folder or .tar, read in place through GDAL's ``/vsitar/``
(nothing is extracted). Landsat looks at nadir (view zenith within 7.5 degrees across the swath): the
products carry no viewing angles.

Refused with a clear :class:`~.products.ProductError` (a :class:`~..errors.NeveError` with a code): Level-1
products (``L1TP``, ``L1GT``, ``L1GS``: top-of-atmosphere), Landsat 4, 5 and 7 (other band numbers), a USGS
product without its metadata or its ``QA_PIXEL``, metadata without the reflectance parameters of a band, a
tar that is damaged or names files outside itself.
"""
import math
import os
import posixpath
import re
import tarfile
from datetime import datetime, timezone

from ..core import missions
from ..i18n import QT_TR_NOOP, tr
from . import products as _p
from .products import USGS, Angles, Product, ProductError

#: LANDSAT8-OLITIRS-XS_20180115-103629-617_L2A_T31TCH_D_V1-9 (a tile) or ..._L2A_184-028_C_V1-0 (a site)
THEIA_LANDSAT_ID = re.compile(
    r"(LANDSAT(\d))-([A-Z0-9]+)-XS_(\d{8}-\d{6}-\d{3})_(L[0-9A-Z]+)_([A-Za-z0-9-]+)_([A-Z])_V(\d+)-(\d+)",
    re.IGNORECASE)
THEIA_LANDSAT_MASK_FILE = re.compile(r"_(CLM|MG2|EDG|SAT)_XS\.tif$", re.IGNORECASE)
#: LC08_L2SP_198030_20210210_20210302_02_T1 (sensor, satellite, level, path, row, dates, collection, tier)
USGS_ID = re.compile(r"(L[COTEM])(\d{2})_(L[12][A-Z]{2})_(\d{3})(\d{3})_(\d{8})_(\d{8})_(\d{2})_(T1|T2|RT)",
                     re.IGNORECASE)
USGS_SR_FILE = re.compile(r"_SR_B(\d{1,2})\.TIF$", re.IGNORECASE)
USGS_L1_BAND_FILE = re.compile(r"_B(\d{1,2})\.TIF$", re.IGNORECASE)
USGS_QA_PIXEL_FILE = re.compile(r"_QA_PIXEL\.TIF$", re.IGNORECASE)
USGS_MTL_FILE = re.compile(r"_MTL\.(xml|txt)$", re.IGNORECASE)
#: The Level-2 processing levels of Collection 2: surface reflectance and temperature, or reflectance only.
USGS_LEVEL2 = ("L2SP", "L2SR")
#: USGS Level-2 no data (the SR bands' GeoTIFF no-data value).
USGS_NODATA = 0
#: The platforms Névé reads (their OLI bands: B3 green, B4 red, B6 SWIR); Landsat 4, 5 and 7 number them
#: otherwise (TM, ETM+: B2 green, B3 red, B5 SWIR).
SUPPORTED_SATELLITES = (8, 9)
THEIA_LANDSAT_SCALE, THEIA_LANDSAT_NODATA = 10000.0, -10000


def marker(name):
    """The kind of Landsat product a file ``name`` marks, for ``readers._candidates``: "usgs" (its
    metadata), "usgs-files" (a USGS band file without the metadata), or None."""
    if USGS_MTL_FILE.search(name) and USGS_ID.match(name):
        return USGS
    if USGS_ID.match(name) and (USGS_SR_FILE.search(name) or USGS_L1_BAND_FILE.search(name)):
        return "usgs-files"
    return None


def platform_of(number):
    return "Landsat {}".format(int(number))


def _level_error(product, level):
    return ProductError("landsat_level1", QT_TR_NOOP(
        "{product} is a Landsat Level-1 product ({level}: top-of-atmosphere reflectance). Névé needs a "
        "Level-2 product (surface reflectance): USGS Collection 2 Level-2 (L2SP or L2SR) or Theia/MUSCATE "
        "Landsat L2A."), product=product, level=level)


def _satellite_error(product, number):
    return ProductError("landsat_not_supported", QT_TR_NOOP(
        "{product} is a Landsat {number} product: Névé reads Landsat 8 and 9, whose bands B3, B4 and B6 are "
        "green, red and SWIR (Landsat 4, 5 and 7 number their bands otherwise)."),
        product=product, number=int(number))


# --------------------------------------------------------------------------------------------------
# A tar, read in place
# --------------------------------------------------------------------------------------------------

class TarArchive(_p.MemberList):
    """Members of a tar file (USGS delivers Landsat products as .tar), read in place through GDAL's
    /vsitar/, never extracted. Member names are checked against path traversal; links are refused (a
    product holds regular files only)."""

    def __init__(self, path):
        self.path = os.path.abspath(path)
        self.label = self.path
        try:
            with tarfile.open(self.path) as archive:
                infos = archive.getmembers()
        except (tarfile.TarError, OSError, EOFError, ValueError) as exc:
            raise ProductError("bad_tar", QT_TR_NOOP(
                "{file} is not a readable tar file ({error}): it may be damaged or incompletely downloaded."),
                file=self.path, error=str(exc)) from None
        names, size, self.actual = [], os.path.getsize(self.path), {}
        with open(self.path, "rb") as f:
            compressed = f.read(6).startswith((b"\x1f\x8b", b"BZh", b"\xfd7zXZ"))
        for info in infos:
            parts = re.split(r"[/\\]", info.name)
            if info.name.startswith(("/", "\\")) or re.match(r"[A-Za-z]:", info.name) or ".." in parts:
                raise ProductError("unsafe_tar", QT_TR_NOOP(
                    "{file} holds a file named \"{name}\", which points outside the archive (an absolute path "
                    "or \"..\"). A product never does: the archive is refused for safety."),
                    file=self.path, name=info.name)
            if info.issym() or info.islnk():
                raise ProductError("tar_link", QT_TR_NOOP(
                    "{file} holds a link ({name}): a product holds files only; the archive is refused for "
                    "safety."), file=self.path, name=info.name)
            if not info.isfile():
                continue
            # a tar cut short (an interrupted download) lists its last member with more bytes than it holds
            if not compressed and info.offset_data + info.size > size:
                raise ProductError("truncated_tar", QT_TR_NOOP(
                    "{file} is cut short: {name} should hold {expected} bytes, the archive ends after {found}. "
                    "Download the product again."), file=self.path, name=info.name, expected=info.size,
                    found=max(0, size - info.offset_data))
            name = info.name[2:] if info.name.startswith("./") else info.name
            self.actual[name] = info.name
            names.append(name)
        self.names = sorted(names)

    def read(self, member):
        try:
            with tarfile.open(self.path) as archive:
                handle = archive.extractfile(self.actual.get(member, member))
                if handle is None:
                    raise OSError("not a file")
                with handle:
                    return handle.read(_p.MAX_XML_BYTES + 1)
        except (tarfile.TarError, OSError, KeyError, EOFError) as exc:
            raise ProductError("bad_tar_member", QT_TR_NOOP(
                "Could not read {file} in {archive} ({error}): the archive may be damaged."),
                file=member, archive=self.path, error=str(exc)) from None

    def gdal_path(self, member):
        return "/vsitar/{}/{}".format(self.path, self.actual.get(member, member))


# --------------------------------------------------------------------------------------------------
# USGS metadata: MTL.xml and MTL.txt
# --------------------------------------------------------------------------------------------------

def parse_mtl_xml(data, label):
    """``{group: {name: text}}`` of a USGS ``*_MTL.xml`` (``LANDSAT_METADATA_FILE`` and its groups)."""
    root = _p.parse_xml(data, label)
    groups = {}
    for group in root:
        groups[group.tag] = {item.tag: " ".join((item.text or "").split()) for item in group if len(item) == 0}
    return groups


def parse_mtl_text(data, label):
    """``{group: {name: text}}`` of a USGS ``*_MTL.txt`` (ODL: ``GROUP = X``, ``NAME = value``,
    ``END_GROUP = X``, quotes removed), the innermost group of each value."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise ProductError("bad_mtl", QT_TR_NOOP("{file} is not text: the metadata is damaged."),
                           file=label) from None
    groups, stack = {}, []
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or line == "END":
            continue
        key, equal, value = line.partition("=")
        if not equal:
            raise ProductError("bad_mtl", QT_TR_NOOP(
                "{file} is not a USGS metadata file: line {line} is not \"NAME = value\"."), file=label, line=number)
        key, value = key.strip(), value.strip()
        if key == "GROUP":
            stack.append(value)
            groups.setdefault(value, {})
        elif key == "END_GROUP":
            if not stack or stack[-1] != value:
                raise ProductError("bad_mtl", QT_TR_NOOP(
                    "{file}: END_GROUP = {group} on line {line} closes no open group; the metadata is damaged."),
                    file=label, group=value, line=number)
            stack.pop()
        elif stack:
            groups[stack[-1]][key] = value[1:-1] if len(value) >= 2 and value[0] == value[-1] == '"' else value
    if stack:
        raise ProductError("bad_mtl", QT_TR_NOOP(
            "{file} ends inside the group {group}: the metadata is incomplete."), file=label, group=stack[-1])
    return groups


def _number(groups, group, name):
    text = groups.get(group, {}).get(name)
    try:
        return float(text) if text not in (None, "") else None
    except ValueError:
        return None


def _acquisition(date_text, time_text):
    """A UTC datetime of DATE_ACQUIRED (2021-02-10) and SCENE_CENTER_TIME (10:31:42.4421060Z)."""
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", date_text or "")
    if match is None:
        return None
    year, month, day = (int(g) for g in match.groups())
    clock = re.fullmatch(r"(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?Z?", (time_text or "").strip())
    if clock is None:
        return datetime(year, month, day, tzinfo=timezone.utc)
    hour, minute, second = (int(g) for g in clock.groups()[:3])
    microsecond = int(((clock.group(4) or "0") + "000000")[:6])
    return datetime(year, month, day, hour, minute, second, microsecond, tzinfo=timezone.utc)


# --------------------------------------------------------------------------------------------------
# USGS Collection 2 Level-2
# --------------------------------------------------------------------------------------------------

def open_usgs(container, root, members):
    """The :class:`~.products.Product` of a USGS Collection 2 Level-2 Landsat 8 or 9 product whose files are
    ``members`` of ``root`` in ``container``."""
    folder_name = posixpath.basename(root) or re.sub(r"\.(tar|tar\.gz|tgz)$", "", os.path.basename(container.label),
                                                      flags=re.IGNORECASE)
    metadata = _usgs_metadata_member(members)
    id_match = None
    for name in ([posixpath.basename(metadata)] if metadata else []) + [posixpath.basename(m) for m in members] + \
            [folder_name]:
        id_match = USGS_ID.match(name)
        if id_match:
            break
    name = id_match.group(0).upper() if id_match else folder_name
    if id_match and id_match.group(3).upper().startswith("L1"):
        raise _level_error(name, id_match.group(3).upper())
    if metadata is None:
        raise ProductError("no_mtl", QT_TR_NOOP(
            "{product} has no metadata file (*_MTL.xml or *_MTL.txt): the scale and offset of its reflectance "
            "come from it. Download the whole product (its .tar) again."), product=name)
    label = posixpath.join(container.label, root, metadata)
    data = container.read(posixpath.join(root, metadata))
    groups = parse_mtl_xml(data, label) if metadata.lower().endswith(".xml") else parse_mtl_text(data, label)
    contents = groups.get("PRODUCT_CONTENTS", {})
    attributes = groups.get("IMAGE_ATTRIBUTES", {})
    name = (contents.get("LANDSAT_PRODUCT_ID") or name).upper()
    level = (contents.get("PROCESSING_LEVEL") or (id_match.group(3) if id_match else "")).upper()
    if level.startswith("L1"):
        raise _level_error(name, level)
    if level not in USGS_LEVEL2:
        raise ProductError("landsat_level", QT_TR_NOOP(
            "{file} gives the processing level \"{level}\": Névé reads USGS Collection 2 Level-2 products (L2SP, "
            "L2SR)."), file=label, level=level or "?")
    spacecraft = re.search(r"(\d+)\s*$", attributes.get("SPACECRAFT_ID", ""))
    number = int(spacecraft.group(1)) if spacecraft else (int(id_match.group(2)) if id_match else None)
    if number not in SUPPORTED_SATELLITES:
        raise _satellite_error(name, number if number is not None else 0)

    product = Product(kind=USGS, name=name, path=None, mission=missions.LANDSAT, level=level,
                      platform=platform_of(number))
    product.acquisition = _acquisition(attributes.get("DATE_ACQUIRED"), attributes.get("SCENE_CENTER_TIME"))
    if product.acquisition is None and id_match:
        product.acquisition = datetime.strptime(id_match.group(6), "%Y%m%d").replace(tzinfo=timezone.utc)
    record = groups.get("LEVEL2_PROCESSING_RECORD", {})
    product.production = _p._datetime(record.get("DATE_PRODUCT_GENERATED"))
    collection = contents.get("COLLECTION_NUMBER") or (id_match.group(8) if id_match else None)
    category = contents.get("COLLECTION_CATEGORY") or (id_match.group(9).upper() if id_match else None)
    product.version = " ".join(part for part in (collection, category) if part) or None
    path, row = attributes.get("WRS_PATH"), attributes.get("WRS_ROW")
    if not (path and row) and id_match:
        path, row = id_match.group(4), id_match.group(5)
    if path and row:
        product.path_row = "{:03d}/{:03d}".format(int(path), int(row))
    elevation, azimuth = _number(groups, "IMAGE_ATTRIBUTES", "SUN_ELEVATION"), \
        _number(groups, "IMAGE_ATTRIBUTES", "SUN_AZIMUTH")
    if elevation is not None and azimuth is not None:
        product.sun_angles = Angles(90.0 - elevation, azimuth % 360.0)
    else:
        product.warnings.append(tr("{file} gives no sun angles (SUN_ELEVATION, SUN_AZIMUTH).").format(file=label))
    for key in ("CLOUD_COVER", "CLOUD_COVER_LAND"):
        if attributes.get(key) not in (None, ""):
            product.quality[key] = _p._value(attributes[key])

    files = {}
    for member in members:
        base = posixpath.basename(member)
        sr, qa = USGS_SR_FILE.search(base), USGS_QA_PIXEL_FILE.search(base)
        path_in = container.gdal_path(posixpath.join(root, member))
        if sr and "B{}".format(int(sr.group(1))) in missions.LANDSAT_BANDS:
            files["B{}".format(int(sr.group(1)))] = {missions.LANDSAT_RESOLUTION: path_in}
        elif qa:
            files["QA_PIXEL"] = {missions.LANDSAT_RESOLUTION: path_in}
    product.files = files
    if not any(band in files for band in missions.LANDSAT_BANDS):
        raise ProductError("no_bands", QT_TR_NOOP(
            "{product} has no surface reflectance file (*_SR_B1.TIF to *_SR_B7.TIF): the product is "
            "incomplete. Found: {files}."), product=name, files=_p._listing(members))
    if "QA_PIXEL" not in files:
        raise ProductError("no_qa_pixel", QT_TR_NOOP(
            "{product} has no QA_PIXEL file (*_QA_PIXEL.TIF): its clouds, shadows, water, snow and no data are "
            "there. The product is incomplete: download it again."), product=name)
    listed = {key[len("FILE_NAME_BAND_"):] for key in contents if re.fullmatch(r"FILE_NAME_BAND_\d+", key)}
    for number_text in sorted(listed, key=int):
        band = "B{}".format(int(number_text))
        if band in missions.LANDSAT_BANDS and band not in files:
            product.warnings.append(tr("The metadata of {product} lists band {band}, but its file is missing."
                                       ).format(product=name, band=band))
    _usgs_radiometry(product, groups, label)
    product.reflectance_nodata = USGS_NODATA
    reference = files.get(product.band_for("swir")) or files["QA_PIXEL"]
    try:
        product.crs = product._dataset(reference[missions.LANDSAT_RESOLUTION]).crs
    except ProductError:
        product.close()
        raise
    return product


def _usgs_metadata_member(members):
    top = [m for m in members if m.count("/") == 0 and USGS_MTL_FILE.search(m)]
    xml = [m for m in top if m.lower().endswith(".xml")]
    return (xml or top or [None])[0]


def _usgs_radiometry(product, groups, label):
    """scale = 1 / REFLECTANCE_MULT_BAND_n and offset = REFLECTANCE_ADD_BAND_n / mult of each band, from
    LEVEL2_SURFACE_REFLECTANCE_PARAMETERS; the bands must share their multiplier."""
    group = "LEVEL2_SURFACE_REFLECTANCE_PARAMETERS"
    gains = {}
    for band in sorted(product.bands, key=lambda b: int(b[1:])):
        number = int(band[1:])
        mult = _number(groups, group, "REFLECTANCE_MULT_BAND_{}".format(number))
        add = _number(groups, group, "REFLECTANCE_ADD_BAND_{}".format(number))
        if mult is None or add is None or not mult > 0 or not math.isfinite(add):
            raise ProductError("no_reflectance_scale", QT_TR_NOOP(
                "{file} gives no REFLECTANCE_MULT_BAND_{number} and REFLECTANCE_ADD_BAND_{number} in "
                "LEVEL2_SURFACE_REFLECTANCE_PARAMETERS: the reflectance of band B{number} cannot be computed. "
                "The metadata is damaged or not that of a Level-2 product."), file=label, number=number)
        gains[band] = (mult, add)
    mults = {mult for mult, _add in gains.values()}
    if len(mults) > 1:
        raise ProductError("mixed_reflectance_scales", QT_TR_NOOP(
            "{file} gives different REFLECTANCE_MULT_BAND values to the bands ({values}): Névé reads products "
            "whose bands share one scale, as every Collection 2 product does."),
            file=label, values=", ".join("{:g}".format(m) for m in sorted(mults)))
    mult = mults.pop()
    product.reflectance_scale = 1.0 / mult
    product.reflectance_offsets = {band: add / mult for band, (_mult, add) in gains.items()}


# --------------------------------------------------------------------------------------------------
# Theia/MUSCATE Landsat 8
# --------------------------------------------------------------------------------------------------

def is_theia_landsat(container, root, members):
    """Whether the MUSCATE product at ``root`` is a Landsat one (its metadata, band files or folder named
    LANDSAT...)."""
    names = [posixpath.basename(m) for m in members if m.count("/") == 0] + \
        [posixpath.basename(root) or os.path.basename(container.label)]
    return any(THEIA_LANDSAT_ID.match(name) for name in names)


def open_theia_landsat(container, root, members, reflectance="FRE"):
    """The :class:`~.products.Product` of a Theia/MUSCATE Landsat L2A product (``reflectance`` "FRE" or
    "SRE")."""
    files, product_id = {}, None
    for member in members:
        base = posixpath.basename(member)
        band_match, mask_match = _p.THEIA_BAND_FILE.search(base), THEIA_LANDSAT_MASK_FILE.search(base)
        if band_match and band_match.group(1).upper() == reflectance:
            band = _p.band_name(band_match.group(2))
            if band in missions.LANDSAT_BANDS:
                files[band] = {missions.LANDSAT_RESOLUTION: container.gdal_path(posixpath.join(root, member))}
        elif mask_match and (member.count("/") == 0 or member.upper().startswith("MASKS/")):
            files[mask_match.group(1).upper()] = {
                missions.LANDSAT_RESOLUTION: container.gdal_path(posixpath.join(root, member))}
        if product_id is None:
            product_id = THEIA_LANDSAT_ID.match(base)
    metadata = next((m for m in members if m.count("/") == 0 and m.upper().endswith("_MTD_ALL.XML")), None)
    folder_name = posixpath.basename(root) or os.path.splitext(os.path.basename(container.label))[0]
    id_match = THEIA_LANDSAT_ID.match(posixpath.basename(metadata)) if metadata else None
    id_match = id_match or product_id or THEIA_LANDSAT_ID.match(folder_name)
    name = id_match.group(0) if id_match else folder_name
    level = id_match.group(5).upper() if id_match else None
    product = Product(kind=_p.THEIA, name=name, path=None, files=files, mission=missions.LANDSAT,
                      reflectance_offsets={band: 0.0 for band in missions.LANDSAT_BANDS})
    if id_match:
        if int(id_match.group(2)) not in SUPPORTED_SATELLITES:
            raise _satellite_error(name, id_match.group(2))
        product.platform = platform_of(id_match.group(2))
        product.acquisition = _p._theia_id_datetime(id_match.group(4))
        _set_zone(product, id_match.group(6))
        product.version = "{}.{}".format(int(id_match.group(8)), int(id_match.group(9)))
    listed = set()
    if metadata is None:
        _p.without_metadata(product, name, THEIA_LANDSAT_SCALE, THEIA_LANDSAT_NODATA)
    else:
        label = posixpath.join(container.label, root, metadata)
        document = _p._read_xml(container, posixpath.join(root, metadata))
        # the 30 m grid first: the angle grids start at its corner
        product.crs = _p._crs(_p._text(document, ".//Horizontal_Coordinate_System/HORIZONTAL_CS_CODE"))
        for group in document.iter("Group_Geopositioning"):
            grid = _p._metadata_grid(product.crs, group)
            if (group.get("group_id") or "").upper() == "XS" and grid is not None:
                product.metadata_grids[missions.LANDSAT_RESOLUTION] = grid
        platform = product.platform
        listed = _p._read_theia_metadata(product, document, label, reflectance)
        product.platform = _landsat_platform(_p._text(document, "Product_Characteristics/PLATFORM")) or platform
        level = (_p._text(document, "Product_Characteristics/PRODUCT_LEVEL") or level or "").upper() or None
        for zone in document.iterfind("Dataset_Identification/GEOGRAPHICAL_ZONE"):
            if _p._text(zone, "."):
                _set_zone(product, _p._text(zone, "."))
        orbit = document.find("Product_Characteristics/ORBIT_NUMBER")
        if orbit is not None and (orbit.get("type") or "").lower() == "path" and product.path_row is None \
                and isinstance(_p._value(_p._text(orbit, ".")), int):
            product.path_row = "{:03d}".format(_p._value(_p._text(orbit, ".")))
    if level is not None and level != "L2A":
        raise ProductError("theia_level", QT_TR_NOOP(
            "{product} is a product of level {level}. Névé needs a Level-2A product (surface reflectance) made "
            "by MAJA."), product=name, level=level)
    for band in sorted(listed - set(files), key=lambda b: int(b[1:]) if b[1:].isdigit() else 99):
        product.warnings.append(tr("The metadata of {product} lists band {band}, but its file is missing."
                                   ).format(product=name, band=band))
    if not any(band in files for band in missions.LANDSAT_BANDS):
        raise ProductError("no_bands", QT_TR_NOOP(
            "{product} has no {reflectance} reflectance file (*_{reflectance}_B1.tif to *_{reflectance}_B7.tif): "
            "the product is incomplete. Found: {files}."), product=name, reflectance=reflectance,
            files=_p._listing(members))
    return product


def _landsat_platform(text):
    """"LANDSAT8", "Landsat-8", "LANDSAT_8" -> "Landsat 8"; None for other text."""
    match = re.fullmatch(r"\s*LANDSAT[-_ ]?(\d)\s*", (text or "").upper())
    return platform_of(match.group(1)) if match else None


def _set_zone(product, zone):
    """A Sentinel-2 tile ("T31TCH") as ``tile``, a path-row site ("184-028") as ``path_row`` and ``site``,
    any other site ("FR-LUS") as ``site``."""
    if re.fullmatch(r"T?\d{2}[A-Z]{3}", zone or "", re.IGNORECASE):
        product.tile = "T" + zone.upper().lstrip("T")
        return
    product.site = zone
    path_row = re.fullmatch(r"(\d{3})-(\d{3})", zone or "")
    if path_row:
        product.path_row = "{}/{}".format(*path_row.groups())
