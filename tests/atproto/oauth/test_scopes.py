"""Permission scopes: parsed and matched as the reference resource server does."""

from __future__ import annotations

import pytest

from desktop_app.atproto.oauth import (
    BlobPermission,
    RepoPermission,
    RpcPermission,
    Scopes,
    granular_supported,
    missing_scope,
    parse_permission,
)

AUD = "did:web:api.bsky.app#bsky_appview"


@pytest.mark.parametrize(("token", "expected"), [
    ("repo:app.bsky.feed.post", RepoPermission(frozenset({"app.bsky.feed.post"}),
                                               frozenset({"create", "update", "delete"}))),
    ("repo:app.bsky.feed.post?action=create&action=delete",
     RepoPermission(frozenset({"app.bsky.feed.post"}), frozenset({"create", "delete"}))),
    ("repo?collection=app.bsky.feed.like&collection=app.bsky.feed.repost&action=create",
     RepoPermission(frozenset({"app.bsky.feed.like", "app.bsky.feed.repost"}),
                    frozenset({"create"}))),
    ("repo:*?action=delete", RepoPermission(frozenset({"*"}), frozenset({"delete"}))),
    ("rpc:app.bsky.feed.getTimeline?aud=did:web:api.bsky.app%23bsky_appview",
     RpcPermission(frozenset({"app.bsky.feed.getTimeline"}), AUD)),
    ("rpc?lxm=app.bsky.feed.getTimeline&lxm=app.bsky.feed.getPosts&aud=*",
     RpcPermission(frozenset({"app.bsky.feed.getTimeline", "app.bsky.feed.getPosts"}), "*")),
    ("rpc:*?aud=did:web:api.bsky.app%23bsky_appview", RpcPermission(frozenset({"*"}), AUD)),
    ("blob:image/*", BlobPermission(("image/*",))),
    ("blob?accept=image/png&accept=video/*", BlobPermission(("image/png", "video/*"))),
    ("blob:*/*", BlobPermission(("*/*",))),
])
def test_parses(token: str, expected: object) -> None:
    assert parse_permission(token) == expected


@pytest.mark.parametrize("token", [
    "atproto", "transition:generic", "include:app.bsky.authFullApp?aud=*",
    "repo", "repo:", "repo:not-an-nsid", "repo:app.bsky.feed.post?action=edit",
    "repo:app.bsky.feed.post?collection=app.bsky.feed.like",  # positional and named
    "repo:app.bsky.feed.post?color=red",
    "rpc:app.bsky.feed.getTimeline",  # no audience
    "rpc:*?aud=*",  # forbidden
    "rpc:app.bsky.feed.getTimeline?aud=did:web:api.bsky.app",  # no service fragment
    "rpc:app.bsky.feed.getTimeline?aud=a&aud=b",
    "blob:image", "blob:*/png", "blob:image/png/x", "blob?accept=",
])
def test_refuses(token: str) -> None:
    assert parse_permission(token) is None


def test_matching() -> None:
    scopes = Scopes("atproto repo:app.bsky.feed.post?action=create blob:image/* "
                    "rpc?lxm=app.bsky.feed.getTimeline&aud=* "
                    f"rpc:app.bsky.actor.getProfile?aud={AUD.replace('#', '%23')}")
    assert scopes.granular and not scopes.transition_generic
    assert scopes.allows_repo("app.bsky.feed.post", "create")
    assert not scopes.allows_repo("app.bsky.feed.post", "delete")
    assert not scopes.allows_repo("app.bsky.feed.like", "create")
    assert scopes.allows_blob("image/png") and not scopes.allows_blob("video/mp4")
    assert not scopes.allows_blob("image/*")  # a pattern is not a MIME type
    assert scopes.allows_rpc("app.bsky.feed.getTimeline", "did:plc:anything#bsky_appview")
    assert scopes.allows_rpc("app.bsky.actor.getProfile", AUD)
    assert not scopes.allows_rpc("app.bsky.actor.getProfile", "did:web:other#bsky_appview")
    assert not scopes.allows_rpc("app.bsky.feed.getPosts", AUD)


def test_transition_generic_allows_all_but_chat() -> None:
    scopes = Scopes("atproto transition:generic")
    assert not scopes.granular
    assert scopes.allows_repo("app.bsky.graph.block", "delete")
    assert scopes.allows_blob("video/mp4")
    assert scopes.allows_rpc("app.bsky.feed.getTimeline", AUD)
    assert not scopes.allows_rpc("chat.bsky.convo.listConvos", "did:web:api.bsky.chat#bsky_chat")


def test_union_keeps_order_and_drops_duplicates() -> None:
    scopes = Scopes("atproto  blob:image/*").union(["blob:image/*", "repo:app.bsky.feed.like"])
    assert str(scopes) == "atproto blob:image/* repo:app.bsky.feed.like"
    assert "repo:app.bsky.feed.like" in scopes


def test_missing_scope_from_the_servers_message() -> None:
    message = 'Missing required scope "repo:app.bsky.feed.like?action=create"'
    assert missing_scope(message) == "repo:app.bsky.feed.like?action=create"
    assert missing_scope("Forbidden") is None


@pytest.mark.parametrize(("supported", "granular"), [
    (["atproto", "transition:email", "transition:generic", "transition:chat.bsky"], True),
    (["atproto", "transition:generic", "transition:chat.bsky"], False),
    (["atproto", "transition:generic", "repo", "rpc", "blob"], True),
    (["atproto"], True),
    ([], True),
])
def test_granular_support_from_metadata(supported: list[str], granular: bool) -> None:
    assert granular_supported(supported) is granular
