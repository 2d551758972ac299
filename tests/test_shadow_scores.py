"""Cloud shadows that beat darkness alone: the scores of docs/BENCHMARKS.md reproduced on the labelled Landsat
crops of ../shared/data (read in place), floors that chance cannot reach, the flood fill and the matching on
hand-made scenes, and the matched method through neve:cloudshadows and neve:refinecloudmask.

How the sun direction is estimated (the crops carry no date, place nor angles): as a user without metadata
reads it on the image. Shadows lie on the side of the clouds away from the sun; the script moves the cloud
mask in every direction (5 degree steps) and by every distance (5 pixel steps, up to 200) and keeps the move
that puts the largest fraction of the moved clouds on dark pixels (NIR below the dark threshold, not cloud):
the sun is on the opposite side. The shadow labels are not used. The zenith is unknown too: 45 degrees makes
the heights tried (200 m to 12 km) the shadows' distances from their clouds.
"""
import importlib.util
import os
import re

import numpy as np
import pytest
from scipy import ndimage

from conftest import ROOT, shared_path
from helpers import read_raster, run, write_raster


def score_module():
    spec = importlib.util.spec_from_file_location("score_shadows", os.path.join(ROOT, "scripts", "score_shadows.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def benchmark_table():
    """{(crop, method word): (azimuth, precision, recall, f1)} from docs/BENCHMARKS.md."""
    text = open(os.path.join(ROOT, "docs", "BENCHMARKS.md"), encoding="utf-8").read()
    rows = {}
    for crop, azimuth, method, p, r, f in re.findall(
            r"^\| (landsat\d) \| (\d+) \| ([^|]+?) \| ([\d.]+) \| ([\d.]+) \| ([\d.]+) \|$", text, re.M):
        key = {"matched": "new", "projection": "old", "darkness": "darkness"}[method.split()[0]]
        rows[(crop, key)] = (int(azimuth), float(p), float(r), float(f))
    return rows


@pytest.fixture(scope="module")
def scored():
    module = score_module()
    return {crop: module.score_crop(shared_path("real", "labelled", crop + ".npz")) for crop in ("landsat5", "landsat7")}


def test_the_benchmark_table_is_reproduced(scored):
    table = benchmark_table()
    assert len(table) == 6
    for crop, (results, azimuth) in scored.items():
        for method, values in results.items():
            want = table[(crop, method)]
            assert azimuth == want[0]
            assert tuple(round(v, 3) for v in values) == want[1:], (crop, method)


def test_matched_shadows_beat_darkness_alone_with_floors_chance_cannot_reach(scored):
    module = score_module()
    for crop, (results, _azimuth) in scored.items():
        new, old, dark = results["new"], results["old"], results["darkness"]
        assert new[2] > dark[2] and new[2] > old[2]
        assert new[2] >= 0.80 and new[0] >= 0.80 and new[1] >= 0.75
        # chance: as many shadow pixels drawn at random as the method finds, 20 draws, never close to the floor
        _nir, _swir, clouds, truth = module.load(shared_path("real", "labelled", crop + ".npz"))
        valid = ~clouds
        base_rate = truth[valid].mean()
        rng = np.random.default_rng(0)
        found = int(round(new[1] * truth[valid].sum() / new[0]))     # TP / precision
        best_chance = 0.0
        for _ in range(20):
            guess = np.zeros(valid.sum(), bool)
            guess[rng.choice(valid.sum(), found, replace=False)] = True
            tp = np.count_nonzero(guess & truth[valid])
            precision, recall = tp / found, tp / truth[valid].sum()
            best_chance = max(best_chance, 2 * precision * recall / (precision + recall))
        assert best_chance < 0.5 and 0.80 - best_chance > 0.3, (crop, base_rate, best_chance)


# --------------------------------------------------------------------------------------------------
# The pieces, by hand
# --------------------------------------------------------------------------------------------------

def fill_by_erosion(values, edge_value):
    """The flood fill by repeated grey erosion from the edge (slow, obvious)."""
    marker = np.full(values.shape, np.inf)
    edge = np.zeros(values.shape, bool)
    edge[0, :] = edge[-1, :] = edge[:, 0] = edge[:, -1] = True
    marker[edge] = np.maximum(values[edge], edge_value)
    while True:
        eroded = np.maximum(ndimage.grey_erosion(marker, size=(3, 3)), values)
        if np.array_equal(eroded, marker):
            return marker
        marker = eroded


@pytest.mark.parametrize("shape", [(30, 41), (64, 17)])
def test_the_flood_fill_is_the_erosion_reconstruction(shape):
    from neve.plugin.core import shadows

    rng = np.random.default_rng(shape[0])
    values = ndimage.gaussian_filter(rng.random(shape), 2)
    assert np.array_equal(shadows.fill_minima(values, 0.4), fill_by_erosion(values, 0.4))
    assert np.array_equal(shadows.fill_minima(values), fill_by_erosion(values, -np.inf))
    # a basin: a dark square in a bright ring, open nowhere: filled to the ring's lowest point
    basin = np.full((9, 9), 0.1)
    basin[1:8, 1:8] = 0.5
    basin[3:6, 3:6] = 0.05
    basin[1:3, 4] = 0.3                                 # the lowest pass through the ring
    filled = shadows.fill_minima(basin)
    assert (filled[3:6, 3:6] == 0.3).all() and filled[0, 0] == 0.1
    # a coarse fill for large images: never below the values, the basin still stands out
    large = np.kron(basin, np.ones((20, 20)))
    coarse = shadows.fill_minima(large, max_pixels=2000)
    assert (coarse >= large).all() and (coarse[70:110, 70:110] - large[70:110, 70:110] > 0.2).all()


def test_matching_keeps_the_shadow_of_the_cloud_and_leaves_a_dark_lake():
    from neve.plugin.core import shadows

    height, width = 80, 90
    nir = np.full((height, width), 0.30)
    swir = np.full((height, width), 0.20)
    clouds = np.zeros((height, width), bool)
    clouds[10:20, 50:62] = True                          # a cloud
    nir[clouds], swir[clouds] = 0.6, 0.5
    # its shadow 12 pixels west and 6 south (sun from the north-east), a little larger than the cloud
    nir[15:27, 37:51], swir[15:27, 37:51] = 0.12, 0.08
    # a dark lake far from any projection
    nir[55:75, 5:30], swir[55:75, 5:30] = 0.03, 0.02
    potential = shadows.potential_shadows(nir, swir, 0.15, 0.15, clouds)
    assert potential[60, 10] and potential[20, 40]       # both dark: the darkness test alone takes both
    azimuth = np.degrees(np.arctan2(12.0, 6.0))          # the sun on the side opposite the shadow
    found = shadows.matched_shadows(clouds, potential, (20.0, 20.0), 45.0, azimuth, 0.0, 0.0, height_min=0.0,
                                    height_max=400.0, height_step=20.0)
    assert (found.mask | clouds)[15:27, 37:51].all() and not found.mask[55:75, 5:30].any()
    # the shadow is larger than the cloud: the lowest of the heights that fit it wholly (268 m at its centre)
    assert 200.0 <= found.heights[0] <= 320.0
    buffered = shadows.matched_shadows(clouds, potential, (20.0, 20.0), 45.0, azimuth, 0.0, 0.0, height_min=0.0,
                                       height_max=400.0, height_step=20.0, buffer=40.0)
    assert buffered.mask[13:29, 35:53].sum() > found.mask.sum() and not (buffered.mask & clouds).any()
    assert shadows.scores(found.mask, found.mask) == (1.0, 1.0, 1.0)


# --------------------------------------------------------------------------------------------------
# Through the algorithms
# --------------------------------------------------------------------------------------------------

def test_cloudshadows_matched_with_layers_is_the_benchmark_method(neve_provider, tmp_path):
    from neve.plugin.core import shadows

    module = score_module()
    path = shared_path("real", "labelled", "landsat7.npz")
    nir, swir, clouds, truth = module.load(path)
    layers = {"CLOUDS": write_raster(tmp_path / "clouds.tif", clouds.astype(np.uint8), pixel_size=(30.0, 30.0)),
              "NIR_BAND": write_raster(tmp_path / "nir.tif", np.round(nir * 10000).astype(np.int16),
                                       pixel_size=(30.0, 30.0)),
              "SWIR_BAND": write_raster(tmp_path / "swir.tif", np.round(swir * 10000).astype(np.int16),
                                        pixel_size=(30.0, 30.0))}
    result = run("neve:cloudshadows", dict(layers, SHADOW_METHOD=1, ANGLES=1, SUN_ZENITH=45.0, SUN_AZIMUTH=140.0,
                                           VIEW_ZENITH=0.0, VIEW_AZIMUTH=0.0, OUTPUT=str(tmp_path / "shadows.tif")))
    mask = read_raster(result["OUTPUT"]) == 1
    # the layers' reflectance as the reader makes it: float32 DN / 10000
    nir_dn, swir_dn = (np.round(band * 10000).astype(np.int16).astype(np.float32) / np.float32(10000)
                       for band in (nir, swir))
    potential = shadows.potential_shadows(nir_dn, swir_dn, 0.15, 0.15, clouds)
    want = shadows.matched_shadows(clouds, potential, (30.0, 30.0), 45.0, 140.0, 0.0, 0.0).mask
    assert np.array_equal(mask, want)
    assert shadows.scores(mask, truth, ~clouds)[2] > 0.78
    # without the NIR and SWIR layers: a clear message
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="NIR band layer"):
        run("neve:cloudshadows", dict(CLOUDS=layers["CLOUDS"], SHADOW_METHOD=1, ANGLES=1,
                                      OUTPUT=str(tmp_path / "none.tif")))


def test_refinecloudmask_with_matched_shadows_on_a_product(neve_provider, tmp_path):
    from synthetic import Scene, make_theia_product

    product = make_theia_product(str(tmp_path), Scene.small(size=240))
    default = run("neve:refinecloudmask", dict(INPUT_PRODUCT=product, OUTPUT=str(tmp_path / "a.tif"),
                                               OUTPUT_CLASSES=str(tmp_path / "a_classes.tif")))
    matched = run("neve:refinecloudmask", dict(INPUT_PRODUCT=product, SHADOW_METHOD=1, SHADOW_BUFFER=40.0,
                                               OUTPUT=str(tmp_path / "b.tif"),
                                               OUTPUT_CLASSES=str(tmp_path / "b_classes.tif")))
    assert matched["SHADOW_PERCENT"] > 0 and default["SHADOW_PERCENT"] > 0
    assert not np.array_equal(read_raster(default["OUTPUT"]), read_raster(matched["OUTPUT"]))
