"""Paints one feed item (no widget per post) and maps clicks to links, images and buttons."""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QPointF,
    QRect,
    QSize,
    Qt,
    Signal,
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
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from ..bsky import FeedItem, ImageView, PostView, segments
from .images import ImageCache
from .timefmt import relative_time
from .timeline_model import ITEM_ROLE

Index = QModelIndex | QPersistentModelIndex

PAD = 10
GAP = 6
AVATAR = 42
ACTION_H = 26
ACTION_W = 72
GRID_CELL_H = 130
SINGLE_MAX_H = 320
QUOTE_LINES = 4
LAYOUT_CACHE = 400
# Row heights are kept for this many widths: the current one, the one with or without a
# scrollbar, and the last before a resize. A drag passes through hundreds of widths; keeping
# them all would hold a height per row per width for the whole session.
HEIGHT_WIDTHS = 3


@dataclass
class PostLayout:
    height: int
    avatar: QRect
    header: QRect
    context: QRect | None = None
    text: QRect | None = None
    doc: QTextDocument | None = None
    images: list[QRect] = field(default_factory=list)
    external: QRect | None = None
    quote: QRect | None = None
    quote_text: QRect | None = None
    quote_images: list[QRect] = field(default_factory=list)
    reply: QRect = field(default_factory=QRect)
    repost: QRect = field(default_factory=QRect)
    like: QRect = field(default_factory=QRect)


@dataclass(frozen=True)
class Hit:
    kind: str  # "link", "image", "reply", "repost", "like", "post"
    value: str = ""


def _anchor(kind: str | None, value: str) -> str:
    if kind == "mention":
        return f"mention:{value}"
    if kind == "tag":
        return f"tag:{value}"
    return value


class PostDelegate(QStyledItemDelegate):
    """Layouts are computed per (item, width) and cached: heights for every row at the last few
    widths (cheap ints), whole layouts (with their text documents) for the most recently used
    rows, so painting and hover hit-tests reuse what sizeHint computed."""

    link_activated = Signal(str)
    image_activated = Signal(str)
    reply_clicked = Signal(object)
    repost_clicked = Signal(object)
    like_clicked = Signal(object)

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

    # --- fonts -----------------------------------------------------------------------------------

    @staticmethod
    def _fonts(base: QFont) -> tuple[QFont, QFont]:
        bold = QFont(base)
        bold.setBold(True)
        small = QFont(base)
        small.setPointSizeF(max(6.0, base.pointSizeF() * 0.9))
        return bold, small

    @staticmethod
    def _doc(post: PostView, width: int, font: QFont, link: QColor) -> QTextDocument:
        doc = QTextDocument()
        doc.setDocumentMargin(0)
        doc.setDefaultFont(font)
        doc.setUndoRedoEnabled(False)
        cursor = QTextCursor(doc)
        for part in segments(post.text, post.facets):
            fmt = QTextCharFormat()
            if part.kind is not None:
                fmt.setAnchor(True)
                fmt.setAnchorHref(_anchor(part.kind, part.value))
                fmt.setForeground(link)
            cursor.insertText(part.text, fmt)
        doc.setTextWidth(width)
        return doc

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

    def layout(self, item: FeedItem, width: int, font: QFont, link: QColor) -> PostLayout:
        post = item.post
        bold, small = self._fonts(font)
        small_h = QFontMetrics(small).height()
        content_x = PAD + AVATAR + PAD
        content_w = max(40, width - content_x - PAD)
        y = PAD
        context = None
        if item.reposted_by is not None or item.reply_parent_author is not None:
            context = QRect(content_x, y, content_w, small_h)
            y += small_h + 2
        avatar = QRect(PAD, y, AVATAR, AVATAR)
        header = QRect(content_x, y, content_w, QFontMetrics(bold).height())
        y = header.bottom() + 1 + 2
        out = PostLayout(height=0, avatar=avatar, header=header, context=context)
        if post.text:
            doc = self._doc(post, content_w, font, link)
            height = int(doc.size().height() + 0.999)
            out.text, out.doc = QRect(content_x, y, content_w, height), doc
            y += height + GAP
        if post.images:
            out.images = self._image_rects(post.images, content_x, y, content_w)
            y = max(r.bottom() for r in out.images) + 1 + GAP
        if post.external is not None:
            height = QFontMetrics(bold).height() + 2 * small_h + 2 * GAP
            out.external = QRect(content_x, y, content_w, height)
            y += height + GAP
        if post.quote is not None:
            fm = QFontMetrics(font)
            line = fm.lineSpacing()
            text_w = content_w - 2 * GAP
            quote_text = post.quote.unavailable or post.quote.text
            text_h = min(QUOTE_LINES * line, fm.boundingRect(
                QRect(0, 0, text_w, 10_000), Qt.TextFlag.TextWordWrap, quote_text).height())
            top = y
            y += GAP + (0 if post.quote.unavailable else QFontMetrics(bold).height() + 2)
            out.quote_text = QRect(content_x + GAP, y, text_w, max(line, text_h))
            y = out.quote_text.bottom() + 1
            if post.quote.images:
                size = 56
                out.quote_images = [QRect(content_x + GAP + i * (size + 4), y + 4, size, size)
                                    for i in range(min(4, len(post.quote.images)))]
                y += size + 4
            y += GAP
            out.quote = QRect(content_x, top, content_w, y - top)
            y += GAP
        out.reply = QRect(content_x, y, ACTION_W, ACTION_H)
        out.repost = QRect(content_x + ACTION_W + GAP, y, ACTION_W, ACTION_H)
        out.like = QRect(content_x + 2 * (ACTION_W + GAP), y, ACTION_W, ACTION_H)
        y += ACTION_H + PAD
        out.height = max(y, avatar.bottom() + 1 + PAD)
        return out

    @staticmethod
    def _image_rects(images: tuple[ImageView, ...], x: int, y: int, w: int) -> list[QRect]:
        if len(images) == 1:
            ratio = images[0].aspect_ratio
            height = int(w * ratio[1] / ratio[0]) if ratio else int(w * 9 / 16)
            height = max(60, min(SINGLE_MAX_H, height))
            return [QRect(x, y, w, height)]
        cell_w = (w - GAP) // 2
        rects = []
        for i in range(min(4, len(images))):
            row, col = divmod(i, 2)
            rects.append(QRect(x + col * (cell_w + GAP), y + row * (GRID_CELL_H + GAP),
                               cell_w, GRID_CELL_H))
        return rects

    def _width(self, option: QStyleOptionViewItem) -> int:
        if self.width_source is not None:
            return max(120, self.width_source())
        return option.rect.width() or 400

    def _layout_for(self, option: QStyleOptionViewItem, item: FeedItem) -> PostLayout:
        # Counts and viewer state change without changing the layout, so the key is the item's.
        key = (item.key, self._width(option))
        found = self._layouts.get(key)
        if found is not None:
            self._layouts.move_to_end(key)
            return found
        link = option.palette.color(QPalette.ColorRole.Link)
        found = self.layout(item, key[1], option.font, link)
        self._layouts[key] = found
        if len(self._layouts) > LAYOUT_CACHE:
            self._layouts.popitem(last=False)
        return found

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        item = index.data(ITEM_ROLE)
        if not isinstance(item, FeedItem):
            return super().sizeHint(option, index)
        width = self._width(option)
        heights = self._heights_at(width)
        height = heights.get(item.key)
        if height is None:
            height = heights[item.key] = self._layout_for(option, item).height
        return QSize(width, height)

    # --- painting --------------------------------------------------------------------------------

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        item = index.data(ITEM_ROLE)
        if not isinstance(item, FeedItem):
            super().paint(painter, option, index)
            return
        self.paint_count += 1
        rect: QRect = option.rect
        palette: QPalette = option.palette
        font: QFont = option.font
        widget = option.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter,
                                widget)
        lay = self._layout_for(option, item)
        post = item.post
        _, small = self._fonts(font)
        text_color = palette.color(QPalette.ColorRole.Text)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        if option.state & QStyle.StateFlag.State_Selected:
            text_color = muted = palette.color(QPalette.ColorRole.HighlightedText)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.translate(rect.topLeft())
        painter.setClipRect(QRect(0, 0, rect.width(), rect.height()))

        self._paint_context(painter, lay, item, small, muted)
        self._paint_avatar(painter, lay.avatar, post, palette)
        self._paint_header(painter, lay, post, font, text_color, muted)
        if lay.text is not None and lay.doc is not None:
            painter.save()
            painter.translate(lay.text.topLeft())
            ctx = QAbstractTextDocumentLayout.PaintContext()
            ctx.palette = QPalette(palette)
            ctx.palette.setColor(QPalette.ColorRole.Text, text_color)
            lay.doc.documentLayout().draw(painter, ctx)
            painter.restore()

        for image, area in zip(post.images, lay.images, strict=False):
            self._paint_image(painter, area, image, palette, small)
        if post.external is not None and lay.external is not None:
            self._paint_external(painter, lay.external, post, palette, font, small)
        if post.quote is not None and lay.quote is not None:
            self._paint_quote(painter, lay, post, palette, font, small)
        self._paint_actions(painter, lay, post, palette, font)

        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawLine(0, rect.height() - 1, rect.width(), rect.height() - 1)
        painter.restore()

    @staticmethod
    def _paint_context(painter: QPainter, lay: PostLayout, item: FeedItem, small: QFont,
                       muted: QColor) -> None:
        """"Reposted by …" or "Reply to …" above the post."""
        if lay.context is None:
            return
        painter.setFont(small)
        painter.setPen(muted)
        if item.reposted_by is not None:
            label = f"↻ Reposted by {item.reposted_by.name}"
        else:
            parent = item.reply_parent_author
            label = f"↩ Reply to {parent.name}" if parent else ""
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(lay.context, left,
                         QFontMetrics(small).elidedText(label, Qt.TextElideMode.ElideRight,
                                                        lay.context.width()))

    def _paint_header(self, painter: QPainter, lay: PostLayout, post: PostView, font: QFont,
                      text_color: QColor, muted: QColor) -> None:
        """The author's name, then handle and age, elided to the header's width."""
        bold, _ = self._fonts(font)
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

    def _draw_clipped(self, painter: QPainter, area: QRect, clip: QPainterPath,
                      url: str | None) -> bool:
        """Draw the image at `url` into `area`, clipped; False while it isn't loaded."""
        picture = self._images.image(url, area.size())
        painter.setClipPath(clip, Qt.ClipOperation.IntersectClip)
        if picture is None:
            return False
        painter.drawImage(area.topLeft(), picture)
        return True

    def _paint_avatar(self, painter: QPainter, area: QRect, post: PostView,
                      palette: QPalette) -> None:
        path = QPainterPath()
        path.addEllipse(area.toRectF())
        painter.save()
        if not self._draw_clipped(painter, area, path, post.author.avatar):
            painter.fillRect(area, palette.color(QPalette.ColorRole.Mid))
            painter.setPen(palette.color(QPalette.ColorRole.Light))
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter,
                             (post.author.name[:1] or "?").upper())
        painter.restore()

    def _paint_image(self, painter: QPainter, area: QRect, image: ImageView, palette: QPalette,
                     small: QFont) -> None:
        painter.save()
        path = QPainterPath()
        path.addRoundedRect(area.toRectF(), 8, 8)
        if not self._draw_clipped(painter, area, path, image.thumb):
            painter.fillRect(area, palette.color(QPalette.ColorRole.AlternateBase))
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.setFont(small)
            painter.drawText(area.adjusted(GAP, GAP, -GAP, -GAP),
                             Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                             image.alt or "Image")
        if image.alt:
            painter.setFont(small)
            badge = QRect(area.left() + 6, area.bottom() - 22, 34, 18)
            painter.fillRect(badge, QColor(0, 0, 0, 170))
            painter.setPen(QColor("white"))
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, "ALT")
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
        bold, _ = self._fonts(font)
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
            painter.drawText(lay.quote_text, Qt.AlignmentFlag.AlignLeft, quote.unavailable)
            return
        bold, _ = self._fonts(font)
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
                       font: QFont) -> None:
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        painter.setFont(font)
        buttons = [
            (lay.reply, f"↩ {post.reply_count}", muted),
            (lay.repost, f"↻ {post.repost_count}",
             QColor("#13a35b") if post.viewer_repost else muted),
            (lay.like, f"{'♥' if post.viewer_like else '♡'} {post.like_count}",
             QColor("#ec4868") if post.viewer_like else muted),
        ]
        for area, label, color in buttons:
            painter.setPen(color)
            painter.drawText(area, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             label)

    # --- interaction -----------------------------------------------------------------------------

    def hit(self, item: FeedItem, option: QStyleOptionViewItem, pos: QPoint) -> Hit | None:
        """What is under `pos` (relative to the item's top-left)."""
        lay = self._layout_for(option, item)
        post = item.post
        for area, kind in ((lay.reply, "reply"), (lay.repost, "repost"), (lay.like, "like")):
            if area.contains(pos):
                return Hit(kind)
        if lay.text is not None and lay.doc is not None and lay.text.contains(pos):
            anchor = lay.doc.documentLayout().anchorAt(QPointF(pos - lay.text.topLeft()))
            if anchor:
                return Hit("link", anchor)
        for image, area in zip(post.images, lay.images, strict=False):
            if area.contains(pos):
                return Hit("image", image.fullsize)
        if lay.external is not None and post.external is not None and lay.external.contains(pos):
            return Hit("link", post.external.uri)
        return None

    def editorEvent(self, event: QEvent, model: QAbstractItemModel,
                    option: QStyleOptionViewItem, index: Index) -> bool:
        if not (isinstance(event, QMouseEvent)
                and event.type() == QEvent.Type.MouseButtonRelease
                and event.button() == Qt.MouseButton.LeftButton):
            return super().editorEvent(event, model, option, index)
        item = index.data(ITEM_ROLE)
        if not isinstance(item, FeedItem):
            return False
        rect: QRect = option.rect
        found = self.hit(item, option, event.position().toPoint() - rect.topLeft())
        if found is None:
            return False
        if found.kind == "link":
            self.link_activated.emit(found.value)
        elif found.kind == "image":
            self.image_activated.emit(found.value)
        elif found.kind == "reply":
            self.reply_clicked.emit(item.post)
        elif found.kind == "repost":
            self.repost_clicked.emit(item.post)
        elif found.kind == "like":
            self.like_clicked.emit(item.post)
        return True
