"""`desktop-app client-metadata`: the document to host registers the app's scopes."""

from __future__ import annotations

import json

import pytest

from desktop_app.bsky import APP_SCOPE, CLIENT_SCOPE
from desktop_app.cli import main

CLIENT_ID = "https://app.example.com/client-metadata.json"


def test_metadata_lists_the_permission_scopes_and_the_fallback(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["client-metadata", "--client-id", CLIENT_ID]) == 0
    metadata = json.loads(capsys.readouterr().out)
    assert metadata["client_id"] == CLIENT_ID
    scopes = metadata["scope"].split()
    assert scopes == CLIENT_SCOPE.split()
    assert set(APP_SCOPE.split()) < set(scopes) and "transition:generic" in scopes
    assert metadata["application_type"] == "native"
    assert metadata["token_endpoint_auth_method"] == "none"
    assert metadata["dpop_bound_access_tokens"] is True
