"""One food and the words it is described in: categories, aisles, tags, nutrients (with
their labels), live cultures, flags and the origins of a food (curated, SR28, the user's).

The catalog that holds the foods, and reads them from the shipped resources, is
planner.core.foods, which re-exports every name here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from planner.i18n import N_

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
    "probiotic": N_("Probiotic"),
    "prebiotic": N_("Prebiotic"),
    "fiber": N_("Fiber-dense"),
    "anti_inflammatory": N_("Anti-inflammatory"),
    "hydrating": N_("Hydrating"),
    "limit": N_("Foods to limit"),
}
CATEGORY_ROLES: dict[str, str] = {
    "probiotic": N_(
        "Fermented foods. Only live cultures add to the gut's own bacteria: each food says "
        "whether its cultures are likely alive."
    ),
    "prebiotic": N_("Fibres that feed the gut's bacteria."),
    "fiber": N_("Fiber keeps digestion regular and feeds the microbiome."),
    "anti_inflammatory": N_(
        "Omega-3 fats and polyphenols that calm inflammation, in gut and skin."
    ),
    "hydrating": N_("Water-rich food that helps keep skin hydrated."),
    "limit": N_("Linked to inflammation or breakouts: best kept occasional."),
}

LIMIT_KINDS: dict[str, tuple[str, str]] = {
    # kind: (singular, plural) as used in sentences
    # Translators: kinds of food to limit, as the food editor lists them.
    "alcohol": (N_("drink of alcohol"), N_("drinks of alcohol")),
    "refined_sugar": (N_("serving of refined sugar"), N_("servings of refined sugar")),
    "deep_fried": (N_("deep-fried serving"), N_("deep-fried servings")),
    "ultra_processed": (N_("ultra-processed snack"), N_("ultra-processed snacks")),
    "artificial_sweetener": (
        N_("serving of artificial sweetener"),
        N_("servings of artificial sweetener"),
    ),
    "dairy": (N_("extra serving of dairy"), N_("extra servings of dairy")),
    "processed_meat": (N_("serving of processed meat"), N_("servings of processed meat")),
}
# The scoring flag (FLAGS) each kind of food to limit carries: a food the user marks as
# one to limit is scored as one, as the catalog's are ("alcohol" counts by its grams of
# alcohol, a nutrient the food gives).
KIND_FLAGS: dict[str, str] = {
    "refined_sugar": "sugar_sweetened",
    "deep_fried": "deep_fried",
    "ultra_processed": "ultra_processed",
    "artificial_sweetener": "artificial_sweetener",
    "dairy": "dairy_milk",
    "processed_meat": "processed_meat",
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
    "produce": N_("Produce"),
    "fermented": N_("Fermented & refrigerated"),
    "dairy": N_("Dairy & eggs"),
    "meat": N_("Meat & poultry"),
    "fish": N_("Fish & seafood"),
    "grains": N_("Grains & bread"),
    "pantry": N_("Pantry"),
    "spices": N_("Spices & herbs"),
    "prepared": N_("Prepared foods"),
    "drinks": N_("Drinks"),
}

TAGS: tuple[str, ...] = ("dairy", "gluten", "fish", "soy", "nuts", "alcohol", "animal")
# The tags as words inside a sentence ("Contains dairy, which you avoid", "dairy and nuts
# avoided"), translated where shown.
# Translators: what a food contains or a plan avoids, lower case, inside a sentence.
TAG_WORDS: dict[str, str] = {
    "dairy": N_("dairy"),
    "gluten": N_("gluten"),
    "fish": N_("fish"),
    "soy": N_("soy"),
    "nuts": N_("nuts"),
    "alcohol": N_("alcohol"),
    "animal": N_("animal foods"),
}

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
    "energy_kcal": N_("Energy"),
    "fiber_g": N_("Fiber"),
    "sugars_g": N_("Sugars"),
    "vit_a_ug": N_("Vitamin A"),
    "vit_c_mg": N_("Vitamin C"),
    "vit_d_ug": N_("Vitamin D"),
    "vit_e_mg": N_("Vitamin E"),
    "zinc_mg": N_("Zinc"),
    "omega3_g": N_("Omega-3"),
    "protein_g": N_("Protein"),
    "alcohol_g": N_("Alcohol"),
    "ala_g": N_("Omega-3 ALA"),
    "epa_dha_g": N_("Omega-3 EPA+DHA"),
    "added_sugars_g": N_("Added sugars (est.)"),
    "prebiotic_g": N_("Prebiotics (est.)"),
}

# Whether a fermented food's cultures are likely alive when eaten (docs/catalog.md).
LIVE_CULTURES: tuple[str, ...] = ("live", "dead", "unknown")
# What each state means, in the words the palette, tooltips and the CLI use.
CULTURE_NOTES: dict[str, str] = {
    "live": N_("Live cultures: likely alive (not heated after fermenting)."),
    "dead": N_("Live cultures: none left (canned, pasteurised, baked or cooked)."),
    "unknown": N_("Live cultures: unknown (the data does not say whether it was pasteurised)."),
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
    "added_fat",  # oils, butter, lard, animal fat: complete a day up to energy.added_fat_kcal
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
    # The scoring's name rules this food's name matches, as the catalog build found them
    # (planner.scoring.namerules); None where they were not worked out (own foods).
    name_rules: frozenset[str] | None = field(default=None, compare=False)

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
