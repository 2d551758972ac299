"""The public contract of the algorithms: what saved models, batch files and scripts rely on.

``tests/contract/algorithms.json`` records, for every algorithm of the 0.1.0 release, the names, types,
defaults, optional flags, options and ranges of its parameters and the names of its outputs;
``algorithms-0.2.0.json`` the same for 0.2.0 (its new algorithms and parameters). A parameter may be
added (optional, with a default), an output too, and an option at the end of a list of choices; nothing
recorded may change or go away. A release records its contract with
``NEVE_RECORD_CONTRACT=tests/contract/algorithms-X.Y.Z.json scripts/test.sh tests/test_contract.py``.
"""
import json
import os

import pytest
from conftest import ROOT

CONTRACTS = [os.path.join(ROOT, "tests", "contract", name) for name in ("algorithms.json", "algorithms-0.2.0.json")]
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


def record(algorithm):
    parameters, outputs = describe(algorithm)
    return {"parameters": sorted(parameters.values(), key=lambda p: p["name"]),
            "outputs": [{"name": name, "type": kind} for name, kind in sorted(outputs.items())]}


def test_record_the_contract_of_a_release(neve_provider):
    """Writes the contract of today's algorithms where NEVE_RECORD_CONTRACT says (at a release only)."""
    path = os.environ.get("NEVE_RECORD_CONTRACT")
    if not path:
        pytest.skip("NEVE_RECORD_CONTRACT is not set: nothing to record")
    contract = {a.name(): record(a) for a in sorted(neve_provider.algorithms(), key=lambda a: a.name())}
    with open(path, "w", encoding="utf-8") as f:
        json.dump(contract, f, indent=1, sort_keys=True, ensure_ascii=False)
        f.write("\n")


@pytest.mark.parametrize("contract_file", CONTRACTS, ids=os.path.basename)
def test_every_recorded_parameter_and_output_is_unchanged(neve_provider, contract_file):
    with open(contract_file, encoding="utf-8") as f:
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
