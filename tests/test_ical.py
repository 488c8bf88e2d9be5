"""The calendar export (planner.export.ical), read back with the icalendar library."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from planner.core.edits import AddFood, SetAmount, SetStart
from planner.core.plan import Plan
from planner.core.weeks import add_week_after, insert_week_before
from planner.export.ical import (
    IcalExportError,
    event_uid,
    export_ical,
    parse_times,
    render_ical,
)
from planner.storage.planfile import dumps, loads

MONDAY = date(2026, 11, 30)
STAMP = datetime(2026, 11, 29, 18, 0, tzinfo=UTC)


def plan() -> Plan:
    p = Plan(MONDAY, 2)
    AddFood(0, "breakfast", "kefir").apply(p)
    AddFood(0, "breakfast", "oats", 1.5).apply(p)
    for food in ("lentils", "spinach", "kimchi", "apple", "mystery"):
        AddFood(2, "dinner", food).apply(p)
    AddFood(9, "snacks", "apple").apply(p)
    return p


def events(data: bytes) -> dict[str, object]:
    calendar = Calendar.from_ical(data)
    return {str(e["uid"]): e for e in calendar.walk("VEVENT")}


def test_one_event_per_planned_meal_with_its_foods(tiny_catalog):
    data = render_ical(plan(), tiny_catalog, stamp=STAMP)
    calendar = Calendar.from_ical(data)
    assert calendar["version"] == "2.0" and "Gut-Skin Planner" in str(calendar["prodid"])
    found = sorted(calendar.walk("VEVENT"), key=lambda e: e.decoded("dtstart"))
    assert [e.decoded("dtstart") for e in found] == [
        datetime(2026, 11, 30, 8, 0),
        datetime(2026, 12, 2, 19, 0),
        datetime(2026, 12, 9, 16, 0),
    ]
    breakfast, dinner, _snack = found
    assert str(breakfast["summary"]) == "Breakfast: Kefir, Oats"
    assert str(breakfast["description"]) == "Kefir — 1 serving\nOats — 1.5 servings"
    assert breakfast.decoded("dtend") == datetime(2026, 11, 30, 8, 30)
    assert str(dinner["summary"]) == "Dinner: Lentils, Spinach, Kimchi and 2 more"
    assert str(dinner["description"]).splitlines()[-1] == "mystery — 1 serving"  # not dropped
    assert breakfast.decoded("dtstamp") == STAMP
    assert len(data.splitlines()[0]) <= 75 and all(len(line) <= 75 for line in data.splitlines())


def test_meal_times_are_settable_and_times_can_be_local(tiny_catalog):
    data = render_ical(
        plan(), tiny_catalog, times={"breakfast": time(7, 15)}, tz="Europe/Paris", stamp=STAMP
    )
    calendar = Calendar.from_ical(data)
    assert [tz["tzid"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Paris"]
    starts = sorted(e.decoded("dtstart") for e in calendar.walk("VEVENT"))
    assert starts[0] == datetime(2026, 11, 30, 7, 15, tzinfo=ZoneInfo("Europe/Paris"))
    assert starts[0].utcoffset().total_seconds() == 3600
    assert len(data) < 4000  # the zone's rules around the plan's dates, not for decades


def test_local_times_after_2038(tiny_catalog):
    later = Plan(date(2046, 6, 4))
    AddFood(0, "lunch", "kefir").apply(later)
    calendar = Calendar.from_ical(render_ical(later, tiny_catalog, tz="Europe/Paris"))
    (event,) = calendar.walk("VEVENT")
    start = event.decoded("dtstart")
    assert start.astimezone(UTC) == datetime(2046, 6, 4, 10, 30, tzinfo=UTC)  # summer time
    assert "2046" in calendar.walk("VTIMEZONE")[0].to_ical().decode()


def test_uids_are_stable_across_exports_and_edits(tiny_catalog):
    original = plan()
    first = events(render_ical(original, tiny_catalog, stamp=STAMP))
    again = loads(dumps(original))  # saved and opened again
    SetAmount(0, "breakfast", 0, 2).apply(again)  # the foods of a meal change
    insert_week_before(again, 0).edit.apply(again)  # its weeks move a week later...
    SetStart(date(2026, 11, 23)).apply(again)  # ...and the start goes back: same dates
    add_week_after(again, 2).edit.apply(again)
    second = events(render_ical(again, tiny_catalog))
    assert set(second) == set(first)
    uid = event_uid(original.id, MONDAY, "breakfast")
    assert "Kefir — 2 servings" in str(second[uid]["description"])
    other = Plan(MONDAY, 2)  # another plan's meals on the same dates are other events
    AddFood(0, "breakfast", "kefir").apply(other)
    assert not set(events(render_ical(other, tiny_catalog))) & set(first)


def test_only_some_days_and_an_empty_plan(tiny_catalog):
    assert len(events(render_ical(plan(), tiny_catalog, days=range(7, 14)))) == 1
    empty = Calendar.from_ical(render_ical(Plan(MONDAY), tiny_catalog))
    assert empty.walk("VEVENT") == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("breakfast=25:00", "not a time"),
        ("brunch=10:00", "not MEAL=HH:MM"),
        ("dinner", "not MEAL=HH:MM"),
        ("lunch=noon", "not a time"),
    ],
)
def test_bad_meal_times_give_one_clear_message(text, message):
    with pytest.raises(IcalExportError, match=message):
        parse_times(text)


def test_meal_times_as_written():
    assert parse_times("breakfast=7:30, Snack=15.45,dinner=18h00") == {
        "breakfast": time(7, 30),
        "lunch": time(12, 30),
        "dinner": time(18, 0),
        "snacks": time(15, 45),
    }


def test_an_unknown_time_zone_is_refused(tiny_catalog):
    with pytest.raises(IcalExportError, match="not a time zone"):
        render_ical(plan(), tiny_catalog, tz="Mars/Olympus")


def test_the_file_is_written_completely_or_not_at_all(tiny_catalog, tmp_path: Path, monkeypatch):
    path = tmp_path / "meals.ics"
    assert export_ical(plan(), tiny_catalog, path) == 3
    before = path.read_bytes()
    assert len(events(before)) == 3

    def no_space(fd, *args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)
    with pytest.raises(IcalExportError, match="disk is full"):
        export_ical(Plan(MONDAY), tiny_catalog, path)
    assert path.read_bytes() == before
