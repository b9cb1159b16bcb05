"""Session 14, blind set 97 (a plant in Taiwan): 天花板那個燈 is the ceiling lamp (never the model's pick among the
lamps), 幫浦 is a pump, 強 / 弱 are a fan's high / low, 快點 after a close is urgency, and a polite 可以讓…嗎 after a
complaint is the request itself."""

from __future__ import annotations

import pytest

from tests.core.assistant.helpers import refused, understood


@pytest.mark.parametrize("text,want", [
    ("天花板那個燈關掉喔，太亮了眼睛好痛", {"lamp-office-1": {"power": False}}),
    ("天花板那个灯关掉", {"lamp-office-1": {"power": False}}),
    ("天花板的灯打开", {"lamp-office-1": {"power": True}}),
    ("幫浦流量調到12.5就好", {"pump-cooling": {"flow": 12.5}}),
    ("帮浦关掉", {"pump-cooling": {"running": False}}),
    ("抽風機開起來，開強的", {"fan-line-a": {"power": True, "speed": "high"}}),
    ("抽风机开强风", {"fan-line-a": {"power": True, "speed": "high"}}),
    ("抽风机开起来，开弱的", {"fan-line-a": {"power": True, "speed": "low"}}),
    ("风扇调到弱档", {"fan-line-a": {"speed": "low"}}),
    ("蒸汽閥關起來！快點", {"valve-steam": {"open": 0.0}}),
    ("把泵关掉，快点", {"pump-cooling": {"running": False}}),
    ("仓库灯关了，赶紧", {"lamp-warehouse": {"power": False}}),
    ("院子好吵，可以讓它安靜嗎", {"siren-yard": {"active": False}}),
    ("院子好吵，可以把它关掉吗", {"siren-yard": {"active": False}}),
    ("院子好吵，能不能让它安静吗", {"siren-yard": {"active": False}}),
])
def test_taiwan_wording(text, want):
    assert understood(text) == want


@pytest.mark.parametrize("text", [
    "冷气开强的",  # the AC has no speed
    "抽风机别开强的",  # a negation
    "蒸汽阀开大，快点",  # "faster" after an up: relative, refused as before
    "蒸汽阀关起来，快点，别开",  # a negation elsewhere
    "院子好吵，可以不让它响吗",  # a negation inside the request
    "院子好吵，可以让它明天安静吗",  # a schedule inside it
    "院子好吵，灯可以关掉吗",  # a question about a device, not a request
])
def test_still_refused(text):
    assert refused(text)


@pytest.mark.parametrize("text,want", [
    ("帮忙开锁，客户要进来", {"lock-main-door": {"locked": False}}),  # 帮忙 is no misspelt 帮浦
    ("Line B 的 pump 幫我關掉", {"pump-cooling": {"running": False}}),
    ("office 的 AC 帮我开一下", {"hvac-office": {"power": True}}),
])
def test_help_words_are_no_pump(text, want):
    assert understood(text) == want


@pytest.mark.parametrize("text,want", [
    ("Can the office get warmer? set 28", {"hvac-office": {"setpoint": 28.0}}),
    ("office cooler? 20 degrees", {"hvac-office": {"setpoint": 20.0}}),
    ("can the office be cooler? 20 degrees", {"hvac-office": {"setpoint": 20.0}}),
    ("warmer please, set 28", {"hvac-office": {"setpoint": 28.0}}),
    ("conveyor A and B speed both 100", {"conveyor-a": {"speed": 100.0}, "conveyor-b": {"speed": 100.0}}),
    ("office lamps level both 40", {"lamp-office-1": {"level": 40.0}, "lamp-office-2": {"level": 40.0}}),
])
def test_targets_said_apart(text, want):
    assert understood(text) == want


@pytest.mark.parametrize("text", [
    "Can the office get warmer?",  # no target: relative
    "Can the office get warmer? set 35",  # out of range
    "office warmer? not 28",  # a negation
    "office warmer? at 6pm 28",  # a schedule
    "conveyor A and B speed both 200",  # out of range
    "conveyor A and B speed both 100 at 6pm",
    "don't set conveyor A and B speed both 100",
])
def test_targets_said_apart_still_refused(text):
    assert refused(text)


ALL_LAMPS_ON = {"lamp-office-1": {"power": True}, "lamp-office-2": {"power": True}, "lamp-warehouse": {"power": True}}


@pytest.mark.parametrize("text,want", [
    ("主任說一號輸送帶可以開了，麻煩開起來", {"conveyor-a": {"running": True}}),
    ("主任说B线输送带可以开了，麻烦开起来", {"conveyor-b": {"running": True}}),
    ("他说一号输送带开起来", {"conveyor-a": {"running": True}}),
    ("所有的燈都打開齁，等一下老闆要來巡", ALL_LAMPS_ON),
    ("灯都打开，待会儿客户要来参观", ALL_LAMPS_ON),
])
def test_who_said_it_and_who_is_coming(text, want):
    assert understood(text) == want


@pytest.mark.parametrize("text", [
    "主任说不要开一号输送带",  # the relayed negation
    "老板刚才说明天开一号输送带",  # the relayed schedule
    "等一下把灯打开",  # the ask's own delay
    "所有的灯都打开，等一下老板要来，别关",  # a negation
    "所有的灯都打开，老板明天要来",  # a day
])
def test_who_said_it_still_refused(text):
    assert refused(text)
