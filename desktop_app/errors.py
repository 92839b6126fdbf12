"""The one base of every error the app raises on purpose, and the sentence it shows."""

from __future__ import annotations

from .sentences import QT_TR_NOOP, Sentence, said


class AppError(Exception):
    """An error a person can be told about.

    `sentence` is one plain sentence for the window (which says it in its language) or the
    command line; `message` is its English; `detail` is for logs and diagnostics. None of them
    ever contains a token, a key, a PKCE verifier or an authorization code. Protocol, platform,
    settings and lifecycle errors derive from this.
    """

    default_message = QT_TR_NOOP("Something went wrong.")

    def __init__(self, detail: str = "", *, message: str | Sentence | None = None) -> None:
        self.sentence = said(message or self.default_message)
        self.message = str(self.sentence)
        self.detail = detail
        super().__init__(f"{self.message} ({detail})" if detail else self.message)
