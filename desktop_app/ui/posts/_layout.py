"""Where everything in one row goes: geometry only, computed once per row and width."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QTextCharFormat, QTextCursor, QTextDocument

from ...app.screens import Row
from ...bsky import FeedItem, ImageView, PostView, QuotedPost, segments
from ._words import shown

PAD = 10
GAP = 6
AVATAR = 42
SMALL_AVATAR = 26
ACTION_H = 26
ACTION_W = 72
GRID_CELL_H = 130
SINGLE_MAX_H = 320
QUOTE_LINES = 4
INDENT = 22  # per reply level in a thread
MAX_INDENT_LEVELS = 6
COVER_H = 56  # a moderation cover over a post's content
BUTTON_W = 64


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
    cover: QRect | None = None  # the whole content covered
    show: QRect | None = None  # its "Show" button (content or media cover)
    reply: QRect = field(default_factory=QRect)
    repost: QRect = field(default_factory=QRect)
    like: QRect = field(default_factory=QRect)
    quote_button: QRect = field(default_factory=QRect)
    bookmark: QRect = field(default_factory=QRect)
    avatars: list[QRect] = field(default_factory=list)  # a notification group's people


_FONTS: dict[str, tuple[QFont, QFont]] = {}


def fonts(base: QFont) -> tuple[QFont, QFont]:
    """Bold and small variants of the list's font (made once per font: every row's paint and
    layout asks)."""
    key = base.key()
    found = _FONTS.get(key)
    if found is None:
        bold = QFont(base)
        bold.setBold(True)
        small = QFont(base)
        small.setPointSizeF(max(6.0, base.pointSizeF() * 0.9))
        found = _FONTS[key] = (bold, small)
    return found


def anchor(kind: str | None, value: str) -> str:
    if kind == "mention":
        return f"mention:{value}"
    if kind == "tag":
        return f"tag:{value}"
    return value


def text_document(post: PostView, width: int, font: QFont, link: QColor) -> QTextDocument:
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    doc.setDefaultFont(font)
    doc.setUndoRedoEnabled(False)
    cursor = QTextCursor(doc)
    for part in segments(post.text, post.facets):
        fmt = QTextCharFormat()
        if part.kind is not None:
            fmt.setAnchor(True)
            fmt.setAnchorHref(anchor(part.kind, part.value))
            fmt.setForeground(link)
        cursor.insertText(part.text, fmt)
    doc.setTextWidth(width)
    return doc


def image_rects(images: tuple[ImageView, ...], x: int, y: int, w: int) -> list[QRect]:
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


def layout_row(row: Row, width: int, font: QFont, link: QColor) -> PostLayout:
    """The geometry of any row at `width`."""
    if row.kind == "group":
        return _group_layout(row, width, font)
    if row.kind in ("actor", "card"):
        return _actor_layout(row, width, font)
    if row.kind != "post" or row.item is None:
        height = QFontMetrics(font).height() + 2 * PAD
        indent = _indent(row.depth)
        return PostLayout(height=height, avatar=QRect(),
                          header=QRect(PAD + indent, PAD, width - 2 * PAD - indent,
                                       QFontMetrics(font).height()))
    return _post_layout(row, row.item, width, font, link)


def _indent(depth: int) -> int:
    return INDENT * min(MAX_INDENT_LEVELS, depth) if depth > 0 else 0


def _post_layout(row: Row, item: FeedItem, width: int, font: QFont,
                 link: QColor) -> PostLayout:
    post = item.post
    bold, small = fonts(font)
    small_h = QFontMetrics(small).height()
    left = PAD + _indent(row.depth)
    content_x = left + AVATAR + PAD
    content_w = max(40, width - content_x - PAD)
    y = PAD
    context = None
    if row.context or item.reposted_by is not None or item.reply_parent_author is not None:
        context = QRect(content_x, y, content_w, small_h)
        y += small_h + 2
    avatar = QRect(left, y, AVATAR, AVATAR)
    header = QRect(content_x, y, content_w, QFontMetrics(bold).height())
    y = header.bottom() + 1 + 2
    out = PostLayout(height=0, avatar=avatar, header=header, context=context)
    if row.covered and row.decision.blur == "content":
        out.cover = QRect(content_x, y, content_w, COVER_H)
        if row.decision.can_show:
            out.show = QRect(out.cover.right() - BUTTON_W - GAP,
                             out.cover.center().y() - ACTION_H // 2, BUTTON_W, ACTION_H)
        y += COVER_H + GAP
    else:
        y = _content(out, row, post, content_x, content_w, y, font, link)
    x = content_x
    for name in ("reply", "repost", "like", "quote_button", "bookmark"):
        setattr(out, name, QRect(x, y, ACTION_W, ACTION_H))
        x += ACTION_W + GAP
    y += ACTION_H + PAD
    out.height = max(y, avatar.bottom() + 1 + PAD)
    return out


def _content(out: PostLayout, row: Row, post: PostView, x: int, w: int, y: int, font: QFont,
             link: QColor) -> int:
    bold, small = fonts(font)
    small_h = QFontMetrics(small).height()
    if post.text:
        doc = text_document(post, w, font, link)
        height = int(doc.size().height() + 0.999)
        out.text, out.doc = QRect(x, y, w, height), doc
        y += height + GAP
    if post.images:
        out.images = image_rects(post.images, x, y, w)
        if row.covered and row.decision.blur == "media" and row.decision.can_show:
            first = out.images[0]
            out.show = QRect(first.center().x() - BUTTON_W // 2, first.center().y() + small_h,
                             BUTTON_W, ACTION_H)
        y = max(r.bottom() for r in out.images) + 1 + GAP
    if post.external is not None:
        height = QFontMetrics(bold).height() + 2 * small_h + 2 * GAP
        out.external = QRect(x, y, w, height)
        y += height + GAP
    if post.quote is not None:
        y = _quote(out, post.quote, x, w, y, font)
    return y


def _quote(out: PostLayout, quote: QuotedPost, x: int, w: int, y: int, font: QFont) -> int:
    bold, _ = fonts(font)
    fm = QFontMetrics(font)
    line = fm.lineSpacing()
    text_w = w - 2 * GAP
    quote_text = shown(quote.unavailable) if quote.unavailable else quote.text
    text_h = min(QUOTE_LINES * line, fm.boundingRect(
        QRect(0, 0, text_w, 10_000), Qt.TextFlag.TextWordWrap, quote_text).height())
    top = y
    y += GAP + (0 if quote.unavailable else QFontMetrics(bold).height() + 2)
    out.quote_text = QRect(x + GAP, y, text_w, max(line, text_h))
    y = out.quote_text.bottom() + 1
    if quote.images:
        size = 56
        out.quote_images = [QRect(x + GAP + i * (size + 4), y + 4, size, size)
                            for i in range(min(4, len(quote.images)))]
        y += size + 4
    y += GAP
    out.quote = QRect(x, top, w, y - top)
    return y + GAP


def _group_layout(row: Row, width: int, font: QFont) -> PostLayout:
    """A notification group: a line of small avatars, the summary, the subject's text."""
    bold, small = fonts(font)
    content_x = PAD + AVATAR + PAD
    content_w = max(40, width - content_x - PAD)
    y = PAD
    count = len(row.group.authors) if row.group is not None else 0
    avatars = [QRect(content_x + i * (SMALL_AVATAR + 4), y, SMALL_AVATAR, SMALL_AVATAR)
               for i in range(min(6, count))]
    y += SMALL_AVATAR + GAP
    header = QRect(content_x, y, content_w, QFontMetrics(bold).height())
    y = header.bottom() + 1 + 2
    out = PostLayout(height=0, avatar=QRect(PAD, PAD, AVATAR, AVATAR), header=header,
                     avatars=avatars)
    if row.text:
        lines = min(2, max(1, QFontMetrics(small).horizontalAdvance(row.text) // content_w + 1))
        out.text = QRect(content_x, y, content_w, lines * QFontMetrics(small).lineSpacing())
        y = out.text.bottom() + 1
    out.height = y + PAD
    return out


def _actor_layout(row: Row, width: int, font: QFont) -> PostLayout:
    """An account: avatar, name and handle, the bio's first lines."""
    bold, small = fonts(font)
    content_x = PAD + AVATAR + PAD
    content_w = max(40, width - content_x - PAD)
    header = QRect(content_x, PAD, content_w, QFontMetrics(bold).height())
    y = header.bottom() + 1 + 2
    out = PostLayout(height=0, avatar=QRect(PAD, PAD, AVATAR, AVATAR), header=header)
    if row.text:
        out.text = QRect(content_x, y, content_w, 2 * QFontMetrics(small).lineSpacing())
        y = out.text.bottom() + 1
    out.height = max(y, out.avatar.bottom() + 1) + PAD
    return out
