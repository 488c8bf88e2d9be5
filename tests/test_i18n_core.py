"""Every message the domain's core and scoring give a person is marked for translation:
under the pseudo-language (planner.i18n.PSEUDO) each comes out bracketed, its fields
filled; the curated foods' names and servings come out translated, SR28's as the USDA
writes them; and the extractor finds the messages."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

import pytest

from planner import i18n
from planner.core.edits import AddFood, clear_day
from planner.core.foods import CURATED, SR28, Catalog
from planner.core.plan import Entry, Plan, check_amount, format_amount
from planner.core.rotations import AddRule, every_week, fill_weeks, in_turn
from planner.core.shopping import entry_quantity, format_grams
from planner.core.templates import template_from_day, template_from_meal
from planner.core.totals import amount_text
from planner.core.weeks import delete_week, move_week_later, plan_next_week
from planner.errors import PlanError
from planner.scoring.evaluator import Evaluator
from planner.scoring.model import Preferences, ScoringConfig

MONDAY = date(2026, 11, 30)


@pytest.fixture
def pseudo() -> Iterator[None]:
    i18n.set_language(i18n.PSEUDO)
    try:
        yield
    finally:
        i18n.set_language("en")


def bracketed(text: str) -> bool:
    """A message of the pseudo-language, every field filled: it starts with "[" (a
    sentence may be built of several bracketed messages) and holds no "{...}" field."""
    return text.startswith("[") and "]" in text and not re.search(r"\{\w*[:}]", text)


def curated_id(catalog: Catalog) -> str:
    return next(f.id for f in catalog if f.origin == CURATED)


@pytest.fixture(scope="module")
def catalog_en() -> Catalog:
    i18n.set_language("en")
    return Catalog.load()


def test_curated_names_and_servings_are_translated_at_load(pseudo: None) -> None:
    catalog = Catalog.load(include_sr28=True)
    curated = [f for f in catalog if f.origin == CURATED]
    assert curated and all(bracketed(f.name) and bracketed(f.serving_label) for f in curated)
    sr28 = [f for f in catalog if f.origin == SR28]
    assert sr28 and not any(f.name.startswith("[") for f in sr28)  # as the USDA writes them


def test_curated_names_are_english_in_english() -> None:
    i18n.set_language("en")
    catalog = Catalog.load(include_sr28=False)
    assert all(not f.name.startswith("[") for f in catalog)


def test_plan_errors_are_marked(pseudo: None) -> None:
    plan = Plan(MONDAY)
    bad = [
        lambda: check_amount(0),
        lambda: check_amount("x", "g"),
        lambda: check_amount(99, "portion"),
        lambda: check_amount(-1, "cup"),
        lambda: plan.check_day(400),
        lambda: plan.check_day("x"),
        lambda: delete_week(plan, 0),
        lambda: move_week_later(plan, 0),
        lambda: template_from_meal(plan, 0, "lunch", "Lunch"),
        lambda: template_from_day(plan, 0, " "),
    ]
    for call in bad:
        with pytest.raises(PlanError) as caught:
            call()
        assert bracketed(str(caught.value)), str(caught.value)


def test_edit_labels_and_amounts_are_marked(pseudo: None) -> None:
    plan = Plan(MONDAY)
    assert bracketed(AddFood(0, "lunch", "x").label)
    assert bracketed(clear_day(plan, 0).label)
    assert bracketed(plan_next_week(plan, 0, "empty").edit.label)
    assert bracketed(format_amount(2, "portion"))
    assert bracketed(format_grams(1500)) and bracketed(format_grams(0.1))
    assert bracketed(entry_quantity(None, 2))
    assert bracketed(amount_text(0, ["Kale"], "mg"))
    assert bracketed(amount_text(5, ["Kale"], "mg"))


def test_rules_describe_and_summarise_in_marked_sentences(catalog_en: Catalog) -> None:
    plan = Plan(MONDAY)
    AddFood(0, "dinner", curated_id(catalog_en)).apply(plan)
    template = template_from_meal(plan, 0, "dinner", "Pizza night")
    i18n.set_language(i18n.PSEUDO)
    try:
        rules = [
            every_week(template, 4, "dinner", anchor=MONDAY),
            in_turn([template, template], "dinner", anchor=MONDAY, by="day"),
        ]
        for rule in rules:
            assert bracketed(rule.describe()), rule.describe()
        AddRule(rules[0]).apply(plan)
        _edit, fill = fill_weeks(plan, [0])
        assert fill.summary(plan) and bracketed(fill.summary(plan)), fill.summary(plan)
    finally:
        i18n.set_language("en")


def test_every_score_sentence_is_marked(catalog_en: Catalog) -> None:
    ids = [f.id for f in catalog_en if f.origin == CURATED]
    plan = Plan(MONDAY)
    for n, food_id in enumerate(ids[:12]):
        AddFood(0, ("breakfast", "lunch", "dinner", "snacks")[n % 4], food_id, 1.0).apply(plan)
    AddFood(1, "lunch", "no-such-food").apply(plan)
    i18n.set_language(i18n.PSEUDO)
    try:
        evaluator = Evaluator(catalog_en, ScoringConfig.load(), Preferences())
        day, other, empty = evaluator.score_days(plan, [0, 1, 2])
        texts = [day.why, other.why, empty.why, day.tip]
        texts += [part.sentence for part in day.parts] + [part.label for part in day.parts]
        texts += [share.label for share in day.skin] + [share.text() for share in day.skin]
        suggestions = evaluator.suggest(plan, 0, top=3)
        texts += [s.reason for s in suggestions] + [s.text for s in suggestions]
    finally:
        i18n.set_language("en")
    for text in texts:
        assert text and bracketed(text), text


def test_scores_read_as_before_in_english(catalog_en: Catalog) -> None:
    plan = Plan(MONDAY)
    AddFood(0, "lunch", curated_id(catalog_en), 1.0).apply(plan)
    i18n.set_language("en")
    day = Evaluator(catalog_en, ScoringConfig.load(), Preferences()).score_days(plan, [0])[0]
    assert day.why.startswith("Score ") and "[" not in day.why
    assert any(p.sentence.startswith("Fiber ") for p in day.parts)


def test_counts_take_their_plural_forms() -> None:
    i18n.set_language("en")
    assert format_amount(1, "portion") == "1 portion"
    assert format_amount(2, "portion") == "2 portions"
    assert entry_quantity(None, 1) == "1 serving"
    assert entry_quantity(None, 3) == "3 servings"
    assert Entry("x").amount == 1.0


def test_the_extractor_finds_the_core_messages() -> None:
    from tools.i18n import extract

    found = {m.id if isinstance(m.id, str) else m.id[0] for m in extract() if m.id}
    for message in (
        "Score {score}: {reasons}.",
        "Servings must be more than 0.",
        "Fiber-dense",
        "Breakfast",
        "Rules filled {count} meal.",
        "Adding {food} ({serving}) would raise it to {score}.",
        "Week {week} does not exist.",
    ):
        assert message in found, message


def test_amounts_follow_the_locale_outside_english() -> None:
    i18n.set_language("de")
    try:
        assert format_grams(1250) == "1,25 kg"
        assert "1,5" in entry_quantity(None, 1.5)
        assert amount_text(1892, [], "kcal").startswith("1.892")
    finally:
        i18n.set_language("en")
    assert format_grams(1250) == "1.25 kg"
    assert amount_text(1892, [], "kcal") == "1,892 kcal"


def test_a_meal_inside_a_sentence_is_a_message_of_its_own() -> None:
    from planner.core.plan import MEALS, meal_word

    i18n.set_language("en")
    assert [meal_word(m) for m in MEALS] == ["breakfast", "lunch", "dinner", "snacks"]
    i18n.set_language(i18n.PSEUDO)
    try:
        # Not the heading lower-cased: German writes "Frühstück" inside a sentence too.
        assert meal_word("breakfast") == i18n.pseudo("breakfast")
    finally:
        i18n.set_language("en")


def test_a_translated_serving_keeps_its_words_and_an_english_one_takes_english_plurals(
    catalog,
) -> None:
    from planner.core.foods import Catalog
    from planner.core.shopping import entry_quantity

    kefir, sr28 = catalog.get("kefir"), catalog.get("sr:01077")
    assert kefir is not None and sr28 is not None
    i18n.set_language("de")
    try:
        german_kefir = Catalog.load(include_sr28=False).get("kefir")  # named in German
        assert german_kefir is not None and german_kefir.serving_label == "1 Tasse"
        assert entry_quantity(german_kefir, 1.5) == "1,5 Tasse"  # not "Tasses"
        assert entry_quantity(sr28, 2.0).endswith("cups")  # SR28's label stays English
    finally:
        i18n.set_language("en")
    assert entry_quantity(kefir, 1.5) == "1.5 cups"
