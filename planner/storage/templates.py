"""The user's templates, kept in one JSON file in the user's data folder, the way their own
foods are (planner.storage.jsonstore reads the file and moves a damaged one aside): every
change is saved atomically, a damaged file is moved aside (kept for the user) and the app
starts with no templates, and a file of a newer version is left alone. Templates can also
be exported to a file and imported from one.

The file: {"format": "gutskin-templates", "version": 2, "templates": [...]}, each template
as in planner.storage.templatejson. Version 2 gives each food an amount and a unit;
version 1 gave servings, and is read as those servings (saving writes version 2, which
an older app leaves alone as newer instead of setting it aside as damaged).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from planner.core.templates import Template, new_id, now
from planner.errors import PlannerError
from planner.i18n import N_, _, format_number, ngettext
from planner.storage.atomic import describe_os_error, write_text_atomic
from planner.storage.files import read_file
from planner.storage.jsonstore import FileKind, KindTexts, read_records
from planner.storage.jsonstore import load_or_set_aside as _load_or_set_aside
from planner.storage.paths import data_dir
from planner.storage.templatejson import (
    DocumentError,
    template_from_json,
    template_to_json,
    template_where,
)

FORMAT = "gutskin-templates"
VERSION = 2
EXTENSION = ".gutskin-templates.json"
MAX_TEMPLATES = 1_000  # a few dozen is a lot; the cap keeps a hostile file from tying us up
MAX_FILE_BYTES = 20 * 1024 * 1024


class TemplatesError(PlannerError):
    """A file of templates that cannot be read or written; the message names it."""


class DamagedTemplatesFile(TemplatesError):
    """The templates file exists but its content cannot be read."""


TEXTS = KindTexts(
    what=N_("a file of templates"),
    # Translators: {number} counts the templates in the file: "my-templates.json: template 3".
    item=N_("{name}: template {number}"),
    no_list=N_("{name}: has no list of templates."),
    too_many=lambda n: ngettext(
        "{name}: holds {count} template; at most {most} can be kept.",
        "{name}: holds {count} templates; at most {most} can be kept.",
        n,
    ),
    # Translators: {reason} says why the file is damaged; {error} is the system's reason.
    not_moved=N_(
        "{reason} It could not be moved aside ({error}), so your templates are not loaded "
        "and the file is left as it is."
    ),
    kept=N_(
        "{reason} The file was kept as {kept} in {folder}; the app started without your templates."
    ),
)
KIND = FileKind(
    FORMAT,
    VERSION,
    "templates",
    "template",
    MAX_TEMPLATES,
    TemplatesError,
    DamagedTemplatesFile,
    TEXTS,
)


def templates_path() -> Path:
    return data_dir() / "my-templates.json"


def templates_from_bytes(data: bytes, name: str) -> list[Template]:
    """The templates of a file's content; raises DamagedTemplatesFile, or TemplatesError for
    a file of a newer version (not damaged, only not ours to read)."""
    items = read_records(data, name, KIND)
    templates: list[Template] = []
    seen: set[str] = set()
    for number, item in enumerate(items, start=1):
        try:
            template = template_from_json(item, template_where(number))
        except DocumentError as exc:
            raise DamagedTemplatesFile(f"{name}: {exc}.") from exc
        if template.id in seen:
            raise DamagedTemplatesFile(
                _("{name}: template {number}: its id appears twice.").format(
                    name=name, number=number
                )
            )
        seen.add(template.id)
        templates.append(template)
    return templates


def templates_to_text(templates: Iterable[Template]) -> str:
    document = {
        "format": FORMAT,
        "version": VERSION,
        "templates": [template_to_json(t) for t in templates],
    }
    return json.dumps(document, ensure_ascii=False, indent=1, allow_nan=False) + "\n"


def read_templates(path: Path) -> list[Template]:
    """The templates of a file (an export, or the library itself); raises TemplatesError."""
    data = read_file(path, MAX_FILE_BYTES, KIND.what, error=TemplatesError)
    return templates_from_bytes(data, path.name)


def export_templates(templates: Iterable[Template], path: Path) -> None:
    """Write ``templates`` to a file of their own, atomically; raises TemplatesError."""
    try:
        write_text_atomic(path, templates_to_text(templates))
    except OSError as exc:
        raise TemplatesError(describe_os_error(path, exc)) from exc


def load_or_set_aside(path: Path) -> tuple[TemplateLibrary, str]:
    """The user's templates and a sentence for the user ("" if all went well).

    A damaged file is renamed beside its name and an empty library returned; a file of a
    newer version, or one that cannot be read, raises TemplatesError: the caller must then
    not save over it.
    """
    return _load_or_set_aside(
        path,
        KIND,
        lambda: TemplateLibrary.load(path),
        lambda: TemplateLibrary(path),
    )


class TemplateLibrary:
    """The user's templates: add, rename, remove, import; each change saved atomically
    (a change that cannot be saved is undone and raises TemplatesError)."""

    def __init__(self, path: Path, templates: Iterable[Template] = ()) -> None:
        self.path = path
        self._templates: dict[str, Template] = {t.id: t for t in templates}

    @classmethod
    def load(cls, path: Path) -> TemplateLibrary:
        """Read the file; a missing file is an empty library. Raises TemplatesError."""
        if not path.exists():
            return cls(path)
        return cls(path, read_templates(path))

    def __iter__(self) -> Iterator[Template]:
        return iter(self._templates.values())

    def __len__(self) -> int:
        return len(self._templates)

    def get(self, template_id: str) -> Template | None:
        return self._templates.get(template_id)

    def of_kind(self, kind: str) -> list[Template]:
        return sorted((t for t in self if t.kind == kind), key=lambda t: t.name.casefold())

    def _free_name(self, wanted: str) -> str:
        names = {t.name.casefold() for t in self}
        if wanted.casefold() not in names:
            return wanted
        n = 2
        while f"{wanted} ({n})".casefold() in names:
            n += 1
        return f"{wanted} ({n})"

    def _commit(self, before: dict[str, Template]) -> None:
        try:
            self.save()
        except TemplatesError:
            self._templates = before
            raise

    def add(self, template: Template) -> Template:
        """Keep ``template`` (under a free name and id); returns it as kept."""
        return self.add_many([template])[0]

    def add_many(self, templates: Iterable[Template]) -> list[Template]:
        """Keep several templates in one save (an import): all of them, or none. A template
        the library already holds unchanged is not added twice."""
        before = dict(self._templates)
        added: list[Template] = []
        for template in templates:
            if self._templates.get(template.id) == template:
                continue
            if len(self._templates) >= MAX_TEMPLATES:
                self._templates = before
                message = ngettext(
                    "You can keep at most {most} template.",
                    "You can keep at most {most} templates.",
                    MAX_TEMPLATES,
                )
                raise TemplatesError(message.format(most=format_number(MAX_TEMPLATES, 0)))
            kept = replace(
                template,
                id=template.id if template.id not in self._templates else new_id(),
                name=self._free_name(template.name),
            )
            self._templates[kept.id] = kept
            added.append(kept)
        if added:
            self._commit(before)
        return added

    def rename(self, template_id: str, name: str) -> Template:
        template = self._templates.get(template_id)
        if template is None:
            raise TemplatesError(_("That template is no longer kept."))
        before = dict(self._templates)
        others = TemplateLibrary(self.path, (t for t in self if t.id != template_id))
        renamed = template.renamed(others._free_name(" ".join(name.split())), now())
        self._templates[template_id] = renamed
        self._commit(before)
        return renamed

    def remove(self, template_id: str) -> Template:
        if template_id not in self._templates:
            raise TemplatesError(_("That template is no longer kept."))
        before = dict(self._templates)
        template = self._templates.pop(template_id)
        self._commit(before)
        return template

    def save(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_text_atomic(self.path, templates_to_text(self))
        except OSError as exc:
            raise TemplatesError(describe_os_error(self.path, exc)) from exc

    def import_file(self, path: Path) -> list[Template]:
        """Add the templates of an exported file; returns those added. Raises
        TemplatesError (nothing is added then)."""
        return self.add_many(read_templates(path))
