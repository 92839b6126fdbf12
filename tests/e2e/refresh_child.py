"""Child process for the cross-process refresh test: waits at a barrier, refreshes, calls the PDS.

Usage: refresh_child.py STORE LOCK_DIR BARRIER_DIR DID PLC_URL PDS_URL
Prints one JSON line: {"token_requests": n, "refreshed": n, "status": …, "access_hash": …}.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import sys
from pathlib import Path

import httpx

from desktop_app.atproto import IdentityResolver, NetworkPolicy
from desktop_app.atproto.oauth import ClientConfig, MemoryStateStore, OAuthClient
from tests.support.filestore import JsonFileSessionStore
from tests.support.waiting import eventually


async def main(store: Path, lock_dir: Path, barrier: Path, did: str, plc: str, pds: str) -> None:
    token_requests = 0
    refreshed = 0

    async def count(response: httpx.Response) -> None:
        nonlocal token_requests, refreshed
        if response.request.url.path == "/oauth/token":
            token_requests += 1
            refreshed += response.status_code == 200

    policy = NetworkPolicy(allow_insecure_loopback=True)
    async with httpx.AsyncClient(trust_env=False, event_hooks={"response": [count]}) as http:
        client = OAuthClient(
            ClientConfig.development(),
            http=http,
            policy=policy,
            identity=IdentityResolver(http, policy, plc_url=plc, handle_resolver_url=pds),
            sessions=JsonFileSessionStore(store),
            states=MemoryStateStore(),
            lock_dir=lock_dir,
        )
        stale = await client.get_session(did, refresh=False)
        # Both processes hold the same (expired) session before either refreshes.
        (barrier / f"ready-{sys.argv[-1]}").touch()
        await eventually(lambda: len(list(barrier.glob("ready-*"))) >= 2,
                         "the other process at the barrier", timeout=20, interval=0.01)
        session = await client.refresh(did, stale=stale)
        async with httpx.AsyncClient(base_url=session.pds_url, auth=client.auth(did),
                                     trust_env=False) as xrpc:
            response = await xrpc.get("/xrpc/com.atproto.server.getSession")
    print(json.dumps({
        "token_requests": token_requests,
        "refreshed": refreshed,
        "status": response.status_code,
        "access_hash": hashlib.sha256(session.tokens.access_token.encode()).hexdigest(),
    }))


if __name__ == "__main__":
    a = sys.argv[1:7]
    asyncio.run(main(Path(a[0]), Path(a[1]), Path(a[2]), a[3], a[4], a[5]))
