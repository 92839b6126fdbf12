"""Private, loopback-only PostgreSQL and Redis servers for the full (AppView) test network."""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.support.processes import stop_process


class BackendUnavailableError(RuntimeError):
    """PostgreSQL or Redis binaries are missing or would not start."""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _wait_port(port: int, proc: subprocess.Popen[bytes] | None, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise BackendUnavailableError(f"{what} exited with {proc.returncode}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.5):
            return
        time.sleep(0.05)
    raise BackendUnavailableError(f"{what} did not listen on 127.0.0.1:{port}")


def _pg_bindir() -> Path:
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0,
    )
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).parent
    raise BackendUnavailableError("PostgreSQL (initdb/pg_ctl) not installed")


@dataclass(frozen=True)
class Postgres:
    url: str
    port: int
    datadir: Path


@contextlib.contextmanager
def running_postgres() -> Iterator[Postgres]:
    """initdb + postgres in a private temp dir; as root, both run as user `postgres`.

    The server is our direct child (not daemonized by pg_ctl), so it is reaped and can't outlive
    the test run unnoticed.
    """
    bindir = _pg_bindir()
    base = Path(tempfile.mkdtemp(prefix="desktop-app-pg-"))
    as_user: dict[str, Any] = {}
    if os.geteuid() == 0:
        # PostgreSQL refuses to run as root.
        pw = pwd.getpwnam("postgres")
        os.chown(base, pw.pw_uid, pw.pw_gid)
        as_user = {"user": pw.pw_uid, "group": pw.pw_gid, "extra_groups": []}
    datadir, sockdir = base / "data", base / "sock"
    port = free_port()
    proc: subprocess.Popen[bytes] | None = None
    try:
        subprocess.run(
            [
                str(bindir / "initdb"),
                "-D",
                str(datadir),
                "-U",
                "postgres",
                "--auth=trust",
                "--no-sync",
                "-E",
                "UTF8",
                "--locale=C",
            ],
            check=True,
            capture_output=True,
            cwd=base,
            **as_user,
        )
        subprocess.run(["mkdir", "-m", "700", str(sockdir)], check=True, **as_user)
        with (base / "postgres.log").open("wb") as logf:
            proc = subprocess.Popen(
                [
                    str(bindir / "postgres"),
                    "-D",
                    str(datadir),
                    "-p",
                    str(port),
                    "-c",
                    "listen_addresses=127.0.0.1",
                    "-c",
                    f"unix_socket_directories={sockdir}",
                    "-c",
                    "fsync=off",
                    "-c",
                    "synchronous_commit=off",
                    "-c",
                    "full_page_writes=off",
                    "-c",
                    "max_connections=200",
                ],
                stdin=subprocess.DEVNULL,
                stdout=logf,
                stderr=subprocess.STDOUT,
                cwd=base,
                start_new_session=True,
                **as_user,
            )
        _wait_port(port, proc, 60, "postgres")
    except (subprocess.CalledProcessError, BackendUnavailableError) as exc:
        detail = (
            exc.stderr.decode(errors="replace")
            if isinstance(exc, subprocess.CalledProcessError) and exc.stderr
            else str(exc)
        )
        log_path = base / "postgres.log"
        log = log_path.read_text(errors="replace") if log_path.exists() else ""
        _pg_stop(proc)
        shutil.rmtree(base, ignore_errors=True)
        raise BackendUnavailableError(f"postgres failed: {detail}\n{log}") from exc
    except BaseException:
        _pg_stop(proc)
        shutil.rmtree(base, ignore_errors=True)
        raise
    try:
        yield Postgres(f"postgresql://postgres@127.0.0.1:{port}/postgres", port, datadir)
    finally:
        _pg_stop(proc)
        shutil.rmtree(base, ignore_errors=True)


def _pg_stop(proc: subprocess.Popen[bytes] | None) -> None:
    if proc is None or proc.poll() is not None:
        return
    # SIGQUIT = immediate shutdown: the data dir is thrown away anyway.
    proc.send_signal(signal.SIGQUIT)
    try:
        proc.wait(30)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(5)


@dataclass(frozen=True)
class Redis:
    host: str  # "127.0.0.1:<port>", the form dev-env's REDIS_HOST expects
    port: int


@contextlib.contextmanager
def running_redis() -> Iterator[Redis]:
    exe = shutil.which("redis-server")
    if exe is None:
        raise BackendUnavailableError("redis-server not installed")
    workdir = Path(tempfile.mkdtemp(prefix="desktop-app-redis-"))
    port = free_port()
    proc = subprocess.Popen(
        [
            exe,
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(workdir),
            "--daemonize",
            "no",
            "--loglevel",
            "warning",
        ],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        _wait_port(port, proc, 20, "redis-server")
        yield Redis(f"127.0.0.1:{port}", port)
    finally:
        stop_process(proc, 10)
        shutil.rmtree(workdir, ignore_errors=True)
