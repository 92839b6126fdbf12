"""A post's thread: the back bar, the thread list, and a reply box under it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QVBoxLayout, QWidget

from ...app.screens import Composing, Intent, ThreadScreen
from ..compose import Composer
from ..lang import tr
from ..posts import ImageCache, PostListModel, PostListView
from ._back_bar import BackBar
from ._binding import ListBinding, bind_composer, open_in_browser

FIRST_BATCH = 20


class ThreadView(QWidget):
    """The widgets of one thread."""

    def __init__(self, images: ImageCache, back: Callable[[], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("threadView")
        self.back_bar = BackBar(tr("Thread"), back)
        self.list = PostListView(PostListModel(), images, name=tr("Thread"),
                                 loading=tr("Loading the thread…"),
                                 empty=tr("This thread could not be shown."), refresh=False)
        self.list.setObjectName("threadList")
        # Lay out few rows before the first paint: the post and its first replies show sooner.
        self.list.list.setBatchSize(FIRST_BATCH)
        self.composer = Composer()
        self.composer.setObjectName("threadComposer")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.back_bar)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.composer)
        self.setFocusProxy(self.list)


class ThreadBinding(ListBinding):
    """A thread screen model in its view; replying from the reply box."""

    def __init__(self, screen: ThreadScreen, view: ThreadView, *,
                 navigate: Callable[[Intent], None],
                 open_url: Callable[[str], None] = open_in_browser,
                 composing: Composing | None = None) -> None:
        super().__init__(screen, view.list, navigate=navigate, open_url=open_url)
        # A reply box closed with text in it keeps it in the drafts list (not offered back at
        # the next launch: the thread is not open then).
        bind_composer(self, view.composer, screen.publisher, screen.reply,
                      target=lambda: screen.reply_target, composing=composing,
                      keep_open=False)
