"""Lists and feed pages on the reference network: a curate list made, renamed, a person added
and removed, deleted; a moderation list subscribed (mute, then block) takes its members' posts
out of the home timeline and search, and back when undone; a custom feed's page pins, saves
and likes it."""

from __future__ import annotations

import time

import pytest

from desktop_app.app import Moderator
from desktop_app.app.screens import (
    FeedPageScreen,
    HomeFeeds,
    HomeScreen,
    ProfileScreen,
    Publisher,
    SearchScreen,
    feed_screen,
)
from desktop_app.bsky import CURATE, MODERATION, Agent, Author, ListInfo, XrpcError
from tests.support.harness import PdsNetwork
from tests.support.oauth import agent_as
from tests.support.seed import Writer, indexed, new_account
from tests.support.waiting import eventually

pytestmark = pytest.mark.fullnetwork


def home_feeds(agent: Agent, moderator: Moderator) -> HomeFeeds:
    return HomeFeeds(agent, moderator, lambda item, name: feed_screen(agent, moderator, item,
                                                                      name))


async def test_a_curate_list_made_renamed_filled_emptied_deleted(
    full_network: PdsNetwork,
) -> None:
    net = full_network
    alice, bob = new_account(net, "alice"), new_account(net, "bob")
    async with agent_as(net, alice) as agent:
        ref = await agent.create_list("Close friends", CURATE, "people I read first")
        item = await agent.add_to_list(ref.uri, bob.did)

        async def listed() -> bool:
            info, members, _ = await agent.list_page(ref.uri)
            return info.name == "Close friends" and [m.subject.did for m in members] == [bob.did]

        await eventually(lambda: _found(agent, ref.uri), "the list indexed", timeout=30)

        await eventually(listed, "the list and its member, indexed", timeout=30)
        await agent.rename_list(ref.uri, "Best friends")

        async def renamed() -> bool:
            info, _, _ = await agent.list_page(ref.uri)
            return info.name == "Best friends" and info.description == "people I read first"

        await eventually(renamed, "the new name, the rest kept", timeout=30)
        await agent.remove_from_list(item)

        async def emptied() -> bool:
            _, members, _ = await agent.list_page(ref.uri)
            return members == []

        await eventually(emptied, "the member taken off", timeout=30)
        await agent.delete_list(ref.uri)

        async def gone() -> bool:
            lists, _ = await agent.lists()
            return all(i.uri != ref.uri for i in lists)

        await eventually(gone, "the list deleted", timeout=30)


async def test_a_moderation_list_subscribed_hides_its_members_everywhere(
    full_network: PdsNetwork,
) -> None:
    net = full_network
    reader, spammer, curator = (new_account(net, n) for n in ("reader", "spammer", "curator"))
    word = f"offer{time.time_ns() % 10**8}"
    Writer(net, reader).follow(spammer.did)
    spam, _ = Writer(net, spammer).post(f"buy now, special {word}")
    indexed(net, spammer.did, spam)
    as_curator = Writer(net, curator)
    modlist, _ = as_curator.create("app.bsky.graph.list", {"name": "Spam", "purpose": MODERATION})
    as_curator.create("app.bsky.graph.listitem", {"subject": spammer.did, "list": modlist})

    async with agent_as(net, reader) as agent:
        moderator = Moderator(agent)
        feeds = home_feeds(agent, moderator)
        home = HomeScreen(agent, moderator, Publisher(agent, Author(agent.did, reader.handle)))
        search = SearchScreen(agent, moderator)

        async def timeline_has_spam() -> bool:
            await home.load_first()
            return home.rows.find_post(spam) is not None

        async def search_has_spam() -> bool:
            await search.search(word)
            return search.rows.find_post(spam) is not None

        assert await eventually(timeline_has_spam, "the spam in the timeline", timeout=30)
        page = FeedPageScreen(agent, moderator, modlist, feeds)
        await eventually(lambda: _members(agent, modlist), "the list indexed", timeout=30)
        await page.load_first()
        assert page.info.list is not None and page.info.list.moderation

        await page.mute_list()
        assert page.info.list is not None and page.info.list.viewer_muted
        await eventually(lambda: _not(timeline_has_spam), "the spam gone from home", timeout=30)
        await eventually(lambda: _not(search_has_spam), "and from search", timeout=30)
        await page.mute_list()  # unmute
        await eventually(timeline_has_spam, "the spam back", timeout=30)

        await page.block_list()
        assert page.info.list is not None and page.info.list.viewer_blocked
        await eventually(lambda: _not(timeline_has_spam), "blocked: gone again", timeout=30)
        await page.block_list()  # unblock
        await eventually(timeline_has_spam, "unblocked: back", timeout=30)
        for screen in (home, search, page):
            await screen.aclose()


async def test_a_feed_page_pins_saves_and_likes_it(full_network: PdsNetwork) -> None:
    net = full_network
    reader, owner = new_account(net, "reader"), new_account(net, "owner")
    word = f"Quiet{time.time_ns() % 10**6}"
    feed = net.create_feed(owner, "quiet", f"{word} hours", posts=[])
    async with agent_as(net, reader) as agent:
        moderator = Moderator(agent)
        feeds = home_feeds(agent, moderator)
        shown: list[list[str]] = []
        feeds.tabs_changed = lambda tabs: shown.append([t.name for t in tabs])
        await feeds.load()
        page = FeedPageScreen(agent, moderator, feed, feeds)
        await page.load_first()
        generator = page.info.generator
        assert generator is not None and generator.name == f"{word} hours"
        assert generator.creator.handle == owner.handle and not page.info.saved

        await page.pin()
        assert page.info.pinned and page.info.saved
        assert shown[-1] == ["Following", f"{word} hours"]  # Home's tabs follow at once
        await page.pin()  # unpin: stays saved
        assert not page.info.pinned and page.info.saved
        await page.save()  # remove
        assert not page.info.saved and [i.value for i in await agent.saved_feeds()] == [
            "following"]

        await page.like()
        generator = page.info.generator
        assert generator is not None and generator.viewer_like and generator.like_count == 1
        liked = generator.viewer_like

        async def indexed_like() -> bool:
            return (await agent.feed_generator(feed)).viewer_like == liked

        await eventually(indexed_like, "the like, indexed", timeout=30)
        await page.like()  # take it back
        generator = page.info.generator
        assert generator is not None and generator.viewer_like is None
        await page.aclose()

        search = SearchScreen(agent, moderator)

        async def found() -> bool:
            await search.search(word, tab=3)  # Feeds
            return any(row.card is not None and row.card.uri == feed
                       for row in search.rows.items)

        await eventually(found, "the feed found by its name", timeout=30)
        await search.aclose()


async def _found(agent: Agent, uri: str) -> bool:
    try:
        await agent.list_page(uri, limit=1)
    except XrpcError:
        return False
    return True


async def _members(agent: Agent, uri: str) -> bool:
    _, members, _ = await agent.list_page(uri)
    return bool(members)


async def _not(probe: object) -> bool:
    assert callable(probe)
    return not await probe()


async def test_add_a_person_to_lists_from_their_profile(full_network: PdsNetwork) -> None:
    net = full_network
    alice, bob = new_account(net, "alice"), new_account(net, "bob")
    async with agent_as(net, alice) as agent:
        profile = ProfileScreen(agent, Moderator(agent), bob.did)
        messages: list[str] = []
        profile.hooks.message = lambda sentence: messages.append(str(sentence))
        await profile.load_first()
        assert await profile.memberships() == []
        await profile.new_list_with("Climbers")
        assert messages[-1] == f"Made the list Climbers with @{bob.handle} on it."

        async def on_it() -> list[tuple[ListInfo, str | None]] | None:
            found = await profile.memberships()
            return found if found and found[0][1] is not None else None

        [(climbers, item)] = await eventually(on_it, "bob on the new list", timeout=30)
        assert climbers.name == "Climbers" and climbers.purpose == CURATE
        await profile.set_member(climbers, item)
        assert messages[-1] == f"Removed @{bob.handle} from Climbers."

        async def off_it() -> bool:
            found = await profile.memberships()
            return bool(found) and found[0][1] is None

        await eventually(off_it, "bob taken off", timeout=30)
        await profile.set_member(climbers, None)
        assert messages[-1] == f"Added @{bob.handle} to Climbers."
        await profile.aclose()


async def test_an_own_list_page_renames_and_deletes_it(full_network: PdsNetwork) -> None:
    net = full_network
    alice, bob = new_account(net, "alice"), new_account(net, "bob")
    async with agent_as(net, alice) as agent:
        moderator = Moderator(agent)
        ref = await agent.create_list("Runners", CURATE)
        await eventually(lambda: _found(agent, ref.uri), "the list indexed", timeout=30)
        feeds = home_feeds(agent, moderator)
        assert await feeds.pin(ref.uri)
        page = FeedPageScreen(agent, moderator, ref.uri, feeds)
        await page.load_first()
        assert page.own_list and page.info.pinned
        await page.rename("Trail runners")
        assert page.info.list is not None and page.info.list.name == "Trail runners"
        assert await page.delete()
        assert [i.value for i in await agent.saved_feeds()] == ["following"]  # unpinned too
        await eventually(lambda: _not(lambda: _found(agent, ref.uri)), "gone", timeout=30)
        await page.aclose()

    async with agent_as(net, bob) as other:
        page = FeedPageScreen(other, Moderator(other), ref.uri, home_feeds(other,
                                                                           Moderator(other)))
        assert not page.own_list and not await page.delete()
        await page.aclose()
