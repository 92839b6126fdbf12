"""Saying things: the sentences the Qt-free layers hand the window (`Sentence`: an English
template and its values) said in the interface's language — the template looked up in the
catalogue, numbers, times and lengths of time formatted for the locale, sentences inside
sentences said the same way — and sentences announced to a screen reader."""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import QDate, QLocale, QObject, QTime
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

from ...sentences import DAY, HOUR, MINUTE, Amount, Duration, Moment, Sentence, Value
from ._tr import tr

log = logging.getLogger(__name__)


def say(sentence: Sentence | str) -> str:
    """`sentence` in the interface's language (a bare `str` is a template with no values).
    A catalogue entry whose fields don't match its template is a translator's slip: the
    English is said rather than nothing."""
    if isinstance(sentence, str):
        return tr(sentence)
    text = tr(sentence.template)
    if not sentence.values:
        return text
    values = {key: _value(value) for key, value in sentence.values.items()}
    try:
        return text.format_map(values)
    except (KeyError, IndexError, ValueError):
        log.warning("the translation of %r does not fit its values", sentence.template)
        return sentence.template.format_map(values)


def announce(source: QObject, text: str) -> None:
    """Have a screen reader say `text` (politely: after what it is reading) — for a sentence
    that appears away from the reader's focus (the status bar, a problem under the composer),
    which it would otherwise not hear."""
    if text and QAccessible.isActive():
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(source, text))


def _value(value: Value) -> str:
    if isinstance(value, Sentence):
        return say(value)
    if isinstance(value, Duration):
        return duration_words(value.seconds)
    if isinstance(value, Moment):
        return moment_words(value)
    if isinstance(value, Amount):
        return QLocale().toString(value.value, "f", value.places)
    if isinstance(value, int):
        return QLocale().toString(value)
    return value


def moment_words(moment: Moment) -> str:
    """The time of day in the locale's short form ("14:05", "2:05 PM"), after the day and
    month on an earlier day."""
    local = dt.datetime.fromtimestamp(moment.seconds)
    locale = QLocale()
    clock = locale.toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)
    if moment.today:
        return clock
    day = locale.toString(QDate(local.year, local.month, local.day),
                          tr("d MMM", "date format of a post from this year (Qt QDate format)"))
    return tr("{date}, {time}", "a date then a time of day: Dec 4, 14:05").format(
        date=day, time=clock)


def _unit(count: int, unit: str) -> str:
    if unit == "day":
        return tr("1 day") if count == 1 else tr("%n days", None, count)
    if unit == "hour":
        return tr("1 hour") if count == 1 else tr("%n hours", None, count)
    return tr("1 minute") if count == 1 else tr("%n minutes", None, count)


def duration_words(seconds: float) -> str:
    """The two largest units, rounded down: "13 days 4 hours", "5 minutes"."""
    if seconds < MINUTE:
        return tr("less than a minute")
    days, rest = divmod(int(seconds), DAY)
    hours, rest = divmod(rest, HOUR)
    units = [(days, "day"), (hours, "hour"), (rest // MINUTE, "minute")]
    first = next(i for i, (count, _) in enumerate(units) if count)
    shown = [_unit(count, unit) for count, unit in units[first:first + 2] if count]
    if len(shown) == 1:
        return shown[0]
    return tr("{larger} {smaller}", "a duration in two units: 13 days 4 hours").format(
        larger=shown[0], smaller=shown[1])
