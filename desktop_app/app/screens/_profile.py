"""A profile: who the account is, the viewer's follow, mute and block, and its feeds by tab."""

from __future__ import annotations

import logging
from typing import Literal

from ...bsky import CURATE, Agent, AuthorFeedFilter, FeedItem, FeedPage, ListInfo, Profile
from ...errors import AppError
from ...sentences import QT_TR_NOOP, Sentence
from .._paging import FetchPage
from .._reading import Moderator
from ._actions import AccountAction, AccountActions
from ._feed_page import generator_card, list_card
from ._lists import FeedScreen, feed_pager
from ._rows import Row

log = logging.getLogger(__name__)

PAGE_SIZE = 30
# The tabs in order: a feed filter; the account's custom feeds or lists (cards, not posts);
# None for its likes (the viewer's own only, so last: hidden on other profiles).
TABS: tuple[tuple[str, AuthorFeedFilter | Literal["feeds", "lists"] | None], ...] = (
    ("Posts", "posts_no_replies"), ("Replies", "posts_with_replies"),
    ("Media", "posts_with_media"), ("Feeds", "feeds"), ("Lists", "lists"), ("Likes", None))
MAX_CARDS = 100


class ProfileScreen(FeedScreen):
    """One account as the viewer sees it. Holds the account (a DID or handle), its profile once
    loaded (and, until then, as the offline copy kept it), the tab shown, and the
    follow/mute/block change in flight."""

    def __init__(self, agent: Agent, moderator: Moderator, actor: str) -> None:
        super().__init__(agent, moderator, tab_feed(agent, actor, 0), name="profile")
        self.actor = actor
        self.profile: Profile | None = None
        self.kept_profile: Profile | None = None  # shown until `profile` arrives
        self.tab = 0
        self.account_actions = AccountActions(agent, self.links, self.hooks)

    @property
    def own(self) -> bool:
        return self.actor == self.agent.did or (
            self.profile is not None and self.profile.did == self.agent.did)

    async def first_rows(self) -> list[Row]:
        if self.profile is None:
            self.profile = await self.with_moderation(self.agent.profile(self.actor))
            self.hooks.profile(self.profile)
            self.pager = feed_pager(tab_feed(self.agent, self.profile.did, self.tab))
        shows = TABS[self.tab][1]
        if shows == "feeds":
            feeds = await self.agent.actor_feeds(self.profile.did, limit=MAX_CARDS)
            return [generator_card(g) for g in feeds.items]
        if shows == "lists":
            lists, _ = await self.agent.lists(self.profile.did, limit=MAX_CARDS)
            return [list_card(i) for i in lists]
        return await super().first_rows()

    async def load_first(self) -> None:
        self.profile = None  # a refresh shows the profile as it now is
        await super().load_first()

    async def kept_rows(self, agent: Agent) -> list[Row]:
        """The profile and its tab's first page as the offline copy kept them."""
        kept = await agent.profile(self.actor)
        if self.profile is None:  # the server's has not come yet
            self.kept_profile = kept
            self.hooks.profile(kept)
        if TABS[self.tab][1] in ("feeds", "lists"):
            return []
        page = await tab_feed(agent, kept.did, self.tab)(None)
        return self.post_rows(page.items)

    async def show_tab(self, index: int) -> None:
        if not 0 <= index < len(TABS) or (index == self.tab and self.pager.started):
            return
        self.tab = index
        self.pager = feed_pager(tab_feed(
            self.agent, self.profile.did if self.profile is not None else self.actor, index))
        await FeedScreen.load_first(self)

    async def memberships(self) -> list[tuple[ListInfo, str | None]]:
        """The reader's lists, each with whether this account is on it (the listitem's URI);
        none when they can't be read (said through the hooks)."""
        if not self.hooks.allowed("lists"):
            return []
        try:
            return await self.agent.lists_with_membership(self._did())
        except AppError as exc:
            self.hooks.report(exc)
            return []

    async def set_member(self, info: ListInfo, item: str | None) -> None:
        """Put this account on the list (`item` None), or take it off (`item`: its listitem)."""
        if not self.hooks.allowed("lists"):
            return
        who = self._name()
        try:
            if item is None:
                await self.agent.add_to_list(info.uri, self._did())
                self.hooks.message(Sentence.of(QT_TR_NOOP("Added {who} to {list}."),
                                               who=who, list=info.name))
            else:
                await self.agent.remove_from_list(item)
                self.hooks.message(Sentence.of(QT_TR_NOOP("Removed {who} from {list}."),
                                               who=who, list=info.name))
        except AppError as exc:
            self.hooks.report(exc)

    async def new_list_with(self, name: str) -> None:
        """A new curate list named `name`, with this account on it."""
        if not self.hooks.allowed("lists"):
            return
        try:
            ref = await self.agent.create_list(name, CURATE)
            await self.agent.add_to_list(ref.uri, self._did())
        except AppError as exc:
            self.hooks.report(exc)
            return
        self.hooks.message(Sentence.of(QT_TR_NOOP("Made the list {list} with {who} on it."),
                                       list=name.strip(), who=self._name()))

    def _did(self) -> str:
        shown = self.profile or self.kept_profile
        return shown.did if shown is not None else self.actor

    def _name(self) -> str:
        shown = self.profile or self.kept_profile
        return f"@{shown.author.handle}" if shown is not None else self.actor

    async def toggle(self, kind: AccountAction) -> None:
        """Follow, mute or block (or undo it), shown at once and undone if refused; on the
        profile as the offline copy kept it until the server's comes."""
        if self.profile is not None:
            self.profile = await self.account_actions.toggle(self.profile, kind)
        elif self.kept_profile is not None:
            self.kept_profile = await self.account_actions.toggle(self.kept_profile, kind)


def tab_feed(agent: Agent, actor: str, tab: int) -> FetchPage[FeedItem]:
    """How tab `tab` of `actor`'s profile reads its posts."""
    feed_filter = TABS[tab][1]
    if feed_filter is None:
        return lambda cursor: agent.actor_likes(actor, cursor=cursor, limit=PAGE_SIZE)
    if feed_filter == "feeds" or feed_filter == "lists":
        return _nothing_more
    posts: AuthorFeedFilter = feed_filter
    return lambda cursor: agent.author_feed(actor, cursor=cursor, limit=PAGE_SIZE,
                                            filter=posts)


async def _nothing_more(cursor: str | None) -> FeedPage:
    """The pager of a tab of cards: they all come with the first page."""
    return FeedPage((), None)
