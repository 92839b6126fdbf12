"""A feed's page header: what it says and which buttons it offers, for a custom feed, a curate
list and a moderation list; the creator's words stay text; a feed or list card opens its page."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from desktop_app.app.screens import FeedInfo, OpenFeed, generator_card, list_card
from desktop_app.bsky import CURATE, MODERATION, Author, FeedGenerator, ListInfo
from desktop_app.ui.posts import ImageCache, PostListModel, PostListView, row_intent
from desktop_app.ui.screens import FeedHeader

DID = "did:plc:ewvi7nxzyoun6zhxrhs64oiz"
ALICE = Author(DID, "alice.test", "Alice")
FEED = FeedGenerator(f"at://{DID}/app.bsky.feed.generator/cats", "c1", "did:web:f.test", ALICE,
                     "Cats <b>only</b>", "All the cats", like_count=3)
MODLIST = ListInfo(f"at://{DID}/app.bsky.graph.list/spam", "c2", "Spam", MODERATION, ALICE,
                   members=12)


async def no_media(url: str) -> bytes:
    raise AssertionError(f"no image should load: {url}")


def visible(header: FeedHeader) -> dict[str, str]:
    return {key: b.text().replace("&", "") for key, b in header.buttons.items()
            if not b.isHidden()}


def test_a_feed_offers_pin_save_and_like(qtbot: QtBot) -> None:
    header = FeedHeader()
    qtbot.addWidget(header)
    header.show_info(FeedInfo(FEED.uri, generator=FEED))
    assert header.name.text() == "Cats <b>only</b>"
    assert header.name.textFormat() == Qt.TextFormat.PlainText
    assert header.byline.text() == "Feed by @alice.test · 3 likes"
    assert visible(header) == {"pin": "Pin to Home", "save": "Save", "like": "♡ Like"}
    header.show_info(FeedInfo(FEED.uri, generator=FEED, pinned=True, saved=True, busy=True))
    assert visible(header)["pin"] == "Unpin from Home"
    assert not header.buttons["pin"].isEnabled()  # a change on its way


def test_a_moderation_list_offers_mute_and_block(qtbot: QtBot) -> None:
    header = FeedHeader()
    qtbot.addWidget(header)
    header.show_info(FeedInfo(MODLIST.uri, list=MODLIST))
    assert header.byline.text() == "Moderation list by @alice.test · 12 people"
    assert visible(header) == {"mute": "Mute list", "block": "Block list"}
    header.show_info(FeedInfo(MODLIST.uri, list=replace(MODLIST, viewer_muted=True)))
    assert visible(header)["mute"] == "Unmute list"
    assert header.status.text() == "You mute everyone on it."


def test_a_curate_list_can_be_pinned(qtbot: QtBot) -> None:
    header = FeedHeader()
    qtbot.addWidget(header)
    friends = ListInfo(f"at://{DID}/app.bsky.graph.list/f", "c3", "Friends", CURATE, ALICE)
    header.show_info(FeedInfo(friends.uri, list=friends, saved=True))
    assert visible(header) == {"pin": "Pin to Home", "save": "Remove from saved"}


def test_cards_open_their_pages(qtbot: QtBot) -> None:
    view = PostListView(PostListModel(), ImageCache(no_media))
    qtbot.addWidget(view)
    view.resize(600, 400)
    feed_row, list_row = generator_card(FEED), list_card(MODLIST)
    view.model.list.reset([feed_row, list_row])
    assert row_intent(feed_row) == OpenFeed(FEED.uri)
    assert row_intent(list_row) == OpenFeed(MODLIST.uri)
    option = QStyleOptionViewItem()
    option.initFrom(view.list)
    option.rect = QRect(0, 0, 600, 200)
    layout = view.delegate.layout(feed_row, 600, option.font, QColor("blue"))
    assert view.delegate.hit(feed_row, option, QPoint(layout.header.left() + 5,
                                                      layout.header.center().y())) \
        == OpenFeed(FEED.uri)
    assert view.model.data(view.model.index(0), Qt.ItemDataRole.AccessibleTextRole) == \
        "Cats <b>only</b>. Feed by @alice.test · 3 likes. All the cats."
