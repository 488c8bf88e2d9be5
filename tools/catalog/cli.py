"""The command line of the catalog build (``python -m tools.catalog_build``): finds the
SR28 folder, builds both resources and writes them.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path

from tools.catalog.constants import (
    CATALOG_NAME,
    DEFAULT_OUT_DIR,
    DEFAULT_SPEC,
    DEFAULT_SR28_DIR,
    SR28_CSV_NAME,
    SR28_DIR_ENV,
)
from tools.catalog.curated import SpecError, build_curated, catalog_json_bytes, load_spec
from tools.catalog.reading import sr28_dir
from tools.catalog.table import build_sr28_table, sr28_csv_bytes


def _parse_args(argv: Iterable[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m tools.catalog_build",
        description="Build resources/sr28.csv.gz and resources/catalog.json from USDA SR28.",
    )
    parser.add_argument(
        "--sr28",
        type=Path,
        default=None,
        help=f"SR28 folder (default: ${SR28_DIR_ENV}, else {DEFAULT_SR28_DIR})",
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT_DIR, help="output folder")
    parser.add_argument("--spec", type=Path, default=DEFAULT_SPEC, help="curated spec JSON")
    return parser.parse_args(None if argv is None else list(argv))


def main(argv: Iterable[str] | None = None) -> int:
    args = _parse_args(argv)
    args.sr28 = sr28_dir(args.sr28)
    if not (args.sr28 / "FOOD_DES.txt").is_file():
        print(f"SR28 files not found in {args.sr28}", file=sys.stderr)
        return 2
    table = build_sr28_table(args.sr28)
    try:
        catalog = build_curated(load_spec(args.spec), table)
    except SpecError as error:
        print(f"curated spec: {error}", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    csv_path = args.out / SR28_CSV_NAME
    catalog_path = args.out / CATALOG_NAME
    csv_path.write_bytes(sr28_csv_bytes(table))
    catalog_path.write_bytes(catalog_json_bytes(catalog))
    print(f"{csv_path}: {len(table)} foods")
    print(f"{catalog_path}: {len(catalog['foods'])} curated foods")
    return 0
