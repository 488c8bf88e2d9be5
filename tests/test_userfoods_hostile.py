"""The user's own foods as hostile input (bounded numbers, clean names, checked types) and
two windows sharing the file (each change applied on top of what is on disk)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from planner.errors import CatalogError
from planner.storage.userfoods import (
    DamagedFoodsFile,
    UserFoods,
    foods_from_bytes,
    load_or_set_aside,
    make_food,
)

ROOT = Path(__file__).resolve().parents[1]


def foods_file(*items: dict) -> bytes:
    return json.dumps({"format": "gutskin-foods", "version": 1, "foods": list(items)}).encode()


# -- numbers a serving can physically hold -----------------------------------------------
@pytest.mark.parametrize(
    ("grams", "nutrients", "message"),
    [
        (100, {"fiber_g": 1e308}, "fiber_g can be at most 100 g in a serving of 100 g"),
        (30, {"sugars_g": 31}, "sugars_g can be at most 30 g"),
        (100, {"energy_kcal": 1000}, "energy_kcal can be at most 910 kcal"),
        (10, {"vit_c_mg": 10_001}, "vit_c_mg can be at most 10000 mg"),
        (1, {"vit_d_ug": 1e9}, "vit_d_ug can be at most 1e\\+06"),
        (100, {"zinc_mg": float("inf")}, "at least 0"),
        (100, {"fiber_g": 60, "sugars_g": 50}, "together weigh 110 g, more than"),
    ],
)
def test_nutrients_are_bounded_by_what_a_serving_can_hold(grams, nutrients, message):
    with pytest.raises(CatalogError, match=message):
        make_food("Odd", grams=grams, nutrients=nutrients)


def test_the_richest_foods_of_sr28_are_still_accepted():
    # Lard (NDB 04001) and cod liver oil (NDB 04589), per 100 g.
    make_food("Lard", grams=100, nutrients={"energy_kcal": 902})
    make_food("Cod liver oil", grams=100, nutrients={"vit_a_ug": 30_000, "vit_d_ug": 250})
    make_food("Ascorbic acid", grams=1, nutrients={"vit_c_mg": 1000})


def test_an_unbounded_number_in_the_file_is_damage():
    item = {"id": "my:x", "name": "X", "grams": 100, "nutrients": {"fiber_g": 1e308}}
    with pytest.raises(DamagedFoodsFile, match="food 1: fiber_g can be at most 100 g"):
        foods_from_bytes(foods_file(item), "my-foods.json")


# -- names and types ---------------------------------------------------------------------
def test_control_characters_are_dropped_from_names_at_entry():
    food = make_food("\x1b]0;owned\x07Kraut\x00 jar", serving_label="1\x1b[2J cup", plant="K\x07")
    assert (food.name, food.serving_label, food.plant) == ("]0;ownedKraut jar", "1[2J cup", "k")


def test_control_characters_are_dropped_from_names_at_load():
    item = {"id": "my:k", "name": "\u001b]0;x\u0007Kraut\u0000", "serving_label": "a\u0085b"}
    [food] = foods_from_bytes(foods_file(item), "my-foods.json")
    assert (food.name, food.serving_label) == ("]0;xKraut", "a b")  # U+0085 is a line end


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("name", None, "name is missing or not text"),
        ("name", 12, "name has the wrong type"),
        ("name", ["Kraut"], "name has the wrong type"),
        ("name", "\x00\x07", "needs a name"),
        ("serving_label", 5, "serving_label has the wrong type"),
        ("plant", 7, "plant has the wrong type"),
        ("nutrients", {"fiber_g": "1"}, "fiber_g must be a number"),
    ],
)
def test_wrong_types_make_the_file_damaged_not_a_food_named_none(field, value, message):
    item = {"id": "my:x", "name": "X", field: value}
    with pytest.raises(DamagedFoodsFile, match=message):
        foods_from_bytes(foods_file(item), "my-foods.json")


@pytest.mark.parametrize(
    "kwargs", [{"name": None}, {"name": 3}, {"name": "x", "serving_label": None}]
)
def test_wrong_types_at_entry_are_refused(kwargs):
    name = kwargs.pop("name")
    with pytest.raises(CatalogError, match="must be text"):
        make_food(name, **kwargs)


# -- two windows, one file ---------------------------------------------------------------
def test_each_windows_change_is_applied_on_top_of_the_others(tmp_path):
    path = tmp_path / "my-foods.json"
    a, b = UserFoods.load(path), UserFoods.load(path)
    kraut = a.add(make_food("Kraut", categories=["probiotic"]))
    rye = b.add(make_food("Rye", categories=["fiber"]))
    assert {f.id for f in UserFoods.load(path)} == {kraut.id, rye.id}
    twin = a.add(make_food("Rye"))  # A did not know B's rye: the id is still made unique
    assert twin.id == "my:rye-2"
    b.update(make_food("Rye", categories=["fiber", "prebiotic"], food_id=rye.id))
    a.remove(kraut.id)
    on_disk = UserFoods.load(path)
    assert {f.id for f in on_disk} == {rye.id, twin.id}
    assert on_disk.get(rye.id).categories == {"fiber", "prebiotic"}
    assert {f.id for f in a} == {f.id for f in on_disk}  # each window holds the merge


def test_a_file_damaged_meanwhile_is_not_written_over(tmp_path):
    path = tmp_path / "my-foods.json"
    a = UserFoods.load(path)
    a.add(make_food("Kraut"))
    path.write_bytes(b"{ not json")
    with pytest.raises(CatalogError, match="changed on disk since it was opened"):
        a.add(make_food("Rye"))
    assert path.read_bytes() == b"{ not json" and [f.name for f in a] == ["Kraut"]


def test_a_file_removed_meanwhile_keeps_this_windows_foods(tmp_path):
    path = tmp_path / "my-foods.json"
    a = UserFoods.load(path)
    a.add(make_food("Kraut"))
    path.unlink()
    a.add(make_food("Rye"))
    assert sorted(f.name for f in UserFoods.load(path)) == ["Kraut", "Rye"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_pipe_as_the_lock_file_is_refused_without_blocking(tmp_path):
    path = tmp_path / "my-foods.json"
    os.mkfifo(tmp_path / "my-foods.json.lock")
    with pytest.raises(CatalogError, match=r"my-foods\.json\.lock is not a regular file"):
        UserFoods.load(path).add(make_food("Kraut"))
    assert not path.exists()


ADDER = """
import sys
from pathlib import Path
from planner.storage.userfoods import UserFoods, make_food
store = UserFoods.load(Path(sys.argv[1]))
for n in range(int(sys.argv[3])):
    store.add(make_food(f"{sys.argv[2]} {n}"))
"""


@pytest.mark.skipif(os.name != "posix", reason="the lock is fcntl.flock")
def test_two_processes_adding_at_once_lose_nothing(tmp_path):
    path = tmp_path / "my-foods.json"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [
        subprocess.Popen([sys.executable, "-c", ADDER, str(path), who, "40"], env=env)
        for who in ("Left", "Right")
    ]
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    names = sorted(f.name for f in UserFoods.load(path))
    assert names == sorted(f"{who} {n}" for who in ("Left", "Right") for n in range(40))


def test_a_damaged_file_at_start_is_still_set_aside(tmp_path):
    path = tmp_path / "my-foods.json"
    path.write_bytes(foods_file({"id": "my:x", "name": None}))
    store, notice = load_or_set_aside(path)
    assert len(store) == 0 and "name is missing or not text" in notice


def test_every_nutrient_has_a_physical_bound():
    """Each nutrient a food carries is bounded (a nutrient added to the catalog without a
    bound made make_food fail with a KeyError on the first own food that named it)."""
    from planner.core.foods import NUTRIENTS
    from planner.storage.foodcheck import PER_GRAM_CAP

    assert set(NUTRIENTS) <= set(PER_GRAM_CAP)
    food = make_food("Lentil flour", grams=100, nutrients={"protein_g": 25, "prebiotic_g": 2})
    assert food.nutrients["protein_g"] == 25
    with pytest.raises(CatalogError):
        make_food("Impossible", grams=10, nutrients={"protein_g": 50})
