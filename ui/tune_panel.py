"""The "Tune thresholds" panel (issue 6): see what the thresholds do on your own scene before running a
whole product.

How the panel is built (:meth:`TunePanel.__init__`, top to bottom):

1. Input: a product (folder, .zip or metadata file) or its band layers, and an optional DEM. Without a
   usable input everything below is disabled and a hint says what to choose.
2. Presets: the built-in ones and the user's own (``ui/presets.py``): apply, save, rename, delete.
3. Sliders: one :class:`~.widgets.ThresholdSlider` per threshold of the table
   (``plugin/processing/thresholds.py``), the snow thresholds first, then the cloud refinement.
4. The view: histograms of NDSI, red and SWIR over water of the visible area, with the threshold lines
   (drag them to set a threshold), and the snow, cloud and clear percentages and the snowline.
5. Run on the whole product: the Processing dialog of ``neve:snowmap`` or ``neve:refinecloudmask``
   prefilled with the panel's values (:func:`run_parameters`), so that the run is in the history; the snow
   map with the refined cloud mask previewed runs ``neve:refinecloudmask`` first, then ``neve:snowmap`` on
   its output (:meth:`TunePanel.run_on_whole_product`).

How a change flows to the preview:

    slider moved, histogram line dragged, preset applied
      -> ThresholdSlider.valueChanged -> TunePanel.threshold_changed(name, value)
         (keeps ``values``, moves the histogram line)
      -> TunePanel.schedule_preview(): the changes of one turn of the event loop make one request;
         a moved map waits MAP_SETTLE_MS for the map to stop moving
      -> PreviewController.request(values, view)  (``ui/preview.py``: a worker thread computes the
         newest request only; a newer one cancels an older computation)
      -> PreviewController.computed(result), in the GUI thread: the controller has updated the preview
         layers; TunePanel.show_result(result) updates the histograms and the statistics.
"""
from qgis.core import (
    QgsApplication,
    QgsCoordinateTransform,
    QgsMapLayerProxyModel,
    QgsProject,
    QgsSettings,
)
from qgis.gui import QgsDockWidget, QgsFileWidget, QgsMapLayerComboBox
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QToolButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..plugin.i18n import tr
from ..plugin.pipeline.thresholds import CLOUD_THRESHOLDS, SNOW_THRESHOLDS, THRESHOLDS
from . import presets as preset_store
from .preview import PreviewController, PreviewSource, View
from .widgets import HistogramWidget, ThresholdSlider, plain_value

SNOW_ALGORITHM = "neve:snowmap"
CLOUD_ALGORITHM = "neve:refinecloudmask"
INPUT_PRODUCT = "INPUT_PRODUCT"
DEM_PARAMETER = "DEM"
PRESET_PARAMETER = "PRESET"
USE_REFINED_KEY = "neve/snow_map_with_refined_cloud_mask"  # the panel's choice, kept in the QGIS settings
# which thresholds each algorithm takes when it is not registered yet to ask it
ALGORITHM_THRESHOLDS = {SNOW_ALGORITHM: SNOW_THRESHOLDS, CLOUD_ALGORITHM: CLOUD_THRESHOLDS}
MAP_SETTLE_MS = 150  # a moving map (pan, zoom) asks for a preview once it has stopped this long

# the histograms: key -> (x range, thresholds drawn on it)
HISTOGRAMS = {
    "ndsi": ((-1.0, 1.0), ("NDSI_PASS1", "NDSI_PASS2")),
    "red": ((0.0, 1.0), ("RED_PASS1", "RED_PASS2", "RED_DARKCLOUD", "RED_BACKTOCLOUD")),
    "swir_water": ((0.0, 0.5), ("THRESHOLD", "THRESHOLD_SUNGLINT")),
}
LINE_COLOURS = {
    "NDSI_PASS1": "#1f77b4", "NDSI_PASS2": "#17becf", "RED_PASS1": "#1f77b4", "RED_PASS2": "#17becf",
    "RED_DARKCLOUD": "#7f7f7f", "RED_BACKTOCLOUD": "#d62728", "THRESHOLD": "#2ca02c",
    "THRESHOLD_SUNGLINT": "#ff7f0e",
}


def histogram_titles():
    return {"ndsi": tr("NDSI of the visible area"), "red": tr("Red reflectance of the visible area"),
            "swir_water": tr("SWIR reflectance over water")}


def line_labels():
    """Short names of the threshold lines on the histograms."""
    return {"NDSI_PASS1": tr("pass 1"), "NDSI_PASS2": tr("pass 2"), "RED_PASS1": tr("pass 1"),
            "RED_PASS2": tr("pass 2"), "RED_DARKCLOUD": tr("dark cloud"),
            "RED_BACKTOCLOUD": tr("back to cloud"), "THRESHOLD": tr("water"),
            "THRESHOLD_SUNGLINT": tr("sunglint")}


def default_values():
    """Every threshold of the table at its default value."""
    return {name: plain_value(t, t.default) for name, t in THRESHOLDS.items()}


def run_parameters(algorithm_id, values, product=None, algorithm=None, dem=None):
    """The parameters of ``algorithm_id`` for a run on the whole product with the panel's ``values``.

    The thresholds are those the algorithm declares (``algorithm``, a QgsProcessingAlgorithm) or, without
    it, those of :data:`ALGORITHM_THRESHOLDS`; ``product`` (a path) goes to ``INPUT_PRODUCT`` and
    ``dem`` (a layer source) to ``DEM`` when the algorithm has such a parameter, and a ``PRESET``
    parameter is set to "custom values" so that the thresholds given apply. Values are plain
    numbers, as a user would type them in ``processing.run``.
    """
    if algorithm is not None:
        names = [p.name() for p in algorithm.parameterDefinitions() if p.name() in THRESHOLDS]
        declared = {p.name() for p in algorithm.parameterDefinitions()}
    else:
        names = list(ALGORITHM_THRESHOLDS[algorithm_id])
        declared = {INPUT_PRODUCT}
    parameters = {}
    if product and INPUT_PRODUCT in declared:
        parameters[INPUT_PRODUCT] = product
    if dem and DEM_PARAMETER in declared:
        parameters[DEM_PARAMETER] = dem
    if algorithm_id == CLOUD_ALGORITHM and PRESET_PARAMETER in declared:  # its thresholds apply only
        # with the preset "custom values"
        from ..plugin.pipeline.algorithms.refinecloudmask import PRESET_KEYS

        parameters[PRESET_PARAMETER] = PRESET_KEYS.index("custom")
    for name in names:
        if name in values:
            parameters[name] = plain_value(THRESHOLDS[name], values[name])
    return parameters


def with_cloud_mask(parameters, mask):
    """The snow map's ``parameters`` with the refined cloud mask ``mask`` (CLM bits) as its cloud mask."""
    from ..plugin.pipeline.algorithms.snowmap import MASK_TYPES

    return dict(parameters, CLOUD_MASK=mask, CLOUD_MASK_TYPE=MASK_TYPES.index("clm"))


def breakable(text):
    """``text`` with invisible break opportunities after "_" and "-": a product name such as
    SENTINEL2A_20210615-105631-024_L2A_T31TCH_C_V3-1 then wraps instead of widening the narrow dock."""
    return text.replace("_", "_\u200b").replace("-", "-\u200b")


class TunePanel(QgsDockWidget):
    """The dock widget. ``iface`` gives the map canvas the preview follows."""

    OBJECT_NAME = "NeveTunePanel"

    def __init__(self, iface, parent=None):
        super().__init__(tr("Névé: tune thresholds"), parent)
        self.setObjectName(self.OBJECT_NAME)
        self.iface = iface
        self.canvas = iface.mapCanvas()
        self.values = default_values()
        self.source = None          # PreviewSource of the chosen input, None without one
        self.source_extent = None   # (QgsRectangle, QgsCoordinateReferenceSystem) of the input
        self.sliders = {}
        self.histograms = {}
        self.active = False
        self.last_view = None       # the view of the last preview request

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self._build_input())
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setObjectName("hint")
        layout.addWidget(self.hint)
        self.tuning = QWidget()  # everything that needs an input
        tuning_layout = QVBoxLayout(self.tuning)
        tuning_layout.setContentsMargins(0, 0, 0, 0)
        tuning_layout.addWidget(self._build_presets())
        tuning_layout.addWidget(self._build_sliders(tr("Snow"), SNOW_THRESHOLDS))
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #b00020;")
        self.warning.setVisible(False)
        tuning_layout.addWidget(self.warning)
        tuning_layout.addWidget(self._build_sliders(tr("Cloud refinement"), CLOUD_THRESHOLDS))
        tuning_layout.addWidget(self._build_view())
        tuning_layout.addWidget(self._build_run())
        layout.addWidget(self.tuning)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)  # the content follows the dock's width
        scroll.setWidget(body)
        self.setWidget(scroll)

        self.preview = PreviewController(QgsProject.instance(), self)
        self.preview.computed.connect(self.show_result)
        self.preview.failed.connect(self.show_failure)
        self.preview_timer = QTimer(self)
        self.preview_timer.setSingleShot(True)
        self.preview_timer.timeout.connect(self.request_preview)
        self.closedStateChanged.connect(self._closed_state_changed)
        self.set_input(None)

    # -- 1. input ----------------------------------------------------------------------------------
    def _build_input(self):
        box = QGroupBox(tr("Input"))
        layout = QVBoxLayout(box)
        choice = QHBoxLayout()
        self.product_mode = QRadioButton(tr("Product"))
        self.layers_mode = QRadioButton(tr("Band layers"))
        self.product_mode.setChecked(True)
        self.mode_group = QButtonGroup(box)
        for button in (self.product_mode, self.layers_mode):
            self.mode_group.addButton(button)
            choice.addWidget(button)
        choice.addStretch(1)
        layout.addLayout(choice)

        self.product_file = QgsFileWidget()
        self.product_file.setStorageMode(QgsFileWidget.GetFile)
        self.product_file.setFilter(tr("Sentinel-2 L2A products (*.zip *_MTD_ALL.xml MTD_MSIL2A.xml);;"
                                       "All files (*)"))
        self.product_file.setDialogTitle(tr("Choose a Sentinel-2 L2A product"))
        self.product_file.setToolTip(tr("A Theia/MUSCATE product (its folder, its .zip or its *_MTD_ALL.xml) "
                                        "or an ESA Sen2Cor product (its .SAFE folder, its .zip or its "
                                        "MTD_MSIL2A.xml). A folder can be typed or pasted."))
        self.product_file.fileChanged.connect(lambda _path: self.input_changed())
        layout.addWidget(self.product_file)

        self.layers_page = QWidget()
        self.layers_page.setVisible(False)
        form = QFormLayout(self.layers_page)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.WrapLongRows)  # a narrow dock puts the list under its label
        self.layer_combos = {}
        for key, label, optional in (("B3", tr("Green (B3)"), False), ("B4", tr("Red (B4)"), False),
                                     ("B11", tr("SWIR (B11)"), False), ("B12", tr("SWIR (B12)"), True),
                                     ("MASK", tr("Cloud mask"), False), ("MG2", tr("MAJA MG2 (water)"), True)):
            combo = self._layer_combo(optional)
            self.layer_combos[key] = combo
            form.addRow(label, combo)
        self.mask_kind = QComboBox()
        self.mask_kind.addItem(tr("MAJA CLM (bits)"), "CLM")
        self.mask_kind.addItem(tr("Sen2Cor SCL (classes)"), "SCL")
        self.mask_kind.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLength)
        self.mask_kind.setMinimumContentsLength(8)
        self.mask_kind.currentIndexChanged.connect(lambda _index: self.input_changed())
        form.addRow(tr("Kind of cloud mask"), self.mask_kind)
        layout.addWidget(self.layers_page)
        self.product_mode.toggled.connect(self._mode_changed)

        dem_row = QFormLayout()
        dem_row.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        dem_row.setRowWrapPolicy(QFormLayout.WrapLongRows)
        self.dem_combo = self._layer_combo(True)
        self.dem_combo.setToolTip(tr("Elevation in metres on any grid (resampled to the product's). Without "
                                     "it there is no snowline and no pass 2."))
        dem_row.addRow(tr("DEM (optional)"), self.dem_combo)
        layout.addLayout(dem_row)
        self.zoom_button = QPushButton(tr("Zoom to the product"))
        self.zoom_button.clicked.connect(self.zoom_to_input)
        layout.addWidget(self.zoom_button)
        return box

    def _layer_combo(self, optional):
        combo = QgsMapLayerComboBox()
        combo.setFilters(QgsMapLayerProxyModel.RasterLayer)
        combo.setAllowEmptyLayer(True)
        combo.setLayer(None)
        combo.setMinimumContentsLength(8)
        combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        combo.layerChanged.connect(lambda _layer: self.input_changed())
        if not optional:
            combo.setToolTip(tr("Required"))
        return combo

    def _mode_changed(self, product_mode):
        self.product_file.setVisible(product_mode)
        self.layers_page.setVisible(not product_mode)
        self.input_changed()

    def set_product(self, path, dem_layer=None):
        """Preview the product at ``path`` (folder, .zip or metadata file), with ``dem_layer`` (a raster
        layer of the project) as DEM when given."""
        self.product_mode.setChecked(True)
        if dem_layer is not None:
            self.dem_combo.setLayer(dem_layer)
        self.product_file.setFilePath(path)

    def source_from_widgets(self):
        """The :class:`PreviewSource` the input widgets describe, or None when something is missing."""
        dem_layer = self.dem_combo.currentLayer()
        dem = dem_layer.source() if dem_layer is not None else None
        if self.product_mode.isChecked():
            path = self.product_file.filePath().strip()
            return PreviewSource(product=path, dem=dem) if path else None
        sources = {key: (combo.currentLayer().source() if combo.currentLayer() is not None else None)
                   for key, combo in self.layer_combos.items()}
        if not all(sources[key] for key in ("B3", "B4", "B11", "MASK")):
            return None
        bands = tuple((key, sources[key]) for key in ("B3", "B4", "B11", "B12") if sources[key])
        masks = ((self.mask_kind.currentData(), sources["MASK"]),)
        if sources["MG2"]:
            masks += (("MG2", sources["MG2"]),)
        return PreviewSource(bands=bands, masks=masks, dem=dem)

    def input_changed(self):
        self.set_input(self.source_from_widgets())

    def set_input(self, source):
        """Use ``source`` (a :class:`PreviewSource`, or None): check it, enable the panel, preview it."""
        error = None
        self.source_extent = None
        description = ""
        if source is not None:
            try:
                extent, crs, description = source.check()
                self.source_extent = (extent, crs)
            except Exception as exc:  # not a product, missing packages: told to the user, not raised
                error = str(exc)
                source = None
        self.source = source
        self.last_view = None
        self.tuning.setEnabled(source is not None)
        self.zoom_button.setEnabled(source is not None)
        if source is None:
            self.preview.set_source(None)
            self.hint.setStyleSheet("color: #b00020;" if error else "")
            self.hint.setText(error or tr(
                "Choose a Sentinel-2 L2A product (Theia or Sen2Cor), or its band layers, to see what the "
                "thresholds do on it. A DEM adds the snowline and the second snow pass."))
            self.clear_view()
        else:
            self.hint.setStyleSheet("")
            self.hint.setText(breakable(description))
            self.preview.set_source(source)
            self.schedule_preview()
        self.update_run_buttons()

    def zoom_to_input(self):
        if self.source_extent is None:
            return
        extent, crs = self.source_extent
        transform = QgsCoordinateTransform(crs, self.canvas.mapSettings().destinationCrs(),
                                           QgsProject.instance())
        self.canvas.setExtent(transform.transformBoundingBox(extent))
        self.canvas.refresh()

    # -- 2. presets --------------------------------------------------------------------------------
    def _build_presets(self):
        box = QGroupBox(tr("Presets"))
        buttons = QHBoxLayout(box)
        self.preset_combo = QComboBox()
        self.preset_combo.setMinimumContentsLength(8)
        self.preset_combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLength)
        self.preset_combo.setToolTip(tr("Choose a preset to set its thresholds. Built-in presets are the "
                                        "values of production systems; yours are kept in your QGIS "
                                        "profile."))
        self.preset_combo.activated.connect(lambda index: self.apply_preset(self.preset_combo.itemData(index)))
        self.preset_combo.currentIndexChanged.connect(lambda _index: self._update_preset_buttons())
        buttons.addWidget(self.preset_combo, 1)
        # icon buttons beside the list, their names in the tooltips: they fit a narrow dock
        self.save_button = self._tool_button("/mActionFileSaveAs.svg", tr("Save as…"),
                                             tr("Save the current thresholds as a preset of yours"))
        self.save_button.clicked.connect(self._ask_save_preset)
        self.rename_button = self._tool_button("/symbologyEdit.svg", tr("Rename…"), tr("Rename your preset"))
        self.rename_button.clicked.connect(self._ask_rename_preset)
        self.delete_button = self._tool_button("/mActionDeleteSelected.svg", tr("Delete"),
                                               tr("Delete your preset"))
        self.delete_button.clicked.connect(self._ask_delete_preset)
        for button in (self.save_button, self.rename_button, self.delete_button):
            buttons.addWidget(button)
        self.reload_presets()
        return box

    @staticmethod
    def _tool_button(icon, text, tooltip):
        button = QToolButton()
        button.setIcon(QgsApplication.getThemeIcon(icon))
        button.setText(text)
        button.setToolTip(tooltip)
        button.setAutoRaise(True)
        return button

    def reload_presets(self, select=None):
        """Fill the preset list (built-in, then the user's); select the user preset named ``select``."""
        self.preset_combo.blockSignals(True)
        self.preset_combo.clear()
        self.preset_combo.addItem(tr("Presets…"), None)
        builtin = preset_store.builtin_presets()
        for preset in builtin:
            self.preset_combo.addItem(preset.label, preset)
        user = preset_store.user_presets()
        if user:
            self.preset_combo.insertSeparator(self.preset_combo.count())
        for preset in user:
            self.preset_combo.addItem(preset.label, preset)
            if preset.key == select:
                self.preset_combo.setCurrentIndex(self.preset_combo.count() - 1)
        self.preset_combo.blockSignals(False)
        self._update_preset_buttons()

    def selected_preset(self):
        return self.preset_combo.currentData()

    def _update_preset_buttons(self):
        preset = self.selected_preset()
        mine = preset is not None and not preset.builtin
        self.rename_button.setEnabled(mine)
        self.delete_button.setEnabled(mine)

    def apply_preset(self, preset):
        """Set the thresholds ``preset`` gives (the others keep their values): one preview."""
        if preset is None:
            return
        for name, value in preset.values.items():
            self.sliders[name].setValue(value)

    def save_preset(self, name):
        preset = preset_store.save_user_preset(name, self.values)
        self.reload_presets(select=preset.key)
        return preset

    def rename_preset(self, old_name, new_name):
        preset = preset_store.rename_user_preset(old_name, new_name)
        self.reload_presets(select=preset.key)
        return preset

    def delete_preset(self, name):
        preset_store.delete_user_preset(name)
        self.reload_presets()

    def _ask_save_preset(self):
        current = self.selected_preset()
        name, ok = QInputDialog.getText(self, tr("Save preset"), tr("Name of the preset:"),
                                        text=current.key if current is not None and not current.builtin else "")
        if not ok or not name.strip():
            return
        if any(p.key == name.strip() for p in preset_store.user_presets()) and QMessageBox.question(
                self, tr("Save preset"), tr("Replace your preset \"{name}\"?").format(name=name.strip())) \
                != QMessageBox.Yes:
            return
        self.save_preset(name)

    def _ask_rename_preset(self):
        preset = self.selected_preset()
        if preset is None or preset.builtin:
            return
        name, ok = QInputDialog.getText(self, tr("Rename preset"), tr("New name:"), text=preset.key)
        if not ok or not name.strip() or name.strip() == preset.key:
            return
        try:
            self.rename_preset(preset.key, name)
        except ValueError:
            QMessageBox.warning(self, tr("Rename preset"),
                                tr("A preset named \"{name}\" exists already.").format(name=name.strip()))

    def _ask_delete_preset(self):
        preset = self.selected_preset()
        if preset is None or preset.builtin:
            return
        if QMessageBox.question(self, tr("Delete preset"),
                                tr("Delete your preset \"{name}\"?").format(name=preset.key)) == QMessageBox.Yes:
            self.delete_preset(preset.key)

    # -- 3. sliders --------------------------------------------------------------------------------
    def _build_sliders(self, title, names):
        box = QGroupBox(title)
        grid = QGridLayout(box)
        grid.setVerticalSpacing(2)
        for row, name in enumerate(names):
            threshold = THRESHOLDS[name]
            slider = ThresholdSlider(threshold)
            slider.setObjectName("slider_" + name)
            slider.valueChanged.connect(self.threshold_changed)
            label = QLabel(threshold.label())
            label.setWordWrap(True)
            label.setToolTip(slider.toolTip())
            label.setBuddy(slider.spin_box)
            label.setContentsMargins(0, 4 if row else 0, 0, 0)
            grid.addWidget(label, 2 * row, 0)  # the label above its slider: fits a narrow dock
            grid.addWidget(slider, 2 * row + 1, 0)
            self.sliders[name] = slider
        return box

    def threshold_changed(self, name, value):
        """A threshold has a new value (slider, spin box, histogram line or preset)."""
        self.values[name] = value
        warnings = threshold_warnings(self.values)
        self.warning.setText("\n".join(warnings))
        self.warning.setVisible(bool(warnings))
        for key, (_range, names) in HISTOGRAMS.items():
            if name in names:
                self.histograms[key].set_line(name, value, LINE_COLOURS[name], line_labels()[name])
        self.schedule_preview(0)

    # -- 4. the view: histograms and statistics ------------------------------------------------------
    def _build_view(self):
        box = QGroupBox(tr("Visible area"))
        layout = QVBoxLayout(box)
        titles, labels = histogram_titles(), line_labels()
        for key, (x_range, names) in HISTOGRAMS.items():
            histogram = HistogramWidget(titles[key], x_range)
            histogram.setObjectName("histogram_" + key)
            histogram.setToolTip(tr("Drag a line to set its threshold."))
            for name in names:
                histogram.set_line(name, self.values[name], LINE_COLOURS[name], labels[name])
            histogram.lineMoved.connect(self.line_dragged)
            layout.addWidget(histogram)
            self.histograms[key] = histogram
        self.statistics = QLabel()
        self.statistics.setWordWrap(True)
        self.statistics.setObjectName("statistics")
        layout.addWidget(self.statistics)
        return box

    def line_dragged(self, name, value):
        self.sliders[name].setValue(value)  # rounds to the threshold's step, then threshold_changed

    def show_result(self, result):
        """Histograms and statistics of a finished preview (the layers are already updated)."""
        self._except_preview_layers()
        for key, histogram in self.histograms.items():
            counts, edges = result.histograms.get(key, (None, None))
            histogram.set_histogram(counts, edges)
        self.statistics.setText(format_statistics(result.statistics))

    def _except_preview_layers(self):
        """The preview layers are not inputs: keep them out of the layer lists."""
        layers = self.preview.layers()
        for combo in list(self.layer_combos.values()) + [self.dem_combo]:
            combo.setExceptedLayerList(layers)

    def show_failure(self, message):
        self.statistics.setText(message)

    def clear_view(self):
        for histogram in self.histograms.values():
            histogram.set_histogram(None, None)
        self.statistics.setText("")

    # -- 5. run on the whole product ---------------------------------------------------------------
    def _build_run(self):
        box = QGroupBox(tr("Run on the whole product"))
        layout = QVBoxLayout(box)
        self.run_buttons = {}
        for algorithm_id, text in ((SNOW_ALGORITHM, tr("Snow map…")), (CLOUD_ALGORITHM, tr("Refined cloud mask…"))):
            button = QPushButton(text)
            button.clicked.connect(lambda _checked=False, a=algorithm_id: self.run_on_whole_product(a))
            layout.addWidget(button)
            self.run_buttons[algorithm_id] = button
            if algorithm_id == SNOW_ALGORITHM:
                self.use_refined = QCheckBox(tr("With the refined cloud mask"))
                self.use_refined.setToolTip(tr(
                    "The snow map of the whole product then uses the refined cloud mask of these values: "
                    "\"Refine a cloud mask\" runs first (its dialog opens prefilled), then \"Snow map\" with its "
                    "output as cloud mask. Unticked, the snow map uses the product's own cloud mask, as the "
                    "preview's snow map does."))
                self.use_refined.setChecked(QgsSettings().value(USE_REFINED_KEY, False, type=bool))
                self.use_refined.toggled.connect(self._use_refined_toggled)
                layout.addWidget(self.use_refined)
        self._use_refined_toggled(self.use_refined.isChecked())
        return box

    def _use_refined_toggled(self, checked):
        QgsSettings().setValue(USE_REFINED_KEY, bool(checked))
        self.run_buttons[SNOW_ALGORITHM].setText(
            tr("Refined cloud mask, then snow map…") if checked else tr("Snow map…"))

    def update_run_buttons(self):
        registry = QgsApplication.processingRegistry()
        for algorithm_id, button in self.run_buttons.items():
            algorithm = registry.algorithmById(algorithm_id)
            button.setEnabled(algorithm is not None and self.source is not None)
            button.setToolTip(tr("Opens the Processing dialog of {algorithm} with these thresholds.").format(
                algorithm=algorithm.displayName()) if algorithm is not None else
                tr("This version of Névé has no algorithm {id}.").format(id=algorithm_id))
        self.use_refined.setEnabled(self.run_buttons[SNOW_ALGORITHM].isEnabled() and
                                    registry.algorithmById(CLOUD_ALGORITHM) is not None)

    def run_parameters(self, algorithm_id):
        algorithm = QgsApplication.processingRegistry().algorithmById(algorithm_id)
        source = self.source
        return run_parameters(algorithm_id, self.values, source.product if source else None, algorithm,
                              source.dem if source else None)

    def run_on_whole_product(self, algorithm_id):
        """Open the Processing dialog of ``algorithm_id`` prefilled with the panel's values. The snow map
        "with the refined cloud mask": the dialog of ``neve:refinecloudmask`` first, then, once it has
        run, the snow map's with its output as the cloud mask (both runs in the Processing history)."""
        import processing

        if QgsApplication.processingRegistry().algorithmById(algorithm_id) is None:
            return None
        parameters = self.run_parameters(algorithm_id)
        if algorithm_id == SNOW_ALGORITHM and self.use_refined.isChecked():
            if QgsApplication.processingRegistry().algorithmById(CLOUD_ALGORITHM) is None:
                return None
            refined = processing.execAlgorithmDialog(CLOUD_ALGORITHM, self.run_parameters(CLOUD_ALGORITHM))
            mask = (refined or {}).get("OUTPUT")
            if not mask:  # closed without a run
                return refined
            parameters = with_cloud_mask(parameters, mask)
        return processing.execAlgorithmDialog(algorithm_id, parameters)

    # -- the preview ---------------------------------------------------------------------------------
    def current_view(self):
        """The visible map: extent, CRS and size in screen pixels."""
        settings = self.canvas.mapSettings()
        extent = settings.visibleExtent()
        size = settings.outputSize()
        return View((extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum()),
                    settings.destinationCrs().toWkt(), size.width(), size.height())

    def schedule_preview(self, delay_ms=MAP_SETTLE_MS):
        """Ask for a preview after ``delay_ms`` (0: at the end of this turn of the event loop), unless
        one is already due sooner."""
        if not self.active or self.source is None:
            return
        if self.preview_timer.isActive() and self.preview_timer.remainingTime() <= delay_ms:
            return
        self.preview_timer.start(delay_ms)

    def request_preview(self):
        if self.active and self.source is not None:
            view = self.current_view()
            if view != self.last_view:  # a new view is read first: seconds for a whole tile
                self.statistics.setText(tr("Reading the visible area…"))
                self.last_view = view
            self.preview.request(dict(self.values), view)

    def activate(self):
        """Follow the map and show the preview (when the panel opens)."""
        if self.active:
            return
        self.active = True
        self.canvas.extentsChanged.connect(self.schedule_preview)
        self.canvas.destinationCrsChanged.connect(self.schedule_preview)
        self.update_run_buttons()
        self.schedule_preview(0)

    def deactivate(self):
        """Stop following the map, end the preview's thread and remove its layers (the panel closes)."""
        self.preview_timer.stop()
        if self.active:
            self.active = False
            self.canvas.extentsChanged.disconnect(self.schedule_preview)
            self.canvas.destinationCrsChanged.disconnect(self.schedule_preview)
        self.preview.stop()
        self._except_preview_layers()

    def shutdown(self):
        """Leave nothing behind (plugin unload): :meth:`deactivate`, and forget the input."""
        self.deactivate()
        self.preview.set_source(None)

    def _closed_state_changed(self, closed):
        if closed:
            self.deactivate()
        else:
            self.activate()


def format_statistics(statistics):
    """One line per statistic of the view (translated)."""
    if not statistics.get("valid"):
        return tr("No valid pixel of the input in the visible area.")
    lines = [tr("Snow map: snow {snow:.1f} %, cloud {cloud:.1f} %, clear {clear:.1f} % of the valid "
                "pixels").format(snow=statistics["snow"], cloud=statistics["cloud"], clear=statistics["clear"]),
             tr("Refined cloud mask: cloud {cloud:.1f} %").format(cloud=statistics["refined_cloud"])]
    snowline = statistics.get("snowline")
    if not statistics.get("has_dem"):
        lines.append(tr("Snowline: choose a DEM to compute it"))
    elif snowline is None:
        lines.append(tr("Snowline: none in view (no pass 2)"))
    else:
        lines.append(tr("Snowline: {elevation:.0f} m").format(elevation=snowline))
    glint = statistics.get("glint_range")
    if statistics.get("sunglint_scene") is not None:
        lines.append(tr("Sunglint for the whole scene (the product's flag or its mean angles): {flag}").format(
            flag=tr("yes, the sunglint threshold applies") if statistics["sunglint_scene"]
            else tr("no, the threshold without sunglint applies")))
    elif glint is None:
        lines.append(tr("Sunglint: the input has no viewing angles, the threshold without sunglint applies"))
    else:
        lines.append(tr("Glint angle {low:.1f}° to {high:.1f}°: the sunglint threshold applies to {percent:.0f} % "
                        "of the water").format(low=glint[0], high=glint[1], percent=statistics["sunglint_water"]))
    return "\n".join(lines)


def threshold_warnings(values):
    """Translated warnings about a set of threshold values (pass 2 stricter than pass 1)."""
    from ..plugin.core.snow import ERROR_NDSI_PASS2_ABOVE_PASS1, ERROR_RED_PASS2_ABOVE_PASS1, threshold_errors

    texts = {
        ERROR_NDSI_PASS2_ABOVE_PASS1: tr("The NDSI threshold of pass 2 is above that of pass 1: pass 2 should "
                                         "not be stricter than pass 1."),
        ERROR_RED_PASS2_ABOVE_PASS1: tr("The red threshold of pass 2 is above that of pass 1: pass 2 should not "
                                        "be stricter than pass 1."),
    }
    errors = threshold_errors(**{name.lower(): value for name, value in values.items()})
    return [texts[code] for code, _name in errors if code in texts]
