"""Writing posts: the composer and its mention typeahead."""

from __future__ import annotations

from ._composer import MAX_GRAPHEMES, Composer, alt_placeholder
from ._outbox_bar import OutboxBar
from ._typeahead import MentionCompleter, mention_prefix

__all__ = [
    "MAX_GRAPHEMES",
    "Composer",
    "MentionCompleter",
    "OutboxBar",
    "alt_placeholder",
    "mention_prefix",
]
