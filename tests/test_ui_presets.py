"""Presets: the built-in ones from the table, the user's own round-tripped through the QGIS settings."""
import json

import pytest
from qgis.core import QgsSettings


@pytest.fixture
def clean_settings(qgis_app):
    from neve.ui.presets import SETTINGS_KEY

    QgsSettings().remove(SETTINGS_KEY)
    yield
    QgsSettings().remove(SETTINGS_KEY)


def test_builtin_presets_are_the_production_values(qgis_app, clean_settings):
    from neve.ui.presets import all_presets, builtin_presets

    presets = {p.key: p for p in builtin_presets()}
    assert presets["theia_2018"].values == {
        "NDSI_PASS1": 0.4, "RED_PASS1": 0.2, "NDSI_PASS2": 0.15, "RED_PASS2": 0.04, "RED_DARKCLOUD": 0.3,
        "RED_BACKTOCLOUD": 0.1, "DISTANCE": 480, "THRESHOLD": 0.04, "THRESHOLD_SUNGLINT": 0.16,
        "SUNGLINT_ANGLE": 30.0}
    # May 2017 to February 2018: 240 m buffer, 0.08 and 0.25 over water (DOMAIN.md section 4)
    assert presets["theia_2017"].values["DISTANCE"] == 240
    assert presets["theia_2017"].values["THRESHOLD"] == 0.08
    assert presets["theia_2017"].values["THRESHOLD_SUNGLINT"] == 0.25
    assert set(presets["lis_defaults"].values) == {"NDSI_PASS1", "RED_PASS1", "NDSI_PASS2", "RED_PASS2",
                                                   "RED_DARKCLOUD", "RED_BACKTOCLOUD"}
    assert presets["theia_2018"].label == "Theia production since February 2018"
    assert all(p.builtin for p in presets.values())
    assert [p.key for p in all_presets()] == [p.key for p in builtin_presets()]  # no user preset yet


def test_user_presets_round_trip_through_the_settings(qgis_app, clean_settings):
    from neve.ui.presets import (SETTINGS_KEY, delete_user_preset, rename_user_preset, save_user_preset,
                                 user_presets)

    save_user_preset("Alps, spring", {"NDSI_PASS1": 0.35, "DISTANCE": 300})
    save_user_preset("écrins/2019", {"RED_PASS2": 0.05})  # a slash and an accent in the name
    QgsSettings().sync()

    # what another QGIS session reads: a new settings object, the stored JSON itself
    stored = json.loads(QgsSettings().value(SETTINGS_KEY, "", type=str))
    assert stored == {"Alps, spring": {"NDSI_PASS1": 0.35, "DISTANCE": 300}, "écrins/2019": {"RED_PASS2": 0.05}}
    presets = user_presets(QgsSettings())
    assert [p.key for p in presets] == ["Alps, spring", "écrins/2019"]
    assert presets[0].values == {"NDSI_PASS1": 0.35, "DISTANCE": 300}
    assert type(presets[0].values["DISTANCE"]) is int
    assert not presets[0].builtin

    save_user_preset("Alps, spring", {"NDSI_PASS1": 0.3})  # same name: replaced
    rename_user_preset("écrins/2019", "Écrins 2019")
    assert {p.key: p.values for p in user_presets()} == {"Alps, spring": {"NDSI_PASS1": 0.3},
                                                          "Écrins 2019": {"RED_PASS2": 0.05}}
    delete_user_preset("Alps, spring")
    assert [p.key for p in user_presets()] == ["Écrins 2019"]


def test_preset_names_and_missing_presets_are_refused(qgis_app, clean_settings):
    from neve.ui.presets import delete_user_preset, rename_user_preset, save_user_preset, user_presets

    save_user_preset("A", {"DISTANCE": 100})
    save_user_preset("B", {"DISTANCE": 200})
    with pytest.raises(ValueError):
        save_user_preset("   ", {"DISTANCE": 100})
    with pytest.raises(ValueError):
        rename_user_preset("A", "B")
    with pytest.raises(KeyError):
        rename_user_preset("C", "D")
    with pytest.raises(KeyError):
        delete_user_preset("theia_2018")  # built-in presets are not the user's to delete
    assert {p.key: p.values for p in user_presets()} == {"A": {"DISTANCE": 100}, "B": {"DISTANCE": 200}}


def test_values_read_back_are_checked_against_the_table(qgis_app, clean_settings):
    from neve.ui.presets import SETTINGS_KEY, user_presets

    QgsSettings().setValue(SETTINGS_KEY, json.dumps({
        "edited by hand": {"NDSI_PASS1": "0.45", "DISTANCE": 99999, "RED_PASS1": -3, "UNKNOWN": 1,
                           "THRESHOLD": "abc", "SUNGLINT_ANGLE": 12.34, "RED_PASS2": True},
        "not a preset": [1, 2]}))
    presets = user_presets()
    assert [p.key for p in presets] == ["edited by hand"]
    # clamped to the table's ranges, rounded to its decimals; text numbers read, others dropped
    assert presets[0].values == {"NDSI_PASS1": 0.45, "DISTANCE": 5000, "RED_PASS1": 0.0, "SUNGLINT_ANGLE": 12.3}


def test_damaged_settings_give_no_user_preset_instead_of_an_error(qgis_app, clean_settings):
    from neve.ui.presets import SETTINGS_KEY, user_presets

    QgsSettings().setValue(SETTINGS_KEY, "{not json")
    assert user_presets() == []
