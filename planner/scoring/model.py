"""Scoring rules: the targets from resources/scoring.toml, the user's preferences, and the
result types. The arithmetic on tables lives in planner.scoring.evaluator."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from importlib import resources

from planner.core.foods import LIMIT_KINDS, NUTRIENT_LABELS, NUTRIENTS, TAGS
from planner.errors import PlannerError

PART_KEYS: tuple[str, ...] = ("probiotic", "prebiotic", "fiber", "limit")
SKIN_NUTRIENTS: tuple[str, ...] = (
    "vit_a_ug",
    "vit_c_mg",
    "vit_d_ug",
    "vit_e_mg",
    "zinc_mg",
    "omega3_g",
)


@dataclass(frozen=True)
class ScoringConfig:
    """The scoring targets and weights, read from resources/scoring.toml."""

    points: dict[str, float]
    labels: dict[str, str]
    probiotic_full: float
    prebiotic_full: float
    fiber_target_g: float
    fiber_target_range: tuple[float, float]
    limit_zero_at: float
    acne_dairy_free: float
    plants_target: int
    daily_values: dict[str, float]

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
            config = cls(
                points={key: float(parts[key]["points"]) for key in PART_KEYS},
                labels={key: str(parts[key]["label"]) for key in PART_KEYS},
                probiotic_full=float(parts["probiotic"]["full_at_servings"]),
                prebiotic_full=float(parts["prebiotic"]["full_at_servings"]),
                fiber_target_g=float(parts["fiber"]["target_g"]),
                fiber_target_range=(
                    float(parts["fiber"]["min_target_g"]),
                    float(parts["fiber"]["max_target_g"]),
                ),
                limit_zero_at=float(parts["limit"]["zero_at_servings"]),
                acne_dairy_free=float(parts["limit"]["acne_dairy_free_servings"]),
                plants_target=int(data["week"]["plants_target"]),
                daily_values={key: float(data["daily_values"][key]) for key in SKIN_NUTRIENTS},
            )
        except (tomllib.TOMLDecodeError, KeyError, TypeError, ValueError) as exc:
            raise PlannerError(f"The scoring file is damaged: {exc}") from exc
        if abs(sum(config.points.values()) - 100) > 1e-9:
            raise PlannerError("The scoring file's points must add up to 100.")
        return config


@dataclass(frozen=True)
class Preferences:
    """What the user has told the app about themselves."""

    fiber_target_g: float | None = None  # None: the scoring file's default
    acne_prone: bool = False
    avoid_tags: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        target = self.fiber_target_g
        if target is not None and (not math.isfinite(target) or not 5 <= target <= 100):
            raise PlannerError("The fiber target must be between 5 and 100 g a day.")
        unknown = set(self.avoid_tags) - set(TAGS)
        if unknown:
            raise PlannerError(
                f"Unknown diet tag(s): {', '.join(sorted(unknown))} (known: {', '.join(TAGS)})."
            )


@dataclass(frozen=True)
class PartScore:
    """One of a day's four parts: its points out of ``max_points`` and the sentence why."""

    key: str
    label: str
    points: float
    max_points: float
    sentence: str

    @property
    def share(self) -> float:
        return self.points / self.max_points if self.max_points else 0.0


@dataclass(frozen=True)
class SkinShare:
    """How much of a skin nutrient's daily value a day's known foods give."""

    key: str
    label: str
    amount: float  # the sum of known values
    unit: str
    share: float  # amount / daily value
    unknown_foods: tuple[str, ...] = ()  # foods whose value is unknown: the share is a floor


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
    plants: tuple[str, ...] = ()
    servings: dict[str, float] = field(default_factory=dict)
    limit_servings: dict[str, float] = field(default_factory=dict)
    skin: tuple[SkinShare, ...] = ()
    unknown_foods: tuple[str, ...] = ()
    why: str = "Not planned yet."
    tip: str = ""  # what would raise the score most, from the suggestions

    def part(self, key: str) -> PartScore:
        return next(part for part in self.parts if part.key == key)


@dataclass(frozen=True)
class Suggestion:
    """A food that would raise a day's score, by how much, and why."""

    food_id: str
    name: str
    serving_label: str
    gain: float
    new_score: float
    reason: str


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


def _count(amount: float) -> str:
    return f"{amount:g}" if amount != int(amount) else str(int(amount))


def _plural(amount: float, one: str, many: str) -> str:
    return f"{_count(amount)} {one if amount == 1 else many}"


def coverage_sentence(label: str, servings: float, full: float) -> str:
    if servings <= 0:
        return f"No {label.lower()} food yet"
    if servings < full:
        return f"{label} {_count(servings)} of {_count(full)} servings"
    return f"{label} {_plural(servings, 'serving', 'servings')}: target met"


def fiber_sentence(grams: float, target: float, unknown: tuple[str, ...]) -> str:
    text = f"Fiber {grams:.0f} of {target:.0f} g"
    if grams >= target:
        text += ": target met"
    if unknown:
        text += f" (unknown for {', '.join(unknown[:3])}{'…' if len(unknown) > 3 else ''})"
    return text


def limit_sentence(by_kind: dict[str, float]) -> str:
    counted = [(kind, n) for kind, n in by_kind.items() if n > 0]
    if not counted:
        return "No foods to limit"
    parts = [_plural(n, *LIMIT_KINDS[kind]) for kind, n in counted]
    return "Limit foods: " + ", ".join(parts)


def why_sentence(score: float, parts: tuple[PartScore, ...]) -> str:
    """Which parts hold the score back, weakest first."""
    short = sorted((p for p in parts if p.points < p.max_points - 1e-9), key=lambda p: p.share)
    if not short:
        return f"Score {score:.0f}: every part is at its target."
    reasons = "; ".join(p.sentence[0].lower() + p.sentence[1:] for p in short[:2])
    return f"Score {score:.0f}: {reasons}."


def skin_label(key: str) -> str:
    return NUTRIENT_LABELS[key]


def nutrient_unit(key: str) -> str:
    return NUTRIENTS[key]
