"""Storage, the journal, recipes and the planner speak the user's language: under the
pseudo-language every sentence they produce comes out bracketed (nothing left unmarked),
its fields filled, and numbers follow the locale."""

from __future__ import annotations

import errno
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from planner import i18n
from planner.autoplan.model import Settings
from planner.autoplan.relax import avoid_context, describe
from planner.errors import PlannerError
from planner.journal.analysis import ASSOCIATION_NOTE, Comparison, Lag, better_days, label
from planner.journal.csvio import parse_csv_text
from planner.journal.fields import FIELD_BY_KEY, FIELDS, GROUPS, CheckIn, JournalError
from planner.recipes.book import load_starter
from planner.recipes.model import Recipe
from planner.storage.atomic import describe_os_error
from planner.storage.csvio import import_csv_text
from planner.storage.foodcheck import make_food
from planner.storage.planfile import read_plan_bytes
from planner.storage.recovery import RecoveryCopy
from planner.storage.strictjson import parse_json
from tests.support.tinydata import tiny_catalog
from tools import i18n as build

DOMAIN = ("planner/storage/", "planner/journal/", "planner/recipes/", "planner/autoplan/")


@pytest.fixture(autouse=True)
def _english_afterwards():
    yield
    i18n.set_language("en")


@pytest.fixture
def pseudo() -> None:
    i18n.set_language(i18n.PSEUDO)


def outside_brackets(text: str, *data: str) -> str:
    """What of ``text`` is not inside a [bracketed] (translated) message, with the data it
    names (file names, recipe names, values) taken out."""
    for item in data:
        text = text.replace(item, "")
    depth, kept = 0, []
    for char in text:
        if char == "[":
            depth += 1
        elif char == "]":
            depth = max(0, depth - 1)
        elif depth == 0:
            kept.append(char)
    return "".join(kept)


def assert_marked(text: str, *data: str) -> None:
    assert "[" in text, text
    assert "{" not in text and "}" not in text, f"a field left unfilled: {text}"
    left = outside_brackets(text, *data)
    assert not any(char.isalpha() for char in left), f"unmarked text {left!r} in {text!r}"


def message_of(call, *args, **kwargs) -> str:
    with pytest.raises((PlannerError, ValueError)) as info:
        call(*args, **kwargs)
    return str(info.value)


def test_the_helper_finds_unmarked_text() -> None:
    assert outside_brackets("week.csv: [ît îš éṁṗţý]", "week.csv") == ": "
    with pytest.raises(AssertionError):
        assert_marked("week.csv: it is empty", "week.csv")


@pytest.mark.usefixtures("pseudo")
@pytest.mark.parametrize(
    "text",
    [
        "",
        "day,meal,food\n1,lunch,kefir\n",
        "day,meal,food,servings\nmonday,brunch,kefir,1\n9,lunch,nothing,x\n",
    ],
)
def test_csv_import_errors_are_marked(text: str) -> None:
    found = message_of(
        import_csv_text, text, tiny_catalog(), start=date(2026, 11, 30), name="w.csv"
    )
    # The CSV's own words (columns, meals, what the line held) are the file's data.
    assert_marked(found, "w.csv", "day", "meal", "food", "amount", "'brunch'", "'nothing'", "'x'")


@pytest.mark.usefixtures("pseudo")
@pytest.mark.parametrize(
    "data",
    [b"", b"[]", b'{"format": "gutskin-plan", "version": 99}', b"{", b'{"a": 1, "a": 2}'],
)
def test_plan_file_errors_are_marked(data: bytes) -> None:
    found = message_of(read_plan_bytes, data, "x.gutplan")
    assert_marked(
        found,
        "x.gutplan",
        "'a'",
        "Expecting property name enclosed in double quotes",
        "line 1 column 2 (char 1)",
    )


@pytest.mark.usefixtures("pseudo")
def test_saving_and_food_errors_are_marked() -> None:
    path = Path("/data/my plan.gutplan")
    assert_marked(describe_os_error(path, OSError(errno.ENOSPC, "No space")), str(path))
    assert_marked(describe_os_error(path, OSError(errno.EBADF, "Bad fd")), str(path), "Bad fd")
    assert_marked(message_of(make_food, ""))
    assert_marked(message_of(make_food, "x", grams=0))
    assert_marked(message_of(make_food, "x", categories=["magic"]), "magic")
    assert_marked(message_of(parse_json, b"\xff\xfe{\x00}\x00"))


def test_a_new_food_gets_its_serving_label_in_the_language_of_the_day(pseudo: None) -> None:
    assert make_food("x").serving_label.startswith("[")
    i18n.set_language("en")
    assert make_food("x").serving_label == "1 serving"


@pytest.mark.usefixtures("pseudo")
def test_a_recovery_copy_is_described_in_the_language_with_local_dates() -> None:
    saved = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)
    copy = RecoveryCopy(Path("/r/x.json"), "My week", None, saved, "s", 1, "h", 2)
    text = copy.describe()
    assert_marked(text, "My week", *_date_words(saved), "2", "AM", "PM")
    i18n.set_language("de")
    assert "01.12.2026" in copy.describe()


def _date_words(saved: datetime) -> list[str]:
    local = saved.astimezone()
    return [
        i18n.weekday_name(local.date(), "abbreviated"),
        i18n.format_day(local.date()),
        f"{local:%H:%M}",
        f"{local:%-I:%M}",
    ]


@pytest.mark.usefixtures("pseudo")
def test_recipe_errors_are_marked() -> None:
    assert_marked(message_of(Recipe, "r", "", 1, ()))
    assert_marked(message_of(Recipe, "r", "Soup", 0, ()), "Soup")
    assert_marked(
        message_of(Recipe, "r", "Soup", 1, (), meal="brunch"),
        "Soup",
        "breakfast",
        "lunch",
        "dinner",
        "snack",
        "any",
    )


def test_the_starter_recipes_are_shown_in_the_language() -> None:
    english = load_starter()
    i18n.set_language(i18n.PSEUDO)
    shown = load_starter()
    assert [r.id for r in shown] == [r.id for r in english]  # the plan's ids stay
    for before, after in zip(english, shown, strict=True):
        assert after.name == i18n.pseudo(before.name)
        assert after.method == (i18n.pseudo(before.method) if before.method else "")
        assert after.tags == {i18n.pseudo(tag) for tag in before.tags}
        assert after.ingredients == before.ingredients


@pytest.mark.usefixtures("pseudo")
def test_the_check_in_is_shown_in_the_language() -> None:
    for field in FIELDS:
        assert_marked(field.title)
        assert all(word.startswith("[") for word in field.shown_words)
        assert not field.unit or field.shown_unit.startswith("[")
    for group in GROUPS.values():
        assert_marked(i18n._(group))
    stool = FIELD_BY_KEY["gut_stool"]
    assert_marked(stool.describe(4), "4")
    assert_marked(FIELD_BY_KEY["alcohol_drinks"].describe(2.0), "2")
    assert_marked(FIELD_BY_KEY["practices"].describe(frozenset({"yoga"})))
    # What is stored stays the English word, whatever the language shown.
    assert CheckIn(date(2026, 3, 1), {"movement_kind": "walking"})["movement_kind"] == "walking"


@pytest.mark.usefixtures("pseudo")
def test_journal_errors_and_sentences_are_marked() -> None:
    found = message_of(CheckIn, date(2026, 3, 1), {"mood": 9})
    assert_marked(found, "9", "1", "5")
    found = message_of(parse_csv_text, "date,spots\n2026-03-01,3\n", "j.csv")
    assert_marked(found, "j.csv", "spots")
    with pytest.raises(JournalError) as info:
        parse_csv_text("date,mood\n2026-03-01,9\n2026-03-01,2\n", "j.csv")
    assert_marked(str(info.value), "j.csv", "9", "1", "5", "2026-03-01", "2", "3")
    lag = Lag("alcohol", "gut_bloating", 2, 30, 0.45)
    assert_marked(lag.sentence(), "2", "30", "+0.45")
    assert_marked(Lag("alcohol", "gut_bloating", 1, 4, float("nan")).sentence(), "4")
    comparison = Comparison("sleep_7h", "gut_bloating", 12, 5, 1.0, 2.5)
    assert_marked(comparison.sentence(), "7+", "12", "5", "1.0", "2.5")
    assert_marked(Comparison("alcohol", "mood", 1, 2, 3.0, 3.0).sentence(), "1", "2", "3")
    assert all(label(key).startswith("[") for key in ("alcohol", "practice_done", "mood"))


def test_journal_numbers_follow_the_locale() -> None:
    i18n.set_language("de")
    comparison = Comparison("sleep_7h", "gut_bloating", 12, 12, 1.0, 2.5)
    assert "1,0" in comparison.sentence() and "2,5" in comparison.sentence()
    assert "+0,45" in Lag("alcohol", "gut_bloating", 2, 30, 0.45).sentence()


def test_the_association_note_is_given_translated() -> None:
    import pandas as pd

    i18n.set_language(i18n.PSEUDO)
    days = pd.date_range("2026-01-01", periods=20, freq="D", name="date")
    frame = pd.DataFrame({"alcohol": [1.0, 0.0] * 10, "gut_bloating": [3.0, 1.0] * 10}, index=days)
    for key in ("fermented", "sleep_7h", "score_80", *FIELD_BY_KEY):
        if key not in frame:
            frame[key] = float("nan")
    lines = better_days(frame)
    assert len(lines) > 1 and all(line.startswith("[") for line in lines)
    assert lines[-1] == i18n.pseudo(ASSOCIATION_NOTE)


@pytest.mark.usefixtures("pseudo")
def test_the_planners_sentences_are_marked() -> None:
    context = avoid_context({"dairy", "nuts"}, 2)
    assert_marked(context, "2")
    for key in ("plants", "live_days", "dishes", "energy"):
        assert_marked(describe(key, 30, 27, context).sentence, "30", "27", "2")
        assert_marked(describe(key, 30, 27).sentence, "30", "27")
    assert_marked(message_of(Settings, energy_min=100), "1800-2400", "800", "6000")


def test_every_message_of_these_parts_has_named_fields() -> None:
    catalog = build.extract()
    ours = [
        message
        for message in catalog
        if message.id and any(path.startswith(DOMAIN) for path, _line in message.locations)
    ]
    assert len(ours) > 200
    for message in ours:
        for text in message.id if isinstance(message.id, tuple) else (message.id,):
            assert "{}" not in text and "{0" not in text, text
