"""The installable app: a wheel that works from anywhere, and valid desktop integration."""

from __future__ import annotations

import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINUX = ROOT / "packaging" / "linux"
APP_ID = "io.github.gutskin.planner"


def run(*command: str | Path, cwd: Path | None = None, timeout: int = 600, env=None):
    done = subprocess.run(
        [str(c) for c in command],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
    )
    assert done.returncode == 0, f"{command}\n{done.stdout}\n{done.stderr}"
    return done


@pytest.mark.slow
def test_the_wheel_installs_and_runs_from_another_folder(tmp_path: Path):
    wheels = tmp_path / "wheels"
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", wheels, ROOT)
    wheel = next(wheels.glob("gutskin_planner-*.whl"))
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    bin_dir = env_dir / ("Scripts" if sys.platform == "win32" else "bin")
    run(bin_dir / "python", "-m", "pip", "install", "-q", wheel, timeout=1200)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    clean_env = {
        "PATH": f"{bin_dir}:/usr/bin:/bin",
        "HOME": str(tmp_path),
        "GUTSKIN_DATA_DIR": str(tmp_path / "data"),
    }
    where = run(
        bin_dir / "python",
        "-c",
        "import planner, resources; print(planner.__file__)",
        cwd=elsewhere,
        env=clean_env,
    )
    assert str(env_dir) in where.stdout  # the wheel's copy, not the checkout
    gutskin = bin_dir / "gutskin"
    version = run(gutskin, "--version", cwd=elsewhere, env=clean_env).stdout
    assert version.strip() == "gutskin 0.1.0"
    run(gutskin, "new", "week.gutplan", "--sample", cwd=elsewhere, env=clean_env)
    score = run(gutskin, "score", "week.gutplan", cwd=elsewhere, env=clean_env).stdout
    assert "Week of" in score and "score" in score
    run(gutskin, "export", "week.gutplan", "-o", "week.pdf", cwd=elsewhere, env=clean_env)
    assert (elsewhere / "week.pdf").read_bytes().startswith(b"%PDF-")


def test_gutskin_with_a_plan_file_opens_it_in_the_app(tmp_path: Path):
    from planner.cli.commands import main

    opened = []

    def fake_app(file):
        opened.append(file)
        return 0

    assert main([str(tmp_path / "week.gutplan")], run_app=fake_app) == 0
    assert main([], run_app=fake_app) == 0
    assert opened == [tmp_path / "week.gutplan", None]


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="needs desktop-file-utils")
def test_desktop_entry_is_valid():
    done = run("desktop-file-validate", LINUX / f"{APP_ID}.desktop")
    assert "error" not in done.stdout.lower()


@pytest.mark.skipif(not shutil.which("appstreamcli"), reason="needs appstream")
def test_appstream_metainfo_is_valid():
    run("appstreamcli", "validate", "--no-net", LINUX / f"{APP_ID}.metainfo.xml")


def test_mime_type_and_icons_match_the_desktop_entry():
    import xml.etree.ElementTree as ET

    entry = (LINUX / f"{APP_ID}.desktop").read_text("utf-8")
    mime = ET.parse(LINUX / f"{APP_ID}.xml").getroot()
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    mime_type = mime.find("m:mime-type", ns)
    assert mime_type is not None
    assert f"MimeType={mime_type.get('type')};" in entry
    assert mime_type.find("m:glob", ns).get("pattern") == "*.gutplan"
    assert f"Icon={APP_ID}" in entry
    sizes = sorted(
        int(p.parent.parent.name.split("x")[0]) for p in LINUX.glob("icons/hicolor/*/apps/*.png")
    )
    assert sizes == [16, 32, 48, 64, 128, 256]
