"""Importing recipes: ingredient lines, matching, every format with good and bad files,
progress and cancel, and the `gutskin recipes` command."""

from __future__ import annotations

import argparse
import io
import json
import threading
import zipfile
from pathlib import Path

import pytest

from planner.errors import Cancelled, PlannerError, RecipeImportError
from planner.recipes.importing import (
    CONFIRMED,
    NOTE,
    REVIEW,
    import_bytes,
    import_file,
    match_line,
)
from planner.recipes.lines import parse_line
from planner.recipes.matching import Matcher, to_grams

DATA = Path(__file__).parent / "data" / "recipes"


@pytest.fixture(scope="module")
def matcher(catalog):
    return Matcher(catalog)


@pytest.mark.parametrize(
    ("line", "amount", "unit", "food", "detail"),
    [
        ("2 cloves garlic, minced", 2, "clove", "garlic", "minced"),
        ("1 ½ cups cooked lentils", 1.5, "cup", "cooked lentils", ""),
        ("1½ cups cooked lentils", 1.5, "cup", "cooked lentils", ""),
        ("200 g Greek yogurt", 200, "g", "Greek yogurt", ""),
        ("200g Greek yogurt", 200, "g", "Greek yogurt", ""),
        ("1 1/2 tbsp olive oil", 1.5, "tbsp", "olive oil", ""),
        ("2-3 tomatoes", 2.5, None, "tomatoes", ""),
        ("1 (15 oz) can chickpeas, drained", 1, "can", "chickpeas", "drained; 15 oz"),
        ("2 T miso", 2, "tbsp", "miso", ""),
        ("1 tablespoon of olive oil", 1, "tbsp", "olive oil", ""),
        ("salt to taste", None, None, "salt to taste", ""),
        ("a pinch of salt", 1, "pinch", "salt", ""),
        ("an apple", None, None, "an apple", ""),
    ],
)
def test_lines_parse_into_amount_unit_and_food(line, amount, unit, food, detail):
    parsed = parse_line(line)
    assert (parsed.amount, parsed.unit, parsed.food, parsed.detail) == (amount, unit, food, detail)
    assert parsed.text == line


def test_matching_prefers_curated_and_cooked_foods(matcher):
    assert matcher.candidates("cooked lentils")[0].food_id == "lentils"
    assert matcher.candidates("garlic")[0].food_id == "garlic"
    assert matcher.candidates("Greek yogurt")[0].food_id == "greek-yogurt"
    # SR28's "Salt, table", not a food that merely says "without salt"
    assert matcher.candidates("salt")[0].name.startswith("Salt")


def test_household_measures_give_grams(catalog):
    assert to_grams(catalog["garlic"], 2, "clove").grams == pytest.approx(6.0)
    assert to_grams(catalog["lentils"], 1.5, "cup").grams == pytest.approx(297.0)
    assert to_grams(catalog["olive-oil"], 2, "tsp").grams == pytest.approx(9.0)
    assert to_grams(catalog["eggs"], 3, None).grams == pytest.approx(132.0)  # 3 medium
    assert to_grams(catalog["kefir"], 1, "lb").grams == pytest.approx(453.59237)
    assert to_grams(catalog["garlic"], None, "clove") is None


def test_nothing_is_matched_silently_wrong(matcher):
    assert match_line("2 cloves garlic, minced", matcher).status == CONFIRMED
    assert match_line("xylophone sprinkles", matcher).status == NOTE
    unsure = match_line("salmon fillet", matcher)  # a good guess, no amount
    assert unsure.status == REVIEW
    assert unsure.ingredient().is_note  # until the user confirms it
    # a volume of a food with no volume measure is weighed as water: an estimate, to review
    estimated = match_line("2 tbsp chia seeds", matcher)
    assert estimated.amount.estimated and estimated.status == REVIEW


def test_a_saved_web_page_with_a_graph(catalog):
    result = import_file(DATA / "page.html", catalog)
    (soup,) = result.imported
    assert soup.raw.name == "Garlicky lentil and leek soup"
    assert soup.raw.portions == 4
    assert soup.raw.method.splitlines() == [
        "Soup:",
        "Soften the onion and leeks in the oil.",
        "Add the garlic, turmeric and lentils with a litre of water; simmer 20 minutes.",
        "Season and serve.",
    ]
    assert {"soup", "vegan", "lunch"} <= set(soup.raw.tags)
    recipe = soup.recipe()
    assert len(recipe.ingredients) == 8  # no line dropped
    foods = {item.food_id for item in recipe.ingredients}
    assert {"olive-oil", "garlic", "lentils", "turmeric"} <= foods
    assert "a little love" in recipe.notes
    garlic = next(i for i in recipe.ingredients if i.food_id == "garlic")
    assert (garlic.grams, garlic.measure, garlic.count) == (12.0, "clove", 4.0)


def test_a_json_file_of_several_recipes(catalog):
    result = import_file(DATA / "recipes-schema.json", catalog)
    names = [item.raw.name for item in result.imported]
    assert names == ["Yogurt berry bowl", "Kefir smoothie"]
    bowl = result.imported[0].recipe()
    assert bowl.portions == 2
    assert [i.food_id for i in bowl.ingredients][:2] == ["greek-yogurt", "blueberries"]
    # SR28 weighs chia seeds by the ounce only: a tablespoon is an estimate to review
    chia = result.imported[0].lines[2]
    assert chia.best.food_id == "chia-seeds" and chia.amount.estimated
    assert chia.status == REVIEW and bowl.ingredients[2].is_note


def _zip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_a_mealie_backup(catalog, tmp_path):
    path = tmp_path / "mealie_2026.11.30.zip"
    path.write_bytes(_zip({"database.json": (DATA / "mealie-database.json").read_bytes(),
                           "data/.keep": b""}))  # fmt: skip
    result = import_file(path, catalog)
    salmon, miso = result.imported
    assert salmon.raw.name == "Salmon with sweet potato" and salmon.raw.portions == 2
    assert [line.parsed.text for line in salmon.lines] == [
        "300 g salmon, skin on",
        "2 sweet potato",
        "a squeeze of lemon",
    ]
    assert salmon.raw.method.startswith("Bake the sweet potatoes")
    assert salmon.raw.tags == ["dinner"]
    assert miso.raw.portions == 3  # recipe_servings 0: the yield text tells
    assert miso.lines[0].best.food_id == "miso"


def test_a_tandoor_export(catalog, tmp_path):
    inner = _zip({"recipe.json": (DATA / "tandoor-recipe.json").read_bytes(), "image.jpg": b"x"})
    path = tmp_path / "export.zip"
    path.write_bytes(_zip({"Chickpea_spinach_curry.zip": inner}))
    (curry,) = import_file(path, catalog).imported
    assert curry.raw.name == "Chickpea spinach curry" and curry.raw.portions == 4
    assert curry.raw.tags == ["curry", "vegan"]
    texts = [line.parsed.text for line in curry.lines]
    assert texts == ["1 onion", "3 cloves garlic, minced", "1 tsp turmeric", "400 g chickpeas",
                     "150 g spinach", "salt"]  # fmt: skip
    recipe = curry.recipe()
    chickpeas = next(i for i in recipe.ingredients if i.food_id == "chickpeas")
    assert chickpeas.grams == 400


def _bad_zip_of_nothing() -> bytes:
    return _zip({"readme.txt": b"hello"})


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.json", b"", "not a recipe file"),
        ("broken.json", b'{"@type": "Recipe", ', "not valid JSON"),
        ("other.json", b'{"@type": "Person", "name": "x"}', "holds no schema.org recipe"),
        ("page.html", b"<html><body>no recipe</body></html>", "holds no schema.org recipe"),
        ("utf16.json", "[]".encode("utf-16"), "UTF-16"),
        ("binary.bin", b"\x00\x01\x02garbage", "not a recipe file"),
        ("cut.zip", _zip({"database.json": b"{}"})[:30], "damaged zip"),
        ("nothing.zip", _bad_zip_of_nothing(), "neither a Mealie backup nor a Tandoor"),
        ("mealie.zip", _zip({"database.json": b'{"recipes": 3}'}), "not a Mealie backup"),
        ("mealie.zip", _zip({"database.json": b"{nope"}), "not valid JSON"),
    ],
)
def test_bad_files_get_one_line_messages(catalog, name, data, message):
    with pytest.raises(RecipeImportError) as caught:
        import_bytes(data, name, catalog)
    text = str(caught.value)
    assert message in text and text.startswith(name) and "\n" not in text


def test_a_missing_file_and_a_folder(catalog, tmp_path):
    with pytest.raises(RecipeImportError, match="does not exist"):
        import_file(tmp_path / "nope.json", catalog)
    with pytest.raises(RecipeImportError, match="is a folder"):
        import_file(tmp_path, catalog)


def _many(count: int) -> bytes:
    return json.dumps(
        [{"@type": "Recipe", "name": f"Bowl {n}", "recipeIngredient": ["1 cup kefir"]}
         for n in range(count)]
    ).encode()  # fmt: skip


def test_progress_and_cancel(catalog):
    seen: list[tuple[int, int]] = []
    import_bytes(
        _many(5), "many.json", catalog, progress=lambda done, total: seen.append((done, total))
    )
    assert seen == [(n, 5) for n in range(1, 6)]
    cancel = threading.Event()

    def stop_after_two(done: int, total: int) -> None:
        if done == 2:
            cancel.set()

    with pytest.raises(Cancelled):
        import_bytes(_many(5), "many.json", catalog, progress=stop_after_two, cancel=cancel)


# -- the command -------------------------------------------------------------------------
def run_cli(*argv: str) -> int:
    """What commands.main does with a PlannerError: one line on stderr, exit code 2."""
    from planner.cli.recipes import add_recipes_parser, cmd_recipes

    parser = argparse.ArgumentParser(prog="gutskin")
    add_recipes_parser(parser.add_subparsers(dest="command"))
    try:
        return cmd_recipes(parser.parse_args(argv))
    except PlannerError as exc:
        print(f"gutskin: {exc}", file=__import__("sys").stderr)
        return 2


def test_cli_lists_the_book_as_json(capsys):
    assert run_cli("recipes", "--json") == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) >= 24
    oats = next(r for r in rows if r["id"] == "overnight-oats-kefir-berries")
    assert oats["per_portion"]["live_cultures"] == "live"
    assert "probiotic" in oats["per_portion"]["categories"]


def test_cli_import_reviews_without_yes_and_saves_with_it(capsys, tmp_path):
    from planner.recipes.book import open_own

    page = DATA / "page.html"
    assert run_cli("recipes", "import", str(page)) == 0
    out = capsys.readouterr().out
    assert "nothing was saved" in out and "--yes" in out
    assert len(open_own()[0]) == 0
    assert run_cli("recipes", "import", str(page), "--yes") == 0
    assert "1 recipe saved; " in capsys.readouterr().out  # the singular, not "recipe(s)"
    own = list(open_own()[0])
    assert [r.name for r in own] == ["Garlicky lentil and leek soup"]
    assert len(own[0].ingredients) == 8
    # a second import keeps both, under distinct ids
    assert run_cli("recipes", "import", str(page), "--yes") == 0
    assert len({r.id for r in open_own()[0]}) == 2
    # export, then import the export: the app's own format round trips
    out_file = tmp_path / "mine.json"
    assert run_cli("recipes", "export", "-o", str(out_file)) == 0
    assert run_cli("recipes", "export", "-o", str(out_file)) == 2  # no silent overwrite
    capsys.readouterr()
    assert run_cli("recipes", "import", str(out_file), "--yes") == 0
    mine = list(open_own()[0])
    assert len(mine) == 4
    assert mine[2].ingredients == own[0].ingredients


def test_cli_bad_file_exits_2_with_one_line(capsys, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    assert run_cli("recipes", "import", str(bad)) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "bad.json" in err


def test_the_recipe_benchmarks_run(catalog):
    from benchmarks.recipes import ROW_NAMES, recipe_rows, synthetic_file

    rows = recipe_rows(catalog, quick=True)
    assert [row.name for row in rows] == list(ROW_NAMES)
    # the synthetic file is what the figure says: 500 recipes, every line kept
    result = import_bytes(synthetic_file(catalog), "many.json", catalog)
    assert len(result.imported) == 500
    assert all(len(r.recipe().ingredients) == len(r.raw.lines) for r in result.imported)


def test_hostile_files_are_refused_or_kept_whole(catalog, monkeypatch):
    from planner.recipes import archives
    from planner.recipes.model import MAX_INGREDIENTS

    # deep nesting: refused in one line or read, never a crash
    deep = b'{"@type": "Recipe", "name": "x", "recipeInstructions": ' + b"[" * 5000
    deep += b"]" * 5000 + b"}"
    with pytest.raises(RecipeImportError):
        import_bytes(deep, "deep.json", catalog)
    nested = {"@type": "Recipe", "name": "Nest", "recipeInstructions": "Stir."}
    for _ in range(200):
        nested = {"@type": "HowToSection", "itemListElement": [nested]}
    shallow = {"@type": "Recipe", "name": "Nest", "recipeInstructions": [nested]}
    (only,) = import_bytes(json.dumps(shallow).encode(), "nest.json", catalog).imported
    assert only.raw.name == "Nest"
    # control characters are dropped from names and lines
    evil = {
        "@type": "Recipe",
        "name": "Soup\x1b]0;pwned\x07",
        "recipeIngredient": ["1 onion\x1b[2J"],
    }
    (clean,) = import_bytes(json.dumps(evil).encode(), "evil.json", catalog).imported
    assert clean.raw.name == "Soup]0;pwned" and clean.lines[0].parsed.text == "1 onion[2J"
    # more lines than a recipe holds: the rest are kept in its last note
    many = {"@type": "Recipe", "name": "Long", "recipeIngredient": [f"{n} g kale" for n in
            range(1, MAX_INGREDIENTS + 11)]}  # fmt: skip
    (long,) = import_bytes(json.dumps(many).encode(), "long.json", catalog).imported
    recipe = long.recipe()
    assert len(recipe.ingredients) == MAX_INGREDIENTS
    assert recipe.notes[-1].endswith(f"{MAX_INGREDIENTS + 10} g kale")
    assert recipe.notes[-1].count("g kale") == 11
    # a zip that unpacks to more than the budget is refused
    monkeypatch.setattr(archives, "MAX_TOTAL_BYTES", 1000)
    inner = _zip({"recipe.json": (DATA / "tandoor-recipe.json").read_bytes()})
    with pytest.raises(RecipeImportError, match="unpacks to more"):
        import_bytes(_zip({"a.zip": inner}), "bomb.zip", catalog)


def test_the_review_confirms_picks_another_food_or_keeps_a_note(catalog, matcher):
    from planner.errors import RecipeError

    unsure = match_line("1 lb salmon fillet", matcher)
    assert unsure.status == REVIEW
    unsure.confirm(catalog)  # the suggestion, with the line's own amount
    assert unsure.ingredient().food_id == unsure.best.food_id
    assert unsure.ingredient().grams == pytest.approx(453.59237)
    other = match_line("1 can chickpeas", matcher)  # no measure for a can
    with pytest.raises(RecipeError, match="give the amount in grams"):
        other.confirm(catalog)
    assert other.status == REVIEW
    other.confirm(catalog, "black-beans", 240)  # another food, weighed by the user
    assert (other.ingredient().food_id, other.ingredient().grams) == ("black-beans", 240)
    assert other.best.confidence == 100.0
    with pytest.raises(RecipeError, match="choose a food"):
        other.confirm(catalog, "no-such-food", 10)
    other.keep_as_note()
    assert other.ingredient().is_note and other.ingredient().text == "1 can chickpeas"
    estimate = match_line("2 tbsp chia seeds", matcher)
    estimate.confirm(catalog)
    assert estimate.status == CONFIRMED and not estimate.amount.estimated


def _encrypted(files: dict[str, bytes]) -> bytes:
    """A zip whose members say they are encrypted (general purpose flag bit 0), as a
    password-protected archive's do; zipfile can read such headers but not write them."""
    data = bytearray(_zip(files))
    for signature, flags_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = 0
        while (start := data.find(signature, start)) >= 0:
            data[start + flags_at] |= 0x01
            start += 4
    return bytes(data)


def _mealie(recipe_id: object, position: object = 1) -> bytes:
    tables = {
        "recipes": [{"id": recipe_id, "name": "Porridge", "recipe_servings": 2}],
        "recipes_ingredients": [
            {"recipe_id": recipe_id, "original_text": "1 cup oats", "position": position},
            {"recipe_id": [1], "food_id": {"x": 1}, "unit_id": [2], "quantity": 10**400},
        ],
        "recipe_instructions": [{"recipe_id": recipe_id, "text": "Cook.", "position": 10**400}],
        "recipes_to_tags": [{"recipe_id": recipe_id, "tag_id": ["t"]}],
        "tags": [{"id": {"t": 1}, "name": "warm"}],
    }
    return _zip({"database.json": json.dumps(tables).encode()})


@pytest.mark.parametrize(
    ("name", "data"),
    [
        (
            "big.json",
            b'{"@type": "Recipe", "name": ' + b"9" * 401 + b', "recipeIngredient": '
            b'["1 cup oats", ' + b"7" * 400 + b"]}",
        ),
        ("ids.zip", _mealie([1, 2])),
        ("ids.zip", _mealie({"id": 3}, position=10**400)),
        (
            "tandoor.zip",
            _zip(
                {
                    "recipe.json": json.dumps(
                        {
                            "name": 10**400,
                            "steps": [
                                {"ingredients": [{"amount": 10**400, "food": {"name": 10**400}}]}
                            ],
                        }
                    ).encode()
                }
            ),
        ),
    ],
)
def test_hostile_numbers_and_ids_are_read_as_no_text(catalog, name, data):
    """A name or amount of hundreds of digits, or a list where an id belongs, ended the
    import with an unexpected error (OverflowError, TypeError: unhashable type)."""
    try:
        import_bytes(data, name, catalog)
    except RecipeImportError as exc:  # refused in a sentence: as good as read
        assert str(exc).startswith(name) and "\n" not in str(exc)


def test_an_encrypted_zip_is_refused_in_a_sentence(catalog):
    for data in (
        _encrypted({"database.json": b'{"recipes": []}'}),
        _zip({"export.zip": _encrypted({"recipe.json": b'{"name": "x"}'})}),  # Tandoor
    ):
        with pytest.raises(RecipeImportError, match="damaged zip"):
            import_bytes(data, "locked.zip", catalog)
