"""Two OS processes refreshing one stored session: one refresh reaches the server.

Each child counts its token-endpoint requests (a nonce request may precede the refresh) and
the refreshes the server granted.
"""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from tests.support.filestore import JsonFileSessionStore
from tests.support.harness import PdsNetwork
from tests.support.oauth import oauth_client, sign_in

ROOT = Path(__file__).resolve().parents[2]


async def test_two_processes_refresh_once(pds: PdsNetwork, tmp_path: Path) -> None:
    store = JsonFileSessionStore(tmp_path / "sessions.json")
    async with oauth_client(pds, sessions=store) as (client, _):
        session = await sign_in(client, pds.bob, redirect_uri="http://127.0.0.1:5/callback")
    expired = dataclasses.replace(
        session, tokens=dataclasses.replace(session.tokens, expires_at=time.time() - 1)
    )
    await store.put(expired)
    barrier = tmp_path / "barrier"
    barrier.mkdir()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    children = [
        subprocess.Popen(
            [sys.executable, str(ROOT / "tests/e2e/refresh_child.py"),
             str(tmp_path / "sessions.json"), str(tmp_path / "locks"), str(barrier),
             session.did, pds.plc_url, pds.pds_url, str(i)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT,
        )
        for i in range(2)
    ]
    results = []
    for child in children:
        out, err = child.communicate(timeout=60)
        assert child.returncode == 0, err.decode()[-2000:]
        results.append(json.loads(out.decode().strip().splitlines()[-1]))
    assert sum(r["refreshed"] for r in results) == 1, results
    # The other process never reached the token endpoint: it found the rotated session.
    assert sorted(r["token_requests"] == 0 for r in results) == [False, True], results
    assert [r["status"] for r in results] == [200, 200]
    # Both ended with the same, working, rotated tokens.
    assert results[0]["access_hash"] == results[1]["access_hash"]
    final = await store.get(session.did)
    assert final is not None and final.generation == session.generation + 1
