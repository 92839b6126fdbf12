"""Accounts in the window: the sign-in page, the status panel, the renewal and permission
banners, and the adapters that connect them to `app.Accounts`."""

from __future__ import annotations

from ._accounts_adapter import AccountsAdapter, Notify
from ._banners import PermissionBanner, RenewalBanner
from ._permission_words import missing_sentence
from ._signin_adapter import SignInAdapter
from ._signin_page import SignInPage
from ._status_panel import AccountCard, AccountRequest, AccountView, StatusPanel
from ._window import AccountsWindow

__all__ = [
    "AccountCard",
    "AccountRequest",
    "AccountView",
    "AccountsAdapter",
    "AccountsWindow",
    "Notify",
    "PermissionBanner",
    "RenewalBanner",
    "SignInAdapter",
    "SignInPage",
    "StatusPanel",
    "missing_sentence",
]
