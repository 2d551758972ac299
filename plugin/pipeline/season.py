"""The synthesis of a season of snow maps (``snowseason``): snow days, onset and melt-out of a series of maps.

::

    from neve.plugin.pipeline.season import SeasonInputs, SeasonOutputs, SeasonParams, season_synthesis

    result = season_synthesis(SeasonInputs(inputs=("snow_20181006.tif", "snow_20181016.tif", ...)),
                              SeasonParams(date_start=datetime.date(2018, 10, 1)),
                              SeasonOutputs(output_scd="scd.tif", output_report="season.html"))
    print(result.period_start, result.period_stop, result.maps_used)

The Theia Snow collection's yearly syntheses (LIS, DOMAIN.md section 5, last part) for the user's own
maps, area and season. The method is :mod:`..core.season`; this module finds the maps and their dates,
reads them block by block and writes the outputs.

- **Maps** (``INPUTS``, raster files): neve:snowmap outputs, Theia Snow SNW maps, FSC maps; codes 0 no
  snow, 1..100 snow, 205 cloud and 254/255 no data (gaps). Pixels equal to a map's own no-data value are
  gaps too. A map of another kind is refused, named (:func:`check_map`): not whole numbers, several bands,
  or values that are no code in a sample of windows spread over it (a reflectance band, a photograph). A map is named by its file name without the extension
  (:func:`~.inputs.layer_name`, the name QGIS gives the layer of a file).
- **Dates**, for each map, the first found of: ``DATES`` (one per map, in order; an empty entry reads
  that map's date), the GeoTIFF metadata tag ``ACQUISITION_DATE`` (ISO 8601, written by neve:snowmap),
  a date in the file name (Theia ``SENTINEL2A_20180101-103512-456_L2B-SNOW_...``, ``YYYYMMDD``,
  ``YYYY-MM-DD``), in the name of the file's folder. The log says which.
- **Period**: ``DATE_START`` .. ``DATE_STOP`` (inclusive), default the hydrological year (1 September
  to 31 August) of the earliest map; maps up to ``DATE_MARGIN`` days outside are used, the others
  ignored (not even read).
- **Grid**: ``REFERENCE_GRID``'s, else the first map's that is not a Landsat map (Landsat and Sentinel-2
  maps together: the 20 m grid of Sentinel-2; Landsat maps alone: the first one's). A Landsat map is one
  that neve:snowmap tagged ``MISSION=landsat``, or whose name is that of a Landsat product
  (``LANDSAT8-OLITIRS-XS_...``, ``LC08_...``, ``LC09_...``). Maps on another grid of the same CRS are aligned
  to it with nearest neighbour: the log says so for a Landsat map (30 m brought to 20 m), a warning for
  any other map; another CRS is an error. With a target grid (``TARGET_GRID``,
  a raster of any CRS, or ``TARGET_CRS``, ``TARGET_PIXEL_SIZE``, ``TARGET_EXTENT``: :func:`target_grid`),
  maps of any tiles and CRSs make one mosaic: each is put on the target grid with nearest neighbour and
  same-day maps merged as below. Without one, nothing changes.
- **Strips**: whole rows across every map of the period (:func:`strip_layout`: the strip height keeps the
  arrays under :data:`MEMORY_BUDGET` whatever the number of maps, as a multiple of the maps' tile height
  when possible, so that each tile is decompressed once, or of the daily stack's tiles). Same-day maps
  are merged as they are read (:func:`..core.season.merge_into`), so a strip holds one map per date. The
  next strip is read while one is computed (in :data:`THREADS` parts) and the previous one written: two
  strips are in memory.
- **Outputs**: SCD, SOD, SMOD, NOBS, NSP (uint16, tiled, DEFLATE), the optional daily stack (uint8, one
  band per day named by its date, 1 snow, 0 no snow, 255 pixel never clear), an HTML report
  (``pipeline/season_report.py``: snow-covered area through the season, observed per date and
  interpolated per day; with a DEM, mean snow days per elevation band) and, for the modeler, the period
  used and the number of maps used. The rasters are written to temporary files renamed when all are
  complete; the report comes last.
"""
import contextlib
import datetime
import math
import os
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import numpy as np
from rasterio.windows import Window

from ..core import season
from ..core.defaults import SEASON_DEFAULTS
from ..errors import NeveError
from ..i18n import QT_TR_NOOP, tr
from ..io.raster import (GeoTiffWriter, Grid, RasterReadError, blocks, bounded_gdal_cache, gdal_errors_raised,
                         open_raster, read_onto_grid)
from . import mapdates
from .algorithms.snowseason import NSP_COUNTS, SEASON_OUTPUTS
from .algorithms.snowseason import spec as declaration
from .feedback import as_feedback, checkpoint
from .jobs import job
from .inputs import check_elevation_bands, layer_name
# the dates of the maps are read as neve:snowstats reads them (names kept here for the library's users)
from .mapdates import ACQUISITION_DATE_TAG, date_from_text, given_dates, parse_date_list  # noqa: F401
from .season_report import date_source_labels, season_report
from .spec import from_values, not_a_result, parse_date, results_of

#: The largest target grid accepted, in pixels (a wrong pixel size or extent would fill the disk).
MAX_TARGET_PIXELS = 2 ** 32
#: GeoTIFF metadata tag that neve:snowmap writes on the maps of Landsat products ("landsat").
MISSION_TAG = "MISSION"
#: A map named after a Landsat product: Theia LANDSAT8-OLITIRS-XS_..., USGS LC08_... and LC09_....
_LANDSAT_NAME = re.compile(r"(?:^|[^A-Za-z0-9])(?:LANDSAT\d|L[CO]0[89]_)", re.IGNORECASE)
#: Bytes of the arrays of the strips in memory (maps, outputs, daily stack): the strip height follows.
MEMORY_BUDGET = 512 * 2 ** 20
DAILY_TILE = 128            # largest tile of the daily stack: strips are a multiple of its tile
GAP = 255                   # code given to pixels outside a map and to its own no-data pixels
#: Threads computing the parts of a strip (numpy releases Python's lock); half as many read the next
#: strip meanwhile (GDAL releases it too).
THREADS = max(1, min(4, os.cpu_count() or 1))
#: DEFLATE level of the outputs: 1 compresses day counts 5 to 10 times faster than the default 6, for
#: files about 3 % larger. No horizontal differencing predictor for the uint16 outputs: day counts change
#: from pixel to pixel, where differences do not compress better (measured on the benchmark's maps:
#: SCD 15 % smaller and 25 % faster without it).
DEFLATE_LEVEL = 1



@dataclass(frozen=True)
class SeasonInputs:
    """The snow maps (raster sources, in any order), an optional raster whose grid the outputs take (of the
    maps' CRS: ``reference_grid``; of any CRS, the maps of any CRS put on it: ``target_grid``), and an
    optional DEM for the report (any grid or CRS)."""

    inputs: tuple = ()
    reference_grid: str = None
    dem: str = None
    target_grid: str = None


@dataclass(frozen=True)
class SeasonParams:
    """``dates``: the ``DATES`` text (one entry per map, empty entries read the map's date); the period
    (``datetime.date`` or None); the options of :func:`..core.season.snow_season`; defaults: LIS
    (``core/defaults.py``); a target grid given by its CRS (``target_crs``: "EPSG:32631", WKT), pixel size
    (in its units) and extent (``(xmin, ymin, xmax, ymax, crs)``), each optional."""

    dates: str = ""
    date_start: datetime.date = None
    date_stop: datetime.date = None
    date_margin: int = SEASON_DEFAULTS["DATE_MARGIN"]
    elevation_band: float = SEASON_DEFAULTS["ELEVATION_BAND"]
    min_snow_days: int = SEASON_DEFAULTS["MIN_SNOW_DAYS"]
    nsp_count: str = SEASON_DEFAULTS["NSP_COUNT"]
    nobs_period_only: bool = SEASON_DEFAULTS["NOBS_PERIOD_ONLY"]
    target_crs: str = None
    target_pixel_size: float = None
    target_extent: tuple = None


@dataclass(frozen=True)
class SeasonOutputs:
    """Paths of the outputs to write (None: not written); at least one is needed."""

    output_scd: str = None
    output_sod: str = None
    output_smod: str = None
    output_nobs: str = None
    output_nsp: str = None
    output_daily: str = None
    output_report: str = None


@dataclass(frozen=True)
class SeasonResult:
    """What a run gives: the outputs written, the period (ISO dates) and the number of maps used; for
    styling, the period as dates, its number of days and the number of dates used; the warnings."""

    outputs: SeasonOutputs = field(metadata=not_a_result())
    period_start: str = None
    period_stop: str = None
    maps_used: int = 0
    date_start: datetime.date = field(default=None, metadata=not_a_result())
    date_stop: datetime.date = field(default=None, metadata=not_a_result())
    n_days: int = field(default=0, metadata=not_a_result())
    n_dates: int = field(default=0, metadata=not_a_result())
    warnings: tuple = field(default=(), metadata=not_a_result())


def run(values, feedback=None):
    """The ``snowseason`` algorithm on ``values`` (see ``pipeline/spec.py``): its results dictionary."""
    result = season_synthesis(from_values(SeasonInputs, values), from_values(SeasonParams, values),
                              from_values(SeasonOutputs, values), feedback)
    return results_of(result.outputs, result)


# --------------------------------------------------------------------------------------------------
# Dates, period and strips
# --------------------------------------------------------------------------------------------------

def season_of(date):
    """The hydrological year (1 September to 31 August) that holds ``date``: (start, stop)."""
    return season.hydrological_year(date.year if date.month >= 9 else date.year - 1)


def period(first_date, date_start=None, date_stop=None):
    """DATE_START and DATE_STOP, either may be None: both None -> the hydrological year of
    ``first_date`` (the earliest map); only one given -> the end or start of its hydrological year."""
    if date_start is None and date_stop is None:
        return season_of(first_date)
    if date_stop is None:
        return date_start, season_of(date_start)[1]
    if date_start is None:
        return season_of(date_stop)[0], date_stop
    return date_start, date_stop


def strip_layout(width, height, n_dates, n_days, daily, dem, tile_rows):
    """Rows per strip, and the tile size of the daily stack (0 without it).

    Two strips of maps (one byte a date) and two of outputs (24 bytes, plus a byte a day with the daily
    stack) are in memory, and 8 bytes of DEM. Strips are a multiple of the maps' tile height, or with
    the daily stack of its tile size (128, or the largest power of two from 16 that fits a strip), so
    that every tile is written whole once."""
    bytes_per_pixel = 2 * (n_dates + 24 + (n_days if daily else 0)) + (8 if dem else 0)
    if not daily:
        return block_rows(width, height, bytes_per_pixel, tile_rows), 0
    rows = block_rows(width, height, bytes_per_pixel)
    tile = DAILY_TILE
    while tile > 16 and tile > rows:
        tile //= 2
    return block_rows(width, height, bytes_per_pixel, tile), tile


def block_rows(width, height, bytes_per_pixel, tile_rows=0, budget=None):
    """Rows per strip: as many as keep ``bytes_per_pixel`` x ``width`` x rows under ``budget`` (default
    :data:`MEMORY_BUDGET`, read at call time), rounded down to a multiple of ``tile_rows`` when at
    least one tile fits, and at least 1, at most ``height``."""
    budget = MEMORY_BUDGET if budget is None else budget
    rows = int(budget // max(1, width * bytes_per_pixel))
    if tile_rows > 1 and rows >= tile_rows:
        rows -= rows % tile_rows
    return max(1, min(rows, height))


# --------------------------------------------------------------------------------------------------
# The job
# --------------------------------------------------------------------------------------------------

@job(declaration)
def season_synthesis(inputs, params=SeasonParams(), outputs=SeasonOutputs(), feedback=None):
    """The season of the snow maps of ``inputs`` with ``params``, written to ``outputs``; a
    :class:`SeasonResult`.

    Everything is checked before anything is written. Raises :class:`~..errors.NeveError` for bad inputs
    (nothing written) and ``Cancelled`` when ``feedback`` asks to stop (nothing written either).
    """
    feedback = as_feedback(feedback)
    sources = list(inputs.inputs or ())
    if not sources:
        raise NeveError("no_maps", QT_TR_NOOP("No snow map: give the snow maps of the season."))
    destinations = {name: getattr(outputs, name.lower()) for name in SEASON_OUTPUTS + ("OUTPUT_DAILY",)
                    if getattr(outputs, name.lower())}
    report_path = outputs.output_report
    if not destinations and not report_path:
        raise NeveError("no_output", QT_TR_NOOP("No output chosen: choose at least one output."))
    if params.nsp_count not in NSP_COUNTS:
        raise NeveError("bad_option", QT_TR_NOOP("{value} is not a way of counting NSP ({choices})."),
                        value=params.nsp_count, choices=", ".join(NSP_COUNTS))
    given = given_dates(params.dates, len(sources))
    margin = params.date_margin
    options = dict(margin=margin, daily="OUTPUT_DAILY" in destinations, nobs_period_only=params.nobs_period_only,
                   nsp_count=params.nsp_count, min_snow_days=params.min_snow_days, counts=bool(report_path))
    band_width = params.elevation_band or SEASON_DEFAULTS["ELEVATION_BAND"]
    check_elevation_bands(None, None, band_width, "ELEVATION_BAND")

    with bounded_gdal_cache(), contextlib.ExitStack() as stack:
        # everything is checked before anything is written
        maps = open_maps(sources, given, stack)
        date_start, date_stop = season_period(maps, parse_date(params.date_start), parse_date(params.date_stop))
        n_days = (date_stop - date_start).days + 1
        for item, day in zip(maps, season.day_numbers([m.date for m in maps], date_start).tolist()):
            item.day = day
        in_window = season.select_observations([m.day for m in maps], n_days, margin)
        used = sorted((m for m, keep in zip(maps, in_window) if keep), key=lambda m: (m.day, m.index))
        if not used:
            raise NeveError("no_map_in_season", QT_TR_NOOP(
                "No snow map falls in the season from {start} to {stop} (with {margin} days of margin): "
                "the maps go from {first} to {last}. Change the start and end of the season, or the "
                "margin."), start=date_start.isoformat(), stop=date_stop.isoformat(), margin=margin,
                first=min(m.date for m in maps).isoformat(), last=max(m.date for m in maps).isoformat())
        target = target_grid(inputs, params, used)
        grid, grid_name = target if target is not None else season_grid(inputs.reference_grid, used)
        if target is not None:
            sample_maps(used)
            for item in used:
                check_map(item, grid, grid_name, any_crs=True)
        dem = open_dem(inputs.dem, stack)
        warnings = log_maps(feedback, maps, used, date_start, date_stop, margin, grid, grid_name,
                            mosaic=target is not None)

        tags = {"DATE_START": date_start.isoformat(), "DATE_STOP": date_stop.isoformat(),
                "DATE_MARGIN": str(margin), "MAPS_USED": str(len(used)),
                "SOURCE": "Neve snow season synthesis (neve:snowseason)"}
        unique_days = np.unique([m.day for m in used])
        rows, daily_tile = strip_layout(grid.width, grid.height, len(unique_days), n_days, options["daily"],
                                        dem is not None, tile_rows(used))
        writers = open_writers(stack, destinations, grid, tags, date_start, n_days, daily_tile)
        totals = SeasonTotals(len(used), len(unique_days), n_days)
        run_strips(stack, feedback, used, unique_days, n_days, grid, rows, writers, dem, totals, options,
                   band_width)
        html = None
        if report_path:
            html = season_report(maps, used, date_start, date_stop, margin, grid, grid_name, totals,
                                 unique_days, band_width, dem is not None)
    # the rasters are renamed into place; the report comes last
    if report_path:
        from .report import write_text

        write_text(report_path, html)
    return SeasonResult(outputs=outputs, period_start=date_start.isoformat(), period_stop=date_stop.isoformat(),
                        maps_used=len(used), date_start=date_start, date_stop=date_stop, n_days=n_days,
                        n_dates=len(unique_days), warnings=tuple(warnings))


# --------------------------------------------------------------------------------------------------
# Inputs, checked
# --------------------------------------------------------------------------------------------------

class SeasonMap:
    """One input map: where it comes from, its date and how it is read onto the grid."""

    def __init__(self, index, path):
        self.index = index          # position in INPUTS
        self.name = layer_name(path)
        self.path = path
        self.dataset = None
        self.date = None
        self.date_source = None
        self.day = None
        self.aligned = False        # read onto the grid by resampling (another grid)
        self.gap_nodata = None      # the map's own no-data value when it is a clear code (0..100)
        self.sampled = None         # the values of a sample of the map, or the error reading it

    def sampled_codes(self):
        """The distinct values of a sample of the map (windows spread over it: ``inputs.sample_values``),
        read once (:func:`sample_maps` reads them for all the maps at once)."""
        from .inputs import sample_values

        if self.sampled is None:
            try:
                self.sampled = np.unique(sample_values(self.dataset))
            except Exception as error:  # noqa: BLE001 (raised again where the map is checked, in order)
                self.sampled = error
        if isinstance(self.sampled, Exception):
            raise self.sampled
        return self.sampled

    def read(self, grid, window, out):
        """The map's codes on ``window`` of ``grid`` into ``out`` (uint8), gaps for its no-data."""
        dtype = np.dtype(self.dataset.dtypes[0])
        if not self.aligned and dtype == np.uint8:
            with gdal_errors_raised(self.path):
                self.dataset.read(1, window=window, out=out)
            raw = out
        else:
            if self.aligned:
                raw = read_onto_grid(self.dataset, grid.window_grid(window), fill=GAP)
            else:
                with gdal_errors_raised(self.path):
                    raw = self.dataset.read(1, window=window)
            if dtype == np.uint8:
                out[...] = raw
            else:  # a wider integer type: values outside 0..255 are gaps
                np.copyto(out, raw, casting="unsafe")
                out[(raw < 0) | (raw > 255)] = GAP
        if self.gap_nodata is not None:
            out[raw == self.gap_nodata] = GAP
        return out


def open_maps(sources, given, stack):
    """The maps of INPUTS, open, with their dates (an error names the maps without one)."""
    maps = []
    for index, source in enumerate(sources):
        item = SeasonMap(index, source)
        try:
            item.dataset = stack.enter_context(open_raster(item.path))
        except RasterReadError as error:
            raise NeveError("unreadable_map", QT_TR_NOOP("The snow map {name} cannot be read: {detail}"),
                            name=item.name, detail=error.detail) from None
        item.date, item.date_source = map_date(item, given[index])
        maps.append(item)
    undated = [m.name for m in maps if m.date is None]
    if undated:
        raise mapdates.undated_error(undated)
    return maps


def map_date(item, given):
    """(date, source) of a map: given, metadata tag, file name, folder name (``mapdates.map_date``)."""
    return mapdates.map_date(item.path, item.dataset.tags(), given)


def season_period(maps, date_start, date_stop):
    """DATE_START and DATE_STOP, completed (:func:`period`) and checked."""
    date_start, date_stop = period(min(m.date for m in maps), date_start, date_stop)
    if date_stop < date_start:
        raise NeveError("stop_before_start", QT_TR_NOOP(
            "The end of the season ({stop}) is before its start ({start})."),
            start=date_start.isoformat(), stop=date_stop.isoformat())
    n_days = (date_stop - date_start).days + 1
    if n_days > season.MAX_DAYS:
        raise NeveError("season_too_long", QT_TR_NOOP(
            "The season from {start} to {stop} is {days} days long: at most {limit} days are possible."),
            start=date_start.isoformat(), stop=date_stop.isoformat(), days=n_days, limit=season.MAX_DAYS)
    return date_start, date_stop


def season_grid(reference, used):
    """The grid of REFERENCE_GRID or of the first map used, and its name; every map checked on it."""
    if reference:
        grid_name = layer_name(reference)
        try:
            with open_raster(reference) as ref:
                grid = Grid.of(ref)
        except RasterReadError as error:
            raise NeveError("unreadable_reference", QT_TR_NOOP(
                "The reference grid {name} cannot be read: {detail}"), name=grid_name, detail=error.detail) from None
    else:
        # Landsat and Sentinel-2 maps together: the grid of the first Sentinel-2 map (20 m)
        first = next((item for item in used if not is_landsat_map(item)), used[0])
        grid, grid_name = Grid.of(first.dataset), first.name
    if grid.crs is None or not grid.crs.is_valid:
        raise NeveError("no_crs", QT_TR_NOOP(
            "{name} has no coordinate reference system: the maps cannot be put on one grid."), name=grid_name)
    sample_maps(used)
    for item in used:
        check_map(item, grid, grid_name)
    return grid, grid_name


def sample_maps(maps):
    """Read the samples of the maps' values (:meth:`SeasonMap.sampled_codes`) by two threads, each map by
    one of them: a sample decodes nine tiles of each map, a third of a second for 60 maps before the first
    strip; the maps are then checked in their order, an error of one raised when it comes."""
    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="neve-sample") as pool:
        for future in [pool.submit(item.sampled_codes) for item in maps]:
            try:
                future.result()
            except Exception:  # noqa: BLE001 (kept by the map, raised where it is checked)
                pass


def target_grid(inputs, params, used):
    """``(grid, name)`` of the target grid (TARGET_GRID, or TARGET_CRS, TARGET_PIXEL_SIZE, TARGET_EXTENT),
    or None when none is given. Without an extent, the maps' extent; without a pixel size, the finest
    pixel of the maps whose CRS has the target's units."""
    from affine import Affine
    from rasterio.crs import CRS
    from rasterio.errors import CRSError
    from rasterio.warp import transform_bounds

    described = params.target_crs or params.target_extent or params.target_pixel_size
    if not (inputs.target_grid or described):
        return None
    if inputs.reference_grid:
        raise NeveError("two_grids", QT_TR_NOOP(
            "Give a reference grid or a target grid, not both: the target grid takes maps of any CRS."))
    if inputs.target_grid:
        if described:
            raise NeveError("target_twice", QT_TR_NOOP(
                "The target grid is a raster, or a CRS with a pixel size and an extent: give one or the other."))
        name = layer_name(inputs.target_grid)
        try:
            with open_raster(inputs.target_grid) as dataset:
                grid = Grid.of(dataset)
        except RasterReadError as error:
            raise NeveError("unreadable_reference", QT_TR_NOOP(
                "The reference grid {name} cannot be read: {detail}"), name=name, detail=error.detail) from None
        if grid.crs is None or not grid.crs.is_valid:
            raise NeveError("no_crs", QT_TR_NOOP(
                "{name} has no coordinate reference system: the maps cannot be put on one grid."), name=name)
        return grid, name
    extent = params.target_extent
    try:
        crs = CRS.from_user_input(params.target_crs or (extent[4] if extent and extent[4] else None)
                                  or used[0].dataset.crs)
        extent_crs = CRS.from_user_input(extent[4]) if extent and extent[4] else crs
    except CRSError as error:
        raise NeveError("bad_crs", QT_TR_NOOP("{crs} is not a coordinate reference system: {detail}"),
                        crs=params.target_crs or extent[4], detail=str(error)) from None
    if extent:
        left, bottom, right, top = extent[:4]
        if extent_crs != crs:
            left, bottom, right, top = transform_bounds(extent_crs, crs, left, bottom, right, top, densify_pts=21)
    else:
        corners = [transform_bounds(m.dataset.crs, crs, *m.dataset.bounds, densify_pts=21) if m.dataset.crs else
                   None for m in used]
        corners = [c for c in corners if c is not None]
        left, bottom = min(c[0] for c in corners), min(c[1] for c in corners)
        right, top = max(c[2] for c in corners), max(c[3] for c in corners)
    size = params.target_pixel_size
    if not size:
        units = crs.linear_units if not crs.is_geographic else "degree"
        sizes = [m.dataset.res[0] for m in used if m.dataset.crs is not None and
                 (m.dataset.crs.linear_units if not m.dataset.crs.is_geographic else "degree") == units]
        if not sizes:
            raise NeveError("no_pixel_size", QT_TR_NOOP(
                "Give the pixel size of the target grid: no map is in a CRS of the units of {crs}."),
                crs=crs.to_string())
        size = min(sizes)
    width = max(1, int(math.ceil((right - left) / size - 1e-9)))
    height = max(1, int(math.ceil((top - bottom) / size - 1e-9)))
    if width * height > MAX_TARGET_PIXELS:
        raise NeveError("target_too_large", QT_TR_NOOP(
            "The target grid would be {width} x {height} pixels: give a larger pixel size or a smaller "
            "extent."), width=width, height=height)
    return Grid(crs, Affine(size, 0.0, left, 0.0, -size, top), width, height), tr("target grid")


def check_map(item, grid, grid_name, any_crs=False):
    """A map that can be used on ``grid``: whole-number codes, same CRS (any CRS when ``any_crs``: a target
    grid); whether it needs aligning."""
    dataset = item.dataset
    dtype = np.dtype(dataset.dtypes[0])
    if dtype.kind not in "ui":
        raise NeveError("map_not_integer", QT_TR_NOOP(
            "{name} holds {dtype} values: a snow map holds whole-number codes (0 no snow, 1 to 100 snow, "
            "205 cloud, 254 or 255 no data). Is it a snow map?"), name=item.name, dtype=dtype.name)
    if dataset.crs is None or (dataset.crs != grid.crs and not any_crs):
        raise NeveError("other_crs", QT_TR_NOOP(
            "{name} is in {crs}, but {grid} is in {grid_crs}: all maps must be in the same coordinate "
            "reference system. Reproject it first (Raster, Projections, Warp)."),
            name=item.name, crs=dataset.crs.to_string() if dataset.crs else tr("no CRS"), grid=grid_name,
            grid_crs=grid.crs.to_string())
    if dataset.count != 1:
        raise NeveError("map_bands", QT_TR_NOOP(
            "{name} has {count} bands: a snow map has one (0 no snow, 1 to 100 snow, 205 cloud, 254 or 255 no "
            "data). Is it a snow map?"), name=item.name, count=dataset.count)
    check_map_codes(item)
    same_pixels = dataset.crs == grid.crs and (dataset.width, dataset.height) == (grid.width, grid.height) and \
        dataset.transform.almost_equals(grid.transform, precision=1e-6 * grid.resolution)
    item.aligned = not same_pixels
    nodata = dataset.nodata   # other values are gaps anyway (205, 254, 255) or made gaps (outside 0..255)
    if nodata is not None and float(nodata).is_integer() and 0 <= nodata <= season.CLEAR_MAX:
        item.gap_nodata = int(nodata)


def is_landsat_map(item):
    """Whether a map comes from a Landsat product: neve:snowmap's MISSION tag, or a Landsat product name."""
    if (item.dataset.tags().get(MISSION_TAG) or "").lower() == "landsat":
        return True
    return bool(_LANDSAT_NAME.search(os.path.basename(item.path.split("|")[0])))


#: The codes of a snow map: 0 no snow, 1..100 snow (100 in a binary map, the fraction in an FSC map), 205
#: cloud, 254 and 255 no data (LIS up to 1.5, and since), besides a map's own no-data value.
SNOW_MAP_CODES = frozenset(range(0, season.CLEAR_MAX + 1)) | {season.CLOUD, 254, 255}


def check_map_codes(item):
    """A :class:`~..errors.NeveError` naming the map when a sample of its values (windows spread over it)
    holds values that are no snow-map code: a reflectance band, a photograph, a map resampled bilinearly
    are refused, not counted as snow."""
    values = item.sampled_codes()
    wrong = [int(v) for v in values if int(v) not in SNOW_MAP_CODES]
    if wrong:
        shown = ", ".join(str(v) for v in wrong[:6]) + (", ..." if len(wrong) > 6 else "")
        raise NeveError("not_snow_codes", QT_TR_NOOP(
            "{name} holds values that are not snow-map codes ({values}): a snow map holds 0 (no snow), 1 to 100 "
            "(snow), 205 (cloud), 254 or 255 (no data). Is it a snow map? (A map resampled with another method "
            "than the nearest neighbour has such values too.)"), name=item.name, values=shown)


def tile_rows(used):
    """Tile height of the maps read in place (0 when they are not tiled alike)."""
    heights = {m.dataset.block_shapes[0][0] for m in used if not m.aligned}
    return heights.pop() if len(heights) == 1 else 0


def open_dem(path, stack):
    """The DEM of the report, open (None without one)."""
    if not path:
        return None
    name = layer_name(path)
    try:
        dataset = stack.enter_context(open_raster(path))
    except RasterReadError as error:
        raise NeveError("unreadable_dem", QT_TR_NOOP("The DEM {name} cannot be read: {detail}"),
                        name=name, detail=error.detail) from None
    if dataset.crs is None:
        raise NeveError("no_crs", QT_TR_NOOP("The DEM {name} has no coordinate reference system."), name=name)
    return dataset


def read_dem(dem, window_grid):
    """Elevations (float32, NaN where unknown) of the DEM on ``window_grid``, bilinear."""
    nodata = dem.nodata

    def convert(values):
        values = values.astype(np.float32)
        if nodata is not None:
            values[values == np.float32(nodata)] = np.nan
        return values

    return read_onto_grid(dem, window_grid, resampling="bilinear", nodata=np.nan, convert=convert)


def log_maps(feedback, maps, used, date_start, date_stop, margin, grid, grid_name, mosaic=False):
    """The period, the grid, each map with its date and where it comes from, alignments (one line for
    a mosaic on a target grid, where every map is put on it); returns the warnings (also given to
    ``feedback``)."""
    feedback.info(tr("Season from {start} to {stop} ({days} days), margin {margin} days; grid of "
                     "{grid}: {width} x {height} pixels of {size:g}.").format(
        start=date_start.isoformat(), stop=date_stop.isoformat(), days=(date_stop - date_start).days + 1,
        margin=margin, grid=grid_name, width=grid.width, height=grid.height, size=grid.resolution))
    sources = date_source_labels()
    for item in sorted(maps, key=lambda m: (m.day, m.index)):
        if item in used:
            feedback.info(tr("{date} (day {day}): {name} (date: {source}).").format(
                date=item.date.isoformat(), day=item.day, name=item.name, source=sources[item.date_source]))
        else:
            feedback.info(tr("{date}: {name} (date: {source}): outside the season and its "
                             "margin, ignored.").format(date=item.date.isoformat(), name=item.name,
                                                        source=sources[item.date_source]))
    warnings = []
    if mosaic:
        feedback.info(tr("{count} maps put on the target grid ({crs}) with nearest neighbour.").format(
            count=sum(1 for m in used if m.aligned), crs=grid.crs.to_string()))
    for item in used:
        if item.aligned and mosaic:
            continue                      # one line above for the maps put on the target grid
        if item.aligned and is_landsat_map(item):
            # expected: Landsat's 30 m maps among Sentinel-2's 20 m ones
            feedback.info(tr(
                "{name} is a Landsat map of {size:g} m: brought to the {grid_size:g} m grid of {grid} with nearest "
                "neighbour.").format(name=item.name, size=abs(item.dataset.transform.a), grid_size=grid.resolution,
                                     grid=grid_name))
        elif item.aligned:
            warnings.append(tr(
                "{name} is on another grid than {grid}: aligned to it with nearest neighbour.").format(
                name=item.name, grid=grid_name))
        if item.gap_nodata is not None:
            warnings.append(tr(
                "{name} declares {value} as its no-data value, which is also a clear code (0 to "
                "100): those pixels are taken as no data.").format(name=item.name, value=item.gap_nodata))
    for warning in warnings:
        feedback.warning(warning)
    if len(used) < len(maps):
        feedback.info(tr("{used} of {total} maps are used.").format(used=len(used), total=len(maps)))
    return warnings


def open_writers(stack, destinations, grid, tags, date_start, n_days, daily_tile):
    """GeoTIFF writers of the outputs asked for, by output name (the daily stack: one band a day)."""
    writers = {}
    for name in SEASON_OUTPUTS:
        if name in destinations:
            output_tags = dict(tags)
            if name in ("OUTPUT_SOD", "OUTPUT_SMOD"):
                output_tags["DAY_0"] = date_start.isoformat()
            writers[name] = stack.enter_context(GeoTiffWriter(
                destinations[name], grid.width, grid.height, grid.crs, grid.transform, "uint16",
                tags=output_tags, zlevel=DEFLATE_LEVEL, predictor=1))
    if "OUTPUT_DAILY" in destinations:
        band_names = [(date_start + datetime.timedelta(days=d)).isoformat() for d in range(n_days)]
        writers["OUTPUT_DAILY"] = stack.enter_context(GeoTiffWriter(
            destinations["OUTPUT_DAILY"], grid.width, grid.height, grid.crs, grid.transform, "uint8",
            nodata=GAP, count=n_days, band_names=band_names, tags=tags, blockxsize=daily_tile,
            blockysize=daily_tile, interleave="band", zlevel=DEFLATE_LEVEL))
    return writers


# --------------------------------------------------------------------------------------------------
# Strips
# --------------------------------------------------------------------------------------------------

def run_strips(stack, feedback, used, unique_days, n_days, grid, rows, writers, dem, totals, options,
               band_width):
    """Read, compute and write the season strip by strip: the next strip is read (same-day maps merged
    as they are read) while one is computed in parts by :data:`THREADS` threads and the previous one
    written; the report's sums go to ``totals``."""
    slot_of_day = {day: slot for slot, day in enumerate(unique_days.tolist())}
    members = [[] for _ in unique_days]                  # the maps of each date, in the order given
    for position, item in enumerate(used):
        members[slot_of_day[item.day]].append(position)
    count_codes = options["counts"]
    strips = list(blocks(grid.width, grid.height, rows))
    buffers = [np.empty((len(unique_days), int(strips[0].read.height), grid.width), dtype=np.uint8)
               for _ in range(min(2, len(strips)))]
    # more threads than cores only make them wait for each other: half as many read as compute
    threads = max(1, THREADS)
    readers = stack.enter_context(ThreadPoolExecutor(max(1, threads // 2)))
    computers = stack.enter_context(ThreadPoolExecutor(threads))
    # each output written (and at the end closed) by one task, two at a time: the last strip and the
    # closing (GDAL compresses the tiles still in its cache) are the end's wait
    writer_threads = stack.enter_context(ThreadPoolExecutor(2))

    def load(strip, slot):
        """Read the maps of date ``slot`` into ``strip.codes[slot]``, merged (the codes of each map of a
        date with several are counted here; those of the dates, by the scan)."""
        if feedback.is_cancelled():
            return
        plane, scratch = strip.codes[slot], None
        several = len(members[slot]) > 1
        for rank, position in enumerate(members[slot]):
            item = used[position]
            target = plane if rank == 0 else scratch
            try:
                item.read(grid, strip.block.read, target)
            except RasterReadError as error:
                raise NeveError("unreadable_map", QT_TR_NOOP("The snow map {name} cannot be read: {detail}"),
                                name=item.name, detail=error.detail) from None
            if count_codes and several:
                strip.map_counts[position] = season.observation_counts(target[None])[0]
            if rank == 0:
                scratch = np.empty(plane.shape, dtype=np.uint8) if several else None
            else:
                season.merge_into(plane, scratch)

    def start_reading(block):
        strip = Strip(block, buffers[block.index % len(buffers)], len(used))
        # the first strip by the computing threads too: nothing is computed before it is read
        pool = computers if block.index == 0 else readers
        strip.loading = [pool.submit(load, strip, slot) for slot in range(len(unique_days))]
        return strip

    def write(name, block, parts, results):
        for part, result in zip(parts, results):
            window = Window(0, block.write.row_off + part.start, grid.width, part.stop - part.start)
            if name == "OUTPUT_DAILY":
                result.daily[:, ~result.observed] = GAP
                writers[name].write(result.daily, window, band=list(range(1, n_days + 1)))
            else:
                writers[name].write(result[SEASON_OUTPUTS.index(name)], window)

    def write_all(block, parts, results):
        return [writer_threads.submit(write, name, block, parts, results) for name in writers]

    writing = []
    strip = start_reading(strips[0])
    for block in strips:
        for done, future in enumerate(strip.loading, start=1):
            future.result()
            feedback.progress(100.0 * (block.index + 0.7 * done / len(unique_days)) / block.count)
        checkpoint(feedback)
        current = strip
        strip = start_reading(strips[block.index + 1]) if block.index + 1 < len(strips) else None
        height = current.codes.shape[1]                  # the strip's rows, shared among the threads
        part_rows = -(-height // threads)
        parts = [slice(r, min(r + part_rows, height)) for r in range(0, height, part_rows)]
        results = list(computers.map(
            lambda part: season.snow_season(current.codes[:, part], unique_days, n_days, **options), parts))
        elevation = None
        if dem is not None:
            elevation = read_dem(dem, grid.window_grid(block.read))
        if count_codes:
            date_counts = sum(result.counts for result in results)
            for slot, positions in enumerate(members):
                if len(positions) == 1:
                    current.map_counts[positions[0]] = date_counts[slot]
            totals.add_counts(current.map_counts, date_counts)
        for part, result in zip(parts, results):
            totals.add_result(result, None if elevation is None else elevation[part], band_width)
        for future in writing:
            future.result()
        writing = write_all(block, parts, results)
        feedback.progress(100.0 * (block.index + 1) / block.count)
        checkpoint(feedback)
    for future in writing:
        future.result()
    for future in [writer_threads.submit(writer.close) for writer in writers.values()]:
        future.result()          # (renamed into place when the job's stack closes)


class Strip:
    """One strip of rows being read: its block, its stack of maps (one per date, in ``buffer``, reused from
    strip to strip: fresh memory costs the system the time to clear it), the counts of codes of each map
    (for the report) and the reading tasks."""

    def __init__(self, block, buffer, n_maps):
        self.block = block
        self.codes = buffer[:, :int(block.read.height), :int(block.read.width)]
        self.map_counts = np.zeros((n_maps, 4), dtype=np.int64)
        self.loading = []


class SeasonTotals:
    """What the report needs, summed over the blocks."""

    def __init__(self, n_maps, n_dates, n_days):
        self.map_counts = np.zeros((n_maps, 4), dtype=np.int64)       # per map used, in date order
        self.date_counts = np.zeros((n_dates, 4), dtype=np.int64)     # per date after merging
        self.snow_pixels = np.zeros(n_days, dtype=np.int64)
        self.observed = 0
        self.pixels = 0
        self.scd_sum = 0
        self.elevation = {}                                             # band -> [scd sum, pixels]
        self.elevation_range = [float("inf"), float("-inf")]            # of the pixels counted

    def add_counts(self, map_counts, date_counts):
        self.map_counts += map_counts
        self.date_counts += date_counts

    def add_result(self, result, elevation, band_width):
        self.snow_pixels += result.snow_pixels
        self.observed += int(np.count_nonzero(result.observed))
        self.pixels += result.scd.size
        self.scd_sum += int(result.scd.sum(dtype=np.int64))
        if elevation is not None:
            known = elevation[result.observed & np.isfinite(elevation)]
            if known.size:
                self.elevation_range = [min(self.elevation_range[0], float(known.min())),
                                        max(self.elevation_range[1], float(known.max()))]
                check_elevation_bands(self.elevation_range[0], self.elevation_range[1], band_width, "ELEVATION_BAND")
            for band, scd_sum, pixels in zip(*season.elevation_band_sums(result.scd, elevation, result.observed,
                                                                          band_width)):
                total = self.elevation.setdefault(int(band), [0, 0])
                total[0] += int(scd_sum)
                total[1] += int(pixels)
