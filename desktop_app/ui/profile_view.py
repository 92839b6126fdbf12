"""A profile: banner, avatar, name, bio with links, counts, follow, mute and block; its posts."""

from __future__ import annotations

import dataclasses
import html
import logging
from collections.abc import Awaitable, Callable

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QColor, QPainter, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QTabBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..app import Moderator
from ..bsky import Agent, AuthorFeedFilter, FeedPager, Profile, detect_facets, segments
from ..errors import AppError
from .feed_controller import FeedController
from .images import ImageCache
from .navigation import BackBar
from .post_layout import anchor
from .timeline_model import TimelineModel
from .timeline_view import TimelineView

log = logging.getLogger(__name__)

PAGE_SIZE = 30
BANNER = QSize(600, 120)
AVATAR = QSize(72, 72)
TABS: tuple[tuple[str, AuthorFeedFilter | None], ...] = (
    ("Posts", "posts_no_replies"), ("Replies", "posts_with_replies"),
    ("Media", "posts_with_media"), ("Likes", None))


def bio_html(text: str) -> str:
    """The bio with its links, mentions and tags as anchors (profiles carry no facets)."""
    out = []
    for part in segments(text, detect_facets(text)):
        escaped = html.escape(part.text).replace("\n", "<br>")
        if part.kind is None:
            out.append(escaped)
        else:
            href = html.escape(anchor(part.kind, part.value), quote=True)
            out.append(f'<a href="{href}">{escaped}</a>')
    return "".join(out)


def initial_pixmap(name: str, size: QSize) -> QPixmap:
    """A grey disc with the name's first letter, until (or instead of) the avatar."""
    pixmap = QPixmap(size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(180, 180, 180))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(0, 0, size.width(), size.height())
    painter.setPen(QColor("white"))
    font = painter.font()
    font.setPointSizeF(font.pointSizeF() * 2)
    painter.setFont(font)
    painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, (name[:1] or "?").upper())
    painter.end()
    return pixmap


class ProfileHeader(QWidget):
    """Who the account is, and the viewer's buttons for it."""

    follow_requested = Signal()
    mute_requested = Signal()
    block_requested = Signal()
    link_activated = Signal(str)

    def __init__(self, images: ImageCache, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("profileHeader")
        self._images = images
        self._profile: Profile | None = None
        self.banner = QLabel()
        self.banner.setFixedHeight(BANNER.height())
        self.banner.setStyleSheet("background: palette(mid);")
        self.banner.setScaledContents(True)
        self.avatar = QLabel()
        self.avatar.setFixedSize(AVATAR)
        self.name = QLabel()
        self.name.setObjectName("profileName")
        self.name.setTextFormat(Qt.TextFormat.RichText)
        self.handle = QLabel()
        self.handle.setObjectName("profileHandle")
        self.follows_you = QLabel("Follows you")
        self.follows_you.setObjectName("followsYou")
        self.follows_you.hide()
        self.bio = QLabel()
        self.bio.setObjectName("profileBio")
        self.bio.setWordWrap(True)
        self.bio.setTextFormat(Qt.TextFormat.RichText)
        self.bio.linkActivated.connect(self.link_activated)
        self.counts = QLabel()
        self.counts.setObjectName("profileCounts")
        self.follow_button = QPushButton("Follow")
        self.follow_button.setObjectName("followButton")
        self.follow_button.clicked.connect(self.follow_requested)
        self.menu_button = QToolButton()
        self.menu_button.setObjectName("profileMenu")
        self.menu_button.setText("⋯")
        self.menu_button.setAccessibleName("More actions")
        self.menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.menu_button)
        self.mute_action = QAction("Mute", menu)
        self.mute_action.triggered.connect(self.mute_requested)
        self.block_action = QAction("Block", menu)
        self.block_action.triggered.connect(self.block_requested)
        menu.addAction(self.mute_action)
        menu.addAction(self.block_action)
        self.menu_button.setMenu(menu)
        self.tabs = QTabBar()
        self.tabs.setObjectName("profileTabs")
        for label, _ in TABS:
            self.tabs.addTab(label)
        self._lay_out()
        images.loaded.connect(self._image_loaded)

    def _lay_out(self) -> None:
        names = QVBoxLayout()
        names.addWidget(self.name)
        names.addWidget(self.handle)
        names.addWidget(self.follows_you)
        top = QHBoxLayout()
        top.addWidget(self.avatar, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(names, 1)
        top.addWidget(self.follow_button, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.menu_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addLayout(top)
        layout.addWidget(self.bio)
        layout.addWidget(self.counts)
        layout.addWidget(self.tabs)

    def show_profile(self, profile: Profile, *, own: bool) -> None:
        self._profile = profile
        author = profile.author
        self.name.setText(f"<b>{html.escape(author.name)}</b>")
        self.handle.setText(f"@{author.handle}")
        self.follows_you.setVisible(bool(author.followed_by) and not own)
        self.bio.setText(bio_html(profile.description))
        self.counts.setText(f"{profile.followers_count} followers · {profile.follows_count} "
                            f"following · {profile.posts_count} posts")
        self.follow_button.setVisible(not own)
        self.menu_button.setVisible(not own)
        self.follow_button.setText("Following" if author.following else "Follow")
        self.follow_button.setEnabled(not author.blocking and not author.blocked_by)
        self.mute_action.setText("Unmute" if author.muted else "Mute")
        self.block_action.setText("Unblock" if author.blocking else "Block")
        self.tabs.setTabVisible(len(TABS) - 1, own)  # Likes: the viewer's own only
        self._image_loaded("")

    def set_busy(self, busy: bool) -> None:
        self.follow_button.setEnabled(not busy)
        self.menu_button.setEnabled(not busy)

    def _image_loaded(self, _url: str) -> None:
        profile = self._profile
        if profile is None:
            return
        banner = self._images.image(profile.banner, BANNER)
        if banner is not None:
            self.banner.setPixmap(QPixmap.fromImage(banner))
        avatar = self._images.image(profile.author.avatar, AVATAR)
        self.avatar.setPixmap(QPixmap.fromImage(avatar) if avatar is not None
                              else initial_pixmap(profile.author.name, AVATAR))


class ProfileView(QWidget):
    """A profile page: back bar (when pushed), header, tabs, the chosen tab's posts."""

    def __init__(self, images: ImageCache, back: Callable[[], None] | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("profileView")
        self.header = ProfileHeader(images)
        self.list = TimelineView(TimelineModel(), images)
        self.list.setObjectName("profileList")
        self.list.set_title("")
        self.list.set_loading_text("Loading…")
        self.list.set_empty_text("No posts here yet.")
        self.list.set_header_widget(self.header)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if back is not None:
            self.back_bar = BackBar("Profile", back)
            layout.addWidget(self.back_bar)
        layout.addWidget(self.list, 1)
        self.controller: ProfileController | None = None

    async def aclose(self) -> None:
        if self.controller is not None:
            await self.controller.aclose()


class ProfileController(FeedController):
    """One account's profile and feeds as seen by the viewer: follow, mute, block, tabs."""

    account_hidden = Signal(str)  # muted or blocked: other lists drop this DID's posts

    def __init__(self, agent: Agent, view: ProfileView, actor: str, *,
                 moderator: Moderator | None = None) -> None:
        super().__init__(agent, view.list, None, moderator=moderator, name="profile")
        self.actor = actor
        self.profile_view = view
        self.profile: Profile | None = None
        header = view.header
        self.connect_view(header.follow_requested, lambda: self.spawn(self.toggle_follow()))
        self.connect_view(header.mute_requested, lambda: self.spawn(self.toggle_mute()))
        self.connect_view(header.block_requested, lambda: self.spawn(self.toggle_block()))
        self.connect_view(header.link_activated, self.follow_link)
        self.connect_view(header.tabs.currentChanged, lambda i: self.spawn(self.show_tab(i)))
        self.connect_view(view.list.refresh_requested, lambda: self.spawn(self.load_first()))

    @property
    def own(self) -> bool:
        return self.actor == self.agent.did or (
            self.profile is not None and self.profile.did == self.agent.did)

    async def load_first(self) -> None:
        self.view.show_loading()
        try:
            self.profile = await self.agent.profile(self.actor)
        except AppError as exc:
            log.info("profile failed: %s", exc.detail)
            self.view.show_error(exc.message)
            return
        self.profile_view.header.show_profile(self.profile, own=self.own)
        await self.show_tab(self.profile_view.header.tabs.currentIndex())

    async def show_tab(self, index: int) -> None:
        if self.profile is None or not 0 <= index < len(TABS):
            return
        did, agent = self.profile.did, self.agent
        feed_filter = TABS[index][1]
        if feed_filter is None:
            self.pager = FeedPager(lambda cursor: agent.actor_likes(
                did, cursor=cursor, limit=PAGE_SIZE))
        else:
            self.pager = FeedPager(lambda cursor: agent.author_feed(
                did, cursor=cursor, limit=PAGE_SIZE, filter=feed_filter))
        await super().load_first()

    async def toggle_follow(self) -> None:
        if not self.allowed("follow"):
            return

        async def act(profile: Profile) -> str | None:
            if profile.author.following:
                await self.agent.unfollow(profile.author.following)
                return None
            return await self.agent.follow(profile.did)

        await self._change(act, lambda p, uri: dataclasses.replace(
            p, author=dataclasses.replace(p.author, following=uri),
            followers_count=max(0, p.followers_count + (1 if uri else -1))))

    async def toggle_mute(self) -> None:
        if not self.allowed("moderate"):
            return

        async def act(profile: Profile) -> str | None:
            if profile.author.muted:
                await self.agent.unmute(profile.did)
                return None
            await self.agent.mute(profile.did)
            self.account_hidden.emit(profile.did)
            return "muted"

        await self._change(act, lambda p, done: dataclasses.replace(
            p, author=dataclasses.replace(p.author, muted=done is not None)))

    async def toggle_block(self) -> None:
        if not self.allowed("moderate"):
            return

        async def act(profile: Profile) -> str | None:
            if profile.author.blocking:
                await self.agent.unblock(profile.author.blocking)
                return None
            uri = await self.agent.block(profile.did)
            self.account_hidden.emit(profile.did)
            return uri

        await self._change(act, lambda p, uri: dataclasses.replace(
            p, author=dataclasses.replace(p.author, blocking=uri)))

    async def _change(self, act: Callable[[Profile], Awaitable[str | None]],
                      update: Callable[[Profile, str | None], Profile]) -> None:
        """Do one follow/mute/block change, then show the profile as it now is."""
        profile = self.profile
        if profile is None:
            return
        header = self.profile_view.header
        header.set_busy(True)
        try:
            done = await act(profile)
        except AppError as exc:
            self.report(exc)
            header.set_busy(False)
            header.show_profile(profile, own=self.own)
            return
        header.set_busy(False)
        self.profile = update(profile, done)
        header.show_profile(self.profile, own=self.own)
