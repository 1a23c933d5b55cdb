"""Domain errors of the evaluation package."""

from __future__ import annotations


class EvalError(Exception):
    """Base class for evaluation errors."""


class CaseFileError(EvalError):
    """A Q&A file is missing or one of its lines is not a valid case; the message names the line."""


class SetNotFound(EvalError):
    """A public evaluation set is not where the converter looks for it."""
