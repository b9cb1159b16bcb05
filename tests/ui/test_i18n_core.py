"""zh_CN for the texts the UI shows from the Qt-free core (issue 14): doctor rows and hints, command
states, fit verdicts, "CPU: 2 cores, no GPU", capability labels and values, device names and zones.

The core marks them with ``QT_TRANSLATE_NOOP(context, text)`` (console/core/i18n.py); lupdate must find
every one, the committed zh_CN .ts must translate every one, and the UI (console/ui/qt_i18n.py) must
show the translation, arguments included.  The texts are collected two ways: by running lupdate over
console/core (every marked text), and by running the core's own checks and verdicts on chosen inputs
(every text a row can carry really is marked, not a plain English f-string)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from console.core.assistant.aliases import default_aliases
from console.core.commands.wording import CAP_LABELS, ENUM_WORDS, state_label
from console.core.envcheck import checks, disk, display_platform, guard, python_env
from console.core.envcheck.child import _row, msgs_of, TEXT_FIELDS
from console.core.envcheck.result import CheckResult
from console.core.fleet.catalog import load_fleet
from console.core.fleet.registry import FleetRegistry
from console.core.hardware import describe_compute
from console.core.i18n import QT_TRANSLATE_NOOP, Msg
from console.core.inference import fit
from console.core.inference.fit import GiB, judge_fit
from console.core.protocol import CommandState, device_topic, encode_json
from console.core.versions import REQUIREMENTS
from console.ui.devices.qt_fleet_model import QtFleetModel, display_names, state_text
from console.ui.qt_i18n import tr_msg
from console.ui.shell.qt_app import make_application

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "console_zh_CN.ts"
FIELD = re.compile(r"(?<!\{)\{(\w*)(?:[:!][^}]*)?\}")
FLEET = load_fleet()


def _tool(name: str) -> str:
    exe = Path(sys.executable).with_name(name)
    assert exe.exists(), f"{name} not found next to {sys.executable} (PySide6's tools)"
    return str(exe)


def _ts_messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    out = {}
    for ctx in ET.parse(path).getroot().iter("context"):
        for msg in ctx.iter("message"):
            out[(ctx.findtext("name"), msg.findtext("source"))] = msg.find("translation")
    return out


@pytest.fixture(scope="module")
def core_marked(tmp_path_factory) -> set[tuple[str, str]]:
    """Every (context, text) lupdate finds at the QT_TRANSLATE_NOOP markers of console/core."""
    out = tmp_path_factory.mktemp("lupdate") / "core.ts"
    files = sorted(str(p) for p in (ROOT / "console" / "core").rglob("*.py"))
    res = subprocess.run([_tool("pyside6-lupdate"), "-silent", *files, "-ts", str(out)], capture_output=True,
                         text=True, timeout=120)
    assert res.returncode == 0, res.stdout + res.stderr
    return set(_ts_messages(out))


def runtime_texts() -> list[Msg]:
    """The texts the core's checks and verdicts produce on inputs that reach their messages."""
    req = next(r for r in REQUIREMENTS if r.required)
    rows = [
        python_env.judge_python((3, 8, 0)), python_env.judge_venv("/usr", "/usr"),
        python_env.judge_version(req, None), python_env.judge_version(req, "0.0.1"),
        python_env.judge_version(req, "not-a-version"), python_env.judge_present("numpy", "the graphs", None),
        disk.judge_space(QT_TRANSLATE_NOOP("Doctor", "Data dir"), "/data", 10, 2 * GiB, GiB, "room"),
        *disk.dir_rows(QT_TRANSLATE_NOOP("Doctor", "Model cache"), Path("/proc/no-such-dir"), GiB, 1, "room",
                       "AUTOGLM_MODEL_DIR"),
        display_platform.judge_platform("", True, None, "qt.qpa.plugin: Could not load the Qt platform plugin "
                                        "\"xcb\"", 134),
        display_platform.judge_platform("", False, {"platform": "offscreen", "qt": "6.9", "pyside": "6.9"}, "", 0),
        display_platform.judge_opengl(None),
        display_platform.judge_opengl({"platform": "offscreen", "opengl_error": "no context"}),
        guard.missing_package_row(ModuleNotFoundError("No module named 'paho'", name="paho"), "Broker"),
    ]
    texts: list[Msg] = []
    for r in rows:
        for f in ("name", "expected", "hint"):
            text = getattr(r, f)
            if f == "name" and text in (req.name, "numpy"):
                continue  # a package's own name
            assert not text or isinstance(text, Msg), f"{r.name}: its {f} {text!r} is not marked for translation"
            if text:
                texts.append(text)
        if isinstance(r.value, Msg):
            texts.append(r.value)
    texts += [judge_fit(2 * GiB, GiB, "cuda:0").message, judge_fit(95, 100, "cpu").message,
              judge_fit(GiB, 4 * GiB, "cpu").message, describe_compute()]
    texts += [state_label(s) for s in CommandState]
    return texts


def _sources(text: Msg) -> list[tuple[str, str]]:
    """The (context, source) of ``text`` and of its Msg arguments."""
    out = [(text.context, text.source)]
    for v in text.args.values():
        if isinstance(v, Msg):
            out += _sources(v)
    return out


def test_lupdate_finds_the_core_markers(core_marked):
    assert ("Hardware", "CPU: {cores} cores, no GPU") in core_marked
    assert {("CommandState", s.value) for s in CommandState} <= core_marked
    assert ("Fit", "fits: needs about {needed}, {free} free on {where}") in core_marked
    assert ("Doctor", "Qt platform plugin") in core_marked
    assert {("Doctor", g) for g in checks.GROUP_NAMES} <= core_marked


def test_every_runtime_text_is_marked(core_marked):
    missing = sorted({s for t in runtime_texts() for s in _sources(t)} - core_marked)
    assert not missing, f"shown by the UI but not found by lupdate: {missing}"


def test_every_marked_core_text_has_a_chinese_translation(core_marked):
    """Fails until the lead merges /tmp/i18n/*.tsv into the .ts (lupdate over console/core too)."""
    ts = _ts_messages(TS)
    problems = []
    for ctx, src in sorted(core_marked):
        tr = ts.get((ctx, src))
        text = tr.text if tr is not None and tr.get("type") is None else None
        words = FIELD.sub("", src).strip(" ()")  # names that read the same in Chinese, and bare frames
        needs_chinese = any(ch.isalpha() for ch in words) and words not in ("Python", "CUDA", "Qt", "GPUs")
        if not text or needs_chinese and not any(ord(ch) > 0x2e80 for ch in text):
            problems.append(f"{ctx}: {src!r} -> {text!r}")
        elif set(FIELD.findall(text)) != set(FIELD.findall(src)):
            problems.append(f"{ctx}: {src!r}: placeholders differ in {text!r}")
    assert not problems, f"{len(problems)} of {len(core_marked)} core texts lack zh_CN:\n" + "\n".join(problems)


def test_every_capability_and_enum_value_of_the_catalog_has_chinese_words():
    caps = {name: cap for meta in FLEET.devices for name, cap in meta.capabilities.items()}
    assert not sorted(set(caps) - set(CAP_LABELS["zh"])), "capabilities without a Chinese label"
    values = {v for cap in caps.values() if cap.type == "enum" for v in cap.values}
    assert not sorted(values - set(ENUM_WORDS["zh"])), "enum values without Chinese words"
    aliases = default_aliases()
    for meta in FLEET.devices:
        name, zone, kind = display_names(meta, aliases, "zh")
        assert all(any(ord(ch) > 0x2e80 for ch in s) for s in (name, zone, kind)), (meta.id, name, zone, kind)


def test_a_msg_crosses_the_doctor_child_process_with_its_id():
    row = CheckResult(QT_TRANSLATE_NOOP("Doctor", "{label} free space").format(label=QT_TRANSLATE_NOOP(
        "Doctor", "Data dir")), "ok", "3 GiB", hint=QT_TRANSLATE_NOOP("Doctor", "writable"))
    raw = json.loads(json.dumps({**row.to_dict(), "_msgs": msgs_of(row, TEXT_FIELDS)}))
    back = _row(raw)
    assert back == row and isinstance(back.name, Msg) and back.name.args["label"].source == "Data dir"
    assert isinstance(back.hint, Msg) and not isinstance(back.value, Msg)


def _translator(tmp_path, rows) -> QTranslator:
    """A QTranslator from a .ts written here (the mechanism, independent of the committed catalog)."""
    ts = tmp_path / "t.ts"
    body = "".join(f"<context><name>{c}</name><message><source>{s}</source><translation>{t}</translation>"
                   f"</message></context>" for c, s, t in rows)
    ts.write_text(f'<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="zh_CN">'
                  f"{body}</TS>", encoding="utf-8")
    qm = tmp_path / "t.qm"
    res = subprocess.run([_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], capture_output=True,
                         text=True, timeout=60)
    assert res.returncode == 0, res.stdout + res.stderr
    tr = QTranslator()
    assert tr.load(str(qm))
    return tr


def test_the_ui_translates_a_core_text_and_its_arguments_at_display_time(qtbot, tmp_path):
    app = make_application()
    tr = _translator(tmp_path, [("Doctor", "{label} free space", "{label}可用空间"),
                                ("Doctor", "Data dir", "数据目录"),
                                ("Hardware", "CPU: {cores} cores, no GPU", "CPU：{cores} 核，无 GPU"),
                                ("Doctor", "broken {x}", "坏的 {y}"),
                                ("Fit", "fits: needs about {needed}, {free} free on {where}", "够用：{needed}，{where}"),
                                ("Fit", "cpu (available RAM)", "CPU（可用内存）")])
    app.installTranslator(tr)
    try:
        name = QT_TRANSLATE_NOOP("Doctor", "{label} free space").format(label=QT_TRANSLATE_NOOP("Doctor", "Data dir"))
        assert name == "Data dir free space"  # the core and the CLI read English
        assert tr_msg(name) == "数据目录可用空间"
        assert tr_msg(QT_TRANSLATE_NOOP("Hardware", "CPU: {cores} cores, no GPU").format(cores=2)) == "CPU：2 核，无 GPU"
        assert tr_msg(QT_TRANSLATE_NOOP("Doctor", "broken {x}").format(x=1)) == "broken 1"  # a bad .ts: English
        assert tr_msg("plain") == "plain"
        # a Msg that crossed a Signal(dict) arrives as plain text: matched back against its templates
        verdict = str(judge_fit(GiB, 4 * GiB, QT_TRANSLATE_NOOP("Fit", "cpu (available RAM)")).message)
        assert type(verdict) is str
        assert tr_msg(verdict, like=(fit.NO_FIT, fit.TIGHT_FIT, fit.FITS)) == "够用：1.00 GiB，CPU（可用内存）"
        assert tr_msg("something else", like=(fit.FITS,)) == "something else"
    finally:
        QCoreApplication.removeTranslator(tr)


def test_tr_msg_matches_a_plain_texts_arguments_again_to_a_bound(qtbot, tmp_path):
    """A plain text whose arguments were themselves made from ``like`` is translated all the way
    down (before: only the outer template; the arguments stayed English), "; "-joined parts below the
    top one by one, and a text that nests itself deeper than MAX_DEPTH stops there, never raises."""
    from console.ui.qt_i18n import MAX_DEPTH

    app = make_application()
    outer = QT_TRANSLATE_NOOP("Remote", "cannot reach {url} ({reason})")
    inner = QT_TRANSLATE_NOOP("Remote", "refused: {why}")
    word = QT_TRANSLATE_NOOP("Remote", "port closed")
    tr = _translator(tmp_path, [("Remote", outer.source, "无法连接 {url}（{reason}）"),
                                ("Remote", inner.source, "被拒绝：{why}"), ("Remote", word.source, "端口关闭")])
    app.installTranslator(tr)
    try:
        like = (outer, inner)
        text = str(outer.format(url="http://h:1", reason=inner.format(why="port closed")))
        assert tr_msg(text, like=like) == "无法连接 http://h:1（被拒绝：端口关闭）"
        joined = str(outer.format(url="u", reason="refused: port closed; port closed"))
        assert tr_msg(joined, like=like) == "无法连接 u（被拒绝：端口关闭; 端口关闭）"
        deep = "x"
        for _ in range(MAX_DEPTH + 3):
            deep = str(inner.format(why=deep))
        out = tr_msg(deep, like=like)
        assert out.count("被拒绝") == MAX_DEPTH + 1 and out.endswith("refused: refused: x")
        assert tr_msg("", like=like) == "" and tr_msg(None, like=like) is None
    finally:
        QCoreApplication.removeTranslator(tr)


def test_the_device_table_speaks_chinese_from_the_fleet_aliases(qtbot):
    make_application()
    meta = FLEET.by_id()["hvac-office"]
    reg = FleetRegistry("p")
    reg.ingest(device_topic("p", meta.id, "meta"), encode_json(meta.to_json()))
    reg.ingest(device_topic("p", meta.id, "state"), encode_json(
        {"seq": 1, "ts": time.time(), "values": {"power": True, "mode": "cool", "setpoint": 24.0}}))
    model = QtFleetModel(reg)
    model.lang, model.aliases = "zh", default_aliases()
    model.apply_pending()
    cols = {c: model.item(0, i).text() for i, c in enumerate(model.COLUMNS)}
    assert (cols["name"], cols["zone"], cols["kind"]) == ("办公室空调", "办公室", "空调")
    assert cols["state"] == "电源=开  模式=制冷  设定温度=24.0 °C"
    # English stays as it was
    assert state_text(reg.get(meta.id)) == "power=on  mode=cool  setpoint=24.0 °C"


def test_the_zone_and_kind_filters_show_the_tables_words_and_filter_by_id(qtbot):
    from console.ui.devices.qt_devices_panel import QtDevicesPanel

    make_application()
    reg = FleetRegistry("p")
    for dev in ("hvac-office", "conveyor-a"):
        reg.ingest(device_topic("p", dev, "meta"), encode_json(FLEET.by_id()[dev].to_json()))
    panel = QtDevicesPanel(reg)
    qtbot.addWidget(panel)
    panel.model.lang, panel.model.aliases = "zh", default_aliases()
    panel.model.apply_pending()
    panel._refresh_filter_choices()
    zones = {panel.zone_box.itemData(i): panel.zone_box.itemText(i) for i in range(1, panel.zone_box.count())}
    kinds = {panel.kind_box.itemData(i): panel.kind_box.itemText(i) for i in range(1, panel.kind_box.count())}
    assert zones == {"office": "办公室", "line-a": "A线"}
    assert kinds["hvac"] == "空调"
    panel.zone_box.setCurrentIndex(panel.zone_box.findData("office"))
    qtbot.waitUntil(lambda: panel.proxy.rowCount() == 1, timeout=5000)
