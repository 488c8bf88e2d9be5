"""Build the message catalogues with Babel (a development tool; the app reads the
compiled .mo files with the standard library's gettext).

    python -m tools.i18n extract   marked messages of planner/, ui/ -> resources/locale/gutskin.pot
    python -m tools.i18n update    merge the template into each language's gutskin.po
    python -m tools.i18n compile   each gutskin.po -> gutskin.mo beside it
    python -m tools.i18n check     every catalogue complete, its placeholders matching

Messages are marked as planner/i18n.py says: _(), ngettext(), pgettext(), N_().
"""

from __future__ import annotations

import argparse
import io
import re
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog

ROOT = Path(__file__).resolve().parents[1]
LOCALE_DIR = ROOT / "resources" / "locale"
TEMPLATE = LOCALE_DIR / "gutskin.pot"
SOURCES = ("planner", "ui")
KEYWORDS = {
    "_": None,
    "N_": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
}
# What a translation must keep from its source: format fields and %-placeholders.
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d+)?[sdifgxr]")


def languages() -> list[str]:
    from planner.i18n import LANGUAGES, SOURCE_LANGUAGE

    return [code for code in LANGUAGES if code != SOURCE_LANGUAGE]


def po_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / "gutskin.po"


def extract(root: Path = ROOT) -> Catalog:
    """The template catalogue of every marked message under planner/ and ui/."""
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_dir

    catalog = Catalog(
        project="Gut-Skin Planner", copyright_holder="the Gut-Skin Planner authors", charset="utf-8"
    )
    for source in SOURCES:
        for filename, lineno, message, comments, context in extract_from_dir(
            root / source,
            method_map=[("**.py", "python")],
            keywords=KEYWORDS,
            comment_tags=("Translators:",),
        ):
            catalog.add(
                message,
                locations=[(f"{source}/{filename}", lineno)],
                auto_comments=comments,
                context=context,
            )
    return catalog


# Data the app ships whose words are translated, each with its context: the curated foods'
# names and serving sizes (SR28's foods keep the USDA's names), the starter recipes'
# names, methods and tags.
DATA_CONTEXTS = ("food", "serving", "recipe", "method", "tag")


def data_messages(root: Path = ROOT) -> list[tuple[str, str, str]]:
    """(context, message, where) for each translated word of the shipped data."""
    import json

    found: list[tuple[str, str, str]] = []
    catalog = json.loads((root / "resources" / "catalog.json").read_text(encoding="utf-8"))
    for food in catalog["foods"]:
        found.append(("food", food["name"], f"resources/catalog.json:{food['id']}"))
        found.append(("serving", food["serving_label"], f"resources/catalog.json:{food['id']}"))
    recipes = json.loads((root / "resources" / "recipes.json").read_text(encoding="utf-8"))
    for recipe in recipes["recipes"]:
        where = f"resources/recipes.json:{recipe['id']}"
        found.append(("recipe", recipe["name"], where))
        if recipe.get("method"):
            found.append(("method", recipe["method"], where))
        found += [("tag", tag, where) for tag in recipe.get("tags", ())]
    return found


def write_template(root: Path = ROOT) -> int:
    from babel.messages.pofile import write_po

    catalog = extract(root)
    for context, message, where in data_messages(root):
        catalog.add(message, locations=[(where, 0)], context=context)
    TEMPLATE.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    # No dates or line numbers: the template changes only when the messages do.
    write_po(buffer, catalog, omit_header=False, include_lineno=False, sort_output=True)
    TEMPLATE.write_bytes(_without_dates(buffer.getvalue()))
    return len(catalog)


def _without_dates(data: bytes) -> bytes:
    return re.sub(rb'"(POT|PO)-(Creation|Revision)-Date: [^"]*\\n"\n', b"", data)


def update() -> None:
    from babel.messages.pofile import read_po, write_po

    with TEMPLATE.open("rb") as handle:
        template = read_po(handle)
    for lang in languages():
        path = po_path(lang)
        if path.exists():
            with path.open("rb") as handle:
                catalog = read_po(handle, locale=lang)
        else:
            from babel.messages.catalog import Catalog

            catalog = Catalog(locale=lang, project="Gut-Skin Planner", charset="utf-8")
        catalog.update(template, no_fuzzy_matching=True)
        path.parent.mkdir(parents=True, exist_ok=True)
        buffer = io.BytesIO()
        write_po(buffer, catalog, include_lineno=False, sort_output=True, ignore_obsolete=True)
        path.write_bytes(_without_dates(buffer.getvalue()))


def compile_all() -> None:
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    for lang in languages():
        path = po_path(lang)
        if not path.exists():
            continue
        with path.open("rb") as handle:
            catalog = read_po(handle, locale=lang)
        with path.with_suffix(".mo").open("wb") as handle:
            write_mo(handle, catalog, use_fuzzy=False)


def problems(catalog: Catalog, template_ids: Iterable[object] | None = None) -> list[str]:
    """What is wrong with a language's catalogue: messages missing, untranslated or
    fuzzy, translations whose placeholders differ from the source's, wrong plural counts."""
    found: list[str] = []
    messages = {m.id: m for m in catalog if m.id}
    for key in template_ids or ():
        if key not in messages:
            found.append(f"missing: {key!r}")
    for key, message in messages.items():
        sources = tuple(str(part) for part in key) if isinstance(key, tuple | list) else (key,)
        raw = message.string
        targets = (
            tuple(str(t or "") for t in raw) if isinstance(raw, tuple | list) else (raw or "",)
        )
        if not all(targets):
            found.append(f"untranslated: {sources[0]!r}")
            continue
        if message.fuzzy:
            found.append(f"fuzzy: {sources[0]!r}")
        if isinstance(key, tuple) and len(targets) != catalog.num_plurals:
            found.append(f"plural forms: {sources[0]!r}")
        wanted = sorted(PLACEHOLDER.findall(sources[-1]))
        for target in targets:
            have = sorted(PLACEHOLDER.findall(target))
            # A plural's "one" form may leave out the count ("a serving", "eine Portion").
            if have != wanted and not (len(targets) > 1 and set(have) <= set(wanted)):
                found.append(f"placeholders: {sources[0]!r} -> {target!r}")
    return found


def check() -> list[str]:
    from babel.messages.pofile import read_po

    with TEMPLATE.open("rb") as handle:
        template_ids = [m.id for m in read_po(handle) if m.id]
    found: list[str] = []
    for lang in languages():
        path = po_path(lang)
        if not path.exists():
            found.append(f"{lang}: no catalogue at {path.relative_to(ROOT)}")
            continue
        with path.open("rb") as handle:
            catalog = read_po(handle, locale=lang)
        found += [f"{lang}: {problem}" for problem in problems(catalog, template_ids)]
    return found


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.i18n", description=__doc__)
    parser.add_argument("step", choices=("extract", "update", "compile", "check"))
    args = parser.parse_args(argv)
    if args.step == "extract":
        print(f"{write_template()} messages written to {TEMPLATE.relative_to(ROOT)}")
    elif args.step == "update":
        update()
    elif args.step == "compile":
        compile_all()
    else:
        found = check()
        for line in found:
            print(line)
        return 1 if found else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
