"""Main window: the sign-in page, or a rail of places beside a content area with history."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QGuiApplication,
    QKeySequence,
    QMouseEvent,
    QShortcut,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ..atproto import NetworkError
from .banners import PermissionBanner, RenewalBanner
from .composer import Composer
from .images import ImageCache
from .navigation import Navigator, Rail
from .notifications_view import NotificationsView
from .profile_view import ProfileView
from .search_view import SearchView
from .signin_page import SignInPage
from .status_panel import StatusPanel
from .timeline_model import TimelineModel
from .timeline_view import TimelineView


async def _no_media(url: str) -> bytes:
    raise NetworkError("no image loader configured")


class MainWindow(QMainWindow):
    """The sign-in page, or the rail and the content area with its history. Holds the widgets
    only: what they show comes from the adapters."""

    add_account_requested = Signal()
    compose_requested = Signal()  # n

    def __init__(self, sign_in_page: SignInPage, settings: QSettings,
                 images: ImageCache | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle("Desktop App")
        self._settings = settings
        self.sign_in_page = sign_in_page
        self.status_panel = StatusPanel()
        self.banner = RenewalBanner()
        self.permission_banner = PermissionBanner()
        self.images = images or ImageCache(_no_media)
        self.timeline = TimelineView(TimelineModel(), self.images)
        self.composer = Composer()
        self.home = QWidget()
        self.home.setObjectName("homePage")
        home_layout = QVBoxLayout(self.home)
        home_layout.setContentsMargins(0, 0, 0, 0)
        home_layout.addWidget(self.composer)
        home_layout.addWidget(self.timeline, 1)
        self.notifications = NotificationsView(self.images)
        self.search = SearchView(self.images, None)
        self.profile = ProfileView(self.images, None)

        self.rail = Rail()
        self.content = QStackedWidget()
        self.content.setObjectName("content")
        self.navigator = Navigator(self.content)
        for name, widget in (("home", self.home), ("notifications", self.notifications),
                             ("search", self.search), ("profile", self.profile),
                             ("accounts", self.status_panel)):
            self.navigator.add_place(name, widget)
        self.rail.place_requested.connect(self.go)
        self.navigator.changed.connect(lambda: self.rail.mark(
            self.navigator.place_of(self.navigator.current)))
        shell = QWidget()
        shell_layout = QHBoxLayout(shell)
        shell_layout.setContentsMargins(0, 0, 0, 0)
        shell_layout.addWidget(self.rail)
        shell_layout.addWidget(self.content, 1)

        self.pages = QStackedWidget()
        self.pages.addWidget(self.sign_in_page)
        self.pages.addWidget(shell)
        self._shell = shell

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.banner)
        layout.addWidget(self.permission_banner)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self._menus()
        self._shortcuts()
        app = QGuiApplication.instance()
        if app is not None:
            app.installEventFilter(self)  # the mouse's back and forward buttons

        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(720, 760)

    def _menus(self) -> None:
        menu = self.menuBar().addMenu("&Accounts")
        self.add_account_action = QAction("&Add account…", self)
        self.add_account_action.setShortcut(QKeySequence.StandardKey.New)
        self.add_account_action.triggered.connect(self.add_account_requested)
        menu.addAction(self.add_account_action)
        self.show_home_action = QAction("&Home timeline", self)
        self.show_home_action.setShortcut(QKeySequence("Ctrl+1"))
        self.show_home_action.triggered.connect(self.show_home)
        menu.addAction(self.show_home_action)
        self.show_accounts_action = QAction("Show &accounts", self)
        self.show_accounts_action.setShortcut(QKeySequence("Ctrl+2"))
        self.show_accounts_action.triggered.connect(self.show_accounts)
        menu.addAction(self.show_accounts_action)
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        menu.addAction(quit_action)

    def _shortcuts(self) -> None:
        def add(keys: str | QKeySequence.StandardKey, slot: Callable[[], object]) -> None:
            shortcut = QShortcut(QKeySequence(keys), self._shell)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

        for keys, slot in (("Alt+Left", self.back), ("Alt+Right", self.forward)):
            add(keys, slot)
        # The platform's own Back/Forward keys, where they differ (Cmd+[ on macOS).
        for standard, slot in ((QKeySequence.StandardKey.Back, self.back),
                               (QKeySequence.StandardKey.Forward, self.forward)):
            if QKeySequence(standard).toString() not in {"Alt+Left", "Alt+Right"}:
                add(standard, slot)
        add("Escape", self.back)
        add("Ctrl+F", lambda: self.go("search"))
        add("N", self.compose_requested.emit)

    # --- intents ---------------------------------------------------------------------------------

    def go(self, place: str) -> None:
        self.pages.setCurrentWidget(self._shell)
        self.navigator.go(place)
        if place == "search":
            self.search.focus_query()
        elif self.navigator.current is not None:
            # The keyboard follows the reader to the place shown (its shortcuts work at once).
            self.navigator.current.setFocus()

    def push(self, view: QWidget) -> None:
        self.pages.setCurrentWidget(self._shell)
        self.navigator.push(view)
        view.setFocus()

    def back(self) -> None:
        self.navigator.back()

    def forward(self) -> None:
        self.navigator.forward()

    def current_page(self) -> QWidget | None:
        """What the window shows: the sign-in page, or the current view of the content."""
        if self.pages.currentWidget() is self.sign_in_page:
            return self.sign_in_page
        return self.navigator.current

    def show_sign_in(self) -> None:
        self.pages.setCurrentWidget(self.sign_in_page)

    def show_add_account(self) -> None:
        """The sign-in page, empty, for another account."""
        self.sign_in_page.prefill("")
        self.sign_in_page.show_form()
        self.show_sign_in()

    def show_message(self, text: str) -> None:
        """A plain sentence in the status bar for a few seconds."""
        self.statusBar().showMessage(text, 8000)

    def show_home(self) -> None:
        self.go("home")

    def show_accounts(self) -> None:
        self.go("accounts")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent) \
                and self.isActiveWindow():
            if event.button() == Qt.MouseButton.BackButton:
                self.back()
                return True
            if event.button() == Qt.MouseButton.ForwardButton:
                self.forward()
                return True
        return super().eventFilter(watched, event)

    def closeEvent(self, event: QCloseEvent) -> None:
        app = QGuiApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self._settings.setValue("window/geometry", self.saveGeometry())
        self._settings.sync()
        super().closeEvent(event)
