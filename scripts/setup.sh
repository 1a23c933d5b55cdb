#!/usr/bin/env bash
# Create .venv and install the project with the given extras; re-installs only when pyproject.toml changed.
# Usage: scripts/setup.sh [extras]   e.g. scripts/setup.sh test
set -euo pipefail
cd "$(dirname "$0")/.."
extras="${1:-}"
python=${PYTHON:-python3.11}
command -v "$python" >/dev/null || python=python3
[ -x .venv/bin/python ] || "$python" -m venv .venv
find_links=()
[ -d /opt/wheels ] && find_links=(--find-links /opt/wheels)
stamp=".venv/.installed-${extras:-base}"
want="$(sha256sum pyproject.toml | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "setup: installing into .venv (torch pinned to the local CPU wheel; log in .venv/pip.log)" >&2
  pip_install() {
    .venv/bin/python -m pip install --quiet "${find_links[@]}" "$@" >>.venv/pip.log 2>&1 || {
      tail -n 40 .venv/pip.log >&2
      echo "setup: pip install $* failed (full log: .venv/pip.log)" >&2
      exit 1
    }
  }
  # torch first, pinned: an unpinned torch would pull gigabytes of CUDA packages.
  pip_install "torch==2.13.0"
  pip_install -e ".${extras:+[$extras]}"
  echo "$want" > "$stamp"
fi
