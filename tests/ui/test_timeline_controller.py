"""TimelineController with a scripted agent: optimistic likes and their revert, paging, drafts."""

from __future__ import annotations

import asyncio
from typing import cast

from pytestqt.qtbot import QtBot

from desktop_app.atproto import NetworkError
from desktop_app.bsky import (
    Agent,
    Author,
    FeedItem,
    FeedPage,
    NewPost,
    PostView,
    RateLimitedError,
    StrongRef,
)
from desktop_app.ui.composer import Composer
from desktop_app.ui.images import ImageCache
from desktop_app.ui.timeline_controller import TimelineController
from desktop_app.ui.timeline_model import TimelineModel
from desktop_app.ui.timeline_view import TimelineView
from tests.support.waiting import eventually

DID = "did:plc:ewvi7nxzyoun6zhxrhs64oiz"


def post(n: int, text: str | None = None) -> PostView:
    return PostView(uri=f"at://{DID}/app.bsky.feed.post/{n}", cid=f"c{n}",
                    author=Author(DID, "alice.test"), text=text or f"post {n}", created_at="",
                    indexed_at="")


class ScriptedAgent:
    """Answers like the agent; `gate` holds writes until the test lets them through."""

    did = DID

    def __init__(self, total: int = 120) -> None:
        self.posts = [post(n) for n in range(total)]
        self.cursors: list[str | None] = []
        self.gate = asyncio.Event()
        self.gate.set()
        self.fail: Exception | None = None
        self.likes: list[str] = []

    async def timeline(self, *, cursor: str | None = None, limit: int = 50) -> FeedPage:
        self.cursors.append(cursor)
        await asyncio.sleep(0.01)  # a round trip: concurrent callers overlap
        if self.fail is not None:
            raise self.fail
        start = int(cursor or 0)
        chunk = self.posts[start:start + limit]
        more = start + limit < len(self.posts)
        return FeedPage(tuple(FeedItem(p) for p in chunk), str(start + limit) if more else None)

    async def like(self, subject: StrongRef) -> str:
        await self.gate.wait()
        if self.fail is not None:
            raise self.fail
        self.likes.append(subject.uri)
        return f"at://{DID}/app.bsky.feed.like/{len(self.likes)}"

    async def unlike(self, uri: str) -> None:
        await self.gate.wait()

    async def publish(self, draft: NewPost) -> StrongRef:
        await asyncio.sleep(0.01)  # a round trip
        if self.fail is not None:
            raise self.fail
        new = post(1000, text=draft.text)
        self.posts.insert(0, new)
        return new.ref


async def no_media(url: str) -> bytes:
    raise NetworkError("offline")


def build(qtbot: QtBot, agent: ScriptedAgent) -> tuple[TimelineController, TimelineView, Composer]:
    view = TimelineView(TimelineModel(), ImageCache(no_media))
    composer = Composer()
    qtbot.addWidget(view)
    qtbot.addWidget(composer)
    view.resize(480, 600)
    view.show()
    opened: list[str] = []
    controller = TimelineController(cast(Agent, agent), view, composer, open_url=opened.append)
    return controller, view, composer


async def test_like_is_shown_at_once_and_reverted_on_failure(qtbot: QtBot) -> None:
    agent = ScriptedAgent(10)
    controller, view, _ = build(qtbot, agent)
    await controller.load_first()
    target = agent.posts[3]
    agent.gate.clear()
    task = asyncio.ensure_future(controller.toggle_like(target))

    def liked() -> PostView | None:
        shown = view.model.find_post(target.uri)
        return shown if shown is not None and shown.viewer_like is not None else None

    # Shown while the server has not answered yet (the gate holds the write).
    shown = await eventually(liked, "the like in the timeline", timeout=5)
    assert shown.like_count == 1 and shown.viewer_like == "pending"
    await controller.toggle_like(target)  # a second click while the first is in flight: ignored
    agent.gate.set()
    await task
    done = view.model.find_post(target.uri)
    assert done is not None and done.viewer_like == f"at://{DID}/app.bsky.feed.like/1"
    assert agent.likes == [target.uri]

    other = agent.posts[4]
    agent.fail = RateLimitedError(90)
    messages: list[str] = []
    controller.message.connect(messages.append)
    await controller.toggle_like(other)
    back = view.model.find_post(other.uri)
    assert back == other  # count and state exactly as before
    assert messages == ["Bluesky is limiting how fast this app can act. Try again in 90 seconds."]
    await controller.aclose()


async def test_infinite_scroll_fetches_each_cursor_once(qtbot: QtBot) -> None:
    agent = ScriptedAgent(120)
    controller, view, _ = build(qtbot, agent)
    await controller.load_first()
    assert view.model.rowCount() == 50
    await asyncio.gather(controller.load_more(), controller.load_more(), controller.load_more())
    await controller.load_more()
    await controller.load_more()
    assert agent.cursors == [None, "50", "100"]
    assert view.model.rowCount() == 120
    assert view.footer.text() == "You're all caught up."
    await controller.aclose()


async def test_first_page_error_then_retry(qtbot: QtBot) -> None:
    agent = ScriptedAgent(5)
    agent.fail = NetworkError("down")
    controller, view, _ = build(qtbot, agent)
    await controller.load_first()
    assert view.stack.currentWidget() is not view.list
    assert view.error_label.text().startswith("Your provider could not be reached")
    agent.fail = None
    view.retry_button.click()
    await eventually(lambda: view.model.rowCount() == 5, "the retried first page", timeout=5)
    assert view.stack.currentWidget() is view.list
    await controller.aclose()


async def test_failed_post_keeps_the_draft_and_success_clears_it(qtbot: QtBot) -> None:
    agent = ScriptedAgent(3)
    controller, view, composer = build(qtbot, agent)
    await controller.load_first()
    composer.text_edit.setPlainText("keep me")
    agent.fail = NetworkError("down")
    await controller.post(NewPost("keep me", (), ("en",), None))
    assert composer.text_edit.toPlainText() == "keep me"
    assert not composer.error_label.isHidden()
    agent.fail = None
    await controller.post(NewPost("keep me", (), ("en",), None))
    assert composer.text_edit.toPlainText() == ""
    assert view.model.item(0).post.text == "keep me"
    await controller.aclose()


async def test_new_posts_indicator_then_show(qtbot: QtBot) -> None:
    agent = ScriptedAgent(5)
    controller, view, _ = build(qtbot, agent)
    await controller.load_first()
    agent.posts[:0] = [post(500), post(501)]
    await controller.check_new()
    assert view.new_posts_button.text() == "↑ 2 new posts"
    await controller.show_newer()
    assert [view.model.item(r).post.uri[-3:] for r in (0, 1)] == ["500", "501"]
    assert view.new_posts_button.isHidden()
    await controller.aclose()
