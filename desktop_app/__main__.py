"""`python -m desktop_app` entry point."""

import sys

from .cli import main

sys.exit(main())
