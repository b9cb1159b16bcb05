#!/usr/bin/env bash
# System packages: Mosquitto (the broker the tests and the demo use) and its clients.
# Installs them with apt where we are root on Debian/Ubuntu; elsewhere says what to install.
set -euo pipefail
need=()
command -v mosquitto >/dev/null 2>&1 || [ -x /usr/sbin/mosquitto ] || need+=(mosquitto)
command -v mosquitto_sub >/dev/null 2>&1 || need+=(mosquitto-clients)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing ${need[*]} with apt-get" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -q --no-install-recommends "${need[@]}" >/dev/null 2>&1 \
        || { apt-get update -q >/dev/null && apt-get install -y -q --no-install-recommends "${need[@]}" >/dev/null; }
else
    echo "NOTE: please install ${need[*]} (Debian: sudo apt-get install ${need[*]})." >&2
    echo "      The demo falls back to the pure-Python amqtt broker; the test suite needs Mosquitto." >&2
fi
