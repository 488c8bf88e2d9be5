"""Matching an ingredient's food text to the catalog, and its amount to grams.

Matching uses rapidfuzz: ``token_set_ratio`` over every food's name picks a shortlist fast
(in C), then each of the shortlist is scored as the mean of ``token_set_ratio`` (all the
line's words are in the name) and ``token_sort_ratio`` (and the name has few other words),
so that "salt" does not match "Lentils, ..., without salt" as well as "Salt, table".
Small bonuses then prefer a curated food (the app's own, described at length) and the
user's own foods over SR28's, a cooked form unless the line says raw or dry, and a food
whose name starts with a word of the line (SR28 names lead with the main food). The
result is a confidence from 0 to 100: at CONFIDENT or above the match is taken; from
SUGGEST it is a suggestion the user must review; below, the line stays a note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from planner.core.foods import CURATED, USER, Catalog, Food
from planner.recipes.measures import Measure, measures_of

CONFIDENT = 88.0
SUGGEST = 60.0
SHORTLIST = 25
COMMON_WORD = 500
CURATED_BONUS, OWN_BONUS, COOKED_BONUS, HEAD_BONUS = 8.0, 6.0, 4.0, 4.0
_COOKED = {"cooked", "boiled", "baked", "roasted", "steamed", "braised", "grilled"}
_RAW = {"raw", "dry", "dried", "uncooked", "fresh"}
# Words of a line that say how it is cut or prepared, not what it is.
_NOISE = {
    "chopped", "minced", "diced", "sliced", "grated", "peeled", "finely", "roughly",
    "large", "small", "medium", "fresh", "organic", "to", "taste", "optional", "of", "a", "an",
    "and", "or", "for", "serving", "about", "plus", "more", "extra", "virgin", "handful",
    "ground", "whole", "cold", "warm", "hot", "heaped", "level",
}  # fmt: skip
_WORD = re.compile(r"[a-z0-9]+")

GRAMS_PER = {"g": 1.0, "kg": 1000.0, "oz": 28.349523125, "lb": 453.59237}
# Volumes as cups (US customary: 1 cup = 16 tbsp = 48 tsp = 8 fl oz = 236.588 ml).
CUPS_PER = {
    "cup": 1.0,
    "tbsp": 1 / 16,
    "tsp": 1 / 48,
    "pinch": 1 / 768,  # a sixteenth of a teaspoon
    "fl oz": 1 / 8,
    "ml": 1 / 236.5882365,
    "l": 1000 / 236.5882365,
}
_VOLUME_WORDS = {
    "cup": "cup", "cups": "cup", "tbsp": "tbsp", "tablespoon": "tbsp", "tablespoons": "tbsp",
    "tsp": "tsp", "teaspoon": "tsp", "teaspoons": "tsp", "fl": "fl oz",
}  # fmt: skip
_COUNT_SIZES = ("medium", "large", "small", "whole", "fruit", "each", "item")


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("oes", "ches", "shes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def normalize(text: str, *, drop_noise: bool = False) -> str:
    words = [_singular(w) for w in _WORD.findall(text.casefold())]
    if drop_noise:
        kept = [w for w in words if w not in _NOISE]
        words = kept or words
    return " ".join(words)


@dataclass(frozen=True, slots=True)
class Candidate:
    food_id: str
    name: str
    confidence: float


class Matcher:
    """Matches food text to a catalog's foods; build one per import (it indexes names)."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        foods = list(catalog)
        self._foods: list[Food] = foods
        self._names = [normalize(food.name) for food in foods]
        # word -> the foods whose name holds it: the shortlist is drawn from the foods
        # sharing a word with the line (a few hundred of 8,800), which is what makes a
        # 500-recipe import take seconds rather than minutes
        self._by_word: dict[str, list[int]] = {}
        for index, name in enumerate(self._names):
            for word in set(name.split()):
                self._by_word.setdefault(word, []).append(index)
        self._cache: dict[str, list[Candidate]] = {}

    def candidates(self, text: str, limit: int = 5) -> list[Candidate]:
        """The best matches for ``text``, most confident first."""
        query = normalize(text, drop_noise=True)
        if not query:
            return []
        cached = self._cache.get(query)
        if cached is None:
            cached = self._rank(query)
            self._cache[query] = cached
        return cached[:limit]

    def _rank(self, query: str) -> list[Candidate]:
        words = set(query.split())
        # words in a thousand names ("cooked", "raw") narrow nothing: left out when the
        # line has a rarer word
        rare = [w for w in words if 0 < len(self._by_word.get(w, ())) <= COMMON_WORD]
        sharing = sorted({i for word in rare or words for i in self._by_word.get(word, ())})
        # no word in common (a typo): every name is compared
        pool = sharing or range(len(self._names))
        choices = {index: self._names[index] for index in pool}
        shortlist = process.extract(
            query, choices, scorer=fuzz.token_set_ratio, limit=SHORTLIST, score_cutoff=40
        )
        ranked = []
        for _name, set_score, index in shortlist:
            food = self._foods[index]
            name = self._names[index]
            score = (set_score + fuzz.token_sort_ratio(query, name)) / 2
            if food.origin == CURATED:
                score += CURATED_BONUS
            elif food.origin == USER:
                score += OWN_BONUS
            name_words = set(name.split())
            if name_words & _COOKED and not words & _RAW:
                score += COOKED_BONUS
            if name.split()[:1] and name.split()[0] in words:
                score += HEAD_BONUS
            ranked.append(Candidate(food.id, food.name, min(score, 100.0)))
        ranked.sort(key=lambda c: -c.confidence)
        return ranked


@dataclass(frozen=True, slots=True)
class Amount:
    """An amount in grams, the household measure it was given in, and whether the grams
    are an estimate (a volume with no measure for the food: 1 g per ml)."""

    grams: float
    measure: str | None
    count: float | None
    estimated: bool = False


def _volume_unit(measure: Measure) -> str | None:
    first = measure.unit.replace(",", " ").split()[:1]
    return _VOLUME_WORDS.get(first[0].casefold()) if first else None


def _count_unit(measure: Measure) -> str:
    first = measure.unit.replace(",", " ").replace("(", " ").split()[:1]
    return _singular(first[0].casefold()) if first else ""


def to_grams(food: Food, amount: float | None, unit: str | None) -> Amount | None:
    """``amount`` of ``unit`` of ``food`` in grams, or None when it cannot be told (no
    amount, or a unit the food has no measure for)."""
    if amount is None or amount <= 0:
        return None
    if unit in GRAMS_PER:
        return Amount(amount * GRAMS_PER[unit], unit, amount)
    measures = measures_of(food)
    if unit in CUPS_PER:
        cups = amount * CUPS_PER[unit]
        exact = [m for m in measures if _volume_unit(m) == unit]
        if exact:
            return Amount(amount * exact[0].grams_each, unit, amount)
        for measure in measures:
            kind = _volume_unit(measure)
            if kind is not None:
                per_cup = measure.grams_each / CUPS_PER[kind]
                return Amount(cups * per_cup, unit, amount)
        return Amount(cups * 236.5882365, unit, amount, estimated=True)  # as water
    wanted = unit if unit is not None else None
    if wanted is not None:
        for measure in measures:
            if _count_unit(measure) == wanted:
                return Amount(amount * measure.grams_each, wanted, amount)
        return None
    # a bare count ("2 tomatoes"): one medium, large, small or whole food, or a measure
    # named after the food itself ("1 leek")
    for size in _COUNT_SIZES:
        for measure in measures:
            if _count_unit(measure) == size:
                return Amount(amount * measure.grams_each, measure.unit, amount)
    own_words = set(normalize(food.name).split())
    for measure in measures:
        if _count_unit(measure) in own_words:
            return Amount(amount * measure.grams_each, measure.unit, amount)
    return None
