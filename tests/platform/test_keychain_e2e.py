"""Sign in and refresh against the reference PDS with the real keychain: no secret on disk."""

from __future__ import annotations

import base64
import json
import time
from pathlib import Path

import keyring
import keyring.errors
import pytest

from desktop_app.platform import KeyringSessionStore, KeyringStateStore
from desktop_app.settings import Settings
from tests.support.harness import PdsNetwork
from tests.support.oauth import oauth_client, pds_client, sign_in
from tests.support.secret_service import SecretService
from tests.support.waiting import wait_until


def needles(secret: str) -> list[bytes]:
    raw = secret.encode()
    return [raw, json.dumps(secret).encode(), base64.b64encode(raw), raw[:24]]


async def test_sign_in_and_refresh_leave_no_secret_on_disk(
    pds: PdsNetwork, secret_service: SecretService, tmp_path: Path
) -> None:
    settings = Settings.load({"DESKTOP_APP_HOME": str(tmp_path / "profile")})
    sessions = KeyringSessionStore(settings.paths.data)
    states = KeyringStateStore(settings.paths.data)
    async with oauth_client(pds, sessions=sessions, states=states,
                            lock_dir=settings.paths.data / "locks") as (client, _):
        first = await sign_in(client, pds.alice, redirect_uri="http://127.0.0.1:5/callback")
        second = await client.refresh(first.did, force=True)
        stored = await sessions.get(first.did)
        assert stored is not None and stored.tokens.access_token == second.tokens.access_token
        async with pds_client(client, second) as xrpc:
            assert (await xrpc.get("/xrpc/com.atproto.server.getSession")).status_code == 200
    secrets = [first.tokens.access_token, second.tokens.access_token,
               first.tokens.refresh_token or "", second.tokens.refresh_token or "",
               second.dpop_key.private_jwk()["d"]]
    roots = [secret_service.home, settings.paths.config, settings.paths.data,
             settings.paths.cache, settings.paths.logs]
    scanned = 0
    for root in roots:
        for path in (p for p in Path(root).rglob("*") if p.is_file()):
            content = path.read_bytes()
            scanned += 1
            for secret in secrets:
                for needle in needles(secret):
                    assert needle not in content, f"secret bytes found in {path}"
    assert scanned > 0  # the public sessions.json at least
    assert (settings.paths.data / "sessions.json").exists()


def test_fixture_undoes_a_lock_nobody_asked_for(secret_service: SecretService) -> None:
    """The watchdog behind the fixture (gnome-keyring has locked itself on a loaded CI
    machine); a lock a test asks for stays."""
    import contextlib

    import secretstorage

    with contextlib.closing(secretstorage.dbus_init()) as bus:
        secretstorage.get_default_collection(bus).lock()
    wait_until(lambda: secret_service.unexpected_locks, "the watchdog to notice", timeout=5)
    keyring.set_password("desktop-app-test", "after", "ok")
    secret_service.lock()
    time.sleep(0.3)  # six turns of the watchdog (every 50 ms): time enough to undo it wrongly
    with pytest.raises(keyring.errors.KeyringLocked):
        keyring.get_password("desktop-app-test", "after")
    secret_service.unlock()
    assert keyring.get_password("desktop-app-test", "after") == "ok"
