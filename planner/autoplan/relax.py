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

# (key, penalty per unit of slack, unit). Penalties are in score points of the program's
# objective (a week is at most 700 points): each step costs more than everything before.
ORDER: tuple[tuple[str, float, str], ...] = (
    ("plants", 200.0, "plant"),  # the week's different plants
    ("live_days", 2000.0, "day"),  # days with a live-culture food
    ("dishes", 10000.0, "dish"),  # dishes per meal (and a meal's centre dish)
    ("energy", 100.0, "kcal"),  # energy per day: 100 kcal outside costs as much as a dish
)
PENALTY = {key: penalty for key, penalty, _unit in ORDER}


TAG_WORDS = {"animal": "animal foods"}


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
    lead = f"with {context}, " if context else ""
    if key == "plants":
        text = f"{lead}{got:.0f} different plants were possible this week, not {asked:.0f}"
    elif key == "live_days":
        text = f"{lead}a live-culture food fitted on {got:.0f} days, not {asked:.0f}"
    elif key == "dishes":
        text = f"{lead}{detail or 'some meals'} got fewer dishes than asked"
    else:
        text = f"{lead}{detail or 'some days'} could not stay in the energy range"
    return Relaxed(key, asked, got, text[0].upper() + text[1:] + ".")


def avoid_context(avoid_tags: frozenset[str] | set[str], disliked: int = 0) -> str:
    """ "dairy and nuts avoided" for the sentences, or "" when nothing is avoided."""
    tags = sorted(TAG_WORDS.get(tag, tag) for tag in avoid_tags)
    bits = []
    if tags:
        joined = tags[0] if len(tags) == 1 else ", ".join(tags[:-1]) + " and " + tags[-1]
        bits.append(f"{joined} avoided")
    if disliked:
        bits.append(f"{disliked} disliked food{'s' if disliked != 1 else ''} left out")
    return "; ".join(bits)
