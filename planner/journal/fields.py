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

from planner.core.plan import iso_day
from planner.errors import PlannerError
from planner.i18n import N_, _, format_number, ngettext

INT, FLOAT, CHOICE, MULTI, BOOL, TEXT = "int", "float", "choice", "multi", "bool", "text"
# The words shown are marked here and translated where shown (Field.title, .shown_words,
# group_title); the choices' words are also what the journal stores: never translated there.
# Translators: the check-in's groups of questions.
GROUPS: dict[str, str] = {
    "skin": N_("Skin"),
    "gut": N_("Gut"),
    "mood": N_("Mood and energy"),
    "habits": N_("Habits"),
    "plan": N_("Meals"),
}

# Translators: the five steps of a symptom, from none to severe.
SEVERITY = (
    N_("none"),
    N_("slight"),
    N_("mild"),
    N_("moderate"),
    N_("severe"),
)  # the 0-4 symptom steps
# Translators: the Bristol stool form scale's seven types, paraphrased.
BRISTOL = (
    N_("separate hard lumps"),
    N_("lumpy, sausage-shaped"),
    N_("sausage with cracks"),
    N_("smooth, soft sausage"),
    N_("soft blobs, clear edges"),
    N_("mushy, ragged pieces"),
    N_("watery, no solid pieces"),
)
# Translators: steps of a scale: mood, energy, stress, from 1 to 5.
MOOD = (N_("very low"), N_("low"), N_("okay"), N_("good"), N_("very good"))
ENERGY = (N_("exhausted"), N_("low"), N_("moderate"), N_("good"), N_("full of energy"))
STRESS = (N_("very low"), N_("low"), N_("moderate"), N_("high"), N_("very high"))
# Translators: stress practices; MOVEMENT_KINDS: kinds of movement; ATE_AS_PLANNED:
# the answers to "Ate as planned".
PRACTICES = (N_("meditation"), N_("breathing"), N_("yoga"), N_("journaling"), N_("nature walk"))
MOVEMENT_KINDS = (
    N_("walking"),
    N_("running"),
    N_("cycling"),
    N_("swimming"),
    N_("strength"),
    N_("yoga"),
    N_("other"),
)
ATE_AS_PLANNED = (N_("yes"), N_("mostly"), N_("no"))
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

    # -- what a person reads, in the user's language (the attributes above are marked,
    # untranslated: the words are also what the journal stores and the CSV holds) ---------
    @property
    def title(self) -> str:
        """The question's label, translated ("Sleep")."""
        return _(self.label)

    @property
    def shown_unit(self) -> str:
        """The unit after a number, translated ("h", "glasses"); "" without one."""
        return _(self.unit) if self.unit else ""

    @property
    def shown_words(self) -> tuple[str, ...]:
        """The scale's steps or the choices, translated, in order."""
        return tuple(_(word) for word in self.words)

    def shown_word(self, value: object) -> str:
        """The translated word for a scale value, "" when there is none."""
        word = self.word(value)
        return _(word) if word else ""

    def describe(self, value: object) -> str:
        """The value as a person reads it: "2 – mild", "7.5 h", "yes", "" when empty."""
        if value is None:
            return ""
        if self.kind == BOOL:
            return _("yes") if value else _("no")
        if self.kind == MULTI:
            assert isinstance(value, frozenset)
            return ", ".join(_(p) for p in self.words if p in value) or _(NONE_DONE)
        if self.is_scale:
            # Translators: a scale's value and its word: "2 – mild".
            return _("{value} – {word}").format(value=value, word=self.shown_word(value))
        if self.kind == FLOAT:
            assert isinstance(value, float)
            return quantity(value, self.unit)
        if self.kind == CHOICE:
            return _(str(value))
        return str(value)

    def check(self, value: object) -> object:
        """``value`` in its stored form, or JournalError saying what is wrong. None and ""
        (and an empty set for nothing but MULTI) mean empty and give None."""
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        name = self.title
        if self.kind in (INT, FLOAT):
            if isinstance(value, bool) or not isinstance(value, (int, float, str)):
                raise JournalError(_not_a_number(name, value))
            if isinstance(value, str) and value.strip().casefold() in self.words:
                # A scale's word is as good as its number ("mild" for 2).
                return self.words.index(value.strip().casefold()) + int(self.low)
            if isinstance(value, str):
                try:
                    number = float(value.strip().replace(",", "."))
                except ValueError:
                    if self.words:
                        # Translators: {field} is a question ("Mood"); {words} are the
                        # words one may type instead of a number, which stay in English.
                        message = _(
                            "{field}: {value!r} is neither {low}–{high} nor one of {words}."
                        )
                        raise JournalError(
                            message.format(
                                field=name,
                                value=value.strip(),
                                low=f"{self.low:g}",
                                high=f"{self.high:g}",
                                words=", ".join(self.words),
                            )
                        ) from None
                    raise JournalError(_not_a_number(name, value.strip())) from None
            else:
                number = float(value)
            if not math.isfinite(number):
                raise JournalError(_not_a_number(name, value))
            if self.kind == INT and number != int(number):
                message = _("{field}: {value!r} must be a whole number.")
                raise JournalError(message.format(field=name, value=value))
            if not self.low <= number <= self.high:
                span = {"number": f"{number:g}", "low": f"{self.low:g}", "high": f"{self.high:g}"}
                if self.words:
                    # Translators: "Mood: 9 is outside 1–5 (very low to very good)."
                    message = _("{field}: {number} is outside {low}–{high} ({first} to {last}).")
                    first, last = _(self.words[0]), _(self.words[-1])
                    raise JournalError(message.format(field=name, first=first, last=last, **span))
                message = _("{field}: {number} is outside {low}–{high}.")
                raise JournalError(message.format(field=name, **span))
            return int(number) if self.kind == INT else round(number, 2)
        if self.kind == BOOL:
            if isinstance(value, bool):
                return value
            text = str(value).strip().casefold()
            if text in ("yes", "y", "true", "1"):
                return True
            if text in ("no", "n", "false", "0"):
                return False
            # Translators: "yes" and "no" are what one types: keep them in English.
            raise JournalError(
                _("{field}: {value!r} is not yes or no.").format(field=name, value=value)
            )
        if self.kind == CHOICE:
            text = str(value).strip().casefold()
            if text not in self.words:
                # Translators: {words} are what one may type, which stay in English.
                message = _("{field}: {value!r} is not one of {words}.")
                raise JournalError(
                    message.format(field=name, value=value, words=", ".join(self.words))
                )
            return text
        if self.kind == MULTI:
            if isinstance(value, str):
                parts = {p.strip().casefold() for p in value.replace(";", ",").split(",")}
            elif isinstance(value, (set, frozenset, list, tuple)):
                parts = {str(p).strip().casefold() for p in value}
            else:
                raise JournalError(
                    _("{field}: {value!r} is not a list.").format(field=name, value=value)
                )
            parts.discard("")
            if parts == {NONE_DONE}:
                return frozenset()
            unknown = sorted(parts - set(self.words))
            if unknown:
                # Translators: {words} and {none} are what one may type, in English.
                message = ngettext(
                    "{field}: {unknown} is not one of {words} (or {none}).",
                    "{field}: {unknown} is not one of {words} (or {none}).",
                    len(unknown),
                )
                raise JournalError(
                    message.format(
                        field=name,
                        unknown=", ".join(unknown),
                        words=", ".join(self.words),
                        none=NONE_DONE,
                    )
                )
            return frozenset(parts)
        text = " ".join(str(value).split())
        if len(text) > MAX_TEXT:
            message = _("{field}: at most {most} characters, not {count}.")
            raise JournalError(message.format(field=name, most=MAX_TEXT, count=len(text)))
        return text


def _not_a_number(field: str, value: object) -> str:
    # Translators: {field} is a question of the check-in ("Sleep").
    return _("{field}: {value!r} is not a number.").format(field=field, value=value)


def group_title(group: str) -> str:
    """A group of questions' name, translated ("Skin")."""
    return _(GROUPS[group])


def quantity(value: float, unit: str) -> str:
    """A number with its unit as a person reads it ("7.5 h", "1 drink", "2 drinks"), the
    number as the locale writes it."""
    text = format_number(value, 2)
    if unit == "drinks":
        return ngettext("{count} drink", "{count} drinks", value).format(count=text)
    if unit == "glasses":
        return ngettext("{count} glass", "{count} glasses", value).format(count=text)
    if unit == "spots":
        return ngettext("{count} spot", "{count} spots", value).format(count=text)
    if unit:
        # Translators: a number and a unit's short form: "7.5 h", "30 min".
        return _("{count} {unit}").format(count=text, unit=_(unit))
    return text


def _scale(key: str, label: str, group: str, words: tuple[str, ...], low: int = 0) -> Field:
    return Field(key, label, group, INT, low, low + len(words) - 1, words)


# Translators: the check-in's questions; the units follow a number ("7 h", "3 glasses").
FIELDS: tuple[Field, ...] = (
    Field("skin_breakouts", N_("Breakouts"), "skin", INT, 0, 99, unit=N_("spots")),
    _scale("skin_redness", N_("Redness"), "skin", SEVERITY),
    _scale("skin_dryness", N_("Dryness"), "skin", SEVERITY),
    _scale("skin_itch", N_("Itch"), "skin", SEVERITY),
    _scale("skin_oiliness", N_("Oiliness"), "skin", SEVERITY),
    _scale("gut_bloating", N_("Bloating"), "gut", SEVERITY),
    _scale("gut_discomfort", N_("Discomfort"), "gut", SEVERITY),
    _scale("gut_reflux", N_("Reflux"), "gut", SEVERITY),
    _scale("gut_stool", N_("Stool form (Bristol)"), "gut", BRISTOL, low=1),
    _scale("mood", N_("Mood"), "mood", MOOD, low=1),
    _scale("energy", N_("Energy"), "mood", ENERGY, low=1),
    Field("sleep_hours", N_("Sleep"), "habits", FLOAT, 0, 24, step=0.5, unit=N_("h")),
    _scale("stress", N_("Stress"), "habits", STRESS, low=1),
    Field("water_glasses", N_("Water"), "habits", INT, 0, 40, unit=N_("glasses")),
    Field("movement_minutes", N_("Movement"), "habits", INT, 0, 1440, unit=N_("min")),
    Field("movement_kind", N_("Kind of movement"), "habits", CHOICE, words=MOVEMENT_KINDS),
    Field("practices", N_("Stress practice"), "habits", MULTI, words=PRACTICES),
    Field("alcohol_drinks", N_("Alcohol"), "habits", FLOAT, 0, 30, step=0.5, unit=N_("drinks")),
    Field("antibiotics", N_("Antibiotics taken"), "habits", BOOL),
    Field("supplements", N_("Supplements"), "habits", TEXT, suggestions=STRAINS),
    Field("ate_as_planned", N_("Ate as planned"), "plan", CHOICE, words=ATE_AS_PLANNED),
    Field("plan_note", N_("Note"), "plan", TEXT),
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
        return iso_day(str(value).strip())
    except ValueError:
        # Translators: the example is ISO 8601, the form one types.
        raise JournalError(
            _("{value!r} is not a date like 2026-11-30.").format(value=value)
        ) from None


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
                # Translators: {key} is a field's key as typed or in the file.
                problems.append(_("{key}: no such field").format(key=key))
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
