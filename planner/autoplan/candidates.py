"""What the auto-planner may put on a plan: candidates, their meals and their portions.

A candidate is something a person eats as it is (a curated food, an own food, an SR28
food that passes the same "eaten as it is" filter the suggestions use plus stricter rules
below, and later a recipe), with the meals it fits, a small set of sane portions in grams,
and what each portion adds to the day score's sums. A candidate is made of items
(food id, servings per portion unit): a food is one item; a recipe, expanded with
planner.recipes' ``expand``, is several, and joins through :func:`candidate_from_items`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

from planner.autoplan.roles import ROLES, Role, role_of
from planner.core.foods import CURATED, SR28, USER, Catalog, Food
from planner.core.plan import MAX_SERVINGS, MEALS, UNIT_PORTION, Entry
from planner.scoring.evaluator import SUM_KEYS, Evaluator, S
from planner.scoring.frames import CatalogFrame, tag_mask

BREAKFAST, LUNCH, DINNER, SNACKS = MEALS

__all__ = ["ROLES", "Candidate", "Portion", "Role", "build_candidates", "role_of"]
_BREAKFAST_SPICE = re.compile(r"cinnamon|cardamom|nutmeg")

# Servings multipliers a portion may be made of: halves and quarters of a household
# serving, or several small servings (SR28 lists water by the fluid ounce).
# A recipe's ingredient of at least this many grams a portion is a real part of it (see
# Candidate.main_ids); oil, garlic and spices shared by two dishes of a day are not, nor
# the water a soup is made with.
MAIN_PART_G = 40.0
MULTIPLIERS: tuple[float, ...] = (0.25, 0.5, 0.75, 1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10, 12, 16)


@dataclass(frozen=True)
class Portion:
    """One portion of a candidate: how many of its units, its grams and energy."""

    units: float
    grams: float
    kcal: float


@dataclass(frozen=True)
class Candidate:
    """Something the planner may put in a meal, with the portions it may take.

    ``items`` are (food id, servings of that food per unit); a food candidate has one,
    a recipe candidate its expanded ingredients. ``sums[p]`` is what portion ``p`` adds
    to a day's score sums (evaluator.SUM_KEYS, minimum portions and per-food caps applied:
    exact while no food repeats in a day), ``skin[p]`` its skin nutrients, and
    ``species[p]`` the (species code, grams) it holds."""

    id: str
    name: str
    role: str
    meals: frozenset[str]
    dish: bool
    portions: tuple[Portion, ...]
    items: tuple[tuple[str, float], ...]
    sums: np.ndarray
    skin: np.ndarray
    species: tuple[tuple[tuple[int, float], ...], ...]
    limit: bool = False
    origin: str = SR28
    food_ids: frozenset[str] = field(default_factory=frozenset)
    # A recipe's id (the candidate's id is then RECIPE_PREFIX + it), None for a food.
    recipe_id: str | None = None
    # The foods that make a real part of a portion (a food's own id; a recipe's
    # ingredients of MAIN_PART_G or more): a day holds each of them once, so that no day
    # has salmon and the salmon dish, or two chickpea dishes.
    main_ids: frozenset[str] = field(default_factory=frozenset)

    # A recipe goes on the plan as one entry (RECIPE_PREFIX + its id, in portions) when
    # the evaluator's resolver counts such entries; otherwise as its foods, so that the
    # planner never writes what its evaluator cannot score.
    whole: bool = False

    def entries(self, portion: int) -> list[tuple[str, float]]:
        """The (food id, servings) of what ``portion`` holds (a recipe's foods)."""
        units = self.portions[portion].units
        return [(food_id, round(servings * units, 4)) for food_id, servings in self.items]

    def plan_entries(self, portion: int) -> tuple[Entry, ...]:
        """What to write in the meal for ``portion``."""
        if self.recipe_id is not None and self.whole:
            return (Entry(self.id, self.portions[portion].units, UNIT_PORTION),)
        return tuple(Entry(food_id, servings) for food_id, servings in self.entries(portion))

    def live(self, portion: int) -> bool:
        """True when the portion counts as a live-culture food for the day."""
        return bool(self.sums[portion, S["live"]] > 0)


def _portions(role: Role, grams: float, kcal: float, max_kcal: float) -> list[Portion]:
    """At most three portions of a food: the multiplier whose grams are nearest the role's
    typical amount, and its neighbours, all within the role's range and the energy cap."""
    fitting = [
        Portion(m, m * grams, m * kcal)
        for m in MULTIPLIERS
        if m <= MAX_SERVINGS
        and role.low_g <= m * grams <= role.high_g
        and (m * kcal <= max_kcal or m * kcal <= 0)
    ]
    if not fitting:
        return []
    best = min(range(len(fitting)), key=lambda i: abs(fitting[i].grams - role.typical_g))
    return fitting[max(0, best - 1) : best + 2]


def candidate_from_items(
    evaluator: Evaluator,
    cid: str,
    name: str,
    role_key: str,
    items: Sequence[tuple[str, float]],
    units: Sequence[float],
    *,
    origin: str = SR28,
    meals: frozenset[str] | None = None,
    heated: Sequence[bool] = (),
    recipe_id: str | None = None,
    whole: bool = False,
) -> Candidate | None:
    """A candidate made of catalog foods (one for a food, several for a recipe), with
    the given portion units. None when an item is not in the catalog. ``heated[i]``
    marks an item cooked with the dish: a live-culture food so gives no live cultures.
    A food listed twice counts once, as the evaluator counts a day's servings of a food
    (added up before its minimum portions and caps, the live ones apart)."""
    table = evaluator.table()
    merged: dict[str, list[float]] = {}  # food id -> [servings, servings not heated]
    for i, (food_id, amount) in enumerate(items):
        both = merged.setdefault(food_id, [0.0, 0.0])
        both[0] += amount
        if not (i < len(heated) and heated[i]):
            both[1] += amount
    items = [(food_id, both[0]) for food_id, both in merged.items()]
    rows = [table.row_of.get(food_id, -1) for food_id, _s in items]
    if not items or min(rows) < 0:
        return None
    role = ROLES[role_key]
    row_arr = np.array(rows)
    per_unit = np.array([s for _f, s in items], dtype=float)
    live_per_unit = np.array([both[1] for both in merged.values()], dtype=float)
    cooked = bool((live_per_unit < per_unit).any())
    portions, sums, skin, species = [], [], [], []
    kcal_col = table.column("energy_kcal")
    grams_col = table.column("grams")
    for u in units:
        servings = per_unit * u
        # The evaluator's own arithmetic, heated servings giving no live cultures.
        live = live_per_unit * u if cooked else None
        each = evaluator._food_contributions(table, row_arr, servings, live)
        contrib = each.sum(axis=0)
        grams = float(grams_col[row_arr] @ servings)
        kcal = float(kcal_col[row_arr] @ servings)
        portions.append(Portion(u, grams, kcal))
        sums.append(contrib)
        skin.append(table.skin[row_arr].T @ servings)
        held: dict[int, float] = {}
        for row, s in zip(rows, servings.tolist(), strict=True):
            code = int(table.species_code[row])
            plant_g = float(table.plant_g_list[row]) * s
            if code >= 0 and plant_g > 0:
                held[code] = held.get(code, 0.0) + plant_g
        species.append(tuple(sorted(held.items())))
    return Candidate(
        id=cid,
        name=name,
        role=role_key,
        meals=meals if meals is not None else role.meals,
        dish=role.dish,
        portions=tuple(portions),
        items=tuple(items),
        sums=np.array(sums).reshape(len(units), len(SUM_KEYS)),
        skin=np.array(skin).reshape(len(units), table.skin.shape[1]),
        species=tuple(species),
        limit=bool(table.is_limit_food[row_arr].any()),
        origin=origin,
        food_ids=frozenset(f for f, _s in items),
        recipe_id=recipe_id,
        whole=whole,
        main_ids=frozenset(
            f
            for (f, s), row in zip(items, rows, strict=True)
            if len(items) == 1
            or (float(grams_col[row]) * s >= MAIN_PART_G and float(kcal_col[row]) > 0)
        ),
    )


def _vegetarian(food: Food, role: str) -> bool:
    """No meat or fish: an animal food is kept only if it is dairy or an egg."""
    if "fish" in food.tags or _MEAT_WORDS.search(food.name.casefold()):
        return False
    if "animal" not in food.tags:
        return food.group not in _MEAT_GROUPS
    return "dairy" in food.tags or role == "egg" or food.name.casefold().startswith("egg")


# SR28's mixed dishes and soups carry no tag for the meat or fish in them: their names do.
_MEAT_WORDS = re.compile(
    r"chicken|beef|pork|turkey|\bham\b|bacon|sausage|\bmeat(?!less)|lamb|veal|fish|shrimp|"
    r"\bclam|crab|lobster|oyster|shark|tuna|salmon|sardine|anchov|pepperoni|meatball|"
    r"chorizo|duck|goose|venison|bison|gelatin|lard|frankfurter|hot dog|burrito|taco|chili"
)
_MEAT_GROUPS = frozenset(
    {"Beef Products", "Pork Products", "Lamb, Veal, and Game Products", "Poultry Products",
     "Finfish and Shellfish Products", "Sausages and Luncheon Meats"}
)  # fmt: skip


# A second net under the catalog's tags, for SR28's mixed dishes whose tags miss what
# their names say ("Soup, shark fin" has no fish tag): an avoided tag is never planned.
_TAG_WORDS: dict[str, re.Pattern[str]] = {
    "fish": re.compile(
        r"fish|shrimp|\bclam|crab|lobster|oyster|shark|tuna|salmon|sardine|anchov|\bcod\b|"
        r"mackerel|herring|trout|tilapia|halibut|scallop|mussel|squid|octopus|caviar|roe\b"
    ),
    "dairy": re.compile(
        r"cheese|yogurt|kefir|\bcream|butter(?!nut)|whey|casein|\bghee|"
        r"(?<!soy)(?<!almond)(?<!coconut)(?<!oat)(?<!rice) milk|^milk"
    ),
    "gluten": re.compile(
        r"wheat|bread|pasta|spaghetti|macaroni|noodle|barley|\brye\b|couscous|bulgur|seitan|"
        r"cracker|pretzel|bagel|muffin|pancake|waffle|tortilla, flour|pita|croissant|biscuit"
    ),
    "nuts": re.compile(
        r"almond|walnut|pecan|cashew|pistachio|hazelnut|filbert|macadamia|brazil|\bnuts?\b|"
        r"pine nut|praline|marzipan"
    ),
    "soy": re.compile(r"\bsoy|tofu|tempeh|\bmiso|edamame|natto"),
    "alcohol": re.compile(r"beer|wine|\bale\b|liquor|vodka|whiskey|rum\b|gin\b|kombucha"),
}


_MOSTLY_ANIMAL = re.compile(
    r"waffle|pancake|french toast|bisque|chowder|egg noodle|noodles, egg|mayonnaise|"
    r"prepared from recipe|cream of|honey|custard|brioche|challah|croissant"
)


def food_tags(food: Food) -> frozenset[str]:
    """The food's tags, with those its name shows (and "animal" for meat, fish, dairy and
    eggs)."""
    name = food.name.casefold()
    tags = set(food.tags)
    tags |= {tag for tag, words in _TAG_WORDS.items() if words.search(name)}
    if tags & {"fish", "dairy"} or _MEAT_WORDS.search(name) or re.search(r"\beggs?\b", name):
        tags.add("animal")
    if food.group in _MEAT_GROUPS or food.group == "Dairy and Egg Products":
        tags.add("animal")
    if _MOSTLY_ANIMAL.search(name) or food.group == "Restaurant Foods":
        tags.add("animal")  # made with eggs, milk or stock as a rule: not for a vegan
    return frozenset(tags)


def eaten_as_is(table: CatalogFrame) -> np.ndarray:
    """The suggestions' filter, without its "not a food to limit": never an ingredient,
    and a known energy."""
    return ~table.never_suggested & table.energy_known


def build_candidates(
    catalog: Catalog,
    evaluator: Evaluator,
    *,
    avoid_tags: Iterable[str] = (),
    disliked: Iterable[str] = (),
    allow_limit: bool = False,
    max_portion_kcal: float = 700.0,
    include_sr28: bool = True,
    vegetarian: bool = False,
    extra: Iterable[Candidate] = (),
) -> list[Candidate]:
    """Every candidate the planner may choose from: curated foods, own foods and SR28
    foods eaten as they are (and ``extra``, e.g. recipes), each at the meals it fits,
    without avoided tags or disliked foods. Foods to limit only with ``allow_limit``."""
    table = evaluator.table()
    ok = eaten_as_is(table)
    avoid = tag_mask(frozenset(avoid_tags))
    if avoid:
        ok &= (table.tag_mask & avoid) == 0
    if not allow_limit:
        ok &= ~table.is_limit_food
    disliked_ids = frozenset(disliked)
    avoid_set = frozenset(avoid_tags)
    found: list[Candidate] = []
    for row in np.flatnonzero(ok).tolist():
        food_id = table.ids[row]
        if food_id in disliked_ids:
            continue
        food = catalog.get(food_id)
        if food is None or (food.origin == SR28 and not include_sr28):
            continue
        limit = bool(table.is_limit_food[row])
        role_key = role_of(food, limit)
        if role_key is None:
            continue
        if vegetarian and not _vegetarian(food, role_key):
            continue
        if avoid_set and not avoid_set.isdisjoint(food_tags(food)):
            continue
        role = ROLES[role_key]
        if role_key in {"hot_drink", "water", "juice", "milk"} and food.grams < 100:
            # SR28 lists some drinks by the fluid ounce, and the score reads a tea
            # serving under 50 g as leaves (2 g a cup): only cup-sized drink servings.
            continue
        kcal = float(table.column("energy_kcal")[row])
        portions = _portions(role, food.grams, kcal, max_portion_kcal)
        if not portions:
            continue
        meals = role.meals
        if limit:  # a food to limit is never breakfast: the day does not start with one
            meals = meals - {BREAKFAST}
        if role_key == "seasoning" and _BREAKFAST_SPICE.search(food.name.casefold()):
            meals = meals | {BREAKFAST}
        made = candidate_from_items(
            evaluator,
            food_id,
            food.name,
            role_key,
            [(food_id, 1.0)],
            [p.units for p in portions],
            origin=food.origin,
            meals=meals,
        )
        if made is not None:
            found.append(made)
    for candidate in extra:
        foods = [catalog.get(food_id) for food_id in candidate.food_ids]
        if (candidate.limit and not allow_limit) or candidate.id in disliked_ids:
            continue
        if candidate.food_ids & disliked_ids or any(
            f is None
            or not avoid_set.isdisjoint(food_tags(f))
            or (vegetarian and not _vegetarian(f, "dish"))
            for f in foods
        ):
            continue  # a dish holding a disliked or avoided food is left out whole
        found.append(candidate)
    return found


ORIGIN_ORDER = {CURATED: 0, USER: 1, SR28: 2}
