"""Issue 17, blind set 14 (bench/intents_heldout14.jsonl): safety and two devices moved in opposite directions.

1. Over-reach: 办公室百叶窗放下来，全部关上 switched off every device of the plant.  A clause that is only 全部/全/都/完全
   + a verb, after a clause about one device, is how far THAT device goes (layers.Assistant._amount_clauses);
   "close them all the way" / "all the way down" likewise.  全部关掉 alone, a zone (一号线上的设备全部关掉) and English
   "everything" keep the every-device reading.
2. Two devices, opposite directions, two clauses ("Start the pump, and close the steam valve while you're at it.",
   关掉蒸汽阀，同时把冷却水泵开起来): each clause's verb binds its own device — "while you're at it" is a clause
   join (phrases._AT_IT), and a clause whose only direction is the rules' own verb (开起来: 开) binds that verb
   (layers.Assistant._ways_now), never the other clause's 关.  The same device up and down stays refused.
Property tests (hypothesis) over devices × amount / join words × both languages × both orders.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from console.core.assistant.aliases import default_aliases
from console.core.assistant.layers import Assistant
from console.core.fleet.catalog import load_fleet

ASSISTANT = Assistant(load_fleet(), default_aliases())
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _read(text: str) -> list[tuple[str, dict]] | None:
    prop = ASSISTANT.understand(text)
    return None if prop.refusal is not None else sorted((c.device_id, dict(c.params)) for c in prop.commands)


# -- 1. a full-amount word after a clause about one device -------------------------------------------------------
def test_blinds_down_then_all_closed_is_the_blinds_only() -> None:
    assert _read("办公室百叶窗放下来，全部关上") == [("blinds-office", {"position": 0})]


# (device, params, Chinese clause) for "down" and "up"
DOWN_ZH = [("blinds-office", {"position": 0}, "办公室百叶窗放下来"), ("blinds-office", {"position": 0}, "把办公室百叶窗关上"),
           ("valve-steam", {"open": 0}, "关掉蒸汽阀"), ("valve-steam", {"open": 0}, "把蒸汽阀关上"),
           ("pump-cooling", {"running": False}, "把冷却水泵停下来"), ("lamp-office-2", {"power": False}, "把办公室台灯关掉"),
           ("lamp-warehouse", {"power": False}, "把仓库探照灯关掉")]
UP_ZH = [("blinds-office", {"position": 100}, "把办公室百叶窗拉开"), ("valve-steam", {"open": 100}, "把蒸汽阀打开")]
DOWN_EN = [("blinds-office", {"position": 0}, "close the office blinds"), ("blinds-office", {"position": 0}, "lower the office blinds"),
           ("valve-steam", {"open": 0}, "close the steam valve"), ("valve-steam", {"open": 0}, "shut the steam valve")]
UP_EN = [("blinds-office", {"position": 100}, "open the office blinds"), ("valve-steam", {"open": 100}, "open the steam valve")]
ALL_ZH = ["全部", "全", "都", "全都", "完全"]
JOIN_ZH = ["，", "，然后", "，再", "；"]
DOWN_VERB_ZH = ["关上", "关掉", "关好"]
UP_VERB_ZH = ["打开"]
AMOUNT_DOWN_EN = [", all the way", ", close it all the way", ", close them all the way", ", all the way down", " fully",
                  " completely", ", completely"]
AMOUNT_UP_EN = [", all the way", ", open it all the way", ", open them all the way", " fully", " completely"]


@SETTINGS
@given(st.data())
def test_full_amount_after_one_device_proposes_only_that_device(data) -> None:
    lang = data.draw(st.sampled_from(["zh", "en"]))
    down = data.draw(st.booleans())
    if lang == "zh":
        dev, params, clause = data.draw(st.sampled_from(DOWN_ZH if down else UP_ZH))
        verb = data.draw(st.sampled_from(DOWN_VERB_ZH if down else UP_VERB_ZH))
        text = clause + data.draw(st.sampled_from(JOIN_ZH)) + data.draw(st.sampled_from(ALL_ZH)) + verb
    else:
        dev, params, clause = data.draw(st.sampled_from(DOWN_EN if down else UP_EN))
        text = clause + data.draw(st.sampled_from(AMOUNT_DOWN_EN if down else AMOUNT_UP_EN))
    assert _read(text) == [(dev, params)], text


def test_opposite_amount_is_refused_never_everything() -> None:
    assert _read("百叶窗打开，全部关上") is None


EVERY_OFF = [("conveyor-a", {"running": False}), ("conveyor-b", {"running": False}), ("fan-line-a", {"power": False}),
             ("hvac-office", {"power": False}), ("lamp-office-1", {"power": False}), ("lamp-office-2", {"power": False}),
             ("lamp-warehouse", {"power": False}), ("pump-cooling", {"running": False}), ("siren-yard", {"active": False})]


def test_everything_alone_stays_everything() -> None:
    assert _read("全部关掉") == EVERY_OFF
    assert _read("everything off") == EVERY_OFF


def test_a_zone_with_all_is_that_zone() -> None:
    line_a = [("conveyor-a", {"running": False}), ("fan-line-a", {"power": False})]
    assert _read("一号线上的设备全部关掉") == line_a
    assert _read("一号线的设备全部关掉") == line_a
    assert _read("一号线，全部停下来") == line_a


# -- 2. two devices, opposite directions ---------------------------------------------------------------------------
def test_the_two_blind_asks() -> None:
    want = [("pump-cooling", {"running": True}), ("valve-steam", {"open": 0})]
    assert _read("Start the cooling water pump, and close the steam valve while you're at it.") == want
    assert _read("关掉蒸汽阀，同时把冷却水泵开起来") == want


# device -> (up params, down params, en up, en down, zh up, zh down)
MOVES = {
    "pump-cooling": ({"running": True}, {"running": False}, "start the cooling water pump", "stop the cooling water pump",
                     "把冷却水泵开起来", "关掉冷却水泵"),
    "valve-steam": ({"open": 100}, {"open": 0}, "open the steam valve", "close the steam valve", "打开蒸汽阀", "关掉蒸汽阀"),
    "lamp-warehouse": ({"power": True}, {"power": False}, "switch on the warehouse floodlight",
                       "switch off the warehouse floodlight", "打开仓库探照灯", "关掉仓库探照灯"),
    "blinds-office": ({"position": 100}, {"position": 0}, "open the office blinds", "close the office blinds",
                      "把办公室百叶窗拉开", "把办公室百叶窗放下来"),
    "conveyor-b": ({"running": True}, {"running": False}, "start the line b conveyor", "stop the line b conveyor",
                   "启动B线传送带", "停掉B线传送带"),
}
JOINS_EN = ["{a}, and {b} while you're at it.", "{a} and also {b}", "{a}, then {b}", "{a}, and {b}", "{a} and {b}",
            "{a}; {b} while you are at it", "{a} and while you're at it {b}"]
JOINS_ZH = ["{a}，同时{b}", "{a}，{b}", "{a}，然后{b}", "{a}，顺便{b}", "{a}，另外{b}", "{a}；{b}"]


def _two(data, same: bool) -> tuple[str, str, str]:
    up_dev = data.draw(st.sampled_from(sorted(MOVES)))
    down_dev = up_dev if same else data.draw(st.sampled_from(sorted(set(MOVES) - {up_dev})))
    lang = data.draw(st.sampled_from(["en", "zh"]))
    i = 2 if lang == "en" else 4
    a, b = MOVES[up_dev][i], MOVES[down_dev][i + 1]
    if data.draw(st.booleans()):
        a, b = b, a
    text = data.draw(st.sampled_from(JOINS_EN if lang == "en" else JOINS_ZH)).format(a=a, b=b)
    return text, up_dev, down_dev


@SETTINGS
@given(st.data())
def test_two_devices_opposite_ways_each_its_own(data) -> None:
    text, up_dev, down_dev = _two(data, same=False)
    assert _read(text) == sorted([(up_dev, MOVES[up_dev][0]), (down_dev, MOVES[down_dev][1])]), text


@SETTINGS
@given(st.data())
def test_one_device_up_and_down_stays_refused(data) -> None:
    text, _, _ = _two(data, same=True)
    assert _read(text) is None, text
