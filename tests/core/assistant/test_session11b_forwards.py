"""Session 11b (blind set 69): a forwarded or pasted message with the operator's own ask before or after it, read by
its structure (forwarded.py): the quote's numbers are never values or schedules, its state words never commands, and
a negation, condition or schedule in the operator's own words stays refused."""

from __future__ import annotations

import pytest

from console.core.assistant.forwarded import forwarded_ask
from tests.core.assistant.helpers import ASSISTANT, checked

WORKS = [
    # several lines: e-mail quoting, headers, pasted system lines
    ("FW: Line B conveyor – JAM ALM-3310 load 99.1% @ 09:14\nstop conveyor B please",
     {"conveyor-b": {"running": False}}),
    ("Re: office temp\n> it's 30.5 in here, help\nset the AC to 22 please", {"hvac-office": {"setpoint": 22.0}}),
    ("Re: Re: cold office\n> 16.9°C at my desk\nput the AC in heat mode and set it to 23",
     {"hvac-office": {"mode": "heat", "setpoint": 23.0}}),
    ("FW: siren\n---\nFrom: gate house\nSubject: yard siren going since 03:40, false alarm\n\nsilence the yard siren",
     {"siren-yard": {"active": False}}),
    ("EVT 2025-01-02 06:10:44 CONV-A SPD 30rpm LOAD 40%\nrun conveyor A at 70 rpm",
     {"conveyor-a": {"running": True, "speed": 70.0}}),
    ("[BMS] PUMP-CW-01 FLOW LOW 9.8 L/min ALM 5512\nset cooling pump flow to 30", {"pump-cooling": {"flow": 30.0}}),
    ("SCADA: CONV-B RUN SPD 110 rpm LOAD 91% ALM-HI\ndrop conveyor B to 65 rpm", {"conveyor-b": {"speed": 65.0}}),
    ("FW: line A\n> shutting A for cleaning, 14:00\nstop the coolant now", {"pump-cooling": {"running": False}}),
    ("【告警】15:05 B线传送带 过载 负载97% 告警码E-3310\n先把B线传送带停了", {"conveyor-b": {"running": False}}),
    ("转发：办公室太冷了，现在17.2度\n把空调调到25度", {"hvac-office": {"setpoint": 25.0}}),
    ("【门禁】大门锁 23:40 未上锁\n把大门锁上", {"lock-main-door": {"locked": True}}),
    ("Re: 台灯太暗\n台灯调到70%", {"lamp-office-2": {"level": 70.0}}),
    # the own words point back: the quote's one device (in its place where the own words name a kind)
    ("FW: WH-HUM-01 80%\n> it's dark as night in the warehouse, nobody can see\nlight it up pls",
     {"lamp-warehouse": {"power": True}}),
    # one line: a message head, a quote or a system text, then the ask
    ("SMS from Ann: 'blinds stuck?' — close the office blinds", {"blinds-office": {"position": 0.0}}),
    ("Teams msg from Raj: 'desk lamp is blinding me' — dim the desk lamp to 20%", {"lamp-office-2": {"level": 20.0}}),
    ("email subj: 'Main door open after hours (event 9912)' -> lock the main entrance",
     {"lock-main-door": {"locked": True}}),
    ("pager 0815: WH-FLOOD-01 LAMP FAULT CLEARED. switch the warehouse floodlight on",
     {"lamp-warehouse": {"power": True}}),
    ("SMS 06:55 from guard: 'floodlight still on in WH'. turn the warehouse floodlight off",
     {"lamp-warehouse": {"power": False}}),
    ("pager: BMS-ERR 0x2A HVAC-OFF1 comms back. turn the office AC back on", {"hvac-office": {"power": True}}),
    ("FW: 'line A belt slipping at 95rpm' — conveyor A speed 60", {"conveyor-a": {"speed": 60.0}}),
    # an ask, then a forward
    ("both conveyors, stop them. FW from QA: 'hold everything, batch 3310 bad'",
     {"conveyor-a": {"running": False}, "conveyor-b": {"running": False}}),
    ("office heating mode, setpoint 24 — FW from Jo: 'freezing in here, 16.4'",
     {"hvac-office": {"mode": "heat", "setpoint": 24.0}}),
    ("冷却水泵流量降到25，转发：流量47太大了", {"pump-cooling": {"flow": 25.0}}),
    # only the forwarded instruction: the instruction itself
    ("forwarded from planning: 'stop both conveyors, order 5120 on hold'",
     {"conveyor-a": {"running": False}, "conveyor-b": {"running": False}}),
    # "turn X back on" is the switch, not a relative change
    ("turn the desk lamp back on", {"lamp-office-2": {"power": True}}),
]


@pytest.mark.parametrize("text,want", WORKS)
def test_forwarded_messages_read_the_operators_own_words(text: str, want: dict) -> None:
    assert checked(ASSISTANT.understand(text)) == want


HARMS = [
    "FW: AC\n> can we get it colder\nset the AC to 12 degrees",                 # out of range in the own words
    "Re: line B\n> pls run conveyor B at 7am tomorrow\ncan you set that up",    # the quote's schedule is no ask
    "FW: pump\n> what's the cooling pump flow right now?",                      # a question, only content
    "pager: DOOR-MAIN HELD OPEN ALM. don't lock the main door, delivery in progress",  # negation in own words
    "email: 'canteen lights left on again' — turn off the canteen lights",       # a device the fleet lacks
    "FW: 'cold in the server room' — heat it up",                               # points back at an absent place
    "FW: 'the boiler in the basement is rattling' — shut it off",
    "in 5 minutes stop line B, FW from lead: 'break time'",                     # schedule in own words
    "别关冷却水泵！转发：B线还在降温",                                            # negation in own words
    "转发：明早七点启动B线传送带\n帮忙设一下",
    "转发：如果冷却水流量低于10就启动备用\n照这个办",                              # a forwarded condition
    "【告警】A线温度35℃\nA线现在温度多少？",
    "转发：厨房的灯一直亮着\n把厨房的灯关了",
    "FW: 'set the steam valve to 80%' — noted",                                 # the quote's command is no ask
    "FW: 'steam valve to 80%'\nok",
    "turn the fan back down",                                                   # still relative
]


@pytest.mark.parametrize("text", HARMS)
def test_forwarded_messages_never_add_a_change(text: str) -> None:
    prop = ASSISTANT.understand(text)
    assert prop.refusal is not None and not prop.commands, (text, prop.commands)


@pytest.mark.parametrize("text,own", [
    ("FW: x\n> CONV-A LOAD 97%\nstop conveyor A", "stop conveyor A"),
    ("SMS from Dave: 'hi' — close the office blinds", "close the office blinds"),
    ("both conveyors, stop them. FW from QA: 'hold'", "both conveyors, stop them"),
    ("转发：A线太吵\n把A线排风扇调到低速", "把A线排风扇调到低速"),
])
def test_the_own_words_are_split_off(text: str, own: str) -> None:
    assert forwarded_ask(ASSISTANT, text) == own


@pytest.mark.parametrize("text", [
    "stop conveyor A",                       # no message structure: read as before
    "turn on the desk lamp\nand set the AC to 22",
    "set the AC to 22, it's 29 in here",
])
def test_plain_asks_have_no_forward(text: str) -> None:
    assert forwarded_ask(ASSISTANT, text) is None


@pytest.mark.parametrize("text,want", [
    ("alarm: pulse", {"siren-yard": {"pattern": "pulse"}}),       # a device word as a heading, no message head
    ("ALARM OFF", {"siren-yard": {"active": False}}),
    ("STOP CONVEYOR A NOW\nthanks", {"conveyor-a": {"running": False}}),  # a shouted own line is no system line
    ("turn on the desk lamp", {"lamp-office-2": {"power": True}}),
])
def test_nearby_asks_keep_their_meaning(text: str, want: dict) -> None:
    assert checked(ASSISTANT.understand(text)) == want
