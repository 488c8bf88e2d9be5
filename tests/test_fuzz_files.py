"""Fuzzing the readers of recovery copies and own foods (hypothesis, bounded examples).

Each reader either loads or raises its one error; whatever loads is within the limits the
app promises (a copy can be listed, described and restored or refused; a food's numbers
are finite and bounded, its name printable) and saves and loads again unchanged.
"""

from __future__ import annotations

import contextlib
import json
import math
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.core.foods import NUTRIENTS
from planner.core.plan import Plan
from planner.errors import CatalogError, PlanFileError
from planner.storage.planfile import plan_to_document
from planner.storage.recovery import FORMAT, SUFFIX, RecoveryStore
from planner.storage.userfoods import (
    PER_GRAM_CAP,
    UserFoods,
    food_from_json,
    foods_from_bytes,
)

pytestmark = pytest.mark.filterwarnings("error")  # an overflow warning is a failure too


def examples(n: int) -> settings:
    """``n`` examples, no per-example deadline; tmp_path is shared by the examples."""
    return settings(
        max_examples=n, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
    )


hostile_text = st.text(max_size=30) | st.sampled_from(
    ["", "\x00", "\x1b]0;x\x07", "\ud800", "9" * 40, "0001-01-01T00:00:00+05:00",
     "9999-12-31T23:59:59-05:00", "2026-11-30T10:00:00", "2026-11-30", "\u202eevil"]
)  # fmt: skip
hostile_numbers = st.integers(min_value=-(10**18), max_value=10**18) | st.sampled_from(
    [0, -1, 1, 2**31, 10**17, 1e308, -0.0, 0.5, 5000, 5000.0001]
)
scalars = st.none() | st.booleans() | hostile_numbers | st.floats(allow_nan=False,
          allow_infinity=False) | hostile_text  # fmt: skip
json_values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)  # fmt: skip


# -- recovery copies -------------------------------------------------------------------------
def valid_copy() -> dict:
    return {
        "format": FORMAT,
        "version": 1,
        "title": "week",
        "source": None,
        "saved": "2026-11-30T10:00:00+00:00",
        "session": "s" * 32,
        "pid": 0,
        "started": None,
        "boot": None,
        "host": "elsewhere",
        "foods": 0,
        "plan": plan_to_document(Plan(date(2026, 11, 30))),
    }


RECOVERY_KEYS = [*valid_copy(), "extra"]
plan_values = json_values | st.fixed_dictionaries(
    {"format": st.just("gutskin-plan"), "version": st.just(1), "start": hostile_text,
     "entries": st.just([])}
)  # fmt: skip


def check_store(store: RecoveryStore) -> None:
    """Listing never raises; what is offered can be described and restored or refused."""
    for copy in store.orphans():
        assert copy.describe()
        assert not any(unicodedata.category(c) == "Cc" for c in copy.title)
        with contextlib.suppress(PlanFileError):
            store.load(copy)
    for aside in store.take_set_aside():
        assert aside.reason and aside.describe()


@examples(200)
@given(
    st.dictionaries(st.sampled_from(RECOVERY_KEYS), json_values, max_size=4),
    st.dictionaries(st.just("plan"), plan_values, max_size=1),
)
def test_any_field_of_a_recovery_copy_lists_or_is_set_aside(tmp_path, fields, plan):
    folder = Path(tmp_path) / "fuzz-recovery"
    folder.mkdir(exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    document = {**valid_copy(), **fields, **plan}
    (folder / f"fuzz{SUFFIX}").write_text(json.dumps(document), "utf-8")
    (folder / f"good{SUFFIX}").write_text(json.dumps(valid_copy()), "utf-8")
    store = RecoveryStore(folder)
    check_store(store)
    assert "week" in [copy.title for copy in store.orphans()]  # the good copy is offered


@examples(150)
@given(st.binary(max_size=400) | json_values.map(lambda v: json.dumps(v).encode()))
def test_any_bytes_or_json_as_a_recovery_copy(tmp_path, data):
    folder = Path(tmp_path) / "fuzz-bytes"
    folder.mkdir(exist_ok=True)
    (folder / f"fuzz{SUFFIX}").write_bytes(data)
    check_store(RecoveryStore(folder))


# -- own foods -------------------------------------------------------------------------------
FOOD_KEYS = ["name", "categories", "serving_label", "grams", "nutrients", "aisle", "tags",
             "plant", "limit_kind"]  # fmt: skip
nutrients = st.dictionaries(st.sampled_from([*NUTRIENTS, "other"]), scalars, max_size=4)
food_items = st.dictionaries(
    st.sampled_from(FOOD_KEYS), json_values | nutrients | hostile_numbers, max_size=6
).map(lambda item: {"id": "my:fuzz", "name": "Fuzz", **item})


def check_food(food) -> None:
    for text in (food.name, food.serving_label, food.plant or ""):
        assert not any(unicodedata.category(c) in ("Cc", "Cs") for c in text)
    assert 0 < food.grams <= 5000
    for key, value in food.nutrients.items():
        if value is not None:
            assert math.isfinite(value) and 0 <= value <= PER_GRAM_CAP[key] * food.grams


@settings(max_examples=200, deadline=None)
@given(food_items)
def test_any_own_food_is_bounded_or_the_one_error(item):
    try:
        food = food_from_json(item)
    except CatalogError:
        return
    check_food(food)


@examples(150)
@given(st.lists(food_items, max_size=3) | json_values)
def test_any_foods_file_loads_bounded_and_saves_the_same(tmp_path, foods):
    if isinstance(foods, list):
        foods = [{**item, "id": f"my:f{n}"} if isinstance(item, dict) else item
                 for n, item in enumerate(foods)]  # fmt: skip
    data = json.dumps({"format": "gutskin-foods", "version": 1, "foods": foods}).encode()
    try:
        loaded = foods_from_bytes(data, "my-foods.json")
    except CatalogError:
        return
    for food in loaded:
        check_food(food)
    path = Path(tmp_path) / "my-foods.json"
    path.unlink(missing_ok=True)
    store = UserFoods(path, loaded)
    store.save()
    assert list(UserFoods.load(path)) == loaded
