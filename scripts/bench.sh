#!/usr/bin/env bash
# Benchmark each algorithm on full-size inputs against reading and writing the same data (not a test).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export QT_QPA_PLATFORM=offscreen
exec "${NEVE_VENV:-.venv}/bin/python" bench/run.py "$@"
