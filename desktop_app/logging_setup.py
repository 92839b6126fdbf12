"""Logging to a rotating file in the profile's log directory, with secrets scrubbed on the way."""

from __future__ import annotations

import logging
import logging.handlers
import re
from pathlib import Path

from .platform import private_dir

LOG_FILE = "desktop-app.log"
MAX_BYTES = 1_000_000
BACKUPS = 3

# Defence in depth: the code never logs secrets on purpose, but a library or an exception text
# might. These shapes cover JWTs (access tokens, DPoP proofs), the reference server's opaque
# tokens and codes, PKCE verifiers handed around as query values, and URL query strings (which
# carry `code` and `state` on redirects).
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}"), "[jwt]"),
    (re.compile(r"\b(ref|cod|tok|req|ses|dev)-[A-Za-z0-9_-]{16,}"), r"\1-[redacted]"),
    (re.compile(r"(?i)\b(DPoP|Bearer)\s+[A-Za-z0-9._~+/=-]{16,}"), r"\1 [redacted]"),
    (
        re.compile(r"(?i)\b(code|state|code_verifier|refresh_token|access_token|token|d)="
                   r"[^&\s\"']+"),
        r"\1=[redacted]",
    ),
    (re.compile(r"([a-z][a-z0-9+.-]*:/[^\s?\"']*)\?[^\s\"']+", re.IGNORECASE), r"\1?[query]"),
)


def scrub(text: str) -> str:
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


class ScrubbingFormatter(logging.Formatter):
    """Formats as usual, then removes anything shaped like a secret or a URL query."""

    def format(self, record: logging.LogRecord) -> str:
        return scrub(super().format(record))


def configure_logging(log_dir: Path, *, verbose: bool = False) -> Path:
    """Send the app's logs to `log_dir` (rotated); returns the log file path."""
    private_dir(log_dir)  # logs name accounts and servers
    path = log_dir / LOG_FILE
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
    )
    handler.setFormatter(
        ScrubbingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    )
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    # httpx logs every request URL at INFO; keep it at WARNING unless asked.
    logging.getLogger("httpx").setLevel(logging.DEBUG if verbose else logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.INFO if verbose else logging.WARNING)
    return path
