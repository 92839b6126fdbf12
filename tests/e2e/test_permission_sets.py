"""Permission sets (`include:`) on the offline harness: refused unless published locally.

The app asks for explicit permission scopes (docs/decisions.md); the harness can still publish
a set so that `benchmarks/permissions.py` measures one against them.
"""

from __future__ import annotations

import pytest

from desktop_app.atproto.oauth import ClientConfig, ParRejectedError, Scopes
from tests.fixtures import PdsFactory
from tests.support.harness import PdsNetwork
from tests.support.oauth import DEV_REDIRECT, _any_port, oauth_client, sign_in

SET = "include:app.bsky.authFullApp?aud=did:web:api.bsky.app%23bsky_appview"
SCOPE = f"atproto {SET} blob:image/*"


async def test_an_unpublished_permission_set_is_refused_at_par(pds: PdsNetwork) -> None:
    async with oauth_client(pds, config=ClientConfig.development(scope=SCOPE)) as (client, _):
        with pytest.raises(ParRejectedError) as info:
            await client.start_sign_in(pds.alice.handle,
                                       redirect_uri=DEV_REDIRECT.format(port=_any_port()))
    assert info.value.error == "invalid_scope"
    assert "app.bsky.authFullApp" in info.value.description


async def test_a_locally_published_permission_set_is_granted_expanded(
    pds_factory: PdsFactory,
) -> None:
    net = pds_factory(permission_sets=["app.bsky.authFullApp"])
    assert net.lexicon_authority is not None
    async with oauth_client(net, config=ClientConfig.development(scope=SCOPE)) as (client, _):
        session = await sign_in(client, net.alice)
    granted = Scopes(session.scope)
    # The server grants the set's own permissions, with the audience the request named.
    assert granted.allows_repo("app.bsky.feed.post", "create")
    assert granted.allows_rpc("app.bsky.feed.getTimeline", "did:web:api.bsky.app#bsky_appview")
    assert not granted.allows_rpc("app.bsky.feed.getTimeline", "did:web:other#bsky_appview")
    assert granted.allows_blob("image/png") and not granted.transition_generic
