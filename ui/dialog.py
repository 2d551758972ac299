"""Névé's algorithm dialog: QGIS's Processing dialog with what the Névé algorithms need in it.

``NeveAlgorithm.createCustomParametersWidget`` returns it, so the toolbox, the Raster › Névé menu, the
locator, the history's re-run and ``processing.execAlgorithmDialog`` all open it; batch runs and the
graphical modeler keep QGIS's own dialogs.

- The advanced parameters are shown in groups: the title of each group (parameter metadata
  ``neve_group``, from the declaration's ``Param.group``) above its first parameter.
- File outputs that are layers (the VRT stacks of ``neve:loadproduct``: the algorithm's
  ``LOADED_FILE_OUTPUTS``) are loaded when asked for, as raster outputs are: QGIS's dialog gives no
  "open output file" choice for a file output, so the stack is handed over with the project to load it
  into (a ``QgsProcessingOutputLayerDefinition``).
"""
from processing.gui.AlgorithmDialog import AlgorithmDialog
from qgis.core import QgsProcessingOutputLayerDefinition, QgsProject
from qgis.PyQt.QtWidgets import QLabel

from ..plugin.i18n import tr


class NeveAlgorithmDialog(AlgorithmDialog):

    def __init__(self, alg, in_place=False, parent=None):
        super().__init__(alg, in_place=in_place, parent=parent)
        self.group_titles = add_group_titles(self.mainWidget(), self.algorithm())

    def createProcessingParameters(self, include_default=True):  # noqa: N802 (QGIS API name)
        parameters = super().createProcessingParameters(include_default)
        for name in getattr(self.algorithm(), "LOADED_FILE_OUTPUTS", ()):
            value = parameters.get(name)
            if isinstance(value, str) and value:
                parameters[name] = QgsProcessingOutputLayerDefinition(value, QgsProject.instance())
        return parameters


def add_group_titles(panel, algorithm):
    """Put the title of each group of advanced parameters above its first parameter in ``panel`` (the
    dialog's ParametersPanel); returns the title labels by group."""
    titles = {}
    for definition in algorithm.parameterDefinitions():
        group = definition.metadata().get("neve_group")
        if not group or group in titles:
            continue
        wrapper = panel.wrappers.get(definition.name())
        anchor = parameter_label(wrapper)
        if anchor is None or anchor.parentWidget() is None or anchor.parentWidget().layout() is None:
            continue
        layout = anchor.parentWidget().layout()
        index = layout.indexOf(anchor)
        if index < 0:
            continue
        title = QLabel("<b>{}</b>".format(group))
        title.setObjectName("neve_group_title")
        title.setContentsMargins(0, 8 if index else 0, 0, 2)
        title.setToolTip(tr("Advanced parameters: {group}").format(group=group))
        layout.insertWidget(index, title)
        titles[group] = title
    return titles


def parameter_label(wrapper):
    """The label (or, without one, the widget) of a parameter's wrapper in the dialog."""
    if wrapper is None:
        return None
    label = getattr(wrapper, "label", None)
    if label is None and hasattr(wrapper, "wrappedLabel"):
        label = wrapper.wrappedLabel()
    if label is None:
        label = getattr(wrapper, "widget", None)
        if label is None and hasattr(wrapper, "wrappedWidget"):
            label = wrapper.wrappedWidget()
    return label
