"""What the journal shows: symptoms and habits over time set against the day scores, lagged
views, and "what goes with better days".

pandas is imported inside the functions: this module is imported by the trends view and the
report, never on the way to the first window.

Method and honesty rules (docs/journal.md says more):
- Days are calendar days. A day without a check-in, or a field left empty, is missing, never
  zero; every figure counts only the days that have both values it needs.
- Gut symptoms follow food within hours to two days, so they are set against a factor on
  the same day and one and two days later (``lag_table``); skin changes over weeks, so it is
  shown as rolling 2- and 4-week means, each needing at least half its days filled.
- Lags use Spearman's rank correlation (the Pearson correlation of the ranks), robust to the
  0-4 steps and to a few extreme days.
- "What goes with better days" compares the mean of an outcome on days with and without a
  factor. Nothing is shown before there are at least ``MIN_DAYS`` days on each side (the
  rule Bearable uses), and fewer than ``FEW_DAYS`` on a side is flagged as few.
- The wording says "went with", never "caused": a journal is observational, and a person
  who sleeps badly may also drink more and eat differently.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from planner.i18n import N_, _, locale_id, ngettext

from .fields import FIELD_BY_KEY, FIELDS, GUT_KEYS, MULTI, SKIN_KEYS
from .frames import (
    PLAN_WORDS,
    SKIN_WINDOWS,
    Journal,
    as_columns,
    journal_frame,
    rolling_means,
    scores_frame,
    timeline,
)

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

# The daily frames live in frames.py; re-exported: the trends view, the report and the
# tests import them from here.
__all__ = [
    "PLAN_WORDS",
    "SKIN_WINDOWS",
    "Journal",
    "as_columns",
    "journal_frame",
    "rolling_means",
    "scores_frame",
    "timeline",
]

MIN_DAYS = 3  # days needed on each side before a comparison is shown
FEW_DAYS = 10  # fewer than this on a side: flagged as few days
GUT_LAGS = (0, 1, 2)

# Translators: what a day had, as it reads inside a sentence ("On days with {factor}, ...").
FACTORS: dict[str, str] = {
    "fermented": N_("fermented food"),
    "alcohol": N_("alcohol"),
    "sleep_7h": N_("7+ hours of sleep"),
    "score_80": N_("a day score of 80 or more"),
}
# Translators: the check-in's questions as they read inside a sentence ("..., redness
# averaged 1.5"): in English lowercase; keep the capital where the language wants one.
IN_SENTENCE: dict[str, str] = {
    "skin_breakouts": N_("breakouts"),
    "skin_redness": N_("redness"),
    "skin_dryness": N_("dryness"),
    "skin_itch": N_("itch"),
    "skin_oiliness": N_("oiliness"),
    "gut_bloating": N_("bloating"),
    "gut_discomfort": N_("discomfort"),
    "gut_reflux": N_("reflux"),
    "mood": N_("mood"),
    "energy": N_("energy"),
    "practice_done": N_("stress practice done"),
}
# Outcomes where lower is better (symptoms), and higher is better (mood, energy). The
# Bristol form has no "better" direction on its own (types 3-4 are the usual), so it is
# left out of the comparison and kept in the lags and the charts.
LOWER_IS_BETTER = tuple(k for k in (*SKIN_KEYS, *GUT_KEYS) if k != "gut_stool")
HIGHER_IS_BETTER = ("mood", "energy")
# Marked; better_days gives it translated: compare with _(ASSOCIATION_NOTE).
ASSOCIATION_NOTE = N_(
    "These figures describe your own journal: a factor that went with better or worse days "
    "did not necessarily cause them, and other habits of the same days may explain them."
)


def label(key: str) -> str:
    """A field's or factor's name, translated, as it starts a sentence or a heading."""
    if key in FIELD_BY_KEY:
        return FIELD_BY_KEY[key].title
    if key in FACTORS:
        return _(FACTORS[key])
    if key == "practice_done":
        return _("Stress practice done")
    return key.replace("_", " ").capitalize()


def in_sentence(key: str) -> str:
    """A field's or factor's name, translated, as it reads inside a sentence."""
    if key in IN_SENTENCE:
        return _(IN_SENTENCE[key])
    if key in FACTORS:
        return _(FACTORS[key])
    return label(key).lower()


def _decimal(value: float, pattern: str) -> str:
    # A fixed number of decimals ("1.0", "+0.35"), with the locale's decimal sign.
    from babel.numbers import format_decimal

    return format_decimal(value, format=pattern, locale=locale_id())


def _ranks(values: np.ndarray) -> np.ndarray:
    """Ranks from 1, ties sharing their average rank (as pandas' and SciPy's "average")."""
    import numpy as np

    order = np.argsort(values, kind="mergesort")
    ordered = values[order]
    starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
    ends = np.r_[starts[1:], len(values)]
    ranks = np.empty(len(values))
    ranks[order] = np.repeat((starts + ends + 1) / 2, ends - starts)
    return ranks


def _spearman(x: pd.Series, y: pd.Series) -> tuple[float, int]:
    import numpy as np

    a, b = x.to_numpy(dtype=float), y.to_numpy(dtype=float)
    both = ~(np.isnan(a) | np.isnan(b))
    n = int(both.sum())
    if n < MIN_DAYS * 2:
        return float("nan"), n
    a, b = a[both], b[both]
    if np.all(a == a[0]) or np.all(b == b[0]):
        return float("nan"), n  # a constant says nothing
    return float(np.corrcoef(_ranks(a), _ranks(b))[0, 1]), n


@dataclass(frozen=True)
class Lag:
    factor: str
    outcome: str
    lag: int  # days after the factor
    days: int  # days with both values
    r: float  # Spearman's rank correlation, NaN when it cannot be told

    @property
    def shown(self) -> bool:
        return self.days >= MIN_DAYS * 2 and self.r == self.r

    def sentence(self) -> str:
        # Translators: {when} in the sentences below: when the outcome was looked at.
        if self.lag == 0:
            when = _("the same day")
        elif self.lag == 1:
            when = _("the next day")
        else:
            when = ngettext("{count} day later", "{count} days later", self.lag).format(
                count=self.lag
            )
        outcome = label(self.outcome)
        if not self.shown:
            # Translators: "Bloating the next day: not enough days yet (4)."
            message = _("{outcome} {when}: not enough days yet ({days}).")
            return message.format(outcome=outcome, when=when, days=self.days)
        strength = abs(self.r)
        # Translators: said inside a sentence, before its full stop.
        few = _(" (few days: this could be chance)") if self.days < FEW_DAYS * 2 else ""
        fields = {
            "outcome": outcome,
            "when": when,
            "factor": in_sentence(self.factor),
            "r": _decimal(self.r, "+0.00;-0.00"),
            "few": few,
        }
        # Translators: {r} is a rank correlation; {few} a remark or nothing.
        if strength < 0.1:
            message = ngettext(
                "{outcome} {when} showed no clear link with {factor} (r = {r}, {days} day){few}.",
                "{outcome} {when} showed no clear link with {factor} (r = {r}, {days} days){few}.",
                self.days,
            )
        elif strength < 0.3 and self.r > 0:
            message = ngettext(
                "{outcome} {when} was weakly higher after {factor} (r = {r}, {days} day){few}.",
                "{outcome} {when} was weakly higher after {factor} (r = {r}, {days} days){few}.",
                self.days,
            )
        elif strength < 0.3:
            message = ngettext(
                "{outcome} {when} was weakly lower after {factor} (r = {r}, {days} day){few}.",
                "{outcome} {when} was weakly lower after {factor} (r = {r}, {days} days){few}.",
                self.days,
            )
        elif self.r > 0:
            message = ngettext(
                "{outcome} {when} was clearly higher after {factor} (r = {r}, {days} day){few}.",
                "{outcome} {when} was clearly higher after {factor} (r = {r}, {days} days){few}.",
                self.days,
            )
        else:
            message = ngettext(
                "{outcome} {when} was clearly lower after {factor} (r = {r}, {days} day){few}.",
                "{outcome} {when} was clearly lower after {factor} (r = {r}, {days} days){few}.",
                self.days,
            )
        return message.format(days=self.days, **fields)


def lag_table(
    frame: pd.DataFrame,
    factors: Iterable[str],
    outcomes: Iterable[str] = GUT_KEYS,
    lags: Iterable[int] = GUT_LAGS,
) -> list[Lag]:
    """Each outcome ``lag`` days after each factor: its rank correlation and day count."""
    result = []
    outcomes = list(outcomes)
    for factor in factors:
        x = frame[factor]
        for outcome in outcomes:
            for lag in lags:
                # The outcome of day t + lag lined up with the factor of day t.
                r, n = _spearman(x, frame[outcome].shift(-lag))
                result.append(Lag(factor, outcome, lag, n, r))
    return result


def strongest_lag(lags: Iterable[Lag], factor: str, outcome: str) -> Lag | None:
    """The lag at which ``outcome`` went most strongly with ``factor``, if any is shown."""
    candidates = [g for g in lags if g.factor == factor and g.outcome == outcome and g.shown]
    return max(candidates, key=lambda g: abs(g.r), default=None)


@dataclass(frozen=True)
class Comparison:
    factor: str
    outcome: str
    days_with: int
    days_without: int
    mean_with: float
    mean_without: float

    @property
    def shown(self) -> bool:
        return self.days_with >= MIN_DAYS and self.days_without >= MIN_DAYS

    @property
    def few(self) -> bool:
        return min(self.days_with, self.days_without) < FEW_DAYS

    @property
    def better_with(self) -> bool | None:
        """Whether days with the factor were better for this outcome; None when equal."""
        if self.mean_with == self.mean_without:
            return None
        lower = self.mean_with < self.mean_without
        return lower if self.outcome in LOWER_IS_BETTER else not lower

    def sentence(self) -> str:
        if not self.shown:
            message = _(
                "{outcome} and {factor}: not shown until there are {least} days with and "
                "{least} without (now {days_with} and {days_without})."
            )
            return message.format(
                outcome=label(self.outcome),
                factor=in_sentence(self.factor),
                least=MIN_DAYS,
                days_with=self.days_with,
                days_without=self.days_without,
            )
        # Translators: "On days with alcohol, bloating averaged 1.5 (12 days), against 0.8
        # on days without (30 days)."; the day counts take the plural of {days_without}.
        message = ngettext(
            "On days with {factor}, {outcome} averaged {mean_with} ({days_with} days), "
            "against {mean_without} on days without ({days_without} day).",
            "On days with {factor}, {outcome} averaged {mean_with} ({days_with} days), "
            "against {mean_without} on days without ({days_without} days).",
            self.days_without,
        )
        text = message.format(
            factor=in_sentence(self.factor),
            outcome=in_sentence(self.outcome),
            mean_with=_decimal(self.mean_with, "0.0"),
            days_with=self.days_with,
            mean_without=_decimal(self.mean_without, "0.0"),
            days_without=self.days_without,
        )
        if self.few:
            # Translators: a sentence after another.
            return _("{sentence} Few days: this could be chance.").format(sentence=text)
        return text


def compare_days(
    frame: pd.DataFrame,
    factors: Iterable[str] = tuple(FACTORS),
    outcomes: Iterable[str] = (*LOWER_IS_BETTER, *HIGHER_IS_BETTER),
) -> list[Comparison]:
    """Each outcome's mean on days with and without each factor (same day)."""
    import numpy as np

    result = []
    outcomes = list(outcomes)
    # Plain arrays: the masks below run many times, and pandas' indexing would dominate.
    arrays = {key: frame[key].to_numpy(dtype=float) for key in outcomes}
    for factor in factors:
        if factor not in frame:
            continue
        flag = frame[factor].to_numpy(dtype=float)
        yes, no = flag > 0, flag == 0  # NaN (unknown) is neither
        for outcome in outcomes:
            values = arrays[outcome]
            known = ~np.isnan(values)
            with_, without = values[known & yes], values[known & no]
            result.append(
                Comparison(
                    factor,
                    outcome,
                    int(with_.size),
                    int(without.size),
                    float(with_.mean()) if with_.size else float("nan"),
                    float(without.mean()) if without.size else float("nan"),
                )
            )
    return result


def better_days(frame: pd.DataFrame, limit: int = 8) -> list[str]:
    """The "what goes with better days" summary: the largest shown differences, as
    sentences, small samples flagged, and the association note last."""
    shown = [c for c in compare_days(frame) if c.shown and c.better_with is not None]
    if not shown:
        message = _(
            "Nothing to compare yet: each factor needs at least {least} days with it and "
            "{least} without, in check-ins with the same fields filled in."
        )
        return [message.format(least=MIN_DAYS)]

    def size(c: Comparison) -> float:
        scale = FIELD_BY_KEY[c.outcome]
        span = (scale.high - scale.low) or 1.0
        return abs(c.mean_with - c.mean_without) / span

    chosen = sorted(shown, key=size, reverse=True)[:limit]
    return [c.sentence() for c in chosen] + [_(ASSOCIATION_NOTE)]


def summary_fields() -> tuple[str, ...]:
    """The fields a trend can be drawn for, in the check-in's order."""
    return tuple(f.key for f in FIELDS if f.numeric and f.kind != MULTI)


def scores_mapping(days: Iterable[Any]) -> dict[date, dict[str, float | None]]:
    """The plain mapping the analysis takes, from day scores with ``date``, ``planned``,
    ``score`` and ``parts`` (each with ``key`` and ``points``): unplanned days are left out."""
    out: dict[date, dict[str, float | None]] = {}
    for day in days:
        if not day.planned:
            continue
        row: dict[str, float | None] = {"score": day.score}
        row.update({part.key: float(part.points) for part in day.parts})
        out[day.date] = row
    return out
