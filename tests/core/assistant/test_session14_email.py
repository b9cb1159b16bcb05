"""Session 14, blind set 93 (e-mail threads): a reply that only approves ONE quoted ask is that ask
(mail_replies.py, adopted.py's reply assent); every refusal of the quoted words still holds."""

from __future__ import annotations

import pytest

from console.core.assistant.adopted import adoption_only
from console.core.assistant.mail_replies import approved_quote
from tests.core.assistant.helpers import refused, understood

APPROVED = [
    ("Re: AC settings\n> set the AC to cool, 23 degrees\nagreed, do it",
     {"hvac-office": {"mode": "cool", "setpoint": 23.0}}),
    ("> Could you turn the yard siren on with the wail pattern for the drill?\nyes, do that",
     {"siren-yard": {"active": True, "pattern": "wail"}}),
    ("> 空调改成制冷模式\n照这个改", {"hvac-office": {"mode": "cool"}}),
    ("按邮件说的办：\n> 把空调温度设为26度\n谢谢", {"hvac-office": {"setpoint": 26.0}}),
    ("> 二号传送带速度调到70转\n同意，照做", {"conveyor-b": {"speed": 70.0}}),
    ("> 百叶窗开一半就行\n按邮件说的办", {"blinds-office": {"position": 50.0}}),
    ("FW: yard\n> switch the warehouse floodlight off\n+1, go ahead", {"lamp-warehouse": {"power": False}}),
    ("> stop conveyor A\napproved - proceed", {"conveyor-a": {"running": False}}),
]


@pytest.mark.parametrize("text,want", APPROVED)
def test_an_approved_quote_is_the_ask(text, want):
    assert understood(text) == want


STILL_REFUSED = [
    "> don't stop conveyor A\nagreed, do it",  # the quote's negation
    "> set the AC to 22 at 6pm\nyes, do that",  # its schedule
    "> 如果太热就开空调\n同意，照做",  # its condition
    "> set the AC to 22\nagreed",  # assent alone adopts nothing
    "> set the AC to 22\n> and the fan on\nyes do that",  # a thread of two quoted lines: which?
    "> is the pump running?\nyes, do that",  # a question adopted is still a question
    "> turn on the kitchen lights\nagreed, do it",  # a place the fleet lacks
    "> set the AC to 22\nno, don't do it",  # refusal of the quote
]


@pytest.mark.parametrize("text", STILL_REFUSED)
def test_the_quote_keeps_its_refusals(text):
    assert refused(text)


@pytest.mark.parametrize("own,adopts", [
    ("agreed, do it", True), ("yes, do that", True), ("+1, do it", True), ("Go ahead and set it.", True),
    ("同意，照做", True), ("照这个改", True), ("按邮件说的办，谢谢", True),
    ("agreed", False), ("yes", False), ("+1", False), ("同意", False), ("谢谢", False), ("no, do it", False),
    ("agreed, but at 20", False),
])
def test_reply_assent_is_adoption_only_with_an_adoption_word(own, adopts):
    assert adoption_only(own) is adopts


def test_own_words_that_add_anything_are_not_an_approval():
    assert approved_quote("> set the AC to 22\nagreed, but make it 20") is None
    assert approved_quote("> set the AC to 22\nagreed, do it") == "set the AC to 22"
    assert approved_quote("set the AC to 22, agreed, do it") is None  # one line: no quote


# --- mail_frames_en.py: a mail's or a ticket's frame around an English ask ------------------------------------------
@pytest.mark.parametrize("text,want", [
    ("Hi team, per Mark's email: turn on the warehouse floodlight. Thanks, Jen", {"lamp-warehouse": {"power": True}}),
    ("Request from Tom (reception): unlock the main entrance lock, courier is waiting at the door.",
     {"lock-main-door": {"locked": False}}),
    ("Office ceiling lamp 50% pls. From helpdesk ticket: 'ceiling light too harsh'", {"lamp-office-1": {"level": 50.0}}),
    ("Re: pump - stop the cooling pump, maintenance on the heat exchanger", {"pump-cooling": {"running": False}}),
    ("Jim asked by email to turn the office air conditioner on and set it to 21. Go ahead.",
     {"hvac-office": {"power": True, "setpoint": 21.0}}),
    ("line B production speed to 100 rpm per the weekly plan email", {"conveyor-b": {"speed": 100.0}}),
    ("Shipping says the parcels on line B are moving too slow. Line B speed to 85 rpm.", {"conveyor-b": {"speed": 85.0}}),
    ("Hello all, switch the desk lamp off. Cheers, Ana Li", {"lamp-office-2": {"power": False}}),
])
def test_a_mail_frame_is_no_part_of_the_ask(text, want):
    assert understood(text) == want


@pytest.mark.parametrize("text", [
    "Hi team, don't turn on the floodlight. Thanks, Jen",  # the ask's own negation
    "Jim asked by email to turn the AC on at 6pm. Go ahead.",  # its schedule
    "Jim asked to not turn on the AC",
    "Shipping says line B is too slow. Do not change line B speed.",
    "line B speed to 100 rpm per the email tomorrow",  # a day
    "Request from Tom (reception): unlock the kitchen door",  # a place the fleet lacks
    "Thanks, Jen",  # the frame alone
    "start the cooling pump, maintenance on the heat exchanger",  # a work note only beside a stop
    # a negation in the part a frame would take out keeps the ask refused (it had started conveyor B)
    "no one asked to start conveyor b",
    "nobody asked to open the steam valve",
    "Shipping says don't change line B. Line B speed to 85 rpm.",
    "Courier says he can't get into the building, let him in",
])
def test_a_mail_frame_keeps_the_asks_refusals(text):
    assert refused(text)


@pytest.mark.parametrize("text,want", [
    ("> we need the Line A conveyor at max speed to clear the backlog\n+1, run line A conveyor at max",
     {"conveyor-a": {"running": True, "speed": 120.0}}),
    ("> Set the office AC to 19, it's roasting in here\nThat's way too cold for everyone else. Set the AC to 22 instead.",
     {"hvac-office": {"setpoint": 22.0}}),
    ("Ignore the earlier mail about 18 degrees. Office temperature to 23, please.", {"hvac-office": {"setpoint": 23.0}}),
    ("Set the AC to 22 instead.", {"hvac-office": {"setpoint": 22.0}}),
])
def test_a_replys_words_are_no_part_of_the_ask(text, want):
    assert understood(text) == want


@pytest.mark.parametrize("text", [
    "+1",
    "+1, set the AC to 22 at 6pm",
    "That's too cold. Don't set the AC to 22 instead.",
    "Ignore the earlier mail. Do not start conveyor A.",
])
def test_a_replys_words_keep_the_asks_refusals(text):
    assert refused(text)


def test_a_monitoring_alert_head_is_a_source():
    """'Monitoring alert: …' is a pasted source like 'BMS alert:': its reading '0 L/min' is never the ask's value."""
    assert understood("Monitoring alert: coolant flow 0 L/min on line B. Get the coolant flowing again.") == {
        "pump-cooling": {"running": True}}


@pytest.mark.parametrize("text", [
    "BMS alert: coolant flow 0 L/min",  # had set the pump's flow to 0
    "HMI: coolant flow 0 L/min on line B.",
    "Monitoring alert: coolant flow 0 L/min on line B.",
    "HMI alarm: conveyor B speed 0 rpm",  # had set conveyor B's speed to 0
])
def test_a_machines_reading_pasted_alone_asks_nothing(text):
    assert refused(text)


@pytest.mark.parametrize("text,want", [
    ("ticket: set the AC to 22", {"hvac-office": {"setpoint": 22.0}}),  # a person's ticket with a verb
    ("HMI: set conveyor B to 40 rpm", {"conveyor-b": {"speed": 40.0}}),  # an ask verb under a machine head
    ("HMI: coolant flow 0 L/min, restart the pump", {"pump-cooling": {"running": True}}),  # the ask after it
    ("ticket: conveyor B speed 40 rpm", {"conveyor-b": {"speed": 40.0}}),  # a person's terse ask
])
def test_asks_under_a_head_still_read(text, want):
    assert understood(text) == want
