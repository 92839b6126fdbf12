"""The desktop notification's title, phrased in the window from the activity's parts."""

from __future__ import annotations

from desktop_app.app import NewActivity
from desktop_app.bsky import Author, Notification
from desktop_app.ui.window._unread import activity_title


def activity(reason: str, count: int) -> NewActivity:
    bob = Author("did:plc:bob", "bob.test", "Bob")
    return NewActivity(tuple(Notification(f"at://did:plc:bob/app.bsky.feed.post/{n}", "c", bob,
                                          reason, None, False, "") for n in range(count)))


def test_who_did_what_and_how_many_more() -> None:
    assert activity_title(activity("reply", 1)) == "Bob replied to you"
    assert activity_title(activity("mention", 3)) == "Bob mentioned you, and 2 more"
    assert activity_title(activity("quote", 2)) == "Bob quoted your post, and 1 more"
    assert activity_title(activity("like", 1)) == "Bob notified you"
