"""The languages of the window: the one translation helper (`tr`) and what installs the
catalogue of the language in use."""

from __future__ import annotations

from ._install import CATALOGUES, LANGUAGES, install_language, locale_for
from ._tr import tr

__all__ = ["CATALOGUES", "LANGUAGES", "install_language", "locale_for", "tr"]
