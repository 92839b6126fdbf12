"""The reader's actions on posts and accounts, optimistic: the change shows at once and is
undone if the server refuses it. One place for likes, reposts, follows, mutes and blocks."""

from __future__ import annotations

import dataclasses
from collections.abc import Awaitable, Callable
from typing import Any, Literal

from ...bsky import Agent, PostView, Profile, StrongRef
from ...errors import AppError
from .._sending import Sender
from ._hooks import Hooks
from ._rows import RowList

PENDING = "pending"  # viewer_like / viewer_repost while the write is in flight
PostAction = Literal["like", "repost", "bookmark"]
AccountAction = Literal["follow", "mute", "block"]
FEATURE = {"like": "like", "repost": "repost", "follow": "follow", "mute": "moderate",
           "block": "moderate"}


class Links:
    """Writes likes, reposts and follows, and takes them back: through the account's outbox
    when there is one (a write that can't go now waits there and goes once; its URI is known
    at once, so the screens show it as done), else straight to the server. Holds the agent and
    the outbox's sender (set once the screen is wired)."""

    def __init__(self, agent: Agent, sender: Sender | None = None) -> None:
        self.agent = agent
        self.sender = sender

    async def create(self, kind: Literal["like", "repost", "follow", "bookmark"],
                     subject: Any) -> str:
        """The new record's URI (`subject`: a post's strong ref record, or a DID); for a
        bookmark, the post's URI."""
        sender = self.sender
        if sender is None:
            agent = self.agent
            if kind == "follow":
                return await agent.follow(str(subject))
            ref = StrongRef(str(subject["uri"]), str(subject["cid"]))
            if kind == "bookmark":
                await agent.bookmark(ref)
                return ref.uri
            return await (agent.like(ref) if kind == "like" else agent.repost(ref))
        waiting, _ = await sender.link(kind, subject)
        return sender.uri_of(waiting)

    async def delete(self, kind: Literal["like", "repost", "follow", "bookmark"],
                     uri: str) -> None:
        """Take a link back: out of the outbox if it still waits there, else off the server
        (a bookmark: `uri` is the post's)."""
        if self.sender is not None and await self.sender.withdraw(uri):
            return
        agent = self.agent
        if kind == "bookmark":
            await agent.unbookmark(uri)
        elif kind == "follow":
            await agent.unfollow(uri)
        else:
            await (agent.unlike(uri) if kind == "like" else agent.unrepost(uri))


class PostActions:
    """Likes and reposts on the posts of one list. Holds the writer of the links and the
    writes in flight: one per post and kind at a time, so a double click is one click."""

    def __init__(self, links: Links, rows: RowList, hooks: Hooks) -> None:
        self.links = links
        self._rows = rows
        self._hooks = hooks
        self._in_flight: set[tuple[str, str]] = set()

    async def toggle(self, post: PostView, kind: PostAction) -> None:
        key = (post.uri, kind)
        current = self._rows.find_post(post.uri) or post
        existing = viewer_state(current, kind)
        if key in self._in_flight or existing == PENDING or not self._hooks.allowed(
                "bookmarks" if kind == "bookmark" else kind):
            return
        self._in_flight.add(key)
        delta = -1 if existing else 1
        self._rows.update_post(post.uri, lambda p: with_viewer(
            p, kind, None if existing else PENDING, delta))
        try:
            record = await self._write(current, kind, existing)
        except AppError as exc:
            self._rows.update_post(post.uri, lambda p: with_viewer(p, kind, existing, -delta))
            self._hooks.report(exc)
            return
        finally:
            self._in_flight.discard(key)
        self._rows.update_post(post.uri, lambda p: with_viewer(p, kind, record, 0))

    async def _write(self, post: PostView, kind: PostAction, existing: str | None) -> str | None:
        """The write itself: the new record's URI, or None when one was deleted (a bookmark
        is no record: its post's URI stands for it)."""
        if existing:
            await self.links.delete(kind, existing)
            return None
        return await self.links.create(kind, post.ref.record())


class AccountActions:
    """Follow, mute and block on one account's profile. Holds the profile as last shown and
    whether a change is in flight (one at a time)."""

    def __init__(self, agent: Agent, links: Links, hooks: Hooks) -> None:
        self._agent = agent
        self._links = links
        self._hooks = hooks
        self.busy = False

    async def toggle(self, profile: Profile, kind: AccountAction) -> Profile:
        """Do one change: the profile shows it at once (`hooks.profile`), and again as it was
        if the server refuses. Returns the profile as it now is."""
        if self.busy or not self._hooks.allowed(FEATURE[kind]):
            return profile
        author = profile.author
        on = {"follow": author.following, "mute": "muted" if author.muted else None,
              "block": author.blocking}[kind]
        self.busy = True
        self._hooks.profile(with_account(profile, kind, None if on else PENDING))
        try:
            record = await self._write(profile, kind, on)
        except AppError as exc:
            self._hooks.report(exc)
            self._hooks.profile(profile)
            return profile
        finally:
            self.busy = False
        now = with_account(profile, kind, record)
        self._hooks.profile(now)
        if record is not None and kind in ("mute", "block"):
            self._hooks.account_hidden(profile.did)
        return now

    async def _write(self, profile: Profile, kind: AccountAction, on: str | None) -> str | None:
        agent = self._agent
        writes: dict[AccountAction, tuple[Callable[[], Awaitable[object]],
                                          Callable[[], Awaitable[str | None]]]] = {
            "follow": (lambda: self._links.delete("follow", on or ""),
                       lambda: self._links.create("follow", profile.did)),
            "mute": (lambda: agent.unmute(profile.did), lambda: _muted(agent, profile.did)),
            "block": (lambda: agent.unblock(on or ""), lambda: agent.block(profile.did)),
        }
        undo, do = writes[kind]
        if on:
            await undo()
            return None
        return await do()


async def _muted(agent: Agent, did: str) -> str:
    await agent.mute(did)
    return "muted"


def viewer_state(post: PostView, kind: PostAction) -> str | None:
    """The viewer's like or repost record, or (a bookmark) the post's URI; PENDING while a
    write is on its way; None when there is none."""
    if kind == "like":
        return post.viewer_like
    if kind == "repost":
        return post.viewer_repost
    return post.uri if post.bookmarked else None


def with_viewer(post: PostView, kind: PostAction, record: str | None, delta: int) -> PostView:
    if kind == "bookmark":
        return dataclasses.replace(post, bookmarked=record is not None,
                                   bookmark_count=max(0, post.bookmark_count + delta))
    if kind == "like":
        return dataclasses.replace(post, viewer_like=record,
                                   like_count=max(0, post.like_count + delta))
    return dataclasses.replace(post, viewer_repost=record,
                               repost_count=max(0, post.repost_count + delta))


def with_account(profile: Profile, kind: AccountAction, record: str | None) -> Profile:
    """The profile with the viewer's follow, mute or block set to `record` (None: off)."""
    author = profile.author
    if kind == "follow":
        change = int(record is not None) - int(author.following is not None)
        return dataclasses.replace(profile, author=dataclasses.replace(author, following=record),
                                   followers_count=max(0, profile.followers_count + change))
    if kind == "mute":
        return dataclasses.replace(profile, author=dataclasses.replace(
            author, muted=record is not None))
    return dataclasses.replace(profile, author=dataclasses.replace(author, blocking=record))
