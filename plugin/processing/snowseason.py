"""neve:snowseason, "Snow season synthesis": snow days, onset and melt-out of a series of snow maps.

The Theia Snow collection's yearly syntheses (LIS, DOMAIN.md section 5, last part) for the user's own
maps, area and season. The method is :mod:`..core.season`; this module finds the maps and their dates,
reads them block by block and writes the outputs.

- **Maps** (``INPUTS``, files or layers): neve:snowmap outputs, Theia Snow SNW maps, FSC maps; codes 0 no
  snow, 1..100 snow, everything else a gap (205 cloud, 254/255 no data). Pixels equal to a map's own
  no-data value are gaps too.
- **Dates**, for each map, the first found of: ``DATES`` (one per map, in order; an empty entry reads
  that map's date), the GeoTIFF metadata tag ``ACQUISITION_DATE`` (ISO 8601, written by neve:snowmap),
  a date in the file name (Theia ``SENTINEL2A_20180101-103512-456_L2B-SNOW_...``, ``YYYYMMDD``,
  ``YYYY-MM-DD``), in the layer name, in the name of the file's folder. The log says which.
- **Period**: ``DATE_START`` .. ``DATE_STOP`` (inclusive), default the hydrological year (1 September
  to 31 August) of the earliest map; maps up to ``DATE_MARGIN`` days outside are used, the others
  ignored (not even read).
- **Grid**: ``REFERENCE_GRID``'s, else the first map's; maps on another grid of the same CRS are aligned
  to it with nearest neighbour (a message says so); another CRS is an error.
- **Strips**: whole rows across every map of the period (:func:`strip_layout`: the strip height keeps the
  arrays under :data:`MEMORY_BUDGET` whatever the number of maps, as a multiple of the maps' tile height
  when possible, so that each tile is decompressed once, or of the daily stack's tiles). Same-day maps are merged as they are read
  (:func:`..core.season.merge_into`), so a strip holds one map per date. The next strip is read while
  one is computed (in :data:`THREADS` parts) and the previous one written: two strips are in memory.
- **Outputs**: SCD, SOD, SMOD, NOBS, NSP (uint16, tiled, DEFLATE, styled), the optional daily stack
  (uint8, one band per day named by its date, 1 snow, 0 no snow, 255 pixel never clear), an HTML report
  (snow-covered area through the season: observed per date and interpolated per day; with a DEM, mean
  snow days per elevation band) and, for the modeler, the period used and the number of maps used.
"""
import contextlib
import datetime
import os
import re
from concurrent.futures import ThreadPoolExecutor

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
    QgsProcessingParameters,
)

from ..i18n import qgis_language, tr
from .legacy import NeveAlgorithm, cancelled_error

#: GeoTIFF metadata tag (default domain) holding a map's acquisition date, ISO 8601 ("2018-01-01" or
#: "2018-01-01T10:35:12Z"); read before the file name.
ACQUISITION_DATE_TAG = "ACQUISITION_DATE"
DEFAULT_MARGIN = 15         # days, LIS default (core.season.DEFAULT_MARGIN)
MAX_MARGIN = 10000          # days (core.season.MAX_MARGIN)
MIN_SNOW_DAYS = 10          # LIS: SOD and SMOD only where SCD > 10 (core.season.MIN_SNOW_DAYS)
ELEVATION_BAND = 100.0      # metres, the dz of LIS's snowline histogram
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

OUTPUTS = ("OUTPUT_SCD", "OUTPUT_SOD", "OUTPUT_SMOD", "OUTPUT_NOBS", "OUTPUT_NSP")
NSP_COUNTS = ("onsets", "changes")

_DATE_IN_TEXT = re.compile(r"(?<!\d)((?:19|20)\d{2})([-_.]?)(\d{2})\2(\d{2})(?!\d)")
_DATE_ENTRY = re.compile(r"((?:19|20)\d{2})([-/.]?)(\d{2})\2(\d{2})(?:[T ][0-9:.]*Z?)?")


def date_from_text(text):
    """The first valid date written ``YYYYMMDD`` or ``YYYY-MM-DD`` (or with ``_`` or ``.``) in ``text``,
    not part of a longer number, as a ``datetime.date``; None when there is none.

    ``SENTINEL2A_20180101-103512-456_L2B-SNOW_T31TCH_C_V1-7_SNW_R2`` -> 2018-01-01; in a Sen2Cor name the
    sensing date comes before the production date, so the first date is the acquisition.
    """
    for match in _DATE_IN_TEXT.finditer(text or ""):
        try:
            return datetime.date(int(match.group(1)), int(match.group(3)), int(match.group(4)))
        except ValueError:
            continue
    return None


def parse_date_list(text, count):
    """The dates of the ``DATES`` parameter: entries separated by commas, semicolons or line breaks, each
    ``YYYY-MM-DD`` or ``YYYYMMDD`` (a time after it is ignored) or empty (None: read the map's date).

    Empty text gives ``count`` Nones. Raises ValueError(entry) for an entry that is not a date, and
    ValueError(None) when the number of entries is not ``count``.
    """
    if not (text or "").strip():
        return [None] * count
    dates = []
    # a comma (or semicolon) and a line break after it make one separator; trailing blanks are no entry
    for entry in re.split(r"[ \t\r]*(?:[,;][ \t\r]*\n?|\n)", text.rstrip()):
        entry = entry.strip()
        if not entry:
            dates.append(None)
            continue
        match = _DATE_ENTRY.fullmatch(entry)
        try:
            dates.append(datetime.date(int(match.group(1)), int(match.group(3)), int(match.group(4))))
        except (AttributeError, ValueError):
            raise ValueError(entry)
    if len(dates) != count:
        raise ValueError(None)
    return dates


def season_of(date):
    """The hydrological year (1 September to 31 August) that holds ``date``: (start, stop)."""
    year = date.year if date.month >= 9 else date.year - 1
    return datetime.date(year, 9, 1), datetime.date(year + 1, 8, 31)


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


class SeasonMap:
    """One input map: where it comes from, its date and how it is read onto the grid."""

    def __init__(self, index, name, path):
        self.index = index          # position in INPUTS
        self.name = name
        self.path = path
        self.dataset = None
        self.date = None
        self.date_source = None
        self.day = None
        self.aligned = False        # read onto the grid by resampling (another grid)
        self.gap_nodata = None      # the map's own no-data value when it is a clear code (0..100)

    def read(self, grid, window, out):
        """The map's codes on ``window`` of ``grid`` into ``out`` (uint8), gaps for its no-data."""
        import numpy as np

        from ..io.raster import gdal_errors_raised, read_onto_grid

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


def season_clear_max():
    from ..core.season import CLEAR_MAX

    return CLEAR_MAX


def date_source_labels():
    return {"given": tr("given in Dates"), "tag": tr("ACQUISITION_DATE metadata tag"),
            "file": tr("file name"), "layer": tr("layer name"), "folder": tr("folder name")}


def nsp_count_labels():
    return [tr("Snow onsets (no snow one day, snow the next)"),
            tr("Changes both ways, onsets and melts (as LIS's NSP)")]


def output_labels():
    return {
        "OUTPUT_SCD": tr("Snow cover duration, SCD (days)"),
        "OUTPUT_SOD": tr("Snow onset day, SOD (days since DATE_START)"),
        "OUTPUT_SMOD": tr("Snow melt-out day, SMOD (days since DATE_START)"),
        "OUTPUT_NOBS": tr("Clear observations, NOBS"),
        "OUTPUT_NSP": tr("Snow onsets, NSP"),
    }


class SnowSeasonAlgorithm(NeveAlgorithm):
    INPUTS = "INPUTS"
    DATES = "DATES"
    DATE_START = "DATE_START"
    DATE_STOP = "DATE_STOP"
    DATE_MARGIN = "DATE_MARGIN"
    REFERENCE_GRID = "REFERENCE_GRID"
    DEM = "DEM"
    ELEVATION_BAND = "ELEVATION_BAND"
    MIN_SNOW_DAYS = "MIN_SNOW_DAYS"
    NSP_COUNT = "NSP_COUNT"
    NOBS_PERIOD_ONLY = "NOBS_PERIOD_ONLY"
    OUTPUT_DAILY = "OUTPUT_DAILY"
    OUTPUT_REPORT = "OUTPUT_REPORT"
    PERIOD_START = "PERIOD_START"
    PERIOD_STOP = "PERIOD_STOP"
    MAPS_USED = "MAPS_USED"

    GROUP = "snow"

    def name(self):
        return "snowseason"

    def displayName(self):  # noqa: N802 (QGIS API name)
        return tr("Snow season synthesis")

    def shortDescription(self):  # noqa: N802 (QGIS API name)
        return tr("Snow days, snow onset and melt-out days, clear observations and snow onsets of a "
                  "series of snow maps over a season, as the syntheses of the Theia Snow collection.")

    def shortHelpString(self):  # noqa: N802 (QGIS API name)
        return tr(
            "<p>Sums up a season of snow maps pixel by pixel, with the method of the yearly syntheses of "
            "the Theia Snow collection (LIS): how long snow stayed, when it came and when it melted.</p>"
            "<p><b>Snow maps</b>: outputs of <i>Snow map</i> (neve:snowmap), Theia Snow maps (*_SNW_R2.tif) "
            "or fractional snow cover maps (FSC). Codes: 0 no snow, 1 to 100 snow, anything else is a gap "
            "(205 cloud, 254 or 255 no data); pixels equal to a map's no-data value are gaps too.</p>"
            "<p><b>Dates</b>: for each map the first found of: the <i>Dates</i> parameter; the "
            "ACQUISITION_DATE metadata tag (written by neve:snowmap); a date in the file name (Theia: "
            "SENTINEL2A_20180101-103512-456_..., or 20180101, or 2018-01-01), in the layer name, in the name "
            "of its folder. The log tells which was used for each map.</p>"
            "<p><b>Period</b>: from the start date to the end date, both included; left empty, the "
            "hydrological year of the earliest map, 1 September to 31 August (the period of the Theia Snow "
            "syntheses). Maps up to the margin (default 15 days, the LIS default) before or after the "
            "period steer the interpolation at its ends; other maps are ignored.</p>"
            "<p><b>Method</b> (LIS): maps of the same day are merged, a clear value winning over a gap "
            "(the first map of the list when both are clear); for each pixel the snow value (1 snow, 0 no "
            "snow) is interpolated linearly in time between clear observations, and takes the nearest "
            "clear value before the first and after the last; a day is a snow day when the value is at "
            "least 0.5. A pixel never clear has no snow day.</p>"
        ) + tr(
            "<p><b>Outputs</b> (uint16, tiled and compressed GeoTIFF): <b>SCD</b> number of snow days in the "
            "period; <b>SOD</b> and <b>SMOD</b> first and last day of the longest run of snow days (the "
            "first run when two are equally long), in days since the start date (the start date is day "
            "0), both 0 when SCD is 10 days or fewer (LIS); <b>NOBS</b> number of clear observations, the "
            "margin dates included as in LIS; <b>NSP</b> number of snow onsets (a snow day after a day "
            "without snow) in the period.</p>"
            "<p><b>Daily snow</b> (optional): one band per day of the period, named by its date "
            "(YYYY-MM-DD): 1 snow, 0 no snow, 255 pixel never clear. 365 bands for a year: large.</p>"
            "<p><b>Grid</b>: that of the reference grid, else of the first map. Maps on another grid in "
            "the same coordinate reference system are aligned to it with nearest neighbour (the log says "
            "so); a map in another CRS must be reprojected first (Raster, Projections, Warp).</p>"
            "<p><b>Report</b> (HTML): the snow-covered area through the season, observed on each date "
            "(snow fraction of the clear pixels) and interpolated for each day (snow fraction of the "
            "pixels with at least one clear observation), the maps and their dates; with a DEM, the mean "
            "snow days per elevation band.</p>"
            "<p><b>Many products</b>: run <i>Snow map</i> in batch mode (one row per product, or "
            "<i>Autofill</i> from a folder), then give its outputs here (<i>Add File(s)</i> or "
            "<i>Add Directory</i> in the list of snow maps). In a model, connect a <i>Multiple layers</i> input and the outputs "
            "of <i>Snow map</i> steps to the snow maps. From Python, run neve:snowmap in a loop and pass "
            "the list of its outputs to INPUTS.</p>")

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.add_parameter(
            QgsProcessingParameterMultipleLayers(self.INPUTS, tr("Snow maps"),
                                                 layerType=QgsProcessing.TypeRaster),
            tr("The snow maps of the season, in any order: outputs of neve:snowmap, Theia Snow SNW maps or "
               "FSC maps (0 no snow, 1 to 100 snow, 205 cloud, 254 or 255 no data). Their dates are read "
               "from the ACQUISITION_DATE metadata tag or from their names, or given in Dates."))
        self.add_parameter(
            QgsProcessingParameterString(self.DATES, tr("Dates of the maps"), defaultValue="",
                                         multiLine=True, optional=True),
            tr("Optional: one date per map, in the order of the maps, separated by commas or new lines "
               "(2018-01-01 or 20180101). Leave an entry empty to read that map's date from its metadata "
               "or name; leave everything empty to read them all."))
        self.add_parameter(
            QgsProcessingParameterDateTime(self.DATE_START, tr("Start of the season"),
                                           type=QgsProcessingParameterDateTime.Date, optional=True),
            tr("First day of the period (day 0 of SOD and SMOD). Empty: 1 September of the hydrological "
               "year of the earliest map (the Theia Snow syntheses run from 1 September to 31 August)."))
        self.add_parameter(
            QgsProcessingParameterDateTime(self.DATE_STOP, tr("End of the season"),
                                           type=QgsProcessingParameterDateTime.Date, optional=True),
            tr("Last day of the period, included. Empty: 31 August at the end of the hydrological year "
               "of the start date."))
        self.add_parameter(
            QgsProcessingParameterNumber(self.DATE_MARGIN, tr("Date margin (days)"),
                                         QgsProcessingParameterNumber.Integer, defaultValue=DEFAULT_MARGIN,
                                         minValue=0, maxValue=MAX_MARGIN),
            tr("Maps up to this many days before the start or after the end are used to interpolate the "
               "first and last days of the period. Default 15 days, as LIS."))
        self.add_parameter(
            QgsProcessingParameterRasterLayer(self.REFERENCE_GRID, tr("Reference grid"), optional=True),
            tr("Optional raster whose grid (CRS, extent, pixel size) the outputs take. Empty: the grid of "
               "the first map. Maps on another grid are aligned to it with nearest neighbour."))
        self.add_parameter(
            QgsProcessingParameterRasterLayer(self.DEM, tr("Digital elevation model (for the report)"),
                                              optional=True),
            tr("Optional: with a DEM (metres, any grid or CRS, resampled bilinearly), the report shows "
               "the mean snow days per elevation band."))
        self.add_parameter(
            QgsProcessingParameterNumber(self.ELEVATION_BAND, tr("Elevation band (m)"),
                                         QgsProcessingParameterNumber.Double, defaultValue=ELEVATION_BAND,
                                         minValue=1.0),
            tr("Height of the elevation bands of the report. Default 100 m, the band of LIS's snowline "
               "histogram."), advanced=True)
        self.add_parameter(
            QgsProcessingParameterNumber(self.MIN_SNOW_DAYS, tr("Snow days needed for SOD and SMOD"),
                                         QgsProcessingParameterNumber.Integer, defaultValue=MIN_SNOW_DAYS,
                                         minValue=0),
            tr("SOD and SMOD are 0 unless SCD is more than this number of days. Default 10, as LIS."),
            advanced=True)
        self.add_parameter(
            QgsProcessingParameterEnum(self.NSP_COUNT, tr("What NSP counts"), options=nsp_count_labels(),
                                       defaultValue=0),
            tr("Default: snow onsets in the period. LIS 1.x counts the changes in both directions (its "
               "difference of 8-bit values counts melts too): choose the second to reproduce its NSP."),
            advanced=True)
        self.add_parameter(
            QgsProcessingParameterBoolean(self.NOBS_PERIOD_ONLY, tr("NOBS counts only dates in the period"),
                                          defaultValue=False),
            tr("Default off: NOBS counts every clear observation used, margin dates included, as LIS."),
            advanced=True)
        labels = output_labels()
        for name in OUTPUTS:
            self.add_parameter(QgsProcessingParameterRasterDestination(name, labels[name], optional=True))
        self.add_parameter(
            QgsProcessingParameterRasterDestination(self.OUTPUT_DAILY, tr("Daily snow"), optional=True,
                                                    createByDefault=False),
            tr("Optional: one band per day named by its date, 1 snow, 0 no snow, 255 never clear."))
        self.add_parameter(
            QgsProcessingParameterFileDestination(self.OUTPUT_REPORT, tr("Season report"),
                                                  fileFilter=tr("HTML files (*.html)"), optional=True),
            tr("HTML report: the snow-covered area through the season, the maps and their dates, and with a "
               "DEM the snow days per elevation band."))
        self.addOutput(QgsProcessingOutputString(self.PERIOD_START, tr("First day of the period")))
        self.addOutput(QgsProcessingOutputString(self.PERIOD_STOP, tr("Last day of the period")))
        self.addOutput(QgsProcessingOutputNumber(self.MAPS_USED, tr("Number of maps used")))

    # ----------------------------------------------------------------------------------------------

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API name)
        import numpy as np

        from ..core import season
        from ..io.raster import bounded_gdal_cache

        layers = self.parameterAsLayerList(parameters, self.INPUTS, context)
        if not layers:
            raise QgsProcessingException(tr("No snow map: give the snow maps of the season."))
        destinations = {}
        for name in OUTPUTS + (self.OUTPUT_DAILY,):
            path = self.parameterAsOutputLayer(parameters, name, context)
            if path:
                destinations[name] = path
        report_path = self.parameterAsFileOutput(parameters, self.OUTPUT_REPORT, context)
        if not destinations and not report_path:
            raise QgsProcessingException(tr("No output chosen: choose at least one output."))
        given = self.given_dates(parameters, context, len(layers))
        margin = self.parameterAsInt(parameters, self.DATE_MARGIN, context)
        options = dict(margin=margin, daily=self.OUTPUT_DAILY in destinations,
                       nobs_period_only=self.parameterAsBoolean(parameters, self.NOBS_PERIOD_ONLY, context),
                       nsp_count=NSP_COUNTS[self.parameterAsEnum(parameters, self.NSP_COUNT, context)],
                       min_snow_days=self.parameterAsInt(parameters, self.MIN_SNOW_DAYS, context),
                       counts=bool(report_path))
        band_width = self.parameterAsDouble(parameters, self.ELEVATION_BAND, context) or ELEVATION_BAND

        with bounded_gdal_cache(), contextlib.ExitStack() as stack:
            # everything is checked before anything is written
            maps = self.open_maps(layers, given, stack)
            date_start, date_stop = self.season_period(parameters, context, maps)
            n_days = (date_stop - date_start).days + 1
            for item, day in zip(maps, season.day_numbers([m.date for m in maps], date_start).tolist()):
                item.day = day
            in_window = season.select_observations([m.day for m in maps], n_days, margin)
            used = sorted((m for m, keep in zip(maps, in_window) if keep), key=lambda m: (m.day, m.index))
            if not used:
                raise QgsProcessingException(tr(
                    "No snow map falls in the season from {start} to {stop} (with {margin} days of margin): "
                    "the maps go from {first} to {last}. Change the start and end of the season, or the "
                    "margin.").format(start=date_start.isoformat(), stop=date_stop.isoformat(), margin=margin,
                                      first=min(m.date for m in maps).isoformat(),
                                      last=max(m.date for m in maps).isoformat()))
            grid, grid_name = self.season_grid(parameters, context, used)
            dem = self.open_dem(parameters, context, stack)
            self.log_maps(feedback, maps, used, date_start, date_stop, margin, grid, grid_name)

            tags = {"DATE_START": date_start.isoformat(), "DATE_STOP": date_stop.isoformat(),
                    "DATE_MARGIN": str(margin), "MAPS_USED": str(len(used)),
                    "SOURCE": "Neve snow season synthesis (neve:snowseason)"}
            unique_days = np.unique([m.day for m in used])
            rows, daily_tile = strip_layout(grid.width, grid.height, len(unique_days), n_days, options["daily"],
                                            dem is not None, self.tile_rows(used))
            writers = self.open_writers(stack, destinations, grid, tags, date_start, n_days, daily_tile)
            totals = SeasonTotals(len(used), len(unique_days), n_days)
            run_strips(stack, feedback, used, unique_days, n_days, grid, rows, writers, dem, totals, options,
                       band_width)
            html = None
            if report_path:
                html = season_report(maps, used, date_start, date_stop, margin, grid, grid_name, totals,
                                     unique_days, band_width, dem is not None)
        # the rasters are renamed into place; the report comes last
        produced = dict(destinations)
        if report_path:
            from ..pipeline import report
            report.write_text(report_path, html)
            produced[self.OUTPUT_REPORT] = report_path
        self.style_outputs(context, destinations, date_start, n_days, len(unique_days))
        produced.update({self.PERIOD_START: date_start.isoformat(), self.PERIOD_STOP: date_stop.isoformat(),
                         self.MAPS_USED: len(used)})
        return produced

    # -- inputs, checked ---------------------------------------------------------------------------

    def given_dates(self, parameters, context, count):
        """The DATES parameter: one date or None per map."""
        try:
            return parse_date_list(self.parameterAsString(parameters, self.DATES, context), count)
        except ValueError as error:
            if error.args[0] is None:
                raise QgsProcessingException(tr(
                    "Dates of the maps: {count} entries are needed, one per map in the order of the maps "
                    "(leave an entry empty to read that map's date).").format(count=count))
            raise QgsProcessingException(tr(
                "Dates of the maps: \"{entry}\" is not a date; write 2018-01-01 or 20180101.").format(
                entry=error.args[0]))

    def open_maps(self, layers, given, stack):
        """The maps of INPUTS, open, with their dates (an error names the maps without one)."""
        from ..io.raster import RasterReadError, open_raster

        maps = []
        for index, layer in enumerate(layers):
            item = SeasonMap(index, layer.name(), layer.source())
            try:
                item.dataset = stack.enter_context(open_raster(item.path))
            except RasterReadError as error:
                raise QgsProcessingException(tr("The snow map {name} cannot be read: {detail}").format(
                    name=layer.name(), detail=error.detail))
            item.date, item.date_source = self.map_date(item, layer, given[index])
            maps.append(item)
        undated = [m.name for m in maps if m.date is None]
        if undated:
            raise QgsProcessingException(tr(
                "No acquisition date could be read for {maps}: neither in an ACQUISITION_DATE metadata "
                "tag nor in the name (as 20180101 or 2018-01-01). Give the dates in \"Dates of the "
                "maps\", one per map in the order of the maps.").format(maps=", ".join(undated)))
        return maps

    def season_period(self, parameters, context, maps):
        """DATE_START and DATE_STOP, completed (:func:`period`) and checked."""
        from ..core import season

        start_value = self.parameter_as_date(parameters, self.DATE_START, context)
        stop_value = self.parameter_as_date(parameters, self.DATE_STOP, context)
        date_start, date_stop = period(min(m.date for m in maps),
                                       start_value.toPyDate() if start_value.isValid() else None,
                                       stop_value.toPyDate() if stop_value.isValid() else None)
        if date_stop < date_start:
            raise QgsProcessingException(tr(
                "The end of the season ({stop}) is before its start ({start}).").format(
                start=date_start.isoformat(), stop=date_stop.isoformat()))
        n_days = (date_stop - date_start).days + 1
        if n_days > season.MAX_DAYS:
            raise QgsProcessingException(tr(
                "The season from {start} to {stop} is {days} days long: at most {limit} days are "
                "possible.").format(start=date_start.isoformat(), stop=date_stop.isoformat(),
                                    days=n_days, limit=season.MAX_DAYS))
        return date_start, date_stop

    def season_grid(self, parameters, context, used):
        """The grid of REFERENCE_GRID or of the first map used, and its name; every map checked on it."""
        import numpy as np

        from ..io.raster import Grid, RasterReadError, open_raster

        reference = self.parameterAsRasterLayer(parameters, self.REFERENCE_GRID, context)
        if reference is not None:
            try:
                with open_raster(reference.source()) as ref:
                    grid = Grid.of(ref)
            except RasterReadError as error:
                raise QgsProcessingException(tr("The reference grid {name} cannot be read: {detail}").format(
                    name=reference.name(), detail=error.detail))
            grid_name = reference.name()
        else:
            grid, grid_name = Grid.of(used[0].dataset), used[0].name
        if grid.crs is None or not grid.crs.is_valid:
            raise QgsProcessingException(tr(
                "{name} has no coordinate reference system: the maps cannot be put on one grid.").format(
                name=grid_name))
        for item in used:
            self.check_map(item, grid, grid_name, np)
        return grid, grid_name

    @staticmethod
    def log_maps(feedback, maps, used, date_start, date_stop, margin, grid, grid_name):
        """The period, the grid, each map with its date and where it comes from, alignments."""
        feedback.pushInfo(tr("Season from {start} to {stop} ({days} days), margin {margin} days; grid of "
                             "{grid}: {width} x {height} pixels of {size:g}.").format(
            start=date_start.isoformat(), stop=date_stop.isoformat(), days=(date_stop - date_start).days + 1,
            margin=margin, grid=grid_name, width=grid.width, height=grid.height, size=grid.resolution))
        sources = date_source_labels()
        for item in sorted(maps, key=lambda m: (m.day, m.index)):
            if item in used:
                feedback.pushInfo(tr("{date} (day {day}): {name} (date: {source}).").format(
                    date=item.date.isoformat(), day=item.day, name=item.name, source=sources[item.date_source]))
            else:
                feedback.pushInfo(tr("{date}: {name} (date: {source}): outside the season and its "
                                     "margin, ignored.").format(date=item.date.isoformat(), name=item.name,
                                                                source=sources[item.date_source]))
        for item in used:
            if item.aligned:
                feedback.pushWarning(tr(
                    "{name} is on another grid than {grid}: aligned to it with nearest neighbour.").format(
                    name=item.name, grid=grid_name))
            if item.gap_nodata is not None:
                feedback.pushWarning(tr(
                    "{name} declares {value} as its no-data value, which is also a clear code (0 to "
                    "100): those pixels are taken as no data.").format(name=item.name, value=item.gap_nodata))
        if len(used) < len(maps):
            feedback.pushInfo(tr("{used} of {total} maps are used.").format(used=len(used), total=len(maps)))

    def open_writers(self, stack, destinations, grid, tags, date_start, n_days, daily_tile):
        """GeoTIFF writers of the outputs asked for, by output name (the daily stack: one band a day)."""
        from ..io.raster import GeoTiffWriter

        writers = {}
        for name in OUTPUTS:
            if name in destinations:
                output_tags = dict(tags)
                if name in ("OUTPUT_SOD", "OUTPUT_SMOD"):
                    output_tags["DAY_0"] = date_start.isoformat()
                writers[name] = stack.enter_context(GeoTiffWriter(
                    destinations[name], grid.width, grid.height, grid.crs, grid.transform, "uint16",
                    tags=output_tags, zlevel=DEFLATE_LEVEL, predictor=1))
        if self.OUTPUT_DAILY in destinations:
            band_names = [(date_start + datetime.timedelta(days=d)).isoformat() for d in range(n_days)]
            writers[self.OUTPUT_DAILY] = stack.enter_context(GeoTiffWriter(
                destinations[self.OUTPUT_DAILY], grid.width, grid.height, grid.crs, grid.transform, "uint8",
                nodata=GAP, count=n_days, band_names=band_names, tags=tags, blockxsize=daily_tile,
                blockysize=daily_tile, interleave="band", zlevel=DEFLATE_LEVEL))
        return writers

    # -- helpers -----------------------------------------------------------------------------------

    def parameter_as_date(self, parameters, name, context):
        """A date parameter as a QDate (invalid when empty); QGIS 3.22 has no parameterAsDate method on
        the algorithm, only on QgsProcessingParameters."""
        return QgsProcessingParameters.parameterAsDate(self.parameterDefinition(name), parameters, context)

    @staticmethod
    def map_date(item, layer, given):
        """(date, source) of a map: given, metadata tag, file name, layer name, folder name."""
        if given is not None:
            return given, "given"
        tag = item.dataset.tags().get(ACQUISITION_DATE_TAG)
        if tag and date_from_text(tag):
            return date_from_text(tag), "tag"
        path = item.path.split("|")[0]
        for text, source in ((os.path.basename(path), "file"), (layer.name(), "layer"),
                             (os.path.basename(os.path.dirname(path)), "folder")):
            date = date_from_text(text)
            if date is not None:
                return date, source
        return None, None

    @staticmethod
    def check_map(item, grid, grid_name, np):
        """A map that can be used on ``grid``: whole-number codes, same CRS; whether it needs aligning."""
        dataset = item.dataset
        dtype = np.dtype(dataset.dtypes[0])
        if dtype.kind not in "ui":
            raise QgsProcessingException(tr(
                "{name} holds {dtype} values: a snow map holds whole-number codes (0 no snow, 1 to 100 snow, "
                "205 cloud, 254 or 255 no data). Is it a snow map?").format(name=item.name, dtype=dtype.name))
        if dataset.crs is None or dataset.crs != grid.crs:
            raise QgsProcessingException(tr(
                "{name} is in {crs}, but {grid} is in {grid_crs}: all maps must be in the same coordinate "
                "reference system. Reproject it first (Raster, Projections, Warp).").format(
                name=item.name, crs=dataset.crs.to_string() if dataset.crs else tr("no CRS"), grid=grid_name,
                grid_crs=grid.crs.to_string()))
        same_pixels = (dataset.width, dataset.height) == (grid.width, grid.height) and \
            dataset.transform.almost_equals(grid.transform, precision=1e-6 * grid.resolution)
        item.aligned = not same_pixels
        nodata = dataset.nodata   # other values are gaps anyway (101..255) or made gaps (outside 0..255)
        if nodata is not None and float(nodata).is_integer() and 0 <= nodata <= season_clear_max():
            item.gap_nodata = int(nodata)

    @staticmethod
    def tile_rows(used):
        """Tile height of the maps read in place (0 when they are not tiled alike)."""
        heights = {m.dataset.block_shapes[0][0] for m in used if not m.aligned}
        return heights.pop() if len(heights) == 1 else 0

    def open_dem(self, parameters, context, stack):
        """The DEM of the report, open (None without one)."""
        from ..io.raster import RasterReadError, open_raster

        layer = self.parameterAsRasterLayer(parameters, self.DEM, context)
        if layer is None:
            return None
        try:
            dataset = stack.enter_context(open_raster(layer.source()))
        except RasterReadError as error:
            raise QgsProcessingException(tr("The DEM {name} cannot be read: {detail}").format(
                name=layer.name(), detail=error.detail))
        if dataset.crs is None:
            raise QgsProcessingException(tr(
                "The DEM {name} has no coordinate reference system.").format(name=layer.name()))
        return dataset

    @staticmethod
    def read_dem(dem, window_grid):
        """Elevations (float32, NaN where unknown) of the DEM on ``window_grid``, bilinear."""
        import numpy as np

        from ..io.raster import read_onto_grid

        nodata = dem.nodata

        def convert(values):
            values = values.astype(np.float32)
            if nodata is not None:
                values[values == np.float32(nodata)] = np.nan
            return values

        return read_onto_grid(dem, window_grid, resampling="bilinear", nodata=np.nan, convert=convert)

    def style_outputs(self, context, destinations, date_start, n_days, n_dates):
        from .styles import (
            observations_ramp,
            season_day_ramp,
            snow_days_ramp,
            snow_onsets_ramp,
            style_ramp_output,
        )

        labels = output_labels()
        ramps = {"OUTPUT_SCD": (snow_days_ramp(n_days), False),
                 "OUTPUT_SOD": (season_day_ramp(date_start, n_days), False),
                 "OUTPUT_SMOD": (season_day_ramp(date_start, n_days), False),
                 "OUTPUT_NOBS": (observations_ramp(n_dates), False),
                 "OUTPUT_NSP": (snow_onsets_ramp(), True)}
        for name, (stops, discrete) in ramps.items():
            if name in destinations:
                style_ramp_output(context, destinations[name], stops, labels[name], discrete)
        if self.OUTPUT_DAILY in destinations:
            from .styles import snow_mask_legend, style_output
            style_output(context, destinations[self.OUTPUT_DAILY], snow_mask_legend(), tr("Daily snow"))


def run_strips(stack, feedback, used, unique_days, n_days, grid, rows, writers, dem, totals, options,
               band_width):
    """Read, compute and write the season strip by strip: the next strip is read (same-day maps merged
    as they are read) while one is computed in parts by :data:`THREADS` threads and the previous one
    written; the report's sums go to ``totals``."""
    import numpy as np
    from rasterio.windows import Window

    from ..core import season
    from ..io.raster import RasterReadError, blocks

    slot_of_day = {day: slot for slot, day in enumerate(unique_days.tolist())}
    members = [[] for _ in unique_days]                  # the maps of each date, in the order given
    for position, item in enumerate(used):
        members[slot_of_day[item.day]].append(position)
    daily, count_codes = options["daily"], options["counts"]
    strips = list(blocks(grid.width, grid.height, rows))
    buffers = [np.empty((len(unique_days), int(strips[0].read.height), grid.width), dtype=np.uint8)
               for _ in range(min(2, len(strips)))]
    # more threads than cores only make them wait for each other: half as many read as compute
    threads = max(1, THREADS)
    readers = stack.enter_context(ThreadPoolExecutor(max(1, threads // 2)))
    computers = stack.enter_context(ThreadPoolExecutor(threads))
    writer_thread = stack.enter_context(ThreadPoolExecutor(1))

    def load(strip, slot):
        """Read the maps of date ``slot`` into ``strip.codes[slot]``, merged (the codes of each map of a
        date with several are counted here; those of the dates, by the scan)."""
        if feedback.isCanceled():
            return
        plane, scratch = strip.codes[slot], None
        several = len(members[slot]) > 1
        for rank, position in enumerate(members[slot]):
            item = used[position]
            target = plane if rank == 0 else scratch
            try:
                item.read(grid, strip.block.read, target)
            except RasterReadError as error:
                raise QgsProcessingException(tr("The snow map {name} cannot be read: {detail}").format(
                    name=item.name, detail=error.detail))
            if count_codes and several:
                strip.map_counts[position] = season.observation_counts(target[None])[0]
            if rank == 0:
                scratch = np.empty(plane.shape, dtype=np.uint8) if several else None
            else:
                season.merge_into(plane, scratch)

    def start_reading(block):
        strip = Strip(block, buffers[block.index % len(buffers)], len(used), np)
        strip.loading = [readers.submit(load, strip, slot) for slot in range(len(unique_days))]
        return strip

    def write(block, parts, results):
        for part, result in zip(parts, results):
            window = Window(0, block.write.row_off + part.start, grid.width, part.stop - part.start)
            for name, array in zip(OUTPUTS, result[:5]):
                if name in writers:
                    writers[name].write(array, window)
            if daily:
                result.daily[:, ~result.observed] = GAP
                writers["OUTPUT_DAILY"].write(result.daily, window, band=list(range(1, n_days + 1)))

    writing = None
    strip = start_reading(strips[0])
    for block in strips:
        for done, future in enumerate(strip.loading, start=1):
            future.result()
            feedback.setProgress(100.0 * (block.index + 0.7 * done / len(unique_days)) / block.count)
        if feedback.isCanceled():
            raise cancelled_error()
        current = strip
        strip = start_reading(strips[block.index + 1]) if block.index + 1 < len(strips) else None
        height = current.codes.shape[1]                  # the strip's rows, shared among the threads
        part_rows = -(-height // threads)
        parts = [slice(r, min(r + part_rows, height)) for r in range(0, height, part_rows)]
        results = list(computers.map(
            lambda part: season.snow_season(current.codes[:, part], unique_days, n_days, **options), parts))
        elevation = None
        if dem is not None:
            elevation = SnowSeasonAlgorithm.read_dem(dem, grid.window_grid(block.read))
        if count_codes:
            date_counts = sum(result.counts for result in results)
            for slot, positions in enumerate(members):
                if len(positions) == 1:
                    current.map_counts[positions[0]] = date_counts[slot]
            totals.add_counts(current.map_counts, date_counts)
        for part, result in zip(parts, results):
            totals.add_result(result, None if elevation is None else elevation[part], band_width, season)
        if writing is not None:
            writing.result()
        writing = writer_thread.submit(write, block, parts, results)
        feedback.setProgress(100.0 * (block.index + 1) / block.count)
        if feedback.isCanceled():
            raise cancelled_error()
    writing.result()


class Strip:
    """One strip of rows being read: its block, its stack of maps (one per date, in ``buffer``, reused from
    strip to strip: fresh memory costs the system the time to clear it), the counts of codes of each map
    (for the report) and the reading tasks."""

    def __init__(self, block, buffer, n_maps, np):
        self.block = block
        self.codes = buffer[:, :int(block.read.height), :int(block.read.width)]
        self.map_counts = np.zeros((n_maps, 4), dtype=np.int64)
        self.loading = []


class SeasonTotals:
    """What the report needs, summed over the blocks."""

    def __init__(self, n_maps, n_dates, n_days):
        import numpy as np

        self.map_counts = np.zeros((n_maps, 4), dtype=np.int64)       # per map used, in date order
        self.date_counts = np.zeros((n_dates, 4), dtype=np.int64)     # per date after merging
        self.snow_pixels = np.zeros(n_days, dtype=np.int64)
        self.observed = 0
        self.pixels = 0
        self.scd_sum = 0
        self.elevation = {}                                             # band -> [scd sum, pixels]

    def add_counts(self, map_counts, date_counts):
        self.map_counts += map_counts
        self.date_counts += date_counts

    def add_result(self, result, elevation, band_width, season):
        import numpy as np

        self.snow_pixels += result.snow_pixels
        self.observed += int(np.count_nonzero(result.observed))
        self.pixels += result.scd.size
        self.scd_sum += int(result.scd.sum(dtype=np.int64))
        if elevation is not None:
            for band, scd_sum, pixels in zip(*season.elevation_band_sums(result.scd, elevation, result.observed,
                                                                          band_width)):
                total = self.elevation.setdefault(int(band), [0, 0])
                total[0] += int(scd_sum)
                total[1] += int(pixels)


def _percent(part, whole):
    return round(100.0 * part / whole, 1) if whole else None


def season_report(maps, used, date_start, date_stop, margin, grid, grid_name, totals, unique_days, band_width,
                  with_dem):
    """The HTML report of a run (texts translated here, laid out by :mod:`.report`)."""
    import numpy as np

    from ..core import season
    from ..pipeline import report

    n_days = (date_stop - date_start).days + 1
    parts = [report.heading(tr("Season")), report.table([
        (tr("Start (day 0)"), date_start.isoformat()),
        (tr("End"), date_stop.isoformat()),
        (tr("Days"), n_days),
        (tr("Date margin (days)"), margin),
        (tr("Maps given"), len(maps)),
        (tr("Maps used"), len(used)),
        (tr("Dates used"), len(unique_days)),
        (tr("Grid"), tr("{name}: {width} x {height} pixels of {size:g}, {crs}").format(
            name=grid_name, width=grid.width, height=grid.height, size=grid.resolution,
            crs=grid.crs.to_string())),
        (tr("Pixels with at least one clear observation"), tr("{count} ({percent} %)").format(
            count=totals.observed, percent=_percent(totals.observed, totals.pixels))),
        (tr("Mean snow days of those pixels"),
         round(totals.scd_sum / totals.observed, 1) if totals.observed else None),
    ])]

    # snow-covered area through the season
    observed_fraction, cloud_fraction = season.observed_snow_fraction(totals.date_counts)
    interpolated = (100.0 * totals.snow_pixels / totals.observed) if totals.observed else \
        np.full(n_days, np.nan)
    low, high = min(0, int(unique_days[0])), max(n_days - 1, int(unique_days[-1]))
    ticks = []
    month = datetime.date(date_start.year, date_start.month, 1)
    while True:
        day = (month - date_start).days
        if day > high:
            break
        if day >= low:
            ticks.append((day, month.strftime("%Y-%m")))
        month = datetime.date(month.year + month.month // 12, month.month % 12 + 1, 1)
    if len(ticks) > 7:                   # labels of about 50 pixels on a 570-pixel axis
        ticks = ticks[::-(-len(ticks) // 7)]
    markers = []
    if low < 0 or high > n_days - 1:
        markers = [(0, date_start.isoformat()), (n_days - 1, date_stop.isoformat())]
    parts += [
        report.heading(tr("Snow-covered area through the season")),
        report.paragraph(tr("Points: snow fraction of the clear pixels of each date. Line: snow fraction, "
                            "interpolated for each day, of the pixels with at least one clear observation.")),
        report.xy_chart(
            [(tr("Interpolated, per day"), list(enumerate(interpolated.tolist())), "line", "#2171b5"),
             (tr("Observed, per date"), list(zip(unique_days.tolist(), (100.0 * observed_fraction).tolist())),
              "points", "#d94801")],
            (low, high), (0, 100), x_ticks=ticks, y_ticks=[(v, str(v)) for v in range(0, 101, 20)],
            x_title=tr("Date"), y_title=tr("Snow-covered area (%)"), markers=markers),
    ]

    # the maps
    rows = []
    sources = date_source_labels()
    used_index = {id(m): i for i, m in enumerate(used)}
    for item in sorted(maps, key=lambda m: (m.day, m.index)):
        if id(item) in used_index:
            no_snow, snow, cloud, nodata = totals.map_counts[used_index[id(item)]].tolist()
            clear = no_snow + snow
            rows.append((item.date.isoformat(), item.day, item.name, sources[item.date_source],
                         _percent(clear, clear + cloud + nodata), _percent(cloud, clear + cloud + nodata),
                         _percent(snow, clear)))
        else:
            rows.append((item.date.isoformat(), item.day, item.name, sources[item.date_source], None, None,
                         tr("ignored")))
    parts += [report.heading(tr("Maps")),
              report.table(rows, header=(tr("Date"), tr("Day"), tr("Map"), tr("Date from"), tr("Clear (%)"),
                                         tr("Cloud (%)"), tr("Snow (% of clear)")))]

    # snow days against elevation
    if with_dem:
        parts.append(report.heading(tr("Snow days against elevation")))
        bands = sorted(totals.elevation.items())
        if bands:
            points = [((band + 0.5) * band_width, total / pixels) for band, (total, pixels) in bands]
            elevations = [p[0] for p in points]
            z0, z1 = min(elevations) - band_width, max(elevations) + band_width
            top = max(max(p[1] for p in points), 1.0)
            parts.append(report.xy_chart(
                [(tr("Mean snow days"), [(scd, z) for z, scd in points], "line", "#2171b5"),
                 ("", [(scd, z) for z, scd in points], "points", "#2171b5")],
                (0, top * 1.05), (z0, z1), x_ticks=_nice_ticks(0, top), y_ticks=_nice_ticks(z0, z1),
                x_title=tr("Mean snow days (SCD)"), y_title=tr("Elevation (m)")))
            parts.append(report.table(
                [("{:g} \u2013 {:g}".format(band * band_width, (band + 1) * band_width), pixels,
                  round(total / pixels, 1)) for band, (total, pixels) in bands],
                header=(tr("Elevation (m)"), tr("Pixels"), tr("Mean snow days"))))
        else:
            parts.append(report.paragraph(tr("The DEM does not cover any pixel with a clear observation.")))
    return report.page(tr("Snow season synthesis"), parts, language=qgis_language())


def _nice_ticks(low, high, count=6):
    """About ``count`` round tick values between ``low`` and ``high``."""
    import math

    span = max(high - low, 1e-9)
    raw = span / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = min((m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw), default=10 * magnitude)
    first = math.ceil(low / step) * step
    ticks = []
    value = first
    while value <= high + 1e-9:
        ticks.append((value, "{:g}".format(value)))
        value += step
    return ticks
