"""What each way of asking for permissions costs and allows, on the harness (full network).

    eval "$(scripts/ensure-node.sh --env)" && .venv/bin/python -m benchmarks.permissions [OUT_DIR]

Signs alice in three times through Chromium on the provider's real consent page: with the
transition scope, with this app's permission scopes, and with the official app's permission
set (`include:app.bsky.authFullApp`, published locally so the PDS resolves it offline) plus
`blob:image/*`. For each: the scope string and client_id lengths, the consent page's text, the
token sizes, and which of the app's actions the granted session may do. Screenshots and a JSON
summary go to OUT_DIR (default: a new temporary directory).
"""

from __future__ import annotations

import asyncio
import json
import sys
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import quote

from desktop_app.app import agent_for
from desktop_app.atproto.oauth import ClientConfig, OAuthClient
from desktop_app.bsky import APP_SCOPE, TRANSITION_SCOPE, Agent
from desktop_app.errors import AppError
from tests.support.chromium import authorize_in_chromium
from tests.support.harness import PdsKnobs, PdsNetwork, running_full_network
from tests.support.images import png
from tests.support.oauth import DEV_REDIRECT, _any_port, oauth_client


def variants(net: PdsNetwork) -> dict[str, str]:
    aud = quote(f"{net.appview_did}#bsky_appview", safe=":")
    return {
        "transition": TRANSITION_SCOPE,
        "granular (this app)": APP_SCOPE,
        "permission set": f"atproto include:app.bsky.authFullApp?aud={aud} blob:image/*",
    }


async def actions(agent: Agent, bob: str) -> dict[str, bool]:
    """Each app action once: True when the server allowed it."""
    results: dict[str, bool] = {}

    async def attempt(name: str, call: Any) -> Any:
        try:
            value = await call
        except AppError:
            results[name] = False
            return None
        results[name] = True
        return value

    await attempt("timeline", agent.timeline())
    await attempt("notifications", agent.notifications())
    await attempt("search", agent.search_posts("hello"))
    await attempt("profile", agent.profile(bob))
    ref = await attempt("post", agent.create_post("permissions benchmark"))
    await attempt("upload image", agent.upload_blob(png(8, 8), "image/png"))
    follow = await attempt("follow", agent.follow(bob))
    if follow:
        await agent.unfollow(follow)
    await attempt("mute", agent.mute(bob))
    if ref is not None:
        like = await attempt("like", agent.like(ref))
        if like:
            await agent.unlike(like)
        await agent.delete_post(ref.uri)
    return results


async def measure(net: PdsNetwork, name: str, scope: str, out: Path) -> dict[str, Any]:
    config = ClientConfig.development(scope=scope)
    async with oauth_client(net, config=config) as (client, _):
        start = await client.start_sign_in(net.alice.handle,
                                           redirect_uri=DEV_REDIRECT.format(port=_any_port()))
        text: dict[str, str] = {}
        shots = out / name.split(" ")[0]
        callback = await asyncio.to_thread(
            authorize_in_chromium, start.url, username=net.alice.handle,
            password=net.alice.password, screenshot_dir=shots, page_text=text)
        session = await client.complete_sign_in(callback)
        allowed = await actions(agent_for(client, session.did), net.bob.did)
        await client.sign_out(session.did)
        return _summary(client, name, scope, session.scope, text.get("consent", ""),
                        session.tokens.access_token, session.tokens.refresh_token, allowed)


def _summary(client: OAuthClient, name: str, asked: str, granted: str, consent: str,
             access: str, refresh: str | None, allowed: dict[str, bool]) -> dict[str, Any]:
    return {
        "variant": name, "scope": asked, "scope_chars": len(asked),
        "client_id_chars": len(client.config.client_id), "granted": granted,
        "access_token_chars": len(access), "refresh_token_chars": len(refresh or ""),
        "consent_text": consent, "allowed": allowed,
    }


async def main(out: Path) -> None:
    with running_full_network(PdsKnobs(permission_sets=["app.bsky.authFullApp"])) as net:
        results = [await measure(net, name, scope, out)
                   for name, scope in variants(net).items()]
    (out / "permissions.json").write_text(json.dumps(results, indent=2))
    for r in results:
        ok = [k for k, v in r["allowed"].items() if v]
        print(f"== {r['variant']}: scope {r['scope_chars']} chars, client_id "
              f"{r['client_id_chars']} chars, access token {r['access_token_chars']} chars; "
              f"allowed {len(ok)}/{len(r['allowed'])}: {', '.join(ok)}")
        print("   consent page: " + " | ".join(
            line.strip() for line in r["consent_text"].splitlines() if line.strip()))
    print(f"screenshots and permissions.json in {out}")


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(
        prefix="permissions-"))
    target.mkdir(parents=True, exist_ok=True)
    asyncio.run(main(target))
