"""The command line, the PDF, the journal report and the calendar in the user's language:
``--lang`` and the system's variables, messages marked (under the pseudo-language every
message of planner/cli and planner/export comes out bracketed), and dates and decimals
in the locale's forms, never in --json."""

from __future__ import annotations

import io
import json
import re
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from planner import i18n
from planner.cli.commands import main, take_language
from planner.export.dates import compact_day_label, day_label, full_day_label, span_label

pytestmark = pytest.mark.usefixtures("catalog")  # loads the shipped catalog once

# A pseudo-language message: "[" and accented text up to "]"; no English letter run of
# the source survives inside, since every vowel but a few consonants are accented.
BRACKETED = re.compile(r"\[[^\[\]]*\]")


@pytest.fixture(autouse=True)
def _english(monkeypatch: pytest.MonkeyPatch):
    # main() follows the system's variables: the tests say which language they mean.
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    i18n.set_language("en")
    yield
    i18n.set_language("en")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse's own exits
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def sample_file(tmp_path: Path, capsys) -> Path:
    path = tmp_path / "week.gutplan"
    code, _out, _err = run(capsys, "new", str(path), "--sample", "--start", "2026-11-30")
    assert code == 0
    return path


# -- choosing the language -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "rest", "choice"),
    [
        (["--lang", "de", "score", "p"], ["score", "p"], "de"),
        (["score", "p", "--lang", "fr"], ["score", "p"], "fr"),
        (["score", "--lang=es", "p"], ["score", "p"], "es"),
        (["score", "p"], ["score", "p"], None),
        # After "--" an argument is a file name, even one called --lang.
        (["new", "--", "--lang", "x"], ["new", "--", "--lang", "x"], None),
    ],
)
def test_lang_is_taken_before_or_after_the_command(argv, rest, choice) -> None:
    assert take_language(argv) == choice
    assert argv == rest


def test_lang_sets_the_language_before_or_after_the_command(sample_file, capsys) -> None:
    for argv in (
        ["--lang", "de", "score", str(sample_file)],
        ["score", str(sample_file), "--lang", "de"],
    ):
        code, out, err = run(capsys, *argv)
        assert code == 0, err
        assert i18n.language() == "de"
        # German formats: the decimal comma, German month names (no catalogue needed).
        assert re.search(r"Ballaststoffe \d+,\d g", out), out[:300]  # German words and decimals
        i18n.set_language("en")


def test_an_unknown_language_is_one_line_and_exit_2(capsys) -> None:
    code, out, err = run(capsys, "--lang", "xx", "foods")
    assert code == 2 and not out
    assert err.count("\n") == 1 and err.startswith("gutskin: ") and "'xx'" in err
    assert "de (Deutsch)" in err
    code, out, err = run(capsys, "foods", "--lang")
    assert code == 2 and err.count("\n") == 1 and "--lang" in err


def test_the_system_language_is_followed(sample_file, capsys, monkeypatch) -> None:
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    monkeypatch.setenv("LC_ALL", "de_DE.UTF-8")  # LC_ALL wins over LANG
    code, out, _err = run(capsys, "score", str(sample_file))
    assert code == 0 and i18n.language() == "de" and "Dez." in out
    # --lang wins over the system's.
    code, out, _err = run(capsys, "score", str(sample_file), "--lang", "en")
    assert code == 0 and i18n.language() == "en" and "Week of Mon 30 Nov 2026" in out


@pytest.mark.parametrize("system", ["pt_BR.UTF-8", "zh_CN.UTF-8", "tr_TR.UTF-8", "fr_BR.UTF-8"])
def test_a_system_of_any_territory_runs_every_command(sample_file, capsys, monkeypatch, system):
    """Under LANG=pt_BR.UTF-8 every command ended "unknown locale 'en_BR'"."""
    monkeypatch.setenv("LANG", system)
    code, out, err = run(capsys, "score", str(sample_file))
    assert code == 0, err
    assert "Nov" in out or "nov" in out


def test_json_is_never_localised(sample_file, capsys) -> None:
    code, out, _err = run(capsys, "--lang", "de", "score", str(sample_file), "--json")
    assert code == 0
    data = json.loads(out)  # numbers stay JSON numbers, dates ISO
    assert data["days"][0]["date"] == "2026-11-30"
    assert isinstance(data["days"][0]["fiber_g"], float)


# -- every message marked ------------------------------------------------------------------


def unbracketed(text: str) -> str:
    """``text`` with every pseudo-language message taken out."""
    previous = None
    while previous != text:  # a message inside a message: "[... [Mon 30 Nov] ...]"
        previous, text = text, BRACKETED.sub(" ", text)
    return text


# A message translated twice: "[[Fîbéŕ]]" (a bracketed text and nothing else, bracketed).
DOUBLED = re.compile(r"\[\[[^\[\]]*\]\]")


def test_score_output_is_marked(sample_file, capsys) -> None:
    code, out, err = run(capsys, "score", str(sample_file), "--lang", i18n.PSEUDO)
    assert code == 0, err
    lines = out.splitlines()
    weeks = [line for line in lines if not line.startswith(" ")]
    days = [line for line in lines if line.startswith("  ") and not line.startswith("      ")]
    assert weeks and days
    for line in weeks + days:
        # The week's heading and each day's line: nothing but messages (dates included).
        assert not unbracketed(line).strip(), line
    assert "{" not in out  # every placeholder filled
    # A label translated where it was made is not translated again where it is shown.
    assert not DOUBLED.search(out), DOUBLED.search(out)


def test_help_and_errors_are_marked(sample_file, capsys) -> None:
    code, out, _err = run(capsys, "--lang", i18n.PSEUDO, "--help")
    assert code == 0 and i18n.pseudo("show the version and exit") in out
    assert (
        i18n.pseudo("Plan a week of meals for gut and skin. With no command, opens the app.") in out
    )
    code, _out, err = run(capsys, "--lang", i18n.PSEUDO, "suggest", str(sample_file), "--day", "99")
    assert code == 2
    message = err.removeprefix("gutskin: ").strip()
    assert message.startswith("[") and message.endswith("]") and "{" not in message
    code, out, err = run(
        capsys,
        "--lang",
        i18n.PSEUDO,
        "export-ical",
        str(sample_file),
        "-o",
        "x.ics",
        "--times",
        "tea=5",
    )
    assert code == 2 and err.strip().endswith("]")


def pdf_text(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


# The fixed English of the PDF's sections: none of it may print under the pseudo-language.
# (The score's sentences and labels are planner.scoring's, marked there.)
PDF_ENGLISH = (
    "Week plan",
    "Shopping list",
    "Day notes",
    "Recipes ·",
    "of 100",
    "continued",
    "Page ",
    "not medical advice",
    "Week average",
    "different plants",
    "live-culture food on",
    "up to ",
    "A day's score",
    "in store order",
    "Already at home",
    "Would raise the score most",
    "For each planned day",
    "Each dish of these days",
    "the recipe makes",
    "protein",
)


def test_the_pdf_has_no_unmarked_text(catalog) -> None:
    from planner.export.pdf import render_pdf
    from planner.recipes.book import RecipeBook
    from planner.recipes.resolve import PlanResolver
    from planner.scoring.evaluator import Evaluator
    from planner.storage.sample import sample_plan

    plan = sample_plan(date(2026, 11, 30), catalog)
    book = RecipeBook.load(catalog)
    recipe = next(iter(book))
    from planner.core.edits import AddFood

    AddFood(0, "dinner", f"recipe:{recipe.id}", 2).apply(plan)
    evaluator = Evaluator(catalog, resolver=PlanResolver(catalog, book))
    i18n.set_language(i18n.PSEUDO)
    pages = pdf_text(render_pdf(plan, evaluator, notes=True, recipes=True, have={"kefir"}))
    text = "\n".join(pages)
    for english in PDF_ENGLISH:
        assert english not in text, english
    assert i18n.pseudo("Score") in text and i18n.pseudo("Already at home") in text
    assert "{" not in text and "}" not in text  # every placeholder filled
    assert not DOUBLED.search(text), DOUBLED.search(text)
    # Each page's running title is a message (its dates too).
    for page in pages:
        assert page.lstrip().startswith("["), page[:80]


def test_the_journal_report_has_no_unmarked_text(tmp_path, catalog) -> None:
    from planner.export.journal_report import render_journal_report
    from planner.journal.fields import CheckIn

    checkins = [CheckIn(date(2026, 11, 20 + n), {"mood": 3, "sleep_hours": 7.5}) for n in range(5)]
    i18n.set_language(i18n.PSEUDO)
    text = "\n".join(
        pdf_text(render_journal_report(checkins, date(2026, 11, 20), date(2026, 11, 30)))
    )
    fixed = ("Gut–Skin journal", "check-ins over", "Not medical advice", "Check-ins",
             "Mood, energy and stress", "Sleep (hours)", "Empty: not filled", "Page ")  # fmt: skip
    for english in fixed:
        assert english not in text, english
    assert i18n.pseudo("What went with better days") in text
    assert "{" not in text


# -- dates ---------------------------------------------------------------------------------


def test_dates_read_as_before_in_english() -> None:
    day = date(2026, 11, 30)
    assert day_label(day) == "Mon 30 Nov"
    assert full_day_label(day) == "Mon 30 Nov 2026"
    assert compact_day_label(day) == "30 Nov 26"
    assert span_label(day, date(2026, 12, 6)) == "30 Nov – 6 Dec 2026"
    assert span_label(date(2026, 12, 28), date(2027, 1, 3)) == "28 Dec 2026 – 3 Jan 2027"


def test_dates_take_the_locales_names() -> None:
    i18n.set_language("fr")
    assert day_label(date(2026, 11, 30)) == "lun. 30 nov."
    i18n.set_language("de")
    # German names and German order ("30. Nov."), from the catalogue's date layouts.
    assert span_label(date(2026, 11, 30), date(2026, 12, 6)) == "30. Nov. – 6. Dez. 2026"


def test_the_calendar_is_named_in_the_language_not_the_machines(catalog) -> None:
    from planner.export.ical import build_calendar
    from planner.storage.sample import sample_plan

    plan = sample_plan(date(2026, 11, 30), catalog)
    i18n.set_language("de")
    name = str(build_calendar(plan, catalog)["x-wr-calname"])
    assert name == "Gut–Skin-Plan 30. Nov. – 6. Dez. 2026"
    i18n.set_language(i18n.PSEUDO)
    events = build_calendar(plan, catalog).walk("VEVENT")
    assert all(str(event["summary"]).startswith("[") for event in events)


def test_argparse_own_help_texts_are_marked(capsys) -> None:
    code, out, _err = run(capsys, "--lang", i18n.PSEUDO, "export", "--help")
    assert code == 0
    assert out.startswith(i18n.pseudo("usage: "))
    for english in ("usage:", "options:", "positional arguments", "show this help message"):
        assert english not in out, english
    # Option names and their values are never translated.
    assert "--no-shopping" in out and "{a4,letter}" in out


def test_each_commands_messages_are_marked(sample_file, tmp_path, capsys) -> None:
    pseudo = ("--lang", i18n.PSEUDO)
    journal = ("--journal", str(tmp_path / "journal.sqlite"))
    commands = [
        ("new", str(tmp_path / "new.gutplan")),
        ("export-csv", str(sample_file), "-o", str(tmp_path / "week.csv")),
        ("export", str(sample_file), "-o", str(tmp_path / "week.pdf")),
        ("export-ical", str(sample_file), "-o", str(tmp_path / "week.ics")),
        ("journal", *journal, "add", "--date", "2026-11-30", "--mood", "4"),
        ("journal", *journal, "export", "-o", str(tmp_path / "journal.csv")),
        ("autoplan", str(sample_file), "-o", str(tmp_path / "auto.gutplan"), "--time-limit", "2"),
    ]
    for argv in commands:
        code, out, err = run(capsys, *argv, *pseudo)
        assert code == 0, (argv, err)
        # The first line of each is the command's own message (what follows, for autoplan,
        # is the planner's explanation of each day, marked in planner/autoplan).
        first = out.splitlines()[0]
        assert first.startswith("[") and first.endswith("]") and "{" not in first, (argv, out)
    code, _out, err = run(capsys, "foods", "--category", "probiotic", *pseudo)
    assert code == 0 and err.strip().startswith("[") and err.strip().endswith("]")


def test_a_new_plan_starts_on_the_first_day_of_the_locale_s_week(tmp_path, capsys) -> None:
    """Weeks start on Sunday in the US and on Monday in Germany (CLDR's week data)."""
    from planner.core.plan import week_start
    from planner.storage.planfile import load_plan

    today = date.today()
    for lang, first in (("en", 6), ("de", 0)):
        out = tmp_path / f"{lang}.gutplan"
        code, _out, err = run(capsys, "--lang", lang, "new", str(out))
        assert code == 0, err
        start = load_plan(out).start
        assert start.weekday() == first and start == week_start(today, first)
        assert 0 <= (today - start).days < 7
    code, _out, err = run(capsys, "new", str(tmp_path / "x.gutplan"), "--start", "2026-12-02")
    assert code == 0 and load_plan(tmp_path / "x.gutplan").start == date(2026, 12, 2)
