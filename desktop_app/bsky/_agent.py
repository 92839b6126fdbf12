"""The typed Bluesky agent: timeline, feeds, threads, profiles, posts, likes, reposts, blobs."""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal
from urllib.parse import urlsplit

from ..atproto import Fields, ResponseFormatError, syntax
from ..sentences import QT_TR_NOOP, Sentence
from ._drafts import DraftView, RemoteDraft, parse_draft_view
from ._errors import (
    FEED_FAILURES,
    FeedUnavailableError,
    InvalidPostError,
    PermissionMissingError,
    RateLimitedError,
    XrpcError,
)
from ._feeds import (
    LIST,
    LISTBLOCK,
    LISTITEM,
    FeedGenerator,
    GeneratorPage,
    InvalidFeedError,
    ListInfo,
    ListMember,
    SavedFeed,
    parse_generator_page,
    parse_generators,
    parse_list_page,
    parse_lists,
    parse_memberships,
    saved_feeds,
    saved_type,
    with_saved,
)
from ._media import MAX_IMAGES, ImageUpload, image_problem
from ._models import (
    BLOCK,
    FOLLOW,
    LIKE,
    POST,
    REPOST,
    ActorPage,
    Author,
    BlobRef,
    FeedItem,
    FeedPage,
    NotificationPage,
    PostView,
    Preferences,
    Profile,
    StrongRef,
    ThreadNode,
    parse_actors,
    parse_blob,
    parse_feed,
    parse_feed_item,
    parse_notifications,
    parse_post,
    parse_preferences,
    parse_profile,
    parse_strong_ref,
    parse_thread,
)
from ._richtext import (
    Facet,
    detect_facets,
    facet_records,
    facets_problem,
    grapheme_length,
    resolve_mentions,
    utf8_len,
)
from ._xrpc import XrpcClient

log = logging.getLogger(__name__)

# app.bsky.feed.post text: maxLength (UTF-8 bytes) and maxGraphemes
MAX_POST_BYTES = 3000
MAX_POST_GRAPHEMES = 300
MAX_LANGS = 3

SearchSort = Literal["latest", "top"]
# Notification reasons whose subject is a post of someone else's, shown with the post itself.
POST_REASONS = frozenset({"reply", "mention", "quote"})
MAX_QUERY_LENGTH = 500
LIST_NAME_NEEDED = QT_TR_NOOP("A list needs a name of up to 64 characters.")

AuthorFeedFilter = Literal[
    "posts_with_replies", "posts_no_replies", "posts_with_media", "posts_and_author_threads"
]


@dataclass(frozen=True)
class AtUri:
    repo: str
    collection: str
    rkey: str

    @classmethod
    def parse(cls, uri: str) -> AtUri:
        if not uri.startswith("at://"):
            raise InvalidPostError(f"not an at:// URI: {uri[:80]!r}")
        parts = uri[len("at://"):].split("/")
        if len(parts) != 3 or not all(parts) or not syntax.is_valid_did(parts[0]):
            raise InvalidPostError(f"not a record URI: {uri[:80]!r}")
        return cls(*parts)


@dataclass(frozen=True)
class NewPost:
    """A post to write: what the composer and `desktop-app post` hand to the agent."""

    text: str
    images: tuple[ImageUpload, ...] = ()
    langs: tuple[str, ...] = ()
    reply_to: PostView | None = None
    facets: tuple[Facet, ...] | None = None  # None: detected from the text
    quote: StrongRef | None = None  # the post this one quotes (a record embed)


def parse_post_link(link: str) -> str:
    """An at:// post URI from what a person pastes: an at:// URI (DID or handle) or a
    bsky.app post link. The authority may still be a handle (see `Agent.resolve_post_uri`)."""
    text = link.strip()
    parts: list[str] = []
    if text.startswith("at://"):
        parts = text[len("at://"):].split("/")
    else:
        split = urlsplit(text)
        segments = split.path.strip("/").split("/")
        if split.scheme == "https" and split.hostname in {"bsky.app", "staging.bsky.app"} \
                and len(segments) == 4 and segments[0] == "profile" and segments[2] == "post":
            parts = [segments[1], POST, segments[3]]
    if len(parts) != 3 or parts[1] != POST or not parts[2] or not (
            syntax.is_valid_did(parts[0]) or syntax.is_valid_handle(parts[0].lower())):
        raise InvalidPostError(f"not a post link: {text[:80]!r}",
                               message=QT_TR_NOOP("That is not a link to a post (at://… or "
                                                  "https://bsky.app/profile/…/post/…)."))
    return f"at://{parts[0]}/{POST}/{parts[2]}"


def now_iso(clock: Callable[[], float] = time.time) -> str:
    stamp = dt.datetime.fromtimestamp(clock(), dt.UTC)
    return stamp.strftime("%Y-%m-%dT%H:%M:%S.") + f"{stamp.microsecond // 1000:03d}Z"


Answers = Callable[[str, Mapping[str, Any], Any], None]
Replay = Callable[[str, Mapping[str, Any]], Awaitable[Any]]


class Agent:
    """Typed `app.bsky` calls as one signed-in account.

    Holds the account's DID, the XRPC client that speaks for it, and who is told each answer
    to a read (`answers`: the offline copy keeps some).
    """

    def __init__(self, xrpc: XrpcClient, did: str, *,
                 clock: Callable[[], float] = time.time) -> None:
        self.xrpc = xrpc
        self.did = did
        self._clock = clock
        self.answers: Answers | None = None

    def replaying(self, replay: Replay) -> Agent:
        """This account's reads answered by `replay` (answers kept earlier) instead of its
        server, parsed and checked exactly as a server's are. Only for reads."""
        return _Replaying(self, replay)

    # --- reads ---------------------------------------------------------------------------------

    async def timeline(self, *, cursor: str | None = None, limit: int = 50) -> FeedPage:
        data = await self._query("app.bsky.feed.getTimeline",
                                 {"limit": _limit(limit), "cursor": cursor})
        return parse_feed(data)

    async def author_feed(self, actor: str, *, cursor: str | None = None, limit: int = 50,
                          filter: AuthorFeedFilter = "posts_with_replies") -> FeedPage:
        data = await self._query("app.bsky.feed.getAuthorFeed", {
            "actor": _actor(actor), "limit": _limit(limit), "cursor": cursor, "filter": filter})
        return parse_feed(data)

    async def post_thread(self, uri: str, *, depth: int = 6, parent_height: int = 80) -> ThreadNode:
        AtUri.parse(uri)
        data = await self._query("app.bsky.feed.getPostThread",
                                 {"uri": uri, "depth": depth, "parentHeight": parent_height})
        if not isinstance(data, Mapping):
            raise ResponseFormatError("thread response is not an object")
        return parse_thread(data.get("thread"))

    async def post(self, uri: str) -> PostView:
        """One post by its at:// URI (`app.bsky.feed.getPosts`)."""
        AtUri.parse(uri)
        data = await self._query("app.bsky.feed.getPosts", {"uris": [uri]})
        posts = Fields(data, "response").array("posts", required=True)
        if not posts:
            raise XrpcError(404, "NotFound", f"{uri[:120]} was not found")
        return parse_post(posts[0], "posts[0]")

    async def reply_target(self, uri: str) -> PostView:
        """The post to reply to. The AppView's view when it has one; a post it has not indexed
        yet (written a moment ago: a reply to your own new post) comes from its author's
        repository through the PDS, which holds all a reply needs: its cid and its thread's
        root. Its author's handle is then unknown (`handle.invalid`, as atproto marks it)."""
        try:
            return await self.post(uri)
        except XrpcError as exc:
            if exc.status != 404:
                raise
        at = AtUri.parse(uri)
        data = Fields(await self._query("com.atproto.repo.getRecord", {
            "repo": at.repo, "collection": at.collection, "rkey": at.rkey}), "getRecord")
        record = data.obj("value")
        if record.get("$type") != "app.bsky.feed.post":
            raise XrpcError(404, "NotFound", f"{uri[:120]} is not a post")
        return parse_post({
            "uri": data.string("uri"), "cid": data.string("cid"),
            "author": {"did": at.repo, "handle": "handle.invalid"},
            "record": data.get("value"),
            "indexedAt": record.lenient_string("createdAt") or "",
        }, "getRecord")

    async def resolve_post_uri(self, uri: str) -> str:
        """The post URI with its authority as a DID (a handle is resolved)."""
        authority = uri[len("at://"):].split("/", 1)[0]
        if syntax.is_valid_did(authority):
            return uri
        did = await self.resolve_handle(authority)
        if did is None:
            raise InvalidPostError(f"unknown handle {authority[:80]!r}",
                                   message=Sentence.of(QT_TR_NOOP(
                                       "No account has the handle {handle}."),
                                       handle=authority[:80]))
        return uri.replace(authority, did, 1)

    async def posts(self, uris: Sequence[str]) -> list[PostView]:
        """Several posts by URI, 25 per request, in the order the server returns them."""
        out: list[PostView] = []
        for start in range(0, len(uris), 25):
            chunk = list(uris[start:start + 25])
            data = await self._query("app.bsky.feed.getPosts", {"uris": chunk})
            found = Fields(data, "response").array("posts", required=True)
            out.extend(parse_post(item, f"posts[{i}]") for i, item in enumerate(found))
        return out

    async def actor_likes(self, actor: str, *, cursor: str | None = None,
                          limit: int = 50) -> FeedPage:
        """Posts `actor` liked (the server allows it for the viewer's own account only)."""
        data = await self._query("app.bsky.feed.getActorLikes", {
            "actor": _actor(actor), "limit": _limit(limit), "cursor": cursor})
        return parse_feed(data)

    async def search_posts(self, query: str, *, sort: SearchSort = "latest",
                           cursor: str | None = None, limit: int = 25) -> FeedPage:
        data = await self._query("app.bsky.feed.searchPosts", {
            "q": _query_text(query), "sort": sort, "limit": _limit(limit), "cursor": cursor})
        fields = Fields(data, "response")
        items = tuple(FeedItem(parse_post(item, f"posts[{i}]"))
                      for i, item in enumerate(fields.array("posts", required=True)))
        return FeedPage(items, fields.lenient_string("cursor") or None)

    async def search_actors(self, query: str, *, cursor: str | None = None,
                            limit: int = 25) -> ActorPage:
        return parse_actors(await self._query("app.bsky.actor.searchActors", {
            "q": _query_text(query), "limit": _limit(limit), "cursor": cursor}))

    async def typeahead(self, query: str, *, limit: int = 8) -> tuple[Author, ...]:
        """Accounts whose handle or name starts with `query`, for completing a mention."""
        if not query.strip():
            return ()
        page = parse_actors(await self._query("app.bsky.actor.searchActorsTypeahead", {
            "q": _query_text(query), "limit": _limit(limit)}))
        return page.actors

    async def preferences(self) -> Preferences:
        return parse_preferences(await self._query("app.bsky.actor.getPreferences", {}))

    async def notifications(self, *, cursor: str | None = None,
                            limit: int = 50) -> NotificationPage:
        """A page of notifications; replies, mentions and quotes come with their post."""
        page = parse_notifications(await self._query(
            "app.bsky.notification.listNotifications", {"limit": _limit(limit),
                                                        "cursor": cursor}))
        wanted = [n.uri for n in page.items if n.reason in POST_REASONS]
        found = {post.uri: post for post in await self.posts(wanted)} if wanted else {}
        items = tuple(replace(n, post=found.get(n.uri)) for n in page.items)
        return replace(page, items=items)

    async def unread_count(self) -> int:
        data = await self._query("app.bsky.notification.getUnreadCount", {})
        return Fields(data, "response").count("count")

    async def update_seen(self, seen_at: str | None = None) -> None:
        """Mark notifications up to `seen_at` (now by default) as read."""
        await self.xrpc.procedure("app.bsky.notification.updateSeen",
                                  body={"seenAt": seen_at or now_iso(self._clock)})

    async def profile(self, actor: str) -> Profile:
        return parse_profile(await self._query("app.bsky.actor.getProfile",
                                               {"actor": _actor(actor)}))

    async def resolve_handle(self, handle: str) -> str | None:
        """The handle's DID, or None when no account has it."""
        handle = handle.lower()
        if not syntax.is_valid_handle(handle):
            return None
        try:
            data = await self._query("com.atproto.identity.resolveHandle", {"handle": handle})
        except XrpcError as exc:
            if exc.status == 400:
                return None
            raise
        did = data.get("did") if isinstance(data, Mapping) else None
        if not isinstance(did, str) or not syntax.is_valid_did(did):
            raise ResponseFormatError("resolveHandle returned no valid DID")
        return did

    # --- writes --------------------------------------------------------------------------------

    async def create_post(
        self,
        text: str,
        *,
        reply_to: PostView | None = None,
        images: Sequence[ImageUpload] = (),
        langs: Sequence[str] = (),
        facets: Sequence[Facet] | None = None,
    ) -> StrongRef:
        """Post; facets are detected (mentions resolved) unless given. Checks run before upload."""
        return await self.publish(NewPost(text, tuple(images), tuple(langs), reply_to,
                                          None if facets is None else tuple(facets)))

    async def publish(self, post: NewPost) -> StrongRef:
        """Check, upload the images, write the record; returns the new post's reference."""
        self._check_post(post)
        facets = await self._facets(post)
        blobs = [await self.upload_blob(image.data, image.mime_type) for image in post.images]
        return await self._create_record(POST, self._post_record(post, facets, blobs))

    async def draft(self, post: NewPost) -> dict[str, Any]:
        """The record `publish` would write, checked the same way, with nothing uploaded or
        written: each image's blob has a null `ref` (it gets one when uploaded)."""
        self._check_post(post)
        facets = await self._facets(post)
        blobs = [BlobRef("", image.mime_type, len(image.data)) for image in post.images]
        record = self._post_record(post, facets, blobs)
        embed = record.get("embed", {})
        for entry in embed.get("media", embed).get("images", []):
            entry["image"]["ref"] = None
        return record

    async def _facets(self, post: NewPost) -> Sequence[Facet]:
        if post.facets is not None:
            return post.facets
        return await resolve_mentions(detect_facets(post.text), self.resolve_handle)

    def _post_record(self, post: NewPost, facets: Sequence[Facet],
                     blobs: Sequence[BlobRef]) -> dict[str, Any]:
        record: dict[str, Any] = {"$type": POST, "text": post.text,
                                  "createdAt": now_iso(self._clock)}
        if facets:
            record["facets"] = facet_records(list(facets))
        if post.langs:
            record["langs"] = list(post.langs)
        if post.reply_to is not None:
            parent = post.reply_to.ref
            record["reply"] = {"root": (post.reply_to.reply_root or parent).record(),
                               "parent": parent.record()}
        media: dict[str, Any] | None = None
        if post.images:
            entries = []
            for image, blob in zip(post.images, blobs, strict=True):
                entry: dict[str, Any] = {"image": blob.record(), "alt": image.alt}
                if image.aspect_ratio:
                    entry["aspectRatio"] = {"width": image.aspect_ratio[0],
                                            "height": image.aspect_ratio[1]}
                entries.append(entry)
            media = {"$type": "app.bsky.embed.images", "images": entries}
        if post.quote is not None:
            quote = {"$type": "app.bsky.embed.record", "record": post.quote.record()}
            record["embed"] = quote if media is None else {
                "$type": "app.bsky.embed.recordWithMedia", "record": quote, "media": media}
        elif media is not None:
            record["embed"] = media
        return record

    # --- drafts (app.bsky.draft: the account's private storage, through the AppView) ---------

    async def create_draft(self, draft: RemoteDraft) -> str:
        """Keep a draft on the account; returns its id there."""
        data = await self.xrpc.procedure("app.bsky.draft.createDraft",
                                         body={"draft": draft.record()})
        return Fields(data, "createDraft").string("id", nonempty=True)

    async def update_draft(self, draft_id: str, draft: RemoteDraft) -> None:
        await self.xrpc.procedure("app.bsky.draft.updateDraft", body={
            "draft": {"id": draft_id, "draft": draft.record()}})

    async def delete_draft(self, draft_id: str) -> None:
        await self.xrpc.procedure("app.bsky.draft.deleteDraft", body={"id": draft_id})

    async def drafts(self, *, cursor: str | None = None,
                     limit: int = 50) -> tuple[list[DraftView], str | None]:
        """One page of the account's drafts, and the cursor of the next."""
        data = Fields(await self._query("app.bsky.draft.getDrafts",
                                        {"cursor": cursor, "limit": _limit(limit)}), "getDrafts")
        views = [parse_draft_view(v, f"drafts[{n}]")
                 for n, v in enumerate(data.array("drafts", required=True))]
        return views, data.opt_string("cursor")

    # --- feeds, lists, bookmarks --------------------------------------------------------------

    async def raw_preferences(self) -> list[Any]:
        """Every preference of the account as the server keeps it (types this app does not
        know included): what a write must give back untouched."""
        data = await self._query("app.bsky.actor.getPreferences", {})
        return list(Fields(data, "getPreferences").array("preferences", required=True))

    async def saved_feeds(self) -> tuple[SavedFeed, ...]:
        return saved_feeds(await self.raw_preferences())

    async def change_saved_feeds(
        self, change: Callable[[tuple[SavedFeed, ...]], Sequence[SavedFeed]],
    ) -> tuple[SavedFeed, ...]:
        """Read the freshest preferences, apply `change` to the saved feeds, write them all
        back with every other preference as it was read (nothing is written when `change`
        changes nothing). Returns the saved feeds as they now are."""
        preferences = await self.raw_preferences()
        current = saved_feeds(preferences)
        items = tuple(change(current))
        if items == current:
            return current
        written = with_saved(preferences, items)
        await self.xrpc.procedure("app.bsky.actor.putPreferences",
                                  body={"preferences": written})
        return saved_feeds(written)

    async def feed_generator(self, uri: str) -> FeedGenerator:
        """A custom feed's page: its view, and whether its generator is up."""
        if saved_type(uri) != "feed":
            raise InvalidFeedError(f"not a feed generator: {uri[:120]!r}",
                                   message=QT_TR_NOOP("That is not the address of a custom feed."))
        return parse_generator_page(await self._query("app.bsky.feed.getFeedGenerator",
                                                      {"feed": uri}))

    async def feed_generators(self, uris: Sequence[str]) -> list[FeedGenerator]:
        out: list[FeedGenerator] = []
        for start in range(0, len(uris), 25):
            data = await self._query("app.bsky.feed.getFeedGenerators",
                                     {"feeds": list(uris[start:start + 25])})
            out.extend(parse_generators(data).items)
        return out

    async def feed(self, uri: str, *, cursor: str | None = None, limit: int = 50) -> FeedPage:
        """Posts of a custom feed (`getFeed`) or of a list (`getListFeed`)."""
        kind = saved_type(uri)
        if kind == "list":
            return parse_feed(await self._query("app.bsky.feed.getListFeed", {
                "list": uri, "limit": _limit(limit), "cursor": cursor}))
        if kind != "feed":
            raise InvalidFeedError(f"not a feed: {uri[:120]!r}")
        try:
            data = await self._query("app.bsky.feed.getFeed", {
                "feed": uri, "limit": _limit(limit), "cursor": cursor})
        except XrpcError as exc:
            if isinstance(exc, PermissionMissingError | RateLimitedError) or not (
                    exc.status in (502, 504) or exc.error in FEED_FAILURES):
                raise
            raise FeedUnavailableError.of(exc) from exc
        return parse_feed(data)

    async def suggested_feeds(self, *, cursor: str | None = None,
                              limit: int = 50) -> GeneratorPage:
        return parse_generators(await self._query("app.bsky.feed.getSuggestedFeeds", {
            "limit": _limit(limit), "cursor": cursor}))

    async def popular_feeds(self, query: str | None = None, *, cursor: str | None = None,
                            limit: int = 50) -> GeneratorPage:
        """Popular feeds, or those matching `query` (an AppView may not offer this)."""
        return parse_generators(await self._query(
            "app.bsky.unspecced.getPopularFeedGenerators",
            {"query": _query_text(query) if query else None, "limit": _limit(limit),
             "cursor": cursor}))

    async def actor_feeds(self, actor: str, *, cursor: str | None = None,
                          limit: int = 50) -> GeneratorPage:
        return parse_generators(await self._query("app.bsky.feed.getActorFeeds", {
            "actor": _actor(actor), "limit": _limit(limit), "cursor": cursor}))

    async def list_page(self, uri: str, *, cursor: str | None = None,
                        limit: int = 50) -> tuple[ListInfo, list[ListMember], str | None]:
        """A list, one page of its members, and the cursor of the next page."""
        if saved_type(uri) != "list":
            raise InvalidFeedError(f"not a list: {uri[:120]!r}",
                                   message=QT_TR_NOOP("That is not the address of a list."))
        return parse_list_page(await self._query("app.bsky.graph.getList", {
            "list": uri, "limit": _limit(limit), "cursor": cursor}))

    async def lists(self, actor: str | None = None, *, cursor: str | None = None,
                    limit: int = 50) -> tuple[list[ListInfo], str | None]:
        """The lists `actor` (default: this account) made."""
        return parse_lists(await self._query("app.bsky.graph.getLists", {
            "actor": _actor(actor or self.did), "limit": _limit(limit), "cursor": cursor}))

    async def lists_with_membership(self, actor: str, *, limit: int = 100,
                                    ) -> list[tuple[ListInfo, str | None]]:
        """The viewer's curate and moderation lists, each with the listitem record that puts
        `actor` on it (None: not on it)."""
        data = await self._query("app.bsky.graph.getListsWithMembership", {
            "actor": _actor(actor), "limit": _limit(limit),
            "purposes": ["curatelist", "modlist"]})
        return parse_memberships(data)[0]

    async def create_list(self, name: str, purpose: str, description: str = "") -> StrongRef:
        name = name.strip()
        if not name or grapheme_length(name) > 64:
            raise InvalidFeedError(f"list name of {len(name)} characters",
                                   message=LIST_NAME_NEEDED)
        record: dict[str, Any] = {"$type": LIST, "name": name, "purpose": purpose,
                                  "createdAt": now_iso(self._clock)}
        if description:
            record["description"] = description[:3000]
        return await self._create_record(LIST, record)

    async def rename_list(self, uri: str, name: str) -> StrongRef:
        """A new name for one of the account's lists; the rest of its record is kept as it is
        (and the write refused if the record changed meanwhile: `swapRecord`)."""
        name = name.strip()
        if not name or grapheme_length(name) > 64:
            raise InvalidFeedError(f"list name of {len(name)} characters",
                                   message=LIST_NAME_NEEDED)
        at = AtUri.parse(uri)
        if at.repo != self.did or at.collection != LIST:
            raise InvalidFeedError(f"rename of {uri[:80]!r} by {self.did}",
                                   message=QT_TR_NOOP("That list belongs to another account."))
        found = await self.own_record(LIST, at.rkey)
        if found is None:
            raise XrpcError(404, "RecordNotFound", "That list no longer exists.")
        ref, record = found
        data = await self.xrpc.procedure("com.atproto.repo.putRecord", body={
            "repo": self.did, "collection": LIST, "rkey": at.rkey,
            "record": {**record, "name": name}, "swapRecord": ref.cid})
        return parse_strong_ref(data, "putRecord")

    async def delete_list(self, uri: str) -> None:
        await self._delete_record(uri, LIST)

    async def add_to_list(self, list_uri: str, did: str) -> str:
        """Put `did` on the list; returns the listitem record's URI (needed to take it off)."""
        if saved_type(list_uri) != "list":
            raise InvalidFeedError(f"not a list: {list_uri[:120]!r}")
        ref = await self._create_record(LISTITEM, {
            "$type": LISTITEM, "subject": syntax.ensure_did(did, supported_only=False),
            "list": list_uri, "createdAt": now_iso(self._clock)})
        return ref.uri

    async def remove_from_list(self, item_uri: str) -> None:
        await self._delete_record(item_uri, LISTITEM)

    async def mute_list(self, uri: str, *, mute: bool = True) -> None:
        """Mute (or stop muting) everyone on a moderation list (kept by the AppView)."""
        saved_type(uri)
        await self.xrpc.procedure("app.bsky.graph.muteActorList" if mute
                                  else "app.bsky.graph.unmuteActorList", body={"list": uri})

    async def block_list(self, uri: str) -> str:
        """Block everyone on a moderation list; returns the listblock record's URI."""
        if saved_type(uri) != "list":
            raise InvalidFeedError(f"not a list: {uri[:120]!r}")
        return await self._link(LISTBLOCK, uri)

    async def unblock_list(self, block_uri: str) -> None:
        await self._delete_record(block_uri, LISTBLOCK)

    async def bookmark(self, subject: StrongRef) -> None:
        await self.xrpc.procedure("app.bsky.bookmark.createBookmark", body=subject.record())

    async def unbookmark(self, uri: str) -> None:
        AtUri.parse(uri)
        await self.xrpc.procedure("app.bsky.bookmark.deleteBookmark", body={"uri": uri})

    async def bookmarks(self, *, cursor: str | None = None, limit: int = 50) -> FeedPage:
        """The account's bookmarked posts, newest first (deleted or blocked ones left out)."""
        data = Fields(await self._query("app.bsky.bookmark.getBookmarks", {
            "limit": _limit(limit), "cursor": cursor}), "getBookmarks")
        items = tuple(
            parse_feed_item({"post": Fields(view, f"bookmarks[{n}]").get("item")},
                            f"bookmarks[{n}]")
            for n, view in enumerate(data.array("bookmarks", required=True))
            if _is_post_view(view))
        return FeedPage(items, data.lenient_string("cursor") or None)

    async def delete_post(self, uri: str) -> None:
        await self._delete_record(uri, POST)

    async def like(self, subject: StrongRef) -> str:
        """Like a post; returns the like record's URI (needed to unlike)."""
        return await self._link(LIKE, subject.record())

    async def unlike(self, like_uri: str) -> None:
        await self._delete_record(like_uri, LIKE)

    async def repost(self, subject: StrongRef) -> str:
        return await self._link(REPOST, subject.record())

    async def unrepost(self, repost_uri: str) -> None:
        await self._delete_record(repost_uri, REPOST)

    async def follow(self, did: str) -> str:
        """Follow an account; returns the follow record's URI (needed to unfollow)."""
        return await self._link(FOLLOW, syntax.ensure_did(did, supported_only=False))

    async def unfollow(self, follow_uri: str) -> None:
        await self._delete_record(follow_uri, FOLLOW)

    async def block(self, did: str) -> str:
        """Block an account; returns the block record's URI (needed to unblock)."""
        return await self._link(BLOCK, syntax.ensure_did(did, supported_only=False))

    async def unblock(self, block_uri: str) -> None:
        await self._delete_record(block_uri, BLOCK)

    async def mute(self, did: str) -> None:
        """Mute an account (private: kept by the AppView, not in the repository)."""
        await self.xrpc.procedure("app.bsky.graph.muteActor",
                                  body={"actor": syntax.ensure_did(did, supported_only=False)})

    async def unmute(self, did: str) -> None:
        await self.xrpc.procedure("app.bsky.graph.unmuteActor",
                                  body={"actor": syntax.ensure_did(did, supported_only=False)})

    async def upload_blob(self, data: bytes, mime_type: str) -> BlobRef:
        problem = image_problem(data, mime_type)
        if problem is not None:
            raise InvalidPostError(f"image rejected: {mime_type}, {len(data)} bytes",
                                   message=problem)
        result = await self.xrpc.procedure("com.atproto.repo.uploadBlob", content=data,
                                  content_type=mime_type)
        blob = parse_blob(result)
        if blob.size != len(data):
            raise ResponseFormatError(f"uploaded {len(data)} bytes, server stored {blob.size}")
        return blob

    def _check_post(self, post: NewPost) -> None:
        text, images, langs = post.text, post.images, post.langs
        if not text.strip() and not images:
            raise InvalidPostError("empty post",
                                   message=QT_TR_NOOP("Write something or add an image."))
        size, length = utf8_len(text), grapheme_length(text)
        if size > MAX_POST_BYTES or length > MAX_POST_GRAPHEMES:
            raise InvalidPostError(
                f"{length} graphemes, {size} bytes",
                message=Sentence.of(QT_TR_NOOP(
                    "That post is too long: {length} characters, the limit is {limit}."),
                    length=length, limit=MAX_POST_GRAPHEMES) if length > MAX_POST_GRAPHEMES
                else Sentence.of(QT_TR_NOOP(
                    "That post is too long: {size} bytes, the limit is {limit}."),
                    size=size, limit=MAX_POST_BYTES))
        if post.facets is not None:
            mismatch = facets_problem(text, post.facets)
            if mismatch is not None:
                raise InvalidPostError(f"facets: {mismatch}", message=QT_TR_NOOP(
                    "The post's links, mentions or tags don't match its text."))
        if len(images) > MAX_IMAGES:
            raise InvalidPostError(f"{len(images)} images",
                                   message=Sentence.of(QT_TR_NOOP(
                                       "A post can have at most {count} images."),
                                       count=MAX_IMAGES))
        for image in images:
            problem = image_problem(image.data, image.mime_type)
            if problem is not None:
                raise InvalidPostError(f"image rejected: {image.mime_type}", message=problem)
        if len(langs) > MAX_LANGS or not all(syntax.is_valid_language(lang) for lang in langs):
            raise InvalidPostError(f"languages {list(langs)[:5]!r}",
                                   message=QT_TR_NOOP("Choose up to three valid languages."))

    async def _link(self, collection: str, subject: Any) -> str:
        """A like, repost or follow: a record that only points at its subject. Returns its URI."""
        ref = await self._create_record(collection, {"$type": collection, "subject": subject,
                                                     "createdAt": now_iso(self._clock)})
        return ref.uri

    async def _create_record(self, collection: str, record: dict[str, Any]) -> StrongRef:
        data = await self.xrpc.procedure("com.atproto.repo.createRecord", body={
            "repo": self.did, "collection": collection, "record": record})
        return parse_strong_ref(data, "createRecord")

    async def write_record(self, collection: str, rkey: str, record: dict[str, Any]) -> StrongRef:
        """Write `record` under a record key the app chose (a TID), so that a retry can find
        out whether an earlier attempt already wrote it (`own_record`)."""
        data = await self.xrpc.procedure("com.atproto.repo.createRecord", body={
            "repo": self.did, "collection": collection, "rkey": rkey, "record": record})
        return parse_strong_ref(data, "createRecord")

    async def own_record(self, collection: str,
                         rkey: str) -> tuple[StrongRef, dict[str, Any]] | None:
        """The account's record at `rkey`, with its value; None when there is none."""
        try:
            data = Fields(await self.xrpc.query("com.atproto.repo.getRecord", {
                "repo": self.did, "collection": collection, "rkey": rkey}), "getRecord")
        except XrpcError as exc:
            if exc.status in (400, 404) and exc.error in {"RecordNotFound", "NotFound",
                                                           "InvalidRequest", ""}:
                return None
            raise
        value = data.get("value")
        if not isinstance(value, dict):
            raise ResponseFormatError("getRecord returned no record value")
        return StrongRef(data.string("uri"), data.string("cid")), value

    async def upload_image(self, image: ImageUpload) -> dict[str, Any]:
        """Upload one image; its blob as a record embeds it."""
        return (await self.upload_blob(image.data, image.mime_type)).record()

    async def _delete_record(self, uri: str, collection: str) -> None:
        at = AtUri.parse(uri)
        if at.repo != self.did or at.collection != collection:
            raise InvalidPostError(f"{collection} delete of {uri[:80]!r} by {self.did}",
                                   message=QT_TR_NOOP("That record belongs to another account."))
        await self.xrpc.procedure("com.atproto.repo.deleteRecord", body={
            "repo": self.did, "collection": collection, "rkey": at.rkey})

    # --- transport -----------------------------------------------------------------------------

    async def _query(self, nsid: str, params: Mapping[str, Any]) -> Any:
        data = await self.xrpc.query(nsid, params)
        if self.answers is not None:
            self.answers(nsid, params, data)
        return data


class _Replaying(Agent):
    """An agent whose reads are answered from a copy (see `Agent.replaying`)."""

    def __init__(self, live: Agent, replay: Replay) -> None:
        super().__init__(live.xrpc, live.did, clock=live._clock)
        self._replay = replay

    async def _query(self, nsid: str, params: Mapping[str, Any]) -> Any:
        return await self._replay(nsid, params)


def _is_post_view(view: Any) -> bool:
    item = view.get("item") if isinstance(view, Mapping) else None
    return isinstance(item, Mapping) and item.get("$type", "app.bsky.feed.defs#postView") \
        == "app.bsky.feed.defs#postView" and "author" in item


def _limit(limit: int) -> int:
    if not 1 <= limit <= 100:
        raise InvalidPostError(f"limit {limit}", message=QT_TR_NOOP("Page size must be 1 to 100."))
    return limit


def _query_text(query: str) -> str:
    query = query.strip()
    if not query or len(query) > MAX_QUERY_LENGTH:
        raise InvalidPostError(f"query of {len(query)} characters",
                               message=QT_TR_NOOP(
                                   "Type something to search for (up to 500 characters)."))
    return query


def _actor(actor: str) -> str:
    if syntax.is_valid_did(actor) or syntax.is_valid_handle(actor.lower()):
        return actor
    raise InvalidPostError(f"actor {actor[:80]!r}",
                           message=QT_TR_NOOP("That is not a handle or a DID."))

