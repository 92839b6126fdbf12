"""The desktop app: one primary process on a qasync loop, the window, and a clean exit."""

from __future__ import annotations

import asyncio
import logging
import sys
import time
from collections.abc import Callable, Sequence

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from ...app import Services, tune_allocator, warm_keychain
from ...errors import AppError
from ...logging_setup import configure_logging
from ...qt import AppEventLoop, FileOpenFilter, Lifecycle, SingleInstance
from ...settings import Settings
from ..accounts import SignInPage
from ..lang import install_language, tr
from ..look import Appearance, choice_of
from ..posts import ImageCache
from ._controller import AppController
from ._main_window import MainWindow

log = logging.getLogger(__name__)


def desktop_tray(window: MainWindow) -> QSystemTrayIcon | None:
    """The system-tray icon whose messages are the desktop notifications (None without a
    tray: the banner and the unread badge cover that case)."""
    if not QSystemTrayIcon.isSystemTrayAvailable():
        return None
    tray = QSystemTrayIcon(window.windowIcon(), window)
    tray.setToolTip(tr("Desktop App", "the app's name"))
    tray.show()
    return tray


def tray_notify(tray: QSystemTrayIcon) -> Callable[[str, str], None]:
    def notify(title: str, text: str) -> None:
        tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 15_000)

    return notify


def run(argv: Sequence[str] | None = None) -> int:
    """The window app: everything is built before the loop runs, everything that awaits runs
    inside it (see `Lifecycle`), and the loop closes only after every part has stopped."""
    started = time.monotonic()
    tune_allocator()
    warm_keychain()  # found in the background while the window is built
    settings = Settings.load()
    configure_logging(settings.paths.logs)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(
        list(argv or sys.argv[:1]))
    app.setApplicationName("Desktop App")
    install_language(app, settings.extra.get("language"))  # before any widget says a word
    Appearance(app, choice_of(settings.extra.get("theme")))
    loop = AppEventLoop(app)
    asyncio.set_event_loop(loop)
    services = Services.open(settings)
    instance = _receive_redirects(app, services)
    if instance is None:
        loop.run_until_complete(services.aclose())
        loop.close()
        print("desktop-app: the app is already running", file=sys.stderr)
        return 0
    window, images = _build_window(services, started)
    tray = desktop_tray(window)
    controller = AppController(window, services.accounts,
                               notify=tray_notify(tray) if tray is not None else None,
                               notification_clicked=tray.messageClicked if tray else None)
    _register_scheme(window, services)
    services.choose_redirects(receive=lambda: True)  # this process is the primary
    life = Lifecycle(app, loop)

    async def start() -> None:
        await controller.start()
        log.info("app started with %d account(s)", len(services.accounts.snapshots()))

    async def stop() -> None:
        # Outside input first (hand-offs, clicks, paints), then what it could have started.
        instance.close()
        window.hide()
        if tray is not None:
            tray.hide()
        await controller.aclose()
        await images.aclose()
        await services.aclose()

    window.show()
    code = life.run(start, stop)
    log.info("app quit cleanly")
    return code


def _receive_redirects(app: QApplication, services: Services) -> SingleInstance | None:
    """Become the primary instance; redirects handed over (and macOS open-URL events) go to
    the open sign-in flows. None when another instance already runs."""
    instance = SingleInstance(services.settings.paths.data, services.flows.deliver)
    if not instance.listen():
        return None
    if services.client.config.scheme is not None:
        app.installEventFilter(FileOpenFilter(services.flows.deliver, app))
    return instance


def _build_window(services: Services, started: float) -> tuple[MainWindow, ImageCache]:
    settings = services.settings
    images = ImageCache(services.media)
    window = MainWindow(SignInPage(),
                        QSettings(str(settings.paths.config / "window.ini"),
                                  QSettings.Format.IniFormat), images)
    timeline = window.timeline

    def painted() -> None:
        # What is on screen, for whoever reads the log (support, the process tests): how soon,
        # how many posts, and which one is on top.
        model = timeline.model
        top = model.row(0).post if model.rowCount() else None
        log.info("first timeline page painted %.3f s after start: %d posts, top %s",
                 time.monotonic() - started, model.rowCount(), top.uri if top else "-")

    def kept() -> None:
        model = timeline.model
        log.info("kept timeline painted %.3f s after start: %d posts",
                 time.monotonic() - started, model.rowCount())

    timeline.first_page_painted.connect(painted)
    timeline.kept_page_painted.connect(kept)
    return window, images


def _register_scheme(window: MainWindow, services: Services) -> None:
    try:
        registered = services.register_scheme()
    except AppError as exc:
        log.warning("scheme registration failed: %s", exc.detail)
        return
    if registered is not None:
        window.show_message(tr("Registered to receive sign-in links ({scheme}:) in {where}")
                            .format(scheme=registered.scheme, where=registered.where))
