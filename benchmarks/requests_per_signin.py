"""Benchmark: HTTP requests to sign in and to refresh, this client vs @atproto/oauth-client-node.

Run (after `scripts/test` has provisioned Node and the harness once):
    .venv/bin/python -m benchmarks.requests_per_signin
Starts the reference PDS on loopback, signs alice.test in with each client through the headless
driver, forces one refresh, and prints the requests by host and path side by side. Also
measures requests per authenticated call in steady state and the cost of one DPoP proof.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import timeit
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from desktop_app.atproto.oauth import DPoPKey
from tests.support.harness import PdsNetwork, find_node_tooling, node_env, running_network
from tests.support.oauth import oauth_client, pds_client, sign_in

ROOT = Path(__file__).resolve().parents[1]
STEADY_CALLS = 200


def _label(method: str, host: str, path: str, net: PdsNetwork) -> str:
    names = {
        net.issuer.split("://")[1]: "pds/as",
        net.pds_url.split("://")[1]: "pds/as",
        net.plc_url.split("://")[1]: "plc",
    }
    return f"{method} {names.get(host, host)} {unquote(path)}"


async def python_counts(net: PdsNetwork) -> dict[str, Any]:
    async with oauth_client(net) as (client, log):
        session = await sign_in(client, net.alice, redirect_uri="http://127.0.0.1:5/callback")
        signin = [_label(m, h, p, net) for m, h, p in log.requests]
        log.clear()
        await client.refresh(session.did, force=True)
        refresh = [_label(m, h, p, net) for m, h, p in log.requests]
        async with pds_client(client, session) as xrpc:
            await xrpc.get("/xrpc/com.atproto.server.getSession")  # settle the PDS nonce
            log.clear()
            for _ in range(STEADY_CALLS):
                response = await xrpc.get("/xrpc/com.atproto.server.getSession")
                response.raise_for_status()
            per_call = len(log.requests) / STEADY_CALLS
    return {"signin": signin, "refresh": refresh, "requests_per_call": per_call}


def node_counts(net: PdsNetwork) -> dict[str, Any] | None:
    """Run the anchor (benchmarks/oauth-client-node/signin.mjs) and relabel its requests."""
    tooling = find_node_tooling()
    script = ROOT / "benchmarks" / "oauth-client-node" / "signin.mjs"
    if tooling.oauth_client_modules is None or not script.exists():
        return None
    config = {
        "handle": net.alice.handle,
        "plcUrl": net.plc_url,
        "handleResolver": net.pds_url,
        "browser": [sys.executable, str(ROOT / "tests" / "support" / "browser_driver.py")],
        "browserEnv": {"DRIVER_USERNAME": net.alice.handle,
                       "DRIVER_PASSWORD": net.alice.password, "PYTHONPATH": str(ROOT)},
        "refresh": True,
    }
    env = {**node_env(tooling), "SIGNIN_CONFIG": json.dumps(config)}
    result = subprocess.run([str(tooling.node), str(script)], capture_output=True, text=True,
                            timeout=180, env=env, cwd=ROOT)
    if result.returncode != 0:
        raise RuntimeError(f"node anchor failed: {result.stderr[-2000:]}")
    data = json.loads(result.stdout.strip().splitlines()[-1])
    if not data.get("ok"):
        raise RuntimeError(f"node anchor failed: {data.get('error')}")
    return {
        phase: [_label(r["method"], r["host"], r["path"], net)
                for r in data[key]["requests"]]
        for phase, key in (("signin", "signIn"), ("refresh", "refresh"))
    }


def dpop_cost_ms(n: int = 5000) -> float:
    key = DPoPKey.generate()
    seconds = timeit.timeit(
        lambda: key.proof("GET", "https://pds.example.com/xrpc/app.bsky.feed.getTimeline",
                          nonce="abc", access_token="x" * 800),
        number=n,
    )
    return seconds / n * 1000


def _table(title: str, ours: list[str], theirs: list[str] | None) -> str:
    lines = [f"{title}: this client {len(ours)}"
             + ("" if theirs is None else f", oauth-client-node {len(theirs)}")]
    a, b = Counter(ours), Counter(theirs or [])
    for key in sorted(set(a) | set(b)):
        anchor = str(b.get(key, 0)) if theirs is not None else ""
        lines.append(f"  {a.get(key, 0):>3} {anchor:>3}  {key}")
    return "\n".join(lines)


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with running_network() as net:
        ours = asyncio.run(python_counts(net))
        theirs = node_counts(net)
    cost = dpop_cost_ms()
    print(_table("sign-in requests", ours["signin"], None if theirs is None else theirs["signin"]))
    print(_table("forced refresh requests", ours["refresh"],
                 None if theirs is None else theirs["refresh"]))
    print(f"requests per authenticated call (steady state, {STEADY_CALLS} calls): "
          f"{ours['requests_per_call']:.2f}")
    print(f"DPoP proof cost: {cost:.3f} ms")
    summary = {
        "signin": len(ours["signin"]), "refresh": len(ours["refresh"]),
        "anchor_signin": None if theirs is None else len(theirs.get("signin", [])),
        "anchor_refresh": None if theirs is None else len(theirs.get("refresh", [])),
        "requests_per_call": ours["requests_per_call"], "dpop_proof_ms": round(cost, 4),
    }
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
