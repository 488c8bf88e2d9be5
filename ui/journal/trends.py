"""The trends view: one symptom or habit over time against the day scores, its lagged links,
and "what goes with better days".

The chart itself is ui.journal.trend_chart (QPainter in the window's palette, no plotting
library); the data work (pandas) happens in planner.journal.analysis. The journal is read
after the window is first painted, never on the app's start-up path.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from planner.errors import PlannerError
from planner.i18n import N_, _
from planner.journal.fields import FIELD_BY_KEY, FIELDS, GUT_KEYS, MULTI, SKIN_KEYS
from planner.journal.store import JournalStore
from ui.firstpaint import PaintWatch
from ui.journal.trend_chart import LONG_SPAN, TrendChart

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

SPANS: tuple[tuple[str, int], ...] = (
    (N_("4 weeks"), 28),
    (N_("3 months"), 91),
    (N_("1 year"), 365),
    (N_("Everything"), 0),
)
TREND_KEYS = tuple(f.key for f in FIELDS if f.numeric and f.kind != MULTI)


class TrendsWindow(QWidget):
    """The trends of the journal against ``scores`` (date -> {"score": ..., part: ...})."""

    def __init__(
        self,
        store: JournalStore,
        scores: Mapping[date, Mapping[str, Any]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(_("Journal Trends"))
        self.resize(900, 640)
        self.store = store
        self.scores: Mapping[date, Mapping[str, Any]] = scores or {}
        self.frame: pd.DataFrame | None = None
        self._loaded = False
        self._watch: PaintWatch | None = None

        self.field_box = QComboBox(self)
        self.field_box.setAccessibleName(_("Show"))
        for key in TREND_KEYS:
            field = FIELD_BY_KEY[key]
            group = {"skin": _("Skin"), "gut": _("Gut")}.get(field.group, "")
            label = _(field.label)
            # Translators: a journal field of a group, such as "Skin: Redness".
            shown = _("{group}: {field}").format(group=group, field=label) if group else label
            self.field_box.addItem(shown, key)
        self.span_box = QComboBox(self)
        self.span_box.setAccessibleName(_("Span"))
        for name, days in SPANS:
            self.span_box.addItem(_(name), days)
        self.span_box.setCurrentIndex(1)
        self.score_box = QCheckBox(_("Day score behind (0–100, right)"), self)
        self.score_box.setChecked(True)
        self.chart = TrendChart(self)
        self.legend = QLabel(self)
        self.legend.setWordWrap(True)
        self.lags = QLabel(self)
        self.lags.setWordWrap(True)
        self.lags.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.better = QLabel(self)
        self.better.setWordWrap(True)
        self.better.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        bar = QHBoxLayout()
        for label, widget in ((_("&Show:"), self.field_box), (_("S&pan:"), self.span_box)):
            text = QLabel(label, self)
            text.setBuddy(widget)
            bar.addWidget(text)
            bar.addWidget(widget)
        bar.addWidget(self.score_box)
        bar.addStretch(1)
        notes = QWidget(self)
        notes_layout = QVBoxLayout(notes)
        heading = QLabel(_("<b>What goes with better days</b>"), notes)
        notes_layout.addWidget(self.lags)
        notes_layout.addWidget(heading)
        notes_layout.addWidget(self.better)
        notes_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidget(notes)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.chart, 3)
        layout.addWidget(self.legend)
        layout.addWidget(scroll, 2)

        self.field_box.currentIndexChanged.connect(self.redraw)
        self.span_box.currentIndexChanged.connect(self.redraw)
        self.score_box.toggled.connect(self.redraw)

    # -- loading ---------------------------------------------------------------------------
    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not self._loaded and self._watch is None:
            # After the first paint, so the window appears at once with "Loading…"; at the
            # latest after half a second for a window that is never painted.
            self._watch = PaintWatch(self.chart, timeout_ms=500)
            self._watch.painted.connect(self.reload)

    def set_scores(self, scores: Mapping[date, Mapping[str, Any]]) -> None:
        self.scores = scores
        if self._loaded:
            self.reload()

    def reload(self) -> None:
        """Reads the journal and redraws (after a check-in was saved, say)."""
        from planner.journal.analysis import better_days, timeline

        self._loaded = True
        try:
            columns = self.store.columns()
        except PlannerError as exc:
            self.chart.set_data(None, None, [], None, 0, 1, str(exc))
            return
        notices, self.store.notices[:] = list(self.store.notices), []
        self.frame = timeline(columns, self.scores)
        lines = [*notices, *better_days(self.frame)]
        self.better.setText("\n\n".join(lines))
        self.redraw()

    # -- drawing ---------------------------------------------------------------------------
    @property
    def key(self) -> str:
        return str(self.field_box.currentData())

    def redraw(self, *_args: object) -> None:
        from planner.journal.analysis import lag_table, rolling_means, strongest_lag

        frame = self.frame
        if frame is None:
            return
        if not len(frame) or not frame[self.key].notna().any():
            self.chart.set_data(None, None, [], None, 0, 1, _("No check-ins with this field yet."))
            self.legend.clear()
            self.lags.clear()
            return
        span = int(self.span_box.currentData())
        last = frame.index[-1]
        shown = frame if not span else frame.loc[last - _days(span - 1) :]
        key = self.key
        field = FIELD_BY_KEY[key]
        values = shown[key].to_numpy(dtype=float)
        means: list[tuple[str, np.ndarray, str]] = []
        if key in SKIN_KEYS:
            rolled = rolling_means(frame, [key], (14, 28)).loc[shown.index]
            means = [
                (_("2-week mean"), rolled[f"{key}_14d"].to_numpy(dtype=float), "mean"),
                (_("4-week mean"), rolled[f"{key}_28d"].to_numpy(dtype=float), "mean_long"),
            ]
        elif len(shown) > LONG_SPAN:
            rolled = rolling_means(frame, [key], (7,)).loc[shown.index]
            means = [(_("week mean"), rolled[f"{key}_7d"].to_numpy(dtype=float), "mean")]
        score = None
        if self.score_box.isChecked() and shown["score"].notna().any():
            if len(shown) > LONG_SPAN:  # over months, the week's mean reads better
                score = rolling_means(frame, ["score"], (7,)).loc[shown.index, "score_7d"]
                score = score.to_numpy(dtype=float)
            else:
                score = shown["score"].to_numpy(dtype=float)
        top = float(shown[key].max()) if shown[key].notna().any() else field.high
        high = field.high if field.high <= 10 else max(1.0, top)
        self.chart.set_data(shown.index[0].date(), values, means, score, field.low, high)
        parts = [
            _("Dots: {field} each day (empty days left out).").format(field=_(field.label).lower())
        ]
        parts += [
            (_("Dashed line: {mean}.") if c == "mean_long" else _("Solid line: {mean}.")).format(
                mean=n
            )
            for n, _v, c in means
        ]
        if score is not None:
            parts.append(
                _("Green line: the day score of the plan, week mean (right scale).")
                if len(shown) > LONG_SPAN
                else _("Green line: the day score of the plan (right scale).")
            )
        self.legend.setText(" ".join(parts))
        if key in GUT_KEYS or key in SKIN_KEYS:
            lags = lag_table(frame, ["fermented", "alcohol", "sleep_7h"], [key])
            lines = []
            for factor in ("fermented", "alcohol", "sleep_7h"):
                best = strongest_lag(lags, factor, key)
                shown_lags = [g for g in lags if g.factor == factor]
                lines.append(best.sentence() if best else shown_lags[0].sentence())
            what = _("same day, next day, two days later") if key in GUT_KEYS else _("up to 2 days")
            title = _("<b>Lagged links ({spans})</b>").format(spans=what)
            self.lags.setText("<br>".join([title, *lines]))
        else:
            self.lags.clear()


def _days(n: int) -> Any:
    import pandas as pd

    return pd.Timedelta(days=n)
