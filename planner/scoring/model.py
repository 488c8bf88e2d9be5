"""Scoring rules: the targets from resources/scoring.toml, the user's preferences, and the
result types. The arithmetic on tables lives in planner.scoring.evaluator."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
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
    "fiber": ("target_g", "min_portion_g", "per_food_share"),
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
                f"Unknown diet tag(s): {', '.join(sorted(unknown))} (known: {', '.join(TAGS)})."
            )


@dataclass(frozen=True)
class PartScore:
    """One part of a day's score: its points out of ``max_points`` and the sentence why.

    The limit part's points can fall below zero: heavy doses of foods to limit take
    points off the other parts too."""

    key: str
    label: str
    points: float
    max_points: float
    sentence: str

    @property
    def share(self) -> float:
        """How full the part's bar is, 0 to 1."""
        if not self.max_points:
            return 0.0
        return min(max(self.points / self.max_points, 0.0), 1.0)


@dataclass(frozen=True)
class SkinShare:
    """How much of a skin nutrient's daily value a day's known foods give."""

    key: str
    label: str
    amount: float  # the sum of known values
    unit: str
    share: float  # amount / daily value
    unknown_foods: tuple[str, ...] = ()  # foods whose value is unknown: the share is a floor

    @property
    def is_unknown(self) -> bool:
        """True when no food of the day has a known value: "unknown", not "0 %"."""
        return self.amount == 0 and bool(self.unknown_foods)

    def text(self) -> str:
        """The share as shown: "unknown", "40 %", or "at least 40 %" when some foods'
        values are unknown."""
        if self.is_unknown:
            return "unknown"
        percent = f"{100 * self.share:.0f} %"
        return f"at least {percent}" if self.unknown_foods else percent


@dataclass(frozen=True)
class DayScore:
    """A day's score out of 100 (None when nothing is planned), its parts and reasons."""

    day: int
    date: date
    planned: bool
    score: float | None
    parts: tuple[PartScore, ...] = ()
    fiber_g: float = 0.0
    fiber_unknown: tuple[str, ...] = ()
    plants: tuple[str, ...] = ()  # the species counted, by common name where known
    servings: dict[str, float] = field(default_factory=dict)  # amounts by part, in grams
    limit_servings: dict[str, float] = field(default_factory=dict)  # doses, see LIMIT_DOSES
    skin: tuple[SkinShare, ...] = ()
    unknown_foods: tuple[str, ...] = ()  # foods not in the catalog
    why: str = "Not planned yet."
    tip: str = ""  # what would raise the score most, from the suggestions
    energy_kcal: float = 0.0
    completeness: float = 0.0  # energy from foods not to limit / a full day's, at most 1
    unknown: dict[str, tuple[str, ...]] = field(default_factory=dict)  # nutrient -> foods
    cultures: dict[str, tuple[str, ...]] = field(default_factory=dict)  # live/unknown/dead

    def part(self, key: str) -> PartScore:
        return next(part for part in self.parts if part.key == key)


@dataclass(frozen=True)
class Suggestion:
    """A food that would raise a day's score, by how much, and why. With ``replaces``,
    one serving of that food (a food to limit in the day) is taken out for it."""

    food_id: str
    name: str
    serving_label: str
    gain: float
    new_score: float
    reason: str
    replaces: str | None = None
    replaces_name: str | None = None

    @property
    def text(self) -> str:
        if self.replaces_name:
            return f"swap the {self.replaces_name} for {self.name} ({self.serving_label})"
        return f"{self.name} ({self.serving_label})"


@dataclass(frozen=True)
class WeekScore:
    """A week's days, their average score, its different plants and fermented days."""

    week: int
    days: tuple[DayScore, ...]
    average: float | None
    plants: tuple[str, ...]
    plants_target: int
    fermented_days: int

    @property
    def planned_days(self) -> int:
        return sum(1 for day in self.days if day.planned)


# Doses of foods to limit: key -> (unit, what), as sentences show them.
LIMIT_DOSES: dict[str, tuple[str, str]] = {
    "added_sugars_g": ("g", "added sugars"),
    "standard_drinks": ("", "standard drinks"),
    "processed_meat_g": ("g", "processed meat"),
    "deep_fried_g": ("g", "deep-fried food"),
    "ultra_processed_kcal": ("kcal", "ultra-processed food"),
    "sweetener_g": ("g", "artificially sweetened food"),
    "milk_g": ("g", "milk (acne-prone setting)"),
    "high_gl_kcal": ("kcal", "high-glycemic-load food (acne-prone setting)"),
}


def _names(names: tuple[str, ...], most: int = 3) -> str:
    return ", ".join(names[:most]) + ("…" if len(names) > most else "")


def live_sentence(label: str, live_g: float, target: float, cultures: dict) -> str:
    text = f"{label}: {live_g:.0f} of {target:.0f} g" if live_g > 0 else f"No {label.lower()}"
    if live_g >= target:
        text += ": target met"
    if cultures.get("unknown"):
        text += f"; cultures may not be alive in {_names(cultures['unknown'])} (half credit)"
    if cultures.get("dead"):
        text += f"; no live cultures in {_names(cultures['dead'])}"
    return text


def amount_sentence(
    label: str, amount: float, target: float, unit: str, unknown: tuple[str, ...] = ()
) -> str:
    text = (
        f"{label} {amount:.0f} of {target:.0f} {unit}"
        if amount >= 0.5 or target >= 20
        else (f"{label} {amount:.1f} of {target:g} {unit}")
    )
    if amount >= target:
        text += ": target met"
    if unknown:
        text += f" (unknown for {_names(unknown)})"
    return text


def fiber_sentence(grams: float, target: float, unknown: tuple[str, ...]) -> str:
    return amount_sentence("Fiber", grams, target, "g", unknown)


def plants_sentence(count: int, target: float) -> str:
    text = f"Plants {count} of {target:.0f} species"
    return text + (": target met" if count >= target else "")


def anti_sentence(
    epa_dha_g: float, polyphenol_g: float, tea_cups: float, spice_g: float, cfg: dict[str, float]
) -> str:
    bits = [
        f"omega-3 {1000 * epa_dha_g:.0f} of {1000 * cfg['epa_dha_target_g']:.0f} mg"
        " EPA+DHA (ALA at a tenth)",
        f"polyphenol-rich foods {polyphenol_g:.0f} of {cfg['polyphenol_target_g']:.0f} g",
        f"tea {tea_cups:.1f} of {cfg['tea_target_cups']:g} cups",
        f"spices {spice_g:.1f} of {cfg['spice_target_g']:g} g",
    ]
    return "Anti-inflammatory: " + ", ".join(bits)


def limit_sentence(doses: dict[str, float], sugar_unknown: tuple[str, ...] = ()) -> str:
    counted = [(key, amount) for key, amount in doses.items() if amount > 0]
    text = "No foods to limit"
    if counted:
        parts = []
        for key, amount in counted:
            unit, what = LIMIT_DOSES[key]
            number = f"{amount:.1f}" if key == "standard_drinks" else f"{amount:.0f}"
            parts.append(f"{number} {unit} {what}".replace("  ", " "))
        text = "Limit foods: " + ", ".join(parts)
    else:
        text += ": the part grows with the others"
    if sugar_unknown:
        text += f" (added sugars unknown for {_names(sugar_unknown)})"
    return text


def why_sentence(
    score: float, parts: tuple[PartScore, ...], completeness: float = 1.0, energy: float = 0.0
) -> str:
    """Which parts hold the score back, weakest first, and an incomplete day's energy."""
    short = sorted(
        (p for p in parts if p.key != "limit" and p.points < p.max_points - 1e-9),
        key=lambda p: p.share,
    )
    limit = next((p for p in parts if p.key == "limit"), None)
    reasons = [p.sentence[0].lower() + p.sentence[1:] for p in short[:2]]
    if limit is not None and not limit.sentence.startswith("No foods to limit"):
        reasons.insert(0, limit.sentence[0].lower() + limit.sentence[1:])
    if completeness < 1 - 1e-9:
        reasons.insert(
            0, f"only {energy:.0f} kcal of whole food, {100 * completeness:.0f} % of a full day"
        )
    if not reasons:
        return f"Score {score:.0f}: every part is at its target."
    return f"Score {score:.0f}: {'; '.join(reasons[:3])}."
