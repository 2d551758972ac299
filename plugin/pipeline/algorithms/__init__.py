"""The declarations of the algorithms, one module each (parameters, outputs, texts), and the registry.

A declaration imports nothing heavy (no numpy, scipy or rasterio): QGIS loads the provider from them even
when a package is missing, and the command line builds its options from them in an instant. Its ``run``
imports the job of ``plugin/pipeline/<job>.py`` when it is called (:func:`runner`).
"""
import importlib

#: Algorithm name -> module of this package that declares it (its ``spec()``), in the order a user works.
DECLARATIONS = (
    ("loadproduct", "loadproduct"),
    ("cloudmask", "cloudmask"),
    ("dilatemask", "dilatemask"),
    ("waterclouds", "waterclouds"),
    ("cloudshadows", "cloudshadows"),
    ("sievemask", "sievemask"),
    ("refinecloudmask", "refinecloudmask"),
    ("snowmap", "snowmap"),
    ("snowseason", "snowseason"),
    ("snowstats", "snowstats"),
    ("snowarchive", "snowarchive"),
)


def declaration(name):
    """The function returning the :class:`~..spec.AlgorithmSpec` of algorithm ``name``."""
    module = dict(DECLARATIONS)[name]
    return importlib.import_module("." + module, __name__).spec


def spec_of(name):
    """The :class:`~..spec.AlgorithmSpec` of algorithm ``name`` (KeyError for an unknown name)."""
    return declaration(name)()


def names():
    return [name for name, _module in DECLARATIONS]


def runner(job_module, function="run"):
    """``run(values, feedback)`` that imports ``plugin/pipeline/<job_module>.py`` when it is called and
    calls its ``function``."""
    def run(values, feedback=None):
        job = importlib.import_module(".." + job_module, __name__)
        return getattr(job, function)(values, feedback)

    run.__name__ = "run_" + job_module
    return run
