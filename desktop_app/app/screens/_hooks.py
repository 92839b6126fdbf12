"""How a screen and the window talk: the list's state, and the hooks a screen calls."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from ...bsky import PermissionMissingError, PostView, Profile
from ...errors import AppError
from ...sentences import Sentence
from ._intents import Intent

Phase = Literal["loading", "rows", "empty", "error"]
Footer = Literal["", "loading_more", "more_error", "end"]


@dataclass(frozen=True)
class ListState:
    """What a list shows besides its rows: the first page loading, the rows (or that there are
    none), or why the first page failed; and below the rows, the next page loading, why it
    failed, or that there is no more; and how many newer posts wait above. `kept_from`: the rows
    are the offline copy kept at that time (None: fresh from the server); `note` says so when
    the server could not be reached ("Offline — showing posts from 14:05"). The sentences are
    for the window to say in its language; None: there is nothing to say."""

    phase: Phase = "loading"
    message: Sentence | None = None
    footer: Footer = ""
    footer_message: Sentence | None = None
    new_posts: int = 0
    kept_from: float | None = None
    note: Sentence | None = None


def _nothing(*_: object) -> None:
    return None


class Hooks:
    """What a screen tells the window, and asks of it: each a callable the window sets (they do
    nothing until then). Holds those callables."""

    def __init__(self) -> None:
        self.state: Callable[[ListState], None] = _nothing
        self.message: Callable[[Sentence], None] = _nothing  # said in the status bar
        self.permission_needed: Callable[[str], None] = _nothing  # a feature key
        self.account_hidden: Callable[[str], None] = _nothing  # muted or blocked: its DID
        self.select: Callable[[int], None] = _nothing  # select a row and scroll to it
        self.reply_to: Callable[[PostView | None], None] = _nothing  # the composer's target
        self.quote: Callable[[PostView], None] = _nothing  # the composer quotes a post
        self.compose: Callable[[], None] = _nothing  # the reader is about to write
        self.profile: Callable[[Profile], None] = _nothing  # a profile as it now is
        self.seen: Callable[[], None] = _nothing  # notifications marked read
        self.navigate: Callable[[Intent], None] = _nothing  # open a thread, a profile, …
        self.permits: Callable[[str], bool] = lambda feature: True

    def allowed(self, *features: str) -> bool:
        """Whether the account allows all of `features`; if not, the window offers the first
        one missing."""
        missing = [f for f in features if not self.permits(f)]
        for feature in missing[:1]:
            self.permission_needed(feature)
        return not missing

    def report(self, exc: AppError) -> None:
        """Say why something failed; a missing permission also asks the window to offer it."""
        self.message(exc.sentence)
        if isinstance(exc, PermissionMissingError) and exc.feature:
            self.permission_needed(exc.feature)
