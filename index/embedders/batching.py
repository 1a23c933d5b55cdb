"""Embedding in length order: similar lengths share a batch, so dynamic padding wastes little; rows come back in input order."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np


def length_sorted_batches(lengths: Sequence[int], *, batch_size: int) -> list[list[int]]:
    """Indices grouped into batches of at most `batch_size`, longest first (ties keep input order)."""
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, got {batch_size}")
    order = sorted(range(len(lengths)), key=lambda i: -lengths[i])
    return [order[start : start + batch_size] for start in range(0, len(order), batch_size)]


def embed_in_length_order(
    texts: Sequence[str],
    embed_batch: Callable[[list[str]], np.ndarray],
    *,
    batch_size: int,
    length: Callable[[str], int] = len,
) -> np.ndarray:
    """Rows of `embed_batch` over length-sorted batches of `texts`, put back in the order of `texts`."""
    batches = length_sorted_batches([length(t) for t in texts], batch_size=batch_size)
    out: np.ndarray | None = None
    for indices in batches:
        rows = np.asarray(embed_batch([texts[i] for i in indices]), dtype=np.float32)
        if out is None:
            out = np.empty((len(texts), rows.shape[1]), dtype=np.float32)
        out[indices] = rows
    return out if out is not None else np.empty((0, 0), dtype=np.float32)


def l2_normalised(rows: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length (zero rows stay zero)."""
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    return rows / np.maximum(norms, 1e-12)
