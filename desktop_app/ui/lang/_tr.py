"""The one way a user-visible string of the window is written: `tr("Save")`, `tr("%n posts",
None, count)`. `pyside6-lupdate` finds these calls (a free `tr` puts them in the empty
context); at run time they are looked up in the catalogue installed for the interface's
language, and the English source is shown where there is none."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """`text` in the interface's language; `%n` in it becomes `n`, in the plural form the
    language wants. `disambiguation` tells two same English words apart ("Save" a post vs a
    draft) for the translators."""
    return QCoreApplication.translate("", text, disambiguation, n)
