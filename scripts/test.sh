#!/usr/bin/env bash
# Install everything the tests need, then run the whole test suite offline.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
# Debian's chromium for the browser tests, and a Unicode TTF with Vietnamese glyphs (PDFs, screenshots).
bash scripts/browser.sh
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 ANONYMIZED_TELEMETRY=False GRADIO_ANALYTICS_ENABLED=False
exec .venv/bin/python -m pytest "$@"
