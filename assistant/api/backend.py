"""The assistant and library behind the API, opened off the request path and reopened while the index is missing."""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path

from fastapi import HTTPException, Request
from starlette.datastructures import State

from assistant.settings import Settings

log = logging.getLogger(__name__)
RETRY_LOADING = 5  # seconds a client should wait while the index is being opened (BM25 may be rebuilding)
RETRY_MISSING = 10  # ... when there is no index (`assistant ingest` first); also how often to look again


class Backend:
    """Opens the index once, in a background thread, and publishes the parts on the app's state.

    `state.assistant` and `state.library` stay None, with `state.problem` saying why, until the index is open;
    a missing index is looked for again at most every RETRY_MISSING seconds, when requests ask for it.
    """

    def __init__(self, settings: Settings, *, index_dir: Path | None, state: State) -> None:
        self.settings = settings
        self.index_dir = index_dir
        self.state = state
        self.retry_after = RETRY_LOADING
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._attempted = 0.0
        self._set(None, None, None, "the index is being opened; retry shortly")

    def start(self) -> None:
        """Open the index in the background unless that is already under way."""
        with self._lock:
            if self._thread is not None and self._thread.is_alive():
                return
            self._attempted = time.monotonic()
            self.retry_after = RETRY_LOADING
            self._thread = threading.Thread(target=self._load, name="open-index", daemon=True)
            self._thread.start()

    def wait(self, timeout: float | None = None) -> None:
        """Block until the current opening attempt is over (tests and shutdown)."""
        thread = self._thread
        if thread is not None:
            thread.join(timeout)

    def close(self) -> None:
        self.wait(30)
        view = self.state.view
        if view is not None:
            view.store.close()

    def unavailable(self) -> HTTPException:
        """The 503 to answer while there is no assistant; it also starts a new attempt when one is due."""
        if self.state.assistant is None and time.monotonic() - self._attempted >= RETRY_MISSING:
            self.start()
        detail = self.state.problem or "the index is not available"
        return HTTPException(503, detail=detail, headers={"Retry-After": str(self.retry_after)})

    def _load(self) -> None:
        from assistant.api.snapshot import CommittedView, CommittingLibrary
        from assistant.compose import build_assistant
        from assistant.errors import LlmUnavailable
        from index.errors import IndexingError

        try:
            assistant = build_assistant(self.settings, index_dir=self.index_dir, wrap=CommittedView)
            view = assistant.retriever.store
            assistant.retriever.retrieve("đảng viên", k=1)  # answering, with the embedder warmed up
        except (IndexingError, LlmUnavailable) as err:
            self.retry_after = RETRY_MISSING
            self._set(None, None, None, str(err))
            return
        except Exception as err:  # the server stays up and says why in every 503
            log.exception("could not open the index")
            self.retry_after = RETRY_MISSING
            self._set(None, None, None, f"the index could not be opened ({type(err).__name__}); see the server log")
            return
        library = CommittingLibrary(view, chunk_chars=self.settings.index.chunk_chars)
        self._set(assistant, library, view, None)
        log.info("index open: %d documents, %d chunks", view.document_count(), view.chunk_count())

    def _set(self, assistant, library, view, problem: str | None) -> None:
        self.state.view, self.state.library, self.state.problem = view, library, problem
        self.state.assistant = assistant  # last: readers check it first


def assistant_of(request: Request):
    """The app's Assistant, or a 503 with Retry-After."""
    state = request.app.state
    if state.assistant is None:
        raise state.backend.unavailable()
    return state.assistant


def library_of(request: Request):
    """The app's Library, or a 503 with Retry-After."""
    state = request.app.state
    if state.library is None:
        raise state.backend.unavailable()
    return state.library
