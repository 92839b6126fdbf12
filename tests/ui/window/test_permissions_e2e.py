"""Permissions in the window, on the full network: a partial grant disables exactly what is
missing, "Allow…" upgrades in one browser round trip, and a 403 leads to the same offer."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from desktop_app.bsky import BY_KEY, Agent, PostView, XrpcError
from tests.support.app import build_app, shot
from tests.support.harness import PdsNetwork
from tests.support.oauth import approve_in_browser
from tests.support.secret_service import SecretService
from tests.support.seed import Writer, new_account
from tests.support.waiting import eventually

pytestmark = pytest.mark.fullnetwork
READING = " ".join(("atproto", *BY_KEY["read"].scopes, *BY_KEY["notifications"].scopes))


async def test_partial_grant_then_allow_in_the_window(
    full_network: PdsNetwork, secret_service: SecretService, qtbot: QtBot, tmp_path: Path,
) -> None:
    net = full_network
    # Alice of this test alone: the partial grant she consents to concerns no other test.
    alice, bob = new_account(net, "alice"), new_account(net, "bob")
    bob_post, _ = Writer(net, bob).post(f"bob {time.time_ns()}")
    parts = build_app(net, tmp_path, qtbot)
    window = parts.window
    window.resize(760, 900)
    window.show()
    consents: list[str | None] = [READING, None]  # first only reading; then all that is asked
    asked: list[str] = []

    async def browser(url: str) -> None:
        asked.append(url)
        assert await approve_in_browser(url, alice, scope=consents[len(asked) - 1]) == 200

    controller = parts.controller(browser)
    try:
        await controller.start()
        assert await controller.sign_in(alice.handle) is not None
        await eventually(lambda: controller.screens is not None, "the signed-in views")
        views = controller.screens
        assert views is not None
        snap = controller.accounts.snapshots()[0]
        assert snap.permissions.allowed == ("read", "notifications")

        # Reading works; posting is disabled with a sentence and an "Allow…" beside it.
        composer = window.composer
        composer.text_edit.setPlainText("hello")
        assert not composer.post_button.isEnabled()
        assert composer.permission_label.isVisible()
        assert composer.permission_label.text() == \
            "Posting wasn't allowed when you signed in."
        assert composer.allow_button.isVisible()
        home = views.home.home
        await eventually(lambda: home.pager.started, "the home timeline")

        # The status panel says what is allowed in plain words; the raw scope on demand.
        window.show_accounts()
        card = window.status_panel.cards[snap.did]
        assert card.findChild(QLabel, "allowedPermissions") is card.allowed_label
        assert card.allowed_label.text().startswith("Read your timeline and notifications")
        missing = card.missing_label
        assert missing.isVisible() and missing.text().startswith("Not allowed: Post, like")
        assert card.findChild(QPushButton, "allowButton") is card.allow_button
        assert card.allow_button.isVisible()
        details = card.scopes_label
        assert details.objectName() == "scopeDetails" and not details.isVisible()
        qtbot.mouseClick(card.scope_toggle, Qt.MouseButton.LeftButton)
        assert details.isVisible() and details.text() == READING
        shot(window, "permissions-partial.png")
        window.show_home()

        # Liking is refused before any request, with the offer to allow it.
        post = await eventually(lambda: post_of(views.agent, bob_post), "bob's post",
                                timeout=60, interval=0.3)
        await home.actions.toggle(post, "like")
        banner = window.permission_banner
        assert banner.isVisible()
        assert banner.label.text() == "Liking wasn't allowed when you signed in."
        assert (await views.agent.post(bob_post)).like_count == 0
        qtbot.mouseClick(banner.close_button, Qt.MouseButton.LeftButton)
        assert not banner.isVisible()

        # "Allow…" beside the composer: one browser round trip, then posting works.
        qtbot.mouseClick(composer.allow_button, Qt.MouseButton.LeftButton)
        await eventually(lambda: controller.accounts.snapshots()[0].permissions.allows("post"),
                         "posting allowed", timeout=60)
        assert len(asked) == 2
        assert controller.accounts.snapshots()[0].permissions.allowed == (
            "post", "read", "notifications")
        await eventually(lambda: composer.post_button.isEnabled(), "the Post button enabled")
        assert not composer.permission_label.isVisible()
        composer.text_edit.setPlainText(f"allowed {time.time_ns()}")
        qtbot.mouseClick(composer.post_button, Qt.MouseButton.LeftButton)
        await eventually(lambda: composer.text_edit.toPlainText() == "", "the post sent")

        # A 403 from the server (here: the window's own knowledge bypassed) leads to the
        # same offer.
        home.hooks.permits = lambda feature: True
        await home.actions.toggle(post, "like")
        await eventually(lambda: banner.isVisible(), "the permission banner")
        assert banner.label.text() == "Liking wasn't allowed when you signed in."
        assert banner.features == ["like"]
        assert (await views.agent.post(bob_post)).like_count == 0
    finally:
        await controller.aclose()
        await window.images.aclose()
        await parts.core.aclose()


async def post_of(agent: Agent, uri: str) -> PostView | None:
    """The post once the AppView has it (a new account's first post may take a moment)."""
    try:
        return await agent.post(uri)
    except XrpcError:
        return None
