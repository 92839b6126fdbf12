"""The keyboard's way through the window: Tab visits the controls in the order a reader sees
them (top to bottom, then left to right within a line), reaches the post list, and every
control it lands on looks different with the focus than without it."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import cast

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.app import Moderator, handle_problem, provider_problem
from desktop_app.app.screens import HomeScreen, Publisher
from desktop_app.bsky import Agent, Author
from desktop_app.ui.accounts import AccountView, SignInPage, StatusPanel
from desktop_app.ui.screens import HomeBinding, HomeView, SearchView
from tests.support.app import bare_window, offline_images
from tests.support.scripted import DID, ScriptedAgent
from tests.support.waiting import eventually


def tab_chain(start: QWidget, limit: int = 40) -> list[QWidget]:
    """The widgets Tab lands on from `start`, once round (real key presses)."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    chain: list[QWidget] = []
    for _ in range(limit):
        focused = QApplication.focusWidget()
        if focused is None or focused in chain:
            break
        chain.append(focused)
        QTest.keyClick(focused, Qt.Key.Key_Tab)
        QApplication.processEvents()
    return chain


def place(widget: QWidget, top: QWidget) -> QRect:
    return QRect(widget.mapTo(top, QPoint(0, 0)), widget.size())


def out_of_reading_order(chain: list[QWidget], top: QWidget) -> Iterator[str]:
    """Each step of the chain that goes back up the page, or left within a line (two
    widgets are on one line when their heights overlap)."""
    for before, after in itertools.pairwise(chain):
        a, b = place(before, top), place(after, top)
        same_line = a.top() < b.bottom() and b.top() < a.bottom()
        if (same_line and b.left() < a.left()) or (not same_line and b.top() < a.top()):
            yield f"{before.objectName()} {a.getRect()} → {after.objectName()} {b.getRect()}"


def looks(widget: QWidget) -> QImage:
    return widget.grab().toImage()


def focus_unseen(chain: list[QWidget]) -> Iterator[str]:
    """The widgets of the chain that look the same when the keyboard has brought the focus to
    them (Tab from the one before; the first, Shift+Tab from the second) as before."""
    steps = [(chain[1], chain[0], Qt.Key.Key_Backtab)] if len(chain) > 1 else []
    steps += [(a, b, Qt.Key.Key_Tab) for a, b in itertools.pairwise(chain)]
    for before, widget, key in steps:
        before.setFocus(Qt.FocusReason.TabFocusReason)
        QApplication.processEvents()
        unfocused = looks(widget)
        QTest.keyClick(before, key)
        QApplication.processEvents()
        assert QApplication.focusWidget() is widget
        if looks(widget) == unfocused:
            yield widget.objectName() or type(widget).__name__


async def test_home_in_reading_order_with_the_focus_always_seen(qtbot: QtBot) -> None:
    view = HomeView(offline_images())
    qtbot.addWidget(view)
    view.resize(640, 700)
    view.show()
    qtbot.waitExposed(view)
    agent = ScriptedAgent(5)
    scripted = cast(Agent, agent)
    screen = HomeScreen(scripted, Moderator(scripted), Publisher(scripted, Author(DID, "me")))
    binding = HomeBinding(screen, view, navigate=lambda intent: None)
    await binding.screen.load_first()
    await eventually(lambda: view.list.model.rowCount() == 5, "the first page", timeout=5)
    view.set_tabs([("following", "Following"), ("at://feed", "Cats")], "following")
    view.composer.text_edit.setPlainText("Hello")  # Post is enabled with something to send
    view.activateWindow()

    chain = tab_chain(view.composer.text_edit)
    names = [w.objectName() for w in chain]
    assert names[:3] == ["composerText", "composerAddImage", "composerLanguage"], names
    assert "composerPostButton" in names and "homeTabs" in names, names
    assert view.list.list in chain, names
    assert list(out_of_reading_order(chain, view)) == []
    assert list(focus_unseen(chain)) == []
    await binding.aclose()


def shown(qtbot: QtBot, widget: QWidget) -> QWidget:
    qtbot.addWidget(widget)
    widget.resize(720, 640)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    return widget


def test_sign_in_page(qtbot: QtBot) -> None:
    page = shown(qtbot, SignInPage(handle_problem, provider_problem))
    assert isinstance(page, SignInPage)
    QTest.keyClicks(page.handle_edit, "alice.bsky.social")  # Sign in enabled
    assert list(focus_unseen(tab_chain(page.handle_edit))) == []
    page.provider_toggle.setChecked(True)  # the provider's field shows
    chain = tab_chain(page.handle_edit)
    assert page.sign_in_button in chain and page.provider_toggle in chain
    assert list(out_of_reading_order(chain, page)) == []
    assert list(focus_unseen(chain)) == []


def test_accounts_cards(qtbot: QtBot) -> None:
    panel = shown(qtbot, StatusPanel())
    assert isinstance(panel, StatusPanel)
    panel.set_accounts([account("did:plc:abc", "alice.test"),
                        account("did:plc:bob", "bob.test", active=True)])
    first = panel.cards["did:plc:abc"]
    QApplication.processEvents()
    chain = tab_chain(first.scope_toggle)
    assert first.renew_button in chain and panel.cards["did:plc:bob"].renew_button in chain
    assert list(out_of_reading_order(chain, panel)) == []
    assert list(focus_unseen(chain)) == []


def test_search(qtbot: QtBot) -> None:
    view = shown(qtbot, SearchView(offline_images(), None))
    assert isinstance(view, SearchView)
    chain = tab_chain(view.query)
    assert chain[:2] == [view.query, view.tabs], [w.objectName() for w in chain]
    assert list(out_of_reading_order(chain, view)) == []
    assert list(focus_unseen(chain)) == []


def test_the_rail_comes_first_then_the_place(qtbot: QtBot, tmp_path: Path) -> None:
    window = bare_window(qtbot, tmp_path)
    shown(qtbot, window)
    window.go("search")
    QApplication.processEvents()
    rail: list[QWidget] = list(window.rail.buttons.values())
    chain = tab_chain(rail[0])
    assert chain[:len(rail)] == rail
    assert list(out_of_reading_order(chain[:len(rail)], window)) == []
    assert chain[len(rail)].objectName() == "searchQuery", [w.objectName() for w in chain]
    assert list(focus_unseen(rail)) == []


def account(did: str, handle: str, **overrides: object) -> AccountView:
    values: dict[str, object] = dict(
        did=did, handle=handle, pds_host="localhost:2583", scopes="atproto",
        started="22 Nov 2026 10:00", access_expiry="in 58 minutes",
        remaining_text="Session ends in 13 days 4 hours", remaining_fraction=0.94,
        tooltip="Public clients get a limited session.", state="healthy", state_text="")
    values.update(overrides)
    return AccountView(**values)  # type: ignore[arg-type]
