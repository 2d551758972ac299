"""Outputs never destroy inputs: the check of a run's file names, before any work.

:func:`check_destinations` refuses, for every algorithm alike (it runs before each job, whatever the door:
QGIS, the command line, the archive runner, a script calling the job function, see ``pipeline/jobs.py``),
an output that

- is the same file as an input (links resolved; ``os.path.samefile`` where both exist), or as a file an
  input VRT reads,
- lies inside an input product (its folder, the folder of the metadata file given as the product, or the
  product folder that holds a band or mask file given as a layer),
- is an input zip (a product, or a layer read through ``/vsizip/``),
- is a folder, or a raster whose extension names a format GDAL cannot write (``io/raster.raster_driver``),

and two outputs of one run on the same file (one would be lost). Paths are compared as the system sees
them: a link, ``..`` or another spelling of the same file is the same file.
"""
import os
import re

from ..errors import NeveError
from ..i18n import QT_TR_NOOP
from . import kinds as s

_VSI_PREFIXES = ("/vsizip/", "/vsitar/", "/vsigzip/")
_ARCHIVE_EXTENSIONS = (".zip", ".tar", ".tgz", ".tar.gz", ".gz")
#: The files of a product a layer may be (bands, masks, metadata): for them, the product folder above is
#: an input too.
_PRODUCT_MEMBER = re.compile(
    r"(_(FRE|SRE)_B\d{1,2}A?\.tif|_(CLM|MG2|EDG|SAT)_R[123]\.tif|_(B\d{2}|B8A|SCL|TCI|AOT|WVP)_(10|20|60)m\.jp2|"
    r"MSK_(CLDPRB|SNWPRB)_(20|60)m\.jp2|_MTD_ALL\.xml|MTD_MSIL2A\.xml|MTD_TL\.xml)$", re.IGNORECASE)
_PRODUCT_METADATA = re.compile(r"(_MTD_ALL\.xml|^MTD_MSIL2A\.xml)$", re.IGNORECASE)
_PRODUCT_FOLDER = re.compile(r"(^SENTINEL2[A-Z]_\d{8}-\d{6}-\d{3}_L2A_|\.SAFE$)", re.IGNORECASE)
#: Folders above a product file searched for its product (Sen2Cor: GRANULE/tile/IMG_DATA/R20m/file).
PRODUCT_DEPTH = 4
#: VRTs read to find the files they reference: nested at most this deep, at most this large.
VRT_DEPTH, VRT_MAX_BYTES = 3, 8 * 1024 * 1024


def real(path):
    return os.path.realpath(os.path.abspath(os.path.expanduser(str(path))))


def _archive_of(source):
    """The archive of a ``/vsizip/...`` (or tar, gzip) source, or None."""
    for prefix in _VSI_PREFIXES:
        if source.startswith(prefix):
            inner = source[len(prefix):]
            lower = inner.lower()
            for extension in _ARCHIVE_EXTENSIONS:
                end = lower.find(extension)
                if end >= 0:
                    return real(inner[:end + len(extension)])
    return None


def product_folder_of(path):
    """The product folder holding ``path`` when ``path`` is one of a product's band, mask or metadata
    files (a Theia ``*_FRE_B11.tif``, ``MASKS/*_CLM_R2.tif``, a Sen2Cor ``IMG_DATA/R20m/*_B11_20m.jp2``):
    the nearest folder above it that holds the product's metadata or is named as a product; else None."""
    if not _PRODUCT_MEMBER.search(os.path.basename(path)):
        return None
    folder = os.path.dirname(path)
    for _level in range(PRODUCT_DEPTH):
        if _PRODUCT_FOLDER.search(os.path.basename(folder)):
            return folder
        try:
            if any(_PRODUCT_METADATA.search(name) for name in os.listdir(folder)):
                return folder
        except OSError:
            return None
        parent = os.path.dirname(folder)
        if parent == folder:
            break
        folder = parent
    return None


def vrt_sources(path, depth=VRT_DEPTH):
    """The files a VRT at ``path`` reads (its sources, those of the VRTs among them), as real paths;
    ``/vsizip/`` sources give their archive; network sources are skipped."""
    from ..io.products import ProductError, parse_xml

    try:
        if os.path.getsize(path) > VRT_MAX_BYTES:
            return []
        with open(path, "rb") as handle:
            root = parse_xml(handle.read(), path)
    except (OSError, ProductError):
        return []
    found = []
    folder = os.path.dirname(path)
    for element in root.iter("SourceFilename"):
        text = (element.text or "").strip()
        if not text:
            continue
        archive = _archive_of(text)
        if archive is not None:
            found.append(archive)
            continue
        if text.startswith("/vsi") or "://" in text:
            continue
        source = real(os.path.join(folder, text) if element.get("relativeToVRT") == "1" else text)
        found.append(source)
        if depth > 1 and source.lower().endswith(".vrt"):
            found.extend(vrt_sources(source, depth - 1))
    return found


def input_files(parameter, value):
    """``(file, container)`` pairs an input value reads: the files themselves (and those an input VRT
    reads), and for a product, an archive member or a product's band given as a layer, the folder or
    archive that contains it (None when there is none)."""
    if not value:
        return []
    values = value if isinstance(value, (list, tuple)) else [value]
    found = []
    for item in values:
        source = str(item).split("|")[0]
        archive = _archive_of(source)
        if archive is not None:
            found.append((archive, None))
            continue
        if source.startswith("/vsi"):
            continue    # a network path: nothing of the user's on this disk to protect
        path = real(source)
        if parameter.kind in (s.PRODUCT, s.FILES):     # a product, or products (the archive's)
            if os.path.isdir(path):
                found.append((path, path))
            elif path.lower().endswith(".xml"):
                found.append((path, os.path.dirname(path)))
            else:
                found.append((path, None))
            continue
        found.append((path, product_folder_of(path)))
        if path.lower().endswith(".vrt") and os.path.isfile(path):
            found.extend((source_path, product_folder_of(source_path)) for source_path in vrt_sources(path))
    return found


def _same(a, b):
    if a == b:
        return True
    try:
        return os.path.exists(a) and os.path.exists(b) and os.path.samefile(a, b)
    except OSError:
        return False


def _inside(path, folder):
    return (path + os.sep).startswith(folder.rstrip(os.sep) + os.sep)


def check_destinations(spec, values):
    """Raise a :class:`~..errors.NeveError` when an output of ``values`` would overwrite an input, land in
    an input product, share its file with another output, is a folder, or is a raster in a format GDAL
    cannot write."""
    inputs = []
    for parameter in spec.parameters:
        if parameter.kind in (s.PRODUCT, s.RASTER, s.RASTERS, s.VECTOR, s.FOLDER, s.FILES):
            inputs.extend((parameter, path, container) for path, container in
                          input_files(parameter, values.get(parameter.name)))
    seen = {}
    for parameter in spec.destinations:
        value = values.get(parameter.name)
        if not value or not isinstance(value, str) or value.startswith(("memory:", "ogr:", "postgres")):
            continue
        output = real(value)
        for other_name, other in seen.items():
            if _same(output, other):
                raise NeveError("same_output_twice", QT_TR_NOOP(
                    "{first} and {second} are the same file ({path}): each output needs a file of its own, "
                    "or one of them would be lost."), first=other_name, second=parameter.name, path=value)
        seen[parameter.name] = output
        if parameter.kind != s.FOLDER_OUT and os.path.isdir(output):
            raise NeveError("output_is_folder", QT_TR_NOOP(
                "The output {output} ({path}) is a folder: give a file name."), output=parameter.name, path=value)
        for source_parameter, path, container in inputs:
            if _same(output, path):
                raise NeveError("output_is_input", QT_TR_NOOP(
                    "The output {output} ({path}) is an input of this run ({input}): Névé never writes over "
                    "its inputs. Choose another file name."),
                    output=parameter.name, path=value, input=source_parameter.name)
            if container and _inside(output, container):
                raise NeveError("output_in_product", QT_TR_NOOP(
                    "The output {output} ({path}) lies inside the input product {product}: Névé never writes "
                    "into a product. Choose a file outside it."),
                    output=parameter.name, path=value, product=container)
        if parameter.kind == s.RASTER_OUT:
            from ..io.raster import raster_driver

            raster_driver(value)
