"""The live preview of the "Tune thresholds" panel: the snow map and the refined cloud mask of the visible
map, at screen resolution, computed in a worker thread and shown as temporary styled layers.

Three parts, from the data to the screen:

1. What is computed, without Qt (``plugin/pipeline/preview.py``): :func:`preview_grid` (the visible part
   of the product at screen resolution), :func:`read_view` (what the thresholds act on, read once per
   view by the readers of the whole-product jobs) and :func:`compute_preview` (the snow map by the LIS
   composition of ``snowmap`` and the refined cloud classes by that of ``refinecloudmask``, for a set of
   threshold values, with the statistics of the view).

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

from ..plugin.pipeline.preview import (  # noqa: F401 (the panel's names for what the pipeline computes)
    BASE_RESOLUTION,
    MASK_BUFFER,
    MASK_CLEAR,
    MASK_CLOUD,
    MASK_NODATA,
    MASK_SHADOW,
    MASK_WATER_CLOUD,
    MAX_SIZE,
    SNOW_NODATA,
    ViewData,
    compute_preview,
    preview_grid,
    read_view,
)

PREVIEW_PROPERTY = "neve/preview"  # custom property marking the preview layers


def snow_legend():
    return [(0, "#00000000", tr("No snow")), (100, "#00e5ff", tr("Snow")), (205, "#ff00ff", tr("Cloud")),
            (SNOW_NODATA, "#00000000", tr("No data"))]


def shade_legend():
    return [(0, "#00000000", tr("Lit")), (1, "#3d2b56", tr("Cast shadow of the relief"))]


def cloud_legend():
    return [(MASK_CLEAR, "#00000000", tr("Clear")), (MASK_CLOUD, "#ff00ff", tr("Cloud")),
            (MASK_SHADOW, "#6a3d9a", tr("Cloud shadow")),
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
        from ..plugin.io.products import open_bands
        from ..plugin.io.readers import open_product

        if self.product:
            return open_product(self.product)
        return open_bands(dict(self.bands), dict(self.masks))

    def check(self):
        """Open the input to check it; returns ``(QgsRectangle, QgsCoordinateReferenceSystem, text)``: its
        extent, CRS and a one-line description. Raises an exception with a translated message when it
        cannot be used (missing packages, not a product, bands or masks missing)."""
        from ..plugin.pipeline.packages import missing_packages

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

class Superseded(Exception):
    """A newer request arrived: the computation in progress is abandoned."""


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
