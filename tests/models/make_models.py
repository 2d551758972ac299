"""Writes the saved models used by tests/test_model.py (run once; the .model3 files are committed, so
that a renamed algorithm or parameter breaks the tests the way it would break users' saved models).

    .venv/bin/python tests/models/make_models.py              # every model
    .venv/bin/python tests/models/make_models.py snowstats    # only those named
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


def add_defaults(child):
    """Give every parameter of ``child`` that has no source its default value, as the modeler does when a
    user adds an algorithm (a mandatory parameter without a source does not validate)."""
    from qgis.core import QgsApplication, QgsProcessingDestinationParameter
    from qgis.core import QgsProcessingModelChildParameterSource as Source

    algorithm = QgsApplication.processingRegistry().algorithmById(child.algorithmId())
    assert algorithm is not None, child.algorithmId()
    for parameter in algorithm.parameterDefinitions():
        if isinstance(parameter, QgsProcessingDestinationParameter) or parameter.name() in child.parameterSources():
            continue
        if parameter.defaultValue() is not None:
            child.addParameterSources(parameter.name(), [Source.fromStaticValue(parameter.defaultValue())])


def snowmap_model():
    """A product's cloud mask refined by neve:refinecloudmask, chained into neve:snowmap as a CLM bit mask,
    whose snowline elevation (a number) feeds a third algorithm: a constant raster of that value."""
    from qgis.core import (QgsProcessingModelAlgorithm, QgsProcessingModelChildAlgorithm,
                           QgsProcessingModelChildParameterSource as Source, QgsProcessingModelOutput,
                           QgsProcessingModelParameter, QgsProcessingParameterFile,
                           QgsProcessingParameterRasterLayer)

    model = QgsProcessingModelAlgorithm("Snow map from a refined cloud mask", "Névé tests")
    # "All files (*)": a product folder has no extension (the default filter "*.*" would refuse it)
    model.addModelParameter(QgsProcessingParameterFile("product", "Product",
                                                       fileFilter="Sentinel-2 L2A products (*.zip *.xml);;All files (*)"),
                            QgsProcessingModelParameter("product"))
    model.addModelParameter(QgsProcessingParameterRasterLayer("dem", "DEM"), QgsProcessingModelParameter("dem"))

    refine = QgsProcessingModelChildAlgorithm("neve:refinecloudmask")
    refine.setChildId("refine")
    refine.addParameterSources("INPUT_PRODUCT", [Source.fromModelParameter("product")])
    add_defaults(refine)
    model.addChildAlgorithm(refine)

    snowmap = QgsProcessingModelChildAlgorithm("neve:snowmap")
    snowmap.setChildId("snowmap")
    snowmap.addParameterSources("INPUT_PRODUCT", [Source.fromModelParameter("product")])
    snowmap.addParameterSources("CLOUD_MASK", [Source.fromChildOutput("refine", "OUTPUT")])
    snowmap.addParameterSources("CLOUD_MASK_TYPE", [Source.fromStaticValue(0)])
    snowmap.addParameterSources("DEM", [Source.fromModelParameter("dem")])
    output = QgsProcessingModelOutput("snow_map")
    output.setChildOutputName("OUTPUT")
    snowmap.setModelOutputs({"snow_map": output})
    add_defaults(snowmap)
    model.addChildAlgorithm(snowmap)

    constant = QgsProcessingModelChildAlgorithm("native:createconstantrasterlayer")
    constant.setChildId("snowline")
    constant.addParameterSources("EXTENT", [Source.fromChildOutput("snowmap", "OUTPUT")])
    constant.addParameterSources("TARGET_CRS", [Source.fromChildOutput("snowmap", "OUTPUT")])
    constant.addParameterSources("PIXEL_SIZE", [Source.fromStaticValue(1200)])
    constant.addParameterSources("NUMBER", [Source.fromChildOutput("snowmap", "SNOWLINE_ELEVATION")])
    constant.addParameterSources("OUTPUT_TYPE", [Source.fromStaticValue(5)])   # Float32
    output = QgsProcessingModelOutput("snowline")
    output.setChildOutputName("OUTPUT")
    constant.setModelOutputs({"snowline": output})
    model.addChildAlgorithm(constant)
    return model


def snowseason_model():
    """Snow maps given as a list (a "Multiple layers" input) plus the snow map neve:snowmap makes from a
    product, all fed to neve:snowseason: how a model combines a folder of maps with maps it makes."""
    from qgis.core import (QgsProcessing, QgsProcessingModelAlgorithm, QgsProcessingModelChildAlgorithm,
                           QgsProcessingModelChildParameterSource as Source, QgsProcessingModelOutput,
                           QgsProcessingModelParameter, QgsProcessingParameterFile,
                           QgsProcessingParameterMultipleLayers, QgsProcessingParameterRasterLayer,
                           QgsProcessingParameterString)

    model = QgsProcessingModelAlgorithm("Snow season from maps and a product", "Névé tests")
    model.addModelParameter(QgsProcessingParameterMultipleLayers("maps", "Snow maps",
                                                                 layerType=QgsProcessing.TypeRaster),
                            QgsProcessingModelParameter("maps"))
    model.addModelParameter(QgsProcessingParameterFile("product", "Product",
                                                       fileFilter="Sentinel-2 L2A products (*.zip *.xml);;All files (*)"),
                            QgsProcessingModelParameter("product"))
    model.addModelParameter(QgsProcessingParameterRasterLayer("dem", "DEM"), QgsProcessingModelParameter("dem"))
    model.addModelParameter(QgsProcessingParameterString("dates", "Dates of the maps", optional=True),
                            QgsProcessingModelParameter("dates"))

    snowmap = QgsProcessingModelChildAlgorithm("neve:snowmap")
    snowmap.setChildId("snowmap")
    snowmap.addParameterSources("INPUT_PRODUCT", [Source.fromModelParameter("product")])
    snowmap.addParameterSources("DEM", [Source.fromModelParameter("dem")])
    add_defaults(snowmap)
    model.addChildAlgorithm(snowmap)

    season = QgsProcessingModelChildAlgorithm("neve:snowseason")
    season.setChildId("season")
    season.addParameterSources("INPUTS", [Source.fromModelParameter("maps"), Source.fromChildOutput("snowmap", "OUTPUT")])
    season.addParameterSources("DATES", [Source.fromModelParameter("dates")])
    outputs = {}
    for name, output_name in (("scd", "OUTPUT_SCD"), ("nobs", "OUTPUT_NOBS")):
        outputs[name] = QgsProcessingModelOutput(name)
        outputs[name].setChildOutputName(output_name)
    season.setModelOutputs(outputs)
    add_defaults(season)
    model.addChildAlgorithm(season)
    return model


def snowstats_model():
    """Two products mapped by neve:snowmap (the batch of a season, here two steps) and snow maps made
    beforehand (a "Multiple layers" input, as neve:snowmap's batch mode writes them) counted by
    neve:snowstats over zones, with the zones' name field and a DEM: the chain of issue 14."""
    from qgis.core import (QgsProcessing, QgsProcessingModelAlgorithm, QgsProcessingModelChildAlgorithm,
                           QgsProcessingModelChildParameterSource as Source, QgsProcessingModelOutput,
                           QgsProcessingModelParameter, QgsProcessingParameterField, QgsProcessingParameterFile,
                           QgsProcessingParameterMultipleLayers, QgsProcessingParameterRasterLayer,
                           QgsProcessingParameterVectorLayer)

    model = QgsProcessingModelAlgorithm("Snow statistics of a season of products", "Névé tests")
    products = ("product_1", "product_2")
    for name in products:
        model.addModelParameter(QgsProcessingParameterFile(
            name, name.replace("_", " ").capitalize(), fileFilter="Sentinel-2 L2A products (*.zip *.xml);;All files (*)"),
            QgsProcessingModelParameter(name))
    model.addModelParameter(QgsProcessingParameterMultipleLayers("maps", "Snow maps made in batch",
                                                                 layerType=QgsProcessing.TypeRaster),
                            QgsProcessingModelParameter("maps"))
    model.addModelParameter(QgsProcessingParameterVectorLayer("zones", "Zones", [QgsProcessing.TypeVectorPolygon]),
                            QgsProcessingModelParameter("zones"))
    model.addModelParameter(QgsProcessingParameterField("zone_field", "Zone name field", parentLayerParameterName="zones",
                                                        optional=True),
                            QgsProcessingModelParameter("zone_field"))
    model.addModelParameter(QgsProcessingParameterRasterLayer("dem", "DEM"), QgsProcessingModelParameter("dem"))

    sources = [Source.fromModelParameter("maps")]
    for name in products:
        snowmap = QgsProcessingModelChildAlgorithm("neve:snowmap")
        snowmap.setChildId("snowmap_" + name[-1])
        snowmap.addParameterSources("INPUT_PRODUCT", [Source.fromModelParameter(name)])
        snowmap.addParameterSources("DEM", [Source.fromModelParameter("dem")])
        add_defaults(snowmap)
        model.addChildAlgorithm(snowmap)
        sources.append(Source.fromChildOutput(snowmap.childId(), "OUTPUT"))

    stats = QgsProcessingModelChildAlgorithm("neve:snowstats")
    stats.setChildId("stats")
    stats.addParameterSources("INPUTS", sources)
    stats.addParameterSources("ZONES", [Source.fromModelParameter("zones")])
    stats.addParameterSources("ZONE_FIELD", [Source.fromModelParameter("zone_field")])
    stats.addParameterSources("DEM", [Source.fromModelParameter("dem")])
    outputs = {}
    for name, output_name in (("table", "OUTPUT_TABLE"), ("zones_statistics", "OUTPUT_ZONES"),
                              ("report", "OUTPUT_HTML")):
        outputs[name] = QgsProcessingModelOutput(name)
        outputs[name].setChildOutputName(output_name)
    stats.setModelOutputs(outputs)
    add_defaults(stats)
    model.addChildAlgorithm(stats)
    return model


def cloudrefinement_model():
    """Clouds over water (from a SWIR and a water layer) sieved, then buffered, and the sieved clouds'
    shadows searched with angles given as numbers: four cloud-refinement algorithms chained."""
    from qgis.core import (QgsProcessingModelAlgorithm, QgsProcessingModelChildAlgorithm,
                           QgsProcessingModelChildParameterSource as Source, QgsProcessingModelOutput,
                           QgsProcessingModelParameter, QgsProcessingParameterRasterLayer)

    model = QgsProcessingModelAlgorithm("Cloud refinement chain", "Névé tests")
    for name, label in (("swir", "SWIR"), ("water", "Water mask"), ("nir", "NIR")):
        model.addModelParameter(QgsProcessingParameterRasterLayer(name, label), QgsProcessingModelParameter(name))

    def child(algorithm_id, child_id, sources, outputs=()):
        step = QgsProcessingModelChildAlgorithm(algorithm_id)
        step.setChildId(child_id)
        for name, source in sources.items():
            step.addParameterSources(name, [source])
        model_outputs = {}
        for name, output_name in outputs:
            model_outputs[name] = QgsProcessingModelOutput(name)
            model_outputs[name].setChildOutputName(output_name)
        step.setModelOutputs(model_outputs)
        add_defaults(step)
        model.addChildAlgorithm(step)

    child("neve:waterclouds", "waterclouds", {
        "SWIR": Source.fromModelParameter("swir"), "WATER": Source.fromModelParameter("water"),
        "SUNGLINT": Source.fromStaticValue(3)})
    child("neve:sievemask", "sieve", {
        "INPUT": Source.fromChildOutput("waterclouds", "OUTPUT"), "MIN_OBJECT_AREA": Source.fromStaticValue(200),
        "MIN_HOLE_AREA": Source.fromStaticValue(0)})
    child("neve:dilatemask", "buffer", {
        "INPUT": Source.fromChildOutput("sieve", "OUTPUT"), "DISTANCE": Source.fromStaticValue(20)},
        [("buffered", "OUTPUT")])
    child("neve:cloudshadows", "shadows", {
        "CLOUDS": Source.fromChildOutput("sieve", "OUTPUT"), "DARK_BAND": Source.fromModelParameter("nir"),
        "ANGLES": Source.fromStaticValue(1), "SUN_ZENITH": Source.fromStaticValue(45.0),
        "SUN_AZIMUTH": Source.fromStaticValue(180.0), "VIEW_ZENITH": Source.fromStaticValue(0.0),
        "HEIGHT_MIN": Source.fromStaticValue(10.0), "HEIGHT_MAX": Source.fromStaticValue(40.0),
        "HEIGHT_STEP": Source.fromStaticValue(10.0)},
        [("shadows", "OUTPUT")])
    return model


if __name__ == "__main__":
    from qgis.core import QgsApplication
    app = QgsApplication([], False)
    app.initQgis()
    # the algorithms' definitions, for their default values: QGIS's native provider and Névé (imported as
    # "neve", as the tests do)
    import tempfile

    from qgis.analysis import QgsNativeAlgorithms
    QgsApplication.processingRegistry().addProvider(QgsNativeAlgorithms())
    link = tempfile.mkdtemp()
    os.symlink(os.path.dirname(os.path.dirname(HERE)), os.path.join(link, "neve"))
    sys.path.insert(0, link)
    import neve
    plugin = neve.classFactory(None)
    plugin.initProcessing()
    chosen = sys.argv[1:]      # names of the models to write (default: all)
    for name, make in [("cloudmask", cloudmask_model), ("snowmap", snowmap_model),
                       ("snowseason", snowseason_model), ("cloudrefinement", cloudrefinement_model),
                       ("snowstats", snowstats_model)]:
        if chosen and name not in chosen:
            continue
        path = os.path.join(HERE, name + ".model3")
        assert make().toFile(path), path
        print(path)
    sys.exit(0)
