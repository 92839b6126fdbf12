"""The shared test fixtures, loaded once as a pytest plugin (`pytest_plugins` in conftest.py):
reference-PDS networks, a private Secret Service, a private X display, an accessibility bus."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from typing import Any, NoReturn

import keyring
import pytest

from tests.support.atspi import AtSpiBus, AtSpiUnavailableError, running_atspi
from tests.support.fullnet import BackendUnavailableError
from tests.support.harness import (
    HarnessUnavailableError,
    NodeTooling,
    PdsKnobs,
    PdsNetwork,
    find_node_tooling,
    running_full_network,
    start_network,
)
from tests.support.person import Person
from tests.support.secret_service import (
    SecretService,
    SecretServiceUnavailableError,
    running_secret_service,
)
from tests.support.xvfb import XvfbUnavailableError, running_xvfb

PdsFactory = Callable[..., PdsNetwork]


def unavailable(reason: str) -> NoReturn:
    """Skip on a developer machine that can't run a part; on CI (`CI` set) fail instead."""
    if os.environ.get("CI"):
        pytest.fail(f"unavailable on CI: {reason}", pytrace=False)
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
    """PLC + PDS + AppView (bsky) + Ozone on a private PostgreSQL and Redis. The provider knows
    the packaged app's client (its metadata served on loopback), so the frozen app signs in."""
    from desktop_app.app import app_client
    from tests.support.oauth import packaged_client_id, serve_client_metadata

    client_id = packaged_client_id()
    with serve_client_metadata(app_client(client_id)) as metadata_url:
        try:
            ctx = running_full_network(PdsKnobs(client_metadata_map={client_id: metadata_url}),
                                       tooling=node_tooling)
            net = ctx.__enter__()
        except BackendUnavailableError as exc:
            unavailable(str(exc))
        try:
            yield net
        finally:
            ctx.__exit__(None, None, None)


@pytest.fixture
def secret_service() -> Iterator[SecretService]:
    """A real Secret Service on a private bus; `keyring` talks to it for the test's duration."""
    try:
        with running_secret_service() as service:
            backend = keyring.get_keyring()
            assert type(backend).__module__ == "keyring.backends.SecretService", backend
            yield service
    except SecretServiceUnavailableError as exc:
        unavailable(f"Secret Service: {exc}")


@pytest.fixture
def display() -> Iterator[str]:
    """A private Xvfb display (`:N`) for tests that need a real X server."""
    try:
        with running_xvfb() as value:
            yield value
    except XvfbUnavailableError as exc:
        unavailable(str(exc))


@pytest.fixture
def person(display: str) -> Person:
    """Someone at a private X display with a keyboard (xdotool)."""
    if shutil.which("xdotool") is None:
        unavailable("xdotool is not installed")
    return Person(display)


@pytest.fixture
def atspi(secret_service: SecretService, person: Person) -> Iterator[AtSpiBus]:
    """An accessibility bus (and its registry) on the test's session bus and display."""
    try:
        with running_atspi(secret_service.env, person.display) as bus:
            yield bus
    except AtSpiUnavailableError as exc:
        unavailable(f"AT-SPI: {exc}")
