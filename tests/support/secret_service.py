"""A private Secret Service for tests: its own D-Bus session bus and an unlocked gnome-keyring."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import keyring
import keyring.core

MASTER_PASSWORD = b"pw"


class SecretServiceUnavailableError(RuntimeError):
    pass


@dataclass(frozen=True)
class SecretService:
    bus_address: str
    home: Path
    env: dict[str, str]  # what a child process needs to reach this keychain

    def lock(self) -> None:
        """Lock the default collection, as the desktop does when the screen locks."""
        import secretstorage

        with contextlib.closing(secretstorage.dbus_init()) as bus:
            secretstorage.get_default_collection(bus).lock()

    def unlock(self) -> None:
        """Unlock it again with the master password, without a prompt (gnome-keyring's
        internal interface; the real desktop asks the person)."""
        import jeepney
        import secretstorage
        from secretstorage.util import format_secret, open_session

        with contextlib.closing(secretstorage.dbus_init()) as bus:
            collection = secretstorage.get_default_collection(bus)
            secret = format_secret(open_session(bus), MASTER_PASSWORD, "text/plain")
            address = jeepney.DBusAddress(
                "/org/freedesktop/secrets", bus_name="org.freedesktop.secrets",
                interface="org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface")
            bus.send_and_get_reply(jeepney.new_method_call(
                address, "UnlockWithMasterPassword", "o(oayays)",
                (collection.collection_path, secret)))


def _reset_keyring() -> None:
    # keyring caches the backend it picked; the environment just changed under it.
    keyring.core._keyring_backend = None


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
        keyring_daemon = subprocess.Popen(
            ["gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets"],
            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            env={**os.environ, **env},
        )
        assert keyring_daemon.stdin is not None
        keyring_daemon.stdin.write(MASTER_PASSWORD)
        keyring_daemon.stdin.close()
        os.environ.update(env)
        _reset_keyring()
        # Generous: with every CI worker starting servers at once, the daemon can be slow.
        deadline = time.monotonic() + 45
        while True:
            try:
                keyring.set_password("desktop-app-fixture", "probe", "ok")
                keyring.delete_password("desktop-app-fixture", "probe")
                break
            except Exception as exc:
                if time.monotonic() > deadline or keyring_daemon.poll() is not None:
                    raise SecretServiceUnavailableError(
                        f"gnome-keyring did not come up (exit {keyring_daemon.poll()}, "
                        f"last error {type(exc).__name__}: {str(exc)[:200]})") from None
                time.sleep(0.1)
                _reset_keyring()
        yield SecretService(address, home, dict(env))
    finally:
        for proc in (keyring_daemon, bus):
            if proc is not None and proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
                try:
                    proc.wait(5)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        _reset_keyring()
        shutil.rmtree(root, ignore_errors=True)
