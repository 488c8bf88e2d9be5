"""Writes the corpus of bad files in this folder: plans, CSV imports and files of the user's
own foods, each a way a file a person is handed can be wrong.

    python tests/data/bad/make_corpus.py

The files are committed; what each must produce is in manifest.json, which
tests/test_bad_inputs.py checks (an "error" is the exact message; "loads" says what a file
that is not refused gives). Files too large to commit are stored gzipped (NAME.gz) and the
test unpacks them under their real name.
"""

from __future__ import annotations

import gzip
import json
import pickle
from pathlib import Path

HERE = Path(__file__).parent
START = "2026-11-30"
PDF = (
    b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
    b"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n"
    b"%%EOF\n"
)
LONG = "kefir " * 1666 + "kefir"  # 10,001 characters
MARKUP = '<b>Kefir</b><img src="x.png"><a href="https://example.com">click</a>'
RTL = "كفير \u202eriref\u202c עם שיבולת שועל"
# Markup that Qt's rich text would act on (the hardening report, D3): an image read from a
# pipe (a hang) or from /dev/zero (memory without end), and tags that change the layout.
IMG_PIPE = '<img src="/tmp/pipe">Kefir'
IMG_ZERO = '<img src="/dev/zero">Kefir'
LAYOUT_TAGS = "<font size=7>Big</font><h1>Huge</h1><table><tr><td>Kefir</td></tr></table>"
EMOJI = "🥛 Kefir 👩🏽‍🍳🇯🇵"
NUL = "Kef\x00ir"
NEWLINES = "Kefir\nand\r\noats"
# Cells a spreadsheet would run as formulas (OWASP, "CSV Injection").
FORMULAS = ['=HYPERLINK("http://x","y")', "@SUM(1+1)", "+cmd|' /C calc'!A0"]


def plan_doc(**overrides: object) -> dict:
    document: dict = {
        "format": "gutskin-plan",
        "version": 1,
        "start": START,
        "weeks": 1,
        "entries": [
            {"day": 0, "meal": "breakfast", "food": "kefir", "servings": 1},
            {"day": 2, "meal": "dinner", "food": "lentils", "servings": 2},
        ],
    }
    document.update(overrides)
    return document


def entry(**fields: object) -> list[dict]:
    base: dict = {"day": 0, "meal": "lunch", "food": "kefir", "servings": 1}
    base.update(fields)
    return [base]


def dump(document: object) -> bytes:
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")


def food_doc(*foods: dict, **overrides: object) -> dict:
    document: dict = {"format": "gutskin-foods", "version": 1, "foods": list(foods)}
    document.update(overrides)
    return document


def food(**fields: object) -> dict:
    base: dict = {
        "id": "my:seed-bread",
        "name": "Seed bread",
        "categories": ["fiber"],
        "serving_label": "1 slice",
        "grams": 40,
        "nutrients": {"fiber_g": 3.1},
        "aisle": "grains",
        "tags": ["gluten"],
        "plant": "rye",
        "limit_kind": None,
    }
    base.update(fields)
    return base


def json_cases(valid: bytes, nested_key: str) -> dict[str, bytes]:
    """The ways any JSON file can be broken, on a valid file of its kind."""
    text = valid.decode("utf-8")
    deep = "[" * 10_000 + "]" * 10_000
    return {
        "empty": b"",
        "truncated": valid[: len(valid) // 2],
        "utf8-bom": b"\xef\xbb\xbf" + valid,
        "utf16": text.encode("utf-16"),
        "utf16-no-bom": text.encode("utf-16-le"),
        "utf32": text.encode("utf-32"),
        "invalid-utf8": valid.replace(b"kefir", b"k\xe9fir", 1).replace(b"Seed", b"S\xe9ed", 1),
        "nesting-10000": valid.replace(
            f'"{nested_key}": '.encode(), f'"{nested_key}": {deep}, "x": '.encode(), 1
        ),
        "top-level-array": b"[" + valid + b"]",
        "pickle": pickle.dumps(json.loads(valid), protocol=4),
        "pdf": PDF,
    }


def number_cases(valid: bytes, field: bytes) -> dict[str, bytes]:
    """NaN, Infinity, 1e999 and a 5,000-digit integer in a number field."""
    return {
        f"{name}": valid.replace(field + b": 1", field + b": " + number, 1)
        for name, number in [
            ("nan", b"NaN"),
            ("infinity", b"Infinity"),
            ("1e999", b"1e999"),
            ("5000-digit-integer", b"9" * 5000),
        ]
    }


def plans() -> dict[str, bytes]:
    valid = dump(plan_doc(entries=entry()))
    files = {**json_cases(valid, "entries"), **number_cases(valid, b'"servings"')}
    files["duplicate-keys"] = valid.replace(b'"version": 1,', b'"version": 1, "version": 1,')
    files["version-missing"] = dump({k: v for k, v in plan_doc().items() if k != "version"})
    files["version-text"] = dump(plan_doc(version="1"))
    files["version-fraction"] = dump(plan_doc(version=1.5))
    files["version-future"] = dump(plan_doc(version=4))
    for day in (-1, 7, "Funday"):
        files[f"day-{day}"] = dump(plan_doc(entries=entry(day=day)))
    for name, servings in [("0", 0), ("-1", -1), ("abc", "abc"), ("true", True)]:
        files[f"servings-{name}"] = dump(plan_doc(entries=entry(servings=servings)))
    files["unknown-food"] = dump(plan_doc(entries=entry(food="dragon-fruit-pie")))
    for start in ("9999-12-27", "1899-12-25", "3000-01-06"):
        files[f"start-{start}"] = dump(plan_doc(start=start))
    files["unknown-fields"] = dump(plan_doc(notes={"by": "another tool", "tags": [1, 2]},
                                            entries=entry(colour="green")))  # fmt: skip
    files["unknown-text-1000001"] = dump(plan_doc(notes="x" * 1_000_001))
    files["unknown-400000-values"] = dump(plan_doc(notes=[0] * 400_000))
    files["unknown-150000-objects"] = dump(plan_doc(notes=[{"k": 0}] * 150_000))
    files["formula-foods"] = dump(plan_doc(entries=[e for f in FORMULAS for e in entry(food=f)]))
    files["cell-201"] = dump(plan_doc(entries=entry() * 201))
    files["cell-100000"] = dump(plan_doc(entries=entry() * 100_000))
    for name, text in [("10000-characters", LONG), ("markup", MARKUP), ("right-to-left", RTL),
                       ("emoji", EMOJI), ("nul", NUL), ("newlines", NEWLINES),
                       ("img-pipe", IMG_PIPE), ("img-dev-zero", IMG_ZERO),
                       ("layout-tags", LAYOUT_TAGS)]:  # fmt: skip
        files[f"name-{name}"] = dump(plan_doc(entries=entry(food=text)))
    return files


def foods() -> dict[str, bytes]:
    valid = dump(food_doc(food(grams=1, nutrients={"fiber_g": 0.3})))  # a real 1 g serving
    files = {**json_cases(valid, "foods"), **number_cases(valid, b'"grams"')}
    files["duplicate-keys"] = valid.replace(b'"version": 1,', b'"version": 1, "version": 1,')
    files["version-missing"] = dump({"format": "gutskin-foods", "foods": []})
    files["version-text"] = dump(food_doc(version="1"))
    files["version-future"] = dump(food_doc(food(), version=2))
    for name, grams in [("0", 0), ("-1", -1), ("abc", "abc"), ("true", True)]:
        files[f"grams-{name}"] = dump(food_doc(food(grams=grams)))
    files["category-funday"] = dump(food_doc(food(categories=["Funday"])))
    files["unknown-id"] = dump(food_doc(food(id="kefir")))
    files["duplicate-id"] = dump(food_doc(food(), food()))
    files["foods-100000"] = dump(food_doc(*[food()] * 100_000))
    files["name-formulas"] = dump(food_doc(*[food(id=f"my:f{n}", name=name)
                                             for n, name in enumerate(FORMULAS)]))  # fmt: skip
    for name, text in [("10000-characters", LONG), ("markup", MARKUP), ("right-to-left", RTL),
                       ("emoji", EMOJI), ("nul", NUL), ("newlines", NEWLINES),
                       ("img-pipe", IMG_PIPE), ("img-dev-zero", IMG_ZERO),
                       ("layout-tags", LAYOUT_TAGS)]:  # fmt: skip
        files[f"name-{name}"] = dump(food_doc(food(name=text)))
    return files


def csv_files() -> dict[str, bytes]:
    header = "day,meal,food,servings\n"
    valid = (header + "1,lunch,kefir,1\n2,dinner,Lentils,2\n").encode()
    files = {
        "empty": b"",
        "truncated": valid + b'3,breakfast,"oa',
        "utf8-bom": b"\xef\xbb\xbf" + valid,
        "utf16": valid.decode().encode("utf-16"),
        "utf16-no-bom": valid.decode().encode("utf-16-le"),
        "utf32": valid.decode().encode("utf-32"),
        "invalid-utf8": valid.replace(b"kefir", b"k\xe9fir"),
        "duplicate-columns": valid.replace(b"servings\n", b"servings,day\n").replace(
            b",1\n", b",1,3\n"
        ),
        "top-level-array": b'[{"day": 1, "meal": "lunch", "food": "kefir", "servings": 1}]\n',
        "pickle": pickle.dumps([["day", "meal"], [1, "lunch"]], protocol=4),
        "pdf": PDF,
    }
    for name, servings in [("nan", "NaN"), ("infinity", "Infinity"), ("1e999", "1e999"),
                           ("5000-digit-integer", "9" * 5000), ("0", "0"), ("-1", "-1"),
                           ("abc", "abc"), ("true", "true")]:  # fmt: skip
        files[f"servings-{name}"] = (header + f"1,lunch,kefir,{servings}\n").encode()
    for name, day in [("-1", "-1"), ("0", "0"), ("7", "7"), ("Funday", "Funday"),
                      ("5000-digit-integer", "9" * 5000), ("superscript-two", "²")]:  # fmt: skip
        files[f"day-{name}"] = (header + f"{day},lunch,kefir,1\n").encode()
    files["unknown-food"] = (header + "1,lunch,dragon-fruit-pie,1\n").encode()
    files["duplicate-columns-40000"] = (header.strip() + ",day" * 40_000 + "\n").encode()
    for n, text in enumerate(FORMULAS):  # unescaped: a formula, refused as an unknown food
        quoted = '"' + text.replace('"', '""') + '"'
        files[f"formula-{n + 1}"] = (header + f"1,lunch,{quoted},1\n").encode()
    # Escaped as the app's export writes them: the quote comes off.
    files["escaped-cells"] = (header + "1,lunch,kefir,'+1.5\n").encode()
    files["escaped-day"] = (header + "'-1,lunch,kefir,1\n").encode()
    files["escaped-quote"] = (header + "1,lunch,''=x,1\n").encode()
    files["cell-100000"] = (header + "1,lunch,kefir,1\n" * 100_000).encode()
    for name, text in [("10000-characters", LONG), ("markup", MARKUP), ("right-to-left", RTL),
                       ("emoji", EMOJI), ("nul", NUL), ("newlines", NEWLINES),
                       ("img-pipe", IMG_PIPE), ("img-dev-zero", IMG_ZERO),
                       ("layout-tags", LAYOUT_TAGS)]:  # fmt: skip
        quoted = '"' + text.replace('"', '""') + '"'
        files[f"name-{name}"] = (header + f"1,lunch,{quoted},1\n").encode()
    return files


KINDS = {"plans": (".gutplan", plans), "foods": (".json", foods), "csv": (".csv", csv_files)}
GZIP_OVER = 200_000  # bytes; larger files are stored gzipped


def main() -> None:
    for folder, (suffix, make) in KINDS.items():
        target = HERE / folder
        target.mkdir(exist_ok=True)
        for old in target.iterdir():
            old.unlink()
        for name, data in make().items():
            path = target / f"{name}{suffix}"
            if len(data) > GZIP_OVER:
                # mtime=0: the same bytes on every run
                path.with_name(path.name + ".gz").write_bytes(gzip.compress(data, mtime=0))
            else:
                path.write_bytes(data)


if __name__ == "__main__":
    main()
