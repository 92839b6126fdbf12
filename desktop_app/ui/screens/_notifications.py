"""Notifications: likes, reposts and follows grouped; replies, mentions and quotes as posts."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from ..lang import tr
from ..posts import ImageCache, PostListModel, PostListView


class NotificationsView(QWidget):
    """The notifications list (the `NotificationsScreen` model fills it)."""

    def __init__(self, images: ImageCache, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notificationsView")
        self.list = PostListView(PostListModel(), images, name=tr("Notifications"),
                                 title=tr("Notifications"),
                                 loading=tr("Loading your notifications…"),
                                 empty=tr("No notifications yet."))
        self.list.setObjectName("notificationsList")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        self.setFocusProxy(self.list)
