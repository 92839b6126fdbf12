"""The window on the application layer: sign-in, accounts, the active account's screens, the
screens opened on top of them, and the unread badge."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from typing import TypeVar

from PySide6.QtCore import QObject, SignalInstance

from ...app import (
    Accounts,
    AccountSnapshot,
    Drafts,
    DraftStore,
    Moderator,
    OfflineCopy,
    Outbox,
    OutboxStore,
    RenewalPath,
    Sender,
    Session,
    TaskOwner,
    UnreadWatcher,
)
from ...app.screens import (
    Composing,
    FeedPageScreen,
    FeedScreen,
    HomeFeeds,
    HomeScreen,
    Intent,
    ListScreen,
    NotificationsScreen,
    OpenFeed,
    OpenProfile,
    OpenSearch,
    OpenThread,
    ProfileScreen,
    Publisher,
    SearchScreen,
    ThreadScreen,
    feed_screen,
)
from ...bsky import BY_KEY, Author, PostView
from ...errors import AppError
from ...sentences import Sentence
from ..accounts import AccountsAdapter, Notify, SignInAdapter, missing_sentence
from ..lang import say
from ..screens import (
    FeedPageBinding,
    FeedPageView,
    HomeBinding,
    ListBinding,
    ProfileBinding,
    ProfileView,
    SearchBinding,
    SearchView,
    ThreadBinding,
    ThreadView,
)
from ._main_window import MainWindow
from ._outbox import OutboxWatch
from ._unread import UnreadBadge

log = logging.getLogger(__name__)

S = TypeVar("S", bound=ListScreen)
PAGE_SIZE = 50


def status_bar(window: MainWindow) -> Callable[[Sentence], None]:
    """A screen's sentences said in the window's status bar, in its language."""
    return lambda sentence: window.show_message(say(sentence))


class AccountScreens:
    """The screens of the account the window shows: home, notifications, search and its own
    profile (the window's places), the moderator, publisher and drafts they share, and its
    unread watcher. Holds their bindings and which places have loaded; `aclose` ends them
    all."""

    def __init__(self, controller: AppController, snap: AccountSnapshot) -> None:
        window, accounts = controller.window, controller.accounts
        agent = accounts.agent(snap.did)
        self.did = snap.did
        self.agent = agent
        self.moderator = Moderator(agent)
        self.watcher = UnreadWatcher(agent, data_dir=accounts.data_dir)
        # Without a profile (some tests) nothing is kept: no drafts, no outbox.
        data = accounts.data_dir
        self.drafts = Drafts(DraftStore(data, snap.did), agent) if data is not None else None
        self.sender = Sender(Outbox(OutboxStore(data, snap.did), agent), self.drafts) \
            if data is not None else None
        self.publisher = Publisher(agent, Author(snap.did, snap.handle or snap.did),
                                   sender=self.sender)
        # The first pages as they were last seen: painted at once, and offline.
        self.offline = OfflineCopy(data, snap.did) if data is not None else None
        if self.offline is not None:
            agent.answers = self.offline.keep
        navigate = controller.open

        def wire(screen: S) -> S:
            return controller.wire(screen, self)

        home = wire(HomeScreen(agent, self.moderator, self.publisher))
        moderator = self.moderator
        self.feeds = HomeFeeds(agent, moderator, lambda item, name: wire(
            feed_screen(agent, moderator, item, name)))
        self.feeds.hooks.message = status_bar(window)
        self.feeds.hooks.permission_needed = controller._ask_permission
        self.home = HomeBinding(home, window.home, navigate=navigate,
                                composing=Composing(self.drafts, home.hooks, resume=True),
                                feeds=self.feeds)
        self.notifications = ListBinding(wire(NotificationsScreen(agent, self.moderator)),
                                         window.notifications.list, navigate=navigate)
        self.search = SearchBinding(wire(SearchScreen(agent, self.moderator)), window.search,
                                    navigate=navigate)
        self.profile = ProfileBinding(wire(ProfileScreen(agent, self.moderator, snap.did)),
                                      window.profile, navigate=navigate)
        self.bookmarks = ListBinding(wire(FeedScreen(
            agent, moderator, lambda cursor: agent.bookmarks(cursor=cursor, limit=PAGE_SIZE),
            name="bookmarks")), window.bookmarks.list, navigate=navigate)
        self.bindings: dict[str, ListBinding] = {
            "home": self.home, "notifications": self.notifications, "search": self.search,
            "profile": self.profile, "bookmarks": self.bookmarks}
        self.started: set[str] = set()

    async def aclose(self) -> None:
        for binding in self.bindings.values():
            await binding.aclose()
        if self.offline is not None:
            await self.offline.close()


class AppController(QObject):
    """The window on the application layer: a sign-in adapter, an accounts adapter, the
    active account's screens, the screens pushed on top of them, and the unread badge. Owns
    every task they start; `aclose` ends them all."""

    def __init__(self, window: MainWindow, accounts: Accounts, *,
                 notify: Notify | None = None, tick: float | None = None,
                 notification_clicked: SignalInstance | None = None) -> None:
        super().__init__()
        self.window = window
        self.accounts = accounts
        self._tick = tick
        self._tasks = TaskOwner("window")
        self.signin = SignInAdapter(window, accounts, self._tasks)
        self.accounts_adapter = AccountsAdapter(window, accounts, self._tasks, self.signin,
                                                notify)
        self.screens: AccountScreens | None = None
        self._pushed: list[ListBinding] = []
        self._following: str | None = None  # the DID whose screens are (being) shown
        self._switching = asyncio.Lock()
        self.unread = UnreadBadge(window, self._tasks, notify=notify,
                                  open_thread=lambda uri: self.open(OpenThread(uri)),
                                  permits=self._permits)
        self.outbox = OutboxWatch(window, self._tasks, self._lists)
        window.navigator.changed.connect(self._place_shown)
        window.compose_requested.connect(self._compose)
        window.permission_banner.allow_requested.connect(
            lambda features: self._tasks.spawn(self.allow(features)))
        window.composer.allow_requested.connect(
            lambda: self._tasks.spawn(self.allow(["post"])))
        if notification_clicked is not None:
            notification_clicked.connect(self.unread.activity_clicked)
        self._unsubscribe = accounts.subscribe(self._changed)

    @property
    def home(self) -> HomeScreen | None:
        return self.screens.home.home if self.screens is not None else None

    async def start(self) -> None:
        """Restore saved accounts, show the right page, start the background refresh."""
        try:
            await self.accounts.load()
        except AppError as exc:
            self.window.sign_in_page.show_form(say(exc.sentence))
        if self.accounts.active_did is not None:
            self.window.show_home()
        else:
            self.window.show_sign_in()
        if self._tick is None:
            self.accounts.start()
        else:
            self.accounts.start(self._tick)

    async def aclose(self) -> None:
        """Stop everything that can start work (account changes, the unread timer, clicks
        through this controller's tasks), then end what is running, then the screens."""
        self._unsubscribe()
        await self._tasks.aclose()
        self.unread.stop()  # after the tasks: a poll ending restarts it
        self.outbox.stop()
        await self.accounts.aclose()
        await self.window.navigator.clear("home")
        if self.screens is not None:
            await self.screens.aclose()
            self.screens = None

    async def sign_in(self, target: str, *, login_hint: str | None = None,
                      prompt: str | None = None) -> Session | None:
        return await self.signin.sign_in(target, login_hint=login_hint, prompt=prompt)

    async def renew(self, did: str) -> RenewalPath | None:
        return await self.accounts_adapter.renew(did)

    async def sign_out(self, did: str) -> None:
        await self.accounts_adapter.sign_out(did)

    async def allow(self, features: Sequence[str]) -> None:
        """"Allow…" for the active account; lists that could not load before load again."""
        screens = self.screens
        if screens is None:
            return
        permissions = await self.accounts_adapter.allow(screens.did, features)
        if permissions is None or self.screens is not screens:
            return
        if "read" in features and permissions.allows("read"):
            screens.home.start()
        if "notifications" in features and "notifications" in screens.started \
                and permissions.allows("notifications"):
            screens.notifications.start()

    def refresh_views(self) -> None:
        self._changed(self.accounts.snapshots())

    # --- the active account ----------------------------------------------------------------------

    def _changed(self, snapshots: tuple[AccountSnapshot, ...]) -> None:
        self.accounts_adapter.show(snapshots)
        active = next((s for s in snapshots if s.active), None)
        if active is not None:
            self.window.composer.set_allowed(active.permissions.allows("post"),
                                             missing_sentence("post"))
        target = active.did if active is not None else None
        if target != self._following:
            self._following = target
            self._tasks.spawn(self._follow(active))

    async def _follow(self, active: AccountSnapshot | None) -> None:
        """The screens follow the active account (the latest switch wins)."""
        async with self._switching:
            if (active.did if active is not None else None) != self._following:
                return  # another switch came after this one
            self.unread.stop()
            self.outbox.stop()
            await self.window.navigator.clear("home")
            self._pushed.clear()
            if self.screens is not None:
                old, self.screens = self.screens, None
                await old.aclose()
            self.window.composer.clear()
            self.window.rail.set_unread(0)
            if active is None:
                self.window.show_no_account()
                return
            self.screens = self._build(active)
            self.window.set_account_title(active.name)
            if self.screens.sender is not None:
                # What waits shows in the first page of home (a few kB read off the GUI thread).
                await self.screens.sender.reload()
            self.screens.home.start()
            self.screens.started.add("home")
            self._place_shown()
            self.unread.follow(self.screens.watcher)
            self.outbox.follow(self.screens.sender, self.screens.publisher)

    def _build(self, active: AccountSnapshot) -> AccountScreens:
        screens = AccountScreens(self, active)
        screens.notifications.screen.hooks.seen = self.unread.seen
        return screens

    def wire(self, screen: S, account: AccountScreens) -> S:
        """What every screen tells the window and asks of it (its binding adds what its own
        widgets show); a quote from a list without a composer goes to the home composer; its
        likes, reposts and follows go through the account's outbox; its first page shows the
        offline copy until the server's arrives."""
        screen.links.sender = account.sender
        screen.offline = account.offline
        hooks = screen.hooks
        hooks.message = status_bar(self.window)
        hooks.permission_needed = self._ask_permission
        hooks.permits = self._permits
        hooks.account_hidden = self._hide_account
        hooks.quote = self._quote
        return screen

    def _quote(self, post: PostView) -> None:
        self.window.go("home")
        self.window.composer.set_quote(post)

    def _permits(self, feature: str) -> bool:
        snap = self.accounts.snapshot(self.screens.did) if self.screens is not None else None
        return snap is not None and snap.permissions.allows(feature)

    def _ask_permission(self, feature: str) -> None:
        found = BY_KEY.get(feature)
        if found is not None:
            self.window.permission_banner.ask([feature], missing_sentence(feature))

    def _lists(self) -> list[ListScreen]:
        """Every list shown for the active account: its places and the screens pushed."""
        if self.screens is None:
            return []
        return [b.screen for b in [*self.screens.bindings.values(), *self._pushed]]

    def _hide_account(self, did: str) -> None:
        """A muted or blocked account's posts leave every list at once."""
        for screen in self._lists():
            screen.rows.remove_where(
                lambda row: row.post is not None and row.post.author.did == did)

    # --- opening screens -------------------------------------------------------------------------

    def open(self, intent: Intent) -> None:
        """Open what the reader asked for: a thread, a profile or a search, on top of the
        current screen (the own profile is a place, not a new screen)."""
        screens = self.screens
        if screens is None:
            return
        window, moderator = self.window, screens.moderator
        binding: ListBinding
        if isinstance(intent, OpenThread):
            thread_view = ThreadView(window.images, window.back)
            thread = self.wire(ThreadScreen(screens.agent, moderator, screens.publisher,
                                            intent.uri, known=intent.post), screens)
            binding = ThreadBinding(thread, thread_view, navigate=self.open,
                                    composing=Composing(screens.drafts, thread.hooks))
            thread_view.composer.set_allowed(self._permits("post"), missing_sentence("post"))
            thread_view.composer.allow_requested.connect(
                lambda: self._tasks.spawn(self.allow(["post"])))
            view: ThreadView | ProfileView | SearchView | FeedPageView = thread_view
        elif isinstance(intent, OpenProfile):
            if intent.did == screens.did:
                window.go("profile")
                return
            view = ProfileView(window.images, window.back)
            binding = ProfileBinding(self.wire(ProfileScreen(screens.agent, moderator,
                                                             intent.did), screens),
                                     view, navigate=self.open)
        elif isinstance(intent, OpenFeed):
            try:
                page = FeedPageScreen(screens.agent, moderator, intent.uri, screens.feeds)
            except AppError as exc:
                window.show_message(say(exc.sentence))
                return
            view = FeedPageView(window.images, window.back)
            binding = FeedPageBinding(self.wire(page, screens), view, navigate=self.open)
        elif isinstance(intent, OpenSearch):
            view = SearchView(window.images, window.back)
            binding = SearchBinding(self.wire(SearchScreen(screens.agent, moderator), screens),
                                    view,
                                    navigate=self.open)
        else:
            return
        self._pushed.append(binding)
        window.push(view, close=lambda: self._close(binding))
        if isinstance(binding, SearchBinding) and isinstance(intent, OpenSearch):
            binding.search(intent.query)
        else:
            binding.start()

    async def _close(self, binding: ListBinding) -> None:
        if binding in self._pushed:
            self._pushed.remove(binding)
        await binding.aclose()

    def _place_shown(self) -> None:
        """A place shown for the first time loads (bookmarks every time: they change from every
        list); the notifications list marks them seen."""
        screens = self.screens
        name = self.window.navigator.place_of(self.window.navigator.current)
        if screens is None or name is None:
            return
        binding = {"notifications": screens.notifications, "profile": screens.profile,
                   "bookmarks": screens.bookmarks}.get(name)
        if binding is not None and (name not in screens.started or name == "bookmarks" or (
                name == "notifications" and screens.watcher.count > 0)):
            screens.started.add(name)
            binding.start()
        if name == "notifications":
            notifications = screens.notifications.screen
            if isinstance(notifications, NotificationsScreen):
                self._tasks.spawn(notifications.mark_seen())

    def _compose(self) -> None:
        self.window.go("home")
        self.window.focus_composer()
