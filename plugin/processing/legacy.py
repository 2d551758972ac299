"""TEMPORARY: the former base of the algorithms, kept while they move to ``base.NeveAlgorithm`` and the
declarations of ``pipeline/algorithms``; delete once no algorithm imports it.

What every Névé Processing algorithm shares.

- :class:`NeveAlgorithm`: instance creation, icon, groups, the dependency check of ``canExecute``, a
  helper that declares a parameter with its help text in one call, and range checks of the number
  parameters with translated messages (QGIS's own message names the parameter only, in English).
- The science (``..core``) and the file access (``..io``) need scipy and rasterio. Algorithm modules
  therefore import them inside ``processAlgorithm``: the plugin and its provider load without them and
  ``canExecute`` tells the user, in their language, what to install.
"""
import importlib
import math
import sys

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterNumber,
)
from qgis.PyQt.QtGui import QIcon

from ..i18n import tr
from ..resources import ICON_PATH

REQUIRED_PACKAGES = ("numpy", "scipy", "rasterio")


def missing_packages():
    """The Python packages Névé needs that this QGIS cannot import."""
    missing = []
    for package in REQUIRED_PACKAGES:
        try:
            importlib.import_module(package)
        except ImportError:
            missing.append(package)
    return missing


def group_names():
    return {
        "products": tr("Products"),
        "clouds": tr("Cloud masks"),
        "snow": tr("Snow"),
    }


class NeveAlgorithm(QgsProcessingAlgorithm):
    """Base of the Névé algorithms. Subclasses set ``GROUP`` to a key of :func:`group_names`."""

    GROUP = None

    def createInstance(self):  # noqa: N802 (QGIS API name)
        return type(self)()

    def group(self):
        return group_names()[self.GROUP]

    def groupId(self):  # noqa: N802 (QGIS API name)
        return self.GROUP

    def icon(self):
        return QIcon(ICON_PATH)

    def flags(self):
        return super().flags() | QgsProcessingAlgorithm.FlagCanCancel

    def canExecute(self):  # noqa: N802 (QGIS API name)
        missing = missing_packages()
        if missing:
            return False, tr(
                "Névé needs the Python packages {packages}, which this QGIS cannot import. "
                "On Debian or Ubuntu install python3-scipy and python3-rasterio; on Windows open the "
                "OSGeo4W Shell and run: python -m pip install scipy rasterio. Then restart QGIS."
            ).format(packages=", ".join(missing))
        return True, ""

    def add_parameter(self, parameter, help_text=None, advanced=False):
        """Declare ``parameter`` with its tooltip help and, when ``advanced``, in the advanced section."""
        if help_text:
            parameter.setHelp(help_text)
        if advanced:
            parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(parameter)
        return parameter

    def checkParameterValues(self, parameters, context):  # noqa: N802 (QGIS API name)
        problem = self.range_problem(parameters, context)
        if problem:
            return False, problem
        return super().checkParameterValues(parameters, context)

    def range_problem(self, parameters, context):
        """A translated message for the first number parameter out of its range, else None."""
        for definition in self.parameterDefinitions():
            if not isinstance(definition, QgsProcessingParameterNumber):
                continue
            if parameters.get(definition.name()) is None:
                continue
            try:
                value = float(self.parameterAsDouble(parameters, definition.name(), context))
            except (TypeError, ValueError):
                continue
            low, high = definition.minimum(), definition.maximum()
            if math.isfinite(value) and low <= value <= high:
                continue
            # a parameter declared without a minimum or a maximum has -DBL_MAX or DBL_MAX there
            if low <= -sys.float_info.max and high >= sys.float_info.max:
                message = tr("{parameter}: {value} is out of range; give a finite number.")
            elif high >= sys.float_info.max:
                message = tr("{parameter}: {value} is out of range; give a value of at least {minimum}.")
            elif low <= -sys.float_info.max:
                message = tr("{parameter}: {value} is out of range; give a value of at most {maximum}.")
            else:
                message = tr(
                    "{parameter}: {value} is out of range; give a value from {minimum} to {maximum}.")
            return message.format(parameter=definition.description(), value=_plain(value),
                                  minimum=_plain(low), maximum=_plain(high))
        return None

    def check_ranges(self, parameters, context):
        """Raise the message of :meth:`range_problem` (models and scripts may skip the dialog's check)."""
        problem = self.range_problem(parameters, context)
        if problem:
            raise QgsProcessingException(problem)


def _plain(value):
    return "{:g}".format(value)


def cancelled_error():
    return QgsProcessingException(tr("Cancelled: no output was written."))


def threshold_parameter(name, default=None, advanced=False):
    from ..pipeline.thresholds import threshold_param
    from .base import qgis_parameter

    changes = {}
    if default is not None:
        changes["default"] = default
    if advanced:
        changes["advanced"] = True
    return qgis_parameter(threshold_param(name, **changes))
