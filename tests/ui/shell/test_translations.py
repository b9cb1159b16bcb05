"""User-visible strings go through Qt's translator: a Chinese locale gets the bundled zh_CN texts."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

CODE = """
from console.ui.shell.qt_app import make_application
from console.ui.shell.qt_main_window import QtMainWindow
app = make_application()
w = QtMainWindow.loading()
print('|'.join(w.tabs.tabText(i) for i in range(w.tabs.count())))
"""


def _tabs(lang: str, tmp_path) -> list[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LANG": lang, "LC_ALL": lang, "LANGUAGE": "",
           "XDG_CONFIG_HOME": str(tmp_path)}
    res = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, env=env, timeout=60)
    assert res.returncode == 0, res.stderr
    return res.stdout.strip().splitlines()[-1].split("|")


def test_chinese_locale_gets_chinese_tabs(tmp_path):
    assert _tabs("zh_CN.UTF-8", tmp_path) == ["设备", "模型", "环境"]


def test_english_locale_keeps_the_source_texts(tmp_path):
    assert _tabs("en_US.UTF-8", tmp_path) == ["Devices", "Model", "Environment"]


# -- the .ts itself: complete, and every translation keeps the source's placeholders -------------------

ROOT = Path(__file__).resolve().parents[3]
TS = ROOT / "resources" / "translations" / "console_zh_CN.ts"
QM = TS.with_suffix(".qm")
# str.format fields: {n}, {s:.0f}, {e!r}, and {} (positional); "{{" is a literal brace, not a field
FIELD = re.compile(r"(?<!\{)\{(\w*)(?:[:!][^}]*)?\}")
TAG = re.compile(r"</?([A-Za-z][\w-]*)")


def _ts_messages() -> list[tuple[str, str, ET.Element]]:
    """(context, source, <translation> element) for every message of the zh_CN .ts."""
    out = []
    for ctx in ET.parse(TS).getroot().iter("context"):
        name = ctx.findtext("name")
        for msg in ctx.iter("message"):
            out.append((name, msg.findtext("source"), msg.find("translation")))
    return out


def _translations() -> dict[tuple[str, str], str]:
    return {(c, s): t.text or "" for c, s, t in _ts_messages()}


def test_every_message_is_translated_and_keeps_its_placeholders():
    messages = _ts_messages()
    assert len(messages) > 250, f"{TS} lists only {len(messages)} messages"
    problems = []
    for ctx, src, tr in messages:
        where = f"{ctx}: {src!r}"
        if tr.get("type") is not None:  # unfinished, vanished or obsolete: lupdate -no-obsolete, then translate
            problems.append(f"{where} is {tr.get('type')}")
            continue
        text = tr.text or ""
        if not text.strip():
            problems.append(f"{where} has an empty translation")
            continue
        if set(FIELD.findall(text)) != set(FIELD.findall(src)):
            problems.append(f"{where}: placeholders {sorted(set(FIELD.findall(src)))} became "
                            f"{sorted(set(FIELD.findall(text)))} in {text!r}")
        elif Counter(m.group(0) for m in FIELD.finditer(text)) != Counter(m.group(0) for m in FIELD.finditer(src)):
            problems.append(f"{where}: format specs changed in {text!r}")
        if text.count("\n") != src.count("\n"):
            problems.append(f"{where}: {src.count(chr(10))} line break(s) became {text.count(chr(10))} in {text!r}")
        if Counter(TAG.findall(text)) != Counter(TAG.findall(src)):
            problems.append(f"{where}: HTML tags changed in {text!r}")
        if src.endswith("…") and not text.endswith("…"):
            problems.append(f"{where}: the ellipsis (opens a dialog / in progress) was dropped in {text!r}")
        if src.count("&") - src.count("&&") != text.count("&") - text.count("&&"):
            problems.append(f"{where}: mnemonic '&' changed in {text!r}")
    assert not problems, "\n".join(problems)


def _lrelease() -> str:
    exe = Path(sys.executable).with_name("pyside6-lrelease")
    found = str(exe) if exe.exists() else shutil.which("pyside6-lrelease")
    assert found, "pyside6-lrelease not found (PySide6's tools, next to the venv's python)"
    return found


def test_the_committed_qm_is_compiled_from_the_committed_ts(tmp_path):
    # lrelease output is deterministic (same .ts -> same bytes), so a stale .qm shows as a byte difference:
    # rebuild it with `make translations` (or pyside6-lrelease ... -qm resources/translations/console_zh_CN.qm)
    fresh = tmp_path / "fresh.qm"
    res = subprocess.run([_lrelease(), "-silent", str(TS), "-qm", str(fresh)], capture_output=True, text=True,
                         timeout=60)
    assert res.returncode == 0, res.stdout + res.stderr
    assert fresh.read_bytes() == QM.read_bytes(), f"{QM.name} is stale: run `make translations`"


# -- the running UI in a Chinese locale: more than the tabs -------------------------------------------

AUDIT_CODE = """
import json, sys
from pathlib import Path
from PySide6.QtCore import Qt
from console.core.commands.outbox import Outbox
from console.ui.shell.qt_app import make_application
from console.ui.devices.qt_audit_view import QtAuditView
app = make_application()
tmp = Path(sys.argv[1])
site, unassigned = Outbox(tmp / "site.sqlite3"), Outbox(tmp / "outbox-unassigned.sqlite3")
unassigned.close()
view = QtAuditView(site, unassigned_path=tmp / "outbox-unassigned.sqlite3")
view.refresh()
m = view.model
print(json.dumps({
    "search": view.search.text(), "export": view.export.text(), "resend": view.resend.text(),
    "sources": [view.source.itemText(i) for i in range(view.source.count())],
    "any_state": view.state.itemText(0), "from": view.use_since.text(), "info": view.info.text(),
    "headers": [m.headerData(i, Qt.Orientation.Horizontal) for i in range(m.columnCount())],
}, ensure_ascii=True))
site.close()
"""


def _run_zh(code: str, tmp_path) -> dict:
    """Run ``code`` (its argv[1] is tmp_path) in a zh_CN locale; the JSON object it prints last."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LANG": "zh_CN.UTF-8", "LC_ALL": "zh_CN.UTF-8",
           "LANGUAGE": "", "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data")}
    res = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True,
                         env=env, timeout=60, cwd=ROOT)
    assert res.returncode == 0, res.stderr
    return json.loads(res.stdout.strip().splitlines()[-1])


def zh_text(ctx: str, src: str) -> str:
    """The .ts's Chinese text for (context, source), checked to be Chinese."""
    text = _translations()[(ctx, src)]
    assert any(ord(ch) > 0x2e80 for ch in text), f"{ctx}: {src!r} is not translated to Chinese: {text!r}"
    return text


def test_chinese_locale_translates_the_audit_log(tmp_path):
    got = _run_zh(AUDIT_CODE, tmp_path)

    assert got["search"] == zh_text("QtAuditView", "Search")
    assert got["export"] == zh_text("QtAuditView", "Export CSV…")
    assert got["resend"] == zh_text("QtAuditView", "Send again on this site…")
    assert got["sources"] == [zh_text("QtAuditView", "This site's commands"),
                              zh_text("QtAuditView", "Unassigned: open before one outbox per broker, never sent again")]
    assert got["any_state"] == zh_text("QtAuditView", "any state")
    assert got["from"] == zh_text("QtAuditView", "from")
    assert got["info"] == zh_text("QtAuditView", "{n} command(s)").format(n=0)
    assert got["headers"] == [zh_text("QtAuditModel", s) for s in
                              ("Submitted", "Device", "Command", "Origin", "State", "Tries", "Detail")]


def test_every_context_is_one_qt_looks_up():
    """``tr`` on an object looks its text up under the object's class name, so a context named after a
    variable (``parent.tr`` in a module function gets the context "parent") is never found at run time:
    each context must be a class of console/ui or a name passed to QCoreApplication.translate there."""
    ui = ROOT / "console" / "ui"
    code = "\n".join(p.read_text(encoding="utf-8") for p in ui.rglob("*.py"))
    known = set(re.findall(r"^class (\w+)", code, re.M)) | set(re.findall(r'translate\(\s*"(\w+)"', code))
    core = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "console" / "core").rglob("*.py"))
    known |= set(re.findall(r'QT_TRANSLATE_NOOP\(\s*"(\w+)"', core))  # the core's message ids (console/core/i18n.py)
    contexts = {ctx for ctx, _, _ in _ts_messages()}
    assert contexts and contexts <= known, sorted(contexts - known)


BROKER_CODE = """
import json, time
from console.ui.shell.qt_app import make_application
from console.ui.shell.qt_main_window import QtMainWindow
app = make_application()
w = QtMainWindow.loading()
out = {}
for state in ("connected", "waiting to retry", "stopped"):
    w.set_broker_state(state, {"next_retry_at": time.time() + 30}, "mqtt://127.0.0.1:1883")
    out[state] = w.broker_label.text()
from console.ui.devices.qt_fleet_model import format_age
out["age"] = [format_age(0.2), format_age(5)]
print(json.dumps(out, ensure_ascii=True))
"""


def test_chinese_locale_translates_the_broker_state(tmp_path):
    got = _run_zh(BROKER_CODE, tmp_path)
    line = zh_text("QtMainWindow", "Broker {url}: {state}")
    assert got["connected"] == line.format(url="mqtt://127.0.0.1:1883", state=zh_text("QtMainWindow", "connected"))
    assert got["stopped"] == line.format(url="mqtt://127.0.0.1:1883", state=zh_text("QtMainWindow", "stopped"))
    waiting = line.format(url="mqtt://127.0.0.1:1883", state=zh_text("QtMainWindow", "waiting to retry"))
    assert got["waiting to retry"].startswith(waiting) and len(got["waiting to retry"]) > len(waiting)
    assert got["age"] == [zh_text("QtFleetModel", "now"), "5 s"]  # the devices table's "Updated" column
