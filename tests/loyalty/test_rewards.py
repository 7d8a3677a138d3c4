"""The reward catalogue: a points reward spends its points, a spend reward names the order that reached its
minimum; each use is kept in the buyer's ledger."""

from __future__ import annotations

import pytest

from core.errors import LaokeError
from core.loyalty.members import reward_and_refresh
from core.loyalty.points import points_ledger
from core.loyalty.rewards import DEFAULT_REWARDS, Reward, load_rewards, reward_uses, save_rewards


def test_using_rewards_keeps_each_use_in_the_ledger(shop, database) -> None:  # type: ignore[no-untyped-def]
    buyer = shop.buyer("甲", ("250.00", "2026-10-01"), ("150.00", "2026-10-02"))  # TB000001, TB000002
    with database.transaction() as session:
        assert load_rewards(session.connection()) == DEFAULT_REWARDS
        reward_and_refresh(session, buyer, "满200返20", "TB000001")
        member = reward_and_refresh(session, buyer, "100积分抵10元")
    assert [(line.kind, line.points, line.note) for line in member.ledger] == [
        ("order", 250, None), ("order", 150, None), ("reward", 0, "满200返20 TB000001"),
        ("redemption", -100, "100积分抵10元")]
    assert member.points == 300
    with database.transaction() as session:
        assert reward_uses(session) == {"满200返20": 1, "100积分抵10元": 1}
        with pytest.raises(LaokeError, match="less than"):
            reward_and_refresh(session, buyer, "满200返20", "TB000002")  # ¥150 does not reach 满200
        with pytest.raises(LaokeError, match="already used"):
            reward_and_refresh(session, buyer, "满200返20", "TB000001")
        with pytest.raises(LaokeError, match="no reward"):
            reward_and_refresh(session, buyer, "满500返50")
    with database.session() as session:
        assert len(points_ledger(session, buyer)) == 4


def test_the_catalogue_is_the_shops_own_and_each_reward_makes_sense(database) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(LaokeError):
        Reward("两者都要", 10, points=100, min_spend=200)
    with pytest.raises(LaokeError):
        Reward("白送", 0, points=100)
    with database.transaction() as session:
        save_rewards(session, (Reward("满500返50", 50, min_spend=500),))
        with pytest.raises(LaokeError):
            save_rewards(session, (Reward("同名", 5, points=50), Reward("同名", 10, points=100)))
    with database.session() as session:
        assert [reward.name for reward in load_rewards(session.connection())] == ["满500返50"]
