"""The screens: home, thread, profile, notifications, search and bookmarks. Each is a view
(widgets only) and a binding that shows its `app.screens` model in it and hands the reader's
intents to it.
"""

from __future__ import annotations

from ._back_bar import BackBar
from ._binding import ListBinding, bind_composer, open_in_browser
from ._bookmarks import BookmarksView
from ._feed_page import FeedHeader, FeedPageBinding, FeedPageView
from ._home import HomeBinding, HomeView
from ._notifications import NotificationsView
from ._profile import ProfileBinding, ProfileHeader, ProfileView
from ._search import SearchBinding, SearchView
from ._thread import ThreadBinding, ThreadView

__all__ = [
    "BackBar",
    "BookmarksView",
    "FeedHeader",
    "FeedPageBinding",
    "FeedPageView",
    "HomeBinding",
    "HomeView",
    "ListBinding",
    "NotificationsView",
    "ProfileBinding",
    "ProfileHeader",
    "ProfileView",
    "SearchBinding",
    "SearchView",
    "ThreadBinding",
    "ThreadView",
    "bind_composer",
    "open_in_browser",
]
