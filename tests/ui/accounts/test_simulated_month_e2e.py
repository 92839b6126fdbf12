"""A "month" in a minute: scaled-down server lifetimes, the app left running, a sleep injected."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import httpx
from pytestqt.qtbot import QtBot

from desktop_app.app import app_client
from desktop_app.atproto.oauth import MemoryStateStore
from tests.fixtures import PdsFactory
from tests.support.app import build_app
from tests.support.oauth import approve, serve_client_metadata
from tests.support.secret_service import SecretService

CLIENT_ID = "https://app.desktopapp.org/client-metadata.json"
SESSION, REFRESH, ACCESS, RENEW_BEFORE = 16.0, 8.0, 3.0, 5.0
RUN_FOR = 50.0


async def test_a_month_without_unexpected_sign_outs(
    pds_factory: PdsFactory, secret_service: SecretService, qtbot: QtBot,
    tmp_path: Path,
) -> None:
    config = app_client(CLIENT_ID)
    with serve_client_metadata(config) as metadata_url:
        net = pds_factory(trusted_clients=[CLIENT_ID],
                          client_metadata_map={CLIENT_ID: metadata_url},
                          session_lifetime=SESSION, refresh_lifetime=REFRESH,
                          access_token_lifetime=ACCESS)
        parts = build_app(net, tmp_path, qtbot, client_id=CLIENT_ID, states=MemoryStateStore())
        core, client, window = parts.core, parts.client, parts.window
        token_calls: list[float] = []

        async def count(request: httpx.Request) -> None:
            if request.url.path == "/oauth/token":
                token_calls.append(time.time())

        core.http.event_hooks["request"].append(count)
        jar = tmp_path / "cookies.json"
        pages = {"with_password": 0, "silent": 0}

        async def browser(url: str) -> None:
            first = pages["with_password"] == 0
            pages["with_password" if first else "silent"] += 1
            assert controller.accounts.signin.flows.deliver(await approve(
                url, net.alice, cookie_jar_path=jar,
                password=net.alice.password if first else None))

        day = 1 / 86400
        extra = {"lifetimes": {net.issuer: {
            "session_days": SESSION * day, "refresh_days": REFRESH * day,
            "access_minutes": ACCESS / 60, "renew_before_hours": RENEW_BEFORE / 3600}}}
        controller = parts.controller(browser, custom_scheme=True, tick=0.3,
                                      settings_extra=extra)
        renewals: list[str | None] = []
        unexpected = 0
        try:
            await controller.start()
            first = await controller.sign_in("alice.test")
            assert first is not None
            did = first.did
            started = time.monotonic()
            slept = False
            while time.monotonic() - started < RUN_FOR:
                state = controller.accounts.snapshot(did)
                if state is None or state.state == "ended":
                    unexpected += 1
                    print("ENDED", time.monotonic() - started, state, renewals)
                    break
                if not window.banner.isHidden() and window.banner.did == did:
                    # The person clicks "Renew session" when the banner appears.
                    renewals.append(await controller.renew(did))
                if not slept and time.monotonic() - started > 20:
                    # System sleep: the whole process stops for 4 s (less than the inactivity
                    # window), no timer fires, then everything that fell due runs at once.
                    time.sleep(4)
                    slept = True
                await asyncio.sleep(0.2)
            assert unexpected == 0
            assert len(renewals) >= 2
            assert all(path == "silent" for path in renewals)
            session = await client.sessions.get(did)
            assert session is not None
            async with httpx.AsyncClient(base_url=session.pds_url, auth=client.auth(did),
                                         trust_env=False) as xrpc:
                me = await xrpc.get("/xrpc/com.atproto.server.getSession")
            assert me.status_code == 200
            print(f"simulated month: {len(token_calls)} token requests, "
                  f"{len(renewals)} renewals ({renewals.count('silent')} silent, "
                  f"{renewals.count('prompted')} prompted), full prompts after the first "
                  f"sign-in: {pages['with_password'] - 1}, unexpected sign-outs: {unexpected}")
        finally:
            await controller.aclose()
            await core.aclose()
