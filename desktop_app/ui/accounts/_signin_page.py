"""The sign-in page: handle (or provider) entry, waiting-for-browser state, plain errors."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...app import handle_problem, provider_problem
from ...sentences import Sentence
from ..lang import say, tr
from ..look import primary, quiet

# Returns None when the text is acceptable, else one plain sentence saying what is wrong (said
# in the window's language).
Validator = Callable[[str], Sentence | str | None]


class SignInPage(QWidget):
    """Emits `sign_in_requested(text, provider_url)`; the controller does the rest."""

    sign_in_requested = Signal(str, str)
    cancel_requested = Signal()
    reopen_requested = Signal()
    copy_link_requested = Signal()

    def __init__(
        self,
        validate_handle: Validator = handle_problem,
        validate_provider: Validator = provider_problem,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._validate_handle = validate_handle
        self._validate_provider = validate_provider
        self.setObjectName("signInPage")
        self._stack = QStackedWidget()
        self._stack.addWidget(self._init_form())
        self._stack.addWidget(self._init_waiting())
        layout = QVBoxLayout(self)
        layout.addWidget(self._stack)

    def _init_form(self) -> QWidget:
        """The handle (or a provider's address) and Sign in."""
        title = QLabel(tr("Sign in to Bluesky"))
        title.setObjectName("title")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        self.handle_edit = QLineEdit()
        self.handle_edit.setObjectName("handleEdit")
        # An example a language can make its own (a name of its own, under .bsky.social).
        self.handle_edit.setPlaceholderText(tr("yourname.bsky.social", "an example handle"))
        self.handle_edit.setAccessibleName(tr("Handle"))
        self.handle_edit.setClearButtonEnabled(True)
        handle_label = QLabel(tr("&Handle"))
        handle_label.setBuddy(self.handle_edit)
        self.handle_hint = QLabel("")
        self.handle_hint.setObjectName("handleHint")
        self.handle_hint.setWordWrap(True)
        self.handle_hint.setAccessibleName(tr("Handle problem"))
        self._init_provider()
        self.sign_in_button = QPushButton(tr("Sign in"))
        self.sign_in_button.setObjectName("signInButton")
        primary(self.sign_in_button)
        self.sign_in_button.setEnabled(False)
        self.sign_in_button.clicked.connect(self._submit)
        self.error_label = QLabel("")
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.setAccessibleName(tr("Sign-in problem"))
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # The error can be a server's own words (its error_description): text, never markup.
        for label in (title, handle_label, self.handle_hint, self.error_label):
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.handle_edit.textChanged.connect(self._revalidate)
        self.handle_edit.returnPressed.connect(self._submit)
        form = QWidget()
        form_layout = QVBoxLayout(form)
        for widget in (title, handle_label, self.handle_edit, self.handle_hint):
            form_layout.addWidget(widget)
        form_layout.insertSpacing(1, 8)
        form_layout.addWidget(self.provider_toggle, alignment=Qt.AlignmentFlag.AlignLeft)
        form_layout.addWidget(self.provider_edit)
        form_layout.addWidget(self.sign_in_button, alignment=Qt.AlignmentFlag.AlignRight)
        form_layout.addWidget(self.error_label)
        form_layout.addStretch(1)
        return form

    def _init_provider(self) -> None:
        self.provider_toggle = QPushButton(tr("Use a different provider"))
        self.provider_toggle.setObjectName("providerToggle")
        self.provider_toggle.setCheckable(True)
        quiet(self.provider_toggle)
        self.provider_edit = QLineEdit()
        self.provider_edit.setObjectName("providerEdit")
        self.provider_edit.setPlaceholderText(
            tr("https://your-provider.example", "an example address: keep https:// and .example"))
        self.provider_edit.setAccessibleName(tr("Provider address"))
        self.provider_edit.setVisible(False)
        self.provider_toggle.toggled.connect(self._provider_toggled)
        self.provider_edit.textChanged.connect(self._revalidate)
        self.provider_edit.returnPressed.connect(self._submit)

    def _init_waiting(self) -> QWidget:
        """While the browser is open: open the page again, copy its link, or cancel."""
        self.waiting_label = QLabel(tr("Waiting for your browser…"))
        self.waiting_label.setObjectName("waitingLabel")
        self.waiting_detail = QLabel(tr(
            "Approve the sign-in in the browser window that just opened, then come back here."))
        self.waiting_detail.setWordWrap(True)
        for label in (self.waiting_label, self.waiting_detail):
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.reopen_button = QPushButton(tr("Open the page again"))
        self.reopen_button.setObjectName("reopenButton")
        self.reopen_button.clicked.connect(self.reopen_requested)
        self.copy_button = QPushButton(tr("Copy link"))
        self.copy_button.setObjectName("copyLinkButton")
        self.copy_button.clicked.connect(self.copy_link_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reopen_button)
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        waiting = QWidget()
        waiting_layout = QVBoxLayout(waiting)
        waiting_layout.addWidget(self.waiting_label)
        waiting_layout.addWidget(self.waiting_detail)
        waiting_layout.addLayout(buttons)
        waiting_layout.addStretch(1)
        return waiting

    # --- states --------------------------------------------------------------------------------

    @property
    def waiting(self) -> bool:
        return self._stack.currentIndex() == 1

    def show_form(self, error: str | None = None) -> None:
        self._stack.setCurrentIndex(0)
        self.error_label.setText(error or "")
        self.handle_edit.setFocus()
        self._revalidate()

    def prefill(self, handle: str) -> None:
        self.handle_edit.setText(handle)

    def show_waiting(self) -> None:
        self.error_label.setText("")
        self._stack.setCurrentIndex(1)
        self.cancel_button.setFocus()

    def set_busy(self, busy: bool) -> None:
        """While the app resolves the account and contacts the provider."""
        self.handle_edit.setReadOnly(busy)
        self.provider_edit.setReadOnly(busy)
        self.sign_in_button.setText(tr("Contacting your provider…") if busy else tr("Sign in"))
        self.sign_in_button.setEnabled(not busy and self._problem() is None)

    # --- behaviour -----------------------------------------------------------------------------

    def _provider_toggled(self, on: bool) -> None:
        self.provider_edit.setVisible(on)
        if on:
            self.provider_edit.setFocus()
        self._revalidate()

    def _problem(self) -> str | None:
        handle = self.handle_edit.text().strip()
        provider = self.provider_edit.text().strip() if self.provider_toggle.isChecked() else ""
        if provider:
            return _said(self._validate_provider(provider) or (
                self._validate_handle(handle) if handle else None
            ))
        if not handle:
            return ""  # nothing typed yet: no complaint, but nothing to submit either
        return _said(self._validate_handle(handle))

    def _revalidate(self) -> None:
        problem = self._problem()
        self.handle_hint.setText(problem or "")
        self.sign_in_button.setEnabled(problem is None and not self.handle_edit.isReadOnly())

    def _submit(self) -> None:
        if self._problem() is not None or self.handle_edit.isReadOnly():
            return
        provider = self.provider_edit.text().strip() if self.provider_toggle.isChecked() else ""
        self.sign_in_requested.emit(self.handle_edit.text().strip(), provider)


def _said(problem: Sentence | str | None) -> str | None:
    return None if problem is None else say(problem)
