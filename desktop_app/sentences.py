"""What the app says to a person, kept as parts so the window can say it in its language.

The Qt-free layers (protocol core, app layer) phrase their sentences in English — that is what
the command line prints and the logs keep — but they never glue values into them: a
`Sentence` is an English template with named `{fields}` and the values to put there, and the
window translates the template (`ui.lang.say`) and fills the values in, formatted for its
locale. `QT_TR_NOOP` marks each template so `pyside6-lupdate` finds it for the catalogues.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, TypeAlias

MINUTE, HOUR, DAY = 60, 3600, 86400


def QT_TR_NOOP(text: str) -> str:  # the name pyside6-lupdate looks for
    """`text` unchanged: a mark for the catalogue extraction, not a translation."""
    return text


@dataclass(frozen=True, slots=True)
class Duration:
    """A length of time a sentence names ("in 5 minutes"): said in the reader's language."""

    seconds: float

    def __str__(self) -> str:
        return describe_duration(self.seconds)


@dataclass(frozen=True, slots=True)
class Sentence:
    """An English `template` with `{name}` fields, and the `values` that fill them.

    A value is text said as it is (a handle, a list's name, a server's own words), a whole
    number, an `Amount` with decimals, a `Duration`, a `Moment`, or another `Sentence` (a
    reason inside a sentence).
    `str()` is the English.
    """

    template: str
    values: Mapping[str, Value] = field(default_factory=dict)

    @classmethod
    def of(cls, template: str, **values: Value) -> Sentence:
        return cls(template, dict(values))

    def __str__(self) -> str:
        if not self.values:
            return self.template
        return self.template.format_map({k: str(v) for k, v in self.values.items()})

    def to_json(self) -> dict[str, Any]:
        """A plain object for the files the app keeps (the outbox)."""
        return {"template": self.template,
                "values": {k: _value_json(v) for k, v in self.values.items()}}

    @classmethod
    def from_json(cls, data: object, english: str = "") -> Sentence:
        """Read back what `to_json` wrote; anything else is `english` as it is (an older file
        kept only the English)."""
        if not isinstance(data, Mapping) or not isinstance(data.get("template"), str):
            return cls(english)
        raw = data.get("values")
        values: dict[str, Value] = {}
        for key, value in (raw.items() if isinstance(raw, Mapping) else ()):
            read = _value_read(value)
            if not isinstance(key, str) or read is None:
                return cls(english or data["template"])
            values[key] = read
        sentence = cls(data["template"], values)
        try:
            sentence.template.format_map({k: str(v) for k, v in values.items()})
        except (KeyError, IndexError, ValueError):
            return cls(english or data["template"])
        return sentence


@dataclass(frozen=True, slots=True)
class Amount:
    """A number with a fixed count of decimals ("1.5" MB), written with the reader's decimal
    sign."""

    value: float
    places: int = 1

    def __str__(self) -> str:
        return f"{self.value:.{self.places}f}"


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True, slots=True)
class Moment:
    """When something happened, as a sentence names it: the time of day if it was on the day
    of `now`, else the date too (local time), written the reader's way."""

    seconds: float
    now: float

    @property
    def today(self) -> bool:
        when, today = time.localtime(self.seconds), time.localtime(self.now)
        return (when.tm_year, when.tm_yday) == (today.tm_year, today.tm_yday)

    def __str__(self) -> str:
        """"14:05" today, "Dec 4, 14:05" before — English months whatever the C library's
        language is."""
        when = time.localtime(self.seconds)
        clock = f"{when.tm_hour:02d}:{when.tm_min:02d}"
        return clock if self.today else f"{_MONTHS[when.tm_mon - 1]} {when.tm_mday}, {clock}"


Value: TypeAlias = str | int | Amount | Duration | Moment | Sentence


def _value_json(value: Value) -> object:
    if isinstance(value, Sentence):
        return {"sentence": value.to_json()}
    if isinstance(value, Duration):
        return {"seconds": value.seconds}
    if isinstance(value, Moment):
        return {"moment": value.seconds, "now": value.now}
    if isinstance(value, Amount):
        return {"amount": value.value, "places": value.places}
    return value


def _value_read(value: object) -> Value | None:
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        return value
    if isinstance(value, Mapping):
        if "sentence" in value:
            return Sentence.from_json(value["sentence"])
        amount, places = value.get("amount"), value.get("places")
        if _finite(amount) and isinstance(places, int) and not isinstance(places, bool) \
                and 0 <= places <= 6:
            return Amount(float(amount), places)  # type: ignore[arg-type]
        moment, now = value.get("moment"), value.get("now")
        if _finite(moment) and _finite(now):
            return Moment(float(moment), float(now))  # type: ignore[arg-type]
        seconds = value.get("seconds")
        if isinstance(seconds, (int, float)) and not isinstance(seconds, bool) \
                and 0 <= seconds < float("inf"):
            return Duration(float(seconds))
    return None


def _finite(number: object) -> bool:
    return isinstance(number, (int, float)) and not isinstance(number, bool) \
        and abs(number) < float("inf")


def said(message: str | Sentence) -> Sentence:
    """A plain template (no values) or a sentence, as a sentence."""
    return message if isinstance(message, Sentence) else Sentence(message)


def describe_duration(seconds: float) -> str:
    """The two largest units, rounded down: "13 days 4 hours", "5 minutes"."""
    if seconds < MINUTE:
        return "less than a minute"
    days, rest = divmod(int(seconds), DAY)
    hours, rest = divmod(rest, HOUR)
    units = [(days, "day"), (hours, "hour"), (rest // MINUTE, "minute")]
    first = next(i for i, (count, _) in enumerate(units) if count)
    return " ".join(
        f"{count} {name}{'' if count == 1 else 's'}" for count, name in units[first:first + 2]
        if count
    )
