"""Starting the desktop app: the QApplication, the main window, and a clear message where
there is no display to show it on."""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, cast

from planner.i18n import N_

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from .crash import CrashHandler

NO_DISPLAY_MESSAGE = N_(
    "gutskin: no display found (DISPLAY and WAYLAND_DISPLAY are unset). Run the app on a "
    "desktop, or set QT_QPA_PLATFORM=offscreen to run it without one, or use a command "
    "such as 'gutskin score PLAN' (see gutskin --help)."
)


def display_problem(environ: dict[str, str] | None = None, platform: str | None = None) -> str:
    """Why the app cannot open a window here, or "" if it can (as far as can be told).

    On Linux and the BSDs Qt aborts the process when it finds no display; this check says
    so in one line instead.
    """
    env = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if platform.startswith(("win", "darwin", "cygwin")) or env.get("QT_QPA_PLATFORM"):
        return ""
    if env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
        return ""
    return NO_DISPLAY_MESSAGE


def create_application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication of the process, set up with the app's names."""
    from PySide6.QtWidgets import QApplication

    from .settings import APPLICATION, ORGANIZATION

    existing = QApplication.instance()
    app = cast(QApplication, existing or QApplication(argv if argv is not None else sys.argv[:1]))
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("Gut–Skin Planner")
    app.setDesktopFileName("io.github.gutskin.planner")
    app.aboutToQuit.connect(release_clipboard)
    return app


def apply_language(choice: str) -> str:
    """Speak the chosen language from now on: the app's messages (planner.i18n), Qt's own
    standard buttons and dialogs (its qtbase catalogue) and the numbers and dates QLocale()
    writes. Returns the language set. Called once, at start, before any widget exists: a
    change in Preferences applies on the next start.

    "" (the System default setting) keeps the language the command line chose at the start
    of its main: ``gutskin --lang de``, or else the system's (LC_ALL, LC_MESSAGES, LANG,
    LANGUAGE)."""
    from PySide6.QtCore import QLocale

    from planner import i18n

    # A settings file naming a language this version lacks keeps the current one.
    with contextlib.suppress(ValueError):
        if choice:
            i18n.set_language(choice)
    lang = i18n.language()
    QLocale.setDefault(QLocale(i18n.locale_id()))
    _install_qt_translator(lang)
    return lang


# Kept for the life of the app: Qt does not own an installed translator.
_qt_translators: list[object] = []


def _install_qt_translator(lang: str) -> bool:
    """Install Qt's catalogue for ``lang`` (qtbase_de.qm...): the text of its standard
    buttons and dialogs. English and the pseudo-language need none; a missing file is
    English buttons, not an error."""
    from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

    from planner.i18n import PSEUDO, SOURCE_LANGUAGE

    app = QCoreApplication.instance()
    for old in _qt_translators:
        if app is not None:
            app.removeTranslator(old)  # type: ignore[arg-type]
    _qt_translators.clear()
    if app is None or lang in (SOURCE_LANGUAGE, PSEUDO):
        return False
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load(f"qtbase_{lang}", folder):
        return False
    app.installTranslator(translator)
    _qt_translators.append(translator)
    return True


def release_clipboard() -> None:
    """Drop foods this app put on the clipboard before Qt shuts down.

    Qt frees the clipboard's data during its own shutdown; data set from Python crashes
    the process there (seen on the offscreen platform). The foods are only useful inside
    this app, so nothing of the user's is lost.
    """
    from PySide6.QtGui import QGuiApplication

    from .models.mime import MIME_TYPE

    if QGuiApplication.instance() is None:
        return
    clipboard = QGuiApplication.clipboard()
    data = clipboard.mimeData()
    if data is not None and data.hasFormat(MIME_TYPE):
        clipboard.clear()


def run(file: Path | None = None) -> int:
    from planner.i18n import _

    problem = display_problem()
    if problem:
        print(_(problem), file=sys.stderr)
        return 2
    _import_plain_modules()
    _load_pyside()
    from PySide6.QtCore import QThreadPool

    from planner.errors import PlannerError

    from .firstpaint import PaintWatch
    from .settings import Settings
    from .window.mainwindow import MainWindow

    app = create_application()
    crashes = _handle_crashes()
    settings = Settings()
    apply_language(settings.language)  # before any widget is built: its text is chosen then
    try:
        window = MainWindow(settings)
    except PlannerError as exc:  # the shipped catalog itself is damaged
        print(f"gutskin: {exc}", file=sys.stderr)
        return 2
    crashes.window = window
    app.setWindowIcon(app_icon())
    window.show()
    # After the first paint (or 1 s, for a window that is not painted): load the scoring
    # engine on its worker, and open the file (a damaged one shows its dialog over the
    # window). Neither delays the window; the scores follow within a tenth of a second.
    first_paint = PaintWatch(window, timeout_ms=1000)
    if os.environ.get("GUTSKIN_SMOKE_TEST"):
        from .smoke import SmokeTest

        watcher = SmokeTest(window, first_paint)  # noqa: F841 - kept until exec() returns
    starter = _Opener(window, file)
    first_paint.painted.connect(starter.open)
    code = app.exec()
    # No worker outlives the window it reports to (the smoke test quits without closing
    # it, while the household measures may still be being read).
    QThreadPool.globalInstance().waitForDone(30_000)
    return code


def _import_plain_modules() -> None:
    """Import the pure-Python modules the window needs before anything imports PySide6.

    Once PySide6 is loaded, its import hook reads the source of every module imported
    (to see whether it uses PySide's optional features); for these modules and what they
    import, none of which uses Qt, that was about 5 ms of the start to the first paint.
    """
    import itertools  # noqa: F401
    import threading  # noqa: F401
    import traceback  # noqa: F401

    import planner.core.amounts
    import planner.core.carried
    import planner.scoring.model
    import planner.storage.crashlog
    import planner.storage.limits
    import planner.storage.paths  # noqa: F401


def _load_pyside() -> None:
    """Import PySide6 and stop its import hook reading the source of each module imported
    after it (ui.pyside_private): the window's own modules, then numpy and pandas."""
    import PySide6.QtCore  # noqa: F401

    from .pyside_private import skip_feature_scan

    skip_feature_scan()


def _handle_crashes() -> CrashHandler:
    """From here on an unexpected error is a dialog and a log file, never a traceback, and
    a recovery copy of the plan is written first (ui.crash). Kept until exec() returns."""
    from .crash import CrashHandler

    handler = CrashHandler()
    handler.install()
    return handler


class _Opener:
    """Starts scoring and opens the start-up file (a bound method, not a lambda)."""

    def __init__(self, window, file: Path | None) -> None:
        self.window, self.file = window, file

    def open(self) -> None:
        self.window.start_scoring()
        self.window.open_initial(self.file)
        # The first starts' tour (four short notes, until dismissed) follows the first
        # scores, which it points at (ui.window.afterstart).


def app_icon():
    """The app's icon, drawn from the shipped SVG (Qt's svg image plugin renders it)."""
    from PySide6.QtGui import QIcon

    from planner.core.foods import resource_path

    return QIcon(str(resource_path("gutskin.svg")))
