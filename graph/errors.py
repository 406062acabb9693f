"""Errors that reach users as one line.

Every error a user can cause or fix derives from :class:`ActorgraphError` and carries a
stable ``code``; the CLI prints ``str(error)`` on one line and exits non-zero, the API maps
the code to an HTTP status (:data:`api.errors.STATUS`) and its JSON error shape. Anything
else is a bug and is logged with its traceback.
"""

from __future__ import annotations

from typing import Any


class ActorgraphError(Exception):
    """Base class for errors meant for the user."""

    code = "error"

    def __init__(self, message: str, *, details: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details = details or {}


class InputError(ActorgraphError):
    """Bad input: names the file, the line and the field."""

    code = "invalid_input"

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        field: str | None = None,
    ) -> None:
        where = ""
        if file:
            where = file
            if line is not None:
                where += f":{line}"
        if field:
            where = f"{where}: field '{field}'" if where else f"field '{field}'"
        super().__init__(
            f"{where}: {message}" if where else message,
            details={"file": file, "line": line, "field": field, "reason": message},
        )
        self.file = file
        self.line = line
        self.field = field
        self.reason = message


class NotFoundError(ActorgraphError):
    """A name or id that matches nothing; carries close matches as suggestions."""

    code = "not_found"

    def __init__(self, what: str, name: str, suggestions: list[str] | None = None) -> None:
        suggestions = suggestions or []
        hint = f" (did you mean: {', '.join(suggestions)}?)" if suggestions else ""
        super().__init__(
            f"no {what} matches '{name}'{hint}",
            details={"name": name, "suggestions": suggestions},
        )
        self.suggestions = suggestions


class LimitError(ActorgraphError):
    """A request over a hard limit (hops, rows, time)."""

    code = "over_limit"


class StoreUnavailableError(ActorgraphError):
    """The store cannot be reached or refuses us (down, wrong password, wrong database).

    ``message`` is for the operator (CLI, logs: it may name the host and the user, never a
    password); ``public`` is what anyone may read (the API's 503 bodies and ``/ready``, open
    without a key): what went wrong, without host, port, user or path.
    """

    code = "store_unavailable"

    def __init__(
        self,
        message: str,
        *,
        public: str = "the graph store is not available",
        details: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(message, details=details)
        self.public = public
