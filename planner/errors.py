"""The error types the domain raises with a message meant for a person."""


class PlannerError(Exception):
    """Base of every error whose message can be shown to the user as it is."""


class PlanError(PlannerError):
    """An edit or a value that would break the plan (servings out of range, no such day)."""


class FileReadError(PlannerError):
    """A file that cannot be read at all: missing, a folder, a device, too large, or
    unreadable. Readers of one kind of file raise their own error instead (see
    planner.storage.files.read_file)."""


class PlanFileError(PlannerError):
    """A plan file that cannot be read: damaged, of a newer version, or not a plan at all."""


class CatalogError(PlannerError):
    """A food catalog or a file of the user's own foods that cannot be read or written."""


class CsvImportError(PlannerError):
    """A CSV import that failed; nothing was imported."""


class CsvExportError(PlannerError):
    """A CSV export that failed; any earlier file at the path is left as it was."""


class Cancelled(PlannerError):
    """Long work (an export, an import, a load) stopped because the user asked it to."""


class RecipeError(PlannerError):
    """A recipe that cannot be made or kept: a missing field, a cycle of recipes, a file
    of recipes that cannot be read or written."""


class RecipeImportError(RecipeError):
    """A file of recipes from elsewhere (a web page, Mealie, Tandoor) that cannot be read;
    nothing was imported."""
