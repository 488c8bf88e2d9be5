from __future__ import annotations

import contextlib
import json
import os
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.core.edits import AddFood
from planner.core.plan import MEALS, Plan
from planner.errors import PlanFileError
from planner.storage.planfile import dumps, load_plan, loads, save_plan


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
        (doc(version=3), "newer version"),
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
    plan = Plan(start, weeks)
    for day, meal, food, servings in items:
        if day < plan.day_count:
            plan._insert(day, meal, len(plan.cell(day, meal)), plan_entry(food, servings))
    assert loads(dumps(plan)) == plan


def plan_entry(food, servings):
    from planner.core.plan import Entry

    return Entry(food, servings)


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
