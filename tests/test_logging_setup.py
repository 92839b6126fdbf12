"""Log files: rotation target in the profile, and secrets scrubbed even if someone logs them."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from desktop_app.logging_setup import configure_logging, scrub

JWT = "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJkaWQ6cGxjOmFiYyJ9.c2lnbmF0dXJlc2lnbmF0dXJl"


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        (f"Authorization: DPoP {JWT}", JWT),
        ("refresh with ref-4f9c2a1b7e8d6c5b4a39281706f5e4d3 failed",
         "4f9c2a1b7e8d6c5b4a39281706f5e4d3"),
        ("callback org.desktopapp.app:/callback?state=abc&code=cod-secretsecretsecret1234",
         "secretsecretsecret1234"),
        ("http://127.0.0.1:5/callback?iss=x&code=plaincode123", "plaincode123"),
        ("form code_verifier=verifier-value-123", "verifier-value-123"),
        ('{"d": "x"} and d=privatekeymaterial', "privatekeymaterial"),
    ],
)
def test_scrub_removes_secrets(text: str, secret: str) -> None:
    assert secret not in scrub(text)


def test_scrub_keeps_ordinary_text() -> None:
    text = "signed in did:plc:abc at http://localhost:2583 (alice.test), 3 requests"
    assert scrub(text) == text


def test_configure_logging_writes_scrubbed_file(tmp_path: Path) -> None:
    root = logging.getLogger()
    before = list(root.handlers)
    try:
        path = configure_logging(tmp_path / "logs")
        logging.getLogger("desktop_app.test").warning("token was %s", JWT)
        for handler in root.handlers:
            handler.flush()
        content = path.read_text()
    finally:
        for handler in root.handlers[:]:
            if handler not in before:
                root.removeHandler(handler)
                handler.close()
    assert path.parent == tmp_path / "logs"
    assert "token was [jwt]" in content
    assert JWT not in content
