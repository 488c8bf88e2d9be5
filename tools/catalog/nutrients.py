"""Nutrients per 100 g in the catalog's units from SR28's nutrient numbers: omega-3s (ALA,
EPA, DPA, DHA, with ALA falling back to undifferentiated 18:3), vitamin D (ug, or IU
converted), and the rest as SR28 gives them.
"""

from __future__ import annotations

import math

from tools.catalog.constants import (
    IU_PER_UG_VITAMIN_D,
    N_183_UNDIFF,
    N_ALA,
    N_ALCOHOL,
    N_DHA,
    N_DPA,
    N_ENERGY,
    N_EPA,
    N_FIBER,
    N_PROTEIN,
    N_SUGARS,
    N_VIT_A_RAE,
    N_VIT_C,
    N_VIT_D_IU,
    N_VIT_D_UG,
    N_VIT_E,
    N_ZINC,
)
from tools.catalog.reading import round3


def omega3_from(nutr: dict[str, float]) -> float:
    """ALA + EPA + DPA + DHA; ALA falls back to undifferentiated 18:3.

    Known parts are summed; unknown only when every part is unknown.
    """
    ala = nutr.get(N_ALA, math.nan)
    if math.isnan(ala):
        ala = nutr.get(N_183_UNDIFF, math.nan)
    parts = [ala, nutr.get(N_EPA, math.nan), nutr.get(N_DPA, math.nan), nutr.get(N_DHA, math.nan)]
    known = [p for p in parts if not math.isnan(p)]
    return sum(known) if known else math.nan


def vitamin_d_from(nutr: dict[str, float]) -> float:
    """Vitamin D in µg; older entries only give IU (40 IU = 1 µg)."""
    ug = nutr.get(N_VIT_D_UG, math.nan)
    if math.isnan(ug):
        iu = nutr.get(N_VIT_D_IU, math.nan)
        return iu / IU_PER_UG_VITAMIN_D
    return ug


def ala_from(nutr: dict[str, float]) -> float:
    """ALA (851); the undifferentiated 18:3 (619) where 851 is absent."""
    ala = nutr.get(N_ALA, math.nan)
    return nutr.get(N_183_UNDIFF, math.nan) if math.isnan(ala) else ala


def epa_dha_from(nutr: dict[str, float]) -> float:
    """EPA (629) + DHA (621); unknown only when both are."""
    known = [v for v in (nutr.get(N_EPA, math.nan), nutr.get(N_DHA, math.nan)) if not math.isnan(v)]
    return sum(known) if known else math.nan


def nutrients_from(
    nutr: dict[str, float], added_sugars: float = math.nan, prebiotic: float = math.nan
) -> dict[str, float]:
    """The output nutrients per 100 g, rounded; NaN where unknown. The two estimates
    are worked out by added_sugars_for and prebiotic_for."""
    values = {
        "energy_kcal": nutr.get(N_ENERGY, math.nan),
        "fiber_g": nutr.get(N_FIBER, math.nan),
        "sugars_g": nutr.get(N_SUGARS, math.nan),
        "vit_a_ug": nutr.get(N_VIT_A_RAE, math.nan),
        "vit_c_mg": nutr.get(N_VIT_C, math.nan),
        "vit_d_ug": vitamin_d_from(nutr),
        "vit_e_mg": nutr.get(N_VIT_E, math.nan),
        "zinc_mg": nutr.get(N_ZINC, math.nan),
        "omega3_g": omega3_from(nutr),
        "protein_g": nutr.get(N_PROTEIN, math.nan),
        "alcohol_g": nutr.get(N_ALCOHOL, math.nan),
        "ala_g": ala_from(nutr),
        "epa_dha_g": epa_dha_from(nutr),
        "added_sugars_g": added_sugars,
        "prebiotic_g": prebiotic,
    }
    return {k: round3(v) for k, v in values.items()}
