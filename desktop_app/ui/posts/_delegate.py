"""Paints one row of a post list (no widget per post) and maps clicks to what they mean."""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from urllib.parse import urlsplit

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetrics,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from ...app import release_free_memory
from ...app.screens import (
    Bookmark,
    Intent,
    Like,
    MoreReplies,
    OpenFeed,
    OpenGroup,
    OpenImage,
    OpenLink,
    OpenProfile,
    OpenThread,
    Quote,
    Reply,
    Repost,
    Reveal,
    Row,
    link_intent,
    post_row,
)
from ...bsky import FeedItem, ImageView, PostView
from ..lang import tr
from ..look import Accents, accents
from ._images import CORNER, ImageCache, Shape
from ._layout import GAP, PostLayout, fonts, layout_row
from ._model import ROW_ROLE
from ._timefmt import relative_time
from ._words import group_summary, row_words, shown

Index = QModelIndex | QPersistentModelIndex

LAYOUT_CACHE = 60
# Row heights are kept for this many widths: the current one, the one with or without a
# scrollbar, and the last before a resize. A drag passes through hundreds of widths; keeping
# them all would hold a height per row per width for the whole session.
HEIGHT_WIDTHS = 3
# A relayout at a new width builds and drops a text document per row; after this many, the
# freed memory is handed back (glibc would otherwise keep tens of MB resident).
TRIM_EVERY_LAYOUTS = 500
COVER_COLOR = QColor(40, 40, 48)


class PostDelegate(QStyledItemDelegate):
    """Paints rows and turns a click into the reader's intent, handed to `on_intent` (the list
    view's one `intent` signal). Layouts are computed per (row, width) and cached: heights for
    every row at the last few widths (cheap ints), whole layouts (with their text documents)
    for the most recently used rows, so painting and hover hit-tests reuse what sizeHint
    computed."""

    def __init__(self, images: ImageCache, parent: QWidget | None = None,
                 clock: Callable[[], float] = time.time) -> None:
        super().__init__(parent)
        self._images = images
        self._clock = clock
        # QListView does not pass the viewport width to sizeHint; the view tells us.
        self.width_source: Callable[[], int] | None = None
        self._heights: OrderedDict[int, dict[str, int]] = OrderedDict()  # width -> key -> px
        self._layouts: OrderedDict[tuple[str, int], PostLayout] = OrderedDict()
        self.paint_count = 0
        self._built = 0
        self.on_intent: Callable[[Intent], None] = lambda intent: None

    def cached_heights(self) -> int:
        """How many row heights are cached (for benchmarks and tests)."""
        return sum(len(by_key) for by_key in self._heights.values())

    def _heights_at(self, width: int) -> dict[str, int]:
        found = self._heights.get(width)
        if found is None:
            found = self._heights[width] = {}
            while len(self._heights) > HEIGHT_WIDTHS:
                self._heights.popitem(last=False)
        else:
            self._heights.move_to_end(width)
        return found

    def forget(self) -> None:
        """Drop cached layouts (after a font or palette change)."""
        self._heights.clear()
        self._layouts.clear()

    # --- layout ----------------------------------------------------------------------------------

    def layout(self, row: Row | FeedItem, width: int, font: QFont, link: QColor) -> PostLayout:
        return layout_row(row if isinstance(row, Row) else post_row(row), width, font, link)

    def _width(self, option: QStyleOptionViewItem) -> int:
        if self.width_source is not None:
            return max(120, self.width_source())
        return option.rect.width() or 400

    def _layout_for(self, option: QStyleOptionViewItem, row: Row) -> PostLayout:
        # Counts and viewer state change without changing the layout, so the key is the row's.
        key = (row.layout_key, self._width(option))
        found = self._layouts.get(key)
        if found is not None:
            self._layouts.move_to_end(key)
            return found
        link = option.palette.color(QPalette.ColorRole.Link)
        found = layout_row(row, key[1], option.font, link)
        self._built += 1
        if self._built % TRIM_EVERY_LAYOUTS == 0:
            release_free_memory()
        self._layouts[key] = found
        if len(self._layouts) > LAYOUT_CACHE:
            self._layouts.popitem(last=False)
        return found

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        row = index.data(ROW_ROLE)
        if not isinstance(row, Row):
            return super().sizeHint(option, index)
        width = self._width(option)
        heights = self._heights_at(width)
        height = heights.get(row.layout_key)
        if height is None:
            height = heights[row.layout_key] = self._layout_for(option, row).height
        return QSize(width, height)

    # --- painting --------------------------------------------------------------------------------

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        row = index.data(ROW_ROLE)
        if not isinstance(row, Row):
            super().paint(painter, option, index)
            return
        self.paint_count += 1
        rect: QRect = option.rect
        palette: QPalette = option.palette
        widget = option.widget
        style = widget.style() if widget is not None else None
        if row.focus:
            painter.fillRect(rect, palette.color(QPalette.ColorRole.AlternateBase))
        if style is not None:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter,
                                widget)
        text_color = palette.color(QPalette.ColorRole.Text)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        if option.state & QStyle.StateFlag.State_Selected:
            text_color = muted = palette.color(QPalette.ColorRole.HighlightedText)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.translate(rect.topLeft())
        painter.setClipRect(QRect(0, 0, rect.width(), rect.height()))
        lay = self._layout_for(option, row)
        if row.kind == "post" and row.item is not None:
            self._paint_post(painter, lay, row, row.item, option, (text_color, muted))
        elif row.kind == "group":
            self._paint_group(painter, lay, row, option.font, palette, (text_color, muted))
        elif row.kind == "actor" and row.actor is not None:
            self._paint_actor(painter, lay, row, option.font, palette, (text_color, muted))
        elif row.kind == "card" and row.card is not None:
            self._paint_card(painter, lay, row, option.font, palette, (text_color, muted))
        else:
            painter.setFont(option.font)
            painter.setPen(palette.color(QPalette.ColorRole.Link) if row.kind == "more"
                           else muted)
            painter.drawText(lay.header, Qt.AlignmentFlag.AlignLeft
                             | Qt.AlignmentFlag.AlignVCenter, row_words(row))
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawLine(0, rect.height() - 1, rect.width(), rect.height() - 1)
        if option.state & QStyle.StateFlag.State_HasFocus \
                and not option.state & QStyle.StateFlag.State_Selected:
            # The keyboard is on this row but nothing is selected yet (Tab into the list):
            # the style's own item panel shows nothing for that.
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(1, 1, rect.width() - 2, rect.height() - 3))
        painter.restore()

    def _paint_post(self, painter: QPainter, lay: PostLayout, row: Row, item: FeedItem,
                    option: QStyleOptionViewItem, colors: tuple[QColor, QColor]) -> None:
        text_color, muted = colors
        palette: QPalette = option.palette
        font: QFont = option.font
        post = item.post
        _, small = fonts(font)
        self._paint_context(painter, lay, row, item, small, muted)
        self._paint_avatar(painter, lay.avatar, post.author.avatar, palette,
                           initial=(post.author.name[:1] or "?").upper())
        self._paint_header(painter, lay, post, font, text_color, muted)
        if lay.cover is not None:
            self._paint_cover(painter, lay.cover, lay.show, row.decision.reason, small)
        if lay.text is not None and lay.doc is not None:
            painter.save()
            painter.translate(lay.text.topLeft())
            ctx = QAbstractTextDocumentLayout.PaintContext()
            ctx.palette = QPalette(palette)
            ctx.palette.setColor(QPalette.ColorRole.Text, text_color)
            lay.doc.documentLayout().draw(painter, ctx)
            painter.restore()
        media_covered = row.covered and row.decision.blur == "media"
        for image, area in zip(post.images, lay.images, strict=False):
            if media_covered:
                self._paint_cover(painter, area, None, row.decision.reason, small)
            else:
                self._paint_image(painter, area, image, palette, small)
        if media_covered and lay.show is not None:
            self._paint_button(painter, lay.show, tr("Show", "lift a moderation cover"), small)
        if post.external is not None and lay.external is not None:
            self._paint_external(painter, lay.external, post, palette, font, small)
        if post.quote is not None and lay.quote is not None:
            self._paint_quote(painter, lay, post, palette, font, small)
        if not row.pending:  # nothing can point at a post not sent yet
            self._paint_actions(painter, lay, post, palette, font, muted)

    @staticmethod
    def _paint_button(painter: QPainter, area: QRect, label: str, font: QFont) -> None:
        painter.setPen(QColor("white"))
        painter.setBrush(QColor(255, 255, 255, 40))
        painter.drawRoundedRect(area.adjusted(0, 0, -1, -1), 6, 6)
        painter.setFont(font)
        painter.drawText(area, Qt.AlignmentFlag.AlignCenter, label)

    def _paint_cover(self, painter: QPainter, area: QRect, show: QRect | None, reason: str,
                     small: QFont) -> None:
        """A moderation cover: the reason, and a "Show" button when it may be lifted."""
        painter.save()
        path = QPainterPath()
        path.addRoundedRect(area.toRectF(), 8, 8)
        painter.fillPath(path, COVER_COLOR)
        painter.setPen(QColor(230, 230, 235))
        painter.setFont(small)
        text_area = area.adjusted(GAP * 2, GAP, -GAP * 2 - (show.width() + GAP if show else 0),
                                  -GAP)
        painter.drawText(text_area, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
                         | Qt.TextFlag.TextWordWrap, f"⚠ {shown(reason)}")
        if show is not None:
            self._paint_button(painter, show, tr("Show", "lift a moderation cover"), small)
        painter.restore()

    def _paint_group(self, painter: QPainter, lay: PostLayout, row: Row, font: QFont,
                     palette: QPalette, colors: tuple[QColor, QColor]) -> None:
        group = row.group
        if group is None:
            return
        text_color, muted = colors
        bold, small = fonts(font)
        icon = {"like": "♥", "repost": "↻", "follow": "👤"}.get(group.reason, "•")
        painter.setFont(bold)
        painter.setPen(accents(palette).like if group.reason == "like" else muted)
        painter.drawText(lay.avatar, Qt.AlignmentFlag.AlignCenter, icon)
        for author, area in zip(group.authors, lay.avatars, strict=False):
            self._paint_avatar(painter, area, author.avatar, palette)
        painter.setFont(bold if not group.is_read else font)
        painter.setPen(text_color)
        painter.drawText(lay.header, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         QFontMetrics(painter.font()).elidedText(
                             group_summary(group), Qt.TextElideMode.ElideRight,
                             lay.header.width()))
        self._paint_note(painter, lay, row, small, muted)

    def _paint_actor(self, painter: QPainter, lay: PostLayout, row: Row, font: QFont,
                     palette: QPalette, colors: tuple[QColor, QColor]) -> None:
        actor = row.actor
        if actor is None:
            return
        handle = tr("@{handle}  · follows you").format(handle=actor.handle) \
            if actor.followed_by else f"@{actor.handle}"
        self._paint_titled(painter, lay, row, font, palette, colors,
                           (actor.avatar, actor.name, handle))

    def _paint_card(self, painter: QPainter, lay: PostLayout, row: Row, font: QFont,
                    palette: QPalette, colors: tuple[QColor, QColor]) -> None:
        """A custom feed or a list: its picture, name, what it is and by whom, its text."""
        card = row.card
        if card is not None:
            self._paint_titled(painter, lay, row, font, palette, colors,
                               (card.avatar, card.title, card.subtitle))

    def _paint_titled(self, painter: QPainter, lay: PostLayout, row: Row, font: QFont,
                      palette: QPalette, colors: tuple[QColor, QColor],
                      shown: tuple[str | None, str, str]) -> None:
        """An account or a card: its picture, its name in bold (at most half the line), what
        follows it in the muted colour, and its text below."""
        avatar, title, subtitle = shown
        text_color, muted = colors
        bold, small = fonts(font)
        self._paint_avatar(painter, lay.avatar, avatar, palette)
        metrics = QFontMetrics(bold)
        title = metrics.elidedText(title, Qt.TextElideMode.ElideRight, lay.header.width() // 2)
        painter.setFont(bold)
        painter.setPen(text_color)
        painter.drawText(lay.header, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         title)
        painter.setFont(font)
        painter.setPen(muted)
        painter.drawText(lay.header.adjusted(metrics.horizontalAdvance(title) + 8, 0, 0, 0),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, subtitle)
        self._paint_note(painter, lay, row, small, muted)

    @staticmethod
    def _paint_note(painter: QPainter, lay: PostLayout, row: Row, small: QFont,
                    muted: QColor) -> None:
        """The line under a group or an account: the post liked, the account's bio."""
        if lay.text is not None:
            painter.setFont(small)
            painter.setPen(muted)
            painter.drawText(lay.text, Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap,
                             row.text)

    @staticmethod
    def _paint_context(painter: QPainter, lay: PostLayout, row: Row, item: FeedItem,
                       small: QFont, muted: QColor) -> None:
        """"Reposted by …", "Reply to …" or a notification's reason above the post."""
        if lay.context is None:
            return
        painter.setFont(small)
        painter.setPen(muted)
        if row.context:
            label = shown(row.context)
        elif item.reposted_by is not None:
            label = "↻ " + tr("Reposted by {name}").format(name=item.reposted_by.name)
        else:
            parent = item.reply_parent_author
            label = "↩ " + tr("Reply to {name}", "the post answers a post by {name}").format(
                name=parent.name) if parent else ""
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(lay.context, left,
                         QFontMetrics(small).elidedText(label, Qt.TextElideMode.ElideRight,
                                                        lay.context.width()))

    def _paint_header(self, painter: QPainter, lay: PostLayout, post: PostView, font: QFont,
                      text_color: QColor, muted: QColor) -> None:
        """The author's name, then handle and age, elided to the header's width."""
        bold, _ = fonts(font)
        painter.setFont(bold)
        painter.setPen(text_color)
        name_fm = QFontMetrics(bold)
        when = relative_time(post.created_at, self._clock())
        tail = f"  @{post.author.handle} · {when}"
        tail_w = QFontMetrics(font).horizontalAdvance(tail)
        room = max(40, lay.header.width() - min(tail_w, lay.header.width() // 2))
        name = name_fm.elidedText(post.author.name, Qt.TextElideMode.ElideRight, room)
        middle = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(lay.header, middle, name)
        rest = lay.header.adjusted(name_fm.horizontalAdvance(name), 0, 0, 0)
        painter.setFont(font)
        painter.setPen(muted)
        painter.drawText(rest, middle, QFontMetrics(font).elidedText(
            tail, Qt.TextElideMode.ElideRight, rest.width()))

    def _draw_shaped(self, painter: QPainter, area: QRect, url: str | None, shape: Shape,
                     clip: QPainterPath) -> bool:
        """Draw the image at `url` into `area` in `shape`; False while it isn't loaded (the
        painter is then clipped to `shape`, for the placeholder)."""
        picture = self._images.image(url, area.size(), shape)
        if picture is not None and picture.size() == area.size():
            painter.drawImage(area.topLeft(), picture)  # already cut to shape: a plain blit
            return True
        painter.setClipPath(clip, Qt.ClipOperation.IntersectClip)
        if picture is None:
            return False
        painter.drawImage(area, picture)  # an earlier size, while the new one is decoded
        return True

    def _paint_avatar(self, painter: QPainter, area: QRect, url: str | None,
                      palette: QPalette, *, initial: str = "") -> None:
        """A round avatar; until it is loaded, a disc (with the name's initial, if given)."""
        path = QPainterPath()
        path.addEllipse(area.toRectF())
        painter.save()
        if not self._draw_shaped(painter, area, url, "circle", path):
            painter.fillRect(area, palette.color(QPalette.ColorRole.Midlight))
            if initial:
                painter.setPen(palette.color(QPalette.ColorRole.Text))
                painter.drawText(area, Qt.AlignmentFlag.AlignCenter, initial)
        painter.restore()

    def _paint_image(self, painter: QPainter, area: QRect, image: ImageView, palette: QPalette,
                     small: QFont) -> None:
        painter.save()
        path = QPainterPath()
        path.addRoundedRect(area.toRectF(), CORNER, CORNER)
        if not self._draw_shaped(painter, area, image.thumb, "rounded", path):
            painter.fillRect(area, palette.color(QPalette.ColorRole.AlternateBase))
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.setFont(small)
            painter.drawText(area.adjusted(GAP, GAP, -GAP, -GAP),
                             Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                             image.alt or tr("Image", "an image not loaded, with no description"))
        if image.alt:
            painter.setFont(small)
            badge = QRect(area.left() + 6, area.bottom() - 22, 34, 18)
            painter.fillRect(badge, QColor(0, 0, 0, 170))
            painter.setPen(QColor("white"))
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter,
                             tr("ALT", "badge on an image that has a description"))
        painter.restore()

    @staticmethod
    def _card(painter: QPainter, area: QRect, palette: QPalette) -> None:
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(area.adjusted(0, 0, -1, -1), 8, 8)

    def _paint_external(self, painter: QPainter, area: QRect, post: PostView, palette: QPalette,
                        font: QFont, small: QFont) -> None:
        external = post.external
        if external is None:
            return
        self._card(painter, area, palette)
        bold, _ = fonts(font)
        inner = area.adjusted(GAP, GAP, -GAP, -GAP)
        y = inner.top()
        painter.setFont(bold)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        bold_h = QFontMetrics(bold).height()
        painter.drawText(QRect(inner.left(), y, inner.width(), bold_h),
                         Qt.AlignmentFlag.AlignLeft,
                         QFontMetrics(bold).elidedText(external.title or external.uri,
                                                       Qt.TextElideMode.ElideRight, inner.width()))
        y += bold_h
        small_fm = QFontMetrics(small)
        painter.setFont(small)
        painter.drawText(QRect(inner.left(), y, inner.width(), small_fm.height()),
                         Qt.AlignmentFlag.AlignLeft,
                         small_fm.elidedText(external.description, Qt.TextElideMode.ElideRight,
                                             inner.width()))
        y += small_fm.height()
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        host = urlsplit(external.uri).hostname or external.uri
        painter.drawText(QRect(inner.left(), y, inner.width(), small_fm.height()),
                         Qt.AlignmentFlag.AlignLeft, f"🔗 {host}")

    def _paint_quote(self, painter: QPainter, lay: PostLayout, post: PostView, palette: QPalette,
                     font: QFont, small: QFont) -> None:
        quote = post.quote
        if quote is None or lay.quote is None or lay.quote_text is None:
            return
        self._card(painter, lay.quote, palette)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        if quote.unavailable:
            painter.setFont(font)
            painter.setPen(muted)
            painter.drawText(lay.quote_text, Qt.AlignmentFlag.AlignLeft,
                             shown(quote.unavailable))
            return
        bold, _ = fonts(font)
        if quote.author is not None:
            header = QRect(lay.quote_text.left(), lay.quote.top() + GAP, lay.quote_text.width(),
                           QFontMetrics(bold).height())
            painter.setFont(bold)
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            label = f"{quote.author.name}  @{quote.author.handle}"
            painter.drawText(header, Qt.AlignmentFlag.AlignLeft,
                             QFontMetrics(bold).elidedText(label, Qt.TextElideMode.ElideRight,
                                                           header.width()))
        painter.setFont(font)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.drawText(lay.quote_text, Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap,
                         quote.text)
        for image, area in zip(quote.images, lay.quote_images, strict=False):
            self._paint_image(painter, area, image, palette, small)

    @staticmethod
    def _paint_actions(painter: QPainter, lay: PostLayout, post: PostView, palette: QPalette,
                       font: QFont, muted: QColor) -> None:
        # On a selected row everything is in the selection's text colour (readable on it).
        selected = muted == palette.color(QPalette.ColorRole.HighlightedText)
        tint = Accents(muted, muted, muted, muted) if selected else accents(palette)
        painter.setFont(font)
        buttons = [
            (lay.reply, f"↩ {post.reply_count}", muted),
            (lay.repost, f"↻ {post.repost_count}",
             tint.repost if post.viewer_repost else muted),
            (lay.like, f"{'♥' if post.viewer_like else '♡'} {post.like_count}",
             tint.like if post.viewer_like else muted),
            (lay.quote_button, f"❝ {post.quote_count}", muted),
            (lay.bookmark, "⚑ " + tr("Saved", "a bookmarked post") if post.bookmarked
             else "⚐ " + tr("Save", "bookmark a post"),
             tint.bookmark if post.bookmarked else muted),
        ]
        for area, label, color in buttons:
            painter.setPen(color)
            painter.drawText(area, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             label)

    # --- interaction ---------------------------------------------------------------------------

    def hit(self, row: Row | FeedItem, option: QStyleOptionViewItem,
            pos: QPoint) -> Intent | None:
        """What a click at `pos` (relative to the row's top-left) asks for."""
        if not isinstance(row, Row):
            row = post_row(row)
        if row.kind in ("more", "group", "actor", "card"):
            return row_intent(row)
        if row.kind != "post" or row.item is None:
            return None
        lay = self._layout_for(option, row)
        if lay.show is not None and lay.show.contains(pos) and row.covered:
            return Reveal(row.key)
        post = row.item.post
        if row.pending:
            return None  # not on the server yet: no thread to open, nothing to act on
        for area, action in ((lay.reply, Reply), (lay.repost, Repost), (lay.like, Like),
                             (lay.quote_button, Quote), (lay.bookmark, Bookmark)):
            if area.contains(pos):
                return action(post)
        if lay.avatar.contains(pos) or (lay.header.contains(pos) and pos.x() < lay.header.left()
                                        + QFontMetrics(fonts(option.font)[0]).horizontalAdvance(
                                            post.author.name) + 8):
            return OpenProfile(post.author.did)
        return self._content_hit(lay, row, post, pos)

    @staticmethod
    def _content_hit(lay: PostLayout, row: Row, post: PostView, pos: QPoint) -> Intent | None:
        if row.covered and row.decision.blur == "content":
            return None
        if lay.text is not None and lay.doc is not None and lay.text.contains(pos):
            href = lay.doc.documentLayout().anchorAt(QPointF(pos - lay.text.topLeft()))
            if href:
                return link_intent(href)
        if not (row.covered and row.decision.blur == "media"):
            for image, area in zip(post.images, lay.images, strict=False):
                if area.contains(pos):
                    return OpenImage(image.fullsize)
        if lay.external is not None and post.external is not None and lay.external.contains(pos):
            return OpenLink(post.external.uri)
        if lay.quote is not None and post.quote is not None and lay.quote.contains(pos) \
                and not post.quote.unavailable:
            return OpenThread(post.quote.uri)
        return OpenThread(post.uri, post)

    def editorEvent(self, event: QEvent, model: QAbstractItemModel,
                    option: QStyleOptionViewItem, index: Index) -> bool:
        if not (isinstance(event, QMouseEvent)
                and event.type() == QEvent.Type.MouseButtonRelease
                and event.button() == Qt.MouseButton.LeftButton):
            return super().editorEvent(event, model, option, index)
        row = index.data(ROW_ROLE)
        if not isinstance(row, Row):
            return False
        rect: QRect = option.rect
        found = self.hit(row, option, event.position().toPoint() - rect.topLeft())
        if found is None:
            return False
        self.on_intent(found)
        return True


# What can be done to a post from the keyboard and its context menu: (key, words, name). The
# words are the English ones; shown, they are `action_words(name)` (the interface's language).
POST_ACTIONS: tuple[tuple[str, str, str], ...] = (
    ("Return", "Open the thread", "open"), ("L", "Like", "like"), ("T", "Repost", "repost"),
    ("R", "Reply", "reply"), ("Q", "Quote", "quote"), ("B", "Bookmark", "bookmark"),
    ("P", "Open the author's profile", "profile"), ("O", "Open the first link", "link"))


def post_intent(row: Row, action: str) -> Intent | None:
    """What `action` (a name of `POST_ACTIONS`) asks of the post in `row`; None when it has
    nothing to act on (not a post, not sent yet, no link)."""
    if action == "open":
        return row_intent(row)
    post = row.post
    if row.kind != "post" or post is None or row.pending:
        return None
    if action == "profile":
        return OpenProfile(post.author.did)
    if action == "link":
        links = [f.value for f in post.facets if f.kind == "link"]
        if post.external is not None:
            links.append(post.external.uri)
        return OpenLink(links[0]) if links else None
    if row.covered:
        return None  # behind a warning: shown first (Enter), then acted on
    made: dict[str, Intent] = {"like": Like(post), "repost": Repost(post),
                               "reply": Reply(post), "quote": Quote(post),
                               "bookmark": Bookmark(post)}
    return made.get(action)


def row_intent(row: Row) -> Intent | None:
    """What activating a whole row asks for (Enter, or a click on a row without parts): a post
    opens its thread (or, covered, is shown), the other kinds do what they stand for."""
    if row.kind == "more":
        return MoreReplies(row.key)
    if row.kind == "group" and row.group is not None:
        return OpenGroup(row.group)
    if row.kind == "actor" and row.actor is not None:
        return OpenProfile(row.actor.did)
    if row.kind == "card" and row.card is not None:
        return OpenFeed(row.card.uri)
    post = row.post
    if row.kind != "post" or post is None or row.pending:
        return None
    if row.covered and row.decision.can_show:
        return Reveal(row.key)
    return OpenThread(post.uri, post)


def row_images(row: Row) -> set[str]:
    """The URLs of the images a row shows (avatars, thumbnails, a quote's)."""
    urls: set[str | None] = set()
    post = row.post
    if post is not None:
        urls.add(post.author.avatar)
        urls.update(image.thumb for image in post.images)
        if post.quote is not None:
            urls.update(image.thumb for image in post.quote.images)
            if post.quote.author is not None:
                urls.add(post.quote.author.avatar)
    if row.group is not None:
        urls.update(author.avatar for author in row.group.authors)
    if row.actor is not None:
        urls.add(row.actor.avatar)
    if row.card is not None:
        urls.add(row.card.avatar)
    return {url for url in urls if url}
