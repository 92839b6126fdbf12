"""The atproto OAuth public client: PAR + PKCE S256 + DPoP sign-in, refresh, sign-out. Qt-free.

Import from this face, not from the private modules behind it.
"""

from ._auth import DPoPAuth, SessionSource
from ._callback import (
    callback_state,
    describe_redirect,
    parse_callback,
    parse_token_response,
    pkce_pair,
    same_redirect,
)
from ._client import PENDING_TTL, AuthorizationStart, OAuthClient
from ._config import DEFAULT_SCOPE, LOOPBACK_REDIRECT_HOST, ClientConfig
from ._discovery import AuthServerMetadata, Discovery, check_origin_url, parse_as_metadata
from ._dpop import DPoPKey, NonceCache, access_token_hash, htu_of, is_use_dpop_nonce_error
from ._endpoints import Endpoints
from ._errors import (
    AuthorizationError,
    CallbackError,
    ClientConfigError,
    DPoPError,
    InvalidCallbackError,
    IssuerMismatchError,
    MetadataError,
    NoSessionError,
    ParRejectedError,
    RedirectTimeoutError,
    SessionEndedError,
    SessionEndReason,
    SilentSignOnRefusedError,
    StorageError,
    TokenError,
    TokenRequestRejectedError,
    TokenResponseError,
    TransientRefreshError,
    UnknownStateError,
)
from ._refresh import SessionKeeper
from ._session import PendingAuthorization, Session, TokenSet
from ._stores import MemorySessionStore, MemoryStateStore, SessionStore, StateStore

__all__ = [
    "DEFAULT_SCOPE",
    "LOOPBACK_REDIRECT_HOST",
    "PENDING_TTL",
    "AuthServerMetadata",
    "AuthorizationError",
    "AuthorizationStart",
    "CallbackError",
    "ClientConfig",
    "ClientConfigError",
    "DPoPAuth",
    "DPoPError",
    "DPoPKey",
    "Discovery",
    "Endpoints",
    "InvalidCallbackError",
    "IssuerMismatchError",
    "MemorySessionStore",
    "MemoryStateStore",
    "MetadataError",
    "NoSessionError",
    "NonceCache",
    "OAuthClient",
    "ParRejectedError",
    "PendingAuthorization",
    "RedirectTimeoutError",
    "Session",
    "SessionEndReason",
    "SessionEndedError",
    "SessionKeeper",
    "SessionSource",
    "SessionStore",
    "SilentSignOnRefusedError",
    "StateStore",
    "StorageError",
    "TokenError",
    "TokenRequestRejectedError",
    "TokenResponseError",
    "TokenSet",
    "TransientRefreshError",
    "UnknownStateError",
    "access_token_hash",
    "callback_state",
    "check_origin_url",
    "describe_redirect",
    "htu_of",
    "is_use_dpop_nonce_error",
    "parse_as_metadata",
    "parse_callback",
    "parse_token_response",
    "pkce_pair",
    "same_redirect",
]
