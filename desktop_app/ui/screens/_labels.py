"""The labels of the profile's and the search's tabs in the interface's language: the app
layer names them in English (`PROFILE_TABS`, `SEARCH_TABS`), the window shows them translated."""

from __future__ import annotations

from ..lang import tr


def tab_label(label: str) -> str:
    """The tab `label` (an English name from `PROFILE_TABS` or `SEARCH_TABS`) as shown; an
    unknown one as it is."""
    labels = {
        "Posts": tr("Posts", "profile tab: the account's posts"),
        "Replies": tr("Replies", "profile tab: the account's posts and replies"),
        "Media": tr("Media", "profile tab: the account's posts with images or video"),
        "Feeds": tr("Feeds", "tab: custom feeds"),
        "Lists": tr("Lists", "profile tab: the account's lists"),
        "Likes": tr("Likes", "profile tab: the posts the account liked"),
        "Latest": tr("Latest", "search tab: newest posts first"),
        "Top": tr("Top", "search tab: most popular posts first"),
        "People": tr("People", "search tab: accounts"),
    }
    return labels.get(label, label)
