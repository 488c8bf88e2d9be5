"""The amount box: a number and its unit (serving, g, oz, the food's household measures,
or a recipe's portions), used by the selected food's bar and the Set Amount dialog.

The box only shows and reports; whoever owns it turns a change into one plan edit.
Switching the unit converts the amount so that the weight stays the same
(``AmountEditor.converted``).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QLocale, QObject, Qt, Signal
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QHBoxLayout, QSizePolicy, QWidget

from planner.core.amounts import UnitChoice
from planner.core.foods import Food
from planner.core.plan import (
    GRAMS_PER_OUNCE,
    UNIT_GRAM,
    UNIT_OUNCE,
    UNIT_PORTION,
    UNIT_SERVING,
    max_amount,
)
from planner.i18n import N_, _
from ui.models.foods import literal_tip
from ui.settings import METRIC, US

# The smallest amount the box offers: a pinch of a spice in servings is still more than 0.
MIN_AMOUNT = 0.01
# How the spin box steps and how many decimals it shows, by unit (others: measures).
_STEPS = {UNIT_SERVING: 0.5, UNIT_PORTION: 0.5, UNIT_GRAM: 10.0, UNIT_OUNCE: 0.5}
_DECIMALS = {UNIT_GRAM: 1}
# Translators: the unit of a dish in the amount box.
PORTIONS = N_("portions")


def recipe_units() -> tuple[UnitChoice, ...]:
    """The units a dish is planned in (one: portions), in the current language."""
    return (UnitChoice(UNIT_PORTION, _(PORTIONS), None),)


def weight_units(food: Food) -> tuple[UnitChoice, ...]:
    """A food's serving and, when its weight is known, grams and ounces: the units that
    need no household measures (which take a quarter of a second to read first)."""
    if not food.grams > 0:  # unknown (NaN) or none
        # Translators: a unit in the amount box: servings of the food, as its label says.
        return (
            UnitChoice(
                UNIT_SERVING, _("serving ({serving})").format(serving=food.serving_label), None
            ),
        )
    grams = QLocale().toString(float(food.grams), "g", 6)
    serving = _("serving ({serving}, {grams} g)").format(serving=food.serving_label, grams=grams)
    return (
        UnitChoice(UNIT_SERVING, serving, food.grams),
        UnitChoice(UNIT_GRAM, "g", 1.0),
        UnitChoice(UNIT_OUNCE, "oz", GRAMS_PER_OUNCE),
    )


def ordered(choices: Sequence[UnitChoice], system: str) -> list[UnitChoice]:
    """The choices with the setting's weight unit before the other one (oz first for US)."""
    found = list(choices)
    if system == US:
        units = [c.unit for c in found]
        if UNIT_GRAM in units and UNIT_OUNCE in units:
            g, oz = units.index(UNIT_GRAM), units.index(UNIT_OUNCE)
            if g < oz:
                found[g], found[oz] = found[oz], found[g]
    return found


class AmountEditor(QObject):
    """A spin box and a unit combo, laid out in ``row``.

    ``amountEdited`` carries a value the person set (not one ``show_amount`` set);
    ``unitChosen`` the unit they picked in the combo.
    """

    amountEdited = Signal(float)
    unitChosen = Signal(str)

    def __init__(
        self,
        parent: QWidget,
        spin: QDoubleSpinBox | None = None,
        system: str = METRIC,
    ) -> None:
        super().__init__(parent)
        self.system = system
        self.spin = spin if spin is not None else QDoubleSpinBox(parent)
        self.spin.setKeyboardTracking(False)  # one edit per value, not per keystroke
        self.spin.setAccessibleName(_("Amount"))
        self.combo = QComboBox(parent)
        self.combo.setAccessibleName(_("Unit of the amount"))
        # A steady width, so that the bar does not jump as the selection moves; the list
        # that drops down is as wide as its longest unit ("cup, chopped or diced").
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.combo.setMinimumContentsLength(16)
        self.combo.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.row = QHBoxLayout()
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.addWidget(self.spin)
        self.row.addWidget(self.combo)
        self._choices: list[UnitChoice] = []
        self._unit = UNIT_SERVING  # the unit of the amount shown (the combo may be ahead)
        # The amount as given, which the spin box shows rounded to its decimals: a unit
        # switch's exact result is kept unless the person types another number.
        self._exact = 1.0
        self._showing = False
        self.spin.valueChanged.connect(self._value_changed)
        self.combo.activated.connect(self._unit_activated)
        self.show_amount(1.0, UNIT_SERVING, ())

    # -- what is shown -------------------------------------------------------------------
    def show_amount(self, amount: float, unit: str, choices: Sequence[UnitChoice]) -> None:
        """Show ``amount`` of ``unit`` with the units it may be switched to. A unit not
        among the choices (a measure the food no longer has) is listed as it is."""
        self._showing = True
        try:
            found = ordered(choices, self.system)
            if all(c.unit != unit for c in found):
                found.append(UnitChoice(unit, unit, None))
            if found != self._choices:
                self._choices = found
                self.combo.clear()
                for choice in found:
                    self.combo.addItem(choice.label, choice.unit)
                    # An own food's serving is the user's text: a tooltip shows it as
                    # written, never as HTML.
                    self.combo.setItemData(
                        self.combo.count() - 1,
                        literal_tip(choice.label),
                        Qt.ItemDataRole.ToolTipRole,
                    )
                view = self.combo.view()
                view.setMinimumWidth(view.sizeHintForColumn(0) + 24)
            self._unit = unit
            self.combo.setCurrentIndex(max(0, self.combo.findData(unit)))
            # The closed box may cut a long serving's text: its tooltip has all of it.
            self.combo.setToolTip(literal_tip(self.combo.currentText()))
            self._fit_spin(unit)
            self.spin.setValue(amount)
            self._exact = amount
        finally:
            self._showing = False

    def _fit_spin(self, unit: str) -> None:
        spin = self.spin
        spin.setDecimals(_DECIMALS.get(unit, 2))
        spin.setRange(MIN_AMOUNT, max_amount(unit))
        spin.setSingleStep(_STEPS.get(unit, 0.5))

    def set_enabled(self, enabled: bool) -> None:
        self.spin.setEnabled(enabled)
        self.combo.setEnabled(enabled)

    def amount(self) -> float:
        """The amount shown: exactly as given to ``show_amount`` unless changed since."""
        shown = self.spin.value()
        half_step = 0.5 * 10 ** -self.spin.decimals() + 1e-12
        return self._exact if abs(shown - self._exact) <= half_step else shown

    def unit(self) -> str:
        """The unit of the amount shown."""
        return self._unit

    def grams_each(self, unit: str) -> float | None:
        """The weight of one ``unit`` (None: unknown or not a weight, as a portion)."""
        for choice in self._choices:
            if choice.unit == unit:
                return choice.grams
        return None

    def converted(self, amount: float, old: str, new: str) -> float | None:
        """``amount`` of ``old`` in ``new`` at the same weight; None when either unit's
        weight is unknown."""
        if old == new:
            return amount
        before, after = self.grams_each(old), self.grams_each(new)
        if before is None or after is None or after <= 0:
            return None
        return amount * before / after

    def convert_to(self, unit: str) -> bool:
        """Show the spin box's amount in ``unit`` instead (the dialog's unit switch);
        False, and the old unit kept, when the weight cannot be kept."""
        old = self._unit
        amount = self.converted(self.amount(), old, unit)
        if amount is None or amount > max_amount(unit):
            self.show_amount(self.amount(), old, self._choices)
            return False
        self.show_amount(amount, unit, self._choices)
        return True

    # -- what the person does ------------------------------------------------------------
    def _value_changed(self, value: float) -> None:
        if not self._showing:
            self.amountEdited.emit(value)

    def _unit_activated(self, index: int) -> None:
        unit = self.combo.itemData(index)
        if isinstance(unit, str):
            self.unitChosen.emit(unit)
