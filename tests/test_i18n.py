"""The one way to translate (planner/i18n.py) and the catalogue tools (tools/i18n.py)."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner import i18n
from tools import i18n as build


@pytest.fixture(autouse=True)
def _english_afterwards():
    yield
    i18n.set_language("en")


@pytest.mark.parametrize(
    ("text", "parsed"),
    [
        ("de_DE.UTF-8", ("de", "DE")),
        ("de-AT", ("de", "AT")),
        ("fr", ("fr", None)),
        ("es_419.UTF-8", ("es", "419")),
        ("pt_BR:en_US", ("pt", "BR")),
        ("C", None),
        ("C.UTF-8", None),
        ("POSIX", None),
        ("", None),
        (None, None),
        ("1234", None),
    ],
)
def test_locale_text_is_read(text: str | None, parsed: tuple[str, str | None] | None) -> None:
    assert i18n.parse_locale(text) == parsed


def test_the_system_language_follows_posix_order() -> None:
    env = {"LANG": "fr_FR.UTF-8", "LC_MESSAGES": "es_ES.UTF-8", "LC_ALL": "de_DE.UTF-8"}
    assert i18n.system_locale(env) == ("de", "DE")
    del env["LC_ALL"]
    assert i18n.system_locale(env) == ("es", "ES")
    del env["LC_MESSAGES"]
    assert i18n.system_locale(env) == ("fr", "FR")
    assert i18n.system_locale({"LANG": "C.UTF-8"}) == ("en", None)
    assert i18n.system_locale({}) == ("en", None)
    # No catalogue for Portuguese: English text, Brazilian formats.
    assert i18n.system_locale({"LANG": "pt_BR.UTF-8"}) == ("en", "BR")


def test_a_language_without_a_catalogue_is_refused_by_name() -> None:
    with pytest.raises(ValueError, match=r"no language 'pt'.*de \(Deutsch\)"):
        i18n.choose("pt")
    assert i18n.choose("de_AT") == ("de", "AT")
    assert i18n.choose(None, {"LANG": "es_MX.UTF-8"}) == ("es", "MX")


_WORDS = st.text(alphabet=st.characters(whitelist_categories=("L", "Zs")), max_size=12)
_HOLES = st.sampled_from(["{name}", "{count:g}", "%s", "%(day)d", "%.1f", "<b>", "&amp;", "&File"])


@given(st.lists(st.one_of(_WORDS, _HOLES), max_size=8))
def test_pseudo_keeps_every_placeholder(parts: list[str]) -> None:
    message = " ".join(parts)
    out = i18n.pseudo(message)
    assert out.startswith("[") and out.endswith("]")
    assert build.PLACEHOLDER.findall(out) == build.PLACEHOLDER.findall(message)
    for tag in ("<b>", "&amp;", "&F"):
        assert out.count(tag) >= message.count(tag)


def test_the_pseudo_language_marks_every_message() -> None:
    i18n.set_language(i18n.PSEUDO)
    assert i18n._("Score") == "[Ŝçöŕé]"
    assert i18n.ngettext("{n} serving", "{n} servings", 1) == "[{n} šéŕvîñĝ]"
    assert i18n.ngettext("{n} serving", "{n} servings", 1.5).endswith("šéŕvîñĝš]")
    assert i18n.pgettext("meal", "Lunch") == "[Ĺûñçh]"
    assert i18n.N_("Score") == "Score"  # marked only: translated where shown


def _compiled(tmp_path: Path, lang: str, entries: dict[object, object]) -> Path:
    from babel.messages.catalog import Catalog
    from babel.messages.mofile import write_mo

    catalog = Catalog(locale=lang)
    for key, value in entries.items():
        context = None
        if isinstance(key, tuple) and len(key) == 3:
            context, key = key[0], key[1]
        catalog.add(key, value, context=context)
    path = tmp_path / f"{lang}.mo"
    with path.open("wb") as handle:
        write_mo(handle, catalog)
    return path


def test_a_compiled_catalogue_is_spoken(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _compiled(
        tmp_path,
        "de",
        {
            "Score": "Bewertung",
            ("{n} serving", "{n} servings"): ("{n} Portion", "{n} Portionen"),
            ("month", "May", None): "Mai",
        },
    )
    monkeypatch.setattr(i18n, "catalogue_path", lambda lang: path)
    assert i18n.set_language("de") == "de"
    assert i18n._("Score") == "Bewertung"
    assert i18n._("Not translated") == "Not translated"
    assert i18n.ngettext("{n} serving", "{n} servings", 1) == "{n} Portion"
    assert i18n.ngettext("{n} serving", "{n} servings", 3) == "{n} Portionen"
    assert i18n.pgettext("month", "May") == "Mai"
    i18n.set_language("en")
    assert i18n._("Score") == "Score"


def test_a_damaged_catalogue_falls_back_to_english(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = tmp_path / "de.mo"
    bad.write_bytes(b"\x00" * 40)
    monkeypatch.setattr(i18n, "catalogue_path", lambda lang: bad)
    assert i18n.set_language("de") == "de"
    assert i18n._("Score") == "Score"
    monkeypatch.setattr(i18n, "catalogue_path", lambda lang: tmp_path / "missing.mo")
    i18n.set_language("fr")
    assert i18n._("Score") == "Score"


@pytest.mark.parametrize(
    ("choice", "number", "day", "first", "us"),
    [
        ("en", "1,234.5", "Dec 1, 2026", 6, True),  # en is en_US
        ("en_GB", "1,234.5", "1 Dec 2026", 0, False),
        ("de", "1.234,5", "01.12.2026", 0, False),
        ("fr", "1\u202f234,5", "1 déc. 2026", 0, False),
        ("es", "1.234,5", "1 dic 2026", 0, False),
    ],
)
def test_local_formats(choice: str, number: str, day: str, first: int, us: bool) -> None:
    i18n.set_language(choice)
    assert i18n.format_number(1234.5) == number
    assert i18n.format_number(29.0) == "29"
    assert i18n.format_day(date(2026, 12, 1)) == day
    assert i18n.first_weekday() == first
    assert i18n.uses_us_units() is us


def test_extraction_finds_every_kind_of_mark(tmp_path: Path) -> None:
    (tmp_path / "planner").mkdir()
    (tmp_path / "ui").mkdir()
    (tmp_path / "planner" / "a.py").write_text(
        "from planner.i18n import _, N_, ngettext, pgettext\n"
        "_('Score')\n"
        "N_('Breakfast')\n"
        "ngettext('{n} serving', '{n} servings', 2)\n"
        "pgettext('month', 'May')\n"
        "print('not marked')\n",
        encoding="utf-8",
    )
    (tmp_path / "ui" / "b.py").write_text("_('&File')\n", encoding="utf-8")
    catalog = build.extract(tmp_path)
    ids = {(m.context, m.id) for m in catalog if m.id}  # type: ignore[attr-defined]
    assert ids == {
        (None, "Score"),
        (None, "Breakfast"),
        (None, ("{n} serving", "{n} servings")),
        ("month", "May"),
        (None, "&File"),
    }


def test_the_check_names_each_kind_of_problem() -> None:
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po, write_po

    catalog = Catalog(locale="de")
    catalog.add("Score {name}", "Bewertung {nme}")
    catalog.add("Day", "")
    catalog.add(("{n} serving", "{n} servings"), ("eine Portion", "{n} Portionen"))
    catalog.add(("{n} day", "{n} days"), ("{n} Tag",))
    catalog.add("Week", "Woche", flags=("fuzzy",))
    catalog.add("Fine", "Gut")
    buffer = io.BytesIO()
    write_po(buffer, catalog)
    buffer.seek(0)
    found = build.problems(read_po(buffer, locale="de"), ["Score {name}", "Missing one"])
    text = "\n".join(found)
    assert "placeholders: 'Score {name}'" in text
    assert "untranslated: 'Day'" in text
    assert "missing: 'Missing one'" in text
    assert "fuzzy: 'Week'" in text
    assert "'{n} day'" in text  # one form given where German has two
    assert "'{n} serving'" not in text  # the singular may spell its count out
    assert "'Fine'" not in text


def test_the_shipped_data_gives_its_words_with_their_contexts() -> None:
    import json

    found = build.data_messages()
    contexts = {context for context, _, _ in found}
    assert contexts == set(build.DATA_CONTEXTS)
    catalog = json.loads((build.ROOT / "resources" / "catalog.json").read_text("utf-8"))
    names = {message for context, message, _ in found if context == "food"}
    assert names == {food["name"] for food in catalog["foods"]}
    assert ("recipe", "Overnight oats with kefir and berries") in {(c, m) for c, m, _ in found}


@pytest.mark.parametrize("lang", ["en", "de", "es", "fr"])
@given(
    value=st.one_of(
        st.floats(min_value=-1e9, max_value=1e9, allow_nan=False),
        st.decimals(min_value=-5000, max_value=5000, places=3).map(float),
        st.integers(min_value=-(10**12), max_value=10**12).map(float),
        st.integers(min_value=-(10**12), max_value=10**12),  # counts come as ints
    ),
    decimals=st.integers(min_value=0, max_value=3),
)
def test_numbers_written_without_babel_read_as_babel_writes_them(
    lang: str, value: float, decimals: int
) -> None:
    """The catalogued languages format numbers from a table of CLDR's symbols (the window
    paints without loading Babel's data): the same text Babel gives, "-0" aside."""
    from babel.numbers import format_decimal

    i18n.set_language(lang, environ={})
    pattern = "#,##0" + ("." + "#" * decimals if decimals else "")
    want = format_decimal(value, format=pattern, locale=i18n.locale_id())
    assert i18n.format_number(value, decimals) == ("0" if want == "-0" else want)


def test_a_territory_without_symbols_of_its_own_asks_babel() -> None:
    i18n.set_language("de_CH")
    assert i18n.format_number(1234.5) == "1'234.5"  # Swiss German: apostrophe and point


def test_every_territory_of_every_language_gives_formats_babel_knows():
    """A system language with any territory (LANG=pt_BR.UTF-8 speaks English with Brazil's
    week) formats numbers and dates: a pair CLDR has no locale for ("en_BR") uses the
    language's own formats, and the territory's first day of the week and units. Every
    command failed under such a system ("unknown locale 'en_BR'")."""
    from babel import localedata
    from babel.core import get_global

    territories = sorted(t for t in get_global("territory_languages") if t.isalpha())
    assert len(territories) > 200
    try:
        for lang in i18n.LANGUAGES:
            for territory in territories:
                i18n.set_language(None, environ={"LANG": f"{lang}_{territory}.UTF-8"})
                assert localedata.exists(i18n.locale_id()), (lang, territory)
                assert i18n.format_number(1234.5)
                assert i18n.format_day(date(2026, 12, 1))
                assert 0 <= i18n.first_weekday() <= 6
        i18n.set_language(None, environ={"LANG": "pt_BR.UTF-8"})
        assert (i18n.language(), i18n.first_weekday(), i18n.uses_us_units()) == ("en", 6, False)
        i18n.set_language(None, environ={"LANG": "zh_CN.UTF-8"})
        assert i18n.first_weekday() == 0  # Monday in China, though formats are en_US's
    finally:
        i18n.set_language("en", environ={})
