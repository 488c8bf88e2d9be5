from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from planner.core.foods import USER, Catalog
from planner.errors import CatalogError
from planner.storage.userfoods import UserFoods, make_food


def test_add_edit_remove_persist(tmp_path: Path):
    path = tmp_path / "my-foods.json"
    store = UserFoods.load(path)
    food = store.add(
        make_food("Grandma's kraut", categories=["probiotic"], grams=50, nutrients={"fiber_g": 1.2})
    )
    twin = store.add(make_food("Grandma's kraut", categories=["probiotic"]))
    assert food.id == "my:grandma-s-kraut" and twin.id == "my:grandma-s-kraut-2"
    store.update(make_food("Grandma's kraut", categories=["probiotic", "fiber"], food_id=food.id))
    store.remove(twin.id)
    again = UserFoods.load(path)
    assert [f.id for f in again] == [food.id]
    assert again.get(food.id).categories == {"probiotic", "fiber"}
    assert again.get(food.id).nutrients["vit_c_mg"] is None  # unknown stays unknown


def test_user_ids_never_collide_with_built_in_ones(tiny_catalog):
    tiny_catalog.set_user_foods([make_food("Kefir", categories=["probiotic"])])
    ids = [f.id for f in tiny_catalog]
    assert len(ids) == len(set(ids))
    assert tiny_catalog.get("kefir").origin != USER
    assert tiny_catalog.get("my:kefir").origin == USER


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"name": " "}, "needs a name"),
        ({"name": "x" * 201}, "at most 200"),
        ({"name": "x", "categories": ["magic"]}, "Unknown category"),
        ({"name": "x", "categories": ["limit", "fiber"]}, "cannot also be"),
        ({"name": "x", "grams": 0}, "more than 0"),
        ({"name": "x", "grams": float("nan")}, "more than 0"),
        ({"name": "x", "nutrients": {"fiber_g": -1}}, "at least 0"),
        ({"name": "x", "aisle": "garage"}, "Unknown aisle"),
        ({"name": "x", "tags": ["vegan"]}, "Unknown diet tag"),
    ],
)
def test_bad_values_are_refused(kwargs, message):
    name = kwargs.pop("name")
    with pytest.raises(CatalogError, match=message):
        make_food(name, **kwargs)


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"{",
        b'{"format": "gutskin-foods", "version": 1, "foods": [{"id": "kefir"}]}',
        b'{"format": "gutskin-foods", "version": 9, "foods": []}',
        b"[]",
        b"NaN",
    ],
)
def test_damaged_file_is_reported_not_overwritten(tmp_path: Path, content: bytes):
    path = tmp_path / "my-foods.json"
    path.write_bytes(content)
    with pytest.raises(CatalogError, match=r"my-foods\.json"):
        UserFoods.load(path)
    assert path.read_bytes() == content


def test_failed_save_keeps_file_and_memory(tmp_path: Path, monkeypatch):
    path = tmp_path / "my-foods.json"
    store = UserFoods.load(path)
    store.add(make_food("Seed bread", categories=["fiber"]))
    before = path.read_bytes()

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(CatalogError, match="not writable"):
        store.add(make_food("Rye", categories=["fiber"]))
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert [f.name for f in store] == ["Seed bread"]
    assert json.loads(before)["foods"][0]["name"] == "Seed bread"


def test_catalog_merges_user_foods():
    catalog = Catalog.load(include_sr28=False, user_foods=[make_food("Seed bread")])
    assert catalog.get("my:seed-bread") is not None
    assert catalog.search("seed bread", origin=USER)[0].name == "Seed bread"
