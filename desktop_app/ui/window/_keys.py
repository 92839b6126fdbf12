"""The keys of the window, listed (`?`): what a person can do without a mouse."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..lang import tr
from ..posts import POST_ACTIONS, action_words

Sections = tuple[tuple[str, tuple[tuple[str, str], ...]], ...]


def sections() -> Sections:
    """Every key by section, (section, ((key, what it does), …)): the words in the interface's
    language, the keys as they are written on the keyboard."""
    return (
        (tr("Lists"), (("J / K", tr("Next / previous post")),
                       *((keys, action_words(name)) for keys, _, name in POST_ACTIONS),
                       ("Menu / Shift+F10", tr("All the post's actions")),
                       ("F5", tr("Check for new posts")))),
        (tr("Places"), (("Ctrl+1", tr("Home", "place")),
                        ("Ctrl+3", tr("Notifications", "place")),
                        ("Ctrl+F", tr("Search", "place")),
                        ("Ctrl+4", tr("Bookmarks", "place")),
                        ("Ctrl+5", tr("Your profile")), ("Ctrl+2", tr("Accounts", "place")),
                        ("Escape / Alt+Left", tr("Back")), ("Alt+Right", tr("Forward")))),
        (tr("Home's feeds"), (("Ctrl+PgDown / Ctrl+PgUp", tr("Next / previous feed")),
                              ("Ctrl+Shift+PgDown / PgUp", tr("Move the feed right / left")),
                              ("Ctrl+I", tr("The feed's page")))),
        (tr("Writing"), (("N", tr("Write a post")), ("Ctrl+Enter", tr("Post it")))),
        (tr("Reading"), (("Ctrl+= / Ctrl+-", tr("Larger / smaller text")),
                         ("Ctrl+0", tr("The system's size")),
                         ("?", tr("This list")), ("Ctrl+Q", tr("Quit")))),
    )


class KeysDialog(QDialog):
    """Every key of the window in one table (key, what it does), by section."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keysDialog")
        self.setWindowTitle(tr("Keyboard shortcuts"))
        self.setAccessibleName(tr("Keyboard shortcuts"))
        listed = sections()
        table = QTableWidget(sum(len(keys) + 1 for _, keys in listed), 2, self)
        table.setObjectName("keysTable")
        table.setAccessibleName(tr("Keyboard shortcuts"))
        table.setHorizontalHeaderLabels([tr("Key", "on the keyboard"),
                                         tr("Does", "what a key does")])
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        at = 0
        for section, keys in listed:
            heading = QTableWidgetItem(section)
            font = heading.font()
            font.setBold(True)
            heading.setFont(font)
            table.setItem(at, 0, heading)
            table.setSpan(at, 0, 1, 2)
            at += 1
            for key, words in keys:
                table.setItem(at, 0, QTableWidgetItem(key.replace("Return", "Enter")))
                table.setItem(at, 1, QTableWidgetItem(words))
                at += 1
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        self.table = table
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.resize(520, 560)
        table.setFocus(Qt.FocusReason.OtherFocusReason)
