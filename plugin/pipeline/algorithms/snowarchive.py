"""Declaration of ``snowarchive``, "Snow maps of an archive"; the job is ``pipeline/archive.py``.

The command line has a shorter form of it: ``python3 -m neve archive`` (``plugin/archive_cli.py``).
"""
from ...i18n import tr
from ..spec import (DATE, ENUM, FIELD, FILE_OUT, FILES, FOLDER, FOLDER_OUT, INTEGER, NUMBER, RASTER, STRING, VECTOR,
                    AlgorithmSpec, Output, Param)
from . import refinecloudmask, runner

#: (import name, what to install) of the packages an archive run needs.
REQUIRES = (("dask", "dask[distributed]"), ("distributed", "dask[distributed]"))
#: No refinement, or a preset of neve:refinecloudmask (not "custom": an archive takes no thresholds).
REFINE_KEYS = ("none",) + tuple(key for key in refinecloudmask.PRESET_KEYS if key != "custom")


def refine_options():
    labels = dict(refinecloudmask.preset_options())
    return (("none", tr("None: the product's own cloud mask")),
            *((key, labels[key]) for key in REFINE_KEYS[1:]))


def extra_output_options():
    return (("bits", tr("Bit field of the intermediate layers")), ("ndsi", tr("NDSI")),
            ("fsc", tr("Fractional snow cover on top of canopy")), ("polygons", tr("Snow and cloud polygons")),
            ("report", tr("Report")))


def spec():
    parameters = (
        Param("INPUT_FOLDER", FOLDER, tr("Folder of products"),
              tr("A folder searched with its subfolders for Sentinel-2 L2A products: Theia or Sen2Cor zips "
                 "(named as downloaded), product folders. Products may also be given one by one below."),
              optional=True),
        Param("PRODUCTS", FILES, tr("Products"),
              tr("Products given one by one (zips, metadata files or folders), besides or instead of the "
                 "folder."), optional=True),
        Param("DEM", RASTER, tr("Digital elevation model"),
              tr("One elevation raster covering every product (a VRT over several tiles is fine), in metres: "
                 "each snow map reads it onto its own 20 m grid. Without it, pass 2 is skipped."),
              optional=True),
        Param("REFINE", ENUM, tr("Cloud mask refinement"),
              tr("Refine each product's cloud mask with a preset of neve:refinecloudmask before mapping the "
                 "snow (the refined mask is kept beside the map), or use the product's own mask."),
              default="none", options=refine_options()),
        Param("DATE_START", DATE, tr("First day of the season"),
              tr("With the last day: the snow season of each tile (neve:snowseason) from its maps, in "
                 "season_YYYYMMDD_YYYYMMDD in the tile's folder. Leave both empty for maps only."),
              optional=True),
        Param("DATE_STOP", DATE, tr("Last day of the season"), tr("The last day of the season (inclusive)."),
              optional=True),
        Param("ZONES", VECTOR, tr("Zones for snow statistics"),
              tr("Optional polygons (watersheds, any CRS): with them, neve:snowstats counts every map of the "
                 "run (of the season when one is given) over these zones, across tiles, into statistics/ of "
                 "the output folder (table, zones, report), once the maps are made; skipped when nothing "
                 "changed."), optional=True),
        Param("ZONE_FIELD", FIELD, tr("Zone name field"),
              tr("The field naming the zones (empty: each feature is a zone named by its feature id)."),
              optional=True, parent="ZONES"),
        Param("SCHEDULER", STRING, tr("Dask scheduler"),
              tr("Address of a running Dask scheduler (tcp://host:8786), or the file written by dask scheduler "
                 "--scheduler-file; its workers must see the products and the output folder under the same "
                 "paths. Empty: a local cluster of worker processes on this computer, stopped at the end."),
              default="", optional=True),
        Param("WORKERS", INTEGER, tr("Local worker processes"),
              tr("Worker processes of the local cluster, one product at a time each (0: one per processor "
                 "core). Not used with a scheduler."), default=0, minimum=0, maximum=1024),
        Param("RETRIES", INTEGER, tr("Retries of a failed product"),
              tr("A product whose task fails is tried again this many times (on any worker) before it is "
                 "recorded as failed."), default=2, minimum=0, maximum=100, advanced=True),
        Param("EXTRA_OUTPUTS", ENUM, tr("Optional outputs of each product"),
              tr("Written beside each snow map, named after it."), default=[], options=extra_output_options(),
              multiple=True, optional=True, advanced=True),
        Param("OUTPUT_FOLDER", FOLDER_OUT, tr("Output folder"),
              tr("One folder per tile with the snow maps (YYYYMMDD_S2A_SNW.tif) and the season, and "
                 "manifest.json: the status, numbers and files of every product. Running again into the same "
                 "folder skips what is done.")),
    )
    outputs = (
        Output("MANIFEST", FILE_OUT, tr("Manifest")),
        Output("PRODUCTS_DONE", NUMBER, tr("Products mapped")),
        Output("PRODUCTS_SKIPPED", NUMBER, tr("Products already done")),
        Output("PRODUCTS_FAILED", NUMBER, tr("Products failed")),
        Output("SEASONS_DONE", NUMBER, tr("Seasons done")),
        Output("SEASONS_FAILED", NUMBER, tr("Seasons failed")),
        Output("STATISTICS", FILE_OUT, tr("Snow statistics")),
    )
    return AlgorithmSpec(
        name="snowarchive", group="snow", display_name=tr("Snow maps of an archive"),
        short_description=tr("The snow map of every product of a folder, and the season of each tile, on a "
                             "Dask cluster or the processor cores of this computer; resumable."),
        help=help_text(), parameters=parameters, outputs=outputs, run=runner("archive"), requires=REQUIRES)


def help_text():
    return tr(
        "<p>Runs <i>neve:snowmap</i> on every product of a folder (optionally after "
        "<i>neve:refinecloudmask</i> with a preset), then <i>neve:snowseason</i> on each tile's maps, as tasks "
        "of a Dask cluster: the worker processes of this computer, or the workers of a running scheduler "
        "(PBS or Slurm through dask-jobqueue, Kubernetes). The maps are the same files as single runs.</p>"
        "<p><b>Output folder</b>: <tt>&lt;tile&gt;/&lt;YYYYMMDD&gt;_&lt;satellite&gt;_SNW.tif</tt>, "
        "<tt>&lt;tile&gt;/season_&lt;start&gt;_&lt;stop&gt;/</tt> and <tt>manifest.json</tt> (status "
        "done, skipped or failed of every product, the error of a failure, the worker, seconds, snow and "
        "cloud percentages, snowline, output files with their sizes and SHA-256).</p>"
        "<p><b>Resumable</b>: run it again into the same folder and finished products are skipped. A product "
        "that fails is tried again, then recorded as failed while the others go on; a task whose worker "
        "stops is rerun on another; no output is ever half-written.</p>"
        "<p><b>Statistics</b>: with zones, <i>neve:snowstats</i> counts every map of the run (of the "
        "season when one is given) over them, across tiles, into <tt>statistics/</tt>: "
        "<tt>snow_statistics.gpkg</tt>, <tt>zones.gpkg</tt>, <tt>snow_statistics.html</tt>.</p>"
        "<p>Needs the Python packages dask and distributed (<tt>pip install \"dask[distributed]\"</tt>).</p>")
