"""The daily check-in: a form meant for the keyboard alone, in under 30 seconds.

Every field starts empty ("—"), which is not zero: a scale's combo box lists "—" first and
then each step with its word, so typing its digit picks it; a count's spin box shows "—"
one below its lowest value. Tab goes down the skin and gut questions, then the habits;
Ctrl+Enter saves from anywhere. The date field edits any past day: picking a day loads the
check-in saved for it.
"""

from __future__ import annotations

import itertools
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from planner.errors import PlannerError
from planner.i18n import _
from planner.journal.fields import (
    BOOL,
    CHOICE,
    FIELDS,
    FLOAT,
    GROUPS,
    INT,
    MAX_TEXT,
    MULTI,
    NONE_DONE,
    CheckIn,
    Field,
)
from planner.journal.store import JournalStore
from ui.screen import fit_to_screen, scrolling

EMPTY = "—"  # shown for a field left empty
PRACTICES_PER_ROW = 2
COMBO_CHARACTERS = 14  # what a closed choice box shows at least
LEFT_GROUPS = ("skin", "gut", "mood")  # the right column holds the habits and the meals


class _Practices(QWidget):
    """The stress practices as check boxes, and "none today" (empty when nothing ticked)."""

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Rows of two: in one row the dialog was wider than a 1024-pixel screen.
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        for place, name in enumerate((*field.words, NONE_DONE)):
            shown = _("none today") if name == NONE_DONE else _(name)
            box = QCheckBox(shown, self)
            # Translators: a check box's name for screen readers ("Stress practices: yoga").
            box.setAccessibleName(_("{field}: {choice}").format(field=_(field.label), choice=shown))
            self.boxes[name] = box
            layout.addWidget(box, *divmod(place, PRACTICES_PER_ROW))
            box.toggled.connect(lambda on, name=name: self._toggled(name, on))
        layout.setColumnStretch(PRACTICES_PER_ROW, 1)

    def _toggled(self, name: str, on: bool) -> None:
        # "none today" and a practice exclude each other.
        if not on:
            return
        if name == NONE_DONE:
            for other, box in self.boxes.items():
                if other != NONE_DONE:
                    box.setChecked(False)
        else:
            self.boxes[NONE_DONE].setChecked(False)

    def value(self) -> frozenset[str] | None:
        ticked = {name for name, box in self.boxes.items() if box.isChecked()}
        if not ticked:
            return None
        return frozenset(ticked - {NONE_DONE})

    def set_value(self, value: object) -> None:
        chosen = set(value) if isinstance(value, frozenset) else set()
        for name, box in self.boxes.items():
            box.setChecked(name in chosen or (name == NONE_DONE and value == frozenset()))

    def focus_chain(self) -> list[QWidget]:
        return list(self.boxes.values())


def _editor(field: Field, parent: QWidget) -> QWidget:
    if field.kind == INT and not field.words:
        spin = QSpinBox(parent)
        spin.setRange(int(field.low) - 1, int(field.high))
        spin.setSpecialValueText(EMPTY)
        if field.unit:
            spin.setSuffix(" " + _(field.unit))
        spin.setValue(spin.minimum())
        return spin
    if field.kind == FLOAT:
        dspin = QDoubleSpinBox(parent)
        dspin.setDecimals(1)
        dspin.setSingleStep(field.step)
        dspin.setRange(field.low - field.step, field.high)
        dspin.setSpecialValueText(EMPTY)
        if field.unit:
            dspin.setSuffix(" " + _(field.unit))
        dspin.setValue(dspin.minimum())
        return dspin
    if field.kind in (INT, CHOICE, BOOL):
        combo = QComboBox(parent)
        combo.addItem(EMPTY, None)
        if field.kind == INT:  # a scale: its steps, each with its word
            for n, word in enumerate(field.words):
                value = n + int(field.low)
                # Translators: a step of a scale and its word ("3 – moderate").
                combo.addItem(_("{value} – {word}").format(value=value, word=_(word)), value)
        elif field.kind == BOOL:
            # Translators: the answers to a yes-or-no question of the daily check-in.
            combo.addItem(_("no"), False)
            combo.addItem(_("yes"), True)
        else:
            for word in field.words:
                combo.addItem(_(word), word)
        # A long choice (a stool type's description) is read in full in the open list;
        # the closed box does not widen the dialog past a small screen for it.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(COMBO_CHARACTERS)
        return combo
    if field.kind == MULTI:
        return _Practices(field, parent)
    line = QLineEdit(parent)
    line.setMaxLength(MAX_TEXT)
    if field.suggestions:
        line.setPlaceholderText(_("e.g. {example}").format(example=field.suggestions[0]))
        completer = QCompleter(list(field.suggestions), line)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        line.setCompleter(completer)
    return line


def editor_value(editor: QWidget) -> object:
    """The value an editor holds, None when it is empty."""
    if isinstance(editor, QSpinBox | QDoubleSpinBox):
        return None if editor.value() == editor.minimum() else editor.value()
    if isinstance(editor, QComboBox):
        return editor.currentData()
    if isinstance(editor, _Practices):
        return editor.value()
    assert isinstance(editor, QLineEdit)
    return editor.text().strip() or None


def set_editor_value(editor: QWidget, value: object) -> None:
    if isinstance(editor, QSpinBox):
        editor.setValue(editor.minimum() if value is None else int(value))  # type: ignore[call-overload]
    elif isinstance(editor, QDoubleSpinBox):
        editor.setValue(editor.minimum() if value is None else float(value))  # type: ignore[arg-type]
    elif isinstance(editor, QComboBox):
        index = editor.findData(value) if value is not None else 0
        editor.setCurrentIndex(max(index, 0))
    elif isinstance(editor, _Practices):
        editor.set_value(value)
    else:
        assert isinstance(editor, QLineEdit)
        editor.setText("" if value is None else str(value))


class CheckInDialog(QDialog):
    """A day's check-in; ``ask(parent, store, day)`` shows it and says whether it saved."""

    def __init__(
        self, store: JournalStore, day: date | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(_("Daily Check-in"))
        self.date_edit = QDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("ddd d MMM yyyy")
        self.date_edit.setMaximumDate(QDate.currentDate())
        self.date_edit.setAccessibleName(_("Day"))
        self.loaded_label = QLabel(self)
        self.loaded_label.setObjectName("checkinLoaded")
        self.editors: dict[str, QWidget] = {}
        self._shown: dict[str, object] = {}  # what the form showed when its day was chosen

        top = QHBoxLayout()
        date_label = QLabel(_("&Day:"), self)
        date_label.setBuddy(self.date_edit)
        top.addWidget(date_label)
        top.addWidget(self.date_edit)
        top.addWidget(self.loaded_label, 1)

        columns = QGridLayout()
        chain: list[QWidget] = [self.date_edit]
        rows = {0: 0, 1: 0}
        for group, title in GROUPS.items():
            box = QGroupBox(_(title), self)
            form = QFormLayout(box)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
            for field in (f for f in FIELDS if f.group == group):
                editor = _editor(field, box)
                editor.setObjectName(field.key)
                if not isinstance(editor, _Practices):
                    editor.setAccessibleName(_(field.label))
                self.editors[field.key] = editor
                label = QLabel(_("{label}:").format(label=_(field.label)), box)
                label.setBuddy(editor)
                form.addRow(label, editor)
                chain += editor.focus_chain() if isinstance(editor, _Practices) else [editor]
            column = 0 if group in LEFT_GROUPS else 1
            columns.addWidget(box, rows[column], column)
            rows[column] += 1
        columns.setRowStretch(max(rows.values()), 1)
        scroll = scrolling(self, columns)  # before the tab order is set

        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setObjectName("checkinMessage")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setToolTip(_("Save this day's check-in (Ctrl+Enter)"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        chain.append(save)
        for first, second in itertools.pairwise(chain):
            self.setTabOrder(first, second)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.save)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        fit_to_screen(self, scroll)

        self.date_edit.dateChanged.connect(self._day_chosen)
        chosen = day or date.today()
        self.date_edit.setDate(QDate(chosen.year, chosen.month, chosen.day))
        if chosen == self.date_edit.date().toPython():
            self._day_chosen()  # setDate emits nothing when the date is already set
        self.editors[FIELDS[0].key].setFocus(Qt.FocusReason.OtherFocusReason)

    # -- the day ---------------------------------------------------------------------------
    @property
    def day(self) -> date:
        value = self.date_edit.date().toPython()
        assert isinstance(value, date)
        return value

    def _values(self) -> dict[str, object]:
        values = {key: editor_value(editor) for key, editor in self.editors.items()}
        return {k: v for k, v in values.items() if v is not None}

    def _day_chosen(self, *_args: object) -> None:
        """Shows the check-in saved for the chosen day. For a day without one, answers
        typed but not saved stay in the form (the usual reason to change the day before
        saving is that the answers were for another day); otherwise the form empties."""
        saved = self.store.get(self.day)
        typed = self._values()
        keep = saved is None and typed != self._shown
        for key, editor in self.editors.items():
            set_editor_value(editor, saved[key] if saved else typed.get(key) if keep else None)
        self._shown = dict(saved.values) if saved else {}
        if saved:
            self.loaded_label.setText(_("Editing the check-in saved for this day."))
        elif keep and typed:
            self.loaded_label.setText(_("New check-in, with the answers typed so far."))
        else:
            self.loaded_label.setText(_("New check-in."))
        self.message.clear()

    def checkin(self) -> CheckIn:
        return CheckIn(self.day, self._values())

    def save(self) -> None:
        try:
            self.store.save(self.checkin())
        except PlannerError as exc:
            self.message.setText(str(exc))
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, store: JournalStore, day: date | None = None) -> bool:
        """Shows the check-in of ``day`` (today by default); True when it was saved."""
        try:
            store.open()
        except PlannerError as exc:
            QMessageBox.warning(parent, _("Journal"), str(exc))
            return False
        notices, store.notices[:] = list(store.notices), []
        if notices:
            QMessageBox.warning(parent, _("Journal"), "\n\n".join(notices))
        dialog = cls(store, day, parent)
        return dialog.exec() == QDialog.DialogCode.Accepted
