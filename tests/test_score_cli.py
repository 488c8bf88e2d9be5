"""The score through the command line, as a judge would use it: days entered in grams
in a CSV (servings = grams / serving), `gutskin score --json` and `gutskin suggest`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planner.cli.commands import main
from planner.core.foods import Catalog
from planner.scoring.results import DayScore, SkinShare
from tests.test_score_reference_days import FAST_FOOD, MEDITERRANEAN, VEGAN

CATALOG = Catalog.load()


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def week_file(tmp_path: Path, capsys) -> Path:
    """Monday Mediterranean, Tuesday vegan, Wednesday fast food, in grams."""
    lines = ["day,meal,food,servings"]
    for day, items in ((1, MEDITERRANEAN), (2, VEGAN), (3, FAST_FOOD)):
        for number, (food_id, grams) in enumerate(items):
            meal = ("breakfast", "lunch", "dinner", "snacks")[number % 4]
            lines.append(f"{day},{meal},{food_id},{grams / CATALOG[food_id].grams:.6f}")
    csv_path = tmp_path / "days.csv"
    csv_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    plan = tmp_path / "days.gutplan"
    code, _out, err = run(capsys, "import", str(csv_path), "-o", str(plan), "--start", "2026-11-30")
    assert code == 0, err
    return plan


def test_score_json_bands_and_unknown_values(week_file: Path, capsys):
    code, out, _ = run(capsys, "score", str(week_file), "--json")
    assert code == 0
    mediterranean, vegan, fast = json.loads(out)["days"][:3]
    assert mediterranean["score"] >= 80 and vegan["score"] >= 70 and fast["score"] <= 15
    assert fast["limit_doses"]["added_sugars_g"] > 50
    # Unknown values are named, and a share no food knows is null, not 0.
    assert "Tofu, firm" in vegan["unknown_values"]["epa_dha_g"]
    assert vegan["skin"]["epa_dha_g"] is None
    assert mediterranean["skin"]["epa_dha_g"] > 1
    assert mediterranean["cultures"]["live"]


def test_suggest_swaps_a_food_to_limit_and_never_suggests_ingredients(week_file, capsys):
    code, out, _ = run(capsys, "suggest", str(week_file), "--day", "3", "--top", "30", "--json")
    rows = json.loads(out)
    assert code == 0 and rows
    for row in rows:
        food = CATALOG[row["id"]]
        assert not food.flags & {"raw_pulse", "not_eaten_alone"}
        assert food.nutrients["energy_kcal"] <= 500
    assert any(row["replaces"] for row in rows)
    code, text, _ = run(capsys, "suggest", str(week_file), "--day", "3", "--top", "30")
    assert "swap the " in text


def test_a_day_at_its_best_lists_no_zero_gains(tmp_path: Path, capsys):
    plan = tmp_path / "empty.gutplan"
    run(capsys, "new", str(plan), "--start", "2026-11-30")
    code, out, _ = run(capsys, "suggest", str(plan), "--day", "1", "--top", "20", "--json")
    assert code == 0 and all(row["gain"] >= 0.5 for row in json.loads(out))


def test_the_day_panel_shows_an_unknown_share_as_unknown(qtbot):
    from datetime import date

    from ui.panels.daypanel import DayPanel

    panel = DayPanel()
    qtbot.addWidget(panel)
    unknown = SkinShare("epa_dha_g", "Omega-3 EPA+DHA", 0.0, "g", 0.0, ("Tofu, firm",))
    known = SkinShare("ala_g", "Omega-3 ALA", 1.6, "g", 1.0)
    day = DayScore(0, date(2026, 11, 30), True, 50.0, skin=(unknown, known))
    panel.show_day(day, "Mon 30 Nov")
    assert panel.skin_values["epa_dha_g"].text() == "unknown"
    assert panel.skin_values["ala_g"].text() == "100%"
