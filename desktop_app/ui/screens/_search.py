"""Search: posts (latest or top) and people, from a query box or a clicked hashtag."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QTabBar, QVBoxLayout, QWidget

from ...app.screens import SEARCH_TABS, Intent, SearchScreen
from ..lang import tr
from ..posts import ImageCache, PostListModel, PostListView
from ._back_bar import BackBar
from ._binding import ListBinding, open_in_browser
from ._labels import tab_label


class SearchView(QWidget):
    """A query box, tabs, results; with a Back bar when opened from a hashtag."""

    def __init__(self, images: ImageCache, back: Callable[[], None] | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchView")
        self.query = QLineEdit()
        self.query.setObjectName("searchQuery")
        self.query.setPlaceholderText(tr("Search posts, people and feeds"))
        self.query.setAccessibleName(tr("Search"))
        self.query.setClearButtonEnabled(True)
        self.tabs = QTabBar()
        self.tabs.setObjectName("searchTabs")
        for label, _ in SEARCH_TABS:
            self.tabs.addTab(tab_label(label))
        self.list = PostListView(PostListModel(), images, name=tr("Search results"),
                                 loading=tr("Searching…"), refresh=False)
        self.list.setObjectName("searchList")
        bar = QHBoxLayout()
        bar.addWidget(self.query, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if back is not None:
            layout.addWidget(BackBar(tr("Search"), back))
        layout.addLayout(bar)
        layout.addWidget(self.tabs)
        layout.addWidget(self.list, 1)
        self.list.set_empty_text(tr("Type a word, a #tag or a name, then press Enter."))
        self.list.loaded()

    def focus_query(self) -> None:
        self.query.setFocus()
        self.query.selectAll()


class SearchBinding(ListBinding):
    """A search screen model in a search view: Enter in the query box or another tab runs the
    search."""

    def __init__(self, screen: SearchScreen, view: SearchView, *,
                 navigate: Callable[[Intent], None],
                 open_url: Callable[[str], None] = open_in_browser) -> None:
        super().__init__(screen, view.list, navigate=navigate, open_url=open_url)
        self.search_screen = screen
        self.search_view = view
        self.bind(view.query.returnPressed, lambda: self.search(view.query.text()))
        self.bind(view.tabs.currentChanged, lambda _: self.search(view.query.text()))

    def search(self, query: str) -> None:
        view = self.search_view
        if view.query.text() != query:
            view.query.setText(query)
        if query.strip():
            view.list.set_empty_text(
                tr("Nothing found for “{query}”.").format(query=query.strip()))
        self.screen.spawn(self.search_screen.search(query, view.tabs.currentIndex()))

    def start(self) -> None:
        """Nothing to load until there is a query."""

    def refresh(self) -> None:
        self.search(self.search_view.query.text())
