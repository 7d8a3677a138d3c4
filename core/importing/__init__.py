"""Importing order sheets (and customers' own sheets) into the customer book.

    prepared = prepare_import(path)             # read, detect the layout, parse; no database involved
    summaries = commit_imports(database, [prepared])   # one transaction, one batch per file
    undo_import(database, summaries[0].batch_id)
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select

from core.db import Database
from core.importing.prepare import PreparedImport, prepare_import
from core.importing.presets import PRESETS, Preset, custom_preset
from core.importing.undo import UndoSummary, undo_batch
from core.importing.writer import BatchSummary, write_import
from core.models import ColumnMapping
from core.progress import CancelToken, ProgressCallback, no_progress

__all__ = [
    "PRESETS", "BatchSummary", "PreparedImport", "UndoSummary", "commit_imports", "prepare_import",
    "prepare_with_saved_mappings", "saved_presets", "undo_import",
]


def saved_presets(database: Database) -> list[tuple[str, Preset]]:
    """(header signature, preset) for every column mapping the user saved for order sheets."""
    with database.session() as session:
        mappings = session.scalars(select(ColumnMapping).where(ColumnMapping.kind == "orders")).all()
        return [
            (mapping.header_signature or "", custom_preset(mapping.name, mapping.platform or "", mapping.mapping))
            for mapping in mappings
        ]


def prepare_with_saved_mappings(database: Database, path, preset_key: str | None = None) -> PreparedImport:  # type: ignore[no-untyped-def]
    return prepare_import(path, preset_key, saved_presets=saved_presets(database))


def commit_imports(
    database: Database,
    prepared: Sequence[PreparedImport],
    *,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
) -> list[BatchSummary]:
    """Store the prepared sheets in one transaction: all of them or, on an error or Cancel, none."""
    cancel = cancel or CancelToken()
    # Order files first, so an items file imported with them fills the lines of the orders they create.
    ordered = sorted(prepared, key=lambda item: item.preset.role == "lines")
    total = sum(max(len(item.orders), 1) for item in ordered)
    summaries = []
    done = 0
    with database.engine.begin() as connection:
        for item in ordered:
            offset = done
            summaries.append(
                write_import(
                    connection, item, cancel=cancel,
                    progress=lambda step, _total, offset=offset: progress(offset + step, total),
                )
            )
            done += max(len(item.orders), 1)
    return summaries


def undo_import(database: Database, batch_id: int) -> UndoSummary:
    with database.engine.begin() as connection:
        return undo_batch(connection, batch_id)
