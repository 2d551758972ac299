"""The command line: ``python3 -m neve ALGORITHM [--param value ...]``, without QGIS.

The algorithms and their parameters are those of the Processing provider, under the same names: the
algorithm without ``neve:`` (``snowmap``), each parameter in lower case with ``-`` for ``_``
(``INPUT_PRODUCT`` -> ``--input-product``). Both run the same job with the same values, so a file made
here is the same bytes as one made by ``processing.run`` or ``qgis_process``::

    python3 -m neve snowmap --input-product SENTINEL2A_..._V1-4.zip --dem dem.tif --output snow.tif
    python3 -m neve snowmap --help          # every parameter, its default and where it comes from
    python3 -m neve list                    # the algorithms

- An option choice (``--cloud-mask-type``) takes its key (``clm``) or its number in the QGIS list (``0``);
  a yes/no option takes ``true``/``false`` (alone: true); a list (``--inputs`` of snowseason) takes
  several values; dates are ``YYYY-MM-DD``.
- ``--json`` prints the results (the keys of the algorithm's outputs) as JSON on standard output; the log
  and a progress line (on a terminal) go to standard error.
- Exit status: 0 success, 2 bad input (the same message as in QGIS, no traceback), 1 anything else
  (a read or write failure, a cancel with Ctrl-C, an unexpected error).
- Messages follow the locale (``LANG=fr_FR.UTF-8``: French) when PyQt5 is importable.
"""
import argparse
import html
import re
import sys

from .i18n import environment_language, install_translator, tr
from .pipeline import spec as s
from .pipeline.algorithms import names, spec_of
from .terminal import EXIT_BAD_INPUT, EXIT_OK, Formatter, TerminalFeedback, date_argument, run_job


def plain_text(markup):
    """The text of an algorithm's HTML help, for a terminal."""
    text = re.sub(r"</p>|<br\s*/?>|</li>|</ol>|</ul>", "\n", markup or "")
    text = re.sub(r"<li>", "- ", text)
    text = re.sub(r"<[^>]+>", "", text)
    return html.unescape(text).strip()


def option_name(parameter):
    return "--" + parameter.name.lower().replace("_", "-")


def _boolean(text):
    value = str(text).strip().lower()
    if value in ("1", "true", "yes", "on", "y"):
        return True
    if value in ("0", "false", "no", "off", "n"):
        return False
    raise argparse.ArgumentTypeError(tr("{value} is not true or false").format(value=text))


def _number(kind):
    def convert(text):
        try:
            value = float(text) if kind == s.NUMBER else int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(
                (tr("{value} is not a number") if kind == s.NUMBER else tr("{value} is not a whole number")).format(
                    value=text)) from None
        return value
    return convert


def _choice(parameter):
    def convert(text):
        keys = [str(k) for k in parameter.option_keys]
        if text in keys:
            return parameter.option_keys[keys.index(text)]
        if text.isdigit() and int(text) < len(keys):
            return parameter.key_of(int(text))
        raise argparse.ArgumentTypeError(tr("{value} is not one of {choices}").format(
            value=text, choices=", ".join(keys)))
    return convert


def _extent(text):
    try:
        return s.parse_extent(text)
    except ValueError:
        raise argparse.ArgumentTypeError(tr("{value} is not an extent (xmin,xmax,ymin,ymax, optionally followed by "
                                            "[EPSG:code])").format(value=text)) from None


def default_text(parameter):
    """The default of ``parameter`` as the help shows it, with where it comes from."""
    if parameter.is_destination:
        return tr("written only when given") if parameter.optional else tr("required")
    default = parameter.default
    if not parameter.optional and default is None and parameter.kind in (s.PRODUCT, s.RASTER, s.RASTERS, s.VECTOR,
                                                                           s.FOLDER):
        return tr("required")
    if parameter.kind == s.ENUM and default is not None:
        keys = default if parameter.multiple else [default]
        text = ", ".join(str(k) for k in keys) or tr("none")
    elif parameter.kind == s.BOOLEAN:
        text = "true" if default else "false"
    elif default is None or default == "" or default == []:
        return tr("none")
    elif isinstance(default, float):
        text = "{:g}".format(default)
    else:
        text = str(default)
    if parameter.source:
        return tr("default {value}, from {source}").format(value=text, source=parameter.source)
    return tr("default {value}").format(value=text)


def parameter_help(parameter):
    parts = [parameter.label + "."]
    if parameter.help:
        parts.append(plain_text(parameter.help))
    if parameter.kind == s.ENUM:
        parts.append(tr("Choices: {choices}.").format(choices="; ".join(
            "{} ({}) {}".format(key, index, label) for index, (key, label) in enumerate(parameter.options))))
    parts.append("[{}]".format(default_text(parameter)))
    return " ".join(parts).replace("%", "%%")


def algorithm_parser(spec, prog):
    parser = argparse.ArgumentParser(
        prog=prog, description=spec.display_name + ". " + spec.short_description,
        epilog=plain_text(spec.help), formatter_class=Formatter, add_help=True)
    groups = {}
    for parameter in spec.parameters:
        target = parser
        if parameter.group:  # the advanced groups of the dialogs, as sections of the help
            if parameter.group not in groups:
                groups[parameter.group] = parser.add_argument_group(parameter.group)
            target = groups[parameter.group]
        kwargs = {"dest": parameter.name, "default": argparse.SUPPRESS, "help": parameter_help(parameter),
                  "metavar": _metavar(parameter)}
        kind = parameter.kind
        if kind == s.BOOLEAN:
            kwargs.update(type=_boolean, nargs="?", const=True)
        elif kind in (s.NUMBER, s.INTEGER):
            kwargs.update(type=_number(kind))
        elif kind == s.ENUM:
            kwargs.update(type=_choice(parameter))
            if parameter.multiple:
                kwargs.update(nargs="*")
        elif kind in (s.RASTERS, s.FILES):
            kwargs.update(nargs="+")
        elif kind == s.DATE:
            kwargs.update(type=date_argument)
        elif kind == s.EXTENT:
            kwargs.update(type=_extent)
        target.add_argument(option_name(parameter), **kwargs)
    parser.add_argument("--json", action="store_true", help=tr("print the results as JSON on standard output"))
    parser.add_argument("--quiet", action="store_true", help=tr("print no log and no progress, only warnings"))
    return parser


def _metavar(parameter):
    return {s.PRODUCT: "PRODUCT", s.RASTER: "RASTER", s.RASTERS: "RASTER", s.VECTOR: "VECTOR", s.FIELD: "FIELD",
            s.NUMBER: "NUMBER", s.INTEGER: "INTEGER", s.BOOLEAN: "BOOL", s.ENUM: "CHOICE", s.STRING: "TEXT",
            s.DATE: "YYYY-MM-DD", s.FOLDER: "FOLDER", s.FILES: "PATH", s.FOLDER_OUT: "FOLDER", s.CRS: "CRS",
            s.EXTENT: "XMIN,XMAX,YMIN,YMAX"}.get(parameter.kind, "FILE")


def main_parser(prog):
    parser = argparse.ArgumentParser(
        prog=prog, formatter_class=Formatter,
        description=tr("Névé: cloud masks and snow maps for Sentinel-2, without QGIS. The algorithms are "
                       "those of the Processing provider, with the same parameter names."),
        epilog=tr("Run \"{prog} ALGORITHM --help\" for the parameters of an algorithm.").format(prog=prog))
    parser.add_argument("algorithm", metavar="ALGORITHM", help=tr("one of: {names}, or list").format(
        names=", ".join(names() + ["archive"])))
    return parser


def list_algorithms(stream):
    for name in names():
        spec = spec_of(name)
        stream.write("{:<18} {}\n".format(name, spec.display_name))
    stream.write("{:<18} {}\n".format("archive", tr("Snow maps of an archive (every product, on a Dask cluster)")))


def run_algorithm(name, argv, prog, stdout, stderr):
    spec = spec_of(name)
    options = vars(algorithm_parser(spec, "{} {}".format(prog, name)).parse_args(argv))
    as_json, quiet = options.pop("json"), options.pop("quiet")
    feedback = TerminalFeedback(stderr, quiet=quiet)

    def call(feedback):
        return spec.execute(s.complete_values(spec, options), feedback)

    return run_job(call, feedback, stdout, stderr, as_json=as_json, quiet=quiet)[0]


def main(argv=None, prog=None, stdout=None, stderr=None):
    """Run the command line; returns the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    prog = prog or "python3 -m neve"
    stdout, stderr = stdout or sys.stdout, stderr or sys.stderr
    install_translator(environment_language())
    if not argv or argv[0] in ("-h", "--help"):
        main_parser(prog).print_help(stdout)
        return EXIT_OK if argv else EXIT_BAD_INPUT
    name, rest = argv[0], argv[1:]
    if name == "list":
        list_algorithms(stdout)
        return EXIT_OK
    if name.startswith("neve:"):
        name = name[len("neve:"):]
    if name == "archive":
        from .archive_cli import main as archive_main

        return archive_main(rest, "{} archive".format(prog), stdout, stderr)
    if name not in names():
        stderr.write(tr("Error: {name} is not a Névé algorithm; the algorithms are: {names}.").format(
            name=name, names=", ".join(names() + ["archive"])) + "\n")
        return EXIT_BAD_INPUT
    try:
        return run_algorithm(name, rest, prog, stdout, stderr)
    except SystemExit as exit_:  # argparse: --help (0) or a bad option (2)
        return exit_.code if isinstance(exit_.code, int) else EXIT_BAD_INPUT


def console():
    """The ``neve`` command installed by ``pip install .``."""
    sys.exit(main(prog="neve"))
