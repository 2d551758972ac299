"""neve:waterclouds on generated scenes whose glint geometry is known: SWIR reflectances just below, at and
just above each threshold, on lakes inside and outside the glint cone, and a lake the 30 degree contour
crosses; every sunglint mode; water from the product, a layer or layers only; and its errors.

Expected values come from the scene's own geometry (``Truth.glint_angle``, computed by the generator
from its angle model, not from the product's 5 km grids) and from the digital numbers written, compared
in integers.
"""
import re

import numpy as np
import pytest
from qgis.core import QgsProcessingException

from helpers import leftovers, read_raster, run, write_raster
from synthetic import Lake, Patch, Scene, make_sen2cor_product, make_theia_product
from test_dilatemask import CancelAfterFirstBlock
from test_loadproduct import Log as RecordingQgsFeedback

NODATA = 255
# B12 values of the patches: just below, at and just above 0.04 and 0.16 (digital numbers 399 ... 1601).
PATCH_VALUES = (0.0399, 0.04, 0.0401, 0.1599, 0.16, 0.1601)


def glint_scene():
    """2.04 km, no swath edge, no cloud; the sun zenith grows eastwards by 6 degrees a km so that the glint
    angle of B12 goes from about 22 degrees (west) to 34 (east), 30 near x = 1200 m. Lake A (west) lies
    inside the glint cone, lake B (east) outside, each with six patches of exact B12; lake C straddles the
    30 degree contour with a uniform B12 of 0.10, between the two thresholds."""
    patches = []
    for cx in (500.0, 1700.0):
        for k, value in enumerate(PATCH_VALUES):
            patches.append(Patch(cx - 120 + 80 * (k % 3), 620 + 80 * (k // 3), 80, 80, reflectance={"B12": value}))
    patches.append(Patch(900, 1260, 600, 600, reflectance={"B12": 0.10}))
    return Scene(size=204, sun_zenith=35.0, sun_azimuth=130.0, sun_zenith_gradient=(6.0, 0.0),
                 view_zenith=8.0, view_azimuth=282.0, swath_edge_x=None,
                 lakes=(Lake(500, 700, 300), Lake(1700, 700, 300), Lake(1200, 1560, 300)),
                 patches=tuple(patches))


@pytest.fixture(scope="module")
def scene():
    return glint_scene()


@pytest.fixture(scope="module")
def theia(scene, tmp_path_factory):
    return make_theia_product(tmp_path_factory.mktemp("water_theia"), scene)


def expected(scene, sunglint, resolution=20, band="B12"):
    """1 where water and DN > 400 (no sunglint) or > 1600 (sunglint); ``sunglint`` "pixel" (the scene's
    glint angle of the band below 30 degrees), True or False."""
    truth = scene.truth(resolution=resolution)
    dn = np.round(truth.reflectance(band).astype(np.float64) * 10000)
    glint = truth.glint_angle(band) < 30.0 if sunglint == "pixel" else np.full(truth.shape, sunglint)
    limit = np.where(glint, 1600, 400)
    return ((truth.water & (dn > limit)).astype(np.uint8)), truth


def near_contour(truth, band="B12", margin=0.01):
    return np.abs(truth.glint_angle(band) - 30.0) < margin


def water_clouds(path, tmp_path, name="wc", **parameters):
    out = str(tmp_path / (name + ".tif"))
    result = run("neve:waterclouds", dict({"INPUT_PRODUCT": path, "OUTPUT": out}, **parameters))
    return read_raster(out), result


def test_scene_is_what_the_test_needs(scene):
    truth = scene.truth(resolution=20)
    glint = truth.glint_angle("B12")
    lake_a, lake_b = truth.water & (truth.x < 1000), truth.water & (truth.x > 1300) & (truth.y < 1100)
    assert glint[lake_a].max() < 29 and glint[lake_b].min() > 30.05
    lake_c = truth.water & (truth.y > 1200)
    assert glint[lake_c].min() < 29.5 < 30.5 < glint[lake_c].max()
    assert scene.sunglint_detected()  # MAJA's scene flag, from the mean angles


def test_per_pixel_sunglint_thresholds_inside_and_outside_the_cone(neve_provider, scene, theia, tmp_path):
    got, result = water_clouds(theia, tmp_path)
    want, truth = expected(scene, "pixel")
    keep = ~near_contour(truth)
    assert np.array_equal(got[keep], want[keep])
    # Lake A (cone): of the six patches only 0.1601 is cloud; lake B (outside): 0.0401 and above.
    dn = np.round(truth.reflectance("B12").astype(np.float64) * 10000)
    inside = truth.x < 1000
    assert set(np.unique(dn[(got == 1) & inside])) == {1601}
    assert set(np.unique(dn[(got == 1) & ~inside & (truth.y < 1100)])) == {401, 1599, 1600, 1601}
    # Lake C: cloud exactly where the glint angle is 30 degrees or more
    lake_c = truth.water & (dn == 1000)
    assert np.array_equal(got[lake_c & keep] == 1, truth.glint_angle("B12")[lake_c & keep] >= 30)
    assert 0 < (got[lake_c] == 1).sum() < lake_c.sum()
    water = truth.water.sum()
    assert result["WATER_CLOUD_PERCENT"] == pytest.approx(100.0 * got.sum() / water)


@pytest.mark.parametrize("mode, sunglint", [(1, True), (2, True), (3, False)])
def test_scene_flag_always_and_never(neve_provider, scene, theia, tmp_path, mode, sunglint):
    got, _ = water_clouds(theia, tmp_path, SUNGLINT=mode)
    want, _ = expected(scene, sunglint)
    assert np.array_equal(got, want)


def test_the_product_scene_flag_is_read_from_its_metadata(neve_provider, scene, tmp_path):
    # The same product with SunGlintDetected written false: the scene flag now means no sunglint.
    import glob
    path = make_theia_product(tmp_path, scene)
    metadata, = glob.glob(str(tmp_path / "*" / "*_MTD_ALL.xml"))
    text = open(metadata).read()
    text, count = re.subn(r'(name="SunGlintDetected">)true', r"\1false", text)
    assert count == 1
    open(metadata, "w").write(text)
    got, _ = water_clouds(path, tmp_path, SUNGLINT=1)
    assert np.array_equal(got, expected(scene, False)[0])


def test_thresholds_are_parameters(neve_provider, scene, theia, tmp_path):
    got, _ = water_clouds(theia, tmp_path, SUNGLINT=3, THRESHOLD=0.1599)
    truth = scene.truth(resolution=20)
    dn = np.round(truth.reflectance("B12").astype(np.float64) * 10000)
    assert np.array_equal(got, (truth.water & (dn > 1599)).astype(np.uint8))


def test_glint_angle_output_follows_the_scene_geometry(neve_provider, scene, theia, tmp_path):
    glint_path = str(tmp_path / "glint.tif")
    water_clouds(theia, tmp_path, OUTPUT_GLINT=glint_path)
    truth = scene.truth(resolution=20)
    np.testing.assert_allclose(read_raster(glint_path), truth.glint_angle("B12"), atol=0.01)


def test_ten_metres_and_b11(neve_provider, scene, theia, tmp_path):
    got, _ = water_clouds(theia, tmp_path, RESOLUTION=10, SUNGLINT=3)
    # B12 is a 20 m band: on the 10 m grid it is resampled (cubic convolution), which keeps a uniform
    # value where its 5 x 5 source pixels are all equal; compare there (values at a threshold excluded:
    # the resampling may round them either way).
    truth = scene.truth(resolution=20)
    dn = np.round(truth.reflectance("B12").astype(np.float64) * 10000)
    uniform = np.ones(dn.shape, bool)
    for dr in range(-2, 3):
        for dc in range(-2, 3):
            uniform &= np.roll(np.roll(dn, dr, 0), dc, 1) == dn
    uniform[:2] = uniform[-2:] = False
    uniform[:, :2] = uniform[:, -2:] = False
    uniform &= (dn != 400) & (dn != 1600)
    fine = np.kron(uniform, np.ones((2, 2), bool))
    want = scene.truth(resolution=10).water & (np.kron(dn, np.ones((2, 2))) > 400)
    assert (fine & want).sum() > 200 and (fine & ~want).sum() > 1000
    assert np.array_equal(got[fine], want[fine].astype(np.uint8))
    got11, _ = water_clouds(theia, tmp_path, SWIR_BAND=1, SUNGLINT=3, name="b11")
    assert np.array_equal(got11, expected(scene, False, band="B11")[0])


def test_sen2cor_product_water_from_scl(neve_provider, scene, tmp_path):
    path = make_sen2cor_product(tmp_path, scene)
    got, _ = water_clouds(path, tmp_path)
    want, truth = expected(scene, "pixel")
    keep = ~near_contour(truth)
    assert np.array_equal(got[keep], want[keep])


def product_file(folder, pattern):
    import glob
    found, = glob.glob(str(folder) + "/" + pattern)
    return found


def test_water_layer_and_layers_only(neve_provider, scene, theia, tmp_path):
    truth = scene.truth(resolution=20)
    # A user's water mask with only lake B: the product's SWIR, the layer's water
    water = ((truth.water & (truth.x > 1300) & (truth.y < 1100))).astype(np.uint8)
    layer = write_raster(tmp_path / "water.tif", water, pixel_size=(20.0, 20.0), origin=(scene.ulx, scene.uly),
                         crs=scene.crs)
    got, _ = water_clouds(theia, tmp_path, WATER=layer, SUNGLINT=3)
    want, _ = expected(scene, False)
    assert np.array_equal(got, want * water)
    # Layers only: the B12 file and the MG2 file as layers
    b12 = product_file(theia, "*_FRE_B12.tif")
    mg2 = product_file(theia, "MASKS/*_MG2_R2.tif")
    out = str(tmp_path / "layers.tif")
    run("neve:waterclouds", {"SWIR": b12, "WATER": mg2, "WATER_KIND": 1, "SUNGLINT": 3, "OUTPUT": out})
    assert np.array_equal(read_raster(out), want)


def test_mismatched_grids_refused_unless_resampled(neve_provider, scene, theia, tmp_path):
    b12 = product_file(theia, "*_FRE_B12.tif")
    mg2_10m = product_file(theia, "MASKS/*_MG2_R1.tif")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    parameters = {"SWIR": b12, "WATER": mg2_10m, "WATER_KIND": 1, "SUNGLINT": 3, "OUTPUT": str(out_dir / "w.tif")}
    with pytest.raises(QgsProcessingException, match="not on the grid of"):
        run("neve:waterclouds", parameters)
    assert leftovers(out_dir) == []
    run("neve:waterclouds", dict(parameters, RESAMPLE=True))
    assert read_raster(str(out_dir / "w.tif")).shape == (102, 102)


def test_per_pixel_sunglint_needs_angle_grids(neve_provider, scene, tmp_path):
    import glob
    path = make_theia_product(tmp_path, scene)
    metadata, = glob.glob(str(tmp_path / "*" / "*_MTD_ALL.xml"))
    text = open(metadata).read()
    text, count = re.subn(r"<Angles_Grids_List>.*?</Angles_Grids_List>", "", text, flags=re.S)
    assert count == 1
    open(metadata, "w").write(text)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    with pytest.raises(QgsProcessingException, match="angle grids"):
        run("neve:waterclouds", {"INPUT_PRODUCT": path, "SUNGLINT": 0, "OUTPUT": str(out_dir / "w.tif")})
    assert leftovers(out_dir) == []
    # the other modes still work on it
    run("neve:waterclouds", {"INPUT_PRODUCT": path, "SUNGLINT": 1, "OUTPUT": str(out_dir / "w.tif")})
    scene_flag = read_raster(str(out_dir / "w.tif"))
    # and the default, "automatic", takes the scene flag here (issue 11)
    feedback = RecordingQgsFeedback()
    run("neve:waterclouds", {"INPUT_PRODUCT": path, "OUTPUT": str(out_dir / "auto.tif")}, feedback=feedback)
    assert np.array_equal(read_raster(str(out_dir / "auto.tif")), scene_flag)
    assert any("Sunglint for the whole scene" in text for text in feedback.infos)


@pytest.mark.parametrize("parameters, message", [
    ({"SUNGLINT": 0}, "angle grids"),
    ({"SUNGLINT": 1}, "sunglint flag"),
    ({"SUNGLINT": 3, "WATER": None}, "No water"),
    ({"SUNGLINT": 3, "THRESHOLD": 1.5}, "out of range"),
])
def test_bad_layer_input_gets_a_clear_error(neve_provider, theia, tmp_path, parameters, message):
    b12 = product_file(theia, "*_FRE_B12.tif")
    mg2 = product_file(theia, "MASKS/*_MG2_R2.tif")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    full = dict({"SWIR": b12, "WATER": mg2, "WATER_KIND": 1, "OUTPUT": str(out_dir / "w.tif")}, **parameters)
    full = {k: v for k, v in full.items() if v is not None}
    with pytest.raises(QgsProcessingException, match=message):
        run("neve:waterclouds", full)
    assert leftovers(out_dir) == []


def test_cancel_leaves_no_output(neve_provider, theia, tmp_path, monkeypatch):
    from neve.plugin.io import raster

    monkeypatch.setattr(raster, "DEFAULT_BLOCK_ROWS", 10)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        run("neve:waterclouds", {"INPUT_PRODUCT": theia, "OUTPUT": str(out_dir / "w.tif"),
                                 "OUTPUT_GLINT": str(out_dir / "g.tif")}, feedback=CancelAfterFirstBlock())
    assert leftovers(out_dir) == []


def test_errors_in_french(neve_provider, theia, tmp_path):
    from test_i18n import switch_language

    b12 = product_file(theia, "*_FRE_B12.tif")
    mg2 = product_file(theia, "MASKS/*_MG2_R2.tif")
    try:
        assert switch_language(neve_provider, "fr_FR") == "fr"
        with pytest.raises(QgsProcessingException, match="grilles d'angles"):
            run("neve:waterclouds", {"SWIR": b12, "WATER": mg2, "WATER_KIND": 1, "SUNGLINT": 0,
                                     "OUTPUT": str(tmp_path / "w.tif")})
    finally:
        switch_language(neve_provider, "en_GB")
