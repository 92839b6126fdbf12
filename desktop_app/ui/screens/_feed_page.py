"""A custom feed's or a list's page: what it is, Pin / Save / Like (a feed) or Mute / Block
(a moderation list), and its posts."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...app.screens import FeedInfo, FeedPageScreen, Intent
from ..lang import tr
from ..posts import ImageCache, PostListModel, PostListView
from ._back_bar import BackBar
from ._binding import ListBinding, open_in_browser


def list_byline(moderation: bool, handle: str | None, members: int | None) -> str:
    """What a list is, who made it and how many are on it: one whole phrase each way."""
    if members is None:
        if handle is None:
            return tr("Moderation list") if moderation else tr("List")
        return (tr("Moderation list by @{handle}") if moderation
                else tr("List by @{handle}")).format(handle=handle)
    if handle is None:
        return (tr("Moderation list · %n people", None, members) if moderation
                else tr("List · %n people", None, members))
    return (tr("Moderation list by @{handle} · %n people", None, members) if moderation
            else tr("List by @{handle} · %n people", None, members)).format(handle=handle)


class FeedHeader(QWidget):
    """The feed's or list's name, who made it, its description and standing, and the reader's
    buttons for it. Holds the widgets only."""

    pin_requested = Signal()
    save_requested = Signal()
    like_requested = Signal()
    mute_requested = Signal()
    block_requested = Signal()
    rename_requested = Signal(str)
    delete_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("feedHeader")
        self.name = QLabel()
        self.name.setObjectName("feedName")
        font = self.name.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.name.setFont(font)
        self.byline = QLabel()
        self.byline.setObjectName("feedByline")
        self.description = QLabel()
        self.description.setObjectName("feedDescription")
        self.description.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("feedStatus")
        self.status.setWordWrap(True)
        for label in (self.name, self.byline, self.description, self.status):
            label.setTextFormat(Qt.TextFormat.PlainText)  # the creator's words: text only
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for key, signal, tip in (
                ("pin", self.pin_requested, tr("Show it as a tab on Home")),
                ("save", self.save_requested, tr("Keep it in your saved feeds")),
                ("like", self.like_requested, tr("Like this feed")),
                ("mute", self.mute_requested, tr("Mute everyone on this list")),
                ("block", self.block_requested, tr("Block everyone on this list")),
                ("rename", self._ask_name, tr("Give this list another name")),
                ("delete", self._confirm_delete, tr("Delete this list"))):
            button = QPushButton()
            button.setObjectName(f"feed-{key}")
            button.setToolTip(tip)
            button.clicked.connect(signal)
            self.buttons[key] = button
            row.addWidget(button)
        self.own = False  # the reader's own list: it can be renamed and deleted
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        for widget in (self.name, self.byline, self.description, self.status):
            layout.addWidget(widget)
        layout.addLayout(row)
        self.show_info(None)

    def show_info(self, info: FeedInfo | None) -> None:
        generator = info.generator if info else None
        listed = info.list if info else None
        self.name.setText(info.name if info and info.name else tr("Loading…"))
        if generator is not None:
            self.byline.setText(tr("Feed by @{handle} · %n likes", None, generator.like_count)
                                .format(handle=generator.creator.handle))
            self.description.setText(generator.description)
            self.status.setText("" if generator.online and generator.valid else
                                tr("This feed's server isn't answering right now."))
        elif listed is not None:
            self.byline.setText(list_byline(
                listed.moderation, listed.creator.handle if listed.creator else None,
                listed.members))
            self.description.setText(listed.description)
            self.status.setText(tr("You mute everyone on it.") if listed.viewer_muted else
                                tr("You block everyone on it.") if listed.viewer_blocked
                                else "")
        self.description.setVisible(bool(self.description.text()))
        self.status.setVisible(bool(self.status.text()))
        self._buttons(info)

    def _ask_name(self) -> None:
        name, ok = QInputDialog.getText(self, tr("Rename list"), tr("New name:"),
                                        text=self.name.text())
        if ok and name.strip():
            self.rename_requested.emit(name.strip())

    def _confirm_delete(self) -> None:
        answer = QMessageBox.question(
            self, tr("Delete list"),
            tr("Delete the list “{name}”? This can't be undone.").format(name=self.name.text()))
        if answer == QMessageBox.StandardButton.Yes:
            self.delete_requested.emit()

    def _buttons(self, info: FeedInfo | None) -> None:
        buttons = self.buttons
        moderation = bool(info and info.list and info.list.moderation)
        # Each with its Alt key (the underlined letter), so the keyboard reaches them at once.
        texts = {
            "pin": tr("Un&pin from Home") if info and info.pinned else tr("&Pin to Home"),
            "save": (tr("Remove from &saved") if info and info.saved
                     else tr("&Save", "keep a feed in the saved feeds")),
            "like": (tr("♥ &Liked") if info and info.generator and info.generator.viewer_like
                     else tr("♡ &Like", "like a feed")),
            "mute": (tr("Un&mute list") if info and info.list and info.list.viewer_muted
                     else tr("&Mute list")),
            "block": (tr("Un&block list") if info and info.list and info.list.viewer_blocked
                      else tr("&Block list")),
            "rename": tr("&Rename…"), "delete": tr("&Delete list"),
        }
        visible = {"pin": not moderation, "save": not moderation,
                   "like": bool(info and info.generator), "mute": moderation,
                   "block": moderation, "rename": self.own, "delete": self.own}
        for key, button in buttons.items():
            button.setText(texts[key])
            button.setAccessibleName(texts[key].replace("&", ""))
            button.setVisible(visible[key])
            button.setEnabled(info is not None and not info.busy)


class FeedPageView(QWidget):
    """A feed's page: back bar, header, its posts."""

    def __init__(self, images: ImageCache, back: Callable[[], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("feedPage")
        self.back_bar = BackBar(tr("Feed"), back)
        self.header = FeedHeader()
        self.list = PostListView(PostListModel(), images, name=tr("Feed posts"),
                                 loading=tr("Loading the feed…"),
                                 empty=tr("This feed has no posts yet."))
        self.list.setObjectName("feedPageList")
        self.list.set_header_widget(self.header)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.back_bar)
        layout.addWidget(self.list, 1)
        self.setFocusProxy(self.list)


class FeedPageBinding(ListBinding):
    """A feed page's model in its view: the header shows what the feed is and becomes, its
    buttons go to the model."""

    def __init__(self, screen: FeedPageScreen, view: FeedPageView, *,
                 navigate: Callable[[Intent], None],
                 open_url: Callable[[str], None] = open_in_browser) -> None:
        super().__init__(screen, view.list, navigate=navigate, open_url=open_url)
        header, spawn = view.header, screen.spawn

        def shown(info: FeedInfo) -> None:
            header.own = screen.own_list
            header.show_info(info)

        async def delete() -> None:
            if await screen.delete():
                view.back_bar.button.click()  # the page of a list that is gone: leave it

        screen.shown = shown
        self.bind(header.rename_requested, lambda name: spawn(screen.rename(name)))
        self.bind(header.delete_requested, lambda: spawn(delete()))
        for signal, action in ((header.pin_requested, screen.pin),
                               (header.save_requested, screen.save),
                               (header.like_requested, screen.like),
                               (header.mute_requested, screen.mute_list),
                               (header.block_requested, screen.block_list)):
            self.bind(signal, lambda action=action: spawn(action()))
