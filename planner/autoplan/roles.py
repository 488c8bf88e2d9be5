"""Which meals a food fits: the auto-planner's roles (breakfast grain, main, side, fruit,
drink, snack...) and the name rules that give a catalog food its role, so that no beer
lands at breakfast and no raw meat anywhere."""

from __future__ import annotations

import re
from dataclasses import dataclass

from planner.core.foods import CURATED, USER, Food
from planner.core.plan import MEALS

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
    # A recipe: its meals come from its meal type and its portions from its yield
    # (planner.autoplan.recipes); the grams here bound nothing.
    "recipe": Role(ALL, True, 0, 350, 2000),
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
