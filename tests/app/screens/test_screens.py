"""The other screen models without Qt: a thread's rows and replying in place, a profile's
optimistic follow/mute/block and their undoing, notifications grouped, search tabs, and waiting
for the AppView."""

from __future__ import annotations

import dataclasses
from typing import Any, cast

import pytest

from desktop_app.app import Moderator
from desktop_app.app.screens import (
    MoreReplies,
    NotificationsScreen,
    OpenGroup,
    OpenProfile,
    OpenThread,
    ProfileScreen,
    Publisher,
    Quote,
    Reply,
    SearchScreen,
    ThreadScreen,
)
from desktop_app.atproto import NetworkError
from desktop_app.bsky import (
    ActorPage,
    Agent,
    Author,
    FeedItem,
    FeedPage,
    GeneratorPage,
    NewPost,
    Notification,
    NotificationPage,
    PostView,
    Preferences,
    Profile,
    StrongRef,
    ThreadNode,
    XrpcError,
    group_notifications,
)
from tests.support.scripted import DID, post

BOB = Author("did:plc:44ybard66vv44zksje25o7dz", "bob.test", "Bob")
CAROL = Author("did:plc:3jpt2mvvsumj2r7eqk4gzzjz", "carol.test", "Carol")


class Fake:
    """A few answers of the agent, and the calls it got."""

    did = DID

    def __init__(self) -> None:
        self.calls: list[tuple[str, Any]] = []
        self.fail: Exception | None = None
        self.thread: ThreadNode | None = None
        self.indexed: dict[str, PostView] = {}

    async def preferences(self) -> Preferences:
        return Preferences()

    async def _write(self, name: str, arg: Any, answer: Any = None) -> Any:
        self.calls.append((name, arg))
        if self.fail is not None:
            raise self.fail
        return answer

    async def follow(self, did: str) -> str:
        return str(await self._write("follow", did, f"at://{DID}/app.bsky.graph.follow/1"))

    async def unfollow(self, uri: str) -> None:
        await self._write("unfollow", uri)

    async def mute(self, did: str) -> None:
        await self._write("mute", did)

    async def block(self, did: str) -> str:
        return str(await self._write("block", did, f"at://{DID}/app.bsky.graph.block/1"))

    async def profile(self, actor: str) -> Profile:
        return Profile(BOB, followers_count=10)

    async def author_feed(self, actor: str, **kwargs: Any) -> FeedPage:
        self.calls.append(("author_feed", (actor, kwargs.get("filter"))))
        return FeedPage((FeedItem(post(1, author=BOB)),), None)

    async def actor_feeds(self, actor: str, **kwargs: Any) -> GeneratorPage:
        self.calls.append(("actor_feeds", actor))
        return GeneratorPage((), None)

    async def lists(self, actor: str, **kwargs: Any) -> tuple[list[Any], None]:
        self.calls.append(("lists", actor))
        return [], None

    async def actor_likes(self, actor: str, **kwargs: Any) -> FeedPage:
        self.calls.append(("actor_likes", actor))
        return FeedPage((), None)

    async def post_thread(self, uri: str, **kwargs: Any) -> ThreadNode:
        assert self.thread is not None
        return self.thread

    async def publish(self, draft: NewPost) -> StrongRef:
        ref = StrongRef(f"at://{DID}/app.bsky.feed.post/new", "cnew")
        await self._write("publish", draft.text)
        return ref

    async def post(self, uri: str) -> PostView:
        if uri in self.indexed:
            return self.indexed[uri]
        raise XrpcError(404, "NotFound", "not yet")

    async def notifications(self, *, cursor: str | None = None,
                            limit: int = 50) -> NotificationPage:
        like = [Notification(f"at://{who.did}/app.bsky.feed.like/{n}", "c", who, "like",
                             post(1).uri, False, f"2026-12-0{n}T00:00:00Z")
                for n, who in ((1, BOB), (2, CAROL))]
        follow = Notification(f"at://{BOB.did}/app.bsky.graph.follow/1", "c", BOB, "follow",
                              None, False, "2026-12-03T00:00:00Z")
        return NotificationPage((follow, *like), None)

    async def posts(self, uris: list[str]) -> list[PostView]:
        return [post(1, text="the post they liked")]

    async def search_posts(self, query: str, **kwargs: Any) -> FeedPage:
        self.calls.append(("search_posts", (query, kwargs.get("sort"))))
        return FeedPage((FeedItem(post(7)),), None)

    async def search_actors(self, query: str, **kwargs: Any) -> ActorPage:
        self.calls.append(("search_actors", query))
        return ActorPage((BOB, CAROL), None)


def agent_of(fake: Fake) -> Agent:
    return cast(Agent, fake)


async def test_follow_shows_at_once_and_is_undone_when_refused() -> None:
    fake = Fake()
    screen = ProfileScreen(agent_of(fake), Moderator(agent_of(fake)), BOB.did)
    shown: list[Profile] = []
    messages: list[str] = []
    screen.hooks.profile = shown.append
    screen.hooks.message = lambda sentence: messages.append(str(sentence))
    await screen.load_first()
    assert shown[-1].followers_count == 10 and fake.calls[0] == ("author_feed",
                                                                 (BOB.did, "posts_no_replies"))
    await screen.toggle("follow")
    assert [p.author.following for p in shown[1:]] == ["pending",
                                                       f"at://{DID}/app.bsky.graph.follow/1"]
    assert [p.followers_count for p in shown[1:]] == [11, 11]
    fake.fail = NetworkError("down")
    await screen.toggle("follow")  # unfollow, refused: back to following
    assert shown[-1].author.following == f"at://{DID}/app.bsky.graph.follow/1"
    assert shown[-1].followers_count == 11 and messages
    assert shown[-2].author.following is None  # it was shown unfollowed meanwhile
    await screen.aclose()


async def test_mute_and_block_hide_the_account_everywhere_and_need_the_permission() -> None:
    fake = Fake()
    screen = ProfileScreen(agent_of(fake), Moderator(agent_of(fake)), BOB.did)
    hidden: list[str] = []
    asked: list[str] = []
    screen.hooks.account_hidden = hidden.append
    screen.hooks.permission_needed = asked.append
    await screen.load_first()
    await screen.toggle("mute")
    await screen.toggle("block")
    assert hidden == [BOB.did, BOB.did]
    assert screen.profile is not None and screen.profile.author.muted
    assert screen.profile.author.blocking == f"at://{DID}/app.bsky.graph.block/1"
    screen.hooks.permits = lambda feature: feature != "moderate"
    calls = len(fake.calls)
    await screen.toggle("mute")
    assert asked == ["moderate"] and len(fake.calls) == calls  # nothing sent
    await screen.show_tab(3)
    assert fake.calls[-1] == ("actor_feeds", BOB.did)
    await screen.show_tab(4)
    assert fake.calls[-1] == ("lists", BOB.did)
    await screen.show_tab(5)
    assert fake.calls[-1] == ("actor_likes", BOB.did)
    await screen.aclose()


def thread_of(focus: PostView) -> ThreadNode:
    parent = ThreadNode(post(1).uri, post(1))
    reply = ThreadNode(post(3, author=BOB).uri, dataclasses.replace(post(3, author=BOB),
                                                                    reply_count=4))
    gone = ThreadNode("at://gone", unavailable="Deleted post")
    return ThreadNode(focus.uri, focus, parent=parent, replies=(reply, gone))


async def test_a_thread_shows_the_clicked_post_first_then_the_thread() -> None:
    fake = Fake()
    focus = post(2)
    fake.thread = thread_of(focus)
    publisher = Publisher(agent_of(fake), Author(DID, "me"))
    screen = ThreadScreen(agent_of(fake), Moderator(agent_of(fake)), publisher, focus.uri,
                          known=focus)
    selected: list[int] = []
    targets: list[PostView | None] = []
    screen.hooks.select = selected.append
    screen.hooks.reply_to = targets.append
    await screen.load_first()
    kinds = [(r.kind, r.depth, r.focus) for r in screen.rows.rows()]
    assert kinds == [("post", -1, False), ("post", 0, True), ("post", 1, False),
                     ("more", 2, False), ("placeholder", 1, False)]
    assert selected == [1] and targets == [focus]
    assert screen.rows[3].text == "Show 4 more replies"
    assert screen.handle(MoreReplies(screen.rows[3].key))
    screen.handle(Reply(post(3, author=BOB)))
    assert targets[-1] == post(3, author=BOB) and screen.reply_target == post(3, author=BOB)
    quoted: list[PostView] = []
    screen.hooks.quote = quoted.append
    screen.handle(Quote(focus))
    assert quoted == [focus]
    await screen.aclose()


async def test_a_reply_shows_under_its_parent_at_once_then_as_indexed() -> None:
    fake = Fake()
    focus = post(2)
    fake.thread = thread_of(focus)
    slept: list[float] = []

    async def sleep(seconds: float) -> None:
        slept.append(seconds)
        uri = f"at://{DID}/app.bsky.feed.post/new"
        fake.indexed[uri] = dataclasses.replace(post(99, text="my reply"), uri=uri,
                                                like_count=2)

    publisher = Publisher(agent_of(fake), Author(DID, "me"), sleep=sleep)
    screen = ThreadScreen(agent_of(fake), Moderator(agent_of(fake)), publisher, focus.uri)
    await screen.load_first()
    assert await screen.reply(NewPost("my reply", reply_to=focus))
    rows = screen.rows.rows()
    mine = next(r for r in rows if r.post is not None and r.post.text == "my reply")
    assert mine.depth == 1 and rows.index(mine) == 5  # after the existing replies
    assert mine.post is not None and mine.post.reply_parent == focus.ref
    assert screen.rows.find_post(focus.uri).reply_count == 1  # type: ignore[union-attr]
    await screen.tasks.settle()
    indexed = screen.rows.find_post(f"at://{DID}/app.bsky.feed.post/new")
    assert indexed is not None and indexed.like_count == 2 and slept == [0.5]
    assert screen.reply_target == focus  # the next reply answers the thread's post again
    await screen.aclose()


async def test_replying_from_a_list_without_a_reply_box_opens_the_thread() -> None:
    fake = Fake()
    screen = ProfileScreen(agent_of(fake), Moderator(agent_of(fake)), BOB.did)
    opened: list[object] = []
    screen.hooks.navigate = opened.append
    screen.handle(Reply(post(5)))
    assert opened == [OpenThread(post(5).uri, post(5))]


async def test_notifications_are_grouped_and_groups_lead_somewhere() -> None:
    fake = Fake()
    screen = NotificationsScreen(agent_of(fake), Moderator(agent_of(fake)))
    await screen.load_first()
    rows = screen.rows.rows()
    assert [r.kind for r in rows] == ["group", "group"]
    likes = next(r for r in rows if r.group is not None and r.group.reason == "like")
    assert likes.text == "the post they liked" and len(likes.group.authors) == 2  # type: ignore[union-attr]
    opened: list[object] = []
    screen.hooks.navigate = opened.append
    follows = next(r for r in rows if r.group is not None and r.group.reason == "follow")
    assert follows.group is not None and likes.group is not None
    screen.handle(OpenGroup(follows.group))
    screen.handle(OpenGroup(likes.group))
    assert opened == [OpenProfile(BOB.did), OpenThread(post(1).uri)]
    assert group_notifications([]) == []
    await screen.aclose()


@pytest.mark.parametrize(("tab", "call"), [(0, ("search_posts", ("cats", "latest"))),
                                           (1, ("search_posts", ("cats", "top"))),
                                           (2, ("search_actors", "cats"))])
async def test_search_tabs(tab: int, call: tuple[str, Any]) -> None:
    fake = Fake()
    screen = SearchScreen(agent_of(fake), Moderator(agent_of(fake)))
    await screen.search("  cats ", tab)
    assert fake.calls == [call] and screen.query == "cats"
    kinds = {r.kind for r in screen.rows.rows()}
    assert kinds == ({"actor"} if tab == 2 else {"post"})
    assert screen.exhausted and screen.state.footer == "end"
    await screen.aclose()


async def test_waiting_for_the_appview_gives_up_after_its_time() -> None:
    fake = Fake()
    naps: list[float] = []

    async def sleep(seconds: float) -> None:
        naps.append(seconds)

    publisher = Publisher(agent_of(fake), Author(DID, "me"), sleep=sleep)
    assert await publisher.indexed("at://never", within=0) is None
    assert naps == []
    fake.indexed["at://soon"] = post(8)
    assert await publisher.indexed("at://soon") == post(8)
