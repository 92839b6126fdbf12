"""Light and dark, and zoom, in the real app under Xvfb: the `theme` setting paints it dark
with a saved account; Ctrl+= and Ctrl+0 change the posts' text size, remembered for the next
launch; `?` lists the keys."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from tests.support.app_process import PAINTED, running_app
from tests.support.harness import PdsNetwork
from tests.support.launches import ROOT, Household, log_of, quit_with_keys, signed_in_env
from tests.support.person import Person
from tests.support.secret_service import SecretService

APP = [sys.executable, "-m", "desktop_app"]
pytestmark = pytest.mark.fullnetwork


def test_dark_by_setting_and_zoom_remembered(
    full_network: PdsNetwork, secret_service: SecretService, person: Person, tmp_path: Path,
) -> None:
    household = Household.seeded(full_network)
    env = signed_in_env(full_network, secret_service, tmp_path / "profile", person,
                        household.reader)
    config = Path(env["DESKTOP_APP_HOME"]) / "config"
    config.mkdir(parents=True, exist_ok=True)
    (config / "settings.json").write_text(json.dumps({"theme": "dark"}))
    log = log_of(env)
    with running_app(APP, env, log, cwd=ROOT, started="app started with 1 account(s)",
                     quit_with=quit_with_keys(person)) as app:
        assert "colour scheme: dark (setting: dark)" in app.log_text()
        app.wait_for(PAINTED, "the home timeline", timeout=30)
        person.focus()
        person.key("ctrl+equal")
        app.wait_for("text size 110%", "larger text")
        person.screenshot("look-dark-110.png")
        person.key("question")  # the list of keys
        app.wait_for("keyboard shortcuts shown", "the keys, listed")
        person.screenshot("look-dark-keys.png")
        person.key("Escape")
    with running_app(APP, env, log, cwd=ROOT, started="app started with 1 account(s)",
                     quit_with=quit_with_keys(person)) as app:
        app.wait_for(PAINTED, "the home timeline", timeout=30)
        person.focus()
        person.key("ctrl+equal")
        app.wait_for("text size 125%", "one step up from the size kept")
        person.key("ctrl+0")
        app.wait_for("text size 100%", "the system's size again")
