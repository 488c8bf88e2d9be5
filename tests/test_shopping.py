"""The shopping list: amounts people buy, added up per food and grouped by aisle."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.core.foods import AISLE_LABELS, Catalog, Food
from planner.core.plan import Entry, Plan
from planner.core.shopping import (
    format_grams,
    format_number,
    parse_serving,
    quantity_text,
    shopping_list,
    sort_key,
)
from planner.storage.userfoods import make_food


@pytest.mark.parametrize(
    ("label", "grams", "servings", "expected"),
    [
        ("1 cup", 243, 3, "3 cups (729 g)"),
        ("1 medium", 118, 4, "4 medium (472 g)"),
        ("2 tbsp", 30, 1.5, "3 tbsp (45 g)"),
        ("1 cup cooked", 198, 2, "2 cups cooked (396 g)"),
        ("1 cup", 100, 1.5, "1.5 cups (150 g)"),
        ("1 cup", 100, 1, "1 cup (100 g)"),
        ("0.5 cup", 100, 1, "0.5 cup (100 g)"),
        ("1/2 cup", 60, 3, "1.5 cups (180 g)"),
        ("½ cup", 60, 3, "1.5 cups (180 g)"),
        ("1 1/2 cups", 90, 2, "3 cups (180 g)"),
        ("2 slices", 60, 0.5, "1 slice (30 g)"),
        ("1 cup, chopped", 100, 2.5, "2.5 cups, chopped (250 g)"),
        ("1 large egg", 50, 3, "3 large eggs (150 g)"),
        ("1 medium (7 in long)", 118, 2, "2 medium (7 in long) (236 g)"),
        ("1 NLEA serving", 50, 2, "2 NLEA servings (100 g)"),
        ("1 patty", 90, 2, "2 patties (180 g)"),
        ("2 cookies", 30, 0.5, "1 cookie (15 g)"),
        ("1 pie crust (average weight)", 150, 2, "2 pie crusts (average weight) (300 g)"),
        ("1 rib without refuse", 100, 2, "2 ribs without refuse (200 g)"),
        ("1 cup spaghetti not packed", 140, 2, "2 cups spaghetti not packed (280 g)"),
        ("0.67 Cup (1 NLEA serving)", 30, 3, "2.01 Cups (1 NLEA serving) (90 g)"),
        ("1 can (12 fl oz)", 356, 3, "3 cans (12 fl oz) (1.07 kg)"),
        ("1 oz grilled patties", 28, 2, "2 oz grilled patties (56 g)"),
        ("1 pinch", 0.2, 2, "2 pinches (<1 g)"),
        ("1 leaf", 5, 6, "6 leaves (30 g)"),
        ("1 glass", 200, 2, "2 glasses (400 g)"),
        ("1 fl oz", 30, 3, "3 fl oz (90 g)"),
        ("a handful", 30, 3, "3 handfuls (90 g)"),
        ("serving", 100, 1.25, "1.25 servings (125 g)"),
        ("", 100, 2, "2 servings (200 g)"),
        ("2-3 pieces", 50, 2, "2 × 2-3 pieces (100 g)"),
        ("100 g", 100, 3, "300 g"),
        ("100g", 100, 12, "1.2 kg"),
        ("1 tsp", 2.5, 1 / 3, "0.33 tsp (1 g)"),
    ],
)
def test_quantity_text(label: str, grams: float, servings: float, expected: str) -> None:
    assert quantity_text(label, grams, servings) == expected


def test_quantity_without_grams_is_what_the_grid_shows() -> None:
    assert quantity_text("1 cup", 243, 2, with_grams=False) == "2 cups"
    assert quantity_text("100 g", 100, 2, with_grams=False) == "200 g"


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("1 cup", (1.0, "cup")),
        ("  .5  cup ", (0.5, "cup")),
        ("1-1/2 cup", (1.5, "cup")),
        ("1½ cups", (1.5, "cups")),
        ("an apple", (1.0, "apple")),
        ("2-3 pieces", (None, "2-3 pieces")),
        ("0 cup", (None, "0 cup")),
        ("1/0 cup", (None, "1/0 cup")),
        ("(about 30 g)", (None, "(about 30 g)")),
    ],
)
def test_parse_serving(label: str, expected: tuple[float | None, str]) -> None:
    assert parse_serving(label) == expected


def test_numbers_and_weights() -> None:
    assert [format_number(x) for x in (3, 1.5, 0.75, 2 / 3, 1.004, 10)] == [
        "3",
        "1.5",
        "0.75",
        "0.67",
        "1",
        "10",
    ]
    assert [format_grams(g) for g in (729, 0.2, 999.4, 999.6, 1250)] == [
        "729 g",
        "<1 g",
        "999 g",
        "1 kg",
        "1.25 kg",
    ]


@given(
    label=st.text(max_size=40),
    grams=st.floats(min_value=0.01, max_value=5000),
    servings=st.floats(min_value=0.05, max_value=20 * 7 * 4),
)
def test_any_label_gives_a_quantity(label: str, grams: float, servings: float) -> None:
    text = quantity_text(label, grams, servings)
    assert text.strip()
    assert "nan" not in text and "inf" not in text.replace("info", "")


def week_catalog() -> Catalog:
    def food(name: str, label: str, grams: float, aisle: str) -> Food:
        food_id = "my:" + sort_key(name).replace(" ", "-")
        return make_food(name, serving_label=label, grams=grams, aisle=aisle, food_id=food_id)

    return Catalog(
        [
            food("Kefir", "1 cup", 243, "fermented"),
            food("Bananas", "1 medium", 118, "produce"),
            food("Lentils", "1 cup cooked", 198, "pantry"),
            food("Olive oil", "1 tbsp", 13.5, "pantry"),
            food("Apples", "1 medium", 182, "produce"),
            food("Crème fraîche", "2 tbsp", 30, "dairy"),
            food("Creamer", "1 tbsp", 15, "dairy"),
            food("Oats", "0.5 cup dry", 40, "grains"),
        ]
    )


def week_plan() -> Plan:
    cells = {
        (0, "breakfast"): [Entry("my:kefir"), Entry("my:bananas"), Entry("my:oats", 2)],
        (1, "breakfast"): [Entry("my:kefir"), Entry("my:bananas")],
        (2, "breakfast"): [Entry("my:kefir", 0.5), Entry("my:bananas", 2)],
        (2, "snacks"): [Entry("my:kefir", 0.5), Entry("my:apples", 1.5)],
        (3, "dinner"): [Entry("my:lentils"), Entry("my:olive-oil", 0.5), Entry("my:creme-fraiche")],
        (5, "dinner"): [Entry("my:lentils"), Entry("my:olive-oil"), Entry("my:creamer", 2)],
        (6, "lunch"): [Entry("ghost", 2)],
    }
    entries = [(day, meal, entry) for (day, meal), foods in cells.items() for entry in foods]
    return Plan.from_entries(date(2026, 11, 30), 1, entries)


def test_a_week_worked_out_by_hand() -> None:
    result = shopping_list(week_plan(), week_catalog())
    got = [
        (group.label, [(line.name, line.quantity) for line in group.lines])
        for group in result.groups
    ]
    assert got == [
        (
            AISLE_LABELS["produce"],
            [("Apples", "1.5 medium (273 g)"), ("Bananas", "4 medium (472 g)")],
        ),
        (AISLE_LABELS["fermented"], [("Kefir", "3 cups (729 g)")]),
        (
            AISLE_LABELS["dairy"],
            [("Creamer", "2 tbsp (30 g)"), ("Crème fraîche", "2 tbsp (30 g)")],
        ),
        (AISLE_LABELS["grains"], [("Oats", "1 cup dry (80 g)")]),
        (
            AISLE_LABELS["pantry"],
            [("Lentils", "2 cups cooked (396 g)"), ("Olive oil", "1.5 tbsp (20 g)")],
        ),
    ]
    assert result.unknown == (("ghost", 2.0),)
    assert result.have == ()


def test_foods_already_at_home_are_listed_apart() -> None:
    result = shopping_list(week_plan(), week_catalog(), have={"my:kefir", "my:oats", "nope"})
    names = [line.name for line in result.lines]
    assert "Kefir" not in names and "Oats" not in names
    assert [(g.aisle, [ln.name for ln in g.lines]) for g in result.have] == [
        ("fermented", ["Kefir"]),
        ("grains", ["Oats"]),
    ]


def test_days_limit_the_list_and_an_empty_plan_has_nothing() -> None:
    result = shopping_list(week_plan(), week_catalog(), days=[0])
    assert [(ln.name, ln.quantity) for ln in result.lines] == [
        ("Bananas", "1 medium (118 g)"),
        ("Kefir", "1 cup (243 g)"),
        ("Oats", "1 cup dry (80 g)"),
    ]
    assert shopping_list(Plan(date(2026, 11, 30)), week_catalog()).is_empty


@given(st.lists(st.integers(min_value=-3, max_value=10), max_size=12))
def test_any_days_give_the_same_list_as_filtering_every_entry(days: list[int]) -> None:
    plan, catalog = week_plan(), week_catalog()
    wanted = set(days)
    totals: dict[str, float] = {}
    for day, _meal, _index, entry in plan.entries():
        if day in wanted:
            totals[entry.food_id] = totals.get(entry.food_id, 0.0) + entry.amount
    result = shopping_list(plan, catalog, days=days)
    listed = {line.food_id: line.servings for line in result.lines}
    assert listed | dict(result.unknown) == totals


def test_sorting_ignores_case_and_accents() -> None:
    names = ["crème fraîche", "Cream", "creme brulee", "Apple", "éclair"]
    assert sorted(names, key=sort_key) == [
        "Apple",
        "Cream",
        "creme brulee",
        "crème fraîche",
        "éclair",
    ]
