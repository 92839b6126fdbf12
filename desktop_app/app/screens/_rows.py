"""The rows of a post list, Qt-free: what each row shows, and the list that tells its observer
(the window's list model) about every change before and after it happens."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal, Protocol

from ...bsky import CLEAN, Author, Decision, FeedItem, NotificationGroup, PostView

RowKind = Literal["post", "placeholder", "more", "group", "actor", "card"]


@dataclass(frozen=True, slots=True)
class Card:
    """A custom feed or a list in a list of them: what opens its page, and what it shows."""

    uri: str
    title: str
    subtitle: str  # "Feed by @alice.test · 12 likes"
    avatar: str | None = None


@dataclass(frozen=True, slots=True)
class Row:
    """A post (`item`), or a placeholder for a deleted or blocked post, a "more replies" link,
    a group of notifications or an account. `depth` indents a reply in a thread; `focus` marks
    the post a thread was opened on; `decision` is the moderation verdict, `revealed` whether
    the reader clicked "Show"; `context` replaces the "Reposted by" line (notifications);
    `pending` marks the account's own post still waiting in the outbox; `count` is how many
    replies a "more replies" row stands for (0: not known)."""

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
    card: Card | None = None  # a feed or list row (a profile's Feeds and Lists)
    pending: bool = False
    count: int = 0
    # Identity for cached layouts: the same row covered and revealed lay out differently.
    # Computed once: every paint and every size hint asks for it.
    layout_key: str = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        covered = not self.revealed and self.decision.blur != "none"
        object.__setattr__(self, "layout_key",
                           f"{self.key}|{self.depth}|{int(self.focus)}|{int(covered)}"
                           f"|{int(self.pending)}")

    @property
    def post(self) -> PostView | None:
        return self.item.post if self.item is not None else None

    @property
    def covered(self) -> bool:
        """Whether a moderation cover is drawn (not yet revealed)."""
        return not self.revealed and self.decision.blur != "none"


def card_row(card: Card, description: str = "") -> Row:
    return Row(f"card {card.uri}", "card", text=description, card=card)


def actor_row(author: Author) -> Row:
    return Row(f"actor {author.did}", "actor", text=author.description, actor=author)


WAITING = "Waiting to send"


def post_row(item: FeedItem, decision: Decision = CLEAN, *, depth: int = 0,
             focus: bool = False, context: str = "") -> Row:
    return Row(item.key, "post", item, depth, focus, decision=decision, context=context)


def pending_row(post: PostView, *, depth: int = 0) -> Row:
    """The account's own post while it waits in the outbox."""
    return Row(FeedItem(post).key, "post", FeedItem(post), depth, context=WAITING, pending=True)


class RowObserver(Protocol):
    """Told about each change of a `RowList`, before and after (as Qt's list models need)."""

    def before_reset(self) -> None: ...

    def after_reset(self) -> None: ...

    def before_insert(self, first: int, last: int) -> None: ...

    def after_insert(self) -> None: ...

    def before_remove(self, first: int, last: int) -> None: ...

    def after_remove(self) -> None: ...

    def changed(self, row: int) -> None: ...


class RowList:
    """The rows of one list in order, and the keys shown (a post that moves between pages is
    shown once). Every change goes through here and is told to the observer."""

    def __init__(self) -> None:
        self._rows: list[Row] = []
        self._keys: set[str] = set()
        self._observers: list[RowObserver] = []

    def observe(self, observer: RowObserver) -> None:
        self._observers.append(observer)

    # --- reading -------------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._rows)

    def __getitem__(self, at: int) -> Row:
        return self._rows[at]

    def rows(self) -> list[Row]:
        return list(self._rows)

    @property
    def items(self) -> Sequence[Row]:
        """The rows themselves, live and read-only (the list model reads them on every paint
        without a call per row)."""
        return self._rows

    def index_of(self, key: str) -> int:
        return next((r for r, row in enumerate(self._rows) if row.key == key), -1)

    def find_post(self, uri: str) -> PostView | None:
        return next((row.post for row in self._rows
                     if row.post is not None and row.post.uri == uri), None)

    def is_pending(self, uri: str) -> bool:
        return any(row.pending and row.post is not None and row.post.uri == uri
                   for row in self._rows)

    def rows_for(self, uri: str) -> list[int]:
        """The rows showing post `uri` (a post and its reposts)."""
        return [r for r, row in enumerate(self._rows) if row.post is not None
                and row.post.uri == uri]

    # --- changing ------------------------------------------------------------------------------

    def reset(self, rows: Iterable[Row] = ()) -> None:
        for observer in self._observers:
            observer.before_reset()
        self._keys = set()
        self._rows[:] = self._new(rows)  # in place: `items` stays the live list
        for observer in self._observers:
            observer.after_reset()

    def append(self, rows: Iterable[Row]) -> int:
        return self.insert(len(self._rows), rows)

    def insert(self, at: int, rows: Iterable[Row]) -> int:
        """Insert the rows not shown yet; returns how many."""
        fresh = self._new(rows)
        if fresh:
            for observer in self._observers:
                observer.before_insert(at, at + len(fresh) - 1)
            self._rows[at:at] = fresh
            for observer in self._observers:
                observer.after_insert()
        return len(fresh)

    def replace(self, at: int, rows: Iterable[Row]) -> None:
        """Put `rows` in place of row `at` (a "more replies" row becomes the replies)."""
        self._remove(at)
        self.insert(at, rows)

    def remove_where(self, predicate: Callable[[Row], bool]) -> int:
        """Drop rows (a muted or blocked author's posts); returns how many."""
        doomed = [r for r, row in enumerate(self._rows) if predicate(row)]
        for r in reversed(doomed):
            self._remove(r)
        return len(doomed)

    def update_post(self, uri: str, change: Callable[[PostView], PostView]) -> int:
        """Apply `change` to every row showing post `uri`; returns how many."""

        def updated(row: Row) -> Row:
            item = row.item
            if item is None:
                return row
            return dataclasses.replace(row, item=dataclasses.replace(item,
                                                                     post=change(item.post)))

        return self._change(lambda row: row.post is not None and row.post.uri == uri, updated)

    def mark_sent(self, uri: str, cid: str) -> int:
        """A pending post went out: it shows as sent, with its CID (replies and likes work)."""
        def sent(row: Row) -> Row:
            item = row.item
            if item is not None:
                item = dataclasses.replace(item, post=dataclasses.replace(item.post, cid=cid))
            return dataclasses.replace(row, pending=False, context="", item=item)

        return self._change(lambda row: row.pending and row.post is not None
                            and row.post.uri == uri, sent)

    def reveal(self, key: str) -> None:
        """The reader clicked "Show" on a covered row."""
        self._change(lambda row: row.key == key,
                     lambda row: dataclasses.replace(row, revealed=True))

    def _new(self, rows: Iterable[Row]) -> list[Row]:
        out = []
        for row in rows:
            if row.key not in self._keys:
                self._keys.add(row.key)
                out.append(row)
        return out

    def _remove(self, at: int) -> None:
        for observer in self._observers:
            observer.before_remove(at, at)
        self._keys.discard(self._rows[at].key)
        del self._rows[at]
        for observer in self._observers:
            observer.after_remove()

    def _change(self, which: Callable[[Row], bool], change: Callable[[Row], Row]) -> int:
        count = 0
        for r, row in enumerate(self._rows):
            if which(row):
                self._rows[r] = change(row)
                for observer in self._observers:
                    observer.changed(r)
                count += 1
        return count
