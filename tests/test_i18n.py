"""English and French: the translator follows the QGIS locale, and every string is translated."""
import os
import subprocess

import pytest
from qgis.core import QgsProcessingParameterEnum, QgsSettings

from conftest import ROOT


def algorithm_texts(provider):
    """Every user-visible text of every algorithm of the provider, keyed by where it appears."""
    texts = {}
    for alg in provider.algorithms():
        texts[alg.id() + " name"] = alg.displayName()
        texts[alg.id() + " group"] = alg.group()
        texts[alg.id() + " help"] = alg.shortHelpString()
        texts[alg.id() + " description"] = alg.shortDescription()
        for param in alg.parameterDefinitions():
            texts["{} {} description".format(alg.id(), param.name())] = param.description()
            texts["{} {} help".format(alg.id(), param.name())] = param.help()
            if isinstance(param, QgsProcessingParameterEnum):
                for i, option in enumerate(param.options()):
                    texts["{} {} option {}".format(alg.id(), param.name(), i)] = option
        for output in alg.outputDefinitions():
            texts["{} {} output".format(alg.id(), output.name())] = output.description()
    return {k: v for k, v in texts.items() if v}


def switch_language(provider, language):
    from neve.plugin.i18n import install_translator

    settings = QgsSettings()
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", language)
    active = install_translator()
    provider.refreshAlgorithms()
    return active


@pytest.fixture
def english_then_french(neve_provider):
    assert switch_language(neve_provider, "en_GB") == "en"
    english = algorithm_texts(neve_provider)
    assert switch_language(neve_provider, "fr_FR") == "fr"
    french = algorithm_texts(neve_provider)
    yield english, french
    switch_language(neve_provider, "en_GB")


def test_provider_strings_follow_the_qgis_locale(neve_provider, english_then_french):
    english, french = english_then_french
    alg = "neve:cloudmask"
    assert english[alg + " name"] == "Cloud mask from a product's mask"
    assert french[alg + " name"] == "Masque de nuages depuis le masque d'un produit"
    assert english[alg + " group"] == "Cloud masks" and french[alg + " group"] == "Masques de nuages"
    assert french[alg + " INPUT description"] == "Raster de masque"
    assert "Produit un masque de nuages binaire" in french[alg + " help"]
    assert neve_provider.longName() == "Névé : masques de nuages et cartes de neige pour Sentinel-2"


def test_every_algorithm_text_is_translated(english_then_french):
    english, french = english_then_french
    assert set(english) == set(french)
    # Texts that are the same in both languages on purpose (codes, proper nouns).
    same_on_purpose = {k for k, v in english.items() if v.strip().rstrip(".").isdigit()}
    untranslated = sorted(k for k in english if english[k] == french[k] and k not in same_on_purpose)
    assert untranslated == []


def test_ts_file_has_every_code_string_translated():
    result = subprocess.run(["/usr/bin/python3", os.path.join(ROOT, "scripts", "i18n.py"), "check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_lrelease_reports_no_unfinished_translation(tmp_path):
    result = subprocess.run(["lrelease", os.path.join(ROOT, "i18n", "neve_fr.ts"), "-qm",
                             str(tmp_path / "neve_fr.qm")], capture_output=True, text=True, check=True)
    assert " 0 unfinished" in result.stdout
    assert "Ignored" not in result.stdout
