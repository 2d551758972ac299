"""Writes the saved models used by tests/test_model.py (run once; the .model3 files are committed, so
that a renamed algorithm or parameter breaks the tests the way it would break users' saved models).

    .venv/bin/python tests/models/make_models.py
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def cloudmask_model():
    from qgis.core import (QgsProcessingModelAlgorithm, QgsProcessingModelChildAlgorithm,
                           QgsProcessingModelChildParameterSource as Source, QgsProcessingModelOutput,
                           QgsProcessingModelParameter, QgsProcessingParameterRasterLayer)

    model = QgsProcessingModelAlgorithm("SCL cloud mask", "Névé tests")
    model.addModelParameter(QgsProcessingParameterRasterLayer("scl", "SCL"), QgsProcessingModelParameter("scl"))
    child = QgsProcessingModelChildAlgorithm("neve:cloudmask")
    child.setChildId("cloudmask")
    child.addParameterSources("INPUT", [Source.fromModelParameter("scl")])
    child.addParameterSources("MASK_TYPE", [Source.fromStaticValue(2)])
    output = QgsProcessingModelOutput("cloud_mask")
    output.setChildOutputName("OUTPUT")
    child.setModelOutputs({"cloud_mask": output})
    model.addChildAlgorithm(child)
    return model


if __name__ == "__main__":
    from qgis.core import QgsApplication
    app = QgsApplication([], False)
    app.initQgis()
    for name, make in [("cloudmask", cloudmask_model)]:
        path = os.path.join(HERE, name + ".model3")
        assert make().toFile(path), path
        print(path)
    sys.exit(0)
