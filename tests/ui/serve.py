"""Serve the API with the chat page mounted, as `assistant serve` does, for the browser tests.

Usage: python -m tests.ui.serve --port N  (index and embedder from ASSISTANT_* variables).
"""

from __future__ import annotations

import argparse
import inspect
from contextlib import asynccontextmanager


def build_app(settings):
    """The API app with the page mounted; an API without `mount_ui` gets the page and app.state filled in here."""
    from assistant.api import create_app
    from ui.mount import mount_ui

    if "mount_ui" in inspect.signature(create_app).parameters:
        return create_app(settings, mount_ui=True)
    app = create_app(settings)
    mount_ui(app, settings=settings)
    served = app.router.lifespan_context

    @asynccontextmanager
    async def lifespan(app):
        async with served(app) as state:
            from assistant.compose import build_assistant
            from assistant.library import Library

            assistant = build_assistant(settings)
            app.state.assistant = assistant
            app.state.library = Library(assistant.retriever.store, chunk_chars=settings.index.chunk_chars)
            yield state

    app.router.lifespan_context = lifespan
    return app


def main() -> None:
    import uvicorn

    from assistant.compose import offline_environment
    from assistant.settings import Settings

    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    offline_environment()
    uvicorn.run(build_app(Settings()), host="127.0.0.1", port=args.port, log_level="warning")


if __name__ == "__main__":
    main()
