"""Team mode on a real PostgreSQL server: `server init`, a book moved from a laptop, reps as database roles.

The server's own privileges are what stop a rep here (not the app's switches), and notes, imports, merges and
worked care tasks record the rep's login, taken from session_user.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, or_, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ProgrammingError

from core.care.tasks import mark_done
from core.customers.deletion import delete_customers
from core.customers.export import export_customers
from core.customers.merge import duplicate_candidates, merge_customers, undo_merge
from core.customers.profile import add_note, update_profile
from core.customers.tags import add_tags
from core.demo import create_demo_shop
from core.errors import LaokeError
from core.importing import commit_customer_sheets, commit_imports, prepare_import, undo_import
from core.importing.customer_sheet import prepare_customer_sheet
from core.safety.privacy import reveal_phone
from core.search.query import search_customer_ids
from core.store.models import (
    AuditEvent,
    CareTask,
    Customer,
    CustomerMerge,
    ImportBatch,
    ImportChange,
    Note,
    Order,
)
from core.store.opening import open_database
from core.store.server import row_counts
from core.store.settings import set_setting
from main import main
from tests.importing.sheets import write_sheet
from tests.safety.import_sheets import order_rows, write_orders

pytestmark = pytest.mark.empty_database


@pytest.fixture
def server_url(backend: str, db_target: str) -> str:
    if backend != "postgresql":
        pytest.skip("team mode is PostgreSQL's")
    return db_target


def as_role(url: str, role: str) -> str:
    return make_url(url).set(username=role).render_as_string(hide_password=False)


def test_init_moves_a_laptop_book_verified_by_counts(server_url: str, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    laptop = open_database(tmp_path / "laoke.db")
    with laptop.transaction() as session:
        create_demo_shop(session, customers=80, today=date(2026, 11, 1))
    with laptop.engine.connect() as connection:
        expected = row_counts(connection)
    laptop.dispose()

    assert main(["server", "init", server_url, "--from", str(tmp_path / "laoke.db"), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["copied"] == expected
    server = open_database(server_url)
    try:
        with server.engine.connect() as connection:
            assert row_counts(connection) == expected
        with server.transaction() as session:  # the sequences were moved past the copied ids
            session.add(Customer(name="新客"))
        assert main(["server", "init", server_url, "--from", str(tmp_path / "laoke.db")]) == 1
        assert "already holds a shop" in capsys.readouterr().err
    finally:
        server.dispose()


def test_a_rep_works_under_their_own_name_and_the_server_refuses_the_owners_part(  # type: ignore[no-untyped-def]
        server_url: str, tmp_path: Path, capsys) -> None:
    assert main(["server", "init", server_url]) == 0
    assert main(["server", "add-rep", server_url, "rep_li"]) == 0
    rep = open_database(as_role(server_url, "rep_li"))
    try:
        [summary] = commit_imports(rep, [prepare_import(write_orders(tmp_path / "orders.csv", 20))])
        with rep.transaction() as session:
            first, second = session.scalars(select(Customer.id).order_by(Customer.id).limit(2))
            add_note(session, first, "喜欢明前龙井", author="someone else")
            merge_id = merge_customers(session, first, second)
            session.add(CareTask(customer_id=first, rule_key="winback", dedupe_key="t1", due_date=date(2026, 11, 1)))
            session.flush()
            mark_done(session, [session.scalar(select(CareTask.id))], "wechat", "")
        with rep.session() as session:
            assert session.scalar(select(Note.author)) == "rep_li"  # not what the client claimed
            assert session.scalar(select(ImportBatch.imported_by)) == "rep_li"
            assert session.scalar(select(CustomerMerge.merged_by)) == "rep_li"
            assert session.scalar(select(CareTask.worked_by)) == "rep_li"

        # The app says no (a rep's login is rep mode), or the server does…
        for attempt in (lambda session: delete_customers(session, [first]),
                        lambda session: undo_merge(session, merge_id),
                        lambda session: set_setting(session, "shop_name", "别人的店")):
            with pytest.raises((LaokeError, ProgrammingError), match="rep mode|row-level security"), \
                    rep.transaction() as session:
                attempt(session)
        with pytest.raises(LaokeError, match="rep mode"):
            undo_import(rep, summary.batch_id)
        # …and the server refuses it all done around the app, as a rep's own SQL client would.
        for statement in (f"DELETE FROM public.customers WHERE id = {first}", "DELETE FROM notes",
                          "DELETE FROM public.orders", f"UPDATE customer_merges SET undone_at = now() WHERE id = {merge_id}",
                          f"UPDATE import_batches SET status = 'undone' WHERE id = {summary.batch_id}",
                          "INSERT INTO settings (key, value) VALUES ('shop_name', '\"别人的店\"')"):
            with pytest.raises(ProgrammingError, match="permission denied|row-level security"), \
                    rep.transaction() as session:
                session.execute(text(statement))
    finally:
        rep.dispose()


def test_a_reps_own_sql_client_reads_phones_and_addresses_masked(server_url: str, tmp_path: Path) -> None:
    """What psql logged in as a rep gets: masked views, a phone search by whole number or last four that
    answers masked, and no previous values from the import journal at all."""
    assert main(["server", "init", server_url]) == 0
    assert main(["server", "add-rep", server_url, "rep_wang"]) == 0
    rep = open_database(as_role(server_url, "rep_wang"))
    try:
        commit_imports(rep, [prepare_import(write_orders(tmp_path / "orders.csv", 20))])  # the app, as the rep
        with rep.engine.connect() as psql:
            shown = psql.execute(text("SELECT phone, address FROM laoke_masked.customers ORDER BY id")).all()
            assert shown[3] == ("139****0003", "浙江省 杭州****")
            assert {value for (value,) in psql.execute(text(
                "SELECT value FROM laoke_masked.customer_aliases WHERE kind = 'phone'"))} == {
                f"139****{buyer:04d}" for buyer in range(10)}
            assert psql.execute(text("SELECT DISTINCT receiver_phone, receiver_address FROM laoke_masked.orders"
                                     " WHERE receiver_phone LIKE '%0003'")).all() == [("139****0003", "浙江省 杭州****")]
            assert not psql.scalar(text("SELECT count(*) FROM laoke_masked.customer_search_keys"
                                        " WHERE key ~ '[0-9]{5}'"))
            find = text("SELECT phone FROM laoke_masked.find_phone(:query)")
            assert psql.execute(find, {"query": "0003"}).scalars().all() == ["139****0003"]
            assert psql.execute(find, {"query": "139 0000 0003"}).scalars().all() == ["139****0003"]
            assert psql.execute(find, {"query": "00003"}).scalars().all() == []  # neither whole nor last four
        # psql itself, which knows nothing of Laoke: the rep's login reads the masked views first.
        import psycopg

        plain = make_url(as_role(server_url, "rep_wang")).set(drivername="postgresql")
        with psycopg.connect(plain.render_as_string(hide_password=False)) as client:
            assert client.execute("SELECT phone FROM customers ORDER BY id").fetchall()[3] == ("139****0003",)
        for query in ("SELECT before FROM import_changes", "SELECT * FROM import_changes"):
            with rep.engine.connect() as psql, pytest.raises(ProgrammingError, match="permission denied"):
                psql.execute(text(query))
    finally:
        rep.dispose()


def test_a_rep_added_without_a_password_is_told_they_cannot_log_in_yet(server_url: str, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    assert main(["server", "init", server_url]) == 0
    monkeypatch.delenv("LAOKE_REP_PASSWORD", raising=False)
    assert main(["server", "add-rep", server_url, "rep_li"]) == 0  # not at a terminal: nothing asked
    assert "has no password yet, so cannot log in" in capsys.readouterr().out
    monkeypatch.setenv("LAOKE_REP_PASSWORD", "secret")
    assert main(["server", "add-rep", server_url, "rep_li"]) == 0
    assert "rep_li can log in as a rep" in capsys.readouterr().out


SECRETS = ("SELECT phone FROM public.customers", "SELECT phone_alt FROM public.customers",
           "SELECT address FROM public.customers", "SELECT receiver_phone FROM public.orders",
           "SELECT receiver_address FROM public.orders", "SELECT value FROM public.customer_aliases",
           "SELECT key FROM public.customer_search_keys", "SELECT before FROM import_changes")


def test_a_reps_login_reads_no_phone_or_address_while_their_work_goes_on(  # type: ignore[no-untyped-def]
        server_url: str, tmp_path: Path, monkeypatch) -> None:
    """The boundary held by the server itself: a rep's login is refused every column and row that holds a
    phone or an address, while the app, logged in as the rep, imports, re-imports, searches by phone, writes
    notes and tags, works a care task and merges; the owner then finds it all with the real values."""
    assert main(["server", "init", server_url]) == 0
    assert main(["server", "add-rep", server_url, "rep_sun"]) == 0
    rep, owner = open_database(as_role(server_url, "rep_sun")), open_database(server_url)
    try:
        shipped = [[cell.replace("交易成功", "卖家已发货") for cell in row] for row in order_rows(20)]
        commit_imports(rep, [prepare_import(write_sheet(tmp_path / "shipped.csv", shipped, "csv"))])
        # A newer export: the 20 orders completed (updated, journalled), 4 more of buyers 10 and 11 (new).
        [second] = commit_imports(rep, [prepare_import(write_orders(tmp_path / "done.csv", 24))])
        assert (second.orders_updated, second.customers_new, second.customers_matched) == (20, 2, 10)
        for statement in SECRETS:
            with rep.engine.connect() as psql, pytest.raises(ProgrammingError, match="permission denied"):
                psql.execute(text(statement))
        with rep.transaction() as session:
            [third] = search_customer_ids(session, "0003")  # the last four digits, found by the server
            assert search_customer_ids(session, "139 0000 0003") == [third]  # the whole number
            assert session.get(Customer, third).phone == "139****0003"  # type: ignore[union-attr]
            first, second_buyer = search_customer_ids(session, "0000"), search_customer_ids(session, "0001")
            add_note(session, third, "要发票")
            add_tags(session, [third], ["回头客"])
            session.add(CareTask(customer_id=third, rule_key="winback", dedupe_key="t3", due_date=date(2026, 11, 1)))
            session.flush()
            mark_done(session, [session.scalar(select(CareTask.id))], "wechat", "")
            merge_customers(session, first[0], second_buyer[0])
            update_profile(session, third, {"phone": "139****0003", "wechat_id": "wx_3a"})  # as the form shows it
            assert reveal_phone(session, third) == "13900000003"  # the one number the server answers, logged
        # An app whose rep-mode switch was taken out still exports what the server lets the rep read: masked.
        monkeypatch.setattr("core.customers.export.ensure_owner_mode", lambda *_args: None)
        with rep.transaction() as session:
            export_customers(session, tmp_path / "all.csv")
        exported = (tmp_path / "all.csv").read_text(encoding="utf-8-sig")
        assert "139****0003" in exported and "13900000003" not in exported and "文三路" not in exported
        # The rep's own customer list: a known number is matched by the server, a new buyer's phone stored.
        customers = write_sheet(tmp_path / "我的客户.csv", [["姓名", "手机号", "微信"], ["老王", "13900000003", "wx_3"],
                                                         ["新客", "13700001234", "wx_new"],
                                                         ["另一客", "13711111234", "wx_other"]], "csv")
        [listed] = commit_customer_sheets(rep, [prepare_customer_sheet(customers)])
        assert (listed.customers_new, listed.customers_matched) == (2, 1)
        with rep.session() as session:  # 137****1234 twice, yet two numbers: no pair; one shared address: pairs
            pairs = duplicate_candidates(session)
            assert {pair.reason for pair in pairs} == {"name_address"}
        with owner.session() as session:
            assert session.scalar(select(func.count()).select_from(Customer)) == 14  # matched, never doubled
            assert (session.get(Customer, third).wechat_id, session.get(Customer, third).phone) == (  # type: ignore[union-attr]
                "wx_3a", "13900000003")  # the sheet fills blanks only; the masked number was no edit
            assert search_customer_ids(session, "13700001234")
            kept = session.get(Customer, first[0])
            assert (kept.phone, kept.phone_alt, kept.address) == (  # type: ignore[union-attr]
                "13900000000", "13900000001", "浙江省 杭州市 西湖区 文三路1号")
            assert not session.scalar(select(func.count()).select_from(Order).where(or_(
                Order.receiver_phone.contains("*"), Order.receiver_address.contains("*"))))
            assert {change.before["receiver_phone"] for change in session.scalars(
                select(ImportChange).where(ImportChange.action == "update"))} == {
                f"139{buyer:08d}" for buyer in range(10)}
            # The phone keys the server wrote for the rep's buyers: the owner finds them by any part.
            assert search_customer_ids(session, "1390000000") and search_customer_ids(session, "00003") == [third]
            assert search_customer_ids(session, "13900000001") == [first[0]]  # the merged buyer's number
            assert session.scalar(select(Note.author)) == "rep_sun"
            assert session.execute(select(AuditEvent.action, AuditEvent.actor, AuditEvent.customer_id)
                                   .order_by(AuditEvent.id)).all()[0] == ("reveal_phone", "rep_sun", third)
    finally:
        rep.dispose()
        owner.dispose()


def test_an_upgrade_of_a_team_server_keeps_the_reps_boundary(server_url: str) -> None:
    """The masked views name every column: an upgrade drops them, migrates, and makes them and the grants
    again, so a migration may alter the tables and a rep still reads no phone."""
    from alembic import command

    from core.store.db import make_engine
    from core.store.migrate import alembic_config, ensure_current, head_revision

    assert main(["server", "init", server_url]) == 0
    assert main(["server", "add-rep", server_url, "rep_qian"]) == 0
    engine = make_engine(server_url)
    try:
        with engine.begin() as connection:  # the server as the previous version left it, views and all
            connection.execute(text("DROP SCHEMA laoke_masked CASCADE"))
            command.downgrade(alembic_config(connection), "-1")
            connection.execute(text("CREATE SCHEMA laoke_masked"))
            for table in ("customers", "orders", "customer_aliases", "customer_search_keys"):  # a view on each
                connection.execute(text(f"CREATE VIEW laoke_masked.{table} AS SELECT * FROM public.{table}"))
        ensure_current(server_url, None)  # the owner's app opening it
        with engine.connect() as connection:
            assert connection.scalar(text("SELECT version_num FROM alembic_version")) == head_revision()
    finally:
        engine.dispose()
    rep = open_database(as_role(server_url, "rep_qian"))
    try:
        with rep.engine.connect() as psql:
            psql.execute(text("SELECT * FROM customers"))  # the view again, with the upgrade's columns
        with rep.engine.connect() as psql, pytest.raises(ProgrammingError, match="permission denied"):
            psql.execute(text("SELECT phone FROM public.customers"))
    finally:
        rep.dispose()


def test_two_reps_import_at_once_under_their_own_logins(server_url: str, tmp_path: Path) -> None:
    from tests.test_concurrency import at_once, sheet

    assert main(["server", "init", server_url]) == 0
    for rep in ("rep_a", "rep_b"):
        assert main(["server", "add-rep", server_url, rep]) == 0
    sheets = [sheet(tmp_path / "a.csv", range(0, 40), lambda n: n % 15),
              sheet(tmp_path / "b.csv", range(40, 80), lambda n: n % 15 + 5)]
    outcomes = at_once(server_url, *((import_as, (as_role(server_url, rep), path))
                                     for rep, path in zip(("rep_a", "rep_b"), sheets, strict=True)))
    assert sorted(outcomes) == [40, 40]
    owner = open_database(server_url)
    try:
        with owner.session() as session:
            assert session.scalar(select(func.count()).select_from(Customer)) == 20  # buyers 5-14 shared, once
            assert set(session.scalars(select(ImportBatch.imported_by))) == {"rep_a", "rep_b"}
            assert search_customer_ids(session, "13900000014")  # the server wrote the phone keys for both
    finally:
        owner.dispose()


def import_as(_database, url: str, path: Path):  # type: ignore[no-untyped-def]
    """at_once's job: ready the sheet, then import it logged in as `url`'s rep."""
    prepared = prepare_import(path)

    def write() -> int:
        database = open_database(url)
        try:
            [summary] = commit_imports(database, [prepared])
            return summary.orders_new
        finally:
            database.dispose()

    return write


def test_backup_is_a_pg_dump_and_restores_into_an_empty_database(  # type: ignore[no-untyped-def]
        server_url: str, postgres_cluster, tmp_path: Path, capsys) -> None:
    from tests.backends import admin_sql

    assert main(["demo", "--db", server_url, "--customers", "40"]) == 0
    assert main(["backup", str(tmp_path / "shop.dump"), "--db", server_url]) == 0
    assert (tmp_path / "shop.dump").read_bytes()[:5] == b"PGDMP"  # pg_dump's custom format
    copy = server_url.replace("/test_", "/copy_")
    admin_sql(postgres_cluster, f"CREATE DATABASE {make_url(copy).database}")
    try:
        assert main(["restore", str(tmp_path / "shop.dump"), "--db", copy]) == 0
        for url in (server_url, copy):
            database = open_database(url)
            with database.engine.connect() as connection:
                counted = row_counts(connection)
            database.dispose()
            assert counted["customers"] == 40
        assert main(["restore", str(tmp_path / "shop.dump"), "--db", copy]) == 1
        assert "already holds tables" in capsys.readouterr().err
    finally:
        admin_sql(postgres_cluster, f"DROP DATABASE {make_url(copy).database} WITH (FORCE)")


def test_another_reps_change_moves_the_change_mark(server_url: str) -> None:
    from core.store.changes import change_mark

    owner, rep = open_database(server_url), None
    try:
        with owner.transaction() as session:
            session.add(Customer(name="王芳"))
        assert main(["server", "init", server_url]) == 0
        assert main(["server", "add-rep", server_url, "rep_zhou"]) == 0
        rep = open_database(as_role(server_url, "rep_zhou"))
        with owner.engine.connect() as watching:
            before = change_mark(watching)
        with rep.transaction() as session:
            add_note(session, session.scalar(select(Customer.id)), "周末再联系")
        with owner.engine.connect() as watching:
            assert change_mark(watching) > before  # type: ignore[operator]
            with owner.session() as session:  # reading moves nothing
                session.scalar(select(Note.text))
            assert change_mark(watching) == change_mark(watching)
    finally:
        owner.dispose()
        if rep is not None:
            rep.dispose()


def test_a_write_whose_connection_drops_is_rolled_back_and_run_again(server_url: str) -> None:
    database, told, attempts = open_database(server_url), [], []

    def work(session) -> None:  # type: ignore[no-untyped-def]
        attempts.append(1)
        session.add(Customer(name="王芳"))
        session.flush()
        if len(attempts) == 1:  # the server ends this connection mid-transaction, as a restart would
            session.execute(text("SELECT pg_terminate_backend(pg_backend_pid())"))

    try:
        database.write(work, notice=told.append)
        with database.session() as session:
            assert session.scalars(select(Customer.name)).all() == ["王芳"]  # once: the first try rolled back
        assert len(attempts) == 2 and told[0].startswith("The connection to the server dropped")
    finally:
        database.dispose()


def test_an_unreachable_server_is_one_sentence(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    url = f"postgresql+psycopg://rep@/laoke?host={tmp_path}&port=5432"  # no server listens there
    assert main(["stats", "--db", url]) == 1
    error = capsys.readouterr().err
    assert "Cannot reach the server" in error and "Traceback" not in error and error.count("\n") == 1


class _MemoryKeyring:
    """A keyring that works (the CI machine has no desktop session, so no Secret Service)."""

    def __init__(self) -> None:
        self.kept: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, account: str) -> str | None:
        return self.kept.get((service, account))

    def set_password(self, service: str, account: str, password: str) -> None:
        self.kept[service, account] = password


def test_a_reps_password_is_kept_in_the_keyring_and_used_without_being_typed(monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    import keyring

    from core.store.db import make_engine

    backend = _MemoryKeyring()
    monkeypatch.setattr(keyring, "get_password", backend.get_password)
    monkeypatch.setattr(keyring, "set_password", backend.set_password)
    monkeypatch.setenv("LAOKE_REP_PASSWORD", "茶香1号")
    url = "postgresql+psycopg://wang@shop.example/laoke"
    assert main(["server", "login", url]) == 0
    assert "kept in the system keyring" in capsys.readouterr().out
    assert make_engine(url).url.password == "茶香1号"
    assert "茶香1号" not in str(make_engine(url).url)  # shown and logged without it


def test_without_a_keyring_the_password_goes_to_pgpass_for_its_owner_only(monkeypatch, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    import keyring
    from keyring.errors import NoKeyringError

    def no_keyring(*_args):  # type: ignore[no-untyped-def]
        raise NoKeyringError("no backend")

    monkeypatch.setattr(keyring, "set_password", no_keyring)
    monkeypatch.setattr(keyring, "get_password", no_keyring)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "pgpass"))
    monkeypatch.setenv("LAOKE_REP_PASSWORD", "a:b")
    assert main(["server", "login", "postgresql+psycopg://wang@shop.example:5433/laoke"]) == 0
    assert (tmp_path / "pgpass").read_text() == "shop.example:5433:laoke:wang:a\\:b\n"
    assert (tmp_path / "pgpass").stat().st_mode & 0o777 == 0o600
