"""neve:cloudmask on small hand-made masks, on the real Sen2Cor SCL, and its errors."""
import numpy as np
import pytest
from qgis.core import QgsProcessingException

from conftest import shared_path
from helpers import leftovers, read_raster, run, write_raster

CLM = np.array([[0, 1, 2, 4],
                [8, 16, 32, 64],
                [128, 255, 0, 3]], dtype=np.uint8)


def cloudmask(tmp_path, array, nodata=None, **parameters):
    source = write_raster(tmp_path / "in.tif", array, nodata=nodata)
    out = str(tmp_path / "out" / "mask.tif")
    result = run("neve:cloudmask", dict({"INPUT": source, "OUTPUT": out}, **parameters))
    assert result["OUTPUT"] == out
    return read_raster(out)


def test_clm_default_is_lis_choice_any_bit(neve_provider, tmp_path):
    expected = (CLM > 0).astype(np.uint8)
    assert np.array_equal(cloudmask(tmp_path, CLM), expected)


def test_clm_chosen_bits(neve_provider, tmp_path):
    # bits 1 (value 2) and 5 (value 32): 2, 32, 255 (all bits), 3 (bits 0 and 1)
    expected = np.array([[0, 0, 1, 0], [0, 0, 1, 0], [0, 1, 0, 1]], dtype=np.uint8)
    assert np.array_equal(cloudmask(tmp_path, CLM, CLM_BITS=[1, 5]), expected)


def test_mg2_bits_default_all_clouds(neve_provider, tmp_path):
    # MG2 bit 1 = value 2: set in 2, 255, 3
    expected = np.array([[0, 0, 1, 0], [0, 0, 0, 0], [0, 1, 0, 1]], dtype=np.uint8)
    assert np.array_equal(cloudmask(tmp_path, CLM, MASK_TYPE=1), expected)


def test_scl_default_classes_and_nodata(neve_provider, tmp_path):
    scl = np.arange(12, dtype=np.uint8).reshape(3, 4)
    expected = np.array([[255, 0, 0, 1], [0, 0, 0, 0], [1, 1, 1, 0]], dtype=np.uint8)
    assert np.array_equal(cloudmask(tmp_path, scl, MASK_TYPE=2), expected)


def test_values_with_ranges_and_input_nodata(neve_provider, tmp_path):
    values = np.array([[0, 1, 2, 3], [4, 5, 6, 7], [9, 9, 9, 9]], dtype=np.int16)
    expected = np.array([[0, 1, 0, 1], [1, 1, 0, 0], [255, 255, 255, 255]], dtype=np.uint8)
    out = cloudmask(tmp_path, values, nodata=9, MASK_TYPE=3, VALUES="1, 3-5")
    assert np.array_equal(out, expected)


def test_values_empty_means_non_zero(neve_provider, tmp_path):
    values = np.array([[0, 1], [7, 0]], dtype=np.uint16)
    assert np.array_equal(cloudmask(tmp_path, values, MASK_TYPE=3), (values != 0).astype(np.uint8))


def test_real_sen2cor_scl_gives_exactly_classes_3_8_9_10(neve_provider, tmp_path):
    import glob
    import os
    scl_path, = glob.glob(os.path.join(shared_path("real", "sen2cor"), "*.SAFE", "GRANULE", "*",
                                       "IMG_DATA", "R20m", "*_SCL_20m.jp2"))
    out = str(tmp_path / "scl_cloud.tif")
    run("neve:cloudmask", {"INPUT": scl_path, "MASK_TYPE": 2, "OUTPUT": out})
    scl = read_raster(scl_path)
    mask = read_raster(out)
    assert scl.shape == (5490, 5490)
    assert np.array_equal(mask == 1, np.isin(scl, [3, 8, 9, 10]))
    assert np.array_equal(mask == 255, scl == 0)


@pytest.mark.parametrize("array, parameters, message", [
    (np.full((4, 4), 0.3, np.float32), {}, "float32"),
    (np.full((4, 4), 1200, np.int16), {}, "8-bit"),
    (np.full((4, 4), 13, np.uint8), {"MASK_TYPE": 2}, "0 to 11"),
    (CLM, {"CLM_BITS": []}, "No bit or class"),
    (CLM, {"MASK_TYPE": 3, "VALUES": "1, two"}, "whole numbers"),
])
def test_bad_input_gets_clear_error_and_leaves_no_output(neve_provider, tmp_path, array, parameters,
                                                         message):
    source = write_raster(tmp_path / "in.tif", array)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    with pytest.raises(QgsProcessingException, match=message):
        run("neve:cloudmask", dict({"INPUT": source, "OUTPUT": str(out_dir / "mask.tif")}, **parameters))
    assert leftovers(out_dir) == []


def test_output_is_tiled_compressed_geotiff_on_the_input_grid(neve_provider, tmp_path):
    import rasterio
    cloudmask(tmp_path, CLM)
    with rasterio.open(tmp_path / "in.tif") as src, rasterio.open(tmp_path / "out" / "mask.tif") as out:
        assert out.crs == src.crs and out.transform == src.transform
        assert out.profile["tiled"] and out.profile["compress"] == "deflate"
        assert out.dtypes[0] == "uint8" and out.nodata == 255


def real_sen2cor():
    import glob
    import os
    safe, = glob.glob(os.path.join(shared_path("real", "sen2cor"), "*.SAFE"))
    return safe


def test_real_sen2cor_product_folder_and_zip_give_exactly_classes_3_8_9_10(neve_provider, tmp_path):
    import glob
    import os
    import shutil
    safe = real_sen2cor()
    scl = read_raster(glob.glob(os.path.join(safe, "GRANULE", "*", "IMG_DATA", "R20m", "*_SCL_20m.jp2"))[0])
    zipped = shutil.make_archive(str(tmp_path / os.path.basename(safe)[:-5]), "zip", os.path.dirname(safe),
                                 os.path.basename(safe))
    for source in (safe, zipped, os.path.join(safe, "MTD_MSIL2A.xml")):
        out = str(tmp_path / "clouds.tif")
        run("neve:cloudmask", {"INPUT_PRODUCT": source, "OUTPUT": out})
        mask = read_raster(out)
        assert np.array_equal(mask == 1, np.isin(scl, [3, 8, 9, 10])), source
        assert np.array_equal(mask == 255, scl == 0), source


def test_no_input_at_all_is_a_clear_error(neve_provider, tmp_path):
    with pytest.raises(QgsProcessingException, match="No input"):
        run("neve:cloudmask", {"OUTPUT": str(tmp_path / "mask.tif")})
    assert leftovers(tmp_path) == []


def test_a_folder_that_is_no_product_is_a_clear_error(neve_provider, tmp_path):
    folder = tmp_path / "holiday_photos"
    folder.mkdir()
    (folder / "beach.jpg").write_bytes(b"not an image")
    with pytest.raises(QgsProcessingException, match="not a Sentinel-2 L2A product"):
        run("neve:cloudmask", {"INPUT_PRODUCT": str(folder), "OUTPUT": str(tmp_path / "mask.tif")})
    assert not (tmp_path / "mask.tif").exists()


def test_bad_input_message_is_french_when_qgis_is_french(neve_provider, tmp_path):
    from test_i18n import switch_language

    source = write_raster(tmp_path / "reflectance.tif", np.full((3, 3), 0.2, np.float32))
    try:
        assert switch_language(neve_provider, "fr_FR") == "fr"
        with pytest.raises(QgsProcessingException, match="un masque contient des nombres entiers"):
            run("neve:cloudmask", {"INPUT": source, "OUTPUT": str(tmp_path / "mask.tif")})
        with pytest.raises(QgsProcessingException, match="Aucun bit ni aucune classe"):
            run("neve:cloudmask", {"INPUT": write_raster(tmp_path / "clm.tif", CLM), "CLM_BITS": [],
                                   "OUTPUT": str(tmp_path / "mask.tif")})
    finally:
        switch_language(neve_provider, "en_GB")
    assert not (tmp_path / "mask.tif").exists()
