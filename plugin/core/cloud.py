"""Cloud-mask refinements of MAJA's February 2018 production change (DOMAIN.md section 4).

One function per step of the method, arrays in and arrays out, no file and no QGIS:

1. Buffer (dilation) of a cloud mask by a distance in metres, exact Euclidean disk:
   :func:`dilate`, :func:`dilation_halo`, :func:`buffer_footprint`, :func:`dilate_by_runs`; with the
   parallax between the bands for clouds at a given height: :func:`parallax_shifts`,
   ``dilate(..., shifts=...)``.
2. Sieve: :func:`remove_small_objects`, :func:`fill_small_holes`, :func:`sieve_halo`.
3. Clouds over water, sunglint-aware: :func:`glint_angle`, :func:`scene_sunglint`,
   :func:`angles_on_pixels`, :func:`angles_at_points`, :func:`merge_detector_grids`,
   :func:`water_clouds`.
4. Cloud shadows from the sun geometry: :func:`ground_shift`, :func:`shadow_shift`,
   :func:`dark_pixels`, :func:`cloud_shadows`.
5. The recipe: :data:`PRESETS`, :func:`refine_clm` (a CLM-compatible bit mask and a class raster).

Conventions.

- Reflectances in 0..1; distances, heights and pixel sizes in metres; areas in square metres;
  angles in degrees.
- ``pixel_size = (px, py)``: the pixel width (east-west) and height (north-south) in metres, both
  positive (the absolute values of the raster transform's ``a`` and ``e``). Rasters are north-up:
  column index grows eastwards, row index grows southwards.
- Angles are those of the products' metadata: a zenith angle from the vertical; an azimuth clockwise
  from north of the direction in which the sun, or the sensor, is seen from the ground. A point at
  height ``H`` seen (or lit) from zenith ``z`` and azimuth ``a`` lands on the ground ``H tan z`` away
  in the opposite direction, azimuth ``a + 180``: see :func:`ground_shift`.
- Objects (clouds, holes) are 8-connected components unless ``connectivity=4`` is asked.
- Comparisons are strict where the method says so (SWIR > threshold, glint angle < 30 degrees,
  object area < minimum area).
"""
import math
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache

import numpy as np

from .defaults import CLOUD_PRESETS, DEFAULT_CLOUD_PRESET, SHADOW_DEFAULTS, SUNGLINT_ANGLE
from .masks import (
    CLM_ALL_CLOUDS,
    CLM_HIGH_CLOUDS,
    CLM_MONO_TEMPORAL,
    CLM_MULTI_TEMPORAL,
    CLM_SHADOWS,
    CLM_SHADOWS_OUTSIDE,
    CLM_SUMMARY,
    CLM_THIN_CLOUDS,
    MASK_NODATA,
    bit_value,
)


def _ndimage():
    """scipy.ndimage, imported at its first use: the buffer, the cloud mask and the product's masks do
    without it, and a command line starts faster without it."""
    from scipy import ndimage
    return ndimage

# Presets of the recipe and MAJA's values: core/defaults.py (seed post of February 2018).
PRESETS = CLOUD_PRESETS
DEFAULT_PRESET = DEFAULT_CLOUD_PRESET
WATER_THRESHOLD = CLOUD_PRESETS[DEFAULT_CLOUD_PRESET]["threshold"]  # SWIR over water, no sunglint
WATER_THRESHOLD_SUNGLINT = CLOUD_PRESETS[DEFAULT_CLOUD_PRESET]["threshold_sunglint"]  # sunglint likely

# Output of refine_clm's class raster
CLASS_CLEAR, CLASS_CLOUD, CLASS_SHADOW, CLASS_BUFFER, CLASS_NODATA = 0, 1, 2, 3, MASK_NODATA

# CLM bits that say "cloud" and "cloud shadow" (masks.py holds the whole table)
CLM_CLOUD_BITS = (CLM_ALL_CLOUDS, CLM_MONO_TEMPORAL, CLM_MULTI_TEMPORAL, CLM_THIN_CLOUDS, CLM_HIGH_CLOUDS)
CLM_SHADOW_BITS = (CLM_SHADOWS, CLM_SHADOWS_OUTSIDE)
CLM_WATER_CLOUD_BITS = (CLM_SUMMARY, CLM_ALL_CLOUDS, CLM_MONO_TEMPORAL)
CLM_PROJECTED_SHADOW_BITS = (CLM_SUMMARY, CLM_SHADOWS)
CLM_BUFFER_BITS = (CLM_SUMMARY, CLM_ALL_CLOUDS)


# ---------------------------------------------------------------------------------------------------
# 1. Buffer: exact Euclidean dilation
# ---------------------------------------------------------------------------------------------------

def dilate(mask, distance, pixel_size, shifts=None):
    """Buffer ``mask`` by ``distance`` metres: True where the centre of some mask pixel lies at most
    ``distance`` metres away (Euclidean, ``<=``, pixel sizes ``(px, py)`` in metres, non-square pixels
    honoured). Pixels beyond the array edges count as outside the mask.

    With ``shifts`` (an ``(n, 2)`` array of ``(east, north)`` displacements in metres, see
    :func:`parallax_shifts`), each mask pixel also stands for the copies of itself displaced by any
    vector of the convex hull of the origin and the shifts: the output is True within ``distance`` of
    that hull placed on some mask pixel centre (a stadium for two bands). Without shifts the test is
    exact in rational arithmetic on the given floats; with shifts it is made in float64.

    To process a raster in strips of whole rows, read :func:`dilation_halo` extra rows above and below
    each strip and keep the inner rows: the result is then the same whatever the strip height.

    Method: the digital disk is, for each row offset ``dy``, a horizontal run of columns
    (:func:`buffer_footprint`); see :func:`dilate_by_runs`. A whole 10980 x 10980 tile at 480 m on
    10 m pixels takes about 0.2 s and 130 MB besides the mask, where scipy's exact distance transform
    takes about 17 s and 4 GB.
    """
    mask = np.asarray(mask)
    if mask.dtype != bool:
        mask = mask != 0
    if mask.ndim != 2:
        raise ValueError("mask must be a 2-D array")
    return dilate_by_runs(mask, buffer_footprint(distance, pixel_size, shifts))


def dilation_halo(distance, pixel_size, shifts=None):
    """Rows of halo a strip needs above and below for :func:`dilate` with the same arguments:
    the largest row offset of the buffer footprint (``floor(distance / py)`` without shifts)."""
    return int(np.abs(buffer_footprint(distance, pixel_size, shifts)[:, 0]).max())


def buffer_footprint(distance, pixel_size, shifts=None):
    """The digital buffer of :func:`dilate` as horizontal runs: a read-only int array of rows
    ``(dy, first_dx, last_dx)`` (row offset southwards, column offsets eastwards): a mask pixel at
    ``(row, col)`` buffers columns ``col + first_dx .. col + last_dx`` of row ``row + dy``.

    Without shifts, for ``|dy| <= floor(distance / py)``, ``first_dx = -W`` and ``last_dx = W`` with
    ``W`` the largest integer such that ``(W px)^2 + (dy py)^2 <= distance^2``.
    """
    return _footprint(float(distance), *_pixel_size(pixel_size), _shifts_key(shifts))


@lru_cache(maxsize=64)
def _footprint(distance, px, py, shifts):
    if not math.isfinite(distance) or distance < 0:
        raise ValueError("distance must be a finite number >= 0, got {!r}".format(distance))
    hull = _convex_hull([(0.0, 0.0)] + [tuple(map(float, s)) for s in shifts])
    if len(hull) == 1:
        runs = _disk_runs(distance, px, py)
    else:
        runs = _hull_runs(hull, distance, px, py)
    runs = np.array(runs, dtype=np.int64).reshape(-1, 3)
    runs.setflags(write=False)
    return runs


def _disk_runs(distance, px, py):
    """Runs of the disk: for |dy| <= floor(d / py), half-width W = the largest w with
    (w px)^2 + (dy py)^2 <= d^2, computed exactly on the rationals the floats stand for."""
    d2 = Fraction(distance) ** 2
    px2, py2 = Fraction(px) ** 2, Fraction(py) ** 2
    rows = int(Fraction(distance) / Fraction(py))
    runs = []
    for dy in range(-rows, rows + 1):
        room = (d2 - dy * dy * py2) / px2  # w^2 <= room
        w = math.isqrt(math.floor(room))  # floor(sqrt(floor(x))) == floor(sqrt(x)) for x >= 0
        runs.append((dy, -w, w))
    return runs


def _hull_runs(hull, distance, px, py):
    """Runs of {offset : distance from (dx px, -dy py) to the polygon ``hull`` <= distance}."""
    east = [p[0] for p in hull]
    north = [p[1] for p in hull]
    dy0 = math.ceil(-(max(north) + distance) / py)
    dy1 = math.floor(-(min(north) - distance) / py)
    dx0 = math.floor((min(east) - distance) / px)
    dx1 = math.ceil((max(east) + distance) / px)
    x = np.arange(dx0, dx1 + 1) * float(px)
    d2 = distance * distance
    runs = []
    for dy in range(dy0, dy1 + 1):
        inside = _distance2_to_polygon(x, -dy * float(py), hull) <= d2
        if inside.any():
            cols = np.flatnonzero(inside)
            runs.append((dy, dx0 + int(cols[0]), dx0 + int(cols[-1])))
    return runs


def _distance2_to_polygon(x, y, hull):
    """Squared distance from the points (x, y) (x an array, y a scalar) to a convex polygon given as
    its vertices in counter-clockwise order (1 vertex: a point, 2: a segment)."""
    n = len(hull)
    best = np.full(x.shape, np.inf)
    inside = np.ones(x.shape, dtype=bool) if n >= 3 else np.zeros(x.shape, dtype=bool)
    for k in range(n):
        ax, ay = hull[k]
        bx, by = hull[(k + 1) % n]
        ex, ey = bx - ax, by - ay
        length2 = ex * ex + ey * ey
        if length2 > 0:
            t = np.clip(((x - ax) * ex + (y - ay) * ey) / length2, 0.0, 1.0)
        else:
            t = 0.0
        best = np.minimum(best, (x - ax - t * ex) ** 2 + (y - ay - t * ey) ** 2)
        if n >= 3:
            inside &= ex * (y - ay) - ey * (x - ax) >= 0
    best[inside] = 0.0
    return best


def _convex_hull(points):
    """Vertices of the convex hull of ``points`` (pairs), counter-clockwise, without repeats
    (monotone chain). One point, or two, when the points are all equal or collinear."""
    pts = sorted(set(points))
    if len(pts) <= 2:
        return pts

    def cross(o, a, b):
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower, upper = [], []
    for p in pts:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    for p in reversed(pts):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


def dilate_by_runs(mask, runs):
    """Dilation of the boolean ``mask`` by the footprint ``runs`` (rows ``(dy, first_dx, last_dx)``,
    see :func:`buffer_footprint`): exact, on bit-packed rows.

    Rows are packed 64 pixels to a word with room to spare on the right, and laid end to end. ``E`` is
    the mask dilated by the 8-pixel run ``[0, 7]``, made in eight copies moved by 0 to 7 bits: a copy of
    ``E`` moved by any ``s = 8 a + b`` pixels is then copy ``b`` read ``a`` bytes further, and a run
    ``[lo, hi]`` at least 8 long is the OR of such copies starting at ``lo, lo + 8, ...`` and
    ``hi - 7``. Runs are taken by increasing length and each grows from the previous one when it contains
    it; each is then ORed into the rows of its row offsets. Runs shorter than 8 are moved bit by bit.

    The rows are done in chunks (with the footprint's rows of halo) whose work arrays are reused from
    chunk to chunk and stay in cache: fresh memory costs as much as the computation itself.
    """
    height, width = mask.shape
    result = np.zeros(mask.shape, dtype=bool)
    if height == 0 or width == 0 or len(runs) == 0:
        return result
    halo = int(np.abs(runs[:, 0]).max())
    reach = int(np.abs(runs[:, 1:]).max())
    # Room on the right of each row: what moves out of a row's valid columns never reaches the next
    # row's (nor comes back), and the unused bits are cut off when unpacking.
    words_per_row = -(-(width + reach + 24) // 64)
    chunk = _chunk_rows(height, halo, words_per_row)
    groups = {}
    for dy, lo, hi in runs.tolist():
        groups.setdefault((lo, hi), []).append(dy)
    order = sorted(groups, key=lambda run: (run[1] - run[0], run))
    buffers = _RunBuffers(min(height, chunk + 2 * halo), words_per_row)
    for top in range(0, height, chunk):
        bottom = min(top + chunk, height)
        first, last = max(top - halo, 0), min(bottom + halo, height)
        out = _dilate_rows(mask[first:last], groups, order, words_per_row, buffers)
        result[top:bottom] = np.unpackbits(out[top - first:bottom - first].view(np.uint8), axis=1,
                                           count=width, bitorder="little").view(bool)
    return result


# Words per work array of dilate_by_runs (384 KB): small enough to stay in a core's cache (the time
# doubles at about 640 KB on the development machine).
_CHUNK_WORDS = 49152


def _chunk_rows(height, halo, words_per_row):
    """Rows per chunk of :func:`dilate_by_runs`: what fits in :data:`_CHUNK_WORDS` with the halo above
    and below, unless the halo would then cost more than half the work: then all rows at once."""
    rows = _CHUNK_WORDS // words_per_row - 2 * halo
    return rows if rows >= 2 * halo and rows > 0 else max(height, 1)


class _RunBuffers:
    """Work arrays of :func:`dilate_by_runs` for up to ``rows`` packed rows."""

    def __init__(self, rows, words_per_row):
        size = rows * words_per_row
        self.packed = np.empty(size * 8, dtype=np.uint8)
        self.words = {name: np.empty(size, dtype="<u8")
                      for name in ("work", "spare", "grown", "moved", "short", "out")}
        self.eights = np.empty((8, size), dtype="<u8")

    def get(self, name, size):
        return self.words[name][:size]


def _dilate_rows(mask, groups, order, words_per_row, buffers):
    """Packed rows of ``mask`` dilated by the runs ``groups`` ({(lo, hi): [dy, ...]}, done in ``order``);
    rows beyond the array count as empty."""
    height, width = mask.shape
    size = height * words_per_row
    packed = buffers.packed[:size * 8].reshape(height, words_per_row * 8)
    packed[:, (width + 7) // 8:] = 0
    packed[:, :(width + 7) // 8] = np.packbits(mask, axis=1, bitorder="little")
    # Little-endian words: bit i of word j is pixel 64 j + i, and byte k holds pixels 8 k .. 8 k + 7.
    source = packed.reshape(-1).view("<u8")
    work, spare = buffers.get("work", size), buffers.get("spare", size)

    eights = []  # E moved by 0..7 bits
    e = buffers.eights[0, :size]
    e[...] = source
    for step in (1, 2, 4):
        e |= _shift_bits(e, step, work, spare)
    eights.append(e.view(np.uint8))
    for b in range(1, 8):
        eights.append(_shift_bits(e, b, buffers.eights[b, :size], spare).view(np.uint8))

    out = buffers.get("out", size).reshape(height, words_per_row)
    out[...] = 0
    grown = buffers.get("grown", size)
    grown_bytes = grown.view(np.uint8)
    current = None
    for lo, hi in order:
        if hi - lo < 7:
            short = buffers.get("short", size)
            short[...] = source
            for length in range(1, hi - lo + 1):
                short |= _shift_bits(source, length, work, spare)
            rows = _shift_bits(short, lo, buffers.get("moved", size), spare) if lo else short
        else:
            if current is not None and lo <= current[0] and current[1] <= hi:
                if lo < current[0]:
                    _or_eights(grown_bytes, eights, lo, max(current[0] - 1, lo + 7))
                if current[1] < hi:
                    _or_eights(grown_bytes, eights, min(current[1] + 1, hi - 7), hi)
            else:
                grown[...] = 0
                _or_eights(grown_bytes, eights, lo, hi)
            current = (lo, hi)
            rows = grown
        rows = rows.reshape(height, words_per_row)
        for dy in groups[(lo, hi)]:
            if 0 <= dy < height:
                out[dy:] |= rows[:height - dy]
            elif -height < dy < 0:
                out[:height + dy] |= rows[-dy:]
    return out


def _or_eights(target, eights, lo, hi):
    """OR into ``target`` (bytes) the copies of E moved by ``lo, lo + 8, ..., hi - 7`` pixels: the
    mask dilated by ``[lo, hi]`` (``hi - lo >= 7``)."""
    for start in list(range(lo, hi - 7, 8)) + [hi - 7]:
        offset, bits = divmod(start, 8)
        copy = eights[bits]
        if offset > 0:
            target[offset:] |= copy[:-offset]
        elif offset < 0:
            target[:offset] |= copy[-offset:]
        else:
            target |= copy


def _shift_bits(words, k, out, spare):
    """The bit stream ``words`` (1-D little-endian uint64) moved by ``k`` pixels towards higher columns
    (lower when ``k`` < 0), zeros coming in, written to ``out``; ``spare`` is scratch space."""
    n = words.size
    q, r = divmod(abs(k), 64)
    if q >= n:
        out[...] = 0
        return out
    if k > 0:
        out[:q] = 0
        if r == 0:
            out[q:] = words[:n - q]
        else:
            np.left_shift(words[:n - q], np.uint64(r), out=out[q:])
            np.right_shift(words[:n - q - 1], np.uint64(64 - r), out=spare[:n - q - 1])
            out[q + 1:] |= spare[:n - q - 1]
    else:
        out[n - q:] = 0
        if r == 0:
            out[:n - q] = words[q:]
        else:
            np.right_shift(words[q:], np.uint64(r), out=out[:n - q])
            np.left_shift(words[q + 1:], np.uint64(64 - r), out=spare[:n - q - 1])
            out[:n - q - 1] |= spare[:n - q - 1]
    return out


def _pixel_size(pixel_size):
    px, py = (float(v) for v in pixel_size)
    if not (px > 0 and py > 0 and math.isfinite(px) and math.isfinite(py)):
        raise ValueError("pixel sizes must be finite and > 0, got {!r}".format(pixel_size))
    return px, py


def _shifts_key(shifts):
    if shifts is None:
        return ()
    shifts = np.asarray(shifts, dtype=float).reshape(-1, 2)
    if not np.isfinite(shifts).all():
        raise ValueError("shifts must be finite")
    return tuple(map(tuple, shifts.tolist()))


# ---------------------------------------------------------------------------------------------------
# Parallax between the bands, shadows' geometry
# ---------------------------------------------------------------------------------------------------

def ground_shift(height, zenith, azimuth):
    """Where a point ``height`` metres above the ground lands on the ground when seen (or lit) from
    ``zenith`` and ``azimuth`` (degrees, azimuth clockwise from north of the direction of the sensor or
    the sun seen from the ground): ``height * tan(zenith)`` metres towards ``azimuth + 180``.

    Returns ``(east, north)`` in metres (arrays broadcast).
    """
    length = np.asarray(height, dtype=float) * np.tan(np.radians(zenith))
    azimuth = np.radians(azimuth)
    return -length * np.sin(azimuth), -length * np.cos(azimuth)


def parallax_shifts(height, view_zenith, view_azimuth, reference=None):
    """Displacements ``(east, north)`` in metres, shape ``(n, 2)``, between where a cloud at ``height``
    metres appears in each of ``n`` bands (per-band mean viewing zenith and azimuth, degrees) and where
    the cloud mask puts it.

    ``reference``: where the mask puts the cloud, as the index of the band the mask was detected in
    (MAJA takes its cloud viewing direction from one band, B3 in its parameters), or an ``(east, north)``
    displacement; None (default) takes the mean of the bands' displacements. Pass the result as
    ``shifts`` to :func:`dilate`. ``height`` 0 gives all zeros.
    """
    east, north = ground_shift(height, np.asarray(view_zenith, float), np.asarray(view_azimuth, float))
    points = np.stack([np.atleast_1d(east), np.atleast_1d(north)], axis=1)
    if reference is None:
        origin = points.mean(axis=0)
    elif np.ndim(reference) == 0:
        origin = points[int(reference)]
    else:
        origin = np.asarray(reference, dtype=float)
    return points - origin


def shadow_shift(height, sun_zenith, sun_azimuth, view_zenith, view_azimuth):
    """``(east, north)`` metres from a cloud at ``height`` metres, as the image shows it, to its shadow.

    The shadow is the cloud cast on the ground along the sun direction, ``height * tan(sun_zenith)``
    away from the sun; the image shows the cloud itself displaced by ``height * tan(view_zenith)`` away
    from the sensor; the shadow seen from the cloud's apparent place is the difference.
    """
    sun_east, sun_north = ground_shift(height, sun_zenith, sun_azimuth)
    view_east, view_north = ground_shift(height, view_zenith, view_azimuth)
    return sun_east - view_east, sun_north - view_north


# ---------------------------------------------------------------------------------------------------
# 2. Sieve
# ---------------------------------------------------------------------------------------------------

def sieve_min_pixels(min_area_m2, pixel_area):
    """The smallest pixel count ``n`` whose area ``n * pixel_area`` is not below ``min_area_m2``:
    objects of fewer pixels are small (area < minimum)."""
    min_area_m2, pixel_area = float(min_area_m2), float(pixel_area)
    if not (pixel_area > 0 and math.isfinite(pixel_area) and math.isfinite(min_area_m2)):
        raise ValueError("pixel_area must be > 0 and the areas finite")
    if min_area_m2 <= 0:
        return 0
    n = max(int(math.ceil(min_area_m2 / pixel_area)), 0)
    while n > 0 and (n - 1) * pixel_area >= min_area_m2:
        n -= 1
    while n * pixel_area < min_area_m2:
        n += 1
    return n


def sieve_halo(min_area_m2, pixel_area):
    """Rows of halo that make :func:`remove_small_objects` and :func:`fill_small_holes` exact on strips.

    An 8-connected object of ``k`` pixels spans at most ``k`` rows. With a halo of ``n - 1`` rows
    (``n`` from :func:`sieve_min_pixels`), a small object touching a strip's inner rows lies wholly in
    the strip read with its halo, and an object the strip cuts has at least ``n`` pixels in it, so it is
    kept as it should be. Large thresholds give halos as tall as the raster: then label it whole.
    """
    return max(sieve_min_pixels(min_area_m2, pixel_area) - 1, 0)


def remove_small_objects(mask, min_area_m2, pixel_area, connectivity=8):
    """``mask`` without its objects (connected components) of area < ``min_area_m2``.

    The area of an object is its pixel count times ``pixel_area`` (m2); an object whose area equals the
    minimum is kept. ``connectivity`` 8 (default, diagonal neighbours join) or 4.
    """
    mask = np.asarray(mask, dtype=bool)
    n = sieve_min_pixels(min_area_m2, pixel_area)
    if n <= 1:
        return mask.copy()
    labels, count = _ndimage().label(mask, structure=_structure(connectivity))
    keep = np.bincount(labels.ravel(), minlength=count + 1) >= n
    keep[0] = False
    return keep[labels]


def fill_small_holes(mask, min_area_m2, pixel_area, connectivity=8, nodata=None):
    """``mask`` with its small holes filled: a hole is a connected component of pixels that are neither
    in ``mask`` nor ``nodata``, of area < ``min_area_m2``. As in a sieve, a component cut by the array
    or swath edge counts with the area it has inside. Nodata pixels never change.
    """
    mask = np.asarray(mask, dtype=bool)
    background = ~mask
    if nodata is not None:
        background &= ~np.asarray(nodata, dtype=bool)
    holes = background & ~remove_small_objects(background, min_area_m2, pixel_area, connectivity)
    return mask | holes


def _structure(connectivity):
    if connectivity == 8:
        return np.ones((3, 3), dtype=bool)
    if connectivity == 4:
        return _ndimage().generate_binary_structure(2, 1)
    raise ValueError("connectivity must be 4 or 8, got {!r}".format(connectivity))


# ---------------------------------------------------------------------------------------------------
# 3. Clouds over water, sunglint
# ---------------------------------------------------------------------------------------------------

def glint_angle(sun_zenith, sun_azimuth, view_zenith, view_azimuth):
    """Angle in degrees between the viewing direction and the direction of specular reflection of the
    sun (MAJA's sunglint criterion, DOMAIN.md section 4)::

        d = acos(sin(tz_s) sin(tz_v) cos(az_s - az_v + pi) + cos(tz_s) cos(tz_v))

    Inputs in degrees, scalars or arrays (broadcast). 0 is the exact specular geometry. Computed in
    float32 when the arrays are float32 (as :func:`angles_on_pixels` returns them: several times
    faster, about 0.02 degree near 0), in float64 otherwise.
    """
    angles = [np.asarray(a) for a in (sun_zenith, sun_azimuth, view_zenith, view_azimuth)]
    dtype = np.result_type(*angles)
    if dtype.kind != "f":
        dtype = np.dtype(np.float64)
    tz_s, az_s, tz_v, az_v = (np.radians(a.astype(dtype, copy=False)) for a in angles)
    cos_d = np.sin(tz_s) * np.sin(tz_v) * np.cos(az_s - az_v + dtype.type(np.pi)) \
        + np.cos(tz_s) * np.cos(tz_v)
    return np.degrees(np.arccos(np.clip(cos_d, -1, 1)))


def scene_sunglint(sun_zenith, sun_azimuth, view_zeniths, view_azimuths, sunglint_angle=SUNGLINT_ANGLE):
    """MAJA's scene flag: True when the glint angle from the mean angles is below ``sunglint_angle``
    (degrees, strict) for at least one band (``view_zeniths``, ``view_azimuths``: one per band)."""
    angles = glint_angle(sun_zenith, sun_azimuth, view_zeniths, view_azimuths)
    return bool(np.any(angles < sunglint_angle))


def angles_on_pixels(grid, origin_x, origin_y, step_x, step_y, x, y, azimuth=False):
    """Bilinear interpolation of an angle grid (such as the products' 5 km sun and viewing grids) at
    pixel centres.

    ``grid[i, j]`` is the value at the node ``(origin_x + j * step_x, origin_y + i * step_y)`` (map
    coordinates in metres; ``step_y`` negative for a north-up grid whose first row is the northern
    one; the Sentinel-2 grids start at the tile's upper-left corner). ``x`` (1-D, the columns' centre
    coordinates) and ``y`` (1-D, the rows') give an output of shape ``(len(y), len(x))``, float32.

    NaN nodes (outside a detector's footprint) are left out and the weights of the others renormalised;
    a point whose four nodes are all NaN gets NaN. Points beyond the outer nodes take the values of the
    border (no extrapolation). With ``azimuth=True`` the angles are interpolated as unit vectors, so
    that 359 and 1 degrees average to 0, and the result is in [0, 360).
    """
    grid = np.asarray(grid, dtype=float)
    wy = _interpolation_weights(np.asarray(y, dtype=float), origin_y, step_y, grid.shape[0])
    wx = _interpolation_weights(np.asarray(x, dtype=float), origin_x, step_x, grid.shape[1])
    valid = np.isfinite(grid)

    def interpolate(values):  # the grid along x in float64, then the rows in float32
        along_x = (np.where(valid, values, 0.0) @ wx.T).astype(np.float32)
        return wy.astype(np.float32) @ along_x

    weight = interpolate(valid.astype(float))
    with np.errstate(invalid="ignore", divide="ignore"):
        if not azimuth:
            return interpolate(grid) / weight
        radians = np.radians(grid)
        east, north = interpolate(np.sin(radians)), interpolate(np.cos(radians))
        result = _azimuth_from(east, north)
        result[~(weight > 0)] = np.nan
        return result


def angles_at_points(grid, origin_x, origin_y, step_x, step_y, x, y, azimuth=False):
    """:func:`angles_on_pixels` at scattered points: ``x`` and ``y`` are arrays of the same shape (map
    coordinates of each point) and the result has that shape (float64). Same grid, NaN and azimuth
    rules: the value at a point is the one :func:`angles_on_pixels` gives at a pixel centred there."""
    grid = np.asarray(grid, dtype=float)
    x, y = np.broadcast_arrays(np.asarray(x, dtype=float), np.asarray(y, dtype=float))
    shape = x.shape
    wy = _interpolation_weights(y.ravel(), origin_y, step_y, grid.shape[0])
    wx = _interpolation_weights(x.ravel(), origin_x, step_x, grid.shape[1])
    valid = np.isfinite(grid)

    def interpolate(values):  # sum over i, j of wy[n, i] values[i, j] wx[n, j]
        return ((wy @ np.where(valid, values, 0.0)) * wx).sum(axis=1)

    weight = interpolate(valid.astype(float))
    with np.errstate(invalid="ignore", divide="ignore"):
        if not azimuth:
            result = interpolate(grid) / weight
        else:
            radians = np.radians(grid)
            result = _azimuth_from(interpolate(np.sin(radians)), interpolate(np.cos(radians)))
            result[~(weight > 0)] = np.nan
    return result.reshape(shape)


def _azimuth_from(east, north):
    """Azimuth in degrees, in [0, 360), of the vectors (east, north) (0 for a zero vector)."""
    azimuth = np.degrees(np.arctan2(east, north)) % 360
    return np.where(azimuth >= 360, azimuth - 360, azimuth)  # -1e-9 % 360 rounds to 360


def _interpolation_weights(coords, origin, step, nodes):
    """Dense ``(len(coords), nodes)`` matrix of linear interpolation weights (two non-zero per row),
    coordinates clamped to the grid."""
    position = np.clip((coords - float(origin)) / float(step), 0.0, nodes - 1.0)
    first = np.minimum(np.floor(position).astype(np.int64), max(nodes - 2, 0))
    fraction = position - first
    weights = np.zeros((coords.size, nodes))
    rows = np.arange(coords.size)
    weights[rows, first] = 1.0 - fraction
    if nodes > 1:
        weights[rows, first + 1] += fraction
    return weights


def merge_detector_grids(grids, azimuth=False):
    """One grid from per-detector viewing grids (NaN outside each detector): the mean of the detectors
    that see a node (a circular mean for azimuths); NaN where none does."""
    grids = np.asarray(grids, dtype=float)
    seen = np.isfinite(grids)
    count = seen.sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        if not azimuth:
            return np.where(seen, grids, 0.0).sum(axis=0) / np.where(count > 0, count, np.nan)
        radians = np.radians(np.where(seen, grids, 0.0))
        east = np.where(seen, np.sin(radians), 0.0).sum(axis=0)
        north = np.where(seen, np.cos(radians), 0.0).sum(axis=0)
        merged = _azimuth_from(east, north)
    merged[count == 0] = np.nan
    return merged


def water_clouds(swir, water, sunglint, threshold=WATER_THRESHOLD,
                 threshold_sunglint=WATER_THRESHOLD_SUNGLINT, sunglint_angle=SUNGLINT_ANGLE):
    """Clouds over water (MAJA's SWIR test): a water pixel is cloud when its SWIR reflectance (0..1,
    B12 in MAJA) is above ``threshold`` (strict; 0.04 since February 2018), or above
    ``threshold_sunglint`` (0.16) where sunglint is likely.

    ``sunglint``: a boolean (the scene flag) or boolean array, or a glint angle in degrees (scalar or
    array, see :func:`glint_angle`), in which case sunglint is likely where the angle is below
    ``sunglint_angle`` (strict, 30 degrees); a NaN angle counts as no sunglint. NaN reflectances are
    never cloud.
    """
    swir = np.asarray(swir)
    glint = np.asarray(sunglint)
    if glint.dtype != bool:
        glint = glint < sunglint_angle
    limit = np.where(glint, threshold_sunglint, threshold)
    return np.asarray(water, dtype=bool) & (swir > limit)


# ---------------------------------------------------------------------------------------------------
# 4. Cloud shadows
# ---------------------------------------------------------------------------------------------------

def dark_pixels(reflectance, threshold):
    """Pixels dark enough to be in a cloud shadow: reflectance (0..1, NIR or SWIR) strictly below
    ``threshold``. No default: it depends on the band and the scene. NaN is never dark."""
    return np.asarray(reflectance) < threshold


@dataclass
class CloudShadows:
    """What :func:`cloud_shadows` found. ``heights[k]`` and ``dark_fraction[k]`` belong to the cloud
    object labelled ``k + 1`` in ``labels`` (NaN: no shadow found for it)."""

    mask: np.ndarray
    labels: np.ndarray
    heights: np.ndarray
    dark_fraction: np.ndarray


def cloud_shadows(cloud, dark, pixel_size, sun_zenith, sun_azimuth, view_zenith, view_azimuth,
                  height_min=SHADOW_DEFAULTS["HEIGHT_MIN"], height_max=SHADOW_DEFAULTS["HEIGHT_MAX"],
                  height_step=SHADOW_DEFAULTS["HEIGHT_STEP"], swept=False,
                  nodata=None, min_dark_fraction=0.0):
    """Shadows of the cloud objects (8-connected components of ``cloud``) found by projection.

    For each object and each height ``H`` from ``height_min`` to ``height_max`` by ``height_step``
    metres, the object is moved by :func:`shadow_shift` (rounded to whole pixels) and scored by the
    fraction of dark pixels (``dark``, see :func:`dark_pixels`) among the moved pixels that are inside
    the array, not cloud and not ``nodata``. The object keeps the height with the best fraction (the
    lowest such height on ties) if that fraction is above ``min_dark_fraction``; its shadow is the
    moved object there, without cloud pixels.

    Angles in degrees: scalars, arrays of the mask's shape from which each object takes its mean
    over its finite values (circular for azimuths), or functions ``f(rows, cols)`` of position
    evaluated once per object at its centroid (``rows``, ``cols``: float arrays of pixel indexes, the
    centre of pixel ``(r, c)`` being ``(r, c)``), such as :func:`angles_at_points` on a product's
    5 km grids: no array of the mask's size is then needed. An object without finite angles gets no
    shadow.
    With ``swept=True`` the shadow is instead the whole area swept by every object, dark pixels or
    not, moved over every height from ``height_min`` to ``height_max`` (heights are still chosen and
    returned).

    The fraction counts only the visible part of a projection: a projection mostly off the array or
    under other clouds can win with few pixels. Memory: labels (int32) and two row prefix sums (uint16)
    of the array's size, so about 10 bytes a pixel: 300 MB for a 20 m tile, 1.2 GB for a 10 m one.

    Returns :class:`CloudShadows` (mask, labels, heights, dark_fraction).
    """
    cloud = np.asarray(cloud, dtype=bool)
    dark = np.asarray(dark, dtype=bool)
    px, py = _pixel_size(pixel_size)
    shape = cloud.shape
    heights = _height_range(height_min, height_max, height_step)
    if nodata is not None:
        nodata = np.asarray(nodata, dtype=bool)

    def prefix_sums_and_runs():
        """Row prefix sums of the pixels that count: clear (not cloud, not nodata), dark among them; the
        runs of cloud pixels."""
        usable = ~cloud
        if nodata is not None:
            usable &= ~nodata
        return _row_prefix_pair(usable, usable & dark), _run_bounds(cloud)

    # Made on another core while the objects are labelled (numpy and the labelling release the GIL).
    with ThreadPoolExecutor(max_workers=1) as pool:
        work = pool.submit(prefix_sums_and_runs)
        labels, count = _ndimage().label(cloud, structure=np.ones((3, 3), dtype=bool))
        (prefix, shift), (run_rows, run_first, run_last) = work.result()
    heights_out = np.full(count, np.nan)
    fraction_out = np.full(count, np.nan)
    shadow = np.zeros(shape, dtype=bool)
    if count == 0:
        return CloudShadows(shadow, labels, heights_out, fraction_out)

    # Per-object geometry: one shift (in pixels) per object and height.
    run_label = labels[run_rows, run_first]
    centroids = None
    if any(callable(a) for a in (sun_zenith, sun_azimuth, view_zenith, view_azimuth)):
        centroids = _centroids(run_rows, run_first, run_last, run_label, count)
    angles = [_per_object(a, labels, count, circular=k % 2 == 1, centroids=centroids)
              for k, a in enumerate((sun_zenith, sun_azimuth, view_zenith, view_azimuth))]

    order = np.argsort(run_label, kind="stable")
    bounds = np.searchsorted(run_label[order], np.arange(1, count + 2))
    paint = []
    known = np.all(np.isfinite(angles), axis=0)  # objects whose geometry is known
    for k in np.flatnonzero(known):
        pick = order[bounds[k]:bounds[k + 1]]
        rows, first, last = run_rows[pick], run_first[pick], run_last[pick]
        east, north = shadow_shift(heights, *(a[k] for a in angles))
        drow = _round_half_up(-north / py).astype(np.int64)
        dcol = _round_half_up(east / px).astype(np.int64)
        clear, darkc = _count_in_runs(prefix, shift, rows, first, last, drow, dcol)
        fraction = np.where(clear > 0, darkc / np.maximum(clear, 1), -1.0)  # -1: nothing visible
        best = int(np.argmax(fraction))
        if fraction[best] > min_dark_fraction:
            heights_out[k] = heights[best]
            fraction_out[k] = fraction[best]
            if not swept:
                paint.append((rows + drow[best], first + dcol[best], last + dcol[best]))
    if swept:
        shadow = _swept_shadows(labels, np.flatnonzero(known), angles, heights, px, py)
    elif paint:
        shadow = _paint_runs(shape, *(np.concatenate(parts) for parts in zip(*paint)))
    shadow &= ~cloud
    return CloudShadows(shadow, labels, heights_out, fraction_out)


def _height_range(height_min, height_max, height_step):
    height_min, height_max, height_step = float(height_min), float(height_max), float(height_step)
    if not (0 <= height_min <= height_max and height_step > 0):
        raise ValueError("heights must satisfy 0 <= height_min <= height_max and height_step > 0")
    count = int(math.floor((height_max - height_min) / height_step + 1e-9)) + 1
    return height_min + height_step * np.arange(count)


def _centroids(run_rows, run_first, run_last, run_label, count):
    """(rows, cols) of the centroid of each object, in pixel indexes (float arrays), from its runs."""
    pixels = (run_last - run_first + 1).astype(np.float64)
    total = np.bincount(run_label, pixels, minlength=count + 1)[1:]
    rows = np.bincount(run_label, pixels * run_rows, minlength=count + 1)[1:] / total
    cols = np.bincount(run_label, pixels * (run_first + run_last) / 2.0, minlength=count + 1)[1:] / total
    return rows, cols


def _per_object(angle, labels, count, circular, centroids=None):
    """One angle per object: the scalar, the function of position at the object's centroid, or the
    mean of the array over the object's pixels where it is finite (circular for azimuths); NaN for an
    object without any finite value."""
    if callable(angle):
        return np.asarray(angle(*centroids), dtype=float).reshape(count)
    angle = np.asarray(angle, dtype=float)
    if angle.ndim == 0:
        return np.full(count, float(angle))
    index = np.arange(1, count + 1)
    finite = np.isfinite(angle)
    seen = np.asarray(_ndimage().sum(finite, labels, index))

    def mean(values):
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.asarray(_ndimage().sum(np.where(finite, values, 0.0), labels, index)) / seen

    if not circular:
        return mean(angle)
    radians = np.radians(angle)
    return _azimuth_from(mean(np.sin(radians)), mean(np.cos(radians)))


def _round_half_up(values):
    return np.floor(np.asarray(values) + 0.5)


def _row_prefix_pair(low, high):
    """Row prefix sums of two boolean images in one array, and its ``shift``: ``prefix[r, c]`` is
    ``L + (H << shift)`` with ``L`` and ``H`` the numbers of True in ``low[r, :c]`` and ``high[r, :c]``
    (shape ``(h, w + 1)``). Below 65536 columns the two counts fit in the two halves of a uint32 and
    never mix: one cumulative sum makes both."""
    height, width = low.shape
    dtype, shift = (np.uint32, 16) if width < 65536 else (np.int64, 32)
    prefix = np.zeros((height, width + 1), dtype=dtype)
    values = prefix[:, 1:]
    values[...] = high
    values <<= shift
    values += low
    np.cumsum(values, axis=1, out=values)
    return prefix, shift


def _run_bounds(on):
    """Horizontal runs of True pixels: rows, first and last columns (inclusive), in row-major order.
    One work array of the image's size."""
    edge = np.empty(on.shape, dtype=bool)
    edge[:, 0] = on[:, 0]  # first pixels: on, with the left neighbour off
    np.greater(on[:, 1:], on[:, :-1], out=edge[:, 1:])
    start_rows, start_cols = np.nonzero(edge)
    edge[:, -1] = on[:, -1]  # last pixels: on, with the right neighbour off
    np.greater(on[:, :-1], on[:, 1:], out=edge[:, :-1])
    _, stop_cols = np.nonzero(edge)
    return start_rows, start_cols, stop_cols


def _count_in_runs(prefix, shift, rows, first, last, drow, dcol):
    """For each move ``(drow[h], dcol[h])`` of the runs: how many True pixels of each of the two images of
    :func:`_row_prefix_pair` they cover once moved (parts outside the image count nothing)."""
    height, width = prefix.shape[0], prefix.shape[1] - 1
    r = rows[None, :] + drow[:, None]
    inside = (r >= 0) & (r < height)
    r = np.clip(r, 0, height - 1)
    c0 = np.clip(first[None, :] + dcol[:, None], 0, width)
    c1 = np.clip(last[None, :] + dcol[:, None] + 1, 0, width)
    counts = np.where(inside, prefix[r, c1].astype(np.int64) - prefix[r, c0], 0)
    return (counts & ((1 << shift) - 1)).sum(axis=1), (counts >> shift).sum(axis=1)


def _paint_runs(shape, rows, first, last, batch_pixels=1 << 22):
    """Boolean image with the runs (inclusive columns, clipped to the image) set, painted through the
    flat indexes of their pixels, by batches of about ``batch_pixels`` pixels to bound memory."""
    height, width = shape
    keep = (rows >= 0) & (rows < height) & (last >= 0) & (first < width)
    rows, first, end = rows[keep], np.clip(first[keep], 0, width), np.clip(last[keep] + 1, 0, width)
    lengths = end - first
    starts = rows.astype(np.int64) * width + first
    painted = np.zeros(shape, dtype=bool)
    flat = painted.reshape(-1)
    totals = np.cumsum(lengths)
    b0 = 0
    while b0 < lengths.size:
        # runs b0 .. b1 - 1: at most batch_pixels pixels (at least one run)
        b1 = max(int(np.searchsorted(totals, totals[b0] - lengths[b0] + batch_pixels, side="right")), b0 + 1)
        part = lengths[b0:b1]
        before = np.cumsum(part) - part  # pixels of the batch before each run
        flat[np.repeat(starts[b0:b1] - before, part) + np.arange(int(part.sum()))] = True
        b0 = b1
    return painted


def _segment_runs(start, stop):
    """Footprint runs of the digital segment: the pixels ``round(p)`` for every point ``p`` of the
    segment from ``start`` to ``stop`` (``(row, col)`` in pixels, rounding half up)."""
    start, stop = np.asarray(start, dtype=float), np.asarray(stop, dtype=float)
    delta = stop - start
    events = [0.0, 1.0]
    for axis in range(2):
        if delta[axis] != 0:
            low, high = sorted((start[axis], stop[axis]))
            halves = np.arange(math.ceil(low - 0.5), math.floor(high - 0.5) + 1) + 0.5
            events.extend(((halves - start[axis]) / delta[axis]).tolist())
    events = np.unique(np.clip(events, 0.0, 1.0))
    t = np.concatenate([events, (events[:-1] + events[1:]) / 2])
    points = _round_half_up(start[None, :] + t[:, None] * delta[None, :]).astype(np.int64)
    runs = {}
    for dy, dx in points.tolist():
        lo, hi = runs.get(dy, (dx, dx))
        runs[dy] = (min(lo, dx), max(hi, dx))
    return np.array([(dy, lo, hi) for dy, (lo, hi) in sorted(runs.items())], dtype=np.int64)


def _swept_shadows(labels, objects, angles, heights, px, py):
    """Union over ``objects`` (indexes: label - 1) of the object moved along its shadow segment, from
    the lowest to the highest height; objects sharing one segment are swept together."""
    shape = labels.shape
    ends = []
    for h in (heights[0], heights[-1]):
        east, north = shadow_shift(h, *angles)
        ends.append(np.stack([-north / py, east / px], axis=1))
    keys = np.round(np.concatenate(ends, axis=1), 9)
    slices = _ndimage().find_objects(labels)
    groups = {}
    for k in objects:
        groups.setdefault(tuple(keys[k].tolist()), []).append(k)
    shadow = np.zeros(shape, dtype=bool)
    for key, members in groups.items():
        runs = _segment_runs(key[:2], key[2:])
        r0 = min(slices[k][0].start for k in members)
        r1 = max(slices[k][0].stop for k in members)
        c0 = min(slices[k][1].start for k in members)
        c1 = max(slices[k][1].stop for k in members)
        top, bottom = max(r0 + int(runs[:, 0].min()), 0), min(r1 + int(runs[:, 0].max()), shape[0])
        left, right = max(c0 + int(runs[:, 1].min()), 0), min(c1 + int(runs[:, 2].max()), shape[1])
        if top >= bottom or left >= right:
            continue
        box = (slice(min(top, r0), max(bottom, r1)), slice(min(left, c0), max(right, c1)))
        if len(members) == len(slices):
            chosen = labels[box] != 0
        else:
            chosen = np.isin(labels[box], np.asarray(members) + 1)
        shadow[box] |= dilate_by_runs(chosen, runs)
    return shadow


# ---------------------------------------------------------------------------------------------------
# 5. The recipe: a CLM-compatible bit mask and a class raster
# ---------------------------------------------------------------------------------------------------

def refine_clm(clm, water_clouds=None, shadows=None, buffer=None, nodata=None):
    """MAJA CLM refined with the computed layers, and its class raster. Per pixel: works on strips.

    - ``water_clouds`` (clouds over water, :func:`water_clouds`) join bits 0, 1 and 2 (summary, all
      clouds except the thinnest, mono-temporal thresholds: the SWIR test is a mono-temporal test);
    - ``shadows`` (projected cloud shadows, :func:`cloud_shadows`) join bits 0 and 5 (summary, shadows
      of clouds detected in the image);
    - ``buffer`` (the dilated clouds, :func:`dilate` of the clouds, water clouds included) joins bits 0
      and 1 only: the summary and "all clouds except the thinnest", the two layers a CLM reader masks
      with (the Theia Snow collection takes CLM > 0, which then includes the buffer). The other bits keep
      telling which test or which kind of cloud a pixel comes from: a buffered pixel is not made a
      mono- or multi-temporal detection, a thin cloud, a shadow or a cirrus.

    ``nodata``: pixels set to 0 in the bit mask (as in MAJA's CLM, whose no-data is EDG) and to
    :data:`CLASS_NODATA` in the class raster.

    Returns ``(bits, classes)``, both uint8: ``bits`` the refined CLM; ``classes`` 0 clear, 1 cloud
    (CLM bits 1, 2, 3, 4 or 7, bit 0 alone, or water cloud), 2 cloud shadow (bits 5 or 6, or projected
    shadow), 3 buffer (buffer only), 255 nodata; cloud before shadow before buffer.
    """
    bits = np.array(clm, dtype=np.uint8)
    if water_clouds is not None:
        bits[np.asarray(water_clouds, dtype=bool)] |= bit_value(CLM_WATER_CLOUD_BITS)
    if shadows is not None:
        bits[np.asarray(shadows, dtype=bool)] |= bit_value(CLM_PROJECTED_SHADOW_BITS)
    is_shadow = (bits & bit_value(CLM_SHADOW_BITS)) != 0
    is_cloud = ((bits & bit_value(CLM_CLOUD_BITS)) != 0) | (bits == bit_value([CLM_SUMMARY]))
    if buffer is not None:
        buffer = np.asarray(buffer, dtype=bool)
        bits[buffer] |= bit_value(CLM_BUFFER_BITS)
    classes = np.full(clm.shape, CLASS_CLEAR, dtype=np.uint8)
    if buffer is not None:
        classes[buffer] = CLASS_BUFFER
    classes[is_shadow] = CLASS_SHADOW
    classes[is_cloud] = CLASS_CLOUD
    if nodata is not None:
        nodata = np.asarray(nodata, dtype=bool)
        bits[nodata] = 0
        classes[nodata] = CLASS_NODATA
    return bits, classes
