"""Translation, one convention for the whole plugin.

Every user-visible string is written ``tr("English text")`` with the :func:`tr` of this module, and
placeholders are filled after translation: ``tr("Band {band} is missing").format(band="B11")``.
``pylupdate5`` files these bare calls under the ``@default`` context of ``i18n/neve_fr.ts`` (the source
of truth, in git); ``scripts/i18n.py`` updates that file and compiles ``neve_fr.qm``.

The translator is installed from the QGIS locale when the plugin object is created, before the
Processing provider exists, so that algorithm names, parameters and help are created translated.
"""
import os

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, QTranslator

CONTEXT = "@default"
I18N_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "i18n")

_translator = None


def tr(text):
    """Translate ``text`` into the language of the installed translator (English otherwise)."""
    return QCoreApplication.translate(CONTEXT, text)


def qgis_language():
    """Two-letter language of the QGIS user interface ("fr", "en", ...), from the QGIS settings."""
    language = (QgsApplication.locale() or "").split("_")[0].lower()
    return language if language not in ("", "c", "posix") else "en"


def install_translator(language=None):
    """Install the translator for ``language`` (default: the QGIS locale), replacing any earlier one.

    Returns the language whose translation is now active, or "en" when there is none (English is
    the language of the source strings).
    """
    global _translator
    remove_translator()
    language = (language or qgis_language()).lower()
    qm_path = os.path.join(I18N_DIR, "neve_{}.qm".format(language))
    if not os.path.exists(qm_path):
        return "en"
    translator = QTranslator()
    if not translator.load(qm_path):
        return "en"
    QCoreApplication.installTranslator(translator)
    _translator = translator
    return language


def remove_translator():
    """Remove the translator installed by :func:`install_translator`, if any."""
    global _translator
    if _translator is not None:
        QCoreApplication.removeTranslator(_translator)
        _translator = None
