"""The screens: home, thread, profile, notifications and search. Each is a view (widgets only)
and a binding that shows its `app.screens` model in it and hands the reader's intents to it.
"""

from __future__ import annotations

from ._back_bar import BackBar
from ._binding import ListBinding, bind_composer, open_in_browser
from ._home import HomeBinding, HomeView
from ._notifications import NotificationsView
from ._profile import ProfileBinding, ProfileHeader, ProfileView
from ._search import SearchBinding, SearchView
from ._thread import ThreadBinding, ThreadView

__all__ = [
    "BackBar",
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
