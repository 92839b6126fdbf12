"""Typed views of the app.bsky lexicon objects the app shows, parsed strictly from XRPC JSON."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .errors import ResponseFormatError
from .richtext import Facet

POST = "app.bsky.feed.post"
LIKE = "app.bsky.feed.like"
REPOST = "app.bsky.feed.repost"
FOLLOW = "app.bsky.graph.follow"


@dataclass(frozen=True, slots=True)
class StrongRef:
    uri: str
    cid: str

    def record(self) -> dict[str, str]:
        return {"uri": self.uri, "cid": self.cid}


@dataclass(frozen=True, slots=True)
class Author:
    did: str
    handle: str
    display_name: str = ""
    avatar: str | None = None

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
    images: tuple[ImageView, ...] = ()
    external: ExternalView | None = None
    quote: QuotedPost | None = None
    # From the record: the thread this post replies into, so a reply to it keeps the root.
    reply_root: StrongRef | None = None
    reply_parent: StrongRef | None = None

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
    did: str
    handle: str
    display_name: str = ""
    description: str = ""
    avatar: str | None = None
    followers_count: int = 0
    follows_count: int = 0
    posts_count: int = 0
    viewer_following: str | None = None


@dataclass(frozen=True, slots=True)
class ThreadNode:
    """A post in a thread, or a placeholder (`unavailable`) for a deleted or blocked one."""

    uri: str
    post: PostView | None = None
    parent: ThreadNode | None = None
    replies: tuple[ThreadNode, ...] = field(default=())
    unavailable: str = ""


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


def _obj(value: Any, path: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise ResponseFormatError(f"{path} is not an object")
    return value


def _str(data: Mapping[str, Any], key: str, path: str) -> str:
    value = data.get(key)
    if not isinstance(value, str):
        raise ResponseFormatError(f"{path}.{key} is missing or not a string")
    return value


def _opt_str(data: Mapping[str, Any], key: str) -> str | None:
    value = data.get(key)
    return value if isinstance(value, str) else None


def _count(data: Mapping[str, Any], key: str) -> int:
    value = data.get(key)
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else 0


def _list(data: Mapping[str, Any], key: str, path: str, *, required: bool = False) -> Sequence[Any]:
    value = data.get(key)
    if value is None and not required:
        return ()
    if not isinstance(value, list):
        raise ResponseFormatError(f"{path}.{key} is missing or not a list")
    return value


def _viewer(data: Mapping[str, Any]) -> Mapping[str, Any]:
    viewer = data.get("viewer")
    return viewer if isinstance(viewer, Mapping) else {}


def parse_author(value: Any, path: str) -> Author:
    data = _obj(value, path)
    return Author(
        did=_str(data, "did", path),
        handle=_str(data, "handle", path),
        display_name=_opt_str(data, "displayName") or "",
        avatar=_opt_str(data, "avatar"),
    )


def parse_strong_ref(value: Any, path: str) -> StrongRef:
    data = _obj(value, path)
    return StrongRef(_str(data, "uri", path), _str(data, "cid", path))


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
        kind = feature.get("$type")
        if kind == "app.bsky.richtext.facet#link" and isinstance(feature.get("uri"), str):
            out.append(Facet(start, end, "link", feature["uri"]))
        elif kind == "app.bsky.richtext.facet#mention" and isinstance(feature.get("did"), str):
            out.append(Facet(start, end, "mention", feature["did"]))
        elif kind == "app.bsky.richtext.facet#tag" and isinstance(feature.get("tag"), str):
            out.append(Facet(start, end, "tag", feature["tag"]))
    return tuple(out)


def _images(value: Mapping[str, Any], path: str) -> tuple[ImageView, ...]:
    out = []
    for i, item in enumerate(_list(value, "images", path, required=True)):
        image = _obj(item, f"{path}.images[{i}]")
        ratio = image.get("aspectRatio")
        aspect = None
        if isinstance(ratio, Mapping):
            w, h = ratio.get("width"), ratio.get("height")
            if isinstance(w, int) and isinstance(h, int) and w > 0 and h > 0:
                aspect = (w, h)
        out.append(ImageView(
            thumb=_str(image, "thumb", f"{path}.images[{i}]"),
            fullsize=_str(image, "fullsize", f"{path}.images[{i}]"),
            alt=_opt_str(image, "alt") or "",
            aspect_ratio=aspect,
        ))
    return tuple(out)


def _external(value: Mapping[str, Any], path: str) -> ExternalView:
    ext = _obj(value.get("external"), f"{path}.external")
    return ExternalView(
        uri=_str(ext, "uri", f"{path}.external"),
        title=_opt_str(ext, "title") or "",
        description=_opt_str(ext, "description") or "",
        thumb=_opt_str(ext, "thumb"),
    )


_UNAVAILABLE = {
    "app.bsky.embed.record#viewNotFound": "Deleted post",
    "app.bsky.embed.record#viewBlocked": "Blocked post",
    "app.bsky.embed.record#viewDetached": "Removed by its author",
}


def _quoted(value: Any, path: str) -> QuotedPost | None:
    record = _obj(value, path)
    kind = record.get("$type")
    uri = _str(record, "uri", path)
    if kind in _UNAVAILABLE:
        return QuotedPost(uri=uri, unavailable=_UNAVAILABLE[kind])
    if kind != "app.bsky.embed.record#viewRecord":
        return None  # feeds, lists, starter packs: not shown as quotes
    post = _obj(record.get("value"), f"{path}.value")
    images: tuple[ImageView, ...] = ()
    for i, embed in enumerate(_list(record, "embeds", path)):
        embed_obj = _obj(embed, f"{path}.embeds[{i}]")
        if embed_obj.get("$type") == "app.bsky.embed.images#view":
            images = _images(embed_obj, f"{path}.embeds[{i}]")
    return QuotedPost(
        uri=uri,
        author=parse_author(record.get("author"), f"{path}.author"),
        text=_opt_str(post, "text") or "",
        created_at=_opt_str(post, "createdAt") or "",
        images=images,
    )


def _embed(value: Any, path: str) -> tuple[tuple[ImageView, ...], ExternalView | None,
                                           QuotedPost | None]:
    if value is None:
        return (), None, None
    embed = _obj(value, path)
    kind = embed.get("$type")
    if kind == "app.bsky.embed.images#view":
        return _images(embed, path), None, None
    if kind == "app.bsky.embed.external#view":
        return (), _external(embed, path), None
    if kind == "app.bsky.embed.record#view":
        return (), None, _quoted(embed.get("record"), f"{path}.record")
    if kind == "app.bsky.embed.recordWithMedia#view":
        images, external, _ = _embed(embed.get("media"), f"{path}.media")
        inner = _obj(embed.get("record"), f"{path}.record")
        return images, external, _quoted(inner.get("record"), f"{path}.record.record")
    return (), None, None  # video and future embeds: the text still shows


def parse_post(value: Any, path: str = "post") -> PostView:
    data = _obj(value, path)
    record = _obj(data.get("record"), f"{path}.record")
    viewer = _viewer(data)
    images, external, quote = _embed(data.get("embed"), f"{path}.embed")
    reply_root = reply_parent = None
    reply = record.get("reply")
    if isinstance(reply, Mapping):
        reply_root = parse_strong_ref(reply.get("root"), f"{path}.record.reply.root")
        reply_parent = parse_strong_ref(reply.get("parent"), f"{path}.record.reply.parent")
    langs = record.get("langs")
    return PostView(
        uri=_str(data, "uri", path),
        cid=_str(data, "cid", path),
        author=parse_author(data.get("author"), f"{path}.author"),
        text=_opt_str(record, "text") or "",
        created_at=_opt_str(record, "createdAt") or _str(data, "indexedAt", path),
        indexed_at=_str(data, "indexedAt", path),
        facets=parse_facets(record.get("facets")),
        langs=tuple(x for x in langs if isinstance(x, str)) if isinstance(langs, list) else (),
        reply_count=_count(data, "replyCount"),
        repost_count=_count(data, "repostCount"),
        like_count=_count(data, "likeCount"),
        quote_count=_count(data, "quoteCount"),
        viewer_like=_opt_str(viewer, "like"),
        viewer_repost=_opt_str(viewer, "repost"),
        images=images,
        external=external,
        quote=quote,
        reply_root=reply_root,
        reply_parent=reply_parent,
    )


def parse_feed_item(value: Any, path: str) -> FeedItem:
    data = _obj(value, path)
    reposted_by = None
    reason = data.get("reason")
    if isinstance(reason, Mapping) and reason.get("$type") == "app.bsky.feed.defs#reasonRepost":
        reposted_by = parse_author(reason.get("by"), f"{path}.reason.by")
    parent_author = None
    reply = data.get("reply")
    if isinstance(reply, Mapping):
        parent = reply.get("parent")
        if isinstance(parent, Mapping) and isinstance(parent.get("author"), Mapping):
            parent_author = parse_author(parent["author"], f"{path}.reply.parent.author")
    return FeedItem(parse_post(data.get("post"), f"{path}.post"), reposted_by, parent_author)


def parse_feed(value: Any) -> FeedPage:
    data = _obj(value, "response")
    items = tuple(parse_feed_item(item, f"feed[{i}]")
                  for i, item in enumerate(_list(data, "feed", "response", required=True)))
    cursor = _opt_str(data, "cursor")
    return FeedPage(items, cursor or None)


def parse_profile(value: Any) -> Profile:
    data = _obj(value, "profile")
    viewer = _viewer(data)
    return Profile(
        did=_str(data, "did", "profile"),
        handle=_str(data, "handle", "profile"),
        display_name=_opt_str(data, "displayName") or "",
        description=_opt_str(data, "description") or "",
        avatar=_opt_str(data, "avatar"),
        followers_count=_count(data, "followersCount"),
        follows_count=_count(data, "followsCount"),
        posts_count=_count(data, "postsCount"),
        viewer_following=_opt_str(viewer, "following"),
    )


_THREAD_UNAVAILABLE = {
    "app.bsky.feed.defs#notFoundPost": "Deleted post",
    "app.bsky.feed.defs#blockedPost": "Blocked post",
}


def parse_thread(value: Any, path: str = "thread", depth: int = 0) -> ThreadNode:
    data = _obj(value, path)
    kind = data.get("$type")
    if kind in _THREAD_UNAVAILABLE:
        return ThreadNode(uri=_str(data, "uri", path), unavailable=_THREAD_UNAVAILABLE[kind])
    if depth > 1000:
        raise ResponseFormatError(f"{path} nests too deeply")
    post = parse_post(data.get("post"), f"{path}.post")
    parent = None
    if data.get("parent") is not None:
        parent = parse_thread(data["parent"], f"{path}.parent", depth + 1)
    replies = tuple(parse_thread(r, f"{path}.replies[{i}]", depth + 1)
                    for i, r in enumerate(_list(data, "replies", path)))
    return ThreadNode(uri=post.uri, post=post, parent=parent, replies=replies)


def parse_blob(value: Any) -> BlobRef:
    data = _obj(_obj(value, "response").get("blob"), "blob")
    ref = _obj(data.get("ref"), "blob.ref")
    size = data.get("size")
    if not isinstance(size, int) or size < 0:
        raise ResponseFormatError("blob.size is missing or not a number")
    return BlobRef(_str(ref, "$link", "blob.ref"), _str(data, "mimeType", "blob"), size)
