"""`desktop-app [COMMAND]`: the window with no command, else one command on the app layer."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from .. import __version__
from ..bsky import FEATURES
from ..errors import AppError
from ..settings import Settings
from ._run import EXIT_USAGE, fail, load_settings

FEATURE_KEYS = tuple(f.key for f in FEATURES)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="desktop-app",
                                     description="A desktop Bluesky client. With no command, "
                                                 "the window opens.")
    parser.add_argument("--version", action="version", version=f"desktop-app {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log to stderr")
    sub = parser.add_subparsers(dest="command")
    _session_commands(sub)
    _content_commands(sub)
    _library_commands(sub)
    _setup_commands(sub)
    return parser


def _session_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    resolve = sub.add_parser("resolve", help="show and check the identity chain of an account")
    resolve.add_argument("identifier", help="handle, DID, or PDS/entryway URL")
    resolve.add_argument("--json", action="store_true", help="print one JSON object")

    login = sub.add_parser("login", help="sign in through your browser (stores in the keychain)")
    login.add_argument("identifier", help="handle, DID, or PDS/entryway URL")
    login.add_argument("--prompt", choices=["none", "login", "consent"], default=None)
    login.add_argument("--timeout", type=float, default=900.0, help="seconds to wait")
    login.add_argument("--only", type=_features, metavar="FEATURE[,FEATURE…]",
                       help="ask only for these permissions (" + ", ".join(FEATURE_KEYS)
                       + "); the others can be allowed later with `allow`")

    accounts = sub.add_parser("accounts", help="the signed-in accounts and their sessions")
    accounts.add_argument("--json", action="store_true", help="print a JSON list")
    logout = sub.add_parser("logout", help="sign an account out (revokes its tokens)")
    logout.add_argument("account", help="handle or DID")
    renew = sub.add_parser("renew", help="renew an account's session (may open the browser)")
    renew.add_argument("account", help="handle or DID")
    allow = sub.add_parser("allow", help="allow this app more of your account (opens the "
                                         "browser once; default: everything it may not do yet)")
    allow.add_argument("features", nargs="*", type=_feature, metavar="FEATURE",
                       help=", ".join(FEATURE_KEYS))
    allow.add_argument("--account", help="handle or DID (default: the active account)")


def _content_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    timeline = sub.add_parser("timeline", help="print the home timeline")
    timeline.add_argument("--account", help="handle or DID (default: the active account)")
    timeline.add_argument("--limit", type=_limit, default=20, help="posts to show (1-1000)")
    timeline.add_argument("--json", action="store_true", help="print a JSON list")

    post = sub.add_parser("post", help="write a post (links, mentions and tags become facets)")
    post.add_argument("text")
    post.add_argument("--account", help="handle or DID (default: the active account)")
    post.add_argument("--image", action="append", default=[], metavar="PATH",
                      help="attach an image (up to 4)")
    post.add_argument("--alt", action="append", default=[], metavar="TEXT",
                      help="alt text of the --image before it")
    post.add_argument("--reply-to", metavar="AT-URI", help="the post this one replies to")
    post.add_argument("--lang", action="append", default=[], metavar="TAG",
                      help="language of the post (BCP-47), up to 3")
    post.add_argument("--dry-run", action="store_true",
                      help="print the record that would be written; write nothing")
    post.add_argument("--json", action="store_true", help="print the new post's uri and cid")
    post.add_argument("--queue", action="store_true",
                      help="if it can't be sent now (offline, server down), keep it in the "
                           "outbox to be sent later (exit 0)")

    drafts = sub.add_parser("drafts", help="your drafts, on this device and on the account")
    drafts.add_argument("--account", help="handle or DID (default: the active account)")
    drafts.add_argument("--json", action="store_true", help="print a JSON list")

    outbox = sub.add_parser("outbox", help="what waits to be sent; `outbox send` sends it now")
    outbox.add_argument("action", nargs="?", choices=["send"], help="send what waits, now")
    outbox.add_argument("--account", help="handle or DID (default: the active account)")
    outbox.add_argument("--json", action="store_true", help="print a JSON list")

    notes = sub.add_parser("notifications", help="print your notifications")
    notes.add_argument("--account", help="handle or DID (default: the active account)")
    notes.add_argument("--limit", type=_limit, default=30, help="how many (1-1000)")
    notes.add_argument("--json", action="store_true", help="print a JSON list")
    notes.add_argument("--mark-read", action="store_true",
                       help="mark them read afterwards (as opening the list in the window does)")

    thread = sub.add_parser("thread", help="print a post's thread in reading order")
    thread.add_argument("link", metavar="AT-URI", help="at:// URI or bsky.app link of a post")
    thread.add_argument("--account", help="handle or DID (default: the active account)")
    thread.add_argument("--json", action="store_true",
                        help="print a JSON list (depth 0: the post, <0: ancestors, >0: replies)")


def _library_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    def command(name: str, help: str, *, as_json: bool = True) -> argparse.ArgumentParser:
        parser = sub.add_parser(name, help=help)
        parser.add_argument("--account", help="handle or DID (default: the active account)")
        if as_json:
            parser.add_argument("--json", action="store_true", help="print a JSON list")
        return parser

    command("feeds", "your saved feeds in order (the pinned ones are Home's tabs)")
    feed = command("feed", "print the posts of a custom feed or a list")
    feed.add_argument("uri", metavar="URI", help="at:// URI of a feed generator or a list")
    feed.add_argument("--limit", type=_limit, default=20, help="posts to show (1-1000)")
    for name, help in (("pin", "pin a feed or list to Home (saving it)"),
                       ("unpin", "unpin a feed or list from Home (it stays saved)")):
        command(name, help, as_json=False).add_argument(
            "uri", metavar="URI", help="at:// URI of a feed generator or a list, or "
                                       "`following` for the Following timeline")
    command("lists", "the lists you made")
    for name, help in (("bookmark", "bookmark a post"), ("unbookmark", "remove a bookmark")):
        command(name, help, as_json=False).add_argument(
            "link", metavar="AT-URI", help="at:// URI or bsky.app link of a post")
    bookmarks = command("bookmarks", "print your bookmarked posts")
    bookmarks.add_argument("--limit", type=_limit, default=50, help="posts to show (1-1000)")


def _setup_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    sub.add_parser("register-scheme", help="register the app for its sign-in URI scheme")
    sub.add_parser("unregister-scheme", help="undo register-scheme")
    doctor = sub.add_parser("doctor", help="check keychain, scheme registration and paths")
    doctor.add_argument("--json", action="store_true")

    meta = sub.add_parser("client-metadata", help="print the client metadata document to host")
    meta.add_argument("--client-id", help="https URL where the document is hosted "
                      "(default: the configured one, or the one this package was built with)")
    meta.add_argument("--client-name", default="Desktop App")


def _feature(text: str) -> str:
    if text not in FEATURE_KEYS:
        raise argparse.ArgumentTypeError(f"{text!r} is not one of {', '.join(FEATURE_KEYS)}")
    return text


def _features(text: str) -> list[str]:
    return [_feature(part.strip()) for part in text.split(",") if part.strip()]


def _limit(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError("must be a whole number") from None
    if not 1 <= value <= 1000:
        raise argparse.ArgumentTypeError("must be from 1 to 1000")
    return value


LIBRARY = frozenset({"feeds", "feed", "pin", "unpin", "lists", "bookmark", "unbookmark",
                     "bookmarks"})


def _library_command(args: argparse.Namespace, settings: Settings) -> int:
    from . import _library

    command, account = args.command, args.account
    if command == "feeds":
        return _library.feeds(settings, account=account, as_json=args.json)
    if command == "feed":
        return _library.feed(settings, args.uri, account=account, limit=args.limit,
                             as_json=args.json)
    if command in {"pin", "unpin"}:
        return _library.pin(settings, args.uri, account=account, pinned=command == "pin")
    if command == "lists":
        return _library.lists(settings, account=account, as_json=args.json)
    if command in {"bookmark", "unbookmark"}:
        return _library.bookmark(settings, args.link, account=account,
                                 add=command == "bookmark")
    return _library.bookmarks(settings, account=account, limit=args.limit, as_json=args.json)


def _is_url_argument(arg: str) -> bool:
    """The OS launches us with the redirect URL as the only argument."""
    head = arg.split(":", 1)[0]
    return ":" in arg and not arg.startswith("-") and head.replace(".", "").replace("+", "")\
        .replace("-", "").isalnum() and head not in {"did"}


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        return _main(args_list)
    except AppError as exc:
        logging.getLogger(__name__).info("command failed: %s", exc.detail)
        return fail(exc.message)
    except KeyboardInterrupt:
        return fail("interrupted", 130)


def _main(args_list: list[str]) -> int:
    if len(args_list) == 1 and _is_url_argument(args_list[0]):
        logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
        settings = load_settings()
        if settings is None:
            return EXIT_USAGE
        from ._sessions import open_url

        return open_url(settings, args_list[0])
    args = build_parser().parse_args(args_list)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    if args.command is None:
        from ..ui.window import run

        return run()
    from . import _setup

    if args.command == "resolve":
        return _setup.resolve(args.identifier, as_json=args.json)
    if args.command == "client-metadata":
        return _setup.client_metadata(args.client_id, args.client_name)
    settings = load_settings()
    if settings is None:
        return EXIT_USAGE
    return _dispatch(args, settings)


def _dispatch(args: argparse.Namespace, settings: Settings) -> int:
    from . import _feed, _reading, _sessions, _setup, _writing

    command = args.command
    if command == "doctor":
        return _setup.doctor(settings, as_json=args.json)
    if command in {"register-scheme", "unregister-scheme"}:
        return _setup.register_scheme(settings, unregister=command == "unregister-scheme")
    if command == "login":
        return _sessions.login(settings, args.identifier, prompt=args.prompt,
                               timeout=args.timeout, only=args.only)
    if command == "allow":
        return _sessions.allow(settings, args.features, account=args.account)
    if command == "accounts":
        return _sessions.accounts(settings, as_json=args.json)
    if command == "logout":
        return _sessions.logout(settings, args.account)
    if command == "renew":
        return _sessions.renew(settings, args.account)
    if command == "notifications":
        return _reading.notifications(settings, account=args.account, limit=args.limit,
                                      as_json=args.json, mark_read=args.mark_read)
    if command == "thread":
        return _reading.thread(settings, args.link, account=args.account, as_json=args.json)
    if command == "timeline":
        return _feed.timeline(settings, account=args.account, limit=args.limit,
                              as_json=args.json)
    if command in LIBRARY:
        return _library_command(args, settings)
    if command == "drafts":
        return _writing.drafts(settings, account=args.account, as_json=args.json)
    if command == "outbox":
        return _writing.outbox(settings, account=args.account, send=args.action == "send",
                               as_json=args.json)
    return _feed.post(settings, args.text, account=args.account, images=args.image,
                      alts=args.alt, reply_to=args.reply_to, langs=args.lang,
                      dry_run=args.dry_run, as_json=args.json, queue=args.queue)
