"""neve:snowseason end to end: small hand-made snow-map files, dates in their names and tags, worked out by
hand; grids, margins, same-day maps, blocks, cancel, errors and the report.

Codes: 0 no snow, 1..100 snow, 205 cloud, 254/255 no data. Day 0 is DATE_START.
"""
import datetime
import os

import numpy as np
import pytest
import rasterio
from qgis.core import QgsProcessingException, QgsProcessingFeedback

from helpers import leftovers, read_raster, run, write_raster

S, N, C, X = 100, 0, 205, 255
OUTPUTS = ("OUTPUT_SCD", "OUTPUT_SOD", "OUTPUT_SMOD", "OUTPUT_NOBS", "OUTPUT_NSP")
PIXEL = (20.0, 20.0)

# --------------------------------------------------------------------------------------------------
# The hand-made series: October 2018 (31 days, day 0 = 1 October, day 30 = 31 October), margin 15 days
# (maps from day -15 to day 45 are used). Eight maps, eight pixels (columns A B C D E G H I):
#
#   map  date        day  date read from                 A  B  C   D  E  G  H   I
#   M5   2018-09-01  -30  Theia name (ignored: margin)   N  C  N   C  C  S  C   S
#   M6   2018-09-21  -10  FSC name                       C  C  X   C  C  N  C   C
#   M1   2018-10-06    5  name "snow_2018-10-06"         S  C  C   N  S  C  40  N
#   M2   2018-10-16   15  Theia name                     S  N  C   C  N  S  C   S
#   M4   2018-10-16   15  ACQUISITION_DATE tag           C  C  254 S  S  C  C   C
#   M3   2018-10-26   25  tag (its name says 20181001)   N  C  C   C  S  S  0   N
#   M7   2018-11-05   35  given in DATES                 C  S  C   C  C  C  C   S
#   M8   2018-11-20   50  folder name (ignored: margin)  S  C  N   C  C  C  C   C
#
# INPUTS order: M3, M7, M1, M2, M4, M6, M5, M8 (M2 before M4: on day 15 M2's clear value wins over M4's).
#
# A: clear 5 S, 15 S (M4 cloud), 25 N: snow 0..20 (day 20 is the midpoint, value 0.5: snow).
#    SCD 21, SOD 0, SMOD 20, NOBS 3, NSP 0 (starts in snow). M8's snow (day 50) is ignored.
# B: clear 15 N, 35 S (margin, after the period): snow from ceil(25) = 25 to 30: SCD 6 <= 10 -> SOD 0,
#    SMOD 0; NOBS 2 (the margin date counts, as LIS); NSP 1.
# C: never clear among the maps used (M5 and M8 are ignored): everything 0.
# D: 5 N, 15 cloud (M2) and snow (M4) -> snow: snow from 10 to 30: SCD 21, SOD 10, SMOD 30, NOBS 2,
#    NSP 1.
# E: 5 S, 15 N (M2) and S (M4) -> N (the first clear in the list), 25 S: snow 0..10 and 20..30, two runs
#    of 11 days: the first wins: SCD 22, SOD 0, SMOD 10, NOBS 3, NSP 1.
# G: -10 N (margin, before), 15 S, 25 S: change at 2.5: snow 3..30: SCD 28, SOD 3, SMOD 30, NOBS 3,
#    NSP 1. (M5's snow on day -30 is outside the margin.)
# H: 5 FSC 40 (snow), 25 N, day 15 cloud in both: snow 0..15: SCD 16, SOD 0, SMOD 15, NOBS 2, NSP 0.
# I: 5 N, 15 S, 25 N, 35 S: snow 10..20 and 30: SCD 12, longest 10..20: SOD 10, SMOD 20; NOBS 4;
#    NSP 2 onsets (days 10 and 30); counting melts too (LIS 1.x): 3.
# --------------------------------------------------------------------------------------------------

MAPS = {  # key: (file name relative to the folder, tag date or None, codes of A B C D E G H I)
    "M5": ("SENTINEL2A_20180901-103512-456_L2B-SNOW_T31TCH_C_V1-7_SNW_R2.tif", None,
           [N, C, N, C, C, S, C, S]),
    "M6": ("FSC_20180921T103021_S2B_T31TCH_V102_1_FSCOG.tif", None, [C, C, X, C, C, N, C, C]),
    "M1": ("snow_2018-10-06.tif", None, [S, C, C, N, S, C, 40, N]),
    "M2": ("SENTINEL2B_20181016-104512-000_L2B-SNOW_T31TCH_C_V1-7_SNW_R2.tif", None,
           [S, N, C, C, N, S, C, S]),
    "M4": ("snowmap_b.tif", "2018-10-16T10:45:12Z", [C, C, 254, S, S, C, C, C]),
    "M3": ("snowmap_20181001.tif", "2018-10-26", [N, C, C, C, S, S, 0, N]),
    "M7": ("map_seven.tif", None, [C, S, C, C, C, C, C, S]),
    "M8": ("2018-11-20/snow.tif", None, [S, C, N, C, C, C, C, C]),
}
ORDER = ("M3", "M7", "M1", "M2", "M4", "M6", "M5", "M8")
DATES = ", 2018-11-05, , , , , , "          # only M7's date is given
EXPECTED = {
    "OUTPUT_SCD": [21, 6, 0, 21, 22, 28, 16, 12],
    "OUTPUT_SOD": [0, 0, 0, 10, 0, 3, 0, 10],
    "OUTPUT_SMOD": [20, 0, 0, 30, 10, 30, 15, 20],
    "OUTPUT_NOBS": [3, 2, 0, 2, 3, 3, 2, 4],
    "OUTPUT_NSP": [0, 1, 0, 1, 1, 1, 0, 2],
}
ROWS = 5


def rolled(values, rows=ROWS):
    """Row r holds the pattern shifted by r columns, so that every row differs."""
    return np.array([np.roll(values, r) for r in range(rows)])


def write_map(folder, name, codes, tag=None, pixel_size=PIXEL, origin=(600000.0, 5100000.0),
              crs="EPSG:32632", dtype=np.uint8, nodata=None):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    write_raster(path, np.asarray(codes, dtype=dtype), pixel_size=pixel_size, origin=origin, crs=crs,
                 nodata=nodata)
    if tag:
        with rasterio.open(path, "r+") as dst:
            dst.update_tags(ACQUISITION_DATE=tag)
    return str(path)


def write_series(folder):
    return [write_map(folder / "maps", MAPS[k][0], rolled(MAPS[k][2]), MAPS[k][1]) for k in ORDER]


class Feedback(QgsProcessingFeedback):
    """Keeps the log."""

    def __init__(self):
        super().__init__()
        self.infos, self.warnings = [], []

    def pushInfo(self, text):  # noqa: N802
        self.infos.append(text)

    def pushWarning(self, text):  # noqa: N802
        self.warnings.append(text)


def season_parameters(out, inputs, **extra):
    parameters = {"INPUTS": inputs, "DATES": DATES, "DATE_START": "2018-10-01", "DATE_STOP": "2018-10-31"}
    parameters.update({name: str(out / (name.lower() + ".tif")) for name in OUTPUTS})
    parameters.update(extra)
    return parameters


@pytest.fixture
def series(tmp_path):
    return write_series(tmp_path)


@pytest.mark.parametrize("budget_rows, threads", [(None, None), (2, 1), (3, 3)])
def test_hand_made_series(neve_provider, tmp_path, series, monkeypatch, budget_rows, threads):
    from neve.plugin.pipeline import season
    if budget_rows:   # strips of 2 or 3 rows: twice 6 dates and 24 bytes of outputs a pixel, 8 columns
        monkeypatch.setattr(season, "MEMORY_BUDGET", budget_rows * 8 * 2 * (6 + 24))
    if threads:       # 3 threads: each strip computed in parts of one row
        monkeypatch.setattr(season, "THREADS", threads)
    out = tmp_path / "out"
    feedback = Feedback()
    result = run("neve:snowseason", season_parameters(out, series), feedback=feedback)
    for name in OUTPUTS:
        assert result[name] == str(out / (name.lower() + ".tif"))
        assert np.array_equal(read_raster(result[name]), rolled(EXPECTED[name])), name
    assert result["PERIOD_START"] == "2018-10-01" and result["PERIOD_STOP"] == "2018-10-31"
    assert result["MAPS_USED"] == 6                # M5 and M8 are ignored
    log = "\n".join(feedback.infos)
    assert "2018-10-16 (day 15): snowmap_b (date: ACQUISITION_DATE metadata tag)." in log
    assert "2018-10-26 (day 25): snowmap_20181001 (date: ACQUISITION_DATE metadata tag)." in log
    assert "2018-11-05 (day 35): map_seven (date: given in Dates)." in log
    assert "2018-09-21 (day -10): FSC_20180921T103021_S2B_T31TCH_V102_1_FSCOG (date: file name)." in log
    assert "2018-10-06 (day 5): snow_2018-10-06 (date: file name)." in log
    assert "2018-11-20: snow (date: folder name): outside the season and its margin, ignored." in log
    assert "2018-09-01: SENTINEL2A_20180901-103512-456_L2B-SNOW_T31TCH_C_V1-7_SNW_R2 (date: file name): " \
           "outside the season and its margin, ignored." in log
    assert feedback.warnings == []


def test_nsp_as_lis_and_nobs_in_the_period_only(neve_provider, tmp_path, series):
    out = tmp_path / "out"
    result = run("neve:snowseason", season_parameters(out, series, NSP_COUNT=1, NOBS_PERIOD_ONLY=True))
    # NSP counting melts too: A melt 21 = 1; B onset 25 (snow to the end) = 1; D 1; E melt 11 + onset
    # 20 = 2; G 1; H melt 16 = 1; I 2 onsets + melt 21 = 3
    assert np.array_equal(read_raster(result["OUTPUT_NSP"]), rolled([1, 1, 0, 1, 2, 1, 1, 3]))
    # NOBS of days 0..30 only: A 5, 15, 25; B 15; D 5, 15; E 3; G 15, 25; H 5, 25; I 5, 15, 25
    assert np.array_equal(read_raster(result["OUTPUT_NOBS"]), rolled([3, 1, 0, 2, 3, 2, 2, 3]))
    # the rest does not change
    assert np.array_equal(read_raster(result["OUTPUT_SCD"]), rolled(EXPECTED["OUTPUT_SCD"]))


def test_margin_changes_which_maps_are_used(neve_provider, tmp_path, series):
    # margin 4: M6 (day -10) and M7 (day 35) are left out too.
    # G: clear 15 S, 25 S only -> snow every day: SCD 31, SOD 0, SMOD 30, NOBS 2, NSP 0
    # B: clear 15 N only -> SCD 0, NOBS 1; I: 5 N, 15 S, 25 N -> snow 10..20: SCD 11, SOD 10, SMOD 20, NOBS 3
    out = tmp_path / "out"
    result = run("neve:snowseason", season_parameters(out, series, DATE_MARGIN=4))
    scd, nobs = read_raster(result["OUTPUT_SCD"])[0], read_raster(result["OUTPUT_NOBS"])[0]
    assert scd[[1, 5, 7]].tolist() == [0, 31, 11]
    assert nobs[[1, 5, 7]].tolist() == [1, 2, 3]
    assert read_raster(result["OUTPUT_SMOD"])[0][[5, 7]].tolist() == [30, 20]
    assert result["MAPS_USED"] == 4
    # the margin is inclusive: with 5 days M7 (day 35 = 30 + 5) is used again (B: SCD 6), M6 (day -10)
    # still not (G: SCD 31)
    result = run("neve:snowseason", season_parameters(tmp_path / "out5", series, DATE_MARGIN=5))
    assert read_raster(result["OUTPUT_SCD"])[0][[1, 5]].tolist() == [6, 31]
    assert result["MAPS_USED"] == 5


def test_daily_stack_and_report(neve_provider, tmp_path, series, monkeypatch):
    from neve.plugin.pipeline import season
    monkeypatch.setattr(season, "MEMORY_BUDGET", 3 * 8 * 2 * (6 + 24 + 31))   # strips of 3 rows
    out = tmp_path / "out"
    daily_path, report_path = str(out / "daily.tif"), str(out / "season.html")
    result = run("neve:snowseason", {"INPUTS": series, "DATES": DATES, "DATE_START": "2018-10-01",
                                     "DATE_STOP": "2018-10-31", "OUTPUT_SCD": str(out / "scd.tif"),
                                     "OUTPUT_DAILY": daily_path, "OUTPUT_REPORT": report_path})
    assert result["OUTPUT_DAILY"] == daily_path and result["OUTPUT_REPORT"] == report_path
    assert "OUTPUT_SOD" not in result or not result["OUTPUT_SOD"]
    with rasterio.open(daily_path) as src:
        assert src.count == 31 and src.dtypes[0] == "uint8" and src.nodata == 255
        assert src.descriptions[0] == "2018-10-01" and src.descriptions[30] == "2018-10-31"
        daily = src.read()
    # row 0: columns A..I unshifted
    assert daily[:, 0, 0].tolist() == [1] * 21 + [0] * 10                      # A
    assert daily[:, 0, 1].tolist() == [0] * 25 + [1] * 6                       # B
    assert daily[:, 0, 2].tolist() == [255] * 31                               # C, never clear
    assert daily[:, 0, 4].tolist() == [1] * 11 + [0] * 9 + [1] * 11            # E
    assert daily[:, 0, 7].tolist() == [0] * 10 + [1] * 11 + [0] * 9 + [1]      # I
    # every row: the daily stack sums to SCD, 255 only where never clear
    scd = rolled(EXPECTED["OUTPUT_SCD"])
    never = rolled([0, 0, 1, 0, 0, 0, 0, 0]).astype(bool)
    assert np.array_equal(np.where(daily == 255, 0, daily).sum(axis=0), scd)
    assert np.array_equal((daily == 255).all(axis=0), never)

    html = open(report_path, encoding="utf-8").read()
    assert html.startswith("<!DOCTYPE html>") and "<svg" in html
    assert "Snow-covered area through the season" in html and "Snow (% of clear)" in html
    assert "<td>snowmap_b</td><td>ACQUISITION_DATE metadata tag</td>" in html
    assert "ignored" in html


def chart_points(html, series, x_range, y_range):
    """The (x, y) data of the points of series number ``series`` of the first chart of ``html`` (drawn by
    ``report.xy_chart``), from their position in the plot area of the SVG."""
    import re

    svg = html[html.index("<svg"):html.index("</svg>")]
    area = re.search(r'<g id="plot-area">\s*<path d="([^"]*)"', svg).group(1)
    xs = [float(v) for v in re.findall(r"[ML] ([0-9.]+) ", area)]
    ys = [float(v) for v in re.findall(r"[ML] [0-9.]+ ([0-9.]+)", area)]
    group = svg[svg.index('<g id="series-{}">'.format(series)):]
    group = group[:group.index("</g>")]
    points = []
    for x, y in re.findall(r'<use [^>]*x="([0-9.]+)" y="([0-9.]+)"', group):
        px, py = float(x), float(y)
        points.append((x_range[0] + (px - min(xs)) / (max(xs) - min(xs)) * (x_range[1] - x_range[0]),
                       y_range[0] + (max(ys) - py) / (max(ys) - min(ys)) * (y_range[1] - y_range[0])))
    return points


def test_report_numbers(neve_provider, tmp_path, series):
    from neve.plugin.core import season
    assert season.DEFAULT_MARGIN == 15 and season.MIN_SNOW_DAYS == 10
    out = tmp_path / "out"
    report_path = str(out / "season.html")
    run("neve:snowseason", {"INPUTS": series, "DATES": DATES, "DATE_START": "2018-10-01",
                            "DATE_STOP": "2018-10-31", "OUTPUT_REPORT": report_path})
    html = open(report_path, encoding="utf-8").read()
    # 40 pixels, 35 observed (column C never clear); mean SCD of those: (21+6+21+22+28+16+12) / 7 = 18.0
    assert "<td>Pixels with at least one clear observation</td><td>35 (87.5 %)</td>" in html
    assert "<td>Mean snow days of those pixels</td><td class=\"number\">18.0</td>" in html
    # M1 (day 5): clear A D E H I, cloud B C G: clear 62.5 %, cloud 37.5 %, snow A E H = 60 % of clear
    assert "<td>snow_2018-10-06</td><td>file name</td><td class=\"number\">62.5</td>" \
           "<td class=\"number\">37.5</td><td class=\"number\">60.0</td>" in html
    # the two maps of day 15, each counted alone: M2 clear A B E G I (62.5 %), cloud 37.5 %, snow A G I
    # (60 % of clear); M4 clear D E (25 %), cloud 62.5 %, snow D E (100 %)
    assert "<td>file name</td><td class=\"number\">62.5</td><td class=\"number\">37.5</td>" \
           "<td class=\"number\">60.0</td>" in html.split("SENTINEL2B_20181016")[1].split("</tr>")[0]
    assert "<td>snowmap_b</td><td>ACQUISITION_DATE metadata tag</td><td class=\"number\">25.0</td>" \
           "<td class=\"number\">62.5</td><td class=\"number\">100.0</td>" in html
    # the chart's observed point of day 15, merged (M2 first, M4 where M2 is a gap): clear A B D E G I,
    # snow A D G I: 4 of 6 = 66.7 %. Axis from day -10 (M6) to 35 (M7), 0..100 %: the points of the
    # second series (matplotlib's SVG) read back in the units of the plot area
    points = chart_points(html.split("Snow-covered area through the season")[1], 1, (-10, 35), (0, 100))
    assert any(abs(day - 15) < 0.01 and abs(percent - 200 / 3) < 0.01 for day, percent in points), points


def test_map_on_another_grid_is_aligned_and_dem_report(neve_provider, tmp_path):
    # Reference grid: the first map, 2 x 4 pixels of 20 m, all no snow on 2018-09-01 (day 0 of the default
    # season 2018-09-01 .. 2019-08-31, 365 days). The second map, 2018-09-21 (day 20), is a 10 m raster
    # covering only the two left columns (4 x 4 pixels of 10 m), all snow: aligned by nearest neighbour.
    # Left: 0 N, 20 S -> snow from 10 to 364: SCD 355, SOD 10, SMOD 364, NOBS 2, NSP 1.
    # Right: 0 N only -> SCD 0, NOBS 1.
    first = write_map(tmp_path, "snow_20180901.tif", np.zeros((2, 4)))
    second = write_map(tmp_path, "snow_20180921.tif", np.full((4, 4), S), pixel_size=(10.0, 10.0))
    # DEM in another CRS (lon/lat) would need exact resampling: on the grid, 150 m left, 350 m right
    dem = write_raster(tmp_path / "dem.tif", np.array([[150, 150, 350, 350]] * 2, np.float32),
                       pixel_size=PIXEL)
    out = tmp_path / "out"
    feedback = Feedback()
    result = run("neve:snowseason", {"INPUTS": [first, second], "DEM": dem,
                                     "OUTPUT_SCD": str(out / "scd.tif"), "OUTPUT_SOD": str(out / "sod.tif"),
                                     "OUTPUT_SMOD": str(out / "smod.tif"), "OUTPUT_NOBS": str(out / "nobs.tif"),
                                     "OUTPUT_NSP": str(out / "nsp.tif"), "OUTPUT_REPORT": str(out / "r.html")},
                 feedback=feedback)
    assert (result["PERIOD_START"], result["PERIOD_STOP"]) == ("2018-09-01", "2019-08-31")
    half = np.array([[1, 1, 0, 0]] * 2)
    assert np.array_equal(read_raster(result["OUTPUT_SCD"]), half * 355)
    assert np.array_equal(read_raster(result["OUTPUT_SOD"]), half * 10)
    assert np.array_equal(read_raster(result["OUTPUT_SMOD"]), half * 364)
    assert np.array_equal(read_raster(result["OUTPUT_NOBS"]), 1 + half)
    assert np.array_equal(read_raster(result["OUTPUT_NSP"]), half)
    with rasterio.open(result["OUTPUT_SCD"]) as scd, rasterio.open(first) as ref:
        assert scd.transform == ref.transform and scd.crs == ref.crs and scd.dtypes[0] == "uint16"
        assert scd.profile["tiled"] and scd.profile["compress"] == "deflate"
        assert scd.tags()["DATE_START"] == "2018-09-01"
    assert feedback.warnings == ["snow_20180921 is on another grid than snow_20180901: aligned to it with "
                                 "nearest neighbour."]
    html = open(result["OUTPUT_REPORT"], encoding="utf-8").read()
    # elevation bands of 100 m: 100-200 m, 4 pixels, mean 355 days; 300-400 m, 4 pixels, 0 days
    assert "<td>100 \u2013 200</td><td class=\"number\">4</td><td class=\"number\">355.0</td>" in html
    assert "<td>300 \u2013 400</td><td class=\"number\">4</td><td class=\"number\">0.0</td>" in html


def test_reference_grid_parameter_and_nodata_value(neve_provider, tmp_path):
    # Reference: 3 x 3 pixels of 20 m whose upper-left pixel is the maps' second pixel (one pixel to the
    # right): the maps' column 0 is left out, the reference's last column lies outside the maps (gaps).
    # Maps 3 x 3: day 0 (2019-01-01) columns 0, 100, 7 with 7 declared as no data (a clear code, made a
    # gap); day 10 all no snow. Period 2019-01-01 .. 2019-01-31 (31 days).
    ref = write_raster(tmp_path / "ref.tif", np.zeros((3, 3), np.uint8), pixel_size=PIXEL,
                       origin=(600020.0, 5100000.0))
    day0 = write_map(tmp_path, "a_20190101.tif", [[0, 100, 7]] * 3, nodata=7)
    day10 = write_map(tmp_path, "b_20190111.tif", np.zeros((3, 3)))
    out = tmp_path / "out"
    feedback = Feedback()
    result = run("neve:snowseason", {"INPUTS": [day0, day10], "REFERENCE_GRID": ref,
                                     "DATE_START": "2019-01-01", "DATE_STOP": "2019-01-31",
                                     "OUTPUT_SCD": str(out / "scd.tif"), "OUTPUT_NOBS": str(out / "nobs.tif")},
                 feedback=feedback)
    # reference column 0 = maps' column 1: 0 S, 10 N -> snow 0..5: SCD 6; NOBS 2
    # reference column 1 = maps' column 2: no data on day 0, 10 N -> SCD 0, NOBS 1
    # reference column 2: outside the maps -> SCD 0, NOBS 0
    assert np.array_equal(read_raster(result["OUTPUT_SCD"]), [[6, 0, 0]] * 3)
    assert np.array_equal(read_raster(result["OUTPUT_NOBS"]), [[2, 1, 0]] * 3)
    assert len(feedback.warnings) == 3       # two maps aligned, one no-data value that is a clear code
    assert any("declares 7 as its no-data value" in w for w in feedback.warnings)


def test_season_defaults_from_one_date_given(neve_provider, tmp_path):
    # DATE_START alone: the season ends on 31 August of its hydrological year
    maps = [write_map(tmp_path, "s_20181201.tif", [[S]]), write_map(tmp_path, "s_20190301.tif", [[N]])]
    result = run("neve:snowseason", {"INPUTS": maps, "DATE_START": "2018-11-01",
                                     "OUTPUT_SCD": str(tmp_path / "scd.tif")})
    assert (result["PERIOD_START"], result["PERIOD_STOP"]) == ("2018-11-01", "2019-08-31")
    # 2018-12-01 is day 30, 2019-03-01 day 120: snow from day 0 to 75: SCD 76
    assert read_raster(result["OUTPUT_SCD"]).tolist() == [[76]]
    result = run("neve:snowseason", {"INPUTS": maps, "DATE_STOP": "2019-03-31",
                                     "OUTPUT_SCD": str(tmp_path / "scd2.tif")})
    # 2018-09-01 .. 2019-03-31: 2018-12-01 is day 91, 2019-03-01 day 181: snow 0..136: SCD 137
    assert (result["PERIOD_START"], result["PERIOD_STOP"]) == ("2018-09-01", "2019-03-31")
    assert read_raster(result["OUTPUT_SCD"]).tolist() == [[137]]


class CancelAfterFirstBlock(QgsProcessingFeedback):
    def __init__(self, first_block_end):
        super().__init__()
        self.first_block_end = first_block_end

    def setProgress(self, progress):  # noqa: N802
        super().setProgress(progress)
        if progress >= self.first_block_end - 1e-9:
            self.cancel()


def test_cancel_leaves_no_output(neve_provider, tmp_path, series, monkeypatch):
    from neve.plugin.pipeline import season
    monkeypatch.setattr(season, "MEMORY_BUDGET", 1)       # one row per strip: 5 strips
    out = tmp_path / "out"
    out.mkdir()
    parameters = season_parameters(out, series, OUTPUT_DAILY=str(out / "daily.tif"),
                                   OUTPUT_REPORT=str(out / "report.html"))
    feedback = CancelAfterFirstBlock(100.0 / ROWS)
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        run("neve:snowseason", parameters, feedback=feedback)
    assert leftovers(out) == []


@pytest.mark.parametrize("case, message", [
    ("crs", "same coordinate reference system"),
    ("no_date", "No acquisition date could be read for snow_without_date"),
    ("empty_window", "No snow map falls in the season from 2020-09-01 to 2021-08-31"),
    ("dates_count", "2 entries are needed"),
    ("dates_entry", "\"2018-13-01\" is not a date"),
    ("stop_before_start", "is before its start"),
    ("float", "holds float32 values"),
    ("no_output", "No output chosen"),
])
def test_bad_input_gets_clear_error_and_leaves_no_output(neve_provider, tmp_path, case, message):
    maps = tmp_path / "maps"
    first = write_map(maps, "snow_20181001.tif", [[S, N]])
    second = write_map(maps, "snow_20181011.tif", [[N, N]])
    parameters = {"INPUTS": [first, second]}
    if case == "crs":
        parameters["INPUTS"] = [first, write_map(maps, "snow_20181021.tif", [[N, N]], crs="EPSG:32631")]
    elif case == "no_date":
        parameters["INPUTS"] = [first, write_map(maps, "snow_without_date.tif", [[N, N]])]
    elif case == "empty_window":
        parameters.update(DATE_START="2020-09-01")
    elif case == "dates_count":
        parameters.update(DATES="2018-10-01")
    elif case == "dates_entry":
        parameters.update(DATES="2018-13-01, ")
    elif case == "stop_before_start":
        parameters.update(DATE_START="2018-10-01", DATE_STOP="2018-09-30")
    elif case == "float":
        parameters["INPUTS"] = [first, write_map(maps, "snow_20181021.tif", [[0.5, 0]], dtype=np.float32)]
    out = tmp_path / "out"
    out.mkdir()
    if case != "no_output":
        parameters.update({name: str(out / (name.lower() + ".tif")) for name in OUTPUTS},
                          OUTPUT_REPORT=str(out / "report.html"))
    with pytest.raises(QgsProcessingException, match=message):
        run("neve:snowseason", parameters)
    assert leftovers(out) == []


def test_french_message(neve_provider, tmp_path):
    from test_i18n import switch_language

    maps = [write_map(tmp_path, "a_20181001.tif", [[S]]),
            write_map(tmp_path, "b_20181011.tif", [[N]], crs="EPSG:32631")]
    assert switch_language(neve_provider, "fr_FR") == "fr"
    try:
        with pytest.raises(QgsProcessingException, match="même système de coordonnées"):
            run("neve:snowseason", {"INPUTS": maps, "OUTPUT_SCD": str(tmp_path / "scd.tif")})
        algorithm = neve_provider.algorithm("snowseason")
        assert algorithm.displayName() == "Synthèse de la saison de neige"
    finally:
        switch_language(neve_provider, "en_GB")
    assert not (tmp_path / "scd.tif").exists()


# --------------------------------------------------------------------------------------------------
# Dates, period and strips: the module's own functions
# --------------------------------------------------------------------------------------------------

def test_dates_from_names():
    from neve.plugin.pipeline.season import date_from_text
    d = datetime.date
    assert date_from_text("SENTINEL2A_20180101-103512-456_L2B-SNOW_T31TCH_C_V1-7_SNW_R2") == d(2018, 1, 1)
    assert date_from_text("FSC_20210315T104029_S2B_T31TCH_V102_1_FSCOG") == d(2021, 3, 15)
    assert date_from_text("S2A_MSIL2A_20221005T115411_N0400_R023_T29UNU_20221005T164454") == d(2022, 10, 5)
    assert date_from_text("snow 2019-02-28 final") == d(2019, 2, 28)
    assert date_from_text("snow_2019_02_28") == d(2019, 2, 28)
    assert date_from_text("2018-01-01T10:35:12Z") == d(2018, 1, 1)
    # not dates: a longer number, an impossible day (the next candidate is taken), mixed separators
    assert date_from_text("id_120180101") is None
    assert date_from_text("x_20180230_then_20180228") == d(2018, 2, 28)
    assert date_from_text("2018-0101") is None
    assert date_from_text("T31TCH") is None and date_from_text("") is None


def test_date_list_and_period():
    from neve.plugin.pipeline.season import parse_date_list, period
    d = datetime.date
    assert parse_date_list("", 3) == [None, None, None]
    assert parse_date_list("2018-01-01,\n20180105 ; ", 3) == [d(2018, 1, 1), d(2018, 1, 5), None]
    assert parse_date_list("2018-01-01T10:00:00", 1) == [d(2018, 1, 1)]
    with pytest.raises(ValueError) as error:
        parse_date_list("2018-01-01", 2)
    assert error.value.args[0] is None
    with pytest.raises(ValueError, match="yesterday"):
        parse_date_list("yesterday, 2018-01-01", 2)
    # the hydrological year of the earliest map, or completed from the date given
    assert period(d(2018, 8, 31)) == (d(2017, 9, 1), d(2018, 8, 31))
    assert period(d(2018, 9, 1)) == (d(2018, 9, 1), d(2019, 8, 31))
    assert period(d(2018, 9, 1), date_start=d(2019, 1, 15)) == (d(2019, 1, 15), d(2019, 8, 31))
    assert period(d(2018, 9, 1), date_stop=d(2019, 12, 1)) == (d(2019, 9, 1), d(2019, 12, 1))


def test_strip_height_stays_in_the_budget():
    from neve.plugin.pipeline.season import block_rows
    # 60 maps + 24 bytes of outputs per pixel, 5490 columns, 320 MB: 727 rows -> 512 with tiles of 512
    assert block_rows(5490, 5490, 84, 512, 320 * 2 ** 20) == 512
    assert block_rows(5490, 5490, 84, 0, 320 * 2 ** 20) == 727
    # 1000 maps: 59 rows, fewer than a tile
    assert block_rows(5490, 5490, 1024, 512, 320 * 2 ** 20) == 59
    assert block_rows(10, 7, 1, 0, 10 ** 9) == 7 and block_rows(10, 7, 100, 0, 1) == 1


def test_strip_layout_with_and_without_the_daily_stack():
    from neve.plugin.pipeline.season import MEMORY_BUDGET, strip_layout
    assert MEMORY_BUDGET == 512 * 2 ** 20
    # 58 dates, two strips of maps and of outputs: 2 * (58 + 24) = 164 bytes a pixel -> 596 rows -> 512
    assert strip_layout(5490, 5490, 58, 365, False, False, 512) == (512, 0)
    # with the daily stack: 2 * (58 + 24 + 365) = 894 bytes -> 109 rows: tiles of 64, strips of 64 rows
    assert strip_layout(5490, 5490, 58, 365, True, False, 512) == (64, 64)
    # a small raster: one strip, tiles of 16 at least
    assert strip_layout(8, 5, 6, 31, True, False, 0) == (5, 16)


def test_dialog_defaults_and_its_values_run(neve_provider, series, tmp_path, qgis_iface, monkeypatch):
    """The algorithm dialog builds (multiple layers, dates, outputs); with the maps chosen in it, its values
    run: an empty season means the hydrological year of the maps, the five outputs and the report are made."""
    from processing.gui.AlgorithmDialog import AlgorithmDialog
    from qgis.core import QgsProcessingContext
    from qgis.gui import QgsBrowserGuiModel

    model = QgsBrowserGuiModel()
    monkeypatch.setattr(qgis_iface, "browserModel", lambda: model, raising=False)
    dialog = AlgorithmDialog(neve_provider.algorithm("snowseason").create(), False, qgis_iface.mainWindow())
    try:
        panel = dialog.mainWidget()
        panel.wrappers["INPUTS"].setParameterValue(series, QgsProcessingContext())
        panel.wrappers["DATES"].setParameterValue(DATES, QgsProcessingContext())
        values = panel.createProcessingParameters()
    finally:
        dialog.reject()
        dialog.deleteLater()
    assert values["DATE_MARGIN"] == 15 and not values.get("DATE_START") and not values.get("DATE_STOP")
    assert all(values[name] for name in OUTPUTS + ("OUTPUT_REPORT",)) and not values.get("OUTPUT_DAILY")
    values.update({name: str(tmp_path / (name.lower() + ".tif")) for name in OUTPUTS},
                  OUTPUT_REPORT=str(tmp_path / "season.html"))
    result = run("neve:snowseason", values)
    # the hydrological year of the earliest map (2018-09-01): 2018-09-01 .. 2019-08-31; M8 (2018-11-20) is
    # used now; every map is in the season
    assert (result["PERIOD_START"], result["PERIOD_STOP"]) == ("2018-09-01", "2019-08-31")
    assert result["MAPS_USED"] == 8
    assert all(os.path.exists(result[name]) for name in OUTPUTS + ("OUTPUT_REPORT",))
    # column C is now seen clear by M5 (day 0) and M8 (day 80), no snow both times
    assert read_raster(result["OUTPUT_NOBS"])[0, 2] == 2 and read_raster(result["OUTPUT_SCD"])[0, 2] == 0
