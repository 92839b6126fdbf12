"""Background refresh on the qasync loop against a server with shortened lifetimes."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop_app.app import AccountSnapshot, session_end
from desktop_app.atproto.oauth import MemoryStateStore
from tests.fixtures import PdsFactory
from tests.support.app import build_app
from tests.support.oauth import approve
from tests.support.secret_service import SecretService
from tests.support.waiting import eventually


async def test_refresh_keeps_the_session_alive_and_the_end_is_predicted(
    pds_factory: PdsFactory, secret_service: SecretService, qtbot: QtBot,
    tmp_path: Path,
) -> None:
    net = pds_factory(access_token_lifetime=3, session_lifetime=12)
    parts = build_app(net, tmp_path, qtbot, states=MemoryStateStore())
    core, client, window = parts.core, parts.client, parts.window
    refreshes: list[float] = []

    async def count(request: object) -> None:
        if getattr(request, "url", None) is not None and request.url.path == "/oauth/token":  # type: ignore[attr-defined]
            refreshes.append(time.time())

    core.http.event_hooks["request"].append(count)

    async def browser(url: str) -> None:
        import httpx

        async with httpx.AsyncClient(trust_env=False) as http:
            await http.get(await approve(url, net.alice))

    extra = {"lifetimes": {net.issuer: {"session_days": 12 / 86400, "access_minutes": 3 / 60}}}
    controller = parts.controller(browser, tick=0.4, settings_extra=extra)
    try:
        await controller.start()
        first = await controller.sign_in("alice.test")
        assert first is not None
        sign_in_requests = len(refreshes)
        # The scenario: nine seconds, three access-token lifetimes, pass with no user action.
        await asyncio.sleep(9)
        state = controller.accounts.snapshot(first.did)
        assert state is not None and state.state != "ended"
        kept_alive = len(refreshes) - sign_in_requests
        assert kept_alive >= 3
        session = await client.sessions.get(first.did)
        assert session is not None
        predicted = session_end(session, controller.accounts.policy(session))
        assert abs(predicted - (first.session_started_at + 12)) < 1.0
        await asyncio.sleep(max(0.0, predicted - time.time()))  # the session reaches its end

        def ended_by_the_server() -> AccountSnapshot | None:
            # By the local clock first ("reached its end"); then a refresh pass has the
            # server's word for it, and the reason.
            state = controller.accounts.snapshot(first.did)
            return state if state and "maximum length" in state.status.state_text else None

        state = await eventually(ended_by_the_server, "the server's end of the session",
                                 timeout=10)
        assert state.state == "ended", "the session outlived its end"
        card = window.status_panel.cards[first.did]
        await eventually(lambda: not card.sign_in_again_button.isHidden(),
                         "the card to offer signing in again", timeout=5)
        print(f"background refreshes: {kept_alive}; predicted end error "
              f"{predicted - (first.session_started_at + 12):+.2f} s")
    finally:
        await controller.aclose()
        await core.aclose()
