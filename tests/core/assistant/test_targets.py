"""Which devices: all of them when the utterance says so, one by name or by the model, else a
refusal naming the candidates (targets.py)."""

from __future__ import annotations

from console.core.assistant.proposal import AMBIGUOUS
from tests.core.assistant.helpers import FLEET, PARSER, cmds, rows


def test_ties_set_reaches_the_tie_break():
    """Every utterance of tests/data/ties.jsonl (bench/intents.py --model) must be a tie for the rules."""
    for row in rows("ties.jsonl"):
        prop = PARSER.parse(row["text"])
        assert prop.refusal is not None and prop.refusal.kind == AMBIGUOUS, row["text"]
        assert FLEET.by_id()[row["expect"]].name in prop.refusal.reason


def test_several_matching_devices_need_all_or_a_name():
    prop = PARSER.parse("turn on the office lamp")
    assert prop.refusal is not None and prop.refusal.kind == AMBIGUOUS
    assert "Office ceiling lamp" in prop.refusal.reason and "Office desk lamp" in prop.refusal.reason
    assert sorted(cmds("turn on both office lamps")) == [("lamp-office-1", {"power": True}),
                                                         ("lamp-office-2", {"power": True})]


def test_devices_in_general_by_zone_or_fleet():
    assert cmds("关闭A线所有设备") == [("fan-line-a", {"power": False}), ("conveyor-a", {"running": False})]
    everything = dict(cmds("turn off all devices"))
    assert everything["conveyor-b"] == {"running": False} and everything["siren-yard"] == {"active": False}
    # on/off for devices in general switches things off: it closes no valve or blinds
    assert "valve-steam" not in everything and "blinds-office" not in everything
    assert cmds("close everything in the office") == [("blinds-office", {"position": 0})]


def test_a_kind_word_that_names_the_same_device_adds_no_device():
    assert cmds("set the lamp level to max on the desk lamp") == [("lamp-office-2", {"level": 100})]
    assert cmds("turn on the desk lamp and all other lamps") == [
        ("lamp-office-2", {"power": True}), ("lamp-office-1", {"power": True}), ("lamp-warehouse", {"power": True})]


def test_one_of_several_is_one_device():
    prop = PARSER.parse("turn on one of the lamps")  # a plural noun, but one device: which?
    assert prop.refusal is not None and prop.refusal.kind == AMBIGUOUS


def test_plural_group_skips_devices_that_cannot_take_the_change():
    # the warehouse floodlight has no dimmer: "all lights to 40 %" dims the two that have one
    assert sorted(cmds("set all lights to 40%")) == [("lamp-office-1", {"level": 40}),
                                                     ("lamp-office-2", {"level": 40})]


def test_multi_device_commands_carry_their_own_risk():
    prop = PARSER.parse("stop both conveyors")
    assert [c.device_id for c in prop.commands] == ["conveyor-a", "conveyor-b"]
    assert all(c.high_risk for c in prop.commands) and prop.needs_extra_confirmation
    low = PARSER.parse("turn off all office lights")
    assert not low.needs_extra_confirmation and len(low.commands) == 2
