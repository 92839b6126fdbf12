"""Short relative times for posts ("now", "5m", "3h", "2d", "14 Nov", "14 Nov 2023")."""

from __future__ import annotations

import datetime as dt


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
        return "now"  # also clock skew: a post "from the future" by a few seconds
    if delta < 3600:
        return f"{int(delta // 60)}m"
    if delta < 86400:
        return f"{int(delta // 3600)}h"
    if delta < 7 * 86400:
        return f"{int(delta // 86400)}d"
    local = dt.datetime.fromtimestamp(when)
    current = dt.datetime.fromtimestamp(now)
    day = f"{local.day} {local.strftime('%b')}"
    return day if local.year == current.year else f"{day} {local.year}"

