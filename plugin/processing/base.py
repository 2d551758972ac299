"""What every Névé Processing algorithm shares: the adapter from an algorithm's declaration to QGIS.

An algorithm is declared once, without QGIS, in ``plugin/pipeline/algorithms/`` (an
:class:`~..pipeline.spec.AlgorithmSpec`: parameters, outputs, texts, and the job that runs it). A
Processing algorithm of this package is a :class:`NeveAlgorithm` that names its declaration
(``DECLARATION``) and, where it has something to do in QGIS, styles or loads its outputs
(:meth:`NeveAlgorithm.postprocess`). This class does the rest, the same way for all of them:

- ``initAlgorithm`` declares every parameter and output from the declaration (:func:`.parameters.qgis_parameter`):
  names, types, defaults, ranges, options, help, advanced flags, the threshold sliders;
- ``checkParameterValues`` checks the ranges of the numbers with translated messages (QGIS's own
  message names the parameter only, in English);
- ``processAlgorithm`` reads the parameters into plain values (:meth:`NeveAlgorithm.values`), names the
  temporary output files after the scene, runs the job with the feedback adapter :class:`QgisFeedback`,
  turns a Névé error into a ``QgsProcessingException`` with its message in the user's language, and lets
  the adapter load its outputs (``postprocess`` with an :class:`~.layers.OutputRun`);
- in the dialogs: the sliders of the thresholds, the presets that set them (``ui/widgets.py``), the
  product chooser, the decimals of the numbers, the advanced groups and the Help button (``helpUrl``), each
  algorithm group's icon; the standard dialog is Névé's (``ui/dialog.py``);
- an HTML report is a file output (``QgsProcessingOutputFile``), not QGIS's ``QgsProcessingOutputHtml``:
  QGIS 3.22's batch dialog fails on those (``addResult()`` without ``timestamp``); the report is put in
  the Results Viewer by :meth:`NeveAlgorithm.postProcessAlgorithm` instead.

The science (``..core``) and the file access (``..io``) need scipy and rasterio. The declarations
import neither, so the plugin and its provider load without them, and ``canExecute`` tells the user, in
their language, what to install.
"""
import datetime

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingOutputFile,
)
from qgis.PyQt.QtGui import QIcon

from ..errors import NeveError, as_neve_error
from ..i18n import tr
from ..pipeline import spec as s
from ..pipeline.feedback import Feedback
from ..pipeline.packages import missing_packages
from ..resources import algorithm_icon_path, help_url
from .layers import OutputRun, rename_temporary_outputs
from .parameters import dialog_order, qgis_output, qgis_parameter



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
        self._reports = []    # (label, path) of the HTML reports of the last run, for the Results Viewer

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
        return QIcon(algorithm_icon_path(self.spec))

    def svgIconPath(self):  # noqa: N802 (QGIS API name)
        return algorithm_icon_path(self.spec)

    def helpUrl(self):  # noqa: N802 (QGIS API name)
        return help_url(self.spec.name)

    def createCustomParametersWidget(self, parent=None):  # noqa: N802 (QGIS API name)
        """Névé's algorithm dialog (``ui/dialog.py``): QGIS's, with the advanced groups titled and the VRT
        stacks loaded when asked for."""
        try:
            from ...ui.dialog import NeveAlgorithmDialog
        except ImportError:  # pragma: no cover - QGIS without its Processing plugin
            return None
        return NeveAlgorithmDialog(self.create(), parent=parent)

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
        for parameter in dialog_order(self.spec.parameters):
            definition = qgis_parameter(parameter, self.spec)
            if is_html_report(parameter):
                # not the automatic QgsProcessingOutputHtml, on which QGIS 3.22's batch dialog fails
                self.addParameter(definition, createOutput=False)
                self.addOutput(QgsProcessingOutputFile(parameter.name, parameter.label))
            else:
                self.addParameter(definition)
        for output in self.spec.outputs:
            self.addOutput(qgis_output(output))

    # -- checks ------------------------------------------------------------------------------------
    def checkParameterValues(self, parameters, context):  # noqa: N802 (QGIS API name)
        problem = (self.input_problem(parameters, context) or self.range_problem(parameters, context)
                   or self.layer_problem(parameters, context))
        if problem:
            return False, problem
        return super().checkParameterValues(parameters, context)

    def input_problem(self, parameters, context):
        """A translated message when none of the inputs is given (no product and none of the layers)."""
        given = {}
        for name in self.spec.inputs:
            value = parameters.get(name)
            given[name] = value is not None and not (isinstance(value, str) and not value.strip()) \
                and not (isinstance(value, (list, tuple)) and not value)
        problem = s.input_problem(self.spec, given)
        return problem.message() if problem is not None else None

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
        values = rename_temporary_outputs(self.spec, self.values(parameters, context), parameters, context)
        results = run_job(self.spec.execute, values, feedback)
        self.postprocess(results, values, parameters, context, feedback)
        self._reports = [(p.label, results.get(p.name)) for p in self.spec.parameters
                         if is_html_report(p) and results.get(p.name)]
        return results

    def postprocess(self, results, values, parameters, context, feedback):
        """Style and load the outputs (in QGIS only; see :meth:`output_run`); nothing by default."""

    def output_run(self, results, values, parameters, context, scene=None):
        """The :class:`~.layers.OutputRun` that names, groups and styles this run's loaded outputs."""
        return OutputRun(self.spec, values, parameters, context, scene)

    def postProcessAlgorithm(self, context, feedback):  # noqa: N802 (QGIS API name)
        """In the GUI thread after a run: the HTML reports go to the Results Viewer (as QGIS does for its
        HTML outputs in the standard dialog, and here in batch runs too)."""
        add_to_results_viewer(self, self._reports)
        return {}

    def values(self, parameters, context):
        """The parameters as the plain values of the declaration (see ``pipeline/spec.py``)."""
        values = {}
        for parameter in self.spec.parameters:
            name, kind = parameter.name, parameter.kind
            if kind in (s.PRODUCT, s.FOLDER):
                value = self.parameterAsFile(parameters, name, context) or None
            elif kind == s.RASTER:
                layer = self.parameterAsRasterLayer(parameters, name, context)
                value = layer.source() if layer is not None else None
            elif kind == s.VECTOR:
                # a layer OGR cannot open (a memory layer, a database, selected features only) is saved
                # to a temporary GeoPackage first, as QGIS does for external programs
                value = self.parameterAsCompatibleSourceLayerPath(
                    parameters, name, context, ["gpkg", "shp", "geojson", "fgb", "sqlite"], "gpkg") or None
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
            elif kind == s.FIELD:
                fields = self.parameterAsFields(parameters, name, context)
                value = fields[0] if fields else None
            elif kind == s.CRS:
                crs = self.parameterAsCrs(parameters, name, context)
                value = (crs.authid() or crs.toWkt()) if crs.isValid() else None
            elif kind == s.EXTENT:
                value = None
                if parameters.get(name) not in (None, ""):
                    rectangle = self.parameterAsExtent(parameters, name, context)
                    crs = self.parameterAsExtentCrs(parameters, name, context)
                    if not rectangle.isNull() and not rectangle.isEmpty():
                        value = (rectangle.xMinimum(), rectangle.yMinimum(), rectangle.xMaximum(),
                                 rectangle.yMaximum(), (crs.authid() or crs.toWkt()) if crs.isValid() else None)
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


def is_html_report(parameter):
    """Whether ``parameter`` is an HTML file output (QGIS would make it a QgsProcessingOutputHtml)."""
    return parameter.kind == s.FILE_OUT and "htm" in (parameter.file_filter or "").lower()


def add_to_results_viewer(algorithm, reports):
    """Put the ``(label, path)`` HTML ``reports`` in the Processing Results Viewer, as QGIS does for the runs
    of its dialogs: when a Processing dialog (standard or batch) of this algorithm is open. Scripts,
    models and ``qgis_process`` leave the viewer alone."""
    if not reports or not processing_dialog_open(algorithm):
        return
    try:
        import time

        from processing.core.ProcessingResults import resultsList
    except ImportError:  # pragma: no cover - QGIS without its Processing plugin
        return
    for label, path in reports:
        resultsList.addResult(icon=algorithm.icon(), name=label, timestamp=time.localtime(), result=path)


def processing_dialog_open(algorithm):
    """Whether a Processing dialog (standard or batch) of ``algorithm`` is shown."""
    from qgis.gui import QgsProcessingAlgorithmDialogBase
    from qgis.PyQt.QtWidgets import QApplication

    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QgsProcessingAlgorithmDialogBase) and widget.isVisible():
            shown = widget.algorithm()
            if shown is not None and shown.id() == algorithm.id():
                return True
    return False
