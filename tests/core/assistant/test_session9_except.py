"""Session 9: exceptions by number, 别的 ("other") and contradictions.

1. An exception said by the device's number works as one said by its name: 除了一号传送带，其他都停下 /
   "everything off except conveyor number one" / "all conveyors stop except the first one" (had been refused, or had
   excepted both conveyors); a run verb after the exception is its verb ("all conveyors but conveyor B stop" had
   stopped conveyor B, the excepted one); a number the fleet lacks is refused (excepting.py, layers.py).
2. 别的 / 别处 / 别人 mean "other", never the negation 别 (other_words_zh.py); after a keep, "the other lamps" are every
   other lamp (other_ones.py): 台灯留着，别的灯都关掉 / "keep the desk lamp, the other lights off".  别关灯 stays refused.
3. A contradiction (both ways for one device) is refused with a message that says so and names the device, never the
   direction check's "Say the target value" or "Which device?" (both_ways.py).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from console.core.assistant.both_ways import both_ways_devices, both_words
from console.core.assistant.other_words_zh import other_words
from tests.core.assistant.helpers import ASSISTANT, FLEET, proposed, refused

OFF, STOP = {"power": False}, {"running": False}
LAMPS = ["lamp-office-1", "lamp-office-2", "lamp-warehouse"]
BY_ID = FLEET.by_id()


def _name(dev: str, lang: str) -> str:
    return ASSISTANT.aliases.display_name(BY_ID[dev], lang)


def _refusal(text: str):
    prop = ASSISTANT.understand(text)
    assert prop.refusal is not None and not prop.commands, (text, [(c.device_id, c.params) for c in prop.commands])
    return prop.refusal


# -- 1. exceptions said by number ------------------------------------------------------------------------------------
@pytest.mark.parametrize("by_number, by_name", [
    ("除了一号传送带，其他都停下", "除了A线传送带，其他都停下"),
    ("除了一号传送带，所有设备都关掉", "除了A线传送带，所有设备都关掉"),
    ("除了1号传送带，其他都停下", "除了A线传送带，其他都停下"),
    ("除了第一条传送带，其他都停下", "除了A线传送带，其他都停下"),
    ("除了二号传送带，其他都停下", "除了B线传送带，其他都停下"),
    ("所有传送带都停下，除了一号传送带", "所有传送带都停下，除了A线传送带"),
    ("everything off except conveyor number one", "everything off except conveyor A"),
    ("everything off except conveyor number two", "everything off except conveyor B"),
    ("all conveyors stop except the first one", "all conveyors stop except conveyor A"),
])
def test_an_exception_by_number_is_that_one_device(by_number, by_name):
    got = proposed(by_number)
    assert got == proposed(by_name)
    excepted = "conveyor-b" if ("二" in by_number or "two" in by_number) else "conveyor-a"
    other = "conveyor-a" if excepted == "conveyor-b" else "conveyor-b"
    assert excepted not in got and got[other] == STOP


@pytest.mark.parametrize("text, want", [
    ("all conveyors stop except the first one", {"conveyor-b": STOP}),
    ("except the second conveyor, stop all conveyors", {"conveyor-a": STOP}),
    ("all lights off except the first one", {"lamp-office-2": OFF, "lamp-warehouse": OFF}),
    ("turn off all lamps except lamp 2", {"lamp-office-1": OFF, "lamp-warehouse": OFF}),
    # a run verb after the exception is the ask's verb (had stopped the excepted conveyor, or both)
    ("all conveyors but conveyor B stop", {"conveyor-a": STOP}),
    ("all conveyors but the B one stop", {"conveyor-a": STOP}),
    ("all conveyors except conveyor B stop", {"conveyor-a": STOP}),
    ("all conveyors but the first one stop", {"conveyor-b": STOP}),
    ("all lamps but the desk lamp, off", {"lamp-office-1": OFF, "lamp-warehouse": OFF}),
    # nearby asks keep their meaning
    ("all conveyors stop except conveyor A", {"conveyor-b": STOP}),
    ("turn off every lamp except the desk lamp", {"lamp-office-1": OFF, "lamp-warehouse": OFF}),
    ("stop conveyor number one", {"conveyor-a": STOP}),
    ("一号传送带停下", {"conveyor-a": STOP}),
    ("turn off all the lights but leave the fan on",
     {"lamp-office-1": OFF, "lamp-office-2": OFF, "lamp-warehouse": OFF, "fan-line-a": {"power": True}}),
])
def test_exceptions_read(text, want):
    assert proposed(text) == want


@pytest.mark.parametrize("text", [
    "除了三号传送带，其他都停下",  # two conveyors: never both stopped, never all but both
    "除了三号传送带，所有设备都关掉",
    "everything off except conveyor number three",
    "all conveyors stop except the third one",
    "all conveyors but conveyor C stop",
    "everything off except the second siren",
    "除了二号警报器，其他都关掉",
    "everything off except conveyor number one for 10 minutes",
    "除了一号传送带，其他都别停",
    "除了一号传送带，其他的不要关",
])
def test_an_exception_the_fleet_lacks_or_a_harm_is_refused(text):
    assert refused(text)


def test_an_absent_number_is_named_in_the_refusal():
    assert "三号传送带" in _refusal("除了三号传送带，其他都停下").reason
    assert "conveyor number three" in _refusal("everything off except conveyor number three").reason


# -- 2. 别的 / 别处 / 别人: "other" -----------------------------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("台灯留着，别的灯都关掉", {"lamp-office-1": OFF, "lamp-warehouse": OFF}),
    ("台灯留着，其他灯都关掉", {"lamp-office-1": OFF, "lamp-warehouse": OFF}),
    ("台灯留着，其他的灯都关掉", {"lamp-office-1": OFF, "lamp-warehouse": OFF}),
    ("办公室顶灯开着，别的灯都关掉", {"lamp-office-2": OFF, "lamp-warehouse": OFF}),
    ("除了台灯，别的灯都关掉", {"lamp-office-1": OFF, "lamp-warehouse": OFF}),
    ("keep the desk lamp, the other lights off", {"lamp-office-1": OFF, "lamp-warehouse": OFF}),
    ("keep the desk lamp on, turn the other lights off", {"lamp-office-1": OFF, "lamp-warehouse": OFF}),
    ("leave the desk lamp on, switch the other lamps off", {"lamp-office-1": OFF, "lamp-warehouse": OFF}),
    ("the desk lamp is off, turn off all the other lamps", {"lamp-office-1": OFF, "lamp-warehouse": OFF}),
    ("keep conveyor A running, stop the other conveyors", {"conveyor-b": STOP}),
    ("别人都走了，把灯关掉", {"lamp-office-1": OFF, "lamp-office-2": OFF, "lamp-warehouse": OFF}),
    # nearby asks keep their meaning
    ("台灯留着，办公室其他的灯关掉", {"lamp-office-1": OFF}),
    ("keep the desk lamp on, turn off the other lights in the office", {"lamp-office-1": OFF}),
    ("锁门，别让别人进来", {"lock-main-door": {"locked": True}}),
])
def test_other_is_read(text, want):
    assert proposed(text) == want


@pytest.mark.parametrize("kept", LAMPS)
@pytest.mark.parametrize("form", ["{zh}留着，别的灯都关掉", "{zh}留着，其他灯都关掉", "keep the {en}, the other lights off",
                                  "leave the {en} on, turn all the other lamps off"])
def test_the_kept_lamp_is_never_changed_and_every_other_goes_off(kept, form):
    text = form.format(zh=_name(kept, "zh"), en=_name(kept, "en"))
    assert proposed(text) == {d: OFF for d in LAMPS if d != kept}


@pytest.mark.parametrize("text", [
    "别关灯", "别把灯关了", "别开", "别开灯", "千万别开灯",  # the negation 别 stays a negation
    "台灯留着，别的灯都别关", "台灯留着，别的灯不要关", "除了台灯，别的灯都别开",
    "别的灯都关掉",  # other than what?
    "台灯留着，别的都关掉",  # the rest of what?
    "the desk lamp is off, turn off the other lamps",  # a report, no "all": the office's or the fleet's?
    "别处的灯关掉",  # elsewhere than where?
    "别处理阀门", "别人工调节阀门",  # 别 + 处理 / 人工: "don't"
])
def test_negations_and_unclear_others_stay_refused(text):
    assert refused(text)


@pytest.mark.parametrize("text, want", [
    ("台灯留着，别的灯都关掉", "台灯留着，其他灯都关掉"), ("别处", "其他地方"), ("别人都走了", "其他人都走了"),
    ("别关灯", "别关灯"), ("别处理", "别处理"), ("别人工调节", "别人工调节"), ("别的灯都别开", "其他灯都别开"),
])
def test_other_words(text, want):
    assert other_words(text) == want


# -- 3. contradictions -----------------------------------------------------------------------------------------------
CONTRADICTIONS_EN = [
    ("turn the desk lamp on and off", "lamp-office-2"), ("start and stop conveyor A", "conveyor-a"),
    ("open and close the steam valve", "valve-steam"), ("turn the desk lamp on and shut it off", "lamp-office-2"),
    ("power up and power down conveyor A", "conveyor-a"), ("sound and silence the siren", "siren-yard"),
    ("sound the siren then silence it", "siren-yard"), ("turn the ceiling lamp on, and turn it off", "lamp-office-1"),
    ("turn on the desk lamp; turn off the desk lamp", "lamp-office-2"),
    ("start conveyor A, stop conveyor A", "conveyor-a"), ("lock the main door and unlock it", "lock-main-door"),
]
CONTRADICTIONS_ZH = [
    ("把阀门打开再关上", "valve-steam"), ("把台灯打开，然后关掉", "lamp-office-2"), ("打开台灯，关闭台灯", "lamp-office-2"),
    ("把A线传送带开起来再关掉", "conveyor-a"), ("A线传送带启动停止", "conveyor-a"), ("台灯打开也关掉", "lamp-office-2"),
    ("打开阀门然后关上", "valve-steam"), ("启动A线传送带然后停下", "conveyor-a"),
]


@pytest.mark.parametrize("text, dev", CONTRADICTIONS_EN)
def test_a_contradiction_says_so_in_english(text, dev):
    why = _refusal(text).reason
    up, down = both_words(BY_ID[dev], "en")
    assert f"both {up} and {down}" in why and _name(dev, "en") in why and "say which one" in why, (text, why)
    assert "target value" not in why and "Which device" not in why


@pytest.mark.parametrize("text, dev", CONTRADICTIONS_ZH)
def test_a_contradiction_says_so_in_chinese(text, dev):
    why = _refusal(text).reason
    assert "既要" in why and _name(dev, "zh") in why and "请说明要哪一个" in why, (text, why)
    assert "目标值" not in why and "哪个设备" not in why


DEVICES_EN = [("the desk lamp", "turn it on", "turn it off"), ("conveyor a", "start it", "stop it"),
              ("the steam valve", "open it", "close it"), ("the yard siren", "sound it", "silence it"),
              ("the cooling pump", "start it", "stop it"), ("the ceiling lamp", "switch it on", "switch it off")]


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(DEVICES_EN), st.booleans(), st.sampled_from([", then ", " and then ", ", and ", ". "]))
def test_any_both_ways_ask_is_refused_as_a_contradiction(device, flip, join):
    what, up, down = device
    first, second = (down, up) if flip else (up, down)
    text = f"{first.replace('it', what)}{join}{second}"
    why = _refusal(text).reason
    assert "both" in why and "say which one" in why and "target value" not in why, (text, why)


@pytest.mark.parametrize("text, want", [
    ("desk lamp off and sound the siren", {"lamp-office-2": OFF, "siren-yard": {"active": True}}),
    ("turn off the desk lamp and turn on the ceiling lamp", {"lamp-office-2": OFF, "lamp-office-1": {"power": True}}),
    ("关掉蒸汽阀，同时把冷却水泵开起来", {"valve-steam": {"open": 0}, "pump-cooling": {"running": True}}),
    ("open the valve and stop the pump", {"valve-steam": {"open": 100}, "pump-cooling": STOP}),
    ("the desk lamp is on, turn it off", {"lamp-office-2": OFF}),
    ("台灯开着，关掉它", {"lamp-office-2": OFF}),
])
def test_two_devices_two_ways_are_no_contradiction(text, want):
    assert proposed(text) == want


@pytest.mark.parametrize("text, says", [
    ("dont turn on the desk lamp", "not to do"), ("别开台灯", "否定"),
    ("open and close it", "opposite"),  # no device named: the screening's message
])
def test_other_refusals_keep_their_message(text, says):
    assert says in _refusal(text).reason


def test_both_ways_devices_binds_a_part_without_a_device_to_the_one_before():
    refers = {"turn the lamp on": {"lamp"}, "shut it off": set(), "sound the siren": {"siren"},
              "lamp off": {"lamp"}}.get
    ways = {"turn the lamp on": {"up"}, "shut it off": {"down"}, "sound the siren": {"up"}, "lamp off": {"down"}}.get
    assert both_ways_devices("turn the lamp on and shut it off", lambda p: refers(p, set()),
                             lambda p: ways(p, set())) == ["lamp"]
    assert both_ways_devices("lamp off and sound the siren", lambda p: refers(p, set()),
                             lambda p: ways(p, set())) == []
