"""A list of posts: a QListView over the list model; new-posts, empty, error and loading states."""

from __future__ import annotations

import time
import weakref

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPersistentModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QResizeEvent,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QPushButton,
    QStackedWidget,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...app.screens import ListState, OpenThread, Row
from ..lang import announce, say, tr
from ._delegate import POST_ACTIONS, PostDelegate, post_intent, row_images, row_intent
from ._images import ImageCache
from ._model import ROW_ROLE, PostListModel
from ._words import action_words

NEAR_BOTTOM_SCREENS = 2.0  # start the next page this many viewport heights before the end
# A relayout of 10 000 rows takes a few seconds; a place older than this is no longer wanted.
PLACE_TTL = 10.0
# Rows are laid out again this long after the last width change, not at every step of a drag.
RELAYOUT_DELAY_MS = 150
REPAINT_MS = 16  # one frame at 60 Hz
ZOOMS = (0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0)  # Ctrl+= / Ctrl+- step through these
_VIEWS: weakref.WeakSet[PostListView] = weakref.WeakSet()


class PostListView(QWidget):
    """A list of posts (or notification groups, or accounts) and its states: loading, the rows,
    empty, an error; below them, more loading, an error, the end; above them, new posts.
    Holds the list model it shows; what the reader asks of a row leaves as one `intent`."""

    near_bottom = Signal()
    refresh_requested = Signal()
    retry_requested = Signal()
    show_new_requested = Signal()
    first_page_painted = Signal()  # the first rows from the server are on screen
    kept_page_painted = Signal()  # the offline copy's rows are on screen
    intent = Signal(object)  # an app.screens.Intent: what the reader asked of a row
    zoom = 1.0  # every list's text size, times the system's (one for the whole window)

    def __init__(self, model: PostListModel, images: ImageCache,
                 parent: QWidget | None = None, *, name: str | None = None, title: str = "",
                 loading: str | None = None, empty: str | None = None,
                 refresh: bool = True) -> None:
        """`name` is what a screen reader calls the list, `loading` and `empty` what it says
        while loading and when it has no rows (each in the interface's language; by default
        "Posts", "Loading…", "Nothing here yet.")."""
        super().__init__(parent)
        self.setObjectName("timeline")
        self.model = model
        self.images = images
        # The reader's place (top row, how far into it, as a fraction of its height): the last
        # one seen with every row laid out, and the one a pending relayout must restore (with
        # when it started); see _keep_place.
        self._seen: tuple[QPersistentModelIndex, float] | None = None
        self._place: tuple[QPersistentModelIndex, float, float] | None = None
        self._painted_first = False
        self._painted_kept = False
        self._kept = False  # the rows are the offline copy's
        self._loading = True
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._init_header())
        self.note = QLabel()
        self.note.setObjectName("listNote")
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)
        self.note.hide()
        layout.addWidget(self.note)
        self._init_list(model, images, tr("Posts", "a list of posts") if name is None else name)
        layout.addWidget(self._init_states(), 1)
        layout.addLayout(self._init_footer())
        self._init_timers(images)
        self._watch(model)
        self.set_title(title)
        self.set_loading_text(tr("Loading…") if loading is None else loading)
        self.set_empty_text(tr("Nothing here yet.") if empty is None else empty)
        self.refresh_button.setVisible(refresh)
        _VIEWS.add(self)
        self._apply_zoom()

    @classmethod
    def zoom_all(cls, zoom: float) -> None:
        """Every post list's text at `zoom` times the system's size (which it follows)."""
        cls.zoom = max(ZOOMS[0], min(ZOOMS[-1], zoom))
        for view in list(_VIEWS):
            if shiboken6.isValid(view):  # a closed view's wrapper may outlive its widget
                view._apply_zoom()
            else:
                _VIEWS.discard(view)

    @classmethod
    def zoom_step(cls, step: int) -> float:
        """One step larger (1), smaller (-1) or back to the system's size (0): the new zoom."""
        if step == 0:
            zoom = 1.0
        else:
            at = min(range(len(ZOOMS)), key=lambda n: abs(ZOOMS[n] - cls.zoom))
            zoom = ZOOMS[max(0, min(len(ZOOMS) - 1, at + step))]
        cls.zoom_all(zoom)
        return cls.zoom

    def _apply_zoom(self) -> None:
        font = QApplication.font()
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * self.zoom)
        self.setFont(font)  # a FontChange: the rows are laid out again, the place kept

    def _init_header(self) -> QHBoxLayout:
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)  # "Home · @handle"
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.new_posts_button = QPushButton()
        self.new_posts_button.setObjectName("newPostsButton")
        self.new_posts_button.hide()
        self.new_posts_button.clicked.connect(self.show_new_requested)
        self.refresh_button = QToolButton()
        self.refresh_button.setObjectName("refreshButton")
        self.refresh_button.setText("⟳ " + tr("Refresh", "check for new posts"))
        self.refresh_button.setToolTip(tr("Check for new posts ({key})").format(
            key=QKeySequence(QKeySequence.StandardKey.Refresh).toString(
                QKeySequence.SequenceFormat.NativeText) or "F5"))
        self.refresh_button.setAccessibleName(tr("Refresh timeline"))
        self.refresh_button.clicked.connect(self.refresh_requested)
        refresh = QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self)
        refresh.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        refresh.activated.connect(self.refresh_requested)
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addStretch(1)
        header.addWidget(self.new_posts_button)
        header.addWidget(self.refresh_button)
        return header

    def _init_list(self, model: PostListModel, images: ImageCache, name: str) -> None:
        self.list = QListView()
        self.list.setObjectName("timelineList")
        self.list.setAccessibleName(name)  # what a screen reader calls this list
        self.list.setModel(model)
        self.delegate = PostDelegate(images, self.list)
        self.delegate.width_source = lambda: self.list.viewport().width()
        self.delegate.on_intent = self.intent.emit
        self.list.setItemDelegate(self.delegate)
        self.list.installEventFilter(self)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.verticalScrollBar().setSingleStep(24)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setLayoutMode(QListView.LayoutMode.Batched)
        # ~0.3 ms per row at a new width: 100 rows keep each batch near two frames.
        self.list.setBatchSize(100)
        self.list.setUniformItemSizes(False)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setMouseTracking(True)
        self.list.viewport().installEventFilter(self)
        self.list.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.list.verticalScrollBar().rangeChanged.connect(lambda *_: self._range_changed())

    def _init_states(self) -> QStackedWidget:
        """Loading, the list, empty, or an error with a retry button: one shown at a time."""
        self.empty_label = QLabel()  # its text: set_empty_text
        self.empty_label.setObjectName("timelineEmpty")
        self.loading_label = QLabel()  # its text: set_loading_text
        self.loading_label.setObjectName("timelineLoading")
        self.error_label = QLabel()
        self.error_label.setObjectName("timelineError")
        self.error_label.setWordWrap(True)
        self.retry_button = QPushButton(tr("Try again", "load the list again"))
        self.retry_button.setObjectName("timelineRetry")
        self.retry_button.clicked.connect(self.retry_requested)
        self._error_page = QWidget()
        error_layout = QVBoxLayout(self._error_page)
        error_layout.addStretch(1)
        error_layout.addWidget(self.error_label, 0, Qt.AlignmentFlag.AlignCenter)
        error_layout.addWidget(self.retry_button, 0, Qt.AlignmentFlag.AlignCenter)
        error_layout.addStretch(1)
        for label in (self.empty_label, self.loading_label, self.error_label):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setTextFormat(Qt.TextFormat.PlainText)  # a server's error, a search query
        self.stack = QStackedWidget()
        for page in (self.loading_label, self.list, self.empty_label, self._error_page):
            self.stack.addWidget(page)
        self.stack.currentChanged.connect(self._follow_page)
        self._follow_page()
        return self.stack

    def _follow_page(self, _index: int = -1) -> None:
        """Focusing the view reaches what its page shows: the posts, or the error's retry
        button; loading or empty, nothing. A proxy left on a hidden list would make Tab stop
        here (Qt picks the view, the hidden list refuses the focus) — a keyboard trap."""
        page = self.stack.currentWidget()
        target: QWidget | None = self.list if page is self.list else (
            self.retry_button if page is self._error_page else None)
        self.setFocusProxy(target)  # type: ignore[arg-type]  # None clears it (stubs say no)

    def _init_footer(self) -> QHBoxLayout:
        self.footer = QLabel()
        self.footer.setObjectName("timelineFooter")
        self.footer.setTextFormat(Qt.TextFormat.PlainText)
        self.footer.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.footer_retry = QPushButton(tr("Try again", "load the list again"))
        self.footer_retry.setObjectName("timelineFooterRetry")
        self.footer_retry.clicked.connect(self._retry_more)
        footer = QHBoxLayout()
        footer.addStretch(1)
        footer.addWidget(self.footer)
        footer.addWidget(self.footer_retry)
        footer.addStretch(1)
        self.footer.hide()
        self.footer_retry.hide()
        return footer

    def _init_timers(self, images: ImageCache) -> None:
        # QListView re-lays out a top-to-bottom list only when its height changes.
        self._relayout = QTimer(self)
        self._relayout.setSingleShot(True)
        self._relayout.setInterval(RELAYOUT_DELAY_MS)
        self._relayout.timeout.connect(self.list.doItemsLayout)
        # Thumbnails arrive several per frame; one repaint per frame is enough for all of them.
        self._repaint = QTimer(self)
        self._repaint.setSingleShot(True)
        self._repaint.setInterval(REPAINT_MS)
        self._repaint.timeout.connect(self._repaint_arrived)
        self._arrived: set[str] = set()
        images.loaded.connect(self._image_loaded)

    def _watch(self, model: PostListModel) -> None:
        model.rowsInserted.connect(self._sync_state)
        model.modelReset.connect(self._sync_state)

    def set_model(self, model: PostListModel) -> None:
        """Show another list's rows (another account's, a screen model's own)."""
        old, self.model = self.model, model
        old.rowsInserted.disconnect(self._sync_state)
        old.modelReset.disconnect(self._sync_state)
        self._watch(model)
        self.list.setModel(model)
        self._seen = self._place = None
        self._sync_state()

    def _image_loaded(self, url: str) -> None:
        if not self.isVisible():
            return
        self._arrived.add(url)
        if not self._repaint.isActive():
            self._repaint.start()

    def _repaint_arrived(self) -> None:
        """Repaint the rows on screen that show an image that arrived (not the whole list: a
        thumbnail for a row scrolled away costs no paint)."""
        arrived, self._arrived = self._arrived, set()
        viewport = self.list.viewport()
        index = self.list.indexAt(QPoint(0, 0))
        while index.isValid():
            rect = self.list.visualRect(index)
            if rect.top() > viewport.height():
                break
            if not arrived.isdisjoint(row_images(self.model.row(index.row()))):
                viewport.update(rect)
            index = index.siblingAtRow(index.row() + 1)

    # --- states ----------------------------------------------------------------------------------

    def set_header_widget(self, widget: QWidget) -> None:
        """A widget above the list (a profile's header, a search box)."""
        layout = self.layout()
        if isinstance(layout, QVBoxLayout):
            layout.insertWidget(1, widget)

    def set_empty_text(self, text: str) -> None:
        self.empty_label.setText(text)

    def set_loading_text(self, text: str) -> None:
        self.loading_label.setText(text)

    def current_row(self) -> Row | None:
        index = self.list.currentIndex()
        row = index.data(ROW_ROLE) if index.isValid() else None
        return row if isinstance(row, Row) else None

    def activate_current(self) -> None:
        """Enter: open the selected post's thread (or show it, or follow the row)."""
        row = self.current_row()
        found = row_intent(row) if row is not None else None
        if found is not None:
            self.intent.emit(found)

    def act_on_current(self, action: str) -> None:
        """A key on the selected post (l like, b bookmark, …: `POST_ACTIONS`)."""
        row = self.current_row()
        found = post_intent(row, action) if row is not None else None
        if found is not None:
            self.intent.emit(found)

    def show_actions(self, at: QPoint | None = None) -> None:
        """The selected post's actions as a menu, each with its key (Menu, Shift+F10, or a
        right click)."""
        row = self.current_row()
        if row is None:
            return
        menu = QMenu(self)
        menu.setAccessibleName(tr("Post actions"))
        for keys, _, name in POST_ACTIONS:
            found = post_intent(row, name)
            key = QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
            action = menu.addAction(f"{action_words(name)}\t{key}")
            action.setEnabled(found is not None)
            if found is not None:
                action.triggered.connect(lambda _=False, found=found: self.intent.emit(found))
        if at is None:
            rect = self.list.visualRect(self.list.currentIndex())
            at = self.list.viewport().mapToGlobal(rect.topLeft() + QPoint(40, 20))
        menu.popup(at)

    def move_selection(self, step: int) -> None:
        """j/k: select the next or previous row."""
        rows = self.model.rowCount()
        if rows == 0:
            return
        current = self.list.currentIndex().row()
        if not self.list.selectionModel().hasSelection():
            step = 0  # the first j selects where the list is (Qt's current row, unmarked)
        target = 0 if current < 0 else max(0, min(rows - 1, current + step))
        index = self.model.index(target)
        self.list.setCurrentIndex(index)
        self.list.scrollTo(index)

    def scroll_value(self) -> int:
        return self.list.verticalScrollBar().value()

    def set_scroll_value(self, value: int) -> None:
        self.list.verticalScrollBar().setValue(value)

    def set_title(self, text: str) -> None:
        self.title.setText(text)

    def show_loading(self) -> None:
        self._loading = True
        self.stack.setCurrentWidget(self.loading_label)

    def show_error(self, message: str) -> None:
        """The first page failed: a full-page error with a retry button."""
        self._loading = False
        self.error_label.setText(message)
        self.stack.setCurrentWidget(self._error_page)
        if self.isVisible():  # a place not shown keeps its trouble until it is
            announce(self.error_label, message)

    def loaded(self) -> None:
        self._loading = False
        self._sync_state()

    def _sync_state(self, *_: object) -> None:
        if self._loading:
            if self.model.rowCount() == 0:
                return
            self._loading = False
        self.stack.setCurrentWidget(self.list if self.model.rowCount() else self.empty_label)
        focused = self.window().focusWidget()
        if self.model.rowCount() and self.isVisible() and (
                focused is None or not focused.isVisible() or focused is self
                or self.isAncestorOf(focused)):
            # The keyboard was meant for this list while it was hidden (loading), or is
            # nowhere a person can see (the sign-in page just left): give it to the list.
            self.list.setFocus()

    def set_loading_more(self, loading: bool) -> None:
        self.footer_retry.hide()
        self.footer.setText(tr("Loading more posts…"))
        self.footer.setVisible(loading)

    def show_more_error(self, message: str) -> None:
        self.footer.setText(message)
        self.footer.show()
        self.footer_retry.show()
        if self.isVisible():
            announce(self.footer, message)

    def show_end(self) -> None:
        self.footer.setText(tr("You're all caught up."))
        self.footer_retry.hide()
        self.footer.show()

    def _retry_more(self) -> None:
        self.footer_retry.hide()
        self.near_bottom.emit()

    def set_new_posts(self, count: int) -> None:
        if count <= 0:
            self.new_posts_button.hide()
            return
        if count >= 50:  # counted no further: "50+"
            words = tr("%n+ new posts", "at least that many new posts above the list", count)
        elif count == 1:  # English's singular; the plural's forms serve every other number
            words = tr("%n new post", "one new post above the list", count)
        else:
            words = tr("%n new posts", "new posts above the list", count)
        self.new_posts_button.setText("↑ " + words)
        self.new_posts_button.show()

    def scroll_to_top(self) -> None:
        self.list.scrollToTop()

    def show_state(self, state: ListState) -> None:
        """What the list shows besides its rows (see `ListState`)."""
        self._kept = state.kept_from is not None
        note = say(state.note) if state.note is not None else ""
        self.note.setText(note)
        self.note.setAccessibleName(note)
        self.note.setVisible(bool(note))
        if state.phase == "loading":
            self.show_loading()
        elif state.phase == "error":
            self.show_error(say(state.message) if state.message is not None else "")
        else:
            self.loaded()
        if state.footer == "loading_more":
            self.set_loading_more(True)
        elif state.footer == "more_error":
            self.show_more_error(say(state.footer_message)
                                 if state.footer_message is not None else "")
        elif state.footer == "end":
            self.show_end()
        else:
            self.set_loading_more(False)
        self.set_new_posts(state.new_posts)

    def select_row(self, at: int) -> None:
        """Make row `at` the current one and bring it into view (a thread's post at the top)."""
        if not 0 <= at < self.model.rowCount():
            return
        index = self.model.index(at)
        self.list.setCurrentIndex(index)
        top = at == 0 or self.model.row(at).focus
        self.list.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtTop if top
                           else QAbstractItemView.ScrollHint.EnsureVisible)

    # --- scrolling and hover ---------------------------------------------------------------------

    def _check_bottom(self) -> None:
        bar = self.list.verticalScrollBar()
        if self.model.rowCount() == 0:
            return
        remaining = bar.maximum() - bar.value()
        if remaining <= NEAR_BOTTOM_SCREENS * self.list.viewport().height():
            self.near_bottom.emit()

    def _scrolled(self) -> None:
        self._note_place()
        self._check_bottom()

    def _range_changed(self) -> None:
        self._restore_place()
        self._check_bottom()

    # A new width or font changes every row's height. QListView lays the rows out again from the
    # top in batches and meanwhile clamps the scroll position to what it has laid out, which
    # would throw the reader back towards the top; so the place seen before is put back. It has
    # to be noted beforehand: once a relayout is pending, the view can no longer map positions.

    def _laid_out(self) -> bool:
        # Rows not laid out yet have no rect; the last one having one means the layout is done.
        rows = self.model.rowCount()
        return rows > 0 and self.list.visualRect(self.model.index(rows - 1)).isValid()

    def _note_place(self) -> None:
        if self._place is not None or not self._laid_out():
            return  # mid-relayout positions are not the reader's
        top = self.list.indexAt(QPoint(0, 0))
        rect = self.list.visualRect(top)
        if top.isValid() and rect.height() > 0:
            self._seen = (QPersistentModelIndex(top), -rect.top() / rect.height())

    def _keep_place(self) -> None:
        if self._place is not None and time.monotonic() - self._place[2] < PLACE_TTL:
            return  # a relayout is already pending: keep the place from before it
        self._place = None if self._seen is None else (*self._seen, time.monotonic())

    def _restore_place(self) -> None:
        if self._place is None:
            return
        anchor, into, since = self._place
        if not anchor.isValid() or time.monotonic() - since > PLACE_TTL:
            self._place = None
            return
        if self._relayout.isActive() or not self._laid_out():
            return  # the relayout has not started, or not finished
        rect = self.list.visualRect(self.model.index(anchor.row()))
        self._place = None
        bar = self.list.verticalScrollBar()
        bar.setValue(bar.value() + rect.top() + round(into * rect.height()))
        self._note_place()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.ApplicationFontChange:
            self._apply_zoom()  # the system's text size changed: follow it, zoomed as set
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.PaletteChange,
                            QEvent.Type.StyleChange):
            self._keep_place()
            self.delegate.forget()
            self.list.doItemsLayout()
        super().changeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.list and event.type() == QEvent.Type.KeyPress \
                and isinstance(event, QKeyEvent) and self._key(event):
            return True
        if watched is self.list.viewport():
            kind = event.type()
            if kind == QEvent.Type.Paint:
                self._painted_rows()
                if self._place is not None and not self._relayout.isActive():
                    # A relayout that leaves the scroll range as it was emits no rangeChanged.
                    QTimer.singleShot(0, self, self._restore_place)
            elif kind == QEvent.Type.Resize and isinstance(event, QResizeEvent):
                if event.oldSize().width() not in (-1, event.size().width()):
                    self._keep_place()
                    self._relayout.start()  # restarted by each step of a drag
            elif kind == QEvent.Type.MouseMove and isinstance(event, QMouseEvent):
                self._update_cursor(event)
            elif kind == QEvent.Type.ContextMenu and isinstance(event, QContextMenuEvent):
                index = self.list.indexAt(event.pos())
                if index.isValid():
                    self.list.setCurrentIndex(index)
                    self.show_actions(event.globalPos())
                    return True
        return super().eventFilter(watched, event)

    def _key(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key == Qt.Key.Key_Menu or (key == Qt.Key.Key_F10 and event.modifiers()
                                      == Qt.KeyboardModifier.ShiftModifier):
            self.show_actions()
            return True
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        action = next((name for keys, _, name in POST_ACTIONS
                       if len(keys) == 1 and getattr(Qt.Key, f"Key_{keys}") == key), None)
        if action is not None:
            self.act_on_current(action)
            return True
        if key == Qt.Key.Key_J:
            self.move_selection(1)
        elif key == Qt.Key.Key_K:
            self.move_selection(-1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.activate_current()
        else:
            return False
        return True

    def _painted_rows(self) -> None:
        if not self.model.rowCount():
            return
        if self._kept and not self._painted_kept:
            self._painted_kept = True
            self.kept_page_painted.emit()
        elif not self._kept and not self._painted_first:
            self._painted_first = True
            self.first_page_painted.emit()

    def _update_cursor(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        index = self.list.indexAt(pos)
        row = index.data(ROW_ROLE) if index.isValid() else None
        hit = None
        if isinstance(row, Row):
            option = QStyleOptionViewItem()
            option.initFrom(self.list)
            option.rect = self.list.visualRect(index)
            hit = self.delegate.hit(row, option, pos - option.rect.topLeft())
        # The row itself opens its thread: only its parts (links, buttons, images) are pointed.
        clickable = hit is not None and not (isinstance(hit, OpenThread) and hit.post is not None)
        shape = Qt.CursorShape.PointingHandCursor if clickable else Qt.CursorShape.ArrowCursor
        self.list.viewport().setCursor(shape)
