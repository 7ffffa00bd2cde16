#!/usr/bin/env bash
# Set up (first time) and run the whole test suite: unit, database (SQLite and PostgreSQL),
# GUI (offscreen) and CLI tests, plus the import-layer contracts.
set -euo pipefail
cd "$(dirname "$0")"
tools/setup.sh
.venv/bin/lint-imports --no-cache
exec .venv/bin/python -m pytest "$@"
