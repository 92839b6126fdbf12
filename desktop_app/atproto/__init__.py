"""What every atproto client needs: syntax, identity, guarded HTTP, caching, errors. Qt-free.

The OAuth public client lives in `desktop_app.atproto.oauth`; the `app.bsky` lexicon in
`desktop_app.bsky`. Import from this face, not from the private modules behind it.
"""

from . import syntax
from ._addresses import (
    GuardedBackend,
    GuardedTransport,
    address_allowed,
    host_problem,
    is_loopback_host,
    is_public_address,
)
from ._cache import SingleFlightCache
from ._encoding import b64url, sha256_b64url
from ._errors import (
    AtprotoError,
    DidResolutionError,
    HandleMismatchError,
    HandleNotFoundError,
    IdentityError,
    InsecureUrlError,
    InvalidIdentifierError,
    InvalidUrlError,
    NetworkError,
    NoPdsError,
    PrivateAddressError,
    ResponseFormatError,
    ResponseTooLargeError,
)
from ._http import (
    NetworkPolicy,
    fetch,
    get_json,
    origin_of,
    parse_json,
    read_limited,
    safe_url,
    send,
    transport_errors,
)
from ._identity import (
    DEFAULT_PLC_URL,
    DidDocument,
    IdentityResolver,
    ResolvedIdentity,
    parse_did_document,
)
from ._json import Fields, loads

__all__ = [
    "DEFAULT_PLC_URL",
    "AtprotoError",
    "DidDocument",
    "DidResolutionError",
    "Fields",
    "GuardedBackend",
    "GuardedTransport",
    "HandleMismatchError",
    "HandleNotFoundError",
    "IdentityError",
    "IdentityResolver",
    "InsecureUrlError",
    "InvalidIdentifierError",
    "InvalidUrlError",
    "NetworkError",
    "NetworkPolicy",
    "NoPdsError",
    "PrivateAddressError",
    "ResolvedIdentity",
    "ResponseFormatError",
    "ResponseTooLargeError",
    "SingleFlightCache",
    "address_allowed",
    "b64url",
    "fetch",
    "get_json",
    "host_problem",
    "is_loopback_host",
    "is_public_address",
    "loads",
    "origin_of",
    "parse_did_document",
    "parse_json",
    "read_limited",
    "safe_url",
    "send",
    "sha256_b64url",
    "syntax",
    "transport_errors",
]
