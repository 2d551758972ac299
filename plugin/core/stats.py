"""Snow statistics over areas and time: counts per zone, date, elevation band and aspect that add up
across strips, the regional snowline, the cloud-corrected snow cover estimate (DOMAIN.md sections 5
and 8).

Inputs are blocks of snow maps (uint8 codes: 0 no snow, 1..100 snow, the snow map's 100 or a fractional
snow cover in percent; 205 cloud; 254/255 no data), the zone of each pixel and its elevation (metres,
NaN where unknown), all on the map's own grid. Nothing here reads or writes files.

Steps, one function each:

1. :func:`code_columns`: what a pixel of each code counts for (no snow, snow, snow-covered fraction,
   cloud, no data);
2. :func:`rank_table`, :func:`observation_ranks` and :func:`overlap_losers`: where tiles of one date
   overlap, each ground
   pixel counts once (a clear observation wins over cloud, cloud over no data, then the map listed
   first);
3. :func:`elevation_bins` (fine bins inside elevation bands: the snowline's candidates), :func:`bin_edges`;
4. :func:`aspect_classes`: aspect classes from a DEM block (grid north, clockwise);
5. :func:`pixel_areas`: the area of a pixel of each row, from the map's own grid;
6. :func:`encode_cells`, :func:`code_counts` (or :class:`BlockCounts`, the same faster for many maps
   of one grid), :func:`cell_columns`: counts per cell (zone x fine elevation bin x aspect) and code,
   which add up over strips, and what they count for;
7. :func:`regional_snowline`: the elevation minimising the misclassified pixels (Krajčí, Holko &
   Parajka 2014);
8. :func:`cloud_corrected_snow`: the clear-pixel snow fraction of each band applied to its whole area.

Definitions
-----------
- **Codes.** 0: no snow; 1..100: snow, whose snow-covered area is code / 100 of the pixel (100 on a
  binary snow map, the fractional snow cover in percent on an FSC map); 205: cloud; anything else
  (254, 255, 101..204, 206..253) and the map's own no-data value: no data. *Clear* = code 0..100.
- **Snow pixel** (for the snowline): code 1..100, as the season synthesis counts snow.
- **Same-date overlap.** A ground pixel seen by several maps of one date counts once, in the map with
  the best observation there: clear (rank 3) over cloud (2) over no data (1); between equals, the map
  listed first. Each map's pixels are tested at their centres against the other maps (nearest pixel).
- **Elevation bands.** Band ``k`` holds ``k * band_width <= z < (k + 1) * band_width`` (metres). Inside
  a band, fine bins of ``step`` metres (the last one shorter when ``band_width`` is not a multiple of
  ``step``) are the candidate edges of the regional snowline.
- **Aspect** (degrees clockwise from grid north, the direction a slope faces): 4 classes N, E, S, W
  (90 degree sectors centred on 0, 90, 180, 270) or 8 classes N, NE, E, SE, S, SW, W, NW (45 degree
  sectors); a slope under ``flat_slope`` degrees is *flat*; no elevation: *unknown*.
- **Regional snowline** (Krajčí, Holko & Parajka 2014): over the clear pixels of a zone on a date, the
  elevation ``z`` that minimises (snow pixels below ``z``) + (snow-free pixels above ``z``), searched
  over the fine bin edges; the lowest such ``z`` when several tie. Its uncertainty is the minimum's share
  of the clear pixels (0: one line separates snow from no snow perfectly).
- **Cloud-corrected snow cover**: an estimate. The snow fraction of the clear area of each elevation
  band, applied to the band's clear plus cloudy area, summed over the bands; a band without any clear
  pixel takes the fraction of the nearest band that has some (the mean of the two when two are equally
  near). No-data area is not estimated.
"""
import numpy as np

# Columns of the counts of a cell (:func:`code_columns`)
NO_SNOW, SNOW, SNOW_COVER, CLOUD, NODATA = 0, 1, 2, 3, 4
N_COLUMNS = 5
CODES = 256
CLOUD_CODE = 205
SNOW_CODE = 100

# Observation ranks (:func:`observation_ranks`)
RANK_OUTSIDE, RANK_NODATA, RANK_CLOUD, RANK_CLEAR = 0, 1, 2, 3

#: The fine elevation bin of pixels without elevation.
UNKNOWN_BIN = -(2 ** 30)

ASPECT_CLASSES = {
    "none": (),
    "4": ("N", "E", "S", "W"),
    "8": ("N", "NE", "E", "SE", "S", "SW", "W", "NW"),
}
FLAT, UNKNOWN_ASPECT = "flat", "unknown"
EARTH_RADIUS = 6371007.181      # metres, the radius of the sphere of the same area as the WGS84 ellipsoid


# --------------------------------------------------------------------------------------------------
# 1. What each code counts for
# --------------------------------------------------------------------------------------------------

def code_columns(nodata=None):
    """What a pixel of each uint8 code adds to the columns of a cell: a (256, :data:`N_COLUMNS`) float64
    matrix. Columns: :data:`NO_SNOW` (code 0), :data:`SNOW` (a snow pixel, code 1..100),
    :data:`SNOW_COVER` (its snow-covered fraction, code / 100), :data:`CLOUD` (205), :data:`NODATA` (any
    other code). ``nodata``, the map's own no-data value, is no data whatever its code."""
    matrix = np.zeros((CODES, N_COLUMNS), dtype=np.float64)
    matrix[:, NODATA] = 1.0
    matrix[:SNOW_CODE + 1, NODATA] = 0.0
    matrix[CLOUD_CODE, NODATA] = 0.0
    matrix[0, NO_SNOW] = 1.0
    matrix[1:SNOW_CODE + 1, SNOW] = 1.0
    matrix[1:SNOW_CODE + 1, SNOW_COVER] = np.arange(1, SNOW_CODE + 1) / float(SNOW_CODE)
    matrix[CLOUD_CODE, CLOUD] = 1.0
    if nodata is not None and float(nodata).is_integer() and 0 <= nodata < CODES:
        matrix[int(nodata)] = 0.0
        matrix[int(nodata), NODATA] = 1.0
    return matrix


def as_codes(values):
    """uint8 codes of a block of any integer type: values outside 0..255 become 255 (no data)."""
    values = np.asarray(values)
    if values.dtype == np.uint8:
        return values
    return np.where((values >= 0) & (values <= 255), values, 255).astype(np.uint8)


# --------------------------------------------------------------------------------------------------
# 2. Same-date overlap
# --------------------------------------------------------------------------------------------------

def rank_table(nodata=None):
    """Look-up table (int8, 256 entries) of the observation rank of each code: clear (0..100) 3, cloud
    (205) 2, no data 1 (``nodata``, the map's no-data value, included)."""
    table = np.full(CODES, RANK_NODATA, dtype=np.int8)
    table[:SNOW_CODE + 1] = RANK_CLEAR
    table[CLOUD_CODE] = RANK_CLOUD
    if nodata is not None and float(nodata).is_integer() and 0 <= nodata < CODES:
        table[int(nodata)] = RANK_NODATA
    return table


_USUAL_RANKS = rank_table()


def observation_ranks(codes, table, outside=None):
    """Rank of each pixel's observation (int8) with the table of :func:`rank_table`; :data:`RANK_OUTSIDE`
    where ``outside`` (bool, optional) is True (no pixel of the map there)."""
    codes = as_codes(codes)
    if np.array_equal(table, _USUAL_RANKS):      # by comparisons, faster than a look-up
        ranks = np.less_equal(codes, SNOW_CODE).view(np.int8) * np.int8(RANK_CLEAR - RANK_NODATA)
        ranks += np.int8(RANK_NODATA)
        ranks += np.equal(codes, CLOUD_CODE).view(np.int8)
    else:
        ranks = table[codes]
    if outside is not None:
        ranks[outside] = RANK_OUTSIDE
    return ranks


def overlap_losers(rank, other_rank, other_first):
    """Where a map's pixels give way to another map of the same date: the other has a better
    observation there, or an equal one and is listed first (``other_first``). ``other_rank`` is the
    other map's rank at the pixels' centres, :data:`RANK_OUTSIDE` where it has no pixel."""
    other_rank = np.asarray(other_rank)
    better = other_rank > rank
    if other_first:
        better |= (other_rank == rank) & (other_rank > RANK_OUTSIDE)
    return better


# --------------------------------------------------------------------------------------------------
# 3. Elevation bins
# --------------------------------------------------------------------------------------------------

def sub_bins(band_width, step):
    """Number of fine bins in an elevation band: ``ceil(band_width / step)``."""
    if not (band_width > 0 and step > 0):
        raise ValueError("band_width and step must be positive")
    return max(1, int(np.ceil(band_width / step - 1e-9)))


def elevation_bins(elevation, band_width, step):
    """Fine elevation bin of each pixel (int32): ``band * sub_bins + sub`` with ``band =
    floor(z / band_width)`` and ``sub = floor((z - band * band_width) / step)``, bins increasing with
    elevation; :data:`UNKNOWN_BIN` where the elevation is NaN. ``elevation``, ``band_width`` and
    ``step`` in metres (computed in double precision)."""
    z = np.asarray(elevation)
    n_sub = sub_bins(band_width, step)
    known = np.isfinite(z)
    if n_sub * step == band_width:            # whole fine bins per band: the bin is floor(z / step)
        work = np.divide(z, step, dtype=np.float64)
        np.floor(work, out=work)
    else:
        band = np.floor(np.divide(z, band_width, dtype=np.float64))
        work = np.subtract(z, band * band_width, dtype=np.float64)
        work /= step
        np.floor(work, out=work)
        np.minimum(work, n_sub - 1, out=work)
        band *= n_sub
        work += band
    work[~known] = UNKNOWN_BIN
    return work.astype(np.int32)


def band_of(bins, band_width, step):
    """The elevation band (int64) of fine bins."""
    return np.floor_divide(np.asarray(bins, dtype=np.int64), sub_bins(band_width, step))


def bin_edges(first, last, band_width, step):
    """Lower edges (metres) of the fine bins ``first .. last`` and the upper edge of ``last``: an array of
    ``last - first + 2`` increasing elevations."""
    n_sub = sub_bins(band_width, step)
    bins = np.arange(first, last + 2, dtype=np.int64)
    band, sub = np.divmod(bins, n_sub)
    return band * band_width + np.minimum(sub * step, band_width)


# --------------------------------------------------------------------------------------------------
# 4. Aspect
# --------------------------------------------------------------------------------------------------

def aspect_labels(kind):
    """Labels of the aspect classes of ``kind`` ("none", "4", "8"), then flat and unknown (none: no
    class)."""
    classes = ASPECT_CLASSES[kind]
    return classes + (FLAT, UNKNOWN_ASPECT) if classes else ()


def aspect_classes(dem, pixel_width, pixel_height, kind, flat_slope):
    """Aspect class (uint8) of each pixel of ``dem`` (rows, cols; metres, NaN unknown) on a north-up
    grid of pixels ``pixel_width`` x ``pixel_height`` metres: the index in :func:`aspect_labels` (a
    sector, then flat, then unknown: no elevation there or at a neighbour). ``flat_slope`` in degrees.
    Derivatives are central differences (one-sided at the block's edges: give the block a halo of one
    pixel to have central differences across strips)."""
    labels = aspect_labels(kind)
    dem = np.asarray(dem, dtype=np.float64)
    if not labels:
        return np.zeros(dem.shape, dtype=np.uint8)
    n = len(ASPECT_CLASSES[kind])
    if dem.shape[0] < 2 or dem.shape[1] < 2:
        return np.full(dem.shape, n + 1, dtype=np.uint8)
    south, east = np.gradient(dem, pixel_height, pixel_width)     # dz per metre southwards, eastwards
    # the direction the slope faces (downhill), clockwise from north: atan2(-dz/dx, -dz/dnorth)
    aspect = np.degrees(np.arctan2(-east, south)) % 360.0
    slope = np.degrees(np.arctan(np.hypot(east, south)))
    width = 360.0 / n
    unknown = ~np.isfinite(slope) | ~np.isfinite(dem)
    aspect[unknown] = 0.0
    sector = (np.floor(((aspect + width / 2.0) % 360.0) / width) % n).astype(np.uint8)
    sector[slope < flat_slope] = n
    sector[unknown] = n + 1
    return sector


# --------------------------------------------------------------------------------------------------
# 5. Pixel areas
# --------------------------------------------------------------------------------------------------

def pixel_areas(transform, first_row, rows, geographic=False, unit=1.0, radius=EARTH_RADIUS):
    """Area in square metres of one pixel of each of ``rows`` rows from ``first_row`` of a north-up grid
    (``transform``: an affine transform, pixel corners).

    Projected grids: ``|a e| unit^2`` (``unit``: metres per CRS unit), the same for every row. Geographic
    grids (degrees): the area of the cell on the sphere of ``radius`` metres, ``R^2 |dlon| |sin(lat1) -
    sin(lat2)|``, which depends on the row.
    """
    a, e, f = transform.a, transform.e, transform.f
    if not geographic:
        return np.full(rows, abs(a * e) * unit * unit)
    top = f + e * np.arange(first_row, first_row + rows, dtype=np.float64)
    lat1, lat2 = np.radians(top), np.radians(top + e)
    return radius * radius * abs(np.radians(a)) * np.abs(np.sin(lat1) - np.sin(lat2))


# --------------------------------------------------------------------------------------------------
# 6. Counting
# --------------------------------------------------------------------------------------------------

def encode_cells(zone, bins, aspect, n_aspects):
    """The cells of the pixels of a block: ``(cells, zone, bin, aspect)``.

    ``zone`` (int, 0 = outside every zone, ``z + 1`` = zone ``z``), ``bins`` (:func:`elevation_bins`) and
    ``aspect`` (:func:`aspect_classes`, 0 without aspect classes) per pixel. ``cells`` (intp, per pixel)
    numbers the distinct (zone, bin, aspect) triples of the block from 0, in increasing order of (zone,
    bin, aspect); pixels outside every zone get the number of triples. The three arrays returned after
    it give the triple of each cell (zone numbered from 0, fine bin, aspect class; int64).
    """
    zone = np.asarray(zone)
    bins = np.asarray(bins)
    inside = zone > 0
    empty = np.zeros(0, dtype=np.int64)
    if not inside.any():
        return np.zeros(zone.shape, dtype=np.intp), empty, empty.copy(), empty.copy()
    known = bins != UNKNOWN_BIN
    counted = known & inside
    big = np.iinfo(np.int32).max
    low = int(np.min(bins, where=counted, initial=big)) if counted.any() else 0
    high = int(np.max(bins, where=counted, initial=-big)) if counted.any() else 0
    span = high - low + 2                                           # the last is the unknown bin
    first_zone = int(np.min(zone, where=inside, initial=np.iinfo(zone.dtype).max))
    zones = int(zone.max()) - first_zone + 1
    size = zones * span * n_aspects
    raw = zone.astype(np.intp)
    raw -= first_zone
    raw *= span
    local = np.subtract(bins, low, dtype=np.intp)
    local[~known] = span - 1
    raw += local
    del local
    if n_aspects > 1:
        raw *= n_aspects
        raw += aspect
    raw[~inside] = size
    if size <= 1 << 24:     # presence by counting (fast), else by sorting (any number of zones)
        present = np.flatnonzero(np.bincount(raw.ravel(), minlength=size + 1)[:size])
        lookup = np.full(size + 1, present.size, dtype=np.intp)
        lookup[present] = np.arange(present.size)
        cells = lookup[raw]
    else:
        present, cells = np.unique(raw, return_inverse=True)
        cells = cells.reshape(raw.shape).astype(np.intp)
        if present[-1] == size:
            present = present[:-1]
    rest, cell_aspect = np.divmod(present, n_aspects)
    cell_zone, cell_bin = np.divmod(rest, span)
    cell_bin = np.where(cell_bin == span - 1, UNKNOWN_BIN, cell_bin + low)
    return cells, cell_zone + first_zone - 1, cell_bin.astype(np.int64), cell_aspect.astype(np.int64)


def code_index(cells):
    """``cells * 256`` (intp): computed once per block, then :func:`code_counts` of each map adds its
    codes."""
    return np.asarray(cells, dtype=np.intp) * CODES


def code_counts(index, codes, n_cells, out=None, weights=None):
    """Pixel counts per cell and code, ``(n_cells, 256)`` (int64; float64 sums of ``weights`` when given,
    one weight per pixel, e.g. its area): they add up over strips. ``index``: :func:`code_index` of the
    pixels' cells (``n_cells`` for pixels not counted); ``codes``: uint8 per pixel; ``out``, an intp
    array of the block's shape to work in."""
    index = np.add(index, codes, out=out, dtype=np.intp, casting="unsafe")
    size = (n_cells + 1) * CODES
    if weights is None:
        counts = np.bincount(index.ravel(), minlength=size)
    else:
        counts = np.bincount(index.ravel(), weights=np.broadcast_to(weights, index.shape).ravel(), minlength=size)
    return counts.reshape(n_cells + 1, CODES)[:n_cells]


#: Side of the blocks of :class:`BlockCounts`, in pixels (a multiple of 8).
BLOCK = 16


def uniform_blocks(codes, block=BLOCK):
    """Which ``block`` x ``block`` blocks of ``codes`` (uint8, rows x cols, from the upper-left corner)
    hold a single code, and that code: ``(uniform, code)``, two (rows // block, cols // block) arrays
    (bool, uint8). The partial blocks of the right and bottom edges are left out. Compares eight codes
    at a time, one comparison of the blocks' words after the other (element-wise operations only:
    reductions over short axes are slow in numpy)."""
    hb, wb = codes.shape[0] // block, codes.shape[1] // block
    if hb == 0 or wb == 0:
        return np.zeros((hb, wb), dtype=bool), np.zeros((hb, wb), dtype=np.uint8)
    per = block // 8
    words = as_words(codes, hb * block, wb * block).reshape(hb, block, wb, per)   # 8 codes a word
    top = words[:, 0, :, 0]
    code = top & np.uint64(0xFF)                                               # the first code of each block
    repeated = code * np.uint64(0x0101010101010101)                            # eight times
    uniform = top == repeated
    same = np.empty(uniform.shape, dtype=bool)
    for r in range(block):                                                     # every word of the block
        for j in range(per):
            if r or j:
                uniform &= np.equal(words[:, r, :, j], repeated, out=same)
    return uniform, code.astype(np.uint8)


def as_words(codes, rows, cols):
    """The first ``rows`` x ``cols`` codes (uint8, ``cols`` a multiple of 8) as uint64 words, eight codes
    each: a view when the rows start on 8-byte boundaries (a strip read into rows padded to a multiple
    of 8: :func:`padded_codes`), else a copy."""
    part = codes[:rows, :cols]
    if part.strides[1] != 1 or part.strides[0] % 8 or part.ctypes.data % 8:
        part = np.ascontiguousarray(part)
    return part.view(np.uint64)


def padded_codes(rows, cols):
    """An empty (rows, cols) uint8 array whose rows start on 8-byte boundaries (a view of wider rows), to
    read a strip into: :func:`uniform_blocks` and :class:`BlockCounts` then look at its codes eight at a
    time without copying them."""
    return np.empty((rows, -(-cols // 8) * 8), dtype=np.uint8)[:, :cols]


def block_values(codes, selected, block):
    """The codes of the ``block`` x ``block`` blocks where ``selected`` (bool, rows // block x cols // block)
    is True, block after block, each block's rows in order (as ``block_view(codes, block)[selected]``),
    copied eight codes at a time."""
    hb, wb = selected.shape
    if block % 8:
        return block_view(codes, block)[selected].ravel()
    words = as_words(codes, hb * block, wb * block).reshape(hb, block, wb, block // 8)
    return words.transpose(0, 2, 1, 3)[selected].view(np.uint8).ravel()


#: The codes of a binary snow map (no snow, snow, cloud, no data), looked for first by :func:`codes_present`.
COMMON_CODES = (0, SNOW_CODE, CLOUD_CODE, 255, 254)


def codes_present(values, also):
    """The distinct codes (sorted, intp) of ``values`` (uint8) and of ``also``: by a few comparisons when
    ``values`` holds only :data:`COMMON_CODES`, else by a histogram."""
    seen = np.zeros(CODES, dtype=bool)
    seen[also] = True
    found = 0
    for code in COMMON_CODES:
        if found == values.size:
            break
        count = np.count_nonzero(values == code)
        seen[code] |= count > 0
        found += count
    if found < values.size:
        seen |= np.bincount(values, minlength=CODES) > 0
    return np.flatnonzero(seen)


def code_slots(values, present):
    """The position of each of ``values`` (uint8) among the codes ``present`` (sorted, holding every
    value): a count of comparisons for a few codes, a table look-up for more."""
    if present.size > 8:
        lookup = np.zeros(CODES, dtype=np.intp)
        lookup[present] = np.arange(present.size)
        return lookup[values]
    slots = np.zeros(values.shape, dtype=np.uint8)
    for code in present[1:].tolist():
        np.add(slots, values >= code, out=slots, casting="unsafe")
    return slots


def block_view(values, block):
    """The ``block`` x ``block`` blocks of a 2-D array as a (rows // block, cols // block, block, block)
    view (no copy; the partial blocks of the edges left out)."""
    values = np.asarray(values)
    hb, wb = values.shape[0] // block, values.shape[1] // block
    row, column = values.strides
    return np.lib.stride_tricks.as_strided(values, shape=(hb, wb, block, block),
                                           strides=(row * block, column * block, row, column), writeable=False)


class BlockCounts:
    """Counts per cell and code of the maps of one strip, whose cells are fixed: built once per strip
    from ``cells`` (intp per pixel, ``n_cells`` for pixels not counted), then :meth:`counts` for each
    map's codes.

    Snow maps are mostly whole areas of cloud, snow, no snow or no data: a block of ``block`` x
    ``block`` pixels holding one code adds that code to its cells' histogram, kept for every block (a
    sparse matrix, blocks x cells); only the other blocks and the edges are counted pixel by pixel,
    and only the codes present are counted (four on a binary snow map). The result is that of
    :func:`code_counts`.
    """

    def __init__(self, cells, n_cells, block=BLOCK):
        from scipy import sparse

        cells = np.asarray(cells)
        self.shape, self.n_cells, self.block = cells.shape, int(n_cells), block
        hb, wb = cells.shape[0] // block, cells.shape[1] // block
        self.rows, self.cols = hb * block, wb * block
        self.cells = cells
        small = cells.astype(np.uint16 if n_cells < 65535 else np.uint32)
        grouped = block_view(small, block)
        self.block_cells = grouped.reshape(hb * wb, block * block)            # a copy, block by block
        ordered = np.sort(self.block_cells, axis=1, kind="stable")            # radix sort
        starts = np.empty(ordered.shape, dtype=bool)
        starts[:, :1] = True
        np.not_equal(ordered[:, 1:], ordered[:, :-1], out=starts[:, 1:])
        position = np.flatnonzero(starts)
        row = position // (block * block)
        following = np.append(position[1:], ordered.size)
        count = np.minimum(following, (row + 1) * (block * block)) - position
        pointer = np.zeros(hb * wb + 1, dtype=np.int64)
        np.cumsum(np.bincount(row, minlength=hb * wb), out=pointer[1:])
        self.histograms = sparse.csr_matrix((count, ordered.ravel()[position].astype(np.int64), pointer),
                                            shape=(hb * wb, self.n_cells + 1))
        self.edge_cells = np.concatenate((small[:self.rows, self.cols:].ravel(), small[self.rows:].ravel()))
        # the pixels of each cell: the code that fills most whole blocks is counted as what the others leave
        self.totals = np.bincount(cells.ravel(), minlength=self.n_cells + 1).astype(np.int64)

    def counts(self, codes, blocks=None, skip=None, weights=None, prepared=None):
        """Pixel counts per cell and code of ``codes`` (uint8, the strip's shape): ``(present, counts)``,
        the codes present (sorted) and an ``(n_cells, len(present))`` int64 array (float64 sums of
        ``weights``, a weight per pixel, when given). ``blocks``: :func:`uniform_blocks` of the codes
        (computed when None); ``skip``: bool per pixel, pixels not to count. With ``weights``,
        every pixel is counted one by one; with ``skip``, the skipped pixels are counted one by one and
        taken away (``prepared``: :meth:`prepare` of the codes, when made already)."""
        if skip is not None and weights is None:
            prepared = self.prepare(codes, blocks) if prepared is None else prepared
            present, counts = self.finish(prepared, whole_strip=True)
            index = self.cells[skip] * present.size
            index += code_slots(codes[skip], present)
            counts -= np.bincount(index, minlength=(self.n_cells + 1) * present.size).reshape(-1, present.size)
            counts = counts[:self.n_cells]
            kept = counts.any(axis=0)
            return present[kept], counts[:, kept]
        if skip is not None or weights is not None:
            index = code_index(self.cells)
            index += codes
            if skip is not None:
                index[skip] = self.n_cells * CODES
            size = (self.n_cells + 1) * CODES
            if weights is None:
                counts = np.bincount(index.ravel(), minlength=size)
            else:
                counts = np.bincount(index.ravel(), weights=np.broadcast_to(weights, index.shape).ravel(),
                                     minlength=size)
            counts = counts.reshape(self.n_cells + 1, CODES)[:self.n_cells]
            present = np.flatnonzero(counts.any(axis=0))
            return present, counts[:, present]
        return self.finish(self.prepare(codes, blocks))

    def prepare(self, codes, blocks=None):
        """The first half of :meth:`counts` (without ``skip`` or ``weights``): everything but the
        counting itself, in numpy operations that let another thread run meanwhile."""
        uniform, block_code = uniform_blocks(codes, self.block) if blocks is None else blocks
        mixed = ~uniform
        cells = self.block_cells[mixed.ravel()].ravel()
        values = block_values(codes, mixed, self.block)
        if self.edge_cells.size:
            cells = np.concatenate((cells, self.edge_cells))
            values = np.concatenate((values, codes[:self.rows, self.cols:].ravel(), codes[self.rows:].ravel()))
        whole = np.flatnonzero(uniform.ravel())
        whole_codes = block_code.ravel()[whole]
        present = codes_present(values, whole_codes)
        index = cells.astype(np.intp)
        index *= present.size
        index += code_slots(values, present)
        return present, index, whole, np.searchsorted(present, whole_codes), uniform.size

    def finish(self, prepared, whole_strip=False):
        """The second half of :meth:`counts`: ``(present, counts)`` of what :meth:`prepare` gave. The
        whole blocks of the code that fills most of them are not summed: their cells hold what the other
        blocks and the pixels counted one by one leave of the strip's pixels. ``whole_strip``: with the
        row of the pixels not counted (cell ``n_cells``)."""
        from scipy import sparse

        present, index, whole, code_row, n_blocks = prepared
        k = present.size
        counts = np.bincount(index, minlength=(self.n_cells + 1) * k).reshape(self.n_cells + 1, k)
        if whole.size:
            per_code = np.bincount(code_row, minlength=k)
            main = int(np.argmax(per_code))
            others = code_row != main
            rest = self.totals - counts.sum(axis=1)                # pixels of the whole blocks, per cell
            if others.any():
                rows, codes = whole[others], code_row[others]
                order = np.argsort(codes, kind="stable")
                pointer = np.zeros(k + 1, dtype=np.int64)
                np.cumsum(np.bincount(codes, minlength=k), out=pointer[1:])
                selection = sparse.csr_matrix((np.ones(rows.size, dtype=np.int64), rows[order], pointer),
                                              shape=(k, n_blocks))
                summed = (selection @ self.histograms).toarray().T
                counts += summed
                rest -= summed.sum(axis=1)
            counts[:, main] += rest
        return present, counts if whole_strip else counts[:self.n_cells]


def cell_columns(counts, columns, area=1.0):
    """The columns of each cell (:data:`NO_SNOW`, :data:`SNOW`, :data:`SNOW_COVER`, :data:`CLOUD`,
    :data:`NODATA`; float64) from its :func:`code_counts` and the map's :func:`code_columns`, times
    ``area`` (the area of a pixel: then in square metres)."""
    return (np.asarray(counts, dtype=np.float64) @ columns) * area


def group_sums(keys, values):
    """Unique rows of ``keys`` (n, k) and the sums of ``values`` (n, m) over each, in increasing order of
    the keys (lexicographic): ``(unique_keys, sums)``."""
    keys = np.asarray(keys)
    values = np.asarray(values, dtype=np.float64)
    if keys.shape[0] == 0:
        return keys.reshape(0, keys.shape[1] if keys.ndim == 2 else 1), values.reshape(0, values.shape[1])
    unique, inverse = np.unique(keys, axis=0, return_inverse=True)
    inverse = inverse.ravel()
    sums = np.stack([np.bincount(inverse, weights=values[:, j], minlength=unique.shape[0])
                     for j in range(values.shape[1])], axis=1)
    return unique, sums


# --------------------------------------------------------------------------------------------------
# 7. Regional snowline
# --------------------------------------------------------------------------------------------------

def regional_snowline(snow, free, edges):
    """The regional snowline of one zone and date (Krajčí, Holko & Parajka 2014).

    ``snow`` and ``free`` (n,): area (or pixel count) of the clear snow and snow-free pixels of each
    elevation bin, bins in increasing elevation; ``edges`` (n + 1,) their edges in metres. The
    candidates are the edges: for edge ``k``, the misclassified area is the snow below it plus the
    snow-free area above it.

    Returns ``(elevation, misclassified_share)`` (metres, share of the clear area in 0..1), the lowest
    edge among the minimisers; ``(None, None)`` without clear area.
    """
    snow = np.asarray(snow, dtype=np.float64)
    free = np.asarray(free, dtype=np.float64)
    total = snow.sum() + free.sum()
    if not total > 0:
        return None, None
    below = np.concatenate(([0.0], np.cumsum(snow)))
    above = np.concatenate((np.cumsum(free[::-1])[::-1], [0.0]))
    cost = below + above
    k = int(np.argmin(cost))
    return float(edges[k]), float(cost[k] / total)


def regional_snowlines(groups, bins, snow, free, band_width, step):
    """:func:`regional_snowline` of many zones at once: ``groups`` (zone of each row), ``bins`` (fine
    elevation bin, :func:`elevation_bins`), ``snow``, ``free`` (areas), one row per distinct (zone, bin)
    sorted by zone then bin, unknown bins left out. Returns ``(zones, elevation, misclassified)`` for
    each zone with clear area, the same values as :func:`regional_snowline` over :func:`bin_edges`.

    Between two bins with pixels the misclassified area does not change, so the lowest minimiser is
    the lower edge of the zone's lowest bin or the upper edge of one of its bins."""
    groups = np.asarray(groups)
    bins = np.asarray(bins, dtype=np.int64)
    snow = np.asarray(snow, dtype=np.float64)
    free = np.asarray(free, dtype=np.float64)
    if groups.size == 0:
        return groups, np.zeros(0), np.zeros(0)
    starts = np.flatnonzero(np.r_[True, groups[1:] != groups[:-1]])
    ends = np.r_[starts[1:], groups.size]
    total_snow = np.add.reduceat(snow, starts)
    total_free = np.add.reduceat(free, starts)
    which = np.repeat(np.arange(starts.size), ends - starts)
    snow_upto = np.cumsum(snow) - np.repeat(np.cumsum(snow)[starts] - snow[starts], ends - starts)
    free_upto = np.cumsum(free) - np.repeat(np.cumsum(free)[starts] - free[starts], ends - starts)
    # candidate at the upper edge of each bin: snow below = snow up to it, free above = the rest
    cost = snow_upto + (total_free[which] - free_upto)
    n_sub = sub_bins(band_width, step)
    band, sub = np.divmod(bins + 1, n_sub)
    upper = band * band_width + np.minimum(sub * step, band_width)
    band0, sub0 = np.divmod(bins[starts], n_sub)
    lower = band0 * band_width + np.minimum(sub0 * step, band_width)
    # the first minimum of each zone, the lower edge of its lowest bin first
    lengths = ends - starts
    lowest = np.minimum.reduceat(cost, starts)
    first = np.flatnonzero(cost == np.repeat(lowest, lengths))
    _zones, position = np.unique(which[first], return_index=True)
    k = first[position]
    use_lower = total_free <= lowest
    elevation = np.where(use_lower, lower, upper[k]).astype(np.float64)
    best = np.where(use_lower, total_free, lowest)
    total = total_snow + total_free
    keep = total > 0
    return groups[starts][keep], elevation[keep], best[keep] / total[keep]


# --------------------------------------------------------------------------------------------------
# 8. Cloud-corrected snow cover
# --------------------------------------------------------------------------------------------------

def cloud_corrected_snow(snow, clear, cloud, centres):
    """The cloud-corrected snow-covered area of each elevation band, an estimate: ``(estimate,
    fraction)``.

    ``snow`` (snow-covered area of the clear pixels, fractional snow included), ``clear`` and ``cloud``
    (areas) per band, in any one unit; ``centres``, the bands' elevations (metres), to find the nearest
    band. ``fraction`` = snow / clear of the band, or, for a band without clear area, that of the
    nearest band with some (the mean of the two nearest when they are equally near); ``estimate`` =
    fraction x (clear + cloud). Both NaN when no band has clear area.
    """
    snow, clear, cloud = (np.asarray(v, dtype=np.float64) for v in (snow, clear, cloud))
    centres = np.asarray(centres, dtype=np.float64)
    fraction = np.full(snow.shape, np.nan)
    seen = clear > 0
    fraction[seen] = snow[seen] / clear[seen]
    if not seen.any():
        return np.full(snow.shape, np.nan), fraction
    for i in np.flatnonzero(~seen):
        distance = np.abs(centres[seen] - centres[i])
        nearest = np.flatnonzero(distance == distance.min())
        fraction[i] = fraction[seen][nearest].mean()
    return fraction * (clear + cloud), fraction


def nearest_fractions(groups, centres, fraction):
    """``fraction`` (per row; NaN where unknown) completed within each group: a row without one takes
    that of the nearest row of its group by ``centres`` (the mean of the two nearest when equally near;
    NaN when the group has none). Rows sorted by group then centre."""
    groups = np.asarray(groups)
    centres = np.asarray(centres, dtype=np.float64)
    fraction = np.array(fraction, dtype=np.float64)
    missing = np.flatnonzero(np.isnan(fraction))
    if not missing.size:
        return fraction
    known = np.flatnonzero(~np.isnan(fraction))
    result = fraction.copy()
    if not known.size:
        return result
    # the known rows before and after each missing one, in the order of (group, centre)
    after = np.searchsorted(known, missing)
    before = after - 1
    candidates = []
    for neighbour in (before, after):
        valid = (neighbour >= 0) & (neighbour < known.size)
        row = known[np.clip(neighbour, 0, known.size - 1)]
        valid &= groups[row] == groups[missing]
        candidates.append((valid, row, np.where(valid, np.abs(centres[row] - centres[missing]), np.inf)))
    (valid_b, row_b, dist_b), (valid_a, row_a, dist_a) = candidates
    take_b = valid_b & (dist_b < dist_a)
    take_a = valid_a & (dist_a < dist_b)
    both = valid_a & valid_b & (dist_a == dist_b)
    result[missing[take_b]] = fraction[row_b[take_b]]
    result[missing[take_a]] = fraction[row_a[take_a]]
    result[missing[both]] = 0.5 * (fraction[row_b[both]] + fraction[row_a[both]])
    return result
