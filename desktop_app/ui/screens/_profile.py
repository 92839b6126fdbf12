"""A profile: banner, avatar, name, bio with links, counts, follow, mute and block; its posts."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QColor, QPainter, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QPushButton,
    QTabBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...app.screens import PENDING, PROFILE_TABS, Intent, ProfileScreen, link_intent
from ...bsky import ListInfo, Profile, detect_facets, segments
from ..lang import tr
from ..posts import ImageCache, PostListModel, PostListView, anchor
from ._back_bar import BackBar
from ._binding import ListBinding, open_in_browser
from ._labels import tab_label

BANNER = QSize(600, 120)
AVATAR = QSize(72, 72)


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
    lists_requested = Signal()  # the "Add to list" menu opens: fill it
    member_toggled = Signal(object, object)  # a ListInfo, its listitem URI or None
    new_list_requested = Signal(str)  # a new list's name

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
        font = self.name.font()
        font.setBold(True)
        self.name.setFont(font)
        self.handle = QLabel()
        self.handle.setObjectName("profileHandle")
        self.follows_you = QLabel(tr("Follows you"))
        self.follows_you.setObjectName("followsYou")
        self.follows_you.hide()
        self.bio = QLabel()
        self.bio.setObjectName("profileBio")
        self.bio.setWordWrap(True)
        self.bio.setTextFormat(Qt.TextFormat.RichText)
        self.bio.linkActivated.connect(self.link_activated)
        self.counts = QLabel()
        self.counts.setObjectName("profileCounts")
        # Display name and handle are the account's own words: text. Only the bio is rich
        # text, built from escaped parts (`bio_html`).
        for plain in (self.banner, self.avatar, self.name, self.handle, self.follows_you,
                      self.counts):
            plain.setTextFormat(Qt.TextFormat.PlainText)
        self.follow_button = QPushButton(tr("Follow"))
        self.follow_button.setObjectName("followButton")
        self.follow_button.clicked.connect(self.follow_requested)
        self.menu_button = QToolButton()
        self.menu_button.setObjectName("profileMenu")
        self.menu_button.setText("⋯")
        self.menu_button.setAccessibleName(tr("More actions"))
        self.menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.menu_button)
        self.mute_action = QAction(tr("Mute", "mute an account"), menu)
        self.mute_action.triggered.connect(self.mute_requested)
        self.block_action = QAction(tr("Block", "block an account"), menu)
        self.block_action.triggered.connect(self.block_requested)
        menu.addAction(self.mute_action)
        menu.addAction(self.block_action)
        self.lists_menu = menu.addMenu(tr("Add to list"))
        self.lists_menu.setObjectName("addToListMenu")
        self.lists_menu.aboutToShow.connect(self._lists_opening)
        self.menu_button.setMenu(menu)
        self.tabs = QTabBar()
        self.tabs.setObjectName("profileTabs")
        for label, _ in PROFILE_TABS:
            self.tabs.addTab(tab_label(label))
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
        self.name.setText(author.name)
        self.handle.setText(f"@{author.handle}")
        self.follows_you.setVisible(bool(author.followed_by) and not own)
        self.bio.setText(bio_html(profile.description))
        self.counts.setText(" · ".join((
            tr("%n followers", None, profile.followers_count),
            tr("%n following", None, profile.follows_count),
            tr("%n posts", None, profile.posts_count))))
        self.follow_button.setVisible(not own)
        self.menu_button.setVisible(not own)
        self.follow_button.setText(tr("Following", "the account is followed: the Follow button")
                                   if author.following else tr("Follow"))
        pending = PENDING in (author.following, author.blocking)  # a change on its way
        self.follow_button.setEnabled(not author.blocking and not author.blocked_by
                                      and not pending)
        self.menu_button.setEnabled(not pending)
        self.mute_action.setText(tr("Unmute", "unmute an account") if author.muted
                                 else tr("Mute", "mute an account"))
        self.block_action.setText(tr("Unblock", "unblock an account") if author.blocking
                                  else tr("Block", "block an account"))
        self.tabs.setTabVisible(len(PROFILE_TABS) - 1, own)  # Likes: the viewer's own only
        self._image_loaded("")

    def _lists_opening(self) -> None:
        self.lists_menu.clear()
        self.lists_menu.addAction(tr("Loading your lists…")).setEnabled(False)
        self.lists_requested.emit()

    def show_lists(self, lists: list[tuple[ListInfo, str | None]]) -> None:
        """The reader's lists, checked where this account is on them, and "New list…"."""
        menu = self.lists_menu
        menu.clear()
        for info, item in lists:
            action = menu.addAction(tr("{name} (moderation)").format(name=info.name)
                                    if info.moderation else info.name)
            action.setCheckable(True)
            action.setChecked(item is not None)
            action.triggered.connect(
                lambda _=False, info=info, item=item: self.member_toggled.emit(info, item))
        if lists:
            menu.addSeparator()
        menu.addAction(tr("New list…")).triggered.connect(self._ask_new_list)

    def _ask_new_list(self) -> None:
        name, ok = QInputDialog.getText(self, tr("New list"), tr("Name of the new list:"))
        if ok and name.strip():
            self.new_list_requested.emit(name.strip())

    def _image_loaded(self, _url: str) -> None:
        profile = self._profile
        if profile is None:
            return
        banner = self._images.image(profile.banner, BANNER)
        if banner is not None:
            self.banner.setPixmap(QPixmap.fromImage(banner))
        avatar = self._images.image(profile.author.avatar, AVATAR, "circle")
        self.avatar.setPixmap(QPixmap.fromImage(avatar) if avatar is not None
                              else initial_pixmap(profile.author.name, AVATAR))


class ProfileView(QWidget):
    """A profile page: back bar (when pushed), header, tabs, the chosen tab's posts."""

    def __init__(self, images: ImageCache, back: Callable[[], None] | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("profileView")
        self.header = ProfileHeader(images)
        self.list = PostListView(PostListModel(), images, name=tr("Profile posts"),
                                 empty=tr("No posts here yet."))
        self.list.setObjectName("profileList")
        self.list.set_header_widget(self.header)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if back is not None:
            self.back_bar = BackBar(tr("Profile"), back)
            layout.addWidget(self.back_bar)
        layout.addWidget(self.list, 1)
        self.setFocusProxy(self.list)


class ProfileBinding(ListBinding):
    """A profile screen model in a profile view: the header shows the profile as it is (and
    as it becomes, at once, after follow, mute or block), the tabs choose the posts."""

    def __init__(self, screen: ProfileScreen, view: ProfileView, *,
                 navigate: Callable[[Intent], None],
                 open_url: Callable[[str], None] = open_in_browser) -> None:
        super().__init__(screen, view.list, navigate=navigate, open_url=open_url)
        header = view.header
        spawn = screen.spawn
        screen.hooks.profile = lambda profile: header.show_profile(profile, own=screen.own)
        self.bind(header.follow_requested, lambda: spawn(screen.toggle("follow")))
        self.bind(header.mute_requested, lambda: spawn(screen.toggle("mute")))
        self.bind(header.block_requested, lambda: spawn(screen.toggle("block")))
        self.bind(header.link_activated, lambda href: self.handle(link_intent(href)))
        self.bind(header.tabs.currentChanged, lambda tab: spawn(screen.show_tab(tab)))
        self.bind(header.lists_requested, lambda: spawn(self._fill_lists()))
        self.bind(header.member_toggled,
                  lambda info, item: spawn(screen.set_member(info, item)))
        self.bind(header.new_list_requested, lambda name: spawn(screen.new_list_with(name)))
        self._header = header
        self._profile_screen = screen

    async def _fill_lists(self) -> None:
        self._header.show_lists(await self._profile_screen.memberships())
