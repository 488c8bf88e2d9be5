"""Scoring rules: the targets from resources/scoring.toml, the user's preferences, and the
result types. The arithmetic on tables lives in planner.scoring.evaluator."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from importlib import resources

from planner.core.foods import TAGS
from planner.errors import PlannerError
from planner.i18n import N_, PSEUDO, SOURCE_LANGUAGE, _, format_number, language, ngettext

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
                ngettext(
                    "Unknown diet tag: {tags} (known: {known}).",
                    "Unknown diet tags: {tags} (known: {known}).",
                    len(unknown),
                ).format(tags=", ".join(sorted(unknown)), known=", ".join(TAGS))
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
    limit_servings: dict[str, float] = field(default_factory=dict)  # doses, see LIMIT_DOSES
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


# Doses of foods to limit, as sentences show them: key -> a phrase with the amount.
LIMIT_DOSES: dict[str, str] = {
    # Translators: doses of foods to limit in a day's sentence ("Limit foods: 30 g added
    # sugars, 1.5 standard drinks").
    "added_sugars_g": N_("{amount} g added sugars"),
    "standard_drinks": N_("{amount} standard drinks"),
    "processed_meat_g": N_("{amount} g processed meat"),
    "deep_fried_g": N_("{amount} g deep-fried food"),
    "ultra_processed_kcal": N_("{amount} kcal ultra-processed food"),
    "sweetener_g": N_("{amount} g artificially sweetened food"),
    "milk_g": N_("{amount} g milk (acne-prone setting)"),
    "high_gl_kcal": N_("{amount} kcal high-glycemic-load food (acne-prone setting)"),
}
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


def number(value: float, decimals: int = 0) -> str:
    """A number in a sentence, as the user's locale writes it. English keeps Python's
    digits (no grouping, the text the sentences have always had) and, above all, does
    not import Babel on the way to the first window's scores."""
    if language() in (SOURCE_LANGUAGE, PSEUDO):
        return f"{value:.{decimals}f}"
    return format_number(round(value, decimals), decimals)


def short_number(value: float) -> str:
    """A target as written in the scoring file: 0.5, 2, 1.5 (Python's ``:g``)."""
    if language() in (SOURCE_LANGUAGE, PSEUDO):
        return f"{value:g}"
    return format_number(value, 3)


def _names(names: tuple[str, ...], most: int = 3) -> str:
    # Translators: the separator of a list of foods in a sentence.
    return _(", ").join(names[:most]) + ("…" if len(names) > most else "")


def _met(text: str, met: bool) -> str:
    # Translators: {sentence} is a part's sentence, e.g. "Fiber 31 of 30 g".
    return _("{sentence}: target met").format(sentence=text) if met else text


def live_sentence(live_g: float, target: float, cultures: dict) -> str:
    if live_g > 0:
        text = _("Live cultures: {amount} of {target} g").format(
            amount=number(live_g), target=number(target)
        )
    else:
        text = _("No live cultures")
    text = _met(text, live_g >= target)
    if cultures.get("unknown"):
        text = _("{sentence}; cultures may not be alive in {foods} (half credit)").format(
            sentence=text, foods=_names(cultures["unknown"])
        )
    if cultures.get("dead"):
        text = _("{sentence}; no live cultures in {foods}").format(
            sentence=text, foods=_names(cultures["dead"])
        )
    return text


def _amount_text(amount: float, target: float) -> dict[str, str]:
    if amount >= 0.5 or target >= 20:
        return {"amount": number(amount), "target": number(target)}
    return {"amount": number(amount, 1), "target": short_number(target)}


def _unknown_for(text: str, unknown: tuple[str, ...]) -> str:
    if not unknown:
        return text
    return _("{sentence} (unknown for {foods})").format(sentence=text, foods=_names(unknown))


def prebiotic_sentence(grams: float, target: float, unknown: tuple[str, ...]) -> str:
    fields = _amount_text(grams, target)
    text = _("Prebiotic {amount} of {target} g (estimate)").format(**fields)
    return _unknown_for(_met(text, grams >= target), unknown)


def fiber_sentence(grams: float, target: float, unknown: tuple[str, ...]) -> str:
    fields = _amount_text(grams, target)
    text = _("Fiber {amount} of {target} g").format(**fields)
    return _unknown_for(_met(text, grams >= target), unknown)


def plants_sentence(count: int, target: float) -> str:
    text = _("Plants {count} of {target} species").format(count=count, target=number(target))
    return _met(text, count >= target)


def anti_sentence(
    epa_dha_g: float, polyphenol_g: float, tea_cups: float, spice_g: float, cfg: dict[str, float]
) -> str:
    return _(
        "Anti-inflammatory: omega-3 {epa_dha} of {epa_dha_target} mg EPA+DHA (ALA at a "
        "tenth), polyphenol-rich foods {polyphenols} of {polyphenol_target} g, tea {tea} of "
        "{tea_target} cups, spices {spices} of {spice_target} g"
    ).format(
        epa_dha=number(1000 * epa_dha_g),
        epa_dha_target=number(1000 * cfg["epa_dha_target_g"]),
        polyphenols=number(polyphenol_g),
        polyphenol_target=number(cfg["polyphenol_target_g"]),
        tea=number(tea_cups, 1),
        tea_target=short_number(cfg["tea_target_cups"]),
        spices=number(spice_g, 1),
        spice_target=short_number(cfg["spice_target_g"]),
    )


def no_limit_sentence() -> str:
    """The limit part's sentence for a day without foods to limit."""
    return _("No foods to limit: the part grows with the others")


def limit_sentence(doses: dict[str, float], sugar_unknown: tuple[str, ...] = ()) -> str:
    counted = [(key, amount) for key, amount in doses.items() if amount > 0]
    if counted:
        parts = [
            _(LIMIT_DOSES[key]).format(amount=number(amount, 1 if key == "standard_drinks" else 0))
            for key, amount in counted
        ]
        text = _("Limit foods: {doses}").format(doses=_(", ").join(parts))
    else:
        text = no_limit_sentence()
    if sugar_unknown:
        text = _("{sentence} (added sugars unknown for {foods})").format(
            sentence=text, foods=_names(sugar_unknown)
        )
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
    reasons = [_lower_first(p.sentence) for p in short[:2]]
    if limit is not None and not limit.sentence.startswith(no_limit_sentence()):
        reasons.insert(0, _lower_first(limit.sentence))
    if completeness < 1 - 1e-9:
        reasons.insert(
            0,
            _("only {energy} kcal of whole food, {percent} % of a full day").format(
                energy=number(energy), percent=number(100 * completeness)
            ),
        )
    if not reasons:
        return _("Score {score}: every part is at its target.").format(score=number(score))
    # Translators: {reasons} are the parts' sentences that hold the score back, joined.
    return _("Score {score}: {reasons}.").format(
        score=number(score), reasons=_("; ").join(reasons[:3])
    )


def _lower_first(sentence: str) -> str:
    # A part's sentence inside the day's: lower case in English; languages whose nouns
    # keep their capital (German) keep the sentence as it is.
    if language() != SOURCE_LANGUAGE:
        return sentence
    return sentence[0].lower() + sentence[1:]
