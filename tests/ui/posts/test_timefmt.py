"""How a post's time reads: "now", minutes, hours, days, then the date."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.ui.posts import relative_time


@pytest.mark.parametrize(("age", "expected"), [
    (5, "now"), (-30, "now"), (125, "2m"), (3 * 3600 + 5, "3h"), (2 * 86400 + 10, "2d")])
def test_relative_time(age: float, expected: str) -> None:
    now = 1_763_800_000.0
    iso = dt.datetime.fromtimestamp(now - age, dt.UTC).isoformat().replace("+00:00", "Z")
    assert relative_time(iso, now) == expected


def test_relative_time_old_and_bad() -> None:
    now = 1_763_800_000.0  # 22 Nov 2025
    assert relative_time("2025-03-14T12:00:00.000Z", now) == "14 Mar"
    assert relative_time("2019-03-14T12:00:00Z", now) == "14 Mar 2019"
    assert relative_time("yesterday", now) == ""
