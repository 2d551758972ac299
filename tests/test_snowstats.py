"""neve:snowstats on generated maps with known content: hand counts across two UTM zones with tiles
overlapping on one date, the regional snowline against a brute-force search, elevation bands, aspect,
fractional snow, the cloud-corrected estimate, nested zones, outputs and errors."""
import csv
import datetime
import os

import numpy as np
import pytest
import rasterio
from osgeo import ogr

import stats_data as data
from helpers import leftovers, run
from neve.plugin.errors import Cancelled, NeveError
from neve.plugin.pipeline import stats as job
from neve.plugin.pipeline.feedback import RecordingFeedback


def table_rows(path):
    """The table's rows as dicts (GeoPackage or CSV), numbers as floats, empty as None."""
    if str(path).endswith(".csv"):
        with open(path, encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        for row in rows:
            for key, value in row.items():
                if value == "":
                    row[key] = None
                elif key not in ("zone", "date", "elevation_band", "aspect"):
                    row[key] = float(value)
        return rows
    dataset = ogr.Open(str(path))
    layer = dataset.GetLayer(0)
    rows = []
    for feature in layer:
        row = {}
        for i in range(feature.GetFieldCount()):
            name = feature.GetFieldDefnRef(i).GetName()
            if not feature.IsFieldSet(i) or feature.IsFieldNull(i):
                row[name] = None
            elif name == "date":
                y, m, d = feature.GetFieldAsDateTime(i)[:3]
                row[name] = "{:04d}-{:02d}-{:02d}".format(y, m, d)
            elif name in ("zone", "elevation_band", "aspect"):
                row[name] = feature.GetFieldAsString(i)
            else:
                row[name] = feature.GetFieldAsDouble(i)
        rows.append(row)
    return rows


def total(rows, zone, date):
    found = [r for r in rows if r["zone"] == zone and r["date"] == date and r["elevation_band"] == "all"
             and r["aspect"] == "all"]
    assert len(found) == 1, (zone, date)
    return found[0]


@pytest.fixture(scope="module")
def tiles(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tiles")
    return (folder,) + data.two_tiles(str(folder))


# -- acceptance: areas across two CRSs, overlap counted once -----------------------------------------

def test_areas_across_two_utm_zones_equal_the_hand_count_and_the_overlap_counts_once(tiles, tmp_path):
    folder, paths, by_date, zones, ring = tiles
    result = job.snow_stats(job.SnowStatsInputs(inputs=tuple(paths), zones=zones),
                            job.SnowStatsParams(zone_field="name"),
                            job.SnowStatsOutputs(output_table=str(tmp_path / "stats.gpkg"),
                                                 output_zones=str(tmp_path / "zones.gpkg")))
    assert (result.maps_used, result.dates_used, result.zones_count) == (5, 3, 1)
    rows = table_rows(tmp_path / "stats.gpkg")
    assert len(rows) == 3                                      # no DEM: one row per zone and date
    footprints = [(data.bounds_of(data.A_ORIGIN, data.A_SHAPE), data.UTM31),
                  (data.bounds_of(data.b_origin(), data.B_SHAPE), data.UTM32)]
    union_area, boundary = data.footprint_area_in_zone(ring, footprints)
    pixel_km2 = data.PIXEL ** 2 * 1e-6
    for date, maps in by_date.items():
        expected = data.hand_count(maps, ring)
        row = total(rows, "across", date)
        for key in ("snow", "no_snow", "cloud", "nodata"):
            assert row[key + "_km2"] == pytest.approx(expected[key], abs=1e-9), (date, key)
        seen = sum(row[key + "_km2"] for key in ("snow", "no_snow", "cloud", "nodata"))
        if len(maps) == 2:
            # each ground pixel once: the union of the tiles in the zone, to the precision of the pixels
            # along its outline (not the sum of both tiles, which counts the overlap twice)
            assert abs(seen - union_area) < boundary * data.PIXEL * 1e-6, (date, seen, union_area)
            one_each = sum(sum(data.hand_count([m], ring).values()) for m in maps)
            assert one_each - seen > 100 * pixel_km2
        assert row["maps"] == len(maps)
        clear = row["snow_km2"] + row["no_snow_km2"]
        assert row["snow_percent"] == pytest.approx(100 * row["snow_km2"] / clear)
        assert row["clear_share"] == pytest.approx(clear / seen)
        assert row["reliable"] == (row["clear_share"] >= 0.5)
        # without a DEM the estimate is the zone's clear snow fraction applied to its clear and cloudy area
        assert row["snow_estimate_km2"] == pytest.approx(row["snow_km2"] / clear * (clear + row["cloud_km2"]))
        assert row["snowline_m"] is None


def test_the_map_listed_first_wins_between_two_clear_observations(tiles, tmp_path):
    """2018-01-20: B is listed before A, both clear everywhere: the overlap is B's; listed the other way,
    A's; the totals are the same ground area."""
    folder, paths, by_date, zones, ring = tiles
    maps = by_date["2018-01-20"]
    order = [paths[3], paths[4]]
    results = {}
    for name, inputs, expected_maps in (("b_first", order, maps), ("a_first", order[::-1], maps[::-1])):
        out = tmp_path / (name + ".csv")
        job.snow_stats(job.SnowStatsInputs(inputs=tuple(inputs), zones=zones), job.SnowStatsParams(zone_field="name"),
                       job.SnowStatsOutputs(output_table=str(out)))
        row = total(table_rows(out), "across", "2018-01-20")
        expected = data.hand_count(expected_maps, ring)
        assert row["snow_km2"] == pytest.approx(expected["snow"], abs=1e-9)
        assert row["no_snow_km2"] == pytest.approx(expected["no_snow"], abs=1e-9)
        results[name] = row
    assert results["a_first"]["snow_km2"] != results["b_first"]["snow_km2"]
    # the same ground, counted in the pixels of one tile or the other: equal to the pixels along the edge
    # of the overlap (the zone crosses it over about 1.5 km: 75 pixels)
    seen = [sum(r[k] for k in ("snow_km2", "no_snow_km2", "cloud_km2", "nodata_km2")) for r in results.values()]
    assert abs(seen[0] - seen[1]) < 40 * data.PIXEL ** 2 * 1e-6


def test_strips_and_blocks_do_not_change_the_result(tiles, tmp_path):
    folder, paths, by_date, zones, ring = tiles
    outputs = []
    for strip_pixels in (None, 700, 3001):
        out = tmp_path / "stats_{}.csv".format(strip_pixels)
        job.snow_stats(job.SnowStatsInputs(inputs=tuple(paths), zones=zones), job.SnowStatsParams(zone_field="name"),
                       job.SnowStatsOutputs(output_table=str(out)), strip_pixels=strip_pixels)
        outputs.append(out.read_text())
    assert outputs[0] == outputs[1] == outputs[2]


# -- elevation bands, regional snowline, aspect, estimate, fractional snow ---------------------------

@pytest.fixture(scope="module")
def mountain(tmp_path_factory):
    """A DEM on the maps' grid (no resampling: the elevation of every pixel is known), three dated maps
    whose snow follows the elevation with noise and clouds, a zone covering most of it."""
    folder = tmp_path_factory.mktemp("mountain")
    rng = np.random.default_rng(8)
    shape = (90, 110)
    rows, cols = np.indices(shape)
    dem = (800.0 + 9.0 * cols + 6.0 * rows + rng.normal(0.0, 15.0, shape)).astype(np.float32)
    dem[:3, :4] = -9999.0                                       # no elevation there
    dem_path = data.write_map(folder / "dem.tif", dem, data.UTM31, data.A_ORIGIN, nodata=-9999.0)
    maps, codes = [], []
    for k, line in enumerate((1300.0, 1500.0, 1700.0)):
        snow = dem + rng.normal(0.0, 80.0, shape) > line
        c = np.where(snow, 100, 0).astype(np.uint8)
        c[rng.random(shape) < 0.2] = 205
        c[:, :6] = 255
        if k == 1:
            c[:45, :] = 205                                     # a cloudy date: half the zone clouded
        codes.append(c)
        maps.append(data.write_map(folder / "map_2018030{}.tif".format(k + 1), c, data.UTM31, data.A_ORIGIN))
    zone_bounds = (data.A_ORIGIN[0] + 33.0, data.A_ORIGIN[1] - 85 * 20.0 - 7.0, data.A_ORIGIN[0] + 105 * 20.0 + 3.0,
                   data.A_ORIGIN[1] - 13.0)                    # no pixel centre on an edge
    ring = data.rectangle_ring(zone_bounds, data.UTM31, data.UTM31, points=1)
    zones = data.write_zones(folder / "zones.geojson", {"basin": ring}, crs=data.UTM31)
    xs, ys = data.pixel_centres(shape, data.A_ORIGIN)
    inside = data.inside_zone(ring, data.UTM31, xs, ys, data.UTM31)
    return folder, maps, codes, dem, dem_path, zones, inside


def test_bands_and_regional_snowline_equal_hand_counts_and_a_brute_force_search(mountain, tmp_path):
    folder, maps, codes, dem, dem_path, zones, inside = mountain
    out = tmp_path / "stats.csv"
    job.snow_stats(job.SnowStatsInputs(inputs=tuple(maps), zones=zones, dem=dem_path),
                   job.SnowStatsParams(zone_field="name"), job.SnowStatsOutputs(output_table=str(out)))
    rows = table_rows(out)
    km2 = 400e-6
    known = inside & (dem > -9999)
    for k, c in enumerate(codes):
        date = "2018-03-0{}".format(k + 1)
        clear = known & (c <= 100)
        z = dem[clear].astype(np.float64)
        snow = c[clear] == 100
        candidates = np.arange(np.floor(z.min() / 10) * 10, np.floor(z.max() / 10) * 10 + 11, 10.0)
        best, cost = None, None
        for candidate in candidates:
            wrong = np.count_nonzero(snow & (z < candidate)) + np.count_nonzero(~snow & (z >= candidate))
            if cost is None or wrong < cost:
                best, cost = candidate, wrong
        row = total(rows, "basin", date)
        assert row["snowline_m"] == best and row["snowline_misclassified"] == pytest.approx(cost / snow.size)
        assert 1200 < best < 1800
        # each band: the hand count of its pixels
        bands = np.floor(dem / 100.0)
        for band in np.unique(bands[known]).tolist():
            mine = known & (bands == band)
            band_row = [r for r in rows if r["date"] == date and r["band_min_m"] == band * 100 and r["aspect"] == "all"]
            assert len(band_row) == 1
            band_row = band_row[0]
            assert band_row["elevation_band"] == "{:g}-{:g}".format(band * 100, band * 100 + 100)
            assert band_row["snow_km2"] == pytest.approx(km2 * np.count_nonzero(mine & (c == 100)), abs=1e-12)
            assert band_row["no_snow_km2"] == pytest.approx(km2 * np.count_nonzero(mine & (c == 0)), abs=1e-12)
            assert band_row["cloud_km2"] == pytest.approx(km2 * np.count_nonzero(mine & (c == 205)), abs=1e-12)
            assert band_row["nodata_km2"] == pytest.approx(km2 * np.count_nonzero(mine & (c == 255)), abs=1e-12)
        unknown = [r for r in rows if r["date"] == date and r["elevation_band"] == "unknown"]
        assert len(unknown) == 1 and unknown[0]["nodata_km2"] + unknown[0]["snow_km2"] + unknown[0]["no_snow_km2"] + \
            unknown[0]["cloud_km2"] == pytest.approx(km2 * np.count_nonzero(inside & (dem == -9999)))
        # the estimate of the zone is the sum of its bands'
        band_rows = [r for r in rows if r["date"] == date and r["elevation_band"] != "all" and r["aspect"] == "all"]
        assert row["snow_estimate_km2"] == pytest.approx(sum(r["snow_estimate_km2"] for r in band_rows))
    assert not total(rows, "basin", "2018-03-02")["reliable"] and total(rows, "basin", "2018-03-01")["reliable"]


def test_cloud_corrected_estimate_by_hand(tmp_path):
    """Three bands: the lowest half snow, the middle one clouded, the highest all snow: the middle band
    takes the mean of its two neighbours' fractions (equally near), 0.75."""
    shape = (30, 10)
    dem = np.repeat(np.array([1050.0, 1150.0, 1250.0], np.float32), 10)[:, None] * np.ones((1, 10), np.float32)
    codes = np.zeros(shape, np.uint8)
    codes[:5] = 100                                          # band 1000-1100: half snow
    codes[10:20] = 205                                       # band 1100-1200: all cloud
    codes[20:] = 100                                         # band 1200-1300: all snow
    codes[20:22, :5] = 205                                   # with a little cloud
    dem_path = data.write_map(tmp_path / "dem.tif", dem, data.UTM31, data.A_ORIGIN)
    map_path = data.write_map(tmp_path / "snow_20180401.tif", codes, data.UTM31, data.A_ORIGIN)
    out = tmp_path / "stats.csv"
    job.snow_stats(job.SnowStatsInputs(inputs=(map_path,), dem=dem_path), job.SnowStatsParams(),
                   job.SnowStatsOutputs(output_table=str(out)))
    rows = table_rows(out)
    px = 400e-6
    by_band = {r["elevation_band"]: r for r in rows}
    assert by_band["1000-1100"]["snow_estimate_km2"] == pytest.approx(0.5 * 100 * px)
    assert by_band["1100-1200"]["snow_estimate_km2"] == pytest.approx(0.75 * 100 * px)
    assert by_band["1200-1300"]["snow_estimate_km2"] == pytest.approx(1.0 * 100 * px)
    whole = by_band["all"]
    assert whole["zone"] and whole["snow_km2"] == pytest.approx((50 + 90) * px)
    assert whole["snow_estimate_km2"] == pytest.approx((50 + 75 + 100) * px)
    # clear pixels: 50 snow and 50 snow-free at 1050 m, 90 snow at 1250 m: a line at 1050 m (the lower of
    # 1050 and 1060 m, both 50 pixels wrong)
    assert whole["snowline_m"] == 1050.0 and whole["snowline_misclassified"] == pytest.approx(50 / 190)


def test_fractional_snow_counts_its_fraction_of_the_pixel(tmp_path):
    codes = np.array([[0, 40, 100], [205, 255, 1]], np.uint8)
    path = data.write_map(tmp_path / "fsc_20180105.tif", codes, data.UTM31, data.A_ORIGIN)
    out = tmp_path / "stats.csv"
    job.snow_stats(job.SnowStatsInputs(inputs=(path,)), job.SnowStatsParams(), job.SnowStatsOutputs(output_table=str(out)))
    (row,) = table_rows(out)
    px = 400e-6
    assert row["snow_km2"] == pytest.approx(1.41 * px) and row["no_snow_km2"] == pytest.approx(2.59 * px)
    assert row["cloud_km2"] == pytest.approx(px) and row["nodata_km2"] == pytest.approx(px)
    assert row["snow_percent"] == pytest.approx(100 * 1.41 / 4)


@pytest.mark.parametrize("kind, east, north, label", [("4", -0.3, 0.0, "E"), ("8", -0.3, 0.3, "SE")])
def test_aspect_classes_from_the_dem(tmp_path, kind, east, north, label):
    shape = (20, 25)
    rows, cols = np.indices(shape)
    dem = (2000.0 + east * 20 * cols - north * 20 * rows).astype(np.float32)
    dem_path = data.write_map(tmp_path / "dem.tif", dem, data.UTM31, data.A_ORIGIN)
    codes = np.where(cols < 10, 100, 0).astype(np.uint8)
    path = data.write_map(tmp_path / "snow_20180105.tif", codes, data.UTM31, data.A_ORIGIN)
    out = tmp_path / "stats.csv"
    job.snow_stats(job.SnowStatsInputs(inputs=(path,), dem=dem_path), job.SnowStatsParams(aspect=kind),
                   job.SnowStatsOutputs(output_table=str(out)))
    rows = table_rows(out)
    aspects = {r["aspect"]: r for r in rows if r["elevation_band"] == "all" and r["aspect"] != "all"}
    px = 400e-6
    # the raster's outermost pixels have a neighbour without elevation: unknown
    interior = (shape[0] - 2) * (shape[1] - 2)
    assert set(aspects) == {label, "unknown"}
    assert aspects[label]["snow_km2"] + aspects[label]["no_snow_km2"] == pytest.approx(interior * px)
    assert aspects[label]["snow_km2"] == pytest.approx((shape[0] - 2) * 9 * px)
    assert aspects["unknown"]["snow_km2"] + aspects["unknown"]["no_snow_km2"] == pytest.approx(
        (shape[0] * shape[1] - interior) * px)
    cells = [r for r in rows if r["elevation_band"] not in ("all", "unknown") and r["aspect"] == label]
    assert sum(r["snow_km2"] + r["no_snow_km2"] for r in cells) == pytest.approx(interior * px)


def test_nested_zones_are_each_counted_whole_and_features_sharing_a_name_make_one_zone(tmp_path):
    codes = np.zeros((40, 40), np.uint8)
    codes[:20] = 100
    path = data.write_map(tmp_path / "snow_20180105.tif", codes, data.UTM31, data.A_ORIGIN)
    x0, y0 = data.A_ORIGIN
    big = data.rectangle_ring((x0, y0 - 800, x0 + 800, y0), data.UTM31, data.UTM31, points=1)
    small = data.rectangle_ring((x0, y0 - 200, x0 + 200, y0), data.UTM31, data.UTM31, points=1)
    split = [data.rectangle_ring((x0 + 400, y0 - 800, x0 + 600, y0 - 600), data.UTM31, data.UTM31, points=1),
             data.rectangle_ring((x0 + 600, y0 - 800, x0 + 800, y0 - 600), data.UTM31, data.UTM31, points=1)]
    zones = data.write_zones(tmp_path / "zones.geojson", {"big": big, "small": small, "split": split}, crs=data.UTM31)
    out = tmp_path / "stats.csv"
    result = job.snow_stats(job.SnowStatsInputs(inputs=(path,), zones=zones), job.SnowStatsParams(zone_field="name"),
                            job.SnowStatsOutputs(output_table=str(out)))
    assert result.zones_count == 3
    rows = {r["zone"]: r for r in table_rows(out)}
    px = 400e-6
    assert rows["big"]["snow_km2"] == pytest.approx(800 * px) and rows["big"]["no_snow_km2"] == pytest.approx(800 * px)
    assert rows["small"]["snow_km2"] == pytest.approx(100 * px) and rows["small"]["no_snow_km2"] == 0
    assert rows["split"]["no_snow_km2"] == pytest.approx(200 * px) and rows["split"]["snow_km2"] == 0


def test_without_zones_the_whole_extent_is_one_zone_and_dates_come_from_tags_and_dates(tmp_path):
    codes = np.full((10, 10), 100, np.uint8)
    a = data.write_map(tmp_path / "first.tif", codes, data.UTM31, data.A_ORIGIN,
                       tags={"ACQUISITION_DATE": "2018-02-03T10:00:00Z"})
    b = data.write_map(tmp_path / "second.tif", np.zeros((10, 10), np.uint8), data.UTM31, data.A_ORIGIN)
    out, zones_out = tmp_path / "stats.csv", tmp_path / "zones.gpkg"
    result = job.snow_stats(job.SnowStatsInputs(inputs=(a, b)), job.SnowStatsParams(dates=",2018-02-10"),
                            job.SnowStatsOutputs(output_table=str(out), output_zones=str(zones_out)))
    rows = table_rows(out)
    assert [(r["date"], r["snow_km2"]) for r in rows] == [("2018-02-03", pytest.approx(0.04)), ("2018-02-10", 0.0)]
    assert result.zones_count == 1 and result.dates_used == 2
    dataset = ogr.Open(str(zones_out))
    (feature,) = list(dataset.GetLayer(0))
    assert feature.GetGeometryRef().GetArea() == pytest.approx(200.0 * 200.0)
    assert feature.GetField("last_date").startswith("2018/02/10") and feature.GetField("dates") == 2
    assert feature.GetField("mean_snow_km2") == pytest.approx(0.02)


def test_zones_layer_last_date_and_season_means(mountain, tmp_path):
    folder, maps, codes, dem, dem_path, zones, inside = mountain
    out, zones_out = tmp_path / "stats.gpkg", tmp_path / "zones.gpkg"
    result = job.snow_stats(job.SnowStatsInputs(inputs=tuple(maps), zones=zones, dem=dem_path),
                            job.SnowStatsParams(zone_field="name"),
                            job.SnowStatsOutputs(output_table=str(out), output_zones=str(zones_out)))
    rows = [r for r in table_rows(out) if r["elevation_band"] == "all"]
    reliable = [r for r in rows if r["reliable"]]
    dataset = ogr.Open(str(zones_out))
    layer = dataset.GetLayer(0)
    assert layer.GetSpatialRef().GetAuthorityCode(None) == "32631"
    (feature,) = list(layer)
    assert feature.GetField("zone") == "basin" and feature.GetField("dates") == 3
    assert feature.GetField("reliable_dates") == len(reliable) == 2
    assert feature.GetField("last_snow_km2") == pytest.approx(rows[-1]["snow_km2"])
    assert feature.GetField("last_snowline_m") == rows[-1]["snowline_m"]
    assert feature.GetField("mean_snowline_m") == pytest.approx(np.mean([r["snowline_m"] for r in reliable]))
    assert feature.GetField("mean_snow_percent") == pytest.approx(np.mean([r["snow_percent"] for r in reliable]))
    assert len(result.summaries) == 1 and result.summaries[0].last.date == datetime.date(2018, 3, 3)


def test_csv_and_geopackage_hold_the_same_table(mountain, tmp_path):
    folder, maps, codes, dem, dem_path, zones, inside = mountain
    tables = []
    for name in ("stats.csv", "stats.gpkg"):
        job.snow_stats(job.SnowStatsInputs(inputs=tuple(maps), zones=zones, dem=dem_path),
                       job.SnowStatsParams(zone_field="name", aspect="8"),
                       job.SnowStatsOutputs(output_table=str(tmp_path / name)))
        tables.append(table_rows(tmp_path / name))
    assert len(tables[0]) == len(tables[1]) > 100
    for a, b in zip(*tables):
        assert a.keys() == b.keys()
        for key in a:
            if isinstance(a[key], float):
                assert a[key] == pytest.approx(b[key], abs=1e-8), key
            else:
                assert a[key] == b[key], key


# -- the report --------------------------------------------------------------------------------------

def test_report_has_charts_per_zone_and_the_site_series(tiles, tmp_path):
    folder, paths, by_date, zones, ring = tiles
    html_path = tmp_path / "report.html"
    result = job.snow_stats(job.SnowStatsInputs(inputs=tuple(paths), zones=zones),
                            job.SnowStatsParams(zone_field="name", site_zone="across"),
                            job.SnowStatsOutputs(output_html=str(html_path)))
    html = html_path.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "Site series: across" in html and "Zone across" in html
    assert html.count("<svg") == 2 and "Cloud-corrected estimate" in html
    for date in by_date:
        assert date in html
    assert result.warnings == ()


def test_site_series_pictures_are_the_maps_merged_as_counted(tiles):
    """The picture of 2018-01-20 (B listed first) shows B's code where both tiles are."""
    folder, paths, by_date, zones, ring = tiles
    from neve.plugin.io import vectors

    maps = []
    with __import__("contextlib").ExitStack() as stack:
        maps = job.open_maps(job.SnowStatsInputs(inputs=tuple(paths)), job.SnowStatsParams(), stack)
        dates = sorted({m.date for m in maps})
        for m in maps:
            m.slot = dates.index(m.date)
        z = vectors.read_zones(zones, "name")
        warnings = []
        site = job.SiteSeries.make(maps, z, job.SnowStatsParams(site_zone="nowhere"), dates, warnings)
        assert "No zone is named nowhere" in warnings[0] and site.name == "across"
        counter = job.Counter(maps, z, None, job.SnowStatsParams(), dates, RecordingFeedback())
        counter.site = site
        counter.run()
        pictures = site.pictures()
    assert len(pictures) == 3 and pictures[0].shape == (site.grid.height, site.grid.width)
    xs, ys = site.grid.transform * (np.indices(pictures[2].shape)[1] + 0.5, np.indices(pictures[2].shape)[0] + 0.5)
    b3, crs_b, origin_b = by_date["2018-01-20"][0]
    a3 = by_date["2018-01-20"][1][0]
    from rasterio.warp import transform as transform_points
    bx, by = transform_points(data.UTM31, crs_b, xs.ravel().tolist(), ys.ravel().tolist())
    col = np.floor((np.array(bx) - origin_b[0]) / 20).astype(int).reshape(xs.shape)
    row = np.floor((origin_b[1] - np.array(by)) / 20).astype(int).reshape(xs.shape)
    in_b = (row >= 0) & (col >= 0) & (row < b3.shape[0]) & (col < b3.shape[1]) & site.inside
    b_there = np.full(xs.shape, 255, np.uint8)
    b_there[in_b] = b3[row[in_b], col[in_b]]
    b_clear = in_b & (b_there <= 100)              # B listed first and clear: B's code whatever A has
    assert b_clear.sum() > 100
    assert np.array_equal(pictures[2][b_clear], b_there[b_clear])
    only_a = site.inside & ~in_b
    acol = np.floor((xs - data.A_ORIGIN[0]) / 20).astype(int)
    arow = np.floor((data.A_ORIGIN[1] - ys) / 20).astype(int)
    in_a = only_a & (arow >= 0) & (acol >= 0) & (arow < a3.shape[0]) & (acol < a3.shape[1])
    assert in_a.any() and np.array_equal(pictures[2][in_a], a3[arow[in_a], acol[in_a]])
    assert (pictures[2][~site.inside] == 255).all()


# -- errors, cancel, Processing ----------------------------------------------------------------------

def test_errors_are_neve_errors_with_codes(tiles, tmp_path):
    folder, paths, by_date, zones, ring = tiles
    out = job.SnowStatsOutputs(output_table=str(tmp_path / "s.csv"))
    cases = [
        (job.SnowStatsInputs(), job.SnowStatsParams(), out, "no_maps"),
        (job.SnowStatsInputs(inputs=(paths[0],)), job.SnowStatsParams(), job.SnowStatsOutputs(), "no_output"),
        (job.SnowStatsInputs(inputs=(paths[0],)), job.SnowStatsParams(aspect="4"), out, "aspect_needs_dem"),
        (job.SnowStatsInputs(inputs=(paths[0], zones)), job.SnowStatsParams(), out, "unreadable_map"),
        (job.SnowStatsInputs(inputs=(paths[0],), zones=zones), job.SnowStatsParams(zone_field="basin"), out,
         "no_zone_field"),
        (job.SnowStatsInputs(inputs=(paths[0],)), job.SnowStatsParams(dates="2018-01-01, 2018-01-02"), out,
         "dates_count"),
        (job.SnowStatsInputs(inputs=(paths[0],)), job.SnowStatsParams(min_clear=2.0), out, "not_fraction"),
        (job.SnowStatsInputs(inputs=(paths[0],)), job.SnowStatsParams(),
         job.SnowStatsOutputs(output_zones=str(tmp_path / "z.shp")), "vector_not_gpkg"),
    ]
    undated = data.write_map(tmp_path / "map.tif", np.zeros((3, 3), np.uint8), data.UTM31, data.A_ORIGIN)
    cases.append((job.SnowStatsInputs(inputs=(undated,)), job.SnowStatsParams(), out, "no_date"))
    for inputs, params, outputs, code in cases:
        with pytest.raises(NeveError) as raised:
            job.snow_stats(inputs, params, outputs)
        assert raised.value.code == code, (code, raised.value.message())
        assert raised.value.message()
    assert leftovers(tmp_path) == ["map.tif"]


def test_cancel_writes_nothing(tiles, tmp_path):
    folder, paths, by_date, zones, ring = tiles
    feedback = RecordingFeedback(cancel_at=10)
    with pytest.raises(Cancelled):
        job.snow_stats(job.SnowStatsInputs(inputs=tuple(paths), zones=zones), job.SnowStatsParams(zone_field="name"),
                       job.SnowStatsOutputs(output_table=str(tmp_path / "s.gpkg"), output_zones=str(tmp_path / "z.gpkg"),
                                            output_html=str(tmp_path / "r.html")), feedback, strip_pixels=500)
    assert leftovers(tmp_path) == []


def test_processing_run_with_a_zone_field_and_every_output(neve_provider, tiles, tmp_path):
    folder, paths, by_date, zones, ring = tiles
    result = run("neve:snowstats", {"INPUTS": paths, "ZONES": zones, "ZONE_FIELD": "name",
                                    "OUTPUT_TABLE": str(tmp_path / "stats.gpkg"),
                                    "OUTPUT_ZONES": str(tmp_path / "zones.gpkg"),
                                    "OUTPUT_HTML": str(tmp_path / "report.html")})
    assert result["MAPS_USED"] == 5 and result["DATES_USED"] == 3 and result["ZONES_COUNT"] == 1
    assert result["OUTPUT_TABLE"] == str(tmp_path / "stats.gpkg")
    rows = table_rows(tmp_path / "stats.gpkg")
    expected = data.hand_count(by_date["2018-01-05"], ring)
    assert total(rows, "across", "2018-01-05")["snow_km2"] == pytest.approx(expected["snow"], abs=1e-9)
    assert (tmp_path / "report.html").stat().st_size > 0 and (tmp_path / "zones.gpkg").stat().st_size > 0


def test_processing_table_output_accepts_csv(neve_provider, tiles, tmp_path):
    folder, paths, by_date, zones, ring = tiles
    algorithm = neve_provider.algorithm("snowstats")
    definition = algorithm.parameterDefinition("OUTPUT_TABLE")
    assert "csv" in definition.supportedOutputVectorLayerExtensions()
    field = algorithm.parameterDefinition("ZONE_FIELD")
    assert field.parentLayerParameterName() == "ZONES" and field.type() == "field"
    result = run("neve:snowstats", {"INPUTS": paths[:2], "ZONES": zones, "ZONE_FIELD": "name",
                                    "OUTPUT_TABLE": str(tmp_path / "stats.csv")})
    assert len(table_rows(result["OUTPUT_TABLE"])) == 1


def cli(tmp_path, *args, language="C.UTF-8"):
    import subprocess

    from conftest import ROOT

    link = tmp_path / "link"
    if not link.exists():
        link.mkdir()
        os.symlink(ROOT, str(link / "neve"))
    env = dict(os.environ, PYTHONPATH=str(link), LANG=language, LANGUAGE="", LC_ALL="")
    env.pop("QT_QPA_PLATFORM", None)
    return subprocess.run(["/usr/bin/python3", "-m", "neve", "snowstats", *args], env=env, capture_output=True,
                          text=True, timeout=300)


def test_command_line_writes_the_bytes_of_processing_run(neve_provider, mountain, tmp_path):
    folder, maps, codes, dem, dem_path, zones, inside = mountain
    for door in ("qgis", "cli"):
        (tmp_path / door).mkdir()
    parameters = {"INPUTS": maps, "ZONES": zones, "ZONE_FIELD": "name", "DEM": dem_path, "ASPECT": 1,
                  "OUTPUT_TABLE": str(tmp_path / "qgis" / "stats.csv"), "OUTPUT_HTML": str(tmp_path / "qgis" / "r.html")}
    in_qgis = run("neve:snowstats", parameters)
    result = cli(tmp_path, "--inputs", *maps, "--zones", zones, "--zone-field", "name", "--dem", dem_path,
                 "--aspect", "4", "--output-table", str(tmp_path / "cli" / "stats.csv"),
                 "--output-html", str(tmp_path / "cli" / "r.html"), "--json")
    assert result.returncode == 0, result.stderr
    import json

    on_cli = json.loads(result.stdout)
    assert {k: on_cli[k] for k in ("MAPS_USED", "DATES_USED", "ZONES_COUNT")} == \
        {k: in_qgis[k] for k in ("MAPS_USED", "DATES_USED", "ZONES_COUNT")}
    for name in ("stats.csv", "r.html"):
        assert (tmp_path / "cli" / name).read_bytes() == (tmp_path / "qgis" / name).read_bytes(), name


def test_command_line_in_french_with_exit_status_2_for_bad_input(tiles, tmp_path):
    folder, paths, by_date, zones, ring = tiles
    result = cli(tmp_path, "--output-table", str(tmp_path / "s.csv"), language="fr_FR.UTF-8")
    assert result.returncode == 2 and "Aucune carte de neige : donnez les cartes de neige à compter." in result.stderr
    result = cli(tmp_path, "--inputs", *paths, "--zones", zones, "--zone-field", "basin", "--output-table",
                 str(tmp_path / "s.csv"), language="fr_FR.UTF-8")
    assert result.returncode == 2 and "n'ont pas de champ basin" in result.stderr and "Traceback" not in result.stderr
    result = cli(tmp_path, "--inputs", *paths, "--zones", zones, "--zone-field", "name", "--output-html",
                 str(tmp_path / "r.html"), language="fr_FR.UTF-8")
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "Série du site : across" in page and "Estimation corrigée des nuages" in page and 'lang="fr"' in page
    assert not (tmp_path / "s.csv").exists()


WITHOUT_MATPLOTLIB = r"""
import sys
sys.modules["matplotlib"] = None      # "import matplotlib" now raises ImportError, as when it is not installed
sys.path[:0] = [sys.argv[1], "/usr/share/qgis/python/plugins"]
from qgis.core import QgsApplication
app = QgsApplication([], False)
app.initQgis()
import neve
plugin = neve.classFactory(None)
plugin.initProcessing()
algorithm = QgsApplication.processingRegistry().algorithmById("neve:snowstats")
print(algorithm.canExecute()[0])
from neve.plugin.cli import main
sys.exit(main(["snowstats"] + sys.argv[2:]))
"""


def test_without_matplotlib_the_plugin_loads_and_the_report_says_what_to_install(tiles, tmp_path):
    import subprocess
    import sys

    from conftest import _SESSION_DIR

    folder, paths, by_date, zones, ring = tiles
    report_path = tmp_path / "r.html"
    result = subprocess.run([sys.executable, "-c", WITHOUT_MATPLOTLIB, _SESSION_DIR, "--inputs", *paths,
                             "--output-html", str(report_path), "--output-table", str(tmp_path / "s.csv")],
                            capture_output=True, text=True, timeout=300,
                            env=dict(os.environ, QT_QPA_PLATFORM="offscreen", LANG="C.UTF-8",
                                     QGIS_CUSTOM_CONFIG_PATH=str(tmp_path / "profile")))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[0] == "True"       # runs: only the charts need matplotlib
    assert "python3-matplotlib" in result.stderr and "pip install matplotlib" in result.stderr
    page = report_path.read_text(encoding="utf-8")
    assert "<svg" not in page and page.count("Chart not drawn") >= 2 and "python3-matplotlib" in page
    assert len(table_rows(tmp_path / "s.csv")) == 3


def test_a_dem_in_another_crs_gives_bands_to_maps_of_both_utm_zones(tiles, tmp_path):
    """A DEM in WGS 84 rising eastwards: each tile's pixels get elevations resampled onto its own grid;
    the bands of each date add up to the zone, and the eastern tile (UTM 32) has the higher bands."""
    from rasterio.transform import from_origin

    folder, paths, by_date, zones, ring = tiles
    lon0, lat0, step = 5.95, 45.07, 0.0005
    columns, rows = 400, 200
    dem = np.tile((500.0 + 3000.0 * np.arange(columns) / columns).astype(np.float32), (rows, 1))
    dem_path = tmp_path / "dem_wgs84.tif"
    with rasterio.open(dem_path, "w", driver="GTiff", width=columns, height=rows, count=1, dtype="float32",
                       crs=data.WGS84, transform=from_origin(lon0, lat0, step, step)) as dst:
        dst.write(dem, 1)
    out = tmp_path / "stats.csv"
    job.snow_stats(job.SnowStatsInputs(inputs=(paths[3], paths[2]), zones=zones, dem=str(dem_path)),
                   job.SnowStatsParams(zone_field="name"), job.SnowStatsOutputs(output_table=str(out)))
    rows_ = table_rows(out)
    for date in ("2018-01-12", "2018-01-20"):
        whole = total(rows_, "across", date)
        bands = [r for r in rows_ if r["date"] == date and r["elevation_band"] not in ("all",)]
        assert len(bands) > 3
        for key in ("snow_km2", "no_snow_km2", "cloud_km2", "nodata_km2"):
            assert sum(r[key] for r in bands) == pytest.approx(whole[key], abs=1e-9)
        assert whole["snowline_m"] is not None
    # 2018-01-12: tile A only (west), 2018-01-20: B (east) listed first: higher bands appear
    highest = {date: max(r["band_min_m"] for r in rows_ if r["date"] == date and r["band_min_m"] is not None)
               for date in ("2018-01-12", "2018-01-20")}
    assert highest["2018-01-20"] > highest["2018-01-12"]


def test_an_output_on_an_input_is_refused_before_any_work(tiles, tmp_path):
    """Through pipeline/jobs.job, as every algorithm: the zones would be overwritten by the table."""
    folder, paths, by_date, zones, ring = tiles
    before = open(zones, "rb").read()
    with pytest.raises(NeveError) as raised:
        job.snow_stats(job.SnowStatsInputs(inputs=tuple(paths), zones=zones), job.SnowStatsParams(zone_field="name"),
                       job.SnowStatsOutputs(output_table=zones))
    assert raised.value.code == "output_is_input" and open(zones, "rb").read() == before
