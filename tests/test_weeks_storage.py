"""Plan files of version 2 (rules and their templates) and the user's templates file."""

from __future__ import annotations

import json
import os
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.core.edits import AddFood
from planner.core.plan import Entry, Plan
from planner.core.rotations import AddRule, every_week, in_turn, set_rule_enabled, weeks_in_turn
from planner.core.templates import make_template
from planner.errors import PlanFileError
from planner.storage.planfile import VERSION, dumps, load_plan, loads, save_plan
from planner.storage.templates import (
    DamagedTemplatesFile,
    TemplateLibrary,
    TemplatesError,
    export_templates,
    load_or_set_aside,
    read_templates,
    templates_path,
)

MONDAY = date(2026, 11, 30)
WHEN = datetime(2026, 11, 30, 9, 15, 2, tzinfo=UTC)


def template(name: str, kind: str = "meal", meal: str = "dinner", food: str = "pizza"):
    offset = 3 if kind == "week" else 0
    return make_template(name, kind, {(offset, meal): [Entry(food, 1.5)]}, created=WHEN)


def plan_with_rules() -> Plan:
    plan = Plan(MONDAY, 2)
    AddFood(0, "breakfast", "kefir", 1.5).apply(plan)
    pizza = template("Pizza night")
    a, b = template("Oats", meal="breakfast", food="oats"), template("Eggs", meal="breakfast")
    AddRule(every_week(pizza, 4, "dinner")).apply(plan)
    AddRule(in_turn([a, b, a], "breakfast", anchor=MONDAY, by="day", weekdays={0, 2})).apply(plan)
    rule = weeks_in_turn([template("A", "week"), template("B", "week")], anchor=MONDAY)
    AddRule(rule).apply(plan)
    set_rule_enabled(plan, rule.id, False).apply(plan)
    return plan


# -- plan files ---------------------------------------------------------------------------------
def test_a_plan_with_rules_and_templates_round_trips_exactly(tmp_path: Path):
    plan = plan_with_rules()
    path = tmp_path / "week.gutplan"
    save_plan(plan, path)
    again = load_plan(path)
    assert again == plan and again.rules == plan.rules and again.id == plan.id
    assert dumps(again) == path.read_bytes()  # byte for byte
    document = json.loads(path.read_bytes())
    assert document["version"] == VERSION == 3
    # A template two rules (or one rule twice) use is written once.
    assert [t["name"] for t in document["templates"]] == ["Pizza night", "Oats", "Eggs", "A", "B"]
    assert document["rules"][1]["templates"] == [document["templates"][i]["id"] for i in (1, 2, 1)]


def doc_with(**overrides) -> bytes:
    document = json.loads(dumps(plan_with_rules()))
    for key, value in overrides.items():
        document[key] = value(document) if callable(value) else value
    return json.dumps(document).encode()


def _set(path: list, value):
    def change(document):
        item = document
        for key in path[:-1]:
            item = item[key]
        item[path[-1]] = value
        return document[path[0]]

    return change


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"id": None}, "the plan: the id is missing"),
        ({"rules": {}}, "must be lists"),
        ({"rules": _set(["rules", 0, "templates"], ["nope"])}, "rule 1: template 'nope' is not"),
        ({"rules": _set(["rules", 0, "weekdays"], [9])}, "rule 1: A rule fills at least one"),
        ({"rules": _set(["rules", 0, "anchor"], "monday")}, "rule 1: its anchor is not a date"),
        ({"rules": _set(["rules", 0, "enabled"], 1)}, "enabled must be true or false"),
        ({"rules": _set(["rules", 0, "step"], "month")}, "not how a rule turns"),
        ({"rules": _set(["rules", 1, "id"], "x" * 65)}, "rule 2: the id is missing"),
        ({"templates": _set(["templates", 0, "kind"], "year")}, "template 1: 'year' is not a"),
        ({"templates": _set(["templates", 1, "created"], "today")}, "template 2: created is not"),
        ({"templates": _set(["templates", 0, "cells"], [])}, "template 1: A template needs"),
        (
            {"templates": _set(["templates", 0, "cells", 0, "amount"], 40)},
            "template 1: Servings can be at most 20",
        ),
        ({"templates": _set(["templates", 2, "id"], "ignored")}, "rule 2: template"),
    ],
)
def test_damaged_rules_and_templates_name_their_problem(change, message):
    with pytest.raises(PlanFileError) as info:
        loads(doc_with(**change), "week.gutplan")
    assert str(info.value).startswith("week.gutplan: ") and message in str(info.value)


def test_a_rule_that_names_a_template_id_twice_in_the_file_is_refused():
    document = json.loads(doc_with())
    document["templates"].append(document["templates"][0])
    with pytest.raises(PlanFileError, match="appears twice"):
        loads(json.dumps(document).encode(), "week.gutplan")


def test_a_new_plan_gets_its_own_id_and_keeps_it_through_a_save():
    first, second = Plan(MONDAY), Plan(MONDAY)
    assert first.id != second.id and len(first.id) == 32
    assert loads(dumps(first)).id == first.id


def test_an_old_plan_gets_the_same_id_at_every_load(tmp_path: Path):
    old = tmp_path / "old.gutplan"
    old.write_text(
        json.dumps({"format": "gutskin-plan", "version": 1, "start": "2026-11-30", "entries": []})
    )
    first, second = load_plan(old), load_plan(old)
    assert first.id == second.id and first.rules == ()
    other = json.loads(old.read_text()) | {"start": "2026-12-07"}
    assert loads(json.dumps(other).encode()).id != first.id


# -- the templates file -------------------------------------------------------------------------
@pytest.fixture
def library_path(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setenv("GUTSKIN_DATA_DIR", str(tmp_path / "data"))
    return templates_path()


def test_templates_are_kept_across_loads(library_path: Path):
    library = TemplateLibrary.load(library_path)
    assert len(library) == 0
    pizza = library.add(template("Pizza night"))
    second = library.add(template("Pizza night", food="calzone"))
    assert second.name == "Pizza night (2)"
    again = TemplateLibrary.load(library_path)
    assert list(again) == [pizza, second]
    renamed = again.rename(pizza.id, "Friday pizza")
    assert renamed.modified >= renamed.created
    assert TemplateLibrary.load(library_path).get(pizza.id).name == "Friday pizza"
    again.remove(second.id)
    assert [t.name for t in TemplateLibrary.load(library_path)] == ["Friday pizza"]


def test_a_save_that_fails_changes_nothing(library_path: Path, monkeypatch):
    library = TemplateLibrary.load(library_path)
    library.add(template("Kept"))
    before = library_path.read_bytes()

    def no_space(fd, *args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)
    with pytest.raises(TemplatesError, match="disk is full"):
        library.add(template("Lost"))
    monkeypatch.undo()
    assert [t.name for t in library] == ["Kept"]
    assert library_path.read_bytes() == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{not json", "not valid JSON"),
        (b'{"format": "gutskin-foods", "version": 1}', "not a file of templates"),
        (b'{"format": "gutskin-templates", "version": 1}', "no list of templates"),
        (b'{"format": "gutskin-templates", "version": 1, "templates": [7]}', "not an object"),
    ],
)
def test_a_damaged_templates_file_is_moved_aside_with_a_message(library_path, content, message):
    library_path.parent.mkdir(parents=True)
    library_path.write_bytes(content)
    with pytest.raises(DamagedTemplatesFile, match=message):
        TemplateLibrary.load(library_path)
    library, note = load_or_set_aside(library_path)
    assert len(library) == 0 and message in note and "was kept as" in note
    kept = [p for p in library_path.parent.iterdir() if ".damaged-" in p.name]
    assert len(kept) == 1 and kept[0].read_bytes() == content
    library.add(template("Fresh"))  # saving starts a new file
    assert [t.name for t in TemplateLibrary.load(library_path)] == ["Fresh"]


def test_a_newer_templates_file_is_left_alone(library_path: Path):
    library_path.parent.mkdir(parents=True)
    content = b'{"format": "gutskin-templates", "version": 9, "templates": []}'
    library_path.write_bytes(content)
    with pytest.raises(TemplatesError, match="newer version"):
        load_or_set_aside(library_path)
    assert library_path.read_bytes() == content


def test_a_templates_file_too_large_is_refused(library_path: Path, monkeypatch):
    monkeypatch.setattr("planner.storage.templates.MAX_FILE_BYTES", 100)
    library_path.parent.mkdir(parents=True)
    library_path.write_text(" " * 200)
    with pytest.raises(TemplatesError, match="too large"):
        TemplateLibrary.load(library_path)


def test_export_and_import(library_path: Path, tmp_path: Path):
    library = TemplateLibrary.load(library_path)
    mine = library.add_many([template("Pizza night"), template("Week A", "week")])
    exported = tmp_path / "shared.gutskin-templates.json"
    export_templates(mine, exported)
    assert read_templates(exported) == mine
    assert library.import_file(exported) == []  # already kept, unchanged
    friend = TemplateLibrary(tmp_path / "friend.json")
    assert friend.import_file(exported) == mine
    changed = friend.rename(mine[0].id, "Pizza")
    export_templates([changed], exported)
    added = library.import_file(exported)
    assert len(added) == 1 and added[0].id != mine[0].id and added[0].name == "Pizza"
    exported.write_text("[]")
    with pytest.raises(TemplatesError, match="not a file of templates"):
        library.import_file(exported)
    assert len(TemplateLibrary.load(library_path)) == 3


FOODS = st.sampled_from(["kefir", "oats", "my:pizza", "sr:09040", "crème fraîche"])
MEAL_TEMPLATES = st.builds(
    lambda name, meal, foods: make_template(
        name, "meal", {(0, meal): [Entry(f, s) for f, s in foods]}, created=WHEN
    ),
    st.text(st.characters(codec="utf-8", categories=["L", "N", "Zs"]), min_size=1, max_size=30)
    .filter(str.strip),
    st.sampled_from(["breakfast", "lunch", "dinner", "snacks"]),
    st.lists(
        st.tuples(FOODS, st.floats(0.25, 20, allow_nan=False)), min_size=1, max_size=4,
        unique_by=lambda pair: pair[0],
    ),
)  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(
    rules=st.lists(
        st.tuples(
            st.lists(MEAL_TEMPLATES, min_size=1, max_size=3),
            st.sampled_from(["breakfast", "lunch", "dinner", "snacks"]),
            st.frozensets(st.integers(0, 6), min_size=1),
            st.sampled_from(["day", "week"]),
            st.booleans(),
        ),
        max_size=4,
    )
)
def test_any_rules_round_trip_through_a_plan_file(rules):
    plan = Plan(MONDAY, 2)
    for templates, meal, weekdays, step, enabled in rules:
        rule = in_turn(templates, meal, anchor=MONDAY, by=step, weekdays=weekdays)
        AddRule(rule).apply(plan)
        if not enabled:
            set_rule_enabled(plan, rule.id, False).apply(plan)
    again = loads(dumps(plan))
    assert again == plan and again.rules == plan.rules and dumps(again) == dumps(plan)
