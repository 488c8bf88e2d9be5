"""The catalog as the score reads it: one row per food, with its per-serving amounts.

The table is built once per catalog revision (cached in the catalog through
``Catalog.derived``) with numpy column arithmetic, and its numeric columns are also kept
as one float matrix for the evaluator's innermost sums. Its pandas DataFrame, indexed by
food id, is made when first asked for (the whole-plan grouping, analysis): the first
scores do not wait for pandas' import. The rules that put a food
in a scoring class (limit food, polyphenol-rich, tea, spice) live here and are written
down in docs/scoring.md; the words of a name they read are namerules.py's, which the
catalog build runs once for the shipped foods.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from planner.core.catalogfiles import Sr28Table
from planner.core.foods import Food
from planner.scoring.facts import FLAG_BITS, Columns, catalog_facts, mask_of_flags
from planner.scoring.facts import ORIGIN_RANK as ORIGIN_RANK  # re-exported
from planner.scoring.facts import TAG_BITS as TAG_BITS  # re-exported
from planner.scoring.facts import tag_mask as tag_mask  # re-exported
from planner.scoring.model import SKIN_NUTRIENTS
from planner.scoring.namerules import NAME_RULE_BITS

if TYPE_CHECKING:
    import pandas as pd

    from planner.core.foods import Catalog


# Flags that make a food one "to limit": its amounts earn nothing in the positive parts
# and its energy does not make the day more complete (live cultures excepted: a
# sweetened yogurt still carries them, and pays for its sugar in the limit part).
LIMIT_FLAGS = frozenset(
    {"processed_meat", "deep_fried", "ultra_processed", "artificial_sweetener", "sugar_sweetened"}
)
NEVER_SUGGESTED = frozenset({"not_eaten_alone", "raw_pulse"})
# Species whose foods go by names none of which is the species' own: kidney, black, navy,
# pinto and green beans are all one Phaseolus vulgaris.
SPECIES_NAMES = {"Phaseolus vulgaris": "common beans"}
# Portions suggestions (and the auto-planner) may use: a plate of food, a big glass or
# bowl, a teaspoon or two of a spice; 100 g of a food without a household measure only
# when it is light (a yogurt, a vegetable), not a dense snack or dried food.
MAX_PORTION_G = 400.0
MAX_LIQUID_PORTION_G = 500.0
MAX_SPICE_PORTION_G = 10.0
MAX_KCAL_WITHOUT_MEASURE = 250.0
ALCOHOLIC_G_PER_100G = 1.0  # above ~1.2 % ABV a drink is alcoholic in EU labelling law
LIVE_WEIGHT = {"live": 1.0, "unknown": 0.5, "dead": 0.0}

PLANT_GROUPS = frozenset(
    {
        "Fruits and Fruit Juices",
        "Vegetables and Vegetable Products",
        "Legumes and Legume Products",
        "Nut and Seed Products",
        "Spices and Herbs",
        "Fats and Oils",
        "Beverages",
        "Cereal Grains and Pasta",
    }
)
# The amounts a day's score sums as they are, each over every food of the day (the limit
# load reads them, and the day panel shows them).
PLAIN_SUMS: tuple[str, ...] = (
    "added_sugars_g",  # estimated, with an imputed value where unknown (see below)
    "alcohol_g",
    "processed_meat_g",
    "deep_fried_g",
    "ultra_processed_kcal",
    "sweetener_g",
    "milk_g",
    "high_gl_kcal",
    "fiber_all_g",  # fiber eaten, foods to limit included (shown, not scored)
)
# The per-serving columns the evaluator sums, in matrix order.
AMOUNT_COLUMNS: tuple[str, ...] = (
    "grams",
    "energy_kcal",  # all energy, known values
    "complete_kcal",  # energy that makes a day complete: none from foods to limit, alcohol
    # or added sugars, nor added fats (counted apart, up to a cap)
    "fat_kcal",  # energy of added fats (flag added_fat) that are not foods to limit
    "live_g",  # grams times the live-culture weight
    "prebiotic_g",
    "fiber_g",  # fiber that counts (not from foods to limit)
    "plant_g",  # grams of a plant species (not from foods to limit)
    "polyphenol_g",
    "tea_cups",
    "spice_g",
    "epa_dha_g",
    "ala_g",
    *PLAIN_SUMS,
)
SKIN_COLUMNS: tuple[str, ...] = SKIN_NUTRIENTS  # the skin nutrients the day panel shows
# Nutrients whose unknown values are named beside a day's score.
REPORTED_UNKNOWN: tuple[str, ...] = (
    "energy_kcal",
    "fiber_g",
    "prebiotic_g",
    "added_sugars_g",
    "alcohol_g",
    *SKIN_COLUMNS[:-1],
)


def build_frame(foods: Sequence[Food], sr28: Sr28Table | None = None) -> pd.DataFrame:
    """The catalog DataFrame: the facts of each food (``foods``, and a deferred SR28
    table's: see Catalog.derived) plus its scoring columns, indexed by food id."""
    return _data_frame(scoring_columns(catalog_facts(foods, sr28)))


def _data_frame(columns: Columns) -> pd.DataFrame:
    import pandas as pd

    data = dict(columns)
    ids = data.pop("id")
    frame = pd.DataFrame(data)
    frame.index = pd.Index(ids, name="food")
    return frame


def scoring_columns(facts: Columns) -> Columns:
    """The facts (planner.scoring.facts) plus the scoring columns worked out from them,
    with numpy: the rules that make a food one to limit, a plant, tea or a spice, and what
    it brings to each sum."""
    df = dict(facts)
    count = len(df["id"])
    grams = np.asarray(df["grams"], dtype=float)
    flag_mask = np.asarray(df["flag_mask"])
    rule_mask = np.asarray(df["name_rules"])

    def flagged(flag: str) -> np.ndarray:
        return flag_mask & FLAG_BITS[flag] != 0

    def any_of(wanted: frozenset[str]) -> np.ndarray:
        return flag_mask & mask_of_flags(wanted) != 0

    def named(rule: str) -> np.ndarray:
        """Whether the (casefolded) name matches the name rule ``rule`` (namerules.py)."""
        return rule_mask & NAME_RULE_BITS[rule] != 0

    def known(name: str) -> np.ndarray:
        """The column with its unknown values as 0."""
        values = np.asarray(df[name], dtype=float)
        return np.where(np.isnan(values), 0.0, values)

    def is_text(name: str, wanted: str) -> np.ndarray:
        return np.fromiter((value == wanted for value in df[name]), np.bool_, count)

    alcohol = known("alcohol_g")
    alcoholic = alcohol > ALCOHOLIC_G_PER_100G * grams / 100
    limit = any_of(LIMIT_FLAGS) | alcoholic
    df["is_limit_food"] = limit

    # Ingredients nobody eats alone: flours, starches, dry mixes (unless cooked); grains
    # that are not cooked; raw dried pulses other than those eaten raw.
    ingredient = named("ingredient") & ~named("cooked")
    cereal = is_text("group", "Cereal Grains and Pasta")
    ingredient |= cereal & ~named("cooked_grain")
    raw_pulse = is_text("group", "Legumes and Legume Products") & named("raw")
    ingredient |= raw_pulse & ~named("pulse_eaten_raw")
    good = ~limit

    # Added sugars: SR28 has only total sugars; the catalog estimates the added share.
    # Where the estimate is unknown, a sweet food (flagged sugar_sweetened) counts all its
    # sugars as added, or, sugars unknown too, half its energy (a sweet's typical share):
    # an unknown sugar value is never "not sugary". Plain yogurt and kefir pay nothing.
    added = np.asarray(df["added_sugars_g"], dtype=float)
    sugars = np.asarray(df["sugars_g"], dtype=float)
    energy_raw = np.asarray(df["energy_kcal"], dtype=float)
    imputed = np.where(np.isnan(sugars), energy_raw * 0.5 / 4, sugars)
    added = np.where(np.isnan(added), np.where(flagged("sugar_sweetened"), imputed, 0.0), added)
    added = np.where(np.isnan(added), 0.0, added)
    added = np.where(flagged("plain_fermented_dairy"), 0.0, added)
    df["added_sugars_scored_g"] = added

    energy = known("energy_kcal")
    empty_kcal = np.minimum(4.0 * added + 7.0 * alcohol, energy)
    fat = flagged("added_fat")
    df["complete_kcal"] = np.where(good & ~fat, energy - empty_kcal, 0.0)
    df["fat_kcal"] = np.where(good & fat, energy - empty_kcal, 0.0)

    live = np.fromiter((LIVE_WEIGHT.get(v, 0.0) for v in df["live_cultures"]), np.float64, count)
    df["live_g"] = grams * live
    df["prebiotic_scored_g"] = np.where(good, known("prebiotic_g"), 0.0)
    df["fiber_scored_g"] = np.where(good, known("fiber_g"), 0.0)
    has_species = np.fromiter((v is not None for v in df["species"]), np.bool_, count)
    df["plant_g"] = np.where(has_species & good, grams, 0.0)

    groups = df["group"]
    plant_group = np.fromiter((g in PLANT_GROUPS or g == "" for g in groups), np.bool_, count)
    has_plant = np.fromiter((v is not None for v in df["plant"]), np.bool_, count)
    plant_like = plant_group & (has_species | has_plant) & good
    anti_inflammatory = np.fromiter(
        ("anti_inflammatory" in c for c in df["categories"]), np.bool_, count
    )
    polyphenol = (anti_inflammatory & has_species) | (plant_like & named("polyphenol"))
    drink = (is_text("group", "Beverages") | is_text("group", "")) & good
    tea = drink & named("tea") & ~named("herbal")
    spice = is_text("group", "Spices and Herbs") | is_text("aisle", "spices") | named("spice")
    spice &= ~named("not_spice")
    df["polyphenol_g"] = np.where(polyphenol & ~tea & ~spice & good, grams, 0.0)
    # A cup of tea: 240 g brewed, or about 2 g of leaves or powder. A small serving is
    # leaves only when it is not tea as drunk (named brewed, or almost without energy).
    with np.errstate(invalid="ignore", divide="ignore"):
        per_gram = energy / np.where(grams > 0, grams, np.nan)
    brewed = (tea & named("brewed")) | (per_gram < 0.5)
    # A serving of leaves or of a sweetened instant mix makes a cup or two, not a pot.
    cups = np.where((grams >= 50) | brewed, grams / 240.0, np.minimum(grams / 2.0, 2.0))
    df["tea_cups"] = np.where(tea & good, cups, 0.0)
    df["spice_g"] = np.where(spice & good, grams, 0.0)

    # A sane portion: what a person eats at once. Not a household measure that merely
    # comes first in SR28 (garlic by the cup, a whole 846 g mamey), and not 100 g of a
    # dense food that has no household measure at all (dried celery flakes, papad).
    liquid = is_text("group", "Beverages") | is_text("group", "Soups, Sauces, and Gravies")
    too_big = grams > np.where(liquid, MAX_LIQUID_PORTION_G, MAX_PORTION_G)
    too_big |= spice & (grams > MAX_SPICE_PORTION_G)
    no_measure = is_text("serving_label", "100 g")
    too_big |= no_measure & (energy > MAX_KCAL_WITHOUT_MEASURE)
    df["never_suggested"] = any_of(NEVER_SUGGESTED) | ingredient | too_big
    df["epa_dha_scored_g"] = np.where(good, known("epa_dha_g"), 0.0)
    df["ala_scored_g"] = np.where(good, known("ala_g"), 0.0)

    df["processed_meat_g"] = np.where(flagged("processed_meat"), grams, 0.0)
    df["deep_fried_g"] = np.where(flagged("deep_fried"), grams, 0.0)
    # Energy of a food without a known value: 2 kcal a gram, a typical processed food's.
    kcal = np.where(np.isnan(energy_raw), 2.0 * grams, energy_raw)
    df["ultra_processed_kcal"] = np.where(flagged("ultra_processed"), kcal, 0.0)
    df["sweetener_g"] = np.where(flagged("artificial_sweetener"), grams, 0.0)
    df["milk_g"] = np.where(flagged("dairy_milk"), grams, 0.0)
    df["high_gl_kcal"] = np.where(flagged("high_gl"), kcal, 0.0)
    return df


# Scored column names in the frame, for each AMOUNT_COLUMNS entry.
FRAME_COLUMN = {
    "grams": "grams",
    "energy_kcal": "energy_kcal",
    "complete_kcal": "complete_kcal",
    "fat_kcal": "fat_kcal",
    "live_g": "live_g",
    "prebiotic_g": "prebiotic_scored_g",
    "fiber_g": "fiber_scored_g",
    "plant_g": "plant_g",
    "polyphenol_g": "polyphenol_g",
    "tea_cups": "tea_cups",
    "spice_g": "spice_g",
    "epa_dha_g": "epa_dha_scored_g",
    "ala_g": "ala_scored_g",
    "added_sugars_g": "added_sugars_scored_g",
    "alcohol_g": "alcohol_g",
    "processed_meat_g": "processed_meat_g",
    "deep_fried_g": "deep_fried_g",
    "ultra_processed_kcal": "ultra_processed_kcal",
    "sweetener_g": "sweetener_g",
    "milk_g": "milk_g",
    "high_gl_kcal": "high_gl_kcal",
    "fiber_all_g": "fiber_g",
}
COLUMN = {name: index for index, name in enumerate(AMOUNT_COLUMNS)}


class CatalogFrame:
    """The catalog DataFrame and the numpy views of it the evaluator's sums use.

    - ``df``: one row per food, indexed by id (see build_frame);
    - ``amounts``: AMOUNT_COLUMNS per serving as one float matrix, unknown values as 0
      (they are reported apart, from ``unknown``);
    - ``skin``: SKIN_COLUMNS per serving, unknown as 0; ``unknown``: True where a
      REPORTED_UNKNOWN or skin value is unknown;
    - ``species_code``: an integer per plant species, -1 for a food that is not a plant.
    """

    def __init__(
        self, foods: Sequence[Food], revision: int = 0, sr28: Sr28Table | None = None
    ) -> None:
        self.revision = revision
        self.columns = columns = scoring_columns(catalog_facts(foods, sr28))
        self.ids: list[str] = list(columns["id"])
        self.names: list[str] = list(columns["name"])
        self.serving_labels: list[str] = list(columns["serving_label"])
        self.origin_rank = np.asarray(columns["origin_rank"])
        self.tag_mask = np.asarray(columns["tag_mask"])
        self.is_limit_food = np.asarray(columns["is_limit_food"])
        self.never_suggested = np.asarray(columns["never_suggested"])
        self.row_of = {food_id: row for row, food_id in enumerate(self.ids)}
        self.energy_known = ~np.isnan(np.asarray(columns["energy_kcal"], dtype=float))
        # Food a person eats as it is, with a known energy, not a food to limit.
        self.suggestable = ~self.never_suggested & ~self.is_limit_food & self.energy_known
        self.live_cultures: list[str | None] = [
            state if isinstance(state, str) else None for state in columns["live_cultures"]
        ]
        matrix = self._matrix([FRAME_COLUMN[c] for c in AMOUNT_COLUMNS])
        self.amounts = np.ascontiguousarray(np.nan_to_num(matrix, nan=0.0))
        self.unknown_keys = tuple(dict.fromkeys((*REPORTED_UNKNOWN, *SKIN_COLUMNS)))
        self.unknown = np.isnan(self._matrix(list(self.unknown_keys)))
        self._unknown_of: dict[int, tuple[str, ...]] = {}
        self.skin = np.nan_to_num(self._matrix(list(SKIN_COLUMNS)), nan=0.0)
        self._species(columns["species"], columns["plant"])
        casefolded = np.array([n.casefold() for n in self.names], dtype=object)
        self.name_order = np.empty(len(self.ids), dtype=np.int64)
        self.name_order[np.argsort(casefolded, kind="stable")] = np.arange(len(self.ids))

    def _matrix(self, names: list[str]) -> np.ndarray:
        """The named columns as one float matrix, a row per food (NaN kept)."""
        matrix = np.empty((len(self.ids), len(names)))
        for position, name in enumerate(names):
            matrix[:, position] = self.columns[name]
        return matrix

    def _species(self, species: Sequence[object], plants: Sequence[object]) -> None:
        """An integer per plant species in order of first appearance (-1: not a plant),
        and the label each is shown by: the common name most of its foods carry ("lettuce"
        for the iceberg, romaine and celtuce of *Lactuca sativa*, "summer squash" for
        zucchini and pumpkin), or the species' own common name where its foods are named
        apart (SPECIES_NAMES); two species shown by one name are told apart by species."""
        code_of: dict[object, int] = {}
        names: list[dict[str, int]] = []  # per code: common name -> foods carrying it
        codes = np.full(len(species), -1, dtype=np.int64)
        for row, name in enumerate(species):
            if name is None:
                continue
            code = code_of.get(name)
            if code is None:
                code = code_of[name] = len(names)
                names.append({})
            codes[row] = code
            common = str(name if plants[row] is None else plants[row])
            names[code][common] = names[code].get(common, 0) + 1
        self.species_code = codes
        self.species_list: list[int] = codes.tolist()
        self.plant_g_list: list[float] = self.column("plant_g").tolist()
        # The most common name; ties go to the first food's (dicts keep insertion order).
        shown = [
            SPECIES_NAMES.get(str(name)) or max(counts, key=counts.__getitem__)
            for name, counts in zip(code_of, names, strict=True)
        ]
        seen: dict[str, int] = {}
        for label in shown:
            seen[label] = seen.get(label, 0) + 1
        self.species_labels: list[str] = [
            label if seen[label] == 1 else f"{label} ({name})"
            for name, label in zip(code_of, shown, strict=True)
        ]

    @functools.cached_property
    def df(self) -> pd.DataFrame:
        """The table as a pandas DataFrame indexed by food id (pandas is imported here:
        the whole-plan grouping and analysis use it, the first scores do not)."""
        return _data_frame(self.columns)

    @functools.cached_property
    def index(self) -> pd.Index:
        """The food ids as a pandas Index, for the whole-plan join."""
        import pandas as pd

        return pd.Index(self.ids, name="food")

    def __len__(self) -> int:
        return len(self.ids)

    def unknown_of(self, row: int) -> tuple[str, ...]:
        """The reported nutrients whose value is unknown for the food at ``row``."""
        found = self._unknown_of.get(row)
        if found is None:
            found = tuple(
                k for k, gone in zip(self.unknown_keys, self.unknown[row], strict=True) if gone
            )
            self._unknown_of[row] = found
        return found

    def rows(self, food_ids: Sequence[str]) -> np.ndarray:
        """The join of entries to the catalog: each food's row, -1 for an unknown id."""
        row_of = self.row_of
        return np.array([row_of.get(food_id, -1) for food_id in food_ids], dtype=np.intp)

    def column(self, name: str) -> np.ndarray:
        return self.amounts[:, COLUMN[name]]


def catalog_frame_of(catalog: Catalog) -> CatalogFrame:
    """The catalog's frame, cached in the catalog per revision."""
    built = catalog.derived("scoring.frame", _catalog_frame)
    assert isinstance(built, CatalogFrame)
    return built


def _catalog_frame(revision: int, foods: list[Food], sr28: Sr28Table | None) -> CatalogFrame:
    return CatalogFrame(foods, revision, sr28)


def catalog_frame(catalog: Catalog) -> pd.DataFrame:
    """The catalog as a DataFrame indexed by food id (for analysis and the tests)."""
    return catalog_frame_of(catalog).df


# The name the ui's loader imports to build the tables off the GUI thread.
catalog_table = catalog_frame_of
