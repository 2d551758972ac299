"""Which MAJA parametrisation made a Theia product, from its production date (plugin/core/maja.py), tested on
the days at each boundary (docs/MAJA_ERAS.md)."""
import datetime

import pytest

from neve.plugin.core import maja
from neve.plugin.core.defaults import CLOUD_PRESETS


def utc(*parts):
    return datetime.datetime(*parts, tzinfo=datetime.timezone.utc)


@pytest.mark.parametrize("production, key, uncertain", [
    (utc(2016, 7, 14, 10, 0), "theia_2016", False),
    (utc(2017, 4, 30, 23, 59, 59), "theia_2016", False),     # the last day of the first era
    (utc(2017, 5, 1, 0, 0, 0), "theia_2017", True),          # May 2017: the post gives no day
    (datetime.date(2017, 5, 31), "theia_2017", True),
    (datetime.date(2017, 6, 1), "theia_2017", False),
    (utc(2018, 2, 1, 23, 59, 59), "theia_2017", False),      # the last day of the 240 m era
    (utc(2018, 2, 2, 0, 0, 0), "theia_2018", False),         # "since the 2nd of February"
    (datetime.date(2018, 2, 2), "theia_2018", False),
    (utc(2024, 11, 5, 8, 30), "theia_2018", False),
])
def test_the_era_of_a_production_date(production, key, uncertain):
    era = maja.era_of(production)
    assert (era.key, era.uncertain) == (key, uncertain)


def test_the_eras_parameters():
    old, reduced, current = maja.eras()
    assert (old.distance, old.threshold, old.threshold_sunglint) == (480.0, 0.08, 0.25)
    assert (reduced.distance, reduced.threshold, reduced.threshold_sunglint) == (240.0, 0.08, 0.25)
    assert (current.distance, current.threshold, current.threshold_sunglint) == (480.0, 0.04, 0.16)
    # the two later eras are the presets of the recipe
    for era in (reduced, current):
        assert CLOUD_PRESETS[era.key] == {"distance": era.distance, "threshold": era.threshold,
                                          "threshold_sunglint": era.threshold_sunglint}
    assert (old.start, old.end, reduced.start, reduced.end, current.start, current.end) == (
        None, datetime.date(2017, 5, 1), datetime.date(2017, 5, 1), datetime.date(2018, 2, 2),
        datetime.date(2018, 2, 2), None)
    assert maja.CURRENT == "theia_2018" and maja.era_by_key("theia_2017") == reduced
    assert maja.era_of(None) is None
