#!/usr/bin/env bash
# Sets up everything the desk needs on Debian/Ubuntu: system libraries for Qt and QtWebEngine,
# a CJK font and poppler (only what is missing; needs root or sudo for that part), a virtual
# environment in .venv with the desk and its test tools, and the compiled translations.
set -euo pipefail
cd "$(dirname "$0")/.."

DEBS="libasound2 libbrotli1 libdbus-1-3 libegl1 libfontconfig1 libfreetype6 libgbm1 libgl1 libglib2.0-0
libnspr4 libnss3 libx11-6 libxcb-dri3-0 libxcb1 libxcomposite1 libxdamage1 libxext6 libxfixes3 libxkbcommon0
libxkbfile1 libxrandr2 libxtst6 fonts-wqy-microhei fonts-arphic-uming poppler-utils poppler-data xvfb xauth libxcb-cursor0
libcups2 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-render0 libxcb-shape0 libxcb-util1
libxcb-xkb1 libxkbcommon-x11-0 xdotool libssl3 libsqlite3-0 libstdc++6 libgcc-s1"

if command -v dpkg-query >/dev/null 2>&1; then
  missing=""
  for p in $DEBS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
  done
  if ! python3 -c "import venv, ensurepip" >/dev/null 2>&1; then missing="$missing python3-venv"; fi
  if [ -n "$missing" ]; then
    echo "desk setup: installing Debian packages:$missing"
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get install -y --no-install-recommends $missing >/tmp/desk-apt.log 2>&1 || {
      $SUDO apt-get update >/tmp/desk-apt.log 2>&1
      $SUDO apt-get install -y --no-install-recommends $missing >>/tmp/desk-apt.log 2>&1 || {
        echo "desk setup: apt-get failed, see /tmp/desk-apt.log"; exit 1; }
    }
  fi
fi

PY="${PYTHON:-python3}"
"$PY" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "desk needs Python 3.11 or newer")'
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip >/dev/null 2>&1 || true
.venv/bin/python -m pip install -q --disable-pip-version-check -e ".[test]" >/tmp/desk-pip.log 2>&1 || {
  tail -20 /tmp/desk-pip.log; echo "desk setup: Python packages failed to install (see /tmp/desk-pip.log)"; exit 1; }
.venv/bin/python -c "import desk, PySide6, sqlalchemy, psycopg" || { echo "desk setup: Python packages failed to install"; exit 1; }
.venv/bin/python tools/i18n.py build >/dev/null
echo "desk setup: ready (.venv)"
