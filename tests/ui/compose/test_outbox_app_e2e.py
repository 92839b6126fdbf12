"""A post is sent exactly once from the window, as people use it: the real app under Xvfb, a
person typing, the reference PDS behind the fault proxy. The answer to the write lost; the
server down while posting, then the app killed with the post in its outbox; the laptop asleep
with a post queued. Each run counts the posts on the server: none lost, none twice."""

from __future__ import annotations

import re
import secrets
import signal
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.fixtures import PdsFactory
from tests.support.app_process import POSTED, running_app
from tests.support.cli import cli, ok
from tests.support.fault_proxy import record_data
from tests.support.harness import PdsNetwork
from tests.support.launches import ROOT, log_of, quit_with_keys, signed_in_env
from tests.support.person import Person
from tests.support.secret_service import SecretService

APP = [sys.executable, "-m", "desktop_app"]
WRITE = "/xrpc/com.atproto.repo.createRecord"
WAITS = re.compile(r"post (\S+) waits in the outbox")
SENT = re.compile(r"sent post (at://\S+)")


@pytest.fixture
def proxied(pds_factory: PdsFactory) -> PdsNetwork:
    return pds_factory(fault_proxy=True)


def posts_saying(net: PdsNetwork, text: str) -> int:
    with httpx.Client(trust_env=False, timeout=30) as http:
        r = http.get(f"{net.pds_url}/xrpc/com.atproto.repo.listRecords",
                     params={"repo": net.alice.did, "collection": "app.bsky.feed.post",
                             "limit": 100})
        r.raise_for_status()
        return sum(1 for rec in r.json()["records"] if rec["value"].get("text") == text)


def signed_in(net: PdsNetwork, service: SecretService, person: Person,
              tmp_path: Path) -> dict[str, str]:
    return signed_in_env(net, service, tmp_path / "profile", person, net.alice)


def write_post(person: Person, text: str) -> None:
    person.focus()
    person.key("n")
    person.type(text)
    person.key("ctrl+Return")


def test_the_answer_lost_in_the_window_is_one_post(
    proxied: PdsNetwork, secret_service: SecretService, person: Person, tmp_path: Path,
) -> None:
    net = proxied
    assert net.proxy is not None
    env = signed_in(net, secret_service, person, tmp_path)
    text = f"answer lost {secrets.token_hex(3)}"
    with running_app(APP, env, log_of(env), cwd=ROOT, started="app started with 1 account(s)",
                     quit_with=quit_with_keys(person)) as app:
        net.proxy.inject("POST", WRITE, "drop", when_status=200)
        write_post(person, text)
        app.wait_for(POSTED, "the post, found on the server after its answer was lost")
    assert net.proxy.count(WRITE, "drop") == 1
    assert posts_saying(net, text) == 1
    record_data("answer to createRecord lost (window)", 1, 0, 0)


def test_killed_with_a_post_in_the_outbox_it_goes_once_at_the_next_launch(
    proxied: PdsNetwork, secret_service: SecretService, person: Person, tmp_path: Path,
) -> None:
    net = proxied
    assert net.proxy is not None
    env = signed_in(net, secret_service, person, tmp_path)
    text = f"queued then killed {secrets.token_hex(3)}"
    with running_app(APP, env, log_of(env), cwd=ROOT,
                     started="app started with 1 account(s)") as app:
        net.proxy.inject("POST", WRITE, "status", status=503, times=1000)
        write_post(person, text)
        app.wait_for(WAITS, "the post kept in the outbox")
        person.screenshot("outbox-waiting.png")
        app.kill()
    assert posts_saying(net, text) == 0
    net.proxy.clear()
    with running_app(APP, env, log_of(env), cwd=ROOT, started="app started with 1 account(s)",
                     quit_with=quit_with_keys(person)) as app:
        app.wait_for(SENT, "the post sent at start", timeout=60)
    assert posts_saying(net, text) == 1
    assert ok(cli(env, "outbox", "--json")).strip() == "[]"
    record_data("SIGKILL with a post in the outbox (window)", 1, 0, 0)


def test_a_laptop_asleep_with_a_queued_post_sends_it_once_on_waking(
    proxied: PdsNetwork, secret_service: SecretService, person: Person, tmp_path: Path,
) -> None:
    net = proxied
    assert net.proxy is not None
    env = signed_in(net, secret_service, person, tmp_path)
    text = f"queued then asleep {secrets.token_hex(3)}"
    with running_app(APP, env, log_of(env), cwd=ROOT, started="app started with 1 account(s)",
                     quit_with=quit_with_keys(person)) as app:
        net.proxy.inject("POST", WRITE, "status", status=503, times=1000)
        write_post(person, text)
        app.wait_for(WAITS, "the post kept in the outbox")
        app.process.send_signal(signal.SIGSTOP)  # asleep: no timer fires, nothing runs
        try:
            net.proxy.clear()  # the network comes back while it sleeps
            time.sleep(3)
            assert posts_saying(net, text) == 0
        finally:
            app.process.send_signal(signal.SIGCONT)
        app.wait_for(SENT, "the post sent after waking", timeout=60)
    assert posts_saying(net, text) == 1
    record_data("laptop asleep with a queued post (window)", 1, 0, 0)
