"""The machine's fp32 matrix-multiply rate, turned into multilingual-e5-small's token-throughput ceiling."""

from __future__ import annotations

import time

MFLOP_PER_TOKEN = 43.0  # multilingual-e5-small forward pass, about 43 MFLOP per token


def matmul_gflops(*, size: int = 2048, repeats: int = 5) -> float:
    """Best-of-`repeats` fp32 GFLOP/s of a size×size numpy matmul on all cores."""
    import numpy as np

    rng = np.random.default_rng(0)
    a = rng.standard_normal((size, size), dtype=np.float32)
    b = rng.standard_normal((size, size), dtype=np.float32)
    a @ b  # warm-up
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        a @ b
        best = min(best, time.perf_counter() - started)
    return 2 * size**3 / best / 1e9


def token_ceiling(gflops: float) -> float:
    """Tokens/s the model could reach if every FLOP ran at the measured matmul rate."""
    return gflops * 1e3 / MFLOP_PER_TOKEN


def peak_rss_mib() -> float:
    """Peak resident memory of this process so far, in MiB."""
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
