"""The window on the application layer: sign-in, accounts, the active account's views."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence

from PySide6.QtCore import QObject, QTimer, SignalInstance

from ..app import (
    Accounts,
    AccountSnapshot,
    Moderator,
    RenewalPath,
    TaskOwner,
    UnreadWatcher,
)
from ..atproto.oauth import Session
from ..bsky import BY_KEY, Author, PostView
from ..errors import AppError
from .accounts_adapter import AccountsAdapter, Notify
from .feed_controller import FeedController
from .main_window import MainWindow
from .notifications_view import NotificationsController
from .profile_view import ProfileController, ProfileView
from .search_view import SearchController, SearchView
from .signin_adapter import SignInAdapter
from .thread_view import ThreadController, ThreadView
from .timeline_controller import TimelineController

log = logging.getLogger(__name__)

TICK_MS = 30_000


class AccountViews:
    """The views of one signed-in account: home timeline, notifications, search, own profile,
    and the unread watcher. Holds their controllers; `aclose` ends them all."""

    def __init__(self, window: MainWindow, accounts: Accounts, snap: AccountSnapshot) -> None:
        agent = accounts.agent(snap.did)
        self.did = snap.did
        self.agent = agent
        self.me = Author(snap.did, snap.handle or snap.did)
        self.moderator = Moderator(agent)
        self.watcher = UnreadWatcher(agent, data_dir=accounts.data_dir)
        self.home = TimelineController(agent, window.timeline, window.composer,
                                       moderator=self.moderator)
        self.notifications = NotificationsController(agent, window.notifications,
                                                     moderator=self.moderator)
        self.search = SearchController(agent, window.search, moderator=self.moderator)
        window.search.controller = self.search
        self.profile = ProfileController(agent, window.profile, snap.did,
                                         moderator=self.moderator)
        window.profile.controller = self.profile
        self.started: set[str] = set()

    @property
    def controllers(self) -> tuple[FeedController, ...]:
        return (self.home, self.notifications, self.search, self.profile)

    async def aclose(self) -> None:
        for controller in self.controllers:
            await controller.aclose()


class AppController(QObject):
    """The window on the application layer: a sign-in adapter, an accounts adapter, and the
    views of the active account, with navigation between them. Owns every task they start;
    `aclose` ends them all."""

    def __init__(self, window: MainWindow, accounts: Accounts, *,
                 notify: Notify | None = None, tick_ms: int = TICK_MS,
                 notification_clicked: SignalInstance | None = None) -> None:
        super().__init__()
        self.window = window
        self.accounts = accounts
        self._tick = tick_ms / 1000
        self._tasks = TaskOwner("window")
        self.signin = SignInAdapter(window, accounts, self._tasks)
        self.account_views = AccountsAdapter(window, accounts, self._tasks, self.signin, notify)
        self.notify = notify
        self.views: AccountViews | None = None
        self._following: str | None = None  # the DID whose views are (being) shown
        self._switching = asyncio.Lock()
        self._activity_uri: str | None = None
        self._poll = QTimer(self)
        self._poll.setSingleShot(True)
        self._poll.timeout.connect(lambda: self._tasks.spawn(self.poll_unread()))
        window.navigator.changed.connect(self._view_changed)
        window.compose_requested.connect(self._compose)
        window.permission_banner.allow_requested.connect(
            lambda features: self._tasks.spawn(self.allow(features)))
        window.composer.allow_requested.connect(
            lambda: self._tasks.spawn(self.allow(["post"])))
        if notification_clicked is not None:
            notification_clicked.connect(self._activity_clicked)
        self._unsubscribe = accounts.subscribe(self._changed)

    @property
    def timeline(self) -> TimelineController | None:
        return self.views.home if self.views is not None else None

    async def start(self) -> None:
        """Restore saved accounts, show the right page, start the background refresh."""
        try:
            await self.accounts.load()
        except AppError as exc:
            self.window.sign_in_page.show_form(exc.message)
        if self.accounts.active_did is not None:
            self.window.show_home()
        else:
            self.window.show_sign_in()
        self.accounts.start(self._tick)

    async def aclose(self) -> None:
        """Stop everything that can start work (account changes, the unread timer, clicks
        through this controller's tasks), then end what is running, then the views."""
        self._unsubscribe()
        await self._tasks.aclose()
        self._poll.stop()  # after the tasks: a poll ending restarts it
        await self.accounts.aclose()
        await self.window.navigator.clear("home")
        if self.views is not None:
            await self.views.aclose()
            self.views = None

    async def sign_in(self, target: str, *, login_hint: str | None = None,
                      prompt: str | None = None) -> Session | None:
        return await self.signin.sign_in(target, login_hint=login_hint, prompt=prompt)

    async def renew(self, did: str) -> RenewalPath | None:
        return await self.account_views.renew(did)

    async def sign_out(self, did: str) -> None:
        await self.account_views.sign_out(did)

    async def allow(self, features: Sequence[str]) -> None:
        """"Allow…" for the active account; views that could not load before load again."""
        views = self.views
        if views is None:
            return
        permissions = await self.account_views.allow(views.did, features)
        if permissions is None or self.views is not views:
            return
        if "read" in features and permissions.allows("read"):
            views.home.start()
        if "notifications" in features and "notifications" in views.started \
                and permissions.allows("notifications"):
            views.notifications.start()

    async def tick(self) -> None:
        await self.accounts.refresh_pass()

    def refresh_views(self) -> None:
        self._changed(self.accounts.snapshots())

    def _changed(self, snapshots: tuple[AccountSnapshot, ...]) -> None:
        self.account_views.show(snapshots)
        active = next((s for s in snapshots if s.active), None)
        if active is not None:
            self.window.composer.set_allowed(active.permissions.allows("post"),
                                             BY_KEY["post"].sentence())
        target = active.did if active is not None else None
        if target != self._following:
            self._following = target
            self._tasks.spawn(self._follow(active))

    async def _follow(self, active: AccountSnapshot | None) -> None:
        """The views follow the active account (the latest switch wins)."""
        async with self._switching:
            if (active.did if active is not None else None) != self._following:
                return  # another switch came after this one
            self._poll.stop()
            await self.window.navigator.clear("home")
            if self.views is not None:
                old, self.views = self.views, None
                await old.aclose()
            self.window.composer.clear()
            self.window.rail.set_unread(0)
            if active is None:
                self.window.timeline.model.reset()
                return
            self.views = self._build(active)
            self.window.timeline.set_title(f"Home · @{active.name}")
            self.views.home.start()
            self.views.started.add("home")
            self._view_changed()
            self._tasks.spawn(self.poll_unread())

    def _build(self, active: AccountSnapshot) -> AccountViews:
        views = AccountViews(self.window, self.accounts, active)
        for controller in views.controllers:
            self._wire(controller)
        views.notifications.seen.connect(self._seen)
        return views

    def _wire(self, controller: FeedController) -> None:
        controller.message.connect(self.window.show_message)
        controller.permission_needed.connect(self._ask_permission)
        controller.permits = self._permits
        controller.open_thread.connect(self.open_thread)
        controller.open_post.connect(lambda post: self.open_thread(post.uri, post))
        controller.open_profile.connect(self.open_profile)
        controller.open_search.connect(self.open_search)
        if isinstance(controller, ProfileController):
            controller.account_hidden.connect(self._hide_account)

    def _permits(self, feature: str) -> bool:
        snap = self.accounts.snapshot(self.views.did) if self.views is not None else None
        return snap is not None and snap.permissions.allows(feature)

    def _ask_permission(self, feature: str) -> None:
        found = BY_KEY.get(feature)
        if found is not None:
            self.window.permission_banner.ask([feature], found.sentence())

    # --- opening views ---------------------------------------------------------------------------

    def open_thread(self, uri: str, known: PostView | None = None) -> None:
        """Push a thread; `known` (the post clicked) is drawn at once, the rest as it loads."""
        views = self.views
        if views is None:
            return
        view = ThreadView(self.window.images, self.window.back)
        controller = ThreadController(views.agent, view, uri, moderator=views.moderator,
                                      me=views.me, known=known)
        view.controller = controller
        self._wire(controller)
        view.composer.set_allowed(self._permits("post"), BY_KEY["post"].sentence())
        view.composer.allow_requested.connect(lambda: self._tasks.spawn(self.allow(["post"])))
        self.window.push(view)
        controller.start()

    def open_profile(self, did: str) -> None:
        views = self.views
        if views is None:
            return
        if did == views.did:
            self.window.go("profile")
            return
        view = ProfileView(self.window.images, self.window.back)
        controller = ProfileController(views.agent, view, did, moderator=views.moderator)
        view.controller = controller
        self._wire(controller)
        self.window.push(view)
        controller.start()

    def open_search(self, query: str) -> None:
        views = self.views
        if views is None:
            return
        view = SearchView(self.window.images, self.window.back)
        controller = SearchController(views.agent, view, moderator=views.moderator)
        view.controller = controller
        self._wire(controller)
        self.window.push(view)
        controller.search(query)

    def _view_changed(self) -> None:
        """A place shown for the first time loads; the notifications list marks them seen."""
        views = self.views
        current = self.window.navigator.current
        name = self.window.navigator.place_of(current)
        if views is None or name is None:
            return
        controller = {"notifications": views.notifications, "profile": views.profile}.get(name)
        if controller is not None and (name not in views.started or (
                name == "notifications" and views.watcher.count > 0)):
            views.started.add(name)
            controller.start()
        if name == "notifications":
            self._tasks.spawn(views.notifications.mark_seen())

    def _compose(self) -> None:
        self.window.go("home")
        self.window.composer.text_edit.setFocus()

    def _hide_account(self, did: str) -> None:
        """A muted or blocked account's posts leave the lists at once."""
        if self.views is None:
            return
        for controller in self.views.controllers:
            controller.model.remove_where(
                lambda row: row.post is not None and row.post.author.did == did)

    # --- unread notifications --------------------------------------------------------------------

    async def poll_unread(self) -> None:
        """One unread-count check; then the next, sooner while the window is visible."""
        views = self.views
        if views is None:
            return
        if not self._permits("notifications"):
            self.window.rail.set_unread(0)
            self._poll.start(round(views.watcher.interval(False) * 1000))
            return  # not allowed: asking every minute would only be refused
        visible = self.window.isVisible() and not self.window.isMinimized()
        try:
            before = views.watcher.count
            count = await views.watcher.poll()
            if count != self.window.rail.unread:
                log.info("unread notifications: %d", count)
            self.window.rail.set_unread(count)
            if count > before and not self.window.isActiveWindow():
                await self._announce(views)
        except AppError as exc:
            log.info("unread check failed: %s", exc.detail)
        finally:
            if self.views is views and not self._tasks.closed:
                self._poll.start(round(views.watcher.interval(visible) * 1000))

    async def _announce(self, views: AccountViews) -> None:
        activity = await views.watcher.new_activity()
        if activity is None or self.notify is None:
            return
        self._activity_uri = activity.uri
        self.notify(activity.title(), activity.text())

    def _activity_clicked(self) -> None:
        if self._activity_uri is not None:
            self.window.showNormal()
            self.window.activateWindow()
            self.open_thread(self._activity_uri)

    def _seen(self) -> None:
        if self.views is not None:
            self.views.watcher.count = 0
        self.window.rail.set_unread(0)
