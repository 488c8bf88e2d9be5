"""The corpus of bad files (tests/data/bad/, made by make_corpus.py): every plan, CSV file
and file of the user's own foods gives exactly the message manifest.json states, or loads
as it states, quickly. Then fuzzing: any bytes, any JSON value, either load or raise the
loader's one error type."""

from __future__ import annotations

import contextlib
import csv
import gzip
import io
import json
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.core.foods import Catalog
from planner.core.plan import DAYS_PER_WEEK, MEALS, Entry, Plan
from planner.errors import CatalogError, CsvImportError, PlanFileError
from planner.storage.csvio import (
    FORMULA_STARTS,
    export_csv_text,
    import_csv,
    import_csv_bytes,
    import_csv_text,
)
from planner.storage.planfile import dumps, load_plan, loads, read_plan, save_plan
from planner.storage.userfoods import (
    DamagedFoodsFile,
    UserFoods,
    food_from_json,
    foods_from_bytes,
    load_or_set_aside,
)
from tests.support.tinydata import tiny_catalog

BAD = Path(__file__).parent / "data" / "bad"
MANIFEST = json.loads((BAD / "manifest.json").read_text("utf-8"))
START = date(2026, 11, 30)
QUICK_S = 5.0  # "never hangs": the largest file of the corpus takes well under a second


def cases(kind: str) -> list:
    return [pytest.param(name, spec, id=name) for name, spec in MANIFEST[kind].items()]


def unpack(kind: str, stored: str, folder: Path) -> Path:
    """The corpus file under its real name in ``folder`` (a .gz one unpacked)."""
    data = (BAD / kind / stored).read_bytes()
    if stored.endswith(".gz"):
        data = gzip.decompress(data)
    path = folder / stored.removesuffix(".gz")
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("kind", ["plans", "csv", "foods"])
def test_the_manifest_and_the_folder_agree(kind):
    assert sorted(MANIFEST[kind]) == sorted(p.name for p in (BAD / kind).iterdir())
    assert all(("error" in spec) != (set(spec) & {"loads", "imports"} != set())
               for spec in MANIFEST[kind].values())  # fmt: skip


@pytest.mark.parametrize(("stored", "spec"), cases("plans"))
def test_each_bad_plan_file_gives_its_message(tmp_path, stored, spec):
    path = unpack("plans", stored, tmp_path)
    before = path.read_bytes()
    clock = time.perf_counter()
    if "error" in spec:
        with pytest.raises(PlanFileError) as info:
            read_plan(path)
        assert str(info.value) == spec["error"]
    else:
        plan, _version = read_plan(path)
        catalog = tiny_catalog()
        assert plan.entry_count() == spec["loads"]["foods"]
        # Unknown foods are kept (and the app reports them), never dropped.
        assert sorted(f for f in plan.food_ids() if f not in catalog) == spec["loads"]["unknown"]
        assert loads(dumps(plan)) == plan
    assert time.perf_counter() - clock < QUICK_S
    assert path.read_bytes() == before


@pytest.mark.parametrize(("stored", "spec"), cases("csv"))
def test_each_bad_csv_file_gives_its_message(tmp_path, stored, spec):
    path = unpack("csv", stored, tmp_path)
    clock = time.perf_counter()
    if "error" in spec:
        with pytest.raises(CsvImportError) as info:
            import_csv(path, tiny_catalog(), start=START)
        assert str(info.value) == spec["error"]
    else:
        plan = import_csv(path, tiny_catalog(), start=START)
        got = [[d, m, e.food_id, e.amount] for d, m, _i, e in plan.entries()]
        assert got == spec["imports"]
    assert time.perf_counter() - clock < QUICK_S


@pytest.mark.parametrize(("stored", "spec"), cases("foods"))
def test_each_bad_foods_file_gives_its_message_and_is_kept(tmp_path, stored, spec):
    path = unpack("foods", stored, tmp_path)
    before = path.read_bytes()
    clock = time.perf_counter()
    if "loads" in spec:
        assert [f.name for f in UserFoods.load(path)] == spec["loads"]
        store, notice = load_or_set_aside(path)
        assert notice == "" and len(store) == len(spec["loads"])
        return
    with pytest.raises(CatalogError) as info:
        UserFoods.load(path)
    assert str(info.value) == spec["error"]
    assert isinstance(info.value, DamagedFoodsFile) is spec["set_aside"]
    assert time.perf_counter() - clock < QUICK_S
    if not spec["set_aside"]:  # a newer app's file: left where it is, never overwritten
        with pytest.raises(CatalogError):
            load_or_set_aside(path)
        assert path.read_bytes() == before
        return
    store, notice = load_or_set_aside(path)
    kept = [p for p in tmp_path.iterdir() if p.name != path.name]
    assert len(store) == 0 and not path.exists()
    assert len(kept) == 1 and kept[0].read_bytes() == before
    assert kept[0].name.startswith(f"{path.stem}.damaged-") and kept[0].suffix == ".json"
    assert notice.startswith(spec["error"]) and kept[0].name in notice
    assert notice.endswith("the app started with the built-in foods.")


def test_setting_aside_never_overwrites_an_earlier_damaged_file(tmp_path):
    path = tmp_path / "my-foods.json"
    for n in range(3):
        path.write_bytes(b"{broken %d" % n)
        load_or_set_aside(path)
    kept = sorted(p.read_bytes() for p in tmp_path.iterdir())
    assert kept == [b"{broken 0", b"{broken 1", b"{broken 2"]


# -- fuzzing --------------------------------------------------------------------------------
def sample_plan() -> Plan:
    entries = [(n, meal, Entry("kefir", 1.5)) for n, meal in enumerate(MEALS)]
    entries += [(n + 7, meal, Entry(f"sr:0{n}", 2)) for n, meal in enumerate(MEALS)]
    return Plan.from_entries(START, 2, entries)


VALID = dumps(sample_plan())
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=25,
)


@st.composite
def damaged(draw) -> bytes:
    """A valid plan file with a few bytes cut, changed or inserted: files that are almost
    right reach much deeper into the loader than random bytes do."""
    data = bytearray(VALID)
    for _ in range(draw(st.integers(1, 4))):
        where = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["cut", "flip", "insert", "truncate"]))
        if action == "cut":
            del data[where : where + draw(st.integers(1, 20))]
        elif action == "flip" and where < len(data):
            data[where] = draw(st.integers(0, 255))
        elif action == "insert":
            data[where:where] = draw(st.binary(min_size=1, max_size=8))
        else:
            del data[where:]
    return bytes(data)


@settings(max_examples=500, deadline=None)
@given(st.binary(max_size=400) | damaged())
def test_any_bytes_either_load_as_a_valid_plan_or_raise_the_one_error(data):
    try:
        plan = loads(data, "fuzz.gutplan")
    except PlanFileError as exc:
        assert str(exc).startswith("fuzz.gutplan: ")
        return
    assert loads(dumps(plan)) == plan  # what loads is a plan the app can save and reopen


@settings(max_examples=400, deadline=None)
@given(json_values, st.sampled_from(["top", "entries", "entry", "v0-days", "v0-meal"]))
def test_any_json_value_in_any_place_loads_or_raises_the_one_error(value, where):
    document: object
    if where == "top":
        document = value
    elif where.startswith("v0"):
        document = {"format": "gutskin-plan", "version": 0, "start": "2026-11-30",
                    "days": value if where == "v0-days" else {"mon": {"lunch": value}}}  # fmt: skip
    else:
        document = json.loads(VALID)
        document["entries"] = value if where == "entries" else [value]  # type: ignore[index]
    try:
        data = json.dumps(document).encode()
    except ValueError:  # NaN: json.dumps writes it, the loader refuses it; both fine
        return
    with contextlib.suppress(PlanFileError):
        plan = loads(data)
        assert loads(dumps(plan)) == plan


plan_specs = st.tuples(
    st.dates(date(1900, 1, 1), date(2200, 1, 1)),
    st.integers(1, 52),
    st.lists(
        st.tuples(
            st.integers(0, 363),
            st.sampled_from(MEALS),
            st.text(
                st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=40
            ).filter(str.strip),
            st.floats(min_value=0, max_value=20, exclude_min=True, allow_nan=False),
        ),
        max_size=40,
    ),
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(plan_specs)
def test_valid_plans_round_trip_exactly_through_a_file(tmp_path, spec):
    start, weeks, items = spec
    plan = Plan.from_entries(
        start, weeks, [(d, m, Entry(f, s)) for d, m, f, s in items if d < weeks * DAYS_PER_WEEK]
    )
    path = tmp_path / "round.gutplan"
    save_plan(plan, path)
    assert load_plan(path) == plan


FOOD_KEYS = ["id", "name", "categories", "serving_label", "grams", "nutrients", "aisle",
             "tags", "plant", "limit_kind", "other"]  # fmt: skip
food_fields = st.dictionaries(st.sampled_from(FOOD_KEYS), json_values)


@settings(max_examples=400, deadline=None)
@given(food_fields | json_values)
def test_any_food_object_is_a_food_or_the_one_error(item):
    if isinstance(item, dict) and "id" not in item:
        item = {**item, "id": "my:x"}
    with contextlib.suppress(CatalogError):
        food_from_json(item)


@settings(max_examples=400, deadline=None)
@given(st.binary(max_size=300) | json_values.map(lambda v: json.dumps(
    {"format": "gutskin-foods", "version": 1, "foods": v}).encode()))  # fmt: skip
def test_any_foods_file_content_loads_or_raises_the_one_error(data):
    with contextlib.suppress(CatalogError):
        foods_from_bytes(data, "my-foods.json")


csv_cells = st.text(max_size=12) | st.sampled_from(
    ["kefir", "Oats", "1", "7", "Tue", "2026-12-01", "lunch", "snack", "1.5", "nan", "inf",
     "-0", "²", "9" * 30, '"', "\n"]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.lists(csv_cells, min_size=0, max_size=6), max_size=6),
    st.sampled_from(["day,meal,food,servings", "servings,food,meal,day,x", "day,meal", ""]),
)
def test_any_csv_text_imports_or_raises_the_one_error(rows, header):
    text = header + "\n" + "\n".join(",".join(row) for row in rows)
    with contextlib.suppress(CsvImportError):
        import_csv_text(text, tiny_catalog(), start=START)


# The CSV reader from bytes: random bytes, random JSON (a file of the wrong kind), and
# CSV made of cells near the ones it reads, escaped ones included.
csv_bytes = (
    st.binary(max_size=400)
    | json_values.map(lambda v: json.dumps(v).encode())
    | st.lists(st.lists(csv_cells | st.sampled_from(["'=1", "''+x", "'-1", "@", "'"]),
                        max_size=6), max_size=6).map(
        lambda rows: ("day,meal,food,servings\n" + "\n".join(",".join(r) for r in rows)).encode()
    )
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(csv_bytes, st.sampled_from(["utf-8", "utf-16", "utf-32", "latin-1"]))
def test_any_csv_bytes_import_or_raise_the_one_error(data, encoding):
    if encoding != "utf-8":
        data = data.decode("utf-8", "replace").encode(encoding, "replace")
    try:
        plan = import_csv_bytes(data, tiny_catalog(), start=START, name="fuzz.csv")
    except CsvImportError as exc:
        assert str(exc).startswith("fuzz.csv: ")
        return
    assert import_csv_text(export_csv_text(plan, tiny_catalog()), tiny_catalog(),
                           start=START) == plan  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(json_values, st.text(max_size=12) | st.dates().map(date.isoformat))
def test_any_unknown_field_or_start_loads_or_raises_the_one_error(value, start):
    document = json.loads(VALID)
    document["start"] = start
    document["notes"] = value
    document["entries"][0]["extra"] = value
    try:
        data = json.dumps(document).encode()
    except ValueError:
        return
    try:
        plan = loads(data, "fuzz.gutplan")
    except PlanFileError as exc:
        assert str(exc).startswith("fuzz.gutplan: ")
        return
    assert loads(dumps(plan)) == plan


food_names = st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=20)


@settings(max_examples=200, deadline=None)
@given(st.lists(food_names | st.sampled_from(["=1+1", "'=x", "''-", "@a", "+", "-"]),
                min_size=1, max_size=8, unique=True))  # fmt: skip
def test_own_foods_of_any_name_round_trip_through_csv(names):
    base = tiny_catalog()
    kefir = base.get("kefir")
    assert kefir is not None
    own = [replace(kefir, id=f"my:{n}", name=name) for n, name in enumerate(names)]
    catalog = Catalog([*base, *own])
    plan = Plan.from_entries(
        START, 1, [(n % 7, MEALS[n % 4], Entry(f"my:{n}", 1)) for n in range(len(names))]
    )
    text = export_csv_text(plan, catalog)
    assert not any(
        cell[:1] in tuple(FORMULA_STARTS) for row in csv.reader(io.StringIO(text)) for cell in row
    )
    assert import_csv_text(text, catalog, start=START) == plan
