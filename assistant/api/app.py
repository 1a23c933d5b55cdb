"""The FastAPI app: guards, error shapes, routes, and the index opened once in the lifespan."""

from __future__ import annotations

from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import Depends, FastAPI, Request
from fastapi.security import HTTPBearer

from assistant.api import answers, chat, documents
from assistant.api.backend import Backend, assistant_of
from assistant.api.errors import install_error_handlers
from assistant.api.guards import ApiKeys, BodyLimit, is_v1
from assistant.settings import Settings

DESCRIPTION = """Answers about Party documents with cited passages, offline.

* `/v1/ask` and `/v1/search` for programs; `/v1/chat/completions` and `/v1/models` for OpenAI clients;
  `/v1/documents` to upload, list and delete documents.
* With keys set (`ASSISTANT_API__KEYS='["key"]'`), every `/v1/*` call needs `Authorization: Bearer <key>`.
* Errors: 422 invalid input, 413 too large, 415 unsupported file, 503 + `Retry-After` while the index is
  missing or being opened; OpenAI's error object on the OpenAI routes, `{"detail": ...}` elsewhere.
"""


def create_app(settings: Settings, *, index_dir: Path | None = None, mount_ui: bool = False) -> FastAPI:
    """The app over the index at `index_dir` (default from settings); nothing is opened until it starts."""

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        backend = Backend(settings, index_dir=index_dir, state=app.state)
        app.state.backend = backend
        backend.start()  # in the background: /healthz answers at once, the rest says 503 until the index is open
        try:
            yield
        finally:
            backend.close()

    app = FastAPI(title="Party-document assistant", description=DESCRIPTION, version="1", lifespan=lifespan)
    app.state.settings = settings
    app.state.assistant = app.state.library = app.state.view = None
    app.state.problem = "the server is starting"
    install_error_handlers(app)
    app.add_middleware(BodyLimit, limit_for=lambda path: _body_limit(settings, path))
    keys = [key.get_secret_value() for key in settings.api.keys]
    app.add_middleware(ApiKeys, keys=keys)  # added last, so it runs first: no body is read without a key
    # the guard above enforces the keys; this only gives /docs its "Authorize" button
    documented = [Depends(HTTPBearer(auto_error=False))] if settings.api.keys else []
    for module in (answers, chat, documents):
        app.include_router(module.router, dependencies=documented)

    @app.get("/healthz", tags=["health"])
    def healthz() -> dict:
        """The process is up (it may still be opening the index)."""
        return {"status": "ok"}

    @app.get("/readyz", tags=["health"], responses={503: {}})
    def readyz(request: Request) -> dict:
        """The index is open and answering; 503 with Retry-After otherwise."""
        assistant_of(request)
        view = request.app.state.view
        return {"status": "ready", "documents": view.document_count(), "chunks": view.chunk_count()}

    if mount_ui:
        from ui.mount import mount_ui as _mount_ui
        _mount_ui(app, settings=settings)
    return app


def _body_limit(settings: Settings, path: str) -> tuple[int, str] | None:
    """The API's own limits; apps mounted beside it (the chat page) set theirs."""
    if not is_v1(path):
        return None
    if path.rstrip("/") == "/v1/documents":
        return settings.api.max_upload_bytes, "ASSISTANT_API__MAX_UPLOAD_BYTES"
    return settings.api.max_request_bytes, "ASSISTANT_API__MAX_REQUEST_BYTES"
