"""Session 12 (blind set 83): a Hong Kong / Taipei crew — code-switched verbs, Cantonese verb endings (hk_mixed_zh.py).

"幫我 off 咗個 fan", "speed 較去 60", "流量 set 20", "調暗啲，去 20%", "百葉窗拉埋", "個 siren 收聲", "B線嘶嘶聲嗰個閂埋佢":
every word of the request was there and each was refused.  A negation, a Cantonese time (聽日, 聽朝, 一陣間), a
condition, a device the fleet lacks: refused, never the change.
"""

from __future__ import annotations

import pytest

from console.core.assistant.hk_mixed_zh import hk_mixed
from tests.core.assistant.helpers import ASSISTANT, refused, understood

CA, CB, FAN, PUMP, STEAM = "conveyor-a", "conveyor-b", "fan-line-a", "pump-cooling", "valve-steam"
AC, BLINDS, WAREHOUSE, SIREN, DESK = "hvac-office", "blinds-office", "lamp-warehouse", "siren-yard", "lamp-office-2"

WORKS = [
    # the set's own asks
    ("幫我 off 咗個 fan", {FAN: {"power": False}}),
    ("conveyor A 嘅 speed 較去 60", {CA: {"speed": 60.0}}),
    ("枱燈調暗啲，去 20%", {DESK: {"level": 20.0}}),
    ("冷卻水泵流量 set 20", {PUMP: {"flow": 20.0}}),
    ("百葉窗拉埋", {BLINDS: {"position": 0.0}}),
    ("兩條輸送帶 speed 都 set 做 80", {CA: {"speed": 80.0}, CB: {"speed": 80.0}}),
    ("pump 流量較去 40", {PUMP: {"flow": 40.0}}),
    ("個 siren 收聲啦唔該", {SIREN: {"active": False}}),
    ("院子好吵呀，收聲啦", {SIREN: {"active": False}}),
    ("B線嘶嘶聲嗰個閂埋佢", {STEAM: {"open": 0.0}}),
    ("一號線呼呼聲嗰個 off 咗佢", {FAN: {"power": False}}),
    ("咕嚕咕嚕嗰個停咗佢", {PUMP: {"running": False}}),
    ("B線搬紙箱嗰個 speed 較去 50", {CB: {"speed": 50.0}}),
    ("院子嗚嗚叫嗰個關掉", {SIREN: {"active": False}}),
    ("A線換氣調做 medium", {FAN: {"speed": "medium"}}),
    ("一號線 output 快啲，去 110 rpm", {CA: {"speed": 110.0}}),
    # the class: other devices, verbs, ways of saying "to"
    ("幫我 on 咗倉庫盞燈", {WAREHOUSE: {"power": True}}),
    ("conveyor B stop 咗佢", {CB: {"running": False}}),
    ("蒸汽閥 close 咗佢", {STEAM: {"open": 0.0}}),
    ("冷氣 set 做 24 度", {AC: {"setpoint": 24.0}}),
    ("conveyor B 嘅 speed 調去 70", {CB: {"speed": 70.0}}),
    ("冷卻水泵流量較到 30", {PUMP: {"flow": 30.0}}),
    ("蒸汽閥閂埋佢", {STEAM: {"open": 0.0}}),
    ("警報器收聲", {SIREN: {"active": False}}),
    ("A線嘅 fan 較做 high", {FAN: {"speed": "high"}}),
    ("枱燈調光啲，去 70%", {DESK: {"level": 70.0}}),
]


@pytest.mark.parametrize("text,want", WORKS)
def test_hk_asks_are_read(text: str, want: dict) -> None:
    assert understood(text) == want


HARMS = [
    # a negation before the code-switched verb or the value
    "唔好 off 咗個 fan",
    "唔好將 conveyor A 嘅 speed 較去 60",
    "咪 set 做 80 啦 conveyor A",
    "院子嗚嗚叫嗰個唔好關",
    "B線嘶嘶聲嗰個唔好閂",
    # a Cantonese time: a schedule
    "聽日 set 做 80 啦 conveyor A",
    "聽朝 off 咗個 fan",
    "一陣間 on 咗倉庫盞燈",
    "聽晚 pump 流量較去 40",
    # a condition
    "如果太熱就較低溫度",
    "如果太吵就收聲",
    # devices the fleet lacks
    "幫我 off 咗個 kettle",
    "咖啡機 set 做 80",
    "部 printer 收聲",
]


@pytest.mark.parametrize("text", HARMS)
def test_hk_harms_are_refused(text: str) -> None:
    assert refused(text), (text, [(c.device_id, c.params) for c in ASSISTANT.understand(text).commands])


@pytest.mark.parametrize("text,want", [
    ("幫我 off 咗個 fan", "幫我 关掉個 fan"),
    ("speed 较去 60", "speed 调到60"),
    ("流量 set 20", "流量设为20"),
    ("调暗啲，去 20%", "调暗啲，调到20%"),
    ("b线嘶嘶声嗰个闩埋佢", "b线嘶嘶声的嗰个关掉佢"),
    ("咕噜咕噜嗰个停咗佢", "咕噜咕噜的嗰个停咗佢"),
    ("听日开灯", "明天开灯"),
])
def test_hk_mixed_rewrites(text: str, want: str) -> None:
    assert hk_mixed(text) == want


@pytest.mark.parametrize("text", [
    "温度较高",            # Mandarin 较 "comparatively": a description, never "adjust"
    "亮度较低的那盏灯",
    "关嗰个风扇",          # a verb before 嗰: no description
    "开灯，去 20 分钟",     # 去 + a time is no target
    "ac set to 24",        # English "set" with no Chinese before it: the English rules
    "turn it off",
    "听说灯坏了",           # 听 alone is no time
    "把老王调去三号线",      # a line, a time: no value
    "闹钟 set 做 7 点",
])
def test_hk_mixed_leaves_other_words(text: str) -> None:
    assert hk_mixed(text) == text
