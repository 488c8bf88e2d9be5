"""Ingredient lines as people write them, parsed into amount, unit and food text.

"2 cloves garlic, minced" -> 2, "clove", "garlic"; "1 ½ cups cooked lentils" -> 1.5, "cup",
"cooked lentils"; "200 g Greek yogurt" -> 200, "g", "Greek yogurt". A line with no amount
("salt to taste") has amount None. What follows a comma or sits in brackets is preparation
("minced", "(about 3 oz)") and kept as ``detail``, not matched.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Unicode vulgar fractions, read with unicodedata.numeric.
_FRACTIONS = "½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞"

# Units people write, by the name used here. Mass units convert directly; volume units
# convert through the food's own measures when it has them.
UNIT_WORDS: dict[str, tuple[str, ...]] = {
    "g": ("g", "gr", "gram", "grams", "gramme", "grammes"),
    "kg": ("kg", "kilo", "kilos", "kilogram", "kilograms"),
    "oz": ("oz", "ounce", "ounces"),
    "lb": ("lb", "lbs", "pound", "pounds"),
    "ml": ("ml", "milliliter", "milliliters", "millilitre", "millilitres"),
    "l": ("l", "liter", "liters", "litre", "litres"),
    "fl oz": ("fl oz", "fl. oz", "fluid ounce", "fluid ounces"),
    "cup": ("cup", "cups", "c"),
    "tbsp": ("tbsp", "tbs", "tbl", "tablespoon", "tablespoons", "T"),
    "tsp": ("tsp", "teaspoon", "teaspoons", "t"),
    "pinch": ("pinch", "pinches"),
    "clove": ("clove", "cloves"),
    "slice": ("slice", "slices"),
    "can": ("can", "cans", "tin", "tins"),
    "bunch": ("bunch", "bunches"),
    "handful": ("handful", "handfuls"),
    "piece": ("piece", "pieces", "pc", "pcs"),
    "stalk": ("stalk", "stalks"),
    "leaf": ("leaf", "leaves"),
    "large": ("large",),
    "medium": ("medium",),
    "small": ("small",),
}
_UNIT_OF: dict[str, str] = {}
for _name, _words in UNIT_WORDS.items():
    for _word in _words:
        # "T" is a tablespoon and "t" a teaspoon only in that case; other words any case
        _UNIT_OF[_word if _word in ("T", "t") else _word.casefold()] = _name

_NUMBER = r"(?:\d+(?:[.,]\d+)?(?:\s*/\s*\d+)?|[" + _FRACTIONS + r"])"
_AMOUNT = re.compile(
    r"^\s*(?P<a>" + _NUMBER + r"(?:\s*[" + _FRACTIONS + r"]|\s+\d+\s*/\s*\d+)?)"
    r"(?:\s*(?:-|–|to)\s*(?P<b>" + _NUMBER + r"))?\s*"
)
_UNIT = re.compile(
    r"^(?P<u>fl\.?\s*oz|fluid ounces?|[A-Za-z]+)\.?(?=\s|$|\)|,)\s*(?:of\s+)?", re.IGNORECASE
)
_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")


@dataclass(frozen=True, slots=True)
class ParsedLine:
    text: str  # the line as written
    amount: float | None
    unit: str | None  # a key of UNIT_WORDS, or None (a count of the food itself)
    food: str  # what to match against the catalog
    detail: str = ""  # preparation: "minced", "about 3 oz"


def _number(text: str) -> float:
    text = text.strip().replace(",", ".")
    total = 0.0
    for part in text.split():
        if "/" in part:
            num, _, den = part.partition("/")
            total += float(num) / float(den) if float(den) else 0.0
        elif len(part) == 1 and part in _FRACTIONS:
            total += unicodedata.numeric(part)
        elif part[-1] in _FRACTIONS:
            total += float(part[:-1]) + unicodedata.numeric(part[-1])
        else:
            total += float(part)
    return total


def _spaced(text: str) -> str:
    """'1½' -> '1 ½' and '1 1 / 2' -> '1 1/2', so that amounts split into parts."""
    text = re.sub(r"(\d)([" + _FRACTIONS + r"])", r"\1 \2", text)
    return re.sub(r"(\d)\s*/\s*(\d)", r"\1/\2", text)


def parse_line(line: str) -> ParsedLine:
    text = " ".join(line.split())
    rest = _spaced(text)
    amount: float | None = None
    match = _AMOUNT.match(rest)
    if match:
        try:
            first = _number(match["a"])
            amount = (first + _number(match["b"])) / 2 if match["b"] else first
        except (ValueError, ZeroDivisionError):
            amount = None
        if amount is not None and amount > 0:
            rest = rest[match.end() :]
        else:
            amount = None
    article = re.match(r"^(?:a|an|one)\s+", rest, re.IGNORECASE)
    if amount is None and article:  # "a pinch of salt": one of the unit, if one follows
        after = rest[article.end() :]
        next_word = _UNIT.match(after)
        if next_word and _UNIT_OF.get(next_word["u"].casefold()) and len(next_word["u"]) > 1:
            amount, rest = 1.0, after
    # "200g" has no space between amount and unit; the amount pattern leaves "g ..."
    unit: str | None = None
    details = [part.strip("() []") for part in _BRACKETS.findall(rest)]
    rest = _BRACKETS.sub(" ", rest).strip()
    unit_match = _UNIT.match(rest)
    if unit_match:
        word = unit_match["u"]
        key = word if word in ("T", "t") else " ".join(word.casefold().replace(".", "").split())
        key = "fl oz" if key.startswith("fl") or key.startswith("fluid") else key
        found = _UNIT_OF.get(key)
        # a single letter is a unit only right after an amount ("2 t", not "t-bone")
        if found and (len(word) > 1 or amount is not None):
            unit = found
            rest = rest[unit_match.end() :]
    food, _, after = rest.partition(",")
    if after.strip():
        details.insert(0, after.strip())
    food = re.sub(r"^(?:of|x)\s+", "", food.strip(), flags=re.IGNORECASE)
    return ParsedLine(text, amount, unit, food.strip(" .;:-"), "; ".join(d for d in details if d))
