"""The rows of ``snowstats``' table (``pipeline/stats.py``), column by column: each zone and date, all elevations
and aspects, each elevation band, each aspect, each band and aspect, with the regional snowline and the
cloud-corrected estimate (``core/stats.py``), from the square metres the counting added up per date
(:func:`date_rows`); :class:`StatsTable` holds them all for the outputs, :class:`StatsRow` is one."""
from dataclasses import dataclass

import numpy as np

from ..core import stats

ALL = "all"
UNKNOWN = "unknown"
KM2 = 1e-6


@dataclass(frozen=True)
class StatsRow:
    """One row of the table: a zone, a date, an elevation band ("all", "1200-1300", "unknown") with its
    limits in metres (None for all and unknown), an aspect ("all", "N", ..., "flat", "unknown"); areas
    in km2 (``snow_km2``: the snow-covered area, fractional snow cover counted as its fraction of the
    pixel); ``snow_percent`` of the clear area; ``clear_share`` of the whole (0..1); ``reliable`` when
    ``clear_share`` >= MIN_CLEAR; ``estimate_km2``: the cloud-corrected snow-covered area (an
    estimate); ``snowline`` (m) and ``misclassified`` (0..1), the regional snowline and its
    uncertainty, on the rows of all elevations and aspects; ``maps``: the maps of the date."""

    zone: str
    date: object
    band: str
    band_min: float
    band_max: float
    aspect: str
    snow_km2: float
    no_snow_km2: float
    cloud_km2: float
    nodata_km2: float
    snow_percent: float
    clear_share: float
    reliable: bool
    estimate_km2: float
    snowline: float
    misclassified: float
    maps: int

    @property
    def is_total(self):
        return self.band == ALL and self.aspect == ALL


NO_BAND = np.iinfo(np.int64).max      # the band of the pixels without elevation
ALL_BANDS = np.iinfo(np.int64).min    # the rows of all elevations
ALL_ASPECTS = -1
#: Sections of the rows of a zone and date, in the table's order.
TOTAL, BAND, ASPECT, BAND_ASPECT = 0, 1, 2, 3


def sums_by(keys, values):
    """Distinct rows of ``keys`` (n, k) int64 in increasing order, and the sums of ``values`` (n, m) over
    each."""
    keys = np.asarray(keys, dtype=np.int64)
    if keys.shape[0] == 0:
        return keys, np.zeros((0, values.shape[1]))
    order = np.lexsort(keys.T[::-1])
    keys, values = keys[order], values[order]
    starts = np.flatnonzero(np.r_[True, (keys[1:] != keys[:-1]).any(axis=1)])
    return keys[starts], np.add.reduceat(values, starts, axis=0)


def estimate_sums(keys, estimates):
    """Distinct rows of ``keys`` and the sums of ``estimates`` over each, NaN where none is known."""
    finite = np.isfinite(estimates)
    unique, sums = sums_by(keys, np.stack((np.where(finite, estimates, 0.0), finite.astype(np.float64)), axis=1))
    return unique, np.where(sums[:, 1] > 0, sums[:, 0], np.nan)


def date_rows(totals, counter, params):
    """The rows of every zone on one date, as columns (a dict of arrays, see :class:`StatsTable`); None
    when no map covers a zone on that date."""
    parts = []
    for group in counter.grids:
        values = totals.values.get(group.number)
        if values is not None:
            n = values.shape[0]
            table = group.table
            parts.append((table.zone[:n], table.bin[:n], table.aspect[:n], values))
    if not parts:
        return None
    zone = np.concatenate([p[0] for p in parts])
    bins = np.concatenate([p[1] for p in parts])
    aspect = np.concatenate([p[2] for p in parts])
    values = np.concatenate([p[3] for p in parts])
    observed = values[:, [stats.NO_SNOW, stats.SNOW, stats.CLOUD, stats.NODATA]].sum(axis=1) > 0
    zone, bins, aspect, values = zone[observed], bins[observed], aspect[observed], values[observed]
    if not zone.size:
        return None
    known = bins != stats.UNKNOWN_BIN
    band = np.where(known, stats.band_of(bins, params.band_width, params.snowline_step), NO_BAND)
    has_dem = counter.dem is not None

    def fraction_of(sums):
        clear = sums[:, stats.NO_SNOW] + sums[:, stats.SNOW]
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(clear > 0, sums[:, stats.SNOW_COVER] / clear, np.nan), clear

    # bands (all aspects): fractions completed from the nearest band of the zone, then the estimate
    band_keys, band_sums = sums_by(np.stack((zone, band), axis=1), values)
    band_fraction, band_clear = fraction_of(band_sums)
    known_band = band_keys[:, 1] != NO_BAND
    completed = band_fraction.copy()
    completed[known_band] = stats.nearest_fractions(band_keys[known_band, 0],
                                                    (band_keys[known_band, 1] + 0.5) * params.band_width,
                                                    band_fraction[known_band])
    zone_keys, zone_sums = sums_by(zone[:, None], values)
    missing = np.flatnonzero(~known_band & np.isnan(completed))
    if missing.size:                      # no elevation and no clear pixel: the zone's known fraction
        known_keys, known_sums = sums_by(zone[known][:, None], values[known])
        zone_fraction = dict(zip(known_keys[:, 0].tolist(), fraction_of(known_sums)[0].tolist()))
        completed[missing] = [zone_fraction.get(z, np.nan) for z in band_keys[missing, 0].tolist()]
    band_estimate = completed * (band_clear + band_sums[:, stats.CLOUD])
    _keys, zone_estimate = estimate_sums(band_keys[:, :1], band_estimate)

    snowline = np.full(zone_keys.shape[0], np.nan)
    misclassified = np.full(zone_keys.shape[0], np.nan)
    if has_dem and known.any():
        bin_keys, bin_sums = sums_by(np.stack((zone[known], bins[known]), axis=1), values[known])
        zones, lines, errors = stats.regional_snowlines(bin_keys[:, 0], bin_keys[:, 1], bin_sums[:, stats.SNOW],
                                                        bin_sums[:, stats.NO_SNOW], params.band_width,
                                                        params.snowline_step)
        position = np.searchsorted(zone_keys[:, 0], zones)
        snowline[position], misclassified[position] = lines, errors

    def block(section, zones, bands, aspects, sums, estimates, lines=None, errors=None):
        n = zones.size
        return {"zone": zones, "section": np.full(n, section), "band": bands, "aspect": aspects, "sums": sums,
                "estimate": estimates, "snowline": np.full(n, np.nan) if lines is None else lines,
                "misclassified": np.full(n, np.nan) if errors is None else errors}

    n = zone_keys.shape[0]
    blocks = [block(TOTAL, zone_keys[:, 0], np.full(n, ALL_BANDS), np.full(n, ALL_ASPECTS), zone_sums, zone_estimate,
                    snowline, misclassified)]
    if has_dem:
        blocks.append(block(BAND, band_keys[:, 0], band_keys[:, 1], np.full(band_keys.shape[0], ALL_ASPECTS),
                            band_sums, band_estimate))
    if counter.aspect_labels:
        cell_keys, cell_sums = sums_by(np.stack((zone, band, aspect), axis=1), values)
        cell_fraction, cell_clear = fraction_of(cell_sums)
        unseen = np.isnan(cell_fraction)
        band_index = {(int(k[0]), int(k[1])): i for i, k in enumerate(band_keys)}
        cell_fraction[unseen] = [completed[band_index[(int(z), int(b))]] for z, b in cell_keys[unseen, :2]]
        cell_estimate = cell_fraction * (cell_clear + cell_sums[:, stats.CLOUD])
        aspect_keys, aspect_sums = sums_by(np.stack((zone, aspect), axis=1), values)
        _keys, aspect_estimate = estimate_sums(cell_keys[:, [0, 2]], cell_estimate)
        blocks.append(block(ASPECT, aspect_keys[:, 0], np.full(aspect_keys.shape[0], ALL_BANDS), aspect_keys[:, 1],
                            aspect_sums, aspect_estimate))
        blocks.append(block(BAND_ASPECT, cell_keys[:, 0], cell_keys[:, 1], cell_keys[:, 2], cell_sums, cell_estimate))
    columns = {name: np.concatenate([b[name] for b in blocks]) for name in blocks[0]}
    maps = {z: len(v) for z, v in totals.zone_maps.items()}
    columns["maps"] = np.array([maps.get(z, 0) for z in columns["zone"].tolist()], dtype=np.int64)
    return columns


class StatsTable:
    """The rows of the statistics, column by column, in the table's order: by zone (in the zones' order),
    date, then the row of all elevations and aspects, the bands, the aspects, the bands by aspect.

    ``len(table)``, iteration (:class:`StatsRow`), :meth:`totals` (the rows of whole zones),
    :meth:`values` (tuples of :data:`TABLE_FIELDS`, for writing)."""

    def __init__(self, names, dates, params, aspect_labels, blocks):
        self.names, self.dates, self.params = list(names), list(dates), params
        self.aspect_labels = tuple(aspect_labels)
        blocks = [(slot, b) for slot, b in blocks if b is not None]
        if blocks:
            columns = {name: np.concatenate([b[name] for _slot, b in blocks]) for name in blocks[0][1]}
            columns["slot"] = np.concatenate([np.full(b["zone"].size, slot) for slot, b in blocks])
        else:
            columns = {"zone": np.zeros(0, np.int64), "slot": np.zeros(0, np.int64), "section": np.zeros(0, np.int64),
                       "band": np.zeros(0, np.int64), "aspect": np.zeros(0, np.int64), "sums": np.zeros((0, 5)),
                       "estimate": np.zeros(0), "snowline": np.zeros(0), "misclassified": np.zeros(0),
                       "maps": np.zeros(0, np.int64)}
        order = np.lexsort((columns["aspect"], columns["band"], columns["section"], columns["slot"], columns["zone"]))
        self.columns = {name: values[order] for name, values in columns.items()}
        sums = self.columns["sums"]
        clear = sums[:, stats.NO_SNOW] + sums[:, stats.SNOW]
        whole = clear + sums[:, stats.CLOUD] + sums[:, stats.NODATA]
        with np.errstate(invalid="ignore", divide="ignore"):
            self.snow_km2 = sums[:, stats.SNOW_COVER] * KM2
            self.no_snow_km2 = (clear - sums[:, stats.SNOW_COVER]) * KM2
            self.cloud_km2 = sums[:, stats.CLOUD] * KM2
            self.nodata_km2 = sums[:, stats.NODATA] * KM2
            self.snow_percent = np.where(clear > 0, 100.0 * sums[:, stats.SNOW_COVER] / clear, np.nan)
            self.clear_share = np.where(whole > 0, clear / whole, 0.0)
        self.reliable = self.clear_share >= params.min_clear
        self.estimate_km2 = self.columns["estimate"] * KM2

    def __len__(self):
        return self.columns["zone"].size

    def band_labels(self, select=slice(None)):
        """(label, lower limit, upper limit) of each row's band ("all", "1200-1300", "unknown"), of the
        rows ``select``."""
        bands = self.columns["band"][select]
        unique, inverse = np.unique(bands, return_inverse=True)
        labels = []
        for band in unique.tolist():
            if band == ALL_BANDS:
                labels.append((ALL, None, None))
            elif band == NO_BAND:
                labels.append((UNKNOWN, None, None))
            else:
                low = float(band * self.params.band_width)
                high = low + self.params.band_width
                labels.append(("{:g}-{:g}".format(low, high), low, high))
        return [labels[i] for i in inverse.ravel().tolist()]

    def aspect_names(self, select=slice(None)):
        labels = self.aspect_labels
        return [ALL if a == ALL_ASPECTS else labels[a] for a in self.columns["aspect"][select].tolist()]

    def values(self, rows=None, iso_dates=False):
        """Tuples in the order of :data:`TABLE_FIELDS` (None for a missing number), of every row or of
        the rows ``rows`` (indexes); dates as ``datetime.date``, or ISO text with ``iso_dates``."""
        columns = self.columns
        select = slice(None) if rows is None else np.asarray(rows, dtype=np.intp)

        def floats(values):
            values = np.asarray(values)[select]
            return [None if v != v else v for v in values.tolist()]

        bands = self.band_labels(select)
        aspects = self.aspect_names(select)
        zones = [self.names[z] for z in columns["zone"][select].tolist()]
        slot_dates = [d.isoformat() for d in self.dates] if iso_dates else self.dates
        dates = [slot_dates[s] for s in columns["slot"][select].tolist()]
        return list(zip(zones, dates, [b[0] for b in bands], [b[1] for b in bands], [b[2] for b in bands], aspects,
                        floats(self.snow_km2), floats(self.no_snow_km2), floats(self.cloud_km2),
                        floats(self.nodata_km2), floats(self.snow_percent), floats(self.clear_share),
                        self.reliable[select].astype(int).tolist(), floats(self.estimate_km2),
                        floats(columns["snowline"]), floats(columns["misclassified"]),
                        columns["maps"][select].tolist()))

    def iter_values(self, iso_dates=False, chunk=50000):
        """:meth:`values` of every row, made ``chunk`` rows at a time (the Python objects of a million
        rows would take more memory than the counts)."""
        for start in range(0, len(self), chunk):
            yield from self.values(np.arange(start, min(start + chunk, len(self))), iso_dates=iso_dates)

    def rows(self, where=None):
        """:class:`StatsRow` of every row, or of the rows where ``where`` (bool array) is True."""
        indexes = np.arange(len(self)) if where is None else np.flatnonzero(where)
        return [StatsRow(*values) for values in self.values(indexes)]

    def __iter__(self):
        return iter(self.rows())

    def totals(self):
        """The rows of whole zones (all elevations and aspects)."""
        return self.rows(self.columns["section"] == TOTAL)

    def of_aspect_all(self):
        """The rows of all aspects (whole zones and their bands), for the report."""
        return self.rows(self.columns["aspect"] == ALL_ASPECTS)


@dataclass(frozen=True)
class ZoneSummary:
    """A zone's last date and its values, and its season means over the reliable dates."""

    zone: str
    dates: int
    reliable_dates: int
    last: StatsRow
    mean_snow_km2: float
    mean_snow_percent: float
    mean_estimate_km2: float
    mean_snowline: float


def zone_summaries(names, table):
    """The :class:`ZoneSummary` of each zone, from the rows of whole zones of ``table``."""
    by_zone = {name: [] for name in names}
    for row in table.totals():
        by_zone[row.zone].append(row)
    return [zone_summary(name, by_zone[name]) for name in names]


def zone_summary(name, totals):
    """A zone's summary from its rows of all elevations and aspects, in date order."""
    reliable = [r for r in totals if r.reliable]

    def mean(values):
        values = [v for v in values if v is not None]
        return float(np.mean(values)) if values else None

    return ZoneSummary(zone=name, dates=len(totals), reliable_dates=len(reliable),
                       last=totals[-1] if totals else None,
                       mean_snow_km2=mean([r.snow_km2 for r in reliable]),
                       mean_snow_percent=mean([r.snow_percent for r in reliable]),
                       mean_estimate_km2=mean([r.estimate_km2 for r in reliable]),
                       mean_snowline=mean([r.snowline for r in reliable]))
