"""The desktop app: one primary process on a qasync loop, the window, and a clean exit."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sys
import time
from collections.abc import Callable, Sequence

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox, QSystemTrayIcon

from ..atproto.agent import fetch_media
from ..atproto.errors import AtprotoError
from ..logging_setup import configure_logging
from ..platform.keychain import KeyringSessionStore, KeyringStateStore
from ..platform.scheme import ensure_registered
from ..platform.signin_flow import CallbackInbox
from ..platform.single_instance import FileOpenFilter, SingleInstance
from ..qtloop import AppEventLoop
from ..services import client_config, make_core, make_oauth_client
from ..settings import Settings
from .controller import AppController, handle_problem, provider_problem
from .images import ImageCache
from .main_window import MainWindow
from .signin_page import SignInPage

log = logging.getLogger(__name__)


def desktop_notifier(window: MainWindow) -> Callable[[str, str], None] | None:
    """A system-tray notification when the desktop has a tray; the banner covers the rest."""
    if not QSystemTrayIcon.isSystemTrayAvailable():
        return None
    tray = QSystemTrayIcon(window.windowIcon(), window)
    tray.setToolTip("Desktop App")
    tray.show()

    def notify(title: str, text: str) -> None:
        tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 15_000)

    return notify


def run(argv: Sequence[str] | None = None) -> int:
    started = time.monotonic()
    settings = Settings.load()
    configure_logging(settings.paths.logs)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(
        list(argv or sys.argv[:1]))
    app.setApplicationName("Desktop App")
    loop = AppEventLoop(app)
    asyncio.set_event_loop(loop)
    config = client_config(settings)

    instance = SingleInstance(settings.paths.data, accept=config.is_callback_url)
    if not instance.listen():
        print("desktop-app: the app is already running", file=sys.stderr)
        return 0
    inbox: CallbackInbox | None = None
    if config.scheme is not None:
        inbox = CallbackInbox()
        instance.url_received.connect(inbox.deliver)
        file_open = FileOpenFilter(app)
        file_open.url_received.connect(inbox.deliver)
        app.installEventFilter(file_open)

    core = make_core(settings)
    client = make_oauth_client(settings, core, sessions=KeyringSessionStore(settings.paths.data),
                               states=KeyringStateStore(settings.paths.data))
    page = SignInPage(handle_problem, provider_problem)
    images = ImageCache(lambda url: fetch_media(core.http, core.policy, url))
    window = MainWindow(page, QSettings(str(settings.paths.config / "window.ini"),
                                        QSettings.Format.IniFormat), images)
    window.timeline.first_page_painted.connect(lambda: log.info(
        "first timeline page painted %.3f s after start", time.monotonic() - started))
    controller = AppController(window, client, settings_extra=dict(settings.extra), inbox=inbox,
                               notify=desktop_notifier(window))
    try:
        registered = ensure_registered(config.scheme)
    except AtprotoError as exc:
        registered = None
        log.warning("scheme registration failed: %s", exc.detail)
    if registered is not None:
        window.statusBar().showMessage(
            f"Registered to receive sign-in links ({registered.scheme}:) in {registered.where}",
            15_000,
        )
    window.show()
    app.setQuitOnLastWindowClosed(True)
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):  # not on Windows
            loop.add_signal_handler(sig, app.quit)
    try:
        loop.run_until_complete(controller.start())
        log.info("app started with %d account(s)", len(controller.accounts))
        loop.run_forever()
    except AtprotoError as exc:
        QMessageBox.critical(window, "Desktop App", exc.message)
        return 1
    finally:
        loop.run_until_complete(controller.aclose())
        loop.run_until_complete(images.aclose())
        loop.run_until_complete(core.aclose())
        loop.run_until_complete(loop.shutdown_asyncgens())
        instance.close()
        loop.close()
        log.info("app quit cleanly")
    return 0
