"""Keeping an error in a method Qt calls while it paints from taking the app down.

Qt asks Python for a model's data, a header's text or a delegate's painting from inside
its own paint and layout code. An exception escaping there went to the crash handler at
once, whose dialog then ran a modal event loop inside the paint: the window repainted
inside the paint that was failing, failed again, and the process ended in a segmentation
fault (the hardening report's D1, a far start date in ``WeekModel.headerData``).

``guarded(default)`` wraps such a method: an exception is caught where it happens, the
method answers ``default`` (nothing to show), and the error is handed to ``sys.excepthook``
(the app's crash handler: a log in the data folder, a recovery copy, one dialog) on the
next turn of the event loop, outside any paint. Each place that fails is reported once
per run: a paint repeats many times a second, and one dialog says all there is to say.
"""

from __future__ import annotations

import functools
import sys
import traceback
from collections.abc import Callable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

_reported: set[tuple[str, str, int | None]] = set()


def _site(exc: BaseException) -> tuple[str, str, int | None]:
    """Where an error was raised: its type and the innermost frame."""
    frames = traceback.extract_tb(exc.__traceback__)
    last = frames[-1] if frames else None
    return type(exc).__name__, last.filename if last else "", last.lineno if last else None


def report(exc: BaseException) -> bool:
    """Hand ``exc`` to sys.excepthook on the next turn of the event loop, unless an error
    of its place was reported already; returns whether it will be reported."""
    site = _site(exc)
    if site in _reported:
        return False
    _reported.add(site)
    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, functools.partial(_hand_over, exc))
    return True


def _hand_over(exc: BaseException) -> None:
    sys.excepthook(type(exc), exc, exc.__traceback__)


def guarded(default: object = None) -> Callable[[F], F]:
    """Wrap a method Qt calls while painting: an exception becomes ``default`` now and a
    report later (see the module's docstring)."""

    def wrap(method: F) -> F:
        @functools.wraps(method)
        def safe(*args: Any, **kwargs: Any) -> Any:
            try:
                return method(*args, **kwargs)
            except Exception as exc:
                report(exc)
                return default

        return safe  # type: ignore[return-value]

    return wrap


def guarded_paint(method: F) -> F:
    """Wrap a delegate's ``paint(painter, option, index)``: the painter's state is saved
    before and restored after, also when the paint fails half-way (the method itself
    then must not save and restore, or a failure would leave its save unbalanced)."""

    @functools.wraps(method)
    def safe(self: object, painter: Any, *args: Any) -> None:
        painter.save()
        try:
            method(self, painter, *args)
        except Exception as exc:
            report(exc)
        finally:
            painter.restore()

    return safe  # type: ignore[return-value]


def forget_reports() -> None:
    """Report every place again (for tests, which each start afresh)."""
    _reported.clear()
