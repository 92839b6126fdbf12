"""The command line: the window, or one command on the same application layer and profile.

Import from this face, not from the private modules behind it.
"""

from ._main import build_parser, main

__all__ = ["build_parser", "main"]
