"""Home: the composer above the account's pinned feeds as tabs — Following, custom feeds,
lists, in the account's order —, each tab its own list that keeps its place and its pages."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QMenu, QStackedWidget, QTabBar, QVBoxLayout, QWidget

from ...app.screens import Composing, HomeFeeds, HomeScreen, Intent, OpenFeed, Tab
from ...bsky import FOLLOWING
from ..compose import Composer
from ..lang import tr
from ..posts import ImageCache, PostListModel, PostListView
from ._binding import ListBinding, bind_composer, open_in_browser

log = logging.getLogger(__name__)

NEW_POSTS_CHECK_MS = 60_000


def tab_name(tab: Tab) -> str:
    """A Home tab's name as shown: the timeline's in the interface's language, a feed's or
    list's as its creator wrote it."""
    return tr("Following", "Home tab: posts of the accounts followed") if tab.key == FOLLOWING \
        else tab.name


class HomeView(QWidget):
    """The composer, the tabs of the pinned feeds (shown when there are two or more) and the
    list of the tab shown. Holds one list view per tab opened, by the tab's key (the feed's
    URI; Following's list is `list`)."""

    tab_chosen = Signal(str)  # a tab's key
    tab_moved = Signal(str, int)  # a tab's key, its new position
    unpin_requested = Signal(str)
    about_requested = Signal(str)  # a custom feed's or list's page

    def __init__(self, images: ImageCache, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("homePage")
        self.images = images
        self.composer = Composer()
        self.list = PostListView(
            PostListModel(), images, name=tr("Home timeline"), title=tr("Home"),
            loading=tr("Loading your timeline…"),
            empty=tr("Your timeline is empty.\nFollow people to see their posts here."))
        self.tabs = QTabBar()
        self.tabs.setObjectName("homeTabs")
        self.tabs.setAccessibleName(tr("Home feeds"))
        self.tabs.setMovable(True)
        self.tabs.setDocumentMode(True)
        self.tabs.setExpanding(False)
        self.tabs.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tabs.customContextMenuRequested.connect(self._tab_menu)
        self.tabs.currentChanged.connect(self._current_changed)
        self.tabs.tabMoved.connect(self._moved)
        self.tabs.hide()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.list)
        self.views: dict[str, PostListView] = {}
        self._keys: list[str] = []
        self._syncing = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.composer)
        layout.addWidget(self.tabs)
        layout.addWidget(self.stack, 1)
        self.setFocusProxy(self.list)
        for keys, step in ((QKeySequence.StandardKey.NextChild, 1),
                           (QKeySequence.StandardKey.PreviousChild, -1),
                           ("Ctrl+PgDown", 1), ("Ctrl+PgUp", -1)):
            # The whole window's: the keyboard may be in the rail or the composer.
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(lambda step=step: self.step_tab(step))
        about = QShortcut(QKeySequence("Ctrl+I"), self)
        about.activated.connect(self._about_current)
        for keys, step in (("Ctrl+Shift+PgDown", 1), ("Ctrl+Shift+PgUp", -1)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(lambda step=step: self.move_current(step))

    # --- tabs ------------------------------------------------------------------------------------

    def set_tabs(self, tabs: list[tuple[str, str]], current: str | None) -> None:
        """Show these tabs (key, name) in order, `current` chosen (without saying so)."""
        self._syncing = True
        try:
            while self.tabs.count():
                self.tabs.removeTab(0)
            self._keys = [key for key, _ in tabs]
            for key, name in tabs:
                at = self.tabs.addTab(name)
                self.tabs.setTabToolTip(at, name)
                self.tabs.setTabData(at, key)
            if current in self._keys:
                self.tabs.setCurrentIndex(self._keys.index(current))
        finally:
            self._syncing = False
        self.tabs.setVisible(len(tabs) > 1)

    def current_key(self) -> str | None:
        at = self.tabs.currentIndex()
        return self._keys[at] if 0 <= at < len(self._keys) else None

    def step_tab(self, step: int) -> None:
        if self.isVisible() and self.tabs.count() > 1:
            self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % self.tabs.count())

    def _about_current(self) -> None:
        """Ctrl+I: the page of the custom feed or list shown."""
        key = self.current_key()
        if self.isVisible() and key is not None and key != FOLLOWING:
            self.about_requested.emit(key)

    def move_current(self, step: int) -> None:
        """Move the tab shown one place left or right (the keyboard's drag)."""
        at, key = self.tabs.currentIndex(), self.current_key()
        if self.isVisible() and key is not None and 0 <= at + step < self.tabs.count():
            self.tab_moved.emit(key, at + step)

    def view_for(self, key: str, name: str) -> PostListView:
        """The list of a custom feed or list tab, made the first time."""
        view = self.views.get(key)
        if view is None:
            view = PostListView(PostListModel(), self.images,
                                name=tr("{name} feed").format(name=name), title=name,
                                loading=tr("Loading {name}…").format(name=name),
                                empty=tr("This feed has no posts yet."))
            view.setObjectName("feedTimeline")
            self.views[key] = view
            self.stack.addWidget(view)
        return view

    def show_list(self, view: PostListView) -> None:
        self.stack.setCurrentWidget(view)
        self.setFocusProxy(view)

    def drop_view(self, key: str) -> None:
        view = self.views.pop(key, None)
        if view is not None:
            self.stack.removeWidget(view)
            view.deleteLater()

    def _current_changed(self, at: int) -> None:
        if not self._syncing and 0 <= at < self.tabs.count():
            self.tab_chosen.emit(str(self.tabs.tabData(at)))

    def _moved(self, frm: int, to: int) -> None:
        if self._syncing:
            return
        key = self._keys.pop(frm)
        self._keys.insert(to, key)
        self.tab_moved.emit(key, to)

    def _tab_menu(self, point: QPoint) -> None:
        at = self.tabs.tabAt(point)
        if at < 0:
            return
        key = str(self.tabs.tabData(at))
        menu = QMenu(self)
        menu.setAccessibleName(tr("Feed tab actions"))
        left = menu.addAction(tr("Move left"))
        left.setEnabled(at > 0)
        left.triggered.connect(lambda: self.tab_moved.emit(key, at - 1))
        right = menu.addAction(tr("Move right"))
        right.setEnabled(at < self.tabs.count() - 1)
        right.triggered.connect(lambda: self.tab_moved.emit(key, at + 1))
        menu.addSeparator()
        if key != FOLLOWING:
            menu.addAction(tr("About this feed") + "\t" + QKeySequence("Ctrl+I").toString(
                QKeySequence.SequenceFormat.NativeText)).triggered.connect(
                lambda: self.about_requested.emit(key))
        menu.addAction(tr("Unpin from Home")).triggered.connect(
            lambda: self.unpin_requested.emit(key))
        menu.popup(self.tabs.mapToGlobal(point))


class HomeBinding(ListBinding):
    """The home screen model in the home view: refresh shows newer posts, a timer counts them,
    the composer posts; the account's pinned feeds as tabs, each with its own binding made when
    first shown. Holds that timer, the feeds and the tabs' bindings."""

    def __init__(self, screen: HomeScreen, view: HomeView, *,
                 navigate: Callable[[Intent], None],
                 open_url: Callable[[str], None] = open_in_browser,
                 check_ms: int = NEW_POSTS_CHECK_MS,
                 composing: Composing | None = None,
                 feeds: HomeFeeds | None = None) -> None:
        super().__init__(screen, view.list, navigate=navigate, open_url=open_url)
        self.home = screen
        self.home_view = view
        self.feeds = feeds
        self.tab_bindings: dict[str, ListBinding] = {}
        # The list of a tab already made, just chosen: its viewport, key, when (_watch_shown).
        self._shown: tuple[QObject, str, float] | None = None
        self._navigate_to = navigate
        self._open_url_with = open_url
        self.bind(view.list.show_new_requested, self.refresh)
        bind_composer(self, view.composer, screen.publisher, screen.post, composing=composing)
        self._timer = QTimer(self)
        self._timer.setInterval(check_ms)
        self._timer.timeout.connect(lambda: screen.spawn(screen.check_new()))
        if feeds is not None:
            feeds.tabs_changed = self._show_tabs
            self.bind(view.tab_chosen, self.open_tab)
            self.bind(view.tab_moved, lambda key, to: screen.spawn(feeds.move(key, to)))
            self.bind(view.unpin_requested, lambda key: screen.spawn(feeds.pin(key, False)))
            self.bind(view.about_requested, lambda key: navigate(OpenFeed(key)))

    def start(self) -> None:
        super().start()
        self._timer.start()
        if self.feeds is not None:
            self.home.spawn(self.feeds.load())

    def refresh(self) -> None:
        self.home.spawn(self.home.show_newer())

    def _show_tabs(self, tabs: list[Tab]) -> None:
        view = self.home_view
        keys = {tab.key for tab in tabs}
        for key in [k for k in self.tab_bindings if k not in keys]:
            self.home.spawn(self._drop_tab(key, self.tab_bindings.pop(key)))
        current = view.current_key()
        if current not in keys:
            current = tabs[0].key if tabs else None
        view.set_tabs([(tab.key, tab_name(tab)) for tab in tabs], current)
        log.info("home tabs: %s", ", ".join(tab.name for tab in tabs))
        if current is not None:
            self.open_tab(current)

    async def _drop_tab(self, key: str, binding: ListBinding) -> None:
        """A tab no longer pinned: its binding ends (its signals undone) before its list goes."""
        await binding.aclose()
        if self.feeds is not None:
            self.feeds.forget(key)
        self.home_view.drop_view(key)

    def open_tab(self, key: str) -> None:
        """Show the tab `key`: its list as it was left, or, the first time, its first page."""
        chosen = time.monotonic()
        tab = next((t for t in self.feeds.tabs() if t.key == key), None) \
            if self.feeds is not None else None
        screen = self.feeds.screen(tab) if self.feeds is not None and tab else None
        if tab is None or screen is None:
            self._watch_shown(self.home_view.list, key, chosen)
            self.home_view.show_list(self.home_view.list)
            return
        binding = self.tab_bindings.get(key)
        if binding is None:
            list_view = self.home_view.view_for(key, tab_name(tab))
            binding = self.tab_bindings[key] = ListBinding(
                screen, list_view, navigate=self._navigate_to, open_url=self._open_url_with)
            shown = time.monotonic()
            binding.bind(list_view.first_page_painted, lambda: log.info(
                "feed tab painted %.3f s after it was opened: %d posts, %s",
                time.monotonic() - shown, list_view.model.rowCount(), key))
            binding.start()
        else:
            self._watch_shown(binding.view, key, chosen)
        self.home_view.show_list(binding.view)

    def _watch_shown(self, view: PostListView, key: str, chosen: float) -> None:
        """Log how long a tab already made took to show (issue 20: within 50 ms), once its
        list has painted; nothing when it is the one shown already."""
        if self.home_view.stack.currentWidget() is view:
            return
        viewport = view.list.viewport()
        self._shown = (viewport, key, chosen)
        viewport.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)  # one paint each (a stale one goes too)
            if self._shown is not None and self._shown[0] is watched:
                _, key, chosen = self._shown
                self._shown = None
                QTimer.singleShot(0, self, lambda: log.info(  # after the paint
                    "feed tab shown %.3f s after it was chosen: %s",
                    time.monotonic() - chosen, key))
        return super().eventFilter(watched, event)

    async def aclose(self) -> None:
        self._timer.stop()
        for binding in list(self.tab_bindings.values()):
            await binding.aclose()
        self.tab_bindings.clear()
        if self.feeds is not None:
            await self.feeds.aclose()
        await super().aclose()
