"""The PDF export: what it prints and in what order, how it pages, and how it fails."""

from __future__ import annotations

import errno
import gc
import io
import os
import shutil
import subprocess
import threading
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

import planner.storage.atomic
from planner.cli.commands import main
from planner.core.edits import AddFood
from planner.core.foods import AISLE_LABELS, AISLES, Catalog, Food
from planner.core.plan import DAYS_PER_WEEK, MEALS, Plan
from planner.core.shopping import shopping_list
from planner.core.totals import amount_text, day_amount
from planner.errors import Cancelled, CatalogError
from planner.export import rl_private, shopping
from planner.export.fonts import visual_order
from planner.export.pdf import (
    PAPERS,
    REPLACEMENT,
    PdfExportError,
    export_pdf,
    load_fonts,
    printable,
    render_pdf,
)
from planner.export.theme import NOT_ADVICE
from planner.scoring.evaluator import Evaluator
from planner.storage.userfoods import make_food
from tests.support.tinydata import tiny_catalog
from tests.test_shopping import week_catalog, week_plan

START = date(2026, 11, 30)  # a Monday
LANDSCAPE_A4 = (PAPERS["a4"][1], PAPERS["a4"][0])


# -- helpers --------------------------------------------------------------------------------
def texts(data: bytes) -> list[str]:
    """Each page's text with runs of whitespace (line breaks in wrapped cells) as one space."""
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages]


def sizes(data: bytes) -> list[tuple[float, float]]:
    return [
        (round(float(p.mediabox.width), 1), round(float(p.mediabox.height), 1))
        for p in PdfReader(io.BytesIO(data)).pages
    ]


def assert_in_order(text: str, items: list[str]) -> None:
    position = 0
    for item in items:
        found = text.find(item, position)
        assert found >= 0, f"{item!r} not found after {text[max(0, position - 60) : position]!r}"
        position = found + len(item)


def user_food(name: str, food_id: str, **kw) -> Food:
    return make_food(name, food_id=food_id, **kw)


@pytest.fixture(scope="module")
def hand() -> tuple[Plan, Evaluator]:
    """The week whose shopping list tests/test_shopping.py works out by hand."""
    return week_plan(), Evaluator(week_catalog())


@pytest.fixture(scope="module")
def hand_pdf(hand) -> bytes:
    plan, evaluator = hand
    return render_pdf(plan, evaluator)


# -- what it prints -------------------------------------------------------------------------
def test_the_grid_prints_every_food_and_every_score_in_order(hand, hand_pdf):
    plan, evaluator = hand
    grid = texts(hand_pdf)[0]
    # The grid is drawn row by row: each meal across the days, foods in cell order.
    names = [
        evaluator.catalog.name_of(entry.food_id)
        for meal in MEALS
        for day in range(DAYS_PER_WEEK)
        for entry in plan.cell(day, meal)
    ]
    assert_in_order(grid, ["Mon 30 Nov", "Tue 1 Dec", "Sun 6 Dec", "Breakfast", *names])
    assert_in_order(grid, ["Kefir 1 cup", "Bananas 1 medium", "Oats 1 cup dry"])

    result = evaluator.evaluate(plan)
    score_row = grid[grid.index("Score") : grid.index("Breakfast")]
    expected = [
        f"{day.score:.0f} of 100"
        if day.planned
        else ("not scored" if day.unknown_foods else "not planned")
        for day in result.days
    ]
    assert_in_order(score_row, expected)
    week = result.weeks[0]
    assert f"Week average {week.average:.0f} of 100" in grid
    assert f"{len(week.plants)} of {week.plants_target} different plants" in grid
    assert_in_order(grid, ["Pro", "Pre", "Fib", "Lim"])  # the legend of the four marks


def test_each_planned_day_prints_its_energy_and_protein():
    """Energy and protein under each day, added up from the plan's foods (not part of the
    score); "at least" where a food's value is unknown."""
    from planner.storage.sample import sample_plan

    catalog = Catalog.load(include_sr28=False)
    plan, evaluator = sample_plan(START, catalog), Evaluator(catalog)
    grid = texts(render_pdf(plan, evaluator, shopping=False))[0]
    foot = grid[grid.rindex("Day") :]
    shown = []
    for day in range(DAYS_PER_WEEK):
        if plan.is_day_empty(day):
            continue
        energy = amount_text(*day_amount(plan, evaluator.catalog, day, "energy_kcal"), "kcal")
        protein = amount_text(*day_amount(plan, evaluator.catalog, day, "protein_g"), "g")
        shown += [energy, f"protein {protein}"]
    assert shown and any(char.isdigit() for char in shown[0])
    assert_in_order(foot, shown)


def test_the_shopping_list_matches_the_week_worked_out_by_hand(hand, hand_pdf):
    page = texts(hand_pdf)[1]
    assert page.startswith("Shopping list · 30 Nov – 6 Dec 2026")
    assert_in_order(
        page,
        [
            AISLE_LABELS["produce"],
            "Apples 1.5 medium (273 g)",
            "Bananas 4 medium (472 g)",
            AISLE_LABELS["fermented"],
            "Kefir 3 cups (729 g)",
            AISLE_LABELS["dairy"],
            "Creamer 2 tbsp (30 g)",
            "Crème fraîche 2 tbsp (30 g)",
            AISLE_LABELS["grains"],
            "Oats 1 cup dry (80 g)",
            AISLE_LABELS["pantry"],
            "Lentils 2 cups cooked (396 g)",
            "Olive oil 1.5 tbsp (20 g)",
            "Not in the food catalog",
            "Unknown food (ghost) 2 servings",
        ],
    )
    # Every line the shopping list computes is printed, in its order.
    plan, evaluator = hand
    lines = shopping_list(plan, evaluator.catalog).lines
    assert_in_order(page, [f"{line.name} {line.quantity}" for line in lines])


def test_foods_already_at_home_are_listed_apart(hand):
    plan, evaluator = hand
    page = texts(render_pdf(plan, evaluator, have={"my:kefir", "my:oats"}))[1]
    head, _, home = page.partition("Already at home")
    assert "Kefir" not in head and "Oats" not in head
    assert_in_order(home, ["Kefir 3 cups (729 g)", "Oats 1 cup dry (80 g)"])
    assert AISLE_LABELS["grains"] not in head  # an aisle left empty has no heading


def test_unknown_foods_are_listed_not_fatal(hand, hand_pdf):
    grid = texts(hand_pdf)[0]
    assert "Unknown food (ghost) 2 servings" in grid
    assert "not scored" in grid


def test_day_notes_print_each_planned_days_sentences_and_suggestions(hand):
    plan, evaluator = hand
    pages = texts(render_pdf(plan, evaluator, notes=True))
    assert len(pages) == 3
    notes = pages[2]
    result = evaluator.evaluate(plan)
    for day in result.days:
        if day.planned:
            assert_in_order(notes, [day.why, *(part.sentence for part in day.parts)])
    first = next(d for d in result.days if d.planned)
    for suggestion in evaluator.suggest(plan, first.day, top=3, familiar_first=True):
        assert suggestion.name in notes


# -- pages, paper, fonts, bytes -------------------------------------------------------------
@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_page_count_and_size(hand, paper):
    plan, evaluator = hand
    short, long = PAPERS[paper]
    wide, tall = (round(long, 1), round(short, 1)), (round(short, 1), round(long, 1))
    assert sizes(render_pdf(plan, evaluator, paper=paper)) == [wide, tall]
    assert sizes(render_pdf(plan, evaluator, paper=paper, notes=True)) == [wide, tall, tall]
    assert sizes(render_pdf(plan, evaluator, paper=paper, shopping=False)) == [wide]


def test_every_font_is_embedded(hand, hand_pdf):
    reader = PdfReader(io.BytesIO(hand_pdf))
    seen = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            descriptor = (
                descendants[0].get_object()["/FontDescriptor"]
                if descendants
                else font["/FontDescriptor"]
            ).get_object()
            assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor), font["/BaseFont"]
            seen.add(str(font["/BaseFont"]).split("+")[-1])
    assert seen == {
        "DejaVuSans",
        "DejaVuSans-Bold",
        "DejaVuSansCondensed",
        "DejaVuSansCondensed-Bold",
    }


def test_the_same_input_gives_the_same_bytes(hand, hand_pdf):
    plan, evaluator = hand
    assert render_pdf(plan, evaluator) == hand_pdf
    assert render_pdf(plan.copy(), Evaluator(week_catalog())) == hand_pdf
    assert render_pdf(plan, evaluator, paper="letter") != hand_pdf


def test_drawing_leaves_little_cyclic_garbage(hand):
    """The collector is paused while a PDF is built, so garbage in reference cycles piles
    up into one collection at the end that costs more per page the longer the plan: the
    text drawn must be freed by reference counting (about 190 objects left here, against
    1,350 with ReportLab reading "0x" colours and keeping each text object in a cycle)."""
    plan, evaluator = hand
    render_pdf(plan, evaluator, notes=True)  # fonts registered, caches filled
    gc.collect()
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        render_pdf(plan, evaluator, notes=True)
        left = gc.collect()
    finally:
        if was_enabled:
            gc.enable()
    assert left < 400


def test_an_unknown_paper_size_is_a_clear_error(hand):
    plan, evaluator = hand
    with pytest.raises(PdfExportError, match="a4 or letter"):
        render_pdf(plan, evaluator, paper="a3")


def test_an_empty_plan_prints_an_empty_grid():
    pages = texts(render_pdf(Plan(START), Evaluator(tiny_catalog()), notes=True))
    assert len(pages) == 1
    assert "No day of this week is planned yet." in pages[0]
    score_row = pages[0][pages[0].index("Score") : pages[0].index("Breakfast")]
    assert score_row.count("not planned") == DAYS_PER_WEEK


def test_each_week_gets_its_grid_and_its_list():
    plan = Plan(START, weeks=2)
    AddFood(0, "lunch", "kefir", 2).apply(plan)
    AddFood(9, "dinner", "lentils", 1).apply(plan)
    pages = texts(render_pdf(plan, Evaluator(tiny_catalog())))
    titles = [page.split(" Gut–Skin Planner")[0] for page in pages]
    assert titles == [
        "Week plan · 30 Nov – 6 Dec 2026",
        "Shopping list · 30 Nov – 6 Dec 2026",
        "Week plan · 7 Dec – 13 Dec 2026",
        "Shopping list · 7 Dec – 13 Dec 2026",
    ]
    assert "Kefir" in pages[1] and "Lentils" not in pages[1]
    assert "Lentils" in pages[3] and "Kefir" not in pages[3]


# -- names from users -----------------------------------------------------------------------
SPECIAL = {
    "my:creme": "Crème fraîche",
    "my:jalapeno": "Jalapeño",
    "my:yogurt-el": "γιαούρτι",
    "my:kefir-ru": "кефир",
    "my:tea": '<b>Tea & "Toast"</b>',
    "my:img": '<img src="x"/>',
    "my:entity": "Fish &amp; chips",
    "my:sushi": "寿司 sushi",
}


@pytest.fixture(scope="module")
def special_pdf() -> bytes:
    foods = [user_food(name, fid, aisle="prepared") for fid, name in SPECIAL.items()]
    catalog = Catalog([*tiny_catalog(), *foods])
    plan = Plan(START)
    for index, food_id in enumerate(SPECIAL):
        AddFood(index % DAYS_PER_WEEK, "dinner", food_id, 1).apply(plan)
    return render_pdf(plan, Evaluator(catalog), notes=True)


def test_accents_greek_and_cyrillic_print_as_themselves(special_pdf):
    grid, shop = texts(special_pdf)[:2]
    for name in ("Crème fraîche", "Jalapeño", "γιαούρτι", "кефир"):
        assert name in grid and name in shop


def test_characters_the_font_lacks_are_replaced_visibly(special_pdf):
    grid, shop = texts(special_pdf)[:2]
    assert "寿司" not in grid
    assert (
        f"{REPLACEMENT}{REPLACEMENT} sushi" in grid and f"{REPLACEMENT}{REPLACEMENT} sushi" in shop
    )


def test_markup_in_names_prints_literally(special_pdf):
    grid, shop = texts(special_pdf)[:2]
    for name in ('<b>Tea & "Toast"</b>', '<img src="x"/>', "Fish &amp; chips"):
        assert name in grid and name in shop


def test_printable_composes_accents_and_marks_what_it_cannot_draw():
    drawable = load_fonts().drawable
    assert printable("Cre\u0300me", drawable) == "Crème"
    assert printable("a\tb\nc", drawable) == "a b c"
    assert printable("x\x00y\x7f", drawable) == f"x{REPLACEMENT}y{REPLACEMENT}"
    assert printable("寿司🥑", drawable) == REPLACEMENT * 3
    assert printable("\ud800", drawable) == REPLACEMENT  # a lone surrogate


@given(st.text(max_size=40))
def test_printable_keeps_one_drawable_character_per_character(text):
    drawable = load_fonts().drawable
    out = printable(text, drawable)
    assert len(out) == len(unicodedata.normalize("NFC", text))
    assert all(ch == REPLACEMENT or ord(ch) in drawable for ch in out)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=1, max_size=80).filter(lambda s: s.strip()))
def test_any_food_name_renders(name):
    try:
        food = user_food(name, "my:any", serving_label=name[:20], aisle="produce")
    except CatalogError:  # nothing printable left once control characters are stripped
        assume(False)
    plan = Plan(START)
    AddFood(3, "lunch", food.id, 1.5).apply(plan)
    data = render_pdf(plan, Evaluator(Catalog([food])))
    assert len(texts(data)) == 2


# -- long content ---------------------------------------------------------------------------
def many_foods(count: int, name: str = "Food {:03d}") -> list[Food]:
    return [
        user_food(
            name.format(i),
            f"my:f{i:03d}",
            serving_label="1 cup",
            grams=100 + i,
            aisle=AISLES[i % len(AISLES)],
            categories=["fiber"],
            nutrients={"fiber_g": 2.0},
        )
        for i in range(count)
    ]


def text_positions(data: bytes) -> list[tuple[int, float, float, str]]:
    """(page, x, y, text) of every run of text, in page coordinates."""
    found: list[tuple[int, float, float, str]] = []
    for number, page in enumerate(PdfReader(io.BytesIO(data)).pages):

        def visit(text, cm, tm, _font, _size, number=number):
            if text.strip():
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                found.append((number, x, y, text))

        page.extract_text(visitor_text=visit)
    return found


def test_a_cell_with_15_foods_wraps_inside_its_page():
    foods = many_foods(15, "Food {:03d} with a longer name, roasted")
    plan = Plan(START)
    for food in foods:
        AddFood(2, "lunch", food.id, 2).apply(plan)
    data = render_pdf(plan, Evaluator(Catalog(foods)))
    pages = texts(data)
    assert len(pages) == 2  # the week still fits on its page
    assert_in_order(pages[0], [f"{food.name} 2 cups" for food in foods])
    width, height = LANDSCAPE_A4
    for page, x, y, _text in text_positions(data):
        if page == 0:
            assert 0 <= x <= width and 0 <= y <= height


def test_a_week_too_full_for_a_page_continues_with_the_header_repeated():
    foods = many_foods(60, "Food {:03d} with quite a long name")
    plan = Plan(START)
    for index, food in enumerate(foods):
        for day in range(DAYS_PER_WEEK):
            AddFood(day, MEALS[index % 4], food.id, 1).apply(plan)
    data = render_pdf(plan, Evaluator(Catalog(foods)), shopping=False)
    pages = texts(data)
    assert len(pages) >= 3
    for number, page in enumerate(pages):
        assert page.startswith("Week plan · 30 Nov – 6 Dec 2026")
        assert ("continued" in page.split("Mon 30 Nov")[0]) == (number > 0)
        assert_in_order(page, ["Mon 30 Nov", "Tue 1 Dec", "Sat 5 Dec", "Sun 6 Dec"])
    whole = " ".join(pages)
    for meal in MEALS:
        names = [f.name for i, f in enumerate(foods) if MEALS[i % 4] == meal]
        assert all(whole.count(name + " ") >= DAYS_PER_WEEK for name in names)
    assert whole.count("Pro Probiotic") == 1  # one legend, at the end
    height = LANDSCAPE_A4[1]
    assert all(0 <= y <= height for _page, _x, y, _text in text_positions(data))


def test_a_300_line_shopping_list_runs_over_pages_with_aisle_headings_repeated():
    foods = many_foods(300)
    plan = Plan(START)
    for index, food in enumerate(foods):
        AddFood(index % DAYS_PER_WEEK, MEALS[index % 4], food.id, 1).apply(plan)
    data = render_pdf(plan, Evaluator(Catalog(foods)))
    pages = texts(data)
    lists = [page for page in pages if page.startswith("Shopping list")]
    assert len(lists) >= 3
    assert all("continued" in page[:60] for page in lists[1:])
    whole = " ".join(lists)
    # Store order, then names in order within each aisle, every line with its amount.
    expected = []
    for aisle in AISLES:
        expected.append(AISLE_LABELS[aisle])
        in_aisle = sorted((f for f in foods if f.aisle == aisle), key=lambda f: f.name)
        expected += [f"{f.name} 1 cup ({f.grams:.0f} g)" for f in in_aisle]
    assert_in_order(whole, expected)
    # An aisle that runs over a page starts the next page with its heading again.
    repeated = [
        label for label in AISLE_LABELS.values() if sum(label in page for page in lists) > 1
    ]
    assert repeated


# -- writing the file -----------------------------------------------------------------------
def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_export_writes_the_rendered_bytes(tmp_path, hand, hand_pdf):
    plan, evaluator = hand
    path = tmp_path / "week.pdf"
    export_pdf(plan, evaluator, path)
    assert path.read_bytes() == hand_pdf
    export_pdf(plan, evaluator, str(path), paper="letter")  # replaces it
    assert path.read_bytes() == render_pdf(plan, evaluator, paper="letter")
    assert leftovers(tmp_path) == []


def test_a_full_disk_leaves_the_old_file_and_no_partial_one(tmp_path, hand, monkeypatch):
    plan, evaluator = hand
    path = tmp_path / "week.pdf"
    path.write_bytes(b"the previous export")

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(PdfExportError) as caught:
        export_pdf(plan, evaluator, path)
    assert str(caught.value) == f"Could not save {path}: the disk is full."
    assert path.read_bytes() == b"the previous export"
    assert leftovers(tmp_path) == []


def test_a_read_only_folder_is_one_clear_message(tmp_path, hand, monkeypatch):
    plan, evaluator = hand

    def refuse(*_args, **_kw):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(planner.storage.atomic, "_create_temp", refuse)
    path = tmp_path / "week.pdf"
    with pytest.raises(PdfExportError, match="is not writable") as caught:
        export_pdf(plan, evaluator, path)
    assert "\n" not in str(caught.value)
    assert not path.exists()


@pytest.mark.parametrize(
    ("where", "reason"),
    [("missing/week.pdf", "the folder does not exist"), ("folder", "that path is a folder")],
)
def test_a_bad_path_is_one_clear_message(tmp_path, hand, where, reason):
    plan, evaluator = hand
    (tmp_path / "folder").mkdir()
    with pytest.raises(PdfExportError, match=reason):
        export_pdf(plan, evaluator, tmp_path / where)
    assert not (tmp_path / "missing").exists()
    assert leftovers(tmp_path / "folder") == []


# -- how it looks ---------------------------------------------------------------------------
def read_pgm(data: bytes) -> tuple[int, int, bytes]:
    """Width, height and pixels of a binary 8-bit PGM, as pdftoppm -gray writes it."""
    fields, rest = data.split(maxsplit=4), b""
    magic, width, height, _maxval, rest = fields
    assert magic == b"P5"
    return int(width), int(height), rest


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) missing")
def test_the_pages_render_and_are_not_blank(tmp_path, hand):
    plan, evaluator = hand
    pdf = tmp_path / "week.pdf"
    export_pdf(plan, evaluator, pdf, notes=True)
    subprocess.run(["pdftoppm", "-r", "30", "-png", pdf, tmp_path / "page"], check=True)
    pngs = sorted(tmp_path.glob("page-*.png"))
    assert len(pngs) == 3
    assert all(p.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" for p in pngs)
    for number in (1, 2, 3):
        out = subprocess.run(
            ["pdftoppm", "-r", "30", "-gray", "-f", str(number), "-l", str(number), pdf],
            check=True,
            capture_output=True,
        ).stdout
        width, height, pixels = read_pgm(out)
        assert (width > height) == (number == 1)  # the grid is landscape
        ink = sum(1 for value in pixels if value < 160) / len(pixels)
        assert 0.01 < ink < 0.5, f"page {number} looks blank or flooded ({ink:.1%} ink)"


# -- the command ----------------------------------------------------------------------------
def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def sample_file(tmp_path: Path, capsys) -> Path:
    path = tmp_path / "week.gutplan"
    assert run(capsys, "new", path, "--sample", "--start", "2026-11-30")[0] == 0
    return path


def test_the_export_command_writes_the_pdf(tmp_path, sample_file, capsys):
    out_pdf = tmp_path / "week.pdf"
    code, out, err = run(
        capsys, "export", sample_file, "-o", out_pdf, "--paper", "letter", "--notes",
        "--have", "kefir, olive-oil", "--acne-prone",
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert out == f"Wrote {out_pdf}.\n"
    data = out_pdf.read_bytes()
    assert sizes(data)[:2] == [(792.0, 612.0), (612.0, 792.0)]
    head, _, home = texts(data)[1].partition("Already at home")
    assert "Kefir, plain" in home and "Olive oil" in home and "Kefir, plain" not in head
    code, _, _ = run(capsys, "export", sample_file, "-o", out_pdf, "--no-shopping")
    assert code == 0 and len(texts(out_pdf.read_bytes())) == 1


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["-o", "{tmp}/missing/week.pdf"], "gutskin: Could not save {tmp}/missing/week.pdf: "),
        (["-o", "{tmp}/w.pdf", "--have", "kefir,no-such-food"], "no food has the id no-such"),
        (["-o", "{tmp}/w.pdf", "--fiber-target", "500"], "fiber target must be between"),
    ],
)
def test_the_export_command_fails_in_one_line(tmp_path, sample_file, capsys, extra, message):
    args = [part.format(tmp=tmp_path) for part in extra]
    code, out, err = run(capsys, "export", sample_file, *args)
    assert code == 2 and out == ""
    assert message.format(tmp=tmp_path) in err and err.count("\n") == 1
    assert not (tmp_path / "w.pdf").exists()


# -- the first page's note ------------------------------------------------------------------
def test_the_first_page_says_it_is_not_medical_advice(hand):
    plan, evaluator = hand
    pages = texts(render_pdf(plan, evaluator, notes=True))
    assert "it is not medical advice" in NOT_ADVICE
    assert NOT_ADVICE in pages[0]
    assert all(NOT_ADVICE not in page for page in pages[1:])


# -- right-to-left names --------------------------------------------------------------------
RTL = {
    "my:goat-milk": "חלב עזים",  # goat milk
    "my:bread": "לחם (מלא)",  # bread (whole)
    "my:khubz": "خبز أسمر",  # brown bread
}


def test_right_to_left_names_print_in_visual_order():
    foods = [user_food(name, fid, aisle="prepared") for fid, name in RTL.items()]
    catalog = Catalog([*tiny_catalog(), *foods])
    plan = Plan(START)
    for index, food_id in enumerate(RTL):
        AddFood(index, "dinner", food_id, 1).apply(plan)
    data = render_pdf(plan, Evaluator(catalog))
    # pypdf's layout mode reads characters by their place on the page, left to right, as
    # a reader's eye meets them (its plain mode turns right-to-left runs back around).
    grid, shop = (
        " ".join(page.extract_text(extraction_mode="layout").split())
        for page in PdfReader(io.BytesIO(data)).pages[:2]
    )
    # Each run reversed, the brackets facing the right way, the words right to left.
    seen = {"חלב עזים": "םיזע בלח", "לחם (מלא)": "(אלמ) םחל", "خبز أسمر": "رمسأ زبخ"}
    for logical, drawn in seen.items():
        assert visual_order(logical) == drawn
        assert drawn in grid and drawn in shop
        assert logical not in grid and logical not in shop


def test_visual_order_leaves_left_to_right_text_alone_and_keeps_every_character():
    assert visual_order("Kefir (plain) 1 cup") == "Kefir (plain) 1 cup"
    assert visual_order("Milk חלב 3%") == "Milk 3% בלח"  # a number after RTL joins its run
    mixed = "a\u202eabc שלום (x) خبز"
    assert sorted(visual_order(mixed).translate({ord("("): ")", ord(")"): "("})) == sorted(
        mixed.translate({ord("("): ")", ord(")"): "("})
    )


# -- ReportLab's private API ----------------------------------------------------------------
def test_the_installed_reportlab_has_what_rl_private_relies_on():
    from reportlab.pdfbase import pdfmetrics

    assert rl_private.missing() == [], (
        f"ReportLab lacks what planner/export/rl_private.py relies on (checked with "
        f"{rl_private.CHECKED_WITH}): {rl_private.missing()}"
    )
    fonts = load_fonts()
    points = rl_private.font_code_points(pdfmetrics.getFont(fonts.sans))
    assert ord("a") in points and ord("寿") not in points


# -- cancelling -----------------------------------------------------------------------------
class CountingEvent(threading.Event):
    """An event that counts the looks at it and sets itself at look number ``at``."""

    def __init__(self, at: int | None = None) -> None:
        super().__init__()
        self.at, self.looks = at, 0

    def is_set(self) -> bool:
        self.looks += 1
        if self.at is not None and self.looks >= self.at:
            self.set()
        return super().is_set()


def long_plan(count: int, id_length: int = 120) -> Plan:
    """A week of ``count`` foods the catalog does not know, with long ids, and kefir each
    day so that every day is scored and has notes."""
    plan = Plan(START)
    for i in range(count):
        food_id = f"{i:05d}-" + "".join(chr(97 + (i * 7 + k * 3) % 26) for k in range(id_length))
        AddFood(i % DAYS_PER_WEEK, MEALS[(i // DAYS_PER_WEEK) % 4], food_id, 1).apply(plan)
    for day in range(DAYS_PER_WEEK):
        AddFood(day, "lunch", "kefir", 1).apply(plan)
    return plan


def test_a_set_cancel_stops_the_export_and_writes_nothing(tmp_path, hand):
    plan, evaluator = hand
    path = tmp_path / "week.pdf"
    path.write_bytes(b"the previous export")
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled, match="cancelled"):
        export_pdf(plan, evaluator, path, cancel=cancel)
    assert path.read_bytes() == b"the previous export"
    assert leftovers(tmp_path) == []


def test_cancel_is_noticed_at_every_stage_of_the_export():
    plan, evaluator = long_plan(60), Evaluator(tiny_catalog())
    never = CountingEvent()
    data = render_pdf(plan, evaluator, notes=True, cancel=never)
    assert data == render_pdf(plan, evaluator, notes=True)  # looking changes nothing
    total = never.looks
    assert total > 20  # between sections, inside long cells and lists, during layout
    for at in sorted({1, 2, total // 3, total // 2, total - 1, total}):
        cancel = CountingEvent(at)
        with pytest.raises(Cancelled):
            render_pdf(plan, evaluator, notes=True, cancel=cancel)
        assert cancel.looks == at  # stopped at the first look after it was set


def test_an_export_in_a_thread_stops_soon_after_cancel(tmp_path):
    """What the window's Cancel does: set the event while a worker exports."""
    plan, evaluator = long_plan(1500), Evaluator(tiny_catalog())
    path = tmp_path / "week.pdf"
    cancel, outcome = threading.Event(), []

    def work() -> None:
        try:
            export_pdf(plan, evaluator, path, notes=True, cancel=cancel)
            outcome.append("finished")
        except Cancelled:
            outcome.append("cancelled")

    worker = threading.Thread(target=work)
    worker.start()
    cancel.wait(0.3)
    cancel.set()
    worker.join(timeout=10)  # a hang guard, not a speed target
    assert not worker.is_alive()
    assert outcome == ["cancelled"]
    assert not path.exists() and leftovers(tmp_path) == []


# -- cost that grows with the plan ----------------------------------------------------------
def test_the_work_of_an_export_grows_linearly_with_many_long_unknown_ids(monkeypatch):
    """The work that made a week of 5,600 long unknown ids take minutes, counted (the times
    are in benchmarks/inprocess.py). ReportLab broke a paragraph into lines again on every
    page its cell ran over (up to 83 times here), and rebuilt the whole rest of a list as
    a new table on every column (13.6 times the rows for 4 times the foods)."""
    from collections import Counter

    from reportlab.platypus import Paragraph, Table

    breaks: Counter[object] = Counter()  # by paragraph, kept alive so no id is reused
    rows = [0]
    break_lines, table_init = Paragraph.breakLines, Table.__init__

    def counted_break_lines(self, *args, **kw):
        breaks[self] += 1
        return break_lines(self, *args, **kw)

    def counted_init(self, data, *args, **kw):
        rows[0] += len(data)
        table_init(self, data, *args, **kw)

    monkeypatch.setattr(Paragraph, "breakLines", counted_break_lines)
    monkeypatch.setattr(Table, "__init__", counted_init)
    evaluator = Evaluator(tiny_catalog())
    made = []
    for count in (200, 800):
        breaks.clear()
        rows[0] = 0
        render_pdf(long_plan(count), evaluator, notes=True)
        assert max(breaks.values()) <= 3  # once per width it is measured at
        made.append(rows[0])
    assert made[1] <= 5 * made[0], made


def test_a_long_aisle_prints_like_one_table(monkeypatch):
    """An aisle longer than shopping.WINDOW is laid out a window at a time; every line
    lands where the whole table would put it."""
    foods = many_foods(3 * shopping.WINDOW + 5)
    foods = [user_food(f.name, f.id, serving_label="1 cup", aisle="produce") for f in foods]
    plan = Plan(START)
    for index, food in enumerate(foods):
        AddFood(index % DAYS_PER_WEEK, MEALS[index % 4], food.id, 1).apply(plan)
    evaluator = Evaluator(Catalog(foods))
    windowed = render_pdf(plan, evaluator, have={foods[0].id})
    monkeypatch.setattr(shopping, "WINDOW", 10**6)
    whole = render_pdf(plan, evaluator, have={foods[0].id})
    assert text_positions(windowed) == text_positions(whole)
    lists = [page for page in texts(windowed) if page.startswith("Shopping list")]
    assert_in_order(" ".join(lists), [f"{f.name} 1 cup" for f in foods[1:]])
    assert sum(AISLE_LABELS["produce"] in page for page in lists) == len(lists)


def test_day_notes_list_every_unknown_food_of_a_day():
    plan = long_plan(7 * 45, id_length=12)
    notes = " ".join(texts(render_pdf(plan, Evaluator(tiny_catalog()), notes=True))[-3:])
    ids = [entry.food_id for meal in MEALS for entry in plan.cell(0, meal)]
    unknown = [food_id for food_id in ids if food_id != "kefir"]
    assert len(unknown) == 45
    listed = notes.split("Not in the catalog:")[1].split("Would raise")[0]
    assert all(food_id in listed for food_id in unknown)
