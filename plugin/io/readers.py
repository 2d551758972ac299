"""Which reader opens a product: :func:`open_product` finds what a path holds (a Theia or Sen2Cor
Sentinel-2 L2A product, a Theia or USGS Landsat Level-2 product; folder, archive or metadata file) and
hands it to the reader of that kind (``io/products.py`` for Sentinel-2, ``io/landsat.py`` for Landsat).
"""
import os
import posixpath
import zipfile

from ..i18n import tr
from . import landsat
from .landsat import TarArchive, is_theia_landsat, open_theia_landsat, open_usgs
from .products import (SEN2COR, THEIA, THEIA_BAND_FILE, THEIA_ID, USGS, ProductError, _Folder, _listing,
                       _open_sen2cor, _open_theia, _Zip)


def _candidates(files):
    """(kind, member) of the files that mark a product, by kind: L2A metadata, L1C metadata, Theia
    reflectance files named by the Theia convention (products without their metadata), and the Landsat
    markers of ``io/landsat.py`` (USGS metadata or band files, Theia Landsat reflectance files)."""
    found = []
    for member in files:
        name = posixpath.basename(member)
        if name == "MTD_MSIL2A.xml":
            found.append((SEN2COR, member))
        elif name in ("MTD_MSIL1C.xml", "MTD_MSIL1B.xml"):
            found.append(("l1c", member))
        elif name.upper().endswith("_MTD_ALL.XML"):
            found.append((THEIA, member))
        elif THEIA_BAND_FILE.search(name) and (THEIA_ID.match(name) or landsat.THEIA_LANDSAT_ID.match(name)):
            found.append(("theia-files", member))
        else:
            kind = landsat.marker(name)
            if kind is not None:
                found.append((kind, member))
    return found


def _locate(container, files):
    """(kind, root) of the one product in ``files``: the shallowest product marker decides."""
    candidates = _candidates(files)
    if not candidates:
        if isinstance(container, _Zip):
            message = tr("This zip is not a Sentinel-2 L2A product: no MTD_ALL.xml (Theia) or MTD_MSIL2A.xml "
                         "(Sen2Cor) was found in it, nor any Theia reflectance file (*_FRE_B4.tif); nor is it "
                         "a Landsat Level-2 product (no *_MTL.xml or *_MTL.txt of USGS Collection 2). Found in "
                         "{path}: {files}.")
        elif not isinstance(container, _Folder):
            message = tr("This archive is not a Landsat Level-2 product: no *_MTL.xml or *_MTL.txt (USGS "
                         "Collection 2) was found in it, nor any *_SR_B4.TIF, nor a Sentinel-2 L2A product. "
                         "Found in {path}: {files}.")
        else:
            message = tr("This folder is not a Sentinel-2 L2A product: no MTD_ALL.xml (Theia) or "
                         "MTD_MSIL2A.xml (Sen2Cor) was found in it, nor any Theia reflectance file "
                         "(*_FRE_B4.tif); nor is it a Landsat Level-2 product (no *_MTL.xml or *_MTL.txt of "
                         "USGS Collection 2). Found in {path}: {files}.")
        raise ProductError(message.format(path=container.label, files=_listing(files)))
    depth = min(member.count("/") for _kind, member in candidates)
    shallowest = [(kind, member) for kind, member in candidates if member.count("/") == depth]
    # a metadata file beats the naming of files in the same folder
    roots = {}
    for kind, member in shallowest:
        root = posixpath.dirname(member)
        if root not in roots or roots[root] in ("theia-files", "usgs-files"):
            roots[root] = kind
    if len(roots) > 1:
        raise ProductError(tr(
            "{path} holds several products ({products}): choose one of them.").format(
            path=container.label, products=", ".join(sorted(r or "." for r in roots))))
    (root, kind), = roots.items()
    if kind == "l1c":
        raise ProductError(tr(
            "{path} is a Level-1C product (top-of-atmosphere reflectance, MTD_MSIL1C.xml). Névé needs a "
            "Level-2A product (surface reflectance) made by Sen2Cor or MAJA.").format(
            path=posixpath.join(container.label, root)))
    return kind, root


def open_product(path, reflectance="FRE"):
    """The :class:`Product` at ``path``: a product folder, its .zip (a USGS Landsat product: its .tar), or
    its metadata file (``*_MTD_ALL.xml``, ``MTD_MSIL2A.xml``, ``*_MTL.xml``, ``*_MTL.txt``). Theia
    products are read as flat reflectance
    (``reflectance="FRE"``, as LIS does) or slope-less ``"SRE"``. Raises :class:`ProductError`."""
    if reflectance.upper() not in ("FRE", "SRE"):
        raise ValueError("reflectance must be FRE or SRE, not {!r}".format(reflectance))
    path = os.path.abspath(os.fspath(path))
    if not os.path.exists(path):
        raise ProductError(tr("{path} does not exist: expected a product folder, its .zip, or its metadata "
                              "file.").format(path=path))
    if os.path.isdir(path):
        container = _Folder(path)
        files = container.files(depth=1)
    elif path.lower().endswith(".zip") or zipfile.is_zipfile(path):
        container = _Zip(path)
        files = container.files()
    elif path.lower().endswith((".tar", ".tar.gz", ".tgz")):
        container = TarArchive(path)
        files = container.files()
    elif os.path.basename(path) in ("MTD_MSIL2A.xml", "MTD_MSIL1C.xml") or path.upper().endswith(
            ("_MTD_ALL.XML", "_MTL.XML", "_MTL.TXT")):
        container = _Folder(os.path.dirname(path))
        files = [os.path.basename(path)]
    else:
        raise ProductError(tr(
            "{path} is not a Sentinel-2 L2A product: expected a product folder, its .zip, or its metadata "
            "file (*_MTD_ALL.xml for Theia, MTD_MSIL2A.xml for Sen2Cor); for Landsat, the folder or .tar of a "
            "USGS Collection 2 Level-2 product, or its *_MTL.xml.").format(path=path))
    kind, root = _locate(container, files)
    members = container.files(root)
    if kind == SEN2COR:
        product = _open_sen2cor(container, root, members)
    elif kind in (USGS, "usgs-files"):
        product = open_usgs(container, root, members)
    else:
        if is_theia_landsat(container, root, members):
            product = open_theia_landsat(container, root, members, reflectance.upper())
        else:
            product = _open_theia(container, root, members, reflectance.upper())
    product.path = path
    return product
