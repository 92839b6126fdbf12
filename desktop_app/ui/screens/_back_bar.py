"""The bar at the top of each pushed screen: Back, and the screen's title."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QToolButton, QVBoxLayout, QWidget

from ..lang import tr


class BackBar(QWidget):
    """A Back button and the view's title (translated by the caller), at the top of each pushed
    view."""

    def __init__(self, title: str, back: Callable[[], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.button = QToolButton()
        self.button.setObjectName("backButton")
        self.button.setText(tr("← Back"))
        self.button.setAccessibleName(tr("Back"))
        self.button.clicked.connect(back)
        self.title = QLabel(title)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.title)
