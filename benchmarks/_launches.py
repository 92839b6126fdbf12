"""A returning user's machine for the launch benchmarks (`timeline first-page`, `user_data
kept`): a private Secret Service, the local full network (behind the fault proxy when asked),
the real X platform of a private Xvfb (offscreen where there is none), and alice.test signed in
once with a seeded home timeline. `Launches.time` spawns the real app and times a log line.
"""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import statistics
import sys
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
COMMAND = [sys.executable, "-m", "desktop_app"]
STARTED = "app started with 1 account(s)"


@dataclass
class Launches:
    """The machine's environment for the app, its log, the network it talks to, and the
    times measured so far (spawn to the line, outside the process; the app's own figure)."""

    env: dict[str, str]
    log: Path
    net: Any  # tests.support.harness.PdsNetwork (imported lazily: the harness is test code)
    platform: str
    outside: list[float] = field(default_factory=list)
    inside: list[float] = field(default_factory=list)

    def time(self, line: re.Pattern[str], what: str) -> re.Match[str]:
        """One launch until `line` is logged (its first group: the app's own seconds); the
        app must then quit cleanly with no ERROR in its log."""
        from tests.support.app_process import running_app

        with running_app(COMMAND, self.env, self.log, cwd=ROOT, started=STARTED) as app:
            found = app.wait_for(line, what, timeout=60)
            self.outside.append(app.since_spawn())
            self.inside.append(float(found.group(1)))
        return found

    def once(self, line: re.Pattern[str], what: str) -> None:
        """A launch that is not measured (one online, say, to keep what the next ones show)."""
        from tests.support.app_process import running_app

        with running_app(COMMAND, self.env, self.log, cwd=ROOT, started=STARTED) as app:
            app.wait_for(line, what, timeout=60)

    def spread(self, name: str) -> dict[str, float]:
        """min/median/max of both figures, keyed `spawn_to_<name>_…` and `run_to_<name>_…`."""
        out: dict[str, float] = {"runs": float(len(self.outside))}
        for prefix, values in (("spawn", self.outside), ("run", self.inside)):
            out[f"{prefix}_to_{name}_min_s"] = min(values)
            out[f"{prefix}_to_{name}_median_s"] = statistics.median(values)
            out[f"{prefix}_to_{name}_max_s"] = max(values)
        return out


@contextmanager
def returning_user(*, fault_proxy: bool = False) -> Iterator[Launches]:
    from tests.support.harness import PdsKnobs, running_full_network
    from tests.support.secret_service import running_secret_service
    from tests.support.xvfb import running_xvfb

    home = Path(tempfile.mkdtemp(prefix="desktop-app-bench-"))
    try:
        with ExitStack() as stack:
            keychain = stack.enter_context(running_secret_service())
            net = stack.enter_context(running_full_network(PdsKnobs(fault_proxy=fault_proxy)))
            display = {"QT_QPA_PLATFORM": "offscreen"}
            if shutil.which("Xvfb"):
                display = {"QT_QPA_PLATFORM": "xcb",
                           "DISPLAY": stack.enter_context(running_xvfb())}
            app_env = asyncio.run(_prepare(net, home))
            env = {**os.environ, **keychain.env, **app_env, **display, "PYTHONPATH": str(ROOT)}
            yield Launches(env, home / "logs" / "desktop-app.log", net,
                           display["QT_QPA_PLATFORM"])
    finally:
        shutil.rmtree(home, ignore_errors=True)


async def _prepare(net: object, home: Path) -> dict[str, str]:
    """alice.test signed in with this profile (its session in the Secret Service), following
    bob.test, whose 80 posts the AppView has indexed into her timeline."""
    from desktop_app.app import agent_for, make_core, make_oauth_client
    from desktop_app.platform import KeyringSessionStore, KeyringStateStore
    from desktop_app.settings import Settings
    from tests.support.harness import PdsNetwork
    from tests.support.oauth import oauth_client, pds_client, sign_in

    assert isinstance(net, PdsNetwork)
    env = {"DESKTOP_APP_HOME": str(home), "DESKTOP_APP_PLC_URL": net.plc_url,
           "DESKTOP_APP_HANDLE_RESOLVER": net.pds_url,
           "DESKTOP_APP_ALLOW_INSECURE_LOOPBACK": "1"}
    settings = Settings.load(env)
    core = make_core(settings)
    client = make_oauth_client(settings, core,
                               sessions=KeyringSessionStore(settings.paths.data),
                               states=KeyringStateStore(settings.paths.data))
    alice_session = await sign_in(client, net.alice)
    alice = agent_for(client, alice_session.did)
    async with oauth_client(net) as (bob_client, _):
        bob_session = await sign_in(bob_client, net.bob)
        await alice.follow(bob_session.did)
        async with pds_client(bob_client, bob_session) as xrpc:
            writes = [{"$type": "com.atproto.repo.applyWrites#create",
                       "collection": "app.bsky.feed.post",
                       "value": {"$type": "app.bsky.feed.post",
                                 "text": f"bob's post {n} with a link https://example.com/{n}",
                                 "createdAt": f"2026-11-22T10:{n // 60:02d}:{n % 60:02d}Z"}}
                      for n in range(80)]
            r = await xrpc.post("/xrpc/com.atproto.repo.applyWrites",
                                json={"repo": bob_session.did, "writes": writes})
            r.raise_for_status()
    for _ in range(300):
        if len((await alice.timeline(limit=50)).items) >= 50:
            break
        await asyncio.sleep(0.1)
    else:
        raise RuntimeError("the AppView did not index the seeded posts")
    await core.aclose()
    return env
