"""`scripts/run-app --demo`: starts a seeded private network and the app, stops it all cleanly."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.support.app_process import PAINTED, UNREAD, trouble, wait_until

ROOT = Path(__file__).resolve().parents[2]


def processes() -> dict[int, int]:
    """Every live process: pid -> parent pid."""
    out = subprocess.run(["ps", "-eo", "pid=,ppid="], capture_output=True, text=True).stdout
    return {int(pid): int(ppid) for pid, ppid in (line.split() for line in out.splitlines())}


def descendants(root: int) -> set[int]:
    tree = processes()
    found: set[int] = set()
    frontier = {root}
    while frontier:
        frontier = {pid for pid, parent in tree.items() if parent in frontier} - found
        found |= frontier
    return found


def check_feeds_and_lists(pds_url: str, handle: str, password: str) -> None:
    """Pinned beside Following: alice's custom feed (online, serving the posts that say
    "demo") and the curate list of friends; and a moderation list with its spammer on it."""
    with httpx.Client(base_url=f"{pds_url}/xrpc/", trust_env=False, timeout=30) as http:
        session = http.post("com.atproto.server.createSession",
                            json={"identifier": handle, "password": password})
        session.raise_for_status()
        http.headers["authorization"] = f"Bearer {session.json()['accessJwt']}"

        def get(nsid: str, **params: str) -> Any:
            r = http.get(nsid, params=params)
            assert r.status_code == 200, (nsid, r.text)
            return r.json()

        prefs = get("app.bsky.actor.getPreferences")["preferences"]
        saved = [p for p in prefs if p["$type"] == "app.bsky.actor.defs#savedFeedsPrefV2"]
        assert len(saved) == 1, prefs
        items = saved[0]["items"]
        assert [(i["type"], i["pinned"]) for i in items] == [
            ("timeline", True), ("feed", True), ("list", True)], items
        assert items[0]["value"] == "following"
        assert len({i["id"] for i in items}) == 3
        generator = get("app.bsky.feed.getFeedGenerator", feed=items[1]["value"])
        assert (generator["isOnline"], generator["isValid"]) == (True, True)
        assert generator["view"]["displayName"] == "Demo talk"
        feed = get("app.bsky.feed.getFeed", feed=items[1]["value"])["feed"]
        assert len(feed) >= 3, feed
        assert all("demo" in item["post"]["record"]["text"].lower() for item in feed), feed

        lists = {lst["uri"]: lst for lst in get("app.bsky.graph.getLists", actor=handle)["lists"]}
        curate = lists[items[2]["value"]]
        assert curate["purpose"] == "app.bsky.graph.defs#curatelist"
        members = get("app.bsky.graph.getList", list=curate["uri"])["items"]
        assert {m["subject"]["handle"] for m in members} == {"alice.test", "bob.test",
                                                             "carol.test"}
        [modlist] = [lst for lst in lists.values()
                     if lst["purpose"] == "app.bsky.graph.defs#modlist"]
        members = get("app.bsky.graph.getList", list=modlist["uri"])["items"]
        assert [m["subject"]["handle"] for m in members] == ["mallory.test"]


@pytest.mark.fullnetwork
def test_demo_starts_signs_in_and_stops_cleanly(node_tooling: object, tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONUNBUFFERED": "1"}
    output = tmp_path / "demo.out"
    with output.open("w") as sink:
        demo = subprocess.Popen([sys.executable, str(ROOT / "scripts" / "demo.py"), "--sign-in"],
                                stdout=sink, stderr=subprocess.STDOUT, env=env, cwd=ROOT,
                                text=True)
    try:
        wait_until(lambda: "profile " in output.read_text(), "the demo network", timeout=300,
                   process=demo)
        text = output.read_text()
        assert re.search(r"Sign in as\s+dana\.test\s+with password\s+\S+", text), text
        profile = Path(re.search(r"profile (\S+);", text).group(1))  # type: ignore[union-attr]
        log = profile / "logs" / "desktop-app.log"
        wait_until(lambda: log.exists() and "app started with 1 account(s)" in log.read_text(),
                   "the app, signed in", timeout=120, process=demo)
        # The demo opens on a painted timeline, with nobody pressing Refresh.
        painted = wait_until(lambda: PAINTED.search(log.read_text()),
                             "the home timeline painted", timeout=30, process=demo)
        assert int(painted.group(2)) > 0, painted.group(0)
        wait_until(lambda: UNREAD.search(log.read_text()), "the unread badge", timeout=60,
                   process=demo)
        text_of_log = log.read_text()
        assert not trouble(text_of_log), text_of_log
        provider = re.search(r"\(provider (\S+),", text).group(1)  # type: ignore[union-attr]
        password = re.search(r"with password\s+(\S+)", text).group(1)  # type: ignore[union-attr]
        check_feeds_and_lists(provider, "dana.test", password)
        started = descendants(demo.pid)  # the network, its databases, the keychain, the app
        assert len(started) >= 5, started
        demo.send_signal(signal.SIGINT)
        assert demo.wait(90) == 0, output.read_text()[-3000:]
    finally:
        if demo.poll() is None:
            demo.kill()
            demo.wait()
    assert "Demo stopped" in output.read_text()
    assert "Traceback" not in output.read_text(), output.read_text()[-3000:]
    assert not profile.exists()  # the temporary profile (and its keychain) went with it
    wait_until(lambda: not set(processes()) & started,
               f"everything the demo started to stop ({set(processes()) & started} left)",
               timeout=10, interval=0.2)
