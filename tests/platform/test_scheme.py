"""URI scheme registration: desktop entry (validated), xdg-mime association, routing, Windows."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop_app.platform import (
    LinuxScheme,
    WindowsScheme,
    desktop_entry,
    launcher_command,
    macos_url_types,
    quote_exec_arg,
    windows_command_line,
)
from tests.support.xvfb import XvfbUnavailableError, running_xvfb

SCHEME = "org.desktopapp.app"


def private_env(tmp_path: Path) -> dict[str, str]:
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    return {
        "PATH": os.environ["PATH"], "HOME": str(home),
        "XDG_DATA_HOME": str(home / ".local/share"), "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_DIRS": "/usr/share", "XDG_CONFIG_DIRS": "/etc/xdg",
    }


def need(tool: str) -> None:
    if shutil.which(tool) is None:
        if os.environ.get("CI"):
            pytest.fail(f"{tool} is required on CI")
        pytest.skip(f"{tool} is not installed")


@pytest.mark.parametrize(
    ("arg", "quoted"),
    [
        ("/usr/bin/desktop-app", "/usr/bin/desktop-app"),
        ("/opt/My App/desktop-app", '"/opt/My App/desktop-app"'),
        ("50%", "50%%"),
        ('say "hi"', '"say \\"hi\\""'),
        ("a$b`c\\d", '"a\\$b\\`c\\\\d"'),
    ],
)
def test_exec_quoting(arg: str, quoted: str) -> None:
    assert quote_exec_arg(arg) == quoted


def test_register_is_valid_idempotent_and_reversible(tmp_path: Path) -> None:
    need("xdg-mime")
    need("desktop-file-validate")
    env = private_env(tmp_path)
    linux = LinuxScheme(env)
    command = [str(tmp_path / "My App" / "desktop-app")]
    first = linux.register(SCHEME, command)
    assert first.changed and Path(first.where).exists()
    assert Path(first.where).parent == tmp_path / "home/.local/share/applications"
    validate = subprocess.run(["desktop-file-validate", first.where], capture_output=True,
                              text=True)
    assert validate.returncode == 0, validate.stdout + validate.stderr
    # A launcher path with a space runs through a space-free shim (xdg-open 1.1.3 can't unquote).
    shim = linux.shim_path(SCHEME)
    assert f"Exec={shim} %u" in Path(first.where).read_text()
    assert shlex.quote(command[0]) in shim.read_text()
    assert linux.status(SCHEME)
    before = sorted(p.name for p in (tmp_path / "home").rglob("*"))
    again = linux.register(SCHEME, command)
    assert not again.changed
    assert sorted(p.name for p in (tmp_path / "home").rglob("*")) == before
    removed = linux.unregister(SCHEME)
    assert removed.changed and not Path(first.where).exists() and not shim.exists()
    assert not linux.status(SCHEME)
    mimeapps = tmp_path / "home/.config/mimeapps.list"
    assert SCHEME not in (mimeapps.read_text() if mimeapps.exists() else "")


def test_xdg_open_routes_the_url_to_the_registered_command(tmp_path: Path) -> None:
    need("xdg-open")
    need("xdg-mime")
    env = private_env(tmp_path)
    received = tmp_path / "received.txt"
    handler = tmp_path / "handler dir" / "handler.sh"
    handler.parent.mkdir()
    handler.write_text(f'#!/bin/sh\nprintf "%s" "$1" > "{received}"\n')
    handler.chmod(0o755)
    LinuxScheme(env).register(SCHEME, [str(handler)])
    url = f"{SCHEME}:/callback?state=abc&code=xyz&iss=http%3A%2F%2Flocalhost"
    try:
        with running_xvfb() as display:
            started = time.monotonic()
            subprocess.run(["xdg-open", url], env={**env, "DISPLAY": display}, check=True,
                           timeout=30)
            elapsed = time.monotonic() - started
    except XvfbUnavailableError as exc:
        if os.environ.get("CI"):
            pytest.fail(str(exc))
        pytest.skip(str(exc))
    assert received.read_text() == url
    assert elapsed < 5


def test_launcher_command_runs_this_app() -> None:
    command = launcher_command()
    result = subprocess.run([*command, "--version"], capture_output=True, text=True, timeout=60,
                            env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])})
    assert result.returncode == 0 and result.stdout.startswith("desktop-app")
    assert sys.executable in command or Path(command[0]).name == "desktop-app"


def test_entry_names_the_scheme() -> None:
    text = desktop_entry(SCHEME, ["/x"])
    assert f"MimeType=x-scheme-handler/{SCHEME};" in text
    assert "NoDisplay=true" in text  # a source checkout only handles links
    assert "Icon=desktop-app\n" in text
    assert "NoDisplay=false" in desktop_entry(SCHEME, ["/x"], listed=True)


class FakeRegistry:
    def __init__(self) -> None:
        self.values: dict[tuple[str, str], str] = {}

    def set_value(self, key: str, name: str, value: str) -> None:
        self.values[(key, name)] = value

    def get_value(self, key: str, name: str) -> str | None:
        return self.values.get((key, name))

    def delete_tree(self, key: str) -> None:
        for k in [k for k in self.values if k[0] == key or k[0].startswith(key + "\\")]:
            del self.values[k]


def test_windows_registry_layout() -> None:
    registry = FakeRegistry()
    windows = WindowsScheme(registry)
    exe = r"C:\Program Files\Desktop App\desktop-app.exe"
    result = windows.register(SCHEME, [exe])
    key = rf"Software\Classes\{SCHEME}"
    assert result.where == rf"HKEY_CURRENT_USER\{key}"
    assert registry.values[(key, "")] == "URL:Desktop App"
    assert registry.values[(key, "URL Protocol")] == ""
    assert registry.values[(rf"{key}\shell\open\command", "")] == f'"{exe}" "%1"'
    assert windows.status(SCHEME)
    assert not windows.register(SCHEME, [exe]).changed
    windows.unregister(SCHEME)
    assert registry.values == {} and not windows.status(SCHEME)
    assert windows_command_line(["a b", "-m"]) == '"a b" "-m" "%1"'


def test_macos_url_types() -> None:
    assert macos_url_types(SCHEME) == [
        {"CFBundleURLName": SCHEME, "CFBundleURLSchemes": [SCHEME]}
    ]


def test_ensure_registered_only_once() -> None:
    from desktop_app.platform import ensure_registered

    registry = FakeRegistry()
    windows = WindowsScheme(registry)
    assert ensure_registered(None, windows) is None
    first = ensure_registered(SCHEME, windows)
    assert first is not None and "Software\\Classes" in first.where
    assert ensure_registered(SCHEME, windows) is None


def test_frozen_launcher_prefers_the_windowed_exe_on_windows(tmp_path: Path) -> None:
    from desktop_app.platform import launcher_command

    cli = tmp_path / "desktop-app-cli.exe"
    cli.write_text("")
    assert launcher_command(frozen=True, executable=str(cli), windows=True) == [str(cli)]
    (tmp_path / "desktop-app.exe").write_text("")
    assert launcher_command(frozen=True, executable=str(cli), windows=True) == [
        str(tmp_path / "desktop-app.exe")]
    linux = str(tmp_path / "desktop-app")
    assert launcher_command(frozen=True, executable=linux, windows=False) == [linux]
