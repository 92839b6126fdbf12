"""The outbox bar: what waits in one sentence, Send now, Cancel (a menu when several)."""

from __future__ import annotations

from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from desktop_app.app import Waiting
from desktop_app.sentences import Sentence
from desktop_app.ui.compose import OutboxBar


def waiting(wid: str, kind: str = "post", text: str = "hello", *,
            refused: bool = False, error: str = "") -> Waiting:
    record = {"text": text} if kind == "post" else {}
    return Waiting(wid, kind, record, "2026-12-05T10:00:00.000Z",  # type: ignore[arg-type]
                   refused=refused, last_error=Sentence(error) if error else None)


def test_nothing_waiting_is_no_bar(qtbot: QtBot) -> None:
    bar = OutboxBar()
    qtbot.addWidget(bar)
    bar.show_waiting([waiting("1")])
    assert not bar.isHidden()
    bar.show_waiting([])
    assert bar.isHidden()


def test_one_post_says_so_and_cancels_at_once(qtbot: QtBot) -> None:
    bar = OutboxBar()
    qtbot.addWidget(bar)
    bar.show_waiting([waiting("3k1")], Sentence("Your provider could not be reached."))
    assert bar.label.text() == ("Waiting to send — 1 post. Last try: Your provider could not "
                                "be reached.")
    assert bar.accessibleName() == bar.label.text()
    assert bar.send_button.accessibleName() == "Send now"
    with qtbot.waitSignal(bar.send_now_requested):
        bar.send_button.click()
    with qtbot.waitSignal(bar.cancel_requested) as cancelled:
        bar.cancel_button.click()
    assert cancelled.args == ["3k1"]


def test_several_are_counted_and_cancelled_one_by_one(qtbot: QtBot) -> None:
    bar = OutboxBar()
    qtbot.addWidget(bar)
    bar.show_waiting([waiting("1", text="first <b>post</b>"), waiting("2", "like"),
                      waiting("3", "like"), waiting("4", text="second")])
    assert bar.label.text() == "Waiting to send — 2 posts, 2 likes."
    assert bar.cancel_button.text() == "Cancel…"
    bar.cancel_button.click()
    menu = bar.cancel_menu
    assert isinstance(menu, QMenu)
    labels = [a.text() for a in menu.actions()]
    assert labels == ["Post: first <b>post</b>", "Like", "Like", "Post: second"]
    with qtbot.waitSignal(bar.cancel_requested) as cancelled:
        menu.actions()[3].trigger()
    assert cancelled.args == ["4"]
    menu.close()


def test_a_refused_post_says_why_and_offers_no_send(qtbot: QtBot) -> None:
    bar = OutboxBar()
    qtbot.addWidget(bar)
    bar.show_waiting([waiting("1", refused=True, error="The post was refused.")])
    assert bar.label.text() == ("Not accepted — 1 post: The post was refused. Cancel puts a "
                                "post back in your drafts.")
    assert bar.send_button.isHidden()
