"""Laoke's product core: models, import, lifecycle, care planning, search and export. No Qt here."""

__version__ = "0.1.0"
APP_NAME = "Laoke"
