"""Session 7, fixer D: the Chinese misses of held-outs 20 and 21, each as a class.

"Only X is needed" with a negated other mode sets X (only_mode_zh.py); coordinated ordinals before one kind noun name
each device (ordinal_lists.py); 拉下来 / 拉上去 on blinds and a weather or situation clause before the command
(blinds_way_zh.py, lead_reasons.py); telling people in a place to leave is that place's siren (evacuate_zh.py);
灯全关 is every lamp (all_off_zh.py)."""

from __future__ import annotations

import pytest

from tests.core.assistant.helpers import ASSISTANT, checked_commands, refusal_kind, refused

_AC = "hvac-office"


# -- 1. 只要 X 就行，不用 Y: the mode X; the negated part only excludes ------------------------------------------------
@pytest.mark.parametrize(("text", "mode"), [
    ("办公室只要吹风就行，不用制冷", "fan"), ("办公室只开送风就好，不要制冷", "fan"), ("办公室空调只需要制热，别开冷气", "heat"),
    ("办公室空调只要自动模式就行，不用制冷", "auto"), ("办公室只要通风就可以了，不需要制热", "fan"),
    ("不用制冷，办公室只要吹风就行", "fan"), ("办公室空调只用制冷即可，不要暖气", "cool")])
def test_only_one_mode_needed_sets_that_mode(text: str, mode: str) -> None:
    assert checked_commands(text) == {_AC: {"mode": mode}}


@pytest.mark.parametrize("text", ["不要开空调", "别制冷", "办公室不用制冷", "办公室只要制冷就行，不要制冷",
                                  "只要有人就开灯", "办公室只要送风，不要开空调", "不要把办公室空调调成送风模式"])
def test_real_negations_and_conditions_stay_refused(text: str) -> None:
    assert refused(text)


# -- 2. coordinated ordinals before one kind noun: each device, the value to each ----------------------------------
_BOTH = ("conveyor-a", "conveyor-b")


@pytest.mark.parametrize(("text", "params"), [
    ("一号和二号传送带都调到每分钟五十转", {"speed": 50.0}), ("1号、2号传送带停掉", {"running": False}),
    ("一号和二号传送带都停掉", {"running": False}), ("一和二号传送带都启动", {"running": True}),
    ("把一号与二号传送带调到每分钟四十转", {"speed": 40.0}),
    ("set conveyor one and two to 50 rpm", {"speed": 50.0}), ("stop conveyors 1 and 2", {"running": False}),
    ("set conveyors 1 and 2 to 40 rpm", {"speed": 40.0}), ("start conveyors number one and number two", {"running": True}),
    ("lines a and b conveyors off", {"running": False}), ("turn the lines A and B conveyors on", {"running": True})])
def test_coordinated_ordinals_name_each_device(text: str, params: dict) -> None:
    assert checked_commands(text) == {d: params for d in _BOTH}


@pytest.mark.parametrize(("text", "want"), [
    ("一号和二号灯关掉", {"lamp-office-1": {"power": False}, "lamp-office-2": {"power": False}}),
    ("turn off lamps 1 and 2", {"lamp-office-1": {"power": False}, "lamp-office-2": {"power": False}})])
def test_coordinated_ordinals_of_another_kind(text: str, want: dict) -> None:
    assert checked_commands(text) == want


@pytest.mark.parametrize("text", ["一号和三号传送带停掉", "stop conveyors 1 and 3", "不要停一号和二号传送带",
                                  "the fans on lines a and b on", "turn on the fans on line a and line b",
                                  "stop the pumps on lines a and b", "close the valves on lines a and b",
                                  "lines a and b fans on", "如果温度太高，一号和二号传送带都停掉"])
def test_a_number_or_a_listed_place_naming_no_device_or_a_negation_stays_refused(text: str) -> None:
    assert refused(text)


# -- 3. 拉下来 / 拉上去 on blinds; a situation or the weather before the command adds nothing --------------------------
_SHUT, _OPEN = {"blinds-office": {"position": 0.0}}, {"blinds-office": {"position": 100.0}}


@pytest.mark.parametrize(("text", "want"), [
    ("把办公室百叶窗拉下来", _SHUT), ("百叶窗拉下", _SHUT), ("把百叶窗拉上去", _OPEN), ("把办公室百叶窗拉起来", _OPEN),
    ("百叶窗卷起来", _OPEN), ("今天太阳很大，把办公室百叶窗拉下来", _SHUT), ("太晒了，把百叶窗拉下来", _SHUT),
    ("外面很吵，把办公室百叶窗放下", _SHUT), ("外面太吵了，把办公室百叶窗拉上", _SHUT), ("太阳太大了，百叶窗拉下来", _SHUT),
    ("屋里有点暗，把百叶窗拉上去", _OPEN), ("too sunny, close the office blinds", _SHUT)])
def test_blinds_ways_and_a_leading_situation(text: str, want: dict) -> None:
    assert checked_commands(text) == want


@pytest.mark.parametrize("text", ["如果太阳很大，把百叶窗拉下来", "今天太阳很大", "外面很吵", "不要把百叶窗拉下来",
                                  "天黑时把百叶窗拉下来", "太阳很大的话，把百叶窗拉下来"])
def test_a_condition_a_remark_or_a_negation_stays_refused(text: str) -> None:
    assert refused(text)


def test_a_situation_that_names_a_device_is_never_dropped() -> None:
    # 警报太吵了 names the siren: never dropped silently (the rest alone would only be the lamp)
    got = ASSISTANT.understand("警报太吵了，把台灯关掉")
    assert got.refusal is not None or "siren-yard" in {c.device_id for c in got.commands}


# -- 4. telling people (in a place) to leave is that place's siren -----------------------------------------------
_SIREN = {"siren-yard": {"active": True}}


@pytest.mark.parametrize("text", ["赶紧提醒院子里的人撤离", "通知院子里的人疏散", "让院子里的人赶紧离开", "马上通知仓库的人撤离",
                                  "快叫院子里的工人撤出", "立刻提醒大家撤离", "赶紧警告院子里的人离开",
                                  "warn the people in the yard to evacuate"])
def test_telling_people_to_leave_sounds_the_siren(text: str) -> None:
    assert checked_commands(text) == _SIREN


@pytest.mark.parametrize(("text", "kind"), [("提醒办公室的人撤离", "unknown_device"),
                                            ("不要提醒院子里的人撤离", "unsupported"),
                                            ("如果着火了，提醒院子里的人撤离", "unsupported")])
def test_a_place_without_a_siren_or_a_negation_is_refused(text: str, kind: str) -> None:
    assert refusal_kind(text) == kind


# -- 5. 灯全关: every lamp --------------------------------------------------------------------------------------------
_LAMPS_OFF = {d: {"power": False} for d in ("lamp-office-1", "lamp-office-2", "lamp-warehouse")}


@pytest.mark.parametrize(("text", "want"), [
    ("灯全关", _LAMPS_OFF), ("灯全关掉", _LAMPS_OFF), ("灯都关", _LAMPS_OFF), ("所有灯关掉", _LAMPS_OFF),
    ("全部的灯关掉", _LAMPS_OFF), ("灯全熄灭", _LAMPS_OFF),
    ("大楼锁上，灯全关", {"lock-main-door": {"locked": True}, **_LAMPS_OFF}),
    ("办公室灯全关", {d: {"power": False} for d in ("lamp-office-1", "lamp-office-2")}),
    ("传送带全停", {"conveyor-a": {"running": False}, "conveyor-b": {"running": False}}),
    ("完全关闭蒸汽阀", {"valve-steam": {"open": 0.0}}), ("把阀门全关上", {"valve-steam": {"open": 0.0}})])
def test_all_before_a_down_verb_is_every_device_of_the_kind(text: str, want: dict) -> None:
    assert checked_commands(text) == want


@pytest.mark.parametrize("text", ["不要把灯全关", "灯别全关", "如果没人，灯全关"])
def test_negated_or_conditional_all_off_stays_refused(text: str) -> None:
    assert refused(text)
