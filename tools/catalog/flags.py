"""The honest score's flags per food: processed meat, ultra-processed (NOVA 4), flavoured
or sweetened, ingredients nobody eats alone, glycaemic load, and live cultures. Sources:
docs/catalog.md.
"""

from __future__ import annotations

import math
import re

from planner.core.foods import FLAGS
from tools.catalog.constants import (
    G_BABY,
    G_BAKED,
    G_BEEF,
    G_BEVERAGES,
    G_BREAKFAST,
    G_DAIRY_EGG,
    G_FAST,
    G_FATS,
    G_FISH,
    G_FRUITS,
    G_GRAINS,
    G_LAMB,
    G_LEGUMES,
    G_MEALS,
    G_NATIVE,
    G_PORK,
    G_POULTRY,
    G_RESTAURANT,
    G_SAUSAGES,
    G_SNACKS,
    G_SOUPS,
    G_SPICES,
    G_SWEETS,
    G_VEGETABLES,
    N_ENERGY,
    rx,
    rx_table,
)
from tools.catalog.estimates import RX_FREE_ALL, RX_JUICE_ONLY
from tools.catalog.glycemic import HIGH_GL, glycemic_load
from tools.catalog.patterns import (
    RX_ARTIFICIAL,
    RX_BAKED_SWEET,
    RX_DEEP_FRIED,
    RX_FLAVORED,
    RX_NOT_DEEP_FRIED,
    RX_NOT_MEAT,
    RX_RTE_CEREAL,
    RX_SWEET_ANYWHERE,
    RX_SWEETENED,
    RX_SWEETS_EXEMPT,
    RX_ULTRA_SNACK,
)

RX_PROCESSED_MEAT = rx(
    r"\b(bacon|ham|hams|sausages?|salami|pepperoni|bologna|frankfurters?|hot ?dogs?|franks"
    r"|wieners?|corned beef|pastrami|jerky|luncheon|bratwurst|kielbasa|knockwurst|chorizo"
    r"|prosciutto|cured|smoked link|salt pork|spam|dried beef|liverwurst|braunschweiger"
    r"|liver cheese|headcheese|mortadella|summer sausage|polish|vienna sausage|scrapple"
    r"|pate|canned meat|meat spread|potted meat|deviled ham|chipped|corn dogs?|pepperoni)\b"
)

RX_NOT_PROCESSED_MEAT = rx(
    r"hamburger|graham|meatless|vegetarian|veggie|\bsoy\b|turkey ham"
    r"|morningstar|loma linda|worthington|bacon flavou?r"  # meat analogues, flavourings
)

# Mixed dishes too: baked beans with franks, a bean soup with ham.
PROCESSED_MEAT_GROUPS = frozenset(
    {G_POULTRY, G_PORK, G_BEEF, G_LAMB, G_FAST, G_MEALS, G_RESTAURANT, G_SAUSAGES, G_BREAKFAST}
    | {G_LEGUMES, G_SOUPS}
)

# NOVA group 4 (Monteiro et al. 2019): industrial formulations. Names are the evidence.
RX_UPF_NAME = rx(
    r"carbonated|\bsoda\b|\bcola\b|energy drink|sports drink|fruit punch|punch drink"
    r"|fruit[- ]flavored drink|drink mix|\bcandies\b|\bcandy\b|frosting|\bmargarine"
    r"|imitation|substitute|non-?dairy|creamer|dessert topping|whipped topping|cheese food"
    r"|cheese spread|pasteurized process|\bramen\b|noodles, .*instant|instant noodle"
    r"|nuggets|\bpatties, breaded"
    r"|toaster pastr|snack cakes?|cream-filled|sandwich cookies|pop-tarts|breakfast bars?"
    r"|granola bars?|cereal bars?|protein bars?|meal replacement|protein powder"
    r"|formulated bar|gelatin desserts?|pudding, .*(ready-to-eat|instant)|ice creams?"
    r"|frozen novelt|\bsherbet\b|frozen yogurt|yogurt, frozen"
)

RX_UPF_MEAT = rx(r"frankfurter|hot ?dog|bologna|luncheon|salami|pepperoni")

RX_RTE_CEREAL_PLAIN = rx(r"shredded wheat|puffed (rice|wheat)|\boat bran\b|wheat germ")

RX_DAIRY_MILK = rx(r"^(milk|buttermilk|eggnog|milk shakes?)\b|^beverages?, milkshake")

RX_NOT_DAIRY_MILK = rx(
    r"human|imitation|substitute|\bsoy|rice milk|almond|coconut|\bdry\b|powder|\bmalted\b"
    r"|milk chocolate|milkfish"
)

RX_PLAIN_YOGURT_KEFIR = rx(r"^(yogh?urt|kefir)\b.*\bplain\b")

# Ingredients nobody eats alone, by the cup.
RX_RAW_PULSE_HEAD = rx(
    r"^(beans|lentils|chickpeas|peas, split|cowpeas|lupins|lima beans|mung beans|mungo beans"
    r"|broadbeans|pigeon peas|soybeans|hyacinth beans|winged beans|yardlong beans|mothbeans"
    r"|adzuki|yambean)\b"
)

RX_RAW_STATE = rx(r"\braw\b|\bdry\b(?! roasted)|\buncooked\b|\bunprepared\b")

RX_NOT_RAW_PULSE = rx(r"sprouted|\bgreen\b|immature|snap|edamame|\bpods?\b")

RX_INGREDIENT = rx(
    r"\bflours?\b|\bmeal\b(?!s)|\bstarch\b|leavening|baking powder|baking soda|\byeast\b"
    r"|bouillon|\bcubes?\b|gelatin, (dry|unsweetened)|gelatins?, dry powder|\bdry mix"
    r"|\bmix, dry\b|\bdry\b.*\bmix\b|cocoa, dry powder|\bpowder\b|baking chocolate"
    r"|chocolate, baking|vital wheat gluten|\bpectin\b|\bgums?\b|\bprotein isolate"
    r"|protein concentrate|shortening|\blard\b|\btallow\b|\bsuet\b|\bfat, \b|\bsalt\b"
    r"|\bvinegar\b|extract|\bflavoring\b|\brennin\b|\bcream of tartar\b|\bbran\b|\bgerm\b"
)

RX_DRY_FORM = rx(
    r"\bdry\b(?! roasted)|\bpowder\b|(?<!snack |trail |party )\bmix\b"
    r"|(?<!from )concentrat|dehydrated|\bcubed\b|\bcubes?\b|\bcondensed\b"
    r"|\bgranules\b|^cracker meal|^bread crumbs"
)

RX_DRY_PRODUCE = rx(r"(?<!from )concentrat|dehydrated|\bpowder\b|dry form|\bdry\b(?! roasted)")

RX_RAW_GRAIN = rx(
    r"^(rice|wild rice|barley|buckwheat|millet|quinoa|amaranth grain|sorghum grain|teff"
    r"|triticale|spelt|wheat|rye grain|oats|corn grain|bulgur|couscous|kamut|semolina"
    r"|macaroni|pasta|spaghetti|noodles)\b.*\b(raw|dry|uncooked|unenriched, dry)\b"
)

RX_HOT_CEREAL_DRY = rx(r"^cereals, .*\b(dry|unprepared)\b")

RX_NOT_INGREDIENT = rx(r"prepared with|cooked|\bboiled\b|ready-to-eat|reconstituted")

# Meat, poultry, fish, shellfish and eggs as bought, raw: cooked before eating (USDA FSIS,
# safe minimum internal temperatures; FDA, raw shellfish and Vibrio). SR28 lists the
# cooked forms apart, and those are what a suggestion names.
ANIMAL_GROUPS = frozenset({G_POULTRY, G_PORK, G_BEEF, G_FISH, G_LAMB, G_SAUSAGES})
RX_RAW = rx(r"\braw\b")
RX_NOT_RAW_ANIMAL = rx(r"\bcured\b|\bsmoked\b|\bdried\b|\bkippered\b|\bpickled\b")
RX_EGG = rx(r"^egg(?:s|,| substitute)")
# Fat, skin and oil on their own: cooking fats, not a portion (the lean and fat cuts,
# "separable lean and fat", are meat as eaten).
RX_ANIMAL_FAT = rx(
    r"separable fat|\bskin only\b|^(?:chicken|turkey|duck|goose), skin\b|, skin$"
    r"|\bskin (?:from|\(drumsticks)|\bsuet\b|\btallow\b|blubber|subcutaneous fat"
    r"|\bfatback\b|\bbackfat\b|^oil, |\bvariety meats and by-products, .*\bfat\b"
)

# Live cultures (docs/catalog.md says why for each).
LIVE_RULES: tuple[tuple[re.Pattern[str], str], ...] = rx_table(
    (
        (r"^(yogh?urt|kefir)\b", "live"),
        (r"^natto\b", "live"),
        (r"^tempeh\b", "dead"),
        (r"^sauerkraut, canned|canned.*sauerkraut", "dead"),
        (r"^soup, miso|miso soup", "dead"),
        (r"^miso\b", "unknown"),
        (r"^cabbage, kimchi|kimchi", "unknown"),
        (r"sourdough", "dead"),
        (r"^alcoholic beverage, (beer|wine)|^beverages?, (beer|wine)", "dead"),
        (r"^pickles, cucumber, (dill|sour)", "unknown"),
        (r"^soy sauce", "dead"),
        (r"kombucha", "unknown"),
    )
)

RX_NOT_LIVE = rx(r"frozen|covered|coated|coating|dressing|babyfood|\bbar\b|cereal|candies|parfait")


def live_cultures_for(name: str, group: str) -> str:
    """ "live", "dead" or "unknown" for a fermented food; "" for any other."""
    low = name.lower()
    if group == G_BABY or RX_NOT_LIVE.search(low):
        return ""
    for pattern, state in LIVE_RULES:
        if pattern.search(low):
            return state
    return ""


def flags_for(
    name: str,
    group: str,
    limit: str,
    nutr: dict[str, float],
    added: float,
    live: str,
) -> list[str]:
    """Flags in FLAGS order (docs/catalog.md gives each rule and its source)."""
    low = name.lower()
    found: set[str] = set()
    if (
        group in PROCESSED_MEAT_GROUPS
        and (group == G_SAUSAGES or RX_PROCESSED_MEAT.search(low))
        and not RX_NOT_PROCESSED_MEAT.search(low)
        and not re.search(r"\bmeatless|vegetarian", low)
    ):
        found.add("processed_meat")
    if group != G_DAIRY_EGG and RX_DEEP_FRIED.search(low) and not RX_NOT_DEEP_FRIED.search(low):
        found.add("deep_fried")
    # The limit rule also files "diet" baked goods here; the flag wants a sweetener named,
    # or a diet drink or sweet.
    artificial = RX_ARTIFICIAL.search(low) is not None or (
        limit == "artificial_sweetener" and group in (G_BEVERAGES, G_SWEETS)
    )
    if artificial:
        found.add("artificial_sweetener")
    rte_sweet = RX_RTE_CEREAL.search(low) and not RX_RTE_CEREAL_PLAIN.search(low)
    upf = (
        limit == "ultra_processed"
        or RX_UPF_NAME.search(low)
        or (RX_UPF_MEAT.search(low) and not RX_NOT_MEAT.search(low))
        or (group == G_SAUSAGES and not re.search(r"^(bacon|ham)\b", low))
        or (group == G_SNACKS and RX_ULTRA_SNACK.search(low))
        or group in (G_FAST, G_MEALS)
        or rte_sweet
        or artificial
        or (group == G_SWEETS and not re.search(r"^(sugars?|honey|syrups?|molasses)\b", low))
        or (group == G_BAKED and RX_BAKED_SWEET.search(low))
        or (
            group == G_DAIRY_EGG
            and re.match(r"^(yogh?urt|kefir)\b", low)
            and RX_FLAVORED.search(low)
        )
    )
    if upf and not (group == G_FAST and re.search(r"salad, vegetable.*without dressing", low)):
        found.add("ultra_processed")
    energy = nutr.get(N_ENERGY, math.nan)
    sugar_share = added * 4.0 / energy if energy and energy > 0 and not math.isnan(added) else 0.0
    sweet_name = (
        limit == "refined_sugar"
        or (group == G_SWEETS and not RX_SWEETS_EXEMPT.search(low) and not artificial)
        or (RX_SWEET_ANYWHERE.search(low) and not RX_SWEETS_EXEMPT.search(low))
        or (
            group == G_BEVERAGES
            and RX_FREE_ALL.search(low)
            and not artificial
            and not RX_JUICE_ONLY.search(low)
            and "unsweetened" not in low
        )
        or (group == G_BAKED and RX_BAKED_SWEET.search(low))
        # Fruit packed in syrup, its sugars known or not: the syrup is added sugar.
        or (group == G_FRUITS and re.search(r"\bsyrup\b", low) is not None)
    )
    # Juices carry free sugars (counted in added_sugars_g) but are not sugar-sweetened.
    juice = RX_JUICE_ONLY.search(low) is not None and not RX_SWEETENED.search(low)
    # A drink sold as unsweetened (coconut water, rice milk) is sweet by its own sugars,
    # which added_sugars_g still counts as free sugars; it is not sugar-sweetened.
    unsweetened = "unsweetened" in low and not RX_SWEETENED.search(low)
    by_share = (
        sugar_share >= 0.2 and added >= 2.5 and not juice and not unsweetened and group != G_BABY
    )
    if not artificial and (sweet_name or by_share):
        found.add("sugar_sweetened")
    plain_cultured = (
        RX_PLAIN_YOGURT_KEFIR.search(low)
        and live == "live"
        and added == 0.0
        and not RX_FLAVORED.search(low)
    )
    if plain_cultured:
        found.add("plain_fermented_dairy")
    if group == G_DAIRY_EGG and RX_DAIRY_MILK.search(low) and not RX_NOT_DAIRY_MILK.search(low):
        found.add("dairy_milk")
    if (
        group == G_BEVERAGES
        and (
            (re.search(r"\bmilk\b", low) and re.search(r"chocolate|shake|malted", low))
            or re.search(r"\bshakes?, fast food", low)
        )
    ) and not re.search(r"soy|almond|rice|coconut|\bdry\b|powder|mix\b", low):
        found.add("dairy_milk")
    gl = glycemic_load(name, group, nutr)
    if not math.isnan(gl) and gl >= HIGH_GL:
        found.add("high_gl")
    raw_pulse = (
        group == G_LEGUMES
        and (RX_RAW_PULSE_HEAD.search(low) or "mature seeds" in low)
        and RX_RAW_STATE.search(low)
        and ("mature seeds" in low or not RX_NOT_RAW_PULSE.search(low))
        and not re.search(r"sprouted|roasted|^peanut", low)
    )
    if raw_pulse:
        found.update(("raw_pulse", "not_eaten_alone"))
    head = ", ".join(low.split(", ")[:2])  # "Soup, bouillon cubes", "Wheat flour, white"
    ingredient = (
        (
            group not in (G_SWEETS, G_SNACKS, G_BAKED, G_FAST, G_MEALS, G_RESTAURANT, G_BABY)
            and RX_INGREDIENT.search(head)
            and not RX_NOT_INGREDIENT.search(low)
        )
        or (group == G_GRAINS and RX_RAW_GRAIN.search(low))
        or (group == G_BREAKFAST and RX_HOT_CEREAL_DRY.search(low))
        or group == G_SPICES
        or (group == G_FATS and re.search(r"^(oil|fat|lard|shortening|margarine|butter)", low))
        or re.search(r"^sugars, (granulated|brown|powdered|maple)", low)
        or re.search(r"^(leavening|gelatins?|cocoa, dry|baking|cornmeal|tapioca, pearl)", low)
    )
    # Dry mixes, powders, concentrates and bouillon wait to be made into something.
    dry_form = (
        group in (G_SOUPS, G_SWEETS, G_BAKED, G_BEVERAGES, G_BREAKFAST) and RX_DRY_FORM.search(low)
    ) or (group in (G_FRUITS, G_VEGETABLES, G_DAIRY_EGG) and RX_DRY_PRODUCE.search(low))
    made = re.search(r"prepared|diluted|stewed|^alcoholic", low)
    if dry_form and not RX_NOT_INGREDIENT.search(low) and not made:
        found.add("not_eaten_alone")
    if ingredient and not re.search(r"^(milk|yogurt|kefir|beverages)", low):
        found.add("not_eaten_alone")
    # Raw meat, fish and eggs; animal fat and skin on their own; dried eggs; baby foods
    # (the planner plans for adults).
    egg = group == G_DAIRY_EGG and RX_EGG.search(low) is not None
    raw_animal = (group in ANIMAL_GROUPS or egg) and RX_RAW.search(low) is not None
    animal_fat = group in (*ANIMAL_GROUPS, G_NATIVE) and RX_ANIMAL_FAT.search(low) is not None
    butter = group == G_DAIRY_EGG and re.search(r"^butter(?:, | oil)|^ghee\b", low) is not None
    dried_egg = egg and re.search(r"\bdried\b|powder", low) is not None
    if (
        (raw_animal and not RX_NOT_RAW_ANIMAL.search(low))
        or animal_fat
        or butter  # a pure fat, as the Fats and Oils group's are
        or dried_egg
        or group == G_BABY
    ):
        found.add("not_eaten_alone")
    # Fats eaten as fat: oils, spreads, dressings, butter, animal fat on its own.
    if group == G_FATS or butter or animal_fat:
        found.add("added_fat")
    return [f for f in FLAGS if f in found]
