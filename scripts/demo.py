"""`scripts/run-app --demo`: the app on a private Bluesky network on this machine.

Starts the test harness's reference network (PDS + AppView on loopback, private PostgreSQL and
Redis), a private Secret Service (so nothing lands in your own keychain), seeds a few accounts
that follow each other, posts with images, links, mentions, hashtags and replies, likes,
reposts, a labelled post, and notifications waiting for you; a custom feed (a real feed
generator on loopback) and a list of your friends pinned beside Following, and a moderation
list; prints your handle and password; starts the app on a temporary profile. Ctrl+C or
closing the window stops everything and removes what it made.

    scripts/run-app --demo [--sign-in] [--no-app]

`--sign-in` signs you in before the window opens (the test harness's headless browser plays
you at the provider's page); `--no-app` seeds, prints and waits (for trying the CLI).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop_app.app import agent_for  # noqa: E402
from desktop_app.bsky import Agent, ImageUpload, PostView, next_tid, now_iso  # noqa: E402
from tests.support.harness import AccountSpec, PdsKnobs, PdsNetwork, running_full_network  # noqa: E402
from tests.support.images import png  # noqa: E402
from tests.support.oauth import browser_command, oauth_client, sign_in  # noqa: E402
from tests.support.secret_service import running_secret_service  # noqa: E402

YOU = AccountSpec("dana.test", "dana@example.com", "demo-password")
FRIENDS = (AccountSpec("alice.test", "alice@example.com", "alice-pass"),
           AccountSpec("bob.test", "bob@example.com", "bob-pass"),
           AccountSpec("carol.test", "carol@example.com", "carol-pass"))
# Follows nobody and nobody follows it; it is on your moderation list.
SPAMMER = AccountSpec("mallory.test", "mallory@example.com", "mallory-pass")
# The custom feed: posts that say "demo", newest first, from a feed generator alice runs.
FEED_RKEY = "demo-talk"
FEED_NAME = "Demo talk"
FRIENDS_LIST = "Demo friends"
MOD_LIST = "Spam accounts"


async def seed(net: PdsNetwork) -> None:
    """Accounts that follow each other, talk, and leave notifications for you."""
    async with contextlib.AsyncExitStack() as stack:
        agents: dict[str, Agent] = {}
        for account in net.accounts:
            client, _ = await stack.enter_async_context(oauth_client(net))
            session = await sign_in(client, account)
            agents[account.handle.split(".")[0]] = agent_for(client, session.did)
        you, alice, bob, carol = (agents[n] for n in ("dana", "alice", "bob", "carol"))
        mallory = agents["mallory"]
        for a in (you, alice, bob, carol):
            for b in (you, alice, bob, carol):
                if a is not b:
                    await a.follow(b.did)
        await you.update_seen()  # so what follows counts as new
        await alice.create_post("Welcome to the demo network! Everything here runs on your "
                                "machine. #bluesky #demo")
        await bob.create_post("Sunset from the balcony 🌇",
                              images=[ImageUpload(png(96, 64, (240, 120, 40)), "image/png",
                                                  "An orange sunset over rooftops", (96, 64))])
        await carol.create_post("Reading about how atproto works: https://atproto.com/guides/"
                                "overview — worth it. cc @alice.test")
        hello = await you.create_post("Hello, demo network! 👋 First post from the desktop app.")
        net.process_all()
        mine = await _wait_for(you, hello.uri)
        await alice.like(mine.ref)
        await bob.like(mine.ref)
        await carol.repost(mine.ref)
        reply = await alice.create_post("Welcome! Try opening this thread and replying.",
                                        reply_to=mine)
        await bob.create_post("@dana.test have you tried the search? Look for #demo.")
        net.process_all()
        await carol.create_post("Nice to meet you!", reply_to=await _wait_for(you, reply.uri))
        spoiler = await bob.create_post("Spoiler about the film's ending (labelled for you)")
        await mallory.create_post("Buy 10,000 followers today!!! Cheap, fast, real — DM me")
        net.process_all()
        net.label(spoiler.uri, "!warn", spoiler.cid)
        await feeds_and_lists(net, you, (alice, bob, carol), mallory)


async def feeds_and_lists(net: PdsNetwork, you: Agent, friends: tuple[Agent, ...],
                          spammer: Agent) -> None:
    """Alice's custom feed and a curate list of your friends pinned beside Following (kept
    after any preference already there), and a moderation list with the spammer on it."""
    feed = net.create_feed(net.account(FRIENDS[0].handle), FEED_RKEY, FEED_NAME,
                           description="Everything said about the demo, newest first",
                           contains="demo")
    friends_list = await _list(you, FRIENDS_LIST, "app.bsky.graph.defs#curatelist",
                               "The people in this demo", [f.did for f in friends])
    await _list(you, MOD_LIST, "app.bsky.graph.defs#modlist", "Accounts that only sell things",
                [spammer.did])
    saved = [{"id": next_tid(), "type": "timeline", "value": "following", "pinned": True},
             {"id": next_tid(), "type": "feed", "value": feed, "pinned": True},
             {"id": next_tid(), "type": "list", "value": friends_list, "pinned": True}]
    current = await you.xrpc.query("app.bsky.actor.getPreferences", {})
    kept = [p for p in current["preferences"]
            if p.get("$type") != "app.bsky.actor.defs#savedFeedsPrefV2"]
    await you.xrpc.procedure("app.bsky.actor.putPreferences", body={"preferences": [
        *kept, {"$type": "app.bsky.actor.defs#savedFeedsPrefV2", "items": saved}]})
    net.process_all()


async def _list(owner: Agent, name: str, purpose: str, description: str,
                members: list[str]) -> str:
    """An `app.bsky.graph.list` of `owner` with `members` on it; its AT-URI."""
    async def create(collection: str, record: dict[str, Any]) -> str:
        data = await owner.xrpc.procedure("com.atproto.repo.createRecord", body={
            "repo": owner.did, "collection": collection,
            "record": {"$type": collection, **record, "createdAt": now_iso()}})
        return str(data["uri"])

    uri = await create("app.bsky.graph.list",
                       {"purpose": purpose, "name": name, "description": description})
    for did in members:
        await create("app.bsky.graph.listitem", {"subject": did, "list": uri})
    return uri


async def _wait_for(agent: Agent, uri: str) -> PostView:
    for _ in range(200):
        posts = await agent.posts([uri])
        if posts:
            return posts[0]
        await asyncio.sleep(0.1)
    raise RuntimeError(f"the AppView never indexed {uri}")


@contextlib.contextmanager
def temporary_profile() -> Iterator[Path]:
    home = Path(tempfile.mkdtemp(prefix="desktop-app-demo-"))
    try:
        yield home
    finally:
        shutil.rmtree(home, ignore_errors=True)


def app_env(net: PdsNetwork, profile: Path, keychain_env: dict[str, str]) -> dict[str, str]:
    return {
        **os.environ, **keychain_env, "PYTHONPATH": str(ROOT),
        "DESKTOP_APP_HOME": str(profile), "DESKTOP_APP_PLC_URL": net.plc_url,
        "DESKTOP_APP_HANDLE_RESOLVER": net.pds_url, "DESKTOP_APP_ALLOW_INSECURE_LOOPBACK": "1",
    }


def run(args: argparse.Namespace) -> int:
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    knobs = PdsKnobs(accounts=(YOU, *FRIENDS, SPAMMER))
    print("Starting the demo network (PDS, AppView, PostgreSQL, Redis) on loopback…",
          flush=True)
    with running_secret_service() as keychain, running_full_network(knobs) as net, \
            temporary_profile() as profile:
        asyncio.run(seed(net))
        env = app_env(net, profile, keychain.env)
        print(f"\nDemo network ready. Sign in as  {YOU.handle}  with password  {YOU.password}\n"
              f"(provider {net.pds_url}, profile {profile}; everything stops when you close "
              "the window or press Ctrl+C)\n", flush=True)
        if args.sign_in:
            env["BROWSER"] = browser_command(profile)
            env["DRIVER_USERNAME"], env["DRIVER_PASSWORD"] = YOU.handle, YOU.password
            subprocess.run([sys.executable, "-m", "desktop_app", "login", YOU.handle],  # noqa: S603
                           env=env, check=True, timeout=120)
            del env["BROWSER"]
        if args.no_app:
            print("demo ready", flush=True)
            stop.wait()
        else:
            run_app(env, stop)
    print("Demo stopped; nothing was left running or behind.", flush=True)
    return 0


def run_app(env: dict[str, str], stop: threading.Event) -> None:
    """The window, until it is closed or the demo is stopped."""
    app = subprocess.Popen([sys.executable, "-m", "desktop_app"], env=env)
    while app.poll() is None and not stop.wait(0.2):
        pass
    if app.poll() is None:
        app.send_signal(signal.SIGTERM)
        try:
            app.wait(30)
        except subprocess.TimeoutExpired:
            app.kill()
            app.wait()


def main() -> int:
    parser = argparse.ArgumentParser(prog="scripts/run-app --demo", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sign-in", action="store_true",
                        help="sign in before the window opens (headless)")
    parser.add_argument("--no-app", action="store_true",
                        help="seed the network and wait, without the window")
    return run(parser.parse_args())


if __name__ == "__main__":
    sys.exit(main())
