"""A list's rows without Qt: no duplicates, updates by post, and every change told before and
after it happens."""

from __future__ import annotations

import dataclasses

from desktop_app.app.screens import Row, RowList, post_row
from desktop_app.bsky import Author, Decision, FeedItem, PostView

DID = "did:plc:ewvi7nxzyoun6zhxrhs64oiz"
BOB = Author("did:plc:44ybard66vv44zksje25o7dz", "bob.test")


def post(n: int, author: Author | None = None) -> PostView:
    return PostView(uri=f"at://{DID}/app.bsky.feed.post/{n}", cid=f"c{n}",
                    author=author or Author(DID, "alice.test"), text=f"post {n}",
                    created_at="", indexed_at="")


def row(n: int, **kwargs: object) -> Row:
    return post_row(FeedItem(post(n)), **kwargs)  # type: ignore[arg-type]


class Recorder:
    """Records the observer calls, checking that each `before` is followed by its `after` and
    that the list already holds the change when `after` comes."""

    def __init__(self, rows: RowList) -> None:
        self.rows = rows
        self.calls: list[tuple[object, ...]] = []
        self._pending: tuple[str, int] | None = None

    def before_reset(self) -> None:
        self.calls.append(("reset",))

    def after_reset(self) -> None:
        self.calls.append(("reset done", len(self.rows)))

    def before_insert(self, first: int, last: int) -> None:
        self._pending = ("insert", len(self.rows) + last - first + 1)
        self.calls.append(("insert", first, last))

    def after_insert(self) -> None:
        assert self._pending is not None and len(self.rows) == self._pending[1]
        self.calls.append(("insert done",))

    def before_remove(self, first: int, last: int) -> None:
        self._pending = ("remove", len(self.rows) - (last - first + 1))
        self.calls.append(("remove", first, last))

    def after_remove(self) -> None:
        assert self._pending is not None and len(self.rows) == self._pending[1]
        self.calls.append(("remove done",))

    def changed(self, at: int) -> None:
        self.calls.append(("changed", at))


def test_rows_shown_once_and_every_change_told() -> None:
    rows = RowList()
    seen = Recorder(rows)
    rows.observe(seen)
    rows.reset([row(1), row(2), row(1)])
    assert [r.key for r in rows.rows()] == [row(1).key, row(2).key]
    assert rows.append([row(2), row(3)]) == 1
    assert rows.insert(0, [row(4), row(3)]) == 1
    assert rows.insert(0, [row(4)]) == 0  # nothing new: nothing told
    assert [r.post.text for r in rows.rows() if r.post] == ["post 4", "post 1", "post 2",
                                                            "post 3"]
    assert seen.calls == [("reset",), ("reset done", 2), ("insert", 2, 2), ("insert done",),
                          ("insert", 0, 0), ("insert done",)]


def test_a_post_is_updated_wherever_it_shows_and_rows_leave_by_author() -> None:
    rows = RowList()
    reposted = post_row(FeedItem(post(1), reposted_by=BOB))
    rows.reset([row(1), reposted, post_row(FeedItem(post(2, BOB)))])
    seen = Recorder(rows)
    rows.observe(seen)
    changed = rows.update_post(post(1).uri, lambda p: dataclasses.replace(p, like_count=7))
    assert changed == 2 and seen.calls == [("changed", 0), ("changed", 1)]
    assert rows.find_post(post(1).uri) is not None
    assert [r.post.like_count for r in rows.rows() if r.post] == [7, 7, 0]
    assert rows.rows_for(post(1).uri) == [0, 1]
    seen.calls.clear()
    assert rows.remove_where(lambda r: r.post is not None and r.post.author == BOB) == 1
    assert seen.calls == [("remove", 2, 2), ("remove done",)]
    assert rows.append([post_row(FeedItem(post(2, BOB)))]) == 1  # its key is free again


def test_reveal_and_replace() -> None:
    rows = RowList()
    covered = row(1, decision=Decision(blur="content", reason="Graphic media", can_show=True))
    more = Row("more x", "more", text="Show 2 more replies")
    rows.reset([covered, more])
    assert rows[0].covered
    rows.reveal(covered.key)
    assert not rows[0].covered and rows[0].layout_key != covered.layout_key
    rows.replace(rows.index_of("more x"), [row(5, depth=1), row(6, depth=1)])
    assert [r.key for r in rows.rows()] == [covered.key, row(5).key, row(6).key]
    assert rows.index_of("more x") == -1
