"""Quick set-up of a network's content for one test: fresh accounts, and records written with a
password session (`com.atproto.server.createSession`), not through the app under test.

Tests that share a network (the full network is one per session) create their own accounts
here, so no test depends on, or leaves behind, another test's follows, mutes or posts.
"""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import httpx

from tests.support.harness import Account, PdsNetwork
from tests.support.waiting import wait_until


def new_account(net: PdsNetwork, name: str) -> Account:
    """A new account on `net`: handle `<name>-<random>.test`, a random password."""
    handle = f"{name}-{secrets.token_hex(3)}.test"
    password = secrets.token_urlsafe(12)
    email = f"{handle}@example.com"
    with httpx.Client(trust_env=False, timeout=60) as http:
        r = http.post(f"{net.pds_url}/xrpc/com.atproto.server.createAccount",
                      json={"handle": handle, "email": email, "password": password})
        r.raise_for_status()
        return Account(handle=r.json()["handle"], did=r.json()["did"], password=password,
                       email=email)


@dataclass
class Writer:
    """Writes records as `account` on its PDS; holds the password session's access JWT."""

    net: PdsNetwork
    account: Account
    _jwt: str = field(default="", repr=False)

    def __post_init__(self) -> None:
        with httpx.Client(trust_env=False, timeout=60) as http:
            r = http.post(f"{self.net.pds_url}/xrpc/com.atproto.server.createSession",
                          json={"identifier": self.account.handle,
                                "password": self.account.password})
            r.raise_for_status()
            self._jwt = r.json()["accessJwt"]

    def create(self, collection: str, record: dict[str, Any]) -> tuple[str, str]:
        """Write a record; returns its (uri, cid)."""
        body = {"repo": self.account.did, "collection": collection,
                "record": {"$type": collection, "createdAt": now(), **record}}
        with httpx.Client(trust_env=False, timeout=60) as http:
            r = http.post(f"{self.net.pds_url}/xrpc/com.atproto.repo.createRecord", json=body,
                          headers={"authorization": f"Bearer {self._jwt}"})
            r.raise_for_status()
            return r.json()["uri"], r.json()["cid"]

    def post(self, text: str) -> tuple[str, str]:
        return self.create("app.bsky.feed.post", {"text": text})

    def query(self, nsid: str, params: dict[str, Any] | None = None) -> Any:
        """An XRPC query as this account, through its PDS."""
        with httpx.Client(trust_env=False, timeout=60) as http:
            r = http.get(f"{self.net.pds_url}/xrpc/{nsid}", params=params or {},
                         headers={"authorization": f"Bearer {self._jwt}"})
            r.raise_for_status()
            return r.json()

    def procedure(self, nsid: str, body: dict[str, Any]) -> None:
        """An XRPC procedure as this account, through its PDS."""
        with httpx.Client(trust_env=False, timeout=60) as http:
            r = http.post(f"{self.net.pds_url}/xrpc/{nsid}", json=body,
                          headers={"authorization": f"Bearer {self._jwt}"})
            r.raise_for_status()

    def follow(self, did: str) -> tuple[str, str]:
        return self.create("app.bsky.graph.follow", {"subject": did})

    def like(self, uri: str, cid: str) -> tuple[str, str]:
        return self.create("app.bsky.feed.like", {"subject": {"uri": uri, "cid": cid}})


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def author_feed(net: PdsNetwork, did: str) -> dict[str, str]:
    """The posts the AppView lists for `did`, URI to text (public, no sign-in needed)."""
    if net.appview_url is None:
        raise RuntimeError("only the full network has an AppView")
    with httpx.Client(trust_env=False, timeout=60) as http:
        r = http.get(f"{net.appview_url}/xrpc/app.bsky.feed.getAuthorFeed",
                     params={"actor": did, "limit": 50})
        if r.status_code == 400 and "not found" in r.text.lower():
            return {}  # the AppView has not seen this new account yet
        r.raise_for_status()
        return {item["post"]["uri"]: item["post"]["record"].get("text", "")
                for item in r.json()["feed"]}


def followers(net: PdsNetwork, did: str) -> set[str]:
    """The DIDs the AppView lists as following `did` (public, no sign-in needed)."""
    if net.appview_url is None:
        raise RuntimeError("only the full network has an AppView")
    with httpx.Client(trust_env=False, timeout=60) as http:
        r = http.get(f"{net.appview_url}/xrpc/app.bsky.graph.getFollowers",
                     params={"actor": did, "limit": 100})
        if r.status_code == 400 and "not found" in r.text.lower():
            return set()
        r.raise_for_status()
        return {f["did"] for f in r.json()["followers"]}


def indexed(net: PdsNetwork, did: str, uri: str, timeout: float = 60) -> None:
    """Wait until the AppView lists `uri` among `did`'s posts."""
    wait_until(lambda: uri in author_feed(net, did), f"the AppView to index {uri}",
               timeout=timeout, interval=0.2)


@dataclass(frozen=True)
class WordFeed:
    """A custom feed of the posts that hold one fresh word: its URI, the account that owns it,
    and one such post (by another new account, already indexed)."""

    uri: str
    owner: Account
    post: str


def word_feed(net: PdsNetwork, rkey: str, name: str, sentence: str) -> WordFeed:
    """A feed generator `name` (record key `rkey`) of the posts holding a fresh word, and a
    post `sentence` (with `{word}` in it) that it serves."""
    owner, author = new_account(net, "owner"), new_account(net, "author")
    word = f"{rkey}{time.time_ns() % 10**8}"
    post, _ = Writer(net, author).post(sentence.format(word=word))
    indexed(net, author.did, post)
    return WordFeed(net.create_feed(owner, rkey, name, contains=word), owner, post)
