"""Scoring rules: the targets from resources/scoring.toml, the user's preferences, and the
result types. The arithmetic on tables lives in planner.scoring.evaluator."""

from __future__ import annotations

import math
from dataclasses import dataclass
from importlib import resources

from planner.core.foods import TAGS
from planner.errors import PlannerError
from planner.i18n import N_, _, ngettext

PART_KEYS: tuple[str, ...] = (
    "probiotic",
    "prebiotic",
    "fiber",
    "plants",
    "anti_inflammatory",
    "limit",
)
POSITIVE_KEYS: tuple[str, ...] = PART_KEYS[:-1]
# Skin nutrients shown per day; omega-3 as two lines, ALA and EPA+DHA (EFSA 2010).
SKIN_NUTRIENTS: tuple[str, ...] = (
    "vit_a_ug",
    "vit_c_mg",
    "vit_d_ug",
    "vit_e_mg",
    "zinc_mg",
    "ala_g",
    "epa_dha_g",
)


@dataclass(frozen=True)
class ScoringConfig:
    """The scoring targets and weights, read from resources/scoring.toml."""

    points: dict[str, float]
    labels: dict[str, str]
    parts: dict[str, dict[str, float]]  # every number of each [parts.*] table
    energy_full_kcal: float
    added_fat_kcal: float  # the energy of added fats that counts toward completeness
    fiber_target_g: float
    fiber_target_range: tuple[float, float]
    plants_target: int
    daily_values: dict[str, float]
    suggest_max_kcal: float
    min_gain: float

    @classmethod
    def load(cls) -> ScoringConfig:
        text = resources.files("resources").joinpath("scoring.toml").read_text("utf-8")
        return cls.from_toml(text)

    @classmethod
    def from_toml(cls, text: str) -> ScoringConfig:
        import tomllib  # here, not at the top: the scores load after the window shows

        try:
            data = tomllib.loads(text)
            parts = data["parts"]
            numbers = {
                key: {
                    name: float(value)
                    for name, value in parts[key].items()
                    if isinstance(value, int | float) and not isinstance(value, bool)
                }
                for key in PART_KEYS
            }
            config = cls(
                points={key: numbers[key]["points"] for key in PART_KEYS},
                labels={key: str(parts[key]["label"]) for key in PART_KEYS},
                parts=numbers,
                energy_full_kcal=float(data["energy"]["full_at_kcal"]),
                added_fat_kcal=float(data["energy"]["added_fat_kcal"]),
                fiber_target_g=numbers["fiber"]["target_g"],
                fiber_target_range=(
                    numbers["fiber"]["min_target_g"],
                    numbers["fiber"]["max_target_g"],
                ),
                plants_target=int(data["week"]["plants_target"]),
                daily_values={key: float(data["daily_values"][key]) for key in SKIN_NUTRIENTS},
                suggest_max_kcal=float(data["suggest"]["max_kcal"]),
                min_gain=float(data["suggest"]["min_gain"]),
            )
            for key, needed in _NEEDED.items():
                missing = [name for name in needed if name not in numbers[key]]
                if missing:
                    raise KeyError(f"parts.{key}.{missing[0]}")
        except (tomllib.TOMLDecodeError, KeyError, TypeError, ValueError) as exc:
            raise PlannerError(_("The scoring file is damaged: {exc}").format(exc=exc)) from exc
        if abs(sum(config.points.values()) - 100) > 1e-9:
            raise PlannerError(_("The scoring file's points must add up to 100."))
        anti = numbers["anti_inflammatory"]
        sub = sum(anti[f"{s}_points"] for s in ("epa_dha", "polyphenol", "tea", "spice"))
        if abs(sub - config.points["anti_inflammatory"]) > 1e-9:
            raise PlannerError(_("The anti-inflammatory sub-parts must add up to its points."))
        if config.energy_full_kcal <= 0 or any(
            value <= 0
            for key, part in numbers.items()
            for name, value in part.items()
            if name.endswith(("target_g", "per_load", "target_species", "target_cups"))
        ):
            raise PlannerError(_("The scoring file's targets must be above zero."))
        return config

    @property
    def positive_max(self) -> float:
        return sum(self.points[key] for key in POSITIVE_KEYS)


# The numbers the evaluator reads from each [parts.*] table.
_NEEDED: dict[str, tuple[str, ...]] = {
    "probiotic": ("target_g", "min_portion_g", "per_food_share", "weight_live"),
    "prebiotic": ("zero_at_g", "target_g", "min_portion_g", "per_food_share"),
    "fiber": ("target_g", "zero_at_g", "min_portion_g", "per_food_share"),
    "plants": ("target_species", "min_g"),
    "anti_inflammatory": (
        "epa_dha_target_g",
        "ala_conversion",
        "polyphenol_target_g",
        "polyphenol_min_portion_g",
        "polyphenol_per_food_share",
        "tea_target_cups",
        "tea_min_cups",
        "spice_target_g",
        "spice_min_portion_g",
        "spice_per_food_share",
    ),
    "limit": (
        "sugar_free_g",
        "sugar_g_per_load",
        "drink_g",
        "load_per_drink",
        "processed_meat_g_per_load",
        "deep_fried_g_per_load",
        "ultra_processed_kcal_per_load",
        "sweetener_g_per_load",
        "acne_milk_g_per_load",
        "acne_high_gl_kcal_per_load",
    ),
}


@dataclass(frozen=True)
class Preferences:
    """What the user has told the app about themselves."""

    fiber_target_g: float | None = None  # None: the scoring file's default
    acne_prone: bool = False
    avoid_tags: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        target = self.fiber_target_g
        if target is not None and (not math.isfinite(target) or not 5 <= target <= 100):
            raise PlannerError(_("The fiber target must be between 5 and 100 g a day."))
        unknown = set(self.avoid_tags) - set(TAGS)
        if unknown:
            raise PlannerError(
                ngettext(
                    "Unknown diet tag: {tags} (known: {known}).",
                    "Unknown diet tags: {tags} (known: {known}).",
                    len(unknown),
                ).format(tags=", ".join(sorted(unknown)), known=", ".join(TAGS))
            )


# Doses of foods to limit, as sentences show them: key -> a phrase with the amount.
# The shipped parts' labels (resources/scoring.toml), marked so that they are translated
# where a part is scored; a label the user wrote in their own file stays as written.
PART_LABELS: dict[str, str] = {
    "probiotic": N_("Probiotic"),
    "prebiotic": N_("Prebiotic"),
    "fiber": N_("Fiber"),
    "plants": N_("Plants"),
    "anti_inflammatory": N_("Anti-inflammatory"),
    "limit": N_("Limit foods"),
}
