"""The command line against hostile input and careless output paths: bounded start dates,
no export over the input or over a file of another kind, strict JSON, no control
characters on the terminal, and `-` for standard output."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from planner.cli.commands import json_text, printable
from planner.core.foods import resource_path
from planner.storage.paths import user_foods_path
from tests.test_cli import run

pytestmark = pytest.mark.usefixtures("catalog")
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def week(tmp_path: Path, capsys) -> Path:
    path = tmp_path / "week.gutplan"
    assert run(capsys, "new", str(path), "--sample", "--start", "2026-11-30")[0] == 0
    return path


def one_line_error(code: int, err: str, message: str) -> None:
    assert code == 2 and err.startswith("gutskin: ") and message in err, err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


# -- D1: --start is bounded like every other way into a plan -----------------------------
@pytest.mark.parametrize("start", ["9999-12-27", "1899-12-31", "3000-01-01"])
@pytest.mark.parametrize("command", ["new", "import"])
def test_a_start_out_of_range_is_refused_with_a_sentence(tmp_path, capsys, start, command):
    out = tmp_path / "far.gutplan"
    csv = tmp_path / "in.csv"
    csv.write_text("day,meal,food,servings\n1,lunch,kefir,1\n")
    argv = (
        ["new", str(out), "--sample"] if command == "new" else ["import", str(csv), "-o", str(out)]
    )
    code, _, err = run(capsys, *argv, "--start", start)
    one_line_error(code, err, "start date must be between 1900-01-01 and 2999-12-31")
    assert not out.exists()


def test_the_last_allowed_start_scores(tmp_path, capsys):
    path = tmp_path / "late.gutplan"
    assert run(capsys, "new", str(path), "--sample", "--start", "2999-12-31")[0] == 0
    code, out, err = run(capsys, "score", str(path), "--json")
    assert code == 0, err
    assert json.loads(out)["days"][-1]["date"] == "3000-01-06"


# -- D10: exports never write over their input, nor over another kind of file -------------
@pytest.mark.parametrize("command", ["export-csv", "export"])
@pytest.mark.parametrize("force", [False, True])
def test_an_export_over_its_own_input_is_refused_even_with_force(week, capsys, command, force):
    before = week.read_bytes()
    code, _, err = run(capsys, command, str(week), "-o", str(week), *["--force"] * force)
    one_line_error(code, err, "is the file being read; choose another output file")
    assert week.read_bytes() == before


def test_an_export_through_a_link_to_its_input_is_refused(week, tmp_path, capsys):
    link = tmp_path / "out.csv"
    link.symlink_to(week)
    before = week.read_bytes()
    code, _, err = run(capsys, "export-csv", str(week), "-o", str(link), "--force")
    one_line_error(code, err, "is the file being read")
    assert week.read_bytes() == before and link.is_symlink()


@pytest.mark.parametrize(
    ("command", "name"), [("export-csv", "other.gutplan"), ("export", "notes.txt")]
)
def test_an_export_over_another_kind_of_file_needs_force(week, tmp_path, capsys, command, name):
    other = tmp_path / name
    other.write_bytes(week.read_bytes() if name.endswith(".gutplan") else b"my notes\n")
    before = other.read_bytes()
    code, _, err = run(capsys, command, str(week), "-o", str(other))
    one_line_error(code, err, "already exists and is a file of another kind; use --force")
    assert other.read_bytes() == before
    assert run(capsys, command, str(week), "-o", str(other), "--force")[0] == 0
    assert other.read_bytes() != before


@pytest.mark.parametrize(("command", "name", "magic"), [("export-csv", "w.csv", b"day,"),
                                                        ("export", "w.pdf", b"%PDF-")])  # fmt: skip
def test_an_earlier_export_is_replaced_without_force(week, tmp_path, capsys, command, name, magic):
    out = tmp_path / name
    assert run(capsys, command, str(week), "-o", str(out))[0] == 0
    assert out.read_bytes().startswith(magic)
    out.write_bytes(out.read_bytes()[:200])  # an older export, say
    assert run(capsys, command, str(week), "-o", str(out))[0] == 0
    assert len(out.read_bytes()) > 200


def test_import_never_writes_over_its_csv(tmp_path, capsys):
    csv = tmp_path / "in.csv"
    csv.write_text("day,meal,food,servings\n1,lunch,kefir,1\n")
    before = csv.read_bytes()
    code, _, err = run(capsys, "import", str(csv), "-o", str(csv), "--force")
    one_line_error(code, err, "is the file being read")
    assert csv.read_bytes() == before


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
@pytest.mark.parametrize("command", ["export-csv", "export", "new"])
def test_a_pipe_as_the_output_stays_a_pipe(week, tmp_path, capsys, command):
    pipe = tmp_path / "f.out"
    os.mkfifo(pipe)
    argv = (
        ["new", str(pipe), "--sample"]
        if command == "new"
        else [command, str(week), "-o", str(pipe)]
    )
    code, _, err = run(capsys, *argv, "--force")
    one_line_error(code, err, "is not a regular file")
    assert pipe.is_fifo()


# -- D11: JSON output is strict --------------------------------------------------------------
def test_json_output_has_no_nan_or_infinity():
    text = json_text({"a": float("inf"), "b": [float("nan"), 1.5], "c": None})
    assert json.loads(text, parse_constant=pytest.fail) == {"a": None, "b": [None, 1.5], "c": None}


def test_an_unbounded_own_food_does_not_reach_the_scores(week, capsys):
    path = user_foods_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    item = {"id": "my:huge", "name": "Huge", "grams": 100, "nutrients": {"fiber_g": 1e308}}
    path.write_text(json.dumps({"format": "gutskin-foods", "version": 1, "foods": [item]}))
    code, out, err = run(capsys, "score", str(week), "--json")
    assert code == 0 and "own foods were not loaded" in err and "fiber_g can be at most" in err
    json.loads(out, parse_constant=pytest.fail)
    code, out, _ = run(capsys, "foods", "--search", "huge")
    assert "inf" not in out


# -- D12: no control characters from data reach the terminal ---------------------------------
def test_printable_escapes_control_characters():
    assert printable("a\x1b]0;x\x07b\x00c\x9bd\ud800é") == "a\\x1b]0;x\\x07b\\x00c\\x9bd\\ud800é"


def own_foods(*items: dict) -> None:
    path = user_foods_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"format": "gutskin-foods", "version": 1, "foods": list(items)}))


def test_own_food_names_never_drive_the_terminal(week, tmp_path, capsys):
    own_foods({"id": "my:t", "name": "\u001b]0;pwned\u0007Tea\u0000\u009b2J", "grams": 250})
    for argv in (["foods"], ["foods", "--json"], ["foods", "--search", "tea"]):
        code, out, err = run(capsys, *argv)
        assert code == 0 and "Tea" in out
        assert not any(ch in out + err for ch in "\x1b\x07\x00\x9b"), argv
    csv = tmp_path / "w.csv"
    assert run(capsys, "export-csv", str(week), "-o", str(csv))[0] == 0
    assert b"\x00" not in csv.read_bytes()


def test_an_error_naming_a_hostile_file_name_is_escaped(tmp_path, capsys):
    name = tmp_path / "\x1b[2J\x07.gutplan"
    code, _, err = run(capsys, "score", str(name))
    one_line_error(code, err, "\\x1b[2J\\x07.gutplan: the file does not exist")
    assert "\x1b" not in err and "\x07" not in err


def test_a_name_of_null_is_not_a_food_named_none(capsys):
    own_foods({"id": "my:n", "name": None})
    code, out, err = run(capsys, "foods", "--json")
    assert code == 0 and "own foods were not loaded" in err
    assert "my:n" not in out and '"None"' not in out


# -- D14: standard output --------------------------------------------------------------------
@pytest.mark.parametrize("target", ["-", "/dev/stdout"])
def test_csv_to_standard_output(week, capsys, target):
    code, out, err = run(capsys, "export-csv", str(week), "-o", target)
    assert code == 0 and out.startswith("day,date,meal,food,name,amount,unit\n")
    foods = len(resource_path("sample-week.csv").read_text("utf-8").splitlines()) - 1
    assert len(out.splitlines()) == foods + 1 and f"Wrote {foods} rows to stdout." in err


def test_a_plan_to_standard_output(tmp_path, capsys):
    code, out, _ = run(capsys, "new", "-", "--sample", "--start", "2026-11-30")
    assert code == 0 and json.loads(out)["format"] == "gutskin-plan"
    csv = tmp_path / "in.csv"
    csv.write_text("day,meal,food,servings\n1,lunch,kefir,1\n")
    code, out, _ = run(capsys, "import", str(csv), "-o", "-", "--start", "2026-11-30")
    assert code == 0 and json.loads(out)["entries"][0]["food"] == "kefir"


def test_pdf_and_csv_into_a_real_pipe(week, tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "GUTSKIN_DATA_DIR": str(tmp_path)}
    cases = [(["export-csv", "-o", "/dev/stdout"], b"day,"), (["export", "-o", "-"], b"%PDF-")]
    for argv, magic in cases:
        done = subprocess.run(
            [sys.executable, "-m", "ui.launcher", argv[0], str(week), *argv[1:]],
            capture_output=True, env=env, timeout=120,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        assert done.stdout.startswith(magic) and b"Wrote" in done.stderr


def test_a_folder_or_a_pipe_as_the_output_is_named_without_force(week, tmp_path, capsys):
    (tmp_path / "dir.csv").mkdir()
    code, _, err = run(capsys, "export-csv", str(week), "-o", str(tmp_path / "dir.csv"))
    one_line_error(code, err, "dir.csv: that path is a folder.")


@pytest.mark.skipif(os.name != "posix", reason="needs a pseudo-terminal")
def test_a_pdf_is_not_written_to_a_terminal(week, tmp_path):
    import pty

    env = {**os.environ, "PYTHONPATH": str(ROOT), "GUTSKIN_DATA_DIR": str(tmp_path)}
    leader, follower = pty.openpty()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "ui.launcher", "export", str(week), "-o", "-"],
            stdout=follower, stderr=subprocess.PIPE, env=env, timeout=120,
        )  # fmt: skip
    finally:
        os.close(follower)
        os.close(leader)
    assert done.returncode == 2
    assert b"A PDF is not for a terminal" in done.stderr


def test_an_argument_with_control_characters_is_escaped_in_the_usage_error(capsys):
    code, _, err = run(capsys, "foods", "\x1b]0;pwned\x07")
    one_line_error(code, err, "unrecognized arguments: \\x1b]0;pwned\\x07")
    assert "\x1b" not in err


# -- every export: never over its input, over a plan, or over a file of another kind -------
def test_the_calendar_never_replaces_its_plan_or_another_file(week, tmp_path, capsys):
    before = week.read_bytes()
    code, _out, err = run(capsys, "export-ical", str(week), "-o", str(week))
    one_line_error(code, err, "is the file being read")
    assert week.read_bytes() == before
    note = tmp_path / "note.txt"
    note.write_text("mine")
    code, _out, err = run(capsys, "export-ical", str(week), "-o", str(note))
    one_line_error(code, err, "--force")
    assert note.read_text() == "mine"
    calendar = tmp_path / "week.ics"
    assert run(capsys, "export-ical", str(week), "-o", str(calendar))[0] == 0
    assert run(capsys, "export-ical", str(week), "-o", str(calendar))[0] == 0  # its own kind
    assert run(capsys, "export-ical", str(week), "-o", str(note), "--force")[0] == 0


def test_autoplan_replaces_a_plan_but_no_other_json(week, tmp_path, capsys):
    recipes = tmp_path / "my-recipes.json"
    recipes.write_text('{"format": "gutskin-recipes", "version": 1, "recipes": []}')
    code, _out, err = run(capsys, "autoplan", str(week), "-o", str(recipes))
    one_line_error(code, err, "--force")
    assert "gutskin-recipes" in recipes.read_text()
    earlier = tmp_path / "filled.gutplan"
    assert run(capsys, "autoplan", str(week), "-o", str(earlier))[0] == 0
    assert run(capsys, "autoplan", str(week), "-o", str(earlier))[0] == 0  # an earlier plan


def test_the_journal_exports_never_replace_the_journal_a_plan_or_another_file(
    week, tmp_path, capsys
):
    journal = tmp_path / "journal.sqlite3"
    assert run(capsys, "journal", "--journal", str(journal), "add", "--date", "2026-11-30",
               "--sleep-hours", "7")[0] == 0  # fmt: skip
    kept = journal.read_bytes()
    code, _out, err = run(
        capsys, "journal", "--journal", str(journal), "export", "-o", str(journal)
    )
    one_line_error(code, err, "is the file being read")
    assert journal.read_bytes() == kept
    code, _out, err = run(capsys, "journal", "--journal", str(journal), "report",
                          "--plan", str(week), "-o", str(week))  # fmt: skip
    one_line_error(code, err, "is the file being read")
    note = tmp_path / "note.txt"
    note.write_text("mine")
    for action in ("export", "report"):
        code, _out, err = run(capsys, "journal", "--journal", str(journal), action, "-o", str(note))
        one_line_error(code, err, "--force")
    assert note.read_text() == "mine"
    csv = tmp_path / "journal.csv"
    for _ in range(2):  # an earlier export is replaced
        assert run(capsys, "journal", "--journal", str(journal), "export", "-o", str(csv))[0] == 0


@pytest.mark.skipif(os.name != "posix", reason="symbolic links of POSIX")
def test_a_loop_of_symbolic_links_as_output_is_no_crash(week, tmp_path, capsys):
    (tmp_path / "l1").symlink_to(tmp_path / "l2")
    (tmp_path / "l2").symlink_to(tmp_path / "l1")
    code, _out, err = run(capsys, "export-csv", str(week), "-o", str(tmp_path / "l1"))
    assert code == 0, err  # the loop's link is replaced by the file, as for a broken link
    assert (tmp_path / "l1").read_text().startswith("day,")


def test_a_csv_recipe_id_with_control_characters_is_refused(tmp_path, capsys):
    """It was imported, and the plan written could not be opened again."""
    csv = tmp_path / "r.csv"
    csv.write_text("day,meal,food,amount,unit\n1,dinner,recipe:\x1b]0;PWN\x07,1,portion\n")
    out = tmp_path / "o.gutplan"
    code, _out, err = run(capsys, "import", str(csv), "-o", str(out))
    one_line_error(code, err, "control characters")
    assert not out.exists()


@pytest.mark.parametrize("start", ["2026-W48-1", "20261130"])
def test_a_plan_start_is_written_as_the_format_says(week, tmp_path, capsys, start):
    document = json.loads(week.read_text())
    document["start"] = start
    odd = tmp_path / "odd.gutplan"
    odd.write_text(json.dumps(document))
    code, _out, err = run(capsys, "score", str(odd))
    one_line_error(code, err, "start")


@pytest.mark.parametrize("seed", ["-1", "4294967296", "x"])
def test_a_seed_out_of_range_is_refused_by_the_parser(week, tmp_path, capsys, seed):
    """numpy's own error (expected non-negative integer) ended the run."""
    code, _out, err = run(capsys, "autoplan", str(week), "-o", str(tmp_path / "f.gutplan"),
                          "--seed", seed)  # fmt: skip
    assert code == 2 and "is not a seed" in err
    assert not (tmp_path / "f.gutplan").exists()
