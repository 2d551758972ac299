#!/usr/bin/env python3
"""Névé benchmark: each algorithm on full-size inputs, against only reading those inputs and writing
an output of the same size, with the peak memory of each.

    scripts/bench.sh                 all cases
    scripts/bench.sh cloudmask ...   chosen cases
    scripts/bench.sh --list          the cases

Every measurement runs in a fresh Python process (QGIS started, the provider registered), so that its
peak resident memory (ru_maxrss, QGIS itself included) belongs to it alone. Inputs that must be
generated (full-size synthetic products) are cached in bench-output/cache/. Results are printed as a
table and written to bench-output/results.json.

A case is a function decorated with @case(name, target=...) returning a dict with:
    "inputs":   list of (raster path, band) the algorithm reads,
    "outputs":  list of (width, height, dtype) it writes, for the baseline,
    "run":      function(out_dir) -> None that runs the algorithm (processing.run ...),
and optionally "compare": function(out_dir) -> dict of extra numbers, for a method measured side by side
(declare it with @case(..., compare="what it is")).
"""
import argparse
import json
import os
import resource
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED_DATA = os.path.join(os.path.dirname(ROOT), "shared", "data")
OUT = os.path.join(ROOT, "bench-output")
CACHE = os.path.join(OUT, "cache")

CASES = {}


def case(name, target, compare=None):
    """Register a benchmark case; ``target`` is the goal, printed beside the result; ``compare`` names
    a method measured side by side (the case's spec then has a "compare" function)."""
    def register(function):
        CASES[name] = (function, target, compare)
        return function
    return register


# -- cases ------------------------------------------------------------------------------------------

@case("cloudmask", target="ratio <= 2 (a per-pixel test), memory < 800 MB")
def cloudmask_case():
    path = os.path.join(SHARED_DATA, "real", "cloudmask-10m", "T19GBQ_20170725_cloudmask_10m.tif")

    def run(out_dir):
        import processing
        processing.run("neve:cloudmask", {"INPUT": path, "MASK_TYPE": 3, "VALUES": "1-3",
                                          "OUTPUT": os.path.join(out_dir, "cloudmask.tif")})

    return {"inputs": [(path, 1)], "outputs": [(10980, 10980, "uint8")], "run": run}


def theia_full_product():
    """A full-size generated Theia product (Scene.full_tile(): 10980 px at 10 m), cached in
    bench-output/cache/theia-full/ (about 2 minutes to write once)."""
    import glob

    folder = os.path.join(CACHE, "theia-full")
    complete = os.path.join(folder, "complete")
    if not os.path.exists(complete):
        import shutil

        from synthetic import Scene, make_theia_product

        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(folder)
        make_theia_product(folder, Scene.full_tile())
        open(complete, "w").close()
    return glob.glob(os.path.join(folder, "SENTINEL2*_L2A_*"))[0]


@case("loadproduct", target="ratio <= 2 (read CLM, MG2, EDG; write 5 masks; 2 VRTs, summary), memory < 800 MB")
def loadproduct_case():
    import glob

    product = theia_full_product()

    def run(out_dir):
        import processing
        outputs = {"OUTPUT_" + name: os.path.join(out_dir, name.lower() + ".tif")
                   for name in ("CLOUD", "SHADOW", "WATER", "SNOW", "NODATA")}
        outputs.update(OUTPUT_R1=os.path.join(out_dir, "r1.vrt"), OUTPUT_R2=os.path.join(out_dir, "r2.vrt"),
                       OUTPUT_HTML=os.path.join(out_dir, "summary.html"))
        processing.run("neve:loadproduct", dict(outputs, INPUT_PRODUCT=product))

    masks = [glob.glob(os.path.join(product, "MASKS", "*_{}_R2.tif".format(name)))[0] for name in ("CLM", "MG2", "EDG")]
    return {"inputs": [(path, 1) for path in masks], "outputs": [(5490, 5490, "uint8")] * 5, "run": run}


# -- measurement ---------------------------------------------------------------------------------

def start_qgis():
    sys.path.insert(0, "/usr/share/qgis/python/plugins")
    link_dir = os.path.join(OUT, "import")
    os.makedirs(link_dir, exist_ok=True)
    if not os.path.exists(os.path.join(link_dir, "neve")):
        os.symlink(ROOT, os.path.join(link_dir, "neve"))
    sys.path.insert(0, link_dir)
    sys.path.insert(0, os.path.join(ROOT, "tests"))  # the synthetic product generator
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    from processing.core.Processing import Processing

    Processing.initialize()
    import neve

    plugin = neve.classFactory(None)
    plugin.initProcessing()
    return app, plugin


def baseline(spec, out_dir):
    """Read every input block by block and write outputs of the same size: the I/O floor.

    Outputs hold real data, the first input's when they have its size (as a copy would), otherwise a
    pattern, so that compression does real work. Each input is read once.
    """
    import contextlib

    import numpy as np
    import rasterio

    from neve.plugin.io.raster import GeoTiffWriter, blocks, bounded_gdal_cache

    transform = rasterio.transform.from_origin(0, 0, 10, 10)
    with bounded_gdal_cache():
        for path, band in spec["inputs"][1:]:
            with rasterio.open(path) as src:
                for block in blocks(src.width, src.height):
                    src.read(band, window=block.read)
        first_path, first_band = spec["inputs"][0]
        with contextlib.ExitStack() as stack:
            src = stack.enter_context(rasterio.open(first_path))
            writers = [(stack.enter_context(GeoTiffWriter(
                os.path.join(out_dir, "baseline_{}.tif".format(i)), w, h, "EPSG:32632", transform, dtype)),
                (w, h), dtype) for i, (w, h, dtype) in enumerate(spec["outputs"])]
            for block in blocks(src.width, src.height):
                data = src.read(first_band, window=block.read)
                for writer, (width, height), dtype in writers:
                    if (width, height) == (src.width, src.height):
                        writer.write(data.astype(dtype), block.write)
            for writer, (width, height), dtype in writers:
                if (width, height) != (src.width, src.height):
                    for block in blocks(width, height):
                        shape = (int(block.write.height), int(block.write.width))
                        writer.write((np.indices(shape).sum(axis=0) // 97 % 3).astype(dtype), block.write)


def child(name, what):
    """Run one measurement of one case in this process and print it as JSON."""
    os.makedirs(CACHE, exist_ok=True)
    out_dir = os.path.join(OUT, name, what)
    os.makedirs(out_dir, exist_ok=True)
    app, plugin = start_qgis()
    spec = CASES[name][0]()  # inputs are prepared (and cached) before timing
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    extra = {}
    if what == "baseline":
        baseline(spec, out_dir)
    elif what == "algorithm":
        spec["run"](out_dir)
    elif what == "compare":
        extra = spec["compare"](out_dir)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    print(json.dumps({"seconds": seconds, "peak_mb": peak, "startup_mb": rss_before / 1024.0,
                      "extra": extra}))


def measure(name, what):
    result = subprocess.run([sys.executable, os.path.abspath(__file__), "--child", name, what],
                            capture_output=True, text=True, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    if result.returncode != 0:
        raise RuntimeError("{} {} failed:\n{}{}".format(name, what, result.stdout, result.stderr))
    return json.loads(result.stdout.strip().splitlines()[-1])


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("cases", nargs="*")
    parser.add_argument("--list", action="store_true")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(*args.child)
        return 0
    if args.list:
        for name, (_f, target, _c) in CASES.items():
            print("{:<20} {}".format(name, target))
        return 0
    names = args.cases or list(CASES)
    results = {}
    print("{:<18} {:>9} {:>9} {:>7} {:>10} {:>10}  {}".format(
        "case", "io (s)", "alg (s)", "ratio", "io MB", "alg MB", "target"))
    for name in names:
        _function, target, compare = CASES[name]
        io = measure(name, "baseline")
        alg = measure(name, "algorithm")
        row = {"baseline": io, "algorithm": alg, "ratio": alg["seconds"] / io["seconds"], "target": target}
        print("{:<18} {:>9.2f} {:>9.2f} {:>7.2f} {:>10.0f} {:>10.0f}  {}".format(
            name, io["seconds"], alg["seconds"], row["ratio"], io["peak_mb"], alg["peak_mb"], target))
        if compare:
            other = measure(name, "compare")
            row["compare"] = dict(other, what=compare, speedup=other["seconds"] / alg["seconds"])
            print("{:<18} {:>9} {:>9.2f} {:>7} {:>10} {:>10.0f}  {} ({:.1f}x slower than Névé) {}".format(
                "", "", other["seconds"], "", "", other["peak_mb"], compare, row["compare"]["speedup"],
                json.dumps(other["extra"]) if other["extra"] else ""))
        results[name] = row
        sys.stdout.flush()
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "results.json"), "w") as f:
        json.dump(results, f, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
