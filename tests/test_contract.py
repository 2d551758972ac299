"""The public contract of the algorithms: what saved models, batch files and scripts rely on.

``tests/contract/algorithms.json`` records, for every algorithm of the 0.1.0 release, the names, types,
defaults, optional flags, options and ranges of its parameters and the names of its outputs. A parameter
may be added (optional, with a default), an output too, and an option at the end of a list of choices;
nothing recorded may change or go away.
"""
import json
import os

from conftest import ROOT

CONTRACT = os.path.join(ROOT, "tests", "contract", "algorithms.json")
#: The one change of an output's type allowed, and why: QGIS 3.22's batch dialog fails on a
#: QgsProcessingOutputHtml (``addResult()`` without ``timestamp``, issue 17), so an HTML report is declared
#: as a file output: same name, same value (the path of the report), connectable where the other was.
ALLOWED_OUTPUT_CHANGES = {("outputHtml", "outputFile")}


def describe(algorithm):
    from qgis.core import QgsProcessingParameterDefinition

    parameters = {}
    for p in algorithm.parameterDefinitions():
        d = {"name": p.name(), "type": p.type(),
             "optional": bool(p.flags() & QgsProcessingParameterDefinition.FlagOptional)}
        default = p.defaultValue()
        try:
            json.dumps(default)
            d["default"] = default
        except TypeError:
            d["default"] = str(default)
        if p.type() == "enum":
            d["options"] = len(p.options())
            d["multiple"] = p.allowMultiple()
        if p.type() == "number":
            d["data_type"] = int(p.dataType())
            d["min"] = p.minimum()
            d["max"] = p.maximum()
        parameters[p.name()] = d
    outputs = {o.name(): o.type() for o in algorithm.outputDefinitions()}
    return parameters, outputs


def test_every_recorded_parameter_and_output_is_unchanged(neve_provider):
    with open(CONTRACT, encoding="utf-8") as f:
        contract = json.load(f)
    algorithms = {a.name(): a for a in neve_provider.algorithms()}
    problems = []
    for name, recorded in contract.items():
        assert name in algorithms, "algorithm {} is gone".format(name)
        parameters, outputs = describe(algorithms[name])
        for p in recorded["parameters"]:
            now = parameters.get(p["name"])
            if now is not None and "options" in p and now.get("options", 0) > p["options"]:
                # options may be added at the end of a list (saved models keep their indexes)
                now = dict(now, options=p["options"])
            if now != p:
                problems.append("{}:{} was {}, is {}".format(name, p["name"], p, now))
        for o in recorded["outputs"]:
            if outputs.get(o["name"]) != o["type"] and (o["type"], outputs.get(o["name"])) \
                    not in ALLOWED_OUTPUT_CHANGES:
                problems.append("{} output {} was {}, is {}".format(name, o["name"], o["type"],
                                                                   outputs.get(o["name"])))
        recorded_names = {p["name"] for p in recorded["parameters"]}
        for added in set(parameters) - recorded_names:
            if not parameters[added]["optional"] and not added.startswith("OUTPUT"):
                problems.append("{}:{} is new and required: saved models lacking it stop validating".format(
                    name, added))
    assert not problems, "\n".join(problems)
