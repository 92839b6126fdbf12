"""atproto permission scopes (`repo:`, `rpc:`, `blob:`, transition scopes): parsed and matched.

Follows the permission spec as the reference resource server enforces it: a `repo` permission
names collections (or `*`) and actions (all three when none are named); an `rpc` permission
names methods and one audience (`*` for any, but never `*` for both); a `blob` permission names
MIME patterns. `transition:generic` allows every repo, blob and rpc operation except chat.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal
from urllib.parse import parse_qsl, unquote

from .. import syntax

RepoAction = Literal["create", "update", "delete"]
REPO_ACTIONS: tuple[RepoAction, ...] = ("create", "update", "delete")
ATPROTO = "atproto"
TRANSITION_GENERIC = "transition:generic"
TRANSITION_EMAIL = "transition:email"
GRANULAR_PREFIXES = frozenset({"repo", "rpc", "blob", "include", "account", "identity"})
_MISSING = re.compile(r'Missing required scope "([^"\s]{1,2000})"')


@dataclass(frozen=True)
class RepoPermission:
    collections: frozenset[str]
    actions: frozenset[str]

    def allows(self, collection: str, action: str) -> bool:
        return action in self.actions and ("*" in self.collections
                                           or collection in self.collections)


@dataclass(frozen=True)
class RpcPermission:
    methods: frozenset[str]
    aud: str

    def allows(self, method: str, aud: str | None = None) -> bool:
        """`aud` None: for some audience (the caller cannot know which one the PDS uses)."""
        return (aud is None or self.aud in ("*", aud)) and (
            "*" in self.methods or method in self.methods)


@dataclass(frozen=True)
class BlobPermission:
    accept: tuple[str, ...]

    def allows(self, mime: str) -> bool:
        if not _is_mime(mime):
            return False
        return any(a == "*/*" or a == mime or (a.endswith("/*") and mime.startswith(a[:-1]))
                   for a in self.accept)


Permission = RepoPermission | RpcPermission | BlobPermission


def _is_type_slash_subtype(value: str) -> bool:
    head, slash, tail = value.partition("/")
    return bool(head and slash and tail) and "/" not in tail and " " not in value


def _is_mime(value: str) -> bool:
    return _is_type_slash_subtype(value) and "*" not in value


def _is_accept(value: str) -> bool:
    return value == "*/*" or (_is_type_slash_subtype(value)
                              and ("*" not in value or value.endswith("/*")))


def _is_did_ref(value: str) -> bool:
    did, hash_, fragment = value.partition("#")
    return bool(hash_ and fragment) and syntax.is_valid_did(did) and fragment.isprintable() \
        and " " not in fragment and "#" not in fragment


def _split(token: str) -> tuple[str, str | None, dict[str, list[str]]] | None:
    """prefix, positional value, named parameters; None for malformed parameters."""
    question = token.find("?")
    colon = token.find(":")
    cut = min(i for i in (question, colon, len(token)) if i >= 0)
    prefix = token[:cut]
    positional = None
    if colon >= 0 and (question < 0 or colon < question):
        positional = unquote(token[colon + 1:question if question >= 0 else len(token)])
    params: dict[str, list[str]] = {}
    if 0 <= question < len(token) - 1:
        try:
            pairs = parse_qsl(token[question + 1:], keep_blank_values=True,
                              strict_parsing=True)
        except ValueError:
            return None
        for key, value in pairs:
            params.setdefault(key, []).append(value)
    return prefix, positional, params


def _values(positional: str | None, named: list[str] | None) -> list[str] | None:
    """The positional value or the named ones (never both); None when neither or both."""
    if named is not None:
        return None if positional is not None or not named else named
    return None if positional is None else [positional]


def parse_permission(token: str) -> Permission | None:
    """A `repo:`, `rpc:` or `blob:` scope; None for any other or a malformed one."""
    split = _split(token)
    if split is None:
        return None
    prefix, positional, params = split
    if prefix == "repo" and set(params) <= {"collection", "action"}:
        collections = _values(positional, params.get("collection"))
        actions = params.get("action", list(REPO_ACTIONS))
        if collections is None or not actions or not all(
                c == "*" or syntax.is_valid_nsid(c) for c in collections) or not all(
                a in REPO_ACTIONS for a in actions):
            return None
        return RepoPermission(frozenset(collections), frozenset(actions))
    if prefix == "rpc" and set(params) <= {"lxm", "aud"}:
        methods = _values(positional, params.get("lxm"))
        auds = params.get("aud", [])
        if methods is None or len(auds) != 1 or not all(
                m == "*" or syntax.is_valid_nsid(m) for m in methods):
            return None
        aud = auds[0]
        if not (aud == "*" or _is_did_ref(aud)) or (aud == "*" and "*" in methods):
            return None  # rpc:*?aud=* is forbidden
        return RpcPermission(frozenset(methods), aud)
    if prefix == "blob" and set(params) <= {"accept"}:
        accept = _values(positional, params.get("accept"))
        if accept is None or not all(_is_accept(a) for a in accept):
            return None
        return BlobPermission(tuple(a.lower() for a in accept))
    return None


class Scopes:
    """A scope string as a resource server reads it: which operations it allows.

    Holds the space-separated tokens in their order and the permissions parsed from them.
    """

    def __init__(self, scope: str) -> None:
        self.tokens: tuple[str, ...] = tuple(dict.fromkeys(t for t in scope.split(" ") if t))
        parsed = (parse_permission(t) for t in self.tokens)
        self.permissions: tuple[Permission, ...] = tuple(p for p in parsed if p is not None)

    def __str__(self) -> str:
        return " ".join(self.tokens)

    def __repr__(self) -> str:
        return f"Scopes({str(self)!r})"

    def __contains__(self, token: str) -> bool:
        return token in self.tokens

    @property
    def transition_generic(self) -> bool:
        return TRANSITION_GENERIC in self.tokens

    @property
    def granular(self) -> bool:
        """Whether any token is a permission scope (rather than `atproto`/`transition:`)."""
        return any(_prefix(t) in GRANULAR_PREFIXES for t in self.tokens)

    def allows_repo(self, collection: str, action: str) -> bool:
        return self.transition_generic or any(
            isinstance(p, RepoPermission) and p.allows(collection, action)
            for p in self.permissions)

    def allows_rpc(self, method: str, aud: str | None = None) -> bool:
        if self.transition_generic and not method.startswith("chat.bsky."):
            return True
        return any(isinstance(p, RpcPermission) and p.allows(method, aud)
                   for p in self.permissions)

    def allows_blob(self, mime: str) -> bool:
        return self.transition_generic or any(
            isinstance(p, BlobPermission) and p.allows(mime) for p in self.permissions)

    def union(self, tokens: Iterable[str]) -> Scopes:
        return Scopes(" ".join((*self.tokens, *tokens)))

    def beyond(self, other: Scopes) -> tuple[str, ...]:
        """The tokens of this scope that allow something `other` does not: the same grant
        written differently (`rpc?lxm=a&lxm=b&aud=*` against `rpc:a?aud=*`, a named audience
        against `*`) is not beyond it; a token this client cannot read (a permission set, an
        `account:` or `identity:` scope, a transition scope `other` lacks) is."""
        return tuple(t for t in self.tokens if not other._covers(t))

    def _covers(self, token: str) -> bool:
        if token in self.tokens:
            return True
        permission = parse_permission(token)
        if isinstance(permission, RepoPermission):
            return all(self.allows_repo(c, a)
                       for c in permission.collections for a in permission.actions)
        if isinstance(permission, RpcPermission):
            return all(self.allows_rpc(m, permission.aud) for m in permission.methods)
        if isinstance(permission, BlobPermission):
            return all(self._covers_accept(a) for a in permission.accept)
        return False

    def _covers_accept(self, accept: str) -> bool:
        if "*" not in accept:
            return self.allows_blob(accept)
        return self.transition_generic or any(
            isinstance(p, BlobPermission) and ("*/*" in p.accept or accept in p.accept)
            for p in self.permissions)


def _prefix(token: str) -> str:
    cut = min(i for i in (token.find("?"), token.find(":"), len(token)) if i >= 0)
    return token[:cut]


def missing_scope(message: str) -> str | None:
    """The scope a resource server's 403 `ScopeMissingError` message names, if any."""
    match = _MISSING.search(message)
    return match.group(1) if match else None


def granular_supported(scopes_supported: Sequence[str]) -> bool:
    """Whether an authorization server takes permission scopes, judged from its metadata.

    Permission scopes are parameterised, so servers cannot list them: the reference server
    lists `atproto` and the three transition scopes. A server listing `transition:generic`
    without `transition:email` (added to the reference server in May 2025, three months before
    permission scopes) and without any permission-like entry predates them; the few releases in
    between are caught when they refuse the request (see `OAuthClient.start_sign_in`). A server
    listing no transition scope offers nothing else to ask for.
    """
    listed = set(scopes_supported)
    if any(_prefix(s) in GRANULAR_PREFIXES for s in listed) or TRANSITION_EMAIL in listed:
        return True
    return TRANSITION_GENERIC not in listed
