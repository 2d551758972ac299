"""Inputs of the cloud-mask jobs, read one way for all of them.

- Masks: :func:`parse_values` and :func:`mask_selection` (values such as "1, 2, 5-7"),
  :func:`layer_values_mask` (a layer's values as a mask and its no data), :func:`product_clouds` (the clouds
  of :data:`PRODUCT_CLOUD_BITS` or :data:`PRODUCT_CLOUD_CLASSES`), :func:`product_nodata`, and
  :func:`open_mask_source`, the mask of a layer or of a product as :class:`MaskSource` (``dilatemask``,
  ``sievemask``).
- The CLM: :func:`read_clm` (a Sen2Cor SCL written as CLM bits by :func:`clm_from_scl`, a Landsat QA_PIXEL
  by :func:`clm_from_qa_pixel`).
- Products of any mission: :func:`product_grid` (the grid of a product: ``RESOLUTION`` on Sentinel-2, the
  30 m grid of Landsat), :func:`option_band` (a band option stored under its Sentinel-2 name, "B12", as the
  product's band: B7 on Landsat), :func:`mean_viewing_angles` (Landsat looks at nadir).
- Bands for threshold tests: :func:`read_band_pixels` (a coarser band's own values on a finer grid),
  :func:`grid_factor`, :func:`layer_grid`.
- Geometry: :func:`product_parallax_shifts` (where the bands see a cloud at a height).
"""
import math
import re

import numpy as np

from ..core import masks, missions
from ..core.defaults import CLOUD_RESOLUTION
from ..errors import NeveError
from ..i18n import QT_TR_NOOP, tr
from .inputs import layer_name, open_input

# A product's clouds for the buffer, the sieve and the recipe's buffer: the clouds MAJA masks, i.e. CLM
# bits 1 (all clouds except the thinnest), 2 (mono-temporal), 3 (multi-temporal) and 7 (cirrus band),
# not the thinnest clouds alone (bit 4) nor shadows (5, 6); Sen2Cor SCL classes 8, 9 (clouds of medium
# and high probability) and 10 (thin cirrus), not 3 (shadow).
PRODUCT_CLOUD_BITS = (1, 2, 3, 7)
PRODUCT_CLOUD_CLASSES = (8, 9, 10)
# On a Landsat QA_PIXEL: bits 2 (cirrus) and 3 (cloud), not the dilation of Fmask (1) nor shadows (4).
PRODUCT_QA_PIXEL_BITS = (masks.QA_CIRRUS, masks.QA_CLOUD)
#: The kinds of cloud mask of a product, in the order a product's masks are searched.
PRODUCT_CLOUD_MASKS = ("CLM", "SCL", "QA_PIXEL")


# -- masks ----------------------------------------------------------------------------------------------

def parse_values(text):
    """Integer values from text such as "1, 2, 5-7" (ranges included); raises ValueError."""
    values = []
    for part in text.replace(";", ",").split(","):
        if not part.strip():
            continue
        match = re.fullmatch(r"\s*(-?\d+)\s*(?:-\s*(-?\d+)\s*)?", part)
        if match is None:
            raise ValueError(part)
        low = int(match.group(1))
        high = int(match.group(2)) if match.group(2) is not None else low
        if high < low:
            raise ValueError(part)
        values.extend(range(low, high + 1))
    return values


def mask_selection(text):
    """:func:`parse_values` of ``text`` (None: empty), with a :class:`~..errors.NeveError` for bad text."""
    text = text or ""
    try:
        return parse_values(text)
    except ValueError:
        raise NeveError("bad_values", QT_TR_NOOP(
            "Could not read the values \"{text}\": write whole numbers separated by commas, ranges with a dash, "
            "for example 1, 2, 5-7."), text=text) from None


def layer_values_mask(values, nodata, selection):
    """(mask, no data) of an array read from a raster layer: mask = one of ``selection`` (a list of
    values) or, when it is empty, any non-zero value; no data = the layer's no-data value (NaN too)."""
    if nodata is not None and isinstance(nodata, float) and math.isnan(nodata):
        no_data = np.isnan(values)
    elif nodata is not None:
        no_data = values == nodata
    else:
        no_data = np.isnan(values) if values.dtype.kind == "f" else None
    if selection:
        mask = masks.in_classes(values, selection)
    else:
        mask = values != 0
    if no_data is None:     # a layer without no data: nothing to take out of the mask
        return mask, np.zeros(values.shape, bool)
    return mask & ~no_data, no_data


def product_nodata(product, grid, window):
    """The product's no data (EDG, SCL 0, QA_PIXEL bit 0) on ``window`` of ``grid``; none when it has none."""
    if {"EDG", "SCL", "QA_PIXEL"} & set(product.masks):
        return product.read_mask("nodata", grid, window)
    return np.zeros((int(window.height), int(window.width)), bool)


def product_clouds(product, grid, window, bits=PRODUCT_CLOUD_BITS, classes=PRODUCT_CLOUD_CLASSES,
                   qa_bits=PRODUCT_QA_PIXEL_BITS):
    """(clouds, no data) of a product on a window of ``grid``: ``bits`` of CLM (default
    :data:`PRODUCT_CLOUD_BITS`), ``classes`` of SCL (:data:`PRODUCT_CLOUD_CLASSES`) or ``qa_bits`` of a
    Landsat QA_PIXEL (:data:`PRODUCT_QA_PIXEL_BITS`); no data from EDG, SCL 0 or QA_PIXEL bit 0."""
    selection = bits if "CLM" in product.masks else (classes if "SCL" in product.masks else qa_bits)
    clouds = product.read_mask("cloud", grid, window, selection=selection)
    no_data = product_nodata(product, grid, window)
    return clouds & ~no_data, no_data


def check_option(value, choices):
    """An error when ``value`` is not one of ``choices`` (library callers: the dialogs and the command line
    offer only those)."""
    if value not in choices:
        raise NeveError("bad_option", QT_TR_NOOP("{value} is not one of {choices}."), value=value,
                        choices=", ".join(str(c) for c in choices))


def check_output(path, label):
    """An error when no file was given for the required output labelled ``label``."""
    if not path:
        raise NeveError("no_output", QT_TR_NOOP("No output file was given for {output}."), output=label)


def check_cloud_mask(product):
    """A :class:`~..errors.NeveError` unless ``product`` has a cloud mask (CLM, SCL or QA_PIXEL)."""
    if not set(PRODUCT_CLOUD_MASKS) & set(product.masks):
        raise NeveError("no_cloud_mask", QT_TR_NOOP("{product} has no cloud mask (CLM or SCL)."),
                        product=product.name)


class MaskSource:
    """A mask read by window: from a raster layer (``values`` counting as mask) or a product's clouds.
    ``grid`` is the grid read, ``name`` names the source in messages, ``product`` the product when one
    was given (angles), ``read(window) -> (mask, no data)``."""

    def __init__(self, grid, name, read, product=None):
        self.grid, self.name, self.read, self.product = grid, name, read, product


def open_mask_source(product_path, layer, values, resolution, stack, feedback=None):
    """The mask of the raster ``layer`` (its ``values``, see :func:`mask_selection`) or, without it, the
    clouds of the product at ``product_path`` on its grid of ``resolution`` metres; the product is opened
    whenever it is given, for its angles. Everything is closed by ``stack``."""
    from ..io.raster import Grid, open_raster

    product = None
    if product_path:
        product = stack.enter_context(open_input(product_path, feedback=feedback))
    if layer:
        selection = mask_selection(values)
        name = layer_name(layer)
        dataset = stack.enter_context(open_raster(layer))
        nodata = dataset.nodata

        def read(window):
            return layer_values_mask(dataset.read(1, window=window), nodata, selection)

        return MaskSource(Grid.of(dataset), name, read, product)
    if product is None:
        raise NeveError("no_input", QT_TR_NOOP("No input: give a Sentinel-2 L2A product or a mask raster."))
    check_cloud_mask(product)
    grid = product_grid(product, resolution, feedback)
    return MaskSource(grid, product.name, lambda window: product_clouds(product, grid, window), product)


# -- the CLM --------------------------------------------------------------------------------------------

def clm_from_scl(scl):
    """CLM bits (uint8) of a Sen2Cor SCL: 8, 9 -> bits 0, 1, 2; 10 -> bits 0, 1, 7; 3 -> bits 0, 5."""
    lookup = np.zeros(256, dtype=np.uint8)
    lookup[[masks.SCL_CLOUD_MEDIUM, masks.SCL_CLOUD_HIGH]] = masks.bit_value(
        [masks.CLM_SUMMARY, masks.CLM_ALL_CLOUDS, masks.CLM_MONO_TEMPORAL])
    lookup[masks.SCL_CIRRUS] = masks.bit_value([masks.CLM_SUMMARY, masks.CLM_ALL_CLOUDS, masks.CLM_HIGH_CLOUDS])
    lookup[masks.SCL_CLOUD_SHADOW] = masks.bit_value([masks.CLM_SUMMARY, masks.CLM_SHADOWS])
    return lookup[np.asarray(scl).astype(np.uint8, copy=False)]


def clm_from_qa_pixel(qa):
    """CLM bits (uint8) of a Landsat QA_PIXEL: cloud (bit 3) -> bits 0, 1, 2 (a cloud of the mono-temporal
    tests); cirrus (bit 2) -> bits 0, 1, 7; cloud shadow (bit 4) -> bits 0, 5; dilated cloud (bit 1) -> bit
    0 alone (in the summary, as MAJA's, not among the clouds the recipe buffers again)."""
    qa = np.asarray(qa)
    clm = np.zeros(qa.shape, np.uint8)
    for qa_bit, clm_bits in ((masks.QA_DILATED_CLOUD, [masks.CLM_SUMMARY]),
                             (masks.QA_CLOUD, [masks.CLM_SUMMARY, masks.CLM_ALL_CLOUDS, masks.CLM_MONO_TEMPORAL]),
                             (masks.QA_CIRRUS, [masks.CLM_SUMMARY, masks.CLM_ALL_CLOUDS, masks.CLM_HIGH_CLOUDS]),
                             (masks.QA_CLOUD_SHADOW, [masks.CLM_SUMMARY, masks.CLM_SHADOWS])):
        clm[masks.any_bit_set(qa, [qa_bit])] |= np.uint8(masks.bit_value(clm_bits))
    return clm


def read_clm(product, grid, window):
    """The product's CLM bits on a window (a Sen2Cor SCL or a Landsat QA_PIXEL written as CLM bits)."""
    if "CLM" in product.masks:
        return product.read_raw("CLM", grid, window)
    if "QA_PIXEL" in product.masks:
        return clm_from_qa_pixel(product.read_raw("QA_PIXEL", grid, window))
    return clm_from_scl(product.read_raw("SCL", grid, window))


# -- products of any mission ----------------------------------------------------------------------------

def product_grid(product, resolution, feedback=None):
    """The grid the cloud algorithms read ``product`` on: ``resolution`` metres (default
    :data:`~..core.defaults.CLOUD_RESOLUTION`) on a Sentinel-2 product; a Landsat product's own 30 m grid
    (its only one: RESOLUTION is for Sentinel-2), with a note to ``feedback`` when another was asked."""
    if product.mission == missions.LANDSAT:
        native = product.native_resolution
        if resolution and int(resolution) != native and feedback is not None:
            feedback.info(tr("{product} is a Landsat product: it is read on its own {native:g} m grid (the "
                             "resolution of {resolution:g} m applies to Sentinel-2 products).").format(
                product=product.name, native=native, resolution=resolution))
        return product.grid(native)
    return product.grid(resolution or CLOUD_RESOLUTION)


def option_band(product, name):
    """The product's band for a band option stored under its Sentinel-2 name ("B12", "B11", "B8A"): the
    band of the same role on the product's mission (Landsat: B7, B6, B5); layers keep their names."""
    return product.band_for(missions.role_of_option(name))


def mean_viewing_angles(product):
    """The product's mean viewing angles (per band, :class:`~..io.products.Angles`); for a Landsat product
    without them, the vertical (Landsat looks at nadir, within 7.5 degrees across its swath)."""
    from ..io.products import Angles

    views = [a for a in (product.viewing_angles or {}).values() if a is not None] if product is not None else []
    if not views and product is not None and product.mission == missions.LANDSAT:
        views = [Angles(0.0, 0.0)]
    return views


# -- bands ----------------------------------------------------------------------------------------------

def grid_factor(fine, coarse):
    """The whole factor by which ``coarse`` is coarser than ``fine`` when both share their upper-left
    corner, CRS and orientation (a pixel of ``fine`` then lies in one pixel of ``coarse``); else None.

    :func:`~..io.raster.aligned_factor` with these further conditions: ``fine`` has columns eastwards
    and rows southwards, the factor is 2 or more and whole to 1e-9, no offset, and ``coarse`` covers
    ``fine``."""
    from ..io.raster import aligned_factor

    t = fine.transform
    aligned = aligned_factor(fine, coarse)
    if aligned is None or t.a <= 0 or t.e >= 0:
        return None
    factor, col, row = aligned
    if factor < 2 or (col, row) != (0, 0) or abs(coarse.transform.a / t.a - factor) > 1e-9:
        return None
    if coarse.width * factor < fine.width or coarse.height * factor < fine.height:
        return None
    return factor


def read_band_pixels(product, band, grid, window, resampling="cubic"):
    """Reflectance of ``band`` on a window of ``grid`` for a threshold test: on a grid finer than the
    band's own (a 20 m band on the 10 m grid), each pixel takes the value of the band's pixel it lies in
    (nearest neighbour), so that the test is made on the band's own values; cubic convolution would
    overshoot at sharp edges (a shore) and invent clouds or shadows there. Otherwise the product
    reader's reading with ``resampling`` (cubic convolution by default; "nearest" for a coarse preview,
    whose pixels are each the band's pixel under their centre)."""
    from rasterio.windows import Window

    native = product.bands.get(band)
    if product.kind != "bands" and native and native > abs(grid.transform.a):
        coarse = product.grid(native)
        factor = grid_factor(grid, coarse)
        if factor:
            row0, col0 = int(window.row_off), int(window.col_off)
            height, width = int(window.height), int(window.width)
            r0, c0 = row0 // factor, col0 // factor
            r1 = min((row0 + height - 1) // factor + 1, coarse.height)
            c1 = min((col0 + width - 1) // factor + 1, coarse.width)
            values = product.read_reflectance(band, coarse, Window(c0, r0, c1 - c0, r1 - r0))
            top, left = row0 - r0 * factor, col0 - c0 * factor
            return repeat_pixels(values, factor)[top:top + height, left:left + width]
    return product.read_reflectance(band, grid, window, resampling)


def repeat_pixels(values, factor):
    """The 2-D ``values`` on a grid ``factor`` times finer (same corner): each pixel repeated ``factor`` times
    along both axes, nearest neighbour. For a factor of 2, each value is doubled side by side in one
    integer multiplication of its bits (``x * 0x0101`` puts a byte twice in 16 bits), then each row twice:
    the same values (the same bits) as ``np.repeat`` on both axes or fancy indexing, several times faster."""
    rows, cols = values.shape
    size = values.dtype.itemsize
    if factor == 2 and size in (1, 2, 4):
        narrow, wide = {1: (np.uint8, np.uint16), 2: (np.uint16, np.uint32), 4: (np.uint32, np.uint64)}[size]
        bits = np.ascontiguousarray(values).view(narrow).astype(wide)
        bits *= wide((1 << (8 * size)) + 1)
        columns = bits.view(values.dtype)
    else:
        columns = np.repeat(values, factor, axis=1)
    out = np.empty((rows, factor, cols * factor), dtype=values.dtype)
    out[...] = columns[:, None, :]
    return out.reshape(rows * factor, cols * factor)


def layer_grid(source):
    """The :class:`~..io.raster.Grid` of a raster layer's source."""
    from ..io.raster import Grid, open_raster

    with open_raster(source) as dataset:
        return Grid.of(dataset)


# -- geometry -------------------------------------------------------------------------------------------

def product_parallax_shifts(product, height):
    """``(n, 2)`` displacements (east, north) in metres between where the product's bands see a cloud at
    ``height`` metres and where the mask puts it (the mean of the bands), from the per-band mean
    viewing angles; an error when the product has none."""
    from ..core.cloud import parallax_shifts

    angles = [a for _band, a in sorted((product.viewing_angles or {}).items()) if a is not None]
    if len(angles) < 2:
        raise NeveError("no_viewing_angles", QT_TR_NOOP(
            "{product} has no per-band viewing angles in its metadata: the parallax buffer needs them. "
            "Set the parallax height to 0."), product=product.name)
    return parallax_shifts(height, [a.zenith for a in angles], [a.azimuth for a in angles])


def parallax_needs_product():
    """The error of a parallax height above 0 without a product."""
    return NeveError("parallax_needs_product", QT_TR_NOOP(
        "The parallax buffer needs a Sentinel-2 L2A product for its viewing angles: give the product, or set "
        "the parallax height to 0."))
