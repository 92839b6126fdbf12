"""What the app may do as the account, said in the interface's language: the features granted
("Post, like and repost as you; read your timeline"), why one is missing ("Posting wasn't
allowed when you signed in."), and how the grant was made. The features and their English words
are the `bsky` layer's (the command line says them in English); these are the window's."""

from __future__ import annotations

from collections.abc import Iterable

from ...bsky import BY_KEY, Permissions
from ..lang import tr


def _word(word: str) -> str:
    """One feature's word as the English sentence has it, translated."""
    words = {
        "post": tr("post", "a permission: post as you"),
        "like": tr("like", "a permission: like as you"),
        "repost": tr("repost", "a permission: repost as you"),
        "follow": tr("follow", "a permission: follow as you"),
        "mute": tr("mute", "a permission: mute as you"),
        "block": tr("block", "a permission: block as you"),
        "your timeline": tr("your timeline", "a permission: read your timeline"),
        "notifications": tr("notifications", "a permission: read your notifications"),
        "upload images": tr("upload images", "a permission"),
        "keep your drafts on your account": tr("keep your drafts on your account",
                                               "a permission"),
        "pin and save custom feeds": tr("pin and save custom feeds", "a permission"),
        "make lists and subscribe to moderation lists": tr(
            "make lists and subscribe to moderation lists", "a permission"),
        "bookmark posts": tr("bookmark posts", "a permission"),
    }
    return words.get(word, word)


def _series(words: list[str]) -> str:
    """"a", "a and b", "a, b and c" — in the interface's language."""
    if len(words) <= 1:
        return "".join(words)
    return tr("{items} and {last}", "the end of a list of things").format(
        items=tr(", ", "separates the items of a list").join(words[:-1]), last=words[-1])


def features_text(keys: Iterable[str]) -> str:
    """"Post, like and repost as you; read your timeline and notifications; upload images"."""
    chosen = [BY_KEY[k] for k in keys if k in BY_KEY]
    parts = []
    acts = [_word(w) for f in chosen if f.group == "act" for w in f.words]
    if acts:
        parts.append(tr("{actions} as you", "what the app may do as the account").format(
            actions=_series(acts)))
    reads = [_word(w) for f in chosen if f.group == "read" for w in f.words]
    if reads:
        parts.append(tr("read {things}", "what the app may read").format(things=_series(reads)))
    parts.extend(_word(w) for f in chosen if f.group == "other" for w in f.words)
    text = tr("; ", "between the parts of a sentence").join(parts)
    return text[:1].upper() + text[1:]


def allowed_text(permissions: Permissions) -> str:
    if not permissions.allowed:
        return tr("Nothing beyond knowing who you are")
    return features_text(permissions.allowed)


def mode_text(permissions: Permissions) -> str:
    if permissions.mode == "transition":
        if permissions.beyond:
            return tr("Full access, and more than this app uses was granted")
        return tr("Full access: this server does not offer limited permissions")
    if permissions.beyond:
        return tr("More than this app uses was granted")
    return tr("Only what this app uses")


def missing_sentence(key: str) -> str:
    """Why the app can't do it: "Posting wasn't allowed when you signed in.\""""
    sentences = {
        "post": tr("Posting wasn't allowed when you signed in."),
        "like": tr("Liking wasn't allowed when you signed in."),
        "repost": tr("Reposting wasn't allowed when you signed in."),
        "follow": tr("Following wasn't allowed when you signed in."),
        "moderate": tr("Muting and blocking wasn't allowed when you signed in."),
        "read": tr("Reading your timeline wasn't allowed when you signed in."),
        "notifications": tr("Reading your notifications wasn't allowed when you signed in."),
        "images": tr("Uploading images wasn't allowed when you signed in."),
        "drafts": tr("Keeping drafts on your account wasn't allowed when you signed in."),
        "feeds": tr("Using custom feeds wasn't allowed when you signed in."),
        "lists": tr("Using lists wasn't allowed when you signed in."),
        "bookmarks": tr("Bookmarking wasn't allowed when you signed in."),
    }
    found = BY_KEY.get(key)
    return sentences.get(key, found.sentence() if found is not None else "")
