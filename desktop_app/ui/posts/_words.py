"""The words of a post list that other layers write in English: the fixed texts the app and
network layers put on rows (a post waiting to be sent, a quote that can't be shown, why a
post is covered), shown in the interface's language; and what each post action is called."""

from __future__ import annotations

from ...app.screens import WAITING
from ..lang import tr


def shown(text: str) -> str:
    """`text` (a fixed English text from the app or network layer: a row's context, a quote's
    unavailability, a moderation reason) in the interface's language; any other text (a
    labeler's own label, a name) as it is."""
    words = {
        WAITING: tr("Waiting to send", "a post of yours not sent yet"),
        "Deleted post": tr("Deleted post", "a quoted or replied-to post that was deleted"),
        "Blocked post": tr("Blocked post", "a quoted or replied-to post that can't be seen"),
        "Removed by its author": tr("Removed by its author", "a quote detached by its author"),
        "Blocked account": tr("Blocked account", "why a post is hidden"),
        "Hidden by moderators": tr("Hidden by moderators", "why a post is hidden"),
        "Content warning on this account": tr("Content warning on this account",
                                              "why a post is covered"),
        "You muted this account": tr("You muted this account", "why a post is covered"),
        "Content warning": tr("Content warning", "why a post is covered"),
    }
    return words.get(text, text)


def action_words(name: str) -> str:
    """What the post action `name` (a name of `POST_ACTIONS`: "like", "open", …) is called, in
    the interface's language (a menu entry, the keys list)."""
    words = {
        "open": tr("Open the thread", "post action"),
        "like": tr("Like", "post action"),
        "repost": tr("Repost", "post action"),
        "reply": tr("Reply", "post action"),
        "quote": tr("Quote", "post action"),
        "bookmark": tr("Bookmark", "post action"),
        "profile": tr("Open the author's profile", "post action"),
        "link": tr("Open the first link", "post action"),
    }
    return words.get(name, name)
