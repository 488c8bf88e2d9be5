"""Tests for the SR28 food table and the curated catalog (tools.catalog_build)."""

from __future__ import annotations

import gzip
import json
import math
import os
import random
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from planner.core.foods import FLAGS
from tools import catalog_build as cb

SR28_DIR = cb.sr28_dir()
RESOURCES = Path(__file__).resolve().parents[1] / "resources"
# A cut of SR28 (tests/data/sr28-mini/cut.py): the curated foods and those tests name.
MINI_DIR = Path(__file__).resolve().parent / "data" / "sr28-mini"

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
def full_sr28() -> Path:
    """The full SR28 release. Tests that need it skip without it on a developer's
    machine, and fail on CI, where it must be present."""
    if not (SR28_DIR / "FOOD_DES.txt").is_file():
        message = (
            f"USDA SR28 flat files not found in {SR28_DIR}: set {cb.SR28_DIR_ENV} "
            "or put them in ../shared/data/usda-sr28"
        )
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    return SR28_DIR


@pytest.fixture(scope="module")
def built(full_sr28: Path) -> pd.DataFrame:
    return cb.build_sr28_table(full_sr28)


@pytest.fixture(scope="module")
def mini() -> pd.DataFrame:
    return cb.build_sr28_table(MINI_DIR)


@pytest.fixture(scope="module")
def mini_by_ndb(mini: pd.DataFrame) -> pd.DataFrame:
    return mini.set_index("ndb", drop=False)


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
        ("11457", "protein_g", 2.86),
        ("14003", "alcohol_g", 3.9),  # beer, SR28 221
        ("15237", "ala_g", 0.113),  # no 851 row: 619 instead
        ("15237", "epa_dha_g", 2.147),  # 0.690 (629) + 1.457 (621)
        ("12220", "ala_g", 22.813),  # flaxseed, SR28 851
        ("09040", "epa_dha_g", 0.0),
        ("15153", "epa_dha_g", math.nan),  # neither 629 nor 621
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


def test_plain_fermented_dairy_is_never_limited_and_sweetened_is(committed: pd.DataFrame) -> None:
    names = committed["name"].str.lower()
    cultured = names.str.match(r"(yogurt|kefir)\b") & ~names.str.contains("frozen")
    assert cultured.sum() > 30
    flags = committed["flags"].str.split(";")
    plain = flags.apply(lambda found: "plain_fermented_dairy" in found)
    sweet = flags.apply(lambda found: "sugar_sweetened" in found)
    assert (plain & cultured).sum() >= 5
    assert (committed.loc[plain, "limit_kind"] == "").all()
    # A sweetened yogurt pays for its sugar as the scoring says (its cultures still count).
    assert (cultured & sweet).sum() > 10
    assert (committed.loc[cultured & sweet, "limit_kind"] == "refined_sugar").all()


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


def test_the_cut_builds_the_committed_rows(mini: pd.DataFrame, committed: pd.DataFrame) -> None:
    """Every derived column of a food depends only on SR28 rows the cut keeps, so the cut
    rebuilds its foods' committed rows exactly: the rules are checked without the full
    release."""
    assert len(mini) > 150
    by_ndb = committed.set_index("ndb", drop=False)
    for row in mini.to_dict("records"):
        stored = by_ndb.loc[row["ndb"]]
        for column in cb.COLUMNS:
            assert _same(row[column], stored[column]), (row["ndb"], column, stored[column])


def _flags(table: pd.DataFrame, ndb: str) -> set[str]:
    text = table.set_index("ndb").loc[ndb, "flags"]
    return set(text.split(";")) if text else set()


@pytest.mark.parametrize(
    ("ndb", "present", "absent"),
    [
        ("07022", {"processed_meat"}, {"plain_fermented_dairy"}),  # beef frankfurter
        ("21118", {"processed_meat"}, set()),  # fast-food hot dog
        ("10862", {"processed_meat"}, set()),  # bacon
        ("16027", {"raw_pulse", "not_eaten_alone"}, set()),  # raw kidney beans
        ("16028", set(), {"raw_pulse", "not_eaten_alone"}),  # boiled kidney beans
        ("16085", {"raw_pulse", "not_eaten_alone"}, set()),  # raw split peas
        ("11029", set(), {"raw_pulse"}),  # sprouted kidney beans
        ("06006", {"not_eaten_alone"}, set()),  # condensed soup
        ("12061", set(), {"not_eaten_alone"}),  # almonds
        ("20080", {"not_eaten_alone"}, {"raw_pulse"}),  # whole-wheat flour
        ("01289", {"plain_fermented_dairy"}, {"sugar_sweetened", "dairy_milk"}),  # kefir
        ("01116", {"plain_fermented_dairy"}, {"sugar_sweetened"}),  # plain yogurt
        ("01187", {"sugar_sweetened"}, {"plain_fermented_dairy"}),  # chocolate yogurt
        ("01085", {"dairy_milk"}, set()),  # skim milk
        ("01077", {"dairy_milk"}, set()),  # whole milk
        ("14148", {"sugar_sweetened", "ultra_processed"}, {"artificial_sweetener"}),  # cola
        ("14416", {"artificial_sweetener"}, {"sugar_sweetened"}),  # diet cola
        ("21138", {"deep_fried"}, set()),  # french fries
        ("18069", {"high_gl"}, set()),  # white bread, 60 g: GL 75 x 47 g / 100 x 0.6
        ("20045", {"high_gl"}, set()),  # white rice
        ("09040", set(), {"high_gl", "sugar_sweetened"}),  # banana
        ("11457", set(), set(FLAGS)),  # raw spinach: no flag at all
        ("15237", set(), set(FLAGS)),  # salmon
        ("14090", set(), {"sugar_sweetened"}),  # coconut water, unsweetened
        ("14639", set(), {"sugar_sweetened"}),  # rice milk, unsweetened
    ],
)
def test_flags_on_known_foods(
    mini: pd.DataFrame, ndb: str, present: set[str], absent: set[str]
) -> None:
    flags = _flags(mini, ndb)
    assert present <= flags, (ndb, flags)
    assert not absent & flags, (ndb, flags)


@pytest.mark.parametrize(
    ("ndb", "present", "absent"),
    [
        ("12117", set(), {"animal", "dairy"}),  # coconut milk: "from grated meat" of a nut
        ("01077", {"animal", "dairy"}, set()),  # whole milk
        ("07022", {"animal"}, set()),  # beef frankfurter
    ],
)
def test_tags_on_known_foods(
    mini: pd.DataFrame, ndb: str, present: set[str], absent: set[str]
) -> None:
    tags = set(filter(None, mini.set_index("ndb").loc[ndb, "tags"].split(";")))
    assert present <= tags, (ndb, tags)
    assert not absent & tags, (ndb, tags)


@pytest.mark.parametrize(
    ("ndb", "state"),
    [
        ("01289", "live"),  # kefir
        ("01116", "live"),  # plain yogurt
        ("11439", "dead"),  # canned sauerkraut
        ("16114", "dead"),  # tempeh
        ("16113", "live"),  # natto
        ("16112", "unknown"),  # miso: SR28 does not say
        ("11118", "unknown"),  # kimchi: SR28 does not say
        ("14003", "dead"),  # beer
        ("11457", ""),  # not fermented
    ],
)
def test_live_cultures(mini: pd.DataFrame, ndb: str, state: str) -> None:
    assert mini.set_index("ndb").loc[ndb, "live_cultures"] == state


def test_phaseolus_vulgaris_is_one_species(committed: pd.DataFrame, mini: pd.DataFrame) -> None:
    beans = committed[committed["species"] == "Phaseolus vulgaris"]
    keys = set(beans["plant"]) - {""}
    assert len(keys) >= 11, keys
    assert {"black beans", "kidney beans", "pinto beans", "navy beans", "green beans"} <= keys
    # Cooked and canned beans take the species of their raw counterpart.
    for ndb in ("16015", "16028", "16029", "16038", "16043", "11053"):
        assert mini.set_index("ndb").loc[ndb, "species"] == "Phaseolus vulgaris", ndb
    cabbages = set(committed.loc[committed["species"] == "Brassica oleracea", "plant"])
    assert {"broccoli", "kale", "cabbage", "cauliflower", "brussels sprouts"} <= cabbages


def test_species_are_genus_and_species(committed: pd.DataFrame) -> None:
    plants = committed[committed["plant"] != ""]
    assert (plants["species"] != "").all()
    # Species count plants as plant keys do: none for a food that is not one plant.
    assert (committed.loc[committed["plant"] == "", "species"] == "").all()
    named = plants["species"].str.fullmatch(r"[A-Z][a-z]+ (× )?([a-z-]+|spp\.)")
    assert (named | (plants["species"] == plants["plant"])).all()
    # The plant key stands in only where SR28 and botany give no one species.
    stand_ins = set(plants.loc[~named, "plant"])
    assert stand_ins <= {"tree fern", "hearts of palm"}, stand_ins
    by_plant = plants.groupby("plant")["species"].first()
    assert by_plant["strawberries"] == "Fragaria × ananassa"
    assert by_plant["fenugreek"] == "Trigonella foenum-graecum"
    assert cb.normalise_species("Brassica oleracea (Capitata Group)") == "Brassica oleracea"
    assert cb.normalise_species("Capsicum frutescens or Capsicum annuum") == "Capsicum frutescens"
    assert cb.normalise_species("Capsicum anuum") == "Capsicum annuum"
    assert cb.normalise_species("Triticum aestivum L.") == "Triticum aestivum"
    assert cb.normalise_species("Vaccinium spp.") == "Vaccinium spp."
    assert cb.normalise_species("Fragaria X ananassa") == "Fragaria × ananassa"
    assert cb.normalise_species("X Triticosecale spp.") == "Triticosecale spp."
    assert cb.normalise_species("Trigonella foenum-graecum") == "Trigonella foenum-graecum"


def test_estimates_have_a_basis(committed: pd.DataFrame) -> None:
    for basis, added, prebiotic in zip(
        committed["basis"], committed["added_sugars_g"], committed["prebiotic_g"], strict=True
    ):
        parts = dict(part.split(":", 1) for part in basis.split(";"))
        assert parts["A"] in cb.ADDED_BASIS_TEXT
        if math.isnan(added):  # unknown only where total sugars are, or not estimated
            assert parts["A"] in ("S0", "S3", "S5", "S10")
        assert ("P" in parts) != math.isnan(prebiotic)
        if "P" in parts:
            assert parts["P"] in cb.PREBIOTIC_SOURCES


def test_added_sugars_follow_the_rules(mini_by_ndb: pd.DataFrame) -> None:
    def added(ndb: str) -> float:
        return float(mini_by_ndb.loc[ndb, "added_sugars_g"])

    def sugars(ndb: str) -> float:
        return float(mini_by_ndb.loc[ndb, "sugars_g"])

    assert added("14148") == sugars("14148") > 9  # cola: all free sugars
    assert added("19335") == sugars("19335")  # table sugar
    for plain in ("09040", "11457", "01116", "01289", "01085", "16070", "15237"):
        assert added(plain) == 0.0, plain
    # Chocolate yogurt: total sugars less plain yogurt's lactose (Louie et al. step 5).
    assert added("01187") == pytest.approx(100 * (14.97 - 4.66) / (100 - 4.66), abs=1e-3)
    assert 0 < added("01187") < sugars("01187")


def test_unknown_sugars_stay_unknown() -> None:
    nutr = {cb.N_ENERGY: 300.0}
    value, basis = cb.added_sugars_for("Pie, lemon meringue, prepared", cb.G_BAKED, nutr, "")
    assert math.isnan(value) and basis == "S3"
    flags = cb.flags_for("Pie, lemon meringue, prepared", cb.G_BAKED, "", nutr, value, "")
    assert "sugar_sweetened" in flags  # by its name, though its sugars are unknown


def test_prebiotic_estimates(mini_by_ndb: pd.DataFrame) -> None:
    def per_100g(ndb: str) -> float:
        return float(mini_by_ndb.loc[ndb, "prebiotic_g"])

    assert per_100g("11215") == 12.5  # garlic, Moshfegh et al. 1999
    assert per_100g("11282") == 4.3  # onion
    assert per_100g("11154") == 41.6  # chicory root
    assert per_100g("11226") == 18.0  # Jerusalem artichoke
    assert per_100g("09040") == 0.5  # banana
    assert per_100g("11367") == 2.4  # boiled potato, Raatz et al. 2016
    # Cooked lentils: Tosh et al. 2013 per dry matter x the SR28 food's dry matter.
    water = 69.64  # SR28 255 for 16070
    assert per_100g("16070") == pytest.approx(
        (4.75 + 2.59) / (100 - 5.66) * (100 - water), abs=0.01
    )
    for none in ("15237", "01116", "04053", "14148"):  # salmon, yogurt, olive oil, cola
        assert per_100g(none) == 0.0, none
    for unknown in ("08121", "16027", "11439"):  # oatmeal, raw beans, sauerkraut
        assert math.isnan(per_100g(unknown)), unknown


# --- the curated catalog -----------------------------------------------------


def test_catalog_matches_rebuild(
    mini: pd.DataFrame, spec: list[dict[str, Any]], catalog: dict[str, Any]
) -> None:
    # The curated foods read only their own SR28 rows, all in the cut.
    rebuilt = cb.build_curated(spec, mini)
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


def test_catalog_agrees_with_sr28(catalog: dict[str, Any], mini_by_ndb: pd.DataFrame) -> None:
    built_by_ndb = mini_by_ndb
    for food in catalog["foods"]:
        if food["ndb"] is None:
            continue
        assert food["ndb"] in built_by_ndb.index, food["id"]
        sr_plant = built_by_ndb.loc[food["ndb"], "plant"]
        if sr_plant:
            assert food["plant"] == sr_plant, food["id"]


@pytest.mark.parametrize("food_id", ["banana", "salmon", "lentils", "kefir", "cola"])
def test_nutrients_are_per_serving(
    foods: dict[str, dict[str, Any]], mini_by_ndb: pd.DataFrame, food_id: str
) -> None:
    food = foods[food_id]
    row = mini_by_ndb.loc[food["ndb"]]
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


def test_spec_errors_are_caught(mini: pd.DataFrame, spec: list[dict[str, Any]]) -> None:
    built = mini
    good = next(item for item in spec if item["id"] == "banana")
    bad_items = [
        {**good, "categories": ["limit", "fiber"], "limit_kind": "refined_sugar"},
        {**good, "limit_kind": "alcohol"},
        {**good, "plant": "plantains"},
        {**good, "ndb": "99999"},
        {**good, "id": "Banana!"},
        {**good, "overrides": {"fiber_g": {"per_100g": 3.0, "source": ""}}},
        {**good, "flags": ["tasty"]},
        {**good, "live_cultures": "maybe"},
    ]
    for bad in bad_items:
        with pytest.raises(cb.SpecError):
            cb.build_curated([bad], built)
    with pytest.raises(cb.SpecError):
        cb.build_curated([good, good], built)


# --- the script --------------------------------------------------------------


def test_main_builds_the_catalog_from_the_cut(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(cb.SR28_DIR_ENV, str(MINI_DIR))  # the folder from the environment
    assert cb.main(["--out", str(tmp_path)]) == 0
    catalog = (tmp_path / cb.CATALOG_NAME).read_bytes()
    assert catalog == (RESOURCES / cb.CATALOG_NAME).read_bytes()


def test_main_says_where_sr28_is_missing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cb.main(["--out", str(tmp_path), "--sr28", str(tmp_path / "nowhere")]) == 2
    assert "nowhere" in capsys.readouterr().err
    assert not list(tmp_path.iterdir())


def test_the_sr28_folder_comes_from_the_argument_then_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(cb.SR28_DIR_ENV, raising=False)
    assert cb.sr28_dir() == cb.DEFAULT_SR28_DIR
    monkeypatch.setenv(cb.SR28_DIR_ENV, str(tmp_path))
    assert cb.sr28_dir() == tmp_path
    assert cb.sr28_dir(MINI_DIR) == MINI_DIR


def test_main_is_deterministic(tmp_path: Path, full_sr28: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    assert cb.main(["--out", str(first), "--sr28", str(full_sr28)]) == 0
    assert cb.main(["--out", str(second), "--sr28", str(full_sr28)]) == 0
    for name in (cb.SR28_CSV_NAME, cb.CATALOG_NAME):
        data = (first / name).read_bytes()
        assert data == (second / name).read_bytes()
        assert data == (RESOURCES / name).read_bytes()
