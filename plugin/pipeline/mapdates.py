"""The dates of snow maps, one way for every job that reads series of snow maps (``neve:snowseason``,
``neve:snowstats``).

For each map, the first found of: the date given for it (``DATES``: one entry per map, in order; an
empty entry reads that map's date), the GeoTIFF metadata tag ``ACQUISITION_DATE`` (ISO 8601, written by
neve:snowmap), a date in the file name (Theia ``SENTINEL2A_20180101-103512-456_L2B-SNOW_...``,
``YYYYMMDD``, ``YYYY-MM-DD``), in the name of the file's folder.
"""
import datetime
import os
import re

from ..errors import NeveError
from ..i18n import QT_TR_NOOP, tr

#: GeoTIFF metadata tag (default domain) holding a map's acquisition date, ISO 8601 ("2018-01-01" or
#: "2018-01-01T10:35:12Z"); read before the file name.
ACQUISITION_DATE_TAG = "ACQUISITION_DATE"

_DATE_IN_TEXT = re.compile(r"(?<!\d)((?:19|20)\d{2})([-_.]?)(\d{2})\2(\d{2})(?!\d)")
_DATE_ENTRY = re.compile(r"((?:19|20)\d{2})([-/.]?)(\d{2})\2(\d{2})(?:[T ][0-9:.]*Z?)?")


def date_from_text(text):
    """The first valid date written ``YYYYMMDD`` or ``YYYY-MM-DD`` (or with ``_`` or ``.``) in ``text``,
    not part of a longer number, as a ``datetime.date``; None when there is none.

    ``SENTINEL2A_20180101-103512-456_L2B-SNOW_T31TCH_C_V1-7_SNW_R2`` -> 2018-01-01; in a Sen2Cor name the
    sensing date comes before the production date, so the first date is the acquisition.
    """
    for match in _DATE_IN_TEXT.finditer(text or ""):
        try:
            return datetime.date(int(match.group(1)), int(match.group(3)), int(match.group(4)))
        except ValueError:
            continue
    return None


def parse_date_list(text, count):
    """The dates of a ``DATES`` parameter: entries separated by commas, semicolons or line breaks, each
    ``YYYY-MM-DD`` or ``YYYYMMDD`` (a time after it is ignored) or empty (None: read the map's date).

    Empty text gives ``count`` Nones. Raises ValueError(entry) for an entry that is not a date, and
    ValueError(None) when the number of entries is not ``count``.
    """
    if not (text or "").strip():
        return [None] * count
    dates = []
    # a comma (or semicolon) and a line break after it make one separator; trailing blanks are no entry
    for entry in re.split(r"[ \t\r]*(?:[,;][ \t\r]*\n?|\n)", text.rstrip()):
        entry = entry.strip()
        if not entry:
            dates.append(None)
            continue
        match = _DATE_ENTRY.fullmatch(entry)
        try:
            dates.append(datetime.date(int(match.group(1)), int(match.group(3)), int(match.group(4))))
        except (AttributeError, ValueError):
            raise ValueError(entry)
    if len(dates) != count:
        raise ValueError(None)
    return dates


def given_dates(text, count):
    """:func:`parse_date_list` with its problems as :class:`~..errors.NeveError`."""
    try:
        return parse_date_list(text, count)
    except ValueError as error:
        if error.args[0] is None:
            raise NeveError("dates_count", QT_TR_NOOP(
                "Dates of the maps: {count} entries are needed, one per map in the order of the maps "
                "(leave an entry empty to read that map's date)."), count=count) from None
        raise NeveError("bad_date", QT_TR_NOOP(
            "Dates of the maps: \"{entry}\" is not a date; write 2018-01-01 or 20180101."),
            entry=error.args[0]) from None


def map_date(path, tags, given=None):
    """``(date, source)`` of a map: ``given``, the metadata tag (``tags``: the dataset's tags), the file
    name, the folder name; ``(None, None)`` when none holds a date. Sources: "given", "tag", "file",
    "folder" (:func:`date_source_labels`)."""
    if given is not None:
        return given, "given"
    tag = (tags or {}).get(ACQUISITION_DATE_TAG)
    if tag and date_from_text(tag):
        return date_from_text(tag), "tag"
    path = str(path).split("|")[0]
    for text, source in ((os.path.basename(path), "file"), (os.path.basename(os.path.dirname(path)), "folder")):
        date = date_from_text(text)
        if date is not None:
            return date, source
    return None, None


def date_source_labels():
    """Where a map's date was read, by key (the source of :func:`map_date`)."""
    return {"given": tr("given in Dates"), "tag": tr("ACQUISITION_DATE metadata tag"),
            "file": tr("file name"), "folder": tr("folder name")}


def undated_error(names):
    """The error naming the maps without a date."""
    return NeveError("no_date", QT_TR_NOOP(
        "No acquisition date could be read for {maps}: neither in an ACQUISITION_DATE metadata "
        "tag nor in the name (as 20180101 or 2018-01-01). Give the dates in \"Dates of the "
        "maps\", one per map in the order of the maps."), maps=", ".join(names))
