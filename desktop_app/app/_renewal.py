"""Renewal before the session ends: silent sign-on first, one normal prompt if it must."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Literal

from ..atproto.oauth import CallbackError, OAuthClient, Session, SilentSignOnRefusedError

log = logging.getLogger(__name__)

RenewalPath = Literal["silent", "prompted"]
# Runs one sign-in for `did` with the given prompt and login hint (the browser hand-off).
SignInRun = Callable[[str, str | None, str], Awaitable[Session]]


async def renew(
    client: OAuthClient,
    old: Session,
    login_hint: str,
    sign_in: SignInRun,
    *,
    before_prompt: Callable[[], None] | None = None,
) -> tuple[Session, RenewalPath]:
    """Renew `old`; the new session is stored (by the core) before the tokens it replaced are
    revoked (those current at that moment: a refresh may have rotated `old` meanwhile).

    Signing in "as the DID" makes the core insist that the new session is the same account.
    `prompt=none` refused at PAR, or answered with login/consent/interaction required, falls
    back at once to a normal prompt — no second click. Other errors propagate.
    """
    path: RenewalPath = "silent"
    try:
        session = await sign_in(old.did, "none", login_hint)
    except SilentSignOnRefusedError:
        path = "prompted"
    except CallbackError as exc:
        if not exc.needs_interaction:
            raise
        path = "prompted"
    if path == "prompted":
        if before_prompt is not None:
            before_prompt()
        session = await sign_in(old.did, None, login_hint)
    await client.revoke_replaced(old.did)
    log.info("renewed %s (%s)", old.did, path)
    return session, path
