"""``python3 -m neve archive``: the snow maps of an archive on a Dask cluster, from the shell.

::

    python3 -m neve archive --out maps/ --dem alps_dem.vrt --season 2020-09-01 2021-08-31 downloads/
    python3 -m neve archive --out maps/ --scheduler tcp://head-node:8786 --refine theia_2018 /data/T31TCH/

The products (zips, product folders, metadata files, or folders searched recursively) are the positional
arguments; the rest is ``neve:snowarchive`` (``pipeline/algorithms/snowarchive.py``), run with the same
values as from QGIS or ``python3 -m neve snowarchive``. Exit status: 0 when every product (and season) is
done or was done before, 1 when some failed (the others are done; the manifest says why) or the run
failed, 2 for bad input.
"""
import argparse

from .i18n import tr
from .pipeline.algorithms import snowarchive
from .pipeline.spec import check_ranges, complete_values
from .terminal import EXIT_BAD_INPUT, EXIT_FAILURE, EXIT_OK, Formatter, TerminalFeedback, date_argument, run_job


def parser(prog):
    spec = snowarchive.spec()
    refine = spec.parameter("REFINE")
    extra = spec.parameter("EXTRA_OUTPUTS")
    p = argparse.ArgumentParser(
        prog=prog, formatter_class=Formatter,
        description=spec.display_name + ". " + spec.short_description,
        epilog=tr("Without --scheduler, a local cluster of --workers processes runs on this computer and stops at "
                  "the end. Exit status: 0 every product done (now or before), 1 some failed (see the manifest), "
                  "2 bad input."))
    p.add_argument("products", nargs="+", metavar="PRODUCT_OR_FOLDER",
                   help=tr("Sentinel-2 L2A products (zips, folders, metadata files) or folders holding them, "
                           "searched recursively"))
    p.add_argument("--out", required=True, metavar="DIR", help=tr("output folder (with manifest.json)"))
    p.add_argument("--dem", metavar="RASTER", help=tr("one DEM covering every product (a VRT is fine)"))
    p.add_argument("--refine", default="none", choices=refine.option_keys, metavar="PRESET",
                   help=tr("refine the cloud masks first with a preset of neve:refinecloudmask: {choices}").format(
                       choices=", ".join(refine.option_keys)).replace("%", "%%"))
    p.add_argument("--season", nargs=2, type=date_argument, metavar=("START", "STOP"),
                   help=tr("the snow season of each tile from START to STOP (YYYY-MM-DD, inclusive)"))
    where = p.add_mutually_exclusive_group()
    where.add_argument("--scheduler", default="", metavar="tcp://HOST:PORT",
                       help=tr("a running Dask scheduler (its address, or its scheduler file) whose workers see the "
                               "same paths"))
    where.add_argument("--workers", type=int, default=0, metavar="N",
                       help=tr("worker processes of the local cluster (default: one per core)"))
    p.add_argument("--retries", type=int, default=spec.parameter("RETRIES").default, metavar="N",
                   help=tr("tries again of a failed product (default {value})").format(
                       value=spec.parameter("RETRIES").default))
    p.add_argument("--zones", metavar="VECTOR",
                   help=tr("polygons (watersheds): neve:snowstats counts every map of the run over them into "
                           "statistics/ of the output folder"))
    p.add_argument("--zone-field", metavar="FIELD", help=tr("the field naming the zones"))
    p.add_argument("--also", nargs="+", default=[], choices=extra.option_keys, metavar="OUTPUT",
                   help=tr("optional outputs of each product: {choices}").format(choices=", ".join(extra.option_keys)))
    p.add_argument("--json", action="store_true", help=tr("print the results as JSON on standard output"))
    p.add_argument("--quiet", action="store_true", help=tr("print no log and no progress, only warnings"))
    return spec, p


def main(argv, prog, stdout, stderr):
    """Run ``archive`` with the arguments ``argv``; returns the exit status."""
    try:
        spec, p = parser(prog)
        options = p.parse_args(argv)
    except SystemExit as exit_:  # argparse: --help (0) or a bad option (2)
        return exit_.code if isinstance(exit_.code, int) else EXIT_BAD_INPUT
    feedback = TerminalFeedback(stderr, quiet=options.quiet)
    given = {"PRODUCTS": list(options.products), "OUTPUT_FOLDER": options.out, "DEM": options.dem,
             "REFINE": options.refine, "SCHEDULER": options.scheduler, "WORKERS": options.workers,
             "RETRIES": options.retries, "EXTRA_OUTPUTS": list(options.also), "ZONES": options.zones,
             "ZONE_FIELD": options.zone_field}
    if options.season:
        given.update(DATE_START=options.season[0], DATE_STOP=options.season[1])

    def call(feedback):
        values = complete_values(spec, given)
        check_ranges(spec, values)
        return spec.run(values, feedback)

    status, results = run_job(call, feedback, stdout, stderr, as_json=options.json, quiet=options.quiet)
    if status != EXIT_OK:
        return status
    failed = results.get("PRODUCTS_FAILED", 0) or results.get("SEASONS_FAILED", 0) or \
        (options.zones and not results.get("STATISTICS"))
    return EXIT_FAILURE if failed else EXIT_OK
