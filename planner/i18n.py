"""The project's one way to speak the user's language: messages and local formats.

Messages are marked in the source with ``_()`` (``ngettext()`` for counts, ``pgettext()``
where one English word has two meanings, ``N_()`` for constants translated where they
are shown). ``python -m tools.i18n`` extracts them with Babel into
resources/locale/gutskin.pot and compiles each language's catalogue to
resources/locale/<lang>/LC_MESSAGES/gutskin.mo, which the standard library's gettext
reads here: Babel is needed to build the catalogues, not to read them.

Local formats (numbers, dates, the first day of the week, metric or US units) come from
Babel's copy of the Unicode CLDR, imported on first use only, so that neither the
start of the app nor an English command line pays for it.

The language is process-wide: the app and the command line set it once, at start, from
the user's choice or the system (``LC_ALL``, ``LC_MESSAGES``, ``LANG``, ``LANGUAGE``).
"""

from __future__ import annotations

import functools
import gettext
import math
import os
import re
import struct
from collections.abc import Mapping
from datetime import date
from importlib import resources
from importlib.resources.abc import Traversable

DOMAIN = "gutskin"
SOURCE_LANGUAGE = "en"
# The languages with a catalogue, by their own names (how a language menu shows them).
LANGUAGES: dict[str, str] = {
    "en": "English",
    "de": "Deutsch",
    "es": "Español",
    "fr": "Français",
}
# A generated language for tests: every marked message comes out accented and bracketed
# ("[Ŝçöŕé]" for "Score"), so that text left unmarked stands out on screen and on paper.
PSEUDO = "x-pseudo"
# CLDR's likely territories of the languages with a catalogue (its likely subtags).
LIKELY_TERRITORIES: dict[str, str] = {"en": "US", "de": "DE", "es": "ES", "fr": "FR"}
# Their decimal sign and thousands separator (CLDR's latn symbols), so that the numbers
# of the window's first paint need not load Babel's locale data: 30 ms or more.
NUMBER_SYMBOLS: dict[str, tuple[str, str]] = {
    "en_US": (".", ","),
    "de_DE": (",", "."),
    "es_ES": (",", "."),
    "fr_FR": (",", "\u202f"),
}
# And the first day of their week (CLDR's weekData): Sunday in the US, else Monday.
FIRST_WEEKDAYS: dict[str, int] = {"en_US": 6, "de_DE": 0, "es_ES": 0, "fr_FR": 0}
# Territories that use US customary units (CLDR's measurementData).
US_UNIT_TERRITORIES = frozenset({"US", "LR", "MM"})

_ENV_ORDER = ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")
_LOCALE_TEXT = re.compile(r"^([a-zA-Z]{2,3})(?:[_-]([a-zA-Z]{2}|\d{3}))?")


class _State:
    translations: gettext.NullTranslations = gettext.NullTranslations()
    language: str = SOURCE_LANGUAGE
    territory: str | None = None


def _(message: str) -> str:
    """``message`` in the current language."""
    return _State.translations.gettext(message)


def ngettext(singular: str, plural: str, count: int | float) -> str:
    """The form of a message for ``count`` ("1 serving", "2 servings"); languages with
    several plural forms choose by their own rule."""
    return _State.translations.ngettext(singular, plural, _plural_count(count))


def pgettext(context: str, message: str) -> str:
    """``message`` in the current language, told apart from the same English words in
    another ``context``."""
    return _State.translations.pgettext(context, message)


def N_(message: str) -> str:
    """Marks a constant for translation where it is shown; returns it unchanged."""
    return message


def _plural_count(count: int | float) -> int:
    # gettext's plural rules take integers; 1.5 servings read as "servings" everywhere.
    if isinstance(count, float) and not count.is_integer():
        return 2
    return int(count)


def language() -> str:
    """The language messages are in now ("en", "de", ... or PSEUDO)."""
    return _State.language


def locale_id() -> str:
    """The locale that formats follow, as Babel names it ("de_DE", "en_US"): a language
    chosen without a territory takes its likeliest one (CLDR's likely subtags: "en" is
    en_US, "fr" is fr_FR), so that its week starts on the day its speakers expect."""
    lang = SOURCE_LANGUAGE if _State.language == PSEUDO else _State.language
    if _State.territory:
        wanted = f"{lang}_{_State.territory}"
        # CLDR has no locale for every pair ("en_BR": English as a Brazilian system asks
        # for it): then the language's own formats, the territory kept for the week's
        # first day and the units (first_weekday, uses_us_units).
        if wanted in NUMBER_SYMBOLS or _babel_knows(wanted):
            return wanted
    if lang in LIKELY_TERRITORIES:  # the languages with a catalogue: no Babel at start
        return f"{lang}_{LIKELY_TERRITORIES[lang]}"
    from babel.core import get_global

    likely = str(get_global("likely_subtags").get(lang, ""))
    territory = likely.split("_")[-1] if likely.count("_") else ""
    return f"{lang}_{territory}" if territory.isupper() else lang


@functools.lru_cache(maxsize=16)
def _babel_knows(name: str) -> bool:
    from babel import localedata

    return bool(localedata.exists(name))


def parse_locale(text: str | None) -> tuple[str, str | None] | None:
    """("de", "DE") from "de_DE.UTF-8", "de-DE" or "de"; None for "", "C" or "POSIX"."""
    if not text:
        return None
    text = text.split(":")[0].strip()  # LANGUAGE may list several
    if text in ("C", "POSIX") or text.startswith(("C.", "POSIX.")):
        return None
    match = _LOCALE_TEXT.match(text)
    if not match:
        return None
    lang, territory = match.group(1).lower(), match.group(2)
    return lang, territory.upper() if territory else None


def system_locale(environ: Mapping[str, str] | None = None) -> tuple[str, str | None]:
    """The system's language and territory, as POSIX orders its variables; English
    where none is set or the language has no catalogue (the territory is kept for
    formats: an English text with German dates is what a de_DE user without a German
    catalogue would expect)."""
    env = os.environ if environ is None else environ
    for name in _ENV_ORDER:
        parsed = parse_locale(env.get(name))
        if parsed is None:
            continue
        lang, territory = parsed
        if lang in LANGUAGES:
            return lang, territory
        return SOURCE_LANGUAGE, territory
    return SOURCE_LANGUAGE, None


def choose(choice: str | None, environ: Mapping[str, str] | None = None) -> tuple[str, str | None]:
    """The language and territory for a user's ``choice`` (a LANGUAGES key, a locale
    such as "de_AT", PSEUDO, or None/"" for the system's). Raises ValueError with a
    sentence naming the languages for a choice without a catalogue."""
    if not choice:
        return system_locale(environ)
    if choice == PSEUDO:
        return PSEUDO, None
    parsed = parse_locale(choice)
    if parsed is None or parsed[0] not in LANGUAGES:
        names = ", ".join(f"{code} ({name})" for code, name in LANGUAGES.items())
        raise ValueError(f"There is no language {choice!r}; the languages are {names}.")
    # "de" chosen on an en_US system: German text and German formats (no territory: the
    # language's likeliest, as CLDR gives it).
    return parsed


def set_language(choice: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """Speak the chosen language from now on (see ``choose``); returns it."""
    lang, territory = choose(choice, environ)
    _State.translations = _translations(lang)
    _State.language = lang
    _State.territory = territory
    return lang


def catalogue_path(lang: str) -> Traversable:
    """Where a language's compiled catalogue is shipped."""
    return resources.files("resources").joinpath("locale", lang, "LC_MESSAGES", f"{DOMAIN}.mo")


def _translations(lang: str) -> gettext.NullTranslations:
    if lang == PSEUDO:
        return PseudoTranslations()
    if lang == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    path = catalogue_path(lang)
    try:
        with path.open("rb") as handle:
            return gettext.GNUTranslations(handle)
    except (OSError, ValueError, LookupError, struct.error):
        # A catalogue missing or damaged: English, not a crash.
        return gettext.NullTranslations()


# -- the pseudo-language -----------------------------------------------------------------

_ACCENTED = str.maketrans(
    "ACEGIKLNOSUYZaceginlnorsuyz",
    "ÅÇÉĜÎĶĹÑÖŜÛÝŽåçéĝîñļñöŕšûýž",
)
# What must come through a translation unchanged: format fields, %-placeholders, markup
# tags and entities, and the "&" of a menu mnemonic with its letter.
_KEEP = re.compile(r"\{[^{}]*\}|%(?:\([^)]*\))?[-#0+]*\d*(?:\.\d+)?[sdifgxr%]|<[^<>]*>|&\w+;|&.")


def pseudo(message: str) -> str:
    """``message`` accented and bracketed, its placeholders and markup unchanged."""
    out, last = [], 0
    for match in _KEEP.finditer(message):
        out.append(message[last : match.start()].translate(_ACCENTED))
        out.append(match.group())
        last = match.end()
    out.append(message[last:].translate(_ACCENTED))
    return "[" + "".join(out) + "]"


class PseudoTranslations(gettext.NullTranslations):
    def gettext(self, message: str) -> str:
        return pseudo(message) if message else message

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return pseudo(msgid1 if n == 1 else msgid2)

    def pgettext(self, context: str, message: str) -> str:
        return self.gettext(message)

    def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:
        return self.ngettext(msgid1, msgid2, n)


# -- local formats (Babel, imported on first use) -----------------------------------------


def format_number(value: float, max_decimals: int = 1) -> str:
    """A number as the locale writes it, with at most ``max_decimals`` decimals and no
    trailing zeros: 29.5 is "29.5" in English and "29,5" in German."""
    symbols = NUMBER_SYMBOLS.get(locale_id())
    if symbols is not None and math.isfinite(value):
        decimal_sign, group = symbols
        if float(value).is_integer():  # nothing to round (the first paint's "0 kcal" is one)
            text = f"{int(value):,}"
        else:
            from decimal import ROUND_HALF_EVEN, Decimal  # off the path to the first paint

            # Rounded as Babel rounds: the number as written, half to even ("0.15" -> "0.2").
            places = max(max_decimals, 0)
            exact = Decimal(str(value)).quantize(Decimal(1).scaleb(-places), ROUND_HALF_EVEN)
            text = f"{exact:,.{places}f}"
            if "." in text:
                text = text.rstrip("0").rstrip(".")
            if text == "-0":
                text = "0"
        return text.translate({ord(","): group, ord("."): decimal_sign})
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + "#" * max_decimals if max_decimals > 0 else "")
    return format_decimal(value, format=pattern, locale=locale_id())


def format_day(day: date, width: str = "medium") -> str:
    """A date as the locale writes it ("Dec 1, 2026", "01.12.2026"); ``width`` is
    Babel's: short, medium, long or full."""
    from babel.dates import format_date

    return format_date(day, format=width, locale=locale_id())


def weekday_name(day: date, width: str = "wide") -> str:
    """The weekday of ``day`` in the current language ("Tuesday", "Dienstag")."""
    from babel.dates import format_date

    pattern = {"wide": "EEEE", "abbreviated": "EEE", "narrow": "EEEEE"}[width]
    return format_date(day, format=pattern, locale=locale_id())


def first_weekday() -> int:
    """The first day of the week where the user lives: 0 for Monday ... 6 for Sunday."""
    name, territory = locale_id(), _State.territory
    if territory and not name.endswith(f"_{territory}"):
        name = f"und_{territory}"  # no locale of the pair: its territory's likeliest one
    if name in FIRST_WEEKDAYS:
        return FIRST_WEEKDAYS[name]
    from babel import Locale, UnknownLocaleError

    try:
        return int(Locale.parse(name).first_week_day)
    except (UnknownLocaleError, ValueError):
        return 0


def uses_us_units() -> bool:
    """Whether amounts read best in US units (ounces, cups) where the user lives."""
    territory = _State.territory or locale_id().rpartition("_")[2]
    return territory in US_UNIT_TERRITORIES
