"""The journal's analysis on synthetic journals whose answers are known by construction."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from planner.journal.analysis import (
    MIN_DAYS,
    better_days,
    compare_days,
    journal_frame,
    lag_table,
    rolling_means,
    strongest_lag,
    timeline,
)
from planner.journal.fields import CheckIn

START = date(2025, 1, 6)


def alcohol_journal(days: int = 120, lag: int = 2, seed: int = 7) -> list[CheckIn]:
    """Drinks on random days; breakouts rise ``lag`` days after each drinking day, plus
    noise. Bloating follows nothing."""
    rng = random.Random(seed)
    drinks = [rng.choice((0, 0, 0, 1, 2, 3)) for _ in range(days)]
    out = []
    for i in range(days):
        before = drinks[i - lag] if i >= lag else 0
        out.append(
            CheckIn(
                START + timedelta(i),
                {
                    "alcohol_drinks": drinks[i],
                    "skin_breakouts": 2 * before + rng.choice((0, 1)),
                    "gut_bloating": rng.randint(0, 4),
                },
            )
        )
    return out


def test_breakouts_made_to_follow_alcohol_by_two_days_show_that_lag():
    frame = timeline(alcohol_journal(lag=2))
    lags = lag_table(frame, ["alcohol_drinks"], ["skin_breakouts"], lags=(0, 1, 2, 3))
    best = strongest_lag(lags, "alcohol_drinks", "skin_breakouts")
    assert best is not None and best.lag == 2 and best.r > 0.8
    others = [g.r for g in lags if g.lag != 2]
    assert max(abs(r) for r in others) < 0.3
    assert "2 days later" in best.sentence() and "clearly higher" in best.sentence()


@pytest.mark.parametrize("lag", [0, 1])
def test_the_lag_found_is_the_lag_made(lag):
    frame = timeline(alcohol_journal(lag=lag, seed=lag))
    best = strongest_lag(
        lag_table(frame, ["alcohol"], ["skin_breakouts"]), "alcohol", "skin_breakouts"
    )
    assert best is not None and best.lag == lag


def test_empty_fields_and_missing_days_are_missing_not_zero():
    checkins = [
        CheckIn(START, {"skin_breakouts": 0}),
        CheckIn(START + timedelta(3), {"skin_breakouts": 4, "mood": 2}),
    ]
    frame = journal_frame(checkins)
    assert len(frame) == 4  # every calendar day from the first to the last
    assert frame["skin_breakouts"].tolist()[0] == 0
    assert frame["skin_breakouts"].isna().tolist() == [False, True, True, False]
    assert frame["mood"].isna().sum() == 3
    assert frame["skin_breakouts"].mean() == 2  # the two days filled in, not four


def test_rolling_means_need_half_their_window():
    checkins = [CheckIn(START + timedelta(i), {"skin_redness": i % 2 * 4}) for i in range(28)]
    means = rolling_means(journal_frame(checkins), ["skin_redness"], (14, 28))
    assert means["skin_redness_14d"].iloc[:6].isna().all()
    assert means["skin_redness_14d"].iloc[6] == pytest.approx(12 / 7)  # days 0-6: 3 fours
    assert means["skin_redness_14d"].iloc[-1] == pytest.approx(2.0)
    assert means["skin_redness_28d"].iloc[-1] == pytest.approx(2.0)
    assert means["skin_redness_28d"].iloc[12:14].isna().tolist() == [True, False]


def sleep_journal(good: int, bad: int) -> list[CheckIn]:
    """Nights of 8 h go with bloating 1, nights of 5 h with bloating 3."""
    days = [(8.0, 1)] * good + [(5.0, 3)] * bad
    return [
        CheckIn(START + timedelta(i), {"sleep_hours": h, "gut_bloating": b})
        for i, (h, b) in enumerate(days)
    ]


def test_better_days_compares_with_and_without():
    frame = timeline(sleep_journal(12, 15))
    found = next(
        c for c in compare_days(frame) if c.factor == "sleep_7h" and c.outcome == "gut_bloating"
    )
    assert (found.days_with, found.days_without) == (12, 15)
    assert (found.mean_with, found.mean_without) == (1.0, 3.0)
    assert found.shown and not found.few and found.better_with is True
    lines = better_days(frame)
    assert lines[0].startswith("On days with 7+ hours of sleep, bloating averaged 1.0 (12 days)")
    assert "not necessarily cause" in lines[-1]


def test_nothing_is_shown_before_three_days_on_each_side():
    frame = timeline(sleep_journal(MIN_DAYS - 1, 20))
    comparison = next(c for c in compare_days(frame) if c.factor == "sleep_7h")
    assert not comparison.shown and "not shown until" in comparison.sentence()
    assert better_days(frame)[0].startswith("Nothing to compare yet")
    frame = timeline(sleep_journal(MIN_DAYS, 4))
    comparison = next(
        c for c in compare_days(frame) if c.outcome == "gut_bloating" and c.factor == "sleep_7h"
    )
    assert comparison.shown and comparison.few
    assert "Few days: this could be chance." in better_days(frame)[0]


def test_scores_join_the_journal_and_give_the_fermented_and_score_factors():
    checkins = [CheckIn(START + timedelta(i), {"skin_itch": 3 - i % 2 * 3}) for i in range(8)]
    scores = {
        START + timedelta(i): {
            "score": 85.0 if i % 2 else 60.0,
            "probiotic": 10.0 if i % 2 else 0.0,
            "prebiotic": 5.0,
        }
        for i in range(10)
    }
    frame = timeline(checkins, scores)
    assert len(frame) == 10 and frame["skin_itch"].isna().sum() == 2
    comparisons = {(c.factor, c.outcome): c for c in compare_days(frame)}
    for factor in ("fermented", "score_80"):
        c = comparisons[(factor, "skin_itch")]
        assert (c.days_with, c.days_without, c.mean_with, c.mean_without) == (4, 4, 0.0, 3.0)
    # An explicit "fermented" wins over the probiotic part.
    scores[START]["fermented"] = 1.0
    assert timeline(checkins, scores)["fermented"].iloc[0] == 1.0


def test_an_empty_journal_gives_empty_frames():
    frame = timeline([])
    assert len(frame) == 0
    assert better_days(frame)[0].startswith("Nothing to compare yet")
    assert all(not g.shown for g in lag_table(frame, ["alcohol"]))


def test_rank_correlation_matches_pandas_with_ties():
    import pandas as pd

    from planner.journal.analysis import _spearman

    rng = random.Random(3)
    x = pd.Series([rng.choice((0, 1, 2, None)) for _ in range(200)], dtype=float)
    y = pd.Series([rng.choice((0, 1, 1, 3, 4, None)) for _ in range(200)], dtype=float)
    r, n = _spearman(x, y)
    both = x.notna() & y.notna()
    assert n == int(both.sum())
    assert r == pytest.approx(x[both].rank().corr(y[both].rank()))
