"""A seller's own spreadsheet of customers (name, nickname, phone, WeChat, birthday, tags, notes).

Read like an order sheet (any file type, header row found below titles, bad rows listed), then merged into
the customer book: a row whose phone, WeChat or email is already known fills in only what that customer
lacks, adds its tags and a note once; other rows become customers with source 'sheet'.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, insert, select, update

from core.collector import without_cycle_collection
from core.figures.birthdays import Birthday
from core.importing.headers import find_header_row, header_signature, normalise_header
from core.importing.identity import Identity, IdentityIndex
from core.importing.parsing import BadRow
from core.importing.prepare import file_digest, first_table
from core.importing.readers import RawSheet, SheetRefused, read_sheets
from core.importing.values import ValueProblem, clean_text, parse_phone
from core.importing.writer import refresh_in_chunks, stored_identities
from core.messages import Message, message_of
from core.progress import CancelToken, ProgressCallback, no_progress
from core.safety.privacy import is_masked
from core.store.bulk import bulk_insert, new_ids, on_stored_tables
from core.store.models import (
    CalendarKind,
    Customer,
    CustomerAlias,
    CustomerTag,
    ImportBatch,
    ImportChange,
    Note,
    Tag,
)

CUSTOMER_FIELDS: dict[str, tuple[str, ...]] = {
    "name": ("姓名", "客户姓名", "名字", "客户", "收货人", "name", "customer", "full name"),
    "nickname": ("昵称", "网名", "买家昵称", "旺旺", "旺旺名", "nickname", "nick"),
    "phone": ("手机", "手机号", "手机号码", "电话", "联系电话", "联系方式", "phone", "mobile", "tel"),
    "wechat_id": ("微信", "微信号", "wechat", "weixin"),
    "email": ("邮箱", "电子邮箱", "email", "e-mail"),
    "birthday": ("生日", "出生日期", "出生年月", "birthday", "date of birth"),
    "tags": ("标签", "分组", "tags", "tag", "group"),
    "notes": ("备注", "备忘", "说明", "notes", "note", "remark"),
    "address": ("地址", "收货地址", "address"),
    "gender": ("性别", "gender", "sex"),
}
_TAG_SPLIT = re.compile(r"[,，;；、/|\s]+")
_NUMBERS = re.compile(r"\d+")
_LUNAR_MONTHS = {name: number for number, name in enumerate(
    ["正", "二", "三", "四", "五", "六", "七", "八", "九", "十", "冬", "腊"], start=1)}
_LUNAR_MONTHS.update({"一": 1, "十一": 11, "十二": 12})
_LUNAR_DAYS = {f"初{d}": n for n, d in enumerate("一二三四五六七八九十", start=1)}
_LUNAR_DAYS.update({f"十{d}": 10 + n for n, d in enumerate("一二三四五六七八九", start=1)})
_LUNAR_DAYS.update({"二十": 20, "三十": 30, **{f"廿{d}": 20 + n for n, d in enumerate("一二三四五六七八九", start=1)}})
_LUNAR_TEXT = re.compile(r"(闰)?(十一|十二|[正一二三四五六七八九十冬腊])月(初[一二三四五六七八九十]|十[一二三四五六七八九]|二十|三十|廿[一二三四五六七八九])")


@dataclass
class CustomerRow:
    row: int
    values: dict[str, Any]


@dataclass
class PreparedCustomers:
    path: Path
    file_hash: str
    sheet: RawSheet
    header_row: int
    columns: dict[str, int]
    rows: list[CustomerRow] = field(default_factory=list)
    bad_rows: list[BadRow] = field(default_factory=list)
    rows_read: int = 0


@dataclass
class CustomerSheetSummary:
    batch_id: int
    file_name: str
    rows_read: int = 0
    rows_rejected: int = 0
    customers_new: int = 0
    customers_matched: int = 0
    new_customer_ids: list[int] = field(default_factory=list)


def parse_birthday(text: str | None) -> Birthday | None:
    """1990-03-08, 3月8日, 03-08, 农历八月十五, 阴历 1988-8-15, 闰四月初八 … (None when empty)."""
    text = clean_text(text)
    if text is None:
        return None
    lunar = "农历" in text or "阴历" in text or bool(_LUNAR_TEXT.search(text))
    calendar = CalendarKind.LUNAR if lunar else CalendarKind.SOLAR
    try:
        named = _LUNAR_TEXT.search(text)
        if named:
            leap, month, day = named.groups()
            year_match = _NUMBERS.match(text.replace("农历", "").replace("阴历", "").strip())
            year = int(year_match.group()) if year_match and len(year_match.group()) == 4 else None
            return Birthday(calendar, _LUNAR_MONTHS[month], _LUNAR_DAYS[day], bool(leap), year)
        numbers = [int(number) for number in _NUMBERS.findall(text)]
        if len(numbers) >= 3 and numbers[0] > 31:
            return Birthday(calendar, numbers[1], numbers[2], "闰" in text, numbers[0])
        if len(numbers) == 2:
            return Birthday(calendar, numbers[0], numbers[1], "闰" in text)
    except ValueError as error:
        raise ValueProblem(Message("'{text}' is not a birthday: {error}", text=text, error=error)) from None
    raise ValueProblem(Message(
        "'{text}' is not a birthday (write it like 1990-03-08, 3月8日 or 农历八月十五)",
        text=text,
    ))


@without_cycle_collection
def prepare_customer_sheet(
    path: Path | str, mapping: dict[str, str] | None = None, saved: dict[str, dict[str, str]] | None = None,
    unknown_layout_ok: bool = False,
) -> PreparedCustomers:
    """Read a customer sheet; `mapping` (field -> header) overrides the columns found by their names, and
    `saved` (header signature -> mapping) gives the mapping the user chose before for this header row.
    With `unknown_layout_ok`, a sheet whose columns say nothing known comes back unmapped, to be mapped."""
    path = Path(path)
    known = {normalise_header(name) for names in CUSTOMER_FIELDS.values() for name in names}
    known |= {normalise_header(header) for fields in (saved or {}).values() for header in fields.values()}
    sheets = read_sheets(path)
    for sheet in sheets:
        header_row = find_header_row(sheet.rows, known)
        if header_row is None:
            continue
        chosen = mapping or (saved or {}).get(header_signature(sheet.rows[header_row]))
        columns = customer_columns(sheet.rows[header_row], chosen)
        if not {"name", "nickname", "phone", "wechat_id", "email"} & set(columns):
            continue
        prepared = PreparedCustomers(path, file_digest(path), sheet, header_row, columns)
        _parse_rows(prepared)
        if prepared.rows_read == 0:
            raise SheetRefused(Message(
                "{file} has a header row but no customers below it.",
                file=path.name,
            ))
        return prepared
    unmapped = _unmapped(path, sheets) if unknown_layout_ok else None
    if unmapped is not None:
        return unmapped
    raise SheetRefused(
        Message(
            "{file} is not a customer sheet Laoke can read: no row names a column such as 姓名, "
            "昵称, 手机 or 微信.",
            file=path.name,
        )
    )


def _unmapped(path: Path, sheets: list[RawSheet]) -> PreparedCustomers | None:
    table = first_table(sheets)
    if table is None:
        return None
    sheet, header_row, rows_read = table
    return PreparedCustomers(path, file_digest(path), sheet, header_row, {}, rows_read=rows_read)


def header_signature_of(prepared: PreparedCustomers) -> str:
    return header_signature(prepared.sheet.rows[prepared.header_row])


def customer_columns(headers: list[str], mapping: dict[str, str] | None = None) -> dict[str, int]:
    names = {normalise_header(header): column for column, header in reversed(list(enumerate(headers)))}
    columns = {}
    for field_name, synonyms in CUSTOMER_FIELDS.items():
        wanted = [mapping[field_name]] if mapping and field_name in mapping else synonyms
        found = next((names[normalise_header(name)] for name in wanted if normalise_header(name) in names), None)
        if found is not None:
            columns[field_name] = found
    return columns


def _parse_rows(prepared: PreparedCustomers) -> None:
    headers = prepared.sheet.rows[prepared.header_row]
    for number, cells in enumerate(prepared.sheet.rows[prepared.header_row + 1 :], start=prepared.header_row + 2):
        if not any(cells) or not "".join(cells).strip():
            continue
        prepared.rows_read += 1
        values: dict[str, Any] = {}
        problems = []
        for field_name, column in prepared.columns.items():
            raw = cells[column] if column < len(cells) else None
            try:
                value = _CUSTOMER_PARSERS.get(field_name, clean_text)(raw)
            except ValueProblem as problem:
                problems.append(BadRow(prepared.path.name, number, headers[column].strip(), message_of(problem)))
                continue
            if value is not None:
                values[field_name] = value
        if not problems and not any(values.get(key) for key in ("name", "nickname", "phone", "wechat_id", "email")):
            problems.append(BadRow(prepared.path.name, number, "", "no name, nickname, phone, WeChat or email"))
        if problems:
            prepared.bad_rows.extend(problems)
        else:
            prepared.rows.append(CustomerRow(number, values))


def _parse_tags(raw: str | None) -> list[str] | None:
    text = clean_text(raw)
    return [tag[:64] for tag in _TAG_SPLIT.split(text) if tag] if text else None


_CUSTOMER_PARSERS = {"phone": parse_phone, "birthday": parse_birthday, "tags": _parse_tags}


def customer_identities(values: dict[str, Any]) -> list[Identity]:
    found: list[Identity] = []
    phone = values.get("phone")
    if phone and not is_masked(phone):
        found.append(("phone", "", phone))
    if values.get("wechat_id"):
        found.append(("wechat", "", values["wechat_id"]))
    if values.get("email"):
        found.append(("email", "", values["email"].lower()))
    if not found:
        found.append(("sheet_name", "", f"{values.get('name') or ''}|{values.get('nickname') or ''}"))
    return found


FILLABLE = ("name", "nickname", "phone", "wechat_id", "email", "address", "gender")


@without_cycle_collection
def write_customer_sheet(
    connection: Connection,
    prepared: PreparedCustomers,
    *,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
) -> CustomerSheetSummary:
    """Merge a prepared customer sheet inside the caller's transaction, recorded as an undoable batch."""
    cancel = cancel or CancelToken()
    batch_id = int(connection.execute(insert(ImportBatch).values(
        kind="customers", file_name=prepared.path.name[:255], file_hash=prepared.file_hash, preset="customer_sheet",
        status="committed", started_at=datetime.now().replace(microsecond=0),
    )).inserted_primary_key[0])  # type: ignore[index]
    summary = CustomerSheetSummary(batch_id, prepared.path.name, prepared.rows_read,
                                   len({bad.row for bad in prepared.bad_rows}))
    identities = {row.row: customer_identities(row.values) for row in prepared.rows}
    index = IdentityIndex(stored_identities(connection, [identity for found in identities.values() for identity in found]))
    tag_ids = {name: tag_id for name, tag_id in connection.execute(select(Tag.name, Tag.id))}
    customer_ids = new_ids(connection, Customer.__table__)  # type: ignore[arg-type]
    changes, aliases, notes, tag_links = [], [], [], set()
    matched: set[int] = set()
    for position, row in enumerate(prepared.rows, start=1):
        if position % 1000 == 0:
            cancel.raise_if_cancelled()
            progress(position, len(prepared.rows))
        customer_id = index.match(identities[row.row])
        if customer_id is None:
            customer_id = next(customer_ids)
            connection.execute(on_stored_tables(connection, insert(Customer).values(
                id=customer_id, source="sheet", **_new_customer(row.values))))
            summary.new_customer_ids.append(customer_id)
            changes.append({"batch_id": batch_id, "entity": "customer", "entity_id": customer_id, "action": "create",
                            "before": None})
        elif customer_id not in summary.new_customer_ids:
            matched.add(customer_id)
            change = _fill_blanks(connection, customer_id, row.values)
            if change:
                changes.append({"batch_id": batch_id, "entity": "customer", "entity_id": customer_id,
                                "action": "update", "before": change})
        aliases.extend(
            {"customer_id": customer_id, "kind": kind, "platform": platform, "value": value[:255],
             "first_batch_id": batch_id}
            for kind, platform, value in identities[row.row] if index.add((kind, platform, value), customer_id)
        )
        for tag in row.values.get("tags") or ():
            if tag not in tag_ids:
                tag_ids[tag] = int(connection.execute(insert(Tag).values(name=tag)).inserted_primary_key[0])  # type: ignore[index]
            tag_links.add((customer_id, tag_ids[tag]))
        if row.values.get("notes"):
            notes.append((customer_id, row.values["notes"]))
    _add_tags(connection, tag_links, batch_id, changes)
    _add_notes(connection, notes, batch_id, changes)
    bulk_insert(connection, CustomerAlias.__table__, aliases)  # type: ignore[arg-type]
    bulk_insert(connection, ImportChange.__table__, changes)  # type: ignore[arg-type]
    summary.customers_new, summary.customers_matched = len(summary.new_customer_ids), len(matched)
    refresh_in_chunks(connection, [*summary.new_customer_ids, *matched], cancel)
    connection.execute(update(ImportBatch).where(ImportBatch.id == batch_id).values(
        finished_at=datetime.now().replace(microsecond=0), rows_read=summary.rows_read,
        rows_rejected=summary.rows_rejected, customers_new=summary.customers_new,
        customers_matched=summary.customers_matched,
        report={"bad_rows": [bad.__dict__ for bad in prepared.bad_rows[:1000]],
                "new_customer_ids": summary.new_customer_ids},
    ))
    return summary


def _new_customer(values: dict[str, Any]) -> dict[str, Any]:
    row = {key: _fit(key, values.get(key)) for key in FILLABLE}
    phone = row["phone"]
    row["phone_last4"] = phone[-4:] if phone and len(phone) >= 4 and not is_masked(phone) else None
    return row | _birthday_columns(values.get("birthday"))


def _fit(key: str, value: Any) -> Any:
    limits = {"name": 128, "nickname": 128, "phone": 32, "wechat_id": 64, "email": 254, "address": 255, "gender": 1}
    return value[: limits[key]] if isinstance(value, str) else value


def _birthday_columns(birthday: Birthday | None) -> dict[str, Any]:
    if birthday is None:
        return {}
    return {"birthday_calendar": str(birthday.calendar), "birth_year": birthday.year, "birth_month": birthday.month,
            "birth_day": birthday.day, "birth_is_leap_month": birthday.is_leap_month}


def _fill_blanks(connection: Connection, customer_id: int, values: dict[str, Any]) -> dict[str, Any] | None:
    """Give a known customer what the sheet knows and the book lacks; what is there is never overwritten."""
    current = connection.execute(select(Customer).where(Customer.id == customer_id)).mappings().one()
    wanted = {key: _fit(key, values[key]) for key in FILLABLE if values.get(key) and not current[key]}
    if values.get("birthday") and current["birth_month"] is None:
        wanted |= _birthday_columns(values["birthday"])
    if "phone" in wanted and not is_masked(wanted["phone"]):
        wanted["phone_last4"] = wanted["phone"][-4:]
    if not wanted:
        return None
    # The table itself: a rep on a server reads the row masked, and a blank phone stays blank in the view.
    connection.execute(on_stored_tables(connection, update(Customer).where(Customer.id == customer_id).values(**wanted)))
    return {key: current[key] for key in wanted}


def _add_tags(connection: Connection, links: set[tuple[int, int]], batch_id: int, changes: list) -> None:
    if not links:
        return
    customer_ids = sorted({customer_id for customer_id, _tag in links})
    existing = set()
    for start in range(0, len(customer_ids), 2000):
        query = select(CustomerTag.customer_id, CustomerTag.tag_id).where(
            CustomerTag.customer_id.in_(customer_ids[start : start + 2000]))
        existing.update((row[0], row[1]) for row in connection.execute(query))
    new = sorted(links - existing)
    bulk_insert(connection, CustomerTag.__table__, [{"customer_id": c, "tag_id": t} for c, t in new])  # type: ignore[arg-type]
    changes.extend({"batch_id": batch_id, "entity": "customer_tag", "entity_id": c, "action": "create",
                    "before": {"tag_id": t}} for c, t in new)


def _add_notes(connection: Connection, notes: list[tuple[int, str]], batch_id: int, changes: list) -> None:
    """A note once: the same text on the same customer (a sheet imported twice) is not added again."""
    for customer_id, text in notes:
        known = connection.scalar(select(Note.id).where(Note.customer_id == customer_id, Note.text == text).limit(1))
        if known is None:
            note_id = connection.execute(insert(Note).values(customer_id=customer_id, text=text, author="import"))
            changes.append({"batch_id": batch_id, "entity": "note", "entity_id": int(note_id.inserted_primary_key[0]),  # type: ignore[index]
                            "action": "create", "before": None})
