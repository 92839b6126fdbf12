"""Starts and stops the reference atproto PDS (tests/e2e/pds/launcher.mjs) on loopback for tests."""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import select
import shutil
import socket
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from tests.support.fault_proxy import FaultProxy
from tests.support.processes import stop_process

REPO_ROOT = Path(__file__).resolve().parents[2]
LAUNCHER = REPO_ROOT / "tests" / "e2e" / "pds" / "launcher.mjs"
ENSURE_NODE = REPO_ROOT / "scripts" / "ensure-node.sh"

ENV_NODE = "DESKTOP_APP_TEST_NODE"
ENV_PDS_MODULES = "DESKTOP_APP_TEST_PDS_MODULES"
ENV_CLIENT_MODULES = "DESKTOP_APP_TEST_OAUTH_CLIENT_MODULES"
# Launcher stderr is dropped unless this is set (dev-env is chatty when logging is on).
ENV_VERBOSE = "DESKTOP_APP_TEST_PDS_VERBOSE"


class HarnessUnavailableError(RuntimeError):
    """Node >= 22 or the harness's node_modules can't be provided on this machine."""


class HarnessStartError(RuntimeError):
    """The launcher did not report ready."""


class HarnessError(RuntimeError):
    """The running launcher refused a control request (the message says why)."""


@dataclass(frozen=True)
class NodeTooling:
    node: Path
    pds_modules: Path
    oauth_client_modules: Path | None


@dataclass(frozen=True)
class Account:
    handle: str
    did: str
    password: str
    email: str


@dataclass(frozen=True)
class AccountSpec:
    handle: str
    email: str
    password: str


DEFAULT_ACCOUNTS = (
    AccountSpec("alice.test", "alice@example.com", "alice-pass"),
    AccountSpec("bob.test", "bob@example.com", "bob-pass"),
)


@dataclass(frozen=True)
class PdsKnobs:
    """TEST-ONLY server knobs; docs/harness.md says what each one patches. Times in seconds."""

    accounts: Sequence[AccountSpec] = DEFAULT_ACCOUNTS
    trusted_clients: Sequence[str] = ()
    # https client_id -> loopback URL the launcher fetches the metadata document from.
    client_metadata_map: Mapping[str, str] = field(default_factory=dict)
    access_token_lifetime: float | None = None
    authentication_max_age: float | None = None
    session_lifetime: float | None = None
    refresh_lifetime: float | None = None
    dpop_nonce_rotation: float | None = None
    disable_dpop_nonce: bool = False
    # Permission-set NSIDs (e.g. app.bsky.authFullApp) the PDS resolves locally: published as
    # lexicon records by a local account and made the lexicon authority (no DNS, no network).
    permission_sets: Sequence[str] = ()
    # Put a fault-injection proxy (tests/support/fault_proxy.py) in front of the PDS: its
    # public URL (DID documents, issuer) names the proxy. `PdsNetwork.proxy` injects faults.
    fault_proxy: bool = False

    def to_config(self) -> dict[str, Any]:
        config: dict[str, Any] = {
            "accounts": [
                {"handle": a.handle, "email": a.email, "password": a.password}
                for a in self.accounts
            ],
            "trustedClients": list(self.trusted_clients),
            "clientMetadataMap": dict(self.client_metadata_map),
            "disableDpopNonce": self.disable_dpop_nonce,
            "permissionSets": list(self.permission_sets),
        }
        optional = {
            "accessTokenLifetime": self.access_token_lifetime,
            "authenticationMaxAge": self.authentication_max_age,
            "sessionLifetime": self.session_lifetime,
            "refreshLifetime": self.refresh_lifetime,
            "dpopNonceRotation": self.dpop_nonce_rotation,
        }
        config.update({k: v for k, v in optional.items() if v is not None})
        return config


FeedState = Literal["up", "error", "invalid", "stall", "offline"]


@dataclass(frozen=True)
class FeedRequest:
    """One `app.bsky.feed.getFeedSkeleton` request a test feed generator got."""

    limit: int | None
    cursor: str | None
    viewer: str | None  # the DID the AppView asked for (service JWT issuer); None signed out


def _feed_rule(posts: Sequence[str] | None, authors: Sequence[str] | None,
               contains: str | None) -> dict[str, Any]:
    if posts is not None and (authors is not None or contains is not None):
        raise ValueError("a feed serves either given posts or authors/contains, not both")
    rule: dict[str, Any] = {}
    if posts is not None:
        rule["posts"] = list(posts)
    if authors is not None:
        rule["authors"] = list(authors)
    if contains is not None:
        rule["contains"] = contains
    return rule


@dataclass
class PdsNetwork:
    """A running launcher; `stop()` ends it and removes its private TMPDIR."""

    issuer: str
    pds_url: str
    plc_url: str
    accounts: list[Account]
    network: Literal["pds", "full"]
    appview_url: str | None
    knobs: PdsKnobs
    process: subprocess.Popen[bytes]
    tmpdir: Path
    _stderr_file: Any = None
    control_url: str | None = None  # full network: label records, let services catch up
    appview_did: str | None = None  # full network: the DID the PDS proxies app.bsky calls to
    lexicon_authority: str | None = None  # with permission_sets: the DID publishing them
    proxy: FaultProxy | None = None  # with fault_proxy: what sits between clients and the PDS

    def create_feed(
        self,
        owner: Account,
        rkey: str,
        display_name: str,
        *,
        description: str | None = None,
        posts: Sequence[str] | None = None,
        authors: Sequence[str] | None = None,
        contains: str | None = None,
        accepts_interactions: bool = False,
    ) -> str:
        """A custom feed: a feed generator of its own (dev-env's `TestFeedGen`, a did:plc on
        the harness PLC serving on loopback) and its `app.bsky.feed.generator` record at
        `rkey`, written by `owner`; returns the feed's AT-URI, already indexed by the AppView.

        The generator serves exactly `posts` (AT-URIs, in this order), or else the posts the
        AppView has indexed by `authors` and/or whose text contains `contains`
        (case-insensitive), newest first; with none of them, an empty feed. Pages follow the
        request's `limit` with an offset cursor. `set_feed` changes this later.
        """
        answer = self._control("/feed", {
            "owner": {"did": owner.did, "password": owner.password},
            "rkey": rkey,
            "displayName": display_name,
            "description": description,
            "acceptsInteractions": accepts_interactions,
            "rule": _feed_rule(posts, authors, contains),
        })
        return str(answer["uri"])

    def set_feed(
        self,
        uri: str,
        *,
        posts: Sequence[str] | None = None,
        authors: Sequence[str] | None = None,
        contains: str | None = None,
    ) -> None:
        """Replace what the feed at `uri` serves (as `create_feed` says)."""
        self._control("/feed/rule", {"uri": uri, "rule": _feed_rule(posts, authors, contains)})

    def set_feed_state(self, uri: str, state: FeedState) -> None:
        """Make the feed's generator fail: "error" (answers 500), "invalid" (a 200 that breaks
        the lexicon), "stall" (never answers; the AppView gives up after 5 s), "offline"
        (stops listening) — or "up" again. The AppView then answers `getFeed` 502."""
        self._control("/feed/state", {"uri": uri, "state": state})

    def feed_requests(self, uri: str) -> list[FeedRequest]:
        """Every `getFeedSkeleton` request the feed's generator got, oldest first."""
        answer = self._control("/feed/requests", {"uri": uri})
        return [FeedRequest(r["limit"], r["cursor"], r["viewer"]) for r in answer["requests"]]

    def label(self, uri: str, val: str, cid: str | None = None) -> None:
        """Label a post (give its `cid`) or an account (`uri` is its DID) as a labeler the
        AppView trusts, once the AppView has caught up with what was written before."""
        self._control("/label", {"uri": uri, "cid": cid, "val": val})

    def process_all(self) -> None:
        """Let the PDS, Ozone and AppView catch up with everything written so far."""
        self._control("/process", {})

    def _control(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        if self.control_url is None:
            raise HarnessUnavailableError("only the full network has a control port")
        request = urllib.request.Request(
            self.control_url + path, data=json.dumps(body).encode(), method="POST",
            headers={"content-type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                answer: dict[str, Any] = json.loads(response.read() or b"{}")
                return answer
        except urllib.error.HTTPError as exc:
            raise HarnessError(f"control {path}: {exc.code} {exc.read().decode()[:500]}") from None

    def account(self, handle: str) -> Account:
        for acc in self.accounts:
            if acc.handle == handle:
                return acc
        raise KeyError(handle)

    @property
    def alice(self) -> Account:
        return self.accounts[0]

    @property
    def bob(self) -> Account:
        return self.accounts[1]

    def stop(self, timeout: float = 10.0) -> None:
        stop_process(self.process, timeout, group=True)
        if self.proxy is not None:
            self.proxy.close()
        if self._stderr_file is not None:
            self._stderr_file.close()
        shutil.rmtree(self.tmpdir, ignore_errors=True)
        _RUNNING.discard(self)

    def __hash__(self) -> int:
        return id(self)

    def __eq__(self, other: object) -> bool:
        return self is other


_RUNNING: set[PdsNetwork] = set()
_tooling_lock = threading.Lock()
_tooling_cache: NodeTooling | HarnessUnavailableError | None = None


@atexit.register
def _stop_all() -> None:
    # Fixture teardown normally does this; atexit covers an interrupted session.
    for net in list(_RUNNING):
        net.stop(timeout=5)


def _node_major(node: Path) -> int:
    try:
        out = subprocess.run(
            [str(node), "-p", "process.versions.node.split('.')[0]"],
            capture_output=True,
            text=True,
            timeout=30,
            check=True,
        ).stdout
        return int(out.strip())
    except (OSError, subprocess.SubprocessError, ValueError):
        return 0


def _tooling_from_env() -> NodeTooling | None:
    node = os.environ.get(ENV_NODE)
    modules = os.environ.get(ENV_PDS_MODULES)
    client = os.environ.get(ENV_CLIENT_MODULES)
    if not node or not modules or not client:
        return None
    tooling = NodeTooling(Path(node), Path(modules), Path(client))
    if not (tooling.pds_modules / "@atproto" / "dev-env").is_dir():
        return None
    if not (Path(client) / "@atproto" / "oauth-client-node").is_dir():
        return None
    return tooling if _node_major(tooling.node) >= 22 else None


def find_node_tooling() -> NodeTooling:
    """Node >= 22 and node_modules: from the env vars, else by running scripts/ensure-node.sh."""
    global _tooling_cache
    with _tooling_lock:
        if isinstance(_tooling_cache, NodeTooling):
            return _tooling_cache
        if isinstance(_tooling_cache, HarnessUnavailableError):
            raise _tooling_cache
        tooling = _tooling_from_env()
        if tooling is None:
            try:
                proc = subprocess.run(
                    ["bash", str(ENSURE_NODE), "--json"],
                    capture_output=True,
                    text=True,
                    timeout=900,
                    check=False,
                )
            except (OSError, subprocess.TimeoutExpired) as exc:
                _tooling_cache = HarnessUnavailableError(f"ensure-node.sh: {exc}")
                raise _tooling_cache from exc
            if proc.returncode != 0:
                tail = proc.stderr.strip().splitlines()[-15:]
                _tooling_cache = HarnessUnavailableError(
                    "scripts/ensure-node.sh failed:\n" + "\n".join(tail)
                )
                raise _tooling_cache
            data = json.loads(proc.stdout.strip().splitlines()[-1])
            tooling = NodeTooling(
                Path(data["node"]), Path(data["pdsModules"]), Path(data["oauthClientModules"])
            )
        _tooling_cache = tooling
        return tooling


def node_env(tooling: NodeTooling, tmpdir: Path | None = None) -> dict[str, str]:
    """Environment for a Node child: Node 22 first on PATH, harness locations, private TMPDIR."""
    env = dict(os.environ)
    env["PATH"] = f"{tooling.node.parent}{os.pathsep}{env.get('PATH', '')}"
    env[ENV_NODE] = str(tooling.node)
    env[ENV_PDS_MODULES] = str(tooling.pds_modules)
    if tooling.oauth_client_modules is not None:
        env[ENV_CLIENT_MODULES] = str(tooling.oauth_client_modules)
    if tmpdir is not None:
        env["TMPDIR"] = str(tmpdir)
    # Node caches compiled modules there: loading the PDS is most of the start-up time.
    env.setdefault("NODE_COMPILE_CACHE", str(tooling.pds_modules.parent / ".compile-cache"))
    env.setdefault("LOG_ENABLED", "false")
    env.setdefault("NODE_ENV", "test")
    return env


def start_network(
    knobs: PdsKnobs | None = None,
    *,
    tooling: NodeTooling | None = None,
    full: FullNetworkBackends | None = None,
    timeout: float = 90.0,
) -> PdsNetwork:
    """Start a launcher; `full` (PostgreSQL + Redis URLs) selects the network with the AppView.

    The launcher picks free ports by binding port 0 and releasing it, so another process can
    take one in between; such a start is retried (twice at most).
    """
    for attempt in range(3):
        try:
            return _start_once(knobs, tooling=tooling, full=full, timeout=timeout)
        except HarnessStartError as exc:
            if "EADDRINUSE" not in str(exc) or attempt == 2:
                raise
    raise AssertionError("unreachable")  # pragma: no cover


def _start_once(
    knobs: PdsKnobs | None,
    *,
    tooling: NodeTooling | None,
    full: FullNetworkBackends | None,
    timeout: float,
) -> PdsNetwork:
    knobs = knobs or PdsKnobs()
    tooling = tooling or find_node_tooling()
    tmpdir = Path(tempfile.mkdtemp(prefix="desktop-app-pds-"))
    config = knobs.to_config()
    proxy = FaultProxy() if knobs.fault_proxy else None
    if proxy is not None:
        proxy.upstream_port = _free_loopback_port()
        config.update(pdsPublicPort=proxy.port, pdsInternalPort=proxy.upstream_port)
    if full is not None:
        config.update(
            network="full",
            dbPostgresUrl=full.postgres_url,
            redisHost=full.redis_host,
            dbPostgresSchema="harness",
        )
    config_path = tmpdir / "launcher-config.json"
    config_path.write_text(json.dumps(config))
    stderr_file: Any = None if os.environ.get(ENV_VERBOSE) else (tmpdir / "launcher.log").open("wb")
    proc = subprocess.Popen(
        [str(tooling.node), str(LAUNCHER), str(config_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=stderr_file,
        env=node_env(tooling, tmpdir),
        cwd=str(tmpdir),
        start_new_session=True,
    )
    try:
        line = _read_ready_line(proc, timeout)
    except BaseException:
        stop_process(proc, 5, group=True)
        if proxy is not None:
            proxy.close()
        log = _tail(tmpdir / "launcher.log")
        if stderr_file is not None:
            stderr_file.close()
        shutil.rmtree(tmpdir, ignore_errors=True)
        if log:
            raise HarnessStartError(f"launcher failed; log tail:\n{log}") from None
        raise
    ready = json.loads(line)
    net = PdsNetwork(
        issuer=ready["issuer"],
        pds_url=ready["pdsUrl"],
        plc_url=ready["plcUrl"],
        accounts=[
            Account(a["handle"], a["did"], a["password"], a["email"]) for a in ready["accounts"]
        ],
        network=ready["network"],
        appview_url=ready.get("appviewUrl"),
        control_url=ready.get("controlUrl"),
        appview_did=ready.get("appviewDid"),
        lexicon_authority=ready.get("lexiconAuthority"),
        proxy=proxy,
        knobs=knobs,
        process=proc,
        tmpdir=tmpdir,
        _stderr_file=stderr_file,
    )
    _RUNNING.add(net)
    return net


def _free_loopback_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _tail(path: Path, lines: int = 30) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


def _read_ready_line(proc: subprocess.Popen[bytes], timeout: float) -> str:
    assert proc.stdout is not None
    deadline = time.monotonic() + timeout
    buf = b""
    fd = proc.stdout.fileno()
    while b"\n" not in buf:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise HarnessStartError(f"launcher not ready within {timeout:.0f}s")
        ready, _, _ = select.select([fd], [], [], min(remaining, 0.5))
        if ready:
            chunk = os.read(fd, 65536)
            if not chunk:
                raise HarnessStartError(f"launcher exited (code {proc.wait(5)}) before ready")
            buf += chunk
        elif proc.poll() is not None:
            raise HarnessStartError(f"launcher exited (code {proc.returncode}) before ready")
    return buf.split(b"\n", 1)[0].decode()


@contextlib.contextmanager
def running_network(
    knobs: PdsKnobs | None = None, *, tooling: NodeTooling | None = None
) -> Iterator[PdsNetwork]:
    net = start_network(knobs, tooling=tooling)
    try:
        yield net
    finally:
        net.stop()


@dataclass(frozen=True)
class FullNetworkBackends:
    postgres_url: str
    redis_host: str


@contextlib.contextmanager
def running_full_network(
    knobs: PdsKnobs | None = None, *, tooling: NodeTooling | None = None
) -> Iterator[PdsNetwork]:
    """PostgreSQL + Redis (private, loopback) + the launcher in full (AppView) mode."""
    from tests.support.fullnet import running_postgres, running_redis

    tooling = tooling or find_node_tooling()
    with running_postgres() as pg, running_redis() as redis:
        net = start_network(
            knobs,
            tooling=tooling,
            full=FullNetworkBackends(pg.url, redis.host),
            timeout=180,
        )
        try:
            yield net
        finally:
            net.stop()


REFERENCE_CLIENT = REPO_ROOT / "benchmarks" / "oauth-client-node" / "signin.mjs"
BROWSER_DRIVER = REPO_ROOT / "tests" / "support" / "browser_driver.py"


def run_reference_client(
    net: PdsNetwork,
    account: Account,
    *,
    action: Literal["approve", "reject"] = "approve",
    refresh: bool = True,
    refresh_delay: float = 0.0,
    driver_env: Mapping[str, str] | None = None,
    browser: Sequence[str] | None = None,
    xrpc: Sequence[str] = (),
    tooling: NodeTooling | None = None,
    timeout: float = 120.0,
) -> dict[str, Any]:
    """Sign in with @atproto/oauth-client-node (the reference client) through the browser driver.

    `browser` replaces the driver command (the URL is appended), e.g. tests/support/chromium.py.
    `xrpc` lists "nsid?query" GETs made with the session after sign-in (and refresh).
    Returns the script's JSON report: ok, did, error, callback, tokens and the requests it made
    (`signIn`/`refresh`/`xrpc`: total, counts by "METHOD host/path", requests with status and
    whether the response carried DPoP-Nonce).
    """
    import sys

    tooling = tooling or find_node_tooling()
    if tooling.oauth_client_modules is None:
        raise HarnessUnavailableError(f"{ENV_CLIENT_MODULES} is not set")
    config = {
        "handle": account.handle,
        "plcUrl": net.plc_url,
        "handleResolver": net.pds_url,
        "browser": list(browser) if browser else [sys.executable, str(BROWSER_DRIVER)],
        "browserEnv": {
            "DRIVER_USERNAME": account.handle,
            "DRIVER_PASSWORD": account.password,
            "DRIVER_ACTION": action,
            **(driver_env or {}),
        },
        "refresh": refresh,
        "refreshDelayMs": int(refresh_delay * 1000),
        "xrpc": list(xrpc),
    }
    env = node_env(tooling)
    env["SIGNIN_CONFIG"] = json.dumps(config)
    proc = subprocess.run(
        [str(tooling.node), str(REFERENCE_CLIENT)],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    lines = proc.stdout.strip().splitlines()
    if proc.returncode != 0 or not lines:
        raise RuntimeError(f"signin.mjs failed ({proc.returncode}): {proc.stderr[-2000:]}")
    report: dict[str, Any] = json.loads(lines[-1])
    report["stderr"] = proc.stderr
    return report
