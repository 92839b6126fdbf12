"""The saved-feeds preference as the official SDK reads and writes it: v2 wins, v1 converted,
every other preference (unknown types included) kept exactly; pinning, unpinning, moving."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from desktop_app.bsky import (
    FOLLOWING,
    InvalidFeedError,
    SavedFeed,
    moved,
    pinned_with,
    saved_feeds,
    saved_type,
    with_saved,
    without,
)

DID = "did:plc:ewvi7nxzyoun6zhxrhs64oiz"
SCIENCE = f"at://{DID}/app.bsky.feed.generator/science"
CATS = f"at://{DID}/app.bsky.feed.generator/cats"
FRIENDS = f"at://{DID}/app.bsky.graph.list/friends"
ADULT = {"$type": "app.bsky.actor.defs#adultContentPref", "enabled": True}
FUTURE = {"$type": "app.bsky.actor.defs#somethingNewPref", "nested": {"keep": [1, 2, {"x": None}]}}


def ids() -> Any:
    counter = itertools.count()
    return lambda: f"id{next(counter)}"


def v2(*items: tuple[str, str, str, bool], **extra: Any) -> dict[str, Any]:
    return {"$type": "app.bsky.actor.defs#savedFeedsPrefV2", **extra,
            "items": [{"id": i, "type": t, "value": v, "pinned": p} for i, t, v, p in items]}


def test_types_come_from_the_uri() -> None:
    assert saved_type(SCIENCE) == "feed"
    assert saved_type(FRIENDS) == "list"
    assert saved_type(FOLLOWING) == "timeline"
    for bad in ("https://bsky.app/x", f"at://{DID}/app.bsky.feed.post/1", "at://nodid/a.b.c/x",
                f"at://{DID}/app.bsky.feed.generator", ""):
        with pytest.raises(InvalidFeedError):
            saved_type(bad)


def test_the_last_valid_v2_wins_and_invalid_items_are_not_shown() -> None:
    prefs = [v2(("a", "feed", CATS, True)),
             v2(("t", "timeline", FOLLOWING, True), ("s", "feed", SCIENCE, False),
                ("?", "somethingElse", "x", True), ("n", "feed", "", True)),
             {"$type": "app.bsky.actor.defs#savedFeedsPrefV2", "items": "broken"}]
    assert saved_feeds(prefs) == (SavedFeed("t", "timeline", FOLLOWING, True),
                                  SavedFeed("s", "feed", SCIENCE, False))


def test_v1_is_converted_as_the_sdk_does() -> None:
    v1 = {"$type": "app.bsky.actor.defs#savedFeedsPref", "pinned": [SCIENCE, FRIENDS],
          "saved": [CATS, SCIENCE, f"at://{DID}/app.bsky.feed.post/1"]}
    assert saved_feeds([ADULT, v1], new_id=ids()) == (
        SavedFeed("id0", "timeline", FOLLOWING, True),
        SavedFeed("id1", "feed", SCIENCE, True),
        SavedFeed("id2", "list", FRIENDS, True),
        SavedFeed("id3", "feed", CATS, False))


def test_without_any_the_home_is_following() -> None:
    assert saved_feeds([ADULT], new_id=ids()) == (SavedFeed("id0", "timeline", FOLLOWING, True),)


def test_a_write_keeps_every_other_preference_exactly() -> None:
    v1 = {"$type": "app.bsky.actor.defs#savedFeedsPref", "pinned": [CATS], "saved": [CATS]}
    old = v2(("t", "timeline", FOLLOWING, True), ("u", "futureType", "whatever", True),
             futureField="kept")
    prefs = [ADULT, v1, old, FUTURE]
    items = [SavedFeed("s", "feed", SCIENCE, False), SavedFeed("t", "timeline", FOLLOWING, True),
             SavedFeed("f", "list", FRIENDS, True)]
    written = with_saved(prefs, items)
    assert written[0] == ADULT and written[2] == FUTURE  # in place, untouched
    assert written[1] == {**v1, "saved": [CATS, FRIENDS, SCIENCE], "pinned": [CATS, FRIENDS]}
    new = written[3]
    assert new["futureField"] == "kept"
    assert [i["id"] for i in new["items"]] == ["t", "f", "s", "u"]  # pinned first; unknown kept
    assert saved_feeds(written) == (items[1], items[2], items[0])
    assert prefs[2] == old  # the input is not changed


def test_pin_unpin_move_and_remove() -> None:
    items = [SavedFeed("t", "timeline", FOLLOWING, True), SavedFeed("s", "feed", SCIENCE, False)]
    pinned = pinned_with(items, SCIENCE, True, new_id=ids())
    assert [(i.id, i.pinned) for i in pinned] == [("t", True), ("s", True)]
    added = pinned_with(pinned, FRIENDS, True, new_id=ids())
    assert [i.value for i in added] == [FOLLOWING, SCIENCE, FRIENDS]
    unpinned = pinned_with(added, FOLLOWING, False)
    assert [(i.value, i.pinned) for i in unpinned] == [
        (SCIENCE, True), (FRIENDS, True), (FOLLOWING, False)]
    assert [i.id for i in moved(added, "id0", 0)] == ["id0", "t", "s"]
    assert [i.value for i in without(added, SCIENCE)] == [FOLLOWING, FRIENDS]
    with pytest.raises(InvalidFeedError):
        pinned_with(items, "https://example.com/feed", True)
