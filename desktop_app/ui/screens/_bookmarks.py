"""Bookmarks: the posts the account saved for later, newest first (private to the account)."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from ..lang import tr
from ..posts import ImageCache, PostListModel, PostListView


class BookmarksView(QWidget):
    """The bookmarks list (a `FeedScreen` over `getBookmarks` fills it)."""

    def __init__(self, images: ImageCache, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bookmarksView")
        self.list = PostListView(PostListModel(), images, name=tr("Bookmarks"),
                                 title=tr("Bookmarks"),
                                 loading=tr("Loading your bookmarks…"),
                                 empty=tr("No bookmarks yet.\nSave a post with ⚐ to find it here."))
        self.list.setObjectName("bookmarksList")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        self.setFocusProxy(self.list)
