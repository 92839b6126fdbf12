"""The window signs in for real: reference PDS, real keychain, headless browser, loopback."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop_app.app import DAY, app_client
from tests.fixtures import PdsFactory
from tests.support.app import build_app, shot
from tests.support.harness import PdsNetwork
from tests.support.oauth import approve, approve_in_browser, serve_client_metadata
from tests.support.secret_service import SecretService
from tests.support.waiting import eventually

CLIENT_ID = "https://app.desktopapp.org/client-metadata.json"


async def test_sign_in_status_and_renewal_banner(
    pds: PdsNetwork, secret_service: SecretService, qtbot: QtBot, tmp_path: Path,
) -> None:
    parts = build_app(pds, tmp_path, qtbot)
    core, client, window = parts.core, parts.client, parts.window
    page = window.sign_in_page
    window.resize(620, 720)
    window.show()

    async def browser(url: str) -> None:
        await eventually(lambda: page.waiting, "the sign-in page to wait for the browser")
        shot(window, "2-waiting.png")
        assert await approve_in_browser(url, pds.alice) == 200

    controller = parts.controller(browser)
    try:
        await controller.start()
        assert window.current_page() is page
        qtbot.keyClicks(page.handle_edit, "alice.test")
        shot(window, "1-sign-in.png")
        qtbot.mouseClick(page.sign_in_button, Qt.MouseButton.LeftButton)
        await eventually(lambda: pds.alice.did in window.status_panel.cards, "alice's status card")
        card = window.status_panel.cards[pds.alice.did]
        assert window.current_page() is window.home  # the timeline comes first
        window.show_accounts()
        assert card.remaining.text().startswith("Session ends in 13 days 23 hours")
        assert card.title.text() == "@alice.test"
        assert not card.renew_button.isHidden()
        assert window.banner.isHidden()
        shot(window, "3-signed-in.png")
        stored = await client.sessions.get(pds.alice.did)
        assert stored is not None

        # Thirteen days later (injected clock): renewal is suggested, non-modally.
        notes: list[tuple[str, str]] = []
        controller.accounts_adapter.notify = lambda title, text: notes.append((title, text))
        controller.accounts.clock = lambda: stored.session_started_at + 13 * DAY
        controller.refresh_views()
        controller.refresh_views()  # a second pass does not notify again
        assert len(notes) == 1 and "alice.test" in notes[0][1]
        assert not window.banner.isHidden()
        assert "alice.test" in window.banner.label.text()
        assert card.state_label.text().startswith("Renewal suggested")
        shot(window, "4-renewal-banner.png")

        # A restart restores the account from the keychain.
        await controller.aclose()
        again = parts.controller()
        client.forget_cached(pds.alice.did)
        await again.start()
        assert again.accounts.snapshot(pds.alice.did) is not None
        await again.aclose()

        await controller.sign_out(pds.alice.did)
        assert await client.sessions.get(pds.alice.did) is None
    finally:
        await controller.aclose()
        await core.aclose()


async def test_no_keychain_is_said_plainly(
    pds: PdsNetwork, qtbot: QtBot, tmp_path: Path, monkeypatch: object
) -> None:
    import keyring.core
    from keyring.backends import fail

    monkeypatch.setattr(keyring.core, "_keyring_backend", fail.Keyring())  # type: ignore[attr-defined,no-untyped-call]
    parts = build_app(pds, tmp_path, qtbot)
    core, window = parts.core, parts.window
    page = window.sign_in_page
    controller = parts.controller()
    try:
        await controller.start()
        await controller.sign_in("alice.test")
        assert "No system keychain" in page.error_label.text()
        assert not page.waiting
    finally:
        await controller.aclose()
        await core.aclose()


async def test_renewal_falls_back_to_a_prompt_for_an_untrusted_client(
    pds: PdsNetwork, secret_service: SecretService, qtbot: QtBot, tmp_path: Path,
) -> None:
    parts = build_app(pds, tmp_path, qtbot)
    core, client, window = parts.core, parts.client, parts.window
    pages_opened: list[str] = []

    async def browser(url: str) -> None:
        pages_opened.append(url)
        await approve_in_browser(url, pds.bob)

    controller = parts.controller(browser)
    try:
        await controller.start()
        first = await controller.sign_in("bob.test")
        assert first is not None
        path = await controller.renew(first.did)
        # The dev client is untrusted: PAR refuses prompt=none, so one prompted page follows.
        assert path == "prompted"
        assert len(pages_opened) == 2
        renewed = await client.sessions.get(first.did)
        assert renewed is not None and renewed.did == first.did
        assert renewed.tokens.refresh_token != first.tokens.refresh_token
        card = window.status_panel.cards[first.did]
        assert card.path_label.text() == "Renewed after you confirmed in your browser"
        # The replaced session's tokens were revoked.
        await client.sessions.put(first)
        client.forget_cached(first.did)
        from desktop_app.atproto.oauth import SessionEndedError

        try:
            await client.refresh(first.did, force=True)
        except SessionEndedError:
            pass
        else:
            raise AssertionError("old refresh token still worked")
    finally:
        await controller.aclose()
        await core.aclose()


async def test_renewal_is_silent_for_a_trusted_client(
    pds_factory: PdsFactory, secret_service: SecretService, qtbot: QtBot,
    tmp_path: Path,
) -> None:
    config = app_client(CLIENT_ID)
    with serve_client_metadata(config) as metadata_url:
        net = pds_factory(trusted_clients=[CLIENT_ID],
                          client_metadata_map={CLIENT_ID: metadata_url})
        parts = build_app(net, tmp_path, qtbot, client_id=CLIENT_ID)
        core, client, window = parts.core, parts.client, parts.window
        jar = tmp_path / "browser-cookies.json"
        pages = {"shown": 0}

        async def browser(url: str) -> None:
            # The first time the user signs in; afterwards no credentials: a page would fail.
            password = net.alice.password if pages["shown"] == 0 else None
            pages["shown"] += 1
            assert controller.accounts.signin.flows.deliver(
                await approve(url, net.alice, password=password, cookie_jar_path=jar))

        controller = parts.controller(browser, custom_scheme=True)
        try:
            await controller.start()
            first = await controller.sign_in("alice.test")
            assert first is not None and first.client_id == CLIENT_ID
            assert await controller.renew(first.did) == "silent"
            renewed = await client.sessions.get(first.did)
            assert renewed is not None and renewed.session_started_at > first.session_started_at
            card = window.status_panel.cards[first.did]
            assert card.path_label.text() == "Renewed silently"
        finally:
            await controller.aclose()
            await core.aclose()
