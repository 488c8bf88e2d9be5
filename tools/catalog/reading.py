"""Reading the SR28 flat files (``^``-quoted, ``~``-delimited), the number formatting that
keeps the output byte for byte reproducible, and where the SR28 folder is.
"""

from __future__ import annotations

import gzip
import io
import math
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from tools.catalog.constants import DEFAULT_SR28_DIR, SR28_DIR_ENV

if TYPE_CHECKING:  # pandas is imported where it is used: importing stays light
    import pandas as pd


def read_sr28_file(
    path: Path, names: Sequence[str], usecols: Sequence[int] | None = None
) -> pd.DataFrame:
    """Read one SR28 flat file as strings; an empty field stays "" (unknown)."""
    raw = path.read_bytes()
    if path.suffix == ".gz":
        raw = gzip.decompress(raw)
    # cp1252: FOOD_DES has curly quotes (0x91/0x92), NUTR_DEF "µ", WEIGHT "é".
    text = raw.decode("cp1252")
    # WEIGHT.txt has some bare CR line ends.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    import pandas as pd

    frame = pd.read_csv(
        io.StringIO(text),
        sep="^",
        quotechar="~",
        header=None,
        names=list(names),
        usecols=list(usecols) if usecols is not None else None,
        dtype=str,
        keep_default_na=False,
        na_filter=False,
        engine="c",
    )
    return frame


def to_number(series: pd.Series) -> pd.Series:
    """Numeric column where "" means unknown (NaN), never zero."""
    import pandas as pd

    return pd.to_numeric(series.mask(series == ""))


def round3(value: float) -> float:
    """Three decimals; -0.0 becomes 0.0 so output never shows "-0"."""
    if math.isnan(value):
        return value
    return round(value, 3) + 0.0


def fmt_number(value: float | None) -> str:
    """Fixed, short decimal text: 3 decimals max, no trailing zeros, "" for unknown."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    text = f"{round3(float(value)):.3f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def clean_measure(text: str) -> str:
    # ";" and "|" separate measures in the servings column.
    return " ".join(text.replace(";", ",").replace("|", "/").split())


def sr28_dir(given: Path | str | None = None) -> Path:
    """The SR28 folder: ``given``, else $GUTSKIN_SR28_DIR, else the default beside the
    repository."""
    if given:
        return Path(given)
    from_env = os.environ.get(SR28_DIR_ENV, "").strip()
    return Path(from_env) if from_env else DEFAULT_SR28_DIR
