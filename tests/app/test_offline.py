"""The offline copy: what is kept (first pages, posts), read back through the same parsers,
pruned, refused when damaged or hostile, deleted at sign-out, never holding a secret; and the
home screen painting it before the server answers, and instead of the server when offline."""

from __future__ import annotations

import json
import sqlite3
import stat
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop_app.app import Moderator, NotKeptError, OfflineCopy, Replayer, kept_at
from desktop_app.app import _offline as offline_module
from desktop_app.app._offline import forget_copy
from desktop_app.app.screens import HomeScreen, ListState, Publisher
from desktop_app.app.screens import _lists as lists_module
from desktop_app.atproto import ResponseFormatError
from desktop_app.bsky import Agent, Author
from desktop_app.errors import AppError
from tests.support.agent import DID, agent_at
from tests.support.http_server import FakeHttpServer, json_reply
from tests.support.waiting import eventually

TIMELINE = "/xrpc/app.bsky.feed.getTimeline"


def post_json(n: int, text: str | None = None) -> dict[str, Any]:
    return {
        "uri": f"at://{DID}/app.bsky.feed.post/3k{n:011d}",
        "cid": f"bafyrei{n:020d}",
        "author": {"did": DID, "handle": "alice.test"},
        "record": {"$type": "app.bsky.feed.post", "text": text or f"post {n}",
                   "createdAt": "2026-11-22T10:00:00.000Z"},
        "indexedAt": "2026-11-22T10:00:01.000Z",
    }


def feed(*numbers: int, cursor: str | None = "next") -> dict[str, Any]:
    return {"cursor": cursor, "feed": [{"post": post_json(n)} for n in numbers]}


@pytest.fixture
def pds() -> Iterator[FakeHttpServer]:
    with FakeHttpServer() as server:
        yield server


@pytest.fixture
async def agent(pds: FakeHttpServer) -> AsyncIterator[Agent]:
    async with agent_at(pds.url) as signed_in:
        yield signed_in


@pytest.fixture
async def copy(tmp_path: Path, agent: Agent) -> AsyncIterator[OfflineCopy]:
    kept = OfflineCopy(tmp_path, DID, clock=lambda: 1_700_000_000.0)
    agent.answers = kept.keep
    yield kept
    await kept.close()


async def test_a_first_page_is_kept_and_read_back_as_the_server_gave_it(
    agent: Agent, pds: FakeHttpServer, copy: OfflineCopy
) -> None:
    pds.route("GET", TIMELINE, json_reply(feed(1, 2, 3)))
    live = await agent.timeline(limit=30)
    await copy.settle()
    pds.stop()  # from here on nothing reaches a server

    replayer = Replayer(copy, agent)
    kept = await replayer.agent.timeline(limit=30)
    assert kept == live
    assert replayer.oldest == 1_700_000_000.0
    with pytest.raises(NotKeptError):  # another page size is another question
        await replayer.agent.timeline(limit=10)


async def test_later_pages_and_other_reads_are_not_kept(
    agent: Agent, pds: FakeHttpServer, copy: OfflineCopy
) -> None:
    pds.route("GET", TIMELINE, json_reply(feed(1, 2)))
    await agent.timeline(limit=30)
    pds.route("GET", TIMELINE, json_reply(feed(8, 9, cursor=None)))
    await agent.timeline(cursor="next", limit=30)  # the second page
    pds.route("GET", "/xrpc/app.bsky.feed.searchPosts", json_reply({"posts": [post_json(5)]}))
    await agent.search_posts("hello")
    await copy.settle()

    replayer = Replayer(copy, agent)
    first = await replayer.agent.timeline(limit=30)
    assert [i.post.text for i in first.items] == ["post 1", "post 2"]  # not overwritten
    with pytest.raises(NotKeptError):
        await replayer.agent.search_posts("hello")


async def test_posts_are_kept_one_by_one_and_any_of_them_answered(
    agent: Agent, pds: FakeHttpServer, copy: OfflineCopy
) -> None:
    pds.route("GET", "/xrpc/app.bsky.feed.getPosts",
              json_reply({"posts": [post_json(1), post_json(2), post_json(3)]}))
    await agent.posts([post_json(n)["uri"] for n in (1, 2, 3)])
    await copy.settle()
    replayer = Replayer(copy, agent)
    wanted = [post_json(3)["uri"], post_json(7)["uri"], post_json(1)["uri"]]
    found = await replayer.agent.posts(wanted)
    assert {p.text for p in found} == {"post 1", "post 3"}  # what is not kept is left out


async def test_the_oldest_answers_go_first(
    agent: Agent, pds: FakeHttpServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(offline_module, "MAX_ANSWERS", 3)
    ticks = iter(range(1000))
    copy = OfflineCopy(tmp_path, DID, clock=lambda: float(next(ticks)))
    agent.answers = copy.keep
    pds.route("GET", TIMELINE, json_reply(feed(1)))
    for limit in (10, 20, 30, 40):  # four different first pages, kept one after another
        await agent.timeline(limit=limit)
        await copy.settle()
    replayer = Replayer(copy, agent)
    with pytest.raises(NotKeptError):
        await replayer.agent.timeline(limit=10)
    for limit in (20, 30, 40):
        await replayer.agent.timeline(limit=limit)
    await copy.close()


async def test_a_damaged_file_is_nothing_kept_and_is_written_over(
    agent: Agent, pds: FakeHttpServer, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    copy = OfflineCopy(tmp_path, DID)
    copy.path.parent.mkdir(mode=0o700)
    copy.path.write_bytes(b"this is not a database" * 100)
    replayer = Replayer(copy, agent)
    with pytest.raises(NotKeptError):
        await replayer.agent.timeline(limit=30)
    agent.answers = copy.keep
    pds.route("GET", TIMELINE, json_reply(feed(1)))
    page = await agent.timeline(limit=30)  # the live read is untouched by the broken copy
    await copy.settle()
    assert [i.post.text for i in page.items] == ["post 1"]
    assert "offline copy not written" in caplog.text
    await copy.close()


async def test_a_hostile_answer_in_the_file_is_refused_like_a_servers(
    agent: Agent, pds: FakeHttpServer, copy: OfflineCopy
) -> None:
    pds.route("GET", TIMELINE, json_reply(feed(1)))
    await agent.timeline(limit=30)
    await copy.settle()
    with sqlite3.connect(copy.path) as db:
        db.execute("UPDATE answers SET body = ?", (json.dumps({"feed": [{"post": 7}]}),))
    with pytest.raises(ResponseFormatError) as refused:
        await Replayer(copy, agent).agent.timeline(limit=30)
    assert isinstance(refused.value, AppError)


async def test_no_secret_is_kept_and_the_file_is_private(
    agent: Agent, pds: FakeHttpServer, copy: OfflineCopy, tmp_path: Path
) -> None:
    pds.route("GET", TIMELINE, json_reply(feed(1, 2)))
    await agent.timeline(limit=30)
    await copy.close()
    assert stat.S_IMODE(copy.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(copy.path.parent.stat().st_mode) == 0o700
    for path in copy.path.parent.iterdir():
        data = path.read_bytes()
        assert b"access-secret" not in data and b"refresh-secret" not in data
    forget_copy(tmp_path, DID)  # signing out
    assert list(copy.path.parent.iterdir()) == []


def test_when_a_copy_was_kept_is_said_in_local_time() -> None:
    now = time.mktime((2026, 12, 5, 16, 0, 0, 0, 0, -1))
    assert kept_at(time.mktime((2026, 12, 5, 14, 5, 0, 0, 0, -1)), now) == "14:05"
    assert kept_at(time.mktime((2026, 12, 4, 9, 30, 0, 0, 0, -1)), now) == "Dec 4, 09:30"


def home(agent: Agent, copy: OfflineCopy) -> tuple[HomeScreen, list[ListState]]:
    screen = HomeScreen(agent, Moderator(agent), Publisher(agent, Author(DID, "alice.test")))
    screen.offline = copy
    states: list[ListState] = []
    screen.hooks.state = states.append
    return screen, states


async def test_home_paints_the_kept_page_then_the_servers(
    agent: Agent, pds: FakeHttpServer, copy: OfflineCopy
) -> None:
    pds.route("GET", TIMELINE, json_reply(feed(1, 2)))
    first, _ = home(agent, copy)
    await first.load_first()
    await first.aclose()
    await copy.settle()

    pds.route("GET", TIMELINE, json_reply(feed(3, 1, 2), delay=0.5))  # a slow server
    again, states = home(agent, copy)
    await again.load_first()
    kept = next(s for s in states if s.kept_from is not None)
    assert kept.phase == "rows" and kept.kept_from == 1_700_000_000.0 and kept.note is None
    assert states.index(kept) < len(states) - 1
    assert states[-1].kept_from is None and states[-1].phase == "rows"
    assert [r.post.text for r in again.rows.items if r.post] == ["post 3", "post 1", "post 2"]
    await again.aclose()


async def test_offline_home_keeps_the_kept_page_and_says_from_when(
    agent: Agent, pds: FakeHttpServer, copy: OfflineCopy
) -> None:
    pds.route("GET", TIMELINE, json_reply(feed(1, 2)))
    first, _ = home(agent, copy)
    await first.load_first()
    await first.aclose()
    await copy.settle()

    pds.stop()
    offline, states = home(agent, copy)
    await offline.load_first()
    assert [r.post.text for r in offline.rows.items if r.post] == ["post 1", "post 2"], states
    assert states[-1].phase == "rows", states
    when = kept_at(1_700_000_000.0, time.time())
    assert str(states[-1].note) == f"Offline — showing posts from {when}"
    await offline.aclose()


async def test_the_server_back_replaces_the_kept_page_by_itself(
    agent: Agent, pds: FakeHttpServer, copy: OfflineCopy, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(lists_module, "OFFLINE_RETRY", (0.2, 0.4))
    pds.route("GET", TIMELINE, json_reply(feed(1, 2)))
    first, _ = home(agent, copy)
    await first.load_first()
    await first.aclose()
    await copy.settle()

    pds.route("GET", TIMELINE, json_reply({"error": "Unavailable"}, 503))
    screen, states = home(agent, copy)
    await screen.load_first()
    assert str(states[-1].note).endswith(
        f"Showing posts from {kept_at(1_700_000_000.0, time.time())}.")
    await eventually(lambda: pds.count(TIMELINE) >= 4 or None, "two retries, apart", timeout=5)
    pds.route("GET", TIMELINE, json_reply(feed(9, 1, 2)))
    await eventually(lambda: states[-1].kept_from is None or None, "the live page", timeout=5)
    assert states[-1].note is None and states[-1].phase == "rows"
    assert next(r.post.text for r in screen.rows.items if r.post) == "post 9"
    await screen.aclose()


async def test_without_a_copy_an_offline_home_says_why(
    agent: Agent, pds: FakeHttpServer, copy: OfflineCopy
) -> None:
    pds.stop()
    screen, states = home(agent, copy)
    await screen.load_first()
    assert states[-1].phase == "error" and states[-1].message
    assert states[-1].kept_from is None
    await screen.aclose()
