"""The user's own recipes, kept in one JSON file in the user's data folder, the way own foods
are (planner.storage.userfoods; both on planner.storage.jsonstore): read with a size limit,
written atomically, a damaged file moved aside with a message, and each change applied
under a lock to the file as it is on disk at that moment, so one window's change never
drops another's.

Storage sits below planner.recipes, so this module keeps recipes as whatever its ``decode``
and ``encode`` turn them into: planner.recipes passes its Recipe codec. Each record needs an
``id`` attribute.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from planner.errors import RecipeError
from planner.i18n import N_, _, format_number, ngettext
from planner.storage.atomic import describe_os_error, write_text_atomic
from planner.storage.files import read_file
from planner.storage.jsonstore import (
    LOCK_TIMEOUT_S,
    FileKind,
    KindTexts,
    LockedJsonStore,
    R,
    file_stamp,
    read_records,
    records_text,
)
from planner.storage.jsonstore import decode_records as _decode_records
from planner.storage.jsonstore import load_or_set_aside as _load_or_set_aside
from planner.storage.paths import data_dir

__all__ = [
    "FILE_NAME",
    "FORMAT",
    "LOCK_TIMEOUT_S",
    "MAX_FILE_BYTES",
    "MAX_RECIPES",
    "VERSION",
    "DamagedRecipesFile",
    "RecipeFile",
    "decode_records",
    "document_text",
    "export_recipes",
    "records_from_bytes",
    "user_recipes_path",
]

FORMAT = "gutskin-recipes"
VERSION = 1
FILE_NAME = "my-recipes.json"
MAX_RECIPES = 2_000
MAX_FILE_BYTES = 20 * 1024 * 1024


class DamagedRecipesFile(RecipeError):
    """The file of own recipes exists but its content cannot be read."""


TEXTS = KindTexts(
    what=N_("a file of recipes"),
    # Translators: {number} counts the recipes in the file: "recipes.json: recipe 3".
    item=N_("{name}: recipe {number}"),
    no_list=N_("{name}: has no list of recipes."),
    too_many=lambda n: ngettext(
        "{name}: holds {count} recipe; at most {most} can be kept.",
        "{name}: holds {count} recipes; at most {most} can be kept.",
        n,
    ),
    # Translators: {reason} says why the file is damaged; {error} is the system's reason.
    not_moved=N_(
        "{reason} It could not be moved aside ({error}), so your recipes are not loaded "
        "and the file is left as it is."
    ),
    kept=N_(
        "{reason} The file was kept as {kept} in {folder}; the app started with the "
        "built-in recipes."
    ),
)
KIND = FileKind(
    FORMAT, VERSION, "recipes", "recipe", MAX_RECIPES, RecipeError, DamagedRecipesFile, TEXTS
)


def user_recipes_path() -> Path:
    return data_dir() / FILE_NAME


def document_text(records: Iterable[dict[str, Any]]) -> str:
    """A file of recipes: the envelope and one recipe per line."""
    return records_text(KIND, records)


def records_from_bytes(data: bytes, name: str) -> list[Any]:
    """The recipe objects of a file's content, undecoded; DamagedRecipesFile, or
    RecipeError for a newer version's file (not damaged, only not ours to read)."""
    return read_records(data, name, KIND)


def decode_records(items: list[Any], name: str, decode: Callable[[Any], R]) -> list[R]:
    return _decode_records(items, name, KIND, decode)


class RecipeFile(LockedJsonStore[R]):
    """The user's own recipes: add, replace, remove, each saved atomically under the lock."""

    kind = KIND

    def __init__(
        self,
        path: Path,
        decode: Callable[[Any], R],
        encode: Callable[[R], dict[str, Any]],
        recipes: Iterable[R] = (),
    ) -> None:
        super().__init__(path, recipes)
        self._decode = decode
        self._encode_record = encode

    @classmethod
    def load(
        cls, path: Path, decode: Callable[[Any], R], encode: Callable[[R], dict[str, Any]]
    ) -> RecipeFile[R]:
        """Read the file; a missing file is an empty list. DamagedRecipesFile if damaged."""
        if not os.path.lexists(path):
            return cls(path, decode, encode)
        stamp = file_stamp(path)
        data = read_file(path, MAX_FILE_BYTES, KIND.what, error=RecipeError)
        items = records_from_bytes(data, path.name)
        store = cls(path, decode, encode, decode_records(items, path.name, decode))
        store._stamp = stamp
        return store

    @classmethod
    def load_or_set_aside(
        cls, path: Path, decode: Callable[[Any], R], encode: Callable[[R], dict[str, Any]]
    ) -> tuple[RecipeFile[R], str]:
        """The own recipes and a sentence for the user ("" if all went well). A damaged
        file is renamed beside itself and an empty list returned; a newer version's file or
        an unreadable one raises RecipeError (the caller must not save over it)."""
        return _load_or_set_aside(
            path,
            KIND,
            lambda: cls.load(path, decode, encode),
            lambda: cls(path, decode, encode),
        )

    def _reread(self) -> dict[str, R]:
        return RecipeFile.load(self.path, self._decode, self._encode_record)._records

    def _encode(self, record: R) -> dict[str, Any]:
        return self._encode_record(record)

    def put(self, recipe: R) -> None:
        """Add or replace the recipe with ``recipe.id``."""

        def apply(recipes: dict[str, R]) -> None:
            if recipe.id not in recipes and len(recipes) >= MAX_RECIPES:
                raise RecipeError(_too_many())
            recipes[recipe.id] = recipe

        self._change(apply)

    def put_many(self, new: Iterable[R]) -> None:
        """Add or replace several recipes in one write (an import)."""
        batch = list(new)

        def apply(recipes: dict[str, R]) -> None:
            added = sum(1 for recipe in batch if recipe.id not in recipes)
            if len(recipes) + added > MAX_RECIPES:
                total = len(recipes) + added
                message = ngettext(
                    "You can keep at most {most} recipes of your own; this would make {count}.",
                    "You can keep at most {most} recipes of your own; this would make {count}.",
                    total,
                )
                raise RecipeError(
                    message.format(
                        most=format_number(MAX_RECIPES, 0), count=format_number(total, 0)
                    )
                )
            for recipe in batch:
                recipes[recipe.id] = recipe

        self._change(apply)

    def remove(self, recipe_id: str) -> R:
        if recipe_id not in self._records:
            raise RecipeError(
                _("There is no recipe of yours with the id {id}.").format(id=recipe_id)
            )
        removed = self._records[recipe_id]
        self._change(lambda recipes: recipes.pop(recipe_id, None))
        return removed


def export_recipes(path: Path, records: Iterable[dict[str, Any]]) -> None:
    """Write recipes (already encoded) to a file others can import; atomic."""
    try:
        write_text_atomic(path, document_text(records))
    except OSError as exc:
        raise RecipeError(describe_os_error(path, exc)) from exc


def _too_many() -> str:
    message = ngettext(
        "You can keep at most {most} recipe of your own.",
        "You can keep at most {most} recipes of your own.",
        MAX_RECIPES,
    )
    return message.format(most=format_number(MAX_RECIPES, 0))
