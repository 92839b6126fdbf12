"""Offscreen widget tests: sign-in page states and validation, status cards, renewal banner."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app.ui.accounts import AccountCard, AccountView, RenewalBanner, SignInPage, StatusPanel
from desktop_app.ui.window import MainWindow
from tests.support.app import offline_images


def handle_problem(text: str) -> str | None:
    return None if text.endswith(".test") else "That is not a valid handle."


def provider_problem(text: str) -> str | None:
    return None if text.startswith("https://") else "Enter the provider's https:// address."


def make_page(qtbot: QtBot) -> SignInPage:
    page = SignInPage(handle_problem, provider_problem)
    qtbot.addWidget(page)
    page.show()
    return page


def test_sign_in_button_follows_inline_validation(qtbot: QtBot) -> None:
    page = make_page(qtbot)
    assert not page.sign_in_button.isEnabled()
    assert page.handle_hint.text() == ""  # no complaint before typing
    qtbot.keyClicks(page.handle_edit, "alice")
    assert page.handle_hint.text() == "That is not a valid handle."
    assert not page.sign_in_button.isEnabled()
    qtbot.keyClicks(page.handle_edit, ".test")
    assert page.handle_hint.text() == ""
    assert page.sign_in_button.isEnabled()
    with qtbot.waitSignal(page.sign_in_requested) as signal:
        qtbot.keyClick(page.handle_edit, Qt.Key.Key_Return)
    assert signal.args == ["alice.test", ""]


def test_provider_entry(qtbot: QtBot) -> None:
    page = make_page(qtbot)
    qtbot.mouseClick(page.provider_toggle, Qt.MouseButton.LeftButton)
    assert page.provider_edit.isVisible()
    qtbot.keyClicks(page.provider_edit, "http://x")
    assert not page.sign_in_button.isEnabled()
    page.provider_edit.setText("https://pds.example.com")
    assert page.sign_in_button.isEnabled()
    with qtbot.waitSignal(page.sign_in_requested) as signal:
        qtbot.mouseClick(page.sign_in_button, Qt.MouseButton.LeftButton)
    assert signal.args == ["", "https://pds.example.com"]


def test_waiting_state_and_errors(qtbot: QtBot) -> None:
    page = make_page(qtbot)
    page.handle_edit.setText("alice.test")
    page.set_busy(True)
    assert not page.sign_in_button.isEnabled()
    assert page.handle_edit.isReadOnly()
    page.set_busy(False)
    page.show_waiting()
    assert page.waiting and page.waiting_label.text() == "Waiting for your browser…"
    for button, signal in ((page.cancel_button, page.cancel_requested),
                           (page.reopen_button, page.reopen_requested),
                           (page.copy_button, page.copy_link_requested)):
        with qtbot.waitSignal(signal):
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    page.show_form("You denied access, so you were not signed in.")
    assert not page.waiting
    assert page.error_label.text() == "You denied access, so you were not signed in."


def view(**overrides: object) -> AccountView:
    values: dict[str, object] = dict(
        did="did:plc:abc", handle="alice.test", pds_host="localhost:2583",
        scopes="atproto transition:generic", started="22 Nov 2026 10:00",
        access_expiry="in 58 minutes", remaining_text="Session ends in 13 days 4 hours",
        remaining_fraction=0.94, tooltip="Public clients get a limited session.",
        state="healthy", state_text="",
    )
    values.update(overrides)
    return AccountView(**values)  # type: ignore[arg-type]


def test_status_cards_update_in_place_and_by_state(qtbot: QtBot) -> None:
    panel = StatusPanel()
    qtbot.addWidget(panel)
    panel.show()
    panel.set_accounts([view(), view(did="did:plc:bob", handle="bob.test", active=True)])
    card = panel.cards["did:plc:abc"]
    assert card.remaining.text() == "Session ends in 13 days 4 hours"
    assert card.bar.value() == 940
    assert card.remaining.toolTip() == "Public clients get a limited session."
    assert not card.renew_button.isHidden() and card.sign_in_again_button.isHidden()
    assert not card.switch_button.isHidden()
    assert panel.cards["did:plc:bob"].switch_button.isHidden()

    panel.set_accounts([view(state="ended", state_text="Your session was revoked.")])
    assert panel.cards["did:plc:abc"] is card  # reused, not rebuilt
    assert "did:plc:bob" not in panel.cards
    assert not card.sign_in_again_button.isHidden()
    assert card.renew_button.isHidden() and card.bar.isHidden()
    assert card.state_label.text() == "Signed out — sign in again: Your session was revoked."
    with qtbot.waitSignal(panel.requested) as signal:
        qtbot.mouseClick(card.sign_in_again_button, Qt.MouseButton.LeftButton)
    assert signal.args == ["sign_in_again", "did:plc:abc"]
    # The removed card never became a window of its own, not even until it is deleted.
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, AccountCard)]


def test_banner(qtbot: QtBot) -> None:
    banner = RenewalBanner()
    qtbot.addWidget(banner)
    banner.show_for("did:plc:abc", "Your session ends in 20 hours.")
    assert banner.isVisible()
    with qtbot.waitSignal(banner.renew_requested) as signal:
        qtbot.mouseClick(banner.renew_button, Qt.MouseButton.LeftButton)
    assert signal.args == ["did:plc:abc"]
    banner.hide_for("did:plc:other")
    assert banner.isVisible()
    with qtbot.waitSignal(banner.dismissed):
        qtbot.mouseClick(banner.close_button, Qt.MouseButton.LeftButton)
    assert not banner.isVisible()


def test_window_geometry_is_remembered(qtbot: QtBot, tmp_path: Path) -> None:
    ini = str(tmp_path / "window.ini")
    first = MainWindow(make_page(qtbot), QSettings(ini, QSettings.Format.IniFormat),
                       offline_images())
    qtbot.addWidget(first)
    first.show()
    first.resize(700, 500)
    first.close()
    second = MainWindow(make_page(qtbot), QSettings(ini, QSettings.Format.IniFormat),
                        offline_images())
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (700, 500)
