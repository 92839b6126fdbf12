"""Which scope a sign-in asks for, the fallback to the transition scope, and partial grants."""

from __future__ import annotations

import pytest

from desktop_app.atproto.oauth import ClientConfig, ClientConfigError, ParRejectedError
from tests.support.atproto_world import HANDLE, REDIRECT, fake_world
from tests.support.http_server import Recorded, Reply, json_reply

GRANULAR = "atproto repo:app.bsky.feed.post?action=create blob:image/*"
TRANSITION = "atproto transition:generic"
CONFIG = ClientConfig.development(scope=f"{GRANULAR} transition:generic",
                                  request_scope=GRANULAR, fallback_scope=TRANSITION)
REFERENCE_SCOPES = ["atproto", "transition:email", "transition:generic", "transition:chat.bsky"]


def par_scopes(world: object) -> list[str]:
    server = world.server  # type: ignore[attr-defined]
    return [r.form()["scope"] for r in server.requests_to("/oauth/par")]


async def test_a_server_like_the_reference_is_asked_for_permission_scopes() -> None:
    async with fake_world(config=CONFIG) as (world, client):
        world.as_meta["scopes_supported"] = REFERENCE_SCOPES
        await client.start_sign_in(HANDLE, redirect_uri=REDIRECT)
        assert par_scopes(world) == [GRANULAR]


async def test_a_server_without_permission_scopes_is_asked_for_the_transition_scope() -> None:
    async with fake_world(config=CONFIG) as (world, client):
        world.as_meta["scopes_supported"] = ["atproto", "transition:generic"]
        start = await client.start_sign_in(HANDLE, redirect_uri=REDIRECT)
        assert par_scopes(world) == [TRANSITION]
        session = await client.complete_sign_in(world.callback(start.state))
        assert session.scope == world.token["scope"]


async def test_a_refusal_of_permission_scopes_falls_back_once() -> None:
    async with fake_world(config=CONFIG) as (world, client):
        world.as_meta["scopes_supported"] = REFERENCE_SCOPES
        ok = world.server.routes[("POST", "/oauth/par")]
        assert callable(ok)

        def par(request: Recorded) -> Reply:
            if "transition:generic" in request.form()["scope"]:
                return ok(request)
            return world.with_nonce(json_reply(
                {"error": "invalid_scope", "error_description": "Unsupported scope"}, 400))

        world.server.route("POST", "/oauth/par", par)
        await client.start_sign_in(HANDLE, redirect_uri=REDIRECT)
        assert par_scopes(world) == [GRANULAR, TRANSITION]


async def test_an_explicit_scope_is_never_swapped() -> None:
    async with fake_world(config=CONFIG) as (world, client):
        world.server.route("POST", "/oauth/par", lambda _: world.with_nonce(json_reply(
            {"error": "invalid_scope", "error_description": "no"}, 400)))
        with pytest.raises(ParRejectedError):
            await client.start_sign_in(HANDLE, redirect_uri=REDIRECT, scope=GRANULAR)
        assert par_scopes(world) == [GRANULAR]


async def test_a_partial_grant_keeps_the_session() -> None:
    async with fake_world(config=CONFIG) as (world, client):
        world.as_meta["scopes_supported"] = REFERENCE_SCOPES
        start = await client.start_sign_in(HANDLE, redirect_uri=REDIRECT)
        world.token["scope"] = "atproto blob:image/*"
        session = await client.complete_sign_in(world.callback(start.state))
        assert session.scope == "atproto blob:image/*"
        assert await client.sessions.get(session.did) is not None
        assert world.server.count("/oauth/revoke") == 0


def test_request_and_fallback_scopes_must_be_registered() -> None:
    with pytest.raises(ClientConfigError):
        ClientConfig.development(scope=GRANULAR, fallback_scope=TRANSITION)
    with pytest.raises(ClientConfigError):
        ClientConfig.development(scope=TRANSITION, request_scope="atproto blob:image/*")
