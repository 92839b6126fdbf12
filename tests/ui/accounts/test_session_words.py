"""The session's status in the window's words: in English exactly the app layer's sentences
(the command line's), for every end reason, offline waits and durations."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from desktop_app.app import describe_duration, ended_status
from desktop_app.app._lifetime import SessionStatus
from desktop_app.atproto.oauth import SessionEndReason
from desktop_app.ui.accounts._session_words import state_text, status_text
from desktop_app.ui.lang import duration_words


def test_english_is_the_app_layers(qapp: QApplication) -> None:
    for seconds in (0, 59, 60, 61, 3599, 3600, 3661, 86400, 90061, 13 * 86400 + 4 * 3600,
                    2 * 86400 + 60, 400 * 86400):
        assert duration_words(seconds) == describe_duration(seconds)
    for reason in SessionEndReason:
        ended = ended_status(reason)
        assert status_text(ended) == ended.text and state_text(ended) == ended.state_text
    for wait, said in ((30.0, "can't reach your provider; trying again shortly"),
                       (300.0, "can't reach your provider; trying again in 5 minutes")):
        offline = SessionStatus("offline", None, 3600.0, 0.5, None, "", said, retry_in=wait)
        assert state_text(offline) == said
        assert status_text(offline) == "Session ends in 1 hour"
    renew = SessionStatus("renewal_suggested", None, 60.0, 0.01, None, "", "")
    assert state_text(renew) == "renew now to stay signed in"
