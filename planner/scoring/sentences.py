"""The day's sentences: each part's line, the limit foods' doses, why the score is what it
is, and the numbers in them as the user's locale writes them. Split from
planner.scoring.model, which holds the rules and the result types."""

from __future__ import annotations

from typing import TYPE_CHECKING

from planner.i18n import N_, PSEUDO, SOURCE_LANGUAGE, _, format_number, language

if TYPE_CHECKING:
    from planner.scoring.results import PartScore

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


def fiber_sentence(
    grams: float, target: float, unknown: tuple[str, ...], floor: float = 0.0
) -> str:
    fields = _amount_text(grams, target)
    if grams < target and floor > 0:  # why 9 g earns nothing: the part starts at its floor
        # Translators: the fiber part earns points from {floor} g a day up to its target.
        text = _("Fiber {amount} of {target} g, counted from {floor} g").format(
            floor=number(floor), **fields
        )
    else:
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
