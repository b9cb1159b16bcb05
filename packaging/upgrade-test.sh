#!/usr/bin/env bash
# Upgrade and removal test of the .deb, as root on this machine (it runs apt-get):
#   1. builds two packages of different versions from one frozen folder (AUTOGLM_VERSION=A, then B),
#   2. installs A, gives an operator's home real user data: the settings QSettings writes, the model
#      cache (fetch-model), and a command QUEUED in the outbox of a broker that is down (written through
#      the console's own Outbox API, as the pipeline writes it before it publishes),
#   3. installs B over A: the user data is byte for byte the same; then, with the broker up and the
#      frozen simulator answering, B's console (real X server) replays the queued command,
#   4. apt-get remove, then purge: the program goes, the user data stays.
#   packaging/upgrade-test.sh [VERSION_A VERSION_B]      (defaults 0.1.0 0.1.1)
# Closing line: "N passed, N failed"; exit status non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
REPO=$PWD
A=${1:-0.1.0}
B=${2:-0.1.1}
ARCH=$(dpkg --print-architecture)
[ "$(id -u)" = 0 ] || { echo "upgrade-test: run as root (apt-get install/remove)" >&2; exit 2; }
passed=0 failed=0
ok() { echo "ok   $*"; passed=$((passed + 1)); }
bad() { echo "FAIL $*"; failed=$((failed + 1)); }

for v in "$A" "$B"; do
    [ -f "dist/autoglm-console_${v}_${ARCH}.deb" ] && [ "${UPGRADE_REBUILD:-0}" != 1 ] && continue
    AUTOGLM_VERSION=$v AUTOGLM_REUSE_FROZEN=1 bash packaging/build-deb.sh || { echo "build of $v failed" >&2; exit 2; }
done

scratch=$(mktemp -d /tmp/autoglm-upgrade.XXXXXX)
mosq_pid="" sim_pid="" sub_pid=""
cleanup() {
    for p in $sim_pid $sub_pid $mosq_pid; do kill "$p" 2>/dev/null; done
    rm -rf "$scratch"
}
trap cleanup EXIT
export HOME=$scratch/home
unset XDG_CONFIG_HOME XDG_DATA_HOME XDG_STATE_HOME AUTOGLM_DATA_DIR AUTOGLM_LOG_DIR AUTOGLM_MODEL_DIR QT_QPA_PLATFORM
mkdir -p "$HOME"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
PREFIX=upg
BROKER=mqtt://127.0.0.1:$PORT

apt-get remove -y -q autoglm-console >/dev/null 2>&1
apt-get install -y -q "./dist/autoglm-console_${A}_${ARCH}.deb" > "$scratch/install-a.log" 2>&1 \
    && ok "apt-get install $A" || { bad "apt-get install $A"; tail "$scratch/install-a.log"; exit 1; }
[ "$(dpkg-query -W -f '${Version}' autoglm-console)" = "$A" ] && ok "version $A installed" || bad "version after install"

cd "$scratch"
# the operator's data, made by version A itself: settings (a GUI run) and the model cache
xvfb-run -a -s '-screen 0 1280x800x24' autoglm-console --self-test --timeout 120 > gui-a.log 2>&1 \
    && ok "$A: self-test on Xvfb (writes the settings)" || { bad "$A: self-test"; tail gui-a.log; }
autoglm-console fetch-model > fetch.log 2>&1 && ok "$A: fetch-model (model cache)" || { bad "$A: fetch-model"; tail fetch.log; }
# a command queued for a broker that is down, written where and as the console writes it
CMD_ID=$("$REPO/.venv/bin/python" - "$PORT" "$PREFIX" <<'PY'
import sys
from console.core.commands.migration import outbox_path_for
from console.core.commands.outbox import Outbox
from console.core.mqtt.link import BrokerConfig
from console.core.protocol import Command

cfg = BrokerConfig(host="127.0.0.1", port=int(sys.argv[1]), prefix=sys.argv[2])
box = Outbox(outbox_path_for(cfg))
row = box.add(Command.new("lamp-office-1", {"power": True, "level": 42}, ttl_s=3600), qos=1)
box.close()
print(row.id)
PY
)
[ -n "$CMD_ID" ] && ok "queued command $CMD_ID (broker down)" || bad "queue a command"
snapshot() { (cd "$HOME" && find . -type f ! -path './.local/state/*' ! -name '*-wal' ! -name '*-shm' -print0 \
              | sort -z | xargs -0 sha256sum); }
snapshot > before.sha
grep -q 'AutoGLM Console.conf' before.sha && grep -q '/models/' before.sha && grep -q '/outbox/' before.sha \
    && ok "user data present: settings, model cache, outbox ($(wc -l < before.sha) files)" || { bad "user data"; cat before.sha; }

apt-get install -y -q "$REPO/dist/autoglm-console_${B}_${ARCH}.deb" > install-b.log 2>&1 \
    && ok "apt-get install $B over $A" || { bad "apt-get install $B"; tail install-b.log; }
[ "$(dpkg-query -W -f '${Version}' autoglm-console)" = "$B" ] && ok "version $B installed" || bad "version after upgrade"
autoglm-console --version 2>/dev/null | grep -q " $B\b" && ok "--version says $B" || bad "--version: $(autoglm-console --version 2>&1 | head -1)"
snapshot > after.sha
cmp -s before.sha after.sha && ok "user data unchanged by the upgrade" || { bad "user data changed"; diff before.sha after.sha; }

# broker up, the frozen simulator answering, B's console connects and replays
printf 'listener %s 127.0.0.1\nallow_anonymous true\npersistence false\n' "$PORT" > mosq.conf
mosquitto -c mosq.conf > mosq.log 2>&1 & mosq_pid=$!
python3 - "$PORT" <<'PY' || bad "mosquitto did not listen on $PORT"
import socket, sys, time
deadline = time.monotonic() + 30
while time.monotonic() < deadline:
    try:
        socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=1).close()
        break
    except OSError:
        time.sleep(0.1)
else:
    sys.exit(1)
PY
mosquitto_sub -h 127.0.0.1 -p "$PORT" -t "$PREFIX/devices/+/cmd" -v > cmd-wire.log 2>&1 & sub_pid=$!
autoglm-console simulate --broker "$BROKER" --prefix "$PREFIX" --rate 0.2 --duration 300 > sim.log 2>&1 & sim_pid=$!
xvfb-run -a -s '-screen 0 1280x800x24' autoglm-console --broker "$BROKER" --prefix "$PREFIX" --self-test \
    --timeout 120 > gui-b.log 2>&1 && ok "$B: console on $BROKER (self-test on Xvfb)" || { bad "$B: console"; tail -20 gui-b.log; }
for _ in $(seq 100); do grep -q "$CMD_ID" cmd-wire.log && break; sleep 0.2; done
grep -q "$CMD_ID" cmd-wire.log && ok "$B replayed the queued command on the wire: $(grep -m1 "$CMD_ID" cmd-wire.log | cut -c1-160)" \
    || { bad "queued command not replayed"; cat cmd-wire.log; tail gui-b.log; }
STATE=$("$REPO/.venv/bin/python" - "$PORT" "$PREFIX" "$CMD_ID" <<'PY'
import sys
from console.core.commands.migration import outbox_path_for
from console.core.commands.outbox import Outbox
from console.core.mqtt.link import BrokerConfig

box = Outbox(outbox_path_for(BrokerConfig(host="127.0.0.1", port=int(sys.argv[1]), prefix=sys.argv[2])))
row = box.get(sys.argv[3])
print(row.state.value if row else "missing")
box.close()
PY
)
[ "$STATE" != queued ] && [ "$STATE" != missing ] && ok "outbox row after the replay: $STATE" || bad "outbox row: $STATE"

apt-get remove -y -q autoglm-console > remove.log 2>&1 && ok "apt-get remove" || bad "apt-get remove"
[ ! -e /usr/bin/autoglm-console ] && [ ! -e /opt/autoglm-console/autoglm-console ] && ok "program files gone" || bad "files left after remove"
snapshot | cut -c67- > left.txt
cut -c67- after.sha | while read -r f; do grep -qxF "$f" left.txt || echo "$f"; done > lost.txt
[ ! -s lost.txt ] && ok "apt-get remove kept all $(wc -l < after.sha) user files" || { bad "remove lost user files"; cat lost.txt; }
apt-get purge -y -q autoglm-console > purge.log 2>&1 && ok "apt-get purge" || bad "apt-get purge"
grep -q "Each user's own data was kept" purge.log && ok "purge says where the user data is" || bad "purge message"
[ -f "$HOME/.config/AutoGLM/AutoGLM Console.conf" ] && ok "purge kept the user data too" || bad "purge deleted user data"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
