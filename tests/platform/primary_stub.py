"""A stand-in primary instance for tests: listens, prints each accepted URL, exits on SIGTERM.

Usage: primary_stub.py DATA_DIR CLIENT_ID
Prints `listening <name>` once ready (or `not-primary`), then `url <url>` per hand-off.
"""

from __future__ import annotations

import signal
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer

from desktop_app.atproto.client_config import ClientConfig
from desktop_app.platform.single_instance import SingleInstance


def main() -> int:
    app = QCoreApplication(sys.argv[:1])
    config = ClientConfig.discoverable(sys.argv[2])
    instance = SingleInstance(Path(sys.argv[1]), accept=config.is_callback_url)
    if not instance.listen():
        print("not-primary", flush=True)
        return 3
    instance.url_received.connect(lambda url: print("url", url, flush=True))
    signal.signal(signal.SIGTERM, lambda *_: app.quit())
    # Let Python see signals while Qt's loop runs.
    timer = QTimer()
    timer.start(100)
    timer.timeout.connect(lambda: None)
    print("listening", instance.name, flush=True)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
