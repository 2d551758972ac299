"""Presets of threshold values: the built-in ones (read-only) and the user's own, kept in the QGIS settings.

The built-in presets are ``PRESETS`` of ``plugin/pipeline/thresholds.py`` (Theia production since
February 2018, Theia May 2017 to February 2018, the Theia Snow collection defaults, no buffer); some
give only some thresholds, and applying them leaves the others alone.

The user's presets live in the QGIS user profile, under the one settings key :data:`SETTINGS_KEY`, as a
JSON object ``{"preset name": {"PARAMETER_NAME": value, ...}, ...}``: any name is allowed (slashes
included, which settings keys cannot hold), and the values are keyed by the algorithms' parameter
names, like the built-in ones. Values read back are checked against the table: unknown names are
dropped, numbers are clamped to their range.
"""
import json
from dataclasses import dataclass

from qgis.core import QgsSettings

from ..plugin.pipeline.thresholds import PRESETS, THRESHOLDS, preset_labels
from .widgets import plain_value

SETTINGS_KEY = "neve/presets"


@dataclass(frozen=True)
class Preset:
    key: str        # the built-in preset's key, or the user's name for it
    label: str      # what the list shows (translated for built-in presets)
    values: dict    # parameter name -> plain number
    builtin: bool


def clean_values(values):
    """The entries of ``values`` that are thresholds of the table, as plain numbers within range."""
    cleaned = {}
    for name, value in (values or {}).items():
        threshold = THRESHOLDS.get(name)
        if threshold is None or isinstance(value, bool):
            continue
        try:
            number = float(value)
        except (TypeError, ValueError):
            continue
        if number != number:  # NaN
            continue
        cleaned[name] = plain_value(threshold, min(max(number, threshold.minimum), threshold.maximum))
    return cleaned


def builtin_presets():
    labels = preset_labels()
    return [Preset(key, labels.get(key, key), clean_values(values), True) for key, values in PRESETS.items()]


def _read(settings):
    text = settings.value(SETTINGS_KEY, "", type=str)
    if not text:
        return {}
    try:
        stored = json.loads(text)
    except ValueError:
        return {}
    if not isinstance(stored, dict):
        return {}
    return {str(name): clean_values(values) for name, values in stored.items() if isinstance(values, dict)}


def _write(settings, stored):
    settings.setValue(SETTINGS_KEY, json.dumps(stored, ensure_ascii=False, sort_keys=True))


def user_presets(settings=None):
    """The user's presets, sorted by name (case-insensitive)."""
    stored = _read(settings or QgsSettings())
    return [Preset(name, name, values, False) for name, values in sorted(stored.items(),
                                                                         key=lambda item: item[0].lower())]


def all_presets(settings=None):
    """Built-in presets first, then the user's."""
    return builtin_presets() + user_presets(settings)


def _checked_name(name):
    name = (name or "").strip()
    if not name:
        raise ValueError("empty preset name")
    return name


def save_user_preset(name, values, settings=None):
    """Save ``values`` (threshold name -> number) as the user preset ``name``, replacing any preset of
    that name; returns the :class:`Preset`. ValueError for an empty name."""
    settings = settings or QgsSettings()
    name = _checked_name(name)
    stored = _read(settings)
    stored[name] = clean_values(values)
    _write(settings, stored)
    return Preset(name, name, stored[name], False)


def rename_user_preset(old_name, new_name, settings=None):
    """Rename a user preset. KeyError when ``old_name`` is not one; ValueError when ``new_name`` is
    empty or already taken by another user preset."""
    settings = settings or QgsSettings()
    new_name = _checked_name(new_name)
    stored = _read(settings)
    if old_name not in stored:
        raise KeyError(old_name)
    if new_name != old_name and new_name in stored:
        raise ValueError("a preset named {!r} exists".format(new_name))
    stored[new_name] = stored.pop(old_name)
    _write(settings, stored)
    return Preset(new_name, new_name, stored[new_name], False)


def delete_user_preset(name, settings=None):
    """Delete a user preset. KeyError when ``name`` is not one."""
    settings = settings or QgsSettings()
    stored = _read(settings)
    del stored[name]
    _write(settings, stored)
