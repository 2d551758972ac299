"""Snow statistics by zone and elevation (``snowstats``): the areas of snow, no snow, cloud and no data of
snow maps of any dates, tiles and CRSs, per zone, date, elevation band and aspect, with the regional
snowline and a cloud-corrected estimate of the snow-covered area.

::

    from neve.plugin.pipeline.stats import SnowStatsInputs, SnowStatsOutputs, SnowStatsParams, snow_stats

    result = snow_stats(SnowStatsInputs(inputs=("SENTINEL2A_20180101-..._SNW_R2.tif", ...),
                                        zones="basins.gpkg", dem="dem.tif"),
                        SnowStatsParams(zone_field="name", aspect="8"),
                        SnowStatsOutputs(output_table="snow_stats.gpkg", output_html="snow_stats.html"))
    for row in result.rows:        # StatsRow: zone, date, band, aspect, areas in km2, snowline...
        print(row.zone, row.date, row.band, row.snow_km2, row.snowline)

The science is ``core/stats.py``; this module finds the maps and their dates (``pipeline/mapdates.py``),
and counts them grid by grid:

- **Grids.** Maps on the same grid (CRS, pixels, size: a tile) are read together, in strips of whole
  rows (a multiple of their tile height), only over the zones' extent. For each strip the zones are
  burnt onto the map grid in the map's CRS (``io/vectors.ZoneBurner``: the zones transformed to that
  CRS), the DEM is resampled onto it (bilinear) with the aspect classes, and each pixel gets its cell
  (zone x fine elevation bin x aspect, :func:`~..core.stats.encode_cells`); then every map of the grid
  is counted on that strip, per cell and code (:func:`~..core.stats.code_counts`), the next map being
  read by another thread meanwhile. Areas come from each map's own grid (pixel area, per row in a
  geographic CRS), never from a reprojected copy.
- **Same date, several maps.** Each pixel of a map is compared with the other maps of its date at its
  centre (the same pixels on the same grid, nearest neighbour from another grid or CRS): it counts only
  when no other map has a better observation there (clear over cloud over no data) or an equal one and
  comes first in the list, so each ground pixel counts once (:func:`~..core.stats.overlap_losers`).
- **Totals.** Counts add up per date in square metres (:class:`DateTotals`); at the end each zone and
  date gets its rows (all elevations and aspects, each band, each aspect, each band and aspect), its
  regional snowline and its cloud-corrected estimate (:func:`zone_rows`).
- **Outputs**: the table (GeoPackage, or CSV when its name ends in .csv; its rows: ``pipeline/stats_table.py``),
  the zones with their last date's values and season means, the HTML report (``pipeline/stats_report.py``):
  charts per zone and a site series of the maps cropped to one zone, sampled while the maps are counted
  (``pipeline/stats_site.py``).
"""
import contextlib
import math
import os
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import numpy as np
from rasterio.windows import Window

from ..core import stats
from ..core.defaults import STATS_DEFAULTS
from ..errors import NeveError
from ..i18n import QT_TR_NOOP, tr
from ..io import vectors
from ..io.raster import Grid, RasterReadError, bounded_gdal_cache, gdal_errors_raised, open_raster, read_onto_grid
from . import mapdates
from .algorithms.snowstats import spec as declaration
from .feedback import as_feedback, checkpoint
from .inputs import check_elevation_bands
from .jobs import job
from .spec import from_values, not_a_result, results_of
from .stats_site import SiteSeries
from .stats_table import (ALL, KM2, UNKNOWN, StatsRow, StatsTable, ZoneSummary, date_rows,  # noqa: F401
                          zone_summaries, zone_summary)

#: Pixels per strip (rounded down to a multiple of the maps' tile height: 512 rows of a 5490-pixel tile).
#: The largest work arrays (8 bytes a pixel) then stay under the 32 MB above which the C library gives
#: each allocation fresh memory from the system, whose first touch costs more than the counting.
STRIP_PIXELS = 3 * 2 ** 20
GDAL_CACHE_MB = 64
#: Threads reading the maps of a strip and preparing their counts (GDAL and numpy work outside Python's
#: lock) while the main thread counts: two maps ahead on two cores.
READERS = 2
TABLE_LAYER = "snow_statistics"
ZONES_LAYER = "zones"
ASPECT_KINDS = ("none", "4", "8")


@dataclass(frozen=True)
class SnowStatsInputs:
    """The snow maps (GDAL sources, any order, dates, tiles and CRSs), the zones (an OGR polygon layer, or
    None: the maps' whole extent is one zone) and the DEM (any CRS; None: no elevation bands, no
    snowline, no aspect)."""

    inputs: tuple = ()
    zones: str = None
    dem: str = None


@dataclass(frozen=True)
class SnowStatsParams:
    """``dates``: one entry per map (``mapdates.parse_date_list``); ``zone_field``: the field naming the
    zones (None: the feature ids); ``band_width``, ``snowline_step`` in metres; ``aspect``: "none", "4"
    or "8"; ``min_clear``: clear share (0..1) below which a zone and date is unreliable;
    ``site_zone``: the zone of the site series (empty: the first)."""

    dates: str = ""
    zone_field: str = None
    band_width: float = STATS_DEFAULTS["BAND_WIDTH"]
    aspect: str = "none"
    min_clear: float = STATS_DEFAULTS["MIN_CLEAR"]
    snowline_step: float = STATS_DEFAULTS["SNOWLINE_STEP"]
    site_zone: str = ""
    flat_slope: float = STATS_DEFAULTS["FLAT_SLOPE"]


@dataclass(frozen=True)
class SnowStatsOutputs:
    """Paths of the outputs (None: not written): the table (.gpkg or .csv), the zones (.gpkg), the report
    (.html)."""

    output_table: str = None
    output_zones: str = None
    output_html: str = None


@dataclass(frozen=True)
class SnowStatsResult:
    """What a run gives: the outputs written, the numbers of maps, dates and zones, and (not outputs of
    the algorithm) the rows of the table (a :class:`StatsTable`: iterate for :class:`StatsRow`), the
    zones' summaries and the warnings."""

    outputs: SnowStatsOutputs = field(metadata=not_a_result())
    maps_used: int = 0
    dates_used: int = 0
    zones_count: int = 0
    rows: object = field(default=(), metadata=not_a_result())
    summaries: tuple = field(default=(), metadata=not_a_result())
    warnings: tuple = field(default=(), metadata=not_a_result())


def run(values, feedback=None):
    """The ``snowstats`` algorithm on ``values`` (see ``pipeline/spec.py``): its results dictionary."""
    result = snow_stats(from_values(SnowStatsInputs, values), from_values(SnowStatsParams, values),
                        from_values(SnowStatsOutputs, values), feedback)
    return results_of(result.outputs, result)


# --------------------------------------------------------------------------------------------------
# Checks
# --------------------------------------------------------------------------------------------------

def check(inputs, params, outputs):
    if not inputs.inputs:
        raise NeveError("no_maps", QT_TR_NOOP("No snow map: give the snow maps to count."))
    if not (outputs.output_table or outputs.output_zones or outputs.output_html):
        raise NeveError("no_output", QT_TR_NOOP("No output chosen: choose at least one output."))
    if params.aspect not in ASPECT_KINDS:
        raise NeveError("bad_option", QT_TR_NOOP("{value} is not a choice of aspect classes ({choices})."),
                        value=params.aspect, choices=", ".join(ASPECT_KINDS))
    if params.aspect != "none" and not inputs.dem:
        raise NeveError("aspect_needs_dem", QT_TR_NOOP("Aspect classes are computed from the DEM: give a DEM, "
                                                       "or choose no aspect classes."))
    for value, name in ((params.band_width, "BAND_WIDTH"), (params.snowline_step, "SNOWLINE_STEP")):
        if not (value is not None and math.isfinite(value) and value > 0):
            raise NeveError("not_positive", QT_TR_NOOP("{parameter} must be above 0 (it is {value})."),
                            parameter=name, value=value)
        check_elevation_bands(None, None, value, name)
    if not (0.0 <= params.min_clear <= 1.0):
        raise NeveError("not_fraction", QT_TR_NOOP(
            "{parameter} is a fraction: it must lie between 0 and 1 (it is {value:g})."),
            parameter="MIN_CLEAR", value=params.min_clear)
    if outputs.output_zones and not outputs.output_zones.lower().endswith(".gpkg"):
        raise NeveError("vector_not_gpkg", QT_TR_NOOP(
            "The zones are written as a GeoPackage: give a file name ending in .gpkg (not {path})."),
            path=outputs.output_zones)


# --------------------------------------------------------------------------------------------------
# The maps
# --------------------------------------------------------------------------------------------------

class SnowMap:
    """One input map: where it comes from, its date, its grid and how its codes count."""

    def __init__(self, index, path, dataset, date, date_source):
        self.index, self.path, self.dataset = index, path, dataset
        self.name = os.path.splitext(os.path.basename(str(path).split("|")[0]))[0]
        self.date, self.date_source = date, date_source
        self.grid = Grid.of(dataset)
        crs = dataset.crs
        self.crs_wkt = crs.to_wkt()
        self.geographic = bool(crs.is_geographic)
        self.unit = 1.0 if self.geographic else float(crs.linear_units_factor[1])
        nodata = dataset.nodata
        self.nodata = nodata
        self.columns = stats.code_columns(nodata)
        self.ranks = stats.rank_table(nodata)
        self.gap_nodata = nodata is not None and float(nodata).is_integer() and 0 <= nodata <= stats.SNOW_CODE
        self.slot = None            # the date's number
        self.used = False

    @property
    def pixel_area(self):
        """Square metres of a pixel (projected grids; None for a geographic one: per row)."""
        if self.geographic:
            return None
        return abs(self.grid.transform.a * self.grid.transform.e) * self.unit ** 2

    def read(self, window):
        """The codes (uint8) on ``window`` of its own grid (a uint8 map read into rows padded to 8 bytes,
        which the counting reads eight codes at a time: ``core.stats.padded_codes``)."""
        with gdal_errors_raised(self.path):
            if self.dataset.dtypes[0] == "uint8":
                return self.dataset.read(1, window=window, out=stats.padded_codes(int(window.height),
                                                                                  int(window.width)))
            values = self.dataset.read(1, window=window)
        return stats.as_codes(values)

    def read_onto(self, grid):
        """The map's codes at the centres of the pixels of ``grid`` (another grid or CRS): the code of
        the map's pixel under each centre, computed exactly (no approximate transformation); and where
        the map has no pixel. Only the part of ``grid`` over the map is warped."""
        from rasterio.warp import reproject

        codes = np.full(grid.shape, 255, dtype=np.uint8)
        outside = np.ones(grid.shape, dtype=bool)
        left, bottom, right, top = self.bounds_in(grid.crs.to_wkt())
        inverse = ~grid.transform
        cols, rows = zip(*(inverse * (x, y) for x in (left, right) for y in (bottom, top)))
        c0, r0 = max(int(math.floor(min(cols))) - 1, 0), max(int(math.floor(min(rows))) - 1, 0)
        c1, r1 = min(int(math.ceil(max(cols))) + 1, grid.width), min(int(math.ceil(max(rows))) + 1, grid.height)
        if c1 <= c0 or r1 <= r0:
            return codes, outside
        part = grid.window_grid(Window(c0, r0, c1 - c0, r1 - r0))
        # the source pixels under the part, read at full resolution
        source_bounds = vectors.footprint(part.bounds, grid.crs.to_wkt(), self.crs_wkt).GetEnvelope()
        inverse = ~self.grid.transform
        scols, srows = zip(*(inverse * (x, y) for x in source_bounds[:2] for y in source_bounds[2:]))
        s0, t0 = max(int(math.floor(min(scols))) - 1, 0), max(int(math.floor(min(srows))) - 1, 0)
        s1 = min(int(math.ceil(max(scols))) + 1, self.grid.width)
        t1 = min(int(math.ceil(max(srows))) + 1, self.grid.height)
        if s1 <= s0 or t1 <= t0:
            return codes, outside
        window = Window(s0, t0, s1 - s0, t1 - t0)
        with gdal_errors_raised(self.path):
            values = self.dataset.read(1, window=window).astype(np.int32)
        target = np.full(part.shape, -1, dtype=np.int32)
        reproject(values, target, src_transform=self.dataset.window_transform(window), src_crs=self.dataset.crs,
                  dst_transform=part.transform, dst_crs=grid.crs, resampling=0, init_dest_nodata=False,
                  src_nodata=None, dst_nodata=None, tolerance=0)
        inside = target >= 0
        codes[r0:r1, c0:c1] = stats.as_codes(np.where(inside, target, 255))
        outside[r0:r1, c0:c1] = ~inside
        return codes, outside

    def bounds_in(self, crs_wkt):
        """The map's bounds (left, bottom, right, top) in the CRS ``crs_wkt``."""
        if crs_wkt == self.crs_wkt:
            return self.grid.bounds
        minx, maxx, miny, maxy = vectors.footprint(self.grid.bounds, self.crs_wkt, crs_wkt).GetEnvelope()
        return minx, miny, maxx, maxy


def open_maps(inputs, params, stack):
    """The maps of INPUTS, open, checked and dated (an error names the maps without a date)."""
    given = mapdates.given_dates(params.dates, len(inputs.inputs))
    maps = []
    for index, path in enumerate(inputs.inputs):
        try:
            dataset = stack.enter_context(open_raster(path))
        except RasterReadError as error:
            raise NeveError("unreadable_map", QT_TR_NOOP("The snow map {name} cannot be read: {detail}"),
                            name=os.path.basename(str(path)), detail=error.detail) from None
        date, source = mapdates.map_date(path, dataset.tags(), given[index])
        item = SnowMap(index, path, dataset, date, source) if dataset.crs is not None else None
        name = os.path.basename(str(path))
        dtype = np.dtype(dataset.dtypes[0])
        if dtype.kind not in "ui":
            raise NeveError("map_not_integer", QT_TR_NOOP(
                "{name} holds {dtype} values: a snow map holds whole-number codes (0 no snow, 1 to 100 snow, "
                "205 cloud, 254 or 255 no data). Is it a snow map?"), name=name, dtype=dtype.name)
        if item is None or not dataset.crs.is_valid:
            raise NeveError("map_no_crs", QT_TR_NOOP(
                "{name} has no coordinate reference system: its areas and zones cannot be placed."), name=name)
        transform = dataset.transform
        if transform.b or transform.d:
            raise NeveError("rotated_grid", QT_TR_NOOP(
                "{name} is rotated: distances need a north-up raster. Warp it to a north-up grid first."),
                name=name)
        maps.append(item)
    undated = [m.name for m in maps if m.date is None]
    if undated:
        raise mapdates.undated_error(undated)
    return maps


def grid_key(item):
    g = item.grid
    return (item.crs_wkt, tuple(round(v, 9) for v in g.transform[:6]), g.width, g.height)


# --------------------------------------------------------------------------------------------------
# Totals per date
# --------------------------------------------------------------------------------------------------

class CellTable:
    """The cells (zone, fine elevation bin, aspect) met so far on one grid, numbered in the order met."""

    def __init__(self):
        self.zone = np.zeros(0, dtype=np.int64)
        self.bin = np.zeros(0, dtype=np.int64)
        self.aspect = np.zeros(0, dtype=np.int64)
        self._keys = np.zeros(0, dtype=np.int64)        # sorted
        self._rows = np.zeros(0, dtype=np.intp)         # row of each sorted key

    def __len__(self):
        return self.zone.size

    @staticmethod
    def keys(zone, bins, aspect):
        bin_code = np.where(bins == stats.UNKNOWN_BIN, (1 << 32) - 1, bins + (1 << 31))
        return (zone << 36) + (bin_code << 4) + aspect

    def rows_of(self, zone, bins, aspect):
        """The rows of the cells (arrays of one strip's distinct cells), new cells added."""
        keys = self.keys(zone, bins, aspect)
        position = np.searchsorted(self._keys, keys)
        clipped = np.minimum(position, max(self._keys.size - 1, 0))
        found = (position < self._keys.size) & (self._keys[clipped] == keys) if self._keys.size else \
            np.zeros(keys.size, dtype=bool)
        rows = np.empty(keys.size, dtype=np.intp)
        rows[found] = self._rows[clipped[found]]
        new = ~found
        if new.any():
            first = self.zone.size
            rows[new] = np.arange(first, first + int(new.sum()))
            self.zone = np.concatenate((self.zone, zone[new]))
            self.bin = np.concatenate((self.bin, bins[new]))
            self.aspect = np.concatenate((self.aspect, aspect[new]))
            all_keys = self.keys(self.zone, self.bin, self.aspect)
            order = np.argsort(all_keys, kind="stable")
            self._keys, self._rows = all_keys[order], order.astype(np.intp)
        return rows


class DateTotals:
    """Square metres per cell and column (``core.stats`` columns) of one date, per grid; the maps counted
    in each zone."""

    def __init__(self, date):
        self.date = date
        self.values = {}                 # grid number -> (cells, N_COLUMNS) float64
        self.zone_maps = {}              # zone number -> indexes of the maps counted in it

    def add(self, grid_number, table, rows, values, item, zones):
        """Add ``values`` (square metres per cell and column) to the cells ``rows`` of the grid's table;
        ``zones``: (the zones of the strip, the zone of each cell as an index into them)."""
        current = self.values.get(grid_number)
        if current is None or current.shape[0] < len(table):
            grown = np.zeros((len(table), stats.N_COLUMNS))
            if current is not None:
                grown[:current.shape[0]] = current
            current = self.values[grid_number] = grown
        current[rows] += values
        strip_zones, zone_of_cell = zones
        seen = np.bincount(zone_of_cell, weights=values.sum(axis=1), minlength=strip_zones.size) > 0
        for zone in strip_zones[seen].tolist():
            self.zone_maps.setdefault(zone, set()).add(item.index)


# --------------------------------------------------------------------------------------------------
# The job
# --------------------------------------------------------------------------------------------------

@job(declaration)
def snow_stats(inputs, params=SnowStatsParams(), outputs=SnowStatsOutputs(), feedback=None, strip_pixels=None):
    """The statistics of ``inputs`` with ``params``, written to ``outputs``; a :class:`SnowStatsResult`.

    Raises :class:`~..errors.NeveError` for bad inputs (nothing written) and ``Cancelled`` when
    ``feedback`` asks to stop (nothing written either).
    """
    feedback = as_feedback(feedback)
    check(inputs, params, outputs)
    warnings = []
    with bounded_gdal_cache(GDAL_CACHE_MB), contextlib.ExitStack() as stack:
        maps = open_maps(inputs, params, stack)
        zones = vectors.read_zones(inputs.zones, params.zone_field) if inputs.zones else None
        if zones is not None and zones.srs is None:
            raise NeveError("zones_no_crs", QT_TR_NOOP(
                "The zones {file} have no coordinate reference system: they cannot be placed on the maps."),
                file=os.path.basename(vectors.split_source(inputs.zones)[0]))
        dem = open_dem(inputs.dem, stack)
        dates = sorted({m.date for m in maps})
        for item in maps:
            item.slot = dates.index(item.date)
        zone_names = zones.names if zones is not None else [tr("whole extent")]
        counter = Counter(maps, zones, dem, params, dates, feedback, strip_pixels)
        if outputs.output_html:       # the site series is a picture of the report
            counter.site = SiteSeries.make(maps, zones, params, dates, warnings)
        log_maps(feedback, maps, zones, counter)
        counter.run()
        table = StatsTable(zone_names, dates, params, counter.aspect_labels,
                           [(slot, date_rows(totals, counter, params)) for slot, totals in enumerate(counter.totals)])
        summaries = zone_summaries(zone_names, table)
        used = [m for m in maps if m.used]
        if not used:
            warnings.append(tr("No map covers the zones: the statistics are empty."))
        feedback.progress(96)
        write_outputs(outputs, table, summaries, zones, maps, counter, params, warnings, stack, feedback)
        for warning in warnings:
            feedback.warning(warning)
        checkpoint(feedback)
    feedback.progress(100)
    return SnowStatsResult(outputs=outputs, maps_used=len(used), dates_used=len({m.date for m in used}),
                           zones_count=len(zone_names), rows=table, summaries=tuple(summaries),
                           warnings=tuple(warnings))


def open_dem(path, stack):
    if not path:
        return None
    try:
        dataset = stack.enter_context(open_raster(path))
    except RasterReadError as error:
        raise NeveError("unreadable_dem", QT_TR_NOOP("The DEM {name} cannot be read: {detail}"),
                        name=os.path.basename(str(path)), detail=error.detail) from None
    if dataset.crs is None:
        raise NeveError("dem_no_crs", QT_TR_NOOP("The DEM {name} has no coordinate reference system."),
                        name=os.path.basename(str(path)))
    return dataset


def log_maps(feedback, maps, zones, counter):
    sources = mapdates.date_source_labels()
    for item in sorted(maps, key=lambda m: (m.date, m.index)):
        feedback.info(tr("{date}: {name} (date: {source}; {crs}, pixels of {size:g}).").format(
            date=item.date.isoformat(), name=item.name, source=sources[item.date_source],
            crs=item.dataset.crs.to_string(), size=item.grid.resolution))
    feedback.info(tr("{maps} maps, {dates} dates, {grids} grids; {zones} zones in {groups} layers of zones "
                     "that do not overlap.").format(
        maps=len(maps), dates=len({m.date for m in maps}), grids=len(counter.grids),
        zones=len(zones) if zones is not None else 1, groups=len(zones.groups) if zones is not None else 1))


class GridGroup:
    """The maps on one grid, in the order they are counted (by date, then as listed)."""

    def __init__(self, number, grid, crs_wkt, maps):
        self.number, self.grid, self.crs_wkt = number, grid, crs_wkt
        self.maps = sorted(maps, key=lambda m: (m.slot, m.index))
        self.table = CellTable()


class Counter:
    """Counts every map, grid by grid and strip by strip, into :class:`DateTotals`."""

    def __init__(self, maps, zones, dem, params, dates, feedback, strip_pixels=None):
        self.maps, self.zones, self.dem, self.params = maps, zones, dem, params
        self.feedback = feedback
        self.strip_pixels = strip_pixels or STRIP_PIXELS
        self.totals = [DateTotals(date) for date in dates]
        groups = {}
        for item in maps:
            groups.setdefault(grid_key(item), []).append(item)
        self.grids = [GridGroup(number, members[0].grid, members[0].crs_wkt, members)
                      for number, members in enumerate(groups.values())]
        self.by_slot = {}
        for item in maps:
            self.by_slot.setdefault(item.slot, []).append(item)
        self.aspect_labels = stats.aspect_labels(params.aspect)
        self.n_aspects = max(1, len(self.aspect_labels))
        self.n_groups = len(zones.groups) if zones is not None else 1
        self.burners = {}
        self.site = None
        self.pixels_total = sum(m.grid.width * m.grid.height for m in maps) or 1
        self.pixels_done = 0

    # -- the zones on a grid ---------------------------------------------------------------------
    def burner(self, crs_wkt):
        if self.zones is None:
            return None
        if crs_wkt not in self.burners:
            self.burners[crs_wkt] = vectors.ZoneBurner(self.zones, crs_wkt)
        return self.burners[crs_wkt]

    def window_of_interest(self, group):
        """The window of the grid that holds the zones (the whole grid without zones); None if empty."""
        grid = group.grid
        burner = self.burner(group.crs_wkt)
        if burner is None:
            return Window(0, 0, grid.width, grid.height)
        if burner.envelope is None:
            return None
        left, bottom, right, top = burner.envelope
        inverse = ~grid.transform
        cols, rows = zip(*(inverse * (x, y) for x in (left, right) for y in (bottom, top)))
        c0, r0 = max(int(math.floor(min(cols))) - 1, 0), max(int(math.floor(min(rows))) - 1, 0)
        c1, r1 = min(int(math.ceil(max(cols))) + 1, grid.width), min(int(math.ceil(max(rows))) + 1, grid.height)
        if c1 <= c0 or r1 <= r0:
            return None
        return Window(c0, r0, c1 - c0, r1 - r0)

    def strip_rows(self, group, width):
        heights = {m.dataset.block_shapes[0][0] for m in group.maps}
        tile = heights.pop() if len(heights) == 1 else 1
        rows = max(1, self.strip_pixels // max(1, width))
        if tile > 1 and rows >= tile:
            rows -= rows % tile
        return rows

    # -- counting ----------------------------------------------------------------------------------
    def run(self):
        for group in self.grids:
            self.count_grid(group)

    def count_grid(self, group):
        window = self.window_of_interest(group)
        per_map = group.grid.width * group.grid.height
        if window is None:
            self.advance(per_map * len(group.maps))
            return
        col0, row0 = int(window.col_off), int(window.row_off)
        width, height = int(window.width), int(window.height)
        rows = self.strip_rows(group, width)
        # strips start on tile boundaries of the maps' grid, so that each tile is read once
        first = row0 - row0 % rows if rows > 1 else row0
        starts = list(range(first, row0 + height, rows))
        share = per_map * len(group.maps) / max(1, len(starts))
        windows = [Window(col0, max(start, row0), width, min(start + rows, row0 + height) - max(start, row0))
                   for start in starts]
        # the cells of the next strip (zones burnt, DEM read) are made by another thread while one is
        # counted; not with aspect classes, whose slope and aspect temporaries beside a strip being counted
        # would raise the peak memory by about 200 MB on a full tile
        ahead = not self.aspect_labels
        with ThreadPoolExecutor(max_workers=READERS, thread_name_prefix="neve-stats-read") as reader, \
                ThreadPoolExecutor(max_workers=1, thread_name_prefix="neve-stats-cells") as preparer:
            upcoming = preparer.submit(self.cells_of_strip, group, windows[0]) if ahead else None
            for number, strip in enumerate(windows):
                cells = upcoming.result() if ahead else self.cells_of_strip(group, strip)
                if ahead and number + 1 < len(windows):
                    upcoming = preparer.submit(self.cells_of_strip, group, windows[number + 1])
                self.count_strip(group, strip, reader, cells)
                self.advance(share)
                checkpoint(self.feedback)

    def advance(self, pixels):
        self.pixels_done += pixels
        self.feedback.progress(95.0 * min(1.0, self.pixels_done / self.pixels_total))

    def cells_of_strip(self, group, window):
        """For each group of zones: the :class:`~..core.stats.BlockCounts` of the strip, the rows of its
        cells in the grid's table and the zones of its cells; None when no pixel of the strip is in a
        zone."""
        grid = group.grid.window_grid(window)
        burner = self.burner(group.crs_wkt)
        zone_arrays = burner.burn(grid) if burner is not None else [np.ones(grid.shape, dtype=np.uint8)]
        if not any(a.any() for a in zone_arrays):
            return None
        elevation, aspect = self.elevation_and_aspect(group, window)
        if elevation is not None and np.isfinite(elevation).any():
            # a DEM whose no-data value is not declared would make millions of bands and bins
            low, high = float(np.nanmin(elevation)), float(np.nanmax(elevation))
            check_elevation_bands(low, high, self.params.band_width, "BAND_WIDTH")
            check_elevation_bands(low, high, self.params.snowline_step, "SNOWLINE_STEP")
        bins = stats.elevation_bins(elevation, self.params.band_width, self.params.snowline_step) \
            if elevation is not None else np.zeros(grid.shape, dtype=np.int32)
        if aspect is None:
            aspect = np.zeros(grid.shape, dtype=np.uint8)
        cells = []
        for zone in zone_arrays:
            index, cz, cb, ca = stats.encode_cells(zone, bins, aspect, self.n_aspects)
            rows = group.table.rows_of(cz, cb, ca)
            cells.append((stats.BlockCounts(index, cz.size), rows, np.unique(cz, return_inverse=True)))
        return cells

    def elevation_and_aspect(self, group, window):
        """Elevation (float32, NaN unknown) and aspect classes of the pixels of ``window``."""
        if self.dem is None:
            return None, None
        halo = 1 if self.aspect_labels else 0
        outer = Window(window.col_off - halo, window.row_off - halo, window.width + 2 * halo,
                       window.height + 2 * halo)
        grid = group.grid.window_grid(outer)
        nodata = self.dem.nodata

        def convert(values):
            values = values.astype(np.float32)
            if nodata is not None:
                values[values == np.float32(nodata)] = np.nan
            return values

        try:
            elevation = read_onto_grid(self.dem, grid, resampling="bilinear", nodata=np.nan, convert=convert)
        except RasterReadError as error:
            raise NeveError("unreadable_dem", QT_TR_NOOP("The DEM {name} cannot be read: {detail}"),
                            name=os.path.basename(self.dem.name), detail=error.detail) from None
        if not halo:
            return elevation, None
        width, height = pixel_size_metres(group.maps[0], window)
        aspect = stats.aspect_classes(elevation, width, height, self.params.aspect, self.params.flat_slope)
        return elevation[1:-1, 1:-1], aspect[1:-1, 1:-1]

    def count_strip(self, group, window, reader, cells):
        if cells is None:
            return
        shape = (int(window.height), int(window.width))
        weights = None
        if group.maps[0].geographic:
            weights = stats.pixel_areas(group.grid.transform, int(window.row_off), shape[0], geographic=True)[:, None]

        def load(position):
            """A map's codes, their uniform blocks and what counting them needs but the counting itself (in
            the reading thread: GDAL and numpy work outside Python's lock while the previous map is
            counted)."""
            codes = read_codes(group.maps[position], window)
            blocks = stats.uniform_blocks(codes)
            prepared = [part[0].prepare(codes, blocks) for part in cells] if weights is None else None
            return codes, blocks, prepared

        sequence = group.maps
        pending = deque(reader.submit(load, k) for k in range(min(READERS, len(sequence))))
        position = 0
        while position < len(sequence):
            slot = sequence[position].slot
            members = [m for m in sequence[position:] if m.slot == slot]
            loaded = []
            for _member in members:
                loaded.append(pending.popleft().result())
                following = position + len(pending) + 1
                if following < len(sequence):
                    pending.append(reader.submit(load, following))
                position += 1
            self.count_date(group, window, cells, members, loaded, weights)
            checkpoint(self.feedback)

    def losers(self, group, grid, members, loaded, k):
        """Where map ``k`` of ``members`` (the maps of one date on this grid) gives way to another map of
        its date (on this grid or another); None when nowhere."""
        item, codes = members[k], loaded[k][0]
        rank = None
        losers = None
        for j, other in enumerate(members):
            if j == k:
                continue
            rank = stats.observation_ranks(codes, item.ranks) if rank is None else rank
            lost = stats.overlap_losers(rank, stats.observation_ranks(loaded[j][0], other.ranks),
                                        other.index < item.index)
            losers = lost if losers is None else losers | lost
        key = grid_key(item)
        for other in self.by_slot[item.slot]:
            if grid_key(other) == key or not intersects(other.bounds_in(group.crs_wkt), grid.bounds):
                continue
            other_codes, outside = other.read_onto(grid)
            if outside.all():
                continue
            rank = stats.observation_ranks(codes, item.ranks) if rank is None else rank
            lost = stats.overlap_losers(rank, stats.observation_ranks(other_codes, other.ranks, outside),
                                        other.index < item.index)
            losers = lost if losers is None else losers | lost
        return losers if losers is not None and losers.any() else None

    def count_date(self, group, window, cells, members, loaded, weights):
        """Count the maps of one date on one strip (``loaded``: their codes, uniform blocks and prepared
        counts)."""
        grid = group.grid.window_grid(window)
        totals = self.totals[members[0].slot]
        for k, (item, (codes, blocks, prepared)) in enumerate(zip(members, loaded)):
            skip = self.losers(group, grid, members, loaded, k)
            if self.site is not None:
                self.site.sample(item, group, window, codes)
            area = 1.0 if weights is not None else item.pixel_area
            counted = False
            for g, (counter, rows, zones) in enumerate(cells):
                if skip is None and prepared is not None:
                    present, counts = counter.finish(prepared[g])
                else:
                    present, counts = counter.counts(codes, blocks, skip=skip, weights=weights,
                                                     prepared=prepared[g] if prepared is not None else None)
                values = stats.cell_columns(counts, item.columns[present], area)
                if rows.size:
                    totals.add(group.number, group.table, rows, values, item, zones)
                    counted = counted or bool(values.any())
            item.used = item.used or counted


def read_codes(item, window):
    try:
        return item.read(window)
    except RasterReadError as error:
        raise NeveError("unreadable_map", QT_TR_NOOP("The snow map {name} cannot be read: {detail}"),
                        name=item.name, detail=error.detail) from None


def intersects(a, b):
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def pixel_size_metres(item, window):
    """Width and height in metres of the pixels of ``window`` of a map's grid (at its centre row for a
    geographic grid)."""
    transform = item.grid.transform
    if not item.geographic:
        return abs(transform.a) * item.unit, abs(transform.e) * item.unit
    latitude = math.radians(transform.f + transform.e * (window.row_off + window.height / 2.0))
    metres = math.pi / 180.0 * stats.EARTH_RADIUS
    return abs(transform.a) * metres * max(math.cos(latitude), 1e-6), abs(transform.e) * metres


# --------------------------------------------------------------------------------------------------
# Outputs
# --------------------------------------------------------------------------------------------------

TABLE_FIELDS = (("zone", vectors.TEXT), ("date", vectors.DATE), ("elevation_band", vectors.TEXT),
                ("band_min_m", vectors.REAL), ("band_max_m", vectors.REAL), ("aspect", vectors.TEXT),
                ("snow_km2", vectors.REAL), ("no_snow_km2", vectors.REAL), ("cloud_km2", vectors.REAL),
                ("nodata_km2", vectors.REAL), ("snow_percent", vectors.REAL), ("clear_share", vectors.REAL),
                ("reliable", vectors.INTEGER), ("snow_estimate_km2", vectors.REAL), ("snowline_m", vectors.REAL),
                ("snowline_misclassified", vectors.REAL), ("maps", vectors.INTEGER))

ZONE_FIELDS = (("zone", vectors.TEXT), ("dates", vectors.INTEGER), ("reliable_dates", vectors.INTEGER),
               ("last_date", vectors.DATE), ("last_snow_km2", vectors.REAL), ("last_snow_percent", vectors.REAL),
               ("last_clear_share", vectors.REAL), ("last_reliable", vectors.INTEGER),
               ("last_estimate_km2", vectors.REAL), ("last_snowline_m", vectors.REAL),
               ("mean_snow_km2", vectors.REAL), ("mean_snow_percent", vectors.REAL),
               ("mean_estimate_km2", vectors.REAL), ("mean_snowline_m", vectors.REAL))


def zone_values(summary):
    last = summary.last
    if last is None:
        return (summary.zone, 0, 0) + (None,) * 11
    return (summary.zone, summary.dates, summary.reliable_dates, last.date, last.snow_km2, last.snow_percent,
            last.clear_share, int(last.reliable), last.estimate_km2, last.snowline, summary.mean_snow_km2,
            summary.mean_snow_percent, summary.mean_estimate_km2, summary.mean_snowline)


def write_outputs(outputs, table, summaries, zones, maps, counter, params, warnings, stack, feedback):
    """The table, the zones and the report, renamed into place together when ``stack`` closes."""
    if outputs.output_table:
        vectors.write_table(outputs.output_table, TABLE_FIELDS, table.iter_values(iso_dates=True), TABLE_LAYER,
                            stack, plain=True)
    if outputs.output_zones:
        if zones is not None:
            shapes, srs_wkt = zones.geometries, zones.srs.ExportToWkt()
        else:
            srs_wkt = maps[0].crs_wkt
            shape = None
            for item in maps:
                outline = vectors.footprint(item.grid.bounds, item.crs_wkt, srs_wkt)
                shape = outline if shape is None else shape.Union(outline)
            shapes = [shape]
        vectors.write_polygons(outputs.output_zones, srs_wkt, ZONE_FIELDS,
                               ((shape, zone_values(s)) for shape, s in zip(shapes, summaries)), ZONES_LAYER, stack)
    feedback.progress(97)
    if outputs.output_html:
        from . import charts
        from .report import write_text
        from .stats_report import stats_report

        if not charts.available():
            warnings.append(charts.missing_warning())
        html = stats_report(table.of_aspect_all(), summaries, maps, counter, params, warnings)
        write_text(outputs.output_html, html, stack)
