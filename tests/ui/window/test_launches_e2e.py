"""Every launch and every quit, as people do them: the real `desktop-app` process under Xvfb
with a saved account (signed in from the window, or from the command line) on the full network.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.support.harness import PdsNetwork
from tests.support.launches import (
    Household,
    app_env,
    return_post_and_return,
    sign_in_in_the_window,
    signed_in_env,
)
from tests.support.person import Person
from tests.support.secret_service import SecretService

APP = [sys.executable, "-m", "desktop_app"]
pytestmark = pytest.mark.fullnetwork


def test_returning_user_signed_in_from_the_window(
    full_network: PdsNetwork, secret_service: SecretService, person: Person, tmp_path: Path,
) -> None:
    household = Household.seeded(full_network)
    env = app_env(full_network, secret_service, tmp_path / "profile", person, household.reader)
    sign_in_in_the_window(APP, env, person, household)
    returned = return_post_and_return(APP, env, person, household, shot_prefix="window")
    print(f"returning user: timeline painted {returned.painted_after:.2f} s after launch, "
          f"{returned.unread} unread")


def test_returning_user_signed_in_from_the_command_line(
    full_network: PdsNetwork, secret_service: SecretService, person: Person, tmp_path: Path,
) -> None:
    household = Household.seeded(full_network)
    env = signed_in_env(full_network, secret_service, tmp_path / "profile", person,
                        household.reader)
    returned = return_post_and_return(APP, env, person, household, shot_prefix="cli")
    print(f"returning user (CLI login): timeline painted {returned.painted_after:.2f} s after "
          f"launch, {returned.unread} unread")
