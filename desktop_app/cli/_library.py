"""Commands for what an account keeps besides posts: its saved and pinned feeds, its lists
and its bookmarks."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from ..app import Services, collect
from ..app.screens import feed_names
from ..bsky import (
    Agent,
    FeedItem,
    InvalidFeedError,
    ListInfo,
    SavedFeed,
    parse_post_link,
    pinned_with,
    saved_type,
)
from ..settings import Settings
from ._feed import feed_item_json, feed_item_text
from ._run import run, with_services

MAX_LISTS = 1000


def _agent(services: Services, account: str | None) -> Agent:
    return services.accounts.agent(services.accounts.find(account).did)


def feeds(settings: Settings, *, account: str | None, as_json: bool) -> int:
    async def body(services: Services) -> int:
        agent = _agent(services, account)
        items = await agent.saved_feeds()
        names = await feed_names(agent, items)
        rows = [{"id": i.id, "type": i.type, "uri": i.value, "pinned": i.pinned,
                 "name": names.get(i.value, (None, None))[0],
                 "creator": names.get(i.value, (None, None))[1]} for i in items]
        if as_json:
            print(json.dumps(rows, indent=2, ensure_ascii=False))
            return 0
        for row in rows:
            mark = "📌" if row["pinned"] else "  "
            by = f" by @{row['creator']}" if row["creator"] else ""
            print(f"{mark} {row['name'] or row['uri']}{by} ({row['type']})\n     {row['uri']}")
        return 0

    return run(with_services(settings, body))


def feed(settings: Settings, uri: str, *, account: str | None, limit: int,
         as_json: bool) -> int:
    kind = saved_type(uri.strip())  # before any network traffic
    if kind == "timeline":
        raise InvalidFeedError("the timeline is not a feed URI",
                               message="Use `desktop-app timeline` for the Following timeline.")

    async def body(services: Services) -> int:
        agent = _agent(services, account)
        items: list[FeedItem] = await collect(
            lambda cursor, n: agent.feed(uri.strip(), cursor=cursor, limit=n), limit)
        _print_posts(items, as_json)
        return 0

    return run(with_services(settings, body))


def pin(settings: Settings, uri: str, *, account: str | None, pinned: bool) -> int:
    uri = uri.strip()
    saved_type(uri)  # before any network traffic

    async def body(services: Services) -> int:
        agent = _agent(services, account)
        already: list[bool] = []

        def change(items: tuple[SavedFeed, ...]) -> Sequence[SavedFeed]:
            found = next((i for i in items if i.value == uri), None)
            if (found.pinned if found is not None else False) is pinned:
                already.append(True)
                return items  # nothing to write
            return pinned_with(items, uri, pinned)

        await agent.change_saved_feeds(change)
        if already:
            print(f"{uri} is {'already' if pinned else 'not'} pinned.")
            return 0
        print(f"{'Pinned' if pinned else 'Unpinned'} {uri}"
              + (" (it stays saved)." if not pinned else "."))
        return 0

    return run(with_services(settings, body))


def lists(settings: Settings, *, account: str | None, as_json: bool) -> int:
    async def body(services: Services) -> int:
        agent = _agent(services, account)
        found: list[ListInfo] = []
        cursor: str | None = None
        while len(found) < MAX_LISTS:
            page, cursor = await agent.lists(cursor=cursor, limit=100)
            found.extend(page)
            if not cursor or not page:
                break
        rows = [{"uri": i.uri, "name": i.name, "purpose": i.purpose, "members": i.members}
                for i in found]
        if as_json:
            print(json.dumps(rows, indent=2, ensure_ascii=False))
            return 0
        if not rows:
            print("You have no lists.")
        for info in found:
            kind = "moderation list" if info.moderation else "list"
            count = f", {info.members} members" if info.members is not None else ""
            print(f"{info.name} ({kind}{count})\n  {info.uri}")
        return 0

    return run(with_services(settings, body))


def bookmark(settings: Settings, link: str, *, account: str | None, add: bool) -> int:
    uri = parse_post_link(link)  # before any network traffic

    async def body(services: Services) -> int:
        agent = _agent(services, account)
        target = await agent.resolve_post_uri(uri)
        if add:
            post = await agent.post(target)
            await agent.bookmark(post.ref)
            print(f"Bookmarked {target}.")
        else:
            await agent.unbookmark(target)
            print(f"Removed the bookmark of {target}.")
        return 0

    return run(with_services(settings, body))


def bookmarks(settings: Settings, *, account: str | None, limit: int, as_json: bool) -> int:
    async def body(services: Services) -> int:
        agent = _agent(services, account)
        items: list[FeedItem] = await collect(
            lambda cursor, n: agent.bookmarks(cursor=cursor, limit=n), limit)
        _print_posts(items, as_json)
        return 0

    return run(with_services(settings, body))


def _print_posts(items: list[FeedItem], as_json: bool) -> None:
    if as_json:
        rows: list[dict[str, Any]] = [feed_item_json(i) for i in items]
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    for item in items:
        print(feed_item_text(item))
