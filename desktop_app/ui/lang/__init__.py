"""The languages of the window: the one translation helper (`tr`), what says the Qt-free
layers' sentences in the interface's language (`say`) and what installs the catalogue of the
language in use."""

from __future__ import annotations

from ._install import CATALOGUES, LANGUAGES, install_language, locale_for
from ._say import announce, duration_words, say
from ._tr import tr

__all__ = ["CATALOGUES", "LANGUAGES", "announce", "duration_words", "install_language",
           "locale_for", "say", "tr"]
