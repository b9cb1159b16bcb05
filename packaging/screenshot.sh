#!/usr/bin/env bash
# Screenshot of the running console under Xvfb (a real X server, the xcb platform plugin).
#   packaging/screenshot.sh OUT.png [TAB] [SECONDS] [-- extra console args]
# Needs: xvfb, libxcb-icccm4, libxcb-keysyms1, imagemagick (Debian packages).
set -euo pipefail
out=${1:-resources/screenshots/main.png}
tab=${2:-devices}
secs=${3:-8}
shift $(( $# < 3 ? $# : 3 )) || true
[ "${1:-}" = "--" ] && shift
cd "$(dirname "$0")/.."
mkdir -p "$(dirname "$out")"
display=:$(( 90 + RANDOM % 9 ))
Xvfb "$display" -screen 0 1400x860x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $app $xvfb 2>/dev/null || true' EXIT
sleep 1
XDG_CONFIG_HOME=$(mktemp -d) DISPLAY=$display QT_QPA_PLATFORM=xcb AUTOGLM_START_TAB=$tab .venv/bin/autoglm-console --demo "$@" &
app=$!
sleep "$secs"
DISPLAY=$display import -window root -crop 1280x760+0+0 +repage "$out"
echo "saved $out"
