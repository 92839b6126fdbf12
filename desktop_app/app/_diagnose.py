"""Step-by-step identity and discovery checks, for the `resolve` diagnostic and the UI."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..atproto import AtprotoError, DidDocument, IdentityResolver, syntax
from ..atproto.oauth import Discovery


@dataclass
class Check:
    name: str
    ok: bool
    detail: str

    def as_dict(self) -> dict[str, Any]:
        return {"name": self.name, "ok": self.ok, "detail": self.detail}


@dataclass
class Diagnosis:
    input: str
    handle: str | None = None
    did: str | None = None
    pds: str | None = None
    issuer: str | None = None
    checks: list[Check] = field(default_factory=list)
    error: AtprotoError | None = None

    @property
    def ok(self) -> bool:
        return self.error is None and all(c.ok for c in self.checks)

    def as_dict(self) -> dict[str, Any]:
        return {
            "input": self.input,
            "handle": self.handle,
            "did": self.did,
            "pds": self.pds,
            "issuer": self.issuer,
            "ok": self.ok,
            "checks": [c.as_dict() for c in self.checks],
            "error": None if self.error is None else self.error.message,
        }

    def fail(self, name: str, exc: AtprotoError) -> Diagnosis:
        self.checks.append(Check(name, False, exc.detail or exc.message))
        self.error = exc
        return self

    def passed(self, name: str, detail: str) -> None:
        self.checks.append(Check(name, True, detail))


async def diagnose(text: str, identity: IdentityResolver, discovery: Discovery) -> Diagnosis:
    """Walk handle → DID → document → PDS → authorization server, recording each check.

    Syntax errors raise `InvalidIdentifierError` before any network access.
    """
    identifier = syntax.parse_identifier(text)
    result = Diagnosis(input=text)
    if identifier.kind == "url":
        try:
            metadata = await discovery.for_service_url(identifier.value)
        except AtprotoError as exc:
            return result.fail("authorization server metadata", exc)
        result.issuer = metadata.issuer
        result.passed("authorization server metadata", f"{metadata.issuer} meets atproto OAuth")
        return result

    if identifier.kind == "handle":
        result.handle = identifier.value
        try:
            result.did = await identity.resolve_handle(identifier.value)
        except AtprotoError as exc:
            return result.fail("handle resolves to a DID", exc)
        result.passed("handle resolves to a DID", result.did)
    else:
        result.did = identifier.value

    try:
        document = await identity.resolve_did(result.did)
    except AtprotoError as exc:
        return result.fail("DID document", exc)
    result.passed("DID document", f"loaded, {len(document.handles)} handle(s)")

    await _check_handle(result, identifier.kind, document, identity)
    result.pds = document.pds_url
    result.passed("PDS", document.pds_url)
    try:
        result.issuer = await discovery.issuer_for_pds(document.pds_url)
    except AtprotoError as exc:
        return result.fail("protected resource metadata", exc)
    result.passed("protected resource metadata", f"one authorization server: {result.issuer}")
    try:
        await discovery.metadata(result.issuer)
    except AtprotoError as exc:
        return result.fail("authorization server metadata", exc)
    result.passed("authorization server metadata", "meets atproto OAuth requirements")
    return result


async def _check_handle(result: Diagnosis, kind: str, document: DidDocument,
                        identity: IdentityResolver) -> None:
    """The document claims the typed handle; or, from a DID, its handle resolves back."""
    claimed = document.handles[0] if document.handles else None
    if kind == "handle":
        if claimed != result.handle:
            result.checks.append(
                Check("DID document claims the handle", False, f"document claims {claimed!r}")
            )
        else:
            result.passed("DID document claims the handle", claimed or "")
        return
    if claimed is None:
        return
    try:
        back = await identity.resolve_handle(claimed)
    except AtprotoError as exc:
        result.checks.append(Check("handle resolves back to the DID", False, exc.message))
        return
    result.checks.append(
        Check("handle resolves back to the DID", back == result.did, f"{claimed} → {back}"))
    if back == result.did:
        result.handle = claimed
