"""Amounts in plan entries: the entry and its checks, the food resolver, the edits, the drag
payload, plan files of every version and CSV with amount and unit."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from planner.core.amounts import FoodResolver, servings_of, units_of
from planner.core.carried import Carried, CarriedFood, decode_payload, encode_payload
from planner.core.drop import drop_edit
from planner.core.edits import AddFood, SetAmount
from planner.core.plan import (
    GRAMS_PER_OUNCE,
    RECIPE_PREFIX,
    Entry,
    Plan,
    check_amount,
    check_entry,
)
from planner.core.shopping import shopping_list
from planner.errors import PlanError, PlanFileError
from planner.scoring.evaluator import Evaluator
from planner.storage.csvio import export_csv_text, import_csv_text
from planner.storage.planfile import VERSION, dumps, load_plan, loads

MONDAY = date(2026, 11, 30)
DATA = Path(__file__).parent / "data" / "migrations"


# -- the entry ------------------------------------------------------------------------------
def test_an_entry_without_a_unit_is_servings_and_a_recipe_is_known_by_its_prefix():
    assert Entry("kefir", 1.5) == Entry("kefir", 1.5, "serving")
    soup = Entry(RECIPE_PREFIX + "lentil-soup", 2, "portion")
    assert soup.is_recipe and soup.recipe_id == "lentil-soup"
    assert not Entry("kefir").is_recipe and Entry("kefir").recipe_id is None


@pytest.mark.parametrize(
    ("amount", "unit", "message"),
    [
        (21, "serving", "Servings can be at most 20"),
        (21, "portion", "Portions can be at most 20"),
        (5001, "g", "Grams can be at most 5000"),
        (177, "oz", "Ounces can be at most 176.4"),
        (51, "clove", "The amount in clove can be at most 50"),
        (0, "g", "Grams must be more than 0"),
        (float("inf"), "g", "Grams must be more than 0"),
        (True, "g", "Grams must be a number"),
        (1, "", "is not a unit"),
        (1, "x" * 61, "at most 60 characters"),
        (1, "cup\n", "control characters"),
    ],
)
def test_amounts_are_bounded_per_unit(amount, unit, message):
    with pytest.raises(PlanError, match=message):
        check_amount(amount, unit)


def test_the_bounds_themselves_are_allowed():
    assert check_amount(20, "serving") == 20.0
    assert check_amount(5000, "g") == 5000.0
    assert check_amount(5000 / GRAMS_PER_OUNCE, "oz") == pytest.approx(176.37, abs=0.01)
    assert check_amount(50, "tbsp") == 50.0


def test_recipes_are_planned_in_portions_and_foods_never_are():
    with pytest.raises(PlanError, match="A recipe is planned in portions"):
        check_entry(Entry("recipe:soup", 1, "serving"))
    with pytest.raises(PlanError, match="Only a recipe is planned in portions"):
        check_entry(Entry("kefir", 1, "portion"))
    assert check_entry(Entry("kefir", 2, "g")) == Entry("kefir", 2.0, "g")


# -- the resolver ---------------------------------------------------------------------------
def test_grams_ounces_and_measures_become_servings(catalog):
    resolver = FoodResolver(catalog)
    garlic = catalog["garlic"]  # 1 clove, 3 g (SR28 11215)
    assert resolver.parts(Entry("garlic", 2, "clove")) == (("garlic", 2.0, False),)
    assert resolver.grams(Entry("garlic", 2, "clove")) == pytest.approx(6.0)
    assert resolver.parts(Entry("garlic", 9, "g"))[0][1] == pytest.approx(9 / garlic.grams)
    assert resolver.grams(Entry("garlic", 1, "oz")) == pytest.approx(GRAMS_PER_OUNCE)
    # SR28's "1 tsp" of garlic weighs 2.8 g.
    assert resolver.grams(Entry("garlic", 1, "tsp")) == pytest.approx(2.8)
    assert servings_of(garlic, 1.5, "serving") == 1.5


def test_an_unknown_food_unit_or_recipe_has_no_parts(catalog):
    resolver = FoodResolver(catalog)
    for entry in (
        Entry("no-such-food"),
        Entry("garlic", 1, "bushel"),
        Entry("recipe:soup", 1, "portion"),
    ):
        assert resolver.parts(entry) == ()
        assert resolver.grams(entry) is None


def test_the_units_of_a_food_start_with_its_serving_and_name_each_unit_once(catalog):
    units = units_of(catalog["garlic"])
    names = [u.unit for u in units]
    assert names[:3] == ["serving", "g", "oz"]
    assert "clove" in names and "cloves" not in names  # SR28 has "1 clove" and "3 cloves"
    assert len(names) == len(set(names))


def test_an_amount_in_grams_scores_as_the_same_weight_in_servings(tiny_catalog):
    evaluator = Evaluator(tiny_catalog)
    by_weight, by_serving = Plan(MONDAY), Plan(MONDAY)
    AddFood(0, "breakfast", "lentils", 150, "g").apply(by_weight)  # tiny foods: 100 g
    AddFood(0, "breakfast", "lentils", 1.5).apply(by_serving)
    assert evaluator.score_days(by_weight, [0]) == evaluator.score_days(by_serving, [0])
    whole = evaluator.evaluate(by_weight).days[0]
    assert whole == evaluator.score_days(by_weight, [0])[0]  # pandas and numpy agree


def test_a_unit_the_food_has_no_weight_for_is_reported_not_scored(tiny_catalog):
    plan = Plan(MONDAY)
    AddFood(0, "lunch", "kefir", 2, "cup").apply(plan)  # a tiny food has no measures
    day = Evaluator(tiny_catalog).score_days(plan, [0])[0]
    assert day.unknown_foods == ("kefir",) and not day.planned
    assert shopping_list(plan, tiny_catalog).unknown == (("kefir", 0.0),)


# -- edits ----------------------------------------------------------------------------------
def test_set_amount_keeps_the_unit_unless_given_and_undoes_both():
    plan = Plan(MONDAY)
    AddFood(0, "lunch", "oats", 60, "g").apply(plan)
    undo = SetAmount(0, "lunch", 0, 80).apply(plan)
    assert plan.cell(0, "lunch") == (Entry("oats", 80.0, "g"),)
    undo.apply(plan)
    assert plan.cell(0, "lunch") == (Entry("oats", 60.0, "g"),)
    undo = SetAmount(0, "lunch", 0, 1, "serving").apply(plan)
    assert plan.cell(0, "lunch") == (Entry("oats", 1.0, "serving"),)
    undo.apply(plan)
    assert plan.cell(0, "lunch") == (Entry("oats", 60.0, "g"),)


def test_add_food_merges_only_the_same_unit():
    plan = Plan(MONDAY)
    AddFood(0, "lunch", "oats", 60, "g").apply(plan)
    AddFood(0, "lunch", "oats", 40, "g").apply(plan)
    AddFood(0, "lunch", "oats", 1).apply(plan)
    assert plan.cell(0, "lunch") == (Entry("oats", 100.0, "g"), Entry("oats", 1.0))
    with pytest.raises(PlanError, match="Grams can be at most 5000"):
        AddFood(0, "lunch", "oats", 4950, "g").apply(plan)
    assert plan.cell(0, "lunch")[0].amount == 100.0


def test_a_recipe_is_added_in_portions_by_default():
    plan = Plan(MONDAY)
    AddFood(0, "dinner", "recipe:soup").apply(plan)
    AddFood(0, "dinner", "recipe:soup", 1.5).apply(plan)
    assert plan.cell(0, "dinner") == (Entry("recipe:soup", 2.5, "portion"),)


# -- the drag payload -----------------------------------------------------------------------
def test_the_payload_carries_amount_and_unit_and_reads_the_old_servings():
    carried = Carried("doc", (CarriedFood("oats", 60, "g", (0, "lunch", 0)),))
    assert decode_payload(encode_payload(carried)) == Carried(
        "doc", (CarriedFood("oats", 60.0, "g", (0, "lunch", 0)),)
    )
    old = json.dumps({"v": 1, "doc": None, "items": [{"food": "kefir", "servings": 2}]})
    assert decode_payload(old.encode()) == Carried(None, (CarriedFood("kefir", 2.0),))


@pytest.mark.parametrize(
    "item",
    [
        {"food": "oats", "amount": 6000, "unit": "g"},
        {"food": "oats", "amount": 1, "unit": 7},
        {"food": "oats", "amount": 1, "unit": "portion"},
        {"food": "recipe:soup", "amount": 1, "unit": "g"},
    ],
)
def test_a_payload_with_an_amount_no_plan_holds_is_refused(item):
    raw = json.dumps({"v": 2, "doc": None, "items": [item]}).encode()
    assert decode_payload(raw) is None


def test_a_dropped_recipe_lands_in_portions():
    plan = Plan(MONDAY)
    carried = Carried(None, (CarriedFood("recipe:soup", 2, "portion"),))
    edit = drop_edit(plan, {"recipe:soup"}, carried, False, "doc", 1, "dinner")
    assert edit is not None
    edit.apply(plan)
    assert plan.cell(1, "dinner") == (Entry("recipe:soup", 2.0, "portion"),)


# -- plan files -----------------------------------------------------------------------------
def expected_plan() -> Plan:
    """The plan every fixture in tests/data/migrations holds, written out by hand."""
    entries = [
        (0, "breakfast", Entry("kefir", 1.0)),
        (0, "breakfast", Entry("oats", 1.5)),
        (0, "snacks", Entry("apple", 1.0)),
        (2, "lunch", Entry("kimchi", 1.0)),
        (2, "dinner", Entry("lentils", 2.0)),
        (2, "dinner", Entry("garlic", 1.0)),
        (6, "snacks", Entry("sr:09040", 1.0)),
    ]
    return Plan.from_entries(MONDAY, 1, entries)


@pytest.mark.parametrize("version", range(VERSION + 1))
def test_a_file_of_every_version_loads_as_the_same_plan_in_servings(version):
    plan = load_plan(DATA / f"plan-v{version}.gutplan")
    assert plan == expected_plan()
    assert all(entry.unit == "serving" for *_, entry in plan.entries())


def test_a_plan_with_recipes_and_units_round_trips_exactly(catalog):
    plan = Plan(MONDAY, 2)
    AddFood(0, "breakfast", "oats", 60, "g").apply(plan)
    AddFood(0, "breakfast", "garlic", 2, "clove").apply(plan)
    AddFood(3, "dinner", "recipe:lentil-soup", 1.5).apply(plan)
    AddFood(9, "snacks", "kefir", 8, "oz").apply(plan)
    data = dumps(plan, FoodResolver(catalog))
    again = loads(data)
    assert again == plan and again.id == plan.id
    assert dumps(again, FoodResolver(catalog)) == data  # byte for byte
    written = {e["food"]: e for e in json.loads(data)["entries"]}
    assert written["garlic"] == {
        "day": 0,
        "meal": "breakfast",
        "food": "garlic",
        "amount": 2.0,
        "unit": "clove",
        "grams": 6.0,
    }
    assert "grams" not in written["recipe:lentil-soup"]  # the food resolver has no recipes


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"amount": 1}, "entry 1: the unit is missing"),
        ({"amount": 1, "unit": 3}, "entry 1: the unit is missing"),
        ({"amount": 6000, "unit": "g"}, "entry 1: Grams can be at most 5000"),
        ({"amount": 1, "unit": "portion"}, "entry 1: Only a recipe is planned in portions"),
        ({"servings": 1, "unit": "serving"}, "entry 1: Servings must be a number"),
    ],
)
def test_a_version_3_entry_needs_amount_and_unit(entry, message):
    document = {
        "format": "gutskin-plan",
        "version": 3,
        "start": "2026-11-30",
        "id": "x",
        "entries": [{"day": 0, "meal": "lunch", "food": "kefir", **entry}],
    }
    with pytest.raises(PlanFileError, match=message):
        loads(json.dumps(document).encode(), "week.gutplan")


# -- CSV ------------------------------------------------------------------------------------
def test_csv_carries_amount_and_unit_and_reads_old_servings(tiny_catalog):
    plan = Plan(MONDAY)
    AddFood(0, "breakfast", "oats", 60, "g").apply(plan)
    AddFood(1, "dinner", "recipe:soup", 2).apply(plan)
    text = export_csv_text(plan, tiny_catalog)
    assert text.splitlines()[0] == "day,date,meal,food,name,amount,unit"
    assert text.splitlines()[1].endswith(",oats,Oats,60,g")
    assert import_csv_text(text, tiny_catalog, start=MONDAY) == plan
    old = "day,meal,food,servings\n1,Breakfast,oats,1.5\n"
    assert import_csv_text(old, tiny_catalog, start=MONDAY).cell(0, "breakfast") == (
        Entry("oats", 1.5),
    )
    no_unit = "day,meal,food,amount\n1,Lunch,oats,2\n2,Lunch,recipe:soup,1\n"
    imported = import_csv_text(no_unit, tiny_catalog, start=MONDAY)
    assert imported.cell(0, "lunch") == (Entry("oats", 2.0),)
    assert imported.cell(1, "lunch") == (Entry("recipe:soup", 1.0, "portion"),)


def test_a_csv_amount_past_its_unit_names_the_line(tiny_catalog):
    text = "day,meal,food,amount,unit\n1,Lunch,oats,6000,g\n1,Lunch,oats,-1,serving\n"
    with pytest.raises(Exception) as info:
        import_csv_text(text, tiny_catalog, start=MONDAY)
    assert "line 2: Grams can be at most 5000" in str(info.value)
    assert "line 3: Servings must be more than 0" in str(info.value)


# -- templates, rotations and week copies ---------------------------------------------------
def test_templates_keep_amounts_units_and_recipes_through_their_files(tmp_path):
    from planner.core.edits import copy_week
    from planner.core.templates import apply_template, template_from_meal
    from planner.storage.templates import (
        VERSION as TEMPLATES_VERSION,
    )
    from planner.storage.templates import (
        export_templates,
        read_templates,
    )

    plan = Plan(MONDAY)
    AddFood(0, "dinner", "recipe:soup", 1.5).apply(plan)
    AddFood(0, "dinner", "garlic", 2, "clove").apply(plan)
    AddFood(0, "dinner", "oats", 60, "g").apply(plan)
    template = template_from_meal(plan, 0, "dinner", "Soup night")
    path = tmp_path / "mine.gutskin-templates.json"
    export_templates([template], path)
    document = json.loads(path.read_text("utf-8"))
    assert document["version"] == TEMPLATES_VERSION == 2
    assert document["templates"][0]["cells"][1] == {
        "day": 0, "meal": "dinner", "food": "garlic", "amount": 2.0, "unit": "clove",
    }  # fmt: skip
    (again,) = read_templates(path)
    assert again == template
    apply_template(plan, again, 3, "lunch").apply(plan)
    assert plan.cell(3, "lunch") == plan.cell(0, "dinner")
    # adding it again adds to the same food in the same unit
    apply_template(plan, again, 3, "lunch", add=True).apply(plan)
    assert plan.cell(3, "lunch") == (
        Entry("recipe:soup", 3.0, "portion"),
        Entry("garlic", 4.0, "clove"),
        Entry("oats", 120.0, "g"),
    )
    copy_week(plan, 0, 1).apply(plan)  # a copied week keeps amounts and units
    assert plan.cell(10, "lunch") == plan.cell(3, "lunch")


def test_a_version_1_templates_file_with_servings_still_reads(tmp_path):
    from planner.storage.templates import read_templates

    path = tmp_path / "old.gutskin-templates.json"
    old = {
        "format": "gutskin-templates",
        "version": 1,
        "templates": [
            {
                "id": "3f2a",
                "name": "Pizza night",
                "kind": "meal",
                "created": "2026-11-30T09:00:00+00:00",
                "modified": "2026-11-30T09:00:00+00:00",
                "cells": [{"day": 0, "meal": "dinner", "food": "pizza", "servings": 1.5}],
            }
        ],
    }
    path.write_text(json.dumps(old), "utf-8")
    (template,) = read_templates(path)
    assert template.cell(0, "dinner") == (Entry("pizza", 1.5),)


@pytest.mark.parametrize("unit", [[], {}, ["g"], None, 3])
def test_a_unit_of_another_type_is_refused_with_a_message(unit):
    with pytest.raises(PlanError, match="is not a unit"):
        check_amount(1, unit)
    raw = json.dumps({"v": 2, "doc": None, "items": [{"food": "oats", "unit": unit}]})
    assert decode_payload(raw.encode()) is None
