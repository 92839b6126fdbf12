"""List model of feed items: appends and prepends without duplicates, in-place post updates."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from ..bsky import FeedItem, PostView

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex


def accessible_text(item: FeedItem) -> str:
    post = item.post
    parts = []
    if item.reposted_by is not None:
        parts.append(f"Reposted by {item.reposted_by.name}.")
    parts.append(f"{post.author.name} (@{post.author.handle}): {post.text or '(no text)'}")
    if post.images:
        alts = "; ".join(i.alt or "no description" for i in post.images)
        parts.append(f"{len(post.images)} image(s): {alts}.")
    parts.append(f"{post.like_count} likes, {post.repost_count} reposts, "
                 f"{post.reply_count} replies.")
    return " ".join(parts)


class TimelineModel(QAbstractListModel):
    def __init__(self) -> None:
        super().__init__()
        self._items: list[FeedItem] = []
        self._keys: set[str] = set()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role == ITEM_ROLE:
            return item
        if role == Qt.ItemDataRole.DisplayRole:
            return item.post.text
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return accessible_text(item)
        return None

    def item(self, row: int) -> FeedItem:
        return self._items[row]

    def _new(self, items: Iterable[FeedItem]) -> list[FeedItem]:
        out = []
        for item in items:
            if item.key not in self._keys:
                self._keys.add(item.key)
                out.append(item)
        return out

    def append(self, items: Iterable[FeedItem]) -> int:
        fresh = self._new(items)
        if fresh:
            first = len(self._items)
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            self._items.extend(fresh)
            self.endInsertRows()
        return len(fresh)

    def prepend(self, items: Iterable[FeedItem]) -> int:
        fresh = self._new(items)
        if fresh:
            self.beginInsertRows(QModelIndex(), 0, len(fresh) - 1)
            self._items[:0] = fresh
            self.endInsertRows()
        return len(fresh)

    def reset(self, items: Iterable[FeedItem] = ()) -> None:
        self.beginResetModel()
        self._items = []
        self._keys = set()
        self._items = self._new(items)
        self.endResetModel()

    def rows_for(self, uri: str) -> list[int]:
        return [row for row, item in enumerate(self._items) if item.post.uri == uri]

    def find_post(self, uri: str) -> PostView | None:
        return next((i.post for i in self._items if i.post.uri == uri), None)

    def update_post(self, uri: str, change: Callable[[PostView], PostView]) -> int:
        """Apply `change` to every item showing post `uri` (a post and its reposts)."""
        rows = self.rows_for(uri)
        for row in rows:
            item = self._items[row]
            self._items[row] = FeedItem(change(item.post), item.reposted_by,
                                        item.reply_parent_author)
            index = self.index(row)
            self.dataChanged.emit(index, index)
        return len(rows)
