"""Cast shadows of the relief: where the terrain hides the sun (QC bit 6 of the snow products, "shaded
snow"; DOMAIN.md section 5).

A pixel is in the cast shadow of the relief when the terrain along the sun direction, seen from the
pixel, rises above the sun: some point Q of the DEM between the pixel P and the sun has
``z(Q) - z(P) > d(P, Q) tan(elevation)``, ``d`` the horizontal distance along the sun's azimuth and
``elevation = 90 - sun zenith``. The slope facing away from the sun (self shadow) is not a cast shadow:
it is the business of a hillshade; only the terrain that stands between the pixel and the sun counts.

Method (:func:`cast_shadows`): the image is cut into *digital lines* parallel to the sun direction, one
pixel wide, that step one pixel at a time along the axis closest to the sun direction (columns for a sun
within 45 degrees of east or west, rows otherwise) and one pixel or none along the other axis. Along a
line, with ``s`` the distance travelled towards the sun, ``h = z - s tan(elevation)`` and P is in shadow
when the maximum of ``h`` over the line beyond P exceeds ``h(P)`` (strict): a reverse cumulative maximum,
one pass over the pixels whatever the sun height. ``s`` is the distance along the ray from P to the
crossing of Q's column (row), i.e. ``(column difference) x pixel width / |sin(azimuth)|``: the line's
sideways steps only choose which pixel of that column is read. The result is therefore exact for terrain
that does not vary along the minor axis (a ridge running north-south lit by a sun within 45 degrees of
east or west, whatever its azimuth there; tests/test_core_relief.py), and reads the DEM less than one
pixel sideways of the true ray otherwise.

Terrain outside the array, and DEM pixels that are NaN, cast no shadow; a NaN pixel is never in shadow.
The lines are processed in chunks (:data:`LINES_PER_CHUNK`), each gathering its pixels from the DEM
(a file-backed array of a whole tile will do) and scattering its result: the memory is a few arrays of
the chunk's size, not of the image's. Angles in degrees, as in the products' metadata: zenith from the
vertical, azimuth clockwise from north of the direction in which the sun is seen from the ground.
"""
import math

import numpy as np

#: Digital lines per chunk of :func:`cast_shadows` (about 4 float64 arrays of LINES x width).
LINES_PER_CHUNK = 512


def sun_direction(sun_zenith, sun_azimuth):
    """``(east, north, tan_elevation)``: the unit horizontal vector towards the sun and the tangent of its
    elevation (0 for a sun on the horizon, inf at the zenith). Raises ValueError for a zenith outside
    0..90 degrees or non-finite angles."""
    zenith, azimuth = float(sun_zenith), float(sun_azimuth)
    if not (math.isfinite(zenith) and math.isfinite(azimuth) and 0.0 <= zenith <= 90.0):
        raise ValueError("the sun zenith angle must lie in 0..90 degrees, got {!r}".format(sun_zenith))
    a = math.radians(azimuth)
    z = math.radians(zenith)
    tan_elevation = math.inf if zenith == 0.0 else math.cos(z) / math.sin(z)
    return math.sin(a), math.cos(a), tan_elevation


def shadow_length(relief, sun_zenith):
    """The longest shadow ``relief`` metres of height difference can cast with the sun at ``sun_zenith``
    degrees: ``relief / tan(elevation)`` (inf for a sun on the horizon)."""
    _e, _n, tan_elevation = sun_direction(sun_zenith, 0.0)
    if relief <= 0 or math.isinf(tan_elevation):
        return 0.0
    return math.inf if tan_elevation == 0 else float(relief) / tan_elevation


def lattice_origin(transform, row=0, col=0):
    """The lattice position (:func:`cast_shadows`'s ``origin``) of pixel ``(row, col)`` of a north-up raster
    whose affine ``transform`` is given: its map coordinates counted in pixels, so that every window of a
    raster, and the whole raster, lay the same digital lines."""
    return (int(round(-transform.f / abs(transform.e))) + int(row),
            int(round(transform.c / abs(transform.a))) + int(col))


def cast_shadows(dem, pixel_size, sun_zenith, sun_azimuth, out=None, origin=(0, 0),
                 lines_per_chunk=LINES_PER_CHUNK):
    """The cast shadows of the relief of ``dem`` (2-D, metres, NaN no elevation; any array, a file-backed
    one included) lit by a sun at ``sun_zenith`` and ``sun_azimuth`` degrees: boolean, True in shadow (see
    the module documentation for the exact rule).

    ``pixel_size``: ``(width, height)`` of a pixel in metres (positive; north-up rasters: the column
    index grows eastwards, the row index southwards). ``out``: a boolean array of the DEM's shape to fill
    (else one is made). ``origin``: ``(row, column)`` of the array's first pixel in a larger lattice of
    pixels (for example the map coordinates divided by the pixel size): the digital lines are laid on that
    lattice, so that two windows of one raster give the same result where their terrain towards the sun is
    the same. A sun at the zenith casts no shadow; a sun on the horizon (zenith 90) puts in shadow every
    pixel that has higher terrain anywhere towards the sun.
    """
    shape = np.shape(dem)
    if len(shape) != 2:
        raise ValueError("dem must be a 2-D array")
    if out is None:
        out = np.zeros(shape, dtype=bool)
    else:
        out[...] = False
    east, north, tan_elevation = sun_direction(sun_zenith, sun_azimuth)
    px, py = (float(v) for v in pixel_size)
    if not (px > 0 and py > 0):
        raise ValueError("pixel sizes must be > 0")
    if math.isinf(tan_elevation) or shape[0] == 0 or shape[1] == 0:
        return out
    # towards the sun, per metre: columns eastwards, rows southwards
    d_col, d_row = east / px, -north / py
    z, o = dem, out
    major_origin = int(origin[1])
    if abs(d_col) < abs(d_row):           # rows are the major axis: work on the transposed views
        z, o, d_col, d_row = z.T, o.T, d_row, d_col
        major_origin = int(origin[0])
    if abs(d_col) == 0:                   # pragma: no cover - impossible: a unit vector has a major part
        return out
    step = 1.0 / abs(d_col)              # metres of ray per major step (a column of the working view)
    # the position along the sun direction of the working frame's first column, in the lattice
    phase = major_origin
    if d_col < 0:                          # the sun towards the first columns: flip them
        z, o = z[:, ::-1], o[:, ::-1]
        phase = -(major_origin + z.shape[1] - 1)
    slope = abs(d_row) / abs(d_col)        # rows per column step, 0..1
    if d_row < 0:                          # the sun towards the first rows: flip them
        z, o = z[::-1], o[::-1]
    _sweep(z, o, slope, step * tan_elevation, phase, int(lines_per_chunk))
    return out


def _sweep(z, out, slope, drop, phase, lines_per_chunk):
    """:func:`cast_shadows` in the working frame: the sun towards increasing columns, ``slope`` (0..1)
    rows further per column, ``drop`` metres of sun line per column, ``phase`` the lattice position of
    column 0. Line ``j`` holds the pixels ``(j - top + offset[c], c)``; the row steps of the lines are those
    of the lattice (``round(slope x position)``), whatever the array's extent."""
    rows, cols = z.shape
    positions = np.arange(cols, dtype=np.float64) + phase
    offset = (np.floor(positions * slope + 0.5) - math.floor(phase * slope + 0.5)).astype(np.int64)
    top = int(offset[-1])
    # columns grouped by their offset: each group is a block copy between the image and the lines
    starts = np.flatnonzero(np.diff(offset, prepend=-1))
    groups = list(zip(starts.tolist(), np.append(starts[1:], cols).tolist(), offset[starts].tolist()))
    fall = np.arange(cols, dtype=np.float64) * drop
    total = rows + top
    for j0 in range(0, total, lines_per_chunk):
        j1 = min(total, j0 + lines_per_chunk)
        h = np.full((j1 - j0, cols), -np.inf)
        for c0, c1, off in groups:
            # image rows of lines j0..j1 in these columns: j - top + off
            r0, r1 = max(j0 - top + off, 0), min(j1 - top + off, rows)
            if r0 < r1:
                h[r0 - (j0 - top + off):r1 - (j0 - top + off), c0:c1] = z[r0:r1, c0:c1]
        valid = np.isfinite(h)
        h[~valid] = -np.inf
        h -= fall
        # the highest h strictly beyond each pixel, towards the sun
        ahead = np.empty_like(h)
        ahead[:, -1] = -np.inf
        np.maximum.accumulate(h[:, :0:-1], axis=1, out=ahead[:, -2::-1])
        shadow = (ahead > h) & valid
        for c0, c1, off in groups:
            r0, r1 = max(j0 - top + off, 0), min(j1 - top + off, rows)
            if r0 < r1:
                out[r0:r1, c0:c1] = shadow[r0 - (j0 - top + off):r1 - (j0 - top + off), c0:c1]
