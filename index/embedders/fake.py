"""A deterministic, hash-seeded embedder for tests: similar texts share syllables, so they share dimensions."""

from __future__ import annotations

import hashlib
import math
import re
import time

from langchain_core.embeddings import Embeddings

from index.text import fold, nfc

_WORD = re.compile(r"\w+", re.UNICODE)


class HashEmbeddings(Embeddings):
    """Bag of hashed syllables and bigrams, L2-normalised; no model, same output every run."""

    def __init__(self, *, dim: int = 256, delay: float = 0.0) -> None:
        self.dim = dim
        self.delay = delay  # seconds per embed_documents call, to widen windows in crash tests
        self.calls: list[int] = []  # how many texts each embed_documents call received

    def _vector(self, text: str) -> list[float]:
        words = [w.lower() for w in _WORD.findall(fold(nfc(text)))]  # like e5, it copes with missing diacritics
        grams = words + [f"{a} {b}" for a, b in zip(words, words[1:])]
        vec = [0.0] * self.dim
        for gram in grams:
            digest = hashlib.blake2b(gram.encode("utf-8"), digest_size=8).digest()
            slot = int.from_bytes(digest[:4], "little") % self.dim
            vec[slot] += 1.0 if digest[4] & 1 else -1.0
        norm = math.sqrt(sum(v * v for v in vec)) or 1.0
        return [v / norm for v in vec]

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.calls.append(len(texts))
        if self.delay:
            time.sleep(self.delay)
        return [self._vector(t) for t in texts]

    def embed_query(self, text: str) -> list[float]:
        return self._vector(text)
