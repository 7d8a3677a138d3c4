"""Customers to xlsx or CSV: every column a seller uses, whatever the list shows, in the seller's words.

The account, phones, address, tags, stage, figures, birthday and notes go out with headers and values in
words (微信小店, 睡眠客户): the window passes its own language's words, the CLI keeps these Chinese ones, the
words of the shop. Formula-looking text stays text (core.safety.spreadsheet). Owner-only (refused in rep mode)
and logged. Rows are read a page at a time, so a big segment never sits in memory as objects.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.customers.listing import CustomerFilter, birthday_text, customer_ids, tags_by_customer
from core.errors import LaokeError
from core.messages import Message, stored
from core.progress import CancelToken, ProgressCallback, no_progress
from core.safety.privacy import ensure_owner_mode
from core.safety.spreadsheet import Sheet, write_csv, write_xlsx
from core.store.models import AuditEvent, Customer, CustomerAlias, Note

PAGE = 1000
# The platform's own key for a buyer, when the customer row has none: the alias kinds imports store it under.
ACCOUNT_KINDS = ("buyer_id", "nickname", "email")

HEADERS = {
    "id": "编号", "name": "姓名", "account": "买家账号", "nickname": "昵称", "platform": "平台", "phone": "手机",
    "phone_alt": "备用电话", "wechat_id": "微信号", "email": "邮箱", "gender": "性别", "province": "省份",
    "city": "城市", "district": "区县", "address": "地址", "stage": "阶段", "vip": "VIP", "tags": "标签",
    "paid_orders": "付款订单数", "total_spent": "累计消费", "first_order": "首次下单", "last_order": "最近下单",
    "overdue": "超期（倍）", "birthday": "生日", "do_not_contact": "勿扰", "notes": "备注",
    "member_tier": "会员等级", "points": "积分", "p_alive": "仍活跃概率", "expected_90d": "90天预计购买",
    "next_order_value": "预计下单金额", "next_order": "预计下次购买",
}
STAGE_NAMES = {"prospect": "潜水客户", "interested": "兴趣客户", "new": "新客户", "repeat": "老客户",
               "loyal": "忠实粉丝", "dormant": "睡眠客户", "lost": "流失客户"}
PLATFORM_NAMES = {"taobao_tmall": "淘宝/天猫", "jd": "京东", "pdd": "拼多多", "douyin": "抖音", "kuaishou": "快手",
                  "wechat_shop": "微信小店", "youzan": "有赞", "shopify": "Shopify", "other": "其他"}
GENDER_NAMES = {"F": "女", "M": "男"}


@dataclass(frozen=True)
class ExportRow:
    """One customer as the export writes them."""

    customer: Customer
    account: str
    tags: list[str]
    notes: list[str]


@dataclass(frozen=True)
class CustomerExportWords:
    """What the exported sheet calls things: the window passes its language's, the CLI keeps these."""

    sheet: str = "客户"
    headers: Mapping[str, str] = field(default_factory=lambda: HEADERS)
    stages: Mapping[str, str] = field(default_factory=lambda: STAGE_NAMES)
    platforms: Mapping[str, str] = field(default_factory=lambda: PLATFORM_NAMES)
    genders: Mapping[str, str] = field(default_factory=lambda: GENDER_NAMES)
    yes: str = "是"
    file_word: str = "客户"  # in the default file name: 小满杂货铺-客户-2026-12-01.xlsx

    def header(self, key: str) -> str:
        return self.headers.get(key, HEADERS[key])


def _cell(key: str) -> Callable[[ExportRow, CustomerExportWords], Any]:
    return lambda row, _words: getattr(row.customer, key)


COLUMNS: dict[str, Callable[[ExportRow, CustomerExportWords], Any]] = {
    "id": _cell("id"),
    "name": _cell("name"),
    "account": lambda row, _words: row.account,
    "nickname": _cell("nickname"),
    "platform": lambda row, words: words.platforms.get(row.customer.platform or "", row.customer.platform),
    "phone": _cell("phone"),
    "phone_alt": _cell("phone_alt"),
    "wechat_id": _cell("wechat_id"),
    "email": _cell("email"),
    "gender": lambda row, words: words.genders.get(row.customer.gender or "", ""),
    "province": _cell("province"),
    "city": _cell("city"),
    "district": _cell("district"),
    "address": _cell("address"),
    "stage": lambda row, words: words.stages.get(row.customer.stage, row.customer.stage),
    "vip": lambda row, words: words.yes if row.customer.is_vip else "",
    "tags": lambda row, _words: ", ".join(row.tags),
    "paid_orders": _cell("paid_orders"),
    "total_spent": _cell("total_spent"),
    "first_order": _cell("first_order_at"),
    "last_order": _cell("last_order_at"),
    "overdue": _cell("overdue"),
    "birthday": lambda row, _words: birthday_text(row.customer.birthday_calendar, row.customer.birth_month,
                                                  row.customer.birth_day, row.customer.birth_is_leap_month),
    "do_not_contact": lambda row, words: words.yes if row.customer.do_not_contact else "",
    "notes": lambda row, _words: "\n".join(row.notes),
    "member_tier": _cell("member_tier"),
    "points": _cell("points"),
    "p_alive": _cell("p_alive"),
    "expected_90d": _cell("expected_90d"),
    "next_order_value": _cell("next_order_value"),
    "next_order": _cell("next_order_on"),
}


def export_file_name(shop_name: str, words: CustomerExportWords, today: date, suffix: str = ".xlsx") -> str:
    """小满杂货铺-客户-2026-12-01.xlsx: which shop, what, and when, for a file that lands among others."""
    safe_shop = "".join(character for character in shop_name.strip() if character not in '\\/:*?"<>|')
    return "-".join(part for part in (safe_shop, words.file_word, today.isoformat()) if part) + suffix


def _accounts(session: Session, customers: list[Customer]) -> dict[int, str]:
    """Each buyer's platform account: the customer's own, else the first one an import saw for them."""
    accounts = {customer.id: customer.platform_buyer_id for customer in customers if customer.platform_buyer_id}
    missing = [customer.id for customer in customers if customer.id not in accounts]
    if missing:
        query = (select(CustomerAlias.customer_id, CustomerAlias.value)
                 .where(CustomerAlias.customer_id.in_(missing), CustomerAlias.kind.in_(ACCOUNT_KINDS))
                 .order_by(CustomerAlias.id))
        for customer_id, value in session.execute(query):
            accounts.setdefault(customer_id, value)
    return accounts


def _notes(session: Session, ids: list[int]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = defaultdict(list)
    query = select(Note.customer_id, Note.text).where(Note.customer_id.in_(ids)).order_by(Note.created_at)
    for customer_id, text in session.execute(query):
        found[customer_id].append(text)
    return found


def _rows(session: Session, ids: list[int], words: CustomerExportWords, progress: ProgressCallback,
          cancel: CancelToken | None) -> Iterator[list[Any]]:
    for start in range(0, len(ids), PAGE):
        if cancel is not None:
            cancel.raise_if_cancelled()
        page = ids[start:start + PAGE]
        by_id = {customer.id: customer for customer in session.scalars(select(Customer).where(Customer.id.in_(page)))}
        customers = [by_id[customer_id] for customer_id in page if customer_id in by_id]
        accounts, notes = _accounts(session, customers), _notes(session, page)
        tags = tags_by_customer(session, page)
        for customer in customers:
            row = ExportRow(customer, accounts.get(customer.id, ""), [name for name, _colour in tags[customer.id]],
                            notes.get(customer.id, []))
            yield [value_of(row, words) for value_of in COLUMNS.values()]
        for customer in customers:  # a page at a time: the objects go once written
            session.expunge(customer)
        progress(min(start + PAGE, len(ids)), len(ids))


def export_customers(
    session: Session,
    path: Path,
    ids: Sequence[int] | None = None,
    customer_filter: CustomerFilter | None = None,
    words: CustomerExportWords | None = None,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
) -> int:
    """Write the given customers (or the filter's, or everyone) to `path` (.xlsx or .csv); returns how many."""
    ensure_owner_mode(session, Message("Exporting customers"))
    path = Path(path)
    if path.suffix.lower() not in (".xlsx", ".csv"):
        raise LaokeError(Message("Laoke exports customers as .xlsx or .csv, not '{suffix}': {path}",
                                 suffix=path.suffix, path=path.name))
    words = words or CustomerExportWords()
    chosen = list(ids) if ids is not None else customer_ids(session, customer_filter, sort="id", descending=False)
    headers = [words.header(key) for key in COLUMNS]
    rows = _rows(session, chosen, words, progress, cancel)
    if path.suffix.lower() == ".csv":
        write_csv(path, headers, rows)
    else:
        write_xlsx(path, [Sheet(words.sheet, headers, rows)])
    session.add(AuditEvent(action="export_customers", detail=stored(
        Message("{file} · customers: {count:,}", count=len(chosen), file=path.name))))
    return len(chosen)
