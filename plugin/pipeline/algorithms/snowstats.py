"""Declaration of ``snowstats``, "Snow statistics by zone and elevation"; the job is ``pipeline/stats.py``."""
from ...core.defaults import MIN_ELEVATION_BAND, STATS_DEFAULTS
from ...i18n import tr
from ..spec import (ENUM, FIELD, FILE_OUT, NUMBER, RASTER, RASTERS, STRING, VECTOR, VECTOR_OUT, AlgorithmSpec,
                    Output, Param)
from . import runner

ASPECTS = ("none", "4", "8")


def aspect_options():
    return (("none", tr("None")), ("4", tr("4 classes: N, E, S, W")),
            ("8", tr("8 classes: N, NE, E, SE, S, SW, W, NW")))


def spec():
    lis = tr("Let-It-Snow (Theia Snow collection)")
    parameters = [
        Param("INPUTS", RASTERS, tr("Snow maps"),
              tr("Snow maps of any dates, tiles and coordinate reference systems: outputs of neve:snowmap, Theia "
                 "Snow SNW maps or fractional snow cover maps (0 no snow, 1 to 100 snow, 205 cloud, 254 or 255 "
                 "no data). Their dates are read as neve:snowseason reads them.")),
        Param("DATES", STRING, tr("Dates of the maps"),
              tr("Optional: one date per map, in the order of the maps, separated by commas or new lines "
                 "(2018-01-01 or 20180101). Leave an entry empty to read that map's date from its metadata "
                 "or name; leave everything empty to read them all."),
              default="", multiline=True, optional=True),
        Param("ZONES", VECTOR, tr("Zones (polygons)"),
              tr("Optional polygons to count in, such as watersheds, in any coordinate reference system "
                 "(transformed to each map's). Zones may overlap (a basin and its sub-basins): each is "
                 "counted whole. Without zones, the whole extent of the maps is one zone."), optional=True),
        Param("ZONE_FIELD", FIELD, tr("Zone name field"),
              tr("The field naming the zones; features with the same value make one zone. Empty: each "
                 "feature is a zone named by its feature id."), optional=True, parent="ZONES"),
        Param("DEM", RASTER, tr("Digital elevation model"),
              tr("Optional: elevations in metres, any CRS and resolution (resampled bilinearly onto each "
                 "map's grid). Needed for the elevation bands, the aspect classes and the regional "
                 "snowline."), optional=True),
        Param("BAND_WIDTH", NUMBER, tr("Elevation band height (m)"),
              tr("Height of the elevation bands, in metres: band k holds k x height <= z < (k + 1) x height. "
                 "Default 100 m, the band of LIS's snowline histogram."),
              default=STATS_DEFAULTS["BAND_WIDTH"], minimum=MIN_ELEVATION_BAND, source=lis),
        Param("ASPECT", ENUM, tr("Aspect classes"),
              tr("Split the counts by the direction slopes face, from the DEM (grid north, clockwise): none, "
                 "4 classes (90 degree sectors centred on N, E, S, W) or 8 classes (45 degree sectors). "
                 "Slopes under 1 degree are flat."),
              default="none", options=aspect_options()),
        Param("MIN_CLEAR", NUMBER, tr("Clear share of a reliable date"),
              tr("A zone on a date whose clear share (snow and no snow, of its whole area) is below this "
                 "fraction (0 to 1) is flagged unreliable: its snow-covered area says little. Default 0.5."),
              default=STATS_DEFAULTS["MIN_CLEAR"], minimum=0.0, maximum=1.0),
        Param("SNOWLINE_STEP", NUMBER, tr("Regional snowline step (m)"),
              tr("The regional snowline is searched among elevations this many metres apart (inside each "
                 "elevation band). Default 10 m."),
              default=STATS_DEFAULTS["SNOWLINE_STEP"], minimum=MIN_ELEVATION_BAND, advanced=True),
        Param("SITE_ZONE", STRING, tr("Zone of the site series"),
              tr("The name of the zone whose dated maps the report shows side by side. Empty: the first "
                 "zone."), default="", optional=True),
        Param("OUTPUT_TABLE", VECTOR_OUT, tr("Snow statistics"),
              tr("A table (GeoPackage, or CSV when the name ends in .csv): one row per zone, date, elevation "
                 "band and aspect (\"all\" for all of them), with the areas in km2 of snow, no snow, cloud and "
                 "no data, snow % of the clear area, clear share, reliability, the cloud-corrected estimate, "
                 "and on the rows of whole zones the regional snowline and its share of misclassified "
                 "pixels."), optional=True, geometry="none"),
        Param("OUTPUT_ZONES", VECTOR_OUT, tr("Zones with their statistics"),
              tr("The zones (GeoPackage) with their last date's values and their means over the reliable "
                 "dates."), optional=True, geometry="polygon"),
        Param("OUTPUT_HTML", FILE_OUT, tr("Report"),
              tr("An HTML page: per zone, the snow-covered area through time by elevation band with the "
                 "cloud-corrected estimate and the cloudy dates marked, the regional snowline through time; "
                 "the site series of one zone."),
              optional=True, file_filter=tr("HTML files (*.html)")),
    ]
    outputs = (
        Output("MAPS_USED", NUMBER, tr("Number of maps counted")),
        Output("DATES_USED", NUMBER, tr("Number of dates")),
        Output("ZONES_COUNT", NUMBER, tr("Number of zones")),
    )
    return AlgorithmSpec(
        name="snowstats", group="snow", display_name=tr("Snow statistics by zone and elevation"),
        short_description=tr(
            "Snow-covered area per zone, date, elevation band and aspect, the regional snowline and a "
            "cloud-corrected estimate, from snow maps of any tiles and CRSs."),
        help=help_text(), parameters=tuple(parameters), outputs=outputs, run=runner("stats"))


def help_text():
    return tr(
        "<p>Counts snow maps over zones (watersheds, areas) and time: how much of each zone is snow-covered "
        "on each date, in each elevation band and on each aspect, and the regional snowline.</p>"
        "<p><b>Snow maps</b>: outputs of <i>Snow map</i> (neve:snowmap), Theia Snow maps or fractional snow "
        "cover maps, of any tiles and coordinate reference systems. Codes: 0 no snow, 1 to 100 snow (a "
        "fractional cover counts as its fraction of the pixel), 205 cloud, anything else no data. Dates as "
        "in <i>Snow season synthesis</i>: the Dates parameter, the ACQUISITION_DATE tag, the file or folder "
        "name.</p>"
        "<p><b>Areas</b> come from each map's own grid; zones are transformed to each map's CRS; a pixel "
        "belongs to a zone when its centre is inside. Where maps of one date overlap (two tiles, two UTM "
        "zones), each ground pixel counts once: a clear observation wins over cloud, cloud over no data, "
        "then the map listed first.</p>"
        "<p><b>Cloud-corrected snow cover</b> (an estimate, not an observation): the snow fraction of the "
        "clear area of each elevation band applied to the band's clear and cloudy area, summed over the "
        "bands; a band without any clear pixel takes the fraction of the nearest band. Without a DEM, the "
        "whole zone is one band.</p>"
        "<p><b>Regional snowline</b> (Krajčí, Holko &amp; Parajka 2014): the elevation that minimises the "
        "number of snow pixels below it plus snow-free pixels above it, over the clear pixels of the zone; "
        "its uncertainty is the share of clear pixels it misclassifies (0: one line separates snow from no "
        "snow perfectly). It is not the LIS snowline of <i>Snow map</i>, which starts pass 2.</p>"
        "<p><b>Outputs</b>: a table (GeoPackage or CSV), the zones with their last date's values and season "
        "means, and an HTML report with charts per zone and a site series.</p>")
