"""Patterns on SR28 food names: fermented, sweet, ultra-processed, deep-fried, allergens
(dairy, gluten, fish, soy, nuts), meat, native foods and brand words. The rules in
tools.catalog.keys, .rules and .flags read them.
"""

from __future__ import annotations

import re

from tools.catalog.constants import rx

RX_FERMENTED = rx(r"\b(yogh?urts?|kefir|miso|sauerkraut|kimchi|tempeh|natto|kombucha)\b")

# Yogurt desserts and coatings are not cultured foods.
RX_NOT_FERMENTED = rx(
    r"frozen|covered|coated|coating|dressing|parfait|smoothie|cand(y|ies)|melts|cereal"
    r"|spread|margarine|dessert|juice|babyfood"
)

RX_YOGURT_KEFIR = rx(r"^(yogh?urt|kefir)\b")

RX_ARTIFICIAL = rx(
    r"aspartame|sucralose|saccharin|acesulfame|stevia|sugar substitute|sugarless"
    r"|(low[- ]calorie|artificial) sweetener"
)

RX_DIET_WORDS = rx(r"sugar[- ]free|\bdiet\b|low[- ]calorie|reduced[- ]calorie")

RX_SWEETS_EXEMPT = rx(r"unsweetened|\bgums\b|pectin")

RX_SWEET_ANYWHERE = rx(
    r"\bcand(y|ies)\b|\bdesserts?\b|frosty|sundaes?|(?<!alaskan )ice creams?\b"
    r"|frozen yogurt|yogurt, frozen|sherbet|milk shakes?|frozen novelt|milkshake"
    r"|\bshakes?, fast food|fast food, \w+ shake|\bshake, fast food|\bshakes?$"
)

RX_SOFT_DRINK = rx(
    r"carbonated|\bsoda\b|\bcola\b|energy drink|punch|lemonade|limeade|\bdrinks?\b"
    r"|cocktail|\bsweetened\b|tonic|ginger ale|root beer|\bmix\b|powder|\bshakes?\b"
    r"|syrup|smoothie|horchata|nectar|chocolate|cocoa|malted|ovaltine|gatorade"
    r"|powerade|vitamin water|\btea\b"
)

RX_BAKED_SWEET = rx(
    r"^(cakes?|cookies|pastr(y|ies)|pies?|danish|sweet rolls|toaster pastries|brownies"
    r"|coffeecake|cream puff|eclairs|cinnamon buns|strudel|cheesecake|muffins)\b"
)

RX_ULTRA_SNACK = rx(
    r"(?<!chocolate )chips|crisps|puffs|twists|extruded|cornnuts|pork skins|chex mix"
    r"|combos|snack mix|oriental mix|\bbars?\b|fruit leather|fruit roll|treats|cracker|sticks"
    r"|popcorn, (microwave|caramel|cheese|oil-popped)"
)

RX_ULTRA_ANYWHERE = rx(r"(?<!chocolate )\bchips\b|\bcrisps\b|cheese puffs|puffs or twists")

RX_DEEP_FRIED = rx(
    r"\bfried\b|\bfries\b|french-fried|\bdoughnuts?\b|\bdonuts?\b|fritters?|tempura"
    r"|hush ?pupp|onion rings|churros?|funnel cake|chimichanga|egg rolls?|spring rolls?"
    r"|deep[- ]fried|nuggets|tater tots|hash browns?|corn dogs?"
)

RX_NOT_DEEP_FRIED = rx(r"stir-fried|pan-fried|pan fried|fast fried|refried|oven-fried|not fried")

RX_DAIRY_LIMIT = rx(r"\b(milk|cheese|cream)\b")

RX_DAIRY_LIMIT_EXEMPT = rx(
    r"human|substitute|imitation|dessert topping|whipped topping|non-?dairy|filled"
    r"|\bsoy\b|protein supplement|nutritional supplement"
)

RX_PRODUCE_DRINK = rx(r"juice|nectar|smoothie|drink")

RX_WATER_PART = rx(r"^water\b|\bwater$|coconut water")

RX_GREEN_TEA = rx(r"\btea, green\b")

RX_OLIVE_OIL = rx(r"^oil, olive\b")

RX_FISH_OIL = rx(r"\bfish oil\b|^fish oil")

# Phrases that look like dairy/nut/gluten words but are not.
RX_DAIRY_FALSE = rx(
    r"cream of tartar|cream style|cream substitutes?|coconut (cream|milk)|non-?dairy"
    r"|imitation|substitutes?|dairy-free|soy ?milk|almond milk|rice milk|oat milk"
    r"|human milk|milk, human|(peanut|almond|cashew|nut|seed|sesame|cocoa|apple|fruit)"
    r" butters?|butterbur|butternut|butterhead|butterfish|butter beans|milkfish"
    r"|soy yogurt|tofu yogurt|milk thistle|alaskan ice cream|no cheese|without cheese"
    r"|cream of wheat|cream of rice|custard[- ]apple"
)

RX_DAIRY = rx(
    r"\b(milk|cheeses?|cream|butter|buttermilk|yogh?urts?|kefir|whey|casein|ghee"
    r"|custards?|ice creams?|milkshakes?|cheesecake|cheeseburgers?|eggnog|milkfat)\b"
)

RX_GLUTEN_FALSE = rx(
    r"gluten[- ]free|rice cakes?|corn cakes?|popcorn,? cakes|rice crackers?|shrimp cracker"
    r"|fruit roll|candy rolls|rice noodles|cellophane|buckwheat|tortillas?,[^,]*\bcorn\b"
    r"|corn tortillas?|taco shells|rice flour|crab cakes?|fish cakes?|blue corn|kneel down"
    r"|root beer|tootsie roll"
)

RX_GLUTEN = rx(
    r"\b(wheat|barley|rye|spelt|triticale|kamut|semolina|durum|bulgur|couscous|farina"
    r"|seitan|gluten|malt|malted|bread|breads|breadcrumbs|bagels?|biscuits?|buns?"
    r"|rolls?|croissants?|croutons|crackers?|cookies?|cakes?|muffins?|pastry|pastries"
    r"|pies?|pizzas?|pasta|macaroni|spaghetti|noodles|lasagna|ravioli|tortellini"
    r"|pretzels?|waffles?|pancakes?|doughnuts?|danish|strudel|stuffing|breaded|batter"
    r"|beer|graham|wafers?|brownies?|dumplings?|bran flakes|shredded wheat)\b"
)

RX_FISH_FALSE = rx(
    r"mushrooms, oyster|oyster mushrooms|oyster crackers|vegetable oyster|goldfish"
    r"|fish-free"
)

RX_SOY = rx(r"soy|tofu|tempeh|\bmiso\b|natto|edamame|okara|yuba|textured vegetable protein")

RX_NUTS_FALSE = rx(r"^nuts, (?=coconut)|mouse nuts|nutmeg|doughnuts?|donuts?")

RX_NUTS = rx(
    r"\b(almonds?|walnuts?|pecans?|hazelnuts?|filberts?|cashews?|pistachios?|macadamias?"
    r"|brazil ?nuts?|brazilnuts|pine ?nuts?|pinon|pignolia|chestnuts?|hickory ?nuts?"
    r"|hickorynuts|beechnuts?|butternuts|pilinuts|peanuts?|nuts?|nutella|praline"
    r"|marzipan)\b"
)

RX_FISH = rx(
    r"\b(fish|fishes|salmon|tuna|shrimps?|crabs?|lobsters?|clams?|oysters?|scallops?"
    r"|anchov(y|ies)|sardines?|cod|pollock|trout|smelt|herring|caviar|roe|shellfish"
    r"|seafood|octopus|squid|calamari|mussels?|cockles|chiton|sea cucumber|tunicate"
    r"|ascidians|mollusks?|crustaceans?|surimi)\b"
)

RX_MEAT = rx(
    r"\b(beef|pork|ham|bacon|sausages?|chicken|turkey|lamb|veal|mutton|venison|meats?"
    r"|meatballs?|meatloaf|pepperoni|salami|bologna|frankfurters?|hot ?dogs?|franks"
    r"|lard|tallow|gelatin|eggs?|honey|caribou|moose|seal|whale|walrus|bear|elk"
    r"|buffalo|deer|squirrel|duck|goose|owl|sea lion|hamburgers?|cheeseburgers?"
    r"|burgers?|liver|giblets|jerky)\b"
)

RX_NOT_MEAT = rx(
    r"meatless|vegetarian|veggie|egg substitute|vegan|\bsoy\b|coconut meat|grated meat"
    r"|hamburger or hot ?dog|relish|rolls, hamburger|buns, hamburger"
)

# Meat analogues sit in the legume group; there only "with pork" etc. means meat.
RX_LEGUME_WITH_MEAT = rx(r"\bwith (pork|beef|franks|bacon|ham|chicken|turkey)\b")

# Native foods: the group mixes game, fish, dishes and wild plants.
RX_NATIVE_FISH = rx(
    r"^(fish|salmon|smelt|steelhead|cockles|octopus|chiton|sea cucumber|ascidians"
    r"|oopah)\b"
)

RX_NATIVE_MEAT = rx(
    r"^(bear|buffalo|caribou|deer|duck|elk|moose|mutton|owl|sea lion|seal|squirrel"
    r"|walrus|whale)\b"
)

RX_NATIVE_DISH = rx(
    r"^(acorn stew|agutuk|bread|corned beef|frybread|mush|piki|soup|stew|tamales"
    r"|tennis bread|tortilla)"
)

RX_NATIVE_DRINK = rx(r"^(tea|chilchen)")

# Plant key: names that are not a single plant (mixtures, drinks, extracts).
RX_NOT_ONE_PLANT = rx(
    r"juice|nectar|smoothie|\bdrinks?\b|beverage|cocktail|salad|\bmixed\b|\bsauce\b"
    r"|\bsoup\b|\bpies?\b|pie filling|pudding|puffs|pancakes|souffle|relish|candied"
    r"|maraschino|catsup|hummus|falafel|burger|meatless|vegetarian|veggie|succotash"
    r"|\bmix\b|\bblend\b|au gratin|scalloped|hash brown|o'brien|stuffed|mashed, "
    r"|with (pork|beef|franks|cheese|butter|cream|sauce|ham|bacon)|beans, baked"
    r"|chili with beans|refried|peas and|and carrots|and onions|with red and green"
    r"|greens and turnips|yokan|papad|seasoning|soymilk|soy milk|soy sauce"
    r"|protein isolate|protein concentrate|meat extender|coconut (milk|cream|water)"
    r"|mixed nuts|formulated|cottonseed|starch|liquid from|extract|noodles|vermicelli"
    r"|\bbran\b|\bgerm\b|\bpowder, |sweet potato puffs|pumpkin pie|melon balls"
)

RX_BRAND_WORD = re.compile(r"\b[A-Z][A-Z'&.-]{2,}\b")

RX_PARENS = re.compile(r"\([^()]*\)")

RX_RTE_CEREAL = rx(r"^cereals ready-to-eat\b")

RX_FLAVORED = rx(
    r"\b(fruit|vanilla|chocolate|strawberr(y|ies)|flavou?red|flavor|lemon|coffee|caramel"
    r"|honey|blueberr(y|ies)|peach|cherr(y|ies)|raspberr(y|ies)|banana|sweetened)\b"
)

RX_SWEETENED = rx(
    r"(?<!un)sweetened|\bsugar(ed)?\b|syrup|\bhoney\b|candied|glazed|frosted|chocolate|caramel"
    r"|fudge|\bjams?\b|jelly|jellies|marmalade|preserves|molasses|maple|\bpie\b|cakes?\b"
    r"|cookies|dessert|pudding|ice cream|sherbet|toffee|praline|marshmallow"
)
