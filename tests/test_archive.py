"""Archive runs on a real Dask cluster (``python3 -m neve archive``, neve:snowarchive), loopback only.

The products: 8 small generated Theia products of 2 neighbouring tiles (zips, folders, a subfolder), and
one DEM for both (a VRT over the two tiles' DEMs). Every process a test starts (``dask scheduler``,
``dask worker``, ``python3 -m neve archive``) is recorded by its PID and stopped in a ``finally``,
whether the test passes or fails; a local cluster the archive starts is its own to stop, and the tests
check that its processes are gone.
"""
import datetime
import glob
import json
import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

from conftest import _SESSION_DIR
from helpers import verdicts_without
from synthetic import Scene, make_dem, make_theia_product

SIZE = 720                      # 10 m pixels: maps of 360 x 360 at 20 m
TILES = (("31TCH", 300000.0), ("31TCJ", 300000.0 + SIZE * 10.0))
DATES = (datetime.datetime(2020, 11, 20, 10, 56, 31), datetime.datetime(2021, 1, 10, 10, 56, 31),
         datetime.datetime(2021, 3, 12, 10, 56, 31), datetime.datetime(2021, 5, 20, 10, 56, 31))
SEASON = ("2020-09-01", "2021-08-31")
SEASON_RASTERS = ("SCD.tif", "SOD.tif", "SMOD.tif", "NOBS.tif", "NSP.tif")
ENV = dict(os.environ, PYTHONPATH=_SESSION_DIR, LANG="C.UTF-8", LANGUAGE="", LC_ALL="")
for _name in ("QT_QPA_PLATFORM", "LANGUAGE", "LC_ALL"):
    ENV.pop(_name, None)

pytestmark = pytest.mark.skipif(not shutil.which(os.path.join(os.path.dirname(sys.executable), "dask")),
                                reason="dask[distributed] is not installed (scripts/setup.sh installs it)")


# -- processes ------------------------------------------------------------------------------------

class Processes:
    """The processes a test starts, each stopped by its PID at the end (SIGTERM, then SIGKILL)."""

    def __init__(self):
        self.started = []

    def start(self, args, **kwargs):
        process = subprocess.Popen(args, env=kwargs.pop("env", ENV), stdout=kwargs.pop("stdout", subprocess.PIPE),
                                   stderr=kwargs.pop("stderr", subprocess.PIPE), text=True, **kwargs)
        self.started.append(process)
        return process

    def stop_all(self):
        for process in self.started:
            if process.poll() is None:
                try:
                    os.kill(process.pid, signal.SIGTERM)
                except ProcessLookupError:
                    pass
        deadline = time.monotonic() + 15
        for process in self.started:
            try:
                process.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                os.kill(process.pid, signal.SIGKILL)
                process.wait(10)
            for stream in (process.stdout, process.stderr):
                if stream is not None:
                    stream.close()


@pytest.fixture
def processes():
    started = Processes()
    try:
        yield started
    finally:
        started.stop_all()
        assert all(p.poll() is not None for p in started.started)


def dask_command(name):
    return os.path.join(os.path.dirname(sys.executable), "dask"), name


def start_cluster(processes, tmp_path, workers=2):
    """A ``dask scheduler`` on 127.0.0.1 (random port) and ``workers`` ``dask worker`` processes (one thread,
    no nanny: one process each, so that killing one by its PID kills that worker). Returns the
    scheduler's address and the worker processes."""
    from distributed import Client

    scheduler_file = str(tmp_path / "scheduler.json")
    processes.start([*dask_command("scheduler"), "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                     "--scheduler-file", scheduler_file], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not os.path.exists(scheduler_file):
        assert time.monotonic() < deadline, "the scheduler did not start"
        time.sleep(0.1)
    time.sleep(0.2)
    with open(scheduler_file) as f:
        address = json.load(f)["address"]
    assert address.startswith("tcp://127.0.0.1:")
    started = [processes.start([*dask_command("worker"), address, "--host", "127.0.0.1", "--nthreads", "1",
                                "--no-nanny", "--no-dashboard", "--name", "w{}".format(i)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for i in range(workers)]
    with Client(address, timeout="30s") as client:
        client.wait_for_workers(workers, timeout=60)
    return address, started


def archive_command(out, *args):
    return [sys.executable, "-m", "neve", "archive", "--out", str(out), *args]


def run_archive(out, *args, timeout=300):
    result = subprocess.run(archive_command(out, *args), env=ENV, capture_output=True, text=True, timeout=timeout)
    return result


def manifest(out):
    with open(os.path.join(str(out), "manifest.json"), encoding="utf-8") as f:
        return json.load(f)


def same_bytes(a, b):
    with open(a, "rb") as fa, open(b, "rb") as fb:
        return fa.read() == fb.read()


def partial_files(folder):
    return [os.path.join(root, name) for root, _dirs, names in os.walk(str(folder)) for name in names
            if ".partial" in name]


# -- the products and the single runs they are compared with ----------------------------------------

@pytest.fixture(scope="module")
def archive_inputs(tmp_path_factory):
    """8 products of 2 tiles (the second and fourth date zipped, the third in a subfolder), the DEM VRT,
    and the stem of each product's map ("T31TCH/20201120_S2A")."""
    folder = tmp_path_factory.mktemp("archive-inputs")
    products = folder / "products"
    (products / "more").mkdir(parents=True)
    dems, stems = [], {}
    for tile, ulx in TILES:
        for index, date in enumerate(DATES):
            scene = Scene.small(size=SIZE, tile=tile, ulx=ulx, acquisition=date, snowline=1300.0 + 150.0 * index,
                                platform="SENTINEL2B" if index % 2 else "SENTINEL2A")
            where = products / "more" if index == 2 else products
            path = make_theia_product(str(where), scene, zip=index in (1, 3))
            stems[path] = "T{}/{:%Y%m%d}_S2{}".format(tile, date, "B" if index % 2 else "A")
        dems.append(make_dem(str(folder / "dem_{}.tif".format(tile)), scene))
    dem = str(folder / "dem.vrt")
    subprocess.run(["gdalbuildvrt", "-q", dem, *dems], check=True)
    return {"folder": str(products), "dem": dem, "stems": stems, "root": folder}


@pytest.fixture(scope="module")
def single_runs(archive_inputs):
    """``python3 -m neve snowmap`` on each product alone (two at a time): stem -> map path."""
    out = archive_inputs["root"] / "single"
    maps, running = {}, []
    try:
        for path, stem in archive_inputs["stems"].items():
            maps[stem] = str(out / (stem + "_SNW.tif"))
            os.makedirs(os.path.dirname(maps[stem]), exist_ok=True)
            running.append(subprocess.Popen(
                [sys.executable, "-m", "neve", "snowmap", "--input-product", path, "--dem", archive_inputs["dem"],
                 "--output", maps[stem], "--quiet"], env=ENV, stderr=subprocess.PIPE, text=True))
            if len(running) == 2:
                for process in running:
                    assert process.wait(120) == 0, process.stderr.read()
                    process.stderr.close()
                running = []
        for process in running:
            assert process.wait(120) == 0, process.stderr.read()
            process.stderr.close()
    finally:
        for process in running:
            if process.poll() is None:
                process.kill()
                process.wait()
    return maps


@pytest.fixture(scope="module")
def first_run(archive_inputs, tmp_path_factory):
    """The archive run of the first test, kept for the resume tests: (output folder, its result)."""
    return {"out": tmp_path_factory.mktemp("archive-out") / "maps"}


# -- tests ------------------------------------------------------------------------------------------

@pytest.mark.slow
def test_an_archive_on_a_real_cluster_makes_the_single_runs_maps_and_season(
        archive_inputs, single_runs, first_run, processes, tmp_path, neve_provider):
    address, workers = start_cluster(processes, tmp_path)
    out = first_run["out"]
    result = run_archive(out, "--dem", archive_inputs["dem"], "--scheduler", address, "--season", *SEASON, "--json",
                         archive_inputs["folder"])
    assert result.returncode == 0, result.stderr
    numbers = json.loads(result.stdout)
    assert (numbers["PRODUCTS_DONE"], numbers["PRODUCTS_SKIPPED"], numbers["PRODUCTS_FAILED"]) == (8, 0, 0)
    assert (numbers["SEASONS_DONE"], numbers["SEASONS_FAILED"]) == (2, 0)

    # every map is the single run's, byte for byte, where the layout says
    for stem, reference in single_runs.items():
        assert same_bytes(str(out / (stem + "_SNW.tif")), reference), stem
    document = manifest(out)
    entries = document["products"]
    assert len(entries) == 8
    used = set()
    for entry in entries:
        assert entry["status"] == "done", entry
        assert entry["product"] in archive_inputs["stems"]
        assert entry["outputs"]["OUTPUT"]["path"] == archive_inputs["stems"][entry["product"]] + "_SNW.tif"
        record = entry["outputs"]["OUTPUT"]
        path = str(out / record["path"])
        assert record["bytes"] == os.path.getsize(path)
        import hashlib
        with open(path, "rb") as f:
            assert record["sha256"] == hashlib.sha256(f.read()).hexdigest()
        assert entry["seconds"] > 0 and entry["worker_peak_mb"] > 0
        assert 0 <= entry["snow_percent"] <= 100 and 0 <= entry["cloud_percent"] <= 100
        assert entry["snowline_elevation"] is not None
        used.add(entry["worker"])
    assert used <= set(_workers(address))
    assert len(used) == 2, "both workers mapped products"

    # each tile's season is neve:snowseason on the single runs' maps of that tile
    from helpers import run as processing_run

    for tile, _ulx in TILES:
        maps = sorted(path for stem, path in single_runs.items() if stem.startswith("T" + tile))
        reference = tmp_path / ("season-" + tile)
        outputs = {"OUTPUT_" + name[:-4]: str(reference / name) for name in SEASON_RASTERS}
        processing_run("neve:snowseason", dict(outputs, INPUTS=maps, DATE_START=SEASON[0], DATE_STOP=SEASON[1],
                                               DEM=archive_inputs["dem"]))
        season = out / "T{}".format(tile) / "season_20200901_20210831"
        for name in SEASON_RASTERS:
            assert same_bytes(str(season / name), str(reference / name)), (tile, name)
        assert (season / "season.html").exists()
    seasons = document["seasons"]
    assert [(s["tile"], s["status"], len(s["maps"])) for s in seasons] == [("T31TCH", "done", 4),
                                                                          ("T31TCJ", "done", 4)]
    assert not partial_files(out)


def _workers(address):
    from distributed import Client

    with Client(address, timeout="30s") as client:
        return client.scheduler_info()["workers"]


@pytest.mark.slow
def test_a_second_run_skips_everything_without_a_cluster(archive_inputs, first_run):
    out = first_run["out"]
    if not (out / "manifest.json").exists():
        pytest.skip("the first archive run did not happen")
    before = {path: os.stat(path).st_mtime_ns for path in glob.glob(str(out / "*" / "*.tif"))}
    # nothing to do: the scheduler is not even contacted (there is none at that address)
    result = run_archive(out, "--dem", archive_inputs["dem"], "--scheduler", "tcp://127.0.0.1:9", "--season",
                         *SEASON, "--json", archive_inputs["folder"])
    assert result.returncode == 0, result.stderr
    numbers = json.loads(result.stdout)
    assert (numbers["PRODUCTS_DONE"], numbers["PRODUCTS_SKIPPED"], numbers["PRODUCTS_FAILED"]) == (0, 8, 0)
    assert numbers["SEASONS_DONE"] == 2
    assert {e["status"] for e in manifest(out)["products"]} == {"skipped"}
    assert {s["status"] for s in manifest(out)["seasons"]} == {"skipped"}
    assert {path: os.stat(path).st_mtime_ns for path in before} == before


@pytest.mark.slow
def test_statistics_of_the_archive_over_zones_across_its_two_tiles(archive_inputs, single_runs, first_run, tmp_path):
    """With --zones, neve:snowstats counts the run's maps (the two tiles together) once they are made: the
    table is that of snowstats run on the single runs' maps; a second run skips it."""
    out = first_run["out"]
    if not (out / "manifest.json").exists():
        pytest.skip("the first archive run did not happen")
    # one zone across the two tiles, one inside the first
    left, top = TILES[0][1], 4800000.0
    width = SIZE * 10.0
    crs = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::32631"}}
    features = [{"type": "Feature", "properties": {"basin": name}, "geometry": {"type": "Polygon", "coordinates": [
        [[x0, top - width], [x1, top - width], [x1, top], [x0, top], [x0, top - width]]]}}
        for name, x0, x1 in (("across", left + width / 2, left + 3 * width / 2), ("west", left, left + width / 2))]
    zones = {"type": "FeatureCollection", "crs": crs, "features": features}
    zones_path = tmp_path / "zones.geojson"
    zones_path.write_text(json.dumps(zones))
    args = ("--dem", archive_inputs["dem"], "--scheduler", "tcp://127.0.0.1:9", "--season", *SEASON, "--zones",
            str(zones_path), "--zone-field", "basin", "--json", archive_inputs["folder"])
    result = run_archive(out, *args)
    assert result.returncode == 0, result.stderr
    numbers = json.loads(result.stdout)
    table = out / "statistics" / "snow_statistics.gpkg"
    assert numbers["STATISTICS"] == str(table) and (out / "statistics" / "snow_statistics.html").exists()
    entry = manifest(out)["statistics"]
    assert entry["status"] == "done" and entry["maps_used"] == 8 and entry["zones_count"] == 2
    assert entry["dates_used"] == 4
    # the same table as neve:snowstats on the single runs' maps
    reference = tmp_path / "reference.gpkg"
    maps = [single_runs[stem] for stem in sorted(single_runs, key=lambda s: (s.split("/")[1], s))]
    done = subprocess.run([sys.executable, "-m", "neve", "snowstats", "--inputs", *maps, "--zones", str(zones_path),
                           "--zone-field", "basin", "--dem", archive_inputs["dem"], "--output-table", str(reference),
                           "--quiet"], env=ENV, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    from osgeo import ogr

    def rows(path):
        dataset = ogr.Open(str(path))
        return sorted(tuple(f.GetField(i) for i in range(f.GetFieldCount())) for f in dataset.GetLayer(0))

    found, expected = rows(table), rows(reference)
    assert len(found) == len(expected) > 8
    assert [r[:6] + r[16:] for r in found] == [r[:6] + r[16:] for r in expected]
    for a, b in zip(found, expected):
        assert a[6:16] == pytest.approx(b[6:16], abs=1e-9)
    # nothing changed: skipped, the files untouched
    stamp = os.stat(table).st_mtime_ns
    again = run_archive(out, *args)
    assert again.returncode == 0, again.stderr
    assert manifest(out)["statistics"]["status"] == "skipped" and os.stat(table).st_mtime_ns == stamp


@pytest.mark.slow
def test_a_damaged_map_or_season_is_made_again(archive_inputs, single_runs, tmp_path):
    out = tmp_path / "maps"
    tile_products = [p for p, stem in archive_inputs["stems"].items() if stem.startswith("T31TCH")]
    result = run_archive(out, "--dem", archive_inputs["dem"], "--workers", "2", "--season", *SEASON, "--json",
                         *tile_products)
    assert result.returncode == 0, result.stderr
    stem = archive_inputs["stems"][tile_products[0]]
    damaged = out / (stem + "_SNW.tif")
    damaged.write_bytes(damaged.read_bytes()[:100])
    result = run_archive(out, "--dem", archive_inputs["dem"], "--workers", "1", "--season", *SEASON, "--json",
                         *tile_products)
    assert result.returncode == 0, result.stderr
    numbers = json.loads(result.stdout)
    assert (numbers["PRODUCTS_DONE"], numbers["PRODUCTS_SKIPPED"]) == (1, 3)
    assert same_bytes(str(damaged), single_runs[stem])
    # the map made again is the same bytes: the season stands
    assert [s["status"] for s in manifest(out)["seasons"]] == ["skipped"]
    scd = out / "T31TCH" / "season_20200901_20210831" / "SCD.tif"
    expected = scd.read_bytes()
    scd.write_bytes(b"")
    result = run_archive(out, "--dem", archive_inputs["dem"], "--workers", "1", "--season", *SEASON, "--json",
                         *tile_products)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["PRODUCTS_SKIPPED"] == 4
    assert [s["status"] for s in manifest(out)["seasons"]] == ["done"]
    assert scd.read_bytes() == expected


@pytest.mark.slow
def test_with_a_refine_preset_the_files_are_refinecloudmask_then_snowmap(archive_inputs, tmp_path):
    products = sorted(p for p, stem in archive_inputs["stems"].items() if stem.startswith("T31TCH"))[:2]
    out = tmp_path / "maps"
    result = run_archive(out, "--dem", archive_inputs["dem"], "--workers", "2", "--refine", "theia_2017",
                         "--also", "bits", "--json", *products)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["PRODUCTS_DONE"] == 2
    entries = {e["product"]: e for e in manifest(out)["products"]}
    for product in products:
        stem = archive_inputs["stems"][product]
        reference = {suffix: str(tmp_path / "single" / (stem + suffix))
                     for suffix in ("_CLM.tif", "_CLASSES.tif", "_SNW.tif", "_BITS.tif")}
        os.makedirs(os.path.dirname(reference["_SNW.tif"]), exist_ok=True)
        for args in (["refinecloudmask", "--input-product", product, "--preset", "theia_2017",
                      "--output", reference["_CLM.tif"], "--output-classes", reference["_CLASSES.tif"]],
                     ["snowmap", "--input-product", product, "--dem", archive_inputs["dem"], "--cloud-mask",
                      reference["_CLM.tif"], "--cloud-mask-type", "clm", "--output", reference["_SNW.tif"],
                      "--output-bits", reference["_BITS.tif"]]):
            single = subprocess.run([sys.executable, "-m", "neve", *args, "--quiet"], env=ENV, capture_output=True,
                                    text=True, timeout=300)
            assert single.returncode == 0, single.stderr
        for suffix, path in reference.items():
            assert same_bytes(str(out / (stem + suffix)), path), stem + suffix
        assert set(entries[product]["outputs"]) == {"OUTPUT", "OUTPUT_BITS", "CLOUD_MASK", "CLOUD_CLASSES"}
    # the same products without refinement: other settings, so mapped again (not skipped)
    result = run_archive(out, "--dem", archive_inputs["dem"], "--workers", "1", "--json", *products)
    assert json.loads(result.stdout)["PRODUCTS_DONE"] == 2


@pytest.mark.slow
def test_a_worker_killed_in_the_middle_of_a_task_changes_nothing(archive_inputs, single_runs, processes,
                                                                   tmp_path):
    address, workers = start_cluster(processes, tmp_path)
    pids = {w.pid for w in workers}
    out = tmp_path / "maps"
    run = processes.start(archive_command(out, "--dem", archive_inputs["dem"], "--scheduler", address, "--json",
                                          archive_inputs["folder"]))
    victim = None
    deadline = time.monotonic() + 120
    while victim is None and run.poll() is None and time.monotonic() < deadline:
        # a worker writing: its temporary output file carries its PID (io.raster.output_file)
        for path in partial_files(out):
            pid = int(os.path.basename(path).rsplit(".partial", 1)[0].rsplit("-", 2)[-2])
            if pid in pids:
                victim = pid
                os.kill(pid, signal.SIGKILL)
                killed = next(w for w in workers if w.pid == victim)
                assert killed.wait(10) == -signal.SIGKILL   # reaped, as its parent on a cluster node would
                break
        time.sleep(0.005)
    assert victim is not None, "no worker was caught writing"
    stdout, stderr = run.communicate(timeout=300)
    assert run.returncode == 0, stderr
    assert json.loads(stdout)["PRODUCTS_DONE"] == 8
    for stem, reference in single_runs.items():
        assert same_bytes(str(out / (stem + "_SNW.tif")), reference), stem
    entries = manifest(out)["products"]
    assert {e["status"] for e in entries} == {"done"}
    assert not partial_files(out), "a killed worker's temporary file is left"


@pytest.mark.slow
def test_a_corrupt_product_fails_alone_and_the_manifest_says_why(archive_inputs, single_runs, processes,
                                                                 tmp_path):
    folder = tmp_path / "products"
    shutil.copytree(archive_inputs["folder"], str(folder))
    # a product whose SWIR band is cut in the middle, and a zip that is not one
    scene = Scene.small(size=SIZE, tile=TILES[0][0], ulx=TILES[0][1], acquisition=datetime.datetime(2021, 7, 1, 10, 0))
    broken = make_theia_product(str(folder), scene)
    band = glob.glob(os.path.join(broken, "*_FRE_B11.tif"))[0]
    with open(band, "r+b") as f:
        f.truncate(os.path.getsize(band) // 2)
    junk = folder / "SENTINEL2B_20210802-103512-456_L2A_T31TCH_C_V3-1.zip"
    junk.write_bytes(b"not a zip at all" * 100)
    out = tmp_path / "maps"
    run = processes.start(archive_command(out, "--dem", archive_inputs["dem"], "--workers", "2", "--retries", "1",
                                          "--json", str(folder)))
    stdout, stderr = run.communicate(timeout=300)
    assert run.returncode == 1, stderr          # some products failed: exit 1, the others done
    numbers = json.loads(stdout)
    assert (numbers["PRODUCTS_DONE"], numbers["PRODUCTS_FAILED"]) == (8, 2)
    entries = {e["product"]: e for e in manifest(out)["products"]}
    bad = entries[broken]
    assert bad["status"] == "failed" and bad["error_code"] == "unreadable_raster"
    assert os.path.basename(band) in bad["error"] and bad["attempts"] == 2
    assert entries[str(junk)]["status"] == "failed" and "SENTINEL2B_20210802" in entries[str(junk)]["error"]
    assert "failed" in stderr
    for stem, reference in single_runs.items():
        assert same_bytes(str(out / (stem + "_SNW.tif")), reference), stem
    assert not os.path.exists(str(out / "T31TCH" / "20210701_S2A_SNW.tif"))
    assert not partial_files(out)


@pytest.mark.slow
def test_ctrl_c_cancels_the_pending_products_and_stops_the_local_cluster(archive_inputs, processes, tmp_path):
    import psutil

    out = tmp_path / "maps"
    run = processes.start(archive_command(out, "--dem", archive_inputs["dem"], "--workers", "1",
                                          archive_inputs["folder"]))
    children = set()
    deadline = time.monotonic() + 120
    while run.poll() is None and time.monotonic() < deadline:
        try:
            children |= {c.pid for c in psutil.Process(run.pid).children(recursive=True)}
        except psutil.NoSuchProcess:
            break
        try:
            if any(e["status"] == "done" for e in manifest(out)["products"]):
                break           # a first product is recorded
        except (OSError, ValueError):
            pass
        time.sleep(0.01)
    run.send_signal(signal.SIGINT)
    stdout, stderr = run.communicate(timeout=120)
    assert run.returncode == 1, stderr
    assert "Cancelled" in stderr
    assert children, "the local cluster's worker processes were seen"
    time.sleep(0.5)
    assert not [pid for pid in children if psutil.pid_exists(pid) and psutil.Process(pid).status() != "zombie"]
    entries = manifest(out)["products"]
    assert 1 <= sum(e["status"] == "done" for e in entries) < 8
    assert not partial_files(out)


# -- without a cluster ------------------------------------------------------------------------------

def test_products_are_found_in_folders_zips_and_subfolders(archive_inputs, tmp_path):
    from neve.plugin.pipeline.archive import find_products

    found = find_products([archive_inputs["folder"]])
    assert sorted(found) == sorted(archive_inputs["stems"])
    (tmp_path / "other.zip").write_bytes(b"")   # not named like a product: not taken from a folder
    assert find_products([str(tmp_path)]) == []
    assert find_products([str(tmp_path / "other.zip")]) == [str(tmp_path / "other.zip")]  # given: taken
    one = next(iter(archive_inputs["stems"]))
    assert find_products([one, archive_inputs["folder"]]) == sorted(archive_inputs["stems"])


@pytest.mark.parametrize("args, words", [
    ((), "required"),
    (("--season", "2021-08-31", "2020-09-01"), "ends"),
    (("--refine", "nope"), "invalid choice"),
])
def test_bad_input_exits_with_2(archive_inputs, tmp_path, args, words, capsys):
    import io

    from neve.plugin.cli import main

    stdout, stderr = io.StringIO(), io.StringIO()
    argv = ["archive", "--out", str(tmp_path / "out"), *args, archive_inputs["folder"]] if args else ["archive"]
    assert main(argv, stdout=stdout, stderr=stderr) == 2
    assert words in stderr.getvalue() + capsys.readouterr().err


def test_no_product_found_is_a_clear_error_in_french(tmp_path):
    env = dict(ENV, LANG="fr_FR.UTF-8")
    result = subprocess.run(archive_command(tmp_path / "out", str(tmp_path)), env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 2
    assert "Aucun produit" in result.stderr and "Traceback" not in result.stderr


# -- in QGIS ----------------------------------------------------------------------------------------

@pytest.mark.slow
def test_snowarchive_in_qgis_maps_every_product_and_loads_the_seasons(archive_inputs, single_runs, neve_provider,
                                                                      tmp_path):
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject

    tile_products = sorted(p for p, stem in archive_inputs["stems"].items() if stem.startswith("T31TCJ"))
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    feedback = QgsProcessingFeedback()
    out = tmp_path / "maps"
    results = processing.run("neve:snowarchive", {
        "PRODUCTS": tile_products, "DEM": archive_inputs["dem"], "OUTPUT_FOLDER": str(out), "WORKERS": 2,
        "DATE_START": SEASON[0], "DATE_STOP": SEASON[1]}, context=context, feedback=feedback)
    assert (results["PRODUCTS_DONE"], results["PRODUCTS_FAILED"], results["SEASONS_DONE"]) == (4, 0, 1)
    assert results["MANIFEST"] == str(out / "manifest.json")
    for product in tile_products:
        stem = archive_inputs["stems"][product]
        assert same_bytes(str(out / (stem + "_SNW.tif")), single_runs[stem])
    loaded = context.layersToLoadOnCompletion()
    season = out / "T31TCJ" / "season_20200901_20210831"
    assert {os.path.basename(path) for path in loaded} == set(SEASON_RASTERS)
    assert all(os.path.dirname(path) == str(season) for path in loaded)
    # named what they are first, then the tile and season (issue 17)
    assert all(" \u00b7 T31TCJ " in details.name for details in loaded.values())
    assert feedback.progress() == 100


def test_without_dask_the_plugin_loads_and_snowarchive_says_what_to_install(tmp_path):
    for language, words in (("en_GB", ("needs the Python packages dask, distributed", 'pip install --user "dask[distributed]"')),
                            ("fr_FR", ("a besoin des paquets Python dask, distributed", 'pip install --user "dask[distributed]"'))):
        verdicts = verdicts_without(("dask", "distributed"), language, tmp_path / language)
        can_execute, message = verdicts.pop("neve:snowarchive")
        assert not can_execute
        assert all(word in message for word in words), message
        assert all(can for can, _message in verdicts.values()), verdicts
