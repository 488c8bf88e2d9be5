"""The recipes' figures (issue 13): importing a file of 500 recipes, searching a book of
1,000 recipes as the user types, and the same search in the window's Recipes palette.

``python -m benchmarks.recipes [--quick]`` prints them alone; ``recipe_rows`` gives the rows
for the main table.
"""

from __future__ import annotations

import json
import random
import sys
import time

from planner.core.foods import CURATED, Catalog
from planner.recipes.book import RecipeBook, load_starter
from planner.recipes.importing import import_bytes
from planner.recipes.model import Ingredient, Recipe

from .common import Row, format_table, median, time_ms

ROW_NAMES = (
    "Recipe import: a file of 500 recipes (schema.org JSON)",
    "Recipe search over 1,000 recipes, slowest keystroke (median of 7)",
    "Recipes palette over 1,000 recipes, slowest keystroke with its rows painted",
    "Recipes palette, the frame after a keystroke: scores of the rows come into view",
)
UNITS = ("g", "cup", "cups", "tbsp", "tsp", "oz", "", "cloves", "medium")
PREP = ("", ", chopped", ", minced", " (about 1 cup)", ", to serve", ", sliced thin")


def _line(rng: random.Random, name: str) -> str:
    """An ingredient line as a recipe site writes one, naming a food in its own words."""
    words = name.split(",")[0].strip().lower()
    if rng.random() < 0.3:  # a second part of the name, as "cooked" or "raw"
        words = f"{name.split(',')[-1].strip().lower()} {words}"
    unit = rng.choice(UNITS)
    amount = rng.choice(("1", "2", "½", "1 ½", "200", "3/4", "2-3"))
    if unit == "g":
        amount = str(rng.randint(20, 500))
    return " ".join(part for part in (amount, unit, words) if part) + rng.choice(PREP)


def synthetic_file(catalog: Catalog, recipes: int = 500, seed: int = 13) -> bytes:
    """Schema.org recipes of 6 to 14 lines naming foods from all over the catalog (so that
    few lines repeat and the matcher's cache helps little), with a few lines of nonsense."""
    rng = random.Random(seed)
    foods = list(catalog)
    items = []
    for n in range(recipes):
        lines = [_line(rng, rng.choice(foods).name) for _ in range(rng.randint(6, 14))]
        if rng.random() < 0.2:
            lines.append("a pinch of something nice")
        items.append(
            {
                "@context": "https://schema.org",
                "@type": "Recipe",
                "name": f"Dish {n}",
                "recipeYield": f"{rng.randint(1, 6)} servings",
                "recipeIngredient": lines,
                "recipeInstructions": [{"@type": "HowToStep", "text": "Cook it all."}],
            }
        )
    return json.dumps(items).encode()


def synthetic_book(catalog: Catalog, size: int = 1_000, seed: int = 13) -> RecipeBook:
    """The starter recipes and own ones made of random curated and SR28 foods."""
    rng = random.Random(seed)
    curated = [food for food in catalog if food.origin == CURATED]
    everything = list(catalog)
    recipes = load_starter()
    while len(recipes) < size:
        picks = [rng.choice(curated if rng.random() < 0.6 else everything) for _ in range(8)]
        recipes.append(
            Recipe(
                f"my-recipe:{len(recipes)}",
                f"{picks[0].name.split(',')[0]} with {picks[1].name.split(',')[0].lower()}",
                rng.choice((1, 2, 4)),
                tuple(Ingredient(food.id, grams=rng.uniform(5, 300)) for food in picks),
            )
        )
    return RecipeBook(catalog, recipes)


def recipe_rows(catalog: Catalog, quick: bool = False) -> list[Row]:
    data = synthetic_file(catalog)
    imports = time_ms(lambda: import_bytes(data, "many.json", catalog), 1 if quick else 3)
    book = synthetic_book(catalog)
    # each keystroke timed several times and its median kept: the slowest keystroke, not
    # the slowest moment of a machine shared with other work
    slowest = []
    for query in ("chickpea spinach", "kefir ber", "salmon"):
        for end in range(1, len(query) + 1):
            times = []
            for _ in range(1 if quick else 7):
                began = time.perf_counter()
                book.search(query[:end])
                times.append((time.perf_counter() - began) * 1000)
            slowest.append(median(times))
    keystroke, scoring = palette_keystrokes(catalog, book, quick)
    return [
        Row(ROW_NAMES[0], median(imports), "ms", 10_000.0, "issue 13"),
        Row(ROW_NAMES[1], max(slowest), "ms", 16.0, "issue 13 (one frame)"),
        Row(ROW_NAMES[2], keystroke, "ms", 16.0, "issue 13 (one frame)"),
        Row(ROW_NAMES[3], scoring, "ms", 16.0, "issue 13 (one frame)"),
    ]


def palette_keystrokes(catalog: Catalog, book: RecipeBook, quick: bool = False) -> list[float]:
    """Typing and deleting searches in the Recipes palette, the slowest keystroke of each
    frame: the keystroke's own (the search, the model reset, the list's layout and the
    painting of the rows in view) and the one after it, which scores the rows that came
    into view and paints them again (ui.window.recipes.PortionScores). The scores are
    forgotten before each round, so every round pays for them as the first search does."""
    from functools import partial

    from planner.scoring.evaluator import Evaluator
    from ui.panels.palette import RECIPES, PalettePanel
    from ui.window.recipes import PortionScores

    from .inprocess import _process_events, _qt_app

    _qt_app()
    evaluator = Evaluator(catalog)
    evaluator.table()
    panel = PalettePanel(catalog)
    scores = PortionScores(lambda: evaluator, lambda: book, panel)
    scores.scored.connect(panel.recipes.scores_changed)
    panel.recipes.set_book(book)
    panel.recipes.set_score_source(scores.score_of)
    panel.resize(320, 700)
    panel.show()
    panel.show_palette(RECIPES)
    _process_events()
    texts: list[str] = []
    for query in ("chickpea spinach", "kefir ber", "salmon"):
        typed = [query[:end] for end in range(1, len(query) + 1)]
        texts += [*typed, *reversed(typed[:-1]), ""]

    def keystroke(text: str) -> None:
        panel.search.setText(text)
        panel.apply_filter()
        panel.list.executeDelayedItemsLayout()
        panel.list.viewport().repaint()  # paints the rows in view, asking their scores

    def next_frame() -> None:
        scores.flush()
        panel.list.viewport().repaint()

    per_key: dict[str, list[float]] = {text: [] for text in texts}
    after: dict[str, list[float]] = {text: [] for text in texts}
    for _ in range(1 if quick else 5):
        scores.clear()
        for text in texts:
            per_key[text] += time_ms(partial(keystroke, text), 1)
            after[text] += time_ms(next_frame, 1)
            _process_events()
    panel.close()
    panel.deleteLater()
    _process_events()
    return [
        max(median(times) for times in per_key.values()),
        max(median(times) for times in after.values()),
    ]


def main(argv: list[str] | None = None) -> int:
    quick = "--quick" in (argv if argv is not None else sys.argv[1:])
    rows = recipe_rows(Catalog.load(), quick)
    print(format_table(rows, "Recipes"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
