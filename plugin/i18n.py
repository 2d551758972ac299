"""Translation, one convention for the whole plugin, with or without QGIS.

Every user-visible string is written ``tr("English text")`` with the :func:`tr` of this module, and
placeholders are filled after translation: ``tr("Band {band} is missing").format(band="B11")``.
``pylupdate5`` files these bare calls under the ``@default`` context of ``i18n/neve_fr.ts`` (the source
of truth, in git); ``scripts/i18n.py`` updates that file and compiles ``neve_fr.qm``.

A text that is translated later, where it is shown (the message template of an error, see
``plugin/errors.py``), is marked ``QT_TR_NOOP("English text")``: pylupdate5 collects it, and the code
that shows it calls :func:`tr` on it then.

No QGIS here, and Qt only when it is there: with PyQt5 importable, :func:`install_translator` loads
``i18n/neve_<language>.qm`` into a ``QTranslator`` that :func:`tr` asks directly (no application object
needed, so the command line and cluster workers translate too); without PyQt5 every text stays English.
The QGIS plugin installs the translator of the QGIS locale when it is created, before the Processing
provider exists, so that algorithm names, parameters and help are created translated; the command line
installs the one of the environment's locale (``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``).
"""
import numbers
import os
import string

CONTEXT = "@default"
_CONTEXT_BYTES = CONTEXT.encode("ascii")
I18N_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "i18n")

_translator = None
_language = "en"


#: Languages that write a decimal comma (and "26,5 %"): numbers formatted into their texts follow it.
DECIMAL_COMMA = ("fr",)


def tr(text):
    """Translate ``text`` into the language of the installed translator (English otherwise).

    In a language with a decimal comma the text's ``format()`` writes decimal numbers with it:
    ``tr("snow {snow:.1f} %").format(snow=26.5)`` gives "neige 26,5 %" in French."""
    if _translator is not None:
        # bytes: PyQt5 passes a str to this C++ ``const char*`` as ASCII, and our texts are UTF-8
        translated = _translator.translate(_CONTEXT_BYTES, text.encode("utf-8"))
        if translated:
            text = translated
        if _language in DECIMAL_COMMA:
            return LocalText(text)
    return text


def label_value(label, value):
    """"Label: value" as the language writes it ("Produit : …" in French, with its space before the
    colon); decimal numbers as the language writes them."""
    return tr("{label}: {value}").format(label=label, value=value)


def decimal_comma():
    """Whether the language of the installed translation writes a decimal comma."""
    return _language in DECIMAL_COMMA


def number(value, format_spec="g"):
    """``value`` formatted with ``format_spec`` as the language writes it ("0,04" in French)."""
    return _FORMATTER.format_field(value, format_spec)


class _NumberFormatter(string.Formatter):
    """``str.format`` with the decimal separator of the language for decimal numbers."""

    def format_field(self, value, format_spec):
        text = format(value, format_spec)
        if decimal_comma() and is_decimal(value, format_spec):
            text = text.replace(".", ",")
        return text


def is_decimal(value, format_spec=""):
    """Whether ``value`` formatted with ``format_spec`` is a decimal number (a float, or any number with a
    float presentation such as ``.1f``)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Number):
        return False
    if format_spec and format_spec[-1] in "eEfFgG%":
        return True
    return not isinstance(value, numbers.Integral)


_FORMATTER = _NumberFormatter()


class LocalText(str):
    """A translated text whose :meth:`format` writes decimal numbers as the language does."""

    def format(self, *args, **kwargs):
        return _FORMATTER.vformat(self, args, kwargs)

    def format_map(self, mapping):
        return _FORMATTER.vformat(self, (), mapping)


def QT_TR_NOOP(text):  # noqa: N802 (the name pylupdate5 looks for)
    """Mark ``text`` for translation without translating it now (it is translated where it is shown)."""
    return text


def current_language():
    """Two-letter code of the language of the installed translation ("en" without one)."""
    return _language


def language_code(locale_name):
    """"fr" of "fr_FR.UTF-8", "fr-CA" or "fr"; "en" for empty, "C" and "POSIX"."""
    language = (locale_name or "").replace("-", "_").split(".")[0].split("_")[0].split("@")[0].lower()
    return language if language and language not in ("c", "posix") else "en"


def environment_language(environ=None):
    """The language of the user's locale in the environment, as gettext reads it."""
    environ = os.environ if environ is None else environ
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name)
        if value:
            return language_code(value.split(":")[0])
    return "en"


def qgis_language():
    """Two-letter language of the QGIS user interface ("fr", "en", ...) from the QGIS settings; None
    where QGIS cannot be imported."""
    try:
        from qgis.core import QgsApplication
    except ImportError:
        return None
    return language_code(QgsApplication.locale())


def install_translator(language=None):
    """Use the translation of ``language`` ("fr", "fr_FR"; default: the QGIS locale in QGIS, else the
    environment's), replacing any earlier one.

    Returns the language whose translation is now active, or "en" when there is none (English is
    the language of the source strings, and the only one without PyQt5).
    """
    global _translator, _language
    remove_translator()
    if language is None:
        language = qgis_language() or environment_language()
    language = language_code(language)
    qm_path = os.path.join(I18N_DIR, "neve_{}.qm".format(language))
    if language == "en" or not os.path.exists(qm_path):
        return "en"
    try:
        from PyQt5.QtCore import QCoreApplication, QTranslator
    except ImportError:
        return "en"
    translator = QTranslator()
    if not translator.load(qm_path):
        return "en"
    if QCoreApplication.instance() is not None:
        # Qt's own dialogs built from our strings (QCoreApplication.translate) see it too
        QCoreApplication.installTranslator(translator)
    _translator, _language = translator, language
    return language


def remove_translator():
    """Remove the translator installed by :func:`install_translator`, if any."""
    global _translator, _language
    if _translator is not None:
        try:
            from PyQt5.QtCore import QCoreApplication

            if QCoreApplication.instance() is not None:
                QCoreApplication.removeTranslator(_translator)
        except ImportError:  # pragma: no cover - PyQt5 went away
            pass
        _translator = None
    _language = "en"
