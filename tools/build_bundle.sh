#!/usr/bin/env bash
# Builds the one-folder bundle (installer/desk.spec) into dist/desk and proves it: runs
# `desk selftest` from the bundle (a missing data file or Qt resource fails here), then prints the
# bundle's size and the cold start of the bundled desk to a shown window, against their targets.
# Usage: tools/build_bundle.sh            (after tools/setup.sh; installs PyInstaller into .venv)
#        DESK_PYTHON=/path/to/python tools/build_bundle.sh   (another environment, e.g. from a git
#        worktree; PyInstaller must then be importable by it, e.g. through PYTHONPATH)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${DESK_PYTHON:-.venv/bin/python}
SIZE_TARGET_MB=400   # the issue's target, printed
SIZE_LIMIT_MB=410    # a regression guard: the build fails above it (396 MB on 2026-12-01)
START_TARGET_S=3

if [ -z "${DESK_PYTHON:-}" ]; then
  "$PY" -m pip install -q --disable-pip-version-check -e ".[bundle]" >/tmp/desk-bundle-pip.log 2>&1 || {
    tail -20 /tmp/desk-bundle-pip.log; echo "bundle: PyInstaller failed to install"; exit 1; }
fi
"$PY" tools/i18n.py build >/dev/null

t0=$(date +%s)
echo "bundle: building dist/desk with PyInstaller (log: build/pyinstaller.log)"
mkdir -p build
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller \
  installer/desk.spec >build/pyinstaller.log 2>&1 || { tail -40 build/pyinstaller.log; echo "bundle: build failed"; exit 1; }
echo "bundle: built in $(( $(date +%s) - t0 )) s"
unset PYTHONPATH  # what PyInstaller needed; the bundle's own runs below use nothing from outside
# Symbols and debug information that nothing loads are stripped where the result still loads
# (tools/strip_bundle.py: a stripped copy of a library auditwheel patched may not, e.g. numpy's OpenBLAS).
if command -v strip >/dev/null 2>&1; then "$PY" tools/strip_bundle.py dist/desk; fi

# The system libraries left to the host (installer/trim.py HOST_LIBRARY; tools/setup.sh installs them):
# every library a binary of the bundle links must be found, in the bundle or on this machine.
if command -v ldd >/dev/null 2>&1; then
  missing=$(find dist/desk -type f \( -name "*.so*" -o -name "desk-cli" -o -name "QtWebEngineProcess" \) \
    | while read -r bin; do LD_LIBRARY_PATH=dist/desk/_internal ldd "$bin" 2>/dev/null | grep "not found" \
    | sed "s|^[[:space:]]*|  ${bin#dist/desk/}: |" || true; done | sort -u)
  if [ -n "$missing" ]; then
    echo "$missing"; echo "bundle: libraries left to the host are missing here: run tools/setup.sh"; exit 1
  fi
  echo "bundle: every linked library found ($(grep -o "[0-9]* system libraries left to the host" build/pyinstaller.log || echo "none left to the host"))"
fi

# The self-check from the bundle, in a clean user profile: nothing from this machine's desk is used.
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" XDG_CACHE_HOME="$home/cache"
unset DESK_DB DESK_SETTINGS DESK_DATA_KEY
export QTWEBENGINE_CHROMIUM_FLAGS="${QTWEBENGINE_CHROMIUM_FLAGS:---no-sandbox}"
set +e
dist/desk/desk-cli selftest >build/selftest.txt 2>build/selftest.err
code=$?
set -e
cat build/selftest.txt
if [ $code -ne 0 ]; then
  echo "bundle: selftest from the bundle FAILED (exit $code); stderr:"; tail -30 build/selftest.err; exit 1
fi
if [ -n "${DESK_SELFTEST_PG:-}" ]; then  # the PostgreSQL driver in the bundle, on a scratch database of that server
  dist/desk/desk-cli selftest --db "$DESK_SELFTEST_PG" --only database,demo-data >build/selftest-pg.txt 2>&1 || {
    cat build/selftest-pg.txt; echo "bundle: selftest on PostgreSQL FAILED"; exit 1; }
  grep -E "^(ok|FAILED)" build/selftest-pg.txt | sed 's/^/  PostgreSQL: /'
fi

# Cold start: the bundled program (desk, the Start menu's launcher) launched to its window shown
# (offscreen), on a migrated scratch database; three launches, the median counts.
# The self-check makes and migrates that scratch database before the window (a real start opens the
# existing one): that part is printed too.
starts=(); scratch=()
for run in 1 2 3; do
  DESK_LAUNCH_T0=$(date +%s.%N) dist/desk/desk selftest --only window-and-map >build/start.txt 2>/dev/null || {
    cat build/start.txt; echo "bundle: the window did not open from the bundle"; exit 1; }
  starts+=("$(sed -n 's/.*启动到窗口显示 \([0-9.]*\) s.*/\1/p' build/start.txt | head -1)")
  scratch+=("$(sed -n 's/.*其中新建临时库 \([0-9.]*\) s.*/\1/p' build/start.txt | head -1)")
done
start_s=$(printf '%s\n' "${starts[@]}" | sort -n | sed -n 2p)
scratch_s=$(printf '%s\n' "${scratch[@]}" | sort -n | sed -n 2p)
size_mb=$(du -sm dist/desk | cut -f1)
echo "bundle: size by part (tools/bundle_sizes.py):"
"$PY" tools/bundle_sizes.py dist/desk
echo "bundle: size of dist/desk: ${size_mb} MB (target <= ${SIZE_TARGET_MB} MB)"
echo "bundle: cold start of the bundled desk to a shown window: ${start_s:-?} s, median of ${starts[*]} (target <= ${START_TARGET_S} s; $(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg)); of which making the scratch database: ${scratch_s:-?} s (median)"
if [ "$size_mb" -gt "$SIZE_TARGET_MB" ]; then echo "bundle: NOTE over the ${SIZE_TARGET_MB} MB target (see installer/README.md)"; fi
if [ "$size_mb" -gt "$SIZE_LIMIT_MB" ]; then echo "bundle: over the ${SIZE_LIMIT_MB} MB limit: something large crept in"; exit 1; fi
