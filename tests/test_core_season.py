"""Snow-season synthesis (plugin/core/season.py) on small hand-made series.

Each pixel is one scenario; the expected SCD, SOD, SMOD, NOBS and NSP are worked out by hand in the
comments. Codes: 0 no snow, 1..100 snow, 205 cloud, 254/255 nodata. Day 0 is DATE_START.
"""
import datetime
from fractions import Fraction

import numpy as np
import pytest

from neve.plugin.core import season

S, N, C, X = 100, 0, 205, 255        # snow, no snow, cloud, nodata


def series(days, *pixels):
    """A (n_dates, 1, n_pixels) stack from one list of codes per pixel."""
    codes = np.array(pixels, dtype=np.uint8).T[:, None, :]
    return codes, np.array(days)


def run(days, pixels, n_days=30, **options):
    codes, days = series(days, *pixels)
    result = season.snow_season(codes, days, n_days, **options)
    return {name: getattr(result, name)[0].tolist() for name in ("scd", "sod", "smod", "nobs", "nsp")}, result


# --------------------------------------------------------------------------------------------------
# Period and days
# --------------------------------------------------------------------------------------------------

def test_period_and_day_numbers():
    start, stop = season.hydrological_year(2023)
    assert (start, stop) == (datetime.date(2023, 9, 1), datetime.date(2024, 8, 31))
    assert season.season_length(start, stop) == 366            # 2024 has a 29 February
    assert season.season_length(*season.hydrological_year(2022)) == 365
    days = season.day_numbers([datetime.date(2023, 9, 1), datetime.datetime(2023, 9, 3, 10, 56),
                               datetime.date(2023, 8, 20)], start)
    assert days.tolist() == [0, 2, -12]
    with pytest.raises(ValueError):
        season.season_length(stop, start)


def test_select_observations_margin_is_inclusive():
    # period of 30 days (0..29), margin 15: -15 .. 44 are used
    assert season.select_observations([-16, -15, 0, 29, 44, 45], 30, 15).tolist() == [
        False, True, True, True, True, False]


# --------------------------------------------------------------------------------------------------
# Same-day merge
# --------------------------------------------------------------------------------------------------

def test_two_maps_on_the_same_day():
    # day 3: cloud then snow -> snow (a clear value wins); day 7: no snow then snow -> no snow (the first
    # clear value wins); day 9: nodata then cloud -> cloud (none clear: the last map's code);
    # day 5 alone. Input order of the days does not matter.
    codes = np.array([[[C]], [[N]], [[S]], [[X]], [[S]], [[50]], [[C]]], dtype=np.uint8)
    days = np.array([3, 7, 3, 9, 7, 5, 9])
    merged_days, merged = season.merge_same_day(codes, days)
    assert merged_days.tolist() == [3, 5, 7, 9]
    assert merged[:, 0, 0].tolist() == [S, 50, N, C]


def test_merge_without_duplicates_keeps_the_stack():
    codes = np.zeros((3, 2, 2), np.uint8)
    merged_days, merged = season.merge_same_day(codes, [1, 4, 9])
    assert merged_days.tolist() == [1, 4, 9] and merged is codes


def test_same_day_merge_changes_the_season():
    # one pixel, 30 days: day 10 has a cloudy map and a snow map; day 20 no snow.
    # merged: snow on day 10 (clear wins) -> snow from day 0 (nearest valid before the first observation)
    # to floor((10 + 20) / 2) = 15 -> SCD 16, SOD 0, SMOD 15, NOBS 2, NSP 0
    codes = np.array([[[C]], [[S]], [[N]]], dtype=np.uint8)
    merged_days, merged = season.merge_same_day(codes, [10, 10, 20])
    result = season.snow_season(merged, merged_days, 30)
    assert (result.scd[0, 0], result.sod[0, 0], result.smod[0, 0], result.nobs[0, 0], result.nsp[0, 0]) == (
        16, 0, 15, 2, 0)


# --------------------------------------------------------------------------------------------------
# SCD, SOD, SMOD, NOBS, NSP
# --------------------------------------------------------------------------------------------------

def test_gaps_at_the_start_and_at_the_end():
    days = [5, 15, 25]
    out, _ = run(days, [
        # A: snow 5, snow 15, no snow 25. Days 0-4 take the first clear value (snow); 15 -> 25 changes at
        #    the midpoint 20 (value 0.5: snow). Snow 0..20: SCD 21, SOD 0, SMOD 20, NSP 0 (starts in snow)
        [S, S, N],
        # B: cloud 5, no snow 15, snow 25: days 0-14 no snow (nearest valid is day 15), snow from
        #    ceil(20) = 20 to the end (29, nearest valid after the last observation): SCD 10 <= 10 ->
        #    SOD = SMOD = 0; NSP 1; NOBS 2
        [C, N, S],
        # C: never clear: nothing
        [C, X, C],
        # D: no snow 5, snow 15, cloud 25: snow from 10 to 29: SCD 20, SOD 10, SMOD 29, NSP 1
        [N, S, C],
    ])
    assert out["scd"] == [21, 10, 0, 20]
    assert out["sod"] == [0, 0, 0, 10]
    assert out["smod"] == [20, 0, 0, 29]
    assert out["nobs"] == [3, 2, 0, 2]
    assert out["nsp"] == [0, 1, 0, 1]


def test_value_exactly_half():
    # A: snow 0, no snow 4: day 2 is at the midpoint, value 0.5 -> snow; days 0, 1, 2: SCD 3
    # B: snow 0, no snow 5: midpoint 2.5; day 2 value 0.6 snow, day 3 value 0.4 not: SCD 3
    # C: no snow 0, snow 4 (day 2 value 0.5 -> snow, snow 2..29): SCD 28, SOD 2, SMOD 29, NSP 1
    # D: no snow 0, snow 5 (day 2 value 0.4, day 3 value 0.6): snow 3..29: SCD 27, SOD 3
    days = [0, 4, 5]
    out, _ = run(days, [[S, N, C], [S, C, N], [N, S, C], [N, C, S]])
    assert out["scd"] == [3, 3, 28, 27]
    assert out["sod"] == [0, 0, 2, 3] and out["smod"] == [0, 0, 29, 29]
    assert out["nsp"] == [0, 0, 1, 1]


def test_sod_smod_need_more_than_10_snow_days():
    # A: snow 0..9 (no snow at day 19: midpoint 9.5 -> snow 0..9): SCD 10 -> SOD = SMOD = 0
    # B: no snow at day 21: midpoint 10.5 -> snow 0..10: SCD 11 -> SOD 0, SMOD 10
    out, _ = run([0, 19, 21], [[S, N, C], [S, C, N]])
    assert out["scd"] == [10, 11] and out["sod"] == [0, 0] and out["smod"] == [0, 10]
    # the threshold is a parameter
    out, _ = run([0, 19, 21], [[S, N, C], [S, C, N]], min_snow_days=5)
    assert out["smod"] == [9, 10]


def test_runs_of_equal_length_the_first_wins():
    # 50 days. A: no snow 0, snow 4, snow 14, no snow 18, snow 22, no snow 46:
    #   run 1 from ceil(2) = 2 to floor(16) = 16 (15 days); run 2 from ceil(20) = 20 to floor(34) = 34
    #   (15 days): equal -> the first: SOD 2, SMOD 16; SCD 30; NSP 2 onsets
    # B: the same but no snow at 48 instead of 46: run 2 ends at floor(35) = 35, 16 days: the longer wins
    days = [0, 4, 14, 18, 22, 46, 48]
    out, _ = run(days, [[N, S, S, N, S, N, C], [N, S, S, N, S, C, N]], n_days=50)
    assert out["scd"] == [30, 31]
    assert out["sod"] == [2, 20] and out["smod"] == [16, 35]
    assert out["nsp"] == [2, 2]
    # LIS's NSP (8-bit difference): onsets and melts: 2 + 2
    out, _ = run(days, [[N, S, S, N, S, N, C], [N, S, S, N, S, C, N]], n_days=50, nsp_count="changes")
    assert out["nsp"] == [4, 4]


def test_fractional_snow_cover_codes_are_snow():
    # FSC maps: 1..100 is snow, 0 no snow. A: 1 (1 % snow) on day 0, 0 on day 10 -> snow 0..5: SCD 6
    out, _ = run([0, 10], [[1, N], [N, 100]], n_days=11)
    assert out["scd"] == [6, 6]


def test_dates_outside_the_margin_are_ignored():
    # 30 days. A: no snow on day -16, snow on day 20.
    #   margin 15: day -16 ignored -> snow every day (nearest valid is day 20): SCD 30, NOBS 1
    #   margin 16: used -> change at floor/ceil(2) = 2: snow 2..29: SCD 28, NSP 1, NOBS 2
    # B: snow on day 10, no snow on day 45 (= 29 + 16).
    #   margin 15: ignored -> snow 0..29, SCD 30; margin 16: change at floor(27.5) = 27: SCD 28
    days = [-16, 10, 20, 45]
    out15, _ = run(days, [[N, C, S, C], [C, S, C, N]], margin=15)
    out16, _ = run(days, [[N, C, S, C], [C, S, C, N]], margin=16)
    assert out15["scd"] == [30, 30] and out15["nobs"] == [1, 1]
    assert out16["scd"] == [28, 28] and out16["nobs"] == [2, 2]
    assert out16["sod"] == [2, 0] and out16["smod"] == [29, 27] and out16["nsp"] == [1, 0]


def test_nobs_counts_margin_dates_unless_asked():
    # observations on days -10 (margin), 5, 40 (margin), period of 30 days: LIS counts 3, in-period 1
    out, _ = run([-10, 5, 40], [[N, S, N]])
    assert out["nobs"] == [3]
    out, _ = run([-10, 5, 40], [[N, S, N]], nobs_period_only=True)
    assert out["nobs"] == [1]


def test_snow_runs_cut_at_the_period_ends():
    # 20 days. Snow on -10 (margin), no snow 4, snow 16, no snow 30 (margin):
    # run 1 from the far past to floor(-3) = -3: outside the period, nothing;
    # 4 -> 16: snow from ceil(10) = 10; 16 -> 30: to floor(23) = 23, cut at day 19: snow 10..19: SCD 10
    # NSP 1 (onset on day 10, inside the period). A run starting exactly on day 0 is no onset:
    # B: no snow -4, snow 4: change at day 0 -> snow 0..19, SCD 20, NSP 0
    out, _ = run([-10, -4, 4, 16, 30], [[S, C, N, S, N], [C, N, S, C, C]], n_days=20)
    assert out["scd"] == [10, 20] and out["nsp"] == [1, 0]
    assert out["sod"] == [0, 0] and out["smod"] == [0, 19]
    _, result = run([-10, -4, 4, 16, 30], [[S, C, N, S, N], [C, N, S, C, C]], n_days=20, daily=True)
    assert result.daily[:, 0, 0].tolist() == [0] * 10 + [1] * 10
    assert result.daily[:, 0, 1].tolist() == [1] * 20


def test_daily_stack():
    # no snow 0, snow 4, no snow 9 in a 12-day period: snow from ceil(2) = 2 to floor(6.5) = 6
    _, result = run([0, 4, 9], [[N, S, N]], n_days=12, daily=True)
    assert result.daily.shape == (12, 1, 1) and result.daily.dtype == np.uint8
    assert result.daily[:, 0, 0].tolist() == [0, 0, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0]
    assert season.snow_season(*series([0, 4], [N, S]), 12).daily is None


def test_days_must_be_merged_and_increasing():
    codes, days = series([3, 3], [N, S])
    with pytest.raises(ValueError):
        season.snow_season(codes, days, 10)


# --------------------------------------------------------------------------------------------------
# A reference implementation written differently: day by day, exact fractions
# --------------------------------------------------------------------------------------------------

def reference(codes, days, n_days, margin):
    """Per pixel, day by day: interpolate in exact fractions, then count runs with plain Python."""
    merged = {}
    for day, code in zip(days, codes):
        if -margin <= day <= n_days - 1 + margin:
            if day not in merged or (merged[day] > 100 and code <= 100):
                merged[day] = code
    clear = sorted((d, 1 if 1 <= c <= 100 else 0) for d, c in merged.items() if c <= 100)
    nobs = len(clear)
    if not clear:
        return 0, 0, 0, nobs, 0, [0] * n_days
    daily = []
    for day in range(n_days):
        before = [o for o in clear if o[0] <= day]
        after = [o for o in clear if o[0] >= day]
        if not before:
            value = Fraction(after[0][1])
        elif not after:
            value = Fraction(before[-1][1])
        else:
            (d0, v0), (d1, v1) = before[-1], after[0]
            value = Fraction(v0) if d0 == d1 else v0 + Fraction(v1 - v0) * Fraction(day - d0, d1 - d0)
        daily.append(1 if value >= Fraction(1, 2) else 0)
    runs, start = [], None
    for day, value in enumerate(daily + [0]):
        if value and start is None:
            start = day
        if not value and start is not None:
            runs.append((start, day - 1))
            start = None
    scd = sum(daily)
    sod = smod = 0
    if scd > 10:
        best = max(runs, key=lambda r: r[1] - r[0])        # max() keeps the first of equal runs
        sod, smod = best
    nsp = sum(1 for a, b in zip(daily, daily[1:]) if a == 0 and b == 1)
    return scd, sod, smod, nobs, nsp, daily


def test_against_a_day_by_day_reference():
    rng = np.random.default_rng(2024)
    n_days, margin = 60, 15
    for trial in range(12):
        n_obs = int(rng.integers(1, 25))
        days = rng.integers(-25, 85, n_obs)                 # some outside the margin, some on the same day
        codes = rng.choice(np.array([0, 0, 40, 100, 100, 205, 255], np.uint8), size=(n_obs, 3, 7))
        merged_days, merged = season.merge_same_day(codes, days)
        result = season.snow_season(merged, merged_days, n_days, margin=margin, daily=True)
        for row in range(3):
            for col in range(7):
                scd, sod, smod, nobs, nsp, daily = reference(codes[:, row, col].tolist(), days.tolist(),
                                                             n_days, margin)
                got = (result.scd[row, col], result.sod[row, col], result.smod[row, col],
                       result.nobs[row, col], result.nsp[row, col])
                assert got == (scd, sod, smod, nobs, nsp), (trial, row, col)
                assert result.daily[:, row, col].tolist() == daily


def test_results_do_not_depend_on_the_block():
    rng = np.random.default_rng(9)
    days = np.sort(rng.choice(np.arange(-15, 80), 20, replace=False))
    codes = rng.choice(np.array([0, 100, 205], np.uint8), size=(20, 12, 9))
    whole = season.snow_season(codes, days, 60)
    for name in ("scd", "sod", "smod", "nobs", "nsp"):
        parts = np.concatenate([getattr(season.snow_season(codes[:, r:r + 5], days, 60), name)
                                for r in range(0, 12, 5)])
        assert np.array_equal(parts, getattr(whole, name))


# --------------------------------------------------------------------------------------------------
# Per-date snow-covered area for the report
# --------------------------------------------------------------------------------------------------

def test_observation_counts_and_fractions():
    codes = np.array([[[0, 50, 100, 205, 255, 254]], [[205, 205, 255, 255, 255, 255]]], dtype=np.uint8)
    counts = season.observation_counts(codes)
    # date 0: no snow 1, snow 2 (50 and 100), cloud 1, nodata 2; date 1: cloud 2, nodata 4
    assert counts.tolist() == [[1, 2, 1, 2], [0, 0, 2, 4]]
    snow_fraction, cloud_fraction = season.observed_snow_fraction(counts)
    # date 0: snow 2 of 3 clear, cloud 1 of 4 seen; date 1: no clear pixel -> NaN, cloud 2 of 2
    assert snow_fraction[0] == pytest.approx(2 / 3) and np.isnan(snow_fraction[1])
    assert cloud_fraction.tolist() == [0.25, 1.0]
    # counts of blocks add up
    halves = season.observation_counts(codes[:, :, :3]) + season.observation_counts(codes[:, :, 3:])
    assert np.array_equal(halves, counts)


# --------------------------------------------------------------------------------------------------
# Interpolated snow-covered area and snow days against elevation, for the report
# --------------------------------------------------------------------------------------------------

def test_observed_pixels_and_daily_snow_area_by_hand():
    # 12 days, observations on days 0, 4, 9 (as test_daily_stack):
    # A: no snow, snow, no snow -> snow on days 2..6 (ceil(2) .. floor(6.5))
    # B: snow, cloud, snow -> snow every day
    # C: never clear -> not observed, no snow day
    # D: clear only on day -10 (margin, no snow) -> observed, no snow
    _, result = run([-10, 0, 4, 9], [[C, N, S, N], [C, S, C, S], [C, C, X, C], [N, C, C, C]], n_days=12)
    assert result.observed[0].tolist() == [True, True, False, True]
    expected = [1 + (1 if 2 <= day <= 6 else 0) for day in range(12)]
    assert result.snow_pixels.tolist() == expected


def test_daily_snow_area_and_observed_against_the_reference():
    rng = np.random.default_rng(77)
    n_days, margin = 45, 15
    for trial in range(6):
        n_obs = int(rng.integers(1, 20))
        days = rng.integers(-20, 65, n_obs)
        codes = rng.choice(np.array([0, 0, 60, 100, 205, 255], np.uint8), size=(n_obs, 4, 6))
        merged_days, merged = season.merge_same_day(codes, days)
        result = season.snow_season(merged, merged_days, n_days, margin=margin)
        area = np.zeros(n_days, dtype=np.int64)
        for row in range(4):
            for col in range(6):
                used = [c for d, c in zip(days.tolist(), codes[:, row, col].tolist())
                        if -margin <= d <= n_days - 1 + margin]
                assert result.observed[row, col] == any(c <= 100 for c in used), (trial, row, col)
                area += reference(codes[:, row, col].tolist(), days.tolist(), n_days, margin)[5]
        assert result.snow_pixels.tolist() == area.tolist(), trial


def test_daily_snow_area_adds_up_over_blocks_and_chunks(monkeypatch):
    rng = np.random.default_rng(5)
    days = np.sort(rng.choice(np.arange(-10, 70), 15, replace=False))
    codes = rng.choice(np.array([0, 100, 205], np.uint8), size=(15, 9, 8))
    whole = season.snow_season(codes, days, 60)
    monkeypatch.setattr(season, "CHUNK_PIXELS", 7)       # several pixel chunks per block
    parts = [season.snow_season(codes[:, r:r + 4], days, 60) for r in range(0, 9, 4)]
    assert np.array_equal(sum(p.snow_pixels for p in parts), whole.snow_pixels)
    assert np.array_equal(np.concatenate([p.observed for p in parts]), whole.observed)


def test_elevation_band_sums_by_hand():
    # band width 100 m: 40 -> band 0, 99.9 -> 0, 100 -> 1, 250 -> 2, -5 -> -1; NaN and invalid left out
    scd = np.array([[10, 20, 30], [40, 50, 60]])
    elevation = np.array([[40.0, 99.9, 100.0], [250.0, np.nan, -5.0]])
    valid = np.array([[True, True, True], [True, True, True]])
    bands, sums, pixels = season.elevation_band_sums(scd, elevation, valid, 100.0)
    assert bands.tolist() == [-1, 0, 1, 2]
    assert sums.tolist() == [60, 30, 30, 40] and pixels.tolist() == [1, 2, 1, 1]
    valid[0, 0] = False                                  # a pixel never clear is not counted
    bands, sums, pixels = season.elevation_band_sums(scd, elevation, valid, 100.0)
    assert sums.tolist() == [60, 20, 30, 40] and pixels.tolist() == [1, 1, 1, 1]
    bands, sums, pixels = season.elevation_band_sums(scd, elevation, np.zeros((2, 3), bool))
    assert bands.size == sums.size == pixels.size == 0
    with pytest.raises(ValueError):
        season.elevation_band_sums(scd, elevation, valid, 0)


def test_merge_into_one_map_at_a_time_equals_merge_same_day():
    rng = np.random.default_rng(11)
    for trial in range(10):
        n_maps = int(rng.integers(2, 5))
        codes = rng.choice(np.array([0, 30, 100, 205, 254, 255], np.uint8), size=(n_maps, 3, 4))
        _, expected = season.merge_same_day(codes, np.zeros(n_maps, dtype=np.int64))
        merged = codes[0].copy()
        for other in codes[1:]:
            season.merge_into(merged, other)
        assert np.array_equal(merged, expected[0]), trial
    # by hand: cloud then snow -> snow; no snow then snow -> no snow; nodata then cloud -> cloud
    merged = np.array([C, N, X], np.uint8)
    assert season.merge_into(merged, np.array([S, S, C], np.uint8)).tolist() == [S, N, C]


def test_counts_made_during_the_scan_equal_observation_counts(monkeypatch):
    rng = np.random.default_rng(3)
    days = np.array([-20, -3, 4, 9, 30, 51])                 # -20 and 51 outside the margin of 15
    codes = rng.choice(np.array([0, 20, 100, 205, 254, 255], np.uint8), size=(6, 5, 7))
    monkeypatch.setattr(season, "CHUNK_PIXELS", 8)             # counts add up over chunks
    result = season.snow_season(codes, days, 30, counts=True)
    assert np.array_equal(result.counts, season.observation_counts(codes[1:5]))
    assert season.snow_season(codes, days, 30).counts is None
