"""The thresholds a user tunes, in one table: name, unit, range, default and where the default comes from.

The algorithms declare their threshold parameters from this table (:func:`threshold_param`), the "Tune
thresholds" panel builds its sliders from it, and presets are sets of values keyed by the same names,
which are the algorithms' parameter names (stable: they live in saved models and batch files).

Reflectances are in 0..1, distances in metres, angles in degrees. No QGIS here: the command line shows
the same labels, defaults and sources.
"""
import dataclasses
from dataclasses import dataclass

from ..core.defaults import CLOUD_PRESETS, LIS_DEFAULTS, SUNGLINT_ANGLE
from ..i18n import tr
from .spec import INTEGER, NUMBER, Param


@dataclass(frozen=True)
class Threshold:
    name: str           # parameter name, UPPER_SNAKE, stable
    kind: str           # "reflectance", "ndsi", "distance", "angle", "height"
    default: float
    minimum: float
    maximum: float
    decimals: int

    @property
    def step(self):
        return 10.0 ** -self.decimals if self.decimals else (10.0 if self.kind in ("distance", "height") else 1.0)

    def unit(self):
        return {"reflectance": tr("reflectance, 0 to 1"), "ndsi": tr("NDSI, -1 to 1"),
                "distance": tr("m"), "height": tr("m"), "angle": tr("degrees")}[self.kind]

    def label(self):
        return threshold_labels()[self.name]

    def help(self):
        return threshold_help()[self.name]

    def source(self):
        return threshold_sources()[self.name]


def threshold_param(name, **changes):
    """The parameter of threshold ``name`` (label with its unit, help, default, range, its slider in the
    dialogs); ``changes`` replace fields of the :class:`~.spec.Param` (``advanced=True``, ``help=...``)."""
    threshold = THRESHOLDS[name]
    parameter = Param(name, NUMBER if threshold.decimals else INTEGER,
                      "{} ({})".format(threshold.label(), threshold.unit()), threshold.help(),
                      default=threshold.default, minimum=threshold.minimum, maximum=threshold.maximum,
                      threshold=name, source=threshold.source())
    return dataclasses.replace(parameter, **changes) if changes else parameter


# Defaults: the production values of core/defaults.py (snow: Let-It-Snow; cloud refinement: MAJA in
# Theia production since 2 February 2018). DOMAIN.md sections 4 and 5.
_THEIA_2018 = CLOUD_PRESETS["theia_2018"]
THRESHOLDS = {t.name: t for t in (
    Threshold("NDSI_PASS1", "ndsi", LIS_DEFAULTS["NDSI_PASS1"], -1.0, 1.0, 3),
    Threshold("RED_PASS1", "reflectance", LIS_DEFAULTS["RED_PASS1"], 0.0, 1.0, 3),
    Threshold("NDSI_PASS2", "ndsi", LIS_DEFAULTS["NDSI_PASS2"], -1.0, 1.0, 3),
    Threshold("RED_PASS2", "reflectance", LIS_DEFAULTS["RED_PASS2"], 0.0, 1.0, 3),
    Threshold("RED_DARKCLOUD", "reflectance", LIS_DEFAULTS["RED_DARKCLOUD"], 0.0, 1.0, 3),
    Threshold("RED_BACKTOCLOUD", "reflectance", LIS_DEFAULTS["RED_BACKTOCLOUD"], 0.0, 1.0, 3),
    Threshold("DISTANCE", "distance", _THEIA_2018["distance"], 0, 5000, 0),
    Threshold("THRESHOLD", "reflectance", _THEIA_2018["threshold"], 0.0, 1.0, 3),
    Threshold("THRESHOLD_SUNGLINT", "reflectance", _THEIA_2018["threshold_sunglint"], 0.0, 1.0, 3),
    Threshold("SUNGLINT_ANGLE", "angle", SUNGLINT_ANGLE, 0, 90, 1),
)}

SNOW_THRESHOLDS = ("NDSI_PASS1", "RED_PASS1", "NDSI_PASS2", "RED_PASS2", "RED_DARKCLOUD", "RED_BACKTOCLOUD")
CLOUD_THRESHOLDS = ("DISTANCE", "THRESHOLD", "THRESHOLD_SUNGLINT", "SUNGLINT_ANGLE")

LIS_SNOW = {name: LIS_DEFAULTS[name] for name in SNOW_THRESHOLDS}


def _cloud_values(preset):
    values = CLOUD_PRESETS[preset]
    return {"DISTANCE": values["distance"], "THRESHOLD": values["threshold"],
            "THRESHOLD_SUNGLINT": values["threshold_sunglint"], "SUNGLINT_ANGLE": SUNGLINT_ANGLE}


# Built-in presets: key -> values keyed by parameter name. The user's own presets live in the QGIS
# settings (see ui/presets.py).
PRESETS = {
    "theia_2018": dict(LIS_SNOW, **_cloud_values("theia_2018")),
    "theia_2017": dict(LIS_SNOW, **_cloud_values("theia_2017")),
    "lis_defaults": dict(LIS_SNOW),
    "no_buffer": _cloud_values("no_buffer"),
}


def preset_labels():
    return {
        "theia_2018": tr("Theia production since February 2018"),
        "theia_2017": tr("Theia May 2017 to February 2018"),
        "lis_defaults": tr("Theia Snow collection (LIS) defaults"),
        "no_buffer": tr("No buffer"),
    }


def threshold_labels():
    return {
        "NDSI_PASS1": tr("NDSI threshold, pass 1"),
        "RED_PASS1": tr("Red threshold, pass 1"),
        "NDSI_PASS2": tr("NDSI threshold, pass 2"),
        "RED_PASS2": tr("Red threshold, pass 2"),
        "RED_DARKCLOUD": tr("Red threshold for dark clouds"),
        "RED_BACKTOCLOUD": tr("Red threshold, back to cloud"),
        "DISTANCE": tr("Buffer distance"),
        "THRESHOLD": tr("SWIR threshold over water"),
        "THRESHOLD_SUNGLINT": tr("SWIR threshold over water with sunglint"),
        "SUNGLINT_ANGLE": tr("Sunglint angle"),
    }


def threshold_sources():
    lis, maja = tr("Let-It-Snow (Theia Snow collection)"), tr("MAJA, Theia production since February 2018")
    return {"NDSI_PASS1": lis, "RED_PASS1": lis, "NDSI_PASS2": lis, "RED_PASS2": lis, "RED_DARKCLOUD": lis,
            "RED_BACKTOCLOUD": lis, "DISTANCE": maja, "THRESHOLD": maja, "THRESHOLD_SUNGLINT": maja,
            "SUNGLINT_ANGLE": tr("MAJA")}


def threshold_help():
    return {
        "NDSI_PASS1": tr("Pass 1: a cloud-free pixel is snow when its NDSI is above this value (and its red "
                         "reflectance above the red threshold). LIS default 0.40."),
        "RED_PASS1": tr("Pass 1: a cloud-free pixel is snow when its red reflectance is above this value "
                        "(and its NDSI above the NDSI threshold). LIS default 0.20."),
        "NDSI_PASS2": tr("Pass 2, above the snowline only: snow when the NDSI is above this value. "
                         "Should not be stricter than pass 1. LIS default 0.15."),
        "RED_PASS2": tr("Pass 2, above the snowline only: snow when the red reflectance is above this "
                        "value. Should not be stricter than pass 1. LIS default 0.04."),
        "RED_DARKCLOUD": tr("Dark-cloud test: a cloud pixel stays cloud only if the red reflectance averaged "
                            "over 240 m is above this value; darker cloud pixels are offered to pass 2. "
                            "LIS default 0.30."),
        "RED_BACKTOCLOUD": tr("A pixel of the original cloud mask that is not snow goes back to cloud when "
                              "its red reflectance is above this value. LIS default 0.10."),
        "DISTANCE": tr("Cloud pixels are buffered by this distance in metres (Euclidean, from pixel centre "
                       "to pixel centre). Theia: 480 m since February 2018, 240 m from May 2017; "
                       "Sen2Cor: no buffer."),
        "THRESHOLD": tr("A water pixel is cloud when its SWIR reflectance is above this value. Theia "
                        "since February 2018: 0.04 (0.08 before)."),
        "THRESHOLD_SUNGLINT": tr("The same test where sunglint is likely. Theia since February 2018: 0.16 "
                                 "(0.25 before)."),
        "SUNGLINT_ANGLE": tr("Sunglint is likely where the angle between the viewing direction and the "
                             "direction of specular reflection of the sun is below this angle. MAJA: 30 "
                             "degrees."),
    }
