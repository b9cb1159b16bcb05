"""User-visible strings go through Qt's translator: a Chinese locale gets the bundled zh_CN texts."""

from __future__ import annotations

import os
import subprocess
import sys

CODE = """
from console.ui.qt_app import make_application
from console.ui.qt_main_window import QtMainWindow
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
