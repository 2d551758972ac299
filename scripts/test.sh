#!/usr/bin/env bash
# Run the whole test suite in a real QGIS 3.22 (offscreen), after installing what it needs.
# Extra arguments go to pytest, e.g. scripts/test.sh -k cloudmask
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export QT_QPA_PLATFORM=offscreen
exec "${NEVE_VENV:-.venv}/bin/python" -m pytest "$@"
