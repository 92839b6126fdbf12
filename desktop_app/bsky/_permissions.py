"""What the app may do as an account: its features, the scopes each needs, in plain words.

Each feature is asked for with scopes of its own, so a partial grant maps onto whole features.
RPC scopes name the methods the app calls through the PDS with `aud=*`: the PDS proxies them
to whichever AppView it is configured with, whose DID the app cannot know in advance.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from ..atproto.oauth import (
    ATPROTO,
    TRANSITION_GENERIC,
    BlobPermission,
    RepoAction,
    RepoPermission,
    RpcPermission,
    Scopes,
    parse_permission,
)
from ..sentences import QT_TR_NOOP
from ._drafts import DRAFT_METHODS
from ._feeds import LIST, LISTBLOCK, LISTITEM
from ._models import BLOCK, FOLLOW, LIKE, POST, REPOST

FeatureKey = Literal["read", "notifications", "post", "images", "like", "repost", "follow",
                     "moderate", "drafts", "feeds", "lists", "bookmarks"]
Group = Literal["act", "read", "other"]
WRITE: tuple[RepoAction, ...] = ("create", "delete")

READ_METHODS = (
    "app.bsky.feed.getTimeline", "app.bsky.feed.getAuthorFeed", "app.bsky.feed.getPostThread",
    "app.bsky.feed.getPosts", "app.bsky.feed.getActorLikes", "app.bsky.feed.searchPosts",
    "app.bsky.actor.searchActors", "app.bsky.actor.searchActorsTypeahead",
    "app.bsky.actor.getProfile", "app.bsky.actor.getPreferences",
)
NOTIFICATION_METHODS = (
    "app.bsky.notification.listNotifications", "app.bsky.notification.getUnreadCount",
    "app.bsky.notification.updateSeen",
)
MUTE_METHODS = ("app.bsky.graph.muteActor", "app.bsky.graph.unmuteActor")
FEED_METHODS = (
    "app.bsky.feed.getFeed", "app.bsky.feed.getFeedGenerator", "app.bsky.feed.getFeedGenerators",
    "app.bsky.feed.getSuggestedFeeds", "app.bsky.feed.getActorFeeds",
    "app.bsky.unspecced.getPopularFeedGenerators", "app.bsky.actor.putPreferences",
    # The PDS serves getFeed by asking the feed's own generator, and checks this scope with
    # the generator's DID as the audience: `aud=*` because every feed has another.
    "app.bsky.feed.getFeedSkeleton",
)
LIST_METHODS = (
    "app.bsky.graph.getList", "app.bsky.graph.getLists", "app.bsky.feed.getListFeed",
    "app.bsky.graph.getListsWithMembership", "app.bsky.graph.muteActorList",
    "app.bsky.graph.unmuteActorList",
)
BOOKMARK_METHODS = ("app.bsky.bookmark.createBookmark", "app.bsky.bookmark.deleteBookmark",
                    "app.bsky.bookmark.getBookmarks")
IMAGE_TYPES = ("image/jpeg", "image/png", "image/gif", "image/webp")


@dataclass(frozen=True)
class Feature:
    """One thing the app does as the account, and what it must be allowed for that."""

    key: FeatureKey
    group: Group
    words: tuple[str, ...]  # in the sentence of what is allowed: "Post, like … as you; read …"
    denied: str  # "Posting wasn't allowed when you signed in." (a template for the catalogues)
    records: tuple[str, ...] = ()  # collections it creates and deletes
    updates: tuple[str, ...] = ()  # of those, the ones it also updates (a list renamed)
    methods: tuple[str, ...] = ()  # XRPC methods it calls through the PDS
    blobs: tuple[str, ...] = ()  # MIME types it uploads

    @property
    def scopes(self) -> tuple[str, ...]:
        """The scope tokens this feature is asked for with."""
        tokens = [f"repo:{collection}?" + "&".join(f"action={a}" for a in self._actions(collection))
                  for collection in self.records]
        if self.methods:
            tokens.append("rpc?" + "&".join(f"lxm={m}" for m in self.methods) + "&aud=*")
        if self.blobs:
            tokens.append("blob:image/*")
        return tuple(tokens)

    def _actions(self, collection: str) -> tuple[RepoAction, ...]:
        return ("create", "update", "delete") if collection in self.updates else WRITE

    def allowed_by(self, scopes: Scopes) -> bool:
        return (all(scopes.allows_repo(c, a) for c in self.records for a in self._actions(c))
                and all(scopes.allows_rpc(m) for m in self.methods)
                and all(scopes.allows_blob(b) for b in self.blobs))

    def sentence(self) -> str:
        """Why the app can't do this: a whole sentence, so that the window can translate it."""
        return self.denied


FEATURES: tuple[Feature, ...] = (
    Feature("post", "act", ("post",), QT_TR_NOOP("Posting wasn't allowed when you signed in."),
            records=(POST,)),
    Feature("like", "act", ("like",), QT_TR_NOOP("Liking wasn't allowed when you signed in."),
            records=(LIKE,)),
    Feature("repost", "act", ("repost",),
            QT_TR_NOOP("Reposting wasn't allowed when you signed in."), records=(REPOST,)),
    Feature("follow", "act", ("follow",),
            QT_TR_NOOP("Following wasn't allowed when you signed in."), records=(FOLLOW,)),
    Feature("moderate", "act", ("mute", "block"),
            QT_TR_NOOP("Muting and blocking wasn't allowed when you signed in."),
            records=(BLOCK,), methods=MUTE_METHODS),
    Feature("read", "read", ("your timeline",),
            QT_TR_NOOP("Reading your timeline wasn't allowed when you signed in."),
            methods=READ_METHODS),
    Feature("notifications", "read", ("notifications",),
            QT_TR_NOOP("Reading your notifications wasn't allowed when you signed in."),
            methods=NOTIFICATION_METHODS),
    Feature("images", "other", ("upload images",),
            QT_TR_NOOP("Uploading images wasn't allowed when you signed in."),
            blobs=IMAGE_TYPES),
    # Drafts are kept on this device in any case; this lets them follow the account.
    Feature("drafts", "other", ("keep your drafts on your account",),
            QT_TR_NOOP("Keeping drafts on your account wasn't allowed when you signed in."),
            methods=DRAFT_METHODS),
    # Later features, separate so that a session granted before them keeps the ones it has.
    Feature("feeds", "other", ("pin and save custom feeds",),
            QT_TR_NOOP("Using custom feeds wasn't allowed when you signed in."),
            methods=FEED_METHODS),
    Feature("lists", "other", ("make lists and subscribe to moderation lists",),
            QT_TR_NOOP("Using lists wasn't allowed when you signed in."),
            records=(LIST, LISTITEM, LISTBLOCK), updates=(LIST,), methods=LIST_METHODS),
    Feature("bookmarks", "other", ("bookmark posts",),
            QT_TR_NOOP("Bookmarking wasn't allowed when you signed in."),
            methods=BOOKMARK_METHODS),
)
BY_KEY: dict[str, Feature] = {f.key: f for f in FEATURES}
# Asked for on servers that take permission scopes; the transition scope where they don't.
APP_SCOPE = " ".join((ATPROTO, *(s for f in FEATURES for s in f.scopes)))
TRANSITION_SCOPE = f"{ATPROTO} {TRANSITION_GENERIC}"
# Registered in the client metadata: everything the app may ask for.
CLIENT_SCOPE = f"{APP_SCOPE} {TRANSITION_GENERIC}"


@dataclass(frozen=True)
class Permissions:
    """The features a granted scope string allows, how it was granted, and which of its
    scopes allow more than the app uses (`beyond`: a server granting `repo:*`, chat, …)."""

    scope: str
    allowed: tuple[FeatureKey, ...]
    missing: tuple[FeatureKey, ...]
    mode: Literal["granular", "transition"]
    beyond: tuple[str, ...] = ()

    @classmethod
    def of(cls, scope: str) -> Permissions:
        scopes = Scopes(scope)
        allowed = tuple(f.key for f in FEATURES if f.allowed_by(scopes))
        missing = tuple(f.key for f in FEATURES if f.key not in allowed)
        transition = scopes.transition_generic
        # A transition session is full access by nature; beyond that is more still.
        beyond = scopes.beyond(Scopes(CLIENT_SCOPE if transition else APP_SCOPE))
        return cls(scope, allowed, missing, "transition" if transition else "granular", beyond)

    def allows(self, key: str) -> bool:
        return key in self.allowed

    def text(self) -> str:
        """The allowed features in plain words, or what it means when there are none."""
        if not self.allowed:
            return "Nothing beyond knowing who you are"
        return describe(self.allowed)

    def mode_text(self) -> str:
        if self.mode == "transition":
            if self.beyond:
                return "Full access, and more than this app uses was granted"
            return "Full access: this server does not offer limited permissions"
        if self.beyond:
            return "More than this app uses was granted"
        return "Only what this app uses"

    def as_json(self) -> dict[str, object]:
        return {"allowed": list(self.allowed), "missing": list(self.missing),
                "text": self.text(), "mode": self.mode, "beyond": list(self.beyond),
                "mode_text": self.mode_text()}


def describe(keys: Iterable[str]) -> str:
    """"Post, like and repost as you; read your timeline and notifications; upload images"."""
    chosen = [BY_KEY[k] for k in keys if k in BY_KEY]
    parts = []
    acts = [w for f in chosen if f.group == "act" for w in f.words]
    if acts:
        parts.append(f"{_series(acts)} as you")
    reads = [w for f in chosen if f.group == "read" for w in f.words]
    if reads:
        parts.append(f"read {_series(reads)}")
    parts.extend(w for f in chosen if f.group == "other" for w in f.words)
    text = "; ".join(parts)
    return text[:1].upper() + text[1:]


def _series(words: list[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


def scope_with(granted: str, keys: Iterable[str]) -> str:
    """`granted` plus the scopes of the features `keys`: what an incremental request asks."""
    extra = [s for k in keys if k in BY_KEY for s in BY_KEY[k].scopes]
    scopes = Scopes(granted)
    if ATPROTO not in scopes:
        extra.insert(0, ATPROTO)
    return str(scopes.union(extra))


def feature_needing(scope: str) -> Feature | None:
    """The feature whose work needed `scope` (named by a server's 403), if it is one of ours."""
    needed = parse_permission(scope)
    for feature in FEATURES:
        own = Scopes(" ".join(feature.scopes))
        if isinstance(needed, RepoPermission) and all(
                own.allows_repo(c, a) for c in needed.collections for a in needed.actions):
            return feature
        if isinstance(needed, RpcPermission) and all(own.allows_rpc(m) for m in needed.methods):
            return feature
        if isinstance(needed, BlobPermission) and all(own.allows_blob(m) for m in needed.accept):
            return feature
    return None
