"""The panel for the selected day: its score in four parts, skin nutrients, suggestions."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from planner.core.foods import NUTRIENT_LABELS
from planner.scoring.model import PART_KEYS, SKIN_NUTRIENTS, DayScore, Suggestion
from ui.models.foods import literal_tip
from ui.models.suggestions import SuggestionModel
from ui.theme import score_color
from ui.views.lists import FoodListView

PART_LABELS = {
    "probiotic": "Probiotic",
    "prebiotic": "Prebiotic",
    "fiber": "Fiber",
    "limit": "Limit foods",
}


def _bar(accessible: str, parent: QWidget) -> QProgressBar:
    bar = QProgressBar(parent)
    bar.setRange(0, 100)
    bar.setTextVisible(False)
    bar.setFixedHeight(8)
    bar.setAccessibleName(accessible)
    bar.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return bar


def _tint(bar: QProgressBar, color: str) -> None:
    bar.setStyleSheet(
        "QProgressBar { border: none; border-radius: 4px; background: palette(midlight); }"
        f"QProgressBar::chunk {{ border-radius: 4px; background: {color}; }}"
    )


class SuggestionList(FoodListView):
    """Suggestions; Enter or a double-click adds the food to the selected meal."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)


class DayPanel(QWidget):
    addSuggestionRequested = Signal(str)  # food id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self)
        self.title.setObjectName("dayTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        self.why = QLabel(self)
        self.why.setWordWrap(True)
        # Sentences name foods, whose names are the user's text: never rendered as HTML.
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.why.setTextFormat(Qt.TextFormat.PlainText)
        self.why.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        parts_box = QGroupBox("Score parts", self)
        grid = QGridLayout(parts_box)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)
        self.part_points: dict[str, QLabel] = {}
        self.part_bars: dict[str, QProgressBar] = {}
        self.part_sentences: dict[str, QLabel] = {}
        for row, key in enumerate(PART_KEYS):
            name = QLabel(PART_LABELS[key], parts_box)
            points = QLabel(parts_box)
            points.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            points.setMinimumWidth(points.fontMetrics().horizontalAdvance("30 / 30") + 4)
            bar = _bar(f"{PART_LABELS[key]} points", parts_box)
            sentence = QLabel(parts_box)
            sentence.setObjectName("partSentence")
            sentence.setWordWrap(True)
            sentence.setTextFormat(Qt.TextFormat.PlainText)
            grid.addWidget(name, row * 2, 0)
            grid.addWidget(bar, row * 2, 1)
            grid.addWidget(points, row * 2, 2)
            grid.addWidget(sentence, row * 2 + 1, 0, 1, 3)
            self.part_points[key], self.part_bars[key] = points, bar
            self.part_sentences[key] = sentence
        grid.setColumnStretch(1, 1)

        skin_box = QGroupBox("Skin nutrients (share of daily value)", self)
        skin = QGridLayout(skin_box)
        skin.setVerticalSpacing(4)
        self.skin_bars: dict[str, QProgressBar] = {}
        self.skin_values: dict[str, QLabel] = {}
        for row, key in enumerate(SKIN_NUTRIENTS):
            name = QLabel(NUTRIENT_LABELS[key], skin_box)
            bar = _bar(f"{NUTRIENT_LABELS[key]} share of daily value", skin_box)
            _tint(bar, "#2f8fb5")
            value = QLabel(skin_box)
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            value.setMinimumWidth(value.fontMetrics().horizontalAdvance("100%+") + 4)
            skin.addWidget(name, row, 0)
            skin.addWidget(bar, row, 1)
            skin.addWidget(value, row, 2)
            self.skin_bars[key], self.skin_values[key] = bar, value
        skin.setColumnStretch(1, 1)

        suggest_box = QGroupBox("Suggestions for this day", self)
        suggest = QVBoxLayout(suggest_box)
        self.suggestions = SuggestionModel(self)
        self.suggestion_list = SuggestionList(suggest_box)
        self.suggestion_list.setModel(self.suggestions)
        self.suggestion_list.setAccessibleName("Suggestions")
        self.add_suggestion = QPushButton("Add to Selected Meal", suggest_box)
        self.add_suggestion.setToolTip(
            "Add one serving of the chosen suggestion to the selected meal (Enter in the list)"
        )
        self.empty_suggestions = QLabel(suggest_box)
        self.empty_suggestions.setWordWrap(True)
        suggest.addWidget(self.suggestion_list, 1)
        suggest.addWidget(self.empty_suggestions)
        suggest.addWidget(self.add_suggestion, 0, Qt.AlignmentFlag.AlignRight)

        head = QVBoxLayout()
        head.addWidget(self.title)
        head.addWidget(self.why)
        head.addWidget(parts_box, 1)
        boxes = QHBoxLayout()
        boxes.addLayout(head, 5)
        boxes.addWidget(skin_box, 3)
        boxes.addWidget(suggest_box, 4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 8)
        layout.addLayout(boxes)

        self.suggestion_list.addRequested.connect(self._add_current)
        self.add_suggestion.clicked.connect(self._add_current)
        self.show_day(None, "")

    def show_day(self, score: DayScore | None, heading: str) -> None:
        """Show a day's score; None while it is being worked out."""
        # A progress bar repaints the window at once when its value changes; with updates
        # off, the panel is painted once, with the grid, on the next turn of the loop.
        self.setUpdatesEnabled(False)
        try:
            self._show_day(score, heading)
        finally:
            self.setUpdatesEnabled(True)

    def _show_day(self, score: DayScore | None, heading: str) -> None:
        if score is None or score.score is None:
            self.title.setText(f"{heading}: not planned" if score else heading or "Scoring…")
            self.why.setText(score.why if score else "")
            for key in PART_KEYS:
                self.part_points[key].setText("–")
                self.part_bars[key].setValue(0)
                self.part_sentences[key].setText("")
            for key in SKIN_NUTRIENTS:
                self.skin_bars[key].setValue(0)
                self.skin_values[key].setText("–")
                self.skin_bars[key].setToolTip("")
            return
        self.title.setText(f"{heading}: score {score.score:.0f} of 100")
        self.why.setText(score.why)
        for part in score.parts:
            self.part_points[part.key].setText(f"{part.points:.0f} / {part.max_points:.0f}")
            bar = self.part_bars[part.key]
            bar.setValue(round(100 * part.share))
            color = score_color(100 * part.share).name()
            if bar.property("tint") != color:  # a new style sheet costs a re-polish
                bar.setProperty("tint", color)
                _tint(bar, color)
            self.part_sentences[part.key].setText(part.sentence)
            bar.setToolTip(literal_tip(part.sentence))
        for share in score.skin:
            percent = 100 * share.share
            bar = self.skin_bars[share.key]
            bar.setValue(min(100, round(percent)))
            over = "+" if percent > 100 else ""
            self.skin_values[share.key].setText(f"{min(percent, 100):.0f}%{over}")
            tip = f"{share.label}: {share.amount:.3g} {share.unit} ({percent:.0f}% of a day's need)"
            if share.unknown_foods:
                tip += f"\nUnknown for {', '.join(share.unknown_foods)}: the share may be higher."
            bar.setToolTip(literal_tip(tip))
            self.skin_values[share.key].setToolTip(literal_tip(tip))

    def show_suggestions(self, items: list[Suggestion]) -> None:
        self.suggestions.set_suggestions(items)
        if items:
            self.suggestion_list.setCurrentIndex(self.suggestions.index(0))
        self.empty_suggestions.setVisible(not items)
        self.empty_suggestions.setText("" if items else "No single food would raise this day.")
        self.add_suggestion.setEnabled(bool(items))

    def current_suggestion(self) -> Suggestion | None:
        return self.suggestions.suggestion(self.suggestion_list.currentIndex().row())

    def _add_current(self) -> None:
        chosen = self.current_suggestion()
        if chosen is not None:
            self.addSuggestionRequested.emit(chosen.food_id)
