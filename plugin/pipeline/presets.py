"""Presets of an algorithm: named sets of parameter values, and the one rule that says which values a run
uses, the same in every door (dialog, batch, model, ``qgis_process``, command line, library).

An algorithm with presets declares a :class:`PresetTable` (``AlgorithmSpec.presets``): the ENUM parameter
that chooses the preset (``PRESET``), the key of its "custom values" option, and for every other option
the values it gives to the parameters it sets (``DISTANCE``, ``THRESHOLD``, ...).

**The rule** (:meth:`PresetTable.resolve`) for the presets of the table (a preset whose values the job
computes from its input, such as ``to_current`` of ``refinecloudmask``, is not in the table: the job says
which values it takes):

- with the preset "custom values", each parameter has the value given (its default when none is given);
- with a named preset, each parameter the preset sets has the value given **when it differs from the
  parameter's default** (the user chose it: it wins, and the log says so), else the preset's value.

So ``PRESET=theia_2017`` alone gives the 2017 values; ``PRESET=theia_2018`` with ``DISTANCE=1000`` gives a
buffer of 1000 m and the other 2018 values, with a warning that 1000 m is not the preset's 480 m. A value
equal to the default cannot be told from a value not given: to use it with another preset, choose
"custom values". In the algorithm dialog the question does not arise: choosing a preset sets its values in
the dialog, and editing one of them switches the preset to "custom values" (``ui/widgets.py``).

Every run logs the values used and which preset they are (:meth:`Resolution.log_lines`). No QGIS here.
"""
from dataclasses import dataclass, field

from ..i18n import tr


@dataclass(frozen=True)
class PresetTable:
    """``parameter``: the ENUM parameter choosing the preset; ``custom``: its option meaning "the values
    of the parameters"; ``values``: preset key -> {parameter name: value} (every preset sets the same
    parameters)."""

    parameter: str
    custom: str
    values: dict = field(hash=False, compare=False)

    @property
    def names(self):
        """The parameters the presets set, in the order of the first preset."""
        first = next(iter(self.values.values()))
        return tuple(first)

    def matching(self, values):
        """The keys of the presets whose every value equals ``values`` (parameter name -> number), in
        the table's order."""
        return [key for key, preset in self.values.items()
                if all(same(values.get(name), value) for name, value in preset.items())]

    def resolve(self, preset, given, defaults):
        """The :class:`Resolution` of a run: ``preset`` (the chosen key), ``given`` (parameter name ->
        the value the run was given, or its default), ``defaults`` (parameter name -> the parameter's
        default)."""
        used, overridden = {}, {}
        for name in self.names:
            value = given.get(name, defaults.get(name))
            if preset == self.custom or preset not in self.values:  # custom, or computed from the input
                used[name] = value
                continue
            preset_value = self.values[preset][name]
            if value is not None and not same(value, defaults.get(name)) and not same(value, preset_value):
                used[name] = value
                overridden[name] = preset_value
            else:
                used[name] = preset_value
        return Resolution(self, preset, used, overridden)


@dataclass(frozen=True)
class Resolution:
    """What :meth:`PresetTable.resolve` decided: the ``values`` used (parameter name -> value) and the
    parameters whose value given won over the preset's (``overridden``: name -> the preset's value)."""

    table: PresetTable
    preset: str
    values: dict
    overridden: dict

    def matching(self):
        return self.table.matching(self.values)

    def log_lines(self, labels, preset_labels, format_value=None):
        """(infos, warnings) for the log, translated: the values given that won over the preset, and
        which preset the values used are. ``labels``: parameter name -> its label; ``preset_labels``:
        preset key -> its label; ``format_value(name, value)``: the text of a value (with its unit)."""
        show = format_value or (lambda _name, value: "{:g}".format(value))
        warnings = []
        for name, preset_value in self.overridden.items():
            warnings.append(tr(
                "{parameter}: the value given, {value}, is used instead of {preset_value} of the preset "
                "\"{preset}\" (a value that differs from the default wins over the preset; choose the preset "
                "\"custom values\" to say so).").format(
                parameter=labels.get(name, name), value=show(name, self.values[name]),
                preset_value=show(name, preset_value), preset=preset_labels.get(self.preset, self.preset)))
        matching = [key for key in self.matching() if key != self.table.custom]
        if matching:
            info = tr("These values are those of the preset \"{preset}\".").format(
                preset=preset_labels.get(matching[0], matching[0]))
        else:
            info = tr("These values are those of no preset (custom values).")
        return [info], warnings


def same(a, b):
    """Whether two parameter values are the same number (to a millionth: 0.04 given as 0.0400000001 by a
    spin box is 0.04)."""
    if a is None or b is None:
        return a is b
    try:
        return abs(float(a) - float(b)) <= 1e-6 * max(1.0, abs(float(b)))
    except (TypeError, ValueError):
        return a == b
