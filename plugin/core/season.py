"""Snow-season synthesis of a time series of snow maps (DOMAIN.md section 5, LIS snow synthesis).

Inputs are blocks of a time stack, ``codes[observation, row, col]`` (uint8 map codes: 0 no snow, 1..100
snow, the snow map's 100 or a fractional snow cover; 205 cloud, 254/255 nodata), and the dates of the
observations as day numbers relative to DATE_START. Work by spatial blocks across the whole stack: memory
is bounded by the block, whatever the number of dates.

Steps, one function each:

1. :func:`hydrological_year`, :func:`season_length`, :func:`day_numbers`: the period and the day numbers;
2. :func:`select_observations`: keep observations from ``DATE_START - margin`` to ``DATE_STOP + margin``;
3. :func:`merge_same_day`: one map per date, a clear value wins over a gap (:func:`merge_into`: the same,
   one map at a time);
4. :func:`snow_season`: daily interpolation and SCD, SOD, SMOD, NOBS, NSP (and the daily stack);
5. :func:`observation_counts`, :func:`observed_snow_fraction`: the per-date snow-covered area for the
   report (the interpolated daily area comes with :func:`snow_season`: ``snow_pixels``, ``observed``);
   :func:`elevation_band_sums`: snow days against elevation.

Definitions (decided after LIS, which these follow unless said otherwise; checked in the LIS repository,
orfeotoolbox/let-it-snow, ``s2snow`` modules ``snow_synthesis``, ``compute_SOD_SMOD``, ``compute_NOBS``,
``compute_NSP``; described, not copied):

- **Day numbers.** Day 0 is DATE_START, day ``n_days - 1`` is DATE_STOP: the period is inclusive, as LIS's
  ``compute_output_dates`` (from DATE_START while date <= DATE_STOP). SOD and SMOD are day numbers, "days
  since DATE_START" with DATE_START = 0: they are indices in LIS's daily stack, whose first band is
  DATE_START. (So SOD 0 means both "snow from the first day" and "no SOD"; SCD tells them apart.)
- **Gaps and clear values.** Clear = code 0..100, snow = 1..100 (LIS: ``0 < code <= 100``), everything else
  is a gap (LIS counts 205, 254, 255 as gaps; a stray 101..204 would be clear snow-free in LIS, a gap
  here).
- **Same day.** The first clear value in the order given wins (LIS ``merge_masks_at_same_date``: main
  products before densification products); when no map is clear the last map's code is kept.
- **Margin.** Observations from ``-margin`` to ``n_days - 1 + margin`` (inclusive) are used; the others
  are ignored (LIS ``load_snow_products``). Margin days only steer the interpolation at the edges; only
  days 0 .. n_days - 1 are counted.
- **Interpolation.** Per pixel, linear in time between consecutive clear observations, the value of the
  first clear observation before it and of the last one after it (nearest valid value). A day is snow when
  the interpolated value is >= 0.5. Between a snow (1) and a no-snow (0) observation at days a and b this
  puts the change at the midpoint: snow on days ``a .. floor((a + b) / 2)`` after snow, from
  ``ceil((a + b) / 2)`` before snow; a day exactly at the midpoint (``b - a`` even) is snow. Computed
  exactly in integers, never in floating point. (LIS interpolates ``100 x snow`` with OTB's
  ImageTimeSeriesGapFilling to 8 bits and keeps ``2 v / 100 >= 1``: the same for gaps shorter than 200
  days.) A pixel never clear has no snow day.
- **SCD** = number of snow days in the period. **SOD / SMOD** = first / last day of the longest run of
  consecutive snow days within the period (runs cut at the period's ends); ties go to the *first* longest
  run (LIS takes Python's ``max`` over the runs in time order, which keeps the first); both 0 when SCD
  <= ``min_snow_days`` (10; LIS: ``sum > 10``).
- **NSP** = number of snow onsets, transitions from a no-snow day to a snow day between two consecutive
  days of the period. A period that starts in snow does not count an onset on day 0 (there is no day
  before it in the period), which is what a difference along the daily stack gives. LIS's
  ``compute_NSP`` means to count these (``diff > 0``) but takes the difference of an 8-bit stack, where
  snow-to-no-snow wraps around to 255 and counts too: ``nsp_count="changes"`` reproduces that (onsets
  plus melts).
- **NOBS** = number of clear (merged) observations. LIS counts every date it used, margin dates
  included (``compute_NOBS`` on the cloud stack of all loaded dates): the default here;
  ``nobs_period_only=True`` counts only dates inside the period.
"""
import datetime
from collections import namedtuple

import numpy as np

from .defaults import MAX_DATE_MARGIN, SEASON_DEFAULTS

CLEAR_MAX = 100          # clear codes are 0..CLEAR_MAX
CLOUD = 205              # the cloud code (other gaps are no data)
DEFAULT_MARGIN = SEASON_DEFAULTS["DATE_MARGIN"]          # days
MIN_SNOW_DAYS = SEASON_DEFAULTS["MIN_SNOW_DAYS"]         # SOD and SMOD are 0 unless SCD > MIN_SNOW_DAYS
ELEVATION_BAND = SEASON_DEFAULTS["ELEVATION_BAND"]       # metres, the dz of LIS's snowline histogram
MAX_DAYS = 20000         # longest period accepted (int16 day numbers with room for the margin)
MAX_MARGIN = MAX_DATE_MARGIN                             # days
CHUNK_PIXELS = 1 << 18   # pixels processed together by snow_season

_FAR_PAST = -32000       # a run that started before every observation

# Columns of observation_counts
COUNT_NO_SNOW, COUNT_SNOW, COUNT_CLOUD, COUNT_NODATA = 0, 1, 2, 3


# --------------------------------------------------------------------------------------------------
# 1. Period and day numbers
# --------------------------------------------------------------------------------------------------

def hydrological_year(year):
    """Default period: ``(date(year, 9, 1), date(year + 1, 8, 31))``, 1 September to 31 August."""
    return datetime.date(year, 9, 1), datetime.date(year + 1, 8, 31)


def season_length(date_start, date_stop):
    """Number of days of the period, both ends included (365 or 366 for a hydrological year)."""
    days = (date_stop - date_start).days + 1
    if days < 1:
        raise ValueError("DATE_STOP is before DATE_START")
    if days > MAX_DAYS:
        raise ValueError("period longer than {} days".format(MAX_DAYS))
    return days


def day_numbers(dates, date_start):
    """Day numbers of ``dates`` (datetime.date or datetime) relative to ``date_start`` (day 0), int64."""
    def as_date(value):
        return value.date() if isinstance(value, datetime.datetime) else value
    start = as_date(date_start)
    return np.array([(as_date(d) - start).days for d in dates], dtype=np.int64)


# --------------------------------------------------------------------------------------------------
# 2. Observations used
# --------------------------------------------------------------------------------------------------

def select_observations(days, n_days, margin=DEFAULT_MARGIN):
    """Boolean mask of the observations used: day in ``[-margin, n_days - 1 + margin]`` (inclusive)."""
    days = np.asarray(days, dtype=np.int64)
    return (days >= -int(margin)) & (days <= n_days - 1 + int(margin))


# --------------------------------------------------------------------------------------------------
# 3. Same-day merge
# --------------------------------------------------------------------------------------------------

def merge_same_day(codes, days):
    """One map per date: ``(unique_days, merged)``, dates in increasing order.

    ``codes``: (n_obs, rows, cols) uint8 map codes, ``days``: (n_obs,) day numbers in any order. Among maps
    of the same day the first clear value (0..100) in the order given wins; where none is clear the last
    map's code is kept (as LIS). ``merged`` is (n_dates, rows, cols); it is ``codes`` itself when the
    days are already strictly increasing (nothing to merge).
    """
    codes = np.asarray(codes)
    days = np.asarray(days, dtype=np.int64)
    if codes.shape[0] != days.shape[0]:
        raise ValueError("one day number per map is needed")
    if np.all(np.diff(days) > 0):
        return days, codes
    unique_days, inverse = np.unique(days, return_inverse=True)
    merged = np.empty((len(unique_days),) + codes.shape[1:], dtype=codes.dtype)
    for slot in range(len(unique_days)):
        members = np.flatnonzero(inverse == slot)
        out = merged[slot]
        out[...] = codes[members[-1]]
        for member in members[-2::-1]:          # earlier maps overwrite: the first clear value wins
            np.copyto(out, codes[member], where=codes[member] <= CLEAR_MAX)
    return unique_days, merged


def merge_into(merged, codes):
    """Merge one more map of the same day into ``merged`` (uint8 codes, changed in place): where
    ``merged`` is a gap it takes ``codes``. Merging a day's maps one after the other this way gives
    :func:`merge_same_day`'s result for that order (the first clear value wins; where none is clear, the
    last map's code), without holding the day's maps together."""
    np.copyto(merged, codes, where=merged > CLEAR_MAX)
    return merged


# --------------------------------------------------------------------------------------------------
# 4. SCD, SOD, SMOD, NOBS, NSP
# --------------------------------------------------------------------------------------------------

SeasonResult = namedtuple("SeasonResult", "scd sod smod nobs nsp daily observed snow_pixels counts")
SeasonResult.__doc__ = """Outputs of :func:`snow_season`, each (rows, cols) uint16: ``scd`` snow days, ``sod`` / ``smod`` first
and last day of the longest snow run (day numbers, 0 when SCD <= 10), ``nobs`` clear observations, ``nsp``
snow onsets; ``daily`` (n_days, rows, cols) uint8 0/1 when asked for, else None.

For the snow-covered area through the season, without the daily stack: ``observed`` (rows, cols) bool,
the pixel has at least one clear observation among those used (margin dates included), i.e. it has
interpolated daily values (a pixel never clear has none: all its days count as no snow);
``snow_pixels`` (n_days,) int64, the number of pixels of the block that are snow on each day. Both add
up over blocks: the snow-covered fraction of day d is ``sum(snow_pixels[d]) / sum(observed)``.
``counts``: when asked for, :func:`observation_counts` of the dates used (those within the margin),
counted during the scan; else None."""


class _Runs:
    """Accumulates the snow runs of every pixel, in time order, into SCD, the longest run, NSP, daily.

    :meth:`add` keeps the longest run as runs come (it needs their order); the sums (SCD, NSP, snow
    pixels per day) are made once by :meth:`finish` from the runs collected, as few numpy calls per run
    as possible being what keeps the scan fast where snow comes and goes often."""

    def __init__(self, n_pixels, n_days, daily, nsp_count):
        self.n_pixels = n_pixels
        self.n_days = n_days
        self.best = np.zeros(n_pixels, dtype=np.int32)   # length of the longest run so far
        self.sod = np.zeros(n_pixels, dtype=np.int32)    # its first day (its last: sod + best - 1)
        self.count_melts = nsp_count == "changes"
        self.pixels, self.lengths, self.firsts, self.lasts, self.onsets = [], [], [], [], []
        # Day-difference array: +1 on the first day of a run, -1 on the day after its end.
        self.diff = np.zeros((n_days + 1, n_pixels), dtype=np.int8) if daily else None

    def add(self, pixels, start, end):
        """Runs of snow days ``start .. end`` (inclusive, may reach outside the period) at ``pixels`` (each
        pixel at most once per call)."""
        last_day = self.n_days - 1
        first = np.maximum(start, 0)
        last = np.minimum(end, last_day)
        length = last - first + 1
        inside = length > 0
        if not inside.all():
            pixels, first, last, length = pixels[inside], first[inside], last[inside], length[inside]
            start, end = start[inside], end[inside]
        longer = length > self.best[pixels]             # strictly: the first longest run is kept
        won = pixels[longer]
        self.best[won] = length[longer]
        self.sod[won] = first[longer]
        self.pixels.append(pixels)
        self.lengths.append(length)
        self.firsts.append(first)
        self.lasts.append(last)
        self.onsets.append(pixels[start >= 1])          # a snow day after a no-snow day of the period
        if self.count_melts:
            self.onsets.append(pixels[end < last_day])  # a no-snow day follows inside the period
        if self.diff is not None:
            self.diff[first, pixels] += 1
            self.diff[last + 1, pixels] -= 1

    def finish(self):
        """``scd``, ``smod`` (``sod`` and ``best`` are kept as they come), ``nsp`` per pixel and
        ``area_diff`` (snow pixels per day, differenced) from the runs added."""
        size, days = self.n_pixels, self.n_days + 1
        if self.pixels:
            pixels, firsts, lasts = (np.concatenate(parts) for parts in (self.pixels, self.firsts, self.lasts))
            # bincount with weights sums in float64: exact for sums below 2**53
            self.scd = np.bincount(pixels, weights=np.concatenate(self.lengths), minlength=size).astype(np.int32)
            self.nsp = np.bincount(np.concatenate(self.onsets), minlength=size).astype(np.int32)
            self.area_diff = np.bincount(firsts, minlength=days) - np.bincount(lasts + 1, minlength=days)
        else:
            self.scd, self.nsp = np.zeros(size, np.int32), np.zeros(size, np.int32)
            self.area_diff = np.zeros(days, np.int64)
        self.smod = np.where(self.best > 0, self.sod + self.best - 1, 0)
        self.pixels = self.lengths = self.firsts = self.lasts = self.onsets = None
        return self


def snow_season(codes, days, n_days, margin=DEFAULT_MARGIN, daily=False,
                nobs_period_only=SEASON_DEFAULTS["NOBS_PERIOD_ONLY"], nsp_count=SEASON_DEFAULTS["NSP_COUNT"],
                min_snow_days=MIN_SNOW_DAYS, counts=False):
    """SCD, SOD, SMOD, NOBS, NSP (and optionally the daily snow stack) of a block of a time stack.

    ``codes``: (n_dates, rows, cols) uint8 map codes, one map per date (merge same-day maps first with
    :func:`merge_same_day`); ``days``: (n_dates,) day numbers relative to DATE_START, strictly increasing;
    ``n_days``: length of the period (:func:`season_length`). Dates outside ``[-margin, n_days - 1 +
    margin]`` are ignored. Definitions in the module docstring.

    Vectorised over pixels, looping over the observations (never over days x pixels): each clear
    observation closes the interval from the pixel's previous clear observation, and the runs of snow days
    follow from the midpoints of the intervals that change between snow and no snow.
    """
    codes = np.asarray(codes)
    days = np.asarray(days, dtype=np.int64)
    if codes.ndim != 3 or codes.shape[0] != days.shape[0]:
        raise ValueError("codes must be (n_dates, rows, cols) with one day number per date")
    if np.any(np.diff(days) <= 0):
        raise ValueError("day numbers must be strictly increasing: merge same-day maps first")
    if nsp_count not in ("onsets", "changes"):
        raise ValueError("nsp_count must be 'onsets' or 'changes'")
    if not 1 <= n_days <= MAX_DAYS:
        raise ValueError("n_days out of range")
    if not 0 <= margin <= MAX_MARGIN:
        raise ValueError("margin out of range")
    rows, cols = codes.shape[1:]
    n_pixels = rows * cols
    used = select_observations(days, n_days, margin)
    stack = codes.reshape(len(days), n_pixels)
    if not used.all():
        stack, days = stack[used], days[used]

    scd, sod, smod, nobs, nsp = (np.zeros(n_pixels, dtype=np.uint16) for _ in range(5))
    observed = np.zeros(n_pixels, dtype=bool)
    snow_pixels = np.zeros(n_days, dtype=np.int64)
    date_counts = np.zeros((len(days), 4), dtype=np.int64) if counts else None
    daily_stack = np.zeros((n_days, n_pixels), dtype=np.uint8) if daily else None
    # Pixels in chunks that keep the per-pixel state (about 10 bytes a pixel) in the processor's cache
    # (several times faster than one pass over a 512 x 5490 block).
    # With the daily stack, a chunk also holds (n_days + 1) bytes a pixel: at most about 32 MB of them.
    chunk_pixels = CHUNK_PIXELS if not daily else max(1, min(CHUNK_PIXELS, (32 << 20) // (n_days + 1)))
    for first in range(0, n_pixels, chunk_pixels):
        chunk = slice(first, min(n_pixels, first + chunk_pixels))
        runs, chunk_nobs, chunk_observed = _scan(stack[:, chunk], days, n_days, daily, nobs_period_only,
                                                 nsp_count, date_counts)
        enough = runs.scd > min_snow_days
        scd[chunk] = runs.scd
        sod[chunk] = np.where(enough, runs.sod, 0)
        smod[chunk] = np.where(enough, runs.smod, 0)
        nobs[chunk] = chunk_nobs
        nsp[chunk] = runs.nsp
        observed[chunk] = chunk_observed
        snow_pixels += np.cumsum(runs.area_diff[:n_days])
        if daily:
            np.cumsum(runs.diff[:n_days], axis=0, dtype=np.int8, out=daily_stack[:, chunk].view(np.int8))
    shape = (rows, cols)
    return SeasonResult(scd=scd.reshape(shape), sod=sod.reshape(shape), smod=smod.reshape(shape),
                        nobs=nobs.reshape(shape), nsp=nsp.reshape(shape),
                        daily=None if daily_stack is None else daily_stack.reshape((n_days,) + shape),
                        observed=observed.reshape(shape), snow_pixels=snow_pixels, counts=date_counts)


def _scan(stack, days, n_days, daily, nobs_period_only, nsp_count, counts=None):
    """The observations of ``stack`` (n_dates, n_pixels) in time order, per pixel: returns the
    :class:`_Runs`, NOBS and whether the pixel had a clear observation; adds the counts of codes of each
    date to ``counts`` ((n_dates, 4), as :func:`observation_counts`) when given."""
    n_obs, n_pixels = stack.shape
    runs = _Runs(n_pixels, n_days, daily, nsp_count)
    # Per pixel: the previous clear observation, as its 1-based index (0: none yet; its day is
    # day_of[prev]), and whether it was snow or snow-free. One byte each while there are fewer than 255
    # observations: the loop below is bound by memory traffic.
    small = n_obs < 255
    index_type = np.uint8 if small else np.uint16
    day_of = np.concatenate([[0], days]).astype(np.int32)
    prev = np.zeros(n_pixels, dtype=index_type)
    mark = np.empty(n_pixels, dtype=index_type)
    nobs = np.zeros(n_pixels, dtype=index_type)
    prev_snow = np.zeros(n_pixels, dtype=bool)         # the previous clear observation was snow
    prev_no_snow = np.zeros(n_pixels, dtype=bool)      # it was clear and snow-free
    run_start = np.full(n_pixels, _FAR_PAST, dtype=np.int16)   # first day of the current run
    clear = np.empty(n_pixels, dtype=bool)
    snow = np.empty(n_pixels, dtype=bool)
    no_snow = np.empty(n_pixels, dtype=bool)
    ends = np.empty(n_pixels, dtype=bool)
    starts = np.empty(n_pixels, dtype=bool)
    clear_bytes = clear.view(np.uint8)

    # Masked copies (np.copyto with where=) are slow on irregular masks: the state is updated with
    # boolean algebra, and the previous clear observation by a running maximum of its index.
    for index, day in enumerate(days.tolist()):
        code = stack[index]
        np.less_equal(code, CLEAR_MAX, out=clear)
        np.equal(code, 0, out=no_snow)
        np.not_equal(clear, no_snow, out=snow)          # clear and not 0 (no_snow implies clear)
        if counts is not None:                           # (ends is free here)
            n_clear, n_no_snow = np.count_nonzero(clear), np.count_nonzero(no_snow)
            n_cloud = np.count_nonzero(np.equal(code, CLOUD, out=ends))
            counts[index] += (n_no_snow, n_clear - n_no_snow, n_cloud, n_pixels - n_clear - n_cloud)
        # snow -> no snow: the run ends on the last day at or before the midpoint
        np.logical_and(prev_snow, no_snow, out=ends)
        ending = np.flatnonzero(ends)
        if ending.size:
            runs.add(ending, run_start[ending].astype(np.int32), (day_of[prev[ending]] + day) // 2)
        # no snow -> snow: a run starts on the first day at or after the midpoint
        np.logical_and(prev_no_snow, snow, out=starts)
        starting = np.flatnonzero(starts)
        if starting.size:
            run_start[starting] = (day_of[prev[starting]] + day + 1) // 2
        # (a first clear observation that is snow starts a run from the far past: run_start's default)
        prev_snow ^= ends                                # snow -> no snow
        prev_snow |= snow
        prev_no_snow ^= starts                           # no snow -> snow
        prev_no_snow |= no_snow
        np.multiply(clear_bytes, index_type(index + 1), out=mark)
        np.maximum(prev, mark, out=prev)
        if not nobs_period_only or 0 <= day < n_days:
            np.add(nobs, clear_bytes, out=nobs, casting="unsafe")

    open_runs = np.flatnonzero(prev_snow)                 # snow at the last clear observation: to the end
    if open_runs.size:
        runs.add(open_runs, run_start[open_runs].astype(np.int32),
                 np.full(open_runs.size, n_days + 1, dtype=np.int32))
    # after its first clear observation a pixel is either snow or snow-free, never neither
    return runs.finish(), nobs, prev_snow | prev_no_snow


# --------------------------------------------------------------------------------------------------
# 5. Per-date snow-covered area for the report
# --------------------------------------------------------------------------------------------------

def observation_counts(codes):
    """Pixel counts per date, (n_dates, 4) int64: no snow (0), snow (1..100), cloud (205), nodata (any
    other code). Counts of blocks add up."""
    codes = np.asarray(codes)
    counts = np.zeros((codes.shape[0], 4), dtype=np.int64)
    for index, code in enumerate(codes):
        no_snow = np.count_nonzero(code == 0)
        clear = np.count_nonzero(code <= CLEAR_MAX)
        cloud = np.count_nonzero(code == CLOUD)
        counts[index] = (no_snow, clear - no_snow, cloud, code.size - clear - cloud)
    return counts


def observed_snow_fraction(counts):
    """Snow fraction of the clear pixels per date (NaN on a date without clear pixel), from
    :func:`observation_counts`; and the cloud fraction of the non-nodata pixels, as a pair of arrays."""
    counts = np.asarray(counts, dtype=np.float64)
    clear = counts[:, COUNT_NO_SNOW] + counts[:, COUNT_SNOW]
    seen = clear + counts[:, COUNT_CLOUD]
    with np.errstate(divide="ignore", invalid="ignore"):
        snow = np.where(clear > 0, counts[:, COUNT_SNOW] / clear, np.nan)
        cloud = np.where(seen > 0, counts[:, COUNT_CLOUD] / seen, np.nan)
    return snow, cloud


def elevation_band_sums(scd, elevation, valid, band_width=ELEVATION_BAND):
    """Snow days against elevation, as sums that add up over blocks.

    ``scd`` (rows, cols) snow days, ``elevation`` (rows, cols) metres (NaN where unknown), ``valid``
    (rows, cols) bool, the pixels to count (those with at least one clear observation: ``observed`` of
    :func:`snow_season`); ``band_width`` in metres (100 m, the ``dz`` of LIS's snowline histogram). Band
    ``k`` holds the elevations ``k * band_width <= z < (k + 1) * band_width``.

    Returns ``(bands, scd_sum, pixels)``: int64 band indices ``k`` in increasing order, the sum of SCD
    and the number of pixels in each (only bands with pixels). The mean snow days of band ``k`` is
    ``scd_sum / pixels``.
    """
    if not band_width > 0:
        raise ValueError("band_width must be positive")
    elevation = np.asarray(elevation)
    keep = np.asarray(valid, dtype=bool) & np.isfinite(elevation)
    if not keep.any():
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty.copy(), empty.copy()
    band = np.floor(elevation[keep] / band_width).astype(np.int64)
    low = band.min()
    pixels = np.bincount(band - low)
    scd_sum = np.bincount(band - low, weights=np.asarray(scd)[keep]).round().astype(np.int64)
    present = np.flatnonzero(pixels)
    return present + low, scd_sum[present], pixels[present]
