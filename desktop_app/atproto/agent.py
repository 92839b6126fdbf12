"""The typed Bluesky agent: timeline, feeds, threads, profiles, posts, likes, reposts, blobs."""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import logging
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

import httpx

from . import syntax
from .errors import (
    InvalidPostError,
    NetworkError,
    RateLimitedError,
    ResponseFormatError,
    XrpcError,
)
from .http import NetworkPolicy, fetch, read_limited, safe_url
from .models import (
    FOLLOW,
    LIKE,
    POST,
    REPOST,
    BlobRef,
    FeedPage,
    PostView,
    Profile,
    StrongRef,
    ThreadNode,
    parse_blob,
    parse_feed,
    parse_profile,
    parse_strong_ref,
    parse_thread,
)
from .richtext import Facet, detect_facets, facet_records, resolve_mentions, utf8_len

if TYPE_CHECKING:
    from .oauth import OAuthClient

log = logging.getLogger(__name__)

MAX_POST_BYTES = 3000  # app.bsky.feed.post text maxLength; graphemes (300) are the UI's count
MAX_POST_GRAPHEMES = 300
MAX_IMAGES = 4
MAX_IMAGE_BYTES = 1_000_000  # app.bsky.embed.images image maxSize
MAX_LANGS = 3
MAX_RESPONSE_BYTES = 8 * 1024 * 1024
DEFAULT_RATE_LIMIT_WAIT = 60.0

AuthorFeedFilter = Literal[
    "posts_with_replies", "posts_no_replies", "posts_with_media", "posts_and_author_threads"
]

_IMAGE_MAGIC: dict[str, Callable[[bytes], bool]] = {
    "image/jpeg": lambda b: b.startswith(b"\xff\xd8\xff"),
    "image/png": lambda b: b.startswith(b"\x89PNG\r\n\x1a\n"),
    "image/gif": lambda b: b[:6] in (b"GIF87a", b"GIF89a"),
    "image/webp": lambda b: b[:4] == b"RIFF" and b[8:12] == b"WEBP",
}


@dataclass(frozen=True)
class ImageUpload:
    data: bytes
    mime_type: str
    alt: str
    aspect_ratio: tuple[int, int] | None = None

    def __repr__(self) -> str:
        return f"ImageUpload({self.mime_type}, {len(self.data)} bytes, alt={self.alt[:20]!r})"


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


def image_problem(data: bytes, mime_type: str, *, size: int | None = None) -> str | None:
    """Why an image can't be attached (a plain sentence), or None when it can. `size` is the
    file's real size when `data` is only its head (a caller need not read a huge file)."""
    size = len(data) if size is None else size
    check = _IMAGE_MAGIC.get(mime_type)
    if check is None:
        return "Only JPEG, PNG, GIF and WebP images can be attached."
    if not check(data):
        return "That file is not the kind of image its name says."
    if size > MAX_IMAGE_BYTES:
        return (f"That image is {size / 1_000_000:.1f} MB; "
                f"Bluesky accepts up to {MAX_IMAGE_BYTES / 1_000_000:.0f} MB.")
    return None


def rate_limit_wait(headers: httpx.Headers, now: float) -> float:
    """Seconds to wait after a 429: `retry-after` (delta or date), else `ratelimit-reset`."""
    retry = headers.get("retry-after", "").strip()
    if retry:
        if retry.isdigit():
            return float(retry)
        try:
            when = email.utils.parsedate_to_datetime(retry)
        except (TypeError, ValueError):
            when = None
        if when is not None:
            return max(0.0, when.timestamp() - now)
    reset = headers.get("ratelimit-reset", "").strip()
    if reset.isdigit():
        value = float(reset)
        # atproto services send an epoch timestamp; the IETF draft sends a delta.
        return max(0.0, value - now) if value > 1_000_000_000 else value
    return DEFAULT_RATE_LIMIT_WAIT


def now_iso(clock: Callable[[], float] = time.time) -> str:
    stamp = dt.datetime.fromtimestamp(clock(), dt.UTC)
    return stamp.strftime("%Y-%m-%dT%H:%M:%S.") + f"{stamp.microsecond // 1000:03d}Z"


MAX_MEDIA_BYTES = 5 * 1024 * 1024


async def fetch_media(http: httpx.AsyncClient, policy: NetworkPolicy, url: str) -> bytes:
    """An avatar or thumbnail from the AppView's CDN: public, policy-checked, size-capped."""
    response, body = await fetch(http, policy, "GET", url, follow_redirects=True,
                                 max_bytes=MAX_MEDIA_BYTES)
    if response.status_code != 200:
        raise NetworkError(f"HTTP {response.status_code} for {safe_url(url)}")
    return body


class Agent:
    """XRPC calls as one signed-in account, through its PDS (which proxies app.bsky reads)."""

    def __init__(
        self,
        client: OAuthClient,
        did: str,
        *,
        policy: NetworkPolicy | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._client = client
        self.did = did
        self._policy = policy or client.policy
        self._auth = client.auth(did)
        self._clock = clock

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
        self._check_post(text, images, langs)
        if facets is None:
            facets = await resolve_mentions(detect_facets(text), self.resolve_handle)
        record: dict[str, Any] = {"$type": POST, "text": text, "createdAt": now_iso(self._clock)}
        if facets:
            record["facets"] = facet_records(list(facets))
        if langs:
            record["langs"] = list(langs)
        if reply_to is not None:
            parent = reply_to.ref
            record["reply"] = {"root": (reply_to.reply_root or parent).record(),
                               "parent": parent.record()}
        if images:
            entries = []
            for image in images:
                blob = await self.upload_blob(image.data, image.mime_type)
                entry: dict[str, Any] = {"image": blob.record(), "alt": image.alt}
                if image.aspect_ratio:
                    entry["aspectRatio"] = {"width": image.aspect_ratio[0],
                                            "height": image.aspect_ratio[1]}
                entries.append(entry)
            record["embed"] = {"$type": "app.bsky.embed.images", "images": entries}
        return await self._create_record(POST, record)

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

    async def upload_blob(self, data: bytes, mime_type: str) -> BlobRef:
        problem = image_problem(data, mime_type)
        if problem is not None:
            raise InvalidPostError(f"image rejected: {mime_type}, {len(data)} bytes",
                                   message=problem)
        result = await self._call("POST", "com.atproto.repo.uploadBlob", content=data,
                                  content_type=mime_type)
        blob = parse_blob(result)
        if blob.size != len(data):
            raise ResponseFormatError(f"uploaded {len(data)} bytes, server stored {blob.size}")
        return blob

    def _check_post(self, text: str, images: Sequence[ImageUpload], langs: Sequence[str]) -> None:
        if not text.strip() and not images:
            raise InvalidPostError("empty post", message="Write something or add an image.")
        if utf8_len(text) > MAX_POST_BYTES:
            raise InvalidPostError(f"{utf8_len(text)} bytes", message="That post is too long.")
        if len(images) > MAX_IMAGES:
            raise InvalidPostError(f"{len(images)} images",
                                   message=f"A post can have at most {MAX_IMAGES} images.")
        for image in images:
            problem = image_problem(image.data, image.mime_type)
            if problem is not None:
                raise InvalidPostError(f"image rejected: {image.mime_type}", message=problem)
        if len(langs) > MAX_LANGS or not all(syntax.is_valid_language(lang) for lang in langs):
            raise InvalidPostError(f"languages {list(langs)[:5]!r}",
                                   message="Choose up to three valid languages.")

    async def _link(self, collection: str, subject: Any) -> str:
        """A like, repost or follow: a record that only points at its subject. Returns its URI."""
        ref = await self._create_record(collection, {"$type": collection, "subject": subject,
                                                     "createdAt": now_iso(self._clock)})
        return ref.uri

    async def _create_record(self, collection: str, record: dict[str, Any]) -> StrongRef:
        data = await self._call("POST", "com.atproto.repo.createRecord", body={
            "repo": self.did, "collection": collection, "record": record})
        return parse_strong_ref(data, "createRecord")

    async def _delete_record(self, uri: str, collection: str) -> None:
        at = AtUri.parse(uri)
        if at.repo != self.did or at.collection != collection:
            raise InvalidPostError(f"{collection} delete of {uri[:80]!r} by {self.did}",
                                   message="That record belongs to another account.")
        await self._call("POST", "com.atproto.repo.deleteRecord", body={
            "repo": self.did, "collection": collection, "rkey": at.rkey})

    # --- transport -----------------------------------------------------------------------------

    async def _query(self, nsid: str, params: Mapping[str, Any]) -> Any:
        return await self._call("GET", nsid, params={k: v for k, v in params.items()
                                                     if v is not None})

    async def _call(
        self,
        method: str,
        nsid: str,
        *,
        params: Mapping[str, Any] | None = None,
        body: Mapping[str, Any] | None = None,
        content: bytes | None = None,
        content_type: str | None = None,
    ) -> Any:
        session = await self._client.get_session(self.did, refresh=False)
        url = self._policy.check_url(f"{session.pds_url.rstrip('/')}/xrpc/{nsid}")
        headers = {"accept": "application/json"}
        payload: bytes | None = content
        if body is not None:
            payload = json.dumps(body, ensure_ascii=False).encode()
            headers["content-type"] = "application/json"
        elif content_type is not None:
            headers["content-type"] = content_type
        http = self._client.http
        request = http.build_request(method, url, params=params, content=payload,
                                     headers=headers, timeout=self._policy.timeout)
        try:
            response = await http.send(request, auth=self._auth, stream=True)
        except httpx.TimeoutException as exc:
            raise NetworkError(f"timed out: {nsid}") from exc
        except httpx.HTTPError as exc:
            raise NetworkError(f"{type(exc).__name__}: {nsid} at {safe_url(url)}") from exc
        try:
            raw = await read_limited(response, MAX_RESPONSE_BYTES)
        except httpx.HTTPError as exc:
            raise NetworkError(f"{type(exc).__name__} reading {nsid}") from exc
        finally:
            await response.aclose()
        data = _json_or_none(raw)
        if response.status_code == 429:
            raise RateLimitedError(rate_limit_wait(response.headers, self._clock()),
                                   _error_text(data)[1])
        if not 200 <= response.status_code < 300:
            error, description = _error_text(data)
            log.info("%s %s: HTTP %d %s", method, nsid, response.status_code, error)
            raise XrpcError(response.status_code, error, description)
        if raw and data is None:
            raise ResponseFormatError(f"{nsid} answered with something that is not JSON")
        return data


def _json_or_none(raw: bytes) -> Any:
    if not raw:
        return None
    try:
        return json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        return None


def _error_text(data: Any) -> tuple[str, str]:
    if not isinstance(data, Mapping):
        return "", ""
    error, message = data.get("error"), data.get("message")
    return (error[:100] if isinstance(error, str) else "",
            message[:300] if isinstance(message, str) else "")


def _limit(limit: int) -> int:
    if not 1 <= limit <= 100:
        raise InvalidPostError(f"limit {limit}", message="Page size must be 1 to 100.")
    return limit


def _actor(actor: str) -> str:
    if syntax.is_valid_did(actor) or syntax.is_valid_handle(actor.lower()):
        return actor
    raise InvalidPostError(f"actor {actor[:80]!r}", message="That is not a handle or a DID.")

