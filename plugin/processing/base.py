"""What every Névé Processing algorithm shares: the adapter from an algorithm's declaration to QGIS.

An algorithm is declared once, without QGIS, in ``plugin/pipeline/algorithms/`` (an
:class:`~..pipeline.spec.AlgorithmSpec`: parameters, outputs, texts, and the job that runs it). A
Processing algorithm of this package is a :class:`NeveAlgorithm` that names its declaration
(``DECLARATION``) and, where it has something to do in QGIS, styles or loads its outputs
(:meth:`NeveAlgorithm.postprocess`). This class does the rest, the same way for all of them:

- ``initAlgorithm`` declares every parameter and output from the declaration (:func:`qgis_parameter`):
  names, types, defaults, ranges, options, help, advanced flags, the threshold sliders;
- ``checkParameterValues`` checks the ranges of the numbers with translated messages (QGIS's own
  message names the parameter only, in English);
- ``processAlgorithm`` reads the parameters into plain values (:meth:`NeveAlgorithm.values`), runs the
  job with the feedback adapter :class:`QgisFeedback`, and turns a Névé error into a
  ``QgsProcessingException`` with its message in the user's language.

The science (``..core``) and the file access (``..io``) need scipy and rasterio. The declarations
import neither, so the plugin and its provider load without them, and ``canExecute`` tells the user, in
their language, what to install.
"""
import datetime
import importlib

from qgis.core import (
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingOutputBoolean,
    QgsProcessingOutputFile,
    QgsProcessingOutputNumber,
    QgsProcessingOutputRasterLayer,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
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
from qgis.PyQt.QtGui import QIcon

from ..errors import NeveError, as_neve_error
from ..i18n import tr
from ..pipeline import spec as s
from ..pipeline.feedback import Feedback
from ..resources import ICON_PATH

REQUIRED_PACKAGES = ("numpy", "scipy", "rasterio")
# the plugin's package name as installed ("neve" from the zip), for the dotted path of the slider widget
PLUGIN_PACKAGE = __name__.split(".plugin.")[0]


def missing_packages(packages=REQUIRED_PACKAGES):
    """The Python packages of ``packages`` (default: those every Névé algorithm needs) that this QGIS
    cannot import."""
    missing = []
    for package in packages:
        try:
            importlib.import_module(package)
        except ImportError:
            missing.append(package)
    return missing


def group_names():
    return s.group_names()


def extra_packages_message(missing, install):
    """What to install for the packages ``missing`` that one algorithm needs (``install``: pip names)."""
    requirements = " ".join('"{}"'.format(name) for name in install)
    return tr(
        "This algorithm needs the Python packages {packages}, which this QGIS cannot import. Install them "
        "into the Python of QGIS: on Debian or Ubuntu run python3 -m pip install --user {requirements}; on "
        "Windows open the OSGeo4W Shell and run: python -m pip install {requirements}. Then restart QGIS."
    ).format(packages=", ".join(missing), requirements=requirements)


class QgisFeedback(Feedback):
    """The pipelines' feedback protocol on a ``QgsProcessingFeedback``."""

    def __init__(self, feedback):
        self.feedback = feedback

    def progress(self, percent):
        if self.feedback is not None:
            self.feedback.setProgress(percent)

    def is_cancelled(self):
        return self.feedback is not None and self.feedback.isCanceled()

    def info(self, text):
        if self.feedback is not None:
            self.feedback.pushInfo(text)

    def warning(self, text):
        if self.feedback is not None:
            self.feedback.pushWarning(text)


def wrong_format(source):
    """The :class:`~..io.raster.WrongFormatError` of a file that is not what its name says, found without
    opening it (GDAL's identification), else None."""
    from ..io.raster import format_problem

    return format_problem(source)


def unreadable_raster(source):
    """The :class:`~..errors.NeveError` of a raster source that GDAL cannot open (it does not exist, it is
    not a raster, it is not what its name says), else None."""
    from ..io.raster import open_raster

    try:
        open_raster(source).close()
    except NeveError as error:
        return error
    except Exception:  # noqa: BLE001 (let QGIS's own check speak)
        return None
    return None


def processing_error(error):
    """A ``QgsProcessingException`` with the message of ``error`` in the user's language."""
    return QgsProcessingException(error.message() if isinstance(error, NeveError) else str(error))


def run_job(run, values, feedback):
    """``run(values, feedback)`` with Névé's errors turned into ``QgsProcessingException``."""
    try:
        return run(values, QgisFeedback(feedback))
    except NeveError as error:
        raise processing_error(error) from None
    except (OSError, MemoryError) as error:
        raise processing_error(as_neve_error(error)) from None


class NeveAlgorithm(QgsProcessingAlgorithm):
    """Base of the Névé algorithms. Subclasses set ``DECLARATION`` to the function of
    ``plugin/pipeline/algorithms/`` that returns their :class:`~..pipeline.spec.AlgorithmSpec`."""

    DECLARATION = None

    def __init__(self):
        super().__init__()
        self._spec = None

    @property
    def spec(self):
        if self._spec is None:
            self._spec = type(self).DECLARATION()
        return self._spec

    def createInstance(self):  # noqa: N802 (QGIS API name)
        return type(self)()

    def name(self):
        return self.spec.name

    def displayName(self):  # noqa: N802 (QGIS API name)
        return self.spec.display_name

    def shortDescription(self):  # noqa: N802 (QGIS API name)
        return self.spec.short_description

    def shortHelpString(self):  # noqa: N802 (QGIS API name)
        return self.spec.help

    def group(self):
        return group_names()[self.spec.group]

    def groupId(self):  # noqa: N802 (QGIS API name)
        return self.spec.group

    def icon(self):
        return QIcon(ICON_PATH)

    def flags(self):
        return super().flags() | QgsProcessingAlgorithm.FlagCanCancel

    def canExecute(self):  # noqa: N802 (QGIS API name)
        missing = missing_packages()
        extra = self.spec.requires
        missing_extra = missing_packages([name for name, _install in extra])
        install = sorted({install for name, install in extra if name in missing_extra})
        if missing:
            message = tr(
                "Névé needs the Python packages {packages}, which this QGIS cannot import. "
                "On Debian or Ubuntu install python3-scipy and python3-rasterio; on Windows open the "
                "OSGeo4W Shell and run: python -m pip install scipy rasterio. Then restart QGIS."
            ).format(packages=", ".join(missing + missing_extra))
            if install:
                message += " " + extra_packages_message(missing_extra, install)
            return False, message
        if missing_extra:
            return False, extra_packages_message(missing_extra, install)
        return True, ""

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        for parameter in self.spec.parameters:
            self.addParameter(qgis_parameter(parameter))
        for output in self.spec.outputs:
            self.addOutput(qgis_output(output))

    # -- checks ------------------------------------------------------------------------------------
    def checkParameterValues(self, parameters, context):  # noqa: N802 (QGIS API name)
        problem = self.range_problem(parameters, context) or self.layer_problem(parameters, context)
        if problem:
            return False, problem
        return super().checkParameterValues(parameters, context)

    def layer_problem(self, parameters, context):
        """A translated message naming a raster given as a path that QGIS cannot load, and why: the file
        does not exist, or is not a raster (QGIS itself says "Incorrect parameter value for INPUTS", or that
        an existing text file is "not found")."""
        from qgis.core import QgsProcessingUtils

        for parameter in self.spec.parameters:
            if parameter.kind not in (s.RASTER, s.RASTERS):
                continue
            value = parameters.get(parameter.name)
            for item in value if isinstance(value, (list, tuple)) else [value]:
                if not isinstance(item, str) or not item:
                    continue
                wrong = wrong_format(item)     # before QGIS opens it: a *.tif holding VRT XML reads other files
                if wrong is not None:
                    return tr("{parameter}: {problem}").format(parameter=parameter.label, problem=wrong.message())
                if QgsProcessingUtils.mapLayerFromString(item, context,
                                                        typeHint=QgsProcessingUtils.LayerHint.Raster) is not None:
                    continue
                problem = unreadable_raster(item)
                if problem is not None:
                    return tr("{parameter}: {problem}").format(parameter=parameter.label, problem=problem.message())
        return None

    def range_problem(self, parameters, context):
        """A translated message for the first number parameter out of its range, else None."""
        numbers = {}
        for parameter in self.spec.parameters:
            if parameter.kind in (s.NUMBER, s.INTEGER) and parameters.get(parameter.name) is not None:
                try:
                    numbers[parameter.name] = float(self.parameterAsDouble(parameters, parameter.name, context))
                except (TypeError, ValueError):
                    continue
        problem = s.range_problem(self.spec, numbers)
        return problem.message() if problem is not None else None

    # -- running -----------------------------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API name)
        problem = self.range_problem(parameters, context)  # models and scripts may skip the dialog's check
        if problem:
            raise QgsProcessingException(problem)
        values = self.values(parameters, context)
        results = run_job(self.spec.execute, values, feedback)
        self.postprocess(results, values, parameters, context, feedback)
        return results

    def postprocess(self, results, values, parameters, context, feedback):
        """Style or load the outputs (in QGIS only); nothing by default."""

    def values(self, parameters, context):
        """The parameters as the plain values of the declaration (see ``pipeline/spec.py``)."""
        values = {}
        for parameter in self.spec.parameters:
            name, kind = parameter.name, parameter.kind
            if kind in (s.PRODUCT, s.FOLDER):
                value = self.parameterAsFile(parameters, name, context) or None
            elif kind in (s.RASTER, s.VECTOR):
                layer = (self.parameterAsRasterLayer if kind == s.RASTER else self.parameterAsVectorLayer)(
                    parameters, name, context)
                value = layer.source() if layer is not None else None
            elif kind == s.RASTERS:
                value = [layer.source() for layer in self.parameterAsLayerList(parameters, name, context)]
            elif kind == s.FILES:
                value = list(self.parameterAsFileList(parameters, name, context) or [])
            elif kind in (s.NUMBER, s.INTEGER):
                if parameter.optional and parameter.default is None and parameters.get(name) is None:
                    value = None
                elif kind == s.NUMBER or parameter.threshold:
                    # a threshold is read as a number even where its slider steps by whole units (DISTANCE):
                    # a script or a model may give 49.6 m, which the buffer honours
                    value = self.parameterAsDouble(parameters, name, context)
                else:
                    value = self.parameterAsInt(parameters, name, context)
            elif kind == s.BOOLEAN:
                value = self.parameterAsBool(parameters, name, context)
            elif kind == s.ENUM:
                if parameter.multiple:
                    value = [parameter.key_of(i) for i in self.parameterAsEnums(parameters, name, context)]
                else:
                    value = parameter.key_of(self.parameterAsEnum(parameters, name, context))
            elif kind == s.STRING:
                value = self.parameterAsString(parameters, name, context) or ""
            elif kind == s.DATE:
                moment = self.parameterAsDateTime(parameters, name, context)
                value = (datetime.date(moment.date().year(), moment.date().month(), moment.date().day())
                         if moment is not None and moment.isValid() else None)
            elif kind in (s.RASTER_OUT, s.VECTOR_OUT):
                value = self.parameterAsOutputLayer(parameters, name, context) or None
            elif kind in (s.FILE_OUT, s.FOLDER_OUT):
                value = self.parameterAsFileOutput(parameters, name, context) or None
            else:  # pragma: no cover - a kind added to spec.py and not here
                raise ValueError(kind)
            values[name] = value
        return values


def qgis_parameter(parameter):
    """The ``QgsProcessingParameterDefinition`` of a :class:`~..pipeline.spec.Param`."""
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
        definition = QgsProcessingParameterVectorLayer(p.name, p.label, [QgsProcessing.TypeVectorPolygon],
                                                       optional=optional)
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
        definition = QgsProcessingParameterVectorDestination(p.name, p.label, optional=optional,
                                                             createByDefault=p.create_by_default)
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
    if p.advanced:
        definition.setFlags(definition.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
    if p.threshold:
        metadata = definition.metadata()
        metadata["neve_threshold"] = p.threshold
        metadata["widget_wrapper"] = {"class": PLUGIN_PACKAGE + ".ui.widgets.ThresholdWidgetWrapper"}
        definition.setMetadata(metadata)
    return definition


def qgis_output(output):
    """The ``QgsProcessingOutputDefinition`` of an :class:`~..pipeline.spec.Output`."""
    kinds = {s.NUMBER: QgsProcessingOutputNumber, s.STRING: QgsProcessingOutputString,
             s.BOOLEAN: QgsProcessingOutputBoolean, s.RASTER_OUT: QgsProcessingOutputRasterLayer,
             s.FILE_OUT: QgsProcessingOutputFile}
    return kinds[output.kind](output.name, output.label)
