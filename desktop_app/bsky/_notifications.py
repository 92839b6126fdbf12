"""Notifications as people read them: likes, reposts and follows of one subject grouped."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ._models import Author, Notification

GROUPED_REASONS = frozenset({"like", "repost", "follow"})


@dataclass(frozen=True, slots=True)
class NotificationGroup:
    """Notifications with the same reason and subject (newest first); one for anything else."""

    items: tuple[Notification, ...]

    @property
    def newest(self) -> Notification:
        return self.items[0]

    @property
    def reason(self) -> str:
        return self.newest.reason

    @property
    def authors(self) -> tuple[Author, ...]:
        seen: dict[str, Author] = {}
        for item in self.items:
            seen.setdefault(item.author.did, item.author)
        return tuple(seen.values())

    @property
    def is_read(self) -> bool:
        return all(item.is_read for item in self.items)

    @property
    def key(self) -> str:
        newest = self.newest
        if newest.reason in GROUPED_REASONS:
            return f"{newest.reason} {newest.reason_subject or ''}"
        return newest.uri

    def summary(self) -> str:
        """"bob liked your post", "bob and 3 others liked your post"."""
        authors = self.authors
        who = authors[0].name
        if len(authors) == 2:
            who = f"{who} and {authors[1].name}"
        elif len(authors) > 2:
            who = f"{who} and {len(authors) - 1} others"
        return f"{who} {VERBS.get(self.reason, 'notified you')}"


VERBS = {
    "like": "liked your post",
    "repost": "reposted your post",
    "follow": "followed you",
    "reply": "replied to you",
    "mention": "mentioned you",
    "quote": "quoted your post",
    "starterpack-joined": "signed up with your starter pack",
}


def group_notifications(items: Iterable[Notification]) -> list[NotificationGroup]:
    """Likes, reposts and follows of the same subject join the group of the newest of them;
    replies, mentions and quotes stay one each. Order: by each group's newest item."""
    groups: dict[str, list[Notification]] = {}
    for item in items:
        key = f"{item.reason} {item.reason_subject or ''}" if item.reason in GROUPED_REASONS \
            else item.uri
        groups.setdefault(key, []).append(item)
    return [NotificationGroup(tuple(members)) for members in groups.values()]
