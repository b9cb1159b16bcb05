"""Session 9, a safety engineer's blind set: a negation that only bounds or clarifies an explicit command
(bounded_negations.py).

Every ask with a negation was refused.  Now, as classes in both languages: a negated extreme beside an explicit
target (A), "not Y, X" clarifications (B), "don't touch Y, just X" (C), a pattern or a speed without a switch (D), a
device "too open" then a target the other way (E), and negations inside a reason or a past duration (F).  The negated
action is never done; a bare negation, a condition, a schedule, a double negative and a contradiction stay refused.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from console.core.assistant.bounded_negations import BOUND, KEEP, NOT, REASON, SWITCH, TOO, split
from tests.core.assistant.helpers import ASSISTANT, refused, understood

PUMP, VALVE, CONV_A, CONV_B = "pump-cooling", "valve-steam", "conveyor-a", "conveyor-b"
LOCK, SIREN, FLOOD, BLINDS = "lock-main-door", "siren-yard", "lamp-warehouse", "blinds-office"


# -- what must now be proposed ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    # A. a negated extreme or excess beside an explicit target
    ("Steam valve — don't open it fully, just 20% for now.", {VALVE: {"open": 20.0}}),
    ("uh, the valve, could you close it... not all the way, leave it at 5", {VALVE: {"open": 5.0}}),
    ("the steam, don't cut it off completely, leave 5%", {VALVE: {"open": 5.0}}),
    ("let the sun in but not fully, maybe a quarter", {BLINDS: {"position": 25.0}}),
    ("蒸汽阀别全开，开到20%就行", {VALVE: {"open": 20.0}}),
    ("阳光放进来，但别全开，四分之一", {BLINDS: {"position": 25.0}}),
    ("一号传送带别开太快，先30转", {CONV_A: {"speed": 30.0}}),
    ("pump 流量 20 L/min 就行，不用开满", {PUMP: {"flow": 20.0}}),
    ("pump, not too much, 5 L/min is plenty — just the flow, nothing else", {PUMP: {"flow": 5.0}}),
    ("the cooling water, don't stop it, just bring it down to 10", {PUMP: {"flow": 10.0}}),
    ("set conveyor B to 120 and don't go past that", {CONV_B: {"speed": 120.0}}),
    ("coolant flow to exactly 50, not a drop more", {PUMP: {"flow": 50.0}}),
    ("don't open the steam valve fully, 20%", {VALVE: {"open": 20.0}}),
    ("蒸汽阀关到10，别全关", {VALVE: {"open": 10.0}}),
    # B. which device is not meant
    ("not the valve, the pump. start the pump please", {PUMP: {"running": True}}),
    ("conveyor A, no not B, A — stop it", {CONV_A: {"running": False}}),
    ("steam to 0%. not the coolant, the steam.", {VALVE: {"open": 0.0}}),
    ("蒸汽0%，不是冷却水，是蒸汽", {VALVE: {"open": 0.0}}),
    ("stop the cartons on line A, not B", {CONV_A: {"running": False}}),
    ("circulate the coolant at 30, not the steam, the coolant", {PUMP: {"running": True, "flow": 30.0}}),
    ("boxes piling up on line B — not line A, line B — get them moving", {CONV_B: {"running": True}}),
    ("unlock it — the main door lock I mean, not the siren obviously", {LOCK: {"locked": False}}),
    ("不是水泵，是蒸汽阀，关到10", {VALVE: {"open": 10.0}}),
    ("close the blinds, not the lamps", {BLINDS: {"position": 0.0}}),
    # C. don't touch Y, just X
    ("the coolant isn't circulating, and don't touch the steam — just get the water going", {PUMP: {"running": True}}),
    ("冷却水没循环，蒸汽别动，先让水流起来", {PUMP: {"running": True}}),
    ("水泵别动，我只要把蒸汽阀关上", {VALVE: {"open": 0.0}}),
    # D. a pattern without sounding, a speed of 0 while running
    ("set the siren to wail but don't sound it, I'm only checking the pattern", {SIREN: {"pattern": "wail"}}),
    ("警报器改成wail模式，先别响", {SIREN: {"pattern": "wail"}}),
    ("set conveyor B to 0 rpm but leave it running", {CONV_B: {"speed": 0.0}}),
    ("line A product flow: speed 0 rpm, but don't switch it off", {CONV_A: {"speed": 0.0}}),
    ("二号传送带转速调到0，但别停机", {CONV_B: {"speed": 0.0}}),
    ("set the pump flow to 20 but don't start it", {PUMP: {"flow": 20.0}}),
    # E. too far one way, then a target the other way
    ("the steam valve's too open, close it to 10", {VALVE: {"open": 10.0}}),
    ("蒸汽阀开太大了，关到10", {VALVE: {"open": 10.0}}),
    ("the blinds are too open, close them to 30", {BLINDS: {"position": 30.0}}),
    # F. a negation inside a reason, a past duration
    ("warn everyone, wail, this isn't a drill", {SIREN: {"active": True, "pattern": "wail"}}),
    ("The siren's been going for five minutes, it's only a test — switch it off.", {SIREN: {"active": False}}),
    ("warehouse floodlight on, I'm going out to check the siren wiring", {FLOOD: {"power": True}}),
    ("this is not a drill, sound the siren", {SIREN: {"active": True}}),
    ("警报器已经响了五分钟了，关掉", {SIREN: {"active": False}}),
])
def test_a_bounding_or_clarifying_negation_gives_the_command(text: str, want: dict) -> None:
    assert understood(text) == want  # the gate's direction check holds on what is proposed too


# -- what must stay refused -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    # bare negations: nothing else to do
    "don't stop conveyor A", "别开灯", "never unlock the door", "don't open the valve fully", "don't sound it",
    "别全开", "not the valve", "don't touch the steam", "蒸汽别动", "水泵别动，蒸汽阀也别动", "this isn't a drill",
    # the negated action, done after all
    "steam valve — don't open it fully, just 100%", "steam valve, don't open it fully, open it fully",
    "the steam, don't cut it off completely, leave 0%", "the steam, don't cut it off completely, cut it off",
    "set the siren to wail and sound it, but don't sound it", "set the siren to wail, sound it, but don't sound it",
    "set conveyor B to 0 rpm but leave it running, and stop it",
    "set conveyor B to 0 rpm and stop it but leave it running",
    "the cooling water, don't stop it, just stop it", "the cooling water, don't stop it, switch it off",
    "蒸汽阀别全开，开到100%", "蒸汽阀别全开，全开", "二号传送带转速调到0，但别停机，停机", "警报器改成wail模式，先别响，响起来",
    "let the sun in but not fully, all the way", "let the sun in but not fully, 100%", "close the blinds, not all the way, 0%",
    "pump 流量 50 L/min，不用开满",
    # a bound with no target
    "the steam valve, don't open it fully, close it", "close the valve, not fully", "the pump, not too much, start it",
    # the device not meant, acted on; "it" that is not plain
    "not the valve, the pump. close the valve", "don't touch the steam — close the steam valve", "水泵别动，把水泵关上",
    "don't touch the pump, and close it", "conveyor a, don't stop it, set conveyor b to 0",
    "open the blinds, sorry, not the blinds, the valve", "everything on line b off: product and don't touch the steam",
    "warehouse floodlight on, I'm going out to check the siren wiring, sound it",
    # a named device the rest is not about
    "don't stop conveyor a, stop conveyor b", "don't open the steam valve fully, set the pump to 20",
    # conditions and schedules
    "steam valve, don't open it fully, just 20% when the boiler starts", "steam valve, don't open it fully, 20% tomorrow",
    "set the siren to wail but don't sound it, in ten minutes",
    "set the siren to wail but don't sound it if someone's in the yard",
    "the siren's been going for five minutes, keep it going for five more minutes",
    "the siren's been going for five minutes, turn it off at 6pm", "警报器响五分钟", "把警报器开五分钟",
    # too far one way, then further that way
    "阀门开得太小了，关到5", "the steam valve's too open, open it to 90", "the steam valve's too closed, close it to 10",
    "蒸汽阀开太大了，开到90", "the blinds are too closed, close them to 10",
    "conveyor A is running too slow, bring it down to 30 rpm",
    # double negatives: which way is not plain
    "I'm not saying the conveyor on line B shouldn't run — start it", "我不是说二号传送带不能开，开吧",
    "it's not like it isn't cold in here", "it's not that the air on line A isn't stuffy — ventilate it",
])
def test_negations_that_do_not_only_bound_stay_refused(text: str) -> None:
    assert refused(text), [(c.device_id, c.params) for c in ASSISTANT.understand(text).commands]


# -- nearby asks keep their old meaning --------------------------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("turn off the lamps, don't touch the desk lamp", {"lamp-office-1": {"power": False}, FLOOD: {"power": False}}),
    ("一号灯关掉，台灯留着", {"lamp-office-1": {"power": False}}),
    ("start conveyor b, oh wait, I mean stop it", {CONV_B: {"running": False}}),
    ("lock up, don't let anyone in", {LOCK: {"locked": True}}),
    ("警笛别响了", {SIREN: {"active": False}}),
    ("no more steam", {VALVE: {"open": 0.0}}),
    ("set conveyor a to 30, no higher", {CONV_A: {"speed": 30.0}}),
    ("the coolant's not circulating, get it going", {PUMP: {"running": True}}),
    ("the blinds are too closed, open them to 70", {BLINDS: {"position": 70.0}}),
    ("conveyor A is running too fast, bring it down to 30 rpm", {CONV_A: {"speed": 30.0}}),
    ("蒸汽阀关上，水泵别动", {VALVE: {"open": 0.0}}),
    ("the steam valve, 20%", {VALVE: {"open": 20.0}}),
    ("the smoke on line a is way too high, fan on", {"fan-line-a": {"power": True}}),  # a symptom, no device "too high"
])
def test_nearby_asks_keep_their_meaning(text: str, want: dict) -> None:
    assert understood(text) == want


@pytest.mark.parametrize("text", ["turn off the lamps, not the desk lamp", "it's not dark, turn off the lights",
                                  "set conveyor a to 30, no more than that", "don't go over 30 on conveyor a"])
def test_exceptions_and_bounds_keep_their_refusal(text: str) -> None:
    assert refused(text)


# -- the negated action is never done, whatever value or device is said ------------------------------------------------
@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=0, max_value=100), st.sampled_from([
    "steam valve — don't open it fully, just {v}%", "蒸汽阀别全开，开到{v}%", "don't open the steam valve fully, {v}%",
    "the steam valve, never open it all the way, {v}%"]))
def test_a_negated_full_opening_never_opens_fully(v: int, form: str) -> None:
    prop = ASSISTANT.understand(form.format(v=v))
    assert all(c.params.get("open") != 100 for c in prop.commands)
    if 0 < v < 100:
        assert [(c.device_id, c.params) for c in prop.commands] == [(VALVE, {"open": v})]


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=0, max_value=100), st.sampled_from([
    "the steam, don't cut it off completely, leave {v}%", "蒸汽阀关到{v}%，别全关",
    "the valve, close it... not all the way, leave it at {v}"]))
def test_a_negated_full_closing_never_closes_fully(v: int, form: str) -> None:
    prop = ASSISTANT.understand(form.format(v=v))
    assert all(c.params.get("open") != 0 for c in prop.commands)
    if 0 < v < 100:
        assert [(c.device_id, c.params) for c in prop.commands] == [(VALVE, {"open": v})]


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=0, max_value=120), st.sampled_from(["a", "b"]), st.sampled_from([
    "set conveyor {d} to {v} rpm but leave it running", "conveyor {d} speed {v} rpm, but don't switch it off",
    "set conveyor {d} to {v} rpm but don't stop it", "conveyor {d} to {v} rpm, don't stop it, and stop it"]))
def test_a_negated_stop_never_stops(v: int, d: str, form: str) -> None:
    prop = ASSISTANT.understand(form.format(v=v, d=d))
    assert all(c.params.get("running") is not False for c in prop.commands)
    assert all(c.device_id == f"conveyor-{d}" for c in prop.commands)


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["steady", "pulse", "wail"]), st.sampled_from([
    "set the siren to {p} but don't sound it", "警报器改成{p}模式，先别响", "siren pattern {p}, but don't start it",
    "set the siren to {p}, sound it, but don't sound it"]))
def test_a_negated_sounding_never_sounds(p: str, form: str) -> None:
    prop = ASSISTANT.understand(form.format(p=p))
    assert all(c.params.get("active") is not True for c in prop.commands)


@settings(max_examples=40, deadline=None)
@given(st.sampled_from([("the valve", VALVE), ("the pump", PUMP), ("the steam", VALVE), ("the coolant", PUMP),
                        ("conveyor b", CONV_B), ("the siren", SIREN)]),
       st.sampled_from(["stop the pump", "close the steam valve", "stop conveyor b", "switch the siren off",
                        "start the pump", "open the steam valve to 30%"]),
       st.sampled_from(["not {y}. {cmd}", "{cmd}, not {y}", "don't touch {y}, just {cmd}", "{cmd} — {y}, not"]))
def test_the_device_not_meant_is_never_changed(y: tuple, cmd: str, form: str) -> None:
    prop = ASSISTANT.understand(form.format(y=y[0], cmd=cmd))
    assert all(c.device_id != y[1] for c in prop.commands)


# -- the splitter -------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, rest, what", [
    ("Steam valve — don't open it fully, just 20% for now.", "steam valve, just 20% for now.", BOUND),
    ("蒸汽阀别全开，开到20%就行", "蒸汽阀,开到20%就行", BOUND),
    ("set conveyor B to 0 rpm but leave it running", "set conveyor b to 0 rpm", SWITCH),
    ("conveyor A, no not B, A — stop it", "conveyor a — stop it", NOT),
    ("水泵别动，我只要把蒸汽阀关上", "把蒸汽阀关上", KEEP),
    ("the steam valve's too open, close it to 10", "the steam valve, close it to 10", TOO),
    ("warn everyone, wail, this isn't a drill", "warn everyone, wail", REASON),
])
def test_split_takes_out_the_part(text: str, rest: str, what: str) -> None:
    sp = split(ASSISTANT, text)
    assert sp is not None and sp.rest == rest and [p.what for p in sp.parts] == [what]


@pytest.mark.parametrize("text", ["don't stop conveyor A", "set conveyor b to 30", "别开灯", "not the valve"])
def test_split_leaves_a_bare_negation_or_a_plain_ask(text: str) -> None:
    assert split(ASSISTANT, text) is None
