"""The one base of every error the app raises on purpose, and the sentence it shows."""

from __future__ import annotations


class AppError(Exception):
    """An error a person can be told about.

    `message` is one plain sentence for the window or the command line; `detail` is for logs
    and diagnostics. Neither ever contains a token, a key, a PKCE verifier or an
    authorization code. Protocol, platform, settings and lifecycle errors derive from this.
    """

    default_message = "Something went wrong."

    def __init__(self, detail: str = "", *, message: str | None = None) -> None:
        self.message = message or self.default_message
        self.detail = detail
        super().__init__(f"{self.message} ({detail})" if detail else self.message)

