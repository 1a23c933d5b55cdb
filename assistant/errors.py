"""What can go wrong in the assistant package, said so the user knows what to do next."""

from __future__ import annotations


class LlmUnavailable(RuntimeError):
    """The configured language model cannot be built or loaded (missing extra, model file or setting)."""


class BadSetting(ValueError):
    """An ASSISTANT_* environment variable holds a value the settings refuse."""
