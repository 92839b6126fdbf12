"""The post composer: a grapheme counter, images with alt text, language, reply and quote."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QImage, QKeySequence, QPalette, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...app import Draft, Writing, read_image
from ...bsky import (
    MAX_IMAGES,
    MAX_POST_GRAPHEMES,
    ImageUpload,
    NewPost,
    PostView,
    grapheme_length,
)
from ...errors import AppError
from ..lang import announce, say, tr
from ..look import accents, primary, quiet
from ..posts import relative_time
from ._typeahead import MentionCompleter

MAX_GRAPHEMES = MAX_POST_GRAPHEMES
THUMBNAIL_SIZE = 64
DRAFT_EXCERPT = 48
IMAGE_PATTERNS = "*.jpg *.jpeg *.png *.gif *.webp"  # the file dialog's filter (read by Qt)

# (BCP-47 code, name shown); the names are endonyms so people find their own language.
LANGUAGES: tuple[tuple[str, str], ...] = (
    ("en", "English"),
    ("es", "Español"),
    ("pt", "Português"),
    ("ja", "日本語"),
    ("de", "Deutsch"),
    ("fr", "Français"),
    ("ko", "한국어"),
    ("zh", "中文"),
    ("it", "Italiano"),
    ("nl", "Nederlands"),
    ("pl", "Polski"),
    ("ru", "Русский"),
    ("tr", "Türkçe"),
    ("uk", "Українська"),
    ("sv", "Svenska"),
    ("id", "Bahasa Indonesia"),
    ("ar", "العربية"),
    ("hi", "हिन्दी"),
)


def alt_placeholder() -> str:
    """What an image's empty alt text box asks for."""
    return tr("Describe the image for people who can't see it")


def _choose_image_files(parent: QWidget) -> list[str]:
    paths, _ = QFileDialog.getOpenFileNames(
        parent, tr("Add image", "title of the file dialog"), "",
        tr("Images ({patterns})", "file dialog filter").format(patterns=IMAGE_PATTERNS)
    )
    return list(paths)


def _default_language(locale: QLocale) -> str:
    code = locale.name().split("_")[0].lower()
    return code if any(code == known for known, _ in LANGUAGES) else "en"


@dataclass
class _Attachment:
    data: bytes
    mime_type: str
    aspect_ratio: tuple[int, int]
    row: QWidget
    alt_edit: QLineEdit
    remove_button: QPushButton


def draft_label(draft: Draft, now: float) -> str:
    """How a draft reads in the drafts menu: its start, what it answers or holds, its age."""
    first = next((line.strip() for line in draft.text.splitlines() if line.strip()), "")
    text = first[:DRAFT_EXCERPT] + ("…" if len(first) > DRAFT_EXCERPT else "")
    parts = [text or tr("(no text)", "a draft without text")]
    if draft.reply_to is not None:
        parts.append(tr("reply to @{handle}", "a draft answering a post by @{handle}").format(
            handle=draft.reply_handle) if draft.reply_handle
            else tr("reply", "a draft answering a post"))
    if draft.images:
        count = len(draft.images)
        # English's singular apart; the plural's forms serve every other number.
        parts.append(tr("%n image", "a draft's one image", count) if count == 1
                     else tr("%n images", "a draft's images", count))
    when = relative_time(draft.updated_at, now)
    if when:
        parts.append(when)
    return " · ".join(parts)


class Composer(QWidget):
    """Builds a `NewPost` and emits `post_requested(draft)`; the controller does the posting.
    Holds what is being written (text, language, images with alt text, the posts answered and
    quoted) and says `changed` after each change, so it can be kept as a draft."""

    post_requested = Signal(object)
    allow_requested = Signal()  # "Allow…" next to the sentence saying posting wasn't allowed
    changed = Signal()  # what the composer holds changed (not while `load` fills it)
    save_draft_requested = Signal()
    drafts_requested = Signal()  # "Drafts…": the binding answers with `show_drafts`
    draft_chosen = Signal(str)  # a draft's id, to take up
    draft_delete_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None, locale: QLocale | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("composer")
        # Tests replace this so no modal dialog ever opens.
        self.choose_files: Callable[[QWidget], list[str]] = _choose_image_files
        self._reply_to: PostView | None = None
        self._quote: PostView | None = None
        self._busy = False
        self._allowed = True
        self._loading = False
        self.drafts_menu: QMenu | None = None
        self._attachments: list[_Attachment] = []
        layout = QVBoxLayout(self)
        layout.addLayout(self._init_targets())
        layout.addWidget(self._init_text(), 1)
        self.images_area = QWidget()
        self.images_area.setObjectName("composerImages")
        self._images_layout = QVBoxLayout(self.images_area)
        self._images_layout.setContentsMargins(0, 0, 0, 0)
        self.images_area.setVisible(False)
        layout.addWidget(self.images_area)
        # The interface's language (QLocale's default, set from the language setting) is the
        # post's first guess.
        layout.addLayout(self._init_controls(locale or QLocale()))
        layout.addWidget(self._init_error())
        layout.addLayout(self._init_permission())
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self._submit)
        self._refresh()

    def _init_targets(self) -> QHBoxLayout:
        """The line saying which post is answered or quoted, and its Cancel."""
        self.reply_label = QLabel("")
        self.reply_label.setTextFormat(Qt.TextFormat.PlainText)  # outside text, never markup
        self.reply_label.setObjectName("composerReplyLabel")
        self.reply_label.setAccessibleName(tr("Replying to", "the post being answered"))
        self.cancel_reply_button = QPushButton(tr("Cancel reply"))
        self.cancel_reply_button.setObjectName("composerCancelReply")
        self.cancel_reply_button.setAccessibleName(tr("Cancel reply"))
        quiet(self.cancel_reply_button)
        self.cancel_reply_button.clicked.connect(self._cancel_targets)
        self.reply_label.setVisible(False)
        self.cancel_reply_button.setVisible(False)
        row = QHBoxLayout()
        row.addWidget(self.reply_label)
        row.addStretch(1)
        row.addWidget(self.cancel_reply_button)
        return row

    def _init_text(self) -> QPlainTextEdit:
        self.text_edit = QPlainTextEdit()
        self.text_edit.setObjectName("composerText")
        self.text_edit.setPlaceholderText(tr("What's up?", "the empty composer's invitation"))
        self.text_edit.setAccessibleName(tr("Post text", "the composer's text box"))
        # Tab should move focus to the next control, not insert a tab into the post.
        self.text_edit.setTabChangesFocus(True)
        # About four lines: the timeline below keeps most of the window.
        lines = self.text_edit.fontMetrics().lineSpacing()
        self.text_edit.setFixedHeight(4 * lines + 16)
        self.text_edit.textChanged.connect(self._refresh)
        self.text_edit.textChanged.connect(self._changed)
        self.mentions = MentionCompleter(self.text_edit)
        return self.text_edit

    def _init_controls(self, locale: QLocale) -> QHBoxLayout:
        """Add image, the post's language, the counter and Post."""
        self.add_image_button = QPushButton(tr("Add image…"))
        self.add_image_button.setObjectName("composerAddImage")
        self.add_image_button.setAccessibleName(tr("Add image", "the composer's button"))
        self.add_image_button.clicked.connect(self._choose_images)
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("composerLanguage")
        self.language_combo.setAccessibleName(tr("Post language", "the language a post is in"))
        for code, name in LANGUAGES:
            self.language_combo.addItem(name, code)
        self.language_combo.setCurrentIndex(
            self.language_combo.findData(_default_language(locale)))
        self.language_combo.currentIndexChanged.connect(self._changed)
        # On Linux a combo box's accessible name is its current text ("日本語"); what it is
        # for reaches a screen reader through the label it is the buddy of ("labelled by").
        self.language_label = QLabel(tr("&Language:", "the label of the post's language"))
        self.language_label.setBuddy(self.language_combo)
        self.language_label.setObjectName("composerLanguageLabel")
        self.language_label.setTextFormat(Qt.TextFormat.PlainText)
        self.drafts_button = QPushButton(tr("Drafts…"))
        self.drafts_button.setObjectName("composerDrafts")
        self.drafts_button.setAccessibleName(tr("Drafts", "saved unfinished posts"))
        self.drafts_button.setToolTip(tr("Open a saved draft"))
        self.drafts_button.clicked.connect(self.drafts_requested)
        self.save_draft_button = QPushButton(tr("Save draft"))
        self.save_draft_button.setObjectName("composerSaveDraft")
        self.save_draft_button.setAccessibleName(tr("Save draft"))
        self.save_draft_button.setToolTip(tr("Keep this in your drafts and start a new post"))
        self.save_draft_button.clicked.connect(self.save_draft_requested)
        self.drafts_button.hide()  # until `set_drafts_enabled`: without a profile, no drafts
        self.save_draft_button.hide()
        self.counter = QLabel("")
        self.counter.setTextFormat(Qt.TextFormat.PlainText)  # outside text, never markup
        self.counter.setObjectName("composerCounter")
        self._counter_palette = QPalette(self.counter.palette())
        self.post_button = QPushButton(tr("Post", "send the post written"))
        self.post_button.setObjectName("composerPostButton")
        primary(self.post_button)
        self.post_button.clicked.connect(self._submit)
        controls = QHBoxLayout()
        controls.addWidget(self.add_image_button)
        controls.addWidget(self.language_label)
        controls.addWidget(self.language_combo)
        controls.addStretch(1)
        controls.addWidget(self.drafts_button)
        controls.addWidget(self.save_draft_button)
        controls.addWidget(self.counter)
        controls.addWidget(self.post_button)
        return controls

    def _init_error(self) -> QLabel:
        self.error_label = QLabel("")
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)  # outside text, never markup
        self.error_label.setObjectName("composerError")
        self.error_label.setAccessibleName(tr("Post problem", "why the post can't be sent"))
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.setVisible(False)
        return self.error_label

    def _init_permission(self) -> QHBoxLayout:
        """The sentence saying posting wasn't allowed, and "Allow…"."""
        self.permission_label = QLabel("")
        self.permission_label.setTextFormat(Qt.TextFormat.PlainText)  # outside text, never markup
        self.permission_label.setObjectName("composerPermission")
        self.permission_label.setWordWrap(True)
        self.allow_button = QPushButton(tr("Allow…", "let the app post for the account"))
        self.allow_button.setObjectName("composerAllowButton")
        self.allow_button.clicked.connect(self.allow_requested)
        self.permission_label.hide()
        self.allow_button.hide()
        row = QHBoxLayout()
        row.addWidget(self.permission_label, 1)
        row.addWidget(self.allow_button)
        return row

    # --- public API ----------------------------------------------------------------------------

    def set_reply_to(self, post: PostView | None) -> None:
        self._reply_to = post
        self._show_targets()

    def set_quote(self, post: PostView | None) -> None:
        """Quote `post` (a record embed) in the next post."""
        self._quote = post
        self._show_targets()
        if post is not None:
            self.text_edit.setFocus()

    def _cancel_targets(self) -> None:
        self._reply_to = self._quote = None
        self._show_targets()

    def _show_targets(self) -> None:
        parts = []
        if self._reply_to is not None:
            parts.append(tr("Replying to @{handle}").format(
                handle=self._reply_to.author.handle))
        if self._quote is not None:
            excerpt = self._quote.text[:60] + ("…" if len(self._quote.text) > 60 else "")
            parts.append(tr("Quoting @{handle}: “{excerpt}”").format(
                handle=self._quote.author.handle, excerpt=excerpt))
        self.reply_label.setText(" · ".join(parts))
        self.reply_label.setVisible(bool(parts))
        self.cancel_reply_button.setText(
            tr("Cancel reply") if self._quote is None
            else tr("Cancel", "stop replying to or quoting a post"))
        self.cancel_reply_button.setVisible(bool(parts))
        self._refresh()
        self._changed()

    def draft(self) -> NewPost:
        images = tuple(
            ImageUpload(a.data, a.mime_type, a.alt_edit.text().strip(), a.aspect_ratio)
            for a in self._attachments
        )
        code = self.language_combo.currentData()
        return NewPost(
            text=self.text_edit.toPlainText(),
            images=images,
            langs=(str(code),) if code else (),
            reply_to=self._reply_to,
            quote=self._quote.ref if self._quote is not None else None,
        )

    def writing(self) -> Writing:
        """What the composer holds, as a draft keeps it."""
        post = self.draft()
        return Writing(post.text, post.langs, post.images, self._reply_to, self._quote)

    def load(self, writing: Writing) -> None:
        """Hold `writing` (a draft taken up), replacing what was there."""
        self._loading = True
        try:
            self.clear()
            self.text_edit.setPlainText(writing.text)
            if writing.langs:
                found = self.language_combo.findData(writing.langs[0])
                if found >= 0:
                    self.language_combo.setCurrentIndex(found)
            for upload in writing.images[:MAX_IMAGES]:
                image = QImage.fromData(upload.data)
                if not image.isNull():
                    self._attach(upload.data, upload.mime_type, image).alt_edit.setText(
                        upload.alt)
            self._reply_to, self._quote = writing.reply_to, writing.quote
            self._show_targets()
            cursor = self.text_edit.textCursor()
            cursor.movePosition(cursor.MoveOperation.End)
            self.text_edit.setTextCursor(cursor)
        finally:
            self._loading = False

    def set_drafts_enabled(self, enabled: bool) -> None:
        """Show "Save draft" and "Drafts…" (drafts are kept for this account)."""
        self.drafts_button.setVisible(enabled)
        self.save_draft_button.setVisible(enabled)
        self._refresh()

    def show_drafts(self, drafts: list[Draft], now: float) -> QMenu:
        """The drafts menu under "Drafts…": choosing one takes it up; "Delete" holds the same
        drafts to throw away."""
        menu = QMenu(self)
        menu.setObjectName("composerDraftsMenu")
        menu.setAccessibleName(tr("Drafts", "saved unfinished posts"))
        if not drafts:
            menu.addAction(tr("No drafts yet")).setEnabled(False)
        for draft in drafts:
            action = menu.addAction(draft_label(draft, now))
            action.triggered.connect(lambda _=False, i=draft.id: self.draft_chosen.emit(i))
        if drafts:
            menu.addSeparator()
            delete = menu.addMenu(tr("Delete a draft"))
            delete.setObjectName("composerDeleteDraftMenu")
            for draft in drafts:
                action = delete.addAction(draft_label(draft, now))
                action.triggered.connect(
                    lambda _=False, i=draft.id: self.draft_delete_requested.emit(i))
        if self.drafts_menu is not None:
            self.drafts_menu.deleteLater()
        self.drafts_menu = menu
        menu.popup(self.drafts_button.mapToGlobal(self.drafts_button.rect().bottomLeft()))
        return menu

    def set_busy(self, busy: bool) -> None:
        """While the post is being sent: nothing may change under it, and no second send."""
        self._busy = busy
        self.text_edit.setReadOnly(busy)
        self.language_combo.setEnabled(not busy)
        self.cancel_reply_button.setEnabled(not busy)
        for attachment in self._attachments:
            attachment.alt_edit.setReadOnly(busy)
            attachment.remove_button.setEnabled(not busy)
        self._refresh()

    def set_allowed(self, allowed: bool, sentence: str = "") -> None:
        """Whether the account allows posting; if not, `sentence` says so beside "Allow…".
        Typing stays possible: the draft is kept while posting is being allowed."""
        self._allowed = allowed
        self.permission_label.setText(sentence)
        self.permission_label.setVisible(not allowed)
        self.allow_button.setVisible(not allowed)
        self._refresh()

    def show_error(self, message: str) -> None:
        # Only the message changes: a failed post must never cost the user their draft.
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))
        announce(self.error_label, message)

    def clear(self) -> None:
        """After a successful post."""
        self.text_edit.clear()
        for attachment in list(self._attachments):
            self._remove(attachment)
        self._cancel_targets()
        self.show_error("")
        self._refresh()

    def can_post(self) -> bool:
        text = self.text_edit.toPlainText()
        has_content = bool(text.strip()) or bool(self._attachments)
        return has_content and grapheme_length(text) <= MAX_GRAPHEMES and not self._busy \
            and self._allowed

    def add_image_file(self, path: str) -> bool:
        """Attach one image file; on a problem, say why in the error line and return False."""
        if len(self._attachments) >= MAX_IMAGES:
            self.show_error(tr("A post can have at most %n images.", None, MAX_IMAGES))
            return False
        try:
            upload = read_image(path)
        except AppError as exc:
            self.show_error(say(exc.sentence))
            return False
        image = QImage.fromData(upload.data)
        if image.isNull() or image.width() <= 0 or image.height() <= 0:
            self.show_error(tr("That image could not be read."))
            return False
        self._attach(upload.data, upload.mime_type, image)
        self.show_error("")
        return True

    # --- behaviour -----------------------------------------------------------------------------

    def _choose_images(self) -> None:
        for path in self.choose_files(self):
            # Stop at the first refusal so its message stays on screen.
            if not self.add_image_file(path):
                break

    def _attach(self, data: bytes, mime_type: str, image: QImage) -> _Attachment:
        row = QWidget()
        row_layout = QHBoxLayout(row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        thumbnail = QLabel()
        thumbnail.setTextFormat(Qt.TextFormat.PlainText)
        thumbnail.setPixmap(QPixmap.fromImage(image.scaled(
            THUMBNAIL_SIZE, THUMBNAIL_SIZE, Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation)))
        thumbnail.setFixedSize(THUMBNAIL_SIZE, THUMBNAIL_SIZE)
        thumbnail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        alt_edit = QLineEdit()
        alt_edit.setPlaceholderText(alt_placeholder())
        alt_edit.textChanged.connect(self._changed)
        remove_button = QPushButton(tr("Remove", "take an image off the post"))
        row_layout.addWidget(thumbnail)
        row_layout.addWidget(alt_edit, 1)
        row_layout.addWidget(remove_button)
        attachment = _Attachment(data, mime_type, (image.width(), image.height()),
                                 row, alt_edit, remove_button)
        remove_button.clicked.connect(lambda: self._remove(attachment))
        self._attachments.append(attachment)
        self._images_layout.addWidget(row)
        self._renumber()
        self._refresh()
        self._changed()
        return attachment

    def _remove(self, attachment: _Attachment) -> None:
        if attachment not in self._attachments:
            return
        self._attachments.remove(attachment)
        self._images_layout.removeWidget(attachment.row)
        # Detach now so findChild and the renumbered names never see the departing row;
        # deleteLater because its own Remove button may still be mid-click.
        attachment.row.setParent(None)
        attachment.row.deleteLater()
        self._renumber()
        self._refresh()
        self._changed()

    def _renumber(self) -> None:
        # Names follow position so "composerAlt0" is always the first image on screen.
        for i, attachment in enumerate(self._attachments):
            number = i + 1
            attachment.alt_edit.setObjectName(f"composerAlt{i}")
            attachment.alt_edit.setAccessibleName(
                tr("Alt text for image {number}").format(number=number))
            attachment.remove_button.setObjectName(f"composerRemoveImage{i}")
            attachment.remove_button.setAccessibleName(
                tr("Remove image {number}").format(number=number))
        self.images_area.setVisible(bool(self._attachments))

    def _refresh(self) -> None:
        left = MAX_GRAPHEMES - grapheme_length(self.text_edit.toPlainText())
        self.counter.setText(str(left))
        palette = QPalette(self._counter_palette)
        if left < 0:
            palette.setColor(QPalette.ColorRole.WindowText, accents(palette).warning)
            over = -left
            # English's singular apart; the plural's forms serve every other number.
            self.counter.setAccessibleName(
                tr("%n character over the limit", None, over) if over == 1
                else tr("%n characters over the limit", None, over))
        else:
            self.counter.setAccessibleName(
                tr("%n character left", None, left) if left == 1
                else tr("%n characters left", None, left))
        self.counter.setPalette(palette)
        self.post_button.setEnabled(self.can_post())
        if self._busy:
            self.post_button.setText(tr("Posting…"))
        else:
            self.post_button.setText(tr("Reply", "send the reply written")
                                     if self._reply_to is not None
                                     else tr("Post", "send the post written"))
        self.add_image_button.setEnabled(len(self._attachments) < MAX_IMAGES and not self._busy)
        holds = bool(self.text_edit.toPlainText().strip()) or bool(self._attachments) \
            or self._quote is not None
        self.save_draft_button.setEnabled(not self._busy and holds)
        self.drafts_button.setEnabled(not self._busy)

    def _changed(self) -> None:
        if not self._loading:
            self.changed.emit()

    def _submit(self) -> None:
        if not self.can_post():
            return
        self.post_requested.emit(self.draft())
