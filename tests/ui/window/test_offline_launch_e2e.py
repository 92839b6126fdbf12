"""A launch with no network, as people have them: the real `desktop-app` under Xvfb with a
saved account, on the full network behind the fault proxy. The first launch reads the home
timeline; the second finds every connection to the server cut, paints what the first kept
and says from when; when the network comes back, the live timeline replaces it by itself."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.fixtures import unavailable
from tests.support.app_process import PAINTED, running_app
from tests.support.fullnet import BackendUnavailableError
from tests.support.harness import NodeTooling, PdsKnobs, PdsNetwork, running_full_network
from tests.support.launches import ROOT, Household, log_of, quit_with_keys, signed_in_env
from tests.support.person import Person
from tests.support.secret_service import SecretService

APP = [sys.executable, "-m", "desktop_app"]
KEPT = re.compile(r"kept timeline painted (\d+\.\d+) s after start: (\d+) posts")
OFFLINE = re.compile(r"home: showing what was kept (\d+) s ago")
pytestmark = pytest.mark.fullnetwork


@pytest.fixture(scope="module")
def proxied_full_network(node_tooling: NodeTooling) -> Iterator[PdsNetwork]:
    """The full network with the fault proxy between every client and the PDS."""
    try:
        ctx = running_full_network(PdsKnobs(fault_proxy=True), tooling=node_tooling)
        net = ctx.__enter__()
    except BackendUnavailableError as exc:
        unavailable(str(exc))
    try:
        yield net
    finally:
        ctx.__exit__(None, None, None)


def test_an_offline_launch_paints_the_kept_timeline_and_recovers_by_itself(
    proxied_full_network: PdsNetwork, secret_service: SecretService, person: Person,
    tmp_path: Path,
) -> None:
    net = proxied_full_network
    assert net.proxy is not None
    household = Household.seeded(net)
    env = signed_in_env(net, secret_service, tmp_path / "profile", person, household.reader)
    log = log_of(env)
    with running_app(APP, env, log, cwd=ROOT, started="app started with 1 account(s)",
                     quit_with=quit_with_keys(person)) as app:
        live = app.wait_for(PAINTED, "the home timeline, online", timeout=30)
    posts = int(live.group(2))
    assert posts >= len(household.friend_posts)

    # The network is gone: every request is cut before it reaches the server.
    for method in ("GET", "POST"):
        net.proxy.inject(method, "/", "stall", times=1_000_000)
    with running_app(APP, env, log, cwd=ROOT, started="app started with 1 account(s)",
                     quit_with=quit_with_keys(person)) as app:
        kept = app.wait_for(KEPT, "the kept timeline, painted offline", timeout=30)
        from_spawn = app.since_spawn()
        assert int(kept.group(2)) == posts, kept.group(0)
        app.wait_for(OFFLINE, "the note saying the posts are from earlier", timeout=60)
        person.screenshot("offline-launch-kept.png")
        assert "first timeline page painted" not in app.log_text()
        print(f"kept timeline painted {float(kept.group(1)):.3f} s after start, "
              f"{from_spawn:.3f} s after spawn")

        net.proxy.clear()  # the network comes back: the app tries again by itself
        app.wait_for(PAINTED, "the live timeline, replacing the kept one", timeout=60)
        person.screenshot("offline-launch-recovered.png")
