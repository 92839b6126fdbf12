"""Record keys the app chooses: valid TIDs, always increasing."""

from __future__ import annotations

import re

from desktop_app.bsky import next_tid

# The TID syntax (atproto spec, "Record Key" / "TID"): 13 base32-sortable characters, the
# first one limiting the top bit to zero.
TID = re.compile(r"^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$")


def test_tids_are_valid_and_strictly_increasing_even_when_the_clock_stands_still() -> None:
    stuck = [next_tid(lambda: 1_764_000_000.0) for _ in range(50)]
    assert all(TID.match(t) for t in stuck)
    assert stuck == sorted(stuck) and len(set(stuck)) == 50
    later = next_tid(lambda: 1_764_000_100.0)
    assert later > stuck[-1]
    assert next_tid(lambda: 1_000_000_000.0) > later  # the clock stepping back changes nothing
