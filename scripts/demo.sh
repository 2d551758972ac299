#!/usr/bin/env bash
# The main job on an embedded sample: a generated Theia product -> refined cloud mask -> snow map,
# with a PNG quicklook and an HTML report, in demo-output/ (or --out DIR). Installs what it needs.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export QT_QPA_PLATFORM=offscreen
exec "${NEVE_VENV:-.venv}/bin/python" scripts/demo.py "$@"
