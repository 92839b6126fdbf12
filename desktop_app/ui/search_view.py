"""Search: posts (latest or top) and people, from a query box or a clicked hashtag."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QTabBar, QVBoxLayout, QWidget

from ..app import Moderator
from ..bsky import Agent, FeedPager, SearchSort
from ..errors import AppError
from .feed_controller import FeedController
from .images import ImageCache
from .navigation import BackBar
from .rows import actor_row
from .timeline_model import TimelineModel
from .timeline_view import TimelineView

log = logging.getLogger(__name__)

PAGE_SIZE = 25
TABS: tuple[tuple[str, SearchSort | None], ...] = (
    ("Latest", "latest"), ("Top", "top"), ("People", None))


class SearchView(QWidget):
    """A query box, tabs, results; with a Back bar when opened from a hashtag."""

    def __init__(self, images: ImageCache, back: Callable[[], None] | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchView")
        self.query = QLineEdit()
        self.query.setObjectName("searchQuery")
        self.query.setPlaceholderText("Search posts and people")
        self.query.setAccessibleName("Search")
        self.query.setClearButtonEnabled(True)
        self.tabs = QTabBar()
        self.tabs.setObjectName("searchTabs")
        for label, _ in TABS:
            self.tabs.addTab(label)
        self.list = TimelineView(TimelineModel(), images)
        self.list.setObjectName("searchList")
        self.list.set_title("")
        self.list.set_loading_text("Searching…")
        self.list.set_empty_text("Nothing found.")
        self.list.refresh_button.hide()
        bar = QHBoxLayout()
        bar.addWidget(self.query, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if back is not None:
            layout.addWidget(BackBar("Search", back))
        layout.addLayout(bar)
        layout.addWidget(self.tabs)
        layout.addWidget(self.list, 1)
        self.list.set_empty_text("Type a word, a #tag or a name, then press Enter.")
        self.list.loaded()
        self.controller: SearchController | None = None

    def focus_query(self) -> None:
        self.query.setFocus()
        self.query.selectAll()

    async def aclose(self) -> None:
        if self.controller is not None:
            await self.controller.aclose()


class SearchController(FeedController):
    """Runs the view's query on the chosen tab. Holds the query and the people cursor."""

    def __init__(self, agent: Agent, view: SearchView, *,
                 moderator: Moderator | None = None) -> None:
        super().__init__(agent, view.list, None, moderator=moderator, name="search")
        self.search_view = view
        self.query = ""
        self._people_cursor: str | None = None
        self._people_done = True
        self.connect_view(view.query.returnPressed, lambda: self.search(view.query.text()))
        self.connect_view(view.tabs.currentChanged, lambda _: self.search(self.query))

    def search(self, query: str) -> None:
        self.query = query.strip()
        if self.search_view.query.text() != query:
            self.search_view.query.setText(query)
        if self.query:
            self.spawn(self.run())

    async def run(self) -> None:
        sort = TABS[self.search_view.tabs.currentIndex()][1]
        agent, query = self.agent, self.query
        self.view.set_empty_text(f"Nothing found for “{query}”.")
        if sort is None:
            self.pager = None
            await self._people(first=True)
            return
        self.pager = FeedPager(lambda cursor: agent.search_posts(
            query, sort=sort, cursor=cursor, limit=PAGE_SIZE))
        await super().load_first()

    async def load_first(self) -> None:
        if self.query:
            await self.run()

    async def load_more(self) -> None:
        if self.pager is None:
            await self._people(first=False)
        else:
            await super().load_more()

    async def _people(self, *, first: bool) -> None:
        if not first and (self._people_done or self._people_cursor is None):
            return
        if first:
            self.view.show_loading()
        try:
            page = await self.agent.search_actors(
                self.query, cursor=None if first else self._people_cursor, limit=PAGE_SIZE)
        except AppError as exc:
            log.info("people search failed: %s", exc.detail)
            (self.view.show_error if first else self.view.show_more_error)(exc.message)
            return
        self._people_cursor = page.cursor
        self._people_done = page.cursor is None or not page.actors
        rows = [actor_row(a) for a in page.actors
                if self.moderator is None or not self.moderator.author(a).hide]
        if first:
            self.model.reset_rows(rows)
            self.view.loaded()
        else:
            self.model.append_rows(rows)
