"""The window in Japanese and Brazilian Portuguese, in the real app under Xvfb with a saved
account: by the `language` setting, and by the system's locale; screenshots of each. In
Japanese, read over AT-SPI: the rail's words, and a sentence the Qt-free app layer makes
("Posted." after a post sent from the keyboard) as the status bar says it, and as announced
to a screen reader."""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from desktop_app.ui.lang import CATALOGUES
from tests.support.app_process import PAINTED, POSTED, running_app
from tests.support.atspi import APP_ENV, AtSpiBus, Node
from tests.support.harness import PdsNetwork
from tests.support.launches import ROOT, Household, log_of, quit_with_keys, signed_in_env
from tests.support.person import ARTIFACTS, Person
from tests.support.secret_service import SecretService
from tests.support.waiting import wait_until

APP = [sys.executable, "-m", "desktop_app"]
pytestmark = pytest.mark.fullnetwork


def translation(lang: str, source: str, comment: str | None = None) -> str:
    """What the shipped catalogue of `lang` says for `source`."""
    root = ET.parse(CATALOGUES / f"app_{lang}.ts").getroot()
    for message in root.iter("message"):
        if message.findtext("source") == source and message.findtext("comment") == comment:
            text = message.findtext("translation")
            assert text, f"{lang}: {source!r} is not translated"
            return text
    raise AssertionError(f"{lang}: {source!r} is not in the catalogue")


def status_says(atspi: AtSpiBus, pid: int, text: str) -> Node | None:
    tree = atspi.walk(pid, save=ARTIFACTS / "accessibility-ja.json")
    return next((n for _, n in tree.walk() if n.role == "status bar" and n.name == text), None)


def test_japanese_by_setting_and_portuguese_by_locale(
    full_network: PdsNetwork, secret_service: SecretService, person: Person, atspi: AtSpiBus,
    tmp_path: Path,
) -> None:
    household = Household.seeded(full_network)
    env = signed_in_env(full_network, secret_service, tmp_path / "profile", person,
                        household.reader, **APP_ENV)
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
        tree = atspi.walk(app.process.pid, save=ARTIFACTS / "accessibility-ja.json")
        home = translation("ja", "Home", "place")
        assert any(n.role == "push button" and n.name.endswith(home) for _, n in tree.walk())
        posted = translation("ja", "Posted.")
        assert posted != "Posted."
        ear = atspi.hearing(app.process.pid, posted)
        person.key("n")
        person.type("Hello from Japanese")
        person.key("ctrl+Return")
        app.wait_for(POSTED, "the post", timeout=60)
        assert posted in ear.heard()  # announced: a screen reader says it unasked
        wait_until(lambda: status_says(atspi, app.process.pid, posted),
                   f"the status bar saying {posted!r}", timeout=10, interval=0.5)

    settings.write_text(json.dumps({}))
    brazil = {**env, "LANG": "pt_BR.UTF-8", "LC_ALL": "pt_BR.UTF-8", "LANGUAGE": "pt_BR"}
    with running_app(APP, brazil, log, cwd=ROOT, started="app started with 1 account(s)",
                     quit_with=quit_with_keys(person)) as app:
        assert "interface language: pt_BR" in app.log_text()
        app.wait_for(PAINTED, "the home timeline", timeout=30)
        person.focus()
        person.screenshot("language-pt_BR.png")
