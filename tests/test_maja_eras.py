"""Which MAJA parametrisation made a Theia product, from its production date (plugin/core/maja.py), tested on
the days at each boundary (docs/MAJA_ERAS.md)."""
import datetime

import pytest

from neve.plugin.core import maja
from neve.plugin.core.defaults import CLOUD_PRESETS


def utc(*parts):
    return datetime.datetime(*parts, tzinfo=datetime.timezone.utc)


@pytest.mark.parametrize("production, key, uncertain", [
    (utc(2016, 7, 14, 10, 0), "theia_2016", False),
    (utc(2017, 4, 30, 23, 59, 59), "theia_2016", False),     # the last day of the first era
    (utc(2017, 5, 1, 0, 0, 0), "theia_2017", True),          # May 2017: the post gives no day
    (datetime.date(2017, 5, 31), "theia_2017", True),
    (datetime.date(2017, 6, 1), "theia_2017", False),
    (utc(2018, 2, 1, 23, 59, 59), "theia_2017", False),      # the last day of the 240 m era
    (utc(2018, 2, 2, 0, 0, 0), "theia_2018", False),         # "since the 2nd of February"
    (datetime.date(2018, 2, 2), "theia_2018", False),
    (utc(2024, 11, 5, 8, 30), "theia_2018", False),
])
def test_the_era_of_a_production_date(production, key, uncertain):
    era = maja.era_of(production)
    assert (era.key, era.uncertain) == (key, uncertain)


def test_the_eras_parameters():
    old, reduced, current = maja.eras()
    assert (old.distance, old.threshold, old.threshold_sunglint) == (480.0, 0.08, 0.25)
    assert (reduced.distance, reduced.threshold, reduced.threshold_sunglint) == (240.0, 0.08, 0.25)
    assert (current.distance, current.threshold, current.threshold_sunglint) == (480.0, 0.04, 0.16)
    # the two later eras are the presets of the recipe
    for era in (reduced, current):
        assert CLOUD_PRESETS[era.key] == {"distance": era.distance, "threshold": era.threshold,
                                          "threshold_sunglint": era.threshold_sunglint}
    assert (old.start, old.end, reduced.start, reduced.end, current.start, current.end) == (
        None, datetime.date(2017, 5, 1), datetime.date(2017, 5, 1), datetime.date(2018, 2, 2),
        datetime.date(2018, 2, 2), None)
    assert maja.CURRENT == "theia_2018" and maja.era_by_key("theia_2017") == reduced
    assert maja.era_of(None) is None


# --------------------------------------------------------------------------------------------------
# A buffer of a then b, and "Bring to the current Theia parameters"
# --------------------------------------------------------------------------------------------------

def test_a_buffer_of_a_then_b_is_one_of_a_plus_b():
    import numpy as np
    from scipy import ndimage

    from neve.plugin.core import cloud

    # In Euclidean space exactly. On pixels, buffering by a then by b never reaches beyond the buffer by a + b,
    # and misses only a few pixels of its rim, within a pixel's diagonal of its edge.
    rng = np.random.default_rng(4)
    blobs = ndimage.gaussian_filter(rng.random((260, 240)), 6) > 0.53      # cloud-like shapes
    for pixel in (20.0, 10.0):
        twice = cloud.dilate(cloud.dilate(blobs, 240.0, (pixel, pixel)), 240.0, (pixel, pixel))
        once = cloud.dilate(blobs, 480.0, (pixel, pixel))
        assert not (twice & ~once).any()
        missed = once & ~twice
        assert missed.sum() < 0.05 * once.sum()
        distance = ndimage.distance_transform_edt(~blobs, sampling=pixel)
        assert (distance[missed] > 480.0 - pixel * np.sqrt(2)).all()
    # around a lone pixel, the worst case: the two digital disks of 12 pixels miss some of the rim of 24
    lone = np.zeros((81, 81), bool)
    lone[40, 40] = True
    twice = cloud.dilate(cloud.dilate(lone, 240.0, (20.0, 20.0)), 240.0, (20.0, 20.0))
    once = cloud.dilate(lone, 480.0, (20.0, 20.0))
    assert not (twice & ~once).any()
    rows, cols = np.nonzero(once & ~twice)
    assert 0 < rows.size < 0.05 * once.sum()
    assert (np.hypot(rows - 40, cols - 40) * 20.0 > 480.0 - 20.0 * np.sqrt(2)).all()


def product_of_era(folder, production, buffer=None):
    """A generated Theia product produced at ``production``; with ``buffer`` (m) its CLM at 20 m is made as
    MAJA made it in the 240 m era: the clouds over water missed (MAJA's SWIR thresholds over water were twice
    today's; here every cloud object that reaches over the MG2 water is left out) and the rest buffered by
    ``buffer`` (bits 0 and 1 around the clouds). Returns (path, the CLM before the buffer, the CLM written)."""
    import glob
    import os

    import numpy as np
    import rasterio

    from neve.plugin.core import cloud, masks
    from neve.plugin.pipeline.cloudinputs import PRODUCT_CLOUD_BITS
    from synthetic import Scene, make_theia_product

    path = make_theia_product(str(folder), Scene.small(size=360, production=production))
    clm_path = glob.glob(os.path.join(path, "MASKS", "*_CLM_R2.tif"))[0]
    with rasterio.open(clm_path) as dataset:
        original = dataset.read(1)
        profile = dataset.profile
    if buffer:
        from scipy import ndimage

        with rasterio.open(clm_path.replace("_CLM_R2", "_MG2_R2")) as dataset:
            water = (dataset.read(1) & 1) != 0
        # the cloud objects that reach over water are missed whole (their land part too)
        objects, _count = ndimage.label(original > 0, structure=np.ones((3, 3), bool))
        missed = np.isin(objects, np.unique(objects[water & (objects > 0)]))
        original = np.where(missed, 0, original).astype(original.dtype)
    written = original.copy()
    if buffer:
        clouds = masks.any_bit_set(original, PRODUCT_CLOUD_BITS)
        written[cloud.dilate(clouds, buffer, (20.0, 20.0))] |= 3
        with rasterio.open(clm_path, "w", **profile) as dataset:
            dataset.write(written, 1)
    return path, original, written


def test_bring_a_240_m_product_to_the_current_parameters(neve_provider, tmp_path):
    import numpy as np

    from helpers import read_raster, run
    from neve.plugin.core import cloud, masks
    from neve.plugin.pipeline.cloudinputs import PRODUCT_CLOUD_BITS
    from neve.plugin.pipeline.algorithms.refinecloudmask import PRESET_KEYS

    path, original, written = product_of_era(tmp_path / "p2017", utc(2017, 9, 12, 4, 0), buffer=240.0)
    common = dict(INPUT_PRODUCT=path, SHADOWS=False)
    result = run("neve:refinecloudmask", dict(common, PRESET=PRESET_KEYS.index("to_current"),
                                              OUTPUT=str(tmp_path / "bits.tif"), OUTPUT_CLASSES=str(tmp_path / "c.tif")))
    classes = read_raster(result["OUTPUT_CLASSES"])
    # the clouds over water of today's thresholds, that the 2017 product lacks (the water test alone)
    water = run("neve:refinecloudmask", dict(common, PRESET=PRESET_KEYS.index("custom"), DISTANCE=0.0,
                                             THRESHOLD=0.04, THRESHOLD_SUNGLINT=0.16,
                                             OUTPUT=str(tmp_path / "w.tif"), OUTPUT_CLASSES=str(tmp_path / "wc.tif")))
    with_water = masks.any_bit_set(read_raster(water["OUTPUT"]), PRODUCT_CLOUD_BITS)
    before = masks.any_bit_set(written, PRODUCT_CLOUD_BITS)
    new_water = with_water & ~before
    assert new_water.any()
    nodata = classes == 255
    clouds = masks.any_bit_set(original, PRODUCT_CLOUD_BITS) & ~nodata
    # what MAJA's current parameters make: the clouds and the clouds over water buffered by 480 m (and the
    # CLM's other cloud classes, thin clouds and cirrus, which are not buffered); shadows (class 2) aside
    thin = cloud.refine_clm(written)[1] == 1
    expected = (cloud.dilate(clouds | new_water, 480.0, (20.0, 20.0)) | thin) & ~nodata & (classes != 2)
    got = np.isin(classes, (1, 3))
    assert not (got & ~expected).any()
    missed = expected & ~got
    # only rim pixels that two digital disks of 240 m miss in a disk of 480 m (see the test above)
    from scipy import ndimage

    distance = ndimage.distance_transform_edt(~(clouds | new_water), sampling=20.0)
    assert missed.sum() < 0.03 * expected.sum() and (distance[missed] > 480.0 - 20.0 * np.sqrt(2)).all()
    # with the 240 m buffer it had, the product was clearly short of that
    assert (expected & ~before).sum() > 20 * max(1, missed.sum())


def test_a_product_of_the_current_parameters_is_left_as_it_is(neve_provider, tmp_path):
    import numpy as np
    from qgis.core import QgsProcessingFeedback

    from helpers import read_raster, run
    from neve.plugin.pipeline.algorithms.refinecloudmask import PRESET_KEYS

    path, original, _written = product_of_era(tmp_path / "p2021", utc(2021, 6, 16, 3, 12))
    messages = []

    class Listener(QgsProcessingFeedback):
        def pushInfo(self, info):  # noqa: N802 (QGIS API name)
            messages.append(info)

    result = run("neve:refinecloudmask", dict(INPUT_PRODUCT=path, PRESET=PRESET_KEYS.index("to_current"),
                                              OUTPUT=str(tmp_path / "bits.tif"), OUTPUT_CLASSES=str(tmp_path / "c.tif")),
                 feedback=Listener())
    bits, classes = read_raster(result["OUTPUT"]), read_raster(result["OUTPUT_CLASSES"])
    valid = classes != 255
    assert np.array_equal(bits[valid], original[valid]) and (classes != 3).all()
    assert any("nothing to change" in m for m in messages)


def test_loadproduct_says_which_maja_parameters_made_the_product(neve_provider, tmp_path):
    from helpers import run

    path, _original, _written = product_of_era(tmp_path / "p2017", utc(2017, 9, 12, 4, 0))
    result = run("neve:loadproduct", {"INPUT_PRODUCT": path, "OUTPUT_HTML": str(tmp_path / "summary.html")})
    assert result["MAJA_ERA"] == "theia_2017" and result["MAJA_CLOUD_BUFFER"] == 240.0
    page = open(str(tmp_path / "summary.html"), encoding="utf-8").read()
    assert "MAJA parameters" in page and "240 m" in page


def test_values_given_with_the_preset_computed_from_the_product_are_not_used(neve_provider, tmp_path):
    """Issue 17, the preset rule: "Bring to the current Theia parameters" computes its values from the
    product, so a buffer given with it is not used, and the log says so (nothing silent)."""
    import numpy as np

    from helpers import read_raster, run
    from neve.plugin.pipeline.algorithms.refinecloudmask import PRESET_KEYS
    from test_loadproduct import Log

    path, _original, _written = product_of_era(tmp_path / "p2021", utc(2021, 6, 16, 3, 12))
    plain = run("neve:refinecloudmask", dict(INPUT_PRODUCT=path, PRESET=PRESET_KEYS.index("to_current"),
                                             OUTPUT=str(tmp_path / "a.tif"), OUTPUT_CLASSES=str(tmp_path / "ac.tif")))
    log = Log()
    given = run("neve:refinecloudmask", dict(INPUT_PRODUCT=path, PRESET=PRESET_KEYS.index("to_current"), DISTANCE=1000,
                                             OUTPUT=str(tmp_path / "b.tif"), OUTPUT_CLASSES=str(tmp_path / "bc.tif")),
                feedback=log)
    assert np.array_equal(read_raster(plain["OUTPUT"]), read_raster(given["OUTPUT"]))
    assert any("Buffer distance" in w and "1000 m" in w and "is not used" in w for w in log.warnings), log.warnings
