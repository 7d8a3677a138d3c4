from __future__ import annotations

import pytest
from sqlalchemy import select

from core.customers.detail import customer_detail
from core.errors import LaokeError
from core.safety.privacy import (
    ensure_owner_mode,
    mask_address,
    mask_alias,
    mask_phone,
    reveal_phone,
    set_owner_passphrase,
    set_rep_mode,
    shown_phone,
)
from core.store.models import AuditEvent, Customer, CustomerAlias


def test_masks() -> None:
    assert mask_phone("13812341234") == "138****1234"
    assert mask_phone("+8613812341234") == "+86*******1234"
    assert mask_phone("5551234") == "***1234"
    assert mask_address("浙江省杭州市西湖区文三路1号") == "浙江省杭州市****"


def test_rep_mode_needs_the_passphrase_masks_phones_and_blocks_exports(database) -> None:
    with database.transaction() as session:
        set_owner_passphrase(session, "茶铺老板")
        with pytest.raises(LaokeError, match="wrong"):
            set_rep_mode(session, True, "guess")
        set_rep_mode(session, True, "茶铺老板")
        customer = Customer(name="王芳", phone="13812341234")
        session.add(customer)
    with database.transaction() as session:
        assert shown_phone(session, "13812341234") == "138****1234"
        with pytest.raises(LaokeError, match="rep mode"):
            ensure_owner_mode(session, "Export")
        assert reveal_phone(session, customer.id, actor="rep1") == "13812341234"
    with database.session() as session:
        reveals = session.scalars(select(AuditEvent).where(AuditEvent.action == "reveal_phone")).all()
        assert [(event.customer_id, event.actor) for event in reveals] == [(customer.id, "rep1")]


def test_identities_seen_in_imports_are_masked_like_the_profile(database) -> None:
    with database.transaction() as session:
        customer = Customer(name="王芳", phone="13812341234")
        customer.aliases = [
            CustomerAlias(kind="phone", platform="", value="13812341234"),
            CustomerAlias(kind="buyer_id", platform="youzan", value="13912345678"),
            CustomerAlias(kind="name_address", platform="", value="王芳|浙江省杭州市西湖区文三路100号"),
            CustomerAlias(kind="nickname", platform="taobao_tmall", value="fangfang"),
        ]
        session.add(customer)
    with database.session() as session:
        masked = customer_detail(session, customer.id, masked=True).aliases
        plain = customer_detail(session, customer.id).aliases
    assert [value for _kind, _platform, value in masked] == [
        "138****1234", "139****5678", "王芳|浙江省杭州市****", "fangfang"]
    assert plain[0][2] == "13812341234"
    # an account that is an e-mail is masked like one (the issue: shown as an e-mail is, masked in rep mode)
    assert mask_alias("email", "fang.wang@b.cn") == "fa***@b.cn" and mask_alias("email", "a@b.cn") == "***@b.cn"
