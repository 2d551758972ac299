"""Threshold widgets: slider and spin box, their Processing wrapper in the three kinds of dialog, and the
histogram with draggable lines. Real widgets in a real QGIS (offscreen)."""
import os
import sys

import pytest
from qgis.core import QgsApplication, QgsProcessingAlgorithm, QgsProcessingProvider, QgsProcessingModelAlgorithm, QgsProcessingParameterString
from qgis.PyQt.QtCore import QPoint, QPointF, Qt

from conftest import ROOT


def make_algorithm(package="neve"):
    """A small algorithm declaring three thresholds of the table, as neve:snowmap will, registered
    in a provider of its own (the dialogs need the algorithm's provider)."""
    thresholds = __import__(package + ".plugin.pipeline.thresholds", fromlist=["threshold_param"])
    base = __import__(package + ".plugin.processing.parameters", fromlist=["qgis_parameter"])

    class ThresholdsAlgorithm(QgsProcessingAlgorithm):
        def createInstance(self):  # noqa: N802
            return ThresholdsAlgorithm()

        def name(self):
            return "thresholds_test"

        def displayName(self):  # noqa: N802
            return "Thresholds test"

        def initAlgorithm(self, config=None):  # noqa: N802
            self.addParameter(QgsProcessingParameterString("INPUT_PRODUCT", "Product", optional=True))
            for name in ("NDSI_PASS1", "DISTANCE", "SUNGLINT_ANGLE"):
                self.addParameter(base.qgis_parameter(thresholds.threshold_param(name)))

        def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
            return {}

    class TestProvider(QgsProcessingProvider):
        def id(self):
            return "nevetest" + package

        def name(self):
            return "Névé test"

        def loadAlgorithms(self):  # noqa: N802
            self.addAlgorithm(ThresholdsAlgorithm())

    registry = QgsApplication.processingRegistry()
    if "nevetest" + package not in _providers:
        _providers["nevetest" + package] = TestProvider()  # Python must keep a provider alive
        registry.addProvider(_providers["nevetest" + package])
    return registry.createAlgorithmById("nevetest{}:thresholds_test".format(package))


_providers = {}


@pytest.fixture
def dialogs_ready(qgis_processing_ready, qgis_iface, monkeypatch):
    """The Processing dialogs ask iface for the browser model, which pytest-qgis's iface lacks."""
    from qgis.gui import QgsBrowserGuiModel

    model = QgsBrowserGuiModel()
    monkeypatch.setattr(qgis_iface, "browserModel", lambda: model, raising=False)
    yield


@pytest.fixture(autouse=True, scope="module")
def _remove_test_providers():
    yield
    for provider_id in list(_providers):
        QgsApplication.processingRegistry().removeProvider(provider_id)
    _providers.clear()


# -- ThresholdSlider ------------------------------------------------------------------------------

@pytest.mark.parametrize("name, after_one_step", [
    ("NDSI_PASS1", 0.401),    # NDSI, 3 decimals: one step is 0.001
    ("RED_PASS2", 0.041),
    ("DISTANCE", 490),        # metres, no decimals: one step is 10 m
    ("SUNGLINT_ANGLE", 30.1),  # degrees, 1 decimal
])
def test_moving_the_slider_updates_the_spin_box_and_emits_the_value_once(qtbot, qgis_app, name,
                                                                          after_one_step):
    from neve.plugin.pipeline.thresholds import THRESHOLDS
    from neve.ui.widgets import ThresholdSlider

    widget = ThresholdSlider(THRESHOLDS[name])
    qtbot.addWidget(widget)
    assert widget.value() == THRESHOLDS[name].default
    received = []
    widget.valueChanged.connect(lambda *args: received.append(args))
    qtbot.keyClick(widget.slider, Qt.Key_Right)
    assert received == [(name, after_one_step)]
    assert widget.value() == after_one_step
    assert widget.spin_box.value() == pytest.approx(after_one_step)
    assert type(widget.value()) is type(after_one_step)  # int for metres, float otherwise


def test_typing_in_the_spin_box_moves_the_slider_to_the_nearest_step(qtbot, qgis_app):
    from neve.plugin.pipeline.thresholds import THRESHOLDS
    from neve.ui.widgets import ThresholdSlider

    widget = ThresholdSlider(THRESHOLDS["DISTANCE"])
    qtbot.addWidget(widget)
    received = []
    widget.valueChanged.connect(lambda n, v: received.append((n, v)))
    widget.spin_box.lineEdit().selectAll()
    qtbot.keyClicks(widget.spin_box.lineEdit(), "245")
    assert received == []  # no value while typing: the preview must not chase half-typed numbers
    qtbot.keyClick(widget.spin_box.lineEdit(), Qt.Key_Return)
    assert received == [("DISTANCE", 245)]
    assert widget.value() == 245
    # steps of 10 m from 0: 245 m lies between positions 24 and 25; Qt rounds half away from zero
    assert widget.slider.value() in (24, 25)


def test_values_are_clamped_rounded_and_programmatic_changes_can_stay_silent(qtbot, qgis_app):
    from neve.plugin.pipeline.thresholds import THRESHOLDS
    from neve.ui.widgets import ThresholdSlider

    widget = ThresholdSlider(THRESHOLDS["NDSI_PASS2"])
    qtbot.addWidget(widget)
    received = []
    widget.valueChanged.connect(lambda n, v: received.append(v))
    widget.setValue(3.0)
    assert widget.value() == 1.0 and widget.slider.value() == widget.slider.maximum() == 2000
    widget.setValue(-0.12345)
    assert widget.value() == -0.123 and widget.slider.value() == 877  # (-0.123 - -1) / 0.001
    widget.setValue(0.5, emit=False)
    assert received == [1.0, -0.123]
    widget.setValue(0.5)  # no change, no signal
    assert received == [1.0, -0.123]


def test_tooltip_gives_label_unit_range_and_help(qtbot, qgis_app):
    from neve.plugin.pipeline.thresholds import THRESHOLDS
    from neve.ui.widgets import ThresholdSlider

    widget = ThresholdSlider(THRESHOLDS["DISTANCE"])
    qtbot.addWidget(widget)
    text = widget.spin_box.toolTip()
    assert "Buffer distance" in text and "(m)" in text
    assert "From 0 to 5000, default 480." in text
    assert "480 m since February 2018" in text
    assert widget.spin_box.suffix() == " m"


# -- ThresholdWidgetWrapper in the Processing dialogs ---------------------------------------------

def test_the_algorithm_dialog_shows_sliders_and_passes_plain_numbers(qtbot, dialogs_ready):
    from processing.gui.AlgorithmDialog import AlgorithmDialog

    from neve.ui.widgets import ThresholdSlider, ThresholdWidgetWrapper

    dialog = AlgorithmDialog(make_algorithm())
    qtbot.addWidget(dialog)
    panel = dialog.mainWidget()
    wrapper = panel.wrappers["DISTANCE"]
    assert isinstance(wrapper, ThresholdWidgetWrapper)
    assert isinstance(wrapper.widget, ThresholdSlider)
    assert isinstance(panel.wrappers["NDSI_PASS1"].widget, ThresholdSlider)

    parameters = panel.createProcessingParameters()
    assert parameters["DISTANCE"] == 480 and parameters["NDSI_PASS1"] == 0.4
    assert parameters["SUNGLINT_ANGLE"] == 30.0

    with qtbot.waitSignal(wrapper.widgetValueHasChanged):
        qtbot.keyClick(wrapper.widget.slider, Qt.Key_Left)
    assert panel.createProcessingParameters()["DISTANCE"] == 470

    # prefilled as "Run on the whole product" and the history's "re-run" do
    panel.setParameters({"DISTANCE": 240, "NDSI_PASS1": "0.35", "SUNGLINT_ANGLE": None})
    parameters = panel.createProcessingParameters()
    assert parameters["DISTANCE"] == 240 and parameters["NDSI_PASS1"] == 0.35
    assert parameters["SUNGLINT_ANGLE"] == 30.0  # None leaves the value alone
    assert wrapper.widget.slider.value() == 24


def test_the_batch_dialog_keeps_the_qgis_number_widgets(qtbot, dialogs_ready):
    from processing.gui.BatchAlgorithmDialog import BatchAlgorithmDialog
    from processing.tools import dataobjects
    from processing.gui.wrappers import WidgetWrapper
    from qgis.gui import QgsAbstractProcessingParameterWidgetWrapper

    from neve.ui.widgets import ThresholdWidgetWrapper

    dialog = BatchAlgorithmDialog(make_algorithm())
    qtbot.addWidget(dialog)
    panel = dialog.mainWidget()
    row = panel.wrappers[0]
    column = panel.parameter_to_column["DISTANCE"]
    wrapper = row[column]
    assert not isinstance(wrapper, (ThresholdWidgetWrapper, WidgetWrapper))
    assert isinstance(wrapper, QgsAbstractProcessingParameterWidgetWrapper)
    assert wrapper.parameterValue() == 480
    wrapper.setParameterValue(300, dataobjects.createContext())
    assert wrapper.parameterValue() == 300


def test_the_modeler_keeps_the_qgis_number_widgets(qtbot, dialogs_ready):
    from processing.modeler.ModelerParametersDialog import ModelerParametersDialog
    from qgis.gui import QgsProcessingModelerParameterWidget

    model = QgsProcessingModelAlgorithm("m", "g")
    dialog = ModelerParametersDialog(make_algorithm(), model)
    qtbot.addWidget(dialog)
    wrapper = dialog.widget.widget.wrappers["DISTANCE"]
    assert isinstance(wrapper, QgsProcessingModelerParameterWidget)
    child = dialog.createAlgorithm()
    source = child.parameterSources()["DISTANCE"][0]
    assert source.staticValue() == 480


def test_the_wrapper_is_found_when_the_plugin_folder_has_another_name(qtbot, dialogs_ready,
                                                                     tmp_path):
    from processing.gui.AlgorithmDialog import AlgorithmDialog

    os.symlink(ROOT, str(tmp_path / "neve_renamed"))
    sys.path.insert(0, str(tmp_path))
    try:
        algorithm = make_algorithm("neve_renamed")
        metadata = algorithm.parameterDefinition("DISTANCE").metadata()
        assert metadata["widget_wrapper"]["class"] == "neve_renamed.ui.widgets.ThresholdWidgetWrapper"
        dialog = AlgorithmDialog(algorithm)
        qtbot.addWidget(dialog)
        wrapper = dialog.mainWidget().wrappers["DISTANCE"]
        assert type(wrapper).__module__ == "neve_renamed.ui.widgets"
        assert dialog.mainWidget().createProcessingParameters()["DISTANCE"] == 480
    finally:
        sys.path.remove(str(tmp_path))
        for module in [m for m in sys.modules if m == "neve_renamed" or m.startswith("neve_renamed.")]:
            del sys.modules[module]


# -- HistogramWidget ------------------------------------------------------------------------------

def drag(widget, start, end):
    """Press the left button at ``start``, move to ``end`` with the button held, release there.
    (QTest's mouseMove sends no button state, so the events are sent as a window system would.)"""
    from qgis.PyQt.QtCore import QEvent
    from qgis.PyQt.QtGui import QMouseEvent
    from qgis.PyQt.QtWidgets import QApplication

    for kind, pos, button, buttons in ((QEvent.MouseButtonPress, start, Qt.LeftButton, Qt.LeftButton),
                                       (QEvent.MouseMove, end, Qt.NoButton, Qt.LeftButton),
                                       (QEvent.MouseButtonRelease, end, Qt.LeftButton, Qt.NoButton)):
        QApplication.sendEvent(widget, QMouseEvent(kind, QPointF(pos), button, buttons, Qt.NoModifier))


def test_dragging_a_histogram_line_reports_the_value_under_the_mouse(qtbot, qgis_app):
    from neve.ui.widgets import HistogramWidget

    widget = HistogramWidget("NDSI", (-1.0, 1.0))
    qtbot.addWidget(widget)
    widget.resize(212, 100)  # plot 200 px wide: margins of 6 px, so x = 6 + (v + 1) * 100
    widget.set_histogram([5, 0, 20, 1], [-1.0, -0.5, 0.0, 0.5, 1.0])
    widget.set_line("NDSI_PASS1", 0.4)
    widget.set_line("NDSI_PASS2", 0.15)
    widget.show()
    assert widget.x_for_value(0.4) == pytest.approx(146.0)
    received = []
    widget.lineMoved.connect(lambda name, value: received.append((name, value)))

    drag(widget, QPoint(147, 50), QPoint(166, 50))  # taken 1 px from the pass-1 line
    assert received and received[-1][0] == "NDSI_PASS1"
    assert received[-1][1] == pytest.approx(0.6)  # (166 - 6) / 100 - 1
    assert widget.line_value("NDSI_PASS1") == pytest.approx(0.6)
    assert widget.line_value("NDSI_PASS2") == 0.15

    received.clear()  # far from any line: nothing to drag
    drag(widget, QPoint(30, 50), QPoint(40, 50))
    assert received == []
    widget.grab()  # paints without error, lines and bars included


def test_the_neve_algorithms_show_their_thresholds_as_sliders(qtbot, dialogs_ready, neve_provider):
    from processing.gui.AlgorithmDialog import AlgorithmDialog

    from neve.plugin.pipeline.thresholds import THRESHOLDS
    from neve.ui.widgets import ThresholdSlider

    checked = 0
    for algorithm in neve_provider.algorithms():
        names = [p.name() for p in algorithm.parameterDefinitions() if p.metadata().get("neve_threshold")]
        if not names:
            continue
        dialog = AlgorithmDialog(algorithm.create())
        qtbot.addWidget(dialog)
        parameters = dialog.mainWidget().createProcessingParameters()
        for name in names:
            assert isinstance(dialog.mainWidget().wrappers[name].widget, ThresholdSlider), (algorithm.id(), name)
            assert parameters[name] == algorithm.parameterDefinition(name).defaultValue()
            assert name in THRESHOLDS
        checked += 1
    if checked == 0:
        pytest.skip("no algorithm of this version declares thresholds of the table")


def test_nothing_is_cut_in_a_narrow_panel(qtbot, qgis_app):
    """Issue 17: a spin box keeps its whole value beside the clear button it shows off its default ("0.90(",
    "240 r"), and a histogram title too long for the width wraps instead of being cut ("…zone visibl")."""
    from neve.plugin.pipeline.thresholds import THRESHOLDS
    from neve.ui.widgets import SPIN_BOX_CHROME, HistogramWidget, ThresholdSlider

    for name in ("DISTANCE", "NDSI_PASS1", "THRESHOLD_SUNGLINT", "SUNGLINT_ANGLE"):
        widget = ThresholdSlider(THRESHOLDS[name])
        qtbot.addWidget(widget)
        widget.resize(240, 30)
        widget.setValue(THRESHOLDS[name].maximum)  # off the default: the clear button shows
        widget.show()
        box = widget.spin_box
        assert box.width() >= box.fontMetrics().horizontalAdvance(box.text()) + SPIN_BOX_CHROME, name
    title = "Réflectance rouge de la zone visible"
    histogram = HistogramWidget(title, (0.0, 1.0))
    qtbot.addWidget(histogram)
    one_line = histogram.fontMetrics().height()
    wide, narrow = histogram.heightForWidth(1000), histogram.heightForWidth(150)
    assert narrow >= wide + one_line - 2  # a second line for the title at 150 pixels
