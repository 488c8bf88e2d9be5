"""Figures measured inside one process: catalog loading, re-scoring after an edit,
suggestions, palette search and PDF export. The window and its models run on Qt's
offscreen platform; painting is not timed."""

from __future__ import annotations

import os
import random
import sys
import tempfile
from functools import partial
from pathlib import Path

from planner.core.edits import AddFood, Edit, RemoveEntry, SetAmount
from planner.core.foods import Catalog
from planner.core.plan import DAYS_PER_WEEK, MEALS, Plan

from .common import START, Row, full_plan, median, percentile, synthetic_catalog, time_ms

DAY = 3  # the day suggestions are asked for: a Thursday of the full week


def catalog_rows(repeats: int) -> list[Row]:
    Catalog.load()  # the first load also imports and opens the resource files
    load = median(time_ms(Catalog.load, repeats))
    return [Row("Loading the full catalog (curated + SR28)", load, "ms", 150.0, "issue")]


def _qt_message(_mode: object, _context: object, message: str) -> None:
    # The offscreen platform warns on every window that it cannot pass size hints to a
    # window manager it does not have; any other message still reaches stderr.
    if "propagateSizeHints" not in message:
        print(message, file=sys.stderr)


def _qt_app():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import qInstallMessageHandler

    from ui.app import create_application

    qInstallMessageHandler(_qt_message)
    return create_application()


def _process_events() -> None:
    from PySide6.QtCore import QCoreApplication

    for _ in range(3):
        QCoreApplication.processEvents()


def rescore_times(
    catalog: Catalog, weeks: int, edits: int, folder: Path, *, recipes: bool = False
) -> list[float]:
    """Milliseconds from applying one edit to the window's models holding the new scores.

    Each edit goes through the document as a user's would (undo stack, plan listeners, the
    week model's dataChanged); ScoreKeeper.flush() then re-scores at once instead of on
    the next turn of the event loop, and its ``updated`` signal updates the week model,
    the week summary and the day panel with its suggestions. The edited cell is selected
    first, as after a click; painting happens between edits and is not timed.

    With ``recipes``, every meal holds starter recipes instead (``full_recipe_plan``), the
    evaluator counts them through a PlanResolver, and the edits add, remove and change
    the portions of recipes.
    """
    import time

    from planner.recipes.book import RecipeBook
    from planner.recipes.resolve import PlanResolver, recipe_entry_id
    from planner.storage.userfoods import UserFoods
    from ui.settings import Settings
    from ui.window.mainwindow import MainWindow

    _qt_app()
    book = RecipeBook.load(catalog) if recipes else None
    plan = full_recipe_plan(catalog, book, weeks) if book else full_plan(catalog, weeks)
    window = MainWindow(
        Settings(folder / f"settings-{weeks}.ini"),
        catalog,
        plan,
        user_foods=UserFoods(folder / "my-foods.json"),
        background=False,
    )
    window.show()
    window.start_scoring()
    _process_events()
    if book is not None:  # the app's window does not hold a recipe book yet: given here
        evaluator = window.scores.evaluator
        assert evaluator is not None
        evaluator.resolver = PlanResolver(catalog, book)
        window.scores.rescore_all()
    window.scores.flush()
    doc = window.document
    rng = random.Random(weeks)
    ids = [recipe_entry_id(r) for r in book] if book else [food.id for food in catalog]
    times = []
    added: tuple[int, str, int] | None = None
    for number in range(edits):
        if added is not None:  # take back the food the last edit added
            day, meal, index = added
            edit: Edit = RemoveEntry(day, meal, index)
            added = None
        else:
            day = rng.randrange(weeks * DAYS_PER_WEEK)
            meal = rng.choice(MEALS)
            if number % 3 == 0:
                edit = AddFood(day, meal, rng.choice(ids))
                added = (day, meal, len(doc.plan.cell(day, meal)))
            else:
                index = rng.randrange(len(doc.plan.cell(day, meal)))
                amount = doc.plan.cell(day, meal)[index].amount
                edit = SetAmount(day, meal, index, 2.5 if amount != 2.5 else 1.0)  # keeps its unit
        window.set_week(day // DAYS_PER_WEEK)
        window.grid.set_current(day, meal)
        _process_events()
        began = time.perf_counter()
        doc.apply(edit)
        window.scores.flush()
        times.append((time.perf_counter() - began) * 1000)
        _process_events()
    doc.undo_stack.setClean()
    window.close()
    window.deleteLater()
    _process_events()
    return times


def full_recipe_plan(catalog: Catalog, book, weeks: int = 1, seed: int = 2026) -> Plan:
    """Every meal of every day holds 3 starter recipes of its meal type (or for any meal),
    at 1 to 2 portions: 84 recipe entries a week, some 600 ingredients."""
    from planner.recipes.resolve import recipe_entry_id

    rng = random.Random(seed)
    kinds = {"breakfast": "breakfast", "lunch": "lunch", "dinner": "dinner", "snacks": "snack"}
    plan = Plan(START, weeks)
    for day in range(weeks * DAYS_PER_WEEK):
        for meal in MEALS:
            fitting = [r for r in book if r.meal in (kinds[meal], "any")]
            for recipe in rng.sample(fitting, min(3, len(fitting))):
                entry_id = recipe_entry_id(recipe)
                AddFood(day, meal, entry_id, rng.choice((1.0, 1.5, 2.0))).apply(plan)
    return plan


def rescore_rows(catalog: Catalog, edits: int) -> list[Row]:
    with tempfile.TemporaryDirectory(prefix="gutskin-bench-") as folder:
        week = rescore_times(catalog, 1, edits, Path(folder))
        four = rescore_times(catalog, 4, edits, Path(folder))
        twelve = rescore_times(catalog, 12, edits, Path(folder))
        dishes = rescore_times(catalog, 1, edits, Path(folder), recipes=True)
    base = median(week)
    return [
        Row("Re-score after one edit, full week (168 entries), median", base, "ms", 2.0, "issue"),
        Row(
            "Re-score after one edit, full week of recipes (84 dishes), median",
            median(dishes),
            "ms",
            2.0,
            "issue",
        ),
        Row(
            "Re-score after one edit, full week, 95th percentile",
            percentile(week, 0.95),
            "ms",
            5.0,
            "issue",
        ),
        Row(
            "Re-score after one edit, 4 weeks (672 entries), median",
            median(four),
            "ms",
            4 * base,
            "linear: 4 x 1 week",
        ),
        Row(
            "Re-score after one edit, 12 weeks (2,016 entries), median",
            median(twelve),
            "ms",
            12 * base,
            "linear: 12 x 1 week",
        ),
    ]


def evaluator_rows(catalog: Catalog, repeats: int) -> list[Row]:
    """The planner's part alone: one day re-scored, and one day's suggestions."""
    from planner.scoring.evaluator import Evaluator

    evaluator = Evaluator(catalog)
    plan = full_plan(catalog)
    evaluator.evaluate(plan, tips=False)  # builds the cached catalog table
    one_day = median(time_ms(lambda: evaluator.score_days(plan, [DAY], tips=False), repeats))
    suggest = median(time_ms(lambda: evaluator.suggest(plan, DAY, top=5), repeats))
    return [
        Row("Evaluator alone: one day of a full week scored", one_day, "ms"),
        Row("Suggestions for one day over the full catalog", suggest, "ms", 30.0, "issue"),
    ]


def suggestion_scaling_rows(catalog: Catalog, repeats: int) -> list[Row]:
    from planner.scoring.evaluator import Evaluator

    measured = {}
    for size in (1_000, 8_789, 50_000):
        foods = synthetic_catalog(catalog, size)
        evaluator = Evaluator(foods)
        plan = full_plan(foods)
        evaluator.suggest(plan, DAY, top=5)  # builds the cached catalog table
        measured[size] = median(time_ms(partial(evaluator.suggest, plan, DAY), repeats))
    small = measured[1_000]
    rows = [Row("Suggestions, synthetic catalog of 1,000 foods", small, "ms")]
    for size in (8_789, 50_000):
        rows.append(
            Row(
                f"Suggestions, synthetic catalog of {size:,} foods",
                measured[size],
                "ms",
                small * size / 1_000,
                f"linear: {size / 1_000:g} x 1,000 foods",
            )
        )
    return rows


def palette_rows(catalog: Catalog, repeats: int) -> list[Row]:
    """The slowest keystroke typing and then deleting a search in "All foods": the
    filter, the model reset and the list's layout of its rows (the 60 ms pause that lets
    a fast typist finish a word is not counted, nor is painting)."""
    from ui.panels.palette import ALL, PalettePanel

    _qt_app()
    panel = PalettePanel(catalog)
    panel.resize(320, 700)
    panel.show()
    panel.show_palette(ALL)
    _process_events()
    word = "chicken breast"
    texts = [word[:n] for n in range(1, len(word) + 1)]
    texts += [*reversed(texts[:-1]), ""]

    def keystroke(text: str) -> None:
        panel.search.setText(text)
        panel.apply_filter()
        panel.list.executeDelayedItemsLayout()  # the layout a paint would run first, if due

    per_key: dict[str, list[float]] = {text: [] for text in texts}
    for _ in range(repeats):
        for text in texts:
            per_key[text] += time_ms(partial(keystroke, text), 1)
            _process_events()
    worst = max(median(times) for times in per_key.values())
    panel.close()
    panel.deleteLater()
    _process_events()
    return [
        Row("Palette search over the full catalog, slowest keystroke", worst, "ms", 16.0, "issue")
    ]


def pdf_rows(catalog: Catalog, repeats: int) -> list[Row]:
    """Export with the shopping list and day notes, after ReportLab is imported and its
    fonts registered (one untimed export)."""
    from planner.export.pdf import export_pdf
    from planner.scoring.evaluator import Evaluator

    evaluator = Evaluator(catalog)
    measured = {}
    with tempfile.TemporaryDirectory(prefix="gutskin-bench-") as folder:
        out = Path(folder) / "week.pdf"
        for weeks in (1, 4, 12):
            plan = full_plan(catalog, weeks)
            export = lambda p=plan: export_pdf(p, evaluator, out, shopping=True, notes=True)  # noqa: E731
            if weeks == 1:
                export()
            measured[weeks] = median(time_ms(export, repeats, collect=True))
    base = measured[1]
    return [
        Row("PDF export, full week with shopping list and notes", base, "ms", 300.0, "issue"),
        Row("PDF export, 4 weeks", measured[4], "ms", 4 * base, "linear: 4 x 1 week"),
        Row("PDF export, 12 weeks", measured[12], "ms", 12 * base, "linear: 12 x 1 week"),
        *pdf_unknown_rows(catalog, quick=repeats == 1),
    ]


def unknown_plan(count: int, id_length: int = 200) -> Plan:
    """One week of ``count`` foods the catalog does not know, each with an id of
    ``id_length`` characters, spread over every cell: the hardening issue's hostile file."""
    rng = random.Random(2026)
    plan = Plan(START)
    for i in range(count):
        food_id = f"{i:05d}-" + "".join(rng.choice("abcdefghij") for _ in range(id_length - 6))
        AddFood(i % DAYS_PER_WEEK, MEALS[(i // DAYS_PER_WEEK) % len(MEALS)], food_id, 1).apply(plan)
    return plan


def pdf_unknown_rows(catalog: Catalog, *, quick: bool) -> list[Row]:
    """A week of N and of 4 N foods with 200-character unknown ids, shopping list and notes
    included (N is 700, or 175 in quick mode): the cost must grow linearly. Before the fix
    a week of 5,600 such foods took 115 s."""
    from planner.export.pdf import render_pdf
    from planner.scoring.evaluator import Evaluator

    evaluator = Evaluator(catalog)
    count = 175 if quick else 700
    render_pdf(unknown_plan(7), evaluator)  # ReportLab imported, fonts registered
    measured = {}
    for n in (count, 4 * count):
        plan = unknown_plan(n)
        measured[n] = median(
            time_ms(partial(render_pdf, plan, evaluator, notes=True), 1 if quick else 3)
        )
    base = measured[count]
    return [
        Row("PDF export, a week of N foods with 200-character unknown ids", base, "ms", None),
        Row(
            "PDF export, the same with 4 N foods",
            measured[4 * count],
            "ms",
            4 * base,
            f"linear: 4 x N, N = {count}",
        ),
    ]
