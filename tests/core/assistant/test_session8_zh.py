"""Session 8 (held-outs 26 / 27, the Chinese side and known harms), each as a class.

1. 灭 / 熄 put a light out, 点亮 / 点灯 light it (light_verbs_zh.py); 灭火 and a report (灯灭了) stay refused.
2. An entrance named 主门 / 前门 / 正门 / 大门 / 入口 is the lock whose own name says so (lexicon.NAME_WORDS_ZH; the slip
   check knows these words: vocabulary.chinese_name_words).
3. "Brighter" on a place's one switch-only light switches it on; a light with a level or several lights stay
   refused, and "dimmer" always does (brighter_on.py).
4. 停产 before a space is a part (clauses.split_spaced): 二号线停产 冷却水也停 stops both; an elliptic part ("…, and the
   coolant too") borrows the verb or the ask is refused, never dropped (ellipsis_parts.py).
5. Harms: an appliance added with 还有 / 以及 / also / too is refused (foreign_nouns.py); 让工人出去 is no alarm
   (evacuate_zh.py); 所有线路都关掉 is no "everything" (all_of_unknown.py).
"""

from __future__ import annotations

import pytest

from console.core.assistant.aliases import default_aliases
from console.core.assistant.direction import DOWN, UP, direction_of
from console.core.assistant.layers import Assistant
from console.core.fleet.catalog import Fleet, load_fleet
from console.core.protocol import Capability, DeviceMeta
from tests.core.assistant.helpers import ASSISTANT, checked_commands, refusal_kind, refused

_OFFICE_LAMPS = ("lamp-office-1", "lamp-office-2")
_LAMPS = _OFFICE_LAMPS + ("lamp-warehouse",)
_DOOR = "lock-main-door"


def _off(*ids: str) -> dict:
    return {d: {"power": False} for d in ids}


def _on(*ids: str) -> dict:
    return {d: {"power": True} for d in ids}


# -- 1. 灭 / 熄: off; 点亮 / 点灯: on ----------------------------------------------------------------------------------
def test_the_held_out_end_of_day_list() -> None:
    assert checked_commands("下班了，办公室灯全灭，空调关掉，大门锁锁上") == {
        **_off(*_OFFICE_LAMPS), "hvac-office": {"power": False}, _DOOR: {"locked": True}}


_LAMP_NAMES = [("吊灯", "lamp-office-1"), ("顶灯", "lamp-office-1"), ("台灯", "lamp-office-2"),
               ("办公室台灯", "lamp-office-2"), ("探照灯", "lamp-warehouse"), ("仓库探照灯", "lamp-warehouse")]


@pytest.mark.parametrize(("name", "dev"), _LAMP_NAMES)
@pytest.mark.parametrize("form", ["把{}灭了", "把{}灭掉", "{}灭掉", "把{}熄掉", "把{}关灭", "把{}熄灭", "请把{}灭了"])
def test_a_named_light_put_out_is_off(name: str, dev: str, form: str) -> None:
    assert checked_commands(form.format(name)) == _off(dev)


@pytest.mark.parametrize(("place", "devs"), [("办公室", _OFFICE_LAMPS), ("仓库", ("lamp-warehouse",))])
@pytest.mark.parametrize("form", ["把{}的灯灭了", "{}灯全灭", "把{}的灯全灭了", "{}的灯灭掉", "把{}的灯都熄掉"])
def test_a_places_lights_put_out_are_off(place: str, devs: tuple, form: str) -> None:
    assert checked_commands(form.format(place)) == _off(*devs)


@pytest.mark.parametrize("text", ["把灯全灭了", "灯全灭", "把所有灯都灭了", "把全厂的灯都熄灭"])
def test_every_light_put_out(text: str) -> None:
    assert checked_commands(text) == _off(*_LAMPS)


@pytest.mark.parametrize(("name", "dev"), _LAMP_NAMES)
@pytest.mark.parametrize("form", ["把{}点亮", "把{}点上"])
def test_a_named_light_lit_is_on(name: str, dev: str, form: str) -> None:
    assert checked_commands(form.format(name)) == _on(dev)


@pytest.mark.parametrize("text", ["灭火", "把火灭了", "快灭火", "仓库着火了，快灭火", "把警报灭了", "把传送带灭了"])
def test_putting_out_what_is_no_light_is_refused(text: str) -> None:
    assert refused(text)


@pytest.mark.parametrize("text", ["灯灭了", "仓库的灯灭了", "灯全灭了", "办公室的灯熄了"])
def test_a_light_reported_out_is_no_command(text: str) -> None:
    assert refused(text)


@pytest.mark.parametrize("text", ["别把灯灭了", "不要把台灯灭掉", "如果没人就把灯灭了", "下午三点把灯灭了"])
def test_negated_or_conditional_put_out_stays_refused(text: str) -> None:
    assert refused(text)


@pytest.mark.parametrize(("text", "way"), [("把灯灭了", DOWN), ("灯熄掉", DOWN), ("把台灯熄灭", DOWN),
                                           ("把灯点亮", UP), ("点灯", UP)])
def test_the_direction_check_reads_the_light_verbs(text: str, way: str) -> None:
    assert way in direction_of(text)
    assert ({UP, DOWN} - {way}).isdisjoint(direction_of(text))


# -- 2. the entrance by its common words ----------------------------------------------------------------------------
@pytest.mark.parametrize("word", ["主门", "前门", "正门", "大门", "主入口", "入口"])
@pytest.mark.parametrize(("form", "locked"), [("把{}的锁解开", False), ("把{}解锁", False), ("{}开锁", False),
                                              ("{}锁上", True), ("把{}锁好", True)])
def test_the_entrance_words_name_the_lock(word: str, form: str, locked: bool) -> None:
    assert checked_commands(form.format(word)) == {_DOOR: {"locked": locked}}


@pytest.mark.parametrize("text", ["把后门解锁", "把侧门的锁解开", "把住门的锁解开"])
def test_a_door_the_fleet_lacks_is_refused(text: str) -> None:
    assert refusal_kind(text) == "unknown_device"


_FLEET = load_fleet()
_BOOL = {"type": "bool", "writable": True}
_LEVEL = {"type": "int", "min": 0, "max": 100, "unit": "%", "writable": True}


def _meta(i: int, kind: str, zone: str, caps: dict, name: str | None = None) -> DeviceMeta:
    return DeviceMeta(id=f"{kind}-{i}", name=name or f"{kind} unit {chr(97 + i)}", kind=kind, zone=zone,
                      capabilities={n: Capability.from_json(n, s) for n, s in caps.items()}, risk="low")


_TWO_DOORS = Assistant(Fleet("doors", (_meta(0, "lock", "office", {"locked": _BOOL}, "Main entrance lock"),
                                        _meta(1, "lock", "line-b", {"locked": _BOOL}, "Back door lock")),
                             _FLEET.semantics), default_aliases())


@pytest.mark.parametrize(("text", "dev", "locked"), [
    ("把主门解锁", "lock-0", False), ("把前门锁上", "lock-0", True), ("把正门的锁打开", "lock-0", False),
    ("把后门解锁", "lock-1", False), ("后门锁上", "lock-1", True)])
def test_entrance_words_follow_each_locks_own_name(text: str, dev: str, locked: bool) -> None:
    prop = _TWO_DOORS.understand(text)
    assert prop.refusal is None, prop.refusal
    assert {c.device_id: c.params for c in prop.commands} == {dev: {"locked": locked}}


# -- 3. brighter on a switch-only light -----------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["仓库里太暗了看不清 帮忙弄亮一点", "仓库弄亮一点", "把仓库调亮一点", "仓库再亮一些",
                                  "把探照灯调亮一点", "探照灯亮一点", "仓库的灯亮一点",
                                  "it's too dark in the warehouse, make it brighter", "make the warehouse brighter",
                                  "make the floodlight a bit brighter", "the warehouse is gloomy, make things brighter"])
def test_brighter_on_the_one_switch_only_light_switches_it_on(text: str) -> None:
    assert checked_commands(text) == _on("lamp-warehouse")


@pytest.mark.parametrize("text", [
    "办公室弄亮一点", "台灯调亮一点", "把吊灯调亮", "make the desk lamp brighter", "make the office brighter",  # a level
    "make it brighter", "弄亮一点", "太暗了，弄亮一点",  # several lights
    "仓库调暗一点", "make the floodlight dimmer", "把探照灯调暗", "仓库暗一点",  # dimmer: could be off
    "make the screen brighter", "把屏幕调亮一点", "make the ac brighter",  # no light
    "a bit more light in the warehouse"])  # the dev set's convention
def test_other_relative_light_asks_stay_refused(text: str) -> None:
    assert refused(text)


_LAMP_ZONES = {"line-a": ("line a", "A线"), "office": ("the office", "办公室"), "warehouse": ("the warehouse", "仓库")}


@pytest.mark.parametrize("zone", sorted(_LAMP_ZONES))
@pytest.mark.parametrize("levels", [(False,), (True,), (False, False), (False, True)])
@pytest.mark.parametrize("zh", [False, True])
def test_brighter_over_fleets(zone: str, levels: tuple, zh: bool) -> None:
    metas = [_meta(i, "lamp", zone, {"power": _BOOL, **({"level": _LEVEL} if lv else {})})
             for i, lv in enumerate(levels)]
    metas.append(_meta(9, "fan", zone, {"power": _BOOL}))
    metas.append(_meta(8, "lamp", next(z for z in sorted(_LAMP_ZONES) if z != zone), {"power": _BOOL}))
    a = Assistant(Fleet("lamps", tuple(metas), _FLEET.semantics), default_aliases())
    where = _LAMP_ZONES[zone][zh]
    prop = a.understand(f"{where}弄亮一点" if zh else f"make {where} brighter")
    if levels == (False,):
        assert {c.device_id: c.params for c in prop.commands} == {"lamp-0": {"power": True}}
    else:
        assert prop.refusal is not None and not prop.commands, prop.commands


# -- 4. 停产 before a space; an elliptic part is never dropped -------------------------------------------------------
@pytest.mark.parametrize(("text", "want"), [
    ("二号线停产 冷却水也停", {"conveyor-b": {"running": False}, "pump-cooling": {"running": False}}),
    ("B线停产 冷却水也停", {"conveyor-b": {"running": False}, "pump-cooling": {"running": False}}),
    ("二号线停产 冷却水也停掉", {"conveyor-b": {"running": False}, "pump-cooling": {"running": False}}),
    ("二号线停产 蒸汽也关", {"conveyor-b": {"running": False}, "valve-steam": {"open": 0.0}}),
    ("一号线停产 排风也关", {"conveyor-a": {"running": False}, "fan-line-a": {"power": False}}),
    ("二号线停产，冷却水也停", {"conveyor-b": {"running": False}, "pump-cooling": {"running": False}}),
    ("二号线停产", {"conveyor-b": {"running": False}}),
    ("halt production on line B", {"conveyor-b": {"running": False}}),
    ("stop conveyor b, and the coolant too", {"conveyor-b": {"running": False}, "pump-cooling": {"running": False}}),
    ("halt production on line B, and the coolant too",
     {"conveyor-b": {"running": False}, "pump-cooling": {"running": False}}),
    ("halt production on line B, the coolant as well",
     {"conveyor-b": {"running": False}, "pump-cooling": {"running": False}}),
    ("关掉台灯，冷却水也", {"lamp-office-2": {"power": False}, "pump-cooling": {"running": False}}),
    ("Stop all production and the coolant too", {"conveyor-a": {"running": False}, "conveyor-b": {"running": False},
                                                 "pump-cooling": {"running": False}})])
def test_every_part_is_carried_out(text: str, want: dict) -> None:
    assert checked_commands(text) == want


@pytest.mark.parametrize("text", ["lock the door, and the coolant too", "close the blinds, the coolant too",
                                  "锁上大门，冷却水也"])
def test_an_elliptic_part_its_devices_cannot_take_refuses_the_ask(text: str) -> None:
    assert refused(text)


@pytest.mark.parametrize(("text", "want"), [
    ("把 台灯 关掉", _off("lamp-office-2")), ("台灯 关掉", _off("lamp-office-2")), ("打开 台灯", _on("lamp-office-2")),
    ("帮我打开 办公室台灯", _on("lamp-office-2")), ("一号线空气不好 换气调到中档", {"fan-line-a": {"speed": "medium"}})])
def test_a_space_inside_one_part_keeps_its_reading(text: str, want: dict) -> None:
    assert checked_commands(text) == want  # never the lock unlocked by a bare 打开


# -- 5. known harms ----------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("noun", ["咖啡机", "冰箱", "微波炉"])
@pytest.mark.parametrize("form", ["开台灯，还有{}", "开台灯，以及{}", "开台灯，另外{}", "开台灯，{}也开", "把台灯打开，加上{}",
                                  "把台灯和{}都打开"])
def test_an_appliance_added_to_a_device_is_refused_zh(noun: str, form: str) -> None:
    assert refusal_kind(form.format(noun)) == "unknown_device"


@pytest.mark.parametrize("noun", ["microwave", "kettle", "fridge"])
@pytest.mark.parametrize("form", ["turn on the desk lamp, also the {}", "turn on the office lamp, the {} too",
                                  "turn on the desk lamp as well as the {}", "turn on the desk lamp plus the {}",
                                  "turn on the office lamp and the {} too"])
def test_an_appliance_added_to_a_device_is_refused_en(noun: str, form: str) -> None:
    assert refusal_kind(form.format(noun)) == "unknown_device"


@pytest.mark.parametrize("text", ["turn on the desk lamp, the tv is too bright", "开台灯，咖啡机在用"])
def test_an_appliance_as_a_reason_keeps_the_command(text: str) -> None:
    assert checked_commands(text) == _on("lamp-office-2")


@pytest.mark.parametrize("text", ["让工人出去", "让大家离开", "叫工人出去", "请让工人离开", "让院子里的人出去", "告诉工人出去"])
def test_telling_people_to_leave_sounds_no_siren(text: str) -> None:
    prop = ASSISTANT.understand(text)
    assert prop.refusal is not None and not prop.commands, prop.commands


@pytest.mark.parametrize("text", ["让院子里的人赶紧离开", "通知院子里的人疏散", "快叫院子里的工人撤出"])
def test_an_evacuation_still_sounds_the_siren(text: str) -> None:
    assert checked_commands(text) == {"siren-yard": {"active": True}}


@pytest.mark.parametrize("text", ["所有线路都关掉", "线路全部关掉", "全部线路停掉", "所有电线都关掉", "所有管道都关掉",
                                  "switch off all circuits", "turn off all the pipes"])
def test_all_of_something_the_fleet_lacks_is_refused(text: str) -> None:
    assert refusal_kind(text) == "unknown_device"


_SWITCHABLE = {"lamp-office-1": {"power": False}, "lamp-office-2": {"power": False},
               "lamp-warehouse": {"power": False}, "hvac-office": {"power": False}, "fan-line-a": {"power": False},
               "conveyor-a": {"running": False}, "conveyor-b": {"running": False},
               "pump-cooling": {"running": False}, "siren-yard": {"active": False}}


@pytest.mark.parametrize(("text", "want"), [
    ("所有产线都关掉", {"conveyor-a": {"running": False}, "conveyor-b": {"running": False}}),
    ("所有生产线都关掉", {"conveyor-a": {"running": False}, "conveyor-b": {"running": False}}),
    ("全部关掉", _SWITCHABLE), ("所有设备都关掉", _SWITCHABLE), ("把所有东西都关掉", _SWITCHABLE),
    ("everything off", _SWITCHABLE), ("所有的灯都关掉", _off(*_LAMPS)),
    ("办公室全部关掉", {**_off(*_OFFICE_LAMPS), "hvac-office": {"power": False}})])
def test_all_of_what_the_fleet_has_keeps_its_reading(text: str, want: dict) -> None:
    assert checked_commands(text) == want
