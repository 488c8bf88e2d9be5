"""The catalog as a pandas DataFrame: one row per food, indexed by food id, with the
per-serving amounts the score reads.

The frame is built once per catalog revision (cached in the catalog through
``Catalog.derived``) with column arithmetic, and its numeric columns are also kept as one
float matrix so that the evaluator's innermost sums are numpy. The rules that put a food
in a scoring class (limit food, polyphenol-rich, tea, spice) live here and are written
down in docs/scoring.md; the words of a name they read are namerules.py's, which the
catalog build runs once for the shipped foods.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from planner.core.catalogfiles import Sr28Table
from planner.core.foods import Food
from planner.scoring.facts import FLAG_BITS, catalog_facts, mask_of_flags
from planner.scoring.facts import ORIGIN_RANK as ORIGIN_RANK  # re-exported
from planner.scoring.facts import TAG_BITS as TAG_BITS  # re-exported
from planner.scoring.facts import tag_mask as tag_mask  # re-exported
from planner.scoring.model import SKIN_NUTRIENTS
from planner.scoring.namerules import NAME_RULE_BITS

if TYPE_CHECKING:
    from planner.core.foods import Catalog


# Flags that make a food one "to limit": its amounts earn nothing in the positive parts
# and its energy does not make the day more complete (live cultures excepted: a
# sweetened yogurt still carries them, and pays for its sugar in the limit part).
LIMIT_FLAGS = frozenset(
    {"processed_meat", "deep_fried", "ultra_processed", "artificial_sweetener", "sugar_sweetened"}
)
NEVER_SUGGESTED = frozenset({"not_eaten_alone", "raw_pulse"})
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
    # or added sugars
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
    table's: see Catalog.derived) plus its scoring columns."""
    df = catalog_facts(foods, sr28)
    grams = df["grams"]
    flag_mask = df["flag_mask"].to_numpy()
    rule_mask = df["name_rules"].to_numpy()

    def flagged(flag: str) -> pd.Series:
        return pd.Series(flag_mask & FLAG_BITS[flag] != 0, index=df.index)

    def any_of(wanted: frozenset[str]) -> pd.Series:
        return pd.Series(flag_mask & mask_of_flags(wanted) != 0, index=df.index)

    def named(rule: str) -> pd.Series:
        """Whether the (casefolded) name matches the name rule ``rule`` (namerules.py)."""
        return pd.Series(rule_mask & NAME_RULE_BITS[rule] != 0, index=df.index)

    alcohol = df["alcohol_g"].fillna(0.0)
    alcoholic = alcohol > ALCOHOLIC_G_PER_100G * grams / 100
    limit = any_of(LIMIT_FLAGS) | alcoholic
    df["is_limit_food"] = limit

    group = df["group"]
    # Ingredients nobody eats alone: flours, starches, dry mixes (unless cooked); grains
    # that are not cooked; raw dried pulses other than those eaten raw.
    ingredient = named("ingredient") & ~named("cooked")
    cereal = group == "Cereal Grains and Pasta"
    ingredient |= cereal & ~named("cooked_grain")
    raw_pulse = (group == "Legumes and Legume Products") & named("raw")
    ingredient |= raw_pulse & ~named("pulse_eaten_raw")
    df["never_suggested"] = any_of(NEVER_SUGGESTED) | ingredient
    good = ~limit

    # Added sugars: SR28 has only total sugars; the catalog estimates the added share.
    # Where the estimate is unknown, a sweet food (flagged sugar_sweetened) counts all its
    # sugars as added, or, sugars unknown too, half its energy (a sweet's typical share):
    # an unknown sugar value is never "not sugary". Plain yogurt and kefir pay nothing.
    added = df["added_sugars_g"]
    sweet = flagged("sugar_sweetened")
    imputed = df["sugars_g"].where(df["sugars_g"].notna(), df["energy_kcal"] * 0.5 / 4)
    added = added.where(added.notna(), imputed.where(sweet, 0.0)).fillna(0.0)
    added = added.where(~flagged("plain_fermented_dairy"), 0.0)
    df["added_sugars_scored_g"] = added

    energy = df["energy_kcal"].fillna(0.0)
    empty_kcal = (4.0 * added + 7.0 * alcohol).clip(upper=energy)
    df["complete_kcal"] = (energy - empty_kcal).where(good, 0.0)

    live = df["live_cultures"].map(LIVE_WEIGHT).fillna(0.0)
    df["live_g"] = grams * live
    df["prebiotic_scored_g"] = df["prebiotic_g"].fillna(0.0).where(good, 0.0)
    df["fiber_scored_g"] = df["fiber_g"].fillna(0.0).where(good, 0.0)
    has_species = df["species"].notna()
    df["plant_g"] = grams.where(has_species & good, 0.0)

    plant_group = group.isin(PLANT_GROUPS) | (group == "")
    plant_like = plant_group & (has_species | df["plant"].notna()) & good
    anti_inflammatory = np.fromiter(
        ("anti_inflammatory" in c for c in df["categories"]), bool, len(df)
    )
    polyphenol = (anti_inflammatory & has_species) | (plant_like & named("polyphenol"))
    drink = ((group == "Beverages") | (group == "")) & good
    tea = drink & named("tea") & ~named("herbal")
    spice = (group == "Spices and Herbs") | (df["aisle"] == "spices") | named("spice")
    spice &= ~named("not_spice")
    df["polyphenol_g"] = grams.where(polyphenol & ~tea & ~spice & good, 0.0)
    # A cup of tea: 240 g brewed, or about 2 g of leaves or powder. A small serving is
    # leaves only when it is not tea as drunk (named brewed, or almost without energy).
    per_gram = energy / grams.where(grams > 0)
    brewed = (tea & named("brewed")) | (per_gram < 0.5)
    # A serving of leaves or of a sweetened instant mix makes a cup or two, not a pot.
    cups = np.where((grams >= 50) | brewed, grams / 240.0, np.minimum(grams / 2.0, 2.0))
    df["tea_cups"] = pd.Series(cups, index=df.index).where(tea & good, 0.0)
    df["spice_g"] = grams.where(spice & good, 0.0)
    df["epa_dha_scored_g"] = df["epa_dha_g"].fillna(0.0).where(good, 0.0)
    df["ala_scored_g"] = df["ala_g"].fillna(0.0).where(good, 0.0)

    df["processed_meat_g"] = grams.where(flagged("processed_meat"), 0.0)
    df["deep_fried_g"] = grams.where(flagged("deep_fried"), 0.0)
    # Energy of a food without a known value: 2 kcal a gram, a typical processed food's.
    kcal = df["energy_kcal"].where(df["energy_kcal"].notna(), 2.0 * grams)
    df["ultra_processed_kcal"] = kcal.where(flagged("ultra_processed"), 0.0)
    df["sweetener_g"] = grams.where(flagged("artificial_sweetener"), 0.0)
    df["milk_g"] = grams.where(flagged("dairy_milk"), 0.0)
    df["high_gl_kcal"] = kcal.where(flagged("high_gl"), 0.0)
    return df


# Scored column names in the frame, for each AMOUNT_COLUMNS entry.
FRAME_COLUMN = {
    "grams": "grams",
    "energy_kcal": "energy_kcal",
    "complete_kcal": "complete_kcal",
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
        df = build_frame(foods, sr28)
        self.df = df
        self.index = df.index
        self.ids: list[str] = df.index.tolist()
        self.names: list[str] = df["name"].tolist()
        self.serving_labels: list[str] = df["serving_label"].tolist()
        self.origin_rank = df["origin_rank"].to_numpy()
        self.tag_mask = df["tag_mask"].to_numpy()
        self.is_limit_food = df["is_limit_food"].to_numpy()
        self.never_suggested = df["never_suggested"].to_numpy()
        self.row_of = {food_id: row for row, food_id in enumerate(self.ids)}
        # Food a person eats as it is, with a known energy, not a food to limit.
        self.suggestable = ~self.never_suggested & ~self.is_limit_food
        self.suggestable &= df["energy_kcal"].notna().to_numpy()
        self.live_cultures: list[str | None] = [
            state if isinstance(state, str) else None for state in df["live_cultures"].tolist()
        ]
        matrix = df[[FRAME_COLUMN[c] for c in AMOUNT_COLUMNS]].to_numpy(dtype=float)
        self.amounts = np.ascontiguousarray(np.nan_to_num(matrix, nan=0.0))
        self.energy_known = df["energy_kcal"].notna().to_numpy()
        self.unknown_keys = tuple(dict.fromkeys((*REPORTED_UNKNOWN, *SKIN_COLUMNS)))
        self.unknown = df[list(self.unknown_keys)].isna().to_numpy()
        self._unknown_of: dict[int, tuple[str, ...]] = {}
        self.skin = np.nan_to_num(df[list(SKIN_COLUMNS)].to_numpy(dtype=float), nan=0.0)
        codes, uniques = pd.factorize(df["species"])
        self.species_code = codes.astype(np.int64)
        self.species_list: list[int] = self.species_code.tolist()
        self.plant_g_list: list[float] = self.column("plant_g").tolist()
        # Each species is shown by the common name of its first food ("onion", not
        # "Allium cepa") where the catalog has one.
        first = pd.Series(np.arange(len(df))).groupby(codes).first()
        rows = first.reindex(range(len(uniques))).to_numpy().tolist()
        labels = df["plant"].where(df["plant"].notna(), df["species"]).tolist()
        shown = [str(labels[row]) for row in rows]
        # Two species shown by one name ("cabbage") are told apart by their species.
        seen: dict[str, int] = {}
        for label in shown:
            seen[label] = seen.get(label, 0) + 1
        species = list(uniques)
        self.species_labels: list[str] = [
            label if seen[label] == 1 else f"{label} ({species[code]})"
            for code, label in enumerate(shown)
        ]
        casefolded = np.array([n.casefold() for n in self.names], dtype=object)
        self.name_order = np.empty(len(df), dtype=np.int64)
        self.name_order[np.argsort(casefolded, kind="stable")] = np.arange(len(df))

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
        return self.index.get_indexer(food_ids)

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
