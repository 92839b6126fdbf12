"""Renewal paths against the fake server: refusal and interaction codes fall back once."""

from __future__ import annotations

import pytest

from desktop_app.app import renew
from desktop_app.atproto.oauth import CallbackError, Session, SilentSignOnRefusedError
from tests.support.keychain import sample_session


class Recorder:
    def __init__(self, first: Exception | None) -> None:
        self.first = first
        self.calls: list[str | None] = []
        self.revoked: list[str] = []

    async def sign_in(self, did: str, prompt: str | None, hint: str) -> Session:
        self.calls.append(prompt)
        if prompt == "none" and self.first is not None:
            raise self.first
        return sample_session(5)

    async def revoke_replaced(self, did: str) -> bool:
        self.revoked.append(did)
        return True


@pytest.mark.parametrize(
    ("first", "path"),
    [
        (None, "silent"),
        (SilentSignOnRefusedError("invalid_request", "silent-sign-on"), "prompted"),
        (CallbackError("login_required"), "prompted"),
        (CallbackError("consent_required"), "prompted"),
        (CallbackError("interaction_required"), "prompted"),
    ],
)
async def test_paths(first: Exception | None, path: str) -> None:
    old = sample_session(1)
    recorder = Recorder(first)
    prompts: list[bool] = []
    _, taken = await renew(recorder, old, "alice.test", recorder.sign_in,  # type: ignore[arg-type]
                           before_prompt=lambda: prompts.append(True))
    assert taken == path
    assert recorder.calls == (["none"] if path == "silent" else ["none", None])
    assert prompts == ([] if path == "silent" else [True])
    # Only after the new session exists, and what it replaced (the core knows which).
    assert recorder.revoked == [old.did]


async def test_denied_does_not_fall_back_and_keeps_old_tokens() -> None:
    recorder = Recorder(CallbackError("access_denied"))
    with pytest.raises(CallbackError):
        await renew(recorder, sample_session(1), "alice.test", recorder.sign_in)  # type: ignore[arg-type]
    assert recorder.calls == ["none"] and recorder.revoked == []
