"""Prints one application's accessible tree, as a screen reader sees it over AT-SPI, as JSON.

Run with the system Python (`/usr/bin/python3`), not the project's venv: pyatspi is Debian's
`python3-pyatspi` (over GObject introspection and libatspi), which has no wheel to install.
The environment names the session bus (`DBUS_SESSION_BUS_ADDRESS`, where `org.a11y.Bus` gives
the accessibility bus) and the X display.

    /usr/bin/python3 tests/support/atspi_walk.py --pid 1234 [--timeout 30]
    /usr/bin/python3 tests/support/atspi_walk.py --pid 1234 --hear TEXT [--timeout 30]

stdout: `{"role", "name", "description", "states": [...], "labelled_by": [...] (when a label
names it), "children": [...]}` for the
application whose process id is `--pid` (each child the same, `"error"` instead when a node
could not be read). Exit 2 when no such application registers within `--timeout` seconds.
With `--hear TEXT`: listens to what the application announces to a screen reader
(`object:announcement`) until it announces TEXT; prints `{"heard": [...]}` (each
announcement, in order); exit 3 when TEXT was not heard within `--timeout` seconds.
Standard library and pyatspi only; nothing from the project is imported.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from typing import Any

import pyatspi  # type: ignore[import-not-found]  # the system Python's, see above

MAX_NODES = 20000
MAX_DEPTH = 80


def _node(accessible: Any, depth: int, budget: list[int]) -> dict[str, Any]:
    budget[0] -= 1
    try:
        states = [pyatspi.stateToString(s) for s in accessible.getState().getStates()]
        node: dict[str, Any] = {
            "role": accessible.getRoleName(),
            "name": accessible.name or "",
            "description": accessible.description or "",
            "states": sorted(states),
            "children": [],
        }
        labels = [target.name or "" for relation in accessible.getRelationSet()
                  if relation.getRelationType() == pyatspi.RELATION_LABELLED_BY
                  for target in (relation.getTarget(i) for i in range(relation.getNTargets()))
                  if target is not None]
        if labels:
            node["labelled_by"] = labels
        count = accessible.childCount
    except Exception as exc:  # the node went away while being read
        return {"error": f"{type(exc).__name__}: {exc}", "children": []}
    if depth >= MAX_DEPTH:
        node["truncated"] = True
        return node
    for index in range(count):
        if budget[0] <= 0:
            node["truncated"] = True
            break
        try:
            child = accessible.getChildAtIndex(index)
        except Exception as exc:
            node["children"].append({"error": f"{type(exc).__name__}: {exc}", "children": []})
            continue
        if child is not None:
            node["children"].append(_node(child, depth + 1, budget))
    return node


def _find(pid: int) -> Any:
    desktop = pyatspi.Registry.getDesktop(0)
    for index in range(desktop.childCount):
        app = desktop.getChildAtIndex(index)
        try:
            if app is not None and app.get_process_id() == pid:
                return app
        except Exception:  # an application that left meanwhile
            continue
    return None


def _hear(pid: int, text: str, timeout: float) -> int:
    """Listen for announcements from `pid` until `text` is one of them."""
    from gi.repository import GLib  # type: ignore[import-not-found]  # with pyatspi

    heard: list[str] = []

    def on_event(event: Any) -> None:
        try:
            if event.host_application.get_process_id() != pid:
                return
        except Exception:  # an application that left meanwhile
            return
        heard.append(str(event.any_data or ""))
        if text in heard:
            pyatspi.Registry.stop()

    def give_up() -> bool:
        pyatspi.Registry.stop()
        return False

    pyatspi.Registry.registerEventListener(on_event, "object:announcement")
    GLib.timeout_add(int(timeout * 1000), give_up)
    print("listening", file=sys.stderr, flush=True)
    pyatspi.Registry.start()
    json.dump({"heard": heard}, sys.stdout)
    return 0 if text in heard else 3


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pid", type=int, required=True)
    parser.add_argument("--timeout", type=float, default=30)
    parser.add_argument("--hear", help="listen until the application announces this")
    args = parser.parse_args()
    if args.hear is not None:
        return _hear(args.pid, args.hear, args.timeout)
    # Each call waits up to 10 s for the application (the default, 0.8 s, is short for an
    # application that is busy painting on a loaded machine).
    pyatspi.setTimeout(10000, 15000)
    deadline = time.monotonic() + args.timeout
    while (app := _find(args.pid)) is None:
        if time.monotonic() > deadline:
            print(f"no application with pid {args.pid} on the accessibility bus",
                  file=sys.stderr)
            return 2
        time.sleep(0.2)
    json.dump(_node(app, 0, [MAX_NODES]), sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
