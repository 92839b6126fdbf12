"""Fixtures for the reference-PDS harness: a shared network, per-test networks with knobs, full."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NoReturn

import pytest

from tests.e2e.fullnet import BackendUnavailableError
from tests.e2e.harness import (
    HarnessUnavailableError,
    NodeTooling,
    PdsKnobs,
    PdsNetwork,
    find_node_tooling,
    running_full_network,
    start_network,
)

E2E_DIR = Path(__file__).parent

PdsFactory = Callable[..., PdsNetwork]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if E2E_DIR in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.e2e)


def unavailable(reason: str) -> NoReturn:
    """Skip on a developer machine that can't run the harness; on CI (`CI` set) fail instead."""
    if os.environ.get("CI"):
        pytest.fail(f"harness unavailable on CI: {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def node_tooling() -> NodeTooling:
    try:
        return find_node_tooling()
    except HarnessUnavailableError as exc:
        unavailable(str(exc))


@pytest.fixture(scope="session")
def pds(node_tooling: NodeTooling) -> Iterator[PdsNetwork]:
    """The default network (PLC + PDS, accounts alice.test and bob.test), shared by the session."""
    net = start_network(tooling=node_tooling)
    try:
        yield net
    finally:
        net.stop()


@pytest.fixture
def pds_factory(node_tooling: NodeTooling) -> Iterator[PdsFactory]:
    """`pds_factory(knobs)` or `pds_factory(access_token_lifetime=5, ...)`: a network just for
    this test, stopped when it ends."""
    started: list[PdsNetwork] = []

    def factory(knobs: PdsKnobs | None = None, **kwargs: Any) -> PdsNetwork:
        if knobs is not None and kwargs:
            raise TypeError("pass either a PdsKnobs or keyword knobs")
        net = start_network(knobs or PdsKnobs(**kwargs), tooling=node_tooling)
        started.append(net)
        return net

    try:
        yield factory
    finally:
        for net in reversed(started):
            net.stop()


@pytest.fixture(scope="session")
def full_network(node_tooling: NodeTooling) -> Iterator[PdsNetwork]:
    """PLC + PDS + AppView (bsky) + Ozone on a private PostgreSQL and Redis."""
    try:
        ctx = running_full_network(tooling=node_tooling)
        net = ctx.__enter__()
    except BackendUnavailableError as exc:
        unavailable(str(exc))
    try:
        yield net
    finally:
        ctx.__exit__(None, None, None)
