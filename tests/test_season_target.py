"""neve:snowseason with a target grid: maps of two tiles in two UTM zones make one season mosaic
(nearest neighbour onto the target grid, same-day tiles merged); without a target grid nothing changes."""
import datetime
import os
import subprocess

import numpy as np
import pytest
import rasterio
from rasterio.transform import from_origin
from rasterio.warp import transform as transform_points

import stats_data as data
from conftest import ROOT
from helpers import read_raster, run
from neve.plugin.core import season
from neve.plugin.errors import NeveError
from neve.plugin.pipeline import season as job

START = datetime.date(2018, 1, 1)


@pytest.fixture(scope="module")
def mosaic_maps(tmp_path_factory):
    """A (UTM 31) and B (UTM 32) on 2018-01-05 (A: no snow and a cloud, B: snow) and on 2018-01-25 (both
    snow but a no-data corner of A); A listed first."""
    folder = tmp_path_factory.mktemp("mosaic")
    rng = np.random.default_rng(4)
    origin_b = data.b_origin()
    a1 = np.zeros(data.A_SHAPE, np.uint8)
    a1[10:30, 20:40] = 205
    b1 = np.full(data.B_SHAPE, 100, np.uint8)
    b1[rng.random(data.B_SHAPE) < 0.1] = 0
    a2 = np.full(data.A_SHAPE, 100, np.uint8)
    a2[:20, :20] = 255
    b2 = np.full(data.B_SHAPE, 100, np.uint8)
    maps = [(a1, data.UTM31, data.A_ORIGIN, "A_20180105.tif"), (b1, data.UTM32, origin_b, "B_20180105.tif"),
            (a2, data.UTM31, data.A_ORIGIN, "A_20180125.tif"), (b2, data.UTM32, origin_b, "B_20180125.tif")]
    paths = [data.write_map(folder / name, codes, crs, origin) for codes, crs, origin, name in maps]
    return folder, paths, maps


def expected_mosaic(maps, grid_transform, grid_crs, shape):
    """The codes of each date on the target grid, by hand: for each target pixel centre, the code of the
    pixel of each map under it (255 outside), same-day maps merged (the first clear one wins)."""
    rows, cols = np.indices(shape)
    xs, ys = grid_transform * (cols + 0.5, rows + 0.5)
    by_day = {}
    for codes, crs, origin, name in maps:
        mx, my = transform_points(grid_crs, crs, xs.ravel().tolist(), ys.ravel().tolist())
        col = np.floor((np.array(mx) - origin[0]) / data.PIXEL).astype(int).reshape(shape)
        row = np.floor((origin[1] - np.array(my)) / data.PIXEL).astype(int).reshape(shape)
        inside = (row >= 0) & (col >= 0) & (row < codes.shape[0]) & (col < codes.shape[1])
        values = np.full(shape, 255, np.uint8)
        values[inside] = codes[row[inside], col[inside]]
        day = (datetime.date(2018, 1, int(name[-6:-4])) - START).days
        if day in by_day:
            season.merge_into(by_day[day], values)
        else:
            by_day[day] = values
    days = sorted(by_day)
    return np.array(days), np.stack([by_day[d] for d in days])


def test_a_target_crs_pixel_size_and_extent_make_one_mosaic_of_two_utm_zones(mosaic_maps, tmp_path):
    folder, paths, maps = mosaic_maps
    left, top = data.A_ORIGIN[0] - 100.0, data.A_ORIGIN[1] + 40.0
    right, bottom = left + 250 * 30.0, top - 110 * 30.0
    out = tmp_path / "out"
    result = job.season_synthesis(
        job.SeasonInputs(inputs=tuple(paths)),
        job.SeasonParams(date_start=START, date_stop=datetime.date(2018, 2, 28), target_crs=data.UTM31,
                         target_pixel_size=30.0, target_extent=(left, bottom, right, top, None)),
        job.SeasonOutputs(output_scd=str(out / "scd.tif"), output_nobs=str(out / "nobs.tif")))
    assert result.maps_used == 4
    with rasterio.open(out / "scd.tif") as dataset:
        assert dataset.crs.to_epsg() == 32631 and dataset.res == (30.0, 30.0)
        assert dataset.transform.c == left and dataset.transform.f == top and dataset.shape == (110, 250)
        scd = dataset.read(1)
    days, stack = expected_mosaic(maps, from_origin(left, top, 30.0, 30.0), data.UTM31, (110, 250))
    expected = season.snow_season(stack, days, 59)
    assert np.array_equal(scd, expected.scd)
    assert np.array_equal(read_raster(out / "nobs.tif"), expected.nobs)
    # both tiles are in it (B's snow, A's no snow on the first date), and what lies outside both has no
    # observation
    assert set(np.unique(expected.nobs)) == {0, 1, 2} and len(np.unique(scd)) > 2


def test_a_target_grid_raster_in_another_crs(neve_provider, mosaic_maps, tmp_path):
    folder, paths, maps = mosaic_maps
    origin_b = data.b_origin()
    transform = from_origin(origin_b[0] - 1500.0, origin_b[1] + 100.0, 25.0, 25.0)
    target = tmp_path / "target.tif"
    with rasterio.open(target, "w", driver="GTiff", width=160, height=90, count=1, dtype="uint8", crs=data.UTM32,
                       transform=transform) as dst:
        dst.write(np.zeros((90, 160), np.uint8), 1)
    out = tmp_path / "nobs.tif"
    result = run("neve:snowseason", {"INPUTS": paths, "TARGET_GRID": str(target), "DATE_START": "2018-01-01",
                                     "DATE_STOP": "2018-02-28", "OUTPUT_NOBS": str(out)})
    assert result["MAPS_USED"] == 4
    days, stack = expected_mosaic(maps, transform, data.UTM32, (90, 160))
    assert np.array_equal(read_raster(out), season.snow_season(stack, days, 59).nobs)


def test_without_a_target_grid_another_crs_is_still_an_error_and_two_grids_are_refused(mosaic_maps, tmp_path):
    folder, paths, maps = mosaic_maps
    outputs = job.SeasonOutputs(output_scd=str(tmp_path / "scd.tif"))
    with pytest.raises(NeveError) as raised:
        job.season_synthesis(job.SeasonInputs(inputs=tuple(paths)), job.SeasonParams(), outputs)
    assert raised.value.code == "other_crs"
    with pytest.raises(NeveError) as raised:
        job.season_synthesis(job.SeasonInputs(inputs=tuple(paths), reference_grid=paths[0]),
                             job.SeasonParams(target_crs=data.UTM31), outputs)
    assert raised.value.code == "two_grids"
    with pytest.raises(NeveError) as raised:
        job.season_synthesis(job.SeasonInputs(inputs=tuple(paths), target_grid=paths[0]),
                             job.SeasonParams(target_pixel_size=10.0), outputs)
    assert raised.value.code == "target_twice"
    with pytest.raises(NeveError) as raised:
        job.season_synthesis(job.SeasonInputs(inputs=tuple(paths)),
                             job.SeasonParams(target_crs=data.UTM31, target_pixel_size=0.001), outputs)
    assert raised.value.code == "target_too_large"
    assert not os.listdir(tmp_path)


def test_command_line_target_grid_is_the_processing_one_byte_for_byte(neve_provider, mosaic_maps, tmp_path):
    folder, paths, maps = mosaic_maps
    extent = "{},{},{},{} [EPSG:32631]".format(740000.0, 745000.0, 4987000.0, 4991000.0)
    parameters = {"INPUTS": paths, "TARGET_CRS": "EPSG:32631", "TARGET_PIXEL_SIZE": 40.0, "TARGET_EXTENT": extent,
                  "DATE_START": "2018-01-01", "DATE_STOP": "2018-02-28", "OUTPUT_SCD": str(tmp_path / "qgis.tif")}
    run("neve:snowseason", parameters)
    link = tmp_path / "link"
    link.mkdir()
    os.symlink(ROOT, str(link / "neve"))
    env = dict(os.environ, PYTHONPATH=str(link))
    command = ["/usr/bin/python3", "-m", "neve", "snowseason", "--inputs", *paths, "--target-crs", "EPSG:32631",
               "--target-pixel-size", "40", "--target-extent", extent, "--date-start", "2018-01-01",
               "--date-stop", "2018-02-28", "--output-scd", str(tmp_path / "cli.tif")]
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "cli.tif").read_bytes() == (tmp_path / "qgis.tif").read_bytes()
    with rasterio.open(tmp_path / "cli.tif") as dataset:
        assert dataset.shape == (100, 125) and dataset.transform.c == 740000.0
