"""TEST-ONLY session/state stores in a JSON file, so separate test processes share sessions.

The app never writes secrets to files; the keychain stores replace these outside tests.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from desktop_app.atproto.oauth import PendingAuthorization, Session


class JsonFileSessionStore:
    def __init__(self, path: Path) -> None:
        self.path = path

    def _read(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text())
        except FileNotFoundError:
            return {}
        if not isinstance(data, dict):
            raise ValueError("store file is not an object")
        return data

    def _write(self, data: dict[str, Any]) -> None:
        tmp = self.path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(data))
        os.replace(tmp, self.path)

    async def get(self, did: str) -> Session | None:
        entry = self._read().get(did)
        if entry is None:
            return None
        return Session.from_dicts(entry["public"], entry["secret"])

    async def put(self, session: Session) -> None:
        data = self._read()
        data[session.did] = {"public": session.public_dict(), "secret": session.secret_dict()}
        self._write(data)

    async def delete(self, did: str) -> None:
        data = self._read()
        data.pop(did, None)
        self._write(data)

    async def list_dids(self) -> list[str]:
        return sorted(self._read())


class JsonFileStateStore:
    def __init__(self, path: Path) -> None:
        self.path = path

    def _read(self) -> dict[str, Any]:
        try:
            data: dict[str, Any] = json.loads(self.path.read_text())
        except FileNotFoundError:
            return {}
        return data

    def _write(self, data: dict[str, Any]) -> None:
        tmp = self.path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(data))
        os.replace(tmp, self.path)

    async def put(self, pending: PendingAuthorization) -> None:
        data = self._read()
        data[pending.state] = {"public": pending.public_dict(), "secret": pending.secret_dict()}
        self._write(data)

    async def pop(self, state: str) -> PendingAuthorization | None:
        data = self._read()
        entry = data.pop(state, None)
        self._write(data)
        if entry is None:
            return None
        return PendingAuthorization.from_dicts(entry["public"], entry["secret"])

    async def purge_expired(self, now: float) -> int:
        data = self._read()
        expired = [s for s, e in data.items() if e["public"]["expires_at"] <= now]
        for state in expired:
            del data[state]
        self._write(data)
        return len(expired)
