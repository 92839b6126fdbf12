"""A post is sent exactly once from the command line, against the reference PDS behind the
fault proxy: its answer lost, the server down (queued, then sent), refused without --queue."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from tests.fixtures import PdsFactory
from tests.support.cli import cli, cli_env, ok, one_sentence
from tests.support.fault_proxy import record_data
from tests.support.harness import PdsNetwork
from tests.support.secret_service import SecretService


@pytest.fixture
def proxied(pds_factory: PdsFactory) -> PdsNetwork:
    return pds_factory(fault_proxy=True)


def posts_saying(net: PdsNetwork, did: str, text: str) -> int:
    with httpx.Client(trust_env=False, timeout=30) as http:
        r = http.get(f"{net.pds_url}/xrpc/com.atproto.repo.listRecords",
                     params={"repo": did, "collection": "app.bsky.feed.post", "limit": 100})
        r.raise_for_status()
        return sum(1 for rec in r.json()["records"] if rec["value"].get("text") == text)


def signed_in(net: PdsNetwork, tmp_path: Path, service: SecretService) -> dict[str, str]:
    env = cli_env(net, tmp_path / "profile", service, net.alice, tmp_path / "driver.log")
    ok(cli(env, "login", net.alice.handle, "--timeout", "60"))
    return env


def test_a_post_whose_answer_is_lost_is_there_once(
    proxied: PdsNetwork, secret_service: SecretService, tmp_path: Path,
) -> None:
    net = proxied
    env = signed_in(net, tmp_path, secret_service)
    assert net.proxy is not None
    net.proxy.inject("POST", "/xrpc/com.atproto.repo.createRecord", "drop", when_status=200)
    posted = json.loads(ok(cli(env, "post", "answer lost", "--json")))
    assert net.proxy.count("/xrpc/com.atproto.repo.createRecord", "drop") == 1
    assert posted["uri"].startswith(f"at://{net.alice.did}/app.bsky.feed.post/")
    assert posts_saying(net, net.alice.did, "answer lost") == 1
    record_data("answer to createRecord lost (CLI post)", 1, 0, 0)


def test_a_post_the_server_wrote_behind_a_502_is_there_once(
    proxied: PdsNetwork, secret_service: SecretService, tmp_path: Path,
) -> None:
    """A gateway that answers 502 after the PDS wrote the post: the client looks for its own
    record key before calling it a failure, finds it, and says it was posted — no second post
    when the writer tries again, nothing left in the outbox."""
    net = proxied
    env = signed_in(net, tmp_path, secret_service)
    assert net.proxy is not None
    net.proxy.inject("POST", "/xrpc/com.atproto.repo.createRecord", "forward_status",
                     status=502, when_status=200)
    posted = json.loads(ok(cli(env, "post", "written behind a 502", "--json")))
    assert net.proxy.count("/xrpc/com.atproto.repo.createRecord", "forward_status") == 1
    assert posted["uri"].startswith(f"at://{net.alice.did}/app.bsky.feed.post/")
    assert posts_saying(net, net.alice.did, "written behind a 502") == 1
    assert json.loads(ok(cli(env, "outbox", "--json"))) == []
    record_data("createRecord done, then 502 from a gateway (CLI post)", 1, 0, 0)


def test_a_post_waits_while_the_server_is_down_then_goes_once(
    proxied: PdsNetwork, secret_service: SecretService, tmp_path: Path,
) -> None:
    net = proxied
    env = signed_in(net, tmp_path, secret_service)
    assert net.proxy is not None
    net.proxy.inject("POST", "/xrpc/com.atproto.repo.createRecord", "status", status=503,
                     times=100)
    sentence = one_sentence(cli(env, "post", "not queued", "--json"))
    assert "try again" in sentence.lower() or "could not" in sentence.lower(), sentence
    assert json.loads(ok(cli(env, "outbox", "--json"))) == []  # nothing kept of a failure
    queued = json.loads(ok(cli(env, "post", "queued while down", "--queue", "--json")))
    assert queued["queued"] is True and isinstance(queued["id"], str)
    waiting = json.loads(ok(cli(env, "outbox", "--json")))
    assert [(w["id"], w["kind"], w["text"], w["attempts"]) for w in waiting] == [
        (queued["id"], "post", "queued while down", 1)]
    assert waiting[0]["last_error"] and waiting[0]["created_at"].endswith("Z")
    one_sentence(cli(env, "outbox", "send"))  # still down: says so, keeps it
    assert len(json.loads(ok(cli(env, "outbox", "--json")))) == 1
    net.proxy.clear()
    assert "Sent 1" in ok(cli(env, "outbox", "send"))
    assert json.loads(ok(cli(env, "outbox", "--json"))) == []
    assert posts_saying(net, net.alice.did, "queued while down") == 1
    assert posts_saying(net, net.alice.did, "not queued") == 0
    record_data("PDS down while posting (CLI, queued)", 1, 0, 0)


def test_a_reset_mid_upload_leaves_one_post_with_its_image(
    proxied: PdsNetwork, secret_service: SecretService, tmp_path: Path,
) -> None:
    from tests.support.images import png

    net = proxied
    env = signed_in(net, tmp_path, secret_service)
    assert net.proxy is not None
    image = tmp_path / "square.png"
    image.write_bytes(png(64, 64, (200, 40, 40)))
    net.proxy.inject("POST", "/xrpc/com.atproto.repo.uploadBlob", "reset", when_status=200)
    result = json.loads(ok(cli(env, "post", "reset mid-upload", "--image", str(image),
                               "--alt", "a red square", "--queue", "--json")))
    assert net.proxy.count("/xrpc/com.atproto.repo.uploadBlob", "reset") == 1
    if result.get("queued"):  # the reset ended the attempt: it waits, then goes
        assert "Sent 1" in ok(cli(env, "outbox", "send"))
    assert posts_saying(net, net.alice.did, "reset mid-upload") == 1
    with httpx.Client(trust_env=False, timeout=30) as http:
        r = http.get(f"{net.pds_url}/xrpc/com.atproto.repo.listRecords",
                     params={"repo": net.alice.did, "collection": "app.bsky.feed.post"})
        [post] = [rec["value"] for rec in r.json()["records"]
                  if rec["value"]["text"] == "reset mid-upload"]
    [entry] = post["embed"]["images"]
    assert entry["alt"] == "a red square" and entry["image"]["ref"]["$link"]
    record_data("connection reset mid-upload (CLI post with an image)", 1, 0, 0)
