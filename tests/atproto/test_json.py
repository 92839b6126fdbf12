"""Outside JSON: a recursion bomb under the size cap is a typed error everywhere it is parsed."""

from __future__ import annotations

import pytest

from desktop_app.atproto import Fields, ResponseFormatError, loads
from desktop_app.atproto.oauth import MetadataError
from tests.support.atproto_world import HANDLE, REDIRECT, fake_world
from tests.support.http_server import Reply

BOMB = b"[" * 60_000  # 60 KB, far under every size cap


@pytest.mark.parametrize("data", [BOMB, b'{"a":' * 20_000, b"[" * 600 + b"]" * 600])
def test_deep_nesting_is_a_format_error(data: bytes) -> None:
    with pytest.raises(ResponseFormatError, match=r"nests too deeply|not valid JSON"):
        loads(data, "test")


def test_ordinary_depth_is_fine() -> None:
    value = loads(b"[" * 100 + b"]" * 100, "test")
    for _ in range(99):
        value = value[0]
    assert value == []


@pytest.mark.parametrize("path", ["/.well-known/oauth-protected-resource",
                                  "/.well-known/oauth-authorization-server"])
async def test_a_hostile_server_answering_a_bomb_gets_a_typed_error(path: str) -> None:
    async with fake_world() as (world, client):
        world.server.route("GET", path, Reply(200, BOMB, {"content-type": "application/json"}))
        with pytest.raises(MetadataError, match=r"nests too deeply|not valid JSON"):
            await client.start_sign_in(HANDLE, redirect_uri=REDIRECT)


@pytest.mark.parametrize("data", [b'{"expires_in": NaN}', b'{"a": Infinity}', b"[-Infinity]"])
def test_nan_and_infinity_are_not_json(data: bytes) -> None:
    # Python's json takes them by default; JSON (RFC 8259) has no such literals.
    with pytest.raises(ResponseFormatError, match="not valid JSON"):
        loads(data, "test")


@pytest.mark.parametrize("data", [b'{"n": 1e400}', b'{"n": -1e400}',
                                  b'{"n": 1' + b"0" * 400 + b"}"])
def test_a_number_too_large_for_a_float_is_not_a_number(data: bytes) -> None:
    with pytest.raises(ResponseFormatError, match="finite number"):
        Fields(loads(data, "test"), "test").number("n")
    assert Fields({"n": 2.5}, "test").number("n") == 2.5
