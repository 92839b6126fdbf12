"""What is typed survives a crash: the real app under Xvfb, a person typing, SIGKILL, and the
next launch offering the post back exactly (which then goes out, and its draft with it)."""

from __future__ import annotations

import json
import secrets
import sys
import time
from pathlib import Path

import pytest

from tests.support.app_process import PAINTED, POSTED, running_app
from tests.support.cli import cli, ok
from tests.support.fault_proxy import record_data
from tests.support.harness import PdsNetwork
from tests.support.launches import ROOT, Household, log_of, quit_with_keys, signed_in_env
from tests.support.person import Person
from tests.support.secret_service import SecretService
from tests.support.seed import author_feed, indexed
from tests.support.waiting import wait_until

APP = [sys.executable, "-m", "desktop_app"]
SAVE_BUDGET = 1.0  # seconds from a keystroke to the draft on disk (the promise)
pytestmark = pytest.mark.fullnetwork


def on_disk(profile: Path) -> str:
    return "".join(p.read_text(encoding="utf-8") for p in profile.rglob("drafts.json"))


def test_a_post_being_typed_survives_sigkill(
    full_network: PdsNetwork, secret_service: SecretService, person: Person, tmp_path: Path,
) -> None:
    household = Household.seeded(full_network)
    profile = tmp_path / "profile"
    env = signed_in_env(full_network, secret_service, profile, person, household.reader)
    kept = f"Half a thought {secrets.token_hex(3)}"
    with running_app(APP, env, log_of(env), cwd=ROOT, timeout=60,
                     started="app started with 1 account(s)") as app:
        app.wait_for(PAINTED, "the home timeline", timeout=30)
        person.focus()
        person.key("n")
        person.type(kept)
        typed = time.monotonic()
        wait_until(lambda: kept in on_disk(profile), "the draft on disk", timeout=10)
        saved_after = time.monotonic() - typed
        person.type(" and then")  # still typing when the power goes
        app.kill()
    print(f"draft on disk {saved_after:.2f} s after the last keystroke")
    assert saved_after <= SAVE_BUDGET

    with running_app(APP, env, log_of(env), cwd=ROOT, timeout=60,
                     started="app started with 1 account(s)",
                     quit_with=quit_with_keys(person)) as app:
        app.wait_for("draft offered back", "the draft offered back", timeout=30)
        person.screenshot("draft-offered-back.png")
        person.focus()
        person.key("n")
        person.key("ctrl+Return")
        posted = app.wait_for(POSTED, "the post", timeout=60).group(1)
    indexed(full_network, household.reader.did, posted)
    text = author_feed(full_network, household.reader.did)[posted]
    # Everything typed up to the last save is there; what came after may be, whole or in part.
    assert text.startswith(kept) and (kept + " and then").startswith(text), text
    # Posted: its draft is done with, on this device and on the account.
    listed = json.loads(ok(cli(env, "drafts", "--json")))
    assert [row for row in listed if row["text"].startswith(kept)] == [], listed
    record_data("SIGKILL while typing (window)", 1, 0, 0, drafts_lost=0)
