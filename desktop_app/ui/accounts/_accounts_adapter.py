"""The status panel and banners on account snapshots; renew, allow, sign out, switch."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from PySide6.QtCore import QDateTime, QLocale, QObject

from ...app import (
    Accounts,
    AccountSnapshot,
    AuthorizationStart,
    RenewalPath,
    TaskOwner,
)
from ...bsky import Permissions
from ...errors import AppError
from ..lang import say, tr
from ._permission_words import allowed_text, features_text, mode_text
from ._session_words import state_text, status_text, unsaved_text, why_limited
from ._signin_adapter import SignInAdapter
from ._status_panel import AccountView
from ._window import AccountsWindow

log = logging.getLogger(__name__)

Notify = Callable[[str, str], None]


class AccountsAdapter(QObject):
    """Shows account snapshots in the status panel and the renewal banner, and forwards the
    panel's requests. Holds only what is the window's own: banners dismissed this run and
    accounts already notified about."""

    def __init__(self, window: AccountsWindow, accounts: Accounts, tasks: TaskOwner,
                 signin: SignInAdapter, notify: Notify | None) -> None:
        super().__init__()
        self._window = window
        self._accounts = accounts
        self._signin = signin
        self.notify = notify
        self._dismissed: set[str] = set()
        self._notified: set[str] = set()
        self._tasks = tasks
        window.status_panel.requested.connect(self._requested)
        window.banner.renew_requested.connect(lambda did: tasks.spawn(self.renew(did)))
        window.banner.dismissed.connect(self._dismissed.add)

    def _requested(self, request: str, did: str) -> None:
        """A card's button: what it asks of the account."""
        if request == "sign_out":
            self._tasks.spawn(self.sign_out(did))
        elif request == "sign_in_again":
            self._sign_in_again(did)
        elif request == "renew":
            self._tasks.spawn(self.renew(did))
        elif request == "allow":
            self._tasks.spawn(self.allow(did))
        elif request == "switch":
            self._accounts.set_active(did)

    async def renew(self, did: str) -> RenewalPath | None:
        """"Renew session": "silent", "prompted", or None when it failed (said on the card)."""
        window = self._window

        def before_prompt() -> None:
            window.show_sign_in()
            window.sign_in_page.show_waiting()

        try:
            path = await self._accounts.renew(did, before_prompt=before_prompt,
                                              on_started=self._remember_url)
        except AppError:
            path = None
        finally:
            window.sign_in_page.show_form()
        self._dismissed.discard(did)
        self._notified.discard(did)
        window.show_accounts()
        self.show(self._accounts.snapshots())
        return path

    async def allow(self, did: str, features: Sequence[str] = ()) -> Permissions | None:
        """"Allow…": ask the provider for `features` (default: all the app lacks) in the
        browser; the permission banner says what happens. None when it failed."""
        banner = self._window.permission_banner
        banner.features = list(features)
        banner.show()
        banner.waiting()
        try:
            permissions = await self._accounts.allow(did, features,
                                                     on_started=self._remember_url)
        except AppError as exc:
            banner.finished(say(exc.sentence))
            return None
        refused = [f for f in features if not permissions.allows(f)]
        if refused:
            banner.finished(tr("Your provider did not allow {features}.").format(
                features=features_text(refused).lower()))
            return permissions
        banner.finished(None)
        self._window.show_message(tr("Allowed: {permissions}.").format(
            permissions=allowed_text(permissions)))
        return permissions

    def _remember_url(self, start: AuthorizationStart) -> None:
        self._signin.last_url = start.url

    async def sign_out(self, did: str) -> None:
        await self._accounts.sign_out(did)
        self._window.banner.hide_for(did)
        if not self._accounts.snapshots():
            self._window.show_sign_in()

    def _sign_in_again(self, did: str) -> None:
        found = self._accounts.snapshot(did)
        hint = found.name if found is not None else did
        self._window.show_sign_in()
        self._window.sign_in_page.prefill(hint)
        self._signin.start(hint, login_hint=hint)

    def show(self, snapshots: tuple[AccountSnapshot, ...]) -> None:
        banner_shown = False
        for snap in snapshots:
            suggest = snap.state == "renewal_suggested" and snap.did not in self._dismissed
            if suggest and not banner_shown:
                message = tr("@{handle}: {status}. Renew it to stay signed in.").format(
                    handle=snap.name, status=status_text(snap.status))
                self._window.banner.show_for(snap.did, message)
                banner_shown = True
                if self.notify is not None and snap.did not in self._notified:
                    self._notified.add(snap.did)  # once per session, not every pass
                    self.notify(tr("Renew your session"), message)
        if not banner_shown:
            self._window.banner.hide()
        now = self._accounts.clock()
        self._window.status_panel.set_accounts([account_view(s, now) for s in snapshots])


def account_view(snap: AccountSnapshot, now: float) -> AccountView:
    """What the status panel shows for one account."""
    expiry = "-"
    if snap.access_expires_at is not None:
        left = snap.access_expires_at - now
        expiry = tr("expired", "the access token") if left <= 0 else tr(
            "renews automatically (in %n min)", None, int(left // 60))
    renewal = {"silent": tr("Renewed silently"),
               "prompted": tr("Renewed after you confirmed in your browser"),
               None: ""}[snap.renewal]
    if snap.renewal_error is not None:
        renewal = tr("Renewal failed: {error}").format(error=say(snap.renewal_error))
    # The day and time in the interface's language: its month names, its order.
    started = "-" if snap.signed_in_at is None else QLocale().toString(
        QDateTime.fromSecsSinceEpoch(int(snap.signed_in_at)),
        tr("dd MMM yyyy HH:mm", "a QDateTime format: when a session started"))
    return AccountView(
        did=snap.did,
        handle=snap.name,
        pds_host=snap.pds.split("://", 1)[-1] or "-",
        scopes=snap.scope or "-",
        started=started,
        access_expiry=expiry,
        remaining_text=status_text(snap.status),
        remaining_fraction=snap.status.fraction_left,
        tooltip=why_limited(),
        state=snap.state,
        state_text=" ".join(t for t in (state_text(snap.status),
                                         unsaved_text() if snap.unsaved else "") if t),
        renewal_path=renewal,
        active=snap.active,
        allowed_text=allowed_text(snap.permissions),
        missing_text=tr("Not allowed: {features}").format(
            features=features_text(snap.permissions.missing))
        if snap.permissions.missing else "",
        mode_text=mode_text(snap.permissions),
    )
