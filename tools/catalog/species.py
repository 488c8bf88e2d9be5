"""Plant species: SR28's scientific names cleaned of slips and synonyms, and each food's
species from its plant key, for counting different plants.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from tools.catalog.constants import rx
from tools.catalog.patterns import RX_PARENS

# Scientific names: SR28's spelling slips and synonyms, and plants SR28 names nowhere.
SPECIES_ALIASES: dict[str, str] = {
    "Capsicum anuum": "Capsicum annuum",
    "Vigna uniguiculata": "Vigna unguiculata",
    "Vaccinium alaskanese": "Vaccinium alaskaense",
    "Vaccinium alaskaenese": "Vaccinium alaskaense",
    "Dolichos lablab": "Lablab purpureus",
    "Dolichos purpureus": "Lablab purpureus",
    "Epilobium angustifolium": "Chamerion angustifolium",
}

# Foods whose plant key is shared by two species: kimchi is napa cabbage.
HYBRID_MARKS = ("X", "x", "×")

SPECIES_BY_NAME: tuple[tuple[re.Pattern[str], str], ...] = ((rx(r"\bkimchi\b"), "Brassica rapa"),)

SPECIES_BY_KEY: dict[str, str] = {
    # SR28 names cultivated blueberries only as "Vaccinium spp.".
    "blueberries": "Vaccinium spp.",
    # Kale is Brassica oleracea; SR28's Scotch kale alone is Brassica napus.
    "kale": "Brassica oleracea",
    "escarole": "Cichorium endivia",
    "malabar spinach": "Basella alba",
    "pimento": "Capsicum annuum",
    "shellie beans": "Phaseolus vulgaris",
    "kanpyo": "Lagenaria siceraria",
    # SR28 gives these no scientific name: fenugreek (Trigonella foenum-graecum); pepeao
    # and cloud ears are wood-ear fungi of one genus, counted once.
    "fenugreek": "Trigonella foenum-graecum",
    "pepeao": "Auricularia spp.",
    "fungi": "Auricularia spp.",
}


def normalise_species(sci: str) -> str:
    """SR28 SciName as "Genus species": the first name given, without authors, varieties
    or groups; "Genus spp." where SR28 names only the genus; "" if it cannot be read."""
    text = RX_PARENS.sub(" ", sci)
    text = re.split(r"\bor\b|\band\b|;|,", text)[0]
    words = text.split()
    # Hybrids: "Fragaria X ananassa" is the species "Fragaria × ananassa"; a hybrid genus
    # ("X Triticosecale spp.") is named without its mark.
    if words and words[0] in HYBRID_MARKS:
        words = words[1:]
    if len(words) >= 3 and words[1] in HYBRID_MARKS and words[2].isalpha():
        return f"{words[0].capitalize()} × {words[2].lower()}"
    if len(words) >= 2 and words[1] in ("spp.", "sp."):
        return f"{words[0].capitalize()} spp."  # a genus stands for itself
    if len(words) < 2 or not words[1].replace("-", "").isalpha() or not words[1].islower():
        return ""
    name = f"{words[0].capitalize()} {words[1]}"
    return SPECIES_ALIASES.get(name, name)


def species_for_foods(records: Sequence[tuple[str, str, str, str]]) -> dict[str, str]:
    """Species by NDB for foods with a plant key, from ``(ndb, name, plant, sci)``.

    A food's own SciName when it names a species; else that of the food of the same key
    sharing at least two leading comma parts of the description ("Cabbage, chinese
    (pak-choi), cooked" takes the raw pak-choi's); else the key's own species: a
    hand-kept one, else the commonest named in SR28 for the key, else its genus, else
    the plant key itself, so that the food still counts once.
    """
    real: dict[str, list[tuple[list[str], str]]] = {}
    common: dict[str, Counter[str]] = {}
    for _, name, plant, sci in records:
        species = normalise_species(sci) if plant and sci else ""
        if species:
            common.setdefault(plant, Counter())[species] += 1
            if not species.endswith(" spp."):
                real.setdefault(plant, []).append((name.lower().split(", "), species))

    def canonical(plant: str) -> str:
        if plant in SPECIES_BY_KEY:
            return SPECIES_BY_KEY[plant]
        counts = common.get(plant, Counter())
        ranked = sorted(counts.items(), key=lambda kv: (kv[0].endswith(" spp."), -kv[1], kv[0]))
        return ranked[0][0] if ranked else plant

    out: dict[str, str] = {}
    for ndb, name, plant, sci in records:
        if not plant:
            continue
        species = normalise_species(sci) if sci else ""
        if species.endswith(" spp."):
            species = ""
        parts = name.lower().split(", ")
        if not species:
            best, shared_most = "", 1
            for donor_parts, donor in real.get(plant, []):
                shared = 0
                for a, b in zip(donor_parts, parts, strict=False):
                    if a != b:
                        break
                    shared += 1
                if shared > shared_most or (shared == shared_most > 1 and donor < best):
                    best, shared_most = donor, shared
            species = best
        for pattern, fixed in SPECIES_BY_NAME:
            if pattern.search(name):
                species = fixed
        out[ndb] = species or canonical(plant)
    return out
