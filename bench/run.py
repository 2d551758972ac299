#!/usr/bin/env python3
"""Névé benchmark: each algorithm on full-size inputs, against only reading those inputs and writing
an output of the same size, with the peak memory of each.

    scripts/bench.sh                 all cases
    scripts/bench.sh cloudmask ...   chosen cases
    scripts/bench.sh --list          the cases

Every measurement runs in a fresh Python process (QGIS started, the provider registered, the plugin's
modules imported as in a QGIS session that has used them once), so that its peak resident memory
(ru_maxrss, QGIS itself included) belongs to it alone. Inputs that must be
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


def case(name, target, compare=None, io_floor=True):
    """Register a benchmark case; ``target`` is the goal, printed beside the result; ``compare`` names
    a method measured side by side (the case's spec then has a "compare" function); ``io_floor=False``
    for a case timed against an absolute target (no read-and-write baseline): its "run" returns a dict
    of the numbers it measured itself."""
    def register(function):
        CASES[name] = (function, target, compare, io_floor)
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


def snowmap_inputs():
    """A full-size generated Theia product (10980 px at 10 m, textured so that reading costs what real
    bands cost) and its DEM on the 20 m grid, cached in bench-output/cache/snowmap/."""
    import glob

    folder = os.path.join(CACHE, "snowmap")
    dem = os.path.join(folder, "dem_20m.tif")
    complete = os.path.join(folder, "complete")
    if not os.path.exists(complete):
        import shutil

        from synthetic import Scene, make_dem, make_theia_product

        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(folder)
        scene = Scene.full_tile(texture=0.1)
        make_theia_product(folder, scene)
        make_dem(dem, scene)
        open(complete, "w").close()
    return glob.glob(os.path.join(folder, "SENTINEL2*_L2A_*"))[0], dem


@case("snowmap", target="ratio <= 3 (read green, red, SWIR, CLM, DEM; write the map), memory < 1.5 GB")
def snowmap_case():
    import glob

    product, dem = snowmap_inputs()

    def band(pattern):
        return glob.glob(os.path.join(product, pattern))[0]

    def run(out_dir):
        import processing
        processing.run("neve:snowmap", {"INPUT_PRODUCT": product, "DEM": dem,
                                        "OUTPUT": os.path.join(out_dir, "snow.tif")})

    inputs = [band("*_FRE_B3.tif"), band("*_FRE_B4.tif"), band("*_FRE_B11.tif"), band("MASKS/*_CLM_R2.tif"), dem]
    return {"inputs": [(path, 1) for path in inputs], "outputs": [(5490, 5490, "uint8")], "run": run}


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


# -- snowseason: 60 full 20 m snow maps over one hydrological year ---------------------------------

SEASON_MAPS = 60
SEASON_SIZE = 5490


def snowseason_maps():
    """60 generated snow maps (5490 x 5490 px at 20 m, uint8, tiled DEFLATE, named like Theia SNW maps so
    that their dates are read from the names), cached in bench-output/cache/snowseason/.

    Content (written once, about a minute): a smooth terrain (500 to 3500 m) with a rough texture (80 m
    standard deviation from pixel to pixel); on each date snow above a snowline that comes down from
    3100 m in September to 900 m in February and goes back up, moved by a smooth per-date field
    (+-150 m) and per-pixel noise (+-150 m), so that snow edges are ragged as in real maps (files of
    about 0.5 MB); smooth clouds covering 0 to 80 % of the tile (code 205); on one date in four
    a no-data band along the swath edge (255). Dates every 6 days from 2018-09-02 with a
    few days of jitter, and two pairs of maps on the same day (overlapping orbits).
    """
    import datetime

    import numpy as np
    import rasterio
    from rasterio.transform import from_origin
    from scipy import ndimage

    folder = os.path.join(CACHE, "snowseason")
    complete = os.path.join(folder, "complete")

    def name(date, index):
        return os.path.join(folder, "SENTINEL2{}_{}-10{:04d}-000_L2B-SNOW_T31TCH_C_V1-7_SNW_R2.tif".format(
            "AB"[index % 2], date.strftime("%Y%m%d"), index))

    rng = np.random.default_rng(2018)
    dates = [datetime.date(2018, 9, 2) + datetime.timedelta(days=6 * i + int(rng.integers(0, 3)))
             for i in range(SEASON_MAPS)]
    dates[21], dates[40] = dates[20], dates[39]          # two dates with two maps
    paths = [name(date, index) for index, date in enumerate(dates)]
    if os.path.exists(complete):
        return paths

    import shutil
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    size, coarse = SEASON_SIZE, SEASON_SIZE // 10

    def smooth(cells, shape):
        """A smooth random field in 0..1 on ``shape``, from ``cells`` x ``cells`` random values."""
        field = ndimage.zoom(rng.random((cells, cells)), (shape[0] / cells, shape[1] / cells), order=3,
                             mode="nearest")
        field -= field.min()
        return (field / max(field.max(), 1e-9)).astype(np.float32)

    terrain = 500.0 + 3000.0 * ndimage.zoom(smooth(12, (coarse, coarse)), 10, order=1)
    terrain += rng.normal(0.0, 80.0, terrain.shape).astype(np.float32)
    profile = dict(driver="GTiff", width=size, height=size, count=1, dtype="uint8", crs="EPSG:32631",
                   transform=from_origin(300000.0, 5000040.0, 20.0, 20.0), tiled=True, blockxsize=512,
                   blockysize=512, compress="deflate")
    columns = np.arange(size, dtype=np.float32)
    for index, (date, path) in enumerate(zip(dates, paths)):
        season_angle = 2 * np.pi * ((date - datetime.date(2018, 9, 1)).days - 160) / 365.0
        snowline = 2050.0 - 1150.0 * np.cos(season_angle)
        blur = np.repeat(np.repeat(smooth(16, (coarse, coarse)), 10, axis=0), 10, axis=1)
        noise = rng.integers(-150, 151, terrain.shape, dtype=np.int16)
        codes = np.where(terrain - noise > snowline + 300.0 * (blur - 0.5), 100, 0).astype(np.uint8)
        clouds = np.repeat(np.repeat(smooth(24, (coarse, coarse)), 10, axis=0), 10, axis=1)
        codes[clouds < 0.8 * rng.random()] = 205
        if index % 4 == 0:       # the swath edge: a diagonal no-data band
            edge = columns[None, :] + 0.3 * columns[:, None]
            codes[edge < size * 0.25] = 255
        with rasterio.open(path, "w", **profile) as dst:
            dst.write(codes, 1)
    open(complete, "w").close()
    return paths


@case("snowseason", target="ratio <= 3 (read 60 full 20 m maps, write 5 outputs), memory < 2 GB")
def snowseason_case():
    paths = snowseason_maps()

    def run(out_dir):
        import processing
        outputs = {name: os.path.join(out_dir, name.lower() + ".tif")
                   for name in ("OUTPUT_SCD", "OUTPUT_SOD", "OUTPUT_SMOD", "OUTPUT_NOBS", "OUTPUT_NSP")}
        processing.run("neve:snowseason", dict(outputs, INPUTS=paths,
                                               OUTPUT_REPORT=os.path.join(out_dir, "season.html")))

    return {"inputs": [(path, 1) for path in paths], "outputs": [(SEASON_SIZE, SEASON_SIZE, "uint16")] * 5,
            "run": run}


REAL_MASK_10M = os.path.join(SHARED_DATA, "real", "cloudmask-10m", "T19GBQ_20170725_cloudmask_10m.tif")


@case("dilatemask", target="ratio <= 2.5, memory < 800 MB, >= 5x faster than scipy's EDT, identical to it",
      compare="scipy.ndimage.distance_transform_edt <= 480 m")
def dilatemask_case():
    def run(out_dir):
        import processing
        processing.run("neve:dilatemask", {"INPUT": REAL_MASK_10M, "DISTANCE": 480,
                                           "OUTPUT": os.path.join(out_dir, "buffer.tif")})

    def compare(out_dir):
        """The exact definition by scipy's exact distance transform on the whole array, thresholded;
        checked against the algorithm's output of the same run (written before this)."""
        import numpy as np
        import rasterio
        from scipy import ndimage

        with rasterio.open(REAL_MASK_10M) as src:
            mask = src.read(1) != 0
        start = time.perf_counter()
        buffered = ndimage.distance_transform_edt(~mask, sampling=(10.0, 10.0)) <= 480.0
        edt_seconds = time.perf_counter() - start
        with rasterio.open(os.path.join(OUT, "dilatemask", "algorithm", "buffer.tif")) as src:
            identical = bool(np.array_equal(src.read(1) == 1, buffered))
        return {"edt_seconds": round(edt_seconds, 2), "identical_to_algorithm": identical}

    return {"inputs": [(REAL_MASK_10M, 1)], "outputs": [(10980, 10980, "uint8")], "run": run, "compare": compare}


def textured_theia_product():
    """A full-size generated Theia product with a texture on the reflectances (Scene.full_tile(texture=0.1):
    uniform bands would compress to nothing and make reading unrealistically cheap), cached in
    bench-output/cache/theia-full-textured/ (a few minutes to write once)."""
    import glob

    folder = os.path.join(CACHE, "theia-full-textured")
    complete = os.path.join(folder, "complete")
    if not os.path.exists(complete):
        import shutil

        from synthetic import Scene, make_theia_product

        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(folder)
        make_theia_product(folder, Scene.full_tile(texture=0.1))
        open(complete, "w").close()
    return glob.glob(os.path.join(folder, "SENTINEL2*_L2A_*"))[0]


def refine_case(resolution):
    import glob

    product = textured_theia_product()
    group = "R2" if resolution == 20 else "R1"

    def run(out_dir):
        import processing
        processing.run("neve:refinecloudmask", {"INPUT_PRODUCT": product, "RESOLUTION": resolution,
                                                "OUTPUT": os.path.join(out_dir, "clm.tif"),
                                                "OUTPUT_CLASSES": os.path.join(out_dir, "classes.tif")})

    def find(pattern):
        return glob.glob(os.path.join(product, pattern))[0]

    # what the recipe reads at the output's resolution: CLM, MG2 (water), EDG (no data), B12 (water
    # test), B8A (dark test); at 10 m it also reads the 20 m masks and bands for the shadow search.
    inputs = [find("MASKS/*_{}_{}.tif".format(name, group)) for name in ("CLM", "MG2", "EDG")]
    inputs += [find("*_FRE_B12.tif"), find("*_FRE_B8A.tif")]
    size = 10980 * 10 // resolution
    return {"inputs": [(path, 1) for path in inputs], "outputs": [(size, size, "uint8")] * 2, "run": run}


@case("refinecloudmask", target="ratio <= 4 (20 m, the default: water clouds, shadows, 480 m buffer), "
                                "memory < 1.5 GB")
def refinecloudmask_case():
    return refine_case(20)


@case("refinecloudmask10", target="ratio <= 4 at 10 m (shadows searched at 20 m), memory < 1.5 GB")
def refinecloudmask10_case():
    return refine_case(10)


@case("generate", target="a full-tile (10980 x 10980) synthetic Theia product and DEM, memory < 2 GB",
      io_floor=False)
def generate_case():
    """tests/synthetic.py writing a full-size Theia product block by block (not cached: it is the
    measurement)."""
    def run(out_dir):
        import shutil

        from synthetic import Scene, make_dem, make_theia_product

        shutil.rmtree(out_dir, ignore_errors=True)
        os.makedirs(out_dir)
        scene = Scene.full_tile()
        start = time.perf_counter()
        product = make_theia_product(out_dir, scene)
        make_dem(os.path.join(out_dir, "dem.tif"), scene)
        return {"product": os.path.basename(product), "seconds": round(time.perf_counter() - start, 1)}

    return {"inputs": [], "outputs": [], "run": run}


@case("preview", target="a threshold change on a 1000 x 1000 view within 300 ms", io_floor=False)
def preview_case():
    """The Tune thresholds panel's preview on a full-size product: the first preview of a 1000 x 1000
    view (20 km at 20 m; then the whole tile at 120 m), then threshold changes on the same view, each
    timed as the panel's worker does them (compute, write the two GeoTIFFs)."""
    from affine import Affine

    product_path = theia_full_product()

    def run(out_dir):
        import statistics as stats

        from neve.plugin.io.products import open_product
        from neve.plugin.io.raster import Grid, bounded_gdal_cache
        from neve.plugin.pipeline.thresholds import PRESETS
        from neve.ui import preview

        numbers = {}
        with bounded_gdal_cache(), open_product(product_path) as product:
            tile = product.grid(20)
            left, top = tile.transform.c, tile.transform.f
            views = {"20 km at 20 m": Grid(tile.crs, Affine(20.0, 0, left + 40000, 0, -20.0, top - 40000), 1000, 1000),
                     "whole tile at 120 m": preview.preview_grid(tile, tile.bounds, 1000, 1000)}
            for label, grid in views.items():
                start = time.perf_counter()
                data = preview.read_view(product, grid)
                values = dict(PRESETS["theia_2018"])
                preview.compute_preview(data, values)
                numbers[label + ": first preview (s)"] = round(time.perf_counter() - start, 3)
                changes = []
                for step in range(10):
                    values["NDSI_PASS1"] = 0.30 + 0.02 * step
                    values["DISTANCE"] = 240 + 40 * step
                    start = time.perf_counter()
                    snow_map, cloud_mask, _statistics = preview.compute_preview(data, values)
                    preview.write_geotiff(os.path.join(out_dir, "snow.tif"), snow_map, grid, preview.SNOW_NODATA)
                    preview.write_geotiff(os.path.join(out_dir, "cloud.tif"), cloud_mask, grid, preview.MASK_NODATA)
                    changes.append(time.perf_counter() - start)
                numbers[label + ": threshold change, median (ms)"] = round(1000 * stats.median(changes))
                numbers[label + ": threshold change, max (ms)"] = round(1000 * max(changes))
        return numbers

    return {"inputs": [], "outputs": [], "run": run}


# -- archive: 12 products of 2745 x 2745 at 20 m on a local Dask cluster ----------------------------

ARCHIVE_PRODUCTS = 12
ARCHIVE_SIZE = 5490         # 10 m pixels: 2745 x 2745 at 20 m


def archive_inputs():
    """12 generated Theia products (2 neighbouring tiles x 6 dates, textured) and a DEM VRT over both
    tiles, cached in bench-output/cache/archive/ (a few minutes to write once)."""
    import datetime
    import glob
    import shutil

    folder = os.path.join(CACHE, "archive")
    dem = os.path.join(folder, "dem.vrt")
    complete = os.path.join(folder, "complete")
    if not os.path.exists(complete):
        from synthetic import Scene, make_dem, make_theia_product

        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(os.path.join(folder, "products"))
        dems = []
        for t, tile in enumerate(("31TCH", "31TCJ")):
            ulx = 300000.0 + t * ARCHIVE_SIZE * 10.0
            for d in range(ARCHIVE_PRODUCTS // 2):
                scene = Scene.full_tile(size=ARCHIVE_SIZE, texture=0.1, tile=tile, ulx=ulx,
                                        acquisition=datetime.datetime(2020, 10, 1, 10, 56, 31) + datetime.timedelta(days=30 * d),
                                        snowline=1200.0 + 100.0 * d, platform="SENTINEL2" + "AB"[d % 2])
                make_theia_product(os.path.join(folder, "products"), scene)
            dems.append(make_dem(os.path.join(folder, "dem_{}.tif".format(tile)), scene))
        subprocess.run(["gdalbuildvrt", "-q", dem, *dems], check=True)
        open(complete, "w").close()
    return sorted(glob.glob(os.path.join(folder, "products", "SENTINEL2*"))), dem


@case("archive", target="2 workers >= 1.7x faster than 1; 1 worker within 10 % of the single command-line runs; "
                        "peak memory per worker < 1.5 GB", io_floor=False)
def archive_case():
    """``python3 -m neve archive`` on 12 products with a local cluster of 1 and of 2 worker processes, against
    the sum of 12 single ``python3 -m neve snowmap`` runs (each a new process, as a shell loop would run
    them). Wall times include starting and stopping the cluster; peak memory per worker is the largest
    resident memory a worker process reached (from the manifest)."""
    import shutil

    products, dem = archive_inputs()
    env = dict(os.environ, PYTHONPATH=os.path.join(OUT, "import"))
    env.pop("QT_QPA_PLATFORM", None)

    def run(out_dir):
        numbers = {"load_average_before": [round(x, 2) for x in os.getloadavg()]}
        single = []
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        shutil.rmtree(os.path.join(out_dir, "single"), ignore_errors=True)
        for index, product in enumerate(products):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "neve", "snowmap", "--input-product", product, "--dem", dem,
                            "--output", os.path.join(out_dir, "single", "{}.tif".format(index)), "--quiet"],
                           env=env, check=True)
            single.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        numbers["single_runs_cpu_sum_s"] = round(after.ru_utime + after.ru_stime - children.ru_utime
                                                 - children.ru_stime, 2)
        numbers["single_runs_sum_s"] = round(sum(single), 2)
        numbers["single_run_median_s"] = round(sorted(single)[len(single) // 2], 2)
        for workers in (1, 2):
            target = os.path.join(out_dir, "workers{}".format(workers))
            shutil.rmtree(target, ignore_errors=True)
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "neve", "archive", "--out", target, "--dem", dem, "--workers",
                            str(workers), "--quiet", *products], env=env, check=True)
            numbers["archive_{}_worker_s".format(workers)] = round(time.perf_counter() - start, 2)
            with open(os.path.join(target, "manifest.json"), encoding="utf-8") as f:
                entries = json.load(f)["products"]
            assert len(entries) == ARCHIVE_PRODUCTS and all(e["status"] == "done" for e in entries)
            numbers["archive_{}_worker_task_median_s".format(workers)] = round(
                sorted(e["seconds"] for e in entries)[len(entries) // 2], 2)
            numbers["archive_{}_worker_task_cpu_median_s".format(workers)] = round(
                sorted(e["cpu_seconds"] for e in entries)[len(entries) // 2], 2)
            numbers["archive_{}_worker_peak_mb".format(workers)] = max(e["worker_peak_mb"] for e in entries)
        numbers["speedup_2_vs_1"] = round(numbers["archive_1_worker_s"] / numbers["archive_2_worker_s"], 2)
        numbers["archive_1_worker_vs_single_runs"] = round(numbers["archive_1_worker_s"] / numbers["single_runs_sum_s"], 3)
        numbers["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
        return numbers

    return {"inputs": [], "outputs": [], "run": run}


@case("archivetile", target="cost of one full-tile product as an archive task on one core (docs/SCALE.md), "
                            "peak memory per worker < 1.5 GB", io_floor=False)
def archive_tile_case():
    """One full-size textured Theia product (10980 x 10980 at 10 m) as the task of a one-worker local
    cluster, without and with the cloud refinement (preset theia_2018): the task's seconds and the
    worker's peak memory from the manifest, and the whole command's wall time."""
    import shutil

    product, dem = snowmap_inputs()     # Scene.full_tile(texture=0.1) and its 20 m DEM
    env = dict(os.environ, PYTHONPATH=os.path.join(OUT, "import"))
    env.pop("QT_QPA_PLATFORM", None)

    def run(out_dir):
        numbers = {"load_average_before": [round(x, 2) for x in os.getloadavg()]}
        for refine in ("none", "theia_2018"):
            target = os.path.join(out_dir, refine)
            shutil.rmtree(target, ignore_errors=True)
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "neve", "archive", "--out", target, "--dem", dem, "--workers", "1",
                            "--refine", refine, "--quiet", product], env=env, check=True)
            wall = time.perf_counter() - start
            with open(os.path.join(target, "manifest.json"), encoding="utf-8") as f:
                entry = json.load(f)["products"][0]
            assert entry["status"] == "done", entry
            numbers["refine_{}".format(refine)] = {"task_s": entry["seconds"], "task_cpu_s": entry["cpu_seconds"],
                                                   "command_s": round(wall, 2),
                                                   "worker_peak_mb": entry["worker_peak_mb"]}
        numbers["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
        return numbers

    return {"inputs": [], "outputs": [], "run": run}


# -- measurement ---------------------------------------------------------------------------------

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
    sys.path.insert(0, os.path.join(ROOT, "tests"))  # the generator and the QGIS start-up helper
    from helpers import start_qgis

    app, plugin = start_qgis(os.path.join(OUT, "import"))
    spec = CASES[name][0]()  # inputs are prepared (and cached) before timing
    # A QGIS session imports the plugin's science and file modules (scipy, rasterio) once, at their first
    # use; import them before timing, for the baseline and the algorithm alike.
    import neve.plugin.core.cloud  # noqa: F401
    import neve.plugin.core.season  # noqa: F401
    import neve.plugin.core.snow  # noqa: F401
    import neve.plugin.io.products  # noqa: F401
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    extra = {}
    if what == "baseline":
        baseline(spec, out_dir)
    elif what == "algorithm":
        extra = spec["run"](out_dir) or {}
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
        for name, (_f, target, _c, _io) in CASES.items():
            print("{:<20} {}".format(name, target))
        return 0
    names = args.cases or list(CASES)
    results = {}
    print("{:<18} {:>9} {:>9} {:>7} {:>10} {:>10}  {}".format(
        "case", "io (s)", "alg (s)", "ratio", "io MB", "alg MB", "target"))
    for name in names:
        _function, target, compare, io_floor = CASES[name]
        if not io_floor:
            alg = measure(name, "algorithm")
            results[name] = {"algorithm": alg, "target": target}
            print("{:<18} {:>9} {:>9.2f} {:>7} {:>10} {:>10.0f}  {}\n{:<18} {}".format(
                name, "", alg["seconds"], "", "", alg["peak_mb"], target, "",
                json.dumps(alg["extra"])))
            sys.stdout.flush()
            continue
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
