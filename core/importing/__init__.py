"""Importing order sheets (and customers' own sheets) into the customer book.

    prepared = prepare_import(path)             # read, detect the layout, parse; no database involved
    summaries = commit_imports(database, [prepared])   # one transaction, one batch per file
    undo_import(database, summaries[0].batch_id)
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select

from core.importing.customer_sheet import (
    CustomerSheetSummary,
    PreparedCustomers,
    header_signature_of,
    prepare_customer_sheet,
    write_customer_sheet,
)
from core.importing.notices import import_notices
from core.importing.prepare import PreparedImport, prepare_import, reparse
from core.importing.presets import PRESETS, Preset, custom_preset
from core.importing.shops import (
    apply_named_shop,
    name_the_shop,
    names_no_shop,
    needs_shop_name,
    remember_named_shop,
    suggest_shops,
)
from core.importing.undo import UndoSummary, undo_batch
from core.importing.writer import BatchSummary, stored_alike, write_import
from core.messages import Message
from core.progress import CancelToken, ProgressCallback, no_progress, part_of
from core.safety.privacy import ensure_owner_mode
from core.store.backup import backup_before_change
from core.store.concurrency import Notice, hold_lock, no_notice
from core.store.db import Database
from core.store.models import ColumnMapping, ImportBatch

__all__ = [
    "PRESETS", "BatchSummary", "CustomerSheetSummary", "PreparedCustomers", "PreparedImport", "UndoSummary",
    "commit_customer_sheets", "commit_imports", "import_history", "import_notices", "name_the_shop", "names_no_shop",
    "needs_shop_name", "prepare_customer_files",
    "prepare_files", "prepare_import", "remember_customer_mapping", "reparse_with", "save_column_mapping",
    "saved_presets", "undo_import",
]


def saved_presets(database: Database) -> list[tuple[str, Preset]]:
    """(header signature, preset) for every column mapping the user saved for order sheets."""
    with database.session() as session:
        mappings = session.scalars(select(ColumnMapping).where(ColumnMapping.kind == "orders")).all()
        return [
            (mapping.header_signature or "", custom_preset(mapping.name, mapping.platform or "", mapping.mapping))
            for mapping in mappings
        ]


def prepare_files(
    database: Database,
    paths: Sequence[Path | str],
    preset_key: str | None = None,
    *,
    unknown_layout_ok: bool = False,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
) -> list[PreparedImport]:
    """Read and parse every file (a refused one raises SheetRefused naming it); nothing is written.

    Progress moves while each file is parsed. Reading a file happens in one go, before its first report
    (the wizard shows a busy bar until then). Orders the book already holds with the same rows are counted,
    not parsed again.
    """
    saved = saved_presets(database)

    def alike_in_book(platform: str, hashes: dict[str, str]) -> set[str]:
        with database.session() as session:
            return stored_alike(session.connection(), platform, hashes)

    prepared = []
    total = len(paths) * FILE_STEPS
    for number, path in enumerate(paths):
        if cancel is not None:
            cancel.raise_if_cancelled()
        prepared.append(prepare_import(path, preset_key, saved_presets=saved, unknown_layout_ok=unknown_layout_ok,
                                       cancel=cancel, stored_alike=alike_in_book,
                                       progress=part_of(progress, number * FILE_STEPS, FILE_STEPS, total)))
    progress(total, total)
    suggest_shops(database, prepared)
    return prepared


def reparse_with(
    prepared: PreparedImport, preset: Preset, *, progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
) -> PreparedImport:
    """The same sheet parsed with another preset or the user's own mapping (for the wizard's worker)."""
    return reparse(prepared, preset, cancel, progress)


def save_column_mapping(database: Database, prepared: PreparedImport, name: str, platform: str,
                        fields: dict[str, str]) -> Preset:
    """Remember a user's mapping for this header row, so the next file like it is read the same way."""
    with database.transaction() as session:
        mapping = session.scalars(select(ColumnMapping).where(ColumnMapping.name == name)).first()
        if mapping is None:
            mapping = ColumnMapping(name=name, kind="orders")
            session.add(mapping)
        mapping.platform, mapping.mapping, mapping.header_signature = platform, dict(fields), prepared.signature
    return custom_preset(name, platform, fields)


def import_history(database: Database, limit: int = 200) -> list[dict[str, Any]]:
    """The latest import batches, newest first, as plain rows for a table."""
    with database.session() as session:
        batches = session.scalars(select(ImportBatch).order_by(ImportBatch.id.desc()).limit(limit)).all()
        return [
            {column: getattr(batch, column) for column in HISTORY_COLUMNS}
            | {"new_customer_ids": list((batch.report or {}).get("new_customer_ids", []))}
            for batch in batches
        ]


FILE_STEPS = 1000  # each file's share of the progress bar when several are read
IMPORT_BACKUP_REASON = "before-import"  # the Backups list in Settings names it "Before an import"
IMPORT_WAIT = Message("Waiting for another rep's import to finish…")
# What one imported row can take on disk at most: its order (or customer), lines, aliases and index entries,
# written first into the -wal and then into the file itself.
ROOM_PER_ROW = 4096
HISTORY_COLUMNS = (
    "id", "kind", "file_name", "preset", "status", "started_at", "rows_read", "rows_rejected", "orders_new",
    "orders_updated", "orders_unchanged", "customers_new", "customers_matched",
)


def _back_up_before_import(database: Database, prepared: Sequence[PreparedImport | PreparedCustomers]) -> None:
    backup_before_change(database, IMPORT_BACKUP_REASON,
                         room_for_rows=ROOM_PER_ROW * sum(item.rows_read for item in prepared))


def commit_imports(
    database: Database,
    prepared: Sequence[PreparedImport],
    *,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
    notice: Notice = no_notice,
) -> list[BatchSummary]:
    """Store the prepared sheets in one transaction: all of them or, on an error or Cancel, none.

    The database is backed up first (a rolling backup in its data folder), as before every import. On a
    server one import runs at a time (the next waits, and `notice` says so), and one that collided with
    another rep's edit runs again.
    """
    cancel = cancel or CancelToken()
    if any(item.orders for item in prepared):  # a file whose orders are all stored already changes no order
        _back_up_before_import(database, prepared)
    # Order files first, so an items file imported with them fills the lines of the orders they create.
    ordered = sorted(prepared, key=lambda item: item.preset.role == "lines")
    shares = [max(len(item.orders), 1) for item in ordered]  # of the bar, by orders
    total = sum(shares)
    for item in ordered:
        apply_named_shop(item)

    def write_all(connection: Connection) -> list[BatchSummary]:
        hold_lock(connection, "import", IMPORT_WAIT, notice=notice)
        summaries, done = [], 0
        for item, share in zip(ordered, shares, strict=True):
            summaries.append(write_import(connection, item, cancel=cancel,
                                          progress=part_of(progress, done, share, total)))
            remember_named_shop(connection, item)
            done += share
        return summaries

    return database.write_bulk(write_all, notice=notice)


def prepare_customer_files(
    database: Database, paths: Sequence[Path | str], *, unknown_layout_ok: bool = False,
    progress: ProgressCallback = no_progress, cancel: CancelToken | None = None,
) -> list[PreparedCustomers]:
    """Read customer sheets (the seller's own lists) with the mappings saved for them; nothing is written."""
    with database.session() as session:
        saved = {mapping.header_signature or "": dict(mapping.mapping) for mapping in session.scalars(
            select(ColumnMapping).where(ColumnMapping.kind == "customers"))}
    prepared = []
    for number, path in enumerate(paths):
        if cancel is not None:
            cancel.raise_if_cancelled()
        progress(number, len(paths))
        prepared.append(prepare_customer_sheet(path, saved=saved, unknown_layout_ok=unknown_layout_ok))
    return prepared


def remember_customer_mapping(database: Database, prepared: PreparedCustomers, fields: dict[str, str]) -> None:
    """Keep the columns the user chose for this customer list's header row, for the next list like it."""
    signature = header_signature_of(prepared)
    with database.transaction() as session:
        name = f"customer list {signature[:10]}"
        mapping = session.scalars(select(ColumnMapping).where(ColumnMapping.name == name)).first()
        if mapping is None:
            mapping = ColumnMapping(name=name, kind="customers")
            session.add(mapping)
        mapping.mapping, mapping.header_signature = dict(fields), signature


def commit_customer_sheets(
    database: Database, prepared: Sequence[PreparedCustomers], *, progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None, notice: Notice = no_notice,
) -> list[CustomerSheetSummary]:
    """Merge customer sheets in one transaction, one batch each (after a rolling backup, as every import)."""
    _back_up_before_import(database, prepared)

    def write_all(connection: Connection) -> list[CustomerSheetSummary]:
        hold_lock(connection, "import", IMPORT_WAIT, notice=notice)
        return [write_customer_sheet(connection, item, progress=progress, cancel=cancel) for item in prepared]

    return database.write_bulk(write_all, notice=notice)


def undo_import(
    database: Database, batch_id: int, *, progress: ProgressCallback = no_progress, cancel: CancelToken | None = None
) -> UndoSummary:
    with database.session() as session:
        ensure_owner_mode(session, Message("Undoing an import"))  # it deletes the customers it brought
    with database.writing() as connection:
        return undo_batch(connection, batch_id)
