"""The command line, run as a shop owner or a script would run it."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from core import __version__
from core.store.models import Order
from main import main

ROOT = Path(__file__).resolve().parent.parent


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_demo_then_stats_json(capsys: pytest.CaptureFixture[str], db_target: str) -> None:
    code, out, _err = run(capsys, "demo", "--db", db_target, "--customers", "150", "--json")
    assert code == 0
    created = json.loads(out)
    assert created["customers"] == 150

    code, out, _err = run(capsys, "stats", "--json", "--db", db_target)
    assert code == 0
    stats = json.loads(out)
    assert stats["customers"] == 150
    assert stats["orders"] == created["orders"]
    assert 0 < stats["paid_orders"] <= stats["orders"]
    assert Decimal(stats["revenue"]) > 0 and isinstance(stats["revenue"], str)


def test_stats_revenue_counts_paid_shipped_completed_only(capsys, database, db_target: str) -> None:
    from datetime import datetime

    with database.transaction() as session:
        for number, status, amount in [("1", "paid", "10.10"), ("2", "shipped", "20.20"), ("3", "completed", "30.30"),
                                       ("4", "unpaid", "99"), ("5", "closed", "99"), ("6", "refunded", "99")]:
            session.add(Order(platform="jd", platform_order_id=number, status=status,
                              paid_amount=Decimal(amount), created_at=datetime(2026, 3, int(number))))
    code, out, _err = run(capsys, "stats", "--json", "--db", db_target, "--as-of", "2026-03-02")
    assert json.loads(out).items() >= {"customers": 0, "orders": 2, "paid_orders": 2, "revenue": "30.30",
                                       "as_of": "2026-03-02"}.items()
    code, out, _err = run(capsys, "stats", "--json", "--db", db_target)
    assert json.loads(out)["revenue"] == "60.60"
    code, out, _err = run(capsys, "stats", "--db", db_target, "--as-of", "2026-03-01")
    assert "0 customers, 1 order (1 paid)" in out


def test_demo_refuses_a_database_that_holds_a_shop(capsys, db_target: str) -> None:
    assert run(capsys, "demo", "--db", db_target, "--customers", "20")[0] == 0
    code, _out, err = run(capsys, "demo", "--db", db_target, "--customers", "20")
    assert code == 1
    assert "already holds a shop" in err and "Traceback" not in err


def test_a_broken_database_file_is_a_clear_error_without_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_text("hello")
    result = subprocess.run([sys.executable, "main.py", "stats", "--db", str(bad)], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "not a Laoke database" in result.stderr
    assert "Traceback" not in result.stderr


def test_bad_as_of_date_is_a_usage_error(capsys, db_path: Path) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["stats", "--db", str(db_path), "--as-of", "yesterday"])
    assert exit_info.value.code == 2
    assert "not a date like 2026-05-01" in capsys.readouterr().err


def test_version(capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_common_options_work_before_the_command_too(capsys, tmp_path: Path, monkeypatch) -> None:
    shop, other = tmp_path / "shop.db", tmp_path / "other.db"
    monkeypatch.setenv("LAOKE_DB", str(other))  # what a forgotten --db would open
    assert run(capsys, "--db", str(shop), "demo", "--customers", "12")[0] == 0
    assert shop.exists() and not other.exists()
    code, out, _err = run(capsys, "--json", "--db", str(shop), "stats")
    assert code == 0 and json.loads(out)["customers"] == 12
    code, out, _err = run(capsys, "--db", str(other), "stats", "--db", str(shop), "--json")  # the nearer wins
    assert json.loads(out)["customers"] == 12 and not other.exists()


def test_laoke_db_environment_variable_chooses_the_file(capsys, tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "env.db"
    monkeypatch.setenv("LAOKE_DB", str(target))
    assert run(capsys, "demo", "--customers", "10")[0] == 0
    assert target.exists()


def test_output_piped_into_a_reader_that_stops_early_is_not_an_error(tmp_path: Path) -> None:
    shop = tmp_path / "shop.db"
    subprocess.run([sys.executable, "main.py", "demo", "--db", str(shop), "--customers", "300"], cwd=ROOT, check=True,
                   capture_output=True)
    listing = subprocess.Popen([sys.executable, "main.py", "customers", "--db", str(shop), "--limit", "300", "--json"],
                               cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert listing.stdout is not None and listing.stderr is not None
    listing.stdout.read(10)
    listing.stdout.close()  # like `| head -c 10`
    stderr = listing.stderr.read().decode()
    assert listing.wait() == 1
    assert stderr == ""


def test_customers_search_puts_the_best_match_first_with_its_account(capsys: pytest.CaptureFixture[str],
                                                                    db_path: Path) -> None:
    from core.store.opening import open_database
    from tests.customers.ranking_book import make_ranking_book

    database = open_database(db_path)
    make_ranking_book(database)
    database.dispose()
    code, out, _err = run(capsys, "customers", "--db", str(db_path), "--search", "wh", "--json")
    assert code == 0
    found = json.loads(out)
    assert found[0]["name"] == "王华" and found[0]["accounts"] == ["tb_小米粥88"]
    code, out, _err = run(capsys, "customers", "--db", str(db_path), "--search", "一只鹿3302")
    assert out.splitlines()[0].split()[1:3] == ["李明", "一只鹿3302"]
