"""Drafts round-trip with the reference AppView's `app.bsky.draft` methods: one started in
another client shows here, one written here reaches the account, `desktop-app drafts` lists
both."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import httpx
import pytest

from desktop_app.app import Drafts, Services
from desktop_app.settings import Settings
from tests.support.cli import cli, cli_env, ok
from tests.support.harness import PdsNetwork
from tests.support.secret_service import SecretService
from tests.support.seed import Writer, new_account

pytestmark = pytest.mark.fullnetwork


def other_client(writer: Writer, method: str, body: dict[str, Any] | None = None) -> Any:
    """The account's drafts as another client sees them (a password session, through the PDS
    which hands app.bsky calls to the AppView)."""
    headers = {"authorization": f"Bearer {writer._jwt}"}
    with httpx.Client(trust_env=False, timeout=30) as http:
        if body is None:
            r = http.get(f"{writer.net.pds_url}/xrpc/{method}", headers=headers)
        else:
            r = http.post(f"{writer.net.pds_url}/xrpc/{method}", json=body, headers=headers)
        r.raise_for_status()
        return r.json() if r.content else None


async def test_drafts_round_trip_with_the_account(
    full_network: PdsNetwork, secret_service: SecretService, tmp_path: Path,
) -> None:
    net = full_network
    me = new_account(net, "drafter")
    env = cli_env(net, tmp_path / "profile", secret_service, me, tmp_path / "driver.log")
    ok(cli(env, "login", me.handle, "--timeout", "60"))
    phone = Writer(net, me)
    made = other_client(phone, "app.bsky.draft.createDraft", {"draft": {
        "posts": [{"text": "started on the phone"}], "langs": ["ja"],
        "deviceName": "Phone"}})

    settings = Settings.load({k: v for k, v in env.items() if k.startswith("DESKTOP_APP_")})
    services = Services.open(settings)
    try:
        await services.accounts.load()
        drafts: Drafts = services.drafts(me.did)
        here = await drafts.save(dataclasses.replace(drafts.new(), text="written here"))
        listed = json.loads(ok(cli(env, "drafts", "--json")))
        by_text = {row["text"]: row for row in listed}
        assert by_text["started on the phone"]["synced"] is True
        assert by_text["started on the phone"]["id"] == made["id"]
        assert by_text["written here"] == {"id": here.id, "text": "written here",
                                           "updated_at": here.updated_at, "synced": False}
        after = await drafts.sync()
        assert {d.text: d.synced for d in after} == {"started on the phone": True,
                                                     "written here": True}
        views = other_client(phone, "app.bsky.draft.getDrafts")["drafts"]
        assert sorted(v["draft"]["posts"][0]["text"] for v in views) == [
            "started on the phone", "written here"]
        mine = next(d for d in after if d.text == "written here")
        await drafts.discard(mine.id)  # posted, say: gone here and from the account
        views = other_client(phone, "app.bsky.draft.getDrafts")["drafts"]
        assert [v["draft"]["posts"][0]["text"] for v in views] == ["started on the phone"]
    finally:
        await services.aclose()
