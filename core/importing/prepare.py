"""Reading an order sheet up to the point of writing: layout detected, rows parsed, bad rows listed.

Nothing here touches the database, so the wizard can show the preview and the bad rows first and the user
decides; `core.importing.writer` then stores the prepared import in one transaction.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from core.collector import without_cycle_collection
from core.importing.headers import find_header_row, header_signature
from core.importing.parsing import BadRow, ParsedOrder, SkippedCells, StoredAlike, parse_orders
from core.importing.presets import (
    PRESETS,
    REQUIRED_FIELDS,
    Preset,
    all_known_names,
    custom_preset,
    detect_preset,
    resolve_columns,
)
from core.importing.readers import RawSheet, SheetRefused, read_sheets
from core.messages import Message
from core.progress import CancelToken, ProgressCallback, no_progress
from core.store.models import Platform


@dataclass
class PreparedImport:
    path: Path
    file_hash: str
    sheet: RawSheet
    header_row: int
    preset: Preset
    detected_score: float
    columns: dict[str, tuple[int, ...]]
    orders: list[ParsedOrder] = field(default_factory=list)
    bad_rows: list[BadRow] = field(default_factory=list)
    skipped_cells: list[SkippedCells] = field(default_factory=list)  # optional cells stored empty
    rows_read: int = 0
    # The shop of orders the file does not say the shop of (core.importing.shops): offered, named, written.
    shop_suggested: str = ""
    shop_named: str = ""
    shop_applied: bool = False
    orders_unchanged: int = 0  # recognised as stored by their rows' hash, so not parsed (not in `orders`)
    # Of those, the ones stored under a shop the user named: number -> (the rows' hash, that shop).
    unchanged_named: dict[str, tuple[str, str]] = field(default_factory=dict)

    @property
    def order_count(self) -> int:
        """The file's orders: those parsed and those recognised as unchanged."""
        return len(self.orders) + self.orders_unchanged

    def release_rows(self) -> None:
        """Let go of the sheet's rows below the header, when nothing will parse them again (the command line):
        the orders are what gets written, and the text beside them raised a 50,000-row CSV import's peak from
        472 to 551 MB."""
        self.sheet.rows = self.sheet.rows[: self.header_row + 1]

    @property
    def headers(self) -> list[str]:
        return self.sheet.rows[self.header_row]

    @property
    def signature(self) -> str:
        return header_signature(self.headers)


@without_cycle_collection
def prepare_import(
    path: Path | str,
    preset_key: str | None = None,
    *,
    preset: Preset | None = None,
    saved_presets: Iterable[tuple[str, Preset]] = (),
    unknown_layout_ok: bool = False,
    cancel: CancelToken | None = None,
    progress: ProgressCallback = no_progress,
    stored_alike: StoredAlike | None = None,
) -> PreparedImport:
    """Read and parse one order sheet; refuse it (SheetRefused) when it is no order sheet at all.

    With `unknown_layout_ok`, a sheet with a header row that no preset knows comes back unmapped (no
    orders), so the wizard can let the user map its columns.

    `preset_key` or `preset` override detection; `saved_presets` are (header signature, preset) pairs from
    the user's saved column mappings, used when the header row matches one exactly. `stored_alike` finds the
    orders stored with the same rows (see parse_orders). Progress is the parsing's (reading a workbook happens
    in one go).
    """
    path = Path(path)
    if preset is None and preset_key is not None:
        if preset_key not in PRESETS:
            raise SheetRefused(Message(
                "There is no preset '{preset_key}'. Known presets: {presets}.",
                preset_key=preset_key, presets=', '.join(PRESETS),
            ))
        preset = PRESETS[preset_key]
    sheets = read_sheets(path)
    known = all_known_names() if preset is None else preset.known_names
    saved = dict(saved_presets)
    candidates = []
    for sheet in sheets:
        header_row = find_header_row(sheet.rows, known)
        if header_row is None:
            continue
        headers = sheet.rows[header_row]
        chosen, score = preset, 1.0
        if chosen is None:
            chosen = saved.get(header_signature(headers))
        if chosen is None:
            detection = detect_preset(headers)
            chosen, score = detection.preset, detection.score
        if chosen is not None:
            candidates.append((score, sheet, header_row, chosen))
    if not candidates:
        if not any(sheet.rows for sheet in sheets):
            raise SheetRefused(Message("{file} is empty: it holds no rows.", file=path.name))
        unmapped = _unmapped(path, sheets) if unknown_layout_ok else None
        if unmapped is not None:
            return unmapped
        raise SheetRefused(
            Message(
                "{file} is not an order sheet Laoke knows: no row names an order-number column. "
                "Choose a preset or map the columns yourself.",
                file=path.name,
            )
        )
    score, sheet, header_row, chosen = max(candidates, key=lambda candidate: candidate[0])
    return parse_prepared(path, sheet, header_row, chosen, score, cancel, progress, stored_alike)


def first_table(sheets: list[RawSheet]) -> tuple[RawSheet, int, int] | None:
    """The first sheet with a header row and rows below it: (sheet, header row, rows below), for mapping."""
    for sheet in sheets:
        header_row = find_header_row(sheet.rows, set())
        if header_row is not None and len(sheet.rows) > header_row + 1:
            return sheet, header_row, sum(1 for row in sheet.rows[header_row + 1 :] if any(row))
    return None


def _unmapped(path: Path, sheets: list[RawSheet]) -> PreparedImport | None:
    """The first table with no columns mapped yet."""
    table = first_table(sheets)
    if table is None:
        return None
    sheet, header_row, rows_read = table
    empty = custom_preset("", str(Platform.OTHER), {})
    return PreparedImport(path, file_digest(path), sheet, header_row, empty, 0.0, {}, rows_read=rows_read)


def parse_prepared(
    path: Path, sheet: RawSheet, header_row: int, preset: Preset, score: float, cancel: CancelToken | None = None,
    progress: ProgressCallback = no_progress, stored_alike: StoredAlike | None = None,
) -> PreparedImport:
    columns = resolve_columns(preset.fields, sheet.rows[header_row])
    missing = [name for name in REQUIRED_FIELDS if name not in columns]
    if missing:
        raise SheetRefused(
            Message(
                "{file}: the header row (row {row}) has no column for the order number that "
                "the preset '{preset}' expects.",
                file=path.name, row=header_row + 1, preset=preset.label,
            )
        )
    result = parse_orders(path.name, sheet.rows, header_row, columns, preset, cancel, progress, stored_alike)
    if result.rows_read == 0:
        raise SheetRefused(Message("{file} has a header row but no orders below it.", file=path.name))
    prepared = PreparedImport(path, file_digest(path), sheet, header_row, preset, score, columns)
    prepared.orders, prepared.bad_rows, prepared.rows_read = result.orders, result.bad_rows, result.rows_read
    prepared.skipped_cells, prepared.orders_unchanged = result.skipped_cells, result.unchanged
    prepared.unchanged_named = result.unchanged_named
    return prepared


@without_cycle_collection
def reparse(prepared: PreparedImport, preset: Preset, cancel: CancelToken | None = None,
            progress: ProgressCallback = no_progress) -> PreparedImport:
    """The same sheet read again with another preset or a user's mapping."""
    return parse_prepared(prepared.path, prepared.sheet, prepared.header_row, preset, 1.0, cancel, progress)


def file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
