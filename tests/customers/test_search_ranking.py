"""The best match comes first, in one ranking for the chat lookup, the list and the CLI."""

from __future__ import annotations

import pytest

from core.customers.listing import RELEVANCE, CustomerFilter, customer_ids, customer_rows
from core.search.query import search_customer_ids
from tests.customers.ranking_book import FIRST, make_ranking_book


@pytest.fixture
def ranking_book(database):  # type: ignore[no-untyped-def]
    return make_ranking_book(database)


@pytest.mark.parametrize(("query", "who"), FIRST)
def test_the_best_match_comes_first(database, ranking_book, query, who) -> None:  # type: ignore[no-untyped-def]
    with database.session() as session:
        found = search_customer_ids(session, query)
        assert found[:1] == [ranking_book[who]]
        assert customer_ids(session, CustomerFilter(search=query), RELEVANCE) == found


def test_four_digits_rank_phone_ends_then_starts_then_orders_then_accounts(database, ranking_book) -> None:  # type: ignore[no-untyped-def]
    with database.session() as session:
        found = search_customer_ids(session, "1796")
    # 王华's phone ends with 1796, 王华明's starts with it, 赵敏's account tb17965 holds it (and ordered last)
    assert found == [ranking_book[name] for name in ("王华", "王华明", "赵敏")]


def test_ties_go_to_the_most_recent_order(database, ranking_book) -> None:  # type: ignore[no-untyped-def]
    with database.session() as session:
        # 木木684 and 木木68 both start with 木木: the buyer who ordered last leads
        assert search_customer_ids(session, "木木") == [ranking_book["王华明"], ranking_book["周慧"]]


def test_order_tails_need_six_digits(database, ranking_book) -> None:  # type: ignore[no-untyped-def]
    with database.session() as session:
        assert ranking_book["王华"] in search_customer_ids(session, "012345")
        assert ranking_book["王华"] not in search_customer_ids(session, "2345")


def test_relevance_without_a_search_is_the_newest_order_first(database, ranking_book) -> None:  # type: ignore[no-untyped-def]
    with database.session() as session:
        assert customer_ids(session, CustomerFilter(), RELEVANCE)[0] == ranking_book["赵敏"]


def test_rows_carry_the_accounts_masked_like_phones_in_rep_mode(database, ranking_book) -> None:  # type: ignore[no-untyped-def]
    with database.session() as session:
        [zhao, qian] = customer_rows(session, [ranking_book["赵敏"], ranking_book["钱多多"]])
        [masked] = customer_rows(session, [ranking_book["钱多多"]], masked=True)
    assert zhao.accounts == ["tb馥1332", "tb17965"]
    assert qian.accounts == ["13577778888"] and masked.accounts == ["135****8888"]


def test_a_local_form_finds_a_number_kept_with_its_country_code(database) -> None:  # type: ignore[no-untyped-def]
    from core.refresh import refresh_derived
    from core.search.query import search_customer_ids
    from core.store.models import Customer

    with database.transaction() as session:
        buyer = Customer(name="Rahim", phone="+8801306877229", platform="shopify")
        session.add(buyer)
        session.flush()
        refresh_derived(session.connection(), [buyer.id])
    with database.session() as session:
        for typed in ("01306877229", "+8801306877229", "1306877229"):
            assert search_customer_ids(session, typed) == [buyer.id], typed


@pytest.fixture
def in_rep_mode(database, ranking_book):  # type: ignore[no-untyped-def]
    from core.safety.privacy import lock_owner, set_owner_passphrase

    with database.transaction() as session:
        set_owner_passphrase(session, "茶铺老板")
        lock_owner(session)  # the owner hands the laptop to a rep
    return ranking_book


def test_a_rep_finds_phones_by_their_end_in_the_same_ranking(database, in_rep_mode) -> None:  # type: ignore[no-untyped-def]
    with database.session() as session:
        # 王华明's phone starts with 1796: a prefix a rep may not search by; 赵敏's account tb17965 is no phone
        assert search_customer_ids(session, "1796") == [in_rep_mode["王华"], in_rep_mode["赵敏"]]
        assert customer_ids(session, CustomerFilter(search="1796"), RELEVANCE) == [in_rep_mode["王华"],
                                                                                   in_rep_mode["赵敏"]]
        assert search_customer_ids(session, "01796") == []  # five digits are no 尾号 a masked phone shows
        assert search_customer_ids(session, "13900001796") == [in_rep_mode["王华"]]
        assert search_customer_ids(session, "wh")[:1] == [in_rep_mode["王华"]]  # the rest ranks as ever


def test_a_rep_finds_an_email_account_whole_only_and_sees_it_masked(database, in_rep_mode) -> None:  # type: ignore[no-untyped-def]
    with database.session() as session:
        assert search_customer_ids(session, "emma.li@example.com") == [in_rep_mode["Emma"]]
        assert search_customer_ids(session, "li@exam") == search_customer_ids(session, "emma.li") == []
        [emma] = customer_rows(session, [in_rep_mode["Emma"]], masked=True)
    assert emma.accounts == ["Em***@example.com"]
