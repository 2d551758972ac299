"""Names of results after their scene (pipeline/naming.py), without QGIS."""
import os

from neve.plugin.pipeline import naming


def test_scene_labels_of_the_products_as_they_are_named():
    assert naming.scene_label(["/data/SENTINEL2A_20210615-105631-024_L2A_T31TCH_C_V3-1.zip"]) == "T31TCH 2021-06-15"
    assert naming.scene_label(["/data/SENTINEL2B_20180220-105624-457_L2A_T31TCH_C_V1-4/"
                               "SENTINEL2B_20180220-105624-457_L2A_T31TCH_C_V1-4_MTD_ALL.xml"]) == "T31TCH 2018-02-20"
    assert naming.scene_label(["/d/S2B_MSIL2A_20220120T105309_N0400_R051_T31TCH_20220120T123456.SAFE/MTD_MSIL2A.xml"]) \
        == "T31TCH 2022-01-20"
    assert naming.scene_label(["/d/LC08_L2SP_198030_20210615_20210622_02_T1.tar"]) == "198030 2021-06-15"
    assert naming.scene_label(["/d/SENTINEL2A_20210615-105631-024_L2A_T31TCH_C_V3-1/"
                               "SENTINEL2A_20210615-105631-024_L2A_T31TCH_C_V3-1_FRE_B3.tif"]) == "T31TCH 2021-06-15"
    assert naming.scene_label([None, "/tmp/clouds.tif"]) == "clouds"
    assert naming.scene_label([]) == ""


def test_layer_and_file_names():
    assert naming.layer_name("Snow map", "T31TCH 2021-06-15") == "Snow map \u00b7 T31TCH 2021-06-15"
    assert naming.unique_name("a", {"a", "a (2)"}) == "a (3)"
    assert naming.file_stem("Carte de neige (méthode)", "T31TCH 2021-06-15") == "carte_de_neige_methode_T31TCH_2021-06-15"
    assert naming.renamed("/tmp/x/OUTPUT.tif", "Snow map", "T31TCH 2021-06-15") == \
        "/tmp/x/snow_map_T31TCH_2021-06-15.tif"


def test_products_of_a_folder(tmp_path):
    theia = tmp_path / "SENTINEL2A_20210615-105631-024_L2A_T31TCH_C_V3-1"
    theia.mkdir()
    (theia / "SENTINEL2A_20210615-105631-024_L2A_T31TCH_C_V3-1_MTD_ALL.xml").write_text("<x/>")
    safe = tmp_path / "sub" / "S2B_MSIL2A_20220120T105309_N0400_R051_T31TCH_20220120T123456.SAFE"
    safe.mkdir(parents=True)
    (safe / "MTD_MSIL2A.xml").write_text("<x/>")
    (tmp_path / "SENTINEL2B_20180220-105624-457_L2A_T31TCH_C_V1-4.zip").write_bytes(b"")
    (tmp_path / "notes.zip").write_bytes(b"")
    (tmp_path / "dem.tif").write_bytes(b"")
    assert naming.product_paths(str(tmp_path)) == sorted([
        str(theia), str(tmp_path / "SENTINEL2B_20180220-105624-457_L2A_T31TCH_C_V1-4.zip"), str(safe)],
        key=lambda p: os.path.relpath(p, str(tmp_path)).split(os.sep)[0])
