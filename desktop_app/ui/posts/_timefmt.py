"""Short relative times for posts ("now", "5m", "3h", "2d", "14 Nov", "14 Nov 2023"), in the
interface's language (the date in its locale's month names)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale

from ..lang import tr


def parse_time(iso: str) -> float | None:
    try:
        stamp = dt.datetime.fromisoformat(iso)
    except ValueError:
        return None
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=dt.UTC)
    return stamp.timestamp()


def relative_time(iso: str, now: float) -> str:
    when = parse_time(iso)
    if when is None:
        return ""
    delta = now - when
    if delta < 60:
        # also clock skew: a post "from the future" by a few seconds
        return tr("now", "a post's age: under a minute")
    if delta < 3600:
        return tr("%nm", "a post's age in minutes, as short as possible", int(delta // 60))
    if delta < 86400:
        return tr("%nh", "a post's age in hours, as short as possible", int(delta // 3600))
    if delta < 7 * 86400:
        return tr("%nd", "a post's age in days, as short as possible", int(delta // 86400))
    local = dt.datetime.fromtimestamp(when)
    current = dt.datetime.fromtimestamp(now)
    day = QDate(local.year, local.month, local.day)
    # QDate formats (d: day, MMM: the month's short name, yyyy: the year), in the locale's words.
    pattern = tr("d MMM", "date format of a post from this year (Qt QDate format)") \
        if local.year == current.year \
        else tr("d MMM yyyy", "date format of a post from an earlier year (Qt QDate format)")
    return QLocale().toString(day, pattern)
