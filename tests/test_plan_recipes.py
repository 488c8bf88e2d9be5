"""Recipes in a plan: the resolver that expands them, scores through the real evaluator
(by hand-worked property and the heated mark), files that hold them, the shopping list."""

from __future__ import annotations

import io
import json
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.core.amounts import FoodResolver
from planner.core.edits import AddFood
from planner.core.plan import Entry, Plan
from planner.core.shopping import format_grams, shopping_list
from planner.recipes.book import RecipeBook
from planner.recipes.model import Ingredient, Recipe
from planner.recipes.resolve import PlanResolver, heated_expansion
from planner.scoring.evaluator import Evaluator
from planner.storage.planfile import dumps, loads
from tests.support.recipegen import eaten_by_hand, ingredients, nested_dish

START = date(2026, 11, 30)


def rec(recipe_id: str, *items: Ingredient, portions: float = 2.0) -> Recipe:
    return Recipe(recipe_id, recipe_id.replace("-", " ").title(), portions, tuple(items))


def scored(catalog, book, entries) -> object:
    plan = Plan.from_entries(START, 1, [(0, "lunch", entry) for entry in entries])
    return Evaluator(catalog, resolver=PlanResolver(catalog, book)).evaluate(plan).days[0]


# -- the resolver ---------------------------------------------------------------------------
def test_a_portion_expands_into_servings_of_its_foods(catalog):
    soup = rec("soup", Ingredient("lentils", grams=400), Ingredient("garlic", grams=12))
    resolver = PlanResolver(catalog, RecipeBook(catalog, [soup]))
    parts = dict(((f, h), s) for f, s, h in resolver.parts(Entry("recipe:soup", 1.5, "portion")))
    # 1.5 of 2 portions: 300 g of lentils and 9 g of garlic (3 g a clove)
    assert parts[("garlic", False)] == pytest.approx(9 / catalog["garlic"].grams)
    assert parts[("lentils", False)] == pytest.approx(300 / catalog["lentils"].grams)
    assert resolver.grams(Entry("recipe:soup", 1.5, "portion")) == pytest.approx(309)
    assert resolver.parts(Entry("garlic", 2, "clove")) == (("garlic", 2.0, False),)


def test_unknown_recipes_and_recipes_of_unknown_foods_have_no_parts(catalog):
    odd = rec("odd", Ingredient("no-such-food", grams=10))
    resolver = PlanResolver(catalog, RecipeBook(catalog, [odd]))
    assert resolver.parts(Entry("recipe:odd", 1, "portion")) == ()
    assert resolver.parts(Entry("recipe:missing", 1, "portion")) == ()
    assert resolver.grams(Entry("recipe:missing", 1, "portion")) is None
    day = scored(catalog, RecipeBook(catalog, [odd]), [Entry("recipe:odd", 1, "portion")])
    assert day.unknown_foods == ("recipe:odd",) and not day.planned


def test_a_changed_recipe_is_expanded_again(catalog):
    book = RecipeBook(catalog, [rec("dish", Ingredient("oats", grams=100))])
    resolver = PlanResolver(catalog, book)
    entry = Entry("recipe:dish", 2, "portion")
    assert resolver.grams(entry) == pytest.approx(100)
    book.put(rec("dish", Ingredient("oats", grams=300)))
    assert resolver.grams(entry) == pytest.approx(300)
    # and a recipe used inside another: the outer one follows the inner one's change
    book.put(rec("base", Ingredient("garlic", grams=10), portions=1))
    book.put(rec("dish", Ingredient(recipe_id="base", grams=10)))
    assert dict((f, s) for f, s, _h in resolver.parts(entry)) == {"garlic": pytest.approx(10 / 3)}
    book.put(rec("base", Ingredient("onion", grams=10), portions=1))
    assert [f for f, _s, _h in resolver.parts(entry)] == ["onion"]
    # a recipe added after the plan named it, and one removed, are followed too
    later = Entry("recipe:later", 1, "portion")
    assert resolver.parts(later) == ()
    book.put(rec("later", Ingredient("oats", grams=100), portions=1))
    assert [f for f, _s, _h in resolver.parts(later)] == ["oats"]
    book.remove("later")
    assert resolver.parts(later) == ()


def test_suggestions_follow_a_recipe_changed_in_the_book(catalog):
    # Suggestions (and the day they start from) are kept by the day's content and the
    # resolver's revision: a recipe changed in the book must not give the old ones.
    book = RecipeBook(catalog, [rec("dish", Ingredient("oats", grams=100))])
    evaluator = Evaluator(catalog, resolver=PlanResolver(catalog, book))
    plan = Plan.from_entries(START, 1, [(0, "lunch", Entry("recipe:dish", 1, "portion"))])
    evaluator.score_days(plan, [0], tips=False)
    first = evaluator.suggest(plan, 0, top=5)
    book.put(rec("dish", Ingredient("kefir", grams=400), Ingredient("lentils", grams=300)))
    again = evaluator.suggest(plan, 0, top=5)
    fresh = Evaluator(catalog, resolver=PlanResolver(catalog, book)).suggest(plan, 0, top=5)
    assert again == fresh != first


def test_a_heated_recipe_heats_everything_inside_it(catalog):
    base = rec("base", Ingredient("kefir", grams=100), Ingredient("oats", grams=50), portions=1)
    dish = rec(
        "dish",
        Ingredient(recipe_id="base", grams=150, heated=True),
        Ingredient("miso", grams=17),  # stirred in after cooking
        portions=1,
    )
    found = heated_expansion(dish, 1, RecipeBook(catalog, [base, dish]))
    assert found == [("kefir", 100.0, True), ("oats", 50.0, True), ("miso", 17.0, False)]


# -- scores ---------------------------------------------------------------------------------
def test_heated_kefir_gives_no_live_culture_credit_and_cold_kefir_does(catalog):
    hot = rec("hot", Ingredient("oats", grams=234), Ingredient("kefir", grams=244, heated=True))
    cold = rec("cold", Ingredient("oats", grams=234), Ingredient("kefir", grams=244))
    book = RecipeBook(catalog, [hot, cold])
    heated = scored(catalog, book, [Entry("recipe:hot", 2, "portion")])
    stirred = scored(catalog, book, [Entry("recipe:cold", 2, "portion")])
    assert stirred.part("probiotic").points > 0
    assert heated.part("probiotic").points == 0
    assert heated.servings["probiotic"] == 0 < stirred.servings["probiotic"]
    assert heated.cultures == {"dead": ("Kefir, plain",)}
    # everything else about the kefir still counts
    assert heated.fiber_g == pytest.approx(stirred.fiber_g)
    assert heated.energy_kcal == pytest.approx(stirred.energy_kcal)
    # and a serving of kefir eaten as it is beside the heated dish earns the credit again
    with_glass = scored(catalog, book, [Entry("recipe:hot", 2, "portion"), Entry("kefir")])
    assert with_glass.part("probiotic").points == pytest.approx(stirred.part("probiotic").points)


def test_whole_plan_and_re_score_agree_with_heated_parts(catalog):
    hot = rec("hot", Ingredient("lentils", grams=300), Ingredient("kefir", grams=200, heated=True))
    book = RecipeBook(catalog, [hot])
    plan = Plan(START)
    AddFood(0, "dinner", "recipe:hot", 1.5).apply(plan)
    AddFood(0, "breakfast", "kefir", 0.5).apply(plan)
    AddFood(1, "lunch", "recipe:hot").apply(plan)
    evaluator = Evaluator(catalog, resolver=PlanResolver(catalog, book))
    whole = evaluator.evaluate(plan).days[:2]
    assert whole == evaluator.score_days(plan, [0, 1])


@settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    outer=ingredients,
    inner=ingredients,
    inner_grams=st.floats(5, 300, allow_nan=False),
    portions=st.sampled_from([1.0, 2.0, 3.0, 4.0]),
    eaten=st.sampled_from([0.5, 1.0, 1.5, 2.0]),
)
def test_a_recipe_entry_scores_as_its_ingredients_entered_one_by_one_in_grams(
    catalog, outer, inner, inner_grams, portions, eaten
):
    base, dish = nested_dish(outer, inner, inner_grams, portions)
    book = RecipeBook(catalog, [base, dish])
    by_hand = eaten_by_hand(outer, inner, inner_grams, portions, eaten)
    if any(g > 5000 for _f, g in by_hand):
        return  # past what one entry in grams may hold
    one_by_one = scored(catalog, book, [Entry(f, g, "g") for f, g in by_hand])
    as_recipe = scored(catalog, book, [Entry("recipe:dish", eaten, "portion")])
    assert as_recipe.planned and one_by_one.planned
    assert as_recipe.score == pytest.approx(one_by_one.score)
    assert as_recipe.energy_kcal == pytest.approx(one_by_one.energy_kcal)
    assert as_recipe.fiber_g == pytest.approx(one_by_one.fiber_g)
    assert as_recipe.plants == one_by_one.plants
    assert as_recipe.servings == pytest.approx(one_by_one.servings)
    assert as_recipe.limit_servings == pytest.approx(one_by_one.limit_servings)
    for a, b in zip(as_recipe.parts, one_by_one.parts, strict=True):
        assert a.points == pytest.approx(b.points, abs=1e-9)
    for a, b in zip(as_recipe.skin, one_by_one.skin, strict=True):
        assert a.amount == pytest.approx(b.amount)


# -- files ----------------------------------------------------------------------------------
def test_a_plan_of_starter_recipes_round_trips_exactly_with_its_grams(catalog):
    book = RecipeBook.load(catalog)
    resolver = PlanResolver(catalog, book)
    plan = Plan(START)
    for day, recipe in enumerate(list(book)[:7]):
        AddFood(day, "dinner", f"recipe:{recipe.id}", 1 + day / 2).apply(plan)
    AddFood(0, "dinner", "garlic", 2, "clove").apply(plan)
    data = dumps(plan, resolver)
    again = loads(data)
    assert again == plan
    assert dumps(again, resolver) == data
    written = json.loads(data)["entries"]
    assert written[0]["unit"] == "portion" and written[0]["food"].startswith("recipe:")
    assert written[0]["grams"] == pytest.approx(round(resolver.grams(plan.cell(0, "dinner")[0]), 1))


# -- shopping -------------------------------------------------------------------------------
def test_shopping_adds_a_recipes_garlic_to_a_planned_garlic_entry(catalog):
    soup = rec("soup", Ingredient("lentils", grams=400), Ingredient("garlic", grams=12))
    book = RecipeBook(catalog, [soup])
    plan = Plan(START)
    AddFood(0, "dinner", "recipe:soup", 2).apply(plan)  # the whole pot: 12 g, 4 cloves
    AddFood(1, "lunch", "garlic", 2, "clove").apply(plan)  # 6 g
    found = shopping_list(plan, catalog, resolver=PlanResolver(catalog, book))
    garlic = next(line for line in found.lines if line.food_id == "garlic")
    assert garlic.grams == pytest.approx(18)
    assert garlic.servings == pytest.approx(6)
    assert garlic.amount == "6 cloves" and garlic.weight == "18 g"
    assert not found.unknown
    # without the book the recipe is unknown, and the garlic entry alone is listed
    alone = shopping_list(plan, catalog, resolver=FoodResolver(catalog))
    assert next(ln for ln in alone.lines if ln.food_id == "garlic").grams == pytest.approx(6)
    assert [fid for fid, *_ in alone.unknown] == ["recipe:soup"]


# -- the PDF and the command line -----------------------------------------------------------
def recipe_week(catalog) -> tuple[Plan, RecipeBook]:
    book = RecipeBook.load(catalog)
    plan = Plan(START)
    AddFood(0, "dinner", "recipe:lentil-soup-leek", 3).apply(plan)
    AddFood(0, "dinner", "garlic", 2, "clove").apply(plan)
    AddFood(2, "breakfast", "recipe:overnight-oats-kefir-berries").apply(plan)
    AddFood(2, "breakfast", "recipe:lentil-soup-leek").apply(plan)  # 4 portions in all
    return plan, book


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_the_pdf_names_dishes_with_portions_and_prints_their_recipes(catalog):
    from planner.export.pdf import render_pdf

    plan, book = recipe_week(catalog)
    soup = book["lentil-soup-leek"]
    evaluator = Evaluator(catalog, resolver=PlanResolver(catalog, book))
    text = " ".join(pdf_text(render_pdf(plan, evaluator, recipes=True)).split())
    assert soup.name in text and "3 portions" in text and "Garlic 2 cloves" in text
    assert "Recipes ·" in text
    scale = 4 / soup.portions  # the soup's portions of the week added up
    first = soup.counted[0]
    assert format_grams(first.grams * scale) in text
    for line in soup.method.splitlines()[:2]:
        assert " ".join(line.split()) in text
    without = " ".join(pdf_text(render_pdf(plan, evaluator)).split())
    assert "Recipes ·" not in without and soup.name in without


def test_the_command_line_counts_recipes_and_proposes_them(catalog, tmp_path, capsys):
    from planner.cli.commands import main
    from planner.storage.planfile import save_plan

    plan, book = recipe_week(catalog)
    path = tmp_path / "week.gutplan"
    save_plan(plan, path)
    assert main(["score", str(path), "--json"]) == 0
    days = json.loads(capsys.readouterr().out)["days"]
    assert days[0]["planned"] and not days[0]["unknown_foods"]
    expected = scored(catalog, book, plan.cell(0, "dinner"))
    assert days[0]["score"] == round(expected.score, 1) > 0
    assert days[0]["plant_names"] == list(expected.plants)
    assert main(["suggest", str(path), "--day", "2", "--dishes", "3", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    dishes = [row for row in rows if row.get("recipe")]
    assert 0 < len(dishes) <= 3 and all(row["id"].startswith("recipe:") for row in dishes)
    assert all(row["serving"] == "1 portion" and row["gain"] > 0 for row in dishes)
    pdf = tmp_path / "week.pdf"
    assert main(["export", str(path), "-o", str(pdf), "--recipes"]) == 0
    assert "Recipes ·" in pdf_text(pdf.read_bytes())


def test_a_dish_is_suggested_only_in_a_portion_under_the_energy_cap(catalog):
    from planner.recipes.resolve import suggest_recipes

    # One portion of each: a small bowl of lentils and garlic, and the same food in a
    # portion of 2 kg (over 2,000 kcal), which would raise a short day most.
    small = rec("small", Ingredient("lentils", grams=300), Ingredient("garlic", grams=6))
    huge = rec("huge", Ingredient("lentils", grams=4000), Ingredient("garlic", grams=80))
    book = RecipeBook(catalog, [small, huge])
    evaluator = Evaluator(catalog, resolver=PlanResolver(catalog, book))
    plan = Plan.from_entries(START, 1, [(0, "lunch", Entry("kefir", 1, "serving"))])
    found = [s.food_id for s in suggest_recipes(evaluator, plan, 0, top=5)]
    assert found == ["recipe:small"]
