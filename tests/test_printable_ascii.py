"""printable() returns plain ASCII text as it is, without the per-character work (NFC,
bidi, drawability): the same text the full path gives, as the PDF's bytes show."""

from __future__ import annotations

import pytest

from planner.export import fonts


@pytest.mark.parametrize(
    "text",
    ["Kefir, plain", "1 cup (8 fl oz)", "", " spaced  out ", "tab\there", "bell\x07", "~^`|{}"],
)
def test_ascii_text_prints_as_the_full_path_prints_it(monkeypatch, text: str) -> None:
    drawable = fonts.load_fonts().drawable
    fast = fonts.printable(text, drawable)
    monkeypatch.setattr(fonts, "_draws_ascii", lambda _drawable: False)  # the full path
    assert fast == fonts.printable(text, drawable)


def test_a_font_without_every_ascii_character_takes_the_full_path() -> None:
    drawable = frozenset(range(0x20, 0x7F)) - {ord("k")}
    assert fonts.printable("kefir", drawable) == fonts.REPLACEMENT + "efir"
