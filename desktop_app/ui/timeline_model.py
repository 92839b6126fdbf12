"""List model of post rows: appends and prepends without duplicates, in-place post updates."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from ..bsky import FeedItem, PostView
from .rows import Row, post_row

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's FeedItem (post rows only)
ROW_ROLE = Qt.ItemDataRole.UserRole + 2  # the whole Row

Index = QModelIndex | QPersistentModelIndex


def accessible_text(row: Row) -> str:
    if row.kind != "post" or row.item is None:
        return row.text
    item = row.item
    post = item.post
    parts = [row.context] if row.context else []
    if item.reposted_by is not None:
        parts.append(f"Reposted by {item.reposted_by.name}.")
    if row.covered:
        parts.append(f"{post.author.name} (@{post.author.handle}): hidden behind a warning, "
                     f"{row.decision.reason}.")
        return " ".join(parts)
    parts.append(f"{post.author.name} (@{post.author.handle}): {post.text or '(no text)'}")
    if post.images:
        alts = "; ".join(i.alt or "no description" for i in post.images)
        parts.append(f"{len(post.images)} image(s): {alts}.")
    parts.append(f"{post.like_count} likes, {post.repost_count} reposts, "
                 f"{post.reply_count} replies.")
    return " ".join(parts)


class TimelineModel(QAbstractListModel):
    """Holds the rows in order and the keys already shown (a post that moves between pages
    is shown once)."""

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[Row] = []
        self._keys: set[str] = set()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == ROW_ROLE:
            return row
        if role == ITEM_ROLE:
            return row.item
        if role == Qt.ItemDataRole.DisplayRole:
            return row.post.text if row.post is not None else row.text
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return accessible_text(row)
        return None

    def item(self, row: int) -> FeedItem:
        """The post of a post row."""
        found = self._rows[row].item
        if found is None:
            raise ValueError(f"row {row} is a {self._rows[row].kind}, not a post")
        return found

    def row(self, row: int) -> Row:
        return self._rows[row]

    def rows(self) -> list[Row]:
        return list(self._rows)

    def _new(self, rows: Iterable[Row]) -> list[Row]:
        out = []
        for row in rows:
            if row.key not in self._keys:
                self._keys.add(row.key)
                out.append(row)
        return out

    def append(self, items: Iterable[FeedItem]) -> int:
        return self.append_rows(post_row(item) for item in items)

    def prepend(self, items: Iterable[FeedItem]) -> int:
        return self.insert_rows(0, (post_row(item) for item in items))

    def reset(self, items: Iterable[FeedItem] = ()) -> None:
        self.reset_rows(post_row(item) for item in items)

    def append_rows(self, rows: Iterable[Row]) -> int:
        return self.insert_rows(len(self._rows), rows)

    def insert_rows(self, at: int, rows: Iterable[Row]) -> int:
        fresh = self._new(rows)
        if fresh:
            self.beginInsertRows(QModelIndex(), at, at + len(fresh) - 1)
            self._rows[at:at] = fresh
            self.endInsertRows()
        return len(fresh)

    def reset_rows(self, rows: Iterable[Row] = ()) -> None:
        self.beginResetModel()
        self._rows = []
        self._keys = set()
        self._rows = self._new(rows)
        self.endResetModel()

    def replace_row(self, at: int, rows: list[Row]) -> None:
        """Put `rows` in place of row `at` (a "more replies" row becomes the replies)."""
        old = self._rows[at]
        self.beginRemoveRows(QModelIndex(), at, at)
        del self._rows[at]
        self._keys.discard(old.key)
        self.endRemoveRows()
        self.insert_rows(at, rows)

    def index_of(self, key: str) -> int:
        return next((r for r, row in enumerate(self._rows) if row.key == key), -1)

    def reveal(self, key: str) -> None:
        """The reader clicked "Show" on a covered row."""
        self._change(lambda row: row.key == key,
                     lambda row: dataclasses.replace(row, revealed=True))

    def rows_for(self, uri: str) -> list[int]:
        return [r for r, row in enumerate(self._rows) if row.post is not None
                and row.post.uri == uri]

    def find_post(self, uri: str) -> PostView | None:
        return next((row.post for row in self._rows
                     if row.post is not None and row.post.uri == uri), None)

    def update_post(self, uri: str, change: Callable[[PostView], PostView]) -> int:
        """Apply `change` to every row showing post `uri` (a post and its reposts)."""

        def updated(row: Row) -> Row:
            item = row.item
            assert item is not None  # selected by `rows_for`
            return dataclasses.replace(row, item=dataclasses.replace(item,
                                                                     post=change(item.post)))

        return self._change(lambda row: row.post is not None and row.post.uri == uri, updated)

    def remove_where(self, predicate: Callable[[Row], bool]) -> int:
        """Drop rows (a muted or blocked author's posts)."""
        doomed = [r for r, row in enumerate(self._rows) if predicate(row)]
        for r in reversed(doomed):
            self.beginRemoveRows(QModelIndex(), r, r)
            self._keys.discard(self._rows[r].key)
            del self._rows[r]
            self.endRemoveRows()
        return len(doomed)

    def _change(self, which: Callable[[Row], bool], change: Callable[[Row], Row]) -> int:
        count = 0
        for r, row in enumerate(self._rows):
            if which(row):
                self._rows[r] = change(row)
                index = self.index(r)
                self.dataChanged.emit(index, index)
                count += 1
        return count
