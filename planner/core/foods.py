"""The catalog: every food by id (the curated foods, all of USDA SR28 and the user's own),
read from the shipped resources, with the name search the palette uses.

Food and its constants live in planner.core.food; they are re-exported here, so
``from planner.core.foods import Food, CATEGORIES, Catalog`` keeps working."""

from __future__ import annotations

import contextlib
import re
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace

from planner.core.catalogfiles import (
    Sr28Table,
    food_from_catalog_json,
    load_curated_foods,
    load_sr28_foods,
    read_sr28_table,
    resource_path,
)
from planner.core.food import (
    AISLE_LABELS,
    AISLES,
    CATEGORIES,
    CATEGORY_LABELS,
    CATEGORY_ROLES,
    CULTURE_NOTES,
    CURATED,
    FLAGS,
    KIND_FLAGS,
    LIMIT_KINDS,
    LIVE_CULTURES,
    NUTRIENT_LABELS,
    NUTRIENTS,
    SR28,
    SR28_PREFIX,
    TAG_WORDS,
    TAGS,
    USER,
    USER_PREFIX,
    Food,
)
from planner.errors import CatalogError
from planner.i18n import _

__all__ = [
    "AISLES",
    "AISLE_LABELS",
    "CATEGORIES",
    "CATEGORY_LABELS",
    "CATEGORY_ROLES",
    "CULTURE_NOTES",
    "CURATED",
    "FLAGS",
    "KIND_FLAGS",
    "LIMIT_KINDS",
    "LIVE_CULTURES",
    "NUTRIENTS",
    "NUTRIENT_LABELS",
    "SR28",
    "SR28_PREFIX",
    "TAGS",
    "TAG_WORDS",
    "USER",
    "USER_PREFIX",
    "Catalog",
    "Food",
    "food_from_catalog_json",
    "load_curated_foods",
    "load_sr28_foods",
    "match_rank",
    "ranker",
    "resource_path",
    "spaced_name",
]


class Catalog:
    """Every food the app knows, by id: curated first, then SR28, then the user's own.

    ``revision`` grows whenever the set of foods changes, so that cached tables can tell
    they are stale. A catalog loaded with ``defer_sr28`` makes the SR28 foods the first
    time one of them, or the whole catalog, is asked for (from any thread); a table built
    with ``derived`` reads the SR28 table without them.
    """

    def __init__(self, foods: Iterable[Food] = ()) -> None:
        self._foods: dict[str, Food] = {}
        self.revision = 0
        self._lock = threading.RLock()
        # A deferred SR28 table: read on first need, its foods made on first need.
        self._pending_sr28: Callable[[], Sr28Table] | None = None
        self._sr28_table: Sr28Table | None = None
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
                catalog._pending_sr28 = read_sr28_table
            else:
                catalog._foods.update((food.id, food) for food in load_sr28_foods())
        catalog.set_user_foods(user_foods)
        return catalog

    @property
    def sr28_pending(self) -> bool:
        """True until a deferred SR28 table has been read."""
        return self._pending_sr28 is not None

    def _all(self) -> dict[str, Food]:
        """Every food, making a deferred SR28 table's foods first."""
        if self._pending_sr28 is not None:
            with self._lock:
                table = None if self._pending_sr28 is None else self._sr28_source()
            # Made outside the lock, so that a derived table (a re-score) does not wait for
            # it; two threads at once would both make them, and one set is kept.
            sr28 = [] if table is None else table.foods()  # a CatalogError leaves it pending
            with self._lock:
                if self._pending_sr28 is not None:
                    own = [f for f in self._foods.values() if f.origin == USER]
                    foods = {fid: f for fid, f in self._foods.items() if f.origin != USER}
                    foods.update((food.id, food) for food in sr28)
                    foods.update((food.id, food) for food in own)
                    self._foods = foods  # replaced whole: readers on other threads are safe
                    self._pending_sr28 = self._sr28_table = None
                    # No new revision: the foods are those a derived table read from the
                    # SR28 table, which stays current.
        return self._foods

    def read_deferred(self) -> None:
        """Read a deferred SR28 table now (its bytes, not its foods), for a thread that
        has other work meanwhile: whatever needs the table later finds it read. A damaged
        table is told there, not here."""
        with self._lock:
            if self._pending_sr28 is not None:
                with contextlib.suppress(CatalogError):
                    self._sr28_source()

    def _sr28_source(self) -> Sr28Table:
        """The deferred SR28 table, read once (under the lock)."""
        assert self._pending_sr28 is not None
        if self._sr28_table is None:
            self._sr28_table = self._pending_sr28()
        return self._sr28_table

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
        return food.name if food else _("Unknown food ({id})").format(id=food_id)

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
            rank = ranker(words)
            found.sort(key=lambda f: rank(spaced_name(f.name.casefold())))
        return found

    def find_by_name(self, name: str) -> list[Food]:
        """Foods whose name equals ``name``, ignoring case and surrounding spaces."""
        key = " ".join(name.casefold().split())
        return [f for f in self._all().values() if " ".join(f.name.casefold().split()) == key]

    def derived(
        self, key: str, build: Callable[[int, list[Food], Sr28Table | None], object]
    ) -> object:
        """A value built from every food by ``build(revision, foods, sr28)``, cached under
        ``key`` until the set of foods changes. Scoring keeps its tables here (the core
        knows nothing of them). Safe to call from a worker thread.

        ``sr28`` is None and ``foods`` every food, in catalog order; or, while a deferred
        SR28 table's foods are not yet made, ``sr28`` is that table (read now, if it was
        not) and ``foods`` the others: curated, then the user's own, which come after
        the SR28 foods in the catalog's order."""
        with self._lock:
            cached = self._derived.get(key)
            if cached is not None and cached[0] == self.revision:
                return cached[1]
            revision = self.revision
            sr28 = None if self._pending_sr28 is None else self._sr28_source()
            foods = list(self._foods.values())
        value = build(revision, foods, sr28)
        with self._lock:
            self._derived[key] = (revision, value)
        return value


_NOT_WORD = re.compile(r"[^\w]+")


def spaced_name(key: str) -> str:
    """A casefolded name with its punctuation turned to spaces and a space at each end, so
    that " word" finds a word's start and " word " a whole word."""
    return f" {_NOT_WORD.sub(' ', key).strip()} "


def ranker(words: list[str]) -> Callable[[str], int]:
    """``match_rank`` for one query: the words' cores worked out once, then a plain
    function of a name, for sorting thousands of matches on each keystroke."""
    probes = [(f" {core} ", f" {core}") if core else None for core in _cores(words)]

    def rank(spaced: str) -> int:
        total = 0
        for probe in probes:
            if probe is None:
                total += 4
                continue
            whole, start = probe
            if spaced.startswith(whole):
                continue
            if spaced.startswith(start):
                total += 1
            elif whole in spaced:
                total += 2
            elif start in spaced:
                total += 3
            else:
                total += 4
        return total

    return rank


def rank_names(words: list[str], spaced: Sequence[str]) -> list[int]:
    """``ranker(words)`` of each of the ``spaced`` names, as one list. A one-word query
    (most keystrokes) is ranked in one comprehension without a call per name: the palette
    ranks up to 8,789 names a keystroke."""
    probes = [(f" {core} ", f" {core}") if core else None for core in _cores(words)]
    if len(probes) != 1 or probes[0] is None:
        rank = ranker(words)
        return [rank(name) for name in spaced]
    whole, start = probes[0]
    return [
        0
        if name.startswith(whole)
        else 1
        if name.startswith(start)
        else 2
        if whole in name
        else 3
        if start in name
        else 4
        for name in spaced
    ]


def _cores(words: list[str]) -> list[str]:
    return [_NOT_WORD.sub(" ", word).strip() for word in words]


def match_rank(spaced: str, words: list[str]) -> int:
    """How well a name (``spaced_name``) matches search words: lower is better. Per word:
    the name's first word (0), the start of the name (1), a whole word (2), the start of a
    word (3), inside a word (4): "natto" puts Natto before "annatto", "oat" puts the oat
    foods before goat milk. Sorting on it is stable, so ties keep the catalog's order."""
    return ranker(words)(spaced)
