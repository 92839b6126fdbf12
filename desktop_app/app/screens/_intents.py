"""What a reader asks of a list: one typed intent per click or key, handled in one place."""

from __future__ import annotations

from dataclasses import dataclass

from ...bsky import NotificationGroup, PostView


@dataclass(frozen=True)
class OpenThread:
    """A post's thread; `post`, when known, is drawn at once."""

    uri: str
    post: PostView | None = None


@dataclass(frozen=True)
class OpenProfile:
    did: str


@dataclass(frozen=True)
class OpenFeed:
    uri: str  # a custom feed's or a list's at:// URI: its page


@dataclass(frozen=True)
class OpenSearch:
    query: str  # a clicked hashtag: "#tag"


@dataclass(frozen=True)
class OpenLink:
    url: str  # a web link: the browser opens it


@dataclass(frozen=True)
class OpenImage:
    url: str  # the full-size image, in the browser


@dataclass(frozen=True)
class Like:
    post: PostView


@dataclass(frozen=True)
class Repost:
    post: PostView


@dataclass(frozen=True)
class Bookmark:
    post: PostView


@dataclass(frozen=True)
class Reply:
    post: PostView


@dataclass(frozen=True)
class Quote:
    post: PostView


@dataclass(frozen=True)
class Reveal:
    key: str  # "Show" on a row behind a moderation cover


@dataclass(frozen=True)
class MoreReplies:
    key: str  # a thread's "more replies" row


@dataclass(frozen=True)
class OpenGroup:
    group: NotificationGroup


Intent = (OpenThread | OpenProfile | OpenFeed | OpenSearch | OpenLink | OpenImage | Like | Repost
          | Reply | Quote | Bookmark | Reveal | MoreReplies | OpenGroup)
Navigation = OpenThread | OpenProfile | OpenFeed | OpenSearch | OpenLink | OpenImage


def link_intent(href: str) -> OpenProfile | OpenSearch | OpenLink:
    """A link in a post's text: a mention opens the profile, a tag a search, others the
    browser (`mention:` and `tag:` are how the post layout writes facets as anchors)."""
    if href.startswith("mention:"):
        return OpenProfile(href[len("mention:"):])
    if href.startswith("tag:"):
        return OpenSearch("#" + href[len("tag:"):])
    return OpenLink(href)
