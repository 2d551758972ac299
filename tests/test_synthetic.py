"""The synthetic product generator (tests/synthetic.py) against the real formats and its own promises.

Formats are checked against the real material of ../shared/data (Theia product crops and metadata
fragments, MAJA's metadata template, a real Sen2Cor SAFE); values against the scene's truth; the truth
itself against numbers worked out here by hand or by scalar formulas written independently.
"""
import glob
import hashlib
import math
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile

import numpy as np
import pytest
import rasterio
from osgeo import gdal, osr
from rasterio.windows import Window

import synthetic as syn
from conftest import SHARED_DATA, shared_path

THEIA_ID = re.compile(r"^SENTINEL2[AB]_\d{8}-\d{6}-\d{3}_L2A_T\d{2}[A-Z]{3}_[CD]_V\d+-\d+$")
SAFE_NAME = re.compile(r"^S2[AB]_MSIL2A_\d{8}T\d{6}_N\d{4}_R\d{3}_T\d{2}[A-Z]{3}_\d{8}T\d{6}\.SAFE$")
GRANULE_NAME = re.compile(r"^L2A_T\d{2}[A-Z]{3}_A\d{6}_\d{8}T\d{6}$")
DATASTRIP_NAME = re.compile(r"^DS_[A-Z0-9]+_\d{8}T\d{6}_S\d{8}T\d{6}$")
BAND_FILE = re.compile(r"^T\d{2}[A-Z]{3}_\d{8}T\d{6}_(B0[1-9]|B1[0-2]|B8A|TCI|AOT|WVP|SCL)_(10|20|60)m\.jp2$")

REAL_SAFE = "real/sen2cor/S2A_MSIL2A_20221005T115411_N0400_R023_T29UNU_20221005T164454.SAFE"
TEMPORARY_NODE = "Image_MACC_template_temporary_node_Flat_Reflectance"


# ------------------------------------------------------------------------------------------------
# fixtures: one small scene written once per format
# ------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def scene():
    return syn.Scene.small()


@pytest.fixture(scope="module")
def out_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("synthetic")


@pytest.fixture(scope="module")
def theia(scene, out_dir):
    return syn.make_theia_product(out_dir, scene)


@pytest.fixture(scope="module")
def theia_zip(scene, out_dir):
    return syn.make_theia_product(out_dir, scene, zip=True)


@pytest.fixture(scope="module")
def safe(scene, out_dir):
    return syn.make_sen2cor_product(out_dir, scene, baseline="04.00")


@pytest.fixture(scope="module")
def safe_0214(scene, out_dir):
    return syn.make_sen2cor_product(out_dir, scene, baseline="02.14")


def shared_glob(*parts):
    """Files of ../shared/data matching a pattern; there must be some."""
    found = sorted(glob.glob(os.path.join(SHARED_DATA, *parts)))
    assert found, "missing shared test data: " + os.path.join(*parts)
    return found


def theia_file(folder, suffix):
    return os.path.join(folder, "{}_{}".format(os.path.basename(folder), suffix))


def theia_mask(folder, name):
    return os.path.join(folder, "MASKS", "{}_{}.tif".format(os.path.basename(folder), name))


def read(path, band=1):
    with rasterio.open(path) as src:
        return src.read(band)


def paths_and_attributes(element, prefix=""):
    """{element path: set of attribute names} of an XML tree, namespaces dropped."""
    path = prefix + "/" + element.tag.split("}")[-1]
    out = {path: {name.split("}")[-1] for name in element.attrib}}
    for child in element:
        for key, names in paths_and_attributes(child, path).items():
            out.setdefault(key, set()).update(names)
    return out


def muscate_reference_layout():
    """Element paths and attribute names of MAJA's template, as distributed: its temporary node is
    named Image, the grids' VALUES rows and the viewing-grid layout come from the real fragments."""
    template = ET.parse(shared_path("format", "MAJA_SENTINEL2_MUSCATE_MTD_ALL_template.xml")).getroot()
    layout = {}
    for path, names in paths_and_attributes(template).items():
        layout.setdefault(path.replace(TEMPORARY_NODE, "Image"), set()).update(names)
    grids = "/Muscate_Metadata_Document/Geometric_Informations/Angles_Grids_List"
    for angle in ("Zenith", "Azimuth"):
        layout[grids + "/Sun_Angles_Grids/{}/Values_List/VALUES".format(angle)] = set()
    fragments = shared_glob("real", "theia-muscate", "metadata-fragments", "*", "*", "*_MTD_ALL.xml")
    for fragment in fragments:
        with open(fragment, encoding="utf-8") as f:
            text = f.read()
        # a fragment is a list of elements without a root: wrap it to parse it
        wrapped = ET.fromstring("<Viewing_Incidence_Angles_Grids_List>{}</Viewing_Incidence_Angles_Grids_List>".format(
            re.sub(r"<\?xml[^>]*\?>", "", text)))
        for child in wrapped:
            if child.tag == "Band_Viewing_Incidence_Angles_Grids_List":
                for path, names in paths_and_attributes(child, grids + "/Viewing_Incidence_Angles_Grids_List").items():
                    layout.setdefault(path, set()).update(names)
    return layout


def bilinear(grid, x, y, step=5000.0):
    """Bilinear interpolation of a grid whose node (0, 0) is at x = y = 0 (metres)."""
    j, i = x / step, y / step
    j0, i0 = int(math.floor(j)), int(math.floor(i))
    fj, fi = j - j0, i - i0
    return ((1 - fi) * ((1 - fj) * grid[i0][j0] + fj * grid[i0][j0 + 1])
            + fi * ((1 - fj) * grid[i0 + 1][j0] + fj * grid[i0 + 1][j0 + 1]))


def grid_values(element):
    return [[float(v) for v in row.text.split()] for row in element.iter("VALUES")]


# ------------------------------------------------------------------------------------------------
# Theia / MUSCATE
# ------------------------------------------------------------------------------------------------

def test_theia_names_and_files_follow_the_real_products(theia):
    product_id = os.path.basename(theia)
    assert THEIA_ID.match(product_id)
    real = shared_glob("real", "theia-muscate", "product-crops", "*", "SENTINEL2*")
    real += shared_glob("real", "theia-muscate", "metadata-fragments", "*", "SENTINEL2*")
    assert all(THEIA_ID.match(os.path.basename(p)) for p in real)
    # every file of a real crop exists here under our identifier (iota2's own stacks excepted)
    for folder in real[:2]:
        real_id = os.path.basename(folder)
        for path in glob.glob(os.path.join(folder, "**", "*.tif"), recursive=True):
            relative = os.path.relpath(path, folder)
            if "STACK" in relative or "BINARY_MASK" in relative:
                continue
            assert os.path.exists(os.path.join(theia, relative.replace(real_id, product_id))), relative
    expected = ["{}_MTD_ALL.xml".format(product_id), "{}_QKL_ALL.jpg".format(product_id)]
    expected += ["{}_{}_{}.tif".format(product_id, kind, band) for kind in ("FRE", "SRE")
                 for band in ("B2", "B3", "B4", "B5", "B6", "B7", "B8", "B8A", "B11", "B12")]
    expected += ["{}_ATB_R1.tif".format(product_id), "{}_ATB_R2.tif".format(product_id)]
    expected += ["MASKS/{}_{}_{}.tif".format(product_id, mask, group)
                 for mask in ("CLM", "MG2", "EDG", "SAT", "IAB", "DFP") for group in ("R1", "R2")]
    expected += ["DATA/{}_JPI_ALL.xml".format(product_id)]
    found = sorted(os.path.relpath(p, theia) for p in glob.glob(os.path.join(theia, "**", "*.*"), recursive=True))
    assert found == sorted(expected)


def test_theia_rasters_are_read_by_gdal_with_the_real_layout(scene, theia):
    real_b2 = shared_glob("real", "theia-muscate", "product-crops", "T38KPD", "*", "*_FRE_B2.tif")[0]
    real_b5 = real_b2.replace("_FRE_B2.tif", "_FRE_B5.tif")
    real = [gdal.Open(real_b2), gdal.Open(real_b5)]
    # the real R1 and R2 files share their origin and are north-up, 10 m and 20 m
    assert real[0].GetGeoTransform()[0::3] == real[1].GetGeoTransform()[0::3]
    assert (real[0].GetGeoTransform()[1], real[1].GetGeoTransform()[1]) == (10.0, 20.0)
    real_srs = osr.SpatialReference(wkt=real[0].GetProjection())
    for path in glob.glob(os.path.join(theia, "**", "*.tif"), recursive=True):
        ds = gdal.Open(path)
        assert ds is not None, path
        group = "R1" if re.search(r"_(B2|B3|B4|B8|R1)\.tif$", path) else "R2"
        resolution = 10.0 if group == "R1" else 20.0
        n = 480 if group == "R1" else 240
        assert (ds.RasterXSize, ds.RasterYSize) == (n, n), path
        assert ds.GetGeoTransform() == (300000.0, resolution, 0.0, 4800000.0, 0.0, -resolution), path
        srs = osr.SpatialReference(wkt=ds.GetProjection())
        assert srs.IsProjected() and srs.GetUTMZone() == 31 and srs.IsSameGeogCS(real_srs)
        band = ds.GetRasterBand(1)
        name = os.path.basename(path)
        if "_FRE_" in name or "_SRE_" in name:
            assert gdal.GetDataTypeName(band.DataType) == "Int16"
            assert band.GetNoDataValue() == -10000
        else:
            assert gdal.GetDataTypeName(band.DataType) == "Byte"
        assert ds.GetMetadataItem("COMPRESSION", "IMAGE_STRUCTURE") == "DEFLATE"
        assert band.GetBlockSize()[0] < n or n <= 256  # tiled
        ds = None
    assert not glob.glob(os.path.join(theia, "**", "*.aux.xml"), recursive=True)


def test_theia_values_decode_to_the_scene_truth(scene, theia):
    for group, resolution in (("R1", 10), ("R2", 20)):
        truth = scene.truth(resolution=resolution)
        nodata = truth.nodata
        assert nodata.any() and not nodata.all()
        for band in syn.THEIA_GROUPS[group]:
            for kind, expected in (("FRE", truth.reflectance(band)), ("SRE", truth.sre(band))):
                dn = read(theia_file(theia, "{}_{}.tif".format(kind, band))).astype(float)
                assert np.all(dn[nodata] == -10000)
                np.testing.assert_allclose(dn[~nodata] / 10000.0, expected[~nodata], atol=0.5e-4 + 1e-7)
        assert np.array_equal(read(theia_mask(theia, "EDG_" + group)), nodata.astype(np.uint8))
        assert np.array_equal(read(theia_mask(theia, "CLM_" + group)), truth.clm)
        assert np.array_equal(read(theia_mask(theia, "MG2_" + group)), truth.mg2)
        assert np.array_equal(read(theia_mask(theia, "SAT_" + group)), truth.sat(group))
        for mask in ("CLM", "MG2", "SAT"):
            assert not read(theia_mask(theia, "{}_{}".format(mask, group)))[nodata].any()
        with rasterio.open(theia_file(theia, "ATB_{}.tif".format(group))) as src:
            wv, aot = src.read()
        np.testing.assert_allclose(wv[~nodata] / 20.0, truth.water_vapour[~nodata], atol=0.5 / 20 + 1e-6)
        np.testing.assert_allclose(aot[~nodata] / 200.0, truth.aot[~nodata], atol=0.5 / 200 + 1e-6)
        assert not wv[nodata].any() and not aot[nodata].any()


def test_theia_zip_holds_the_product_folder_and_reads_through_vsizip(theia, theia_zip):
    product_id = os.path.basename(theia)
    assert os.path.basename(theia_zip) == product_id + ".zip"
    with zipfile.ZipFile(theia_zip) as z:
        names = z.namelist()
    assert all(name.startswith(product_id + "/") for name in names)
    for path in glob.glob(os.path.join(theia, "**", "*.tif"), recursive=True):
        relative = os.path.relpath(path, os.path.dirname(theia))
        assert relative in names
        ds = gdal.Open("/vsizip/{}/{}".format(theia_zip, relative))
        assert ds is not None, relative
        assert np.array_equal(ds.GetRasterBand(1).ReadAsArray(), read(path))
    mtd = "/vsizip/{}/{}/{}_MTD_ALL.xml".format(theia_zip, product_id, product_id)
    handle = gdal.VSIFOpenL(mtd, "rb")
    assert handle is not None
    gdal.VSIFCloseL(handle)
    assert not glob.glob(os.path.join(os.path.dirname(theia_zip), ".staging-*"))


def test_mtd_all_follows_the_template_layout_and_names_existing_files(scene, theia):
    root = ET.parse(theia_file(theia, "MTD_ALL.xml")).getroot()
    generated = paths_and_attributes(root)
    reference = muscate_reference_layout()
    outside = sorted(set(generated) - set(reference))
    assert not outside
    for path, names in generated.items():
        assert names <= reference[path], (path, names - reference[path])
    doc = "/Muscate_Metadata_Document"
    required = ["/Product_Characteristics/ACQUISITION_DATE", "/Product_Characteristics/PRODUCTION_DATE",
                "/Product_Characteristics/PRODUCT_VERSION", "/Product_Characteristics/PLATFORM",
                "/Dataset_Identification/GEOGRAPHICAL_ZONE",
                "/Radiometric_Informations/REFLECTANCE_QUANTIFICATION_VALUE",
                "/Radiometric_Informations/Special_Values_List/SPECIAL_VALUE",
                "/Geometric_Informations/Mean_Value_List/Sun_Angles/ZENITH_ANGLE",
                "/Geometric_Informations/Mean_Value_List/Sun_Angles/AZIMUTH_ANGLE",
                "/Geometric_Informations/Mean_Value_List/Mean_Viewing_Incidence_Angle_List/"
                "Mean_Viewing_Incidence_Angle/ZENITH_ANGLE",
                "/Geometric_Informations/Angles_Grids_List/Sun_Angles_Grids/Zenith/Values_List/VALUES",
                "/Geometric_Informations/Angles_Grids_List/Sun_Angles_Grids/Azimuth/COL_STEP",
                "/Geometric_Informations/Angles_Grids_List/Viewing_Incidence_Angles_Grids_List/"
                "Band_Viewing_Incidence_Angles_Grids_List/Viewing_Incidence_Angles_Grids/Zenith/Values_List/VALUES",
                "/Quality_Informations/Current_Product/Product_Quality_List/Product_Quality/Global_Index_List/"
                "QUALITY_INDEX",
                "/Product_Organisation/Muscate_Product/Mask_List/Mask/Mask_File_List/MASK_FILE"]
    for path in required:
        assert doc + path in generated, path
    # no placeholder left, real values
    text = ET.tostring(root, encoding="unicode")
    assert "NOT_INITIALIZED" not in text
    assert root.findtext("Product_Characteristics/ACQUISITION_DATE") == "2021-06-15T10:56:31.024Z"
    assert root.findtext("Product_Characteristics/PRODUCTION_DATE") == "2021-06-16T03:12:45.000Z"
    assert root.findtext("Product_Characteristics/PRODUCT_VERSION") == "3.1"
    assert root.findtext("Product_Characteristics/PLATFORM") == "SENTINEL2A"
    zone = root.find("Dataset_Identification/GEOGRAPHICAL_ZONE")
    assert (zone.get("type"), zone.text) == ("Tile", "T31TCH")
    assert root.findtext("Radiometric_Informations/REFLECTANCE_QUANTIFICATION_VALUE") == "10000"
    assert root.find(".//SPECIAL_VALUE[@name='nodata']").text == "-10000"
    # every file named in the metadata exists
    named = [e.text for e in root.iter() if e.tag in ("IMAGE_FILE", "MASK_FILE", "DATA_FILE", "QUICKLOOK")]
    assert len(named) > 40
    for name in named:
        assert os.path.exists(os.path.join(theia, name)), name
    # the mask list names the merged files with 1-based bit numbers (template numbering): check the
    # MG2 bits against the truth they are said to hold
    truth = scene.truth(resolution=20)
    layers = {"Water": truth.water & ~truth.nodata, "Cloud": truth.cloud, "Snow": truth.snow & ~truth.cloud
              & ~truth.nodata, "Cloud_Shadow": truth.shadow | truth.shadow_outside}
    for mask in root.iter("Mask"):
        nature = mask.findtext("Mask_Properties/NATURE")
        if nature not in layers:
            continue
        entry = mask.find("Mask_File_List/MASK_FILE[@group_id='R2']")
        assert "_MG2_R2.tif" in entry.text
        values = read(os.path.join(theia, entry.text))
        bit = int(entry.get("bit_number")) - 1
        assert np.array_equal((values >> bit) & 1 == 1, layers[nature]), nature
    for entry in root.iter("MASK_FILE"):
        if "_SAT_" in entry.text:
            group = "R1" if entry.text.endswith("_R1.tif") else "R2"
            assert syn.THEIA_GROUPS[group][int(entry.get("bit_number")) - 1] == entry.get("band_id")


def test_mtd_all_angles_interpolate_to_the_truth(scene, theia):
    root = ET.parse(theia_file(theia, "MTD_ALL.xml")).getroot()
    sun = root.find("Geometric_Informations/Angles_Grids_List/Sun_Angles_Grids")
    zenith, azimuth = grid_values(sun.find("Zenith")), grid_values(sun.find("Azimuth"))
    assert len(zenith) == len(zenith[0]) == 2  # 4.8 km: two nodes, the first on the corner
    assert sun.findtext("Zenith/COL_STEP") == "5000" and sun.findtext("Zenith/ROW_STEP") == "5000"
    truth = scene.truth(resolution=10)
    for row, col in ((0, 0), (123, 401), (479, 17), (250, 250)):
        x, y = (col + 0.5) * 10, (row + 0.5) * 10
        assert abs(bilinear(zenith, x, y) - truth.sun_zenith[row, col]) < 1e-3
        assert abs(bilinear(azimuth, x, y) - truth.sun_azimuth[row, col]) < 1e-3
    bands = root.findall(".//Band_Viewing_Incidence_Angles_Grids_List")
    assert [b.get("band_id") for b in bands] == list(syn.BANDS)
    for band_grids in bands:
        band = band_grids.get("band_id")
        detectors = band_grids.findall("Viewing_Incidence_Angles_Grids")
        assert [d.get("detector_id") for d in detectors] == ["12"]
        grid = grid_values(detectors[0].find("Zenith"))
        for row, col in ((5, 5), (400, 300)):
            x, y = (col + 0.5) * 10, (row + 0.5) * 10
            assert abs(bilinear(grid, x, y) - truth.view_zenith(band)[row, col]) < 1e-3
    mean = root.find(".//Mean_Viewing_Incidence_Angle[@band_id='B2']")
    assert abs(float(mean.findtext("ZENITH_ANGLE")) - 8.0) < 1e-9
    assert abs(float(mean.findtext("AZIMUTH_ANGLE")) - 282.0) < 1e-9


def glint_angle_by_vectors(sun_zenith, sun_azimuth, view_zenith, view_azimuth):
    """Angle between the view direction and the mirror reflection of the sun (unit vectors, east-north-up)."""
    def unit(zenith, azimuth):
        z, a = math.radians(zenith), math.radians(azimuth)
        return (math.sin(z) * math.sin(a), math.sin(z) * math.cos(a), math.cos(z))
    sun = unit(sun_zenith, sun_azimuth)
    mirror = (-sun[0], -sun[1], sun[2])
    view = unit(view_zenith, view_azimuth)
    return math.degrees(math.acos(sum(a * b for a, b in zip(mirror, view))))


def test_quality_indices_are_consistent_with_the_scene(scene, theia, out_dir):
    root = ET.parse(theia_file(theia, "MTD_ALL.xml")).getroot()
    index = {q.get("name"): q.text for q in root.iter("QUALITY_INDEX")}
    assert set(index) == {"CloudPercent", "SnowPercent", "SunGlintDetected", "CirrusDetected", "RainDetected",
                          "HotSpotDetected"}
    edg = read(theia_mask(theia, "EDG_R2"))
    mg2 = read(theia_mask(theia, "MG2_R2"))
    valid = edg == 0
    assert int(index["CloudPercent"]) == round(100.0 * np.count_nonzero(mg2[valid] & 2) / valid.sum())
    assert int(index["SnowPercent"]) == round(100.0 * np.count_nonzero(mg2[valid] & 4) / valid.sum())
    assert 0 < int(index["CloudPercent"]) < 100 and 0 < int(index["SnowPercent"]) < 100
    clm = read(theia_mask(theia, "CLM_R2"))
    assert index["CirrusDetected"] == ("true" if (clm & 128).any() else "false") == "true"
    assert index["RainDetected"] == "false"
    # glint: MAJA's rule on the metadata's own mean angles, computed here with vectors
    sun = root.find("Geometric_Informations/Mean_Value_List/Sun_Angles")
    sz, saz = float(sun.findtext("ZENITH_ANGLE")), float(sun.findtext("AZIMUTH_ANGLE"))
    angles = [glint_angle_by_vectors(sz, saz, float(v.findtext("ZENITH_ANGLE")), float(v.findtext("AZIMUTH_ANGLE")))
              for v in root.iter("Mean_Viewing_Incidence_Angle")]
    assert max(angles) < 30
    assert index["SunGlintDetected"] == "true"
    # |25 - 8| = 17 deg would be exact for opposite azimuths; 130 vs 282 deg are 152 deg apart
    assert 17 < glint_angle_by_vectors(25, 130, 8, 282) < 19
    no_glint = syn.Scene.small(glint=False)
    folder = syn.make_theia_product(out_dir / "no_glint", no_glint, atb=False)
    root = ET.parse(theia_file(folder, "MTD_ALL.xml")).getroot()
    assert root.find(".//QUALITY_INDEX[@name='SunGlintDetected']").text == "false"
    assert min(glint_angle_by_vectors(25, 130, 8 + off[0], 102 + off[1])
               for off in syn.VIEW_ANGLE_OFFSETS.values()) > 30
    assert not glob.glob(os.path.join(folder, "*_ATB_*"))
    assert "ATB" not in ET.tostring(root, encoding="unicode")


def test_full_tile_angle_grids_have_23_nodes_and_detector_footprints():
    tile = syn.Scene.full_tile()
    zenith, azimuth = syn.sun_angle_grids(tile)
    assert zenith.shape == azimuth.shape == (23, 23)
    # first node on the corner, 5 km steps: the affine sun field at (0, 0) and (110 km, 110 km)
    cx = cy = 54900.0
    expected = tile.sun_zenith + tile.sun_zenith_gradient[0] * (0 - cx) / 1000 + \
        tile.sun_zenith_gradient[1] * (0 - cy) / 1000
    assert abs(zenith[0, 0] - expected) < 1e-9
    grids = syn.view_angle_grids(tile, "B8A")
    # detectors seeing valid pixels, by hand: 24 km strips across the track counted from the swath edge
    # (detector 12 there), the edge crossing the top row at x = 104 km, the track 12 deg from north
    tan, cos = math.tan(math.radians(12)), math.cos(math.radians(12))
    seen = set()
    for x in np.arange(50, 109800, 500.0):
        for y in (50.0, 54900.0, 109750.0):
            if x <= 104000 - y * tan:
                seen.add(12 - int(((104000 - (x + y * tan)) * cos) // 24000))
    assert sorted(grids) == sorted(seen) == [8, 9, 10, 11, 12]
    covered = np.zeros((23, 23), bool)
    for detector, (z, a) in grids.items():
        assert z.shape == (23, 23) and np.isnan(z).any() and np.isfinite(z).any()
        assert np.array_equal(np.isnan(z), np.isnan(a))
        covered |= np.isfinite(z)
    # every node whose 5 km cell holds a valid pixel has a value
    for i in range(22):
        for j in range(22):
            x, y = (j + 0.5) * 5000, (i + 0.5) * 5000
            if tile.valid(x, y):
                assert covered[i:i + 2, j:j + 2].all(), (i, j)


def test_scene_size_is_checked():
    with pytest.raises(ValueError):
        syn.Scene(size=481)
    with pytest.raises(ValueError):
        syn.Scene.small(size=500).shape(60)


# ------------------------------------------------------------------------------------------------
# Sen2Cor
# ------------------------------------------------------------------------------------------------

def normalise(relative):
    parts = []
    for part in relative.split("/"):
        if GRANULE_NAME.match(part):
            part = "<granule>"
        elif DATASTRIP_NAME.match(part):
            part = "<datastrip>"
        elif part.endswith(".jp2"):
            part = re.sub(r"^T\d{2}[A-Z]{3}_\d{8}T\d{6}_", "<prefix>_", part)
        parts.append(part)
    return "/".join(parts)


def tree(root):
    dirs, files = set(), set()
    for current, subdirs, names in os.walk(root):
        for d in subdirs:
            dirs.add(normalise(os.path.relpath(os.path.join(current, d), root)))
        for n in names:
            files.add(normalise(os.path.relpath(os.path.join(current, n), root)))
    return dirs, files


def test_sen2cor_safe_is_laid_out_like_the_real_one(safe):
    real = shared_path(REAL_SAFE)
    assert SAFE_NAME.match(os.path.basename(real)) and SAFE_NAME.match(os.path.basename(safe))
    assert "_N0400_" in os.path.basename(safe)
    real_dirs, real_files = tree(real)
    dirs, files = tree(safe)
    # HTML/ and rep_info/ (presentation and schemas) are not generated
    assert dirs == {d for d in real_dirs if not d.startswith(("HTML", "rep_info"))}
    real_images = {f for f in real_files if f.endswith(".jp2")}
    assert real_images <= files, sorted(real_images - files)
    for name in ("MTD_MSIL2A.xml", "manifest.safe", "INSPIRE.xml", "GRANULE/<granule>/MTD_TL.xml"):
        assert name in files
    for path in glob.glob(os.path.join(safe, "GRANULE", "*", "IMG_DATA", "R*m", "*.jp2")):
        assert BAND_FILE.match(os.path.basename(path)), path
        assert os.path.basename(path).endswith(os.path.basename(os.path.dirname(path))[1:] + ".jp2")


def test_sen2cor_metadata_layout_matches_the_real_product(safe, safe_0214):
    real = shared_path(REAL_SAFE)
    for relative in ("MTD_MSIL2A.xml", "GRANULE/*/MTD_TL.xml"):
        reference = paths_and_attributes(ET.parse(glob.glob(os.path.join(real, relative))[0]).getroot())
        for product, baseline in ((safe, "04.00"), (safe_0214, "02.14")):
            generated = paths_and_attributes(ET.parse(glob.glob(os.path.join(product, relative))[0]).getroot())
            expected = set(reference)
            if baseline == "02.14":
                expected = {p for p in expected if "BOA_ADD_OFFSET" not in p}
            assert set(generated) == expected, (relative, baseline, set(generated) ^ expected)
            for path, names in generated.items():
                assert names <= reference[path], (path, names - reference[path])
    # the granule lists the same band files as the real product, no extension, all present
    real_list = [normalise(e.text + ".jp2") for e in ET.parse(os.path.join(real, "MTD_MSIL2A.xml")).iter("IMAGE_FILE")]
    ours = [e.text for e in ET.parse(os.path.join(safe, "MTD_MSIL2A.xml")).iter("IMAGE_FILE")]
    assert [normalise(name + ".jp2") for name in ours] == real_list
    for name in ours:
        assert os.path.exists(os.path.join(safe, name + ".jp2")), name
    # every QI mask named by the tile metadata exists, as do the manifest's files with their checksums
    tile = ET.parse(glob.glob(os.path.join(safe, "GRANULE", "*", "MTD_TL.xml"))[0]).getroot()
    for entry in tile.iter("MASK_FILENAME"):
        assert os.path.exists(os.path.join(safe, entry.text)), entry.text
    manifest = ET.parse(os.path.join(safe, "manifest.safe")).getroot()
    locations = list(manifest.iter("fileLocation"))
    assert len(locations) > 60
    for location in locations[:5]:
        path = os.path.join(safe, location.get("href"))
        with open(path, "rb") as f:
            digest = hashlib.sha3_256(f.read()).hexdigest().upper()
        stream = [s for s in manifest.iter("byteStream") if s.find("fileLocation") is location][0]
        assert stream.findtext("checksum") == digest and int(stream.get("size")) == os.path.getsize(path)


def boa_offset_and_quantification(product):
    root = ET.parse(os.path.join(product, "MTD_MSIL2A.xml")).getroot()
    offsets = {e.get("band_id"): int(e.text) for e in root.iter("BOA_ADD_OFFSET")}
    return offsets, int(root.findtext(".//BOA_QUANTIFICATION_VALUE"))


def band_path(product, code, resolution):
    return glob.glob(os.path.join(product, "GRANULE", "*", "IMG_DATA", "R{}m".format(resolution),
                                  "*_{}_{}m.jp2".format(code, resolution)))[0]


def test_sen2cor_values_decode_to_the_truth_with_the_metadata_offset(scene, safe, safe_0214):
    offsets, quantification = boa_offset_and_quantification(safe)
    assert quantification == 10000 and set(offsets.values()) == {-1000} and len(offsets) == 13
    offsets_0214, quantification_0214 = boa_offset_and_quantification(safe_0214)
    assert offsets_0214 == {} and quantification_0214 == 10000
    for resolution, code, band in ((10, "B03", "B3"), (20, "B11", "B11"), (60, "B09", "B9"), (20, "B02", "B2")):
        truth = scene.truth(resolution=resolution)
        valid = ~truth.nodata & ~truth.saturated(band)
        dn = read(band_path(safe, code, resolution)).astype(float)
        dn_0214 = read(band_path(safe_0214, code, resolution)).astype(float)
        reflectance = (dn + offsets[str(syn.SEN2COR_BAND_ID[band])]) / quantification
        np.testing.assert_allclose(reflectance[valid], truth.reflectance(band)[valid], atol=0.5e-4 + 1e-7)
        np.testing.assert_allclose(dn_0214[valid] / 10000, truth.reflectance(band)[valid], atol=0.5e-4 + 1e-7)
        assert np.all(dn[valid] - dn_0214[valid] == 1000)
        assert np.all(dn[truth.nodata] == 0) and np.all(dn_0214[truth.nodata] == 0)
        assert np.all(dn[truth.saturated(band)] == 65535)
    for resolution in (20, 60):
        truth = scene.truth(resolution=resolution)
        scl = read(band_path(safe, "SCL", resolution))
        assert np.array_equal(scl, truth.scl)
        assert set(np.unique(scl)) <= set(range(12))
        assert np.all((scl == 0) == truth.nodata)
    # the saturated patch (B2, B3) is class 1, the glinted and calm lakes are water (class 6)
    truth = scene.truth(resolution=20)
    scl = truth.scl
    assert (scl[truth.any_saturated] == 1).all() and truth.any_saturated.any()
    assert (scl[truth.water & ~truth.cloud & ~truth.shadow & ~truth.nodata] == 6).all()


def test_sen2cor_jp2_files_are_lossless_georeferenced_and_read_through_vsizip(scene, safe, out_dir):
    for path in glob.glob(os.path.join(safe, "GRANULE", "*", "*", "*", "*.jp2")) + \
            glob.glob(os.path.join(safe, "GRANULE", "*", "QI_DATA", "*.jp2")):
        ds = gdal.Open(path)
        assert ds is not None and ds.GetDriver().ShortName == "JP2OpenJPEG", path
        assert ds.GetMetadataItem("COMPRESSION_REVERSIBILITY", "IMAGE_STRUCTURE") == "LOSSLESS", path
        gt = ds.GetGeoTransform()
        assert (gt[0], gt[3]) == (300000.0, 4800000.0)
        assert gt[1] * ds.RasterXSize == pytest.approx(4800.0, abs=320)
        code = os.path.basename(path).split("_")[-2]
        if code.startswith("B") and "MSK" not in path:
            assert gdal.GetDataTypeName(ds.GetRasterBand(1).DataType) == "UInt16"
        ds = None
    zipped = syn.make_sen2cor_product(out_dir, scene, baseline="04.00", zip=True)
    name = os.path.basename(safe)
    with zipfile.ZipFile(zipped) as z:
        assert all(n.startswith(name + "/") for n in z.namelist())
    relative = os.path.relpath(band_path(safe, "SCL", 20), os.path.dirname(safe))
    ds = gdal.Open("/vsizip/{}/{}".format(zipped, relative))
    assert np.array_equal(ds.GetRasterBand(1).ReadAsArray(), read(band_path(safe, "SCL", 20)))


# ------------------------------------------------------------------------------------------------
# the truth itself, against numbers worked out independently
# ------------------------------------------------------------------------------------------------

def elevation_by_hand(scene, x, y):
    z = scene.base_elevation
    for m in scene.mountains:
        z += m.height * math.exp(-((x - m.x) ** 2 + (y - m.y) ** 2) / (2 * m.radius ** 2))
    return z


def test_dem_snow_and_reflectances_follow_the_scene_description(scene):
    truth = scene.truth(resolution=10)
    # the summit pixel of the big mountain: (2300, 2200) m is the corner of four pixels; take (229, 219)
    row, col = 219, 229
    x, y = (col + 0.5) * 10, (row + 0.5) * 10
    assert truth.dem[row, col] == pytest.approx(elevation_by_hand(scene, x, y), abs=1e-3)
    assert 2790 < truth.dem[row, col] < 2810
    for row, col in ((10, 10), (300, 40), (470, 200), (219, 229), (150, 330)):
        x, y = (col + 0.5) * 10, (row + 0.5) * 10
        if not any((x - l.x) ** 2 + (y - l.y) ** 2 <= l.radius ** 2 for l in scene.lakes):
            assert truth.dem[row, col] == pytest.approx(elevation_by_hand(scene, x, y), abs=1e-3)
    # snow is exactly the ground above the snowline (no transition), lakes excepted
    above = truth.dem > 1800
    assert np.array_equal(truth.snow, above & ~truth.water)
    clear = ~truth.cloud & ~truth.shadow_ground & ~truth.nodata & ~truth.any_saturated
    green, red, swir = truth.reflectance("B3"), truth.reflectance("B4"), truth.reflectance("B11")
    ndsi = (green - swir) / (green + swir)
    assert (ndsi[clear & truth.snow] > 0.8).all() and (red[clear & truth.snow] > 0.8).all()
    assert (ndsi[clear & ~truth.snow & ~truth.water] < 0).all()
    # by the tables: clear vegetation, rock, snow and water pixels
    for layer, name in ((~truth.snow & ~truth.rock & ~truth.water, "vegetation"),
                        (truth.rock & ~truth.snow, "rock"), (truth.snow, "snow"),
                        (truth.water & ~truth.glint, "water")):
        for band in ("B3", "B4", "B11", "B12"):
            values = truth.reflectance(band)[clear & layer]
            assert values.size and np.all(values == np.float32(syn.SURFACE_REFLECTANCE[name][band]))
    # the glinted lake's SWIR sits between MAJA's two thresholds for clouds over water (0.04, 0.16)
    b12 = truth.reflectance("B12")[clear & truth.glint]
    assert b12.size and np.all((b12 > 0.04) & (b12 < 0.16))
    calm = truth.reflectance("B12")[clear & truth.water & ~truth.glint]
    assert calm.size and np.all(calm < 0.04)


def test_clouds_shadows_and_parallax_are_where_the_geometry_puts_them(scene):
    truth = scene.truth(resolution=10)
    cloud = scene.clouds[0]                  # thick, 2000 m, ground position (1500, 1700), radius 380
    assert (cloud.kind, cloud.height) == ("thick", 2000.0)
    sz, saz = scene.sun_angles(cloud.x, cloud.y)
    # shadow centre by hand: 2000 m x tan(zenith) away from the sun, y counted southwards
    d = 2000 * math.tan(math.radians(sz))
    sx, sy = cloud.x - d * math.sin(math.radians(saz)), cloud.y + d * math.cos(math.radians(saz))
    assert 900 < d < 940 and sx < cloud.x and sy < cloud.y  # sun in the south-east: shadow north-west
    assert truth.shadow[int(sy // 10), int(sx // 10)]
    assert truth.clm[int(sy // 10), int(sx // 10)] == 1 + 32
    assert not truth.shadow[int(cloud.y // 10), int((cloud.x + 450) // 10)]
    # the cloud as seen in B2: 2000 m x tan(8 deg + gradient) away from the satellite (west): eastwards
    vz = 8.0 + 0.08 * ((cloud.x - 2400) + (cloud.y - 2400) * math.tan(math.radians(12))) * \
        math.cos(math.radians(12)) / 1000
    assert scene.view_angles("B2", cloud.x, cloud.y)[0] == pytest.approx(vz, abs=1e-9)
    p = 2000 * math.tan(math.radians(vz))
    cx, cy = cloud.x - p * math.sin(math.radians(282)), cloud.y + p * math.cos(math.radians(282))
    assert cx > cloud.x + 250
    assert truth.cloud_in("B2")["thick"][int(cy // 10), int(cx // 10)]
    edge_x = cx + cloud.radius + 15  # just beyond the cloud as seen in B2, inside the parallax of B1
    assert not truth.cloud_in("B2")["thick"][int(cy // 10), int(edge_x // 10)]
    assert truth.clm[int(cy // 10), int(cx // 10)] == 1 + 2 + 4
    assert truth.scl[int(cy // 10), int(cx // 10)] == 9
    # every cloud layer at the centre of the cloud as seen: thin 16 / class 8, cirrus 1+2+128 / class 10
    for index, clm, scl in ((2, 16, 8), (3, 131, 10)):
        c = scene.clouds[index]
        dx, dy = scene.parallax(c, "B2")
        row, col = int((c.y + dy) // 10), int((c.x + dx) // 10)
        assert truth.clm[row, col] == clm and truth.scl[row, col] == scl
        assert truth.cloud_height[row, col] == c.height
    # the last cloud lies south of the image: its shadow enters it and is flagged bit 6
    outside = scene.clouds[4]
    assert outside.y - outside.radius > 4800 and not scene.cloud_in_image(outside)
    assert truth.shadow_outside.any() and not (truth.shadow & truth.shadow_outside).any()
    assert np.all(truth.clm[truth.shadow_outside] == 1 + 64)
    # shadows darken the ground by the shadow factor
    shaded = truth.shadow & ~truth.snow & ~truth.rock & ~truth.water & ~truth.nodata
    assert shaded.any()
    assert np.allclose(truth.reflectance("B8")[shaded], 0.33 * 0.3)


def test_nodata_border_follows_the_swath_edge(scene):
    truth = scene.truth(resolution=20)
    tan = math.tan(math.radians(12))
    for row in (0, 100, 239):
        for col in range(240):
            x, y = (col + 0.5) * 20, (row + 0.5) * 20
            assert truth.nodata[row, col] == (x > 4550 - y * tan), (row, col)
    assert np.isnan(truth.reflectance("B11")[truth.nodata]).all()
    assert not np.isnan(truth.reflectance("B11")[~truth.nodata]).any()
    assert (truth.scl[truth.nodata] == 0).all() and (truth.edg == truth.nodata).all()


def test_truth_of_a_window_equals_the_same_part_of_the_whole(scene):
    whole = scene.truth(resolution=10)
    window = Window(col_off=37, row_off=151, width=200, height=93)
    part = scene.truth(window, resolution=10)
    rows, cols = slice(151, 244), slice(37, 237)
    for name in ("dem", "clm", "mg2", "scl", "snow", "cloud", "shadow", "nodata", "cloud_height"):
        assert np.array_equal(getattr(part, name), getattr(whole, name)[rows, cols]), name
    for band in ("B4", "B11"):
        assert np.array_equal(part.reflectance(band), whole.reflectance(band)[rows, cols], equal_nan=True)
        assert np.array_equal(part.sre(band), whole.sre(band)[rows, cols], equal_nan=True)


def test_patches_put_exact_reflectances_in_the_files(out_dir):
    # NDSI exactly 0.4 and red exactly 0.2 (LIS pass-1 thresholds), on flat ground far from the mountains
    patch = syn.Patch(100, 100, 200, 100, reflectance={"B3": 0.35, "B4": 0.2, "B11": 0.15, "B12": -0.0123})
    scene = syn.Scene(size=60, mountains=(), lakes=(), clouds=(), patches=(patch,))
    folder = syn.make_theia_product(out_dir / "patch", scene)
    for band, dn in (("B3", 3500), ("B4", 2000), ("B11", 1500), ("B12", -123)):
        values = read(theia_file(folder, "FRE_{}.tif".format(band)))
        resolution = 10 if band in ("B3", "B4") else 20
        inside = values[100 // resolution:200 // resolution, 100 // resolution:300 // resolution]
        assert np.all(inside == dn), band
        assert values[0, 0] == round(syn.SURFACE_REFLECTANCE["vegetation"][band] * 10000)
        outside = np.ones(values.shape, bool)
        outside[100 // resolution:200 // resolution, 100 // resolution:300 // resolution] = False
        assert not np.any(values[outside] == dn)


def test_make_dem_writes_exact_elevations_in_any_crs(scene, out_dir):
    same = syn.make_dem(out_dir / "dem.tif", scene)
    with rasterio.open(same) as src:
        assert (src.width, src.height, src.crs.to_epsg()) == (240, 240, 32631)
        assert src.transform == scene.transform(20)
        dem = src.read(1)
    assert np.array_equal(dem, scene.truth(resolution=20).dem)
    lonlat = syn.make_dem(out_dir / "dem_4326.tif", scene, crs="EPSG:4326")
    ds = gdal.Open(lonlat)
    gt = ds.GetGeoTransform()
    assert gt[1] == pytest.approx(1 / 3600) and osr.SpatialReference(wkt=ds.GetProjection()).IsGeographic()
    values = ds.GetRasterBand(1).ReadAsArray()
    wgs84, utm = osr.SpatialReference(), osr.SpatialReference()
    wgs84.ImportFromEPSG(4326)
    utm.ImportFromEPSG(32631)
    wgs84.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    utm.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    to_utm = osr.CoordinateTransformation(wgs84, utm)
    rows, cols = values.shape
    for row, col in ((0, 0), (rows // 2, cols // 3), (rows - 1, cols - 1), (rows // 3, cols // 2)):
        lon, lat = gt[0] + (col + 0.5) * gt[1], gt[3] + (row + 0.5) * gt[5]
        east, north, _ = to_utm.TransformPoint(lon, lat)
        expected = elevation_by_hand(scene, east - 300000, 4800000 - north)
        inside_lake = any((east - 300000 - l.x) ** 2 + (4800000 - north - l.y) ** 2 <= l.radius ** 2
                          for l in scene.lakes)
        if not inside_lake:
            assert values[row, col] == pytest.approx(expected, abs=1e-2)
    # the lon/lat DEM covers the scene
    lons, lats = syn._lonlat(scene, [0, 4800], [0, 4800])
    assert gt[0] <= min(lons) and gt[0] + cols * gt[1] >= max(lons)


def test_command_line_writes_a_zip(tmp_path):
    script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "synthetic.py")
    done = subprocess.run([sys.executable, script, "theia", str(tmp_path), "--size", "120", "--zip", "--dem"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    zipped, dem = done.stdout.split()
    assert zipped.endswith(".zip") and os.path.exists(zipped) and os.path.exists(dem)
    with zipfile.ZipFile(zipped) as z:
        assert any(n.endswith("_FRE_B11.tif") for n in z.namelist())
    assert sorted(os.listdir(tmp_path)) == sorted([os.path.basename(zipped), os.path.basename(dem)])
