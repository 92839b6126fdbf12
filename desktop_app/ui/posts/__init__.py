"""Lists of posts: the list model and view, the painting delegate and its layouts, images,
and how times read."""

from __future__ import annotations

from ._delegate import (
    HEIGHT_WIDTHS,
    POST_ACTIONS,
    PostDelegate,
    post_intent,
    row_images,
    row_intent,
)
from ._images import ImageCache
from ._layout import PostLayout, anchor
from ._model import ITEM_ROLE, ROW_ROLE, PostListModel
from ._timefmt import relative_time
from ._view import RELAYOUT_DELAY_MS, PostListView
from ._words import action_words

__all__ = [
    "HEIGHT_WIDTHS",
    "ITEM_ROLE",
    "POST_ACTIONS",
    "RELAYOUT_DELAY_MS",
    "ROW_ROLE",
    "ImageCache",
    "PostDelegate",
    "PostLayout",
    "PostListModel",
    "PostListView",
    "action_words",
    "anchor",
    "post_intent",
    "relative_time",
    "row_images",
    "row_intent",
]
