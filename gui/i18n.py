"""Which language the window speaks, and loading its translations (Laoke's and Qt's own)."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication

from core.paths import resource_path

SUPPORTED_LANGUAGES = {"en": "English", "zh_CN": "简体中文"}
LANGUAGE_KEY = "ui/language"


def saved_language() -> str | None:
    value = QSettings().value(LANGUAGE_KEY)
    return value if value in SUPPORTED_LANGUAGES else None


def save_language(language: str | None) -> None:
    settings = QSettings()
    if language is None:
        settings.remove(LANGUAGE_KEY)
    else:
        settings.setValue(LANGUAGE_KEY, language)


def system_language() -> str:
    return "zh_CN" if QLocale.system().name().startswith("zh") else "en"


def choose_language(requested: str | None = None) -> str:
    """--lang wins, then the choice saved in Settings, then the system's locale."""
    return requested or saved_language() or system_language()


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Load Qt's and Laoke's catalogues for `language`; English needs only Laoke's plural forms ("1 customer")."""
    QLocale.setDefault(QLocale("zh_CN" if language == "zh_CN" else "en_US"))
    laoke = (f"laoke_{language}", str(resource_path("resources/i18n")))
    catalogues = [laoke] if language == "en" else [
        (f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)), laoke]
    translators = []
    for name, folder in catalogues:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            translators.append(translator)
    return translators
