"""The first-start tour: four short callouts (the palette, dragging, the score, the
suggestions), one at a time, each beside what it explains. "Don't Show Again" or finishing
it ends it for good (Settings.tour_done); Escape or Close puts it off to the next start.
Imported when the tour first starts, after the window's first paint."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from planner.i18n import _

WIDTH = 400  # of a callout, in pixels


@dataclass(frozen=True)
class Step:
    title: str
    text: str
    target: Callable[[], QWidget]  # what the callout points at, looked up when shown


class Callout(QFrame):
    """One step's box: a title, a sentence or two, and the buttons."""

    closed = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("tourCallout")
        self.setFrameShape(QFrame.Shape.Box)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(self.palette().ColorRole.ToolTipBase)
        self.setForegroundRole(self.palette().ColorRole.ToolTipText)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.title = QLabel(self)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.step_label = QLabel(self)
        self.never = QPushButton(_("Don't Show &Again"), self)
        self.close_button = QPushButton(_("&Close"), self)
        self.next = QPushButton(_("&Next"), self)
        self.next.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.step_label, 1)
        buttons.addWidget(self.never)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.next)
        self._layout = layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        layout.addLayout(buttons)

    def fit(self) -> None:
        """A fixed width, and the height the wrapped text needs at that width."""
        layout = self._layout
        layout.activate()
        self.setFixedSize(WIDTH, max(layout.totalHeightForWidth(WIDTH), self.sizeHint().height()))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.closed.emit()
            return
        super().keyPressEvent(event)


class Tour(QObject):
    """Shows the steps over ``window``; ``finished`` says whether it ended for good."""

    finished = Signal(bool)

    def __init__(self, window: QWidget, steps: list[Step]) -> None:
        super().__init__(window)
        self._window = window
        self.steps = steps
        self.index = -1
        self.ended = False
        self.callout = Callout(window)
        self.callout.hide()
        self.callout.next.clicked.connect(self.next)
        self.callout.never.clicked.connect(lambda: self.end(for_good=True))
        self.callout.close_button.clicked.connect(lambda: self.end(for_good=False))
        self.callout.closed.connect(lambda: self.end(for_good=False))

    def start(self) -> None:
        self.index = -1
        self.next()

    def next(self) -> None:
        self.index += 1
        if self.index >= len(self.steps):
            self.end(for_good=True)
            return
        step = self.steps[self.index]
        callout = self.callout
        callout.title.setText(step.title)
        callout.text.setText(step.text)
        # Translators: the tour's progress, e.g. "2 of 4".
        callout.step_label.setText(
            _("{step} of {steps}").format(step=self.index + 1, steps=len(self.steps))
        )
        last = self.index == len(self.steps) - 1
        callout.next.setText(_("&Done") if last else _("&Next"))
        callout.setAccessibleName(_("Tour, {title}").format(title=step.title))
        callout.setAccessibleDescription(step.text)
        callout.fit()
        callout.move(self._place(step.target()))
        callout.show()
        callout.raise_()
        callout.setFocus(Qt.FocusReason.OtherFocusReason)

    def _place(self, target: QWidget) -> QPoint:
        """Beside the target where there is room (to its right, else below its top), kept
        inside the window."""
        window, size = self._window, self.callout.size()
        top_left = target.mapTo(window, QPoint(0, 0))
        x = top_left.x() + target.width() + 8
        if x + size.width() > window.width():
            x = top_left.x() + 24
        y = top_left.y() + 24
        x = max(0, min(x, window.width() - size.width()))
        y = max(0, min(y, window.height() - size.height()))
        return QPoint(x, y)

    def end(self, *, for_good: bool) -> None:
        if self.ended:
            return
        self.ended = True
        self.callout.hide()
        self.callout.deleteLater()
        self.finished.emit(for_good)
        self.deleteLater()
