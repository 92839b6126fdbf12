"""Child for the crash test: saves ever-newer sessions until killed, announcing each first.

Usage: crash_saver.py DATA_DIR START_GENERATION
Prints `<generation> <sha256(access token)> <jkt>` before each save and `saved <generation>` after.
"""

from __future__ import annotations

import asyncio
import hashlib
import sys
from pathlib import Path

from desktop_app.platform import KeyringSessionStore
from tests.support.keychain import sample_session


async def main(data_dir: Path, start: int) -> None:
    store = KeyringSessionStore(data_dir)
    generation = start
    while True:
        session = sample_session(generation, token_len=1500 + generation % 700)
        digest = hashlib.sha256(session.tokens.access_token.encode()).hexdigest()
        print(generation, digest, session.dpop_key.thumbprint, flush=True)
        await store.put(session)
        print("saved", generation, flush=True)
        generation += 1


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1]), int(sys.argv[2])))
