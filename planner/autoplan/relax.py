"""Constraints that give way when they cannot all hold, in a stated order, and the
sentences that say which gave way and by how much.

Every relaxable constraint carries a slack variable in the program, priced so that the
solver gives up the first of this list before the second, and so on: a plant short costs
more than any score a day could gain, a live-culture day more than all the plants, and
so on up to the energy range, which gives way last (and only when the locked meals, the
avoided foods or the portions leave no other way). Hard rules never give way: avoided tags
and disliked foods, locked meals, meal fit, one food at most once a day, the limit-food
allowance and at most N of the same food a week.
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.core.foods import TAG_WORDS
from planner.i18n import N_, _, locale_id, ngettext

# (key, penalty per unit of slack, unit). Penalties are in score points of the program's
# objective (a week is at most 700 points): each step costs more than everything before.
ORDER: tuple[tuple[str, float, str], ...] = (
    ("plants", 200.0, "plant"),  # the week's different plants
    ("live_days", 2000.0, "day"),  # days with a live-culture food
    ("dishes", 10000.0, "dish"),  # dishes per meal (and a meal's centre dish)
    ("energy", 100.0, "kcal"),  # energy per day: 100 kcal outside costs as much as a dish
)
PENALTY = {key: penalty for key, penalty, _unit in ORDER}


# What gave way, with and without what was avoided; {context} is avoid_context's text.
_SENTENCES: dict[str, tuple[str, str]] = {
    "plants": (
        N_("{got} different plants were possible this week, not {asked}."),
        N_("With {context}, {got} different plants were possible this week, not {asked}."),
    ),
    "live_days": (
        N_("A live-culture food fitted on {got} days, not {asked}."),
        N_("With {context}, a live-culture food fitted on {got} days, not {asked}."),
    ),
    # Translators: {detail} lists meals ("lunch on day 2, dinner on day 3").
    "dishes": (
        N_("{detail} got fewer dishes than asked."),
        N_("With {context}, {detail} got fewer dishes than asked."),
    ),
    # Translators: {detail} lists days ("day 2 (1650 kcal), day 5 (1700 kcal)").
    "energy": (
        N_("{detail} could not stay in the energy range."),
        N_("With {context}, {detail} could not stay in the energy range."),
    ),
}


@dataclass(frozen=True)
class Relaxed:
    """One constraint that gave way: what was asked and what was possible."""

    key: str
    asked: float
    got: float
    sentence: str


def describe(key: str, asked: float, got: float, context: str = "", detail: str = "") -> Relaxed:
    """The sentence for a constraint that gave way, e.g. "with dairy and nuts avoided,
    27 plants were possible, not 30"."""
    if not detail:
        detail = _("some meals") if key == "dishes" else _("some days")
    plain, with_context = _SENTENCES[key if key in _SENTENCES else "energy"]
    text = _(with_context if context else plain).format(
        context=context, got=f"{got:.0f}", asked=f"{asked:.0f}", detail=detail
    )
    # A sentence that starts with a detail ("some meals ...") starts with a capital.
    return Relaxed(key, asked, got, text[:1].upper() + text[1:])


def avoid_context(avoid_tags: frozenset[str] | set[str], disliked: int = 0) -> str:
    """ "dairy and nuts avoided" for the sentences, or "" when nothing is avoided."""
    tags = sorted(_(TAG_WORDS[tag]) if tag in TAG_WORDS else tag for tag in avoid_tags)
    bits = []
    if tags:
        from babel.lists import format_list  # "a, b and c" as the language joins a list

        # Translators: {tags} lists kinds of food ("dairy and nuts").
        bits.append(_("{tags} avoided").format(tags=format_list(tags, locale=locale_id())))
    if disliked:
        message = ngettext(
            "{count} disliked food left out", "{count} disliked foods left out", disliked
        )
        bits.append(message.format(count=disliked))
    return "; ".join(bits)
