#!/usr/bin/env bash
# Set up (first time) and start the desk on the embedded SQLite database with the demo street.
set -euo pipefail
cd "$(dirname "$0")"
tools/setup.sh
.venv/bin/desk demo --seed 1 --if-empty --accounts
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ "${QT_QPA_PLATFORM:-}" != "offscreen" ]; then
  echo "No screen found: starting the desk on a virtual screen (xvfb-run)."
  exec xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/desk "$@"
fi
exec .venv/bin/desk "$@"
