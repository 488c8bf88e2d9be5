"""Catalog loading: the fast SR28 reader gives the same foods as the row-by-row one, and
a catalog that defers SR28 reads it only when one of its foods is needed."""

from __future__ import annotations

import csv
import gzip
import io

import numpy as np
import pandas as pd
import pytest

from planner.core import catalogfiles, foods
from planner.core.foods import SR28, USER, Catalog
from planner.errors import CatalogError
from planner.scoring.frames import CatalogFrame, catalog_table
from tests.support.sr28rows import food_from_sr28_row
from tests.support.tinydata import tiny_catalog


def test_the_fast_reader_gives_the_same_foods_as_the_row_reader():
    data = catalogfiles._resource_bytes("sr28.csv.gz")
    rows = csv.DictReader(io.StringIO(gzip.decompress(data).decode("utf-8")))
    assert foods.load_sr28_foods() == [food_from_sr28_row(row) for row in rows]


def test_a_deferred_catalog_reads_sr28_only_when_needed(catalog):
    own = list(tiny_catalog())[:2]
    deferred = Catalog.load(defer_sr28=True, user_foods=own)
    assert deferred.sr28_pending
    assert "kefir" in deferred and deferred.get("my:kefir") is not None
    assert deferred.in_category("probiotic") and deferred.by_origin(USER)
    assert "no-such-food" not in deferred
    assert deferred.sr28_pending  # none of that needed SR28
    assert deferred.get("sr:01001") == catalog.get("sr:01001")
    assert not deferred.sr28_pending
    eager = Catalog.load(user_foods=own)
    assert [f.id for f in deferred] == [f.id for f in eager]  # curated, SR28, own
    assert len(deferred.by_origin(SR28)) == len(catalog.by_origin(SR28))


def test_the_whole_catalog_reads_a_deferred_sr28():
    for ask in (len, list, lambda c: c.search("butter")):
        deferred = Catalog.load(defer_sr28=True)
        ask(deferred)
        assert not deferred.sr28_pending


def test_the_scoring_table_reads_a_deferred_sr28_without_making_its_foods(catalog):
    """The table the first scores wait for is read straight from the SR28 table, and is the
    table built from the foods; making them later keeps it current."""
    own = list(tiny_catalog())[:2]
    deferred = Catalog.load(defer_sr28=True, user_foods=own)
    fast = catalog_table(deferred)
    assert deferred.sr28_pending
    eager = Catalog.load(user_foods=own)
    slow = CatalogFrame(list(eager), eager.revision)
    pd.testing.assert_frame_equal(fast.df, slow.df, check_exact=True)
    for name in ("amounts", "skin", "unknown", "species_code", "name_order", "suggestable"):
        assert np.array_equal(getattr(fast, name), getattr(slow, name)), name
    assert fast.species_labels == slow.species_labels
    assert len(deferred) == len(eager) and not deferred.sr28_pending
    assert catalog_table(deferred) is fast  # the same foods: not built again
    deferred.set_user_foods(own[:1])
    assert catalog_table(deferred) is not fast


def test_a_damaged_sr28_table_is_told_by_the_scoring_table_too(monkeypatch):
    text = catalogfiles.read_sr28_table().text.replace("sr:01001", "01001", 1)
    monkeypatch.setattr(foods, "read_sr28_table", lambda: catalogfiles.Sr28Table(text))
    for ask in (catalog_table, len):
        deferred = Catalog.load(defer_sr28=True)
        with pytest.raises(CatalogError, match=r"SR28 food table is damaged.*01001"):
            ask(deferred)
        assert deferred.sr28_pending


def _damaged(old: bytes, new: bytes) -> bytes:
    data = catalogfiles.read_sr28_table().data
    header, first, rest = data.split(b"\n", 2)
    assert old in first
    return b"\n".join((header, first.replace(old, new, 1), rest))


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (b'"Butter, salted"', b'"Butter\xff, salted"'),  # not UTF-8
        (b'",717,', b'",seven,'),  # a nutrient that is not a number
        (b'",5,"1 pat', b'",,"1 pat'),  # a serving without its weight
        (b'",5,"1 pat', b'",five,"1 pat'),
        (b",0.315,0,0,0", b""),  # a row that lost its last cells
    ],
)
def test_the_scoring_table_tells_a_damaged_table_as_the_foods_do(monkeypatch, old, new):
    """The scoring table reads the table column by column, the foods row by row: a
    damaged table is told by both."""
    table = catalogfiles.Sr28Table(_damaged(old, new))
    monkeypatch.setattr(foods, "read_sr28_table", lambda: table)
    for ask in (catalog_table, len):
        deferred = Catalog.load(defer_sr28=True)
        with pytest.raises(CatalogError, match="SR28 food table is damaged"):
            ask(deferred)
        assert deferred.sr28_pending


def test_the_table_follows_the_users_foods():
    catalog = Catalog.load(include_sr28=False)
    first = catalog_table(catalog)
    assert catalog_table(catalog) is first  # cached
    catalog.set_user_foods(list(tiny_catalog())[:1])
    table = catalog_table(catalog)
    assert table is not first and table.ids[-1] == "my:kefir"
    assert table.row_of["my:kefir"] == len(table) - 1


def test_tables_without_the_newer_columns_load_as_unknown():
    """A resource built before a column existed still loads: its nutrients are unknown
    (never zero), no flags, no species, no live-culture claim."""
    header = ["id", "ndb", "name", "group", "plant", "aisle", "categories", "limit_kind"]
    header += ["tags", "serving_label", "serving_grams", "energy_kcal"]
    row = ["sr:99999", "99999", "Test food", "", "", "", "fiber", "", "", "1 cup", "50", "200"]
    (food,) = catalogfiles._sr28_foods(header, [row])
    assert food == food_from_sr28_row(dict(zip(header, row, strict=True)))
    assert food.nutrients["energy_kcal"] == 100.0
    assert food.nutrients["protein_g"] is None and food.nutrients["prebiotic_g"] is None
    assert food.flags == frozenset() and food.species is None and food.live_cultures is None
    item = {"id": "x", "name": "X", "categories": [], "serving_label": "1", "grams": 10}
    curated = foods.food_from_catalog_json({**item, "nutrients": {"fiber_g": 1}})
    assert curated.nutrients["alcohol_g"] is None and curated.flags == frozenset()


def test_new_fields_are_read_from_both_resources():
    header = ["id", "ndb", "name", "group", "plant", "aisle", "categories", "limit_kind"]
    header += ["tags", "serving_label", "serving_grams", "flags", "species", "live_cultures"]
    row = ["sr:1", "1", "A", "", "", "", "", "", "", "1 cup", "100"]
    row += ["high_gl;not_eaten_alone", "Phaseolus vulgaris", "dead"]
    (food,) = catalogfiles._sr28_foods(header, [row])
    assert food.flags == {"high_gl", "not_eaten_alone"}
    assert (food.species, food.live_cultures) == ("Phaseolus vulgaris", "dead")
    item = {"id": "x", "name": "X", "categories": [], "serving_label": "1", "grams": 10}
    item |= {"nutrients": {}, "flags": ["dairy_milk"], "live_cultures": "live"}
    curated = foods.food_from_catalog_json(item)
    assert curated.flags == {"dairy_milk"} and curated.live_cultures == "live"


def test_the_shipped_catalog_carries_the_honest_score_fields(catalog):
    """The committed resources give the app the new fields (tests/test_catalog_build.py
    checks the rules; this checks that loading keeps them)."""
    kidney = catalog["sr:16027"]
    assert {"raw_pulse", "not_eaten_alone"} <= kidney.flags
    assert kidney.species == "Phaseolus vulgaris"
    assert catalog["sr:16028"].species == kidney.species  # cooked: the same plant
    assert "fish" in catalog["kimchi"].tags and "alcohol" in catalog["kombucha"].tags
    assert catalog["sauerkraut"].live_cultures == "dead"
    assert catalog["tempeh"].live_cultures == "dead"
    assert catalog["kefir"].live_cultures == "live"
    assert "plain_fermented_dairy" in catalog["kefir"].flags
    assert "sugar_sweetened" in catalog["cola"].flags
    assert catalog["cola"].nutrients["added_sugars_g"] == catalog["cola"].nutrients["sugars_g"]
    assert catalog["beer"].nutrients["alcohol_g"] > 10  # a 12 fl oz can
    salmon = catalog["salmon"].nutrients
    assert salmon["epa_dha_g"] > 1 and salmon["ala_g"] < 0.2
    assert catalog["garlic"].nutrients["prebiotic_g"] == 0.375  # 3 g x 12.5 g/100 g
    assert catalog["oats"].nutrients["prebiotic_g"] is None  # not covered: unknown
    assert catalog["salmon"].species is None and catalog["kale"].species == "Brassica oleracea"
    assert "Moshfegh" in catalog["garlic"].sources["prebiotic_g"]


def test_a_deferred_table_can_be_read_ahead_without_making_its_foods(monkeypatch):
    """The scoring engine's loader reads the SR28 table on a thread of its own while it
    imports pandas (ui/scores.py): the table is then read once, and still made into
    foods only when they are needed; a damaged one is told where it is used."""
    reads: list[int] = []

    def counted() -> catalogfiles.Sr28Table:
        reads.append(1)
        return catalogfiles.read_sr28_table()

    monkeypatch.setattr(foods, "read_sr28_table", counted)
    deferred = Catalog.load(defer_sr28=True)
    deferred.read_deferred()
    assert reads == [1] and deferred.sr28_pending
    catalog_table(deferred)
    deferred.read_deferred()
    assert reads == [1] and deferred.sr28_pending
    assert len(deferred) > 8000 and reads == [1] and not deferred.sr28_pending
    deferred.read_deferred()  # nothing left to read

    def truncated() -> catalogfiles.Sr28Table:
        raise catalogfiles.sr28_damaged(EOFError("truncated"))

    monkeypatch.setattr(foods, "read_sr28_table", truncated)
    deferred = Catalog.load(defer_sr28=True)
    deferred.read_deferred()  # told where the table is used, not here
    for ask in (catalog_table, len):
        with pytest.raises(CatalogError, match=r"SR28 food table is damaged.*truncated"):
            ask(deferred)
    assert deferred.sr28_pending
