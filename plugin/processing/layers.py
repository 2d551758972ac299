"""How the outputs of a run arrive in the Layers panel: named after the scene, grouped, ordered, the raw
ones unchecked.

Each run's loaded outputs go into the group of its scene ("T31TCH 2021-06-15", ``pipeline/naming.py``), a
group that later runs on the same scene reuse: the newest run's layers on top, in the order its adapter
loads them (the styled result first, masks above images), the styled layers visible, the raw ones (bit
masks, the 20 m stack, the NDSI) present but unchecked, the legend of the run's main layer expanded. Layer
names say what the layer is first, then the scene ("Snow map · T31TCH 2021-06-15"), and are unique in the
project ("… (2)" for a second run).

An adapter's ``postprocess`` asks :class:`OutputRun` (``self.output_run(...)`` of ``base.py``) to
:meth:`~OutputRun.load` each output with its style (``styles.py``); nothing happens for an output QGIS
will not load (batch runs without loading, models, scripts, ``qgis_process``).

:func:`rename_temporary_outputs` gives temporary output files the same words ("snow_map_T31TCH_2021-06-15
.tif" instead of QGIS's "OUTPUT.tif"), so that the next run's report names its input usefully.
"""
import uuid

from qgis.core import (
    QgsLayerTreeGroup,
    QgsLayerTreeLayer,
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingUtils,
    QgsProject,
)

from ..pipeline import naming

RUN_PROPERTY = "neve/run"      # layer tree custom properties: the run a layer comes from,
RANK_PROPERTY = "neve/rank"    # its place among the run's layers,
SCENE_PROPERTY = "neve/scene"  # and the scene of a group


def is_temporary(value):
    """Whether a destination parameter's value asks for a temporary file."""
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        value = value.sink.staticValue()
    return isinstance(value, str) and value == QgsProcessing.TEMPORARY_OUTPUT


def rename_temporary_outputs(spec, values, parameters, context):
    """``values`` with the temporary output files named after what they hold and the scene
    ("snow_map_T31TCH_2021-06-15.tif" in QGIS's temporary folder of that output); the layers QGIS will
    load follow."""
    scene = naming.run_label(spec, values)
    renamed = dict(values)
    for parameter in spec.destinations:
        old = values.get(parameter.name)
        if not old or not is_temporary(parameters.get(parameter.name)):
            continue
        new = naming.renamed(old, parameter.label, scene)
        if new == old:
            continue
        renamed[parameter.name] = new
        if context.willLoadLayerOnCompletion(old):
            layers = context.layersToLoadOnCompletion()
            layers[new] = layers.pop(old)
            context.setLayersToLoadOnCompletion(layers)
    return renamed


class OutputRun:
    """The loading of one run's outputs: :meth:`load` them in the order they are to be shown, top first."""

    def __init__(self, spec, values, parameters, context, scene=None):
        self.spec, self.values, self.parameters, self.context = spec, values, parameters, context
        self.scene = scene if scene is not None else naming.run_label(spec, values)
        self.run_id = uuid.uuid4().hex
        self.rank = 0
        self.expanded_one = False

    def label(self, name):
        return self.spec.parameter(name).label

    def load(self, name, style=None, label=None, visible=True):
        """Style, name and place output ``name`` (a layer output: QGIS decides whether it loads it).
        Returns whether it will be loaded."""
        path = self.values.get(name)
        rank = self._next_rank()
        if not path or not self.context.willLoadLayerOnCompletion(path):
            return False
        details = self.context.layerToLoadOnCompletionDetails(path)
        details.setPostProcessor(self._post_processor(style, label or self.label(name), rank, visible))
        return True

    def load_file(self, name, project, style=None, label=None, visible=True, hint=None, path=None):
        """Load the file output ``name`` (a VRT, which QGIS does not load by itself; or ``path``, a file
        the algorithm chose) into ``project``."""
        path = path or self.values.get(name)
        rank = self._next_rank()
        if not path or project is None:
            return False
        label = label or self.label(name)
        details = QgsProcessingContext.LayerDetails(naming.layer_name(label, self.scene), project, name,
                                                    hint or QgsProcessingUtils.LayerHint.Raster)
        details.setPostProcessor(self._post_processor(style, label, rank, visible))
        self.context.addLayerToLoadOnCompletion(path, details)
        return True

    def destination_project(self, name):
        """The project an output will be loaded into: the one its value names (an output layer definition
        with a destination project) or the one of the other outputs QGIS will load; None when nothing is
        loaded (batch runs without loading, models, scripts, ``qgis_process``)."""
        value = self.parameters.get(name)
        if isinstance(value, QgsProcessingOutputLayerDefinition) and value.destinationProject is not None:
            return value.destinationProject
        for parameter in self.spec.destinations:
            path = self.values.get(parameter.name)
            if path and self.context.willLoadLayerOnCompletion(path):
                return self.context.layerToLoadOnCompletionDetails(path).project
        return None

    def _next_rank(self):
        self.rank += 1
        return self.rank - 1

    def _post_processor(self, style, label, rank, visible):
        expanded = visible and not self.expanded_one
        self.expanded_one = self.expanded_one or expanded
        return OutputLayer(style, naming.layer_name(label, self.scene), self.scene, self.run_id, rank, visible,
                           expanded)


class OutputLayer(QgsProcessingLayerPostProcessorInterface):
    """Style, name and place a loaded output (see the module's description)."""

    # QGIS keeps only a C++ pointer to a post-processor: Python must keep the object alive.
    _alive = []

    def __init__(self, style, name, scene, run_id, rank, visible, expanded):
        super().__init__()
        self.style, self.name, self.scene = style, name, scene
        self.run_id, self.rank, self.visible, self.expanded = run_id, rank, visible, expanded
        OutputLayer._alive.append(self)

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 (QGIS API name)
        if not layer.isValid():
            return
        if self.style is not None:
            self.style(layer)
        project = layer_project(layer, context)
        if project is None:
            layer.setName(self.name)
            return
        taken = {other.name() for other in project.mapLayers().values() if other.id() != layer.id()}
        layer.setName(naming.unique_name(self.name, taken))
        place(project.layerTreeRoot(), layer, self.scene, self.run_id, self.rank, self.visible, self.expanded)


def layer_project(layer, context):
    """The project ``layer`` was loaded into: the context's, else QGIS's own (no reference is kept: a
    post-processor lives as long as QGIS)."""
    for project in (context.project(), QgsProject.instance()):
        if project is not None and project.mapLayer(layer.id()) is not None:
            return project
    return None


def place(root, layer, scene, run_id, rank, visible, expanded):
    """Move ``layer``'s node into the group of ``scene`` (made where the layer was put when there is none):
    after the layers of run ``run_id`` of a lower ``rank``, above everything else. (In the desktop QGIS puts
    a new layer above the current one, which may be in that group already. The new node is inserted before
    the old one is removed: QGIS removes from the project a layer left without a node.)"""
    node = root.findLayer(layer.id())
    if node is None:
        return None
    group = scene_group(root, scene)
    if group is None:
        # where QGIS put the layer, but never inside the group of another scene
        parent, above = node.parent() or root, node
        while parent is not root and parent.customProperty(SCENE_PROPERTY) is not None:
            parent, above = parent.parent() or root, parent
        group = parent.insertGroup(max(0, parent.children().index(above)), scene or layer.name())
        group.setCustomProperty(SCENE_PROPERTY, scene)
    position = 0
    for index, child in enumerate(group.children()):
        if isinstance(child, QgsLayerTreeLayer) and child.layerId() == layer.id():
            continue  # the node QGIS made, about to go
        if child.customProperty(RUN_PROPERTY) == run_id and int(child.customProperty(RANK_PROPERTY, 0)) < rank:
            position = index + 1
        else:
            break
    moved = QgsLayerTreeLayer(layer)
    moved.setCustomProperty(RUN_PROPERTY, run_id)
    moved.setCustomProperty(RANK_PROPERTY, rank)
    group.insertChildNode(position, moved)
    node.parent().removeChildNode(node)
    moved.setItemVisibilityChecked(visible)
    moved.setExpanded(expanded)
    group.setItemVisibilityChecked(True)
    group.setExpanded(True)
    return moved


def scene_group(root, scene):
    """The group of ``scene`` made by an earlier run, anywhere in the tree; None."""
    for group in root.findGroups(True):
        if isinstance(group, QgsLayerTreeGroup) and group.customProperty(SCENE_PROPERTY) == scene:
            return group
    return None
