"""A thread in reading order: ancestors, the post itself, then replies depth-first."""

from __future__ import annotations

from dataclasses import dataclass

from ._models import ThreadNode

MAX_ANCESTORS = 1000


@dataclass(frozen=True, slots=True)
class ThreadRow:
    """One node of a flattened thread. `depth` is 0 for the post the thread was opened on,
    negative for its ancestors (-1 its parent) and 1, 2, … for replies."""

    node: ThreadNode
    depth: int

    @property
    def focus(self) -> bool:
        return self.depth == 0


def flatten_thread(node: ThreadNode) -> list[ThreadRow]:
    """Ancestors (oldest first), the post, then its replies depth-first in the server's order."""
    ancestors: list[ThreadNode] = []
    parent = node.parent
    while parent is not None and len(ancestors) < MAX_ANCESTORS:
        ancestors.append(parent)
        parent = parent.parent
    rows = [ThreadRow(a, -(i + 1)) for i, a in enumerate(ancestors)]
    rows.reverse()
    rows.append(ThreadRow(node, 0))
    stack = [(reply, 1) for reply in reversed(node.replies)]
    while stack:
        current, depth = stack.pop()
        rows.append(ThreadRow(current, depth))
        stack.extend((reply, depth + 1) for reply in reversed(current.replies))
    return rows


def splice_replies(rows: list[ThreadRow], at: int, subtree: ThreadNode) -> list[ThreadRow]:
    """Rows with the replies of `subtree` (the node at `at`, loaded deeper) inserted after it,
    each one level deeper than that node; for "more replies"."""
    base = rows[at].depth
    deeper = [ThreadRow(r.node, base + r.depth) for r in flatten_thread(subtree) if r.depth > 0]
    return [*rows[:at], ThreadRow(subtree, base), *deeper, *rows[at + 1:]]
