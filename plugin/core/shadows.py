"""Cloud shadows that beat a darkness threshold: a potential-shadow layer matched with the clouds' projections,
object by object (the approach of Fmask, Zhu & Woodcock 2012, written again for Névé).

1. :func:`fill_minima`: the flood fill of a band (Fmask's ``imfill``): each pixel raised to the lowest level at
   which water poured on it would flow out of the image, i.e. the smallest, over the paths from the pixel to
   the image's edge, of the highest value met on the path. Exact, through the minimum spanning tree of the
   pixel graph (scipy's ``minimum_spanning_tree``) and pointer jumping along the tree.
2. :func:`potential_shadows`: pixels darker than their surroundings in the NIR and in the SWIR (the fill
   lies above the pixel by more than ``darker`` of the fill, in both bands), or darker than the absolute
   dark threshold. Dark surfaces that are not surrounded by brighter ones (large water bodies, forests
   reaching the edge) are not filled and do not stand out.
3. :func:`matched_shadows`: each cloud object (8-connected) is projected along the sun direction over the
   heights (``core.cloud.shadow_shift``); its score at a height is the fraction of the clear pixels of the
   projection that are potential shadow. Every height whose score reaches ``tolerance`` times the object's
   best score (above ``min_fraction``) marks the projection there; the shadows are the connected
   potential-shadow objects (8-connected) that these projections touch. Optionally buffered by a distance.

Reflectances in 0..1, distances in metres, angles in degrees (the conventions of ``core/cloud.py``).
"""
import math
import warnings
from dataclasses import dataclass

import numpy as np
from scipy import ndimage
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import breadth_first_order, minimum_spanning_tree

from . import cloud
from .defaults import MATCHED_SHADOW_DEFAULTS, SHADOW_DEFAULTS

_M = MATCHED_SHADOW_DEFAULTS

#: :func:`fill_minima` works on at most this many pixels; larger images are filled on a grid of block means
#: (a few bytes a pixel besides: about 60 bytes per pixel of that grid).
MAX_FILL_PIXELS = 2_000_000


def fill_minima(values, edge_value=None, max_pixels=MAX_FILL_PIXELS):
    """The flood fill of ``values`` (2-D, float; NaN pixels count as the image's edge): the smallest, over the
    8-connected paths from each pixel to the edge of the image, of the largest value on the path, the pixel's
    own included. ``edge_value``: the level of the world outside the image (Fmask: a low percentile of the clear
    land): water leaves the image over an edge pixel at the higher of its value and ``edge_value``.

    Images of more than ``max_pixels`` pixels are filled on a grid ``k`` times coarser (block means, ``k`` the
    smallest whole factor that fits), the fill brought back by nearest neighbour and never below the pixel.
    Returns float64.
    """
    values = np.asarray(values, dtype=np.float64)
    height, width = values.shape
    factor = max(1, int(math.ceil(math.sqrt(height * width / float(max_pixels)))))
    if factor > 1:
        rows, cols = -(-height // factor), -(-width // factor)
        padded = np.full((rows * factor, cols * factor), np.nan)
        padded[:height, :width] = values
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)     # blocks that are all NaN stay NaN
            coarse = np.nanmean(padded.reshape(rows, factor, cols, factor), axis=(1, 3))
        filled = fill_minima(coarse, edge_value, max_pixels)
        filled = np.repeat(np.repeat(filled, factor, axis=0), factor, axis=1)[:height, :width]
        return np.fmax(filled, values)
    return _fill_exact(values, edge_value)


def _fill_exact(values, edge_value):
    height, width = values.shape
    n = height * width
    flat = values.ravel()
    outside = np.isnan(flat)
    level = np.where(outside, -np.inf, flat)
    index = np.arange(n).reshape(height, width)
    # edges of the 8-connected grid (weight: the higher end), and from every edge pixel (and NaN pixel) to
    # the outside node n (weight: the pixel's value, at least edge_value)
    a = np.concatenate([index[:, :-1].ravel(), index[:-1, :].ravel(), index[:-1, :-1].ravel(),
                        index[:-1, 1:].ravel()])
    b = np.concatenate([index[:, 1:].ravel(), index[1:, :].ravel(), index[1:, 1:].ravel(),
                        index[1:, :-1].ravel()])
    border = np.zeros((height, width), dtype=bool)
    border[0, :] = border[-1, :] = border[:, 0] = border[:, -1] = True
    gates = np.flatnonzero(border.ravel() | outside)
    gate_level = level[gates]
    if edge_value is not None:
        gate_level = np.maximum(gate_level, float(edge_value))
    weights = np.concatenate([np.maximum(level[a], level[b]), gate_level])
    a = np.concatenate([a, gates])
    b = np.concatenate([b, np.full(gates.size, n)])
    # the spanning tree drops zero weights and only the order of the weights matters: work on their ranks + 1
    # (exact; the placeholder 0.5 stands for -inf, the NaN pixels)
    finite = np.isfinite(weights)
    distinct, rank = np.unique(weights[finite], return_inverse=True)
    shifted = np.full(weights.shape, 0.5)
    shifted[finite] = rank + 1.0
    graph = coo_matrix((shifted, (a, b)), shape=(n + 1, n + 1)).tocsr()
    tree = minimum_spanning_tree(graph)
    tree = tree + tree.T
    order, parent = breadth_first_order(tree, n, directed=False, return_predecessors=True)
    # the weight of the edge from each node to its parent, then the largest weight on the way to the outside
    parent = np.where(parent < 0, n, parent)
    up = np.asarray(tree[np.arange(n + 1), parent]).ravel()
    up[n] = 0.0
    best = up.copy()
    ancestor = parent.copy()
    ancestor[n] = n
    while True:
        moved = ancestor != n
        if not moved.any():
            break
        best = np.maximum(best, best[ancestor])
        ancestor = ancestor[ancestor]
    top = best[:n]
    filled = np.full(n, -np.inf)
    reached = top > 0.75
    filled[reached] = distinct[top[reached].astype(np.int64) - 1]
    filled = np.fmax(filled, level)
    filled[outside] = np.nan
    return filled.reshape(height, width)


def potential_shadows(nir, swir, darker=_M["DARKER"], dark_threshold=None, cloud_mask=None, nodata=None):
    """The potential-shadow layer: pixels whose NIR and SWIR are both more than ``darker`` (a fraction, 0..1)
    below their flood fill (:func:`fill_minima`, the edge at the 17.5th percentile of the clear pixels as in
    Fmask), or whose NIR is below ``dark_threshold`` (None: not used); never cloud nor no data. The clouds
    are filled as they are (bright: they hold the fill up, as in Fmask)."""
    nir = np.asarray(nir, dtype=np.float64)
    swir = np.asarray(swir, dtype=np.float64)
    clear = np.isfinite(nir) & np.isfinite(swir)
    if cloud_mask is not None:
        clear &= ~np.asarray(cloud_mask, bool)
    if nodata is not None:
        clear &= ~np.asarray(nodata, bool)
    if not clear.any():
        return np.zeros(nir.shape, dtype=bool)
    found = clear.copy()
    for band in (nir, swir):
        filled = fill_minima(band, np.percentile(band[clear], 17.5))
        with np.errstate(invalid="ignore"):
            found &= (filled - band) > darker * filled
    if dark_threshold is not None:
        with np.errstate(invalid="ignore"):
            found |= clear & (nir < dark_threshold)
    return found


@dataclass
class MatchedShadows:
    """What :func:`matched_shadows` found: the shadow ``mask``, the cloud ``labels`` (8-connected), each
    object's best ``heights`` (m, NaN: no match) and best ``scores``, and the potential-shadow layer."""

    mask: np.ndarray
    labels: np.ndarray
    heights: np.ndarray
    scores: np.ndarray
    potential: np.ndarray


def matched_shadows(clouds, potential, pixel_size, sun_zenith, sun_azimuth, view_zenith, view_azimuth,
                    height_min=SHADOW_DEFAULTS["HEIGHT_MIN"], height_max=SHADOW_DEFAULTS["HEIGHT_MAX"],
                    height_step=SHADOW_DEFAULTS["HEIGHT_STEP"], nodata=None,
                    tolerance=_M["TOLERANCE"], min_fraction=_M["MIN_FRACTION"], buffer=0.0):
    """Shadows of the cloud objects of ``clouds``: the potential-shadow objects (8-connected components of
    ``potential``) that the objects' projections touch at their matching heights (see the module
    documentation), without cloud and no-data pixels, buffered by ``buffer`` metres (exact disk,
    ``core.cloud.dilate``). Angles as ``core.cloud.cloud_shadows`` takes them (numbers, arrays, or functions
    of position). Returns :class:`MatchedShadows`."""
    clouds = np.asarray(clouds, dtype=bool)
    potential = np.asarray(potential, dtype=bool) & ~clouds
    px, py = cloud._pixel_size(pixel_size)
    usable = ~clouds
    if nodata is not None:
        nodata = np.asarray(nodata, dtype=bool)
        usable &= ~nodata
        potential &= ~nodata
    heights = cloud._height_range(height_min, height_max, height_step)
    labels, count = ndimage.label(clouds, structure=np.ones((3, 3), dtype=bool))
    heights_out = np.full(count, np.nan)
    scores_out = np.full(count, np.nan)
    touched = np.zeros(clouds.shape, dtype=bool)
    if count:
        prefix, shift = cloud._row_prefix_pair(usable, usable & potential)
        run_rows, run_first, run_last = cloud._run_bounds(clouds)
        run_label = labels[run_rows, run_first]
        centroids = None
        if any(callable(a) for a in (sun_zenith, sun_azimuth, view_zenith, view_azimuth)):
            centroids = cloud._centroids(run_rows, run_first, run_last, run_label, count)
        angles = [cloud._per_object(a, labels, count, circular=k % 2 == 1, centroids=centroids)
                  for k, a in enumerate((sun_zenith, sun_azimuth, view_zenith, view_azimuth))]
        order = np.argsort(run_label, kind="stable")
        bounds = np.searchsorted(run_label[order], np.arange(1, count + 2))
        paint = []
        for k in np.flatnonzero(np.all(np.isfinite(angles), axis=0)):
            pick = order[bounds[k]:bounds[k + 1]]
            rows, first, last = run_rows[pick], run_first[pick], run_last[pick]
            east, north = cloud.shadow_shift(heights, *(a[k] for a in angles))
            drow = cloud._round_half_up(-north / py).astype(np.int64)
            dcol = cloud._round_half_up(east / px).astype(np.int64)
            clear, hits = cloud._count_in_runs(prefix, shift, rows, first, last, drow, dcol)
            score = np.where(clear > 0, hits / np.maximum(clear, 1), -1.0)
            best = int(np.argmax(score))
            if not score[best] > min_fraction:
                continue
            heights_out[k], scores_out[k] = heights[best], score[best]
            for h in np.flatnonzero(score >= tolerance * score[best]):
                paint.append((rows + drow[h], first + dcol[h], last + dcol[h]))
        if paint:
            touched = cloud._paint_runs(clouds.shape, *(np.concatenate(parts) for parts in zip(*paint)))
    objects, found = ndimage.label(potential, structure=np.ones((3, 3), dtype=bool))
    keep = np.zeros(found + 1, dtype=bool)
    keep[np.unique(objects[touched & potential])] = True
    keep[0] = False
    mask = keep[objects]
    if buffer and buffer > 0:
        mask = cloud.dilate(mask, buffer, (px, py))
    mask &= ~clouds
    if nodata is not None:
        mask &= ~nodata
    return MatchedShadows(mask, labels, heights_out, scores_out, potential)


def scores(predicted, truth, valid=None):
    """``(precision, recall, f1)`` of the boolean ``predicted`` against ``truth`` over ``valid`` pixels (all by
    default); 0 where undefined."""
    predicted, truth = np.asarray(predicted, bool), np.asarray(truth, bool)
    if valid is not None:
        valid = np.asarray(valid, bool)
        predicted, truth = predicted & valid, truth & valid
    tp = int(np.count_nonzero(predicted & truth))
    fp = int(np.count_nonzero(predicted & ~truth))
    fn = int(np.count_nonzero(~predicted & truth))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1
