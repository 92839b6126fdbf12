"""Non-modal bars above the content: a sentence, one action, and "later"."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from ..lang import tr


class ActionBanner(QFrame):
    """A sentence with an action button and a dismiss button; holds no state of its own."""

    def __init__(self, name: str, action: str, later: str, *, names: tuple[str, str, str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        text_name, action_name, later_name = names
        self.label = QLabel()
        self.label.setObjectName(text_name)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # a handle, a server's error
        self.action_button = QPushButton(action)
        self.action_button.setObjectName(action_name)
        self.close_button = QPushButton(later)
        self.close_button.setObjectName(later_name)
        layout = QHBoxLayout(self)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.action_button)
        layout.addWidget(self.close_button)
        self.close_button.clicked.connect(self._dismiss)
        self.hide()

    def say(self, text: str) -> None:
        self.label.setText(text)
        self.setAccessibleName(text)
        self.show()

    def _dismiss(self) -> None:
        self.hide()


class RenewalBanner(ActionBanner):
    """Says a session will end soon and offers to renew it. Holds the account's DID."""

    renew_requested = Signal(str)
    dismissed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("renewalBanner", tr("Renew session"), tr("Later"), parent=parent,
                         names=("bannerText", "bannerRenewButton", "bannerLaterButton"))
        self.renew_button = self.action_button
        self._did = ""
        self.renew_button.clicked.connect(lambda: self.renew_requested.emit(self._did))

    def show_for(self, did: str, text: str) -> None:
        self._did = did
        self.say(text)

    def hide_for(self, did: str) -> None:
        if did == self._did:
            self.hide()

    @property
    def did(self) -> str:
        return self._did

    def _dismiss(self) -> None:
        super()._dismiss()
        self.dismissed.emit(self._did)


class PermissionBanner(ActionBanner):
    """Says a feature wasn't allowed at sign-in and offers to allow it. Holds the features it
    is asking about."""

    allow_requested = Signal(list)  # feature keys
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("permissionBanner", tr("Allow…"), tr("Not now"), parent=parent,
                         names=("permissionText", "permissionAllowButton",
                                "permissionLaterButton"))
        self.allow_button = self.action_button
        self.allow_button.setToolTip(tr("Opens your browser to ask your provider once more"))
        self.features: list[str] = []
        self.allow_button.clicked.connect(lambda: self.allow_requested.emit(list(self.features)))

    def ask(self, features: list[str], sentence: str) -> None:
        """Say `sentence` (what wasn't allowed) and offer to allow `features`."""
        self.features = features
        self.allow_button.setEnabled(True)
        self.say(sentence)

    def waiting(self) -> None:
        self.label.setText(tr("Approve the new permissions in your browser…"))
        self.allow_button.setEnabled(False)

    def finished(self, failure: str | None) -> None:
        """Hidden after a grant; a failure is said, with the button offered again."""
        if failure is None:
            self.hide()
            return
        self.label.setText(failure)
        self.allow_button.setEnabled(True)

    def _dismiss(self) -> None:
        super()._dismiss()
        self.dismissed.emit()
