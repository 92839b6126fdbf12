"""Builds the app's real parts (settings, core, keychain-backed client, window) for UI tests."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desktop_app.app import (
    Accounts,
    Core,
    OpenBrowser,
    SignIn,
    SignInFlows,
    make_core,
    make_oauth_client,
)
from desktop_app.atproto import NetworkError
from desktop_app.atproto.oauth import OAuthClient, StateStore
from desktop_app.bsky import fetch_media
from desktop_app.platform import KeyringSessionStore, KeyringStateStore
from desktop_app.settings import Settings
from desktop_app.ui.accounts import Notify, SignInPage
from desktop_app.ui.posts import ImageCache
from desktop_app.ui.window import AppController, MainWindow
from tests.support.harness import PdsNetwork


async def _no_browser(url: str) -> None:
    await asyncio.sleep(0)


ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "app"


async def _offline(url: str) -> bytes:
    raise NetworkError("offline")


def offline_images() -> ImageCache:
    """An image cache whose every download fails as offline (placeholders are shown)."""
    return ImageCache(_offline)


def bare_window(qtbot: QtBot, tmp_path: Path) -> MainWindow:
    """The main window with no account (the sign-in page; every place empty), images offline,
    its own settings file under `tmp_path`; not shown yet."""
    window = MainWindow(SignInPage(), QSettings(str(tmp_path / "w.ini"),
                                                QSettings.Format.IniFormat), offline_images())
    qtbot.addWidget(window)
    return window


def shot(widget: QWidget, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / name
    assert widget.grab().save(str(path))
    return path


@dataclass
class AppParts:
    settings: Settings
    core: Core
    client: OAuthClient
    window: MainWindow

    def controller(
        self,
        open_browser: OpenBrowser = _no_browser,
        *,
        custom_scheme: bool = False,
        settings_extra: Mapping[str, Any] | None = None,
        clock: Callable[[], float] = time.time,
        tick: float | None = None,
        notify: Notify | None = None,
    ) -> AppController:
        """The window's controller on a fresh application layer, as `ui.app.run` wires it."""
        signin = SignIn(self.client, SignInFlows(self.client.config), open_browser=open_browser,
                        custom_scheme=custom_scheme)
        accounts = Accounts(self.client, signin, settings_extra=settings_extra,
                            data_dir=self.settings.paths.data, clock=clock)
        return AppController(self.window, accounts, notify=notify, tick=tick)


def build_app(
    net: PdsNetwork, tmp_path: Path, qtbot: QtBot, *, client_id: str | None = None,
    states: StateStore | None = None,
) -> AppParts:
    env = {
        "DESKTOP_APP_HOME": str(tmp_path / "profile"), "DESKTOP_APP_PLC_URL": net.plc_url,
        "DESKTOP_APP_HANDLE_RESOLVER": net.pds_url, "DESKTOP_APP_ALLOW_INSECURE_LOOPBACK": "1",
    }
    if client_id:
        env["DESKTOP_APP_CLIENT_ID"] = client_id
    settings = Settings.load(env)
    core = make_core(settings)
    client = make_oauth_client(
        settings, core, sessions=KeyringSessionStore(settings.paths.data),
        states=states or KeyringStateStore(settings.paths.data),
    )
    images = ImageCache(lambda url: fetch_media(core.http, core.policy, url))
    window = MainWindow(SignInPage(),
                        QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat),
                        images)
    qtbot.addWidget(window)
    return AppParts(settings, core, client, window)
