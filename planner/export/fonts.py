"""The shipped DejaVu fonts, registered with ReportLab once, and text as they can print it."""

from __future__ import annotations

import functools
import io
import re
import threading
import unicodedata
from dataclasses import dataclass
from importlib import resources

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from planner.export import PdfExportError
from planner.export.rl_private import font_code_points
from planner.i18n import _

REPLACEMENT = "\ufffd"  # printed for a character the font cannot draw
# Bidi classes that start right-to-left text: without one, text needs no reordering.
_RTL_CLASSES = frozenset({"R", "AL", "RLE", "RLO", "RLI"})
_LEVEL = re.compile(r"Level\(\s*(\d+)\s*,?\s*\)")

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
                        _("The PDF font {file} is missing or damaged; reinstall the app.").format(
                            file=filename
                        )
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
    """``text`` as the font can print it: composed accents, right-to-left runs in the order
    they are drawn (visual_order), whitespace as spaces, and a visible replacement mark
    for each character it cannot draw."""
    if text.isascii() and text.isprintable() and _draws_ascii(drawable):
        return text  # most names and labels: nothing to compose, reorder or replace
    out = []
    for ch in visual_order(unicodedata.normalize("NFC", text)):
        if ch.isspace():
            out.append(" ")
        elif unicodedata.category(ch) in ("Cc", "Cs") or ord(ch) not in drawable:
            out.append(REPLACEMENT)
        else:
            out.append(ch)
    return "".join(out)


_ASCII_PRINTABLE = frozenset(range(0x20, 0x7F))


@functools.lru_cache(maxsize=4)
def _draws_ascii(drawable: frozenset[int]) -> bool:
    return drawable.issuperset(_ASCII_PRINTABLE)


def visual_order(text: str) -> str:
    """``text`` in the order its characters are drawn on a left-to-right line.

    ReportLab draws characters in the order given, so a Hebrew or Arabic name would print
    reversed. The Unicode bidirectional algorithm (python-bidi) resolves each character's
    level; right-to-left runs are then reversed (rule L2) and their brackets mirrored
    (L4), in a line whose base direction is left to right, like the rest of the PDF.

    Limits: the whole string is reordered as one line, so an RTL name that wraps over two
    lines shows its end on the first; Arabic letters print in their isolated forms
    (there is no shaping).
    """
    if not any(unicodedata.bidirectional(ch) in _RTL_CLASSES for ch in text):
        return text  # the common case, and the bytes of such a PDF stay as they were
    from bidi import get_display
    from bidi.mirror import MIRRORED

    display = get_display(text, base_dir="L")
    levels = _levels(text)
    if levels is None:
        return display
    order = _reorder(levels)
    if "".join(text[i] for i in order) != display:
        return display  # the levels were misread: keep python-bidi's order, unmirrored
    return "".join(MIRRORED.get(text[i], text[i]) if levels[i] % 2 else text[i] for i in order)


def _levels(text: str) -> list[int] | None:
    """Each character's embedding level, from python-bidi's debug output (its only way to
    give them), trailing whitespace at the base level (rule L1); None if unreadable."""
    from bidi import get_display

    info = str(get_display(text, base_dir="L", debug=True))
    section = info.partition("levels:")[2].partition("]")[0]
    per_byte = [int(level) for level in _LEVEL.findall(section)]
    if len(per_byte) != len(text.encode("utf-8")):
        return None
    levels, offset = [], 0
    for ch in text:
        levels.append(per_byte[offset])
        offset += len(ch.encode("utf-8"))
    end = len(text)
    while end and text[end - 1].isspace():
        end -= 1
        levels[end] = 0
    return levels


def _reorder(levels: list[int]) -> list[int]:
    """Logical indices in visual order: from the highest level down to the lowest odd one,
    reverse every run at that level or above (rule L2)."""
    order = list(range(len(levels)))
    odd = [level for level in levels if level % 2]
    if not odd:
        return order
    for level in range(max(levels), min(odd) - 1, -1):
        i = 0
        while i < len(order):
            if levels[order[i]] < level:
                i += 1
                continue
            j = i
            while j < len(order) and levels[order[j]] >= level:
                j += 1
            order[i:j] = order[i:j][::-1]
            i = j
    return order
