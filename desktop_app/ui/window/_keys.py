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

from ..posts import POST_ACTIONS

SECTIONS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    ("Lists", (("J / K", "Next / previous post"),
               *((keys, words) for keys, words, _ in POST_ACTIONS),
               ("Menu / Shift+F10", "All the post's actions"), ("F5", "Check for new posts"))),
    ("Places", (("Ctrl+1", "Home"), ("Ctrl+3", "Notifications"), ("Ctrl+F", "Search"),
                ("Ctrl+4", "Bookmarks"), ("Ctrl+5", "Your profile"), ("Ctrl+2", "Accounts"),
                ("Escape / Alt+Left", "Back"), ("Alt+Right", "Forward"))),
    ("Home's feeds", (("Ctrl+PgDown / Ctrl+PgUp", "Next / previous feed"),
                      ("Ctrl+Shift+PgDown / PgUp", "Move the feed right / left"),
                      ("Ctrl+I", "The feed's page"))),
    ("Writing", (("N", "Write a post"), ("Ctrl+Enter", "Post it"))),
    ("Reading", (("Ctrl+= / Ctrl+-", "Larger / smaller text"), ("Ctrl+0", "The system's size"),
                 ("?", "This list"), ("Ctrl+Q", "Quit"))),
)


class KeysDialog(QDialog):
    """Every key of the window in one table (key, what it does), by section."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keysDialog")
        self.setWindowTitle("Keyboard shortcuts")
        self.setAccessibleName("Keyboard shortcuts")
        table = QTableWidget(sum(len(keys) + 1 for _, keys in SECTIONS), 2, self)
        table.setObjectName("keysTable")
        table.setAccessibleName("Keyboard shortcuts")
        table.setHorizontalHeaderLabels(["Key", "Does"])
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        at = 0
        for section, keys in SECTIONS:
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
