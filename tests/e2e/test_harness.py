"""Tests of the PDS harness itself: start-up, loopback-only sockets, accounts, knobs, teardown."""

from __future__ import annotations

import os
import time
from pathlib import Path

import httpx
import pytest

from tests.support.harness import AccountSpec, NodeTooling, PdsKnobs, PdsNetwork, start_network


def _listening_addresses(pid: int) -> set[tuple[str, int]]:
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    found: set[tuple[str, int]] = set()
    for table, v6 in (("/proc/net/tcp", False), ("/proc/net/tcp6", True)):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            cols = line.split()
            local, state, inode = cols[1], cols[3], cols[9]
            if state != "0A" or inode not in inodes:  # 0A = LISTEN
                continue
            addr_hex, port_hex = local.split(":")
            if v6:
                addr = "::" if set(addr_hex) == {"0"} else addr_hex
            else:
                addr = ".".join(str(b) for b in reversed(bytes.fromhex(addr_hex)))
            found.add((addr, int(port_hex, 16)))
    return found


def test_ready_line_describes_a_localhost_issuer(pds: PdsNetwork) -> None:
    assert pds.issuer.startswith("http://localhost:")
    assert pds.pds_url == pds.issuer
    assert pds.plc_url.startswith("http://localhost:")
    assert [a.handle for a in pds.accounts] == ["alice.test", "bob.test"]
    assert all(a.did.startswith("did:plc:") for a in pds.accounts)
    meta = httpx.get(f"{pds.pds_url}/.well-known/oauth-authorization-server").json()
    assert meta["issuer"] == pds.issuer
    assert meta["pushed_authorization_request_endpoint"] == f"{pds.issuer}/oauth/par"
    resource = httpx.get(f"{pds.pds_url}/.well-known/oauth-protected-resource").json()
    assert resource["authorization_servers"] == [pds.issuer]


def test_servers_listen_on_loopback_only(pds: PdsNetwork) -> None:
    addresses = _listening_addresses(pds.process.pid)
    ports = {port for _, port in addresses}
    assert int(pds.pds_url.rsplit(":", 1)[1]) in ports
    assert int(pds.plc_url.rsplit(":", 1)[1]) in ports
    assert {addr for addr, _ in addresses} == {"127.0.0.1"}


def test_accounts_sign_in_with_create_session(pds: PdsNetwork) -> None:
    for acc in pds.accounts:
        r = httpx.post(
            f"{pds.pds_url}/xrpc/com.atproto.server.createSession",
            json={"identifier": acc.handle, "password": acc.password},
        )
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["did"] == acc.did
        assert body["handle"] == acc.handle
        assert body["email"] == acc.email


def test_plc_resolves_account_to_the_pds(pds: PdsNetwork) -> None:
    doc = httpx.get(f"{pds.plc_url}/{pds.alice.did}").json()
    services = {s["id"]: s["serviceEndpoint"] for s in doc["service"]}
    assert services["#atproto_pds"] == pds.pds_url
    r = httpx.get(
        f"{pds.pds_url}/xrpc/com.atproto.identity.resolveHandle", params={"handle": "bob.test"}
    )
    assert r.json() == {"did": pds.bob.did}


def test_without_appview_app_bsky_answers_502(pds: PdsNetwork) -> None:
    session = httpx.post(
        f"{pds.pds_url}/xrpc/com.atproto.server.createSession",
        json={"identifier": pds.alice.handle, "password": pds.alice.password},
    ).json()
    r = httpx.get(
        f"{pds.pds_url}/xrpc/app.bsky.feed.getTimeline",
        headers={"authorization": f"Bearer {session['accessJwt']}"},
    )
    assert r.status_code == 502


def test_stop_leaves_no_process_or_tmpdir(node_tooling: NodeTooling) -> None:
    net = start_network(tooling=node_tooling)
    pid, tmpdir = net.process.pid, net.tmpdir
    assert tmpdir.is_dir()
    assert os.environ.get("TMPDIR") != str(tmpdir)
    net.stop()
    assert not tmpdir.exists()
    assert not Path(f"/proc/{pid}").exists()


def test_launcher_exits_when_stdin_closes(node_tooling: NodeTooling) -> None:
    # The parent dying closes the pipe; the launcher must not outlive it.
    net = start_network(tooling=node_tooling)
    try:
        assert net.process.stdin is not None
        net.process.stdin.close()
        assert net.process.wait(15) == 0
    finally:
        net.stop()


def test_custom_accounts(node_tooling: NodeTooling) -> None:
    knobs = PdsKnobs(accounts=[AccountSpec("carol.test", "carol@example.com", "carol-pass")])
    net = start_network(knobs, tooling=node_tooling)
    try:
        assert [a.handle for a in net.accounts] == ["carol.test"]
        r = httpx.post(
            f"{net.pds_url}/xrpc/com.atproto.server.createSession",
            json={"identifier": "carol@example.com", "password": "carol-pass"},
        )
        assert r.status_code == 200
    finally:
        net.stop()


def _par_nonce(net: PdsNetwork) -> str | None:
    # Every OAuth endpoint response carries the current nonce, even an error.
    r = httpx.post(f"{net.issuer}/oauth/par", data={"client_id": "x"})
    assert r.status_code == 400
    nonce: str | None = r.headers.get("dpop-nonce")
    return nonce


def test_dpop_nonce_rotation_knob(pds: PdsNetwork, node_tooling: NodeTooling) -> None:
    default = pds
    assert _par_nonce(default) is not None
    fast = start_network(PdsKnobs(dpop_nonce_rotation=1), tooling=node_tooling)
    try:
        first = _par_nonce(fast)
        time.sleep(1.2)  # the scenario: one rotation period (1 s) passes
        assert _par_nonce(fast) != first
    finally:
        fast.stop()


def test_disable_dpop_nonce_knob(node_tooling: NodeTooling) -> None:
    net = start_network(PdsKnobs(disable_dpop_nonce=True), tooling=node_tooling)
    try:
        assert _par_nonce(net) is None
    finally:
        net.stop()


@pytest.mark.fullnetwork
def test_full_network_serves_the_timeline(full_network: PdsNetwork) -> None:
    assert full_network.network == "full"
    assert full_network.appview_url is not None
    assert full_network.issuer.startswith("http://localhost:")
    session = httpx.post(
        f"{full_network.pds_url}/xrpc/com.atproto.server.createSession",
        json={"identifier": full_network.alice.handle, "password": full_network.alice.password},
    ).json()
    r = httpx.get(
        f"{full_network.pds_url}/xrpc/app.bsky.feed.getTimeline",
        headers={"authorization": f"Bearer {session['accessJwt']}"},
    )
    assert r.status_code == 200, r.text
    assert isinstance(r.json()["feed"], list)  # other tests share this network and post
    addresses = _listening_addresses(full_network.process.pid)
    assert {addr for addr, _ in addresses} == {"127.0.0.1"}
