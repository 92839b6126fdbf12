"""The app's features and their scopes: coverage of every call, plain words, 403 mapping."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from desktop_app.atproto.oauth import Scopes
from desktop_app.bsky import (
    APP_SCOPE,
    BY_KEY,
    CLIENT_SCOPE,
    FEATURES,
    TRANSITION_SCOPE,
    Agent,
    PermissionMissingError,
    Permissions,
    describe,
    feature_needing,
    scope_with,
)
from tests.support.http_server import FakeHttpServer, json_reply

BSKY = Path(__file__).resolve().parents[2] / "desktop_app" / "bsky"
COLLECTIONS = {"app.bsky.feed.post", "app.bsky.feed.like", "app.bsky.feed.repost",
               "app.bsky.graph.follow", "app.bsky.graph.block", "app.bsky.graph.list",
               "app.bsky.graph.listitem", "app.bsky.graph.listblock"}
# Named in URIs, never written: feeds are made by their generators' owners, not by this app.
READ_ONLY = {"app.bsky.feed.generator"}
NOT_CALLS = {"app.bsky.embed.images", "app.bsky.embed.record", "app.bsky.embed.recordWithMedia"}


def test_every_method_the_app_calls_through_the_pds_is_in_a_feature() -> None:
    source = "\n".join(p.read_text() for p in BSKY.glob("_*.py") if p.name != "_permissions.py")
    literals = set(re.findall(r'"(app\.bsky\.[a-z]+\.[a-zA-Z]+)"', source))
    methods = literals - COLLECTIONS - NOT_CALLS - READ_ONLY
    assert methods, "found no calls: the pattern is stale"
    scopes = Scopes(APP_SCOPE)
    assert sorted(m for m in methods if not scopes.allows_rpc(m)) == []
    assert all(scopes.allows_repo(c, a) for c in COLLECTIONS for a in ("create", "delete"))
    assert not scopes.allows_repo("app.bsky.feed.post", "update")  # nothing edited in place
    assert not scopes.allows_repo("app.bsky.actor.profile", "create")
    assert not scopes.allows_repo("app.bsky.feed.generator", "create")
    assert scopes.allows_repo("app.bsky.graph.list", "update")  # a list renamed
    assert not scopes.allows_repo("app.bsky.graph.listitem", "update")
    assert not scopes.allows_rpc("chat.bsky.convo.listConvos")
    assert scopes.allows_blob("image/webp") and not scopes.allows_blob("video/mp4")


def test_scope_strings() -> None:
    tokens = APP_SCOPE.split(" ")
    assert tokens[0] == "atproto" and not [t for t in tokens if t.startswith("transition:")]
    assert all(Scopes(t).permissions for t in tokens[1:])  # each token parses
    assert "rpc:*?aud=*" not in APP_SCOPE and "*?aud=*" not in APP_SCOPE
    assert set(CLIENT_SCOPE.split(" ")) == {*tokens, "transition:generic"}
    assert TRANSITION_SCOPE == "atproto transition:generic"
    assert Permissions.of(APP_SCOPE).missing == ()
    assert Permissions.of(APP_SCOPE).mode == "granular"


def test_plain_words() -> None:
    assert Permissions.of(APP_SCOPE).text() == (
        "Post, like, repost, follow, mute and block as you; read your timeline and "
        "notifications; upload images; keep your drafts on your account; pin and save custom "
        "feeds; make lists and subscribe to moderation lists; bookmark posts")
    assert describe(["read"]) == "Read your timeline"
    assert describe(["like", "images"]) == "Like as you; upload images"
    assert Permissions.of("atproto").text() == "Nothing beyond knowing who you are"
    full = Permissions.of(TRANSITION_SCOPE)
    assert full.mode == "transition" and full.missing == ()
    assert "does not offer limited permissions" in full.mode_text()
    assert BY_KEY["post"].sentence() == "Posting wasn't allowed when you signed in."
    # Each a whole sentence of its own (the window translates it as one), all said alike.
    assert all(f.sentence().endswith(" wasn't allowed when you signed in.") for f in FEATURES)
    assert len({f.sentence() for f in FEATURES}) == len(FEATURES)


def test_partial_grant_maps_onto_whole_features() -> None:
    granted = " ".join(("atproto", *BY_KEY["read"].scopes, *BY_KEY["images"].scopes))
    permissions = Permissions.of(granted)
    assert permissions.allowed == ("read", "images")
    assert set(permissions.missing) == {f.key for f in FEATURES} - {"read", "images"}
    # Create without delete is not the whole of posting.
    assert not Permissions.of("atproto repo:app.bsky.feed.post?action=create").allows("post")
    assert Permissions.of("atproto repo:*").allows("like")


def test_scope_with_adds_only_what_is_missing() -> None:
    granted = " ".join(("atproto", *BY_KEY["read"].scopes))
    assert scope_with(granted, ["post", "read"]) == " ".join(
        (granted, *BY_KEY["post"].scopes))
    assert scope_with("", ["like"]).split(" ")[0] == "atproto"


@pytest.mark.parametrize(("scope", "feature"), [
    ("repo:app.bsky.feed.like?action=create", "like"),
    ("repo:app.bsky.feed.post?action=delete", "post"),
    ("rpc:app.bsky.feed.getTimeline?aud=did:plc:abc%23bsky_appview", "read"),
    ("rpc:app.bsky.notification.updateSeen?aud=did:web:api.bsky.app%23bsky_appview",
     "notifications"),
    ("rpc:app.bsky.graph.muteActor?aud=did:web:x%23bsky_appview", "moderate"),
    ("blob:image/png", "images"),
])
def test_the_feature_a_missing_scope_belongs_to(scope: str, feature: str) -> None:
    found = feature_needing(scope)
    assert found is not None and found.key == feature


def test_unknown_missing_scopes() -> None:
    assert feature_needing("repo:app.bsky.actor.profile?action=update") is None
    assert feature_needing("garbage") is None


async def test_a_403_scope_missing_error_names_the_feature(agent: Agent,
                                                           pds: FakeHttpServer) -> None:
    pds.route("POST", "/xrpc/com.atproto.repo.createRecord", json_reply(
        {"error": "ScopeMissingError",
         "message": 'Missing required scope "repo:app.bsky.feed.like?action=create"'}, 403))
    from desktop_app.bsky import StrongRef

    with pytest.raises(PermissionMissingError) as info:
        await agent.like(StrongRef("at://did:plc:abc/app.bsky.feed.post/3k", "bafy"))
    assert info.value.feature == "like"
    assert info.value.scope == "repo:app.bsky.feed.like?action=create"
    assert info.value.message == "Liking wasn't allowed when you signed in."
    assert info.value.sentence.template == BY_KEY["like"].sentence()
    assert info.value.status == 403


@pytest.mark.parametrize("extra", [
    "repo:*", "repo:app.bsky.feed.post?action=update", "repo:app.bsky.actor.profile",
    "rpc:app.bsky.graph.muteThread?aud=*", "rpc:*?aud=did:web:api.bsky.app%23bsky_appview",
    "blob:*/*", "blob:video/mp4", "transition:email", "transition:chat.bsky",
    "include:app.bsky.authFullApp?aud=did:web:api.bsky.app%23bsky_appview", "account:email",
])
def test_a_grant_wider_than_asked_is_said_plainly(extra: str) -> None:
    granted = Permissions.of(f"{APP_SCOPE} {extra}")
    assert granted.missing == () and granted.beyond == (extra,)
    assert granted.mode_text() == "More than this app uses was granted"
    assert "only what this app uses" not in granted.mode_text().lower()
    said = granted.as_json()  # `accounts --json` says it too
    assert said["beyond"] == [extra] and said["mode_text"] == granted.mode_text()


@pytest.mark.parametrize("scope", [
    APP_SCOPE,
    " ".join(("atproto", *BY_KEY["read"].scopes)),  # less than asked
    "atproto rpc:app.bsky.feed.getTimeline?aud=did:web:api.bsky.app%23bsky_appview",
    "atproto repo:app.bsky.feed.like?action=create blob:image/png",
])
def test_what_the_app_uses_or_less_is_only_what_it_uses(scope: str) -> None:
    assert Permissions.of(scope).beyond == ()
    assert Permissions.of(scope).mode_text() == "Only what this app uses"


def test_full_access_with_more_still() -> None:
    assert Permissions.of(TRANSITION_SCOPE).beyond == ()
    chat = Permissions.of(f"{TRANSITION_SCOPE} transition:chat.bsky")
    assert chat.beyond == ("transition:chat.bsky",)
    assert chat.mode_text() == "Full access, and more than this app uses was granted"
