"""The Névé algorithm dialogs as a user meets them in the real QGIS (offscreen), issue 17: presets that set
their values and an edited value that chooses custom values, the product chooser (file or folder), the
inputs checked before a run, the advanced groups, the numbers' decimals, the help button."""
import numpy as np
import pytest
from qgis.core import QgsApplication
from qgis.PyQt.QtCore import Qt

from helpers import read_raster, run
from synthetic import Scene, make_theia_product
from test_ui_widgets import dialogs_ready  # noqa: F401 (a fixture)

PRESETS = ("theia_2018", "theia_2017", "no_buffer", "custom")


@pytest.fixture(scope="module")
def theia(tmp_path_factory):
    return make_theia_product(tmp_path_factory.mktemp("dialogs"), Scene.small(size=240))


def neve_dialog(algorithm_id, qtbot):
    algorithm = QgsApplication.processingRegistry().algorithmById(algorithm_id)
    dialog = algorithm.createCustomParametersWidget(None)
    qtbot.addWidget(dialog)
    return dialog


def recipe(parameters):
    return (parameters["PRESET"], parameters["DISTANCE"], parameters["THRESHOLD"], parameters["THRESHOLD_SUNGLINT"],
            parameters["SUNGLINT_ANGLE"])


def choose(wrapper, key):
    """Choose a preset in the list as a user does (the list's ``activated`` signal)."""
    index = PRESETS.index(key)
    wrapper.widget.setCurrentIndex(index)
    wrapper.widget.activated.emit(index)


def test_choosing_a_preset_sets_its_values_and_editing_one_chooses_custom(neve_provider, dialogs_ready,  # noqa: F811
                                                                          qtbot):
    from neve.ui.dialog import NeveAlgorithmDialog
    from neve.ui.widgets import PresetWidgetWrapper, ThresholdSlider

    dialog = neve_dialog("neve:refinecloudmask", qtbot)
    assert isinstance(dialog, NeveAlgorithmDialog)
    panel = dialog.mainWidget()
    preset = panel.wrappers["PRESET"]
    assert isinstance(preset, PresetWidgetWrapper)
    assert recipe(panel.createProcessingParameters()) == (0, 480, 0.04, 0.16, 30.0)

    choose(preset, "theia_2017")
    assert recipe(panel.createProcessingParameters()) == (1, 240, 0.08, 0.25, 30.0)
    assert isinstance(panel.wrappers["DISTANCE"].widget, ThresholdSlider)
    assert panel.wrappers["DISTANCE"].widget.spin_box.value() == 240  # what the user sees
    choose(preset, "no_buffer")
    assert recipe(panel.createProcessingParameters()) == (2, 0, 0.04, 0.16, 30.0)

    # the user moves the buffer's slider: the values are custom ones now, the others kept
    qtbot.keyClick(panel.wrappers["DISTANCE"].widget.slider, Qt.Key_Right)
    assert recipe(panel.createProcessingParameters()) == (3, 10, 0.04, 0.16, 30.0)
    # choosing "custom values" keeps the values; choosing a preset again sets its own
    choose(preset, "custom")
    assert recipe(panel.createProcessingParameters()) == (3, 10, 0.04, 0.16, 30.0)
    choose(preset, "theia_2018")
    assert recipe(panel.createProcessingParameters()) == (0, 480, 0.04, 0.16, 30.0)
    # typing a value in a spin box chooses custom values too
    spin_box = panel.wrappers["THRESHOLD"].widget.spin_box
    spin_box.setValue(0.05)
    assert recipe(panel.createProcessingParameters()) == (3, 480, 0.05, 0.16, 30.0)


@pytest.mark.parametrize("given, shown", [
    # re-run from the history, Run on the whole product, processing.execAlgorithmDialog: the dialog shows
    # what the run will use (the rule of pipeline/presets.py)
    ({"PRESET": 1, "DISTANCE": 480, "THRESHOLD": 0.04, "THRESHOLD_SUNGLINT": 0.16}, (1, 240, 0.08, 0.25, 30.0)),
    ({"PRESET": 0, "DISTANCE": 1000}, (3, 1000, 0.04, 0.16, 30.0)),
    ({"PRESET": 1, "DISTANCE": 100, "THRESHOLD": 0.04}, (3, 100, 0.08, 0.25, 30.0)),
    ({"PRESET": 3, "DISTANCE": 100, "THRESHOLD": 0.06}, (3, 100, 0.06, 0.16, 30.0)),
    ({"PRESET": 2}, (2, 0, 0.04, 0.16, 30.0)),
])
def test_values_set_by_program_show_what_the_run_uses(neve_provider, dialogs_ready, theia, qtbot,  # noqa: F811
                                                      tmp_path, given, shown):
    dialog = neve_dialog("neve:refinecloudmask", qtbot)
    dialog.setParameters(given)
    parameters = dialog.mainWidget().createProcessingParameters()
    assert recipe(parameters) == shown
    # the dialog's values run to the same mask as the values given
    common = {"INPUT_PRODUCT": theia, "SHADOWS": False}
    direct = run("neve:refinecloudmask", dict(given, OUTPUT=str(tmp_path / "a.tif"),
                                              OUTPUT_CLASSES=str(tmp_path / "ac.tif"), **common))
    from_dialog = run("neve:refinecloudmask", dict({k: parameters[k] for k in given if k in parameters},
                                                   DISTANCE=parameters["DISTANCE"], THRESHOLD=parameters["THRESHOLD"],
                                                   THRESHOLD_SUNGLINT=parameters["THRESHOLD_SUNGLINT"],
                                                   PRESET=parameters["PRESET"], OUTPUT=str(tmp_path / "b.tif"),
                                                   OUTPUT_CLASSES=str(tmp_path / "bc.tif"), **common))
    assert np.array_equal(read_raster(direct["OUTPUT"]), read_raster(from_dialog["OUTPUT"]))


def test_batch_and_modeler_keep_the_qgis_preset_list(neve_provider, dialogs_ready, qtbot):  # noqa: F811
    from processing.gui.BatchAlgorithmDialog import BatchAlgorithmDialog
    from processing.gui.wrappers import WidgetWrapper
    from qgis.gui import QgsAbstractProcessingParameterWidgetWrapper

    algorithm = QgsApplication.processingRegistry().createAlgorithmById("neve:refinecloudmask")
    dialog = BatchAlgorithmDialog(algorithm)
    qtbot.addWidget(dialog)
    panel = dialog.mainWidget()
    for name in ("PRESET", "DISTANCE", "INPUT_PRODUCT"):
        wrapper = panel.wrappers[0][panel.parameter_to_column[name]]
        assert isinstance(wrapper, QgsAbstractProcessingParameterWidgetWrapper)
        assert not isinstance(wrapper, WidgetWrapper)
    threshold = panel.wrappers[0][panel.parameter_to_column["THRESHOLD"]].wrappedWidget()
    assert threshold.decimals() == 3  # "0.040", not "0.040000"


def test_the_product_is_a_file_or_a_folder_and_an_input_is_needed(neve_provider, dialogs_ready, theia,  # noqa: F811
                                                                   qtbot, monkeypatch):
    from qgis.core import QgsProcessingContext
    from qgis.PyQt.QtWidgets import QFileDialog

    from neve.ui.widgets import ProductChooser

    dialog = neve_dialog("neve:snowmap", qtbot)
    panel = dialog.mainWidget()
    chooser = panel.wrappers["INPUT_PRODUCT"].widget
    assert isinstance(chooser, ProductChooser)
    texts = [action.text() for action in chooser.button.menu().actions()]
    assert texts == ["Product File (.zip or Metadata)…", "Product Folder…"]
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args, **kwargs: theia)
    chooser.folder_action.trigger()
    assert panel.createProcessingParameters()["INPUT_PRODUCT"] == theia
    assert "or the layers below" in dialog.algorithm().parameterDefinition("INPUT_PRODUCT").description()
    algorithm = dialog.algorithm()
    ok, message = algorithm.checkParameterValues({"OUTPUT": "TEMPORARY_OUTPUT"}, QgsProcessingContext())
    assert not ok and message.startswith("No input: give a Sentinel-2 L2A product, or the layers (Green band (B3)")
    ok, _message = algorithm.checkParameterValues({"INPUT_PRODUCT": theia, "OUTPUT": "TEMPORARY_OUTPUT"},
                                                  QgsProcessingContext())
    assert ok


def test_snowmap_dialog_is_light_titled_and_has_help(neve_provider, dialogs_ready, qtbot):  # noqa: F811
    from qgis.core import QgsProcessingParameterDefinition

    dialog = neve_dialog("neve:snowmap", qtbot)
    algorithm = dialog.algorithm()
    ordinary = [p.name() for p in algorithm.parameterDefinitions()
                if not p.isDestination() and not p.flags() & QgsProcessingParameterDefinition.FlagAdvanced]
    assert ordinary == ["INPUT_PRODUCT", "CLOUD_MASK", "CLOUD_MASK_TYPE", "DEM", "NDSI_PASS1", "RED_PASS1",
                        "NDSI_PASS2", "RED_PASS2", "RED_DARKCLOUD", "RED_BACKTOCLOUD"]
    assert list(dialog.group_titles) == ["Layers instead of a product", "Snowline and pass 2 (LIS)",
                                         "Water and shaded snow", "Fractional snow cover",
                                         "LIS options (off by default)", "Other LIS settings"]
    panel = dialog.mainWidget()
    assert panel.wrappers["DZ"].wrappedWidget().decimals() == 0
    assert panel.wrappers["FSNOW_LIM"].wrappedWidget().decimals() == 3
    assert panel.wrappers["REFLECTANCE_SCALE"].wrappedWidget().decimals() == 2
    assert "FCLEAR_LIM" not in algorithm.shortHelpString() and "DZ metres" not in algorithm.shortHelpString()
    assert algorithm.helpUrl().endswith("#neve-snowmap")
    season = QgsApplication.processingRegistry().algorithmById("neve:snowseason")
    labels = [p.description() for p in season.parameterDefinitions()]
    assert "Snow cover duration (SCD), days" in labels and not any(label.startswith("What NSP") for label in labels)


def test_every_algorithm_with_presets_sets_them_in_its_dialog(neve_provider, dialogs_ready, qtbot):  # noqa: F811
    """The same preset behaviour for every algorithm that declares presets (``AlgorithmSpec.presets``)."""
    from neve.ui.widgets import PresetWidgetWrapper

    with_presets = [a for a in neve_provider.algorithms() if a.spec.presets is not None]
    assert "refinecloudmask" in [a.name() for a in with_presets]
    for algorithm in with_presets:
        table = algorithm.spec.presets
        dialog = neve_dialog(algorithm.id(), qtbot)
        panel = dialog.mainWidget()
        wrapper = panel.wrappers[table.parameter]
        assert isinstance(wrapper, PresetWidgetWrapper)
        keys = algorithm.spec.parameter(table.parameter).option_keys
        for key, values in table.values.items():
            index = keys.index(key)
            wrapper.widget.setCurrentIndex(index)
            wrapper.widget.activated.emit(index)
            parameters = panel.createProcessingParameters()
            assert parameters[table.parameter] == index
            assert {name: parameters[name] for name in values} == pytest.approx(values)
