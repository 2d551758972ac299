"""neve:cloudshadows against generated clouds of known height: the shadows the generator casts (its own
geometry: shadow = cloud moved H tan(sun zenith) away from the sun, cloud seen moved H tan(view zenith)
away from the satellite) are found, at the right heights, from the product's angles or numbers, with the
NIR or the SWIR test; the swept area; layers; errors.
"""
import numpy as np
import pytest
from qgis.core import QgsProcessingException

from helpers import leftovers, read_raster, run, write_raster
from synthetic import Cloud, Scene, make_theia_product
from test_dilatemask import CancelAfterFirstBlock

HEIGHTS = (1500.0, 3000.0)


def shadow_scene():
    """3 km of vegetation, sun at 35 degrees from the south-south-east: two thick clouds at 1500 and
    3000 m whose shadows fall in the image (north-west of them), a thin cloud and a cirrus that cast
    none, no swath edge."""
    return Scene(size=300, sun_zenith=35.0, sun_azimuth=150.0, swath_edge_x=None,
                 clouds=(Cloud(800, 1800, 250, HEIGHTS[0]), Cloud(2200, 2500, 200, HEIGHTS[1]),
                         Cloud(2500, 600, 150, 2000.0, "thin"), Cloud(400, 2700, 180, 9000.0, "high")))


@pytest.fixture(scope="module")
def scene():
    return shadow_scene()


@pytest.fixture(scope="module")
def theia(scene, tmp_path_factory):
    return make_theia_product(tmp_path_factory.mktemp("shadows"), scene)


def overlap(found, truth):
    """(intersection over union, fraction of ``found`` inside ``truth``)."""
    both = (found & truth).sum()
    return both / (found | truth).sum(), both / max(found.sum(), 1)


def shadows(tmp_path, name="shadows", **parameters):
    out = str(tmp_path / (name + ".tif"))
    result = run("neve:cloudshadows", dict({"OUTPUT": out}, **parameters))
    return read_raster(out), result


def test_scene_shadows_are_inside_the_image(scene):
    truth = scene.truth(resolution=20)
    assert truth.shadow.sum() > 400 and not truth.shadow_outside.any()
    assert truth.cloud_thin.any() and truth.cloud_high.any()


def test_shadows_of_clouds_of_known_height(neve_provider, scene, theia, tmp_path):
    heights = str(tmp_path / "heights.tif")
    got, result = shadows(tmp_path, INPUT_PRODUCT=theia, OUTPUT_HEIGHT=heights, HEIGHT_MIN=500, HEIGHT_MAX=6000)
    truth = scene.truth(resolution=20)
    iou, precision = overlap(got == 1, truth.shadow)
    assert iou > 0.85 and precision > 0.9
    assert not (got == 255).any()
    assert result["CLOUD_OBJECTS"] == 2 and result["SHADOW_OBJECTS"] == 2  # thin cloud and cirrus cast none
    found = read_raster(heights)
    for height in HEIGHTS:
        on_cloud = truth.cloud_thick & (truth.cloud_height == height)
        values = np.unique(found[on_cloud])
        assert values.size == 1 and abs(values[0] - height) <= 100, (height, values)
    assert np.isnan(found[~truth.cloud_thick]).all()


def test_the_sun_on_the_other_side_finds_other_shadows(neve_provider, scene, theia, tmp_path):
    # Angles given as numbers: the scene's mean angles find the shadows; the sun azimuth turned by 180
    # degrees does not (the convention of the metadata: the azimuth points towards the sun).
    sun_zenith, sun_azimuth = scene.mean_sun_angles()
    view_zenith, view_azimuth = scene.mean_view_angles("B8A")
    truth = scene.truth(resolution=20)
    numbers = dict(INPUT_PRODUCT=theia, ANGLES=1, SUN_ZENITH=sun_zenith, VIEW_ZENITH=view_zenith,
                   VIEW_AZIMUTH=view_azimuth, HEIGHT_MIN=500, HEIGHT_MAX=6000)
    got, _ = shadows(tmp_path, SUN_AZIMUTH=sun_azimuth, **numbers)
    assert overlap(got == 1, truth.shadow)[0] > 0.85
    wrong, _ = shadows(tmp_path, name="wrong", SUN_AZIMUTH=(sun_azimuth + 180) % 360, **numbers)
    assert overlap(wrong == 1, truth.shadow)[0] < 0.1


def test_swir_dark_test(neve_provider, scene, theia, tmp_path):
    got, result = shadows(tmp_path, INPUT_PRODUCT=theia, DARK_TEST=1, HEIGHT_MIN=500, HEIGHT_MAX=6000)
    assert overlap(got == 1, scene.truth(resolution=20).shadow)[0] > 0.85
    # a SWIR threshold below the shadowed vegetation (0.054): nothing is dark enough, no shadow
    none, result = shadows(tmp_path, name="none", INPUT_PRODUCT=theia, DARK_TEST=1, DARK_THRESHOLD_SWIR=0.05)
    assert none.sum() == 0 and result["SHADOW_OBJECTS"] == 0


def test_swept_area_covers_the_shadows_of_every_height(neve_provider, scene, theia, tmp_path):
    got, _ = shadows(tmp_path, INPUT_PRODUCT=theia, SWEPT=True, HEIGHT_MIN=1000, HEIGHT_MAX=3500)
    truth = scene.truth(resolution=20)
    swept = got == 1
    assert (swept & truth.shadow).sum() > 0.97 * truth.shadow.sum()
    assert swept.sum() > 2 * truth.shadow.sum()
    assert not (swept & truth.cloud).any()


def test_layers_with_angles_as_numbers(neve_provider, scene, theia, tmp_path):
    import glob
    truth = scene.truth(resolution=20)
    clouds = write_raster(tmp_path / "clouds.tif", truth.cloud_thick.astype(np.uint8), pixel_size=(20.0, 20.0),
                          origin=(scene.ulx, scene.uly), crs=scene.crs)
    b8a, = glob.glob(theia + "/*_FRE_B8A.tif")
    sun_zenith, sun_azimuth = scene.mean_sun_angles()
    view_zenith, view_azimuth = scene.mean_view_angles("B8A")
    got, _ = shadows(tmp_path, CLOUDS=clouds, DARK_BAND=b8a, ANGLES=1, SUN_ZENITH=sun_zenith,
                     SUN_AZIMUTH=sun_azimuth, VIEW_ZENITH=view_zenith, VIEW_AZIMUTH=view_azimuth,
                     HEIGHT_MIN=500, HEIGHT_MAX=6000)
    assert overlap(got == 1, truth.shadow)[0] > 0.85


@pytest.mark.parametrize("parameters, message", [
    ({"HEIGHT_MIN": 5000, "HEIGHT_MAX": 1000}, "lowest cloud height"),
    ({"ANGLES": 0}, "angles as numbers"),
    ({"ANGLES": 1, "SUN_ZENITH": 95}, "out of range"),
    ({"ANGLES": 1, "DARK_BAND": "10m"}, "not on the grid of"),
    ({"ANGLES": 1, "CLOUDS": "geographic"}, "geographic CRS"),
])
def test_bad_input_gets_a_clear_error_and_no_output(neve_provider, scene, theia, tmp_path, parameters, message):
    import glob
    truth = scene.truth(resolution=20)
    clouds = write_raster(tmp_path / "clouds.tif", truth.cloud_thick.astype(np.uint8), pixel_size=(20.0, 20.0),
                          origin=(scene.ulx, scene.uly), crs=scene.crs)
    b8a, = glob.glob(theia + "/*_FRE_B8A.tif")
    full = dict({"CLOUDS": clouds, "DARK_BAND": b8a}, **parameters)
    if full["DARK_BAND"] == "10m":
        full["DARK_BAND"], = glob.glob(theia + "/*_FRE_B8.tif")
    if full["CLOUDS"] == "geographic":
        full["CLOUDS"] = write_raster(tmp_path / "ll.tif", np.ones((5, 5), np.uint8), pixel_size=(0.0002, 0.0002),
                                      origin=(1.0, 43.0), crs="EPSG:4326")
        full["DARK_BAND"] = write_raster(tmp_path / "ll_b8a.tif", np.ones((5, 5), np.int16),
                                         pixel_size=(0.0002, 0.0002), origin=(1.0, 43.0), crs="EPSG:4326")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    with pytest.raises(QgsProcessingException, match=message):
        run("neve:cloudshadows", dict(full, OUTPUT=str(out_dir / "s.tif")))
    assert leftovers(out_dir) == []


def test_cancel_leaves_no_output(neve_provider, theia, tmp_path, monkeypatch):
    from neve.plugin.io import raster

    monkeypatch.setattr(raster, "DEFAULT_BLOCK_ROWS", 16)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        run("neve:cloudshadows", {"INPUT_PRODUCT": theia, "OUTPUT": str(out_dir / "s.tif"),
                                  "OUTPUT_HEIGHT": str(out_dir / "h.tif")}, feedback=CancelAfterFirstBlock())
    assert leftovers(out_dir) == []


def test_errors_in_french(neve_provider, theia, tmp_path):
    from test_i18n import switch_language

    try:
        assert switch_language(neve_provider, "fr_FR") == "fr"
        with pytest.raises(QgsProcessingException, match="altitude"):
            run("neve:cloudshadows", {"INPUT_PRODUCT": theia, "HEIGHT_MIN": 5000, "HEIGHT_MAX": 1000,
                                      "OUTPUT": str(tmp_path / "s.tif")})
    finally:
        switch_language(neve_provider, "en_GB")
