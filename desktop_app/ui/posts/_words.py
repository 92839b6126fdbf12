"""The words of a post list that other layers write in English: the fixed texts the app and
network layers put on rows (a post waiting to be sent, a quote that can't be shown, why a
post is covered), shown in the interface's language; and what each post action is called."""

from __future__ import annotations

from ...app.screens import NOTIFICATION_CONTEXT, WAITING, Row
from ...bsky import NotificationGroup
from ..lang import tr


def row_words(row: Row) -> str:
    """What a row that is no post says: a placeholder why its post can't be shown, a "more
    replies" row how many (its English is the app layer's, for the command line)."""
    if row.kind == "more":
        if row.count == 1:
            return tr("Show 1 more reply")
        return tr("Show %n more replies", None, row.count) if row.count > 1 \
            else tr("Show more replies")
    return shown(row.text)


def shown(text: str) -> str:
    """`text` (a fixed English text from the app or network layer: a row's context, a quote's
    unavailability, a moderation reason) in the interface's language; any other text (a
    labeler's own label, a name) as it is."""
    words = {
        WAITING: tr("Waiting to send", "a post of yours not sent yet"),
        "Post unavailable": tr("Post unavailable", "a post in a thread that can't be shown"),
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
    if text in words:
        return words[text]
    for reason, template in NOTIFICATION_CONTEXT.items():
        head, _, tail = template.partition("{}")
        if text.startswith(head) and text.endswith(tail) and len(text) > len(head + tail):
            return _context(reason, text[len(head):len(text) - len(tail)])
    return text


def _context(reason: str, name: str) -> str:
    """The line above a reply, mention or quote in the notifications."""
    if reason == "reply":
        return tr("↩ {name} replied to you").format(name=name)
    if reason == "mention":
        return tr("@ {name} mentioned you").format(name=name)
    return tr("❝ {name} quoted your post").format(name=name)


def group_summary(group: NotificationGroup) -> str:
    """"bob liked your post", "bob and carol …", "bob and 3 others …": one whole sentence per
    reason and number of people, so each language can say it its own way."""
    authors = group.authors
    name = authors[0].name if authors else ""
    other = authors[1].name if len(authors) > 1 else ""
    return _summary(group.reason, len(authors) - 1).format(name=name, other=other)


def _summary(reason: str, others: int) -> str:
    one, two = others <= 0, others == 1
    if reason == "like":
        return tr("{name} liked your post") if one else tr(
            "{name} and {other} liked your post") if two else tr(
            "{name} and %n others liked your post", None, others)
    if reason == "repost":
        return tr("{name} reposted your post") if one else tr(
            "{name} and {other} reposted your post") if two else tr(
            "{name} and %n others reposted your post", None, others)
    if reason == "follow":
        return tr("{name} followed you") if one else tr(
            "{name} and {other} followed you") if two else tr(
            "{name} and %n others followed you", None, others)
    if reason == "starterpack-joined":
        return tr("{name} signed up with your starter pack") if one else tr(
            "{name} and {other} signed up with your starter pack") if two else tr(
            "{name} and %n others signed up with your starter pack", None, others)
    return tr("{name} notified you") if one else tr(
        "{name} and {other} notified you") if two else tr(
        "{name} and %n others notified you", None, others)


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
