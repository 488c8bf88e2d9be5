"""What the auto-planner must respect (Settings), and the settings as remembered data.

The program that respects them is planner.autoplan.model.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from planner.core.plan import MEALS
from planner.errors import PlannerError
from planner.i18n import _


@dataclass(frozen=True)
class Settings:
    """What the planner must respect, with sensible defaults."""

    energy_min: float = 1800.0
    energy_max: float = 2400.0
    avoid_tags: frozenset[str] = frozenset()
    vegetarian: bool = False  # no meat or fish; eggs and dairy stay (vegan: avoid "animal")
    disliked: frozenset[str] = frozenset()
    liked: frozenset[str] = frozenset()
    pantry: frozenset[str] = frozenset()
    max_same_per_week: int = 3  # the same food or dish at most this often in a week
    plants_per_week: int = 30  # American Gut: 30 plants a week (McDonald et al. 2018)
    live_culture_days: int = 5
    # Dishes per meal (min, max): seasonings, toppings and drinks are not dishes.
    dishes: dict[str, tuple[int, int]] = field(
        default_factory=lambda: {
            "breakfast": (2, 3),
            "lunch": (2, 4),
            "dinner": (2, 4),
            "snacks": (1, 3),
        }
    )
    extras_per_meal: int = 2  # seasonings, toppings, drinks per meal
    limit_allowance: int = 0  # servings of foods to limit a week
    max_portion_kcal: float = 700.0
    recipes: bool = True  # recipes (starter and own) are candidates too
    noise: float = 1.5  # the seeded randomness, in score points per choice

    def __post_init__(self) -> None:
        if not 800 <= self.energy_min <= self.energy_max <= 6000:
            raise PlannerError(
                _("The energy range must be like 1800-2400 kcal, between 800 and 6000.")
            )
        if not 1 <= self.max_same_per_week <= 21:
            raise PlannerError(_("The same food may come 1 to 21 times a week."))
        if not 0 <= self.plants_per_week <= 100:
            raise PlannerError(_("Plants a week must be 0 to 100."))
        if not 0 <= self.live_culture_days <= 7:
            raise PlannerError(_("Live-culture days must be 0 to 7."))
        if not 0 <= self.limit_allowance <= 21:
            raise PlannerError(_("The limit-food allowance must be 0 to 21 a week."))
        for meal, (low, high) in self.dishes.items():
            if meal not in MEALS or not 0 <= low <= high <= 8:
                # Translators: {meal} is the meal's key as given ("lunch").
                message = _("Dishes for {meal} must be two numbers from 0 to 8.")
                raise PlannerError(message.format(meal=meal))


def settings_to_dict(settings: Settings) -> dict[str, object]:
    """The settings as JSON-ready data, to be remembered between sessions."""
    return {
        "energy": [settings.energy_min, settings.energy_max],
        "avoid_tags": sorted(settings.avoid_tags),
        "vegetarian": settings.vegetarian,
        "disliked": sorted(settings.disliked),
        "liked": sorted(settings.liked),
        "max_same_per_week": settings.max_same_per_week,
        "plants_per_week": settings.plants_per_week,
        "live_culture_days": settings.live_culture_days,
        "dishes": {meal: list(pair) for meal, pair in settings.dishes.items()},
        "limit_allowance": settings.limit_allowance,
        "recipes": settings.recipes,
    }


def settings_from_dict(data: object) -> Settings:
    """Remembered settings back, the defaults for anything missing or damaged."""
    default = Settings()
    if not isinstance(data, dict):
        return default
    try:
        low, high = data.get("energy", [default.energy_min, default.energy_max])
        dishes = dict(default.dishes)
        for meal, pair in dict(data.get("dishes", {})).items():
            if meal in dishes:
                dishes[meal] = (int(pair[0]), int(pair[1]))
        return Settings(
            energy_min=float(low),
            energy_max=float(high),
            avoid_tags=frozenset(str(t) for t in data.get("avoid_tags", ())),
            vegetarian=bool(data.get("vegetarian", False)),
            disliked=frozenset(str(t) for t in data.get("disliked", ())),
            liked=frozenset(str(t) for t in data.get("liked", ())),
            max_same_per_week=int(data.get("max_same_per_week", default.max_same_per_week)),
            plants_per_week=int(data.get("plants_per_week", default.plants_per_week)),
            live_culture_days=int(data.get("live_culture_days", default.live_culture_days)),
            dishes=dishes,
            limit_allowance=int(data.get("limit_allowance", 0)),
            recipes=bool(data.get("recipes", True)),
        )
    except (TypeError, ValueError, PlannerError):
        return default
