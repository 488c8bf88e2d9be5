"""The name rules of the scoring classes: which words in a food's name make it an
ingredient nobody eats alone, tea, a spice or a polyphenol-rich food.

Each rule is one regular expression over the casefolded name. For the shipped foods the
catalog build (tools/catalog) runs them once and ships the names of the rules a food's
name matches (the ``name_rules`` column of sr28.csv.gz and catalog.json); the scoring
table (frames.py) combines those with the food's group, flags and amounts, and runs the
rules itself only for foods without them (the user's own, whose names change). Running
them over 8,789 names at start-up cost about a tenth of the time to the first score.

Pure Python: the build and the scoring import it, and neither needs pandas for it.
"""

from __future__ import annotations

import re

# Ingredients suggestions must never be: raw dried pulses (raw kidney beans are unsafe:
# FDA Bad Bug Book), raw or dry grains, flours and meals, starches, leavening, gelatin,
# dry mixes and bouillon.
INGREDIENT_WORDS = re.compile(
    r"\bflours?\b|\bmeal\b|cornmeal|starch|leavening|baking (?:powder|soda)|yeast|"
    r"gelatin|\bdry mix|\bmix, dry|bouillon|dehydrated|\bpowder\b|\buncooked\b|"
    r"\bdry\b(?! roasted)|\bmature seeds, raw|\bgerm\b|\bpectin\b|\bas purchased\b"
)
# Grains are suggested only cooked (or canned, or ready to eat); pulses never raw.
COOKED = re.compile(r"\bcooked\b|\bboiled\b|prepared|brewed")
COOKED_GRAIN = re.compile(r"cooked|boiled|prepared|canned|steamed|restaurant|chow mein|crunchy")
RAW_PULSE = re.compile(r"\braw\b")
PULSE_EATEN_RAW = re.compile(r"peanut|sprouted|immature|tofu|yogurt|snap|green|edamame")

# Polyphenol-rich foods: the food families of the 100 richest dietary sources of
# polyphenols (Perez-Jimenez et al. 2010, Eur J Clin Nutr 64 Suppl 3:S112): berries,
# cherries, plums, grapes, apples, pomegranate, artichoke, onions and shallots, spinach,
# red cabbage and other dark greens, olives and olive oil, nuts and seeds, beans and soy,
# coffee and cocoa. Tea and spices are scored apart.
POLYPHENOL_WORDS = re.compile(
    r"berr|currant|cherr|plum|prune|grape(?!fruit)|apple|pomegranate|artichoke|onion|"
    r"shallot|spinach|kale|broccoli|cabbage, red|chicor|olive|walnut|almond|pecan|hazel|"
    r"pistachio|chestnut|flax|chia|\bnuts?\b|beans?\b|lentil|chickpea|soy|tofu|tempeh|"
    r"edamame|coffee|cocoa|endive|asparagus|plantain|quince|apricot|peach|nectarine"
)
TEA_WORDS = re.compile(r"\b(?:tea|matcha)\b")
HERBAL_WORDS = re.compile(r"herb|chamomile|mint|hibiscus|rooibos")
# Tea as it is drunk (SR28 lists brewed tea by the fluid ounce, about 30 g a serving).
BREWED_WORDS = re.compile(r"\b(?:brewed|prepared|ready[- ]to[- ]drink|bottled|iced)\b")
SPICE_WORDS = re.compile(r"^(?:spices?,|turmeric\b|ginger root\b|ginger$|garlic(?:, raw)?$)")
NOT_SPICE = re.compile(r"salt|baking|leavening|extract|vinegar|seasoning mix|prepared|capers")

# Each rule by the name the catalog ships it under, in the order the column lists them.
NAME_RULES: dict[str, re.Pattern[str]] = {
    "ingredient": INGREDIENT_WORDS,
    "cooked": COOKED,
    "cooked_grain": COOKED_GRAIN,
    "raw": RAW_PULSE,
    "pulse_eaten_raw": PULSE_EATEN_RAW,
    "polyphenol": POLYPHENOL_WORDS,
    "tea": TEA_WORDS,
    "herbal": HERBAL_WORDS,
    "brewed": BREWED_WORDS,
    "spice": SPICE_WORDS,
    "not_spice": NOT_SPICE,
}
NAME_RULE_BITS: dict[str, int] = {rule: 1 << bit for bit, rule in enumerate(NAME_RULES)}


def name_rules_of(name: str) -> tuple[str, ...]:
    """The rules ``name`` matches (casefolded first), in NAME_RULES order."""
    key = name.casefold()
    return tuple(rule for rule, pattern in NAME_RULES.items() if pattern.search(key))


def name_rule_mask(rules: frozenset[str] | tuple[str, ...]) -> int:
    """The rules as bits of NAME_RULE_BITS (a rule the table does not know is ignored)."""
    mask = 0
    for rule in rules:
        mask |= NAME_RULE_BITS.get(rule, 0)
    return mask
