"""Commands for what waits to be written: drafts, and the outbox."""

from __future__ import annotations

import json
import sys
from typing import Any

from ..app import Draft, Services, Waiting
from ..bsky import DraftView
from ..errors import AppError
from ..settings import Settings
from ._run import fail, run, with_services


def drafts(settings: Settings, *, account: str | None, as_json: bool) -> int:
    """This device's drafts and the account's (the window's too: they share the profile)."""

    async def body(services: Services) -> int:
        keeper = services.drafts(services.accounts.find(account).did)
        here = await keeper.drafts()
        try:
            there = await keeper.remote()
        except AppError as exc:  # offline, or drafts not allowed: this device's still show
            # On stderr: with --json, stdout is the list and nothing else.
            print(f"desktop-app: the account's drafts could not be read: {exc.message}",
                  file=sys.stderr)
            there = []
        known = {d.remote_id for d in here if d.remote_id}
        rows = [_draft_json(d) for d in here] + [
            _remote_json(v) for v in there if v.id not in known]
        rows.sort(key=lambda row: str(row["updated_at"]), reverse=True)
        if as_json:
            print(json.dumps(rows, indent=2, ensure_ascii=False))
        for row in [] if as_json else rows:
            where = "synced" if row["synced"] else "this device only"
            print(f"{row['id']}  {row['updated_at']}  ({where})\n  {row['text'][:200]}\n")
        if not rows and not as_json:
            print("No drafts.")
        return 0

    return run(with_services(settings, body))


def _draft_json(draft: Draft) -> dict[str, Any]:
    return {"id": draft.id, "text": draft.text, "updated_at": draft.updated_at,
            "synced": draft.synced}


def _remote_json(view: DraftView) -> dict[str, Any]:
    return {"id": view.id, "text": view.draft.text, "updated_at": view.updated_at,
            "synced": True}


def outbox(settings: Settings, *, account: str | None, send: bool, as_json: bool) -> int:
    """What waits to be sent; with `send`, send it now."""

    async def body(services: Services) -> int:
        box = services.outbox(services.accounts.find(account).did)
        if send:
            return await _send(box)
        waiting = await box.entries()
        if as_json:
            print(json.dumps([_waiting_json(w) for w in waiting], indent=2, ensure_ascii=False))
            return 0
        for w in waiting:
            state = "refused: " if w.refused else ""
            error = f" — {state}{w.last_error}" if w.last_error is not None else ""
            print(f"{w.id}  {w.kind}  {w.created_at}  tried {w.attempts} times{error}\n"
                  f"  {w.text[:200]}\n")
        if not waiting:
            print("Nothing waits to be sent.")
        return 0

    return run(with_services(settings, body))


async def _send(box: Any) -> int:
    sent, failed = await box.send_all()
    left = await box.entries()
    if not left:
        print(f"Sent {sent}." if sent else "Nothing waits to be sent.")
        return 0
    reason = failed[0][1].message if failed else "some writes were refused; see `outbox`"
    return fail(f"sent {sent}, {len(left)} still waiting: {reason}")


def _waiting_json(waiting: Waiting) -> dict[str, Any]:
    return {"id": waiting.id, "kind": waiting.kind, "text": waiting.text,
            "created_at": waiting.created_at, "attempts": waiting.attempts,
            "last_error": str(waiting.last_error) if waiting.last_error is not None else None,
            "refused": waiting.refused}
