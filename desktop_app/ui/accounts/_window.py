"""What the account adapters need of the window (the main window provides it)."""

from __future__ import annotations

from typing import Protocol

from ._banners import PermissionBanner, RenewalBanner
from ._signin_page import SignInPage
from ._status_panel import StatusPanel


class AccountsWindow(Protocol):
    """The sign-in page, the status panel, the two banners and the places they lead to."""

    sign_in_page: SignInPage
    status_panel: StatusPanel
    banner: RenewalBanner
    permission_banner: PermissionBanner

    def show_home(self) -> None: ...

    def show_sign_in(self) -> None: ...

    def show_add_account(self) -> None: ...

    def show_accounts(self) -> None: ...

    def show_message(self, text: str) -> None: ...
