#!/usr/bin/env bash
# Install everything the tests need, then run the whole test suite offline.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
# A Unicode TTF with Vietnamese glyphs, for the tests that generate real PDFs.
bash scripts/debian.sh fonts-dejavu-core
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 ANONYMIZED_TELEMETRY=False GRADIO_ANALYTICS_ENABLED=False
exec .venv/bin/python -m pytest "$@"
