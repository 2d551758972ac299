"""Declaration of ``refinecloudmask``, "Refine a cloud mask (Theia recipe)"; the job is ``pipeline/refine.py``."""
import dataclasses

from ...core.defaults import DEFAULT_CLOUD_PRESET
from ...i18n import tr
from ..presets import PresetTable
from ..spec import BOOLEAN, ENUM, NUMBER, RASTER, RASTER_OUT, AlgorithmSpec, Output, Param
from ..thresholds import PRESETS, preset_labels, threshold_param
from . import clouds, common, runner

#: The presets of the recipe, in the order of the dialog's list ("custom": the values of the parameters).
PRESET_KEYS = ("theia_2018", "theia_2017", "no_buffer", "custom", "to_current")
#: The parameters a preset sets.
RECIPE_THRESHOLDS = ("DISTANCE", "THRESHOLD", "THRESHOLD_SUNGLINT", "SUNGLINT_ANGLE")


def preset_options():
    labels = preset_labels()
    return (("theia_2018", labels["theia_2018"]), ("theia_2017", labels["theia_2017"]),
            ("no_buffer", labels["no_buffer"]), ("custom", tr("Custom values (the parameters below)")),
            ("to_current", tr("Bring to the current Theia parameters")))


def recipe_presets():
    """The :class:`~..presets.PresetTable` of the recipe: the buffer distance, thresholds and sunglint angle
    of each preset."""
    return PresetTable("PRESET", "custom", {key: {name: PRESETS[key][name] for name in RECIPE_THRESHOLDS}
                                            for key in PRESET_KEYS if key in PRESETS})


def spec():
    set_by_preset = tr("Choosing a preset sets it; a value that differs from the default wins over a preset "
                       "(the log says so).")
    thresholds = []
    for name in RECIPE_THRESHOLDS:
        parameter = threshold_param(name)
        thresholds.append(dataclasses.replace(parameter, help=parameter.help + " " + set_by_preset))
    water_parameters = {p.name: p for p in clouds.water_cloud_params(with_thresholds=False)}
    parameters = (
        common.product_param(),
        *common.in_group((Param("CLM", RASTER, tr("MAJA CLM layer"),
              tr("Without a product: the MAJA cloud mask CLM (bits) to refine. Its grid is the output's."),
              optional=True),
        Param("SCL", RASTER, tr("Sen2Cor SCL layer"),
              tr("Without a product and without CLM: the Sen2Cor scene classification, written as CLM bits; its "
                 "class 6 is then the water unless a water layer is given."), optional=True),
        Param("SWIR", RASTER, tr("SWIR reflectance layer"),
              tr("Without a product: the SWIR band of the water test (B12, or B11 when chosen)."), optional=True),
        Param("WATER", RASTER, tr("Water layer"),
              tr("Where the water is (a water mask, a MAJA MG2 or a Sen2Cor SCL: say which below). Needed with "
                 "a CLM layer; with a product it replaces the product's water."), optional=True),
        Param("DARK_BAND", RASTER, tr("Dark-test band layer (NIR or SWIR)"),
              tr("Without a product, for the shadows: the NIR (B8A or B8) or SWIR (B11) band of the dark test."),
              optional=True),
        water_parameters["WATER_KIND"], *common.scale_params(), clouds.resample_param()), common.layers_group()),
        Param("PRESET", ENUM, tr("Preset"),
              tr("The recipe's values: Theia production since February 2018 (480 m, 0.04, 0.16), Theia May 2017 "
                 "to February 2018 (240 m, 0.08, 0.25), No buffer (0 m, 0.04, 0.16), or custom values (the "
                 "buffer distance, thresholds and sunglint angle below). Sunglint angle: 30 degrees in every "
                 "preset (MAJA). In the dialog, choosing a preset sets the values below and changing one of "
                 "them chooses custom values. Elsewhere (batch, models, qgis_process, command line) a value "
                 "below that differs from its default wins over the preset, with a warning in the log; the "
                 "log always says which preset the values used are. Bring to the current Theia parameters: a "
                 "Theia product made with older MAJA parameters (told by its production date, "
                 "docs/MAJA_ERAS.md) gets what it lacks: a product of May 2017 to February 2018 (240 m buffer) "
                 "gets 240 m more (a buffer of 240 m then 240 m is one of 480 m) and the clouds over water of "
                 "today's thresholds (0.04, 0.16), buffered by 480 m; a product made with the current "
                 "parameters is left as it is. This preset sets the values below from the product: values "
                 "given are not used (the log says so)."),
              default=DEFAULT_CLOUD_PRESET, options=preset_options(),
              source=tr("MAJA, Theia production since February 2018")),
        *thresholds,
        water_parameters["SUNGLINT"],
        clouds.parallax_param(),
        Param("SHADOWS", BOOLEAN, tr("Project cloud shadows"),
              tr("Search the shadows of the clouds (clouds over water included) from the sun geometry and add "
                 "them as CLM bits 0 and 5. MAJA detects shadows itself, but not those of the clouds over water "
                 "it missed before February 2018."), default=True),
        clouds.resolution_param(),
        *common.in_group((water_parameters["SWIR_BAND"],), tr("Water test")),
        *common.in_group(clouds.shadow_params(with_layer=False), tr("Shadow search")),
        Param("OUTPUT", RASTER_OUT, tr("Refined cloud mask (CLM bits)")),
        Param("OUTPUT_CLASSES", RASTER_OUT, tr("Refined cloud classes")),
    )
    outputs = (Output("CLOUD_PERCENT", NUMBER, tr("Cloud, percent of the valid pixels")),
               Output("SHADOW_PERCENT", NUMBER, tr("Cloud shadow, percent of the valid pixels")),
               Output("BUFFER_PERCENT", NUMBER, tr("Buffer, percent of the valid pixels")))
    return AlgorithmSpec(
        name="refinecloudmask", group="clouds", display_name=tr("Refine a cloud mask (Theia recipe)"),
        short_description=tr("From a product to a refined MAJA-compatible cloud mask in one step: clouds over water, "
                             "projected shadows and buffer, with Theia's presets or your own values."),
        help=help_text(), parameters=parameters, outputs=outputs, run=runner("refine"), presets=recipe_presets(),
        inputs=("INPUT_PRODUCT", "CLM", "SCL"))


def help_text():
    return tr(
        "<p>Applies MAJA's cloud-mask refinements of February 2018 to any Sentinel-2 L2A product, "
        "Theia or Sen2Cor (which does not buffer its clouds), in one step:</p>"
        "<ol><li><b>Clouds over water</b>: a water pixel is cloud when its SWIR reflectance is above the "
        "threshold, or above the sunglint threshold where sunglint is likely (as \"Clouds over "
        "water\");</li>"
        "<li><b>Cloud shadows</b> (optional): each cloud, clouds over water included, projected along the "
        "sun direction over the range of heights, kept where it best matches dark pixels (as \"Cloud "
        "shadows from sun geometry\");</li>"
        "<li><b>Buffer</b>: the clouds MAJA masks (CLM bits 1, 2, 3 and 7, not the thinnest clouds alone) "
        "and the clouds over water, buffered by the distance (as \"Buffer a mask by a distance\"), "
        "with the parallax between the bands when a parallax height is given.</li></ol>"
        "<p><b>Presets</b>: Theia production since February 2018 (buffer 480 m, thresholds 0.04 and "
        "0.16), Theia May 2017 to February 2018 (240 m, 0.08 and 0.25), No buffer (0 m, 0.04 and 0.16; "
        "Sen2Cor does not buffer), or custom values. Choosing a preset in the dialog sets the buffer "
        "distance and the thresholds; changing one of them chooses custom values. In batch mode, models, "
        "qgis_process and the command line, a value that differs from its default wins over the preset "
        "(the log warns and says which preset the values used are): a preset with a value of your own "
        "needs no \"custom values\".</p>"
        "<p><b>Outputs</b>: a bit mask compatible with MAJA's CLM, so that any tool reading CLM reads it: "
        "each bit keeps its meaning, refined (clouds over water join bits 0, 1 and 2; projected shadows "
        "bits 0 and 5; the buffer bits 0 and 1; no data is 0, as in MAJA). A Sen2Cor SCL is written as CLM "
        "bits first (classes 8 and 9: bits 0, 1, 2; 10: bits 0, 1, 7; 3: bits 0, 5). And a class raster: "
        "clear, cloud, cloud shadow, buffer, no data.</p>"
        "<p><b>Landsat 8 and 9</b> (Theia/MUSCATE L2A, or USGS Collection 2 Level-2 from its folder or .tar): "
        "refined on their 30 m grid, the buffer in metres as on Sentinel-2, clouds over water with B7 (for "
        "B12) or B6 (for B11), shadows from the sun angles of the metadata with a view at nadir (no "
        "parallax: Landsat products have no per-band viewing angles). A USGS QA_PIXEL is written as CLM bits "
        "first (cloud: bits 0, 1, 2; cirrus: 0, 1, 7; cloud shadow: 0, 5; dilated cloud: bit 0).</p>")
