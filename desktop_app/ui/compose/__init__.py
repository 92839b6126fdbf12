"""Writing posts: the composer and its mention typeahead."""

from __future__ import annotations

from ._composer import ALT_PLACEHOLDER, MAX_GRAPHEMES, Composer
from ._outbox_bar import OutboxBar
from ._typeahead import MentionCompleter, mention_prefix

__all__ = [
    "ALT_PLACEHOLDER",
    "MAX_GRAPHEMES",
    "Composer",
    "MentionCompleter",
    "OutboxBar",
    "mention_prefix",
]
