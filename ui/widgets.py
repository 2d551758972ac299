"""Widgets for thresholds: a slider paired with a spin box, its Processing wrapper, and a histogram.

- :class:`ThresholdSlider`: one threshold of the table ``plugin/processing/thresholds.py`` as a slider
  and a spin box that follow each other; the spin box shows the unit and the tooltip the help text.
- :class:`ThresholdWidgetWrapper`: the same widget in the Processing algorithm dialog. The threshold
  parameters name it in their metadata (``widget_wrapper``); in the batch dialog and the graphical
  modeler it hands over to QGIS's own number widgets, so that those keep every feature they have there
  (expressions, model inputs).
- :class:`PresetWidgetWrapper`: the list of presets in the algorithm dialog: choosing a preset sets its
  values, changing a value chooses "custom values".
- :class:`HistogramWidget`: a histogram with vertical threshold lines that can be dragged.

Values are plain numbers: ``int`` for thresholds without decimals (distances), ``float`` otherwise.
"""
import dataclasses
import math
import os

from qgis.core import NULL, QgsProcessingParameterNumber
from qgis.gui import QgsDoubleSpinBox, QgsGui, QgsProcessingGui
from qgis.PyQt.QtCore import QPointF, QRectF, QSize, Qt, pyqtSignal
from qgis.PyQt.QtGui import QColor, QFontMetrics, QPainter, QPalette, QPen, QPolygonF
from qgis.PyQt.QtWidgets import QHBoxLayout, QSizePolicy, QSlider, QWidget

from ..plugin.i18n import number, tr
from ..plugin.pipeline.thresholds import THRESHOLDS, Threshold


def unit_suffix(threshold):
    """The suffix of the spin box: metres and degrees are shown there; reflectance and NDSI are
    unitless numbers whose meaning is in the label and tooltip."""
    return {"distance": " " + tr("m"), "height": " " + tr("m"), "angle": " °"}.get(threshold.kind, "")


def tooltip(threshold):
    """Rich-text tooltip: label, unit, range, default and the one-line explanation of the threshold."""
    return "<p><b>{label}</b> ({unit})</p><p>{help}</p><p>{range}</p>".format(
        label=threshold.label(), unit=threshold.unit(), help=threshold.help(),
        range=tr("From {minimum} to {maximum}, default {default}.").format(
            minimum=format_value(threshold, threshold.minimum), maximum=format_value(threshold, threshold.maximum),
            default=format_value(threshold, threshold.default)))


def plain_value(threshold, value):
    """``value`` as the number the algorithm parameter takes: rounded to the threshold's decimals,
    ``int`` when it has none."""
    if threshold.decimals == 0:
        return int(round(float(value)))
    return round(float(value), threshold.decimals)


def format_value(threshold, value):
    return number(plain_value(threshold, value), ".{}f".format(threshold.decimals))


#: Room a QgsDoubleSpinBox takes besides its text: the frame, the up and down arrows and the clear button
#: it shows once the value differs from the default (which must not eat the value: "0.90(", "240 r").
SPIN_BOX_CHROME = 62


def spin_box_width(spin_box, threshold):
    """The width a threshold's spin box needs to show its widest value whole, with its clear button."""
    metrics = spin_box.fontMetrics()
    texts = [spin_box.textFromValue(value) + spin_box.suffix() for value in (threshold.minimum, threshold.maximum)]
    return max(80, max(metrics.horizontalAdvance(text) for text in texts) + SPIN_BOX_CHROME)


class ThresholdSlider(QWidget):
    """A slider and a spin box for one :class:`Threshold`, always showing the same value.

    The slider moves by the threshold's step; the spin box takes any value of the range to the
    threshold's decimals (the slider then shows the nearest step). ``valueChanged(name, value)`` is
    emitted once per change of the value, whichever of the two the user moved, and not when the value
    is set by program through :meth:`setValue` with ``emit=False``.
    """

    valueChanged = pyqtSignal(str, object)  # noqa: N815 (Qt naming)

    def __init__(self, threshold, parent=None):
        super().__init__(parent)
        self.threshold = threshold
        self._value = plain_value(threshold, threshold.default)

        self.slider = QSlider(Qt.Horizontal, self)
        self.slider.setRange(0, self._position(threshold.maximum))
        self.slider.setSingleStep(1)
        self.slider.setPageStep(max(1, self.slider.maximum() // 20))
        self.slider.setMinimumWidth(60)
        self.slider.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)

        self.spin_box = QgsDoubleSpinBox(self)
        self.spin_box.setDecimals(threshold.decimals)
        self.spin_box.setRange(threshold.minimum, threshold.maximum)
        self.spin_box.setSingleStep(threshold.step)
        self.spin_box.setSuffix(unit_suffix(threshold))
        self.spin_box.setClearValue(threshold.default)  # the clear button restores the default
        self.spin_box.setShowClearButton(True)
        self.spin_box.setKeyboardTracking(False)  # a typed number counts once, on Enter or focus out
        self.spin_box.setMinimumWidth(spin_box_width(self.spin_box, threshold))

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.spin_box)
        if threshold.name in THRESHOLDS:  # a number parameter outside the table has no help here
            self.setToolTip(tooltip(threshold))
            self.slider.setToolTip(self.toolTip())
            self.spin_box.setToolTip(self.toolTip())

        self._show(self._value)
        self.slider.valueChanged.connect(self._slider_moved)
        self.spin_box.valueChanged.connect(self._spin_box_changed)

    @property
    def name(self):
        return self.threshold.name

    def value(self):
        """The value, a plain number (``int`` for thresholds without decimals)."""
        return self._value

    def setValue(self, value, emit=True):  # noqa: N802 (Qt naming)
        """Show ``value`` (clamped to the range); emit ``valueChanged`` if it changed and ``emit``."""
        value = plain_value(self.threshold, min(max(float(value), self.threshold.minimum),
                                                self.threshold.maximum))
        changed = value != self._value
        self._value = value
        self._show(value)
        if changed and emit:
            self.valueChanged.emit(self.name, value)

    def _position(self, value):
        return int(round((value - self.threshold.minimum) / self.threshold.step))

    def _show(self, value):
        """Put ``value`` in both controls without them signalling back."""
        self.slider.blockSignals(True)
        self.spin_box.blockSignals(True)
        self.slider.setValue(self._position(value))
        self.spin_box.setValue(value)
        self.slider.blockSignals(False)
        self.spin_box.blockSignals(False)

    def _slider_moved(self, position):
        self.setValue(self.threshold.minimum + position * self.threshold.step)

    def _spin_box_changed(self, value):
        self.setValue(value)


def threshold_for_parameter(parameter):
    """The :class:`Threshold` a Processing number parameter shows: the table's entry named in its
    metadata (``neve_threshold``), with the parameter's own range and default; or, for a number
    parameter outside the table, one made from the parameter alone."""
    number_type = parameter.dataType() if hasattr(parameter, "dataType") else None
    minimum, maximum = parameter.minimum(), parameter.maximum()
    known = THRESHOLDS.get(parameter.metadata().get("neve_threshold") or parameter.name())
    if known is None:
        decimals = 0 if number_type == QgsProcessingParameterNumber.Integer else 3
        known = Threshold(parameter.name(), "", 0.0, minimum, maximum, decimals)
    default = parameter.defaultValue()
    try:
        default = float(default)
    except (TypeError, ValueError):
        default = known.default
    # QgsProcessingParameterNumber's "no limit" bounds are +-1.79e308: keep the table's then
    minimum = minimum if abs(minimum) < 1e300 else known.minimum
    maximum = maximum if abs(maximum) < 1e300 else known.maximum
    return dataclasses.replace(known, minimum=minimum, maximum=maximum,
                               default=min(max(default, minimum), maximum))


try:  # the QGIS Processing plugin: present in QGIS, needed only for the algorithm dialogs
    from processing.gui.wrappers import DIALOG_BATCH, DIALOG_STANDARD, WidgetWrapper, dialogTypes
except ImportError:  # pragma: no cover - QGIS without its Processing plugin
    WidgetWrapper, DIALOG_STANDARD, DIALOG_BATCH, dialogTypes = object, None, None, {}


class StandardDialogWrapper(WidgetWrapper):
    """A Python widget wrapper for the standard algorithm dialog only: in the batch dialog and the graphical
    modeler, creating it returns the widget wrapper QGIS itself would have made (so that the batch table
    keeps its own widgets and expressions, and the modeler its choice of model inputs)."""

    def __new__(cls, param, dialog, row=0, col=0, **kwargs):
        dialog_name = dialog.__class__.__name__
        dialog_type = dialogTypes.get(dialog_name, DIALOG_STANDARD)
        if dialog_type != DIALOG_STANDARD:
            registry = QgsGui.processingGuiRegistry()
            if dialog_type == QgsProcessingGui.Modeler:
                wrapper = registry.createModelerParameterWidget(dialog.model, dialog.childId, param,
                                                                dialog.context)
            else:
                wrapper = registry.createParameterWidgetWrapper(param, dialog_type)
            if wrapper is not None:
                wrapper.setDialog(dialog)
                return wrapper
        return super().__new__(cls)

    def createLabel(self):  # noqa: N802 (QGIS API name)
        """The label as QGIS makes those of its own widgets: wrapped (a long label must not widen the dialog),
        "[optional]" in the user's language (QGIS's Python wrappers translate it in the context of their
        class, which a subclass changes)."""
        from qgis.core import QgsProcessingParameterDefinition
        from qgis.PyQt.QtCore import QCoreApplication
        from qgis.PyQt.QtWidgets import QLabel

        definition = self.parameterDefinition()
        text = definition.description()
        if definition.flags() & QgsProcessingParameterDefinition.FlagOptional:
            text = QCoreApplication.translate("QObject", "%1 [optional]").replace("%1", text)
        label = QLabel(text)
        label.setWordWrap(True)
        label.setToolTip(definition.name())
        return label


class ThresholdWidgetWrapper(StandardDialogWrapper):
    """The slider and spin box of a threshold in the Processing algorithm dialog.

    Threshold parameters declare ``{"widget_wrapper": {"class": "<plugin>.ui.widgets.
    ThresholdWidgetWrapper"}}``: Processing then creates this class for every kind of dialog. In the
    standard dialog it shows a :class:`ThresholdSlider`; in the batch dialog and the graphical modeler,
    QGIS's own number widget (:class:`StandardDialogWrapper`).

    A threshold that a preset sets (metadata ``neve_preset_parameter``) tells the preset's wrapper
    (:class:`PresetWidgetWrapper`) when the user changes it, which then chooses "custom values".
    """

    def __init__(self, *args, **kwargs):
        self.preset_wrapper = None
        super().__init__(*args, **kwargs)

    def createWidget(self, **kwargs):  # noqa: N802 (QGIS API name)
        threshold = threshold_for_parameter(self.parameterDefinition())
        widget = ThresholdSlider(threshold)
        widget.valueChanged.connect(self._changed_by_user)
        return widget

    def _changed_by_user(self, _name, _value):
        if self.preset_wrapper is not None:
            self.preset_wrapper.threshold_edited(self)
        self.widgetValueHasChanged.emit(self)

    def setValue(self, value):  # noqa: N802 (QGIS API name)
        if value is None or value == NULL:
            return
        try:
            number = float(value)
        except (TypeError, ValueError):
            return
        if not math.isfinite(number):
            return
        if self.preset_wrapper is not None:
            number = self.preset_wrapper.value_given(self, number)
        self.show_value(number)

    def show_value(self, number):
        """Show ``number`` without it counting as a change by the user."""
        if self.widget.value() != plain_value(self.widget.threshold, number):
            self.widget.setValue(number, emit=False)
            self.widgetValueHasChanged.emit(self)

    def value(self):
        return self.widget.value()


class PresetWidgetWrapper(StandardDialogWrapper):
    """The list of presets in the algorithm dialog, tied to the parameters the presets set.

    The preset parameter carries the table of its presets in its metadata (``neve_presets``: the option
    keys in order, the "custom values" key and each preset's values by parameter name). In the standard
    dialog, choosing a preset sets those parameters to its values, and a parameter changed by the user
    chooses "custom values". Values set by program (the history's "re-run", "Run on the whole product",
    ``processing.execAlgorithmDialog``) are shown as the run will use them, by the rule of
    ``plugin/pipeline/presets.py``: with a named preset, a value equal to its default shows the preset's
    value, and a value of its own chooses "custom values". (The preset parameter comes before the
    parameters it sets, so it is set first.) Elsewhere (batch, modeler) QGIS's own list is shown and the
    rule applies when the algorithm runs.
    """

    def __init__(self, *args, **kwargs):
        self.thresholds = {}      # parameter name -> its ThresholdWidgetWrapper
        self.resolving = None     # the named preset that values set by program are resolved against
        super().__init__(*args, **kwargs)

    @property
    def table(self):
        return self.parameterDefinition().metadata().get("neve_presets") or {}

    def createWidget(self, **kwargs):  # noqa: N802 (QGIS API name)
        from qgis.PyQt.QtWidgets import QComboBox

        widget = QComboBox()
        widget.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        for index, option in enumerate(self.parameterDefinition().options()):
            widget.addItem(option, index)
        widget.activated.connect(self._chosen_by_user)
        return widget

    def postInitialize(self, wrappers):  # noqa: N802 (QGIS API name)
        names = set(self.table.get("names", ()))
        for wrapper in wrappers:
            if isinstance(wrapper, ThresholdWidgetWrapper) and wrapper.parameterDefinition().name() in names:
                wrapper.preset_wrapper = self
                self.thresholds[wrapper.parameterDefinition().name()] = wrapper

    # -- the preset --------------------------------------------------------------------------------
    def key(self):
        options = self.table.get("options", ())
        index = self.widget.currentIndex()
        return options[index] if 0 <= index < len(options) else None

    def is_custom(self):
        return self.key() == self.table.get("custom")

    def choose(self, key):
        """Show the preset ``key`` without applying its values."""
        index = list(self.table.get("options", ())).index(key)
        if self.widget.currentIndex() != index:
            self.widget.setCurrentIndex(index)
            self.widgetValueHasChanged.emit(self)

    def apply(self, key):
        """Set the parameters to the values of the preset ``key``."""
        for name, value in self.table.get("values", {}).get(key, {}).items():
            if name in self.thresholds:
                self.thresholds[name].show_value(value)

    def _chosen_by_user(self, _index):
        self.resolving = None
        if not self.is_custom():
            self.apply(self.key())
        self.widgetValueHasChanged.emit(self)

    def threshold_edited(self, _wrapper):
        """The user changed a value the presets set: the values are now custom ones."""
        self.resolving = None
        if not self.is_custom():
            self.choose(self.table["custom"])

    def value_given(self, wrapper, number):
        """The value to show for ``number`` set by program on ``wrapper``'s parameter (the rule of
        ``pipeline/presets.py``)."""
        if self.resolving is None:
            return number
        name = wrapper.parameterDefinition().name()
        preset_value = self.table["values"][self.resolving][name]
        default = wrapper.parameterDefinition().defaultValue()
        if default is not None and abs(number - float(default)) <= 1e-6 * max(1.0, abs(float(default))):
            return preset_value
        if abs(number - preset_value) > 1e-6 * max(1.0, abs(preset_value)):
            self.choose(self.table["custom"])
        return number

    # -- the wrapper -------------------------------------------------------------------------------
    def setValue(self, value):  # noqa: N802 (QGIS API name)
        if value is None or value == NULL:
            return
        try:
            index = int(value)
        except (TypeError, ValueError):
            return
        if not 0 <= index < self.widget.count():
            return
        self.widget.setCurrentIndex(index)
        key = self.key()
        # a preset outside the table (computed from the product) leaves the values as they are given
        self.resolving = key if key in self.table.get("values", {}) else None
        if self.resolving is not None:
            self.apply(key)
        self.widgetValueHasChanged.emit(self)

    def value(self):
        return self.widget.currentIndex()


class ProductChooser(QWidget):
    """A product path (typed, pasted or dropped) and a "…" button that chooses a product file (.zip,
    metadata file) or a product folder (a Theia folder, an ESA .SAFE folder): a file dialog chooses one
    or the other, never both."""

    pathChanged = pyqtSignal(str)  # noqa: N815 (Qt naming)

    def __init__(self, file_filter="", parent=None):
        from qgis.gui import QgsFilterLineEdit
        from qgis.PyQt.QtWidgets import QMenu, QToolButton

        super().__init__(parent)
        self.file_filter = file_filter
        self.line_edit = QgsFilterLineEdit(self)
        self.line_edit.setShowClearButton(True)
        self.line_edit.setPlaceholderText(tr("A product: its folder, its .zip or its metadata file"))
        self.line_edit.textChanged.connect(self.pathChanged.emit)
        self.button = QToolButton(self)
        self.button.setText("…")
        self.button.setToolTip(tr("Choose a product file or a product folder"))
        self.button.setPopupMode(QToolButton.InstantPopup)
        menu = QMenu(self.button)
        self.file_action = menu.addAction(tr("Product File (.zip or Metadata)…"))
        self.file_action.triggered.connect(self.choose_file)
        self.folder_action = menu.addAction(tr("Product Folder…"))
        self.folder_action.triggered.connect(self.choose_folder)
        self.button.setMenu(menu)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.line_edit, 1)
        layout.addWidget(self.button)
        self.setAcceptDrops(True)

    def path(self):
        return self.line_edit.text().strip()

    def setPath(self, path):  # noqa: N802 (Qt naming)
        self.line_edit.setText(path or "")

    def _start_folder(self):
        from qgis.core import QgsSettings

        current = self.path()
        if current and os.path.exists(current):
            return os.path.dirname(current.rstrip("/\\"))
        return QgsSettings().value("/Processing/LastInputPath", "", type=str)

    def _remember(self, path):
        from qgis.core import QgsSettings

        QgsSettings().setValue("/Processing/LastInputPath", os.path.dirname(path.rstrip("/\\")))

    def choose_file(self):
        from qgis.PyQt.QtWidgets import QFileDialog

        path, _filter = QFileDialog.getOpenFileName(self, tr("Choose a Sentinel-2 L2A product"), self._start_folder(),
                                                    self.file_filter)
        if path:
            self._remember(path)
            self.setPath(path)

    def choose_folder(self):
        from qgis.PyQt.QtWidgets import QFileDialog

        path = QFileDialog.getExistingDirectory(self, tr("Choose a product folder"), self._start_folder())
        if path:
            self._remember(path)
            self.setPath(path)

    def dragEnterEvent(self, event):  # noqa: N802 (Qt naming)
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event):  # noqa: N802 (Qt naming)
        urls = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if urls:
            self.setPath(urls[0])
            event.acceptProposedAction()


class ProductWidgetWrapper(StandardDialogWrapper):
    """The product parameter (a file parameter of QGIS, which chooses files or folders, not both): in the
    standard dialog a :class:`ProductChooser`; in the batch dialog QGIS's own cell, and the column's
    "Autofill…" menu gets "Add Products from a Folder…" (:func:`extend_batch_autofill`)."""

    def __new__(cls, param, dialog, row=0, col=0, **kwargs):
        wrapper = super().__new__(cls, param, dialog, row, col, **kwargs)
        if not isinstance(wrapper, cls) and dialogTypes.get(dialog.__class__.__name__) == DIALOG_BATCH:
            from qgis.PyQt.QtCore import QTimer

            QTimer.singleShot(0, lambda: extend_batch_autofill(dialog, param.name()))
        return wrapper

    def createWidget(self, **kwargs):  # noqa: N802 (QGIS API name)
        widget = ProductChooser(self.parameterDefinition().createFileFilter())
        widget.pathChanged.connect(lambda _path: self.widgetValueHasChanged.emit(self))
        return widget

    def setValue(self, value):  # noqa: N802 (QGIS API name)
        if value is None or value == NULL:
            value = ""
        self.widget.setPath(str(value))

    def value(self):
        return self.widget.path() or None


def extend_batch_autofill(dialog, parameter_name):
    """Add "Add Products from a Folder…" to the "Autofill…" menu of the batch dialog's column of
    ``parameter_name``: each product found in a folder (``pipeline/naming.product_paths``) fills a row."""
    panel = dialog.mainWidget() if hasattr(dialog, "mainWidget") else None
    if panel is None or not hasattr(panel, "parameter_to_column"):
        return None
    column = panel.parameter_to_column.get(parameter_name)
    fill = panel.tblParameters.cellWidget(0, column) if column is not None else None
    if fill is None or getattr(fill, "neve_extended", False):
        return fill
    fill.neve_extended = True

    def add_action():
        action = fill.menu.addAction(tr("Add Products from a Folder…"))
        action.setToolTip(tr("Adds a row for each Sentinel-2 product (folder, .zip) found in a folder"))
        action.triggered.connect(lambda: fill_products(fill))

    fill.menu.aboutToShow.connect(add_action)  # after QGIS's own entries, made when the menu opens
    return fill


def fill_products(fill, folder=None):
    """Fill the batch column of ``fill`` (QGIS's "Autofill…" button) with the products of ``folder``
    (asked for when None), from its first empty row on. Returns the products."""
    from processing.tools import dataobjects
    from qgis.core import QgsSettings
    from qgis.PyQt.QtWidgets import QFileDialog

    from ..plugin.pipeline.naming import product_paths

    if folder is None:
        start = QgsSettings().value("/Processing/LastInputPath", "", type=str)
        folder = QFileDialog.getExistingDirectory(fill, tr("Folder of the products"), start)
        if not folder:
            return []
        QgsSettings().setValue("/Processing/LastInputPath", folder)
    products = product_paths(folder)
    context = dataobjects.createContext()
    first = 0
    for row in range(fill.panel.batchRowCount()):  # the first row without a product (QGIS counts NULL as one)
        wrapper = fill.panel.wrappers[row][fill.column]
        value = wrapper.parameterValue() if wrapper is not None else None
        if value is None or value == NULL or value == "":
            break
        first = row + 1
    for offset, path in enumerate(products):
        fill.setRowValue(first + offset, path, context)
    return products


class HistogramWidget(QWidget):
    """A histogram (bars) over a fixed x range with vertical threshold lines that can be dragged.

    :meth:`set_histogram` takes the counts and bin edges (as ``numpy.histogram`` returns them);
    :meth:`set_line` adds or moves a line. Dragging a line with the mouse emits ``lineMoved(name,
    value)`` for every position (the owner decides what the value does, usually moving a slider,
    which moves the line back here through :meth:`set_line`).
    """

    lineMoved = pyqtSignal(str, float)  # noqa: N815 (Qt naming)

    MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 6, 6, 16, 16
    PLOT_HEIGHT = 80   # pixels of the plot itself; the title above takes as many lines as it needs
    GRAB_DISTANCE = 5  # pixels either side of a line where the mouse takes it

    def __init__(self, title, x_range, parent=None):
        super().__init__(parent)
        self.title = title
        self.x_min, self.x_max = float(x_range[0]), float(x_range[1])
        self.counts = None
        self.edges = None
        self.lines = {}  # name -> (value, QColor, short label)
        self.dragging = None
        self.setMouseTracking(True)
        self.setMinimumSize(120, 90)
        policy = QSizePolicy(QSizePolicy.Expanding, QSizePolicy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def sizeHint(self):  # noqa: N802 (Qt naming)
        return QSize(300, self.heightForWidth(300))

    def hasHeightForWidth(self):  # noqa: N802 (Qt naming)
        return True

    def heightForWidth(self, width):  # noqa: N802 (Qt naming)
        return self.title_height(width) + self.PLOT_HEIGHT + self.MARGIN_BOTTOM

    def title_height(self, width=None):
        """The height of the title, wrapped to the width (never cut: "…zone visibl")."""
        width = self.width() if width is None else width
        available = max(40, width - self.MARGIN_LEFT - self.MARGIN_RIGHT)
        rect = QFontMetrics(self.font()).boundingRect(0, 0, available, 10000, Qt.TextWordWrap, self.title)
        return max(self.MARGIN_TOP, rect.height() + 2)

    # -- data ------------------------------------------------------------------------------------
    def set_histogram(self, counts, edges):
        """Show ``counts`` per bin between ``edges`` (``len(edges) == len(counts) + 1``); None clears."""
        if counts is None:
            self.counts = self.edges = None
        else:
            self.counts = [float(c) for c in counts]
            self.edges = [float(e) for e in edges]
        self.update()

    def set_line(self, name, value, colour="#d62728", label=None):
        self.lines[name] = (float(value), QColor(colour), label if label is not None else name)
        self.update()

    def line_value(self, name):
        return self.lines[name][0]

    # -- geometry --------------------------------------------------------------------------------
    def plot_rect(self):
        top = self.title_height()
        return QRectF(self.MARGIN_LEFT, top, max(1, self.width() - self.MARGIN_LEFT - self.MARGIN_RIGHT),
                      max(1, self.height() - top - self.MARGIN_BOTTOM))

    def x_for_value(self, value):
        """Widget x coordinate of ``value`` (clamped to the plot)."""
        rect = self.plot_rect()
        fraction = (min(max(value, self.x_min), self.x_max) - self.x_min) / (self.x_max - self.x_min)
        return rect.left() + fraction * rect.width()

    def value_for_x(self, x):
        rect = self.plot_rect()
        fraction = min(max((x - rect.left()) / rect.width(), 0.0), 1.0)
        return self.x_min + fraction * (self.x_max - self.x_min)

    def line_at(self, x):
        """The name of the line nearest to ``x`` within :data:`GRAB_DISTANCE` pixels, else None."""
        best, best_distance = None, self.GRAB_DISTANCE + 0.5
        for name, (value, _colour, _label) in self.lines.items():
            distance = abs(self.x_for_value(value) - x)
            if distance < best_distance:
                best, best_distance = name, distance
        return best

    # -- mouse -----------------------------------------------------------------------------------
    def mousePressEvent(self, event):  # noqa: N802 (Qt naming)
        name = self.line_at(event.pos().x()) if event.button() == Qt.LeftButton else None
        if name is None:
            return super().mousePressEvent(event)
        self.dragging = name
        event.accept()

    def mouseMoveEvent(self, event):  # noqa: N802 (Qt naming)
        if self.dragging is not None:
            value = self.value_for_x(event.pos().x())
            value_, colour, label = self.lines[self.dragging]
            self.lines[self.dragging] = (value, colour, label)
            self.update()
            self.lineMoved.emit(self.dragging, value)
            event.accept()
            return
        self.setCursor(Qt.SizeHorCursor if self.line_at(event.pos().x()) else Qt.ArrowCursor)
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event):  # noqa: N802 (Qt naming)
        if self.dragging is not None and event.button() == Qt.LeftButton:
            self.dragging = None
            event.accept()
            return
        super().mouseReleaseEvent(event)

    # -- painting --------------------------------------------------------------------------------
    def paintEvent(self, _event):  # noqa: N802 (Qt naming)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing, False)
        palette = self.palette()
        rect = self.plot_rect()
        painter.fillRect(self.rect(), palette.color(QPalette.Base))
        painter.setPen(palette.color(QPalette.Text))
        metrics = QFontMetrics(self.font())
        painter.drawText(QRectF(rect.left(), 0, rect.width(), rect.top()), Qt.AlignLeft | Qt.AlignVCenter |
                         Qt.TextWordWrap, self.title)
        painter.drawText(QRectF(rect.left(), rect.bottom(), rect.width(), self.MARGIN_BOTTOM),
                         Qt.AlignLeft | Qt.AlignVCenter, number(self.x_min))
        painter.drawText(QRectF(rect.left(), rect.bottom(), rect.width(), self.MARGIN_BOTTOM),
                         Qt.AlignRight | Qt.AlignVCenter, number(self.x_max))
        painter.setPen(QPen(palette.color(QPalette.Mid)))
        painter.drawRect(rect)

        if self.counts and max(self.counts) > 0:
            # square-root scale: the few pixels of snow or cloud stay visible next to a large mode
            top = math.sqrt(max(self.counts))
            bar_colour = palette.color(QPalette.Highlight)
            bar_colour.setAlpha(160)
            for count, left, right in zip(self.counts, self.edges[:-1], self.edges[1:]):
                if count <= 0 or right <= self.x_min or left >= self.x_max:
                    continue
                x0, x1 = self.x_for_value(left), self.x_for_value(right)
                height = rect.height() * math.sqrt(count) / top
                painter.fillRect(QRectF(x0, rect.bottom() - height, max(x1 - x0, 1.0), height), bar_colour)
        elif self.counts is not None:
            painter.setPen(palette.color(QPalette.Text))
            painter.drawText(rect, Qt.AlignCenter, tr("No pixel"))

        level_ends = []  # right end of the last label on each text row: labels of near lines stack
        for name, (value, colour, label) in sorted(self.lines.items(), key=lambda item: item[1][0]):
            x = self.x_for_value(value)
            pen = QPen(colour, 3 if name == self.dragging else 2)
            if value < self.x_min or value > self.x_max:
                pen.setStyle(Qt.DashLine)
            painter.setPen(pen)
            painter.drawLine(QPointF(x, rect.top()), QPointF(x, rect.bottom()))
            painter.setBrush(colour)
            painter.drawPolygon(QPolygonF([QPointF(x - 4, rect.top()), QPointF(x + 4, rect.top()),
                                           QPointF(x, rect.top() + 6)]))
            text_width = metrics.horizontalAdvance(label)
            text_x = min(max(x + 3, rect.left()), rect.right() - text_width)
            level = next((i for i, end in enumerate(level_ends) if text_x > end + 3), len(level_ends))
            if level == len(level_ends):
                level_ends.append(0)
            level_ends[level] = text_x + text_width
            baseline = rect.top() + 6 + metrics.ascent() + level * metrics.height()
            background = palette.color(QPalette.Base)
            background.setAlpha(200)  # the label stays readable over the bars and the other lines
            painter.fillRect(QRectF(text_x - 1, baseline - metrics.ascent(), text_width + 2, metrics.height()),
                             background)
            painter.drawText(QPointF(text_x, baseline), label)
        painter.end()
