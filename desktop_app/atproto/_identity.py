"""Identity resolution: handle → DID (DNS, HTTPS, XRPC), DID → document → PDS, with caching."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urlsplit

import dns.asyncresolver
import dns.exception
import dns.name
import dns.rdatatype
import dns.resolver
import httpx

from ..sentences import QT_TR_NOOP
from . import syntax
from ._cache import SingleFlightCache
from ._errors import (
    AtprotoError,
    DidResolutionError,
    HandleMismatchError,
    HandleNotFoundError,
    InsecureUrlError,
    InvalidIdentifierError,
    NetworkError,
    NoPdsError,
    ResponseTooLargeError,
)
from ._http import NetworkPolicy, fetch, origin_of, parse_json, safe_url

log = logging.getLogger(__name__)

DEFAULT_PLC_URL = "https://plc.directory"
DEFAULT_CACHE_TTL = 300.0
MAX_CACHE_TTL = 600.0  # identity may be cached, but for less than ten minutes
DID_DOC_MAX_BYTES = 64 * 1024
WELL_KNOWN_MAX_BYTES = 4 * 1024  # one DID (≤ 2048 chars) plus whitespace
RESOLVE_HANDLE_MAX_BYTES = 16 * 1024
# After the first valid answer, how long slower methods may still report a conflicting DID.
DEFAULT_CONFLICT_GRACE = 0.5

PDS_SERVICE_ID = "#atproto_pds"
PDS_SERVICE_TYPE = "AtprotoPersonalDataServer"


@dataclass(frozen=True)
class DidDocument:
    """The parts of a DID document this client relies on, validated."""

    did: str
    handles: tuple[str, ...]  # every `at://` alias, in document order, lower-cased
    pds_url: str  # origin of the `#atproto_pds` service, e.g. "https://pds.example.com"
    raw: Mapping[str, Any] = field(compare=False, hash=False, repr=False)

    @property
    def handle(self) -> str | None:
        """The handle the account claims: the first `at://` alias that is a valid handle."""
        return next((h for h in self.handles if syntax.is_valid_handle(h)), None)


@dataclass(frozen=True)
class ResolvedIdentity:
    did: str
    handle: str | None  # set only when the handle and the DID document confirm each other
    pds_url: str
    document: DidDocument


@dataclass
class _Race:
    """What the handle-resolution methods said: a DID, no DID, or a failure to answer."""

    answers: dict[str, str] = field(default_factory=dict)
    not_found: list[str] = field(default_factory=list)
    failures: list[AtprotoError] = field(default_factory=list)

    def record(self, name: str, task: asyncio.Future[str | None]) -> None:
        try:
            did = task.result()
        except NetworkError as exc:
            log.info("handle lookup via %s failed: %s", name, exc.detail)
            self.failures.append(exc)
            return
        if did is None:
            self.not_found.append(name)
        else:
            self.answers[name] = did


class IdentityResolver:
    """Resolves and verifies atproto identities. Qt-free; share one per process and loop."""

    def __init__(
        self,
        http: httpx.AsyncClient,
        policy: NetworkPolicy,
        *,
        plc_url: str = DEFAULT_PLC_URL,
        handle_resolver_url: str | None = None,
        cache_ttl: float = DEFAULT_CACHE_TTL,
        clock: Callable[[], float] = time.monotonic,
        dns_resolver: dns.asyncresolver.Resolver | None = None,
        conflict_grace: float = DEFAULT_CONFLICT_GRACE,
    ) -> None:
        if not 0 <= cache_ttl < MAX_CACHE_TTL:
            raise ValueError(f"cache_ttl must be in [0, {MAX_CACHE_TTL}) seconds")
        self._http = http
        self._policy = policy
        self._plc_url = plc_url.rstrip("/")
        self._handle_resolver_url = handle_resolver_url.rstrip("/") if handle_resolver_url else None
        self._dns = dns_resolver
        self._grace = conflict_grace
        self._handles: SingleFlightCache[str, str] = SingleFlightCache(ttl=cache_ttl, clock=clock)
        self._documents: SingleFlightCache[str, DidDocument] = SingleFlightCache(
            ttl=cache_ttl, clock=clock)

    # --- public API ----------------------------------------------------------------------------

    async def resolve(self, identifier: str) -> ResolvedIdentity:
        """Handle or DID → verified identity with its PDS.

        A handle must be claimed by its DID document (else `HandleMismatchError`); for a DID, the
        document's handle is reported only if it resolves back to the same DID.
        """
        parsed = syntax.parse_identifier(identifier)
        if parsed.kind == "url":
            raise InvalidIdentifierError(
                "a server URL is not an account identifier",
                message=QT_TR_NOOP("Enter a handle or DID here, not a server address."),
            )
        if parsed.kind == "did":
            document = await self.resolve_did(parsed.value)
            handle = await self._verified_handle_of(document)
            return ResolvedIdentity(parsed.value, handle, document.pds_url, document)

        handle = parsed.value
        did = await self.resolve_handle(handle)
        document = await self.resolve_did(did)
        if document.handle != handle:
            raise HandleMismatchError(
                f"{did} claims {document.handle or 'no handle'}, not {handle}"
            )
        return ResolvedIdentity(did, handle, document.pds_url, document)

    async def resolve_handle(self, handle: str, *, fresh: bool = False) -> str:
        """The DID a handle points at, per DNS TXT, HTTPS well-known and the configured resolver.

        Raises `InvalidIdentifierError` before any request for malformed or disallowed handles,
        `HandleNotFoundError` when no method knows the handle, and `NetworkError` (or a
        subclass) when every method failed to get an answer at all.
        """
        handle = syntax.ensure_resolvable_handle(handle)
        return await self._handles.get(
            handle, lambda: self._resolve_handle_uncached(handle), fresh=fresh)

    async def resolve_did(self, did: str, *, fresh: bool = False) -> DidDocument:
        """The validated DID document of a did:plc or hostname-level did:web."""
        did = syntax.ensure_did(did)
        return await self._documents.get(
            did, lambda: self._resolve_did_uncached(did), fresh=fresh)

    def invalidate(self, did_or_handle: str) -> None:
        """Forget cached answers about a DID (and handles pointing at it) or about a handle."""
        key = did_or_handle.strip()
        if key.startswith("did:"):
            self._documents.discard(key)
            self._handles.discard_if(lambda _, did: did == key)
            return
        try:
            handle = syntax.normalize_handle(key)
        except AtprotoError:
            return
        self._handles.discard(handle)

    # --- handle → DID --------------------------------------------------------------------------

    async def _resolve_handle_uncached(self, handle: str) -> str:
        methods: dict[str, Callable[[], Awaitable[str | None]]] = {}
        if not syntax.is_special_use(handle):
            methods["DNS"] = lambda: self._handle_via_dns(handle)
            methods["HTTPS"] = lambda: self._handle_via_well_known(handle)
        if self._handle_resolver_url is not None:
            methods["resolver"] = lambda: self._handle_via_resolver(handle)
        if not methods:
            raise HandleNotFoundError(
                f"{handle} is a special-use name and no handle resolver is configured"
            )

        race = await self._race(methods)
        answers, not_found, failures = race.answers, race.not_found, race.failures
        distinct = set(answers.values())
        if len(distinct) > 1:
            described = ", ".join(f"{name}: {did}" for name, did in sorted(answers.items()))
            raise HandleMismatchError(
                f"{handle} resolves to different DIDs ({described})",
                message=QT_TR_NOOP(
                    "That handle's records point to different accounts, so it cannot be "
                    "trusted. Its owner needs to fix its DNS or web settings."
                ),
            )
        if distinct:
            return distinct.pop()
        if not_found or not failures:
            raise HandleNotFoundError(f"{handle}: no DID via {', '.join(methods)}")
        if len(failures) == 1:
            raise failures[0]
        raise NetworkError("; ".join(f.detail for f in failures))

    async def _race(self, methods: Mapping[str, Callable[[], Awaitable[str | None]]]) -> _Race:
        """Run every method at once; after the first answer the others get `conflict_grace`
        seconds to disagree, then the rest are cancelled."""
        tasks: dict[asyncio.Future[str | None], str] = {
            asyncio.ensure_future(run()): name for name, run in methods.items()
        }
        race = _Race()
        pending: set[asyncio.Future[str | None]] = set(tasks)
        loop = asyncio.get_running_loop()
        deadline: float | None = None
        try:
            while pending:
                wait = None if deadline is None else max(0.0, deadline - loop.time())
                done, pending = await asyncio.wait(
                    pending, timeout=wait, return_when=asyncio.FIRST_COMPLETED
                )
                if not done:
                    break  # grace period over; slower methods cannot change the answer
                for task in done:
                    race.record(tasks[task], task)
                if race.answers and deadline is None:
                    deadline = loop.time() + self._grace
        finally:
            for task in pending:
                task.cancel()
            if pending:
                await asyncio.wait(pending)
        return race

    def _dns_resolver(self) -> dns.asyncresolver.Resolver:
        if self._dns is None:
            try:
                self._dns = dns.asyncresolver.Resolver()
            except dns.exception.DNSException as exc:
                raise NetworkError(f"no DNS configuration: {type(exc).__name__}") from exc
        return self._dns

    async def _handle_via_dns(self, handle: str) -> str | None:
        resolver = self._dns_resolver()
        name = dns.name.from_text(f"_atproto.{handle}")
        try:
            answer = await resolver.resolve(
                name, dns.rdatatype.TXT, search=False, lifetime=self._policy.timeout
            )
        except (dns.resolver.NXDOMAIN, dns.resolver.NoAnswer):
            return None
        except dns.exception.Timeout as exc:
            raise NetworkError(f"DNS timed out for _atproto.{handle}") from exc
        except dns.exception.DNSException as exc:
            raise NetworkError(f"DNS failed for _atproto.{handle}: {type(exc).__name__}") from exc
        values = []
        for rdata in answer:
            text = b"".join(getattr(rdata, "strings", ()))
            if text.startswith(b"did="):
                values.append(text[len(b"did="):])
        # The spec: more than one did= record means the handle does not resolve.
        if len(values) != 1:
            return None
        return _supported_did_or_none(values[0])

    async def _handle_via_well_known(self, handle: str) -> str | None:
        url = f"https://{handle}/.well-known/atproto-did"
        try:
            response, body = await fetch(
                self._http, self._policy, "GET", url,
                headers={"accept": "text/plain"},
                follow_redirects=True, max_bytes=WELL_KNOWN_MAX_BYTES,
            )
        except (ResponseTooLargeError, InsecureUrlError) as exc:
            # The server answered, just not with something usable (or redirected to http).
            log.info("well-known handle lookup: %s", exc.detail)
            return None
        if response.status_code >= 500:
            raise NetworkError(f"HTTP {response.status_code} from {url}")
        if not 200 <= response.status_code < 300:
            return None
        lines = body.strip().splitlines()
        if len(lines) != 1:
            return None
        return _supported_did_or_none(lines[0])

    async def _handle_via_resolver(self, handle: str) -> str | None:
        base = self._handle_resolver_url
        if base is None:
            return None
        url = f"{base}/xrpc/com.atproto.identity.resolveHandle?handle={quote(handle, safe='')}"
        response, body = await fetch(
            self._http, self._policy, "GET", url,
            headers={"accept": "application/json"},
            follow_redirects=True, max_bytes=RESOLVE_HANDLE_MAX_BYTES,
        )
        if response.status_code >= 500 or response.status_code == 429:
            raise NetworkError(f"HTTP {response.status_code} from {safe_url(url)}")
        if not 200 <= response.status_code < 300:
            return None  # 400 HandleNotFound, or the resolver does not know the method
        try:
            data = parse_json(
                body, url, error=HandleNotFoundError,
                content_type=response.headers.get("content-type"),
            )
        except HandleNotFoundError as exc:
            log.info("handle resolver answer unusable: %s", exc.detail)
            return None
        did = data.get("did") if isinstance(data, dict) else None
        if not isinstance(did, str):
            return None
        return _supported_did_or_none(did)

    # --- DID → document ------------------------------------------------------------------------

    async def _resolve_did_uncached(self, did: str) -> DidDocument:
        url = self._document_url(did)
        response, body = await fetch(
            self._http, self._policy, "GET", url,
            headers={"accept": "application/did+ld+json, application/json"},
            follow_redirects=False, max_bytes=DID_DOC_MAX_BYTES,
        )
        status = response.status_code
        if status >= 500 or status == 429:
            raise NetworkError(f"HTTP {status} from {safe_url(url)}")
        if status in {404, 410}:
            raise DidResolutionError(
                f"{did}: HTTP {status}",
                message=QT_TR_NOOP(
                    "That account was not found; it may have been deleted or deactivated."
                ),
            )
        if not 200 <= status < 300:
            raise DidResolutionError(f"HTTP {status} from {safe_url(url)}")
        data = parse_json(
            body, url, error=DidResolutionError, content_type=response.headers.get("content-type")
        )
        return parse_did_document(did, data)

    def _document_url(self, did: str) -> str:
        if did.startswith("did:plc:"):
            return f"{self._plc_url}/{did}"
        location = syntax.did_web_host(did)
        if location is None:  # ensure_did already refused it; kept for a typed narrowing
            raise DidResolutionError(f"unsupported DID {did}")
        host, port = location
        if port is not None:  # only did:web:localhost%3A<port>, for development
            return f"http://{host}:{port}/.well-known/did.json"
        return f"https://{host}/.well-known/did.json"

    async def _verified_handle_of(self, document: DidDocument) -> str | None:
        claimed = document.handle
        if claimed is None or syntax.has_disallowed_tld(claimed):
            return None
        try:
            back = await self.resolve_handle(claimed)
        except AtprotoError as exc:
            log.info("handle %s of %s not verified: %s", claimed, document.did, exc.detail)
            return None
        return claimed if back == document.did else None


def parse_did_document(did: str, data: Any) -> DidDocument:
    """Validate the untrusted JSON of `did`'s document; raise `DidResolutionError`/`NoPdsError`."""
    if not isinstance(data, dict):
        raise DidResolutionError(f"document of {did} is not a JSON object")
    if data.get("id") != did:
        raise DidResolutionError(f"document id {_short(data.get('id'))} is not {did}")

    aliases = data.get("alsoKnownAs", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise DidResolutionError(f"alsoKnownAs of {did} is not a list of strings")
    handles = tuple(a[len("at://"):].lower() for a in aliases if a.startswith("at://"))

    services = data.get("service", [])
    if not isinstance(services, list):
        raise DidResolutionError(f"service of {did} is not a list")
    endpoint: Any = None
    found = False
    for service in services:
        if not isinstance(service, dict):
            raise DidResolutionError(f"a service entry of {did} is not an object")
        # The first entry with both the PDS id and the PDS type; others are skipped.
        if service.get("id") in {PDS_SERVICE_ID, did + PDS_SERVICE_ID} \
                and service.get("type") == PDS_SERVICE_TYPE:
            found = True
            endpoint = service.get("serviceEndpoint")
            break
    if not found:
        raise NoPdsError(f"{did} has no {PDS_SERVICE_ID} service of type {PDS_SERVICE_TYPE}")
    pds_url = _pds_origin(endpoint)
    if pds_url is None:
        raise NoPdsError(f"{did} has an invalid PDS endpoint {_short(endpoint)}")
    return DidDocument(did=did, handles=handles, pds_url=pds_url, raw=data)


def _pds_origin(endpoint: Any) -> str | None:
    """An http(s) origin with nothing after it but "/", else None."""
    if not isinstance(endpoint, str) or not endpoint.isascii() or len(endpoint) > 2048:
        return None
    if any(c.isspace() or ord(c) < 0x20 for c in endpoint):
        return None
    try:
        parts = urlsplit(endpoint)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        return None
    if (
        parts.scheme not in {"http", "https"}
        or not parts.hostname
        or parts.username is not None
        or parts.password is not None
        or parts.path not in {"", "/"}
        or parts.query
        or parts.fragment
        or "?" in endpoint
        or "#" in endpoint
    ):
        return None
    return origin_of(endpoint)


def _supported_did_or_none(raw: bytes | str) -> str | None:
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("ascii")
        except UnicodeDecodeError:
            return None
    did = raw.strip()
    return did if syntax.is_supported_did(did) else None


def _short(value: Any, limit: int = 80) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[:limit] + "…"
