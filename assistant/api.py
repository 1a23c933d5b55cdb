"""The HTTP API (FastAPI): health, readiness and retrieval; long-lived parts are built in the lifespan."""

from __future__ import annotations

from contextlib import asynccontextmanager
from datetime import date
from pathlib import Path

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, Field, field_validator

from assistant.settings import Settings


class FiltersIn(BaseModel):
    """Retrieval filters as the API takes them."""

    date_from: date | None = None
    date_to: date | None = None
    kinds: list[str] = []
    sources: list[str] = []


class SearchIn(BaseModel):
    query: str = Field(..., max_length=2000)
    k: int = Field(5, ge=1, le=50)
    filters: FiltersIn | None = None

    @field_validator("query")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("query must not be empty")
        return value


class HitOut(BaseModel):
    text: str
    doc_id: str
    title: str
    source: str
    date: str | None
    heading: str
    start: int
    end: int
    score: float


def create_app(settings: Settings, *, index_dir: Path | None = None) -> FastAPI:
    """The app; the index store and retriever open once, when the server starts."""

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        from assistant.compose import open_store
        from assistant.retrieval import HybridRetriever
        from index.errors import IndexingError

        app.state.retriever, app.state.problem = None, None
        try:
            store = open_store(settings, index_dir=index_dir, create=False)
            store.lexical()
            app.state.retriever = HybridRetriever(store)
        except IndexingError as err:
            app.state.problem = str(err)
        yield

    app = FastAPI(title="Party-document assistant", lifespan=lifespan)

    @app.get("/healthz")
    def healthz() -> dict:
        return {"status": "ok"}

    @app.get("/readyz")
    def readyz() -> dict:
        _retriever(app)
        return {"status": "ready"}

    @app.post("/v1/search")
    def search(body: SearchIn) -> dict:
        from index.filters import Filters

        f = body.filters
        filters = Filters(f.date_from, f.date_to, tuple(f.kinds), tuple(f.sources)) if f else None
        hits = _retriever(app).retrieve(body.query, k=body.k, filters=filters)
        return {"hits": [HitOut(**{name: getattr(h, name) for name in HitOut.model_fields}) for h in hits]}

    return app


def _retriever(app: FastAPI):
    if app.state.retriever is None:
        raise HTTPException(503, detail=app.state.problem or "index not loaded", headers={"Retry-After": "30"})
    return app.state.retriever
