"""Every operator screenshot in one command: 6 views x 2 sizes x 2 languages into docs/screenshots/.

    .venv/bin/python packaging/screenshots/take_all.py [OUT] [--langs en,zh] [--sizes 1024x700,1600x1000]
                                                       [--views devices,model,...] [--readme]

Runs ``operator_views.py`` once per language under its own ``xvfb-run`` (a real X server, the xcb
plugin) with that language's locale (LANG / LANGUAGE); each run takes every view at every size.
Without ``--views`` it also retakes commands-1280x760-LANG.png and audit-1280x760-LANG.png.
``--readme`` also retakes the README's English shots in resources/screenshots/ (devices_panel.py:
main, devices, commands, assistant, environment; model_panel.py: model_panel).  Needs xvfb
(``xvfb-run``) and the bundled model (fetched on first use).  Exits non-zero if a run failed, after
trying the others.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

from shotkit import LANGS, LOCALE_ENV, ROOT, SCREEN, SIZES

HERE = Path(__file__).resolve().parent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", nargs="?", type=Path, default=ROOT / "docs" / "screenshots")
    ap.add_argument("--langs", default=",".join(LANGS))
    ap.add_argument("--sizes", default=",".join(SIZES))
    ap.add_argument("--views", default="", help="a subset (operator_views.py --help lists them)")
    ap.add_argument("--readme", action="store_true", help="also the README's shots in resources/screenshots/")
    args = ap.parse_args()
    runs = []
    for lang in args.langs.split(","):
        cmd = [str(HERE / "operator_views.py"), str(args.out), args.sizes, lang]
        runs.append((lang, cmd + (["--views", args.views] if args.views else [])))
        if not args.views:  # the Commands and Audit tabs where the issue found them scrolling sideways
            runs.append((lang, [str(HERE / "operator_views.py"), str(args.out), "1280x760", lang,
                                "--views", "commands,audit"]))
    if args.readme:
        readme = ROOT / "resources" / "screenshots"
        runs += [("en", [str(HERE / "devices_panel.py"), str(readme)]),
                 ("en", [str(HERE / "model_panel.py"), str(readme / "model_panel.png"), "--requests", "4"])]
    failed = []
    for lang, script in runs:
        env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "QT_QPA_PLATFORM")}
        env.update({k: v for k, v in LOCALE_ENV[lang].items() if v})
        cmd = ["xvfb-run", "-a", "-s", SCREEN, sys.executable, *script]
        t0 = time.monotonic()
        print(f"== {lang}: {' '.join(cmd)}", flush=True)
        rc = subprocess.run(cmd, env=env, cwd=ROOT).returncode
        print(f"== {lang}: exit {rc} after {time.monotonic() - t0:.0f} s", flush=True)
        if rc:
            failed.append(f"{Path(script[0]).name} {lang}")
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
