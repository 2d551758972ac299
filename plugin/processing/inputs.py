"""TEMPORARY: the former QGIS-side input helpers, kept while the algorithms move to the declarations of
``pipeline/algorithms``; delete once no algorithm imports it."""
from qgis.core import QgsProcessingException, QgsProcessingParameterFile, QgsProcessingParameterNumber

from ..errors import NeveError
from ..i18n import tr
from ..pipeline import inputs as _inputs
from ..pipeline.algorithms.common import INPUT_PRODUCT, REFLECTANCE_OFFSET, REFLECTANCE_SCALE  # noqa: F401
from .base import qgis_parameter

describe_grid = _inputs.describe_grid
same_grid = _inputs.same_grid


def add_product_parameter(algorithm):
    from ..pipeline.algorithms.common import product_param

    algorithm.addParameter(qgis_parameter(product_param()))


def add_scale_parameters(algorithm):
    from ..pipeline.algorithms.common import scale_params

    for parameter in scale_params():
        algorithm.addParameter(qgis_parameter(parameter))


def open_input(algorithm, parameters, context, feedback, bands=None, masks=None, required=(),
               reflectance="FRE"):
    from .base import QgisFeedback

    bands, masks = bands or {}, masks or {}

    def sources(names):
        found = {}
        for name, parameter in names.items():
            layer = algorithm.parameterAsRasterLayer(parameters, parameter, context)
            found[name] = layer.source() if layer is not None else None
        return found

    labels = [algorithm.parameterDefinition(p).description() for p in list(bands.values()) + list(masks.values())]
    try:
        return _inputs.open_input(
            algorithm.parameterAsFile(parameters, INPUT_PRODUCT, context), sources(bands), sources(masks), required,
            reflectance, algorithm.parameterAsDouble(parameters, REFLECTANCE_SCALE, context) or 10000.0,
            algorithm.parameterAsDouble(parameters, REFLECTANCE_OFFSET, context) or 0.0, labels, QgisFeedback(feedback))
    except NeveError as error:
        raise QgsProcessingException(error.message())


def _wrap(function):
    def wrapped(*args, **kwargs):
        try:
            return function(*args, **kwargs)
        except NeveError as error:
            raise QgsProcessingException(error.message())
    return wrapped


metric_pixel_size = _wrap(_inputs.metric_pixel_size)
check_layer_grids = _wrap(_inputs.check_layer_grids)
