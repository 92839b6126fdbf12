"""What each screen of the window shows and does, without Qt: the rows of its lists, their
paging and states, the reader's intents, likes, reposts, follows, mutes and blocks (optimistic,
in one place), and posting.

Import from this face, not from the private modules behind it.
"""

from ._actions import PENDING, AccountAction, AccountActions, Links, PostAction, PostActions
from ._composing import Composing
from ._feed_page import FeedInfo, FeedPageScreen, generator_card, list_card
from ._feeds import FOLLOWING_NAME, HomeFeeds, Tab, feed_names, feed_screen
from ._home import HomeScreen
from ._hooks import Footer, Hooks, ListState, Phase
from ._intents import (
    Bookmark,
    Intent,
    Like,
    MoreReplies,
    Navigation,
    OpenFeed,
    OpenGroup,
    OpenImage,
    OpenLink,
    OpenProfile,
    OpenSearch,
    OpenThread,
    Quote,
    Reply,
    Repost,
    Reveal,
    link_intent,
)
from ._lists import FeedScreen, ListScreen, feed_pager
from ._notifications import CONTEXT as NOTIFICATION_CONTEXT
from ._notifications import NotificationsScreen
from ._posting import INDEX_WAIT, Published, Publisher, needs
from ._profile import TABS as PROFILE_TABS
from ._profile import ProfileScreen
from ._rows import (
    WAITING,
    Card,
    Row,
    RowKind,
    RowList,
    RowObserver,
    actor_row,
    card_row,
    pending_row,
    post_row,
)
from ._search import TABS as SEARCH_TABS
from ._search import SearchScreen
from ._thread import ThreadScreen

__all__ = [
    "FOLLOWING_NAME",
    "INDEX_WAIT",
    "NOTIFICATION_CONTEXT",
    "PENDING",
    "PROFILE_TABS",
    "SEARCH_TABS",
    "WAITING",
    "AccountAction",
    "AccountActions",
    "Bookmark",
    "Card",
    "Composing",
    "FeedInfo",
    "FeedPageScreen",
    "FeedScreen",
    "Footer",
    "HomeFeeds",
    "HomeScreen",
    "Hooks",
    "Intent",
    "Like",
    "Links",
    "ListScreen",
    "ListState",
    "MoreReplies",
    "Navigation",
    "NotificationsScreen",
    "OpenFeed",
    "OpenGroup",
    "OpenImage",
    "OpenLink",
    "OpenProfile",
    "OpenSearch",
    "OpenThread",
    "Phase",
    "PostAction",
    "PostActions",
    "ProfileScreen",
    "Published",
    "Publisher",
    "Quote",
    "Reply",
    "Repost",
    "Reveal",
    "Row",
    "RowKind",
    "RowList",
    "RowObserver",
    "SearchScreen",
    "Tab",
    "ThreadScreen",
    "actor_row",
    "card_row",
    "feed_names",
    "feed_pager",
    "feed_screen",
    "generator_card",
    "link_intent",
    "list_card",
    "needs",
    "pending_row",
    "post_row",
]
