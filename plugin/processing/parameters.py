"""The QGIS side of an algorithm's declaration (``pipeline/spec.py``): each ``Param`` as a
``QgsProcessingParameterDefinition`` with the metadata of Névé's dialog widgets (threshold sliders,
presets, the product chooser, advanced groups), each ``Output`` as an output definition, in the order the
dialogs show them."""
from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputBoolean,
    QgsProcessingOutputFile,
    QgsProcessingOutputNumber,
    QgsProcessingOutputRasterLayer,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterCrs,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterExtent,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorDestination,
    QgsProcessingParameterVectorLayer,
)

from ..pipeline import spec as s
from ..pipeline.thresholds import THRESHOLDS

# the plugin's package name as installed ("neve" from the zip), for the dotted path of the slider widget
PLUGIN_PACKAGE = __name__.split(".plugin.")[0]
THRESHOLD_DECIMALS = {name: threshold.decimals for name, threshold in THRESHOLDS.items()}

#: QGIS's layer type of each ``Param.geometry``.
VECTOR_TYPES = {"polygon": QgsProcessing.TypeVectorPolygon, "any": QgsProcessing.TypeVectorAnyGeometry,
                "none": QgsProcessing.TypeVector}


def dialog_order(parameters):
    """``parameters`` in the order the dialogs show them: the ordinary ones as declared, then the advanced
    ones group by group (a group where its first member is declared)."""
    groups = []
    for parameter in parameters:
        if parameter.advanced and parameter.group not in groups:
            groups.append(parameter.group)

    def key(indexed):
        index, parameter = indexed
        if parameter.is_destination or not parameter.advanced:
            return (0, 0, index)
        return (1, groups.index(parameter.group) if parameter.group is not None else -1, index)

    return [p for _i, p in sorted(enumerate(parameters), key=key)]


def wrapper_metadata(definition, parameter, spec=None):
    """The metadata of ``definition`` for the dialogs: the decimals of a number, the slider of a threshold,
    the presets, the product chooser, the advanced group."""
    metadata = definition.metadata()
    wrapper = dict(metadata.get("widget_wrapper") or {})
    if parameter.kind in (s.NUMBER, s.INTEGER):
        wrapper["decimals"] = s.display_decimals(parameter)
    if parameter.threshold:
        metadata["neve_threshold"] = parameter.threshold
        wrapper["class"] = PLUGIN_PACKAGE + ".ui.widgets.ThresholdWidgetWrapper"
        wrapper["decimals"] = THRESHOLD_DECIMALS.get(parameter.threshold, wrapper.get("decimals", 3))
    presets = spec.presets if spec is not None else None
    if presets is not None and parameter.name == presets.parameter:
        metadata["neve_presets"] = {"options": list(parameter.option_keys), "custom": presets.custom,
                                    "names": list(presets.names), "values": presets.values}
        wrapper["class"] = PLUGIN_PACKAGE + ".ui.widgets.PresetWidgetWrapper"
    if presets is not None and parameter.name in presets.names:
        metadata["neve_preset_parameter"] = presets.parameter
    if parameter.kind == s.PRODUCT:
        wrapper["class"] = PLUGIN_PACKAGE + ".ui.widgets.ProductWidgetWrapper"
    if parameter.group:
        metadata["neve_group"] = parameter.group
    if wrapper:
        metadata["widget_wrapper"] = wrapper
    definition.setMetadata(metadata)


def qgis_parameter(parameter, spec=None):
    """The ``QgsProcessingParameterDefinition`` of a :class:`~..pipeline.spec.Param` (of the algorithm
    ``spec``, for its presets)."""
    p, kind, optional = parameter, parameter.kind, parameter.optional
    if kind == s.PRODUCT:
        definition = QgsProcessingParameterFile(p.name, p.label, behavior=QgsProcessingParameterFile.File,
                                                optional=optional, fileFilter=p.file_filter)
    elif kind == s.FOLDER:
        definition = QgsProcessingParameterFile(p.name, p.label, behavior=QgsProcessingParameterFile.Folder,
                                                optional=optional)
    elif kind == s.RASTER:
        definition = QgsProcessingParameterRasterLayer(p.name, p.label, optional=optional)
    elif kind == s.VECTOR:
        definition = QgsProcessingParameterVectorLayer(p.name, p.label, [VECTOR_TYPES[p.geometry or "polygon"]],
                                                       optional=optional)
    elif kind == s.FIELD:
        definition = QgsProcessingParameterField(p.name, p.label, defaultValue=p.default or None,
                                                 parentLayerParameterName=p.parent or "",
                                                 type=QgsProcessingParameterField.Any, allowMultiple=False,
                                                 optional=optional)
    elif kind == s.CRS:
        definition = QgsProcessingParameterCrs(p.name, p.label, defaultValue=p.default, optional=optional)
    elif kind == s.EXTENT:
        definition = QgsProcessingParameterExtent(p.name, p.label, defaultValue=p.default, optional=optional)
    elif kind == s.RASTERS:
        definition = QgsProcessingParameterMultipleLayers(p.name, p.label, layerType=QgsProcessing.TypeRaster,
                                                          optional=optional)
    elif kind == s.FILES:
        definition = QgsProcessingParameterMultipleLayers(p.name, p.label, layerType=QgsProcessing.TypeFile,
                                                          optional=optional)
    elif kind in (s.NUMBER, s.INTEGER):
        number_type = QgsProcessingParameterNumber.Double if kind == s.NUMBER else QgsProcessingParameterNumber.Integer
        limits = {}
        if p.minimum is not None:
            limits["minValue"] = p.minimum
        if p.maximum is not None:
            limits["maxValue"] = p.maximum
        definition = QgsProcessingParameterNumber(p.name, p.label, number_type, defaultValue=p.default,
                                                  optional=optional, **limits)
    elif kind == s.BOOLEAN:
        definition = QgsProcessingParameterBoolean(p.name, p.label, defaultValue=p.default, optional=optional)
    elif kind == s.ENUM:
        if p.multiple:
            default = [p.index_of(key) for key in (p.default or [])]
        else:
            default = None if p.default is None else p.index_of(p.default)
        definition = QgsProcessingParameterEnum(p.name, p.label, options=p.option_labels,
                                                allowMultiple=p.multiple, defaultValue=default, optional=optional)
    elif kind == s.STRING:
        definition = QgsProcessingParameterString(p.name, p.label, defaultValue=p.default, multiLine=p.multiline,
                                                  optional=optional)
    elif kind == s.DATE:
        definition = QgsProcessingParameterDateTime(p.name, p.label, type=QgsProcessingParameterDateTime.Date,
                                                    optional=optional)
    elif kind == s.RASTER_OUT:
        definition = QgsProcessingParameterRasterDestination(p.name, p.label, optional=optional,
                                                             createByDefault=p.create_by_default)
    elif kind == s.VECTOR_OUT:
        definition = QgsProcessingParameterVectorDestination(p.name, p.label, type=VECTOR_TYPES[p.geometry or "any"],
                                                             optional=optional, createByDefault=p.create_by_default)
    elif kind == s.FILE_OUT:
        definition = QgsProcessingParameterFileDestination(p.name, p.label, p.file_filter, optional=optional,
                                                           createByDefault=p.create_by_default)
    elif kind == s.FOLDER_OUT:
        definition = QgsProcessingParameterFolderDestination(p.name, p.label, optional=optional,
                                                             createByDefault=p.create_by_default)
    else:  # pragma: no cover
        raise ValueError(kind)
    if p.help:
        definition.setHelp(p.help)
    if p.advanced or p.group:
        definition.setFlags(definition.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
    wrapper_metadata(definition, p, spec)
    return definition


def qgis_output(output):
    """The ``QgsProcessingOutputDefinition`` of an :class:`~..pipeline.spec.Output`."""
    kinds = {s.NUMBER: QgsProcessingOutputNumber, s.STRING: QgsProcessingOutputString,
             s.BOOLEAN: QgsProcessingOutputBoolean, s.RASTER_OUT: QgsProcessingOutputRasterLayer,
             s.FILE_OUT: QgsProcessingOutputFile}
    return kinds[output.kind](output.name, output.label)
