"""The offline copy: the last answers the window's first pages were built from (the home
timeline, notifications, the account's own profile and posts, its moderation preferences),
kept per account in SQLite in the profile, so a launch paints them at once and offline.

Answers are kept as the server sent them and read back through the same parsers and checks,
so a damaged or hostile file is refused the same way a server's answer would be. Nothing
secret is kept: no token, no key (those live in the keychain only)."""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from ..atproto import loads
from ..bsky import Agent
from ..errors import AppError
from ..platform import FILE_MODE, private_dir
from ..sentences import QT_TR_NOOP, Moment

log = logging.getLogger(__name__)

OFFLINE_DIR = "offline"
# The reads whose first page (no cursor) is kept whole.
KEPT = frozenset({"app.bsky.feed.getTimeline", "app.bsky.notification.listNotifications",
                  "app.bsky.actor.getProfile", "app.bsky.feed.getAuthorFeed",
                  "app.bsky.actor.getPreferences", "app.bsky.feed.getFeed",
                  "app.bsky.feed.getListFeed", "app.bsky.feed.getFeedGenerators",
                  "app.bsky.graph.getList"})
POSTS = "app.bsky.feed.getPosts"  # kept post by post: any later list of them is answered
MAX_POSTS = 1000
MAX_ANSWERS = 200  # profiles and feeds visited add up: the oldest go
MAX_BODY = 4 * 1024 * 1024  # an answer larger than this is not kept


class NotKeptError(AppError):
    """Nothing was kept for this read."""

    default_message = QT_TR_NOOP("Nothing from earlier is kept on this device.")


def copy_path(data_dir: Path, did: str) -> Path:
    return data_dir / OFFLINE_DIR / f"{hashlib.sha256(did.encode()).hexdigest()[:16]}.sqlite3"


def forget_copy(data_dir: Path, did: str) -> None:
    """Delete an account's offline copy (signing out leaves none of its reading behind)."""
    path = copy_path(data_dir, did)
    for part in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        part.unlink(missing_ok=True)


def _key(nsid: str, params: Mapping[str, Any]) -> str:
    kept = {k: v for k, v in params.items() if v is not None and k != "cursor"}
    return f"{nsid}?{json.dumps(kept, sort_keys=True, separators=(',', ':'))}"


class OfflineCopy:
    """One account's offline copy: an SQLite file (0600 in a 0700 directory) holding the last
    kept answers and post views, and the answers waiting to be written (written on a worker
    thread, latest wins). Holds one connection, used under a lock by one thread at a time."""

    def __init__(self, data_dir: Path, did: str, *,
                 clock: Callable[[], float] = time.time) -> None:
        self.path = copy_path(data_dir, did)
        self._clock = clock
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None
        self._pending: dict[str, tuple[str, Any, float]] = {}
        self._writer: asyncio.Future[None] | None = None

    # --- keeping --------------------------------------------------------------------------------

    def keep(self, nsid: str, params: Mapping[str, Any], data: Any) -> None:
        """An answer arrived (called on the event loop for every read: cheap, the writing
        happens on a worker thread)."""
        if nsid == POSTS or (nsid in KEPT and not params.get("cursor")):
            self._pending[_key(nsid, params)] = (nsid, data, self._clock())
            if self._writer is None or self._writer.done():
                self._writer = asyncio.get_running_loop().run_in_executor(None, self._flush)

    async def settle(self) -> None:
        """Wait until what was kept so far is written (tests, and quitting)."""
        while self._writer is not None and not self._writer.done():
            await asyncio.shield(self._writer)

    def _flush(self) -> None:
        while self._pending:
            key = next(iter(self._pending))
            nsid, data, saved_at = self._pending.pop(key)
            try:
                self._write(key, nsid, data, saved_at)
            except (OSError, sqlite3.Error, TypeError, ValueError) as exc:
                log.warning("offline copy not written: %s", type(exc).__name__)

    def _write(self, key: str, nsid: str, data: Any, saved_at: float) -> None:
        with self._lock:
            db = self._open()
            if nsid == POSTS:
                posts = data.get("posts") if isinstance(data, dict) else None
                rows = [(p["uri"], saved_at, json.dumps(p)) for p in posts or ()
                        if isinstance(p, dict) and isinstance(p.get("uri"), str)]
                with db:
                    db.executemany("INSERT OR REPLACE INTO posts VALUES (?, ?, ?)", rows)
                    db.execute("DELETE FROM posts WHERE uri NOT IN (SELECT uri FROM posts "
                               "ORDER BY saved_at DESC LIMIT ?)", (MAX_POSTS,))
                return
            body = json.dumps(data)
            if len(body) > MAX_BODY:
                return
            with db:
                db.execute("INSERT OR REPLACE INTO answers VALUES (?, ?, ?)",
                           (key, saved_at, body))
                db.execute("DELETE FROM answers WHERE key NOT IN (SELECT key FROM answers "
                           "ORDER BY saved_at DESC LIMIT ?)", (MAX_ANSWERS,))

    def _open(self) -> sqlite3.Connection:
        if self._db is None:
            private_dir(self.path.parent)
            if not self.path.exists():
                os.close(os.open(self.path, os.O_WRONLY | os.O_CREAT, FILE_MODE))
            db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("CREATE TABLE IF NOT EXISTS answers "
                       "(key TEXT PRIMARY KEY, saved_at REAL, body TEXT)")
            db.execute("CREATE TABLE IF NOT EXISTS posts "
                       "(uri TEXT PRIMARY KEY, saved_at REAL, body TEXT)")
            self._db = db
        return self._db

    # --- reading back ---------------------------------------------------------------------------

    async def read(self, nsid: str, params: Mapping[str, Any]) -> tuple[Any, float]:
        """The kept answer to this read and when it was kept; `NotKeptError` when none."""
        if not self.path.exists():
            raise NotKeptError(f"no offline copy for {nsid}")
        return await asyncio.to_thread(self._read, nsid, params)

    def _read(self, nsid: str, params: Mapping[str, Any]) -> tuple[Any, float]:
        try:
            with self._lock:
                db = self._open()
                if nsid == POSTS:
                    return self._posts(db, params.get("uris") or [])
                row = db.execute("SELECT body, saved_at FROM answers WHERE key = ?",
                                 (_key(nsid, params),)).fetchone()
        except sqlite3.Error as exc:
            raise NotKeptError(f"offline copy unreadable: {type(exc).__name__}") from exc
        if row is None:
            raise NotKeptError(f"nothing kept for {nsid}")
        return loads(row[0], nsid), float(row[1])

    @staticmethod
    def _posts(db: sqlite3.Connection, uris: list[Any]) -> tuple[Any, float]:
        found: dict[str, tuple[str, float]] = {}
        for uri in uris:
            row = db.execute("SELECT body, saved_at FROM posts WHERE uri = ?",
                             (uri,)).fetchone() if isinstance(uri, str) else None
            if row is not None:
                found[uri] = (row[0], float(row[1]))
        posts = [loads(body, POSTS) for body, _ in found.values()]
        oldest = min((saved for _, saved in found.values()), default=0.0)
        return {"posts": posts}, oldest

    async def close(self) -> None:
        await self.settle()
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None


class Replayer:
    """An agent answering from an offline copy, and when the oldest answer it gave was kept
    (what the window says: "showing posts from 14:05")."""

    def __init__(self, copy: OfflineCopy, live: Agent) -> None:
        self.copy = copy
        self.oldest: float | None = None
        self.agent = live.replaying(self._answer)

    async def _answer(self, nsid: str, params: Mapping[str, Any]) -> Any:
        data, saved_at = await self.copy.read(nsid, params)
        if saved_at:
            self.oldest = saved_at if self.oldest is None else min(self.oldest, saved_at)
        return data


def kept_when(stamp: float, now: float) -> Moment:
    """When something was kept, for a sentence: "14:05" today, "Dec 4, 14:05" before (local
    time)."""
    return Moment(stamp, now)


def kept_at(stamp: float, now: float) -> str:
    """`kept_when` in English."""
    return str(kept_when(stamp, now))
