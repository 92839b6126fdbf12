"""Offscreen tests of the timeline model, the post delegate (long, empty, RTL text) and the view."""

from __future__ import annotations

import dataclasses
from functools import partial

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from desktop_app.app.screens import Bookmark, Like, OpenLink, OpenProfile, post_row
from desktop_app.bsky import Author, ExternalView, Facet, FeedItem, ImageView, PostView
from desktop_app.ui.posts import (
    HEIGHT_WIDTHS,
    ITEM_ROLE,
    PostLayout,
    PostListModel,
    PostListView,
)
from tests.support.app import offline_images

DID = "did:plc:ewvi7nxzyoun6zhxrhs64oiz"
WIDTH = 480


def post(n: int, text: str = "hello", **extra: object) -> PostView:
    values: dict[str, object] = {
        "uri": f"at://{DID}/app.bsky.feed.post/{n}", "cid": f"c{n}",
        "author": Author(DID, "alice.test", "Alice"), "text": text,
        "created_at": "2026-11-22T10:00:00Z", "indexed_at": "2026-11-22T10:00:00Z"}
    values.update(extra)
    return PostView(**values)  # type: ignore[arg-type]


@pytest.fixture
def view(qtbot: QtBot) -> PostListView:
    widget = PostListView(PostListModel(), offline_images())
    qtbot.addWidget(widget)
    widget.resize(WIDTH, 700)
    widget.show()
    return widget


def render(view: PostListView, row: int) -> tuple[QImage, PostLayout]:
    """Paint one row through the delegate into an image with a white background."""
    delegate = view.delegate
    index = view.model.index(row)
    option = QStyleOptionViewItem()
    option.initFrom(view.list)
    option.rect = QRect(0, 0, WIDTH, 10)
    delegate.width_source = None
    size = delegate.sizeHint(option, index)
    option.rect = QRect(QPoint(0, 0), size)
    image = QImage(size, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    delegate.paint(painter, option, index)
    painter.end()
    item = index.data(ITEM_ROLE)
    assert isinstance(item, FeedItem)
    layout = delegate.layout(item, WIDTH, option.font,
                             QColor("blue"))
    return image, layout


def ink_columns(image: QImage, area: QRect) -> list[int]:
    """x positions inside `area` with dark (text) pixels."""
    xs = []
    for x in range(area.left(), area.right() + 1):
        for y in range(area.top(), area.bottom() + 1):
            if QColor(image.pixel(x, y)).lightness() < 128:
                xs.append(x)
                break
    return xs


def test_model_dedupes_appends_prepends_and_updates() -> None:
    model = PostListModel()
    reposter = Author("did:plc:44ybard66vv44zksje25o7dz", "bob.test")
    assert model.append([FeedItem(post(1)), FeedItem(post(2)), FeedItem(post(1))]) == 2
    assert model.append([FeedItem(post(2)), FeedItem(post(1), reposter)]) == 1
    assert model.list.insert(0, [post_row(FeedItem(post(3))), post_row(FeedItem(post(1)))]) == 1
    assert [model.item(r).post.uri[-1] for r in range(model.rowCount())] == ["3", "1", "2", "1"]
    changed = model.list.update_post(post(1).uri, lambda p: dataclasses.replace(p, like_count=7))
    assert changed == 2
    assert {model.item(r).post.like_count for r in (1, 3)} == {7}
    text = model.data(model.index(3), Qt.ItemDataRole.AccessibleTextRole)
    assert text.startswith("Reposted by bob.test. Alice (@alice.test), ") and ": hello " in text
    hint = model.data(model.index(3), Qt.ItemDataRole.AccessibleDescriptionRole)
    assert hint.startswith("Enter opens the thread; L like, R reply") and "Menu key" in hint


def test_long_empty_and_rtl_text_render(view: PostListView) -> None:
    long_text = " ".join(["wrapping words go on and on"] * 40)
    view.model.append([
        FeedItem(post(1, long_text)),
        FeedItem(post(2, "")),
        FeedItem(post(3, "שלום עולם")),
        FeedItem(post(4, "hi")),
    ])
    long_image, long_layout = render(view, 0)
    empty_image, empty_layout = render(view, 1)
    assert long_layout.text is not None and empty_layout.text is None
    assert long_layout.text.height() > 10 * long_layout.header.height()  # wrapped, not clipped
    assert long_image.height() >= long_layout.text.bottom()
    assert empty_image.height() < long_image.height()
    assert long_layout.reply.top() > long_layout.text.bottom()  # buttons below the text
    # The long text is painted over its whole height.
    area = long_layout.text
    bottom_strip = QRect(area.left(), area.bottom() - 12, area.width(), 12)
    assert ink_columns(long_image, bottom_strip)

    rtl_image, rtl_layout = render(view, 2)
    ltr_image, ltr_layout = render(view, 3)
    assert rtl_layout.text is not None and ltr_layout.text is not None
    rtl_ink = ink_columns(rtl_image, rtl_layout.text)
    ltr_ink = ink_columns(ltr_image, ltr_layout.text)
    middle = rtl_layout.text.center().x()
    assert rtl_ink and min(rtl_ink) > middle  # right-aligned
    assert max(rtl_ink) >= rtl_layout.text.right() - 3
    assert ltr_ink and max(ltr_ink) < middle and min(ltr_ink) <= ltr_layout.text.left() + 3


def test_images_external_and_quote_take_room(view: PostListView) -> None:
    images = tuple(ImageView(f"https://cdn.invalid/t{i}", f"https://cdn.invalid/f{i}", f"alt {i}")
                   for i in range(3))
    view.model.append([
        FeedItem(post(1, "x", images=images[:1])),
        FeedItem(post(2, "x", images=images)),
        FeedItem(post(3, "x", external=ExternalView("https://example.com", "T", "D"))),
    ])
    _, one = render(view, 0)
    _, three = render(view, 1)
    _, card = render(view, 2)
    assert len(one.images) == 1 and len(three.images) == 3
    assert one.images[0].width() > three.images[0].width()  # a grid for several
    assert card.external is not None and card.external.height() > 20
    assert view.images.fetches >= 0  # placeholders painted while thumbnails fail


def test_clicks_on_links_and_buttons_emit_signals(view: PostListView, qtbot: QtBot) -> None:
    text = "see https://example.com now"
    start = text.index("https")
    link = Facet(start, start + len("https://example.com"), "link", "https://example.com")
    view.model.append([FeedItem(post(1, text, facets=(link,)))])
    view.loaded()
    qtbot.waitUntil(lambda: view.list.visualRect(view.model.index(0)).height() > 0)
    index = view.model.index(0)
    rect = view.list.visualRect(index)
    option = QStyleOptionViewItem()
    option.initFrom(view.list)
    option.rect = rect
    item = index.data(ITEM_ROLE)
    layout = view.delegate.layout(item, view.list.viewport().width(),
                                  option.font, QColor("blue"))
    assert layout.text is not None
    link_point = None
    for x in range(layout.text.left(), layout.text.right()):
        pos = QPoint(x, layout.text.center().y())
        if isinstance(view.delegate.hit(item, option, pos), OpenLink):
            link_point = pos
            break
    assert link_point is not None
    with qtbot.waitSignal(view.intent) as got:
        qtbot.mouseClick(view.list.viewport(), Qt.MouseButton.LeftButton,
                         pos=rect.topLeft() + link_point)
    assert got.args == [OpenLink("https://example.com")]
    with qtbot.waitSignal(view.intent) as liked:
        qtbot.mouseClick(view.list.viewport(), Qt.MouseButton.LeftButton,
                         pos=rect.topLeft() + layout.like.center())
    assert isinstance(liked.args[0], Like) and liked.args[0].post.uri == post(1).uri
    with qtbot.waitSignal(view.intent) as saved:
        qtbot.mouseClick(view.list.viewport(), Qt.MouseButton.LeftButton,
                         pos=rect.topLeft() + layout.bookmark.center())
    assert isinstance(saved.args[0], Bookmark) and saved.args[0].post.uri == post(1).uri
    assert layout.bookmark.left() > layout.quote_button.right()
    with qtbot.waitSignal(view.intent) as author:
        qtbot.mouseClick(view.list.viewport(), Qt.MouseButton.LeftButton,
                         pos=rect.topLeft() + layout.avatar.center())
    assert author.args == [OpenProfile(post(1).author.did)]


def test_states_empty_error_and_new_posts(view: PostListView) -> None:
    assert view.stack.currentWidget() is view.loading_label
    view.loaded()
    assert view.stack.currentWidget() is view.empty_label
    view.show_error("Your provider could not be reached.")
    assert view.error_label.text() == "Your provider could not be reached."
    view.model.append([FeedItem(post(1))])
    view.loaded()
    assert view.stack.currentWidget() is view.list
    view.set_new_posts(3)
    assert view.new_posts_button.isVisible() and view.new_posts_button.text() == "↑ 3 new posts"
    view.set_new_posts(0)
    assert not view.new_posts_button.isVisible()


def test_scrolling_near_the_bottom_asks_for_more(view: PostListView, qtbot: QtBot) -> None:
    view.model.append([FeedItem(post(i, "line " * 30)) for i in range(60)])
    view.loaded()
    qtbot.waitUntil(lambda: view.list.verticalScrollBar().maximum() > 0)
    with qtbot.assertNotEmitted(view.near_bottom):
        view.list.verticalScrollBar().setValue(0)
    with qtbot.waitSignal(view.near_bottom):
        view.list.verticalScrollBar().setValue(view.list.verticalScrollBar().maximum())
    assert view.delegate.sizeHint(QStyleOptionViewItem(), view.model.index(0)) != QSize()


def test_width_change_relays_rows_out_and_keeps_the_readers_place(
    view: PostListView, qtbot: QtBot
) -> None:
    long = ("Lorem ipsum dolor sit amet, consectetur adipiscing elit. " * 6).strip()
    view.loaded()
    for page in range(20):  # 1000 rows: several layout batches
        view.model.append([FeedItem(post(page * 50 + n, long)) for n in range(50)])
    qtbot.waitUntil(lambda: view.list.visualRect(view.model.index(999)).isValid())
    qtbot.wait(300)  # idle, as when a reader resizes: no layout of its own still running
    bar = view.list.verticalScrollBar()
    bar.setValue(bar.maximum() // 2 + 40)
    top = view.list.indexAt(QPoint(0, 0))
    before = view.list.visualRect(top)
    fraction = -before.top() / before.height()
    assert top.row() > 300 and 0 < fraction < 1

    def range_moved(old: int) -> bool:
        return bar.maximum() != old

    def heights_match_the_width() -> bool:
        option = QStyleOptionViewItem()
        option.initFrom(view.list)
        rows = (0, 1, 250, top.row() - 1, top.row(), top.row() + 1, 998, 999)
        return all(
            view.list.visualRect(view.model.index(r)).height()
            == view.delegate.sizeHint(option, view.model.index(r)).height()
            for r in rows)

    for width in (WIDTH * 2, WIDTH // 2 + 60):
        old_range = bar.maximum()
        view.resize(width, 700)  # the height stays: QListView alone would not relayout
        qtbot.waitUntil(partial(range_moved, old_range), timeout=3000)
        qtbot.waitUntil(lambda: view.list.indexAt(QPoint(0, 0)) == top, timeout=3000)
        assert heights_match_the_width()
        now = view.list.visualRect(top)
        assert abs(-now.top() / now.height() - fraction) < 0.05


def test_row_heights_are_kept_for_the_last_few_widths_only(view: PostListView) -> None:
    view.model.append([FeedItem(post(n, "word " * n)) for n in range(20)])
    option = QStyleOptionViewItem()
    option.initFrom(view.list)
    delegate = view.delegate
    first: list[int] = []
    for step in range(12):  # a drag through many widths
        delegate.width_source = partial(int, 300 + 25 * step)
        heights = [delegate.sizeHint(option, view.model.index(r)).height() for r in range(20)]
        if step == 0:
            first = heights
    assert delegate.cached_heights() == HEIGHT_WIDTHS * 20
    delegate.width_source = lambda: 300
    assert [delegate.sizeHint(option, view.model.index(r)).height() for r in range(20)] == first


def test_only_rows_showing_an_arrived_image_are_repainted() -> None:
    from desktop_app.app.screens import Row
    from desktop_app.bsky import QuotedPost
    from desktop_app.ui.posts import row_images

    author = Author("did:plc:44ybard66vv44zksje25o7dz", "bob.test", avatar="https://a/bob")
    quote = QuotedPost("at://q", author, "quoted", "", images=(
        ImageView("https://t/q", "https://f/q", "", None),))
    shown = post(1, "x", images=(ImageView("https://t/1", "https://f/1", "", None),))
    row = post_row(FeedItem(dataclasses.replace(shown, quote=quote)))
    assert row_images(row) >= {"https://t/1", "https://t/q", "https://a/bob"}
    assert row_images(Row("more", "more")) == set()


def test_a_post_waiting_to_be_sent_offers_nothing_to_click(view: PostListView) -> None:
    from desktop_app.app.screens import pending_row
    from desktop_app.ui.posts import row_intent

    row = pending_row(post(1, "not sent yet"))
    assert row.context == "Waiting to send" and row_intent(row) is None
    option = QStyleOptionViewItem()
    option.initFrom(view.list)
    option.rect = QRect(0, 0, WIDTH, 200)
    layout = view.delegate.layout(row, WIDTH, option.font, QColor("blue"))
    for point in (layout.like.center(), layout.reply.center(), layout.header.center()):
        assert view.delegate.hit(row, option, point) is None
    sent = dataclasses.replace(row, pending=False, context="")
    sent_layout = view.delegate.layout(sent, WIDTH, option.font, QColor("blue"))
    assert isinstance(view.delegate.hit(sent, option, sent_layout.like.center()), Like)
