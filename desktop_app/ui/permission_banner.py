"""The bar that says a feature wasn't allowed at sign-in and offers to allow it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class PermissionBanner(QFrame):
    """Non-modal. Holds the features it is asking about and whether the browser is open."""

    allow_requested = Signal(list)  # feature keys
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("permissionBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.label = QLabel()
        self.label.setObjectName("permissionText")
        self.label.setWordWrap(True)
        self.allow_button = QPushButton("Allow…")
        self.allow_button.setObjectName("permissionAllowButton")
        self.allow_button.setToolTip("Opens your browser to ask your provider once more")
        self.close_button = QPushButton("Not now")
        self.close_button.setObjectName("permissionLaterButton")
        layout = QHBoxLayout(self)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.allow_button)
        layout.addWidget(self.close_button)
        self.features: list[str] = []
        self.allow_button.clicked.connect(lambda: self.allow_requested.emit(list(self.features)))
        self.close_button.clicked.connect(self._dismiss)
        self.hide()

    def ask(self, features: list[str], sentence: str) -> None:
        """Say `sentence` (what wasn't allowed) and offer to allow `features`."""
        self.features = features
        self.label.setText(sentence)
        self.setAccessibleName(sentence)
        self.allow_button.setEnabled(True)
        self.allow_button.setText("Allow…")
        self.show()

    def waiting(self) -> None:
        self.label.setText("Approve the new permissions in your browser…")
        self.allow_button.setEnabled(False)

    def finished(self, failure: str | None) -> None:
        """Hidden after a grant; a failure is said, with the button offered again."""
        if failure is None:
            self.hide()
            return
        self.label.setText(failure)
        self.allow_button.setEnabled(True)

    def _dismiss(self) -> None:
        self.hide()
        self.dismissed.emit()
