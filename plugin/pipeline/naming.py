"""Names of results after the scene they come from: "T31TCH 2021-06-15" for a product or its layers.

The Processing adapters name the loaded layers "Snow map · T31TCH 2021-06-15" and group them under the
scene's label, and temporary output files get the same words ("snow_map_T31TCH_2021-06-15.tif") instead
of QGIS's "OUTPUT.tif", so that a report or a later run names them usefully. The label comes from the
names of the inputs, as the products are named (no file is opened):

- Sentinel-2, Theia: ``SENTINEL2A_20210615-105631-024_L2A_T31TCH_C_V3-1`` -> "T31TCH 2021-06-15";
- Sentinel-2, ESA: ``S2B_MSIL2A_20220120T105309_N0400_R051_T31TCH_20220120T123456.SAFE`` -> "T31TCH 2022-01-20";
- Landsat, USGS: ``LC08_L2SP_198030_20210615_20210622_02_T1`` -> "198030 2021-06-15";
- anything else: its name without extension ("clouds" for ``clouds.tif``).

No QGIS here.
"""
import os
import re
import unicodedata

from .spec import PRODUCT, RASTER, RASTERS, VECTOR

SEPARATOR = " \u00b7 "   # "Snow map · T31TCH 2021-06-15"
_TILE = re.compile(r"(?:^|[_.\-])T(\d{2}[A-Z]{3})(?=$|[_.\-])")
_LANDSAT = re.compile(r"L[COTE]0\d_L\d[A-Z]{2}_(\d{6})_(\d{8})_")
_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})-?(\d{2})-?(\d{2})(?!\d)")
#: Names of metadata files and band files that say nothing of the scene: their folder does.
_PLAIN_FILES = re.compile(r"^(MTD_MSIL2A|MTD_TL|metadata)\.xml$", re.IGNORECASE)


def scene_of(path):
    """``(tile, date)`` of the product or layer at ``path`` as its name (or its folder's) says, each
    None when it does not say; dates as "YYYY-MM-DD"."""
    if not path:
        return None, None
    text = str(path).replace("\\", "/")
    for part in reversed([p for p in text.split("/") if p][-3:]):
        tile, date = _scene_of_name(part)
        if tile or date:
            return tile, date
    return None, None


def _scene_of_name(name):
    landsat = _LANDSAT.search(name)
    if landsat:
        path_row, day = landsat.groups()
        return path_row, "{}-{}-{}".format(day[:4], day[4:6], day[6:])
    tile = _TILE.search(name)
    date = _DATE.search(name)
    if date and not 1 <= int(date.group(2)) <= 12:
        date = None
    return (("T" + tile.group(1)) if tile else None,
            "{}-{}-{}".format(*date.groups()) if date else None)


def plain_name(path):
    """The name of ``path`` without folder and extension (a metadata file: its folder's name)."""
    text = str(path).replace("\\", "/").rstrip("/")
    base = text.rsplit("/", 1)[-1]
    if _PLAIN_FILES.match(base) and "/" in text:
        base = text.rsplit("/", 2)[-2]
    for extension in (".SAFE", ".zip", ".tif", ".tiff", ".vrt", ".xml", ".gpkg", ".jp2", ".TIF", ".tar"):
        if base.endswith(extension):
            base = base[:-len(extension)]
    return base


def scene_label(paths):
    """"T31TCH 2021-06-15" of the first of ``paths`` (inputs, the product first) whose name tells a tile
    or a date; else the plain name of the first path; "" without any path."""
    paths = [p for p in paths if p]
    for path in paths:
        tile, date = scene_of(path)
        if tile or date:
            return " ".join(p for p in (tile, date) if p)
    return plain_name(paths[0]) if paths else ""


def input_paths(spec, values):
    """The inputs of a run in the order of the declaration: the product, then the layers (the first map
    of a list)."""
    paths = []
    for parameter in spec.parameters:
        value = values.get(parameter.name)
        if parameter.kind in (PRODUCT, RASTER, VECTOR) and value:
            paths.append(str(value))
        elif parameter.kind == RASTERS and value:
            paths.extend(str(v) for v in value)
    return paths


def run_label(spec, values):
    """The scene label of a run of ``spec`` on ``values`` (see :func:`scene_label`)."""
    return scene_label(input_paths(spec, values))


def layer_name(label, scene):
    """"Snow map · T31TCH 2021-06-15": what the layer is first, then its scene."""
    return label + SEPARATOR + scene if scene else label


def unique_name(name, taken):
    """``name``, or "name (2)", "name (3)"... the first not in ``taken``."""
    if name not in taken:
        return name
    number = 2
    while "{} ({})".format(name, number) in taken:
        number += 1
    return "{} ({})".format(name, number)


def file_stem(label, scene):
    """A file name stem of ``label`` and ``scene`` with ASCII letters, digits, "-" and "_" only:
    "snow_map_T31TCH_2021-06-15"."""
    text = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode("ascii").lower()
    text = re.sub(r"[^a-z0-9]+", "_", text).strip("_")
    scene_text = re.sub(r"[^A-Za-z0-9\-]+", "_", unicodedata.normalize("NFKD", scene or "").encode(
        "ascii", "ignore").decode("ascii")).strip("_")
    stem = "_".join(p for p in (text[:40].rstrip("_"), scene_text[:60]) if p)
    return stem or "output"


def renamed(path, label, scene):
    """``path`` with its file name made of ``label`` and ``scene`` (its folder and extension kept)."""
    folder, name = os.path.split(path)
    extension = os.path.splitext(name)[1]
    return os.path.join(folder, file_stem(label, scene) + extension)


#: What a product looks like in a folder: a Theia folder (with its *_MTD_ALL.xml), an ESA .SAFE folder (with
#: MTD_MSIL2A.xml), a .zip of either, a USGS Landsat .tar.
_PRODUCT_ZIP = re.compile(r"^(SENTINEL2[ABCD]_|S2[ABCD]_MSIL2A_|LANDSAT\d_|L[COTE]0\d_L2S[PR]_).*\.(zip|tar)$",
                          re.IGNORECASE)


def is_product_folder(path):
    """Whether ``path`` is a product folder: it holds a Theia *_MTD_ALL.xml, an ESA MTD_MSIL2A.xml or a USGS
    *_MTL.xml."""
    try:
        names = os.listdir(path)
    except OSError:
        return False
    return any(n.endswith("_MTD_ALL.xml") or n == "MTD_MSIL2A.xml" or n.endswith("_MTL.xml") for n in names)


def product_paths(folder, depth=2):
    """The products in ``folder`` and its sub-folders down to ``depth`` levels, sorted: product folders
    and product archives (.zip, .tar) as they are downloaded. A product folder is not searched further."""
    found = []
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return found
    for entry in entries:
        if entry.is_dir():
            if is_product_folder(entry.path):
                found.append(entry.path)
            elif depth > 1:
                found.extend(product_paths(entry.path, depth - 1))
        elif _PRODUCT_ZIP.match(entry.name):
            found.append(entry.path)
    return found
