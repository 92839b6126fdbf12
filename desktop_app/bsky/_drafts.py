"""`app.bsky.draft`: the account's drafts, kept by the AppView in private storage (not in the
repository), shared by every client of the account."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..atproto import Fields
from ._models import StrongRef, parse_strong_ref

DRAFT_METHODS = ("app.bsky.draft.createDraft", "app.bsky.draft.updateDraft",
                 "app.bsky.draft.deleteDraft", "app.bsky.draft.getDrafts")
MAX_DEVICE_NAME = 100


@dataclass(frozen=True, slots=True)
class RemoteDraft:
    """One post of a draft as the account keeps it: text, languages, images (a path on the
    device that has them, and alt text) and a quoted post. Threads of several posts are not
    written by this app; of a draft that has them, the first post is read."""

    text: str = ""
    langs: tuple[str, ...] = ()
    images: tuple[tuple[str, str], ...] = ()  # (local path, alt)
    quote: StrongRef | None = None
    device_name: str = ""

    def record(self) -> dict[str, Any]:
        post: dict[str, Any] = {"text": self.text}
        if self.images:
            post["embedImages"] = [{"localRef": {"path": path}, "alt": alt}
                                   for path, alt in self.images[:4]]
        if self.quote is not None:
            post["embedRecords"] = [{"record": self.quote.record()}]
        draft: dict[str, Any] = {"posts": [post]}
        if self.langs:
            draft["langs"] = list(self.langs[:3])
        if self.device_name:
            draft["deviceName"] = self.device_name[:MAX_DEVICE_NAME]
        return draft


@dataclass(frozen=True, slots=True)
class DraftView:
    """A draft on the account: its id there, what it says, when it was made and changed."""

    id: str
    draft: RemoteDraft
    created_at: str
    updated_at: str


def parse_draft_view(value: Any, path: str) -> DraftView:
    data = Fields(value, path)
    draft = data.obj("draft")
    posts = draft.array("posts")
    first = Fields(posts[0], f"{draft.path}.posts[0]") if posts else None
    images: tuple[tuple[str, str], ...] = ()
    quote = None
    if first is not None:
        images = tuple(
            (Fields(i, "image").obj("localRef").string("path"),
             Fields(i, "image").lenient_string("alt") or "")
            for i in first.array("embedImages") if isinstance(i, dict))
        records = [r for r in first.array("embedRecords") if isinstance(r, dict)]
        if records:
            quote = parse_strong_ref(Fields(records[0], "embedRecords[0]").get("record"),
                                     "embedRecords[0].record")
    remote = RemoteDraft(text=(first.lenient_string("text") or "") if first else "",
                         langs=draft.strings("langs"), images=images, quote=quote,
                         device_name=draft.lenient_string("deviceName") or "")
    return DraftView(data.string("id"), remote, data.string("createdAt"),
                     data.string("updatedAt"))
