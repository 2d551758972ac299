"""Inputs of the jobs: a product or layers, resolved by one piece of code for all of them, and the checks
of grids that several jobs share.

Every job that reads Sentinel-2 data takes a product (``INPUT_PRODUCT``: a Theia/MAJA or Sen2Cor L2A
product, its folder, its .zip or its metadata file) or, for the modeler and batch mode, the same data as
layers. :func:`open_input` turns either into a :class:`~..io.products.Product`, so that a job reads a
product and layers with the same calls (``read_reflectance``, ``read_raw``, ``read_mask``). With layers,
reflectance = (DN + offset) / scale.

Checks, each raising a :class:`~..errors.NeveError`: :func:`metric_pixel_size` (distances and areas in
metres need a projected CRS in metres, north up) and :func:`check_layer_grids` (layers given one by one
on one grid, unless resampling is asked; with :func:`same_grid` and :func:`describe_grid`).
"""
from ..errors import NeveError
from ..i18n import QT_TR_NOOP, tr


def open_input(product_path, bands=None, masks=None, required=(), reflectance="FRE", scale=10000.0, offset=0.0,
               layer_labels=(), feedback=None):
    """The product at ``product_path``, or, when it is empty, a product made of the layers given.

    ``bands`` and ``masks`` map band names ("B3") and mask names ("CLM", "SCL", ...) to the sources of the
    layers that provide them (None where not given); ``required`` lists the bands and masks the job
    cannot do without; ``reflectance`` chooses Theia's flat ("FRE", as LIS) or slope-less ("SRE")
    reflectance (Sen2Cor products have one); ``scale`` and ``offset`` apply to layers;
    ``layer_labels`` name the layers in the message when nothing at all was given. The product's own
    warnings go to ``feedback``. Every problem raises a :class:`~..errors.NeveError`.
    """
    from ..io.products import open_bands
    from ..io.readers import open_product

    if product_path:
        product = open_product(product_path, reflectance=reflectance)
    else:
        band_sources = {name: source for name, source in (bands or {}).items() if source}
        mask_sources = {name: source for name, source in (masks or {}).items() if source}
        if not band_sources and not mask_sources:
            raise NeveError("no_input", QT_TR_NOOP(
                "No input: give a Sentinel-2 L2A product, or the layers ({layers})."),
                layers=", ".join(layer_labels))
        product = open_bands(band_sources, masks=mask_sources, scale=scale or 10000.0, offset=offset or 0.0)
    try:
        product.require(required)
        if product.kind == "bands":
            adapt_reflectance_layers(product, band_sources, scale, offset)
    except NeveError:
        product.close()
        raise
    if feedback is not None:
        for warning in product.warnings:
            feedback.warning(warning)
    return product


#: The digital numbers of reflectance layers: reflectance = (DN + offset) / scale (Theia, Sen2Cor).
DN_SCALE = 10000.0
#: Floating-point layers whose values lie in this range (but for the 1 % at each end) hold reflectance, not
#: digital numbers.
REFLECTANCE_RANGE = (-0.5, 1.5)


def adapt_reflectance_layers(product, band_sources, scale, offset):
    """Layers of floating-point reflectance (:data:`REFLECTANCE_RANGE`) with the digital numbers' scale
    (10000) and no offset would give reflectances ten thousand times too small (0 % snow, no warning): they
    are read as reflectance (scale 1), and the product's warnings say so. Mixed layers (some reflectance,
    some digital numbers) only get the warning."""
    if not band_sources or scale != DN_SCALE or offset:
        return
    import numpy as np

    ranges = {}
    for band, source in band_sources.items():
        dataset = product._dataset(source)
        if np.dtype(dataset.dtypes[0]).kind != "f":
            ranges[band] = None
            continue
        values = sample_values(dataset)
        # the bulk of the values: a few saturated pixels do not make digital numbers
        ranges[band] = tuple(float(v) for v in np.percentile(values, [1, 99])) if values.size else None
    low, high = REFLECTANCE_RANGE
    reflectance = [band for band, found in ranges.items() if found and low <= found[0] and found[1] <= high]
    if not reflectance:
        return
    names = ", ".join(layer_name(band_sources[band]) for band in reflectance)
    span = (min(ranges[b][0] for b in reflectance), max(ranges[b][1] for b in reflectance))
    if len(reflectance) == len(band_sources):
        product.reflectance_scale = 1.0
        product.warnings.append(tr(
            "{layers} hold reflectances ({low:.2f} to {high:.2f}), not digital numbers: they are read as "
            "reflectance (scale 1, not {scale:g}).").format(layers=names, low=span[0], high=span[1], scale=scale))
    else:
        product.warnings.append(tr(
            "{layers} hold reflectances ({low:.2f} to {high:.2f}) but the other layers digital numbers: with the "
            "scale {scale:g} their reflectances are ten thousand times too small. Give layers of one kind.").format(
            layers=names, low=span[0], high=span[1], scale=scale))


def sample_values(dataset, band=1, count=3, size=64):
    """The valid values (not NaN, not the no-data value) of ``count`` x ``count`` windows of ``size`` pixels
    spread over ``dataset`` (a quick look at what a layer holds, whatever its size)."""
    import numpy as np
    from rasterio.windows import Window

    nodata = dataset.nodata
    found = []
    for i in range(count):
        for j in range(count):
            height, width = min(size, dataset.height), min(size, dataset.width)
            row = (dataset.height - height) * i // max(1, count - 1)
            col = (dataset.width - width) * j // max(1, count - 1)
            values = dataset.read(band, window=Window(col, row, width, height)).ravel()
            keep = np.isfinite(values) if values.dtype.kind == "f" else np.ones(values.shape, bool)
            if nodata is not None and nodata == nodata:
                keep &= values != nodata
            found.append(values[keep])
    return np.concatenate(found) if found else np.zeros(0)


def check_elevation_bands(low, high, band_width, parameter):
    """A :class:`~..errors.NeveError` when elevations from ``low`` to ``high`` metres in bands of
    ``band_width`` metres (the value of ``parameter``) make more than ``core.defaults.MAX_ELEVATION_BANDS``
    bands, or when ``band_width`` is below ``MIN_ELEVATION_BAND``: memory and the report grow with the
    number of bands (a DEM whose no-data value is not declared spans billions of metres)."""
    import math

    from ..core.defaults import MAX_ELEVATION_BANDS, MIN_ELEVATION_BAND

    if not band_width >= MIN_ELEVATION_BAND:
        raise NeveError("elevation_band_too_small", QT_TR_NOOP(
            "{parameter} must be at least {minimum:g} m (it is {value:g} m)."), parameter=parameter,
            minimum=MIN_ELEVATION_BAND, value=band_width)
    if low is None or high is None or not (math.isfinite(low) and math.isfinite(high)):
        return
    count = (high - low) / band_width
    if count > MAX_ELEVATION_BANDS:
        raise NeveError("too_many_elevation_bands", QT_TR_NOOP(
            "The DEM goes from {low:.0f} to {high:.0f} m: with {parameter} = {value:g} m that is {count:.0f} "
            "elevation bands, more than the {limit} allowed. Give {parameter} of at least {needed:g} m, or check "
            "the DEM's no-data value."), low=low, high=high, parameter=parameter, value=band_width, count=count,
            limit=MAX_ELEVATION_BANDS, needed=math.ceil((high - low) / MAX_ELEVATION_BANDS))


def metric_pixel_size(grid, source_name):
    """``(pixel width, pixel height)`` in metres of ``grid``; an error when its CRS is geographic, not in
    metres, or the grid is rotated: distances and areas in metres need it."""
    crs, transform = grid.crs, grid.transform
    if crs is None:
        raise NeveError("no_crs", QT_TR_NOOP(
            "{name} has no coordinate reference system: distances in metres need a projected CRS in metres "
            "(the products' UTM zone)."), name=source_name)
    if crs.is_geographic:
        raise NeveError("geographic_crs", QT_TR_NOOP(
            "{name} is in a geographic CRS ({crs}), in degrees: distances in metres need a projected CRS in "
            "metres. Reproject it first (for Sentinel-2, to the tile's UTM zone)."),
            name=source_name, crs=crs.to_string())
    units = (crs.linear_units or "").lower()
    if units not in ("metre", "meter", "metres", "meters", "m"):
        raise NeveError("crs_not_metres", QT_TR_NOOP(
            "{name} is in a CRS whose unit is {unit}, not metres: distances in metres need a projected CRS "
            "in metres. Reproject it first."), name=source_name, unit=crs.linear_units)
    if transform.b or transform.d:
        raise NeveError("rotated_grid", QT_TR_NOOP(
            "{name} is rotated: distances need a north-up raster. Warp it to a north-up grid first."),
            name=source_name)
    return abs(transform.a), abs(transform.e)


def describe_grid(grid):
    return tr("{width} x {height} pixels of {px:g} x {py:g}, origin ({x:.2f}, {y:.2f}), {crs}").format(
        width=grid.width, height=grid.height, px=abs(grid.transform.a), py=abs(grid.transform.e),
        x=grid.transform.c, y=grid.transform.f, crs=grid.crs.to_string() if grid.crs else "?")


def same_grid(a, b, tolerance=1e-6):
    """Whether two grids have the same pixels (CRS, size, transform within ``tolerance`` of a pixel)."""
    if a.crs != b.crs or a.width != b.width or a.height != b.height:
        return False
    ta, tb = a.transform, b.transform
    size = max(abs(ta.a), abs(ta.e))
    return all(abs(u - v) <= tolerance * size for u, v in zip(ta[:6], tb[:6]))


def check_layer_grids(layers, grid, reference_name, resample):
    """Layers given one by one must lie on ``grid`` (the reference layer's), unless ``resample``:
    ``layers`` maps a name for messages to a GDAL source. The error names both grids."""
    from ..io.raster import Grid, open_raster

    if resample:
        return
    for name, source in layers.items():
        with open_raster(source) as dataset:
            other = Grid.of(dataset)
        if not same_grid(other, grid):
            raise NeveError("not_on_grid", QT_TR_NOOP(
                "{name} is not on the grid of {reference}: {name} has {grid}, {reference} has {reference_grid}. "
                "Give layers on the same grid, or ask for resampling (\"Resample layers on other grids\")."),
                name=name, reference=reference_name, grid=describe_grid(other),
                reference_grid=describe_grid(grid))


def layer_name(source):
    """The name QGIS gives a layer loaded from ``source``: its file name without the extension."""
    import os

    if not source:
        return ""
    base = os.path.basename(str(source).split("|")[0].rstrip("/"))
    return os.path.splitext(base)[0] or base


def looks_like_scl(dataset, source):
    """Whether the layer ``dataset`` (from ``source``) is obviously a Sen2Cor SCL: its name says SCL and its
    values (a sample) are whole numbers within classes 0 to 11."""
    import re

    import numpy as np

    if not re.search(r"(^|[^A-Za-z])SCL([^A-Za-z]|$)", layer_name(source), re.IGNORECASE):
        return False
    if np.dtype(dataset.dtypes[0]).kind not in "ui":
        return False
    values = sample_values(dataset)
    return bool(values.size) and int(values.max()) <= 11
