"""One way to parse outside JSON and one strict reader of its fields, errors naming the path."""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from typing import Any

from ..errors import AppError
from ._errors import ResponseFormatError

# Deeper than any document this app reads (DID documents, metadata, threads nest < 100).
MAX_DEPTH = 512


def loads(data: bytes | str, what: str, *, error: type[AppError] = ResponseFormatError) -> Any:
    """Parse JSON from outside: anything malformed, nested too deeply (a recursion bomb under
    the size cap) or undecodable is `error`, never a bare `ValueError` or `RecursionError`."""
    try:
        value = json.loads(data, parse_constant=_refuse_constant)
    except RecursionError as exc:
        raise error(f"{what} nests too deeply") from exc
    except (ValueError, UnicodeDecodeError) as exc:
        raise error(f"{what} is not valid JSON") from exc
    if _too_deep(value):
        raise error(f"{what} nests too deeply")
    return value


def _refuse_constant(name: str) -> Any:
    # Python's json takes NaN and ±Infinity, which JSON (RFC 8259) does not have: a lifetime
    # of NaN compares false with everything and would never expire.
    raise ValueError(f"{name} is not JSON")


def _too_deep(value: Any) -> bool:
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if depth > MAX_DEPTH:
            return True
        if isinstance(item, dict):
            stack.extend((v, depth + 1) for v in item.values() if isinstance(v, dict | list))
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item if isinstance(v, dict | list))
    return False


class Fields:
    """Typed reads of one JSON object from outside.

    Holds the object, its path (for messages: `feed[3].post.author`) and the error type to
    raise. Required reads raise when a field is missing or mistyped; `opt_*` reads accept a
    missing or null field but not a mistyped one; `lenient_*` reads turn anything unusable into
    the default (decorative fields of other people's records).
    """

    __slots__ = ("_data", "_error", "path")

    def __init__(self, value: Any, path: str,
                 error: type[AppError] = ResponseFormatError) -> None:
        if not isinstance(value, Mapping):
            raise error(f"{path} is not an object")
        self._data: Mapping[str, Any] = value
        self._error = error
        self.path = path

    @property
    def raw(self) -> Mapping[str, Any]:
        return self._data

    def has(self, key: str) -> bool:
        return self._data.get(key) is not None

    def get(self, key: str) -> Any:
        return self._data.get(key)

    def _fail(self, key: str, what: str) -> AppError:
        return self._error(f"{self.path}.{key} is missing or not {what}")

    def string(self, key: str, *, nonempty: bool = False) -> str:
        value = self._data.get(key)
        if not isinstance(value, str) or (nonempty and not value):
            raise self._fail(key, "a string")
        return value

    def opt_string(self, key: str) -> str | None:
        value = self._data.get(key)
        if value is None:
            return None
        if not isinstance(value, str):
            raise self._fail(key, "a string")
        return value

    def lenient_string(self, key: str) -> str | None:
        value = self._data.get(key)
        return value if isinstance(value, str) else None

    def number(self, key: str) -> float:
        """A finite number: `1e400` parses as infinity, and a long integer overflows a float."""
        value = self._data.get(key)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self._fail(key, "a finite number")
        try:
            number = float(value)
        except OverflowError:
            number = math.inf
        if not math.isfinite(number):
            raise self._fail(key, "a finite number")
        return number

    def opt_number(self, key: str) -> float | None:
        return None if self._data.get(key) is None else self.number(key)

    def integer(self, key: str, *, minimum: int | None = None) -> int:
        value = self._data.get(key)
        if isinstance(value, bool) or not isinstance(value, int) or (
                minimum is not None and value < minimum):
            raise self._fail(key, "a whole number" if minimum is None
                             else f"a whole number ≥ {minimum}")
        return value

    def count(self, key: str) -> int:
        """A non-negative counter; anything else reads as 0."""
        value = self._data.get(key)
        return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 \
            else 0

    def array(self, key: str, *, required: bool = False) -> Sequence[Any]:
        value = self._data.get(key)
        if value is None and not required:
            return ()
        if not isinstance(value, list):
            raise self._fail(key, "a list")
        return value

    def strings(self, key: str) -> tuple[str, ...]:
        """A list of strings; entries of other types are skipped."""
        value = self._data.get(key)
        return tuple(x for x in value if isinstance(x, str)) if isinstance(value, list) else ()

    def obj(self, key: str) -> Fields:
        return Fields(self._data.get(key), f"{self.path}.{key}", self._error)

    def opt_obj(self, key: str) -> Fields | None:
        value = self._data.get(key)
        return Fields(value, f"{self.path}.{key}", self._error) if isinstance(value, Mapping) \
            else None

    def item(self, key: str, index: int) -> Fields:
        """Element `index` of the list `key`, as an object."""
        return Fields(self.array(key)[index], f"{self.path}.{key}[{index}]", self._error)
