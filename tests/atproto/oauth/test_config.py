"""Client identities: the development client_id, discoverable metadata, redirect URIs."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from desktop_app.atproto.oauth import ClientConfig, ClientConfigError


def test_development_client_id_has_portless_loopback_redirect() -> None:
    config = ClientConfig.development()
    parts = urlsplit(config.client_id)
    assert parts.scheme == "http" and parts.netloc == "localhost" and parts.path == ""
    query = parse_qs(parts.query)
    assert query["redirect_uri"] == ["http://127.0.0.1/callback"]
    assert query["scope"] == ["atproto transition:generic"]
    assert config.scheme is None and config.custom_scheme_redirect_uri is None
    assert config.accepts_redirect_uri("http://127.0.0.1:54321/callback")
    assert not config.accepts_redirect_uri("http://127.0.0.1:54321/other")
    assert not config.accepts_redirect_uri("http://localhost:54321/callback")
    with pytest.raises(ClientConfigError):
        config.metadata()


def test_discoverable_client_metadata() -> None:
    config = ClientConfig.discoverable("https://app.example.com/client-metadata.json")
    assert config.scheme == "com.example.app"
    assert config.custom_scheme_redirect_uri == "com.example.app:/callback"
    doc = config.metadata()
    assert doc["client_id"] == "https://app.example.com/client-metadata.json"
    assert doc["application_type"] == "native"
    assert doc["token_endpoint_auth_method"] == "none"
    assert doc["dpop_bound_access_tokens"] is True
    assert doc["redirect_uris"] == ["com.example.app:/callback", "http://127.0.0.1/callback"]
    assert set(doc["grant_types"]) == {"authorization_code", "refresh_token"}
    assert "atproto" in doc["scope"].split()
    assert config.accepts_redirect_uri("com.example.app:/callback")
    assert not config.accepts_redirect_uri("com.example.app://callback")
    assert not config.accepts_redirect_uri("com.evil.app:/callback")


@pytest.mark.parametrize(
    "client_id",
    [
        "http://app.example.com/client-metadata.json",  # not https
        "https://app.example.com",  # no document path
        "https://app.example.com:8443/meta.json",  # port
        "https://app.example.com/meta.json?x=1",  # query
        "https://localhost/meta.json",  # single label
        "https://app.test/meta.json",  # reserved TLD, the server refuses it
        "https://app2.example.com/meta.json",  # digit in the scheme breaks xdg-open
        "https://127.0.0.1/meta.json",
    ],
)
def test_bad_discoverable_client_ids(client_id: str) -> None:
    with pytest.raises(ClientConfigError):
        ClientConfig.discoverable(client_id)


def test_scope_must_include_atproto() -> None:
    with pytest.raises(ClientConfigError):
        ClientConfig.development(scope="transition:generic")


def test_is_callback_url() -> None:
    config = ClientConfig.discoverable("https://app.example.com/client-metadata.json")
    assert config.is_callback_url("com.example.app:/callback?state=s&code=c&iss=x")
    assert config.is_callback_url("http://127.0.0.1:4000/callback?state=s")
    assert not config.is_callback_url("com.example.app:/callback")  # no query
    assert not config.is_callback_url("com.example.app:/other?state=s")
    assert not config.is_callback_url("com.evil.app:/callback?state=s")
    assert not config.is_callback_url("com.example.app://host/callback?state=s")
    assert not config.is_callback_url("http://evil.example.com/callback?state=s")
    assert not config.is_callback_url("file:///etc/passwd")
    assert not ClientConfig.development().is_callback_url("com.example.app:/callback?state=s")
