"""Declaration of ``snowseason``, "Snow season synthesis"; the job is ``pipeline/season.py``."""
from ...core.defaults import MAX_DATE_MARGIN, MIN_ELEVATION_BAND, SEASON_DEFAULTS
from ...i18n import tr
from ..spec import (BOOLEAN, CRS, DATE, ENUM, EXTENT, FILE_OUT, INTEGER, NUMBER, RASTER, RASTER_OUT, RASTERS,
                    STRING, AlgorithmSpec, Output, Param)
from . import runner

#: The five uint16 outputs, in the order of ``core.season.SeasonResult``.
SEASON_OUTPUTS = ("OUTPUT_SCD", "OUTPUT_SOD", "OUTPUT_SMOD", "OUTPUT_NOBS", "OUTPUT_NSP")
NSP_COUNTS = ("onsets", "changes")


def nsp_count_options():
    return (("onsets", tr("Snow onsets (no snow one day, snow the next)")),
            ("changes", tr("Changes both ways, onsets and melts (as LIS's NSP)")))


def output_labels():
    """The labels of the five outputs (their layers are named so when loaded)."""
    return {
        "OUTPUT_SCD": tr("Snow cover duration (SCD), days"),
        "OUTPUT_SOD": tr("Snow onset day (SOD), days since the start"),
        "OUTPUT_SMOD": tr("Snow melt-out day (SMOD), days since the start"),
        "OUTPUT_NOBS": tr("Clear observations (NOBS)"),
        "OUTPUT_NSP": tr("Snow onsets (NSP)"),
    }


def spec():
    lis = tr("Let-It-Snow (Theia Snow collection)")
    labels = output_labels()
    parameters = [
        Param("INPUTS", RASTERS, tr("Snow maps"),
              tr("The snow maps of the season, in any order: outputs of neve:snowmap, Theia Snow SNW maps or "
                 "FSC maps (0 no snow, 1 to 100 snow, 205 cloud, 254 or 255 no data). Their dates are read "
                 "from the ACQUISITION_DATE metadata tag or from their names, or given in Dates.")),
        Param("DATES", STRING, tr("Dates of the maps"),
              tr("Optional: one date per map, in the order of the maps, separated by commas or new lines "
                 "(2018-01-01 or 20180101). Leave an entry empty to read that map's date from its metadata "
                 "or name; leave everything empty to read them all."),
              default="", multiline=True, optional=True),
        Param("DATE_START", DATE, tr("Start of the season"),
              tr("First day of the period (day 0 of the snow onset and melt-out days). Empty: 1 September of the "
                 "hydrological "
                 "year of the earliest map (the Theia Snow syntheses run from 1 September to 31 August)."),
              optional=True),
        Param("DATE_STOP", DATE, tr("End of the season"),
              tr("Last day of the period, included. Empty: 31 August at the end of the hydrological year "
                 "of the start date."), optional=True),
        Param("DATE_MARGIN", INTEGER, tr("Date margin (days)"),
              tr("Maps up to this many days before the start or after the end are used to interpolate the "
                 "first and last days of the period. Default 15 days, as LIS."),
              default=SEASON_DEFAULTS["DATE_MARGIN"], minimum=0, maximum=MAX_DATE_MARGIN, source=lis),
        Param("REFERENCE_GRID", RASTER, tr("Reference grid"),
              tr("Optional raster whose grid (CRS, extent, pixel size) the outputs take. Empty: the grid of "
                 "the first map. Maps on another grid are aligned to it with nearest neighbour."),
              optional=True),
        Param("TARGET_GRID", RASTER, tr("Target grid (maps of several tiles and CRSs)"),
              tr("Optional raster in any coordinate reference system whose grid the outputs take, to make one "
                 "season mosaic of maps of several tiles and CRSs: every map is put on it with nearest "
                 "neighbour and maps of the same day are merged (a clear observation first, then the map "
                 "listed first). Or give the target CRS, pixel size and extent below instead."),
              optional=True),
        Param("TARGET_CRS", CRS, tr("Target CRS"),
              tr("Optional: the coordinate reference system of the target grid, when it is not given as a "
                 "raster (with the pixel size and the extent)."), optional=True),
        Param("TARGET_PIXEL_SIZE", NUMBER, tr("Target pixel size"),
              tr("Optional: the pixel size of the target grid, in the units of the target CRS. Empty: the "
                 "finest pixel of the maps (in a CRS of the same units)."), optional=True, minimum=1e-9),
        Param("TARGET_EXTENT", EXTENT, tr("Target extent"),
              tr("Optional: the extent of the target grid. Empty: the extent of all the maps."), optional=True),
        Param("DEM", RASTER, tr("Digital elevation model (for the report)"),
              tr("Optional: with a DEM (metres, any grid or CRS, resampled bilinearly), the report shows "
                 "the mean snow days per elevation band."), optional=True),
        Param("ELEVATION_BAND", NUMBER, tr("Elevation band (m)"),
              tr("Height of the elevation bands of the report. Default 100 m, the band of LIS's snowline "
                 "histogram."),
              default=SEASON_DEFAULTS["ELEVATION_BAND"], minimum=MIN_ELEVATION_BAND, advanced=True, source=lis),
        Param("MIN_SNOW_DAYS", INTEGER, tr("Snow days needed for the snow onset and melt-out days (SOD, SMOD)"),
              tr("The snow onset and melt-out days are 0 unless the snow cover duration is more than this number "
                 "of days. Default 10, as LIS."),
              default=SEASON_DEFAULTS["MIN_SNOW_DAYS"], minimum=0, advanced=True, source=lis),
        Param("NSP_COUNT", ENUM, tr("What the snow onsets (NSP) count"),
              tr("Default: snow onsets in the period. LIS 1.x counts the changes in both directions (its "
                 "difference of 8-bit values counts melts too): choose the second to reproduce its snow onsets "
                 "(NSP)."),
              default=SEASON_DEFAULTS["NSP_COUNT"], options=nsp_count_options(), advanced=True),
        Param("NOBS_PERIOD_ONLY", BOOLEAN, tr("Clear observations (NOBS) only in the period"),
              tr("Default off: the clear observations count every clear observation used, margin dates "
                 "included, as LIS."),
              default=SEASON_DEFAULTS["NOBS_PERIOD_ONLY"], advanced=True, source=lis),
        *(Param(name, RASTER_OUT, labels[name], optional=True) for name in SEASON_OUTPUTS),
        Param("OUTPUT_DAILY", RASTER_OUT, tr("Daily snow"),
              tr("Optional: one band per day named by its date, 1 snow, 0 no snow, 255 never clear."),
              optional=True, create_by_default=False),
        Param("OUTPUT_REPORT", FILE_OUT, tr("Season report"),
              tr("HTML report: the snow-covered area through the season, the maps and their dates, and with a "
                 "DEM the snow days per elevation band."),
              optional=True, file_filter=tr("HTML files (*.html)")),
    ]
    outputs = (
        Output("PERIOD_START", STRING, tr("First day of the period")),
        Output("PERIOD_STOP", STRING, tr("Last day of the period")),
        Output("MAPS_USED", NUMBER, tr("Number of maps used")),
    )
    return AlgorithmSpec(
        name="snowseason", group="snow", display_name=tr("Snow season synthesis"),
        short_description=tr(
            "Snow days, snow onset and melt-out days, clear observations and snow onsets of a "
            "series of snow maps over a season, as the syntheses of the Theia Snow collection."),
        help=help_text(), parameters=tuple(parameters), outputs=outputs, run=runner("season"))


def help_text():
    return tr(
        "<p>Sums up a season of snow maps pixel by pixel, with the method of the yearly syntheses of "
        "the Theia Snow collection (LIS): how long snow stayed, when it came and when it melted.</p>"
        "<p><b>Snow maps</b>: outputs of <i>Snow map</i> (neve:snowmap), Theia Snow maps (*_SNW_R2.tif) "
        "or fractional snow cover maps (FSC). Codes: 0 no snow, 1 to 100 snow, anything else is a gap "
        "(205 cloud, 254 or 255 no data); pixels equal to a map's no-data value are gaps too.</p>"
        "<p><b>Dates</b>: for each map the first found of: the <i>Dates</i> parameter; the "
        "ACQUISITION_DATE metadata tag (written by neve:snowmap); a date in the file name (Theia: "
        "SENTINEL2A_20180101-103512-456_..., or 20180101, or 2018-01-01), in the name of its folder. The "
        "log tells which was used for each map.</p>"
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
        "so); a map in another CRS must be reprojected first (Raster, Projections, Warp). With a "
        "<b>target grid</b> (a raster, or a CRS with a pixel size and an extent), maps of any tiles "
        "and CRSs make one mosaic: each is put on the target grid with nearest neighbour, maps of the "
        "same day merged.</p>"
        "<p><b>Report</b> (HTML): the snow-covered area through the season, observed on each date "
        "(snow fraction of the clear pixels) and interpolated for each day (snow fraction of the "
        "pixels with at least one clear observation), the maps and their dates; with a DEM, the mean "
        "snow days per elevation band.</p>"
        "<p><b>Many products</b>: run <i>Snow map</i> in batch mode (one row per product, or "
        "<i>Autofill</i> from a folder), then give its outputs here (<i>Add File(s)</i> or "
        "<i>Add Directory</i> in the list of snow maps). In a model, connect a <i>Multiple layers</i> input "
        "and the outputs of <i>Snow map</i> steps to the snow maps. From Python, run neve:snowmap in a loop and pass "
        "the list of its outputs to INPUTS.</p>")
