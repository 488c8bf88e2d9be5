"""Make docs/sample-plan.pdf from the sample week, and docs/sample-plan.png of its first page.

    python docs/make_sample_pdf.py

The PNG needs pdftoppm (Debian package poppler-utils). The PDF is byte-for-byte the same on
every run with the same ReportLab and catalog, so a changed file means a changed export.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

DOCS = Path(__file__).resolve().parent
START = date(2026, 11, 30)  # a fixed Monday, so the dates in the sample never change
PNG_DPI = 96


def main() -> int:
    sys.path.insert(0, str(DOCS.parent))  # works from a checkout, installed or not
    from planner.core.foods import Catalog
    from planner.export.pdf import export_pdf
    from planner.scoring.evaluator import Evaluator
    from planner.storage.sample import sample_plan

    catalog = Catalog.load()
    plan = sample_plan(START, catalog)
    pdf = DOCS / "sample-plan.pdf"
    began = time.perf_counter()
    export_pdf(plan, Evaluator(catalog), pdf, notes=True)
    print(f"Wrote {pdf.name} in {time.perf_counter() - began:.2f} s")

    if shutil.which("pdftoppm") is None:
        print("pdftoppm not found (apt-get install poppler-utils): PNG not made", file=sys.stderr)
        return 1
    png = DOCS / "sample-plan"
    command = ["pdftoppm", "-png", "-r", str(PNG_DPI), "-f", "1", "-l", "1", "-singlefile"]
    subprocess.run([*command, str(pdf), str(png)], check=True)
    print(f"Wrote {png.name}.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
