"""Saved .model3 files (tests/models/) load and run with the Névé algorithms inside."""
import os

import numpy as np
from qgis.core import QgsProcessingModelAlgorithm

from helpers import read_raster, run, write_raster

MODELS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "models")


def load_model(name):
    model = QgsProcessingModelAlgorithm()
    assert model.fromFile(os.path.join(MODELS, name + ".model3"))
    return model


def test_saved_model_with_cloudmask_runs(neve_provider, tmp_path):
    model = load_model("cloudmask")
    ok, problems = model.validate()
    assert ok, problems
    scl = np.array([[0, 3, 4], [8, 9, 10], [11, 6, 5]], dtype=np.uint8)
    out = str(tmp_path / "model_mask.tif")
    result = run(model, {"scl": write_raster(tmp_path / "scl.tif", scl), "cloudmask:cloud_mask": out})
    assert result["cloudmask:cloud_mask"] == out
    expected = np.where(scl == 0, 255, np.isin(scl, [3, 8, 9, 10])).astype(np.uint8)
    assert np.array_equal(read_raster(out), expected)
