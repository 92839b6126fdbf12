"""Registers the app as the OS handler of its private-use URI scheme (Linux, Windows, macOS)."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from ..sentences import QT_TR_NOOP
from ._errors import PlatformError

APP_NAME = "Desktop App"


class SchemeRegistrationError(PlatformError):
    default_message = QT_TR_NOOP("The app could not register itself to receive sign-in links.")


@dataclass(frozen=True)
class RegistrationResult:
    scheme: str
    where: str  # a path or registry key a person can look at
    changed: bool


def launcher_command(*, frozen: bool | None = None, executable: str | None = None,
                     windows: bool | None = None) -> list[str]:
    """How the OS should start this app with a URL appended."""
    frozen = bool(getattr(sys, "frozen", False)) if frozen is None else frozen
    executable = executable or sys.executable
    windows = (sys.platform == "win32") if windows is None else windows
    if frozen:  # PyInstaller bundle
        if windows:
            # The Windows bundle has a windowed desktop-app.exe and a console desktop-app-cli.exe;
            # links must open the windowed one even when the CLI ran register-scheme.
            gui = Path(executable).with_name("desktop-app.exe")
            if gui.exists():
                return [str(gui)]
        return [executable]
    script = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if script is not None and script.name == "desktop-app" and script.exists():
        return [str(script.resolve())]
    return [sys.executable, "-m", "desktop_app"]


# --- Linux (freedesktop) -------------------------------------------------------------------------

_EXEC_RESERVED = set(' \t\n"\'\\><~|&;$*?#()`')


def quote_exec_arg(arg: str) -> str:
    """Quote one argument for a desktop entry's Exec key (Desktop Entry spec, "The Exec key")."""
    arg = arg.replace("%", "%%")
    if arg and not any(c in _EXEC_RESERVED for c in arg):
        return arg
    escaped = "".join("\\" + c if c in '"`$\\' else c for c in arg)
    return f'"{escaped}"'


def escape_desktop_value(value: str) -> str:
    """Desktop files are key=value; a string value escapes backslashes (and controls)."""
    return value.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")


def desktop_entry(scheme: str, command: Sequence[str], *, listed: bool | None = None) -> str:
    """The entry that makes this app the scheme's handler. An installed package (frozen) is also
    listed in the application menu; a source checkout only handles links."""
    if listed is None:
        listed = bool(getattr(sys, "frozen", False))
    exec_line = " ".join(quote_exec_arg(a) for a in command) + " %u"
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        f"Name={APP_NAME}\n"
        "Comment=Receives sign-in links for Desktop App\n"
        f"Exec={escape_desktop_value(exec_line)}\n"
        "Terminal=false\n"
        "Icon=desktop-app\n"
        "Categories=Network;InstantMessaging;\n"
        f"NoDisplay={'false' if listed else 'true'}\n"
        f"MimeType=x-scheme-handler/{scheme};\n"
    )


def _data_home(env: dict[str, str]) -> Path:
    base = env.get("XDG_DATA_HOME") or str(Path(env.get("HOME", str(Path.home()))) / ".local/share")
    return Path(base)


class LinuxScheme:
    """Desktop entry + `xdg-mime default` + `update-desktop-database`, in the user's dirs only."""

    def __init__(self, env: dict[str, str] | None = None) -> None:
        self.env = dict(os.environ if env is None else env)

    def entry_path(self, scheme: str) -> Path:
        return _data_home(self.env) / "applications" / self.entry_name(scheme)

    @staticmethod
    def entry_name(scheme: str) -> str:
        return f"desktop-app-{scheme}.desktop"

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        if shutil.which(args[0], path=self.env.get("PATH")) is None:
            raise SchemeRegistrationError(f"{args[0]} is not installed (Debian: xdg-utils)")
        return subprocess.run(  # noqa: S603 - fixed tools, arguments we built
            list(args), env=self.env, capture_output=True, text=True, timeout=30, check=False
        )

    def status(self, scheme: str) -> bool:
        try:
            result = self._run("xdg-mime", "query", "default", f"x-scheme-handler/{scheme}")
        except SchemeRegistrationError:
            return False
        return (
            result.stdout.strip() == self.entry_name(scheme)
            and self.entry_path(scheme).exists()
        )

    def shim_path(self, scheme: str) -> Path:
        return _data_home(self.env) / "desktop-app" / f"open-{scheme}"

    def _exec_command(self, scheme: str, command: Sequence[str]) -> list[str]:
        """xdg-open 1.1.3 takes the Exec key's first word without unquoting, so a launcher path
        with spaces would never start. Then the entry runs a space-free shim script instead."""
        if not any(c in _EXEC_RESERVED for part in command for c in part):
            return list(command)
        shim = self.shim_path(scheme)
        if any(c in _EXEC_RESERVED for c in str(shim)):
            return list(command)  # nowhere space-free to put it: rely on spec quoting
        shim.parent.mkdir(parents=True, exist_ok=True)
        quoted = " ".join(shlex.quote(part) for part in command)
        shim.write_text(f'#!/bin/sh\nexec {quoted} "$@"\n', encoding="utf-8")
        shim.chmod(0o755)
        return [str(shim)]

    def register(self, scheme: str, command: Sequence[str]) -> RegistrationResult:
        path = self.entry_path(scheme)
        content = desktop_entry(scheme, self._exec_command(scheme, command))
        changed = not path.exists() or path.read_text(encoding="utf-8") != content
        if changed:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp")
            tmp.write_text(content, encoding="utf-8")
            os.replace(tmp, path)
        if changed or not self.status(scheme):
            result = self._run("xdg-mime", "default", path.name, f"x-scheme-handler/{scheme}")
            if result.returncode != 0:
                raise SchemeRegistrationError(f"xdg-mime failed: {result.stderr.strip()[:200]}")
            self._update_database(path.parent)
        return RegistrationResult(scheme, str(path), changed)

    def unregister(self, scheme: str) -> RegistrationResult:
        path = self.entry_path(scheme)
        existed = path.exists()
        path.unlink(missing_ok=True)
        self.shim_path(scheme).unlink(missing_ok=True)
        self._forget_association(scheme, path.name)
        self._update_database(path.parent)
        return RegistrationResult(scheme, str(path), existed)

    def _update_database(self, directory: Path) -> None:
        tool = shutil.which("update-desktop-database", path=self.env.get("PATH"))
        if tool and directory.exists():
            self._run("update-desktop-database", str(directory))

    def _forget_association(self, scheme: str, entry: str) -> None:
        home = Path(self.env.get("HOME", str(Path.home())))
        config = Path(self.env.get("XDG_CONFIG_HOME") or home / ".config")
        mimeapps = config / "mimeapps.list"
        if not mimeapps.exists():
            return
        key = f"x-scheme-handler/{scheme}="
        lines = mimeapps.read_text(encoding="utf-8").splitlines()
        kept = []
        for line in lines:
            if line.startswith(key):
                values = [v for v in line[len(key):].split(";") if v and v != entry]
                if not values:
                    continue
                line = key + ";".join(values) + ";"
            kept.append(line)
        mimeapps.write_text("\n".join(kept) + "\n", encoding="utf-8")


# --- Windows -------------------------------------------------------------------------------------


class RegistryBackend(Protocol):
    """The few `winreg` operations we need, under HKEY_CURRENT_USER."""

    def set_value(self, key: str, name: str, value: str) -> None: ...

    def get_value(self, key: str, name: str) -> str | None: ...

    def delete_tree(self, key: str) -> None: ...


class WinregBackend:  # pragma: no cover - exercised on Windows only
    def __init__(self) -> None:
        import winreg  # type: ignore[import-not-found,unused-ignore]

        self._winreg: Any = winreg

    def set_value(self, key: str, name: str, value: str) -> None:
        w = self._winreg
        with w.CreateKeyEx(w.HKEY_CURRENT_USER, key, 0, w.KEY_WRITE) as handle:
            w.SetValueEx(handle, name, 0, w.REG_SZ, value)

    def get_value(self, key: str, name: str) -> str | None:
        w = self._winreg
        try:
            with w.OpenKey(w.HKEY_CURRENT_USER, key) as handle:
                return str(w.QueryValueEx(handle, name)[0])
        except OSError:
            return None

    def delete_tree(self, key: str) -> None:
        w = self._winreg
        try:
            w.DeleteTree(w.HKEY_CURRENT_USER, key)
            w.DeleteKey(w.HKEY_CURRENT_USER, key)
        except OSError:
            pass


def windows_command_line(command: Sequence[str]) -> str:
    """`"<exe>" "<arg>" … "%1"`: every part quoted so paths with spaces survive."""
    return " ".join(f'"{part}"' for part in [*command, "%1"])


class WindowsScheme:
    def __init__(self, registry: RegistryBackend) -> None:
        self.registry = registry

    @staticmethod
    def key(scheme: str) -> str:
        return f"Software\\Classes\\{scheme}"

    def status(self, scheme: str) -> bool:
        return self.registry.get_value(self.key(scheme), "URL Protocol") is not None

    def register(self, scheme: str, command: Sequence[str]) -> RegistrationResult:
        key = self.key(scheme)
        wanted = windows_command_line(command)
        changed = self.registry.get_value(f"{key}\\shell\\open\\command", "") != wanted
        self.registry.set_value(key, "", f"URL:{APP_NAME}")
        self.registry.set_value(key, "URL Protocol", "")
        self.registry.set_value(f"{key}\\shell\\open\\command", "", wanted)
        return RegistrationResult(scheme, f"HKEY_CURRENT_USER\\{key}", changed)

    def unregister(self, scheme: str) -> RegistrationResult:
        existed = self.status(scheme)
        self.registry.delete_tree(self.key(scheme))
        return RegistrationResult(scheme, f"HKEY_CURRENT_USER\\{self.key(scheme)}", existed)


# --- macOS ---------------------------------------------------------------------------------------


def macos_url_types(scheme: str) -> list[dict[str, Any]]:
    """`CFBundleURLTypes` for the app bundle's Info.plist (written by packaging)."""
    return [{"CFBundleURLName": scheme, "CFBundleURLSchemes": [scheme]}]


class MacOSScheme:
    """On macOS the bundle's Info.plist registers the scheme; QFileOpenEvent delivers URLs."""

    def status(self, scheme: str) -> bool:
        return bool(getattr(sys, "frozen", False))

    def register(self, scheme: str, command: Sequence[str]) -> RegistrationResult:
        return RegistrationResult(scheme, "the app bundle's Info.plist (CFBundleURLTypes)", False)

    def unregister(self, scheme: str) -> RegistrationResult:
        return RegistrationResult(scheme, "the app bundle's Info.plist (CFBundleURLTypes)", False)


class SchemeRegistrar(Protocol):
    def status(self, scheme: str) -> bool: ...

    def register(self, scheme: str, command: Sequence[str]) -> RegistrationResult: ...

    def unregister(self, scheme: str) -> RegistrationResult: ...


def ensure_registered(
    scheme: str | None, registrar: SchemeRegistrar | None = None
) -> RegistrationResult | None:
    """First-run registration for a discoverable client; None when nothing had to be done."""
    if scheme is None:
        return None
    registrar = registrar or registrar_for_platform()
    if registrar.status(scheme):
        return None
    return registrar.register(scheme, launcher_command())


def registrar_for_platform() -> SchemeRegistrar:
    if sys.platform == "win32":  # pragma: no cover
        return WindowsScheme(WinregBackend())
    if sys.platform == "darwin":  # pragma: no cover
        return MacOSScheme()
    return LinuxScheme()
