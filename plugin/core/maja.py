"""Which MAJA cloud-mask parametrisation made a Theia product, from its production date (DOMAIN.md
section 8, docs/MAJA_ERAS.md).

Theia's product version did not always change when MAJA's parameters changed in production: the
production date (``PRODUCTION_DATE`` of the metadata, ``Product.production``) is the clue. Pure Python
(no numpy): the panel and the declarations may use it.

    era = era_of(product.production)
    era.key, era.distance, era.threshold, era.threshold_sunglint, era.uncertain
"""
import datetime
from collections import namedtuple

from .defaults import MAJA_ERAS, MAJA_UNCERTAIN_PERIOD

Era = namedtuple("Era", "key start end distance threshold threshold_sunglint uncertain")
Era.__doc__ = """A parametrisation of Theia's production: ``key`` ("theia_2016", "theia_2017", "theia_2018"), the
first production day ``start`` and the first day after it ``end`` (``datetime.date``, None: open), the cloud
buffer ``distance`` (m), the SWIR thresholds over water (``threshold``, ``threshold_sunglint``), and
``uncertain``: True when the production date falls in the month the source names without a day (May 2017),
so that the product may belong to the era before."""

#: The parametrisation of today's production (the last era).
CURRENT = MAJA_ERAS[-1]["key"]


def _date(text):
    return None if text is None else datetime.date.fromisoformat(text)


def eras():
    """Every :class:`Era`, oldest first (``uncertain`` False)."""
    return [Era(e["key"], _date(e["start"]), _date(e["end"]), float(e["distance"]), float(e["threshold"]),
                float(e["threshold_sunglint"]), False) for e in MAJA_ERAS]


def era_of(production):
    """The :class:`Era` of a product produced at ``production`` (a ``datetime`` in UTC or a ``date``); None
    when the date is unknown. An era holds the days from its ``start`` included to its ``end`` excluded:
    a product produced on 2 February 2018 (any time of that day) is of the current era, one of 1 February
    2018 of the 240 m era."""
    if production is None:
        return None
    day = production.date() if isinstance(production, datetime.datetime) else production
    low, high = (_date(d) for d in MAJA_UNCERTAIN_PERIOD)
    for era in eras():
        if (era.start is None or era.start <= day) and (era.end is None or day < era.end):
            return era._replace(uncertain=low <= day < high)
    return None  # pragma: no cover - the eras cover every day


def era_by_key(key):
    """The :class:`Era` named ``key`` (KeyError for another)."""
    for era in eras():
        if era.key == key:
            return era
    raise KeyError(key)
