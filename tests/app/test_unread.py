"""The unread poller without Qt: how often it asks, when it announces, and that it asks nothing
while notifications are not allowed."""

from __future__ import annotations

import asyncio
from typing import cast

import pytest

from desktop_app.app import HIDDEN_POLL, VISIBLE_POLL, NewActivity, UnreadPoller, UnreadWatcher
from desktop_app.atproto import NetworkError
from desktop_app.bsky import Agent, Author, Notification, NotificationPage

BOB = Author("did:plc:44ybard66vv44zksje25o7dz", "bob.test", "Bob")


class Agentish:
    did = "did:plc:ewvi7nxzyoun6zhxrhs64oiz"

    def __init__(self) -> None:
        self.counts = [0, 2, 2]
        self.asked = 0
        self.fail = False

    async def unread_count(self) -> int:
        self.asked += 1
        if self.fail:
            raise NetworkError("down")
        return self.counts.pop(0) if self.counts else 2

    async def notifications(self, *, cursor: str | None = None,
                            limit: int = 50) -> NotificationPage:
        reply = Notification("at://x/app.bsky.feed.post/1", "c", BOB, "reply", None, False,
                             "2026-12-05T10:00:00Z", text="hello")
        return NotificationPage((reply,), None)


async def test_checks_at_the_visible_and_hidden_pace_and_announces_growth() -> None:
    agent = Agentish()
    watcher = UnreadWatcher(cast(Agent, agent))
    shown: list[int] = []
    announced: list[NewActivity] = []
    naps: list[float] = []
    visible = [True, False, True]

    async def sleep(seconds: float) -> None:
        naps.append(seconds)
        if len(naps) == 3:
            raise asyncio.CancelledError

    poller = UnreadPoller(watcher, visible=lambda: visible.pop(0), attentive=lambda: False,
                          permits=lambda feature: True, show=shown.append,
                          announce=announced.append, sleep=sleep)
    with pytest.raises(asyncio.CancelledError):
        await poller.run()
    assert shown == [0, 2, 2] and naps == [VISIBLE_POLL, HIDDEN_POLL, VISIBLE_POLL]
    assert len(announced) == 1 and announced[0].items[0].reason == "reply" \
        and announced[0].items[0].author.name == "Bob"
    agent.fail = True
    await poller.check()  # a failed check is logged, the badge stays
    assert shown == [0, 2, 2]


async def test_nothing_is_asked_while_notifications_are_not_allowed() -> None:
    agent = Agentish()
    shown: list[int] = []
    poller = UnreadPoller(UnreadWatcher(cast(Agent, agent)), visible=lambda: True,
                          attentive=lambda: True, permits=lambda feature: False,
                          show=shown.append, announce=lambda activity: None)
    await poller.check()
    assert agent.asked == 0 and shown == [0]
