"""Who this app is to an authorization server: the loopback dev client or a discoverable one."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal
from urllib.parse import quote, urlsplit

from ._errors import ClientConfigError
from ._scopes import granular_supported

DEFAULT_SCOPE = "atproto transition:generic"
DEFAULT_CALLBACK_PATH = "/callback"
LOOPBACK_REDIRECT_HOST = "127.0.0.1"
# The authorization server rejects discoverable clients whose host is under these suffixes.
_RESERVED_SUFFIXES = (".test", ".example", ".local", ".localhost", ".invalid", ".internal")
_HOST_LABEL = re.compile(r"^[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$")
_PATH = re.compile(r"^/[A-Za-z0-9._~/-]*$")


@dataclass(frozen=True)
class ClientConfig:
    """OAuth client identity of this installation.

    `development()` is the atproto `http://localhost` client: no hosting needed, any loopback
    port accepted. `discoverable()` is an https client_id whose metadata document we host; it
    redirects through a private-use URI scheme (the client_id host reversed), with a loopback
    redirect as fallback.
    """

    client_id: str
    kind: Literal["development", "discoverable"]
    scope: str
    callback_path: str
    client_name: str = "Desktop App"
    client_uri: str | None = None
    # What a sign-in asks for (default: all of `scope`), and what it asks for instead where the
    # server does not take permission scopes (None: no fallback). Both within `scope`.
    request_scope: str | None = None
    fallback_scope: str | None = None

    @classmethod
    def development(
        cls, *, scope: str = DEFAULT_SCOPE, callback_path: str = DEFAULT_CALLBACK_PATH,
        request_scope: str | None = None, fallback_scope: str | None = None,
    ) -> ClientConfig:
        _check_path(callback_path)
        _check_scopes(scope, request_scope, fallback_scope)
        # No port in the registered redirect: the server then accepts any port (RFC 8252 §7.3).
        redirect = f"http://{LOOPBACK_REDIRECT_HOST}{callback_path}"
        query = f"redirect_uri={quote(redirect, safe='')}&scope={quote(scope, safe='')}"
        client_id = f"http://localhost?{query}"
        return cls(client_id, "development", scope, callback_path,
                   request_scope=request_scope, fallback_scope=fallback_scope)

    @classmethod
    def discoverable(
        cls,
        client_id: str,
        *,
        scope: str = DEFAULT_SCOPE,
        callback_path: str = DEFAULT_CALLBACK_PATH,
        client_name: str = "Desktop App",
        client_uri: str | None = None,
        request_scope: str | None = None,
        fallback_scope: str | None = None,
    ) -> ClientConfig:
        parts = urlsplit(client_id)
        host = parts.hostname or ""
        if parts.scheme != "https" or not host:
            raise ClientConfigError(f"client_id must be an https URL, got {client_id!r}")
        if parts.query or parts.fragment or parts.username or parts.port:
            raise ClientConfigError("client_id must not have a port, query, fragment or userinfo")
        if not parts.path or parts.path == "/":
            raise ClientConfigError("client_id must be the URL of the metadata document")
        labels = host.split(".")
        if len(labels) < 2 or not all(_HOST_LABEL.match(label) for label in labels):
            raise ClientConfigError(f"client_id host {host!r} is not a plain domain name")
        if host.endswith(_RESERVED_SUFFIXES):
            raise ClientConfigError(f"client_id host {host!r} uses a reserved domain")
        scheme = ".".join(reversed(labels))
        if any(c.isdigit() for c in scheme):
            # xdg-open treats a scheme with digits as a file path, so Linux could never route it.
            raise ClientConfigError(f"URI scheme {scheme!r} derived from the client_id has digits")
        _check_path(callback_path)
        _check_scopes(scope, request_scope, fallback_scope)
        return cls(client_id, "discoverable", scope, callback_path, client_name, client_uri,
                   request_scope, fallback_scope)

    def scope_for(self, scopes_supported: Sequence[str]) -> str:
        """What a sign-in at a server with these `scopes_supported` asks for."""
        if self.fallback_scope is not None and not granular_supported(scopes_supported):
            return self.fallback_scope
        return self.request_scope or self.scope

    @property
    def scheme(self) -> str | None:
        """The private-use URI scheme (discoverable clients only)."""
        if self.kind != "discoverable":
            return None
        host = urlsplit(self.client_id).hostname or ""
        return ".".join(reversed(host.split(".")))

    @property
    def custom_scheme_redirect_uri(self) -> str | None:
        scheme = self.scheme
        # Exactly one slash after the colon: RFC 8252 §7.1, and what the server demands.
        return f"{scheme}:{self.callback_path}" if scheme else None

    def loopback_redirect_uri(self, port: int) -> str:
        if not 0 < port < 65536:
            raise ClientConfigError(f"invalid loopback port {port}")
        return f"http://{LOOPBACK_REDIRECT_HOST}:{port}{self.callback_path}"

    @property
    def registered_redirect_uris(self) -> tuple[str, ...]:
        loopback = f"http://{LOOPBACK_REDIRECT_HOST}{self.callback_path}"
        custom = self.custom_scheme_redirect_uri
        return (custom, loopback) if custom else (loopback,)

    def accepts_redirect_uri(self, uri: str) -> bool:
        """Whether `uri` is one of ours (loopback: any port, as the server allows)."""
        if uri in self.registered_redirect_uris:
            return True
        parts = urlsplit(uri)
        return (
            parts.scheme == "http"
            and parts.hostname == LOOPBACK_REDIRECT_HOST
            and parts.port is not None
            and parts.path == self.callback_path
            and not parts.query
            and not parts.fragment
        )

    def is_callback_url(self, url: str) -> bool:
        """Whether an incoming URL is a redirect to one of our callbacks (query required)."""
        try:
            parts = urlsplit(url)
        except ValueError:
            return False
        if not parts.query or parts.fragment or parts.path != self.callback_path:
            return False
        if parts.scheme == "http":
            return parts.hostname == LOOPBACK_REDIRECT_HOST and not parts.username
        return self.scheme is not None and parts.scheme == self.scheme and not parts.netloc

    def metadata(self) -> dict[str, Any]:
        """The client metadata document to host at `client_id` (discoverable clients)."""
        if self.kind != "discoverable":
            raise ClientConfigError("the development client has no hosted metadata document")
        doc: dict[str, Any] = {
            "client_id": self.client_id,
            "client_name": self.client_name,
            "application_type": "native",
            "grant_types": ["authorization_code", "refresh_token"],
            "response_types": ["code"],
            "scope": self.scope,
            "redirect_uris": list(self.registered_redirect_uris),
            "token_endpoint_auth_method": "none",
            "dpop_bound_access_tokens": True,
        }
        if self.client_uri:
            doc["client_uri"] = self.client_uri
        return doc


def _check_path(path: str) -> None:
    if not _PATH.match(path) or "//" in path:
        raise ClientConfigError(f"callback path {path!r} must be a simple absolute path")


def _check_scope(scope: str) -> None:
    scopes = scope.split(" ")
    if "atproto" not in scopes or any(not s or not s.isprintable() for s in scopes):
        raise ClientConfigError(f"scope {scope!r} must be space-separated and include 'atproto'")


def _check_scopes(scope: str, *subsets: str | None) -> None:
    _check_scope(scope)
    registered = set(scope.split(" "))
    for subset in subsets:
        if subset is not None:
            _check_scope(subset)
            if not set(subset.split(" ")) <= registered:
                raise ClientConfigError(f"scope {subset!r} asks for more than {scope!r}")
