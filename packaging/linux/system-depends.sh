#!/usr/bin/env bash
# The Debian packages the frozen Qt needs from the system, as a Depends: value (one line, comma-separated).
# ldd on the frozen xcb platform plugin, libQt6XcbQpa, the xcb GL integrations and the Qt libraries the
# console loads, with the bundle's own library folders first on the search path (as the frozen app runs);
# every library that resolves outside the bundle is mapped to its package with dpkg -S.
# A library ldd cannot find at all fails the build: install it here, then the package can name it.
#   packaging/linux/system-depends.sh build/pkg/dist/autoglm-console [--explain]
set -euo pipefail
frozen=$(realpath "$1")
explain=${2:-}
internal=$frozen/_internal
qt=$internal/PySide6/Qt
[ -d "$qt" ] || { echo "system-depends: no $qt (is $1 a PyInstaller folder of the console?)" >&2; exit 2; }
targets=("$qt/plugins/platforms/libqxcb.so")
for f in "$qt"/lib/libQt6XcbQpa.so.* "$qt"/plugins/xcbglintegrations/*.so \
         "$qt"/lib/libQt6{Core,Gui,Widgets,DBus,OpenGL,Svg}.so.*; do
    [ -e "$f" ] && targets+=("$f")
done
export LD_LIBRARY_PATH="$qt/lib:$internal"
declare -A pkg_of=() why=()
missing=()
for t in "${targets[@]}"; do
    while read -r name arrow path _; do
        [ "$arrow" = "=>" ] || continue
        if [ "$path" = "not" ]; then missing+=("$name (needed by ${t#"$frozen"/})"); continue; fi
        case "$(realpath "$path")" in "$frozen"/*) continue ;; esac
        [ -n "${pkg_of[$path]+x}" ] && continue
        pkg=""
        for p in "$path" "$(realpath "$path")" "/usr${path#/usr}" "${path#/usr}"; do
            pkg=$(dpkg -S "$p" 2>/dev/null | head -n1 | cut -d: -f1) && [ -n "$pkg" ] && break
        done
        [ -n "$pkg" ] || { echo "system-depends: no Debian package owns $path (needed by $t)" >&2; exit 3; }
        pkg_of[$path]=$pkg
        why[$pkg]="${why[$pkg]:-} $name"
    done < <(ldd "$t")
done
if [ ${#missing[@]} -gt 0 ]; then
    printf 'system-depends: not found on this machine: %s\n' "${missing[@]}" >&2
    exit 4
fi
if [ "$explain" = --explain ]; then
    for p in $(printf '%s\n' "${!why[@]}" | sort); do echo "$p:${why[$p]}"; done
else
    printf '%s\n' "${!why[@]}" | sort -u | paste -sd, | sed 's/,/, /g'
fi
