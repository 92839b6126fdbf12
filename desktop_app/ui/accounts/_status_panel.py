"""The session status panel: one card per account with the time left and what to do about it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import Qt as QtText
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..lang import tr
from ..look import quiet


@dataclass(frozen=True)
class AccountView:
    """Display-ready values for one account; built by the view-model, shown as-is."""

    did: str
    handle: str
    pds_host: str
    scopes: str
    started: str
    access_expiry: str
    remaining_text: str  # "Session ends in 13 days 4 hours"
    remaining_fraction: float  # 0..1 for the bar
    tooltip: str  # why the session is limited
    state: str  # healthy | renewal_suggested | offline | ended
    state_text: str  # plain sentence for the state (offline: next retry; ended: reason)
    renewal_path: str = ""  # "Renewed silently" / "Renewed after you confirmed in the browser"
    active: bool = False
    allowed_text: str = ""  # "Post, like … as you; read your timeline …"
    missing_text: str = ""  # "Not allowed: …"; empty when everything the app uses is allowed
    mode_text: str = ""  # granted as permission scopes, or full access (transition scope)


def state_label(state: str) -> str:
    """What a card says of an account's state (healthy, renewal_suggested, offline, ended); an
    unknown state as it is named."""
    labels = {
        "healthy": tr("Signed in", "the account's state"),
        "renewal_suggested": tr("Renewal suggested"),
        "offline": tr("Offline"),
        "ended": tr("Signed out — sign in again"),
    }
    return labels.get(state, state)


def plain_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def plain_tooltip(text: str) -> str:
    """`text` as a tooltip shows it. A tooltip has no text format of its own: what Qt guesses
    is markup is rendered, so such text is handed over escaped."""
    return QtText.convertFromPlainText(text) if QtText.mightBeRichText(text) else text


AccountRequest = Literal["allow", "renew", "sign_out", "sign_in_again", "switch"]


class AccountCard(QFrame):
    """One account's card. Holds its DID (what the buttons act on) and where a button's
    request goes (`on_request(request, did)`)."""

    def __init__(self, view: AccountView, on_request: Callable[[AccountRequest, str], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("accountCard")
        self._did = view.did
        self._on_request = on_request
        layout = QVBoxLayout(self)
        for widget in self._init_header():
            layout.addWidget(widget)
        layout.addLayout(self._init_details())
        layout.addLayout(self._init_buttons())
        self.update_view(view)

    def _init_header(self) -> list[QWidget]:
        self.title = QLabel()
        self.title.setObjectName("accountTitle")
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title.setFont(font)
        self.state_label = QLabel()
        self.state_label.setObjectName("stateLabel")
        self.state_label.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setObjectName("remainingBar")
        self.bar.setRange(0, 1000)
        self.bar.setTextVisible(False)
        self.bar.setAccessibleName(tr("Session time left"))
        self.remaining = QLabel()
        self.remaining.setObjectName("remainingText")
        self.remaining.setWordWrap(True)
        self.path_label = QLabel()
        self.path_label.setObjectName("renewalPath")
        for label in (self.title, self.state_label, self.remaining, self.path_label):
            label.setTextFormat(Qt.TextFormat.PlainText)  # a server's reason, a handle
        return [self.title, self.state_label, self.bar, self.remaining, self.path_label]

    def _init_permissions(self) -> QVBoxLayout:
        self.allowed_label = QLabel()
        self.allowed_label.setObjectName("allowedPermissions")
        self.allowed_label.setWordWrap(True)
        self.missing_label = QLabel()
        self.missing_label.setObjectName("missingPermissions")
        self.missing_label.setWordWrap(True)
        self.allow_button = self._button(tr("Allow…"), "allowButton", "allow")
        self.scope_toggle = QPushButton(tr("Details"))
        self.scope_toggle.setObjectName("scopeDetailsToggle")
        self.scope_toggle.setCheckable(True)
        quiet(self.scope_toggle)
        self.scope_toggle.toggled.connect(self._show_scope)
        self.scopes_label = QLabel()
        self.scopes_label.setObjectName("scopeDetails")
        self.scopes_label.setWordWrap(True)
        self.scopes_label.hide()
        for label in (self.allowed_label, self.missing_label, self.scopes_label):
            label.setTextFormat(Qt.TextFormat.PlainText)  # the scope the server granted
        permissions = QVBoxLayout()
        permissions.setContentsMargins(0, 0, 0, 0)
        permissions.addWidget(self.allowed_label)
        missing_row = QHBoxLayout()
        missing_row.addWidget(self.missing_label, 1)
        missing_row.addWidget(self.allow_button)
        permissions.addLayout(missing_row)
        toggle_row = QHBoxLayout()
        toggle_row.addWidget(self.scope_toggle)
        toggle_row.addStretch(1)
        permissions.addLayout(toggle_row)
        permissions.addWidget(self.scopes_label)
        return permissions

    def _init_details(self) -> QFormLayout:
        self.did_label = QLabel()
        self.pds_label = QLabel()
        self.started_label = QLabel()
        self.expiry_label = QLabel()
        permissions = self._init_permissions()
        for label in (self.did_label, self.pds_label, self.scopes_label):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        details = QFormLayout()
        for name, field in ((tr("DID"), self.did_label), (tr("Provider"), self.pds_label),
                            (tr("Permissions"), permissions),
                            (tr("Signed in", "when the session started"), self.started_label),
                            (tr("Access token"), self.expiry_label)):
            details.addRow(plain_label(name), field)
        for label in (self.did_label, self.pds_label, self.started_label, self.expiry_label):
            label.setTextFormat(Qt.TextFormat.PlainText)
        return details

    def _init_buttons(self) -> QHBoxLayout:
        self.renew_button = self._button(tr("Renew session"), "renewButton", "renew")
        self.sign_out_button = self._button(tr("Sign out"), "signOutButton", "sign_out")
        self.sign_in_again_button = self._button(tr("Sign in again"), "signInAgainButton",
                                                 "sign_in_again")
        self.switch_button = self._button(tr("Switch to this account"), "switchButton",
                                          "switch")
        buttons = QHBoxLayout()
        buttons.addWidget(self.switch_button)
        buttons.addStretch(1)
        buttons.addWidget(self.renew_button)
        buttons.addWidget(self.sign_in_again_button)
        buttons.addWidget(self.sign_out_button)
        return buttons

    def _button(self, label: str, name: str, request: AccountRequest) -> QPushButton:
        button = QPushButton(label)
        button.setObjectName(name)
        button.clicked.connect(lambda: self._on_request(request, self._did))
        return button

    def update_view(self, view: AccountView) -> None:
        ended = view.state == "ended"
        self.title.setText(f"@{view.handle}" if view.handle else view.did)
        state = state_label(view.state)
        self.state_label.setText(
            tr("{state}: {detail}", "an account's state and what it means").format(
                state=state, detail=view.state_text) if view.state_text else state)
        self.bar.setValue(round(max(0.0, min(1.0, view.remaining_fraction)) * 1000))
        self.bar.setVisible(not ended)
        tooltip = plain_tooltip(view.tooltip)
        self.bar.setToolTip(tooltip)
        self.remaining.setText(view.remaining_text)
        self.remaining.setToolTip(tooltip)
        self.path_label.setText(view.renewal_path)
        self.path_label.setVisible(bool(view.renewal_path))
        self.did_label.setText(view.did)
        self.pds_label.setText(view.pds_host)
        self.scopes_label.setText(view.scopes)
        self.allowed_label.setText(
            tr("{allowed} ({mode})", "what is allowed, and how it was granted").format(
                allowed=view.allowed_text, mode=view.mode_text.lower())
            if view.mode_text else view.allowed_text)
        self.missing_label.setText(view.missing_text)
        self.missing_label.setVisible(bool(view.missing_text) and not ended)
        self.allow_button.setVisible(bool(view.missing_text) and not ended)
        self.started_label.setText(view.started)
        self.expiry_label.setText(view.access_expiry)
        self.renew_button.setVisible(not ended)
        self.sign_out_button.setVisible(not ended)
        self.sign_in_again_button.setVisible(ended)
        self.switch_button.setVisible(not ended and not view.active)
        self.setAccessibleName(tr("Account {handle}").format(handle=view.handle or view.did))


    def _show_scope(self, shown: bool) -> None:
        self.scopes_label.setVisible(shown)
        self.scope_toggle.setText(tr("Hide details") if shown else tr("Details"))


class StatusPanel(QScrollArea):
    """All accounts, in a stable order; cards are reused across updates (no flicker). What a
    card's button asks leaves as one `requested(request, did)`."""

    requested = Signal(str, str)  # an AccountRequest, and the account's DID

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusPanel")
        self.setAccessibleName(tr("Accounts", "place"))
        self.setWidgetResizable(True)
        # Tab goes from card to card (the area scrolls to the control focused); the area itself
        # as a stop would hold the keyboard with nothing to show for it.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._inner = QWidget()
        self._layout = QVBoxLayout(self._inner)
        self._layout.addStretch(1)
        self.setWidget(self._inner)
        self.cards: dict[str, AccountCard] = {}

    def set_accounts(self, views: list[AccountView]) -> None:
        wanted = {v.did for v in views}
        for did in [d for d in self.cards if d not in wanted]:
            card = self.cards.pop(did)
            # Keep the parent: a parentless widget is a top-level window until it is deleted,
            # and closing it then can count as the app's last window closing (and quit it).
            self._layout.removeWidget(card)
            card.hide()
            card.deleteLater()
        for index, view in enumerate(views):
            existing = self.cards.get(view.did)
            if existing is None:
                card = AccountCard(view, self.requested.emit)
                self.cards[view.did] = card
            else:
                card = existing
                card.update_view(view)
            self._layout.insertWidget(index, card)
