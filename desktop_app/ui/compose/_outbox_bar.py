"""The bar saying what waits in the outbox: "Waiting to send — 1 post", Send now, Cancel."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMenu, QPushButton, QWidget

from ...app import Waiting

EXCERPT = 40
NOUNS = {"post": ("post", "posts"), "like": ("like", "likes"),
         "repost": ("repost", "reposts"), "follow": ("follow", "follows")}


def counted(entries: Sequence[Waiting]) -> str:
    """"1 post, 2 likes": what `entries` hold, posts first."""
    counts: Counter[str] = Counter(w.kind for w in entries)
    parts = []
    for kind, (one, many) in NOUNS.items():
        if counts[kind]:
            parts.append(f"{counts[kind]} {one if counts[kind] == 1 else many}")
    return ", ".join(parts)


def summary(entries: Sequence[Waiting], error: str) -> str:
    """The bar's sentence: what waits, what the server refused, and why the last try failed."""
    waiting = [w for w in entries if not w.refused]
    refused = [w for w in entries if w.refused]
    sentences = []
    if waiting:
        sentences.append(f"Waiting to send — {counted(waiting)}.")
        if error:
            sentences.append(f"Last try: {error}")
    if refused:
        sentences.append(f"Not accepted — {counted(refused)}: {refused[0].last_error} "
                         "Cancel puts a post back in your drafts.")
    return " ".join(sentences)


def entry_label(waiting: Waiting) -> str:
    text = " ".join(waiting.text.split())
    excerpt = text[:EXCERPT] + ("…" if len(text) > EXCERPT else "")
    return f"{NOUNS[waiting.kind][0].capitalize()}: {excerpt}" if excerpt \
        else NOUNS[waiting.kind][0].capitalize()


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
        self.send_button = QPushButton("Send now")
        self.send_button.setObjectName("outboxSendNow")
        self.send_button.setAccessibleName("Send now")
        self.send_button.clicked.connect(self.send_now_requested)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setObjectName("outboxCancel")
        self.cancel_button.setAccessibleName("Cancel sending")
        self.cancel_button.clicked.connect(self._cancel)
        self.cancel_menu: QMenu | None = None
        layout = QHBoxLayout(self)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.send_button)
        layout.addWidget(self.cancel_button)
        self.hide()

    def show_waiting(self, entries: Sequence[Waiting], error: str = "") -> None:
        self.entries = tuple(entries)
        if not self.entries:
            self.hide()
            return
        text = summary(self.entries, error)
        self.label.setText(text)
        self.setAccessibleName(text)
        self.send_button.setVisible(any(not w.refused for w in self.entries))
        self.cancel_button.setText("Cancel" if len(self.entries) == 1 else "Cancel…")
        self.show()

    def _cancel(self) -> None:
        if len(self.entries) == 1:
            self.cancel_requested.emit(self.entries[0].id)
            return
        menu = QMenu(self)
        menu.setObjectName("outboxCancelMenu")
        menu.setAccessibleName("Cancel sending")
        for waiting in self.entries:
            action = menu.addAction(entry_label(waiting))
            action.triggered.connect(lambda _=False, i=waiting.id: self.cancel_requested.emit(i))
        if self.cancel_menu is not None:
            self.cancel_menu.deleteLater()
        self.cancel_menu = menu
        menu.popup(self.cancel_button.mapToGlobal(self.cancel_button.rect().bottomLeft()))
