"""Build the food resources from the USDA SR28 flat files.

    python -m tools.catalog_build [--sr28 DIR] [--out DIR] [--spec FILE]

The SR28 folder is ``--sr28``, else the environment variable GUTSKIN_SR28_DIR, else
``../shared/data/usda-sr28`` beside the repository.

Writes two files into ``--out`` (default: the repository's ``resources/``):

* ``sr28.csv.gz``  - every SR28 food, one row each, nutrients per 100 g with
  derived aisle, plant key, categories, limit kind and tags;
* ``catalog.json`` - the curated catalog: the foods listed in
  ``curated_spec.json`` with nutrients per household serving.

The output is byte-for-byte reproducible (sorted rows, fixed number formatting,
gzip header without a timestamp). See docs/catalog.md for the rules.

The code is in the package tools/catalog/, one module per step (SR28 reading, names and
plant keys, derived columns, flags, estimates, species, the SR28 table, the curated
catalog, the command line); this module is its entry point and re-exports the names the
tests and tools use.
"""

from __future__ import annotations

from planner.core.foods import AISLES, CATEGORIES, TAGS
from tools.catalog.cli import main
from tools.catalog.constants import (
    CATALOG_NAME,
    COLUMNS,
    DEFAULT_SR28_DIR,
    G_BAKED,
    LIMIT_KINDS,
    N_ENERGY,
    NUTRIENT_UNITS,
    NUTRIENTS,
    SR28_CSV_NAME,
    SR28_DIR_ENV,
)
from tools.catalog.curated import (
    ADDED_BASIS_TEXT,
    RX_SLUG,
    SpecError,
    build_curated,
    catalog_json_bytes,
    load_spec,
)
from tools.catalog.estimates import PREBIOTIC_SOURCES, added_sugars_for
from tools.catalog.flags import flags_for
from tools.catalog.keys import plant_key
from tools.catalog.reading import read_sr28_file, sr28_dir
from tools.catalog.species import normalise_species
from tools.catalog.table import build_sr28_table, load_sr28_csv, sr28_csv_bytes

__all__ = [
    "ADDED_BASIS_TEXT",
    "AISLES",
    "CATALOG_NAME",
    "CATEGORIES",
    "COLUMNS",
    "DEFAULT_SR28_DIR",
    "G_BAKED",
    "LIMIT_KINDS",
    "NUTRIENTS",
    "NUTRIENT_UNITS",
    "N_ENERGY",
    "PREBIOTIC_SOURCES",
    "RX_SLUG",
    "SR28_CSV_NAME",
    "SR28_DIR_ENV",
    "TAGS",
    "SpecError",
    "added_sugars_for",
    "build_curated",
    "build_sr28_table",
    "catalog_json_bytes",
    "flags_for",
    "load_spec",
    "load_sr28_csv",
    "main",
    "normalise_species",
    "plant_key",
    "read_sr28_file",
    "sr28_csv_bytes",
    "sr28_dir",
]


if __name__ == "__main__":
    raise SystemExit(main())
