#!/usr/bin/env bash
# System packages the console needs beside its Python packages:
#   - Mosquitto and its clients (the broker the demo and the tests use);
#   - the X11/xcb, EGL/GL, fontconfig and D-Bus libraries Qt's xcb platform plugin loads (a wheel of
#     PySide6 brings Qt, not these: without libxcb-icccm4 or libxcb-keysyms1 the window cannot open);
#   - xvfb and xauth: `make test` starts the console once under a real X server (xvfb-run).
# Installs what is missing with apt where we are root on Debian/Ubuntu; elsewhere says what to install.
set -euo pipefail

# Debian/Ubuntu names; "a|b" = the first one this release knows (Ubuntu 24.04+ renamed some to ...t64)
APT_PACKAGES=(
    mosquitto mosquitto-clients
    libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-xinerama0
    libxcb-randr0 libxcb-shape0 libxcb-xfixes0 libxcb-xkb1 libxcb-shm0 libxcb-sync1 libx11-xcb1
    libxkbcommon0 libxkbcommon-x11-0 libegl1 libgl1 libfontconfig1 libfreetype6 "libdbus-1-3"
    "libglib2.0-0t64|libglib2.0-0"
    xvfb xauth
)
# A Chinese desktop has CJK fonts already; a bare one (or a zh_CN locale set on a server) draws the
# zh_CN UI as boxes without them (seen here).  ~60 MB, so only where the locale asks for Chinese.
case "${LC_ALL:-${LANG:-}}" in zh*) APT_PACKAGES+=(fonts-noto-cjk) ;; esac

installed() { [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" = "install ok installed" ]; }
known() { apt-cache show "$1" >/dev/null 2>&1; }

if command -v dpkg-query >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
    need=()
    for spec in "${APT_PACKAGES[@]}"; do
        IFS='|' read -r -a alternatives <<<"$spec"
        pick=""
        for p in "${alternatives[@]}"; do installed "$p" && { pick=ok; break; }; done
        [ -n "$pick" ] && continue
        for p in "${alternatives[@]}"; do known "$p" && { pick=$p; break; }; done
        need+=("${pick:-${alternatives[-1]}}")
    done
    [ ${#need[@]} -eq 0 ] && exit 0
    if [ "$(id -u)" = 0 ]; then
        echo "installing ${need[*]} with apt-get" >&2
        export DEBIAN_FRONTEND=noninteractive
        apt-get install -y -q --no-install-recommends "${need[@]}" >/dev/null 2>&1 \
            || { apt-get update -q >/dev/null && apt-get install -y -q --no-install-recommends "${need[@]}" >/dev/null; }
    else
        echo "NOTE: please install: sudo apt-get install ${need[*]}" >&2
        echo "      (the demo falls back to the pure-Python amqtt broker; the window and the tests need the rest)" >&2
    fi
    exit 0
fi

# not Debian/Ubuntu: say what to install
missing=()
command -v mosquitto >/dev/null 2>&1 || [ -x /usr/sbin/mosquitto ] || missing+=(mosquitto)
command -v xvfb-run >/dev/null 2>&1 || missing+=("xvfb-run (tests only)")
[ ${#missing[@]} -eq 0 ] && exit 0
cat >&2 <<'EOF'
NOTE: not a Debian/Ubuntu system; please install with your package manager:
  Fedora/RHEL:  sudo dnf install mosquitto xcb-util-cursor xcb-util-wm xcb-util-keysyms xcb-util-image \
                xcb-util-renderutil libxkbcommon-x11 mesa-libEGL mesa-libGL fontconfig dbus-libs \
                xorg-x11-server-Xvfb xauth
  Arch:         sudo pacman -S mosquitto xcb-util-cursor xcb-util-wm xcb-util-keysyms xcb-util-image \
                xcb-util-renderutil libxkbcommon-x11 libglvnd fontconfig dbus xorg-server-xvfb xorg-xauth
  elsewhere:    Mosquitto; the xcb-util libraries (cursor, wm/icccm, keysyms, image, renderutil),
                libxkbcommon-x11, EGL and GL (libglvnd/Mesa), fontconfig, D-Bus; Xvfb and xauth for the tests
  macOS:        brew install mosquitto   (Qt needs nothing more; no xvfb-run: skip the GUI start in `make test`)
`python -m console doctor` then says whether the window can open (its "Qt platform plugin" row).
EOF
echo "missing here: ${missing[*]}" >&2
