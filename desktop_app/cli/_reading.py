"""Commands that read conversations: notifications, thread."""

from __future__ import annotations

import json
from typing import Any

from ..app import Services, collect
from ..bsky import Notification, ThreadRow, flatten_thread, group_notifications, parse_post_link
from ..settings import Settings
from ._run import run, with_services


def notifications(settings: Settings, *, account: str | None, limit: int, as_json: bool,
                  mark_read: bool) -> int:
    async def body(services: Services) -> int:
        agent = services.accounts.agent(services.accounts.find(account).did)
        items: list[Notification] = await collect(
            lambda cursor, n: agent.notifications(cursor=cursor, limit=n), limit)
        if as_json:
            print(json.dumps([notification_json(n) for n in items], indent=2,
                             ensure_ascii=False))
        else:
            for group in group_notifications(items):
                unread = "" if group.is_read else " •"
                print(f"{group.summary()}{unread}  {group.newest.indexed_at}")
                post = group.newest.post
                if post is not None:
                    print(f"    {post.text[:200]}\n    {post.uri}")
        if mark_read:
            await agent.update_seen()
        return 0

    return run(with_services(settings, body))


def notification_json(item: Notification) -> dict[str, Any]:
    return {
        "reason": item.reason,
        "author": item.author.handle,
        "author_did": item.author.did,
        "uri": item.uri,
        "reason_subject": item.reason_subject,
        "is_read": item.is_read,
        "indexed_at": item.indexed_at,
        "text": item.text,
    }


def thread(settings: Settings, link: str, *, account: str | None, as_json: bool) -> int:
    uri = parse_post_link(link)  # before any network traffic

    async def body(services: Services) -> int:
        agent = services.accounts.agent(services.accounts.find(account).did)
        rows = flatten_thread(await agent.post_thread(await agent.resolve_post_uri(uri)))
        if as_json:
            print(json.dumps([thread_row_json(r) for r in rows], indent=2, ensure_ascii=False))
            return 0
        for row in rows:
            indent = "    " * max(0, row.depth)
            post = row.node.post
            if post is None:
                print(f"{indent}[{row.node.unavailable}]")
                continue
            marker = "▶ " if row.focus else ""
            print(f"{indent}{marker}@{post.author.handle} · {post.created_at}")
            for line in post.text.splitlines() or [""]:
                print(f"{indent}  {line}")
        return 0

    return run(with_services(settings, body))


def thread_row_json(row: ThreadRow) -> dict[str, Any]:
    post = row.node.post
    return {
        "uri": row.node.uri,
        "author": post.author.handle if post else None,
        "author_did": post.author.did if post else None,
        "text": post.text if post else "",
        "depth": row.depth,
        "created_at": post.created_at if post else None,
        "unavailable": row.node.unavailable or None,
    }
