"""The HTTP API: structured answers, an OpenAI-compatible chat route and document management over one index."""

from assistant.api.app import create_app

__all__ = ["create_app"]
