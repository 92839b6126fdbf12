"""What the notifications say, phrased in ui/ from their parts (so each language can say it
its own way): one person, two, one and others; the line above a reply, mention or quote; and
the same in Japanese and Portuguese once their catalogues are installed."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from desktop_app.app.screens import NOTIFICATION_CONTEXT, Row
from desktop_app.app.screens._thread import more_row
from desktop_app.bsky import Author, Notification, NotificationGroup, PostView, ThreadNode
from desktop_app.ui.lang import CATALOGUES
from desktop_app.ui.posts._words import group_summary, row_words, shown

DID = "did:plc:ewvi7nxzyoun6zhxrhs64oiz"


def group(reason: str, *names: str) -> NotificationGroup:
    return NotificationGroup(tuple(
        Notification(f"at://did:plc:{n}/app.bsky.feed.like/{i}", "c", Author(f"did:plc:{n}",
                     f"{n}.test", n.title()), reason, None, False, "")
        for i, n in enumerate(names)))


def test_english_as_before() -> None:
    assert group_summary(group("like", "bob")) == "Bob liked your post"
    assert group_summary(group("repost", "bob", "carol")) == "Bob and Carol reposted your post"
    assert group_summary(group("follow", "bob", "carol", "dan", "eve")) \
        == "Bob and 3 others followed you"
    assert group_summary(group("something-new", "bob")) == "Bob notified you"
    assert shown(NOTIFICATION_CONTEXT["reply"].format("Bob")) == "↩ Bob replied to you"
    assert shown("a labeler's own words") == "a labeler's own words"


@pytest.fixture
def japanese(qapp: QApplication) -> Iterator[None]:
    translator = QTranslator()
    assert translator.load(QLocale("ja"), "app", "_", str(CATALOGUES))
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


def test_in_japanese(japanese: None) -> None:
    assert group_summary(group("like", "bob", "carol", "dan")) \
        == "Bob さんと他 2 人があなたのポストにいいねしました"
    assert shown(NOTIFICATION_CONTEXT["quote"].format("Bob")) \
        == "❝ Bob さんがあなたのポストを引用しました"


def test_a_threads_rows_that_are_no_post() -> None:
    """A "more replies" row says how many (the app layer's English is the command line's); a
    placeholder says why its post can't be shown."""
    node = ThreadNode(uri=f"at://{DID}/app.bsky.feed.post/1", post=post(1, replies=1))
    assert row_words(more_row(node, 1)) == more_row(node, 1).text == "Show 1 more reply"
    node = ThreadNode(uri=node.uri, post=post(1, replies=12))
    assert row_words(more_row(node, 1)) == "Show 12 more replies"
    assert row_words(Row("gone", "placeholder", text="Post unavailable")) == "Post unavailable"


def test_a_threads_rows_in_japanese(japanese: None) -> None:
    node = ThreadNode(uri=f"at://{DID}/app.bsky.feed.post/1", post=post(1, replies=12))
    said = row_words(more_row(node, 1))
    assert "12" in said and "Show" not in said, said
    assert row_words(Row("gone", "placeholder", text="Post unavailable")) != "Post unavailable"


def post(n: int, *, replies: int) -> PostView:
    return PostView(uri=f"at://{DID}/app.bsky.feed.post/{n}", cid=f"c{n}",
                    author=Author(DID, "alice.test"), text="hi", created_at="", indexed_at="",
                    reply_count=replies)
