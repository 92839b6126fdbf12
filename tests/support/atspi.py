"""A private AT-SPI accessibility bus for tests, and a screen reader's view of an app over it.

What a Linux desktop session does for screen readers, on the test's own session bus (the
private one `running_secret_service` starts) and X display:

- `at-spi-bus-launcher` (Debian's at-spi2-core) owns `org.a11y.Bus` on the session bus and
  starts the accessibility bus, a `dbus-daemon` of its own (its socket in the session's
  `XDG_RUNTIME_DIR`); it also names that bus on the X root window (`AT_SPI_BUS`);
- `at-spi2-registryd` joins it as `org.a11y.atspi.Registry` (the desktop that lists the
  applications), started here rather than activated by that bus, so the test owns and stops it;
- a Qt app on the `xcb` platform (`offscreen` has no accessibility bridge) with
  `QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1` (`APP_ENV`) finds `org.a11y.Bus`, connects and registers;
- the reader: `tests/support/atspi_walk.py`, run by the system Python, where Debian's
  `python3-pyatspi` lives (it has no wheel for the venv), prints the app's tree as JSON.

Nothing listens on a network port; everything is stopped (and its process group killed) on the
way out.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.support.processes import stop_process

SYSTEM_PYTHON = "/usr/bin/python3"
LAUNCHER = "/usr/libexec/at-spi-bus-launcher"
REGISTRY = "/usr/libexec/at-spi2-registryd"
WALKER = Path(__file__).with_name("atspi_walk.py")
# What the app's environment needs for Qt to expose it (with QT_QPA_PLATFORM=xcb).
APP_ENV = {"QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1"}


class AtSpiUnavailableError(RuntimeError):
    pass


@dataclass(frozen=True)
class Node:
    """One accessible object as a screen reader reads it: its role ("push button", "list
    item", …), name, description, states ("focusable", "showing", …), the names of the
    labels it is labelled by, and children; `error` when it could not be read."""

    role: str
    name: str
    description: str
    states: frozenset[str]
    children: tuple[Node, ...]
    error: str = ""
    labelled_by: tuple[str, ...] = ()

    @classmethod
    def parse(cls, data: Mapping[str, Any]) -> Node:
        return cls(role=str(data.get("role", "")), name=str(data.get("name", "")),
                   description=str(data.get("description", "")),
                   states=frozenset(data.get("states", ())),
                   children=tuple(cls.parse(c) for c in data.get("children", ())),
                   error=str(data.get("error", "")),
                   labelled_by=tuple(str(n) for n in data.get("labelled_by", ())))

    @property
    def focusable(self) -> bool:
        return "focusable" in self.states

    @property
    def showing(self) -> bool:
        return "showing" in self.states

    def walk(self, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Node]]:
        """Every node under this one (this one first), each with its path from here
        (`role 'name'` steps), for messages."""
        here = (*path, f"{self.role} {self.name[:40]!r}")
        yield here, self
        for child in self.children:
            yield from child.walk(here)

    def find(self, role: str, name: str) -> Node | None:
        """The first node with this role and exactly this name."""
        return next((n for _, n in self.walk() if n.role == role and n.name == name), None)


@dataclass(frozen=True)
class AtSpiBus:
    """A running accessibility bus: its address, and the environment (session bus, display)
    an assistive technology needs to reach it."""

    address: str
    env: dict[str, str]

    def hearing(self, pid: int, text: str, *, timeout: float = 30) -> Hearing:
        """Start listening for `text` announced by the application with process id `pid`."""
        return Hearing(self, pid, text, timeout)

    def walk(self, pid: int, *, timeout: float = 30, save: Path | None = None) -> Node:
        """The accessible tree of the application with process id `pid`, read now (its JSON
        also written to `save`)."""
        done = subprocess.run(
            [SYSTEM_PYTHON, str(WALKER), "--pid", str(pid), "--timeout", str(timeout)],
            env=self.env, capture_output=True, text=True, timeout=timeout + 120, check=False)
        if done.returncode != 0:
            raise AssertionError(f"the AT-SPI walk failed (exit {done.returncode}): "
                                 f"{done.stderr[-2000:]}")
        if save is not None:
            save.parent.mkdir(parents=True, exist_ok=True)
            save.write_text(done.stdout, encoding="utf-8")
        return Node.parse(json.loads(done.stdout))


class Hearing:
    """A screen reader's ear on one application: started before the action that should be
    announced, then `heard()` waits for the announcement."""

    def __init__(self, bus: AtSpiBus, pid: int, text: str, timeout: float) -> None:
        self.text = text
        self.timeout = timeout
        self.process = subprocess.Popen(
            [SYSTEM_PYTHON, str(WALKER), "--pid", str(pid), "--hear", text,
             "--timeout", str(timeout)],
            env=bus.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert self.process.stderr is not None
        ready = self.process.stderr.readline()  # registered: nothing said from now is missed
        assert "listening" in ready, ready

    def heard(self) -> list[str]:
        """Everything announced until `text` (or the timeout); fails when `text` wasn't."""
        out, err = self.process.communicate(timeout=self.timeout + 60)
        heard = [str(h) for h in json.loads(out or "{}").get("heard", [])]
        assert self.process.returncode == 0, (self.text, heard, err[-1500:])
        return heard


def _has_owner(address: str, name: str) -> bool:
    """Whether `name` is owned on the bus at `address` (asking never starts it)."""
    from jeepney.bus_messages import message_bus
    from jeepney.io.blocking import open_dbus_connection

    with contextlib.closing(open_dbus_connection(address)) as bus:
        reply = bus.send_and_get_reply(message_bus.NameHasOwner(name), timeout=5)
        return bool(reply.body[0])


def _a11y_address(session: str) -> str:
    from jeepney import DBusAddress, new_method_call
    from jeepney.io.blocking import open_dbus_connection
    from jeepney.wrappers import unwrap_msg

    where = DBusAddress("/org/a11y/bus", bus_name="org.a11y.Bus", interface="org.a11y.Bus")
    with contextlib.closing(open_dbus_connection(session)) as bus:
        reply = bus.send_and_get_reply(new_method_call(where, "GetAddress"), timeout=5)
        return str(unwrap_msg(reply)[0])


def _tail(path: Path) -> str:
    try:
        return " | ".join(path.read_text(errors="replace").splitlines()[-8:])[-1500:]
    except OSError:
        return "-"


def _wait(ready: Any, what: str, proc: subprocess.Popen[bytes], log: Path,
          timeout: float = 30) -> Any:
    """The first truthy `ready()`; `AtSpiUnavailableError` with what `proc` said when it
    exits first or `timeout` passes."""
    tool = log.stem
    deadline = time.monotonic() + timeout
    last = ""
    while True:
        try:
            value = ready()
            if value:
                return value
        except Exception as exc:
            last = f"{type(exc).__name__}: {exc}"
        if proc.poll() is not None:
            raise AtSpiUnavailableError(
                f"{what}: {tool} exited with {proc.returncode}; it said: {_tail(log)}")
        if time.monotonic() > deadline:
            raise AtSpiUnavailableError(
                f"{what}: not there after {timeout} s (last error {last or '-'}); "
                f"{tool} said: {_tail(log)}")
        time.sleep(0.05)


def _missing() -> str:
    for tool in (LAUNCHER, REGISTRY, SYSTEM_PYTHON):
        if not os.access(tool, os.X_OK):
            return f"{tool} is not installed (Debian: at-spi2-core, python3)"
    if shutil.which("dbus-daemon") is None:
        return "dbus-daemon is not installed"
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True,
                           text=True, timeout=60, check=False, env={"PATH": "/usr/bin:/bin"})
    if probe.returncode != 0:
        return (f"{SYSTEM_PYTHON} cannot import pyatspi (Debian: python3-pyatspi): "
                f"{probe.stderr.strip().splitlines()[-1:]}")
    return ""


def _stop(proc: subprocess.Popen[bytes]) -> None:
    """SIGTERM, then SIGKILL to whatever of its process group is left (the launcher's
    dbus-daemon, should the launcher not take it down)."""
    stop_process(proc, group=True)
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)


@contextlib.contextmanager
def running_atspi(session_env: Mapping[str, str], display: str) -> Iterator[AtSpiBus]:
    """An accessibility bus on the session bus `session_env` names (its
    `DBUS_SESSION_BUS_ADDRESS`, `XDG_RUNTIME_DIR`, `HOME`) for the X display `display`, with
    the registry on it. `AtSpiUnavailableError` says exactly what is missing or failed."""
    reason = _missing()
    if reason:
        raise AtSpiUnavailableError(reason)
    session = session_env["DBUS_SESSION_BUS_ADDRESS"]
    if _has_owner(session, "org.a11y.Bus"):
        raise AtSpiUnavailableError("org.a11y.Bus is already owned on this session bus")
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8",
        **{k: v for k, v in session_env.items()
           if k in ("DBUS_SESSION_BUS_ADDRESS", "XDG_RUNTIME_DIR", "HOME")},
        "DISPLAY": display,
        "GSETTINGS_BACKEND": "memory",  # no dconf service started to read a setting
    }
    logs = Path(tempfile.mkdtemp(prefix="desktop-app-atspi-"))
    started: list[subprocess.Popen[bytes]] = []
    try:
        with (logs / "at-spi-bus-launcher.log").open("wb") as out:
            launcher = subprocess.Popen(
                [LAUNCHER, "--launch-immediately", "--a11y=1", "--screen-reader=1"],
                env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
                start_new_session=True)
        started.append(launcher)
        _wait(lambda: _has_owner(session, "org.a11y.Bus"), "org.a11y.Bus on the session bus",
              launcher, logs / "at-spi-bus-launcher.log")
        address = _wait(lambda: _a11y_address(session), "the accessibility bus's address",
                        launcher, logs / "at-spi-bus-launcher.log")
        with (logs / "at-spi2-registryd.log").open("wb") as out:
            registry = subprocess.Popen(
                [REGISTRY], env=env, stdin=subprocess.DEVNULL, stdout=out,
                stderr=subprocess.STDOUT, start_new_session=True)
        started.append(registry)
        _wait(lambda: _has_owner(address, "org.a11y.atspi.Registry"),
              "org.a11y.atspi.Registry on the accessibility bus", registry,
              logs / "at-spi2-registryd.log")
        yield AtSpiBus(address, env)
    finally:
        for proc in reversed(started):
            _stop(proc)
        shutil.rmtree(logs, ignore_errors=True)
