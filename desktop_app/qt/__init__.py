"""Qt glue shared by the window and the command line: the qasync loop and the one owner of its
life, the single instance.

Import from this face, not from the private modules behind it.
"""

from ._lifecycle import Lifecycle
from ._loop import AppEventLoop, new_event_loop
from ._single_instance import (
    Deliver,
    FileOpenFilter,
    SingleInstance,
    send_to_primary,
    server_name,
)

__all__ = [
    "AppEventLoop",
    "Deliver",
    "FileOpenFilter",
    "Lifecycle",
    "SingleInstance",
    "new_event_loop",
    "send_to_primary",
    "server_name",
]
