"""What every Névé Processing algorithm shares.

- :class:`NeveAlgorithm`: instance creation, icon, groups, the dependency check of ``canExecute`` and a
  helper that declares a parameter with its help text in one call.
- The science (``..core``) and the file access (``..io``) need scipy and rasterio. Algorithm modules
  therefore import them inside ``processAlgorithm``: the plugin and its provider load without them and
  ``canExecute`` tells the user, in their language, what to install.
"""
import importlib

from qgis.core import QgsProcessingAlgorithm, QgsProcessingException, QgsProcessingParameterDefinition
from qgis.PyQt.QtGui import QIcon

from ..i18n import tr
from ..qgis_plugin import ICON_PATH

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


def cancelled_error():
    return QgsProcessingException(tr("Cancelled: no output was written."))
