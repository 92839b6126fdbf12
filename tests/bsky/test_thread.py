"""Threads in reading order, and deeper replies spliced in place."""

from __future__ import annotations

from desktop_app.bsky import Author, PostView, ThreadNode, flatten_thread, splice_replies


def node(name: str, *replies: ThreadNode, parent: ThreadNode | None = None,
         reply_count: int = 0) -> ThreadNode:
    post = PostView(uri=f"at://did:plc:x/app.bsky.feed.post/{name}", cid=name,
                    author=Author("did:plc:x", "x.test"), text=name, created_at="",
                    indexed_at="", reply_count=reply_count or len(replies))
    return ThreadNode(uri=post.uri, post=post, parent=parent, replies=replies)


def names(rows: list) -> list[tuple[str, int]]:  # type: ignore[type-arg]
    return [(r.node.post.text if r.node.post else "?", r.depth) for r in rows]


def test_ancestors_post_then_replies_depth_first() -> None:
    root = node("root")
    parent = node("parent", parent=root)
    focus = node("focus", node("a", node("a1"), node("a2")), node("b"), parent=parent)
    assert names(flatten_thread(focus)) == [
        ("root", -2), ("parent", -1), ("focus", 0), ("a", 1), ("a1", 2), ("a2", 2), ("b", 1)]


def test_unavailable_nodes_keep_their_place() -> None:
    gone = ThreadNode(uri="at://did:plc:x/app.bsky.feed.post/gone", unavailable="Deleted post")
    focus = node("focus", gone, node("b"))
    rows = flatten_thread(focus)
    assert [r.node.unavailable for r in rows] == ["", "Deleted post", ""]


def test_more_replies_are_spliced_one_level_deeper() -> None:
    focus = node("focus", node("a", reply_count=2), node("b"))
    rows = flatten_thread(focus)
    assert rows[1].node.more_replies and not rows[2].node.more_replies
    deeper = node("a", node("a1", node("a1x")), node("a2"))
    spliced = splice_replies(rows, 1, deeper)
    assert names(spliced) == [("focus", 0), ("a", 1), ("a1", 2), ("a1x", 3), ("a2", 2), ("b", 1)]
