"""The Environment panel with the real checks: runs on show without blocking the UI, run again,
copy report, save a diagnostic bundle without secrets."""

from __future__ import annotations

import json
import threading
import zipfile

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from console.core.demo.broker import EmbeddedBroker
from console.core.envcheck import Check, CheckResult, default_checks
from console.core.mqtt.link import BrokerConfig
from console.ui.doctor.qt_doctor_panel import COL_CHECK, COL_EXPECTED, COL_FIX, COL_STATUS, RESULT_ROLE, QtDoctorPanel

PASSWORD = "PanelPw-55219"


@pytest.fixture(scope="module")
def auth_broker():
    b = EmbeddedBroker(kind="mosquitto", passwords={"operator": PASSWORD}).start()
    yield b
    b.stop()


def _rows(panel):
    out = {}
    for i in range(panel.tree.topLevelItemCount()):
        g = panel.tree.topLevelItem(i)
        for j in range(g.childCount()):
            r = g.child(j).data(COL_CHECK, RESULT_ROLE)
            out[r.name] = (g.child(j), r)
    return out


def _make_panel(qtbot, auth_broker, bundled_gguf, checks=None):
    cfg = BrokerConfig(host=auth_broker.host, port=auth_broker.port, username="operator", password=PASSWORD,
                       prefix="tpanel")
    telemetry = {"vram_mib": [800, 801], "latency_ms": [41.0], "note": f"url mqtt://operator:{PASSWORD}@host"}
    p = QtDoctorPanel(broker_cfg=cfg, model=str(bundled_gguf), telemetry_provider=lambda: telemetry, checks=checks)
    qtbot.addWidget(p)
    p.resize(1200, 700)
    return p


@pytest.fixture
def full_panel(qtbot, auth_broker, bundled_gguf):
    p = _make_panel(qtbot, auth_broker, bundled_gguf)
    yield p
    p.shutdown()


@pytest.fixture
def panel(qtbot, auth_broker, bundled_gguf):
    """The quick checks only (no torch child process): enough for copy and bundle."""
    quick = [c for c in default_checks() if c.id in ("python", "packages", "broker", "disk")]
    p = _make_panel(qtbot, auth_broker, bundled_gguf, quick)
    yield p
    p.shutdown()


def test_panel_runs_on_show_and_lists_every_group_with_icons(qtbot, full_panel):
    panel = full_panel
    assert not panel.copy_button.isEnabled()
    with qtbot.waitSignal(panel.finished, timeout=120_000) as done:
        panel.show()
    report = done.args[0]
    groups = [panel.tree.topLevelItem(i).text(COL_CHECK) for i in range(panel.tree.topLevelItemCount())]
    assert groups == ["Python", "Packages", "CUDA", "Quantization", "Model", "Model server", "Broker", "Disk", "Qt"]
    rows = _rows(panel)
    assert rows["Model server"][1].status == "skip"  # no remote server configured
    assert len(rows) == len(report["checks"])
    item, r = rows["Broker login (CONNACK)"]
    assert r.status == "ok" and item.text(COL_STATUS) == "ok"
    assert not item.icon(COL_CHECK).isNull()
    item, cuda = rows["CUDA"]
    import torch

    if not torch.cuda.is_available():
        assert cuda.status == "warn" and item.text(COL_FIX) == cuda.hint and cuda.hint
    assert report["summary"]["fail"] == 0
    assert "0 failed" in panel.summary.text()
    assert panel.run_button.isEnabled() and panel.copy_button.isEnabled() and panel.bundle_button.isEnabled()
    # selecting a row shows its details
    panel.tree.setCurrentItem(rows["CUDA"][0])
    assert "CUDA" in panel.details.toPlainText() and "Value:" in panel.details.toPlainText()


def test_the_ui_stays_live_while_a_check_hangs_and_run_again_works(qtbot, bundled_gguf):
    release = threading.Event()

    def slow(ctx):
        release.wait(30)
        return CheckResult("Slow thing", "ok", "done")

    def quick(ctx):
        return CheckResult("Quick thing", "fail", "broken", "working", "fix it like this")

    p = QtDoctorPanel(checks=[Check("slow", "Python", slow, 60), Check("quick", "Disk", quick, 10)], autorun=False)
    qtbot.addWidget(p)
    p.show()
    try:
        qtbot.mouseClick(p.run_button, Qt.MouseButton.LeftButton)
        assert not p.run_button.isEnabled()
        # the quick result shows up while the slow check is still running: the GUI thread is free
        qtbot.waitUntil(lambda: "Quick thing" in _rows(p), timeout=30_000)
        assert p.tree.topLevelItem(0).text(COL_STATUS) == "running…"
        assert p.runs == 1
        p.run()  # ignored while a run is going
        assert p.runs == 1
        with qtbot.waitSignal(p.finished, timeout=30_000):
            release.set()
    finally:
        release.set()
    assert _rows(p)["Slow thing"][1].status == "ok"
    assert "1 failed" in p.summary.text()
    with qtbot.waitSignal(p.finished, timeout=30_000):
        qtbot.mouseClick(p.run_button, Qt.MouseButton.LeftButton)
    assert p.runs == 2 and len(_rows(p)) == 2  # the tree was rebuilt, not appended to
    p.shutdown()


def test_copy_report_puts_markdown_without_the_password_on_the_clipboard(qtbot, panel):
    with qtbot.waitSignal(panel.finished, timeout=120_000):
        panel.show()
    QApplication.clipboard().clear()
    qtbot.mouseClick(panel.copy_button, Qt.MouseButton.LeftButton)
    text = QApplication.clipboard().text()
    assert text.startswith("# AutoGLM Console environment report")
    assert "Broker login (CONNACK)" in text
    assert PASSWORD not in text


def test_save_bundle_from_the_button(qtbot, panel, tmp_path, monkeypatch):
    with qtbot.waitSignal(panel.finished, timeout=120_000):
        panel.show()
    dest = tmp_path / "diag" / "bundle.zip"
    # the file dialog is the one part replaced: it would wait for a person
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(dest), "")))
    import logging

    logging.getLogger("test").warning("login with password=%s", PASSWORD)  # may or may not reach a log file
    from console.core import paths

    (paths.user_log_dir() / "console.log").write_text(f"connect mqtt://operator:{PASSWORD}@127.0.0.1:1883\nok line\n")
    with qtbot.waitSignal(panel.bundleSaved, timeout=30_000) as saved:
        qtbot.mouseClick(panel.bundle_button, Qt.MouseButton.LeftButton)
    assert saved.args[0] == str(dest)
    with zipfile.ZipFile(dest) as zf:
        blobs = {n: zf.read(n).decode() for n in zf.namelist()}
    assert {"report.json", "report.md", "telemetry.json", "logs/console.log", "manifest.json"} <= set(blobs)
    assert all(PASSWORD not in b for b in blobs.values())
    assert "ok line" in blobs["logs/console.log"]
    assert json.loads(blobs["telemetry.json"])["vram_mib"] == [800, 801]
    assert json.loads(blobs["report.json"])["summary"]["fail"] == 0
    assert panel.bundle_button.isEnabled()


def test_bundle_to_an_unwritable_place_says_why(qtbot, panel, tmp_path):
    with qtbot.waitSignal(panel.finished, timeout=120_000):
        panel.show()
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with qtbot.waitSignal(panel.bundleFailed, timeout=30_000) as failed:
        panel.save_bundle(blocker / "sub" / "b.zip")
    assert "b.zip" in failed.args[0] or "directory" in failed.args[0].lower()
    assert panel.bundle_button.isEnabled()


def test_constructor_without_arguments_still_works(qtbot):
    p = QtDoctorPanel()
    qtbot.addWidget(p)
    assert p.tree.columnCount() == 5 and p.report is None


def test_the_model_panel_choice_is_what_gets_checked(qtbot, tmp_path):
    from console.core.inference.loader import LoadOptions

    choice = {"opts": LoadOptions(source=str(tmp_path / "not-there"), dtype="fp16", quantization="8bit",
                                  kv_tokens=1024)}
    p = QtDoctorPanel(model_options_provider=lambda: choice["opts"], autorun=False)
    qtbot.addWidget(p)
    ctx = p.context()
    assert (ctx.model, ctx.dtype, ctx.quantization, ctx.context_tokens) == (
        str(tmp_path / "not-there"), "fp16", "8bit", 1024)
    from console.core.envcheck import Check
    from console.core.envcheck.model_checks import check_model

    p._checks = [Check("model", "Model", check_model, 60)]
    with qtbot.waitSignal(p.finished, timeout=60_000) as done:
        p.run()
    files = next(c for c in done.args[0]["checks"] if c["name"] == "Model files")
    assert files["status"] == "fail" and "not-there" in files["value"]

    def broken():
        raise ValueError("max memory: cannot read 'lots'")

    choice_panel = QtDoctorPanel(model_options_provider=broken, model="/fallback", autorun=False)
    qtbot.addWidget(choice_panel)
    assert choice_panel.context().model == "/fallback"


@pytest.mark.slow
def test_the_model_panels_remote_server_is_checked(qtbot, llama):
    """The Model panel's form set to a real llama.cpp server: the doctor checks that server, with its key,
    and the key appears nowhere in what the panel shows or copies."""
    from console.core.demo.broker import free_port
    from console.ui.model.qt_model_options import QtModelOptions
    from tests.llama_server import ALIAS, API_KEY

    options = QtModelOptions("unused")
    qtbot.addWidget(options)
    remote_only = [c for c in default_checks() if c.id == "remote"]
    p = QtDoctorPanel(remote_provider=options.remote_choice, checks=remote_only, autorun=False)
    qtbot.addWidget(p)
    assert options.remote_choice() is None and p.context().remote_url is None  # local backend: nothing to check
    with qtbot.waitSignal(p.finished, timeout=30_000):
        p.run()
    item, row = _rows(p)["Model server"]
    assert row.status == "skip" and row.value == "not configured"
    # the panel's words for where the server is set, not the command line's flag
    shown = item.text(COL_EXPECTED)
    assert "the URL field of the Model panel's remote server" in shown and "--remote-url" not in shown

    options.backend.setCurrentIndex(options.backend.findData("remote"))
    options.remote_url.setText(llama.url)
    options.remote_model.setText(ALIAS)
    options.remote_key.setText(API_KEY)
    ctx = p.context()
    assert (ctx.remote_url, ctx.remote_model, ctx.remote_api_key) == (llama.url, ALIAS, API_KEY)
    with qtbot.waitSignal(p.finished, timeout=30_000) as done:
        p.run()
    item, row = _rows(p)["Model server"]
    assert row.status == "ok" and row.details["models"] == [ALIAS], row
    assert item.parent().text(COL_CHECK) == "Model server" and item.text(COL_STATUS) == "ok"
    assert done.args[0]["summary"]["ok"] == 1
    p.tree.setCurrentItem(item)
    assert f"1 model(s): {ALIAS}" in p.details.toPlainText()
    QApplication.clipboard().clear()
    p.copy_report()
    copied = QApplication.clipboard().text()
    assert "Model server" in copied and ALIAS in copied and API_KEY not in copied

    options.remote_model.setText("not-served")
    with qtbot.waitSignal(p.finished, timeout=30_000):
        p.run()
    item, row = _rows(p)["Model server"]
    assert row.status == "fail" and ALIAS in item.text(COL_FIX)
    assert "Name one of those (the Model field of the Model panel's remote server)" in item.text(COL_FIX)
    assert "--remote-model" not in item.text(COL_FIX)  # the GUI's words, not the CLI's flag

    dead = free_port()
    options.remote_url.setText(f"http://127.0.0.1:{dead}/v1")
    with qtbot.waitSignal(p.finished, timeout=30_000):
        p.run()
    item, row = _rows(p)["Model server"]
    assert row.status == "fail" and "llama_cpp.server" in item.text(COL_FIX)
    assert item.text(COL_FIX).endswith("or fix the URL in the model panel.")  # the GUI's words, not the CLI's flag
    p.shutdown()


def test_set_remote_without_a_provider(qtbot):
    p = QtDoctorPanel(autorun=False)
    qtbot.addWidget(p)
    assert p.context().remote_url is None
    p.set_remote("http://gpu-box:8000/v1", "glm", "Key-9932")
    ctx = p.context()
    assert (ctx.remote_url, ctx.remote_model, ctx.remote_api_key) == ("http://gpu-box:8000/v1", "glm", "Key-9932")
    p.set_remote(None)
    assert p.context().remote_url is None and p.context().remote_api_key is None


def test_panel_state_round_trips_through_qsettings(qtbot, tmp_path):
    from PySide6.QtCore import QSettings

    p = QtDoctorPanel(autorun=False)
    qtbot.addWidget(p)
    p.tree.header().resizeSection(2, 123)
    p._bundle_dir = str(tmp_path)
    p.save_state(QSettings())
    q = QtDoctorPanel(autorun=False)
    qtbot.addWidget(q)
    q.restore_state(QSettings())
    assert q.tree.header().sectionSize(2) == 123
    assert q.default_bundle_path().parent == tmp_path
    assert q.default_bundle_path().name.startswith("autoglm-diagnostics-")


def test_closing_the_window_stops_a_run_and_its_child_process(qtbot):
    from PySide6.QtWidgets import QMainWindow

    from console.core.envcheck.child import run_in_child

    started = threading.Event()

    def runtime_that_hangs(ctx):
        started.set()
        return run_in_child([("hang", "CUDA", "tests.core.envcheck.test_targets:hang")], ctx, timeout=120)

    win = QMainWindow()
    p = QtDoctorPanel(checks=[Check("runtime", "CUDA", runtime_that_hangs, 150)])
    win.setCentralWidget(p)
    qtbot.addWidget(win)
    with qtbot.waitSignal(p.runStarted, timeout=10_000):
        win.show()
    qtbot.waitUntil(started.is_set, timeout=10_000)
    win.close()  # the no_leaked_threads fixture then sees no doctor thread left
    assert not p.runner.running
    assert p.summary.text() == "Checks stopped." and p.run_button.isEnabled()


def test_rows_of_a_stopped_run_never_reach_the_next_one(qtbot):
    release = threading.Event()
    calls = []

    def slow(ctx):
        calls.append(1)
        n = len(calls)
        if n == 1:
            release.wait(30)  # the first run's check answers only after the second run is done
        return CheckResult(f"row-{n}", "ok", str(n))

    p = QtDoctorPanel(checks=[Check("slow", "Python", slow, 60)], autorun=False)
    qtbot.addWidget(p)
    p.run()
    qtbot.waitUntil(lambda: len(calls) == 1, timeout=10_000)
    p.shutdown()
    with qtbot.waitSignal(p.finished, timeout=10_000):
        p.run()
    release.set()

    def first_check_thread_gone():
        assert not [t for t in threading.enumerate() if t.name == "doctor-slow"]

    qtbot.waitUntil(first_check_thread_gone, timeout=10_000)
    qtbot.wait(50)  # let any queued signal arrive (none must)
    assert list(_rows(p)) == ["row-2"]
    assert [r.name for r in p.results] == ["row-2"]
