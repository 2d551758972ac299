"""What every job does around its work, whichever door calls it (QGIS, the command line, the archive runner,
a Python script calling the job function directly): :func:`job`.

::

    @job(declaration)
    def snow_map(inputs, params=SnowMapParams(), outputs=SnowMapOutputs(), feedback=None):
        ...

Before the job runs, its file names are checked (``pipeline/paths.check_destinations``: an output never
destroys an input, two outputs never share a file, a raster output's extension names a format GDAL can
write). While it runs, every file it writes goes to a temporary file (``io/raster.output_file``) that waits
for the end of the job (``io/raster.output_group``): when the job returns, a cancel asked meanwhile is
honoured (``Cancelled``, nothing written), and otherwise every output is renamed into place at once. An
error leaves nothing: no output, no temporary file. Errors of the system (a full disk, a read-only folder,
no memory) become a :class:`~..errors.NeveError` with one clear sentence (``errors.as_neve_error``).
"""
import dataclasses
import functools
import inspect

from ..errors import NeveError, as_neve_error
from .feedback import as_feedback, checkpoint

#: The arguments of a job function that hold its paths and parameters (frozen dataclasses).
DATACLASS_ARGUMENTS = ("inputs", "params", "outputs")


def values_of(*objects):
    """The ``values`` (parameter name -> value, see ``pipeline/spec.py``) of the dataclasses of a job: field
    ``dem`` is parameter ``DEM``."""
    values = {}
    for obj in objects:
        if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
            for f in dataclasses.fields(obj):
                values[f.name.upper()] = getattr(obj, f.name)
    return values


def job(declaration):
    """Decorate the job function of the algorithm declared by ``declaration`` (the function returning its
    :class:`~.spec.AlgorithmSpec`): the checks, the outputs renamed together, the cancel honoured to the
    end and the system's errors in words (see the module's documentation)."""
    from .paths import check_destinations

    def decorate(function):
        signature = inspect.signature(function)

        @functools.wraps(function)
        def run_job(*args, **kwargs):
            from ..io.raster import output_group

            bound = signature.bind(*args, **kwargs)
            bound.apply_defaults()
            feedback = as_feedback(bound.arguments.get("feedback"))
            if "feedback" in bound.arguments:
                bound.arguments["feedback"] = feedback
            check_destinations(declaration(), values_of(*(bound.arguments.get(name) for name in DATACLASS_ARGUMENTS)))
            try:
                with output_group(before_commit=lambda: checkpoint(feedback)):
                    return function(*bound.args, **bound.kwargs)
            except NeveError:
                raise
            except (OSError, MemoryError) as error:
                raise as_neve_error(error) from error

        return run_job

    return decorate
