"""Session 8, reasons: a person let in, a negated need as the reason for an off command, a report of a device's
state beside a command about it, and a trailing remark on what is hard to see (blind sets 26/27).

A person let in (any person noun or pronoun, 让/放…进来, "let in …", "… at the front", "<person> can't get in, let
her in") is the entrance unlocked (people.py), never anything else, and nothing in a fleet without a lock; a negated
need beside an off command is its reason (its need is what "it" / 关了吧 turns off), never beside an on command
(negated_reasons.py); "the floodlight is still on, switch it off" is the command alone (state_reports.py); "…, the
screen is hard to read" adds nothing (lead_reasons.py)."""

from __future__ import annotations

import json

import pytest

from console.core.assistant.aliases import default_aliases
from console.core.assistant.layers import Assistant
from console.core.assistant.negated_reasons import without_negated_reason
from console.core.assistant.people import let_person_in
from console.core.assistant.phrases import normalize
from console.core.assistant.state_reports import command_for_report, mask_state_reports
from console.core.fleet.catalog import default_fleet_path, load_fleet
from tests.core.assistant.helpers import ASSISTANT, checked_commands, refused

_UNLOCK = {"lock-main-door": {"locked": False}}
_AC_OFF = {"hvac-office": {"power": False}}
_FAN_OFF = {"fan-line-a": {"power": False}}
_FLOOD_OFF = {"lamp-warehouse": {"power": False}}


@pytest.fixture(scope="module")
def no_lock(tmp_path_factory) -> Assistant:
    raw = json.loads(default_fleet_path().read_text(encoding="utf-8"))
    raw["devices"] = [d for d in raw["devices"] if d["kind"] != "lock"]
    path = tmp_path_factory.mktemp("fleet") / "no-lock.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    return Assistant(load_fleet(path), default_aliases())


# -- 1. a person let in: the entrance unlocked --------------------------------------------------------------------------
_WHO_EN = ("the courier", "the delivery guy", "the delivery driver", "the visitor", "the guests", "the auditor",
           "the inspector", "the contractor", "our new cleaner", "her", "him", "them")
_NOUNS_EN = tuple(w for w in _WHO_EN if w.startswith(("the", "our")))
_WAYS_EN = ("let {} in", "please let {} in", "could you let {} in?", "let {} in at the front", "let {} in, thanks",
            "let {} in through the front")
_WHO_ZH = ("快递员", "访客", "客人", "审核员", "维修师傅", "快递小哥", "工人们", "他", "她", "他们")
_WAYS_ZH = ("让{}进来", "放{}进来吧", "请让{}进来", "把{}放进来", "让{}进门", "赶紧让{}进来")
_ARRIVED = ("快递到了，让他进来", "客人到了让他们进来", "快递到了让他进来", "审核员进不来了，让她进来", "访客来了，放他们进来",
            "The auditor can't get in, could you let her in?", "the inspector cannot get in, let him in",
            "the courier is locked out, let him in", "the visitors can't get in - let them in please",
            "let the delivery driver in at the front", "let in the courier", "please let in the auditor")


@pytest.mark.parametrize("who", _WHO_EN)
@pytest.mark.parametrize("way", _WAYS_EN)
def test_a_person_let_in_unlocks_the_entrance_en(way: str, who: str) -> None:
    assert checked_commands(way.format(who)) == _UNLOCK


@pytest.mark.parametrize("who", _NOUNS_EN)
def test_let_in_before_the_person_unlocks_the_entrance(who: str) -> None:
    assert checked_commands(f"let in {who}") == _UNLOCK


@pytest.mark.parametrize("who", _WHO_ZH)
@pytest.mark.parametrize("way", _WAYS_ZH)
def test_a_person_let_in_unlocks_the_entrance_zh(way: str, who: str) -> None:
    assert checked_commands(way.format(who)) == _UNLOCK


@pytest.mark.parametrize("text", _ARRIVED)
def test_arrival_or_locked_out_then_let_in_unlocks(text: str) -> None:
    assert checked_commands(text) == _UNLOCK


@pytest.mark.parametrize("text", _ARRIVED + ("让他进来", "放客人进来", "let the courier in", "let her in at the front"))
def test_a_fleet_without_a_lock_gets_nothing_for_a_person_let_in(no_lock: Assistant, text: str) -> None:
    prop = no_lock.understand(text)
    assert prop.refusal is not None and not prop.commands, (text, prop.commands)


@pytest.mark.parametrize("text", [
    "别让外人进来", "不要让他进来", "别放他们进来", "不让客人进来", "don't let anyone in", "don't let her in",
    "never let the courier in", "the auditor can't get in, don't let her in", "审核员进不来了，别让她进来",
    "客人到了，别让他们进来", "let him in at the back"])
def test_negated_or_elsewhere_let_in_stays_refused(text: str) -> None:
    assert refused(text)


@pytest.mark.parametrize(("text", "want"), [
    ("把楼锁好，别让外人进来", {"lock-main-door": {"locked": True}}),
    ("lock up, don't let anyone in", {"lock-main-door": {"locked": True}}),
    ("let them out", _UNLOCK), ("放他们出去", _UNLOCK),
    ("let the light in", {"blinds-office": {"position": 100.0}}),
    ("让阳光进来", {"blinds-office": {"position": 100.0}})])
def test_nearby_asks_keep_their_meaning(text: str, want: dict) -> None:
    assert checked_commands(text) == want


@pytest.mark.parametrize("text", ["让阳光进来", "让光线进来", "让它们进来", "让他进不来", "let in the light", "let the dog in",
                                  "the auditor can't get in", "别让外人进来"])
def test_what_is_no_person_let_in_is_not_rewritten(text: str) -> None:
    norm = normalize(text)
    assert let_person_in(norm) == norm


# -- 2. a negated need is the reason for an off command -----------------------------------------------------------------
@pytest.mark.parametrize(("text", "want"), [
    ("Nobody is in the office anymore, so the office doesn't need heating or cooling, please switch it off.", _AC_OFF),
    ("办公室不用制冷了 关掉吧", _AC_OFF), ("一号线不用通风了关了吧", _FAN_OFF),
    ("the office doesn't need cooling anymore, switch it off", _AC_OFF),
    ("line a doesn't need ventilation anymore, turn it off", _FAN_OFF),
    ("the warehouse doesn't need light anymore, switch it off", _FLOOD_OFF),
    ("no need for heating, turn off the AC", _AC_OFF), ("仓库不需要照明了，关了吧", _FLOOD_OFF),
    ("办公室不用制热了关掉空调", _AC_OFF), ("一号线不用排风了 关掉", _FAN_OFF)])
def test_a_negated_need_is_the_reason_for_turning_it_off(text: str, want: dict) -> None:
    assert checked_commands(text) == want


# (办公室不用制冷了，关掉吧 with a comma is negated_modes.py's: it drops the clause in phrases.normalize)
@pytest.mark.parametrize(("need", "sep", "want"), [
    ("办公室不用制冷了", "", _AC_OFF), ("办公室不用制冷了", " ", _AC_OFF), ("办公室不需要制冷了", " ", _AC_OFF),
    ("办公室不用制热了", "", _AC_OFF), ("一号线不用通风了", "", _FAN_OFF), ("一号线不用通风了", " ", _FAN_OFF),
    ("一号线不用通风了", "，", _FAN_OFF), ("一号线不需要通风了", "，", _FAN_OFF), ("一号线不需要排风了", " ", _FAN_OFF),
    ("仓库不需要照明了", "，", _FLOOD_OFF)])
@pytest.mark.parametrize("command", ["关掉吧", "关了吧", "关掉", "帮忙关掉", "那就关了吧"])
def test_negated_need_then_off_zh(need: str, sep: str, command: str, want: dict) -> None:
    assert checked_commands(need + sep + command) == want


@pytest.mark.parametrize("need", ["办公室不用制冷了", "一号线不用通风了", "办公室不需要制冷了"])
@pytest.mark.parametrize("sep", ["", " ", "，"])
@pytest.mark.parametrize("command", ["打开吧", "开了吧", "开一下", "启动吧"])
def test_negated_need_then_on_is_refused_zh(need: str, sep: str, command: str) -> None:
    assert refused(need + sep + command)


@pytest.mark.parametrize("need", ["the office doesn't need cooling anymore", "so the office doesn't need heating or cooling",
                                  "we don't need the fan on line a", "the warehouse doesn't need light anymore",
                                  "no need for the fan", "no need for the lights"])
@pytest.mark.parametrize("command", ["turn it on", "please switch it on", "switch the AC on", "turn on the lights",
                                     "start the fan"])
def test_negated_need_then_on_is_refused_en(need: str, command: str) -> None:
    assert refused(f"{need}, {command}")
    assert refused(f"{command}, {need}")


@pytest.mark.parametrize("text", [
    "不用关掉", "不用关掉空调", "办公室不用关空调了", "不需要关掉温控", "办公室不用制冷了，别关", "办公室空调不用关了，关掉吧",
    "no need to switch it off", "don't switch it off", "the office doesn't need cooling, don't switch it off",
    "no need to turn off the AC, the office is hot"])
def test_a_negated_command_stays_refused(text: str) -> None:
    assert refused(text)


@pytest.mark.parametrize(("text", "rest"), [
    ("办公室不用制冷了 关掉吧", "关掉吧"), ("一号线不用通风了关了吧", "关了吧"),
    ("nobody is in the office anymore, so the office does not need heating or cooling, please switch it off.",
     "nobody is in the office anymore, please switch it off."),
    ("不用关掉", None), ("一号线不用通风了开了吧", None)])
def test_need_clause_split(text: str, rest: str | None) -> None:
    assert without_negated_reason(normalize(text)) == rest


# -- 3. a report of the state beside a command; a remark on what is hard to see -----------------------------------------
@pytest.mark.parametrize("report", ["The warehouse floodlight is still on", "the warehouse floodlight's still on",
                                    "the warehouse floodlight is on", "the warehouse floodlight is on again"])
@pytest.mark.parametrize("command", ["can someone switch it off please?", "switch it off", "turn it off please",
                                     "could you turn off the warehouse floodlight?"])
def test_a_report_then_the_opposite_command(report: str, command: str) -> None:
    assert checked_commands(f"{report}, {command}") == _FLOOD_OFF


@pytest.mark.parametrize(("text", "want"), [
    ("the warehouse floodlight is off, switch it on", {"lamp-warehouse": {"power": True}}),
    ("the warehouse floodlight is still off, switch it on please", {"lamp-warehouse": {"power": True}}),
    ("the warehouse floodlight is still on, switch it on", {"lamp-warehouse": {"power": True}}),
    ("the warehouse floodlight is off, switch it off", _FLOOD_OFF),
    ("the steam valve is still open, close it", {"valve-steam": {"open": 0.0}}),
    ("the line a conveyor is still running, stop it", {"conveyor-a": {"running": False}}),
    ("the siren is still sounding, silence it", {"siren-yard": {"active": False}}),
    ("the office blinds are still open, close them", {"blinds-office": {"position": 0.0}}),
    ("仓库的灯还开着，关掉吧", _FLOOD_OFF), ("仓库的灯还开着，把它关掉", _FLOOD_OFF),
    ("警报还在响，关掉吧", {"siren-yard": {"active": False}}), ("二号线传送带还在转，停掉吧", {"conveyor-b": {"running": False}})])
def test_a_report_beside_a_command_is_the_command(text: str, want: dict) -> None:
    assert checked_commands(text) == want


@pytest.mark.parametrize(("text", "wrong"), [
    ("the warehouse floodlight is still on, switch it off", "switch the warehouse floodlight on"),
    ("the warehouse floodlight is off, switch it on", "switch the warehouse floodlight off"),
    ("仓库的灯还开着，关掉吧", "打开仓库的灯")])
def test_the_command_still_binds_its_way(text: str, wrong: str) -> None:
    prop = ASSISTANT.understand(wrong)
    assert prop.ok and prop.commands
    assert ASSISTANT.direction_problem(text, prop) is not None


@pytest.mark.parametrize("text", [
    "the warehouse floodlight is still on", "make sure the floodlight is on, and the siren off", "让门关着，打开灯",
    "the lamps are off, lock the door", "the floodlight is on, the siren is on", "if the lamp is on, switch it off"])
def test_no_report_beside_a_command_is_left_as_it_is(text: str) -> None:
    norm = normalize(text)
    assert command_for_report(norm) == norm
    assert mask_state_reports(norm) == norm


@pytest.mark.parametrize("text", ["if the floodlight is still on, switch it off", "when the floodlight is on, switch it off",
                                  "the floodlight is still on, don't switch it off", "仓库的灯还开着，别关",
                                  "the floodlight is still on, switch it off tonight"])
def test_a_report_with_a_condition_negation_or_schedule_stays_refused(text: str) -> None:
    assert refused(text)


@pytest.mark.parametrize("remark", ["the screen is hard to read", "my monitor is really hard to see",
                                    "it's hard to read in here", "the screen is so hard to read"])
@pytest.mark.parametrize(("command", "want"), [
    ("Could you close the blinds in the office", {"blinds-office": {"position": 0.0}}),
    ("turn on the desk lamp", {"lamp-office-2": {"power": True}})])
def test_a_remark_on_what_is_hard_to_see_adds_nothing(remark: str, command: str, want: dict) -> None:
    assert checked_commands(f"{command}, {remark}.") == want
    assert checked_commands(f"{remark}, {command}") == want


@pytest.mark.parametrize("text", ["the screen is hard to read", "close the blinds, the screen is hard to read at 5",
                                  "close the blinds, the screen is hard to read, if it's sunny",
                                  "don't close the blinds, the screen is hard to read"])
def test_a_remark_with_nothing_else_or_a_time_stays_refused(text: str) -> None:
    assert refused(text)
