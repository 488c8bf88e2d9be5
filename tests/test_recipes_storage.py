"""Own recipes on disk: kept like own foods (atomic, size-limited, a damaged file moved
aside with a message, changes merged under a lock)."""

from __future__ import annotations

import json

import pytest

from planner.errors import RecipeError
from planner.recipes.book import open_own
from planner.recipes.model import Ingredient, Recipe
from planner.recipes.recipejson import recipe_from_json, recipe_to_json
from planner.storage import jsonstore
from planner.storage import recipes as store
from planner.storage.recipes import RecipeFile


def soup(recipe_id: str = "my-recipe:soup", name: str = "Soup") -> Recipe:
    return Recipe(
        recipe_id,
        name,
        4,
        (
            Ingredient("lentils", grams=400, measure="cup", count=2),
            Ingredient("miso", grams=34, heated=False),
            Ingredient.note("salt to taste"),
        ),
        method="Simmer.\nStir in the miso off the heat.",
        tags=frozenset({"vegan"}),
        meal="lunch",
    )


def load(path):
    return RecipeFile.load(path, recipe_from_json, recipe_to_json)


def test_a_saved_recipe_reads_back_the_same(tmp_path):
    path = tmp_path / "my-recipes.json"
    own, message = open_own(path)
    assert message == "" and len(own) == 0
    own.put(soup())
    again = load(path)
    assert list(again) == [soup()]
    assert json.loads(path.read_text("utf-8"))["format"] == "gutskin-recipes"


def test_two_windows_keep_each_others_changes(tmp_path):
    path = tmp_path / "my-recipes.json"
    first, second = load(path), load(path)
    first.put(soup("my-recipe:a", "A"))
    second.put(soup("my-recipe:b", "B"))
    assert {r.id for r in load(path)} == {"my-recipe:a", "my-recipe:b"}
    first.remove("my-recipe:a")
    assert {r.id for r in load(path)} == {"my-recipe:b"}


@pytest.mark.parametrize(
    "content",
    [
        b"{not json",
        b'{"format": "gutskin-foods", "version": 1, "recipes": []}',
        b'{"format": "gutskin-recipes", "version": 1, "recipes": {}}',
        b'{"format": "gutskin-recipes", "version": 1, "recipes": [{"id": "x", "name": "",'
        b' "portions": 1}]}',
        b'{"format": "gutskin-recipes", "version": 1, "recipes": [{"id": "x", "name": "A",'
        b' "portions": 1, "ingredients": [{"food": "kale", "grams": -5}]}]}',
    ],
)
def test_a_damaged_file_is_moved_aside_with_a_message(tmp_path, content):
    path = tmp_path / "my-recipes.json"
    path.write_bytes(content)
    own, message = open_own(path)
    assert len(own) == 0
    assert "my-recipes.json" in message and "was kept as" in message
    kept = list(tmp_path.glob("my-recipes.damaged-*.json"))
    assert len(kept) == 1 and kept[0].read_bytes() == content
    own.put(soup())  # a fresh file starts
    assert list(load(path)) == [soup()]


def test_a_newer_file_is_left_alone(tmp_path):
    path = tmp_path / "my-recipes.json"
    path.write_text('{"format": "gutskin-recipes", "version": 99, "recipes": []}', "utf-8")
    with pytest.raises(RecipeError, match="newer version"):
        open_own(path)
    assert list(tmp_path.iterdir()) == [path]


def test_size_limits(tmp_path, monkeypatch):
    path = tmp_path / "my-recipes.json"
    monkeypatch.setattr(store, "MAX_RECIPES", 2)
    own = load(path)
    own.put_many([soup("my-recipe:a"), soup("my-recipe:b")])
    with pytest.raises(RecipeError, match="at most 2 recipes"):
        own.put(soup("my-recipe:c"))
    assert {r.id for r in load(path)} == {"my-recipe:a", "my-recipe:b"}
    monkeypatch.setattr(store, "MAX_FILE_BYTES", 10)
    with pytest.raises(RecipeError, match="too large"):
        load(path)


def test_a_failed_write_leaves_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "my-recipes.json"
    own = load(path)
    own.put(soup())
    before = path.read_bytes()

    def fail(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(jsonstore, "write_text_atomic", fail)
    with pytest.raises(RecipeError, match="disk is full"):
        own.put(soup("my-recipe:other", "Other"))
    assert path.read_bytes() == before
    assert [r.id for r in own] == ["my-recipe:soup"]


def test_control_characters_never_reach_a_recipe(tmp_path):
    item = recipe_to_json(soup())
    item["name"] = "Soup\x1b]0;x\x07"
    item["method"] = "Simmer.\x1b[2J\nServe.\x00"
    item["tags"] = ["vegan\x07"]
    item["ingredients"][2]["text"] = "salt\x1b to taste"
    recipe = recipe_from_json(item)
    assert recipe.name == "Soup]0;x"
    assert recipe.method == "Simmer.[2J\nServe."
    assert recipe.tags == {"vegan"}
    assert recipe.notes == ("salt to taste",)
    with pytest.raises(RecipeError, match="invalid id"):
        recipe_from_json({**item, "id": "my-recipe:\x1b"})
