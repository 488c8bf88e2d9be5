"""Every use of PySide's private API in the app, in one place (as planner/export/rl_private.py
does for ReportLab).

Checked against PySide6 6.11.3. ``missing()`` lists what this module relies on and the
installed PySide lacks; tests/test_ui_startup.py fails loudly on any, and where it is
missing the app runs as it did without it, only slower to start.

**The feature scan.** PySide lets a module opt in to its optional "features" (``from
__feature__ import snake_case, true_property``). To know which modules might, its import
hook (``shibokensupport.feature.feature_imported``) reads the source of every module
imported after PySide6 is loaded and looks for the word "PySide6"
(``_mod_uses_pyside``, with ``inspect.getsource``). The app and its libraries never
select a feature, so the answer changes nothing; but finding it is a file read per module:
the app's own Qt modules on the way to the first window, and numpy and pandas (about 400
modules) on the way to the first scores, where it was a quarter of pandas' import time.
``skip_feature_scan`` answers "does not select features" without reading: every module
is then left out of feature switching, which for an app that selects none is the state
PySide starts in. A module that did import ``__feature__`` would still get its features
(that import sets its entry itself).
"""

from __future__ import annotations

import sys
from types import ModuleType

CHECKED_WITH = "6.11.3"
_FEATURE = "shibokensupport.feature"


def _feature_module() -> ModuleType | None:
    return sys.modules.get(_FEATURE)


def _selects_no_feature(_module: object) -> bool:
    return False


def skip_feature_scan() -> bool:
    """Stop PySide reading each newly imported module's source; call after PySide6 is
    imported. False (and nothing changed) where this PySide has no such scan."""
    feature = _feature_module()
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = _selects_no_feature  # type: ignore[attr-defined]
    return True


def missing() -> list[str]:
    """What this module relies on and the installed PySide lacks (tests fail on any)."""
    import PySide6.QtCore  # noqa: F401  (loads shiboken's support modules)

    feature = _feature_module()
    if feature is None:
        return [_FEATURE]
    return [
        f"{_FEATURE}.{name}"
        for name in ("_mod_uses_pyside", "feature_imported", "pyside_feature_dict")
        if not hasattr(feature, name)
    ]
