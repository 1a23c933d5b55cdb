"""Every module imports quickly and without loading models, opening clients or reading settings."""

from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PACKAGES = ["index", "assistant", "ui", "evals", "benchmarks"]


def all_modules() -> list[str]:
    names = []
    for package in PACKAGES:
        names.append(package)
        for info in pkgutil.walk_packages([str(REPO / package)], prefix=f"{package}."):
            names.append(info.name)
    return names


def test_every_module_imports():
    for name in all_modules():
        importlib.import_module(name)


def test_imports_stay_light():
    """Importing every module must not pull in torch, chromadb, gradio or sentence-transformers."""
    code = (
        "import importlib, sys\n"
        f"for n in {all_modules()!r}: importlib.import_module(n)\n"
        "heavy = [m for m in ('torch', 'chromadb', 'gradio', 'sentence_transformers', 'transformers') if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
