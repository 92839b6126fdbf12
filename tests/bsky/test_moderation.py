"""Moderation decisions, with the official SDK's label definitions and defaults."""

from __future__ import annotations

import dataclasses

import pytest

from desktop_app.bsky import (
    Author,
    Label,
    PostView,
    Preferences,
    label_preference,
    moderate_author,
    moderate_post,
)

ME = "did:plc:meeeeeeeeeeeeeeeeeeeeeee"
BOB = "did:plc:bobbbbbbbbbbbbbbbbbbbbbb"
LABELER = "did:plc:labelerlabelerlabelerlab"
DEFAULTS = Preferences()


def post(*labels: Label, author: Author | None = None) -> PostView:
    return PostView(uri=f"at://{BOB}/app.bsky.feed.post/1", cid="c", text="hi",
                    author=author or Author(BOB, "bob.test"), created_at="", indexed_at="",
                    labels=labels)


def lab(val: str, src: str = LABELER, neg: bool = False) -> Label:
    return Label(src, val, neg)


def test_clean_post_shows() -> None:
    assert moderate_post(post(), DEFAULTS, viewer=ME).clean


def test_hide_label_hides_and_cannot_be_shown() -> None:
    decision = moderate_post(post(lab("!hide")), DEFAULTS, viewer=ME)
    assert decision.hide and not decision.can_show


def test_warn_label_blurs_the_whole_post_behind_show() -> None:
    decision = moderate_post(post(lab("!warn")), DEFAULTS, viewer=ME)
    assert not decision.hide and decision.blur == "content" and decision.can_show
    assert decision.reason


def test_self_applied_hide_and_warn_are_ignored() -> None:
    assert moderate_post(post(lab("!hide", BOB), lab("!warn", BOB)), DEFAULTS, viewer=ME).clean


def test_negated_label_is_withdrawn() -> None:
    assert moderate_post(post(lab("!warn"), lab("!warn", neg=True)), DEFAULTS, viewer=ME).clean


@pytest.mark.parametrize(("value", "adult", "hide", "blur"), [
    ("porn", False, True, "media"),  # adult content off: hidden
    ("sexual", False, True, "media"),
    ("graphic-media", False, True, "media"),
    ("nudity", False, False, "none"),  # not adult-only, default ignore
    ("porn", True, True, "media"),  # default hide even with adult content on
    ("sexual", True, False, "media"),  # default warn: blurred media
    ("graphic-media", True, False, "media"),
])
def test_media_labels_follow_the_sdk_defaults(value: str, adult: bool, hide: bool,
                                              blur: str) -> None:
    decision = moderate_post(post(lab(value)), Preferences(adult_content=adult), viewer=ME)
    assert (decision.hide, decision.blur) == (hide, blur)


def test_preferences_override_defaults_but_not_the_adult_switch() -> None:
    prefs = Preferences(adult_content=True, labels=(("porn", "warn"), ("nudity", "hide")))
    assert moderate_post(post(lab("porn")), prefs, viewer=ME).blur == "media"
    assert moderate_post(post(lab("nudity")), prefs, viewer=ME).hide
    off = dataclasses.replace(prefs, adult_content=False)
    assert label_preference("porn", off) == "hide"
    assert label_preference("graphic-media", Preferences(
        adult_content=True, labels=(("gore", "ignore"),))) == "ignore"  # the legacy name


def test_muted_and_blocked_authors() -> None:
    muted = Author(BOB, "bob.test", muted=True)
    assert moderate_post(post(author=muted), DEFAULTS, viewer=ME).hide
    opened = moderate_post(post(author=muted), DEFAULTS, viewer=ME, context="view")
    assert not opened.hide and opened.blur == "content" and opened.can_show
    blocked = Author(BOB, "bob.test", blocking=f"at://{ME}/app.bsky.graph.block/1")
    assert moderate_post(post(author=blocked), DEFAULTS, viewer=ME).hide
    assert moderate_author(Author(BOB, "bob.test", blocked_by=True), DEFAULTS, viewer=ME).hide


def test_account_labels_apply_to_its_posts() -> None:
    author = Author(BOB, "bob.test", labels=(lab("!hide"),))
    assert moderate_post(post(author=author), DEFAULTS, viewer=ME).hide


def test_own_posts_are_never_hidden_from_me() -> None:
    mine = post(lab("!hide"), author=Author(ME, "me.test"))
    decision = moderate_post(mine, DEFAULTS, viewer=ME)
    assert not decision.hide and decision.blur == "content" and decision.can_show
