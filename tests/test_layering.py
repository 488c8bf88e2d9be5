"""The domain stays free of Qt: nothing in planner/ imports it, directly or by import."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PLANNER = Path(__file__).resolve().parents[1] / "planner"
QT_ROOTS = {"PySide6", "shiboken6", "PyQt5", "PyQt6", "ui"}


def test_no_module_in_planner_imports_qt():
    offenders = []
    for path in sorted(PLANNER.rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"), filename=str(path))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            offenders += [
                f"{path.name}:{node.lineno} {name}"
                for name in names
                if name.split(".")[0] in QT_ROOTS
            ]
    assert offenders == []


def test_importing_the_domain_loads_no_qt():
    code = (
        "import sys, pkgutil, importlib, planner\n"
        "for m in pkgutil.iter_modules(planner.__path__):\n"
        "    importlib.import_module('planner.' + m.name)\n"
        "print(sorted(k for k in sys.modules if k.split('.')[0] in "
        "{'PySide6','shiboken6','PyQt5','PyQt6','ui'}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


ROOT = PLANNER.parent


def test_the_import_contracts_hold():
    """pyproject.toml's [tool.importlinter] contracts: no Qt in planner, ui over planner,
    the planner's layers, no import cycles."""
    code = (
        "import sys; from importlinter.cli import lint_imports; "
        "sys.exit(lint_imports(no_cache=True))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=600
    )
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-2000:]
    assert "0 broken" in out.stdout


def test_mypy_finds_no_errors():
    """Default mode for the tree, strict for the domain core (pyproject.toml [tool.mypy])."""
    out = subprocess.run(
        [sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True, timeout=600
    )
    assert out.returncode == 0, out.stdout[-5000:] + out.stderr[-2000:]


def test_modules_stay_small_and_the_main_window_only_assembles():
    """No shipped module over about 400 lines (425 at most), the main window's well under."""
    root = PLANNER.parent
    sizes = {
        str(path.relative_to(root)): len(path.read_text("utf-8").splitlines())
        for folder in ("planner", "ui")
        for path in (root / folder).rglob("*.py")
    }
    assert {name: lines for name, lines in sizes.items() if lines > 425} == {}
    assert sizes["ui/window/mainwindow.py"] <= 370
