from core.store.settings import get_setting, set_setting


def test_settings_round_trip_json_values(database) -> None:
    with database.transaction() as session:
        assert get_setting(session, "stage.active_days", 90) == 90
        set_setting(session, "stage.active_days", 60)
        set_setting(session, "care.window", {"from": "08:00", "to": "21:00"})
    with database.transaction() as session:
        assert get_setting(session, "stage.active_days") == 60
        set_setting(session, "stage.active_days", 45)
    with database.session() as session:
        assert get_setting(session, "stage.active_days") == 45
        assert get_setting(session, "care.window") == {"from": "08:00", "to": "21:00"}
