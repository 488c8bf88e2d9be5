"""The templates dialog: the user's templates with their scores; apply one (replacing or
adding), rename, remove, import and export. Saving a meal, day or week as a template asks
for a name with ``ask_template_name``.

The dialog changes only the library (planner.storage.templates); putting a template into
the plan is the caller's: it connects ``applyRequested(template, add)`` to an edit built
with planner.core.templates.apply_template, pushed on the document's undo stack.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from planner.core.templates import KIND_LABELS, Template, template_plan
from planner.errors import PlannerError
from planner.i18n import N_, _, ngettext
from planner.storage.templates import EXTENSION, TemplateLibrary, export_templates
from ui.dialogs.parts import beside, close_only, message_line, stack
from ui.models.foods import literal_tip

Scorer = Callable[[Template], float | None]


def template_score(evaluator: object, template: Template) -> float | None:
    """A template's score: its day's (a meal or day template, on a day of its own) or its
    week's average; None when it holds no food the catalog knows."""
    plan = template_plan(template)
    result = evaluator.evaluate(plan, tips=False)  # type: ignore[attr-defined]
    if template.kind == "week":
        return result.weeks[0].average
    return result.days[0].score


def ask_template_name(parent: QWidget | None, prompt: str, suggestion: str) -> str | None:
    """The name for a new template, asked with ``prompt`` ("Name for the template of this
    meal:"), or None if cancelled."""
    name, ok = QInputDialog.getText(
        parent, _("Save as Template"), prompt, QLineEdit.EchoMode.Normal, suggestion
    )
    name = " ".join(name.split())
    return name if ok and name else None


class TemplatesDialog(QDialog):
    """The user's templates, with Replace / Add to for the place the caller names."""

    applyRequested = Signal(object, bool)  # (Template, add)

    COLUMNS = (N_("Name"), N_("Kind"), N_("Foods"), N_("Score"))

    def __init__(
        self,
        library: TemplateLibrary,
        scorer: Scorer | None = None,
        *,
        target: str = "",
        kinds: tuple[str, ...] = ("meal", "day", "week"),
        parent: QWidget | None = None,
    ) -> None:
        """``target`` names where Replace and Add put a template ("Wed 2 Dec dinner");
        ``kinds`` are the kinds that fit there (others are listed but cannot be applied)."""
        super().__init__(parent)
        self.setWindowTitle(_("Templates"))
        self._library, self._scorer, self._kinds = library, scorer, kinds
        self._scores: dict[str, float | None] = {}
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([_(c) for c in self.COLUMNS])
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setAccessibleName(_("Templates"))
        self.tree.setSortingEnabled(True)
        self.replace_button = QPushButton(_("&Replace"), self)
        self.add_button = QPushButton(_("A&dd to"), self)
        self.rename_button = QPushButton(_("Re&name…"), self)
        self.remove_button = QPushButton(_("Re&move"), self)
        self.import_button = QPushButton(_("&Import…"), self)
        self.export_button = QPushButton(_("&Export…"), self)
        self.replace_button.setToolTip(_("Put the template in place of what is planned there"))
        self.add_button.setToolTip(_("Add the template's foods to what is planned there"))
        self.message = message_line(self)  # names templates: user text
        where = QLabel(_("Apply to: {target}").format(target=target) if target else "", self)
        buttons = (
            self.replace_button, self.add_button, self.rename_button, self.remove_button,
            self.import_button, self.export_button,
        )  # fmt: skip
        stack(self, where, beside(self.tree, buttons), self.message, close_only(self))
        self.replace_button.clicked.connect(lambda: self._apply(False))
        self.add_button.clicked.connect(lambda: self._apply(True))
        self.rename_button.clicked.connect(self.rename)
        self.remove_button.clicked.connect(self.remove)
        self.import_button.clicked.connect(self.import_file)
        self.export_button.clicked.connect(self.export_file)
        self.tree.currentItemChanged.connect(self._update_buttons)
        self.tree.itemDoubleClicked.connect(lambda *_: self._apply(False))
        self.resize(560, 380)
        self.fill()

    # -- the list ---------------------------------------------------------------------------
    def _score(self, template: Template) -> float | None:
        # Keyed by id and modified time: a renamed template keeps its foods and its score.
        if self._scorer is None:
            return None
        key = f"{template.id}/{template.modified.isoformat()}"
        if key not in self._scores:
            try:
                self._scores[key] = self._scorer(template)
            except PlannerError:
                self._scores[key] = None
        return self._scores[key]

    def set_scorer(self, scorer: Scorer | None) -> None:
        """Score with ``scorer`` from now on (the app's evaluator, once it has loaded)."""
        self._scorer = scorer
        self._scores.clear()
        current = self.current()
        self.fill(select=current.id if current is not None else None)

    def fill(self, select: str | None = None) -> None:
        self.tree.clear()
        for template in self._library:
            score = self._score(template)
            item = QTreeWidgetItem(
                [
                    template.name,
                    _(KIND_LABELS[template.kind]),
                    QLocale().toString(template.food_count),
                    "–" if score is None else QLocale().toString(round(score)),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, template.id)
            item.setData(3, Qt.ItemDataRole.AccessibleTextRole, _("not scored") if score is None
                         else _("score {score} of 100").format(score=round(score)))  # fmt: skip
            item.setToolTip(0, literal_tip(", ".join(e.food_id for e in template.entries)[:300]))
            self.tree.addTopLevelItem(item)
            if template.id == select:
                self.tree.setCurrentItem(item)
        self.tree.sortItems(0, Qt.SortOrder.AscendingOrder)
        first = self.tree.topLevelItem(0)
        if self.tree.currentItem() is None and first is not None:
            self.tree.setCurrentItem(first)
        for column in range(len(self.COLUMNS)):
            self.tree.resizeColumnToContents(column)
        if not self.tree.topLevelItemCount():
            self.message.setText(
                _("No templates yet. Save a meal, a day or a week as a template from its menu.")
            )
        self._update_buttons()

    def current(self) -> Template | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        return self._library.get(str(item.data(0, Qt.ItemDataRole.UserRole)))

    def _update_buttons(self, *_args: object) -> None:
        template = self.current()
        fits = template is not None and template.kind in self._kinds
        self.replace_button.setEnabled(fits)
        self.add_button.setEnabled(fits)
        for button in (self.rename_button, self.remove_button):
            button.setEnabled(template is not None)
        self.export_button.setEnabled(len(self._library) > 0)

    # -- actions ----------------------------------------------------------------------------
    def _apply(self, add: bool) -> None:
        template = self.current()
        if template is None or template.kind not in self._kinds:
            return
        self.applyRequested.emit(template, add)

    def rename(self) -> None:
        template = self.current()
        if template is None:
            return
        name, ok = QInputDialog.getText(
            self, _("Rename Template"), _("Name:"), QLineEdit.EchoMode.Normal, template.name
        )
        if not ok:
            return
        try:
            renamed = self._library.rename(template.id, name)
        except PlannerError as exc:
            self.message.setText(str(exc))
            return
        self.message.setText(_("Renamed to {name}.").format(name=renamed.name))
        self.fill(select=renamed.id)

    def remove(self) -> None:
        template = self.current()
        if template is None:
            return
        from ui.dialogs import Confirm  # its text is plain: the name is the user's

        if not Confirm.ask(
            self,
            _("Remove Template"),
            _("Remove the template “{name}”? Plans whose rules use it keep their copy.").format(
                name=template.name
            ),
        ):
            return
        try:
            self._library.remove(template.id)
        except PlannerError as exc:
            self.message.setText(str(exc))
            return
        self.message.setText(_("Removed {name}.").format(name=template.name))
        self.fill()

    def import_file(self, path: Path | None = None) -> None:
        if path is None:
            name, _filter = QFileDialog.getOpenFileName(
                self,
                _("Import Templates"),
                "",
                _("Templates (*{extension} *.json)").format(extension=EXTENSION),
            )
            if not name:
                return
            path = Path(name)
        try:
            added = self._library.import_file(path)
        except PlannerError as exc:
            self.message.setText(str(exc))
            return
        n = len(added)
        self.message.setText(
            ngettext("Imported {count} template.", "Imported {count} templates.", n).format(count=n)
            if n
            else _("Nothing new to import.")
        )
        self.fill(select=added[0].id if added else None)

    def export_file(self, path: Path | None = None) -> None:
        if path is None:
            name, _filter = QFileDialog.getSaveFileName(
                self,
                _("Export Templates"),
                f"templates{EXTENSION}",
                _("Templates (*{extension})").format(extension=EXTENSION),
            )
            if not name:
                return
            path = Path(name)
        from planner.storage.files import export_replaces_plan

        problem = export_replaces_plan(path, None)  # the open plan is a plan file too
        if problem:
            self.message.setText(problem)
            return
        try:
            export_templates(list(self._library), path)
        except PlannerError as exc:
            self.message.setText(str(exc))
            return
        count = len(self._library)
        self.message.setText(
            ngettext(
                "Exported {count} template to {file}.",
                "Exported {count} templates to {file}.",
                count,
            ).format(count=count, file=path.name)
        )
