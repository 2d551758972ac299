#!/usr/bin/env bash
# Install what Névé needs on Debian 12, idempotently: Debian's QGIS 3.22 and its Python packages (apt),
# a virtual environment .venv that sees them, the test tools (pip), and the compiled French translation.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES="qgis python3-qgis qgis-providers python3-gdal python3-rasterio python3-scipy python3-matplotlib python3-venv
pyqt5-dev-tools qttools5-dev-tools xvfb xauth gdal-bin"
missing=""
for package in $APT_PACKAGES; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing="$missing $package"
done
if [ -n "$missing" ]; then
    echo "setup: installing Debian packages:$missing"
    SUDO=""
    [ "$(id -u)" = 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
fi

VENV="${NEVE_VENV:-.venv}"
if [ ! -x "$VENV/bin/python" ]; then
    /usr/bin/python3 -m venv --system-site-packages "$VENV"
fi
stamp="$VENV/.requirements-dev.txt"
if ! cmp -s requirements-dev.txt "$stamp"; then
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check -r requirements-dev.txt
    cp requirements-dev.txt "$stamp"
fi

/usr/bin/python3 scripts/i18n.py compile
