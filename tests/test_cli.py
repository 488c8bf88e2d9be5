"""The command line: output, JSON shape and exit codes."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from planner.cli.commands import main
from planner.core.foods import Catalog, resource_path
from planner.storage.planfile import load_plan

pytestmark = pytest.mark.usefixtures("catalog")  # loads the shipped catalog once


def run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse's own exits
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


# The sample week's foods: one per data line of the shipped CSV.
SAMPLE_FOODS = len(resource_path("sample-week.csv").read_text("utf-8").splitlines()) - 1


@pytest.fixture
def sample_file(tmp_path: Path, capsys) -> Path:
    path = tmp_path / "week.gutplan"
    code, out, _ = run(capsys, "new", str(path), "--sample", "--start", "2026-11-30")
    assert code == 0 and f"{SAMPLE_FOODS} foods" in out
    return path


def test_foods_json_has_the_documented_fields(capsys):
    code, out, _ = run(capsys, "foods", "--category", "probiotic", "--json")
    assert code == 0
    foods = json.loads(out)
    assert {"kefir", "kimchi", "sauerkraut", "miso", "tempeh", "kombucha"} <= {
        f["id"] for f in foods
    }
    for key in ("id", "name", "categories", "serving", "grams", "fiber_g", "plant", "aisle", "ndb"):
        assert key in foods[0]
    assert all("probiotic" in f["categories"] for f in foods)


def test_foods_search_reaches_all_of_sr28(capsys):
    code, out, _ = run(capsys, "foods", "--search", "adzuki", "--json")
    assert code == 0
    assert any(f["id"].startswith("sr:") for f in json.loads(out))


def test_foods_shows_a_pinchs_fiber_rather_than_zero(capsys):
    code, out, _ = run(capsys, "foods", "--search", "leeks, (bulb and lower-leaf portion), freeze")
    assert code == 0
    line = next(line for line in out.splitlines() if line.startswith("sr:11624"))
    assert "fiber 0.02 g" in line and "fiber 0 g" not in line


def test_score_json_matches_the_evaluator(sample_file: Path, capsys):
    code, out, _ = run(capsys, "score", str(sample_file), "--json")
    assert code == 0
    result = json.loads(out)
    assert len(result["days"]) == 7
    monday = result["days"][0]
    assert monday["date"] == "2026-11-30" and monday["planned"]
    assert set(monday["parts"]) == {
        "probiotic",
        "prebiotic",
        "fiber",
        "plants",
        "anti_inflammatory",
        "limit",
    }
    total = sum(p["points"] for p in monday["parts"].values())
    assert monday["score"] == pytest.approx(monday["completeness"] * total, abs=0.5)
    week = result["weeks"][0]
    # Days holding a food whose cultures are alive or may be: canned sauerkraut counts not.
    plan, catalog = load_plan(sample_file), Catalog.load()
    cultured = {
        day
        for day, _meal, _index, entry in plan.entries()
        if (food := catalog.get(entry.food_id)) and food.live_cultures in ("live", "unknown")
    }
    assert week["plants_target"] == 30 and week["fermented_days"] == len(cultured) < 7
    scores = [d["score"] for d in result["days"]]
    assert week["average"] == pytest.approx(sum(scores) / 7, abs=0.1)


def test_acne_prone_and_fiber_target_change_scores(sample_file: Path, capsys):
    _, plain, _ = run(capsys, "score", str(sample_file), "--json")
    _, strict, _ = run(capsys, "score", str(sample_file), "--json", "--fiber-target", "38")
    assert json.loads(strict)["weeks"][0]["average"] < json.loads(plain)["weeks"][0]["average"]


def test_score_text_and_suggest(sample_file: Path, capsys):
    code, out, _ = run(capsys, "score", str(sample_file))
    assert code == 0 and "Week of Mon 30 Nov 2026" in out and "Fiber" in out
    code, out, _ = run(capsys, "suggest", str(sample_file), "--day", "5", "--top", "3", "--json")
    rows = json.loads(out)
    assert code == 0 and len(rows) == 3
    assert rows[0]["gain"] >= rows[1]["gain"] >= rows[2]["gain"] > 0


def test_csv_round_trip_through_the_cli(sample_file: Path, tmp_path: Path, capsys):
    csv_path = tmp_path / "week.csv"
    again = tmp_path / "again.gutplan"
    assert run(capsys, "export-csv", str(sample_file), "-o", str(csv_path))[0] == 0
    code, _out, _ = run(capsys, "import", str(csv_path), "-o", str(again), "--start", "2026-11-30")
    assert code == 0
    imported, original = json.loads(again.read_text()), json.loads(sample_file.read_text())
    assert imported.pop("id") != original.pop("id")  # an imported plan is a new plan
    assert imported == original


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["score", "missing.gutplan"], "missing.gutplan: the file does not exist."),
        (["suggest", "{plan}", "--day", "9"], "--day must be 1 to 7."),
        (["new", "{plan}"], "already exists; use --force"),
        (["foods", "--category", "sweets"], "invalid choice"),
        (["score", "{plan}", "--avoid", "vegan"], "Unknown diet tag"),
        (["score", "{plan}", "--fiber-target", "500"], "fiber target"),
        (["score", "{damaged}"], "damaged.gutplan: it is not valid JSON"),
        (["import", "{damaged}", "-o", "{out}"], "header lacks"),
    ],
)
def test_errors_are_one_line_and_exit_2(argv, message, sample_file: Path, tmp_path: Path, capsys):
    damaged = tmp_path / "damaged.gutplan"
    damaged.write_text('{"format": "gutskin-plan", ')
    values = {"plan": sample_file, "damaged": damaged, "out": tmp_path / "o.gutplan"}
    code, _out, err = run(capsys, *[a.format(**values) for a in argv])
    assert code == 2
    assert message in err
    assert len(err.strip().splitlines()) == 1 and err.startswith("gutskin: ")
    assert "Traceback" not in err


def test_the_installed_command_runs_without_a_display(sample_file: Path, tmp_path: Path):
    exe = shutil.which("gutskin")
    command = [exe] if exe else [sys.executable, "-m", "ui.launcher"]
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "GUTSKIN_DATA_DIR": str(tmp_path)}
    done = subprocess.run(
        [*command, "score", str(sample_file)], capture_output=True, text=True, env=env, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert "score" in done.stdout


def test_an_unexpected_failure_is_one_line_too(sample_file: Path, capsys, monkeypatch):
    import planner.storage.planfile

    def broken(path):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(planner.storage.planfile, "load_plan", broken)
    code, _out, err = run(capsys, "score", str(sample_file))
    assert code == 2
    assert err.startswith("gutskin: unexpected error (RuntimeError: disk on fire)")
    assert len(err.strip().splitlines()) == 1


def test_version_goes_to_stdout(capsys):
    code, out, err = run(capsys, "--version")
    assert code == 0 and err == ""
    assert out.startswith("gutskin ") and len(out.split()) == 2
