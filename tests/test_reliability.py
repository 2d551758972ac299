"""Never lose a user's data (issue 11): the worst of 213 cases tried as a careful user and as an attacker would,
kept as regressions, one group per point of the issue.

1. an output never destroys an input;          7. silent wrong results are detected;
2. a full disk is an error, never a success;   8. extensions are honoured;
3. band files are opened as what they must be; 9. cancel is honoured to the end;
4. no unbounded memory from a parameter;       10. nothing left behind after a crash (kill -9);
5. no data in a band is no data in the map;    11. messages, not tracebacks (read-only folder, full disk,
6. inputs that are not what they must be are       no memory), in English and in French.
   refused and named;

Tests that mount a small tmpfs (a full disk, a read-only folder) need root, as CI runs them; elsewhere
they are skipped with the reason.
"""
import contextlib
import glob
import hashlib
import http.server
import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import zipfile

import numpy as np
import pytest
import rasterio
import rasterio.shutil
from qgis.core import QgsProcessingException, QgsProcessingFeedback

from conftest import ROOT
from helpers import leftovers, read_raster, run, write_raster
from synthetic import Scene, make_dem, make_sen2cor_product, make_theia_product
from test_i18n import switch_language
from test_loadproduct import Log
from test_qgis_process import profile, qgis_process  # noqa: F401 (the fixture: the plugin in a QGIS profile)

SIZE = 120          # 10 m pixels: 60 x 60 at 20 m, a run takes a fraction of a second


# --------------------------------------------------------------------------------------------------
# Fixtures and helpers
# --------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def scene():
    return Scene.small(size=SIZE)


@pytest.fixture(scope="module")
def theia(tmp_path_factory, scene):
    """A Theia product folder, the same product zipped, and a DEM."""
    folder = tmp_path_factory.mktemp("theia")
    product = make_theia_product(str(folder), scene)
    zipped = make_theia_product(str(folder / "zip"), scene, zip=True)
    return product, zipped, make_dem(str(folder / "dem.tif"), scene)


@pytest.fixture(scope="module")
def maps(tmp_path_factory):
    """Three small snow maps of a season (codes 0, 100, 205, 255), dated by their names."""
    folder = tmp_path_factory.mktemp("maps")
    rng = np.random.default_rng(3)
    return [write_raster(folder / "snow_{}.tif".format(day),
                         rng.choice([0, 100, 205, 255], size=(12, 16)).astype(np.uint8), pixel_size=(20.0, 20.0))
            for day in ("20181002", "20181112", "20190115")]


def one(product, pattern):
    found, = glob.glob(os.path.join(product, pattern))
    return found


def digest(path):
    """A fingerprint of a file, or of every file of a folder."""
    if os.path.isdir(path):
        return sorted((os.path.relpath(p, path), digest(p)) for p in glob.glob(os.path.join(path, "**"), recursive=True)
                      if os.path.isfile(p))
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def copy_product(product, folder):
    """A copy of a product folder, to alter."""
    target = os.path.join(str(folder), os.path.basename(product))
    shutil.copytree(product, target)
    return target


@contextlib.contextmanager
def french(provider):
    try:
        assert switch_language(provider, "fr_FR") == "fr"
        yield
    finally:
        switch_language(provider, "en_GB")


def no_qgis_path(tmp_path):
    """A PYTHONPATH with the plugin as ``neve`` and a ``qgis`` that cannot be imported."""
    path = tmp_path / "pythonpath"
    if not path.exists():
        path.mkdir()
        os.symlink(ROOT, path / "neve")
        (path / "qgis.py").write_text("raise ImportError('no QGIS here')\n")
    return str(path)


def command_line(tmp_path, *arguments, language="en"):
    """``python3 -m neve ARGUMENTS`` without QGIS, in English or French."""
    env = dict(os.environ, PYTHONPATH=no_qgis_path(tmp_path), LANGUAGE=language,
               LANG="fr_FR.UTF-8" if language == "fr" else "C.UTF-8", LC_ALL="")
    return subprocess.run(["/usr/bin/python3", "-m", "neve", *arguments], cwd=str(tmp_path), capture_output=True,
                          text=True, timeout=300, env=env)


@contextlib.contextmanager
def mounted_tmpfs(folder, options="size=1m"):
    """A tmpfs mounted on ``folder`` (root only: skipped otherwise), unmounted at the end."""
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root (CI runs the tests as root)")
    os.makedirs(str(folder), exist_ok=True)
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)], capture_output=True,
                             text=True)
    if mounted.returncode:
        pytest.skip("cannot mount a tmpfs here: " + mounted.stderr.strip())
    try:
        yield str(folder)
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


@pytest.fixture
def full_disk(tmp_path):
    """A folder on a 1 MB tmpfs left with 4 KB free (a filler file takes the rest)."""
    with mounted_tmpfs(tmp_path / "tmpfs") as folder:
        filler = os.path.join(folder, "filler")
        stat = os.statvfs(folder)
        with open(filler, "wb") as f:
            f.write(b"\0" * (stat.f_bavail * stat.f_frsize - 4096))
        yield folder


@pytest.fixture
def read_only_folder(tmp_path):
    """A folder the process cannot write to: a read-only tmpfs (root ignores file modes)."""
    if os.geteuid() != 0:
        folder = tmp_path / "read_only"
        folder.mkdir()
        folder.chmod(0o555)
        yield str(folder)
        folder.chmod(0o755)
        return
    with mounted_tmpfs(tmp_path / "read_only", "size=64k,ro") as folder:
        yield folder


def files_in(folder):
    """Every file name in ``folder``, hidden ones included, except the full disk's filler."""
    return [name for name in leftovers(folder) if name != "filler"]


class CancelAt(QgsProcessingFeedback):
    """A user pressing Cancel once the progress reaches ``percent`` (during the last strip)."""

    def __init__(self, percent):
        super().__init__()
        self.percent = percent

    def setProgress(self, progress):  # noqa: N802 (QGIS API name)
        super().setProgress(progress)
        if progress >= self.percent:
            self.cancel()


# --------------------------------------------------------------------------------------------------
# 1. An output never destroys an input
# --------------------------------------------------------------------------------------------------

def test_every_algorithm_refuses_an_output_that_would_destroy_an_input(neve_provider, theia, maps, tmp_path):
    product, zipped, dem = theia
    b11, clm = one(product, "*_FRE_B11.tif"), one(product, "MASKS/*_CLM_R2.tif")
    mask = write_raster(tmp_path / "mask.tif", np.ones((6, 6), np.uint8), pixel_size=(20.0, 20.0))
    link = str(tmp_path / "mask_link.tif")
    os.symlink(mask, link)
    vrt = str(tmp_path / "dem.vrt")
    rasterio.shutil.copy(dem, vrt, driver="VRT")
    out = str(tmp_path / "out.tif")
    cases = [
        ("neve:snowmap", {"INPUT_PRODUCT": zipped, "OUTPUT": zipped}, "is an input of this run"),
        ("neve:snowmap", {"INPUT_PRODUCT": product, "OUTPUT_HTML_FILE": one(product, "*_MTD_ALL.xml"),
                          "OUTPUT": out}, "inside the input product"),
        ("neve:snowmap", {"INPUT_PRODUCT": product, "CLOUD_MASK": mask, "OUTPUT": mask}, "is an input"),
        # the bands given as layers: their product folder is protected too
        ("neve:snowmap", {"GREEN": one(product, "*_FRE_B3.tif"), "RED": one(product, "*_FRE_B4.tif"), "SWIR": b11,
                          "CLOUD_MASK": clm, "OUTPUT": one(product, "*_FRE_B8.tif")}, "inside the input product"),
        # a file an input VRT reads
        ("neve:snowmap", {"INPUT_PRODUCT": product, "DEM": vrt, "OUTPUT": dem}, "is an input"),
        ("neve:dilatemask", {"INPUT": mask, "OUTPUT": link}, "is an input"),
        ("neve:cloudmask", {"INPUT": link, "OUTPUT": mask}, "is an input"),
        ("neve:refinecloudmask", {"INPUT_PRODUCT": product, "OUTPUT": clm, "OUTPUT_CLASSES": out},
         "inside the input product"),
        ("neve:loadproduct", {"INPUT_PRODUCT": product, "OUTPUT_CLOUD": clm}, "inside the input product"),
        ("neve:snowseason", {"INPUTS": maps, "OUTPUT_SCD": maps[1]}, "is an input"),
        ("neve:snowseason", {"INPUTS": maps, "OUTPUT_REPORT": maps[0]}, "is an input"),
        ("neve:snowseason", {"INPUTS": maps, "OUTPUT_SCD": out, "OUTPUT_NOBS": out}, "are the same file"),
    ]
    watched = [product, zipped, dem, mask] + list(maps)
    for algorithm, parameters, message in cases:
        before = [digest(p) for p in watched]
        with pytest.raises(QgsProcessingException, match=message):
            run(algorithm, parameters)
        assert [digest(p) for p in watched] == before, (algorithm, parameters)
        assert not os.path.exists(out)


def test_the_library_entry_points_refuse_too(theia, maps, tmp_path):
    """The job functions called from Python make the same checks as the doors."""
    from neve.plugin.errors import NeveError
    from neve.plugin.pipeline.buffer import BufferInputs, BufferOutputs, buffer_mask
    from neve.plugin.pipeline.product import LoadProductInputs, LoadProductOutputs, load_product
    from neve.plugin.pipeline.season import SeasonInputs, SeasonOutputs, season_synthesis
    from neve.plugin.pipeline.snowmap import SnowMapInputs, SnowMapOutputs, snow_map

    product, _zipped, dem = theia
    mask = write_raster(tmp_path / "mask.tif", np.ones((6, 6), np.uint8), pixel_size=(20.0, 20.0))
    before = digest(mask)
    calls = [
        (lambda: buffer_mask(BufferInputs(input=mask), outputs=BufferOutputs(output=mask)), "output_is_input"),
        (lambda: snow_map(SnowMapInputs(input_product=product, dem=dem), outputs=SnowMapOutputs(
            output=one(product, "*_FRE_B11.tif"))), "output_in_product"),
        (lambda: load_product(LoadProductInputs(input_product=product), outputs=LoadProductOutputs(
            output_cloud=one(product, "MASKS/*_CLM_R2.tif"))), "output_in_product"),
        (lambda: season_synthesis(SeasonInputs(inputs=tuple(maps)), outputs=SeasonOutputs(output_report=maps[2])),
         "output_is_input"),
    ]
    for call, code in calls:
        with pytest.raises(NeveError) as caught:
            call()
        assert caught.value.code == code
    assert digest(mask) == before


def test_refusal_in_french(neve_provider, theia, tmp_path):
    product, _zipped, _dem = theia
    with french(neve_provider):
        with pytest.raises(QgsProcessingException, match="dans le produit d'entrée"):
            run("neve:loadproduct", {"INPUT_PRODUCT": product, "OUTPUT_CLOUD": one(product, "MASKS/*_CLM_R2.tif")})


# --------------------------------------------------------------------------------------------------
# 2. A full disk is an error, never a success
# --------------------------------------------------------------------------------------------------

def test_snow_map_on_a_full_disk_fails_with_one_sentence_and_leaves_nothing(theia, full_disk, tmp_path):
    from neve.plugin.errors import NeveError
    from neve.plugin.pipeline.snowmap import SnowMapInputs, SnowMapOutputs, snow_map

    product, _zipped, dem = theia
    outputs = SnowMapOutputs(output=os.path.join(full_disk, "snow.tif"), output_ndsi=os.path.join(full_disk, "ndsi.tif"),
                             output_html_file=os.path.join(full_disk, "report.html"))
    with pytest.raises(NeveError) as caught:
        snow_map(SnowMapInputs(input_product=product, dem=dem), outputs=outputs)
    assert caught.value.code == "disk_full"
    assert re.fullmatch(r"Could not write /\S+: no space left on device\.", str(caught.value)), str(caught.value)
    assert files_in(full_disk) == []

    # the command line, in French: one sentence, exit status 1, no traceback
    result = command_line(tmp_path, "snowmap", "--input-product", product, "--dem", dem, "--output",
                          os.path.join(full_disk, "snow.tif"), "--output-ndsi", os.path.join(full_disk, "ndsi.tif"),
                          language="fr")
    assert result.returncode == 1, result.stderr
    assert "plus d'espace libre sur le disque" in result.stderr and "Traceback" not in result.stderr
    assert "ERROR" not in result.stderr     # GDAL's own messages are not shown besides the sentence
    assert files_in(full_disk) == []


def test_an_earlier_output_survives_a_full_disk(theia, full_disk):
    """A run that fails leaves the file it would have replaced as it was."""
    from neve.plugin.errors import NeveError
    from neve.plugin.pipeline.refine import RefineInputs, RefineOutputs, refine_cloud_mask

    product, _zipped, _dem = theia
    earlier = os.path.join(full_disk, "clm.tif")
    with open(earlier, "wb") as f:
        f.write(b"the earlier output")
    with pytest.raises(NeveError, match="no space left on device"):
        refine_cloud_mask(RefineInputs(input_product=product), outputs=RefineOutputs(
            output=earlier, output_classes=os.path.join(full_disk, "classes.tif")))
    assert open(earlier, "rb").read() == b"the earlier output"
    assert files_in(full_disk) == ["clm.tif"]


def test_refine_on_a_full_disk_in_processing(neve_provider, theia, full_disk):
    product, _zipped, _dem = theia
    with pytest.raises(QgsProcessingException, match="^Could not write .*clm.tif: no space left on device.$"):
        run("neve:refinecloudmask", {"INPUT_PRODUCT": product, "OUTPUT": os.path.join(full_disk, "clm.tif"),
                                     "OUTPUT_CLASSES": os.path.join(full_disk, "classes.tif")})
    assert files_in(full_disk) == []


def test_a_block_flushed_at_the_closing_is_checked(full_disk):
    """Data still in GDAL's cache is written when the file is closed: a failure then is an error too."""
    from affine import Affine
    from rasterio.windows import Window

    from neve.plugin.errors import NeveError
    from neve.plugin.io.raster import GeoTiffWriter

    noise = np.random.default_rng(1).random((256, 256)).astype(np.float32)    # does not compress
    with pytest.raises(NeveError, match="no space left on device"):
        with GeoTiffWriter(os.path.join(full_disk, "noise.tif"), 256, 256, "EPSG:32632", Affine(10, 0, 0, 0, -10, 0),
                           "float32") as writer:
            writer.write(noise, Window(0, 0, 256, 256))      # in GDAL's cache: no error yet
    assert files_in(full_disk) == []


# --------------------------------------------------------------------------------------------------
# 3. Band files are opened as what they must be
# --------------------------------------------------------------------------------------------------

class _Requests(http.server.BaseHTTPRequestHandler):
    count = 0

    def do_GET(self):  # noqa: N802 (http.server API name)
        type(self).count += 1
        self.send_response(404)
        self.end_headers()

    do_HEAD = do_GET

    def log_message(self, *_args):
        pass


@pytest.fixture
def http_server():
    """A local HTTP server counting the requests it gets."""
    _Requests.count = 0
    server = http.server.HTTPServer(("127.0.0.1", 0), _Requests)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()


def vrt_reading(source, raw=False):
    """VRT XML reading ``source`` (a local file as raw bytes, or any GDAL source)."""
    if raw:
        band = ('<VRTRasterBand dataType="Byte" band="1" subClass="VRTRawRasterBand"><SourceFilename relativetoVRT="0">'
                '{}</SourceFilename><ImageOffset>0</ImageOffset><PixelOffset>1</PixelOffset><LineOffset>60'
                '</LineOffset></VRTRasterBand>').format(source)
    else:
        band = ('<VRTRasterBand dataType="Int16" band="1"><SimpleSource><SourceFilename relativeToVRT="0">{}'
                '</SourceFilename><SourceBand>1</SourceBand></SimpleSource></VRTRasterBand>').format(source)
    return '<VRTDataset rasterXSize="60" rasterYSize="60">{}</VRTDataset>'.format(band)


def test_a_band_file_holding_vrt_xml_is_refused_and_reads_nothing(neve_provider, theia, tmp_path, http_server):
    from neve.plugin.errors import NeveError
    from neve.plugin.pipeline.snowmap import SnowMapInputs, SnowMapOutputs, snow_map

    secret = tmp_path / "secret.txt"
    secret.write_bytes(b"private" * 1000)
    for index, xml in enumerate((vrt_reading(str(secret), raw=True),
                                 vrt_reading("/vsicurl/http://127.0.0.1:{}/band.tif".format(http_server)))):
        product = copy_product(theia[0], tmp_path / "copy{}".format(index))
        b11 = one(product, "*_FRE_B11.tif")
        with open(b11, "w") as f:
            f.write(xml)
        out = tmp_path / "out{}".format(index)
        with pytest.raises(NeveError) as caught:
            snow_map(SnowMapInputs(input_product=product), outputs=SnowMapOutputs(output=str(out / "snow.tif")))
        assert caught.value.code == "wrong_format"
        assert str(caught.value).startswith("{} is not a GeoTIFF file, as its name says, but Virtual Raster".format(b11))
        assert not out.exists() or leftovers(out) == []
        # the same with the band given as a layer, in QGIS
        with pytest.raises(QgsProcessingException, match="is not a GeoTIFF file"):
            run("neve:waterclouds", {"SWIR": b11, "WATER": one(product, "MASKS/*_MG2_R2.tif"), "WATER_KIND": 1,
                                     "SWIR_BAND": 1, "OUTPUT": str(out / "w.tif")})
    assert _Requests.count == 0


def test_a_sen2cor_band_that_is_not_jpeg2000_is_refused(tmp_path):
    from neve.plugin.io.readers import open_product
    from neve.plugin.io.raster import WrongFormatError

    safe = make_sen2cor_product(str(tmp_path), Scene.small(size=60))
    band = one(safe, "GRANULE/*/IMG_DATA/R20m/*_B11_20m.jp2")
    with open(band, "w") as f:
        f.write(vrt_reading("/etc/hostname", raw=True))
    with open_product(safe) as product:
        with pytest.raises(WrongFormatError, match="is not a JPEG2000 file"):
            product.read_reflectance("B11")


# --------------------------------------------------------------------------------------------------
# 4. No unbounded memory from a parameter
# --------------------------------------------------------------------------------------------------

def test_dz_has_a_minimum_and_the_elevation_bands_a_cap(neve_provider, theia, scene, tmp_path):
    from neve.plugin.errors import NeveError
    from neve.plugin.pipeline.snowmap import SnowMapInputs, SnowMapOutputs, SnowMapParams, snow_map

    product, _zipped, dem = theia
    out = tmp_path / "out"
    for dz in (1e-6, 0.001):
        with pytest.raises(QgsProcessingException, match="out of range; give a value of at least 1"):
            run("neve:snowmap", {"INPUT_PRODUCT": product, "DEM": dem, "DZ": dz, "OUTPUT": str(out / "s.tif"),
                                 "OUTPUT_HTML_FILE": str(out / "r.html")})
        with pytest.raises(NeveError, match="DZ must be at least 1 m"):
            snow_map(SnowMapInputs(input_product=product, dem=dem), SnowMapParams(dz=dz),
                     SnowMapOutputs(output=str(out / "s.tif")))
    # a DEM spanning 0 to 3000 m in bands of 1 m: 3000 bands, more than the 1000 allowed
    ramp = np.tile(np.linspace(0, 3000, 60, dtype=np.float32), (60, 1))
    steep = write_raster(tmp_path / "steep.tif", ramp, pixel_size=(20.0, 20.0), origin=(scene.ulx, scene.uly),
                         crs=scene.crs)
    with pytest.raises(NeveError) as caught:
        snow_map(SnowMapInputs(input_product=product, dem=steep), SnowMapParams(dz=1),
                 SnowMapOutputs(output=str(out / "s.tif"), output_html_file=str(out / "r.html")))
    assert caught.value.code == "too_many_elevation_bands"
    assert "3000 elevation bands, more than the 1000 allowed. Give DZ of at least 3 m" in str(caught.value)
    assert not out.exists() or leftovers(out) == []
    with french(neve_provider):
        with pytest.raises(QgsProcessingException, match="tranches d'altitude"):
            run("neve:snowmap", {"INPUT_PRODUCT": product, "DEM": steep, "DZ": 1, "OUTPUT": str(out / "s.tif")})


def test_metadata_is_read_with_a_buffer_the_size_of_the_file(theia):
    import tracemalloc

    from neve.plugin.io.products import _Folder, _Zip

    product, zipped, _dem = theia
    metadata = os.path.basename(one(product, "*_MTD_ALL.xml"))
    member = os.path.basename(product) + "/" + metadata
    for container, name in ((_Folder(product), metadata), (_Zip(zipped), member)):
        tracemalloc.start()
        try:
            data = container.read(name)
            _size, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert len(data) < 1024 * 1024 and peak < 4 * len(data) + 256 * 1024, (name, len(data), peak)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/status")
def test_a_product_opens_under_a_tight_address_space_limit(theia, tmp_path):
    """ulimit -v: the 64 MB read buffer of a 30 KB metadata file failed under a limit QGIS lives with."""
    product, zipped, _dem = theia
    script = tmp_path / "limited.py"
    script.write_text(
        "import re, resource, sys\n"
        "from neve.plugin.io.readers import open_product\n"
        "open_product(sys.argv[1]).close()          # every import and cache warmed up\n"
        "size = int(re.search(r'VmSize:\\s+(\\d+)', open('/proc/self/status').read()).group(1)) * 1024\n"
        "limit = size + 32 * 1024 * 1024\n"
        "resource.setrlimit(resource.RLIMIT_AS, (limit, limit))\n"
        "for path in sys.argv[1:]:\n"
        "    open_product(path).close()\n"
        "print('opened')\n")
    env = dict(os.environ, PYTHONPATH=no_qgis_path(tmp_path))
    result = subprocess.run(["/usr/bin/python3", str(script), product, zipped], capture_output=True, text=True,
                            timeout=120, env=env)
    assert result.returncode == 0 and "opened" in result.stdout, result.stderr


# --------------------------------------------------------------------------------------------------
# 5. No data in any input band is no data in the map
# --------------------------------------------------------------------------------------------------

def crop_or_shift(source, target, columns=None, shift=0.0):
    """A copy of ``source`` with only its first ``columns`` columns, or moved east by ``shift`` metres."""
    with rasterio.open(source) as src:
        profile = src.profile
        data = src.read(1)
        transform = src.transform
    if columns is not None:
        data = data[:, :columns]
    profile.update(width=data.shape[1], height=data.shape[0],
                   transform=rasterio.Affine(transform.a, 0, transform.c + shift, 0, transform.e, transform.f))
    with rasterio.open(target, "w", **profile) as dst:
        dst.write(data, 1)
    return str(target)


@pytest.mark.parametrize("change", ["cropped", "shifted"])
def test_a_green_layer_that_does_not_cover_the_scene(neve_provider, theia, tmp_path, change):
    product, _zipped, dem = theia
    green = one(product, "*_FRE_B3.tif")
    if change == "cropped":     # the west half only (60 of 120 columns at 10 m)
        green = crop_or_shift(green, tmp_path / "green.tif", columns=SIZE // 2)
        uncovered = np.s_[:, SIZE // 4:]
    else:                       # 300 m (15 pixels at 20 m) east: the west strip is not covered
        green = crop_or_shift(green, tmp_path / "green.tif", shift=300.0)
        uncovered = np.s_[:, :15]
    layers = {"GREEN": green, "RED": one(product, "*_FRE_B4.tif"), "SWIR": one(product, "*_FRE_B11.tif"),
              "CLOUD_MASK": one(product, "MASKS/*_CLM_R2.tif"), "DEM": dem}
    feedback = Log()
    result = run("neve:snowmap", dict(layers, OUTPUT=str(tmp_path / "snow.tif"), OUTPUT_NDSI=str(tmp_path / "ndsi.tif")),
                 feedback=feedback)
    snow, ndsi = read_raster(result["OUTPUT"]), read_raster(result["OUTPUT_NDSI"])
    assert (snow[uncovered] == 255).all() and np.isnan(ndsi[uncovered]).all()
    assert np.nanmin(ndsi) >= -1 and np.nanmax(ndsi) <= 1
    share = "50.0" if change == "cropped" else "25.0"
    assert any("does not cover {} % of the scene".format(share) in w for w in feedback.warnings), feedback.warnings
    if change == "cropped":     # elsewhere, the map of the product
        reference = read_raster(run("neve:snowmap", {"INPUT_PRODUCT": product, "DEM": dem,
                                                     "OUTPUT": str(tmp_path / "reference.tif")})["OUTPUT"])
        covered = np.ones(snow.shape, bool)
        covered[uncovered] = False
        assert np.array_equal(snow[covered], reference[covered])


def test_a_band_with_no_data_inside_gives_no_data(theia, tmp_path):
    """A green layer with a hole of no data (a layer clipped to a polygon) gives no data there, not snow."""
    from neve.plugin.pipeline.snowmap import SnowMapInputs, SnowMapOutputs, snow_map

    product, _zipped, dem = theia
    with rasterio.open(one(product, "*_FRE_B3.tif")) as src:
        profile, data = src.profile, src.read(1)
    data[20:60, 20:60] = -10000
    green = str(tmp_path / "green.tif")
    with rasterio.open(green, "w", **profile) as dst:
        dst.write(data, 1)
    result = snow_map(SnowMapInputs(green=green, red=one(product, "*_FRE_B4.tif"), swir=one(product, "*_FRE_B11.tif"),
                                    cloud_mask=one(product, "MASKS/*_CLM_R2.tif"), dem=dem),
                      outputs=SnowMapOutputs(output=str(tmp_path / "snow.tif")))
    assert (read_raster(result.outputs.output)[10:30, 10:30] == 255).all()


# --------------------------------------------------------------------------------------------------
# 6. Inputs that are not what the algorithm needs are refused and named
# --------------------------------------------------------------------------------------------------

def test_snowseason_refuses_what_is_not_a_snow_map(neve_provider, maps, tmp_path):
    rng = np.random.default_rng(5)
    wrong = {
        "reflectance_20181020.tif": rng.integers(0, 10000, (12, 16)).astype(np.int16),
        "photo_20181021.tif": rng.integers(0, 256, (12, 16)).astype(np.uint8),
        "rgb_20181022.tif": rng.choice([0, 100], size=(3, 12, 16)).astype(np.uint8),
    }
    messages = {"reflectance_20181020.tif": "reflectance_20181020 holds values that are not snow-map codes",
                "photo_20181021.tif": "photo_20181021 holds values that are not snow-map codes",
                "rgb_20181022.tif": "rgb_20181022 has 3 bands: a snow map has one"}
    for name, array in wrong.items():
        path = write_raster(tmp_path / name, array, pixel_size=(20.0, 20.0))
        with pytest.raises(QgsProcessingException, match=re.escape(messages[name])):
            run("neve:snowseason", {"INPUTS": list(maps) + [path], "OUTPUT_SCD": str(tmp_path / "out" / "scd.tif")})
    assert not (tmp_path / "out").exists()
    # a missing map is named, in English and in French
    missing = str(tmp_path / "snow_20181101.tif")
    with pytest.raises(QgsProcessingException, match="Snow maps: {} does not exist".format(re.escape(missing))):
        run("neve:snowseason", {"INPUTS": list(maps) + [missing], "OUTPUT_SCD": str(tmp_path / "scd.tif")})
    with french(neve_provider):
        with pytest.raises(QgsProcessingException, match="{} n'existe pas".format(re.escape(missing))):
            run("neve:snowseason", {"INPUTS": list(maps) + [missing], "OUTPUT_SCD": str(tmp_path / "scd.tif")})


def test_a_dem_that_is_not_a_raster_is_not_reported_as_not_found(neve_provider, theia, tmp_path):
    product, _zipped, _dem = theia
    text = tmp_path / "dem.tif"
    text.write_text("elevation,x,y\n")
    with pytest.raises(QgsProcessingException) as caught:
        run("neve:snowmap", {"INPUT_PRODUCT": product, "DEM": str(text), "OUTPUT": str(tmp_path / "s.tif")})
    assert "is not a raster that GDAL can read" in str(caught.value) and "not found" not in str(caught.value)
    result = command_line(tmp_path, "snowmap", "--input-product", product, "--dem", str(text), "--output",
                          str(tmp_path / "s.tif"))
    assert result.returncode == 2 and "is not a raster that GDAL can read" in result.stderr, result.stderr


@pytest.mark.parametrize("value", ["NaN", "0", "-10000"])
def test_a_product_whose_quantification_value_is_not_a_positive_number_is_refused(theia, tmp_path, value):
    from neve.plugin.io.products import ProductError
    from neve.plugin.io.readers import open_product

    product = copy_product(theia[0], tmp_path)
    metadata = one(product, "*_MTD_ALL.xml")
    text = open(metadata).read()
    text, count = re.subn(r"<REFLECTANCE_QUANTIFICATION_VALUE>[^<]*<",
                          "<REFLECTANCE_QUANTIFICATION_VALUE>{}<".format(value), text)
    assert count == 1
    open(metadata, "w").write(text)
    with pytest.raises(ProductError, match="REFLECTANCE_QUANTIFICATION_VALUE: reflectance = digital number"):
        open_product(product)


@pytest.mark.parametrize("change", ["smaller", "shifted"])
def test_a_band_off_the_grid_of_its_resolution_is_refused_and_named(theia, tmp_path, change):
    from neve.plugin.errors import NeveError
    from neve.plugin.pipeline.snowmap import SnowMapInputs, SnowMapOutputs, snow_map

    product = copy_product(theia[0], tmp_path)
    b11 = one(product, "*_FRE_B11.tif")
    altered = str(tmp_path / "b11.tif")
    crop_or_shift(b11, altered, **({"columns": 50} if change == "smaller" else {"shift": 1000.0}))
    shutil.move(altered, b11)
    with pytest.raises(NeveError, match=re.escape("B11 ({}) is not on the product's 20 m grid".format(b11))):
        snow_map(SnowMapInputs(input_product=product), outputs=SnowMapOutputs(output=str(tmp_path / "s.tif")))
    assert not os.path.exists(str(tmp_path / "s.tif"))


# --------------------------------------------------------------------------------------------------
# 7. Silent wrong results
# --------------------------------------------------------------------------------------------------

def test_float_reflectance_layers_are_read_as_reflectance(neve_provider, theia, tmp_path):
    product, _zipped, dem = theia
    layers = {}
    for parameter, band in (("GREEN", "B3"), ("RED", "B4"), ("SWIR", "B11")):
        with rasterio.open(one(product, "*_FRE_{}.tif".format(band))) as src:
            profile, dn = src.profile, src.read(1)
        profile.update(dtype="float32", nodata=float("nan"), predictor=1)
        layers[parameter] = str(tmp_path / "{}.tif".format(band))
        with rasterio.open(layers[parameter], "w", **profile) as dst:
            dst.write(np.where(dn == -10000, np.nan, dn / np.float32(10000)).astype(np.float32), 1)
    feedback = Log()
    floats = run("neve:snowmap", dict(layers, CLOUD_MASK=one(product, "MASKS/*_CLM_R2.tif"), DEM=dem,
                                      OUTPUT=str(tmp_path / "floats.tif")), feedback=feedback)
    reference = run("neve:snowmap", {"INPUT_PRODUCT": product, "DEM": dem, "OUTPUT": str(tmp_path / "dn.tif")})
    assert floats["SNOW_PERCENT"] > 10
    assert floats["SNOW_PERCENT"] == pytest.approx(reference["SNOW_PERCENT"], abs=1.0)
    assert any("hold reflectances" in w and "read as reflectance (scale 1, not 10000)" in w for w in feedback.warnings)


def test_an_scl_given_as_a_maja_cloud_mask_is_read_as_an_scl(neve_provider, tmp_path):
    scene = Scene.small(size=60)
    safe = make_sen2cor_product(str(tmp_path), scene)
    dem = make_dem(str(tmp_path / "dem.tif"), scene)
    scl = one(safe, "GRANULE/*/IMG_DATA/R20m/*_SCL_20m.jp2")
    feedback = Log()
    as_clm = run("neve:snowmap", {"INPUT_PRODUCT": safe, "CLOUD_MASK": scl, "DEM": dem,
                                  "OUTPUT": str(tmp_path / "clm.tif")}, feedback=feedback)
    as_scl = run("neve:snowmap", {"INPUT_PRODUCT": safe, "CLOUD_MASK": scl, "CLOUD_MASK_TYPE": 1, "DEM": dem,
                                  "OUTPUT": str(tmp_path / "scl.tif")})
    assert np.array_equal(read_raster(as_clm["OUTPUT"]), read_raster(as_scl["OUTPUT"]))
    assert any("is a Sen2Cor scene classification (SCL)" in w for w in feedback.warnings), feedback.warnings


def test_water_clouds_and_shadows_run_with_layers_and_their_defaults(neve_provider, theia, tmp_path):
    product, _zipped, _dem = theia
    feedback = Log()
    run("neve:waterclouds", {"SWIR": one(product, "*_FRE_B12.tif"), "WATER": one(product, "MASKS/*_MG2_R2.tif"),
                             "WATER_KIND": 1, "OUTPUT": str(tmp_path / "water.tif")}, feedback=feedback)
    assert any("the threshold without sunglint is used on all water" in w for w in feedback.warnings)
    assert os.path.exists(str(tmp_path / "water.tif"))
    feedback = Log()
    result = run("neve:cloudshadows", {"CLOUDS": one(product, "MASKS/*_CLM_R2.tif"),
                                       "DARK_BAND": one(product, "*_FRE_B8A.tif"),
                                       "OUTPUT": str(tmp_path / "shadows.tif")}, feedback=feedback)
    assert result["CLOUD_OBJECTS"] > 0
    assert any("the angles given as numbers" in w for w in feedback.warnings)


# --------------------------------------------------------------------------------------------------
# 8. Extensions are honoured
# --------------------------------------------------------------------------------------------------

def test_the_extension_names_the_format_or_the_output_is_refused(neve_provider, theia, tmp_path):
    product, _zipped, dem = theia
    out = tmp_path / "out"
    for name in ("snow.jpg", "snow.vrt", "snow.png"):
        with pytest.raises(QgsProcessingException, match=r"cannot write a raster as \.\w+ block by block.*\.img"):
            run("neve:snowmap", {"INPUT_PRODUCT": product, "DEM": dem, "OUTPUT": str(out / name)})
    assert not out.exists()
    with french(neve_provider):
        with pytest.raises(QgsProcessingException, match="GDAL ne sait pas écrire"):
            run("neve:snowmap", {"INPUT_PRODUCT": product, "DEM": dem, "OUTPUT": str(out / "snow.jpg")})
    # a format GDAL writes: that format, with the pixels of the GeoTIFF
    tif = run("neve:snowmap", {"INPUT_PRODUCT": product, "DEM": dem, "OUTPUT": str(out / "snow.tif")})["OUTPUT"]
    img = run("neve:snowmap", {"INPUT_PRODUCT": product, "DEM": dem, "OUTPUT": str(out / "snow.img")})["OUTPUT"]
    with rasterio.open(img) as dataset:
        assert dataset.driver == "HFA"
        assert np.array_equal(dataset.read(1), read_raster(tif))
    assert not [name for name in leftovers(out) if ".partial" in name]


# --------------------------------------------------------------------------------------------------
# 9. Cancel is honoured to the end
# --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("algorithm, outputs", [
    ("neve:refinecloudmask", ("OUTPUT", "OUTPUT_CLASSES")),
    ("neve:loadproduct", ("OUTPUT_R2", "OUTPUT_CLOUD", "OUTPUT_SNOW", "OUTPUT_HTML")),
    ("neve:snowmap", ("OUTPUT", "OUTPUT_NDSI", "OUTPUT_HTML_FILE")),
    ("neve:dilatemask", ("OUTPUT",)),
    ("neve:cloudmask", ("OUTPUT",)),
    ("neve:sievemask", ("OUTPUT",)),
    ("neve:waterclouds", ("OUTPUT",)),
    ("neve:cloudshadows", ("OUTPUT",)),
])
def test_a_cancel_during_the_last_strip_writes_nothing(neve_provider, theia, tmp_path, algorithm, outputs):
    product, _zipped, _dem = theia
    out = tmp_path / "out"
    parameters = {"INPUT_PRODUCT": product}
    parameters.update({name: str(out / (name.lower() + (".html" if "HTML" in name else ".vrt" if name == "OUTPUT_R2"
                                                        else ".tif"))) for name in outputs})
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        run(algorithm, parameters, feedback=CancelAt(94))
    assert not out.exists() or leftovers(out) == []


def test_a_season_cancelled_at_the_end_writes_nothing(maps, tmp_path):
    from neve.plugin.errors import Cancelled
    from neve.plugin.pipeline.feedback import RecordingFeedback
    from neve.plugin.pipeline.season import SeasonInputs, SeasonOutputs, season_synthesis

    out = tmp_path / "out"
    with pytest.raises(Cancelled):
        season_synthesis(SeasonInputs(inputs=tuple(maps)), outputs=SeasonOutputs(
            output_scd=str(out / "scd.tif"), output_report=str(out / "season.html")),
            feedback=RecordingFeedback(cancel_at=99.9))
    assert not out.exists() or leftovers(out) == []


# --------------------------------------------------------------------------------------------------
# 10. Nothing left behind after a crash
# --------------------------------------------------------------------------------------------------

KILLED_RUN = """
import sys, time
from neve.plugin.pipeline import lis
from neve.plugin.pipeline.feedback import Feedback
from neve.plugin.pipeline.snowmap import SnowMapInputs, SnowMapOutputs, snow_map

lis.SCRATCH_IN_MEMORY_MB = 0          # the arrays between the sweeps in a scratch folder

class Slow(Feedback):
    def progress(self, percent):
        time.sleep(0.5)

product, dem, out, scratch = sys.argv[1:]
snow_map(SnowMapInputs(input_product=product, dem=dem),
         outputs=SnowMapOutputs(output=out + "/snow.tif", output_ndsi=out + "/ndsi.tif"),
         feedback=Slow(), scratch_dir=scratch, block_rows=10)
"""


@pytest.mark.slow
def test_a_run_killed_mid_way_leaves_files_the_next_run_removes(theia, tmp_path, monkeypatch):
    from neve.plugin.pipeline import lis
    from neve.plugin.pipeline.snowmap import SnowMapInputs, SnowMapOutputs, snow_map

    product, _zipped, dem = theia
    out, scratch = tmp_path / "out", tmp_path / "scratch"
    out.mkdir()
    scratch.mkdir()
    script = tmp_path / "killed.py"
    script.write_text(KILLED_RUN)
    env = dict(os.environ, PYTHONPATH=no_qgis_path(tmp_path))
    process = subprocess.Popen(["/usr/bin/python3", str(script), product, dem, str(out), str(scratch)], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.time() + 60
        while time.time() < deadline and not (glob.glob(str(out / ".*.partial.tif"))
                                               and glob.glob(str(scratch / "neve-snowmap-*"))):
            assert process.poll() is None, process.communicate()
            time.sleep(0.05)
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.wait(timeout=30)
    partial = leftovers(out)
    assert len(partial) == 2
    assert all("-{}-".format(process.pid) in name and ".partial" in name for name in partial), partial
    assert [name for name in os.listdir(str(scratch)) if "-{}-".format(process.pid) in name]

    # the next run writing into the same folder, with the same scratch folder, removes them
    monkeypatch.setattr(lis, "SCRATCH_IN_MEMORY_MB", 0)
    snow_map(SnowMapInputs(input_product=product, dem=dem), outputs=SnowMapOutputs(output=str(out / "snow.tif")),
             scratch_dir=str(scratch))
    assert leftovers(out) == ["snow.tif"]
    assert os.listdir(str(scratch)) == []


# --------------------------------------------------------------------------------------------------
# 11. Messages, not tracebacks
# --------------------------------------------------------------------------------------------------

def test_a_read_only_output_folder_gets_one_sentence_in_processing(neve_provider, theia, read_only_folder):
    product, _zipped, _dem = theia
    output = os.path.join(read_only_folder, "clouds.tif")
    pattern = "^Could not write {}: permission denied \\(the folder is read-only".format(re.escape(output))
    with pytest.raises(QgsProcessingException, match=pattern):
        run("neve:cloudmask", {"INPUT_PRODUCT": product, "OUTPUT": output})
    with french(neve_provider):
        with pytest.raises(QgsProcessingException, match="^Impossible d'écrire .* : permission refusée"):
            run("neve:cloudmask", {"INPUT_PRODUCT": product, "OUTPUT": output})
    assert os.listdir(read_only_folder) == []


def test_a_read_only_output_folder_gets_one_sentence_in_qgis_process(theia, read_only_folder, profile):
    product, _zipped, _dem = theia
    output = os.path.join(read_only_folder, "clouds.tif")
    for language, sentence in ((None, "Could not write {}: permission denied".format(output)),
                               ("fr_FR", "Impossible d'écrire {} : permission refusée".format(output))):
        result = qgis_process(profile, "run", "neve:cloudmask", "--", "INPUT_PRODUCT=" + product, "OUTPUT=" + output,
                              language=language)
        assert result.returncode != 0
        assert sentence in result.stdout + result.stderr, result.stdout + result.stderr
        assert "Traceback" not in result.stdout + result.stderr


def test_memory_error_is_one_sentence(neve_provider, theia, tmp_path, monkeypatch):
    from neve.plugin import cli
    from neve.plugin.core import snow

    product, _zipped, _dem = theia

    def exhausted(*_args, **_kwargs):
        raise MemoryError()

    monkeypatch.setattr(snow, "first_pass", exhausted)
    with pytest.raises(QgsProcessingException, match="^Not enough memory for this run"):
        run("neve:snowmap", {"INPUT_PRODUCT": product, "OUTPUT": str(tmp_path / "s.tif")})
    with french(neve_provider):
        with pytest.raises(QgsProcessingException, match="^Pas assez de mémoire"):
            run("neve:snowmap", {"INPUT_PRODUCT": product, "OUTPUT": str(tmp_path / "s.tif")})
    stdout, stderr = io.StringIO(), io.StringIO()
    monkeypatch.setenv("LANGUAGE", "en")
    try:
        code = cli.main(["snowmap", "--input-product", product, "--output", str(tmp_path / "s.tif")], stdout=stdout,
                        stderr=stderr)
    finally:
        switch_language(neve_provider, "en_GB")
    assert code == 1
    assert stderr.getvalue().startswith("Error: Not enough memory for this run") and "Traceback" not in stderr.getvalue()
    assert leftovers(tmp_path) == []


def test_the_commit_of_the_outputs_is_all_or_nothing(tmp_path):
    """Outputs of one run are renamed together at the end: an error in the last one leaves none."""
    from neve.plugin.io.raster import output_file, output_group

    (tmp_path / "a.txt").write_text("earlier a")
    with pytest.raises(RuntimeError):
        with output_group():
            with output_file(str(tmp_path / "a.txt")) as first:
                open(first, "w").write("new a")
            with output_file(str(tmp_path / "b.txt")) as second:
                open(second, "w").write("new b")
            raise RuntimeError("the report failed")
    assert leftovers(tmp_path) == ["a.txt"] and (tmp_path / "a.txt").read_text() == "earlier a"
    with output_group():
        with output_file(str(tmp_path / "a.txt")) as first:
            open(first, "w").write("new a")
        assert (tmp_path / "a.txt").read_text() == "earlier a"     # not before the group's end
    assert (tmp_path / "a.txt").read_text() == "new a"


def test_json_of_a_failed_run_is_nothing_on_standard_output(theia, read_only_folder, tmp_path):
    """The command line prints nothing on standard output when it fails: a script reading --json gets no
    half result."""
    product, _zipped, _dem = theia
    result = command_line(tmp_path, "cloudmask", "--input-product", product, "--output",
                          os.path.join(read_only_folder, "c.tif"), "--json")
    assert result.returncode == 1 and result.stdout == ""
    assert "permission denied" in result.stderr and "Traceback" not in result.stderr
    with pytest.raises(json.JSONDecodeError):
        json.loads(result.stdout)
    assert zipfile.is_zipfile(theia[1])


def test_the_other_messages_in_french(neve_provider, theia, tmp_path):
    """The messages of points 3, 5, 7 and 9 in French (those of 1, 2, 4, 6, 8 and 11 are checked above)."""
    product, _zipped, dem = theia
    copy = copy_product(product, tmp_path / "copy")
    b11 = one(copy, "*_FRE_B11.tif")
    with open(b11, "w") as f:
        f.write(vrt_reading("/etc/hostname", raw=True))
    green = crop_or_shift(one(product, "*_FRE_B3.tif"), tmp_path / "green.tif", columns=SIZE // 2)
    with french(neve_provider):
        with pytest.raises(QgsProcessingException, match="n'est pas un fichier GeoTIFF, comme son nom l'indique"):
            run("neve:waterclouds", {"SWIR": b11, "WATER": one(copy, "MASKS/*_MG2_R2.tif"), "WATER_KIND": 1,
                                     "SWIR_BAND": 1, "OUTPUT": str(tmp_path / "w.tif")})
        log = Log()
        run("neve:snowmap", {"GREEN": green, "RED": one(product, "*_FRE_B4.tif"), "SWIR": one(product, "*_FRE_B11.tif"),
                             "CLOUD_MASK": one(product, "MASKS/*_CLM_R2.tif"), "DEM": dem,
                             "OUTPUT": str(tmp_path / "s.tif")}, feedback=log)
        assert any("ne couvre pas 50,0 % de la scène" in w for w in log.warnings), log.warnings  # decimal comma (issue 17)
        log = Log()
        run("neve:waterclouds", {"SWIR": one(product, "*_FRE_B12.tif"), "WATER": one(product, "MASKS/*_MG2_R2.tif"),
                                 "WATER_KIND": 1, "OUTPUT": str(tmp_path / "water.tif")}, feedback=log)
        assert any("le seuil sans reflet est appliqué à toute l'eau" in w for w in log.warnings), log.warnings
        with pytest.raises(QgsProcessingException, match="Annulé : aucune sortie n'a été écrite"):
            run("neve:refinecloudmask", {"INPUT_PRODUCT": product, "OUTPUT": str(tmp_path / "out" / "c.tif"),
                                         "OUTPUT_CLASSES": str(tmp_path / "out" / "k.tif")}, feedback=CancelAt(94))
    assert not (tmp_path / "out").exists() or leftovers(tmp_path / "out") == []
