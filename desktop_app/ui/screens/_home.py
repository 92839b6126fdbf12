"""Home: the composer above the account's timeline, with newer posts waiting on top."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ...app.screens import Composing, HomeScreen, Intent
from ..compose import Composer
from ..posts import ImageCache, PostListModel, PostListView
from ._binding import ListBinding, bind_composer, open_in_browser

NEW_POSTS_CHECK_MS = 60_000


class HomeView(QWidget):
    """The composer and the timeline list, one above the other."""

    def __init__(self, images: ImageCache, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("homePage")
        self.composer = Composer()
        self.list = PostListView(
            PostListModel(), images, name="Home timeline", title="Home",
            loading="Loading your timeline…",
            empty="Your timeline is empty.\nFollow people to see their posts here.")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.composer)
        layout.addWidget(self.list, 1)
        self.setFocusProxy(self.list)


class HomeBinding(ListBinding):
    """The home screen model in the home view: refresh shows newer posts, a timer counts them,
    the composer posts. Holds that timer."""

    def __init__(self, screen: HomeScreen, view: HomeView, *,
                 navigate: Callable[[Intent], None],
                 open_url: Callable[[str], None] = open_in_browser,
                 check_ms: int = NEW_POSTS_CHECK_MS,
                 composing: Composing | None = None) -> None:
        super().__init__(screen, view.list, navigate=navigate, open_url=open_url)
        self.home = screen
        self.bind(view.list.show_new_requested, self.refresh)
        bind_composer(self, view.composer, screen.publisher, screen.post, composing=composing)
        self._timer = QTimer(self)
        self._timer.setInterval(check_ms)
        self._timer.timeout.connect(lambda: screen.spawn(screen.check_new()))

    def start(self) -> None:
        super().start()
        self._timer.start()

    def refresh(self) -> None:
        self.home.spawn(self.home.show_newer())

    async def aclose(self) -> None:
        self._timer.stop()
        await super().aclose()
