"""SIGKILL a process at random points while it saves sessions: never torn, orphans cleaned."""

from __future__ import annotations

import hashlib
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import secretstorage

from desktop_app.platform import KeyringSessionStore, service_name
from tests.support.keychain import DID, sample_session
from tests.support.secret_service import SecretService

ROOT = Path(__file__).resolve().parents[2]
KILLS = 40


async def test_sigkill_during_saves_leaves_old_or_new(
    secret_service: SecretService, tmp_path: Path
) -> None:
    rng = random.Random(20261122)
    env = {**os.environ, **secret_service.env, "PYTHONPATH": str(ROOT)}
    announced: dict[str, tuple[int, str]] = {}  # access digest -> (generation, jkt)
    saved_max = -1
    generation = 0
    outcomes = {"old": 0, "new": 0}
    orphaned = 0
    for _ in range(KILLS):
        child = subprocess.Popen(
            [sys.executable, str(ROOT / "tests/platform/crash_saver.py"), str(tmp_path),
             str(generation)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True,
        )
        assert child.stdout is not None
        # Let it complete one save, then kill it at a random moment (a save takes ≈ 90 ms).
        lines: list[str] = []
        while not lines or not lines[-1].startswith("saved"):
            line = child.stdout.readline()
            assert line, child.stderr.read() if child.stderr else ""
            lines.append(line)
        time.sleep(rng.uniform(0.0, 0.2))
        child.send_signal(signal.SIGKILL)
        # Keep reading the same buffered stream: `readline` may already hold later lines in
        # its buffer, which `communicate()` (raw fd reads) would silently skip.
        out = child.stdout.read()
        child.wait(timeout=30)
        child.stdout.close()
        if child.stderr is not None:
            child.stderr.close()
        for line in [*lines, *out.splitlines()]:
            parts = line.split()
            if len(parts) == 3:
                announced[parts[1]] = (int(parts[0]), parts[2])
            elif len(parts) == 2 and parts[0] == "saved":
                saved_max = max(saved_max, int(parts[1]))
        loaded = await KeyringSessionStore(tmp_path).get(DID)
        if saved_max < 0:
            continue
        assert loaded is not None
        digest = hashlib.sha256(loaded.tokens.access_token.encode()).hexdigest()
        assert digest in announced, "loaded tokens that were never written whole"
        gen, jkt = announced[digest]
        # Secret halves and public half all belong to the same session.
        assert loaded.generation == gen and loaded.dpop_key.thumbprint == jkt
        assert gen in (saved_max, saved_max + 1)
        outcomes["new" if gen > saved_max else "old"] += 1
        generation = max(announced[d][0] for d in announced) + 1
        entries = keychain_entries(tmp_path)
        if set(entries) - committed(json.loads(entries[f"session/{DID}"])):
            orphaned += 1  # this kill left a half-written save behind
    assert sum(outcomes.values()) == KILLS
    # Kills landed both before and after commit points.
    assert outcomes["old"] > 0 and outcomes["new"] > 0, outcomes

    assert orphaned > 0, "no kill left anything to clean up"

    # One clean save removes everything the killed saves orphaned; sign-out removes the rest.
    store = KeyringSessionStore(tmp_path)
    await store.put(sample_session(generation))
    entries = keychain_entries(tmp_path)
    assert set(entries) == committed(json.loads(entries[f"session/{DID}"]))
    await store.delete(DID)
    assert keychain_entries(tmp_path) == {}


def committed(pointer: dict[str, Any]) -> set[str]:
    """The keys a whole committed session occupies: its pointer and its generation's chunks."""
    return {
        f"session/{DID}",
        *(f"session/{DID}/{pointer['gen']}/{field}/{index}"
          for field, count in pointer["chunks"].items() for index in range(count)),
    }


def keychain_entries(data_dir: Path) -> dict[str, str]:
    """Every item of this profile in the Secret Service, by key (what `keyring` cannot list)."""
    connection = secretstorage.dbus_init()
    try:
        collection = secretstorage.get_default_collection(connection)
        return {
            item.get_attributes()["username"]: item.get_secret().decode()
            for item in collection.search_items({"service": service_name(data_dir)})
        }
    finally:
        connection.close()
