"""Snow maps of a whole archive on a Dask cluster (``snowarchive``; ``python3 -m neve archive``).

One task per product (optional cloud refinement, then the snow map), one season task per tile once its
maps are finished, run by `Dask distributed <https://distributed.dask.org>`_: a ``LocalCluster`` of
worker processes on a laptop, or any running scheduler (``tcp://host:8786``: PBS or Slurm through
dask-jobqueue, Kubernetes, workers started by hand). Each task runs an algorithm through its
declaration (``spec_of("snowmap").run(values, feedback)``), so the files are those of
``python3 -m neve snowmap`` run on each product, byte for byte.

Layout of the output folder::

    DIR/manifest.json                                   one entry per product and per season
    DIR/T31TCH/20210615_S2A_SNW.tif                     the snow map (and the optional outputs:
    DIR/T31TCH/20210615_S2A_CLM.tif, ..._CLASSES.tif      refined cloud mask and classes with REFINE,
    DIR/T31TCH/20210615_S2A_BITS.tif, ...                 _BITS, _NDSI, _FSC, _SNW.gpkg, _report.html)
    DIR/T31TCH/season_20200901_20210831/SCD.tif, ...    the season of the tile (SCD, SOD, SMOD, NOBS, NSP,
                                                        season.html)

Resumable and fault-tolerant:

- a product whose manifest entry is ``done`` with the same settings, and whose output files are still
  those of the manifest (size and modification time, else SHA-256), is ``skipped``; so is a season whose
  maps and outputs have not changed;
- a task that raises is retried (``retries`` times) on any worker, then recorded ``failed`` with its
  message and code while the others go on; a task whose worker dies is rerun elsewhere by the scheduler;
- every file is written to a temporary file renamed when complete (``io.raster.output_file``), the
  manifest too, so nothing is ever half-written; temporary files of killed workers are removed;
- the manifest is written as results arrive (at most every :data:`MANIFEST_EVERY` seconds) and at the
  end, also on cancel or error: a run stopped at any point leaves what it finished recorded.

Workers need the QGIS-free package (``pip install .[archive]`` on a cluster; a local cluster's worker
processes get this process's ``sys.path``) and see the products and the output folder under the same
paths (a shared file system on a cluster). Each worker process runs one task at a time on one core
(``cluster.one_core``): GDAL's caches and locks are per process.

Dask is imported only when a run starts: the plugin and the command line load without it
(:func:`missing_packages`).
"""
import datetime
import hashlib
import json
import os
import re
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from ..errors import Cancelled, NeveError, as_neve_error
from ..i18n import QT_TR_NOOP, tr
from . import packages
from .algorithms import snowarchive as declaration
from .cluster import connect, one_core, peak_mb, worker_identity
from .feedback import RecordingFeedback, as_feedback
from .spec import not_a_result, results_of

#: Python packages (import names) an archive run needs besides Névé's own, and what to install.
REQUIRED_PACKAGES = tuple(name for name, _install in declaration.REQUIRES)
PIP_REQUIREMENT = "dask[distributed]"

MANIFEST_NAME = "manifest.json"
#: The snow statistics of the run's maps (with ZONES): snowstats parameter -> file in ``statistics/``.
STATISTICS_FOLDER = "statistics"
STATISTICS_OUTPUTS = {"OUTPUT_TABLE": "snow_statistics.gpkg", "OUTPUT_ZONES": "zones.gpkg",
                      "OUTPUT_HTML": "snow_statistics.html"}
MANIFEST_FORMAT = "neve-archive-manifest"
MANIFEST_VERSION = 1
#: Seconds between two writes of the manifest while results arrive (and always at the end); at least
#: 20 times the last write's duration, so that a manifest of tens of thousands of products (some MB)
#: takes no more than 5 % of the client's time.
MANIFEST_EVERY = 5.0
#: Times a failed task is tried again before it is recorded as failed.
DEFAULT_RETRIES = 2
DONE, SKIPPED, FAILED = "done", "skipped", "failed"

#: The refine choices: no refinement, or a preset of neve:refinecloudmask (its option keys).
REFINE_KEYS = declaration.REFINE_KEYS
#: Optional outputs of each product: key -> (snowmap parameter, file name suffix).
EXTRA_OUTPUTS = {  # the options of EXTRA_OUTPUTS, in the declaration's order
    "bits": ("OUTPUT_BITS", "_BITS.tif"),
    "ndsi": ("OUTPUT_NDSI", "_NDSI.tif"),
    "fsc": ("OUTPUT_FSC", "_FSC.tif"),
    "polygons": ("OUTPUT_VECTOR", "_SNW.gpkg"),
    "report": ("OUTPUT_HTML_FILE", "_report.html"),
}
#: Season outputs: snowseason parameter -> file name in the season folder.
SEASON_OUTPUTS = {"OUTPUT_SCD": "SCD.tif", "OUTPUT_SOD": "SOD.tif", "OUTPUT_SMOD": "SMOD.tif",
                  "OUTPUT_NOBS": "NOBS.tif", "OUTPUT_NSP": "NSP.tif", "OUTPUT_REPORT": "season.html"}

# Product names, for the archives found in folders: Theia/MUSCATE L2A (Sentinel-2 and Landsat) and ESA Sen2Cor
# L2A zips, USGS Landsat Collection 2 Level-2 tars.
_PRODUCT_ZIP = re.compile(r"^((SENTINEL2[A-Z]|LANDSAT\d-[A-Z0-9]+-XS)_\d{8}-\d{6}-\d{3}_L2A_.*|S2[A-Z]_MSIL2A_.*)\.zip$"
                          r"|^L[CO]0\d_L2S[PR]_.*\.tar$", re.IGNORECASE)
# A USGS product's metadata, in an unpacked product folder.
_USGS_METADATA = re.compile(r"^L[CO]0\d_L2S[PR]_.*_MTL\.(xml|txt)$", re.IGNORECASE)


def missing_packages():
    """The packages of :data:`REQUIRED_PACKAGES` that cannot be imported here."""
    return packages.missing_packages(REQUIRED_PACKAGES)


def require_dask():
    missing = missing_packages()
    if missing:
        raise NeveError("dask_missing", QT_TR_NOOP(
            "Archive runs need the Python packages {packages}: install them with "
            "python3 -m pip install \"{requirement}\"."), packages=", ".join(missing), requirement=PIP_REQUIREMENT)


# --------------------------------------------------------------------------------------------------
# Inputs, parameters, result
# --------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ArchiveInputs:
    """Where the products are (``input_folder`` and ``products``: zips, product folders, metadata files,
    or folders holding them, searched recursively) and the DEM (one raster covering every product,
    cut to each product's grid by the snow map); ``zones``: polygons for the snow statistics of the run's
    maps (neve:snowstats), or None."""

    input_folder: str = None
    products: tuple = ()
    dem: str = None
    zones: str = None


@dataclass(frozen=True)
class ArchiveParams:
    """How to run: ``scheduler`` (address of a running Dask scheduler; empty: a local cluster of
    ``workers`` processes, 0 = one per core), ``refine`` (:data:`REFINE_KEYS`), the season
    ``date_start`` .. ``date_stop`` (both or neither), ``retries``, ``extra_outputs`` (keys of
    :data:`EXTRA_OUTPUTS`), ``zone_field`` (the field naming the zones of the statistics)."""

    scheduler: str = ""
    workers: int = 0
    refine: str = "none"
    date_start: datetime.date = None
    date_stop: datetime.date = None
    retries: int = DEFAULT_RETRIES
    extra_outputs: tuple = ()
    zone_field: str = None


@dataclass(frozen=True)
class ArchiveOutputs:
    output_folder: str = None


@dataclass(frozen=True)
class ArchiveResult:
    """Counts of the run, the manifest written, the entries of this run's products and seasons."""

    outputs: ArchiveOutputs = field(metadata=not_a_result())
    manifest: str = None
    products_done: int = 0
    products_skipped: int = 0
    products_failed: int = 0
    seasons_done: int = 0
    seasons_failed: int = 0
    statistics: str = None
    entries: tuple = field(default=(), metadata=not_a_result())
    seasons: tuple = field(default=(), metadata=not_a_result())


def run(values, feedback=None):
    """The ``snowarchive`` algorithm on ``values`` (see ``pipeline/spec.py``)."""
    from .spec import from_values

    products = tuple(values.get("PRODUCTS") or ())
    inputs = ArchiveInputs(input_folder=values.get("INPUT_FOLDER") or None, products=products,
                           dem=values.get("DEM") or None, zones=values.get("ZONES") or None)
    extra = tuple(values.get("EXTRA_OUTPUTS") or ())
    params = from_values(ArchiveParams, values, extra_outputs=extra, scheduler=(values.get("SCHEDULER") or "").strip(),
                         zone_field=values.get("ZONE_FIELD") or None)
    result = archive(inputs, params, ArchiveOutputs(output_folder=values.get("OUTPUT_FOLDER")), feedback)
    return results_of(result.outputs, result)


# --------------------------------------------------------------------------------------------------
# Finding and naming products
# --------------------------------------------------------------------------------------------------

def is_product_folder(path):
    """Whether ``path`` is an unzipped Theia product (``*_MTD_ALL.xml``), Sen2Cor SAFE (``MTD_MSIL2A.xml``)
    or USGS Landsat Level-2 product (``*_MTL.xml``)."""
    try:
        names = os.listdir(path)
    except OSError:
        return False
    return "MTD_MSIL2A.xml" in names or any(name.upper().endswith("_MTD_ALL.XML") or _USGS_METADATA.match(name)
                                           for name in names)


def find_products(paths):
    """The products under ``paths`` (absolute paths, sorted, each once): a zip or metadata file given is
    taken as it is; a folder is a product, or is searched recursively for product folders and for zips
    named like Theia or Sen2Cor products. A path that does not exist is an error."""
    found = []
    for path in paths:
        path = os.path.abspath(os.fspath(path))
        if not os.path.exists(path):
            raise NeveError("no_such_path", QT_TR_NOOP("{path} does not exist."), path=path)
        if os.path.isfile(path) or is_product_folder(path):
            found.append(path)
            continue
        for folder, subfolders, files in os.walk(path):
            subfolders.sort()
            keep = []
            for name in subfolders:
                candidate = os.path.join(folder, name)
                (found if is_product_folder(candidate) else keep).append(candidate)
            subfolders[:] = [os.path.basename(p) for p in keep]
            found.extend(os.path.join(folder, name) for name in sorted(files) if _PRODUCT_ZIP.match(name))
    unique = []
    for path in sorted(set(found)):
        unique.append(path)
    return unique


def short_platform(platform):
    """"Sentinel-2A" -> "S2A"; other names with only letters, digits and dashes kept."""
    match = re.fullmatch(r"Sentinel-2([A-Z])", platform or "")
    if match:
        return "S2" + match.group(1)
    return re.sub(r"[^A-Za-z0-9-]", "", platform or "") or "S2"


@dataclass(frozen=True)
class Identity:
    """What names a product's outputs: its tile, acquisition date and platform."""

    path: str
    name: str
    tile: str
    acquisition: datetime.date
    platform: str

    @property
    def stem(self):
        return "{:%Y%m%d}_{}".format(self.acquisition, short_platform(self.platform))


def identify(path):
    """The :class:`Identity` of the product at ``path`` (its metadata only; no band is read)."""
    from ..io.readers import open_product

    with open_product(path) as product:
        if product.acquisition is None:
            raise NeveError("no_acquisition_date", QT_TR_NOOP(
                "{product} has no acquisition date: its outputs cannot be named."), product=product.name)
        # a USGS Landsat product has a WRS-2 path and row instead of a tile (its maps make their own season)
        tile = re.sub(r"[^A-Za-z0-9]", "", product.tile or product.path_row or "") or "TUNKNOWN"
        return Identity(path=path, name=product.name, tile=tile, acquisition=product.acquisition.date(),
                        platform=product.platform or "")


# --------------------------------------------------------------------------------------------------
# Files: fingerprints and the manifest
# --------------------------------------------------------------------------------------------------

def file_record(path, root):
    """``{"path": relative to root, "bytes", "mtime_ns", "sha256"}`` of an output file."""
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    stat = os.stat(path)
    return {"path": os.path.relpath(path, root), "bytes": stat.st_size, "mtime_ns": stat.st_mtime_ns,
            "sha256": digest.hexdigest()}


def _sha256(path):
    """SHA-256 of the file at ``path`` (a shapefile: its .shp)."""
    return file_record(path, os.path.dirname(os.path.abspath(path)))["sha256"]


def file_unchanged(record, root):
    """Whether the file of ``record`` is still the one recorded: same size, and same modification time or
    else the same SHA-256."""
    path = os.path.join(root, record["path"])
    try:
        stat = os.stat(path)
    except OSError:
        return False
    if stat.st_size != record.get("bytes"):
        return False
    if stat.st_mtime_ns == record.get("mtime_ns"):
        return True
    return file_record(path, root)["sha256"] == record.get("sha256")


def outputs_unchanged(entry, root):
    outputs = entry.get("outputs") or {}
    return bool(outputs) and all(file_unchanged(record, root) for record in outputs.values())


class Manifest:
    """``DIR/manifest.json``: the entries of the products (by product path) and of the seasons (by tile
    and period), kept across runs, written atomically (a temporary file renamed)."""

    def __init__(self, folder):
        self.folder = folder
        self.path = os.path.join(folder, MANIFEST_NAME)
        self.products, self.seasons = {}, {}
        self.statistics = None          # the entry of the snow statistics of the run's maps
        self.created = None
        self._written, self._duration = 0.0, 0.0
        if os.path.exists(self.path):
            try:
                with open(self.path, encoding="utf-8") as f:
                    data = json.load(f)
            except (OSError, ValueError) as error:
                raise NeveError("bad_manifest", QT_TR_NOOP(
                    "{path} is not a manifest of a Névé archive run ({error}): move it away or choose "
                    "another output folder."), path=self.path, error=str(error)) from None
            if not isinstance(data, dict) or data.get("format") != MANIFEST_FORMAT:
                raise NeveError("bad_manifest", QT_TR_NOOP(
                    "{path} is not a manifest of a Névé archive run ({error}): move it away or choose "
                    "another output folder."), path=self.path, error=tr("unknown format"))
            self.created = data.get("created")
            self.products = {e["product"]: e for e in data.get("products", []) if "product" in e}
            self.seasons = {season_key(e["tile"], e["start"], e["stop"]): e for e in data.get("seasons", [])
                            if "tile" in e}
            self.statistics = data.get("statistics")

    def write(self, settings, force=True):
        """Write the manifest now (``force``) or when :data:`MANIFEST_EVERY` seconds have passed since the
        last write."""
        from ..io.raster import output_file

        now = time.monotonic()
        if not force and now - self._written < max(MANIFEST_EVERY, 20 * self._duration):
            return
        stamp = _now()
        document = {
            "format": MANIFEST_FORMAT, "version": MANIFEST_VERSION, "created": self.created or stamp,
            "updated": stamp, "settings": settings,
            "products": sorted(self.products.values(), key=lambda e: (e.get("tile") or "", e.get("acquisition") or "",
                                                                     e["product"])),
            "seasons": sorted(self.seasons.values(), key=lambda e: (e["tile"], e["start"], e["stop"])),
        }
        if self.statistics is not None:
            document["statistics"] = self.statistics
        self.created = document["created"]
        with output_file(self.path) as temporary:
            with open(temporary, "w", encoding="utf-8") as f:
                json.dump(document, f, indent=1, ensure_ascii=False, default=str)
                f.write("\n")
        self._written = now
        self._duration = time.monotonic() - now


def season_key(tile, start, stop):
    return "{}/{}/{}".format(tile, start, stop)


def _now():
    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


# --------------------------------------------------------------------------------------------------
# The tasks (run in the worker processes)
# --------------------------------------------------------------------------------------------------

def _run_algorithm(name, given, feedback):
    from .algorithms import spec_of
    from .spec import check_ranges, complete_values

    spec = spec_of(name)
    values = complete_values(spec, given)
    check_ranges(spec, values)
    return spec.run(values, feedback)


def _detached(task):
    """``task`` raising its NeveErrors without their cause and context (a GDAL or rasterio error that may
    not travel back to the client: the scheduler would then send only its text, and the manifest would
    lose the error's code)."""
    import functools

    @functools.wraps(task)
    def run_task(job):
        failure = None
        try:
            return task(job)
        except NeveError as error:
            rebuild, args = error.__reduce__()
            failure = rebuild(*args)
        raise failure

    return run_task


@_detached
def map_product(job):
    """Task: refine the cloud mask (with a preset) and map the snow of one product. ``job`` is the plain
    dict made by :func:`product_job`; returns the manifest entry's measured part. Raises on failure (the
    scheduler then retries it)."""
    start, cpu = time.perf_counter(), time.process_time()
    one_core()
    root = job["root"]
    feedback = RecordingFeedback()
    given = {"INPUT_PRODUCT": job["product"], "DEM": job["dem"]}
    if job["refine"] != "none":
        _run_algorithm("refinecloudmask", {
            "INPUT_PRODUCT": job["product"], "PRESET": job["refine"], "OUTPUT": job["outputs"]["CLOUD_MASK"],
            "OUTPUT_CLASSES": job["outputs"]["CLOUD_CLASSES"]}, feedback)
        given.update(CLOUD_MASK=job["outputs"]["CLOUD_MASK"], CLOUD_MASK_TYPE="clm")
    for name, path in job["outputs"].items():
        if name.startswith("OUTPUT"):
            given[name] = path
    results = _run_algorithm("snowmap", given, feedback)
    outputs = {name: file_record(path, root) for name, path in job["outputs"].items()}
    return dict(worker_identity(), seconds=round(time.perf_counter() - start, 3),
                cpu_seconds=round(time.process_time() - cpu, 3), worker_peak_mb=peak_mb(),
                snow_percent=_number(results.get("SNOW_PERCENT")), cloud_percent=_number(results.get("CLOUD_PERCENT")),
                snowline_elevation=_number(results.get("SNOWLINE_ELEVATION")), warnings=list(feedback.warnings),
                outputs=outputs, finished=_now())


@_detached
def season_of_tile(job):
    """Task: the snow season of one tile from its maps (neve:snowseason)."""
    start, cpu = time.perf_counter(), time.process_time()
    one_core()
    root = job["root"]
    feedback = RecordingFeedback()
    given = {"INPUTS": list(job["maps"]), "DATE_START": job["start"], "DATE_STOP": job["stop"], "DEM": job["dem"]}
    given.update(job["outputs"])
    results = _run_algorithm("snowseason", given, feedback)
    outputs = {name: file_record(path, root) for name, path in job["outputs"].items() if os.path.exists(path)}
    return dict(worker_identity(), seconds=round(time.perf_counter() - start, 3),
                cpu_seconds=round(time.process_time() - cpu, 3), worker_peak_mb=peak_mb(),
                period_start=str(results.get("PERIOD_START") or ""), period_stop=str(results.get("PERIOD_STOP") or ""),
                maps_used=int(results.get("MAPS_USED") or 0), warnings=list(feedback.warnings), outputs=outputs,
                finished=_now())


def _number(value):
    if value is None:
        return None
    try:
        value = float(value)
    except (TypeError, ValueError):
        return None
    return round(value, 4) if value == value else None


# --------------------------------------------------------------------------------------------------
# The run
# --------------------------------------------------------------------------------------------------

def check_params(inputs, params, outputs):
    if not outputs.output_folder:
        raise NeveError("no_output_folder", QT_TR_NOOP("No output folder was given."))
    if params.refine not in REFINE_KEYS:
        raise NeveError("bad_option", QT_TR_NOOP("{value} is not a refinement preset ({choices})."),
                        value=params.refine, choices=", ".join(REFINE_KEYS))
    unknown = sorted(set(params.extra_outputs) - set(EXTRA_OUTPUTS))
    if unknown:
        raise NeveError("bad_option", QT_TR_NOOP("{value} is not an optional output ({choices})."),
                        value=", ".join(unknown), choices=", ".join(EXTRA_OUTPUTS))
    if (params.date_start is None) != (params.date_stop is None):
        raise NeveError("season_dates", QT_TR_NOOP(
            "The season needs both its first and its last day (or neither, for no season)."))
    if params.date_start is not None and params.date_stop < params.date_start:
        raise NeveError("season_dates", QT_TR_NOOP("The season ends ({stop}) before it starts ({start})."),
                        start=params.date_start.isoformat(), stop=params.date_stop.isoformat())
    if params.retries < 0:
        raise NeveError("bad_retries", QT_TR_NOOP("The number of retries cannot be negative."))
    if not inputs.input_folder and not inputs.products:
        raise NeveError("no_products", QT_TR_NOOP("Give a folder of products, or products."))
    if inputs.dem and not os.path.exists(inputs.dem) and not inputs.dem.startswith("/vsi"):
        raise NeveError("no_such_path", QT_TR_NOOP("{path} does not exist."), path=inputs.dem)
    zones = (inputs.zones or "").split("|")[0]
    if zones and not os.path.exists(zones) and not zones.startswith("/vsi"):
        raise NeveError("no_such_path", QT_TR_NOOP("{path} does not exist."), path=inputs.zones)


def settings_of(inputs, params):
    """What makes a product's outputs what they are (a change redoes them)."""
    return {"dem": os.path.abspath(inputs.dem) if inputs.dem and not inputs.dem.startswith("/vsi") else inputs.dem,
            "refine": params.refine, "extra_outputs": sorted(params.extra_outputs)}


def product_job(identity, root, inputs, params):
    folder = os.path.join(root, identity.tile)
    stem = os.path.join(folder, identity.stem)
    outputs = {"OUTPUT": stem + "_SNW.tif"}
    if params.refine != "none":
        outputs.update(CLOUD_MASK=stem + "_CLM.tif", CLOUD_CLASSES=stem + "_CLASSES.tif")
    for key in params.extra_outputs:
        name, suffix = EXTRA_OUTPUTS[key]
        outputs[name] = stem + suffix
    return {"product": identity.path, "root": root, "dem": settings_of(inputs, params)["dem"],
            "refine": params.refine, "outputs": outputs}


def season_folder(root, tile, start, stop):
    return os.path.join(root, tile, "season_{:%Y%m%d}_{:%Y%m%d}".format(start, stop))


def _error_entry(error, retries, future=None):
    """The manifest fields of a task that failed with ``error``."""
    if isinstance(error, NeveError):
        code, message = error.code, error.message()
    elif type(error).__name__ == "KilledWorker":
        code, message = "worker_lost", tr(
            "The workers running this task stopped each time (out of memory?): {error}").format(error=error)
    elif isinstance(error, (OSError, MemoryError)):
        converted = as_neve_error(error)
        code, message = converted.code, converted.message()
    else:
        code, message = "error", "{}: {}".format(type(error).__name__, error)
    entry = {"status": FAILED, "error": message, "error_code": code, "attempts": retries + 1, "finished": _now()}
    if future is not None and not isinstance(error, NeveError):
        import traceback

        try:
            entry["traceback"] = "".join(traceback.format_tb(future.traceback()))[-4000:]
        except Exception:  # noqa: BLE001 (a traceback that did not travel)
            pass
    return entry


class _Run:
    """One archive run: the manifest, the jobs, the futures, the counts."""

    def __init__(self, inputs, params, outputs, feedback):
        self.inputs, self.params, self.feedback = inputs, params, feedback
        self.root = os.path.abspath(outputs.output_folder)
        os.makedirs(self.root, exist_ok=True)
        self.manifest = Manifest(self.root)
        self.settings = settings_of(inputs, params)
        self.season = (params.date_start, params.date_stop) if params.date_start else None
        self.entries = {}           # product path -> this run's entry
        self.season_entries = {}    # season key -> this run's entry
        self.tiles = {}             # tile -> set of product paths of this run still running
        self.total = 0
        self.finished = 0

    # -- bookkeeping ---------------------------------------------------------------------------------
    def record(self, path, entry):
        self.entries[path] = entry
        self.manifest.products[path] = entry
        self.finished += 1
        self.feedback.progress(100.0 * self.finished / max(1, self.total))

    def record_season(self, key, entry):
        self.season_entries[key] = entry
        self.manifest.seasons[key] = entry
        self.finished += 1
        self.feedback.progress(100.0 * self.finished / max(1, self.total))

    def write_manifest(self, force=True):
        self.manifest.write(dict(self.settings, season=[d.isoformat() for d in self.season] if self.season else None),
                            force=force)

    def reusable(self, entry):
        return (entry is not None and entry.get("status") in (DONE, SKIPPED) and entry.get("settings") == self.settings
                and outputs_unchanged(entry, self.root))

    # -- the run -------------------------------------------------------------------------------------
    def run(self):
        feedback = self.feedback
        paths = find_products(([self.inputs.input_folder] if self.inputs.input_folder else [])
                              + list(self.inputs.products))
        if not paths:
            raise NeveError("no_products_found", QT_TR_NOOP(
                "No Sentinel-2 L2A product was found (zips named like Theia or Sen2Cor products, product "
                "folders, metadata files)."))
        to_map = []
        for path in paths:
            previous = self.manifest.products.get(path)
            if self.reusable(previous):
                self.entries[path] = dict(previous, status=SKIPPED)
            else:
                to_map.append(path)
        tiles_of_run = {e["tile"] for e in self.entries.values()}
        identities = self.identify(to_map)
        jobs = {}
        by_stem = {}
        for path in to_map:
            identity = identities[path]
            if isinstance(identity, Exception):
                self.entries[path] = dict(product=path, settings=self.settings, **_error_entry(identity, 0))
                self.entries[path]["attempts"] = 1
                continue
            key = (identity.tile, identity.stem)
            other = by_stem.get(key) or next((p for p, e in self.entries.items() if e.get("status") == SKIPPED
                                              and (e.get("tile"), e.get("stem")) == key), None)
            if other is not None:
                self.entries[path] = dict(self.identity_fields(identity), status=FAILED, attempts=1, finished=_now(),
                                          error_code="duplicate_acquisition", error=tr(
                    "{product} is the same acquisition (tile, day, satellite) as {other}: it is not mapped "
                    "twice.").format(product=identity.name, other=os.path.basename(other)))
                continue
            by_stem[key] = path
            jobs[path] = (identity, product_job(identity, self.root, self.inputs, self.params))
            tiles_of_run.add(identity.tile)
        self.total = len(paths) + (len(tiles_of_run) if self.season else 0)
        for path, entry in self.entries.items():
            self.manifest.products[path] = entry
        self.finished = len(self.entries)
        skipped = sum(1 for e in self.entries.values() if e["status"] == SKIPPED)
        feedback.info(tr("{total} products: {todo} to map, {skipped} already done.").format(
            total=len(paths), todo=len(jobs), skipped=skipped))
        for entry in self.entries.values():
            if entry["status"] == FAILED:
                feedback.warning(tr("{product}: failed: {error}").format(
                    product=os.path.basename(entry["product"]), error=entry["error"]))
        pending_seasons = sorted(tiles_of_run) if self.season else []
        if not jobs and not any(self.season_needed(tile) for tile in pending_seasons):
            for tile in pending_seasons:
                self.skip_season(tile)
            self.write_manifest()
            self.run_statistics()
            return
        require_dask()
        try:
            with connect(self.params.scheduler, self.params.workers, feedback) as client:
                self.run_on(client, jobs, pending_seasons)
        finally:  # after the local cluster stopped: its killed workers' temporary files
            self.remove_partial_files()
        self.run_statistics()

    def identify(self, paths):
        """Identity (or the exception) of each product, read with a few threads (metadata only)."""
        def attempt(path):
            try:
                return identify(path)
            except Exception as error:  # noqa: BLE001 (recorded as the product's failure)
                return error

        with ThreadPoolExecutor(max_workers=4) as pool:
            return dict(zip(paths, pool.map(attempt, paths)))

    def identity_fields(self, identity):
        return {"product": identity.path, "name": identity.name, "tile": identity.tile,
                "acquisition": identity.acquisition.isoformat(), "platform": identity.platform,
                "stem": identity.stem, "settings": self.settings}

    def run_on(self, client, jobs, season_tiles):
        from distributed import as_completed

        feedback = self.feedback
        retries = int(self.params.retries)
        futures = {}
        for path, (identity, job) in jobs.items():
            self.tiles.setdefault(identity.tile, set()).add(path)
            future = client.submit(map_product, job, key="snowmap-{}-{}-{}".format(
                identity.tile, identity.stem, uuid.uuid4().hex[:8]), retries=retries, pure=False)
            futures[future] = ("product", path, identity)
        completed = as_completed(list(futures), with_results=False)
        for tile in season_tiles:       # tiles whose maps are all done already
            if not self.tiles.get(tile):
                self.submit_season(client, tile, futures, completed)
        try:
            while not completed.is_empty():
                if feedback.is_cancelled():
                    client.cancel(list(futures))
                    raise ArchiveCancelled(self.manifest.path)
                batch = completed.next_batch(block=False)
                if not batch:
                    time.sleep(0.1)
                    continue
                for future in batch:
                    kind, key, identity = futures.pop(future)
                    if kind == "product":
                        self.product_finished(future, key, identity, retries)
                        waiting = self.tiles[identity.tile]
                        waiting.discard(key)
                        if not waiting and identity.tile in season_tiles:
                            self.submit_season(client, identity.tile, futures, completed)
                    else:
                        self.season_finished(future, key, identity, retries)
                    future.release()
                self.write_manifest(force=False)
        finally:
            self.write_manifest()

    def product_finished(self, future, path, identity, retries):
        fields = self.identity_fields(identity)
        if future.status == "finished":
            entry = dict(fields, status=DONE, **future.result())
            self.feedback.info(tr("{tile} {stem}: done in {seconds:.1f} s (snow {snow:.1f} %, cloud {cloud:.1f} %).").format(
                tile=identity.tile, stem=identity.stem, seconds=entry["seconds"], snow=entry["snow_percent"] or 0.0,
                cloud=entry["cloud_percent"] or 0.0))
        else:
            entry = dict(fields, **_error_entry(future.exception(), retries, future))
            self.feedback.warning(tr("{product}: failed: {error}").format(product=identity.name, error=entry["error"]))
        self.record(path, entry)

    # -- seasons ---------------------------------------------------------------------------------------
    def tile_maps(self, tile):
        """(map paths, their SHA-256) of the tile's products mapped with these settings, by date."""
        entries = [e for e in self.manifest.products.values() if e.get("tile") == tile
                   and e.get("status") in (DONE, SKIPPED) and e.get("settings") == self.settings]
        entries.sort(key=lambda e: (e.get("acquisition") or "", e["product"]))
        maps = [os.path.join(self.root, e["outputs"]["OUTPUT"]["path"]) for e in entries]
        return maps, [e["outputs"]["OUTPUT"]["sha256"] for e in entries]

    def season_needed(self, tile):
        start, stop = self.season
        previous = self.manifest.seasons.get(season_key(tile, start.isoformat(), stop.isoformat()))
        maps, hashes = self.tile_maps(tile)
        return not (previous is not None and previous.get("status") in (DONE, SKIPPED)
                    and previous.get("map_sha256") == hashes and previous.get("dem") == self.settings["dem"]
                    and outputs_unchanged(previous, self.root))

    def skip_season(self, tile):
        start, stop = self.season
        key = season_key(tile, start.isoformat(), stop.isoformat())
        self.record_season(key, dict(self.manifest.seasons[key], status=SKIPPED))

    def submit_season(self, client, tile, futures, completed):
        start, stop = self.season
        key = season_key(tile, start.isoformat(), stop.isoformat())
        if not self.season_needed(tile):
            self.skip_season(tile)
            return
        maps, hashes = self.tile_maps(tile)
        folder = season_folder(self.root, tile, start, stop)
        base = {"tile": tile, "start": start.isoformat(), "stop": stop.isoformat(), "maps": [
            os.path.relpath(p, self.root) for p in maps], "map_sha256": hashes, "dem": self.settings["dem"],
            "folder": os.path.relpath(folder, self.root)}
        if not maps:
            self.record_season(key, dict(base, status=FAILED, error_code="no_maps", attempts=0, finished=_now(),
                                         error=tr("No snow map of this tile was made.")))
            return
        job = {"root": self.root, "maps": maps, "start": start, "stop": stop, "dem": self.settings["dem"],
               "outputs": {name: os.path.join(folder, file) for name, file in SEASON_OUTPUTS.items()}}
        future = client.submit(season_of_tile, job, key="snowseason-{}-{}".format(tile, uuid.uuid4().hex[:8]),
                               retries=int(self.params.retries), pure=False)
        futures[future] = ("season", key, base)
        completed.add(future)

    def season_finished(self, future, key, base, retries):
        if future.status == "finished":
            entry = dict(base, status=DONE, **future.result())
            self.feedback.info(tr("{tile}: season {start} to {stop} done from {maps} maps.").format(
                tile=base["tile"], start=base["start"], stop=base["stop"], maps=len(base["maps"])))
        else:
            entry = dict(base, **_error_entry(future.exception(), retries, future))
            self.feedback.warning(tr("{tile}: the season failed: {error}").format(tile=base["tile"], error=entry["error"]))
        self.record_season(key, entry)

    # -- statistics --------------------------------------------------------------------------------------
    def statistics_maps(self):
        """(map paths, their SHA-256) of every product mapped with these settings (of the season when one
        is given), by date."""
        entries = [e for e in self.manifest.products.values() if e.get("status") in (DONE, SKIPPED)
                   and e.get("settings") == self.settings and (e.get("outputs") or {}).get("OUTPUT")]
        if self.season:
            start, stop = (d.isoformat() for d in self.season)
            entries = [e for e in entries if start <= (e.get("acquisition") or "")[:10] <= stop]
        entries.sort(key=lambda e: (e.get("acquisition") or "", e["product"]))
        return ([os.path.join(self.root, e["outputs"]["OUTPUT"]["path"]) for e in entries],
                [e["outputs"]["OUTPUT"]["sha256"] for e in entries])

    def run_statistics(self):
        """The snow statistics of the run's maps over the zones (neve:snowstats in this process, once the
        maps are made), into ``statistics/``; skipped when the maps, the zones and the settings have not
        changed since the manifest's statistics."""
        if not self.inputs.zones:
            return
        zones_path = self.inputs.zones.split("|")[0]
        maps, hashes = self.statistics_maps()
        folder = os.path.join(self.root, STATISTICS_FOLDER)
        outputs = {name: os.path.join(folder, file) for name, file in STATISTICS_OUTPUTS.items()}
        base = {"maps": [os.path.relpath(p, self.root) for p in maps], "map_sha256": hashes,
                "zones": self.inputs.zones, "zones_sha256": _sha256(zones_path) if os.path.exists(zones_path) else None,
                "zone_field": self.params.zone_field, "dem": self.settings["dem"],
                "season": [d.isoformat() for d in self.season] if self.season else None}
        previous = self.manifest.statistics
        unchanged = previous is not None and previous.get("status") in (DONE, SKIPPED) and \
            all(previous.get(key) == value for key, value in base.items())
        if unchanged and outputs_unchanged(previous, self.root):
            self.manifest.statistics = dict(previous, status=SKIPPED)
            self.write_manifest()
            return
        if not maps:
            self.manifest.statistics = dict(base, status=FAILED, error_code="no_maps", finished=_now(),
                                            error=tr("No snow map was made for the statistics."))
            self.write_manifest()
            self.feedback.warning(self.manifest.statistics["error"])
            return
        start, cpu = time.perf_counter(), time.process_time()
        given = dict(outputs, INPUTS=maps, ZONES=self.inputs.zones, ZONE_FIELD=self.params.zone_field,
                     DEM=self.settings["dem"])
        try:
            from .feedback import Steps

            # its log and warnings go to the run's; its progress does not move the run's
            results = _run_algorithm("snowstats", given, Steps(self.feedback, 100, 0))
        except NeveError as error:
            self.manifest.statistics = dict(base, **_error_entry(error, 0))
            self.write_manifest()
            self.feedback.warning(tr("The statistics failed: {error}").format(error=self.manifest.statistics["error"]))
            return
        self.manifest.statistics = dict(
            base, status=DONE, seconds=round(time.perf_counter() - start, 3),
            cpu_seconds=round(time.process_time() - cpu, 3), maps_used=int(results.get("MAPS_USED") or 0),
            dates_used=int(results.get("DATES_USED") or 0), zones_count=int(results.get("ZONES_COUNT") or 0),
            outputs={name: file_record(path, self.root) for name, path in outputs.items()}, finished=_now())
        self.write_manifest()
        self.feedback.info(tr("Statistics of {maps} maps over {zones} zones: {path}").format(
            maps=len(maps), zones=self.manifest.statistics["zones_count"], path=outputs["OUTPUT_TABLE"]))

    def remove_partial_files(self):
        """Temporary files that workers of this machine killed in the middle of a task left behind."""
        from ..io.raster import remove_stale

        for tile in set(self.tiles) | {e.get("tile") for e in self.entries.values() if e.get("tile")}:
            folder = os.path.join(self.root, tile)
            remove_stale(folder)
            if self.season:
                remove_stale(season_folder(self.root, tile, *self.season))


class ArchiveCancelled(Cancelled):
    """The user cancelled an archive run: the tasks not finished were cancelled, the manifest records those
    that were."""

    def __init__(self, manifest):
        NeveError.__init__(self, "cancelled", QT_TR_NOOP(
            "Cancelled: the products finished before are recorded in {manifest}; run again to go on."),
            manifest=manifest)


def archive(inputs, params=ArchiveParams(), outputs=ArchiveOutputs(), feedback=None):
    """Map the snow of every product of ``inputs`` (and the season of each tile) into
    ``outputs.output_folder``; an :class:`ArchiveResult`. Raises :class:`~..errors.NeveError` for bad
    inputs and :class:`~..errors.Cancelled` on cancel (the manifest then records what was finished)."""
    feedback = as_feedback(feedback)
    check_params(inputs, params, outputs)
    state = _Run(inputs, params, outputs, feedback)
    try:
        state.run()
    except KeyboardInterrupt:
        raise ArchiveCancelled(state.manifest.path) from None
    entries = tuple(state.entries[p] for p in sorted(state.entries))
    seasons = tuple(state.season_entries[k] for k in sorted(state.season_entries))
    counts = {status: sum(1 for e in entries if e["status"] == status) for status in (DONE, SKIPPED, FAILED)}
    feedback.info(tr("Products: {done} done, {skipped} skipped, {failed} failed. Manifest: {manifest}").format(
        done=counts[DONE], skipped=counts[SKIPPED], failed=counts[FAILED], manifest=state.manifest.path))
    feedback.progress(100)
    statistics = state.manifest.statistics if inputs.zones else None
    return ArchiveResult(
        statistics=os.path.join(state.root, STATISTICS_FOLDER, STATISTICS_OUTPUTS["OUTPUT_TABLE"])
        if statistics and statistics.get("status") in (DONE, SKIPPED) else None,
        outputs=ArchiveOutputs(output_folder=state.root), manifest=state.manifest.path, products_done=counts[DONE],
        products_skipped=counts[SKIPPED], products_failed=counts[FAILED],
        seasons_done=sum(1 for s in seasons if s["status"] in (DONE, SKIPPED)),
        seasons_failed=sum(1 for s in seasons if s["status"] == FAILED), entries=entries, seasons=seasons)


__all__ = ["ArchiveInputs", "ArchiveParams", "ArchiveOutputs", "ArchiveResult", "archive", "run", "find_products",
           "identify", "Manifest", "map_product", "season_of_tile", "connect", "missing_packages"]
