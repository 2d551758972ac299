"""Raster files: blocks with halos, and GeoTIFF outputs written safely.

Full Sentinel-2 tiles (10980 x 10980 at 10 m) are processed in horizontal strips of whole rows, so that
memory stays bounded whatever the raster size. A neighbourhood operation asks for a ``halo``: each strip
is read with that many extra rows above and below, and only its inner rows are written, so the result
does not depend on the strip height.

Outputs are tiled, compressed GeoTIFFs written to a hidden temporary file beside the destination and
renamed over it only when everything went well (:func:`output_file`, for every kind of output file): a
failure or a cancel leaves nothing half-written.

Inputs are read onto a :class:`Grid` (CRS, transform, size) by window: :func:`read_onto_grid` reads only
the pixels under the window, at full resolution, and resamples them when the grid is not the raster's
own; GDAL read errors (damaged, truncated files) become :class:`RasterReadError`. :func:`aligned_factor`
tells whether the pixels of one grid are whole blocks of the pixels of another.
"""
import collections
import contextlib
import errno
import os
import re
import shutil
import socket
import tempfile
import threading
import uuid
from dataclasses import dataclass

import numpy as np
import rasterio
import rasterio.errors
from affine import Affine
from rasterio.windows import Window

from ..errors import NeveError
from ..i18n import QT_TR_NOOP

DEFAULT_BLOCK_ROWS = 1024
GDAL_CACHE_MB = 256

GTIFF_PROFILE = {
    "driver": "GTiff",
    "tiled": True,
    "blockxsize": 512,
    "blockysize": 512,
    "compress": "deflate",
    "num_threads": "all_cpus",
    "bigtiff": "if_safer",
}


@dataclass(frozen=True)
class Block:
    """One strip: ``read`` is the window to read (inner rows plus halo, clipped to the raster),
    ``write`` the inner window, and ``inner`` the rows of the read array that belong to ``write``."""

    read: Window
    write: Window
    inner: slice
    index: int
    count: int


def blocks(width, height, block_rows=DEFAULT_BLOCK_ROWS, halo=0):
    """Strips of ``block_rows`` whole rows covering a ``width`` x ``height`` raster, with ``halo`` rows."""
    block_rows = max(1, int(block_rows))
    count = max(1, -(-height // block_rows))
    for index in range(count):
        row0 = index * block_rows
        row1 = min(height, row0 + block_rows)
        top = max(0, row0 - halo)
        bottom = min(height, row1 + halo)
        yield Block(
            read=Window(0, top, width, bottom - top),
            write=Window(0, row0, width, row1 - row0),
            inner=slice(row0 - top, row1 - top),
            index=index,
            count=count,
        )


def predictor_for(dtype):
    kind = np.dtype(dtype).kind
    if kind == "f":
        return 3
    if np.dtype(dtype).itemsize > 1:
        return 2
    return 1


@contextlib.contextmanager
def bounded_gdal_cache(megabytes=GDAL_CACHE_MB):
    """Limit GDAL's block cache while a whole raster streams through it, then restore it.

    GDAL caches every block it reads or writes, up to 5 % of the RAM by default: streaming a full tile
    would otherwise fill the cache with blocks that are never read again and inflate memory use.
    """
    from osgeo import gdal

    previous = gdal.GetCacheMax()
    if previous > megabytes * 2 ** 20:
        gdal.SetCacheMax(megabytes * 2 ** 20)
    try:
        yield
    finally:
        gdal.SetCacheMax(previous)


# Files GDAL or SQLite may create beside a file they write (GDAL's statistics, GeoPackage journals).
SIDE_FILE_SUFFIXES = (".aux.xml", "-journal", "-wal", "-shm")


#: Temporary files and folders carry the host and the process that writes them, so that a later run can
#: remove those of a process that was killed (:func:`remove_stale`) and leave those of a live one alone.
_HOST = re.sub(r"[^A-Za-z0-9]", "", socket.gethostname())[:16] or "host"
_PARTIAL = re.compile(r"^\.(?P<stem>.*)\.(?P<host>[A-Za-z0-9]+)-(?P<pid>\d+)-[0-9a-f]{8}\.partial(?P<ext>\..*)?$")
_SCRATCH = re.compile(r"^neve-[a-z0-9]+-(?P<host>[A-Za-z0-9]+)-(?P<pid>\d+)-")


def _process_gone(host, pid):
    """Whether the process ``pid`` of this machine ``host`` has ended (never True for another host's)."""
    if host != _HOST:
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except (PermissionError, OverflowError, ValueError):
        return False
    return False


def remove_stale(folder):
    """Remove from ``folder`` the temporary files of :func:`output_file` (and their side files) and the
    scratch folders of :func:`scratch_folder` whose writing process has ended (killed, crashed); returns
    their names."""
    removed = []
    try:
        names = os.listdir(folder)
    except OSError:
        return removed
    for name in names:
        partial = _PARTIAL.match(name)
        scratch = _SCRATCH.match(name)
        match = partial or scratch
        if match is None or not _process_gone(match.group("host"), match.group("pid")):
            continue
        path = os.path.join(folder, name)
        if scratch is not None and os.path.isdir(path):
            shutil.rmtree(path, ignore_errors=True)
        else:
            try:
                os.remove(path)
            except OSError:
                continue
        removed.append(name)
    return removed


@contextlib.contextmanager
def scratch_folder(job, parent=None):
    """A temporary folder for the arrays a job keeps between two sweeps, named after the job, the host and
    the process (``neve-snowmap-host-1234-xxxx``) in ``parent`` (default: the system's temporary
    folder), deleted when the ``with`` block ends, whatever happens; stale ones of killed runs are removed
    first."""
    parent = parent or tempfile.gettempdir()
    remove_stale(parent)
    folder = tempfile.mkdtemp(prefix="neve-{}-{}-{}-".format(job, _HOST, os.getpid()), dir=parent)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def scratch_array(path, dtype, shape):
    """A ``numpy.memmap`` of ``shape`` in the new file ``path`` whose space is reserved on the disk first
    (``posix_fallocate``): a full disk is then an ``OSError`` (ENOSPC) here, not a crash (SIGBUS) when a
    page of the sparse file is written later."""
    size = int(np.dtype(dtype).itemsize * int(np.prod(shape)))
    with open(path, "wb") as handle:
        if size and hasattr(os, "posix_fallocate"):
            try:
                os.posix_fallocate(handle.fileno(), 0, size)
            except OSError as error:
                if error.errno not in (errno.EOPNOTSUPP, errno.ENOSYS, errno.EINVAL):
                    raise
        handle.truncate(size)
    return np.memmap(path, dtype=dtype, mode="r+", shape=shape)


# --- Outputs: temporary files, renamed all together at the end ------------------------------------

_GROUPS = threading.local()


def _active_group():
    groups = getattr(_GROUPS, "stack", None)
    return groups[-1] if groups else None


@contextlib.contextmanager
def output_group(before_commit=None):
    """Outputs renamed into place all together: every :func:`output_file` that ends inside the ``with``
    block (of this thread) waits for the block's end; then ``before_commit()`` is called (a job checks
    for a cancel there: an exception from it removes every temporary file), and all are renamed. When the
    block ends with an error, every temporary file is removed and no output is touched. The jobs of the
    pipeline run inside one (``pipeline/jobs.py``)."""
    pending = []
    stack = getattr(_GROUPS, "stack", None)
    if stack is None:
        stack = _GROUPS.stack = []
    stack.append(pending)
    try:
        yield pending
        if before_commit is not None:
            before_commit()
    except BaseException:
        stack.remove(pending)
        for temporary, _path in pending:
            remove_quietly(temporary)
        raise
    stack.remove(pending)
    outer = _active_group()
    if outer is not None:     # a group inside a group: the outer one renames
        outer.extend(pending)
        return
    for index, (temporary, path) in enumerate(pending):
        try:
            _commit(temporary, path)
        except BaseException:
            for later, _path in pending[index:]:
                remove_quietly(later)
            raise


@contextlib.contextmanager
def output_file(path):
    """Yield a hidden temporary path beside ``path``, with the same extension (``name.tif`` ->
    ``.name.host-1234-1a2b3c4d.partial.tif``: host and process id, see :func:`remove_stale`); when the
    ``with`` block ends without an error, rename it to ``path`` (``os.replace``, which replaces an existing
    file), with the side files the format wrote beside it (``.aux.xml``, an ENVI ``.hdr``); inside an
    :func:`output_group`, at the group's end. Otherwise delete it and its side files, leaving any existing
    ``path`` untouched. The folder is created if needed; temporary files of killed runs in it are removed
    first.
    """
    path = os.path.abspath(path)
    folder, name = os.path.split(path)
    os.makedirs(folder, exist_ok=True)
    remove_stale(folder)
    stem, extension = os.path.splitext(name)
    temporary = os.path.join(folder, ".{}.{}-{}-{}.partial{}".format(stem, _HOST, os.getpid(), uuid.uuid4().hex[:8],
                                                                    extension))
    try:
        yield temporary
    except BaseException:
        remove_quietly(temporary)
        raise
    group = _active_group()
    if group is not None:
        group.append((temporary, path))
        return
    try:
        _commit(temporary, path)
    except BaseException:
        remove_quietly(temporary)
        raise


def _side_files(temporary):
    """The files a format wrote beside ``temporary`` (same name up to ``.partial``, then anything)."""
    folder, name = os.path.split(temporary)
    base = name[:name.rindex(".partial") + len(".partial")]
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    return [n for n in names if n.startswith(base) and n != name]


def _commit(temporary, path):
    """Rename ``temporary`` and its side files to ``path``; a stale ``path.aux.xml`` (statistics of the
    file replaced) is removed."""
    folder, name = os.path.split(temporary)
    base = name[:name.rindex(".partial") + len(".partial")]
    final_stem = os.path.splitext(os.path.basename(path))[0]
    sides = _side_files(temporary)
    os.replace(temporary, path)
    if not any(side.endswith(".aux.xml") for side in sides):
        try:
            os.remove(path + ".aux.xml")
        except OSError:
            pass
    for side in sides:
        os.replace(os.path.join(folder, side), os.path.join(folder, final_stem + side[len(base):]))


def remove_quietly(path):
    """Delete ``path`` and its side files (:data:`SIDE_FILE_SUFFIXES`, and for a temporary file of
    :func:`output_file` every file named after it), whichever exist."""
    candidates = [path] + [path + suffix for suffix in SIDE_FILE_SUFFIXES]
    if ".partial" in os.path.basename(path):
        candidates += [os.path.join(os.path.dirname(path), side) for side in _side_files(path)]
    for candidate in candidates:
        try:
            os.remove(candidate)
        except OSError:
            pass


# --- Writing errors: one clear sentence, whatever layer failed ------------------------------------

_ERRNO_MESSAGES = {errno.ENOSPC: ("No space left on device",), errno.EACCES: ("Permission denied",),
                   errno.EROFS: ("Read-only file system",), errno.EPERM: ("Operation not permitted",),
                   errno.EFBIG: ("File too large",)}
if hasattr(errno, "EDQUOT"):
    _ERRNO_MESSAGES[errno.EDQUOT] = ("Disk quota exceeded",)
#: Below this many free bytes in the folder of a failed output, the failure is taken for a full disk.
NEARLY_FULL_BYTES = 1024 * 1024


def write_error(path, detail, error=None):
    """The :class:`~..errors.NeveError` of a failure to write ``path`` (``detail``: GDAL's or the system's
    messages): a full disk, a read-only or forbidden folder get their one sentence
    (:func:`~..errors.as_neve_error`); anything else says what GDAL said."""
    from ..errors import FAILURE, as_neve_error

    number = getattr(error, "errno", None)
    text = "{} {}".format(detail or "", error or "").lower()
    if number is None:
        for code, messages in _ERRNO_MESSAGES.items():
            if any(message.lower() in text for message in messages + (os.strerror(code),)):
                number = code
                break
    folder = os.path.dirname(os.path.abspath(path))
    if number is None:
        try:
            if shutil.disk_usage(folder).free < NEARLY_FULL_BYTES:
                number = errno.ENOSPC
        except OSError:
            pass
    if number is None and os.path.isdir(folder) and not os.access(folder, os.W_OK):
        number = errno.EACCES
    if number is not None:
        return as_neve_error(OSError(number, os.strerror(number), path), path)
    return NeveError("write_failed", QT_TR_NOOP("Could not write {file}: {error}"), kind=FAILURE, file=path,
                     error=detail or str(error))


@contextlib.contextmanager
def gdal_write_errors_raised(path):
    """Turn every error GDAL reports in this thread while writing ``path`` (an error of rasterio or OGR, an
    ``OSError``, or only a message of GDAL's: a block flushed from its cache to a full disk is not an
    exception) into the :class:`~..errors.NeveError` of :func:`write_error`."""
    from osgeo import gdal

    errors = []

    def handler(error_class, _number, message):
        if error_class >= gdal.CE_Failure:
            errors.append(str(message).strip())

    gdal.PushErrorHandler(handler)
    try:
        yield
    except NeveError:
        raise
    except (rasterio.errors.RasterioError, OSError, RuntimeError) as exc:
        raise write_error(path, "; ".join(errors) or str(exc), exc) from None
    finally:
        gdal.PopErrorHandler()
    if errors:
        raise write_error(path, "; ".join(errors))


# --- Formats of raster outputs --------------------------------------------------------------------

#: Formats that GDAL can create but that cannot receive pixels written block by block (a VRT only
#: references other files).
UNWRITABLE_DRIVERS = ("VRT", "SQLite")


def writable_formats():
    """``{extension: GDAL driver}`` of the raster formats an output can be written in: QGIS's rule
    (``QgsRasterFileWriter``: a GDAL raster driver that can create a file, by the extensions it declares),
    without :data:`UNWRITABLE_DRIVERS`. GeoTIFF wins ``tif`` and ``tiff``."""
    from osgeo import gdal

    formats = {}
    for index in range(gdal.GetDriverCount()):
        driver = gdal.GetDriver(index)
        metadata = driver.GetMetadata() or {}
        if metadata.get("DCAP_RASTER") != "YES" or metadata.get("DCAP_CREATE") != "YES":
            continue
        if driver.ShortName in UNWRITABLE_DRIVERS:
            continue
        for extension in (metadata.get("DMD_EXTENSIONS") or metadata.get("DMD_EXTENSION") or "").split():
            formats.setdefault(extension.lower().lstrip("."), driver.ShortName)
    formats["tif"] = formats["tiff"] = "GTiff"
    return formats


def raster_driver(path):
    """The GDAL driver that writes the raster output ``path``, by its extension (no extension, ``.tif``,
    ``.tiff``: GeoTIFF; ``.img``: Erdas Imagine; ...); a :class:`~..errors.NeveError` listing the formats
    when GDAL cannot write that one (``.jpg``, ``.png``, ``.vrt``: GDAL only copies those whole)."""
    extension = os.path.splitext(str(path))[1].lower().lstrip(".")
    if extension in ("", "tif", "tiff"):
        return "GTiff"
    formats = writable_formats()
    driver = formats.get(extension)
    if driver is None:
        raise NeveError("unwritable_format", QT_TR_NOOP(
            "{file}: GDAL cannot write a raster as .{extension} block by block. Give a file name ending in .tif "
            "(GeoTIFF), or in one of: {extensions}."), file=str(path), extension=extension,
            extensions=", ".join(".{}".format(e) for e in sorted(set(formats)) if e not in ("tif", "tiff")))
    return driver


class GeoTiffWriter:
    """A raster written block by block to a temporary file (:func:`output_file`, ``tmp_path``), renamed
    to ``path`` on success: a tiled, compressed GeoTIFF, or the format of ``path``'s extension when it is
    another one GDAL can write (:func:`raster_driver`, which refuses the others).

    Use as a context manager; leaving the ``with`` block through an exception deletes the
    temporary file and leaves any existing ``path`` untouched. Every write and the closing are checked
    (GDAL reports a block that its cache fails to write at the closing only as a message: it becomes an
    error, :func:`gdal_write_errors_raised`), and the file written is read back (its size and bands, and for a
    GeoTIFF its blocks within the file) before it is renamed. Keyword arguments beyond the listed ones are
    GeoTIFF creation options (rasterio profile keys) that replace the defaults.
    """

    def __init__(self, path, width, height, crs, transform, dtype, nodata=None, count=1,
                 band_names=None, tags=None, **creation_options):
        self.path = os.path.abspath(path)
        self.tmp_path = None  # set on entering the with block
        self.driver = raster_driver(self.path)
        if self.driver == "GTiff":
            self.profile = dict(GTIFF_PROFILE, width=width, height=height, count=count, dtype=dtype,
                                crs=crs, transform=transform, nodata=nodata, predictor=predictor_for(dtype))
            self.profile.update(creation_options)  # e.g. zlevel=1, blockxsize=256, interleave="band"
        else:
            self.profile = dict(driver=self.driver, width=width, height=height, count=count, dtype=dtype, crs=crs,
                                transform=transform, nodata=nodata)
        self.band_names = band_names
        self.tags = tags
        self.dataset = None
        self._files = None

    def __enter__(self):
        with contextlib.ExitStack() as files:
            self.tmp_path = files.enter_context(output_file(self.path))
            with gdal_write_errors_raised(self.path):
                self.dataset = rasterio.open(self.tmp_path, "w", **self.profile)
                if self.band_names:
                    for index, name in enumerate(self.band_names, start=1):
                        self.dataset.set_band_description(index, name)
                if self.tags:
                    self.dataset.update_tags(**self.tags)
            self._files = files.pop_all()
        return self

    def write(self, array, window, band=1):
        with gdal_write_errors_raised(self.path):
            self.dataset.write(array, band, window=window)

    def close(self):
        """Close the dataset (GDAL writes what its cache still holds), with every error raised, and read
        the file back."""
        dataset, self.dataset = self.dataset, None
        if dataset is None:
            return
        with gdal_write_errors_raised(self.path):
            dataset.close()
        verify_written(self.tmp_path, self.path, self.profile)

    def __exit__(self, exc_type, exc, tb):
        # the dataset is closed and checked first, then the temporary file is renamed (or deleted on an error)
        if exc_type is not None:
            if self.dataset is not None:     # closed quietly: its file is deleted, the first error told
                from osgeo import gdal

                gdal.PushErrorHandler("CPLQuietErrorHandler")
                try:
                    with contextlib.suppress(Exception):
                        self.dataset.close()
                finally:
                    gdal.PopErrorHandler()
                self.dataset = None
            self._files.__exit__(exc_type, exc, tb)
            return False
        try:
            self.close()
        except BaseException as error:
            self._files.__exit__(type(error), error, error.__traceback__)
            raise
        self._files.__exit__(None, None, None)
        return False


def verify_written(temporary, path, profile):
    """Read back the header of the raster just written at ``temporary`` (to be renamed ``path``): its size,
    bands and type must be those asked for, and a GeoTIFF's blocks (of its first and last bands) must lie
    within the file. A :class:`~..errors.NeveError` naming ``path`` otherwise."""
    from osgeo import gdal

    problem = None
    try:
        with gdal_errors_raised(temporary):
            dataset = gdal.OpenEx(temporary, gdal.OF_RASTER, allowed_drivers=[profile["driver"]])
            if dataset is None:
                raise RasterReadError(temporary, "the file cannot be opened")
            size = (dataset.RasterXSize, dataset.RasterYSize, dataset.RasterCount)
            dataset = None
        expected = (profile["width"], profile["height"], profile.get("count", 1))
        if size != expected:
            problem = "{} x {} pixels and {} bands instead of {} x {} and {}".format(*(size + expected))
        elif profile["driver"] == "GTiff":
            check_geotiff_complete(temporary, bands=sorted({1, expected[2]}))
    except RasterReadError as error:
        problem = error.detail
    except RuntimeError as error:   # when osgeo.gdal exceptions are on
        problem = str(error)
    if problem is not None:
        raise write_error(path, "the file written cannot be read back ({})".format(problem))


# --- Overlapping reading, computing and writing ---------------------------------------------------

def read_ahead(read, items, depth=1):
    """``(item, read(item))`` for each of ``items``, in order, ``read`` running in a background thread up
    to ``depth`` items ahead: the next strip is read (GDAL decodes without holding Python's lock) while
    the caller computes this one. ``read`` must not use a file the caller uses meanwhile: a GDAL handle
    is never used by two threads at once. Leaving the loop early waits for the read under way."""
    from concurrent.futures import ThreadPoolExecutor

    items = list(items)
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="neve-read") as pool:
        pending = collections.deque(pool.submit(read, item) for item in items[:depth])
        try:
            for index, item in enumerate(items):
                value = pending.popleft().result()
                if index + depth < len(items):
                    pending.append(pool.submit(read, items[index + depth]))
                yield item, value
        finally:
            for future in pending:
                future.cancel()


class WriteBehind:
    """The writes of ``writer`` (a :class:`GeoTiffWriter`, or anything with ``write(array, window)``) made
    in order by a background thread while the caller computes the next strip: :meth:`write` returns at
    once unless ``depth`` strips are already waiting. Leaving the ``with`` block waits for the writes
    (after an error in the block, those still waiting are dropped: the output is deleted anyway); an error
    of a write is raised in the caller, at the next :meth:`write` or on leaving the block."""

    def __init__(self, writer, depth=2):
        import queue

        self.writer = writer
        self.queue = queue.Queue(maxsize=max(1, depth))
        self.error = None
        self.abandoned = False
        self.thread = None

    def __enter__(self):
        import threading

        self.thread = threading.Thread(target=self._run, name="neve-write", daemon=True)
        self.thread.start()
        return self

    def _run(self):
        while True:
            item = self.queue.get()
            if item is None:
                return
            if self.error is None and not self.abandoned:
                try:
                    self.writer.write(*item)
                except BaseException as error:  # noqa: BLE001 (raised again in the caller's thread)
                    self.error = error

    def write(self, array, window, band=1):
        if self.error is not None:
            raise self.error
        self.queue.put((array, window, band))

    def __exit__(self, exc_type, exc, tb):
        self.abandoned = exc_type is not None
        self.queue.put(None)
        self.thread.join()
        if exc_type is None and self.error is not None:
            raise self.error
        return False


# --- Grids and reading a window of a raster onto a grid -------------------------------------------

RESAMPLING_NAMES = ("nearest", "bilinear", "cubic", "cubic_spline", "lanczos", "average", "mode")
# Source pixels read at once when resampling: a coarse grid over a whole 10 m tile is done in strips.
MAX_SOURCE_PIXELS = 2048 * 2048


class RasterReadError(NeveError, OSError):
    """GDAL could not open or read ``path``: a missing, damaged or truncated file. ``detail`` holds
    GDAL's own messages. :meth:`missing` and :meth:`not_a_raster` say what went wrong when it is a file that
    does not exist or is not a raster at all (a text file given as a DEM is no damaged raster)."""

    def __init__(self, path, detail, code="unreadable_raster", template=None):
        super().__init__(code, template or QT_TR_NOOP(
            "Could not read {file}: the file is damaged or truncated (GDAL: {error})."), file=path, error=detail)
        self.path = path
        self.detail = detail

    @classmethod
    def missing(cls, path):
        return cls(path, "the file does not exist", "file_not_found", QT_TR_NOOP("{file} does not exist."))

    @classmethod
    def not_a_raster(cls, path, detail):
        return cls(path, detail, "not_a_raster", QT_TR_NOOP(
            "{file} is not a raster that GDAL can read (GDAL: {error})."))


@dataclass(frozen=True)
class Grid:
    """The pixels of a raster: CRS, affine transform (north up) and size.

    ``transform`` maps (column, row) of a pixel's upper-left corner to map coordinates, as in rasterio.
    """

    crs: object
    transform: object
    width: int
    height: int

    @classmethod
    def of(cls, dataset):
        """The grid of an open rasterio dataset."""
        return cls(dataset.crs, dataset.transform, dataset.width, dataset.height)

    @property
    def resolution(self):
        """Pixel width in CRS units (metres for Sentinel-2 grids)."""
        return abs(self.transform.a)

    @property
    def shape(self):
        return (self.height, self.width)

    @property
    def bounds(self):
        """(left, bottom, right, top) in CRS units."""
        left, top = self.transform * (0, 0)
        right, bottom = self.transform * (self.width, self.height)
        return (min(left, right), min(top, bottom), max(left, right), max(top, bottom))

    def window_grid(self, window):
        """The grid of the pixels of ``window`` (a rasterio Window of this grid, whole pixels)."""
        col, row = int(round(window.col_off)), int(round(window.row_off))
        return Grid(self.crs, self.transform * Affine.translation(col, row),
                    int(round(window.width)), int(round(window.height)))

    def with_resolution(self, resolution):
        """A grid with the same upper-left corner and ``resolution``, covering the same extent (the last
        row and column are partial when the extent is not a whole number of new pixels)."""
        a, e = self.transform.a, self.transform.e
        sx, sy = resolution * (1 if a > 0 else -1), resolution * (1 if e > 0 else -1)
        width = int(np.ceil(self.width * abs(a) / resolution - 1e-9))
        height = int(np.ceil(self.height * abs(e) / resolution - 1e-9))
        return Grid(self.crs, Affine(sx, 0.0, self.transform.c, 0.0, sy, self.transform.f), width, height)


def aligned_factor(source, target, tolerance=1e-6):
    """``(factor, col, row)`` when each pixel of grid ``target`` is a block of ``factor`` x ``factor`` pixels
    of grid ``source`` (same CRS, north up without rotation, whole factor >= 1; 1: the same pixels), ``col``,
    ``row`` being the source pixel under ``target``'s upper-left corner; None otherwise. ``tolerance``
    applies to the ratios of pixel sizes and to the offset in pixels of ``source``."""
    s, t = source.transform, target.transform
    if source.crs != target.crs or s.b or s.d or t.b or t.d:
        return None
    ratio_x, ratio_y = t.a / s.a, t.e / s.e
    factor = int(round(ratio_x))
    if factor < 1 or abs(ratio_x - factor) > tolerance or abs(ratio_y - factor) > tolerance:
        return None
    col, row = (t.c - s.c) / s.a, (t.f - s.f) / s.e
    if abs(col - round(col)) > tolerance or abs(row - round(row)) > tolerance:
        return None
    return factor, int(round(col)), int(round(row))


@contextlib.contextmanager
def gdal_errors_raised(path):
    """Turn every error GDAL reports in this thread while reading ``path`` into a
    :class:`RasterReadError` (rasterio raises only some of them and logs the others)."""
    from osgeo import gdal

    errors = []

    def handler(error_class, _number, message):
        if error_class >= gdal.CE_Failure:
            errors.append(str(message).strip())

    gdal.PushErrorHandler(handler)
    try:
        yield
    except (rasterio.errors.RasterioError, OSError) as exc:
        if isinstance(exc, RasterReadError):
            raise
        raise RasterReadError(path, "; ".join(errors) or str(exc)) from exc
    finally:
        gdal.PopErrorHandler()
    if errors:
        raise RasterReadError(path, "; ".join(errors))


def check_jpeg2000_complete(path):
    """Raise :class:`RasterReadError` when the JPEG2000 file ``path`` (any GDAL path) is truncated.

    GDAL decodes JPEG2000 tiles in worker threads, whose errors are only logged: a truncated .jp2 then
    reads as zeros without any error (GDAL 3.6). Its structure tells it instead: the boxes must fit in
    the file, and the codestream must end with the End Of Codestream marker (FF D9).
    """
    import struct

    from osgeo import gdal

    stat = gdal.VSIStatL(path)
    handle = gdal.VSIFOpenL(path, "rb")
    if stat is None or handle is None:
        raise RasterReadError(path, "the file cannot be opened")
    size = stat.size
    try:
        def read_at(position, count):
            gdal.VSIFSeekL(handle, position, 0)
            return gdal.VSIFReadL(1, count, handle) or b""

        if read_at(0, 4) == b"\xff\x4f\xff\x51":  # a bare codestream
            codestreams = [(0, size)]
        else:
            codestreams, position = [], 0
            while position < size:
                header = read_at(position, 16)
                if len(header) < 8:
                    raise RasterReadError(path, "truncated JPEG2000 box header at byte {}".format(position))
                length, kind = struct.unpack(">I4s", header[:8])
                if length == 1:
                    length = struct.unpack(">Q", header[8:16])[0]
                elif length == 0:
                    length = size - position
                if length < 8 or position + length > size:
                    raise RasterReadError(path, "truncated file: a JPEG2000 box of {} bytes starts at byte "
                                                "{} of {}".format(length, position, size))
                if kind == b"jp2c":
                    codestreams.append((position, length))
                position += length
        if not codestreams:
            raise RasterReadError(path, "no JPEG2000 codestream in the file")
        for start, length in codestreams:
            if read_at(start + length - 2, 2) != b"\xff\xd9":
                raise RasterReadError(path, "truncated file: the JPEG2000 codestream has no end marker")
    finally:
        gdal.VSIFCloseL(handle)


def check_geotiff_complete(path, bands=(1,)):
    """Raise :class:`RasterReadError` when the GeoTIFF ``path`` (any GDAL path) is truncated.

    A GeoTIFF written by GDAL holds its directory at the start, so a file cut short still opens and only
    fails when the missing blocks are read: a VRT pointing to it would fail later, in QGIS. The blocks'
    offsets and sizes (GDAL's TIFF metadata) of ``bands`` must fit in the file.
    """
    from osgeo import gdal

    stat = gdal.VSIStatL(path)
    try:
        with gdal_errors_raised(path):
            dataset = gdal.OpenEx(path, gdal.OF_RASTER, allowed_drivers=list(GEOTIFF_DRIVERS))
    except RuntimeError as error:  # when osgeo.gdal exceptions are on
        raise RasterReadError(path, str(error)) from None
    if stat is None or dataset is None:
        raise RasterReadError(path, "the file cannot be opened")
    for number in bands:
        band = dataset.GetRasterBand(number)
        block_x, block_y = band.GetBlockSize()
        for row in range(-(-dataset.RasterYSize // block_y)):
            for col in range(-(-dataset.RasterXSize // block_x)):
                offset = band.GetMetadataItem("BLOCK_OFFSET_{}_{}".format(col, row), "TIFF")
                size = band.GetMetadataItem("BLOCK_SIZE_{}_{}".format(col, row), "TIFF")
                if offset and size and int(offset) + int(size) > stat.size:
                    raise RasterReadError(path, "truncated file: block ({}, {}) ends at byte {} of {}".format(
                        col, row, int(offset) + int(size), stat.size))


#: GDAL's drivers of each format an input file's name may say it holds.
GEOTIFF_DRIVERS = ("GTiff",)
JPEG2000_DRIVERS = ("JP2OpenJPEG", "JP2KAK", "JP2ECW", "JP2MrSID", "JPEG2000", "JP2Lura")
VRT_DRIVERS = ("VRT",)
#: The format an input file's extension names: it is opened with those drivers only (:func:`open_raster`).
DRIVERS_BY_EXTENSION = {"tif": GEOTIFF_DRIVERS, "tiff": GEOTIFF_DRIVERS, "jp2": JPEG2000_DRIVERS,
                        "j2k": JPEG2000_DRIVERS, "vrt": VRT_DRIVERS}
FORMAT_NAMES = {GEOTIFF_DRIVERS: "GeoTIFF", JPEG2000_DRIVERS: "JPEG2000", VRT_DRIVERS: "VRT"}


def drivers_by_name(path):
    """The GDAL drivers that may open ``path`` by its extension (:data:`DRIVERS_BY_EXTENSION`), or None
    (any driver) for an extension that names none of those formats."""
    name = str(path).split("|")[0].rstrip("/")
    return DRIVERS_BY_EXTENSION.get(os.path.splitext(name)[1].lower().lstrip("."))


class WrongFormatError(NeveError):
    """A file that is not what its name says (a ``*.tif`` holding VRT XML): refused, never opened with
    the driver of what it holds."""

    def __init__(self, path, expected, found):
        super().__init__("wrong_format", QT_TR_NOOP(
            "{file} is not a {expected} file, as its name says, but {found}: Névé does not open it (a file that "
            "is not what its name says could make GDAL read other files or the network)."),
            file=path, expected=expected, found=found)
        self.path = path


def _identify(path, drivers):
    """``(driver allowed, driver found)`` of GDAL's identification of ``path`` (it reads the file's first bytes,
    opens nothing it references); the second only when the first is None."""
    from osgeo import gdal

    found = anything = None
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:
        found = gdal.IdentifyDriverEx(str(path), allowed_drivers=list(drivers))
        if found is None:
            anything = gdal.IdentifyDriver(str(path))
    except RuntimeError:    # when osgeo.gdal exceptions are on
        pass
    finally:
        gdal.PopErrorHandler()
    return found, anything


def format_problem(path, drivers="name"):
    """The :class:`WrongFormatError` of a file that is not the format its name says (``drivers`` as in
    :func:`open_raster`), found without opening it; else None."""
    if drivers == "name":
        drivers = drivers_by_name(path)
    if drivers is None:
        return None
    found, anything = _identify(path, drivers)
    if found is None and anything is not None:
        return WrongFormatError(path, FORMAT_NAMES.get(tuple(drivers), "/".join(drivers)),
                                "{} ({})".format(anything.LongName, anything.ShortName))
    return None


def open_raster(path, drivers="name"):
    """Open ``path`` (a file or a GDAL virtual path such as /vsizip/...) for reading with rasterio;
    :class:`RasterReadError` when GDAL cannot, or when a JPEG2000 file is truncated.

    ``drivers``: the GDAL drivers allowed to open it (a tuple of names), None for any, or ``"name"``
    (default): those of the format its extension names (:func:`drivers_by_name`; ``*.tif`` only as a
    GeoTIFF, ``*.jp2`` only as a JPEG2000). A file that another driver would open raises
    :class:`WrongFormatError`, naming what it holds: a ``*.tif`` holding VRT XML is never read as a VRT."""
    if drivers == "name":
        drivers = drivers_by_name(path)
    driver = None
    if drivers is not None:
        found, anything = _identify(path, drivers)
        if found is None and anything is not None:
            raise WrongFormatError(path, FORMAT_NAMES.get(tuple(drivers), "/".join(drivers)),
                                   "{} ({})".format(anything.LongName, anything.ShortName))
        driver = found.ShortName if found is not None else drivers[0]
    local = str(path).split("|")[0]
    if not local.startswith("/vsi") and "://" not in local and not os.path.exists(local):
        raise RasterReadError.missing(path)
    try:
        with gdal_errors_raised(path):
            dataset = rasterio.open(path, driver=driver)
    except RasterReadError as error:
        if "not recognized as a supported file format" in error.detail or "not recognised" in error.detail:
            raise RasterReadError.not_a_raster(path, error.detail) from None
        raise
    if dataset.driver.startswith("JP2"):
        try:
            check_jpeg2000_complete(path)
        except RasterReadError:
            dataset.close()
            raise
    return dataset


def read_onto_grid(dataset, grid, band=1, resampling="nearest", nodata=None, fill=0, convert=None,
                   max_source_pixels=MAX_SOURCE_PIXELS):
    """The values of band ``band`` of an open rasterio ``dataset`` on the pixels of ``grid``.

    Only the part of the raster under ``grid`` is read, always at full resolution (never through
    overviews or JPEG2000 reduced-resolution levels, which turn mask classes into other values), so
    memory follows the size of ``grid``.

    - When ``grid`` has the raster's own pixels (same CRS and pixel size, whole-pixel offset), the
      values are read as they are: no resampling.
    - When each pixel of ``grid`` is a block of ``factor`` x ``factor`` pixels of the raster (same CRS,
      whole factor, aligned corners: :func:`aligned_factor`) and ``resampling`` is "nearest", each grid
      pixel takes the raster's pixel under its centre: for an even factor, the pixel whose upper-left
      corner is the centre, as GDAL's warper picks it (:func:`nearest_pixels`). Only those pixels are
      fetched: by GDAL's decimated ``RasterIO`` (a buffer ``factor`` times smaller) from a GeoTIFF
      without overviews, in two halves read side by side by two threads for a large grid; from any
      other file (JPEG2000, VRT, a raster with overviews, whose decimated reads would take reduced
      levels), rows read at full resolution and the pixels taken from them. The warper is not used:
      on a coarse preview of a whole tile it took half of the time. Same values as the warper.
    - Otherwise the raster's pixels under ``grid``, plus a margin for the resampling kernel, are read
      and resampled with ``resampling`` (one of :data:`RESAMPLING_NAMES`) by GDAL's warper, with the
      kernel scaled to the ratio of pixel sizes, so that a window gives the same values as the whole
      grid.

    ``convert``, when given, maps the raw values read to the values returned (for example digital
    numbers to reflectance), value by value, before any resampling. ``nodata`` (in converted values, NaN
    allowed) marks missing pixels: resampling ignores them, and grid pixels without valid source get
    ``nodata``. Grid pixels outside the raster get ``nodata`` when given, else ``fill``. A grid much
    coarser than the raster is done in horizontal strips of at most ``max_source_pixels`` source pixels
    each. Raises :class:`RasterReadError` when GDAL fails to read (damaged or truncated file).
    """
    if resampling not in RESAMPLING_NAMES:
        raise ValueError("unknown resampling {!r}".format(resampling))
    convert = convert or (lambda values: values)
    background = fill if nodata is None else nodata
    aligned = aligned_factor(Grid.of(dataset), grid)

    if aligned is not None and aligned[0] == 1:  # the raster's own pixels: a plain window read
        _factor, col, row = aligned
        c0, r0 = max(col, 0), max(row, 0)
        c1, r1 = min(col + grid.width, dataset.width), min(row + grid.height, dataset.height)
        if c1 <= c0 or r1 <= r0:
            return _background(dataset, grid, band, background, convert)
        with gdal_errors_raised(dataset.name):
            values = convert(dataset.read(band, window=Window(c0, r0, c1 - c0, r1 - r0)))
        if (c0, r0, c1, r1) == (col, row, col + grid.width, row + grid.height):
            return values
        out = np.full(grid.shape, background, dtype=values.dtype)
        out[r0 - row:r1 - row, c0 - col:c1 - col] = values
        return out
    if aligned is not None and resampling == "nearest":
        return _read_nearest_aligned(dataset, grid, band, aligned, background, convert, max_source_pixels)
    return _warp_onto_grid(dataset, grid, band, resampling, nodata, fill, convert, max_source_pixels)


def _background(dataset, grid, band, background, convert):
    """``grid`` filled with ``background``, in the dtype the converted values of ``band`` have."""
    return np.full(grid.shape, background, dtype=convert(np.zeros(1, dataset.dtypes[band - 1])).dtype)


def nearest_pixels(factor, offset, count, size):
    """The pixels of a raster (columns, or rows) under the centres of ``count`` grid pixels made of
    ``factor`` raster pixels each, the first starting at raster pixel ``offset``: ``(first, indices)``
    where ``indices`` are the raster pixels of the grid pixels ``first, first + 1, ...`` whose centre lies
    on the raster (``0 <= index < size``). For an even factor the centre is a pixel corner: the pixel
    starting there is taken, as GDAL's warper and decimated reads take it (``floor(centre + 1e-10)``)."""
    indices = offset + factor // 2 + factor * np.arange(count, dtype=np.int64)
    first, last = np.searchsorted(indices, 0), np.searchsorted(indices, size)
    return int(first), indices[first:last]


#: Source pixels from which a decimated read is split between two threads (two tiles of 10 m bands).
PARALLEL_SOURCE_PIXELS = 4096 * 4096


def _read_nearest_aligned(dataset, grid, band, aligned, background, convert, max_source_pixels):
    """:func:`read_onto_grid` on a grid whose pixels are blocks of ``aligned = (factor, col, row)`` raster
    pixels, nearest neighbour: the raster's pixel under each grid pixel's centre."""
    factor, col, row = aligned
    j0, cols = nearest_pixels(factor, col, grid.width, dataset.width)
    i0, rows = nearest_pixels(factor, row, grid.height, dataset.height)
    if not cols.size or not rows.size:
        return _background(dataset, grid, band, background, convert)
    half = factor // 2
    # Grid pixels whose whole block lies on the raster: GDAL's decimated read of their blocks takes the
    # pixel under each centre (the same as the warper's choice: tests/test_io_raster.py).
    whole_cols = (cols - half >= 0) & (cols - half + factor <= dataset.width)
    whole_rows = (rows - half >= 0) & (rows - half + factor <= dataset.height)
    decimate = dataset.driver == "GTiff" and not dataset.overviews(band) and whole_cols.any() and whole_rows.any()
    pieces = []      # (row slice, column slice of the values), values
    if decimate:
        a, b = np.flatnonzero(whole_cols)[[0, -1]]
        c, d = np.flatnonzero(whole_rows)[[0, -1]]
        pieces.append(((slice(c, d + 1), slice(a, b + 1)),
                       _decimated(dataset, band, cols[a] - half, rows[c] - half, b + 1 - a, d + 1 - c, factor)))
        # the grid pixels whose block crosses the raster's edge (a row or a column on each side at most)
        for rs, cs in ((slice(0, c), slice(0, cols.size)), (slice(d + 1, rows.size), slice(0, cols.size)),
                       (slice(c, d + 1), slice(0, a)), (slice(c, d + 1), slice(b + 1, cols.size))):
            if rs.stop > rs.start and cs.stop > cs.start:
                pieces.append(((rs, cs), _gather(dataset, band, rows[rs], cols[cs], max_source_pixels)))
    else:
        pieces.append(((slice(0, rows.size), slice(0, cols.size)),
                       _gather(dataset, band, rows, cols, max_source_pixels)))
    out = None
    for (rs, cs), raw in pieces:
        values = convert(raw)
        if out is None:
            out = np.full(grid.shape, background, dtype=values.dtype)
        out[i0 + rs.start:i0 + rs.stop, j0 + cs.start:j0 + cs.stop] = values
    return out


def _decimated(dataset, band, col, row, width, height, factor):
    """GDAL's nearest-neighbour decimated read of ``width`` x ``height`` blocks of ``factor`` pixels from
    (``col``, ``row``): the pixel at ``floor((k + 0.5) * factor)`` of each block. A large read is split in
    two halves of rows, the second one read by another thread through its own handle on the file (GDAL
    decodes the tiles of each half in parallel; a handle is never used by two threads)."""
    from rasterio.enums import Resampling

    def read(source, top, rows):
        with gdal_errors_raised(source.name):
            return source.read(band, window=Window(col, row + top * factor, width * factor, rows * factor),
                               out_shape=(rows, width), resampling=Resampling.nearest)

    if width * height * factor * factor < PARALLEL_SOURCE_PIXELS or height < 2 or (os.cpu_count() or 1) < 2:
        return read(dataset, 0, height)
    split = height // 2

    def second_half():
        with gdal_errors_raised(dataset.name):
            other = rasterio.open(dataset.name)
        with other:
            return read(other, split, height - split)

    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="neve-read") as pool:
        bottom = pool.submit(second_half)
        top = read(dataset, 0, split)
        return np.concatenate([top, bottom.result()])


def _gather(dataset, band, rows, cols, max_source_pixels):
    """The values at raster ``rows`` x ``cols`` (increasing pixel indices), read at full resolution in
    windows spanning the wanted columns and as many wanted rows as fit ``max_source_pixels``."""
    c0, c1 = int(cols[0]), int(cols[-1]) + 1
    per_read = max(1, max_source_pixels // (c1 - c0))
    parts, start = [], 0
    while start < rows.size:
        stop = start + 1
        while stop < rows.size and rows[stop] - rows[start] < per_read:
            stop += 1
        r0, r1 = int(rows[start]), int(rows[stop - 1]) + 1
        with gdal_errors_raised(dataset.name):
            window = dataset.read(band, window=Window(c0, r0, c1 - c0, r1 - r0))
        parts.append(window[(rows[start:stop] - r0)[:, None], (cols - c0)[None, :]])
        start = stop
    return parts[0] if len(parts) == 1 else np.concatenate(parts)


def _warp_onto_grid(dataset, grid, band, resampling, nodata, fill, convert, max_source_pixels):
    """:func:`read_onto_grid` by GDAL's warper: the raster's pixels under ``grid`` plus a margin for the
    kernel, read at full resolution and resampled (strips of at most ``max_source_pixels``)."""
    from rasterio.enums import Resampling
    from rasterio.warp import reproject, transform_bounds

    background = fill if nodata is None else nodata
    path = dataset.name
    same_crs = dataset.crs == grid.crs
    # Resampling: read the source pixels under the grid plus a kernel margin, at full resolution.
    bounds = grid.bounds if same_crs else transform_bounds(grid.crs, dataset.crs, *grid.bounds,
                                                           densify_pts=21)
    source_res = (abs(dataset.transform.a), abs(dataset.transform.e))
    target_res = ((bounds[2] - bounds[0]) / grid.width, (bounds[3] - bounds[1]) / grid.height)
    ratio = max(target_res[0] / source_res[0], target_res[1] / source_res[1], 1.0)
    margin = int(np.ceil(2 * ratio)) + 2
    inverse = ~dataset.transform
    cols, rows = zip(*(inverse * (x, y) for x in bounds[0::2] for y in bounds[1::2]))
    c0 = max(int(np.floor(min(cols))) - margin, 0)
    r0 = max(int(np.floor(min(rows))) - margin, 0)
    c1 = min(int(np.ceil(max(cols))) + margin, dataset.width)
    r1 = min(int(np.ceil(max(rows))) + margin, dataset.height)
    if c1 <= c0 or r1 <= r0:
        return _background(dataset, grid, band, background, convert)
    if (c1 - c0) * (r1 - r0) > max_source_pixels and grid.height > 1:
        strip = max(1, grid.height * max_source_pixels // ((c1 - c0) * (r1 - r0)))
        out = None
        for top in range(0, grid.height, strip):
            part = _warp_onto_grid(dataset, grid.window_grid(Window(0, top, grid.width, min(strip, grid.height - top))),
                                   band, resampling, nodata, fill, convert, max_source_pixels)
            out = np.empty(grid.shape, part.dtype) if out is None else out
            out[top:top + part.shape[0]] = part
        return out
    window = Window(c0, r0, c1 - c0, r1 - r0)
    with gdal_errors_raised(path):
        values = convert(dataset.read(band, window=window))
    out = np.full(grid.shape, background, dtype=values.dtype)
    reproject(values, out, src_transform=dataset.window_transform(window), src_crs=dataset.crs,
              src_nodata=nodata, dst_transform=grid.transform, dst_crs=grid.crs, dst_nodata=nodata,
              resampling=getattr(Resampling, resampling), init_dest_nodata=False,
              XSCALE=source_res[0] / target_res[0], YSCALE=source_res[1] / target_res[1])
    return out
