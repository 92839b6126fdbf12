"""Feeds and lists as people set them up: the saved-feeds preference (pinned tabs, in order,
shared by every client of the account), custom feed generators, lists and their members.

The preference is read and written as the official SDK does (`@atproto/api`): the last valid
`savedFeedsPrefV2` wins; without one, a `savedFeedsPref` (v1) is converted — Following first,
then the pinned feeds in their order, then the saved ones —; without either, Following alone.
A write replaces only the v2 preference (pinned first, their order kept), keeps a v1 one in
step by adding to it, and leaves every other preference exactly as the server gave it."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from ..atproto import Fields, syntax
from ..errors import AppError
from ..sentences import QT_TR_NOOP
from ._models import Author, parse_author
from ._tid import next_tid

SAVED_V2 = "app.bsky.actor.defs#savedFeedsPrefV2"
SAVED_V1 = "app.bsky.actor.defs#savedFeedsPref"
GENERATOR = "app.bsky.feed.generator"
LIST = "app.bsky.graph.list"
LISTITEM = "app.bsky.graph.listitem"
LISTBLOCK = "app.bsky.graph.listblock"
FOLLOWING = "following"  # the value of the timeline item: the Following timeline
CURATE = "app.bsky.graph.defs#curatelist"
MODERATION = "app.bsky.graph.defs#modlist"
MAX_SAVED = 500  # a preference longer than this is refused (no client needs it)

SavedType = Literal["feed", "list", "timeline"]


class InvalidFeedError(AppError):
    """A feed, list or saved-feed item that is not one (a bad URI, an unknown type)."""

    default_message = QT_TR_NOOP("That is not a feed or a list.")


@dataclass(frozen=True, slots=True)
class SavedFeed:
    """One item of the saved-feeds preference: a custom feed, a list or the Following
    timeline; `pinned` ones are the Home tabs."""

    id: str
    type: SavedType
    value: str  # an at:// URI, or "following" for the timeline
    pinned: bool

    def record(self) -> dict[str, Any]:
        return {"id": self.id, "type": self.type, "value": self.value, "pinned": self.pinned}


def saved_type(uri: str) -> SavedType:
    """"feed" for a feed generator's URI, "list" for a list's; `InvalidFeedError` otherwise."""
    if uri == FOLLOWING:
        return "timeline"
    parts = uri.removeprefix("at://").split("/")
    if not uri.startswith("at://") or len(parts) != 3 or not all(parts) \
            or not syntax.is_valid_did(parts[0]):
        raise InvalidFeedError(f"not a feed URI: {uri[:120]!r}",
                               message=QT_TR_NOOP(
                                   "That is not the at:// address of a feed or a list."))
    if parts[1] == GENERATOR:
        return "feed"
    if parts[1] == LIST:
        return "list"
    raise InvalidFeedError(f"not a feed or list collection: {parts[1][:80]!r}",
                           message=QT_TR_NOOP("That is not the at:// address of a feed or a list."))


def _valid_item(value: Any) -> SavedFeed | None:
    if not isinstance(value, Mapping):
        return None
    item_id, kind, target, pinned = (value.get(k) for k in ("id", "type", "value", "pinned"))
    if not (isinstance(item_id, str) and item_id and isinstance(target, str) and target
            and kind in ("feed", "list", "timeline") and isinstance(pinned, bool)):
        return None
    return SavedFeed(item_id, kind, target, pinned)


def _v2(pref: Any) -> list[SavedFeed] | None:
    """The items of a valid v2 preference (None: not one). Items of types this app does not
    show are dropped from what it shows, never from what it writes back (see `with_saved`)."""
    if not isinstance(pref, Mapping) or pref.get("$type") != SAVED_V2:
        return None
    items = pref.get("items")
    if not isinstance(items, list):
        return None
    return [item for item in map(_valid_item, items) if item is not None]


def _v1(pref: Any) -> tuple[list[str], list[str]] | None:
    if not isinstance(pref, Mapping) or pref.get("$type") != SAVED_V1:
        return None
    saved, pinned = pref.get("saved"), pref.get("pinned")
    if not (isinstance(saved, list) and isinstance(pinned, list)):
        return None
    return ([u for u in saved if isinstance(u, str)], [u for u in pinned if isinstance(u, str)])


def saved_feeds(preferences: Sequence[Any], *,
                new_id: Callable[[], str] = next_tid) -> tuple[SavedFeed, ...]:
    """The account's saved feeds, in order (the pinned ones first)."""
    for pref in reversed(preferences):
        items = _v2(pref)
        if items is not None:
            return tuple(items[:MAX_SAVED])
    migrated: dict[str, SavedFeed] = {
        "timeline": SavedFeed(new_id(), "timeline", FOLLOWING, True)}
    v1 = next((v for v in map(_v1, reversed(preferences)) if v is not None), None)
    if v1 is not None:
        saved, pinned = v1
        for uri, is_pinned in [*((u, True) for u in pinned), *((u, False) for u in saved)]:
            try:
                kind = saved_type(uri)
            except InvalidFeedError:
                continue
            if kind != "timeline" and uri not in migrated:
                migrated[uri] = SavedFeed(new_id(), kind, uri, is_pinned)
    return tuple(migrated.values())[:MAX_SAVED]


def with_saved(preferences: Sequence[Any], items: Sequence[SavedFeed]) -> list[Any]:
    """`preferences` with the saved feeds set to `items` (pinned first, each group's order
    kept). Every other preference stays exactly as given, in place; an existing v2 preference
    keeps its other fields and its items of types this app does not know; a v1 one gains the
    feeds and lists it lacks (never loses any, as the SDK keeps it)."""
    if len(items) > MAX_SAVED:
        raise InvalidFeedError(f"{len(items)} saved feeds",
                               message=QT_TR_NOOP("Too many saved feeds."))
    ordered = [i for i in items if i.pinned] + [i for i in items if not i.pinned]
    known = {i.id for i in ordered}
    old_v2 = next((p for p in reversed(preferences) if _v2(p) is not None), None)
    unknown = [raw for raw in (old_v2 or {}).get("items", [])
               if isinstance(raw, Mapping) and _valid_item(raw) is None
               and raw.get("id") not in known]
    v2 = {**(old_v2 or {}), "$type": SAVED_V2,
          "items": [i.record() for i in ordered] + unknown}
    out: list[Any] = []
    for pref in preferences:
        kind = pref.get("$type") if isinstance(pref, Mapping) else None
        if kind == SAVED_V2:
            continue
        if kind == SAVED_V1 and _v1(pref) is not None:
            pref = _v1_in_step(pref, ordered)
        out.append(pref)
    out.append(v2)
    return out


def _v1_in_step(pref: Mapping[str, Any], items: Sequence[SavedFeed]) -> dict[str, Any]:
    old = _v1(pref)
    saved, pinned = old if old is not None else ([], [])
    feeds = [i for i in items if i.type in ("feed", "list")]
    return {**pref,
            "saved": list(dict.fromkeys([*saved, *(i.value for i in feeds)])),
            "pinned": list(dict.fromkeys([*pinned, *(i.value for i in feeds if i.pinned)]))}


def pinned_with(items: Sequence[SavedFeed], uri: str, pinned: bool, *,
                new_id: Callable[[], str] = next_tid) -> list[SavedFeed]:
    """`items` with `uri` saved and pinned (put last among the pinned) or unpinned (kept
    saved, first among the saved)."""
    kind = saved_type(uri)
    found = next((i for i in items if i.value == uri and i.type == kind), None)
    rest = [i for i in items if i is not found]
    item = SavedFeed(found.id if found else new_id(), kind, uri, pinned)
    head = [i for i in rest if i.pinned]
    tail = [i for i in rest if not i.pinned]
    return [*head, item, *tail]


def without(items: Sequence[SavedFeed], uri: str) -> list[SavedFeed]:
    """`items` with `uri` no longer saved."""
    return [i for i in items if i.value != uri]


def moved(items: Sequence[SavedFeed], item_id: str, to: int) -> list[SavedFeed]:
    """`items` with the item `item_id` moved to position `to` (clamped)."""
    found = next((i for i in items if i.id == item_id), None)
    if found is None:
        return list(items)
    rest = [i for i in items if i is not found]
    rest.insert(max(0, min(to, len(rest))), found)
    return rest


@dataclass(frozen=True, slots=True)
class FeedGenerator:
    """A custom feed as its page shows it: who made it, what it says, how it is liked, and
    whether its generator answers (`online`) and serves this feed (`valid`)."""

    uri: str
    cid: str
    did: str  # the generator's service DID
    creator: Author
    name: str
    description: str = ""
    avatar: str | None = None
    like_count: int = 0
    viewer_like: str | None = None
    online: bool = True
    valid: bool = True


def parse_generator(value: Any, path: str, *, online: bool = True,
                    valid: bool = True) -> FeedGenerator:
    data = Fields(value, path)
    viewer = data.opt_obj("viewer")
    return FeedGenerator(
        uri=data.string("uri"), cid=data.string("cid"), did=data.string("did"),
        creator=parse_author(data.get("creator"), f"{path}.creator"),
        name=data.lenient_string("displayName") or "",
        description=data.lenient_string("description") or "",
        avatar=data.lenient_string("avatar"),
        like_count=data.count("likeCount"),
        viewer_like=viewer.lenient_string("like") if viewer else None,
        online=online, valid=valid)


def parse_generator_page(value: Any) -> FeedGenerator:
    """`getFeedGenerator`: the view and whether the generator is up."""
    data = Fields(value, "getFeedGenerator")
    return parse_generator(data.get("view"), "view", online=data.get("isOnline") is True,
                           valid=data.get("isValid") is True)


@dataclass(frozen=True, slots=True)
class GeneratorPage:
    """One page of custom feeds, and the cursor of the next."""

    items: tuple[FeedGenerator, ...]
    cursor: str | None


def parse_generators(value: Any, key: str = "feeds") -> GeneratorPage:
    data = Fields(value, "response")
    feeds = tuple(parse_generator(v, f"{key}[{n}]")
                  for n, v in enumerate(data.array(key, required=True)))
    return GeneratorPage(feeds, data.lenient_string("cursor") or None)


@dataclass(frozen=True, slots=True)
class ListInfo:
    """A list: its name, purpose (curate, moderation, reference), creator, how many members
    it has, and whether the viewer mutes or blocks through it."""

    uri: str
    cid: str
    name: str
    purpose: str
    creator: Author | None = None
    description: str = ""
    avatar: str | None = None
    members: int | None = None  # None: the server did not say
    viewer_muted: bool = False
    viewer_blocked: str | None = None  # the viewer's listblock record URI

    @property
    def moderation(self) -> bool:
        return self.purpose == MODERATION


def parse_list(value: Any, path: str) -> ListInfo:
    data = Fields(value, path)
    viewer = data.opt_obj("viewer")
    return ListInfo(
        uri=data.string("uri"), cid=data.string("cid"), name=data.string("name"),
        purpose=data.string("purpose"),
        creator=parse_author(data.get("creator"), f"{path}.creator")
        if data.has("creator") else None,
        description=data.lenient_string("description") or "",
        avatar=data.lenient_string("avatar"),
        members=int(data.count("listItemCount")) if data.has("listItemCount") else None,
        viewer_muted=viewer is not None and viewer.get("muted") is True,
        viewer_blocked=viewer.lenient_string("blocked") if viewer else None)


@dataclass(frozen=True, slots=True)
class ListMember:
    """One person on a list, and the listitem record that puts them there."""

    uri: str
    subject: Author


def parse_list_page(value: Any) -> tuple[ListInfo, list[ListMember], str | None]:
    """`getList`: the list, one page of its members, and the cursor of the next."""
    data = Fields(value, "getList")
    members = [ListMember(Fields(v, f"items[{n}]").string("uri"),
                          parse_author(Fields(v, f"items[{n}]").get("subject"),
                                       f"items[{n}].subject"))
               for n, v in enumerate(data.array("items", required=True))]
    return parse_list(data.get("list"), "list"), members, data.lenient_string("cursor") or None


def parse_memberships(value: Any) -> tuple[list[tuple[ListInfo, str | None]], str | None]:
    """`getListsWithMembership`: each of the viewer's lists, and the listitem record putting
    the actor on it (None: not on it); the cursor of the next page."""
    data = Fields(value, "getListsWithMembership")
    out: list[tuple[ListInfo, str | None]] = []
    for n, entry in enumerate(data.array("listsWithMembership", required=True)):
        fields = Fields(entry, f"listsWithMembership[{n}]")
        item = fields.opt_obj("listItem")
        out.append((parse_list(fields.get("list"), f"{fields.path}.list"),
                    item.string("uri") if item is not None else None))
    return out, data.lenient_string("cursor") or None


def parse_lists(value: Any) -> tuple[list[ListInfo], str | None]:
    data = Fields(value, "response")
    lists = [parse_list(v, f"lists[{n}]") for n, v in enumerate(data.array("lists",
                                                                             required=True))]
    return lists, data.lenient_string("cursor") or None
