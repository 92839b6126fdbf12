"""Fixtures for OS-integration tests: a private Secret Service (real gnome-keyring)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import keyring
import pytest

from tests.platform.secret_service import (
    SecretService,
    SecretServiceUnavailableError,
    running_secret_service,
)
from tests.platform.xvfb import XvfbUnavailableError, running_xvfb


@pytest.fixture
def secret_service() -> Iterator[SecretService]:
    """A real Secret Service on a private bus; `keyring` talks to it for the test's duration."""
    try:
        with running_secret_service() as service:
            backend = keyring.get_keyring()
            assert type(backend).__module__ == "keyring.backends.SecretService", backend
            yield service
    except SecretServiceUnavailableError as exc:
        if os.environ.get("CI"):
            pytest.fail(f"Secret Service unavailable on CI: {exc}", pytrace=False)
        pytest.skip(str(exc))


@pytest.fixture
def display() -> Iterator[str]:
    """A private Xvfb display (`:N`) for tests that need a real X server."""
    try:
        with running_xvfb() as value:
            yield value
    except XvfbUnavailableError as exc:
        if os.environ.get("CI"):
            pytest.fail(str(exc), pytrace=False)
        pytest.skip(str(exc))
