"""The real QGIS desktop under Xvfb, with the plugin installed from its zip: menu, toolbar, panel."""
import json
import os
import subprocess

import pytest

from conftest import ROOT


def desktop(tmp_path, *options):
    result = subprocess.run(["/usr/bin/python3", os.path.join(ROOT, "scripts", "desktop.py"),
                             "--out", str(tmp_path), *options], capture_output=True, text=True, timeout=300)
    report = json.loads(result.stdout[result.stdout.index("{"):])
    return result.returncode, report


@pytest.mark.slow
def test_desktop_shows_menu_toolbar_and_panel_with_a_live_preview(tmp_path):
    code, report = desktop(tmp_path, "--sample")
    assert code == 0, report
    assert all(report["checks"].values()), report
    assert set(report["checks"]) >= {"plugin loaded", "Raster > Névé menu", "Névé toolbar",
                                     "Tune thresholds panel", "sample product previewed"}
    assert "Snow map (Theia/LIS method)…" in report["notes"]["menu entries"]
    assert "Tune thresholds…" in report["notes"]["menu entries"]
    for name in ("qgis_en.png", "tune_panel_en.png", "menu_en.png"):
        assert (tmp_path / name).stat().st_size > 1000


@pytest.mark.slow
def test_desktop_in_french(tmp_path):
    code, report = desktop(tmp_path, "--language", "fr")
    assert code == 0, report
    assert "Carte de neige (méthode Theia/LIS)…" in report["notes"]["menu entries"]
    assert "Ajuster les seuils…" in report["notes"]["menu entries"]
