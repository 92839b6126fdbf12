"""The window in Japanese and Brazilian Portuguese, in the real app under Xvfb with a saved
account: by the `language` setting, and by the system's locale; screenshots of each."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from tests.support.app_process import PAINTED, running_app
from tests.support.cli import cli, ok
from tests.support.harness import PdsNetwork
from tests.support.launches import ROOT, Household, app_env, log_of, quit_with_keys
from tests.support.person import Person
from tests.support.secret_service import SecretService

APP = [sys.executable, "-m", "desktop_app"]
pytestmark = pytest.mark.fullnetwork


def test_japanese_by_setting_and_portuguese_by_locale(
    full_network: PdsNetwork, secret_service: SecretService, person: Person, tmp_path: Path,
) -> None:
    household = Household.seeded(full_network)
    env = app_env(full_network, secret_service, tmp_path / "profile", person, household.reader)
    ok(cli(env, "login", household.reader.handle))
    settings = Path(env["DESKTOP_APP_HOME"]) / "config" / "settings.json"
    settings.parent.mkdir(parents=True, exist_ok=True)
    log = log_of(env)

    settings.write_text(json.dumps({"language": "ja"}))
    with running_app(APP, env, log, cwd=ROOT, started="app started with 1 account(s)",
                     quit_with=quit_with_keys(person)) as app:
        assert "interface language: ja" in app.log_text()
        app.wait_for(PAINTED, "the home timeline", timeout=30)
        person.focus()
        person.screenshot("language-ja.png")

    settings.write_text(json.dumps({}))
    brazil = {**env, "LANG": "pt_BR.UTF-8", "LC_ALL": "pt_BR.UTF-8", "LANGUAGE": "pt_BR"}
    with running_app(APP, brazil, log, cwd=ROOT, started="app started with 1 account(s)",
                     quit_with=quit_with_keys(person)) as app:
        assert "interface language: pt_BR" in app.log_text()
        app.wait_for(PAINTED, "the home timeline", timeout=30)
        person.focus()
        person.screenshot("language-pt_BR.png")
