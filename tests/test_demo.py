"""The README's demo: the main job on a generated sample writes its maps, report and quicklook."""
import os
import subprocess
import sys

import numpy as np

from conftest import ROOT
from helpers import read_raster


def test_demo_writes_snow_map_quicklook_and_report(tmp_path):
    result = subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "demo.py"), "--out", str(tmp_path),
                             "--size", "480"], capture_output=True, text=True, timeout=300,
                            env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert result.returncode == 0, result.stdout + result.stderr
    for name in ("snow_map.tif", "refined_cloud_mask.tif", "cloud_classes.tif", "fractional_snow_cover.tif",
                 "snow_polygons.gpkg", "snow_report.html", "quicklook.png", "snow_statistics.csv",
                 "snow_statistics.html"):
        assert (tmp_path / name).stat().st_size > 0, name
    codes = np.unique(read_raster(tmp_path / "snow_map.tif"))
    assert set(codes) <= {0, 100, 205, 255} and {0, 100, 205} <= set(codes)
    assert (tmp_path / "quicklook.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "snowline" in result.stdout
    # statistics of the sample's two maps by elevation band: snow lower down in May
    assert "statistics: " in result.stdout and "(2 dates)" in result.stdout
    lines = [line for line in result.stdout.splitlines() if line.startswith("statistics 2021-")]
    assert [line[11:21] for line in lines] == ["2021-05-16", "2021-06-15"]
    snowlines = [float(line.rsplit("snowline ", 1)[1].split(" m")[0]) for line in lines]
    assert snowlines[0] < snowlines[1]
    assert "<svg" in (tmp_path / "snow_statistics.html").read_text(encoding="utf-8")
