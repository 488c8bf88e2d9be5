"""The fields of a daily check-in, their scales with words on each step, and validation.

Every field may be left empty, and empty is not zero: a check-in keeps only the fields
that were filled in, and "no breakouts" (0) is a different answer from "not asked" (None).

The stool form uses the Bristol stool form scale, 1-7 (S. J. Lewis and K. W. Heaton,
"Stool form scale as a useful guide to intestinal transit time", Scandinavian Journal of
Gastroenterology 32(9), 1997, 920-924); the words below are short paraphrases of its types.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date

from planner.errors import PlannerError

INT, FLOAT, CHOICE, MULTI, BOOL, TEXT = "int", "float", "choice", "multi", "bool", "text"
GROUPS: dict[str, str] = {
    "skin": "Skin",
    "gut": "Gut",
    "mood": "Mood and energy",
    "habits": "Habits",
    "plan": "Meals",
}

SEVERITY = ("none", "slight", "mild", "moderate", "severe")  # the 0-4 symptom steps
BRISTOL = (
    "separate hard lumps",
    "lumpy, sausage-shaped",
    "sausage with cracks",
    "smooth, soft sausage",
    "soft blobs, clear edges",
    "mushy, ragged pieces",
    "watery, no solid pieces",
)
MOOD = ("very low", "low", "okay", "good", "very good")
ENERGY = ("exhausted", "low", "moderate", "good", "full of energy")
STRESS = ("very low", "low", "moderate", "high", "very high")
PRACTICES = ("meditation", "breathing", "yoga", "journaling", "nature walk")
MOVEMENT_KINDS = ("walking", "running", "cycling", "swimming", "strength", "yoga", "other")
ATE_AS_PLANNED = ("yes", "mostly", "no")
# Offered for the supplements field; any text is accepted.
STRAINS = (
    "Lactobacillus rhamnosus GG",
    "Lactobacillus acidophilus",
    "Bifidobacterium lactis",
    "Bifidobacterium longum",
    "Saccharomyces boulardii",
)
NONE_DONE = "none"  # a recorded "no practice today", unlike an empty field
MAX_TEXT = 500


class JournalError(PlannerError):
    """A check-in value, a journal file or an import that cannot be used; nothing changed."""


@dataclass(frozen=True)
class Field:
    """One question of the check-in."""

    key: str
    label: str
    group: str
    kind: str
    low: float = 0
    high: float = 0
    words: tuple[str, ...] = ()  # one word per step from ``low`` (scales) or the choices
    step: float = 1
    unit: str = ""
    suggestions: tuple[str, ...] = ()  # offered values of a free-text field

    @property
    def is_scale(self) -> bool:
        return self.kind == INT and bool(self.words)

    def to_text(self, value: object) -> str:
        """``value`` as a CSV cell or command-line argument that ``check`` reads back."""
        if value is None:
            return ""
        if self.kind == BOOL:
            return "yes" if value else "no"
        if self.kind == MULTI:
            assert isinstance(value, frozenset)
            return "; ".join(p for p in self.words if p in value) or NONE_DONE
        if self.kind == FLOAT:
            assert isinstance(value, (int, float))
            return f"{value:g}"
        return str(value)

    @property
    def numeric(self) -> bool:
        return self.kind in (INT, FLOAT, BOOL)

    def word(self, value: object) -> str:
        """The word for a scale value or a choice, "" when there is none."""
        if self.is_scale and isinstance(value, int) and self.low <= value <= self.high:
            return self.words[value - int(self.low)]
        return ""

    def describe(self, value: object) -> str:
        """The value as a person reads it: "2 – mild", "7.5 h", "yes", "" when empty."""
        if value is None:
            return ""
        if self.kind == BOOL:
            return "yes" if value else "no"
        if self.kind == MULTI:
            assert isinstance(value, frozenset)
            return ", ".join(p for p in self.words if p in value) or NONE_DONE
        if self.is_scale:
            return f"{value} – {self.word(value)}"
        if self.kind == FLOAT:
            assert isinstance(value, float)
            text = f"{value:g}"
            return f"{text} {self.unit}" if self.unit else text
        return str(value)

    def check(self, value: object) -> object:
        """``value`` in its stored form, or JournalError saying what is wrong. None and ""
        (and an empty set for nothing but MULTI) mean empty and give None."""
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        name = self.label
        if self.kind in (INT, FLOAT):
            if isinstance(value, bool) or not isinstance(value, (int, float, str)):
                raise JournalError(f"{name}: {value!r} is not a number.")
            if isinstance(value, str) and value.strip().casefold() in self.words:
                # A scale's word is as good as its number ("mild" for 2).
                return self.words.index(value.strip().casefold()) + int(self.low)
            if isinstance(value, str):
                try:
                    number = float(value.strip().replace(",", "."))
                except ValueError:
                    if self.words:
                        raise JournalError(
                            f"{name}: {value.strip()!r} is neither {self.low:g}–{self.high:g} "
                            f"nor one of {', '.join(self.words)}."
                        ) from None
                    raise JournalError(f"{name}: {value.strip()!r} is not a number.") from None
            else:
                number = float(value)
            if not math.isfinite(number):
                raise JournalError(f"{name}: {value!r} is not a number.")
            if self.kind == INT and number != int(number):
                raise JournalError(f"{name}: {value!r} must be a whole number.")
            if not self.low <= number <= self.high:
                raise JournalError(
                    f"{name}: {number:g} is outside {self.low:g}–{self.high:g}"
                    + (f" ({self.words[0]} to {self.words[-1]})." if self.words else ".")
                )
            return int(number) if self.kind == INT else round(number, 2)
        if self.kind == BOOL:
            if isinstance(value, bool):
                return value
            text = str(value).strip().casefold()
            if text in ("yes", "y", "true", "1"):
                return True
            if text in ("no", "n", "false", "0"):
                return False
            raise JournalError(f"{name}: {value!r} is not yes or no.")
        if self.kind == CHOICE:
            text = str(value).strip().casefold()
            if text not in self.words:
                raise JournalError(f"{name}: {value!r} is not one of {', '.join(self.words)}.")
            return text
        if self.kind == MULTI:
            if isinstance(value, str):
                parts = {p.strip().casefold() for p in value.replace(";", ",").split(",")}
            elif isinstance(value, (set, frozenset, list, tuple)):
                parts = {str(p).strip().casefold() for p in value}
            else:
                raise JournalError(f"{name}: {value!r} is not a list.")
            parts.discard("")
            if parts == {NONE_DONE}:
                return frozenset()
            unknown = sorted(parts - set(self.words))
            if unknown:
                raise JournalError(
                    f"{name}: {', '.join(unknown)} is not one of {', '.join(self.words)}"
                    f" (or {NONE_DONE})."
                )
            return frozenset(parts)
        text = " ".join(str(value).split())
        if len(text) > MAX_TEXT:
            raise JournalError(f"{name}: at most {MAX_TEXT} characters, not {len(text)}.")
        return text


def _scale(key: str, label: str, group: str, words: tuple[str, ...], low: int = 0) -> Field:
    return Field(key, label, group, INT, low, low + len(words) - 1, words)


FIELDS: tuple[Field, ...] = (
    Field("skin_breakouts", "Breakouts", "skin", INT, 0, 99, unit="spots"),
    _scale("skin_redness", "Redness", "skin", SEVERITY),
    _scale("skin_dryness", "Dryness", "skin", SEVERITY),
    _scale("skin_itch", "Itch", "skin", SEVERITY),
    _scale("skin_oiliness", "Oiliness", "skin", SEVERITY),
    _scale("gut_bloating", "Bloating", "gut", SEVERITY),
    _scale("gut_discomfort", "Discomfort", "gut", SEVERITY),
    _scale("gut_reflux", "Reflux", "gut", SEVERITY),
    _scale("gut_stool", "Stool form (Bristol)", "gut", BRISTOL, low=1),
    _scale("mood", "Mood", "mood", MOOD, low=1),
    _scale("energy", "Energy", "mood", ENERGY, low=1),
    Field("sleep_hours", "Sleep", "habits", FLOAT, 0, 24, step=0.5, unit="h"),
    _scale("stress", "Stress", "habits", STRESS, low=1),
    Field("water_glasses", "Water", "habits", INT, 0, 40, unit="glasses"),
    Field("movement_minutes", "Movement", "habits", INT, 0, 1440, unit="min"),
    Field("movement_kind", "Kind of movement", "habits", CHOICE, words=MOVEMENT_KINDS),
    Field("practices", "Stress practice", "habits", MULTI, words=PRACTICES),
    Field("alcohol_drinks", "Alcohol", "habits", FLOAT, 0, 30, step=0.5, unit="drinks"),
    Field("antibiotics", "Antibiotics taken", "habits", BOOL),
    Field("supplements", "Supplements", "habits", TEXT, suggestions=STRAINS),
    Field("ate_as_planned", "Ate as planned", "plan", CHOICE, words=ATE_AS_PLANNED),
    Field("plan_note", "Note", "plan", TEXT),
)
FIELD_BY_KEY: dict[str, Field] = {f.key: f for f in FIELDS}
KEYS: tuple[str, ...] = tuple(FIELD_BY_KEY)
SYMPTOM_KEYS = tuple(f.key for f in FIELDS if f.group in ("skin", "gut"))
SKIN_KEYS = tuple(f.key for f in FIELDS if f.group == "skin")
GUT_KEYS = tuple(f.key for f in FIELDS if f.group == "gut")
NUMERIC_KEYS = tuple(f.key for f in FIELDS if f.numeric)


def check_day(value: object) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise JournalError(f"{value!r} is not a date like 2026-11-30.") from None


@dataclass(frozen=True)
class CheckIn:
    """One day's answers. ``values`` holds only the filled-in fields, each checked."""

    day: date
    values: Mapping[str, object] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "day", check_day(self.day))
        checked: dict[str, object] = {}
        problems = []
        for key, value in self.values.items():
            spec = FIELD_BY_KEY.get(key)
            if spec is None:
                problems.append(f"{key}: no such field")
                continue
            try:
                stored = spec.check(value)
            except JournalError as exc:
                problems.append(str(exc).rstrip("."))
                continue
            if stored is not None:
                checked[key] = stored
        if problems:
            raise JournalError("; ".join(problems) + ".")
        object.__setattr__(self, "values", checked)

    def __getitem__(self, key: str) -> object:
        return self.values.get(key)

    def __iter__(self) -> Iterator[str]:
        return iter(self.values)

    def __hash__(self) -> int:
        return hash((self.day, tuple(sorted(self.values.items(), key=lambda kv: kv[0]))))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, CheckIn):
            return NotImplemented
        return self.day == other.day and dict(self.values) == dict(other.values)

    @classmethod
    def trusted(cls, day: date, values: dict[str, object]) -> CheckIn:
        """A check-in from values already checked (read back from the journal's own
        database): skips the checks, which would otherwise dominate loading five years."""
        checkin = object.__new__(cls)
        object.__setattr__(checkin, "day", day)
        object.__setattr__(checkin, "values", values)
        return checkin

    @property
    def empty(self) -> bool:
        return not self.values

    def replace(self, **values: object) -> CheckIn:
        merged = {**self.values, **values}
        return CheckIn(self.day, {k: v for k, v in merged.items() if v is not None})
