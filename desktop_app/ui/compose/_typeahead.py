"""Mention completion in a text box: `@al` offers handles, the chosen one becomes `@handle `."""

from __future__ import annotations

import re
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QPlainTextEdit

from ...bsky import Author
from ..lang import tr

DEBOUNCE_MS = 150
MAX_SUGGESTIONS = 8
# The word being typed: `@` at the start or after a space or bracket, then handle characters.
_MENTION_AT_CURSOR = re.compile(r"(?:^|(?<=[\s(]))@([A-Za-z0-9][A-Za-z0-9.-]{0,252})$")


def mention_prefix(text_before_cursor: str) -> str | None:
    """The partial handle after `@` that the cursor ends, if any."""
    match = _MENTION_AT_CURSOR.search(text_before_cursor)
    return match.group(1) if match else None


class MentionCompleter(QObject):
    """Offers handles while a mention is typed into `edit`.

    Holds the popup list, the prefix last asked for (answers for an older prefix are dropped)
    and the debounce timer. Emits `wanted(prefix)`; whoever has an agent answers with
    `show(prefix, authors)`. Up/Down choose, Enter or Tab insert, Esc dismisses."""

    wanted = Signal(str)

    def __init__(self, edit: QPlainTextEdit) -> None:
        super().__init__(edit)
        self._edit = edit
        self.popup = QListWidget(edit.window())
        self.popup.setObjectName("mentionSuggestions")
        self.popup.setAccessibleName(tr("Suggested accounts", "to mention in a post"))
        self.popup.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.popup.setWindowFlags(Qt.WindowType.ToolTip)
        self.popup.hide()
        self.popup.itemClicked.connect(self._clicked)
        self._prefix: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._ask)
        edit.textChanged.connect(self._changed)
        edit.installEventFilter(self)

    @property
    def visible(self) -> bool:
        return self.popup.isVisible()

    def _before_cursor(self) -> str:
        cursor = self._edit.textCursor()
        block = cursor.block().text()
        return block[:cursor.positionInBlock()]

    def _changed(self) -> None:
        self._prefix = mention_prefix(self._before_cursor())
        if self._prefix is None:
            self.hide()
            return
        self._timer.start()

    def _ask(self) -> None:
        if self._prefix:
            self.wanted.emit(self._prefix)

    def show(self, prefix: str, authors: Sequence[Author]) -> None:
        """Suggestions for `prefix`; ignored when the text has moved on."""
        if prefix != self._prefix or not authors:
            if prefix == self._prefix:
                self.hide()
            return
        self.popup.clear()
        for author in authors[:MAX_SUGGESTIONS]:
            label = f"{author.display_name}  @{author.handle}" if author.display_name \
                else f"@{author.handle}"
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, author.handle)
            self.popup.addItem(item)
        self.popup.setCurrentRow(0)
        rect = self._edit.cursorRect()
        where = self._edit.viewport().mapToGlobal(rect.bottomLeft())
        row = self.popup.sizeHintForRow(0)
        self.popup.resize(max(240, self.popup.sizeHintForColumn(0) + 24),
                          row * min(MAX_SUGGESTIONS, self.popup.count()) + 6)
        self.popup.move(where)
        self.popup.show()

    def hide(self) -> None:
        self.popup.hide()

    def choose(self, handle: str) -> None:
        """Replace the typed `@prefix` with `@handle ` (the mention becomes a facet when the
        post is sent)."""
        prefix = mention_prefix(self._before_cursor())
        if prefix is None:
            return
        cursor = self._edit.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.KeepAnchor,
                            len(prefix))
        cursor.insertText(f"{handle} ")
        self._edit.setTextCursor(cursor)
        self._prefix = None
        self.hide()

    def _clicked(self, item: QListWidgetItem) -> None:
        self.choose(str(item.data(Qt.ItemDataRole.UserRole)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._edit and event.type() == QEvent.Type.KeyPress \
                and isinstance(event, QKeyEvent) and self.visible:
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                step = 1 if key == Qt.Key.Key_Down else -1
                row = (self.popup.currentRow() + step) % self.popup.count()
                self.popup.setCurrentRow(row)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab) and \
                    not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                item = self.popup.currentItem()
                if item is not None:
                    self._clicked(item)
                return True
            if key == Qt.Key.Key_Escape:
                self.hide()
                return True
        if watched is self._edit and event.type() == QEvent.Type.FocusOut:
            self.hide()
        return super().eventFilter(watched, event)
