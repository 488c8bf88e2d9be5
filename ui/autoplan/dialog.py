"""The constraints shown before a fill, with the last ones used as the defaults."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from planner.autoplan.model import Settings
from planner.core.food import TAG_WORDS
from planner.core.foods import TAGS, Catalog
from planner.core.plan import MEALS, meal_word
from planner.errors import PlannerError
from planner.i18n import N_, _
from ui.autoplan.dishes import DishPicker
from ui.screen import fit_to_screen, scrolling

if TYPE_CHECKING:
    from planner.recipes.book import RecipeBook

# The tags' words, but "animal foods" says here what avoiding them makes of the week.
TAG_LABELS = {**TAG_WORDS, "animal": N_("animal foods (vegan)")}
TAGS_PER_ROW = 3  # in one row the dialog was wider than a 1024-pixel screen in German


def _spin(low: int, high: int, value: float, step: int = 1, suffix: str = "") -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setSingleStep(step)
    box.setValue(int(value))
    if suffix:
        box.setSuffix(suffix)
    return box


class AutoplanDialog(QDialog):
    """Energy per day, foods avoided, plants and live-culture days, repeats, dishes per
    meal, the limit-food allowance, recipes or not, and liked and disliked foods and
    recipes."""

    def __init__(
        self,
        parent: QWidget | None,
        settings: Settings,
        title: str,
        catalog: Catalog | None = None,
        book: RecipeBook | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._base = settings
        form = QFormLayout()
        self.energy_min = _spin(800, 6000, settings.energy_min, 50, " kcal")
        self.energy_max = _spin(800, 6000, settings.energy_max, 50, " kcal")
        energy = QHBoxLayout()
        energy.addWidget(self.energy_min)
        # Translators: between the low and high ends of a range ("1800 to 2400 kcal").
        energy.addWidget(QLabel(_("to")))
        energy.addWidget(self.energy_max)
        form.addRow(_("Energy per day:"), energy)
        self.avoid: dict[str, QCheckBox] = {}
        tags = QGridLayout()
        for place, tag in enumerate(TAGS):
            box = QCheckBox(_(TAG_LABELS[tag]) if tag in TAG_LABELS else tag)
            box.setChecked(tag in settings.avoid_tags)
            self.avoid[tag] = box
            tags.addWidget(box, *divmod(place, TAGS_PER_ROW))
        form.addRow(_("Avoid:"), tags)
        self.vegetarian = QCheckBox(_("Vegetarian (no meat or fish)"))
        self.vegetarian.setChecked(settings.vegetarian)
        form.addRow("", self.vegetarian)
        self.plants = _spin(0, 100, settings.plants_per_week)
        form.addRow(_("Different plants a week, at least:"), self.plants)
        self.live = _spin(0, 7, settings.live_culture_days)
        form.addRow(_("Days with a live-culture food, at least:"), self.live)
        self.same = _spin(1, 21, settings.max_same_per_week)
        form.addRow(_("The same food or recipe, at most times a week:"), self.same)
        self.dishes: dict[str, tuple[QSpinBox, QSpinBox]] = {}
        for meal in MEALS:
            low, high = settings.dishes.get(meal, (1, 3))
            pair = (_spin(0, 8, low), _spin(0, 8, high))
            row = QHBoxLayout()
            row.addWidget(pair[0])
            row.addWidget(QLabel(_("to")))
            row.addWidget(pair[1])
            self.dishes[meal] = pair
            form.addRow(_("Dishes at {meal}:").format(meal=meal_word(meal)), row)
        self.allowance = _spin(0, 21, settings.limit_allowance)
        form.addRow(_("Foods to limit allowed a week:"), self.allowance)
        self.recipes = QCheckBox(_("Plan recipes (the starter recipes and your own) too"))
        self.recipes.setChecked(settings.recipes)
        form.addRow("", self.recipes)
        # Liked and disliked foods and recipes: only with a catalog to pick from.
        self.liked: DishPicker | None = None
        self.disliked: DishPicker | None = None
        if catalog is not None:
            self.liked = DishPicker(catalog, book, settings.liked, _("liked foods"))
            self.disliked = DishPicker(catalog, book, settings.disliked, _("disliked foods"))
            liked, disliked = self.liked, self.disliked
            # One list at a time: a food just liked is no longer disliked, and back.
            liked.changed.connect(lambda: disliked.discard(liked.ids()))
            disliked.changed.connect(lambda: liked.discard(disliked.ids()))
            form.addRow(_("Liked (planned more often):"), liked)
            form.addRow(_("Disliked (never planned):"), disliked)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        # The form scrolls, so that the buttons stay on a short screen (it is some 780
        # pixels tall with the two pickers).
        scroll = scrolling(self, form)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(_("Fills meals with food people eat as it is, chosen by the day score."))
        )
        layout.addWidget(scroll, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        fit_to_screen(self, scroll)
        self.result_settings: Settings | None = None

    def settings(self) -> Settings:
        """The settings as the dialog shows them; PlannerError if they do not hold."""
        return Settings(
            energy_min=float(self.energy_min.value()),
            energy_max=float(self.energy_max.value()),
            avoid_tags=frozenset(tag for tag, box in self.avoid.items() if box.isChecked()),
            vegetarian=self.vegetarian.isChecked(),
            disliked=self.disliked.ids() if self.disliked else self._base.disliked,
            liked=self.liked.ids() if self.liked else self._base.liked,
            pantry=self._base.pantry,
            max_same_per_week=self.same.value(),
            plants_per_week=self.plants.value(),
            live_culture_days=self.live.value(),
            dishes={meal: (a.value(), b.value()) for meal, (a, b) in self.dishes.items()},
            limit_allowance=self.allowance.value(),
            recipes=self.recipes.isChecked(),
        )

    def accept(self) -> None:
        try:
            self.result_settings = self.settings()
        except PlannerError as exc:
            self.message.setText(str(exc))  # one line, and the dialog stays open
            return
        super().accept()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        settings: Settings,
        title: str,
        catalog: Catalog | None = None,
        book: RecipeBook | None = None,
    ) -> Settings | None:
        dialog = cls(parent, settings, title, catalog, book)
        return dialog.result_settings if dialog.exec() == QDialog.DialogCode.Accepted else None


def explanation_text(result) -> str:  # result: planner.autoplan.solve.AutoplanResult
    """What the last fill chose, per day why and what each dish adds, and what gave way."""
    lines = []
    if result.average is not None:
        lines.append(
            _(
                "Average score {score} (scored by the app; the foods were chosen "
                "on a linear approximation of the score)."
            ).format(score=QLocale().toString(round(result.average)))
        )
    # Translators: a goal of the fill that gave way, and why.
    lines += [_("Relaxed: {reason}").format(reason=r.sentence) for r in result.relaxed]
    for day in sorted(result.explanations):
        lines += ["", result.explanations[day]]
    return "\n".join(lines)


class ExplanationDialog(QDialog):
    """The last fill explained; shown without blocking the window."""

    def __init__(self, parent: QWidget | None, text: str) -> None:
        from PySide6.QtWidgets import QPlainTextEdit

        super().__init__(parent)
        self.setWindowTitle(_("Why These Foods"))
        view = QPlainTextEdit(text)
        view.setReadOnly(True)
        view.setMinimumSize(640, 420)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(view)
        layout.addWidget(buttons)
        self.view = view
