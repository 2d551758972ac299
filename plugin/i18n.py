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
import os

CONTEXT = "@default"
_CONTEXT_BYTES = CONTEXT.encode("ascii")
I18N_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "i18n")

_translator = None
_language = "en"


def tr(text):
    """Translate ``text`` into the language of the installed translator (English otherwise)."""
    if _translator is not None:
        # bytes: PyQt5 passes a str to this C++ ``const char*`` as ASCII, and our texts are UTF-8
        translated = _translator.translate(_CONTEXT_BYTES, text.encode("utf-8"))
        if translated:
            return translated
    return text


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
