"""What one row of a post list shows: a post (maybe covered), a placeholder, a group."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..bsky import CLEAN, Author, Decision, FeedItem, NotificationGroup, PostView

RowKind = Literal["post", "placeholder", "more", "group", "actor"]


@dataclass(frozen=True, slots=True)
class Row:
    """A post (`item`), or a placeholder for a deleted or blocked post, a "more replies" link
    or a group of notifications. `depth` indents a reply in a thread; `focus` marks the post
    a thread was opened on; `decision` is the moderation verdict, `revealed` whether the reader
    clicked "Show"; `context` replaces the "Reposted by" line (notifications)."""

    key: str
    kind: RowKind = "post"
    item: FeedItem | None = None
    depth: int = 0
    focus: bool = False
    text: str = ""
    uri: str = ""
    group: NotificationGroup | None = None
    decision: Decision = CLEAN
    revealed: bool = False
    context: str = ""
    actor: Author | None = None  # an account row (search results)

    @property
    def post(self) -> PostView | None:
        return self.item.post if self.item is not None else None

    @property
    def covered(self) -> bool:
        """Whether a moderation cover is drawn (not yet revealed)."""
        return not self.revealed and self.decision.blur != "none"

    @property
    def layout_key(self) -> str:
        """Identity for cached layouts: the same row covered and revealed lay out differently."""
        return f"{self.key}|{self.depth}|{int(self.focus)}|{int(self.covered)}"


def actor_row(author: Author) -> Row:
    return Row(f"actor {author.did}", "actor", text=author.description, actor=author)


def post_row(item: FeedItem, decision: Decision = CLEAN, *, depth: int = 0,
             focus: bool = False, context: str = "") -> Row:
    return Row(item.key, "post", item, depth, focus, decision=decision, context=context)
