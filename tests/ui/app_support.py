"""Builds the app's real parts (settings, core, keychain-backed client, window) for UI tests."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from desktop_app.atproto.agent import fetch_media
from desktop_app.atproto.oauth import OAuthClient
from desktop_app.atproto.stores import StateStore
from desktop_app.platform.keychain import KeyringSessionStore, KeyringStateStore
from desktop_app.services import Core, make_core, make_oauth_client
from desktop_app.settings import Settings
from desktop_app.ui.controller import handle_problem, provider_problem
from desktop_app.ui.images import ImageCache
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.signin_page import SignInPage
from tests.e2e.harness import PdsNetwork


@dataclass
class AppParts:
    settings: Settings
    core: Core
    client: OAuthClient
    window: MainWindow


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
    window = MainWindow(SignInPage(handle_problem, provider_problem),
                        QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat),
                        images)
    qtbot.addWidget(window)
    return AppParts(settings, core, client, window)
