"""The panel for the selected day: its score in parts, energy and protein, skin nutrients,
suggestions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner.core.foods import NUTRIENT_LABELS
from planner.core.totals import amount_text
from planner.i18n import N_, _
from planner.scoring.model import PART_KEYS, PART_LABELS, SKIN_NUTRIENTS
from ui.models.foods import literal_tip
from ui.models.suggestions import SuggestionModel
from ui.theme import score_color
from ui.views.lists import FoodListView
from ui.views.sharebar import FocusBox, ShareBar

if TYPE_CHECKING:
    from planner.scoring.results import DayScore, PartScore, Suggestion

EVERYDAY = (("energy_kcal", N_("Energy"), "kcal"), ("protein_g", N_("Protein"), "g"))
SKIN_BAR_COLOR = "#2f8fb5"  # the skin nutrients' bars, apart from the score's own colours


def _number(value: float, decimals: int, locale: QLocale | None = None) -> str:
    """A number as the app's language writes it (QLocale follows it: "29,5" in German),
    rounded as Python rounds (the tests' and the CLI's "29.5" and "30" stay the same).
    ``locale``: QLocale(), made once by a caller that writes many numbers."""
    locale = QLocale() if locale is None else locale
    return locale.toString(float(f"{value:.{decimals}f}"), "f", decimals)


def points_text(points: float, most: float, locale: QLocale | None = None) -> str:
    """Points out of the most, never rounded up to full or down to nothing: 29.5 of 30 reads
    "29.5 / 30", not a full "30 / 30" beside a sentence saying the target was missed."""
    locale = QLocale() if locale is None else locale
    shown = f"{points:.0f}"
    if (shown == f"{most:.0f}" and points < most) or (shown == "0" and points > 0):
        text = _number(points, 1, locale)
    else:
        text = _number(points, 0, locale)
    # Translators: a score part's points out of its most, e.g. "12 / 30".
    return _("{points} / {most}").format(points=text, most=_number(most, 0, locale))


def _percent(value: float, locale: QLocale | None = None) -> str:
    """A share in whole percent, its digits and sign as the language writes them."""
    locale = QLocale() if locale is None else locale
    return _number(value, 0, locale) + locale.percent()


def _set_value(bar: QProgressBar, value: int) -> None:
    """A progress bar paints itself at once when its value changes (QProgressBar.setValue
    calls repaint): with its updates off it is painted on the next turn of the event loop
    instead, with the rest. Only the bars and labels that changed are painted again, not
    the whole panel."""
    if bar.value() != value:
        bar.setUpdatesEnabled(False)
        bar.setValue(value)
        bar.setUpdatesEnabled(True)


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
        self.why.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.why.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # a Tab stop: read by keyboard
        self.why.setAccessibleName(_("Why this score"))

        # The explanation and the nutrients are read with the keyboard too: each box is a
        # Tab stop whose accessible description holds what it shows.
        self.parts_box = FocusBox(_("Score parts"), self)
        self.parts_box.setObjectName("scoreParts")
        self._parts_grid = grid = QGridLayout(self.parts_box)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)
        grid.setColumnStretch(1, 1)
        self.part_names: dict[str, QLabel] = {}
        self.part_points: dict[str, QLabel] = {}
        self.part_bars: dict[str, ShareBar] = {}
        self.part_sentences: dict[str, QLabel] = {}
        # What each row shows now: an edit changes a few parts, and the rows of the others
        # are left as they are (each row costs some twenty calls into Qt).
        self._shown: dict[tuple[str, str], object] = {}
        self._rows: tuple[tuple[str, str], ...] | None = None  # the parts' rows on show
        for key in PART_KEYS:
            self._part_row(key, _(PART_LABELS[key]) if key in PART_LABELS else key.title())

        skin_box = FocusBox(_("Skin nutrients (share of daily value)"), self)
        skin_box.setObjectName("skinNutrients")
        self.skin_box = skin_box
        skin = QGridLayout(skin_box)
        skin.setVerticalSpacing(4)
        self.skin_bars: dict[str, ShareBar] = {}
        self.skin_values: dict[str, QLabel] = {}
        for row, key in enumerate(SKIN_NUTRIENTS):
            nutrient = _(NUTRIENT_LABELS[key])
            name = QLabel(nutrient, skin_box)
            bar = ShareBar(_("{nutrient} share of daily value").format(nutrient=nutrient), skin_box)
            bar.set_color(SKIN_BAR_COLOR)
            value = QLabel(skin_box)
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            value.setMinimumWidth(value.fontMetrics().horizontalAdvance(_percent(100) + "+") + 4)
            skin.addWidget(name, row, 0)
            skin.addWidget(bar, row, 1)
            skin.addWidget(value, row, 2)
            self.skin_bars[key], self.skin_values[key] = bar, value
        skin.setColumnStretch(1, 1)
        # Energy and protein, for people balancing other goals; not part of the score.
        self.everyday: dict[str, QLabel] = {}
        row = len(SKIN_NUTRIENTS)
        for key, label, _unit in EVERYDAY:
            name = QLabel(_(label), skin_box)
            value = QLabel("–", skin_box)
            value.setObjectName(f"day_{key}")
            value.setAccessibleName(_("{nutrient} of the day").format(nutrient=_(label)))
            skin.addWidget(name, row, 0)
            skin.addWidget(value, row, 1, 1, 2)
            self.everyday[key] = value
            row += 1
        skin.setRowStretch(row, 1)  # spare height below the rows, not between them
        self.parts_box.setAccessibleName(_("Score parts"))
        skin_box.setAccessibleName(_("Skin nutrients, energy and protein"))

        suggest_box = QGroupBox(_("Suggestions for this day"), self)
        suggest = QVBoxLayout(suggest_box)
        self.suggestions = SuggestionModel(self)
        self.suggestion_list = SuggestionList(suggest_box)
        self.suggestion_list.setModel(self.suggestions)
        self.suggestion_list.setAccessibleName(_("Suggestions"))
        self.add_suggestion = QPushButton(_("Add to Selected Meal"), suggest_box)
        self.add_suggestion.setAccessibleName(_("Add the chosen suggestion to the selected meal"))
        self.add_suggestion.setToolTip(
            _("Add one serving of the chosen suggestion to the selected meal (Enter in the list)")
        )
        self.empty_suggestions = QLabel(suggest_box)
        self._has_suggestions: bool | None = None  # what the two below show
        self.empty_suggestions.setWordWrap(True)
        suggest.addWidget(self.suggestion_list, 1)
        suggest.addWidget(self.empty_suggestions)
        suggest.addWidget(self.add_suggestion, 0, Qt.AlignmentFlag.AlignRight)

        head = QVBoxLayout()
        head.addWidget(self.title)
        head.addWidget(self.why)
        head.addWidget(self.parts_box, 1)
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

    def _part_row(self, key: str, label: str) -> None:
        """The rows of one score part: its name, bar and points, and its sentence below."""
        box, grid = self.parts_box, self._parts_grid
        row = len(self.part_points)
        name = QLabel(label, box)
        points = QLabel(box)
        points.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        points.setMinimumWidth(points.fontMetrics().horizontalAdvance(points_text(29.5, 30)) + 4)
        bar = ShareBar(_("{part} points").format(part=label), box)
        sentence = QLabel(box)
        sentence.setObjectName("partSentence")
        sentence.setWordWrap(True)
        sentence.setTextFormat(Qt.TextFormat.PlainText)
        grid.addWidget(name, row * 2, 0)
        grid.addWidget(bar, row * 2, 1)
        grid.addWidget(points, row * 2, 2)
        grid.addWidget(sentence, row * 2 + 1, 0, 1, 3)
        self.part_names[key], self.part_points[key], self.part_bars[key] = name, points, bar
        self.part_sentences[key] = sentence

    def _show_parts(self, parts: tuple[PartScore, ...]) -> None:
        """One row per part the score holds, named by the part; other rows hidden."""
        rows = tuple((part.key, part.label) for part in parts)
        if rows == self._rows:  # each edit shows the same rows: nothing to do
            return
        self._rows = rows
        for part in parts:
            if part.key not in self.part_points:
                self._part_row(part.key, part.label)
            elif self.part_names[part.key].text() != part.label:
                self.part_names[part.key].setText(part.label)
                self.part_bars[part.key].setAccessibleName(
                    _("{part} points").format(part=part.label)
                )
        keys = {part.key for part in parts}
        for key in self.part_points:
            shown = key in keys or not parts
            for widget in (
                self.part_names[key],
                self.part_points[key],
                self.part_bars[key],
                self.part_sentences[key],
            ):
                if widget.isHidden() == shown:
                    widget.setVisible(shown)

    def show_day(
        self,
        score: DayScore | None,
        heading: str,
        everyday: dict[str, tuple[float, list[str]]] | None = None,
    ) -> None:
        """Show a day's score (None while it is being worked out) and its energy and
        protein (``everyday``: key -> total and the foods whose value is unknown)."""
        self._show_day(score, heading)
        self._show_everyday(everyday or {})
        self._describe()

    def _show_everyday(self, everyday: dict[str, tuple[float, list[str]]]) -> None:
        for key, label, unit in EVERYDAY:
            value = self.everyday[key]
            if key not in everyday:
                value.setText("–")
                value.setToolTip("")
                continue
            total, unknown = everyday[key]
            value.setText(amount_text(total, unknown, unit))
            tip = _(
                "{nutrient}: the day's foods, servings times the value per serving (USDA SR28)."
            ).format(nutrient=_(label))
            if unknown:
                tip += "\n" + _("Unknown for {foods}.").format(foods=", ".join(unknown))
            value.setToolTip(tip)

    def _describe(self) -> None:
        """What each box shows, as one text for a screen reader reaching it by Tab."""
        lines = [self.title.text(), self.why.text()]
        for key, points in self.part_points.items():
            if points.isVisibleTo(self.parts_box):
                # Translators: a score part read by a screen reader: its name, its points
                # and its sentence.
                lines.append(
                    _("{part}: {points}. {sentence}").format(
                        part=self.part_names[key].text(),
                        points=points.text(),
                        sentence=self.part_sentences[key].text(),
                    )
                )
        self.parts_box.setAccessibleDescription("\n".join(line for line in lines if line))
        # Translators: a nutrient and its value, read by a screen reader ("Zinc: 40%").
        said = _("{nutrient}: {value}")
        skin = [
            said.format(nutrient=_(NUTRIENT_LABELS[key]), value=self.skin_values[key].text())
            for key in SKIN_NUTRIENTS
        ]
        skin += [
            said.format(nutrient=_(label), value=self.everyday[key].text())
            for key, label, _unit in EVERYDAY
        ]
        self.skin_box.setAccessibleDescription("\n".join(skin))

    def _show_day(self, score: DayScore | None, heading: str) -> None:
        if score is None or score.score is None:
            if score is None:
                title = heading or _("Scoring…")
            elif score.unknown_foods:  # foods, but none the catalog knows (a deleted own food)
                # Translators: {day} is the day's name and date.
                title = _("{day}: not scored").format(day=heading)
            else:
                title = _("{day}: not planned").format(day=heading)
            self.title.setText(title)
            self.why.setText(score.why if score else "")
            self._shown.clear()
            for key in self.part_points:
                self.part_points[key].setText("–")
                _set_value(self.part_bars[key], 0)
                self.part_bars[key].setToolTip("")  # no sentence to tell any more
                self.part_sentences[key].setText("")
            for key in SKIN_NUTRIENTS:
                _set_value(self.skin_bars[key], 0)
                self.skin_values[key].setText("–")
                self.skin_bars[key].setToolTip("")
                self.skin_values[key].setToolTip("")
            return
        locale = QLocale()  # one for every number below
        self.title.setText(
            _("{day}: score {score} of 100").format(
                day=heading, score=_number(score.score, 0, locale)
            )
        )
        self.why.setText(score.why)
        self._show_parts(score.parts)
        for part in score.parts:
            if self._shown.get(("part", part.key)) == part:
                continue
            self._shown[("part", part.key)] = part
            self.part_points[part.key].setText(points_text(part.points, part.max_points, locale))
            bar = self.part_bars[part.key]
            _set_value(bar, round(100 * part.share))
            bar.set_color(score_color(100 * part.share))
            self.part_sentences[part.key].setText(part.sentence)
            bar.setToolTip(literal_tip(part.sentence))
        for share in score.skin:
            if self._shown.get(("skin", share.key)) == share:
                continue
            self._shown[("skin", share.key)] = share
            percent = 100 * share.share
            bar = self.skin_bars[share.key]
            _set_value(bar, min(100, round(percent)))
            value = self.skin_values[share.key]
            if share.is_unknown:
                value.setText(_("unknown"))  # nothing known: not "0%"
            else:
                over = "+" if percent > 100 or share.unknown_foods else ""
                value.setText(_percent(min(percent, 100), locale) + over)
            tip = _("{nutrient}: {amount} {unit} ({percent} of a day's need)").format(
                nutrient=share.label,
                amount=locale.toString(float(share.amount), "g", 3),
                unit=share.unit,
                percent=_percent(percent, locale),
            )
            if share.unknown_foods:
                tip += "\n" + _("Unknown for {foods}: the share may be higher.").format(
                    foods=", ".join(share.unknown_foods)
                )
            bar.setToolTip(literal_tip(tip))
            value.setToolTip(literal_tip(tip))

    def show_suggestions(
        self, items: list[Suggestion], weights: dict[str, str] | None = None
    ) -> None:
        """The suggestions, with what a serving of each weighs (by food id) when known."""
        self.suggestions.set_suggestions(items, weights)
        first = self.suggestions.index(0)
        if items and self.suggestion_list.currentIndex() != first:
            self.suggestion_list.setCurrentIndex(first)
        if bool(items) != self._has_suggestions:  # most edits leave it as it was
            self._has_suggestions = bool(items)
            self.empty_suggestions.setVisible(not items)
            self.empty_suggestions.setText(
                "" if items else _("No single food would raise this day.")
            )
            self.add_suggestion.setEnabled(bool(items))

    def current_suggestion(self) -> Suggestion | None:
        return self.suggestions.suggestion(self.suggestion_list.currentIndex().row())

    def _add_current(self) -> None:
        chosen = self.current_suggestion()
        if chosen is not None:
            self.addSuggestionRequested.emit(chosen.food_id)
