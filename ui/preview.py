"""The live preview of the "Tune thresholds" panel: the snow map and the refined cloud mask of the visible
map, at screen resolution, computed in a worker thread and shown as temporary styled layers.

Three parts, from the data to the screen:

1. Pure functions (no Qt; numpy, rasterio and the science of ``plugin/core``):

   - :func:`preview_grid`: the grid of the preview, the visible part of the product at screen resolution
     (never finer than the 20 m of the snow method, at most :data:`MAX_SIZE` pixels a side), aligned
     with the product's 20 m pixels;
   - :func:`read_view`: what the thresholds act on, read once per view (:class:`ViewData`): reflectances,
     the product's cloud layers, water, nodata, DEM, the NDSI and the coarse red, and the histograms;
   - :func:`compute_preview`: the snow map (the LIS method of ``plugin/core/snow.py`` on the product's
     own cloud mask) and the refined cloud mask (clouds over water and the buffer of
     ``plugin/core/cloud.py``) for a set of threshold values, with the statistics of the view.

2. :class:`PreviewWorker`, a ``QThread``: it computes the newest request only. A request that arrives
   while it computes cancels the computation at its next checkpoint; the data read for a view is kept,
   so that a change of threshold on the same view is only the arithmetic of ``compute_preview``. The
   worker writes the two GeoTIFFs and hands a :class:`PreviewResult` to the GUI thread by a queued
   signal; it never touches a layer or a widget.

3. :class:`PreviewController`, in the GUI thread: it starts and stops the worker, numbers the requests,
   and shows each newer result in two layers of a "Névé preview" group of the project (the data source
   of a layer is switched to the new file, its style stays). :meth:`PreviewController.stop` ends the
   thread, removes the layers and deletes the files.
"""
import os
import shutil
import tempfile
import threading
from dataclasses import dataclass, field

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsDataProvider,
    QgsPalettedRasterRenderer,
    QgsRasterLayer,
    QgsRectangle,
)
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QObject, QThread, pyqtSignal
from qgis.PyQt.QtGui import QColor

from ..plugin.i18n import tr

from ..plugin.pipeline.preview import (  # noqa: F401 (the panel's names for what the pipeline defines)
    BASE_RESOLUTION,
    HISTOGRAM_RANGES,
    MAX_SIZE,
    SNOW_NODATA,
    histogram,
    preview_grid,
    read_snow_view,
    snow_preview,
)

MASK_CLEAR, MASK_CLOUD, MASK_WATER_CLOUD, MASK_BUFFER, MASK_NODATA = 0, 1, 2, 3, 255
PREVIEW_PROPERTY = "neve/preview"  # custom property marking the preview layers


def snow_legend():
    return [(0, "#00000000", tr("No snow")), (100, "#00e5ff", tr("Snow")), (205, "#ff00ff", tr("Cloud")),
            (SNOW_NODATA, "#00000000", tr("No data"))]


def shade_legend():
    return [(0, "#00000000", tr("Lit")), (1, "#3d2b56", tr("Cast shadow of the relief"))]


def cloud_legend():
    return [(MASK_CLEAR, "#00000000", tr("Clear")), (MASK_CLOUD, "#ff00ff", tr("Cloud or shadow of the product's mask")),
            (MASK_WATER_CLOUD, "#ff7f0e", tr("Cloud over water (SWIR test)")),
            (MASK_BUFFER, "#ffb3ff", tr("Buffer")), (MASK_NODATA, "#00000000", tr("No data"))]


# -- what is previewed ------------------------------------------------------------------------------

@dataclass(frozen=True)
class PreviewSource:
    """The input of the panel: a product (``product``, a path), or band rasters (``bands`` and ``masks``,
    tuples of (name, source) pairs for :func:`~neve.plugin.io.products.open_bands`), and an optional DEM
    (``dem``, a raster source)."""

    product: str = None
    bands: tuple = ()
    masks: tuple = ()
    dem: str = None

    def open(self):
        """The :class:`~neve.plugin.io.products.Product` (ProductError when it cannot be read)."""
        from ..plugin.io.products import open_bands, open_product

        if self.product:
            return open_product(self.product)
        return open_bands(dict(self.bands), dict(self.masks))

    def check(self):
        """Open the input to check it; returns ``(QgsRectangle, QgsCoordinateReferenceSystem, text)``: its
        extent, CRS and a one-line description. Raises an exception with a translated message when it
        cannot be used (missing packages, not a product, bands or masks missing)."""
        from ..plugin.processing.base import missing_packages

        missing = missing_packages()
        if missing:
            raise RuntimeError(tr("The preview needs the Python packages {packages}, which this QGIS cannot "
                                  "import.").format(packages=", ".join(missing)))
        from ..plugin.io.products import ProductError

        product = self.open()
        try:
            missing = [n for n in ("B3", "B4", "B11") if n not in product.bands]
            if missing or not ({"CLM", "SCL"} & set(product.masks)):
                raise ProductError(tr("{product} lacks what the preview needs: the bands B3, B4 and B11 "
                                      "and a cloud mask (CLM or SCL).").format(product=product.name))
            left, bottom, right, top = product.grid(BASE_RESOLUTION).bounds
            crs = QgsCoordinateReferenceSystem.fromWkt(product.crs.to_wkt())
            parts = [product.name]
            if product.acquisition is not None:
                parts.append(product.acquisition.strftime("%Y-%m-%d"))
            if self.dem:
                parts.append(tr("with DEM"))
            era = maja_era_text(product)
            if era:
                parts.append(era)
            return QgsRectangle(left, bottom, right, top), crs, " · ".join(parts)
        finally:
            product.close()


def maja_era_text(product):
    """Which MAJA parametrisation made a Theia product's cloud mask (from its production date), in a few
    words; None for other inputs."""
    from ..plugin.pipeline.eras import era_summary

    return era_summary(product) if product.kind == "theia" else None


@dataclass(frozen=True)
class View:
    """The visible map: ``bounds`` (xmin, ymin, xmax, ymax) in ``crs`` (WKT), ``width`` x ``height`` screen
    pixels."""

    bounds: tuple
    crs: str
    width: int
    height: int


# -- reading a view -------------------------------------------------------------------------------

@dataclass
class ViewData:
    """What the thresholds act on, for one grid: the inputs of the snow method (``snow``, a
    ``pipeline.preview.SnowView``: read as ``snowmap`` reads them), and for the refined cloud mask the SWIR
    band of the water test (0..1, NaN nodata), the product's cloud layers, the clouds the buffer grows
    from, water, nodata, the glint angle; and the histograms of the view."""

    grid: object
    snow: object
    swir_water: np.ndarray      # B12 when the product has it (MAJA's test), else B11
    all_cloud: np.ndarray
    clouds: np.ndarray          # clouds to buffer: the mask's clouds, without shadows
    water: np.ndarray
    nodata: np.ndarray
    glint_angle: object = float("nan")  # degrees, per pixel (array) or for the scene (NaN: no angles)
    histograms: dict = field(default_factory=dict)

    @property
    def dem(self):
        return self.snow.arrays.get("dem")


class Superseded(Exception):
    """A newer request arrived: the computation in progress is abandoned."""


def read_view(product, grid, dem_source=None, check=lambda: None):
    """Read what the thresholds act on over ``grid`` from ``product`` (and the DEM raster ``dem_source``):
    a :class:`ViewData`. ``check()`` is called between reads; it raises :class:`Superseded` to abandon
    the work.

    The snow method's inputs are read by ``snowmap``'s own reader (``pipeline.preview.read_snow_view``):
    on the method's 20 m grid the same pixels as a whole-product run; on a coarser grid the value of the
    pixel under the preview pixel's centre. The cloud refinement's inputs likewise: cubic on the 20 m
    grid, nearest on a coarser one; masks always with nearest neighbour (bits and classes are never
    averaged)."""
    native = grid.resolution <= BASE_RESOLUTION
    resampling = "cubic" if native else "nearest"
    from ..plugin.core import masks, snow
    from ..plugin.pipeline.cloudinputs import PRODUCT_CLOUD_BITS, PRODUCT_CLOUD_CLASSES

    snow_view = read_snow_view(product, grid, dem_source, check)
    water_band = "B12" if "B12" in product.bands else "B11"  # MAJA's band, as neve:waterclouds
    swir_water = product.read_reflectance(water_band, grid, resampling=resampling)
    check()
    # the clouds the buffer grows from are those neve:refinecloudmask buffers (not shadows, not the
    # thinnest clouds alone)
    if "CLM" in product.masks:
        clm = product.read_raw("CLM", grid).astype(np.uint8)
        layers = snow.cloud_layers_from_clm(clm)
        clouds = masks.any_bit_set(clm, PRODUCT_CLOUD_BITS)
    else:
        scl = product.read_raw("SCL", grid).astype(np.uint8)
        layers = snow.cloud_layers_from_scl(scl)
        clouds = masks.in_classes(scl, PRODUCT_CLOUD_CLASSES)
    check()
    has = set(product.masks)
    water = product.read_mask("water", grid) if has & {"MG2", "SCL"} else np.zeros(grid.shape, bool)
    nodata = snow_view.nodata.copy()
    if has & {"EDG", "SCL"}:
        nodata |= product.read_mask("nodata", grid)
    check()
    data = ViewData(grid=grid, snow=snow_view, swir_water=swir_water, all_cloud=layers.all_cloud, clouds=clouds,
                    water=water, nodata=nodata, glint_angle=_glint_angles(product, grid, water_band))
    data.histograms = dict(snow_view.histograms)
    data.histograms["swir_water"] = histogram(swir_water[~nodata & water], HISTOGRAM_RANGES["swir_water"])
    return data


def _glint_angles(product, grid, band):
    """The glint angle in degrees at each pixel of ``grid``, from the product's sun and viewing angle
    grids, as neve:waterclouds computes it by default; where the product has only mean angles, the
    smallest glint angle of the bands (MAJA's scene rule); NaN without angles (no sunglint)."""
    from ..plugin.core.cloud import glint_angle
    from ..plugin.errors import NeveError
    from ..plugin.pipeline.waterclouds import GlintField

    try:
        return GlintField(product, grid, band).angles(0, grid.height, 0, grid.width).astype(np.float32)
    except NeveError:  # no angle grids
        pass
    sun = product.sun_angles
    views = [v for v in product.viewing_angles.values() if v is not None]
    if sun is None or not views:
        return np.float32(np.nan)
    return np.float32(np.nanmin([glint_angle(sun.zenith, sun.azimuth, v.zenith, v.azimuth) for v in views]))


# -- computing a preview --------------------------------------------------------------------------

@dataclass
class PreviewResult:
    """A finished preview: the grid (None when the view misses the input), the snow map (uint8 LIS codes
    0, 100, 205, 255 nodata), the refined cloud mask (uint8 :data:`MASK_CLEAR`, :data:`MASK_CLOUD`,
    :data:`MASK_WATER_CLOUD`, :data:`MASK_BUFFER`, :data:`MASK_NODATA`), the histograms of the view
    (key -> (counts, edges)), the statistics, and the GeoTIFFs the worker wrote."""

    generation: int
    grid: object = None
    snow_map: np.ndarray = None
    cloud_mask: np.ndarray = None
    histograms: dict = field(default_factory=dict)
    statistics: dict = field(default_factory=dict)
    snow_path: str = None
    cloud_path: str = None
    shade_path: str = None      # the cast shadows of the relief, when the view has a DEM and sun angles


def compute_preview(data, values, check=lambda: None):
    """The snow map and the refined cloud mask of ``data`` (:class:`ViewData`) with the thresholds
    ``values`` (parameter name -> number), and the statistics of the view; returns
    ``(snow_map, cloud_mask, statistics)``.

    Snow: the LIS method as ``snowmap`` composes it (``pipeline.preview.snow_preview``, the same
    ``pipeline.lis.run_lis``) on the product's own cloud mask, the dark-cloud test averaging the red band
    to 240 m (or the preview's pixel when coarser), the snowline from the DEM of the view. Cloud, as neve:refinecloudmask with its default options but
    without the shadow search: clouds over water by the SWIR test, with the sunglint threshold where
    the glint angle is below the sunglint angle, then the product's clouds and the water clouds
    buffered by the distance (``plugin/core/cloud.py``), at the preview's pixel size.

    ``statistics``: ``valid`` (pixels), ``snow``, ``cloud``, ``clear`` (percent of the valid pixels of
    the snow map), ``refined_cloud`` (percent of the valid pixels in the refined cloud mask),
    ``snowline`` (m, None without a snowline in view), ``has_dem``, ``glint_range`` (smallest and
    largest glint angle in view, degrees; None without angles) and ``sunglint_water`` (percent of the
    water pixels where the sunglint threshold applies).
    """
    from ..plugin.core import cloud

    snow_map, snow_result = snow_preview(data.snow, values, check)
    zs = snow_result.zs
    check()

    water_clouds = cloud.water_clouds(data.swir_water, data.water, data.glint_angle, values["THRESHOLD"],
                                      values["THRESHOLD_SUNGLINT"], values["SUNGLINT_ANGLE"]) & ~data.nodata
    clouds = data.clouds | water_clouds
    resolution = data.grid.resolution
    grown = cloud.dilate(clouds, values["DISTANCE"], (resolution, resolution)) if values["DISTANCE"] > 0 else clouds
    cloud_mask = np.full(data.grid.shape, MASK_CLEAR, dtype=np.uint8)
    cloud_mask[grown] = MASK_BUFFER
    cloud_mask[water_clouds] = MASK_WATER_CLOUD
    cloud_mask[data.all_cloud] = MASK_CLOUD
    cloud_mask[data.nodata] = MASK_NODATA

    glint = np.broadcast_to(np.asarray(data.glint_angle, dtype=np.float32), data.grid.shape)
    seen = glint[~data.nodata]
    seen = seen[np.isfinite(seen)]
    water = data.water & ~data.nodata
    water_count = int(np.count_nonzero(water))
    glinting = int(np.count_nonzero(water & (glint < values["SUNGLINT_ANGLE"])))

    counts = snow_result.map_counts
    valid = int(counts[:3].sum())
    snow_percent, cloud_percent = snow_result.snow_percent, snow_result.cloud_percent
    refined = int(np.count_nonzero((cloud_mask != MASK_CLEAR) & (cloud_mask != MASK_NODATA)))
    statistics = {
        "valid": valid,
        "snow": snow_percent,
        "cloud": cloud_percent,
        "clear": 100.0 * int(counts[0]) / valid if valid else 0.0,
        "refined_cloud": 100.0 * refined / valid if valid else 0.0,
        "snowline": zs,
        "has_dem": data.snow.has_dem,
        "glint_range": (float(seen.min()), float(seen.max())) if seen.size else None,
        "sunglint_water": 100.0 * glinting / water_count if water_count else 0.0,
    }
    return snow_map, cloud_mask, statistics


def write_geotiff(path, array, grid, nodata):
    """A small single-band GeoTIFF of ``array`` on ``grid`` (plain, uncompressed: written and read fast)."""
    import rasterio

    with rasterio.open(path, "w", driver="GTiff", width=grid.width, height=grid.height, count=1,
                       dtype=array.dtype, crs=grid.crs, transform=grid.transform, nodata=nodata) as dataset:
        dataset.write(array, 1)
    return path


# -- the worker thread ----------------------------------------------------------------------------

@dataclass(frozen=True)
class PreviewRequest:
    generation: int
    source: PreviewSource
    view: View
    values: tuple  # sorted (name, value) pairs


class PreviewWorker(QThread):
    """Computes previews in its own thread, the newest request only (see the module documentation).

    :meth:`submit` and :meth:`stop` are called from the GUI thread; everything else runs in the worker's
    thread, which alone opens the product and keeps the data of the last view.
    """

    computed = pyqtSignal(object)   # PreviewResult
    failed = pyqtSignal(int, str)   # generation, message

    def __init__(self, folder, parent=None):
        super().__init__(parent)
        self.folder = folder
        self._condition = threading.Condition()
        self._request = None
        self._stopping = False
        # the worker thread's own state
        self._product = None
        self._product_source = None
        self._data = None
        self._data_key = None

    def submit(self, request):
        """Make ``request`` the next one, replacing a waiting one and cancelling the one in progress."""
        with self._condition:
            self._request = request
            self._condition.notify()

    def stop(self):
        """Cancel the work in progress and end the thread. Waits for it: at most one read of a band of the
        view (the checkpoints are between reads)."""
        with self._condition:
            self._stopping = True
            self._request = None
            self._condition.notify()
        self.wait()

    def check(self):
        """Raise :class:`Superseded` when a newer request is waiting or the worker is stopping."""
        if self._request is not None or self._stopping:
            raise Superseded()

    def run(self):
        try:
            while True:
                with self._condition:
                    while self._request is None and not self._stopping:
                        self._condition.wait()
                    if self._stopping:
                        return
                    request, self._request = self._request, None
                try:
                    result = self.compute(request)
                except Superseded:
                    continue
                except Exception as exc:  # reported in the panel; the worker goes on
                    self._data_key = None
                    self.failed.emit(request.generation, _message(exc))
                    continue
                self.computed.emit(result)
        finally:
            if self._product is not None:
                self._product.close()
                self._product = None

    def compute(self, request):
        from rasterio.crs import CRS
        from rasterio.warp import transform_bounds

        if self._product_source != request.source:
            if self._product is not None:
                self._product.close()
            self._product, self._product_source, self._data_key = None, None, None
            self._product = request.source.open()
            self._product_source = request.source
        product = self._product
        key = (request.source, request.view)
        if self._data_key != key:
            self._data, self._data_key = None, None
            view = request.view
            bounds = view.bounds
            if view.crs:
                view_crs = CRS.from_wkt(view.crs)
                if view_crs != product.crs:
                    bounds = transform_bounds(view_crs, product.crs, *bounds, densify_pts=21)
            grid = preview_grid(product.grid(BASE_RESOLUTION), bounds, view.width, view.height)
            if grid is None:
                return PreviewResult(request.generation, statistics={"valid": 0})
            self._data = read_view(product, grid, request.source.dem, self.check)
            self._data_key = key
        data = self._data
        snow_map, cloud_mask, statistics = compute_preview(data, dict(request.values), self.check)
        self.check()
        stem = os.path.join(self.folder, "{:06d}".format(request.generation))
        shade = data.snow.shade
        return PreviewResult(request.generation, data.grid, snow_map, cloud_mask, data.histograms, statistics,
                             write_geotiff(stem + "_snow.tif", snow_map, data.grid, SNOW_NODATA),
                             write_geotiff(stem + "_cloud.tif", cloud_mask, data.grid, MASK_NODATA),
                             None if shade is None else write_geotiff(stem + "_shade.tif", shade.astype(np.uint8),
                                                                      data.grid, None))


def _message(exc):
    from ..plugin.io.products import ProductError

    if isinstance(exc, ProductError):
        return str(exc)
    return tr("The preview failed: {error}").format(error="{}: {}".format(type(exc).__name__, exc))


# -- the controller, in the GUI thread ------------------------------------------------------------

class PreviewController(QObject):
    """Runs the worker and shows its results as the preview layers of ``project``."""

    computed = pyqtSignal(object)   # PreviewResult, after the layers are updated
    failed = pyqtSignal(str)

    LAYERS = ("snow", "cloud", "shade")

    def __init__(self, project, parent=None):
        super().__init__(parent)
        self.project = project
        self.source = None
        self.worker = None
        self.folder = None
        self.generation = 0   # of the last request
        self.shown = 0        # of the result on screen
        self.layer_ids = {}   # "snow"/"cloud" -> layer id
        self.group = None

    def set_source(self, source):
        """Preview ``source`` (a :class:`PreviewSource`) from now on; None stops the preview."""
        if source != self.source:
            self.stop()
            self.source = source

    def request(self, values, view):
        """Ask for the preview of ``view`` with ``values``; returns the request's number."""
        if self.source is None:
            return None
        if self.worker is None:
            self._start()
        self.generation += 1
        self.worker.submit(PreviewRequest(self.generation, self.source, view, tuple(sorted(values.items()))))
        return self.generation

    def layers(self):
        """The preview layers in the project."""
        layers = (self.project.mapLayer(layer_id) for layer_id in self.layer_ids.values())
        return [layer for layer in layers if layer is not None]

    def stop(self):
        """End the worker thread, remove the preview layers and delete their files."""
        if self.worker is not None:
            self.worker.computed.disconnect(self._computed)
            self.worker.failed.disconnect(self._failed)
            self.worker.stop()
            self.worker.deleteLater()
            self.worker = None
            self.project.layerWillBeRemoved.disconnect(self._layer_will_be_removed)
        self._remove_layers()
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None
        self.shown = self.generation

    close = stop

    def _start(self):
        self.folder = tempfile.mkdtemp(prefix="neve-preview-")
        self.worker = PreviewWorker(self.folder)
        self.worker.computed.connect(self._computed)
        self.worker.failed.connect(self._failed)
        self.project.layerWillBeRemoved.connect(self._layer_will_be_removed)
        self.worker.start()

    def _computed(self, result):
        stale = result.generation <= self.shown or self.worker is None
        if stale or result.grid is None:
            for path in (result.snow_path, result.cloud_path, result.shade_path):
                _remove_file(path)
            if stale:
                return
            self._remove_layers()
        else:
            self._show(result)
        self.shown = result.generation
        self.computed.emit(result)

    def _failed(self, generation, message):
        if generation > self.shown:
            self.failed.emit(message)

    def _show(self, result):
        names = {"snow": tr("Snow map (preview)"), "cloud": tr("Refined cloud mask (preview)"),
                 "shade": tr("Cast shadow of the relief (preview)")}
        legends = {"snow": snow_legend(), "cloud": cloud_legend(), "shade": shade_legend()}
        paths = {"snow": result.snow_path, "cloud": result.cloud_path, "shade": result.shade_path}
        for key in self.LAYERS:
            layer = self.project.mapLayer(self.layer_ids.get(key, ""))
            if paths[key] is None:      # no shaded area for this view (no DEM or no sun angles)
                if layer is not None:
                    self.project.removeMapLayer(layer.id())
                continue
            if layer is None:
                layer = QgsRasterLayer(paths[key], names[key], "gdal")
                classes = [QgsPalettedRasterRenderer.Class(value, QColor(colour), label)
                           for value, colour, label in legends[key]]
                layer.setRenderer(QgsPalettedRasterRenderer(layer.dataProvider(), 1, classes))
                layer.setOpacity(0.7)
                layer.setCustomProperty(PREVIEW_PROPERTY, True)
                self.project.addMapLayer(layer, False)
                self._group().addLayer(layer)
                self.layer_ids[key] = layer.id()
            else:
                previous = layer.source()
                layer.setDataSource(paths[key], layer.name(), "gdal", QgsDataProvider.ProviderOptions(), False)
                _remove_file(previous)
            layer.triggerRepaint()

    def _group(self):
        if self.group is None or sip.isdeleted(self.group):
            self.group = self.project.layerTreeRoot().insertGroup(0, tr("Névé preview"))
            self.group.setCustomProperty(PREVIEW_PROPERTY, True)
        return self.group

    def _layer_will_be_removed(self, layer_id):
        for key, known in list(self.layer_ids.items()):
            if known == layer_id:
                del self.layer_ids[key]

    def _remove_layers(self):
        ids = [layer.id() for layer in self.layers()]
        self.layer_ids = {}
        if ids:
            self.project.removeMapLayers(ids)
        if self.group is not None and not sip.isdeleted(self.group) and self.group.parent() is not None:
            self.group.parent().removeChildNode(self.group)
        self.group = None


def _remove_file(path):
    if path and os.path.exists(path):
        try:
            os.remove(path)
        except OSError:  # still open somewhere: the folder goes when the preview stops
            pass
