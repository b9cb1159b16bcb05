"""Session 8 (last): a kept device is never changed (kept_devices.py), "too sunny, block it" is the blinds
(it_is_thing.py), 切断 / 停掉 / 关闭 over a noun list (noun_lists_zh.py), 断开 is "cut off", never "open" (phrases.py).
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.core.assistant.helpers import ASSISTANT, refused
from tests.core.assistant.helpers import understood as got


# -- 1. a kept device ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("一号灯关掉，台灯留着", {"lamp-office-1": {"power": False}}),
    ("吊灯关掉，台灯留着", {"lamp-office-1": {"power": False}}),
    ("一号灯关掉，台灯别动", {"lamp-office-1": {"power": False}}),
    ("turn off the lamps and the fan, leave the desk lamp on",
     {"lamp-office-1": {"power": False}, "lamp-warehouse": {"power": False}, "fan-line-a": {"power": False}}),
    ("turn off the lamps, leave the desk lamp on",
     {"lamp-office-1": {"power": False}, "lamp-warehouse": {"power": False}}),
    ("switch off the office lights, the desk lamp stays on", {"lamp-office-1": {"power": False}}),
    ("关掉所有灯，保持台灯开着", {"lamp-office-1": {"power": False}, "lamp-warehouse": {"power": False}}),
    ("stop the conveyors, leave conveyor b running", {"conveyor-a": {"running": False}}),
])
def test_kept_device_left_out(text: str, want: dict) -> None:
    assert got(text) == want


@pytest.mark.parametrize("text, want", [
    # the keep is the subject of the rest ("it"): read as before
    ("keep the line a fan going but set it to medium", {"fan-line-a": {"speed": "medium"}}),
    # other_ones.py's form stays its own
    ("leave the desk lamp on, switch the rest of the office lamps off", {"lamp-office-1": {"power": False}}),
    ("台灯留着，办公室其他的灯关掉", {"lamp-office-1": {"power": False}}),
    ("一号灯关掉", {"lamp-office-1": {"power": False}}),
])
def test_nearby_asks_keep_their_meaning(text: str, want: dict) -> None:
    assert got(text) == want


@pytest.mark.parametrize("text", [
    "turn off the desk lamp, leave the desk lamp on",  # the same device changed and kept
    "台灯关掉，台灯留着",
    "关灯，台灯留着",  # which lamps?
])
def test_kept_device_contradiction_refused(text: str) -> None:
    assert refused(text)


_KEPT = [("lamp-office-2", "the desk lamp", "台灯"), ("lamp-office-1", "the ceiling lamp", "吊灯"),
         ("lamp-warehouse", "the floodlight", "探照灯"), ("conveyor-a", "conveyor a", "a线传送带"),
         ("conveyor-b", "conveyor b", "b线传送带")]
_KEEP_EN = ["leave {} on", "keep {} on", "leave {} alone", "{} stays on", "keep {} running", "don't touch {}"]
_KEEP_ZH = ["{}留着", "保持{}开着", "{}别动", "{}不用管", "{}继续开着"]
_REST_EN = ["turn off the lamps", "switch off all the lights", "turn off the office lamps", "stop the conveyors",
            "stop conveyor a and conveyor b", "turn off the desk lamp and the ceiling lamp", "turn off lamp 1",
            "turn on the lamps", "start the conveyors"]
_REST_ZH = ["灯都关掉", "关掉所有灯", "吊灯和台灯都关掉", "一号灯关掉", "传送带都停掉", "把灯都打开", "传送带都启动"]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(_KEPT), st.booleans(), st.integers(0, 100), st.booleans())
def test_kept_device_never_changes(kept, zh: bool, pick: int, keep_first: bool) -> None:
    dev, en_name, zh_name = kept
    forms, rests = (_KEEP_ZH, _REST_ZH) if zh else (_KEEP_EN, _REST_EN)
    keep = forms[pick % len(forms)].format(zh_name if zh else en_name)
    rest = rests[(pick // len(forms)) % len(rests)]
    sep = "，" if zh else ", "
    text = sep.join([keep, rest] if keep_first else [rest, keep])
    prop = ASSISTANT.understand(text)
    mine = [dict(c.params) for c in prop.commands if c.device_id == dev]
    # never changed by the rest; only an "on" keep read as its own command (as before) may switch it on
    on_form = any(w in keep for w in (" on", "running", "开着"))
    assert not mine or (on_form and all(p in ({"power": True}, {"running": True}) for p in mine)), \
        (text, [(c.device_id, c.params) for c in prop.commands])


# -- 2. "too sunny, block it halfway": the blinds -----------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("Too sunny in the office, block it halfway.", {"blinds-office": {"position": 50.0}}),
    ("Too sunny in the office, block them halfway.", {"blinds-office": {"position": 50.0}}),
    ("too much glare, block it", {"blinds-office": {"position": 0.0}}),
])
def test_block_it_is_the_sun(text: str, want: dict) -> None:
    assert got(text) == want


@pytest.mark.parametrize("text", ["block it halfway", "the desk lamp is too bright, block it"])
def test_block_it_without_the_sun_refused(text: str) -> None:
    assert refused(text)


# -- 3. 切断 / 停掉 / 关闭 over a noun list, a trailing reason ------------------------------------------------------
_BOTH_OFF = {"pump-cooling": {"running": False}, "valve-steam": {"open": 0.0}}


@pytest.mark.parametrize("text", ["冷却水和蒸汽都切断，B线要检修", "冷却水和蒸汽都切断", "冷却水和蒸汽都停掉，B线要检修",
                                  "把冷却水和蒸汽关闭，要检修了", "切断冷却水和蒸汽", "冷却水和蒸汽都断开",
                                  "冷却水和蒸汽都断掉，B线要检修"])
def test_noun_list_cut_off(text: str) -> None:
    assert got(text) == _BOTH_OFF


@pytest.mark.parametrize("text, want", [
    ("冷却水断开", {"pump-cooling": {"running": False}}),  # 断开 had read as 开: the pump on
    ("蒸汽断开", {"valve-steam": {"open": 0.0}}),
    ("断开蒸汽", {"valve-steam": {"open": 0.0}}),
    ("冷却水和蒸汽都打开，B线要检修", {"pump-cooling": {"running": True}, "valve-steam": {"open": 100.0}}),
])
def test_cut_off_never_open(text: str, want: dict) -> None:
    assert got(text) == want


@pytest.mark.parametrize("text", ["冷却水和蒸汽都别切断", "冷却水和蒸汽都切断，A线要检修"])
def test_noun_list_refusals_stay(text: str) -> None:
    assert refused(text)


# -- 4. people let in by opening up; "needs light"; 仓库大灯 --------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("Can you open up so the cleaners can get in?", {"lock-main-door": {"locked": False}}),
    ("the delivery driver needs to get in, open up", {"lock-main-door": {"locked": False}}),
    ("Warehouse needs light, the night crew is starting.", {"lamp-warehouse": {"power": True}}),
    ("warehouse needs light", {"lamp-warehouse": {"power": True}}),
    ("把仓库大灯打开", {"lamp-warehouse": {"power": True}}),
    ("仓库的大灯关掉", {"lamp-warehouse": {"power": False}}),
])
def test_last_items_read(text: str, want: dict) -> None:
    assert got(text) == want


@pytest.mark.parametrize("text", [
    "open up so the dog can get in",  # no person
    "don't open up so the cleaners can get in",  # negated
    "warehouse doesn't need light",
    # 把办公室大灯打开 is now the office's main (ceiling) lamp (session 10, main_lights.py; test_session10_harms.py)
    "大灯打开",  # no place
])
def test_last_items_refusals(text: str) -> None:
    assert refused(text)


@pytest.mark.parametrize("text, want", [
    # the rest leaves the kept device alone: read as before (test_session8_en3.py's convention)
    ("turn off lamp 1, leave the desk lamp on", {"lamp-office-1": {"power": False}, "lamp-office-2": {"power": True}}),
])
def test_untouched_keep_read_as_before(text: str, want: dict) -> None:
    assert got(text) == want
