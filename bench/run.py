#!/usr/bin/env python3
"""Névé benchmark: each algorithm on full-size inputs, against only reading those inputs and writing
an output of the same size (the I/O floor), from QGIS (processing.run) and from the command line
(python3 -m neve), with the peak memory of each, and the QGIS user's alternatives side by side.

    scripts/bench.sh                 all cases, each measurement 3 times (the median is reported)
    scripts/bench.sh cloudmask ...   chosen cases
    scripts/bench.sh --runs 1 ...    one run of each measurement (quicker, noisier)
    scripts/bench.sh --list          the cases and their targets

Every measurement runs in a fresh Python process (QGIS started, the provider registered, the plugin's
modules imported as in a QGIS session that has used them once), so that its peak resident memory
(ru_maxrss, QGIS itself included) belongs to it alone; a command-line row times the whole
``python3 -m neve ALGORITHM ...`` process (start-up and imports included, no QGIS), and its memory is
that process's own. Each measurement is made ``--runs`` times (default 3): the median is reported, with
the machine's load average (1 minute) before each run beside it, since another job on the two cores
changes every number. Inputs that must be generated (full-size synthetic products) are cached in
bench-output/cache/. Results are printed as a table, written to bench-output/results.json and as a
Markdown table to bench-output/results.md (for docs/BENCHMARKS.md).

A case is a function decorated with @case(name, target=..., ratio=..., memory_mb=..., seconds=...)
returning a dict with:
    "inputs":   list of (raster path, band) the algorithm reads,
    "outputs":  list of (width, height, dtype) it writes, for the baseline,
    "algorithm" and "values": the Névé algorithm (without "neve:") and its Processing parameters, run
                by processing.run and, as a command-line row, by python3 -m neve;
    or "run":   function(out_dir) -> None or a dict of numbers (io_floor=False cases: "seconds" in it,
                when given, is the time of the case instead of the whole function's);
and @alternative(case, label) registers another way of making the same output, measured side by side
(each in its own process, after the algorithm, whose outputs it compares with).
The target holds when the median ratio is at most ``ratio``, the median peak memory below
``memory_mb``, the median time at most ``seconds``, ``check(row)`` is true, and the algorithm is faster
than every alternative.
"""
import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED_DATA = os.path.join(os.path.dirname(ROOT), "shared", "data")
OUT = os.path.join(ROOT, "bench-output")
CACHE = os.path.join(OUT, "cache")
IMPORT = os.path.join(OUT, "import")  # a symlink "neve" to the repository, for import neve / python3 -m neve
RUNS = 3

CASES = {}


def alternative(case_name, label):
    """Register ``function(out_dir) -> dict`` as an alternative to case ``case_name``: another way of making
    the same output, measured side by side after the algorithm (whose outputs it compares with):
    "seconds" in the dict is the alternative's time, the other numbers its agreement with Névé."""
    def register(function):
        ALTERNATIVES.setdefault(case_name, []).append((label, function))
        return function
    return register


ALTERNATIVES = {}


def case(name, target, io_floor=True, ratio=None, memory_mb=None, seconds=None, check=None, runs=None):
    """Register a benchmark case; ``target`` is the goal in words, printed beside the result, and
    ``ratio`` (algorithm / I/O floor), ``memory_mb`` (peak), ``seconds`` and ``check`` (a function of the
    result row) its numbers, checked; ``io_floor=False`` for a case timed against an absolute target
    (no read-and-write baseline); ``runs``: at most this many runs (a case that repeats its own runs)."""
    def register(function):
        CASES[name] = dict(function=function, target=target, io_floor=io_floor, ratio=ratio, memory_mb=memory_mb,
                           seconds=seconds, check=check, runs=runs)
        return function
    return register


# -- cases ------------------------------------------------------------------------------------------

@case("cloudmask", target="ratio <= 2 (a per-pixel test), memory < 800 MB", ratio=2.0, memory_mb=800)
def cloudmask_case():
    path = os.path.join(SHARED_DATA, "real", "cloudmask-10m", "T19GBQ_20170725_cloudmask_10m.tif")

    def values(out_dir):
        return {"INPUT": path, "MASK_TYPE": 3, "VALUES": "1-3", "OUTPUT": os.path.join(out_dir, "cloudmask.tif")}

    return {"inputs": [(path, 1)], "outputs": [(10980, 10980, "uint8")], "algorithm": "cloudmask", "values": values}


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


@case("snowmap", target="ratio <= 1.5 (read green, red, SWIR, CLM, DEM; write the map), memory < 1.5 GB, "
                        "faster than a one-pass NDSI in QGIS", ratio=1.5, memory_mb=1500)
def snowmap_case():
    import glob

    product, dem = snowmap_inputs()

    def band(pattern):
        return glob.glob(os.path.join(product, pattern))[0]

    def values(out_dir):
        return {"INPUT_PRODUCT": product, "DEM": dem, "OUTPUT": os.path.join(out_dir, "snow.tif")}

    inputs = [band("*_FRE_B3.tif"), band("*_FRE_B4.tif"), band("*_FRE_B11.tif"), band("MASKS/*_CLM_R2.tif"), dem]
    return {"inputs": [(path, 1) for path in inputs], "outputs": [(5490, 5490, "uint8")], "algorithm": "snowmap",
            "values": values}


@alternative("snowmap", "QGIS: gdal:warpreproject B3, B4 to 20 m + raster calculator NDSI > 0.4 AND B4 > 0.2")
def one_pass_ndsi(out_dir):
    """What a QGIS user does without Névé: B3 and B4 brought to 20 m by gdal:warpreproject (its default,
    nearest neighbour), then the raster calculator's (B3 - B11) / (B3 + B11) > 0.4 AND B4 > 0.2 (2000 in
    Theia's digital numbers): no cloud mask, no pass 2. Compared with neve:snowmap's map: the pixels
    whose snow / no snow differ among those both classify, and the clouds of the map the NDSI calls
    snow."""
    import glob

    import numpy as np
    import processing
    import rasterio

    product, _dem = snowmap_inputs()

    def band(pattern):
        return glob.glob(os.path.join(product, pattern))[0]

    start = time.perf_counter()
    warped = {}
    for name in ("B3", "B4"):
        warped[name] = processing.run("gdal:warpreproject", {
            "INPUT": band("*_FRE_{}.tif".format(name)), "TARGET_RESOLUTION": 20, "RESAMPLING": 0,
            "OUTPUT": os.path.join(out_dir, "{}_20m.tif".format(name.lower()))})["OUTPUT"]
    b11 = band("*_FRE_B11.tif")
    b11_name = os.path.splitext(os.path.basename(b11))[0]
    expression = ('(("b3_20m@1" - "{b11}@1") / ("b3_20m@1" + "{b11}@1") > 0.4) AND ("b4_20m@1" > 2000)'
                  .format(b11=b11_name))
    calculated = processing.run("qgis:rastercalculator", {
        "EXPRESSION": expression, "LAYERS": [warped["B3"], warped["B4"], b11],
        "OUTPUT": os.path.join(out_dir, "ndsi_snow.tif")})["OUTPUT"]
    seconds = time.perf_counter() - start
    with rasterio.open(calculated) as src:
        other = src.read(1)
        other_valid = np.isfinite(other) if src.nodata is None else (other != src.nodata) & np.isfinite(other)
    with rasterio.open(os.path.join(OUT, "snowmap", "algorithm", "snow.tif")) as src:
        neve = src.read(1)
    valid = other_valid & (neve != 255)
    differing = valid & ((neve == 100) != (other == 1))
    return agreement(seconds, differing, valid,
                     clouds_called_snow=int(np.count_nonzero(valid & (neve == 205) & (other == 1))))


def agreement(seconds, differing, valid, **more):
    """The numbers of an alternative: its time, the pixels where its output differs from Névé's among
    those both say something about, and ``more``."""
    import numpy as np

    count, total = int(np.count_nonzero(differing)), int(np.count_nonzero(valid))
    return dict({"seconds": round(seconds, 3), "pixels_differing": count,
                 "percent_differing": round(100.0 * count / total, 4) if total else 0.0}, **more)


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


@case("loadproduct", target="ratio <= 1.5 (read CLM, MG2, EDG; write 5 masks; 2 VRTs, summary), memory < 800 MB",
      ratio=1.5, memory_mb=800)
def loadproduct_case():
    import glob

    product = theia_full_product()

    def values(out_dir):
        outputs = {"OUTPUT_" + name: os.path.join(out_dir, name.lower() + ".tif")
                   for name in ("CLOUD", "SHADOW", "WATER", "SNOW", "NODATA")}
        outputs.update(OUTPUT_R1=os.path.join(out_dir, "r1.vrt"), OUTPUT_R2=os.path.join(out_dir, "r2.vrt"),
                       OUTPUT_HTML=os.path.join(out_dir, "summary.html"))
        return dict(outputs, INPUT_PRODUCT=product)

    masks = [glob.glob(os.path.join(product, "MASKS", "*_{}_R2.tif".format(name)))[0] for name in ("CLM", "MG2", "EDG")]
    return {"inputs": [(path, 1) for path in masks], "outputs": [(5490, 5490, "uint8")] * 5,
            "algorithm": "loadproduct", "values": values}


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


@case("snowseason", target="ratio <= 2 (read 60 full 20 m maps, write 5 outputs), memory < 2 GB",
      ratio=2.0, memory_mb=2000)
def snowseason_case():
    paths = snowseason_maps()

    def values(out_dir):
        outputs = {name: os.path.join(out_dir, name.lower() + ".tif")
                   for name in ("OUTPUT_SCD", "OUTPUT_SOD", "OUTPUT_SMOD", "OUTPUT_NOBS", "OUTPUT_NSP")}
        return dict(outputs, INPUTS=paths, OUTPUT_REPORT=os.path.join(out_dir, "season.html"))

    return {"inputs": [(path, 1) for path in paths], "outputs": [(SEASON_SIZE, SEASON_SIZE, "uint16")] * 5,
            "algorithm": "snowseason", "values": values}


# -- snowstats: 100 full 20 m snow maps, 50 zones, a DEM -------------------------------------------

#: Size of the snowstats case; NEVE_BENCH_STATS="maps,size" runs a reduced one (e.g. "20,2745") on a
#: shared machine.
STATS_MAPS, STATS_SIZE = (int(v) for v in os.environ.get("NEVE_BENCH_STATS", "100,5490").split(","))
STATS_ZONES = (10, 5)      # columns, rows: 50 zones


def snowstats_inputs():
    """100 generated snow maps (5490 x 5490 px at 20 m, uint8, tiled DEFLATE, as the snowseason case's:
    ragged snow edges, clouds on 0 to 80 % of the tile, a no-data band on one date in four, two dates
    with two maps), their DEM (float32, the terrain the snow follows) and 50 zones (a 10 x 5 grid of
    quadrilaterals with jittered corners, in WGS 84 so that they are transformed to the maps' UTM zone),
    cached in bench-output/cache/snowstats-MAPS-SIZE/."""
    import datetime
    import json

    import numpy as np
    import rasterio
    from rasterio.transform import from_origin
    from rasterio.warp import transform as transform_points
    from scipy import ndimage

    folder = os.path.join(CACHE, "snowstats-{}-{}".format(STATS_MAPS, STATS_SIZE))
    complete = os.path.join(folder, "complete")
    rng = np.random.default_rng(2019)
    dates = [datetime.date(2018, 9, 2) + datetime.timedelta(days=3 * i + int(rng.integers(0, 2)))
             for i in range(STATS_MAPS)]
    if STATS_MAPS > 40:
        dates[21], dates[40] = dates[20], dates[39]          # two dates with two maps

    def name(date, index):
        return os.path.join(folder, "SENTINEL2{}_{}-10{:04d}-000_L2B-SNOW_T31TCH_C_V1-7_SNW_R2.tif".format(
            "AB"[index % 2], date.strftime("%Y%m%d"), index))

    paths = [name(date, index) for index, date in enumerate(dates)]
    dem_path, zones_path = os.path.join(folder, "dem.tif"), os.path.join(folder, "zones.geojson")
    if os.path.exists(complete):
        return paths, dem_path, zones_path
    import shutil
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    size, coarse = STATS_SIZE, max(1, STATS_SIZE // 10)

    def smooth(cells, shape):
        field = ndimage.zoom(rng.random((cells, cells)), (shape[0] / cells, shape[1] / cells), order=3,
                             mode="nearest")
        field -= field.min()
        return (field / max(field.max(), 1e-9)).astype(np.float32)

    def grow(field):
        return np.repeat(np.repeat(field, 10, axis=0), 10, axis=1)[:size, :size]

    terrain = 500.0 + 3000.0 * ndimage.zoom(smooth(12, (coarse, coarse)), 10, order=1)[:size, :size]
    terrain += rng.normal(0.0, 80.0, terrain.shape).astype(np.float32)
    left, top = 300000.0, 5000040.0
    profile = dict(driver="GTiff", width=size, height=size, count=1, dtype="uint8", crs="EPSG:32631",
                   transform=from_origin(left, top, 20.0, 20.0), tiled=True, blockxsize=512,
                   blockysize=512, compress="deflate")
    with rasterio.open(dem_path, "w", **dict(profile, dtype="float32", predictor=3)) as dst:
        dst.write(terrain.astype(np.float32), 1)
    columns = np.arange(size, dtype=np.float32)
    for index, (date, path) in enumerate(zip(dates, paths)):
        season_angle = 2 * np.pi * ((date - datetime.date(2018, 9, 1)).days - 160) / 365.0
        snowline = 2050.0 - 1150.0 * np.cos(season_angle)
        blur = grow(smooth(16, (coarse, coarse)))
        noise = rng.integers(-150, 151, terrain.shape, dtype=np.int16)
        codes = np.where(terrain - noise > snowline + 300.0 * (blur - 0.5), 100, 0).astype(np.uint8)
        clouds = grow(smooth(24, (coarse, coarse)))
        codes[clouds < 0.8 * rng.random()] = 205
        if index % 4 == 0:       # the swath edge: a diagonal no-data band
            edge = columns[None, :] + 0.3 * columns[:, None]
            codes[edge < size * 0.25] = 255
        with rasterio.open(path, "w", **profile) as dst:
            dst.write(codes, 1)
    # 50 zones: a jittered grid of quadrilaterals over the tile, in WGS 84
    nx, ny = STATS_ZONES
    extent = 20.0 * size
    xs = left + extent * np.linspace(0.02, 0.98, nx + 1)
    ys = top - extent * np.linspace(0.02, 0.98, ny + 1)
    corners_x, corners_y = np.meshgrid(xs, ys)
    jitter = extent / (4.0 * max(nx, ny))
    corners_x[1:-1, 1:-1] += rng.uniform(-jitter, jitter, (ny - 1, nx - 1))
    corners_y[1:-1, 1:-1] += rng.uniform(-jitter, jitter, (ny - 1, nx - 1))
    lon, lat = transform_points("EPSG:32631", "EPSG:4326", corners_x.ravel().tolist(), corners_y.ravel().tolist())
    lon, lat = np.reshape(lon, corners_x.shape), np.reshape(lat, corners_x.shape)
    features = []
    for j in range(ny):
        for i in range(nx):
            ring = [(lon[j, i], lat[j, i]), (lon[j, i + 1], lat[j, i + 1]), (lon[j + 1, i + 1], lat[j + 1, i + 1]),
                    (lon[j + 1, i], lat[j + 1, i]), (lon[j, i], lat[j, i])]
            features.append({"type": "Feature", "properties": {"basin": "B{:02d}".format(j * nx + i + 1)},
                             "geometry": {"type": "Polygon", "coordinates": [[list(p) for p in ring]]}})
    with open(zones_path, "w") as f:
        json.dump({"type": "FeatureCollection", "features": features}, f)
    open(complete, "w").close()
    return paths, dem_path, zones_path


@case("snowstats", target="ratio <= 2 (read 100 maps of 5490 x 5490 and the DEM; 50 zones; table and zones), "
                          "memory < 1.5 GB", ratio=2.0, memory_mb=1500)
def snowstats_case():
    paths, dem, zones = snowstats_inputs()

    def values(out_dir):
        return {"INPUTS": paths, "ZONES": zones, "ZONE_FIELD": "basin", "DEM": dem,
                "OUTPUT_TABLE": os.path.join(out_dir, "stats.gpkg"),
                "OUTPUT_ZONES": os.path.join(out_dir, "zones.gpkg")}

    return {"inputs": [(path, 1) for path in paths] + [(dem, 1)], "outputs": [], "algorithm": "snowstats",
            "values": values}


@case("snowstatsreport", target="the snowstats case with 8 aspect classes and the HTML report (50 charts), "
                                "memory < 1.5 GB", memory_mb=1500)
def snowstatsreport_case():
    paths, dem, zones = snowstats_inputs()

    def values(out_dir):
        return {"INPUTS": paths, "ZONES": zones, "ZONE_FIELD": "basin", "DEM": dem, "ASPECT": 2,
                "OUTPUT_TABLE": os.path.join(out_dir, "stats.gpkg"),
                "OUTPUT_ZONES": os.path.join(out_dir, "zones.gpkg"),
                "OUTPUT_HTML": os.path.join(out_dir, "stats.html")}

    return {"inputs": [(path, 1) for path in paths] + [(dem, 1)], "outputs": [], "algorithm": "snowstats",
            "values": values}


REAL_MASK_10M = os.path.join(SHARED_DATA, "real", "cloudmask-10m", "T19GBQ_20170725_cloudmask_10m.tif")


def identical_to_edt(row):
    alternatives = row.get("alternatives", {})
    return all(alt["extra"].get("pixels_differing", 0) == 0 for label, alt in alternatives.items() if "edt" in label)


@case("dilatemask", target="ratio <= 1.3, memory < 800 MB, faster than gdal:proximity + raster calculator and "
                           "than scipy's EDT, identical to the EDT", ratio=1.3, memory_mb=800, check=identical_to_edt)
def dilatemask_case():
    def values(out_dir):
        return {"INPUT": REAL_MASK_10M, "DISTANCE": 480, "OUTPUT": os.path.join(out_dir, "buffer.tif")}

    return {"inputs": [(REAL_MASK_10M, 1)], "outputs": [(10980, 10980, "uint8")], "algorithm": "dilatemask",
            "values": values}


def neve_buffer():
    """The buffer neve:dilatemask wrote in the algorithm's measurement."""
    import rasterio

    with rasterio.open(os.path.join(OUT, "dilatemask", "algorithm", "buffer.tif")) as src:
        return src.read(1) == 1


@alternative("dilatemask", "QGIS: gdal:proximity (georeferenced units) + raster calculator distance <= 480")
def proximity(out_dir):
    """The usual QGIS way: gdal:proximity (distance to the nearest non-zero pixel, in georeferenced
    units, Float32, no no-data value) then the raster calculator's distance <= 480."""
    import numpy as np
    import processing
    import rasterio

    start = time.perf_counter()
    distance = processing.run("gdal:proximity", {
        "INPUT": REAL_MASK_10M, "BAND": 1, "UNITS": 0, "NODATA": None, "DATA_TYPE": 5,
        "OUTPUT": os.path.join(out_dir, "distance.tif")})["OUTPUT"]
    buffered = processing.run("qgis:rastercalculator", {
        "EXPRESSION": '"distance@1" <= 480', "LAYERS": [distance],
        "OUTPUT": os.path.join(out_dir, "buffer_qgis.tif")})["OUTPUT"]
    seconds = time.perf_counter() - start
    with rasterio.open(buffered) as src:
        other = src.read(1) == 1
    neve = neve_buffer()
    return agreement(seconds, other != neve, np.ones(neve.shape, bool))


@alternative("dilatemask", "scipy.ndimage.distance_transform_edt <= 480 m (whole array in memory)")
def edt(out_dir):
    """The exact definition by scipy's exact distance transform on the whole array, thresholded (the
    mask read and the result kept in memory, not written)."""
    import numpy as np
    import rasterio
    from scipy import ndimage

    start = time.perf_counter()
    with rasterio.open(REAL_MASK_10M) as src:
        mask = src.read(1) != 0
    buffered = ndimage.distance_transform_edt(~mask, sampling=(10.0, 10.0)) <= 480.0
    seconds = time.perf_counter() - start
    neve = neve_buffer()
    return agreement(seconds, buffered != neve, np.ones(neve.shape, bool))


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

    def values(out_dir):
        return {"INPUT_PRODUCT": product, "RESOLUTION": resolution, "OUTPUT": os.path.join(out_dir, "clm.tif"),
                "OUTPUT_CLASSES": os.path.join(out_dir, "classes.tif")}

    def find(pattern):
        return glob.glob(os.path.join(product, pattern))[0]

    # what the recipe reads at the output's resolution: CLM, MG2 (water), EDG (no data), B12 (water
    # test), B8A (dark test); at 10 m it also reads the 20 m masks and bands for the shadow search.
    inputs = [find("MASKS/*_{}_{}.tif".format(name, group)) for name in ("CLM", "MG2", "EDG")]
    inputs += [find("*_FRE_B12.tif"), find("*_FRE_B8A.tif")]
    size = 10980 * 10 // resolution
    return {"inputs": [(path, 1) for path in inputs], "outputs": [(size, size, "uint8")] * 2,
            "algorithm": "refinecloudmask", "values": values}


@case("refinecloudmask", target="ratio <= 2.5 (20 m, the default: water clouds, shadows, 480 m buffer), "
                                "memory < 1.5 GB", ratio=2.5, memory_mb=1500)
def refinecloudmask_case():
    return refine_case(20)


@case("refinecloudmask10", target="ratio <= 3 at 10 m (shadows searched at 20 m), memory < 1.5 GB", ratio=3.0,
      memory_mb=1500)
def refinecloudmask10_case():
    return refine_case(10)


@case("generate", target="a full-tile (10980 x 10980) synthetic Theia product and DEM in < 30 s, memory < 2 GB",
      io_floor=False, seconds=30.0, memory_mb=2000)
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
        return {"product": os.path.basename(product), "seconds": round(time.perf_counter() - start, 2)}

    return {"inputs": [], "outputs": [], "run": run}


def threshold_changes_within_300_ms(row):
    return all(value <= 300 for key, value in row["algorithm"]["extra"].items() if "threshold change" in key)


@case("preview", target="a threshold change on a 1000 x 1000 view within 300 ms", io_floor=False,
      check=threshold_changes_within_300_ms)
def preview_case():
    """The Tune thresholds panel's preview on a full-size product: the first preview of a 1000 x 1000
    view (20 km at 20 m; then the whole tile at 120 m), then threshold changes on the same view, each
    timed as the panel's worker does them (compute, write the two GeoTIFFs)."""
    from affine import Affine

    product_path = theia_full_product()

    def run(out_dir):
        import statistics as stats

        from neve.plugin.io.readers import open_product
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


@case("firstview", target="the first preview of a whole tile (915 x 915 at 120 m) in < 1 s", io_floor=False,
      seconds=1.0)
def first_view_case():
    """The Tune thresholds panel's first preview of a new view over the whole tile (120 m pixels): reading
    what the thresholds act on (pipeline/preview.read_view) and computing the snow map and the refined
    cloud mask once (compute_preview), in a process that has read nothing of the product yet; the
    product is open, as in the panel."""
    product_path = theia_full_product()

    def run(out_dir):
        from neve.plugin.io.readers import open_product
        from neve.plugin.io.raster import bounded_gdal_cache
        from neve.plugin.pipeline.thresholds import PRESETS
        from neve.ui import preview

        with bounded_gdal_cache(), open_product(product_path) as product:
            tile = product.grid(20)
            grid = preview.preview_grid(tile, tile.bounds, 1000, 1000)
            start, cpu = time.perf_counter(), time.process_time()
            data = preview.read_view(product, grid)
            read = time.perf_counter() - start
            preview.compute_preview(data, dict(PRESETS["theia_2018"]))
            seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        return {"seconds": round(seconds, 3), "read_s": round(read, 3), "cpu_s": round(cpu, 3),
                "grid": [grid.width, grid.height, grid.resolution]}

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
                        "peak memory per worker < 1.5 GB", io_floor=False, runs=1)
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
                            "peak memory per worker < 1.5 GB", io_floor=False, runs=1)
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


def cli_arguments(algorithm, values):
    """``python3 -m neve ALGORITHM --param value ...`` for the Processing parameters ``values``: each name
    in lower case with "-" for "_", a list as several values, a yes/no as true/false, an option as its
    number in the QGIS list (the command line takes it)."""
    arguments = [sys.executable, "-m", "neve", algorithm]
    for name, value in values.items():
        if value is None:
            continue
        arguments.append("--" + name.lower().replace("_", "-"))
        if isinstance(value, (list, tuple)):
            arguments.extend(str(v) for v in value)
        elif isinstance(value, bool):
            arguments.append("true" if value else "false")
        else:
            arguments.append(str(value))
    return arguments + ["--quiet"]


def link_import_folder():
    """bench-output/import/neve -> the repository, so that ``import neve`` and ``python3 -m neve`` work
    whatever the repository's folder is called."""
    os.makedirs(IMPORT, exist_ok=True)
    if not os.path.exists(os.path.join(IMPORT, "neve")):
        os.symlink(ROOT, os.path.join(IMPORT, "neve"))


def child(name, what):
    """Run one measurement of one case in this process and print it as JSON: ``what`` is "baseline",
    "algorithm" (processing.run, or the case's run), "cli" (python3 -m neve in a subprocess, timed and
    measured alone) or "alternative:N"."""
    os.makedirs(CACHE, exist_ok=True)
    out_dir = os.path.join(OUT, name, what.replace(":", "-"))
    os.makedirs(out_dir, exist_ok=True)
    sys.path.insert(0, os.path.join(ROOT, "tests"))  # the generator and the QGIS start-up helper
    link_import_folder()
    if what != "cli":
        from helpers import start_qgis

        app, plugin = start_qgis(IMPORT)  # noqa: F841 (kept alive while measuring)
    spec = CASES[name]["function"]()  # inputs are prepared (and cached) before timing
    if what != "cli":
        # A QGIS session imports the plugin's science and file modules (scipy, rasterio) once, at their
        # first use; import them before timing, for the baseline and the algorithm alike.
        import neve.plugin.core.cloud  # noqa: F401
        import neve.plugin.core.season  # noqa: F401
        import neve.plugin.core.snow  # noqa: F401
        import neve.plugin.core.stats  # noqa: F401
        import neve.plugin.io.products  # noqa: F401
        import neve.plugin.io.vectors  # noqa: F401
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    extra = {}
    start = time.perf_counter()
    if what == "baseline":
        baseline(spec, out_dir)
    elif what == "algorithm" and "algorithm" in spec:
        import processing
        processing.run("neve:" + spec["algorithm"], spec["values"](out_dir))
    elif what == "algorithm":
        extra = spec["run"](out_dir) or {}
    elif what == "cli":
        env = dict(os.environ, PYTHONPATH=IMPORT)
        env.pop("QT_QPA_PLATFORM", None)
        subprocess.run(cli_arguments(spec["algorithm"], spec["values"](out_dir)), env=env, check=True)
    elif what.startswith("alternative:"):
        extra = ALTERNATIVES[name][int(what.split(":")[1])][1](out_dir)
    seconds = time.perf_counter() - start
    if "seconds" in extra:
        seconds = extra.pop("seconds")
    if what == "cli":
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024.0
    else:
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    print(json.dumps({"seconds": seconds, "peak_mb": peak, "startup_mb": rss_before / 1024.0, "extra": extra}))


def measure(name, what, runs):
    """``runs`` measurements of ``what`` for case ``name``, each in a new process: the median seconds and
    peak memory, each run's seconds and the load average (1 minute) before each run."""
    samples = []
    for _ in range(runs):
        load = os.getloadavg()[0]
        result = subprocess.run([sys.executable, os.path.abspath(__file__), "--child", name, what],
                                capture_output=True, text=True, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
        if result.returncode != 0:
            raise RuntimeError("{} {} failed:\n{}{}".format(name, what, result.stdout, result.stderr))
        sample = json.loads(result.stdout.strip().splitlines()[-1])
        sample["load"] = round(load, 2)
        samples.append(sample)
    middle = sorted(samples, key=lambda sample: sample["seconds"])[len(samples) // 2]
    return {"seconds": statistics.median(sample["seconds"] for sample in samples),
            "peak_mb": statistics.median(sample["peak_mb"] for sample in samples),
            "runs": [round(sample["seconds"], 3) for sample in samples],
            "load": [sample["load"] for sample in samples],
            "extra": middle["extra"]}


def holds(settings, row):
    """Whether the case's target holds for its result ``row``: (bool, reasons it does not)."""
    alg = row["algorithm"]
    misses = []
    if settings["ratio"] is not None and row.get("ratio", 0) > settings["ratio"]:
        misses.append("ratio {:.2f} > {:g}".format(row["ratio"], settings["ratio"]))
    if settings["memory_mb"] is not None and alg["peak_mb"] >= settings["memory_mb"]:
        misses.append("{:.0f} MB >= {:g}".format(alg["peak_mb"], settings["memory_mb"]))
    if settings["seconds"] is not None and alg["seconds"] > settings["seconds"]:
        misses.append("{:.2f} s > {:g}".format(alg["seconds"], settings["seconds"]))
    if settings["check"] is not None and not settings["check"](row):
        misses.append(settings["check"].__name__.replace("_", " "))
    for label, other in row.get("alternatives", {}).items():
        if other["seconds"] <= alg["seconds"]:
            misses.append("not faster than " + label.split(":")[0])
    return not misses, misses


def markdown(results):
    """The results as the Markdown table of docs/BENCHMARKS.md."""
    lines = ["| case | I/O floor (s) | Névé (s) | ratio | command line (s) | ratio | Névé MB | command line MB "
             "| load (1 min) | target | holds |", "|---|---|---|---|---|---|---|---|---|---|---|"]

    def load(measurement):
        return "{:g}-{:g}".format(min(measurement["load"]), max(measurement["load"]))

    for name, row in results.items():
        alg, io, cli = row["algorithm"], row.get("baseline"), row.get("cli")
        cells = [name, "{:.2f}".format(io["seconds"]) if io else "", "{:.2f}".format(alg["seconds"]),
                 "{:.2f}".format(row["ratio"]) if io else "", "{:.2f}".format(cli["seconds"]) if cli else "",
                 "{:.2f}".format(cli["seconds"] / io["seconds"]) if cli and io else "", "{:.0f}".format(alg["peak_mb"]),
                 "{:.0f}".format(cli["peak_mb"]) if cli else "", load(alg), row["target"],
                 "yes" if row["holds"] else "**no**: " + "; ".join(row["misses"])]
        lines.append("| " + " | ".join(cells) + " |")
        for label, other in row.get("alternatives", {}).items():
            numbers = ", ".join("{} {}".format(key.replace("_", " "), value) for key, value in other["extra"].items())
            lines.append("| &nbsp;&nbsp;vs {} | | {:.2f} | | | | {:.0f} | | {} | {:.1f}x Névé's time | {} |".format(
                label, other["seconds"], other["peak_mb"], load(other), other["seconds"] / alg["seconds"], numbers))
    return "\n".join(lines) + "\n"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("cases", nargs="*")
    parser.add_argument("--list", action="store_true")
    parser.add_argument("--runs", type=int, default=RUNS, help="measurements of each kind (median reported)")
    parser.add_argument("--no-cli", action="store_true", help="without the command-line rows")
    parser.add_argument("--no-alternatives", action="store_true", help="without the alternatives")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(*args.child)
        return 0
    if args.list:
        for name, settings in CASES.items():
            print("{:<20} {}".format(name, settings["target"]))
        return 0
    names = args.cases or list(CASES)
    unknown = [name for name in names if name not in CASES]
    if unknown:
        parser.error("unknown case(s): {} (see --list)".format(", ".join(unknown)))
    runs = max(1, args.runs)
    results = {}
    print("load average before: {}; {} run(s) of each measurement, medians".format(
        " ".join("{:.2f}".format(x) for x in os.getloadavg()), runs))
    print("{:<18} {:>8} {:>8} {:>6} {:>8} {:>6} {:>7} {:>7} {:>10}  {}".format(
        "case", "io (s)", "alg (s)", "ratio", "cli (s)", "ratio", "alg MB", "cli MB", "load", "target: holds"))
    for name in names:
        settings = CASES[name]
        count = min(runs, settings["runs"] or runs)
        row = {"target": settings["target"], "algorithm": measure(name, "algorithm", count)}
        if settings["io_floor"]:
            row["baseline"] = measure(name, "baseline", count)
            row["ratio"] = row["algorithm"]["seconds"] / row["baseline"]["seconds"]
        has_cli = settings["io_floor"] and not args.no_cli
        if has_cli:
            row["cli"] = measure(name, "cli", count)
        alternatives = ALTERNATIVES.get(name, []) if not args.no_alternatives else []
        if alternatives:
            row["alternatives"] = {label: measure(name, "alternative:{}".format(index), count)
                                   for index, (label, _function) in enumerate(alternatives)}
        row["holds"], row["misses"] = holds(settings, row)
        alg, io, cli = row["algorithm"], row.get("baseline"), row.get("cli")
        print("{:<18} {:>8} {:>8.2f} {:>6} {:>8} {:>6} {:>7.0f} {:>7} {:>10}  {}: {}".format(
            name, "{:.2f}".format(io["seconds"]) if io else "", alg["seconds"],
            "{:.2f}".format(row["ratio"]) if io else "", "{:.2f}".format(cli["seconds"]) if cli else "",
            "{:.2f}".format(cli["seconds"] / io["seconds"]) if cli and io else "", alg["peak_mb"],
            "{:.0f}".format(cli["peak_mb"]) if cli else "", "{:g}-{:g}".format(min(alg["load"]), max(alg["load"])),
            settings["target"], "yes" if row["holds"] else "NO (" + "; ".join(row["misses"]) + ")"))
        if alg["extra"]:
            print("{:<18} {}".format("", json.dumps(alg["extra"])))
        for label, other in row.get("alternatives", {}).items():
            print("{:<18} {:>8} {:>8.2f} {:>6} {:>8} {:>6} {:>7.0f} {:>7} {:>10}  vs {}: {:.1f}x Névé's time {}".format(
                "", "", other["seconds"], "", "", "", other["peak_mb"], "",
                "{:g}-{:g}".format(min(other["load"]), max(other["load"])), label,
                other["seconds"] / alg["seconds"], json.dumps(other["extra"])))
        results[name] = row
        sys.stdout.flush()
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "results.json"), "w") as f:
        json.dump(results, f, indent=2)
    with open(os.path.join(OUT, "results.md"), "w", encoding="utf-8") as f:
        f.write(markdown(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
