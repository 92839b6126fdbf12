"""A stand-in primary instance for tests: listens, prints each callback URL, exits on SIGTERM.

Usage: primary_stub.py DATA_DIR CLIENT_ID
Prints `listening <name>` once ready (or `not-primary`), then `url <url>` per hand-off.
"""

from __future__ import annotations

import signal
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer

from desktop_app.atproto.oauth import ClientConfig
from desktop_app.qt import SingleInstance


def main() -> int:
    app = QCoreApplication(sys.argv[:1])
    config = ClientConfig.discoverable(sys.argv[2])

    def deliver(url: str) -> bool:
        if not config.is_callback_url(url):
            return False
        print("url", url, flush=True)
        return True

    instance = SingleInstance(Path(sys.argv[1]), deliver)
    if not instance.listen():
        print("not-primary", flush=True)
        return 3
    signal.signal(signal.SIGTERM, lambda *_: app.quit())
    # Let Python see signals while Qt's loop runs.
    timer = QTimer()
    timer.start(100)
    timer.timeout.connect(lambda: None)
    print("listening", instance.name, flush=True)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
