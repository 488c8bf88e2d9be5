"""The journal as a daily table: one row per calendar day, a numeric column per check-in
field, the day scores beside them, the factors as 0/1 columns, and the rolling means the
skin charts use. The analysis (planner.journal.analysis) reads these frames.

pandas is imported inside the functions: this module is imported by the trends view and the
report, never on the way to the first window. A day without a check-in, or a field left
empty, is NaN (missing), never zero.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from .fields import FIELD_BY_KEY, FIELDS, SKIN_KEYS, CheckIn

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

SKIN_WINDOWS = (14, 28)  # days: the 2- and 4-week rolling means
PLAN_WORDS = {"yes": 1.0, "mostly": 0.5, "no": 0.0}


Journal = Sequence[CheckIn] | Mapping[str, Sequence[Any]]


def as_columns(checkins: Sequence[CheckIn]) -> dict[str, list[Any]]:
    """Check-ins in the column form of ``JournalStore.columns``."""
    columns: dict[str, list[Any]] = {"day": [c.day.isoformat() for c in checkins]}
    for key in FIELD_BY_KEY:
        if key != "practices":
            columns[key] = [c.values.get(key) for c in checkins]
    columns["practice_done"] = [
        None if (p := c.values.get("practices")) is None else bool(p) for c in checkins
    ]
    return columns


def journal_frame(journal: Journal) -> pd.DataFrame:
    """One row per calendar day from the first check-in to the last, a numeric column per
    field (NaN where empty): booleans 0/1, "ate as planned" yes 1, mostly 0.5, no 0, and
    ``practice_done`` 1 when any stress practice was done, 0 when none. ``journal`` is a
    list of check-ins or the columns of ``JournalStore.columns``."""
    import numpy as np
    import pandas as pd

    columns = journal if isinstance(journal, Mapping) else as_columns(journal)
    numeric = [f.key for f in FIELDS if f.numeric]
    names = [*numeric, "ate_as_planned", "practice_done"]
    if not len(columns["day"]):
        return pd.DataFrame(columns=names, index=pd.DatetimeIndex([], name="date"), dtype=float)
    # Column by column: numpy turns None into NaN and True/False into 1/0 itself.
    data = {key: np.array(columns[key], dtype=float) for key in (*numeric, "practice_done")}
    data["ate_as_planned"] = np.array(
        [PLAN_WORDS.get(str(v), np.nan) for v in columns["ate_as_planned"]], dtype=float
    )
    index = pd.DatetimeIndex(np.array(columns["day"], dtype="datetime64[D]")).rename("date")
    frame = pd.DataFrame(data, index=index, columns=names)
    if not frame.index.is_monotonic_increasing or frame.index.has_duplicates:
        frame = frame[~frame.index.duplicated(keep="last")].sort_index()
    full = pd.date_range(frame.index[0], frame.index[-1], freq="D", name="date")
    return frame.reindex(full)


def scores_frame(scores: Mapping[date, Mapping[str, Any]]) -> pd.DataFrame:
    """The day scores as a frame: ``score``, one column per part, and ``fermented`` (1 when
    a fermented (probiotic) food was eaten). ``scores`` maps a date to {"score": ...,
    part key: points, ...}; a "fermented" entry wins, else a probiotic part above 0 counts."""
    import numpy as np
    import pandas as pd

    days = sorted(scores)
    keys: dict[str, None] = {}
    for day in days:
        keys.update(dict.fromkeys(scores[day]))
    data = {key: np.array([scores[day].get(key) for day in days], dtype=float) for key in keys}
    if "probiotic" in data:
        derived = np.where(np.isnan(data["probiotic"]), np.nan, data["probiotic"] > 0)
        if "fermented" in data:  # an explicit value wins where there is one
            data["fermented"] = np.where(np.isnan(data["fermented"]), derived, data["fermented"])
        else:
            data["fermented"] = derived
    index = pd.DatetimeIndex(np.array(days, dtype="datetime64[D]")).rename("date")
    return pd.DataFrame(data, index=index)


def timeline(
    journal: Journal, scores: Mapping[date, Mapping[str, Any]] | None = None
) -> pd.DataFrame:
    """The journal and the day scores side by side on every calendar day either covers,
    with the factors of ``analysis.FACTORS`` as 0/1 columns (NaN where unknown)."""
    import numpy as np
    import pandas as pd

    frame = journal_frame(journal)
    if scores:
        days = scores_frame(scores)
        if len(frame):
            first = min(frame.index[0], days.index[0])
            last = max(frame.index[-1], days.index[-1])
        else:
            first, last = days.index[0], days.index[-1]
        full = pd.date_range(first, last, freq="D", name="date")
        # Both on the same days first: then they are only placed side by side.
        frame = pd.concat([frame.reindex(full), days.reindex(full)], axis=1)
    extra = {}
    for column in ("score", "fermented"):
        if column not in frame:
            extra[column] = np.full(len(frame), np.nan)
    score = frame["score"].to_numpy(dtype=float) if "score" in frame else extra["score"]

    def flag(values: np.ndarray, test: np.ndarray) -> np.ndarray:
        return np.where(np.isnan(values), np.nan, test.astype(float))

    drinks = frame["alcohol_drinks"].to_numpy(dtype=float)
    sleep = frame["sleep_hours"].to_numpy(dtype=float)
    with np.errstate(invalid="ignore"):
        extra["alcohol"] = flag(drinks, drinks > 0)
        extra["sleep_7h"] = flag(sleep, sleep >= 7)
        extra["score_80"] = flag(score, score >= 80)
    return pd.concat([frame, pd.DataFrame(extra, index=frame.index)], axis=1)


def rolling_means(
    frame: pd.DataFrame, keys: Iterable[str] = SKIN_KEYS, windows: Iterable[int] = SKIN_WINDOWS
) -> pd.DataFrame:
    """Trailing means over ``windows`` calendar days, column ``KEY_14d``; a mean needs at
    least half of its days filled, else it is NaN."""
    import pandas as pd

    out = {}
    for key in keys:
        for window in windows:
            out[f"{key}_{window}d"] = (
                frame[key].rolling(window, min_periods=max(1, window // 2)).mean()
            )
    return pd.DataFrame(out, index=frame.index)
