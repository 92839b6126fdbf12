"""A real browser (Debian chromium via playwright) through the provider's authorization page."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.e2e.test_driver import LOOPBACK_REDIRECT, authorization_url
from tests.fixtures import unavailable
from tests.support.chromium import CHROMIUM, authorize_in_chromium
from tests.support.harness import REPO_ROOT, PdsNetwork, run_reference_client

pytestmark = pytest.mark.browser

ARTIFACTS = REPO_ROOT / "test-artifacts" / "chromium"


@pytest.fixture(autouse=True)
def _chromium_available() -> None:
    if not os.access(CHROMIUM, os.X_OK):
        unavailable(f"{CHROMIUM} not installed")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        unavailable("the playwright package is not installed")


def test_chromium_signs_in_and_approves_on_the_real_page(pds: PdsNetwork) -> None:
    redirect = authorize_in_chromium(
        authorization_url(pds),
        username=pds.alice.handle,
        password=pds.alice.password,
        screenshot_dir=ARTIFACTS,
    )
    assert redirect.startswith(LOOPBACK_REDIRECT + "?")
    params = parse_qs(urlsplit(redirect).query)
    assert params["iss"] == [pds.issuer]
    assert params["code"][0].startswith("cod-")
    assert (ARTIFACTS / "consent.png").stat().st_size > 0


def test_reference_client_with_chromium_as_the_browser(pds: PdsNetwork, tmp_path: Path) -> None:
    log = tmp_path / "chromium.log"
    report = run_reference_client(
        pds,
        pds.bob,
        browser=[sys.executable, str(REPO_ROOT / "tests" / "support" / "chromium.py")],
        driver_env={"DRIVER_LOG": str(log)},
    )
    assert report["ok"], report
    assert report["did"] == pds.bob.did
    # Same request count as with the headless driver: the browser is not the client's traffic.
    assert report["signIn"]["total"] == 11
    assert json.loads(log.read_text())["redirect"].startswith("http://127.0.0.1:")
