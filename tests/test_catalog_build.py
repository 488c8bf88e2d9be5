"""Tests for the SR28 food table and the curated catalog (tools.catalog_build)."""

from __future__ import annotations

import gzip
import json
import math
import random
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from tools import catalog_build as cb

SR28_DIR = cb.DEFAULT_SR28_DIR
RESOURCES = Path(__file__).resolve().parents[1] / "resources"

pytestmark = pytest.mark.skipif(
    not (SR28_DIR / "FOOD_DES.txt").is_file(),
    reason=f"USDA SR28 flat files not found in {SR28_DIR}",
)

SR28_FOOD_COUNT = 8789

# Required curated foods: id -> category (and limit kind for limit foods).
REQUIRED: dict[str, tuple[str, str | None]] = {
    "yogurt": ("probiotic", None),
    "kefir": ("probiotic", None),
    "miso": ("probiotic", None),
    "kimchi": ("probiotic", None),
    "sauerkraut": ("probiotic", None),
    "kombucha": ("probiotic", None),
    "tempeh": ("probiotic", None),
    "garlic": ("prebiotic", None),
    "onion": ("prebiotic", None),
    "leek": ("prebiotic", None),
    "asparagus": ("prebiotic", None),
    "oats": ("prebiotic", None),
    "banana": ("prebiotic", None),
    "apple": ("prebiotic", None),
    "lentils": ("prebiotic", None),
    "chickpeas": ("prebiotic", None),
    "black-beans": ("prebiotic", None),
    "spinach": ("fiber", None),
    "kale": ("fiber", None),
    "raspberries": ("fiber", None),
    "blueberries": ("fiber", None),
    "brown-rice": ("fiber", None),
    "whole-wheat-bread": ("fiber", None),
    "quinoa": ("fiber", None),
    "chia-seeds": ("fiber", None),
    "flaxseed": ("fiber", None),
    "sweet-potato": ("fiber", None),
    "salmon": ("anti_inflammatory", None),
    "sardines": ("anti_inflammatory", None),
    "turmeric": ("anti_inflammatory", None),
    "ginger": ("anti_inflammatory", None),
    "matcha": ("anti_inflammatory", None),
    "green-tea": ("anti_inflammatory", None),
    "blackberries": ("anti_inflammatory", None),
    "olive-oil": ("anti_inflammatory", None),
    "walnuts": ("anti_inflammatory", None),
    "almonds": ("anti_inflammatory", None),
    "cucumber": ("hydrating", None),
    "watermelon": ("hydrating", None),
    "orange": ("hydrating", None),
    "coconut-water": ("hydrating", None),
    "sugar": ("limit", "refined_sugar"),
    "cola": ("limit", "refined_sugar"),
    "candy": ("limit", "refined_sugar"),
    "whole-milk": ("limit", "dairy"),
    "cheddar": ("limit", "dairy"),
    "french-fries": ("limit", "deep_fried"),
    "beer": ("limit", "alcohol"),
    "wine": ("limit", "alcohol"),
    "spirits": ("limit", "alcohol"),
    "potato-chips": ("limit", "ultra_processed"),
    "diet-soda": ("limit", "artificial_sweetener"),
    "sweetener-packet": ("limit", "artificial_sweetener"),
}
LEGUMES_ALSO_FIBER = ("lentils", "chickpeas", "black-beans")
FERMENTED_AISLE = ("yogurt", "kefir", "miso", "kimchi", "sauerkraut", "kombucha", "tempeh")


@pytest.fixture(scope="module")
def built() -> pd.DataFrame:
    return cb.build_sr28_table(SR28_DIR)


@pytest.fixture(scope="module")
def committed() -> pd.DataFrame:
    return cb.load_sr28_csv(RESOURCES / cb.SR28_CSV_NAME)


@pytest.fixture(scope="module")
def built_by_ndb(built: pd.DataFrame) -> pd.DataFrame:
    return built.set_index("ndb", drop=False)


@pytest.fixture(scope="module")
def spec() -> list[dict[str, Any]]:
    return cb.load_spec(RESOURCES / "curated_spec.json")


@pytest.fixture(scope="module")
def catalog() -> dict[str, Any]:
    return json.loads((RESOURCES / cb.CATALOG_NAME).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def foods(catalog: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {food["id"]: food for food in catalog["foods"]}


def _same(a: object, b: object) -> bool:
    """Equal text, or numbers equal within tolerance; unknown matches only unknown."""
    if isinstance(a, float) or isinstance(b, float):
        fa, fb = float(a), float(b)  # type: ignore[arg-type]
        if math.isnan(fa) or math.isnan(fb):
            return math.isnan(fa) and math.isnan(fb)
        return math.isclose(fa, fb, rel_tol=1e-9, abs_tol=1e-9)
    return a == b


# --- the committed SR28 table ------------------------------------------------


def test_committed_csv_has_every_food_once(committed: pd.DataFrame) -> None:
    with gzip.open(RESOURCES / cb.SR28_CSV_NAME, "rt", encoding="utf-8") as handle:
        header = handle.readline().rstrip("\n").split(",")
    assert header == list(cb.COLUMNS)
    assert len(committed) == SR28_FOOD_COUNT
    assert committed["id"].is_unique
    assert (committed["id"] == "sr:" + committed["ndb"]).all()
    assert committed["ndb"].str.fullmatch(r"\d{5}").all()


def test_committed_csv_is_small_and_timestampless() -> None:
    raw = (RESOURCES / cb.SR28_CSV_NAME).read_bytes()
    assert len(raw) < 3_000_000
    assert raw[4:8] == b"\0\0\0\0"  # gzip MTIME field


def test_build_matches_committed_for_sample(
    built_by_ndb: pd.DataFrame, committed: pd.DataFrame
) -> None:
    ndbs = sorted(committed["ndb"])
    sample = random.Random(20160501).sample(ndbs, 200)
    sample += ["01001", "09040", "11457", "15237", "16114", "01289", "16613", "15153"]
    by_ndb = committed.set_index("ndb", drop=False)
    for ndb in sample:
        fresh, stored = built_by_ndb.loc[ndb], by_ndb.loc[ndb]
        for column in cb.COLUMNS:
            assert _same(fresh[column], stored[column]), (ndb, column, stored[column])


def test_rebuilt_table_gives_committed_bytes(built: pd.DataFrame) -> None:
    assert cb.sr28_csv_bytes(built) == (RESOURCES / cb.SR28_CSV_NAME).read_bytes()


# Values read by hand from FOOD_DES.txt, NUT_DATA.txt.gz and WEIGHT.txt.
@pytest.mark.parametrize(
    ("ndb", "column", "expected"),
    [
        ("11457", "name", "Spinach, raw"),
        ("11457", "fiber_g", 2.2),
        ("11457", "energy_kcal", 23.0),
        ("11457", "vit_c_mg", 28.1),
        ("11457", "serving_label", "1 cup"),
        ("11457", "serving_grams", 30.0),
        ("09040", "energy_kcal", 89.0),
        ("09040", "fiber_g", 2.6),
        ("09040", "sugars_g", 12.23),
        ("09040", "vit_c_mg", 8.7),
        ("09040", "omega3_g", 0.027),  # no 851 row: ALA taken from 619
        ("09040", "serving_label", "1 cup, mashed"),
        ("09040", "serving_grams", 225.0),
        ("15237", "omega3_g", 2.43),  # 0.113 (619) + 0.690 + 0.170 + 1.457
        ("15237", "vit_d_ug", 13.1),
        ("16613", "vit_d_ug", 0.25),  # only 10 IU (324) given
        ("16114", "fiber_g", math.nan),  # tempeh: no fibre row
        ("15153", "omega3_g", math.nan),  # no omega-3 part at all
        ("01289", "serving_label", "100 g"),  # no household measure
        ("01289", "serving_grams", 100.0),
        ("01289", "servings", ""),
        ("01001", "name", "Butter, salted"),
        ("01001", "group", "Dairy and Egg Products"),
    ],
)
def test_hand_checked_values(
    committed: pd.DataFrame, ndb: str, column: str, expected: object
) -> None:
    row = committed.set_index("ndb").loc[ndb]
    assert _same(row[column], expected), (ndb, column, row[column])


def test_servings_list_every_measure(committed: pd.DataFrame) -> None:
    banana = committed.set_index("ndb").loc["09040", "servings"].split(";")
    assert banana[0] == "1 cup, mashed|225"
    assert '1 medium (7" to 7-7/8" long)|118' in banana
    assert len(banana) == 8


def test_bare_cr_line_ends_are_read(tmp_path: Path) -> None:
    path = tmp_path / "WEIGHT.txt"
    path.write_bytes(b"~01001~^1^1^~pat~^5.0^^\r~01002~^1^.5^~cup~^10^^\r\n")
    frame = cb.read_sr28_file(path, ["ndb", "seq", "amount", "desc", "grams"], range(5))
    assert frame["ndb"].tolist() == ["01001", "01002"]
    assert frame["amount"].tolist() == ["1", ".5"]


def test_table_vocabulary_and_limit_rule(committed: pd.DataFrame) -> None:
    assert set(committed["aisle"]) <= set(cb.AISLES)
    assert set(committed["limit_kind"]) <= {"", *cb.LIMIT_KINDS}
    for cats, kind, tags in zip(
        committed["categories"], committed["limit_kind"], committed["tags"], strict=True
    ):
        found = cats.split(";") if cats else []
        assert set(found) <= set(cb.CATEGORIES)
        assert set(tags.split(";") if tags else []) <= set(cb.TAGS)
        assert ("limit" in found) == bool(kind)
        if "limit" in found:
            assert found == ["limit"]


def test_fermented_dairy_is_never_limited(committed: pd.DataFrame) -> None:
    names = committed["name"].str.lower()
    cultured = names.str.match(r"(yogurt|kefir)\b") & ~names.str.contains("frozen")
    assert cultured.sum() > 30
    assert (committed.loc[cultured, "limit_kind"] == "").all()


@pytest.mark.parametrize(
    ("ndb", "plant"),
    [
        ("11457", "spinach"),  # raw
        ("11458", "spinach"),  # cooked: the same plant
        ("16015", "black beans"),
        ("12061", "almonds"),
        ("20037", "brown rice"),
        ("08121", "oats"),
        ("09050", "blueberries"),
        ("16057", "chickpeas"),
        ("16070", "lentils"),
        ("11439", "cabbage"),  # sauerkraut
        ("04053", ""),  # olive oil
        ("14278", ""),  # brewed tea
        ("15237", ""),  # salmon
        ("09206", ""),  # orange juice
        ("21138", ""),  # french fries: a limit food
    ],
)
def test_plant_keys(committed: pd.DataFrame, ndb: str, plant: str) -> None:
    assert committed.set_index("ndb").loc[ndb, "plant"] == plant


@pytest.mark.parametrize(
    ("ndb", "kind"),
    [
        ("14003", "alcohol"),
        ("14148", "refined_sugar"),
        ("19335", "refined_sugar"),
        ("14416", "artificial_sweetener"),
        ("19868", "artificial_sweetener"),
        ("19411", "ultra_processed"),
        ("21138", "deep_fried"),
        ("01077", "dairy"),
        ("01009", "dairy"),
        ("01116", ""),  # plain yogurt
        ("01082", ""),  # 1 % milk is not high-fat dairy
        ("14411", ""),  # tap water
    ],
)
def test_limit_kinds(committed: pd.DataFrame, ndb: str, kind: str) -> None:
    assert committed.set_index("ndb").loc[ndb, "limit_kind"] == kind


# --- the curated catalog -----------------------------------------------------


def test_catalog_matches_rebuild(
    built: pd.DataFrame, spec: list[dict[str, Any]], catalog: dict[str, Any]
) -> None:
    rebuilt = cb.build_curated(spec, built)
    assert json.loads(cb.catalog_json_bytes(rebuilt)) == catalog
    assert cb.catalog_json_bytes(rebuilt) == (RESOURCES / cb.CATALOG_NAME).read_bytes()


def test_catalog_header(catalog: dict[str, Any]) -> None:
    assert catalog["format"] == "gutskin-catalog"
    assert catalog["version"] == 1
    assert "SR28" in catalog["source"]
    assert catalog["nutrients"] == cb.NUTRIENT_UNITS
    assert 55 <= len(catalog["foods"]) <= 80


@pytest.mark.parametrize(("food_id", "expected"), sorted(REQUIRED.items()))
def test_required_food_present(
    foods: dict[str, dict[str, Any]], food_id: str, expected: tuple[str, str | None]
) -> None:
    category, kind = expected
    food = foods[food_id]
    assert category in food["categories"]
    assert food["limit_kind"] == kind


def test_legumes_are_also_fiber(foods: dict[str, dict[str, Any]]) -> None:
    for food_id in LEGUMES_ALSO_FIBER:
        assert {"prebiotic", "fiber"} <= set(foods[food_id]["categories"])


def test_fermented_foods_aisle(foods: dict[str, dict[str, Any]]) -> None:
    for food_id in FERMENTED_AISLE:
        assert foods[food_id]["aisle"] == "fermented"


def test_catalog_foods_are_well_formed(catalog: dict[str, Any]) -> None:
    ids = [food["id"] for food in catalog["foods"]]
    assert len(ids) == len(set(ids))
    for food in catalog["foods"]:
        assert cb.RX_SLUG.match(food["id"])
        cats = food["categories"]
        assert set(cats) <= set(cb.CATEGORIES)
        if "limit" in cats:
            assert cats == ["limit"]
            assert food["limit_kind"] in cb.LIMIT_KINDS
            assert food["plant"] is None
        else:
            assert food["limit_kind"] is None
        assert food["aisle"] in cb.AISLES
        assert set(food["tags"]) <= set(cb.TAGS)
        assert food["grams"] > 0
        assert list(food["nutrients"]) == sorted(cb.NUTRIENTS)


def test_catalog_agrees_with_sr28(catalog: dict[str, Any], built_by_ndb: pd.DataFrame) -> None:
    for food in catalog["foods"]:
        if food["ndb"] is None:
            continue
        assert food["ndb"] in built_by_ndb.index, food["id"]
        sr_plant = built_by_ndb.loc[food["ndb"], "plant"]
        if sr_plant:
            assert food["plant"] == sr_plant, food["id"]


@pytest.mark.parametrize("food_id", ["banana", "salmon", "lentils", "kefir", "cola"])
def test_nutrients_are_per_serving(
    foods: dict[str, dict[str, Any]], built_by_ndb: pd.DataFrame, food_id: str
) -> None:
    food = foods[food_id]
    row = built_by_ndb.loc[food["ndb"]]
    for nutrient in cb.NUTRIENTS:
        per_100g = row[nutrient]
        value = food["nutrients"][nutrient]
        if math.isnan(per_100g):
            assert value is None
        else:
            assert value == pytest.approx(per_100g * food["grams"] / 100.0, abs=1e-3)


def test_banana_serving_by_hand(foods: dict[str, dict[str, Any]]) -> None:
    banana = foods["banana"]
    assert (banana["ndb"], banana["grams"]) == ("09040", 118.0)
    assert banana["nutrients"]["fiber_g"] == pytest.approx(2.6 * 1.18, abs=1e-3)
    assert banana["nutrients"]["energy_kcal"] == pytest.approx(89 * 1.18, abs=1e-3)


def test_overrides_name_their_source(
    spec: list[dict[str, Any]], foods: dict[str, dict[str, Any]]
) -> None:
    for item in spec:
        food = foods[item["id"]]
        overrides = item.get("overrides", {})
        # Overrides name their source, and so does every estimate (docs/catalog.md).
        estimates = {
            k for k in ("added_sugars_g", "prebiotic_g") if food["nutrients"][k] is not None
        }
        assert set(food["sources"]) == set(overrides) | estimates, item["id"]
        for nutrient, override in overrides.items():
            assert len(override["source"].strip()) > 20, (item["id"], nutrient)
            expected = override["per_100g"] * item["grams"] / 100.0
            assert food["nutrients"][nutrient] == pytest.approx(expected, abs=1e-3)
        if item["ndb"] is None:
            for nutrient, value in food["nutrients"].items():
                assert (value is None) == (nutrient not in overrides), (item["id"], nutrient)


def test_known_gaps_are_filled_with_sources(foods: dict[str, dict[str, Any]]) -> None:
    assert foods["tempeh"]["ndb"] == "16114"
    assert foods["tempeh"]["nutrients"]["fiber_g"] is not None
    assert "fiber_g" in foods["tempeh"]["sources"]
    for food_id in ("matcha", "kombucha"):
        assert foods[food_id]["ndb"] is None
        assert foods[food_id]["sources"]
        assert foods[food_id]["nutrients"]["energy_kcal"] is not None


def test_spec_errors_are_caught(built: pd.DataFrame, spec: list[dict[str, Any]]) -> None:
    good = next(item for item in spec if item["id"] == "banana")
    bad_items = [
        {**good, "categories": ["limit", "fiber"], "limit_kind": "refined_sugar"},
        {**good, "limit_kind": "alcohol"},
        {**good, "plant": "plantains"},
        {**good, "ndb": "99999"},
        {**good, "id": "Banana!"},
        {**good, "overrides": {"fiber_g": {"per_100g": 3.0, "source": ""}}},
    ]
    for bad in bad_items:
        with pytest.raises(cb.SpecError):
            cb.build_curated([bad], built)
    with pytest.raises(cb.SpecError):
        cb.build_curated([good, good], built)


# --- the script --------------------------------------------------------------


def test_main_is_deterministic(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    assert cb.main(["--out", str(first)]) == 0
    assert cb.main(["--out", str(second), "--sr28", str(SR28_DIR)]) == 0
    for name in (cb.SR28_CSV_NAME, cb.CATALOG_NAME):
        data = (first / name).read_bytes()
        assert data == (second / name).read_bytes()
        assert data == (RESOURCES / name).read_bytes()
