from __future__ import annotations

from datetime import date

import pytest

from planner.core.edits import AddFood
from planner.core.plan import Entry, Plan
from planner.errors import CsvImportError
from planner.storage.csvio import export_csv_text, import_csv, import_csv_text

MONDAY = date(2026, 11, 30)


def test_export_then_import_gives_the_same_plan(tiny_catalog):
    plan = Plan(MONDAY)
    AddFood(0, "breakfast", "kefir", 1.5).apply(plan)
    AddFood(4, "snacks", "apple", 2).apply(plan)
    text = export_csv_text(plan, tiny_catalog)
    assert text.splitlines()[1] == "1,2026-11-30,Breakfast,kefir,Kefir,1.5"
    assert import_csv_text(text, tiny_catalog, start=MONDAY) == plan


def test_names_weekdays_and_dates_are_understood(tiny_catalog):
    text = (
        "day,meal,food,servings\n"
        "Tue,lunch,kefir,1\n"
        "2026-12-02,Dinner,  lentils ,2\n"
        "4,snack,Oats,1\n"
    )
    plan = import_csv_text(text, tiny_catalog, start=MONDAY)
    assert plan.cell(1, "lunch") == (Entry("kefir", 1.0),)
    assert plan.cell(2, "dinner") == (Entry("lentils", 2.0),)
    assert plan.cell(3, "snacks") == (Entry("oats", 1.0),)


def test_every_bad_line_is_reported_and_nothing_imported(tiny_catalog):
    text = (
        "day,meal,food,servings\n"
        "1,lunch,kefir,1\n"
        "1,lunch,Pizza,1\n"
        "Funday,lunch,kefir,1\n"
        "1,brunch,kefir,1\n"
        "1,lunch,kefir,abc\n"
        "1,lunch,kefir,0\n"
    )
    with pytest.raises(CsvImportError) as info:
        import_csv_text(text, tiny_catalog, start=MONDAY, name="week.csv")
    message = str(info.value)
    assert message.startswith("week.csv: nothing was imported.")
    for expected in (
        "line 3: no food is called 'Pizza'",
        "line 4: day 'Funday'",
        "line 5: meal 'brunch'",
        "line 6: servings 'abc' is not a number",
        "line 7: Servings must be more than 0",
    ):
        assert expected in message


def test_a_name_that_matches_several_foods_asks_for_the_id(tiny_catalog):
    from planner.core.foods import Catalog

    twins = Catalog([*tiny_catalog, *[f for f in tiny_catalog if f.id == "kefir"]])
    twin = next(f for f in twins if f.id == "kefir")
    from dataclasses import replace

    twins = Catalog([*tiny_catalog, replace(twin, id="kefir2")])
    with pytest.raises(CsvImportError, match="2 foods are called 'Kefir'; use the food id"):
        import_csv_text("day,meal,food,servings\n1,lunch,Kefir,1\n", twins, start=MONDAY)


def test_missing_columns_and_binary_files(tiny_catalog, tmp_path):
    with pytest.raises(CsvImportError, match="lacks the column"):
        import_csv_text("day,food\n1,kefir\n", tiny_catalog)
    path = tmp_path / "x.csv"
    path.write_bytes(b"\xff\xfe\x00\x01")
    with pytest.raises(CsvImportError, match="UTF-16"):
        import_csv(path, tiny_catalog)
