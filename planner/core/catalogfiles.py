"""Reading the shipped catalog: the curated foods (resources/catalog.json) and all of
USDA SR28 (resources/sr28.csv.gz, read column-wise for speed), as Food objects."""

from __future__ import annotations

import io
import json
import math
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

from planner.core.food import CURATED, NUTRIENTS, SR28, SR28_PREFIX, Food
from planner.errors import CatalogError
from planner.i18n import _, pgettext


def _num(value: object) -> float | None:
    if value is None or value == "":
        return None
    number = float(value)  # type: ignore[arg-type]
    return number if math.isfinite(number) else None


def food_from_catalog_json(item: dict[str, Any]) -> Food:
    return Food(
        id=item["id"],
        # The curated foods' names and servings in the user's language (SR28's stay as the
        # USDA writes them); the scoring reads the shipped name rules, not the name.
        name=pgettext("food", item["name"]),
        categories=frozenset(item["categories"]),
        serving_label=pgettext("serving", item["serving_label"]),
        grams=float(item["grams"]),
        # A nutrient the resource does not carry is unknown.
        nutrients={key: _num(item["nutrients"].get(key)) for key in NUTRIENTS},
        plant=item.get("plant") or None,
        aisle=item.get("aisle") or "pantry",
        tags=frozenset(item.get("tags") or ()),
        limit_kind=item.get("limit_kind") or None,
        ndb=item.get("ndb") or None,
        origin=CURATED,
        sources=dict(item.get("sources") or {}),
        live_cultures=item.get("live_cultures") or None,
        flags=frozenset(item.get("flags") or ()),
        species=item.get("species") or None,
        name_rules=_rules(item.get("name_rules")),
    )


def _rules(value: list[str] | None) -> frozenset[str] | None:
    # A catalog built before the name rules were shipped has none: the scoring runs them.
    return None if value is None else frozenset(value)


def _split(text: str) -> frozenset[str]:
    return frozenset(part for part in text.split(";") if part)


def _resource_bytes(name: str) -> bytes:
    return resources.files("resources").joinpath(name).read_bytes()


def load_curated_foods() -> list[Food]:
    try:
        document = json.loads(_resource_bytes("catalog.json").decode("utf-8"))
        return [food_from_catalog_json(item) for item in document["foods"]]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise CatalogError(
            _("The built-in food catalog is damaged: {exc}").format(exc=exc)
        ) from exc


class Sr28Table:
    """The shipped SR28 table, read once. ``foods()`` makes its Food objects; the scoring
    reads the same bytes straight into the columns of its table (planner.scoring.facts),
    which is several times faster than making 8,789 foods."""

    def __init__(self, data: str | bytes) -> None:
        # The UTF-8 bytes as shipped: pandas' reader takes them as they are, without the
        # copy a text stream would make (a third of its time).
        self.data = data.encode("utf-8") if isinstance(data, str) else data
        self._text: str | None = None

    @property
    def text(self) -> str:
        """The table as text, decoded once (a damaged table raises UnicodeDecodeError)."""
        if self._text is None:
            self._text = self.data.decode("utf-8")
        return self._text

    def foods(self) -> list[Food]:
        import csv  # imported here: the SR28 table is read on a worker, after the window shows

        try:
            rows = csv.reader(io.StringIO(self.text))
            return _sr28_foods(next(rows), rows)
        except (ValueError, KeyError, TypeError, IndexError, StopIteration) as exc:
            raise sr28_damaged(exc) from exc


def sr28_damaged(exc: Exception) -> CatalogError:
    return CatalogError(_("The built-in SR28 food table is damaged: {exc}").format(exc=exc))


def read_sr28_table() -> Sr28Table:
    import gzip

    try:
        # Decoded where it is read: text that is not UTF-8 is told as a damaged table there.
        return Sr28Table(gzip.decompress(_resource_bytes("sr28.csv.gz")))
    except (OSError, ValueError) as exc:
        raise sr28_damaged(exc) from exc


def load_sr28_foods() -> list[Food]:
    return read_sr28_table().foods()


def _sr28_foods(header: list[str], rows: Iterable[list[str]]) -> list[Food]:
    """The SR28 foods of the shipped table, about twice as fast as a reader of dict rows
    (tests/support/sr28rows.py is that reader, kept as the oracle): plain rows instead of a
    dict per row, and one frozenset per distinct list of categories or tags (a few dozen
    for 8,789 foods) instead of one per food."""
    column = {name: header.index(name) for name in header}
    i_id, i_name, i_grams = column["id"], column["name"], column["serving_grams"]
    i_cats, i_tags, i_label = column["categories"], column["tags"], column["serving_label"]
    i_plant, i_aisle, i_kind = column["plant"], column["aisle"], column["limit_kind"]
    i_ndb, i_group = column["ndb"], column["group"]
    # Columns a table may lack (it predates them) read as one empty cell added to each
    # row: unknown nutrients, no flags, no species, no live-culture claim.
    empty = len(header)
    optional = ("live_cultures", "flags", "species", *NUTRIENTS)
    pad = any(name not in column for name in optional)
    i_live, i_flags, i_species = (column.get(n, empty) for n in optional[:3])
    i_rules = column.get("name_rules")  # None: an older table (the scoring runs the rules)
    nutrient_columns = [(key, column.get(key, empty)) for key in NUTRIENTS]
    sets: dict[str, frozenset[str]] = {}
    isfinite = math.isfinite
    foods = []
    for row in rows:
        if pad:
            row = [*row, ""]
        food_id = row[i_id]
        if not food_id.startswith(SR28_PREFIX):  # lookups rely on the prefix
            raise ValueError(f"food id {food_id!r} does not start with {SR28_PREFIX!r}")
        grams = float(row[i_grams])
        scale = grams / 100.0
        nutrients: dict[str, float | None] = {}
        for key, index in nutrient_columns:
            text = row[index]
            if text:
                value = float(text)
                nutrients[key] = value * scale if isfinite(value) else None
            else:
                nutrients[key] = None
        cats, tags, flags = row[i_cats], row[i_tags], row[i_flags]
        rules = "" if i_rules is None else row[i_rules]
        for text in (cats, tags, flags, rules):
            if text not in sets:
                sets[text] = _split(text)
        foods.append(
            Food(
                id=food_id,
                name=row[i_name],
                categories=sets[cats],
                serving_label=row[i_label],
                grams=grams,
                nutrients=nutrients,
                plant=row[i_plant] or None,
                aisle=row[i_aisle] or "pantry",
                tags=sets[tags],
                limit_kind=row[i_kind] or None,
                ndb=row[i_ndb] or None,
                origin=SR28,
                group=row[i_group] or None,
                live_cultures=row[i_live] or None,
                flags=sets[flags],
                species=row[i_species] or None,
                name_rules=None if i_rules is None else sets[rules],
            )
        )
    return foods


def resource_path(name: str) -> Path:
    """A path to a shipped resource (valid for a wheel installed on disk)."""
    return Path(str(resources.files("resources").joinpath(name)))
