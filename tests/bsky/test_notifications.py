"""Notifications grouped as people read them."""

from __future__ import annotations

from desktop_app.bsky import Author, Notification, group_notifications

SUBJECT = "at://did:plc:me/app.bsky.feed.post/1"


def note(n: int, reason: str, who: str, subject: str | None = SUBJECT,
         read: bool = False) -> Notification:
    return Notification(uri=f"at://did:plc:{who}/x/{n}", cid=str(n),
                        author=Author(f"did:plc:{who}", f"{who}.test", who), reason=reason,
                        reason_subject=subject, is_read=read, indexed_at=f"2026-12-0{9 - n}")


def test_likes_of_one_post_are_one_group() -> None:
    groups = group_notifications([
        note(1, "like", "bob"), note(2, "reply", "carol"), note(3, "like", "dan"),
        note(4, "like", "erin"), note(5, "like", "fay"), note(6, "like", "bob"),
    ])
    assert [g.reason for g in groups] == ["like", "reply"]
    assert groups[0].summary() == "bob and 3 others liked your post"
    assert len(groups[0].items) == 5 and len(groups[0].authors) == 4


def test_two_names_and_one_name() -> None:
    two = group_notifications([note(1, "repost", "bob"), note(2, "repost", "carol")])
    assert two[0].summary() == "bob and carol reposted your post"
    assert group_notifications([note(1, "follow", "bob", None)])[0].summary() == \
        "bob followed you"


def test_replies_mentions_and_quotes_are_never_grouped() -> None:
    groups = group_notifications([note(1, "reply", "bob"), note(2, "reply", "bob"),
                                  note(3, "mention", "bob"), note(4, "quote", "bob")])
    assert len(groups) == 4


def test_a_group_is_unread_while_any_member_is() -> None:
    group = group_notifications([note(1, "like", "bob", read=True),
                                 note(2, "like", "carol")])[0]
    assert not group.is_read
