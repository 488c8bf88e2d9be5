"""The rotation rules dialog: the plan's rules, each with a box to turn it on or off, a
button to remove it, and New Rule… to make one from the user's templates.

Every change is an edit (planner.core.rotations) handed to ``apply`` (the document's
apply, so it is undoable like any other edit).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from planner.core.edits import Edit
from planner.core.plan import MEAL_LABELS, MEALS, Plan
from planner.core.rotations import (
    ALL_WEEKDAYS,
    AddRule,
    RemoveRule,
    Rule,
    make_rule,
    plan_rules,
    set_rule_enabled,
)
from planner.errors import PlannerError
from planner.i18n import N_, _
from planner.storage.templates import TemplateLibrary
from ui.dialogs.parts import beside, close_only, message_line, ok_cancel, stack

# (label, template kind, how it turns); "every" is one template on chosen weekdays.
RULE_KINDS = (
    (N_("A meal every week (e.g. Friday dinner: pizza)"), "meal", "every"),
    (N_("Meals in turn, the next one each day"), "meal", "day"),
    (N_("Meals in turn, the next one each week"), "meal", "week"),
    (N_("A day every week (e.g. Sunday: rest day)"), "day", "every"),
    (N_("Weeks in turn (weeks A, B, C…)"), "week", "week"),
)
DAY_CHOICES = (
    (N_("Every day"), ALL_WEEKDAYS),
    (N_("Weekdays"), frozenset(range(5))),
    (N_("Weekends"), frozenset({5, 6})),
)


class NewRuleDialog(QDialog):
    """Choose a kind of rule, its templates, its meal and days; ``rule`` is the result."""

    def __init__(self, library: TemplateLibrary, anchor: date, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("New Rule"))
        self._library, self._anchor = library, anchor
        self.rule: Rule | None = None
        self.kind = QComboBox(self)
        for label, kind, turn in RULE_KINDS:
            self.kind.addItem(_(label), (kind, turn))
        self.meal = QComboBox(self)
        for meal in MEALS:
            self.meal.addItem(_(MEAL_LABELS[meal]), meal)
        self.days = QComboBox(self)
        for label, days in DAY_CHOICES:
            self.days.addItem(_(label), days)
        for n in range(7):  # each weekday by itself, named in the user's language
            self.days.addItem(QLocale().standaloneDayName(n + 1), frozenset({n}))
        self.templates = QListWidget(self)
        self.templates.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.templates.setAccessibleName(_("Templates of the rule, in turn order"))
        self.message = message_line(self)  # may quote a template's name
        form = QFormLayout()
        form.addRow(_("&Rule:"), self.kind)
        form.addRow(_("&Meal:"), self.meal)
        form.addRow(_("&Days:"), self.days)
        form.addRow(_("&Templates:"), self.templates)
        form.addRow(
            QLabel(
                _(
                    "Turns count from the week of {day}. Rules fill only empty meals of new weeks."
                ).format(
                    day=QLocale().toString(
                        QDate(anchor.year, anchor.month, anchor.day), "ddd dd MMM yyyy"
                    )
                ),
                self,
            )
        )
        stack(self, form, self.message, ok_cancel(self, _("Add Rule"), self._accept))
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()

    def _kind_changed(self, *_args: object) -> None:
        kind, turn = self.kind.currentData()
        self.meal.setEnabled(kind == "meal")
        self.days.setEnabled(kind != "week")
        self.templates.clear()
        for template in self._library.of_kind(kind):
            item = QListWidgetItem(template.name)
            item.setData(Qt.ItemDataRole.UserRole, template.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.templates.addItem(item)
        if not self.templates.count():
            first = {
                "meal": _("Save a meal as a template first: rules are made of them."),
                "day": _("Save a day as a template first: rules are made of them."),
                "week": _("Save a week as a template first: rules are made of them."),
            }
            self.message.setText(first[kind])
        else:
            self.message.setText(_("One template.") if turn == "every" else _("Templates in turn."))

    def chosen(self) -> list[str]:
        items = (self.templates.item(i) for i in range(self.templates.count()))
        return [
            str(item.data(Qt.ItemDataRole.UserRole))
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        ]

    def build(self) -> Rule:
        """The rule the dialog describes; raises PlannerError naming what is missing."""
        kind, turn = self.kind.currentData()
        templates = [t for i in self.chosen() if (t := self._library.get(i)) is not None]
        if turn == "every" and len(templates) > 1:
            raise PlannerError(_("This kind of rule takes one template; choose Meals in turn."))
        return make_rule(
            templates,
            anchor=self._anchor,
            meal=self.meal.currentData() if kind == "meal" else None,
            weekdays=self.days.currentData() if kind != "week" else ALL_WEEKDAYS,
            step="week" if turn == "every" else turn,
        )

    def _accept(self) -> None:
        try:
            self.rule = self.build()
        except PlannerError as exc:
            self.message.setText(str(exc))
            return
        self.accept()


class RulesDialog(QDialog):
    """The plan's rules. ``plan`` gives the open plan; ``apply`` applies an edit for undo
    and returns False if the plan refused it."""

    def __init__(
        self,
        plan: Callable[[], Plan],
        apply: Callable[[Edit], bool],
        library: TemplateLibrary,
        anchor: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Rotation Rules"))
        self._plan, self._apply, self._library, self._anchor = plan, apply, library, anchor
        self.list = QListWidget(self)
        self.list.setAccessibleName(_("Rules; a checked rule fills new weeks"))
        self.new_button = QPushButton(_("&New Rule…"), self)
        self.remove_button = QPushButton(_("&Remove"), self)
        self.message = message_line(self)  # may quote a template's name
        about = QLabel(
            _(
                "Rules fill the empty meals of each week you add; a meal you filled by hand "
                "is never changed. Uncheck a rule to turn it off."
            ),
            self,
        )
        about.setWordWrap(True)  # one line was wider than a 1024-pixel screen in German
        row = beside(self.list, (self.new_button, self.remove_button))
        stack(self, about, row, self.message, close_only(self))
        self.new_button.clicked.connect(self.new_rule)
        self.remove_button.clicked.connect(self.remove_rule)
        self.list.itemChanged.connect(self._item_changed)
        self.list.currentRowChanged.connect(self._update_buttons)
        self.resize(560, 320)
        self.fill()

    def fill(self, select: str | None = None) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for rule in plan_rules(self._plan()):
            item = QListWidgetItem(rule.describe())
            item.setData(Qt.ItemDataRole.UserRole, rule.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if rule.enabled else Qt.CheckState.Unchecked)
            self.list.addItem(item)
            if rule.id == select:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(0)
        if not self.list.count():
            self.message.setText(_("This plan has no rules."))
        self._update_buttons()

    def _update_buttons(self, *_args: object) -> None:
        self.remove_button.setEnabled(self.list.currentItem() is not None)

    def _run(self, edit: Edit, done: str, select: str | None = None) -> None:
        if self._apply(edit):
            self.message.setText(done)
        self.fill(select)

    def _item_changed(self, item: QListWidgetItem) -> None:
        rule_id = str(item.data(Qt.ItemDataRole.UserRole))
        enabled = item.checkState() == Qt.CheckState.Checked
        try:
            edit = set_rule_enabled(self._plan(), rule_id, enabled)
        except PlannerError as exc:
            self.message.setText(str(exc))
            self.fill()
            return
        self._run(edit, _("Rule turned on.") if enabled else _("Rule turned off."), rule_id)

    def new_rule(self, rule: Rule | None = None) -> None:
        if rule is None:
            dialog = NewRuleDialog(self._library, self._anchor, self)
            if dialog.exec() != QDialog.DialogCode.Accepted or dialog.rule is None:
                return
            rule = dialog.rule
        self._run(AddRule(rule), _("Added: {rule}.").format(rule=rule.describe()), rule.id)

    def remove_rule(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        self._run(RemoveRule(str(item.data(Qt.ItemDataRole.UserRole))), _("Rule removed."))
