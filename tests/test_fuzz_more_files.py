"""Fuzzing the readers written with the templates, recipes and the journal (hypothesis,
bounded examples): random bytes and random JSON either load or raise the reader's one
error, never anything else; what loads can be written and read back."""

from __future__ import annotations

import contextlib
import json

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from planner.errors import RecipeError
from planner.journal.csvio import parse_csv_text
from planner.journal.fields import JournalError
from planner.recipes.importing import read_recipes
from planner.storage.recipes import records_from_bytes
from planner.storage.templates import (
    TemplatesError,
    templates_from_bytes,
    templates_to_text,
)

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

scalars = (
    st.none()
    | st.booleans()
    | st.integers(-(10**18), 10**18)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20)
)
json_values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=16,
)


def envelope(format_name: str, key: str) -> st.SearchStrategy[bytes]:
    """Documents that pass the envelope check more often than random JSON would, so that
    the fuzz reaches the fields inside."""
    items = st.lists(json_values | st.dictionaries(st.text(max_size=10), json_values), max_size=3)
    return st.builds(
        lambda version, body: json.dumps(
            {"format": format_name, "version": version, key: body}
        ).encode(),
        st.sampled_from([1, 1, 1, 0, 2, "1", None]),
        items,
    )


def documents(format_name: str, key: str) -> st.SearchStrategy[bytes]:
    return (
        st.binary(max_size=300)
        | json_values.map(lambda v: json.dumps(v).encode())
        | envelope(format_name, key)
    )


@FUZZ
@given(documents("gutskin-templates", "templates"))
def test_any_bytes_as_a_templates_file(data):
    try:
        templates = templates_from_bytes(data, "fuzz.json")
    except TemplatesError:
        return
    again = templates_from_bytes(templates_to_text(templates).encode("utf-8"), "again.json")
    assert again == templates


@FUZZ
@given(documents("gutskin-recipes", "recipes"))
def test_any_bytes_as_an_own_recipes_file(data):
    try:
        records_from_bytes(data, "fuzz.json")
    except RecipeError:
        return


@FUZZ
@given(st.binary(max_size=400) | json_values.map(lambda v: json.dumps(v).encode()))
def test_any_bytes_as_a_recipe_import(data):
    for name in ("fuzz.json", "fuzz.html", "fuzz.zip"):
        with contextlib.suppress(RecipeError):  # loads, or its one error
            read_recipes(data, name)


@FUZZ
@given(st.text(max_size=400))
@example("\r0")  # a bare carriage return in a cell: csv.Error escaped the reader once
def test_any_text_as_a_journal_csv(text):
    try:
        parse_csv_text(text, "fuzz.csv")
    except JournalError:
        return
