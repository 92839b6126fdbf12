"""Main window: the sign-in page, or a rail of places beside a content area with history."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QKeySequence,
    QMouseEvent,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ..accounts import PermissionBanner, RenewalBanner, SignInPage, StatusPanel
from ..compose import Composer, OutboxBar
from ..lang import announce, tr
from ..posts import ImageCache, PostListModel, PostListView
from ..screens import BookmarksView, HomeView, NotificationsView, ProfileView, SearchView
from ._keys import KeysDialog
from ._navigation import Closer, Navigator, Rail

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """The sign-in page, or the rail and the content area with its history. Holds the widgets
    only: what they show comes from the adapters."""

    compose_requested = Signal()  # n

    def __init__(self, sign_in_page: SignInPage, settings: QSettings,
                 images: ImageCache) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self._buttons_watched = False
        self.setWindowTitle(tr("Desktop App", "the app's name"))
        self._settings = settings
        zoom = settings.value("zoom", 1.0)
        with contextlib.suppress(TypeError, ValueError):  # a damaged window.ini: 100 %
            PostListView.zoom_all(float(str(zoom)))
        self.sign_in_page = sign_in_page
        self.status_panel = StatusPanel()
        self.banner = RenewalBanner()
        self.permission_banner = PermissionBanner()
        self.outbox_bar = OutboxBar()
        self.images = images
        self.home = HomeView(images)
        self.notifications = NotificationsView(self.images)
        self.search = SearchView(self.images, None)
        self.bookmarks = BookmarksView(self.images)
        self.profile = ProfileView(self.images, None)

        self.rail = Rail()
        self.content = QStackedWidget()
        self.content.setObjectName("content")
        self.navigator = Navigator(self.content)
        for name, widget in (("home", self.home), ("notifications", self.notifications),
                             ("search", self.search), ("bookmarks", self.bookmarks),
                             ("profile", self.profile),
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
        layout.addWidget(self.outbox_bar)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self._menus()
        self._shortcuts()

        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(720, 760)

    def _menus(self) -> None:
        menu = self.menuBar().addMenu(tr("&Accounts"))
        self.add_account_action = QAction(tr("&Add account…"), self)
        self.add_account_action.setShortcut(QKeySequence.StandardKey.New)
        self.add_account_action.triggered.connect(self.show_add_account)
        menu.addAction(self.add_account_action)
        self.show_home_action = QAction(tr("&Home timeline"), self)
        self.show_home_action.setShortcut(QKeySequence("Ctrl+1"))
        self.show_home_action.triggered.connect(self.show_home)
        menu.addAction(self.show_home_action)
        self.show_accounts_action = QAction(tr("Show &accounts"), self)
        self.show_accounts_action.setShortcut(QKeySequence("Ctrl+2"))
        self.show_accounts_action.triggered.connect(self.show_accounts)
        menu.addAction(self.show_accounts_action)
        go = self.menuBar().addMenu(tr("&Go"))
        # Ctrl+1 and Ctrl+2 were Home and Accounts before the other places had keys.
        for keys, words, place in (("Ctrl+1", tr("&Home", "place"), "home"),
                                   ("Ctrl+3", tr("&Notifications", "place"), "notifications"),
                                   ("Ctrl+F", tr("&Search", "place"), "search"),
                                   ("Ctrl+4", tr("&Bookmarks", "place"), "bookmarks"),
                                   ("Ctrl+5", tr("&Profile", "place"), "profile"),
                                   ("Ctrl+2", tr("&Accounts", "place"), "accounts")):
            action = go.addAction(words)
            action.triggered.connect(lambda _=False, place=place: self.go(place))
            if keys not in ("Ctrl+1", "Ctrl+2", "Ctrl+F"):  # those have their own already
                action.setShortcut(QKeySequence(keys))
            else:
                action.setText(f"{words}\t{keys}")
        quit_action = QAction(tr("&Quit"), self)
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
        add("?", self.show_keys)
        add("Shift+?", self.show_keys)  # as some keyboards report it
        for keys, step in (("Ctrl+=", 1), ("Ctrl++", 1), ("Ctrl+-", -1), ("Ctrl+0", 0)):
            add(keys, partial(self.zoom, step))
        add("Ctrl+F", lambda: self.go("search"))
        add("N", self.compose_requested.emit)

    def show_keys(self) -> None:
        """?: every key of the window, listed."""
        dialog = KeysDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        log.info("keyboard shortcuts shown")

    def zoom(self, step: int) -> None:
        """Ctrl+= / Ctrl+- / Ctrl+0: the posts' text larger, smaller, or the system's size;
        remembered for the next launch."""
        zoom = PostListView.zoom_step(step)
        self._settings.setValue("zoom", zoom)
        self.show_message(tr("Text size {percent}%").format(percent=round(zoom * 100)))
        log.info("text size %d%%", round(zoom * 100))

    # --- intents ---------------------------------------------------------------------------------

    def go(self, place: str) -> None:
        self.pages.setCurrentWidget(self._shell)
        self.navigator.go(place)
        if place == "search":
            self.search.focus_query()
        elif self.navigator.current is not None:
            # The keyboard follows the reader to the place shown (its shortcuts work at once).
            self.navigator.current.setFocus()

    def push(self, view: QWidget, close: Closer | None = None) -> None:
        """Show a screen on top of the current one; `close` ends it once it leaves history."""
        self.pages.setCurrentWidget(self._shell)
        self.navigator.push(view, close)
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
        """A plain sentence in the status bar for a few seconds, and said by a screen reader
        (politely: after what it is reading) — the status bar is not where a reader's focus
        is, so "Posted." or why something failed would otherwise go unheard."""
        self.statusBar().showMessage(text, 8000)
        announce(self.statusBar(), text)

    def show_home(self) -> None:
        self.go("home")

    @property
    def timeline(self) -> PostListView:
        """The home timeline's list."""
        return self.home.list

    @property
    def composer(self) -> Composer:
        """The home composer."""
        return self.home.composer

    def focus_composer(self) -> None:
        self.composer.text_edit.setFocus()

    def set_account_title(self, name: str) -> None:
        """Whose home this is."""
        self.timeline.set_title(tr("Home · @{handle}").format(handle=name))

    def show_no_account(self) -> None:
        """Nobody is signed in: the home list is emptied (another account's posts never
        linger)."""
        self.timeline.set_model(PostListModel())

    def show_accounts(self) -> None:
        self.go("accounts")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            if event.button() == Qt.MouseButton.BackButton:
                self.back()
                return True
            if event.button() == Qt.MouseButton.ForwardButton:
                self.forward()
                return True
        return super().eventFilter(watched, event)

    def showEvent(self, event: QShowEvent) -> None:
        # The mouse's back and forward buttons, wherever they are pressed in this window: the
        # native window sees every mouse event before the widget under the pointer does (an
        # application-wide filter would see every event of the app, timers included).
        handle = self.windowHandle()
        if handle is not None and not self._buttons_watched:
            handle.installEventFilter(self)
            self._buttons_watched = True
        super().showEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._settings.setValue("window/geometry", self.saveGeometry())
        self._settings.sync()
        super().closeEvent(event)
