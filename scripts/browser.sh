#!/usr/bin/env bash
# Install what the browser tests need from Debian: chromium (driven by Playwright at /usr/bin/chromium) and a
# font with Vietnamese glyphs for the screenshots. Only missing packages are installed (see scripts/debian.sh).
# Playwright's own browser download (`playwright install`) is never used: it fetches from outside the registries.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/debian.sh chromium fonts-dejavu-core
