"""Snow detection of the Theia Snow collection (Let-It-Snow, LIS), step by step (DOMAIN.md section 5).

One function per step of the method, in the order of the method:

0. green and red from 10 m to 20 m: :func:`cubic_downsample` (GDAL's cubic warp as LIS calls it);
1. :func:`ndsi`, cloud layers :func:`cloud_layers_from_clm` / :func:`cloud_layers_from_scl` /
   :func:`cloud_layers_from_qa_pixel` / :func:`cloud_layers_from_mask`, and the slope flag :func:`slope_flag`;
2. dark-cloud test: :func:`coarse_red` (red averaged down to 240 m and brought back) then
   :func:`dark_cloud_test`;
3. :func:`back_to_cloud`;
4. :func:`first_pass`;
5. snowline: :func:`dem_bin_edges`, :func:`snowline_histogram` (counts that add up across strips),
   :func:`snowline_elevation`;
6. :func:`second_pass`;
7. :func:`snow_map`, :func:`snow_bits`, :func:`map_counts` / :func:`snow_cloud_percent`;

then the fractional snow cover of later LIS versions (:func:`fsc_toc`, :func:`fsc_og`, :func:`fsc_codes`,
:func:`qc_flags`), the data of the elevation histogram report (:func:`elevation_histogram`) and the check of
thresholds (:func:`threshold_errors`).

Conventions
-----------
- Reflectances are in 0..1. For the strict comparisons to agree with LIS at the exact thresholds, compute
  them by division, ``(DN + offset) / quantification`` (``2000 / 10000 == 0.2`` exactly as a double, whereas
  ``2000 * 1e-4`` is above 0.2). LIS compares the integer DN with ``threshold * 1000 * multi`` in double
  precision; division keeps the same order. NDSI is scale-free: passing the integer DN arrays to
  :func:`ndsi` reproduces LIS's double-precision NDSI to the last bit.
- Nodata is a boolean array (True = nodata), never a magic value: the map's nodata comes from the SWIR
  band (LIS ``initialize_no_data_mask``: SWIR == nodata, -10000 on MAJA products, 0 on Sen2Cor), the
  coarse red's from the red band (LIS writes the red band with its own nodata before averaging it).
  Values of the reflectances at nodata pixels do not matter, NaN included (every comparison with NaN is
  False).
- All comparisons are strict, as in LIS (``>``, never ``>=``), except the slope flag (MG2 >= 64).

Block processing
----------------
The final algorithm reads strips of whole rows. Two steps of the method are global:

- the coarse red of the dark-cloud test, which looks about 1.5 coarse pixels around each pixel: read the
  strips with a halo of :func:`dark_cloud_halo` rows and give :func:`coarse_red` the position of the strip
  in the image; every coarse value is computed from the same source pixels in the same order whatever the
  strip, so the result does not depend on the strip height;
- the snowline: a first sweep accumulates :func:`snowline_histogram` counts (they add up across strips)
  between :func:`dem_bin_edges` of the whole DEM's minimum and maximum, :func:`snowline_elevation` gives
  ``zs``, and a second sweep runs pass 2 and writes the outputs.

Where the LIS facts below come from (checked in the LIS repository, orfeotoolbox/let-it-snow, and its
``s2snow`` Python package of LIS 1.7 and later; described, not copied):

- ``snow_detector.py``: ``compute_snow_pass1``, ``compute_snow_pass2``, ``compute_final_mask``,
  ``initialize_no_data_mask``, ``compute_ndsi``, ``compute_fsc_toc``, ``compute_fsc_og`` and the order of
  the passes in ``detect_snow``;
- ``cloud_extraction.py`` / the older ``snow_detector`` class: ``extract_all_clouds`` (CLM > 0; SCL 3, 8,
  9, 10), ``extract_cloud_shadows`` (CLM bit masks 32 and 64; SCL 3), ``extract_high_clouds`` (CLM bit
  mask 128; SCL 10), ``extract_back_to_cloud_mask``, ``refine_cloud_mask``;
- ``gdal_wrappers.py``: ``extract_red_nn`` (``resample_red_band``, ``resample_red_band_nn``);
- ``histo_utils.cxx``: ``compute_snowline_internal`` and ``get_elev_snowline_from_bin``;
- ``itkNarySnowMaskImageFilter.h`` (the bit field), ``utils.py`` ``compute_percent``,
  ``qc_flags.py`` ``edit_lis_fsc_qc_layers``, and the parameter schema (``doc/atbd/schema.json``).
"""
import math
from collections import namedtuple

import numpy as np
from scipy import ndimage, sparse

from . import defaults, masks

# --------------------------------------------------------------------------------------------------
# Parameters
# --------------------------------------------------------------------------------------------------

#: The LIS defaults, with their source: core/defaults.py, the one place where they are written. Keyword
#: arguments of this module are the lower-case names and default to them.
LIS_DEFAULTS = _LIS = defaults.LIS_DEFAULTS

# Codes of the snow map (Theia ``*_SNW_R2.tif``, LIS ``LIS_SEB.TIF``).
NO_SNOW = 0
SNOW = 100
CLOUD = 205
NODATA_CODES = (254, 255)

#: The slope flag of the bit field: MG2 >= 64, i.e. bit 6 (sun too low) or bit 7 (sun tangent) set
#: (LIS ``div_slope_thres``; ``im1b1 >= 64``).
SLOPE_FLAG_THRESHOLD = 64

# Bits of the LIS bit field (``SNOW_ALL``): one input image per bit, bit i set where input i > 0.
BIT_PASS1, BIT_PASS2, BIT_CLOUD_PASS1, BIT_CLOUD_REFINED, BIT_CLOUD_ORIGINAL, BIT_SLOPE = 0, 1, 2, 3, 4, 5

# Bits of the QC flags of the fractional snow cover (LIS ``edit_lis_fsc_qc_layers``).
QC_SUN_TOO_LOW, QC_SUN_TANGENT, QC_WATER, QC_TREE_COVER_DENSE = 0, 1, 2, 3
QC_SNOW_UNDER_CLOUD, QC_TREE_COVER_UNKNOWN, QC_SHADED_SNOW = 4, 5, 6

#: LIS skips the elevation bins whose centre is below -413 m (the shore of the Dead Sea): the test in
#: ``get_elev_snowline_from_bin`` reads ``centre < -413 && centre < 8850``, which only rejects the low
#: side (the upper bound was meant to be ``> 8850``). Reproduced as written.
LOWEST_VALID_BIN_CENTRE = -413.0

# --------------------------------------------------------------------------------------------------
# Threshold check (codes, no user-visible text: the Processing layer translates them)
# --------------------------------------------------------------------------------------------------

ERROR_NDSI_PASS2_ABOVE_PASS1 = "ndsi_pass2_above_pass1"
ERROR_RED_PASS2_ABOVE_PASS1 = "red_pass2_above_pass1"
ERROR_NOT_POSITIVE = "not_positive"
ERROR_NOT_FRACTION = "not_fraction"
ERROR_BAD_NODATA_CODE = "bad_nodata_code"


def threshold_errors(ndsi_pass1=_LIS["NDSI_PASS1"], red_pass1=_LIS["RED_PASS1"], ndsi_pass2=_LIS["NDSI_PASS2"],
                     red_pass2=_LIS["RED_PASS2"], dz=_LIS["DZ"], fsnow_lim=_LIS["FSNOW_LIM"],
                     fclear_lim=_LIS["FCLEAR_LIM"], fsnow_total_lim=_LIS["FSNOW_TOTAL_LIM"],
                     resize_factor=_LIS["RESIZE_FACTOR"], nodata_code=_LIS["NODATA_CODE"], **_ignored):
    """Problems with a set of thresholds, as ``(code, parameter name)`` pairs; empty when all is well.

    - ``ERROR_NDSI_PASS2_ABOVE_PASS1`` / ``ERROR_RED_PASS2_ABOVE_PASS1``: pass 2 must not be stricter
      than pass 1 (``ndsi_pass2 <= ndsi_pass1`` and ``red_pass2 <= red_pass1``; equal is allowed);
    - ``ERROR_NOT_POSITIVE``: ``dz`` (m) and ``resize_factor`` (pixels, an integer) must be positive;
    - ``ERROR_NOT_FRACTION``: ``fsnow_lim``, ``fclear_lim``, ``fsnow_total_lim`` must lie in 0..1;
    - ``ERROR_BAD_NODATA_CODE``: the nodata code must be 254 or 255.

    Other keyword arguments (e.g. ``red_darkcloud``) are accepted and ignored, so that a whole parameter
    mapping can be passed.
    """
    problems = []
    if ndsi_pass2 > ndsi_pass1:
        problems.append((ERROR_NDSI_PASS2_ABOVE_PASS1, "ndsi_pass2"))
    if red_pass2 > red_pass1:
        problems.append((ERROR_RED_PASS2_ABOVE_PASS1, "red_pass2"))
    if not dz > 0:
        problems.append((ERROR_NOT_POSITIVE, "dz"))
    if not (resize_factor >= 1 and int(resize_factor) == resize_factor):
        problems.append((ERROR_NOT_POSITIVE, "resize_factor"))
    for name, value in (("fsnow_lim", fsnow_lim), ("fclear_lim", fclear_lim),
                        ("fsnow_total_lim", fsnow_total_lim)):
        if not 0 <= value <= 1:
            problems.append((ERROR_NOT_FRACTION, name))
    if nodata_code not in NODATA_CODES:
        problems.append((ERROR_BAD_NODATA_CODE, "nodata_code"))
    return problems


# --------------------------------------------------------------------------------------------------
# Step 0: green and red brought from 10 m to 20 m (cubic convolution, as GDAL's warper)
# --------------------------------------------------------------------------------------------------

def cubic_weight(x):
    """Cubic convolution kernel of Keys with a = -0.5 (Catmull-Rom), GDAL's ``GWKCubic``:
    ``1.5|x|^3 - 2.5|x|^2 + 1`` for ``|x| <= 1``, ``-0.5|x|^3 + 2.5|x|^2 - 4|x| + 2`` for ``1 < |x| <= 2``, else 0.
    ``x`` in kernel units (output pixels when downsampling). Written as GDAL writes it, so that the
    weights are the same doubles."""
    x = np.abs(np.asarray(x, dtype=np.float64))
    x2 = x * x
    return np.where(x <= 1.0, x2 * (1.5 * x - 2.5) + 1.0,
                    np.where(x <= 2.0, x2 * (-0.5 * x + 2.5) - 4.0 * x + 2.0, 0.0))


def _cubic_taps(factor):
    """Source offsets (from the first source pixel of an output pixel's footprint) and weights of the
    cubic kernel stretched by ``factor``, as GDAL's warper lays them out when it shrinks an image
    (``GWKResample``): radius ``ceil(2 factor)`` source pixels around the output pixel's centre, weight
    ``cubic((i - delta) * scale)`` with ``scale = 1 / factor``. Zero weights are dropped."""
    f = int(factor)
    radius = int(math.ceil(2.0 * f))
    centre = f / 2.0
    i_src = math.floor(centre - 0.5)
    delta = centre - 0.5 - i_src
    taps = np.arange(1 - radius, radius + 1)
    weights = cubic_weight((taps - delta) * (1.0 / f))
    keep = weights != 0
    return (taps + i_src)[keep], weights[keep]


def cubic_halo(factor=2):
    """Source pixels of margin :func:`cubic_downsample` needs on each side of the footprint of its output:
    3 for a factor of 2 (the kernel of a 20 m pixel spans 8 pixels at 10 m)."""
    offsets, _weights = _cubic_taps(factor)
    return int(max(-offsets.min(), offsets.max() - (int(factor) - 1), 0))


#: The cubic weights of a factor of 2 are multiples of 1/128: sums over integer DN are then done on
#: integers (exact, and faster than in floating point).
_CUBIC_WEIGHT_UNIT = 128


def _strided_pass(x, axis, n_out, factor, margin, offsets, weights, dtype):
    """``out[k] = sum_t weights[t] * x[margin + factor k + offsets[t]]`` along ``axis`` (0 or 1), in
    ``dtype``. Taps of equal weight placed symmetrically are added first (one multiplication per pair)."""
    def taps(t):
        start = margin + int(offsets[t])
        index = slice(start, start + factor * (n_out - 1) + 1, factor)
        return x[index] if axis == 0 else x[:, index]

    n = len(offsets)
    groups, done = [], set()
    for t in range(n):
        u = n - 1 - t
        if t in done:
            continue
        pair = u != t and u not in done and weights[u] == weights[t]
        groups.append((t, u if pair else None))
        done.update((t, u) if pair else (t,))
    out = term = None
    for t, u in groups:
        if out is None:
            out = np.add(taps(t), taps(u), dtype=dtype) if u is not None else taps(t).astype(dtype)
            out *= weights[t]
            continue
        if term is None:
            term = np.empty(out.shape, dtype=dtype)
        if u is not None:
            np.add(taps(t), taps(u), out=term, dtype=dtype)
        else:
            term[...] = taps(t)
        term *= weights[t]
        out += term
    return out


def _separable_sum(x, n_rows, n_cols, factor, margin, offsets, weights, integer, mask=False):
    """Sums of weight x value of :func:`cubic_downsample`'s kernel over ``x`` (vertical then horizontal),
    float64. ``integer``: ``x`` holds integers and ``weights`` are whole multiples of
    1/:data:`_CUBIC_WEIGHT_UNIT`, so the sums are done on integers, exactly; ``mask``: ``x`` holds 0 and 1
    (sums of weights, which fit smaller integers)."""
    if integer:
        units = np.rint(weights * _CUBIC_WEIGHT_UNIT).astype(np.int64)
        if not mask and x.dtype != np.int32:
            x = x.astype(np.int32)          # one conversion, then additions of one type (no casting loops)
        vertical = _strided_pass(x, 0, n_rows, factor, margin, offsets, units, np.int16 if mask else np.int32)
        # the horizontal sums on int32 too when they cannot overflow it (reflectance DN), else float64
        # (whole numbers all the same, exact either way)
        small = mask or int(np.abs(units).sum()) * max(int(vertical.max(initial=0)),
                                                       -int(vertical.min(initial=0))) < 2 ** 31
        both = _strided_pass(vertical, 1, n_cols, factor, margin, offsets, units, np.int32 if small else np.float64)
        if not mask and small:
            both = both.astype(np.float64)
        return np.multiply(both, 1.0 / (_CUBIC_WEIGHT_UNIT * _CUBIC_WEIGHT_UNIT),
                           out=None if mask else both)
    vertical = _strided_pass(x, 0, n_rows, factor, margin, offsets, weights, np.float64)
    return _strided_pass(vertical, 1, n_cols, factor, margin, offsets, weights, np.float64)


def cubic_downsample(dn, factor=2, nodata=None, first_row=0, first_col=0, height=None, width=None):
    """Digital numbers brought to a grid ``factor`` times coarser by cubic convolution, as LIS brings the
    10 m green (B3) and red (B4) bands to 20 m: ``gdal.Warp(resampleAlg=cubic, xRes=20, yRes=20)`` on the
    DN, written in the band's own type (int16 for Theia FRE, uint16 for Sen2Cor).

    What GDAL's warper does when it shrinks an image, reproduced here: the cubic kernel (a = -0.5,
    :func:`cubic_weight`) is stretched by the ratio, so that a 20 m pixel takes 8 x 8 pixels at 10 m, with
    weights ``cubic(d / factor)`` of the distance ``d`` (10 m pixels) from its centre, separable; nodata
    pixels and pixels outside the image are left out and the weights renormalised by the sum of the
    weights of the pixels kept (``num * (1 / den)``, unless ``den`` is within 1e-5 of 1); an output pixel
    is nodata when the source pixel under its centre (the lower-right one of its 2 x 2 footprint) is
    nodata or outside the image, or when its weights add up to less than 1e-6; integer outputs are rounded
    (``floor(x + 0.5)``), clipped to the type's range, and moved off the nodata value by one DN if they
    land on it (downwards; upwards when nodata is the type's minimum), as GDAL does. For a factor of 2 the
    weights are multiples of 1/128, so every sum is exact (done on integers for integer DN) and the result
    is GDAL's bit for bit, checked against GDAL 3.6 with and without nodata, at the edges and on odd sizes
    (tests/test_core_snow.py). Other factors sum in floating point in another order than GDAL: a value
    within about 1e-12 of a half DN may round the other way.

    ``dn`` (2-D, any numeric type) holds the pixels ``first_row ..`` x ``first_col ..`` of a source image
    of ``height`` x ``width`` pixels (default: the array is the whole image); it must cover the footprint
    of the output plus :func:`cubic_halo` pixels on each side: output pixel ``(r, c)`` has the footprint
    ``dn[m + f r : m + f (r + 1), m + f c : m + f (c + 1)]`` with ``m = cubic_halo(f)``, and the output has
    ``(rows - 2 m) // f`` x ``(cols - 2 m) // f`` pixels. Pixels of ``dn`` outside the image (negative
    positions, or beyond ``height``/``width``) are ignored whatever their value, so a strip read with its
    halo gives exactly the whole image's rows. ``nodata``: the DN of missing pixels (NaN is always missing
    in float input); None: none.

    Returns ``(values, invalid)``: ``values`` in the type of ``dn`` (float input gives float32, as GDAL
    writes a Float32 band) and ``invalid`` (boolean); invalid pixels hold ``nodata`` (integers: 0 when
    None, GDAL's initial value; floats: NaN when None).
    """
    dn = np.asarray(dn)
    f = int(factor)
    if f < 1:
        raise ValueError("factor must be a positive integer")
    m = cubic_halo(f)
    rows, cols = dn.shape
    height = first_row + rows if height is None else int(height)
    width = first_col + cols if width is None else int(width)
    n_rows, n_cols = (rows - 2 * m) // f, (cols - 2 * m) // f
    if n_rows < 0 or n_cols < 0:
        raise ValueError("cubic_downsample needs {} pixels of margin around the output's footprint".format(m))
    if n_rows == 0 or n_cols == 0:
        empty = np.empty((n_rows, n_cols), dtype=np.float32 if dn.dtype.kind == "f" else dn.dtype)
        return empty, np.empty((n_rows, n_cols), dtype=bool)
    offsets, weights = _cubic_taps(f)
    exact = bool(np.all(weights * _CUBIC_WEIGHT_UNIT == np.rint(weights * _CUBIC_WEIGHT_UNIT)))
    # integers fit int32 after the vertical pass: |DN| < 2^16 times the sum of |weights| x 128 (304)
    integer = exact and dn.dtype.kind in "iu" and dn.dtype.itemsize <= 2

    positions = np.arange(first_row, first_row + rows)
    row_in = (positions >= 0) & (positions < height)
    positions = np.arange(first_col, first_col + cols)
    col_in = (positions >= 0) & (positions < width)
    den_rows = _strided_pass(row_in.astype(np.float64), 0, n_rows, f, m, offsets, weights, np.float64)
    den_cols = _strided_pass(col_in.astype(np.float64), 0, n_cols, f, m, offsets, weights, np.float64)
    out = np.empty((n_rows, n_cols), dtype=np.float32 if dn.dtype.kind == "f" else dn.dtype)
    invalid = np.empty((n_rows, n_cols), dtype=bool)
    # Output rows in chunks whose work arrays stay in the processor's cache (several times faster than
    # passes over whole strips); every output pixel is computed from the same pixels alike.
    chunk = max(4, _CUBIC_CHUNK_BYTES // (4 * f * cols))
    for r0 in range(0, n_rows, chunk):
        r1 = min(n_rows, r0 + chunk)
        source = slice(f * r0, f * r1 + 2 * m)
        out[r0:r1], invalid[r0:r1] = _cubic_rows(dn[source], row_in[source], col_in, den_rows[r0:r1], den_cols,
                                                 f, m, offsets, weights, exact, integer, nodata)
    return out, invalid


#: Bytes of source pixels per chunk of :func:`cubic_downsample` (a few of its work arrays fit in cache).
_CUBIC_CHUNK_BYTES = 2 ** 20


def _columns_with_data(gone, n_cols, f, m, offsets):
    """``(first, last)``: the output columns ``first .. last - 1`` of :func:`_cubic_rows` outside the runs of
    ``gone`` source columns (no data or outside the image on every row) at the left and right ends, whose
    kernels lie wholly in those runs."""
    kept = np.flatnonzero(~gone)
    if not kept.size:
        return 0, 0
    # column c's kernel: source columns m + f c + offsets
    first = max(0, -((-(int(kept[0]) - m - int(offsets.max()))) // f))
    last = min(n_cols, (int(kept[-1]) - m - int(offsets.min())) // f + 1)
    return first, max(first, last)


def _cubic_rows(dn, row_in, col_in, den_rows, den_cols, f, m, offsets, weights, exact, integer, nodata):
    """:func:`cubic_downsample` of the output rows whose footprints and margins ``dn`` holds."""
    n_rows, n_cols = len(den_rows), len(den_cols)
    is_float = dn.dtype.kind == "f"
    missing = None                          # nodata pixels inside the image
    if is_float:
        missing = np.isnan(dn)
    if nodata is not None and not (is_float and np.isnan(nodata)):
        missing = (dn == nodata) if missing is None else (missing | (dn == nodata))
    if missing is not None and not missing.any():
        missing = None                      # rows without nodata (the usual case): nothing to leave out
    if missing is not None:
        # Output columns whose kernels hold only nodata pixels or pixels outside the image (beyond the edge
        # of a swath) are no data; the others, each computed from its own kernel, are computed alone.
        first, last = _columns_with_data(missing.all(axis=0) | ~col_in, n_cols, f, m, offsets)
        if (first, last) != (0, n_cols):
            out = np.empty((n_rows, n_cols), dtype=np.float32 if is_float else dn.dtype)
            out[...] = (np.nan if nodata is None or np.isnan(nodata) else nodata) if is_float else (
                0 if nodata is None else nodata)
            invalid = np.ones((n_rows, n_cols), dtype=bool)
            if last > first:
                inner = slice(f * first, f * last + 2 * m)
                out[:, first:last], invalid[:, first:last] = _cubic_rows(
                    dn[:, inner], row_in, col_in[inner], den_rows, den_cols[first:last], f, m, offsets, weights,
                    exact, integer, nodata)
            return out, invalid
    if missing is None:
        values = dn
    elif is_float:
        values = np.where(missing, np.zeros(1, dn.dtype), dn)
    else:                                   # integers: times 0 or 1 (ten times faster than np.where)
        values = dn * ~missing
    if not (row_in.all() and col_in.all()):  # pixels outside the image weigh nothing
        values = values.copy() if values is dn else values
        values[~row_in] = 0
        values[:, ~col_in] = 0
        if missing is not None:
            missing[~row_in] = False
            missing[:, ~col_in] = False

    # Sums of weight x value over the valid pixels.
    num = _separable_sum(values, n_rows, n_cols, f, m, offsets, weights, integer)
    # Sums of the weights of the valid pixels: the image's edges are separable; nodata pixels inside the
    # image are taken off over the columns they touch only.
    den = np.outer(den_rows, den_cols)
    bad_cols = np.flatnonzero(missing.any(axis=0)) if missing is not None else np.empty(0, int)
    if bad_cols.size:
        k0 = max(0, (int(bad_cols[0]) - m - int(offsets.max())) // f)
        k1 = min(n_cols, (int(bad_cols[-1]) - m - int(offsets.min())) // f + 1)
        part = missing[:, f * k0:f * k1 + 2 * m].view(np.uint8)
        den[:, k0:k1] -= _separable_sum(part, n_rows, k1 - k0, f, m, offsets, weights, exact, mask=True)

    # Nodata: the source pixel under the centre is missing or outside, or no weight is left.
    centre = m + int(math.floor(f / 2.0 + 1e-10))
    rows_at, cols_at = slice(centre, centre + f * n_rows, f), slice(centre, centre + f * n_cols, f)
    invalid = ~(row_in[rows_at][:, None] & col_in[cols_at][None, :])
    if missing is not None:
        invalid |= missing[rows_at, cols_at]
    invalid |= den < 1e-6
    # GDAL multiplies by the inverse of the sum of the weights, unless that sum is 1 within 1e-5
    with np.errstate(divide="ignore", invalid="ignore"):
        result = np.multiply(num, np.divide(1.0, den))
    if den.max() >= 0.99999 and den.min() <= 1.00001:
        near_one = (den >= 0.99999) & (den <= 1.00001)
        result[near_one] = num[near_one]
    if is_float:
        out = result.astype(np.float32)
        out[invalid] = np.nan if nodata is None or np.isnan(nodata) else nodata
        return out, invalid
    info = np.iinfo(dn.dtype)
    result[invalid] = 0.0
    result += 0.5
    np.floor(result, out=result)
    if result.min() < info.min or result.max() > info.max:
        np.clip(result, info.min, info.max, out=result)
    out = result.astype(dn.dtype)
    if nodata is not None:
        out[out == nodata] = nodata + 1 if nodata == info.min else nodata - 1
    out[invalid] = 0 if nodata is None else nodata
    return out, invalid


# --------------------------------------------------------------------------------------------------
# Step 0: NDSI, cloud layers, slope flag
# --------------------------------------------------------------------------------------------------

def ndsi(green, swir):
    """Normalised difference snow index ``(G - S) / (G + S)``, float64.

    ``green`` (B3) and ``swir`` (B11) in the same unit: reflectance 0..1, or the integer DN (the NDSI
    does not depend on the scale; integer DN give exactly LIS's double-precision value). Where G + S = 0
    the result is NaN (0/0) or +-inf, as in LIS's band math; NaN fails every test, +inf passes the NDSI
    tests as it does in LIS.
    """
    with np.errstate(divide="ignore", invalid="ignore"):
        difference = np.subtract(green, swir, dtype=np.float64)
        return np.divide(difference, np.add(green, swir, dtype=np.float64), out=difference)


CloudLayers = namedtuple("CloudLayers", "all_cloud shadow high")
CloudLayers.__doc__ = """Boolean cloud layers of step 1: ``all_cloud`` (any cloud or shadow of the product's mask),
``shadow`` (cloud shadows) and ``high`` (high clouds). Shadows and high clouds stay cloud whatever the
dark-cloud test says."""


def cloud_layers_from_clm(clm):
    """Cloud layers from a MAJA CLM bit mask (LIS ``extract_all_clouds`` etc., MAJA mode).

    ``all_cloud`` = CLM > 0 (any bit); ``shadow`` = bit 5 (shadows of clouds in the image, mask 32) or
    bit 6 (shadows of clouds outside the image, mask 64); ``high`` = bit 7 (high clouds, mask 128).
    """
    clm = np.asarray(clm)
    return CloudLayers(
        all_cloud=clm > 0,
        shadow=masks.any_bit_set(clm, (masks.CLM_SHADOWS, masks.CLM_SHADOWS_OUTSIDE)),
        high=masks.any_bit_set(clm, (masks.CLM_HIGH_CLOUDS,)),
    )


def cloud_layers_from_scl(scl):
    """Cloud layers from a Sen2Cor scene classification (LIS ``sen2cor`` mode).

    ``all_cloud`` = SCL in {3 cloud shadow, 8 cloud medium probability, 9 cloud high probability,
    10 thin cirrus}; ``shadow`` = SCL 3; ``high`` = SCL 10.
    """
    scl = np.asarray(scl)
    return CloudLayers(
        all_cloud=masks.in_classes(scl, masks.LIS_SCL_CLASSES),
        shadow=scl == masks.SCL_CLOUD_SHADOW,
        high=scl == masks.SCL_CIRRUS,
    )


def cloud_layers_from_qa_pixel(qa):
    """Cloud layers from a USGS Landsat Collection 2 ``QA_PIXEL`` bit field (uint16).

    ``all_cloud`` = any of bits 1 (dilated cloud), 2 (cirrus), 3 (cloud) and 4 (cloud shadow), the
    counterpart of CLM > 0; ``shadow`` = bit 4; ``high`` = bit 2 (cirrus, the counterpart of CLM bit 7).
    Bit 0 (fill) is no data, told by the SWIR band's no data as on other products. (LIS knows MAJA,
    Sen2Cor and LaSRC masks; this is the same reading of the USGS mask.)
    """
    qa = np.asarray(qa)
    return CloudLayers(
        all_cloud=masks.any_bit_set(qa, masks.LIS_QA_PIXEL_BITS),
        shadow=masks.any_bit_set(qa, (masks.QA_CLOUD_SHADOW,)),
        high=masks.any_bit_set(qa, (masks.QA_CIRRUS,)),
    )


def cloud_layers_from_mask(mask):
    """Cloud layers from a binary cloud mask (non-zero = cloud): ``all_cloud`` = mask != 0.

    A binary mask says nothing of shadows or high clouds: both layers are empty, so every cloud pixel
    goes through the dark-cloud test. (Not a LIS mode; LIS knows MAJA, Sen2Cor and LaSRC masks.)
    """
    mask = np.asarray(mask)
    empty = np.zeros(mask.shape, dtype=bool)
    return CloudLayers(all_cloud=mask != 0, shadow=empty, high=empty.copy())


def slope_flag(mg2, threshold=SLOPE_FLAG_THRESHOLD):
    """Bit 5 of the bit field: MG2 >= ``threshold`` (64: sun too low or tangent for the slope correction)."""
    return np.asarray(mg2) >= threshold


# --------------------------------------------------------------------------------------------------
# Step 2: dark-cloud test, with the red band averaged to the coarse grid
# --------------------------------------------------------------------------------------------------

def coarse_grid_size(width, height, resize_factor=_LIS["RESIZE_FACTOR"]):
    """Size ``(coarse_width, coarse_height)`` of the coarse grid: ``floor(W / f)`` x ``floor(H / f)``.

    LIS (``resample_red_band``) asks GDAL for ``xSize / rf`` by ``ySize / rf`` pixels over the same extent;
    GDAL truncates the size (checked with GDAL 3.6: ``width=457.5`` gives 457). The coarse pixels are
    therefore ``W / floor(W / f)`` source pixels wide, slightly more than ``f`` when ``W`` is not a
    multiple of ``f`` (240.26 m on a 5490-pixel tile): the remainder is spread over the whole row, there
    is no partial block at the right or bottom edge. Images smaller than ``f`` pixels get one coarse
    pixel (LIS would ask GDAL for a zero size there).
    """
    f = int(resize_factor)
    return max(1, int(width) // f), max(1, int(height) // f)


def dark_cloud_halo(height, resize_factor=_LIS["RESIZE_FACTOR"]):
    """Rows of halo a strip needs above and below for :func:`coarse_red`: ``ceil(1.5 H / Hc) + 1``.

    A full-resolution row takes the value of the nearest coarse row (at most half a coarse pixel away),
    whose kernel reaches one coarse pixel further on each side.
    """
    coarse_height = coarse_grid_size(1, height, resize_factor)[1]
    return int(math.ceil(1.5 * height / coarse_height)) + 1


def _axis_kernel(n_src, n_dst):
    """Separable kernel of GDAL's bilinear warp from ``n_src`` to ``n_dst`` pixels along one axis.

    Returns ``first`` and ``last`` (n_dst,), the source pixels of each kernel (may lie outside the image),
    ``weights`` (n_dst, taps), the weight of source ``first + t`` (0 outside the kernel or the image), and
    ``centre`` (n_dst,), the source pixel under the coarse pixel's centre.
    """
    k = np.arange(n_dst, dtype=np.int64)
    # Source pixels j with |j + 0.5 - c| < n_src / n_dst, c = (k + 0.5) n_src / n_dst, in integers.
    first = ((2 * k - 1) * n_src - n_dst) // (2 * n_dst) + 1
    last = -((-((2 * k + 3) * n_src - n_dst)) // (2 * n_dst)) - 1
    taps = int((last - first).max()) + 1
    j = first[:, None] + np.arange(taps)[None, :]
    centre = (k + 0.5) * n_src / n_dst
    weights = 1.0 - np.abs(j + 0.5 - centre[:, None]) * (n_dst / n_src)
    weights[(j > last[:, None]) | (j < 0) | (j >= n_src) | (weights < 0)] = 0.0
    return first, last, weights, ((2 * k + 1) * n_src) // (2 * n_dst)


def _sparse_kernel(first, weights, n_src):
    """The kernel of :func:`_axis_kernel` as a sparse (n_dst, n_src) matrix, taps in increasing order."""
    columns = first[:, None] + np.arange(weights.shape[1])[None, :]
    keep = weights > 0
    indptr = np.concatenate([[0], np.cumsum(keep.sum(axis=1))])
    return sparse.csr_matrix((weights[keep], columns[keep], indptr), shape=(len(first), n_src))


def _coarse_rows_for(rows, height, coarse_height):
    """Coarse row of each full-resolution row (nearest neighbour: the coarse pixel containing the centre)."""
    rows = np.asarray(rows, dtype=np.int64)
    return ((2 * rows + 1) * coarse_height) // (2 * height)


def coarse_red(red, first_row=0, rows=None, height=None, resize_factor=_LIS["RESIZE_FACTOR"], red_nodata=None,
               quantification=10000):
    """Red band averaged down to the coarse grid and brought back to full resolution (step 2).

    What LIS does (``extract_red_nn``): GDAL warp of the red band (int16 DN, nodata -10000) to
    ``floor(W/12)`` x ``floor(H/12)`` pixels over the same extent with *bilinear* resampling, then a second
    warp back to ``W`` x ``H`` with *nearest neighbour*. When it shrinks an image, GDAL's bilinear is not
    4-pixel interpolation: its kernel is stretched by the ratio, i.e. a tent ``1 - |d| / r`` over every
    source pixel whose centre is less than ``r = W / Wc`` source pixels (about 12, i.e. 240 m) from the
    coarse pixel's centre, separable in x and y, normalised by the sum of the weights of the valid
    (not nodata) pixels. Measured on GDAL 3.6 (this machine's) on random rasters with nodata, this module
    reproduces GDAL's output exactly, including three details:

    - a coarse pixel is nodata when the source pixel under its centre is nodata (GDAL skips it), even if
      other pixels of its kernel are valid; it is also nodata when no valid pixel has weight;
    - at the image edges the kernel is cut and renormalised (no partial blocks: see
      :func:`coarse_grid_size`);
    - the average is rounded to an integer DN (``floor(x + 0.5)``), as GDAL writes the int16 of the
      source: ``quantification`` is the DN per unit of reflectance (10000; ``None`` keeps the exact mean).

    Then nearest neighbour: full-resolution pixel ``(r, c)`` takes coarse pixel
    ``(floor((r + 0.5) Hc / H), floor((c + 0.5) Wc / W))``, GDAL's choice on square images (checked on
    61, 127, 1000 and 5490 pixel squares).

    Known differences with LIS, both GDAL artefacts rather than method:

    - GDAL computes the kernel ratio from the source window it reads, which for some sizes is not the
      geometric ratio (GDAL 3.6 uses 457/5484 instead of 457/5490 on a full 20 m tile): a kernel 0.1 %
      narrower, which changes about 6 % of the coarse values by 1 DN (1e-4 reflectance), and the map only
      where the coarse red is within 1e-4 of ``red_darkcloud``. Forcing GDAL's ``XSCALE``/``YSCALE`` warp
      options to the ratio makes GDAL agree with this function exactly. The rule has changed across GDAL
      versions, so no version is imitated.
    - On a non-square image LIS's second warp lets GDAL choose square output pixels, which stretches the
      coarse grid before LIS writes the original georeferencing back; the straightforward mapping above is
      used instead (identical on square images such as full tiles).

    Strips: ``red`` holds image rows ``first_row .. first_row + len(red) - 1`` (whole rows), ``rows`` are
    the image rows wanted (a ``range`` or ``slice``; default: all rows of ``red``), ``height`` the image
    height (default: ``first_row + len(red)``). The rows of ``red`` must cover the kernels of the needed
    coarse rows: read strips with :func:`dark_cloud_halo` rows of halo. Every coarse value is computed from
    the same pixels in the same order whatever the strip, so strips give exactly the whole-image result.

    ``red`` in reflectance (0..1); ``red_nodata`` boolean, same shape, True = nodata (default: non-finite
    values). Returns float64 ``(len(rows), W)``, NaN where the coarse pixel is nodata.
    """
    red = np.asarray(red)
    n_rows, width = red.shape
    height = first_row + n_rows if height is None else int(height)
    if rows is None:
        rows = range(first_row, first_row + n_rows)
    elif isinstance(rows, slice):
        rows = range(*rows.indices(height))
    if len(rows) == 0:
        return np.empty((0, width), dtype=np.float64)
    invalid = ~np.isfinite(red) if red_nodata is None else np.asarray(red_nodata, dtype=bool)

    coarse_width, coarse_height = coarse_grid_size(width, height, resize_factor)
    k_rows = _coarse_rows_for(rows, height, coarse_height)
    k0, k1 = int(k_rows.min()), int(k_rows.max())
    y_first, y_last, y_weights, y_centre = (part[k0:k1 + 1] for part in _axis_kernel(height, coarse_height))
    top, bottom = max(0, int(y_first.min())), min(height - 1, int(y_last.max()))
    if top < first_row or bottom >= first_row + n_rows:
        raise ValueError("coarse_red needs image rows {}..{}, the strip holds {}..{}".format(
            top, bottom, first_row, first_row + n_rows - 1))

    # Horizontal pass on every source row the kernels use: sums of weight x value and of weight over
    # valid pixels, one sparse product per sum, whose rows accumulate the taps in increasing column order
    # (as GDAL accumulates a row; the same additions in the same order whatever the strip).
    x_first, _x_last, x_weights, x_centre = _axis_kernel(width, coarse_width)
    x_kernel = _sparse_kernel(x_first, x_weights, width)
    block = slice(top - first_row, bottom - first_row + 1)
    values = np.where(invalid[block], 0.0, red[block]).astype(np.float64, copy=False)
    row_num = values @ x_kernel.T
    row_den = (~invalid[block]).astype(np.float64) @ x_kernel.T

    centre_valid = ~invalid[(y_centre - first_row)[:, None], x_centre[None, :]]
    coarse = _coarse_vertical(row_num, row_den, top, bottom, y_first, y_weights, centre_valid, quantification)
    x_nearest = _coarse_rows_for(np.arange(width), width, coarse_width)
    return np.take(coarse[k_rows - k0], x_nearest, axis=1)


def _coarse_vertical(row_num, row_den, top, bottom, y_first, y_weights, centre_valid, quantification):
    """Vertical pass of :func:`coarse_red` on the horizontal sums of image rows ``top .. bottom``: rows in
    increasing order, each row's sums times its weight; the average where the centre pixel is valid and
    some weight is left (else NaN), rounded to ``quantification``."""
    num = np.zeros((len(y_first), row_num.shape[1]))
    den = np.zeros((len(y_first), row_num.shape[1]))
    for tap in range(y_weights.shape[1]):
        source = np.clip(y_first + tap, top, bottom) - top
        weight = y_weights[:, tap][:, None]
        num += row_num[source] * weight
        den += row_den[source] * weight

    keep = centre_valid & (den >= 1e-6)
    with np.errstate(divide="ignore", invalid="ignore"):
        coarse = np.where(keep, num / den, np.nan)
    if quantification:
        coarse = np.floor(coarse * quantification + 0.5) / quantification
    return coarse


class CoarseRed:
    """:func:`coarse_red` of a whole image given strip by strip: the horizontal pass of each strip as it
    comes (:meth:`add`, the first sweep of the snow map), the vertical pass once every row is in
    (:meth:`finish`), then the rows wanted brought back to full resolution (:meth:`rows`). The same
    additions in the same order as :func:`coarse_red` on any strip: the same values, without reading the
    halo of each strip again."""

    def __init__(self, width, height, resize_factor=_LIS["RESIZE_FACTOR"], quantification=10000):
        self.width, self.height, self.quantification = int(width), int(height), quantification
        coarse_width, self.coarse_height = coarse_grid_size(width, height, resize_factor)
        x_first, _x_last, x_weights, self.x_centre = _axis_kernel(self.width, coarse_width)
        self.x_kernel = _sparse_kernel(x_first, x_weights, self.width)
        self.y_first, _y_last, self.y_weights, self.y_centre = _axis_kernel(self.height, self.coarse_height)
        self.row_num = np.empty((self.height, coarse_width))
        self.row_den = np.empty((self.height, coarse_width))
        self.centre_valid = np.empty((self.coarse_height, coarse_width), dtype=bool)
        self.x_nearest = _coarse_rows_for(np.arange(self.width), self.width, coarse_width)
        self.coarse = None

    def add(self, red, red_nodata, first_row):
        """Rows ``first_row ..`` of the image: ``red`` in reflectance, ``red_nodata`` True where missing."""
        n = len(red)
        rows = slice(first_row, first_row + n)
        invalid = np.asarray(red_nodata, dtype=bool)
        # the values (0 where missing) and the valid pixels side by side, one row of pixels per column:
        # one sparse product on a contiguous array (three times faster than a product for each, through
        # transposed copies), each sum made of the same terms in the same order
        pixels = np.empty((self.width, 2 * n))
        pixels[:, :n] = red.T
        pixels[:, :n][invalid.T] = 0.0
        pixels[:, n:] = ~invalid.T
        sums = self.x_kernel @ pixels
        self.row_num[rows] = sums[:, :n].T
        self.row_den[rows] = sums[:, n:].T
        centres = (self.y_centre >= rows.start) & (self.y_centre < rows.start + len(red))
        self.centre_valid[centres] = ~invalid[(self.y_centre[centres] - first_row)[:, None], self.x_centre[None, :]]

    def finish(self):
        """The coarse grid, once :meth:`add` has had every row."""
        self.coarse = _coarse_vertical(self.row_num, self.row_den, 0, self.height - 1, self.y_first,
                                       self.y_weights, self.centre_valid, self.quantification)
        self.row_num = self.row_den = None

    def rows(self, rows):
        """The coarse red of image rows ``rows`` (a ``range``) at full resolution, as :func:`coarse_red`."""
        coarse_rows = _coarse_rows_for(rows, self.height, self.coarse_height)
        return np.take(self.coarse[coarse_rows], self.x_nearest, axis=1)


def dark_cloud_test(all_cloud, shadow, high, red_coarse, red_darkcloud=_LIS["RED_DARKCLOUD"]):
    """Refined cloud mask: ``(all_cloud AND coarse red > red_darkcloud) OR shadow OR high``.

    ``red_coarse`` from :func:`coarse_red` (reflectance, NaN = nodata: never above the threshold, as LIS's
    -10000). Cloud pixels that fail the test leave the mask and are offered to pass 2 (LIS
    ``refine_cloud_mask``; without the optional "pass 1.5", which is off by default).
    """
    return (np.asarray(all_cloud, bool) & (red_coarse > red_darkcloud)) | shadow | high


# --------------------------------------------------------------------------------------------------
# Steps 3 and 4: back-to-cloud, pass 1
# --------------------------------------------------------------------------------------------------

def back_to_cloud(all_cloud, red, red_backtocloud=_LIS["RED_BACKTOCLOUD"]):
    """Pixels of the original cloud mask whose full-resolution red is above ``red_backtocloud``.

    They are mapped as cloud unless snow was found there (LIS ``extract_back_to_cloud_mask``).
    """
    return np.asarray(all_cloud, bool) & (red > red_backtocloud)


def first_pass(ndsi_values, red, all_cloud, ndsi_pass1=_LIS["NDSI_PASS1"], red_pass1=_LIS["RED_PASS1"]):
    """Pass 1 snow: not ``all_cloud`` AND NDSI > ``ndsi_pass1`` AND red > ``red_pass1`` (LIS
    ``compute_snow_pass1``). Nodata pixels are never snow in practice (NaN, or LIS's -10000 DN giving a
    negative NDSI)."""
    return ~np.asarray(all_cloud, bool) & (ndsi_values > ndsi_pass1) & (red > red_pass1)


# --------------------------------------------------------------------------------------------------
# Step 4b (optional): "pass 1.5", snow objects inside the clouds go back to cloud
# --------------------------------------------------------------------------------------------------

_OPTIONS = defaults.LIS_OPTIONS


def disk(radius):
    """The structuring element of pass 1.5: the pixels ``(dy, dx)`` of the ``(2r + 1)`` square with
    ``dx^2 + dy^2 <= r^2`` (LIS ``pass1_5``), boolean."""
    radius = int(radius)
    if radius < 0:
        raise ValueError("radius must be >= 0")
    y, x = np.ogrid[-radius:radius + 1, -radius:radius + 1]
    return x * x + y * y <= radius * radius


SnowInsideCloud = namedtuple("SnowInsideCloud", "labels count removed")
SnowInsideCloud.__doc__ = """Result of :func:`snow_inside_cloud`: ``labels`` (int32, the 4-connected objects of
pass-1 snow, 0 elsewhere), their ``count``, and ``removed``, the sorted labels of the objects that go back
to cloud (int64 array)."""


def snow_inside_cloud(snow1, cloud, dilation_radius=_OPTIONS["RM_SNOW_INSIDE_CLOUD_DILATION_RADIUS"],
                      threshold=_OPTIONS["RM_SNOW_INSIDE_CLOUD_THRESHOLD"],
                      min_area=_OPTIONS["RM_SNOW_INSIDE_CLOUD_MIN_AREA"], labels=None, rows_per_read=1024):
    """Pass 1.5 of LIS (``rm_snow_inside_cloud``, off by default): which pass-1 snow objects are "inside"
    the clouds. A global step: give the whole image.

    As LIS 1.5 (``snow_detector.pass1_5``) does it: the objects are the 4-connected components of
    ``snow1`` (scipy's ``label``, numbered in raster order); the objects of more than ``min_area`` pixels
    (strict) are taken in the order of their labels; an object's ring is its dilation by :func:`disk`
    (``dilation_radius`` pixels) minus the pixels that are snow *at that moment*; when more than
    ``threshold`` (strict) of the ring is ``cloud`` (the original cloud mask, ``all_cloud``), the object
    leaves the snow, and its pixels count as not snow in the rings of the objects that follow (LIS updates
    its snow mask in the loop; its cloud mask only after the loop). An empty ring, or a ring without cloud,
    has a cloud fraction of 0. The caller then takes the removed objects out of pass-1 snow and puts them
    in the cloud mask (``cloud_pass1``) that the snowline, the dark-cloud refinement and the bit field read.

    ``snow1``, ``cloud``: boolean arrays of the image (``snow1`` is not changed). ``labels``: an int32
    array of the image's shape to label into (for example a file-backed array of the run's scratch),
    else one is made. Memory: ``labels`` plus a copy of ``snow1``; each large object is dilated in its
    bounding box only. Returns :class:`SnowInsideCloud`.
    """
    snow1 = np.asarray(snow1, dtype=bool)
    if labels is None:
        labels = np.empty(snow1.shape, dtype=np.int32)
    count = int(ndimage.label(snow1, output=labels))   # the default structure: 4-connectivity
    if count == 0:
        return SnowInsideCloud(labels, 0, np.empty(0, dtype=np.int64))
    height, width = snow1.shape
    areas = np.zeros(count + 1, dtype=np.int64)
    for top in range(0, height, rows_per_read):
        areas += np.bincount(labels[top:top + rows_per_read].ravel(), minlength=count + 1)
    big = np.flatnonzero(areas > min_area)
    big = big[big > 0]
    if big.size == 0:
        return SnowInsideCloud(labels, count, np.empty(0, dtype=np.int64))
    boxes = _object_boxes(labels, big, count, rows_per_read)
    structure = disk(dilation_radius)
    r = int(dilation_radius)
    live = snow1.copy()             # the snow mask as the loop updates it
    removed = []
    for label, (r0, r1, c0, c1) in zip(big.tolist(), boxes):
        box = (slice(max(r0 - r, 0), min(r1 + r, height)), slice(max(c0 - r, 0), min(c1 + r, width)))
        obj = labels[box] == label
        ring = ndimage.binary_dilation(obj, structure=structure) & ~live[box]
        ring_pixels = int(np.count_nonzero(ring))
        cloud_pixels = int(np.count_nonzero(ring & np.asarray(cloud[box], dtype=bool)))
        fraction = float(cloud_pixels) / ring_pixels if cloud_pixels else 0.0
        if fraction > threshold:
            removed.append(label)
            live[box][obj] = False
    return SnowInsideCloud(labels, count, np.asarray(removed, dtype=np.int64))


def _object_boxes(labels, wanted, count, rows_per_read):
    """Bounding boxes ``(r0, r1, c0, c1)`` (ends excluded) of the objects ``wanted`` (sorted labels), read
    ``rows_per_read`` rows at a time."""
    index = np.zeros(count + 1, dtype=np.int32)
    index[wanted] = np.arange(1, wanted.size + 1, dtype=np.int32)
    boxes = np.array([[np.iinfo(np.int64).max, -1, np.iinfo(np.int64).max, -1]] * wanted.size, dtype=np.int64)
    for top in range(0, labels.shape[0], rows_per_read):
        part = index[labels[top:top + rows_per_read]]
        for k, found in enumerate(ndimage.find_objects(part, max_label=wanted.size)):
            if found is not None:
                rows, cols = found
                boxes[k] = (min(boxes[k, 0], top + rows.start), max(boxes[k, 1], top + rows.stop),
                            min(boxes[k, 2], cols.start), max(boxes[k, 3], cols.stop))
    return boxes.tolist()


def removed_snow(labels, removed):
    """The pixels of the objects ``removed`` (from :func:`snow_inside_cloud`) in ``labels`` (the whole
    image or a strip of it), boolean."""
    if len(removed) == 0:
        return np.zeros(np.shape(labels), dtype=bool)
    table = np.zeros(int(max(removed)) + 1, dtype=bool)
    table[np.asarray(removed)] = True
    labels = np.asarray(labels)
    return table[np.minimum(labels, len(table) - 1)] & (labels < len(table))


# --------------------------------------------------------------------------------------------------
# Step 5: snowline
# --------------------------------------------------------------------------------------------------

def dem_bin_edges(dem_min, dem_max, dz=_LIS["DZ"]):
    """Edges (n + 1,) of the elevation bins of the snowline histogram; ``None`` when n < 1.

    As LIS (``compute_snowline_internal``, an ITK histogram): ``n = floor((max - min) / dz)`` bins of equal
    width ``(max - min) / n`` (at least ``dz``, more when ``max - min`` is not a multiple of ``dz``), from the
    DEM minimum to its maximum over the whole image (nodata values of the DEM included, as LIS reads
    them). Bin i holds ``edges[i] <= z < edges[i + 1]``, the last bin also holds ``z == max``. ITK
    (``Histogram::Initialize``) computes the width and the products ``i x width`` in single precision and
    adds them to the minimum in double precision; so does this function, so that an elevation that falls
    on an edge goes to the same bin as in LIS. LIS reads the DEM as 16-bit integers for this step: give
    integer elevations to reproduce it.
    """
    span = float(dem_max) - float(dem_min)
    if not dz > 0 or not np.isfinite(span):
        return None
    count = int(span / dz)
    if count < 1:
        return None
    width = (np.float32(dem_max) - np.float32(dem_min)) / np.float32(count)
    steps = (np.arange(count + 1, dtype=np.float32) * width).astype(np.float64)
    edges = float(dem_min) + steps
    edges[-1] = float(dem_max)
    return edges


def snowline_histogram(dem, all_cloud, snow1, edges, nodata=None, include_nodata=True):
    """Counts ``(n_bins, 2, 2)`` int64 of pixels per elevation bin, ``[bin, snow1, cloud]``.

    ``counts[i, 1, 0]`` = snow and clear, ``counts[i, 0, 0]`` = no snow and clear, ``counts[i, :, 1]`` =
    cloud (``all_cloud``). Counts of strips add up: sum them to get the whole image's.

    ``include_nodata=True`` (default, faithful to LIS): every pixel counts, nodata included, with its own
    mask values; on MAJA products nodata pixels have CLM 0 and are never snow, so they count as clear and
    snow-free, which lowers the snow fraction of the bins at the edge of the swath. ``False`` leaves the
    ``nodata`` pixels out (the cleaner choice; it also changes the total snow fraction used to allow pass 2,
    which :func:`snowline_elevation` takes from these counts). Pixels whose elevation is NaN or outside
    ``edges`` are not counted.
    """
    dem = np.asarray(dem)
    count = len(edges) - 1
    keep = (dem >= edges[0]) & (dem <= edges[-1])        # False for NaN
    if nodata is not None and not include_nodata:
        keep &= ~np.asarray(nodata, bool)
    if dem.dtype == np.float32:
        # The DEM of the snow map: bins by arithmetic, the pixels left out counted in a last bin, dropped.
        code = _elevation_bins(dem, edges)
        code <<= 2
        code += np.asarray(snow1, bool).view(np.uint8) * np.uint8(2)
        code += np.asarray(all_cloud, bool).view(np.uint8)
        code[~keep] = count * 4
        return np.bincount(code.ravel(), minlength=count * 4 + 1)[:count * 4].reshape(count, 2, 2)
    z = dem[keep]
    if np.issubdtype(dem.dtype, np.integer) and z.size > 4 * (edges[-1] - edges[0] + 1):
        # Integer elevations (LIS's int16 DEM): the bin of every possible value, looked up.
        low = int(math.ceil(edges[0]))
        table = np.searchsorted(edges[1:-1], np.arange(low, int(edges[-1]) + 1), side="right")
        index = table[z.astype(np.int64) - low]
    else:
        index = np.searchsorted(edges[1:-1], z, side="right")
    code = (index * 4 + np.asarray(snow1, bool)[keep] * 2 + np.asarray(all_cloud, bool)[keep]).astype(np.int64)
    return np.bincount(code, minlength=count * 4).reshape(count, 2, 2)


def _elevation_bins(dem, edges):
    """``np.searchsorted(edges[1:-1], dem, side="right")`` (intp) for a float32 ``dem``, three times faster:
    a first guess from the bins' mean width, moved by one bin while an elevation lies below its bin's lower
    edge or on or above its upper edge. A float32 elevation is at least a float64 edge exactly when it is at
    least the smallest float32 not below that edge, so the comparisons are made in float32 with those
    thresholds: the same bins as the search. Elevations outside ``edges`` or NaN get some bin (leave them
    out)."""
    count = len(edges) - 1
    inner = edges[1:-1].astype(np.float32)
    below = inner < edges[1:-1]
    inner[below] = np.nextafter(inner[below], np.float32(np.inf))
    # bin i holds lows[i] <= z < highs[i]; NaN at the ends, so that nothing moves below the first bin or
    # above the last one (a comparison with NaN is false), not even an infinite elevation
    lows = np.concatenate([[np.nan], inner]).astype(np.float32)
    highs = np.concatenate([inner, [np.nan]]).astype(np.float32)
    with np.errstate(invalid="ignore"):
        index = ((dem - np.float32(edges[0])) * np.float32(count / (edges[-1] - edges[0]))).astype(np.intp)
    np.clip(index, 0, count - 1, out=index)
    while True:
        down = dem < lows.take(index)
        up = dem >= highs.take(index)
        if not (down.any() or up.any()):
            return index
        index -= down
        index += up


Snowline = namedtuple("Snowline", "zs snowy_bin snow_fraction pass2")
Snowline.__doc__ = """Result of :func:`snowline_elevation`: ``zs`` (m, or None when no bin is snowy), ``snowy_bin`` (index of
the first snowy bin, or None), ``snow_fraction`` (pass-1 snow over all counted pixels) and ``pass2`` (True
when pass 2 runs: a zs was found and snow_fraction > fsnow_total_lim)."""


def snowline_elevation(counts, edges, dz=_LIS["DZ"], fsnow_lim=_LIS["FSNOW_LIM"], fclear_lim=_LIS["FCLEAR_LIM"],
                       fsnow_total_lim=_LIS["FSNOW_TOTAL_LIM"], rule="lis", offset=-2):
    """Snowline elevation ``zs`` from the histogram counts of :func:`snowline_histogram` (step 5).

    From the lowest bin up, the first bin i where ``clear / total > fclear_lim`` and
    ``snow / clear > fsnow_lim`` (both strict; clear = not ``all_cloud``) is the first snowy bin; bins
    whose centre is below -413 m are skipped (:data:`LOWEST_VALID_BIN_CENTRE`). Then, with
    ``j = max(i + offset, 0)`` (``offset`` -2: two bins lower; bins 0 and 1 give j = 0):

    - ``rule="lis"`` (default): ``zs = floor(centre_j - dz / 2)``, what LIS computes
      (``get_elev_snowline_from_bin`` with offset -2 and centre offset -dz/2, then ``vcl_floor``);
    - ``rule="lower_edge"``: ``zs = edges[j]``, the lower edge of bin j as DOMAIN.md words it.

    The two agree when the DEM range is a multiple of ``dz`` (bins exactly ``dz`` wide); otherwise the bins
    are wider than ``dz`` and LIS's zs lies ``(width - dz) / 2`` above the lower edge.

    No bin (``edges`` None) or no snowy bin: ``zs`` None and no pass 2 (LIS returns -1000 there, -1 in
    older versions). Pass 2 also needs pass-1 snow on more than ``fsnow_total_lim`` of the counted pixels
    (strict; LIS ``compute_percent`` over the whole pass-1 image, nodata included).
    """
    if counts is None or edges is None or len(counts) == 0:
        return Snowline(None, None, 0.0, False)
    counts = np.asarray(counts, dtype=np.int64)
    total_pixels = counts.sum()
    snow_fraction = float(counts[:, 1, :].sum()) / float(total_pixels) if total_pixels else 0.0
    totals = counts.sum(axis=(1, 2)).astype(np.float64)
    clear = counts[:, :, 0].sum(axis=1).astype(np.float64)
    snow = counts[:, 1, 0].astype(np.float64)
    centres = (edges[:-1] + edges[1:]) / 2.0
    with np.errstate(divide="ignore", invalid="ignore"):
        clear_fraction = np.where(totals > 0, clear / totals, 0.0)
        snowy = (centres >= LOWEST_VALID_BIN_CENTRE) & (clear_fraction > fclear_lim) & (snow / clear > fsnow_lim)
    if not snowy.any():
        return Snowline(None, None, snow_fraction, False)
    first = int(np.argmax(snowy))
    j = max(first + int(offset), 0)
    if rule == "lis":
        zs = float(math.floor(centres[j] - dz / 2.0))
    elif rule == "lower_edge":
        zs = float(edges[j])
    else:
        raise ValueError("unknown snowline rule: {!r}".format(rule))
    return Snowline(zs, first, snow_fraction, snow_fraction > fsnow_total_lim)


def elevation_histogram(counts, edges):
    """Data for the elevation histogram report, one entry per bin (LIS ``LIS_HISTO.TXT``).

    Returns a dict of arrays: ``z_min``, ``z_max``, ``z_centre`` (m); pixel counts ``total``, ``cloud``,
    ``snow`` (clear pass-1 snow), ``no_snow`` (clear, no snow); fractions ``cloud_fraction`` and
    ``clear_fraction`` (of the total) and ``snow_fraction`` (of the clear pixels), NaN where undefined.
    """
    counts = np.asarray(counts, dtype=np.int64)
    total = counts.sum(axis=(1, 2))
    cloud = counts[:, :, 1].sum(axis=1)
    snow = counts[:, 1, 0]
    no_snow = counts[:, 0, 0]
    with np.errstate(divide="ignore", invalid="ignore"):
        return {
            "z_min": np.asarray(edges[:-1], dtype=np.float64),
            "z_max": np.asarray(edges[1:], dtype=np.float64),
            "z_centre": (np.asarray(edges[:-1]) + np.asarray(edges[1:])) / 2.0,
            "total": total, "cloud": cloud, "snow": snow, "no_snow": no_snow,
            "cloud_fraction": np.where(total > 0, cloud / total, np.nan),
            "clear_fraction": np.where(total > 0, (snow + no_snow) / total, np.nan),
            "snow_fraction": np.where(snow + no_snow > 0, snow / (snow + no_snow), np.nan),
        }


# --------------------------------------------------------------------------------------------------
# Step 6: pass 2
# --------------------------------------------------------------------------------------------------

def second_pass(ndsi_values, red, dem, cloud_refined, zs, ndsi_pass2=_LIS["NDSI_PASS2"],
                red_pass2=_LIS["RED_PASS2"]):
    """Pass 2 snow: not ``cloud_refined`` AND DEM > zs AND NDSI > ``ndsi_pass2`` AND red > ``red_pass2``.

    All strict (LIS ``compute_snow_pass2``). Pixels that left the cloud mask through the dark-cloud test
    may become snow here. No DEM or no ``zs`` (None): no pass-2 snow.
    """
    shape = np.shape(red)
    if dem is None or zs is None:
        return np.zeros(shape, dtype=bool)
    return (~np.asarray(cloud_refined, bool) & (np.asarray(dem) > zs) & (ndsi_values > ndsi_pass2)
            & (red > red_pass2))


# --------------------------------------------------------------------------------------------------
# Step 7: the map, the bit field, the percentages
# --------------------------------------------------------------------------------------------------

def snow_map(snow1, snow2, cloud_refined, back, nodata=None, nodata_code=_LIS["NODATA_CODE"],
             strict_cloud_mask=False):
    """The snow map, uint8: 100 snow (pass 1 or 2), else 205 where ``cloud_refined`` or ``back``, else 0;
    ``nodata_code`` (254 or 255) where ``nodata`` (LIS ``compute_final_mask``).

    ``strict_cloud_mask`` reproduces LIS's option of that name (off by default): a snow pixel of the
    back-to-cloud mask (original cloud with red > red_backtocloud) is not snow; LIS describes it as "no
    pixel of the cloud mask marked as snow" but tests the back-to-cloud mask.
    """
    snow = np.asarray(snow1, bool) | np.asarray(snow2, bool)
    if strict_cloud_mask:
        snow = snow & ~np.asarray(back, bool)
    out = np.where(snow, np.uint8(SNOW),
                   np.where(np.asarray(cloud_refined, bool) | back, np.uint8(CLOUD), np.uint8(NO_SNOW)))
    out = out.astype(np.uint8, copy=False)
    if nodata is not None:
        out[np.asarray(nodata, bool)] = nodata_code
    return out


def snow_bits(snow1, snow2, cloud_pass1, cloud_refined, all_cloud, slope=None):
    """The LIS bit field of intermediate layers (``SNOW_ALL``), uint8.

    Bit 0 pass-1 snow, 1 pass-2 snow, 2 cloud before refinement (LIS's ``cloud_pass1``: the original mask,
    which only the off-by-default "pass 1.5" changes), 3 refined cloud, 4 original cloud (``all_cloud``),
    5 slope flag (:func:`slope_flag`; None = no MG2, bit clear). Nodata is not applied, as in LIS.
    """
    layers = (snow1, snow2, cloud_pass1, cloud_refined, all_cloud)
    out = np.zeros(np.shape(snow1), dtype=np.uint8)
    for bit, layer in enumerate(layers):
        out |= np.asarray(layer, bool).astype(np.uint8) << bit
    if slope is not None:
        out |= np.asarray(slope, bool).astype(np.uint8) << BIT_SLOPE
    return out


def map_counts(snow_map_values, nodata_code=_LIS["NODATA_CODE"]):
    """Pixel counts of a snow map ``[no snow, snow, cloud, nodata]``, int64; counts of strips add up."""
    values = np.asarray(snow_map_values)
    return np.array([np.count_nonzero(values == NO_SNOW), np.count_nonzero(values == SNOW),
                     np.count_nonzero(values == CLOUD), np.count_nonzero(values == nodata_code)],
                    dtype=np.int64)


def snow_cloud_percent(counts):
    """``(SNOW_PERCENT, CLOUD_PERCENT)`` from :func:`map_counts`: percent of the non-nodata pixels
    (LIS ``compute_percent`` with the nodata label); 0 when every pixel is nodata."""
    no_snow, snow, cloud, _nodata = (int(c) for c in counts)
    valid = no_snow + snow + cloud
    if valid == 0:
        return 0.0, 0.0
    return 100.0 * snow / valid, 100.0 * cloud / valid


# --------------------------------------------------------------------------------------------------
# Fractional snow cover (later LIS, Sentinel-2) and its QC flags
# --------------------------------------------------------------------------------------------------

FSC_FORMULAS = ("gascoin2020", "linear")


def fsc_toc(ndsi_values, formula="gascoin2020", lis_steps=False):
    """Top-of-canopy fractional snow cover, percent (float64): ``100 * min(f(NDSI), 1)``.

    ``formula="gascoin2020"``: ``f = 0.5 tanh(2.65 NDSI - 1.42) + 0.5`` (Gascoin et al. 2020, calibrated on
    Sentinel-2); ``"linear"``: ``f = 1.45 NDSI - 0.01`` (LIS's older ``fscToc_Eq``). Meant for snow pixels
    (NDSI > 0.15 gives at least 11 %); apply with :func:`fsc_codes`.

    ``lis_steps=True`` imitates LIS 1.7+, which writes ``100 x NDSI`` to an 8-bit file and computes the FSC
    from that, then writes the FSC to 8 bits too (``compute_ndsi``, ``compute_fsc_toc``): NDSI truncated to
    whole percent before ``f``, FSC truncated to a whole percent. (Truncation is C++'s conversion when OTB
    writes 8-bit output; not checked against a LIS product.)
    """
    ndsi_values = np.asarray(ndsi_values, dtype=np.float64)
    if lis_steps:
        ndsi_values = np.trunc(100.0 * ndsi_values) / 100.0
    if formula == "gascoin2020":
        f = 0.5 * np.tanh(2.65 * ndsi_values - 1.42) + 0.5
    elif formula == "linear":
        f = 1.45 * ndsi_values - 0.01
    else:
        raise ValueError("unknown FSC formula: {!r}".format(formula))
    fsc = 100.0 * np.minimum(f, 1.0)
    return np.trunc(fsc) if lis_steps else fsc


def fsc_og(fsc_toc_values, tcd_percent):
    """On-ground fractional snow cover, percent: ``100 * min(FSC_TOC / 100 / (1 - TCD / 100), 1)``.

    ``tcd_percent``: tree cover density in percent (0..100, the Copernicus layer LIS reads); above 100 means
    unknown (255 nodata), where FSC_OG = FSC_TOC as in LIS (``compute_fsc_og``); TCD 100 gives 100.
    """
    toc = np.asarray(fsc_toc_values, dtype=np.float64)
    tcd = np.asarray(tcd_percent, dtype=np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        og = 100.0 * np.minimum((toc / 100.0) / (1.0 - tcd / 100.0), 1.0)
    og = np.where(toc == 0, 0.0, og)
    return np.where(tcd > 100, toc, og)


def fsc_codes(snow_map_values, fsc):
    """FSC product codes, uint8: the FSC (1..100, truncated to an integer as LIS's 8-bit write) on snow
    pixels, the map's codes elsewhere (0 no snow, 205 cloud, nodata code)."""
    values = np.asarray(snow_map_values)
    snow = values == SNOW
    percent = np.clip(np.trunc(np.nan_to_num(np.asarray(fsc, dtype=np.float64), nan=1.0)), 1, 100)
    return np.where(snow, percent, values).astype(np.uint8)


def qc_flags(snow_map_values, all_cloud=None, mg2=None, water=None, tcd_percent=None, shaded_snow=None):
    """QC flag bits of the fractional snow cover (LIS ``edit_lis_fsc_qc_layers``), uint8.

    Bit 0 sun too low (MG2 bit 6), 1 sun tangent (MG2 bit 7), 2 water (``water`` mask), 3 tree cover
    above 90 % (90 < TCD <= 100), 4 snow under thin cloud (snow pixel of the original cloud mask: LIS tests
    CLM > 0 and FSC_TOC 1..100), 5 tree cover unknown (TCD > 100), 6 shaded snow (``shaded_snow`` mask).
    A layer given as None leaves its bits clear, except the tree cover: without a TCD layer the tree cover
    is unknown everywhere and bit 5 is set (LIS writes no QC layer at all without TCD and water mask).
    """
    values = np.asarray(snow_map_values)
    out = np.zeros(values.shape, dtype=np.uint8)

    def put(bit, layer):
        out[...] |= np.asarray(layer, bool).astype(np.uint8) << bit

    if mg2 is not None:
        put(QC_SUN_TOO_LOW, masks.any_bit_set(np.asarray(mg2), (masks.MG2_SUN_TOO_LOW,)))
        put(QC_SUN_TANGENT, masks.any_bit_set(np.asarray(mg2), (masks.MG2_SUN_TANGENT,)))
    if water is not None:
        put(QC_WATER, water)
    if tcd_percent is None:
        out |= np.uint8(1 << QC_TREE_COVER_UNKNOWN)
    else:
        tcd = np.asarray(tcd_percent)
        put(QC_TREE_COVER_DENSE, (tcd > 90) & (tcd < 101))
        put(QC_TREE_COVER_UNKNOWN, tcd > 100)
    if all_cloud is not None:
        put(QC_SNOW_UNDER_CLOUD, np.asarray(all_cloud, bool) & (values == SNOW))
    if shaded_snow is not None:
        put(QC_SHADED_SNOW, shaded_snow)
    return out
