"""The shipped catalogues: complete, their placeholders matching, compiled from the
current sources, and holding every message the code marks."""

from __future__ import annotations

import gettext

import pytest
from babel.messages.pofile import read_po

from planner import i18n
from tools import i18n as build


def test_every_catalogue_is_complete_and_its_placeholders_match() -> None:
    assert build.check() == []


def test_the_template_holds_every_marked_message_and_no_other() -> None:
    with build.TEMPLATE.open("rb") as handle:
        committed = {(m.context, m.id) for m in read_po(handle) if m.id}
    current = {(m.context, m.id) for m in build.extract() if m.id}
    current |= {(context, message) for context, message, _ in build.data_messages()}
    assert not current - committed, "run python -m tools.i18n extract and update"
    assert not committed - current, "messages no longer in the code"


@pytest.mark.parametrize("lang", build.languages())
def test_each_compiled_catalogue_is_its_source(lang: str) -> None:
    with build.po_path(lang).open("rb") as handle:
        source = read_po(handle, locale=lang)
    with build.po_path(lang).with_suffix(".mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for message in source:
        if not message.id:
            continue
        if isinstance(message.id, tuple):
            for n, form in ((1, 0), (2, 1)):
                got = (
                    compiled.npgettext(message.context, *message.id, n)
                    if message.context
                    else compiled.ngettext(*message.id, n)
                )
                assert got == message.string[form], (message.id, n, got)
        else:
            got = (
                compiled.pgettext(message.context, message.id)
                if message.context
                else compiled.gettext(message.id)
            )
            assert got == message.string, message.id


@pytest.mark.parametrize("lang", build.languages())
def test_each_language_is_spoken_when_chosen(lang: str) -> None:
    i18n.set_language(lang)
    try:
        assert i18n._("Save Plan") != "Save Plan"
        assert i18n.pgettext("food", "Kefir, plain") != "Kefir, plain"
    finally:
        i18n.set_language("en")
