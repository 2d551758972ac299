"""The real QGIS desktop under Xvfb, with the plugin installed from its zip (scripts/desktop.py): menu, toolbar,
panel; with a sample, every algorithm run from Névé's own dialog and its outputs in the Layers panel, the
refine dialog's presets, the batch dialog on two products and the tuning panel (issue 17)."""
import json
import os
import subprocess

import pytest

from conftest import ROOT

ALGORITHMS = ("loadproduct", "refinecloudmask", "snowmap", "cloudmask", "dilatemask", "waterclouds", "cloudshadows",
              "sievemask", "snowseason", "snowstats")


def desktop(tmp_path, *options):
    result = subprocess.run(["/usr/bin/python3", os.path.join(ROOT, "scripts", "desktop.py"),
                             "--out", str(tmp_path), *options], capture_output=True, text=True, timeout=900)
    report = json.loads(result.stdout[result.stdout.index("{"):])
    return result.returncode, report


@pytest.mark.slow
def test_desktop_runs_every_algorithm_from_its_dialog_as_a_user_does(tmp_path):
    code, report = desktop(tmp_path, "--sample")
    assert code == 0, report
    checks = report["checks"]
    assert all(checks.values()), {k: v for k, v in checks.items() if not v}
    assert {"plugin loaded", "Raster > Névé menu", "Névé toolbar", "Tune thresholds panel", "sample product previewed",
            "two toolbar buttons with different icons", "refine dialog: the preset chosen sets its values",
            "batch dialog on two products: no error, both reports in the Results Viewer",
            "tuning panel: a spin box shows its whole value beside its clear button",
            "scenario ran to its end"} <= set(checks)
    for algorithm in ALGORITHMS:  # each run's outputs in its scene's group, ordered, the raw ones unchecked
        assert any(key.startswith(algorithm + ": outputs in the group of") for key in checks), algorithm
        assert (tmp_path / "layers_{}_en.png".format(algorithm)).stat().st_size > 1000
    entries = report["notes"]["menu entries"]
    assert entries[:3] == ["Load a Sentinel-2 or Landsat L2A product…", "", "Refine a cloud mask (Theia recipe)…"]
    assert "Snow map (Theia/LIS method)…" in entries and entries[-1] == "Tune thresholds…"
    for name in ("qgis_en.png", "tune_panel_full_en.png", "menu_en.png", "refine_dialog_en.png"):
        assert (tmp_path / name).stat().st_size > 1000


@pytest.mark.slow
def test_desktop_in_french(tmp_path):
    code, report = desktop(tmp_path, "--language", "fr")
    assert code == 0, report
    entries = report["notes"]["menu entries"]
    assert "Carte de neige (méthode Theia/LIS)…" in entries
    assert entries[-1] == "Ajuster les seuils…" and entries[1] == ""
