"""zh_CN for the remote model server's messages and hints (issue 14): the engine's texts are marked
(console/core/inference/remote/words.py, context "Remote"), lupdate finds every one, the doctor's
health row keeps their ids, and the Model panel, which receives them as plain text from the worker,
matches them back and shows them translated, nested arguments included.  Real failures: a port
nobody listens on, settings every server refuses."""

from __future__ import annotations

import pytest

from console.core.i18n import Msg
from console.core.inference.remote import RemoteEngine, RemoteEngineError, words
from console.core.inference.remote.errors import give_up, hint_4xx, rejected, Transient
from console.core.inference.types import ChatMessage, GenParams
from console.ui.model.qt_model_panel import QtModelPanel
from console.ui.model.qt_remote_words import remote_text
from console.ui.qt_i18n import matched
from tests.ui.test_i18n_core import _sources, _translator, core_marked  # noqa: F401 - a fixture

DEAD = "http://127.0.0.1:9"  # the discard port: nothing listens


def _all_words() -> list[Msg]:
    return [v for k, v in vars(words).items() if isinstance(v, Msg) and k.isupper()]


def test_every_remote_text_is_marked_and_tried_on_plain_text(core_marked):
    every = _all_words()
    assert len(every) > 50
    missing = sorted({(m.context, m.source) for m in every} - core_marked)
    assert not missing, f"not found by lupdate: {missing}"
    assert {m.source for m in every} == {t.source for t in words.TEMPLATES}, "a text the panel cannot match back"


def made_errors() -> list[RemoteEngineError]:
    """Errors the engine really raises, and the ones its helpers make for each failure kind."""
    out = []
    engine = RemoteEngine(DEAD, retries=0, connect_timeout_s=5)
    with pytest.raises(RemoteEngineError) as info:
        engine.generate([ChatMessage("user", "hi")], GenParams(max_new_tokens=8), lambda t: None, lambda: False)
    out.append(info.value)
    with pytest.raises(RemoteEngineError) as info:
        engine.generate([], GenParams(max_new_tokens=0, top_p=2.0), lambda t: None, lambda: False)
    out.append(info.value)
    with pytest.raises(RemoteEngineError) as info:
        engine.generate([ChatMessage("user", "hi")], GenParams(max_new_tokens=8, top_p=2.0), lambda t: None,
                        lambda: False)
    out.append(info.value)
    engine.close()
    with pytest.raises(RemoteEngineError) as info:
        engine.generate([ChatMessage("user", "hi")], GenParams(), lambda t: None, lambda: False)
    out.append(info.value)
    for exc in (Transient(words.CONNECTION_LOST.format(reason="Connection reset by peer"), stage="stream"),
                Transient(words.HTTP_STATUS.format(status=429, message="slow down"), status=429),
                Transient(words.HTTP_STATUS.format(status=503, message="loading"), status=503)):
        out.append(give_up(exc, 3, DEAD, 9, words.FIX_URL_HINT))
    out.append(rejected(DEAD, 404, "model 'x' not found", ""))
    return out


def test_the_engines_errors_come_back_from_plain_text_as_their_templates():
    errors = made_errors()
    down, bad_many, bad_one, closed = errors[:4]
    assert str(down).startswith(f"cannot reach the model server at {DEAD} (cannot connect (")
    assert str(bad_many) == ("bad request: no messages; max new tokens must be at least 1 (got 0); top-p must be "
                             "above 0 and at most 1 (got 2)")
    assert str(closed) == "the remote engine is closed"
    for exc in errors:
        for text in (exc.args[0], exc.hint):
            assert isinstance(text, Msg), f"{text!r} is not marked"
            back = matched(str(text), words.TEMPLATES)
            assert back is not None and back.source == text.source, (str(text), back and back.source)
    assert hint_4xx(404, "") == ("Check the URL and the model name (default): the model list of the server shows "
                                 "what it serves.")


def test_the_doctors_health_keeps_the_ids():
    health = RemoteEngine(DEAD, retries=0, connect_timeout_s=5).health()
    assert not health.ok
    assert isinstance(health.message, Msg) and health.message.source == words.UNREACHABLE.source
    assert health.message.args["error"].source == words.CANNOT_CONNECT.source
    assert isinstance(health.hint, Msg) and health.hint.args["fix"] is words.FIX_URL_HINT


ZH = [("Remote", words.UNREACHABLE.source, "无法连接 {url} 上的模型服务器（{error}；{tries}）"),
      ("Remote", words.CANNOT_CONNECT.source, "连不上（{reason}）"),
      ("Remote", words.ONE_ATTEMPT.source, "试了 1 次"),
      ("Remote", words.ATTEMPTS.source, "试了 {n} 次"),
      ("Remote", words.UNREACHABLE_HINT.source, "{url} 上在运行 vLLM 或 SGLang 吗？端口 {port}；或者{fix}。"),
      ("Remote", words.FIX_URL_HINT.source, "在模型面板中改正 URL"),
      ("Remote", words.BAD_REQUEST.source, "请求有误：{problems}"),
      ("Remote", words.NO_MESSAGES.source, "没有消息"),
      ("Remote", words.BAD_TOP_P.source, "top-p 必须大于 0 且不超过 1（现为 {value}）"),
      ("Remote", words.BAD_REQUEST_HINT.source, "请在模型面板中修改生成设置。"),
      ("Remote", words.MAX_INPUT_IGNORED.source, "最大输入词元数不适用于远程服务器")]


@pytest.fixture
def zh(qapp, tmp_path):
    tr = _translator(tmp_path, ZH)
    qapp.installTranslator(tr)
    yield
    qapp.removeTranslator(tr)


def test_plain_error_text_is_shown_in_chinese_with_its_nested_words(zh):
    down, bad_many, bad_one = made_errors()[:3]
    reason = str(down.args[0].args["error"].args["reason"])  # the OS's words stay as they are
    assert remote_text(str(down)) == f"无法连接 {DEAD} 上的模型服务器（连不上（{reason}）；试了 1 次）"
    assert remote_text(str(down.hint)) == f"{DEAD} 上在运行 vLLM 或 SGLang 吗？端口 9；或者在模型面板中改正 URL。"
    assert remote_text(str(bad_many)) == ("请求有误：没有消息; max new tokens must be at least 1 (got 0); "
                                          "top-p 必须大于 0 且不超过 1（现为 2）")  # untranslated: English
    assert remote_text(str(bad_one)) == "请求有误：top-p 必须大于 0 且不超过 1（现为 2）"
    assert remote_text(bad_one.hint) == "请在模型面板中修改生成设置。"  # a Msg: by its id
    assert remote_text("CUDA out of memory") == "CUDA out of memory" and remote_text("") == ""


def test_the_model_panel_shows_a_dead_server_in_chinese(zh, qtbot, tmp_path):
    panel = QtModelPanel(default_source=str(tmp_path / "no-model"), telemetry_hz=20)
    qtbot.addWidget(panel)
    panel.show()
    try:
        panel.options.backend.setCurrentIndex(panel.options.backend.findData("remote"))
        panel.options.remote_url.setText(DEAD)
        panel.load_button.click()
        qtbot.waitUntil(lambda: "无法连接" in panel.status.text(), timeout=30000)
        message, hint = panel.status.text().split("\n")
        assert message.startswith(f"无法连接 {DEAD} 上的模型服务器（连不上（") and message.endswith("）；试了 1 次）")
        assert hint == f"{DEAD} 上在运行 vLLM 或 SGLang 吗？端口 9；或者在模型面板中改正 URL。"
        text = message + hint
        assert "cannot reach" not in text and "fix the URL" not in text
        assert panel.status.styleSheet().startswith("color: #c0392b")
    finally:
        panel.shutdown()


def test_a_remote_requests_warning_is_shown_in_chinese(zh, qtbot):
    from console.core.inference.types import RequestMetrics
    from console.ui.model.qt_model_chat import QtModelChat

    chat = QtModelChat()
    qtbot.addWidget(chat)
    m = RequestMetrics()
    m.e2e_s, m.finish_reason = 0.5, "stop"
    m.warnings.append(words.MAX_INPUT_IGNORED)  # as RemoteEngine.generate adds it; the signal carries the object
    chat.finished(7, m)
    assert chat.metrics_label.text().endswith("最大输入词元数不适用于远程服务器")
