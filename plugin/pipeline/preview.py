"""What the "Tune thresholds" panel previews, without Qt or QGIS: the grid of the visible map, the data of
a view read once, and for a set of thresholds the snow map computed by the very composition of the LIS
method that ``snowmap`` runs on a whole product (:func:`~.lis.run_lis`) and the refined cloud classes of
``refinecloudmask``'s composition (``pipeline.refine.refine_view_classes``), without its shadow search.

- :func:`preview_grid`: the visible part of the product at screen resolution (never finer than the 20 m
  of the snow method, at most :data:`MAX_SIZE` pixels a side), aligned with the product's 20 m pixels;
- :func:`read_snow_view`: the inputs of the method on that grid, read once per view by the same reader as
  ``snowmap`` (``pipeline.snowmap.ProductSource``): at 20 m the same pixels as the whole-product run (10 m
  bands brought to 20 m by LIS's cubic convolution, the DEM by cubic splines); on a coarser grid the pixel
  under each preview pixel's centre (nearest neighbour), so that each preview pixel is a real pixel put
  through the real tests, never an average that the full-resolution map does not have;
- :func:`snow_preview`: the snow map of the view for threshold values (parameter name -> number), the
  dark-cloud test averaging the red band to 240 m (or to the preview's pixel when it is coarser);
- the shaded area of the view (``SnowView.shade``, read once per view with the inputs): the cast shadows
  of the relief from the DEM and the product's sun angles (``core.relief.cast_shadows``), the DEM read with
  a margin towards the sun so that a ridge outside the view still shades it.

- :func:`read_view` and :func:`compute_preview`: both, with the statistics the panel shows.

A view at 20 m over the whole of an input therefore gives the map ``snowmap`` makes of that input and the
classes ``refinecloudmask`` makes of it (shadow search off), pixel for pixel
(tests/test_preview_equals_algorithm.py).
"""
import contextlib
import dataclasses
import math
from dataclasses import dataclass, field

import numpy as np

from ..io.raster import Grid
from . import lis
from .feedback import Feedback
from .snowmap import ProductSource, SnowMapInputs, SnowMapParams

BASE_RESOLUTION = 20.0   # metres: the snow method's grid; the preview is never finer
MAX_SIZE = 1000          # pixels: the preview grid is at most this wide and high
DARK_CLOUD_SCALE = 240.0  # metres: the dark-cloud test averages the red band to this pixel size
#: The shaded area looks for terrain up to this much higher than a pixel towards the sun (metres), at most
#: :data:`MAX_SHADE_MARGIN` preview pixels beyond the view.
SHADE_RELIEF = 3000.0
MAX_SHADE_MARGIN = 1000
HISTOGRAM_BINS = 100
HISTOGRAM_RANGES = {"ndsi": (-1.0, 1.0), "red": (0.0, 1.0), "swir_water": (0.0, 0.5)}
SNOW_NODATA = 255
SNOW_THRESHOLDS = ("NDSI_PASS1", "RED_PASS1", "NDSI_PASS2", "RED_PASS2", "RED_DARKCLOUD", "RED_BACKTOCLOUD")


def preview_grid(product_grid, bounds, width, height, max_size=MAX_SIZE, base=BASE_RESOLUTION):
    """The grid of the preview: the part of ``product_grid`` inside ``bounds`` (in the product's CRS)
    at the resolution of a view of ``width`` x ``height`` screen pixels over ``bounds``.

    The pixel size is a whole multiple of ``base`` (20 m), at least the screen pixel size and large
    enough for at most ``max_size`` pixels a side; the grid starts on a ``base`` pixel corner of the
    product, so that at 20 m the product's own pixels are read. None when the view misses the product.
    """
    from affine import Affine

    p_left, p_bottom, p_right, p_top = product_grid.bounds
    left, bottom = max(bounds[0], p_left), max(bounds[1], p_bottom)
    right, top = min(bounds[2], p_right), min(bounds[3], p_top)
    if right <= left or top <= bottom:
        return None
    screen_pixel = max((bounds[2] - bounds[0]) / max(int(width), 1), (bounds[3] - bounds[1]) / max(int(height), 1))
    needed = max(screen_pixel, (right - left) / max_size, (top - bottom) / max_size, base)
    resolution = base * math.ceil(needed / base - 1e-9)
    origin_x = p_left + base * math.floor((left - p_left) / base + 1e-9)
    origin_y = p_top - base * math.floor((p_top - top) / base + 1e-9)
    columns = max(1, math.ceil((right - origin_x) / resolution - 1e-9))
    rows = max(1, math.ceil((origin_y - bottom) / resolution - 1e-9))
    return Grid(product_grid.crs, Affine(resolution, 0.0, origin_x, 0.0, -resolution, origin_y),
                min(columns, max_size), min(rows, max_size))


def dark_cloud_factor(resolution):
    """The resize factor of the dark-cloud test on a grid of ``resolution`` metres: 240 m / pixel (12 at
    20 m), at least 1."""
    return max(1, int(round(DARK_CLOUD_SCALE / resolution)))


@dataclass
class SnowView:
    """The inputs of the snow method over one view, read once (``arrays``: what a ``lis`` source's
    ``read`` returns for the whole view), with the source's radiometry and flags, and the histograms of
    the NDSI and the red reflectance of the valid pixels."""

    grid: object
    arrays: dict
    radiometry: object
    dtypes: dict
    has_dem: bool
    has_mg2: bool
    nodata: np.ndarray
    ndsi: np.ndarray
    red: np.ndarray
    warnings: list = field(default_factory=list)
    histograms: dict = field(default_factory=dict)
    shade: np.ndarray = None        # cast shadows of the relief (bool); None without DEM or sun angles


class _ViewSource:
    """A ``lis`` source over a :class:`SnowView` in memory."""

    has_tcd = False
    has_water = False

    def __init__(self, view):
        self.view = view
        self.grid, self.radiometry, self.dtypes = view.grid, view.radiometry, view.dtypes
        self.has_dem, self.has_mg2 = view.has_dem, view.has_mg2

    def read(self, window):
        rows = lis.rows_of(window)
        out = {}
        for name, values in self.view.arrays.items():
            if name == "layers":
                out[name] = type(values)(*(layer[rows] for layer in values))
            else:
                out[name] = values[rows]
        return out


def read_snow_view(product, grid, dem_source=None, check=lambda: None):
    """The inputs of the snow method on ``grid`` from the open ``product`` (and the DEM raster
    ``dem_source``), read by ``snowmap``'s own reader: a :class:`SnowView`. ``check()`` is called after
    the reading; it raises to abandon the work."""
    native = grid.resolution <= BASE_RESOLUTION
    params = SnowMapParams(reflectance_scale=product.reflectance_scale)
    with contextlib.ExitStack() as stack:
        source = ProductSource(SnowMapInputs(dem=dem_source), params, stack, Feedback(), grid=grid, product=product,
                               nearest=not native)
        from rasterio.windows import Window

        arrays = source.read(Window(0, 0, grid.width, grid.height))
        check()
        shade = shaded_area(source, product, grid)
    check()
    radiometry = source.radiometry
    nodata = radiometry.missing(arrays["swir"], "B11")
    ndsi = radiometry.ndsi(arrays["green"], arrays["swir"])
    red = radiometry.reflectance(arrays["red"], "B4")
    view = SnowView(grid=grid, arrays=arrays, radiometry=radiometry, dtypes=source.dtypes,
                    has_dem=source.has_dem, has_mg2=source.has_mg2, nodata=nodata, ndsi=ndsi, red=red,
                    warnings=source.warnings, shade=shade)
    valid = ~nodata
    view.histograms = {"ndsi": histogram(ndsi[valid], HISTOGRAM_RANGES["ndsi"]),
                       "red": histogram(red[valid], HISTOGRAM_RANGES["red"])}
    return view


#: The options of LIS the preview takes from the panel's values (``snowmap``'s parameter names), as
#: ``run_lis`` takes them from ``snowmap``'s: booleans, and the pass-1.5 sizes in 20 m pixels.
SNOW_OPTIONS = ("STRICT_CLOUD_MASK", "REMOVE_SNOW_INSIDE_CLOUD")
SNOW_OPTION_SIZES = {"REMOVE_SNOW_INSIDE_CLOUD_DILATION_RADIUS": 1, "REMOVE_SNOW_INSIDE_CLOUD_MIN_AREA": 2,
                     "REMOVE_SNOW_INSIDE_CLOUD_THRESHOLD": 0}


def shaded_area(source, product, grid):
    """The cast shadows of the relief over ``grid`` (bool), from the DEM of ``source`` (a
    ``pipeline.snowmap.ProductSource``) read with a margin towards the sun of ``product``'s mean angles;
    None without a DEM or sun angles, or on a grid not in metres."""
    import math

    from rasterio.windows import Window

    from ..core import relief

    sun = product.sun_angles
    if source.dem is None or sun is None or not source.dem_covers:
        return None
    try:
        east, north, _tan = relief.sun_direction(sun.zenith, sun.azimuth)
    except ValueError:
        return None
    if grid.crs is None or grid.crs.is_geographic:
        return None
    resolution = grid.resolution
    reach = min(relief.shadow_length(SHADE_RELIEF, sun.zenith) / resolution, MAX_SHADE_MARGIN)
    across, down = int(math.ceil(reach * abs(east))) + 1, int(math.ceil(reach * abs(north))) + 1
    left, right = (0, across) if east > 0 else (across, 0)
    top, bottom = (down, 0) if north > 0 else (0, down)
    window = Window(-left, -top, grid.width + left + right, grid.height + top + bottom)
    dem = source.read_resampled(source.dem, window, "nearest" if source.nearest else "cubic_spline")
    shade = relief.cast_shadows(dem, (resolution, abs(grid.transform.e)), sun.zenith, sun.azimuth,
                                origin=relief.lattice_origin(grid.transform, -top, -left))
    return shade[top:top + grid.height, left:left + grid.width]


def snow_params(values, grid):
    """The :class:`~.snowmap.SnowMapParams` of the panel's ``values`` on a view of ``grid``: its
    thresholds and LIS options, the other parameters at their defaults, the dark-cloud factor of 240 m on
    that grid. The pass-1.5 radius and minimum area, in pixels of the 20 m grid, keep their size on the
    ground on a coarser view (radius / k and area / k^2 for pixels k times 20 m)."""
    changes = {name.lower(): float(values[name]) for name in SNOW_THRESHOLDS if name in values}
    changes.update({name.lower(): bool(values[name]) for name in SNOW_OPTIONS if name in values})
    scale = BASE_RESOLUTION / grid.resolution
    for name, power in SNOW_OPTION_SIZES.items():
        if name in values:
            value = float(values[name]) * scale ** power
            changes[name.lower()] = int(round(value)) if power else value
    return dataclasses.replace(SnowMapParams(), resize_factor=dark_cloud_factor(grid.resolution),
                               nodata_code=SNOW_NODATA, **changes)


class _Check(Feedback):
    def __init__(self, check):
        self.check = check

    def is_cancelled(self):
        self.check()
        return False


def snow_preview(view, values, check=lambda: None):
    """The snow map (uint8: 0, 100, 205, 255 no data) of ``view`` with the thresholds ``values``, and the
    ``lis.LisResult`` (snowline, percentages): :func:`~.lis.run_lis` on the view as one strip."""
    sink = lis.ArraySink(view.grid, SNOW_NODATA)
    with contextlib.ExitStack() as stack:
        result = lis.run_lis(_ViewSource(view), snow_params(values, view.grid), (), sink, _Check(check), stack,
                             block_rows=view.grid.height, threads=1)
    return sink.arrays[lis.MAP], result


def histogram(values, value_range, bins=HISTOGRAM_BINS):
    """Counts and edges of the finite ``values`` in ``bins`` equal bins over ``value_range``; values
    beyond the range count in the first or last bin."""
    values = values[np.isfinite(values)]
    counts, edges = np.histogram(np.clip(values, value_range[0], value_range[1]), bins=bins, range=value_range)
    return counts, edges


# -- the whole view: snow and refined clouds ------------------------------------------------------------

#: Codes of the preview's refined cloud mask: the classes of ``refinecloudmask`` (0 clear, 1 cloud, 2 cloud
#: shadow of the product's mask, 3 buffer, 255 no data), with the clouds the water test adds shown apart (4).
MASK_CLEAR, MASK_CLOUD, MASK_SHADOW, MASK_BUFFER, MASK_WATER_CLOUD, MASK_NODATA = 0, 1, 2, 3, 4, 255


@dataclass
class ViewData:
    """What the thresholds act on, for one grid, read once: the inputs of the snow method (``snow``, a
    :class:`SnowView`) and of the cloud recipe (``clouds``, a ``pipeline.refine.RefineView``), the sunglint
    mode used, and the histograms of the view (NDSI, red, SWIR of the water test over water)."""

    grid: object
    snow: SnowView
    clouds: object
    sunglint: str
    histograms: dict = field(default_factory=dict)

    @property
    def nodata(self):
        return self.clouds.water.no_data

    @property
    def water(self):
        return self.clouds.water.water

    @property
    def glint_angle(self):
        """Glint angle (degrees) on the water pixels with per-pixel sunglint (NaN elsewhere); None otherwise."""
        return self.clouds.water.glint

    @property
    def all_cloud(self):
        return self.clouds.clm != 0


class _ReadOnce:
    """The opened product as :func:`read_view` hands it to the readers of the snow method and of the cloud
    recipe: each file's values on a window are read once (both read CLM and MG2: the snow method the MG2
    bits, the recipe the water), every reader gets its own copy. Everything else is the product's."""

    def __init__(self, product):
        self._product = product
        self._raw = {}

    def __getattr__(self, name):
        return getattr(self._product, name)

    def read_raw(self, name, grid=None, window=None, resampling="nearest"):
        key = (name.upper(), grid, None if window is None else tuple(window.flatten()), resampling)
        if key not in self._raw:
            self._raw[key] = self._product.read_raw(name, grid, window, resampling)
        return self._raw[key].copy()

    def read_masks(self, kinds, grid=None, window=None, resampling="nearest", selection=None):
        # the product's decoding, on the values of self.read_raw
        return type(self._product).read_masks(self, kinds, grid, window, resampling, selection)

    def read_mask(self, kind, grid=None, window=None, resampling="nearest", selection=None):
        return self.read_masks((kind,), grid, window, resampling, selection)[kind]


def read_view(product, grid, dem_source=None, check=lambda: None):
    """Read what the thresholds act on over ``grid`` from ``product`` (and the DEM raster ``dem_source``): a
    :class:`ViewData`. ``check()`` is called between reads; it raises to abandon the work.

    The snow method's inputs are read by ``snowmap``'s own reader (:func:`read_snow_view`), the cloud
    recipe's by ``refinecloudmask``'s (``pipeline.refine.read_refine_view``): on the 20 m grid the pixels
    of whole-product runs; on a coarser grid, every input (the SWIR band of the water test too) is the
    pixel under each preview pixel's centre, and a file both read (CLM, MG2) is read once. The water
    test's sunglint is per pixel where the product has angle grids, the scene's flag where it has the flag
    or mean angles, none otherwise (``waterclouds.automatic_sunglint``)."""
    from .algorithms.clouds import SWIR_BANDS
    from .refine import RefineParams, read_refine_view
    from .waterclouds import automatic_sunglint

    product = _ReadOnce(product)
    snow = read_snow_view(product, grid, dem_source, check)
    swir_band = SWIR_BANDS[0] if SWIR_BANDS[0] in product.bands else SWIR_BANDS[1]   # MAJA's B12, else B11
    sunglint = automatic_sunglint(product, swir_band)
    clouds = read_refine_view(product, grid, RefineParams(sunglint=sunglint, swir_band=swir_band),
                              nearest=grid.resolution > BASE_RESOLUTION)
    check()
    data = ViewData(grid=grid, snow=snow, clouds=clouds, sunglint=sunglint)
    data.histograms = dict(snow.histograms)
    water = clouds.water
    data.histograms["swir_water"] = histogram(water.swir[water.water & ~water.no_data],
                                              HISTOGRAM_RANGES["swir_water"])
    return data


def compute_preview(data, values, check=lambda: None):
    """The snow map and the refined cloud mask of ``data`` (:class:`ViewData`) with the thresholds
    ``values`` (parameter name -> number: the panel's), and the statistics of the view; returns
    ``(snow_map, cloud_mask, statistics)``.

    Snow: :func:`snow_preview`, the LIS method as ``snowmap`` composes it. Clouds: the recipe of
    ``refinecloudmask`` without the shadow search (``pipeline.refine.refine_view_classes``: clouds over
    water by the SWIR test, sunglint-aware, the buffer of the product's clouds and of those), its classes
    with the clouds over water shown apart (:data:`MASK_WATER_CLOUD`).

    ``statistics``: ``valid`` (pixels), ``snow``, ``cloud``, ``clear`` (percent of the valid pixels of
    the snow map), ``refined_cloud`` (percent of the valid pixels in the refined cloud mask), ``snowline``
    (m, None without a snowline in view), ``has_dem``, ``sunglint`` (the mode), ``glint_range`` (smallest
    and largest glint angle over water in view, degrees; None without per-pixel angles), ``sunglint_scene``
    (the scene's flag in the scene mode, else None) and ``sunglint_water`` (percent of the water pixels
    where the sunglint threshold applies).
    """
    from ..core import cloud
    from .refine import refine_view_classes

    snow_map, snow_result = snow_preview(data.snow, values, check)
    check()
    classes, water_clouds = refine_view_classes(data.clouds, values)
    cloud_mask = classes.copy()
    cloud_mask[(classes == cloud.CLASS_CLOUD) & water_clouds & ~data.all_cloud] = MASK_WATER_CLOUD

    water = data.water & ~data.nodata
    water_count = int(np.count_nonzero(water))
    glint = data.glint_angle
    scene_flag = data.clouds.test.scene_flag if data.sunglint != "pixel" else None
    if data.sunglint == "pixel":
        seen = glint[water & np.isfinite(glint)]
        glinting = int(np.count_nonzero(water & (glint < values["SUNGLINT_ANGLE"])))
    else:
        seen = np.zeros(0, np.float32)
        glinting = water_count if scene_flag else 0
    counts = snow_result.map_counts
    valid = int(counts[:3].sum())
    refined = int(np.count_nonzero((cloud_mask != MASK_CLEAR) & (cloud_mask != MASK_NODATA)))
    statistics = {
        "valid": valid,
        "snow": snow_result.snow_percent,
        "cloud": snow_result.cloud_percent,
        "clear": 100.0 * int(counts[0]) / valid if valid else 0.0,
        "refined_cloud": 100.0 * refined / valid if valid else 0.0,
        "snowline": snow_result.zs,
        "has_dem": data.snow.has_dem,
        "sunglint": data.sunglint,
        "glint_range": (float(seen.min()), float(seen.max())) if seen.size else None,
        "sunglint_scene": scene_flag,
        "sunglint_water": 100.0 * glinting / water_count if water_count else 0.0,
    }
    return snow_map, cloud_mask, statistics
