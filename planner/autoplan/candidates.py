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

from planner.core.foods import CURATED, SR28, USER, Catalog, Food
from planner.core.plan import MAX_SERVINGS, MEALS
from planner.scoring.evaluator import SUM_KEYS, Evaluator, S
from planner.scoring.frames import CatalogFrame, tag_mask

BREAKFAST, LUNCH, DINNER, SNACKS = MEALS
ALL = frozenset(MEALS)


@dataclass(frozen=True)
class Role:
    """A kind of dish: the meals it fits, whether it counts as a dish of the meal (a
    seasoning, a topping or a drink does not), and its sane portion in grams."""

    meals: frozenset[str]
    dish: bool
    low_g: float
    typical_g: float
    high_g: float


def _m(*meals: str) -> frozenset[str]:
    return frozenset(meals)


# Portions are the usual household amounts (USDA FNDDS portion sizes are of this order:
# a cup of yogurt ~245 g, 3 oz of cooked meat 85 g, an ounce of nuts 28 g); judgment.
ROLES: dict[str, Role] = {
    "breakfast": Role(_m(BREAKFAST), True, 30, 200, 320),  # porridge, cereal, pancakes
    "cereal": Role(_m(BREAKFAST), True, 25, 45, 70),  # ready-to-eat cereal, dry weight
    "pancake": Role(_m(BREAKFAST), True, 35, 100, 150),  # two or three pancakes or waffles
    "bread": Role(_m(BREAKFAST, LUNCH), True, 25, 64, 110),
    "dairy_ferment": Role(_m(BREAKFAST, SNACKS), True, 120, 200, 300),  # yogurt, kefir
    "egg": Role(_m(BREAKFAST, LUNCH), True, 50, 100, 150),
    "fruit": Role(_m(BREAKFAST, LUNCH, SNACKS), True, 80, 150, 260),
    "dried_fruit": Role(_m(BREAKFAST, SNACKS), True, 20, 40, 60),
    "nuts": Role(_m(BREAKFAST, SNACKS), True, 14, 28, 45),
    "topping": Role(_m(BREAKFAST, SNACKS), False, 5, 12, 30),  # flax, chia, nut butter
    "main": Role(_m(LUNCH, DINNER), True, 80, 120, 200),  # meat, fish, tofu, tempeh
    "legume": Role(_m(LUNCH, DINNER), True, 80, 170, 260),
    "grain": Role(_m(LUNCH, DINNER), True, 100, 180, 300),
    "veg": Role(_m(LUNCH, DINNER), True, 50, 120, 250),
    "raw_veg": Role(_m(LUNCH, DINNER, SNACKS), True, 40, 100, 200),
    "soup": Role(_m(LUNCH, DINNER), True, 240, 300, 500),
    "dish": Role(_m(LUNCH, DINNER), True, 150, 300, 500),  # restaurant dishes, own dishes
    "ferment_side": Role(_m(LUNCH, DINNER), True, 30, 75, 150),  # kimchi, sauerkraut
    "miso": Role(_m(LUNCH, DINNER), False, 15, 18, 36),
    "cheese": Role(_m(LUNCH, SNACKS), True, 20, 40, 60),
    "seasoning": Role(_m(LUNCH, DINNER), False, 1, 3, 10),  # spices, garlic, ginger
    "aromatic": Role(_m(LUNCH, DINNER), False, 30, 80, 120),  # onion cooked into a dish
    "oil": Role(_m(LUNCH, DINNER), False, 5, 13.5, 15),
    "hot_drink": Role(_m(BREAKFAST, LUNCH, SNACKS), False, 150, 240, 480),  # tea, coffee
    "tea_powder": Role(_m(BREAKFAST, SNACKS), False, 1, 2, 4),  # matcha, whisked
    "water": Role(ALL, False, 200, 240, 500),
    "juice": Role(_m(BREAKFAST, SNACKS), False, 120, 180, 250),
    "milk": Role(_m(BREAKFAST, SNACKS), False, 120, 240, 300),
    "snack": Role(_m(SNACKS), True, 8, 28, 60),  # popcorn, rice cakes, crackers
    # Foods to limit, only with a limit-food allowance: never at breakfast.
    "treat": Role(_m(SNACKS, DINNER), True, 20, 60, 150),  # desserts, sweets, chips
    "soda": Role(_m(LUNCH, DINNER, SNACKS), False, 200, 355, 370),
    "alcohol": Role(_m(DINNER), False, 40, 150, 360),
    "fast_food": Role(_m(LUNCH, DINNER), True, 80, 150, 300),
}

# Curated foods by id: the role each is eaten in.
CURATED_ROLES: dict[str, str] = {
    "yogurt": "dairy_ferment", "greek-yogurt": "dairy_ferment", "kefir": "dairy_ferment",
    "miso": "miso", "kimchi": "ferment_side", "sauerkraut": "ferment_side",
    "kombucha": "juice", "tempeh": "main", "garlic": "seasoning", "onion": "aromatic",
    "leek": "veg", "asparagus": "veg", "oats": "breakfast", "banana": "fruit",
    "apple": "fruit", "lentils": "legume", "chickpeas": "legume", "black-beans": "legume",
    "jerusalem-artichoke": "veg", "spinach": "raw_veg", "spinach-cooked": "veg",
    "kale": "veg", "raspberries": "fruit", "blueberries": "fruit", "brown-rice": "grain",
    "whole-wheat-bread": "bread", "quinoa": "grain", "chia-seeds": "topping",
    "flaxseed": "topping", "sweet-potato": "veg", "potato-cooled": "veg", "pear": "fruit",
    "broccoli": "veg", "brussels-sprouts": "veg", "avocado": "raw_veg",
    "pumpkin-seeds": "nuts", "edamame": "veg", "strawberries": "fruit", "salmon": "main",
    "sardines": "main", "mackerel": "main", "turmeric": "seasoning", "ginger": "seasoning",
    "matcha": "tea_powder", "green-tea": "hot_drink", "blackberries": "fruit",
    "olive-oil": "oil", "walnuts": "nuts", "almonds": "nuts", "cucumber": "raw_veg",
    "watermelon": "fruit", "orange": "fruit", "coconut-water": "water", "water": "water",
    "tomato": "raw_veg", "red-pepper": "raw_veg", "eggs": "egg", "chicken-breast": "main",
    "tofu": "main", "cola": "soda", "candy": "treat", "whole-milk": "milk",
    "cheddar": "cheese", "french-fries": "fast_food", "beer": "alcohol", "wine": "alcohol",
    "spirits": "alcohol", "potato-chips": "treat", "diet-soda": "soda",
}  # fmt: skip
# "sugar" and "sweetener-packet" are not eaten alone: no role, never a candidate.

_COOKED = re.compile(
    r"\bcooked|roasted|braised|broiled|grilled|baked|boiled|stewed|simmered|fried|"
    r"canned|smoked|steamed|poached|heat\b|rotisserie|microwaved|prepared|toasted"
)
_NOT_A_DISH = re.compile(
    r"variety meats|by-products|giblets|skin only|\bneck\b|\bback\b|fat only|separable fat|"
    r"\bliver|\bheart|tongue|kidney|brain|pancreas|spleen|\blung|tripe|\bfeet\b|\bears\b|"
    r"\btail\b|thymus|gizzard|mechanically|usda commodity|game meat|\bunprepared|"
    r"\bunheated\b|not reconstituted|concentrate|dehydrated|freeze-dried|imitation|"
    r"\bwith salt\b|\bformula\b|babyfood|infant|\bsalted\b|\bdried, salted|\bfrozen\b(?!, "
    r"unsweetened)|\bdough\b|\bcrust\b|\bstuffing|crouton|bread ?crumbs|\bbatter\b|"
    r"\bsyrup\b|\bsweetened\b|\bcondensed\b|\bmix\b|\bpowder\b|\bshake\b|\bdrink mix|"
    r"\btoddler\b|\bjunior\b|\bseal\b|\bwhale\b|\bwalrus\b|\bjellyfish\b"
)
_RAW_VEG = re.compile(
    r"lettuce|tomato|cucumber|carrot|peppers?, sweet|celery|radish|spinach|arugula|"
    r"watercress|sprouts|endive|snap|snow|jicama|cauliflower|broccoli|cabbage|fennel|"
    r"squash, summer|zucchini|peas, edible-podded|kale|mushrooms, white|onions?, (?:spring|"
    r"young green)|chicory greens"
)
_SNACK_VEG = re.compile(r"carrot|cucumber|celery|tomatoes, (?:cherry|grape)|peppers?, sweet|"
                        r"radish|snap|jicama")  # fmt: skip
_SOUP_OK = re.compile(r"ready-to-serve|ready to serve|prepared with|homemade|chunky|restaurant")
_TEA = re.compile(r"\btea\b")
_COFFEE = re.compile(r"coffee")
_TREAT = re.compile(
    r"cake|cookie|\bpie\b|pastr|brownie|doughnut|danish|sweet roll|ice cream|pudding|candy|"
    r"chocolate|frozen dessert|sherbet|sorbet|fudge|toffee|frosting|cheesecake|croissant|"
    r"\bfloat\b|sundae|popsicle|\bgum\b|\bbar\b|muffin"
)
_BREAD = re.compile(r"^bread|bagel|english muffin|\bpita\b|rolls?,|tortilla|\bnaan\b|chapati")
_PORRIDGE = re.compile(r"oat|porridge|cream of wheat|grits|farina|wheatena|cereal")
_PORRIDGE_DRY = re.compile(
    r"oatmeal|\boats\b|grits|farina|cream of (?:wheat|rice)|wheatena|malt-o-meal|\bhot\b"
)
_EGG = re.compile(r"hard-boiled|scrambled|fried|poached|omelet|cooked")


def _is_juice(name: str) -> bool:
    """A juice to drink, not fruit or vegetables canned in juice ("juice pack")."""
    return bool(re.search(r"\bjuice\b", name)) and not re.search(
        r"juice pack|packed in|\bin (?:[\w-]+ )?juice|solids", name
    )


# Raw fruit that is not safe or not eaten raw: uncooked elderberries carry cyanogenic
# glycosides (CDC MMWR 1984, 33:173), unripe ackee hypoglycin (FDA import alert 21-11).
_NOT_RAW_FRUIT = re.compile(r"elderberr|ackee|\bquinces?\b|cranberries, raw")


def role_of(food: Food, limit: bool) -> str | None:
    """The role a food is eaten in, or None: not a candidate (not eaten as it is, or no
    meal it would fit). ``limit``: the food is one to limit (its role keeps it away from
    breakfast: no beer, no root beer float)."""
    if food.origin == CURATED:
        return CURATED_ROLES.get(food.id)
    name = food.name.casefold()
    group = food.group or ""
    if _NOT_A_DISH.search(name):
        return None
    if group == "Beverages" and re.search(r"instant|espresso", name):
        return None  # an espresso is not a cup; instant drinks are made from powder
    if limit:
        if food.nutrients.get("alcohol_g") and (food.nutrients["alcohol_g"] or 0) > 1:
            return "alcohol"
        if "processed_meat" in food.flags or group in {"Fast Foods", "Sausages and Luncheon Meats"}:
            return "fast_food" if _COOKED.search(name) or group == "Fast Foods" else None
        if group == "Beverages" or "soda" in name or "carbonated" in name:
            return "soda"
        if _TREAT.search(name) or group in {"Sweets", "Snacks", "Baked Products"}:
            return "treat"
        if group == "Meals, Entrees, and Side Dishes" or "deep_fried" in food.flags:
            return "fast_food"
        return None
    if group in {"Beef Products", "Pork Products", "Lamb, Veal, and Game Products",
                 "Poultry Products", "Finfish and Shellfish Products"}:  # fmt: skip
        if "raw" in name or not _COOKED.search(name):
            return None
        return "main"
    if group == "Vegetables and Vegetable Products":
        if _is_juice(name):
            return "juice"
        if _COOKED.search(name) and "raw" not in name:
            return "veg"
        if "raw" in name and _RAW_VEG.search(name):
            return "raw_veg" if _SNACK_VEG.search(name) else "veg_raw_side"
        return None
    if group == "Fruits and Fruit Juices":
        if re.search(r"\blemon|\blime|rhubarb|acerola|\bpeel\b|rind", name):
            return None
        if _NOT_RAW_FRUIT.search(name):
            return None
        if _is_juice(name):
            return "juice"
        if re.search(r"dried|prunes|raisins|\bdates\b", name):
            return "dried_fruit"
        if "raw" in name or "unsweetened" in name or "juice pack" in name:
            return "fruit"
        return None
    if group == "Legumes and Legume Products":
        if re.search(r"soymilk|soy milk", name):
            return "milk"
        if re.search(r"peanut butter|nut butter", name):
            return "topping"
        if re.search(r"peanuts", name) and re.search(r"roasted|boiled", name):
            return "nuts"
        if re.search(r"tofu|tempeh|natto", name):
            return "main"
        if re.search(r"hummus|refried|boiled|cooked|canned|baked beans", name):
            return "legume"
        return None
    if group == "Nut and Seed Products":
        # Ginkgo seeds carry ginkgotoxin (poisoning from a few dozen); chestnuts are eaten
        # roasted or boiled, not raw or dried.
        if "ginkgo" in name or ("chestnut" in name and not re.search(r"roasted|boiled", name)):
            return None
        if re.search(r"\boil\b|\bmilk\b|flour|meal|cream|paste|\bbutter\b|\bjuice\b", name):
            return None
        if re.search(r"flaxseed|chia|sesame seeds|hemp", name):
            return "topping"
        return "nuts"
    if group == "Cereal Grains and Pasta":
        return "breakfast" if _PORRIDGE.search(name) else "grain"
    if group == "Breakfast Cereals":
        if _COOKED.search(name):
            return "breakfast"
        if _PORRIDGE_DRY.search(name):
            return None  # instant oatmeal or grits as sold: made up with water, not eaten dry
        return "cereal"
    if group == "Baked Products":
        if _TREAT.search(name):
            return None  # a dessert that is not flagged to limit: still not a plan's staple
        if re.search(r"pancake|waffle|french toast", name):
            return "pancake"
        if re.search(r"cracker|rice cake|crispbread|matzo", name):
            return "snack"
        return "bread" if _BREAD.search(name) else None
    if group == "Dairy and Egg Products":
        if re.search(r"yogurt|kefir", name):
            return "dairy_ferment"
        if name.startswith("egg") or "eggs" in name:
            return "egg" if _EGG.search(name) and "raw" not in name else None
        if re.search(r"cottage cheese|ricotta", name):
            return "dairy_ferment" if "yogurt" in name else "cheese"
        if name.startswith("cheese") and "spread" not in name and "topping" not in name:
            return "cheese"
        if name.startswith("milk") and not re.search(r"dry|evaporated|canned", name):
            return "milk"
        return None
    if group == "Soups, Sauces, and Gravies":
        return "soup" if name.startswith("soup") and _SOUP_OK.search(name) else None
    if group == "Restaurant Foods":
        return "dish"
    if group == "Beverages":
        if re.search(r"instant|herb|espresso|\bmix\b", name):
            return None  # an espresso is not a cup; instant drinks are made from powder
        if _TEA.search(name) or (_COFFEE.search(name) and "brewed" in name):
            return "hot_drink"
        if re.search(r"^(?:beverages, )?water\b", name) and not re.search(
            r"flavored|tonic|vitamin", name
        ):
            return "water"
        if re.search(r"almond milk|soymilk|oat milk|rice milk", name):
            return "milk"
        if re.search(r"juice|smoothie", name):
            return "juice"
        return None
    if group == "Snacks":
        return "snack" if re.search(r"popcorn|rice cake|corn cake|trail mix", name) else None
    if group == "Spices and Herbs":
        if re.search(r"ground|dried|fresh|\bleaves|seed", name) and not re.search(
            r"salt|extract|vinegar|mustard, prepared|capers", name
        ):
            return "seasoning"
        return None
    if food.origin == USER:
        return "dish"  # an own food: the person eats it; at lunch or dinner unless known
    return None


# Raw salad vegetables that are not eaten as a snack on their own (raw spinach, cabbage).
ROLES["veg_raw_side"] = Role(_m(LUNCH, DINNER), True, 40, 100, 200)
# Cinnamon and the like go on breakfast too.
_BREAKFAST_SPICE = re.compile(r"cinnamon|cardamom|nutmeg")

# Servings multipliers a portion may be made of: halves and quarters of a household
# serving, or several small servings (SR28 lists water by the fluid ounce).
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

    def entries(self, portion: int) -> list[tuple[str, float]]:
        """The (food id, servings) to write for ``portion``."""
        units = self.portions[portion].units
        return [(food_id, round(servings * units, 4)) for food_id, servings in self.items]

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
) -> Candidate | None:
    """A candidate made of catalog foods (one for a food, several for a recipe), with
    the given portion units. None when an item is not in the catalog."""
    table = evaluator.table()
    rows = [table.row_of.get(food_id, -1) for food_id, _s in items]
    if not items or min(rows) < 0:
        return None
    role = ROLES[role_key]
    row_arr = np.array(rows)
    per_unit = np.array([s for _f, s in items], dtype=float)
    portions, sums, skin, species = [], [], [], []
    kcal_col = table.column("energy_kcal")
    grams_col = table.column("grams")
    for u in units:
        servings = per_unit * u
        contrib = evaluator._food_contributions(table, row_arr, servings).sum(axis=0)
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
        if candidate.food_ids & disliked_ids or any(
            f is None
            or not avoid_set.isdisjoint(food_tags(f))
            or (vegetarian and not _vegetarian(f, "dish"))
            for f in foods
        ):
            continue
        found.append(candidate)
    return found


ORIGIN_ORDER = {CURATED: 0, USER: 1, SR28: 2}
