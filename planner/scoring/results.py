"""The scores the evaluator gives: a day's parts, its skin nutrients, the day, a week,
and a suggestion. Kept apart from planner.scoring.model (the rules and the user's
preferences) so that the window's start, which shows none of them yet, does not make
these classes before its first paint."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from planner.i18n import _
from planner.scoring.sentences import number


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
            # Translators: a skin nutrient's share of its daily value, when no food says.
            return _("unknown")
        percent = number(100 * self.share)
        if self.unknown_foods:
            return _("at least {percent} %").format(percent=percent)
        return _("{percent} %").format(percent=percent)


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
    limit_servings: dict[str, float] = field(default_factory=dict)  # see LIMIT_DOSES
    skin: tuple[SkinShare, ...] = ()
    unknown_foods: tuple[str, ...] = ()  # foods not in the catalog
    why: str = field(default_factory=lambda: _("Not planned yet."))
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
            return _("swap the {old} for {food} ({serving})").format(
                old=self.replaces_name, food=self.name, serving=self.serving_label
            )
        # Translators: a suggested food and its serving: "Kefir (1 cup)".
        return _("{food} ({serving})").format(food=self.name, serving=self.serving_label)


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
