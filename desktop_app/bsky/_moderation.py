"""What to do with a post or account given its labels, the viewer's relation and preferences.

The behaviour follows the official SDK's label definitions (`@atproto/api`
`definitions/labels.json`): `!hide` hides and can't be overridden, `!warn` blurs the whole post
behind a "Show", and the configurable labels blur (`warn`) or hide (`hide`) a post's media by
the viewer's preference, with the SDK's defaults; adult labels are hidden when adult content is
off. Self-applied `!hide`/`!warn` are ignored (the SDK's `no-self` flag).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ._models import Author, Label, PostView, Preferences

Blur = Literal["none", "content", "media"]
Context = Literal["list", "view"]  # a post among others, or the one post a thread opened on


@dataclass(frozen=True, slots=True)
class LabelDefinition:
    value: str
    default: str  # ignore | warn | hide
    adult: bool
    blurs: Blur
    name: str  # what the "Show" cover says


LABELS: dict[str, LabelDefinition] = {
    "porn": LabelDefinition("porn", "hide", True, "media", "Adult content"),
    "sexual": LabelDefinition("sexual", "warn", True, "media", "Sexually suggestive"),
    "nudity": LabelDefinition("nudity", "ignore", False, "media", "Non-sexual nudity"),
    "graphic-media": LabelDefinition("graphic-media", "warn", True, "media", "Graphic media"),
}
# Older preference names the official app still maps onto these values.
LEGACY_NAMES = {"graphic-media": "gore"}


@dataclass(frozen=True, slots=True)
class Decision:
    """Hide the item, or blur its content or media behind a cover saying `reason`."""

    hide: bool = False
    blur: Blur = "none"
    reason: str = ""
    can_show: bool = True

    @property
    def clean(self) -> bool:
        return not self.hide and self.blur == "none"


CLEAN = Decision()


def active_labels(labels: tuple[Label, ...]) -> list[Label]:
    """Labels still in force: a negation from the same source withdraws the value."""
    withdrawn = {(label.src, label.val) for label in labels if label.neg}
    return [label for label in labels
            if not label.neg and (label.src, label.val) not in withdrawn]


def label_preference(value: str, prefs: Preferences) -> str:
    """The viewer's visibility for a configurable label, falling back to the SDK default."""
    definition = LABELS[value]
    if definition.adult and not prefs.adult_content:
        return "hide"
    chosen = prefs.visibility(value) or prefs.visibility(LEGACY_NAMES.get(value, ""))
    return chosen or definition.default


def moderate_author(author: Author, prefs: Preferences, *, viewer: str = "",
                    context: Context = "list") -> Decision:
    """Mutes, blocks and account-wide `!hide`/`!warn` labels."""
    if author.did == viewer:
        return CLEAN
    if author.blocking or author.blocked_by:
        return Decision(hide=True, reason="Blocked account", can_show=False)
    for label in active_labels(author.labels):
        if label.src == author.did:
            continue  # no-self
        if label.val == "!hide":
            return Decision(hide=True, reason="Hidden by moderators", can_show=False)
        if label.val == "!warn":
            return Decision(blur="content", reason="Content warning on this account")
    if author.muted:
        # In a list a muted account's posts are left out; opened directly, they are covered.
        return Decision(hide=context == "list", blur="content", reason="You muted this account")
    return CLEAN


def moderate_post(post: PostView, prefs: Preferences, *, viewer: str = "",
                  context: Context = "list") -> Decision:
    """The decision for one post: the author's, then the post's own labels. The viewer's own
    posts are never hidden from them; a label still covers them, with a "Show"."""
    decision = _moderate_post(post, prefs, viewer=viewer, context=context)
    if post.author.did == viewer and not decision.clean:
        return Decision(blur=decision.blur if decision.blur != "none" else "content",
                        reason=decision.reason)
    return decision


def _moderate_post(post: PostView, prefs: Preferences, *, viewer: str,
                   context: Context) -> Decision:
    by_author = moderate_author(post.author, prefs, viewer=viewer, context=context)
    if by_author.hide or by_author.blur == "content":
        return by_author
    media: Decision | None = None
    for label in active_labels(post.labels):
        if label.val in {"!hide", "!warn"}:
            if label.src == post.author.did:
                continue  # no-self
            if label.val == "!hide":
                return Decision(hide=True, blur="content", reason="Hidden by moderators",
                                can_show=False)
            return Decision(blur="content", reason="Content warning")
        definition = LABELS.get(label.val)
        if definition is None:
            continue  # unknown labels (other labelers' values) are not acted on
        preference = label_preference(label.val, prefs)
        if preference == "hide":
            adult_off = definition.adult and not prefs.adult_content
            return Decision(hide=True, blur=definition.blurs, reason=definition.name,
                            can_show=not adult_off and context == "view")
        if preference == "warn" and media is None:
            media = Decision(blur=definition.blurs, reason=definition.name)
    return media or CLEAN
