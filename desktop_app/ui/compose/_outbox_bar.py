"""The bar saying what waits in the outbox: "Waiting to send — 1 post", Send now, Cancel."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMenu, QPushButton, QWidget

from ...app import Waiting
from ...sentences import Sentence
from ..lang import say, tr

EXCERPT = 40
KINDS = ("post", "like", "repost", "follow")  # what the outbox holds, in the order it is said


def _count(kind: str, n: int) -> str:
    """`n` waiting writes of `kind` ("1 post", "2 likes"). English's singular is a string of
    its own; the plural's forms serve every other number in every language."""
    if kind == "post":
        return tr("%n post", "waiting to send", n) if n == 1 \
            else tr("%n posts", "waiting to send", n)
    if kind == "like":
        return tr("%n like", "waiting to send", n) if n == 1 \
            else tr("%n likes", "waiting to send", n)
    if kind == "repost":
        return tr("%n repost", "waiting to send", n) if n == 1 \
            else tr("%n reposts", "waiting to send", n)
    return tr("%n follow", "waiting to send", n) if n == 1 \
        else tr("%n follows", "waiting to send", n)


def _kind(kind: str) -> str:
    """What one waiting write is, as a menu entry starts ("Post", "Like")."""
    names = {"post": tr("Post", "a post waiting to send"),
             "like": tr("Like", "a like waiting to send"),
             "repost": tr("Repost", "a repost waiting to send"),
             "follow": tr("Follow", "a follow waiting to send")}
    return names.get(kind, kind)


def counted(entries: Sequence[Waiting]) -> str:
    """"1 post, 2 likes": what `entries` hold, posts first."""
    counts: Counter[str] = Counter(w.kind for w in entries)
    parts = [_count(kind, counts[kind]) for kind in KINDS if counts[kind]]
    return tr(", ", "separates the items of a list").join(parts)


def summary(entries: Sequence[Waiting], error: Sentence | None) -> str:
    """The bar's sentence: what waits, what the server refused, and why the last try failed."""
    waiting = [w for w in entries if not w.refused]
    refused = [w for w in entries if w.refused]
    sentences = []
    if waiting:
        sentences.append(tr("Waiting to send — {counts}.").format(counts=counted(waiting)))
        if error is not None:
            sentences.append(tr("Last try: {error}", "why the last try to send failed").format(
                error=say(error)))
    if refused:
        why = refused[0].last_error
        sentences.append(tr("Not accepted — {counts}: {error} Cancel puts a post back in your "
                            "drafts.").format(counts=counted(refused),
                                              error=say(why) if why is not None else ""))
    return " ".join(sentences)


def entry_label(waiting: Waiting) -> str:
    text = " ".join(waiting.text.split())
    excerpt = text[:EXCERPT] + ("…" if len(text) > EXCERPT else "")
    kind = _kind(waiting.kind)
    return tr("{kind}: {excerpt}", "a waiting write and its text, in the Cancel menu").format(
        kind=kind, excerpt=excerpt) if excerpt else kind


class OutboxBar(QFrame):
    """What waits to be sent, above the content, with "Send now" and "Cancel" (one entry at
    once, several through a menu). Hidden when nothing waits. Holds the entries shown."""

    send_now_requested = Signal()
    cancel_requested = Signal(str)  # an entry's id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outboxBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.entries: tuple[Waiting, ...] = ()
        self.label = QLabel()
        self.label.setObjectName("outboxText")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # a server's error, a post's text
        self.send_button = QPushButton(tr("Send now", "what waits in the outbox"))
        self.send_button.setObjectName("outboxSendNow")
        self.send_button.setAccessibleName(tr("Send now", "what waits in the outbox"))
        self.send_button.clicked.connect(self.send_now_requested)
        self.cancel_button = QPushButton(tr("Cancel", "stop sending what waits in the outbox"))
        self.cancel_button.setObjectName("outboxCancel")
        self.cancel_button.setAccessibleName(tr("Cancel sending"))
        self.cancel_button.clicked.connect(self._cancel)
        self.cancel_menu: QMenu | None = None
        layout = QHBoxLayout(self)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.send_button)
        layout.addWidget(self.cancel_button)
        self.hide()

    def show_waiting(self, entries: Sequence[Waiting], error: Sentence | None = None) -> None:
        self.entries = tuple(entries)
        if not self.entries:
            self.hide()
            return
        text = summary(self.entries, error)
        self.label.setText(text)
        self.setAccessibleName(text)
        self.send_button.setVisible(any(not w.refused for w in self.entries))
        self.cancel_button.setText(
            tr("Cancel", "stop sending what waits in the outbox") if len(self.entries) == 1
            else tr("Cancel…", "choose what waits in the outbox to stop sending"))
        self.show()

    def _cancel(self) -> None:
        if len(self.entries) == 1:
            self.cancel_requested.emit(self.entries[0].id)
            return
        menu = QMenu(self)
        menu.setObjectName("outboxCancelMenu")
        menu.setAccessibleName(tr("Cancel sending"))
        for waiting in self.entries:
            action = menu.addAction(entry_label(waiting))
            action.triggered.connect(lambda _=False, i=waiting.id: self.cancel_requested.emit(i))
        if self.cancel_menu is not None:
            self.cancel_menu.deleteLater()
        self.cancel_menu = menu
        menu.popup(self.cancel_button.mapToGlobal(self.cancel_button.rect().bottomLeft()))
