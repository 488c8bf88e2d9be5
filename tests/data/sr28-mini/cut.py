"""Cut the test fixture in this folder from the full SR28 release.

    python tests/data/sr28-mini/cut.py [SR28_DIR]   (default: as tools.catalog_build)

Keeps every line of FD_GROUP.txt and NUTR_DEF.txt, and the lines of FOOD_DES.txt,
WEIGHT.txt and NUT_DATA.txt.gz of the foods below, byte for byte (Windows-1252 text,
CRLF and the bare CR line ends of WEIGHT.txt included). For each kept plant food the
foods that give its plant key a scientific name are kept too, so that species come out
as they do from the full release.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]

# Foods the tests name, besides every curated food (resources/curated_spec.json).
TEST_FOODS = [
    "01001",
    "01009",
    "01077",
    "01082",
    "01085",
    "01116",
    "01187",
    "01256",
    "01289",
    "04053",
    "06006",
    "07022",
    "08020",
    "08121",
    "09040",
    "09050",
    "09206",
    "11029",
    "11118",
    "11154",
    "11226",
    "11367",
    "11439",
    "11457",
    "11458",
    "14003",
    "14096",
    "14148",
    "14278",
    "14411",
    "14416",
    "15153",
    "15237",
    "16015",
    "16027",
    "16028",
    "16029",
    "16032",
    "16042",
    "16043",
    "16044",
    "16057",
    "16070",
    "16112",
    "16113",
    "16114",
    "16174",
    "18069",
    "18075",
    "19106",
    "19335",
    "19411",
    "19868",
    "20037",
    "20045",
    "20080",
    "21118",
    "21138",
    "10123",
    "10862",
    "11052",
    "11090",
    "11233",
    "11234",
    "14084",
    "14037",
    "16037",
    "16038",
    "11053",
    "16049",
    "16050",
    "16051",
    "16001",
    "16002",
    "16022",
    "16023",
    "16024",
    "16025",
    "16085",
    "12117",  # coconut milk: a plant food, though SR28 says "grated meat"
    "14639",  # rice milk, unsweetened: sweet by its own sugars, not sugar-sweetened
]

LINE = re.compile(rb"[^\r\n]*(?:\r\n|\r|\n)")


def _lines(data: bytes) -> list[bytes]:
    return LINE.findall(data)


def _ndb(line: bytes) -> str:
    return line[1:6].decode("ascii")


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(ROOT))
    from tools.catalog_build import plant_key, sr28_dir

    source = sr28_dir(argv[0] if argv else None)
    spec = json.loads((ROOT / "resources" / "curated_spec.json").read_text(encoding="utf-8"))
    wanted = set(TEST_FOODS) | {item["ndb"] for item in spec if item["ndb"]}
    food_lines = _lines((source / "FOOD_DES.txt").read_bytes())
    fields = [line.decode("cp1252").split("^") for line in food_lines]
    known = {plant_key(f[2].strip("~"), f[1].strip("~")) for f in fields} - {""}
    keys = {f[0].strip("~"): plant_key(f[2].strip("~"), f[1].strip("~"), known) for f in fields}
    named = {f[0].strip("~") for f in fields if f[9].strip("~")}
    wanted_keys = {keys[n] for n in wanted} - {""}
    wanted |= {n for n in named if keys[n] in wanted_keys}
    (HERE / "FOOD_DES.txt").write_bytes(b"".join(x for x in food_lines if _ndb(x) in wanted))
    for name in ("FD_GROUP.txt", "NUTR_DEF.txt"):
        (HERE / name).write_bytes((source / name).read_bytes())
    weights = _lines((source / "WEIGHT.txt").read_bytes())
    (HERE / "WEIGHT.txt").write_bytes(b"".join(x for x in weights if _ndb(x) in wanted))
    data = _lines(gzip.decompress((source / "NUT_DATA.txt.gz").read_bytes()))
    kept = b"".join(x for x in data if _ndb(x) in wanted)
    (HERE / "NUT_DATA.txt.gz").write_bytes(gzip.compress(kept, compresslevel=9, mtime=0))
    print(f"{len(wanted)} foods written to {HERE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
