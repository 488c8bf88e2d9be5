"""`gutskin journal` add, export, import and report, called as the coordinator wires them:
``add_journal_parser(sub)`` on the gutskin parser and ``cmd_journal`` as the handler."""

from __future__ import annotations

import io
import os
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from planner.cli.commands import _Parser
from planner.cli.journal import add_journal_parser, cmd_journal
from planner.journal.fields import CheckIn
from planner.journal.store import JournalStore


def run(*argv: str) -> int:
    parser = _Parser(prog="gutskin")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    add_journal_parser(sub)
    return cmd_journal(parser.parse_args(["journal", *argv]))


def saved() -> list[CheckIn]:
    with JournalStore() as store:
        return store.all()


def test_add_saves_merges_and_empties_fields(capsys):
    assert (
        run(
            "add",
            "--date",
            "2026-11-30",
            "--skin-breakouts",
            "2",
            "--gut-stool",
            "4",
            "--practices",
            "yoga, breathing",
            "--mood",
            "good",
        )
        == 0
    )
    assert "Saved the check-in of 2026-11-30 (4 fields)." in capsys.readouterr().out
    assert run("add", "--date", "2026-11-30", "--skin-breakouts", "0", "--mood", "") == 0
    (checkin,) = saved()
    assert dict(checkin.values) == {
        "skin_breakouts": 0,
        "gut_stool": 4,
        "practices": frozenset({"yoga", "breathing"}),
    }
    assert run("add", "--date", "2026-11-30", "--replace", "--antibiotics", "yes") == 0
    assert dict(saved()[0].values) == {"antibiotics": True}


def test_add_on_today_by_default(capsys):
    assert run("add", "--sleep-hours", "7.5") == 0
    assert saved()[0].day == date.today()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("add", "--skin-redness", "7"), "Redness: 7 is outside 0–4 (none to severe)"),
        (("add", "--mood", "great"), "Mood: 'great' is neither 1–5 nor one of very low, low"),
        (("add", "--date", "2026-11-30"), "no field given"),
        (("add", "--practices", "running"), "running is not one of meditation"),
        (("report", "--from", "2026-12-01", "--to", "2026-11-01", "-o", "x.pdf"), "is after"),
        (("import", "missing.csv"), "missing.csv: the file does not exist"),
    ],
)
def test_errors_are_one_line_and_exit_2(capsys, argv, message):
    assert run(*argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("gutskin: ") and message in err and err.count("\n") == 1
    assert saved() == []


def test_a_bad_option_value_exits_2_through_argparse(capsys):
    with pytest.raises(SystemExit) as exit_:
        run("add", "--date", "30/11/2026", "--mood", "3")
    assert exit_.value.code == 2
    assert "is not a date like 2026-11-30" in capsys.readouterr().err


def test_export_and_import_round_trip(tmp_path: Path, capsys):
    run("add", "--date", "2026-11-29", "--plan-note", 'said "no", then yes', "--water-glasses", "6")
    run("add", "--date", "2026-11-30", "--practices", "none", "--alcohol-drinks", "0")
    out = tmp_path / "journal.csv"
    assert run("export", "-o", str(out)) == 0
    assert "Wrote 2 check-ins" in capsys.readouterr().out
    other = tmp_path / "other.sqlite3"
    assert run("--journal", str(other), "import", str(out)) == 0
    with JournalStore(other) as store:
        assert store.all() == saved()


def test_a_bad_import_names_the_line_and_changes_nothing(tmp_path: Path, capsys):
    run("add", "--date", "2026-11-30", "--mood", "3")
    bad = tmp_path / "bad.csv"
    bad.write_text("date,mood\n2026-12-01,4\n2026-12-02,9\n", "utf-8")
    assert run("import", str(bad)) == 2
    err = capsys.readouterr().err
    assert "line 3: Mood: 9 is outside 1–5" in err and "nothing changed" in err
    assert [c.day for c in saved()] == [date(2026, 11, 30)]


def pdf_text(path: Path) -> tuple[str, PdfReader]:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return "\n".join(page.extract_text() for page in reader.pages), reader


def test_report_writes_a_pdf_with_plans_and_the_note(tmp_path: Path, catalog, capsys):
    from planner.storage.planfile import save_plan
    from planner.storage.sample import sample_plan

    monday = date(2026, 11, 30)
    plan_file = tmp_path / "week.gutplan"
    save_plan(sample_plan(monday, catalog), plan_file)
    with JournalStore() as store:
        store.save_many(
            CheckIn(
                monday + timedelta(n),
                {
                    "skin_breakouts": n % 3,
                    "gut_bloating": n % 5,
                    "sleep_hours": 6 + n % 3,
                    "supplements": "S. boulardii",
                },
            )
            for n in range(-20, 7)
        )
    out = tmp_path / "report.pdf"
    code = run(
        "report",
        "--from",
        "2026-11-20",
        "--to",
        "2026-12-06",
        "-o",
        str(out),
        "--plan",
        str(plan_file),
    )
    assert code == 0, capsys.readouterr().err
    assert "17 check-ins, 2026-11-20 to 2026-12-06" in capsys.readouterr().out
    text, reader = pdf_text(out)
    assert "Gut–Skin journal, 20 Nov – 6 Dec 2026" in text
    assert "not medical advice" in text and "Not medical advice" in text
    assert "Check-ins" in text and "20 Nov 26" in text and "6 Dec 26" in text
    assert "19 Nov 26" not in text  # only the days asked for
    assert "The meal plans of these weeks" in text and "Plan from 30 Nov – 6 Dec 2026" in text
    assert "Day score of the plan" in text
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            holder = descendants[0].get_object() if descendants else font
            assert "/FontFile2" in holder["/FontDescriptor"].get_object(), font["/BaseFont"]
            assert "DejaVu" in str(font["/BaseFont"])


def test_report_of_an_empty_journal_still_reads(tmp_path: Path):
    out = tmp_path / "empty.pdf"
    assert run("report", "-o", str(out)) == 0
    text, _reader = pdf_text(out)
    assert "0 check-ins over 90 days" in text and "No check-ins in these days." in text
    assert "Nothing to compare yet" in text


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes of POSIX")
def test_import_of_a_pipe_is_refused_at_once(capsys, tmp_path):
    """It waited on the pipe for ever (and read /dev/zero until memory ran out)."""
    pipe = tmp_path / "pipe.csv"
    os.mkfifo(pipe)
    assert run("import", str(pipe)) == 2
    assert "is not a regular file" in capsys.readouterr().err


def test_a_report_ending_in_the_first_days_of_year_one_starts_on_its_first_day(tmp_path):
    """Its default first day, 90 days earlier, was before year 1: OverflowError."""
    assert run("report", "--to", "0001-01-05", "-o", str(tmp_path / "r.pdf")) == 0
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF-")


@pytest.mark.parametrize("text", ["2026-W48-1", "20261130", "2026-11-30T08:00"])
def test_a_date_is_written_as_the_help_says(capsys, text):
    """Python 3.11 reads week dates and "20261130" too: 2026-W48-1 saved 2026-11-23."""
    with pytest.raises(SystemExit) as exit_:
        run("add", "--date", text, "--sleep-hours", "7")
    assert exit_.value.code == 2
    assert "is not a date like 2026-11-30" in capsys.readouterr().err
    assert saved() == []


def test_notes_a_spreadsheet_would_run_are_exported_as_text_and_read_back(tmp_path, capsys):
    note, supplements = '=HYPERLINK("http://example.invalid","x")', "@SUM(1+1)"
    assert run("add", "--date", "2026-11-30", "--plan-note", note,
               "--supplements", supplements) == 0  # fmt: skip
    out = tmp_path / "journal.csv"
    assert run("export", "-o", str(out)) == 0
    text = out.read_text()
    assert "'=HYPERLINK" in text and "'@SUM" in text and ",=" not in text
    fresh = tmp_path / "fresh.sqlite3"
    assert run("--journal", str(fresh), "import", str(out)) == 0
    with JournalStore(fresh) as store:
        back = store.all()[0]
    assert (back["plan_note"], back["supplements"]) == (note, supplements)
