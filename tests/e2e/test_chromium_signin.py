"""The project's client signs in through the provider's real page in Debian chromium."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import pytest

from tests.support.harness import PdsNetwork
from tests.support.oauth import oauth_client, pds_client

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "chromium-signin"

pytestmark = pytest.mark.browser


async def test_sign_in_through_real_chromium(pds: PdsNetwork) -> None:
    if not Path("/usr/bin/chromium").exists():
        if os.environ.get("CI"):
            pytest.fail("Debian chromium is required on CI")
        pytest.skip("Debian chromium is not installed")
    from tests.support.chromium import authorize_in_chromium

    async with oauth_client(pds) as (client, _):
        start = await client.start_sign_in(
            "alice.test", redirect_uri="http://127.0.0.1:53999/callback"
        )
        callback = await asyncio.to_thread(
            authorize_in_chromium, start.url, username=pds.alice.handle,
            password=pds.alice.password, screenshot_dir=ARTIFACTS,
        )
        session = await client.complete_sign_in(callback)
        assert session.did == pds.alice.did
        async with pds_client(client, session) as xrpc:
            response = await xrpc.get("/xrpc/com.atproto.server.getSession")
        assert response.status_code == 200
    assert (ARTIFACTS / "consent.png").exists()
