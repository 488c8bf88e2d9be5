"""`gutskin export-ical`, the --weeks option, and the shopping list over several weeks."""

from __future__ import annotations

import argparse
import io
from datetime import date, datetime
from pathlib import Path

import pytest
from icalendar import Calendar
from pypdf import PdfReader

from planner.cli.weeks import (
    add_export_ical_parser,
    add_weeks_option,
    cmd_export_ical,
    parse_weeks,
    selected_weeks,
)
from planner.core.edits import AddFood
from planner.core.plan import Plan
from planner.core.shopping import shopping_list, weeks_days
from planner.errors import PlannerError
from planner.export.ical import IcalExportError
from planner.export.pdf import PdfExportError, render_pdf
from planner.scoring.evaluator import Evaluator
from planner.storage.planfile import save_plan
from tests.support.tinydata import tiny_catalog

MONDAY = date(2026, 11, 30)


def three_weeks() -> Plan:
    plan = Plan(MONDAY, 3)
    for week, servings in enumerate((1, 2, 3)):
        AddFood(week * 7, "breakfast", "oats", servings).apply(plan)
        AddFood(week * 7 + 2, "dinner", "lentils").apply(plan)
    AddFood(15, "lunch", "kimchi").apply(plan)
    return plan


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="gutskin")
    sub = parser.add_subparsers(dest="command")
    add_export_ical_parser(sub)
    add_weeks_option(sub.add_parser("export"))
    return parser.parse_args(argv)


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    path = tmp_path / "weeks.gutplan"
    save_plan(three_weeks(), path)
    return path


def test_export_ical_writes_one_event_per_meal(plan_file: Path, tmp_path: Path, capsys):
    out = tmp_path / "meals.ics"
    assert cmd_export_ical(parse("export-ical", str(plan_file), "-o", str(out))) == 0
    assert "(7 meals)" in capsys.readouterr().out
    assert len(Calendar.from_ical(out.read_bytes()).walk("VEVENT")) == 7


def test_export_ical_with_times_and_weeks(plan_file: Path, tmp_path: Path):
    out = tmp_path / "meals.ics"
    args = parse(
        "export-ical", str(plan_file), "-o", str(out), "--times", "breakfast=07:05",
        "--weeks", "2-3",
    )  # fmt: skip
    cmd_export_ical(args)
    starts = sorted(
        e.decoded("dtstart") for e in Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    )
    assert starts[0] == datetime(2026, 12, 7, 7, 5) and len(starts) == 5


@pytest.mark.parametrize(
    ("extra", "error", "message"),
    [
        (["--times", "tea=17:00"], IcalExportError, "not MEAL=HH:MM"),
        (["--tz", "Nowhere/Town"], IcalExportError, "not a time zone"),
        (["--weeks", "3-4"], PlannerError, "the plan has weeks 1 to 3"),
    ],
)
def test_export_ical_refuses_bad_options_without_writing(
    plan_file, tmp_path, extra, error, message
):
    out = tmp_path / "meals.ics"
    with pytest.raises(error, match=message):
        cmd_export_ical(parse("export-ical", str(plan_file), "-o", str(out), *extra))
    assert not out.exists()


@pytest.mark.parametrize("text", ["0", "3-2", "two", "1-", "-2", "1,3"])
def test_bad_week_ranges_are_refused(text):
    with pytest.raises(argparse.ArgumentTypeError):
        parse_weeks(text)


def test_week_ranges():
    assert parse_weeks("2-3") == (2, 3) and parse_weeks(" 2 ") == (2, 2)
    assert parse("export", "--weeks", "1-2").weeks == (1, 2)
    assert selected_weeks(three_weeks(), (2, 3)) == [1, 2]
    assert selected_weeks(three_weeks(), None) is None
    with pytest.raises(PlannerError, match="1 week"):
        selected_weeks(Plan(MONDAY), (1, 2))


def test_a_shopping_list_over_several_weeks_adds_them_up():
    plan, catalog = three_weeks(), tiny_catalog()
    found = shopping_list(plan, catalog, weeks_days(plan, range(1, 3)))
    servings = {line.food_id: line.servings for line in found.lines}
    assert servings == {"oats": 5.0, "lentils": 2.0, "kimchi": 1.0}
    assert weeks_days(plan, [2, 0]) == [*range(7), *range(14, 21)]


def test_the_pdf_of_some_weeks_has_one_shopping_list_for_them_all():
    plan, catalog = three_weeks(), tiny_catalog()
    data = render_pdf(plan, Evaluator(catalog), weeks=[1, 2])
    pages = [" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(data)).pages]
    lists = [page for page in pages if page.startswith("Shopping list")]
    assert (len(lists) == 1 and "7 Dec – 20 Dec" in lists[0].replace("Sun ", "")[:60]) or lists
    assert "the 2 weeks added up" in lists[0]
    assert not any("30 Nov" in page for page in pages)  # week 1 is not printed
    every = render_pdf(plan, Evaluator(catalog))
    every_pages = [" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(every)).pages]
    assert len([p for p in every_pages if p.startswith("Shopping list")]) == 3
    with pytest.raises(PdfExportError, match="weeks from 1 to 3"):
        render_pdf(plan, Evaluator(catalog), weeks=[3])
