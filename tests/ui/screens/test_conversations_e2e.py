"""The window as a person lives in it, on the full network: notifications, threads, profiles,
search, mentions, moderation, and back/forward through it all."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from desktop_app.app.screens import OpenProfile, Row
from desktop_app.bsky import Agent, PostView, XrpcError
from desktop_app.ui.posts import PostListView
from desktop_app.ui.screens import ProfileView, ThreadView
from desktop_app.ui.window import AppController, MainWindow
from tests.support.app import build_app, shot
from tests.support.harness import PdsNetwork
from tests.support.oauth import agent_as, approve_in_browser
from tests.support.secret_service import SecretService
from tests.support.seed import new_account
from tests.support.waiting import eventually

pytestmark = pytest.mark.fullnetwork


def rows(view: PostListView) -> list[Row]:
    return view.model.rows()


def row_index(view: PostListView, uri: str) -> int:
    return next((i for i, r in enumerate(rows(view)) if r.post and r.post.uri == uri), -1)


def click(view: PostListView, qtbot: QtBot, uri: str, area: str) -> None:
    """Click a part of a post row (`like`, `show`, `avatar`, …) as a person would."""
    index = view.model.index(row_index(view, uri))
    view.list.scrollTo(index)
    rect = view.list.visualRect(index)
    layout = view.delegate.layout(view.model.row(index.row()), view.list.viewport().width(),
                                  view.list.font(), QColor("blue"))
    target = getattr(layout, area)
    assert target is not None and not target.isNull(), area
    qtbot.mouseClick(view.list.viewport(), Qt.MouseButton.LeftButton,
                     pos=rect.topLeft() + target.center())


async def post_of(agent: Agent, uri: str) -> PostView | None:
    try:
        return await agent.post(uri)
    except XrpcError:
        return None


async def test_conversations_in_the_window(
    full_network: PdsNetwork, secret_service: SecretService, qtbot: QtBot, tmp_path: Path,
) -> None:
    net = full_network
    # Alice and Bob of this test alone: what it marks seen, follows and mutes stays here.
    alice_account, bob_account = new_account(net, "alice"), new_account(net, "bob")
    parts = build_app(net, tmp_path, qtbot)
    window = parts.window
    window.resize(760, 900)
    window.show()

    async def browser(url: str) -> None:
        assert await approve_in_browser(url, alice_account) == 200

    controller = parts.controller(browser)
    marker = f"conv{time.time_ns()}"
    async with agent_as(net, bob_account) as bob:
        try:
            await controller.start()
            assert await controller.sign_in(alice_account.handle) is not None
            await eventually(lambda: controller.screens is not None, "the signed-in views")
            views = controller.screens
            assert views is not None
            alice = views.agent
            # Notifications count as unread only after they were first seen once.
            window.go("notifications")
            await eventually(lambda: window.rail.unread_text == "", "no unread badge")
            await notifications_and_threads(controller, window, qtbot, net, bob, alice,
                                            bob_account.handle, marker)
            await profile_search_and_mentions(controller, window, qtbot, net, bob, alice,
                                              bob_account.handle, marker)
            await moderation(controller, window, qtbot, net, bob, alice, bob_account.handle,
                             marker)
            await history(window)
        finally:
            await controller.aclose()
            await window.images.aclose()
            await parts.core.aclose()


async def notifications_and_threads(controller: AppController, window: MainWindow,
                                    qtbot: QtBot, net: PdsNetwork, bob: Agent, alice: Agent,
                                    bob_handle: str, marker: str) -> None:
    root = await alice.create_post(f"{marker} alice asks a question")
    root_view = await eventually(lambda: post_of(bob, root.uri), "alice's post", timeout=60,
                                 interval=0.3)
    reply = await bob.create_post(f"{marker} bob answers", reply_to=root_view)
    await bob.like(root_view.ref)
    net.process_all()
    assert controller.unread.poller is not None
    await controller.unread.poller.check()  # one check shows both
    assert window.rail.unread_text == "2", window.rail.unread_text
    shot(window, "11-unread-badge.png")

    window.go("notifications")
    notes = window.notifications.list
    await eventually(lambda: row_index(notes, reply.uri) >= 0, "bob's reply notified")
    await eventually(lambda: window.rail.unread_text == "", "marked seen on viewing")
    groups = [r for r in rows(notes) if r.kind == "group" and r.group is not None]
    assert any(g.group and g.group.reason == "like" and bob_handle in g.group.summary()
               for g in groups)
    shot(window, "12-notifications.png")

    # Opening the reply notification opens the thread, with Bob's reply as its focus.
    notes.list.setFocus()
    notes.list.setCurrentIndex(notes.model.index(row_index(notes, reply.uri)))
    qtbot.keyClick(notes.list, Qt.Key.Key_Return)
    await eventually(lambda: isinstance(window.navigator.current, ThreadView), "the thread")
    thread = window.navigator.current
    assert isinstance(thread, ThreadView)
    # The clicked post is drawn at once; its parents follow when the thread has loaded.
    await eventually(lambda: row_index(thread.list, root.uri) >= 0, "the thread's parents")
    shown = rows(thread.list)
    focus = next(r for r in shown if r.focus)
    assert focus.post is not None and focus.post.uri == reply.uri
    assert [(r.post.uri if r.post else "", r.depth) for r in shown[:2]] == [
        (root.uri, -1), (reply.uri, 0)]

    # Reply from the thread: the new reply appears under Bob's, in place, without a reload.
    before = len(shown)
    thread.composer.text_edit.setPlainText(f"{marker} alice thanks bob")
    window.activateWindow()
    thread.composer.text_edit.setFocus()
    qtbot.keyClick(thread.composer.text_edit, Qt.Key.Key_Return,
                   Qt.KeyboardModifier.ControlModifier)
    await eventually(lambda: len(rows(thread.list)) == before + 1, "alice's reply in the thread",
                     timeout=20)
    mine = rows(thread.list)[2]
    assert mine.post is not None and mine.post.text.endswith("alice thanks bob")
    assert mine.depth == 1 and mine.post.reply_parent is not None
    assert mine.post.reply_parent.uri == reply.uri
    shot(window, "13-thread.png")


async def profile_search_and_mentions(controller: AppController, window: MainWindow,
                                      qtbot: QtBot, net: PdsNetwork, bob: Agent, alice: Agent,
                                      bob_handle: str, marker: str) -> None:
    seeded = await bob.create_post(f"{marker} searchable words from bob")
    controller.open(OpenProfile(bob.did))
    await eventually(lambda: isinstance(window.navigator.current, ProfileView), "bob's profile")
    profile = window.navigator.current
    assert isinstance(profile, ProfileView)
    header = profile.header
    await eventually(lambda: header.handle.text() == f"@{bob_handle}", "bob's handle")
    assert header.follow_button.text() == "Follow"
    qtbot.mouseClick(header.follow_button, Qt.MouseButton.LeftButton)
    await eventually(lambda: header.follow_button.text() == "Following", "Following",
                     timeout=20)
    await eventually(lambda: _following(alice, bob.did), "the follow", timeout=60,
                     interval=0.3)
    shot(window, "14-profile.png")
    qtbot.mouseClick(header.follow_button, Qt.MouseButton.LeftButton)  # unfollow
    await eventually(lambda: header.follow_button.text() == "Follow", "Follow", timeout=20)
    await eventually(lambda: _not_following(alice, bob.did), "the unfollow", timeout=60,
                     interval=0.3)
    qtbot.mouseClick(header.follow_button, Qt.MouseButton.LeftButton)  # and follow again
    await eventually(lambda: header.follow_button.text() == "Following", "Following again",
                     timeout=20)

    window.go("search")
    search = window.search
    search.query.setText(f"{marker} searchable")
    qtbot.keyClick(search.query, Qt.Key.Key_Return)
    await eventually(lambda: row_index(search.list, seeded.uri) >= 0, "bob's post found")
    search.tabs.setCurrentIndex(2)  # People
    search.query.setText(bob_handle)
    qtbot.keyClick(search.query, Qt.Key.Key_Return)
    await eventually(lambda: any(r.actor and r.actor.did == bob.did for r in rows(search.list)),
                     "bob found")
    shot(window, "15-search.png")

    # Typing the start of bob's handle after @ in the composer offers bob; Enter makes it a
    # mention, a facet when posted.
    window.go("home")
    composer = window.composer
    window.activateWindow()
    composer.text_edit.setFocus()
    qtbot.keyClicks(composer.text_edit, f"{marker} hello @{bob_handle.split('.')[0][:-2]}")
    await eventually(lambda: composer.mentions.visible, "the mention suggestions", timeout=10)
    shot(window, "16-typeahead.png")
    qtbot.keyClick(composer.text_edit, Qt.Key.Key_Return)
    assert composer.text_edit.toPlainText() == f"{marker} hello @{bob_handle} "
    qtbot.keyClick(composer.text_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    home = window.timeline
    await eventually(lambda: any(r.post and r.post.text.startswith(f"{marker} hello")
                                 for r in rows(home)), "the post with the mention", timeout=20)
    mine = next(r.post for r in rows(home) if r.post and r.post.text.startswith(f"{marker} hel"))
    assert [(f.kind, f.value) for f in mine.facets] == [("mention", bob.did)]


async def _following(alice: Agent, did: str) -> bool:
    return (await alice.profile(did)).viewer_following is not None


async def _not_following(alice: Agent, did: str) -> bool:
    return (await alice.profile(did)).viewer_following is None


async def moderation(controller: AppController, window: MainWindow, qtbot: QtBot,
                     net: PdsNetwork, bob: Agent, alice: Agent, bob_handle: str,
                     marker: str) -> None:
    warned = await bob.create_post(f"{marker} a post moderators warn about")
    plain = await bob.create_post(f"{marker} an ordinary post")
    net.label(warned.uri, "!warn", warned.cid)
    home = window.timeline
    timeline = controller.home
    assert timeline is not None

    async def both_shown() -> bool:
        await timeline.show_newer()
        return row_index(home, warned.uri) >= 0 and row_index(home, plain.uri) >= 0

    await eventually(both_shown, "bob's posts in alice's timeline", timeout=60, interval=0.3)
    covered = rows(home)[row_index(home, warned.uri)]
    assert covered.covered and covered.decision.blur == "content" and covered.decision.reason
    assert not rows(home)[row_index(home, plain.uri)].covered
    shot(window, "17-warned.png")
    click(home, qtbot, warned.uri, "show")
    assert not rows(home)[row_index(home, warned.uri)].covered

    # Muting bob from his profile: his posts leave the timeline.
    controller.open(OpenProfile(bob.did))
    await eventually(lambda: isinstance(window.navigator.current, ProfileView)
                     and window.navigator.current.header.handle.text() == f"@{bob_handle}",
                     "bob's profile")
    profile = window.navigator.current
    assert isinstance(profile, ProfileView)
    profile.header.mute_action.trigger()
    await eventually(lambda: profile.header.mute_action.text() == "Unmute", "Unmute",
                     timeout=20)  # shown at once, before the server's answer
    await eventually(lambda: row_index(home, plain.uri) == -1
                     and row_index(home, warned.uri) == -1, "bob's posts gone", timeout=20)
    await timeline.load_first()  # and they stay out after a reload
    assert all(not (r.post and r.post.author.did == bob.did) for r in rows(home))


async def history(window: MainWindow) -> None:
    """Back and forward restore the views, scroll positions included."""
    navigator = window.navigator
    window.go("home")
    home = window.timeline
    home.set_scroll_value(home.list.verticalScrollBar().maximum() // 2)
    kept = home.scroll_value()
    window.go("notifications")
    window.back()
    assert navigator.current is window.home and home.scroll_value() == kept
    window.forward()
    shown: object = navigator.current
    assert shown is window.notifications
    pushed = navigator.pushed_views()
    assert pushed and all(isinstance(v, ThreadView | ProfileView) for v in pushed)
