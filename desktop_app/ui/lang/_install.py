"""Which language the window speaks: the `language` setting, else the system's; its catalogue
(built from `translations/app_<lang>.ts` by `pyside6-lrelease`) and Qt's own for its dialogs;
dates, times and counts formatted by that locale (`QLocale.setDefault`)."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

CATALOGUES = Path(__file__).resolve().parent / "translations"
# The interface languages shipped (English is the source); a setting names one of these.
LANGUAGES = {"en": "English", "ja": "日本語", "pt_BR": "Português (Brasil)"}


def locale_for(setting: object) -> QLocale:
    """The locale a `language` setting names ("ja", "pt_BR"; "system" or nothing: the
    system's). An unknown one is said once and the system's is used."""
    if isinstance(setting, str) and setting in LANGUAGES:
        return QLocale(setting)
    if setting not in (None, "", "system"):
        log.warning("language setting %r is not one of %s: following the system", setting,
                    ", ".join(["system", *LANGUAGES]))
    return QLocale.system()


def install_language(app: QCoreApplication, setting: object = None) -> QLocale:
    """Install the catalogues for the setting's language; returns the locale in use."""
    locale = locale_for(setting)
    QLocale.setDefault(locale)
    ours = QTranslator(app)
    if ours.load(locale, "app", "_", str(CATALOGUES)):
        app.installTranslator(ours)
        log.info("interface language: %s", locale.name())
    elif locale.language() != QLocale.Language.English:
        log.info("no catalogue for %s: the interface stays in English", locale.name())
    qt = QTranslator(app)
    if qt.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
    return locale
