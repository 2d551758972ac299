"""What an algorithm takes and gives, declared once for every door: QGIS Processing, the command line, the
library.

Each job module of the pipeline declares its algorithm as an :class:`AlgorithmSpec`: the stable name
(``snowmap``), the translated texts, the parameters (:class:`Param`, with the Processing parameter names
that live in users' saved models and batch files), the outputs that are not files (:class:`Output`), and
``run(values, feedback) -> results``. ``plugin/processing/base.py`` builds the ``QgsProcessingAlgorithm``
from it (its parameters by ``processing/parameters.py``); ``plugin/cli.py`` builds ``python3 -m neve ALGORITHM --flags``; both call ``run`` with the same
``values``, so that their outputs are the same bytes.

``values`` maps parameter names to plain Python values:

=============  ==========================================================================================
kind           value
=============  ==========================================================================================
PRODUCT        path of a product (folder, .zip or metadata file), or None
RASTER         GDAL source of a raster (a path, ``/vsizip/...``), or None
RASTERS        list of raster sources
FILES          list of file or folder paths
VECTOR         OGR source of a vector layer, or None
FIELD          name of a field of the VECTOR parameter named by ``parent``, or None
CRS            a coordinate reference system as GDAL reads it ("EPSG:32631", WKT), or None
EXTENT         ``(xmin, ymin, xmax, ymax, crs)``: a rectangle and the CRS of its coordinates (None: the
               algorithm's own), or None
NUMBER         float;  INTEGER: int;  BOOLEAN: bool;  STRING: str
ENUM           the key of the chosen option (a list of keys when ``multiple``); QGIS stores its index
DATE           ``datetime.date`` or None
RASTER_OUT     path of the file to write, or None when the output is not wanted (same for VECTOR_OUT,
               FILE_OUT, FOLDER_OUT); a VECTOR_OUT of ``geometry`` "none" is a table
=============  ==========================================================================================

Job modules read ``values`` into their frozen dataclasses with :func:`from_values` (field ``ndsi_pass1``
is parameter ``NDSI_PASS1``) and give results back with :func:`results_of` (field ``snow_percent`` is
output ``SNOW_PERCENT``).
"""
import dataclasses
import datetime
import math
from dataclasses import dataclass

from ..errors import NeveError
from ..i18n import QT_TR_NOOP, number, tr

from .kinds import (BOOLEAN, CRS, DATE, DESTINATIONS, ENUM, EXTENT, FIELD, FILE_OUT, FILES, FOLDER,  # noqa: F401
                    FOLDER_OUT, INTEGER, LAYERS, NUMBER, PRODUCT, RASTER, RASTER_OUT, RASTERS, STRING, VECTOR,
                    VECTOR_OUT)


@dataclass(frozen=True)
class Param:
    """One parameter. ``default`` is a value as in ``values`` (an ENUM's key, not its index); ``source``
    says where the default comes from ("Let-It-Snow", "MAJA, Theia production since February 2018", ...);
    ``threshold`` names the row of the thresholds table (``pipeline/thresholds.py``) whose slider the
    dialogs show; ``options`` are ``(key, label)`` pairs of an ENUM; ``parent`` names the VECTOR
    parameter whose fields a FIELD lists; ``geometry`` is what a VECTOR or VECTOR_OUT holds: "polygon"
    (the default of VECTOR), "any" (the default of VECTOR_OUT) or "none" (a table); ``group`` is the title
    of the group of advanced parameters it belongs to (the dialog shows it above the first of them, the
    command line's help as a section); ``decimals`` the decimals the dialog's spin box shows (None: from
    the default and the range, see :func:`display_decimals`)."""

    name: str
    kind: str
    label: str
    help: str = ""
    default: object = None
    optional: bool = False
    advanced: bool = False
    minimum: float = None
    maximum: float = None
    options: tuple = ()
    multiple: bool = False
    multiline: bool = False
    file_filter: str = ""
    create_by_default: bool = True
    threshold: str = None
    source: str = None
    parent: str = None
    geometry: str = None
    group: str = None
    decimals: int = None

    @property
    def field(self):
        return self.name.lower()

    @property
    def is_destination(self):
        return self.kind in DESTINATIONS

    @property
    def option_keys(self):
        return tuple(key for key, _label in self.options)

    @property
    def option_labels(self):
        return [label for _key, label in self.options]

    def key_of(self, index):
        """The key of option number ``index`` (QGIS's enum value)."""
        return self.options[int(index)][0]

    def index_of(self, key):
        return self.option_keys.index(key)


@dataclass(frozen=True)
class Output:
    """A result that is not a file the user named: a number, a text, a yes/no (``kind`` NUMBER, STRING,
    BOOLEAN), or a file the job chose (RASTER_OUT, FILE_OUT)."""

    name: str
    kind: str
    label: str


@dataclass(frozen=True)
class AlgorithmSpec:
    """An algorithm, declared once. ``group`` is one of "products", "clouds", "snow" (see
    :func:`group_names`). ``requires``: ``(import name, what to install)`` of the Python packages this
    algorithm needs beyond Névé's own (numpy, scipy, rasterio); the plugin loads without them and says
    what to install. ``presets``: the :class:`~.presets.PresetTable` of an algorithm with presets.
    ``inputs``: the input parameters of which a run needs at least one, the product first
    (``("INPUT_PRODUCT", "GREEN", "RED", "SWIR")``): without any, every door says what to give before any
    work (:func:`input_problem`); the job checks the rest (which layers go together)."""

    name: str
    group: str
    display_name: str
    short_description: str
    help: str
    parameters: tuple
    outputs: tuple
    run: object
    requires: tuple = ()
    presets: object = None
    inputs: tuple = ()

    def parameter(self, name):
        return next(p for p in self.parameters if p.name == name)

    @property
    def destinations(self):
        return tuple(p for p in self.parameters if p.is_destination)

    def execute(self, values, feedback=None):
        """Run the algorithm on complete ``values`` after the checks every door makes: numbers in range,
        outputs that destroy no input (``pipeline/paths.py``). Returns the results."""
        from .paths import check_destinations

        check_inputs(self, values)
        check_ranges(self, values)
        check_destinations(self, values)
        return self.run(values, feedback)


def display_decimals(parameter):
    """The decimals a dialog shows for the number ``parameter``: its ``decimals``, else 3 for a fraction or a
    reflectance (at most 1), 0 for a whole default (metres, areas, counts), else those of its default."""
    if parameter.decimals is not None:
        return parameter.decimals
    if parameter.kind == INTEGER:
        return 0
    if parameter.maximum is not None and parameter.maximum <= 1:
        return 3
    default = parameter.default
    if default is None:
        return 2
    if float(default).is_integer():
        return 0
    return min(3, len("{:g}".format(float(default)).partition(".")[2]))


def group_names():
    return {"products": tr("Products"), "clouds": tr("Cloud masks"), "snow": tr("Snow")}


# -- values ---------------------------------------------------------------------------------------------

def complete_values(spec, given):
    """``given`` (parameter name -> value) with the defaults of the parameters it lacks (None for an
    output that was not asked for); unknown names are refused."""
    names = {p.name for p in spec.parameters}
    unknown = sorted(set(given) - names)
    if unknown:
        raise NeveError("unknown_parameter", QT_TR_NOOP("{algorithm} has no parameter {names}."),
                        algorithm=spec.name, names=", ".join(unknown))
    values = {}
    for parameter in spec.parameters:
        if parameter.name in given:
            values[parameter.name] = given[parameter.name]
        elif parameter.is_destination:
            values[parameter.name] = None
        elif parameter.kind in (RASTERS, FILES):
            values[parameter.name] = list(parameter.default or [])
        elif parameter.kind == ENUM and parameter.multiple:
            values[parameter.name] = list(parameter.default or [])
        else:
            values[parameter.name] = parameter.default
    return values


def range_problem(spec, values):
    """A :class:`~..errors.NeveError` for the first number out of its parameter's range, else None."""
    for parameter in spec.parameters:
        if parameter.kind not in (NUMBER, INTEGER):
            continue
        value = values.get(parameter.name)
        if value is None:
            continue
        try:
            value = float(value)
        except (TypeError, ValueError):
            continue
        low = -math.inf if parameter.minimum is None else parameter.minimum
        high = math.inf if parameter.maximum is None else parameter.maximum
        if math.isfinite(value) and low <= value <= high:
            continue
        if parameter.minimum is None and parameter.maximum is None:
            template = QT_TR_NOOP("{parameter}: {value} is out of range; give a finite number.")
        elif parameter.maximum is None:
            template = QT_TR_NOOP("{parameter}: {value} is out of range; give a value of at least {minimum}.")
        elif parameter.minimum is None:
            template = QT_TR_NOOP("{parameter}: {value} is out of range; give a value of at most {maximum}.")
        else:
            template = QT_TR_NOOP("{parameter}: {value} is out of range; give a value from {minimum} to "
                                  "{maximum}.")
        return NeveError("out_of_range", template, parameter=parameter.label, value=plain_number(value),
                         minimum=plain_number(parameter.minimum), maximum=plain_number(parameter.maximum))
    return None


def input_problem(spec, values):
    """A :class:`~..errors.NeveError` when ``values`` give none of the inputs ``spec.inputs`` names (a
    product, or the layers instead), else None."""
    if not spec.inputs or any(values.get(name) for name in spec.inputs):
        return None
    layers = [spec.parameter(name).label for name in spec.inputs if spec.parameter(name).kind != PRODUCT]
    return NeveError("no_input", QT_TR_NOOP("No input: give a Sentinel-2 L2A product, or the layers ({layers})."),
                     layers=", ".join(layers))


def check_inputs(spec, values):
    problem = input_problem(spec, values)
    if problem is not None:
        raise problem


def check_ranges(spec, values):
    problem = range_problem(spec, values)
    if problem is not None:
        raise problem


def plain_number(value):
    return "" if value is None else number(value)


def from_values(cls, values, **extra):
    """An instance of the dataclass ``cls`` from ``values``: each field takes the value of the parameter
    of the same name in capitals when ``values`` has it, else its default; ``extra`` fields are given."""
    kwargs = {}
    for f in dataclasses.fields(cls):
        if f.name in extra:
            kwargs[f.name] = extra[f.name]
        elif f.name.upper() in values:
            value = values[f.name.upper()]
            if isinstance(value, list):
                value = tuple(value)
            kwargs[f.name] = value
    return cls(**kwargs)


class Results(dict):
    """The results dictionary of a job (output name -> value), with the job's whole result object as
    ``details`` (what styling needs but is not an output: the classes present, the product's name...)."""

    details = None


def results_of(outputs, details=None, **extra):
    """The :class:`Results` of a job: the paths of the dataclass ``outputs`` that were written (fields
    whose value is not None), then every field of the dataclass ``details`` (None included: an output
    number without a value), under their names in capitals (``snow_percent`` -> ``SNOW_PERCENT``), plus
    ``extra``. ``details`` (or ``outputs``) is kept whole as ``results.details``. Fields whose metadata is
    :func:`not_a_result` are left out."""
    results = Results()
    results.details = details if details is not None else outputs
    for obj, skip_none in ((outputs, True), (details, False)):
        if obj is None:
            continue
        for f in dataclasses.fields(obj):
            value = getattr(obj, f.name)
            if (skip_none and value is None) or f.metadata.get("result") is False:
                continue
            results[f.name.upper()] = value
    results.update(extra)
    return results


def not_a_result():
    """Metadata of a dataclass field that :func:`results_of` leaves out."""
    return {"result": False}


def parse_extent(text):
    """``(xmin, ymin, xmax, ymax, crs)`` of an extent written as QGIS writes it, "xmin,xmax,ymin,ymax" with
    an optional " [EPSG:32631]"; a tuple is returned as it is; None for empty; ValueError otherwise."""
    if text is None or isinstance(text, (tuple, list)):
        return tuple(text) if text is not None else None
    text = str(text).strip()
    if not text:
        return None
    crs = None
    if text.endswith("]") and "[" in text:
        text, crs = text[:-1].rsplit("[", 1)
        crs = crs.strip() or None
    parts = [float(v) for v in text.replace(" ", "").split(",")]
    if len(parts) != 4:
        raise ValueError(text)
    xmin, xmax, ymin, ymax = parts
    if not (xmax > xmin and ymax > ymin):
        raise ValueError(text)
    return (xmin, ymin, xmax, ymax, crs)


def parse_date(text):
    """``datetime.date`` of "YYYY-MM-DD" (or "YYYYMMDD"); None for empty; ValueError otherwise."""
    if text is None or isinstance(text, datetime.date):
        return text
    text = str(text).strip()
    if not text:
        return None
    for form in ("%Y-%m-%d", "%Y%m%d"):
        try:
            return datetime.datetime.strptime(text[:10] if form == "%Y-%m-%d" else text, form).date()
        except ValueError:
            continue
    raise ValueError(text)
