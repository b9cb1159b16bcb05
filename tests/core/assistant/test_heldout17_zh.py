"""Misses of the blind held-out 17 set (bench/intents_heldout17.jsonl) fixed as classes, Chinese first.

- lamp words the catalog lacked (吸顶灯, 天花板灯, 主灯 → the ceiling lamp; 投光灯 → the floodlight; 照明灯, 灯具 → any
  lamp), in resources/fleets/demo-aliases.json; 大灯 stays ambiguous (the office's or the warehouse's);
- 调低到/调高到/降到/升到 + a named level (低档, 中速, 高速档) is that target, as "turn it down to low" is;
- 调到/调成/设为 + a value is the value only, also after a kind's verb-noun (A线换气调到中档风速);
- a negated purpose or situation clause beside a command (别让院子里那么吵了，关掉警报; 办公室不需要制冷或制热了，
  关掉温控; "don't let the yard be so noisy, turn off the siren") is the command (negated_reasons.py); a negation
  that governs the command itself stays refused (别关掉警报, 不需要关掉温控, "don't turn off the siren");
- a place + 全部 + a way, then a colon list (二号线全部停掉：输送、冷却水、蒸汽都关): each item goes that way
  (colon_lists_zh.py), the valve included;
- a verb only a siren does (响起来, 响一下, 鸣响) + a purpose (提醒…撤离) names the siren (siren_verbs.py);
- safety: in a fleet without the floodlight, "warehouse floodlight on" had sounded the yard siren (the rest of the
  warehouse): a device word of a device the fleet lacks is refused as an unknown device (absent_devices.py).
"""

from __future__ import annotations

import json

import pytest

from console.core.assistant.aliases import default_aliases
from console.core.assistant.colon_lists_zh import distribute_zh
from console.core.assistant.layers import Assistant
from console.core.assistant.negated_reasons import without_negated_reason
from console.core.assistant.phrases import normalize
from console.core.fleet.catalog import default_fleet_path, load_fleet
from tests.core.assistant.helpers import proposed as got
from tests.core.assistant.helpers import refused

FLEET = load_fleet()
DEMO = Assistant(FLEET, default_aliases())



@pytest.mark.parametrize(("text", "want"), [
    ("关掉办公室的吸顶灯和台灯", {"lamp-office-1": {"power": False}, "lamp-office-2": {"power": False}}),
    ("把吸顶灯打开", {"lamp-office-1": {"power": True}}),
    ("关掉办公室的主灯", {"lamp-office-1": {"power": False}}),
    ("打开天花板灯", {"lamp-office-1": {"power": True}}),
    ("把吸顶灯调到百分之五十", {"lamp-office-1": {"level": 50}}),
    ("打开仓库的投光灯", {"lamp-warehouse": {"power": True}}),
    ("把办公室照明灯都关了", {"lamp-office-1": {"power": False}, "lamp-office-2": {"power": False}}),
])
def test_lamp_words(text, want):
    assert got(text) == want


def test_big_light_stays_a_question():
    prop = DEMO.understand("关掉大灯")
    assert prop.refusal is not None and prop.refusal.kind == "ambiguous" and not prop.commands


@pytest.mark.parametrize(("text", "speed"), [
    ("A线排风扇风速调低到低档", "low"),
    ("排风扇调高到高档", "high"),
    ("排风扇风速降到中速", "medium"),
    ("把排风扇升到高速档", "high"),
    ("lower the exhaust fan to low", "low"),
])
def test_moved_to_a_named_level_is_the_level(text, speed):
    assert got(text) == {"fan-line-a": {"speed": speed}}


@pytest.mark.parametrize("text", ["排风扇调低", "排风扇调高一点", "turn the exhaust fan down"])
def test_relative_without_target_still_refused(text):
    assert refused(text)


@pytest.mark.parametrize(("text", "speed"), [
    ("A线换气调到中档风速", "medium"),
    ("A线换气调成高档", "high"),
    ("一号线换气设为低档", "low"),
    ("A线通风调到中档", "medium"),
    ("set the line a ventilation to high", "high"),
])
def test_set_verb_with_a_value_is_the_value_only(text, speed):
    assert got(text) == {"fan-line-a": {"speed": speed}}


@pytest.mark.parametrize("text", ["ventilate line a at high speed", "给A线换换气，开到中档", "A线排风扇开到中档"])
def test_start_verbs_with_a_level_still_switch_on(text):
    assert got(text)["fan-line-a"]["power"] is True


@pytest.mark.parametrize(("text", "want"), [
    ("别让院子里那么吵了，关掉警报", {"siren-yard": {"active": False}}),
    ("关掉警报，别让院子里那么吵了", {"siren-yard": {"active": False}}),
    ("办公室不需要制冷或制热了，关掉温控", {"hvac-office": {"power": False}}),
    ("办公室不用制冷了，把空调关掉", {"hvac-office": {"power": False}}),
    ("don't let the yard be so noisy, turn off the siren", {"siren-yard": {"active": False}}),
    ("the office doesn't need heating or cooling any more, switch the AC off", {"hvac-office": {"power": False}}),
])
def test_negated_reason_then_command_is_the_command(text, want):
    assert got(text) == want


@pytest.mark.parametrize("text", [
    "别关掉警报", "不需要关掉温控", "不要关掉警报", "别让警报响了，关掉警报", "不用开空调了，关掉温控",
    "别让院子里那么吵了，别关掉警报", "仓库不需要那么亮了，关掉灯",
    "don't turn off the siren", "do not switch the AC off", "don't turn off the siren, it's loud",
])
def test_negation_of_the_command_stays_refused(text):
    assert refused(text)


@pytest.mark.parametrize(("text", "rest"), [
    ("别让院子里那么吵了，关掉警报", "关掉警报"),
    ("办公室不需要制冷或制热了，关掉温控", "关掉温控"),
    ("don't let the yard be so noisy, turn off the siren", "turn off the siren"),
    ("别关掉警报", None),
    ("不需要关掉温控", None),
    ("don't turn off the siren", None),
    ("别让警报响了，关掉警报", None),
])
def test_reason_clause_split(text, rest):
    assert without_negated_reason(normalize(text)) == rest


@pytest.fixture(scope="module")
def no_floodlight(tmp_path_factory):
    raw = json.loads(default_fleet_path().read_text(encoding="utf-8"))
    raw["devices"] = [d for d in raw["devices"] if d["id"] != "lamp-warehouse"]
    path = tmp_path_factory.mktemp("fleet") / "no-floodlight.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    return Assistant(load_fleet(path), default_aliases())


@pytest.mark.parametrize("text", [
    "warehouse floodlight on", "warehouse flood on", "turn on the warehouse floodlight", "floodlight on",
    "switch the flood light on in the warehouse", "打开仓库探照灯", "仓库的投光灯打开", "仓库泛光灯开一下",
])
def test_absent_device_word_is_refused_never_the_zone(no_floodlight, text):
    prop = no_floodlight.understand(text)
    assert not prop.commands, (text, prop.commands)
    assert prop.refusal is not None and prop.refusal.kind == "unknown_device"


@pytest.mark.parametrize(("text", "want"), [
    ("warehouse siren on", {"siren-yard": {"active": True}}),
    ("turn on the desk lamp", {"lamp-office-2": {"power": True}}),
    ("打开办公室吸顶灯", {"lamp-office-1": {"power": True}}),
])
def test_present_devices_still_read_without_the_floodlight(no_floodlight, text, want):
    prop = no_floodlight.understand(text)
    assert prop.refusal is None, prop.refusal
    assert {c.device_id: dict(c.params) for c in prop.commands} == want


def test_full_demo_fleet_has_no_absent_device_words():
    assert DEMO.absent_devices == {}


LINE_B_OFF = {"conveyor-b": {"running": False}, "pump-cooling": {"running": False}, "valve-steam": {"open": 0}}


@pytest.mark.parametrize("text", [
    "二号线全部停掉：输送、冷却水、蒸汽都关",
    "二号线全部关掉：传送带、水泵和蒸汽阀",
    "B线所有设备都关了：传送带、冷却水、蒸汽",
    "二号线全部停掉：输送、冷却水和蒸汽",
    "Everything on line B off: product, coolant and steam.",
])
def test_heading_way_goes_to_every_listed_item(text):
    assert got(text) == LINE_B_OFF


def test_heading_on_list():
    assert got("一号线全部打开：传送带、排风") == {"conveyor-a": {"running": True}, "fan-line-a": {"power": True}}


@pytest.mark.parametrize("text", [
    "二号线全部停掉：输送、冷却水、蒸汽都打开",  # heading and tail disagree: never distributed
    "二号线全部停掉：输送、冷却水调到20",  # an item with its own verb and number
    "办公室：灯、空调都关",  # no 全部 heading
])
def test_list_left_alone(text):
    from console.core.assistant.phrases import normalize as norm
    assert distribute_zh(norm(text)) == norm(text)


def test_disagreeing_heading_and_tail_never_open_anything():
    prop = DEMO.understand("二号线全部停掉：输送、冷却水、蒸汽都打开")
    assert not any(c.params.get("open") or c.params.get("running") for c in prop.commands)


@pytest.mark.parametrize("text", [
    "响起来提醒院子里的人撤离", "响一下提醒大家撤离", "鸣响，通知仓库的人", "响起来，提醒院子里的人撤离",
])
def test_siren_only_verb_with_purpose_is_the_siren(text):
    assert got(text) == {"siren-yard": {"active": True}}


@pytest.mark.parametrize(("text", "want"), [
    ("警报器响起来，用脉冲模式", {"siren-yard": {"active": True, "pattern": "pulse"}}),
    ("院子里响起警报提醒大家，用持续音", {"siren-yard": {"active": True, "pattern": "steady"}}),
])
def test_siren_named_asks_unchanged(text, want):
    assert got(text) == want


def test_negated_siren_verb_stays_refused():
    assert refused("别响起来提醒大家")
