"""The user's own recipes, kept in one JSON file in the user's data folder, the way own foods
are (planner.storage.userfoods): read with a size limit, written atomically, a damaged file
moved aside with a message, and each change applied under a lock to the file as it is on
disk at that moment, so one window's change never drops another's.

Storage sits below planner.recipes, so this module keeps recipes as whatever its ``decode``
and ``encode`` turn them into: planner.recipes passes its Recipe codec. Each record needs an
``id`` attribute.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, Generic, Protocol, TypeVar

from planner.errors import RecipeError
from planner.storage.atomic import describe_os_error, write_text_atomic
from planner.storage.files import EnvelopeError, check_envelope, read_file
from planner.storage.paths import data_dir
from planner.storage.strictjson import JsonError, parse_json
from planner.storage.userfoods import set_aside

FORMAT = "gutskin-recipes"
VERSION = 1
FILE_NAME = "my-recipes.json"
MAX_RECIPES = 2_000
MAX_FILE_BYTES = 20 * 1024 * 1024
LOCK_TIMEOUT_S = 10.0

try:
    import fcntl
except ImportError:  # Windows: no advisory locks; each change still re-reads the file
    fcntl = None  # type: ignore[assignment]


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


R = TypeVar("R", bound=_HasId)
_T = TypeVar("_T")


class DamagedRecipesFile(RecipeError):
    """The file of own recipes exists but its content cannot be read."""


def user_recipes_path() -> Path:
    return data_dir() / FILE_NAME


def document_text(records: Iterable[dict[str, Any]]) -> str:
    """A file of recipes: the envelope and one recipe per line."""
    lines = ",\n".join(
        " " + json.dumps(item, ensure_ascii=False, allow_nan=False) for item in records
    )
    head = json.dumps({"format": FORMAT, "version": VERSION})[:-1]
    return f'{head}, "recipes": [\n{lines}\n]}}\n' if lines else f'{head}, "recipes": []}}\n'


def records_from_bytes(data: bytes, name: str) -> list[Any]:
    """The recipe objects of a file's content, undecoded; DamagedRecipesFile, or
    RecipeError for a newer version's file (not damaged, only not ours to read)."""
    try:
        document = parse_json(data)
    except JsonError as exc:
        raise DamagedRecipesFile(f"{name}: {exc}.") from exc
    try:
        document, _version = check_envelope(
            document, format=FORMAT, newest=VERSION, oldest=1, what="a file of recipes"
        )
    except EnvelopeError as exc:
        raise (RecipeError if exc.newer else DamagedRecipesFile)(f"{name}: {exc}.") from exc
    items = document.get("recipes")
    if not isinstance(items, list):
        raise DamagedRecipesFile(f"{name}: has no list of recipes.")
    if len(items) > MAX_RECIPES:
        raise DamagedRecipesFile(
            f"{name}: holds {len(items):,} recipes; at most {MAX_RECIPES:,} can be kept."
        )
    return items


def decode_records(items: list[Any], name: str, decode: Callable[[Any], R]) -> list[R]:
    recipes: list[R] = []
    seen: set[str] = set()
    for number, item in enumerate(items, start=1):
        try:
            recipe = decode(item)
        except RecipeError as exc:
            raise DamagedRecipesFile(f"{name}: recipe {number}: {str(exc).rstrip('.')}.") from exc
        if recipe.id in seen:
            raise DamagedRecipesFile(f"{name}: recipe {number}: the id {recipe.id} appears twice.")
        seen.add(recipe.id)
        recipes.append(recipe)
    return recipes


def _stamp(path: Path) -> tuple[int, ...] | None:
    """What tells one version of the file from another (a save renames a new file in)."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


class RecipeFile(Generic[R]):
    """The user's own recipes: add, replace, remove, each saved atomically under the lock."""

    def __init__(
        self,
        path: Path,
        decode: Callable[[Any], R],
        encode: Callable[[R], dict[str, Any]],
        recipes: Iterable[R] = (),
    ) -> None:
        self.path = path
        self._decode = decode
        self._encode = encode
        self._recipes: dict[str, R] = {recipe.id: recipe for recipe in recipes}
        self._stamp: tuple[int, ...] | None = None

    @classmethod
    def load(
        cls, path: Path, decode: Callable[[Any], R], encode: Callable[[R], dict[str, Any]]
    ) -> RecipeFile[R]:
        """Read the file; a missing file is an empty list. DamagedRecipesFile if damaged."""
        if not os.path.lexists(path):
            return cls(path, decode, encode)
        stamp = _stamp(path)
        data = read_file(path, MAX_FILE_BYTES, "a file of recipes", error=RecipeError)
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
        try:
            return cls.load(path, decode, encode), ""
        except DamagedRecipesFile as exc:
            reason = str(exc)
        try:
            kept = set_aside(path)
        except OSError as exc:
            raise RecipeError(
                f"{reason} It could not be moved aside ({exc.strerror or exc}), so your "
                "recipes are not loaded and the file is left as it is."
            ) from exc
        return cls(path, decode, encode), (
            f"{reason} The file was kept as {kept.name} in {kept.parent}; the app started "
            "with the built-in recipes."
        )

    def __iter__(self) -> Iterator[R]:
        return iter(self._recipes.values())

    def __len__(self) -> int:
        return len(self._recipes)

    def get(self, recipe_id: str) -> R | None:
        return self._recipes.get(recipe_id)

    def put(self, recipe: R) -> None:
        """Add or replace the recipe with ``recipe.id``."""

        def apply(recipes: dict[str, R]) -> None:
            if recipe.id not in recipes and len(recipes) >= MAX_RECIPES:
                raise RecipeError(f"You can keep at most {MAX_RECIPES:,} recipes of your own.")
            recipes[recipe.id] = recipe

        self._change(apply)

    def put_many(self, new: Iterable[R]) -> None:
        """Add or replace several recipes in one write (an import)."""
        batch = list(new)

        def apply(recipes: dict[str, R]) -> None:
            added = sum(1 for recipe in batch if recipe.id not in recipes)
            if len(recipes) + added > MAX_RECIPES:
                raise RecipeError(
                    f"You can keep at most {MAX_RECIPES:,} recipes of your own; this would "
                    f"make {len(recipes) + added:,}."
                )
            for recipe in batch:
                recipes[recipe.id] = recipe

        self._change(apply)

    def remove(self, recipe_id: str) -> R:
        if recipe_id not in self._recipes:
            raise RecipeError(f"There is no recipe of yours with the id {recipe_id}.")
        removed = self._recipes[recipe_id]
        self._change(lambda recipes: recipes.pop(recipe_id, None))
        return removed

    def _change(self, apply: Callable[[dict[str, R]], _T]) -> _T:
        """Apply one change to the recipes as they are on disk now, and write them; on any
        failure nothing changes, on disk or here."""
        with self._locked():
            recipes = self._on_disk()
            result = apply(recipes)
            self._write(recipes)
            self._recipes = recipes
        return result

    def _on_disk(self) -> dict[str, R]:
        if not os.path.lexists(self.path):
            return dict(self._recipes)
        if self._stamp is not None and _stamp(self.path) == self._stamp:
            return dict(self._recipes)
        try:
            recipes = RecipeFile.load(self.path, self._decode, self._encode)._recipes
        except RecipeError as exc:
            raise RecipeError(
                f"{exc} It changed on disk since it was opened; your change was not "
                "saved, and the file is left as it is."
            ) from exc
        return dict(recipes)

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        """Hold NAME.lock beside the file (nothing to hold without fcntl)."""
        if fcntl is None:
            yield
            return
        lock = self.path.with_name(self.path.name + ".lock")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(lock, os.O_RDWR | os.O_CREAT | os.O_NONBLOCK, 0o666)
        except OSError as exc:
            raise RecipeError(describe_os_error(lock, exc)) from exc
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise RecipeError(f"Could not save {self.path}: {lock} is not a regular file.")
            deadline = time.monotonic() + LOCK_TIMEOUT_S
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise RecipeError(
                            f"Could not save {self.path}: another window has been saving it "
                            f"for {LOCK_TIMEOUT_S:g} seconds; try again."
                        ) from None
                    time.sleep(0.02)
                except OSError:
                    break  # a file system without locks: re-reading still helps
            yield
        finally:
            os.close(fd)

    def _write(self, recipes: dict[str, R]) -> None:
        text = document_text(self._encode(recipe) for recipe in recipes.values())
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_text_atomic(self.path, text)
            self._stamp = _stamp(self.path)
        except OSError as exc:
            raise RecipeError(describe_os_error(self.path, exc)) from exc


def export_recipes(path: Path, records: Iterable[dict[str, Any]]) -> None:
    """Write recipes (already encoded) to a file others can import; atomic."""
    try:
        write_text_atomic(path, document_text(records))
    except OSError as exc:
        raise RecipeError(describe_os_error(path, exc)) from exc
