"""Outputs never destroy inputs: the check of a run's file names, before any work.

:func:`check_destinations` refuses, for every algorithm alike (it runs before each job, whatever the door:
QGIS, the command line, the archive runner), an output that

- is the same file as an input (links resolved; ``os.path.samefile`` where both exist),
- lies inside an input product (its folder, or the folder of the metadata file given as the product),
- is an input zip (a product, or a layer read through ``/vsizip/``),

and two outputs of one run on the same file (one would be lost). Paths are compared as the system sees
them: a link, ``..`` or another spelling of the same file is the same file.
"""
import os

from ..errors import NeveError
from ..i18n import QT_TR_NOOP
from . import spec as s

_VSI_PREFIXES = ("/vsizip/", "/vsitar/", "/vsigzip/")


def real(path):
    return os.path.realpath(os.path.abspath(os.path.expanduser(str(path))))


def input_files(parameter, value):
    """``(file, container)`` pairs an input value reads: the files themselves, and for a product or an
    archive member the folder or archive that contains it (None when there is none)."""
    if not value:
        return []
    values = value if isinstance(value, (list, tuple)) else [value]
    found = []
    for item in values:
        source = str(item).split("|")[0]
        for prefix in _VSI_PREFIXES:
            if source.startswith(prefix):
                inner = source[len(prefix):]
                # /vsizip//path/to/archive.zip/member -> the archive
                lower = inner.lower()
                for extension in (".zip", ".tar", ".tgz", ".tar.gz", ".gz"):
                    end = lower.find(extension)
                    if end >= 0:
                        found.append((real(inner[:end + len(extension)]), None))
                        break
                break
        else:
            if source.startswith("/vsi"):
                continue    # a network path: nothing of the user's on this disk to protect
            path = real(source)
            if parameter.kind == s.PRODUCT:
                if os.path.isdir(path):
                    found.append((path, path))
                elif path.lower().endswith(".xml"):
                    found.append((path, os.path.dirname(path)))
                else:
                    found.append((path, None))
            else:
                found.append((path, None))
    return found


def _same(a, b):
    if a == b:
        return True
    try:
        return os.path.exists(a) and os.path.exists(b) and os.path.samefile(a, b)
    except OSError:
        return False


def check_destinations(spec, values):
    """Raise a :class:`~..errors.NeveError` when an output of ``values`` would overwrite an input, land in
    an input product, or share its file with another output."""
    inputs = []
    for parameter in spec.parameters:
        if parameter.kind in (s.PRODUCT, s.RASTER, s.RASTERS, s.VECTOR, s.FOLDER):
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
            if container and (output + os.sep).startswith(container + os.sep):
                raise NeveError("output_in_product", QT_TR_NOOP(
                    "The output {output} ({path}) lies inside the input product {product}: Névé never writes "
                    "into a product. Choose a file outside it."),
                    output=parameter.name, path=value, product=container)
