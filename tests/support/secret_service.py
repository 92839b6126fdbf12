"""A private Secret Service for tests: its own D-Bus session bus and an unlocked gnome-keyring."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring
import keyring.core

from tests.support.processes import stop_process

MASTER_PASSWORD = b"pw"


class SecretServiceUnavailableError(RuntimeError):
    pass


_SERVICE = "/org/freedesktop/secrets"
_INTERNAL = "org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface"
_COLLECTION_LABEL = "org.freedesktop.Secret.Collection.Label"


def _master_secret(bus: Any) -> tuple[Any, ...]:
    from secretstorage.util import format_secret, open_session

    return tuple(format_secret(open_session(bus), MASTER_PASSWORD, "text/plain"))


def _call(bus: Any, interface: str, method: str, signature: str, body: tuple[Any, ...]) -> Any:
    import jeepney

    address = jeepney.DBusAddress(_SERVICE, bus_name="org.freedesktop.secrets",
                                  interface=interface)
    reply = bus.send_and_get_reply(jeepney.new_method_call(address, method, signature, body))
    return jeepney.wrappers.unwrap_msg(reply)  # the body; raises on a D-Bus error


def _ensure_login_collection(bus: Any) -> str:
    """Make sure the default collection exists and is unlocked, without a prompt; return
    what had to be done ("" when nothing). gnome-keyring normally creates and unlocks it from
    the password on stdin, but has been seen on a loaded CI machine without one, and with it
    locked, and there is no prompter on a private bus to fix either."""
    import secretstorage
    from secretstorage.exceptions import ItemNotFoundException

    try:
        collection = secretstorage.Collection(bus, secretstorage.collection.DEFAULT_COLLECTION)
    except ItemNotFoundException:
        (path,) = _call(bus, _INTERNAL, "CreateWithMasterPassword", "a{sv}(oayays)",
                        ({_COLLECTION_LABEL: ("s", "login")}, _master_secret(bus)))
        _call(bus, "org.freedesktop.Secret.Service", "SetAlias", "so", ("default", path))
        return "created"
    if collection.is_locked():
        _call(bus, _INTERNAL, "UnlockWithMasterPassword", "o(oayays)",
              (collection.collection_path, _master_secret(bus)))
        return "unlocked"
    return ""


class SecretService:
    """A running private Secret Service. Holds its bus address, home, the environment a child
    process needs, and a watchdog that undoes locks nobody asked for (see `_watch`)."""

    def __init__(self, bus_address: str, home: Path, env: dict[str, str]) -> None:
        self.bus_address = bus_address
        self.home = home
        self.env = env  # what a child process needs to reach this keychain
        self.unexpected_locks = 0
        self._locked_on_purpose = threading.Event()
        self._stop = threading.Event()
        self._watchdog = threading.Thread(target=self._watch, daemon=True,
                                          name="secret-service-watchdog")
        self._watchdog.start()

    def lock(self) -> None:
        """Lock the default collection, as the desktop does when the screen locks."""
        import secretstorage

        self._locked_on_purpose.set()
        with contextlib.closing(secretstorage.dbus_init()) as bus:
            secretstorage.get_default_collection(bus).lock()

    def unlock(self) -> None:
        """Unlock it again with the master password, without a prompt (gnome-keyring's
        internal interface; the real desktop asks the person)."""
        import secretstorage

        with contextlib.closing(secretstorage.dbus_init()) as bus:
            _ensure_login_collection(bus)
        self._locked_on_purpose.clear()

    def stop(self) -> None:
        self._stop.set()
        self._watchdog.join(5)

    def _watch(self) -> None:
        """gnome-keyring has locked its collection by itself while a test wrote many items on
        a loaded machine (nobody called Lock, and no prompter exists to unlock it). A desktop
        would ask the person; here the watchdog unlocks it within 50 ms unless a test locked
        it on purpose, and counts it. The app's own lock handling has its own tests."""
        import jeepney.io.blocking

        try:
            bus = jeepney.io.blocking.open_dbus_connection(self.bus_address)
        except Exception:
            return
        with contextlib.closing(bus):
            while not self._stop.wait(0.05):
                if self._locked_on_purpose.is_set():
                    continue
                try:
                    if _ensure_login_collection(bus):
                        self.unexpected_locks += 1
                        print(f"secret service: unexpected lock undone "
                              f"({self.unexpected_locks})", file=sys.stderr)
                except Exception:
                    continue  # the daemon going away at teardown


def _reset_keyring() -> None:
    # keyring caches the backend it picked; the environment just changed under it.
    keyring.core._keyring_backend = None


def _tail(path: Path) -> str:
    try:
        return " | ".join(path.read_text(errors="replace").splitlines()[-5:])[-600:]
    except OSError:
        return "-"


def _heal(address: str) -> None:
    import jeepney.io.blocking

    with contextlib.closing(jeepney.io.blocking.open_dbus_connection(address)) as bus:
        _ensure_login_collection(bus)


@contextlib.contextmanager
def running_secret_service() -> Iterator[SecretService]:
    for tool in ("dbus-daemon", "gnome-keyring-daemon"):
        if shutil.which(tool) is None:
            raise SecretServiceUnavailableError(f"{tool} is not installed")
    root = Path(tempfile.mkdtemp(prefix="desktop-app-keyring-"))
    home, runtime = root / "home", root / "run"
    home.mkdir()
    runtime.mkdir(mode=0o700)
    env = {
        "HOME": str(home),
        "XDG_RUNTIME_DIR": str(runtime),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_CACHE_HOME": str(home / ".cache"),
    }
    saved = {k: os.environ.get(k) for k in [*env, "DBUS_SESSION_BUS_ADDRESS"]}
    bus = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address=1",
         f"--address=unix:path={runtime}/bus"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env={**os.environ, **env},
    )
    keyring_daemon: subprocess.Popen[bytes] | None = None
    try:
        assert bus.stdout is not None
        address = bus.stdout.readline().decode().strip()
        if not address:
            raise SecretServiceUnavailableError("dbus-daemon printed no address")
        env["DBUS_SESSION_BUS_ADDRESS"] = address
        daemon_env = {**os.environ, **env}
        daemon_env.pop("GNOME_KEYRING_CONTROL", None)  # never join a keyring outside the test
        with (root / "daemon.log").open("wb") as daemon_log:
            keyring_daemon = subprocess.Popen(
                ["gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets"],
                stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=daemon_log,
                env=daemon_env,
            )
        assert keyring_daemon.stdin is not None
        keyring_daemon.stdin.write(MASTER_PASSWORD)
        keyring_daemon.stdin.close()
        os.environ.update(env)
        _reset_keyring()
        # Generous: with every CI worker starting servers at once, the daemon can be slow.
        started = time.monotonic()
        deadline = started + 45
        while True:
            try:
                if time.monotonic() - started > 2:  # the daemon had its chance to do it
                    _heal(address)
                keyring.set_password("desktop-app-fixture", "probe", "ok")
                keyring.delete_password("desktop-app-fixture", "probe")
                break
            except Exception as exc:
                if time.monotonic() > deadline or keyring_daemon.poll() is not None:
                    raise SecretServiceUnavailableError(
                        f"gnome-keyring did not come up (exit {keyring_daemon.poll()}, "
                        f"last error {type(exc).__name__}: {str(exc)[:200]}; daemon said: "
                        f"{_tail(root / 'daemon.log')})") from None
                time.sleep(0.1)
                _reset_keyring()
        service = SecretService(address, home, dict(env))
        try:
            yield service
        finally:
            service.stop()
    finally:
        for proc in (keyring_daemon, bus):
            if proc is not None:
                stop_process(proc)
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        _reset_keyring()
        shutil.rmtree(root, ignore_errors=True)
