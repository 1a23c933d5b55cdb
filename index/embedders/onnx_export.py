"""ONNX copies of the converted e5 folder for onnxruntime: an fp32 graph with fused attention, and its int8 quantisation."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import tempfile
import warnings
from collections.abc import Callable
from pathlib import Path

FP32_FILE = "onnx/model.onnx"  # fp32, BERT ops fused by onnxruntime's transformer optimiser
INT8_FILE = "onnx/model_qint8.onnx"  # dynamic int8: per-channel signed weights, 7-bit range
OPSET = 17

log = logging.getLogger(__name__)


def onnx_model_file(model_dir: Path | str, *, quantized: bool) -> Path:
    """The ONNX graph inside `model_dir`, exported (and quantised) on first use; each file appears atomically.

    The export runs in a child process: tracing and fusing peak at about 4.5 GB, which the caller (an ingest
    that then runs for minutes) should not keep as its own high-water mark; the child gives it all back.
    """
    model_dir = Path(model_dir)
    target = model_dir / (INT8_FILE if quantized else FP32_FILE)
    if not target.is_file():
        log.warning("first use of the ONNX embedder: exporting %s (about a minute, once)", target)
        command = [sys.executable, "-m", "index.embedders.onnx_export", str(model_dir)]
        done = subprocess.run(command + (["--int8"] if quantized else []), capture_output=True, text=True)
        if done.returncode != 0 or not target.is_file():
            tail = "\n".join(done.stderr.strip().splitlines()[-15:])
            raise RuntimeError(f"exporting the ONNX model into {model_dir} failed (exit {done.returncode}):\n{tail}")
    return target


def export_all(model_dir: Path, *, quantized: bool) -> None:
    """In this process: write the fp32 graph if missing, then the int8 one if asked and missing."""
    fp32 = model_dir / FP32_FILE
    if not fp32.is_file():
        _write_atomically(fp32, lambda out: export_fp32(model_dir, out))
    int8 = model_dir / INT8_FILE
    if quantized and not int8.is_file():
        _write_atomically(int8, lambda out: quantize_int8(fp32, out))


def export_fp32(model_dir: Path, out: Path) -> None:
    """Trace the folder's BertModel to ONNX (inputs input_ids, attention_mask; output last_hidden_state), then fuse."""
    import torch
    from onnxruntime.transformers.optimizer import optimize_model
    from transformers import AutoModel

    model = AutoModel.from_pretrained(model_dir, attn_implementation="eager", local_files_only=True).eval()
    config = model.config
    ids = torch.tensor([[0, 100, 200, 300, 2], [0, 5, 6, 2, 1]])
    mask = torch.tensor([[1, 1, 1, 1, 1], [1, 1, 1, 1, 0]])
    axes = {0: "batch", 1: "sequence"}
    raw = out.with_name("raw.onnx")
    with warnings.catch_warnings(), torch.inference_mode():
        warnings.simplefilter("ignore")  # the TorchScript exporter's deprecation and tracer notes
        torch.onnx.export(
            _last_hidden_state_only(model),
            (ids, mask),
            str(raw),
            input_names=["input_ids", "attention_mask"],
            output_names=["last_hidden_state"],
            dynamic_axes={"input_ids": axes, "attention_mask": axes, "last_hidden_state": axes},
            opset_version=OPSET,
            dynamo=False,  # the torch.export-based exporter needs onnxscript, which the project does not install
        )
    fused = optimize_model(str(raw), model_type="bert", num_heads=config.num_attention_heads,
                           hidden_size=config.hidden_size)  # fmt: skip
    fused.save_model_to_file(str(out))
    raw.unlink()


def quantize_int8(fp32: Path, out: Path) -> None:
    """Dynamic int8 quantisation; per-channel, 7-bit weights keep AVX2's u8*s8 multiply-adds from saturating."""
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    hint = _DropMessage("pre-processing before quantization")  # onnxruntime's advice for static image models
    logging.getLogger().addFilter(hint)
    try:
        quantize_dynamic(
            str(fp32),
            str(out),
            weight_type=QuantType.QInt8,
            per_channel=True,
            reduce_range=True,
            extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT},  # fused ops' output types are not inferred
        )
    finally:
        logging.getLogger().removeFilter(hint)


class _DropMessage(logging.Filter):
    """Drops log records whose message contains `text`."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def filter(self, record: logging.LogRecord) -> bool:
        return self.text not in record.getMessage()


def _last_hidden_state_only(model):
    """`model` wrapped so the traced graph has one plain tensor output, `last_hidden_state`."""
    import torch

    class LastHiddenState(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.model = model

        def forward(self, input_ids, attention_mask):
            return self.model(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state

    return LastHiddenState()


def _write_atomically(target: Path, write: Callable[[Path], None]) -> None:
    """Run `write` into a private temporary folder next to `target`, then move the one file into place."""
    target.parent.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        write(building / target.name)
        os.replace(building / target.name, target)
    finally:
        shutil.rmtree(building, ignore_errors=True)


if __name__ == "__main__":  # python -m index.embedders.onnx_export MODEL_DIR [--int8]: what onnx_model_file runs
    export_all(Path(sys.argv[1]), quantized="--int8" in sys.argv[2:])
