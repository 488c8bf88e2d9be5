"""The SR28 table: every SR28 food joined with its measures and nutrients and given the
derived columns, written as sr28.csv.gz (sorted rows, fixed formatting, no gzip
timestamp) and read back.
"""

from __future__ import annotations

import csv
import gzip
import io
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planner.scoring.namerules import name_rules_of
from tools.catalog.constants import COLUMNS, NUMBER_COLUMNS, USED_NUTRIENTS
from tools.catalog.estimates import added_sugars_for, prebiotic_for
from tools.catalog.flags import flags_for, live_cultures_for
from tools.catalog.keys import aisle_for, plant_key
from tools.catalog.nutrients import nutrients_from
from tools.catalog.reading import (
    clean_measure,
    fmt_number,
    read_sr28_file,
    round3,
    to_number,
)
from tools.catalog.rules import categories_for, limit_kind_for, tags_for
from tools.catalog.species import species_for_foods

# The kind a food to limit is listed under, from the first of its scoring flags.
FLAG_KINDS: dict[str, str] = {
    "processed_meat": "processed_meat",
    "deep_fried": "deep_fried",
    "artificial_sweetener": "artificial_sweetener",
    "sugar_sweetened": "refined_sugar",
    "ultra_processed": "ultra_processed",
}


if TYPE_CHECKING:  # pandas is imported where it is used: importing stays light
    import pandas as pd


def _measures(weights: pd.DataFrame) -> dict[str, list[tuple[str, float]]]:
    """Household measures per food in Seq order, as (label, grams)."""
    table = weights.assign(
        seq=to_number(weights["seq"]),
        amount=to_number(weights["amount"]),
        grams=to_number(weights["grams"]),
    ).sort_values(["ndb", "seq"], kind="stable")
    out: dict[str, list[tuple[str, float]]] = {}
    for ndb, amount, desc, grams in zip(
        table["ndb"], table["amount"], table["desc"], table["grams"], strict=True
    ):
        label = clean_measure(f"{fmt_number(amount)} {desc}")
        out.setdefault(ndb, []).append((label, float(grams)))
    return out


def _nutrient_values(nut_data: pd.DataFrame) -> dict[str, dict[str, float]]:
    used = nut_data[nut_data["nutr"].isin(USED_NUTRIENTS)]
    values = to_number(used["value"])
    out: dict[str, dict[str, float]] = {}
    for ndb, nutr, value in zip(used["ndb"], used["nutr"], values, strict=True):
        out.setdefault(ndb, {})[nutr] = float(value)
    return out


def build_sr28_table(sr28_dir: Path | str) -> pd.DataFrame:
    """One row per SR28 food with derived fields; nutrients per 100 g (NaN = unknown)."""
    sr28_dir = Path(sr28_dir)
    foods = read_sr28_file(
        sr28_dir / "FOOD_DES.txt", ["ndb", "group", "name", "sci"], usecols=[0, 1, 2, 9]
    )
    groups = read_sr28_file(sr28_dir / "FD_GROUP.txt", ["group", "group_name"])
    group_names = dict(zip(groups["group"], groups["group_name"], strict=True))
    weights = read_sr28_file(
        sr28_dir / "WEIGHT.txt", ["ndb", "seq", "amount", "desc", "grams"], usecols=range(5)
    )
    nut_data = read_sr28_file(
        sr28_dir / "NUT_DATA.txt.gz", ["ndb", "nutr", "value"], usecols=[0, 1, 2]
    )
    measures = _measures(weights)
    values = _nutrient_values(nut_data)

    records = sorted(zip(foods["ndb"], foods["group"], foods["name"], strict=True))
    sci_names = dict(zip(foods["ndb"], foods["sci"], strict=True))
    known = frozenset(plant_key(name, group) for _, group, name in records) - {""}
    plants = {ndb: plant_key(name, group, known) for ndb, group, name in records}
    species = species_for_foods(
        [(ndb, name, plants[ndb], sci_names[ndb]) for ndb, _, name in records]
    )
    rows: list[dict[str, Any]] = []
    for ndb, group, name in records:
        nutr = values.get(ndb, {})
        food_measures = measures.get(ndb, [])
        serving_label, serving_grams = food_measures[0] if food_measures else ("100 g", 100.0)
        plant = plants[ndb]
        limit = limit_kind_for(name, group, nutr)
        food_species = species.get(ndb, "")
        if limit:
            plant = food_species = ""  # a food to limit never earns plant credit
        aisle = aisle_for(name, group, plant)
        cats = categories_for(name, group, plant, aisle, limit, nutr, serving_grams)
        tags = tags_for(name, group, aisle, nutr)
        live = live_cultures_for(name, group)
        added, added_basis = added_sugars_for(name, group, nutr, live)
        prebiotic, prebiotic_basis = prebiotic_for(name, group, plants[ndb], nutr, tags)
        flags = flags_for(name, group, limit, nutr, added, live)
        if not limit and FLAG_KINDS.keys() & set(flags):
            # Scored as a food to limit (a processed meat, a deep-fried or ultra-processed
            # food, one sweetened by sugar or a sweetener): listed as one too.
            limit = next(kind for flag, kind in FLAG_KINDS.items() if flag in flags)
            plant = food_species = ""
            aisle = aisle_for(name, group, plant)
            cats = ["limit"]
        basis = [f"A:{added_basis}"] + ([f"P:{prebiotic_basis}"] if prebiotic_basis else [])
        rows.append(
            {
                "id": f"sr:{ndb}",
                "ndb": ndb,
                "name": name,
                "group": group_names[group],
                "plant": plant,
                "aisle": aisle,
                "categories": ";".join(cats),
                "limit_kind": limit,
                "tags": ";".join(tags),
                "flags": ";".join(flags),
                "live_cultures": live,
                "species": food_species,
                "name_rules": ";".join(name_rules_of(name)),
                "basis": ";".join(basis),
                "serving_label": serving_label,
                "serving_grams": round3(serving_grams),
                "servings": ";".join(f"{lbl}|{fmt_number(g)}" for lbl, g in food_measures),
                **nutrients_from(nutr, added, prebiotic),
            }
        )
    import pandas as pd

    table = pd.DataFrame(rows, columns=list(COLUMNS))
    return table.astype({c: "float64" for c in NUMBER_COLUMNS})


def sr28_csv_bytes(table: pd.DataFrame) -> bytes:
    """The table as gzip-compressed UTF-8 CSV, identical bytes for identical input."""
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(COLUMNS)
    number_set = set(NUMBER_COLUMNS)
    for record in table.itertuples(index=False, name=None):
        writer.writerow(
            fmt_number(v) if c in number_set else v for c, v in zip(COLUMNS, record, strict=True)
        )
    buffer = io.BytesIO()
    # mtime=0 and no file name keep the gzip header constant.
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, compresslevel=9, mtime=0) as gz:
        gz.write(text.getvalue().encode("utf-8"))
    return buffer.getvalue()


def load_sr28_csv(path: Path | str) -> pd.DataFrame:
    """Read sr28.csv.gz back with the same types build_sr28_table returns."""
    import pandas as pd

    frame = pd.read_csv(path, dtype=str, keep_default_na=False, na_filter=False, encoding="utf-8")
    for column in NUMBER_COLUMNS:
        frame[column] = to_number(frame[column]).astype("float64")
    return frame
