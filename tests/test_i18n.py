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


def test_french_has_one_term_for_the_snowline_and_a_space_before_colons():
    """Issue 17: "limite d'enneigement" everywhere (dialog, panel, report, log), never "limite de la neige"
    or "ligne de neige"; a space before ":" in every French text (French typography)."""
    import re
    import xml.etree.ElementTree as ET

    tree = ET.parse(os.path.join(ROOT, "i18n", "neve_fr.ts"))
    snowline = []
    for message in tree.iter("message"):
        source, french = message.findtext("source"), message.findtext("translation") or ""
        if "snowline" in source.lower():
            snowline.append(french)
        assert not re.search(r"limite de la neige|ligne de neige|limite des neiges", french, re.IGNORECASE), french
        assert not re.search(r"[^\s\u00a0\u202f]:(\s|$)", french), french
    assert snowline and all("limite d'enneigement" in text.lower() for text in snowline)


def test_french_numbers_have_a_decimal_comma_and_a_space_before_colons(neve_provider):
    """Issue 17: the log, the panel's statistics and the histograms write "26,5 %" in French, as the spin
    boxes do; "Produit : …"."""
    from neve.plugin.i18n import install_translator, label_value, number, tr

    try:
        assert install_translator("fr") == "fr"
        assert tr("{percent:.1f} % of the valid pixels").format(percent=26.5) == "26,5 % des pixels valides"
        assert label_value(tr("Snowline elevation"), tr("{zs:.0f} m").format(zs=1560.0)) == \
            "Altitude de la limite d'enneigement : 1560 m"
        assert number(0.04) == "0,04" and number(480) == "480" and number(0.5, ".3f") == "0,500"
        # a path or a name keeps its dots; an integer is not a decimal number
        assert tr("{parameter}: {value} is out of range; give a finite number.").format(
            parameter="a.b", value=3) == "a.b : 3 est hors limites ; donnez un nombre fini."
    finally:
        install_translator("en")
    assert tr("{percent:.1f} % of the valid pixels").format(percent=26.5) == "26.5 % of the valid pixels"


def test_metadata_is_found_as_neve_and_has_french_tags():
    """Issue 17: the plugin manager finds "neve" without its accents (tags), and tags in French."""
    import configparser

    parser = configparser.ConfigParser(interpolation=None)
    parser.read(os.path.join(ROOT, "metadata.txt"), encoding="utf-8")
    general = parser["general"]
    english = [t.strip() for t in general["tags"].split(",")]
    french = [t.strip() for t in general["tags[fr]"].split(",")]
    assert "neve" in english and "neve" in french and "névé" in french
    assert {"neige", "nuages", "masque de nuages", "limite d'enneigement"} <= set(french)
