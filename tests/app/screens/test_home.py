"""The home screen model without Qt: optimistic likes and their undoing, paging, posting,
newer posts."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import cast

from desktop_app.app import Moderator
from desktop_app.app.screens import Bookmark, HomeScreen, Like, ListState, Publisher
from desktop_app.atproto import NetworkError
from desktop_app.bsky import Agent, Author, NewPost, PostView, RateLimitedError
from tests.support.scripted import DID, ScriptedAgent, post
from tests.support.waiting import eventually


def home(agent: ScriptedAgent) -> tuple[HomeScreen, list[ListState], list[str]]:
    scripted = cast(Agent, agent)
    screen = HomeScreen(scripted, Moderator(scripted), Publisher(scripted, Author(DID, "me")))
    states: list[ListState] = []
    messages: list[str] = []
    screen.hooks.state = states.append
    screen.hooks.message = lambda sentence: messages.append(str(sentence))
    return screen, states, messages


async def test_a_like_shows_at_once_and_is_undone_when_refused() -> None:
    agent = ScriptedAgent(10)
    screen, _, messages = home(agent)
    await screen.load_first()
    target = agent.posts[3]
    agent.gate.clear()
    assert screen.handle(Like(target))

    def liked() -> PostView | None:
        shown = screen.rows.find_post(target.uri)
        return shown if shown is not None and shown.viewer_like is not None else None

    shown = await eventually(liked, "the like, before the server answered", timeout=5)
    assert shown.like_count == 1 and shown.viewer_like == "pending"
    screen.handle(Like(target))  # a second click while the first is in flight: one like
    agent.gate.set()
    await screen.tasks.settle()
    done = screen.rows.find_post(target.uri)
    assert done is not None and done.viewer_like == f"at://{DID}/app.bsky.feed.like/1"
    assert agent.likes == [target.uri]

    other = agent.posts[4]
    agent.fail = RateLimitedError(90)
    screen.handle(Like(other))
    await screen.tasks.settle()
    assert screen.rows.find_post(other.uri) == other  # count and state exactly as before
    assert messages == ["Bluesky is limiting how fast this app can act. Try again in 2 minutes."]
    await screen.aclose()


async def test_pages_each_cursor_once_then_the_end() -> None:
    agent = ScriptedAgent(120)
    screen, states, _ = home(agent)
    await screen.load_first()
    assert len(screen.rows) == 50 and states[-1].phase == "rows"
    await asyncio.gather(screen.load_more(), screen.load_more(), screen.load_more())
    await screen.load_more()
    await screen.load_more()
    assert agent.cursors == [None, "50", "100"]
    assert len(screen.rows) == 120 and states[-1].footer == "end"
    await screen.aclose()


async def test_first_page_error_then_retry() -> None:
    agent = ScriptedAgent(5)
    agent.fail = NetworkError("down")
    screen, states, _ = home(agent)
    await screen.load_first()
    failed = states[-1]
    assert states[0].phase == "loading" and failed.phase == "error"
    assert str(failed.message).startswith("Your provider could not be reached")
    agent.fail = None
    await screen.load_first()
    assert len(screen.rows) == 5 and screen.state.phase == "rows"
    await screen.aclose()


async def test_a_failed_post_raises_and_a_post_goes_on_top_once_indexed() -> None:
    agent = ScriptedAgent(3)
    screen, _, messages = home(agent)
    await screen.load_first()
    agent.fail = NetworkError("down")
    try:
        await screen.post(NewPost("keep me", (), ("en",), None))
    except NetworkError:
        pass
    else:
        raise AssertionError("a failed post must say so")
    agent.fail = None
    assert await screen.post(NewPost("hello", (), ("en",), None))
    await eventually(lambda: screen.rows[0].post is not None
                     and screen.rows[0].post.text == "hello", "the new post on top", timeout=5)
    assert messages[-1] == "Posted."
    await screen.aclose()


async def test_posting_needs_the_permission() -> None:
    agent = ScriptedAgent(3)
    screen, _, _ = home(agent)
    asked: list[str] = []
    screen.hooks.permits = lambda feature: feature != "post"
    screen.hooks.permission_needed = asked.append
    assert not await screen.post(NewPost("hello", (), ("en",), None))
    assert asked == ["post"] and agent.posts[0].uri == post(0).uri
    await screen.aclose()


async def test_newer_posts_are_counted_then_shown_on_top() -> None:
    agent = ScriptedAgent(5)
    screen, states, _ = home(agent)
    await screen.load_first()
    agent.posts[:0] = [post(500), post(501)]
    await screen.check_new()
    assert states[-1].new_posts == 2
    await screen.show_newer()
    assert [screen.rows[r].key[-3:] for r in (0, 1)] == ["500", "501"]
    assert states[-1].new_posts == 0
    await screen.aclose()


async def test_a_post_that_cannot_go_shows_on_top_pending(tmp_path: Path) -> None:
    from desktop_app.app import Outbox, OutboxStore, Sender
    from desktop_app.app.screens import Reply
    from tests.app.test_outbox import Server

    agent = ScriptedAgent(3)
    scripted = cast(Agent, agent)
    server = Server()
    server.down = True
    sender = Sender(Outbox(OutboxStore(tmp_path, DID), cast(Agent, server)), None)
    publisher = Publisher(scripted, Author(DID, "me"), sender=sender)
    screen = HomeScreen(scripted, Moderator(scripted), publisher)
    messages: list[str] = []
    screen.hooks.message = lambda sentence: messages.append(str(sentence))
    await screen.load_first()
    assert await screen.post(NewPost("while offline"))
    top = screen.rows[0]
    assert top.pending and top.context == "Waiting to send" and top.post is not None
    assert top.post.text == "while offline" and top.post.author.did == DID
    assert top.post.uri == f"at://{DID}/app.bsky.feed.post/{sender.waiting[0].id}"
    assert messages[-1].startswith("Not sent yet")
    assert screen.handle(Like(top.post)) and screen.handle(Reply(top.post))
    assert messages[-1] == "This post hasn't been sent yet: it waits in the outbox."
    assert agent.likes == []

    await screen.load_first()  # a refresh (or the next launch) still shows it on top
    assert screen.rows[0].pending and len(screen.rows) == 4

    server.down = False
    assert await sender.round() == 1
    ref = next(iter(server.records))
    assert screen.rows.mark_sent(top.post.uri, "cid-sent") == 1
    assert not screen.rows[0].pending and screen.rows[0].context == ""
    assert screen.rows[0].post is not None and screen.rows[0].post.cid == "cid-sent"
    assert ref == ("app.bsky.feed.post", sender_id(top.post.uri))
    await screen.aclose()


def sender_id(uri: str) -> str:
    return uri.rsplit("/", 1)[1]


async def test_a_bookmark_shows_at_once_and_is_undone_when_refused() -> None:
    agent = ScriptedAgent(10)
    screen, _, messages = home(agent)
    await screen.load_first()
    target = agent.posts[2]
    agent.gate.clear()
    assert screen.handle(Bookmark(target))

    def saved() -> PostView | None:
        shown = screen.rows.find_post(target.uri)
        return shown if shown is not None and shown.bookmarked else None

    shown = await eventually(saved, "the bookmark, before the server answered", timeout=5)
    assert shown.bookmark_count == 1
    screen.handle(Bookmark(target))  # a second press while the first is in flight: one
    agent.gate.set()
    await screen.tasks.settle()
    assert agent.bookmarked == [target.uri]
    screen.handle(Bookmark(target))  # and off again
    await screen.tasks.settle()
    assert agent.bookmarked == []
    done = screen.rows.find_post(target.uri)
    assert done is not None and not done.bookmarked and done.bookmark_count == 0

    agent.fail = RateLimitedError(30)
    screen.handle(Bookmark(target))
    await screen.tasks.settle()
    assert screen.rows.find_post(target.uri) == done  # as before
    assert messages == ["Bluesky is limiting how fast this app can act. "
                        "Try again in less than a minute."]
    await screen.aclose()
