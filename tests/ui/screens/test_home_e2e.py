"""The window's timeline and composer against the full network, with the real keychain."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from desktop_app.bsky import ImageUpload, PostView, XrpcError
from desktop_app.ui.window import MainWindow
from tests.support.app import build_app, shot
from tests.support.harness import PdsNetwork
from tests.support.images import png
from tests.support.oauth import agent_as, approve_in_browser
from tests.support.secret_service import SecretService
from tests.support.seed import new_account
from tests.support.waiting import eventually

pytestmark = pytest.mark.fullnetwork


def row_of(window: MainWindow, uri: str) -> int:
    model = window.timeline.model
    return next((r for r in range(model.rowCount()) if model.item(r).post.uri == uri), -1)


def post_at(window: MainWindow, uri: str) -> PostView | None:
    return window.timeline.model.list.find_post(uri)


def click_like(window: MainWindow, qtbot: QtBot, uri: str) -> None:
    view = window.timeline
    index = view.model.index(row_of(window, uri))
    view.list.scrollTo(index)
    rect = view.list.visualRect(index)
    layout = view.delegate.layout(view.model.item(index.row()), view.list.viewport().width(),
                                  view.list.font(), QColor("blue"))
    qtbot.mouseClick(view.list.viewport(), Qt.MouseButton.LeftButton,
                     pos=rect.topLeft() + layout.like.center() + QPoint(0, 0))


async def test_timeline_compose_like_in_the_window(
    full_network: PdsNetwork, secret_service: SecretService,
    qtbot: QtBot, tmp_path: Path,
) -> None:
    net = full_network
    # Alice and Bob of this test alone: their follows and likes are seen by no other test.
    alice_account, bob_account = new_account(net, "alice"), new_account(net, "bob")
    async with agent_as(net, bob_account) as bob:
        alice_did = alice_account.did
        await bob.follow(alice_did)
        # What alice will see: bob's posts, once alice follows bob.
        bob_posts = [
            await bob.create_post("Good morning from bob 🌅 with a link https://example.com/x"),
            await bob.create_post("A picture of a square",
                                  images=[ImageUpload(png(120, 90, (40, 120, 200)), "image/png",
                                                      "a blue rectangle", (120, 90))]),
            await bob.create_post("שלום! right-to-left text from bob"),
        ]

        parts = build_app(net, tmp_path, qtbot)
        window = parts.window
        window.resize(640, 900)
        window.show()

        async def browser(url: str) -> None:
            assert await approve_in_browser(url, alice_account) == 200

        controller = parts.controller(browser)
        try:
            await controller.start()
            qtbot.keyClicks(window.sign_in_page.handle_edit, alice_account.handle)
            qtbot.mouseClick(window.sign_in_page.sign_in_button, Qt.MouseButton.LeftButton)
            await eventually(lambda: controller.home is not None, "the timeline")
            assert window.current_page() is window.home
            timeline = controller.home
            assert timeline is not None
            await timeline.agent.follow(bob.did)

            # Until the AppView has the follow, the timeline may be empty; refresh finds them.
            async def bobs_posts_shown() -> bool:
                await timeline.show_newer()
                return all(post_at(window, p.uri) for p in bob_posts)

            await eventually(bobs_posts_shown, "bob's posts in alice's timeline",
                             interval=0.2)
            await eventually(lambda: window.images.fetches >= 1 and not window.images.busy,
                             "the images")
            shot(window, "5-timeline.png")

            # Compose with the keyboard: Ctrl+Enter posts; the app detects the facets.
            text = f"hi @{bob_account.handle} 👩‍👩‍👧 日本語 #desktop https://example.com/ok"
            window.composer.text_edit.setPlainText(text)
            window.activateWindow()
            window.composer.text_edit.setFocus()  # the person clicked into the composer
            qtbot.keyClick(window.composer.text_edit, Qt.Key.Key_Return,
                           Qt.KeyboardModifier.ControlModifier)
            await eventually(lambda: any(window.timeline.model.item(r).post.text == text
                                         for r in range(window.timeline.model.rowCount())),
                             "alice's post in the timeline", timeout=20)
            mine = next(window.timeline.model.item(r).post
                        for r in range(window.timeline.model.rowCount())
                        if window.timeline.model.item(r).post.text == text)
            assert row_of(window, mine.uri) == 0  # shown at the top
            assert window.composer.text_edit.toPlainText() == ""
            encoded = text.encode()
            assert sorted(encoded[f.byte_start:f.byte_end].decode() for f in mine.facets) == \
                sorted([f"@{bob_account.handle}", "#desktop", "https://example.com/ok"])

            # Like bob's post with a click: optimistic, then confirmed by the server.
            target = bob_posts[0].uri
            before = post_at(window, target)
            assert before is not None and before.like_count == 0
            click_like(window, qtbot, target)
            seen: list[tuple[int, str | None]] = []

            def counted() -> bool:
                now = post_at(window, target)
                assert now is not None
                seen.append((now.like_count, now.viewer_like))
                return now.like_count == 1

            # (optimism itself: test_timeline_controller.py)
            await eventually(counted, "the like counted", timeout=5)
            await eventually(lambda: (post_at(window, target) or before).viewer_like not in
                             (None, "pending"), "the like confirmed")
            like_uri = post_at(window, target).viewer_like  # type: ignore[union-attr]

            async def server_counted() -> bool:
                page = await bob.author_feed(bob.did)
                return next(i.post.like_count for i in page.items if i.post.uri == target) == 1

            await eventually(server_counted, "the like counted by the AppView",
                             interval=0.2)
            assert like_uri is not None and like_uri.startswith(f"at://{alice_did}/")
            window.timeline.list.scrollToTop()
            shot(window, "6-posted-and-liked.png")

            # A post the server refuses keeps the draft, and nothing waits in the outbox.
            async def refused(*args: object, **kwargs: object) -> None:
                raise XrpcError(400, "InvalidRequest", "Invalid app.bsky.feed.post record")

            window.composer.text_edit.setPlainText("draft that must survive")
            original = timeline.agent.write_record
            timeline.agent.write_record = refused  # type: ignore[method-assign, assignment]
            qtbot.mouseClick(window.composer.post_button, Qt.MouseButton.LeftButton)
            await eventually(lambda: not window.composer.error_label.isHidden(),
                             "the composer's error")
            assert window.composer.text_edit.toPlainText() == "draft that must survive"
            assert window.composer.error_label.text()
            assert window.outbox_bar.isHidden()
            timeline.agent.write_record = original  # type: ignore[method-assign]
        finally:
            await controller.aclose()
            await window.images.aclose()
            await parts.core.aclose()

