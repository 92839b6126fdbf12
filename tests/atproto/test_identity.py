"""Identity resolution against real loopback HTTP and DNS servers: happy paths and misbehaviour."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest

from desktop_app.atproto import (
    DidResolutionError,
    HandleMismatchError,
    HandleNotFoundError,
    IdentityResolver,
    InsecureUrlError,
    InvalidIdentifierError,
    NetworkError,
    NetworkPolicy,
    NoPdsError,
    ResponseTooLargeError,
    parse_did_document,
)
from tests.support.dns_server import FakeDnsServer
from tests.support.http_server import (
    FakeHttpServer,
    LoopbackTransport,
    Recorded,
    Reply,
    json_reply,
    text_reply,
)
from tests.support.waiting import eventually

ALICE = "did:plc:" + "alice".ljust(24, "a")
BOB = "did:plc:" + "bob".ljust(24, "b")
MALLORY = "did:plc:" + "mallory".ljust(24, "m")
PDS = "https://pds.example.com"
WELL_KNOWN = "/.well-known/atproto-did"
RESOLVE_HANDLE = "/xrpc/com.atproto.identity.resolveHandle"

POLICY = NetworkPolicy(allow_insecure_loopback=True, timeout=2.0)


def did_doc(did: str, *handles: str, pds: Any = PDS, **overrides: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "@context": ["https://www.w3.org/ns/did/v1"],
        "id": did,
        "alsoKnownAs": [f"at://{h}" for h in handles],
        "verificationMethod": [],
        "service": [
            {"id": "#atproto_pds", "type": "AtprotoPersonalDataServer", "serviceEndpoint": pds}
        ],
    }
    doc.update(overrides)
    return doc


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@dataclass
class World:
    """One loopback HTTP server playing PLC, handle hosts and the handle resolver, plus DNS."""

    server: FakeHttpServer
    dns: FakeDnsServer
    transport: LoopbackTransport
    client: httpx.AsyncClient
    clock: FakeClock = field(default_factory=FakeClock)
    well_known: dict[str, Reply] = field(default_factory=dict)  # by Host header
    resolver_answers: dict[str, Reply] = field(default_factory=dict)  # by handle

    def __post_init__(self) -> None:
        self.server.route("GET", WELL_KNOWN, self._well_known)
        self.server.route("GET", RESOLVE_HANDLE, self._resolve_handle)

    def resolver(self, policy: NetworkPolicy = POLICY, **options: Any) -> IdentityResolver:
        options.setdefault("plc_url", self.server.url)
        options.setdefault("handle_resolver_url", self.server.url)
        options.setdefault("clock", self.clock)
        options.setdefault("dns_resolver", self.dns.resolver(timeout=policy.timeout))
        return IdentityResolver(self.client, policy, **options)

    def publish(self, did: str, doc: dict[str, Any] | Reply | None = None) -> None:
        """Serve a DID document at the fake PLC."""
        self.server.route("GET", f"/{did}", doc if isinstance(doc, Reply) else json_reply(doc))

    def host(self, name: str) -> None:
        """Make https://<name>/ reach the fake server."""
        self.transport.map(name, self.server.port)

    def _well_known(self, request: Recorded) -> Reply:
        return self.well_known.get(request.host.split(":")[0], text_reply("not found", 404))

    def _resolve_handle(self, request: Recorded) -> Reply:
        handle = request.query.get("handle", [""])[0]
        default = json_reply({"error": "HandleNotFound", "message": "Unable to resolve"}, 400)
        return self.resolver_answers.get(handle, default)


@pytest.fixture
def http_server() -> Iterator[FakeHttpServer]:
    with FakeHttpServer() as server:
        yield server


@pytest.fixture
def dns_server() -> Iterator[FakeDnsServer]:
    with FakeDnsServer() as server:
        yield server


@pytest.fixture
async def world(http_server: FakeHttpServer, dns_server: FakeDnsServer) -> AsyncIterator[World]:
    transport = LoopbackTransport()
    async with httpx.AsyncClient(transport=transport, trust_env=False) as client:
        yield World(http_server, dns_server, transport, client)


# --- handle → DID -------------------------------------------------------------------------------


async def test_handle_via_dns(world: World) -> None:
    world.host("alice.example.com")  # well-known answers 404: DNS alone must suffice
    world.dns.add_txt("_atproto.alice.example.com", f"did={ALICE}")
    world.publish(ALICE, did_doc(ALICE, "alice.example.com"))

    resolved = await world.resolver(handle_resolver_url=None).resolve("alice.example.com")

    assert (resolved.did, resolved.handle, resolved.pds_url) == (ALICE, "alice.example.com", PDS)
    assert world.dns.count("_atproto.alice.example.com") >= 1


async def test_handle_via_https_well_known(world: World) -> None:
    world.host("alice.example.com")
    world.well_known["alice.example.com"] = text_reply(f"{ALICE}\n")
    world.publish(ALICE, did_doc(ALICE, "alice.example.com"))

    resolved = await world.resolver(handle_resolver_url=None).resolve("alice.example.com")

    assert resolved.did == ALICE
    [request] = world.server.requests_to(WELL_KNOWN)
    assert request.host == "alice.example.com"


async def test_well_known_redirect_is_followed_within_policy(world: World) -> None:
    world.host("alice.example.com")
    world.host("elsewhere.example.com")
    world.well_known["alice.example.com"] = Reply(
        302, headers={"location": "https://elsewhere.example.com/.well-known/atproto-did"}
    )
    world.well_known["elsewhere.example.com"] = text_reply(ALICE)
    assert await world.resolver().resolve_handle("alice.example.com") == ALICE


async def test_well_known_redirect_to_http_is_ignored(world: World) -> None:
    world.host("alice.example.com")
    world.well_known["alice.example.com"] = Reply(
        302, headers={"location": "http://evil.example.net/.well-known/atproto-did"}
    )
    with pytest.raises(HandleNotFoundError):
        await world.resolver().resolve_handle("alice.example.com")


@pytest.mark.parametrize(
    "body",
    [
        f"{ALICE}\n{BOB}\n",  # two DIDs
        "did:key:zabc",  # unsupported method
        f"<html>{ALICE}</html>",
        "",
    ],
)
async def test_bad_well_known_body_is_not_an_answer(world: World, body: str) -> None:
    world.host("alice.example.com")
    world.well_known["alice.example.com"] = text_reply(body)
    with pytest.raises(HandleNotFoundError):
        await world.resolver().resolve_handle("alice.example.com")


async def test_oversized_well_known_is_not_an_answer(world: World) -> None:
    world.host("alice.example.com")
    world.well_known["alice.example.com"] = text_reply(ALICE + " " * 100_000)
    with pytest.raises(HandleNotFoundError):
        await world.resolver().resolve_handle("alice.example.com")


async def test_handle_via_configured_resolver_sends_nothing_else(world: World) -> None:
    world.resolver_answers["alice.test"] = json_reply({"did": ALICE})
    world.publish(ALICE, did_doc(ALICE, "alice.test"))

    resolved = await world.resolver().resolve("alice.test")

    assert (resolved.did, resolved.handle) == (ALICE, "alice.test")
    assert world.dns.count() == 0  # .test is special-use: never asked of DNS
    assert world.server.count(WELL_KNOWN) == 0


async def test_at_mixed_case_handle_is_normalised(world: World) -> None:
    world.resolver_answers["alice.test"] = json_reply({"did": ALICE})
    world.publish(ALICE, did_doc(ALICE, "Alice.Test"))  # documents may differ in case

    resolved = await world.resolver().resolve("  @Alice.Test ")

    assert resolved.handle == "alice.test"
    [request] = world.server.requests_to(RESOLVE_HANDLE)
    assert request.query["handle"] == ["alice.test"]


async def test_all_three_methods_agree(world: World) -> None:
    world.host("alice.example.com")
    world.dns.add_txt("_atproto.alice.example.com", f"did={ALICE}")
    world.well_known["alice.example.com"] = text_reply(ALICE)
    world.resolver_answers["alice.example.com"] = json_reply({"did": ALICE})
    assert await world.resolver().resolve_handle("alice.example.com") == ALICE


@pytest.mark.parametrize("other", ["well-known", "resolver"])
async def test_conflicting_answers_are_an_error(world: World, other: str) -> None:
    world.host("alice.example.com")
    world.dns.add_txt("_atproto.alice.example.com", f"did={ALICE}")
    if other == "well-known":
        world.well_known["alice.example.com"] = text_reply(MALLORY)
    else:
        world.resolver_answers["alice.example.com"] = json_reply({"did": MALLORY})

    with pytest.raises(HandleMismatchError) as info:
        await world.resolver().resolve_handle("alice.example.com")
    assert "different accounts" in info.value.message
    assert MALLORY in info.value.detail


async def test_dns_with_two_did_records_does_not_resolve(world: World) -> None:
    world.host("alice.example.com")
    world.dns.add_txt("_atproto.alice.example.com", f"did={ALICE}", f"did={BOB}")
    with pytest.raises(HandleNotFoundError):
        await world.resolver(handle_resolver_url=None).resolve_handle("alice.example.com")


async def test_dns_ignores_other_txt_records_and_joins_chunks(world: World) -> None:
    world.host("alice.example.com")
    world.dns.add_txt("_atproto.alice.example.com", "v=spf1 -all", "hello")
    world.dns.add_txt_chunks(
        "_atproto.alice.example.com", b"did=" + ALICE[:12].encode(), ALICE[12:].encode()
    )
    assert await world.resolver().resolve_handle("alice.example.com") == ALICE


async def test_dns_invalid_did_is_not_an_answer(world: World) -> None:
    world.host("alice.example.com")
    world.dns.add_txt("_atproto.alice.example.com", "did=did:plc:not-valid")
    with pytest.raises(HandleNotFoundError):
        await world.resolver().resolve_handle("alice.example.com")


async def test_unknown_handle(world: World) -> None:
    world.host("nobody.example.com")
    with pytest.raises(HandleNotFoundError) as info:
        await world.resolver().resolve("nobody.example.com")
    assert "No account" in info.value.message


async def test_special_use_handle_without_resolver_is_not_found_and_silent(world: World) -> None:
    with pytest.raises(HandleNotFoundError):
        await world.resolver(handle_resolver_url=None).resolve_handle("alice.test")
    assert world.dns.count() == 0
    assert world.server.count() == 0


async def test_every_method_unreachable_is_a_network_error(world: World) -> None:
    # DNS never answers, the web host does not exist, the resolver is down.
    world.dns.drop.add("_atproto.down.example.com")
    world.resolver_answers["down.example.com"] = text_reply("busy", 503)
    policy = NetworkPolicy(allow_insecure_loopback=True, timeout=0.3)
    start = time.monotonic()
    with pytest.raises(NetworkError) as info:
        await world.resolver(policy).resolve_handle("down.example.com")
    assert not isinstance(info.value, HandleNotFoundError)
    assert time.monotonic() - start < 3
    assert "could not be reached" in info.value.message


async def test_dns_servfail_and_well_known_5xx_are_network_errors(world: World) -> None:
    world.host("alice.example.com")
    world.dns.servfail.add("_atproto.alice.example.com")
    world.well_known["alice.example.com"] = text_reply("oops", 502)
    with pytest.raises(NetworkError):
        await world.resolver(handle_resolver_url=None).resolve_handle("alice.example.com")


async def test_one_method_answering_beats_others_failing(world: World) -> None:
    world.dns.servfail.add("_atproto.alice.example.com")  # and the web host is unreachable
    world.resolver_answers["alice.example.com"] = json_reply({"did": ALICE})
    assert await world.resolver().resolve_handle("alice.example.com") == ALICE


async def test_slow_method_does_not_hold_up_a_fast_answer(world: World) -> None:
    world.host("alice.example.com")
    world.dns.add_txt("_atproto.alice.example.com", f"did={ALICE}")
    world.well_known["alice.example.com"] = text_reply(ALICE, delay=5)
    start = time.monotonic()
    resolver = world.resolver(conflict_grace=0.2, handle_resolver_url=None)
    assert await resolver.resolve_handle("alice.example.com") == ALICE
    assert time.monotonic() - start < 2


async def test_insecure_handle_resolver_url_is_refused(world: World) -> None:
    strict = NetworkPolicy(timeout=2.0)
    with pytest.raises(InsecureUrlError):
        await world.resolver(strict).resolve_handle("alice.test")
    assert world.server.count() == 0


# --- DID → document -----------------------------------------------------------------------------


async def test_resolve_did_document(world: World) -> None:
    world.publish(ALICE, did_doc(ALICE, "alice.test", "alice.example.com", pds=PDS + "/"))
    doc = await world.resolver().resolve_did(ALICE)
    assert doc.did == ALICE
    assert doc.handles == ("alice.test", "alice.example.com")
    assert doc.handle == "alice.test"
    assert doc.pds_url == PDS
    assert doc.raw["id"] == ALICE


async def test_did_service_id_may_be_absolute(world: World) -> None:
    doc = did_doc(ALICE, "alice.test")
    doc["service"] = [
        {"id": "#other", "type": "Other", "serviceEndpoint": "https://other.example.com"},
        {"id": f"{ALICE}#atproto_pds", "type": "AtprotoPersonalDataServer",
         "serviceEndpoint": "http://localhost:2583"},
    ]
    world.publish(ALICE, doc)
    assert (await world.resolver().resolve_did(ALICE)).pds_url == "http://localhost:2583"


async def test_doc_id_mismatch(world: World) -> None:
    world.publish(ALICE, did_doc(BOB, "alice.test"))
    with pytest.raises(DidResolutionError):
        await world.resolver().resolve_did(ALICE)


@pytest.mark.parametrize(
    "endpoint",
    [
        None,
        "",
        42,
        ["https://pds.example.com"],
        "ftp://pds.example.com",
        "https://pds.example.com/xrpc",
        "https://pds.example.com/?a=b",
        "https://pds.example.com#x",
        "https://user:pw@pds.example.com",
        "https://",
        "https://pds.example.com:99999",
        "https://pds.exa mple.com",
        "javascript:alert(1)",
    ],
)
async def test_invalid_pds_endpoint(world: World, endpoint: Any) -> None:
    world.publish(ALICE, did_doc(ALICE, "alice.test", pds=endpoint))
    with pytest.raises(NoPdsError):
        await world.resolver().resolve_did(ALICE)


@pytest.mark.parametrize(
    "service",
    [
        [],
        [{"id": "#atproto_pds", "type": "SomethingElse", "serviceEndpoint": PDS}],
        [{"id": "#other_pds", "type": "AtprotoPersonalDataServer", "serviceEndpoint": PDS}],
        [{"id": f"{BOB}#atproto_pds", "type": "AtprotoPersonalDataServer",
          "serviceEndpoint": PDS}],
    ],
)
async def test_missing_pds(world: World, service: list[Any]) -> None:
    world.publish(ALICE, did_doc(ALICE, "alice.test", service=service))
    with pytest.raises(NoPdsError) as info:
        await world.resolver().resolve(ALICE)
    assert "PDS" in info.value.message


@pytest.mark.parametrize(
    "doc",
    [
        [],
        "did",
        None,
        {"alsoKnownAs": []},
        did_doc(ALICE, alsoKnownAs="at://alice.test"),
        did_doc(ALICE, alsoKnownAs=[1, 2]),
        did_doc(ALICE, service={"id": "#atproto_pds"}),
        did_doc(ALICE, service=["#atproto_pds"]),
    ],
)
async def test_malformed_documents(world: World, doc: Any) -> None:
    world.publish(ALICE, doc)
    with pytest.raises(DidResolutionError):
        await world.resolver().resolve_did(ALICE)


async def test_not_json(world: World) -> None:
    world.publish(ALICE, text_reply("{not json", content_type="application/json"))
    with pytest.raises(DidResolutionError):
        await world.resolver().resolve_did(ALICE)
    world.publish(ALICE, text_reply("<html></html>", content_type="text/html"))
    with pytest.raises(DidResolutionError):
        await world.resolver().resolve_did(ALICE, fresh=True)


@pytest.mark.parametrize("omit_length", [False, True])
async def test_oversized_document(world: World, omit_length: bool) -> None:
    doc = did_doc(ALICE, "alice.test", padding="x" * 200_000)
    world.publish(ALICE, json_reply(doc, omit_content_length=omit_length))
    with pytest.raises(ResponseTooLargeError):
        await world.resolver().resolve_did(ALICE)


async def test_lying_content_length_is_capped(world: World) -> None:
    doc = did_doc(ALICE, "alice.test", padding="x" * 200_000)
    world.publish(ALICE, json_reply(doc, content_length=100))
    with pytest.raises((ResponseTooLargeError, DidResolutionError)):
        await world.resolver().resolve_did(ALICE)


@pytest.mark.parametrize("where", ["delay", "body_delay"])
async def test_slow_server_times_out(world: World, where: str) -> None:
    options: dict[str, Any] = {where: 10.0}
    world.publish(ALICE, json_reply(did_doc(ALICE, "alice.test"), **options))
    policy = NetworkPolicy(allow_insecure_loopback=True, timeout=0.3)
    start = time.monotonic()
    with pytest.raises(NetworkError) as info:
        await world.resolver(policy).resolve_did(ALICE)
    assert time.monotonic() - start < 3
    assert "could not be reached" in info.value.message


async def test_plc_not_found_and_unavailable(world: World) -> None:
    with pytest.raises(DidResolutionError) as info:
        await world.resolver().resolve_did(ALICE)
    assert "not found" in info.value.message
    world.publish(ALICE, text_reply("maintenance", 503))
    with pytest.raises(NetworkError):
        await world.resolver().resolve_did(ALICE)


async def test_plc_redirect_is_not_followed(world: World) -> None:
    world.publish(ALICE, Reply(302, headers={"location": f"/{BOB}"}))
    world.publish(BOB, did_doc(ALICE, "alice.test"))
    with pytest.raises(DidResolutionError):
        await world.resolver().resolve_did(ALICE)
    assert world.server.count(f"/{BOB}") == 0


async def test_http_plc_url_needs_insecure_loopback(world: World) -> None:
    world.publish(ALICE, did_doc(ALICE, "alice.test"))
    with pytest.raises(InsecureUrlError) as info:
        await world.resolver(NetworkPolicy(timeout=2.0)).resolve_did(ALICE)
    assert "insecure" in info.value.message
    assert world.server.count() == 0


async def test_did_web_on_https_host(world: World) -> None:
    did = "did:web:alice.example.com"
    world.host("alice.example.com")
    doc_reply = json_reply(did_doc(did, "alice.example.com"))
    world.server.route("GET", "/.well-known/did.json", doc_reply)
    doc = await world.resolver().resolve_did(did)
    assert doc.pds_url == PDS
    [request] = world.server.requests_to("/.well-known/did.json")
    assert request.host == "alice.example.com"


async def test_did_web_localhost_port_for_development(world: World) -> None:
    did = f"did:web:localhost%3A{world.server.port}"
    world.server.route("GET", "/.well-known/did.json", json_reply(did_doc(did)))
    assert (await world.resolver().resolve_did(did)).did == did
    world.server.clear()
    with pytest.raises(InsecureUrlError):
        await world.resolver(NetworkPolicy(timeout=2.0)).resolve_did(did)
    assert world.server.count() == 0


def test_the_pds_service_needs_the_right_id_and_type() -> None:
    data = did_doc(ALICE)
    pds = data["service"][0]
    decoy = {**pds, "type": "SomethingElse", "serviceEndpoint": "https://decoy.example.com"}
    data["service"] = [decoy, pds]
    assert parse_did_document(ALICE, data).pds_url == PDS
    data["service"] = [decoy]
    with pytest.raises(NoPdsError):
        parse_did_document(ALICE, data)


def test_parse_did_document_directly() -> None:
    doc = parse_did_document(ALICE, did_doc(ALICE, "handle.invalid", "alice.test"))
    assert doc.handles == ("handle.invalid", "alice.test")
    assert doc.handle == "handle.invalid"  # syntactically valid; resolution will fail
    doc = parse_did_document(ALICE, did_doc(ALICE, "not a handle", "alice.test"))
    assert doc.handle == "alice.test"  # the first VALID at:// alias (an invalid one is skipped)
    doc = parse_did_document(ALICE, did_doc(ALICE, alsoKnownAs=["https://alice.example.com"]))
    assert doc.handles == ()
    assert doc.handle is None


# --- full resolution and bidirectional checks ---------------------------------------------------


async def test_document_not_claiming_handle(world: World) -> None:
    world.resolver_answers["alice.test"] = json_reply({"did": MALLORY})
    world.publish(MALLORY, did_doc(MALLORY, "mallory.test"))
    with pytest.raises(HandleMismatchError) as info:
        await world.resolver().resolve("alice.test")
    assert "cannot be trusted" in info.value.message


async def test_handle_must_be_first_alias(world: World) -> None:
    world.resolver_answers["alice.test"] = json_reply({"did": ALICE})
    world.publish(ALICE, did_doc(ALICE, "other.test", "alice.test"))
    with pytest.raises(HandleMismatchError):
        await world.resolver().resolve("alice.test")


async def test_document_without_handle(world: World) -> None:
    world.resolver_answers["alice.test"] = json_reply({"did": ALICE})
    world.publish(ALICE, did_doc(ALICE))
    with pytest.raises(HandleMismatchError):
        await world.resolver().resolve("alice.test")


async def test_did_input_with_verified_handle(world: World) -> None:
    world.resolver_answers["alice.test"] = json_reply({"did": ALICE})
    world.publish(ALICE, did_doc(ALICE, "Alice.Test"))
    resolved = await world.resolver().resolve(ALICE)
    assert (resolved.did, resolved.handle, resolved.pds_url) == (ALICE, "alice.test", PDS)


@pytest.mark.parametrize(
    "answer",
    [
        json_reply({"did": MALLORY}),  # handle points elsewhere
        json_reply({"error": "HandleNotFound"}, 400),  # handle unknown
        text_reply("down", 503),  # resolver unreachable
    ],
)
async def test_did_input_with_unverified_handle(world: World, answer: Reply) -> None:
    world.resolver_answers["alice.test"] = answer
    world.publish(ALICE, did_doc(ALICE, "alice.test"))
    resolved = await world.resolver().resolve(ALICE)
    assert (resolved.did, resolved.handle, resolved.pds_url) == (ALICE, None, PDS)


async def test_did_input_with_disallowed_handle_is_not_looked_up(world: World) -> None:
    world.publish(ALICE, did_doc(ALICE, "alice.local"))
    resolved = await world.resolver().resolve(ALICE)
    assert resolved.handle is None
    assert world.server.count(RESOLVE_HANDLE) == 0
    assert world.dns.count() == 0


async def test_resolver_returning_garbage(world: World) -> None:
    world.resolver_answers["alice.test"] = json_reply({"did": 12})
    with pytest.raises(HandleNotFoundError):
        await world.resolver().resolve_handle("alice.test")
    world.resolver_answers["bob.test"] = text_reply(BOB)  # not JSON
    with pytest.raises(HandleNotFoundError):
        await world.resolver().resolve_handle("bob.test")


async def test_url_input_is_not_an_account(world: World) -> None:
    with pytest.raises(InvalidIdentifierError):
        await world.resolver().resolve("https://pds.example.com")
    assert world.server.count() == 0


# --- rejected before any request ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "", "alice", "alice..test", "-alice.test", "alice.test.", "al_ice.test", "bücher.test",
        "\u212a.test", "alice.local", "alice.onion", "a.localhost", "a.example", "a.invalid",
        "did:plc:short", "did:plc:7iza6de2dwap2sbkpav7c6c8", "did:web:example.com:u:alice",
        "did:web:example.com%3A8443", "did:key:zabc", "did:", "DID:plc:x",
        "x" * 300 + ".test",
    ],
)
async def test_malformed_input_sends_nothing(world: World, text: str) -> None:
    resolver = world.resolver()
    with pytest.raises(InvalidIdentifierError):
        await resolver.resolve(text)
    if text.lower().startswith("did:"):
        with pytest.raises(InvalidIdentifierError):
            await resolver.resolve_did(text)
    else:
        with pytest.raises(InvalidIdentifierError):
            await resolver.resolve_handle(text)
    assert world.server.count() == 0
    assert world.dns.count() == 0


# --- caching and single-flight ------------------------------------------------------------------


async def test_cache_hit_within_ttl_and_miss_after(world: World) -> None:
    world.resolver_answers["alice.test"] = json_reply({"did": ALICE})
    world.publish(ALICE, did_doc(ALICE, "alice.test"))
    resolver = world.resolver(cache_ttl=300)

    await resolver.resolve("alice.test")
    world.clock.now += 299
    await resolver.resolve("alice.test")
    assert world.server.count(RESOLVE_HANDLE) == 1
    assert world.server.count(f"/{ALICE}") == 1

    world.clock.now += 2  # 301 s after the first lookup
    await resolver.resolve("alice.test")
    assert world.server.count(RESOLVE_HANDLE) == 2
    assert world.server.count(f"/{ALICE}") == 2


async def test_fresh_bypasses_and_refreshes_cache(world: World) -> None:
    world.publish(ALICE, did_doc(ALICE, "alice.test"))
    resolver = world.resolver()
    assert (await resolver.resolve_did(ALICE)).pds_url == PDS

    world.publish(ALICE, did_doc(ALICE, "alice.test", pds="https://moved.example.com"))
    assert (await resolver.resolve_did(ALICE)).pds_url == PDS  # cached
    assert (await resolver.resolve_did(ALICE, fresh=True)).pds_url == "https://moved.example.com"
    assert (await resolver.resolve_did(ALICE)).pds_url == "https://moved.example.com"
    assert world.server.count(f"/{ALICE}") == 2


async def test_invalidate(world: World) -> None:
    world.resolver_answers["alice.test"] = json_reply({"did": ALICE})
    world.publish(ALICE, did_doc(ALICE, "alice.test"))
    resolver = world.resolver()
    await resolver.resolve("alice.test")

    resolver.invalidate("@Alice.Test")
    await resolver.resolve("alice.test")
    assert world.server.count(RESOLVE_HANDLE) == 2
    assert world.server.count(f"/{ALICE}") == 1

    resolver.invalidate(ALICE)  # drops the document and handles pointing at it
    await resolver.resolve("alice.test")
    assert world.server.count(RESOLVE_HANDLE) == 3
    assert world.server.count(f"/{ALICE}") == 2

    resolver.invalidate("not a handle")  # ignored


async def test_errors_are_not_cached(world: World) -> None:
    resolver = world.resolver()
    with pytest.raises(DidResolutionError):
        await resolver.resolve_did(ALICE)
    world.publish(ALICE, did_doc(ALICE, "alice.test"))
    assert (await resolver.resolve_did(ALICE)).did == ALICE


def test_cache_ttl_must_stay_under_ten_minutes() -> None:
    client = httpx.AsyncClient()
    with pytest.raises(ValueError, match="cache_ttl"):
        IdentityResolver(client, POLICY, cache_ttl=600)
    with pytest.raises(ValueError, match="cache_ttl"):
        IdentityResolver(client, POLICY, cache_ttl=-1)


async def test_single_flight(world: World) -> None:
    world.resolver_answers["alice.test"] = json_reply({"did": ALICE}, delay=0.2)
    world.publish(ALICE, json_reply(did_doc(ALICE, "alice.test"), delay=0.2))
    resolver = world.resolver()

    results = await asyncio.gather(*(resolver.resolve("alice.test") for _ in range(10)))

    assert {r.did for r in results} == {ALICE}
    assert world.server.count(RESOLVE_HANDLE) == 1
    assert world.server.count(f"/{ALICE}") == 1


async def test_single_flight_for_dns_and_well_known(world: World) -> None:
    world.host("alice.example.com")
    world.dns.add_txt("_atproto.alice.example.com", f"did={ALICE}")
    world.well_known["alice.example.com"] = text_reply(ALICE, delay=0.1)
    resolver = world.resolver(handle_resolver_url=None)
    dids = await asyncio.gather(*(resolver.resolve_handle("alice.example.com") for _ in range(10)))
    assert set(dids) == {ALICE}
    assert world.dns.count("_atproto.alice.example.com") == 1
    assert world.server.count(WELL_KNOWN) == 1


async def test_single_flight_failure_reaches_every_waiter(world: World) -> None:
    world.publish(ALICE, text_reply("gone", 404, delay=0.1))
    resolver = world.resolver()
    results = await asyncio.gather(
        *(resolver.resolve_did(ALICE) for _ in range(5)), return_exceptions=True
    )
    assert all(isinstance(r, DidResolutionError) for r in results)
    assert world.server.count(f"/{ALICE}") == 1


async def test_cancelled_waiter_does_not_cancel_shared_lookup(world: World) -> None:
    world.publish(ALICE, json_reply(did_doc(ALICE, "alice.test"), delay=0.3))
    resolver = world.resolver()
    first = asyncio.ensure_future(resolver.resolve_did(ALICE))
    second = asyncio.ensure_future(resolver.resolve_did(ALICE))
    await eventually(lambda: world.server.count(f"/{ALICE}"), "the lookup on the wire",
                     timeout=5)
    first.cancel()
    assert (await second).did == ALICE
    with pytest.raises(asyncio.CancelledError):
        await first
    assert world.server.count(f"/{ALICE}") == 1


async def test_cancelling_the_first_caller_cancels_no_other(world: World) -> None:
    world.publish(ALICE, json_reply(did_doc(ALICE, "alice.test"), delay=0.3))
    resolver = world.resolver()
    first = asyncio.ensure_future(resolver.resolve_did(ALICE))
    await eventually(lambda: world.server.count(f"/{ALICE}"), "the first caller's lookup",
                     timeout=5)
    second = asyncio.ensure_future(resolver.resolve_did(ALICE))
    await asyncio.sleep(0.05)  # the second caller joins; the answer is held 0.3 s
    first.cancel()
    assert (await second).did == ALICE
    assert first.cancelled()
    assert world.server.count(f"/{ALICE}") == 1
