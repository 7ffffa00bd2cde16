"""Errors a person can act on. Their message is shown as is (CLI and window)."""


class DeskError(Exception):
    """Base for every error meant for the user rather than the developer."""


class ValidationError(DeskError):
    """Input that cannot be taken; ``problems`` names each one (line/field and reason)."""

    def __init__(self, message: str, problems: list[str] | None = None):
        super().__init__(message)
        self.problems = problems or []

    def __str__(self) -> str:
        if not self.problems:
            return self.args[0]
        return self.args[0] + "\n" + "\n".join(f"  - {p}" for p in self.problems)


class ConflictError(DeskError):
    """Another seat changed the same thing first; ``current`` describes what it is now."""

    def __init__(self, message: str, current: object | None = None):
        super().__init__(message)
        self.current = current


class NotFound(DeskError):
    pass


class PermissionDenied(DeskError):
    pass


class SchemaTooNew(DeskError):
    pass


class DatabaseError(DeskError):
    """The database could not be reached or refused the write; nothing was changed."""
