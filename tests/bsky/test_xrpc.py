"""The XRPC client's own failures: a PDS address the network policy admits but no request can
be built for is that account's typed error, not an untyped crash of whatever called."""

from __future__ import annotations

import httpx
import pytest

from desktop_app.atproto import InvalidUrlError, NetworkPolicy
from desktop_app.bsky import XrpcClient
from desktop_app.errors import AppError


@pytest.mark.parametrize("pds", ["https://xn--zz.com", "https://xn--a.net"])
async def test_a_pds_url_no_request_can_be_built_for_is_a_typed_error(pds: str) -> None:
    async def lookup() -> str:
        return pds

    async with httpx.AsyncClient() as http:
        client = XrpcClient(http, NetworkPolicy(), httpx.Auth(), lookup)
        with pytest.raises(InvalidUrlError) as caught:
            await client.query("app.bsky.actor.getProfile", {"actor": "alice.test"})
    assert isinstance(caught.value, AppError) and caught.value.message
