"""The product reader (plugin/io/products.py) on the real Sen2Cor product, the real Theia crops, Theia
metadata laid out as MAJA's template, and bad or hostile inputs.

Expected values come from the files themselves read another way (rasterio on the shared files, regular
expressions on the XML text, GDAL's own gdalwarp) or are read off the metadata by hand.
"""
import glob
import math
import os
import re
import shutil
import tracemalloc
import zipfile
from datetime import datetime, timezone

import numpy as np
import pytest
import rasterio
from rasterio.transform import from_origin
from rasterio.windows import Window

from conftest import shared_path
from helpers import BILLION_LAUGHS, EXTERNAL_ENTITY, read_raster, run
from neve.plugin.io.products import ProductError, band_name, combine_detectors, open_bands
from neve.plugin.io.readers import open_product

SAFE_NAME = "S2A_MSIL2A_20221005T115411_N0400_R023_T29UNU_20221005T164454.SAFE"
SAFE = shared_path("real", "sen2cor", SAFE_NAME)
GRANULE = glob.glob(os.path.join(SAFE, "GRANULE", "*"))[0]
MTD_TL = os.path.join(GRANULE, "MTD_TL.xml")
SCL_20M = glob.glob(os.path.join(GRANULE, "IMG_DATA", "R20m", "*_SCL_20m.jp2"))[0]
SEN2COR_BANDS = {"B1": "B01", "B2": "B02", "B3": "B03", "B4": "B04", "B5": "B05", "B6": "B06",
                 "B7": "B07", "B8A": "B8A", "B9": "B09", "B11": "B11", "B12": "B12"}
CROPS = sorted(glob.glob(os.path.join(shared_path("real", "theia-muscate", "product-crops"), "*", "*")))
FRAGMENTS = sorted(glob.glob(os.path.join(shared_path("real", "theia-muscate", "metadata-fragments"),
                                          "*", "*", "*_MTD_ALL.xml")))
TEMPLATE = shared_path("format", "MAJA_SENTINEL2_MUSCATE_MTD_ALL_template.xml")
THEIA_10M, THEIA_20M = ("B2", "B3", "B4", "B8"), ("B5", "B6", "B7", "B8A", "B11", "B12")


def sen2cor_band_path(band):
    return glob.glob(os.path.join(GRANULE, "IMG_DATA", "R60m",
                                  "*_{}_60m.jp2".format(SEN2COR_BANDS[band])))[0]


def read_dn(path, window=None):
    with rasterio.open(path) as src:
        return src.read(1, window=window)


def sen2cor_expected(dn):
    """(DN - 1000) / 10000 computed in double precision then rounded once to float32; DN 0 is nodata."""
    expected = ((dn.astype(np.float64) - 1000.0) / 10000.0).astype(np.float32)
    expected[dn == 0] = np.nan
    return expected


def zip_folder(folder, zip_path, stored_under=None):
    """Zip ``folder`` as a product is distributed: its files under the folder's own name."""
    top = stored_under if stored_under is not None else os.path.basename(folder)
    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for dirpath, _dirs, files in os.walk(folder):
            for name in files:
                path = os.path.join(dirpath, name)
                archive.write(path, os.path.join(top, os.path.relpath(path, folder)))
    return str(zip_path)


def tree(folder):
    """Every file under ``folder`` (relative paths), to check that a failure wrote nothing."""
    return sorted(os.path.relpath(os.path.join(d, f), folder) for d, _s, fs in os.walk(folder) for f in fs)


@pytest.fixture(scope="module")
def sen2cor_zip(tmp_path_factory):
    return zip_folder(SAFE, tmp_path_factory.mktemp("zip") / (SAFE_NAME[:-5] + ".zip"))


@pytest.fixture(params=["folder", "zip"])
def sen2cor(request, sen2cor_zip):
    with open_product(SAFE if request.param == "folder" else sen2cor_zip) as product:
        yield product


# --- real Sen2Cor product ---------------------------------------------------------------------------

def test_sen2cor_metadata_read_as_folder_and_zip(sen2cor):
    # values read off MTD_MSIL2A.xml and MTD_TL.xml by hand
    p = sen2cor
    assert (p.kind, p.platform, p.tile, p.version, p.level) == ("sen2cor", "Sentinel-2A", "T29UNU", "04.00", "L2A")
    assert p.name == SAFE_NAME[:-5]
    assert p.acquisition == datetime(2022, 10, 5, 11, 54, 11, 24000, tzinfo=timezone.utc)
    assert p.production == datetime(2022, 10, 5, 16, 44, 54, tzinfo=timezone.utc)
    assert p.reflectance_scale == 10000 and p.reflectance_nodata == 0
    assert set(p.reflectance_offsets.values()) == {-1000.0}
    assert p.quality["CLOUDY_PIXEL_PERCENTAGE"] == 59.769726
    assert p.quality["SNOW_ICE_PERCENTAGE"] == 0.000646
    assert p.quality["CLOUD_SHADOW_PERCENTAGE"] == 10.305484
    assert p.quality["Cloud_Coverage_Assessment"] == 59.769726
    assert (p.sun_angles.zenith, p.sun_angles.azimuth) == (57.820574357679, 172.840206897213)
    assert (p.viewing_angles["B4"].zenith, p.viewing_angles["B4"].azimuth) == (9.21309289311719,
                                                                               289.672012506847)
    assert p.crs.to_epsg() == 32629
    assert p.bands == {band: 60 for band in SEN2COR_BANDS}  # the 10 and 20 m bands are not in the data
    assert p.masks == {"SCL": 20, "CLDPRB": 20, "SNWPRB": 20}
    for resolution, size in ((10, 10980), (20, 5490), (60, 1830)):
        grid = p.grid(resolution)
        assert (grid.width, grid.height, grid.crs.to_epsg()) == (size, size, 32629)
        assert tuple(grid.transform)[:6] == (resolution, 0, 499980, 0, -resolution, 5900040)
    assert p.warnings == []


def test_sen2cor_reflectance_is_dn_minus_1000_over_10000_to_the_last_bit(sen2cor):
    dn = read_dn(sen2cor_band_path("B4"))
    assert (dn == 0).any() and ((dn > 0) & (dn < 1000)).any()  # nodata and negative reflectances
    np.testing.assert_array_equal(sen2cor.read_reflectance("B04"), sen2cor_expected(dn))
    window = Window(900, 300, 200, 150)
    for band in SEN2COR_BANDS:
        values = sen2cor.read_reflectance(band, sen2cor.grid(60), window)
        assert values.dtype == np.float32
        np.testing.assert_array_equal(values, sen2cor_expected(read_dn(sen2cor_band_path(band), window)))


@pytest.mark.parametrize("baseline, offsets_listed, offset, warned", [
    ("03.01", False, 0, False),     # before 04.00: no BOA_ADD_OFFSET, no offset
    ("04.00", False, -1000, True),  # the offset list lost from a 04.00 product: -1000, with a warning
    ("05.10", True, -1000, False),  # the offsets as listed
])
def test_sen2cor_offset_before_and_after_baseline_04_00(tmp_path, baseline, offsets_listed, offset, warned):
    band = os.path.relpath(sen2cor_band_path("B12"), SAFE)
    folder = copy_safe(tmp_path / SAFE_NAME, [band, os.path.relpath(MTD_TL, SAFE)])
    with open(os.path.join(SAFE, "MTD_MSIL2A.xml"), encoding="utf-8") as f:
        text = f.read().replace("<PROCESSING_BASELINE>04.00<", "<PROCESSING_BASELINE>{}<".format(baseline))
    if not offsets_listed:
        text = re.sub(r"<BOA_ADD_OFFSET_VALUES_LIST>.*?</BOA_ADD_OFFSET_VALUES_LIST>", "", text, flags=re.S)
    with open(os.path.join(folder, "MTD_MSIL2A.xml"), "w", encoding="utf-8") as f:
        f.write(text)
    window = Window(1000, 200, 300, 300)
    dn = read_dn(sen2cor_band_path("B12"), window)
    expected = ((dn.astype(np.float64) + offset) / 10000.0).astype(np.float32)
    expected[dn == 0] = np.nan
    with open_product(folder) as p:
        assert p.version == baseline and p.reflectance_offsets["B12"] == offset
        np.testing.assert_array_equal(p.read_reflectance("B12", window=window), expected)
        assert any("BOA_ADD_OFFSET" in w for w in p.warnings) == warned


def test_sen2cor_scl_read_at_full_resolution_has_classes_0_to_11_only(sen2cor):
    scl = sen2cor.read_raw("SCL", sen2cor.grid(20))
    assert scl.shape == (5490, 5490)
    np.testing.assert_array_equal(scl, read_dn(SCL_20M))
    assert set(np.unique(scl)) <= set(range(12))
    # reading the same file through JPEG2000 reduced-resolution levels would give classes 12 and 13
    with rasterio.open(SCL_20M) as src:
        reduced = src.read(1, out_shape=(1830, 1830))
    assert {12, 13} & set(np.unique(reduced))
    mode_60m = sen2cor.read_raw("SCL", sen2cor.grid(60), resampling="mode")
    assert mode_60m.shape == (1830, 1830) and set(np.unique(mode_60m)) <= set(range(12))
    # a 60 m pixel over 3 x 3 pixels of one class is that class
    blocks = scl.reshape(1830, 3, 1830, 3).transpose(0, 2, 1, 3).reshape(1830, 1830, 9)
    uniform = (blocks == blocks[..., :1]).all(axis=2)
    np.testing.assert_array_equal(mode_60m[uniform], blocks[..., 0][uniform])


@pytest.mark.parametrize("window", [Window(3800, 150, 400, 300), Window(0, 200, 60, 30)])
def test_sen2cor_decoded_masks_are_the_scl_classes(sen2cor, window):
    scl = read_dn(SCL_20M, window)
    grid = sen2cor.grid(20)
    expected = {"cloud": np.isin(scl, [3, 8, 9, 10]), "shadow": scl == 3, "high_cloud": scl == 10,
                "water": scl == 6, "snow": scl == 11, "nodata": scl == 0}
    for kind, mask in expected.items():
        np.testing.assert_array_equal(sen2cor.read_mask(kind, grid, window), mask, err_msg=kind)
    np.testing.assert_array_equal(sen2cor.read_mask("cloud", grid, window, selection=[8, 9]),
                                  np.isin(scl, [8, 9]))
    present = [kind for kind, mask in expected.items() if mask.any()]
    assert present == (["water", "snow"] if window.col_off == 0
                       else ["cloud", "shadow", "high_cloud", "water", "nodata"])


def mtd_tl_grid(text, angle):
    """Rows of the sun angle grid ``angle`` ("Zenith" or "Azimuth") of MTD_TL.xml, by plain text search."""
    sun = text[text.index("<Sun_Angles_Grid>"):text.index("</Sun_Angles_Grid>")]
    part = sun[sun.index("<{}>".format(angle)):sun.index("</{}>".format(angle))]
    return np.array([[float(v) for v in row.split()] for row in re.findall(r"<VALUES>(.*?)</VALUES>", part)])


def test_sen2cor_sun_angle_grids_match_mtd_tl(sen2cor):
    with open(MTD_TL, encoding="utf-8") as f:
        text = f.read()
    grids = sen2cor.sun_angle_grids
    assert grids.zenith.shape == (23, 23)
    np.testing.assert_array_equal(grids.zenith, mtd_tl_grid(text, "Zenith"))
    np.testing.assert_array_equal(grids.azimuth, mtd_tl_grid(text, "Azimuth"))
    assert (grids.zenith[0, 0], grids.azimuth[22, 22]) == (58.38, 173.769)
    assert (grids.x0, grids.y0, grids.col_step, grids.row_step) == (499980, 5900040, 5000, 5000)
    # as a raster, the first value is the centre of a 5 km pixel at the tile's corner
    assert grids.transform * (0.5, 0.5) == (499980, 5900040)


def reference_viewing_grid(text, band_id):
    """Per-band viewing grid from MTD_TL.xml text: at each point, the plain mean of the detectors' zeniths
    and the direction of the sum of their azimuth unit vectors, written with loops."""
    detectors = re.findall(r'<Viewing_Incidence_Angles_Grids bandId="{}" detectorId="\d+">(.*?)'
                           r"</Viewing_Incidence_Angles_Grids>".format(band_id), text, re.S)
    zeniths, azimuths = [], []
    for detector in detectors:
        for angle, store in (("Zenith", zeniths), ("Azimuth", azimuths)):
            part = re.search(r"<{0}[ >](.*?)</{0}>".format(angle), detector, re.S).group(1)
            store.append([[float(v) for v in row.split()]
                          for row in re.findall(r"<VALUES>(.*?)</VALUES>", part)])
    rows, cols = len(zeniths[0]), len(zeniths[0][0])
    zenith, azimuth = np.full((rows, cols), np.nan), np.full((rows, cols), np.nan)
    for i in range(rows):
        for j in range(cols):
            seen = [(z[i][j], a[i][j]) for z, a in zip(zeniths, azimuths)
                    if not math.isnan(z[i][j]) and not math.isnan(a[i][j])]
            if seen:
                zenith[i, j] = sum(z for z, _a in seen) / len(seen)
                east = sum(math.sin(math.radians(a)) for _z, a in seen)
                north = sum(math.cos(math.radians(a)) for _z, a in seen)
                azimuth[i, j] = math.degrees(math.atan2(east, north)) % 360.0
                azimuth[i, j] = 0.0 if azimuth[i, j] >= 360.0 else azimuth[i, j]
    return zenith, azimuth, len(detectors)


def test_sen2cor_viewing_grids_combine_the_detectors(sen2cor):
    with open(MTD_TL, encoding="utf-8") as f:
        text = f.read()
    zenith, azimuth, detectors = reference_viewing_grid(text, 3)  # bandId 3 is B4
    assert detectors == 4
    grid = sen2cor.viewing_angle_grids["B4"]
    np.testing.assert_allclose(grid.zenith, zenith, rtol=0, atol=1e-9)
    np.testing.assert_allclose(grid.azimuth, azimuth, rtol=0, atol=1e-9)
    assert np.isnan(grid.zenith).any() and not np.isnan(grid.zenith).all()
    assert set(sen2cor.viewing_angle_grids) == set(SEN2COR_BANDS) | {"B8", "B10"}


def test_combine_detectors_by_hand():
    nan = np.nan
    zenith, azimuth = combine_detectors([[[2.0, nan, nan]], [[4.0, 6.0, nan]]],
                                        [[[359.0, nan, nan]], [[1.0, 90.0, nan]]])
    np.testing.assert_allclose(zenith, [[3.0, 6.0, nan]])
    np.testing.assert_allclose(azimuth, [[0.0, 90.0, nan]], atol=1e-9)


def test_sen2cor_window_onto_another_grid_gives_the_values_of_the_whole_grid(sen2cor):
    grid = sen2cor.grid(20)  # B4 is at 60 m in this product: cubic up to 20 m
    inner = sen2cor.read_reflectance("B4", grid, Window(1500, 1200, 64, 48))
    outer = sen2cor.read_reflectance("B4", grid, Window(1480, 1170, 120, 100))
    np.testing.assert_array_equal(inner, outer[30:78, 20:84])
    assert not np.isnan(inner).all()


def test_coarse_grid_is_read_in_strips_with_the_same_values():
    from neve.plugin.io.raster import read_onto_grid

    with rasterio.open(SCL_20M) as scl, open_product(SAFE) as p:
        grid = p.grid(20).with_resolution(100).window_grid(Window(760, 30, 80, 60))
        whole = read_onto_grid(scl, grid, resampling="mode")
        strips = read_onto_grid(scl, grid, resampling="mode", max_source_pixels=60000)  # strips of 26 rows
        np.testing.assert_array_equal(strips, whole)
        assert len(np.unique(whole)) > 3
        red = p.read_reflectance("B4", grid, resampling="average")
        np.testing.assert_array_equal(read_onto_grid(p._dataset(p.file("B4")), grid, resampling="average",
                                                     nodata=np.nan, convert=lambda dn: red_of(dn),
                                                     max_source_pixels=500), red)


def red_of(dn):
    values = (dn.astype(np.float32) - np.float32(1000)) / np.float32(10000)
    values[dn == 0] = np.nan
    return values


def test_cloudmask_on_the_scl_of_the_zipped_product(neve_provider, sen2cor_zip, tmp_path):
    from qgis.core import QgsRasterLayer

    out = str(tmp_path / "cloud.tif")
    with open_product(sen2cor_zip) as product:
        source = product.file("SCL", 20)
        assert source.startswith("/vsizip/") and source.endswith("_SCL_20m.jp2")
        layer = QgsRasterLayer(source, "SCL", "gdal")  # QGIS 3.22 Processing takes no /vsizip/ path string
        assert layer.isValid()
        run("neve:cloudmask", {"INPUT": layer, "MASK_TYPE": 2, "OUTPUT": out})
        cloud = product.read_mask("cloud", product.grid(20))
    scl, mask = read_dn(SCL_20M), read_raster(out)
    np.testing.assert_array_equal(mask == 1, np.isin(scl, [3, 8, 9, 10]))
    np.testing.assert_array_equal(mask == 255, scl == 0)
    np.testing.assert_array_equal(cloud, np.isin(scl, [3, 8, 9, 10]))


# --- real Theia crops: no metadata, recognised by their naming --------------------------------------

def crop_expectations(folder):
    # SENTINEL2A_20170613-071216-460_L2A_T38KPD_D_V1-4: platform, date-time-milliseconds, tile, version
    date, time_, millis = re.search(r"_(\d{8})-(\d{6})-(\d{3})_", os.path.basename(folder)).groups()
    acquisition = datetime(int(date[:4]), int(date[4:6]), int(date[6:]), int(time_[:2]), int(time_[2:4]),
                           int(time_[4:]), int(millis) * 1000, tzinfo=timezone.utc)
    return acquisition, os.path.basename(os.path.dirname(folder))


@pytest.mark.parametrize("folder", CROPS, ids=os.path.basename)
def test_real_theia_crops_recognised_by_their_naming(folder):
    acquisition, tile = crop_expectations(folder)
    with open_product(folder) as p:
        assert (p.kind, p.name, p.tile, p.version, p.platform) == (
            "theia", os.path.basename(folder), tile, "1.4", "Sentinel-2A")
        assert p.acquisition == acquisition and p.production is None
        assert p.bands == dict({b: 10 for b in THEIA_10M}, **{b: 20 for b in THEIA_20M})
        assert p.masks == {"CLM": 10, "EDG": 10, "SAT": 10}
        assert (p.reflectance_scale, p.reflectance_nodata) == (10000, -10000)
        assert p.sun_angles is None and p.quality == {} and "MTD_ALL.xml" in p.warnings[0]
        for band in ("B2", "B11"):
            dn = read_dn(glob.glob(os.path.join(folder, "*_FRE_{}.tif".format(band)))[0])
            np.testing.assert_array_equal(p.read_reflectance(band), dn.astype(np.float32) / np.float32(10000))
        assert not p.read_mask("cloud").any() and not p.read_mask("nodata", p.grid(20)).any()


def test_theia_crop_zipped_reads_the_same_and_10m_band_at_20m_is_gdalwarp_cubic(tmp_path):
    from osgeo import gdal

    folder = CROPS[0]
    with open_product(folder) as p:
        grid20 = p.grid(20)
        red20 = p.read_reflectance("B4", grid20)
    with open_product(zip_folder(folder, tmp_path / "product.zip")) as z:
        assert z.name == os.path.basename(folder) and z.file("B4").startswith("/vsizip/")
        np.testing.assert_array_equal(z.read_reflectance("B4", z.grid(20)), red20)
    # gdalwarp -r cubic, as LIS brings 10 m bands to 20 m
    b4 = glob.glob(os.path.join(folder, "*_FRE_B4.tif"))[0]
    warped = gdal.Warp("", b4, format="MEM", xRes=20, yRes=20, outputBounds=grid20.bounds,
                       resampleAlg="cubic").ReadAsArray()
    assert red20.shape == warped.shape == (10, 18)
    np.testing.assert_allclose(red20, warped / 10000.0, rtol=0, atol=1e-6)


def test_window_reads_equal_the_whole_read_and_outside_is_nodata():
    with open_product(CROPS[0]) as p:
        grid20 = p.grid(20)
        whole = p.read_reflectance("B4", grid20)
        np.testing.assert_array_equal(p.read_reflectance("B4", grid20, Window(5, 3, 7, 4)), whole[3:7, 5:12])
        native = p.read_reflectance("B2")
        shifted = p.read_reflectance("B2", p.grid(10), Window(-2, -1, 6, 5))
        assert np.isnan(shifted[:1]).all() and np.isnan(shifted[:, :2]).all()
        np.testing.assert_array_equal(shifted[1:, 2:], native[:4, :4])
        assert (p.read_raw("EDG", p.grid(10), Window(-2, 0, 4, 1)) == [[1, 1, 0, 0]]).all()


def test_band_layers_read_like_the_product(tmp_path):
    folder = CROPS[1]
    files = {band: glob.glob(os.path.join(folder, "*_FRE_{}.tif".format(band)))[0] for band in ("B3", "B11")}
    clm = glob.glob(os.path.join(folder, "MASKS", "*_CLM_R1.tif"))[0]
    with open_product(folder) as p, open_bands({"B03": files["B3"], "b11": files["B11"]}, masks={"clm": clm},
                                               nodata=-10000) as layers:
        assert layers.kind == "bands" and layers.bands == {"B3": 10, "B11": 20} and layers.masks == {"CLM": 10}
        grid = p.grid(20)
        for band in ("B3", "B11"):
            np.testing.assert_array_equal(layers.read_reflectance(band, grid), p.read_reflectance(band, grid))
        np.testing.assert_array_equal(layers.read_mask("cloud", grid), p.read_mask("cloud", grid))
    # scale, offset and nodata of the layers are applied: (DN + offset) / scale
    dn = np.array([[0, 1000, 1500], [11000, 65535, 1]], np.uint16)
    path = tmp_path / "b4.tif"
    with rasterio.open(path, "w", driver="GTiff", width=3, height=2, count=1, dtype="uint16", nodata=0,
                       crs="EPSG:32631", transform=from_origin(600000, 5000000, 10, 10)) as dst:
        dst.write(dn, 1)
    with open_bands({"B4": path}, scale=10000, offset=-1000) as layers:
        np.testing.assert_array_equal(layers.read_reflectance("B4"),
                                      np.array([[np.nan, 0, 0.05], [1, 6.4535, -0.0999]], np.float32))
        with pytest.raises(ProductError, match="lacks B8"):
            layers.read_reflectance("B8")


@pytest.mark.parametrize("name, expected", [("B02", "B2"), ("b2", "B2"), ("8a", "B8A"), ("B08A", "B8A"),
                                            ("B11", "B11"), ("B8", "B8")])
def test_band_names_are_normalised(name, expected):
    assert band_name(name) == expected


def test_unknown_band_name_is_a_clear_error():
    with pytest.raises(ProductError, match="not a Sentinel-2 band"):
        band_name("B13")


# --- Theia metadata laid out as MAJA's template -----------------------------------------------------

THEIA_ID = "SENTINEL2A_20091211-165850-593_L2A_T15SVD_C_V1-0"
SUN_ROWS = ("<VALUES>40.1 40.2 40.3</VALUES><VALUES>41.1 NaN 41.3</VALUES>",
            "<VALUES>150 151 152</VALUES><VALUES>153 NaN 155</VALUES>")


def filled_template(viewing_grids="", sun_rows=SUN_ROWS, level="L2A"):
    """MAJA's MTD_ALL template with its placeholder values filled in, as a distributed product has
    them, and angle grids added."""
    with open(TEMPLATE, encoding="utf-8") as f:
        text = f.read()
    text = text.replace("NOT_INITIALIZED", "")
    text = text.replace("<PRODUCT_LEVEL>L2A</PRODUCT_LEVEL>", "<PRODUCT_LEVEL>{}</PRODUCT_LEVEL>".format(level))
    zenith, azimuth = sun_rows
    sun = text.index("<Sun_Angles_Grids>")
    text = text[:sun] + text[sun:].replace("<Values_List />", "<Values_List>{}</Values_List>".format(zenith), 1)
    text = text[:sun] + text[sun:].replace("<Values_List />", "<Values_List>{}</Values_List>".format(azimuth), 1)
    return text.replace("<Viewing_Incidence_Angles_Grids_List />",
                        "<Viewing_Incidence_Angles_Grids_List>{}</Viewing_Incidence_Angles_Grids_List>".format(
                            viewing_grids))


def write_theia_product(folder, metadata, product_id=THEIA_ID, bands=("B4", "B11")):
    """A tiny Theia product folder: MTD_ALL.xml text and FRE bands (DN 100 * row + column), CLM and EDG."""
    os.makedirs(os.path.join(folder, "MASKS"), exist_ok=True)
    with open(os.path.join(folder, product_id + "_MTD_ALL.xml"), "w", encoding="utf-8") as f:
        f.write(metadata)

    def tif(path, array, resolution):
        with rasterio.open(path, "w", driver="GTiff", width=array.shape[1], height=array.shape[0], count=1,
                           dtype=array.dtype, crs="EPSG:32631",
                           transform=from_origin(600000, 4900020, resolution, resolution)) as dst:
            dst.write(array, 1)

    for band in bands:
        resolution = 10 if band in THEIA_10M else 20
        dn = (100 * np.arange(4)[:, None] + np.arange(6)[None, :]).astype(np.int16)
        dn[0, 0] = -10000
        tif(os.path.join(folder, "{}_FRE_{}.tif".format(product_id, band)), dn, resolution)
    tif(os.path.join(folder, "MASKS", product_id + "_CLM_R2.tif"), np.array([[0, 1, 32, 128, 2, 0]] * 4, np.uint8), 20)
    tif(os.path.join(folder, "MASKS", product_id + "_EDG_R2.tif"), np.array([[1, 0, 0, 0, 0, 0]] * 4, np.uint8), 20)
    return str(folder)


def test_theia_metadata_in_the_template_layout_is_read(tmp_path):
    folder = write_theia_product(tmp_path / THEIA_ID, filled_template())
    with open_product(os.path.join(folder, THEIA_ID + "_MTD_ALL.xml")) as p:  # the metadata file itself
        # values read off the template by hand
        assert (p.kind, p.name, p.tile, p.version, p.platform) == ("theia", THEIA_ID, "T15SVD", "1.0", "Sentinel-2A")
        assert p.acquisition == datetime(2009, 12, 11, 16, 58, 50, 500000, tzinfo=timezone.utc)
        assert p.production == datetime(2013, 12, 5, 9, 6, 40, tzinfo=timezone.utc)
        assert (p.reflectance_scale, p.reflectance_nodata) == (1462, -10000)
        assert p.quality == {"CloudPercent": 0, "SnowPercent": 0, "RainDetected": False,
                             "HotSpotDetected": False, "SunGlintDetected": False}
        assert (p.sun_angles.zenith, p.sun_angles.azimuth) == (39.9718067456829, 154.744010242116)
        assert (p.viewing_angles["B2"].zenith, p.viewing_angles["B2"].azimuth) == (7.13251372090341, 104.89645517294)
        assert len(p.viewing_angles) == 13
        assert p.crs.to_epsg() == 32631
        assert (p.grid(10).width, p.grid(20).height, p.grid(60).width) == (10980, 5490, 1830)
        assert tuple(p.grid(20).transform)[:6] == (20, 0, 600000, 0, -20, 4900020)
        sun = p.sun_angle_grids
        np.testing.assert_array_equal(sun.zenith, [[40.1, 40.2, 40.3], [41.1, np.nan, 41.3]])
        np.testing.assert_array_equal(sun.azimuth, [[150, 151, 152], [153, np.nan, 155]])
        assert (sun.x0, sun.y0, sun.col_step, sun.row_step) == (600000, 4900020, 5000, 5000)
        assert p.bands == {"B4": 10, "B11": 20} and p.masks == {"CLM": 20, "EDG": 20}
        # the template lists all ten FRE bands; the product lacks eight of them
        assert sum("lists band" in w for w in p.warnings) == 8
        # scale and nodata from the metadata: DN / 1462, -10000 is nodata
        dn = (100 * np.arange(4)[:, None] + np.arange(6)[None, :]).astype(np.float32)
        expected = dn / np.float32(1462)
        expected[0, 0] = np.nan
        np.testing.assert_array_equal(p.read_reflectance("B11"), expected)
        clm_grid = p.grid(20).window_grid(Window(0, 0, 6, 4))
        assert p.read_mask("cloud", clm_grid)[0].tolist() == [False, True, True, True, True, False]
        assert p.read_mask("shadow", clm_grid)[0].tolist() == [False, False, True, False, False, False]
        assert p.read_mask("high_cloud", clm_grid)[0].tolist() == [False, False, False, True, False, False]
        assert p.read_mask("cloud", clm_grid, selection=[1])[0].tolist() == [False] * 4 + [True, False]
        assert p.read_mask("nodata", clm_grid)[0].tolist() == [True] + [False] * 5
        with pytest.raises(ProductError, match="water.*MG2"):
            p.read_mask("water", clm_grid)
        with pytest.raises(ProductError, match="lacks B3"):
            p.read_reflectance("B3")
        with pytest.raises(ProductError, match="lacks B3, B8"):
            p.require(["B3", "B4", "B8", "CLM"])


@pytest.mark.parametrize("fragment", FRAGMENTS, ids=lambda f: os.path.basename(os.path.dirname(f)))
def test_real_theia_viewing_grids_combine_the_detectors(tmp_path, fragment):
    """The real per-detector B2 grids of distributed products, placed in the template's grid list."""
    with open(fragment, encoding="utf-8") as f:
        text = f.read()
    grids = text[:text.index("</Band_Viewing_Incidence_Angles_Grids_List>")] + \
        "</Band_Viewing_Incidence_Angles_Grids_List>"
    # the same reference as for Sen2Cor, on the fragment's text laid out as Sen2Cor's
    as_sen2cor = re.sub(r'<Viewing_Incidence_Angles_Grids detector_id="(\d+)">',
                        r'<Viewing_Incidence_Angles_Grids bandId="1" detectorId="\1">', grids)
    zenith, azimuth, detectors = reference_viewing_grid(as_sen2cor, 1)
    assert detectors >= 2
    folder = write_theia_product(tmp_path / THEIA_ID, filled_template(viewing_grids=grids))
    with open_product(folder) as p:
        grid = p.viewing_angle_grids["B2"]
        assert set(p.viewing_angle_grids) == {"B2"}
        np.testing.assert_allclose(grid.zenith, zenith, rtol=0, atol=1e-9)
        np.testing.assert_allclose(grid.azimuth, azimuth, rtol=0, atol=1e-9)
        assert (grid.x0, grid.y0, grid.zenith.shape) == (600000, 4900020, (23, 23))


# --- generated products (tests/synthetic.py): every field round-trips -----------------------------

@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    from synthetic import Scene, make_sen2cor_product, make_theia_product

    scene = Scene.small()
    out = tmp_path_factory.mktemp("generated")
    return scene, {
        "theia": make_theia_product(out / "theia", scene),
        "theia-zip": make_theia_product(out / "theia-zip", scene, zip=True),
        "sen2cor-04.00": make_sen2cor_product(out / "sen2cor", scene, baseline="04.00"),
        "sen2cor-04.00-zip": make_sen2cor_product(out / "sen2cor-zip", scene, baseline="04.00", zip=True),
        "sen2cor-02.14": make_sen2cor_product(out / "sen2cor-old", scene, baseline="02.14"),
    }


GENERATED = ["theia", "theia-zip", "sen2cor-04.00", "sen2cor-04.00-zip", "sen2cor-02.14"]


@pytest.mark.parametrize("which", GENERATED)
def test_generated_product_metadata_round_trips(generated, which):
    scene, paths = generated
    theia = which.startswith("theia")
    stats = scene.statistics(20)
    with open_product(paths[which]) as p:
        assert p.kind == ("theia" if theia else "sen2cor") and p.warnings == []
        assert (p.platform, p.tile, p.level) == ("Sentinel-2A", "T" + scene.tile, "L2A")
        assert p.acquisition == scene.acquisition.replace(tzinfo=timezone.utc)
        assert p.production == scene.production.replace(tzinfo=timezone.utc)
        assert p.version == (scene.product_version.replace("-", ".") if theia else which.split("-")[1])
        assert p.reflectance_scale == 10000
        assert p.reflectance_nodata == (-10000 if theia else 0)
        offset = -1000 if which.startswith("sen2cor-04") else 0
        assert all(p.reflectance_offsets.get(band, 0) == offset for band in THEIA_10M + THEIA_20M)
        if theia:
            assert p.quality == {"CloudPercent": round(stats["cloud_percent"]),
                                 "SnowPercent": round(stats["snow_percent"]), "RainDetected": False,
                                 "SunGlintDetected": scene.sunglint_detected(),
                                 "HotSpotDetected": scene.hot_spot_detected(),
                                 "CirrusDetected": stats["cloud_high"] > 0}
            assert p.quality["SunGlintDetected"] and p.quality["CirrusDetected"]
        else:
            cloudy = sum(stats["scl_percent"][c] for c in (8, 9, 10))
            assert p.quality["CLOUDY_PIXEL_PERCENTAGE"] == pytest.approx(cloudy, abs=1e-5)
            assert p.quality["SNOW_ICE_PERCENTAGE"] == pytest.approx(stats["scl_percent"][11], abs=1e-5)
        assert p.crs.to_string() == scene.crs
        for resolution in (10, 20, 60):
            grid = p.grid(resolution)
            assert (grid.height, grid.width) == scene.shape(resolution)
            assert grid.transform.almost_equals(scene.transform(resolution))
        assert p.bands["B4"] == 10 and p.bands["B11"] == 20
        assert set(p.masks) >= ({"CLM", "MG2", "EDG", "SAT"} if theia else {"SCL", "CLDPRB", "SNWPRB"})
        # angles: the scene's own, as written with 6 significant digits
        assert (p.sun_angles.zenith, p.sun_angles.azimuth) == pytest.approx(scene.mean_sun_angles(), abs=1e-4)
        for band in SEN2COR_BANDS:
            assert (p.viewing_angles[band].zenith, p.viewing_angles[band].azimuth) == pytest.approx(
                scene.mean_view_angles(band), abs=1e-4)
        sun = p.sun_angle_grids
        assert (sun.x0, sun.y0, sun.col_step, sun.row_step) == (scene.ulx, scene.uly, 5000, 5000)
        rows, cols = np.indices(sun.zenith.shape) * 5000.0
        zenith, azimuth = scene.sun_angles(cols, rows)
        np.testing.assert_allclose(sun.zenith, zenith, atol=1e-3)
        np.testing.assert_allclose(sun.azimuth, azimuth, atol=1e-3)
        for band in ("B2", "B4", "B11", "B12"):
            view = p.viewing_angle_grids[band]
            zenith, azimuth = scene.view_angles(band, cols, rows)
            seen = ~np.isnan(view.zenith)
            assert seen.any() and np.array_equal(seen, ~np.isnan(view.azimuth))
            np.testing.assert_allclose(view.zenith[seen], np.broadcast_to(zenith, seen.shape)[seen], atol=1e-3)
            np.testing.assert_allclose(view.azimuth[seen], np.broadcast_to(azimuth, seen.shape)[seen], atol=1e-3)


@pytest.mark.parametrize("which", GENERATED)
def test_generated_product_reflectances_and_masks_round_trip(generated, which):
    scene, paths = generated
    truth = {resolution: scene.truth(resolution=resolution) for resolution in (10, 20)}
    with open_product(paths[which]) as p:
        for band in ("B2", "B3", "B4", "B8", "B5", "B8A", "B11", "B12"):
            resolution = p.bands[band]
            t = truth[resolution]
            values = p.read_reflectance(band, p.grid(resolution))
            valid = ~t.nodata & ~t.saturated(band)
            assert np.isnan(values[t.nodata]).all() and not np.isnan(values[valid]).any()
            # digital numbers hold the reflectance to 1/10000
            assert np.abs(values[valid] - t.reflectance(band)[valid]).max() <= 0.5e-4 + 1e-6, band
        grid20 = p.grid(20)
        t = truth[20]
        if which.startswith("theia"):
            for mask, expected in (("CLM", t.clm), ("MG2", t.mg2), ("EDG", t.edg), ("SAT", t.sat("R2"))):
                np.testing.assert_array_equal(p.read_raw(mask, grid20), expected, err_msg=mask)
            np.testing.assert_array_equal(p.read_raw("CLM", p.grid(10)), truth[10].clm)
            decoded = {"cloud": t.clm > 0, "shadow": (t.clm & 96) > 0, "high_cloud": (t.clm & 128) > 0,
                       "water": (t.mg2 & 1) > 0, "snow": (t.mg2 & 4) > 0, "nodata": t.edg > 0}
        else:
            np.testing.assert_array_equal(p.read_raw("SCL", grid20), t.scl)
            np.testing.assert_array_equal(p.read_raw("CLDPRB", grid20), t.cloud_probability)
            decoded = {"cloud": np.isin(t.scl, [3, 8, 9, 10]), "shadow": t.scl == 3, "high_cloud": t.scl == 10,
                       "water": t.scl == 6, "snow": t.scl == 11, "nodata": t.scl == 0}
        for kind, expected in decoded.items():
            assert expected.any(), kind
            np.testing.assert_array_equal(p.read_mask(kind, grid20), expected, err_msg=kind)
        np.testing.assert_array_equal(p.read_mask("nodata", grid20), t.nodata)


# --- memory: a window of a full-size product --------------------------------------------------------

def test_reading_a_window_of_a_full_size_product_costs_memory_of_the_window(tmp_path):
    """A full-size Theia product (10980 x 10980 at 10 m) written sparse: only the tiles around the window
    hold data. Reading a 512 x 512 window at 20 m (B4 cubic from 10 m, B11, CLM) must not allocate
    anything near a full band (10980 x 10980 float32 = 482 MB)."""
    product_id = "SENTINEL2B_20180220-105624-457_L2A_T31TCH_C_V1-4"
    folder = tmp_path / product_id
    os.makedirs(folder / "MASKS")
    window20 = Window(2048, 1024, 512, 512)
    for name, resolution, dtype in (("FRE_B4", 10, "int16"), ("FRE_B11", 20, "int16"), ("MASKS/CLM_R2", 20, "uint8")):
        size = 10980 * 10 // resolution
        scale = 20 // resolution
        folder_name, _slash, file_name = name.rpartition("/")
        path = folder / folder_name / "{}_{}.tif".format(product_id, file_name)
        with rasterio.open(path, "w", driver="GTiff", width=size, height=size, count=1, dtype=dtype,
                           crs="EPSG:32631", transform=from_origin(300000, 4900020, resolution, resolution),
                           tiled=True, blockxsize=512, blockysize=512, compress="deflate", sparse_ok=True) as dst:
            data = Window((window20.col_off - 16) * scale, (window20.row_off - 16) * scale,
                          (window20.width + 32) * scale, (window20.height + 32) * scale)
            values = (np.indices((int(data.height), int(data.width))).sum(axis=0) % 7 + 500).astype(dtype)
            dst.write(values, 1, window=data)
    with open_product(folder) as p:
        grid = p.grid(20)
        assert (grid.width, grid.height) == (5490, 5490) and p.grid(10).width == 10980
        tracemalloc.start()
        try:
            red = p.read_reflectance("B4", grid, window20)
            swir = p.read_reflectance("B11", grid, window20)
            cloud = p.read_mask("cloud", grid, window20)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    assert red.shape == swir.shape == cloud.shape == (512, 512)
    assert 0.049 < np.nanmin(red) and np.nanmax(swir) < 0.051 and cloud.all()
    assert peak < 32 * 2 ** 20, "peak {:.0f} MB for a 512 x 512 window".format(peak / 2 ** 20)


# --- bad inputs: a clear error, nothing written ----------------------------------------------------

def expect_error(path, match, folder):
    before = tree(folder)
    with pytest.raises(ProductError, match=match) as error:
        with open_product(path) as product:
            for band in product.bands:
                product.read_reflectance(band)
    assert tree(folder) == before
    return str(error.value)


def test_folder_that_is_no_product(tmp_path):
    (tmp_path / "notes.txt").write_text("hello")
    message = expect_error(tmp_path, "not a Sentinel-2 L2A product: no MTD_ALL.xml .Theia. or MTD_MSIL2A.xml",
                           tmp_path)
    assert "notes.txt" in message


def test_zip_with_no_product(tmp_path):
    with zipfile.ZipFile(tmp_path / "photos.zip", "w") as archive:
        archive.writestr("holiday/beach.jpg", b"not an image")
    assert "beach.jpg" in expect_error(tmp_path / "photos.zip", "This zip is not a Sentinel-2 L2A product",
                                       tmp_path)


@pytest.mark.parametrize("evil", ["../../evil.sh", "/tmp/evil.sh", "SAFE/../../evil.sh", "C:/evil.sh"])
def test_zip_with_path_traversal_names_is_refused(tmp_path, evil):
    inside = tmp_path / "inside"
    inside.mkdir()
    with zipfile.ZipFile(inside / "product.zip", "w") as archive:
        archive.write(os.path.join(SAFE, "MTD_MSIL2A.xml"), SAFE_NAME + "/MTD_MSIL2A.xml")
        archive.writestr(zipfile.ZipInfo(evil), b"rm -rf ~")
    before = tree(tmp_path)
    with pytest.raises(ProductError, match="points outside the zip") as error:
        open_product(inside / "product.zip")
    assert evil in str(error.value)
    assert tree(tmp_path) == before and not os.path.exists("/tmp/evil.sh")


def test_damaged_zip(tmp_path):
    with open(tmp_path / "cut.zip", "wb") as f:
        f.write(b"PK\x03\x04" + b"\0" * 100)
    expect_error(tmp_path / "cut.zip", "not a readable zip file", tmp_path)


def copy_safe(folder, files):
    """A Sen2Cor product folder with only ``files`` (relative paths) of the real one."""
    for relative in files:
        os.makedirs(os.path.dirname(os.path.join(folder, relative)), exist_ok=True)
        shutil.copy(os.path.join(SAFE, relative), os.path.join(folder, relative))
    return str(folder)


def test_truncated_jpeg2000_band_file_is_named(tmp_path):
    band = os.path.relpath(sen2cor_band_path("B4"), SAFE)
    folder = copy_safe(tmp_path / SAFE_NAME, ["MTD_MSIL2A.xml", os.path.relpath(MTD_TL, SAFE), band])
    with open(os.path.join(folder, band), "r+b") as f:
        f.truncate(os.path.getsize(os.path.join(SAFE, band)) // 2)
    message = expect_error(folder, "damaged or truncated", tmp_path)
    assert os.path.basename(band) in message
    # and inside a zip
    zipped = zip_folder(folder, tmp_path / "cut.zip")
    assert os.path.basename(band) in expect_error(zipped, "damaged or truncated", tmp_path)


def copy_crop(tmp_path):
    """A writable copy of the first real Theia crop."""
    folder = str(tmp_path / os.path.basename(CROPS[0]))
    shutil.copytree(CROPS[0], folder)
    for dirpath, _dirs, files in os.walk(folder):
        os.chmod(dirpath, 0o755)
        for name in files:
            os.chmod(os.path.join(dirpath, name), 0o644)
    return folder


def test_truncated_geotiff_band_file_is_named(tmp_path):
    folder = copy_crop(tmp_path)
    band = glob.glob(os.path.join(folder, "*_FRE_B4.tif"))[0]
    with open(band, "r+b") as f:
        f.truncate(2000)
    assert os.path.basename(band) in expect_error(folder, "damaged or truncated", tmp_path)


def test_missing_band_and_product_without_bands(tmp_path):
    folder = copy_crop(tmp_path)
    os.remove(glob.glob(os.path.join(folder, "*_FRE_B11.tif"))[0])
    with open_product(folder) as p:
        assert "B11" not in p.bands
        with pytest.raises(ProductError, match="lacks B11; it has B2, B3, B4"):
            p.read_reflectance("B11", p.grid(20))
    for band in glob.glob(os.path.join(folder, "*_FRE_*.tif")):
        os.remove(band)
    shutil.rmtree(os.path.join(folder, "MASKS"))
    with open(os.path.join(folder, os.path.basename(folder) + "_MTD_ALL.xml"), "w") as f:
        f.write(filled_template())
    expect_error(folder, "has no reflectance band file", tmp_path)


def test_malformed_metadata_real_fragment(tmp_path):
    # the real metadata fragments are not whole documents
    expect_error(os.path.dirname(FRAGMENTS[0]), "is not well-formed XML", tmp_path)


@pytest.mark.parametrize("hostile", [BILLION_LAUGHS, EXTERNAL_ENTITY], ids=["billion-laughs", "external-entity"])
def test_hostile_metadata_is_refused(tmp_path, hostile):
    folder = copy_safe(tmp_path / SAFE_NAME, [os.path.relpath(sen2cor_band_path("B4"), SAFE)])
    with open(os.path.join(folder, "MTD_MSIL2A.xml"), "w") as f:
        f.write(hostile)
    message = expect_error(folder, "declares a document type or entities", tmp_path)
    assert "MTD_MSIL2A.xml" in message and "refused" in message


def test_level_1c_products_are_refused(tmp_path):
    l1c = tmp_path / "S2A_MSIL1C_20221005T115411_N0400_R023_T29UNU_20221005T132442.SAFE"
    l1c.mkdir()
    (l1c / "MTD_MSIL1C.xml").write_text("<Level-1C_User_Product/>")
    expect_error(l1c, "is a Level-1C product", tmp_path)
    theia_l1c = "SENTINEL2A_20091211-165850-593_L1C_T15SVD_C_V1-0"
    folder = write_theia_product(tmp_path / theia_l1c, filled_template(level="L1C"), product_id=theia_l1c)
    expect_error(folder, "of level L1C", tmp_path)
    # a Sen2Cor metadata file of another product type
    other = copy_safe(tmp_path / "other" / SAFE_NAME, [os.path.relpath(sen2cor_band_path("B4"), SAFE)])
    with open(os.path.join(SAFE, "MTD_MSIL2A.xml"), encoding="utf-8") as f:
        text = f.read().replace("<PRODUCT_TYPE>S2MSI2A</PRODUCT_TYPE>", "<PRODUCT_TYPE>S2MSI1C</PRODUCT_TYPE>")
    with open(os.path.join(other, "MTD_MSIL2A.xml"), "w", encoding="utf-8") as f:
        f.write(text)
    expect_error(other, "of type S2MSI1C", tmp_path)


def test_folder_with_several_products_asks_to_choose(tmp_path):
    message = expect_error(os.path.dirname(CROPS[0]), "holds several products", tmp_path)
    assert os.path.basename(CROPS[0]) in message


def test_errors_are_translated_into_french(tmp_path):
    from neve.plugin.i18n import install_translator, remove_translator

    assert install_translator("fr") == "fr"
    try:
        with pytest.raises(ProductError, match="n'est pas un produit Sentinel-2 L2A"):
            open_product(tmp_path)
        with pytest.raises(ProductError, match="pointe hors du zip"):
            with zipfile.ZipFile(tmp_path / "evil.zip", "w") as archive:
                archive.writestr("../evil.sh", b"")
            open_product(tmp_path / "evil.zip")
    finally:
        remove_translator()
