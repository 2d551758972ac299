"""QGIS 3.22's batch dialog driven on two products, as a user runs it (issue 17).

QGIS 3.22's ``BatchAlgorithmDialog.loadHTMLResults`` calls ``resultsList.addResult`` without its
``timestamp`` for every ``QgsProcessingOutputHtml`` of the algorithm, and a file output whose filter is
HTML becomes one: the batch ended in ``TypeError: addResult() missing 'timestamp'`` after all files were
written, with the dialog blocked. Névé declares its reports as file outputs and puts them in the Results
Viewer itself. The batch dialog runs here for real: its table filled row by row, the Autofill menu of the
product column, its Run, its results.
"""
import datetime
import os

import pytest

from helpers import layer_tree
from synthetic import Scene, make_sen2cor_product, make_theia_product
from test_ui_widgets import dialogs_ready  # noqa: F401 (a fixture)


@pytest.fixture(scope="module")
def products(tmp_path_factory):
    """A Theia folder and a Sen2Cor .SAFE folder of two dates, side by side in one folder."""
    folder = tmp_path_factory.mktemp("products")
    scene = Scene.small(size=240)
    theia = make_theia_product(folder, scene)
    later = scene.replace(acquisition=datetime.datetime(2021, 7, 3, 10, 50, 31))
    sen2cor = make_sen2cor_product(folder, later)
    return str(folder), [theia, sen2cor]


def batch_dialog(algorithm_id):
    from processing.gui.BatchAlgorithmDialog import BatchAlgorithmDialog
    from qgis.core import QgsApplication

    return BatchAlgorithmDialog(QgsApplication.processingRegistry().createAlgorithmById(algorithm_id))


def set_row(panel, row, values):
    """Fill row ``row`` of the batch table: inputs through their widget wrappers, outputs in their cells."""
    from processing.tools import dataobjects

    context = dataobjects.createContext()
    while panel.batchRowCount() <= row:
        panel.addRow()
    for name, value in values.items():
        column = panel.parameter_to_column[name]
        wrapper = panel.wrappers[row][column]
        if wrapper is not None:
            wrapper.setParameterValue(value, context)
        else:
            panel.tblParameters.cellWidget(row + 1, column).setValue(value)


def test_batch_snow_maps_of_two_products_end_with_their_reports(neve_provider, dialogs_ready,  # noqa: F811
                                                                  products, qtbot, tmp_path):
    from processing.core.ProcessingResults import resultsList
    from qgis.core import QgsProject

    folder, paths = products
    dialog = batch_dialog("neve:snowmap")
    qtbot.addWidget(dialog)
    dialog.show()
    panel = dialog.mainWidget()
    panel.checkLoadLayersOnCompletion.setChecked(True)
    for row, product in enumerate(paths):
        set_row(panel, row, {"INPUT_PRODUCT": product, "OUTPUT": str(tmp_path / "snow{}.tif".format(row)),
                             "OUTPUT_HTML_FILE": str(tmp_path / "report{}.html".format(row))})
    before = len(resultsList.getResults())
    try:
        dialog.runAlgorithm()  # raised TypeError in QGIS 3.22 with an HTML output declared as such
        for row in range(2):
            assert os.path.exists(tmp_path / "snow{}.tif".format(row))
            assert os.path.exists(tmp_path / "report{}.html".format(row))
        added = resultsList.getResults()[before:]
        reports = [r for r in added if r.filename.endswith(".html") and "report" in os.path.basename(r.filename)]
        assert sorted(r.filename for r in reports) == [str(tmp_path / "report0.html"), str(tmp_path / "report1.html")]
        assert all(r.timestamp is not None for r in added)
        # each run's map in its product's group, named after it
        groups = dict(layer_tree(QgsProject.instance()))
        assert groups["T31TCH 2021-06-15"] == [("Snow map \u00b7 T31TCH 2021-06-15", True)]
        assert groups["T31TCH 2021-07-03"] == [("Snow map \u00b7 T31TCH 2021-07-03", True)]
        assert dialog.buttonBox().isEnabled() or dialog.runButton().isEnabled()  # the dialog is not blocked
    finally:
        QgsProject.instance().removeAllMapLayers()
        QgsProject.instance().layerTreeRoot().removeAllChildren()


def test_batch_autofill_adds_the_products_of_a_folder(neve_provider, dialogs_ready, products, qtbot):  # noqa: F811
    """Issue 17: the product column's Autofill menu offers the products of a folder (folders and .zip, which
    QGIS's own entries cannot give: they list files); each product fills a row."""
    from neve.ui.widgets import fill_products

    folder, paths = products
    dialog = batch_dialog("neve:refinecloudmask")
    qtbot.addWidget(dialog)
    panel = dialog.mainWidget()
    qtbot.wait(10)  # the entry is added once the dialog is built
    column = panel.parameter_to_column["INPUT_PRODUCT"]
    fill = panel.tblParameters.cellWidget(0, column)
    fill.menu.aboutToShow.emit()
    texts = [action.text() for action in fill.menu.actions()]
    assert "Add Products from a Folder…" in texts
    assert fill_products(fill, folder) == sorted(paths)
    assert [panel.valueForParameter(row, "INPUT_PRODUCT") for row in range(panel.batchRowCount())] == sorted(paths)


def test_a_script_leaves_the_results_viewer_alone(neve_provider, products, tmp_path):
    from processing.core.ProcessingResults import resultsList

    from helpers import run

    before = len(resultsList.getResults())
    result = run("neve:snowmap", {"INPUT_PRODUCT": products[1][0], "OUTPUT": str(tmp_path / "s.tif"),
                                  "OUTPUT_HTML_FILE": str(tmp_path / "r.html")})
    assert os.path.exists(result["OUTPUT_HTML_FILE"])
    assert len(resultsList.getResults()) == before
