"""Commands that read and write posts: timeline, post."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..app import Services, collect, read_image, transient
from ..bsky import (
    FeedItem,
    ImageUpload,
    InvalidPostError,
    NewPost,
)
from ..errors import AppError
from ..settings import Settings
from ._run import run, with_services


def timeline(settings: Settings, *, account: str | None, limit: int, as_json: bool) -> int:
    async def body(services: Services) -> int:
        agent = services.accounts.agent(services.accounts.find(account).did)
        items: list[FeedItem] = await collect(
            lambda cursor, n: agent.timeline(cursor=cursor, limit=n), limit)
        if as_json:
            print(json.dumps([feed_item_json(i) for i in items], indent=2, ensure_ascii=False))
        for item in [] if as_json else items:
            print(feed_item_text(item))
        return 0

    return run(with_services(settings, body))


def feed_item_json(item: FeedItem) -> dict[str, Any]:
    post = item.post
    return {
        "uri": post.uri,
        "cid": post.cid,
        "author": {"did": post.author.did, "handle": post.author.handle,
                   "display_name": post.author.display_name},
        "text": post.text,
        "created_at": post.created_at,
        "indexed_at": post.indexed_at,
        "reply_to": post.reply_parent.uri if post.reply_parent else None,
        "reposted_by": ({"did": item.reposted_by.did, "handle": item.reposted_by.handle}
                        if item.reposted_by else None),
        "like_count": post.like_count,
        "repost_count": post.repost_count,
        "reply_count": post.reply_count,
        "images": [{"alt": i.alt, "thumb": i.thumb, "fullsize": i.fullsize}
                   for i in post.images],
    }


def feed_item_text(item: FeedItem) -> str:
    post = item.post
    head = f"@{post.author.handle} · {post.created_at}"
    if item.reposted_by is not None:
        head = f"↻ @{item.reposted_by.handle} reposted\n{head}"
    text = "\n".join(f"  {line}" for line in (post.text or "").splitlines()) or "  "
    images = f"\n  [{len(post.images)} image(s)]" if post.images else ""
    return f"{head}\n{text}{images}\n  {post.uri}\n"


def post(settings: Settings, text: str, *, account: str | None, images: list[str],
         alts: list[str], reply_to: str | None, langs: list[str], dry_run: bool,
         as_json: bool, queue: bool = False) -> int:
    uploads = read_images(images, alts)  # before any network traffic

    async def body(services: Services) -> int:
        did = services.accounts.find(account).did
        agent = services.accounts.agent(did)
        parent = await agent.reply_target(reply_to) if reply_to else None
        new = NewPost(text, tuple(uploads), tuple(langs), parent)
        if dry_run:
            print(json.dumps(await agent.draft(new), indent=2, ensure_ascii=False))
            return 0
        outbox = services.outbox(did)
        waiting = await outbox.add_post(new)  # kept until the server has it: exactly once
        try:
            ref = await outbox.send(waiting, keep_refused=False)
        except AppError as exc:
            if queue and transient(exc):
                return _queued(waiting.id, exc, as_json)
            await outbox.cancel(waiting.id)  # nothing is kept of a post that failed
            raise
        print(json.dumps({"uri": ref.uri, "cid": ref.cid}) if as_json else f"Posted {ref.uri}")
        return 0

    return run(with_services(settings, body))


def _queued(waiting_id: str, exc: AppError, as_json: bool) -> int:
    if as_json:
        print(json.dumps({"queued": True, "id": waiting_id}))
    else:
        print(f"Not sent yet ({exc.message}) — it waits in the outbox as {waiting_id}; "
              "`desktop-app outbox send` sends it, the app sends it when it can.")
    return 0


def read_images(paths: list[str], alts: list[str]) -> list[ImageUpload]:
    """`--image PATH --alt TEXT` pairs as uploads, checked like the composer checks them."""
    if len(alts) > len(paths):
        raise InvalidPostError("more --alt than --image",
                               message="Each --alt describes the --image before it.")
    uploads = []
    for index, name in enumerate(paths):
        try:
            uploads.append(read_image(name, alts[index] if index < len(alts) else ""))
        except InvalidPostError as exc:  # the sentence names the file it is about
            raise InvalidPostError(exc.detail, message=f"{Path(name).name}: {exc.message}") \
                from exc
    return uploads
