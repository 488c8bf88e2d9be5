from __future__ import annotations

import contextlib
import json
import os
import threading
import tracemalloc
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.core.edits import AddFood
from planner.core.plan import DAYS_PER_WEEK, MEALS, Entry, Plan
from planner.errors import Cancelled, PlanFileError
from planner.storage.planfile import (
    MAX_VALUES,
    UNKNOWN_BUDGET,
    dumps,
    load_plan,
    loads,
    read_plan,
    save_plan,
)


def sample() -> Plan:
    plan = Plan(date(2026, 11, 30))
    AddFood(0, "breakfast", "kefir", 1.5).apply(plan)
    AddFood(6, "snacks", "unknown-food", 1).apply(plan)
    return plan


def doc(**overrides) -> bytes:
    document = {
        "format": "gutskin-plan",
        "version": 1,
        "start": "2026-11-30",
        "weeks": 1,
        "entries": [{"day": 0, "meal": "lunch", "food": "kefir", "servings": 1}],
    }
    document.update(overrides)
    return json.dumps(document).encode()


def entry(**fields) -> list[dict]:
    base = {"day": 0, "meal": "lunch", "food": "kefir", "servings": 1}
    base.update(fields)
    return [base]


def test_round_trip_keeps_unknown_foods(tmp_plan_path: Path):
    plan = sample()
    save_plan(plan, tmp_plan_path)
    again = load_plan(tmp_plan_path)
    assert again == plan
    assert "unknown-food" in again.food_ids()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "it is empty"),
        (b'{"format": "gutskin-plan", "vers', "not valid JSON"),
        ('{"a": 1}'.encode("utf-16"), "UTF-16"),
        (b"\xff\xfe\x00garbage", "UTF-16"),
        (doc(entries=entry(servings=float("nan"))).replace(b"NaN", b"NaN"), "NaN"),
        (doc().replace(b'"weeks": 1', b'"weeks": Infinity'), "Infinity"),
        (doc().replace(b'"servings": 1', b'"servings": 1e999'), "too large"),
        (doc().replace(b'"servings": 1', b'"servings": ' + b"9" * 5000), "too many digits"),
        (b"[" * 10000 + b"]" * 10000, "nested too deeply"),
        (b'{"format": "gutskin-plan", "format": "x"}', "appears twice"),
        (b"[]", "top level must be an object"),
        (doc(version=None), "version is missing"),
        (doc(version="1"), "version is missing"),
        (doc(version=4), "newer version"),
        (doc(entries=entry(day=9)), "day 9 does not exist"),
        (doc(entries=entry(day=-1)), "day -1 does not exist"),
        (doc(entries=entry(day=7)), "day 7 does not exist"),
        (doc(entries=entry(day="Funday")), "not a day number"),
        (doc(entries=entry(servings=0)), "more than 0"),
        (doc(entries=entry(servings=-1)), "more than 0"),
        (doc(entries=entry(servings="abc")), "must be a number"),
        (doc(entries=entry(servings=True)), "must be a number"),
        (doc(entries=entry(servings=21)), "at most 20"),
        (doc(entries=entry(meal="brunch")), "not a meal"),
        (doc(start="30/11/2026"), "start date"),
        (doc(format="other"), "not a Gut–Skin plan"),
        (b"\x80\x04\x95pickle", "not UTF-8"),
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "not UTF-8"),
    ],
)
def test_damaged_files_give_one_error_naming_the_file(data: bytes, message: str):
    with pytest.raises(PlanFileError) as info:
        loads(data, "plan.gutplan")
    assert str(info.value).startswith("plan.gutplan: ")
    assert message in str(info.value)


def test_missing_file_and_folder(tmp_path: Path):
    with pytest.raises(PlanFileError, match="does not exist"):
        load_plan(tmp_path / "nope.gutplan")
    with pytest.raises(PlanFileError, match="is a folder"):
        load_plan(tmp_path)


def test_failed_save_leaves_the_old_file(tmp_plan_path: Path, monkeypatch):
    save_plan(sample(), tmp_plan_path)
    before = tmp_plan_path.read_bytes()
    bigger = sample()
    AddFood(3, "lunch", "oats", 2).apply(bigger)

    def no_space(fd, *args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)
    with pytest.raises(PlanFileError, match="the disk is full"):
        save_plan(bigger, tmp_plan_path)
    monkeypatch.undo()
    assert tmp_plan_path.read_bytes() == before
    assert [p.name for p in tmp_plan_path.parent.iterdir()] == [tmp_plan_path.name]


def test_save_onto_a_folder_is_refused(tmp_path: Path):
    (tmp_path / "x.gutplan").mkdir()
    with pytest.raises(PlanFileError, match="that path is a folder"):
        save_plan(sample(), tmp_path / "x.gutplan")


plans = st.builds(
    lambda start, weeks, items: (start, weeks, items),
    st.dates(date(2000, 1, 1), date(2100, 1, 1)),
    st.integers(1, 3),
    st.lists(
        st.tuples(
            st.integers(0, 20),
            st.sampled_from(MEALS),
            st.text(
                st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=30
            ).filter(str.strip),
            st.floats(0.01, 20, allow_nan=False),
        ),
        max_size=30,
    ),
)


@settings(max_examples=300, deadline=None)
@given(plans)
def test_valid_plans_round_trip_exactly(spec):
    start, weeks, items = spec
    plan = Plan.from_entries(
        start, weeks, [(d, m, Entry(f, s)) for d, m, f, s in items if d < weeks * DAYS_PER_WEEK]
    )
    assert loads(dumps(plan)) == plan


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_load_or_raise_the_one_error(data):
    with contextlib.suppress(PlanFileError):
        loads(data)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(json_values, st.sampled_from(["top", "entries", "entry"]))
def test_any_json_value_loads_or_raises_the_one_error(value, where):
    if where == "top":
        document = value
    elif where == "entries":
        document = json.loads(doc())
        document["entries"] = value
    else:
        document = json.loads(doc())
        document["entries"] = [value]
    try:
        data = json.dumps(document).encode()
    except ValueError:
        return
    with contextlib.suppress(PlanFileError):
        loads(data)


def test_a_new_file_gets_the_usual_permissions(tmp_plan_path: Path):
    umask = os.umask(0o022)
    try:
        save_plan(sample(), tmp_plan_path)
    finally:
        os.umask(umask)
    assert tmp_plan_path.stat().st_mode & 0o777 == 0o644
    tmp_plan_path.chmod(0o600)
    save_plan(sample(), tmp_plan_path)  # replacing keeps the owner's choice
    assert tmp_plan_path.stat().st_mode & 0o777 == 0o600


# -- start dates, unknown fields, size, cancel ------------------------------------------------
@pytest.mark.parametrize(
    ("start", "message"),
    [
        ("9999-12-27", "its start date 9999-12-27 is not between 1900-01-01 and 2999-12-31"),
        ("1899-12-25", "its start date 1899-12-25 is not between 1900-01-01 and 2999-12-31"),
        ("3000-01-06", "its start date 3000-01-06 is not between 1900-01-01 and 2999-12-31"),
    ],
)
def test_a_start_date_out_of_range_is_refused_with_one_line(start, message):
    # Dates near 9999 made every later date computation overflow (and the app crash).
    with pytest.raises(PlanFileError) as info:
        loads(doc(start=start, weeks=52), "far.gutplan")
    assert str(info.value) == f"far.gutplan: {message}."
    assert "\n" not in str(info.value)


def test_the_first_and_last_start_dates_load():
    assert loads(doc(start="1900-01-01")).start == date(1900, 1, 1)
    last = loads(doc(start="2999-12-31", weeks=52))
    assert last.date_of(last.day_count - 1) == date(3000, 12, 29)


def test_utf32_is_called_utf32(tmp_path: Path):
    path = tmp_path / "week.gutplan"
    path.write_bytes(doc().decode().encode("utf-32"))
    with pytest.raises(PlanFileError) as info:
        load_plan(path)
    assert str(info.value) == "week.gutplan: it is UTF-32 text (save it as UTF-8)."


def test_unknown_fields_are_accepted_within_the_budget():
    note = {"tool": "x" * 1000, "tags": list(range(1000)), "nested": {"a": [{"b": None}]}}
    plan = loads(doc(notes=note, entries=entry(colour="green", extra=[1, 2, 3])))
    assert plan.cell(0, "lunch")[0].food_id == "kefir"


@pytest.mark.parametrize(
    "overrides",
    [
        {"notes": "x" * (UNKNOWN_BUDGET + 1)},
        {"notes": ["abcdefghij"] * (UNKNOWN_BUDGET // 10)},
        {"entries": entry(note="y" * 600_000) + entry(note="z" * 600_000)},
    ],
    ids=["one-long-string", "many-strings", "spread-over-entries"],
)
def test_unknown_fields_beyond_the_budget_are_refused(overrides):
    with pytest.raises(PlanFileError) as info:
        loads(doc(**overrides), "big.gutplan")
    assert str(info.value).startswith("big.gutplan: its fields this app does not know (such as")
    assert str(info.value).endswith(f"hold more than {UNKNOWN_BUDGET:,} values and characters.")


def test_millions_of_keys_are_refused_before_they_take_memory():
    # The hardening report's file: 45 MB, 3.5 million keys, which took 8.9 s and 1 GB.
    keys = ",".join(f'"k{n}":1' for n in range(3_500_000))
    data = doc().replace(b'"weeks": 1', b'"weeks": 1, "x": {' + keys.encode() + b"}")
    assert len(data) > 40_000_000
    tracemalloc.start()
    try:
        with pytest.raises(PlanFileError, match="values and keys, more than such a file may"):
            loads(data, "keys.gutplan")
        _size, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 3 * len(data)  # the text and a copy or two, never the parsed keys


def test_the_value_count_ignores_punctuation_inside_strings():
    # A plan file at the limits holds about 180,000 values and keys; commas in names and
    # notes must not count against it.
    note = ",:[{" * 200_000
    food = ",:" * 100
    plan = loads(doc(notes=note, entries=entry(food=food) * 200))
    assert plan.entry_count() == 200
    assert note.count(",") * 4 > MAX_VALUES


def test_a_load_can_be_cancelled_and_reports_progress(tmp_path: Path):
    path = tmp_path / "year.gutplan"
    items = [{"day": n % 364, "meal": MEALS[n % 4], "food": f"sr:{n:05d}", "servings": 1}
             for n in range(5000)]  # fmt: skip
    path.write_bytes(doc(weeks=52, entries=items))
    heard: list[float] = []
    plan, _version = read_plan(path, progress=heard.append)
    assert plan.entry_count() == 5000
    assert heard == sorted(heard) and heard[0] >= 0 and heard[-1] == 1.0 and len(heard) > 3

    already = threading.Event()
    already.set()
    with pytest.raises(Cancelled, match=r"year\.gutplan was cancelled"):
        read_plan(path, cancel=already)

    cancel = threading.Event()

    def stop_while_building(fraction: float) -> None:
        if fraction > 0.5:
            cancel.set()

    with pytest.raises(Cancelled, match=r"^Opening year\.gutplan was cancelled\.$"):
        read_plan(path, cancel=cancel, progress=stop_while_building)


def test_loaders_build_plans_through_from_entries(monkeypatch):
    # Loaders no longer reach into the plan (Plan._insert): they hand over whole entries.
    def no_insert(*args):
        raise AssertionError("a loader called Plan._insert")

    monkeypatch.setattr(Plan, "_insert", no_insert)
    assert loads(doc(entries=entry() * 3)).entry_count() == 3
