"""`desktop-app resolve` and `client-metadata` against the reference PDS."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from desktop_app.atproto.oauth import ClientConfig
from tests.fixtures import PdsFactory
from tests.support.harness import PdsNetwork
from tests.support.http_server import FakeHttpServer, Reply
from tests.support.oauth import oauth_client, sign_in

ROOT = Path(__file__).resolve().parents[2]
CLIENT_ID = "https://app.desktopapp.org/client-metadata.json"


def run_cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", *args],
        capture_output=True, text=True, timeout=60, cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), **env},
    )


def harness_env(net: PdsNetwork, home: Path, insecure: bool = True) -> dict[str, str]:
    return {
        "DESKTOP_APP_HOME": str(home),
        "DESKTOP_APP_PLC_URL": net.plc_url,
        "DESKTOP_APP_HANDLE_RESOLVER": net.pds_url,
        "DESKTOP_APP_ALLOW_INSECURE_LOOPBACK": "1" if insecure else "0",
    }


def test_resolve_json(pds: PdsNetwork, tmp_path: Path) -> None:
    result = run_cli("resolve", "@Alice.Test", "--json", env=harness_env(pds, tmp_path))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["handle"] == "alice.test"
    assert data["did"] == pds.alice.did
    assert data["pds"] == pds.pds_url
    assert data["issuer"] == pds.issuer
    assert data["checks"] and all(c["ok"] for c in data["checks"])
    assert {"name", "ok", "detail"} <= set(data["checks"][0])
    # The insecure-loopback switch is announced on stderr.
    assert "INSECURE" in result.stderr


def test_resolve_did_text(pds: PdsNetwork, tmp_path: Path) -> None:
    result = run_cli("resolve", pds.bob.did, env=harness_env(pds, tmp_path))
    assert result.returncode == 0, result.stderr
    assert "bob.test" in result.stdout and pds.issuer in result.stdout


def test_resolve_refuses_http_without_dev_setting(pds: PdsNetwork, tmp_path: Path) -> None:
    result = run_cli("resolve", "alice.test", env=harness_env(pds, tmp_path, insecure=False))
    assert result.returncode != 0
    lines = [line for line in result.stderr.splitlines() if line.startswith("desktop-app:")]
    assert len(lines) == 1 and "insecure" in lines[0].lower()


def test_resolve_syntax_error_before_network(tmp_path: Path) -> None:
    with FakeHttpServer() as server:
        env = {"DESKTOP_APP_HOME": str(tmp_path), "DESKTOP_APP_PLC_URL": server.url,
               "DESKTOP_APP_HANDLE_RESOLVER": server.url,
               "DESKTOP_APP_ALLOW_INSECURE_LOOPBACK": "1"}
        for bad in ("alice", "did:plc:NOPE", "under_score.test"):
            result = run_cli("resolve", bad, env=env)
            assert result.returncode == 2, result
            reasons = [x for x in result.stderr.splitlines() if x.startswith("desktop-app:")]
            assert len(reasons) == 1, result.stderr
        assert server.count() == 0


def test_version() -> None:
    result = run_cli("--version", env={})
    assert result.returncode == 0 and result.stdout.startswith("desktop-app ")


async def test_client_metadata_document_is_accepted_by_the_provider(
    pds_factory: PdsFactory,
) -> None:
    result = run_cli("client-metadata", "--client-id", CLIENT_ID, env={})
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["redirect_uris"][0] == "org.desktopapp.app:/callback"
    with FakeHttpServer() as host:
        host.route("GET", "/client-metadata.json",
                   Reply(200, result.stdout.encode(), {"content-type": "application/json"}))
        net = pds_factory(client_metadata_map={CLIENT_ID: f"{host.url}/client-metadata.json"})
        config = ClientConfig.discoverable(CLIENT_ID)
        async with oauth_client(net, config=config) as (client, _):
            # The custom-scheme redirect URL is handed over directly; OS routing comes later.
            session = await sign_in(client, net.alice,
                                    redirect_uri=config.custom_scheme_redirect_uri)
        assert session.did == net.alice.did
        assert session.client_id == CLIENT_ID
        assert host.count("/client-metadata.json") >= 1
