"""A composer's drafts, without Qt: what it holds is kept as it changes, offered back after a
crash or a quit, shelved on "Save draft", listed and taken up again, and synced with the
account when it allows."""

from __future__ import annotations

import logging

from ...errors import AppError
from ...sentences import QT_TR_NOOP, Sentence, Value
from .._drafts import Autosave, Draft, Drafts, Writing
from ._hooks import Hooks

log = logging.getLogger(__name__)

DRAFT_SAVED = Sentence(QT_TR_NOOP("Draft saved."))
NOTHING_TO_SAVE = Sentence(QT_TR_NOOP("There is nothing to save yet."))


class Composing:
    """One composer's drafts. Holds the autosave of what it holds (None when this profile
    keeps no drafts), whether it takes up the draft open when the app last ran (`resume`: the
    home composer does), and the hooks it reports through."""

    def __init__(self, drafts: Drafts | None, hooks: Hooks, *, resume: bool = False) -> None:
        self.drafts = drafts
        self.autosave = Autosave(drafts) if drafts is not None else None
        self.hooks = hooks
        self.resume = resume

    @property
    def keeps_drafts(self) -> bool:
        return self.autosave is not None

    def changed(self, writing: Writing) -> None:
        """Each change of the composer: only noted here (the write comes later, off the GUI
        thread)."""
        if self.autosave is not None:
            self.autosave.note(writing)

    async def start(self) -> Writing | None:
        """What the composer should hold at first: the draft being written when the app last
        ran (after a crash too), or None."""
        if self.autosave is None or not self.resume:
            return None
        try:
            return await self.autosave.open()
        except (AppError, OSError) as exc:
            log.warning("the last draft could not be read: %s", exc)
            return None

    async def shelve(self) -> bool:
        """"Save draft": the draft goes to the list (and to the account when it allows) and
        the composer starts afresh. False when nothing was kept (the composer stays as it
        is)."""
        if self.autosave is None:
            return False
        try:
            kept = await self.autosave.shelve()
        except (AppError, OSError) as exc:
            self.hooks.message(Sentence.of(QT_TR_NOOP("The draft could not be saved: {reason}"),
                                           reason=_reason(exc)))
            return False
        if kept is None:
            self.hooks.message(NOTHING_TO_SAVE)
            return False
        self.hooks.message(DRAFT_SAVED)
        await self._push(kept)
        return True

    async def _push(self, draft: Draft) -> None:
        if self.drafts is None or not self.hooks.permits("drafts"):
            return
        try:
            await self.drafts.push(draft)
        except AppError as exc:  # it is kept here; the next sync tries again
            log.info("draft not synced: %s", exc.detail)

    async def listing(self) -> list[Draft]:
        """The drafts to choose from, newest first: this device's, with the account's brought
        in first when it allows (when that fails, this device's)."""
        if self.drafts is None:
            return []
        if self.autosave is not None:
            await self.autosave.close()  # the one in the composer shows as it is now
        if self.hooks.permits("drafts"):
            try:
                return await self.drafts.sync()
            except AppError as exc:
                log.info("drafts not synced: %s", exc.detail)
        try:
            return await self.drafts.drafts()
        except (AppError, OSError) as exc:
            self.hooks.message(Sentence.of(QT_TR_NOOP("The drafts could not be read: {reason}"),
                                           reason=_reason(exc)))
            return []

    async def open(self, draft_id: str) -> Writing | None:
        """Take up a draft from the list (the one held now goes back to the list)."""
        if self.autosave is None:
            return None
        try:
            return await self.autosave.open(draft_id)
        except (AppError, OSError) as exc:
            self.hooks.message(Sentence.of(QT_TR_NOOP("That draft could not be opened: {reason}"),
                                           reason=_reason(exc)))
            return None

    async def delete(self, draft_id: str) -> bool:
        """Throw a draft away, here and on the account: whether it was the one in the
        composer (which then starts afresh)."""
        if self.drafts is None or self.autosave is None:
            return False
        held = self.autosave.draft is not None and self.autosave.draft.id == draft_id
        if held:
            await self.autosave.close()  # nothing pending may bring it back
            self.autosave.draft = None
        try:
            await self.drafts.discard(draft_id)
        except (AppError, OSError) as exc:
            self.hooks.message(Sentence.of(
                QT_TR_NOOP("That draft could not be deleted: {reason}"), reason=_reason(exc)))
            return False
        self.hooks.message(Sentence(QT_TR_NOOP("Draft deleted.")))
        return held

    async def posted(self) -> None:
        """The post went out (or waits in the outbox): its draft is done with."""
        if self.autosave is None:
            return
        try:
            await self.autosave.posted()
        except (AppError, OSError) as exc:
            log.warning("the sent post's draft was not removed: %s", exc)

    async def aclose(self, *, keep_open: bool = True) -> None:
        """Write what is pending. `keep_open`: offered back on the next launch."""
        if self.autosave is None:
            return
        try:
            await self.autosave.close(keep_open=keep_open)
        except (AppError, OSError) as exc:
            log.warning("draft not saved at close: %s", exc)


def _reason(exc: BaseException) -> Value:
    """Why, inside a sentence: the error's own sentence, the system's words for a file that
    failed, or that the disk refused."""
    if isinstance(exc, AppError):
        return exc.sentence
    strerror = getattr(exc, "strerror", None)
    return strerror if isinstance(strerror, str) and strerror \
        else Sentence(QT_TR_NOOP("the disk refused it."))
