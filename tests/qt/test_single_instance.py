"""Single instance: hand-off to a running primary, foreign URLs, stale sockets, fresh process."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
CLIENT_ID = "https://app.desktopapp.org/client-metadata.json"
SCHEME = "org.desktopapp.app"


def app_env(home: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "DESKTOP_APP_HOME": str(home),
            "DESKTOP_APP_CLIENT_ID": CLIENT_ID, "QT_QPA_PLATFORM": "offscreen"}


@pytest.fixture
def primary(tmp_path: Path) -> Iterator[subprocess.Popen[str]]:
    home = tmp_path / "profile"
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "tests/qt/primary_stub.py"), str(home / "data"),
         CLIENT_ID],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=app_env(home),
    )
    assert proc.stdout is not None
    first = proc.stdout.readline()
    assert first.startswith("listening"), first + (proc.stderr.read() if proc.stderr else "")
    yield proc
    if proc.poll() is None:
        proc.terminate()
        proc.wait(10)


def launch(home: Path, *args: str) -> tuple[subprocess.CompletedProcess[str], float]:
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "desktop_app", *args], capture_output=True,
                            text=True, env=app_env(home), timeout=60, cwd=ROOT)
    return result, time.monotonic() - started


def read_url(proc: subprocess.Popen[str]) -> str:
    assert proc.stdout is not None
    line = proc.stdout.readline().strip()
    assert line.startswith("url "), line
    return line[4:]


def test_second_instance_forwards_and_exits(primary: subprocess.Popen[str],
                                            tmp_path: Path) -> None:
    url = f"{SCHEME}:/callback?state=s1&code=c1&iss=http%3A%2F%2Flocalhost"
    result, elapsed = launch(tmp_path / "profile", url)
    assert result.returncode == 0, result.stderr
    assert read_url(primary) == url
    # Python start-up dominates; the hand-off itself is milliseconds.
    assert elapsed < 5, elapsed


def test_foreign_url_is_rejected_and_not_logged(primary: subprocess.Popen[str],
                                                tmp_path: Path) -> None:
    result, _ = launch(tmp_path / "profile", "com.evil.app:/callback?code=SECRETCODE&state=x")
    assert result.returncode != 0
    primary.terminate()
    _, err = primary.communicate(timeout=10)
    assert "ignored a URL" in err
    assert "SECRETCODE" not in err


def test_stale_socket_is_replaced(tmp_path: Path) -> None:
    home = tmp_path / "profile"
    stub = [sys.executable, str(ROOT / "tests/qt/primary_stub.py"), str(home / "data"),
            CLIENT_ID]
    first = subprocess.Popen(stub, stdout=subprocess.PIPE, text=True, env=app_env(home))
    assert first.stdout is not None and first.stdout.readline().startswith("listening")
    first.send_signal(signal.SIGKILL)  # leaves its socket file behind
    first.wait(10)
    second = subprocess.Popen(stub, stdout=subprocess.PIPE, text=True, env=app_env(home))
    try:
        assert second.stdout is not None
        assert second.stdout.readline().startswith("listening")
        url = f"{SCHEME}:/callback?state=s2&code=c2&iss=x"
        result, _ = launch(home, url)
        assert result.returncode == 0, result.stderr
        assert read_url(second) == url
    finally:
        second.terminate()
        second.wait(10)


def test_two_primaries_cannot_coexist(primary: subprocess.Popen[str], tmp_path: Path) -> None:
    home = tmp_path / "profile"
    other = subprocess.run(
        [sys.executable, str(ROOT / "tests/qt/primary_stub.py"), str(home / "data"),
         CLIENT_ID], capture_output=True, text=True, env=app_env(home), timeout=30,
    )
    assert other.returncode == 3 and "not-primary" in other.stdout


def test_no_primary_and_no_pending_sign_in(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    # Without a keychain the fresh process refuses plainly (the keychain case is in e2e).
    env_home = tmp_path / "profile"
    result, _ = launch(env_home, f"{SCHEME}:/callback?state=unknown&code=c&iss=x")
    assert result.returncode != 0
    lines = [x for x in result.stderr.splitlines() if x.startswith("desktop-app:")]
    assert len(lines) == 1


def test_file_open_events_are_routed(qtbot: object) -> None:
    from PySide6.QtCore import QCoreApplication, QObject, QUrl
    from PySide6.QtGui import QFileOpenEvent

    from desktop_app.qt import FileOpenFilter

    received: list[str] = []
    target = QObject()
    event_filter = FileOpenFilter(lambda url: bool(received.append(url) or True))  # type: ignore[func-returns-value]
    target.installEventFilter(event_filter)
    url = f"{SCHEME}:/callback?state=s&code=c"
    QCoreApplication.sendEvent(target, QFileOpenEvent(QUrl(url)))
    assert received == [url]


def test_the_socket_lives_where_only_this_user_can_reach_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_app.qt import server_name

    data = tmp_path / "data"
    assert server_name(data) == str(data / "primary.sock")  # in the profile's 0700 directory
    deep = tmp_path / ("x" * 120) / "data"  # too long for a socket address
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    name = server_name(deep)
    assert Path(name).parent == runtime and name != server_name(tmp_path / ("y" * 120))
    runtime.chmod(0o755)  # not private: not used
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    fallback = Path(server_name(deep)).parent
    assert fallback.parent == tmp_path and fallback.stat().st_mode & 0o777 == 0o700
    fallback.chmod(0o777)  # someone made it shareable (or made it first): refused
    with pytest.raises(OSError, match="not a private directory"):
        server_name(deep)


def test_a_primary_killed_leaves_nothing_in_the_temp_directory(tmp_path: Path) -> None:
    import tempfile

    before = set(os.listdir(tempfile.gettempdir()))
    home = tmp_path / "profile"
    stub = [sys.executable, str(ROOT / "tests/qt/primary_stub.py"), str(home / "data"),
            CLIENT_ID]
    first = subprocess.Popen(stub, stdout=subprocess.PIPE, text=True, env=app_env(home))
    assert first.stdout is not None and first.stdout.readline().startswith("listening")
    first.send_signal(signal.SIGKILL)
    first.wait(10)
    temp = Path(tempfile.gettempdir())
    left = {n for n in set(os.listdir(temp)) - before if (temp / n).is_socket()}
    assert not left, left
    assert (home / "data" / "primary.sock").is_socket()  # the stale one, in the profile


def test_only_this_users_processes_may_hand_over() -> None:
    from desktop_app.qt._single_instance import peer_allowed

    assert peer_allowed(os.getuid())
    assert not peer_allowed(os.getuid() + 1)
    assert not peer_allowed(0 if os.getuid() else 65534)


@pytest.mark.skipif(sys.platform != "linux", reason="SO_PEERCRED is Linux's")
def test_the_peer_uid_is_read_from_the_socket_and_the_socket_stays_open() -> None:
    import socket

    from desktop_app.qt._single_instance import peer_uid

    ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
    with ours, theirs:
        assert peer_uid(ours.fileno()) == os.getuid()
        theirs.sendall(b"still open\n")  # the duplicate was closed, not the descriptor
        assert ours.recv(64) == b"still open\n"


# Connects as another user would: the effective uid (what SO_PEERCRED reports) is nobody's,
# the file-system uid stays root's so the private directory and socket can still be entered.
FOREIGN_CLIENT = """
import ctypes, json, os, socket, sys
os.seteuid(65534)
if ctypes.CDLL(None, use_errno=True).setfsuid(0) == -1:
    sys.exit("setfsuid failed")
with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
    s.connect(sys.argv[1])
    s.sendall(json.dumps({"v": 1, "url": sys.argv[2]}).encode() + b"\\n")
    answer = b""
    while b"\\n" not in answer:
        chunk = s.recv(64)
        if not chunk:
            break
        answer += chunk
print(answer.decode().strip(), os.geteuid())
"""


@pytest.mark.skipif(sys.platform != "linux" or os.geteuid() != 0,
                    reason="needs root to connect as another uid")
def test_a_process_of_another_user_is_refused(qtbot: Any, tmp_path: Path,
                                              caplog: pytest.LogCaptureFixture) -> None:
    from desktop_app.qt import SingleInstance

    delivered: list[str] = []
    instance = SingleInstance(tmp_path / "data", lambda url: bool(delivered.append(url) or True))  # type: ignore[func-returns-value]
    assert instance.listen()
    try:
        url = f"{SCHEME}:/callback?state=s&code=SECRETCODE"
        client = subprocess.Popen([sys.executable, "-c", FOREIGN_CLIENT, instance.name, url],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        qtbot.waitUntil(lambda: client.poll() is not None, timeout=20_000)
        out, err = client.communicate()
        assert out.split() == ["rejected", "65534"], out + err
        assert delivered == []
        refused = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
        assert any("65534" in m for m in refused), refused
        assert not any("SECRETCODE" in m for m in refused)
    finally:
        instance.close()
