"""Foods and the catalog: the curated foods, all of USDA SR28, and the user's own foods."""

from __future__ import annotations

import io
import json
import math
import re
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Any

from planner.errors import CatalogError

# Categories in palette order. "limit" foods are never in another category.
CATEGORIES: tuple[str, ...] = (
    "probiotic",
    "prebiotic",
    "fiber",
    "anti_inflammatory",
    "hydrating",
    "limit",
)
CATEGORY_LABELS: dict[str, str] = {
    "probiotic": "Probiotic",
    "prebiotic": "Prebiotic",
    "fiber": "Fiber-dense",
    "anti_inflammatory": "Anti-inflammatory",
    "hydrating": "Hydrating",
    "limit": "Foods to limit",
}
CATEGORY_ROLES: dict[str, str] = {
    "probiotic": (
        "Fermented foods. Only live cultures add to the gut's own bacteria: each food says "
        "whether its cultures are likely alive."
    ),
    "prebiotic": "Fibres that feed the gut's bacteria.",
    "fiber": "Fiber keeps digestion regular and feeds the microbiome.",
    "anti_inflammatory": "Omega-3 fats and polyphenols that calm inflammation, in gut and skin.",
    "hydrating": "Water-rich food that helps keep skin hydrated.",
    "limit": "Linked to inflammation or breakouts: best kept occasional.",
}

LIMIT_KINDS: dict[str, tuple[str, str]] = {
    # kind: (singular, plural) as used in sentences
    "alcohol": ("drink of alcohol", "drinks of alcohol"),
    "refined_sugar": ("serving of refined sugar", "servings of refined sugar"),
    "deep_fried": ("deep-fried serving", "deep-fried servings"),
    "ultra_processed": ("ultra-processed snack", "ultra-processed snacks"),
    "artificial_sweetener": ("serving of artificial sweetener", "servings of artificial sweetener"),
    "dairy": ("extra serving of dairy", "extra servings of dairy"),
}

# Aisles in the order a shop is usually walked.
AISLES: tuple[str, ...] = (
    "produce",
    "fermented",
    "dairy",
    "meat",
    "fish",
    "grains",
    "pantry",
    "spices",
    "prepared",
    "drinks",
)
AISLE_LABELS: dict[str, str] = {
    "produce": "Produce",
    "fermented": "Fermented & refrigerated",
    "dairy": "Dairy & eggs",
    "meat": "Meat & poultry",
    "fish": "Fish & seafood",
    "grains": "Grains & bread",
    "pantry": "Pantry",
    "spices": "Spices & herbs",
    "prepared": "Prepared foods",
    "drinks": "Drinks",
}

TAGS: tuple[str, ...] = ("dairy", "gluten", "fish", "soy", "nuts", "alcohol", "animal")

# Nutrients tracked per serving, with their units.
NUTRIENTS: dict[str, str] = {
    "energy_kcal": "kcal",
    "fiber_g": "g",
    "sugars_g": "g",
    "vit_a_ug": "µg",
    "vit_c_mg": "mg",
    "vit_d_ug": "µg",
    "vit_e_mg": "mg",
    "zinc_mg": "mg",
    "omega3_g": "g",
    "protein_g": "g",
    "alcohol_g": "g",
    "ala_g": "g",
    "epa_dha_g": "g",
    "added_sugars_g": "g",
    "prebiotic_g": "g",
}
NUTRIENT_LABELS: dict[str, str] = {
    "energy_kcal": "Energy",
    "fiber_g": "Fiber",
    "sugars_g": "Sugars",
    "vit_a_ug": "Vitamin A",
    "vit_c_mg": "Vitamin C",
    "vit_d_ug": "Vitamin D",
    "vit_e_mg": "Vitamin E",
    "zinc_mg": "Zinc",
    "omega3_g": "Omega-3",
    "protein_g": "Protein",
    "alcohol_g": "Alcohol",
    "ala_g": "Omega-3 ALA",
    "epa_dha_g": "Omega-3 EPA+DHA",
    "added_sugars_g": "Added sugars (est.)",
    "prebiotic_g": "Prebiotics (est.)",
}

# Whether a fermented food's cultures are likely alive when eaten (docs/catalog.md).
LIVE_CULTURES: tuple[str, ...] = ("live", "dead", "unknown")
# What each state means, in the words the palette, tooltips and the CLI use.
CULTURE_NOTES: dict[str, str] = {
    "live": "Live cultures: likely alive (not heated after fermenting).",
    "dead": "Live cultures: none left (canned, pasteurised, baked or cooked).",
    "unknown": "Live cultures: unknown (the data does not say whether it was pasteurised).",
}

# Per-food flags the scoring reads; docs/catalog.md gives the rule and source of each.
FLAGS: tuple[str, ...] = (
    "processed_meat",  # IARC group 1 (Bouvard et al. 2015)
    "deep_fried",
    "ultra_processed",  # NOVA group 4
    "artificial_sweetener",
    "sugar_sweetened",  # sweets, sodas, sugared cereals and yogurts
    "plain_fermented_dairy",  # plain unsweetened yogurt and kefir
    "dairy_milk",  # milk and milk drinks of any fat level (Juhl et al. 2018)
    "high_gl",  # glycemic load per serving >= 20 (Smith et al. 2007)
    "not_eaten_alone",  # ingredients: never suggested, never auto-planned
    "raw_pulse",  # raw dried pulses (FDA Bad Bug Book: raw kidney beans)
)

CURATED, SR28, USER = "curated", "sr28", "user"
USER_PREFIX = "my:"
SR28_PREFIX = "sr:"


@dataclass(frozen=True, slots=True)
class Food:
    """One food. Nutrients are per serving; ``None`` means unknown, which is not zero."""

    id: str
    name: str
    categories: frozenset[str]
    serving_label: str
    grams: float
    nutrients: dict[str, float | None] = field(compare=True, hash=False)
    plant: str | None = None
    aisle: str = "pantry"
    tags: frozenset[str] = frozenset()
    limit_kind: str | None = None
    ndb: str | None = None
    origin: str = CURATED
    group: str | None = None
    sources: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    # None when the food is not fermented, else one of LIVE_CULTURES.
    live_cultures: str | None = None
    flags: frozenset[str] = frozenset()  # from FLAGS
    # Plant species ("genus species") for counting plant diversity; None for non-plants.
    species: str | None = None

    @property
    def is_limit(self) -> bool:
        return "limit" in self.categories

    def nutrient(self, key: str, servings: float = 1.0) -> float | None:
        value = self.nutrients.get(key)
        return None if value is None else value * servings

    def primary_category(self) -> str | None:
        for cat in CATEGORIES:
            if cat in self.categories:
                return cat
        return None


def _num(value: object) -> float | None:
    if value is None or value == "":
        return None
    number = float(value)  # type: ignore[arg-type]
    return number if math.isfinite(number) else None


def food_from_catalog_json(item: dict[str, Any]) -> Food:
    return Food(
        id=item["id"],
        name=item["name"],
        categories=frozenset(item["categories"]),
        serving_label=item["serving_label"],
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
    )


def _split(text: str) -> frozenset[str]:
    return frozenset(part for part in text.split(";") if part)


def _resource_bytes(name: str) -> bytes:
    return resources.files("resources").joinpath(name).read_bytes()


def load_curated_foods() -> list[Food]:
    try:
        document = json.loads(_resource_bytes("catalog.json").decode("utf-8"))
        return [food_from_catalog_json(item) for item in document["foods"]]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise CatalogError(f"The built-in food catalog is damaged: {exc}") from exc


def load_sr28_foods() -> list[Food]:
    import csv  # imported here: the SR28 table is read on a worker, after the window shows
    import gzip

    try:
        text = gzip.decompress(_resource_bytes("sr28.csv.gz")).decode("utf-8")
        rows = csv.reader(io.StringIO(text))
        return _sr28_foods(next(rows), rows)
    except (OSError, ValueError, KeyError, TypeError, IndexError, StopIteration) as exc:
        raise CatalogError(f"The built-in SR28 food table is damaged: {exc}") from exc


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
        for text in (cats, tags, flags):
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
            )
        )
    return foods


class Catalog:
    """Every food the app knows, by id: curated first, then SR28, then the user's own.

    ``revision`` grows whenever the set of foods changes, so that cached tables can tell
    they are stale. A catalog loaded with ``defer_sr28`` reads the SR28 table the first
    time one of its foods, or the whole catalog, is asked for (from any thread).
    """

    def __init__(self, foods: Iterable[Food] = ()) -> None:
        self._foods: dict[str, Food] = {}
        self.revision = 0
        self._lock = threading.RLock()
        self._pending_sr28: Callable[[], list[Food]] | None = None
        self._derived: dict[str, tuple[int, object]] = {}
        for food in foods:
            self._foods[food.id] = food

    @classmethod
    def load(
        cls,
        *,
        include_sr28: bool = True,
        user_foods: Iterable[Food] = (),
        defer_sr28: bool = False,
    ) -> Catalog:
        """The shipped foods and ``user_foods``. With ``defer_sr28`` the SR28 table (most of
        the loading time) is read on first need instead, and a damaged one raises
        CatalogError then."""
        catalog = cls(load_curated_foods())
        if include_sr28:
            if defer_sr28:
                catalog._pending_sr28 = load_sr28_foods
            else:
                catalog._foods.update((food.id, food) for food in load_sr28_foods())
        catalog.set_user_foods(user_foods)
        return catalog

    @property
    def sr28_pending(self) -> bool:
        """True until a deferred SR28 table has been read."""
        return self._pending_sr28 is not None

    def _all(self) -> dict[str, Food]:
        """Every food, reading a deferred SR28 table first."""
        if self._pending_sr28 is not None:
            with self._lock:
                load = self._pending_sr28
                if load is not None:
                    sr28 = load()  # a CatalogError leaves it pending
                    own = [f for f in self._foods.values() if f.origin == USER]
                    foods = {fid: f for fid, f in self._foods.items() if f.origin != USER}
                    foods.update((food.id, food) for food in sr28)
                    foods.update((food.id, food) for food in own)
                    self._foods = foods  # replaced whole: readers on other threads are safe
                    self._pending_sr28 = None
                    self.revision += 1
        return self._foods

    def _holding(self, food_id: object) -> dict[str, Food]:
        # Only an SR28 id needs a deferred SR28 table read.
        if self._pending_sr28 is not None and str(food_id).startswith(SR28_PREFIX):
            return self._all()
        return self._foods

    def __len__(self) -> int:
        return len(self._all())

    def __contains__(self, food_id: object) -> bool:
        return food_id in self._holding(food_id)

    def __iter__(self) -> Iterator[Food]:
        return iter(self._all().values())

    def get(self, food_id: str) -> Food | None:
        return self._holding(food_id).get(food_id)

    def __getitem__(self, food_id: str) -> Food:
        return self._holding(food_id)[food_id]

    def name_of(self, food_id: str) -> str:
        food = self.get(food_id)
        return food.name if food else f"Unknown food ({food_id})"

    def by_origin(self, origin: str) -> list[Food]:
        foods = self._all() if origin == SR28 else self._foods
        return [food for food in foods.values() if food.origin == origin]

    def in_category(self, category: str, *, curated_only: bool = True) -> list[Food]:
        foods = self._foods if curated_only else self._all()
        return [
            food
            for food in foods.values()
            if category in food.categories and (food.origin != SR28 or not curated_only)
        ]

    def set_user_foods(self, foods: Iterable[Food]) -> None:
        """Replace the user's own foods in the catalog."""
        own = []
        for food in foods:
            if not food.id.startswith(USER_PREFIX):
                food = replace(food, id=USER_PREFIX + food.id)
            own.append(replace(food, origin=USER))
        with self._lock:
            kept = {fid: f for fid, f in self._foods.items() if f.origin != USER}
            kept.update((food.id, food) for food in own)
            self._foods = kept  # replaced whole, as in _all()
            self.revision += 1

    def search(
        self, text: str = "", *, category: str | None = None, origin: str | None = None
    ) -> list[Food]:
        """Foods whose name holds every word of ``text`` (case-insensitive), best matches
        first (see ``match_rank``)."""
        words = text.casefold().split()
        found: list[Food] = []
        for food in self._all().values():
            if category and category not in food.categories:
                continue
            if origin and food.origin != origin:
                continue
            name = food.name.casefold()
            if all(word in name for word in words):
                found.append(food)
        if words:
            found.sort(key=lambda f: match_rank(spaced_name(f.name.casefold()), words))
        return found

    def find_by_name(self, name: str) -> list[Food]:
        """Foods whose name equals ``name``, ignoring case and surrounding spaces."""
        key = " ".join(name.casefold().split())
        return [f for f in self._all().values() if " ".join(f.name.casefold().split()) == key]

    def _snapshot(self) -> tuple[int, list[Food]]:
        foods = self._all()
        with self._lock:
            if foods is not self._foods:  # changed meanwhile: take the current one
                foods = self._foods
            return self.revision, list(foods.values())

    def derived(self, key: str, build: Callable[[int, list[Food]], object]) -> object:
        """A value built from every food by ``build(revision, foods)``, cached under ``key``
        until the set of foods changes. Scoring keeps its tables here (the core knows
        nothing of them). Safe to call from a worker thread."""
        with self._lock:
            cached = self._derived.get(key)
        if cached is None or cached[0] != self.revision or self._pending_sr28 is not None:
            revision, foods = self._snapshot()
            cached = (revision, build(revision, foods))
            with self._lock:
                self._derived[key] = cached
        return cached[1]


def resource_path(name: str) -> Path:
    """A path to a shipped resource (valid for a wheel installed on disk)."""
    return Path(str(resources.files("resources").joinpath(name)))


_NOT_WORD = re.compile(r"[^\w]+")


def spaced_name(key: str) -> str:
    """A casefolded name with its punctuation turned to spaces and a space at each end, so
    that " word" finds a word's start and " word " a whole word."""
    return f" {_NOT_WORD.sub(' ', key).strip()} "


def match_rank(spaced: str, words: list[str]) -> int:
    """How well a name (``spaced_name``) matches search words: lower is better. Per word:
    the name's first word (0), the start of the name (1), a whole word (2), the start of a
    word (3), inside a word (4): "natto" puts Natto before "annatto", "oat" puts the oat
    foods before goat milk. Sorting on it is stable, so ties keep the catalog's order."""
    rank = 0
    for word in words:
        core = _NOT_WORD.sub(" ", word).strip()
        if not core:
            rank += 4
        elif spaced.startswith(f" {core} "):
            pass
        elif spaced.startswith(f" {core}"):
            rank += 1
        elif f" {core} " in spaced:
            rank += 2
        elif f" {core}" in spaced:
            rank += 3
        else:
            rank += 4
    return rank
