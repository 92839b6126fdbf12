"""Fixtures of the bsky tests: a fake PDS and an agent signed in to it."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest

from desktop_app.bsky import Agent
from tests.support.agent import agent_at
from tests.support.http_server import FakeHttpServer

DID = "did:plc:ewvi7nxzyoun6zhxrhs64oiz"
NOW = 1_700_000_000.0  # 2023-11-14T22:13:20Z


@pytest.fixture
def pds() -> Iterator[FakeHttpServer]:
    with FakeHttpServer() as server:
        yield server


@pytest.fixture
async def agent(pds: FakeHttpServer) -> AsyncIterator[Agent]:
    async with agent_at(pds.url, clock=lambda: NOW, did=DID) as signed_in:
        yield signed_in
