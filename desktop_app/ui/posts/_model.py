"""The Qt list model over a list's rows (`app.RowList`), and how a row reads aloud."""

from __future__ import annotations

import time
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from ...app.screens import Row, RowList, post_row
from ...bsky import FeedItem
from ..lang import tr
from ._timefmt import relative_time
from ._words import group_summary, row_words, shown

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's FeedItem (post rows only)
ROW_ROLE = Qt.ItemDataRole.UserRole + 2  # the whole Row

Index = QModelIndex | QPersistentModelIndex


def accessible_hint(row: Row) -> str:
    """What a screen reader says after a row's text, once it has paused: what the keys do
    there."""
    if row.kind == "post" and row.item is not None and not row.pending:
        return tr("Enter opens the thread; L like, R reply, T repost, Q quote, B save, P the "
                  "author's profile, O the first link; the Menu key lists every action.",
                  "a screen reader's hint on a post: the keys")
    if row.kind in ("more", "group", "actor", "card"):
        return tr("Enter opens it.", "a screen reader's hint on a row that opens something")
    return ""


def accessible_text(row: Row) -> str:
    """How a row reads aloud (a screen reader's text for it), in the interface's language."""
    if row.kind == "card" and row.card is not None:
        return f"{row.card.title}. {row.card.subtitle}. {row.text}".strip(" .") + "."
    if row.kind == "actor" and row.actor is not None:
        return f"{row.actor.name} (@{row.actor.handle}). {row.text}".strip(" .") + "."
    if row.kind == "group" and row.group is not None:
        said = group_summary(row.group)
        return f"{said}: {row.text}" if row.text else f"{said}."
    if row.kind != "post" or row.item is None:
        return row_words(row)
    item = row.item
    post = item.post
    parts = [shown(row.context)] if row.context else []
    if item.reposted_by is not None:
        parts.append(tr("Reposted by {name}.").format(name=item.reposted_by.name))
    if row.covered:
        parts.append(tr("{name} (@{handle}): hidden behind a warning, {reason}.").format(
            name=post.author.name, handle=post.author.handle, reason=shown(row.decision.reason)))
        return " ".join(parts)
    text = post.text or tr("(no text)", "a post without text, read aloud")
    when = relative_time(post.created_at, time.time())
    parts.append(tr("{name} (@{handle}), {when}: {text}", "a post read aloud").format(
        name=post.author.name, handle=post.author.handle, when=when, text=text) if when
        else f"{post.author.name} (@{post.author.handle}): {text}")
    if post.images:
        alts = "; ".join(i.alt or tr("no description", "an image without alt text, read aloud")
                         for i in post.images)
        parts.append(tr("%n image(s): {alts}.", "a post's images and their descriptions",
                        len(post.images)).format(alts=alts))
    quote = post.quote
    if quote is not None:
        parts.append(shown(quote.unavailable) + "." if quote.unavailable else tr(
            "Quoting {name}: {text}", "a quoted post, read aloud").format(
            name=quote.author.name if quote.author else "", text=quote.text or "…"))
    if post.external is not None:
        parts.append(tr("Link: {title}", "a post's link card, read aloud").format(
            title=post.external.title or post.external.uri))
    parts.append(tr("{likes}, {reposts}, {replies}.", "a post's counts, read aloud").format(
        likes=tr("%n likes", "a post's count, read aloud", post.like_count),
        reposts=tr("%n reposts", "a post's count, read aloud", post.repost_count),
        replies=tr("%n replies", "a post's count, read aloud", post.reply_count)))
    mine = _yours(bool(post.viewer_like), bool(post.viewer_repost), post.bookmarked)
    if mine:
        parts.append(mine)
    return " ".join(parts)


def _yours(liked: bool, reposted: bool, bookmarked: bool) -> str:
    """What the reader did to a post, as one sentence ("" for nothing)."""
    sentences = {
        (True, False, False): tr("You liked it."),
        (False, True, False): tr("You reposted it."),
        (False, False, True): tr("You bookmarked it."),
        (True, True, False): tr("You liked and reposted it."),
        (True, False, True): tr("You liked and bookmarked it."),
        (False, True, True): tr("You reposted and bookmarked it."),
        (True, True, True): tr("You liked and reposted and bookmarked it."),
    }
    return sentences.get((liked, reposted, bookmarked), "")


class PostListModel(QAbstractListModel):
    """Shows a `RowList` (the app layer's rows of one list) to Qt's views; holds that list and
    forwards its changes. The list can be given (a screen model's) or made here."""

    def __init__(self, rows: RowList | None = None) -> None:
        super().__init__()
        self.list = rows if rows is not None else RowList()
        self._rows = self.list.items
        self.list.observe(self)

    # --- RowObserver ---------------------------------------------------------------------------

    def before_reset(self) -> None:
        self.beginResetModel()

    def after_reset(self) -> None:
        self.endResetModel()

    def before_insert(self, first: int, last: int) -> None:
        self.beginInsertRows(QModelIndex(), first, last)

    def after_insert(self) -> None:
        self.endInsertRows()

    def before_remove(self, first: int, last: int) -> None:
        self.beginRemoveRows(QModelIndex(), first, last)

    def after_remove(self) -> None:
        self.endRemoveRows()

    def changed(self, row: int) -> None:
        index = self.index(row)
        self.dataChanged.emit(index, index)

    # --- QAbstractListModel --------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        at = index.row()
        if not index.isValid() or not 0 <= at < len(self._rows):
            return None
        row = self._rows[at]
        if role == ROW_ROLE:
            return row
        if role == ITEM_ROLE:
            return row.item
        if role == Qt.ItemDataRole.DisplayRole:
            return row.post.text if row.post is not None else row_words(row)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return accessible_text(row)
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return accessible_hint(row)
        return None

    # --- the list's rows, by position (for views and tests) -------------------------------------

    def item(self, row: int) -> FeedItem:
        """The post of a post row."""
        found = self.list[row].item
        if found is None:
            raise ValueError(f"row {row} is a {self.list[row].kind}, not a post")
        return found

    def row(self, row: int) -> Row:
        return self.list[row]

    def rows(self) -> list[Row]:
        return self.list.rows()

    def append(self, items: Iterable[FeedItem]) -> int:
        return self.list.append(post_row(item) for item in items)

    def reset(self, items: Iterable[FeedItem] = ()) -> None:
        self.list.reset(post_row(item) for item in items)
