"""The shipped DejaVu fonts, registered with ReportLab once, and text as they can print it."""

from __future__ import annotations

import io
import threading
import unicodedata
from dataclasses import dataclass
from importlib import resources

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from planner.export import PdfExportError
from planner.export.rl_private import font_code_points

REPLACEMENT = "\ufffd"  # printed for a character the font cannot draw

_FONT_FILES = {
    "GutSkin-Sans": "DejaVuSans.ttf",
    "GutSkin-Sans-Bold": "DejaVuSans-Bold.ttf",
    "GutSkin-Cond": "DejaVuSansCondensed.ttf",
    "GutSkin-Cond-Bold": "DejaVuSansCondensed-Bold.ttf",
}


@dataclass(frozen=True)
class Fonts:
    sans: str
    bold: str
    cond: str
    cond_bold: str
    drawable: frozenset[int]  # code points every one of the four fonts can draw


_fonts_lock = threading.Lock()
_fonts_cache: Fonts | None = None


def load_fonts() -> Fonts:
    """Register the shipped DejaVu fonts with ReportLab once, from the package resources."""
    global _fonts_cache
    with _fonts_lock:
        if _fonts_cache is None:
            drawable: set[int] | None = None
            for name, filename in _FONT_FILES.items():
                try:
                    folder = resources.files("resources").joinpath("fonts")
                    data = folder.joinpath(filename).read_bytes()
                    font = TTFont(name, io.BytesIO(data))
                except Exception as exc:  # a missing or damaged file; ReportLab raises several
                    raise PdfExportError(
                        f"The PDF font {filename} is missing or damaged; reinstall the app."
                    ) from exc
                pdfmetrics.registerFont(font)
                points = font_code_points(font)
                drawable = points if drawable is None else drawable & points
            pdfmetrics.registerFontFamily(
                "GutSkin-Sans", normal="GutSkin-Sans", bold="GutSkin-Sans-Bold"
            )
            pdfmetrics.registerFontFamily(
                "GutSkin-Cond", normal="GutSkin-Cond", bold="GutSkin-Cond-Bold"
            )
            _fonts_cache = Fonts(
                sans="GutSkin-Sans",
                bold="GutSkin-Sans-Bold",
                cond="GutSkin-Cond",
                cond_bold="GutSkin-Cond-Bold",
                drawable=frozenset(drawable or ()),
            )
        return _fonts_cache


def printable(text: str, drawable: frozenset[int]) -> str:
    """``text`` as the font can print it: composed accents, whitespace as spaces, and a
    visible replacement mark for each character it cannot draw."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if ch.isspace():
            out.append(" ")
        elif unicodedata.category(ch) in ("Cc", "Cs") or ord(ch) not in drawable:
            out.append(REPLACEMENT)
        else:
            out.append(ch)
    return "".join(out)
