"""Typed views of the app.bsky lexicon objects the app shows, parsed strictly from XRPC JSON."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..atproto import Fields, ResponseFormatError
from ._richtext import Facet, FacetKind

POST = "app.bsky.feed.post"
LIKE = "app.bsky.feed.like"
REPOST = "app.bsky.feed.repost"
FOLLOW = "app.bsky.graph.follow"
BLOCK = "app.bsky.graph.block"


@dataclass(frozen=True, slots=True)
class Label:
    """A moderation label on an account or record (`com.atproto.label.defs#label`)."""

    src: str  # who applied it (a labeler's DID, or the author's for a self-label)
    val: str
    neg: bool = False  # a negation: withdraws an earlier label with the same value


@dataclass(frozen=True, slots=True)
class StrongRef:
    uri: str
    cid: str

    def record(self) -> dict[str, str]:
        return {"uri": self.uri, "cid": self.cid}

    @classmethod
    def of(cls, value: object) -> StrongRef | None:
        """A strong ref kept in the profile (a draft, the outbox), or None if it isn't one."""
        if isinstance(value, dict) and isinstance(value.get("uri"), str) \
                and isinstance(value.get("cid"), str):
            return cls(value["uri"], value["cid"])
        return None


@dataclass(frozen=True, slots=True)
class Author:
    """An account as posts and lists show it, with how the viewer relates to it."""

    did: str
    handle: str
    display_name: str = ""
    avatar: str | None = None
    labels: tuple[Label, ...] = ()
    muted: bool = False
    blocking: str | None = None  # the viewer's block record URI
    blocked_by: bool = False
    following: str | None = None  # the viewer's follow record URI
    followed_by: str | None = None  # their follow of the viewer
    description: str = ""  # the bio, where the view carries it (profile and search views)

    @property
    def name(self) -> str:
        return self.display_name or self.handle


@dataclass(frozen=True, slots=True)
class ImageView:
    thumb: str
    fullsize: str
    alt: str
    aspect_ratio: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class ExternalView:
    uri: str
    title: str
    description: str
    thumb: str | None = None


@dataclass(frozen=True, slots=True)
class QuotedPost:
    """An embedded record; `unavailable` says why when it can't be shown (deleted, blocked)."""

    uri: str
    author: Author | None = None
    text: str = ""
    created_at: str = ""
    images: tuple[ImageView, ...] = ()
    unavailable: str = ""


@dataclass(frozen=True, slots=True)
class PostView:
    uri: str
    cid: str
    author: Author
    text: str
    created_at: str
    indexed_at: str
    facets: tuple[Facet, ...] = ()
    langs: tuple[str, ...] = ()
    reply_count: int = 0
    repost_count: int = 0
    like_count: int = 0
    quote_count: int = 0
    viewer_like: str | None = None  # the viewer's like record URI
    viewer_repost: str | None = None
    bookmarked: bool = False  # the viewer bookmarked it (private: only they see it)
    bookmark_count: int = 0
    images: tuple[ImageView, ...] = ()
    external: ExternalView | None = None
    quote: QuotedPost | None = None
    # From the record: the thread this post replies into, so a reply to it keeps the root.
    reply_root: StrongRef | None = None
    reply_parent: StrongRef | None = None
    labels: tuple[Label, ...] = ()

    @property
    def ref(self) -> StrongRef:
        return StrongRef(self.uri, self.cid)


@dataclass(frozen=True, slots=True)
class FeedItem:
    post: PostView
    reposted_by: Author | None = None
    reply_parent_author: Author | None = None

    @property
    def key(self) -> str:
        """Identity in a feed: the same post reposted by someone else is another item."""
        return f"{self.post.uri} {self.reposted_by.did}" if self.reposted_by else self.post.uri


@dataclass(frozen=True, slots=True)
class FeedPage:
    items: tuple[FeedItem, ...]
    cursor: str | None


@dataclass(frozen=True, slots=True)
class Profile:
    """A profile page's account: the author view plus banner, bio and counts."""

    author: Author
    description: str = ""
    banner: str | None = None
    followers_count: int = 0
    follows_count: int = 0
    posts_count: int = 0

    @property
    def did(self) -> str:
        return self.author.did

    @property
    def handle(self) -> str:
        return self.author.handle

    @property
    def viewer_following(self) -> str | None:
        return self.author.following


@dataclass(frozen=True, slots=True)
class ActorPage:
    actors: tuple[Author, ...]
    cursor: str | None

    @property
    def items(self) -> tuple[Author, ...]:
        return self.actors


@dataclass(frozen=True, slots=True)
class Notification:
    """One notification; `post` is the reply, mention or quote itself when there is one."""

    uri: str
    cid: str
    author: Author
    reason: str  # like, repost, follow, mention, reply, quote, …
    reason_subject: str | None  # the viewer's post a like/repost/reply/quote is about
    is_read: bool
    indexed_at: str
    text: str = ""
    labels: tuple[Label, ...] = ()
    post: PostView | None = None


@dataclass(frozen=True, slots=True)
class NotificationPage:
    items: tuple[Notification, ...]
    cursor: str | None
    seen_at: str | None = None


@dataclass(frozen=True, slots=True)
class Preferences:
    """What `app.bsky.actor.getPreferences` says about moderation: adult content, and the
    visibility chosen per label value (global, not per labeler)."""

    adult_content: bool = False
    labels: tuple[tuple[str, str], ...] = ()  # (label value, ignore|show|warn|hide)
    labelers: tuple[str, ...] = ()  # DIDs of labelers the account subscribes to

    def visibility(self, label: str) -> str | None:
        return next((v for name, v in self.labels if name == label), None)


@dataclass(frozen=True, slots=True)
class ThreadNode:
    """A post in a thread, or a placeholder (`unavailable`) for a deleted or blocked one."""

    uri: str
    post: PostView | None = None
    parent: ThreadNode | None = None
    replies: tuple[ThreadNode, ...] = field(default=())
    unavailable: str = ""

    @property
    def more_replies(self) -> bool:
        """Replies exist that this response did not include (below its depth)."""
        return self.post is not None and self.post.reply_count > 0 and not self.replies


@dataclass(frozen=True, slots=True)
class BlobRef:
    cid: str
    mime_type: str
    size: int

    def record(self) -> dict[str, Any]:
        return {"$type": "blob", "ref": {"$link": self.cid}, "mimeType": self.mime_type,
                "size": self.size}


# --- parsing ---------------------------------------------------------------------------------
# Unknown fields are ignored (lexicons evolve by adding them); a missing or mistyped required
# field raises ResponseFormatError naming the path, so a broken server is a clear error.


def parse_labels(value: Any) -> tuple[Label, ...]:
    """Labels of a view; malformed entries are dropped (a broken labeler hides nothing)."""
    if not isinstance(value, list):
        return ()
    out = []
    for item in value:
        if isinstance(item, Mapping) and isinstance(item.get("src"), str) \
                and isinstance(item.get("val"), str):
            out.append(Label(item["src"], item["val"], item.get("neg") is True))
    return tuple(out)


def parse_author(value: Any, path: str) -> Author:
    data = Fields(value, path)
    viewer = data.opt_obj("viewer")
    return Author(
        did=data.string("did"),
        handle=data.string("handle"),
        display_name=data.lenient_string("displayName") or "",
        avatar=data.lenient_string("avatar"),
        labels=parse_labels(data.get("labels")),
        muted=viewer is not None and viewer.get("muted") is True,
        blocking=viewer.lenient_string("blocking") if viewer else None,
        blocked_by=viewer is not None and viewer.get("blockedBy") is True,
        following=viewer.lenient_string("following") if viewer else None,
        followed_by=viewer.lenient_string("followedBy") if viewer else None,
        description=data.lenient_string("description") or "",
    )


def parse_strong_ref(value: Any, path: str) -> StrongRef:
    data = Fields(value, path)
    return StrongRef(data.string("uri"), data.string("cid"))


def parse_facets(value: Any) -> tuple[Facet, ...]:
    """Facets of a record; malformed ones are dropped (they only decorate the text)."""
    if not isinstance(value, list):
        return ()
    out = []
    for item in value:
        if not isinstance(item, Mapping):
            continue
        index, features = item.get("index"), item.get("features")
        if not isinstance(index, Mapping) or not isinstance(features, list) or not features:
            continue
        start, end = index.get("byteStart"), index.get("byteEnd")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end):
            continue
        feature = features[0]
        if not isinstance(feature, Mapping):
            continue
        kind = _FACET_KINDS.get(feature.get("$type"))
        if kind is not None and isinstance(feature.get(kind[1]), str):
            out.append(Facet(start, end, kind[0], feature[kind[1]]))
    return tuple(out)


_FACET_KINDS: dict[Any, tuple[FacetKind, str]] = {
    "app.bsky.richtext.facet#link": ("link", "uri"),
    "app.bsky.richtext.facet#mention": ("mention", "did"),
    "app.bsky.richtext.facet#tag": ("tag", "tag"),
}


def _aspect(image: Fields) -> tuple[int, int] | None:
    ratio = image.opt_obj("aspectRatio")
    if ratio is None:
        return None
    w, h = ratio.count("width"), ratio.count("height")
    return (w, h) if w > 0 and h > 0 else None


def _images(embed: Fields) -> tuple[ImageView, ...]:
    out = []
    for i in range(len(embed.array("images", required=True))):
        image = embed.item("images", i)
        out.append(ImageView(
            thumb=image.string("thumb"),
            fullsize=image.string("fullsize"),
            alt=image.lenient_string("alt") or "",
            aspect_ratio=_aspect(image),
        ))
    return tuple(out)


def _external(embed: Fields) -> ExternalView:
    ext = embed.obj("external")
    return ExternalView(
        uri=ext.string("uri"),
        title=ext.lenient_string("title") or "",
        description=ext.lenient_string("description") or "",
        thumb=ext.lenient_string("thumb"),
    )


_UNAVAILABLE = {
    "app.bsky.embed.record#viewNotFound": "Deleted post",
    "app.bsky.embed.record#viewBlocked": "Blocked post",
    "app.bsky.embed.record#viewDetached": "Removed by its author",
}


def _quoted(record: Fields) -> QuotedPost | None:
    kind = record.get("$type")
    uri = record.string("uri")
    if kind in _UNAVAILABLE:
        return QuotedPost(uri=uri, unavailable=_UNAVAILABLE[kind])
    if kind != "app.bsky.embed.record#viewRecord":
        return None  # feeds, lists, starter packs: not shown as quotes
    post = record.obj("value")
    images: tuple[ImageView, ...] = ()
    for i in range(len(record.array("embeds"))):
        embed = record.item("embeds", i)
        if embed.get("$type") == "app.bsky.embed.images#view":
            images = _images(embed)
    return QuotedPost(
        uri=uri,
        author=parse_author(record.get("author"), f"{record.path}.author"),
        text=post.lenient_string("text") or "",
        created_at=post.lenient_string("createdAt") or "",
        images=images,
    )


def _embed(embed: Fields | None) -> tuple[tuple[ImageView, ...], ExternalView | None,
                                           QuotedPost | None]:
    if embed is None:
        return (), None, None
    kind = embed.get("$type")
    if kind == "app.bsky.embed.images#view":
        return _images(embed), None, None
    if kind == "app.bsky.embed.external#view":
        return (), _external(embed), None
    if kind == "app.bsky.embed.record#view":
        return (), None, _quoted(embed.obj("record"))
    if kind == "app.bsky.embed.recordWithMedia#view":
        images, external, _ = _embed(embed.obj("media"))
        return images, external, _quoted(embed.obj("record").obj("record"))
    return (), None, None  # video and future embeds: the text still shows


def parse_post(value: Any, path: str = "post") -> PostView:
    data = Fields(value, path)
    record = data.obj("record")
    viewer = data.opt_obj("viewer")
    images, external, quote = _embed(data.obj("embed") if data.has("embed") else None)
    reply_root = reply_parent = None
    reply = record.opt_obj("reply")
    if reply is not None:
        reply_root = parse_strong_ref(reply.get("root"), f"{reply.path}.root")
        reply_parent = parse_strong_ref(reply.get("parent"), f"{reply.path}.parent")
    return PostView(
        uri=data.string("uri"),
        cid=data.string("cid"),
        author=parse_author(data.get("author"), f"{path}.author"),
        text=record.lenient_string("text") or "",
        created_at=record.lenient_string("createdAt") or data.string("indexedAt"),
        indexed_at=data.string("indexedAt"),
        facets=parse_facets(record.get("facets")),
        langs=record.strings("langs"),
        reply_count=data.count("replyCount"),
        repost_count=data.count("repostCount"),
        like_count=data.count("likeCount"),
        quote_count=data.count("quoteCount"),
        viewer_like=viewer.lenient_string("like") if viewer else None,
        viewer_repost=viewer.lenient_string("repost") if viewer else None,
        bookmarked=viewer is not None and viewer.get("bookmarked") is True,
        bookmark_count=data.count("bookmarkCount"),
        images=images,
        external=external,
        quote=quote,
        reply_root=reply_root,
        reply_parent=reply_parent,
        labels=parse_labels(data.get("labels")),
    )


def parse_feed_item(value: Any, path: str) -> FeedItem:
    data = Fields(value, path)
    reposted_by = None
    reason = data.opt_obj("reason")
    if reason is not None and reason.get("$type") == "app.bsky.feed.defs#reasonRepost":
        reposted_by = parse_author(reason.get("by"), f"{reason.path}.by")
    parent_author = None
    reply = data.opt_obj("reply")
    parent = reply.opt_obj("parent") if reply is not None else None
    if parent is not None and parent.opt_obj("author") is not None:
        parent_author = parse_author(parent.get("author"), f"{parent.path}.author")
    return FeedItem(parse_post(data.get("post"), f"{path}.post"), reposted_by, parent_author)


def parse_feed(value: Any) -> FeedPage:
    data = Fields(value, "response")
    items = tuple(parse_feed_item(item, f"feed[{i}]")
                  for i, item in enumerate(data.array("feed", required=True)))
    return FeedPage(items, data.lenient_string("cursor") or None)


def parse_profile(value: Any) -> Profile:
    data = Fields(value, "profile")
    return Profile(
        author=parse_author(value, "profile"),
        description=data.lenient_string("description") or "",
        banner=data.lenient_string("banner"),
        followers_count=data.count("followersCount"),
        follows_count=data.count("followsCount"),
        posts_count=data.count("postsCount"),
    )


def parse_actors(value: Any, key: str = "actors") -> ActorPage:
    data = Fields(value, "response")
    actors = tuple(parse_author(a, f"{key}[{i}]")
                   for i, a in enumerate(data.array(key, required=True)))
    return ActorPage(actors, data.lenient_string("cursor") or None)


def parse_notifications(value: Any) -> NotificationPage:
    data = Fields(value, "response")
    items = []
    for i in range(len(data.array("notifications", required=True))):
        item = data.item("notifications", i)
        record = item.opt_obj("record")
        items.append(Notification(
            uri=item.string("uri"),
            cid=item.string("cid"),
            author=parse_author(item.get("author"), f"{item.path}.author"),
            reason=item.string("reason"),
            reason_subject=item.lenient_string("reasonSubject"),
            is_read=item.get("isRead") is True,
            indexed_at=item.string("indexedAt"),
            text=(record.lenient_string("text") or "") if record else "",
            labels=parse_labels(item.get("labels")),
        ))
    return NotificationPage(tuple(items), data.lenient_string("cursor") or None,
                            data.lenient_string("seenAt"))


def parse_preferences(value: Any) -> Preferences:
    """The moderation-relevant preferences; unknown preference types are ignored."""
    adult, labels, labelers = False, [], []
    for pref in Fields(value, "response").array("preferences", required=True):
        if not isinstance(pref, Mapping):
            continue
        kind = pref.get("$type")
        if kind == "app.bsky.actor.defs#adultContentPref":
            adult = pref.get("enabled") is True
        elif kind == "app.bsky.actor.defs#contentLabelPref" and pref.get("labelerDid") is None:
            label, visibility = pref.get("label"), pref.get("visibility")
            if isinstance(label, str) and visibility in {"ignore", "show", "warn", "hide"}:
                labels.append((label, str(visibility)))
        elif kind == "app.bsky.actor.defs#labelersPref":
            for item in pref.get("labelers") or []:
                if isinstance(item, Mapping) and isinstance(item.get("did"), str):
                    labelers.append(item["did"])
    return Preferences(adult, tuple(labels), tuple(labelers))


_THREAD_UNAVAILABLE = {
    "app.bsky.feed.defs#notFoundPost": "Deleted post",
    "app.bsky.feed.defs#blockedPost": "Blocked post",
}


def parse_thread(value: Any, path: str = "thread", depth: int = 0) -> ThreadNode:
    data = Fields(value, path)
    kind = data.get("$type")
    if kind in _THREAD_UNAVAILABLE:
        return ThreadNode(uri=data.string("uri"), unavailable=_THREAD_UNAVAILABLE[kind])
    if depth > 1000:
        raise ResponseFormatError(f"{path} nests too deeply")
    post = parse_post(data.get("post"), f"{path}.post")
    parent = None
    if data.has("parent"):
        parent = parse_thread(data.get("parent"), f"{path}.parent", depth + 1)
    replies = tuple(parse_thread(r, f"{path}.replies[{i}]", depth + 1)
                    for i, r in enumerate(data.array("replies")))
    return ThreadNode(uri=post.uri, post=post, parent=parent, replies=replies)


def parse_blob(value: Any) -> BlobRef:
    data = Fields(value, "response").obj("blob")
    ref = data.obj("ref")
    return BlobRef(ref.string("$link"), data.string("mimeType"), data.integer("size", minimum=0))
